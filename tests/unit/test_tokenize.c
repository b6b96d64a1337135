/* Tokenizer cases from tests/data/tokenize.cases, offsets checked against the input. */
#include "cases.h"
#include "check.h"
#include "engine.h"
#include "normalize.h"

static void tokenize_case(const char *input, const char *expected, const char *where)
{
    dp_text text = {0};
    if (dp_normalize(&text, input, strlen(input))) {
        CHECK_AT(0, where, 0, "normalize failed");
        return;
    }
    dp_token toks[DP_MAX_SENTENCE_TOKENS];
    dp_tokenizer tz;
    dp_tokenizer_start(&tz, &engine->tokens, text.norm, (dp_span){0, (uint32_t)text.norm_len}, 0);
    char got[2048] = "";
    size_t n, used = 0;
    int first_sentence = 1;
    while ((n = dp_tokenizer_next_sentence(&tz, toks))) {
        if (!first_sentence)
            used += (size_t)snprintf(got + used, sizeof got - used, "||");
        for (size_t i = 0; i < n && used < sizeof got; i++) {
            const dp_token *t = &toks[i];
            used += (size_t)snprintf(got + used, sizeof got - used, "%s%.*s", i ? "|" : "",
                                     (int)(t->end - t->start), text.norm + t->start);
            /* the token's offsets, mapped back, select its text in the original input */
            dp_orig_cursor cur = {0, 0};
            size_t b0 = dp_text_orig_byte(&text, &cur, dp_text_orig_cp(&text, t->cp_start));
            size_t b1 = dp_text_orig_byte(&text, &cur, dp_text_orig_cp(&text, t->cp_end));
            dp_text piece = {0};
            int ok = !dp_normalize(&piece, text.orig + b0, b1 - b0) &&
                     piece.norm_len == t->end - t->start &&
                     !memcmp(piece.norm, text.norm + t->start, piece.norm_len);
            CHECK_AT(ok, where, 0, "token '%.*s' maps back to '%.*s'", (int)(t->end - t->start),
                     text.norm + t->start, (int)(b1 - b0), text.orig + b0);
            dp_text_release(&piece);
        }
        first_sentence = 0;
    }
    CHECK_AT(!strcmp(got, expected), where, 0, "tokens\n  got:      %s\n  expected: %s", got, expected);
    dp_text_release(&text);
}

int main(int argc, char **argv)
{
    if (cases_main(argc, argv, tokenize_case, 20))
        return check_report() | 1;
    /* a line without any stop is cut into bounded sentences */
    char *longline = malloc(30001);
    for (int i = 0; i < 10000; i++)
        memcpy(longline + 3 * i, "ab ", 3);
    longline[30000] = '\0';
    dp_token toks[DP_MAX_SENTENCE_TOKENS];
    dp_tokenizer tz;
    dp_tokenizer_start(&tz, &engine->tokens, longline, (dp_span){0, 30000}, 0);
    size_t n, total = 0, sentences = 0;
    while ((n = dp_tokenizer_next_sentence(&tz, toks))) {
        CHECK(n <= DP_MAX_SENTENCE_TOKENS);
        total += n;
        sentences++;
    }
    CHECK_INT(total, 10000);
    CHECK_INT(sentences, (10000 + DP_MAX_SENTENCE_TOKENS - 1) / DP_MAX_SENTENCE_TOKENS);
    free(longline);
    depeche_engine_free(engine);
    return check_report();
}
