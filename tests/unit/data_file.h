/* Loading one data file of the caller's into an engine, for tests of data-file errors. */
#ifndef DEPECHE_TEST_DATA_FILE_H
#define DEPECHE_TEST_DATA_FILE_H

#include <stdio.h>
#include <string.h>

#include "depeche.h"

/* Builds an engine with the defaults and the file at `path` as a gazetteer (or a pattern
 * file); returns the formatted error, or "" when it loads. Static storage. */
static const char *data_file_error(const char *path, int gazetteer)
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

#endif
