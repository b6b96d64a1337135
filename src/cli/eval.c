/* depeche eval: the tool scored against a file of articles annotated to the event guidelines
 * (../shared/eval/GUIDELINES.md), so that users measure what their own rules and lists do.
 * The articles are extracted as `depeche extract --ndjson` would; the matching is the one of the
 * project's scorer (score_events.py), so both give the same figures. */
#include <jansson.h>
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

#include "cli.h"
#include "libarchive.h"

/* The core arguments of each type, which a gold event's names must match. */
static const struct {
    const char *type, *args[2];
} core_args[] = {
    {"appointment", {"person", "org"}}, {"dismissal", {"person", "org"}},
    {"resignation", {"person", "org"}}, {"join", {"person", "org"}},
    {"acquisition", {"acquirer", "target"}}, {"merger", {"partners", NULL}},
    {"partnership", {"partners", NULL}}, {"funding", {"target", NULL}},
    {"lawsuit", {"plaintiff", "defendant"}}, {"layoffs", {"org", NULL}},
    {"product_launch", {"org", "product"}}, {"bankruptcy", {"org", NULL}},
    {"fine", {"org", "authority"}},
};
#define N_TYPES (sizeof core_args / sizeof *core_args)

/* Words a name is compared without: articles, "de", legal forms. */
static const char *const ignored[] = {"le", "la", "les", "l", "de", "du", "des", "d", "et", "the", "of",
                                      "sa", "sas", "inc", "ltd", "llc", "group", "groupe", "corp",
                                      "corporation", "plc", "se", "ag", "gmbh", "co"};

#define MAX_WORDS 32

/* A name's identifying words: no case, no accents, split on anything but ASCII letters,
 * digits and hyphens; without articles and legal forms unless nothing else is left; sorted,
 * each once. */
typedef struct name_words {
    char *text; /* owned: the words, NUL-separated */
    const char *words[MAX_WORDS];
    size_t n;
} name_words;

static int by_string(const void *a, const void *b)
{
    return strcmp(*(const char *const *)a, *(const char *const *)b);
}

static void words_of(const char *name, name_words *out)
{
    out->n = 0;
    out->text = NULL;
    utf8proc_uint8_t *folded = NULL;
    if (utf8proc_map((const utf8proc_uint8_t *)(name ? name : ""), 0, &folded,
                     UTF8PROC_NULLTERM | UTF8PROC_STABLE | UTF8PROC_COMPAT | UTF8PROC_DECOMPOSE |
                         UTF8PROC_STRIPMARK) < 0)
        return;
    /* lowercase, and every byte that is no ASCII letter, digit or hyphen ends a word */
    size_t len = strlen((char *)folded);
    out->text = malloc(len + 1);
    if (!out->text) {
        free(folded);
        return;
    }
    size_t w = 0;
    for (utf8proc_ssize_t i = 0; i < (utf8proc_ssize_t)len;) {
        utf8proc_int32_t cp;
        utf8proc_ssize_t k = utf8proc_iterate(folded + i, (utf8proc_ssize_t)len - i, &cp);
        if (k <= 0)
            break;
        cp = utf8proc_tolower(cp);
        out->text[w++] = (cp >= 'a' && cp <= 'z') || (cp >= '0' && cp <= '9') || cp == '-' ? (char)cp : '\0';
        i += k;
    }
    out->text[w] = '\0';
    free(folded);
    const char *all[MAX_WORDS];
    size_t n_all = 0;
    for (size_t i = 0; i < w && n_all < MAX_WORDS;) {
        char *word = out->text + i;
        size_t n = strlen(word);
        i += n + 1;
        while (*word == '-') /* hyphens at either end are no part of the word */
            word++, n--;
        while (n && word[n - 1] == '-')
            word[--n] = '\0';
        if (n)
            all[n_all++] = word;
    }
    for (size_t i = 0; i < n_all; i++) {
        int skip = 0;
        for (size_t j = 0; j < sizeof ignored / sizeof *ignored && !skip; j++)
            skip = !strcmp(all[i], ignored[j]);
        if (!skip)
            out->words[out->n++] = all[i];
    }
    if (!out->n) {
        memcpy(out->words, all, n_all * sizeof *all);
        out->n = n_all;
    }
    qsort(out->words, out->n, sizeof *out->words, by_string);
    size_t kept = 0;
    for (size_t i = 0; i < out->n; i++)
        if (!kept || strcmp(out->words[kept - 1], out->words[i]))
            out->words[kept++] = out->words[i];
    out->n = kept;
}

/* Whether every word of a is among b's (both sorted). */
static int subset(const name_words *a, const name_words *b)
{
    size_t j = 0;
    for (size_t i = 0; i < a->n; i++) {
        while (j < b->n && strcmp(b->words[j], a->words[i]) < 0)
            j++;
        if (j == b->n || strcmp(b->words[j], a->words[i]))
            return 0;
    }
    return 1;
}

/* Equal names, or a shorter form of the same name: the words of one are all among the other's
 * and make at least half of them ("Altman" ~ "Sam Altman"; not "Renault" ~ "le président de
 * Renault"). exact: the same words only. */
static int same_name(const char *a, const char *b, int exact)
{
    name_words wa, wb;
    words_of(a, &wa);
    words_of(b, &wb);
    int same = 0;
    if (wa.n && wb.n) {
        const name_words *small = wa.n <= wb.n ? &wa : &wb, *large = wa.n <= wb.n ? &wb : &wa;
        same = exact ? wa.n == wb.n && subset(&wa, &wb) : subset(small, large) && 2 * small->n >= large->n;
    }
    free(wa.text);
    free(wb.text);
    return same;
}

/* The names an argument holds as a record prints it: a string, {"name": ...} ({"text": ...}),
 * or a list of either; up to cap. */
static size_t names_of(const json_t *value, const char **out, size_t cap)
{
    if (!value || cap == 0)
        return 0;
    if (json_is_string(value)) {
        out[0] = json_string_value(value);
        return 1;
    }
    if (json_is_object(value)) {
        const char *name = json_string_value(json_object_get(value, "name"));
        if (!name || !*name)
            name = json_string_value(json_object_get(value, "text"));
        out[0] = name ? name : "";
        return 1;
    }
    size_t n = 0, i;
    json_t *item;
    json_array_foreach(value, i, item) n += names_of(item, out + n, cap - n);
    return n;
}

/* An argument of a predicted event ("arguments": {...}) or of a gold one (at the top). */
static size_t argument(const json_t *event, const char *role, const char **out, size_t cap)
{
    const json_t *args = json_object_get(event, "arguments");
    return names_of(json_is_object(args) ? json_object_get(args, role) : json_object_get(event, role), out, cap);
}

static int asserted(const json_t *event)
{
    const char *m = json_string_value(json_object_get(event, "modality"));
    return !m || !*m || !strcmp(m, "asserted");
}

static const char *date_of(const json_t *event)
{
    const json_t *d = json_object_get(event, "date");
    return json_string_value(json_is_object(d) ? json_object_get(d, "value") : d);
}

static int type_index(const char *type)
{
    for (size_t t = 0; type && t < N_TYPES; t++)
        if (!strcmp(type, core_args[t].type))
            return (int)t;
    return -1;
}

/* Whether every core argument the gold event names is among the predicted event's; every gold
 * partner among the predicted partners. */
static int arguments_match(const json_t *gold, int type, const json_t *pred)
{
    for (size_t a = 0; a < 2 && core_args[type].args[a]; a++) {
        const char *role = core_args[type].args[a], *g[16], *p[16];
        size_t ng = names_of(json_object_get(gold, role), g, 16), np = argument(pred, role, p, 16);
        if (!ng)
            continue;
        int all = 1, any = 0;
        for (size_t i = 0; i < ng; i++) {
            int found = 0;
            for (size_t j = 0; j < np && !found; j++)
                found = same_name(g[i], p[j], 0);
            all &= found;
            any |= found;
        }
        if (!(strcmp(role, "partners") ? any : all))
            return 0;
    }
    return 1;
}

typedef struct counts {
    size_t tp, fp, fn;
} counts;

typedef struct scores {
    counts by_type[N_TYPES + 1]; /* the last: types the guidelines do not know */
    counts entities[2];          /* PERSON, ORG */
    size_t dates_right, dates, roles_right, roles, articles, missing;
} scores;

static void prf(counts c, double *p, double *r, double *f)
{
    *p = c.tp + c.fp ? (double)c.tp / (double)(c.tp + c.fp) : 0;
    *r = c.tp + c.fn ? (double)c.tp / (double)(c.tp + c.fn) : 0;
    *f = *p + *r > 0 ? 2 * *p * *r / (*p + *r) : 0;
}

static void show(int show_lines, const char *what, const char *id, const json_t *value)
{
    if (!show_lines)
        return;
    char *text = json_dumps(value, JSON_COMPACT | JSON_PRESERVE_ORDER);
    printf("%s %s: %s\n", what, id, text ? text : "?");
    free(text);
}

/* The names that no other name matches, even loosely, each on a line. */
static void show_unmatched(const char *what, const char *id, const char *type, const char **names, size_t n,
                           const char **others, size_t n_others)
{
    for (size_t i = 0; i < n; i++) {
        int any = 0;
        for (size_t j = 0; j < n_others && !any; j++)
            any = same_name(names[i], others[j], 0);
        if (!any)
            printf("%s %s: %s %s\n", what, id, type, names[i]);
    }
}

/* The names of the entities of one type in a list of them, up to cap. */
static size_t entity_names(const json_t *entities, const char *type, const char **out, size_t cap)
{
    size_t n = 0, i;
    json_t *e;
    json_array_foreach(entities, i, e) {
        const char *t = json_string_value(json_object_get(e, "type"));
        const char *name = json_string_value(json_object_get(e, "name"));
        if (n < cap && t && !strcmp(t, type))
            out[n++] = name ? name : "";
    }
    return n;
}

/* One article: its gold events and entities against the tool's record (NULL: none came). */
static void score_article(const json_t *gold, const json_t *record, int show_lines, scores *s)
{
    const char *id = json_string_value(json_object_get(gold, "id"));
    id = id ? id : "?";
    const json_t *predicted = json_object_get(record, "events"), *golds = json_object_get(gold, "events");
    size_t n_pred = json_array_size(predicted);
    unsigned char *used = calloc(n_pred + 1, 1);
    if (!used)
        return;
    size_t i, j;
    json_t *g, *p;
    json_array_foreach(golds, i, g) {
        if (!asserted(g))
            continue;
        const char *type = json_string_value(json_object_get(g, "type"));
        int t = type_index(type);
        size_t hit = n_pred;
        for (j = 0; j < n_pred && hit == n_pred && type; j++) {
            p = json_array_get(predicted, j);
            const char *pt = json_string_value(json_object_get(p, "type"));
            if (!used[j] && asserted(p) && pt && !strcmp(pt, type) && (t < 0 || arguments_match(g, t, p)))
                hit = j;
        }
        counts *c = &s->by_type[t >= 0 ? (size_t)t : N_TYPES];
        if (hit == n_pred) {
            c->fn++;
            show(show_lines, "MISS ", id, g);
            continue;
        }
        used[hit] = 1;
        c->tp++;
        p = json_array_get(predicted, hit);
        const char *gold_date = date_of(g), *gold_role = json_string_value(json_object_get(g, "role"));
        if (gold_date && *gold_date) {
            const char *d = date_of(p);
            s->dates++;
            s->dates_right += d && !strcmp(d, gold_date);
        }
        if (gold_role && *gold_role) {
            const char *roles[8];
            size_t n = argument(p, "role", roles, 8);
            int right = 0;
            for (size_t k = 0; k < n && !right; k++)
                right = same_name(gold_role, roles[k], 0);
            s->roles++;
            s->roles_right += (size_t)right;
        }
    }
    json_array_foreach(predicted, j, p) {
        if (used[j] || !asserted(p))
            continue;
        int t = type_index(json_string_value(json_object_get(p, "type")));
        s->by_type[t >= 0 ? (size_t)t : N_TYPES].fp++;
        if (show_lines) {
            json_t *brief = json_pack("{s:O?,s:O?,s:O?}", "type", json_object_get(p, "type"), "summary",
                                      json_object_get(p, "summary"), "arguments", json_object_get(p, "arguments"));
            show(1, "FALSE", id, brief);
            json_decref(brief);
        }
    }
    free(used);
    /* entities: the people and organisations named, paired one to one, the same words first */
    const json_t *gold_entities = json_object_get(gold, "entities");
    if (!json_array_size(gold_entities))
        return;
    static const char *const kinds[] = {"PERSON", "ORG"};
    for (size_t k = 0; k < 2; k++) {
        const char *gn[512], *pn[512];
        size_t ng = entity_names(gold_entities, kinds[k], gn, 512),
               np = entity_names(json_object_get(record, "entities"), kinds[k], pn, 512);
        unsigned char gu[512] = {0}, pu[512] = {0};
        size_t matched = 0;
        for (int exact = 1; exact >= 0; exact--)
            for (i = 0; i < ng; i++)
                for (j = 0; j < np && !gu[i]; j++)
                    if (!pu[j] && same_name(gn[i], pn[j], exact))
                        gu[i] = pu[j] = 1, matched++;
        s->entities[k].tp += matched;
        s->entities[k].fn += ng - matched;
        s->entities[k].fp += np - matched;
        if (show_lines) {
            show_unmatched("MISS ", id, kinds[k], gn, ng, pn, np);
            show_unmatched("FALSE", id, kinds[k], pn, np, gn, ng);
        }
    }
}

/* The records the run prints, collected by id. */
typedef struct record_sink {
    json_t *by_id; /* id -> record */
    size_t bad;
} record_sink;

static int keep_record(void *ctx, const char *record, size_t length)
{
    record_sink *sink = ctx;
    json_t *doc = json_loadb(record, length, 0, NULL);
    const char *id = json_string_value(json_object_get(doc, "id"));
    if (!id) {
        sink->bad++;
        json_decref(doc);
        return 0;
    }
    json_object_set_new(sink->by_id, id, doc);
    return 0;
}

/* The gold file's articles, one JSON object a line (plain or compressed); NULL after saying
 * why not. */
static json_t *read_gold(const char *path)
{
    const char *missing;
    const cli_libarchive *la = cli_libarchive_get(&missing);
    if (!la) {
        fprintf(stderr, "depeche: eval: %s: libarchive is needed: %s\n", path, missing);
        return NULL;
    }
    struct archive *a = la->archive_read_new();
    if (!a)
        return NULL;
    la->archive_read_support_filter_all(a);
    la->archive_read_support_format_raw(a);
    struct archive_entry *entry;
    int is_stdin = !strcmp(path, "-");
    if ((is_stdin ? la->archive_read_open_fd(a, 0, 65536) : la->archive_read_open_filename(a, path, 65536)) != ARCHIVE_OK ||
        la->archive_read_next_header(a, &entry) != ARCHIVE_OK) {
        fprintf(stderr, "depeche: eval: %s: %s\n", path, la->archive_error_string(a) ? la->archive_error_string(a) : "cannot read");
        la->archive_read_free(a);
        return NULL;
    }
    char *data = NULL;
    size_t len = 0, cap = 0;
    for (;;) {
        if (cap - len < 65536) {
            char *grown = realloc(data, cap = cap ? 2 * cap : 1 << 20);
            if (!grown) {
                free(data);
                la->archive_read_free(a);
                fputs("depeche: out of memory\n", stderr);
                return NULL;
            }
            data = grown;
        }
        la_ssize_t got = la->archive_read_data(a, data + len, cap - len - 1);
        if (got < 0) {
            fprintf(stderr, "depeche: eval: %s: %s\n", path, la->archive_error_string(a));
            free(data);
            la->archive_read_free(a);
            return NULL;
        }
        if (!got)
            break;
        len += (size_t)got;
    }
    la->archive_read_free(a);
    json_t *articles = json_array();
    unsigned long line = 0;
    for (char *p = data, *end = data + len; articles && p < end; line++) {
        char *nl = memchr(p, '\n', (size_t)(end - p));
        size_t n = nl ? (size_t)(nl - p) : (size_t)(end - p);
        json_error_t error;
        int blank = 1;
        for (size_t k = 0; k < n && blank; k++)
            blank = p[k] == ' ' || p[k] == '\t' || p[k] == '\r';
        json_t *art = blank ? NULL : json_loadb(p, n, 0, &error);
        if (!blank && (!json_is_object(art) || !json_is_string(json_object_get(art, "id")))) {
            fprintf(stderr, "depeche: eval: %s:%lu: %s\n", path, line + 1,
                    art ? "an article needs an \"id\"" : error.text);
            json_decref(art);
            json_decref(articles);
            articles = NULL;
            break;
        }
        if (art)
            json_array_append_new(articles, art);
        p += n + 1;
    }
    free(data);
    return articles;
}

/* The types the file or the tool had events of, in alphabetical order, as the figures list
 * them; how many. */
static size_t types_found(const scores *s, size_t *order)
{
    size_t n = 0;
    for (size_t t = 0; t < N_TYPES; t++) {
        const counts *c = &s->by_type[t];
        if (!c->tp && !c->fp && !c->fn)
            continue;
        size_t k = n++;
        while (k > 0 && strcmp(core_args[order[k - 1]].type, core_args[t].type) > 0) {
            order[k] = order[k - 1];
            k--;
        }
        order[k] = t;
    }
    return n;
}

static counts total_of(const scores *s)
{
    counts total = {0, 0, 0};
    for (size_t t = 0; t <= N_TYPES; t++)
        total.tp += s->by_type[t].tp, total.fp += s->by_type[t].fp, total.fn += s->by_type[t].fn;
    return total;
}

/* A figure as the scorer's JSON writes it: rounded to three places, no trailing zeros. */
static void put_figure(FILE *out, double x)
{
    char s[32];
    snprintf(s, sizeof s, "%.3f", x);
    size_t n = strlen(s);
    while (n > 3 && s[n - 1] == '0' && s[n - 2] != '.')
        s[--n] = '\0';
    fputs(s, out);
}

/* A share (right of all), or `none` when there is nothing to count. */
static void put_share(FILE *out, size_t right, size_t all, const char *none)
{
    if (all)
        put_figure(out, (double)right / (double)all);
    else
        fputs(none, out);
}

static void print_json(const scores *s)
{
    counts total = total_of(s);
    double p, r, f;
    prf(total, &p, &r, &f);
    printf("{\"articles\": %zu, \"missing_outputs\": %zu, \"events\": {\"tp\": %zu, \"fp\": %zu, \"fn\": %zu, "
           "\"precision\": ", s->articles, s->missing, total.tp, total.fp, total.fn);
    put_figure(stdout, p);
    fputs(", \"recall\": ", stdout);
    put_figure(stdout, r);
    fputs(", \"f1\": ", stdout);
    put_figure(stdout, f);
    fputs("}, \"by_type\": {", stdout);
    size_t order[N_TYPES], n = types_found(s, order);
    for (size_t o = 0; o < n; o++) {
        const counts *c = &s->by_type[order[o]];
        prf(*c, &p, &r, &f);
        printf("%s\"%s\": {\"tp\": %zu, \"fp\": %zu, \"fn\": %zu, \"f1\": ", o ? ", " : "",
               core_args[order[o]].type, c->tp, c->fp, c->fn);
        put_figure(stdout, f);
        fputs("}", stdout);
    }
    fputs("}, \"date_accuracy\": ", stdout);
    put_share(stdout, s->dates_right, s->dates, "null");
    fputs(", \"role_accuracy\": ", stdout);
    put_share(stdout, s->roles_right, s->roles, "null");
    fputs(", \"entities\": {", stdout);
    static const char *const kinds[] = {"PERSON", "ORG"};
    for (size_t k = 0; k < 2; k++) {
        prf(s->entities[k], &p, &r, &f);
        printf("%s\"%s\": {\"precision\": ", k ? ", " : "", kinds[k]);
        put_figure(stdout, p);
        fputs(", \"recall\": ", stdout);
        put_figure(stdout, r);
        fputs(", \"f1\": ", stdout);
        put_figure(stdout, f);
        fputs("}", stdout);
    }
    fputs("}}\n", stdout);
}

static void print_table(const scores *s)
{
    double p, r, f;
    printf("articles %zu  (no output for %zu)\n%-16s %4s %4s %4s %6s\n", s->articles, s->missing, "type", "tp",
           "fp", "fn", "F1");
    size_t order[N_TYPES], n = types_found(s, order);
    for (size_t o = 0; o < n; o++) {
        const counts *c = &s->by_type[order[o]];
        prf(*c, &p, &r, &f);
        printf("%-16s %4zu %4zu %4zu %6.3f\n", core_args[order[o]].type, c->tp, c->fp, c->fn, f);
    }
    /* (figures written as the project's scorer writes them: "0.72", "1.0", "None") */
    printf("date accuracy ");
    put_share(stdout, s->dates_right, s->dates, "None");
    printf("   role accuracy ");
    put_share(stdout, s->roles_right, s->roles, "None");
    putchar('\n');
    static const char *const kinds[] = {"PERSON", "ORG"};
    for (size_t k = 0; k < 2; k++) {
        prf(s->entities[k], &p, &r, &f);
        printf("entities %-7s P %.3f R %.3f F1 %.3f\n", kinds[k], p, r, f);
    }
    prf(total_of(s), &p, &r, &f);
    printf("events: P %.3f R %.3f F1 %.3f\n", p, r, f);
}

int main_eval(int argc, char **argv)
{
    cli_options opt;
    depeche_engine *engine;
    int exit_code;
    if (cli_start(argc, argv, 2, "eval", &opt, &engine, &exit_code))
        return exit_code;
    if (opt.n_inputs != 1) {
        fputs("depeche: eval: one gold file (JSON Lines of annotated articles), or '-' for stdin\n"
              "Try 'depeche help eval'.\n", stderr);
        depeche_engine_free(engine);
        cli_free_options(&opt);
        return EXIT_USAGE;
    }
    const char *path = opt.inputs[0];
    json_t *articles = read_gold(path);
    record_sink sink = {.by_id = json_object()};
    int rc = EXIT_USAGE;
    if (articles && sink.by_id) {
        cli_run run = cli_run_for(&opt, engine);
        run.ndjson = 1;
        run.sink = keep_record;
        run.sink_ctx = &sink;
        /* the articles read once, handed to the run as JSON Lines records */
        if (cli_run_start(&run, cli_threads(&opt))) {
            fputs("depeche: cannot start the worker threads\n", stderr);
        } else {
            size_t i;
            json_t *art;
            json_array_foreach(articles, i, art) {
                char *line = json_dumps(art, JSON_COMPACT);
                int stop = !line || cli_submit_copy(&run, CLI_JOB_NDJSON_LINE, path, line, strlen(line));
                free(line);
                if (stop)
                    break;
            }
            cli_run_finish(&run);
            scores s;
            memset(&s, 0, sizeof s);
            s.articles = json_array_size(articles);
            json_array_foreach(articles, i, art) {
                const json_t *record = json_object_get(sink.by_id, json_string_value(json_object_get(art, "id")));
                s.missing += record == NULL;
                score_article(art, record, opt.show, &s);
            }
            if (opt.json)
                print_json(&s);
            else
                print_table(&s);
            rc = cli_run_status(&run) == EXIT_USAGE ? EXIT_USAGE : EXIT_OK;
        }
    }
    json_decref(articles);
    json_decref(sink.by_id);
    depeche_engine_free(engine);
    cli_free_options(&opt);
    return rc;
}
