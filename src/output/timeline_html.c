/* The timeline page. Entries are written into the page itself, so it shows without script;
 * the script only filters (by type and entity, also from the address: #type=...&entity=...). */
#include <stdlib.h>
#include <string.h>

#include "timeline_html.h"

static const char page_style[] =
    "body{font:16px/1.45 system-ui,sans-serif;margin:0;color:#1d1d1f;background:#fafafa}"
    "header{position:sticky;top:0;background:#fff;border-bottom:1px solid #ddd;padding:.8em 1.5em}"
    "h1{font-size:1.3em;margin:0 0 .3em}"
    "form{display:flex;flex-wrap:wrap;gap:1em;align-items:center}"
    "main{max-width:60em;margin:0 auto;padding:1em 1.5em}"
    "#timeline{list-style:none;padding:0;border-left:3px solid #c8d3e0;margin-left:.5em}"
    ".entry{position:relative;margin:0 0 1.2em;padding:.2em 0 .2em 1.2em}"
    ".entry::before{content:'';position:absolute;left:-.5em;top:.65em;width:.7em;height:.7em;"
    "border-radius:50%;background:#3a6ea5}"
    ".entry time{font-weight:600;font-variant-numeric:tabular-nums;margin-right:.6em}"
    ".type{font-size:.8em;background:#e6edf5;border-radius:.3em;padding:.1em .4em;margin-right:.6em}"
    ".modality{font-size:.8em;color:#9a4a00;margin-left:.5em}"
    ".undated{color:#777}"
    ".summary{font-weight:600;color:inherit}"
    ".sources{margin:.4em 0 0;padding-left:1.2em;font-size:.92em}"
    ".sources blockquote{margin:.2em 0;color:#333}"
    ".sources p{margin:0 0 .5em;color:#666;font-size:.9em}"
    "mark{background:#fff1a8}"
    ":target{outline:2px solid #3a6ea5;outline-offset:2px}";

static const char page_script[] =
    "(function(){"
    "var type=document.getElementById('type-filter'),entity=document.getElementById('entity-filter'),"
    "shown=document.getElementById('shown'),"
    "entries=[].slice.call(document.querySelectorAll('#timeline>li.entry'));"
    "function fold(s){return s.normalize('NFD').replace(/[\\u0300-\\u036f]/g,'').toLowerCase()"
    ".replace(/\\u0153/g,'oe').replace(/\\u00e6/g,'ae').trim();}"
    "function apply(){var t=type.value,e=fold(entity.value),n=0;"
    "entries.forEach(function(li){var ok=(!t||li.dataset.type===t)&&"
    "(!e||li.dataset.names.indexOf(e)>=0);li.hidden=!ok;if(ok)n++;});"
    "shown.textContent=n+' of '+entries.length+' entries shown';}"
    "function remember(){var h=[];if(type.value)h.push('type='+encodeURIComponent(type.value));"
    "if(entity.value.trim())h.push('entity='+encodeURIComponent(entity.value.trim()));"
    "history.replaceState(null,'',h.length?'#'+h.join('&'):location.pathname+location.search);}"
    "function fromAddress(){location.hash.slice(1).split('&').forEach(function(kv){"
    "var p=kv.split('='),v=decodeURIComponent(p[1]||'');"
    "if(p[0]==='type')type.value=v;if(p[0]==='entity')entity.value=v;});}"
    "type.addEventListener('change',function(){apply();remember();});"
    "entity.addEventListener('input',function(){apply();remember();});"
    "window.addEventListener('hashchange',function(){fromAddress();apply();});"
    "fromAddress();apply();"
    "})();";

int dp_html_escape(dp_strbuf *b, const char *s)
{
    int fail = 0;
    for (; s && *s && !fail; s++) {
        switch (*s) {
        case '&': fail = dp_strbuf_puts(b, "&amp;"); break;
        case '<': fail = dp_strbuf_puts(b, "&lt;"); break;
        case '>': fail = dp_strbuf_puts(b, "&gt;"); break;
        case '"': fail = dp_strbuf_puts(b, "&quot;"); break;
        case '\'': fail = dp_strbuf_puts(b, "&#39;"); break;
        default: fail = dp_strbuf_putc(b, *s);
        }
    }
    return fail;
}

int dp_html_link(dp_strbuf *b, const char *url, const char *label)
{
    int web = url && (!strncmp(url, "http://", 7) || !strncmp(url, "https://", 8));
    int fail = 0;
    if (web) {
        fail |= dp_strbuf_puts(b, "<a href=\"");
        fail |= dp_html_escape(b, url);
        fail |= dp_strbuf_puts(b, "\" rel=\"noreferrer\">");
    }
    fail |= dp_html_escape(b, label ? label : url);
    if (web)
        fail |= dp_strbuf_puts(b, "</a>");
    return fail;
}

static const char *str(json_t *obj, const char *key)
{
    return json_string_value(json_object_get(obj, key));
}

/* The sentence with its trigger marked. */
static int put_sentence(dp_strbuf *b, const char *sentence, const char *trigger)
{
    const char *at = sentence && trigger && *trigger ? strstr(sentence, trigger) : NULL;
    if (!at)
        return dp_html_escape(b, sentence);
    char *before = dp_strndup(sentence, (size_t)(at - sentence));
    if (!before)
        return -1;
    int fail = dp_html_escape(b, before);
    free(before);
    fail |= dp_strbuf_puts(b, "<mark>");
    fail |= dp_html_escape(b, trigger);
    fail |= dp_strbuf_puts(b, "</mark>");
    return fail | dp_html_escape(b, at + strlen(trigger));
}

static int put_entry(dp_strbuf *b, json_t *e, const char *names)
{
    const char *id = str(e, "id");
    int fail = dp_strbuf_printf(b, "<li class=\"entry\" id=\"%s\" data-type=\"", id);
    fail |= dp_html_escape(b, str(e, "type"));
    fail |= dp_strbuf_puts(b, "\" data-names=\"");
    fail |= dp_html_escape(b, names);
    fail |= dp_strbuf_puts(b, "\">");
    const char *when = str(e, "sort_date");
    if (when) {
        fail |= dp_strbuf_printf(b, "<time datetime=\"%s\"%s>%s</time>", when,
                                 strcmp(str(e, "dated_by"), "event") ? " class=\"undated\" title=\"publication date\"" : "",
                                 when);
    } else {
        fail |= dp_strbuf_puts(b, "<time class=\"undated\">undated</time>");
    }
    fail |= dp_strbuf_puts(b, "<span class=\"type\">");
    fail |= dp_html_escape(b, str(e, "type"));
    fail |= dp_strbuf_printf(b, "</span><a class=\"summary\" href=\"#%s-s1\">", id);
    fail |= dp_html_escape(b, str(e, "summary") ? str(e, "summary") : str(e, "type"));
    fail |= dp_strbuf_puts(b, "</a>");
    if (strcmp(str(e, "modality"), "asserted")) {
        fail |= dp_strbuf_puts(b, "<span class=\"modality\">");
        fail |= dp_html_escape(b, str(e, "modality"));
        fail |= dp_strbuf_puts(b, "</span>");
    }
    fail |= dp_strbuf_puts(b, "<ol class=\"sources\">");
    size_t k;
    json_t *s;
    json_array_foreach(json_object_get(e, "sources"), k, s) {
        fail |= dp_strbuf_printf(b, "<li id=\"%s-s%zu\"><blockquote>", id, k + 1);
        fail |= put_sentence(b, str(s, "sentence"), str(s, "trigger"));
        fail |= dp_strbuf_puts(b, "</blockquote><p>");
        const char *title = str(s, "title");
        fail |= dp_html_link(b, str(s, "source"), title ? title : str(s, "article"));
        if (str(s, "published")) {
            fail |= dp_strbuf_puts(b, " \xC2\xB7 ");
            fail |= dp_html_escape(b, str(s, "published"));
        }
        const char *article = str(s, "article"), *source = str(s, "source");
        if (article && (title || (source && strcmp(source, article)))) {
            fail |= dp_strbuf_puts(b, " \xC2\xB7 ");
            fail |= dp_html_escape(b, str(s, "article"));
        }
        fail |= dp_strbuf_puts(b, "</p></li>");
    }
    return fail | dp_strbuf_puts(b, "</ol></li>\n");
}

static int by_key(const void *a, const void *b)
{
    return strcmp(*(const char *const *)a, *(const char *const *)b);
}

/* The keys of a JSON object, sorted (static strings owned by the object). */
static const char **sorted_keys(json_t *obj)
{
    const char **keys = dp_malloc((json_object_size(obj) + 1) * sizeof *keys);
    size_t n = 0;
    const char *key;
    json_t *v;
    if (!keys)
        return NULL;
    json_object_foreach(obj, key, v)
        keys[n++] = key;
    qsort(keys, n, sizeof *keys, by_key);
    keys[n] = NULL;
    return keys;
}

/* Counts types, and gathers every argument name for the entity list. */
static int gather(json_t *entries, json_t *types, json_t *names)
{
    size_t i;
    json_t *e;
    json_array_foreach(entries, i, e) {
        const char *type = str(e, "type");
        json_int_t seen = json_integer_value(json_object_get(types, type));
        if (json_object_set_new(types, type, json_integer(seen + 1)))
            return -1;
        const char *role;
        json_t *v;
        json_object_foreach(json_object_get(e, "arguments"), role, v) {
            if (!strcmp(role, "role") || !strcmp(role, "amount") || !strcmp(role, "count"))
                continue;
            size_t n = json_is_array(v) ? json_array_size(v) : 1;
            for (size_t k = 0; k < n; k++) {
                const char *name = str(json_is_array(v) ? json_array_get(v, k) : v, "name");
                if (name && json_object_set_new(names, name, json_true()))
                    return -1;
            }
        }
    }
    return 0;
}

char *dp_html_timeline_page(json_t *entries, const char *const *names, size_t articles,
                            size_t events, size_t errors)
{
    dp_strbuf b = {0};
    json_t *types = json_object(), *all_names = json_object();
    const char **type_keys = NULL, **name_keys = NULL;
    int fail = !types || !all_names || gather(entries, types, all_names);
    if (!fail) {
        type_keys = sorted_keys(types);
        name_keys = sorted_keys(all_names);
        fail = !type_keys || !name_keys;
    }
    size_t n = json_array_size(entries);
    fail |= dp_strbuf_printf(&b,
                             "<!DOCTYPE html>\n<html lang=\"fr\">\n<head>\n<meta charset=\"utf-8\">\n"
                             "<meta name=\"viewport\" content=\"width=device-width,initial-scale=1\">\n"
                             "<meta name=\"generator\" content=\"depeche %s\">\n"
                             "<title>Corporate events: %zu entries</title>\n<style>%s</style>\n</head>\n"
                             "<body>\n<header>\n<h1>Corporate events</h1>\n"
                             "<p id=\"counts\">%zu entries from %zu articles (%zu events, %zu articles "
                             "with errors)</p>\n<form id=\"filters\" role=\"search\">\n"
                             "<label>Type <select id=\"type-filter\"><option value=\"\">all types</option>",
                             depeche_version(), n, page_style, n, articles, events, errors);
    for (size_t i = 0; !fail && type_keys[i]; i++) {
        fail |= dp_strbuf_puts(&b, "<option value=\"");
        fail |= dp_html_escape(&b, type_keys[i]);
        fail |= dp_strbuf_puts(&b, "\">");
        fail |= dp_html_escape(&b, type_keys[i]);
        fail |= dp_strbuf_printf(&b, " (%lld)</option>",
                                 (long long)json_integer_value(json_object_get(types, type_keys[i])));
    }
    fail |= dp_strbuf_printf(&b, "%s",
                             "</select></label>\n<label>Entity <input id=\"entity-filter\" "
                             "type=\"search\" list=\"entity-names\" placeholder=\"a name\" "
                             "autocomplete=\"off\"></label>\n<datalist id=\"entity-names\">");
    for (size_t i = 0; !fail && name_keys[i]; i++) {
        fail |= dp_strbuf_puts(&b, "<option value=\"");
        fail |= dp_html_escape(&b, name_keys[i]);
        fail |= dp_strbuf_puts(&b, "\">");
    }
    fail |= dp_strbuf_printf(&b, "</datalist>\n<output id=\"shown\">%zu of %zu entries shown</output>\n"
                                 "</form>\n</header>\n<main>\n<ol id=\"timeline\">\n",
                             n, n);
    for (size_t i = 0; i < n && !fail; i++)
        fail |= put_entry(&b, json_array_get(entries, i), names[i]);
    fail |= dp_strbuf_printf(&b, "</ol>\n</main>\n<script>%s</script>\n</body>\n</html>\n",
                             page_script);
    free(type_keys);
    free(name_keys);
    json_decref(types);
    json_decref(all_names);
    if (fail) {
        dp_strbuf_release(&b);
        return NULL;
    }
    return dp_strbuf_take(&b);
}
