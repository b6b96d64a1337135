/* Event summaries: a one-line template per language and event type ("summary LANG TYPE TEMPLATE"
 * lines, patterns/summaries.txt), filled with the names an event gives its arguments. The
 * engine fills them for extraction, the timeline for the language it is asked to render in. */
#ifndef DEPECHE_SUMMARY_H
#define DEPECHE_SUMMARY_H

#include "event.h"

enum dp_lang { DP_LANG_EN, DP_LANG_FR, DP_LANGS };

/* The language called `name` ("en", "fr"); 0 when known, -1 otherwise. NULL is English. */
int dp_lang_from(const char *name, enum dp_lang *lang);
/* "en, fr": for messages naming the valid values. */
const char *dp_langs_listed(void);

typedef struct dp_summary_rules {
    char *template[DP_LANGS][DP_EVENT_TYPES]; /* owned; NULL: none given */
} dp_summary_rules;

/* Takes a "summary" line (1), leaves other kinds (0), or fails on a bad one (<0, err filled). */
int dp_summary_rules_load(dp_summary_rules *r, const char *kind, size_t kind_len, const char *args,
                          size_t args_len, const char *path, unsigned long line, depeche_error *err);
/* The templates compiled into the library (patterns/summaries.txt): 0, or <0 with err filled. */
int dp_summary_rules_load_defaults(dp_summary_rules *r, depeche_error *err);
void dp_summary_rules_release(dp_summary_rules *r);

/* The k-th name (from 0) that `event` gives the argument `role` (role_len bytes), or NULL past
 * the last one; with `own_words`, the article's own words for it when they are not its name
 * (a role's "directrice générale", named "CEO"). */
typedef const char *(*dp_summary_names)(const void *event, const char *role, size_t role_len,
                                        size_t k, int own_words);

/* The summary of an event of `type` in `lang`, as a new string the caller frees: the template
 * filled ({arg} is the argument's names, "A, B and C", {arg:text} the article's words for it;
 * [A] is left out when an argument inside
 * is missing, [A|B] gives B instead), or the type's name when the language has no template for
 * it. NULL when memory ran out. */
char *dp_summary_fill(const dp_summary_rules *r, enum dp_lang lang, enum dp_event_type type,
                      dp_summary_names names, const void *event);

#endif
