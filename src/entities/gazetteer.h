/* Gazetteers: known people, organisations, roles and places, and given names.
 *
 * File format (the .txt files under gazetteers/): one entry a line, fields separated by tabs:
 *     NAME <TAB> TYPE [<TAB> ALIASES [<TAB> WIKIDATA [<TAB> ATTRIBUTES]]]
 * TYPE is PERSON, ORG, ROLE, PLACE or GIVEN (a given name, for the name rules); ALIASES are
 * separated by '|'; WIKIDATA is a Q-identifier or empty; ATTRIBUTES are key=value pairs
 * separated by ';': title=CEO (a role's English title), case=insensitive (match lowercase
 * text too; roles always do). Matching ignores accents always, and case where the entry says
 * so; elsewhere a capital in the entry must be a capital in the text (or the word is all
 * capitals, as in press releases). A later entry with the same alias replaces the earlier
 * one, so a user's file can override the defaults.
 *
 * Names are compiled into a trie over tokens (one hash lookup a token), so matching costs
 * grow with the text, not with the gazetteer. */
#ifndef DEPECHE_GAZETTEER_H
#define DEPECHE_GAZETTEER_H

#include "lexicon.h"
#include "tokenize.h"

enum dp_entity_type {
    DP_PERSON,
    DP_ORG,
    DP_ROLE,
    DP_PLACE,
    DP_DATE,
    DP_MONEY,
    DP_GIVEN, /* given names: not an entity type of the output */
    DP_OTHER, /* names of no person, organisation or place (a festival, an award, a disease):
               * they take their words from other readings, and are not output */
    DP_ENTITY_TYPES
};

/* "PERSON", "ORG", ...; the inverse returns DP_ENTITY_TYPES for an unknown name. */
const char *dp_entity_type_name(enum dp_entity_type type);
enum dp_entity_type dp_entity_type_from(const char *s, size_t n);

/* What an organisation is, where events must know it (attribute kind=...). */
enum dp_gaz_kind {
    DP_GAZ_PLAIN,
    DP_GAZ_MEDIA, /* kind=media: a news agency or outlet, which reports moves, not hosts them */
    DP_GAZ_SEAT,  /* kind=seat: a building standing for an office ("Matignon", "l'Élysée"),
                   * which no event's party is */
    DP_GAZ_OFFICE,   /* kind=office: a role that is a public office ("ministre"), held in no
                      * organisation the context names */
    DP_GAZ_TERRITORY, /* kind=territory: a public office held over a territory ("maire",
                       * "député"): "maire de X" names a place */
    DP_GAZ_UNION,     /* kind=union: a trade union or an employers' federation, which no word
                       * for a company ("le groupe", "la société") stands for */
    DP_GAZ_SCHOOL     /* kind=school: a school or a university, which no word for a company
                       * stands for either */
};

typedef struct dp_gaz_entry {
    const char *name;     /* canonical name */
    const char *wikidata; /* or NULL */
    const char *title;    /* a role's English title, or NULL */
    uint8_t type;         /* enum dp_entity_type */
    uint8_t kind;         /* enum dp_gaz_kind */
} dp_gaz_entry;

typedef struct dp_gaz_terminal {
    uint32_t entry;
    uint32_t capitals; /* bit i: token i of the alias starts with a capital */
    uint32_t allcaps;  /* bit i: token i is all capitals ("TIM" is not "Tim") */
    uint8_t case_insensitive;
} dp_gaz_terminal;

typedef struct dp_gazetteer {
    size_t n_entries;       /* the image's first (n_borrowed of them), then the data files' */
    size_t n_borrowed;
    dp_gaz_entry *entries;  /* the data files' entries (entry n_borrowed + k), strings owned */
    size_t entries_cap;
    dp_lexicon edges;  /* (node, folded token) -> child node */
    uint32_t n_nodes;  /* node 0 is the root */
    uint32_t *terminal_of; /* node -> index in terminals + 1, or 0; NULL while the image's is read */
    size_t terminal_of_cap;
    dp_gaz_terminal *terminals; /* NULL while the image's are read */
    size_t n_terminals, terminals_cap;
    dp_lexicon name_words; /* folded word -> DP_WORD_GIVEN | DP_WORD_ENGLISH bits */
    /* an image read in place (dp_gazetteer_open_image) until a data file changes its trie:
     * start-up reads none of its pages but those a look-up needs */
    const unsigned char *image_entries, *image_terminal_of, *image_terminals;
    const char *image_strings;
    size_t image_strings_size;
} dp_gazetteer;

/* Entry i (0 <= i < n_entries): its strings belong to g. */
dp_gaz_entry dp_gazetteer_entry(const dp_gazetteer *g, size_t i);

/* Loads one gazetteer line. Returns 0, or a negative status with err filled. `tokens` splits
 * names into tokens exactly as text is split. */
int dp_gazetteer_load_line(dp_gazetteer *g, const dp_token_rules *tokens, const char *line,
                           size_t len, const char *path, unsigned long lineno, depeche_error *err);
void dp_gazetteer_release(dp_gazetteer *g);

/* The gazetteer image: the default gazetteers loaded once at build time
 * (tools/build_gazetteer_image.c) and compiled into the library, so that start-up reads ten
 * thousand names in place instead of splitting them into tokens again. Its slots are in this
 * build's own layout: an image is never carried to another build. Writes g into out; returns 0
 * or DEPECHE_ERR_NOMEM. */
int dp_gazetteer_write_image(const dp_gazetteer *g, dp_strbuf *out);
/* Opens an image into an empty gazetteer (entries then add to it as usual); the image must
 * outlive g. Returns 0, DEPECHE_ERR_NOMEM, or DEPECHE_ERR_DATA with err filled when it is
 * malformed. */
int dp_gazetteer_open_image(dp_gazetteer *g, const void *image, size_t size, depeche_error *err);

/* The folded lookup key of every token of a sentence, computed once and shared by the
 * matchers: keys[i] points into `buf`. */
#define DP_KEY_MAX 64
typedef struct dp_token_keys {
    const char *key[DP_MAX_SENTENCE_TOKENS];
    uint8_t len[DP_MAX_SENTENCE_TOKENS]; /* 0: too long to be looked up */
    char buf[DP_MAX_SENTENCE_TOKENS * DP_KEY_MAX];
} dp_token_keys;
void dp_token_keys_fill(dp_token_keys *k, const char *text, const dp_token *toks, size_t n);
/* Whether token i's folded key is `word` (folded: lowercase, no accents). */
int dp_token_key_is(const dp_token_keys *k, size_t i, const char *word);

/* The longest gazetteer name starting at token i: returns its token count (0 if none) and
 * sets *entry, and *any_case to whether that name matches in any case (a role, or an entry
 * with case=insensitive). */
size_t dp_gazetteer_longest(const dp_gazetteer *g, const dp_token *toks, const dp_token_keys *keys,
                            size_t n, size_t i, uint32_t *entry, int *any_case);
/* The same for a name whose first word, `lead` (an article: "le", "les"), the text wrote
 * contracted before token i: "des Républicains" is "de" + "Les Républicains"; `lead` is not
 * matched against the text's case. */
size_t dp_gazetteer_longest_after(const dp_gazetteer *g, const char *lead, size_t lead_len,
                                  const dp_token *toks, const dp_token_keys *keys, size_t n,
                                  size_t i, uint32_t *entry, int *any_case);

/* The entry a name of one word, word[0..len) (any case), stands for: 1 and *entry set, or 0. */
int dp_gazetteer_one_word(const dp_gazetteer *g, const char *word, size_t len, uint32_t *entry);

/* The bits of a word of name_words: a given name ("GIVEN" lines), an English common word
 * ("ENGLISH" lines: "street", "moon"), which a capitalised name may hold but a person's name
 * seldom does. */
enum { DP_WORD_GIVEN = 1, DP_WORD_ENGLISH = 2 };

/* Does the folded word key[0..len) carry one of `bits` (DP_WORD_GIVEN, DP_WORD_ENGLISH)? */
int dp_gazetteer_word_is(const dp_gazetteer *g, const char *key, size_t len, unsigned bits);

/* Is token i an English common word (whatever its case)? */
int dp_gazetteer_is_english(const dp_gazetteer *g, const dp_token_keys *keys, size_t i);

/* Is token i a given name (capitalized in the text)? */
int dp_gazetteer_is_given(const dp_gazetteer *g, const dp_token *tok, const dp_token_keys *keys,
                          size_t i);

#endif
