/* Amounts and counts as numbers. French writes thousands with a space or a period ("15 000",
 * "15.000") and decimals with a comma ("1,2 milliard"); English-style decimals ("5.3
 * millions") are told apart from a period of thousands by the three digits that follow one. */
#include <math.h>
#include <string.h>

#include "amount.h"
#include "internal.h"
#include "normalize.h"
#include "resource.h"

int dp_amount_rules_load(dp_amount_rules *r, const char *kind, size_t kind_len, const char *args,
                         size_t len, const char *path, unsigned long line, depeche_error *err)
{
    int scale = dp_word_is(kind, kind_len, "scale");
    if (!scale && !dp_word_is(kind, kind_len, "currency"))
        return 0;
    const char *f;
    size_t fl;
    uint32_t value = 0;
    if (!dp_next_field(&args, &len, &f, &fl))
        fl = 0;
    if (scale) {
        /* scale EXPONENT WORDS...: "scale 6 million millions M" */
        if (fl < 1 || fl > 2 || f[0] < '1' || f[0] > '9' || (fl == 2 && (f[1] < '0' || f[1] > '9')))
            return dp_fail(err, DEPECHE_ERR_DATA, path, line, 0,
                           "expected 'scale EXPONENT WORDS...' with EXPONENT from 1 to 99");
        value = (uint32_t)(fl == 1 ? f[0] - '0' : (f[0] - '0') * 10 + f[1] - '0');
    } else {
        /* currency CODE WORDS...: "currency EUR euro euros €" */
        if (fl != 3 || f[0] < 'A' || f[0] > 'Z' || f[1] < 'A' || f[1] > 'Z' || f[2] < 'A' || f[2] > 'Z')
            return dp_fail(err, DEPECHE_ERR_DATA, path, line, 0,
                           "expected 'currency CODE WORDS...' with CODE an ISO 4217 code (EUR)");
        size_t i = 0;
        while (i < r->n_codes && memcmp(r->codes[i], f, 3))
            i++;
        if (i == r->n_codes) {
            if (r->n_codes == DP_CURRENCIES_MAX)
                return dp_fail(err, DEPECHE_ERR_DATA, path, line, 0, "more than %d currencies",
                               DP_CURRENCIES_MAX);
            memcpy(r->codes[r->n_codes++], f, 3);
        }
        value = (uint32_t)i + 1;
    }
    int any = 0;
    while (dp_next_field(&args, &len, &f, &fl)) {
        char key[64];
        size_t k = dp_fold_key(f, fl, key, sizeof key);
        if (k == (size_t)-1)
            return dp_fail(err, DEPECHE_ERR_DATA, path, line, 0, "word too long: '%.*s'", (int)fl, f);
        if (dp_lexicon_put(scale ? &r->scales : &r->currencies, key, k, value))
            return dp_fail(err, DEPECHE_ERR_NOMEM, path, line, 0, "out of memory");
        any = 1;
    }
    if (!any)
        return dp_fail(err, DEPECHE_ERR_DATA, path, line, 0, "expected at least one word");
    return 1;
}

void dp_amount_rules_release(dp_amount_rules *r)
{
    dp_lexicon_release(&r->scales);
    dp_lexicon_release(&r->currencies);
    memset(r, 0, sizeof *r);
}

static int is_digit(char c)
{
    return c >= '0' && c <= '9';
}

/* Bytes of a space between digit groups at s[i]: a space, U+00A0 or U+202F; else 0. */
static size_t group_space(const char *s, size_t n, size_t i)
{
    if (i < n && s[i] == ' ')
        return 1;
    if (i + 1 < n && !memcmp(s + i, "\xC2\xA0", 2))
        return 2;
    if (i + 2 < n && !memcmp(s + i, "\xE2\x80\xAF", 3))
        return 3;
    return 0;
}

/* Whether exactly three digits start at s[i], with no fourth. */
static int three_digits(const char *s, size_t n, size_t i)
{
    return i + 2 < n && is_digit(s[i]) && is_digit(s[i + 1]) && is_digit(s[i + 2]) &&
           (i + 3 == n || !is_digit(s[i + 3]));
}

/* Reads the number at s[*i] and advances *i past it. */
static double read_number(const char *s, size_t n, size_t *i)
{
    double v = 0;
    while (*i < n && is_digit(s[*i]))
        v = v * 10 + (s[(*i)++] - '0');
    for (;;) {
        size_t gap = group_space(s, n, *i);
        if (gap && three_digits(s, n, *i + gap)) {
            *i += gap;
        } else if (*i < n && s[*i] == '.' && three_digits(s, n, *i + 1)) {
            *i += 1;
        } else {
            break;
        }
        for (int k = 0; k < 3; k++)
            v = v * 10 + (s[(*i)++] - '0');
    }
    if (*i + 1 < n && (s[*i] == ',' || s[*i] == '.') && is_digit(s[*i + 1])) {
        double unit = 0.1;
        for (*i += 1; *i < n && is_digit(s[*i]); *i += 1, unit /= 10)
            v += (s[*i] - '0') * unit;
    }
    return v;
}

/* Bytes of a currency sign (€ $ £ ¥) at s[i], else 0. */
static size_t sign_at(const char *s, size_t n, size_t i)
{
    static const char *const signs[] = {"\xE2\x82\xAC", "$", "\xC2\xA3", "\xC2\xA5"};
    for (size_t k = 0; k < DP_ARRAY_LEN(signs); k++)
        if (i + strlen(signs[k]) <= n && !memcmp(s + i, signs[k], strlen(signs[k])))
            return strlen(signs[k]);
    return 0;
}

/* Bytes of what separates words at s[i] (a blank, an apostrophe, a hyphen), else 0. */
static size_t separator_at(const char *s, size_t n, size_t i)
{
    if (s[i] == ' ' || s[i] == '\'' || s[i] == '-')
        return 1;
    if (i + 2 < n && !memcmp(s + i, "\xE2\x80\x99", 3)) /* ’ */
        return 3;
    return group_space(s, n, i);
}

/* The next word after s[*i], separators skipped: a currency sign, or a run of bytes up to a
 * separator, a sign, a digit or a mark. Returns its length, 0 at the end. */
static size_t next_word(const char *s, size_t n, size_t *i, const char **word)
{
    size_t skip;
    while (*i < n && (skip = separator_at(s, n, *i)))
        *i += skip;
    *word = s + *i;
    size_t sign = *i < n ? sign_at(s, n, *i) : 0;
    if (sign) {
        *i += sign;
        return sign;
    }
    size_t start = *i;
    while (*i < n && !separator_at(s, n, *i) && !sign_at(s, n, *i) && !is_digit(s[*i]) && s[*i] != ',' &&
           s[*i] != '.')
        *i += 1;
    return *i - start;
}

int dp_amount_read(const dp_amount_rules *r, const char *text, size_t len, double *value,
                   char currency[4])
{
    size_t i = 0;
    while (i < len && !is_digit(text[i]))
        i++;
    currency[0] = '\0';
    if (i == len)
        return 0;
    double v = read_number(text, len, &i);
    int scaled = 0;
    /* "millions d'euros", "Md€", "k$", "de dollars": the words after the number, "de" skipped */
    const char *word;
    size_t wl;
    for (int words = 0; words < 4 && (wl = next_word(text, len, &i, &word)); words++) {
        char key[64];
        size_t k = dp_fold_key(word, wl, key, sizeof key);
        uint32_t found;
        if (k == (size_t)-1)
            break;
        if (!scaled && dp_lexicon_get(&r->scales, key, k, &found)) {
            v *= pow(10, found);
            scaled = 1;
        } else if (dp_lexicon_get(&r->currencies, key, k, &found) && found <= r->n_codes) {
            memcpy(currency, r->codes[found - 1], 3);
            currency[3] = '\0';
            break;
        } else if (!dp_word_is(key, k, "de") && !dp_word_is(key, k, "d")) {
            break;
        }
    }
    /* "51,15 millions" is 51150000: a scaled amount is whole, whatever binary fractions say */
    *value = scaled ? round(v) : v;
    return 1;
}
