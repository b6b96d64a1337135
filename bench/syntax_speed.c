/* syntax_speed FILE: the syntax stage's own speed on a text (bench/run.sh gives it the corpus's
 * texts). The text is normalized and cut into sentences first, outside the clock; then the
 * tagger alone (lexicon look-ups, both passes) and tagger + parser run over every sentence, and
 * each prints tokens per second on one core. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "analyse.h"
#include "engine.h"
#include "normalize.h"

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

int main(int argc, char **argv)
{
    if (argc != 2) {
        fputs("usage: syntax_speed FILE\n", stderr);
        return 2;
    }
    depeche_error err;
    char *data, msg[1200];
    size_t size;
    if (depeche_read_file(argv[1], &data, &size, &err)) {
        fprintf(stderr, "syntax_speed: %s\n", depeche_error_format(&err, msg, sizeof msg));
        return 2;
    }
    depeche_engine *e = depeche_engine_new(NULL, &err);
    dp_text text = {0};
    dp_syntax_work *w = dp_syntax_work_new();
    if (!e || !w || dp_normalize(&text, data, size)) {
        fputs("syntax_speed: cannot start\n", stderr);
        return 2;
    }
    /* sentences: start offsets into one array of tokens */
    size_t cap = 1 << 20, n_toks = 0, n_sent = 0, sent_cap = 1 << 16;
    dp_token *toks = malloc(cap * sizeof *toks);
    size_t *sent = malloc(sent_cap * sizeof *sent);
    dp_tokenizer tz;
    dp_tokenizer_start(&tz, &e->tokens, text.norm, (dp_span){0, (uint32_t)text.norm_len}, 0);
    size_t k;
    for (;;) {
        if (n_toks + DP_MAX_SENTENCE_TOKENS > cap)
            toks = realloc(toks, (cap *= 2) * sizeof *toks);
        if (n_sent + 1 >= sent_cap)
            sent = realloc(sent, (sent_cap *= 2) * sizeof *sent);
        if (!toks || !sent)
            return 2;
        if (!(k = dp_tokenizer_next_sentence(&tz, toks + n_toks)))
            break;
        sent[n_sent++] = n_toks;
        n_toks += k;
    }
    sent[n_sent] = n_toks;
    double t0 = now();
    for (size_t s = 0; s < n_sent; s++) {
        size_t n = sent[s + 1] - sent[s];
        const dp_token *t = toks + sent[s];
        for (size_t i = 0; i < n; i++)
            dp_tag_token_words(&e->syntax.morpho, text.norm + t[i].start, t[i].end - t[i].start,
                               i == 0, &w->tags_in[i]);
        for (size_t i = 0; i < n; i++)
            dp_tag_token_lexicon(&e->syntax.morpho, text.norm + t[i].start,
                                 t[i].end - t[i].start, &w->tags_in[i]);
        dp_tagger_run(&e->syntax.model.tagger, w->tags_in, n, w->first_pass, w->tags);
    }
    double t1 = now();
    for (size_t s = 0; s < n_sent; s++)
        dp_syntax_analyse(&e->syntax, text.norm, toks + sent[s], sent[s + 1] - sent[s], NULL, w);
    double t2 = now();
    printf("tagging alone          %.0f tokens/s (%zu tokens, %zu sentences)\n",
           (double)n_toks / (t1 - t0), n_toks, n_sent);
    printf("tagging and parsing    %.0f tokens/s\n", (double)n_toks / (t2 - t1));
    free(toks);
    free(sent);
    dp_syntax_work_free(w);
    dp_text_release(&text);
    depeche_engine_free(e);
    free(data);
    return 0;
}
