/* Loading one data file of the caller's into an engine, for tests of data-file errors. */
#ifndef DEPECHE_TEST_DATA_FILE_H
#define DEPECHE_TEST_DATA_FILE_H

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "depeche.h"

/* Builds an engine with the defaults and the file at `path` as a gazetteer (or a pattern
 * file); returns the formatted error, or "" when it loads. Static storage. */
static inline const char *data_file_error(const char *path, int gazetteer)
{
    static char msg[1200];
    depeche_engine_options o = {0};
    if (gazetteer)
        o.gazetteer_paths = &path, o.n_gazetteer_paths = 1;
    else
        o.pattern_paths = &path, o.n_pattern_paths = 1;
    depeche_error err;
    depeche_engine *e = depeche_engine_new(&o, &err);
    msg[0] = '\0';
    if (!e)
        depeche_error_format(&err, msg, sizeof msg);
    depeche_engine_free(e);
    return msg;
}

/* The error that loading `content` as one more data file gives, without the temporary file's
 * path ("2: unknown kind..."), or "" when it loads. Static storage. */
static inline const char *data_error(const char *content, int gazetteer)
{
    char path[] = "/tmp/depeche-gaz-XXXXXX";
    int fd = mkstemp(path);
    if (fd < 0 || write(fd, content, strlen(content)) < 0)
        return "cannot write";
    close(fd);
    const char *msg = data_file_error(path, gazetteer);
    unlink(path);
    const char *colon = strstr(msg, ":");
    return colon ? colon + 1 : msg; /* drop the temporary path */
}

/* An engine with the defaults and `lines` as one more data file (written to a temporary
 * file): a gazetteer, or a pattern file; NULL with err filled when it does not load. The
 * caller frees it. */
static inline depeche_engine *engine_with_file(const char *lines, int gazetteer, depeche_error *err)
{
    char path[] = "/tmp/depeche-data-XXXXXX";
    int fd = mkstemp(path);
    if (fd < 0)
        return NULL;
    ssize_t wrote = write(fd, lines, strlen(lines));
    close(fd);
    const char *paths[] = {path};
    depeche_engine_options o = {0};
    if (gazetteer)
        o.gazetteer_paths = paths, o.n_gazetteer_paths = 1;
    else
        o.pattern_paths = paths, o.n_pattern_paths = 1;
    depeche_engine *e = wrote == (ssize_t)strlen(lines) ? depeche_engine_new(&o, err) : NULL;
    unlink(path);
    return e;
}

static inline depeche_engine *engine_with_patterns(const char *lines, depeche_error *err)
{
    return engine_with_file(lines, 0, err);
}

#endif
