/* Builds the gazetteer image compiled into the library: loads the default gazetteers
 * (the gazetteers/ text files, split into tokens by the default patterns) as the engine would,
 * and writes the loaded trie, so that the library opens it in place at start-up.
 *
 *     build_gazetteer_image OUT
 *
 * This program links the library without an image (dp_gazetteer_image_size is 0 here), so its
 * engine reads the text files. */
#include <stdio.h>
#include <stdlib.h>

#include "engine.h"
#include "resource.h"

const unsigned char dp_gazetteer_image[1];
const size_t dp_gazetteer_image_size = 0;

int main(int argc, char **argv)
{
    if (argc != 2) {
        fprintf(stderr, "usage: build_gazetteer_image OUT\n");
        return 2;
    }
    depeche_error err;
    depeche_engine *e = depeche_engine_new(NULL, &err);
    if (!e) {
        char msg[1200];
        depeche_error_format(&err, msg, sizeof msg);
        fprintf(stderr, "build_gazetteer_image: %s\n", msg);
        return 1;
    }
    dp_strbuf image = {0};
    int rc = dp_gazetteer_write_image(&e->gazetteer, &image);
    FILE *f = rc ? NULL : fopen(argv[1], "wb");
    if (!f || fwrite(image.data, 1, image.len, f) != image.len || fclose(f)) {
        fprintf(stderr, "build_gazetteer_image: cannot write %s\n", argv[1]);
        rc = 1;
    }
    dp_strbuf_release(&image);
    depeche_engine_free(e);
    return rc ? 1 : 0;
}
