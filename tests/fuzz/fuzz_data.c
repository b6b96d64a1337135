/* libFuzzer target: the gazetteer and pattern loaders. The first byte chooses which; the rest
 * is the file. A bad file must give an error, never a crash or a leak. */
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#include "depeche.h"

int LLVMFuzzerTestOneInput(const unsigned char *data, size_t size)
{
    if (!size)
        return 0;
    char path[64];
    snprintf(path, sizeof path, "/tmp/depeche-fuzz-data-%d.txt", (int)getpid());
    FILE *f = fopen(path, "wb");
    if (!f)
        return 0;
    fwrite(data + 1, 1, size - 1, f);
    fclose(f);
    const char *p = path;
    depeche_engine_options o = {.no_defaults = 1};
    if (data[0] & 1)
        o.gazetteer_paths = &p, o.n_gazetteer_paths = 1;
    else
        o.pattern_paths = &p, o.n_pattern_paths = 1;
    depeche_error err;
    depeche_engine *e = depeche_engine_new(&o, &err);
    if (e) {
        const char *text = "Sam Altman rejoint Microsoft, a annoncé le groupe lundi 20 nov. 2023.";
        depeche_input in = {.text = text, .length = 70};
        depeche_document_free(depeche_extract(e, &in, &err));
    }
    depeche_engine_free(e);
    unlink(path);
    return 0;
}
