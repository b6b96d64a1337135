/* The printer: a document as JSON, keys in a fixed order. The only file that writes JSON. */
#include <jansson.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "document.h"
#include "internal.h"
#include "json.h"
#include "normalize.h"

/* A JSON string from bytes that should be UTF-8 but come from outside (ids, paths): each byte
 * that is not is replaced by U+FFFD rather than dropping the whole value. */
static json_t *string_of(const char *s, size_t n)
{
    size_t valid = dp_utf8_valid_prefix(s, n);
    if (valid == n)
        return json_stringn(s, n);
    dp_strbuf fixed = {0};
    int fail = 0;
    for (size_t i = 0; !fail && i < n; i += valid + 1) {
        valid = dp_utf8_valid_prefix(s + i, n - i);
        fail = dp_strbuf_append(&fixed, s + i, valid) ||
               (i + valid < n && dp_strbuf_append(&fixed, "\xEF\xBF\xBD", 3));
    }
    json_t *v = fail ? NULL : json_stringn(fixed.data, fixed.len);
    dp_strbuf_release(&fixed);
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

/* Adds key -> value to obj, taking the reference; a NULL value (out of memory) fails. Jansson
 * releases the value when the insertion fails, so the caller never releases it again. */
static int put(json_t *obj, const char *key, json_t *value)
{
    return !value || json_object_set_new(obj, key, value);
}

/* Appends value to array, on the same terms as put. */
static int push(json_t *array, json_t *value)
{
    return !value || json_array_append_new(array, value);
}

/* Returns obj, or NULL after releasing it when building it failed. */
static json_t *built(json_t *obj, int failed)
{
    if (!failed)
        return obj;
    json_decref(obj);
    return NULL;
}

static json_t *span_json(const dp_out_span *s)
{
    json_t *o = json_object();
    return built(o, !o || put(o, "text", string_or_null(s->text)) || put(o, "start", json_integer(s->start)) ||
                        put(o, "end", json_integer(s->end)));
}

static json_t *teaser_json(const dp_out_teaser *t)
{
    json_t *o = json_object();
    return built(o, !o || put(o, "title", string_or_null(t->title.text)) ||
                        put(o, "published", date_or_null(t->published)) || put(o, "start", json_integer(t->start)) ||
                        put(o, "end", json_integer(t->end)));
}

static json_t *entity_json(const dp_out_entity *e, size_t index)
{
    char id[24];
    snprintf(id, sizeof id, "e%zu", index + 1);
    json_t *o = json_object(), *ms = json_array();
    /* o owns the mention list from here on, whatever happens next */
    int fail = !o || put(o, "id", json_string(id)) || put(o, "type", json_string(e->type)) ||
               put(o, "name", string_or_null(e->name)) ||
               (e->canonical && put(o, "canonical", string_or_null(e->canonical))) ||
               (e->wikidata && put(o, "wikidata", string_or_null(e->wikidata))) ||
               put(o, "source", json_string(e->source));
    if (fail || put(o, "mentions", ms)) {
        if (fail)
            json_decref(ms);
        json_decref(o);
        return NULL;
    }
    for (size_t k = 0; k < e->n_mentions; k++)
        if (push(ms, span_json(&e->mentions[k])))
            return built(o, 1);
    return o;
}

/* A whole number as an integer (15000, not 15000.0), else a real. */
static json_t *number_json(double value)
{
    if (value == floor(value) && fabs(value) < 9e15)
        return json_integer((json_int_t)value);
    return json_real(value);
}

static json_t *argument_json(const dp_out_arg *a)
{
    char id[24];
    snprintf(id, sizeof id, "e%ld", a->entity + 1);
    json_t *v = json_object();
    return built(v, !v || put(v, "name", string_or_null(a->name)) ||
                        (a->text && put(v, "text", string_or_null(a->text))) ||
                        (a->entity >= 0 && put(v, "entity", json_string(id))) ||
                        (a->has_value && put(v, "value", number_json(a->value))) ||
                        (a->has_value && a->currency[0] && put(v, "currency", json_string(a->currency))));
}

static json_t *arguments_json(const dp_out_event *ev)
{
    json_t *args = json_object(), *partners = NULL;
    for (size_t k = 0; args && k < ev->n_args; k++) {
        const dp_out_arg *a = &ev->args[k];
        int fail;
        if (strcmp(a->role, "partners"))
            fail = put(args, a->role, argument_json(a));
        else if (!partners && put(args, "partners", partners = json_array()))
            fail = 1;
        else
            fail = push(partners, argument_json(a));
        if (fail)
            return built(args, 1);
    }
    return args;
}

static json_t *event_date_json(const dp_out_event *ev)
{
    if (!ev->has_date)
        return json_null();
    char iso[11];
    json_t *date = json_object();
    return built(date, !date || put(date, "value", json_string(dp_date_iso(ev->date, iso))) ||
                           put(date, "text", string_or_null(ev->date_text)) ||
                           put(date, "precision", json_string(dp_date_precision_name(ev->date))));
}

static json_t *event_evidence_json(const dp_out_event *ev, unsigned flags)
{
    json_t *evidence = json_object();
    return built(evidence,
                 !evidence || put(evidence, "sentence", string_or_null(ev->sentence.text)) ||
                     put(evidence, "start", json_integer(ev->sentence.start)) ||
                     put(evidence, "end", json_integer(ev->sentence.end)) ||
                     put(evidence, "trigger", string_or_null(ev->trigger)) ||
                     ((flags & DEPECHE_JSON_EXPLAIN) && put(evidence, "rule", json_string(ev->rule))) ||
                     ((flags & DEPECHE_JSON_EXPLAIN) && ev->parse && put(evidence, "parse", json_string(ev->parse))));
}

static json_t *event_json(const dp_out_event *ev, unsigned flags)
{
    json_t *o = json_object();
    return built(o, !o || put(o, "type", json_string(ev->type)) || put(o, "summary", string_or_null(ev->summary)) ||
                        put(o, "arguments", arguments_json(ev)) || put(o, "date", event_date_json(ev)) ||
                        put(o, "modality", json_string(ev->modality)) ||
                        put(o, "confidence", json_real((double)(int)(ev->confidence * 100 + 0.5) / 100)) ||
                        put(o, "evidence", event_evidence_json(ev, flags)));
}

static json_t *warning_json(const dp_out_warning *w)
{
    json_t *o = json_object();
    return built(o, !o || put(o, "code", json_string(w->code)) || put(o, "message", string_or_null(w->message)));
}

static json_t *line_json(const dp_out_line *l)
{
    json_t *o = json_object();
    return built(o, !o || put(o, "kind", json_string(l->kind)) || put(o, "start", json_integer(l->start)) ||
                        put(o, "end", json_integer(l->end)));
}

/* The array of each item's JSON: one builder for the document's lists. */
#define LIST_JSON(name, count, item_json)                                                         \
    static json_t *name(const depeche_document *doc, unsigned flags)                             \
    {                                                                                             \
        (void)flags;                                                                              \
        json_t *a = json_array();                                                                 \
        for (size_t i = 0; a && i < doc->count; i++)                                              \
            if (push(a, item_json))                                                               \
                return built(a, 1);                                                               \
        return a;                                                                                 \
    }
LIST_JSON(teasers_json, n_teasers, teaser_json(&doc->teasers[i]))
LIST_JSON(entities_json, n_entities, entity_json(&doc->entities[i], i))
LIST_JSON(events_json, n_events, event_json(&doc->events[i], flags))
LIST_JSON(warnings_json, n_warnings, warning_json(&doc->warnings[i]))
LIST_JSON(lines_json, n_lines, line_json(&doc->lines[i]))

/* Receives the text jansson dumps; a failed append is remembered, since jansson 2.14 ignores
 * some of its writer's failures and would return a text with a key missing. */
typedef struct dump_sink {
    dp_strbuf text;
    int failed;
} dump_sink;

static int dump_append(const char *buffer, size_t size, void *data)
{
    dump_sink *sink = data;
    if (dp_strbuf_append(&sink->text, buffer, size))
        sink->failed = 1;
    return sink->failed ? -1 : 0;
}

char *dp_json_text(json_t *root, size_t format)
{
    dump_sink sink = {{0}, 0};
    int failed = !root || json_dump_callback(root, dump_append, &sink, format) || sink.failed || !sink.text.data;
    json_decref(root);
    if (failed) {
        dp_strbuf_release(&sink.text);
        return NULL;
    }
    return dp_strbuf_take(&sink.text);
}

static char *dump(json_t *root, unsigned flags)
{
    /* confidences are hundredths: 0.8, not 0.80000000000000004 */
    return dp_json_text(root, (flags & DEPECHE_JSON_PRETTY ? JSON_INDENT(2) : JSON_COMPACT) | JSON_REAL_PRECISION(6));
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
        put(o, "reference_date", reference_json(doc)) || put(o, "teasers", teasers_json(doc, flags)) || put(o, "entities", entities_json(doc, flags)) ||
        put(o, "events", events_json(doc, flags)) || put(o, "warnings", warnings_json(doc, flags)) ||
        ((flags & DEPECHE_JSON_EXPLAIN) &&
         (put(o, "segments", lines_json(doc, flags)) ||
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
