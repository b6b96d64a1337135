/* Stage 1, read: what an article's bytes hold. Binary data is refused; an HTML page gives its
 * main text, title and date; text in another character set is converted to UTF-8. Both
 * extraction and parsing start here. */
#ifndef DEPECHE_ARTICLE_H
#define DEPECHE_ARTICLE_H

#include "html.h"
#include "internal.h"

typedef struct dp_article {
    const char *bytes; /* the text to normalize: the input's, the page's or the converted one */
    size_t length;
    const char *title, *published; /* the caller's, else the page's, else NULL */
    int is_html;
    char *converted;          /* owned: the text converted from in->encoding, or NULL */
    size_t converted_invalid; /* bytes that character set does not define */
    dp_html_page page;        /* owned, when is_html */
} dp_article;

/* Reads in (which must outlive a) into a. Returns 0, or a negative status with err filled:
 * DEPECHE_ERR_INPUT for binary data or an HTML page libxml2 cannot read. Release a with
 * dp_article_release in both cases. */
int dp_article_read(const depeche_input *in, dp_article *a, depeche_error *err);
void dp_article_release(dp_article *a);

#endif
