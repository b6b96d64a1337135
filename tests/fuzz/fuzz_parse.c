/* libFuzzer target: the syntax stage on one article (tokens, tagger, parser), and its CoNLL-U;
 * every sentence must be one tree. */
#include <stdlib.h>

#include "depeche.h"

static depeche_engine *engine;

static int check_sentence(void *ctx, const depeche_sentence *s)
{
    (void)ctx;
    size_t roots = 0;
    for (size_t i = 0; i < s->n_words; i++) {
        if (s->words[i].head > s->n_words || s->words[i].head == i + 1)
            abort();
        roots += s->words[i].head == 0;
    }
    if (s->n_words && roots != 1)
        abort();
    char *text = depeche_sentence_conllu(s, "fuzz");
    if (!text)
        abort();
    free(text);
    return 0;
}

int LLVMFuzzerTestOneInput(const unsigned char *data, size_t size)
{
    depeche_error err;
    if (!engine && !(engine = depeche_engine_new(NULL, &err)))
        abort();
    depeche_input in = {.id = "fuzz", .text = (const char *)data, .length = size};
    int rc = depeche_parse(engine, &in, check_sentence, NULL, &err);
    if (rc == DEPECHE_ERR_ARGUMENT)
        abort();
    return 0;
}
