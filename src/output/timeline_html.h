/* The timeline as one self-contained HTML page: styles and script inline, nothing fetched. */
#ifndef DEPECHE_TIMELINE_HTML_H
#define DEPECHE_TIMELINE_HTML_H

#include <jansson.h>

#include "internal.h"

/* Appends s with & < > " ' escaped (NULL appends nothing). Returns 0 or -1 (out of memory). */
int dp_html_escape(dp_strbuf *b, const char *s);
/* Appends a link to url labelled `label` when url is a web address, else the label alone. */
int dp_html_link(dp_strbuf *b, const char *url, const char *label);

/* The page for `entries` (the JSON form of the kept timeline entries, in order); names[i] is
 * entry i's folded argument names ("|a|b|") for the entity filter. Returns a new string freed
 * with free(), or NULL when memory ran out. */
char *dp_html_timeline_page(json_t *entries, const char *const *names, size_t articles,
                            size_t events, size_t errors);

#endif
