/* Stage 5, match: entity mentions in one sentence, from the gazetteers and from rules.
 *
 * Each token of a sentence gets one class character (a gazetteer name, a given name, a
 * civility, a capitalised word...), and entity rules are PCRE2 patterns over that string of
 * classes, so that one regex call scans a whole sentence whatever the number of rules. Data
 * lines (patterns/entities.txt):
 *   class C WORDS...           token class C for these words; the case of each listed word
 *                              says which tokens it applies to: "de" lowercase ones, "Le"
 *                              capitalised ones, "SA" all-capital ones
 *   entity TYPE PATTERN        a rule: the named group "name" (or the whole match) is a
 *                              mention of TYPE (PERSON, ORG, PLACE, MONEY...)
 * Classes the matcher gives by itself: N n (a known person, first and next tokens), O o
 * (organisation), R r (role; W first for an office over a territory: "maire", "député"), L l (place), G (given name), I (initial: "J."), d (number),
 * U (all capitals),
 * S (capitalised, first of its sentence or after an opening mark), C (capitalised), X (such
 * words that are no French words, after a function word and before a particle: "les Penguins
 * de Pittsburgh"), j (an adjective that is never a verb, near an institution's head), w (other
 * word), and punctuation as itself (, ( ) - & . : ", « » as "), _ for the rest. */
#ifndef DEPECHE_MATCH_H
#define DEPECHE_MATCH_H

#include "evidence.h"
#include "gazetteer.h"
#include "pattern.h"

typedef struct dp_entity_rule {
    uint8_t type;         /* enum dp_entity_type */
    uint32_t name_group;  /* group number of "name" in the rule set, 0: whole match */
    const char *path;     /* for --explain and messages */
    unsigned long line;
} dp_entity_rule;

typedef struct dp_match_rules {
    dp_lexicon classes; /* word classes: see dp_word_classes_load */
    dp_entity_rule *rules;
    size_t n_rules, rules_cap;
    dp_rule_set set;
    dp_evidence_rules evidence; /* for the names no rule took */
} dp_match_rules;

/* Word classes, shared by the entity and event rules: a lexicon from folded words to one class
 * character for each case a token can have (lowercase, capitalised, all capitals), the case of
 * each listed word saying which. Loads "CHAR WORDS..." from args; returns 1 or a negative
 * status with err filled. */
int dp_word_classes_load(dp_lexicon *lx, const char *args, size_t len, const char *kind,
                         const char *path, unsigned long line, depeche_error *err);
/* The class of a token (its folded key and its flags), or 0 when the lexicon has none. */
char dp_word_class(const dp_lexicon *lx, const char *key, size_t key_len, uint16_t flags);
/* Whether a folded lowercase word is a word for a company ("groupe", "société", "constructeur":
 * class q of patterns/entities.txt), which may stand for one named before. */
int dp_company_word(const dp_match_rules *r, const char *key, size_t key_len);

int dp_match_rules_load(dp_match_rules *r, const char *kind, size_t kind_len, const char *args,
                        size_t args_len, const char *path, unsigned long line, depeche_error *err);
int dp_match_rules_finish(dp_match_rules *r, depeche_error *err);
void dp_match_rules_release(dp_match_rules *r);

/* A mention found in the text. Offsets are into the normalized text. */
enum dp_mention_source {
    DP_FROM_GAZETTEER,
    DP_FROM_RULE,
    DP_FROM_ACRONYM,
    DP_FROM_DATE,
    DP_FROM_SURNAME,
    DP_FROM_CONTEXT, /* a name no list or rule knows, typed by the evidence around it */
    DP_FROM_TOLD_DATE /* a date told otherwise than in full ("hier", "le 3 mars"): its value
                       * depends on the verb, which an event reads again */
};

typedef struct dp_mention {
    uint32_t start, end;       /* bytes */
    uint32_t cp_start, cp_end; /* code points */
    uint8_t type;              /* enum dp_entity_type */
    uint8_t source;            /* enum dp_mention_source */
    int32_t entry;             /* gazetteer entry, or -1 */
    int32_t rule;              /* entity rule, or -1 */
    int32_t alias_of;          /* an acronym: the mention it abbreviates, or -1 */
    int32_t entity;            /* set by resolution */
    uint32_t line;             /* index of its line in the layout */
    uint32_t sentence;         /* index of its sentence in the document, as the tokenizer cut it */
    char date[11];             /* DATE mentions: the ISO date */
} dp_mention;

/* A capitalised word that no mention covers: "Altman" after "Sam Altman". Resolution decides. */
typedef struct dp_loose_word {
    uint32_t start, end, cp_start, cp_end, line, sentence;
} dp_loose_word;

/* A run of capitalised words that no mention covers ("Applied Materials"), with the evidence
 * its sentence gives; resolution adds up the article's evidence for the same name. */
typedef struct dp_unknown_name {
    uint32_t start, end, cp_start, cp_end, line, sentence;
    uint32_t loose_first, loose_last; /* its loose words, indices into dp_mentions.loose */
    uint32_t list;                    /* the list of names it stands in, + 1; 0 if none */
    dp_evidence evidence;
} dp_unknown_name;

typedef struct dp_mentions {
    dp_mention *items;
    size_t n, cap;
    dp_loose_word *loose;
    size_t n_loose, loose_cap;
    dp_unknown_name *unknown;
    size_t n_unknown, unknown_cap;
    dp_span *others; /* names a list knows as no entity ("Covid-19"), in text order */
    size_t n_others, others_cap;
    uint32_t n_lists; /* lists of names seen so far, numbering dp_unknown_name.list */
    uint32_t *sentence_start; /* where each sentence starts, by dp_mention.sentence */
    size_t n_sentences, sentences_cap;
} dp_mentions;

struct depeche_engine;
/* Finds the mentions of one sentence (toks[0..n) of `text`) and appends them, in text order.
 * Returns 0 or DEPECHE_ERR_NOMEM. */
int dp_match_sentence(const struct depeche_engine *e, const char *text, const dp_token *toks,
                      size_t n, uint32_t line, dp_token_keys *keys, dp_match_data *md,
                      dp_mentions *out);
void dp_mentions_release(dp_mentions *m);
/* The index of the first mention (mentions are in text order) that ends after byte `at`. */
size_t dp_mentions_from(const dp_mentions *m, uint32_t at);
/* The same among m->others. */
size_t dp_others_from(const dp_mentions *m, uint32_t at);

#endif
