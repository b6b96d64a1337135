/* Stage 5b, evidence: names that no list and no rule knows, typed by the words around them.
 *
 * A candidate is a run of capitalised words that no mention covers ("Kosc", "Applied
 * Materials"). Each piece of evidence around it adds a weight to one type or takes it away,
 * and the article's evidence for the same name adds up, so that "la start-up Kosc" also types a
 * later "Kosc évite le naufrage". Data lines (patterns/entities.txt):
 *
 *   evidence TYPE WEIGHT before WORDS...      the word before the name, adjectives skipped
 *                                            ("la biotech américaine Genzyme")
 *   evidence TYPE WEIGHT after WORDS...       the word after the name ("Kosc SAS")
 *   evidence TYPE WEIGHT apposition WORDS...  the word after a comma that follows the name
 *                                            ("Qiova, spécialiste de...")
 *   evidence TYPE WEIGHT of WORDS...          the noun of which the name is the complement
 *                                            ("le rachat de Kosc", "les salariés d'Acme")
 *   evidence TYPE WEIGHT subject LEMMAS...    a verb after the name, auxiliaries and clitics
 *                                            skipped ("Kosc a licencié", "Kosc lève")
 *   evidence TYPE WEIGHT object LEMMAS...     a verb just before the name ("racheter Kosc")
 *   evidence TYPE WEIGHT listed               in a list with a name of TYPE ("Bpifrance et
 *                                            Sofimac")
 *   evidence TYPE WEIGHT foreign              two or three capitalised words, of letters
 *                                            only, that are no French and no English words
 *                                            ("Shizuka Arakawa", not "Abbey Road")
 *   evidence threshold WEIGHT                 what a name needs to become a mention
 *   evidence auxiliary LEMMAS...              verbs skipped like auxiliaries before a subject's
 *                                            verb ("X va licencier", "X doit fermer")
 *
 * TYPE is PERSON, ORG or PLACE; WEIGHT a decimal number (negative: evidence against, as for
 * "le festival X"). A name takes the type with the most evidence when it reaches the threshold
 * and no other type ties with it. */
#ifndef DEPECHE_EVIDENCE_H
#define DEPECHE_EVIDENCE_H

#include "gazetteer.h"
#include "internal.h"
#include "lexicon.h"
#include "morpho.h"

/* The types evidence can give. */
enum { DP_EVIDENCE_PERSON, DP_EVIDENCE_ORG, DP_EVIDENCE_PLACE, DP_EVIDENCE_TYPES };

enum dp_evidence_place {
    DP_EVIDENCE_BEFORE,
    DP_EVIDENCE_AFTER,
    DP_EVIDENCE_APPOSITION,
    DP_EVIDENCE_OF,
    DP_EVIDENCE_SUBJECT,
    DP_EVIDENCE_OBJECT,
    DP_EVIDENCE_PLACES
};

typedef struct dp_evidence_rules {
    /* folded word (or lemma) -> three signed weights in tenths, one byte each */
    dp_lexicon words[DP_EVIDENCE_PLACES];
    dp_lexicon auxiliaries; /* folded lemma -> 1 */
    int8_t listed[DP_EVIDENCE_TYPES];
    int8_t foreign[DP_EVIDENCE_TYPES]; /* two or three words that are no French words */
    int threshold; /* tenths; 0 until a threshold line: no name is typed */
} dp_evidence_rules;

/* Evidence for one name, in tenths, by type. */
typedef struct dp_evidence {
    int16_t weight[DP_EVIDENCE_TYPES];
} dp_evidence;

/* Loads an "evidence" line: 1 if the kind is evidence, 0 if not, or a negative status with err
 * filled. */
int dp_evidence_load(dp_evidence_rules *r, const char *kind, size_t kind_len, const char *args,
                     size_t args_len, const char *path, unsigned long line, depeche_error *err);
void dp_evidence_release(dp_evidence_rules *r);

/* The evidence the sentence gives for the name toks[first..last): its neighbours' words and
 * lemmas, and its own words. `keys` are the sentence's folded tokens; `morpho` gives parts of
 * speech and lemmas, `g` the English words. */
dp_evidence dp_evidence_around(const dp_evidence_rules *r, const dp_morpho *morpho,
                               const dp_gazetteer *g, const char *text, const dp_token *toks,
                               const dp_token_keys *keys, size_t n, size_t first, size_t last);

/* Adds the evidence of being listed with a name of entity type `type` (enum dp_entity_type). */
void dp_evidence_add_listed(const dp_evidence_rules *r, dp_evidence *ev, int type);

/* The entity type (enum dp_entity_type) the evidence makes sure of, or -1. */
int dp_evidence_decide(const dp_evidence_rules *r, const dp_evidence *ev);

/* Whether a name with this evidence may still be an organisation: nothing counts against an
 * organisation, and nothing says more surely that it is a person or a place ("Kosc annonce"
 * may be either). */
int dp_evidence_may_be_org(const dp_evidence *ev);

/* Does the lexicon know token t's lowercase form as no word of French, a proper noun at most
 * ("penguins", "pittsburgh"; not "canadiens", "tour")? */
int dp_evidence_foreign_word(const dp_morpho *morpho, const char *text, const dp_token *t);

/* Is token t, capitalised because it starts a sentence, a word the lexicon knows but never as a
 * proper noun ("Demain", "Selon")? */
int dp_evidence_common_word(const dp_morpho *morpho, const char *text, const dp_token *t);

/* Is lowercase token t an adjective that is never a verb ("européenne", not "annoncé")? */
int dp_evidence_is_adjective(const dp_morpho *morpho, const char *text, const dp_token *t);

/* 'm' or 'f' for a word the lexicon knows as a man's or a woman's: a first name as a proper
 * noun ("Paul", "Claire"; upos DP_PROPN), a civility as a noun ("M.", "Mme"; DP_NOUN); else 0. */
char dp_evidence_gender(const dp_morpho *morpho, const char *word, size_t n, int upos);

/* The gender dp_evidence_gender gives the first word of the person's name text[start, end)
 * ("Jean-Marie Le Pen": "Jean-Marie", else "Jean"), as a first name. */
char dp_evidence_name_gender(const dp_morpho *morpho, const char *text, uint32_t start, uint32_t end);

#endif
