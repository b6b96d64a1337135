/* Reading web pages: the text, title and date of an HTML page (libxml2's HTML parser). */
#ifndef DEPECHE_HTML_H
#define DEPECHE_HTML_H

#include "internal.h"

typedef struct dp_html_page {
    char *text;      /* owned, UTF-8, one block a line, NUL-terminated */
    size_t length;
    char *title;     /* owned, or NULL: the page's h1, og:title or <title> */
    char *published; /* owned, or NULL: the date the page's metadata declares, YYYY-MM-DD... */
} dp_html_page;

/* Whether the bytes are an HTML page (a tag first, and <html>, <head>, <body> or a doctype
 * near the start), rather than text. */
int dp_html_is_page(const char *bytes, size_t len);

/* Parses a page (the first loads libxml2: see dynlib.h). `encoding` is the caller's charset or
 * NULL: then the page's own declaration, else UTF-8 when `valid_utf8`, else Windows-1252.
 * Returns 0 with `page` filled (release it with dp_html_page_release), or a negative
 * depeche_status with err filled: DEPECHE_ERR_IO when libxml2 cannot be loaded,
 * DEPECHE_ERR_INPUT when it cannot read the page, DEPECHE_ERR_NOMEM. */
int dp_html_read(const char *bytes, size_t len, const char *encoding, int valid_utf8,
                 dp_html_page *page, depeche_error *err);
void dp_html_page_release(dp_html_page *page);

#endif
