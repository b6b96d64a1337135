/* The command-line front end: shared options, the sources of articles, and the run that turns
 * them into records printed in input order. */
#ifndef DEPECHE_CLI_H
#define DEPECHE_CLI_H

#include <pthread.h>
#include <stdatomic.h>
#include <stdio.h>

#include "depeche.h"

enum { EXIT_OK = 0, EXIT_SOME_FAILED = 1, EXIT_USAGE = 2 };

typedef struct cli_options {
    int pretty; /* -1: decide from the terminal */
    int explain;
    int ndjson;
    int no_defaults;
    int quiet;
    int progress;     /* -1: when stderr is a terminal */
    long jobs;        /* 0: one per core */
    const char *encoding; /* the inputs' character set when they do not say, or NULL */
    const char **pattern_paths; /* point into argv */
    size_t n_pattern_paths;
    const char **gazetteer_paths;
    size_t n_gazetteer_paths;
    const char **inputs;        /* point into argv */
    size_t n_inputs;
    /* timeline only */
    const char *format;
    const char **types, **entities, **modalities; /* point into argv */
    size_t n_types, n_entities, n_modalities;
    double min_confidence;
    const char *lang; /* timeline: the summaries' and page's language */
    const char *since, *until;
    /* eval only */
    int show; /* list every miss and false alarm */
    int json; /* the figures as one JSON object */
} cli_options;

/* One unit of work, owned by the run from cli_submit on. */
typedef enum cli_job_kind {
    CLI_JOB_ARTICLE,     /* data: the article's bytes; name: its id and source */
    CLI_JOB_NDJSON_LINE, /* data: one JSON Lines record; name: "FILE:LINE", the id it lacks */
    CLI_JOB_FAILED       /* data: why the input could not be read; name: the input */
} cli_job_kind;

typedef struct cli_job {
    cli_job_kind kind;
    char *name;   /* owned */
    char *data;   /* owned, `length` bytes and a NUL */
    size_t length;
    /* filled by the worker */
    char *json;    /* owned: the record to print */
    char *message; /* owned: the line for stderr when the input failed, else NULL */
    size_t events;
    int raw;  /* json is printed as it is, without a line end (CoNLL-U) */
    int done; /* the worker is through with it (set under the ring's lock) */
} cli_job;

typedef struct cli_ring cli_ring; /* the worker threads, when there are several */

typedef struct cli_run {
    const depeche_engine *engine;
    unsigned json_flags;
    const char *encoding;
    int ndjson;       /* every input is JSON Lines, whatever its name */
    int sniff_ndjson; /* an input that starts with '{' is JSON Lines */
    int pass_records; /* JSON Lines that are depeche's own records pass through unchanged */
    int conllu;       /* parse: CoNLL-U instead of JSON records; with one thread, sentences are
                         written as they come, so memory stays bounded whatever the article */
    /* Where records go, in input order: stdout when NULL. Returns nonzero to stop the run. */
    int (*sink)(void *ctx, const char *record, size_t length);
    void *sink_ctx;
    cli_ring *ring;
    /* Counters written by the thread that prints. */
    size_t records, failed, events;
    atomic_int stopped;     /* the reader went away (head -1), or writing failed */
    atomic_int lost;        /* an input could not even be queued (out of memory) */
    int write_error;
    /* Progress: bytes read by the thread that reads, shown by the thread that prints. */
    int progress;
    atomic_ullong bytes_read;
    unsigned long long bytes_total; /* 0 when unknown (stdin) */
    double started, last_drawn;
} cli_run;

/* Parses argv[first..argc) into opt. Returns -1 after printing a usage error, 1 when help or
 * version was printed, 0 to go on. */
int cli_parse_options(int argc, char **argv, int first, cli_options *opt, const char *verb);
/* Builds the engine the options ask for, or prints the error and returns NULL. */
depeche_engine *cli_engine(const cli_options *opt);
/* What every subcommand does first: parses argv[first..) for `verb` into opt and builds the
 * engine. Returns -1 with *exit_code set (help or version printed: EXIT_OK; a usage or data
 * error: EXIT_USAGE), opt then freed; else 0, the caller freeing both. */
int cli_start(int argc, char **argv, int first, const char *verb, cli_options *opt,
              depeche_engine **engine, int *exit_code);
void cli_free_options(cli_options *opt);
/* The worker threads the options ask for (-j), else one per core. */
long cli_threads(const cli_options *opt);
/* The inputs to read: the arguments, else stdin ("-"). */
const char *const *cli_inputs(const cli_options *opt, size_t *n);

/* A run set up from the options shared by the batch commands (engine, encoding, --ndjson,
 * --explain); the caller adds what is its own. */
cli_run cli_run_for(const cli_options *opt, const depeche_engine *engine);
/* The run: starts `threads` workers (none when 1: jobs then run as they are submitted). */
int cli_run_start(cli_run *run, long threads);
/* Hands a job over (the run frees it); blocks while too many are in flight, so that memory stays
 * bounded whatever the input size. Returns nonzero once the run has stopped: stop reading. */
int cli_submit(cli_run *run, cli_job *job);
/* Makes and submits a job; `data` is copied. Returns what cli_submit returns. */
int cli_submit_copy(cli_run *run, cli_job_kind kind, const char *name, const char *data,
                    size_t length);
/* Waits for every record to be printed and stops the workers. */
void cli_run_finish(cli_run *run);
/* The exit code the run deserves. */
int cli_run_status(const cli_run *run);
/* The summary line on stderr: articles, events, errors, seconds. */
void cli_run_summary(const cli_run *run);
double cli_now(void);

/* One path: a file (one article, NDJSON records, or an archive or compressed file of them),
 * "-" for stdin, or a directory walked recursively in name order. */
void cli_path(cli_run *run, const char *path);
/* The same for one file: a directory is an error. */
void cli_file(cli_run *run, const char *path);
/* The bytes `path` holds (a directory: all its files), for the progress bar's ETA. */
unsigned long long cli_path_size(const char *path);

int main_article(int argc, char **argv);
int main_extract(int argc, char **argv);
int main_timeline(int argc, char **argv);
int main_parse(int argc, char **argv);
int main_eval(int argc, char **argv);
void cli_usage(FILE *out);

#endif
