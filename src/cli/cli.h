/* The command-line front end: shared options, the input loop and the printing sink. */
#ifndef DEPECHE_CLI_H
#define DEPECHE_CLI_H

#include <stdio.h>

#include "depeche.h"

enum { EXIT_OK = 0, EXIT_SOME_FAILED = 1, EXIT_USAGE = 2 };

typedef struct cli_options {
    int pretty; /* -1: decide from the terminal */
    int explain;
    int ndjson;
    int no_defaults;
    const char **pattern_paths; /* point into argv */
    size_t n_pattern_paths;
    const char **gazetteer_paths;
    size_t n_gazetteer_paths;
    const char **inputs;        /* point into argv */
    size_t n_inputs;
} cli_options;

typedef struct cli_run {
    const depeche_engine *engine;
    unsigned json_flags;
    size_t records, failed;
    int stdout_closed; /* the reader went away (head -1): stop quietly */
    int write_error;
} cli_run;

/* Parses argv[first..argc) into opt. Returns -1 after printing a usage error, 1 when help or
 * version was printed, 0 to go on. */
int cli_parse_options(int argc, char **argv, int first, cli_options *opt, const char *verb);
/* Builds the engine the options ask for, or prints the error and returns NULL. */
depeche_engine *cli_engine(const cli_options *opt);
void cli_free_options(cli_options *opt);

/* Runs one article and prints its record (or its error record). */
void cli_article(cli_run *run, const depeche_input *in);
/* Prints an error record for an input that could not be read, and the reason on stderr. */
void cli_input_failed(cli_run *run, const char *id, const char *source, const char *message);
/* One file (one article, or NDJSON records), "-" for stdin. */
void cli_file(cli_run *run, const char *path, int ndjson);
/* One path: a file (one article, or NDJSON records), "-" for stdin, or a directory walked in
 * name order. */
void cli_path(cli_run *run, const char *path, int ndjson);

int main_article(int argc, char **argv);
int main_extract(int argc, char **argv);
void cli_usage(FILE *out);

#endif
