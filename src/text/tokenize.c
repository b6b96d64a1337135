/* A hand-written scanner: one pass, no allocation; split pieces wait in a small queue. */
#include <string.h>

#include "normalize.h"
#include "resource.h"
#include "tokenize.h"

enum { ABBREV_PLAIN = 1 };

static int load_words(dp_lexicon *lx, int fold, const char *args, size_t len, const char *path,
                      unsigned long line, depeche_error *err)
{
    const char *w;
    size_t wl;
    int any = 0;
    while (dp_next_field(&args, &len, &w, &wl)) {
        char key[256];
        size_t kl = wl;
        if (fold)
            kl = dp_fold_key(w, wl, key, sizeof key);
        else if (wl <= sizeof key)
            memcpy(key, w, wl);
        else
            kl = (size_t)-1;
        if (kl == (size_t)-1)
            return dp_fail(err, DEPECHE_ERR_DATA, path, line, 0, "word too long: '%.40s...'", w);
        if (dp_lexicon_put(lx, key, kl, ABBREV_PLAIN))
            return dp_fail(err, DEPECHE_ERR_NOMEM, path, line, 0, "out of memory");
        any = 1;
    }
    if (!any)
        return dp_fail(err, DEPECHE_ERR_DATA, path, line, 0, "expected at least one word");
    return 1;
}

int dp_token_rules_load(dp_token_rules *r, const char *kind, size_t kind_len, const char *args,
                        size_t args_len, const char *path, unsigned long line,
                        depeche_error *err)
{
    static const struct {
        const char *kind;
        size_t offset;
        int fold;
    } kinds[] = {
        {"title", offsetof(dp_token_rules, titles), 0},
        {"abbreviation", offsetof(dp_token_rules, abbreviations), 1},
        {"elision", offsetof(dp_token_rules, elisions), 1},
        {"word", offsetof(dp_token_rules, whole_words), 1},
        {"clitic", offsetof(dp_token_rules, clitics), 1},
        {"opener", offsetof(dp_token_rules, openers), 0},
    };
    for (size_t i = 0; i < DP_ARRAY_LEN(kinds); i++) {
        if (dp_word_is(kind, kind_len, kinds[i].kind))
            return load_words((dp_lexicon *)((char *)r + kinds[i].offset), kinds[i].fold, args,
                              args_len, path, line, err);
    }
    return 0;
}

void dp_token_rules_release(dp_token_rules *r)
{
    dp_lexicon_release(&r->titles);
    dp_lexicon_release(&r->abbreviations);
    dp_lexicon_release(&r->elisions);
    dp_lexicon_release(&r->whole_words);
    dp_lexicon_release(&r->clitics);
    dp_lexicon_release(&r->openers);
}

void dp_tokenizer_start(dp_tokenizer *tz, const dp_token_rules *rules, const char *text,
                        dp_span span, uint32_t cp_start)
{
    memset(tz, 0, sizeof *tz);
    tz->rules = rules;
    tz->text = text;
    tz->start = tz->pos = span.start;
    tz->end = span.end;
    tz->cp = cp_start;
}

/* The code point at text[*i] (before end) and its class; 0 / DP_CC_SPACE past the end. */
static uint32_t peek_cp(const dp_tokenizer *tz, size_t at, size_t *after, enum dp_char_class *cls)
{
    if (at >= tz->end) {
        *after = at;
        *cls = DP_CC_SPACE;
        return 0;
    }
    size_t i = at;
    uint32_t c = dp_utf8_next(tz->text, tz->end, &i);
    *after = i;
    *cls = dp_char_class(c);
    return c;
}

static int is_alnum(enum dp_char_class c)
{
    return c == DP_CC_LOWER || c == DP_CC_UPPER || c == DP_CC_LETTER || c == DP_CC_DIGIT ||
           c == DP_CC_MARK;
}

static int is_letter(enum dp_char_class c)
{
    return c == DP_CC_LOWER || c == DP_CC_UPPER || c == DP_CC_LETTER || c == DP_CC_MARK;
}

/* Whether the period at text[dot] joins a market code: "CMA.N", "FITB.O", "AIR.PA" (capitals
 * from `start`, the period, one or two capitals, then no letter), which ends no sentence. */
static int ticker_suffix(const dp_tokenizer *tz, size_t start, size_t dot, size_t after_dot)
{
    if (dot - start < 2)
        return 0; /* "U.S." is initials */
    for (size_t k = start; k < dot; k++)
        if (tz->text[k] < 'A' || tz->text[k] > 'Z')
            return 0;
    size_t k = after_dot;
    while (k < tz->end && k - after_dot < 3 && tz->text[k] >= 'A' && tz->text[k] <= 'Z')
        k++;
    enum dp_char_class next;
    size_t after;
    peek_cp(tz, k, &after, &next);
    return k > after_dot && k - after_dot <= 2 && !is_alnum(next);
}

static int lookup_folded(const dp_lexicon *lx, const char *s, size_t n)
{
    char key[128];
    uint32_t v;
    size_t k = dp_fold_key(s, n, key, sizeof key);
    return k != (size_t)-1 && dp_lexicon_get(lx, key, k, &v);
}

/* Whether a sentence opens at text[at], a capital right after a lowercase letter: an opener
 * word ("Le", "Selon") then a blank, or an elided one ("L'") then a letter. Pages that lose
 * the line break after a heading glue it to the next paragraph ("pouvoir d'achat
 * inquiètentLe niveau de la dette..."); names written so ("McDonald", "iPhone") go on with
 * no such word. */
static int glued_opener_at(const dp_tokenizer *tz, size_t at)
{
    size_t word_end = at, after;
    enum dp_char_class cls;
    uint32_t c;
    for (;;) {
        c = peek_cp(tz, word_end, &after, &cls);
        if (word_end >= tz->end || !is_letter(cls))
            break;
        word_end = after;
    }
    uint32_t unused;
    if (c == '\'') { /* "L'Organisation" */
        size_t letter = word_end + 1;
        peek_cp(tz, letter, &after, &cls);
        return letter < tz->end && is_letter(cls) &&
               dp_lexicon_get(&tz->rules->openers, tz->text + at, letter - at, &unused);
    }
    return cls == DP_CC_SPACE && dp_lexicon_get(&tz->rules->openers, tz->text + at, word_end - at, &unused);
}

/* Whether the word text[start, at) ends a heading glued to the paragraph after it: at least
 * four letters, all in lower case, that make a French word, and a capitalised word after them
 * ("dividendesEmmanuel", "cartonnentPhilippe"; not "easyJet", "iPhone", "macOS", nor a brand
 * that opens with a short word: "bioMérieux"). */
static int glued_heading_end(const dp_tokenizer *tz, size_t start, size_t at)
{
    const dp_token_rules *r = tz->rules;
    if (!r->french_word || at - start < 4)
        return 0;
    size_t i = start, after;
    enum dp_char_class cls;
    while (i < at) {
        peek_cp(tz, i, &after, &cls);
        if (cls != DP_CC_LOWER)
            return 0;
        i = after;
    }
    peek_cp(tz, at, &after, &cls); /* the capital */
    peek_cp(tz, after, &after, &cls);
    return cls == DP_CC_LOWER && r->french_word(r->french_word_ctx, tz->text + start, at - start);
}

/* Fills kind and case flags of a word or number token from its text. */
static void classify(const dp_tokenizer *tz, dp_token *t)
{
    size_t i = t->start;
    int letters = 0, uppers = 0, first = 1, has_letter = 0;
    enum dp_char_class first_cls = DP_CC_SPACE;
    while (i < t->end) {
        enum dp_char_class c = dp_char_class(dp_utf8_next(tz->text, t->end, &i));
        if (first)
            first_cls = c, first = 0;
        if (c == DP_CC_LOWER || c == DP_CC_UPPER || c == DP_CC_LETTER) {
            letters++;
            has_letter = 1;
            uppers += c == DP_CC_UPPER;
        }
    }
    t->kind = first_cls == DP_CC_DIGIT && (!has_letter || letters == 0) ? DP_TOK_NUMBER : DP_TOK_WORD;
    if (first_cls == DP_CC_UPPER)
        t->flags |= DP_TF_CAPITALIZED;
    if (letters >= 2 && uppers == letters)
        t->flags |= DP_TF_ALLCAPS;
}

static void enqueue(dp_tokenizer *tz, uint32_t start, uint32_t end, uint32_t cp_start,
                    uint16_t kind, uint16_t flags)
{
    if (tz->queue_len == DP_ARRAY_LEN(tz->queue)) /* cannot happen: at most 4 pieces a word */
        return;
    dp_token *t = &tz->queue[(tz->queue_head + tz->queue_len++) % DP_ARRAY_LEN(tz->queue)];
    t->start = start;
    t->end = end;
    t->cp_start = cp_start;
    t->cp_end = cp_start + (uint32_t)dp_utf8_count(tz->text + start, end - start);
    t->kind = kind;
    t->flags = flags;
    if (kind == DP_TOK_WORD || kind == DP_TOK_NUMBER)
        classify(tz, t);
}

/* Splits a word run [start, end) into elided prefixes, the word, and an inverted pronoun. */
static void split_word(dp_tokenizer *tz, size_t start, size_t end, uint32_t cp, uint16_t flags)
{
    const dp_token_rules *r = tz->rules;
    for (;;) {
        const char *apos = memchr(tz->text + start, '\'', end - start);
        if (!apos || lookup_folded(&r->whole_words, tz->text + start, end - start))
            break;
        size_t cut = (size_t)(apos - tz->text) + 1;
        if (!lookup_folded(&r->elisions, tz->text + start, cut - start))
            break;
        enqueue(tz, (uint32_t)start, (uint32_t)cut, cp, DP_TOK_WORD, flags | DP_TF_ELISION);
        cp += (uint32_t)dp_utf8_count(tz->text + start, cut - start);
        start = cut;
        flags &= (uint16_t)~DP_TF_SPACE_BEFORE;
    }
    if (start >= end)
        return; /* the elision was all of it */
    size_t cut = end;
    const char *dash = NULL;
    for (const char *p = tz->text + end; p > tz->text + start; p--)
        if (p[-1] == '-') {
            dash = p - 1;
            break;
        }
    if (dash && dash > tz->text + start &&
        lookup_folded(&r->clitics, dash + 1, (size_t)(tz->text + end - dash - 1)) &&
        !lookup_folded(&r->whole_words, tz->text + start, end - start)) {
        cut = (size_t)(dash - tz->text);
        /* the euphonic t of "a-t-il" goes with the pronoun */
        if (cut - start > 2 && tz->text[cut - 1] == 't' && tz->text[cut - 2] == '-')
            cut -= 2;
    }
    enqueue(tz, (uint32_t)start, (uint32_t)cut, cp, DP_TOK_WORD, flags);
    if (cut < end) {
        cp += (uint32_t)dp_utf8_count(tz->text + start, cut - start);
        enqueue(tz, (uint32_t)cut, (uint32_t)end, cp, DP_TOK_WORD, DP_TF_CLITIC);
    }
}

/* Extends a run of 1-3 digits over thousands groups separated by single spaces: "500 000". */
static size_t extend_groups(const dp_tokenizer *tz, size_t start, size_t end)
{
    for (size_t i = start; i < end; i++)
        if (tz->text[i] < '0' || tz->text[i] > '9')
            return end;
    if (end - start > 3)
        return end;
    while (end + 4 <= tz->end && tz->text[end] == ' ') {
        const char *g = tz->text + end + 1;
        if (!(g[0] >= '0' && g[0] <= '9' && g[1] >= '0' && g[1] <= '9' && g[2] >= '0' &&
              g[2] <= '9'))
            break;
        size_t after = end + 4;
        if (after < tz->end && ((tz->text[after] >= '0' && tz->text[after] <= '9')))
            break;
        end = after;
        /* decimals after the last group: "1 234,5" */
        if (end + 1 < tz->end && (tz->text[end] == ',' || tz->text[end] == '.') &&
            tz->text[end + 1] >= '0' && tz->text[end + 1] <= '9') {
            end++;
            while (end < tz->end && tz->text[end] >= '0' && tz->text[end] <= '9')
                end++;
            break;
        }
    }
    return end;
}

/* Scans the next piece of text into the queue; returns 0 at the end of the span. */
static int lex(dp_tokenizer *tz)
{
    uint16_t flags = tz->pos == 0 || tz->text[tz->pos - 1] == '\n' ? DP_TF_SPACE_BEFORE : 0;
    size_t after;
    enum dp_char_class cls;
    uint32_t c;
    for (;;) {
        c = peek_cp(tz, tz->pos, &after, &cls);
        if (tz->pos >= tz->end)
            return 0;
        if (cls != DP_CC_SPACE)
            break;
        tz->pos = after;
        tz->cp++;
        flags |= DP_TF_SPACE_BEFORE;
    }
    size_t start = tz->pos;
    uint32_t cp_start = tz->cp;
    if (is_alnum(cls)) {
        size_t i = after;
        enum dp_char_class prev = cls;
        int ticker = 0;
        size_t capitals = cls == DP_CC_UPPER; /* capitals the word opens with, while it has no other letter */
        for (;;) {
            size_t a1, a2;
            enum dp_char_class c1, c2;
            uint32_t ch = peek_cp(tz, i, &a1, &c1);
            if (i >= tz->end)
                break;
            if (is_alnum(c1)) {
                /* "inquiètentLe niveau", and after a name in capitals, a credit line run
                 * into the text: "par BFMTVLe gouvernement" */
                if (c1 == DP_CC_UPPER && (prev == DP_CC_LOWER || capitals >= 2) &&
                    (glued_opener_at(tz, i) || (prev == DP_CC_LOWER && glued_heading_end(tz, start, i)))) {
                    tz->glued_sentence_at = i;
                    break;
                }
                capitals = capitals && c1 == DP_CC_UPPER ? capitals + 1 : 0;
                i = a1;
                prev = c1;
                continue;
            }
            peek_cp(tz, a1, &a2, &c2);
            int joins = (ch == '\'' && is_letter(prev) && is_letter(c2)) ||
                        (ch == '-' && is_alnum(prev) && is_alnum(c2)) ||
                        ((ch == '.' || ch == ',') && prev == DP_CC_DIGIT && c2 == DP_CC_DIGIT) ||
                        (ch == '&' && prev == DP_CC_UPPER && c2 == DP_CC_UPPER) ||
                        (ch == '.' && (ticker = ticker_suffix(tz, start, i, a1)));
            if (!joins)
                break;
            i = a2;
            prev = c2;
        }
        /* a name ends with its "+" or "++": "Canal+", "Disney+", "Apple TV+", "C++" (not
         * "Bac+5") */
        if (cls == DP_CC_UPPER && i < tz->end && tz->text[i] == '+') {
            size_t plus = i + 1, after_plus;
            enum dp_char_class next;
            if (plus < tz->end && tz->text[plus] == '+')
                plus++;
            peek_cp(tz, plus, &after_plus, &next);
            if (plus >= tz->end || !is_alnum(next))
                i = plus;
        }
        size_t end = extend_groups(tz, start, i);
        /* "l' Ouest", "d' Anaheim": an elision written with a space after its apostrophe */
        if (end + 1 < tz->end && tz->text[end] == '\'' && tz->text[end + 1] == ' ' &&
            lookup_folded(&tz->rules->elisions, tz->text + start, end + 1 - start))
            end++;
        if (end < tz->end && tz->text[end] == '.') {
            char form[130];
            size_t n = end + 1 - start;
            size_t i2 = start;
            dp_utf8_next(tz->text, end, &i2);
            uint32_t v;
            if (n < sizeof form) {
                memcpy(form, tz->text + start, n);
                if (dp_lexicon_get(&tz->rules->titles, form, n, &v)) {
                    flags |= DP_TF_ABBREV | DP_TF_TITLE;
                    end++;
                } else if (lookup_folded(&tz->rules->abbreviations, form, n)) {
                    flags |= DP_TF_ABBREV;
                    end++;
                } else if (i2 == end && cls == DP_CC_UPPER) {
                    flags |= DP_TF_ABBREV | DP_TF_INITIAL;
                    end++;
                }
            }
        }
        tz->cp += (uint32_t)dp_utf8_count(tz->text + start, end - start);
        tz->pos = end;
        if (ticker) /* a market code names nothing by itself: no part of a name */
            enqueue(tz, (uint32_t)start, (uint32_t)end, cp_start, DP_TOK_SYMBOL, flags);
        else if (flags & DP_TF_ABBREV)
            enqueue(tz, (uint32_t)start, (uint32_t)end, cp_start, DP_TOK_WORD, flags);
        else
            split_word(tz, start, end, cp_start, flags);
        return 1;
    }
    size_t end = after;
    if (c == '.' || c == '!' || c == '?') {
        while (end < tz->end && (tz->text[end] == '.' || tz->text[end] == '!' || tz->text[end] == '?'))
            end++;
    } else if (c == '-') { /* "--", a dash typed as hyphens, is one mark */
        while (end < tz->end && tz->text[end] == '-')
            end++;
    }
    tz->cp += (uint32_t)dp_utf8_count(tz->text + start, end - start);
    tz->pos = end;
    enqueue(tz, (uint32_t)start, (uint32_t)end, cp_start,
            cls == DP_CC_PUNCT ? DP_TOK_PUNCT : DP_TOK_SYMBOL, flags);
    return 1;
}

static const dp_token *peek_token(dp_tokenizer *tz)
{
    if (!tz->queue_len && !lex(tz))
        return NULL;
    return &tz->queue[tz->queue_head];
}

static void pop_token(dp_tokenizer *tz, dp_token *out)
{
    *out = tz->queue[tz->queue_head];
    tz->queue_head = (tz->queue_head + 1) % DP_ARRAY_LEN(tz->queue);
    tz->queue_len--;
}

static int text_is(const dp_tokenizer *tz, const dp_token *t, const char *s)
{
    size_t n = strlen(s);
    return t->end - t->start == n && !memcmp(tz->text + t->start, s, n);
}

static int is_terminal(const dp_tokenizer *tz, const dp_token *t)
{
    if (t->kind != DP_TOK_PUNCT)
        return 0;
    char c = tz->text[t->start];
    return c == '.' || c == '!' || c == '?' || text_is(tz, t, "\xE2\x80\xA6"); /* … */
}

/* A closing mark that belongs to the sentence it follows. */
static int is_closer(const dp_tokenizer *tz, const dp_token *t)
{
    if (t->kind != DP_TOK_PUNCT)
        return 0;
    if (text_is(tz, t, ")") || text_is(tz, t, "]") || text_is(tz, t, "\xC2\xBB")) /* » */
        return 1;
    if (text_is(tz, t, "\"")) { /* closing when glued to what precedes or followed by a blank */
        return !(t->flags & DP_TF_SPACE_BEFORE) || t->end >= tz->end || tz->text[t->end] == ' ';
    }
    return 0;
}

/* Whether quote q comes right after word `before` (of two letters or more: not the "d" of a
 * mistyped "d"Inovallée"") and right before a capital. */
static int glued_quote(const dp_tokenizer *tz, const dp_token *before, const dp_token *q)
{
    if (!text_is(tz, q, "\"") || q->start != before->end || before->kind != DP_TOK_WORD ||
        before->end - before->start < 2)
        return 0;
    size_t after;
    enum dp_char_class cls;
    peek_cp(tz, q->end, &after, &cls);
    return q->end < tz->end && cls == DP_CC_UPPER;
}

/* Whether out[0..n), at the start of a paragraph, may be a dateline: words in capitals ("AFP",
 * "BRUXELLES"), or capitalised words and an agency between brackets ("Paris (awp/afp)",
 * "Washington (Reuters)") */
static int dateline_words(const dp_tokenizer *tz, const dp_token *out, size_t n)
{
    if (out[0].start > tz->start && tz->text[out[0].start - 1] != '\n')
        return 0;
    int depth = 0, words = 0, capitals = 1, bracketed = 0;
    for (size_t i = 0; i < n; i++) {
        if (text_is(tz, &out[i], "("))
            depth++, bracketed = 1;
        else if (text_is(tz, &out[i], ")"))
            depth--;
        else if (!depth && !(out[i].kind == DP_TOK_WORD &&
                             (out[i].flags & (DP_TF_CAPITALIZED | DP_TF_ALLCAPS))))
            return 0;
        else if (!depth) {
            words++;
            capitals &= !!(out[i].flags & DP_TF_ALLCAPS);
        }
    }
    return depth == 0 && words > 0 && words <= 3 && (capitals || bracketed);
}

size_t dp_tokenizer_next_sentence(dp_tokenizer *tz, dp_token *out)
{
    size_t n = 0;
    const dp_token *next;
    while (n < DP_MAX_SENTENCE_TOKENS && (next = peek_token(tz))) {
        if (n && tz->glued_sentence_at && next->start == tz->glued_sentence_at)
            break;
        /* a quotation mark glued to a word and to the capital after it ends a sentence: a
         * heading in quotes run into its paragraph ("l'Assemblée"Dans la circonscription"), or a
         * heading run into a quotation that opens the paragraph ("à venir"Il y aura") */
        if (n && glued_quote(tz, &out[n - 1], next)) {
            /* (a quote glued before the sentence opened it: 'soudaine."Première ...') */
            size_t quotes = out[0].start > tz->start && tz->text[out[0].start - 1] == '"';
            for (size_t i = 0; i < n; i++)
                quotes += text_is(tz, &out[i], "\"");
            if (quotes % 2 == 0)
                break;
            pop_token(tz, &out[n++]);
            break;
        }
        pop_token(tz, &out[n++]);
        const dp_token *t = &out[n - 1];
        /* an agency's subheading between dashes, glued to the paragraph it opens: "- Airbus en
         * difficulté -Airbus a annoncé..." is two sentences */
        if (n > 2 && text_is(tz, &out[0], "-") && text_is(tz, t, "-") && (t->flags & DP_TF_SPACE_BEFORE) &&
            (next = peek_token(tz)) && next->start == t->end && (next->flags & DP_TF_CAPITALIZED))
            break;
        /* a dateline without a date before the lead: "AFP - Les dirigeants...", "Paris
         * (awp/afp) - La fusion..." */
        if (n > 1 && n <= 8 && text_is(tz, t, "-") && (t->flags & DP_TF_SPACE_BEFORE) &&
            dateline_words(tz, out, n - 1) && (next = peek_token(tz)) &&
            (next->flags & DP_TF_SPACE_BEFORE) && (next->flags & DP_TF_CAPITALIZED) &&
            !(next->flags & DP_TF_ALLCAPS))
            break;
        int may_end = is_terminal(tz, t) ||
                      ((t->flags & DP_TF_ABBREV) && !(t->flags & (DP_TF_TITLE | DP_TF_INITIAL)));
        if (!may_end)
            continue;
        while (n < DP_MAX_SENTENCE_TOKENS && (next = peek_token(tz)) && is_closer(tz, next))
            pop_token(tz, &out[n++]);
        next = peek_token(tz);
        if (!next)
            break;
        if (next->kind == DP_TOK_WORD && !(next->flags & DP_TF_CAPITALIZED))
            continue;
        if (next->kind == DP_TOK_PUNCT && (text_is(tz, next, ",") || text_is(tz, next, ";")))
            continue; /* "Yahoo!, a été...": a comma goes on with the sentence */
        if (next->kind == DP_TOK_NUMBER && !(t->flags & DP_TF_ABBREV))
            continue; /* "19 Mai. 2024", "p. 12": a number rarely opens a sentence */
        if ((t->flags & DP_TF_ABBREV) && !(next->flags & DP_TF_CAPITALIZED))
            continue;
        break;
    }
    if (n)
        out[0].flags |= DP_TF_SENTENCE_START;
    return n;
}

int dp_token_is_quote(const char *text, const dp_token *t)
{
    size_t n = t->end - t->start;
    const unsigned char *s = (const unsigned char *)text + t->start;
    return (n == 1 && s[0] == '"') || (n == 2 && s[0] == 0xC2 && (s[1] == 0xAB || s[1] == 0xBB));
}

int dp_token_has_digit(const char *text, const dp_token *t)
{
    for (uint32_t b = t->start; b < t->end; b++)
        if (text[b] >= '0' && text[b] <= '9')
            return 1;
    return 0;
}
