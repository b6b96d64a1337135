/* Stage 4, tokenize: French tokens with offsets, and sentences.
 *
 * Elided articles and pronouns are tokens of their own ("l'", "qu'"), except in words listed as
 * whole ("aujourd'hui"); hyphenated words stay whole ("Jean-Louis", "start-up") but inverted
 * pronouns are split off ("a-t-il" -> "a" "-t-il"); an abbreviation keeps its period ("M.",
 * "Nov.", "etc."); numbers keep their groups and decimals ("500 000", "1,2"). Sentences end at
 * . ! ? … unless an abbreviation or an initial says otherwise, and never cross a line. The word
 * lists come from data files ("abbreviation", "title", "elision", "word", "clitic" lines). */
#ifndef DEPECHE_TOKENIZE_H
#define DEPECHE_TOKENIZE_H

#include "internal.h"
#include "lexicon.h"

enum dp_token_kind { DP_TOK_WORD, DP_TOK_NUMBER, DP_TOK_PUNCT, DP_TOK_SYMBOL };

enum dp_token_flag {
    DP_TF_CAPITALIZED = 1 << 0, /* first letter uppercase */
    DP_TF_ALLCAPS = 1 << 1,     /* two letters or more, all uppercase */
    DP_TF_ELISION = 1 << 2,     /* an elided word: l' d' qu' */
    DP_TF_ABBREV = 1 << 3,      /* ends with the period of an abbreviation */
    DP_TF_TITLE = 1 << 4,       /* an abbreviated title that never ends a sentence: M. Dr */
    DP_TF_INITIAL = 1 << 5,     /* one capital and a period: the J. of J. K. Rowling */
    DP_TF_CLITIC = 1 << 6,      /* an inverted pronoun: -t-il */
    DP_TF_SPACE_BEFORE = 1 << 7,/* blank before it, or first of its line */
    DP_TF_SENTENCE_START = 1 << 8
};

typedef struct dp_token {
    uint32_t start, end;       /* bytes in the normalized text, end exclusive */
    uint32_t cp_start, cp_end; /* the same as code points of the normalized text */
    uint16_t kind;
    uint16_t flags;
} dp_token;

/* The tokenizer's word lists; part of the engine, read-only once loaded. */
typedef struct dp_token_rules {
    dp_lexicon titles;        /* exact forms with their period: "M.", "Mme." */
    dp_lexicon abbreviations; /* folded forms with their period: "etc.", "nov." */
    dp_lexicon elisions;      /* folded, with the apostrophe: "l'", "jusqu'" */
    dp_lexicon whole_words;   /* folded words never split: "aujourd'hui", "rendez-vous" */
    dp_lexicon clitics;       /* folded, without hyphen: "il", "elle", "on" */
    dp_lexicon openers;       /* exact words that open a sentence glued to the last one: "Le" */
    /* Whether a word in lower case is a French word, or NULL when nothing says: a heading
     * that ends on one, glued to the capitalised word that opens the next paragraph
     * ("...aux dividendesEmmanuel Macron a..."), ends there, where a brand written so
     * ("easyJet", "iPhone") goes on. Set by whoever owns the lexicon; ctx is passed back. */
    int (*french_word)(const void *ctx, const char *word, size_t len);
    const void *french_word_ctx;
} dp_token_rules;

/* Loads one data line of kind `kind` if it belongs to the tokenizer: returns 1 if it did, 0 if
 * the kind is not the tokenizer's, or a negative status with err filled. */
int dp_token_rules_load(dp_token_rules *r, const char *kind, size_t kind_len, const char *args,
                        size_t args_len, const char *path, unsigned long line,
                        depeche_error *err);
void dp_token_rules_release(dp_token_rules *r);

/* Sentences longer than this are cut, so that memory stays bounded on a line without stops. */
#define DP_MAX_SENTENCE_TOKENS 400

typedef struct dp_tokenizer {
    const dp_token_rules *rules;
    const char *text;
    size_t start, pos, end; /* the span, and where the next token starts */
    uint32_t cp;
    dp_token queue[8];
    size_t queue_head, queue_len;
    size_t glued_sentence_at; /* where a sentence glued to the word before it starts, or 0 */
} dp_tokenizer;

/* Prepares to tokenize text[span) (normalized text); `cp_start` is the code point offset of
 * span.start. The tokenizer borrows rules and text. */
void dp_tokenizer_start(dp_tokenizer *tz, const dp_token_rules *rules, const char *text,
                        dp_span span, uint32_t cp_start);
/* Writes the next sentence's tokens into out (room for DP_MAX_SENTENCE_TOKENS) and returns
 * their number, 0 at the end of the span. */
size_t dp_tokenizer_next_sentence(dp_tokenizer *tz, dp_token *out);

/* Whether token t of (normalized) text is a quotation mark: '"' (curly quotes are normalized
 * to it), '«' or '»'. */
int dp_token_is_quote(const char *text, const dp_token *t);

/* Whether token t of text has a digit: "C220d", "M5" are a model's name. */
int dp_token_has_digit(const char *text, const dp_token *t);

#endif
