/* Types shared by the pipeline's stages. Private to the library. */
#ifndef DEPECHE_INTERNAL_H
#define DEPECHE_INTERNAL_H

#include <stddef.h>
#include <stdint.h>

#include "depeche.h"

#define DP_ARRAY_LEN(a) (sizeof(a) / sizeof((a)[0]))

/* ---- Errors (error.c) ---- */

/* Fills err (if not NULL) with code, location and a printf-style message; returns code. */
int dp_fail(depeche_error *err, depeche_status code, const char *path, unsigned long line,
            unsigned long offset, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 6, 7)))
#endif
    ;

/* jansson's json_loadb with `flags` into *root (the caller releases it), its failures as
 * values: returns 0, DEPECHE_ERR_NOMEM, or DEPECHE_ERR_INPUT with the column and jansson's
 * message in err. */
struct json_t;
int dp_json_load(const char *text, size_t length, size_t flags, struct json_t **root, depeche_error *err);

/* ---- Allocation (alloc.c) ---- */

/* The library allocates only through these (jansson and PCRE2 too, see dp_library_init): the
 * system's allocator, freed with free(), with a failure tests can inject. */
void *dp_malloc(size_t size);
void *dp_calloc(size_t count, size_t size);
void *dp_realloc(void *p, size_t size);
char *dp_strdup(const char *s);
char *dp_strndup(const char *s, size_t n);
/* Tests only: counting restarts, and the k-th allocation from now fails (k >= 1), once; k = 0
 * disarms. */
void dp_alloc_fail_at(long k);
/* Allocations counted since the last dp_alloc_fail_at. */
long dp_alloc_calls(void);
/* Brackets (on = 1, then 0) a call into code that aborts rather than fail when an allocation
 * fails, so that tests inject no failure there: jansson 2.14's parser asserts when it cannot
 * grow a string's buffer (load.c, lex_scan_string); dp_json_load holds it. */
void dp_alloc_hold(int on);

/* ---- Growable arrays and strings (buffer.c) ---- */

/* Makes room for `need` items of `size` bytes in *items (capacity *cap, doubled as needed).
 * Returns 0, or -1 when memory ran out (then *items is unchanged and still owned by caller). */
int dp_reserve(void **items, size_t *cap, size_t need, size_t size);

/* Appends one item, growing the array: `DP_PUSH(arr, n, cap, value)` evaluates to 0 or -1. */
#define DP_PUSH(arr, n, cap, value)                                                      \
    (dp_reserve((void **)&(arr), &(cap), (n) + 1, sizeof(*(arr))) ? -1                   \
                                                                  : ((arr)[(n)++] = (value), 0))

typedef struct dp_strbuf {
    char *data; /* NUL-terminated once anything was appended; owned */
    size_t len, cap;
} dp_strbuf;

int dp_strbuf_append(dp_strbuf *b, const char *s, size_t n);
int dp_strbuf_putc(dp_strbuf *b, char c);
int dp_strbuf_puts(dp_strbuf *b, const char *s);
/* Appends printf-style; returns 0 or -1 when memory ran out. */
int dp_strbuf_printf(dp_strbuf *b, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 2, 3)))
#endif
    ;
/* Appends v as 4 bytes, little-endian (the images' byte order); 0 or -1. */
int dp_strbuf_put_u32(dp_strbuf *b, uint32_t v);
/* Transfers the buffer to the caller (free() it); the strbuf is empty afterwards. */
char *dp_strbuf_take(dp_strbuf *b);
void dp_strbuf_release(dp_strbuf *b);

/* Decodes the UTF-8 code point at s[*i] (s holds n bytes, valid UTF-8) and advances *i. */
static inline uint32_t dp_utf8_next(const char *s, size_t n, size_t *i)
{
    const unsigned char *p = (const unsigned char *)s + *i;
    uint32_t c = p[0];
    if (c < 0x80 || *i + 1 >= n) { *i += 1; return c; }
    if (c < 0xE0) { *i += 2; return ((c & 0x1F) << 6) | (p[1] & 0x3F); }
    if (c < 0xF0 || *i + 3 > n) {
        *i += 3;
        return ((c & 0x0F) << 12) | ((uint32_t)(p[1] & 0x3F) << 6) | (p[2] & 0x3F);
    }
    *i += 4;
    return ((c & 0x07) << 18) | ((uint32_t)(p[1] & 0x3F) << 12) | ((uint32_t)(p[2] & 0x3F) << 6) |
           (p[3] & 0x3F);
}

/* The little-endian u32 at p: the binary images (lexicon, syntax model) are read in place. */
static inline uint32_t dp_read_u32(const unsigned char *p)
{
    return (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 | (uint32_t)p[3] << 24;
}

/* Encodes c as UTF-8 into out (4 bytes of room); returns the byte count. */
size_t dp_utf8_encode(uint32_t c, char *out);

/* Code points in s[0..n) (valid UTF-8): the count of bytes that do not continue a sequence. */
size_t dp_utf8_count(const char *s, size_t n);

/* Is s[0..n) the word `lit`? (Data-file kinds, attribute names.) */
static inline int dp_word_is(const char *s, size_t n, const char *lit)
{
    size_t k = 0;
    while (lit[k] && k < n && s[k] == lit[k])
        k++;
    return k == n && !lit[k];
}

/* ---- Spans into the normalized text ---- */

typedef struct dp_span {
    uint32_t start, end; /* byte offsets into dp_text.norm, end exclusive */
} dp_span;

#endif
