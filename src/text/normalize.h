/* Stage 2, normalize: turns the input bytes into the text every later stage reads.
 *
 * Two buffers come out. `orig` is the input decoded as Unicode (bytes that are not UTF-8 are
 * read as Windows-1252, UTF-16 with a byte-order mark is converted): positions that users see
 * are code point offsets into it. `norm` is `orig` in NFC with typographic variants folded for
 * matching (apostrophes to ', curly double quotes to ", dashes to -, every kind of space to a
 * space, invisible characters removed). Guillemets « » are kept: they tell an opening quote
 * from a closing one, which sentence splitting needs. Most folds map one code point to one
 * code point; where NFC composes or a character is removed, an anchor records the shift so
 * that any position in `norm` maps back to `orig`. */
#ifndef DEPECHE_NORMALIZE_H
#define DEPECHE_NORMALIZE_H

#include "internal.h"

typedef struct dp_anchor {
    uint32_t norm_cp; /* from this code point of norm onward... */
    uint32_t orig_cp; /* ...norm_cp maps to orig_cp, and later ones follow one to one */
} dp_anchor;

typedef struct dp_text {
    const char *orig; /* valid UTF-8; the input itself when it was clean, else orig_owned */
    size_t orig_len;
    char *orig_owned;
    char *norm; /* owned, NUL-terminated */
    size_t norm_len;
    dp_anchor *anchors;
    size_t n_anchors, anchors_cap;
    size_t invalid_bytes; /* bytes decoded as Windows-1252 */
    size_t nul_bytes;     /* NUL characters, read as spaces */
    int utf16;            /* the input was UTF-16 with a byte-order mark */
    int latin9;           /* the invalid bytes were read as ISO-8859-15, not Windows-1252 */
} dp_text;

/* Decodes and normalizes in[0..len) into t (zero it first; `in` must outlive t, which may
 * point into it). Returns 0 or DEPECHE_ERR_NOMEM. Release with dp_text_release. */
int dp_normalize(dp_text *t, const char *in, size_t len);

/* How many bytes at the start of `in` are valid UTF-8 (len when all are). */
size_t dp_utf8_valid_prefix(const char *in, size_t len);
void dp_text_release(dp_text *t);

/* The code point offset in orig of code point `norm_cp` of norm. */
uint32_t dp_text_orig_cp(const dp_text *t, uint32_t norm_cp);

/* Byte offset in orig of code point `cp`, walking from *cursor (start from {0, 0}); the cursor
 * moves to cp, so increasing queries cost one pass over the text in all. */
typedef struct dp_orig_cursor {
    uint32_t cp;
    size_t byte;
} dp_orig_cursor;
size_t dp_text_orig_byte(const dp_text *t, dp_orig_cursor *cursor, uint32_t cp);

/* Writes into out (cap bytes) the lookup key of s[0..n): lowercase, accents removed, ligatures
 * expanded ("Société" -> "societe", "Œuvre" -> "oeuvre"). Returns the key's length, or
 * (size_t)-1 if it does not fit. */
size_t dp_fold_key(const char *s, size_t n, char *out, size_t cap);

/* Writes the lowercase of s[0..n) into out (cap bytes), accents kept ("État" -> "état"), for
 * the tagger's word features and lexicon look-ups. Returns its length, or (size_t)-1 if it does
 * not fit. */
size_t dp_lowercase(const char *s, size_t n, char *out, size_t cap);

/* The word of normalized text that ends at byte `end` or before it, past blanks, and after an
 * elision ("l'", "d’"), a comma or a parenthesis: its first byte, and its length in *len (0
 * when none). */
uint32_t dp_word_before(const char *text, uint32_t end, uint32_t *len);

/* What a code point is, for the tokenizer. */
enum dp_char_class {
    DP_CC_SPACE,
    DP_CC_LOWER,
    DP_CC_UPPER,
    DP_CC_LETTER, /* a letter without case, or titlecase */
    DP_CC_MARK,   /* combining mark: part of the letter before it */
    DP_CC_DIGIT,
    DP_CC_PUNCT,
    DP_CC_SYMBOL
};
/* The class of every ASCII character, and of the rest through utf8proc: the tokenizer asks
 * for every character of the text, and nearly all are ASCII. */
extern const unsigned char dp_ascii_class[128];
enum dp_char_class dp_char_class_unicode(uint32_t cp);
static inline enum dp_char_class dp_char_class(uint32_t cp)
{
    return cp < 0x80 ? (enum dp_char_class)dp_ascii_class[cp] : dp_char_class_unicode(cp);
}

#endif
