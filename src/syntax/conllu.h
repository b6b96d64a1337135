/* CoNLL-U (Universal Dependencies v2), read for training and tests: sentences with their
 * surface tokens (a multiword token "du" covering words "de" "le") and their words. */
#ifndef DEPECHE_CONLLU_H
#define DEPECHE_CONLLU_H

#include "internal.h"

typedef struct dp_conllu_word {
    const char *form, *lemma, *upos, *feats, *deprel; /* into the sentence's copy of its lines */
    long head;                                       /* -1 when not a number ("_") */
} dp_conllu_word;

typedef struct dp_conllu_token {
    const char *form;
    size_t first, last; /* the words it covers, 0-based, inclusive */
} dp_conllu_token;

typedef struct dp_conllu_sentence {
    const char *id, *text, *doc_id; /* from "# sent_id", "# text", "# doc_id"; NULL if absent */
    dp_conllu_word *words;
    size_t n_words, words_cap;
    dp_conllu_token *tokens;
    size_t n_tokens, tokens_cap;
    char *lines; /* owned: the sentence's lines, cut into fields in place */
    size_t lines_cap;
} dp_conllu_sentence;

/* Reads the next sentence of data[*pos..size) into s (reusing its memory), advancing *pos.
 * Returns 1 for a sentence, 0 at the end, or DEPECHE_ERR_DATA with err filled ("path:line:
 * message") for a malformed line, DEPECHE_ERR_NOMEM. Empty nodes (ID 3.1) are skipped. */
int dp_conllu_next(const char *data, size_t size, size_t *pos, unsigned long *line,
                   const char *path, dp_conllu_sentence *s, depeche_error *err);
void dp_conllu_sentence_release(dp_conllu_sentence *s);

#endif
