/* libFuzzer target: the whole pipeline on one article, and its JSON. */
#include <stdlib.h>

#include "depeche.h"

static depeche_engine *engine;

int LLVMFuzzerTestOneInput(const unsigned char *data, size_t size)
{
    depeche_error err;
    if (!engine && !(engine = depeche_engine_new(NULL, &err)))
        abort();
    depeche_input in = {.id = "fuzz", .text = (const char *)data, .length = size,
                        .published = "2023-11-20"};
    depeche_document *doc = depeche_extract(engine, &in, &err);
    if (doc) {
        char *json = depeche_document_json(doc, DEPECHE_JSON_EXPLAIN);
        if (!json)
            abort();
        free(json);
    }
    depeche_document_free(doc);
    return 0;
}
