/* Errors as values: every stage fills a caller's depeche_error through dp_fail, so that no
 * stage depends on the engine to report a problem. */
#include <jansson.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>

#include "internal.h"

int dp_fail(depeche_error *err, depeche_status code, const char *path, unsigned long line,
            unsigned long offset, const char *fmt, ...)
{
    if (!err)
        return code;
    err->code = code;
    snprintf(err->path, sizeof err->path, "%s", path ? path : "");
    err->line = line;
    err->offset = offset;
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(err->message, sizeof err->message, fmt, ap);
    va_end(ap);
    return code;
}

int dp_json_load(const char *text, size_t length, size_t flags, struct json_t **root, depeche_error *err)
{
    json_error_t jerr;
    dp_alloc_hold(1);
    *root = json_loadb(text, length, flags, &jerr);
    dp_alloc_hold(0);
    if (*root)
        return 0;
    if (json_error_code(&jerr) == json_error_out_of_memory)
        return dp_fail(err, DEPECHE_ERR_NOMEM, NULL, 0, 0, "out of memory");
    return dp_fail(err, DEPECHE_ERR_INPUT, NULL, 0, (unsigned long)jerr.column, "invalid JSON at column %d: %s",
                   jerr.column, jerr.text);
}

const char *depeche_strerror(depeche_status code)
{
    switch (code) {
    case DEPECHE_OK: return "success";
    case DEPECHE_ERR_NOMEM: return "out of memory";
    case DEPECHE_ERR_IO: return "input/output error";
    case DEPECHE_ERR_DATA: return "bad data file";
    case DEPECHE_ERR_INPUT: return "unusable input";
    case DEPECHE_ERR_ARGUMENT: return "invalid argument";
    }
    return "unknown error";
}

char *depeche_error_format(const depeche_error *err, char *buf, size_t size)
{
    if (!size)
        return buf;
    if (!err->path[0])
        snprintf(buf, size, "%s", err->message);
    else if (!err->line)
        snprintf(buf, size, "%s: %s", err->path, err->message);
    else if (err->offset)
        snprintf(buf, size, "%s:%lu: %s (offset %lu)", err->path, err->line, err->message,
                 err->offset);
    else
        snprintf(buf, size, "%s:%lu: %s", err->path, err->line, err->message);
    return buf;
}

void depeche_free(void *p)
{
    free(p);
}

const char *depeche_version(void)
{
    return DEPECHE_VERSION_STRING;
}
