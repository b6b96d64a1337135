/* The pipeline for one article: read -> normalize -> segment -> tokenize -> ... -> document.
 * Working buffers live only for the call; the document keeps copies of what it prints. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "document.h"
#include "article.h"
#include "parse.h"
#include "engine.h"
#include "normalize.h"
#include "resolve.h"

/* ---- Building the document ------------------------------------------------------------ */

static int warn(depeche_document *doc, const char *code, const char *fmt, ...)
{
    char msg[256];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    dp_out_warning w = {code, dp_strdup(msg)};
    if (!w.message || DP_PUSH(doc->warnings, doc->n_warnings, doc->warnings_cap, w)) {
        free(w.message);
        return DEPECHE_ERR_NOMEM;
    }
    return 0;
}

/* Copies s[0..n) with every run of blanks (any Unicode space) made one space, trimmed. */
static char *clean_copy(const char *s, size_t n)
{
    dp_strbuf b = {0};
    int pending = 0, fail = 0;
    size_t i = 0;
    while (i < n && !fail) {
        size_t at = i;
        uint32_t c = dp_utf8_next(s, n, &i);
        if (dp_char_class(c) == DP_CC_SPACE || c == 0x200B || c == 0xFEFF) {
            pending = b.len > 0;
            continue;
        }
        if (pending)
            fail = dp_strbuf_putc(&b, ' ');
        pending = 0;
        fail = fail || dp_strbuf_append(&b, s + at, i - at);
    }
    if (fail) {
        dp_strbuf_release(&b);
        return NULL;
    }
    return dp_strbuf_take(&b);
}

/* The original text between two code points of the normalized text, its offsets in code points
 * of the input. */
static int out_span(const dp_text *t, uint32_t cp_start, uint32_t cp_end, dp_out_span *out)
{
    dp_orig_cursor cur = {0, 0};
    out->start = dp_text_orig_cp(t, cp_start);
    out->end = dp_text_orig_cp(t, cp_end);
    size_t b0 = dp_text_orig_byte(t, &cur, out->start);
    size_t b1 = dp_text_orig_byte(t, &cur, out->end);
    out->text = clean_copy(t->orig + b0, b1 - b0);
    return out->text ? 0 : DEPECHE_ERR_NOMEM;
}

static int build_teasers(depeche_document *doc, const dp_text *t, const dp_layout *layout)
{
    if (!layout->n_teasers)
        return 0;
    doc->teasers = dp_calloc(layout->n_teasers, sizeof *doc->teasers);
    if (!doc->teasers)
        return DEPECHE_ERR_NOMEM;
    for (size_t i = 0; i < layout->n_teasers; i++) {
        const dp_teaser *src = &layout->teasers[i];
        dp_out_teaser *dst = &doc->teasers[doc->n_teasers++];
        const dp_line *title = &layout->lines[src->title_line];
        uint32_t skip = (uint32_t)dp_utf8_count(t->norm + title->span.start, src->title_skip);
        if (out_span(t, title->cp_start + skip, title->cp_end, &dst->title))
            return DEPECHE_ERR_NOMEM;
        dst->published = src->date;
        dst->start = dst->title.start;
        dst->end = dp_text_orig_cp(t, layout->lines[src->last_line].cp_end);
    }
    return 0;
}

static int build_lines(depeche_document *doc, const dp_text *t, const dp_layout *layout)
{
    if (!layout->n_lines)
        return 0;
    doc->lines = dp_malloc(layout->n_lines * sizeof *doc->lines);
    if (!doc->lines)
        return DEPECHE_ERR_NOMEM;
    for (size_t i = 0; i < layout->n_lines; i++) {
        const dp_line *l = &layout->lines[i];
        doc->lines[i] = (dp_out_line){dp_line_kind_name((enum dp_line_kind)l->kind),
                                      dp_text_orig_cp(t, l->cp_start), dp_text_orig_cp(t, l->cp_end)};
    }
    doc->n_lines = layout->n_lines;
    return 0;
}

static int note_input_problems(depeche_document *doc, const dp_text *t, const dp_layout *layout)
{
    int rc = 0;
    if (t->invalid_bytes)
        rc = warn(doc, "encoding",
                  "%zu byte%s not valid UTF-8, read as %s", t->invalid_bytes,
                  t->invalid_bytes > 1 ? "s were" : " was", t->latin9 ? "ISO-8859-15" : "Windows-1252");
    if (!rc && t->nul_bytes)
        rc = warn(doc, "nul", "%zu NUL character%s read as space%s", t->nul_bytes,
                  t->nul_bytes > 1 ? "s" : "", t->nul_bytes > 1 ? "s" : "");
    if (!rc && t->utf16)
        rc = warn(doc, "encoding", "UTF-16 input converted to UTF-8");
    if (!rc && !layout->n_lines)
        rc = warn(doc, "empty", "the article has no text");
    return rc;
}

/* A sentence worth reading again for events once entities are resolved. */
typedef struct trigger_sentence {
    uint32_t line, start, end, cp_start;
    uint8_t rules, frames; /* read by the rules, parsed for frames */
} trigger_sentence;

typedef struct trigger_sentences {
    trigger_sentence *items;
    size_t n, cap;
} trigger_sentences;

/* Stages 4 and 5, for the lines that carry the article's text: sentences, then mentions; the
 * sentences with an event trigger are noted for stage 7. */
/* The dates an article's own sentences name with their year (not its teasers'), read where
 * it gives no publication date. */
#define DP_MAX_TEXT_DATES 64
typedef struct text_dates {
    dp_date date[DP_MAX_TEXT_DATES];
    uint32_t cp_start[DP_MAX_TEXT_DATES], cp_end[DP_MAX_TEXT_DATES];
    size_t n;
    int opening; /* the text opens with a date ("date 2023-02 Après...", "Mars 2020 :") */
    unsigned title_months; /* bit m: the title names month m ("lèvent 727 millions en avril") */
} text_dates;

/* Returns the number of dates it had no room for (past DP_MAX_TEXT_DATES). */
static size_t note_dates(const depeche_engine *e, const char *text, const dp_token *toks, size_t n,
                         int first_sentence, int in_title, text_dates *d)
{
    for (size_t i = 0; in_title && i < n; i++)
        d->title_months |= 1u << dp_date_month_of(&e->dates, text, &toks[i]);
    dp_date_match found[8];
    size_t k = dp_date_named(&e->dates, text, toks, n, found, DP_ARRAY_LEN(found));
    /* a label, not an adverbial: "date 2023-02 Après...", "Mars 2020 :", not "En mars 2023, ..." */
    if (first_sentence && k && found[0].first <= 1 &&
        !(found[0].last + 1 < n && toks[found[0].last + 1].kind == DP_TOK_PUNCT &&
          text[toks[found[0].last + 1].start] == ','))
        d->opening = 1;
    size_t i = 0;
    for (; i < k && d->n < DP_MAX_TEXT_DATES; i++, d->n++) {
        d->date[d->n] = found[i].date;
        d->cp_start[d->n] = toks[found[i].first].cp_start;
        d->cp_end[d->n] = toks[found[i].last].cp_end;
    }
    return k - i;
}

/* The date an article without a publication date was written, as far as its text tells: the
 * date it opens with, else the latest month that its title names and its text names with the
 * year twice or more ("Les start-up lèvent 727 millions en avril", then "avril 2023"). Dates
 * named otherwise are mostly past or coming events: on 3,000 news articles with their date
 * removed, the latest date named was the article's month 60 times and another 1,261 times. Returns
 * the index of the date's first mention, or -1; fills *when. */
static long text_reference(const text_dates *d, dp_date *when)
{
    if (d->opening) {
        *when = d->date[0];
        return 0;
    }
    long best = -1;
    for (size_t i = 0; i < d->n; i++) {
        if (!d->date[i].month || !(d->title_months >> d->date[i].month & 1))
            continue;
        size_t same = 0;
        for (size_t j = 0; j < d->n; j++)
            same += d->date[j].year == d->date[i].year && d->date[j].month == d->date[i].month;
        dp_date month = {d->date[i].year, d->date[i].month, 0};
        if (same >= 2 && (best < 0 || dp_date_days(month) > dp_date_days(*when))) {
            *when = month;
            best = (long)i;
        }
    }
    return best;
}

/* Whether the sentence at bytes [start, end) names a person (bit 1) or an organisation (bit
 * 2), its mentions found from index `from`: a frame needs one, and parsing costs more than
 * everything else, so the sentences that name none are not parsed. */
static int names_in(const dp_mentions *m, size_t from, uint32_t start, uint32_t end)
{
    int kinds = 0;
    for (size_t k = from; k < m->n && m->items[k].start < end; k++)
        if (m->items[k].start >= start)
            kinds |= m->items[k].type == DP_PERSON ? 1 : m->items[k].type == DP_ORG ? 2 : 0;
    return kinds;
}

/* Whether a sentence speaks of a company by a word for one ("la société", "le groupe", "les
 * deux constructeurs"), which resolution reads as one named before, and has a trigger of the
 * frames that take a company. */
static int describes_company(const depeche_engine *e, const dp_token_keys *keys, const uint32_t *types,
                             size_t n, int in_title)
{
    for (size_t i = 0; i < n; i++)
        if (dp_company_word(&e->matcher, keys->key[i], keys->len[i]))
            return dp_frame_sentence_wanted(types, 0, n, 0, 1, in_title);
    return 0;
}

/* The dates a sentence tells without a complete date ("hier", "le 3 mars", "la veille", "il y a
 * trois mois"), resolved from ref: DATE mentions beside those of mentions[from..), so that the
 * entities list every time the article names. */
static int note_told_dates(const depeche_engine *e, const char *text, const dp_token *toks, size_t n,
                           const dp_token_keys *keys, dp_date ref, uint32_t line, size_t from,
                           dp_mentions *m)
{
    uint8_t taken[DP_MAX_SENTENCE_TOKENS] = {0};
    for (size_t k = from; k < m->n; k++)
        for (size_t ti = 0; ti < n; ti++)
            taken[ti] |= toks[ti].start < m->items[k].end && toks[ti].end > m->items[k].start;
    dp_told_date told[64];
    size_t found = dp_event_told_dates(e, text, toks, keys, n, taken, ref, m, told, DP_ARRAY_LEN(told));
    for (size_t i = 0; i < found; i++) {
        const dp_token *first = &toks[told[i].first], *last = &toks[told[i].first + told[i].count - 1];
        dp_mention x = {.start = first->start, .end = last->end, .cp_start = first->cp_start,
                        .cp_end = last->cp_end, .type = DP_DATE, .source = DP_FROM_TOLD_DATE,
                        .entry = -1, .rule = -1, .alias_of = -1, .entity = -1, .line = line};
        if (dp_date_iso(told[i].date, x.date) && DP_PUSH(m->items, m->n, m->cap, x))
            return DEPECHE_ERR_NOMEM;
    }
    return 0;
}

/* Whether token i follows "le", "la", "l'", "ce", "cet" or "cette", one word between at most
 * ("l'ancien ministre"). */
static int definite_before(const dp_token_keys *keys, size_t i)
{
    static const char *const definite[] = {"le", "la", "l'", "ce", "cet", "cette"};
    for (size_t back = 1; back <= 2 && back <= i; back++)
        for (size_t d = 0; d < DP_ARRAY_LEN(definite); d++)
            if (dp_token_key_is(keys, i - back, definite[d]))
                return 1;
    return 0;
}

/* Whether a sentence that names no person speaks of one by a post ("l'ancien ministre", "il
 * devint CEO de Volkswagen") or by a definite word for a person ("le polémiste"), which a frame
 * reads as the person named before, and has a trigger of the frames that take a person. A
 * pronoun alone is not enough: those sentences tell of journeys and parents as often as of
 * careers, and parsing them all costs 5% more. */
static int describes_person(const depeche_engine *e, const dp_mentions *m, size_t from,
                            const dp_token *toks, const dp_token_keys *keys, const uint32_t *types,
                            size_t n, int names_org, int in_title)
{
    size_t k = from;
    for (size_t i = 0; i < n; i++) {
        while (k < m->n && m->items[k].start < toks[i].start)
            k++;
        int role = k < m->n && m->items[k].start == toks[i].start && m->items[k].type == DP_ROLE;
        /* "ce dernier", "cette dernière": the person named last */
        int latter = i > 0 && (dp_token_key_is(keys, i, "dernier") || dp_token_key_is(keys, i, "derniere")) &&
                     (dp_token_key_is(keys, i - 1, "ce") || dp_token_key_is(keys, i - 1, "cette"));
        if (role || latter ||
            (dp_word_class(&e->matcher.classes, keys->key[i], keys->len[i], 0) == 'P' &&
             definite_before(keys, i)))
            return dp_frame_sentence_wanted(types, 0, n, 1, names_org, in_title);
    }
    return 0;
}

/* Whether a name no list knows may be the company of a frame: nothing says it is a person or
 * a place, and a trigger stands within a few words of it ("Fictivia a été placée en
 * redressement judiciaire", "la faillite de Fictivia"). Parsing is costly, and most such names
 * in a long sentence have nothing to do with its trigger. */
static int unknown_near_trigger(const uint32_t *types, const dp_token *toks, size_t n,
                                const dp_unknown_name *u, int in_title)
{
    enum { NEAR = 10 };
    if (!dp_evidence_may_be_org(&u->evidence))
        return 0;
    size_t first = 0, last;
    while (first < n && toks[first].start < u->start)
        first++;
    for (last = first; last < n && toks[last].end <= u->end; last++)
        ;
    return dp_frame_sentence_wanted(types, first > NEAR ? first - NEAR : 0,
                                    last + NEAR < n ? last + NEAR : n, 0, 1, in_title);
}

static int process_text(depeche_document *doc, const depeche_engine *e, const dp_text *t,
                        const dp_layout *layout, dp_token *toks, dp_match_data *md,
                        dp_mentions *mentions, trigger_sentences *triggers, text_dates *dates)
{
    dp_token_keys *keys = dp_malloc(sizeof *keys);
    uint32_t *types = dp_malloc(DP_MAX_SENTENCE_TOKENS * sizeof *types); /* each token's trigger types */
    dp_word_types_cache *seen_words = dp_calloc(1, sizeof *seen_words);
    if (!keys || !types || !seen_words) {
        free(keys);
        free(types);
        free(seen_words);
        return DEPECHE_ERR_NOMEM;
    }
    int rc = 0, seen_sentence = 0, warned_long = 0, warned_dates = 0;
    for (size_t i = 0; i < layout->n_lines && !rc; i++) {
        const dp_line *l = &layout->lines[i];
        if (!dp_line_is_extracted((enum dp_line_kind)l->kind))
            continue;
        dp_tokenizer tz;
        dp_tokenizer_start(&tz, &e->tokens, t->norm, l->span, l->cp_start);
        size_t n;
        while (!rc && (n = dp_tokenizer_next_sentence(&tz, toks))) {
            doc->n_sentences++;
            doc->n_tokens += n;
            if (n == DP_MAX_SENTENCE_TOKENS && !warned_long++)
                rc = warn(doc, "long-sentence", "a sentence of more than %d tokens was read as several",
                          DP_MAX_SENTENCE_TOKENS);
            size_t names_before = mentions->n, unknown_before = mentions->n_unknown,
                   loose_before = mentions->n_loose;
            rc = dp_match_sentence(e, t->norm, toks, n, (uint32_t)i, keys, md, mentions);
            /* dates told otherwise than in full, where the article says when it was written */
            dp_date told_from = l->teaser >= 0 ? layout->teasers[l->teaser].date : doc->published;
            if (!rc && told_from.year > 0)
                rc = note_told_dates(e, t->norm, toks, n, keys, told_from, (uint32_t)i, names_before,
                                     mentions);
            /* the sentence each name is in, as the tokenizer cut it: pages glue sentences
             * ("...en mai.Il a été nommé"), which a search for a period and a blank misses */
            uint32_t sentence = (uint32_t)mentions->n_sentences;
            if (!rc && DP_PUSH(mentions->sentence_start, mentions->n_sentences, mentions->sentences_cap,
                               toks[0].start))
                rc = DEPECHE_ERR_NOMEM;
            for (size_t k = names_before; k < mentions->n; k++)
                mentions->items[k].sentence = sentence;
            for (size_t k = unknown_before; k < mentions->n_unknown; k++)
                mentions->unknown[k].sentence = sentence;
            for (size_t k = loose_before; k < mentions->n_loose; k++)
                mentions->loose[k].sentence = sentence;
            if (dates && l->teaser < 0 && dp_line_has_events((enum dp_line_kind)l->kind)) {
                if (note_dates(e, t->norm, toks, n, !seen_sentence, (long)i == layout->title_line, dates) &&
                    !rc && !warned_dates++)
                    rc = warn(doc, "dates-limit",
                              "the article names more than %d dates: the later ones were not used to "
                              "date it", DP_MAX_TEXT_DATES);
                seen_sentence = 1;
            }
            int rules = 0, frames = 0;
            if (!rc && dp_line_has_events((enum dp_line_kind)l->kind)) {
                rules = dp_event_has_trigger(&e->events, toks, n, keys);
                int kinds = names_in(mentions, names_before, toks[0].start, toks[n - 1].end);
                int in_title = (long)i == layout->title_line;
                if (kinds || names_before || unknown_before < mentions->n_unknown)
                    dp_frame_word_types(&e->frames, &e->syntax.morpho, t->norm, toks, n, seen_words, types);
                frames = kinds && dp_frame_sentence_wanted(types, 0, n, kinds & 1, kinds & 2, in_title);
                if (!frames && !(kinds & 2) && names_before)
                    frames = describes_company(e, keys, types, n, in_title);
                if (!frames && !(kinds & 1) && names_before)
                    frames = describes_person(e, mentions, names_before, toks, keys, types, n, kinds & 2, in_title);
                for (size_t u = unknown_before; u < mentions->n_unknown && !frames; u++)
                    frames = unknown_near_trigger(types, toks, n, &mentions->unknown[u], in_title);
            }
            if (rules || frames) {
                trigger_sentence s = {(uint32_t)i, toks[0].start, toks[n - 1].end, toks[0].cp_start,
                                      (uint8_t)rules, (uint8_t)frames};
                rc = DP_PUSH(triggers->items, triggers->n, triggers->cap, s);
            }
        }
    }
    free(keys);
    free(types);
    free(seen_words);
    return rc;
}

/* Events a title or a lead tells in the present tense ("L'Autorité inflige une amende à
 * Apple") with no date of their own happened on the publication date: events[from..). */
static void date_by_publication(const depeche_engine *e, const char *text, const dp_token *toks,
                                size_t n, int in_title, dp_date published, dp_events *events,
                                size_t from)
{
    for (size_t i = from; i < events->n; i++) {
        dp_event *ev = &events->items[i];
        if (ev->has_date || ev->modality != DP_ASSERTED)
            continue;
        size_t trigger = 0;
        while (trigger < n && toks[trigger].cp_start != ev->trigger_cp_start)
            trigger++;
        /* the trigger, or the verb just before a noun trigger ("remet sa démission") */
        for (size_t k = trigger < n ? trigger + 1 : 0; k-- > 0 && trigger - k <= 2;) {
            int today = dp_date_is_today_word(&e->dates, text, &toks[k]);
            if (today == 1 || (today == 2 && in_title && k == 0)) {
                ev->date = published;
                ev->has_date = ev->date_from_text = ev->date_by_tense = 1;
                ev->date_cp_start = toks[k].cp_start;
                ev->date_cp_end = toks[k].cp_end;
                break;
            }
        }
    }
}

/* Stage 7: events, from the sentences noted while matching. */
/* Sentences parsed for frames in one article, at most: parsing costs a thousand times more
 * than matching, and an input with more sentences holding a trigger word than this (a dump, a
 * line repeated) is no news article. Past it, a warning says so. */
#define DP_MAX_PARSED_SENTENCES 2000

/* The article's syntax work space, made the first time a sentence is parsed (most articles
 * need none); 0 or DEPECHE_ERR_NOMEM. */
static int syntax_work(dp_syntax_work **w)
{
    if (!*w && !(*w = dp_syntax_work_new()))
        return DEPECHE_ERR_NOMEM;
    return 0;
}

/* Which tokens of a sentence are words of a person's, an organisation's or a place's proper
 * name, all its words capitalised ("Mistral AI"; not "Cour suprême", "Banque de France", whose
 * common nouns the treebanks tag as such), or a title of one word ("PDG"): an enum
 * dp_name_mark each. */
static void name_tokens(const dp_lexicon *classes, const char *text, const dp_mentions *m, const dp_token *toks,
                        size_t n, uint8_t *out)
{
    memset(out, 0, n);
    if (!n)
        return;
    for (size_t k = dp_mentions_from(m, toks[0].start), i = 0; k < m->n && m->items[k].start < toks[n - 1].end; k++) {
        const dp_mention *x = &m->items[k];
        if (x->type != DP_PERSON && x->type != DP_ORG && x->type != DP_PLACE && x->type != DP_ROLE)
            continue;
        while (i < n && toks[i].end <= x->start)
            i++;
        if (x->type == DP_ROLE) { /* its first word: "PDG", "président du directoire" */
            if (i < n && toks[i].start == x->start)
                out[i] = DP_NAME_TITLE;
            continue;
        }
        int proper = 1;
        size_t j = i;
        for (; j < n && toks[j].start < x->end; j++) {
            int capital = toks[j].kind != DP_TOK_WORD || (toks[j].flags & (DP_TF_CAPITALIZED | DP_TF_ALLCAPS));
            /* (a person's particle too, class p of the entity rules: "François de Rugy") */
            char key[16];
            size_t key_len = capital || x->type != DP_PERSON || j == i
                                 ? (size_t)-1
                                 : dp_fold_key(text + toks[j].start, toks[j].end - toks[j].start, key, sizeof key);
            proper &= capital || (key_len != (size_t)-1 && dp_word_class(classes, key, key_len, 0) == 'p');
        }
        for (size_t w = i; proper && w < j; w++)
            out[w] = j - i == 1                                          ? DP_NAME_ALONE
                     : w == i && !(toks[w].flags & DP_TF_SENTENCE_START) ? DP_NAME_OPENING
                                                                          : DP_NAME_WORD;
    }
}

static int find_events(depeche_document *doc, const depeche_engine *e, const dp_text *t,
                       const dp_layout *layout, dp_date published,
                       const trigger_sentences *triggers, const dp_mentions *mentions,
                       dp_token *toks, dp_match_data *md, dp_syntax_work **syntax,
                       dp_events *events)
{
    size_t parsed = 0;
    int rc = 0;
    long lead_line = -1; /* the first body line: its first sentence is the lead */
    for (size_t i = 0; i < layout->n_lines && lead_line < 0; i++)
        if (layout->lines[i].kind == DP_LINE_BODY)
            lead_line = (long)i;
    for (size_t i = 0; i < triggers->n && !rc; i++) {
        const trigger_sentence *s = &triggers->items[i];
        const dp_line *l = &layout->lines[s->line];
        size_t before = events->n;
        dp_date ref = published, teaser = {0, 0, 0};
        if (l->teaser >= 0 && layout->teasers[l->teaser].date.year > 0)
            ref = teaser = layout->teasers[l->teaser].date;
        else if (l->teaser < 0 && layout->roundup && published.month)
            teaser = (dp_date){published.year, published.month, 0}; /* the period rounded up */
        dp_tokenizer tz;
        dp_tokenizer_start(&tz, &e->tokens, t->norm, (dp_span){s->start, s->end}, s->cp_start);
        size_t n = dp_tokenizer_next_sentence(&tz, toks);
        if (s->rules)
            rc = dp_events_in_sentence(e, t->norm, toks, n, s->line, mentions, ref, teaser, md,
                                       events);
        /* a sentence the rules found an event in is parsed too: the parse checks what they
         * read (a negation, who the verb's subject is) */
        int frames = s->frames || events->n > before;
        if (!rc && frames && parsed++ == DP_MAX_PARSED_SENTENCES)
            rc = warn(doc, "parse-limit",
                      "only the first %d sentences with a trigger word were parsed for events",
                      DP_MAX_PARSED_SENTENCES);
        int in_title = (long)s->line == layout->title_line;
        if (!rc && frames && parsed <= DP_MAX_PARSED_SENTENCES && !(rc = syntax_work(syntax))) {
            uint8_t names[DP_MAX_SENTENCE_TOKENS];
            name_tokens(&e->matcher.classes, t->norm, mentions, toks, n, names);
            dp_syntax_analyse(&e->syntax, t->norm, toks, n, names, *syntax);
            rc = dp_frames_in_sentence(e, t->norm, toks, n, *syntax, s->line, mentions, ref, teaser,
                                       in_title, before, events);
        }
        int lead = in_title || ((long)s->line == lead_line && s->start == l->span.start);
        if (lead && l->teaser < 0 && published.day)
            date_by_publication(e, t->norm, toks, n, in_title, published, events, before);
    }
    if (!rc)
        dp_events_merge(events, mentions);
    return rc;
}

/* Whether w[0..n) is a Roman numeral of a rank ("II", "XIV"), which keeps its capitals. */
static int roman_numeral(const char *w, size_t n)
{
    return n > 0 && strspn(w, "IVX") >= n;
}

/* "DUBOIS" -> "Dubois" in a person's name from a press release; other words as they are, and
 * a rank's numeral too ("Elizabeth II"). */
static char *person_case(char *name)
{
    for (char *w = name; *w;) {
        char *end = w;
        int lower = 0, letters = 0;
        while (*end && *end != ' ' && *end != '-') {
            unsigned char c = (unsigned char)*end;
            lower |= c >= 'a' && c <= 'z';
            letters += (c >= 'A' && c <= 'Z') || c >= 0x80;
            end++;
        }
        if (!lower && letters >= 2 && !roman_numeral(w, (size_t)(end - w))) {
            dp_strbuf b = {0};
            size_t i = (size_t)(w - name), n = (size_t)(end - w), k = 0;
            int first = 1;
            while (k < n) {
                size_t at = k;
                uint32_t c = dp_utf8_next(w, n, &k);
                char enc[4];
                if (!first && c < 0x80 && c >= 'A' && c <= 'Z')
                    c += 32;
                else if (!first && c >= 0xC0 && c <= 0xDE && c != 0xD7)
                    c += 32; /* Latin-1 capitals */
                first = 0;
                size_t len = dp_utf8_encode(c, enc);
                if (len != k - at) { /* the lowercase is not the same length: leave the word */
                    dp_strbuf_release(&b);
                    break;
                }
                dp_strbuf_append(&b, enc, len);
            }
            if (b.data && b.len == n)
                memcpy(name + i, b.data, n);
            dp_strbuf_release(&b);
        }
        w = *end ? end + 1 : end;
    }
    return name;
}

static char *text_between(const dp_text *t, uint32_t cp_start, uint32_t cp_end, dp_out_span *where)
{
    dp_out_span s;
    if (out_span(t, cp_start, cp_end, &s))
        return NULL;
    if (where)
        *where = s;
    return s.text;
}

/* The k-th name an event gives a role, for its summary. */
static const char *event_arg_name(const void *event, const char *role, size_t role_len, size_t k,
                                  int own_words)
{
    const dp_out_event *ev = event;
    for (size_t a = 0; a < ev->n_args; a++)
        if (dp_word_is(role, role_len, ev->args[a].role) && !k--)
            return own_words && ev->args[a].text ? ev->args[a].text : ev->args[a].name;
    return NULL;
}

/* Parts that only an organisation plays. */
static int is_company_part(enum dp_event_arg a)
{
    return a == DP_ARG_ORG || a == DP_ARG_ACQUIRER || a == DP_ARG_TARGET || a == DP_ARG_INVESTOR ||
           (a >= DP_ARG_PARTNER1 && a <= DP_ARG_PARTNER4) || a == DP_ARG_AUTHORITY;
}

/* The organisation entity of this name, made from the span when the article had none: a
 * name no list knew, found because an event gives it a company's part ("Leygatech rachète
 * Propyplast"). Returns its index, or -1 when memory ran out. */
static long organisation_named(depeche_document *doc, const dp_out_span *where)
{
    for (size_t i = 0; i < doc->n_entities; i++)
        if (!strcmp(doc->entities[i].type, "ORG") && !strcmp(doc->entities[i].name, where->text))
            return (long)i;
    dp_out_entity *grown = dp_realloc(doc->entities, (doc->n_entities + 1) * sizeof *grown);
    if (!grown)
        return -1;
    doc->entities = grown;
    dp_out_entity *ent = &doc->entities[doc->n_entities];
    memset(ent, 0, sizeof *ent);
    ent->type = "ORG";
    ent->source = "context";
    ent->name = dp_strdup(where->text);
    ent->mentions = dp_malloc(sizeof *ent->mentions);
    if (!ent->name || !ent->mentions) {
        free(ent->name);
        free(ent->mentions);
        return -1;
    }
    ent->mentions[0] = *where;
    if (!(ent->mentions[0].text = dp_strdup(where->text))) {
        free(ent->name);
        free(ent->mentions);
        return -1;
    }
    ent->n_mentions = 1;
    return (long)doc->n_entities++;
}

typedef struct explained_parse {
    char *conllu;
} explained_parse;

static int keep_conllu(void *ctx, const depeche_sentence *s)
{
    explained_parse *x = ctx;
    x->conllu = depeche_sentence_conllu(s, NULL);
    return x->conllu ? 1 : DEPECHE_ERR_NOMEM;
}

/* The CoNLL-U of an event's sentence, for --explain: the words its rule or frame read. */
static int explain_parse(const depeche_engine *e, const dp_text *t, const dp_mentions *m,
                         const dp_event *ev, dp_syntax_work *w, char **out)
{
    dp_token toks[DP_MAX_SENTENCE_TOKENS];
    depeche_token tokens[DP_MAX_SENTENCE_TOKENS];
    dp_tokenizer tz;
    dp_tokenizer_start(&tz, &e->tokens, t->norm, (dp_span){ev->sentence_start, ev->sentence_end},
                       ev->sentence_cp_start);
    size_t n = dp_tokenizer_next_sentence(&tz, toks);
    if (!n)
        return 0;
    depeche_word *words = dp_malloc(DP_MAX_SENTENCE_WORDS * sizeof *words);
    if (!words)
        return DEPECHE_ERR_NOMEM;
    uint8_t names[DP_MAX_SENTENCE_TOKENS];
    name_tokens(&e->matcher.classes, t->norm, m, toks, n, names);
    dp_syntax_analyse(&e->syntax, t->norm, toks, n, names, w);
    dp_strbuf strings = {0};
    dp_orig_cursor cursor = {0, 0};
    explained_parse x = {NULL};
    int rc = dp_parse_deliver(t, &e->syntax, w, toks, n, 1, &cursor, &strings, tokens, words,
                              keep_conllu, &x);
    dp_strbuf_release(&strings);
    free(words);
    *out = x.conllu;
    return rc < 0 ? rc : 0;
}

static int fill_events(depeche_document *doc, const depeche_engine *e, const dp_text *t,
                       const dp_mentions *m, const dp_events *events, dp_syntax_work *w)
{
    int rc = 0;
    if (!(doc->events = dp_calloc(events->n, sizeof *doc->events)))
        return DEPECHE_ERR_NOMEM;
    for (size_t i = 0; i < events->n; i++) {
        const dp_event *ev = &events->items[i];
        dp_out_event *o = &doc->events[doc->n_events++];
        o->type = dp_event_type_name((enum dp_event_type)ev->type);
        o->modality = dp_modality_name((enum dp_modality)ev->modality);
        o->confidence = ev->confidence;
        if (!(o->args = dp_calloc(DP_ARG_NEG, sizeof *o->args)))
            return DEPECHE_ERR_NOMEM;
        for (int a = 0; a < DP_ARG_NEG; a++) {
            if (!ev->args[a].set)
                continue;
            dp_out_arg *arg = &o->args[o->n_args++];
            arg->role = dp_event_arg_name((enum dp_event_arg)a);
            arg->entity = -1;
            if (ev->args[a].mention >= 0) {
                const dp_mention *x = &m->items[ev->args[a].mention];
                arg->entity = x->entity;
                arg->name = dp_strdup(doc->entities[x->entity].name);
                if (x->type == DP_ROLE && !(arg->text = text_between(t, x->cp_start, x->cp_end, NULL)))
                    return DEPECHE_ERR_NOMEM;
            } else {
                dp_out_span where;
                arg->name = text_between(t, ev->args[a].cp_start, ev->args[a].cp_end, &where);
                if (arg->name && is_company_part((enum dp_event_arg)a) &&
                    (arg->entity = organisation_named(doc, &where)) < 0)
                    return DEPECHE_ERR_NOMEM;
            }
            if (!arg->name)
                return DEPECHE_ERR_NOMEM;
            if (a == DP_ARG_AMOUNT || a == DP_ARG_COUNT)
                arg->has_value = dp_amount_read(&e->amounts, arg->name, strlen(arg->name), &arg->value,
                                                arg->currency);
        }
        o->has_date = ev->has_date;
        o->date = ev->date;
        if (ev->date_from_text && !(o->date_text = text_between(t, ev->date_cp_start, ev->date_cp_end, NULL)))
            return DEPECHE_ERR_NOMEM;
        if (!text_between(t, ev->sentence_cp_start, ev->sentence_cp_end, &o->sentence) ||
            !(o->trigger = text_between(t, ev->trigger_cp_start, ev->trigger_cp_end, NULL)))
            return DEPECHE_ERR_NOMEM;
        if (ev->rule >= 0) {
            const dp_event_rule *rule = &e->events.rules[ev->rule];
            snprintf(o->rule, sizeof o->rule, "%s:%lu", rule->path, rule->line);
        } else { /* a frame over the parse */
            const dp_frame *f = &e->frames.frames[-2 - ev->rule];
            snprintf(o->rule, sizeof o->rule, "%s:%lu", f->path, f->line);
        }
        if (!(o->summary = dp_summary_fill(&e->summaries, DP_LANG_EN, (enum dp_event_type)ev->type,
                                           event_arg_name, o)))
            return DEPECHE_ERR_NOMEM;
        if ((rc = explain_parse(e, t, m, ev, w, &o->parse)))
            break;
    }
    return rc;
}

static int build_events(depeche_document *doc, const depeche_engine *e, const dp_text *t,
                        const dp_mentions *m, const dp_events *events, dp_syntax_work **syntax)
{
    if (!events->n)
        return 0;
    int rc = syntax_work(syntax);
    return rc ? rc : fill_events(doc, e, t, m, events, *syntax);
}

static int build_entities(depeche_document *doc, const depeche_engine *e, const dp_text *t,
                          const dp_mentions *m, const dp_entities *ents)
{
    if (!ents->n)
        return 0;
    doc->entities = dp_calloc(ents->n, sizeof *doc->entities);
    size_t *count = dp_calloc(ents->n, sizeof *count);
    if (!doc->entities || !count) {
        free(count);
        return DEPECHE_ERR_NOMEM;
    }
    doc->n_entities = ents->n;
    for (size_t i = 0; i < m->n; i++)
        count[m->items[i].entity]++;
    for (size_t i = 0; i < ents->n; i++) {
        doc->entities[i].mentions = dp_calloc(count[i], sizeof *doc->entities[i].mentions);
        if (!doc->entities[i].mentions) {
            free(count);
            return DEPECHE_ERR_NOMEM;
        }
    }
    free(count);
    dp_orig_cursor cur = {0, 0};
    for (size_t i = 0; i < m->n; i++) {
        const dp_mention *x = &m->items[i];
        dp_out_entity *oe = &doc->entities[x->entity];
        dp_out_span *s = &oe->mentions[oe->n_mentions++];
        s->start = dp_text_orig_cp(t, x->cp_start);
        s->end = dp_text_orig_cp(t, x->cp_end);
        size_t b0 = dp_text_orig_byte(t, &cur, s->start);
        size_t b1 = dp_text_orig_byte(t, &cur, s->end);
        if (!(s->text = dp_malloc(b1 - b0 + 1)))
            return DEPECHE_ERR_NOMEM;
        memcpy(s->text, t->orig + b0, b1 - b0);
        s->text[b1 - b0] = '\0';
    }
    /* an entity is as sure as its surest mention; a repeated surname or word says nothing */
    static const uint8_t sureness[] = {[DP_FROM_GAZETTEER] = 0, [DP_FROM_RULE] = 1,
                                       [DP_FROM_ACRONYM] = 1, [DP_FROM_DATE] = 1,
                                       [DP_FROM_CONTEXT] = 2, [DP_FROM_SURNAME] = 3,
                                       [DP_FROM_TOLD_DATE] = 1};
    static const char *const source_names[] = {"gazetteer", "pattern", "context", "pattern"};
    uint8_t *surest = dp_malloc(ents->n);
    if (!surest)
        return DEPECHE_ERR_NOMEM;
    memset(surest, 3, ents->n);
    for (size_t i = 0; i < m->n; i++) {
        uint8_t sure = sureness[m->items[i].source];
        if (sure < surest[m->items[i].entity])
            surest[m->items[i].entity] = sure;
    }
    for (size_t i = 0; i < ents->n; i++)
        doc->entities[i].source = source_names[surest[i]];
    free(surest);
    for (size_t i = 0; i < ents->n; i++) {
        const dp_entity *ent = &ents->items[i];
        dp_out_entity *oe = &doc->entities[i];
        const dp_mention *best = &m->items[ent->best];
        oe->type = dp_entity_type_name((enum dp_entity_type)ent->type);
        dp_gaz_entry listed = ent->entry >= 0 ? dp_gazetteer_entry(&e->gazetteer, (size_t)ent->entry)
                                              : (dp_gaz_entry){0};
        const dp_gaz_entry *g = ent->entry >= 0 ? &listed : NULL;
        if (ent->type == DP_DATE) {
            oe->name = dp_strdup(best->date);
        } else if (ent->type == DP_ROLE && g) {
            oe->name = dp_strdup(g->title ? g->title : g->name);
        } else {
            /* the fullest name the article uses: the text of its best mention */
            for (size_t k = 0, seen = 0; k < m->n && !oe->name; k++)
                if (m->items[k].entity == (int32_t)i) {
                    if (k == ent->best)
                        oe->name = clean_copy(oe->mentions[seen].text, strlen(oe->mentions[seen].text));
                    seen++;
                }
            if (oe->name && ent->type == DP_PERSON)
                person_case(oe->name);
            /* "les Républicains" inside a sentence is the listed "Les Républicains": the
             * list's capital */
            if (oe->name && g && (oe->name[0] == 'l') && g->name[0] == 'L' &&
                !strcmp(oe->name + 1, g->name + 1))
                oe->name[0] = 'L';
            if (oe->name && g && strcmp(oe->name, g->name) && !(oe->canonical = dp_strdup(g->name)))
                return DEPECHE_ERR_NOMEM;
        }
        if (g && g->wikidata && !(oe->wikidata = dp_strdup(g->wikidata)))
            return DEPECHE_ERR_NOMEM;
        if (!oe->name)
            return DEPECHE_ERR_NOMEM;
    }
    return 0;
}

size_t depeche_document_event_count(const depeche_document *doc)
{
    return doc ? doc->n_events : 0;
}

void depeche_document_free(depeche_document *doc)
{
    if (!doc)
        return;
    free(doc->id);
    free(doc->source);
    free(doc->title);
    free(doc->dateline.text);
    free(doc->reference_text.text);
    for (size_t i = 0; i < doc->n_teasers; i++)
        free(doc->teasers[i].title.text);
    free(doc->teasers);
    for (size_t i = 0; i < doc->n_warnings; i++)
        free(doc->warnings[i].message);
    free(doc->warnings);
    for (size_t i = 0; i < doc->n_entities; i++) {
        free(doc->entities[i].name);
        free(doc->entities[i].canonical);
        free(doc->entities[i].wikidata);
        for (size_t k = 0; k < doc->entities[i].n_mentions; k++)
            free(doc->entities[i].mentions[k].text);
        free(doc->entities[i].mentions);
    }
    free(doc->entities);
    for (size_t i = 0; i < doc->n_events; i++) {
        dp_out_event *ev = &doc->events[i];
        for (size_t k = 0; k < ev->n_args; k++) {
            free(ev->args[k].name);
            free(ev->args[k].text);
        }
        free(ev->args);
        free(ev->summary);
        free(ev->date_text);
        free(ev->sentence.text);
        free(ev->trigger);
        free(ev->parse);
    }
    free(doc->events);
    free(doc->lines);
    free(doc);
}

static char *dup_or_null(const char *s, int *fail)
{
    if (!s)
        return NULL;
    char *d = dp_strdup(s);
    *fail |= !d;
    return d;
}

depeche_document *depeche_extract(const depeche_engine *e, const depeche_input *in,
                                  depeche_error *err)
{
    dp_text text = {0}, title = {0};
    dp_layout layout = {0};
    dp_mentions mentions = {0};
    dp_entities entities = {0};
    dp_events events = {0};
    trigger_sentences triggers = {0};
    dp_match_data *md = NULL;
    dp_syntax_work *syntax = NULL; /* made when a sentence is parsed */
    dp_token *toks = NULL;
    depeche_document *doc = NULL;
    int rc = DEPECHE_ERR_NOMEM, fail = 0;

    if (!e || !in || (!in->text && in->length)) {
        dp_fail(err, DEPECHE_ERR_ARGUMENT, NULL, 0, 0, "no engine or no input");
        return NULL;
    }
    dp_article article;
    if (dp_article_read(in, &article, err)) {
        dp_article_release(&article);
        return NULL;
    }
    const char *bytes = article.bytes;
    size_t length = article.length;
    const char *given_title = article.title, *given_published = article.published;
    int is_html = article.is_html;
    rc = DEPECHE_ERR_NOMEM;
    doc = dp_calloc(1, sizeof *doc);
    md = dp_match_data_new();
    toks = dp_malloc(DP_MAX_SENTENCE_TOKENS * sizeof *toks);
    if (!doc || !md || !toks)
        goto out;
    doc->id = dup_or_null(in->id ? in->id : "-", &fail);
    doc->source = dup_or_null(in->source, &fail);
    if (fail || dp_normalize(&text, bytes, length))
        goto out;
    if (is_html && warn(doc, "html", "read as an HTML page: offsets count in the text taken from it"))
        goto out;
    if (article.converted && warn(doc, "encoding", "converted from %.60s to UTF-8%s", in->encoding,
                          article.converted_invalid ? "; bytes it does not define became U+FFFD" : ""))
        goto out;
    const char *given = NULL;
    size_t given_len = 0;
    if (given_title) {
        if (dp_normalize(&title, given_title, strlen(given_title)))
            goto out;
        given = title.norm;
        given_len = title.norm_len;
        while (given_len && (*given == ' ' || *given == '\n'))
            given++, given_len--;
        while (given_len && (given[given_len - 1] == ' ' || given[given_len - 1] == '\n'))
            given_len--;
        if (!given_len)
            given = NULL;
    }
    if (dp_segment(&layout, text.norm, text.norm_len, &e->segments, &e->tokens, &e->dates, given,
                   given_len, md, toks))
        goto out;
    doc->published = layout.published;
    if (given_published && !dp_date_parse_iso(given_published, &doc->published) &&
        warn(doc, "published", "\"published\" is not a YYYY-MM-DD date: %.40s", given_published))
        goto out;
    text_dates *named = doc->published.year > 0 ? NULL : dp_calloc(1, sizeof *named);
    if (doc->published.year <= 0 && !named)
        goto out;
    int failed = process_text(doc, e, &text, &layout, toks, md, &mentions, &triggers, named);
    long reference = named && !failed ? text_reference(named, &doc->reference) : -1;
    if (reference >= 0)
        failed = out_span(&text, named->cp_start[reference], named->cp_end[reference],
                          &doc->reference_text);
    free(named);
    if (failed || dp_resolve(e, text.norm, &mentions, &entities) ||
        build_entities(doc, e, &text, &mentions, &entities))
        goto out;

    if (layout.title_line >= 0) {
        dp_out_span s;
        const dp_line *l = &layout.lines[layout.title_line];
        if (out_span(&text, l->cp_start, l->cp_end, &s))
            goto out;
        doc->title = s.text;
    } else if (given_title) {
        if (!(doc->title = clean_copy(given_title, strlen(given_title))))
            goto out;
        if (!doc->title[0]) {
            free(doc->title);
            doc->title = NULL;
        }
    }
    if (layout.dateline >= 0) {
        if (out_span(&text, layout.dateline_cp_start, layout.dateline_cp_end, &doc->dateline))
            goto out;
        doc->has_dateline = 1;
    }
    if (reference < 0)
        doc->reference = doc->published;
    if (find_events(doc, e, &text, &layout, doc->reference, &triggers, &mentions, toks, md,
                    &syntax, &events) ||
        build_events(doc, e, &text, &mentions, &events, &syntax) || dp_match_out_of_memory(md) ||
        (events.lists_cut && warn(doc, "list-limit", "a list of more than %d names got events for its "
                                  "first %d only", DP_MAX_LISTED, DP_MAX_LISTED)) ||
        (dp_match_limits_hit(md) && warn(doc, "match-limit", "%zu rule matches were given up at "
                                         "PCRE2's limits", dp_match_limits_hit(md))))
        goto out;
    if (build_teasers(doc, &text, &layout) || build_lines(doc, &text, &layout) ||
        note_input_problems(doc, &text, &layout))
        goto out;
    rc = 0;
out:
    free(toks);
    dp_article_release(&article);
    free(triggers.items);
    dp_events_release(&events);
    dp_entities_release(&entities);
    dp_mentions_release(&mentions);
    dp_match_data_free(md);
    dp_syntax_work_free(syntax);
    dp_layout_release(&layout);
    dp_text_release(&title);
    dp_text_release(&text);
    if (rc) {
        depeche_document_free(doc);
        dp_fail(err, rc, NULL, 0, 0, "out of memory");
        return NULL;
    }
    return doc;
}
