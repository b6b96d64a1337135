/* The result of extraction for one article, ready to print: strings are copied out of the
 * working buffers, offsets are code points of the caller's original text. */
#ifndef DEPECHE_DOCUMENT_H
#define DEPECHE_DOCUMENT_H

#include "date.h"

typedef struct dp_out_span {
    char *text; /* owned, from the original input */
    uint32_t start, end;
} dp_out_span;

typedef struct dp_out_teaser {
    dp_out_span title;
    dp_date published;
    uint32_t start, end; /* from its title to its last line */
} dp_out_teaser;

typedef struct dp_out_warning {
    const char *code; /* static */
    char *message;    /* owned */
} dp_out_warning;

typedef struct dp_out_entity {
    const char *type; /* static */
    char *name;       /* owned: the fullest name the article uses */
    char *canonical;  /* owned, or NULL: the gazetteer's name when it differs */
    char *wikidata;   /* owned, or NULL */
    const char *source; /* static: "gazetteer", "pattern" or "context", how sure the name is */
    dp_out_span *mentions;
    size_t n_mentions;
} dp_out_entity;

typedef struct dp_out_arg {
    const char *role; /* static: "person", "partners"... */
    char *name;       /* owned */
    char *text;       /* owned, or NULL: the words of a role ("dirigeant") */
    long entity;      /* index into entities, or -1 */
    int has_value;    /* an amount or a count read as a number */
    double value;
    char currency[4]; /* ISO 4217, "" when the text names none */
} dp_out_arg;

typedef struct dp_out_event {
    const char *type, *modality; /* static */
    char *summary;               /* owned */
    dp_out_arg *args;
    size_t n_args;
    int has_date;
    dp_date date;
    char *date_text; /* owned, or NULL when the date is the teaser's */
    float confidence;
    dp_out_span sentence;
    char *trigger; /* owned */
    char *parse;   /* owned: its sentence's parse in CoNLL-U, for --explain; NULL if none */
    char rule[600];
} dp_out_event;

typedef struct dp_out_line {
    const char *kind; /* static */
    uint32_t start, end;
} dp_out_line;

struct depeche_document {
    char *id, *source, *title; /* owned; source and title may be NULL */
    dp_date published;
    /* what relative dates count from: the publication date, else the latest date the text
     * names (reference_text holds its words then, else its text is NULL) */
    dp_date reference;
    dp_out_span reference_text;
    int has_dateline;
    dp_out_span dateline;
    dp_out_teaser *teasers;
    size_t n_teasers;
    dp_out_warning *warnings;
    size_t n_warnings, warnings_cap;
    dp_out_entity *entities;
    size_t n_entities;
    dp_out_event *events;
    size_t n_events;
    dp_out_line *lines; /* the layout, shown with --explain */
    size_t n_lines;
    size_t n_sentences, n_tokens;
};

#endif
