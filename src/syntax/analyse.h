/* Stage 5, syntax: the tagger and the parser run over one tokenized sentence, giving its
 * syntactic words (a contraction such as "du" becomes "de" + "le") with lemma, part of speech,
 * features, head and relation.
 *
 * The model (tagger and parser weights, relation names) is one image, trained by
 * tools/train_syntax.c and compiled into the library like the lexicon. */
#ifndef DEPECHE_ANALYSE_H
#define DEPECHE_ANALYSE_H

#include "morpho.h"
#include "parser.h"
#include "tagger.h"
#include "tokenize.h"

#define DP_MAX_RELATIONS 64
/* every token can be a contraction of two words */
#define DP_MAX_SENTENCE_WORDS (2 * DP_MAX_SENTENCE_TOKENS)

typedef struct dp_syntax_model {
    dp_tagger tagger;
    dp_parser parser;
    const char *relations[DP_MAX_RELATIONS]; /* point into the image */
} dp_syntax_model;

/* Reads a model image in place ("DPSYNTX2", the number of relations, the tagger's sure margin,
 * the relation names, the tag dictionary, then the
 * perceptrons of the tagger's two passes, the transitions and the relations); image must outlive m. `check` checks every
 * weight row (see dp_perceptron_open). Returns 0 or DEPECHE_ERR_DATA with err filled. */
int dp_syntax_model_open(dp_syntax_model *m, const void *image, size_t size, int check,
                         const char *path, depeche_error *err);

/* What the syntax stage reads: the lexicon and the model, both read-only. */
typedef struct dp_syntax {
    dp_morpho morpho;
    dp_syntax_model model;
} dp_syntax;

/* One syntactic word. */
typedef struct dp_word {
    uint32_t token; /* its surface token */
    uint8_t part;   /* 0: the whole token; 1 or 2: a contraction's first or second word */
    uint8_t upos;
    uint8_t rel;     /* index into the model's relations */
    uint16_t head;   /* 1-based index of its head word, 0 for the root */
    const char *form; /* a contraction's word ("de"), or NULL: the token's own text */
    const char *feats; /* UD features, "" when none; static or owned by the lexicon */
    char lemma[DP_MORPHO_MAX_WORD + 1]; /* "" for a token too long to be looked up: its form */
} dp_word;

/* The lemma and features of a word of form[0..len) tagged upos: the lexicon's reading with that
 * part of speech (a close one, AUX for VERB, when it has none), else the form itself
 * (lowercase except for proper nouns). Of a verb's readings, after_auxiliary 1 takes the
 * participle, 0 the present or infinitive, then the participle, the other tenses and the simple
 * past last (see verb_fit); -1 the lexicon's first. */
void dp_word_reading(const dp_morpho *m, const char *form, size_t len, int upos, int after_auxiliary,
                     dp_reading *out);

/* Where token i, read as upos among the sentence's tags, stands, as dp_word_reading's
 * after_auxiliary: -1 for no verb; 1 for a verb whose reading is the participle, before "par"
 * (before_par: "X, rejoint par Y") or after an auxiliary, right after it or the adverbs,
 * clitics and punctuation between ("n'a pas encore rejoint", "s'est fait"), or after a
 * conjunction when the verb before it is one ("après avoir annoncé son départ, puis fait part
 * de ..."); else 0. */
int dp_verb_place(const uint8_t *tags, size_t i, int upos, int before_par);

/* Per-document work space for dp_syntax_analyse. */
typedef struct dp_syntax_work {
    dp_tag_token tags_in[DP_MAX_SENTENCE_TOKENS];
    uint8_t first_pass[DP_MAX_SENTENCE_TOKENS];
    uint8_t tags[DP_MAX_SENTENCE_TOKENS];
    dp_parse_word parse_in[DP_MAX_SENTENCE_WORDS + 1];
    uint16_t heads[DP_MAX_SENTENCE_WORDS + 1];
    uint8_t rels[DP_MAX_SENTENCE_WORDS + 1];
    dp_parse_state *state;
    dp_word words[DP_MAX_SENTENCE_WORDS];
    size_t n_words;
} dp_syntax_work;

/* A new work space, freed with dp_syntax_work_free; NULL when memory ran out. */
dp_syntax_work *dp_syntax_work_new(void);
void dp_syntax_work_free(dp_syntax_work *w);

/* What entity recognition says of a token, for dp_syntax_analyse. */
enum dp_name_mark {
    DP_NAME_NONE,
    DP_NAME_WORD,    /* a word of a name of several words */
    DP_NAME_ALONE,   /* a name of one word */
    DP_NAME_TITLE,   /* the first word of a title ("PDG", "président du directoire") */
    DP_NAME_OPENING  /* the first word of a name of several, inside a sentence */
};

/* Tags and parses the sentence toks[0..n) of text (normalized); the words land in w->words.
 * names (NULL: none known) marks the tokens with an enum dp_name_mark: a capitalised word of a
 * name the tagger read as a common or a foreign word is a proper noun ("Mistral AI a signé",
 * "The Walt Disney Company supprime..."), a name of one word is one whatever the tagger read
 * ("Orange signe", not the determiner of "Le Monde"), and so is a preposition that opens a
 * longer one inside a sentence ("rejoint En Marche"); a title is a common noun the tagger may
 * read as a name ("nommé par Paul Roux PDG de Fictiva": no name "Paul Roux PDG"), and the
 * name run on after its complement is the title-holder's ("le président de PSA Carlos
 * Tavares"). */
void dp_syntax_analyse(const dp_syntax *syn, const char *text, const dp_token *toks, size_t n,
                       const uint8_t *names, dp_syntax_work *w);

/* The parser's view of a word (its form lowercase, lemma, tag and verb form). */
void dp_parse_word_of(const char *form, size_t len, const char *lemma, int upos,
                      const char *feats, dp_parse_word *out);

#endif
