/* Stage 5c, the dependency parser: a greedy arc-eager transition parser (Nivre 2003) whose
 * transitions are chosen by one averaged perceptron and whose relations (nsubj, obj,
 * obl:agent...) by a second one, at the moment each arc is made. Features follow Zhang and
 * Nivre (2011): the words and tags of the stack and buffer, the children already attached, their
 * relations, distance and valency. Training uses Goldberg and Nivre's (2012) dynamic oracle, so
 * the parser learns to recover from its own mistakes. */
#ifndef DEPECHE_PARSER_H
#define DEPECHE_PARSER_H

#include "perceptron.h"
#include "syntax.h"

/* What the parser knows of one word. Word 0 is the root, made by dp_parse_words_root. */
typedef struct dp_parse_word {
    uint64_t form;  /* hash of the lowercase form */
    uint64_t lemma; /* hash of the lemma */
    uint8_t upos;   /* enum dp_upos; DP_UPOS_COUNT for the root */
    uint8_t morph;  /* DP_MORPH_*: what the features say of a verb */
} dp_parse_word;

enum { DP_MORPH_NONE, DP_MORPH_FINITE, DP_MORPH_INFINITIVE, DP_MORPH_PARTICIPLE_PAST,
       DP_MORPH_PARTICIPLE_PRESENT };

/* The morph class of a UD feature string. */
uint8_t dp_morph_class(const char *feats);

void dp_parse_word_root(dp_parse_word *w);

typedef struct dp_parser {
    dp_perceptron transitions; /* 4 classes: shift, reduce, left arc, right arc */
    dp_perceptron relations;   /* one class per relation */
    const char *const *relation_names; /* n_relations, [0] is "root" */
    uint32_t n_relations;
    uint8_t mark_relation; /* the index of "mark", which keeps a subordinate clause from the
                            * root at decoding; 0 when unknown */
} dp_parser;

/* Work space for parsing one sentence of up to max_words words (root excluded). */
typedef struct dp_parse_state dp_parse_state;
dp_parse_state *dp_parse_state_new(size_t max_words);
void dp_parse_state_free(dp_parse_state *s);

/* Parses words[0..n] (words[0] is the root, n real words, n <= the state's max_words): fills
 * heads[1..n] (0 = the root) and relations[1..n] (indexes into relation_names). Every word
 * gets a head and exactly one word hangs on the root. */
void dp_parse(const dp_parser *p, const dp_parse_word *words, size_t n, dp_parse_state *s,
              uint16_t *heads, uint8_t *relations);

/* ---- Training ---- */

typedef struct dp_parser_trainer {
    dp_perceptron_trainer transitions, relations;
    uint32_t n_relations;
    uint64_t random; /* the exploration's generator: fixed seed, same model every time */
    double explore;  /* probability of following the model's own choice when it is wrong */
} dp_parser_trainer;

/* One pass over one sentence with its gold tree (heads[1..n], relations[1..n]; the tree must be
 * projective). Returns 0 or -1 when memory ran out. */
int dp_parser_train_sentence(dp_parser_trainer *t, const dp_parse_word *words, size_t n,
                             const uint16_t *heads, const uint8_t *relations,
                             dp_parse_state *s);

#endif
