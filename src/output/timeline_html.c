/* The timeline page. Entries are written into the page itself, so it shows without script;
 * the script only filters, as `depeche timeline` does (by type, entity, modality and
 * confidence, also from the address: #type=...&entity=...&modality=a,b&confidence=0.7). */
#include <stdlib.h>
#include <string.h>

#include "timeline_html.h"

/* UTF-8 literals: the words are read more often than compiled. */
static const dp_timeline_words words[DP_LANGS] = {
    [DP_LANG_EN] = {
        .code = "en",
        .title = "Corporate events",
        .counts = "%zu entries from %zu articles (%zu events, %zu articles with errors)",
        .slides = "%zu events from %zu articles, extracted by depeche.",
        .type = "Type", .all_types = "all types", .entity = "Entity", .a_name = "a name",
        .confidence = "Confidence ≥", .modality = "Modality",
        .shown = "{n} of {total} entries shown",
        .undated = "undated",
        .publication_date = "the article's publication date: the text does not date the event",
        .legend = "Dates in grey are the article's publication date, where the text does not "
                  "date the event; the event may be older.",
        .modalities = {"asserted", "hypothetical", "negated"},
        .types = {"appointment", "dismissal", "resignation", "join", "acquisition", "merger",
                  "partnership", "funding", "lawsuit", "layoffs", "product launch", "bankruptcy",
                  "fine"},
    },
    [DP_LANG_FR] = {
        .code = "fr",
        .title = "Événements d'entreprises",
        .counts = "%zu entrées tirées de %zu articles (%zu événements, "
                  "%zu articles en erreur)",
        .slides = "%zu événements tirés de %zu articles, extraits par depeche.",
        .type = "Type", .all_types = "tous les types", .entity = "Entité", .a_name = "un nom",
        .confidence = "Confiance ≥", .modality = "Modalité",
        .shown = "{n} entrées affichées sur {total}",
        .undated = "non daté",
        .publication_date = "date de publication de l'article : le texte ne date pas l'événement",
        .legend = "Les dates en gris sont celles de la publication de l'article, quand le texte "
                  "ne date pas l'événement ; il peut être plus ancien.",
        .modalities = {"affirmé", "hypothétique", "nié"},
        .types = {"nomination", "limogeage", "démission", "arrivée", "rachat", "fusion",
                  "partenariat", "levée de fonds", "action en justice",
                  "suppressions d'emplois", "lancement", "procédure collective", "amende"},
    },
};

const dp_timeline_words *dp_timeline_words_in(enum dp_lang lang)
{
    return &words[(unsigned)lang < DP_LANGS ? lang : DP_LANG_EN];
}

static const char *modality_label(const dp_timeline_words *w, const char *modality)
{
    int m = dp_modality_from(modality);
    return m < 0 ? modality : w->modalities[m];
}

static const char *type_label(const dp_timeline_words *w, const char *type)
{
    int t = type ? dp_event_type_from(type, strlen(type)) : -1;
    return t < 0 ? type : w->types[t];
}

static const char page_style[] =
    "body{font:16px/1.45 system-ui,sans-serif;margin:0;color:#1d1d1f;background:#fafafa}"
    "header{position:sticky;top:0;background:#fff;border-bottom:1px solid #ddd;padding:.8em 1.5em}"
    "h1{font-size:1.3em;margin:0 0 .3em}"
    "form{display:flex;flex-wrap:wrap;gap:.6em 1.2em;align-items:center}"
    "fieldset{border:0;margin:0;padding:0;display:flex;gap:.7em;align-items:center}"
    "legend{float:left;margin-right:.3em;padding:0}"
    "#confidence-filter{width:4.5em}"
    "#legend{margin:.5em 0 0;font-size:.85em;color:#666}"
    "main{max-width:60em;margin:0 auto;padding:1em 1.5em}"
    "#timeline{list-style:none;padding:0;border-left:3px solid #c8d3e0;margin-left:.5em}"
    ".entry{position:relative;margin:0 0 1.2em;padding:.2em 0 .2em 1.2em}"
    ".entry::before{content:'';position:absolute;left:-.5em;top:.65em;width:.7em;height:.7em;"
    "border-radius:50%;background:#3a6ea5}"
    ".entry time{font-weight:600;font-variant-numeric:tabular-nums;margin-right:.6em}"
    ".type{font-size:.8em;background:#e6edf5;border-radius:.3em;padding:.1em .4em;margin-right:.6em}"
    ".modality{font-size:.8em;color:#9a4a00;margin-left:.5em}"
    ".undated{color:#777}"
    "#legend .undated{font-weight:600}"
    ".summary{font-weight:600;color:inherit}"
    ".sources{margin:.4em 0 0;padding-left:1.2em;font-size:.92em}"
    ".sources blockquote{margin:.2em 0;color:#333}"
    ".sources p{margin:0 0 .5em;color:#666;font-size:.9em}"
    "mark{background:#fff1a8}"
    ":target{outline:2px solid #3a6ea5;outline-offset:2px}";

/* The entity filter finds whole words of the folded names, as the library's filter does
 * (timeline.c, names_hold): keep the two alike. */
static const char page_script[] =
    "(function(){"
    "function $(id){return document.getElementById(id);}"
    "var type=$('type-filter'),entity=$('entity-filter'),conf=$('confidence-filter'),shown=$('shown'),"
    "mods=[].slice.call(document.querySelectorAll('#modality-filter input')),"
    "entries=[].slice.call(document.querySelectorAll('#timeline>li.entry'));"
    "function fold(s){return s.normalize('NFD').replace(/[\\u0300-\\u036f]/g,'').toLowerCase()"
    ".replace(/\\u0153/g,'oe').replace(/\\u00e6/g,'ae').replace(/\\u00df/g,'ss').trim();}"
    "function inWord(c){return c!==undefined&&/[a-z0-9]|[^\\x00-\\x7f]/.test(c);}"
    "function holds(names,w){for(var i=names.indexOf(w);i>=0;i=names.indexOf(w,i+1))"
    "if(!inWord(names[i-1])&&!inWord(names[i+w.length]))return true;return false;}"
    "function minimum(){var m=parseFloat(conf.value);return m>0?m:0;}"
    "function kept(){return mods.filter(function(c){return c.checked;}).map(function(c){return c.value;});}"
    "function apply(){var t=type.value,e=fold(entity.value),m=minimum(),k=kept(),n=0;"
    "entries.forEach(function(li){var ok=(!t||li.dataset.type===t)&&(!e||holds(li.dataset.names,e))&&"
    "k.indexOf(li.dataset.modality)>=0&&parseFloat(li.dataset.confidence)+1e-9>=m;"
    "li.hidden=!ok;if(ok)n++;});"
    "shown.textContent=shown.dataset.template.replace('{n}',n).replace('{total}',entries.length);}"
    "function remember(){var h=[],k=kept();"
    "if(type.value)h.push('type='+encodeURIComponent(type.value));"
    "if(entity.value.trim())h.push('entity='+encodeURIComponent(entity.value.trim()));"
    "if(minimum()>0)h.push('confidence='+minimum());"
    "if(k.length<mods.length)h.push('modality='+k.join(','));"
    "history.replaceState(null,'',h.length?'#'+h.join('&'):location.pathname+location.search);}"
    "function fromAddress(){type.value='';entity.value='';conf.value='0';"
    "mods.forEach(function(c){c.checked=true;});"
    "location.hash.slice(1).split('&').forEach(function(kv){"
    "var p=kv.split('='),v=decodeURIComponent(p[1]||'');"
    "if(p[0]==='type')type.value=v;if(p[0]==='entity')entity.value=v;"
    "if(p[0]==='confidence')conf.value=v;"
    "if(p[0]==='modality')mods.forEach(function(c){c.checked=v.split(',').indexOf(c.value)>=0;});});}"
    "[type].concat(mods).forEach(function(c){c.addEventListener('change',function(){apply();remember();});});"
    "[entity,conf].forEach(function(c){c.addEventListener('input',function(){apply();remember();});});"
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

static int put_entry(dp_strbuf *b, json_t *e, const char *names, const dp_timeline_words *w)
{
    const char *id = str(e, "id"), *type = str(e, "type"), *modality = str(e, "modality");
    int fail = dp_strbuf_printf(b, "<li class=\"entry\" id=\"%s\" data-type=\"", id);
    fail |= dp_html_escape(b, type);
    fail |= dp_strbuf_puts(b, "\" data-modality=\"");
    fail |= dp_html_escape(b, modality);
    /* every digit, so that the page keeps exactly the entries the command line keeps */
    fail |= dp_strbuf_printf(b, "\" data-confidence=\"%.17g\" data-names=\"",
                             json_real_value(json_object_get(e, "confidence")));
    fail |= dp_html_escape(b, names);
    fail |= dp_strbuf_puts(b, "\">");
    const char *when = str(e, "sort_date");
    if (when && !strcmp(str(e, "dated_by"), "event")) {
        fail |= dp_strbuf_printf(b, "<time datetime=\"%s\">%s</time>", when, when);
    } else if (when) {
        fail |= dp_strbuf_printf(b, "<time datetime=\"%s\" class=\"undated\" title=\"", when);
        fail |= dp_html_escape(b, w->publication_date);
        fail |= dp_strbuf_printf(b, "\">%s</time>", when);
    } else {
        fail |= dp_strbuf_puts(b, "<time class=\"undated\">");
        fail |= dp_html_escape(b, w->undated);
        fail |= dp_strbuf_puts(b, "</time>");
    }
    fail |= dp_strbuf_puts(b, "<span class=\"type\">");
    fail |= dp_html_escape(b, type_label(w, type));
    fail |= dp_strbuf_printf(b, "</span><a class=\"summary\" href=\"#%s-s1\">", id);
    fail |= dp_html_escape(b, str(e, "summary") ? str(e, "summary") : type_label(w, type));
    fail |= dp_strbuf_puts(b, "</a>");
    if (strcmp(modality, "asserted")) {
        fail |= dp_strbuf_puts(b, "<span class=\"modality\">");
        fail |= dp_html_escape(b, modality_label(w, modality));
        fail |= dp_strbuf_puts(b, "</span>");
    }
    fail |= dp_strbuf_puts(b, "<ol class=\"sources\">");
    size_t k;
    json_t *s;
    json_array_foreach(json_object_get(e, "sources"), k, s) {
        /* the sentences are the articles' own: French, whatever language the page speaks */
        fail |= dp_strbuf_printf(b, "<li id=\"%s-s%zu\"><blockquote lang=\"fr\">", id, k + 1);
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

/* "{n} of {total} entries shown" with every entry shown. */
static int put_count(dp_strbuf *b, const char *template, size_t n)
{
    int fail = 0;
    for (const char *p = template; *p && !fail;) {
        size_t hole = !strncmp(p, "{n}", 3) ? 3 : !strncmp(p, "{total}", 7) ? 7 : 0;
        fail = hole ? dp_strbuf_printf(b, "%zu", n) : dp_strbuf_putc(b, *p);
        p += hole ? hole : 1;
    }
    return fail;
}

/* An HTML element's text: the words escaped. */
static int put_text(dp_strbuf *b, const char *open, const char *text, const char *close)
{
    return dp_strbuf_puts(b, open) | dp_html_escape(b, text) | dp_strbuf_puts(b, close);
}

char *dp_html_timeline_page(json_t *entries, const char *const *names, enum dp_lang lang,
                            size_t articles, size_t events, size_t errors)
{
    const dp_timeline_words *w = dp_timeline_words_in(lang);
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
    char counts[256];
    snprintf(counts, sizeof counts, w->counts, n, articles, events, errors);
    fail |= dp_strbuf_printf(&b,
                             "<!DOCTYPE html>\n<html lang=\"%s\">\n<head>\n<meta charset=\"utf-8\">\n"
                             "<meta name=\"viewport\" content=\"width=device-width,initial-scale=1\">\n"
                             "<meta name=\"generator\" content=\"depeche %s\">\n",
                             w->code, depeche_version());
    fail |= put_text(&b, "<title>", w->title, "");
    fail |= dp_strbuf_printf(&b, ": %zu</title>\n<style>%s</style>\n</head>\n<body>\n<header>\n", n,
                             page_style);
    fail |= put_text(&b, "<h1>", w->title, "</h1>\n");
    fail |= put_text(&b, "<p id=\"counts\">", counts, "</p>\n<form id=\"filters\" role=\"search\">\n");
    fail |= put_text(&b, "<label>", w->type, " <select id=\"type-filter\">");
    fail |= put_text(&b, "<option value=\"\">", w->all_types, "</option>");
    for (size_t i = 0; !fail && type_keys[i]; i++) {
        fail |= put_text(&b, "<option value=\"", type_keys[i], "\">");
        fail |= dp_html_escape(&b, type_label(w, type_keys[i]));
        fail |= dp_strbuf_printf(&b, " (%lld)</option>",
                                 (long long)json_integer_value(json_object_get(types, type_keys[i])));
    }
    fail |= put_text(&b, "</select></label>\n<label>", w->entity,
                     " <input id=\"entity-filter\" type=\"search\" list=\"entity-names\" ");
    fail |= put_text(&b, "placeholder=\"", w->a_name,
                     "\" autocomplete=\"off\"></label>\n<datalist id=\"entity-names\">");
    for (size_t i = 0; !fail && name_keys[i]; i++)
        fail |= put_text(&b, "<option value=\"", name_keys[i], "\">");
    fail |= put_text(&b, "</datalist>\n<label>", w->confidence,
                     " <input id=\"confidence-filter\" type=\"number\" min=\"0\" max=\"1\" "
                     "step=\"0.05\" value=\"0\"></label>\n");
    fail |= put_text(&b, "<fieldset id=\"modality-filter\"><legend>", w->modality, "</legend>");
    for (int m = 0; m < DP_MODALITIES; m++) {
        fail |= dp_strbuf_printf(&b, "<label><input type=\"checkbox\" value=\"%s\" checked> ",
                                 dp_modality_name((enum dp_modality)m));
        fail |= put_text(&b, "", w->modalities[m], "</label>");
    }
    /* the count the script writes, written here too for a page read without script */
    dp_strbuf text = {0};
    fail |= put_count(&text, w->shown, n);
    fail |= put_text(&b, "</fieldset>\n<output id=\"shown\" data-template=\"", w->shown, "\">");
    fail |= put_text(&b, "", text.data, "</output>\n</form>\n");
    dp_strbuf_release(&text);
    fail |= put_text(&b, "<p id=\"legend\"><span class=\"undated\">\xE2\x96\xA0</span> ", w->legend,
                     "</p>\n</header>\n<main>\n<ol id=\"timeline\">\n");
    for (size_t i = 0; i < n && !fail; i++)
        fail |= put_entry(&b, json_array_get(entries, i), names[i], w);
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
