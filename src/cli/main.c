/* depeche: the command line. One file per subcommand; this one parses what they share. */
#include <iconv.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli.h"

static const char usage_head[] =
    "Usage: depeche [OPTIONS] [FILE]            one article (stdin when no FILE) -> one JSON object\n"
          "       depeche extract [OPTIONS] [FILE|DIR|-]...\n"
          "                                            many articles -> one JSON line each\n"
          "       depeche timeline [OPTIONS] [FILE|DIR|-]...\n"
          "                                            records or articles -> one timeline\n"
          "       depeche parse [OPTIONS] [FILE|DIR|-]...\n"
          "                                            articles -> CoNLL-U: lemmas, parts of\n"
          "                                            speech, dependencies\n"
          "       depeche eval [OPTIONS] GOLD.jsonl   the tool scored against annotated articles\n"
          "\n"
          "Extracts people, organisations, roles, places, dates and corporate events from\n"
          "French news text. Files may be plain, compressed (.gz .zst .xz .bz2) or archives\n"
          "(.tar.* .zip .7z); *.jsonl and *.ndjson files hold one JSON record a line; HTML\n"
          "pages are read for their title, date and text.\n"
          "\n";

/* One option an entry: its first line says, in parentheses, the commands it is for when it is
 * not for all of them ("(extract, parse)"); `depeche help COMMAND` shows that command's. */
static const char usage_options[] =
    "  --ndjson             (extract, parse) every input is JSON Lines records\n"
          "                       {\"id\", \"text\", \"published\"?, \"title\"?, \"url\"?}\n"
          "  -j, --jobs N         (extract, parse, eval) N worker threads (default: one per core;\n"
          "                       parse: one, streaming); the\n"
          "                       output is the same whatever N\n"
          "  --progress, --no-progress\n"
          "                       (extract) show progress on stderr (default: on a terminal)\n"
          "  -q, --quiet          (extract) no progress and no summary line\n"
          "  --encoding NAME      character set of inputs that do not declare one (iconv name,\n"
          "                       e.g. ISO-8859-15); default: UTF-8, else guessed\n"
          "  --pretty, --compact  indent the JSON or not (default: pretty on a terminal;\n"
          "                       extract always prints one compact line a record)\n"
          "  --explain            add the page's segments and counts to each record\n"
          "  --gazetteer PATH     load gazetteer files (a file, or a directory of *.txt) as\n"
          "                       well; their entries override the defaults\n"
          "  --patterns PATH      load pattern files (a file, or a directory of *.txt) as well\n"
          "  --no-default-data    do not load the built-in gazetteers and patterns\n"
          "  --format F           (timeline) json (default), csv, timelinejs or html\n"
          "  --type T             (timeline) only events of type T (repeatable): appointment,\n"
          "                       dismissal, resignation, join, acquisition, merger,\n"
          "                       partnership, funding, lawsuit, layoffs, product_launch,\n"
          "                       bankruptcy, fine\n"
          "  --modality M         (timeline) only events of modality M (repeatable): asserted,\n"
          "                       hypothetical, negated\n"
          "  --min-confidence X   (timeline) only events at least X confident (0 to 1)\n"
          "  --entity NAME        (timeline) only events naming NAME (repeatable)\n"
          "  --since DATE, --until DATE\n"
          "                       (timeline) only events dated in [since, until]\n"
          "  --lang L             (timeline) language of the summaries and of the page's\n"
          "                       words: en (default) or fr\n"
          "  --show               (eval) list every missed and false event and entity\n"
          "  --json               (eval) print the figures as one JSON object\n"
          "  -h, --help           show this help\n"
          "  --version            show the version\n";

static const char usage_tail[] =
    "Exit status: 0 all inputs processed, 1 some inputs failed (each has an error\n"
          "record), 2 usage or resource error.\n";

void cli_usage(FILE *out)
{
    fputs(usage_head, out);
    fputs("Options:\n", out);
    fputs(usage_options, out);
    fputc('\n', out);
    fputs(usage_tail, out);
}

/* The subcommands, with their usage line for `depeche help COMMAND`. */
static const struct {
    const char *name, *usage;
} commands[] = {
    {"extract", "depeche extract [OPTIONS] [FILE|DIR|-]...   many articles -> one JSON line each"},
    {"timeline", "depeche timeline [OPTIONS] [FILE|DIR|-]...  records or articles -> one timeline"},
    {"parse", "depeche parse [OPTIONS] [FILE|DIR|-]...     articles -> CoNLL-U"},
    {"eval", "depeche eval [OPTIONS] GOLD.jsonl          the tool scored against annotated articles"}};

/* Whether the option entry [entry, end) applies to `command`: it does when it names no command
 * in parentheses, or names this one there ("(extract, parse)"). */
static int option_is_for(const char *entry, const char *end, const char *command)
{
    for (const char *p = entry; (p = memchr(p, '(', (size_t)(end - p))); p++) {
        int tag = 0;
        for (size_t c = 0; c < sizeof commands / sizeof *commands; c++)
            tag |= !strncmp(p + 1, commands[c].name, strlen(commands[c].name));
        if (!tag)
            continue;
        const char *close = memchr(p, ')', (size_t)(end - p));
        size_t n = strlen(command);
        for (const char *q = p + 1; close && q + n <= close; q++)
            if (!strncmp(q, command, n) && (q[n] == ',' || q[n] == ')') && (q[-1] == '(' || q[-1] == ' '))
                return 1;
        return 0;
    }
    return 1;
}

/* depeche help [COMMAND]: the whole help, or one command's usage and options. */
static int main_help(int argc, char **argv)
{
    if (argc < 3) {
        cli_usage(stdout);
        return EXIT_OK;
    }
    for (size_t c = 0; c < sizeof commands / sizeof *commands; c++) {
        if (strcmp(argv[2], commands[c].name))
            continue;
        printf("Usage: %s\n\nOptions:\n", commands[c].usage);
        /* entries start at a line opening with "  -" */
        for (const char *e = usage_options; *e;) {
            const char *next = e;
            do
                next = strchr(next, '\n') + 1;
            while (*next && strncmp(next, "  -", 3));
            if (option_is_for(e, next, commands[c].name))
                fwrite(e, 1, (size_t)(next - e), stdout);
            e = next;
        }
        printf("\nSee depeche-%s(1).\n", commands[c].name);
        return EXIT_OK;
    }
    fprintf(stderr, "depeche: help: '%s' is not a command: extract, timeline, parse or eval\n", argv[2]);
    return EXIT_USAGE;
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
    opt->types = calloc((size_t)argc + 1, sizeof *opt->types);
    opt->entities = calloc((size_t)argc + 1, sizeof *opt->entities);
    opt->modalities = calloc((size_t)argc + 1, sizeof *opt->modalities);
    opt->progress = -1;
    if (!opt->pattern_paths || !opt->gazetteer_paths || !opt->inputs || !opt->types ||
        !opt->entities || !opt->modalities) {
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
        } else if (!strcmp(a, "-q") || !strcmp(a, "--quiet")) {
            opt->quiet = 1;
        } else if (!strcmp(a, "--show")) {
            opt->show = 1;
        } else if (!strcmp(a, "--json")) {
            opt->json = 1;
        } else if (!strcmp(a, "--progress")) {
            opt->progress = 1;
        } else if (!strcmp(a, "--no-progress")) {
            opt->progress = 0;
        } else if (!strcmp(a, "-j") || !strcmp(a, "--jobs") || !strncmp(a, "-j", 2)) {
            const char *n = a[1] == 'j' && a[2] ? a + 2 : NULL;
            if (!n && i + 1 >= argc)
                return usage_error("option '%s' needs a number", a);
            if (!n)
                n = argv[++i];
            char *end;
            opt->jobs = strtol(n, &end, 10);
            if (*end || end == n || opt->jobs < 1 || opt->jobs > 1024)
                return usage_error("'%s': the number of jobs is 1 to 1024", n);
        } else if (!strcmp(a, "--encoding") || !strcmp(a, "--format") || !strcmp(a, "--since") ||
                   !strcmp(a, "--until") || !strcmp(a, "--type") || !strcmp(a, "--entity") ||
                   !strcmp(a, "--modality") || !strcmp(a, "--min-confidence") ||
                   !strcmp(a, "--lang")) {
            if (i + 1 >= argc)
                return usage_error("option '%s' needs a value", a);
            const char *v = argv[++i];
            if (!strcmp(a, "--encoding"))
                opt->encoding = v;
            else if (!strcmp(a, "--format"))
                opt->format = v;
            else if (!strcmp(a, "--since"))
                opt->since = v;
            else if (!strcmp(a, "--until"))
                opt->until = v;
            else if (!strcmp(a, "--lang"))
                opt->lang = v;
            else if (!strcmp(a, "--type"))
                opt->types[opt->n_types++] = v;
            else if (!strcmp(a, "--modality"))
                opt->modalities[opt->n_modalities++] = v;
            else if (!strcmp(a, "--min-confidence")) {
                char *end;
                opt->min_confidence = strtod(v, &end);
                if (end == v || *end || !(opt->min_confidence >= 0 && opt->min_confidence <= 1))
                    return usage_error("--min-confidence: '%s' is not a number between 0 and 1", v);
            } else
                opt->entities[opt->n_entities++] = v;
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
    } else if (opt->pretty == 1 && !strcmp(verb, "extract")) {
        return usage_error("%s: extract prints one compact JSON line a record", "--pretty");
    }
    if (strcmp(verb, "eval") && (opt->show || opt->json))
        return usage_error("%s: --show and --json are for 'depeche eval'", verb);
    if (opt->encoding) {
        iconv_t cd = iconv_open("UTF-8", opt->encoding);
        if (cd == (iconv_t)-1)
            return usage_error("--encoding: '%s' is not a character set iconv knows", opt->encoding);
        iconv_close(cd);
    }
    if (strcmp(verb, "timeline") && (opt->format || opt->since || opt->until || opt->n_types ||
                                     opt->n_entities || opt->n_modalities || opt->min_confidence ||
                                     opt->lang))
        return usage_error("%s: --format, --type, --entity, --modality, --min-confidence, --since, "
                           "--until and --lang are for 'depeche timeline'", verb);
    return 0;
}

void cli_free_options(cli_options *opt)
{
    free(opt->pattern_paths);
    free(opt->gazetteer_paths);
    free(opt->inputs);
    free(opt->types);
    free(opt->entities);
    free(opt->modalities);
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

int cli_start(int argc, char **argv, int first, const char *verb, cli_options *opt,
              depeche_engine **engine, int *exit_code)
{
    int rc = cli_parse_options(argc, argv, first, opt, verb);
    *engine = rc ? NULL : cli_engine(opt);
    if (rc || !*engine) {
        cli_free_options(opt);
        *exit_code = rc > 0 ? EXIT_OK : EXIT_USAGE;
        return -1;
    }
    return 0;
}

long cli_threads(const cli_options *opt)
{
    long threads = opt->jobs > 0 ? opt->jobs : sysconf(_SC_NPROCESSORS_ONLN);
    return threads < 1 ? 1 : threads;
}

const char *const *cli_inputs(const cli_options *opt, size_t *n)
{
    static const char *const stdin_only[] = {"-"};
    *n = opt->n_inputs ? opt->n_inputs : 1;
    return opt->n_inputs ? opt->inputs : stdin_only;
}

cli_run cli_run_for(const cli_options *opt, const depeche_engine *engine)
{
    return (cli_run){.engine = engine,
                     .encoding = opt->encoding,
                     .ndjson = opt->ndjson,
                     .json_flags = opt->explain ? DEPECHE_JSON_EXPLAIN : 0u};
}

int main(int argc, char **argv)
{
    /* A closed stdout shows as EPIPE on write, and the run ends quietly (see cli_emit). */
    signal(SIGPIPE, SIG_IGN);
    if (argc > 1 && !strcmp(argv[1], "extract"))
        return main_extract(argc, argv);
    if (argc > 1 && !strcmp(argv[1], "timeline"))
        return main_timeline(argc, argv);
    if (argc > 1 && !strcmp(argv[1], "parse"))
        return main_parse(argc, argv);
    if (argc > 1 && !strcmp(argv[1], "eval"))
        return main_eval(argc, argv);
    if (argc > 1 && !strcmp(argv[1], "help"))
        return main_help(argc, argv);
    return main_article(argc, argv);
}
