/* depeche timeline: the events of many articles merged into one timeline. Inputs are depeche's
 * own records (extract's output, shards of it concatenated) or articles, extracted first. */
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli.h"

typedef struct timeline_sink {
    depeche_timeline *timeline;
    size_t bad_records;
} timeline_sink;

static int add_record(void *ctx, const char *record, size_t length)
{
    timeline_sink *sink = ctx;
    depeche_error err;
    int rc = depeche_timeline_add_json(sink->timeline, record, length, &err);
    if (rc == DEPECHE_ERR_NOMEM) {
        fputs("depeche: out of memory building the timeline\n", stderr);
        return 1;
    }
    if (rc) {
        sink->bad_records++;
        fprintf(stderr, "depeche: error: a record the timeline cannot use: %s\n", err.message);
    }
    return 0;
}

static int parse_format(const char *name, depeche_timeline_format *format)
{
    static const struct {
        const char *name;
        depeche_timeline_format format;
    } formats[] = {{"json", DEPECHE_TIMELINE_JSON},
                   {"csv", DEPECHE_TIMELINE_CSV},
                   {"timelinejs", DEPECHE_TIMELINE_TIMELINEJS},
                   {"html", DEPECHE_TIMELINE_HTML}};
    for (size_t i = 0; i < sizeof formats / sizeof *formats; i++)
        if (!strcmp(name, formats[i].name)) {
            *format = formats[i].format;
            return 0;
        }
    return -1;
}

int main_timeline(int argc, char **argv)
{
    cli_options opt;
    int rc = cli_parse_options(argc, argv, 2, &opt, "timeline");
    depeche_timeline_format format = DEPECHE_TIMELINE_JSON;
    if (!rc && opt.format && parse_format(opt.format, &format)) {
        fprintf(stderr, "depeche: --format: '%s' is not json, csv, timelinejs or html\n", opt.format);
        rc = -1;
    }
    if (rc) {
        cli_free_options(&opt);
        return rc > 0 ? EXIT_OK : EXIT_USAGE;
    }
    depeche_engine *engine = cli_engine(&opt);
    timeline_sink sink = {.timeline = depeche_timeline_new()};
    if (!engine || !sink.timeline) {
        if (engine)
            fputs("depeche: out of memory\n", stderr);
        depeche_engine_free(engine);
        cli_free_options(&opt);
        return EXIT_USAGE;
    }
    depeche_timeline_filter filter = {.types = opt.types, .n_types = opt.n_types,
                                      .entities = opt.entities, .n_entities = opt.n_entities,
                                      .since = opt.since, .until = opt.until,
                                      .min_confidence = opt.min_confidence,
                                      .modalities = opt.modalities,
                                      .n_modalities = opt.n_modalities, .lang = opt.lang};
    /* a bad filter value is said before any input is read: the library checks it on the
     * still empty timeline */
    depeche_error err;
    char *checked = depeche_timeline_render(sink.timeline, &filter, format, &err);
    free(checked);
    if (!checked) {
        fprintf(stderr, "depeche: %s\n", err.message);
        depeche_timeline_free(sink.timeline);
        depeche_engine_free(engine);
        cli_free_options(&opt);
        return EXIT_USAGE;
    }
    size_t n_inputs;
    const char *const *inputs = cli_inputs(&opt, &n_inputs);
    cli_run run = cli_run_for(&opt, engine);
    run.sniff_ndjson = 1;
    run.pass_records = 1;
    run.sink = add_record;
    run.sink_ctx = &sink;
    if (cli_run_start(&run, cli_threads(&opt))) {
        fputs("depeche: cannot start the worker threads\n", stderr);
        rc = EXIT_USAGE;
    } else {
        for (size_t i = 0; i < n_inputs && !atomic_load(&run.stopped); i++)
            cli_path(&run, inputs[i]);
        cli_run_finish(&run);
        char *out = atomic_load(&run.stopped)
                        ? NULL
                        : depeche_timeline_render(sink.timeline, &filter, format, &err);
        if (out) {
            size_t len = strlen(out);
            if (fwrite(out, 1, len, stdout) != len || (len && out[len - 1] != '\n' && putchar('\n') == EOF) ||
                fflush(stdout) == EOF) {
                perror("depeche: error writing output");
                rc = EXIT_USAGE;
            } else {
                rc = sink.bad_records ? EXIT_SOME_FAILED : cli_run_status(&run);
            }
            free(out);
        } else {
            if (!atomic_load(&run.stopped))
                fprintf(stderr, "depeche: %s\n", err.message);
            rc = EXIT_USAGE;
        }
    }
    depeche_timeline_free(sink.timeline);
    depeche_engine_free(engine);
    cli_free_options(&opt);
    return rc;
}
