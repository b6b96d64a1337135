/* The timeline as one self-contained HTML page: styles and script inline, nothing fetched. */
#ifndef DEPECHE_TIMELINE_HTML_H
#define DEPECHE_TIMELINE_HTML_H

#include <jansson.h>

#include "internal.h"
#include "summary.h"

/* The words of the timeline's page and slides in one language. */
typedef struct dp_timeline_words {
    const char *code;   /* the page's lang attribute */
    const char *title;  /* the page's and the slides' title */
    const char *counts; /* printf: entries, articles, events, articles with errors */
    const char *slides; /* printf, TimelineJS's introduction: events shown, articles */
    const char *type, *all_types, *entity, *a_name, *confidence, *modality;
    const char *shown; /* "{n}" entries shown of "{total}" */
    const char *undated, *publication_date, *legend;
    const char *modalities[DP_MODALITIES]; /* asserted, hypothetical, negated */
    const char *types[DP_EVENT_TYPES];
} dp_timeline_words;

const dp_timeline_words *dp_timeline_words_in(enum dp_lang lang);

/* Appends s with & < > " ' escaped (NULL appends nothing). Returns 0 or -1 (out of memory). */
int dp_html_escape(dp_strbuf *b, const char *s);
/* Appends a link to url labelled `label` when url is a web address, else the label alone. */
int dp_html_link(dp_strbuf *b, const char *url, const char *label);

/* The page for `entries` (the JSON form of the kept timeline entries, in order) in `lang`;
 * names[i] is entry i's folded argument names ("|a|b|") for the entity filter. Returns a new
 * string freed with free(), or NULL when memory ran out. */
char *dp_html_timeline_page(json_t *entries, const char *const *names, enum dp_lang lang,
                            size_t articles, size_t events, size_t errors);

#endif
