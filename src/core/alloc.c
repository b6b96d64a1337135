/* The library's allocator: the system's, with one failure a test can place at the k-th call so
 * that every error path runs (tests/unit/test_alloc.c walks k = 1, 2, ...). */
#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"

/* Allocations counted since dp_alloc_fail_at, and the one that fails (0: none). */
static atomic_long calls;
static atomic_long failing_call;
/* Nonzero while this thread runs code that cannot survive a failure (see dp_alloc_hold). */
static _Thread_local int held;

void dp_alloc_fail_at(long k)
{
    atomic_store(&calls, 0);
    atomic_store(&failing_call, k);
}

long dp_alloc_calls(void)
{
    return atomic_load(&calls);
}

void dp_alloc_hold(int on)
{
    held += on ? 1 : -1;
}

/* Whether this allocation is the one to fail; costs one relaxed load when no test armed it. */
static int should_fail(void)
{
    if (!atomic_load_explicit(&failing_call, memory_order_relaxed) || held)
        return 0;
    return atomic_fetch_add(&calls, 1) + 1 == atomic_load(&failing_call);
}

void *dp_malloc(size_t size)
{
    return should_fail() ? NULL : malloc(size);
}

void *dp_calloc(size_t count, size_t size)
{
    return should_fail() ? NULL : calloc(count, size);
}

void *dp_realloc(void *p, size_t size)
{
    return should_fail() ? NULL : realloc(p, size);
}

char *dp_strdup(const char *s)
{
    return dp_strndup(s, strlen(s));
}

char *dp_strndup(const char *s, size_t n)
{
    size_t len = strnlen(s, n);
    char *copy = dp_malloc(len + 1);
    if (copy) {
        memcpy(copy, s, len);
        copy[len] = '\0';
    }
    return copy;
}
