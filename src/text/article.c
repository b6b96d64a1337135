/* Reading an article's bytes: binary data refused, HTML pages and character sets decoded. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "article.h"
#include "normalize.h"
#include "read.h"

/* ---- Binary input --------------------------------------------------------------------- */

/* How much of the start of an input is looked at to tell text from binary data. */
#define DP_SNIFF_BYTES 65536

/* Returns why the bytes are not text (static string), or NULL when they may be an article.
 * A few stray NUL bytes in a scraped page do not make it binary: they are read as spaces. */
static const char *binary_kind(const char *data, size_t len, char *buf, size_t size)
{
    static const struct {
        const char *magic;
        size_t len;
        const char *name;
    } magics[] = {
        {"\x89PNG", 4, "a PNG image"}, {"\xFF\xD8\xFF", 3, "a JPEG image"},
        {"GIF8", 4, "a GIF image"},    {"%PDF", 4, "a PDF document"},
        {"\x1F\x8B", 2, "gzip data"},  {"PK\x03\x04", 4, "a zip archive"},
        {"\x7F" "ELF", 4, "an executable"}, {"\x28\xB5\x2F\xFD", 4, "zstd data"},
        {"\xFD" "7zXZ", 5, "xz data"},
    };
    const unsigned char *s = (const unsigned char *)data;
    if (len >= 2 && ((s[0] == 0xFF && s[1] == 0xFE) || (s[0] == 0xFE && s[1] == 0xFF)))
        return NULL; /* UTF-16 */
    for (size_t i = 0; i < DP_ARRAY_LEN(magics); i++)
        if (len >= magics[i].len && !memcmp(data, magics[i].magic, magics[i].len))
            return magics[i].name;
    size_t n = len < DP_SNIFF_BYTES ? len : DP_SNIFF_BYTES, controls = 0;
    for (size_t i = 0; i < n; i++)
        controls += s[i] < 0x20 && s[i] != '\n' && s[i] != '\r' && s[i] != '\t' && s[i] != '\f' &&
                    s[i] != '\v' && s[i] != 0x1B;
    if (n && controls * 10 > n) { /* more than 10% control bytes */
        snprintf(buf, size, "binary data (%zu%% control bytes)", controls * 100 / n);
        return buf;
    }
    return NULL;
}

int dp_article_read(const depeche_input *in, dp_article *a, depeche_error *err)
{
    char why[64];
    const char *binary;
    memset(a, 0, sizeof *a);
    a->bytes = in->text ? in->text : "";
    a->length = in->length;
    a->title = in->title;
    a->published = in->published;
    if ((binary = binary_kind(a->bytes, a->length, why, sizeof why)))
        return dp_fail(err, DEPECHE_ERR_INPUT, NULL, 0, 0, "not a text article: %s", binary);
    a->is_html = dp_html_is_page(a->bytes, a->length);
    if (a->is_html) {
        int valid = dp_utf8_valid_prefix(a->bytes, a->length) == a->length;
        int rc = dp_html_read(a->bytes, a->length, in->encoding, valid, &a->page, err);
        if (rc)
            return rc;
        a->bytes = a->page.text, a->length = a->page.length;
        if (!a->title)
            a->title = a->page.title;
        if (!a->published)
            a->published = a->page.published;
    } else if (in->encoding && !dp_encoding_is_utf8(in->encoding)) {
        int rc = dp_convert(a->bytes, a->length, in->encoding, &a->converted, &a->length,
                            &a->converted_invalid, err);
        if (rc)
            return rc;
        a->bytes = a->converted;
    }
    return 0;
}

void dp_article_release(dp_article *a)
{
    free(a->converted);
    dp_html_page_release(&a->page);
    a->converted = NULL;
}
