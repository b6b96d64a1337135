/* Stage 1, read: whole files into memory, and JSON Lines records into depeche_input. */
#include <errno.h>
#include <iconv.h>
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>

#include "read.h"

int depeche_read_file(const char *path, char **data, size_t *length, depeche_error *err)
{
    int from_stdin = !strcmp(path, "-");
    FILE *f = from_stdin ? stdin : fopen(path, "rb");
    *data = NULL;
    *length = 0;
    if (!f)
        return dp_fail(err, DEPECHE_ERR_IO, path, 0, 0, "%s", strerror(errno));
    struct stat st;
    size_t cap = 0, len = 0;
    char *buf = NULL;
    int rc = 0;
    if (!fstat(fileno(f), &st) && S_ISDIR(st.st_mode)) {
        rc = dp_fail(err, DEPECHE_ERR_IO, path, 0, 0, "%s", strerror(EISDIR));
        goto out;
    }
    /* a regular file is read in one go; a pipe grows the buffer as it comes */
    size_t want = 65536;
    if (!fstat(fileno(f), &st) && S_ISREG(st.st_mode) && st.st_size > 0)
        want = (size_t)st.st_size + 1;
    for (;;) {
        if (dp_reserve((void **)&buf, &cap, len + want + 1, 1)) {
            rc = dp_fail(err, DEPECHE_ERR_NOMEM, path, 0, 0, "out of memory");
            goto out;
        }
        size_t got = fread(buf + len, 1, cap - len - 1, f);
        len += got;
        want = 65536;
        if (got == 0) {
            if (ferror(f))
                rc = dp_fail(err, DEPECHE_ERR_IO, path, 0, 0, "%s", strerror(errno));
            break;
        }
    }
out:
    if (!from_stdin)
        fclose(f);
    if (rc) {
        free(buf);
        return rc;
    }
    buf[len] = '\0';
    *data = buf;
    *length = len;
    return 0;
}

struct depeche_record {
    json_t *root;
    char id[32]; /* the text of a numeric id */
};

static const char *string_field(json_t *root, const char *key, size_t *len)
{
    json_t *v = json_object_get(root, key);
    if (!json_is_string(v))
        return NULL;
    if (len)
        *len = json_string_length(v);
    return json_string_value(v);
}

int depeche_record_parse(const char *line, size_t length, depeche_input *input,
                         depeche_record **record, depeche_error *err)
{
    memset(input, 0, sizeof *input);
    *record = dp_calloc(1, sizeof **record);
    if (!*record)
        return dp_fail(err, DEPECHE_ERR_NOMEM, NULL, 0, 0, "out of memory");
    json_t *root;
    int loaded = dp_json_load(line, length, JSON_REJECT_DUPLICATES | JSON_ALLOW_NUL, &root, err);
    if (loaded)
        return loaded;
    (*record)->root = root;
    if (!json_is_object(root))
        return dp_fail(err, DEPECHE_ERR_INPUT, NULL, 0, 0, "record is not a JSON object");
    json_t *id = json_object_get(root, "id");
    if (json_is_string(id))
        input->id = json_string_value(id);
    else if (json_is_integer(id)) {
        snprintf((*record)->id, sizeof (*record)->id, "%" JSON_INTEGER_FORMAT, json_integer_value(id));
        input->id = (*record)->id;
    }
    input->text = string_field(root, "text", &input->length);
    input->published = string_field(root, "published", NULL);
    input->title = string_field(root, "title", NULL);
    input->source = string_field(root, "url", NULL);
    if (!input->source)
        input->source = string_field(root, "source", NULL);
    if (!input->text)
        return dp_fail(err, DEPECHE_ERR_INPUT, NULL, 0, 0,
                       json_object_get(root, "text") ? "\"text\" is not a string"
                                                     : "record has no \"text\"");
    return 0;
}

void depeche_record_free(depeche_record *record)
{
    if (!record)
        return;
    json_decref(record->root);
    free(record);
}

int dp_encoding_is_utf8(const char *encoding)
{
    return !strcasecmp(encoding, "UTF-8") || !strcasecmp(encoding, "UTF8");
}

int dp_convert(const char *in, size_t len, const char *encoding, char **out, size_t *out_len,
               size_t *invalid, depeche_error *err)
{
    *out = NULL;
    *out_len = 0;
    *invalid = 0;
    iconv_t cd = iconv_open("UTF-8", encoding);
    if (cd == (iconv_t)-1)
        return dp_fail(err, DEPECHE_ERR_ARGUMENT, NULL, 0, 0, "unknown encoding '%.100s'", encoding);
    dp_strbuf buf = {0};
    char *src = (char *)in; /* iconv's prototype is not const-correct */
    size_t left = len;
    int rc = 0;
    char block[16384];
    while (left && !rc) {
        char *dst = block;
        size_t room = sizeof block;
        size_t r = iconv(cd, &src, &left, &dst, &room);
        if (dp_strbuf_append(&buf, block, (size_t)(dst - block)))
            rc = DEPECHE_ERR_NOMEM;
        else if (r == (size_t)-1 && errno != E2BIG) {
            /* EILSEQ or a sequence cut short at the end: one byte is lost, the rest goes on */
            src++, left--;
            (*invalid)++;
            if (dp_strbuf_append(&buf, "\xEF\xBF\xBD", 3))
                rc = DEPECHE_ERR_NOMEM;
        }
    }
    iconv_close(cd);
    if (!rc && !buf.data && dp_strbuf_append(&buf, "", 0))
        rc = DEPECHE_ERR_NOMEM;
    if (rc) {
        dp_strbuf_release(&buf);
        return dp_fail(err, DEPECHE_ERR_NOMEM, NULL, 0, 0, "out of memory");
    }
    *out_len = buf.len;
    *out = dp_strbuf_take(&buf);
    return 0;
}
