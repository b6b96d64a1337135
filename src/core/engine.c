/* Loading the engine: every data file goes through one reader and one dispatcher, so every
 * bad line is reported alike, as "file:line: message". */
#include <dirent.h>
#include <errno.h>
#include <jansson.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "engine.h"
#include "resource.h"

/* Hands one data line to the stage that owns its kind. */
static int load_line(depeche_engine *e, const char *path, unsigned long lineno, const char *line,
                     size_t len, depeche_error *err)
{
    const char *kind, *start = line;
    size_t kind_len;
    dp_next_field(&line, &len, &kind, &kind_len);
    int rc = dp_token_rules_load(&e->tokens, kind, kind_len, line, len, path, lineno, err);
    if (!rc)
        rc = dp_morpho_load(&e->syntax.morpho, kind, kind_len, line, len, path, lineno, err);
    if (!rc)
        rc = dp_date_rules_load(&e->dates, kind, kind_len, line, len, path, lineno, err);
    if (!rc)
        rc = dp_segment_rules_load(&e->segments, kind, kind_len, line, len, path, lineno, err);
    if (!rc)
        rc = dp_match_rules_load(&e->matcher, kind, kind_len, line, len, path, lineno, err);
    if (!rc)
        rc = dp_event_rules_load(&e->events, kind, kind_len, line, len, path, lineno, err);
    if (!rc)
        rc = dp_frame_rules_load(&e->frames, kind, kind_len, line, len, path, lineno, err);
    if (!rc)
        rc = dp_amount_rules_load(&e->amounts, kind, kind_len, line, len, path, lineno, err);
    if (!rc)
        rc = dp_summary_rules_load(&e->summaries, kind, kind_len, line, len, path, lineno, err);
    if (!rc)
        rc = dp_fail(err, DEPECHE_ERR_DATA, path, lineno, 0,
                     "unknown kind '%.*s' (known: title, abbreviation, elision, word, clitic, form, contraction, "
                     "month, weekday, boilerplate, boilerplate-block, boilerplate-footer, "
                     "teasers, teaser-link, published, byline, class, entity, relative, cue, event, summary, "
                     "frame, example, example-headline, modal, negation, denial, plan, forced, light, demand, "
                     "share, union, medium, department, soon, model, naming, scale, "
                     "currency)",
                     (int)(kind_len > 40 ? 40 : kind_len), kind);
    /* a pattern's error offset counts from the start of the line, where users look */
    if (rc == DEPECHE_ERR_DATA && err && err->offset)
        err->offset += (unsigned long)(line - start);
    return rc < 0 ? rc : 0;
}

/* A data file: gazetteer entries, or pattern lines of any kind. */
static int load_text(depeche_engine *e, const char *path, const char *data, size_t size,
                     int gazetteer, depeche_error *err)
{
    dp_line_reader r;
    const char *line;
    size_t len;
    dp_line_reader_init(&r, path, data, size);
    while (dp_line_reader_next(&r, &line, &len)) {
        if (memchr(line, '\0', len))
            return dp_fail(err, DEPECHE_ERR_DATA, path, r.line, 0, "NUL byte in a data file");
        int rc = gazetteer ? dp_gazetteer_load_line(&e->gazetteer, &e->tokens, line, len, path,
                                                    r.line, err)
                           : load_line(e, path, r.line, line, len, err);
        if (rc)
            return rc;
    }
    return 0;
}

static int load_user_file(depeche_engine *e, const char *path, int gazetteer, depeche_error *err)
{
    char *copy = dp_strdup(path);
    if (!copy || DP_PUSH(e->paths, e->n_paths, e->paths_cap, copy)) {
        free(copy);
        return dp_fail(err, DEPECHE_ERR_NOMEM, path, 0, 0, "out of memory");
    }
    char *data;
    size_t size;
    int rc = depeche_read_file(copy, &data, &size, err);
    if (rc)
        return rc == DEPECHE_ERR_IO ? DEPECHE_ERR_DATA : rc;
    rc = load_text(e, copy, data, size, gazetteer, err);
    free(data);
    return rc;
}

static int has_suffix(const char *s, const char *suffix)
{
    size_t n = strlen(s), k = strlen(suffix);
    return n >= k && !strcmp(s + n - k, suffix);
}

static int by_name(const struct dirent **a, const struct dirent **b)
{
    return strcmp((*a)->d_name, (*b)->d_name);
}

/* A file, or a directory walked for *.txt in name order (so that loading is reproducible). */
static int load_user_path(depeche_engine *e, const char *path, int gazetteer, depeche_error *err)
{
    struct stat st;
    if (stat(path, &st))
        return dp_fail(err, DEPECHE_ERR_DATA, path, 0, 0, "%s", strerror(errno));
    if (!S_ISDIR(st.st_mode))
        return load_user_file(e, path, gazetteer, err);
    struct dirent **names;
    int n = scandir(path, &names, NULL, by_name);
    if (n < 0)
        return dp_fail(err, DEPECHE_ERR_DATA, path, 0, 0, "%s", strerror(errno));
    int rc = 0;
    for (int i = 0; i < n; i++) {
        if (!rc && names[i]->d_name[0] != '.' && has_suffix(names[i]->d_name, ".txt")) {
            size_t len = strlen(path) + strlen(names[i]->d_name) + 2;
            char *full = dp_malloc(len);
            if (!full)
                rc = dp_fail(err, DEPECHE_ERR_NOMEM, path, 0, 0, "out of memory");
            else {
                snprintf(full, len, "%s/%s", path, names[i]->d_name);
                rc = load_user_path(e, full, gazetteer, err);
                free(full);
            }
        }
        free(names[i]);
    }
    free(names);
    return rc;
}

static pthread_once_t library_once = PTHREAD_ONCE_INIT;

/* Global set-up of the libraries depeche uses, once per process whichever threads make engines
 * at once: jansson's allocator (the library's, which forwards to malloc and free, so that a
 * caller's own use of jansson is unaffected but for injected failures). libxml2 sets itself up
 * when the first page loads it. */
static void library_init(void)
{
    json_set_alloc_funcs(dp_malloc, free);
}

/* The tokenizer's question, whether a lowercase word is a French one, put to the lexicon. */
static int lexicon_word(const void *ctx, const char *word, size_t len)
{
    return dp_morpho_common_word(ctx, word, len);
}

depeche_engine *depeche_engine_new(const depeche_engine_options *options, depeche_error *err)
{
    pthread_once(&library_once, library_init);
    depeche_engine *e = dp_calloc(1, sizeof *e);
    if (!e) {
        dp_fail(err, DEPECHE_ERR_NOMEM, NULL, 0, 0, "out of memory");
        return NULL;
    }
    /* the lexicon before the patterns, whose "form" lines override it; patterns before the
     * gazetteers, whose names are split into tokens by the tokenizer's rules */
    int rc = dp_morpho_open(&e->syntax.morpho, dp_lexicon_image,
                            (size_t)(dp_lexicon_image_end - dp_lexicon_image), "lexicon image",
                            err);
    if (!rc)
        rc = dp_syntax_model_open(&e->syntax.model, dp_syntax_image,
                                  (size_t)(dp_syntax_image_end - dp_syntax_image), 0,
                                  "models/fr-ud.model", err);
    e->tokens.french_word = lexicon_word;
    e->tokens.french_word_ctx = &e->syntax.morpho;
    int defaults = !options || !options->no_defaults;
    for (const dp_resource *r = dp_default_resources; defaults && r->path && !rc; r++)
        if (!strncmp(r->path, "patterns/", 9))
            rc = load_text(e, r->path, r->data, r->size, 0, err);
    for (size_t i = 0; options && i < options->n_pattern_paths && !rc; i++)
        rc = load_user_path(e, options->pattern_paths[i], 0, err);
    if (defaults && dp_gazetteer_image_size)
        rc = rc ? rc : dp_gazetteer_open_image(&e->gazetteer, dp_gazetteer_image,
                                               dp_gazetteer_image_size, err);
    else
        for (const dp_resource *r = dp_default_resources; defaults && r->path && !rc; r++)
            if (!strncmp(r->path, "gazetteers/", 11))
                rc = load_text(e, r->path, r->data, r->size, 1, err);
    for (size_t i = 0; options && i < options->n_gazetteer_paths && !rc; i++)
        rc = load_user_path(e, options->gazetteer_paths[i], 1, err);
    if (!rc)
        rc = dp_segment_rules_finish(&e->segments, err);
    if (!rc)
        rc = dp_match_rules_finish(&e->matcher, err);
    if (!rc)
        rc = dp_event_rules_finish(&e->events, err);
    if (!rc)
        rc = dp_frame_rules_finish(&e->frames, err);
    if (rc) {
        depeche_engine_free(e);
        return NULL;
    }
    return e;
}

void depeche_engine_free(depeche_engine *e)
{
    if (!e)
        return;
    dp_token_rules_release(&e->tokens);
    dp_date_rules_release(&e->dates);
    dp_segment_rules_release(&e->segments);
    dp_match_rules_release(&e->matcher);
    dp_gazetteer_release(&e->gazetteer);
    dp_event_rules_release(&e->events);
    dp_frame_rules_release(&e->frames);
    dp_amount_rules_release(&e->amounts);
    dp_summary_rules_release(&e->summaries);
    dp_morpho_release(&e->syntax.morpho);
    for (size_t i = 0; i < e->n_paths; i++)
        free(e->paths[i]);
    free(e->paths);
    free(e);
}
