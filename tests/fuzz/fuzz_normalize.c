/* libFuzzer target: decoding and normalization. The normalized text must be valid UTF-8, the
 * offset map must be monotonic and stay within the original, and folding must not overflow. */
#include <stdlib.h>
#include <string.h>

#include "normalize.h"

int LLVMFuzzerTestOneInput(const unsigned char *data, size_t size)
{
    dp_text t = {0};
    if (dp_normalize(&t, (const char *)data, size))
        return 0;
    size_t cps = dp_utf8_count(t.norm, t.norm_len), orig_cps = dp_utf8_count(t.orig, t.orig_len);
    uint32_t last = 0;
    for (uint32_t cp = 0; cp <= cps; cp += 1 + cp / 8) {
        uint32_t o = dp_text_orig_cp(&t, cp);
        if (o < last || o > orig_cps)
            abort();
        last = o;
    }
    char key[64];
    dp_fold_key(t.norm, t.norm_len < 48 ? t.norm_len : 48, key, sizeof key);
    dp_text_release(&t);
    return 0;
}
