/* Stage 1, read, for web pages: libxml2's HTML parser (tolerant of the tag soup real pages are)
 * gives a tree; we keep the text of the main content, one block a line, and the title and
 * publication date the page declares. What is left of navigation and teasers goes to the
 * segmenter like any other page. */
#include <libxml/HTMLparser.h>
#include <libxml/tree.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "dynlib.h"
#include "html.h"

/* libxml2, loaded with the first page (dynlib.h): the functions this file calls, typed by
 * libxml2's own declarations, and its xmlFree, a variable that holds its deallocator. */
#define LIBXML2_FUNCTIONS(X)                                                                      \
    X(htmlReadMemory) X(xmlDocGetRootElement) X(xmlFreeDoc) X(xmlGetProp) X(xmlHasProp)           \
    X(xmlNodeGetContent) X(xmlStrcasecmp) X(xmlInitParser)
static struct {
#define DECLARE(f) __typeof__(f) *f;
    LIBXML2_FUNCTIONS(DECLARE)
#undef DECLARE
    xmlFreeFunc *deallocator;
} xml;
static pthread_once_t xml_once = PTHREAD_ONCE_INIT;
static char xml_missing[256]; /* why libxml2 could not be loaded, or "" */

static void load_libxml2(void)
{
#define SYMBOL(f) {#f, &xml.f},
    const dp_dynlib_symbol symbols[] = {LIBXML2_FUNCTIONS(SYMBOL){"xmlFree", &xml.deallocator}};
#undef SYMBOL
    if (dp_dynlib_load(DP_LIBXML2_SONAME, symbols, sizeof symbols / sizeof *symbols, xml_missing,
                       sizeof xml_missing) == 0)
        xml.xmlInitParser();
}

/* What libxml2 allocated, freed by libxml2. */
static void xml_release(void *p)
{
    if (p)
        (*xml.deallocator)(p);
}

/* Elements whose text is never the article's. */
static const char *const skipped_tags[] = {
    "head", "script", "style", "noscript", "template", "nav", "aside", "form", "footer", "iframe",
    "svg", "canvas", "button", "select", "option", "textarea", "object", "embed", "video",
    "audio", "map", "dialog", "menu"};

/* Elements that end a line of text. */
static const char *const block_tags[] = {
    "p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "br", "tr", "blockquote", "section",
    "article", "header", "main", "ul", "ol", "table", "dd", "dt", "dl", "figcaption", "figure",
    "pre", "hr", "address", "time", "td", "th", "title"};

/* Meta tags naming the publication date, most specific first. */
static const char *const date_metas[] = {
    "article:published_time", "datePublished", "og:published_time", "date", "pubdate",
    "publishdate", "publish-date", "DC.date.issued", "dc.date", "parsely-pub-date",
    "sailthru.date", "dcterms.created"};

static int is_one_of(const xmlChar *name, const char *const *list, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (!xml.xmlStrcasecmp(name, (const xmlChar *)list[i]))
            return 1;
    return 0;
}

static int attr_is(xmlNode *node, const char *attr, const char *value)
{
    xmlChar *v = xml.xmlGetProp(node, (const xmlChar *)attr);
    int same = v && !xml.xmlStrcasecmp(v, (const xmlChar *)value);
    xml_release(v);
    return same;
}

static int is_skipped(xmlNode *node, int in_content)
{
    if (is_one_of(node->name, skipped_tags, DP_ARRAY_LEN(skipped_tags)))
        return 1;
    /* a page's header is navigation; an article's header holds its title */
    if (!xml.xmlStrcasecmp(node->name, (const xmlChar *)"header") && !in_content)
        return 1;
    return attr_is(node, "role", "navigation") || attr_is(node, "aria-hidden", "true") ||
           attr_is(node, "hidden", "hidden") || xml.xmlHasProp(node, (const xmlChar *)"hidden");
}

typedef struct text_out {
    dp_strbuf buf;
    int space_pending, fail;
} text_out;

static void end_line(text_out *out)
{
    out->space_pending = 0;
    if (out->buf.len && out->buf.data[out->buf.len - 1] != '\n')
        out->fail |= dp_strbuf_putc(&out->buf, '\n');
}

/* Appends text with runs of white space collapsed, as a browser shows it. */
static void put_text(text_out *out, const char *s)
{
    for (; *s; s++) {
        if (*s == ' ' || *s == '\t' || *s == '\n' || *s == '\r' || *s == '\f') {
            out->space_pending = 1;
            continue;
        }
        if (out->space_pending && out->buf.len && out->buf.data[out->buf.len - 1] != '\n')
            out->fail |= dp_strbuf_putc(&out->buf, ' ');
        out->space_pending = 0;
        out->fail |= dp_strbuf_putc(&out->buf, *s);
    }
}

static void collect_text(xmlNode *node, text_out *out, int in_content, int depth)
{
    /* libxml2 caps the tree's depth itself; this keeps our recursion far inside the stack */
    if (depth > 256)
        return;
    for (xmlNode *n = node; n; n = n->next) {
        if (n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE) {
            if (n->content)
                put_text(out, (const char *)n->content);
        } else if (n->type == XML_ELEMENT_NODE && !is_skipped(n, in_content)) {
            int block = is_one_of(n->name, block_tags, DP_ARRAY_LEN(block_tags));
            if (block)
                end_line(out);
            int content = in_content || !xml.xmlStrcasecmp(n->name, (const xmlChar *)"article") ||
                          !xml.xmlStrcasecmp(n->name, (const xmlChar *)"main");
            collect_text(n->children, out, content, depth + 1);
            if (block)
                end_line(out);
        }
    }
}

/* Bytes of paragraph text under node: how an article's body is told from a teaser card. */
static size_t paragraph_weight(xmlNode *node, int in_p, int depth)
{
    size_t w = 0;
    for (xmlNode *n = node; n && depth < 256; n = n->next) {
        if (n->type == XML_TEXT_NODE && in_p && n->content)
            w += strlen((const char *)n->content);
        else if (n->type == XML_ELEMENT_NODE)
            w += paragraph_weight(n->children, in_p || !xml.xmlStrcasecmp(n->name, (const xmlChar *)"p"),
                                  depth + 1);
    }
    return w;
}

typedef struct page_scan {
    xmlNode *best_article, *main, *body, *h1, *time;
    size_t best_weight;
    char *title, *og_title;        /* xmlFree */
    char *date;                    /* xmlFree */
    int date_rank;                 /* index in date_metas; lower is better */
    char *ld_json;                 /* xmlFree: the first JSON-LD block with a datePublished */
} page_scan;

static void keep_date(page_scan *scan, int rank, xmlChar *value)
{
    if (value && (!scan->date || rank < scan->date_rank)) {
        xml_release(scan->date);
        scan->date = (char *)value;
        scan->date_rank = rank;
    } else {
        xml_release(value);
    }
}

static void scan_meta(page_scan *scan, xmlNode *n)
{
    xmlChar *key = xml.xmlGetProp(n, (const xmlChar *)"property");
    if (!key)
        key = xml.xmlGetProp(n, (const xmlChar *)"name");
    if (!key)
        key = xml.xmlGetProp(n, (const xmlChar *)"itemprop");
    if (!key)
        return;
    for (size_t i = 0; i < DP_ARRAY_LEN(date_metas); i++)
        if (!xml.xmlStrcasecmp(key, (const xmlChar *)date_metas[i])) {
            keep_date(scan, (int)i, xml.xmlGetProp(n, (const xmlChar *)"content"));
            break;
        }
    if (!xml.xmlStrcasecmp(key, (const xmlChar *)"og:title") && !scan->og_title)
        scan->og_title = (char *)xml.xmlGetProp(n, (const xmlChar *)"content");
    xml_release(key);
}

static void scan_page(page_scan *scan, xmlNode *node, int depth)
{
    for (xmlNode *n = node; n && depth < 256; n = n->next) {
        if (n->type != XML_ELEMENT_NODE)
            continue;
        const xmlChar *name = n->name;
        if (!xml.xmlStrcasecmp(name, (const xmlChar *)"meta")) {
            scan_meta(scan, n);
        } else if (!xml.xmlStrcasecmp(name, (const xmlChar *)"title") && !scan->title) {
            scan->title = (char *)xml.xmlNodeGetContent(n);
        } else if (!xml.xmlStrcasecmp(name, (const xmlChar *)"script")) {
            if (attr_is(n, "type", "application/ld+json") && !scan->ld_json) {
                xmlChar *json = xml.xmlNodeGetContent(n);
                if (json && strstr((const char *)json, "\"datePublished\""))
                    scan->ld_json = (char *)json;
                else
                    xml_release(json);
            }
            continue;
        } else if (!xml.xmlStrcasecmp(name, (const xmlChar *)"article")) {
            size_t w = paragraph_weight(n->children, 0, depth + 1);
            if (!scan->best_article || w > scan->best_weight)
                scan->best_article = n, scan->best_weight = w;
        } else if (!xml.xmlStrcasecmp(name, (const xmlChar *)"main") && !scan->main) {
            scan->main = n;
        } else if (!xml.xmlStrcasecmp(name, (const xmlChar *)"body") && !scan->body) {
            scan->body = n;
        } else if (!xml.xmlStrcasecmp(name, (const xmlChar *)"h1") && !scan->h1) {
            scan->h1 = n;
        } else if (!xml.xmlStrcasecmp(name, (const xmlChar *)"time") && !scan->time &&
                   xml.xmlHasProp(n, (const xmlChar *)"datetime")) {
            scan->time = n;
        }
        if (attr_is(n, "itemprop", "datePublished")) {
            xmlChar *v = xml.xmlGetProp(n, (const xmlChar *)"datetime");
            keep_date(scan, 1, v ? v : xml.xmlGetProp(n, (const xmlChar *)"content"));
        }
        scan_page(scan, n->children, depth + 1);
    }
}

/* "datePublished": "2024-05-17..." in a JSON-LD block: only the value is wanted, so a scan
 * does it without parsing the whole block. */
static char *ld_json_date(const char *json)
{
    const char *p = strstr(json, "\"datePublished\"");
    if (!p)
        return NULL;
    p += strlen("\"datePublished\"");
    while (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r' || *p == ':')
        p++;
    if (*p != '"')
        return NULL;
    p++;
    const char *end = strchr(p, '"');
    return end ? dp_strndup(p, (size_t)(end - p)) : NULL;
}

static int is_inside(xmlNode *node, xmlNode *ancestor)
{
    for (xmlNode *p = node->parent; p; p = p->parent)
        if (p == ancestor)
            return 1;
    return 0;
}

/* A date the pipeline can read: YYYY-MM-DD, then anything (a time, a zone). */
static int is_iso_date(const char *s)
{
    if (!s)
        return 0;
    for (int i = 0; i < 10; i++)
        if (i == 4 || i == 7 ? s[i] != '-' : (s[i] < '0' || s[i] > '9'))
            return 0;
    return 1;
}

/* Trims and collapses white space; returns a malloc'd copy or NULL. */
static char *clean(const char *s)
{
    if (!s)
        return NULL;
    text_out out = {0};
    put_text(&out, s);
    if (out.fail || !out.buf.len) {
        dp_strbuf_release(&out.buf);
        return NULL;
    }
    return dp_strbuf_take(&out.buf);
}

int dp_html_is_page(const char *bytes, size_t len)
{
    size_t i = 0;
    if (len >= 3 && !memcmp(bytes, "\xEF\xBB\xBF", 3))
        i = 3;
    while (i < len && (bytes[i] == ' ' || bytes[i] == '\t' || bytes[i] == '\n' || bytes[i] == '\r'))
        i++;
    if (i >= len || bytes[i] != '<')
        return 0;
    static const char *const markers[] = {"<!doctype html", "<html", "<head", "<body", "<meta"};
    size_t window = len - i < 4096 ? len - i : 4096;
    for (size_t m = 0; m < DP_ARRAY_LEN(markers); m++) {
        size_t k = strlen(markers[m]);
        for (size_t j = i; j + k <= i + window; j++)
            if (!strncasecmp(bytes + j, markers[m], k))
                return 1;
    }
    return 0;
}

/* Whether the page names its character set in its first bytes (else libxml2 would take it
 * for ISO-8859-1). */
static int declares_charset(const char *bytes, size_t len)
{
    size_t window = len < 4096 ? len : 4096;
    for (size_t j = 0; j + 7 <= window; j++)
        if (!strncasecmp(bytes + j, "charset", 7))
            return 1;
    return 0;
}

int dp_html_read(const char *bytes, size_t len, const char *encoding, int valid_utf8,
                 dp_html_page *page, depeche_error *err)
{
    memset(page, 0, sizeof *page);
    pthread_once(&xml_once, load_libxml2);
    if (xml_missing[0])
        return dp_fail(err, DEPECHE_ERR_IO, NULL, 0, 0, "an HTML page, which needs libxml2: %s", xml_missing);
    if (!encoding && !declares_charset(bytes, len))
        encoding = valid_utf8 ? "UTF-8" : "WINDOWS-1252";
    if (len > (size_t)0x7FFFFFFF)
        return dp_fail(err, DEPECHE_ERR_INPUT, NULL, 0, 0, "an HTML page larger than 2 GB");
    htmlDocPtr doc = xml.htmlReadMemory(bytes, (int)len, NULL, encoding,
                                    HTML_PARSE_RECOVER | HTML_PARSE_NOERROR |
                                        HTML_PARSE_NOWARNING | HTML_PARSE_NONET |
                                        HTML_PARSE_NOIMPLIED);
    if (!doc)
        return dp_fail(err, DEPECHE_ERR_INPUT, NULL, 0, 0, "an HTML page libxml2 cannot read");
    page_scan scan = {0};
    scan_page(&scan, xml.xmlDocGetRootElement(doc), 0);
    xmlNode *root = scan.best_article ? scan.best_article
                  : scan.main         ? scan.main
                  : scan.body         ? scan.body
                                      : xml.xmlDocGetRootElement(doc);
    text_out out = {0};
    int in_content = root == scan.best_article || root == scan.main;
    /* the page's h1 leads the text when the chosen content does not hold it */
    if (scan.h1 && root && root != scan.body && !is_inside(scan.h1, root)) {
        collect_text(scan.h1->children, &out, 1, 0);
        end_line(&out);
    }
    if (root)
        collect_text(root->children, &out, in_content, 0);
    end_line(&out);

    xmlChar *h1_text = scan.h1 ? xml.xmlNodeGetContent(scan.h1) : NULL;
    page->title = clean((const char *)h1_text);
    if (!page->title)
        page->title = clean(scan.og_title);
    if (!page->title)
        page->title = clean(scan.title);
    xml_release(h1_text);
    if (scan.date) {
        page->published = clean(scan.date);
    } else if (scan.ld_json) {
        page->published = ld_json_date(scan.ld_json);
    } else if (scan.time) {
        xmlChar *v = xml.xmlGetProp(scan.time, (const xmlChar *)"datetime");
        page->published = clean((const char *)v);
        xml_release(v);
    }
    if (page->published && !is_iso_date(page->published)) {
        free(page->published);
        page->published = NULL;
    }
    xml_release(scan.title);
    xml_release(scan.og_title);
    xml_release(scan.date);
    xml_release(scan.ld_json);
    xml.xmlFreeDoc(doc);
    if (out.fail) {
        dp_strbuf_release(&out.buf);
        dp_html_page_release(page);
        return dp_fail(err, DEPECHE_ERR_NOMEM, NULL, 0, 0, "out of memory");
    }
    page->length = out.buf.len;
    page->text = out.buf.data ? dp_strbuf_take(&out.buf) : dp_strdup("");
    if (!page->text) {
        dp_html_page_release(page);
        return dp_fail(err, DEPECHE_ERR_NOMEM, NULL, 0, 0, "out of memory");
    }
    return 0;
}

void dp_html_page_release(dp_html_page *page)
{
    free(page->text);
    free(page->title);
    free(page->published);
    memset(page, 0, sizeof *page);
}
