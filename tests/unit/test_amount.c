/* Amounts and counts read as numbers, with the default scale and currency lines, and the
 * errors of bad lines. */
#include <math.h>
#include <stdlib.h>

#include "check.h"
#include "data_file.h"
#include "engine.h"

static void expect_amount(const depeche_engine *e, const char *text, double value, const char *currency)
{
    double got = -1;
    char code[4] = "?";
    int found = dp_amount_read(&e->amounts, text, strlen(text), &got, code);
    CHECK_AT(found && fabs(got - value) < 1e-6 && !strcmp(code, currency), __FILE__, __LINE__,
             "'%s' read as %.4f '%s' (found %d), expected %.4f '%s'", text, got, code, found, value,
             currency);
}

int main(void)
{
    depeche_error err;
    depeche_engine *e = depeche_engine_new(NULL, &err);
    CHECK(e != NULL);
    if (!e)
        return check_report();
    static const struct {
        const char *text;
        double value;
        const char *currency;
    } amounts[] = {
        {"120 millions d'euros", 120e6, "EUR"},
        {"7,4 mds d\xE2\x80\x99" "euros", 7.4e9, "EUR"},
        {"51,15 millions d'euros", 51150000, "EUR"},
        {"5.3 millions de dollars", 5.3e6, "USD"},
        {"30 M\xE2\x82\xAC", 30e6, "EUR"},
        {"500 k$", 500e3, "USD"},
        {"2 Md\xE2\x82\xAC", 2e9, "EUR"},
        {"6 385 000 $", 6385000, "USD"},
        {"6\xE2\x80\xAF" "385\xC2\xA0" "000 \xC2\xA3", 6385000, "GBP"},
        {"15.000", 15000, ""},
        {"15 000", 15000, ""},
        {"1,1 milliard", 1.1e9, ""},
        {"plus de 1.300 postes", 1300, ""},
        {"1,5", 1.5, ""},
        {"2015 salariés", 2015, ""},
    };
    for (size_t i = 0; i < sizeof amounts / sizeof *amounts; i++)
        expect_amount(e, amounts[i].text, amounts[i].value, amounts[i].currency);
    double v;
    char code[4];
    CHECK(!dp_amount_read(&e->amounts, "des centaines", 13, &v, code));
    depeche_engine_free(e);

    CHECK_STR(data_error("scale 0 riens\n", 0), "1: expected 'scale EXPONENT WORDS...' with EXPONENT from 1 to 99");
    CHECK_STR(data_error("currency euro euros\n", 0),
              "1: expected 'currency CODE WORDS...' with CODE an ISO 4217 code (EUR)");
    CHECK_STR(data_error("currency XAU\n", 0), "1: expected at least one word");
    CHECK_STR(data_error("currency XAU once onces\n", 0), "");
    return check_report();
}
