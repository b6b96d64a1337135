/* The printer: a document as JSON, keys in a fixed order. The only file that writes JSON. */
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "document.h"

/* A JSON string from bytes that should be UTF-8 but come from outside (ids, paths): bytes
 * that are not are replaced by U+FFFD rather than dropping the whole value. */
static json_t *string_of(const char *s, size_t n)
{
    json_t *v = json_stringn(s, n);
    if (v)
        return v;
    char *fixed = malloc(n * 3 + 1);
    if (!fixed)
        return NULL;
    size_t k = 0;
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c < 0x80) {
            fixed[k++] = (char)c;
        } else {
            memcpy(fixed + k, "\xEF\xBF\xBD", 3);
            k += 3;
        }
    }
    v = json_stringn(fixed, k);
    free(fixed);
    return v;
}

static json_t *string_or_null(const char *s)
{
    return s ? string_of(s, strlen(s)) : json_null();
}

static json_t *date_or_null(dp_date d)
{
    char iso[11];
    return dp_date_iso(d, iso) ? json_string(iso) : json_null();
}

/* Adds key -> value to obj, taking the reference; a NULL value (out of memory) fails. */
static int put(json_t *obj, const char *key, json_t *value)
{
    return !value || json_object_set_new(obj, key, value);
}

static json_t *span_json(const dp_out_span *s)
{
    json_t *o = json_object();
    if (o && !put(o, "text", string_or_null(s->text)) && !put(o, "start", json_integer(s->start)) &&
        !put(o, "end", json_integer(s->end)))
        return o;
    json_decref(o);
    return NULL;
}

static json_t *teasers_json(const depeche_document *doc)
{
    json_t *a = json_array();
    for (size_t i = 0; a && i < doc->n_teasers; i++) {
        const dp_out_teaser *t = &doc->teasers[i];
        json_t *o = json_object();
        if (!o || put(o, "title", string_or_null(t->title.text)) ||
            put(o, "published", date_or_null(t->published)) || put(o, "start", json_integer(t->start)) ||
            put(o, "end", json_integer(t->end)) || json_array_append_new(a, o)) {
            json_decref(o);
            json_decref(a);
            return NULL;
        }
    }
    return a;
}

static json_t *entities_json(const depeche_document *doc)
{
    json_t *a = json_array();
    for (size_t i = 0; a && i < doc->n_entities; i++) {
        const dp_out_entity *e = &doc->entities[i];
        char id[24];
        snprintf(id, sizeof id, "e%zu", i + 1);
        json_t *o = json_object(), *ms = json_array();
        int fail = !o || !ms || put(o, "id", json_string(id)) || put(o, "type", json_string(e->type)) ||
                   put(o, "name", string_or_null(e->name)) ||
                   (e->canonical && put(o, "canonical", string_or_null(e->canonical))) ||
                   (e->wikidata && put(o, "wikidata", string_or_null(e->wikidata))) ||
                   put(o, "source", json_string(e->source));
        for (size_t k = 0; !fail && k < e->n_mentions; k++) {
            json_t *m = span_json(&e->mentions[k]);
            fail = !m || json_array_append_new(ms, m);
        }
        if (fail || put(o, "mentions", ms) || json_array_append_new(a, o)) {
            if (fail)
                json_decref(ms);
            json_decref(o);
            json_decref(a);
            return NULL;
        }
    }
    return a;
}

static json_t *event_json(const dp_out_event *ev, unsigned flags)
{
    json_t *o = json_object(), *args = json_object(), *partners = NULL;
    int fail = !o || !args;
    for (size_t k = 0; !fail && k < ev->n_args; k++) {
        const dp_out_arg *a = &ev->args[k];
        json_t *v = json_object();
        char id[24];
        snprintf(id, sizeof id, "e%ld", a->entity + 1);
        fail = !v || put(v, "name", string_or_null(a->name)) ||
               (a->text && put(v, "text", string_or_null(a->text))) ||
               (a->entity >= 0 && put(v, "entity", json_string(id)));
        if (fail) {
            json_decref(v);
        } else if (!strcmp(a->role, "partners")) {
            if (!partners && (!(partners = json_array()) || json_object_set_new(args, "partners", partners)))
                fail = 1, json_decref(v);
            else
                fail = json_array_append_new(partners, v);
        } else {
            fail = put(args, a->role, v);
        }
    }
    json_t *date = json_null();
    if (!fail && ev->has_date) {
        char iso[11];
        const char *precision = dp_date_precision_name(ev->date);
        date = json_object();
        fail = !date || put(date, "value", json_string(dp_date_iso(ev->date, iso))) ||
               put(date, "text", string_or_null(ev->date_text)) || put(date, "precision", json_string(precision));
    }
    json_t *evidence = json_object();
    fail = fail || !evidence || put(evidence, "sentence", string_or_null(ev->sentence.text)) ||
           put(evidence, "start", json_integer(ev->sentence.start)) ||
           put(evidence, "end", json_integer(ev->sentence.end)) ||
           put(evidence, "trigger", string_or_null(ev->trigger)) ||
           ((flags & DEPECHE_JSON_EXPLAIN) && put(evidence, "rule", json_string(ev->rule))) ||
           ((flags & DEPECHE_JSON_EXPLAIN) && ev->parse && put(evidence, "parse", json_string(ev->parse)));
    if (fail || put(o, "type", json_string(ev->type)) || put(o, "summary", string_or_null(ev->summary)) ||
        put(o, "arguments", args) || put(o, "date", date) || put(o, "modality", json_string(ev->modality)) ||
        put(o, "confidence", json_real((double)(int)(ev->confidence * 100 + 0.5) / 100)) ||
        put(o, "evidence", evidence)) {
        json_decref(o);
        return NULL;
    }
    return o;
}

static json_t *events_json(const depeche_document *doc, unsigned flags)
{
    json_t *a = json_array();
    for (size_t i = 0; a && i < doc->n_events; i++) {
        json_t *o = event_json(&doc->events[i], flags);
        if (!o || json_array_append_new(a, o)) {
            json_decref(o);
            json_decref(a);
            return NULL;
        }
    }
    return a;
}

static json_t *warnings_json(const depeche_document *doc)
{
    json_t *a = json_array();
    for (size_t i = 0; a && i < doc->n_warnings; i++) {
        json_t *o = json_object();
        if (!o || put(o, "code", json_string(doc->warnings[i].code)) ||
            put(o, "message", string_or_null(doc->warnings[i].message)) ||
            json_array_append_new(a, o)) {
            json_decref(o);
            json_decref(a);
            return NULL;
        }
    }
    return a;
}

static json_t *lines_json(const depeche_document *doc)
{
    json_t *a = json_array();
    for (size_t i = 0; a && i < doc->n_lines; i++) {
        json_t *o = json_object();
        if (!o || put(o, "kind", json_string(doc->lines[i].kind)) ||
            put(o, "start", json_integer(doc->lines[i].start)) ||
            put(o, "end", json_integer(doc->lines[i].end)) || json_array_append_new(a, o)) {
            json_decref(o);
            json_decref(a);
            return NULL;
        }
    }
    return a;
}

static char *dump(json_t *root, unsigned flags)
{
    /* confidences are hundredths: 0.8, not 0.80000000000000004 */
    size_t format = (flags & DEPECHE_JSON_PRETTY ? JSON_INDENT(2) : JSON_COMPACT) | JSON_REAL_PRECISION(6);
    char *s = root ? json_dumps(root, format) : NULL;
    json_decref(root);
    return s;
}

/* {"value", "precision", "source", "text", "start", "end"}: the text's span only when the
 * date comes from the text. */
static json_t *reference_json(const depeche_document *doc)
{
    char iso[11];
    if (!dp_date_iso(doc->reference, iso))
        return json_null();
    json_t *o = json_object();
    int from_text = doc->reference_text.text != NULL;
    if (o && !put(o, "value", json_string(iso)) &&
        !put(o, "precision", json_string(dp_date_precision_name(doc->reference))) &&
        !put(o, "source", json_string(from_text ? "text" : "published")) &&
        (!from_text || (!put(o, "text", json_string(doc->reference_text.text)) &&
                        !put(o, "start", json_integer(doc->reference_text.start)) &&
                        !put(o, "end", json_integer(doc->reference_text.end)))))
        return o;
    json_decref(o);
    return NULL;
}

char *depeche_document_json(const depeche_document *doc, unsigned flags)
{
    json_t *o = json_object();
    if (!o || put(o, "id", string_or_null(doc->id)) || put(o, "source", string_or_null(doc->source)) ||
        put(o, "title", string_or_null(doc->title)) || put(o, "published", date_or_null(doc->published)) ||
        put(o, "language", json_string("fr")) ||
        put(o, "dateline", doc->has_dateline ? span_json(&doc->dateline) : json_null()) ||
        put(o, "reference_date", reference_json(doc)) || put(o, "teasers", teasers_json(doc)) || put(o, "entities", entities_json(doc)) ||
        put(o, "events", events_json(doc, flags)) || put(o, "warnings", warnings_json(doc)) ||
        ((flags & DEPECHE_JSON_EXPLAIN) &&
         (put(o, "segments", lines_json(doc)) ||
          put(o, "stats", json_pack("{s:I,s:I}", "sentences", (json_int_t)doc->n_sentences,
                                    "tokens", (json_int_t)doc->n_tokens))))) {
        json_decref(o);
        return NULL;
    }
    return dump(o, flags);
}

char *depeche_error_json(const char *id, const char *source, const char *message, unsigned flags)
{
    json_t *o = json_object();
    if (!o || put(o, "id", string_or_null(id)) || put(o, "source", string_or_null(source)) ||
        put(o, "title", json_null()) || put(o, "published", json_null()) ||
        put(o, "language", json_string("fr")) || put(o, "dateline", json_null()) ||
        put(o, "reference_date", json_null()) || put(o, "teasers", json_array()) || put(o, "entities", json_array()) ||
        put(o, "events", json_array()) || put(o, "warnings", json_array()) ||
        put(o, "error", string_or_null(message ? message : "error"))) {
        json_decref(o);
        return NULL;
    }
    return dump(o, flags);
}
