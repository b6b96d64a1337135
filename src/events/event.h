/* Stage 7, events: who did what to whom, from rules over the units of a sentence.
 *
 * Once an article's entities are resolved, each sentence that holds a trigger word is read
 * again as a string of units, one character each: an entity mention is one unit whatever its
 * length (P O R L D M), a run of capitalised words no entity took is C, a number d, a listed
 * word its cue class, punctuation itself, any other word w. Event rules (patterns/events.txt)
 * are PCRE2 patterns over that string whose named groups bind the arguments. See the data
 * file's header for the format. */
#ifndef DEPECHE_EVENT_H
#define DEPECHE_EVENT_H

#include "date.h"
#include "lexicon.h"
#include "match.h"
#include "pattern.h"

enum dp_event_type {
    DP_EV_APPOINTMENT, DP_EV_DISMISSAL, DP_EV_RESIGNATION, DP_EV_JOIN, DP_EV_ACQUISITION,
    DP_EV_MERGER, DP_EV_PARTNERSHIP, DP_EV_FUNDING, DP_EV_LAWSUIT, DP_EV_LAYOFFS,
    DP_EV_PRODUCT_LAUNCH, DP_EV_BANKRUPTCY, DP_EV_FINE, DP_EVENT_TYPES
};

/* The arguments a rule can bind; partner1..4 are printed together as "partners". */
enum dp_event_arg {
    DP_ARG_PERSON, DP_ARG_ORG, DP_ARG_ROLE, DP_ARG_PREDECESSOR, DP_ARG_ACQUIRER, DP_ARG_TARGET,
    DP_ARG_AMOUNT, DP_ARG_PARTNER1, DP_ARG_PARTNER2, DP_ARG_PARTNER3, DP_ARG_PARTNER4,
    DP_ARG_INVESTOR, DP_ARG_PLAINTIFF, DP_ARG_DEFENDANT, DP_ARG_COURT, DP_ARG_PRODUCT,
    DP_ARG_COUNT, DP_ARG_AUTHORITY, DP_ARG_NEG, DP_ARG_HYP, DP_EVENT_ARGS
};

const char *dp_event_type_name(enum dp_event_type type);
/* The type named s[0..n), or -1 when no type has that name. */
int dp_event_type_from(const char *s, size_t n);
/* Reads a line's list of event types ("KIND TYPES...", e.g. "planned product_launch
 * acquisition") into types[DP_EVENT_TYPES] (1: listed). Returns 1, or dp_fail's error
 * ("file:line: message" in err) when a name is no type or none is given. */
int dp_event_types_load(uint8_t *types, const char *args, size_t len, const char *kind,
                        const char *path, unsigned long line, depeche_error *err);
/* The printed name of an argument ("partners" for partner1..4). */
const char *dp_event_arg_name(enum dp_event_arg arg);

typedef struct dp_event_rule {
    uint8_t type;
    float confidence;
    uint32_t groups[DP_EVENT_ARGS]; /* group numbers in the rule set, 0: not in this rule */
    const char *path;
    unsigned long line;
} dp_event_rule;

typedef struct dp_event_rules {
    dp_lexicon cues; /* word classes (see dp_word_classes_load) */
    dp_event_rule *rules;
    size_t n_rules, rules_cap;
    /* one rule set per event type, so that one subject can do several things in a sentence
     * ("Camaïeu, placé en liquidation, supprime 2 600 emplois"), tried only when the sentence
     * holds one of the trigger classes its rules name */
    dp_rule_set sets[DP_EVENT_TYPES];
    size_t *set_rule[DP_EVENT_TYPES]; /* index in a set -> index in rules */
    size_t set_rule_cap[DP_EVENT_TYPES];
    char triggers[DP_EVENT_TYPES][48]; /* the trigger classes its rules name */
    uint8_t planned[DP_EVENT_TYPES]; /* told in the future tense, the event is a plan */
} dp_event_rules;

int dp_event_rules_load(dp_event_rules *r, const char *kind, size_t kind_len, const char *args,
                        size_t args_len, const char *path, unsigned long line, depeche_error *err);
int dp_event_rules_finish(dp_event_rules *r, depeche_error *err);
void dp_event_rules_release(dp_event_rules *r);

/* Does a sentence hold a trigger word (an upper-case cue class)? `keys` are its folded
 * tokens. Only such sentences are read for events. */
int dp_event_has_trigger(const dp_event_rules *r, const dp_token *toks, size_t n,
                         const dp_token_keys *keys);

/* ---- Extraction -------------------------------------------------------------------------- */

enum dp_modality { DP_ASSERTED, DP_HYPOTHETICAL, DP_NEGATED, DP_MODALITIES };

/* "asserted", "hypothetical", "negated"; and the modality so named, or -1. */
const char *dp_modality_name(enum dp_modality modality);
int dp_modality_from(const char *name);

/* An argument: an entity mention, or a span of text (a product, a count). */
typedef struct dp_event_arg_value {
    int32_t mention; /* index into the article's mentions, or -1 */
    uint32_t cp_start, cp_end; /* code points of the normalized text, for text arguments */
    uint64_t text_key; /* a text argument's folded words, hashed: two reports name the same
                          product or company when their keys agree */
    uint8_t set;
} dp_event_arg_value;

typedef struct dp_event {
    uint8_t type, modality;
    float confidence;
    dp_event_arg_value args[DP_EVENT_ARGS];
    dp_date date;
    uint8_t has_date, date_from_text;
    uint8_t date_by_tense; /* the publication date, for a present tense in a title or lead */
    uint32_t date_cp_start, date_cp_end;       /* the words that gave the date */
    uint32_t sentence_cp_start, sentence_cp_end;
    uint32_t sentence_start, sentence_end; /* the same in bytes of the normalized text */
    uint32_t trigger_cp_start, trigger_cp_end;
    int32_t rule;
} dp_event;

/* The most members of one list ("à Apple, Tech Data et Ingram Micro") that get an event each. */
#define DP_MAX_LISTED 16

typedef struct dp_events {
    dp_event *items;
    size_t n, cap;
    size_t lists_cut; /* lists that went on past DP_MAX_LISTED members */
} dp_events;

struct depeche_engine;
/* Reads one sentence (toks[0..n) of the normalized text, on layout line `line`) for events and
 * appends them. `m` is the article's resolved mentions in text order, `ref` the date that
 * relative dates count
 * from (the teaser's date on a teaser line, else the publication date; year 0 if none), and
 * `teaser_date` the date events get when the sentence gives none (year 0: none). Returns 0 or
 * DEPECHE_ERR_NOMEM. */
int dp_events_in_sentence(const struct depeche_engine *e, const char *text, const dp_token *toks,
                          size_t n, uint32_t line, const dp_mentions *m, dp_date ref,
                          dp_date teaser_date, dp_match_data *md, dp_events *out);
/* Completes an event another reader found (src/events/frame.c) in the sentence toks[0..n),
 * its trigger at token trigger_token, as the rules' events are completed: with from_context,
 * an organisation left to the context; the checks that every core argument is there and that no entity plays two
 * core parts, the date, where it lies. Appends it to out when complete. Returns 0 or
 * DEPECHE_ERR_NOMEM. */
/* A date a sentence tells otherwise than in full: tokens first..first+count, and its value. */
typedef struct dp_told_date {
    size_t first, count;
    dp_date date;
} dp_told_date;

/* The dates the sentence toks[0..n) tells without a complete date's words ("hier", "le 3 mars",
 * "la veille", "il y a trois mois"), outside the tokens `taken` marks, resolved from ref in the
 * direction of the verb each hangs on, "la veille" from the last DATE mention of m before it:
 * for DATE entities. Fills out (at most cap) and returns how many. */
size_t dp_event_told_dates(const struct depeche_engine *e, const char *text, const dp_token *toks,
                           const dp_token_keys *keys, size_t n, const uint8_t *taken, dp_date ref,
                           const dp_mentions *m, dp_told_date *out, size_t cap);

int dp_event_complete(const struct depeche_engine *e, const char *text, const dp_token *toks,
                      size_t n, uint32_t line, const dp_mentions *m, dp_date ref,
                      dp_date teaser_date, size_t trigger_token, int from_context, dp_event *ev,
                      dp_events *out);

/* What an antecedent is looked for: a person ("il"), an organisation ("elle", "ils"), a
 * company ("le groupe", "la société": not a union), the person a word describes, a man
 * ("le polémiste"), a woman ("la journaliste") or either, or the person named last, a man
 * ("ce dernier") or a woman ("cette dernière"). */
enum dp_antecedent_kind {
    DP_ANTECEDENT_PERSON,
    DP_ANTECEDENT_ORG,
    DP_ANTECEDENT_COMPANY,
    DP_ANTECEDENT_MAN,
    DP_ANTECEDENT_WOMAN,
    DP_ANTECEDENT_SOMEONE,
    DP_ANTECEDENT_LATTER_MAN,
    DP_ANTECEDENT_LATTER_WOMAN
};

/* Whether the company's name at text[start..end) stands for one thing of its make: "une
 * Porsche", "cette Mercedes", "la Ferrari F40". */
int dp_event_one_of_a_kind(const char *text, uint32_t start, uint32_t end);

/* What a word for a company stands for when its epithet names a company the article does not
 * name ("le constructeur d'Ingolstadt" with no Audi named): no one, and no one else either. */
#define DP_ANTECEDENT_NAMED_ELSEWHERE (-2)

/* What a pronoun or a description at byte `at` stands for (sentence: its sentence's first byte):
 * the one of that kind named last before, not entity `other`. A mention index, or -1, or
 * DP_ANTECEDENT_NAMED_ELSEWHERE. */
int32_t dp_event_antecedent(const struct depeche_engine *e, const char *text,
                            const dp_mentions *m, uint32_t sentence, uint32_t at,
                            enum dp_antecedent_kind kind, int32_t other);
/* What "il" or "elle" at byte `at` stands for where only a company fits: the organisation
 * named last before (not entity `other`), unless a person is named after it. -1 if none. */
int32_t dp_event_pronoun_org(const struct depeche_engine *e, const char *text,
                             const dp_mentions *m, uint32_t sentence, uint32_t at, int32_t other);

/* Whether a role mention names a past post: "ancien directeur", "l'ex-patron". */
int dp_event_role_is_past(const char *text, const dp_mention *role);

/* Whether argument arg (enum dp_event_arg) is core for event type `type`. */
int dp_event_is_core(int type, int arg);

/* The types of a person's move, as bits of enum dp_event_type. */
#define DP_EV_MOVES                                                                         \
    (1u << DP_EV_APPOINTMENT | 1u << DP_EV_DISMISSAL | 1u << DP_EV_RESIGNATION | 1u << DP_EV_JOIN)

/* Whether argument arg is played by an organisation only (not a buyer, an investor or a party
 * to a suit, who may be people): an organisation, a target, a partner, a court, an authority. */
int dp_event_arg_company_only(int arg);

/* Keeps one event per fact: the same type and core arguments (by entity) give one event, the
 * first, completed with a date found later and asserted if any report asserts it. */
void dp_events_merge(dp_events *ev, const dp_mentions *m);
void dp_events_release(dp_events *ev);

#endif
