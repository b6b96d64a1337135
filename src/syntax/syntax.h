/* Types the syntax stage shares with its callers: parts of speech, and the syntactic words of
 * one sentence with their lemma, features, head and relation. */
#ifndef DEPECHE_SYNTAX_H
#define DEPECHE_SYNTAX_H

#include <stddef.h>
#include <stdint.h>

/* Universal Dependencies parts of speech, in the order tools/build_lexicon.py writes them. */
enum dp_upos {
    DP_ADJ, DP_ADP, DP_ADV, DP_AUX, DP_CCONJ, DP_DET, DP_INTJ, DP_NOUN, DP_NUM, DP_PART,
    DP_PRON, DP_PROPN, DP_PUNCT, DP_SCONJ, DP_SYM, DP_VERB, DP_X, DP_UPOS_COUNT
};

/* The tagger tags surface tokens: a contraction ("du", "auquel") gets the tags of its two
 * words joined, as the classes after the parts of speech. */
enum dp_tag {
    DP_TAG_ADP_DET = DP_UPOS_COUNT, /* du, des, au, aux = de/à + le/les */
    DP_TAG_ADP_PRON,                /* auquel, duquel, auxquels... = de/à + lequel... */
    DP_TAG_COUNT
};

/* "NOUN", "ADP+DET"...: static strings, for tags 0..DP_TAG_COUNT-1. */
extern const char *const dp_tag_names[DP_TAG_COUNT];
/* The tag named s[0..n), or -1. */
int dp_tag_from_name(const char *s, size_t n);

/* The relation of a word to the root, the only one the parser does not choose. */
#define DP_DEPREL_ROOT 0

#endif
