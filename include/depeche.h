/* depeche: extracts people, organisations, roles, places, dates and corporate events from
 * French news text, as JSON.
 *
 * The library never prints, exits or aborts. Functions that can fail return NULL or a negative
 * status and, when the caller passes one, fill a depeche_error. Every function that returns a
 * pointer says who frees it; every *_free function accepts NULL.
 *
 * Typical use:
 *
 *     depeche_error err;
 *     depeche_engine *engine = depeche_engine_new(NULL, &err);   // once, shared by threads
 *     depeche_input in = {.id = "a1", .text = text, .length = len};
 *     depeche_document *doc = depeche_extract(engine, &in, &err); // per article
 *     char *json = depeche_document_json(doc, DEPECHE_JSON_PRETTY);
 *     ...
 *     free(json);
 *     depeche_document_free(doc);
 *     depeche_engine_free(engine);
 */
#ifndef DEPECHE_H
#define DEPECHE_H

#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif

/* ---- Errors ------------------------------------------------------------------------------ */

typedef enum depeche_status {
    DEPECHE_OK = 0,
    DEPECHE_ERR_NOMEM = -1,    /* an allocation failed */
    DEPECHE_ERR_IO = -2,       /* a file could not be opened or read */
    DEPECHE_ERR_DATA = -3,     /* a gazetteer or pattern file has a bad line */
    DEPECHE_ERR_INPUT = -4,    /* an article cannot be processed (binary, malformed record) */
    DEPECHE_ERR_ARGUMENT = -5  /* the caller passed an invalid argument */
} depeche_status;

/* Filled by failing calls. `path`, `line` and `offset` locate the fault when it lies in a file
 * (line counts from 1, offset is a byte offset within that line, both 0 when unknown). */
typedef struct depeche_error {
    depeche_status code;
    char path[512];
    unsigned long line;
    unsigned long offset;
    char message[512];
} depeche_error;

/* A static English description of a status code. */
const char *depeche_strerror(depeche_status code);

/* Writes "path:line: message (offset N)" or just "message" into buf (always NUL-terminated,
 * truncated to size) and returns buf. */
char *depeche_error_format(const depeche_error *err, char *buf, size_t size);

/* The version of this header; the build reads it from here. depeche_version() gives the
 * library's, which may differ when a program runs against another build of the shared
 * library. */
#define DEPECHE_VERSION_MAJOR 0
#define DEPECHE_VERSION_MINOR 2
#define DEPECHE_VERSION_PATCH 0
#define DEPECHE_VERSION_STRING "0.2.0"

/* The library version, "MAJOR.MINOR.PATCH"; static storage. */
const char *depeche_version(void);

/* Frees what the library returned to be freed with free() (JSON and CoNLL-U strings, read
 * files): the same as free(), for callers that cannot reach the C library's, such as language
 * bindings. NULL is accepted. */
void depeche_free(void *p);

/* ---- Engine: knowledge loaded once, read-only afterwards ---------------------------------- */

typedef struct depeche_engine depeche_engine;

typedef struct depeche_engine_options {
    /* When nonzero, the gazetteers and patterns compiled into the library are not loaded:
     * only `data_paths` are. */
    int no_defaults;
    /* Extra pattern files, or directories holding them (walked for *.txt, in name order),
     * merged with the defaults. Borrowed for the duration of depeche_engine_new only. */
    const char *const *pattern_paths;
    size_t n_pattern_paths;
    /* Extra gazetteer files or directories, likewise; loaded after the defaults, so that an
     * entry can override a default one. */
    const char *const *gazetteer_paths;
    size_t n_gazetteer_paths;
} depeche_engine_options;

/* Loads the defaults and the files in `options` (NULL means defaults only). Returns a new
 * engine, freed with depeche_engine_free, or NULL with `err` filled (for a bad data line:
 * DEPECHE_ERR_DATA with path and line). The engine is immutable once returned: any number of
 * threads may call depeche_extract with it at once. */
depeche_engine *depeche_engine_new(const depeche_engine_options *options, depeche_error *err);
void depeche_engine_free(depeche_engine *engine);

/* ---- Articles ----------------------------------------------------------------------------- */

/* One article. All pointers are borrowed for the duration of depeche_extract; only `text` is
 * required. `text` may hold any bytes, NUL included: it is `length` bytes long. */
typedef struct depeche_input {
    const char *id;        /* caller's identifier, copied to the output ("-" when NULL) */
    const char *source;    /* where the text comes from (path or URL), or NULL */
    const char *text;
    size_t length;
    const char *published; /* publication date known to the caller, YYYY-MM-DD..., or NULL */
    const char *title;     /* title known to the caller, or NULL: then found in the text */
    /* The character set of `text` (an iconv name: "ISO-8859-15", "WINDOWS-1252"...), or NULL:
     * then UTF-8, UTF-16 with a BOM, or for an HTML page the charset it declares; bytes that
     * are not UTF-8 are read as Windows-1252 (ISO-8859-15 when the text has its euro sign or
     * ligature œ and no Windows-only byte), with a warning. */
    const char *encoding;
} depeche_input;

typedef struct depeche_document depeche_document;

/* Runs the whole pipeline on one article. Returns a new document, freed with
 * depeche_document_free, or NULL with `err` filled: DEPECHE_ERR_INPUT when the text cannot be
 * an article (binary data), DEPECHE_ERR_NOMEM. Problems that do not stop extraction (bytes
 * that are not UTF-8, NUL bytes) are recorded as warnings in the document. */
depeche_document *depeche_extract(const depeche_engine *engine, const depeche_input *input,
                                  depeche_error *err);
void depeche_document_free(depeche_document *doc);

/* How many events the document holds (for counts and progress; the events themselves are in
 * its JSON). */
size_t depeche_document_event_count(const depeche_document *doc);

/* ---- Output ------------------------------------------------------------------------------- */

enum {
    DEPECHE_JSON_PRETTY = 1 << 0, /* indented, one key a line; compact otherwise */
    DEPECHE_JSON_EXPLAIN = 1 << 1 /* add the rule and the sentence behind each result */
};

/* The document as one JSON object (no trailing newline), in the format documented in the
 * README and schema/depeche.schema.json. Returns a new NUL-terminated string that the caller
 * frees with free(), or NULL if memory ran out. */
char *depeche_document_json(const depeche_document *doc, unsigned flags);

/* The record for an article that could not be processed: the same shape as a document, with
 * empty lists and "error" set to `message`. `id` and `source` may be NULL. Returns a new
 * string freed with free(), or NULL if memory ran out. */
char *depeche_error_json(const char *id, const char *source, const char *message,
                         unsigned flags);

/* ---- Syntax: words, lemmas, parts of speech, dependencies --------------------------------- */

/* One syntactic word. A contraction written as one token ("du", "auquel") is two words ("de"
 * "le"), as in Universal Dependencies. */
typedef struct depeche_word {
    const char *form;   /* the token's text, or the contraction's word ("de") */
    const char *lemma;  /* "racheter" for "rachètera" */
    const char *upos;   /* UD part of speech: "NOUN", "VERB", "PROPN"... */
    const char *feats;  /* UD features ("Mood=Ind|Number=Sing|Person=3|Tense=Fut|VerbForm=Fin"),
                           "" when none */
    const char *deprel; /* UD relation to its head: "nsubj", "obj", "obl:agent", "root"... */
    size_t head;        /* its head's index in the sentence's words + 1; 0 for the root */
    size_t token;       /* the index of its token in the sentence's tokens */
} depeche_word;

/* One token as written in the input. */
typedef struct depeche_token {
    const char *form;       /* the input's text */
    size_t start, end;      /* code points of the input (of the page's text for HTML) */
    size_t first_word;      /* its words: first_word .. first_word + n_words - 1 */
    size_t n_words;         /* 1, or 2 for a contraction */
    int space_after;        /* a blank follows it */
} depeche_token;

typedef struct depeche_sentence {
    size_t index;      /* 1 for the article's first sentence */
    const char *text;  /* the input's text from its first token to its last, on one line */
    const depeche_token *tokens;
    size_t n_tokens;
    const depeche_word *words;
    size_t n_words;
} depeche_sentence;

/* Receives each sentence in turn; everything it points to lives until the callback returns.
 * A nonzero return stops the parse, which then returns that value. */
typedef int (*depeche_sentence_fn)(void *ctx, const depeche_sentence *sentence);

/* Tags and parses every line of the article (read like depeche_extract reads it: HTML pages,
 * character sets, binary data refused), one sentence at a time, so memory stays bounded
 * whatever the article's size. Returns 0, the callback's nonzero value, or a negative status
 * with err filled (DEPECHE_ERR_INPUT for binary data, DEPECHE_ERR_NOMEM). */
int depeche_parse(const depeche_engine *engine, const depeche_input *input,
                  depeche_sentence_fn fn, void *ctx, depeche_error *err);

/* The sentence in CoNLL-U (UD v2): "# doc_id = ID" when doc_id is not NULL, "# sent_id"
 * (doc_id-INDEX, or INDEX), "# text", then a line per token and word, MISC giving each token's
 * span as TokenRange=START:END (code points) and SpaceAfter=No; the blank line that ends a
 * sentence included. Returns a new string freed with free(), or NULL if memory ran out. */
char *depeche_sentence_conllu(const depeche_sentence *sentence, const char *doc_id);

/* ---- Reading inputs ----------------------------------------------------------------------- */

/* Reads a whole file ("-" is standard input) into a new buffer with a terminating NUL not
 * counted in *length. The caller frees *data with free(). Returns 0, or a negative status with
 * `err` filled (path and strerror message). */
int depeche_read_file(const char *path, char **data, size_t *length, depeche_error *err);

/* One JSON Lines record {"id", "text", "published"?, "title"?, "url"?, "source"?} parsed from
 * `line` (`length` bytes). Fills `input` with pointers into *record and returns 0, or returns
 * DEPECHE_ERR_INPUT with a message in `err` (input->id is then still set when the line held a
 * usable id). In both cases the caller frees *record with depeche_record_free after the last
 * use of `input`. A numeric id is turned into its decimal text. */
typedef struct depeche_record depeche_record;
int depeche_record_parse(const char *line, size_t length, depeche_input *input,
                         depeche_record **record, depeche_error *err);
void depeche_record_free(depeche_record *record);

/* ---- Timelines: events merged across articles ---------------------------------------------- */

/* A timeline gathers the events of many articles' records; the same fact reported by several
 * articles (same type, modality and core arguments, compatible dates) becomes one entry with
 * every source. Not thread-safe: one thread adds records. */
typedef struct depeche_timeline depeche_timeline;

/* A new empty timeline, freed with depeche_timeline_free, or NULL if memory ran out. */
depeche_timeline *depeche_timeline_new(void);
void depeche_timeline_free(depeche_timeline *timeline);

/* Adds one record as depeche_document_json or depeche_error_json writes it (`length` bytes).
 * A record with "error" is counted and otherwise skipped. Returns 0, or DEPECHE_ERR_INPUT when
 * the text is not such a record (message in err), or DEPECHE_ERR_NOMEM. */
int depeche_timeline_add_json(depeche_timeline *timeline, const char *record, size_t length,
                              depeche_error *err);

typedef enum depeche_timeline_format {
    DEPECHE_TIMELINE_JSON,       /* {"entries": [...], "articles", "events", "errors"} */
    DEPECHE_TIMELINE_CSV,        /* one row an entry, a header row, UTF-8 with a BOM */
    DEPECHE_TIMELINE_TIMELINEJS, /* the JSON Knight Lab's TimelineJS loads */
    DEPECHE_TIMELINE_HTML        /* one self-contained page, filterable by type and entity */
} depeche_timeline_format;

/* Which entries to render, and in which language; every field may be empty/NULL (no
 * filtering, English). Borrowed. */
typedef struct depeche_timeline_filter {
    const char *const *types; /* entry types to keep */
    size_t n_types;
    const char *const *entities; /* keep entries with an argument naming one of these (case and
                                    accents ignored, whole words: "altman" finds "Sam Altman") */
    size_t n_entities;
    const char *since, *until; /* YYYY[-MM[-DD]]: keep entries whose date overlaps the range */
    double min_confidence;     /* keep entries at least this confident (0 to 1; 0: all) */
    const char *const *modalities; /* "asserted", "hypothetical", "negated": those to keep */
    size_t n_modalities;
    const char *lang; /* "en" (NULL) or "fr": the summaries, and the page's and slides' words */
} depeche_timeline_filter;

/* Renders the entries, sorted by date (the event's, else its earliest publication date;
 * undated last), as a new NUL-terminated string freed with free(); NULL with err filled when
 * memory ran out, or with DEPECHE_ERR_ARGUMENT and a message naming the valid values when a
 * filter holds an unknown type, modality or language, a malformed date or a confidence outside
 * 0..1. In English the summaries are the records' own; in another language they are made
 * anew from each entry's arguments with the library's templates (patterns/summaries.txt). */
char *depeche_timeline_render(const depeche_timeline *timeline,
                              const depeche_timeline_filter *filter,
                              depeche_timeline_format format, depeche_error *err);

#ifdef __cplusplus
}
#endif
#endif
