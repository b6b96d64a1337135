/* Decoding, NFC and folding in one pass over the text. Nearly all news text is ASCII or
 * Latin-1 letters already in NFC, so those are copied as they are; utf8proc is called only
 * for the rare cluster that may not be in NFC (a combining mark, a canonical singleton). */
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

#include "normalize.h"

/* Windows-1252 for 0x80-0x9F; the five unassigned bytes keep their C1 code points. */
static const uint16_t cp1252_high[32] = {
    0x20AC, 0x0081, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160,
    0x2039, 0x0152, 0x008D, 0x017D, 0x008F, 0x0090, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022,
    0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x009D, 0x017E, 0x0178};

/* Length of the valid UTF-8 sequence at s[i] (1-4), or 0 if it is not one. */
static size_t utf8_valid_len(const unsigned char *s, size_t n, size_t i)
{
    unsigned c = s[i];
    if (c < 0x80)
        return 1;
    size_t need;
    uint32_t min;
    if (c >= 0xC2 && c <= 0xDF)
        need = 2, min = 0x80;
    else if (c >= 0xE0 && c <= 0xEF)
        need = 3, min = 0x800;
    else if (c >= 0xF0 && c <= 0xF4)
        need = 4, min = 0x10000;
    else
        return 0;
    if (i + need > n)
        return 0;
    uint32_t cp = c & (0x7F >> need);
    for (size_t k = 1; k < need; k++) {
        if ((s[i + k] & 0xC0) != 0x80)
            return 0;
        cp = (cp << 6) | (s[i + k] & 0x3F);
    }
    if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
        return 0;
    return need;
}

/* ISO-8859-15 where it differs from ISO-8859-1 (0xA4-0xBE): the euro sign and the letters
 * French needs (œ, Œ, Ÿ); 0 where the two agree. */
static const uint16_t latin9_diff[27] = {
    [0xA4 - 0xA4] = 0x20AC, [0xA6 - 0xA4] = 0x0160, [0xA8 - 0xA4] = 0x0161,
    [0xB4 - 0xA4] = 0x017D, [0xB8 - 0xA4] = 0x017E, [0xBC - 0xA4] = 0x0152,
    [0xBD - 0xA4] = 0x0153, [0xBE - 0xA4] = 0x0178};

size_t dp_utf8_valid_prefix(const char *in, size_t len)
{
    const unsigned char *s = (const unsigned char *)in;
    size_t i = 0;
    while (i < len) {
        size_t k = utf8_valid_len(s, len, i);
        if (!k)
            break;
        i += k;
    }
    return i;
}

/* The single-byte charset of text that is not UTF-8. Windows-1252 is the usual one, and a
 * superset of ISO-8859-1; ISO-8859-15 is told by its euro sign or œ when no byte is in the
 * 0x80-0x9F range only Windows-1252 uses. */
static int looks_latin9(const unsigned char *s, size_t n, size_t from)
{
    int latin9_letters = 0;
    for (size_t i = from; i < n; i++) {
        size_t k = utf8_valid_len(s, n, i);
        if (k) {
            i += k - 1;
            continue;
        }
        if (s[i] >= 0x80 && s[i] < 0xA0)
            return 0;
        latin9_letters |= s[i] == 0xA4 || s[i] == 0xBD || s[i] == 0xBC;
    }
    return latin9_letters;
}

static int push_cp(dp_strbuf *b, uint32_t cp)
{
    char tmp[4];
    return dp_strbuf_append(b, tmp, dp_utf8_encode(cp, tmp));
}

static int decode_utf16(dp_text *t, const unsigned char *s, size_t n, int big_endian)
{
    dp_strbuf out = {0};
    for (size_t i = 2; i + 1 < n; i += 2) {
        uint32_t u = big_endian ? (uint32_t)(s[i] << 8 | s[i + 1]) : (uint32_t)(s[i + 1] << 8 | s[i]);
        if (u >= 0xD800 && u <= 0xDBFF && i + 3 < n) {
            uint32_t lo = big_endian ? (uint32_t)(s[i + 2] << 8 | s[i + 3])
                                     : (uint32_t)(s[i + 3] << 8 | s[i + 2]);
            if (lo >= 0xDC00 && lo <= 0xDFFF) {
                u = 0x10000 + ((u - 0xD800) << 10) + (lo - 0xDC00);
                i += 2;
            }
        }
        if (u >= 0xD800 && u <= 0xDFFF) {
            u = 0xFFFD;
            t->invalid_bytes += 2;
        }
        if (push_cp(&out, u)) {
            dp_strbuf_release(&out);
            return DEPECHE_ERR_NOMEM;
        }
    }
    t->utf16 = 1;
    t->orig_len = out.len;
    t->orig_owned = dp_strbuf_take(&out);
    t->orig = t->orig_owned;
    return 0;
}

/* Sets t->orig to valid UTF-8: the input itself when it already is. */
static int decode(dp_text *t, const char *in, size_t len)
{
    const unsigned char *s = (const unsigned char *)in;
    if (len >= 2 && ((s[0] == 0xFF && s[1] == 0xFE) || (s[0] == 0xFE && s[1] == 0xFF)))
        return decode_utf16(t, s, len, s[0] == 0xFE);
    size_t i = dp_utf8_valid_prefix(in, len);
    if (i == len) {
        t->orig = in;
        t->orig_len = len;
        return 0;
    }
    t->latin9 = looks_latin9(s, len, i);
    dp_strbuf out = {0};
    if (dp_strbuf_append(&out, in, i))
        goto nomem;
    while (i < len) {
        size_t k = utf8_valid_len(s, len, i);
        if (k) {
            if (dp_strbuf_append(&out, in + i, k))
                goto nomem;
            i += k;
            continue;
        }
        uint32_t cp = s[i];
        if (t->latin9 && cp >= 0xA4 && cp <= 0xBE && latin9_diff[cp - 0xA4])
            cp = latin9_diff[cp - 0xA4];
        else if (cp >= 0x80 && cp < 0xA0)
            cp = cp1252_high[cp - 0x80];
        if (push_cp(&out, cp))
            goto nomem;
        t->invalid_bytes++;
        i++;
    }
    t->orig_len = out.len;
    t->orig_owned = dp_strbuf_take(&out);
    t->orig = t->orig_owned;
    return 0;
nomem:
    dp_strbuf_release(&out);
    return DEPECHE_ERR_NOMEM;
}

/* The fold of a non-ASCII code point: its replacement, 0 to remove it, or itself. */
static uint32_t fold_cp(uint32_t cp)
{
    switch (cp) {
    case 0x2018: case 0x2019: case 0x201B: case 0x2032: case 0x02BC: case 0x00B4:
        return '\'';
    case 0x201C: case 0x201D: case 0x201E: case 0x201F: case 0x2033:
        return '"';
    case 0x2010: case 0x2011: case 0x2012: case 0x2013: case 0x2014: case 0x2015: case 0x2212:
        return '-';
    case 0x00A0: case 0x202F: case 0x2000: case 0x2001: case 0x2002: case 0x2003: case 0x2004:
    case 0x2005: case 0x2006: case 0x2007: case 0x2008: case 0x2009: case 0x200A: case 0x205F:
    case 0x3000: case 0x1680:
        return ' ';
    case 0x0085: case 0x2028: case 0x2029:
        return '\n';
    case 0x00AD: case 0x200B: case 0x200C: case 0x200D: case 0x200E: case 0x200F: case 0x2060:
    case 0xFEFF:
        return 0;
    default:
        if (cp < 0xA0)
            return ' '; /* C1 controls */
        return cp;
    }
}

/* May this code point change under NFC, alone or with what precedes it? Code points below
 * U+0300 never do by themselves; above, combining marks, canonical singletons and Hangul
 * vowel and trailing jamo may. */
static int nfc_sensitive(uint32_t cp)
{
    if (cp < 0x300)
        return 0;
    const utf8proc_property_t *p = utf8proc_get_property((utf8proc_int32_t)cp);
    return p->combining_class != 0 || (cp >= 0x1161 && cp <= 0x11C2) ||
           (p->decomp_type == 0 && p->decomp_seqindex != UINT16_MAX);
}

static int is_nonstarter(uint32_t cp)
{
    if (cp < 0x300)
        return 0;
    return utf8proc_get_property((utf8proc_int32_t)cp)->combining_class != 0 ||
           (cp >= 0x1161 && cp <= 0x11C2);
}

typedef struct norm_state {
    dp_text *t;
    dp_strbuf norm;
    uint32_t norm_cp, orig_cp;       /* code points emitted / consumed so far */
    size_t starter_norm, starter_orig; /* byte positions of the last starter */
    uint32_t starter_norm_cp, starter_orig_cp;
} norm_state;

static int add_anchor(norm_state *st)
{
    dp_text *t = st->t;
    dp_anchor a = {st->norm_cp, st->orig_cp};
    if (t->n_anchors && t->anchors[t->n_anchors - 1].norm_cp == a.norm_cp) {
        t->anchors[t->n_anchors - 1] = a;
        return 0;
    }
    return DP_PUSH(t->anchors, t->n_anchors, t->anchors_cap, a);
}

/* Recomposes the cluster that starts at the last starter (or at `at` when the code point
 * there is itself a starter) and runs over the non-starters after it. Returns the orig byte
 * position after the cluster, or 0 on allocation failure. */
static size_t compose_cluster(norm_state *st, size_t at, int starts_here)
{
    const char *o = st->t->orig;
    size_t n = st->t->orig_len;
    if (starts_here) {
        st->starter_orig = at;
        st->starter_norm = st->norm.len;
        st->starter_orig_cp = st->orig_cp;
        st->starter_norm_cp = st->norm_cp;
    }
    size_t end = at;
    dp_utf8_next(o, n, &end);
    while (end < n) {
        size_t next = end;
        if (!is_nonstarter(dp_utf8_next(o, n, &next)))
            break;
        end = next;
    }
    utf8proc_uint8_t *out = NULL;
    utf8proc_ssize_t r = utf8proc_map((const utf8proc_uint8_t *)o + st->starter_orig,
                                      (utf8proc_ssize_t)(end - st->starter_orig), &out,
                                      UTF8PROC_STABLE | UTF8PROC_COMPOSE);
    if (r < 0) { /* cannot happen on valid UTF-8; keep the text as it is */
        free(out);
        out = NULL;
    }
    st->norm.len = st->starter_norm;
    int fail = out ? dp_strbuf_append(&st->norm, (const char *)out, (size_t)r)
                   : dp_strbuf_append(&st->norm, o + st->starter_orig, end - st->starter_orig);
    free(out);
    if (fail)
        return 0;
    uint32_t orig_n = (uint32_t)dp_utf8_count(o + st->starter_orig, end - st->starter_orig);
    uint32_t norm_n = (uint32_t)dp_utf8_count(st->norm.data + st->starter_norm,
                                              st->norm.len - st->starter_norm);
    st->norm_cp = st->starter_norm_cp + norm_n;
    st->orig_cp = st->starter_orig_cp + orig_n;
    if (orig_n != norm_n && add_anchor(st))
        return 0;
    return end;
}

static inline int ascii_plain(unsigned char c)
{
    return (c >= 0x20 && c < 0x7F) || c == '\n';
}

int dp_normalize(dp_text *t, const char *in, size_t len)
{
    int rc = decode(t, in, len);
    if (rc)
        return rc;
    norm_state st = {.t = t};
    const char *o = t->orig;
    size_t n = t->orig_len, i = 0;
    if (dp_reserve((void **)&st.norm.data, &st.norm.cap, n + 1, 1))
        goto nomem;
    st.norm.data[0] = '\0';
    while (i < n) {
        unsigned char c = (unsigned char)o[i];
        if (ascii_plain(c)) {
            size_t j = i + 1;
            while (j < n && ascii_plain((unsigned char)o[j]))
                j++;
            if (dp_strbuf_append(&st.norm, o + i, j - i))
                goto nomem;
            st.starter_orig = j - 1;
            st.starter_norm = st.norm.len - 1;
            st.norm_cp += (uint32_t)(j - i);
            st.orig_cp += (uint32_t)(j - i);
            st.starter_orig_cp = st.orig_cp - 1;
            st.starter_norm_cp = st.norm_cp - 1;
            i = j;
            continue;
        }
        size_t at = i;
        uint32_t cp = dp_utf8_next(o, n, &i);
        if (nfc_sensitive(cp)) {
            i = compose_cluster(&st, at, !is_nonstarter(cp));
            if (!i)
                goto nomem;
            continue;
        }
        uint32_t f;
        if (cp < 0x80) {
            if (cp == 0)
                t->nul_bytes++;
            f = (cp == '\r' && !(i < n && o[i] == '\n')) ? '\n' : ' ';
        } else {
            f = fold_cp(cp);
        }
        st.orig_cp++;
        if (!f) {
            if (add_anchor(&st))
                goto nomem;
        } else {
            if (push_cp(&st.norm, f))
                goto nomem;
            st.norm_cp++;
        }
        /* the next cluster starts here: a mark after a removed or folded character must not
         * bring the original character back into the normalized text */
        int kept = f == cp;
        st.starter_orig = kept ? at : i;
        st.starter_norm = st.norm.len - (kept ? dp_utf8_encode(cp, (char[4]){0}) : 0);
        st.starter_orig_cp = st.orig_cp - (uint32_t)kept;
        st.starter_norm_cp = st.norm_cp - (uint32_t)kept;
    }
    /* zero the slack: PCRE2's JIT may read a little past the end of a subject while it scans */
    memset(st.norm.data + st.norm.len, 0, st.norm.cap - st.norm.len);
    t->norm_len = st.norm.len;
    t->norm = dp_strbuf_take(&st.norm);
    return t->norm ? 0 : DEPECHE_ERR_NOMEM;
nomem:
    dp_strbuf_release(&st.norm);
    return DEPECHE_ERR_NOMEM;
}

void dp_text_release(dp_text *t)
{
    free(t->orig_owned);
    free(t->norm);
    free(t->anchors);
    memset(t, 0, sizeof *t);
}

uint32_t dp_text_orig_cp(const dp_text *t, uint32_t norm_cp)
{
    size_t lo = 0, hi = t->n_anchors; /* find the last anchor with norm_cp <= the query */
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if (t->anchors[mid].norm_cp <= norm_cp)
            lo = mid + 1;
        else
            hi = mid;
    }
    if (!lo)
        return lo < t->n_anchors && norm_cp > t->anchors[0].orig_cp ? t->anchors[0].orig_cp : norm_cp;
    const dp_anchor *a = &t->anchors[lo - 1];
    uint32_t o = a->orig_cp + (norm_cp - a->norm_cp);
    /* inside a cluster that NFC made longer (a composition exclusion decomposes), positions
     * stop at the cluster's end rather than run past it */
    if (lo < t->n_anchors && o > t->anchors[lo].orig_cp)
        o = t->anchors[lo].orig_cp;
    return o;
}

size_t dp_text_orig_byte(const dp_text *t, dp_orig_cursor *cursor, uint32_t cp)
{
    if (cp < cursor->cp)
        cursor->cp = 0, cursor->byte = 0;
    while (cursor->cp < cp && cursor->byte < t->orig_len) {
        dp_utf8_next(t->orig, t->orig_len, &cursor->byte);
        cursor->cp++;
    }
    return cursor->byte;
}

/* The folded letter of U+00C0..U+00FF that decomposes into a Latin letter and a mark ("é"
 * -> 'e', "Ç" -> 'c'), 0 for the others: French words spell most of their accents from this
 * block, and this spares utf8proc's tables for them (keys are folded for every token). */
static const char latin1_folded[64] = "aaaaaa\0ceeeeiiii\0nooooo\0\0uuuuy\0\0"
                                      "aaaaaa\0ceeeeiiii\0nooooo\0\0uuuuy\0y";

/* Lowercases s[0..n) into out; with `strip`, also removes accents and expands ligatures. */
static size_t lower_into(const char *s, size_t n, char *out, size_t cap, int strip)
{
    size_t len = 0, i = 0;
    while (i < n) {
        unsigned char c = (unsigned char)s[i];
        if (c < 0x80) {
            if (len >= cap)
                return (size_t)-1;
            out[len++] = (char)(c >= 'A' && c <= 'Z' ? c + 32 : c);
            i++;
            continue;
        }
        uint32_t cp = dp_utf8_next(s, n, &i);
        if (!strip) {
            if (len + 4 > cap)
                return (size_t)-1;
            /* (the capitals of U+00C0..U+00DE, but "×", are their small letter's minus 0x20) */
            uint32_t lower = cp >= 0xC0 && cp <= 0xDE && cp != 0xD7 ? cp + 0x20
                             : cp >= 0xDF && cp <= 0xFF          ? cp
                                                                 : (uint32_t)utf8proc_tolower((utf8proc_int32_t)cp);
            len += dp_utf8_encode(lower, out + len);
            continue;
        }
        if (cp >= 0xC0 && cp <= 0xFF && latin1_folded[cp - 0xC0]) {
            if (len >= cap)
                return (size_t)-1;
            out[len++] = latin1_folded[cp - 0xC0];
            continue;
        }
        const char *lig = cp == 0x0153 || cp == 0x0152 ? "oe" : cp == 0x00E6 || cp == 0x00C6 ? "ae" : NULL;
        if (lig) {
            if (len + 2 > cap)
                return (size_t)-1;
            memcpy(out + len, lig, 2);
            len += 2;
            continue;
        }
        utf8proc_int32_t parts[8];
        int boundclass = 0;
        utf8proc_ssize_t k = utf8proc_decompose_char(
            (utf8proc_int32_t)cp, parts, 8,
            UTF8PROC_CASEFOLD | UTF8PROC_DECOMPOSE | UTF8PROC_STRIPMARK, &boundclass);
        if (k < 0 || k > 8) {
            parts[0] = (utf8proc_int32_t)cp;
            k = 1;
        }
        for (utf8proc_ssize_t j = 0; j < k; j++) {
            if (len + 4 > cap)
                return (size_t)-1;
            len += dp_utf8_encode((uint32_t)parts[j], out + len);
        }
    }
    return len;
}

size_t dp_fold_key(const char *s, size_t n, char *out, size_t cap)
{
    return lower_into(s, n, out, cap, 1);
}

uint32_t dp_word_before(const char *text, uint32_t end, uint32_t *len)
{
    while (end > 0 && text[end - 1] == ' ')
        end--;
    uint32_t start = end;
    /* (a sentence glued to the one before it, "deux ans.Cette GT", starts a word too) */
    while (start > 0 && text[start - 1] != ' ' && text[start - 1] != '\n' && text[start - 1] != '\'' &&
           text[start - 1] != ',' && text[start - 1] != '(' && text[start - 1] != '.' && text[start - 1] != '"' &&
           text[start - 1] != '!' && text[start - 1] != '?' && text[start - 1] != ';' && text[start - 1] != ':' &&
           !(start >= 3 && !memcmp(text + start - 3, "\xE2\x80\x99", 3)))
        start--;
    *len = end - start;
    return start;
}

size_t dp_lowercase(const char *s, size_t n, char *out, size_t cap)
{
    return lower_into(s, n, out, cap, 0);
}

#define SP DP_CC_SPACE
#define PU DP_CC_PUNCT
#define SY DP_CC_SYMBOL
#define DI DP_CC_DIGIT
#define UP DP_CC_UPPER
#define LO DP_CC_LOWER
const unsigned char dp_ascii_class[128] = {
    SP, SP, SP, SP, SP, SP, SP, SP, SP, SP, SP, SP, SP, SP, SP, SP, /* controls */
    SP, SP, SP, SP, SP, SP, SP, SP, SP, SP, SP, SP, SP, SP, SP, SP,
    SP, PU, PU, PU, SY, PU, PU, PU, PU, PU, PU, SY, PU, PU, PU, PU, /*  !"#$%&'()*+,-./ */
    DI, DI, DI, DI, DI, DI, DI, DI, DI, DI, PU, PU, SY, SY, SY, PU, /* 0-9 :;<=>? */
    PU, UP, UP, UP, UP, UP, UP, UP, UP, UP, UP, UP, UP, UP, UP, UP, /* @A-O */
    UP, UP, UP, UP, UP, UP, UP, UP, UP, UP, UP, PU, PU, PU, SY, PU, /* P-Z [\]^_ */
    SY, LO, LO, LO, LO, LO, LO, LO, LO, LO, LO, LO, LO, LO, LO, LO, /* `a-o */
    LO, LO, LO, LO, LO, LO, LO, LO, LO, LO, LO, PU, SY, PU, SY, SP, /* p-z {|}~ DEL */
};
#undef SP
#undef PU
#undef SY
#undef DI
#undef UP
#undef LO

enum dp_char_class dp_char_class_unicode(uint32_t cp)
{
    switch (utf8proc_category((utf8proc_int32_t)cp)) {
    case UTF8PROC_CATEGORY_LL: return DP_CC_LOWER;
    case UTF8PROC_CATEGORY_LU: return DP_CC_UPPER;
    case UTF8PROC_CATEGORY_LT: case UTF8PROC_CATEGORY_LM: case UTF8PROC_CATEGORY_LO:
        return DP_CC_LETTER;
    case UTF8PROC_CATEGORY_MN: case UTF8PROC_CATEGORY_MC: case UTF8PROC_CATEGORY_ME:
        return DP_CC_MARK;
    case UTF8PROC_CATEGORY_ND: return DP_CC_DIGIT;
    case UTF8PROC_CATEGORY_ZS: case UTF8PROC_CATEGORY_ZL: case UTF8PROC_CATEGORY_ZP:
    case UTF8PROC_CATEGORY_CC: case UTF8PROC_CATEGORY_CF:
        return DP_CC_SPACE;
    case UTF8PROC_CATEGORY_PC: case UTF8PROC_CATEGORY_PD: case UTF8PROC_CATEGORY_PS:
    case UTF8PROC_CATEGORY_PE: case UTF8PROC_CATEGORY_PI: case UTF8PROC_CATEGORY_PF:
    case UTF8PROC_CATEGORY_PO:
        return DP_CC_PUNCT;
    default:
        return DP_CC_SYMBOL;
    }
}
