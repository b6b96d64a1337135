/* libarchive, loaded when first needed (libarchive.h). */
#include <pthread.h>

#include "dynlib.h"
#include "libarchive.h"

static cli_libarchive functions;
static pthread_once_t once = PTHREAD_ONCE_INIT;
static char missing[256]; /* why libarchive could not be loaded, or "" */

static void load(void)
{
#define SYMBOL(f) {#f, &functions.f},
    const dp_dynlib_symbol symbols[] = {CLI_LIBARCHIVE_FUNCTIONS(SYMBOL)};
#undef SYMBOL
    dp_dynlib_load(DP_LIBARCHIVE_SONAME, symbols, sizeof symbols / sizeof *symbols, missing, sizeof missing);
}

const cli_libarchive *cli_libarchive_get(const char **why)
{
    pthread_once(&once, load);
    *why = missing;
    return missing[0] ? NULL : &functions;
}
