/* The library used from several threads at once, as services embed it: four threads each make,
 * use and free their own engine at the same time (the first engine sets up libxml2 and jansson
 * once), then four threads extract in parallel with one shared engine. Every output must equal
 * a single-threaded run's. ThreadSanitizer's CI job runs this test to see races.
 *
 * usage: test_threads ARTICLE... */
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "depeche.h"

#define THREADS 4
#define ROUNDS 3

typedef struct article {
    const char *path;
    char *text;
    size_t length;
    char *expected; /* its JSON from a single-threaded run */
} article;

static article *articles;
static size_t n_articles;

static char *extract_json(const depeche_engine *engine, const article *a)
{
    depeche_input in = {.id = a->path, .text = a->text, .length = a->length};
    depeche_error err;
    depeche_document *doc = depeche_extract(engine, &in, &err);
    char *json = doc ? depeche_document_json(doc, DEPECHE_JSON_EXPLAIN) : NULL;
    depeche_document_free(doc);
    return json;
}

/* Counts outputs that differ from the expected ones. */
static long extract_all(const depeche_engine *engine, size_t first)
{
    long wrong = 0;
    for (size_t r = 0; r < ROUNDS * n_articles; r++) {
        const article *a = &articles[(first + r) % n_articles];
        char *json = extract_json(engine, a);
        wrong += !json || (a->expected && strcmp(json, a->expected));
        free(json);
    }
    return wrong;
}

static void *own_engine(void *arg)
{
    depeche_error err;
    depeche_engine *engine = depeche_engine_new(NULL, &err);
    long wrong = engine ? extract_all(engine, (size_t)(long)arg) : -1;
    depeche_engine_free(engine);
    return (void *)wrong;
}

static const depeche_engine *shared;

static void *shared_engine(void *arg)
{
    return (void *)extract_all(shared, (size_t)(long)arg);
}

static void run_threads(const char *what, void *(*fn)(void *))
{
    pthread_t threads[THREADS];
    for (long i = 0; i < THREADS; i++)
        CHECK(!pthread_create(&threads[i], NULL, fn, (void *)i));
    for (int i = 0; i < THREADS; i++) {
        void *wrong = NULL;
        CHECK(!pthread_join(threads[i], &wrong));
        CHECK_AT(wrong == NULL, __FILE__, __LINE__, "%s: thread %d had %ld wrong outputs", what, i,
                 (long)wrong);
    }
}

int main(int argc, char **argv)
{
    if (argc < 2) {
        fprintf(stderr, "usage: test_threads ARTICLE...\n");
        return 2;
    }
    n_articles = (size_t)argc - 1;
    articles = calloc(n_articles, sizeof *articles);
    depeche_error err;
    for (size_t i = 0; i < n_articles; i++) {
        articles[i].path = argv[i + 1];
        if (depeche_read_file(argv[i + 1], &articles[i].text, &articles[i].length, &err)) {
            fprintf(stderr, "%s: %s\n", argv[i + 1], err.message);
            return 2;
        }
    }
    /* engines made at once, the very first ones of the process */
    run_threads("own engines (expected outputs not known yet)", own_engine);

    depeche_engine *engine = depeche_engine_new(NULL, &err);
    CHECK(engine != NULL);
    if (!engine)
        return check_report();
    for (size_t i = 0; i < n_articles; i++)
        CHECK((articles[i].expected = extract_json(engine, &articles[i])) != NULL);
    run_threads("own engines", own_engine);
    shared = engine;
    run_threads("one shared engine", shared_engine);
    depeche_engine_free(engine);
    for (size_t i = 0; i < n_articles; i++) {
        free(articles[i].text);
        free(articles[i].expected);
    }
    free(articles);
    return check_report();
}
