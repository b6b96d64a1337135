/* The parse of one sentence as the public API shows it (depeche_sentence), shared by
 * `depeche parse` and --explain. */
#ifndef DEPECHE_PARSE_H
#define DEPECHE_PARSE_H

#include "analyse.h"
#include "normalize.h"

/* Builds the depeche_sentence of toks[0..n) of text t, analysed into w, numbered `index`, with
 * tokens[] and words[] (room for DP_MAX_SENTENCE_TOKENS and DP_MAX_SENTENCE_WORDS) and strings
 * (reused) as its storage, and hands it to fn. `cursor` walks t's original text (sentences in
 * text order share one; else start from {0, 0}). Returns fn's value, or DEPECHE_ERR_NOMEM. */
int dp_parse_deliver(const dp_text *t, const dp_syntax *syn, const dp_syntax_work *w,
                     const dp_token *toks, size_t n, size_t index, dp_orig_cursor *cursor,
                     dp_strbuf *strings, depeche_token *tokens, depeche_word *words,
                     depeche_sentence_fn fn, void *ctx);

#endif
