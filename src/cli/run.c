/* The run: jobs go to worker threads and come back as records printed in input order, so the
 * output is the same byte for byte whatever the number of threads. One thread reads (the
 * caller's), N extract, one prints; a ring of slots bounds how many jobs are in flight. */
#include <errno.h>
#include <jansson.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "cli.h"

/* Jobs in flight per worker: enough to keep workers busy while one slow article is printed. */
#define CLI_SLOTS_PER_WORKER 8
/* The progress bar is redrawn at most this often (seconds). */
#define CLI_PROGRESS_PERIOD 0.2

struct cli_ring {
    pthread_mutex_t lock;
    pthread_cond_t work, done, space;
    cli_job **slots;
    size_t n_slots;
    size_t submitted, taken, printed; /* sequence numbers */
    int closing;
    pthread_t *workers;
    size_t n_workers;
    pthread_t printer;
    int has_printer;
};

double cli_now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static void job_free(cli_job *job)
{
    if (!job)
        return;
    free(job->name);
    free(job->data);
    free(job->json);
    free(job->message);
    free(job);
}

/* A CoNLL-U comment's value: one line. */
static void put_comment(FILE *out, const char *key, const char *value)
{
    fprintf(out, "# %s = ", key);
    for (const char *p = value; *p; p++)
        fputc(*p == '\n' || *p == '\r' ? ' ' : *p, out);
    fputc('\n', out);
}

static void job_fail(const cli_run *run, cli_job *job, const char *id, const char *source,
                     const char *message)
{
    /* the place is said once: "bad.ndjson:2: invalid JSON", not "bad.ndjson:2: bad.ndjson:2: ..." */
    size_t id_len = strlen(id);
    int placed = !strncmp(message, id, id_len) && message[id_len] == ':';
    size_t n = id_len + strlen(message) + 3;
    job->message = malloc(n);
    if (job->message)
        snprintf(job->message, n, "%s%s%s", placed ? "" : id, placed ? "" : ": ", message);
    if (!run->conllu) {
        job->json = depeche_error_json(id, source, message, run->json_flags);
        return;
    }
    size_t size;
    FILE *out = open_memstream(&job->json, &size);
    if (!out)
        return;
    put_comment(out, "doc_id", id);
    put_comment(out, "error", message);
    fputc('\n', out);
    if (fclose(out)) {
        free(job->json);
        job->json = NULL;
    }
    job->raw = 1;
}

typedef struct conllu_sink {
    const char *doc_id;
    FILE *out;
} conllu_sink;

static int conllu_sentence(void *ctx, const depeche_sentence *s)
{
    conllu_sink *sink = ctx;
    char *text = depeche_sentence_conllu(s, sink->doc_id);
    if (!text)
        return DEPECHE_ERR_NOMEM;
    int failed = fputs(text, sink->out) == EOF;
    free(text);
    return failed ? 1 : 0;
}

/* depeche parse: with workers, each article's CoNLL-U is collected for the printer; alone, it
 * goes straight to stdout, a sentence at a time. */
static void job_parse(const cli_run *run, cli_job *job, depeche_input *in)
{
    depeche_error err;
    size_t size;
    if (!in->encoding)
        in->encoding = run->encoding;
    conllu_sink sink = {in->id && strcmp(in->id, "-") ? in->id : NULL,
                        run->ring ? open_memstream(&job->json, &size) : stdout};
    if (!sink.out)
        return;
    int rc = depeche_parse(run->engine, in, conllu_sentence, &sink, &err);
    if (sink.out != stdout && fclose(sink.out)) {
        free(job->json);
        job->json = NULL;
    }
    if (rc < 0) {
        char msg[1200];
        free(job->json);
        job->json = NULL;
        job_fail(run, job, sink.doc_id ? sink.doc_id : "-", in->source,
                 depeche_error_format(&err, msg, sizeof msg));
        return;
    }
    if (!job->json)
        job->json = strdup("");
    job->raw = 1;
}

static void job_extract(const cli_run *run, cli_job *job, depeche_input *in)
{
    depeche_error err;
    if (!in->encoding)
        in->encoding = run->encoding;
    depeche_document *doc = depeche_extract(run->engine, in, &err);
    if (!doc) {
        char msg[1200];
        job_fail(run, job, in->id ? in->id : "-", in->source,
                 depeche_error_format(&err, msg, sizeof msg));
        return;
    }
    job->events = depeche_document_event_count(doc);
    job->json = depeche_document_json(doc, run->json_flags);
    depeche_document_free(doc);
}

/* A record depeche printed (for timelines that read extract's output): events, no text. */
static int is_depeche_record(const char *line, size_t length)
{
    json_t *root = json_loadb(line, length, 0, NULL);
    int is = json_is_array(json_object_get(root, "events")) && !json_object_get(root, "text");
    is |= json_is_string(json_object_get(root, "error")) && json_object_get(root, "language");
    json_decref(root);
    return is;
}

/* Runs on a worker: everything that takes time happens here, nothing is printed. */
static void job_run(const cli_run *run, cli_job *job)
{
    if (job->kind == CLI_JOB_FAILED) {
        job_fail(run, job, job->name, strcmp(job->name, "-") ? job->name : NULL, job->data);
    } else if (job->kind == CLI_JOB_ARTICLE) {
        int is_stdin = !strcmp(job->name, "-");
        depeche_input in = {.id = job->name, .source = is_stdin ? NULL : job->name,
                            .text = job->data, .length = job->length};
        (run->conllu ? job_parse : job_extract)(run, job, &in);
    } else {
        depeche_input in;
        depeche_record *record;
        depeche_error err;
        /* an article record is parsed once; only a line that is none is read again, to see
         * whether it is one of depeche's own records */
        int bad = depeche_record_parse(job->data, job->length, &in, &record, &err);
        if (bad && run->pass_records && is_depeche_record(job->data, job->length)) {
            job->json = job->data;
            job->data = NULL;
        } else if (bad) {
            char msg[1200];
            snprintf(msg, sizeof msg, "%s: %s", job->name, err.message);
            job_fail(run, job, in.id ? in.id : job->name, in.source, msg);
        } else {
            if (!in.id)
                in.id = job->name;
            (run->conllu ? job_parse : job_extract)(run, job, &in);
        }
        depeche_record_free(record);
    }
}

static void progress_draw(cli_run *run, int final)
{
    double now = cli_now();
    if (!final && now - run->last_drawn < CLI_PROGRESS_PERIOD)
        return;
    run->last_drawn = now;
    double secs = now - run->started;
    double mb = (double)atomic_load(&run->bytes_read) / 1e6;
    double rate = secs > 0 ? (double)run->records / secs : 0;
    char eta[32] = "";
    if (run->bytes_total && mb > 0 && !final) {
        double left = secs * ((double)run->bytes_total / 1e6 / mb - 1);
        if (left >= 0)
            snprintf(eta, sizeof eta, ", ETA %d:%02d", (int)left / 60, (int)left % 60);
    }
    char total[32] = "";
    if (run->bytes_total)
        snprintf(total, sizeof total, "/%.1f", (double)run->bytes_total / 1e6);
    fprintf(stderr, "\r\033[K%zu articles, %.1f%s MB, %.0f articles/s, %zu errors%s%s", run->records,
            mb, total, rate, run->failed, eta, final ? "\n" : "");
}

/* Runs on the printing thread. A closed pipe stops the run quietly: the reader has all it
 * wanted (head -1); any other failure is reported once. */
static void flush_output(cli_run *run)
{
    if (fflush(stdout) != EOF)
        return;
    if (errno != EPIPE && !run->write_error) {
        fprintf(stderr, "depeche: error writing output: %s\n", strerror(errno));
        run->write_error = 1;
    }
    atomic_store(&run->stopped, 1);
}

/* Runs on the printing thread, in input order. */
static void job_emit(cli_run *run, cli_job *job)
{
    if (atomic_load(&run->stopped)) {
        job_free(job);
        return;
    }
    if (!job->json) {
        fputs("depeche: out of memory while printing a record\n", stderr);
        run->write_error = 1;
        atomic_store(&run->stopped, 1);
        job_free(job);
        return;
    }
    run->records++;
    run->events += job->events;
    if (job->message) {
        run->failed++;
        if (run->progress)
            fputs("\r\033[K", stderr);
        fprintf(stderr, "depeche: error: %s\n", job->message);
    }
    if (run->sink) {
        if (run->sink(run->sink_ctx, job->json, strlen(job->json)))
            atomic_store(&run->stopped, 1);
    } else if (fputs(job->json, stdout) == EOF || (!job->raw && putchar('\n') == EOF))
        flush_output(run); /* fails again, and says why */
    else if (!run->ring)
        flush_output(run);
    job_free(job);
    if (run->progress)
        progress_draw(run, 0);
}

static void *worker_main(void *arg)
{
    cli_run *run = arg;
    cli_ring *r = run->ring;
    pthread_mutex_lock(&r->lock);
    for (;;) {
        while (r->taken == r->submitted && !r->closing)
            pthread_cond_wait(&r->work, &r->lock);
        if (r->taken == r->submitted)
            break;
        size_t slot = r->taken++ % r->n_slots;
        cli_job *job = r->slots[slot];
        pthread_mutex_unlock(&r->lock);
        job_run(run, job);
        pthread_mutex_lock(&r->lock);
        job->done = 1;
        pthread_cond_signal(&r->done);
    }
    pthread_mutex_unlock(&r->lock);
    return NULL;
}

static void *printer_main(void *arg)
{
    cli_run *run = arg;
    cli_ring *r = run->ring;
    pthread_mutex_lock(&r->lock);
    for (;;) {
        size_t slot = r->printed % r->n_slots;
        int flushed = 0;
        while (!(r->printed < r->submitted && r->slots[slot]->done) &&
               !(r->closing && r->printed == r->submitted)) {
            if (!flushed) {
                /* nothing to print yet: let the reader downstream have what is done */
                pthread_mutex_unlock(&r->lock);
                flush_output(run);
                pthread_mutex_lock(&r->lock);
                flushed = 1;
                continue;
            }
            pthread_cond_wait(&r->done, &r->lock);
            flushed = 0;
        }
        if (r->printed == r->submitted)
            break;
        cli_job *job = r->slots[slot];
        pthread_mutex_unlock(&r->lock);
        job_emit(run, job);
        pthread_mutex_lock(&r->lock);
        r->slots[slot] = NULL;
        r->printed++;
        pthread_cond_signal(&r->space);
    }
    pthread_mutex_unlock(&r->lock);
    flush_output(run);
    return NULL;
}

static void ring_free(cli_ring *r)
{
    pthread_mutex_destroy(&r->lock);
    pthread_cond_destroy(&r->work);
    pthread_cond_destroy(&r->done);
    pthread_cond_destroy(&r->space);
    free(r->slots);
    free(r->workers);
    free(r);
}

int cli_run_start(cli_run *run, long threads)
{
    run->started = cli_now();
    if (threads <= 1)
        return 0;
    cli_ring *r = calloc(1, sizeof *r);
    if (!r)
        return -1;
    r->n_slots = (size_t)threads * CLI_SLOTS_PER_WORKER;
    r->slots = calloc(r->n_slots, sizeof *r->slots);
    r->workers = calloc((size_t)threads, sizeof *r->workers);
    pthread_mutex_init(&r->lock, NULL);
    pthread_cond_init(&r->work, NULL);
    pthread_cond_init(&r->done, NULL);
    pthread_cond_init(&r->space, NULL);
    if (!r->slots || !r->workers) {
        ring_free(r);
        return -1;
    }
    run->ring = r;
    for (; r->n_workers < (size_t)threads; r->n_workers++)
        if (pthread_create(&r->workers[r->n_workers], NULL, worker_main, run))
            break;
    r->has_printer = r->n_workers && !pthread_create(&r->printer, NULL, printer_main, run);
    if (!r->has_printer) {
        cli_run_finish(run); /* joins the workers that started */
        return -1;
    }
    return 0;
}

int cli_submit(cli_run *run, cli_job *job)
{
    cli_ring *r = run->ring;
    if (!r) {
        job_run(run, job);
        job_emit(run, job);
        return atomic_load(&run->stopped);
    }
    pthread_mutex_lock(&r->lock);
    while (r->submitted - r->printed >= r->n_slots)
        pthread_cond_wait(&r->space, &r->lock);
    r->slots[r->submitted % r->n_slots] = job;
    r->submitted++;
    pthread_cond_signal(&r->work);
    pthread_mutex_unlock(&r->lock);
    return atomic_load(&run->stopped);
}

int cli_submit_copy(cli_run *run, cli_job_kind kind, const char *name, const char *data,
                    size_t length)
{
    cli_job *job = calloc(1, sizeof *job);
    if (job) {
        job->kind = kind;
        job->name = strdup(name);
        job->data = malloc(length + 1);
        job->length = length;
    }
    if (!job || !job->name || !job->data) {
        job_free(job);
        fprintf(stderr, "depeche: out of memory reading %s\n", name);
        atomic_store(&run->lost, 1); /* the reading thread: run->failed is the printer's */
        return 1;
    }
    memcpy(job->data, data, length);
    job->data[length] = '\0';
    return cli_submit(run, job);
}

void cli_run_finish(cli_run *run)
{
    cli_ring *r = run->ring;
    if (!r) {
        flush_output(run);
    } else {
        pthread_mutex_lock(&r->lock);
        r->closing = 1;
        pthread_cond_broadcast(&r->work);
        pthread_cond_broadcast(&r->done);
        pthread_mutex_unlock(&r->lock);
        for (size_t i = 0; i < r->n_workers; i++)
            pthread_join(r->workers[i], NULL);
        if (r->has_printer)
            pthread_join(r->printer, NULL);
        ring_free(r);
        run->ring = NULL;
    }
    if (run->progress)
        progress_draw(run, 1);
}

int cli_run_status(const cli_run *run)
{
    if (run->write_error)
        return EXIT_USAGE;
    return run->failed || atomic_load(&run->lost) ? EXIT_SOME_FAILED : EXIT_OK;
}

void cli_run_summary(const cli_run *run)
{
    fprintf(stderr, "depeche: %zu articles, %zu events, %zu errors, %.2f s\n", run->records,
            run->events, run->failed, cli_now() - run->started);
}
