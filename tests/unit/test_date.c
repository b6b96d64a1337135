/* Date cases from tests/data/dates.cases, and ISO formatting. */
#include "cases.h"
#include "check.h"
#include "engine.h"
#include "normalize.h"

static void date_case(const char *input, const char *expected, const char *where)
{
    dp_text text = {0};
    dp_normalize(&text, input, strlen(input));
    dp_token toks[DP_MAX_SENTENCE_TOKENS];
    dp_tokenizer tz;
    dp_tokenizer_start(&tz, &engine->tokens, text.norm, (dp_span){0, (uint32_t)text.norm_len}, 0);
    const char *got = "-";
    char iso[11];
    size_t n;
    while ((n = dp_tokenizer_next_sentence(&tz, toks))) {
        dp_date_match m;
        if (dp_date_find_full(&engine->dates, text.norm, toks, n, 0, &m)) {
            got = dp_date_iso(m.date, iso);
            break;
        }
    }
    CHECK_AT(!strcmp(got, expected), where, 0, "date of '%s' is %s, expected %s", input, got, expected);
    dp_text_release(&text);
}

int main(int argc, char **argv)
{
    if (cases_main(argc, argv, date_case, 15))
        return check_report() | 1;

    char iso[11];
    CHECK_STR(dp_date_iso((dp_date){2023, 11, 20}, iso), "2023-11-20");
    CHECK_STR(dp_date_iso((dp_date){2023, 11, 0}, iso), "2023-11");
    CHECK_STR(dp_date_iso((dp_date){2023, 0, 0}, iso), "2023");
    CHECK(dp_date_iso((dp_date){0, 0, 0}, iso) == NULL);
    dp_date d;
    CHECK(dp_date_parse_iso("2019-02-27", &d) && d.year == 2019 && d.month == 2 && d.day == 27);
    CHECK(dp_date_parse_iso("2019-02-27T10:00:00Z", &d) && d.day == 27);
    CHECK(!dp_date_parse_iso("2019-02-30", &d));
    CHECK(!dp_date_parse_iso("27/02/2019", &d));
    CHECK(!dp_date_parse_iso("", &d));
    depeche_engine_free(engine);
    return check_report();
}
