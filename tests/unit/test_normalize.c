/* Normalization: decoding, folding, NFC, and the offset map back to the input. */
#include <stdlib.h>

#include <utf8proc.h>

#include "check.h"
#include "normalize.h"

static void norm(const char *in, size_t len, dp_text *t)
{
    memset(t, 0, sizeof *t);
    CHECK(dp_normalize(t, in, len) == 0);
}

int main(void)
{
    dp_text t;

    /* clean ASCII and UTF-8 are borrowed, not copied */
    const char *plain = "Sam Altman rejoint Microsoft.";
    norm(plain, strlen(plain), &t);
    CHECK(t.orig == plain);
    CHECK_STR(t.norm, plain);
    CHECK_INT(t.n_anchors, 0);
    dp_text_release(&t);

    /* folds: apostrophes, curly quotes, dashes, every space; guillemets stay */
    const char *typo = "l\xE2\x80\x99" "entreprise \xE2\x80\x9Coui\xE2\x80\x9D \xE2\x80\x93 500\xC2\xA0" "000\xE2\x80\xAF\xE2\x82\xAC \xC2\xAB non \xC2\xBB";
    norm(typo, strlen(typo), &t);
    CHECK_STR(t.norm, "l'entreprise \"oui\" - 500 000 \xE2\x82\xAC \xC2\xAB non \xC2\xBB");
    CHECK_INT(t.n_anchors, 0); /* one code point for one code point */
    dp_text_release(&t);

    /* bytes that are not UTF-8 are Windows-1252: offsets count each as one character */
    const char *latin = "Caf\xE9 \x93" "cr\xE8me\x94 \x80";
    norm(latin, strlen(latin), &t);
    CHECK_STR(t.orig, "Caf\xC3\xA9 \xE2\x80\x9C" "cr\xC3\xA8me\xE2\x80\x9D \xE2\x82\xAC");
    CHECK_STR(t.norm, "Caf\xC3\xA9 \"cr\xC3\xA8me\" \xE2\x82\xAC");
    CHECK_INT(t.invalid_bytes, 5);
    dp_text_release(&t);

    /* NFC composes "e" + U+0301; positions after it map back one code point later */
    const char *decomposed = "Cafe\xCC\x81 noir";
    norm(decomposed, strlen(decomposed), &t);
    CHECK_STR(t.norm, "Caf\xC3\xA9 noir");
    CHECK_INT(dp_text_orig_cp(&t, 0), 0);
    CHECK_INT(dp_text_orig_cp(&t, 5), 6); /* "n" */
    CHECK_INT(dp_text_orig_cp(&t, 9), 10); /* the end */
    dp_text_release(&t);

    /* invisible characters are dropped, and the map skips them */
    const char *shy = "soci\xC2\xAD" "et\xC3\xA9 X";
    norm(shy, strlen(shy), &t);
    CHECK_STR(t.norm, "soci" "et\xC3\xA9 X");
    CHECK_INT(dp_text_orig_cp(&t, 8), 9); /* "X" */
    dp_text_release(&t);

    /* NUL and control characters become spaces; CRLF ends a line once */
    const char nul[] = "a\0b\r\nc\rd\te";
    norm(nul, sizeof nul - 1, &t);
    CHECK_STR(t.norm, "a b \nc\nd e");
    CHECK_INT(t.nul_bytes, 1);
    CHECK_INT(t.norm_len, sizeof nul - 1);
    dp_text_release(&t);

    /* UTF-16 with a byte-order mark */
    const char utf16[] = "\xFF\xFE" "A\0\xE9\0" "t\0\xE9\0";
    norm(utf16, sizeof utf16 - 1, &t);
    CHECK_STR(t.norm, "A\xC3\xA9t\xC3\xA9");
    CHECK(t.utf16);
    dp_text_release(&t);

    /* regression (found by fuzz_normalize): a combining mark right after a removed character
     * must not bring the removed character back, and the map must stay monotonic */
    const char fuzzed[] = "\xfe\xff\x00\x34\x20\x60\x0b\xcd\x27\x45\xfe\x7f\x00\x00\xff\x0d\x48\x11";
    norm(fuzzed, sizeof fuzzed - 1, &t);
    {
        uint32_t cps = (uint32_t)dp_utf8_count(t.norm, t.norm_len), last = 0, ok = 1;
        uint32_t orig_cps = (uint32_t)dp_utf8_count(t.orig, t.orig_len);
        for (uint32_t cp = 0; cp <= cps; cp++) {
            uint32_t o = dp_text_orig_cp(&t, cp);
            ok &= o >= last && o <= orig_cps;
            last = o;
        }
        CHECK(ok);
        CHECK(!memchr(t.norm, '\0', t.norm_len));
    }
    dp_text_release(&t);
    const char shy_mark[] = "a\xC2\xAD\xCC\x81" "b"; /* soft hyphen, then a combining acute */
    norm(shy_mark, sizeof shy_mark - 1, &t);
    CHECK_STR(t.norm, "a\xCC\x81" "b");
    CHECK_INT(dp_text_orig_cp(&t, 2), 3); /* "b" */
    dp_text_release(&t);

    /* regression (found by fuzz_normalize): NFC makes U+FB2C three code points long; the map
     * must not run past the original character */
    const char exclusion[] = "\xfe\xff\xfb\x2c";
    norm(exclusion, sizeof exclusion - 1, &t);
    CHECK_INT(dp_utf8_count(t.norm, t.norm_len), 3);
    CHECK_INT(dp_text_orig_cp(&t, 1), 1);
    CHECK_INT(dp_text_orig_cp(&t, 3), 1);
    dp_text_release(&t);

    /* empty input */
    norm("", 0, &t);
    CHECK_INT(t.norm_len, 0);
    CHECK_STR(t.norm, "");
    dp_text_release(&t);

    /* cursor from code points to bytes of the original */
    const char *accents = "\xC3\xA9t\xC3\xA9 ok";
    norm(accents, strlen(accents), &t);
    dp_orig_cursor cur = {0, 0};
    CHECK_INT(dp_text_orig_byte(&t, &cur, 3), 5);
    CHECK_INT(dp_text_orig_byte(&t, &cur, 1), 2); /* going back restarts */
    dp_text_release(&t);

    /* lookup keys ignore case and accents */
    char key[64];
    size_t k = dp_fold_key("Soci\xC3\xA9t\xC3\xA9 G\xC3\xA9n\xC3\xA9rale", 20, key, sizeof key);
    CHECK(k != (size_t)-1 && k == 16 && !memcmp(key, "societe generale", 16));
    k = dp_fold_key("ARR\xC3\x8AT", 6, key, sizeof key);
    CHECK(k == 5 && !memcmp(key, "arret", 5));
    k = dp_fold_key("\xC5\x92uvre", 6, key, sizeof key);
    CHECK(k == 6 && !memcmp(key, "oeuvre", 6));
    CHECK(dp_fold_key("abcdef", 6, key, 3) == (size_t)-1);
    /* the letters of U+00C0..U+00FF fold as utf8proc folds them (case folded, decomposed,
     * marks stripped), whether the table or utf8proc folds them: "é" "e", "ß" "ss", "Ø" "ø" */
    for (utf8proc_int32_t cp = 0xC0; cp <= 0xFF; cp++) {
        if (cp == 0xC6 || cp == 0xE6)
            continue; /* "æ" is "ae" */
        char in[4], want[32];
        utf8proc_int32_t parts[8];
        int boundclass = 0;
        utf8proc_ssize_t n_in = utf8proc_encode_char(cp, (utf8proc_uint8_t *)in);
        utf8proc_ssize_t n_parts = utf8proc_decompose_char(
            cp, parts, 8, UTF8PROC_CASEFOLD | UTF8PROC_DECOMPOSE | UTF8PROC_STRIPMARK, &boundclass);
        size_t n_want = 0;
        for (utf8proc_ssize_t j = 0; j < n_parts; j++)
            n_want += (size_t)utf8proc_encode_char(parts[j], (utf8proc_uint8_t *)want + n_want);
        k = dp_fold_key(in, (size_t)n_in, key, sizeof key);
        CHECK(k == n_want && !memcmp(key, want, n_want));
        /* and lowercase as utf8proc_tolower has them */
        n_want = (size_t)utf8proc_encode_char(utf8proc_tolower(cp), (utf8proc_uint8_t *)want);
        k = dp_lowercase(in, (size_t)n_in, key, sizeof key);
        CHECK(k == n_want && !memcmp(key, want, n_want));
    }

    CHECK_INT(dp_char_class('A'), DP_CC_UPPER);
    CHECK_INT(dp_char_class(0xC9), DP_CC_UPPER); /* É */
    CHECK_INT(dp_char_class(0xE9), DP_CC_LOWER);
    CHECK_INT(dp_char_class(0x301), DP_CC_MARK);
    CHECK_INT(dp_char_class(0xA0), DP_CC_SPACE);
    CHECK_INT(dp_char_class(0xAB), DP_CC_PUNCT);
    CHECK_INT(dp_char_class(0x20AC), DP_CC_SYMBOL);
    return check_report();
}
