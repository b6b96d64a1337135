/* Entities from mentions, with keys in a lexicon: no pairwise comparison of mentions. */
#include <stdio.h>
#include <stdlib.h>
#include <ctype.h>
#include <string.h>

#include "engine.h"
#include "normalize.h"
#include "resolve.h"

/* Words that do not tell names apart: function words, particles and legal forms, as the
 * entity classes file lists them (classes f, b, c, p, F). */
static int ignorable(const dp_match_rules *r, const char *w, size_t n)
{
    uint32_t v;
    if (!dp_lexicon_get(&r->classes, w, n, &v))
        return 0;
    for (int slot = 0; slot < 3; slot++) {
        char c = (char)(v >> (8 * slot) & 0xFF);
        if (c == 'f' || c == 'b' || c == 'c' || c == 'p' || c == 'F')
            return 1;
    }
    return 0;
}

static int is_key_char(unsigned char c)
{
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c >= 0x80;
}

/* The key of a name: its type letter, then its significant folded words. Also returns its
 * number of words and where its last word starts. */
static size_t name_key(const dp_match_rules *r, char type, const char *s, size_t n, char *out,
                       size_t cap, int *words, size_t *last)
{
    char folded[512];
    size_t k = dp_fold_key(s, n, folded, sizeof folded);
    if (k == (size_t)-1)
        k = 0;
    size_t len = 0;
    out[len++] = type;
    out[len++] = ':';
    *words = 0;
    *last = len;
    for (size_t i = 0; i < k;) {
        while (i < k && !is_key_char((unsigned char)folded[i]))
            i++;
        size_t j = i;
        while (j < k && is_key_char((unsigned char)folded[j]))
            j++;
        if (j > i && !ignorable(r, folded + i, j - i) && len + (j - i) + 1 < cap) {
            if (*words)
                out[len++] = ' ';
            *last = len;
            memcpy(out + len, folded + i, j - i);
            len += j - i;
            (*words)++;
        }
        i = j;
    }
    if (!*words) /* only little words: keep them all */
        for (size_t i = 0; i < k && len < cap; i++)
            out[len++] = is_key_char((unsigned char)folded[i]) ? folded[i] : ' ';
    return len;
}

static char type_letter(uint8_t type)
{
    return "POR LDM"[type < 7 ? type : 0]; /* PERSON ORG ROLE PLACE DATE MONEY */
}

static size_t mention_key(const depeche_engine *e, const char *text, const dp_mention *m, char *out,
                          size_t cap, int *words, size_t *last)
{
    *words = 1;
    *last = 2;
    if (m->type == DP_DATE)
        return (size_t)snprintf(out, cap, "D:%s", m->date);
    if (m->entry >= 0) {
        dp_gaz_entry g = dp_gazetteer_entry(&e->gazetteer, (size_t)m->entry);
        if (m->type == DP_ROLE)
            return (size_t)snprintf(out, cap, "R:%s", g.title ? g.title : g.name);
        return (size_t)snprintf(out, cap, "%c#%d", type_letter(m->type), m->entry);
    }
    return name_key(&e->matcher, type_letter(m->type), text + m->start, m->end - m->start, out, cap,
                    words, last);
}

static int by_start(const void *pa, const void *pb)
{
    const dp_mention *a = pa, *b = pb;
    return a->start < b->start ? -1 : a->start > b->start;
}

static int new_entity(dp_entities *out, const dp_mention *m, uint32_t index, uint32_t *id)
{
    dp_entity ent = {m->type, m->entry, index, index};
    *id = (uint32_t)out->n;
    return DP_PUSH(out->items, out->n, out->cap, ent);
}

/* The surname key of a person mention with two words or more (known people included: the
 * words of the mention itself), or 0. */
static size_t surname_of(const depeche_engine *e, const char *text, const dp_mention *x, char *key,
                         size_t cap, size_t *last)
{
    int words;
    if (x->type != DP_PERSON)
        return 0;
    size_t k = name_key(&e->matcher, 'P', text + x->start, x->end - x->start, key, cap, &words, last);
    return words >= 2 ? k : 0;
}

/* 'm' or 'f' for a name right after a civility that tells it ("M. Le Pen", "Mme Le Pen"),
 * else 0. */
static char civility_gender(const depeche_engine *e, const char *text, const dp_mention *x)
{
    uint32_t len, start = dp_word_before(text, x->start, &len);
    char folded[DP_KEY_MAX];
    size_t k = dp_fold_key(text + start, len, folded, sizeof folded);
    if (!len || k == (size_t)-1 || dp_word_class(&e->matcher.classes, folded, k, DP_TF_CAPITALIZED) != 'T')
        return 0;
    return dp_evidence_gender(&e->syntax.morpho, text + start, len, DP_NOUN);
}

/* The type the article's evidence gives each unknown name (-1: none), adding up the evidence
 * for each name wherever it stands, then letting a list take the type its names were given
 * ("Syntony, Carlili et Padam"). */
static int type_unknown_names(const depeche_engine *e, const char *text, const dp_mentions *m,
                              int *type)
{
    const dp_evidence_rules *r = &e->matcher.evidence;
    dp_lexicon names = {0};
    dp_evidence *sums = dp_calloc(m->n_unknown ? m->n_unknown : 1, sizeof *sums);
    uint32_t *same = dp_malloc((m->n_unknown ? m->n_unknown : 1) * sizeof *same);
    uint8_t *list_types = dp_calloc(m->n_lists + 1, 1);
    int rc = DEPECHE_ERR_NOMEM;
    if (!sums || !same || !list_types)
        goto out;
    for (size_t i = 0; i < m->n_unknown; i++) {
        const dp_unknown_name *u = &m->unknown[i];
        char key[512];
        size_t k = dp_fold_key(text + u->start, u->end - u->start, key, sizeof key);
        uint32_t first = (uint32_t)i;
        if (k != (size_t)-1 && k && !dp_lexicon_get(&names, key, k, &first) &&
            dp_lexicon_put(&names, key, k, first))
            goto out;
        same[i] = first;
        for (int t = 0; t < DP_EVIDENCE_TYPES; t++)
            sums[first].weight[t] = (int16_t)(sums[first].weight[t] + u->evidence.weight[t]);
    }
    for (size_t i = 0; i < m->n_unknown; i++) {
        type[i] = dp_evidence_decide(r, &sums[same[i]]);
        if (type[i] >= 0 && m->unknown[i].list)
            list_types[m->unknown[i].list] |= (uint8_t)(1 << type[i]);
    }
    for (size_t i = 0; i < m->n_unknown; i++) {
        uint8_t t = list_types[m->unknown[i].list];
        if (type[i] >= 0 || !m->unknown[i].list || !t || (t & (t - 1)))
            continue;
        dp_evidence ev = sums[same[i]];
        for (int k = 0; k < DP_ENTITY_TYPES; k++)
            if (t == 1 << k)
                dp_evidence_add_listed(r, &ev, k);
        type[i] = dp_evidence_decide(r, &ev);
    }
    rc = 0;
out:
    dp_lexicon_release(&names);
    free(sums);
    free(same);
    free(list_types);
    return rc;
}

/* Adds the capitalised words that repeat a surname or a name already mentioned, and the
 * unknown names that repeat one or that the evidence types. */
static int add_loose_mentions(const depeche_engine *e, const char *text, dp_mentions *m)
{
    dp_lexicon surnames = {0}, names = {0};
    char key[600], folded[DP_KEY_MAX];
    size_t last;
    int *unknown_type = dp_malloc((m->n_unknown ? m->n_unknown : 1) * sizeof *unknown_type);
    uint8_t *loose_used = dp_calloc(m->n_loose ? m->n_loose : 1, 1);
    int rc = DEPECHE_ERR_NOMEM;
    if (!unknown_type || !loose_used || type_unknown_names(e, text, m, unknown_type))
        goto out;
    for (size_t i = 0; i < m->n; i++) {
        const dp_mention *x = &m->items[i];
        size_t k = surname_of(e, text, x, key, sizeof key, &last);
        uint32_t v;
        if (k && !dp_lexicon_get(&surnames, key + last, k - last, &v) &&
            dp_lexicon_put(&surnames, key + last, k - last, (uint32_t)i))
            goto out;
        if ((x->type == DP_ORG || x->type == DP_PERSON) &&
            dp_lexicon_put(&names, text + x->start, x->end - x->start, (uint32_t)i))
            goto out;
    }
    for (size_t i = 0; i < m->n_unknown; i++) {
        const dp_unknown_name *u = &m->unknown[i];
        uint32_t like = 0;
        int repeats = u->loose_last - u->loose_first > 1 &&
                      dp_lexicon_get(&names, text + u->start, u->end - u->start, &like);
        if (!repeats && unknown_type[i] < 0)
            continue;
        /* one word that repeats a name or a surname: the loose words below take it */
        size_t k = dp_fold_key(text + u->start, u->end - u->start, folded, sizeof folded);
        if (u->loose_last - u->loose_first == 1 && k != (size_t)-1 &&
            (dp_lexicon_get(&surnames, folded, k, &like) ||
             dp_lexicon_get(&names, text + u->start, u->end - u->start, &like)))
            continue;
        dp_mention add = {.start = u->start, .end = u->end, .cp_start = u->cp_start,
                          .cp_end = u->cp_end, .type = (uint8_t)unknown_type[i],
                          .source = DP_FROM_CONTEXT, .entry = -1, .rule = -1, .alias_of = -1,
                          .entity = -1, .line = u->line, .sentence = u->sentence};
        if (repeats) {
            add.type = m->items[like].type;
            add.source = DP_FROM_SURNAME;
            add.alias_of = (int32_t)like;
        }
        if (DP_PUSH(m->items, m->n, m->cap, add))
            goto out;
        memset(loose_used + u->loose_first, 1, u->loose_last - u->loose_first);
    }
    for (size_t i = 0; i < m->n_loose; i++) {
        const dp_loose_word *w = &m->loose[i];
        size_t k = dp_fold_key(text + w->start, w->end - w->start, folded, sizeof folded);
        uint32_t like;
        if (loose_used[i] || k == (size_t)-1 || k < 2)
            continue;
        if (!dp_lexicon_get(&surnames, folded, k, &like) &&
            !dp_lexicon_get(&names, text + w->start, w->end - w->start, &like))
            continue;
        const dp_mention *model = &m->items[like];
        dp_mention add = {.start = w->start, .end = w->end, .cp_start = w->cp_start,
                          .cp_end = w->cp_end, .type = model->type, .source = DP_FROM_SURNAME,
                          .entry = -1, .rule = -1, .alias_of = (int32_t)like, .entity = -1,
                          .line = w->line, .sentence = w->sentence};
        if (DP_PUSH(m->items, m->n, m->cap, add))
            goto out;
    }
    rc = 0;
out:
    free(unknown_type);
    free(loose_used);
    dp_lexicon_release(&surnames);
    dp_lexicon_release(&names);
    return rc;
}

/* Sorts the mentions by position, keeping alias links pointing at the same mentions. */
static int sort_mentions(dp_mentions *m)
{
    size_t *rank = dp_malloc((m->n ? m->n : 1) * sizeof *rank);
    if (!rank)
        return DEPECHE_ERR_NOMEM;
    for (size_t i = 0; i < m->n; i++)
        m->items[i].entity = (int32_t)i; /* the old index rides through the sort */
    if (m->n > 1)
        qsort(m->items, m->n, sizeof *m->items, by_start);
    for (size_t i = 0; i < m->n; i++)
        rank[m->items[i].entity] = i;
    for (size_t i = 0; i < m->n; i++) {
        if (m->items[i].alias_of >= 0)
            m->items[i].alias_of = (int32_t)rank[m->items[i].alias_of];
        m->items[i].entity = -1;
    }
    free(rank);
    return 0;
}

/* Gives mention i the entity of its key, creating it. */
static int assign_by_key(const depeche_engine *e, const char *text, dp_mentions *m, size_t i,
                         dp_lexicon *keys, dp_entities *out)
{
    char key[600];
    int words;
    size_t last;
    const dp_mention *x = &m->items[i];
    size_t k = mention_key(e, text, x, key, sizeof key, &words, &last);
    uint32_t id;
    if (dp_lexicon_get(keys, key, k, &id)) {
        m->items[i].entity = (int32_t)id;
        return 0;
    }
    /* a listed name and the same words no list gave are one ("Wallerand de Saint-Just" and,
     * in another sentence, "Wallerand de Saint Just"), whichever comes first: a listed
     * mention is also filed under its words */
    char words_key[600];
    size_t wk = 0;
    if (x->entry >= 0 && (x->type == DP_PERSON || x->type == DP_ORG))
        wk = name_key(&e->matcher, type_letter(x->type), text + x->start, x->end - x->start,
                      words_key, sizeof words_key, &words, &last);
    int joined = wk && dp_lexicon_get(keys, words_key, wk, &id) &&
                 (out->items[id].entry < 0 || out->items[id].entry == x->entry);
    if (joined) {
        out->items[id].entry = x->entry;
        out->items[id].best = (uint32_t)i; /* the list's spelling names it */
        if (dp_lexicon_put(keys, key, k, id))
            return DEPECHE_ERR_NOMEM;
    } else if (new_entity(out, x, (uint32_t)i, &id) || dp_lexicon_put(keys, key, k, id) ||
               (wk && !dp_lexicon_get(keys, words_key, wk, &(uint32_t){0}) &&
                dp_lexicon_put(keys, words_key, wk, id))) {
        return DEPECHE_ERR_NOMEM;
    }
    m->items[i].entity = (int32_t)id;
    return 0;
}

static int is_single_word_person(const depeche_engine *e, const char *text, const dp_mention *x)
{
    char key[600];
    int words;
    size_t last;
    if (x->type != DP_PERSON || x->entry >= 0)
        return 0;
    mention_key(e, text, x, key, sizeof key, &words, &last);
    return words == 1;
}

/* The words of a mention: its runs of characters between spaces or hyphens ("Mercedes-Benz"
 * is two). */
static size_t word_count(const char *text, const dp_mention *x)
{
    size_t words = 0;
    for (uint32_t i = x->start; i < x->end; i++)
        words += text[i] != ' ' && text[i] != '-' &&
                 (i == x->start || text[i - 1] == ' ' || text[i - 1] == '-');
    return words;
}

/* Whether mention x has a lowercase letter: "LR" has none, "Républicains" has. */
static int has_lowercase(const char *text, const dp_mention *x)
{
    for (uint32_t i = x->start; i < x->end; i++)
        if (text[i] >= 'a' && text[i] <= 'z')
            return 1;
    return 0;
}

/* One name, one sense in an article: a place a rule guessed from "à" ("Renault cède Dacia à
 * Fictivia") is the organisation or the person the article names so elsewhere ("la société
 * Fictivia"). 0, or DEPECHE_ERR_NOMEM. */
static int retype_guessed_places(const depeche_engine *e, const char *text, dp_mentions *m)
{
    dp_lexicon named = {0};
    char key[600];
    int words, rc = 0;
    size_t last;
    for (size_t i = 0; i < m->n && !rc; i++) {
        const dp_mention *x = &m->items[i];
        if (x->type != DP_ORG && x->type != DP_PERSON)
            continue;
        size_t k = name_key(&e->matcher, '?', text + x->start, x->end - x->start, key, sizeof key,
                            &words, &last);
        if (k > 2 && k < sizeof key && dp_lexicon_put(&named, key, k, (uint32_t)x->type + 1))
            rc = DEPECHE_ERR_NOMEM;
    }
    for (size_t i = 0; i < m->n && !rc && named.count; i++) {
        dp_mention *x = &m->items[i];
        uint32_t v;
        if (x->type != DP_PLACE || x->source != DP_FROM_RULE)
            continue;
        size_t k = name_key(&e->matcher, '?', text + x->start, x->end - x->start, key, sizeof key,
                            &words, &last);
        if (k > 2 && k < sizeof key && dp_lexicon_get(&named, key, k, &v))
            x->type = (uint8_t)(v - 1);
    }
    dp_lexicon_release(&named);
    return rc;
}

/* An acronym the article defines ("les agences régionales de santé (ARS)") names what it
 * defined wherever it comes back, even where a list knows another sense of it. 0, or
 * DEPECHE_ERR_NOMEM. */
static int follow_defined_acronyms(const char *text, dp_mentions *m)
{
    dp_lexicon defined = {0};
    int rc = 0;
    for (size_t i = 0; i < m->n && !rc; i++) {
        dp_mention *x = &m->items[i];
        uint32_t v;
        if (x->type != DP_ORG)
            continue;
        if (x->alias_of >= 0 && m->items[x->alias_of].source == DP_FROM_ACRONYM) {
            if (!dp_lexicon_get(&defined, text + x->start, x->end - x->start, &v) &&
                dp_lexicon_put(&defined, text + x->start, x->end - x->start, (uint32_t)i))
                rc = DEPECHE_ERR_NOMEM;
        } else if (dp_lexicon_get(&defined, text + x->start, x->end - x->start, &v)) {
            x->alias_of = (int32_t)v;
        }
    }
    dp_lexicon_release(&defined);
    return rc;
}

/* One name, one sense in an article: where a rule named an organisation of several words
 * ("la compagnie aérienne Aigle Azur"), a listed name that opens it elsewhere ("Aigle", a
 * brand, in "les passagers d'Aigle Azur") is that organisation's first word, and the mentions
 * its other words held go. */
static int extend_to_named(const char *text, dp_mentions *m)
{
    const uint8_t gone = 0xFF;
    int removed = 0;
    /* the names the rules made, by their first word (the first such name for a word) */
    dp_lexicon by_first = {0};
    for (size_t k = 0; k < m->n; k++) {
        const dp_mention *named = &m->items[k];
        const char *space = named->type == DP_ORG && named->source == DP_FROM_RULE
                                ? memchr(text + named->start, ' ', named->end - named->start)
                                : NULL;
        uint32_t v;
        if (space && !dp_lexicon_get(&by_first, text + named->start, (size_t)(space - text) - named->start, &v) &&
            dp_lexicon_put(&by_first, text + named->start, (size_t)(space - text) - named->start, (uint32_t)k)) {
            dp_lexicon_release(&by_first);
            return DEPECHE_ERR_NOMEM;
        }
    }
    for (size_t i = 0; i < m->n && by_first.count; i++) {
        dp_mention *x = &m->items[i];
        if (x->type != DP_ORG || x->source != DP_FROM_GAZETTEER)
            continue;
        const char *space = memchr(text + x->start, ' ', x->end - x->start);
        size_t first = space ? (size_t)(space - text) - x->start : x->end - x->start;
        uint32_t k;
        if (!dp_lexicon_get(&by_first, text + x->start, first, &k))
            continue;
        const dp_mention *named = &m->items[k];
        uint32_t len = named->end - named->start, stop = x->start + len;
        if (len <= x->end - x->start || memcmp(text + x->start, text + named->start, len) ||
            ((unsigned char)text[stop] & 0x80) || isalnum((unsigned char)text[stop]))
            continue;
        size_t j = i + 1;
        while (j < m->n && m->items[j].start < stop && m->items[j].end <= stop)
            j++;
        if (j < m->n && m->items[j].start < stop)
            continue; /* a mention runs past the name: leave both */
        for (size_t w = i + 1; w < j; w++)
            m->items[w].type = gone, removed = 1;
        for (uint32_t b = x->end; b < stop; b++)
            x->cp_end += ((unsigned char)text[b] & 0xC0) != 0x80;
        x->end = stop;
        x->source = DP_FROM_RULE;
        x->entry = -1;
        x->rule = named->rule;
    }
    dp_lexicon_release(&by_first);
    if (!removed)
        return 0;
    /* close the gaps, pointing acronyms at their mentions' new places */
    int32_t *place = dp_malloc(m->n * sizeof *place);
    if (!place)
        return DEPECHE_ERR_NOMEM;
    size_t kept = 0;
    for (size_t i = 0; i < m->n; i++) {
        place[i] = m->items[i].type == gone ? -1 : (int32_t)kept;
        if (m->items[i].type != gone)
            m->items[kept++] = m->items[i];
    }
    for (size_t i = 0; i < kept; i++)
        if (m->items[i].alias_of >= 0)
            m->items[i].alias_of = place[m->items[i].alias_of];
    m->n = kept;
    free(place);
    return 0;
}

int dp_resolve(const depeche_engine *e, const char *text, dp_mentions *m, dp_entities *out)
{
    dp_lexicon keys = {0}, surnames = {0};
    char key[600];
    size_t last;
    int rc = DEPECHE_ERR_NOMEM;
    if (add_loose_mentions(e, text, m) || sort_mentions(m) || retype_guessed_places(e, text, m) ||
        follow_defined_acronyms(text, m) || extend_to_named(text, m))
        goto out;
    /* full names and everything else first */
    for (size_t i = 0; i < m->n; i++)
        if (m->items[i].alias_of < 0 && !is_single_word_person(e, text, &m->items[i]) &&
            assign_by_key(e, text, m, i, &keys, out))
            goto out;
    /* each surname names the first person who bears it, and the first man and the first
     * woman who do ("le Pen", "le Pen#m", "le Pen#f") */
    for (size_t i = 0; i < m->n; i++) {
        const dp_mention *x = &m->items[i];
        size_t k = x->entity >= 0 ? surname_of(e, text, x, key, sizeof key, &last) : 0;
        if (!k || k + 2 > sizeof key)
            continue;
        uint32_t v;
        if (!dp_lexicon_get(&surnames, key + last, k - last, &v) &&
            dp_lexicon_put(&surnames, key + last, k - last, (uint32_t)x->entity))
            goto out;
        char gender = dp_evidence_name_gender(&e->syntax.morpho, text, x->start, x->end);
        if (gender) {
            key[k] = '#', key[k + 1] = gender;
            if (!dp_lexicon_get(&surnames, key + last, k + 2 - last, &v) &&
                dp_lexicon_put(&surnames, key + last, k + 2 - last, (uint32_t)x->entity))
                goto out;
        }
    }
    /* then a surname alone: "M. Altman" is Sam Altman when the article names him; "Mme Le Pen"
     * is the woman of that name, and no man */
    for (size_t i = 0; i < m->n; i++) {
        dp_mention *x = &m->items[i];
        if (x->alias_of >= 0 || x->entity >= 0)
            continue;
        int words;
        size_t k = mention_key(e, text, x, key, sizeof key, &words, &last);
        uint32_t id, same = 0, other = 0;
        char gender = x->type == DP_PERSON && k + 2 <= sizeof key ? civility_gender(e, text, x) : 0;
        int has_same = 0, has_other = 0;
        if (gender) {
            key[k] = '#', key[k + 1] = gender;
            has_same = dp_lexicon_get(&surnames, key + 2, k, &same);
            key[k + 1] = gender == 'm' ? 'f' : 'm';
            has_other = dp_lexicon_get(&surnames, key + 2, k, &other);
        }
        if (has_same)
            x->entity = (int32_t)same;
        else if (dp_lexicon_get(&surnames, key + 2, k - 2, &id) && !(has_other && other == id))
            x->entity = (int32_t)id;
        else if (assign_by_key(e, text, m, i, &keys, out))
            goto out;
    }
    /* acronyms and repeated words: the entity of the mention they stand for */
    for (size_t i = 0; i < m->n; i++) {
        dp_mention *x = &m->items[i];
        if (x->entity >= 0)
            continue;
        int32_t target = x->alias_of;
        for (int hops = 0; target >= 0 && m->items[target].entity < 0 && hops < 8; hops++)
            target = m->items[target].alias_of;
        if (target >= 0 && m->items[target].entity >= 0)
            x->entity = m->items[target].entity;
        else if (assign_by_key(e, text, m, i, &keys, out))
            goto out;
    }
    /* the name comes from the first of the mentions with the most words that name the entity
     * in full: "Caisse d'épargne" before a later "Caisses d'épargne"; a word before an
     * acronym: "Républicains" before an earlier "LR" */
    for (size_t i = 0; i < m->n; i++) {
        dp_mention *x = &m->items[i];
        dp_entity *ent = &out->items[x->entity];
        const dp_mention *best = &m->items[ent->best];
        size_t words = word_count(text, x), best_words = word_count(text, best);
        if (x->source != DP_FROM_SURNAME && (ent->entry < 0 || x->entry == ent->entry) &&
            (words > best_words || (words == best_words && !has_lowercase(text, best) && has_lowercase(text, x))))
            ent->best = (uint32_t)i;
    }
    /* number entities in order of first mention */
    int32_t *renumber = dp_malloc((out->n ? out->n : 1) * sizeof *renumber);
    dp_entity *sorted = dp_malloc((out->n ? out->n : 1) * sizeof *sorted);
    if (!renumber || !sorted) {
        free(renumber);
        free(sorted);
        goto out;
    }
    for (size_t i = 0; i < out->n; i++)
        renumber[i] = -1;
    size_t next = 0;
    for (size_t i = 0; i < m->n; i++) {
        int32_t id = m->items[i].entity;
        if (renumber[id] < 0) {
            renumber[id] = (int32_t)next;
            sorted[next] = out->items[id];
            sorted[next].first = (uint32_t)i;
            next++;
        }
        m->items[i].entity = renumber[id];
    }
    free(out->items);
    free(renumber);
    out->items = sorted;
    out->n = out->cap = next;
    rc = 0;
out:
    dp_lexicon_release(&keys);
    dp_lexicon_release(&surnames);
    return rc;
}

void dp_entities_release(dp_entities *ents)
{
    free(ents->items);
    memset(ents, 0, sizeof *ents);
}
