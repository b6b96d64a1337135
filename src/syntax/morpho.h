/* Stage 5a, the morphological lexicon: every French word form with its lemma, part of speech
 * and features, so that one lemma stands for all its inflections ("rachètera" -> racheter,
 * VERB, Mood=Ind|Number=Sing|Person=3|Tense=Fut|VerbForm=Fin).
 *
 * The bulk comes from Lefff 3.4, converted at build time by tools/build_lexicon.py into an image
 * that is read in place (no parsing at start-up). Data files add or override forms:
 *
 *   form FORM UPOS LEMMA [FEATS]     a reading of FORM; a form given here loses its Lefff
 *                                    readings, so list all of them (one line each)
 *   contraction FORM WORD1 WORD2     FORM is two syntactic words ("du" = "de" "le")
 */
#ifndef DEPECHE_MORPHO_H
#define DEPECHE_MORPHO_H

#include "internal.h"
#include "lexicon.h"
#include "syntax.h"

/* The longest form or lemma the lexicon handles; longer words are unknown. */
#define DP_MORPHO_MAX_WORD 64

typedef struct dp_reading {
    uint8_t upos;
    const char *feats; /* static or owned by the lexicon: "" when none */
    char lemma[DP_MORPHO_MAX_WORD + 1];
} dp_reading;

typedef struct dp_user_reading {
    uint8_t upos;
    uint32_t feats, lemma; /* offsets into the strings arena */
    uint32_t next;         /* the form's next reading, + 1; 0 ends */
} dp_user_reading;

typedef struct dp_contraction {
    char words[2][24]; /* "de", "le" */
    uint8_t tag;       /* DP_TAG_ADP_DET or DP_TAG_ADP_PRON */
} dp_contraction;

typedef struct dp_morpho {
    /* the built-in image */
    const unsigned char *image;
    size_t image_size;
    uint32_t n_slots, n_feats;
    const unsigned char *slots, *feat_offsets, *entries, *strings;
    size_t entries_size, strings_size;
    /* from data files */
    dp_lexicon user_forms; /* form -> first reading + 1 */
    dp_user_reading *user;
    size_t n_user, user_cap;
    dp_strbuf user_strings;
    dp_lexicon contraction_forms; /* lowercase form -> index into contractions */
    dp_contraction *contractions;
    size_t n_contractions, contractions_cap;
} dp_morpho;

/* Reads the image (see tools/build_lexicon.py) in place; image must outlive m. Returns 0, or
 * DEPECHE_ERR_DATA with err filled (path names the image) when it is malformed. */
int dp_morpho_open(dp_morpho *m, const void *image, size_t size, const char *path,
                   depeche_error *err);

/* Loads a "form" or "contraction" line: 1 if the kind is the lexicon's, 0 if not, or a
 * negative status with err filled. */
int dp_morpho_load(dp_morpho *m, const char *kind, size_t kind_len, const char *args,
                   size_t args_len, const char *path, unsigned long line, depeche_error *err);
void dp_morpho_release(dp_morpho *m);

/* The readings of form[0..len) (exact bytes: callers try the lowercase form as well), at most
 * cap of them into out, lemmas decoded. Returns how many. */
size_t dp_morpho_readings(const dp_morpho *m, const char *form, size_t len, dp_reading *out,
                          size_t cap);

/* The set of parts of speech form[0..len) can have, as bits (1 << upos), 0 when unknown; a
 * contraction adds its joined tag's bit. `hash` is dp_hash_bytes(form, len), which callers
 * often have already. */
uint32_t dp_morpho_tags(const dp_morpho *m, const char *form, size_t len, uint64_t hash);
/* Whether form[0..len) (lowercase) is a word the lexicon knows and never as a proper noun:
 * "demain", "dividendes"; not "paris", nor a word it does not list. */
int dp_morpho_common_word(const dp_morpho *m, const char *form, size_t len);
/* Starts loading the memory a look-up of the form with this hash reads first. */
void dp_morpho_prefetch(const dp_morpho *m, uint64_t hash);

/* The contraction form[0..len) (lowercase) stands for, or NULL. */
const dp_contraction *dp_morpho_contraction(const dp_morpho *m, const char *form, size_t len);

#endif
