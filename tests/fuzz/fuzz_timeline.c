/* libFuzzer target: records for the timeline, one a line, then every format rendered. */
#include <stdlib.h>
#include <string.h>

#include "depeche.h"

int LLVMFuzzerTestOneInput(const unsigned char *data, size_t size)
{
    depeche_timeline *tl = depeche_timeline_new();
    depeche_error err;
    const char *p = (const char *)data, *end = p + size;
    while (tl && p < end) {
        const char *nl = memchr(p, '\n', (size_t)(end - p));
        size_t len = nl ? (size_t)(nl - p) : (size_t)(end - p);
        depeche_timeline_add_json(tl, p, len, &err);
        p += len + 1;
    }
    const char *entity = "orange";
    depeche_timeline_filter filter = {.entities = &entity, .n_entities = 1, .since = "2020"};
    for (int f = DEPECHE_TIMELINE_JSON; f <= DEPECHE_TIMELINE_HTML; f++) {
        free(depeche_timeline_render(tl, NULL, (depeche_timeline_format)f, &err));
        free(depeche_timeline_render(tl, &filter, (depeche_timeline_format)f, &err));
    }
    depeche_timeline_free(tl);
    return 0;
}
