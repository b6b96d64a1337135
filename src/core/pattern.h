/* PCRE2 behind a small interface: the only file that includes pcre2.h. Every regex is
 * JIT-compiled, where JIT is available, once it has been matched often enough to repay it, and
 * matched with match, depth and heap limits so that no rule can hang on hostile text. */
#ifndef DEPECHE_PATTERN_H
#define DEPECHE_PATTERN_H

#include "internal.h"

typedef struct dp_regex dp_regex;
typedef struct dp_match_data dp_match_data;

enum {
    DP_RE_CASELESS = 1 << 0,
    DP_RE_DUPNAMES = 1 << 1, /* several groups may share a name (rules joined in one regex) */
    DP_RE_NO_JIT = 1 << 2,   /* always matched by the interpreter */
    DP_RE_JIT_AT_ONCE = 1 << 3, /* JIT-compiled with the regex, not once it has been matched often:
                                   for a regex that the interpreter scans slowly (no literal or
                                   anchor it can start from) over whole texts */
    DP_RE_CHECK_ONLY = 1 << 4   /* never matched, only checked and asked about: compiled without
                                   JIT nor the optimizations that only speed up matching */
};

/* Compiles pattern[0..len) as UTF-8 PCRE2. On failure returns NULL and fills err with
 * DEPECHE_ERR_DATA, `path`, `line` and the offset of the fault within the pattern, e.g.
 * "patterns/x.txt:12: missing closing parenthesis (offset 7)". Several threads may match
 * with the regex at once (the one that JIT-compiles it publishes the result atomically). Free
 * with dp_regex_free. */
dp_regex *dp_regex_compile(const char *pattern, size_t len, unsigned flags, const char *path,
                           unsigned long line, depeche_error *err);
void dp_regex_free(dp_regex *re);

/* The number of capture groups of re, and the number of its group called `name` (0 when it
 * has none). */
uint32_t dp_regex_captures(const dp_regex *re);
uint32_t dp_regex_group(const dp_regex *re, const char *name);

/* Per-thread match state: one per document being processed. Free with dp_match_data_free. */
dp_match_data *dp_match_data_new(void);
void dp_match_data_free(dp_match_data *md);

/* Matches re against subject[0..len) from byte `start`. Returns 1 on a match, 0 on none, and
 * 0 as well when a limit was hit (the text is then treated as not matching). */
/* How many matches with md were given up at PCRE2's match, depth or heap limit (a rule that
 * would have needed more did not match). */
size_t dp_match_limits_hit(const dp_match_data *md);
/* Whether a match with md failed for want of memory (the interpreter allocates as it
 * backtracks): the text was not truly matched, so the caller fails with DEPECHE_ERR_NOMEM. */
int dp_match_out_of_memory(const dp_match_data *md);
int dp_regex_match(dp_regex *re, const char *subject, size_t len, size_t start, dp_match_data *md);
/* Whether matches with re now run JIT-compiled code, and whether PCRE2 was built with JIT. */
int dp_regex_uses_jit(const dp_regex *re);
int dp_jit_available(void);
/* After a match: the bounds of group `group` (0 is the whole match); returns 0 if unset. */
int dp_match_group(const dp_match_data *md, unsigned group, size_t *start, size_t *end);

/* ---- Rule sets: many patterns, one regex call ----------------------------------------- */

/* Patterns joined into one alternation, each opening with an empty capture group that tells
 * which one matched, so that one call scans a subject whatever the number of rules. (A
 * (*MARK) would tell it too, but it stops PCRE2 from skipping the positions where no rule can
 * start.) At a given position the first rule that matches wins. */
typedef struct dp_rule_set {
    dp_strbuf source;
    uint32_t groups;   /* capture groups in the source so far */
    size_t n;          /* rules added */
    uint32_t *markers; /* the empty group that opens each rule */
    size_t markers_cap;
    dp_regex *combined;
} dp_rule_set;

/* Compiles pattern alone (errors name path:line and the offset within the pattern), appends
 * it, and sets numbers[i] to the group number of names[i] in the joined regex (0 if the rule
 * has no such group). Returns the rule's index (>= 0) or a negative status. */
long dp_rule_set_add(dp_rule_set *s, const char *pattern, size_t len, unsigned flags,
                     const char *path, unsigned long line, const char *const *names,
                     size_t n_names, uint32_t *numbers, depeche_error *err);
/* Compiles the joined regex once every rule is added (nothing to do without rules). */
int dp_rule_set_finish(dp_rule_set *s, unsigned flags, const char *path, depeche_error *err);
/* The index of the rule that matches subject[start..len) leftmost, or -1. */
long dp_rule_set_match(const dp_rule_set *s, const char *subject, size_t len, size_t start,
                       dp_match_data *md);
void dp_rule_set_release(dp_rule_set *s);

#endif
