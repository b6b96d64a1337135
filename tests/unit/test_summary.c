/* Summaries: the templates filled in English and in French (lists, optional parts, the French
 * "d'" and "du"), every type given a template in every language, and bad "summary" lines. */
#include <stdlib.h>

#include "check.h"
#include "data_file.h"
#include "summary.h"

typedef struct fake_event {
    const char *pairs[8][2];
} fake_event;

/* A made-up event: role=name pairs; a role's own words are its name in capitals. */
static const char *fake_name(const void *event, const char *role, size_t role_len, size_t k,
                             int own_words)
{
    static char words[64];
    const fake_event *ev = event;
    for (size_t i = 0; i < 8 && ev->pairs[i][0]; i++)
        if (dp_word_is(role, role_len, ev->pairs[i][0]) && !k--) {
            if (!own_words)
                return ev->pairs[i][1];
            size_t n = 0;
            for (const char *c = ev->pairs[i][1]; *c && n + 1 < sizeof words; c++)
                words[n++] = (char)(*c >= 'a' && *c <= 'z' ? *c - 32 : *c);
            words[n] = '\0';
            return words;
        }
    return NULL;
}

static void expect_summary(const dp_summary_rules *r, enum dp_lang lang, enum dp_event_type type,
                           const fake_event *ev, const char *want, int line)
{
    char *got = dp_summary_fill(r, lang, type, fake_name, ev);
    CHECK_AT(got && !strcmp(got, want), __FILE__, line, "got '%s', expected '%s'", got ? got : "(null)",
             want);
    free(got);
}
#define EXPECT_SUMMARY(r, lang, type, ev, want) expect_summary(r, lang, type, ev, want, __LINE__)

int main(void)
{
    dp_summary_rules r = {0};
    depeche_error err;
    CHECK(dp_summary_rules_load_defaults(&r, &err) == 0);
    for (int l = 0; l < DP_LANGS; l++)
        for (int t = 0; t < DP_EVENT_TYPES; t++)
            CHECK_AT(r.template[l][t] != NULL, __FILE__, __LINE__, "no template for language %d, %s", l,
                     dp_event_type_name((enum dp_event_type)t));

    fake_event resigns = {{{"person", "Claire Dubois"}, {"org", "Orange"}}};
    EXPECT_SUMMARY(&r, DP_LANG_EN, DP_EV_RESIGNATION, &resigns, "Claire Dubois resigns from Orange");
    EXPECT_SUMMARY(&r, DP_LANG_FR, DP_EV_RESIGNATION, &resigns, "Claire Dubois démissionne d'Orange");
    fake_event resigns_le = {{{"person", "Paul Mercadier"}, {"org", "Le Monde"}}};
    EXPECT_SUMMARY(&r, DP_LANG_FR, DP_EV_RESIGNATION, &resigns_le, "Paul Mercadier démissionne du Monde");
    fake_event resigns_les = {{{"person", "Paul Mercadier"}, {"org", "Les Echos"}}};
    EXPECT_SUMMARY(&r, DP_LANG_FR, DP_EV_RESIGNATION, &resigns_les, "Paul Mercadier démissionne des Echos");
    fake_event resigns_alone = {{{"person", "Paul Mercadier"}}};
    EXPECT_SUMMARY(&r, DP_LANG_FR, DP_EV_RESIGNATION, &resigns_alone, "Paul Mercadier démissionne");

    fake_event merger = {{{"partners", "Alstom"}, {"partners", "Siemens"}, {"partners", "Bombardier"}}};
    EXPECT_SUMMARY(&r, DP_LANG_EN, DP_EV_MERGER, &merger, "Alstom, Siemens and Bombardier merge");
    EXPECT_SUMMARY(&r, DP_LANG_FR, DP_EV_MERGER, &merger, "Fusion d'Alstom, Siemens et Bombardier");

    fake_event appointed = {{{"person", "Emmett Shear"}, {"role", "ceo"}, {"org", "OpenAI"}}};
    EXPECT_SUMMARY(&r, DP_LANG_EN, DP_EV_APPOINTMENT, &appointed, "Emmett Shear appointed ceo of OpenAI");
    EXPECT_SUMMARY(&r, DP_LANG_FR, DP_EV_APPOINTMENT, &appointed, "OpenAI nomme Emmett Shear CEO");
    fake_event appointed_nowhere = {{{"person", "Emmett Shear"}}};
    EXPECT_SUMMARY(&r, DP_LANG_FR, DP_EV_APPOINTMENT, &appointed_nowhere, "Nomination d'Emmett Shear");

    fake_event layoffs = {{{"org", "Fictivia"}}};
    EXPECT_SUMMARY(&r, DP_LANG_FR, DP_EV_LAYOFFS, &layoffs, "Fictivia supprime des emplois");
    fake_event layoffs_counted = {{{"org", "Fictivia"}, {"count", "2 600"}}};
    EXPECT_SUMMARY(&r, DP_LANG_FR, DP_EV_LAYOFFS, &layoffs_counted, "Fictivia supprime 2 600 emplois");
    fake_event funding = {{{"target", "Quantiva"}, {"investor", "Eurazeo"}}};
    EXPECT_SUMMARY(&r, DP_LANG_FR, DP_EV_FUNDING, &funding, "Quantiva lève des fonds auprès d'Eurazeo");

    /* a part taken back leaves no elision behind it */
    dp_summary_rules own = {0};
    const char *line = "fr fine de [{org} {amount}|rien]";
    const char *kind = "summary";
    CHECK(dp_summary_rules_load(&own, kind, strlen(kind), line, strlen(line), "t", 1, &err) == 1);
    EXPECT_SUMMARY(&own, DP_LANG_FR, DP_EV_FINE, &resigns, "de rien");
    EXPECT_SUMMARY(&own, DP_LANG_EN, DP_EV_FINE, &resigns, "fine");
    dp_summary_rules_release(&own);
    dp_summary_rules_release(&r);

    CHECK_STR(data_error("summary acquisition {acquirer} buys {target}\n", 0),
              "1: expected 'summary LANG TYPE TEMPLATE' with LANG one of en, fr and TYPE an event type");
    CHECK_STR(data_error("summary de acquisition {acquirer} kauft {target}\n", 0),
              "1: expected 'summary LANG TYPE TEMPLATE' with LANG one of en, fr and TYPE an event type");
    CHECK_STR(data_error("summary fr acquisition\n", 0),
              "1: expected 'summary LANG TYPE TEMPLATE' with LANG one of en, fr and TYPE an event type");
    CHECK_STR(data_error("summary en acquisition {acquirer} buys {target}\n", 0), "");
    return check_report();
}
