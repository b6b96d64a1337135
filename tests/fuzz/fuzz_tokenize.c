/* libFuzzer target: the tokenizer over normalized text, token by token invariants. */
#include <stdlib.h>

#include "engine.h"
#include "normalize.h"

static depeche_engine *engine;

int LLVMFuzzerTestOneInput(const unsigned char *data, size_t size)
{
    if (!engine && !(engine = depeche_engine_new(NULL, NULL)))
        abort();
    dp_text t = {0};
    if (dp_normalize(&t, (const char *)data, size))
        return 0;
    static dp_token toks[DP_MAX_SENTENCE_TOKENS];
    dp_tokenizer tz;
    dp_tokenizer_start(&tz, &engine->tokens, t.norm, (dp_span){0, (uint32_t)t.norm_len}, 0);
    size_t n;
    uint32_t prev_end = 0;
    while ((n = dp_tokenizer_next_sentence(&tz, toks)))
        for (size_t i = 0; i < n; i++) {
            if (toks[i].start < prev_end || toks[i].end <= toks[i].start || toks[i].end > t.norm_len ||
                toks[i].cp_end < toks[i].cp_start)
                abort();
            prev_end = toks[i].end;
        }
    dp_text_release(&t);
    return 0;
}
