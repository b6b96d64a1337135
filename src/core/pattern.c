/* PCRE2 with JIT, limits on every match, and file:line errors at compile time. */
#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "pattern.h"

/* Bounds for hostile input: generous for any sane rule on a sentence or line, small enough that
 * a catastrophic pattern gives up within milliseconds instead of hanging a batch. */
#define DP_MATCH_LIMIT 200000
#define DP_DEPTH_LIMIT 2000
#define DP_HEAP_LIMIT_KIB 4096
/* Room for the groups of every rule joined in one regex (group 0 included): checked as rules
 * are added. */
#define DP_MATCH_PAIRS 1024
/* JIT-compiling the rules cost a third of a one-article run, and the interpreter matches most
 * of them over a short article faster than JIT compiles them: a regex is JIT-compiled once it
 * has been matched this many times, which a batch reaches within its first articles (300
 * articles cost 0.6% more instructions, a one-article run 15% fewer). */
#define DP_JIT_AFTER_MATCHES 20

struct dp_regex {
    pcre2_code *code;
    /* code's JIT-compiled copy once it is made: published whole, so that threads matching
     * meanwhile keep to the interpreter without a lock */
    _Atomic(pcre2_code *) jitted;
    atomic_uint matches; /* counted while a JIT-compiled copy is still to be made */
    int jit;             /* whether to make one (not for code JIT-compiled at once, or never) */
    pcre2_match_context *context;
};

struct dp_match_data {
    pcre2_match_data *data;
    size_t limits_hit; /* matches given up at the match, depth or heap limit */
    int out_of_memory; /* a match could not allocate its backtracking frames */
};

static void *pcre2_allocate(size_t size, void *unused)
{
    (void)unused;
    return dp_malloc(size);
}

static void pcre2_release(void *p, void *unused)
{
    (void)unused;
    free(p);
}

/* PCRE2 allocates through the library's allocator: a general context made for each object
 * (PCRE2 copies its functions into what it creates), freed by the caller. */
static pcre2_general_context *general_context(void)
{
    return pcre2_general_context_create(pcre2_allocate, pcre2_release, NULL);
}

dp_regex *dp_regex_compile(const char *pattern, size_t len, unsigned flags, const char *path,
                           unsigned long line, depeche_error *err)
{
    int code;
    PCRE2_SIZE offset;
    uint32_t options = PCRE2_UTF | PCRE2_UCP; /* patterns come from files: check their UTF-8 */
    if (flags & DP_RE_CASELESS)
        options |= PCRE2_CASELESS;
    if (flags & DP_RE_DUPNAMES)
        options |= PCRE2_DUPNAMES;
    if (flags & DP_RE_CHECK_ONLY)
        options |= PCRE2_NO_AUTO_POSSESS | PCRE2_NO_START_OPTIMIZE | PCRE2_NO_DOTSTAR_ANCHOR;
    dp_regex *re = dp_calloc(1, sizeof *re);
    if (!re) {
        dp_fail(err, DEPECHE_ERR_NOMEM, path, line, 0, "out of memory");
        return NULL;
    }
    pcre2_general_context *memory = general_context();
    pcre2_compile_context *compiling = memory ? pcre2_compile_context_create(memory) : NULL;
    code = PCRE2_ERROR_HEAP_FAILED;
    re->code = compiling ? pcre2_compile((PCRE2_SPTR)pattern, len, options, &code, &offset, compiling) : NULL;
    pcre2_compile_context_free(compiling);
    if (!re->code) {
        pcre2_general_context_free(memory);
        free(re);
        if (code == PCRE2_ERROR_HEAP_FAILED) {
            dp_fail(err, DEPECHE_ERR_NOMEM, path, line, 0, "out of memory");
            return NULL;
        }
        PCRE2_UCHAR msg[256];
        if (pcre2_get_error_message(code, msg, sizeof msg) < 0)
            msg[0] = '\0';
        dp_fail(err, DEPECHE_ERR_DATA, path, line, (unsigned long)offset, "%s", (char *)msg);
        return NULL;
    }
    re->jit = !(flags & (DP_RE_NO_JIT | DP_RE_CHECK_ONLY));
    atomic_init(&re->jitted, NULL);
    if (re->jit && (flags & DP_RE_JIT_AT_ONCE) && pcre2_jit_compile(re->code, PCRE2_JIT_COMPLETE) == 0)
        re->jit = 0; /* the code itself is JIT-compiled */
    atomic_init(&re->matches, 0);
    re->context = pcre2_match_context_create(memory);
    pcre2_general_context_free(memory);
    if (!re->context) {
        dp_regex_free(re);
        dp_fail(err, DEPECHE_ERR_NOMEM, path, line, 0, "out of memory");
        return NULL;
    }
    pcre2_set_match_limit(re->context, DP_MATCH_LIMIT);
    pcre2_set_depth_limit(re->context, DP_DEPTH_LIMIT);
    pcre2_set_heap_limit(re->context, DP_HEAP_LIMIT_KIB);
    return re;
}

void dp_regex_free(dp_regex *re)
{
    if (!re)
        return;
    pcre2_match_context_free(re->context);
    pcre2_code_free(atomic_load(&re->jitted));
    pcre2_code_free(re->code);
    free(re);
}

uint32_t dp_regex_captures(const dp_regex *re)
{
    uint32_t n = 0;
    pcre2_pattern_info(re->code, PCRE2_INFO_CAPTURECOUNT, &n);
    return n;
}

uint32_t dp_regex_group(const dp_regex *re, const char *name)
{
    int n = pcre2_substring_number_from_name(re->code, (PCRE2_SPTR)name);
    return n > 0 ? (uint32_t)n : 0;
}

dp_match_data *dp_match_data_new(void)
{
    dp_match_data *md = dp_calloc(1, sizeof *md);
    if (!md)
        return NULL;
    pcre2_general_context *memory = general_context();
    md->data = memory ? pcre2_match_data_create(DP_MATCH_PAIRS, memory) : NULL;
    pcre2_general_context_free(memory);
    if (!md->data) {
        free(md);
        return NULL;
    }
    return md;
}

void dp_match_data_free(dp_match_data *md)
{
    if (!md)
        return;
    pcre2_match_data_free(md->data);
    free(md);
}

/* The code to match with: the JIT-compiled copy once there is one; the thread whose match
 * reaches DP_JIT_AFTER_MATCHES makes it (where JIT is unavailable, the interpreter for good). */
static const pcre2_code *code_to_match(dp_regex *re)
{
    pcre2_code *jitted = atomic_load_explicit(&re->jitted, memory_order_acquire);
    if (jitted || !re->jit)
        return jitted ? jitted : re->code;
    if (atomic_fetch_add_explicit(&re->matches, 1, memory_order_relaxed) + 1 == DP_JIT_AFTER_MATCHES) {
        pcre2_code *copy = pcre2_code_copy(re->code);
        if (copy && pcre2_jit_compile(copy, PCRE2_JIT_COMPLETE) == 0)
            atomic_store_explicit(&re->jitted, copy, memory_order_release);
        else
            pcre2_code_free(copy);
    }
    return re->code;
}

int dp_regex_uses_jit(const dp_regex *re)
{
    size_t size = 0;
    const pcre2_code *code = atomic_load_explicit(&((dp_regex *)re)->jitted, memory_order_acquire);
    return pcre2_pattern_info(code ? code : re->code, PCRE2_INFO_JITSIZE, &size) == 0 && size > 0;
}

int dp_jit_available(void)
{
    uint32_t jit = 0;
    return pcre2_config(PCRE2_CONFIG_JIT, &jit) >= 0 && jit;
}

int dp_regex_match(dp_regex *re, const char *subject, size_t len, size_t start, dp_match_data *md)
{
    int rc = pcre2_match(code_to_match(re), (PCRE2_SPTR)subject, len, start, PCRE2_NO_UTF_CHECK, md->data,
                         re->context);
    if (rc == PCRE2_ERROR_MATCHLIMIT || rc == PCRE2_ERROR_DEPTHLIMIT || rc == PCRE2_ERROR_HEAPLIMIT)
        md->limits_hit++;
    else if (rc == PCRE2_ERROR_NOMEMORY)
        md->out_of_memory = 1;
    return rc >= 0; /* 0: matched, with more groups than the match data holds */
}

size_t dp_match_limits_hit(const dp_match_data *md)
{
    return md->limits_hit;
}

int dp_match_out_of_memory(const dp_match_data *md)
{
    return md->out_of_memory;
}

int dp_match_group(const dp_match_data *md, unsigned group, size_t *start, size_t *end)
{
    if (group >= pcre2_get_ovector_count(md->data))
        return 0;
    PCRE2_SIZE *ov = pcre2_get_ovector_pointer(md->data);
    if (ov[2 * group] == PCRE2_UNSET)
        return 0;
    *start = ov[2 * group];
    *end = ov[2 * group + 1];
    return 1;
}

long dp_rule_set_add(dp_rule_set *s, const char *pattern, size_t len, unsigned flags,
                     const char *path, unsigned long line, const char *const *names,
                     size_t n_names, uint32_t *numbers, depeche_error *err)
{
    /* compiled alone for its errors and group numbers only: the joined regex is what matches,
     * and JIT-compiling each rule too was a quarter of start-up */
    dp_regex *alone = dp_regex_compile(pattern, len, flags | DP_RE_CHECK_ONLY, path, line, err);
    if (!alone)
        return err ? err->code : DEPECHE_ERR_DATA;
    uint32_t marker = s->groups + 1;
    for (size_t i = 0; i < n_names; i++) {
        uint32_t local = dp_regex_group(alone, names[i]);
        numbers[i] = local ? marker + local : 0;
    }
    s->groups = marker + dp_regex_captures(alone);
    dp_regex_free(alone);
    if (s->groups >= DP_MATCH_PAIRS)
        return dp_fail(err, DEPECHE_ERR_DATA, path, line, 0,
                       "too many capture groups: this rule brings its kind's rules to %u groups, "
                       "past the %d they may hold together", (unsigned)s->groups, DP_MATCH_PAIRS - 1);
    size_t n = s->n;
    /* the rule bracketed whole, so that the marker opens each of its alternatives */
    if (DP_PUSH(s->markers, n, s->markers_cap, marker) ||
        dp_strbuf_append(&s->source, s->n ? "|(?:()(?:" : "(?:()(?:", s->n ? 9 : 8) ||
        dp_strbuf_append(&s->source, pattern, len) || dp_strbuf_append(&s->source, "))", 2))
        return dp_fail(err, DEPECHE_ERR_NOMEM, path, line, 0, "out of memory");
    return (long)s->n++;
}

int dp_rule_set_finish(dp_rule_set *s, unsigned flags, const char *path, depeche_error *err)
{
    if (!s->n)
        return 0;
    s->combined = dp_regex_compile(s->source.data, s->source.len, flags | DP_RE_DUPNAMES, path, 0, err);
    if (!s->combined && err && err->code == DEPECHE_ERR_DATA)
        snprintf(err->message, sizeof err->message,
                 "the rules compile one by one but not together (an unterminated \\Q?)");
    return s->combined ? 0 : (err ? err->code : DEPECHE_ERR_DATA);
}

long dp_rule_set_match(const dp_rule_set *s, const char *subject, size_t len, size_t start,
                       dp_match_data *md)
{
    if (!s->combined || !dp_regex_match(s->combined, subject, len, start, md))
        return -1;
    size_t a, b;
    for (size_t k = 0; k < s->n; k++)
        if (dp_match_group(md, s->markers[k], &a, &b))
            return (long)k;
    return -1;
}

void dp_rule_set_release(dp_rule_set *s)
{
    dp_strbuf_release(&s->source);
    free(s->markers);
    dp_regex_free(s->combined);
    memset(s, 0, sizeof *s);
}
