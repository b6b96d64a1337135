/* Event summaries from templates, in the languages the timeline page speaks. */
#include <stdlib.h>
#include <string.h>

#include "normalize.h"
#include "resource.h"
#include "summary.h"

static const struct {
    const char *name;
    const char *and; /* joins the last two names of a list */
    int elides_de;   /* "de" before a vowel is written "d'": "démissionne d'Orange" */
} langs[DP_LANGS] = {
    [DP_LANG_EN] = {"en", " and ", 0},
    [DP_LANG_FR] = {"fr", " et ", 1},
};

static int lang_from(const char *s, size_t n)
{
    for (int l = 0; l < DP_LANGS; l++)
        if (dp_word_is(s, n, langs[l].name))
            return l;
    return -1;
}

int dp_lang_from(const char *name, enum dp_lang *lang)
{
    int l = name ? lang_from(name, strlen(name)) : DP_LANG_EN;
    if (l >= 0)
        *lang = (enum dp_lang)l;
    return l < 0 ? -1 : 0;
}

const char *dp_langs_listed(void)
{
    return "en, fr";
}

int dp_summary_rules_load(dp_summary_rules *r, const char *kind, size_t kind_len, const char *args,
                          size_t len, const char *path, unsigned long line, depeche_error *err)
{
    if (!dp_word_is(kind, kind_len, "summary"))
        return 0;
    const char *f;
    size_t fl;
    int lang = dp_next_field(&args, &len, &f, &fl) ? lang_from(f, fl) : -1;
    int type = lang >= 0 && dp_next_field(&args, &len, &f, &fl) ? dp_event_type_from(f, fl) : -1;
    if (lang < 0 || type < 0 || !len)
        return dp_fail(err, DEPECHE_ERR_DATA, path, line, 0,
                       "expected 'summary LANG TYPE TEMPLATE' with LANG one of %s and TYPE an "
                       "event type",
                       dp_langs_listed());
    char *t = dp_strndup(args, len);
    if (!t)
        return dp_fail(err, DEPECHE_ERR_NOMEM, path, line, 0, "out of memory");
    free(r->template[lang][type]);
    r->template[lang][type] = t;
    return 1;
}

int dp_summary_rules_load_defaults(dp_summary_rules *r, depeche_error *err)
{
    for (const dp_resource *res = dp_default_resources; res->path; res++) {
        if (strcmp(res->path, "patterns/summaries.txt"))
            continue;
        dp_line_reader reader;
        const char *line, *kind;
        size_t len, kind_len;
        dp_line_reader_init(&reader, res->path, res->data, res->size);
        while (dp_line_reader_next(&reader, &line, &len)) {
            dp_next_field(&line, &len, &kind, &kind_len);
            int rc = dp_summary_rules_load(r, kind, kind_len, line, len, res->path, reader.line, err);
            if (rc <= 0)
                return rc ? rc
                          : dp_fail(err, DEPECHE_ERR_DATA, res->path, reader.line, 0,
                                    "expected a 'summary' line");
        }
    }
    return 0;
}

void dp_summary_rules_release(dp_summary_rules *r)
{
    for (int l = 0; l < DP_LANGS; l++)
        for (int t = 0; t < DP_EVENT_TYPES; t++)
            free(r->template[l][t]);
    memset(r, 0, sizeof *r);
}

typedef struct filling {
    enum dp_lang lang;
    dp_summary_names names;
    const void *event;
} filling;

static int starts_with_vowel(const char *name)
{
    char folded[8];
    size_t i = 0, n = strlen(name);
    dp_utf8_next(name, n, &i);
    size_t k = dp_fold_key(name, i, folded, sizeof folded);
    return k != (size_t)-1 && k && strchr("aeiou", folded[0]);
}

/* A name, written after a French "de" as the language wants: "d'" before a vowel (d'Orange),
 * "du"/"des" for a name that starts with the article "Le"/"Les" (du Monde, des Echos). */
static int put_name(dp_strbuf *out, enum dp_lang lang, const char *name)
{
    int after_de = langs[lang].elides_de && out->len >= 3 &&
                   !memcmp(out->data + out->len - 3, "de ", 3) &&
                   (out->len == 3 || out->data[out->len - 4] == ' ');
    if (after_de && (!strncmp(name, "Le ", 3) || !strncmp(name, "Les ", 4))) {
        out->len -= 3;
        int plural = name[2] == 's';
        return dp_strbuf_puts(out, plural ? "des " : "du ") ||
               dp_strbuf_puts(out, name + (plural ? 4 : 3));
    }
    if (after_de && starts_with_vowel(name)) {
        out->len -= 1;
        out->data[out->len - 1] = '\'';
    }
    return dp_strbuf_puts(out, name);
}

static int fill(dp_strbuf *out, const char *p, const char *end, const filling *f, int *missing)
{
    int fail = 0;
    while (p < end && !fail) {
        if (*p == '[') {
            int depth = 1;
            const char *close = p + 1, *bar = NULL;
            for (; close < end && depth; close++) {
                depth += *close == '[' ? 1 : *close == ']' ? -1 : 0;
                if (*close == '|' && depth == 1 && !bar)
                    bar = close;
            }
            const char *inner_end = close - 1; /* the ']' */
            /* filled in place, taken back when an argument is missing; the elision of a
             * "de " just before may have changed it, so its last bytes are kept too */
            size_t mark = out->len, kept = mark < 3 ? mark : 3;
            char before[3];
            if (kept)
                memcpy(before, out->data + mark - kept, kept);
            int part_missing = 0;
            fail = fill(out, p + 1, bar ? bar : inner_end, f, &part_missing);
            if (!fail && part_missing) {
                if (out->data) {
                    memcpy(out->data + mark - kept, before, kept);
                    out->data[mark] = '\0';
                }
                out->len = mark;
                if (bar)
                    fail = fill(out, bar + 1, inner_end, f, missing);
            }
            p = close;
        } else if (*p == '{') {
            const char *close = memchr(p, '}', (size_t)(end - p));
            if (!close)
                break;
            size_t n = (size_t)(close - p - 1), count = 0;
            int own_words = n > 5 && !memcmp(close - 5, ":text", 5);
            if (own_words)
                n -= 5;
            while (f->names(f->event, p + 1, n, count, own_words))
                count++;
            for (size_t k = 0; k < count && !fail; k++) {
                if (k)
                    fail = dp_strbuf_puts(out, k + 1 < count ? ", " : langs[f->lang].and);
                fail = fail || put_name(out, f->lang, f->names(f->event, p + 1, n, k, own_words));
            }
            *missing |= !count;
            p = close + 1;
        } else {
            fail = dp_strbuf_putc(out, *p++);
        }
    }
    return fail;
}

char *dp_summary_fill(const dp_summary_rules *r, enum dp_lang lang, enum dp_event_type type,
                      dp_summary_names names, const void *event)
{
    const char *template = r->template[lang][type];
    if (!template)
        return dp_strdup(dp_event_type_name(type));
    dp_strbuf out = {0};
    int missing = 0;
    filling f = {lang, names, event};
    if (fill(&out, template, template + strlen(template), &f, &missing)) {
        dp_strbuf_release(&out);
        return NULL;
    }
    return out.data ? dp_strbuf_take(&out) : dp_strdup("");
}
