/* The CoNLL-U reader. */
#include <stdlib.h>
#include <string.h>

#include "conllu.h"

void dp_conllu_sentence_release(dp_conllu_sentence *s)
{
    free(s->words);
    free(s->tokens);
    free(s->lines);
    memset(s, 0, sizeof *s);
}

/* Cuts line[0..) into up to 10 tab-separated fields, NUL-terminating each; returns the count. */
static int split_fields(char *line, char **fields)
{
    int n = 0;
    fields[n++] = line;
    for (char *p = line; *p && n < 10; p++)
        if (*p == '\t') {
            *p = '\0';
            fields[n++] = p + 1;
        }
    return n;
}

static const char *comment_value(const char *line, const char *key)
{
    size_t k = strlen(key);
    const char *p = line + 1;
    while (*p == ' ')
        p++;
    if (strncmp(p, key, k))
        return NULL;
    p += k;
    while (*p == ' ')
        p++;
    if (*p != '=')
        return NULL;
    p++;
    while (*p == ' ')
        p++;
    return p;
}

int dp_conllu_next(const char *data, size_t size, size_t *pos, unsigned long *line,
                   const char *path, dp_conllu_sentence *s, depeche_error *err)
{
    s->id = s->text = s->doc_id = NULL;
    s->n_words = s->n_tokens = 0;
    /* the sentence's lines: from *pos to the first blank line after a non-blank one */
    size_t start = *pos, end = start;
    unsigned long first_line = *line + 1;
    while (start < size) { /* skip blank lines */
        const char *nl = memchr(data + start, '\n', size - start);
        size_t stop = nl ? (size_t)(nl - data) : size;
        size_t k = start;
        while (k < stop && (data[k] == ' ' || data[k] == '\r' || data[k] == '\t'))
            k++;
        if (k < stop)
            break;
        start = nl ? stop + 1 : size;
        first_line++;
    }
    if (start >= size) {
        *pos = size;
        return 0;
    }
    end = start;
    unsigned long lines = 0;
    while (end < size) {
        const char *nl = memchr(data + end, '\n', size - end);
        size_t stop = nl ? (size_t)(nl - data) : size;
        size_t k = end;
        while (k < stop && (data[k] == ' ' || data[k] == '\r' || data[k] == '\t'))
            k++;
        if (k == stop)
            break;
        lines++;
        end = nl ? stop + 1 : size;
    }
    if (dp_reserve((void **)&s->lines, &s->lines_cap, end - start + 1, 1))
        return dp_fail(err, DEPECHE_ERR_NOMEM, path, 0, 0, "out of memory");
    memcpy(s->lines, data + start, end - start);
    s->lines[end - start] = '\0';
    *pos = end;
    *line = first_line + lines - 1;
    unsigned long ln = first_line;
    size_t mwt_end = 0; /* words up to this id belong to the last multiword token */
    for (char *p = s->lines, *next; *p; p = next, ln++) {
        next = strchr(p, '\n');
        if (next)
            *next++ = '\0';
        else
            next = p + strlen(p);
        size_t len = strlen(p);
        if (len && p[len - 1] == '\r')
            p[--len] = '\0';
        if (p[0] == '#') {
            const char *v;
            if ((v = comment_value(p, "sent_id")))
                s->id = v;
            else if ((v = comment_value(p, "text")))
                s->text = v;
            else if ((v = comment_value(p, "doc_id")))
                s->doc_id = v;
            continue;
        }
        char *f[10];
        if (split_fields(p, f) != 10)
            return dp_fail(err, DEPECHE_ERR_DATA, path, ln, 0, "expected 10 tab-separated fields");
        char *dash = strchr(f[0], '-');
        if (strchr(f[0], '.'))
            continue;
        if (dash) {
            size_t a = strtoul(f[0], NULL, 10), b = strtoul(dash + 1, NULL, 10);
            if (a != s->n_words + 1 || b < a)
                return dp_fail(err, DEPECHE_ERR_DATA, path, ln, 0, "a bad multiword range");
            dp_conllu_token t = {f[1], a - 1, b - 1};
            if (DP_PUSH(s->tokens, s->n_tokens, s->tokens_cap, t))
                return dp_fail(err, DEPECHE_ERR_NOMEM, path, 0, 0, "out of memory");
            mwt_end = b;
            continue;
        }
        char *stop;
        unsigned long id = strtoul(f[0], &stop, 10);
        if (*stop || id != s->n_words + 1)
            return dp_fail(err, DEPECHE_ERR_DATA, path, ln, 0, "word ids must count from 1");
        long head = -1;
        if (f[6][0] != '_') {
            head = strtol(f[6], &stop, 10);
            if (*stop || head < 0)
                return dp_fail(err, DEPECHE_ERR_DATA, path, ln, 0, "a bad head");
        }
        dp_conllu_word w = {f[1], f[2], f[3], f[5], f[7], head};
        if (DP_PUSH(s->words, s->n_words, s->words_cap, w))
            return dp_fail(err, DEPECHE_ERR_NOMEM, path, 0, 0, "out of memory");
        if (id > mwt_end) {
            dp_conllu_token t = {f[1], id - 1, id - 1};
            if (DP_PUSH(s->tokens, s->n_tokens, s->tokens_cap, t))
                return dp_fail(err, DEPECHE_ERR_NOMEM, path, 0, 0, "out of memory");
        }
    }
    for (size_t i = 0; i < s->n_words; i++)
        if (s->words[i].head > (long)s->n_words)
            return dp_fail(err, DEPECHE_ERR_DATA, path, first_line, 0,
                           "a head beyond the sentence's last word");
    for (size_t i = 0; i < s->n_tokens; i++)
        if (s->tokens[i].last >= s->n_words)
            return dp_fail(err, DEPECHE_ERR_DATA, path, first_line, 0,
                           "a multiword token beyond the sentence's last word");
    return 1;
}
