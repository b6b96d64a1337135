/* Shared libraries loaded when first needed rather than linked: libxml2 (web pages) and
 * libarchive (archives) are needed by few runs, and linking them loads them, with ICU and the
 * C++ runtime that libxml2 brings, into every run: 3.5 ms of a one-article run's start-up. */
#ifndef DEPECHE_DYNLIB_H
#define DEPECHE_DYNLIB_H

#include <stddef.h>

/* One symbol to look up, and where its address goes (a function pointer's own storage: the
 * address is copied into it, as POSIX lets a function's address be read from dlsym). */
typedef struct dp_dynlib_symbol {
    const char *name;
    void *slot;
} dp_dynlib_symbol;

/* Loads the library named `soname` and fills every symbol's slot; the library stays loaded for
 * the life of the process. Returns 0, or -1 with why[0..why_len) saying what failed (the
 * library missing, a symbol missing: never empty). Not thread-safe: callers load once
 * (pthread_once). */
int dp_dynlib_load(const char *soname, const dp_dynlib_symbol *symbols, size_t n, char *why,
                   size_t why_len);

#endif
