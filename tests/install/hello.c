/* A program built against the installed library (tests/install.sh): one sentence in, its
 * events' count and the library's version out. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <depeche.h>

int main(void)
{
    depeche_error err;
    depeche_engine *engine = depeche_engine_new(NULL, &err);
    if (!engine) {
        char msg[1200];
        fprintf(stderr, "hello: %s\n", depeche_error_format(&err, msg, sizeof msg));
        return 1;
    }
    const char *text = "Le groupe Renault a racheté la société Nissan en mars 2024.";
    depeche_input in = {.id = "hello", .text = text, .length = strlen(text)};
    depeche_document *doc = depeche_extract(engine, &in, &err);
    if (!doc)
        return 1;
    printf("depeche %s (header %s): %zu event\n", depeche_version(), DEPECHE_VERSION_STRING,
           depeche_document_event_count(doc));
    depeche_document_free(doc);
    depeche_engine_free(engine);
    return 0;
}
