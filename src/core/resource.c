/* The line reader shared by every data-file loader. */
#include <string.h>

#include "resource.h"

static int is_blank(char c)
{
    return c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v';
}

void dp_line_reader_init(dp_line_reader *r, const char *path, const char *data, size_t size)
{
    r->path = path;
    r->next = data;
    r->end = data + size;
    r->line = 0;
}

int dp_line_reader_next(dp_line_reader *r, const char **line, size_t *len)
{
    while (r->next < r->end) {
        const char *start = r->next;
        const char *nl = memchr(start, '\n', (size_t)(r->end - start));
        const char *stop = nl ? nl : r->end;
        r->next = nl ? nl + 1 : r->end;
        r->line++;
        while (start < stop && is_blank(*start))
            start++;
        while (stop > start && is_blank(stop[-1]))
            stop--;
        if (start == stop || *start == '#')
            continue;
        *line = start;
        *len = (size_t)(stop - start);
        return 1;
    }
    return 0;
}

int dp_next_field(const char **s, size_t *len, const char **field, size_t *field_len)
{
    const char *p = *s, *end = *s + *len;
    while (p < end && is_blank(*p))
        p++;
    if (p == end)
        return 0;
    const char *f = p;
    while (p < end && !is_blank(*p))
        p++;
    *field = f;
    *field_len = (size_t)(p - f);
    while (p < end && is_blank(*p))
        p++;
    *s = p;
    *len = (size_t)(end - p);
    return 1;
}
