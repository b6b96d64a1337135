/* A minimal test harness: CHECK macros count, the last line says "N passed, N failed". */
#ifndef DEPECHE_CHECK_H
#define DEPECHE_CHECK_H

#include <stdio.h>
#include <string.h>

static int check_passed, check_failed;

#define CHECK_AT(cond, file, line, ...)                                                      \
    do {                                                                                     \
        if (cond) {                                                                          \
            check_passed++;                                                                  \
        } else {                                                                             \
            check_failed++;                                                                  \
            fprintf(stderr, "%s:%d: check failed: ", file, line);                          \
            fprintf(stderr, __VA_ARGS__);                                                    \
            fputc('\n', stderr);                                                             \
        }                                                                                    \
    } while (0)

#define CHECK(cond) CHECK_AT((cond), __FILE__, __LINE__, "%s", #cond)
#define CHECK_INT(got, want)                                                                 \
    do {                                                                                     \
        long long g_ = (long long)(got), w_ = (long long)(want);                             \
        CHECK_AT(g_ == w_, __FILE__, __LINE__, "%s is %lld, expected %lld", #got, g_, w_); \
    } while (0)
#define CHECK_STR(got, want)                                                                 \
    do {                                                                                     \
        const char *g_ = (got), *w_ = (want);                                                \
        CHECK_AT(g_ && w_ && !strcmp(g_, w_), __FILE__, __LINE__, "%s is \"%s\", expected \"%s\"", \
                 #got, g_ ? g_ : "(null)", w_ ? w_ : "(null)");                              \
    } while (0)

static int check_report(void)
{
    printf("%d passed, %d failed\n", check_passed, check_failed);
    return check_failed ? 1 : 0;
}

#endif
