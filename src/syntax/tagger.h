/* Stage 5b, the tagger: a part of speech for every surface token, by an averaged perceptron
 * read left to right (each decision sees the two tags before it). Its features are the word,
 * its affixes and shape, its neighbours, and the parts of speech the lexicon allows for it and
 * for its neighbours: the lexicon is what lets it tag words it never saw in training. */
#ifndef DEPECHE_TAGGER_H
#define DEPECHE_TAGGER_H

#include "morpho.h"
#include "perceptron.h"

/* What the tagger knows of one token, computed once. */
typedef struct dp_tag_token {
    uint64_t lower;     /* hash of the lowercase form */
    uint64_t suffix[4]; /* hashes of the last 1..4 characters */
    uint64_t prefix;    /* hash of the first 2 characters */
    uint64_t shape;     /* hash of the shape: "Xx", "d,d", "X-Xx" */
    uint32_t lexicon;   /* parts of speech the lexicon allows (bits), 0: unknown */
    uint8_t flags;      /* DP_TT_*: features of their own */
    uint8_t is_lower;   /* the form is its own lowercase */
} dp_tag_token;

enum { DP_TT_CAPITAL = 1, DP_TT_FIRST = 2, DP_TT_DIGIT = 4, DP_TT_HYPHEN = 8, DP_TT_ALLCAPS = 16 };

/* Fills t from a token's form (bytes of the normalized text). `first` says it opens the
 * sentence. */
void dp_tag_token_prepare(const dp_morpho *m, const char *form, size_t len, int first,
                          dp_tag_token *t);
/* The same in two steps, for a whole sentence at a time: the first computes what the form
 * itself tells and starts fetching its lexicon entry, the second reads the lexicon, so that the
 * memory accesses of a sentence's words overlap. */
void dp_tag_token_words(const dp_morpho *m, const char *form, size_t len, int first,
                        dp_tag_token *t);
void dp_tag_token_lexicon(const dp_morpho *m, const char *form, size_t len, dp_tag_token *t);

#define DP_TAGGER_MAX_FEATURES 40

/* The features of token i given the two tags before it (-1 before the sentence) and, for the
 * second pass, the first pass's tags of the whole sentence (`first_pass`, NULL in the first
 * pass): so the second pass sees the tags of the words after i too. Returns their number (at
 * most DP_TAGGER_MAX_FEATURES). Training and tagging share it. */
size_t dp_tagger_features(const dp_tag_token *toks, size_t n, size_t i, int prev, int prev2,
                          const uint8_t *first_pass, uint64_t *out);

/* Words that training data always tag alike ("de", "et", "été"...), lowercase, with their tag:
 * the tagger gives it without scoring, which is most of its speed on running text. */
typedef struct dp_tag_dictionary {
    size_t n;
    const unsigned char *keys; /* n hashes of lowercase forms (u64 LE), in increasing order */
    const uint8_t *tags;
} dp_tag_dictionary;

/* The dictionary's tag for t (not capitalized), or -1. */
int dp_tag_dictionary_get(const dp_tag_dictionary *d, const dp_tag_token *t);

/* Tags toks[0..n) into tags[0..n) (enum dp_tag values), left to right; with `first_pass`
 * (the first model's tags), as the second pass. `dict` may be NULL. */
void dp_tagger_tag(const dp_perceptron *model, const dp_tag_dictionary *dict,
                   const dp_tag_token *toks, size_t n, const uint8_t *first_pass, uint8_t *tags);

typedef struct dp_tagger {
    dp_perceptron first, second;
    dp_tag_dictionary dictionary;
    /* a first-pass tag that beats the next by this much is kept without a second look */
    int32_t sure_margin;
} dp_tagger;

#define DP_TAGGER_MAX_TOKENS 1024

/* Both passes: tags toks[0..n) (n <= DP_TAGGER_MAX_TOKENS) into tags, with scratch[0..n) for
 * the first pass's tags. */
void dp_tagger_run(const dp_tagger *t, const dp_tag_token *toks, size_t n, uint8_t *scratch,
                   uint8_t *tags);

#endif
