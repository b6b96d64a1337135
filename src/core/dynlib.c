/* Shared libraries loaded when first needed (see dynlib.h). */
#include <dlfcn.h>
#include <stdio.h>
#include <string.h>

#include "dynlib.h"

/* A function's address is copied from dlsym's object pointer into a function pointer. */
_Static_assert(sizeof(void (*)(void)) == sizeof(void *), "function pointers are data pointers' size");

int dp_dynlib_load(const char *soname, const dp_dynlib_symbol *symbols, size_t n, char *why,
                   size_t why_len)
{
    void *library = dlopen(soname, RTLD_NOW | RTLD_LOCAL);
    if (!library) {
        const char *message = dlerror();
        if (message)
            snprintf(why, why_len, "%s", message);
        else
            snprintf(why, why_len, "%s cannot be loaded", soname);
        return -1;
    }
    for (size_t i = 0; i < n; i++) {
        void *address = dlsym(library, symbols[i].name);
        if (!address) {
            snprintf(why, why_len, "%s has no %s", soname, symbols[i].name);
            dlclose(library);
            return -1;
        }
        memcpy(symbols[i].slot, &address, sizeof address);
    }
    return 0;
}
