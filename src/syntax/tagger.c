/* The part-of-speech tagger's features and its greedy decoding. */
#include <stdint.h>
#include <string.h>

#include "normalize.h"
#include "tagger.h"

/* Byte offset of the start of the k-th code point from the end of s[0..n) (0 when s is
 * shorter). */
static size_t last_chars(const char *s, size_t n, size_t k)
{
    size_t i = n;
    while (i > 0 && k > 0) {
        i--;
        if (((unsigned char)s[i] & 0xC0) != 0x80)
            k--;
    }
    return i;
}

static size_t first_chars(const char *s, size_t n, size_t k)
{
    size_t i = 0;
    while (i < n && k > 0) {
        i++;
        while (i < n && ((unsigned char)s[i] & 0xC0) == 0x80)
            i++;
        k--;
    }
    return i;
}

void dp_tag_token_prepare(const dp_morpho *m, const char *form, size_t len, int first,
                          dp_tag_token *t)
{
    dp_tag_token_words(m, form, len, first, t);
    dp_tag_token_lexicon(m, form, len, t);
}

void dp_tag_token_lexicon(const dp_morpho *m, const char *form, size_t len, dp_tag_token *t)
{
    char lower[4 * DP_MORPHO_MAX_WORD + 4];
    int is_lower = t->is_lower;
    t->lexicon = dp_morpho_tags(m, form, len, is_lower ? t->lower : dp_hash_bytes(form, len));
    if (!is_lower) {
        size_t n = dp_lowercase(form, len, lower, sizeof lower);
        if (n != (size_t)-1)
            t->lexicon |= dp_morpho_tags(m, lower, n, t->lower);
    }
}

void dp_tag_token_words(const dp_morpho *m, const char *form, size_t len, int first,
                        dp_tag_token *t)
{
    char lower[4 * DP_MORPHO_MAX_WORD + 4];
    size_t n = dp_lowercase(form, len, lower, sizeof lower);
    if (n == (size_t)-1) { /* a very long token: its first bytes stand for it */
        n = len < DP_MORPHO_MAX_WORD ? len : DP_MORPHO_MAX_WORD;
        memcpy(lower, form, n);
    }
    memset(t, 0, sizeof *t);
    t->lower = dp_hash_bytes(lower, n);
    for (size_t k = 0; k < 4; k++) {
        size_t at = last_chars(lower, n, k + 1);
        t->suffix[k] = dp_hash_bytes(lower + at, n - at);
    }
    t->prefix = dp_hash_bytes(lower, first_chars(lower, n, 2));
    /* the shape: each character's kind, runs folded, at most 6 */
    char shape[8];
    size_t s = 0, upper = 0, letters = 0;
    for (size_t i = 0; i < len && s < 6;) {
        uint32_t cp = dp_utf8_next(form, len, &i);
        enum dp_char_class c = dp_char_class(cp);
        char k = c == DP_CC_UPPER ? 'X' : c == DP_CC_LOWER || c == DP_CC_LETTER ? 'x'
                 : c == DP_CC_DIGIT ? 'd' : c == DP_CC_MARK ? 0 : (char)(cp < 0x80 ? cp : '*');
        upper += c == DP_CC_UPPER;
        letters += c == DP_CC_UPPER || c == DP_CC_LOWER;
        if (c == DP_CC_DIGIT)
            t->flags |= DP_TT_DIGIT;
        if (cp == '-')
            t->flags |= DP_TT_HYPHEN;
        if (k && (!s || shape[s - 1] != k))
            shape[s++] = k;
    }
    t->shape = dp_hash_bytes(shape, s);
    if (s && shape[0] == 'X')
        t->flags |= DP_TT_CAPITAL;
    if (upper >= 2 && upper == letters)
        t->flags |= DP_TT_ALLCAPS;
    if (first)
        t->flags |= DP_TT_FIRST;
    t->is_lower = n == len && !memcmp(lower, form, n);
    dp_morpho_prefetch(m, t->lower);
}

enum {
    F_BIAS, F_LOWER, F_SUFFIX1, F_SUFFIX2, F_SUFFIX3, F_SUFFIX4, F_PREFIX, F_SHAPE, F_LEXICON,
    F_LEXICON_FLAGS, F_PREV, F_PREV2_PREV, F_PREV_LOWER, F_PREV_WORD, F_NEXT_WORD,
    F_PREV2_WORD, F_NEXT2_WORD, F_PREV_SUFFIX3, F_NEXT_SUFFIX3, F_NEXT_LEXICON,
    F_PREV_LEXICON, F_LEXICON_PREV, F_LEXICON_NEXT_LEXICON, F_FLAGS, F_WORD_NEXT_WORD,
    F_NEXT2_LEXICON, F_PREV_NEXT_LEXICON, F_SUFFIX3_PREV, F_NEXT_TAG, F_NEXT2_TAGS,
    F_WORD_NEXT_TAG, F_PREV_NEXT_TAG, F_LEXICON_NEXT_TAG, F_OWN_FIRST
};

size_t dp_tagger_features(const dp_tag_token *toks, size_t n, size_t i, int prev, int prev2,
                          const uint8_t *first_pass, uint64_t *out)
{
    const dp_tag_token *w = &toks[i];
    /* outside the sentence, words and classes are these marks */
    const uint64_t none = 0x5EED;
    uint64_t p1 = i >= 1 ? toks[i - 1].lower : none, p2 = i >= 2 ? toks[i - 2].lower : none;
    uint64_t n1 = i + 1 < n ? toks[i + 1].lower : none, n2 = i + 2 < n ? toks[i + 2].lower : none;
    uint64_t p1s = i >= 1 ? toks[i - 1].suffix[2] : none;
    uint64_t n1s = i + 1 < n ? toks[i + 1].suffix[2] : none;
    uint64_t n1l = i + 1 < n ? toks[i + 1].lexicon : 1u << 31;
    uint64_t n2l = i + 2 < n ? toks[i + 2].lexicon : 1u << 31;
    uint64_t p1l = i >= 1 ? toks[i - 1].lexicon : 1u << 31;
    uint64_t tp = (uint64_t)(prev + 1), tpp = (uint64_t)(prev2 + 1);
    size_t k = 0;
    out[k++] = dp_feature_hash(F_BIAS, 0, 0, 0);
    out[k++] = dp_feature_hash(F_LOWER, w->lower, 0, 0);
    out[k++] = dp_feature_hash(F_SUFFIX1, w->suffix[0], 0, 0);
    out[k++] = dp_feature_hash(F_SUFFIX2, w->suffix[1], 0, 0);
    out[k++] = dp_feature_hash(F_SUFFIX3, w->suffix[2], 0, 0);
    out[k++] = dp_feature_hash(F_SUFFIX4, w->suffix[3], 0, 0);
    out[k++] = dp_feature_hash(F_PREFIX, w->prefix, 0, 0);
    out[k++] = dp_feature_hash(F_SHAPE, w->shape, 0, 0);
    out[k++] = dp_feature_hash(F_LEXICON, w->lexicon, 0, 0);
    out[k++] = dp_feature_hash(F_LEXICON_FLAGS, w->lexicon, w->flags, 0);
    out[k++] = dp_feature_hash(F_PREV, tp, 0, 0);
    out[k++] = dp_feature_hash(F_PREV2_PREV, tpp, tp, 0);
    out[k++] = dp_feature_hash(F_PREV_LOWER, tp, w->lower, 0);
    out[k++] = dp_feature_hash(F_PREV_WORD, p1, 0, 0);
    out[k++] = dp_feature_hash(F_NEXT_WORD, n1, 0, 0);
    out[k++] = dp_feature_hash(F_PREV2_WORD, p2, 0, 0);
    out[k++] = dp_feature_hash(F_NEXT2_WORD, n2, 0, 0);
    out[k++] = dp_feature_hash(F_PREV_SUFFIX3, p1s, 0, 0);
    out[k++] = dp_feature_hash(F_NEXT_SUFFIX3, n1s, 0, 0);
    out[k++] = dp_feature_hash(F_NEXT_LEXICON, n1l, 0, 0);
    out[k++] = dp_feature_hash(F_PREV_LEXICON, p1l, 0, 0);
    out[k++] = dp_feature_hash(F_LEXICON_PREV, w->lexicon, tp, 0);
    out[k++] = dp_feature_hash(F_LEXICON_NEXT_LEXICON, w->lexicon, n1l, 0);
    out[k++] = dp_feature_hash(F_FLAGS, w->flags, 0, 0);
    out[k++] = dp_feature_hash(F_WORD_NEXT_WORD, w->lower, n1, 0);
    out[k++] = dp_feature_hash(F_NEXT2_LEXICON, n1l, n2l, w->lexicon);
    out[k++] = dp_feature_hash(F_PREV_NEXT_LEXICON, tp, w->lexicon, n1l);
    out[k++] = dp_feature_hash(F_SUFFIX3_PREV, w->suffix[2], tp, w->flags & DP_TT_CAPITAL);
    if (first_pass) {
        uint64_t t1 = i + 1 < n ? first_pass[i + 1] + 1u : 0, t2 = i + 2 < n ? first_pass[i + 2] + 1u : 0;
        out[k++] = dp_feature_hash(F_NEXT_TAG, t1, 0, 0);
        out[k++] = dp_feature_hash(F_NEXT2_TAGS, t1, t2, 0);
        out[k++] = dp_feature_hash(F_WORD_NEXT_TAG, w->lower, t1, 0);
        out[k++] = dp_feature_hash(F_PREV_NEXT_TAG, tp, t1, 0);
        out[k++] = dp_feature_hash(F_LEXICON_NEXT_TAG, w->lexicon, t1, 0);
        out[k++] = dp_feature_hash(F_OWN_FIRST, first_pass[i], w->lexicon, 0);
    }
    return k;
}

int dp_tag_dictionary_get(const dp_tag_dictionary *d, const dp_tag_token *t)
{
    if (!d || !d->n || (t->flags & DP_TT_CAPITAL))
        return -1;
    size_t lo = 0, hi = d->n;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        uint64_t k;
        memcpy(&k, d->keys + 8 * mid, 8);
        if (k == t->lower)
            return d->tags[mid];
        if (k < t->lower)
            lo = mid + 1;
        else
            hi = mid;
    }
    return -1;
}

/* One pass. The first pass (first_pass NULL) notes in sure[i] whether its best tag beat the
 * next by `margin` or more; the second pass keeps those tags without scoring them again. */
static void tag_pass(const dp_perceptron *model, const dp_tag_dictionary *dict,
                     const dp_tag_token *toks, size_t n, const uint8_t *first_pass,
                     uint8_t *sure, int32_t margin, int french_verbs, uint8_t *tags)
{
    int prev = -1, prev2 = -1;
    uint64_t f[DP_TAGGER_MAX_FEATURES];
    for (size_t i = 0; i < n; i++) {
        int known = dp_tag_dictionary_get(dict, &toks[i]);
        if (known < 0 && first_pass && sure && sure[i])
            known = first_pass[i];
        if (known >= 0) {
            tags[i] = (uint8_t)known;
            if (sure && !first_pass)
                sure[i] = 1;
            prev2 = prev;
            prev = known;
            continue;
        }
        int32_t scores[DP_PERCEPTRON_MAX_CLASSES] = {0};
        size_t k = dp_tagger_features(toks, n, i, prev, prev2, first_pass, f);
        dp_perceptron_score(model, f, k, scores);
        /* a small word the lexicon knows as a French verb, after a foreign name, is the
         * sentence's verb: "The Walt Disney Company supprime 7000 emplois" (not a word of a
         * foreign phrase, "image manipulation"; at run time only: the parser learns from the
         * tags training gives) */
        if (french_verbs && i > 0 && toks[i].is_lower && (toks[i - 1].flags & DP_TT_CAPITAL) &&
            (toks[i].lexicon & ((1u << DP_VERB) | (1u << DP_AUX))))
            scores[DP_X] = INT32_MIN / 2;
        uint32_t best = 0, second = 1;
        for (uint32_t c = 1; c < model->n_classes && c < DP_TAG_COUNT; c++)
            if (scores[c] > scores[best]) {
                second = best;
                best = c;
            } else if (c != best && (second == best || scores[c] > scores[second])) {
                second = c;
            }
        if (sure && !first_pass)
            sure[i] = scores[best] - scores[second] >= margin;
        tags[i] = (uint8_t)best;
        prev2 = prev;
        prev = (int)best;
    }
}

void dp_tagger_tag(const dp_perceptron *model, const dp_tag_dictionary *dict,
                   const dp_tag_token *toks, size_t n, const uint8_t *first_pass, uint8_t *tags)
{
    tag_pass(model, dict, toks, n, first_pass, NULL, 0, 0, tags);
}

void dp_tagger_run(const dp_tagger *t, const dp_tag_token *toks, size_t n, uint8_t *scratch,
                   uint8_t *tags)
{
    uint8_t sure[DP_TAGGER_MAX_TOKENS];
    if (n > DP_TAGGER_MAX_TOKENS)
        n = DP_TAGGER_MAX_TOKENS;
    tag_pass(&t->first, &t->dictionary, toks, n, NULL, sure, t->sure_margin, 1, scratch);
    tag_pass(&t->second, &t->dictionary, toks, n, scratch, sure, 0, 1, tags);
}
