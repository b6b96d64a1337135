/* Mentions in a sentence: gazetteer names, then rules over the sentence's token classes. */
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "date.h"
#include "engine.h"
#include "match.h"
#include "normalize.h"
#include "resource.h"

/* ---- Loading ------------------------------------------------------------------------- */


enum { SLOT_LOWER, SLOT_CAPITAL, SLOT_ALLCAPS };

/* Which tokens a listed word applies to, from its own case. */
static int case_slot(const char *w, size_t n)
{
    size_t i = 0;
    int letters = 0, uppers = 0, first_upper = -1;
    while (i < n) {
        enum dp_char_class c = dp_char_class(dp_utf8_next(w, n, &i));
        if (c == DP_CC_UPPER || c == DP_CC_LOWER || c == DP_CC_LETTER) {
            if (first_upper < 0)
                first_upper = c == DP_CC_UPPER;
            letters++;
            uppers += c == DP_CC_UPPER;
        }
    }
    if (letters >= 2 && uppers == letters)
        return SLOT_ALLCAPS;
    return first_upper == 1 ? SLOT_CAPITAL : SLOT_LOWER;
}

int dp_word_classes_load(dp_lexicon *lx, const char *args, size_t len, const char *kind,
                         const char *path, unsigned long line, depeche_error *err)
{
    const char *f;
    size_t fl;
    if (!dp_next_field(&args, &len, &f, &fl) || fl != 1 || (unsigned char)f[0] < 0x21 ||
        (unsigned char)f[0] > 0x7E)
        return dp_fail(err, DEPECHE_ERR_DATA, path, line, 0,
                       "expected '%s C WORDS...' with C one printable ASCII character", kind);
    unsigned char cls = (unsigned char)f[0];
    int any = 0;
    while (dp_next_field(&args, &len, &f, &fl)) {
        char key[DP_KEY_MAX];
        size_t k = dp_fold_key(f, fl, key, sizeof key);
        if (k == (size_t)-1)
            return dp_fail(err, DEPECHE_ERR_DATA, path, line, 0, "word too long");
        uint32_t v = 0;
        dp_lexicon_get(lx, key, k, &v);
        int slot = case_slot(f, fl);
        unsigned had = v >> (8 * slot) & 0xFF;
        if (had && had != cls) /* "débarqué" and "débarque" fold alike: one word, one class */
            return dp_fail(err, DEPECHE_ERR_DATA, path, line, 0,
                           "'%.*s' already has class %c (a word reads the same without its accents)",
                           (int)fl, f, (char)had);
        if (dp_lexicon_set_byte(lx, key, k, slot, cls))
            return dp_fail(err, DEPECHE_ERR_NOMEM, path, line, 0, "out of memory");
        any = 1;
    }
    if (!any)
        return dp_fail(err, DEPECHE_ERR_DATA, path, line, 0, "expected at least one word");
    return 1;
}

int dp_company_word(const dp_match_rules *r, const char *key, size_t key_len)
{
    return dp_word_class(&r->classes, key, key_len, 0) == 'q';
}

char dp_word_class(const dp_lexicon *lx, const char *key, size_t key_len, uint16_t flags)
{
    uint32_t v;
    if (!key_len || !dp_lexicon_get(lx, key, key_len, &v))
        return 0;
    char c = 0;
    if (flags & DP_TF_ALLCAPS)
        c = (char)(v >> 16 & 0xFF);
    if (!c && (flags & (DP_TF_CAPITALIZED | DP_TF_ALLCAPS)))
        c = (char)(v >> 8 & 0xFF);
    if (!c && !(flags & DP_TF_ALLCAPS))
        c = (char)(v & 0xFF);
    return c;
}

static int load_rule(dp_match_rules *r, const char *args, size_t len, const char *path,
                     unsigned long line, depeche_error *err)
{
    const char *f, *start = args;
    size_t fl;
    enum dp_entity_type type = DP_ENTITY_TYPES;
    if (dp_next_field(&args, &len, &f, &fl))
        type = dp_entity_type_from(f, fl);
    if (type == DP_ENTITY_TYPES || type == DP_GIVEN || !len)
        return dp_fail(err, DEPECHE_ERR_DATA, path, line, 0,
                       "expected 'entity TYPE PATTERN' with TYPE one of PERSON, ORG, ROLE, PLACE, "
                       "DATE, MONEY, OTHER");
    static const char *const names[] = {"name"};
    dp_entity_rule rule = {(uint8_t)type, 0, path, line};
    long k = dp_rule_set_add(&r->set, args, len, 0, path, line, names, 1, &rule.name_group, err);
    if (k < 0) {
        if (err && err->code == DEPECHE_ERR_DATA && err->offset)
            err->offset += (unsigned long)(args - start);
        return (int)k;
    }
    if (DP_PUSH(r->rules, r->n_rules, r->rules_cap, rule))
        return dp_fail(err, DEPECHE_ERR_NOMEM, path, line, 0, "out of memory");
    return 1;
}

int dp_match_rules_load(dp_match_rules *r, const char *kind, size_t kind_len, const char *args,
                        size_t args_len, const char *path, unsigned long line, depeche_error *err)
{
    if (dp_word_is(kind, kind_len, "class"))
        return dp_word_classes_load(&r->classes, args, args_len, "class", path, line, err);
    if (dp_word_is(kind, kind_len, "entity"))
        return load_rule(r, args, args_len, path, line, err);
    return dp_evidence_load(&r->evidence, kind, kind_len, args, args_len, path, line, err);
}

int dp_match_rules_finish(dp_match_rules *r, depeche_error *err)
{
    return dp_rule_set_finish(&r->set, 0, r->n_rules ? r->rules[0].path : NULL, err);
}

void dp_match_rules_release(dp_match_rules *r)
{
    dp_lexicon_release(&r->classes);
    free(r->rules);
    dp_rule_set_release(&r->set);
    dp_evidence_release(&r->evidence);
    memset(r, 0, sizeof *r);
}

void dp_mentions_release(dp_mentions *m)
{
    free(m->items);
    free(m->loose);
    free(m->unknown);
    free(m->others);
    free(m->sentence_start);
    memset(m, 0, sizeof *m);
}

/* The first of n items of `size` bytes, in text order, whose uint32_t end (at `end_offset` in
 * each) is after byte `at`, by binary search. */
static size_t first_ending_after(const void *items, size_t n, size_t size, size_t end_offset, uint32_t at)
{
    size_t lo = 0, hi = n;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        uint32_t end;
        memcpy(&end, (const char *)items + mid * size + end_offset, sizeof end);
        if (end <= at)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo;
}

size_t dp_mentions_from(const dp_mentions *m, uint32_t at)
{
    return first_ending_after(m->items, m->n, sizeof *m->items, offsetof(dp_mention, end), at);
}

size_t dp_others_from(const dp_mentions *m, uint32_t at)
{
    return first_ending_after(m->others, m->n_others, sizeof *m->others, offsetof(dp_span, end), at);
}

/* The class of a capitalised word no list knows: S at the start of a sentence or after an
 * opening mark, where any word is capitalised; C elsewhere. */
static char capitalised_class(const char *classes, size_t i)
{
    char prev = i ? classes[i - 1] : 0;
    return !i || prev == '"' || prev == '(' || prev == ':' || prev == '-' || prev == '_' ? 'S' : 'C';
}

/* ---- Matching ------------------------------------------------------------------------ */

typedef struct candidate {
    uint16_t first, last; /* tokens, last exclusive */
    uint8_t type, source, priority;
    int32_t entry, rule;
    char date[11];
} candidate;

#define MAX_CANDIDATES 256

static const char gaz_class[][2] = {
    [DP_PERSON] = {'N', 'n'}, [DP_ORG] = {'O', 'o'}, [DP_ROLE] = {'R', 'r'}, [DP_PLACE] = {'L', 'l'},
    [DP_DATE] = {'_', '_'}, [DP_MONEY] = {'_', '_'}, [DP_GIVEN] = {'G', 'G'}, [DP_OTHER] = {'X', 'x'},
};

static char punct_class(const char *text, const dp_token *t)
{
    size_t n = t->end - t->start;
    const char *s = text + t->start;
    if (dp_token_is_quote(text, t))
        return '"'; /* " « » */
    if (n == 1 && strchr(",()-&.:", s[0]))
        return s[0];
    return '_';
}

static char word_class(const dp_match_rules *r, const dp_gazetteer *g, const dp_morpho *morpho,
                       const char *text, const dp_token *toks, const dp_token_keys *keys, size_t i,
                       const char *classes, int adjective_wanted)
{
    const dp_token *t = &toks[i];
    char listed = dp_word_class(&r->classes, keys->key[i], keys->len[i], t->flags);
    /* "Louis Pasteur", "Paul Rivière": after a given name, a capitalised word is a surname,
     * whatever common word (a title, a place's head) its lowercase spelling is listed as */
    if (listed && i > 0 && classes[i - 1] == 'G' && (t->flags & DP_TF_CAPITALIZED) &&
        !(t->flags & DP_TF_ALLCAPS) && text[t->end - 1] != '\'' &&
        !dp_word_class(&r->classes, keys->key[i], keys->len[i], DP_TF_ALLCAPS))
        return 'C';
    if (listed)
        return listed;
    if (t->kind == DP_TOK_NUMBER)
        return 'd';
    if (t->kind != DP_TOK_WORD)
        return '_';
    if (dp_gazetteer_is_given(g, t, keys, i))
        return 'G';
    /* "Carl-Peter", "Jean-Stéphane": a compound whose first part is a given name; not
     * "Mercedes-AMG", whose second part is in capitals */
    const char *dash = keys->len[i] ? memchr(keys->key[i], '-', keys->len[i]) : NULL;
    const char *text_dash = memchr(text + t->start, '-', t->end - t->start);
    int capitals_after = text_dash && text_dash + 2 < text + t->end && text_dash[1] >= 'A' &&
                         text_dash[1] <= 'Z' && text_dash[2] >= 'A' && text_dash[2] <= 'Z';
    if (dash && (t->flags & DP_TF_CAPITALIZED) && dash > keys->key[i] && !capitals_after &&
        dp_gazetteer_word_is(g, keys->key[i], (size_t)(dash - keys->key[i]), DP_WORD_GIVEN))
        return 'G';
    if (t->flags & DP_TF_INITIAL)
        return 'I';
    if (t->flags & DP_TF_ALLCAPS)
        return 'U';
    if (t->flags & DP_TF_CAPITALIZED) {
        return capitalised_class(classes, i);
    }
    /* "Bachar al-Assad", "Omar el-Béchir": an Arabic article glued to a capitalised name is
     * part of it */
    size_t name = t->start + 3;
    if (t->end > name && (text[t->start] == 'a' || text[t->start] == 'e') && text[t->start + 1] == 'l' &&
        text[t->start + 2] == '-' && dp_char_class(dp_utf8_next(text, t->end, &name)) == DP_CC_UPPER)
        return 'C';
    /* "européenne", "mondiale": a word that is an adjective and never a verb goes on a name
     * ("Banque centrale européenne"), where a verb ends it */
    if (adjective_wanted && dp_evidence_is_adjective(morpho, text, t))
        return 'j';
    return 'w';
}

/* "les Penguins de Pittsburgh", "l'Avalanche du Colorado": capitalised words that are no
 * French words (at most three, without hyphens), after a function word and before a
 * particle, take class X, for the rules of names built so (patterns/entities.txt). Only
 * there: elsewhere such a word is a C like any name ("Sam Altman"). */
static void mark_foreign_heads(const dp_morpho *morpho, const char *text, const dp_token *toks,
                               size_t n, char *cls)
{
    for (size_t i = 1; i < n; i++) {
        if (cls[i - 1] != 'f' && cls[i - 1] != 'p')
            continue;
        size_t end = i, unlisted = 0;
        /* a one-word name of a list may be one of them beside another ("les Red Wings de
         * Détroit") or as an English plural ("les Yankees de New York"), not a company's name
         * alone ("les salariés de Renault de Douai") */
        while (end < n && end - i < 3 &&
               (cls[end] == 'C' || (cls[end] == 'O' && (end + 1 >= n || cls[end + 1] != 'o'))) &&
               !(toks[end].flags & DP_TF_ALLCAPS) &&
               !memchr(text + toks[end].start, '-', toks[end].end - toks[end].start) &&
               dp_evidence_foreign_word(morpho, text, &toks[end])) {
            const dp_token *t = &toks[end];
            unlisted += cls[end] == 'C' || (t->end - t->start >= 4 && text[t->end - 1] == 's');
            end++;
        }
        if (unlisted && end < n && cls[end] == 'p')
            memset(cls + i, 'X', end - i);
        i = end > i ? end : i;
    }
}

/* A nationality as a noun (class h) stands apart from a name only between an article and
 * that name: "le Chinois ByteDance", "l'Américain Microsoft"; elsewhere it is a capitalised
 * word of a name like any other: "Société Française de Dermatologie", "Roi des Belges". */
static void keep_nationalities_before_names(const dp_token *toks, const dp_token_keys *keys,
                                            size_t n, char *cls)
{
    static const char *const articles[] = {"le", "la", "l'", "les", "au", "aux", "du", "des", "un", "une"};
    for (size_t i = 0; i < n; i++) {
        if (cls[i] != 'h')
            continue;
        int after_article = 0;
        for (size_t a = 0; i > 0 && a < DP_ARRAY_LEN(articles) && !after_article; a++)
            after_article = dp_word_is(keys->key[i - 1], keys->len[i - 1], articles[a]);
        int before_name = i + 1 < n && toks[i + 1].kind == DP_TOK_WORD &&
                          (toks[i + 1].flags & (DP_TF_CAPITALIZED | DP_TF_ALLCAPS));
        if (!after_article || !before_name)
            cls[i] = capitalised_class(cls, i);
    }
}

/* Classes f, b and c of patterns/entities.txt: words that are never names. */
static int is_function_word(char c)
{
    return c == 'f' || c == 'b' || c == 'c';
}

/* The words of an expansion that give an acronym's letters: capitalised or content words. */
static int initial_of(const char *text, const dp_token *t, char cls)
{
    if ((cls == 'p' || is_function_word(cls)) && !(t->flags & DP_TF_CAPITALIZED))
        return 0; /* "des", "de", "l'" give no letter */
    if (t->kind != DP_TOK_WORD || (t->flags & DP_TF_ELISION))
        return 0;
    unsigned char c = (unsigned char)text[t->start];
    return c < 0x80 ? (c | 0x20) : 0;
}

/* "la Ligue des droits de l'Homme (LDH)": an all-capital word in parentheses whose letters
 * are the initials of the words just before. Returns the first token of the expansion. */
static int acronym_expansion(const char *text, const dp_token *toks, const char *cls, size_t i,
                             size_t *first)
{
    const dp_token *a = &toks[i];
    size_t len = a->end - a->start;
    if (i < 2 || cls[i - 1] != '(' || len < 2 || len > 8)
        return 0;
    size_t letter = len;
    for (size_t j = i - 1; j-- > 0 && i - 1 - j <= 2 * len + 2;) {
        int c = initial_of(text, &toks[j], cls[j]);
        if (!c)
            continue;
        if (c != (text[a->start + letter - 1] | 0x20))
            return 0;
        if (--letter == 0) {
            *first = j; /* "offre publique d'achat (OPA)" names no organisation */
            return (toks[j].flags & (DP_TF_CAPITALIZED | DP_TF_ALLCAPS)) != 0;
        }
    }
    return 0;
}

static int add(candidate *c, size_t *n, candidate v)
{
    if (*n >= MAX_CANDIDATES)
        return 0;
    c[(*n)++] = v;
    return 1;
}

static int by_preference(const void *pa, const void *pb)
{
    const candidate *a = pa, *b = pb;
    int la = a->last - a->first, lb = b->last - b->first;
    if (la != lb)
        return lb - la;
    if (a->priority != b->priority)
        return b->priority - a->priority;
    return a->first - b->first;
}

static int by_position(const void *pa, const void *pb)
{
    const candidate *a = pa, *b = pb;
    return a->first - b->first;
}

/* The article that lowercase token t holds contracted with "de" ("le" in "du", "les" in
 * "des"), or NULL. Not with "à": "au Parisien" is mostly whom someone speaks to ("a confié au
 * Parisien"), which the event rules then took for a party. */
static const char *contracted_article(const depeche_engine *e, const char *text, const dp_token *t)
{
    if (t->kind != DP_TOK_WORD || (t->flags & (DP_TF_CAPITALIZED | DP_TF_ALLCAPS)))
        return NULL;
    const dp_contraction *c = dp_morpho_contraction(&e->syntax.morpho, text + t->start, t->end - t->start);
    return c && !strcmp(c->words[0], "de") && (!strcmp(c->words[1], "le") || !strcmp(c->words[1], "les"))
               ? c->words[1]
               : NULL;
}

/* Whether token t is a definite article ("la", "les", "l'"), as the lexicon reads it. */
static int definite_article(const depeche_engine *e, const char *text, const dp_token *t)
{
    dp_reading r[4];
    size_t got = t->kind == DP_TOK_WORD
                     ? dp_morpho_readings(&e->syntax.morpho, text + t->start, t->end - t->start, r, DP_ARRAY_LEN(r))
                     : 0;
    for (size_t k = 0; k < got; k++)
        if (r[k].upos == DP_DET && !strcmp(r[k].lemma, "le"))
            return 1;
    return 0;
}

/* Whether capitalised token t joins listed organisations by hyphens: "un sondage
 * BVA-Salesforce", "sur RMC-BFMTV" name the two as one. */
static int listed_orgs_joined(const dp_gazetteer *g, const char *text, const dp_token *t)
{
    const char *p = text + t->start, *end = text + t->end;
    size_t parts = 0;
    if (t->kind != DP_TOK_WORD || !(t->flags & (DP_TF_CAPITALIZED | DP_TF_ALLCAPS)) || !memchr(p, '-', (size_t)(end - p)))
        return 0;
    while (p < end) {
        const char *dash = memchr(p, '-', (size_t)(end - p));
        const char *stop = dash ? dash : end;
        uint32_t entry;
        if (stop == p || !dp_gazetteer_one_word(g, p, (size_t)(stop - p), &entry) ||
            dp_gazetteer_entry(g, entry).type != DP_ORG)
            return 0;
        parts++;
        p = dash ? dash + 1 : end;
    }
    return parts >= 2;
}

/* Whether lowercase token i is a particle with which a longer name may go on ("de", "du":
 * class p of patterns/entities.txt). */
static int particle(const dp_match_rules *r, const dp_token_keys *keys, size_t i)
{
    return dp_word_class(&r->classes, keys->key[i], keys->len[i], 0) == 'p';
}

/* Whether a name goes on at token `after` with a particle and a capital: "du Puy du Fou",
 * "l'Équipe de France". */
static int name_goes_on(const dp_match_rules *r, const dp_token *toks, const dp_token_keys *keys,
                        size_t n, size_t after)
{
    return after + 1 < n && particle(r, keys, after) &&
           (toks[after + 1].flags & (DP_TF_CAPITALIZED | DP_TF_ALLCAPS));
}

static int is_name_word(char c)
{
    return c == 'C' || c == 'S' || c == 'U' || c == 'G' || c == 'X';
}

/* The tokens of the unknown name starting at token i (0 if none starts there): capitalised
 * words no mention took, with particles between them ("Banque de Savoie"). A word that starts
 * the sentence and that the lexicon knows only as a common word ("Demain", "Selon") is none. */
static size_t unknown_name_at(const depeche_engine *e, const char *text, const dp_token *toks,
                              size_t n, const char *cls, const uint8_t *taken, size_t i)
{
    if (taken[i] || !is_name_word(cls[i]))
        return 0;
    size_t end = i + 1;
    while (end < n && end - i < 8) {
        size_t p = end;
        while (p < n && p - end < 2 && cls[p] == 'p' && !taken[p])
            p++;
        if (p < n && !taken[p] && (cls[p] == 'C' || cls[p] == 'U' || cls[p] == 'G' || cls[p] == 'X'))
            end = p + 1;
        else
            break;
    }
    /* "Demain" starting a sentence is no name; "Aigle Azur va..." is one */
    if (end == i + 1 && cls[i] == 'S' && dp_evidence_common_word(&e->syntax.morpho, text, &toks[i]))
        return 0;
    /* a letter alone stands for someone unnamed: "une plainte contre X", "le témoin Y" */
    if (end == i + 1 && toks[i].end - toks[i].start == 1)
        return 0;
    return end - i;
}

/* Unknown names and the evidence around them, and the lists they stand in ("Innovacom,
 * Bpifrance et Sofimac": Bpifrance is an organisation, so are the others likely). */
static int unknown_names(const depeche_engine *e, const char *text, const dp_token *toks, size_t n,
                         const dp_token_keys *keys, const char *cls, const uint8_t *taken,
                         const candidate *kept, size_t n_kept, uint32_t line, dp_mentions *out)
{
    const dp_evidence_rules *ev = &e->matcher.evidence;
    if (!ev->threshold)
        return 0;
    /* the names of the sentence in order: kept mentions (type >= 0) and unknown ones (-1) */
    struct unit { uint16_t first, last; int type; int32_t unknown; } units[MAX_CANDIDATES];
    size_t n_units = 0, k = 0, loose = out->n_loose;
    while (loose > 0 && out->loose[loose - 1].line == line && out->loose[loose - 1].start >= toks[0].start)
        loose--;
    for (size_t i = 0; i < n && n_units < MAX_CANDIDATES;) {
        if (k < n_kept && kept[k].first == i) {
            if (kept[k].type != DP_DATE && kept[k].type != DP_MONEY && kept[k].type != DP_ROLE)
                units[n_units++] = (struct unit){kept[k].first, kept[k].last, kept[k].type, -1};
            i = kept[k++].last;
            continue;
        }
        size_t len = unknown_name_at(e, text, toks, n, cls, taken, i);
        if (!len) {
            i++;
            continue;
        }
        dp_unknown_name u = {toks[i].start, toks[i + len - 1].end, toks[i].cp_start,
                             toks[i + len - 1].cp_end, line, 0, 0, 0, 0,
                             dp_evidence_around(ev, &e->syntax.morpho, &e->gazetteer, text, toks, keys, n, i, i + len)};
        while (loose < out->n_loose && out->loose[loose].start < u.start)
            loose++;
        u.loose_first = (uint32_t)loose;
        while (loose < out->n_loose && out->loose[loose].end <= u.end)
            loose++;
        u.loose_last = (uint32_t)loose;
        if (DP_PUSH(out->unknown, out->n_unknown, out->unknown_cap, u))
            return DEPECHE_ERR_NOMEM;
        units[n_units++] = (struct unit){(uint16_t)i, (uint16_t)(i + len), -1,
                                         (int32_t)(out->n_unknown - 1)};
        i += len;
    }
    /* lists: names separated by commas, the last two by "et" or "ou" ("A, B et C"; "Chez A,
     * B a dit" is none); or by commas only, three names at least ("le groupe Vivarte (Caroll,
     * Minelli, Naf Naf)"; "(Colette Mélot, Indépendants)" is a senator and her group) */
    for (size_t a = 0; a < n_units;) {
        size_t b = a, end = a;
        while (b + 1 < n_units && units[b + 1].first == units[b].last + 1) {
            const char *sep = keys->key[units[b].last];
            size_t sep_len = keys->len[units[b].last];
            int conjunction = dp_word_is(sep, sep_len, "et") || dp_word_is(sep, sep_len, "ou");
            if (!conjunction && cls[units[b].last] != ',')
                break;
            if (conjunction)
                end = b + 1;
            b++;
        }
        int commas_only = 0;
        if (end == a && b - a >= 2) {
            end = b;
            commas_only = 1;
        }
        b = end;
        /* the type most of the list's known names have: "Carrefour, Leclerc, Picard et
         * William Saurin" lists shops, though one looks like a person */
        int count[DP_ENTITY_TYPES] = {0}, unknowns = 0, most = -1;
        for (size_t u = a; u <= b; u++) {
            if (units[u].type >= 0)
                count[units[u].type]++;
            unknowns += units[u].type < 0;
        }
        for (int t = 0; t < DP_ENTITY_TYPES; t++)
            if (count[t] && (most < 0 || count[t] > count[most]))
                most = t;
        for (int t = 0; most >= 0 && t < DP_ENTITY_TYPES; t++)
            if (t != most && count[t] == count[most])
                most = -2; /* a tie: the list says nothing */
        /* commas alone make a weaker list: half its names at least must be of the type ("four
         * modes (Comfort, Sport, Cupra and Individual)" lists no companies) */
        if (commas_only && most >= 0 && 2 * (size_t)count[most] < b - a + 1)
            most = -1;
        if (b > a && unknowns) {
            uint32_t list = ++out->n_lists;
            for (size_t u = a; u <= b; u++) {
                if (units[u].type >= 0)
                    continue;
                dp_unknown_name *x = &out->unknown[units[u].unknown];
                x->list = list;
                if (most >= 0)
                    dp_evidence_add_listed(ev, &x->evidence, most);
            }
        }
        a = b + 1;
    }
    return 0;
}

/* A role written with "ex-" glued to its first word, which the tokenizer keeps whole as the
 * treebanks do: "l'ex-ministre", "l'ex-directeur général de Renault". The mention covers the
 * prefix, which tells the post is a past one (dp_event_role_is_past). Returns the tokens the
 * role spans, 0 if none. */
static size_t former_role(const dp_gazetteer *g, dp_token_keys *keys, const dp_token *toks, size_t n,
                          size_t i, uint32_t *entry, int *any_case)
{
    if (keys->len[i] <= 3 || memcmp(keys->key[i], "ex-", 3))
        return 0;
    const char *key = keys->key[i];
    uint8_t key_len = keys->len[i];
    keys->key[i] += 3, keys->len[i] -= 3;
    size_t len = dp_gazetteer_longest(g, toks, keys, n, i, entry, any_case);
    keys->key[i] = key, keys->len[i] = key_len;
    return len && dp_gazetteer_entry(g, *entry).type == DP_ROLE ? len : 0;
}

int dp_match_sentence(const depeche_engine *e, const char *text, const dp_token *toks, size_t n,
                      uint32_t line, dp_token_keys *keys, dp_match_data *md, dp_mentions *out)
{
    char cls[DP_MAX_SENTENCE_TOKENS + 1];
    candidate cand[MAX_CANDIDATES];
    size_t nc = 0;
    const dp_gazetteer *g = &e->gazetteer;
    const dp_match_rules *r = &e->matcher;
    dp_token_keys_fill(keys, text, toks, n);

    /* gazetteer names, longest first from the left; their tokens take the entity's class */
    memset(cls, 0, sizeof cls);
    for (size_t i = 0; i < n;) {
        uint32_t entry;
        int any_case = 0;
        size_t len = dp_gazetteer_longest(g, toks, keys, n, i, &entry, &any_case);
        if (!len)
            len = former_role(g, keys, toks, n, i, &entry, &any_case);
        /* "du Parisien", "des Républicains": a name that opens with "Le" or "Les", after "de"
         * contracted with that article */
        const char *article = !len && i + 1 < n ? contracted_article(e, text, &toks[i]) : NULL;
        if (article) {
            /* unless a name as long starts on the next word, or the name goes on: "du Puy du
             * Fou" */
            uint32_t own_entry;
            int own_any_case;
            size_t with = dp_gazetteer_longest_after(g, article, strlen(article), toks, keys, n, i + 1,
                                                     &entry, &any_case);
            if (with && !name_goes_on(r, toks, keys, n, i + 1 + with) &&
                with > dp_gazetteer_longest(g, toks, keys, n, i + 1, &own_entry, &own_any_case))
                len = with, i++;
        }
        /* a name that opens with a lowercase article ("la République en marche") gives way
         * to a name as long starting on the next word ("de l'Alsace": the region, not the
         * newspaper), and to a longer name ("l'Équipe de France"); not a name of nothing,
         * which is listed with its article to stand against the name without it ("à la
         * Libération": no newspaper) */
        if (len > 1 && !(toks[i].flags & (DP_TF_CAPITALIZED | DP_TF_ALLCAPS)) && !any_case &&
            dp_gazetteer_entry(g, entry).type != DP_OTHER && definite_article(e, text, &toks[i])) {
            uint32_t own_entry;
            int own_any_case;
            if (name_goes_on(r, toks, keys, n, i + len) || dp_gazetteer_longest(g, toks, keys, n, i + 1, &own_entry, &own_any_case) >= len - 1)
                len = 0;
        }
        if (!len) {
            if (listed_orgs_joined(g, text, &toks[i]))
                add(cand, &nc, (candidate){(uint16_t)i, (uint16_t)(i + 1), DP_ORG, DP_FROM_RULE, 2, -1, -1, ""});
            i++;
            continue;
        }
        dp_gaz_entry listed = dp_gazetteer_entry(g, entry);
        uint8_t type = listed.type;
        /* "en Hollande", "en Jordanie": after "en", one word is a place, not a person's
         * surname; the rules read it */
        if (len == 1 && type == DP_PERSON && i > 0 && dp_word_is(keys->key[i - 1], keys->len[i - 1], "en")) {
            i++;
            continue;
        }
        /* "Martin Bouygues", "Louis Renault": a family name that is also a company or a
         * town is a surname after a given name; "Nancy Pelosi", "Florence Parly": a town
         * that is also a given name is one before a capitalised word */
        int capital_next = i + 1 < n && toks[i + 1].kind == DP_TOK_WORD &&
                           (toks[i + 1].flags & (DP_TF_CAPITALIZED | DP_TF_ALLCAPS));
        /* a function word ("SES" in a line of capitals) is never a one-word name */
        if (len == 1 && (is_function_word(dp_word_class(&r->classes, keys->key[i], keys->len[i], 0)) ||
                         is_function_word(dp_word_class(&r->classes, keys->key[i], keys->len[i],
                                                        DP_TF_CAPITALIZED)))) {
            i++;
            continue;
        }
        /* "Bruno Le Maire": a role word inside a name is part of the name; not a title in
         * capitals ("nommé par Paul Roux PDG de Fictiva") */
        if (type == DP_ROLE && i > 0 && (toks[i].flags & DP_TF_CAPITALIZED) && !(toks[i].flags & DP_TF_ALLCAPS) &&
            toks[i - 1].kind == DP_TOK_WORD && (toks[i - 1].flags & DP_TF_CAPITALIZED) &&
            !(toks[i - 1].flags & DP_TF_SENTENCE_START)) {
            i++;
            continue;
        }
        /* "l'Assemblée de Corse", "l'Assemblée générale des actionnaires": a one-word name
         * that is also the head of an institution's name ("Assemblée" for the Assemblée
         * nationale), with a complement or an adjective after it, names something longer,
         * which the rules name */
        if (len == 1 && type == DP_ORG && i + 2 < n &&
            dp_word_class(&r->classes, keys->key[i], keys->len[i], toks[i].flags) == 'Q' &&
            ((particle(r, keys, i + 1) && (toks[i + 2].flags & (DP_TF_CAPITALIZED | DP_TF_ALLCAPS))) ||
             dp_evidence_is_adjective(&e->syntax.morpho, text, &toks[i + 1]))) {
            i++;
            continue;
        }
        /* "Jitse Groen": a one-word organisation after a capitalised word no list knows ends
         * a longer name; not an acronym after a name in small letters ("le candidat Paul Durand
         * LREM") */
        int acronym_after_name = (toks[i].flags & DP_TF_ALLCAPS) && i > 0 &&
                                 !(toks[i - 1].flags & DP_TF_ALLCAPS);
        if (len == 1 && type == DP_ORG && i > 0 && !cls[i - 1] && toks[i - 1].kind == DP_TOK_WORD &&
            !acronym_after_name &&
            (toks[i - 1].flags & DP_TF_CAPITALIZED) && !(toks[i - 1].flags & DP_TF_SENTENCE_START) &&
            !dp_word_class(&r->classes, keys->key[i - 1], keys->len[i - 1], DP_TF_CAPITALIZED)) {
            i++;
            continue;
        }
        /* "Stuart Varney", "Valentino Balboni": a brand that is also a given name is one before
         * a capitalised word that is no list's name, given name nor French word ("Mercedes
         * Classe A", "l'agence Esa Thomas Pesquet") */
        int given_before_surname =
            type == DP_ORG && capital_next && dp_gazetteer_is_given(g, &toks[i], keys, i) &&
            !(toks[i + 1].flags & DP_TF_ALLCAPS) && !dp_token_has_digit(text, &toks[i + 1]) &&
            !dp_gazetteer_is_given(g, &toks[i + 1], keys, i + 1) &&
            !dp_gazetteer_longest(g, toks, keys, n, i + 1, &(uint32_t){0}, &(int){0}) &&
            !dp_evidence_common_word(&e->syntax.morpho, text, &toks[i + 1]);
        if (len == 1 && (type == DP_ORG || type == DP_PLACE) &&
            ((i > 0 && !cls[i - 1] && dp_gazetteer_is_given(g, &toks[i - 1], keys, i - 1)) ||
             (type == DP_PLACE && capital_next && dp_gazetteer_is_given(g, &toks[i], keys, i)) ||
             given_before_surname)) {
            i++;
            continue;
        }
        add(cand, &nc, (candidate){(uint16_t)i, (uint16_t)(i + len), type, DP_FROM_GAZETTEER, 3,
                                   (int32_t)entry, -1, ""});
        /* "tribunal correctionnel", "police nationale": an institution named by its kind, in
         * any case (case=insensitive), keeps its words' own classes, so that a rule may name it
         * more fully ("le tribunal correctionnel de Lyon"); the longest name wins */
        int institution_kind = type == DP_ORG && any_case;
        for (size_t k = i; k < i + len && !institution_kind; k++)
            cls[k] = gaz_class[type][k > i];
        /* "maire de Bapaume", "le gouverneur d'Oaxaca": an office over a territory, W; "le
         * ministre du Redressement productif": a public office, B, whose complement is a
         * portfolio, no organisation */
        if (type == DP_ROLE && listed.kind == DP_GAZ_TERRITORY)
            cls[i] = 'W';
        else if (type == DP_ROLE && listed.kind == DP_GAZ_OFFICE)
            cls[i] = 'B';
        i += len;
    }
    /* adjectives matter only on the names of institutions (classes Q and K: "ministère des
     * Affaires étrangères"), and cost a look-up in the lexicon each: they are looked for up to
     * eight words after such a head */
    size_t since_head = 8;
    for (size_t i = 0; i < n; i++) {
        if (!cls[i])
            cls[i] = toks[i].kind == DP_TOK_PUNCT ? punct_class(text, &toks[i])
                                                  : word_class(r, g, &e->syntax.morpho, text,
                                                               toks, keys, i, cls, since_head < 8);
        since_head = cls[i] == 'Q' || cls[i] == 'K' ? 0 : since_head + 1;
    }
    cls[n] = '\0';
    keep_nationalities_before_names(toks, keys, n, cls);
    mark_foreign_heads(&e->syntax.morpho, text, toks, n, cls);

    /* rules: leftmost matches, one regex call each */
    for (size_t start = 0; start < n;) {
        long k = dp_rule_set_match(&r->set, cls, n, start, md);
        size_t s, end, ms, me;
        if (k < 0 || !dp_match_group(md, 0, &ms, &me))
            break;
        if (!r->rules[k].name_group || !dp_match_group(md, r->rules[k].name_group, &s, &end))
            s = ms, end = me;
        /* no one's name holds a figure: "la R8 LMS GT3, les ingénieurs..." is a car */
        int figure = 0;
        for (size_t j = s; j < end && r->rules[k].type == DP_PERSON && !figure; j++)
            figure = dp_token_has_digit(text, &toks[j]);
        if (end > s && !figure)
            add(cand, &nc, (candidate){(uint16_t)s, (uint16_t)end, r->rules[k].type, DP_FROM_RULE, 1,
                                       -1, (int32_t)k, ""});
        start = me > start ? me : start + 1;
    }

    /* acronyms beside their expansion: the expansion is an organisation, and the two are one */
    uint16_t acronyms[16][2];
    size_t n_acronyms = 0;
    for (size_t i = 2; i + 1 < n && n_acronyms < DP_ARRAY_LEN(acronyms); i++) {
        size_t first;
        if ((cls[i] == 'U' || cls[i] == 'O') && cls[i + 1] == ')' &&
            acronym_expansion(text, toks, cls, i, &first)) {
            add(cand, &nc, (candidate){(uint16_t)first, (uint16_t)(i - 1), DP_ORG, DP_FROM_ACRONYM,
                                       2, -1, -1, ""});
            if (cls[i] == 'U')
                add(cand, &nc, (candidate){(uint16_t)i, (uint16_t)(i + 1), DP_ORG, DP_FROM_ACRONYM,
                                           2, -1, -1, ""});
            acronyms[n_acronyms][0] = (uint16_t)(i - 2);
            acronyms[n_acronyms++][1] = (uint16_t)i;
        }
    }

    /* complete dates */
    for (size_t i = 0; i < n;) {
        dp_date_match m;
        if (!dp_date_find_full(&e->dates, text, toks, n, i, &m))
            break;
        candidate c = {(uint16_t)m.first, (uint16_t)(m.last + 1), DP_DATE, DP_FROM_DATE, 0, -1, -1, ""};
        dp_date_iso(m.date, c.date);
        add(cand, &nc, c);
        i = m.last + 1;
    }

    /* keep the longest of overlapping candidates, then put them in text order */
    qsort(cand, nc, sizeof *cand, by_preference);
    uint8_t taken[DP_MAX_SENTENCE_TOKENS] = {0};
    size_t kept = 0;
    for (size_t i = 0; i < nc; i++) {
        int free_span = 1;
        for (size_t k = cand[i].first; k < cand[i].last; k++)
            free_span &= !taken[k];
        if (!free_span)
            continue;
        for (size_t k = cand[i].first; k < cand[i].last; k++)
            taken[k] = 1;
        cand[kept++] = cand[i];
    }
    qsort(cand, kept, sizeof *cand, by_position);
    /* names of no person, organisation or place have taken their words: nothing more, but the
     * events' rules are told which words a list gave them ("Covid-19" takes no part) */
    size_t named = 0;
    for (size_t i = 0; i < kept; i++) {
        if (cand[i].type != DP_OTHER) {
            cand[named++] = cand[i];
            continue;
        }
        dp_span other = {toks[cand[i].first].start, toks[cand[i].last - 1].end};
        if (cand[i].source == DP_FROM_GAZETTEER && DP_PUSH(out->others, out->n_others, out->others_cap, other))
            return DEPECHE_ERR_NOMEM;
    }
    kept = named;

    size_t base = out->n;
    for (size_t i = 0; i < kept; i++) {
        const candidate *c = &cand[i];
        dp_mention m = {.start = toks[c->first].start, .end = toks[c->last - 1].end,
                        .cp_start = toks[c->first].cp_start, .cp_end = toks[c->last - 1].cp_end,
                        .type = c->type, .source = c->source, .entry = c->entry, .rule = c->rule,
                        .alias_of = -1, .entity = -1, .line = line};
        memcpy(m.date, c->date, sizeof m.date);
        if (DP_PUSH(out->items, out->n, out->cap, m))
            return DEPECHE_ERR_NOMEM;
    }
    /* an acronym points at the mention that ends just before its parenthesis */
    int32_t mention_of[DP_MAX_SENTENCE_TOKENS];
    for (size_t i = 0; i < n; i++)
        mention_of[i] = -1;
    for (size_t i = 0; i < kept; i++)
        for (size_t k = cand[i].first; k < cand[i].last; k++)
            mention_of[k] = (int32_t)(base + i);
    for (size_t i = 0; i < n_acronyms; i++) {
        int32_t expansion = mention_of[acronyms[i][0]], acronym = mention_of[acronyms[i][1]];
        if (expansion >= 0 && acronym >= 0 && expansion != acronym &&
            out->items[expansion].type == DP_ORG && out->items[acronym].type == DP_ORG &&
            out->items[expansion].end <= toks[acronyms[i][0]].end)
            out->items[acronym].alias_of = expansion;
    }
    for (size_t i = 0; i < n; i++) {
        if (taken[i] || !is_name_word(cls[i]))
            continue;
        dp_loose_word w = {toks[i].start, toks[i].end, toks[i].cp_start, toks[i].cp_end, line, 0};
        if (DP_PUSH(out->loose, out->n_loose, out->loose_cap, w))
            return DEPECHE_ERR_NOMEM;
    }
    return unknown_names(e, text, toks, n, keys, cls, taken, cand, kept, line, out);
}
