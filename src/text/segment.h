/* Stage 3, segment: what each line of a scraped page is. The title, the datelines that give
 * the publication date, the body, boilerplate (navigation, share buttons, comment forms,
 * cookie notices) kept out of extraction, and the teasers of other articles ("Les derniers
 * articles"), each with its own title and date.
 *
 * Cues are PCRE2 patterns in data files, matched without case against each line of up to
 * DP_CUE_MAX_LINE bytes:
 *   boilerplate PATTERN         the line is boilerplate
 *   boilerplate-block PATTERN   the line and the lines after it, up to a blank line
 *   boilerplate-footer PATTERN  the line and all after it, up to a teaser section
 *   teasers PATTERN             a heading that opens a list of teasers, to the end or a footer
 *   teaser-link PATTERN         "Lire aussi": the rest of the line, or the next line, is a teaser
 *   published PATTERN           a line whose date is the publication date ("Publié le")
 *   byline PATTERN              the author line ("Par Thomas Perrin"): names, no events */
#ifndef DEPECHE_SEGMENT_H
#define DEPECHE_SEGMENT_H

#include "date.h"
#include "pattern.h"
#include "tokenize.h"

#define DP_CUE_MAX_LINE 400

enum dp_cue_kind {
    DP_CUE_NONE,
    DP_CUE_BOILERPLATE,
    DP_CUE_BLOCK,
    DP_CUE_FOOTER,
    DP_CUE_TEASERS,
    DP_CUE_TEASER_LINK,
    DP_CUE_PUBLISHED,
    DP_CUE_BYLINE
};

typedef struct dp_cue {
    enum dp_cue_kind kind;
    const char *path; /* static storage: the resource or user path string owned by the engine */
    unsigned long line;
} dp_cue;

typedef struct dp_segment_rules {
    dp_cue *cues;
    size_t n_cues, cues_cap;
    dp_rule_set set; /* every cue as one regex */
    dp_rule_set roundup; /* "roundup" lines: the period a round-up article covers */
} dp_segment_rules;

int dp_segment_rules_load(dp_segment_rules *r, const char *kind, size_t kind_len,
                          const char *args, size_t args_len, const char *path,
                          unsigned long line, depeche_error *err);
/* Compiles the cues once all files are loaded. Returns 0 or a negative status. */
int dp_segment_rules_finish(dp_segment_rules *r, depeche_error *err);
void dp_segment_rules_release(dp_segment_rules *r);

enum dp_line_kind {
    DP_LINE_BODY,
    DP_LINE_TITLE,
    DP_LINE_HEADER,      /* site name, section, breadcrumb above the title */
    DP_LINE_REPEAT,      /* the title again */
    DP_LINE_DATELINE,    /* the article's date, byline */
    DP_LINE_BOILERPLATE,
    DP_LINE_TEASER_TITLE,
    DP_LINE_TEASER_DATE,
    DP_LINE_TEASER_TEXT,
    DP_LINE_BYLINE
};

/* Whether the text of a line of this kind goes to extraction: entities are looked for in
 * bylines and datelines too, events only in the title, the body and teasers. */
int dp_line_is_extracted(enum dp_line_kind kind);
int dp_line_has_events(enum dp_line_kind kind);
const char *dp_line_kind_name(enum dp_line_kind kind);

typedef struct dp_line {
    dp_span span;      /* trimmed, never empty */
    uint32_t cp_start; /* code point offset of span.start in the normalized text */
    uint32_t cp_end;
    int32_t teaser;    /* index into dp_layout.teasers, or -1 */
    uint16_t words;    /* word and number tokens, counted on short lines only */
    uint8_t kind;      /* enum dp_line_kind */
    uint8_t cue;       /* enum dp_cue_kind */
    uint8_t blank_before;
    uint8_t has_date;  /* a complete date stands on this short line */
    uint8_t date_line; /* ...and is most of it */
    dp_date date;
    uint32_t cue_end;  /* where the cue's match ends in the line, bytes from span.start */
} dp_line;

typedef struct dp_teaser {
    size_t title_line;
    uint32_t title_skip; /* bytes of the title line before the title ("Lire aussi : ") */
    size_t last_line;
    dp_date date; /* year 0 when the teaser shows none */
} dp_teaser;

typedef struct dp_layout {
    dp_line *lines;
    size_t n_lines, lines_cap;
    dp_teaser *teasers;
    size_t n_teasers, teasers_cap;
    long title_line; /* -1: none in the text */
    long dateline;   /* line of the dateline, -1: none */
    dp_span dateline_span; /* the dateline: its whole line, or "Lyon, le 14 mars 2024 -" */
    uint32_t dateline_cp_start, dateline_cp_end;
    dp_date published;
    int roundup; /* the title or the lead says the article rounds up a week or a month */
} dp_layout;

/* Segments the normalized text. `given_title` (the caller's title, normalized, or NULL) is
 * looked for among the lines. `md` and `scratch` (room for DP_MAX_SENTENCE_TOKENS) are the
 * caller's working memory. Returns 0 or DEPECHE_ERR_NOMEM. Release with dp_layout_release. */
int dp_segment(dp_layout *layout, const char *text, size_t len, const dp_segment_rules *cues,
               const dp_token_rules *tokens, const dp_date_rules *dates, const char *given_title,
               size_t given_title_len, dp_match_data *md, dp_token *scratch);
void dp_layout_release(dp_layout *layout);

#endif
