/* Timelines: the events of many articles' records merged into entries, one per fact, each
 * with all its sources, rendered as JSON, CSV, TimelineJS data or a self-contained HTML page. */
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "date.h"
#include "event.h"
#include "json.h"
#include "normalize.h"
#include "summary.h"
#include "timeline_html.h"

/* Arguments that say which fact an event is; two reports of one fact share them. */
static const char *const core_roles[] = {"person",    "org",       "acquirer", "target", "partners",
                                         "plaintiff", "defendant", "product",  "authority"};

/* The argument columns of the CSV, in the guidelines' order; others go to "other". */
static const char *const csv_roles[] = {
    "person", "org",   "role",      "predecessor", "acquirer", "target", "partners", "investor",
    "amount", "plaintiff", "defendant", "court",    "outcome",  "count",  "product",  "authority"};

/* Reports of one fact without their own dates are merged when published this close (days). */
#define TL_SAME_FACT_DAYS 62

typedef struct tl_entry {
    char *key;
    json_t *event;   /* the first report's type, summary, modality, arguments */
    json_t *sources; /* one object a report */
    dp_date when;      /* the most precise date its reports give; year 0: none */
    dp_date published; /* the earliest report's publication date; year 0: none */
    double confidence;
    dp_strbuf names; /* "|name|name|", folded, for the entity filter */
} tl_entry;

struct depeche_timeline {
    tl_entry *entries;
    size_t n_entries, cap;
    json_t *index; /* key -> array of entry positions */
    size_t articles, events, errors;
};

depeche_timeline *depeche_timeline_new(void)
{
    depeche_timeline *tl = dp_calloc(1, sizeof *tl);
    if (tl && !(tl->index = json_object())) {
        free(tl);
        return NULL;
    }
    return tl;
}

void depeche_timeline_free(depeche_timeline *tl)
{
    if (!tl)
        return;
    for (size_t i = 0; i < tl->n_entries; i++) {
        free(tl->entries[i].key);
        json_decref(tl->entries[i].event);
        json_decref(tl->entries[i].sources);
        dp_strbuf_release(&tl->entries[i].names);
    }
    free(tl->entries);
    json_decref(tl->index);
    free(tl);
}

static const char *str(json_t *obj, const char *key)
{
    return json_string_value(json_object_get(obj, key));
}

static const char *or_empty(const char *s)
{
    return s ? s : "";
}

/* A name's folded key as a C string (dp_fold_key does not terminate it). */
static int fold_name(const char *name, char *out, size_t cap)
{
    size_t n = dp_fold_key(name, strlen(name), out, cap - 1);
    if (n == (size_t)-1)
        return -1;
    out[n] = '\0';
    return 0;
}

/* The name an argument value stands for across articles: its entity's canonical name when the
 * gazetteer knew it, else the article's name; folded. */
static int arg_key(json_t *value, json_t *canon, char *out, size_t cap)
{
    const char *id = str(value, "entity");
    const char *name = id ? str(canon, id) : NULL;
    if (!name)
        name = str(value, "name");
    return name ? fold_name(name, out, cap) : -1;
}

static int by_string(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* type, modality and the core arguments (partners in name order) make the key of a fact. */
static char *fact_key(const char *type, const char *modality, json_t *args, json_t *canon)
{
    dp_strbuf key = {0};
    int fail = dp_strbuf_printf(&key, "%s\x1f%s", type, modality);
    char folded[256];
    for (size_t r = 0; r < DP_ARRAY_LEN(core_roles) && !fail; r++) {
        json_t *v = json_object_get(args, core_roles[r]);
        if (!v)
            continue;
        fail |= dp_strbuf_printf(&key, "\x1f%s=", core_roles[r]);
        if (json_is_array(v)) {
            size_t n = json_array_size(v);
            char **names = dp_calloc(n ? n : 1, sizeof *names);
            fail |= !names;
            size_t named = 0; /* partners without a usable name are left out */
            for (size_t i = 0; i < n && !fail; i++)
                if (!arg_key(json_array_get(v, i), canon, folded, sizeof folded))
                    fail |= !(names[named++] = dp_strdup(folded));
            if (!fail) {
                qsort(names, named, sizeof *names, by_string);
                for (size_t i = 0; i < named && !fail; i++)
                    fail |= dp_strbuf_printf(&key, "%s;", names[i]);
            }
            for (size_t i = 0; names && i < named; i++)
                free(names[i]);
            free(names);
        } else if (!arg_key(v, canon, folded, sizeof folded)) {
            fail |= dp_strbuf_puts(&key, folded);
        }
    }
    if (fail) {
        dp_strbuf_release(&key);
        return NULL;
    }
    return dp_strbuf_take(&key);
}

/* Reports of one fact given their own dates this far apart are still one fact ("lundi" in one,
 * "mardi" in the next day's; "en juin" and "le 29 mai"). */
#define TL_SAME_FACT_DATED_DAYS 7

/* The last day a date covers: a month or a year counts as its whole span. */
static long last_day(dp_date d)
{
    dp_date next = d;
    if (!d.month)
        next = (dp_date){(int16_t)(d.year + 1), 1, 1};
    else if (!d.day)
        next = d.month == 12 ? (dp_date){(int16_t)(d.year + 1), 1, 1}
                             : (dp_date){d.year, (int8_t)(d.month + 1), 1};
    else
        return dp_date_days(d);
    return dp_date_days(next) - 1;
}

/* Either the two reports give dates within a week of each other (a month or a year counts as
 * its whole span), or the one without a date was published close to the other's date. */
static int same_time(const tl_entry *e, dp_date w, dp_date published)
{
    if (e->when.year && w.year) {
        long start = dp_date_days(e->when) > dp_date_days(w) ? dp_date_days(e->when) : dp_date_days(w);
        long end = last_day(e->when) < last_day(w) ? last_day(e->when) : last_day(w);
        return start - end <= TL_SAME_FACT_DATED_DAYS;
    }
    dp_date a = e->when.year ? e->when : e->published;
    dp_date b = w.year ? w : published;
    if (!a.year || !b.year)
        return 1;
    long gap = dp_date_days(a) - dp_date_days(b);
    return gap <= TL_SAME_FACT_DAYS && gap >= -TL_SAME_FACT_DAYS;
}

static int earlier(dp_date a, dp_date b)
{
    return a.year && (!b.year || dp_date_days(a) < dp_date_days(b));
}

static int add_names(dp_strbuf *names, json_t *args)
{
    const char *role;
    json_t *v;
    char folded[256];
    int fail = 0;
    json_object_foreach(args, role, v) {
        size_t n = json_is_array(v) ? json_array_size(v) : 1;
        for (size_t i = 0; i < n; i++) {
            const char *name = str(json_is_array(v) ? json_array_get(v, i) : v, "name");
            if (!name || fold_name(name, folded, sizeof folded))
                continue;
            if (!names->len)
                fail |= dp_strbuf_putc(names, '|');
            fail |= dp_strbuf_printf(names, "%s|", folded);
        }
    }
    return fail;
}

static json_t *source_of(json_t *record, json_t *event)
{
    json_t *evidence = json_object_get(event, "evidence");
    json_t *date = json_object_get(event, "date");
    json_t *s = json_pack("{s:O?, s:O?, s:O?, s:O?, s:O?, s:O?, s:O?, s:O?, s:O?}",
                          "article", json_object_get(record, "id"),
                          "source", json_object_get(record, "source"),
                          "title", json_object_get(record, "title"),
                          "published", json_object_get(record, "published"),
                          "sentence", json_object_get(evidence, "sentence"),
                          "start", json_object_get(evidence, "start"),
                          "end", json_object_get(evidence, "end"),
                          "trigger", json_object_get(evidence, "trigger"),
                          "date_text", json_object_get(date, "text"));
    json_t *rule = json_object_get(evidence, "rule");
    if (s && rule && json_object_set(s, "rule", rule)) {
        json_decref(s);
        return NULL;
    }
    return s;
}

static int same_field(json_t *a, json_t *b, const char *key)
{
    return str(a, key) && str(b, key) && !strcmp(str(a, key), str(b, key));
}

/* Whether a report is one the entry has: the same page (URL), or the same sentence from the
 * same article (its id, or its title and day: the same article fed twice, or syndicated). */
static int already_told(json_t *sources, json_t *source)
{
    size_t i;
    json_t *s;
    json_array_foreach(sources, i, s) {
        if (same_field(s, source, "source"))
            return 1;
        if (same_field(s, source, "sentence") &&
            (same_field(s, source, "article") ||
             (same_field(s, source, "title") && same_field(s, source, "published"))))
            return 1;
    }
    return 0;
}

static int add_event(depeche_timeline *tl, json_t *record, json_t *event, json_t *canon,
                     dp_date published)
{
    const char *type = str(event, "type"), *modality = str(event, "modality");
    json_t *args = json_object_get(event, "arguments");
    if (!type || !modality || !json_is_object(args))
        return DEPECHE_ERR_INPUT;
    dp_date w = {0, 0, 0};
    dp_date_parse_value(str(json_object_get(event, "date"), "value"), &w);
    char *key = fact_key(type, modality, args, canon);
    json_t *source = source_of(record, event);
    if (!key || !source) {
        free(key);
        json_decref(source);
        return DEPECHE_ERR_NOMEM;
    }
    double confidence = json_number_value(json_object_get(event, "confidence"));
    json_t *same = json_object_get(tl->index, key);
    for (size_t i = 0; i < json_array_size(same); i++) {
        tl_entry *e = &tl->entries[json_integer_value(json_array_get(same, i))];
        if (!same_time(e, w, published))
            continue;
        free(key);
        if (already_told(e->sources, source))
            json_decref(source);
        else if (json_array_append_new(e->sources, source))
            return DEPECHE_ERR_NOMEM;
        if (dp_date_precision(w) > dp_date_precision(e->when))
            e->when = w;
        if (earlier(published, e->published))
            e->published = published;
        if (confidence > e->confidence)
            e->confidence = confidence;
        return 0;
    }
    /* a new entry, built whole before the index names it */
    tl_entry e = {.key = key, .when = w, .published = published, .confidence = confidence};
    e.event = json_pack("{s:s, s:O?, s:s, s:O}", "type", type, "summary", json_object_get(event, "summary"),
                        "modality", modality, "arguments", args);
    e.sources = json_array();
    int fail = !e.sources || json_array_append_new(e.sources, source);
    if (!e.sources)
        json_decref(source);
    fail = fail || !e.event || add_names(&e.names, args) ||
           dp_reserve((void **)&tl->entries, &tl->cap, tl->n_entries + 1, sizeof *tl->entries);
    if (!fail && !same && (!(same = json_array()) || json_object_set_new(tl->index, key, same)))
        fail = 1;
    if (fail || json_array_append_new(same, json_integer((json_int_t)tl->n_entries))) {
        free(e.key);
        json_decref(e.event);
        json_decref(e.sources);
        dp_strbuf_release(&e.names);
        return DEPECHE_ERR_NOMEM;
    }
    tl->entries[tl->n_entries++] = e;
    return 0;
}

int depeche_timeline_add_json(depeche_timeline *tl, const char *record, size_t length,
                              depeche_error *err)
{
    json_t *root;
    int loaded = dp_json_load(record, length, 0, &root, err);
    if (loaded)
        return loaded;
    int rc = 0;
    json_t *events = json_object_get(root, "events");
    if (!json_is_object(root) || (!json_is_array(events) && !json_object_get(root, "error"))) {
        rc = dp_fail(err, DEPECHE_ERR_INPUT, NULL, 0, 0, "not a depeche record (no \"events\")");
    } else if (json_object_get(root, "error")) {
        tl->errors++;
    } else {
        tl->articles++;
        json_t *canon = json_object();
        size_t i;
        json_t *ent;
        json_array_foreach(json_object_get(root, "entities"), i, ent) {
            const char *id = str(ent, "id");
            json_t *name = json_object_get(ent, "canonical");
            if (!name)
                name = json_object_get(ent, "name");
            if (canon && id && name && json_object_set(canon, id, name)) {
                json_decref(canon);
                canon = NULL; /* out of memory: said below */
            }
        }
        dp_date published = {0, 0, 0};
        dp_date_parse_iso(str(root, "published"), &published);
        json_t *ev;
        json_array_foreach(events, i, ev) {
            if (!canon) {
                rc = DEPECHE_ERR_NOMEM;
                break;
            }
            tl->events++;
            if ((rc = add_event(tl, root, ev, canon, published)))
                break;
        }
        json_decref(canon);
        if (rc == DEPECHE_ERR_INPUT)
            dp_fail(err, DEPECHE_ERR_INPUT, NULL, 0, 0, "an event without type, modality or arguments");
        else if (rc)
            dp_fail(err, DEPECHE_ERR_NOMEM, NULL, 0, 0, "out of memory");
    }
    json_decref(root);
    return rc;
}

/* ---- Ordering and filtering ---------------------------------------------------------------- */

/* The date an entry is placed at: its own, else its earliest publication date. */
static dp_date place(const tl_entry *e)
{
    return e->when.year ? e->when : e->published;
}

static int by_place(const void *pa, const void *pb)
{
    const tl_entry *a = *(tl_entry *const *)pa, *b = *(tl_entry *const *)pb;
    dp_date wa = place(a), wb = place(b);
    if (!wa.year != !wb.year)
        return wa.year ? -1 : 1; /* undated last */
    char da[11] = "", db[11] = "";
    dp_date_iso(wa, da);
    dp_date_iso(wb, db);
    int c = strcmp(da, db);
    if (!c)
        c = strcmp(str(a->event, "type"), str(b->event, "type"));
    if (!c)
        c = strcmp(a->key, b->key);
    if (!c)
        c = strcmp(or_empty(str(json_array_get(a->sources, 0), "article")),
                   or_empty(str(json_array_get(b->sources, 0), "article")));
    return c;
}

/* Does a byte belong to a word? Letters and digits; bytes of non-ASCII characters, which
 * folding leaves only in letters of other scripts. The page's script says the same. */
static int word_byte(unsigned char c)
{
    return c >= 0x80 || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
}

/* Does one of the folded names hold the folded words `wanted`, whole ("renault" in "groupe
 * renault" and "renault-nissan", not in "renaultsport")? */
static int names_hold(const char *names, const char *wanted)
{
    size_t n = strlen(wanted);
    for (const char *p = names && n ? strstr(names, wanted) : NULL; p; p = strstr(p + 1, wanted))
        if ((p == names || !word_byte((unsigned char)p[-1])) && !word_byte((unsigned char)p[n]))
            return 1;
    return 0;
}

/* Writes "appointment, dismissal, ..., fine" into listed (256 bytes hold them) for messages. */
static const char *event_types_listed(char listed[256])
{
    size_t n = 0;
    for (int t = 0; t < DP_EVENT_TYPES && n < 256; t++)
        n += (size_t)snprintf(listed + n, 256 - n, "%s%s", t ? ", " : "",
                              dp_event_type_name((enum dp_event_type)t));
    return listed;
}

typedef struct tl_view {
    tl_entry **all;      /* every entry, sorted: positions give the stable ids t1, t2... */
    size_t n_all;
    unsigned char *kept; /* per position: passes the filter */
    size_t n_kept;
    enum dp_lang lang;
    dp_summary_rules summaries; /* other languages' templates: summaries are filled again */
} tl_view;

static int view_make(const depeche_timeline *tl, const depeche_timeline_filter *f, tl_view *v,
                     depeche_error *err)
{
    memset(v, 0, sizeof *v);
    dp_date since = {0, 0, 0}, until = {0, 0, 0};
    if (f && f->since && !dp_date_parse_value(f->since, &since))
        return dp_fail(err, DEPECHE_ERR_ARGUMENT, NULL, 0, 0, "--since: '%.40s' is not YYYY[-MM[-DD]]",
                       f->since);
    if (f && f->until && !dp_date_parse_value(f->until, &until))
        return dp_fail(err, DEPECHE_ERR_ARGUMENT, NULL, 0, 0, "--until: '%.40s' is not YYYY[-MM[-DD]]",
                       f->until);
    if (f && !(f->min_confidence >= 0 && f->min_confidence <= 1))
        return dp_fail(err, DEPECHE_ERR_ARGUMENT, NULL, 0, 0, "--min-confidence: %g is not between 0 and 1",
                       f->min_confidence);
    char listed[256];
    for (size_t k = 0; f && k < f->n_types; k++)
        if (dp_event_type_from(f->types[k], strlen(f->types[k])) < 0)
            return dp_fail(err, DEPECHE_ERR_ARGUMENT, NULL, 0, 0, "--type: '%.40s' is not one of %s",
                           f->types[k], event_types_listed(listed));
    for (size_t k = 0; f && k < f->n_modalities; k++)
        if (dp_modality_from(f->modalities[k]) < 0)
            return dp_fail(err, DEPECHE_ERR_ARGUMENT, NULL, 0, 0,
                           "--modality: '%.40s' is not one of asserted, hypothetical, negated",
                           f->modalities[k]);
    if (dp_lang_from(f ? f->lang : NULL, &v->lang))
        return dp_fail(err, DEPECHE_ERR_ARGUMENT, NULL, 0, 0, "--lang: '%.40s' is not one of %s",
                       f->lang, dp_langs_listed());
    if (v->lang != DP_LANG_EN && dp_summary_rules_load_defaults(&v->summaries, err))
        return err ? err->code : DEPECHE_ERR_DATA;
    char (*wanted)[256] = NULL;
    size_t n_wanted = f ? f->n_entities : 0;
    v->all = dp_malloc((tl->n_entries ? tl->n_entries : 1) * sizeof *v->all);
    v->kept = dp_calloc(tl->n_entries ? tl->n_entries : 1, 1);
    wanted = dp_calloc(n_wanted ? n_wanted : 1, sizeof *wanted);
    if (!v->all || !v->kept || !wanted) {
        free(v->all), free(v->kept), free(wanted);
        dp_summary_rules_release(&v->summaries);
        return dp_fail(err, DEPECHE_ERR_NOMEM, NULL, 0, 0, "out of memory");
    }
    for (size_t i = 0; i < n_wanted; i++) {
        if (fold_name(f->entities[i], wanted[i], sizeof wanted[i]))
            wanted[i][0] = '\0';
        /* " renault " is the word renault, as on the page */
        size_t start = strspn(wanted[i], " \t"), len = strlen(wanted[i] + start);
        memmove(wanted[i], wanted[i] + start, len + 1);
        while (len && (wanted[i][len - 1] == ' ' || wanted[i][len - 1] == '\t'))
            wanted[i][--len] = '\0';
    }
    for (size_t i = 0; i < tl->n_entries; i++)
        v->all[i] = &tl->entries[i];
    v->n_all = tl->n_entries;
    qsort(v->all, v->n_all, sizeof *v->all, by_place);
    for (size_t i = 0; i < v->n_all; i++) {
        const tl_entry *e = v->all[i];
        int keep = 1;
        if (f && f->n_types) {
            keep = 0;
            for (size_t k = 0; k < f->n_types; k++)
                keep |= !strcmp(f->types[k], str(e->event, "type"));
        }
        if (keep && f && f->n_modalities) {
            keep = 0;
            for (size_t k = 0; k < f->n_modalities; k++)
                keep |= !strcmp(f->modalities[k], str(e->event, "modality"));
        }
        if (keep && f && e->confidence + 1e-9 < f->min_confidence)
            keep = 0;
        if (keep && n_wanted) {
            keep = 0;
            for (size_t k = 0; k < n_wanted; k++)
                keep |= wanted[k][0] && names_hold(e->names.data, wanted[k]);
        }
        dp_date w = place(e);
        if (keep && (since.year || until.year) && !w.year)
            keep = 0;
        if (keep && since.year && last_day(w) < dp_date_days(since))
            keep = 0;
        if (keep && until.year && dp_date_days(w) > last_day(until))
            keep = 0;
        v->kept[i] = (unsigned char)keep;
        v->n_kept += (size_t)keep;
    }
    free(wanted);
    return 0;
}

static void view_release(tl_view *v)
{
    free(v->all);
    free(v->kept);
    dp_summary_rules_release(&v->summaries);
}

/* ---- JSON ------------------------------------------------------------------------------------ */

/* The k-th name an entry's arguments give a role (an object, or a list of them), or its text. */
static const char *json_arg_name(const void *args, const char *role, size_t role_len, size_t k,
                                 int own_words)
{
    json_t *v = json_object_getn((json_t *)args, role, role_len);
    json_t *one = json_is_array(v) ? json_array_get(v, k) : k ? NULL : v;
    return own_words && str(one, "text") ? str(one, "text") : str(one, "name");
}

/* The summary of the view's i-th entry in the view's language: its first report's in English,
 * else filled again from its arguments. 0, or -1 when memory ran out. */
static int entry_summary(const tl_view *v, size_t i, json_t **summary)
{
    json_t *event = v->all[i]->event;
    const char *type = str(event, "type");
    int t = dp_event_type_from(type, strlen(type));
    if (v->lang == DP_LANG_EN || t < 0) {
        *summary = json_incref(json_object_get(event, "summary"));
        return 0;
    }
    char *filled = dp_summary_fill(&v->summaries, v->lang, (enum dp_event_type)t, json_arg_name,
                                   json_object_get(event, "arguments"));
    *summary = filled ? json_string(filled) : NULL;
    free(filled);
    return *summary ? 0 : -1;
}

/* The view's i-th entry as the JSON timeline gives it; NULL when memory ran out. */
static json_t *entry_json(const tl_view *v, size_t i)
{
    const tl_entry *e = v->all[i];
    char id[32], iso[11];
    snprintf(id, sizeof id, "t%zu", i + 1);
    json_t *summary;
    if (entry_summary(v, i, &summary))
        return NULL;
    json_t *date = e->when.year
                       ? json_pack("{s:s, s:s}", "value", dp_date_iso(e->when, iso),
                                   "precision", dp_date_precision_name(e->when))
                       : json_null();
    if (!date) {
        json_decref(summary);
        return NULL;
    }
    dp_date w = place(e);
    char sort[11] = "";
    dp_date_iso(w, sort);
    return json_pack("{s:s, s:O, s:o?, s:o, s:s?, s:s?, s:O, s:f, s:O, s:O}", "id", id, "type",
                     json_object_get(e->event, "type"), "summary", summary, "date", date,
                     "sort_date", w.year ? sort : NULL, "dated_by",
                     e->when.year ? "event" : w.year ? "publication" : NULL,
                     "modality", json_object_get(e->event, "modality"), "confidence",
                     e->confidence, "arguments", json_object_get(e->event, "arguments"),
                     "sources", e->sources);
}

static char *render_json(const depeche_timeline *tl, const tl_view *v)
{
    json_t *entries = json_array();
    for (size_t i = 0; entries && i < v->n_all; i++)
        if (v->kept[i] && json_array_append_new(entries, entry_json(v, i))) {
            json_decref(entries);
            entries = NULL;
        }
    json_t *root = json_pack("{s:o, s:I, s:I, s:I}", "entries", entries, "articles",
                             (json_int_t)tl->articles, "events", (json_int_t)tl->events,
                             "errors", (json_int_t)tl->errors);
    return dp_json_text(root, JSON_INDENT(2) | JSON_PRESERVE_ORDER | JSON_REAL_PRECISION(3));
}

/* ---- CSV ------------------------------------------------------------------------------------- */

static int csv_field(dp_strbuf *b, const char *s, int last)
{
    int fail = 0;
    s = s ? s : "";
    if (strpbrk(s, ",\"\r\n")) {
        fail |= dp_strbuf_putc(b, '"');
        for (; *s; s++)
            fail |= *s == '"' ? dp_strbuf_puts(b, "\"\"") : dp_strbuf_putc(b, *s);
        fail |= dp_strbuf_putc(b, '"');
    } else {
        fail |= dp_strbuf_puts(b, s);
    }
    return fail | (last ? dp_strbuf_puts(b, "\r\n") : dp_strbuf_putc(b, ','));
}

/* Appends an argument's names, joined by "; " (partners are a list); 0, or -1 when memory ran
 * out. */
static int arg_names(json_t *v, dp_strbuf *out)
{
    size_t n = json_is_array(v) ? json_array_size(v) : v ? 1 : 0;
    int fail = 0;
    for (size_t i = 0; i < n; i++) {
        const char *name = str(json_is_array(v) ? json_array_get(v, i) : v, "name");
        if (name)
            fail |= dp_strbuf_printf(out, "%s%s", out->len ? "; " : "", name);
    }
    return fail;
}

/* A JSON number as CSV text ("7400000000", "1.5"), "" when there is none. */
static const char *number_text(json_t *v, char *out, size_t size)
{
    if (json_is_integer(v))
        snprintf(out, size, "%" JSON_INTEGER_FORMAT, json_integer_value(v));
    else if (json_is_real(v))
        snprintf(out, size, "%.15g", json_real_value(v));
    else
        out[0] = '\0';
    return out;
}

static int is_csv_role(const char *role)
{
    for (size_t i = 0; i < DP_ARRAY_LEN(csv_roles); i++)
        if (!strcmp(role, csv_roles[i]))
            return 1;
    return 0;
}

static char *render_csv(const tl_view *v)
{
    dp_strbuf b = {0};
    int fail = dp_strbuf_puts(&b, "\xEF\xBB\xBF"); /* spreadsheets then read UTF-8 */
    static const char *const head[] = {"id", "date", "precision", "dated_by", "type", "modality",
                                       "summary"};
    for (size_t i = 0; i < DP_ARRAY_LEN(head); i++)
        fail |= csv_field(&b, head[i], 0);
    for (size_t i = 0; i < DP_ARRAY_LEN(csv_roles); i++)
        fail |= csv_field(&b, csv_roles[i], 0);
    static const char *const tail[] = {"amount_value", "currency", "count_value", "other", "confidence",
                                       "sources", "articles", "urls", "evidence"};
    for (size_t i = 0; i < DP_ARRAY_LEN(tail); i++)
        fail |= csv_field(&b, tail[i], i + 1 == DP_ARRAY_LEN(tail));
    for (size_t i = 0; i < v->n_all && !fail; i++) {
        if (!v->kept[i])
            continue;
        json_t *row = entry_json(v, i);
        if (!row) {
            fail = 1;
            break;
        }
        json_t *date = json_object_get(row, "date"), *args = json_object_get(row, "arguments");
        char conf[16];
        snprintf(conf, sizeof conf, "%.2f", json_real_value(json_object_get(row, "confidence")));
        fail |= csv_field(&b, str(row, "id"), 0);
        fail |= csv_field(&b, str(row, "sort_date"), 0);
        fail |= csv_field(&b, str(date, "precision") ? str(date, "precision") : "", 0);
        fail |= csv_field(&b, str(row, "dated_by"), 0);
        fail |= csv_field(&b, str(row, "type"), 0);
        fail |= csv_field(&b, str(row, "modality"), 0);
        fail |= csv_field(&b, str(row, "summary"), 0);
        dp_strbuf cell = {0};
        for (size_t r = 0; r < DP_ARRAY_LEN(csv_roles); r++) {
            cell.len = 0;
            if (cell.data)
                cell.data[0] = '\0';
            fail |= arg_names(json_object_get(args, csv_roles[r]), &cell);
            fail |= csv_field(&b, cell.data, 0);
        }
        /* amounts and counts as numbers, for spreadsheets to sort and sum */
        json_t *amount = json_object_get(args, "amount"), *counted = json_object_get(args, "count");
        char number[40];
        fail |= csv_field(&b, number_text(json_object_get(amount, "value"), number, sizeof number), 0);
        fail |= csv_field(&b, str(amount, "currency"), 0);
        fail |= csv_field(&b, number_text(json_object_get(counted, "value"), number, sizeof number), 0);
        cell.len = 0;
        if (cell.data)
            cell.data[0] = '\0';
        const char *role;
        json_t *val;
        json_object_foreach(args, role, val) {
            if (is_csv_role(role))
                continue;
            dp_strbuf one = {0};
            fail |= arg_names(val, &one);
            fail |= dp_strbuf_printf(&cell, "%s%s=%s", cell.len ? "; " : "", role, one.data ? one.data : "");
            dp_strbuf_release(&one);
        }
        fail |= csv_field(&b, cell.data, 0);
        fail |= csv_field(&b, conf, 0);
        json_t *sources = json_object_get(row, "sources");
        char count[24];
        snprintf(count, sizeof count, "%zu", json_array_size(sources));
        fail |= csv_field(&b, count, 0);
        dp_strbuf articles = {0}, urls = {0};
        size_t k;
        json_t *s;
        json_array_foreach(sources, k, s) {
            fail |= dp_strbuf_printf(&articles, "%s%s", k ? " | " : "", or_empty(str(s, "article")));
            if (str(s, "source"))
                fail |= dp_strbuf_printf(&urls, "%s%s", urls.len ? " | " : "", str(s, "source"));
        }
        fail |= csv_field(&b, articles.data, 0);
        fail |= csv_field(&b, urls.data, 0);
        fail |= csv_field(&b, str(json_array_get(sources, 0), "sentence"), 1);
        dp_strbuf_release(&articles);
        dp_strbuf_release(&urls);
        dp_strbuf_release(&cell);
        json_decref(row);
    }
    if (fail) {
        dp_strbuf_release(&b);
        return NULL;
    }
    return dp_strbuf_take(&b);
}

/* ---- TimelineJS ------------------------------------------------------------------------------ */

/* The slide's text: each source's sentence and a link to it, as the HTML TimelineJS shows. */
static char *slide_text(json_t *sources)
{
    dp_strbuf b = {0};
    size_t k;
    json_t *s;
    int fail = 0;
    json_array_foreach(sources, k, s) {
        fail |= dp_strbuf_puts(&b, "<p>\xC2\xAB\xC2\xA0");
        fail |= dp_html_escape(&b, str(s, "sentence"));
        fail |= dp_strbuf_puts(&b, "\xC2\xA0\xC2\xBB<br><small>");
        const char *label = str(s, "title") ? str(s, "title") : str(s, "article");
        fail |= dp_html_link(&b, str(s, "source"), label);
        if (str(s, "published")) {
            fail |= dp_strbuf_puts(&b, ", ");
            fail |= dp_html_escape(&b, str(s, "published"));
        }
        fail |= dp_strbuf_puts(&b, "</small></p>");
    }
    if (fail) {
        dp_strbuf_release(&b);
        return NULL;
    }
    return dp_strbuf_take(&b);
}

static json_t *slide_date(dp_date w)
{
    char y[8], m[8], d[8];
    snprintf(y, sizeof y, "%d", w.year);
    snprintf(m, sizeof m, "%d", w.month);
    snprintf(d, sizeof d, "%d", w.day);
    return json_pack("{s:s, s:s?, s:s?}", "year", y, "month", w.month ? m : NULL, "day",
                     w.day ? d : NULL);
}

static char *render_timelinejs(const depeche_timeline *tl, const tl_view *v)
{
    json_t *events = json_array();
    size_t shown = 0;
    for (size_t i = 0; events && i < v->n_all; i++) {
        const tl_entry *e = v->all[i];
        dp_date w = place(e);
        if (!v->kept[i] || !w.year)
            continue; /* TimelineJS needs a start date */
        char id[32];
        snprintf(id, sizeof id, "t%zu", i + 1);
        char *text = slide_text(e->sources);
        json_t *start = slide_date(w), *headline = NULL;
        int failed = !text || !start || entry_summary(v, i, &headline);
        json_t *slide = failed ? NULL
                               : json_pack("{s:o, s:{s:o?, s:s}, s:O, s:s}", "start_date", start,
                                           "text", "headline", headline, "text", text, "group",
                                           json_object_get(e->event, "type"), "unique_id", id);
        if (failed) { /* json_pack releases what "o" took, even when it fails */
            json_decref(start);
            json_decref(headline);
        }
        free(text);
        if (!slide || json_array_append_new(events, slide)) {
            json_decref(events);
            events = NULL;
        }
        shown++;
    }
    const dp_timeline_words *words = dp_timeline_words_in(v->lang);
    char intro[256];
    snprintf(intro, sizeof intro, words->slides, shown, tl->articles);
    json_t *root = json_pack("{s:{s:{s:s, s:s}}, s:o}", "title", "text", "headline",
                             words->title, "text", intro, "events", events);
    return dp_json_text(root, JSON_INDENT(2) | JSON_PRESERVE_ORDER | JSON_REAL_PRECISION(3));
}

/* ---- HTML ------------------------------------------------------------------------------------ */

static char *render_html(const depeche_timeline *tl, const tl_view *v)
{
    json_t *entries = json_array();
    const char **names = dp_malloc((v->n_kept ? v->n_kept : 1) * sizeof *names);
    char *out = NULL;
    for (size_t i = 0; entries && names && i < v->n_all; i++) {
        if (!v->kept[i])
            continue;
        names[json_array_size(entries)] = v->all[i]->names.data ? v->all[i]->names.data : "";
        if (json_array_append_new(entries, entry_json(v, i))) {
            json_decref(entries);
            entries = NULL;
        }
    }
    if (entries && names)
        out = dp_html_timeline_page(entries, names, v->lang, tl->articles, tl->events, tl->errors);
    free(names);
    json_decref(entries);
    return out;
}

char *depeche_timeline_render(const depeche_timeline *tl, const depeche_timeline_filter *filter,
                              depeche_timeline_format format, depeche_error *err)
{
    tl_view v;
    if (!tl) {
        dp_fail(err, DEPECHE_ERR_ARGUMENT, NULL, 0, 0, "no timeline");
        return NULL;
    }
    if (view_make(tl, filter, &v, err))
        return NULL;
    char *out = NULL;
    switch (format) {
    case DEPECHE_TIMELINE_JSON: out = render_json(tl, &v); break;
    case DEPECHE_TIMELINE_CSV: out = render_csv(&v); break;
    case DEPECHE_TIMELINE_TIMELINEJS: out = render_timelinejs(tl, &v); break;
    case DEPECHE_TIMELINE_HTML: out = render_html(tl, &v); break;
    default:
        view_release(&v);
        dp_fail(err, DEPECHE_ERR_ARGUMENT, NULL, 0, 0, "unknown timeline format");
        return NULL;
    }
    view_release(&v);
    if (!out)
        dp_fail(err, DEPECHE_ERR_NOMEM, NULL, 0, 0, "out of memory");
    return out;
}
