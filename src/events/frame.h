/* Stage 7b, event frames read from the parse: a trigger lemma (a verb or a noun) and, for each
 * argument, the path of dependency relations that leads from the trigger to the word that names
 * it. One frame states one construction: "Renault rachète Nissan" (active: nsubj -> acquirer,
 * obj -> target), "Nissan a été racheté par Renault" (passive: nsubj:pass, obl:agent), "le
 * rachat de Nissan par Renault" (a noun: nmod[de], nmod[par]). Modality is read from the parse
 * too: a negation on the trigger, a conditional or future, a modal verb or a plan above it.
 *
 * Data lines (patterns/frames.txt, whose header gives the details):
 *   frame TYPE POS LEMMA[,LEMMA...][+REL=LEMMA] ARG=PATH... [@CONFIDENCE]
 *   frame ... headline                          a frame that reads titles only
 *   example TYPE ARG=NAME... | SENTENCE        (or: example none | SENTENCE)
 *   example-headline TYPE ARG=NAME... | TITLE  an example read as an article's title
 *   modal / negation / denial / plan WORDS...   lemmas that make an event hypothetical or negated
 *   forced WORDS...                              verbs that make a departure no resignation
 *   light WORDS...                               verbs whose frames are found by the word they
 *                                                need ("prendre+obj=tête": by "tête")
 */
#ifndef DEPECHE_FRAME_H
#define DEPECHE_FRAME_H

#include "analyse.h"
#include "event.h"

#define DP_FRAME_MAX_STEPS 4
#define DP_FRAME_MAX_PATHS 16
#define DP_FRAME_HEADLINE_SHIFT 16

typedef struct dp_frame_step {
    uint8_t up;         /* "^REL": to the head the word hangs on by REL */
    char rel[20];       /* "nsubj", "obl:agent"; a relation without subtype matches them all */
    char case_word[16]; /* "[de]": the word has a case or mark child with this lemma */
    char lemma[24];     /* "=tête": the word reached has this lemma */
} dp_frame_step;

typedef struct dp_frame_path {
    uint8_t arg; /* enum dp_event_arg; DP_ARG_PARTNER1 stands for all partners */
    uint8_t n_steps;
    uint8_t product_too; /* an organisation's path that is the frame's product path as well: the
                          * maker is named in the product's name ("le lancement de la Peugeot 208") */
    dp_frame_step steps[DP_FRAME_MAX_STEPS];
} dp_frame_path;

typedef struct dp_frame {
    uint8_t type;      /* enum dp_event_type */
    uint8_t noun;      /* the trigger is a noun, else a verb */
    dp_frame_step need; /* a child the trigger must have ("prendre+obj=tête"); rel "" none */
    uint32_t first_path; /* its paths: dp_frame_rules.paths[first_path, first_path + n_paths) */
    uint32_t n_paths;
    float confidence;
    uint8_t headline; /* reads a title that opens with the trigger ("Nouvelle Peugeot 308 : ...") */
    const char *path; /* the data file and line, for --explain */
    unsigned long line;
} dp_frame;

typedef struct dp_frame_example {
    char *sentence; /* owned */
    char *expected; /* owned: "TYPE ARG=NAME..." or "none" */
    uint8_t headline; /* the sentence is an article's title ("example-headline") */
    const char *path;
    unsigned long line;
} dp_frame_example;

typedef struct dp_frame_rules {
    dp_frame *frames;
    size_t n_frames, frames_cap;
    dp_frame_path *paths; /* the frames' paths, each frame's together (a frame holds only their
                             count: most frames have two or three, and room for the most in
                             each frame made start-up touch a megabyte) */
    size_t n_paths, paths_cap;
    /* "lemma\tv" or "lemma\tn" -> first link + 1; links chain the frames of one trigger */
    dp_lexicon triggers;
    uint32_t *links; /* 2 per link: frame index, next link + 1 */
    size_t n_links, links_cap;
    dp_lexicon words; /* lemma -> DP_FRAME_WORD_* bits */
    dp_strbuf lemmas;  /* each trigger lemma and the lemma it needs ("" if none), NUL-ended,
                          then its event type ('A' + type) */
    /* the lowercase trigger lemmas (a light verb's: the word it needs) -> their event types
     * (bits; the same bits << DP_FRAME_HEADLINE_SHIFT for headline frames) */
    dp_lexicon trigger_lemmas;
    dp_frame_example *examples;
    size_t n_examples, examples_cap;
    /* epithets of companies ("d'ingolstadt", "au losange"), folded -> offset + 1 in
     * epithet_names of the folded names they stand for, each NUL-ended, the list ended by an
     * empty one */
    dp_lexicon epithets;
    dp_strbuf epithet_names;
    /* the types whose plan, once announced, is the event ("announced" in frames.txt) */
    uint8_t announced[DP_EVENT_TYPES];
} dp_frame_rules;

enum { DP_FRAME_WORD_MODAL = 1, DP_FRAME_WORD_NEGATION = 2, DP_FRAME_WORD_DENIAL = 4,
       DP_FRAME_WORD_PLAN = 8, DP_FRAME_WORD_FORCED = 16, DP_FRAME_WORD_LIGHT = 32,
       DP_FRAME_WORD_DEMAND = 64, DP_FRAME_WORD_SHARE = 128,
       DP_FRAME_WORD_UNION = 256, DP_FRAME_WORD_MEDIUM = 512, DP_FRAME_WORD_DEPARTMENT = 1024,
       DP_FRAME_WORD_SOON = 2048, DP_FRAME_WORD_MODEL = 4096, DP_FRAME_WORD_NAMING = 8192,
       DP_FRAME_WORD_SALE = 16384, DP_FRAME_WORD_POST = 32768,
       DP_FRAME_WORD_BODY = 65536, DP_FRAME_WORD_ANNOUNCE = 131072, DP_FRAME_WORD_SPEECH = 262144,
       DP_FRAME_WORD_GOODS = 524288 };

int dp_frame_rules_load(dp_frame_rules *r, const char *kind, size_t kind_len, const char *args,
                        size_t args_len, const char *path, unsigned long line,
                        depeche_error *err);
void dp_frame_rules_release(dp_frame_rules *r);

/* Once every data file is loaded: the lemmas that find the sentences to parse. Returns 0 or a
 * negative status with err filled. */
int dp_frame_rules_finish(dp_frame_rules *r, depeche_error *err);

/* The types of the words an article has already looked up: an article says "le", "de" and its
 * trigger words many times, and a word's lemmas are a look-up in the lexicon. Zeroed before
 * the article's first sentence. */
enum { DP_WORD_TYPES_CACHED = 1024, DP_WORD_TYPES_FORM = 22 };
typedef struct dp_word_types_slot {
    uint32_t types;
    uint8_t len; /* 0: empty */
    char form[DP_WORD_TYPES_FORM + 1];
} dp_word_types_slot;
typedef struct dp_word_types_cache {
    dp_word_types_slot slot[DP_WORD_TYPES_CACHED];
} dp_word_types_cache;

/* The event types each token of a sentence (toks[0..n) of text) may trigger, as
 * dp_frame_sentence_wanted reads them, into types[0..n): by the lemmas the lexicon m gives the
 * lowercase token (a form of a trigger lemma), or the token itself. cache (the caller's) keeps
 * the words seen. */
void dp_frame_word_types(const dp_frame_rules *r, const dp_morpho *m, const char *text,
                         const dp_token *toks, size_t n, dp_word_types_cache *cache, uint32_t *types);

/* The organisations named by the epithet that follows the word for a company at byte `at`
 * of the NUL-ended text ("le constructeur d'Ingolstadt", "la marque allemande aux anneaux": Audi), within
 * the next four words of the sentence: their folded names, each NUL-ended, the list ended by
 * an empty name; NULL if no epithet follows. The list belongs to r. */
const char *dp_frame_epithet_after(const dp_frame_rules *r, const char *text, uint32_t at);

/* Whether a sentence is worth parsing: its tokens [from, to), of the types dp_frame_word_types
 * gave them, hold a form of a trigger lemma whose event can have the kinds of names the sentence
 * holds (names_person, names_org); headline frames' triggers count in a title (in_title) only. */
int dp_frame_sentence_wanted(const uint32_t *types, size_t from, size_t to, int names_person,
                             int names_org, int in_title);

/* Reads the analysed sentence (w: its words; toks[0..n) its tokens) for frames and appends the
 * complete events to out (see dp_event_complete); headline frames only where in_title. The
 * rules' events of the sentence, out->items[rules_from..] as it comes in, are negated where the
 * parse reads a denial or a negation around their trigger. Returns 0 or DEPECHE_ERR_NOMEM. */
int dp_frames_in_sentence(const struct depeche_engine *e, const char *text, const dp_token *toks,
                          size_t n, const dp_syntax_work *w, uint32_t line,
                          const dp_mentions *m, dp_date ref, dp_date teaser_date, int in_title,
                          size_t rules_from, dp_events *out);

#endif
