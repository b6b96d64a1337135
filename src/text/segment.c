/* Lines, cues, title, datelines and teasers. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "normalize.h"
#include "segment.h"

static const struct {
    const char *name;
    enum dp_cue_kind kind;
} cue_kinds[] = {
    {"boilerplate", DP_CUE_BOILERPLATE}, {"boilerplate-block", DP_CUE_BLOCK},
    {"boilerplate-footer", DP_CUE_FOOTER}, {"teasers", DP_CUE_TEASERS},
    {"teaser-link", DP_CUE_TEASER_LINK},  {"published", DP_CUE_PUBLISHED},
    {"byline", DP_CUE_BYLINE},
};

int dp_segment_rules_load(dp_segment_rules *r, const char *kind, size_t kind_len,
                          const char *args, size_t args_len, const char *path,
                          unsigned long line, depeche_error *err)
{
    if (dp_word_is(kind, kind_len, "roundup")) {
        if (!args_len)
            return dp_fail(err, DEPECHE_ERR_DATA, path, line, 0, "expected a pattern after 'roundup'");
        long index = dp_rule_set_add(&r->roundup, args, args_len, DP_RE_CASELESS, path, line, NULL,
                                     0, NULL, err);
        return index < 0 ? (int)index : 1;
    }
    size_t k = 0;
    while (k < DP_ARRAY_LEN(cue_kinds) &&
           !dp_word_is(kind, kind_len, cue_kinds[k].name))
        k++;
    if (k == DP_ARRAY_LEN(cue_kinds))
        return 0;
    if (!args_len)
        return dp_fail(err, DEPECHE_ERR_DATA, path, line, 0, "expected a pattern after '%s'",
                       cue_kinds[k].name);
    dp_cue cue = {cue_kinds[k].kind, path, line};
    long index = dp_rule_set_add(&r->set, args, args_len, DP_RE_CASELESS, path, line, NULL, 0, NULL, err);
    if (index < 0)
        return (int)index;
    if (DP_PUSH(r->cues, r->n_cues, r->cues_cap, cue))
        return dp_fail(err, DEPECHE_ERR_NOMEM, path, line, 0, "out of memory");
    return 1;
}

int dp_segment_rules_finish(dp_segment_rules *r, depeche_error *err)
{
    /* the cues are tried at every position of every line: the interpreter took 20 times longer
     * on a short article than JIT compiling them */
    int rc = dp_rule_set_finish(&r->set, DP_RE_CASELESS | DP_RE_JIT_AT_ONCE, r->n_cues ? r->cues[0].path : NULL, err);
    return rc ? rc : dp_rule_set_finish(&r->roundup, DP_RE_CASELESS, NULL, err);
}

void dp_segment_rules_release(dp_segment_rules *r)
{
    free(r->cues);
    dp_rule_set_release(&r->set);
    dp_rule_set_release(&r->roundup);
    memset(r, 0, sizeof *r);
}

int dp_line_has_events(enum dp_line_kind kind)
{
    return kind == DP_LINE_BODY || kind == DP_LINE_TITLE || kind == DP_LINE_TEASER_TITLE ||
           kind == DP_LINE_TEASER_TEXT;
}

int dp_line_is_extracted(enum dp_line_kind kind)
{
    return dp_line_has_events(kind) || kind == DP_LINE_BYLINE || kind == DP_LINE_DATELINE;
}

const char *dp_line_kind_name(enum dp_line_kind kind)
{
    static const char *names[] = {"body",        "title",        "header",
                                  "repeat",      "dateline",     "boilerplate",
                                  "teaser-title", "teaser-date", "teaser-text", "byline"};
    return (size_t)kind < DP_ARRAY_LEN(names) ? names[kind] : "?";
}

/* Lines whose date is most of their text: "20 Nov. 2023 • 20:24", "Publié le 18 décembre
 * 2009", "October 11, 2019 / 10:59 AM / 3 days ago". More words (besides numbers) than this
 * make a sentence that merely mentions a date. */
#define DP_DATELINE_MAX_OTHER_WORDS 4
/* Only short lines can be datelines, headings or teasers' labels: longer ones are not
 * tokenized here. */
#define DP_SHORT_LINE 200

static int is_word(const dp_token *t)
{
    return t->kind == DP_TOK_WORD || t->kind == DP_TOK_NUMBER;
}

/* Counts the words of a short line and finds the date on it. A line is a dateline when the
 * date is most of it: few other words (times and counts do not count), or a publication cue. */
static void analyse_short_line(dp_line *l, const char *text, const dp_token_rules *tokens,
                               const dp_date_rules *dates, dp_token *toks)
{
    dp_tokenizer tz;
    dp_tokenizer_start(&tz, tokens, text, l->span, 0);
    size_t n, words = 0, letter_words = 0, date_letter_words = 0, long_lower = 0;
    while ((n = dp_tokenizer_next_sentence(&tz, toks))) {
        dp_date_match m;
        int dated = !l->has_date && dp_date_find_full(dates, text, toks, n, 0, &m);
        for (size_t i = 0; i < n; i++) {
            words += is_word(&toks[i]);
            letter_words += toks[i].kind == DP_TOK_WORD;
            /* "Renault rachètera Nissan le 3 mars 2015.": a word like "rachètera" makes the
             * line a sentence; a dateline's other words are places and short ones ("le") */
            long_lower += toks[i].kind == DP_TOK_WORD && !(toks[i].flags & DP_TF_CAPITALIZED) &&
                          dp_utf8_count(text + toks[i].start, toks[i].end - toks[i].start) >= 4 &&
                          !(dated && i >= m.first && i <= m.last);
        }
        if (dated) {
            l->has_date = 1;
            l->date = m.date;
            for (size_t i = m.first; i <= m.last; i++)
                date_letter_words += toks[i].kind == DP_TOK_WORD;
        }
    }
    l->words = (uint16_t)(words > 999 ? 999 : words);
    l->date_line = l->has_date && ((letter_words - date_letter_words <= DP_DATELINE_MAX_OTHER_WORDS &&
                                    !long_lower) ||
                                   l->cue == DP_CUE_PUBLISHED);
}

static enum dp_cue_kind match_cue(const dp_segment_rules *r, const char *text, const dp_line *l,
                                  dp_match_data *md, uint32_t *cue_end)
{
    size_t len = l->span.end - l->span.start, s, e;
    long k = len > DP_CUE_MAX_LINE ? -1 : dp_rule_set_match(&r->set, text + l->span.start, len, 0, md);
    if (k < 0 || !dp_match_group(md, 0, &s, &e))
        return DP_CUE_NONE;
    *cue_end = (uint32_t)e;
    return r->cues[k].kind;
}

static int is_blank_byte(char c)
{
    return c == ' ' || c == '\t';
}

static int split_lines(dp_layout *layout, const char *text, size_t len)
{
    size_t pos = 0;
    uint32_t cp = 0;
    int blank = 0;
    while (pos < len) {
        const char *nl = memchr(text + pos, '\n', len - pos);
        size_t end = nl ? (size_t)(nl - text) : len;
        size_t s = pos, e = end;
        while (s < e && is_blank_byte(text[s]))
            s++;
        while (e > s && is_blank_byte(text[e - 1]))
            e--;
        if (s < e) {
            dp_line l = {.span = {(uint32_t)s, (uint32_t)e}, .teaser = -1, .blank_before = (uint8_t)blank};
            l.cp_start = cp + (uint32_t)(s - pos); /* only blanks, one byte each, before s */
            l.cp_end = l.cp_start + (uint32_t)dp_utf8_count(text + s, e - s);
            if (DP_PUSH(layout->lines, layout->n_lines, layout->lines_cap, l))
                return DEPECHE_ERR_NOMEM;
            blank = 0;
        } else {
            blank = 1;
        }
        cp += (uint32_t)dp_utf8_count(text + pos, end - pos) + 1;
        pos = end + 1;
    }
    return 0;
}

static int same_text(const char *text, const dp_line *a, const char *s, size_t n)
{
    return a->span.end - a->span.start == n && !memcmp(text + a->span.start, s, n);
}

/* Does line b end line a, after a blank, with something before it: the title behind a site
 * name or breadcrumb ("KultureGeek Hors-Sujet <title>", "Accueil Actualité <title>")? */
static int is_tail_of(const char *text, const dp_line *a, const dp_line *b)
{
    size_t la = a->span.end - a->span.start, lb = b->span.end - b->span.start;
    return lb + 2 <= la && !memcmp(text + a->span.end - lb, text + b->span.start, lb) &&
           text[a->span.end - lb - 1] == ' ';
}

static int sentence_like(const char *text, const dp_line *l)
{
    if (l->words >= 8)
        return 1;
    char last = text[l->span.end - 1];
    return last == '.' || last == '!' || last == '?' ||
           (l->span.end - l->span.start >= 3 && !memcmp(text + l->span.end - 3, "\xE2\x80\xA6", 3));
}

/* Decides the lines of a teaser section [from, to): each teaser is a title line, a date line
 * right after it, then sentence-like text; everything else there is boilerplate. */
static int finish_teasers(dp_layout *layout, const char *text, size_t from, size_t to)
{
    dp_line *lines = layout->lines;
    int any_date = 0;
    for (size_t i = from; i < to; i++)
        any_date |= lines[i].date_line && lines[i].kind == DP_LINE_BODY;
    long current = -1;
    for (size_t i = from; i < to; i++) {
        dp_line *l = &lines[i];
        if (l->kind != DP_LINE_BODY)
            continue;
        l->kind = DP_LINE_BOILERPLATE;
        if (!any_date) {
            if (l->words >= 4) {
                dp_teaser t = {.title_line = i, .last_line = i};
                if (DP_PUSH(layout->teasers, layout->n_teasers, layout->teasers_cap, t))
                    return DEPECHE_ERR_NOMEM;
                l->kind = DP_LINE_TEASER_TITLE;
                l->teaser = (int32_t)layout->n_teasers - 1;
            }
            continue;
        }
        if (l->date_line) {
            dp_line *title = i > from ? &lines[i - 1] : NULL;
            if (!title || title->date_line || title->words < 2 || title->cue != DP_CUE_NONE) {
                current = -1;
                continue;
            }
            dp_teaser t = {.title_line = i - 1, .last_line = i, .date = l->date};
            if (DP_PUSH(layout->teasers, layout->n_teasers, layout->teasers_cap, t))
                return DEPECHE_ERR_NOMEM;
            current = (long)layout->n_teasers - 1;
            title->kind = DP_LINE_TEASER_TITLE;
            title->teaser = (int32_t)current;
            l->kind = DP_LINE_TEASER_DATE;
            l->teaser = (int32_t)current;
            continue;
        }
        int is_next_title = i + 1 < to && lines[i + 1].date_line;
        if (current >= 0 && !is_next_title && sentence_like(text, l)) {
            l->kind = DP_LINE_TEASER_TEXT;
            l->teaser = (int32_t)current;
            layout->teasers[current].last_line = i;
        }
    }
    return 0;
}

static int add_link_teaser(dp_layout *layout, const char *text, size_t i, uint32_t skip)
{
    const dp_line *l = &layout->lines[i];
    while (l->span.start + skip < l->span.end &&
           (text[l->span.start + skip] == ' ' || text[l->span.start + skip] == ':'))
        skip++;
    dp_teaser t = {.title_line = i, .title_skip = skip, .last_line = i};
    if (DP_PUSH(layout->teasers, layout->n_teasers, layout->teasers_cap, t))
        return DEPECHE_ERR_NOMEM;
    layout->lines[i].kind = DP_LINE_TEASER_TITLE;
    layout->lines[i].teaser = (int32_t)layout->n_teasers - 1;
    return 0;
}

/* Applies the cues line by line: boilerplate zones, teaser sections, datelines. */
static int apply_cues(dp_layout *layout, const char *text)
{
    enum { NORMAL, BLOCK, FOOTER, TEASERS } zone = NORMAL;
    size_t section = 0;
    int link_pending = 0;
    for (size_t i = 0; i < layout->n_lines; i++) {
        dp_line *l = &layout->lines[i];
        if (zone == BLOCK && l->blank_before)
            zone = NORMAL;
        if (l->cue == DP_CUE_TEASERS) {
            if (zone == TEASERS && finish_teasers(layout, text, section, i))
                return DEPECHE_ERR_NOMEM;
            l->kind = DP_LINE_BOILERPLATE;
            zone = TEASERS;
            section = i + 1;
            continue;
        }
        if (zone == TEASERS && l->cue != DP_CUE_FOOTER) {
            if (l->cue == DP_CUE_BOILERPLATE || l->cue == DP_CUE_BLOCK)
                l->kind = DP_LINE_BOILERPLATE;
            continue;
        }
        if (l->cue == DP_CUE_FOOTER) {
            if (zone == TEASERS && finish_teasers(layout, text, section, i))
                return DEPECHE_ERR_NOMEM;
            zone = FOOTER;
        }
        if (zone == BLOCK || zone == FOOTER) {
            l->kind = DP_LINE_BOILERPLATE;
            continue;
        }
        if (link_pending) {
            link_pending = 0;
            if (l->cue == DP_CUE_NONE && l->words >= 3) {
                if (add_link_teaser(layout, text, i, 0))
                    return DEPECHE_ERR_NOMEM;
                continue;
            }
        }
        switch (l->cue) {
        case DP_CUE_BYLINE:
            l->kind = l->date_line ? DP_LINE_DATELINE : DP_LINE_BYLINE;
            break;
        case DP_CUE_BOILERPLATE:
            l->kind = DP_LINE_BOILERPLATE;
            break;
        case DP_CUE_BLOCK:
            l->kind = DP_LINE_BOILERPLATE;
            zone = BLOCK;
            break;
        case DP_CUE_TEASER_LINK:
            /* "Lire aussi : <title>" is a teaser; a bare "Lire aussi" announces the next line */
            if (l->span.end - l->span.start > l->cue_end + 12) {
                if (add_link_teaser(layout, text, i, l->cue_end))
                    return DEPECHE_ERR_NOMEM;
            } else {
                l->kind = DP_LINE_BOILERPLATE;
                link_pending = 1;
            }
            break;
        default:
            if (l->date_line)
                l->kind = DP_LINE_DATELINE;
            break;
        }
    }
    if (zone == TEASERS && finish_teasers(layout, text, section, layout->n_lines))
        return DEPECHE_ERR_NOMEM;
    return 0;
}

/* Titles have a few words and are not paragraphs. */
#define DP_TITLE_MIN_WORDS 3
#define DP_TITLE_MAX_BYTES 300
/* How far below the first candidate the real title may stand (after a site name line). */
#define DP_TITLE_LOOKAHEAD 8

static void find_title(dp_layout *layout, const char *text, const char *given, size_t given_len)
{
    dp_line *lines = layout->lines;
    size_t n = layout->n_lines;
    layout->title_line = -1;
    if (given) {
        for (size_t i = 0; i < n; i++)
            if (lines[i].kind == DP_LINE_BODY && same_text(text, &lines[i], given, given_len)) {
                layout->title_line = (long)i;
                break;
            }
    } else {
        size_t body = 0, first = n;
        for (size_t i = 0; i < n; i++)
            if (lines[i].kind == DP_LINE_BODY && body++ == 0)
                first = i;
        if (body < 2)
            return; /* a one-line input is just text */
        size_t cand = n;
        for (size_t i = first; i < n; i++) {
            if (lines[i].kind != DP_LINE_BODY)
                continue;
            if (lines[i].span.end - lines[i].span.start > DP_TITLE_MAX_BYTES)
                break; /* a paragraph first: the page has no title line */
            if (lines[i].words >= DP_TITLE_MIN_WORDS) {
                cand = i;
                break;
            }
        }
        if (cand == n)
            return;
        for (size_t j = cand + 1, seen = 0; j < n && seen < DP_TITLE_LOOKAHEAD; j++) {
            if (lines[j].kind != DP_LINE_BODY)
                continue;
            seen++;
            if (lines[j].words >= DP_TITLE_MIN_WORDS && is_tail_of(text, &lines[cand], &lines[j])) {
                lines[cand].kind = DP_LINE_HEADER;
                cand = j;
                break;
            }
        }
        for (size_t i = first; i < cand; i++)
            if (lines[i].kind == DP_LINE_BODY)
                lines[i].kind = DP_LINE_HEADER;
        layout->title_line = (long)cand;
        given = text + lines[cand].span.start;
        given_len = lines[cand].span.end - lines[cand].span.start;
    }
    if (layout->title_line < 0)
        return;
    lines[layout->title_line].kind = DP_LINE_TITLE;
    for (size_t i = (size_t)layout->title_line + 1; i < n; i++)
        if (lines[i].kind == DP_LINE_BODY && same_text(text, &lines[i], given, given_len))
            lines[i].kind = DP_LINE_REPEAT;
}

/* An agency or press-release dateline opening the first paragraphs: "Lyon, le 14 mars 2024 -",
 * "PARIS, 3 octobre 2023 (AFP) -". Returns the byte where it ends, or 0. */
#define DP_DATELINE_MAX_TOKENS 12
#define DP_DATELINE_FIRST_PARAGRAPHS 3

static uint32_t inline_dateline(const dp_line *l, const char *text, const dp_token_rules *tokens,
                                const dp_date_rules *dates, dp_token *toks, dp_date *date)
{
    dp_tokenizer tz;
    dp_tokenizer_start(&tz, tokens, text, l->span, 0);
    size_t n = dp_tokenizer_next_sentence(&tz, toks);
    if (n > DP_DATELINE_MAX_TOKENS)
        n = DP_DATELINE_MAX_TOKENS;
    dp_date_match m;
    if (!n || !(toks[0].flags & DP_TF_CAPITALIZED) || !dp_date_find_full(dates, text, toks, n, 0, &m))
        return 0;
    for (size_t i = m.last + 1; i < n; i++) {
        const dp_token *t = &toks[i];
        if (t->kind == DP_TOK_PUNCT && t->end - t->start == 1 && text[t->start] == '-') {
            *date = m.date;
            return t->end;
        }
        if (t->kind == DP_TOK_WORD && !(t->flags & DP_TF_CAPITALIZED))
            return 0; /* the sentence goes on: the date was part of it */
    }
    return 0;
}

static void find_published(dp_layout *layout, const char *text, const dp_token_rules *tokens,
                           const dp_date_rules *dates, dp_token *toks)
{
    layout->dateline = -1;
    for (size_t i = 0; i < layout->n_lines; i++) {
        const dp_line *l = &layout->lines[i];
        if (l->kind != DP_LINE_DATELINE)
            continue;
        if (layout->dateline < 0 || (l->cue == DP_CUE_PUBLISHED &&
                                     layout->lines[layout->dateline].cue != DP_CUE_PUBLISHED))
            layout->dateline = (long)i;
    }
    if (layout->dateline >= 0) {
        const dp_line *l = &layout->lines[layout->dateline];
        layout->published = l->date;
        layout->dateline_span = l->span;
        layout->dateline_cp_start = l->cp_start;
        layout->dateline_cp_end = l->cp_end;
        return;
    }
    for (size_t i = 0, seen = 0; i < layout->n_lines && seen < DP_DATELINE_FIRST_PARAGRAPHS; i++) {
        const dp_line *l = &layout->lines[i];
        if (l->kind != DP_LINE_BODY)
            continue;
        seen++;
        dp_date date;
        uint32_t end = inline_dateline(l, text, tokens, dates, toks, &date);
        if (end) {
            layout->dateline = (long)i;
            layout->published = date;
            layout->dateline_span = (dp_span){l->span.start, end};
            layout->dateline_cp_start = l->cp_start;
            layout->dateline_cp_end = l->cp_start + (uint32_t)dp_utf8_count(text + l->span.start,
                                                                             end - l->span.start);
            return;
        }
    }
}

/* How many lines from the start of the body may say that the article is a round-up. */
#define DP_ROUNDUP_LEAD_LINES 3

/* A round-up says so in its title or its first lines ("Les rachats du mois", "ont levé ...
 * cette semaine"): its events without a date of their own happened in that period. */
static void find_roundup(dp_layout *layout, const char *text, const dp_segment_rules *r,
                         const char *given_title, size_t given_title_len, dp_match_data *md)
{
    if (given_title && given_title_len <= DP_CUE_MAX_LINE &&
        dp_rule_set_match(&r->roundup, given_title, given_title_len, 0, md) >= 0) {
        layout->roundup = 1;
        return;
    }
    size_t body = 0;
    for (size_t i = 0; i < layout->n_lines && body < DP_ROUNDUP_LEAD_LINES; i++) {
        const dp_line *l = &layout->lines[i];
        if (l->kind != DP_LINE_TITLE && l->kind != DP_LINE_BODY)
            continue;
        size_t len = l->span.end - l->span.start;
        if (dp_rule_set_match(&r->roundup, text + l->span.start, len < 2000 ? len : 2000, 0, md) >= 0) {
            layout->roundup = 1;
            return;
        }
        body += l->kind == DP_LINE_BODY;
    }
}

int dp_segment(dp_layout *layout, const char *text, size_t len, const dp_segment_rules *cues,
               const dp_token_rules *tokens, const dp_date_rules *dates, const char *given_title,
               size_t given_title_len, dp_match_data *md, dp_token *toks)
{
    int rc = split_lines(layout, text, len);
    if (rc)
        return rc;
    for (size_t i = 0; i < layout->n_lines; i++) {
        dp_line *l = &layout->lines[i];
        l->cue = (uint8_t)match_cue(cues, text, l, md, &l->cue_end);
        if (l->span.end - l->span.start <= DP_SHORT_LINE)
            analyse_short_line(l, text, tokens, dates, toks);
        else
            l->words = 999;
    }
    rc = apply_cues(layout, text);
    if (rc)
        return rc;
    find_title(layout, text, given_title, given_title_len);
    find_published(layout, text, tokens, dates, toks);
    find_roundup(layout, text, cues, given_title, given_title_len, md);
    return 0;
}

void dp_layout_release(dp_layout *layout)
{
    free(layout->lines);
    free(layout->teasers);
    memset(layout, 0, sizeof *layout);
}
