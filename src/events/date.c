/* Calendar dates over tokens. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "date.h"
#include "normalize.h"
#include "resource.h"

/* Copies s[0..n) into out (room for cap bytes) with ASCII capitals lowered; returns its
 * length, or (size_t)-1 when it does not fit. */
static size_t ascii_lower(const char *s, size_t n, char *out, size_t cap)
{
    if (n > cap)
        return (size_t)-1;
    for (size_t i = 0; i < n; i++)
        out[i] = s[i] >= 'A' && s[i] <= 'Z' ? (char)(s[i] - 'A' + 'a') : s[i];
    return n;
}

static int valid(int y, int m, int d);

/* The value of a folded word in lx (the lists' values are never 0), its final period dropped
 * as the lists drop it ("janv."), or 0. */
static unsigned key_value(const dp_lexicon *lx, const char *key, size_t len)
{
    uint32_t v;
    if (len && key[len - 1] == '.')
        len--;
    return len && dp_lexicon_get(lx, key, len, &v) ? v : 0;
}

static const char *const unit_names[] = {"day",     "week",    "month",         "year",
                                         "holiday", "week-of", "weekday-after", "whole-week"};
static const char *const precision_names[] = {"", "year", "month", "day"};

/* Splits a phrase of a "when" line into folded words as the tokenizer splits text: at blanks,
 * and after the apostrophe of an elision ("l'année" is "l'" "année"). Returns the count, or -1. */
static int phrase_words(dp_date_phrase *p, const char *s, size_t n)
{
    size_t i = 0;
    p->n_words = 0;
    while (i < n) {
        while (i < n && s[i] == ' ')
            i++;
        size_t j = i;
        while (j < n && s[j] != ' ')
            j++;
        for (size_t at = i; at < j;) {
            size_t end = j;
            const char *quote = memchr(s + at, '\'', j - at);
            if (quote && (size_t)(quote - (s + at)) <= 3 && quote + 1 < s + j)
                end = (size_t)(quote - s) + 1; /* "l'", "d'", "qu'" */
            if (p->n_words == DP_DATE_PHRASE_WORDS)
                return -1;
            char *w = p->words[p->n_words++];
            size_t k = dp_fold_key(s + at, end - at, w, sizeof p->words[0] - 1);
            if (k == (size_t)-1)
                return -1;
            w[k] = '\0';
            at = end;
        }
        i = j;
    }
    return p->n_words;
}

/* "when SHIFT UNIT PRECISION PHRASE [| PHRASE...]" */
static int load_phrases(dp_date_rules *r, int anchored, const char *args, size_t len,
                        const char *path, unsigned long line, depeche_error *err)
{
    const char *f[3];
    size_t fl[3];
    dp_date_phrase p = {0};
    int unit = -1, precision = -1;
    for (int k = 0; k < 3; k++)
        if (!dp_next_field(&args, &len, &f[k], &fl[k]))
            f[k] = NULL;
    for (int u = 0; f[1] && u < (int)DP_ARRAY_LEN(unit_names); u++)
        if (dp_word_is(f[1], fl[1], unit_names[u]))
            unit = u;
    for (int k = 1; f[2] && k < 4; k++)
        if (dp_word_is(f[2], fl[2], precision_names[k]))
            precision = k;
    char shift[16] = "";
    if (f[0] && fl[0] < sizeof shift)
        memcpy(shift, f[0], fl[0]), shift[fl[0]] = '\0';
    int a = 0, b = 0, ok = unit >= 0 && precision > 0 && len;
    if (ok && unit == DP_DATE_HOLIDAY)
        ok = sscanf(shift, "%d-%d", &a, &b) == 2 && valid(2000, a, b), p.shift = (int16_t)(a * 100 + b);
    else if (ok && (!strcmp(shift, "N") || !strcmp(shift, "-N")))
        p.sign = shift[0] == '-' ? -1 : 1;
    else if (ok)
        ok = sscanf(shift, "%d", &a) == 1 && a >= -100 && a <= 100, p.shift = (int16_t)a;
    if (!ok)
        return dp_fail(err, DEPECHE_ERR_DATA, path, line, 0,
                       "expected '%s SHIFT UNIT PRECISION PHRASE [| PHRASE...]' with SHIFT a number, "
                       "N or -N (MM-DD for a holiday), UNIT day, week, month, year, holiday, week-of, "
                       "weekday-after or whole-week, "
                       "PRECISION day, month or year", anchored ? "then" : "when");
    p.unit = (uint8_t)unit;
    p.anchored = (uint8_t)anchored;
    p.precision = (uint8_t)precision;
    while (len) {
        const char *bar = memchr(args, '|', len);
        size_t plen = bar ? (size_t)(bar - args) : len;
        if (phrase_words(&p, args, plen) <= 0)
            return dp_fail(err, DEPECHE_ERR_DATA, path, line, 0,
                           "a phrase is empty, longer than %d words, or has a word over 23 bytes",
                           DP_DATE_PHRASE_WORDS);
        /* chained by first word, so that a token meets only the phrases it can start */
        uint32_t head = 0;
        size_t first_len = strlen(p.words[0]);
        dp_lexicon_get(&r->phrase_heads, p.words[0], first_len, &head);
        p.next = head;
        if (DP_PUSH(r->phrases, r->n_phrases, r->phrases_cap, p) ||
            dp_lexicon_put(&r->phrase_heads, p.words[0], first_len, (uint32_t)r->n_phrases) ||
            dp_lexicon_put(&r->starts, p.words[0], first_len, 1))
            return dp_fail(err, DEPECHE_ERR_NOMEM, path, line, 0, "out of memory");
        args += plen + (bar != NULL);
        len -= plen + (bar != NULL);
    }
    return 1;
}

int dp_date_rules_load(dp_date_rules *r, const char *kind, size_t kind_len, const char *args,
                       size_t args_len, const char *path, unsigned long line,
                       depeche_error *err)
{
    dp_lexicon *lx;
    int min = 1, max, numbered = 1;
    int anchored = dp_word_is(kind, kind_len, "then");
    if (anchored || dp_word_is(kind, kind_len, "when"))
        return load_phrases(r, anchored, args, args_len, path, line, err);
    if (dp_word_is(kind, kind_len, "number"))
        lx = &r->numbers, max = 100;
    else if (dp_word_is(kind, kind_len, "anchor"))
        lx = &r->anchors, numbered = 0, max = 1;
    else if (dp_word_is(kind, kind_len, "year-after"))
        lx = &r->year_after, numbered = 0, max = 1;
    else if (dp_word_is(kind, kind_len, "future"))
        lx = &r->future, numbered = 0, max = 1;
    else if (dp_word_is(kind, kind_len, "today"))
        lx = &r->today, numbered = 0, max = 1;
    else if (dp_word_is(kind, kind_len, "today-headline"))
        lx = &r->today, numbered = 0, max = 2;
    else if (dp_word_is(kind, kind_len, "compare"))
        lx = &r->compare, numbered = 0, max = 1;
    else if (dp_word_is(kind, kind_len, "season"))
        lx = &r->seasons, max = 12;
    else if (dp_word_is(kind, kind_len, "month"))
        lx = &r->months, max = 12;
    else if (dp_word_is(kind, kind_len, "weekday"))
        lx = &r->weekdays, max = 7;
    else if (dp_word_is(kind, kind_len, "relative"))
        lx = &r->relative, min = -366, max = 366;
    else
        return 0;
    const char *f;
    size_t fl;
    int value = lx == &r->today ? max : 1; /* today: 1, today opening a title: 2 */
    char number[16];
    if (numbered && (!dp_next_field(&args, &args_len, &f, &fl) || fl >= sizeof number ||
        (memcpy(number, f, fl), number[fl] = '\0', sscanf(number, "%d", &value) != 1) ||
        value < min || value > max))
        return dp_fail(err, DEPECHE_ERR_DATA, path, line, 0,
                       "expected '%.*s N names...' with N from %d to %d", (int)kind_len, kind, min, max);
    if (lx == &r->relative)
        value += 1000; /* lexicon values are unsigned */
    int any = 0;
    while (dp_next_field(&args, &args_len, &f, &fl)) {
        char key[64];
        /* tenses differ by an accent alone ("nomme", "nommé"): "today" words keep theirs */
        size_t kl = lx == &r->today ? ascii_lower(f, fl, key, sizeof key)
                                    : dp_fold_key(f, fl, key, sizeof key);
        if (kl == (size_t)-1)
            return dp_fail(err, DEPECHE_ERR_DATA, path, line, 0, "name too long");
        if (kl && key[kl - 1] == '.')
            kl--;
        int dated = lx == &r->months || lx == &r->weekdays || lx == &r->relative || lx == &r->seasons;
        if (dp_lexicon_put(lx, key, kl, (uint32_t)value) ||
            (lx != &r->today && lx != &r->future && lx != &r->compare &&
             dp_lexicon_put(&r->starts, key, kl, 1)) ||
            (dated && dp_lexicon_put(&r->anchors, key, kl, 1)))
            return dp_fail(err, DEPECHE_ERR_NOMEM, path, line, 0, "out of memory");
        any = 1;
    }
    if (!any)
        return dp_fail(err, DEPECHE_ERR_DATA, path, line, 0, "expected at least one name");
    return 1;
}

void dp_date_rules_release(dp_date_rules *r)
{
    dp_lexicon_release(&r->months);
    dp_lexicon_release(&r->weekdays);
    dp_lexicon_release(&r->relative);
    dp_lexicon_release(&r->year_after);
    dp_lexicon_release(&r->future);
    dp_lexicon_release(&r->today);
    dp_lexicon_release(&r->compare);
    dp_lexicon_release(&r->seasons);
    dp_lexicon_release(&r->numbers);
    dp_lexicon_release(&r->starts);
    dp_lexicon_release(&r->phrase_heads);
    dp_lexicon_release(&r->anchors);
    free(r->phrases);
    memset(r, 0, sizeof *r);
}

/* The value of a token in lx (folded, final period dropped), or 0. */
static unsigned lookup(const dp_lexicon *lx, const char *text, const dp_token *t)
{
    if (t->kind != DP_TOK_WORD)
        return 0;
    char key[64];
    size_t k = dp_fold_key(text + t->start, t->end - t->start, key, sizeof key);
    return k == (size_t)-1 ? 0 : key_value(lx, key, k);
}

/* The value of the `digits` digits at text[at], or -1. */
static int number_prefix(const char *text, size_t at, size_t digits)
{
    int v = 0;
    for (size_t i = at; i < at + digits; i++) {
        if (text[i] < '0' || text[i] > '9')
            return -1;
        v = v * 10 + (text[i] - '0');
    }
    return v;
}

/* The value of an all-digit token of 1 to max_digits digits, or -1. */
static int number(const char *text, const dp_token *t, size_t max_digits)
{
    size_t n = t->end - t->start;
    if (t->kind != DP_TOK_NUMBER || n == 0 || n > max_digits)
        return -1;
    return number_prefix(text, t->start, n);
}

/* A day of the month: "14", "1er". */
/* "1er", "premier", "22": a day of the month, or -1. */
static int day_of(const char *text, const dp_token *t)
{
    if (t->kind == DP_TOK_WORD && t->end - t->start == 3 && !memcmp(text + t->start + 1, "er", 2) &&
        text[t->start] == '1')
        return 1;
    if (t->kind == DP_TOK_WORD && t->end - t->start == 7 &&
        (!memcmp(text + t->start, "premier", 7) || !memcmp(text + t->start, "Premier", 7)))
        return 1;
    int d = number(text, t, 2);
    return d >= 1 && d <= 31 ? d : -1;
}

static int year_of(const char *text, const dp_token *t)
{
    int y = number(text, t, 4);
    if (t->end - t->start == 4)
        return y >= 1800 && y <= 2200 ? y : -1;
    if (t->end - t->start == 2 && y >= 0)
        return y < 50 ? 2000 + y : 1900 + y; /* "18 juin 89" */
    return -1;
}

static int valid(int y, int m, int d)
{
    static const int days[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (m < 1 || m > 12 || d < 1 || d > days[m - 1])
        return 0;
    return !(m == 2 && d == 29 && !(y % 4 == 0 && (y % 100 != 0 || y % 400 == 0)));
}

/* "02.02.2025", "27-02-2019", "2019-02-27": one token with separators. */
static int compact_date(const char *text, const dp_token *t, dp_date *out)
{
    int a, b, c;
    char s1, s2;
    char buf[16];
    size_t n = t->end - t->start;
    if (n < 8 || n > 10)
        return 0;
    memcpy(buf, text + t->start, n);
    buf[n] = '\0';
    int used = 0;
    if (sscanf(buf, "%d%c%d%c%d%n", &a, &s1, &b, &s2, &c, &used) != 5 || (size_t)used != n ||
        s1 != s2 || (s1 != '.' && s1 != '-'))
        return 0;
    if (a > 1800 && s1 == '-') { /* ISO order */
        int tmp = a;
        a = c;
        c = tmp;
    }
    if (c < 1800 || c > 2200 || !valid(c, b, a))
        return 0;
    out->year = (int16_t)c, out->month = (int8_t)b, out->day = (int8_t)a;
    return 1;
}

static int glued(const dp_token *t)
{
    return !(t->flags & DP_TF_SPACE_BEFORE);
}

/* The index after a month name at i, past a period glued to it ("19 Mai. 2024"). */
static size_t after_month(const char *text, const dp_token *t, size_t n, size_t i)
{
    if (i + 1 < n && t[i + 1].kind == DP_TOK_PUNCT && !(t[i + 1].flags & DP_TF_SPACE_BEFORE) &&
        t[i + 1].end - t[i + 1].start == 1 && text[t[i + 1].start] == '.')
        return i + 2;
    return i + 1;
}

static int match_at(const dp_date_rules *r, const char *text, const dp_token *t, size_t n,
                    size_t i, dp_date_match *m)
{
    int d, mo, y;
    size_t first = i;
    /* name lookups cost a fold and a hash: only where a number stands next to the word */
    int number_next = i + 1 < n && (t[i + 1].kind == DP_TOK_NUMBER || day_of(text, &t[i + 1]) > 0);
    if (number_next && lookup(&r->weekdays, text, &t[i]) && day_of(text, &t[i + 1]) > 0)
        i++; /* "mardi 26 février 2019"; a weekday name needs a day after it ("mer" is a sea) */
    if (compact_date(text, &t[i], &m->date)) {
        m->first = first, m->last = i;
        return 1;
    }
    /* "du 3 au 5 mars 2023": an interval is dated by its first day, in the month of its last */
    if (i + 3 < n && (d = day_of(text, &t[i])) > 0 && t[i + 1].end - t[i + 1].start == 2 &&
        !memcmp(text + t[i + 1].start, "au", 2) && match_at(r, text, t, n, i + 2, m) &&
        m->date.day >= d && m->first == i + 2) {
        m->date.day = (int8_t)d;
        m->first = first;
        return 1;
    }
    /* 26 février 2019 */
    if (i + 2 < n && (d = day_of(text, &t[i])) > 0 && (mo = (int)lookup(&r->months, text, &t[i + 1]))) {
        size_t k = after_month(text, t, n, i + 1);
        if (k < n && (y = year_of(text, &t[k])) > 0 && valid(y, mo, d)) {
            m->date = (dp_date){(int16_t)y, (int8_t)mo, (int8_t)d};
            m->first = first, m->last = k;
            return 1;
        }
    }
    /* October 11, 2019 */
    size_t k;
    int number_after = i + 2 < n && (t[i + 1].kind == DP_TOK_NUMBER || t[i + 2].kind == DP_TOK_NUMBER);
    if (number_after && (mo = (int)lookup(&r->months, text, &t[i])) &&
        (k = after_month(text, t, n, i)) < n && (d = day_of(text, &t[k])) > 0) {
        k++;
        if (k < n && text[t[k].start] == ',' && t[k].end - t[k].start == 1)
            k++;
        if (k < n && t[k].end - t[k].start == 4 && (y = year_of(text, &t[k])) > 0 && valid(y, mo, d)) {
            m->date = (dp_date){(int16_t)y, (int8_t)mo, (int8_t)d};
            m->first = first, m->last = k;
            return 1;
        }
    }
    /* "20 02 2014", "24 12 14": three numbers apart, none before or after them (a telephone
     * number is five) */
    if (i + 2 < n && t[i].kind == DP_TOK_NUMBER && t[i + 1].kind == DP_TOK_NUMBER &&
        t[i + 2].kind == DP_TOK_NUMBER && !(i > 0 && t[i - 1].kind == DP_TOK_NUMBER) &&
        !(i + 3 < n && t[i + 3].kind == DP_TOK_NUMBER) && (d = day_of(text, &t[i])) > 0 &&
        (mo = number(text, &t[i + 1], 2)) > 0 && (y = year_of(text, &t[i + 2])) > 0 && valid(y, mo, d)) {
        m->date = (dp_date){(int16_t)y, (int8_t)mo, (int8_t)d};
        m->first = first, m->last = i + 2;
        return 1;
    }
    /* 24/01/2019 */
    if (i + 4 < n && (d = day_of(text, &t[i])) > 0 && text[t[i + 1].start] == '/' &&
        glued(&t[i + 1]) && (mo = number(text, &t[i + 2], 2)) > 0 && glued(&t[i + 2]) &&
        text[t[i + 3].start] == '/' && glued(&t[i + 3]) && glued(&t[i + 4]) &&
        (y = year_of(text, &t[i + 4])) > 0 && valid(y, mo, d)) {
        m->date = (dp_date){(int16_t)y, (int8_t)mo, (int8_t)d};
        m->first = first, m->last = i + 4;
        return 1;
    }
    return 0;
}

int dp_date_find_full(const dp_date_rules *r, const char *text, const dp_token *toks, size_t n,
                      size_t from, dp_date_match *m)
{
    for (size_t i = from; i < n; i++)
        if (match_at(r, text, toks, n, i, m))
            return 1;
    return 0;
}

/* Days since 1970-01-01 of a civil date, and back (Howard Hinnant's algorithms). */
static long days_from_civil(int y, int m, int d)
{
    y -= m <= 2;
    long era = (y >= 0 ? y : y - 399) / 400;
    long yoe = y - era * 400;
    long doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
}

/* The weekday of a day number, 1 Monday to 7 Sunday: 1970-01-01 was a Thursday. */
static long weekday_of(long days)
{
    return ((days % 7) + 7 + 3) % 7 + 1;
}

long dp_date_days(dp_date d)
{
    return days_from_civil(d.year, d.month ? d.month : 1, d.day ? d.day : 1);
}

static dp_date civil_from_days(long z)
{
    z += 719468;
    long era = (z >= 0 ? z : z - 146096) / 146097;
    long doe = z - era * 146097;
    long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    long y = yoe + era * 400;
    long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    long mp = (5 * doy + 2) / 153;
    long d = doy - (153 * mp + 2) / 5 + 1;
    long m = mp + (mp < 10 ? 3 : -9);
    return (dp_date){(int16_t)(y + (m <= 2)), (int8_t)m, (int8_t)d};
}

int dp_date_relative(const dp_date_rules *r, const char *text, const dp_token *t, dp_date ref,
                     int forward, dp_date *out)
{
    if (ref.year <= 0 || t->kind != DP_TOK_WORD)
        return 0;
    unsigned v;
    if ((v = lookup(&r->months, text, t))) {
        int year = !ref.month ? ref.year
                   : forward  ? ref.year + ((int)v < ref.month)
                              : ref.year - ((int)v > ref.month);
        *out = (dp_date){(int16_t)year, (int8_t)v, 0};
        return 1;
    }
    int relative = (v = lookup(&r->relative, text, t)) != 0;
    unsigned weekday_number = relative ? 0 : lookup(&r->weekdays, text, t);
    if (!relative && !weekday_number)
        return 0;
    /* a weekday alone is spelled out, or abbreviated with its period ("lun."): its bare
     * abbreviations are common words ("mon pays", "la mer", "Sam"), and name a day only
     * before its number ("lun 3 mai") */
    if (weekday_number && t->end - t->start < 5) {
        /* (and an abbreviation with its period after an article or a preposition is the
         * common word ending a sentence: "dans la mer.", "son jeu.", "en bord de mer.") */
        static const char *const determiners[] = {"le", "la", "l'", "un", "une", "du", "de", "d'", "au",
                                                  "en", "ce", "cette", "son", "sa", "mon", "ma",
                                                  "ton", "ta", "leur", "notre", "votre"};
        uint32_t len, before = dp_word_before(text, t->start, &len);
        int after_determiner = 0;
        for (size_t k = 0; k < DP_ARRAY_LEN(determiners) && !after_determiner; k++)
            after_determiner = dp_word_is(text + before, len, determiners[k]);
        if (text[t->end - 1] != '.' || after_determiner)
            return 0;
    }
    if (!ref.day) {
        /* "hier" in an article known to the month: that month is as precise as it gets */
        *out = ref;
        return 1;
    }
    long base = days_from_civil(ref.year, ref.month, ref.day);
    if (relative) {
        *out = civil_from_days(base + (long)v - 1000);
        return 1;
    }
    long weekday = weekday_of(base);
    /* a weekday told of what is to come is the next one, never the day itself ("il rachètera
     * lundi", said on a Monday, is a week later); of what happened, the last one or today */
    if (forward) {
        long ahead = ((long)weekday_number - weekday + 7) % 7;
        *out = civil_from_days(base + (ahead ? ahead : 7));
    } else {
        *out = civil_from_days(base - (long)((weekday - weekday_number + 7) % 7));
    }
    return 1;
}

/* A day of the month, or 0. */
static int day_number(const char *text, const dp_token *t)
{
    int d = day_of(text, t);
    return d > 0 ? d : 0;
}

size_t dp_date_day_month(const dp_date_rules *r, const char *text, const dp_token *toks, size_t n,
                         size_t i, dp_date ref, int forward, dp_date *out)
{
    int d, mo;
    size_t used = 2;
    if (ref.year <= 0 || !ref.month || i + 1 >= n || !(d = day_number(text, &toks[i])))
        return 0;
    /* "du 3 au 5 mars": an interval starts on its first day, in the month of its last */
    size_t end_used;
    dp_date last;
    if (i + 3 < n && toks[i + 1].end - toks[i + 1].start == 2 && !memcmp(text + toks[i + 1].start, "au", 2) &&
        (end_used = dp_date_day_month(r, text, toks, n, i + 2, ref, forward, &last)) > 0 &&
        d <= last.day) {
        *out = (dp_date){last.year, last.month, (int8_t)d};
        return 2 + end_used;
    }
    if (i + 2 < n && toks[i + 1].kind != DP_TOK_WORD && glued(&toks[i + 1]) && glued(&toks[i + 2]) &&
        text[toks[i + 1].start] == '/' && toks[i + 1].end - toks[i + 1].start == 1 &&
        toks[i + 2].kind == DP_TOK_NUMBER && (mo = number(text, &toks[i + 2], 2)) >= 1 && mo <= 12) {
        /* "le 17/02": a day and a month in figures, with no year after them */
        if (i + 3 < n && glued(&toks[i + 3]) && text[toks[i + 3].start] == '/')
            return 0;
        used = 3;
    } else if (toks[i].kind == DP_TOK_NUMBER && toks[i + 1].kind == DP_TOK_NUMBER &&
               !(i > 0 && toks[i - 1].kind == DP_TOK_NUMBER) &&
               !(i + 2 < n && toks[i + 2].kind == DP_TOK_NUMBER) &&
               (mo = number(text, &toks[i + 1], 2)) >= 1 && mo <= 12) {
        /* "le 17 02": a day and a month apart, nothing in figures around them */
    } else if (!(mo = (int)lookup(&r->months, text, &toks[i + 1]))) {
        return 0;
    }
    if (i + used < n && toks[i + used].end - toks[i + used].start == 4 && year_of(text, &toks[i + used]) > 0)
        return 0; /* a full date: the date stage has it */
    /* a reference known to the month: any day of that month may be before it */
    int later = mo > ref.month || (mo == ref.month && ref.day && d > ref.day);
    int year = forward ? ref.year + (!later && !(mo == ref.month && d == ref.day))
                       : ref.year - later;
    /* a future tense sends a day that has passed a year ahead only when that is the nearer
     * reading: "Elle sera nommée directrice le 2 mai", in a portrait published in June, is the
     * story's May (a narrative future), not next year's, which a writer would date in full */
    if (forward && year > ref.year && ref.day && valid(ref.year, mo, d)) {
        long today = days_from_civil(ref.year, ref.month, ref.day);
        if (today - days_from_civil(ref.year, mo, d) < days_from_civil(year, mo, d) - today)
            year = ref.year;
    }
    if (!valid(year, mo, d))
        return 0;
    *out = (dp_date){(int16_t)year, (int8_t)mo, (int8_t)d};
    return used;
}

int dp_date_weekday_of(const dp_date_rules *r, const char *text, const dp_token *t)
{
    return (int)lookup(&r->weekdays, text, t);
}

int dp_date_month_of(const dp_date_rules *r, const char *text, const dp_token *t)
{
    return (int)lookup(&r->months, text, t);
}

int dp_date_is_compare_word(const dp_date_rules *r, const char *text, const dp_token *t)
{
    return t->kind == DP_TOK_WORD && lookup(&r->compare, text, t) != 0;
}

int dp_date_is_today_word(const dp_date_rules *r, const char *text, const dp_token *t)
{
    char key[64];
    uint32_t v = 0;
    size_t k = t->kind == DP_TOK_WORD ? ascii_lower(text + t->start, t->end - t->start, key, sizeof key)
                                      : (size_t)-1;
    return k != (size_t)-1 && dp_lexicon_get(&r->today, key, k, &v) ? (int)v : 0;
}

int dp_date_season(const dp_date_rules *r, const char *text, const dp_token *t, dp_date ref,
                   int when, dp_date *out)
{
    int start = ref.year > 0 && ref.month ? (int)lookup(&r->seasons, text, t) : 0;
    if (!start)
        return 0;
    /* months since the season began, 0 to 11: under 3, the reference is in it */
    int since = (ref.month - start + 12) % 12;
    int began = ref.year - (ref.month < start); /* the year it last began */
    if (when < 0)
        began -= since < 3; /* "dernier": the one before the current one */
    else if (when > 0)
        began += 1; /* "prochain": the next one */
    *out = (dp_date){(int16_t)began, 0, 0};
    return 1;
}

int dp_date_is_future_word(const dp_date_rules *r, const char *text, const dp_token *t)
{
    return t->kind == DP_TOK_WORD && lookup(&r->future, text, t) != 0;
}

int dp_date_mid_year(const char *word, size_t len)
{
    int y;
    if (len != 7 || (word[0] != 'm' && word[0] != 'M') || memcmp(word + 1, "i-", 2) ||
        (y = number_prefix(word, 3, 4)) < 1800 || y > 2200)
        return 0;
    return y;
}

size_t dp_date_month_year(const dp_date_rules *r, const char *text, const dp_token *toks,
                          size_t n, size_t i, dp_date *out)
{
    int mo, y;
    if (toks[i].kind == DP_TOK_NUMBER && toks[i].end - toks[i].start == 7 &&
        text[toks[i].start + 4] == '-' && (y = number_prefix(text, toks[i].start, 4)) >= 1800 &&
        y <= 2200 && (mo = number_prefix(text, toks[i].start + 5, 2)) >= 1 && mo <= 12) {
        *out = (dp_date){(int16_t)y, (int8_t)mo, 0}; /* ISO 8601 "2023-02" */
        return 1;
    }
    if ((y = dp_date_mid_year(text + toks[i].start, toks[i].end - toks[i].start))) {
        *out = (dp_date){(int16_t)y, 0, 0}; /* "mi-2019" */
        return 1;
    }
    if (i + 1 < n && (mo = (int)lookup(&r->months, text, &toks[i])) &&
        toks[i + 1].end - toks[i + 1].start == 4 && (y = year_of(text, &toks[i + 1])) > 0) {
        *out = (dp_date){(int16_t)y, (int8_t)mo, 0};
        return 2;
    }
    if (i + 1 < n && lookup(&r->year_after, text, &toks[i]) &&
        toks[i + 1].end - toks[i + 1].start == 4 && (y = year_of(text, &toks[i + 1])) > 0) {
        *out = (dp_date){(int16_t)y, 0, 0};
        return 2;
    }
    return 0;
}

char *dp_date_iso(dp_date d, char out[11])
{
    if (d.year <= 0)
        return NULL;
    /* the fields are in range by construction: write them digit by digit */
    unsigned y = (unsigned)d.year % 10000, m = (unsigned)d.month % 100, day = (unsigned)d.day % 100;
    char *p = out;
    *p++ = (char)('0' + y / 1000), *p++ = (char)('0' + y / 100 % 10);
    *p++ = (char)('0' + y / 10 % 10), *p++ = (char)('0' + y % 10);
    if (m) {
        *p++ = '-', *p++ = (char)('0' + m / 10), *p++ = (char)('0' + m % 10);
        if (day)
            *p++ = '-', *p++ = (char)('0' + day / 10), *p++ = (char)('0' + day % 10);
    }
    *p = '\0';
    return out;
}

int dp_date_within(dp_date a, dp_date b)
{
    return a.year == b.year && (!b.month || a.month == b.month) && (!b.day || a.day == b.day);
}

int dp_date_precision(dp_date d)
{
    return d.year <= 0 ? 0 : !d.month ? 1 : !d.day ? 2 : 3;
}

const char *dp_date_precision_name(dp_date d)
{
    static const char *const names[] = {NULL, "year", "month", "day"};
    return names[dp_date_precision(d)];
}

int dp_date_parse_value(const char *s, dp_date *d)
{
    int y, m, day, used = 0;
    if (!s)
        return 0;
    if (sscanf(s, "%4d-%2d-%2d%n", &y, &m, &day, &used) == 3 && used == 10 && m >= 1 && m <= 12 &&
        day >= 1 && day <= 31) {
        *d = (dp_date){(int16_t)y, (int8_t)m, (int8_t)day};
        return 3;
    }
    if (sscanf(s, "%4d-%2d%n", &y, &m, &used) == 2 && used == 7 && (!s[7] || s[7] == 'T') &&
        m >= 1 && m <= 12) {
        *d = (dp_date){(int16_t)y, (int8_t)m, 0};
        return 2;
    }
    if (sscanf(s, "%4d%n", &y, &used) == 1 && used == 4 && !s[4] && y > 0) {
        *d = (dp_date){(int16_t)y, 0, 0};
        return 1;
    }
    return 0;
}

int dp_date_parse_iso(const char *s, dp_date *d)
{
    int y, mo, day, used = 0;
    if (!s || sscanf(s, "%4d-%2d-%2d%n", &y, &mo, &day, &used) != 3 || used != 10 ||
        !valid(y, mo, day))
        return 0;
    *d = (dp_date){(int16_t)y, (int8_t)mo, (int8_t)day};
    return 1;
}

size_t dp_date_named(const dp_date_rules *r, const char *text, const dp_token *toks, size_t n,
                     dp_date_match *out, size_t cap)
{
    for (size_t i = 0; i < n; i++)
        if (dp_date_is_future_word(r, text, &toks[i]))
            return 0;
    size_t found = 0;
    for (size_t i = 0; i < n && found < cap; i++) {
        dp_date_match m;
        size_t used;
        if (match_at(r, text, toks, n, i, &m)) {
            used = m.last - i + 1;
        } else if ((used = dp_date_month_year(r, text, toks, n, i, &m.date))) {
            m.first = i, m.last = i + used - 1;
        } else {
            continue;
        }
        out[found++] = m;
        i += used - 1;
    }
    return found;
}

/* A count in digits ("3") or in words ("trois"), or 0. */
static int count_of(const dp_date_rules *r, const char *text, const dp_token *t)
{
    if (t->kind == DP_TOK_NUMBER)
        return number(text, t, 3);
    return (int)lookup(&r->numbers, text, t);
}

static int days_in_month(int y, int m)
{
    static const int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    return m == 2 && valid(y, 2, 29) ? 29 : days[m - 1];
}

/* Moves d by `months` months, the day kept within the month it lands in. */
static dp_date add_months(dp_date d, int months)
{
    int m = d.year * 12 + (d.month - 1) + months;
    dp_date out = {(int16_t)(m / 12), (int8_t)(m % 12 + 1), d.day};
    if (out.day > days_in_month(out.year, out.month))
        out.day = (int8_t)days_in_month(out.year, out.month);
    return out;
}

size_t dp_date_phrase_at(const dp_date_rules *r, const char *text, const dp_token *toks, size_t n,
                         size_t i, dp_date ref, dp_date anchor, int forward, dp_date *out)
{
    const dp_date_phrase *best = NULL;
    size_t best_len = 0;
    int count = 0, weekday = 0;
    if (ref.year <= 0 || !r->n_phrases || i >= n)
        return 0;
    /* the folded words a phrase can cover, folded when first compared */
    char key[DP_DATE_PHRASE_WORDS][24];
    size_t key_len[DP_DATE_PHRASE_WORDS];
    int folded[DP_DATE_PHRASE_WORDS] = {0};
    /* the phrases the first token can start: by its word, as a number ("#"), as a weekday ("@") */
    uint32_t heads[3] = {0, 0, 0};
    key_len[0] = dp_fold_key(text + toks[i].start, toks[i].end - toks[i].start, key[0], sizeof key[0]);
    folded[0] = 1;
    if (key_len[0] == (size_t)-1 || !key_len[0])
        return 0;
    dp_lexicon_get(&r->phrase_heads, key[0], key_len[0], &heads[0]);
    if ((toks[i].kind == DP_TOK_NUMBER && number(text, &toks[i], 3) > 0) || key_value(&r->numbers, key[0], key_len[0]))
        dp_lexicon_get(&r->phrase_heads, "#", 1, &heads[1]);
    if (key_value(&r->weekdays, key[0], key_len[0]))
        dp_lexicon_get(&r->phrase_heads, "@", 1, &heads[2]);
    if (!heads[0] && !heads[1] && !heads[2])
        return 0;
    for (int h = 0; h < 3; h++)
        for (uint32_t k = heads[h]; k; k = r->phrases[k - 1].next) {
            const dp_date_phrase *p = &r->phrases[k - 1];
            if (p->n_words <= best_len || i + p->n_words > n)
                continue;
            int ok = 1, c = 0, wd = 0;
            for (size_t w = 0; w < p->n_words && ok; w++) {
                const dp_token *t = &toks[i + w];
                if (!strcmp(p->words[w], "#")) {
                    ok = (c = count_of(r, text, t)) > 0;
                    continue;
                }
                if (!strcmp(p->words[w], "@")) {
                    ok = (wd = (int)lookup(&r->weekdays, text, t)) > 0;
                    continue;
                }
                if (!folded[w]) {
                    key_len[w] = dp_fold_key(text + t->start, t->end - t->start, key[w], sizeof key[w]);
                    folded[w] = 1;
                }
                ok = key_len[w] != (size_t)-1 && key_len[w] == strlen(p->words[w]) &&
                     !memcmp(key[w], p->words[w], key_len[w]);
            }
            if (ok)
                best = p, best_len = p->n_words, count = c, weekday = wd;
        }
    if (!best)
        return 0;
    /* "la veille", "deux jours plus tard": from the last date the text gave, when it is as
     * precise as the phrase */
    int anchor_fits = anchor.year > 0 && (best->precision < 3 || anchor.day) &&
                      (best->precision < 2 || anchor.month);
    dp_date base = best->anchored && anchor_fits ? anchor : ref, d;
    size_t used = best_len;
    /* "le lendemain du 13 février (2023)": from the date it names */
    dp_date named;
    dp_date_match full;
    size_t more;
    if (best->unit == DP_DATE_DAY && i + used + 2 < n &&
        toks[i + used].end - toks[i + used].start == 2 && !memcmp(text + toks[i + used].start, "du", 2)) {
        if (match_at(r, text, toks, n, i + used + 1, &full))
            base = full.date, used = full.last - i + 1;
        else if ((more = dp_date_day_month(r, text, toks, n, i + used + 1, ref, forward, &named)) > 0)
            base = named, used += 1 + more;
    }
    if ((best->unit == DP_DATE_WEEK_OF || best->unit == DP_DATE_WEEKDAY_AFTER) && !weekday)
        return 0; /* a weekday phrase without its "@" */
    if (best->unit != DP_DATE_HOLIDAY && best->precision == 3 && !base.day)
        return 0; /* "la veille" of a month is no day */
    int shift = best->sign ? best->sign * count : best->shift;
    switch (best->unit) {
    case DP_DATE_DAY:
    case DP_DATE_WEEK: {
        long days = days_from_civil(base.year, base.month ? base.month : 1, base.day ? base.day : 1);
        d = civil_from_days(days + (best->unit == DP_DATE_WEEK ? 7L : 1L) * shift);
        break;
    }
    case DP_DATE_MONTH:
        d = add_months((dp_date){base.year, base.month ? base.month : 1, base.day ? base.day : 1}, shift);
        break;
    case DP_DATE_YEAR:
        d = (dp_date){(int16_t)(base.year + shift), base.month ? base.month : 1, base.day ? base.day : 1};
        break;
    case DP_DATE_WHOLE_WEEK: {
        /* "la semaine dernière" is no day: a week within one month tells the month, one across
         * two the year, one across two years nothing */
        if (!base.day)
            return 0;
        long days = days_from_civil(base.year, base.month, base.day);
        dp_date monday = civil_from_days(days - (weekday_of(days) - 1) + 7L * shift);
        dp_date sunday = civil_from_days(days - (weekday_of(days) - 1) + 7L * shift + 6);
        if (monday.year != sunday.year)
            return 0;
        d = (dp_date){monday.year, monday.month == sunday.month ? monday.month : 0, 0};
        *out = d;
        return used;
    }
    case DP_DATE_WEEK_OF:
    case DP_DATE_WEEKDAY_AFTER: {
        long days = days_from_civil(base.year, base.month, base.day);
        long today = weekday_of(days);
        long at = best->unit == DP_DATE_WEEK_OF ? days - (today - 1) + (weekday - 1)
                                                : days + ((weekday - today + 7) % 7);
        d = civil_from_days(at + 7L * shift);
        break;
    }
    default: { /* a holiday: this year's, or the next or the last one */
        int mo = best->shift / 100, day = best->shift % 100;
        d = (dp_date){base.year, (int8_t)mo, (int8_t)day};
        long at = days_from_civil(d.year, mo, day);
        long from = days_from_civil(base.year, base.month ? base.month : 1, base.day ? base.day : 1);
        if (forward && at < from)
            d.year++;
        else if (!forward && at > from)
            d.year--;
    }
    }
    if (best->precision < 3)
        d.day = 0;
    if (best->precision < 2)
        d.month = 0;
    *out = d;
    return used;
}

int dp_date_may_start(const dp_date_rules *r, const dp_token *t, const char *key, size_t len)
{
    return t->kind == DP_TOK_NUMBER ||
           (t->kind == DP_TOK_WORD && (dp_date_mid_year(key, len) || key_value(&r->starts, key, len)));
}

int dp_date_is_future_key(const dp_date_rules *r, const char *key, size_t len)
{
    return key_value(&r->future, key, len);
}

int dp_date_is_anchor(const dp_date_rules *r, const char *key, size_t len)
{
    return key_value(&r->anchors, key, len);
}
