/* Event cases from tests/data/events.cases, end to end through the public API. */
#include <stdlib.h>

#include "cases.h"
#include "check.h"
#include "document.h"
#include "engine.h"

static void event_case(const char *input, const char *expected, const char *where)
{
    depeche_error err;
    char text[4096]; /* the article, "\\n" read as a line break */
    size_t n = 0;
    for (const char *c = input; *c && n + 1 < sizeof text; c++)
        text[n++] = c[0] == '\\' && c[1] == 'n' ? (c++, '\n') : *c;
    text[n] = '\0';
    depeche_input in = {.id = "case", .text = text, .length = n, .published = "2023-11-20"};
    depeche_document *doc = depeche_extract(engine, &in, &err);
    char got[2048] = "";
    size_t used = 0;
    for (size_t i = 0; doc && i < doc->n_events && used < sizeof got; i++) {
        const dp_out_event *ev = &doc->events[i];
        char iso[11];
        used += (size_t)snprintf(got + used, sizeof got - used, "%s%s/%s/%s%s%s", i ? " | " : "",
                                 ev->type, ev->modality, ev->summary, ev->has_date ? "/" : "",
                                 ev->has_date ? dp_date_iso(ev->date, iso) : "");
    }
    if (!used)
        snprintf(got, sizeof got, "-");
    CHECK_AT(doc && !strcmp(got, expected), where, 0, "events of: %s\n  got:      %s\n  expected: %s",
             input, got, expected);
    depeche_document_free(doc);
}

int main(int argc, char **argv)
{
    if (cases_main(argc, argv, event_case, 20))
        return check_report() | 1;
    depeche_engine_free(engine);
    return check_report();
}
