/* Amounts and counts as numbers: "7,4 mds d'euros" -> 7400000000 EUR, "1.300" -> 1300,
 * "30 M$" -> 30000000 USD. Scale words and currencies come from data files ("scale" and
 * "currency" lines, patterns/amounts.txt). */
#ifndef DEPECHE_AMOUNT_H
#define DEPECHE_AMOUNT_H

#include <stddef.h>

#include "depeche.h"
#include "lexicon.h"

#define DP_CURRENCIES_MAX 64

typedef struct dp_amount_rules {
    dp_lexicon scales;     /* folded word or sign -> its power of ten */
    dp_lexicon currencies; /* folded word or sign -> index into codes + 1 */
    char codes[DP_CURRENCIES_MAX][4]; /* ISO 4217 */
    size_t n_codes;
} dp_amount_rules;

/* Takes a "scale" or "currency" line; returns 1 when the kind is its, 0 when not, or a
 * negative status with err filled. */
int dp_amount_rules_load(dp_amount_rules *r, const char *kind, size_t kind_len, const char *args,
                         size_t len, const char *path, unsigned long line, depeche_error *err);
void dp_amount_rules_release(dp_amount_rules *r);

/* Reads the first number of text[0..len) with the scale and currency words after it. Returns
 * 1 with *value set and currency filled ("" when none is named), or 0 when text holds no
 * number. */
int dp_amount_read(const dp_amount_rules *r, const char *text, size_t len, double *value,
                   char currency[4]);

#endif
