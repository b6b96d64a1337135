/* Stage 6, resolve: mentions become entities within one article. One entity per canonical
 * name: a gazetteer entry, or the words of a name without case, accents, articles or legal
 * forms. "Altman" and "M. Altman" join "Sam Altman"; an acronym joins its expansion; a
 * capitalised word no rule took joins a person whose surname it is, or an organisation of
 * that name. */
#ifndef DEPECHE_RESOLVE_H
#define DEPECHE_RESOLVE_H

#include "match.h"

typedef struct dp_entity {
    uint8_t type;
    int32_t entry;     /* gazetteer entry, or -1 */
    uint32_t best;     /* the mention whose text names the entity */
    uint32_t first;    /* its first mention */
} dp_entity;

typedef struct dp_entities {
    dp_entity *items;
    size_t n, cap;
} dp_entities;

struct depeche_engine;
/* Resolves the mentions (in text order; loose words may add mentions, and the array is left
 * sorted by position) into entities numbered in order of first mention; sets each mention's
 * `entity`. Returns 0 or DEPECHE_ERR_NOMEM. */
int dp_resolve(const struct depeche_engine *e, const char *text, dp_mentions *m, dp_entities *out);
void dp_entities_release(dp_entities *ents);

#endif
