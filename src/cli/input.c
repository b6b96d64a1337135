/* The input loop and the printing sink: every input gives exactly one record, in order. */
#include <dirent.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "cli.h"

/* Deeper than any real archive; stops symlink loops. */
#define CLI_MAX_DEPTH 64

static void emit(cli_run *run, char *json)
{
    if (run->stdout_closed || run->write_error) {
        free(json);
        return;
    }
    if (!json) {
        fputs("depeche: out of memory while printing a record\n", stderr);
        run->write_error = 1;
        return;
    }
    run->records++;
    if (fputs(json, stdout) == EOF || putchar('\n') == EOF || fflush(stdout) == EOF) {
        if (errno == EPIPE)
            run->stdout_closed = 1; /* the reader has all it wanted */
        else {
            fprintf(stderr, "depeche: error writing output: %s\n", strerror(errno));
            run->write_error = 1;
        }
    }
    free(json);
}

void cli_input_failed(cli_run *run, const char *id, const char *source, const char *message)
{
    run->failed++;
    fprintf(stderr, "depeche: error: %s: %s\n", id ? id : "-", message);
    emit(run, depeche_error_json(id, source, message, run->json_flags));
}

void cli_article(cli_run *run, const depeche_input *in)
{
    depeche_error err;
    depeche_document *doc = depeche_extract(run->engine, in, &err);
    if (!doc) {
        char msg[1200];
        cli_input_failed(run, in->id, in->source, depeche_error_format(&err, msg, sizeof msg));
        return;
    }
    emit(run, depeche_document_json(doc, run->json_flags));
    depeche_document_free(doc);
}

static void ndjson_stream(cli_run *run, FILE *f, const char *name)
{
    char *line = NULL;
    size_t cap = 0;
    ssize_t len;
    unsigned long lineno = 0;
    while (!run->stdout_closed && !run->write_error && (len = getline(&line, &cap, f)) >= 0) {
        lineno++;
        while (len > 0 && (line[len - 1] == '\n' || line[len - 1] == '\r'))
            len--;
        size_t blank = 0;
        while (blank < (size_t)len && (line[blank] == ' ' || line[blank] == '\t'))
            blank++;
        if (blank == (size_t)len)
            continue; /* blank lines separate nothing and hold no record */
        depeche_input in;
        depeche_record *record;
        depeche_error err;
        char fallback_id[600];
        snprintf(fallback_id, sizeof fallback_id, "%s:%lu", name, lineno);
        if (depeche_record_parse(line, (size_t)len, &in, &record, &err)) {
            char msg[700];
            snprintf(msg, sizeof msg, "%s:%lu: %s", name, lineno, err.message);
            cli_input_failed(run, in.id ? in.id : fallback_id, in.source, msg);
        } else {
            if (!in.id)
                in.id = fallback_id;
            cli_article(run, &in);
        }
        depeche_record_free(record);
    }
    if (ferror(f))
        cli_input_failed(run, name, name, strerror(errno));
    free(line);
}

void cli_file(cli_run *run, const char *path, int ndjson)
{
    if (ndjson) {
        int is_stdin = !strcmp(path, "-");
        FILE *f = is_stdin ? stdin : fopen(path, "rb");
        if (!f) {
            cli_input_failed(run, path, path, strerror(errno));
            return;
        }
        ndjson_stream(run, f, is_stdin ? "<stdin>" : path);
        if (!is_stdin)
            fclose(f);
        return;
    }
    char *data;
    size_t len;
    depeche_error err;
    if (depeche_read_file(path, &data, &len, &err)) {
        cli_input_failed(run, path, strcmp(path, "-") ? path : NULL, err.message);
        return;
    }
    depeche_input in = {.id = path, .source = strcmp(path, "-") ? path : NULL, .text = data, .length = len};
    cli_article(run, &in);
    free(data);
}

static int by_name(const struct dirent **a, const struct dirent **b)
{
    return strcmp((*a)->d_name, (*b)->d_name);
}

static void walk(cli_run *run, const char *path, int ndjson, int depth)
{
    struct stat st;
    if (strcmp(path, "-") && stat(path, &st)) {
        cli_input_failed(run, path, path, strerror(errno));
        return;
    }
    if (!strcmp(path, "-") || !S_ISDIR(st.st_mode)) {
        cli_file(run, path, ndjson);
        return;
    }
    if (depth >= CLI_MAX_DEPTH) {
        cli_input_failed(run, path, path, "directories nested too deep (a symlink loop?)");
        return;
    }
    struct dirent **names;
    int n = scandir(path, &names, NULL, by_name);
    if (n < 0) {
        cli_input_failed(run, path, path, strerror(errno));
        return;
    }
    for (int i = 0; i < n; i++) {
        const char *name = names[i]->d_name;
        if (name[0] != '.' && !run->stdout_closed && !run->write_error) {
            size_t len = strlen(path) + strlen(name) + 2;
            char *full = malloc(len);
            if (full) {
                snprintf(full, len, "%s%s%s", path, path[strlen(path) - 1] == '/' ? "" : "/", name);
                walk(run, full, ndjson, depth + 1);
                free(full);
            } else {
                cli_input_failed(run, name, NULL, "out of memory");
            }
        }
        free(names[i]);
    }
    free(names);
}

void cli_path(cli_run *run, const char *path, int ndjson)
{
    walk(run, path, ndjson, 0);
}
