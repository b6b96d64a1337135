/* depeche: the command line. One file per subcommand; this one parses what they share. */
#include <signal.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"

void cli_usage(FILE *out)
{
    fputs("Usage: depeche [OPTIONS] [FILE]            one article (stdin when no FILE) -> one JSON object\n"
          "       depeche extract [OPTIONS] [FILE|DIR|-]...\n"
          "                                            many articles -> one JSON line each\n"
          "\n"
          "Extracts people, organisations, roles, places, dates and corporate events from\n"
          "French news text.\n"
          "\n"
          "Options:\n"
          "  --ndjson             (extract) inputs are JSON Lines records\n"
          "                       {\"id\", \"text\", \"published\"?, \"title\"?, \"url\"?}\n"
          "  --pretty, --compact  indent the JSON or not (default: pretty on a terminal;\n"
          "                       extract always prints one compact line a record)\n"
          "  --explain            add the page's segments and counts to each record\n"
          "  --gazetteer PATH     load gazetteer files (a file, or a directory of *.txt) as\n"
          "                       well; their entries override the defaults\n"
          "  --patterns PATH      load pattern files (a file, or a directory of *.txt) as well\n"
          "  --no-default-data    do not load the built-in gazetteers and patterns\n"
          "  -h, --help           show this help\n"
          "  --version            show the version\n"
          "\n"
          "Exit status: 0 all inputs processed, 1 some inputs failed (each has an error\n"
          "record), 2 usage or resource error.\n",
          out);
}

static int usage_error(const char *fmt, const char *arg)
{
    fputs("depeche: ", stderr);
    fprintf(stderr, fmt, arg);
    fputs("\nTry 'depeche --help'.\n", stderr);
    return -1;
}

int cli_parse_options(int argc, char **argv, int first, cli_options *opt, const char *verb)
{
    memset(opt, 0, sizeof *opt);
    opt->pretty = -1;
    opt->pattern_paths = calloc((size_t)argc + 1, sizeof *opt->pattern_paths);
    opt->gazetteer_paths = calloc((size_t)argc + 1, sizeof *opt->gazetteer_paths);
    opt->inputs = calloc((size_t)argc + 1, sizeof *opt->inputs);
    if (!opt->pattern_paths || !opt->gazetteer_paths || !opt->inputs) {
        fputs("depeche: out of memory\n", stderr);
        return -1;
    }
    int only_inputs = 0;
    for (int i = first; i < argc; i++) {
        const char *a = argv[i];
        if (only_inputs || a[0] != '-' || !strcmp(a, "-")) {
            opt->inputs[opt->n_inputs++] = a;
        } else if (!strcmp(a, "--")) {
            only_inputs = 1;
        } else if (!strcmp(a, "-h") || !strcmp(a, "--help")) {
            cli_usage(stdout);
            return 1;
        } else if (!strcmp(a, "--version")) {
            printf("depeche %s\n", depeche_version());
            return 1;
        } else if (!strcmp(a, "--pretty")) {
            opt->pretty = 1;
        } else if (!strcmp(a, "--compact")) {
            opt->pretty = 0;
        } else if (!strcmp(a, "--explain")) {
            opt->explain = 1;
        } else if (!strcmp(a, "--ndjson")) {
            opt->ndjson = 1;
        } else if (!strcmp(a, "--no-default-data")) {
            opt->no_defaults = 1;
        } else if (!strcmp(a, "--patterns")) {
            if (i + 1 >= argc)
                return usage_error("option '%s' needs a path", a);
            opt->pattern_paths[opt->n_pattern_paths++] = argv[++i];
        } else if (!strcmp(a, "--gazetteer")) {
            if (i + 1 >= argc)
                return usage_error("option '%s' needs a path", a);
            opt->gazetteer_paths[opt->n_gazetteer_paths++] = argv[++i];
        } else {
            return usage_error("unknown option '%s'", a);
        }
    }
    if (!strcmp(verb, "article")) {
        if (opt->ndjson)
            return usage_error("%s: use 'depeche extract --ndjson' for JSON Lines input", "--ndjson");
        if (opt->n_inputs > 1)
            return usage_error("%s: one article at a time; use 'depeche extract' for several",
                               opt->inputs[1]);
    } else if (opt->pretty == 1) {
        return usage_error("%s: extract prints one compact JSON line a record", "--pretty");
    }
    return 0;
}

void cli_free_options(cli_options *opt)
{
    free(opt->pattern_paths);
    free(opt->gazetteer_paths);
    free(opt->inputs);
}

depeche_engine *cli_engine(const cli_options *opt)
{
    depeche_engine_options eo = {
        .no_defaults = opt->no_defaults,
        .pattern_paths = opt->pattern_paths,
        .n_pattern_paths = opt->n_pattern_paths,
        .gazetteer_paths = opt->gazetteer_paths,
        .n_gazetteer_paths = opt->n_gazetteer_paths,
    };
    depeche_error err;
    depeche_engine *engine = depeche_engine_new(&eo, &err);
    if (!engine) {
        char msg[1200];
        fprintf(stderr, "depeche: %s\n", depeche_error_format(&err, msg, sizeof msg));
    }
    return engine;
}

int main(int argc, char **argv)
{
    /* A closed stdout shows as EPIPE on write, and the run ends quietly (see cli_emit). */
    signal(SIGPIPE, SIG_IGN);
    if (argc > 1 && !strcmp(argv[1], "extract"))
        return main_extract(argc, argv);
    return main_article(argc, argv);
}
