/* The pipeline for `depeche parse`: read -> normalize -> tokenize -> syntax, a sentence at a
 * time, each handed to the caller's callback. */
#include <stdlib.h>
#include <string.h>

#include "article.h"
#include "engine.h"
#include "normalize.h"
#include "parse.h"

typedef struct parse_work {
    dp_syntax_work *syntax;
    dp_token toks[DP_MAX_SENTENCE_TOKENS];
    depeche_token tokens[DP_MAX_SENTENCE_TOKENS];
    depeche_word words[DP_MAX_SENTENCE_WORDS];
    dp_strbuf strings; /* the sentence's text and token forms, NUL-terminated */
} parse_work;

/* Builds the public view of one analysed sentence and hands it over. */
static int deliver(const dp_text *t, const dp_syntax *syn, parse_work *pw, size_t n,
                   size_t index, dp_orig_cursor *cursor, depeche_sentence_fn fn, void *ctx)
{
    return dp_parse_deliver(t, syn, pw->syntax, pw->toks, n, index, cursor, &pw->strings,
                            pw->tokens, pw->words, fn, ctx);
}

int dp_parse_deliver(const dp_text *t, const dp_syntax *syn, const dp_syntax_work *w,
                     const dp_token *toks, size_t n, size_t index, dp_orig_cursor *cursor,
                     dp_strbuf *strings, depeche_token *tokens, depeche_word *words,
                     depeche_sentence_fn fn, void *ctx)
{
    size_t start_cp = dp_text_orig_cp(t, toks[0].cp_start);
    size_t end_cp = dp_text_orig_cp(t, toks[n - 1].cp_end);
    size_t b0 = dp_text_orig_byte(t, cursor, (uint32_t)start_cp);
    dp_orig_cursor c = *cursor; /* walks the tokens while the first goes to the end */
    size_t b1 = dp_text_orig_byte(t, cursor, (uint32_t)end_cp);
    /* room for the text and every token's form, reserved at once so that pointers hold */
    strings->len = 0;
    if (dp_reserve((void **)&strings->data, &strings->cap, 2 * (b1 - b0) + n + 1, 1))
        return DEPECHE_ERR_NOMEM;
    char *text = strings->data;
    memcpy(text, t->orig + b0, b1 - b0);
    text[b1 - b0] = '\0';
    for (char *p = text; *p; p++)
        if (*p == '\n' || *p == '\r' || *p == '\t')
            *p = ' ';
    size_t used = b1 - b0 + 1;
    size_t wi = 0;
    for (size_t i = 0; i < n; i++) {
        depeche_token *tk = &tokens[i];
        tk->start = dp_text_orig_cp(t, toks[i].cp_start);
        tk->end = dp_text_orig_cp(t, toks[i].cp_end);
        size_t s = dp_text_orig_byte(t, &c, (uint32_t)tk->start);
        size_t e = dp_text_orig_byte(t, &c, (uint32_t)tk->end);
        char *form = strings->data + used;
        memcpy(form, t->orig + s, e - s);
        form[e - s] = '\0';
        used += e - s + 1;
        tk->form = form;
        tk->space_after = i + 1 < n ? toks[i + 1].cp_start > toks[i].cp_end
                                    : toks[i].end < t->norm_len &&
                                          (t->norm[toks[i].end] == ' ' ||
                                           t->norm[toks[i].end] == '\n');
        tk->first_word = wi;
        tk->n_words = 0;
        while (wi < w->n_words && w->words[wi].token == i) {
            const dp_word *src = &w->words[wi];
            depeche_word *dst = &words[wi];
            dst->form = src->form ? src->form : form;
            dst->lemma = src->lemma[0] ? src->lemma : dst->form;
            dst->upos = dp_tag_names[src->upos];
            dst->feats = src->feats;
            dst->deprel = src->head == 0 ? "root" : syn->model.relations[src->rel];
            dst->head = src->head;
            dst->token = i;
            tk->n_words++;
            wi++;
        }
    }
    depeche_sentence s = {index, text, tokens, n, words, wi};
    return fn(ctx, &s);
}

int depeche_parse(const depeche_engine *e, const depeche_input *in, depeche_sentence_fn fn,
                  void *ctx, depeche_error *err)
{
    if (!e || !in || !fn || (!in->text && in->length))
        return dp_fail(err, DEPECHE_ERR_ARGUMENT, NULL, 0, 0, "no engine, input or callback");
    dp_article article;
    dp_text text = {0};
    parse_work *pw = NULL;
    int rc = dp_article_read(in, &article, err);
    if (rc)
        goto out;
    rc = DEPECHE_ERR_NOMEM;
    pw = dp_calloc(1, sizeof *pw);
    if (!pw || !(pw->syntax = dp_syntax_work_new()) ||
        dp_normalize(&text, article.bytes, article.length))
        goto out;
    rc = 0;
    size_t index = 0, line_start = 0;
    uint32_t cp = 0;
    dp_orig_cursor cursor = {0, 0};
    /* a line at a time: sentences never cross a line */
    while (!rc && line_start < text.norm_len) {
        const char *nl = memchr(text.norm + line_start, '\n', text.norm_len - line_start);
        size_t line_end = nl ? (size_t)(nl - text.norm) : text.norm_len;
        dp_tokenizer tz;
        dp_tokenizer_start(&tz, &e->tokens, text.norm,
                           (dp_span){(uint32_t)line_start, (uint32_t)line_end}, cp);
        size_t n;
        while (!rc && (n = dp_tokenizer_next_sentence(&tz, pw->toks))) {
            dp_syntax_analyse(&e->syntax, text.norm, pw->toks, n, NULL, pw->syntax);
            rc = deliver(&text, &e->syntax, pw, n, ++index, &cursor, fn, ctx);
        }
        cp += (uint32_t)dp_utf8_count(text.norm + line_start, line_end - line_start) + (nl != NULL);
        line_start = line_end + 1;
    }
out:
    if (rc == DEPECHE_ERR_NOMEM)
        dp_fail(err, rc, NULL, 0, 0, "out of memory");
    if (pw) {
        dp_syntax_work_free(pw->syntax);
        dp_strbuf_release(&pw->strings);
        free(pw);
    }
    dp_text_release(&text);
    dp_article_release(&article);
    return rc;
}
