/* JSON text from jansson values, for every printer (documents, timelines). */
#ifndef DEPECHE_JSON_H
#define DEPECHE_JSON_H

#include <jansson.h>

/* Writes root as text in jansson's `format` flags and releases root (which may be NULL: then
 * NULL). Returns a new NUL-terminated string freed with free(), or NULL when memory ran out;
 * never a text with parts missing. */
char *dp_json_text(json_t *root, size_t format);

#endif
