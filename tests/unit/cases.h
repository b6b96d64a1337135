/* Reads a case file: lines "input<TAB>expected", '#' comments and blank lines skipped. */
#ifndef DEPECHE_CASES_H
#define DEPECHE_CASES_H

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef void (*case_fn)(const char *input, const char *expected, const char *where);

/* Runs fn on every case of path; returns the number of cases, or -1 if unreadable. */
static int run_cases(const char *path, case_fn fn)
{
    FILE *f = fopen(path, "rb");
    if (!f) {
        fprintf(stderr, "cannot open %s\n", path);
        return -1;
    }
    char *line = NULL;
    size_t cap = 0;
    int n = 0;
    unsigned long lineno = 0;
    while (getline(&line, &cap, f) >= 0) {
        lineno++;
        line[strcspn(line, "\r\n")] = '\0';
        if (!line[0] || line[0] == '#')
            continue;
        char *tab = strchr(line, '\t');
        char where[600];
        snprintf(where, sizeof where, "%s:%lu", path, lineno);
        if (!tab) {
            fprintf(stderr, "%s: no tab between input and expected output\n", where);
            n = -1;
            break;
        }
        *tab = '\0';
        fn(line, tab + 1, where);
        n++;
    }
    free(line);
    fclose(f);
    return n;
}

/* The engine every case uses, with the default data. */
#include "check.h"
#include "depeche.h"
static depeche_engine *engine;

/* Loads the engine and runs the case file argv[1] with fn; returns 0 when at least
 * min_cases ran (the engine stays for more checks; the caller frees it), else 1. */
static int cases_main(int argc, char **argv, case_fn fn, int min_cases)
{
    depeche_error err;
    engine = depeche_engine_new(NULL, &err);
    CHECK(engine != NULL);
    if (!engine || argc < 2)
        return 1;
    CHECK(run_cases(argv[1], fn) >= min_cases);
    return 0;
}

#endif
