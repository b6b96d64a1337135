/* CoNLL-U output of one parsed sentence (https://universaldependencies.org/format.html). */
#include <stdlib.h>
#include <string.h>

#include "internal.h"

/* A field never holds a tab or a line end, and never is empty: "_" stands for nothing. */
static int put_field(dp_strbuf *b, const char *s)
{
    if (!s || !*s)
        return dp_strbuf_putc(b, '_');
    for (const char *p = s; *p; p++)
        if (dp_strbuf_putc(b, *p == '\t' || *p == '\n' || *p == '\r' ? ' ' : *p))
            return -1;
    return 0;
}

static int put_misc(dp_strbuf *b, const depeche_token *t)
{
    return dp_strbuf_printf(b, "%sTokenRange=%zu:%zu\n", t->space_after ? "" : "SpaceAfter=No|",
                            t->start, t->end);
}

char *depeche_sentence_conllu(const depeche_sentence *s, const char *doc_id)
{
    dp_strbuf b = {0};
    int rc = 0;
    if (doc_id)
        rc = dp_strbuf_puts(&b, "# doc_id = ") || put_field(&b, doc_id) ||
             dp_strbuf_printf(&b, "\n# sent_id = ") || put_field(&b, doc_id) ||
             dp_strbuf_printf(&b, "-%zu\n", s->index);
    else
        rc = dp_strbuf_printf(&b, "# sent_id = %zu\n", s->index);
    rc = rc || dp_strbuf_puts(&b, "# text = ") || put_field(&b, s->text) || dp_strbuf_putc(&b, '\n');
    for (size_t i = 0; i < s->n_tokens && !rc; i++) {
        const depeche_token *t = &s->tokens[i];
        if (t->n_words > 1)
            rc = dp_strbuf_printf(&b, "%zu-%zu\t", t->first_word + 1,
                                  t->first_word + t->n_words) ||
                 put_field(&b, t->form) || dp_strbuf_puts(&b, "\t_\t_\t_\t_\t_\t_\t_\t") ||
                 put_misc(&b, t);
        for (size_t k = 0; k < t->n_words && !rc; k++) {
            const depeche_word *w = &s->words[t->first_word + k];
            rc = dp_strbuf_printf(&b, "%zu\t", t->first_word + k + 1) || put_field(&b, w->form) ||
                 dp_strbuf_putc(&b, '\t') || put_field(&b, w->lemma) ||
                 dp_strbuf_printf(&b, "\t%s\t_\t", w->upos) || put_field(&b, w->feats) ||
                 dp_strbuf_printf(&b, "\t%zu\t%s\t_\t", w->head, w->deprel) ||
                 (t->n_words > 1 ? dp_strbuf_puts(&b, "_\n") : put_misc(&b, t));
        }
    }
    rc = rc || dp_strbuf_putc(&b, '\n');
    if (rc) {
        dp_strbuf_release(&b);
        return NULL;
    }
    return dp_strbuf_take(&b);
}
