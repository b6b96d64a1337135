/* Out of memory at every allocation: a walk makes the 1st, 2nd, 3rd... allocation fail (one
 * failure a run) through engine creation, extraction of an article, its JSON, its parse in
 * CoNLL-U, and a timeline in every format, until a run needs no more allocations. Each run must
 * give an error status or exactly the output of a run without failure; crashes and leaks are
 * the sanitizers' and valgrind's to see.
 *
 * usage: test_alloc ARTICLE RECORDS.jsonl [STRIDE]
 * STRIDE (default 1) tries every STRIDE-th allocation only, for slow checkers such as valgrind. */
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "depeche.h"
#include "internal.h"

static long stride = 1;
static long points_tried;
/* Set by a step that walks only its first part: the allocations that part made. */
static long calls_walked = -1;

static char *read_all(const char *path, size_t *length)
{
    char *data = NULL;
    depeche_error err;
    if (depeche_read_file(path, &data, length, &err)) {
        fprintf(stderr, "%s: %s\n", path, err.message);
        exit(2);
    }
    return data;
}

/* One run of a step: returns the step's output (a new string) or NULL when it failed. */
typedef char *(*step_fn)(const void *ctx, depeche_error *err);

/* Runs `step` once without failures for the expected output, then with the k-th allocation
 * failing for k = 1, 2, ... until a run makes fewer than k allocations. */
static void walk(const char *name, step_fn step, const void *ctx)
{
    depeche_error err;
    char *expected = step(ctx, &err);
    CHECK_AT(expected != NULL, __FILE__, __LINE__, "%s fails without any allocation failure", name);
    if (!expected)
        return;
    long tried = 0, wrong = 0, silent = 0;
    /* DP_ALLOC_ONLY=NAME:K runs one failure point, to look at it in a debugger */
    const char *only = getenv("DP_ALLOC_ONLY");
    const char *colon = only ? strrchr(only, ':') : NULL;
    long first = 1, last = -1;
    if (colon) {
        if ((size_t)(colon - only) != strlen(name) || strncmp(only, name, strlen(name))) {
            free(expected);
            return;
        }
        first = last = atol(colon + 1);
    }
    for (long k = first; last < 0 || k <= last; k += stride) {
        dp_alloc_fail_at(k);
        memset(&err, 0, sizeof err);
        calls_walked = -1;
        char *got = step(ctx, &err);
        long calls = calls_walked >= 0 ? calls_walked : dp_alloc_calls();
        dp_alloc_fail_at(0);
        if (calls < k) {
            /* the run never reached the k-th allocation: the walk is over */
            CHECK_AT(got && !strcmp(got, expected), __FILE__, __LINE__, "%s: last run differs", name);
            free(got);
            break;
        }
        tried++;
        if (got && strcmp(got, expected)) {
            if (wrong++ < 100)
                fprintf(stderr, "%s: allocation %ld failed and the output is wrong\n", name, k);
            if (only)
                fprintf(stderr, "expected:\n%s\ngot:\n%s\n", expected, got);
        } else if (!got && err.code != DEPECHE_ERR_NOMEM) {
            if (silent++ < 100)
                fprintf(stderr, "%s: allocation %ld failed with status %d, not out of memory\n", name,
                        k, (int)err.code);
        }
        free(got);
    }
    free(expected);
    points_tried += tried;
    printf("%s: %ld failure points tried\n", name, tried);
    CHECK_AT(wrong == 0, __FILE__, __LINE__, "%s: %ld runs gave a wrong output", name, wrong);
    CHECK_AT(silent == 0, __FILE__, __LINE__, "%s: %ld runs failed without saying out of memory", name,
             silent);
}

static char *make_engine(const void *ctx, depeche_error *err)
{
    (void)ctx;
    depeche_engine *engine = depeche_engine_new(NULL, err);
    if (!engine)
        return NULL;
    /* the engine's observable output: what it extracts from one sentence */
    static const char sentence[] = "Le groupe Valeo a nommé Claire Dubois directrice générale lundi.";
    depeche_input in = {.id = "s", .text = sentence, .length = sizeof sentence - 1, .published = "2024-03-06"};
    depeche_error unused;
    calls_walked = dp_alloc_calls(); /* only the engine's creation is walked here */
    dp_alloc_fail_at(0);
    depeche_document *doc = depeche_extract(engine, &in, &unused);
    char *json = doc ? depeche_document_json(doc, 0) : NULL;
    depeche_document_free(doc);
    depeche_engine_free(engine);
    return json;
}

typedef struct article {
    const depeche_engine *engine;
    depeche_input input;
} article;

static char *extract(const void *ctx, depeche_error *err)
{
    const article *a = ctx;
    depeche_document *doc = depeche_extract(a->engine, &a->input, err);
    if (!doc)
        return NULL;
    char *json = depeche_document_json(doc, DEPECHE_JSON_EXPLAIN);
    depeche_document_free(doc);
    if (!json)
        err->code = DEPECHE_ERR_NOMEM;
    return json;
}

static int append_conllu(void *ctx, const depeche_sentence *sentence)
{
    dp_strbuf *out = ctx;
    char *s = depeche_sentence_conllu(sentence, "a");
    int rc = !s || dp_strbuf_puts(out, s) ? DEPECHE_ERR_NOMEM : 0;
    free(s);
    return rc;
}

static char *parse(const void *ctx, depeche_error *err)
{
    const article *a = ctx;
    dp_strbuf out = {0};
    int rc = depeche_parse(a->engine, &a->input, append_conllu, &out, err);
    if (rc == DEPECHE_ERR_NOMEM)
        err->code = DEPECHE_ERR_NOMEM;
    if (rc || !out.data) {
        dp_strbuf_release(&out);
        return NULL;
    }
    return dp_strbuf_take(&out);
}

typedef struct records {
    const char *text;
    size_t length;
    depeche_timeline_format format;
} records;

static char *timeline(const void *ctx, depeche_error *err)
{
    const records *r = ctx;
    depeche_timeline *t = depeche_timeline_new();
    if (!t) {
        err->code = DEPECHE_ERR_NOMEM;
        return NULL;
    }
    const char *line = r->text, *end = r->text + r->length;
    while (line < end) {
        const char *nl = memchr(line, '\n', (size_t)(end - line));
        size_t n = nl ? (size_t)(nl - line) : (size_t)(end - line);
        if (n && depeche_timeline_add_json(t, line, n, err)) {
            depeche_timeline_free(t);
            return NULL;
        }
        line += n + 1;
    }
    char *out = depeche_timeline_render(t, NULL, r->format, err);
    depeche_timeline_free(t);
    return out;
}

int main(int argc, char **argv)
{
    if (argc < 3) {
        fprintf(stderr, "usage: test_alloc ARTICLE RECORDS.jsonl [STRIDE]\n");
        return 2;
    }
    if (argc > 3)
        stride = atol(argv[3]) > 0 ? atol(argv[3]) : 1;

    walk("engine", make_engine, NULL);

    depeche_error err;
    depeche_engine *engine = depeche_engine_new(NULL, &err);
    CHECK(engine != NULL);
    size_t length;
    char *text = read_all(argv[1], &length);
    article a = {engine, {.id = "a", .source = argv[1], .text = text, .length = length}};
    walk("extract", extract, &a);
    walk("parse", parse, &a);
    free(text);

    /* the timeline's records: the articles of RECORDS.jsonl as extracted */
    text = read_all(argv[2], &length);
    dp_strbuf documents = {0};
    for (const char *line = text, *end = text + length; line < end;) {
        const char *nl = memchr(line, '\n', (size_t)(end - line));
        size_t n = nl ? (size_t)(nl - line) : (size_t)(end - line);
        depeche_record *record = NULL;
        depeche_input input;
        if (n && !depeche_record_parse(line, n, &input, &record, &err)) {
            article one = {engine, input};
            char *json = extract(&one, &err);
            CHECK(json != NULL);
            if (json)
                CHECK(!dp_strbuf_puts(&documents, json) && !dp_strbuf_putc(&documents, '\n'));
            free(json);
        }
        depeche_record_free(record);
        line += n + 1;
    }
    free(text);
    depeche_engine_free(engine);
    text = dp_strbuf_take(&documents);
    length = text ? strlen(text) : 0;
    static const struct {
        const char *name;
        depeche_timeline_format format;
    } formats[] = {{"timeline json", DEPECHE_TIMELINE_JSON},
                   {"timeline csv", DEPECHE_TIMELINE_CSV},
                   {"timeline timelinejs", DEPECHE_TIMELINE_TIMELINEJS},
                   {"timeline html", DEPECHE_TIMELINE_HTML}};
    for (size_t i = 0; i < DP_ARRAY_LEN(formats); i++) {
        records r = {text, length, formats[i].format};
        walk(formats[i].name, timeline, &r);
    }
    free(text);
    printf("%ld failure points in all\n", points_tried);
    return check_report();
}
