/* Event frames over the dependency parse: loading, and reading a sentence. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "engine.h"
#include "frame.h"
#include "normalize.h"
#include "resource.h"

/* ---- Loading ---------------------------------------------------------------------------- */

static const struct {
    const char *name;
    uint8_t arg;
} arg_names[] = {
    {"person", DP_ARG_PERSON},       {"org", DP_ARG_ORG},           {"role", DP_ARG_ROLE},
    {"predecessor", DP_ARG_PREDECESSOR}, {"acquirer", DP_ARG_ACQUIRER}, {"target", DP_ARG_TARGET},
    {"partners", DP_ARG_PARTNER1},   {"investor", DP_ARG_INVESTOR}, {"plaintiff", DP_ARG_PLAINTIFF},
    {"defendant", DP_ARG_DEFENDANT}, {"court", DP_ARG_COURT},       {"product", DP_ARG_PRODUCT},
    {"authority", DP_ARG_AUTHORITY}, {"amount", DP_ARG_AMOUNT},   {"count", DP_ARG_COUNT},
};

static int copy_field(char *dst, size_t cap, const char *s, size_t n)
{
    if (n >= cap)
        return -1;
    memcpy(dst, s, n);
    dst[n] = '\0';
    return 0;
}

/* One step: "^REL", "REL", "REL[case]", "REL=lemma", "REL[case]=lemma". */
static int parse_step(const char *s, size_t n, dp_frame_step *st)
{
    memset(st, 0, sizeof *st);
    if (n && s[0] == '^') {
        st->up = 1;
        s++, n--;
    }
    const char *eq = memchr(s, '=', n);
    size_t head = eq ? (size_t)(eq - s) : n;
    if (eq && copy_field(st->lemma, sizeof st->lemma, eq + 1, n - head - 1))
        return -1;
    const char *br = memchr(s, '[', head);
    size_t rel = br ? (size_t)(br - s) : head;
    if (br) {
        const char *close = memchr(br, ']', head - rel);
        if (!close || close != s + head - 1 ||
            copy_field(st->case_word, sizeof st->case_word, br + 1, (size_t)(close - br - 1)))
            return -1;
    }
    if (!rel || copy_field(st->rel, sizeof st->rel, s, rel))
        return -1;
    for (const char *p = st->rel; *p; p++)
        if (!((*p >= 'a' && *p <= 'z') || *p == ':'))
            return -1;
    return 0;
}

static int add_word_list(dp_frame_rules *r, unsigned bit, const char *args, size_t len)
{
    const char *w;
    size_t n;
    while (dp_next_field(&args, &len, &w, &n)) {
        if (dp_lexicon_or(&r->words, w, n, bit))
            return -1;
    }
    return 0;
}

/* Folds s[0..n) into out as epithets are compared: no case, no accents, a typographic
 * apostrophe as a straight one, one space between words. Returns the length, or (size_t)-1
 * when it does not fit. */
static size_t epithet_key(const char *s, size_t n, char *out, size_t cap)
{
    size_t len = dp_fold_key(s, n, out, cap), k = 0;
    if (len == (size_t)-1)
        return len;
    for (size_t i = 0; i < len; i++) {
        if (i + 2 < len && !memcmp(out + i, "\xE2\x80\x99", 3)) {
            out[k++] = '\'';
            i += 2;
        } else if (out[i] == ' ' || out[i] == '\n' || out[i] == '\t') {
            if (k && out[k - 1] != ' ')
                out[k++] = ' ';
        } else {
            out[k++] = out[i];
        }
    }
    while (k && out[k - 1] == ' ')
        k--;
    return k;
}

/* "epithet NAME[, NAME...] | EPITHET[, EPITHET...]" */
static int load_epithet(dp_frame_rules *r, const char *args, size_t len, const char *path,
                        unsigned long line, depeche_error *err)
{
    const char *bar = memchr(args, '|', len);
    if (!bar)
        return dp_fail(err, DEPECHE_ERR_DATA, path, line, 0,
                       "expected: epithet NAME[, NAME...] | EPITHET[, EPITHET...]");
    size_t names_at = r->epithet_names.len;
    char key[128];
    int any = 0;
    for (int side = 0; side < 2; side++) {
        const char *p = side ? bar + 1 : args, *end = side ? args + len : bar;
        while (p < end) {
            const char *comma = memchr(p, ',', (size_t)(end - p));
            const char *stop = comma ? comma : end;
            size_t k = epithet_key(p, (size_t)(stop - p), key, sizeof key);
            if (k == (size_t)-1)
                return dp_fail(err, DEPECHE_ERR_DATA, path, line, 0, "name too long");
            if (k && !side && (dp_strbuf_append(&r->epithet_names, key, k) ||
                               dp_strbuf_putc(&r->epithet_names, '\0')))
                return dp_fail(err, DEPECHE_ERR_NOMEM, path, line, 0, "out of memory");
            if (k && side && dp_lexicon_put(&r->epithets, key, k, (uint32_t)names_at + 1))
                return dp_fail(err, DEPECHE_ERR_NOMEM, path, line, 0, "out of memory");
            any |= k && side ? 2 : k ? 1 : 0;
            p = stop + 1;
        }
        if (!side && dp_strbuf_putc(&r->epithet_names, '\0'))
            return dp_fail(err, DEPECHE_ERR_NOMEM, path, line, 0, "out of memory");
    }
    if (any != 3)
        return dp_fail(err, DEPECHE_ERR_DATA, path, line, 0, "an epithet needs a name and an epithet");
    return 1;
}

const char *dp_frame_epithet_after(const dp_frame_rules *r, const char *text, uint32_t at)
{
    if (!r->epithets.count)
        return NULL;
    /* the epithet starts one of the three words after the one at `at` (the company's word, or
     * its article: "le constructeur allemand d'Ingolstadt") and ends before the clause's
     * punctuation */
    size_t end = at;
    while (text[end] && end - at < 96 && !strchr(".,;:!?()\"\n", text[end]))
        end++;
    size_t word = at;
    for (int skipped = 0; skipped < 3; skipped++) {
        while (word < end && text[word] != ' ')
            word++;
        while (word < end && text[word] == ' ')
            word++;
        if (word >= end)
            return NULL;
        char key[160];
        size_t k = epithet_key(text + word, end - word, key, sizeof key);
        if (k == (size_t)-1)
            return NULL;
        /* the longest epithet that ends on a word's end */
        for (size_t n = k; n > 0; n--) {
            uint32_t v;
            if ((n == k || key[n] == ' ') && dp_lexicon_get(&r->epithets, key, n, &v))
                return r->epithet_names.data + v - 1;
        }
    }
    return NULL;
}

static int load_frame(dp_frame_rules *r, const char *args, size_t len, const char *path,
                      unsigned long line, depeche_error *err)
{
    dp_frame f;
    memset(&f, 0, sizeof f);
    f.first_path = (uint32_t)r->n_paths;
    f.confidence = 0.8f;
    f.path = path;
    f.line = line;
    const char *type, *pos, *lemmas, *w;
    size_t type_n, pos_n, lemmas_n, n;
    if (!dp_next_field(&args, &len, &type, &type_n) || !dp_next_field(&args, &len, &pos, &pos_n) ||
        !dp_next_field(&args, &len, &lemmas, &lemmas_n))
        return dp_fail(err, DEPECHE_ERR_DATA, path, line, 0,
                       "expected: frame TYPE verb|noun|adjective LEMMA[,LEMMA...] ARG=PATH...");
    int t = -1;
    for (int i = 0; i < DP_EVENT_TYPES; i++)
        if (dp_word_is(type, type_n, dp_event_type_name((enum dp_event_type)i)))
            t = i;
    if (t < 0)
        return dp_fail(err, DEPECHE_ERR_DATA, path, line, 0, "unknown event type '%.*s'",
                       (int)(type_n > 30 ? 30 : type_n), type);
    f.type = (uint8_t)t;
    /* an adjective is looked up as a verb is: a participle is tagged either way */
    if (!dp_word_is(pos, pos_n, "verb") && !dp_word_is(pos, pos_n, "noun") && !dp_word_is(pos, pos_n, "adjective"))
        return dp_fail(err, DEPECHE_ERR_DATA, path, line, 0,
                       "the trigger is a verb, a noun or an adjective, not '%.*s'",
                       (int)(pos_n > 30 ? 30 : pos_n), pos);
    f.noun = dp_word_is(pos, pos_n, "noun");
    const char *plus = memchr(lemmas, '+', lemmas_n);
    size_t list_n = plus ? (size_t)(plus - lemmas) : lemmas_n;
    if (plus && parse_step(plus + 1, lemmas_n - list_n - 1, &f.need))
        return dp_fail(err, DEPECHE_ERR_DATA, path, line, 0, "bad required child '%.*s' (REL=LEMMA)",
                       (int)(lemmas_n - list_n - 1), plus + 1);
    while (dp_next_field(&args, &len, &w, &n)) {
        if (dp_word_is(w, n, "headline")) {
            f.headline = 1;
            continue;
        }
        if (w[0] == '@') {
            char num[16];
            char *end;
            if (copy_field(num, sizeof num, w + 1, n - 1) || (f.confidence = strtof(num, &end), *end) ||
                f.confidence <= 0 || f.confidence > 1)
                return dp_fail(err, DEPECHE_ERR_DATA, path, line, 0, "confidence is @0.1 to @1");
            continue;
        }
        const char *eq = memchr(w, '=', n);
        int arg = -1;
        for (size_t i = 0; eq && i < DP_ARRAY_LEN(arg_names); i++)
            if (dp_word_is(w, (size_t)(eq - w), arg_names[i].name))
                arg = arg_names[i].arg;
        if (arg < 0)
            return dp_fail(err, DEPECHE_ERR_DATA, path, line, 0,
                           "'%.*s': expected ARG=PATH with ARG one of person, org, role, "
                           "predecessor, acquirer, target, partners, investor, plaintiff, "
                           "defendant, court, product, authority, amount, count",
                           (int)(n > 40 ? 40 : n), w);
        if (f.n_paths == DP_FRAME_MAX_PATHS)
            return dp_fail(err, DEPECHE_ERR_DATA, path, line, 0, "more than %d arguments",
                           DP_FRAME_MAX_PATHS);
        dp_frame_path empty = {0};
        if (DP_PUSH(r->paths, r->n_paths, r->paths_cap, empty))
            return dp_fail(err, DEPECHE_ERR_NOMEM, path, line, 0, "out of memory");
        f.n_paths++;
        dp_frame_path *p = &r->paths[r->n_paths - 1];
        p->arg = (uint8_t)arg;
        for (const char *s = eq + 1, *end = w + n; s < end;) {
            const char *gt = memchr(s, '>', (size_t)(end - s));
            size_t k = gt ? (size_t)(gt - s) : (size_t)(end - s);
            if (p->n_steps == DP_FRAME_MAX_STEPS || parse_step(s, k, &p->steps[p->n_steps++]))
                return dp_fail(err, DEPECHE_ERR_DATA, path, line, 0,
                               "bad path '%.*s': steps are REL, ^REL, REL[case] or REL=lemma, "
                               "at most %d, joined by >", (int)(n > 60 ? 60 : n), w,
                               DP_FRAME_MAX_STEPS);
            s += k + (gt != NULL);
        }
    }
    if (!f.n_paths)
        return dp_fail(err, DEPECHE_ERR_DATA, path, line, 0, "a frame without arguments");
    dp_frame_path *own = &r->paths[f.first_path];
    for (size_t a = 0; a < f.n_paths; a++)
        for (size_t b = 0; b < f.n_paths && own[a].arg == DP_ARG_ORG; b++)
            own[a].product_too |= own[b].arg == DP_ARG_PRODUCT && own[b].n_steps == own[a].n_steps &&
                                  !memcmp(own[b].steps, own[a].steps, own[a].n_steps * sizeof *own[a].steps);
    if (DP_PUSH(r->frames, r->n_frames, r->frames_cap, f))
        return dp_fail(err, DEPECHE_ERR_NOMEM, path, line, 0, "out of memory");
    uint32_t index = (uint32_t)r->n_frames - 1;
    for (const char *s = lemmas, *end = lemmas + list_n; s < end;) {
        const char *comma = memchr(s, ',', (size_t)(end - s));
        size_t k = comma ? (size_t)(comma - s) : (size_t)(end - s);
        char key[80];
        if (!k || k + 3 > sizeof key)
            return dp_fail(err, DEPECHE_ERR_DATA, path, line, 0, "an empty or too long lemma");
        memcpy(key, s, k);
        key[k] = '\t';
        key[k + 1] = f.noun ? 'n' : 'v';
        uint32_t first = 0;
        dp_lexicon_get(&r->triggers, key, k + 2, &first);
        if (dp_reserve((void **)&r->links, &r->links_cap, 2 * (r->n_links + 1), sizeof *r->links) ||
            dp_lexicon_put(&r->triggers, key, k + 2, (uint32_t)r->n_links + 1))
            return dp_fail(err, DEPECHE_ERR_NOMEM, path, line, 0, "out of memory");
        r->links[2 * r->n_links] = index;
        r->links[2 * r->n_links + 1] = first;
        r->n_links++;
        /* each trigger and the word it needs ("prendre", "tête"): dp_frame_rules_finish chooses
         * which one finds the sentences to parse */
        if (dp_strbuf_append(&r->lemmas, s, k) || dp_strbuf_putc(&r->lemmas, '\0') ||
            dp_strbuf_puts(&r->lemmas, f.need.lemma) || dp_strbuf_putc(&r->lemmas, '\0') ||
            dp_strbuf_putc(&r->lemmas, (char)((f.headline ? 'a' : 'A') + f.type)))
            return dp_fail(err, DEPECHE_ERR_NOMEM, path, line, 0, "out of memory");
        s += k + (comma != NULL);
    }
    return 1;
}

/* "example TYPE ARG=NAME... | SENTENCE"; a headline's example is read as an article's title */
static int load_example(dp_frame_rules *r, int headline, const char *args, size_t len,
                        const char *path, unsigned long line, depeche_error *err)
{
    const char *bar = memchr(args, '|', len);
    if (!bar || bar == args || bar + 1 >= args + len)
        return dp_fail(err, DEPECHE_ERR_DATA, path, line, 0,
                       "expected: example TYPE ARG=NAME... | SENTENCE (or example none | SENTENCE)");
    size_t head = (size_t)(bar - args);
    while (head && args[head - 1] == ' ')
        head--;
    const char *s = bar + 1;
    while (*s == ' ' && s < args + len)
        s++;
    dp_frame_example x = {dp_strndup(s, (size_t)(args + len - s)), dp_strndup(args, head),
                          (uint8_t)headline, path, line};
    if (!x.sentence || !x.expected || DP_PUSH(r->examples, r->n_examples, r->examples_cap, x)) {
        free(x.sentence);
        free(x.expected);
        return dp_fail(err, DEPECHE_ERR_NOMEM, path, line, 0, "out of memory");
    }
    return 1;
}

int dp_frame_rules_load(dp_frame_rules *r, const char *kind, size_t kind_len, const char *args,
                        size_t args_len, const char *path, unsigned long line,
                        depeche_error *err)
{
    static const struct {
        const char *kind;
        unsigned bit;
    } lists[] = {{"modal", DP_FRAME_WORD_MODAL}, {"negation", DP_FRAME_WORD_NEGATION},
                 {"denial", DP_FRAME_WORD_DENIAL}, {"plan", DP_FRAME_WORD_PLAN},
                 {"forced", DP_FRAME_WORD_FORCED}, {"light", DP_FRAME_WORD_LIGHT},
                 {"demand", DP_FRAME_WORD_DEMAND}, {"share", DP_FRAME_WORD_SHARE},
                 {"union", DP_FRAME_WORD_UNION}, {"medium", DP_FRAME_WORD_MEDIUM},
                 {"department", DP_FRAME_WORD_DEPARTMENT}, {"soon", DP_FRAME_WORD_SOON},
                 {"model", DP_FRAME_WORD_MODEL}, {"naming", DP_FRAME_WORD_NAMING},
                 {"sale", DP_FRAME_WORD_SALE}, {"post", DP_FRAME_WORD_POST},
                 {"body", DP_FRAME_WORD_BODY}, {"announce", DP_FRAME_WORD_ANNOUNCE},
                 {"speech", DP_FRAME_WORD_SPEECH}, {"goods", DP_FRAME_WORD_GOODS}};
    if (dp_word_is(kind, kind_len, "frame"))
        return load_frame(r, args, args_len, path, line, err);
    if (dp_word_is(kind, kind_len, "epithet"))
        return load_epithet(r, args, args_len, path, line, err);
    if (dp_word_is(kind, kind_len, "announced"))
        return dp_event_types_load(r->announced, args, args_len, "announced", path, line, err);
    if (dp_word_is(kind, kind_len, "example") || dp_word_is(kind, kind_len, "example-headline"))
        return load_example(r, kind_len > 7, args, args_len, path, line, err);
    for (size_t i = 0; i < DP_ARRAY_LEN(lists); i++)
        if (dp_word_is(kind, kind_len, lists[i].kind))
            return add_word_list(r, lists[i].bit, args, args_len)
                       ? dp_fail(err, DEPECHE_ERR_NOMEM, path, line, 0, "out of memory")
                       : 1;
    return 0;
}

void dp_frame_rules_release(dp_frame_rules *r)
{
    free(r->frames);
    free(r->paths);
    dp_lexicon_release(&r->triggers);
    free(r->links);
    dp_lexicon_release(&r->words);
    dp_strbuf_release(&r->lemmas);
    dp_lexicon_release(&r->trigger_lemmas);
    dp_lexicon_release(&r->epithets);
    dp_strbuf_release(&r->epithet_names);
    for (size_t i = 0; i < r->n_examples; i++) {
        free(r->examples[i].sentence);
        free(r->examples[i].expected);
    }
    free(r->examples);
    memset(r, 0, sizeof *r);
}

static unsigned word_bits(const dp_frame_rules *r, const char *lemma)
{
    uint32_t v = 0;
    dp_lexicon_get(&r->words, lemma, strlen(lemma), &v);
    return v;
}

int dp_frame_rules_finish(dp_frame_rules *r, depeche_error *err)
{
    for (size_t at = 0; at < r->lemmas.len;) {
        const char *trigger = r->lemmas.data + at, *need = trigger + strlen(trigger) + 1;
        at = (size_t)(need - r->lemmas.data) + strlen(need) + 1;
        char type = r->lemmas.data[at++];
        uint32_t types = type >= 'a' ? 1u << (DP_FRAME_HEADLINE_SHIFT + type - 'a') : 1u << (type - 'A');
        /* a light verb ("faire faillite", "prendre la tête") is found by the word it needs: the
         * verb alone is in too many sentences, and parsing is the costly part */
        const char *lemma = need[0] && (word_bits(r, trigger) & DP_FRAME_WORD_LIGHT) ? need : trigger;
        char lower[4 * DP_MORPHO_MAX_WORD + 4];
        size_t n = dp_lowercase(lemma, strlen(lemma), lower, sizeof lower);
        if (n != (size_t)-1 && n && dp_lexicon_or(&r->trigger_lemmas, lower, n, types))
            return dp_fail(err, DEPECHE_ERR_NOMEM, NULL, 0, 0, "out of memory");
    }
    return 0;
}

void dp_frame_word_types(const dp_frame_rules *r, const dp_morpho *m, const char *text,
                         const dp_token *toks, size_t n, dp_word_types_cache *cache, uint32_t *types)
{
    for (size_t i = 0; i < n; i++) {
        types[i] = 0;
        if (toks[i].kind != DP_TOK_WORD)
            continue;
        char lower[4 * DP_MORPHO_MAX_WORD + 4];
        size_t len = dp_lowercase(text + toks[i].start, toks[i].end - toks[i].start, lower, sizeof lower);
        if (len == (size_t)-1 || !len)
            continue;
        dp_word_types_slot *seen =
            len <= DP_WORD_TYPES_FORM ? &cache->slot[dp_hash_bytes(lower, len) % DP_WORD_TYPES_CACHED] : NULL;
        if (seen && seen->len == len && !memcmp(seen->form, lower, len)) {
            types[i] = seen->types;
            continue;
        }
        /* the word itself may be the lemma (a noun Lefff does not know still triggers) */
        dp_lexicon_get(&r->trigger_lemmas, lower, len, &types[i]);
        dp_reading readings[8];
        size_t k = dp_morpho_readings(m, lower, len, readings, DP_ARRAY_LEN(readings));
        for (size_t j = 0; j < k; j++) {
            uint32_t v;
            if (dp_lexicon_get(&r->trigger_lemmas, readings[j].lemma, strlen(readings[j].lemma), &v))
                types[i] |= v;
        }
        if (seen) {
            seen->types = types[i];
            seen->len = (uint8_t)len;
            memcpy(seen->form, lower, len);
        }
    }
}

int dp_frame_sentence_wanted(const uint32_t *types, size_t from, size_t to, int names_person,
                             int names_org, int in_title)
{
    /* a person's move needs a person named; the other types an organisation, or a person for
     * a buyer, an investor or a party to a suit */
    const uint32_t person_ok = DP_EV_MOVES | 1u << DP_EV_ACQUISITION | 1u << DP_EV_FUNDING |
                               1u << DP_EV_LAWSUIT;
    uint32_t wanted = (names_person ? person_ok : 0) | (names_org ? ~DP_EV_MOVES : 0);
    wanted &= (1u << DP_FRAME_HEADLINE_SHIFT) - 1;
    if (in_title)
        wanted |= wanted << DP_FRAME_HEADLINE_SHIFT;
    for (size_t i = from; i < to && wanted; i++)
        if (types[i] & wanted)
            return 1;
    return 0;
}

/* ---- Reading a sentence ----------------------------------------------------------------- */

/* modality() also says when the trigger is what someone was made to do */
enum { DP_FORCED = DP_NEGATED + 1 };

typedef struct sentence {
    const depeche_engine *e;
    const char *text;
    const dp_token *toks;
    size_t n_toks;
    const dp_syntax_work *w;
    const dp_mentions *m;
    int32_t token_mention[DP_MAX_SENTENCE_TOKENS];
    int32_t token_unknown[DP_MAX_SENTENCE_TOKENS]; /* the unknown name a token is part of, or -1 */
    uint16_t first_child[DP_MAX_SENTENCE_WORDS + 1]; /* word + 1, 0: none; index 0 the root */
    uint16_t next_sibling[DP_MAX_SENTENCE_WORDS + 1];
    int32_t bound; /* the entity a clitic of the argument read cannot stand for, or -1: the
                    * subject of its own clause ("Z lui succède" is not Z) */
} sentence;

static const char *rel_of(const sentence *s, size_t i)
{
    const dp_word *wd = &s->w->words[i];
    return wd->head == 0 ? "root" : s->e->syntax.model.relations[wd->rel];
}

/* "nmod" matches "nmod" and "nmod:poss"; "obl:agent" only itself. */
static int rel_matches(const char *want, const char *rel)
{
    size_t n = strlen(want);
    /* a subject is an active verb's: the passive's ("X a été remplacé par Y") is the one the
     * act is done to, asked for as nsubj:pass */
    if (!strcmp(want, "nsubj") && !strcmp(rel, "nsubj:pass"))
        return 0;
    return !strncmp(want, rel, n) && (rel[n] == '\0' || (rel[n] == ':' && !strchr(want, ':')));
}

/* Whether rel makes a subject, of an active verb or of a passive one. */
static int is_subject(const char *rel)
{
    return rel_matches("nsubj", rel) || !strcmp(rel, "nsubj:pass");
}

/* Whether word i has a child by rel whose lemma is lemma (NULL: any). */
static int has_child(const sentence *s, size_t i, const char *rel, const char *lemma)
{
    for (uint16_t c = s->first_child[i + 1]; c; c = s->next_sibling[c])
        if (rel_matches(rel, rel_of(s, c - 1u)) && (!lemma || !strcmp(s->w->words[c - 1u].lemma, lemma)))
            return 1;
    return 0;
}

/* The word a share word stands for, through up to three of them: "la totalité du capital de
 * X" stands for X, "l'ensemble des fonctions" for "fonctions"; any other word for itself. */
static size_t through_shares(const sentence *s, size_t w)
{
    for (int depth = 0; depth < 3 && (word_bits(&s->e->frames, s->w->words[w].lemma) & DP_FRAME_WORD_SHARE);
         depth++) {
        size_t of = w;
        for (uint16_t c = s->first_child[w + 1]; c && of == w; c = s->next_sibling[c])
            if ((rel_matches("nmod", rel_of(s, c - 1u)) || rel_matches("obl", rel_of(s, c - 1u))) &&
                has_child(s, c - 1u, "case", "de"))
                of = c - 1u;
        if (of == w)
            break;
        w = of;
    }
    return w;
}

/* Whether child c of a verb is its object counted by "plus de", "près de", which the parser
 * may hang on the adverb ("supprimer plus de 1 000 postes"): what a path's "obj" reaches too. */
static int counted_object(const sentence *s, size_t c, const char *want)
{
    return !strcmp(want, "obj") && rel_matches("advmod", rel_of(s, c)) &&
           (word_bits(&s->e->frames, s->w->words[c].lemma) & DP_FRAME_WORD_SHARE);
}

/* Whether word i has a child by rel with this lemma, or a share of one: "reprend l'ensemble des
 * fonctions" has the "fonctions" that "reprendre+obj=fonction" needs. */
static int has_child_or_share(const sentence *s, size_t i, const char *rel, const char *lemma)
{
    for (uint16_t c = s->first_child[i + 1]; c; c = s->next_sibling[c]) {
        if ((rel_matches(rel, rel_of(s, c - 1u)) || counted_object(s, c - 1u, rel)) &&
            (!strcmp(s->w->words[c - 1u].lemma, lemma) || !strcmp(s->w->words[through_shares(s, c - 1u)].lemma, lemma)))
            return 1;
    }
    return 0;
}

/* Whether verb i is reflexive ("se présente", "s'est engagée"): the parser takes the "se" for
 * an object as often as for an expletive. */
static int reflexive(const sentence *s, size_t i)
{
    return has_child(s, i, "expl", "se") || has_child(s, i, "obj", "se");
}

static int step_fits(const sentence *s, const dp_frame_step *st, size_t i)
{
    /* an apposition that names a past post says nothing of the event's organisation: "X,
     * ancienne numéro deux des Républicains, a été évincée de ..." */
    if (!st->up && !strcmp(st->rel, "appos")) {
        const char *w = s->text + s->toks[s->w->words[i].token].start;
        if (has_child(s, i, "amod", "ancien") || !strncmp(w, "ex-", 3) || !strncmp(w, "Ex-", 3))
            return 0;
    }
    /* a noun's preposition, or the word that opens a clause ("pour diriger X") */
    if (st->case_word[0] && !has_child(s, i, "case", st->case_word) && !has_child(s, i, "mark", st->case_word))
        return 0;
    /* a complement clause is introduced by "de" or "à" at most; "après avoir été président
     * de X" is an adverbial clause the parser took for one, and names a past post */
    if (!st->up && !strcmp(st->rel, "xcomp"))
        for (uint16_t c = s->first_child[i + 1]; c; c = s->next_sibling[c]) {
            const char *mark = s->w->words[c - 1u].lemma;
            if (rel_matches("mark", rel_of(s, c - 1u)) && strcmp(mark, "de") && strcmp(mark, "à"))
                return 0;
        }
    return !st->lemma[0] || !strcmp(s->w->words[i].lemma, st->lemma);
}

/* Whether word i and a name-like child of it are two entities: "Renault s'est offert A,
 * Orange B" read as a list of "A" and "Orange B", where "Orange B" is a clause whose verb is
 * left out (Orange bought B). */
static int two_names(const sentence *s, size_t i)
{
    int32_t own = s->token_mention[s->w->words[i].token];
    for (uint16_t c = s->first_child[i + 1]; c && own >= 0; c = s->next_sibling[c]) {
        const dp_token *t = &s->toks[s->w->words[c - 1u].token];
        /* a capitalised word the entity does not reach: another name */
        if (rel_matches("flat", rel_of(s, c - 1u)) && t->start >= s->m->items[own].end &&
            (t->flags & DP_TF_CAPITALIZED))
            return 1;
    }
    return 0;
}

/* Whether child c (a word + 1, as first_child and next_sibling hold it) names what its head
 * names: an apposition, a name's next word, or a complement without a preposition ("le
 * groupe Fictivia", "les groupes Google et Facebook"). */
static int name_beside(const sentence *s, uint16_t c)
{
    const char *r = rel_of(s, c - 1u);
    /* a name in brackets is an aside: "BRUXELLES, 24 janvier (Reuters) -" */
    if (has_child(s, c - 1u, "punct", "("))
        return 0;
    /* (a name after a preposition is a complement, however the parser hung it: "un appel à
     * la droite, des Républicains et au RN") */
    return (rel_matches("appos", r) || rel_matches("flat", r) || rel_matches("nmod", r)) &&
           !has_child(s, c - 1u, "case", NULL);
}

/* The class the entity rules give word i's folded form ("groupe": q, "candidate": P), or 0. */
static char word_class_of(const sentence *s, size_t i)
{
    const dp_token *t = &s->toks[s->w->words[i].token];
    char key[64];
    size_t kn = dp_fold_key(s->text + t->start, t->end - t->start, key, sizeof key);
    return kn == (size_t)-1 ? 0 : dp_word_class(&s->e->matcher.classes, key, kn, 0);
}

/* Whether word i is a word for a company ("groupe", "société": class q of the entity rules;
 * "jeune pousse", a start-up, whose "pousse" alone is no company). */
static int company_word(const sentence *s, size_t i)
{
    return word_class_of(s, i) == 'q' ||
           (!strcmp(s->w->words[i].lemma, "pousse") && has_child(s, i, "amod", "jeune"));
}

/* Whether word i names a person or a post: "Bruno Guillon", "le directeur", "une candidate"
 * (a noun the entity rules take to announce a person's name). */
static int names_a_person(const sentence *s, size_t i)
{
    int32_t k = s->token_mention[s->w->words[i].token];
    if (k >= 0 && (s->m->items[k].type == DP_PERSON || s->m->items[k].type == DP_ROLE))
        return 1;
    return word_class_of(s, i) == 'P';
}

static int has_feature(const dp_word *wd, const char *feature)
{
    return strstr(wd->feats, feature) != NULL;
}

/* Whether a person's name is set beside word i: "la juge conservatrice Amy Roux". */
static int person_beside(const sentence *s, size_t i)
{
    for (uint16_t c = s->first_child[i + 1]; c; c = s->next_sibling[c]) {
        int32_t k = s->token_mention[s->w->words[c - 1u].token];
        if (name_beside(s, c) && k >= 0 && s->m->items[k].type == DP_PERSON)
            return 1;
    }
    return 0;
}

/* Whether word i, an adverbial clause, is an aim: "pour présenter", "afin de rejoindre". */
static int is_aim(const sentence *s, size_t i)
{
    return has_child(s, i, "mark", "pour") || has_child(s, i, "mark", "afin");
}

/* Whether verb i, without a subject of its own, takes the subject of the word it hangs on: a
 * complement ("envisage de racheter"), an intent's ("annonce son intention de racheter"), a
 * conjunct, a clause of time or manner told by an infinitive or a gerund ("après avoir
 * quitté", "avant de rejoindre", "en quittant"), or one of purpose ("pour présenter"), whose
 * mood is the verb's it hangs on (see modality). */
static int shares_subject(const sentence *s, size_t i)
{
    const char *r = rel_of(s, i);
    if (rel_matches("xcomp", r) || rel_matches("conj", r))
        return 1;
    /* an intent and its infinitive are the subject's of the verb that takes the intent as
     * object: "Michelin a annoncé son intention de supprimer 300 postes" */
    size_t up = s->w->words[i].head ? s->w->words[i].head - 1u : i;
    if (rel_matches("acl", r) && has_child(s, i, "mark", "de") && has_feature(&s->w->words[i], "VerbForm=Inf") &&
        (word_bits(&s->e->frames, s->w->words[up].lemma) & DP_FRAME_WORD_PLAN) && rel_matches("obj", rel_of(s, up)))
        return 1;
    if (rel_matches("obj", r) && s->w->words[i].upos == DP_NOUN &&
        (word_bits(&s->e->frames, s->w->words[i].lemma) & DP_FRAME_WORD_PLAN) &&
        s->w->words[up].upos == DP_VERB)
        return 1;
    if (!rel_matches("advcl", r) || !strstr(s->w->words[i].feats, "VerbForm=") ||
        strstr(s->w->words[i].feats, "VerbForm=Fin"))
        return 0;
    if (has_child(s, i, "mark", "après") || has_child(s, i, "mark", "avant") || has_child(s, i, "mark", "en") ||
        has_child(s, i, "case", "en"))
        return 1;
    /* "X a profité du salon pour présenter Y", "a quitté Y pour rejoindre Z": an aim is the
     * subject's, or the object's where that is a person (aim_of_object) */
    size_t head = s->w->words[i].head - 1u;
    return is_aim(s, i) && s->w->words[head].upos == DP_VERB;
}

/* Whether word i, an aim that shares a subject, is the aim of its verb's object, a person:
 * "ont choisi Bruno Guillon pour présenter le jeu", "a nommé la juge Amy Roux pour remplacer
 * X" (Guillon presents, Roux replaces). */
static int aim_of_object(const sentence *s, size_t i)
{
    if (!rel_matches("advcl", rel_of(s, i)) || !s->w->words[i].head || !is_aim(s, i))
        return 0;
    size_t head = s->w->words[i].head - 1u;
    for (uint16_t c = s->first_child[head + 1]; c; c = s->next_sibling[c])
        if (rel_matches("obj", rel_of(s, c - 1u)) && (names_a_person(s, c - 1u) || person_beside(s, c - 1u)))
            return 1;
    return 0;
}

/* The verb whose subject verb i has: i itself, or, where i has none of its own, the verb it
 * shares its subject with (shares_subject; not an aim its verb's object pursues), up to three
 * levels: "Renault envisage de racheter Nissan", "400 postes vont être supprimés". */
static size_t subject_verb(const sentence *s, size_t i)
{
    for (int up = 0; up < 3 && !has_child(s, i, "nsubj", NULL) && !has_child(s, i, "nsubj:pass", NULL) &&
                     s->w->words[i].head && shares_subject(s, i) && !aim_of_object(s, i);
         up++)
        i = s->w->words[i].head - 1u;
    return i;
}

/* Whether verb t has no subject of its own and the one it shares (subject_verb) has this
 * lemma: "400 postes vont être supprimés" has the "postes" that "supprimer+nsubj:pass=poste"
 * needs, the parser giving them to "vont". */
static int shared_subject_is(const sentence *s, size_t t, const char *lemma)
{
    size_t v = subject_verb(s, t);
    for (uint16_t c = s->first_child[v + 1]; c && v != t; c = s->next_sibling[c])
        if (is_subject(rel_of(s, c - 1u)) && (!strcmp(s->w->words[c - 1u].lemma, lemma) ||
                                              !strcmp(s->w->words[through_shares(s, c - 1u)].lemma, lemma)))
            return 1;
    return 0;
}

/* Whether word i is a past participle with no auxiliary nor object, which French never gives
 * an active subject: what the parser reads as its subject is what it was done to ("Cette
 * McLaren 620R dévoilée en décembre par McLaren Automotive, ...", read with no finite verb).
 * A form the tagger may take for one ("Renault craint 300 suppressions") has an object. */
static int bare_participle(const sentence *s, size_t i)
{
    const dp_word *wd = &s->w->words[i];
    return wd->upos == DP_VERB && has_feature(wd, "VerbForm=Part") && has_feature(wd, "Tense=Past") &&
           !has_child(s, i, "aux", NULL) && !has_child(s, i, "cop", NULL) && !has_child(s, i, "obj", NULL);
}

/* The words a path leads to from word `from`, conjuncts included ("Oliver Hoffmann et Julius
 * Seebach"); at most cap. */
static size_t follow(const sentence *s, const dp_frame_path *p, size_t from, size_t *out, size_t cap)
{
    size_t cur[16], n = 1, next[16];
    cur[0] = from;
    for (size_t k = 0; k < p->n_steps && n; k++) {
        const dp_frame_step *st = &p->steps[k];
        size_t m = 0;
        for (size_t j = 0; j < n; j++) {
            const dp_word *wd = &s->w->words[cur[j]];
            if (st->up) {
                /* the noun a past participle qualifies is what is done to it ("la Clio
                 * présentée par Renault", "qui sera présentée"); not where the clause has a
                 * subject of its own ("la chaîne, qui lance de nouveaux formats" launches them;
                 * "M. X, qui a écarté tout risque": the subject, which "qui" gives) or the
                 * participle is present ("une Ford GT présentant peu de kilomètres") */
                int done_to = !rel_matches("acl", st->rel) ||
                              (has_feature(wd, "VerbForm=Part") && has_feature(wd, "Tense=Past") &&
                               !has_child(s, cur[j], "nsubj", NULL));
                /* an apposition follows what it describes: one the parser hung on a word after
                 * it is misread ("X (nouveau président de Y), Z (...)") */
                int appos_back = rel_matches("appos", st->rel) && wd->head && wd->head - 1u > cur[j];
                if (wd->head && done_to && !appos_back && rel_matches(st->rel, rel_of(s, cur[j])) &&
                    step_fits(s, st, wd->head - 1u) && m < 16)
                    next[m++] = wd->head - 1u;
                continue;
            }
            size_t had = m;
            int bare = bare_participle(s, cur[j]);
            for (uint16_t c = s->first_child[cur[j] + 1]; c && m < 16; c = s->next_sibling[c]) {
                const char *r = rel_of(s, c - 1u);
                if (bare && !strcmp(r, "nsubj"))
                    r = "nsubj:pass";
                if ((rel_matches(st->rel, r) || counted_object(s, c - 1u, st->rel)) && step_fits(s, st, c - 1u))
                    next[m++] = c - 1u;
            }
            /* a verb without a subject of its own shares the subject of the verb it completes
             * or is coordinated with: "Renault envisage de racheter Nissan", "Renault rachète
             * Nissan et supprime 300 postes", "Après avoir été nommé à la tête de Publicis, Jean
             * Martin...", "En quittant Renault, Paul Martin..." */
            size_t at = cur[j];
            for (int up = 0; m == had && k == 0 && (!strcmp(st->rel, "nsubj") || !strcmp(st->rel, "nsubj:pass")) &&
                             up < 3 && s->w->words[at].head && shares_subject(s, at);
                 up++) {
                int complement = rel_matches("xcomp", rel_of(s, at)) || aim_of_object(s, at);
                at = s->w->words[at].head - 1u;
                /* a complement's subject is the object where there is one: "EELV appelle X à
                 * démissionner", "pousse X à quitter Renault"; or the one it is asked of:
                 * "a suggéré à X de quitter", "demande à X de démissionner" (not a day the
                 * parser took for an object: "X a annoncé jeudi avoir porté plainte") */
                for (uint16_t c = s->first_child[at + 1]; complement && c && m < 16; c = s->next_sibling[c])
                    if (rel_matches("obj", rel_of(s, c - 1u)) && strcmp(s->w->words[c - 1u].lemma, "se") &&
                        !dp_date_weekday_of(&s->e->dates, s->text, &s->toks[s->w->words[c - 1u].token]) &&
                        step_fits(s, st, c - 1u))
                        next[m++] = c - 1u;
                for (uint16_t c = s->first_child[at + 1]; complement && m == had && c && m < 16; c = s->next_sibling[c])
                    if ((rel_matches("iobj", rel_of(s, c - 1u)) ||
                         (rel_matches("obl", rel_of(s, c - 1u)) && has_child(s, c - 1u, "case", "à"))) &&
                        (word_bits(&s->e->frames, s->w->words[at].lemma) & DP_FRAME_WORD_DEMAND) &&
                        step_fits(s, st, c - 1u))
                        next[m++] = c - 1u;
                if (m > had)
                    break;
                for (uint16_t c = s->first_child[at + 1]; c && m < 16; c = s->next_sibling[c])
                    if (is_subject(rel_of(s, c - 1u)) && step_fits(s, st, c - 1u))
                        next[m++] = c - 1u;
            }
        }
        memcpy(cur, next, m * sizeof *cur);
        n = m;
        /* on the way, a quantity stands for what it counts: "plus de 300 salariés de X", which
         * the treebanks hang on "plus" */
        for (size_t j = 0; j < n && k + 1 < p->n_steps; j++)
            if (s->w->words[cur[j]].upos == DP_ADV)
                cur[j] = through_shares(s, cur[j]);
    }
    /* a share of something stands for it: "a racheté la totalité du capital de X", "l'ensemble
     * des activités de X", "51 % de X" */
    for (size_t j = 0; j < n; j++)
        cur[j] = through_shares(s, cur[j]);
    /* what an apposition describes is its head alone, not the head's conjuncts: "X (nouveau
     * président de Y), Z (...)" */
    const dp_frame_step *last_step = p->n_steps ? &p->steps[p->n_steps - 1] : NULL;
    int described = last_step && last_step->up && rel_matches("appos", last_step->rel);
    size_t k = 0;
    for (size_t j = 0; j < n && k < cap; j++) {
        /* "Selon Reuters, Atos rachète X", read "Reuters, Atos" as the subject: a source
         * reports, it takes no part; what it heads still may */
        if (!has_child(s, cur[j], "case", "selon"))
            out[k++] = cur[j];
        /* a product's conjuncts are products only after a name: "la Clio et la Mégane", not
         * "un appel à la droite, aux Républicains et au RN" */
        const dp_word *reached = &s->w->words[cur[j]];
        int common = reached->upos == DP_NOUN &&
                     !(s->toks[reached->token].flags & (DP_TF_CAPITALIZED | DP_TF_ALLCAPS));
        /* (a noun with a name beside it stands for the name: "la nouvelle Clio et le nouveau
         * Captur", whose second name the parser hangs on "nouvelle") */
        int named = 0;
        for (uint16_t c = s->first_child[cur[j] + 1]; c && common && !named; c = s->next_sibling[c])
            named = name_beside(s, c) && s->w->words[c - 1u].upos == DP_PROPN;
        for (uint16_t c = s->first_child[cur[j] + 1]; c && k < cap && !described; c = s->next_sibling[c]) {
            if (rel_matches("conj", rel_of(s, c - 1u)) && !two_names(s, c - 1u) &&
                !(p->arg == DP_ARG_PRODUCT && common && !(named && s->w->words[c - 1u].upos == DP_PROPN)))
                out[k++] = c - 1u;
            /* the conjuncts of a name beside a noun: "les groupes Google et Facebook" */
            if (name_beside(s, c))
                for (uint16_t d = s->first_child[c]; d && k < cap; d = s->next_sibling[d])
                    if (rel_matches("conj", rel_of(s, d - 1u)) && !two_names(s, d - 1u))
                        out[k++] = d - 1u;
        }
    }
    return k;
}

static int arg_wants_org(int arg)
{
    return arg != DP_ARG_PERSON && arg != DP_ARG_PREDECESSOR && arg != DP_ARG_ROLE &&
           arg != DP_ARG_PRODUCT;
}

/* A name no list knows and no evidence typed, in the place of an organisation: the
 * construction is the evidence ("Fictivia a été placée en redressement judiciaire", "Danone
 * rachète Fictivia"). Word i, or a name beside it ("la marque Fictivia"), must be a proper noun
 * to the tagger, and nothing around the name may say it is a person or a place. The name
 * becomes an organisation of the article when the event is output. */
static int unknown_organisation(const sentence *s, size_t i, dp_event_arg_value *v)
{
    size_t at = i;
    int32_t u = s->token_unknown[s->w->words[i].token];
    for (uint16_t c = s->first_child[i + 1]; c && u < 0; c = s->next_sibling[c])
        if (name_beside(s, c))
            u = s->token_unknown[s->w->words[(at = c - 1u)].token];
    if (u < 0 || (s->w->words[at].upos != DP_PROPN && s->w->words[at].upos != DP_X))
        return 0;
    const dp_unknown_name *name = &s->m->unknown[u];
    /* a title in capitals ("PREMIÈRES RÉACTIONS"), or one word of it, names nothing */
    size_t first = 0, words = 0, shouted = 0;
    while (first < s->n_toks && s->token_unknown[first] != u)
        first++;
    for (size_t k = first; k < s->n_toks && s->token_unknown[k] == u; k++) {
        words++;
        shouted += (s->toks[k].flags & DP_TF_ALLCAPS) &&
                   (words > 1 || dp_evidence_common_word(&s->e->syntax.morpho, s->text, &s->toks[k]));
    }
    if (shouted && shouted + 1 >= words)
        return 0;
    /* one French word with a capital ("l'Etablissement de ...", "la Culture") starts a longer
     * name or names none */
    if (words == 1 && !dp_evidence_foreign_word(&s->e->syntax.morpho, s->text, &s->toks[first]))
        return 0;
    /* a company's name goes without an article, unless it is an acronym ("la SNCF"): "la
     * DeepTech" is a start-up named by its trade */
    if (words == 1 && first > 0 && !(s->toks[first].flags & DP_TF_ALLCAPS) &&
        s->w->words[at].token == first && has_child(s, at, "det", "le") &&
        name->evidence.weight[DP_EVIDENCE_ORG] <= 0)
        return 0;
    /* a name in quotation marks is a title: a film, a show, a song ("The Polar Express", "Get
     * lucky") */
    if (first > 0 && dp_token_is_quote(s->text, &s->toks[first - 1]))
        return 0;
    if (!dp_evidence_may_be_org(&name->evidence))
        return 0;
    /* one thing of a make: "cette GT développée avec Porsche" */
    if (dp_event_one_of_a_kind(s->text, name->start, name->end))
        return 0;
    v->set = 1;
    v->mention = -1;
    v->cp_start = name->cp_start;
    v->cp_end = name->cp_end;
    v->text_key = dp_hash_bytes(s->text + name->start, name->end - name->start);
    return 1;
}

/* The last word of token tk (a contraction, "du", is two words), or n_words when none. */
static size_t word_of_token(const sentence *s, uint32_t tk)
{
    size_t found = s->w->n_words;
    for (size_t j = 0; j < s->w->n_words && s->w->words[j].token <= tk; j++)
        if (s->w->words[j].token == tk)
            found = j;
    return found;
}

/* Whether the words of noun's phrase end just before word i (a comma between): "Paul Martin,
 * qui", "l'un de ses proches qui". A relative clause is the attachment the parser gets wrong
 * most often; a far one ("la stratégie du groupe, annoncée en mai, qui entraîne") is not trusted. */
static int just_before(const sentence *s, size_t noun, size_t i)
{
    uint32_t tk = s->w->words[i].token;
    if (tk > 0 && s->text[s->toks[tk - 1].start] == ',')
        tk--;
    if (tk == 0 || s->w->words[noun].token >= tk)
        return 0;
    size_t prev = word_of_token(s, tk - 1);
    if (prev == s->w->n_words)
        prev = noun;
    /* up the phrase, not from one name to another ("Interrogé par X, Y qui a ..."), though
     * through a description ("X, ancien bras droit de Y, qui a quitté ...") */
    for (int up = 0; up < 3 && prev != noun && s->w->words[prev].head; up++) {
        const dp_word *pw = &s->w->words[prev];
        int32_t k = s->token_mention[pw->token];
        /* (the name a description opens with is the noun's own: "l'écologiste Paul Martin,
         * qui a démissionné") */
        if ((rel_matches("appos", rel_of(s, prev)) || rel_matches("conj", rel_of(s, prev))) &&
            (pw->upos == DP_PROPN || (k >= 0 && s->m->items[k].type != DP_ROLE)) &&
            !(rel_matches("appos", rel_of(s, prev)) && pw->head - 1u == noun && pw->token == s->w->words[noun].token + 1))
            break;
        prev = pw->head - 1u;
    }
    return prev == noun;
}

/* "les deux groupes", "les deux sociétés": the two companies named last before word i, as
 * the values a and b ("Renault et Nissan discutent. Les deux groupes ont signé un accord"). */
static int the_two_named_before(const sentence *s, size_t i, dp_event_arg_value *a, dp_event_arg_value *b)
{
    const dp_word *wd = &s->w->words[i];
    const dp_token *t = &s->toks[wd->token];
    if (wd->upos != DP_NOUN || !strstr(wd->feats, "Number=Plur") || !has_child(s, i, "det", "le") ||
        !has_child(s, i, "nummod", "deux") || !company_word(s, i))
        return 0;
    int32_t last = dp_event_antecedent(s->e, s->text, s->m, s->toks[0].start, t->start,
                                       DP_ANTECEDENT_COMPANY, -1);
    int32_t before = last < 0 ? -1
                              : dp_event_antecedent(s->e, s->text, s->m, s->toks[0].start,
                                                    s->m->items[last].start, DP_ANTECEDENT_COMPANY,
                                                    s->m->items[last].entity);
    if (before < 0)
        return 0;
    dp_event_arg_value *v[2] = {a, b};
    int32_t k[2] = {before, last};
    for (int j = 0; j < 2; j++) {
        memset(v[j], 0, sizeof *v[j]);
        v[j]->set = 1;
        v[j]->mention = k[j];
        v[j]->cp_start = s->m->items[k[j]].cp_start;
        v[j]->cp_end = s->m->items[k[j]].cp_end;
    }
    return 1;
}

/* Whether the words under noun i name something: "le groupe Avril", "la société française de
 * capital-investissement Ardian"; not through a clause ("le groupe, qui possède Renault,"), nor
 * by the capital of a sentence's first word ("Le groupe a racheté X"). Another noun joined to it
 * names something only by a company's name ("le groupe aéronautique et de défense Safran"; not
 * "cofondateur de la plateforme et mari de Serena Williams"). *company: the first company's
 * mention found, if any. */
static int names_within(const sentence *s, size_t i, int depth, int companies_only, int32_t *company)
{
    for (uint16_t c = s->first_child[i + 1]; c && depth > 0; c = s->next_sibling[c]) {
        const dp_word *cw = &s->w->words[c - 1u];
        const char *r = rel_of(s, c - 1u);
        if (rel_matches("acl", r) || rel_matches("advcl", r) || rel_matches("parataxis", r) ||
            rel_matches("punct", r))
            continue;
        int32_t k = s->token_mention[cw->token];
        int org = k >= 0 && s->m->items[k].type == DP_ORG;
        /* a name after "de" says where it is ("le constructeur de Stuttgart"), or whose it is
         * ("la filiale de Renault"): not the company itself, and only a company names one */
        int of = has_child(s, c - 1u, "case", "de");
        if (org && *company < 0 && !of)
            *company = k;
        int name = companies_only || of ? org
                                        : cw->upos == DP_PROPN ||
                                              (cw->token && (s->toks[cw->token].flags & DP_TF_CAPITALIZED));
        /* a company's word after "de" is another company, the owner: "le site du groupe X" */
        int32_t none = -1, *under = of && company_word(s, c - 1u) ? &none : company;
        if (name || names_within(s, c - 1u, depth - 1, companies_only || rel_matches("conj", r), under))
            return 1;
    }
    return 0;
}

/* Whether token t holds a capital letter, at its start or inside ("iPhone"). */
static int has_capital(const char *text, const dp_token *t)
{
    for (uint32_t b = t->start; b < t->end; b++)
        if (text[b] >= 'A' && text[b] <= 'Z')
            return 1;
    return 0;
}

/* Whether token tk is a model's code: letters and figures with a capital ("S6", "99X",
 * "ID.3" apart) */
static int model_code(const sentence *s, uint32_t tk)
{
    const dp_token *t = &s->toks[tk];
    return t->kind == DP_TOK_WORD && dp_token_has_digit(s->text, t) && has_capital(s->text, t);
}

/* Whether the partner in slot `slot` is one a slot before it names already: "le suédois
 * Ericsson et l'américain Cisco" reached by the subject and by its apposition */
static int partner_named(const sentence *s, const dp_event *ev, int slot)
{
    const dp_event_arg_value *v = &ev->args[slot];
    for (int a = DP_ARG_PARTNER1; a < slot; a++) {
        const dp_event_arg_value *w = &ev->args[a];
        if (!w->set)
            continue;
        if (v->mention >= 0 && w->mention >= 0
                ? s->m->items[v->mention].entity == s->m->items[w->mention].entity
                : v->cp_start == w->cp_start && v->cp_end == w->cp_end)
            return 1;
    }
    return 0;
}

/* The last word of word i's phrase. */
static size_t phrase_end(const sentence *s, size_t i)
{
    size_t end = i;
    for (uint16_t c = s->first_child[i + 1]; c; c = s->next_sibling[c]) {
        size_t e = phrase_end(s, c - 1u);
        if (e > end)
            end = e;
    }
    return end;
}

/* The name a noun is given ("un nouveau SUV baptisé Austral", "une émission baptisée
 * « Strike »", "un concept répondant au nom de « Prophecy »", "présenté sous le nom de X"): the
 * word naming it, or 0. */
static size_t given_name(const sentence *s, size_t i)
{
    for (uint16_t c = s->first_child[i + 1]; c; c = s->next_sibling[c]) {
        size_t k = c - 1u;
        const char *r = rel_of(s, k);
        size_t nom = 0;
        if (rel_matches("acl", r) && (word_bits(&s->e->frames, s->w->words[k].lemma) & DP_FRAME_WORD_NAMING)) {
            for (uint16_t d = s->first_child[k + 1]; d; d = s->next_sibling[d])
                if (rel_matches("xcomp", rel_of(s, d - 1u)) || rel_matches("obj", rel_of(s, d - 1u)))
                    return d - 1u;
        } else if (rel_matches("acl", r)) {
            /* "répondant au nom de X", "présentée sous le nom de X" */
            int answers = !strcmp(s->w->words[k].lemma, "répondre");
            for (uint16_t d = s->first_child[k + 1]; d; d = s->next_sibling[d])
                if (!strcmp(s->w->words[d - 1u].lemma, "nom") && (answers || has_child(s, d - 1u, "case", "sous")))
                    nom = d - 1u;
        } else if (rel_matches("nmod", r) && !strcmp(s->w->words[k].lemma, "nom") && has_child(s, k, "case", "sous"))
            nom = k;
        for (uint16_t d = nom ? s->first_child[nom + 1] : 0; d; d = s->next_sibling[d])
            if (rel_matches("nmod", rel_of(s, d - 1u)) && has_child(s, d - 1u, "case", "de"))
                return d - 1u;
    }
    return 0;
}

/* Whether verb i has a subject that a name says, a person's or an organisation's: "Jean Morel
 * dément", not "les fonctions cessent". */
static int named_subject(const sentence *s, size_t i)
{
    for (uint16_t c = s->first_child[i + 1]; c; c = s->next_sibling[c]) {
        int32_t k = s->token_mention[s->w->words[c - 1u].token];
        if (rel_matches("nsubj", rel_of(s, c - 1u)) && k >= 0 &&
            (s->m->items[k].type == DP_PERSON || s->m->items[k].type == DP_ORG))
            return 1;
    }
    return 0;
}

/* Whether a comma stands between tokens a and b. */
static int comma_between(const sentence *s, uint32_t a, uint32_t b)
{
    for (uint32_t k = a + 1; k < b; k++)
        if (s->toks[k].kind == DP_TOK_PUNCT && s->text[s->toks[k].start] == ',')
            return 1;
    return 0;
}

/* The capitalised word set beside noun i by a comma, an article between ("sa nouvelle
 * citadine, la Twingo"), when the parser hung it higher, on a word above the noun: its index,
 * or 0 (never a noun's apposition: a sentence's first word). */
static size_t apposed_after(const sentence *s, size_t i)
{
    size_t j = phrase_end(s, i) + 1;
    if (j + 1 >= s->w->n_words || s->w->words[j].upos != DP_PUNCT || s->text[s->toks[s->w->words[j].token].start] != ',')
        return 0;
    j++;
    if (s->w->words[j].upos == DP_DET && j + 1 < s->w->n_words)
        j++;
    const dp_word *wj = &s->w->words[j];
    if (wj->upos != DP_PROPN && !(s->toks[wj->token].flags & DP_TF_CAPITALIZED))
        return 0;
    for (size_t up = i; s->w->words[up].head; up = s->w->words[up].head - 1u)
        if (wj->head == s->w->words[up].head)
            return j;
    return 0;
}

/* A value that is the words at code points [cp_start, cp_end), or mention k (-1: none). */
static int quantity_value(dp_event_arg_value *v, int32_t k, uint32_t cp_start, uint32_t cp_end)
{
    v->set = 1;
    v->mention = k;
    v->cp_start = cp_start;
    v->cp_end = cp_end;
    return 1;
}

/* The amount of money word i is part of ("pour 3 milliards d'euros": "milliards"), or the
 * number that counts word i ("300 postes", "plus de 1 000 emplois"; a number itself too): the
 * value of an amount or a count. A year or a day counts nothing. */
static int quantity_of(const sentence *s, int arg, size_t i, dp_event_arg_value *v)
{
    const dp_word *wd = &s->w->words[i];
    if (arg == DP_ARG_AMOUNT) {
        int32_t k = s->token_mention[wd->token];
        if (k >= 0 && s->m->items[k].type == DP_MONEY)
            return quantity_value(v, k, s->m->items[k].cp_start, s->m->items[k].cp_end);
        /* a sum the text leaves without its currency: "Avec 9,3 millions levés, ..." */
        if (strcmp(wd->lemma, "million") && strcmp(wd->lemma, "milliard"))
            return 0;
        for (uint16_t c = s->first_child[i + 1]; c; c = s->next_sibling[c])
            if (rel_matches("nummod", rel_of(s, c - 1u)) && s->w->words[c - 1u].upos == DP_NUM && c - 1u < i)
                return quantity_value(v, -1, s->toks[s->w->words[c - 1u].token].cp_start,
                                      s->toks[wd->token].cp_end);
        return 0;
    }
    /* a share of the staff is no number of jobs: "25 % de leurs effectifs" */
    if (!strcmp(wd->lemma, "%") || !strcmp(wd->lemma, "pourcent"))
        return 0;
    size_t number = i;
    if (wd->upos != DP_NUM)
        for (uint16_t c = s->first_child[i + 1]; c && number == i; c = s->next_sibling[c])
            if (rel_matches("nummod", rel_of(s, c - 1u)) && s->w->words[c - 1u].upos == DP_NUM)
                number = c - 1u;
    const dp_word *nw = &s->w->words[number];
    int32_t k = s->token_mention[nw->token];
    if (nw->upos != DP_NUM || (k >= 0 && (s->m->items[k].type == DP_DATE || s->m->items[k].type == DP_MONEY)))
        return 0;
    return quantity_value(v, -1, s->toks[nw->token].cp_start, s->toks[nw->token].cp_end);
}

/* Whether word i is an English word for a kind of model, capitalised as English writes it and
 * unknown to the French lexicon ("sa nouvelle Supercar, la Maserati MC20", "l'Hypercar
 * Evija"): a word for a model, as "modèle" is, and no model's name. */
static int english_kind(const sentence *s, size_t i)
{
    const dp_token *t = &s->toks[s->w->words[i].token];
    if (!(t->flags & DP_TF_CAPITALIZED) || (t->flags & (DP_TF_ALLCAPS | DP_TF_SENTENCE_START)))
        return 0;
    char low[DP_MORPHO_MAX_WORD];
    size_t n = dp_lowercase(s->text + t->start, t->end - t->start, low, sizeof low - 1);
    if (n == (size_t)-1 || !n)
        return 0;
    low[n] = '\0';
    dp_reading r[1];
    return (word_bits(&s->e->frames, low) & DP_FRAME_WORD_MODEL) &&
           !dp_morpho_readings(&s->e->syntax.morpho, low, n, r, 1);
}

static int phrase_holds(const sentence *s, size_t i, uint32_t cp_start, uint32_t cp_end, int depth,
                        int complements);

/* The subject of the verb of speech that reports the clause of word i, a first person ("«
 * Je quitte Fictivia », a annoncé Paul Roux": Roux; "Paul Roux a déclaré : « je démissionne »"),
 * or (size_t)-1: the reporting clause is set beside the quotation (parataxis), one way or the
 * other. */
static size_t speaker_of(const sentence *s, size_t i)
{
    if (!s->w->words[i].head)
        return (size_t)-1;
    size_t clause = s->w->words[i].head - 1u, verbs[2] = {(size_t)-1, (size_t)-1};
    if (rel_matches("parataxis", rel_of(s, clause)) && s->w->words[clause].head)
        verbs[0] = s->w->words[clause].head - 1u;
    for (uint16_t c = s->first_child[clause + 1]; c && verbs[1] == (size_t)-1; c = s->next_sibling[c])
        if (rel_matches("parataxis", rel_of(s, c - 1u)))
            verbs[1] = c - 1u;
    for (int k = 0; k < 2; k++) {
        if (verbs[k] == (size_t)-1 || !(word_bits(&s->e->frames, s->w->words[verbs[k]].lemma) & DP_FRAME_WORD_SPEECH))
            continue;
        for (uint16_t c = s->first_child[verbs[k] + 1]; c; c = s->next_sibling[c])
            if (is_subject(rel_of(s, c - 1u)) && strcmp(s->w->words[c - 1u].lemma, "je"))
                return c - 1u;
    }
    return (size_t)-1;
}

/* The value of argument arg of an event of type `type`, named by word i: the entity mention it is part of, a mention among
 * its name-like children ("le fonds américain Apollo"), what a pronoun or a description
 * ("il", "le groupe") stands for, or, for a product, its words. 0 when none. */
static int value_of(const sentence *s, int type, int arg, size_t i, dp_event_arg_value *v, float *cost)
{
    const dp_word *wd = &s->w->words[i];
    const dp_token *t = &s->toks[wd->token];
    memset(v, 0, sizeof *v);
    v->mention = -1;
    /* goods or a work bought is no company, whatever name they bear: "achète une console
     * Epoch" */
    if (arg == DP_ARG_TARGET && type == DP_EV_ACQUISITION && wd->upos == DP_NOUN &&
        (word_bits(&s->e->frames, wd->lemma) & DP_FRAME_WORD_GOODS))
        return 0;
    /* a relative pronoun stands for the word its clause hangs on: "Paul Martin, qui a rejoint
     * Google", "Olivier Roux, l'un de ses proches qui a claqué la porte du parti" */
    /* and the object one: "un parti qu'elle avait rejoint en 2002" (not the "que" of what is
     * said, whose verb has an object of its own: "explique au JDD qu'elle quitte le parti") */
    int relative_object = wd->upos == DP_PRON && !strcmp(wd->lemma, "que") && rel_matches("obj", rel_of(s, i));
    for (uint16_t c = relative_object && wd->head ? s->first_child[wd->head] : 0; c; c = s->next_sibling[c])
        if (c - 1u != i && rel_matches("obj", rel_of(s, c - 1u)))
            relative_object = 0;
    if (wd->upos == DP_PRON && wd->head && ((!strcmp(wd->lemma, "qui") && is_subject(rel_of(s, i))) || relative_object)) {
        size_t clause = wd->head - 1u;
        while (s->w->words[clause].head && (rel_matches("xcomp", rel_of(s, clause)) || rel_matches("conj", rel_of(s, clause))))
            clause = s->w->words[clause].head - 1u;
        if (!rel_matches("acl", rel_of(s, clause)) || !s->w->words[clause].head)
            return 0;
        size_t noun = s->w->words[clause].head - 1u;
        if (!just_before(s, noun, i))
            return 0;
        if (value_of(s, type, arg, noun, v, cost))
            return 1;
        return rel_matches("appos", rel_of(s, noun)) && s->w->words[noun].head &&
               value_of(s, type, arg, s->w->words[noun].head - 1u, v, cost);
    }
    if (arg == DP_ARG_AMOUNT || arg == DP_ARG_COUNT)
        return quantity_of(s, arg, i, v);
    /* "je" in a quotation is its speaker */
    if (wd->upos == DP_PRON && !strcmp(wd->lemma, "je") && arg != DP_ARG_PRODUCT) {
        size_t speaker = speaker_of(s, i);
        return speaker != (size_t)-1 && value_of(s, type, arg, speaker, v, cost);
    }
    if (arg == DP_ARG_PRODUCT) {
        /* a thing with the name it is given: "un nouveau SUV baptisé Austral" */
        size_t named = wd->upos == DP_NOUN ? given_name(s, i) : 0;
        if (named && value_of(s, type, arg, named, v, cost))
            return 1;
        /* a common noun before the name: "la nouvelle Peugeot 308", "les packs SportDesign",
         * "les berlines S6 et S7" (a model's code, which the tagger reads as anything); not the
         * noun's abbreviation ("une offre publique d'achat (OPA)"), nor a name with a capital
         * inside ("l'iPhone 15 Pro") */
        int kind = english_kind(s, i);
        int common_noun = kind || (wd->upos == DP_NOUN && ((!(t->flags & (DP_TF_CAPITALIZED | DP_TF_ALLCAPS)) &&
                                                            !has_capital(s->text, t)) ||
                                                           ((t->flags & DP_TF_ALLCAPS) &&
                                                            dp_evidence_common_word(&s->e->syntax.morpho, s->text, t))));
        if (common_noun) /* "son SUV Q7" names the Q7 */
            for (uint16_t c = s->first_child[i + 1]; c; c = s->next_sibling[c]) {
                const dp_word *cw = &s->w->words[c - 1u];
                if (name_beside(s, c) &&
                    (cw->upos == DP_PROPN || cw->upos == DP_X || model_code(s, cw->token)) &&
                    cw->token > wd->token && s->text[s->toks[cw->token - 1].start] != '(') {
                    if (!value_of(s, type, arg, c - 1u, v, cost))
                        return 0;
                    /* and the capitalised words between the noun and the name, which the
                     * tagger may read as adjectives: "sa version TT RS" */
                    uint32_t first = cw->token;
                    while (first - 1 > wd->token && s->toks[first - 1].kind == DP_TOK_WORD &&
                           ((s->toks[first - 1].flags & (DP_TF_CAPITALIZED | DP_TF_ALLCAPS)) ||
                            model_code(s, first - 1)))
                        first--;
                    if (first < cw->token) {
                        v->cp_start = s->toks[first].cp_start;
                        uint32_t last = cw->token;
                        while (last + 1 < s->n_toks && s->toks[last + 1].cp_end <= v->cp_end)
                            last++;
                        v->text_key = dp_hash_bytes(s->text + s->toks[first].start,
                                                    s->toks[last].end - s->toks[first].start);
                    }
                    return 1;
                }
            }
        /* a word for a model with no name beside it stands for the one its apposition names
         * ("la version découvrable de sa F8 Tributo, la F8 Spider"; the parser often hangs it
         * on the verb), not for a description ("son modèle GLB, un SUV") */
        if (kind || (wd->upos == DP_NOUN && !(t->flags & (DP_TF_CAPITALIZED | DP_TF_ALLCAPS)) &&
                     (word_bits(&s->e->frames, wd->lemma) & DP_FRAME_WORD_MODEL))) {
            for (uint16_t c = s->first_child[i + 1]; c; c = s->next_sibling[c])
                if (rel_matches("appos", rel_of(s, c - 1u)) && c - 1u > i && !has_child(s, c - 1u, "det", "un") &&
                    comma_between(s, wd->token, s->w->words[c - 1u].token) && value_of(s, type, arg, c - 1u, v, cost))
                    return 1;
            size_t after = apposed_after(s, i);
            if (after && value_of(s, type, arg, after, v, cost))
                return 1;
            /* or the named model it is of: "la nouvelle génération de son Audi S3", "la
             * dernière évolution de sa BMW Série 6" (not "la version ZR1 de sa Corvette": a
             * version with a name of its own) */
            const dp_token *next = wd->token + 1 < s->n_toks ? &s->toks[wd->token + 1] : NULL;
            int own_name = next && (next->kind == DP_TOK_NUMBER || (next->flags & (DP_TF_CAPITALIZED | DP_TF_ALLCAPS)));
            for (uint16_t c = own_name ? 0 : s->first_child[i + 1]; c; c = s->next_sibling[c]) {
                const dp_word *cw = &s->w->words[c - 1u];
                if (rel_matches("nmod", rel_of(s, c - 1u)) && c - 1u > i && has_child(s, c - 1u, "case", "de") &&
                    (cw->upos == DP_PROPN || (s->toks[cw->token].flags & DP_TF_CAPITALIZED)) &&
                    value_of(s, type, arg, c - 1u, v, cost))
                    return 1;
            }
        }

        if (kind) /* "son Hypercar 100 % électrique": no name */
            return 0;
        /* the word and the name-like words after it: "iPhone 15 Pro" */
        uint32_t last = wd->token;
        for (uint16_t c = s->first_child[i + 1]; c; c = s->next_sibling[c]) {
            const char *r = rel_of(s, c - 1u);
            uint32_t tk = s->w->words[c - 1u].token;
            /* (a body's lowercase word after a model's name is part of it: "la nouvelle A3
             * berline", "la Clio break") */
            int body = s->w->words[c - 1u].upos == DP_NOUN && !(s->toks[tk].flags & (DP_TF_CAPITALIZED | DP_TF_ALLCAPS)) &&
                       (word_bits(&s->e->frames, s->w->words[c - 1u].lemma) & DP_FRAME_WORD_BODY) &&
                       (wd->upos == DP_PROPN || wd->upos == DP_NUM || model_code(s, wd->token));
            int name_like = s->w->words[c - 1u].upos == DP_NUM || body ||
                            (s->toks[tk].flags & (DP_TF_CAPITALIZED | DP_TF_ALLCAPS));
            if ((rel_matches("flat", r) || rel_matches("nummod", r) || rel_matches("compound", r) ||
                 ((rel_matches("nmod", r) || rel_matches("amod", r) || rel_matches("appos", r)) &&
                  name_like)) &&
                tk == last + 1)
                last = tk;
        }
        /* and the name's words the parser hung elsewhere: a number or a capitalised word
         * right after it that hangs on a word of the name or on the name's own head ("la
         * Mustang Mach 1", "la Mustang NASCAR Cup") */
        while (last + 1 < s->n_toks) {
            const dp_token *nt = &s->toks[last + 1];
            size_t j = word_of_token(s, last + 1);
            uint16_t h = j < s->w->n_words ? s->w->words[j].head : 0;
            if ((nt->kind != DP_TOK_NUMBER && !(nt->flags & (DP_TF_CAPITALIZED | DP_TF_ALLCAPS))) || !h)
                break;
            uint32_t ht = s->w->words[h - 1].token;
            if ((ht < wd->token || ht > last) && h != s->w->words[i].head)
                break;
            last++;
        }
        /* a person is no product ("..., lance Nicolas Hulot": a speaker), nor a place
         * ("dévoilée depuis le Canada, la Chine et l'Allemagne"; a model may take one's name
         * further in: "la Jaguar XE Reims Edition"), nor a common word in capitals */
        for (uint32_t tk = wd->token; tk <= last; tk++)
            if (s->token_mention[tk] >= 0 && (s->m->items[s->token_mention[tk]].type == DP_PERSON ||
                                              (tk == wd->token && s->m->items[s->token_mention[tk]].type == DP_PLACE)))
                return 0;
        if ((t->flags & DP_TF_ALLCAPS) && dp_evidence_common_word(&s->e->syntax.morpho, s->text, t))
            return 0;
        /* nor a pronoun ("Nous voterons la motion présentée par..."), nor a common word that
         * only opens its sentence ("Production lancée pour...", "Exemple avec les glaces...") */
        if (wd->upos == DP_PRON ||
            ((t->flags & DP_TF_SENTENCE_START) && wd->upos != DP_PROPN && wd->upos != DP_X && last == wd->token &&
             dp_evidence_common_word(&s->e->syntax.morpho, s->text, t)))
            return 0;
        /* nor a company's name alone ("Nouvelle concession Bugatti", "présentera deux châssis
         * McLaren"), unless "le" makes it a model ("le Defender") */
        int32_t k = s->token_mention[wd->token];
        if (k >= 0 && s->m->items[k].type == DP_ORG && s->toks[last].end <= s->m->items[k].end &&
            !has_child(s, i, "det", "le"))
            return 0;
        /* a name: capitalised, or with a capital inside ("iPhone"); not "un nouveau modèle" */
        if (wd->upos != DP_PROPN && wd->upos != DP_X && !has_capital(s->text, t))
            return 0;
        v->set = 1;
        v->cp_start = t->cp_start;
        v->cp_end = s->toks[last].cp_end;
        v->text_key = dp_hash_bytes(s->text + t->start, s->toks[last].end - t->start);
        return 1;
    }
    uint8_t want = arg == DP_ARG_ROLE ? DP_ROLE : arg_wants_org(arg) ? DP_ORG : DP_PERSON;
    /* a buyer, an investor or a party to a suit may be a person too ("Elon Musk prend le
     * contrôle de Twitter") */
    int or_person = arg == DP_ARG_ACQUIRER || arg == DP_ARG_INVESTOR || arg == DP_ARG_PLAINTIFF ||
                    arg == DP_ARG_DEFENDANT;
#define FITS(k) (s->m->items[k].type == want || (or_person && s->m->items[k].type == DP_PERSON))
    int32_t k = s->token_mention[wd->token];
    if (k >= 0 && FITS(k))
        goto named;
    /* a word for a person names the person beside it, not the party beside it too: "la
     * députée MoDem Claire Dubois porte plainte" */
    int for_person = or_person && wd->upos == DP_NOUN && names_a_person(s, i);
    for (int pass = for_person ? 0 : 1; pass < 2; pass++)
        for (uint16_t c = s->first_child[i + 1]; c; c = s->next_sibling[c]) {
            int32_t kc = s->token_mention[s->w->words[c - 1u].token];
            if (name_beside(s, c) && kc >= 0 && FITS(kc) && (pass || s->m->items[kc].type == DP_PERSON)) {
                k = kc;
                goto named;
            }
        }
    if (want == DP_ROLE)
        return 0;
    /* a company's word whose phrase of nouns closes with its name, set beside the last noun:
     * "la société de gestion d'actifs et d'investissement Tikehau Capital" (the parser hangs
     * the name on that noun); not a complement ("le leader de la France insoumise") nor a
     * clause ("un groupe détenu par la mairie de Martigues"); so a person's word: "le
     * journaliste de Konbini Hugo Clément", not "l'avocat de Carlos Ghosn" */
    int person_word = want == DP_PERSON && wd->upos == DP_NOUN && names_a_person(s, i);
    if (wd->upos == DP_NOUN && ((want == DP_ORG && company_word(s, i)) || person_word)) {
        size_t last = i;
        for (size_t j = i + 1; j < s->w->n_words; j++) {
            size_t up = j;
            for (int depth = 0; up != i && s->w->words[up].head && depth < 8; depth++) {
                const char *r = rel_of(s, up);
                if ((up != j && (company_word(s, up) || (person_word && names_a_person(s, up)))) || /* "la chaîne du groupe Canal+" */
                    /* "le rachat d'une start-up par l'américain Qualcomm" */
                    (has_child(s, up, "case", NULL) && !has_child(s, up, "case", "de")) ||
                    (!rel_matches("nmod", r) && !rel_matches("conj", r) && !rel_matches("appos", r) &&
                    !rel_matches("flat", r) && !rel_matches("amod", r) && !rel_matches("case", r) &&
                     !rel_matches("det", r) && !rel_matches("cc", r) && !rel_matches("compound", r)))
                    break;
                up = s->w->words[up].head - 1u;
            }
            if (up != i || s->w->words[j].upos == DP_PUNCT)
                break;
            last = j;
        }
        int32_t kl = s->token_mention[s->w->words[last].token];
        size_t name = last;
        while (name > i && s->token_mention[s->w->words[name - 1].token] == kl)
            name--;
        if (last > i && kl >= 0 && FITS(kl) && s->m->items[kl].start > s->toks[wd->token].end &&
            s->toks[s->w->words[last].token].end == s->m->items[kl].end && !has_child(s, name, "case", NULL)) {
            k = kl;
            goto found;
        }
    }
    /* a part of an organisation stands for it where a person moves: "à la tête de la division
     * des moteurs de Renault", "la direction des vols habités de la Nasa" (not what is bought:
     * "reprend la direction de Danone" is no purchase) */
    if (want == DP_ORG && (DP_EV_MOVES >> type & 1u) && wd->upos == DP_NOUN &&
        (word_bits(&s->e->frames, wd->lemma) & DP_FRAME_WORD_DEPARTMENT)) {
        /* its complements after "de", nearest first: "le conseil d'administration d'OpenAI" */
        size_t level[8], n = 1;
        level[0] = i;
        for (int depth = 0; depth < 3 && n; depth++) {
            size_t below[8], m = 0;
            for (size_t j = 0; j < n; j++)
                for (uint16_t c = s->first_child[level[j] + 1]; c && m < 8; c = s->next_sibling[c])
                    if (rel_matches("nmod", rel_of(s, c - 1u)) && has_child(s, c - 1u, "case", "de") &&
                        c - 1u > level[j]) {
                        if (value_of(s, type, arg, c - 1u, v, cost))
                            return 1;
                        below[m++] = c - 1u;
                    }
            memcpy(level, below, m * sizeof *level);
            n = m;
        }
    }
    /* a person moves to places, shows and institutions as well as to companies: there the
     * construction is no evidence of an organisation */
    if (dp_event_arg_company_only(arg) && !(DP_EV_MOVES >> type & 1u) && unknown_organisation(s, i, v))
        return 1;
    /* "il", "elle", and "le groupe", "la société": one named before */
    /* a plural ("ils", "elles") is a company at most: never one person */
    int plural = !strcmp(wd->lemma, "ils") || !strcmp(wd->lemma, "elles") ||
                 strstr(wd->feats, "Number=Plur") != NULL;
    int pronoun = wd->upos == DP_PRON && (want == DP_ORG || !plural) &&
                  (!strcmp(wd->lemma, "il") || !strcmp(wd->lemma, "elle") ||
                   !strcmp(wd->lemma, "lui") || !strcmp(wd->lemma, "ils") || !strcmp(wd->lemma, "elles") ||
                   /* the object clitic: "Z le remplace" */
                   (want == DP_PERSON && (!strcmp(wd->lemma, "le") || !strcmp(wd->lemma, "la"))));
    /* "Apple a retiré le jeu. Epic Games l'attaque en justice": a company the sentences before
     * named, the nearest (the clause's own subject is no antecedent of its object) */
    int object_clitic = wd->upos == DP_PRON && want == DP_ORG && !plural && rel_matches("obj", rel_of(s, i)) &&
                        (!strcmp(wd->lemma, "le") || !strcmp(wd->lemma, "la"));
    int32_t company = -1;
    int named = names_within(s, i, 3, 0, &company), description = 0;
    /* "le groupe Avril": a name no list knows, not a word for one named before; "les
     * entreprises", "des entreprises": companies in general; "leur entreprise": theirs, named
     * in the sentence ("les salariés de la société X ont appris la liquidation de leur
     * entreprise") */
    int definite = has_child(s, i, "det", "le") || has_child(s, i, "det", "ce"), possessive = has_child(s, i, "det", "son");
    if (!pronoun && !plural && wd->upos == DP_NOUN && want == DP_ORG && (definite || possessive)) {
        if (company_word(s, i)) {
            /* the company the words under it name: "la société de distribution d'articles
             * de sport Go Sport" */
            if (company >= 0 && definite) {
                k = company;
                goto found;
            }
            /* "le journal" stands for a medium, which the article may name by its owner's
             * name as well: no guess */
            description = !named && !(word_bits(&s->e->frames, wd->lemma) & DP_FRAME_WORD_MEDIUM);
        }
    }
    if (object_clitic) {
        /* a company the clause before named, other than this clause's subject and those
         * coordinated with it: "Nokia accuse Apple de copier ses brevets et l'attaque en
         * justice" (Apple); "Fictivia, Nordelec et Lumio l'ont rejoint" (none of them) */
        size_t subject = s->w->n_words;
        int32_t subject_entity = -1;
        for (size_t verb = wd->head ? wd->head - 1u : i, up = 0; up < 2 && subject == s->w->n_words; up++) {
            for (uint16_t c = s->first_child[verb + 1]; c && subject == s->w->n_words; c = s->next_sibling[c])
                if (is_subject(rel_of(s, c - 1u)))
                    subject = c - 1u;
            if (!rel_matches("conj", rel_of(s, verb)) || !s->w->words[verb].head)
                break;
            verb = s->w->words[verb].head - 1u;
        }
        if (subject < s->w->n_words && s->token_mention[s->w->words[subject].token] >= 0)
            subject_entity = s->m->items[s->token_mention[s->w->words[subject].token]].entity;
        for (size_t kk = dp_mentions_from(s->m, t->start); kk-- > 0 && s->m->items[kk].start >= s->toks[0].start;)
            if (s->m->items[kk].type == DP_ORG && s->m->items[kk].entity != subject_entity &&
                !(subject < s->w->n_words &&
                  phrase_holds(s, subject, s->m->items[kk].cp_start, s->m->items[kk].cp_end, 4, 0))) {
                k = (int32_t)kk;
                *cost += 0.1f;
                goto found;
            }
        k = dp_event_pronoun_org(s->e, s->text, s->m, s->toks[0].start, s->toks[0].start, -1);
        if (k < 0)
            return 0;
        *cost += 0.1f;
        goto found;
    }
    /* "Le polémiste a rejoint C8", "la journaliste a quitté Le Monde": a definite word for a
     * person, with no name or complement of its own, is the subject of a sentence that goes on
     * speaking of the person the sentences before named */
    if (!pronoun && arg == DP_ARG_PERSON && !plural && wd->upos == DP_NOUN && definite && !named &&
        is_subject(rel_of(s, i)) && names_a_person(s, i) && !has_child(s, i, "nmod", NULL) &&
        !has_child(s, i, "appos", NULL)) {
        /* the gender its determiners and adjectives show, which the noun may not ("la
         * ministre") */
        const char *gender = NULL;
        for (uint16_t c = s->first_child[i + 1]; c && !gender; c = s->next_sibling[c])
            if (rel_matches("det", rel_of(s, c - 1u)) || rel_matches("amod", rel_of(s, c - 1u)))
                gender = strstr(s->w->words[c - 1u].feats, "Gender=");
        if (!gender)
            gender = strstr(wd->feats, "Gender=");
        enum dp_antecedent_kind described = !gender                           ? DP_ANTECEDENT_SOMEONE
                                            : !strncmp(gender + 7, "Fem", 3) ? DP_ANTECEDENT_WOMAN
                                                                             : DP_ANTECEDENT_MAN;
        k = dp_event_antecedent(s->e, s->text, s->m, s->toks[0].start, t->start, described, s->bound);
        if (k < 0 || s->m->items[k].start >= s->toks[0].start)
            return 0;
        *cost += 0.1f;
        goto found;
    }
    /* "ce dernier", "cette dernière": the person named last before it, whatever their part */
    if (want == DP_PERSON && !strcmp(wd->lemma, "dernier") && has_child(s, i, "det", "ce")) {
        enum dp_antecedent_kind latter =
            strstr(wd->feats, "Gender=Fem") ? DP_ANTECEDENT_LATTER_WOMAN : DP_ANTECEDENT_LATTER_MAN;
        k = dp_event_antecedent(s->e, s->text, s->m, s->toks[0].start, t->start, latter, s->bound);
        if (k < 0)
            return 0;
        *cost += 0.1f;
        goto found;
    }
    if (!pronoun && !description)
        return 0;
    /* a subordinate clause told before its main clause speaks of the main clause's subject:
     * "Depuis qu'il a quitté le Conseil constitutionnel, Jean-Louis Debré ..." */
    if (pronoun && want == DP_PERSON && wd->head && has_child(s, wd->head - 1u, "mark", NULL))
        for (size_t tk = wd->token + 1; tk + 1 < s->n_toks; tk++)
            if (s->toks[tk].kind == DP_TOK_PUNCT && s->text[s->toks[tk].start] == ',') {
                int32_t after = s->token_mention[tk + 1];
                if (after >= 0 && s->m->items[after].type == DP_PERSON &&
                    s->m->items[after].entity != s->bound) {
                    k = after;
                    goto found;
                }
                break;
            }
    /* "le groupe" is a company's word, "le syndicat" a union's */
    enum dp_antecedent_kind kind =
        description && !(word_bits(&s->e->frames, wd->lemma) & DP_FRAME_WORD_UNION) ? DP_ANTECEDENT_COMPANY
        : want == DP_ORG                                                              ? DP_ANTECEDENT_ORG
                                                                                      : DP_ANTECEDENT_PERSON;
    k = pronoun && want == DP_ORG && !plural
            ? dp_event_pronoun_org(s->e, s->text, s->m, s->toks[0].start, t->start, -1)
            : dp_event_antecedent(s->e, s->text, s->m, s->toks[0].start, t->start, kind, s->bound);
    if (k < 0 || (description && !definite && s->m->items[k].start < s->toks[0].start))
        return 0;
    *cost += 0.1f;
#undef FITS
    goto found;
named:
    /* a make's name that stands for one car is no party ("a racheté la Ferrari F40"); as what
     * a word for a company stands for, it names the maker */
    if (want == DP_ORG && type != DP_EV_PRODUCT_LAUNCH && dp_event_one_of_a_kind(s->text, s->m->items[k].start, s->m->items[k].end))
        return 0;
found:
    v->set = 1;
    v->mention = k;
    v->cp_start = s->m->items[k].cp_start;
    v->cp_end = s->m->items[k].cp_end;
    return 1;
}


/* Whether a proper noun hangs on word i, or on its complements down to `depth` levels,
 * otherwise than after "de": "le loueur de wagons Fretlink" names Fretlink, "le dossier de la
 * SNCF" names no one but the dossier's owner. */
static int named_beside(const sentence *s, size_t i, int depth)
{
    for (uint16_t c = s->first_child[i + 1]; c && depth > 0; c = s->next_sibling[c]) {
        if (has_child(s, c - 1u, "case", NULL))
            continue;
        if (s->w->words[c - 1u].upos == DP_PROPN || named_beside(s, c - 1u, depth - 1))
            return 1;
    }
    for (uint16_t c = s->first_child[i + 1]; c && depth > 1; c = s->next_sibling[c])
        if (has_child(s, c - 1u, "case", NULL) && named_beside(s, c - 1u, depth - 1))
            return 1;
    return 0;
}

/* Whether a word of the span [cp_start, cp_end) lies in the noun phrase of word i: i itself,
 * its name's words, appositions and conjuncts, and with `complements` its complements too, down
 * to `depth` levels. Without them, whether the span names the one word i stands for ("une
 * conseillère du ministre X" holds X but is not X). */
static int phrase_holds(const sentence *s, size_t i, uint32_t cp_start, uint32_t cp_end, int depth,
                        int complements)
{
    const dp_token *t = &s->toks[s->w->words[i].token];
    if (t->cp_start >= cp_start && t->cp_end <= cp_end)
        return 1;
    for (uint16_t c = s->first_child[i + 1]; c && depth > 0; c = s->next_sibling[c]) {
        const char *r = rel_of(s, c - 1u);
        if ((rel_matches("appos", r) || rel_matches("flat", r) || rel_matches("conj", r) ||
             (complements && (rel_matches("nmod", r) || rel_matches("compound", r)))) &&
            phrase_holds(s, c - 1u, cp_start, cp_end, depth - 1, complements))
            return 1;
    }
    return 0;
}

/* Whether what verb i takes over, the span [cp_start, cp_end), is where French puts it: in its
 * object, its passive subject, or the noun its participle qualifies ("Capio, racheté par
 * Ramsay"); not a complement of place or manner ("s'est repris auprès de France Info"), nor
 * its active subject ("l'État a cédé au lobby Vinci"). */
static int taken_over(const sentence *s, size_t i, uint32_t cp_start, uint32_t cp_end)
{
    for (uint16_t c = s->first_child[i + 1]; c; c = s->next_sibling[c]) {
        const char *r = rel_of(s, c - 1u);
        /* a subject with an agent beside it is what is done to: "X, acquis par Y," which the
         * tagger may read as a past simple */
        if ((rel_matches("obj", r) || rel_matches("nsubj:pass", r) ||
             (rel_matches("nsubj", r) && has_child(s, i, "obl:agent", NULL)) ||
             (rel_matches("obl", r) && has_child(s, c - 1u, "case", "de"))) &&
            phrase_holds(s, c - 1u, cp_start, cp_end, 4, 1))
            return 1;
        /* the object after the seller, which the parser hangs on it without a preposition:
         * "a racheté à l'allemand Siemens la société Nordelec" */
        if (rel_matches("obl", r) && has_child(s, c - 1u, "case", "à"))
            for (uint16_t g = s->first_child[c]; g; g = s->next_sibling[g])
                if (rel_matches("nmod", rel_of(s, g - 1u)) && !has_child(s, g - 1u, "case", NULL) &&
                    phrase_holds(s, g - 1u, cp_start, cp_end, 4, 1))
                    return 1;
    }
    const dp_word *wd = &s->w->words[i];
    return wd->head && (rel_matches("acl", rel_of(s, i)) || rel_matches("conj", rel_of(s, i)) ||
                        rel_matches("xcomp", rel_of(s, i))) &&
           (phrase_holds(s, wd->head - 1u, cp_start, cp_end, 4, 1) ||
            (!rel_matches("acl", rel_of(s, i)) && taken_over(s, wd->head - 1u, cp_start, cp_end)));
}

/* Whether noun i tells of the one mention x names: a word of the name under the noun ("le
 * recrutement, en avril, de X"), "dont" between them ("X, dont Renault a annoncé le
 * limogeage"), or a name the sentences before gave ("Il est contraint à la démission"). */
static int told_by_noun(const sentence *s, size_t i, const dp_mention *x)
{
    if (x->cp_start < s->toks[0].cp_start)
        return 1;
    for (size_t wi = 0; wi < i; wi++)
        if (!strcmp(s->w->words[wi].lemma, "dont") && s->toks[s->w->words[wi].token].cp_start >= x->cp_end)
            return 1;
    for (size_t wi = 0; wi < s->w->n_words; wi++) {
        const dp_token *wt = &s->toks[s->w->words[wi].token];
        size_t up = wi;
        for (int depth = 0; up != i && s->w->words[up].head && depth < 4; depth++)
            up = s->w->words[up].head - 1u;
        if (up == i && wi != i && wt->cp_start >= x->cp_start && wt->cp_end <= x->cp_end)
            return 1;
    }
    return 0;
}

/* Whether verb t asks whether: a subject pronoun after it in a question ("a-t-il rejoint
 * LREM ?", "ralliera-t-il les Constructifs ?"); not "Pourquoi X a-t-il démissionné ?", which
 * takes the resignation as known, nor "À peine a-t-elle fait son entrée ...". */
static int asks_whether(const sentence *s, size_t t)
{
    size_t last = s->n_toks - 1;
    while (last > 0 && s->toks[last].kind == DP_TOK_PUNCT && s->text[s->toks[last].start] != '?')
        last--;
    if (s->text[s->toks[last].start] != '?')
        return 0;
    for (size_t i = 0; i < s->n_toks; i++) {
        const char *w = s->text + s->toks[i].start;
        size_t n = s->toks[i].end - s->toks[i].start;
        if (dp_word_is(w, n, "pourquoi") || dp_word_is(w, n, "Pourquoi") || dp_word_is(w, n, "comment") ||
            dp_word_is(w, n, "Comment") || dp_word_is(w, n, "peine"))
            return 0;
    }
    uint32_t verb = s->w->words[t].token;
    for (uint16_t c = s->first_child[t + 1]; c; c = s->next_sibling[c]) {
        const dp_word *cw = &s->w->words[c - 1u];
        if (cw->upos == DP_PRON && s->text[s->toks[cw->token].start] == '-' && cw->token + 2 >= verb &&
            cw->token <= verb + 1)
            return 1;
    }
    return 0;
}

/* Whether token tk is "s'" before "il" or "ils": "si" elided, whatever the tagger said. */
static int elided_si(const sentence *s, uint32_t tk)
{
    const char *w = s->text + s->toks[tk].start;
    if (s->toks[tk].end - s->toks[tk].start != 2 || (w[0] | 0x20) != 's' || w[1] != '\'' || tk + 1 >= s->n_toks)
        return 0;
    const char *next = s->text + s->toks[tk + 1].start;
    size_t n = s->toks[tk + 1].end - s->toks[tk + 1].start;
    return dp_word_is(next, n, "il") || dp_word_is(next, n, "ils");
}

/* Whether word i is the "si" of a condition: the conjunction, or "s'" before "il" or "ils"
 * ("s'ils étaient évincés"), which the tagger may take for "se". */
static int condition_si(const sentence *s, size_t i)
{
    return (!strcmp(rel_of(s, i), "mark") && !strcmp(s->w->words[i].lemma, "si")) ||
           elided_si(s, s->w->words[i].token);
}

/* Whether verb t is in the passé composé ("a racheté", "est parti"): "si" before it contrasts
 * facts ("Si Danone a racheté X en 2010, il l'a revendu depuis"), where before the present or
 * the imperfect it sets a condition ("si Danone rachète X", "s'il avait été nommé"). */
static int past_in_present(const sentence *s, size_t t)
{
    for (uint16_t c = s->first_child[t + 1]; c; c = s->next_sibling[c])
        if (rel_matches("aux:tense", rel_of(s, c - 1u)) && has_feature(&s->w->words[c - 1u], "Tense=Pres"))
            return 1;
    return 0;
}

/* Whether the plan or intent word at `at` is one made known: an "announce" verb above it,
 * through plan and modal words ("a annoncé son intention de supprimer 1 000 postes", "a
 * annoncé un projet prévoyant la suppression de 800 postes", "a annoncé vouloir supprimer"). */
static int plan_announced(const sentence *s, size_t at)
{
    for (int up = 0; up < 3 && s->w->words[at].head; up++) {
        const char *how = rel_of(s, at);
        if (!rel_matches("obj", how) && !rel_matches("xcomp", how) && !rel_matches("acl", how) &&
            !rel_matches("ccomp", how))
            return 0;
        at = s->w->words[at].head - 1u;
        unsigned bits = word_bits(&s->e->frames, s->w->words[at].lemma);
        if (bits & DP_FRAME_WORD_ANNOUNCE)
            return 1;
        if (!(bits & (DP_FRAME_WORD_MODAL | DP_FRAME_WORD_PLAN)))
            return 0;
    }
    return 0;
}

/* Negated, hypothetical or asserted, from the words around the trigger: "ne ... pas", "sans";
 * a conditional ("rachèterait"); a modal or intent above it ("pourrait racheter", "envisage de
 * racheter", "le projet de rachat"), unless made known for the "announced" types; a denial
 * ("dément que ..."); a future for the types told as plans (type: the event's). *firm says
 * whether a hypothesis is one that no reading of the words can make a fact: a condition
 * ("si"), a demand ("réclame la démission de X") or a yes-or-no question; a modal may be one
 * ("a dû céder sa place"). */
static uint8_t modality(const sentence *s, size_t t, int type, int *firm)
{
    *firm = 0;
    const dp_frame_rules *r = &s->e->frames;
    int planned = s->e->events.planned[type];
    const dp_word *tw = &s->w->words[t];
    for (uint16_t c = s->first_child[t + 1]; c; c = s->next_sibling[c]) {
        const dp_word *cw = &s->w->words[c - 1u];
        unsigned bits = word_bits(r, cw->lemma);
        if ((bits & DP_FRAME_WORD_NEGATION) && (cw->upos == DP_ADV || cw->upos == DP_ADP || cw->upos == DP_DET))
            return DP_NEGATED;
        /* "bientôt évincés de France Télévisions": still to come */
        if ((bits & DP_FRAME_WORD_SOON) && cw->upos == DP_ADV) {
            *firm = 1;
            return DP_HYPOTHETICAL;
        }
        /* a title's fact and the denial told beside it: "X évincé de la présidence, Y dément" */
        if ((bits & DP_FRAME_WORD_DENIAL) && cw->upos == DP_VERB && c - 1u > t &&
            (rel_matches("parataxis", rel_of(s, c - 1u)) || rel_matches("conj", rel_of(s, c - 1u))) &&
            named_subject(s, c - 1u))
            return DP_NEGATED;
        if (condition_si(s, c - 1u) && !past_in_present(s, t)) {
            *firm = tw->upos == DP_VERB;
            return DP_HYPOTHETICAL;
        }
        if (cw->upos == DP_AUX && (has_feature(cw, "Mood=Cnd") || (planned && has_feature(cw, "Tense=Fut"))))
            return DP_HYPOTHETICAL;
        /* a condition the trigger depends on: "X exclu de LREM s'il maintient sa candidature" */
        if (rel_matches("advcl", rel_of(s, c - 1u)) && c - 1u > t && !past_in_present(s, c - 1u))
            for (uint16_t g = s->first_child[c]; g; g = s->next_sibling[g])
                if (condition_si(s, g - 1u))
                    return DP_HYPOTHETICAL;
        /* "une éventuelle cessation de paiements", "la future fusion", "toute alliance" */
        if ((rel_matches("amod", rel_of(s, c - 1u)) || rel_matches("det", rel_of(s, c - 1u))) &&
            (bits & DP_FRAME_WORD_PLAN))
            return DP_HYPOTHETICAL;
    }
    if (asks_whether(s, t)) {
        *firm = 1;
        return DP_HYPOTHETICAL;
    }
    /* an infinitive that names the action, as a subject would, tells no fact: "Nommer X à la
     * Cour suprême pourrait aider Trump", "Racheter Nissan coûterait cher" */
    const char *trel = rel_of(s, t);
    if (has_feature(tw, "VerbForm=Inf") &&
        (rel_matches("csubj", trel) ||
         (rel_matches("advcl", trel) && !has_child(s, t, "mark", NULL) && !has_child(s, t, "case", NULL))))
        return DP_HYPOTHETICAL;
    /* a conditional, or a subjunctive: a wish, a fear, an expectation ("s'attendent à ce
     * qu'Apple dévoile", "aurait préféré que X démissionne") */
    if (has_feature(tw, "Mood=Cnd") || has_feature(tw, "Mood=Sub") ||
        (planned && has_feature(tw, "Tense=Fut")))
        return DP_HYPOTHETICAL;
    /* up the tree: the verbs and nouns the trigger depends on, three steps at most */
    size_t at = t;
    int hops = 0; /* the steps up, but for an infinitive the parser hung on the name before it
                   * ("a demandé à X de démissionner" read as "X de démissionner") */
    for (int up = 0; up < 3 && s->w->words[at].head; up++, hops++) {
        /* a clause of aim, in the subjunctive whatever the tagger reads: "les conditions pour
         * qu'il accepte de prendre la tête de X" (not one of time: "avant que X ne rachète Y"
         * tells what happened next) */
        if (has_child(s, at, "mark", "que") && (has_child(s, at, "mark", "pour") || has_child(s, at, "mark", "afin")))
            return DP_HYPOTHETICAL;
        const char *how = rel_of(s, at);
        if (up == 1 && hops == 1 && rel_matches("acl", rel_of(s, t)) && has_feature(tw, "VerbForm=Inf") &&
            s->w->words[at].upos == DP_PROPN)
            hops = 0;
        /* a clause beside the main one has its own mood: "Placée en redressement judiciaire,
         * Camaïeu cherche un repreneur"; not an aim: "il devait arriver à 21 heures pour
         * rejoindre le club" */
        int aim = rel_matches("advcl", how) && (has_child(s, at, "mark", "pour") || has_child(s, at, "mark", "afin"));
        if ((rel_matches("advcl", how) && !aim) || rel_matches("parataxis", how))
            break;
        /* what a time "après" or "depuis" opens happened, whatever is said after it: "la villa
         * est menacée de saisie après la faillite de la banque" */
        if (up == 0 && tw->upos == DP_NOUN && (has_child(s, t, "case", "après") || has_child(s, t, "case", "depuis")))
            break;
        /* a participle tells what was done to the noun it qualifies, whatever is said of the
         * noun: "La X dévoilée en mars est attendue fin 2024" */
        if (up == 0 && rel_matches("acl", how) && bare_participle(s, t))
            break;
        size_t below = at;
        at = s->w->words[at].head - 1u;
        const dp_word *hw = &s->w->words[at];
        /* a verb coordinated before the trigger does not govern it ("a été écartée et remplacée
         * par X" is a replacement, whatever "écarter" means), but what governs that verb governs
         * both ("pourrait racheter X et fermer Y") */
        unsigned bits = rel_matches("conj", how) ? 0 : word_bits(r, hw->lemma);
        /* a denial denies what it governs, or all a "que" clause tells ("dément que X ait
         * évoqué sa démission"), not what a verb it governs speaks of ("a refusé de commenter
         * la démission de X") */
        if ((bits & DP_FRAME_WORD_DENIAL) && (up == 0 || rel_matches("ccomp", how)))
            return DP_NEGATED;
        /* what is asked for is a noun or an infinitive ("réclame la démission de X",
         * "appelle X à démissionner"), not a participle the parser hung there */
        if (bits & DP_FRAME_WORD_DEMAND) {
            *firm = hops == 0 && (tw->upos == DP_NOUN || has_feature(tw, "VerbForm=Inf"));
            return DP_HYPOTHETICAL;
        }
        /* "devoir" or "pouvoir" in the present, the future or the imperfect tells no fact
         * ("doit démissionner", "pourra racheter"), in a past tense it may ("a dû céder sa
         * place"); an intent told ("veut supprimer 1 700 emplois") is the news itself */
        /* what the event is the subject of it plans or aims at, the event itself stands: "un
         * accord entre X et Y prévoit la fermeture de deux réacteurs" (not "la fusion pourrait
         * échouer") */
        if ((bits & DP_FRAME_WORD_MODAL) && up == 0 && rel_matches("nsubj", how) &&
            strcmp(hw->lemma, "devoir") && strcmp(hw->lemma, "pouvoir"))
            break;
        /* for the types whose plan is news once made known, the announcement is the event */
        if ((bits & (DP_FRAME_WORD_MODAL | DP_FRAME_WORD_PLAN)) && r->announced[type] && plan_announced(s, at))
            continue;
        if (bits & (DP_FRAME_WORD_MODAL | DP_FRAME_WORD_PLAN)) {
            *firm = ((!strcmp(hw->lemma, "devoir") || !strcmp(hw->lemma, "pouvoir")) &&
                     !has_feature(hw, "Tense=Past") && !has_child(s, at, "aux:tense", NULL)) ||
                    /* "est sur le point de racheter", "en passe de racheter" */
                    (hw->upos == DP_NOUN && (bits & DP_FRAME_WORD_PLAN)) ||
                    /* "prêt à quitter France 2" */
                    hw->upos == DP_ADJ ||
                    /* a wish told by a "que" clause: "voulait que X succède à Y" */
                    (rel_matches("ccomp", how) && has_child(s, below, "mark", "que"));
            return DP_HYPOTHETICAL;
        }
        if (planned && !strcmp(hw->lemma, "aller") && rel_matches("xcomp", how))
            return DP_HYPOTHETICAL;
        int conditional = has_feature(hw, "Mood=Cnd");
        for (uint16_t c = s->first_child[at + 1]; c; c = s->next_sibling[c])
            conditional |= s->w->words[c - 1u].upos == DP_AUX && has_feature(&s->w->words[c - 1u], "Mood=Cnd");
        if (conditional && (rel_matches("xcomp", how) || rel_matches("obj", how) || rel_matches("ccomp", how)))
            return DP_HYPOTHETICAL;
        if ((bits & DP_FRAME_WORD_FORCED) && rel_matches("xcomp", how))
            return DP_FORCED;
        /* "si" on the verb the trigger completes: "si X et Y parviennent à trouver un accord" */
        if (rel_matches("xcomp", how) && has_child(s, at, "mark", "si") && !past_in_present(s, at)) {
            *firm = 1;
            return DP_HYPOTHETICAL;
        }
        for (uint16_t c = s->first_child[at + 1]; c; c = s->next_sibling[c])
            /* (and an aim, the negation whole: "n'a pas été contactée pour prendre la tête de
             * X", not "à deux pas de l'Élysée, pour dénoncer la nomination de X") */
            if (c - 1u != (uint16_t)t && (word_bits(r, s->w->words[c - 1u].lemma) & DP_FRAME_WORD_NEGATION) &&
                (rel_matches("xcomp", how) || rel_matches("obj", how) || (aim && has_child(s, at, "advmod", "ne"))))
                return DP_NEGATED;
        /* a noun trigger a light verb takes as a complement shares its mood: "pourrait mettre X
         * en cessation de paiements" (not "protester contre la nomination de X") */
        int noun_complement = up == 0 && s->w->words[t].upos == DP_NOUN && rel_matches("obl", how) &&
                              (bits & DP_FRAME_WORD_LIGHT) &&
                              (has_child(s, t, "case", "en") || has_child(s, t, "case", "sous") ||
                               has_child(s, t, "case", "dans"));
        if (!rel_matches("xcomp", how) && !rel_matches("obj", how) && !rel_matches("ccomp", how) &&
            !rel_matches("nmod", how) && !rel_matches("acl", how) && !rel_matches("conj", how) &&
            !noun_complement && !aim)
            break;
    }
    return DP_ASSERTED;
}

/* Whether noun t is plural or has a plural or counted complement, `depth` levels down ("le
 * licenciement de 300 salariés", "d'un quart de ses employés"). */
static int plural_or_counted(const sentence *s, size_t t, int depth)
{
    if (strstr(s->w->words[t].feats, "Number=Plur") || s->w->words[t].upos == DP_NUM)
        return 1;
    /* "de" complements and numbers; a participle the parser took "employés" for too */
    for (uint16_t c = s->first_child[t + 1]; c && depth > 0; c = s->next_sibling[c]) {
        const char *r = rel_of(s, c - 1u);
        if (((rel_matches("nmod", r) && has_child(s, c - 1u, "case", "de")) || rel_matches("nummod", r) ||
             rel_matches("acl", r) || (depth == 1 && rel_matches("obl", r))) &&
            plural_or_counted(s, c - 1u, depth - 1))
            return 1;
    }
    return 0;
}

/* Whether a product's maker is named apart from it, or is a company known that opens the
 * product's name ("Peugeot 308"): a name no list knows that takes in the product's words
 * ("Sportback 2020") is the product's own, and so is a known name further in it ("le Land
 * Rover Defender présenté par le constructeur": Defender names no maker there). */
static int maker_apart(const sentence *s, const dp_event *ev)
{
    const dp_event_arg_value *maker = &ev->args[DP_ARG_ORG], *product = &ev->args[DP_ARG_PRODUCT];
    if (ev->type != DP_EV_PRODUCT_LAUNCH || !maker->set || !product->set)
        return 1;
    uint32_t from = maker->cp_start, to = maker->cp_end;
    if (maker->mention >= 0)
        from = s->m->items[maker->mention].cp_start, to = s->m->items[maker->mention].cp_end;
    if (from >= product->cp_end || to <= product->cp_start)
        return 1;
    return maker->mention >= 0 && from == product->cp_start && to < product->cp_end;
}

/* Whether a product's words, after "et" or a comma, name a model: a number in them, or two
 * words ("et M5 Competition", "et 2008", "et Arteon Shooting Brake"; not "et Cabriolet"). */
static int model_name(const sentence *s, const dp_event_arg_value *product)
{
    size_t words = 0;
    for (size_t i = 0; i < s->n_toks; i++) {
        const dp_token *t = &s->toks[i];
        if (t->cp_start < product->cp_start || t->cp_end > product->cp_end)
            continue;
        if (t->cp_start == product->cp_start) {
            const char *before = i ? s->text + s->toks[i - 1].start : "";
            size_t len = i ? s->toks[i - 1].end - s->toks[i - 1].start : 0;
            if (!dp_word_is(before, len, "et") && !dp_word_is(before, len, ","))
                return 0;
        }
        words += t->kind == DP_TOK_WORD || t->kind == DP_TOK_NUMBER;
        if (dp_token_has_digit(s->text, t))
            return 1;
    }
    return words >= 2;
}

/* Whether the product's name opens with its maker's, a company the article knows: a title
 * without a verb names no maker otherwise ("Nouveaux BMW X3 M et X4 M": BMW, not X4). */
static int maker_opens_product(const sentence *s, const dp_event *ev)
{
    const dp_event_arg_value *maker = &ev->args[DP_ARG_ORG], *product = &ev->args[DP_ARG_PRODUCT];
    return maker->mention >= 0 && product->set && s->m->items[maker->mention].cp_start == product->cp_start;
}

/* Whether the product's name opens with a name of its maker, wherever the sentence named the
 * maker: "trois modèles Ferrari : la Ferrari Portofino, ... et la Ferrari 812 GTS". */
static int maker_named_in_product(const sentence *s, const dp_event *ev)
{
    const dp_event_arg_value *maker = &ev->args[DP_ARG_ORG], *product = &ev->args[DP_ARG_PRODUCT];
    if (maker->mention < 0 || !product->set)
        return 0;
    int32_t entity = s->m->items[maker->mention].entity;
    for (size_t t = 0; t < s->n_toks; t++) {
        int32_t k = s->token_mention[t];
        if (k >= 0 && s->m->items[k].cp_start == product->cp_start)
            return k == maker->mention || (entity >= 0 && s->m->items[k].entity == entity);
    }
    return 0;
}

/* A successor takes the post the one she follows left: "X a quitté la direction de Y. Z lui
 * succède", "Carlos Ghosn a démissionné de Renault. Jean Roux le remplace": the organisation of
 * the predecessor's departure or appointment told before in the article, named in its
 * sentence. */
static void post_left(const sentence *s, const dp_events *told, dp_event *ev)
{
    int32_t pred = ev->args[DP_ARG_PREDECESSOR].mention;
    if (pred < 0)
        return;
    int32_t entity = s->m->items[pred].entity;
    for (size_t k = told->n; k-- > 0;) {
        const dp_event *x = &told->items[k];
        int32_t person = x->args[DP_ARG_PERSON].mention, org = x->args[DP_ARG_ORG].mention;
        /* the post its own sentence named: one the context lent it may be another's */
        if ((x->type == DP_EV_RESIGNATION || x->type == DP_EV_DISMISSAL || x->type == DP_EV_APPOINTMENT) &&
            person >= 0 && org >= 0 && s->m->items[person].entity == entity &&
            s->m->items[org].start >= x->sentence_start && s->m->items[org].end <= x->sentence_end) {
            ev->args[DP_ARG_ORG] = x->args[DP_ARG_ORG];
            ev->confidence -= 0.1f;
            return;
        }
    }
}

/* An authority that fined before goes on fining: "La CNIL a sanctionné Google et Facebook.
 * Elle a infligé à Google une amende de 150 millions d'euros" (not Facebook, named last). A
 * fine's authority this sentence does not name is the one of the fine the article told
 * before, if any. */
static void same_authority(const sentence *s, const dp_events *told, dp_event *ev)
{
    int32_t k = ev->args[DP_ARG_AUTHORITY].mention;
    if (k < 0 || s->m->items[k].start >= s->toks[0].start)
        return;
    for (size_t j = told->n; j-- > 0;) {
        const dp_event *x = &told->items[j];
        int32_t before = x->args[DP_ARG_AUTHORITY].mention, org = ev->args[DP_ARG_ORG].mention;
        if (x->type != DP_EV_FINE || before < 0)
            continue;
        if (org < 0 || s->m->items[before].entity != s->m->items[org].entity)
            ev->args[DP_ARG_AUTHORITY] = x->args[DP_ARG_AUTHORITY];
        return;
    }
}

/* Whether role word r is a post of the event's organisation and held now: not "ancien PDG",
 * "ex-directeur", nor the director of another company ("X, directeur de Y, rejoint Z"). */
static int role_of_event(const sentence *s, size_t r, const dp_event *ev)
{
    int32_t role = s->token_mention[s->w->words[r].token], org = ev->args[DP_ARG_ORG].mention;
    if (role < 0 || s->m->items[role].type != DP_ROLE || dp_event_role_is_past(s->text, &s->m->items[role]))
        return 0;
    for (uint16_t c = s->first_child[r + 1]; c; c = s->next_sibling[c]) {
        int32_t k = s->token_mention[s->w->words[c - 1u].token];
        if (rel_matches("nmod", rel_of(s, c - 1u)) && k >= 0 && s->m->items[k].type == DP_ORG &&
            (org < 0 || s->m->items[k].entity != s->m->items[org].entity))
            return 0;
    }
    return 1;
}

/* The role the sentence gives the person of an event whose frame named none: the person's
 * apposition ("X, PDG de Y, a démissionné"), the title the person stands beside ("le PDG de
 * Y, X, a démissionné", "Y a limogé son directeur général, X"), or the post the trigger names
 * ("a démissionné de son poste de PDG", "quitte ses fonctions de président"). */
static void role_beside(const sentence *s, size_t t, dp_event *ev)
{
    int32_t person = ev->args[DP_ARG_PERSON].mention;
    if (!dp_event_is_core(ev->type, DP_ARG_PERSON) || person < 0 || ev->args[DP_ARG_ROLE].set)
        return;
    float cost = 0;
    size_t n = s->w->n_words;
    for (size_t i = 0; i < n; i++) {
        if (s->token_mention[s->w->words[i].token] != person)
            continue;
        size_t h = s->w->words[i].head;
        if (h && s->token_mention[s->w->words[h - 1].token] == person)
            continue; /* a word inside the name: its head is the name's too */
        for (uint16_t c = s->first_child[i + 1]; c; c = s->next_sibling[c])
            if (rel_matches("appos", rel_of(s, c - 1u)) && role_of_event(s, c - 1u, ev) &&
                value_of(s, ev->type, DP_ARG_ROLE, c - 1u, &ev->args[DP_ARG_ROLE], &cost))
                return;
        const char *rel = rel_of(s, i);
        if (h && (rel_matches("appos", rel) || rel_matches("flat", rel) || rel_matches("nmod", rel)) &&
            !has_child(s, i, "case", NULL) && role_of_event(s, h - 1, ev) &&
            value_of(s, ev->type, DP_ARG_ROLE, h - 1, &ev->args[DP_ARG_ROLE], &cost))
            return;
        break;
    }
    /* the post the person is said to be, the trigger itself: "X est le nouveau président de Y" */
    int32_t post = s->token_mention[s->w->words[t].token];
    if (post >= 0 && s->m->items[post].type == DP_ROLE && has_child(s, t, "cop", NULL) &&
        role_of_event(s, t, ev) && value_of(s, ev->type, DP_ARG_ROLE, t, &ev->args[DP_ARG_ROLE], &cost))
        return;
    for (uint16_t c = s->first_child[t + 1]; c; c = s->next_sibling[c]) {
        if (!(word_bits(&s->e->frames, s->w->words[c - 1u].lemma) & DP_FRAME_WORD_POST))
            continue;
        for (uint16_t r = s->first_child[c]; r; r = s->next_sibling[r])
            if (rel_matches("nmod", rel_of(s, r - 1u)) && role_of_event(s, r - 1u, ev) &&
                value_of(s, ev->type, DP_ARG_ROLE, r - 1u, &ev->args[DP_ARG_ROLE], &cost))
                return;
    }
}

/* Reads frame f at trigger word t: every combination of the values its paths give. */
static int read_frame(sentence *s, const dp_frame *f, size_t fi, size_t t, uint32_t line,
                      dp_date ref, dp_date teaser_date, dp_events *out)
{
    int need_reflexive = !strcmp(f->need.rel, "expl") && !strcmp(f->need.lemma, "se");
    if (f->need.rel[0] && !(need_reflexive ? reflexive(s, t)
                                           : has_child_or_share(s, t, f->need.rel, f->need.lemma) ||
                                                 (is_subject(f->need.rel) && shared_subject_is(s, t, f->need.lemma))))
        return 0;
    /* a product is launched by someone: what "se présente comme" a coupé, or a maker that "se
     * lance dans" a market, launches nothing; who "s'investit dans" a cause gives work, not
     * money */
    if ((f->type == DP_EV_PRODUCT_LAUNCH || f->type == DP_EV_FUNDING) && !need_reflexive && reflexive(s, t))
        return 0;
    /* what a company "qui commercialise" (present tense, relative clause) sells is its trade,
     * no launch: "le laboratoire X, qui commercialise le Baclocur" */
    if (f->type == DP_EV_PRODUCT_LAUNCH && !strcmp(s->w->words[t].lemma, "commercialiser")) {
        /* "qui continue de commercialiser le Round'Up": the clause's verb */
        size_t v = t;
        if (rel_matches("xcomp", rel_of(s, v)) && s->w->words[v].head)
            v = s->w->words[v].head - 1u;
        if (rel_matches("acl:relcl", rel_of(s, v)) && has_feature(&s->w->words[v], "Tense=Pres"))
            return 0;
    }
    /* an imperfect that lasts "depuis" a time tells a state, not a change: "une émission
     * qu'il présentait depuis six ans", "Renault commercialisait la Zoé depuis 2012" */
    if (!f->noun && has_feature(&s->w->words[t], "Tense=Imp")) {
        for (uint16_t c = s->first_child[t + 1]; c; c = s->next_sibling[c])
            if (rel_matches("obl", rel_of(s, c - 1u)) && has_child(s, c - 1u, "case", "depuis"))
                return 0;
    }
    /* what one "reprend sur Twitter", "sur son blog", "sur France Info" is relayed, not
     * bought */
    if (f->type == DP_EV_ACQUISITION && !strcmp(s->w->words[t].lemma, "reprendre"))
        for (uint16_t c = s->first_child[t + 1]; c; c = s->next_sibling[c])
            if (rel_matches("obl", rel_of(s, c - 1u)) && has_child(s, c - 1u, "case", "sur"))
                return 0;
    /* job cuts are many: "son licenciement", "le licenciement d'une employée" is one person's,
     * "les licenciements", "le licenciement de 300 salariés" are cuts */
    if (f->type == DP_EV_LAYOFFS && f->noun && !f->need.rel[0] && !plural_or_counted(s, t, 2))
        return 0;
    dp_event ev;
    memset(&ev, 0, sizeof ev);
    for (int a = 0; a < DP_EVENT_ARGS; a++)
        ev.args[a].mention = -1;
    ev.type = f->type;
    ev.confidence = f->confidence;
    ev.rule = -2 - (int32_t)fi;
    /* the one path that lists several people or targets gives an event each */
    dp_event_arg_value many[8];
    size_t n_many = 0;
    int many_arg = -1, own_side = 0, other_side = 0, maker_in_model = 0, maker_in_name = 0;
    float cost = 0;
    const dp_frame_path *paths = &s->e->frames.paths[f->first_path];
    for (size_t p = 0; p < f->n_paths; p++) {
        size_t found[16];
        size_t k = follow(s, &paths[p], t, found, 16);
        int arg = paths[p].arg;
        if (arg == DP_ARG_PARTNER1) {
            int slot = DP_ARG_PARTNER1;
            while (slot <= DP_ARG_PARTNER4 && ev.args[slot].set)
                slot++;
            const dp_frame_step *last = &paths[p].steps[paths[p].n_steps - 1];
            int was = slot;
            for (size_t j = 0; j < k && slot <= DP_ARG_PARTNER4; j++) {
                if (value_of(s, f->type, arg, found[j], &ev.args[slot], &cost)) {
                    if (partner_named(s, &ev, slot))
                        ev.args[slot].set = 0;
                    else
                        slot++;
                } else if (slot < DP_ARG_PARTNER4 &&
                           the_two_named_before(s, found[j], &ev.args[slot], &ev.args[slot + 1]))
                    slot += 2;
            }
            /* "avec" names the other side: who works "en collaboration avec X et Y" is not X
             * nor Y */
            other_side |= slot > was && !strcmp(last->case_word, "avec");
            own_side |= slot > was && strcmp(last->case_word, "avec");
            continue;
        }
        if (ev.args[arg].set)
            continue;
        int32_t subject = ev.args[DP_ARG_PERSON].mention;
        s->bound = arg == DP_ARG_PREDECESSOR && subject >= 0 ? s->m->items[subject].entity : -1;
        dp_event_arg_value v[8];
        size_t nv = 0;
        for (size_t j = 0; j < k && nv < 8; j++)
            if (value_of(s, f->type, arg, found[j], &v[nv], &cost))
                nv++;
        if (!nv)
            continue;
        ev.args[arg] = v[0];
        /* the maker of a model a participle qualifies is the one whose name opens the model's
         * ("le nouveau Land Rover Defender dévoilé"), not a name listed beside it ("des
         * fromages de type brie, Marquise, Saint-Siméon, commercialisés sous la marque X") */
        const dp_frame_step *first = &paths[p].steps[0];
        maker_in_model |= f->type == DP_EV_PRODUCT_LAUNCH && arg == DP_ARG_ORG && paths[p].n_steps == 1 &&
                          first->up && !strcmp(first->rel, "acl");
        /* a maker read where the product is names it in the product's name (not "des nouvelles
         * Classe B et CLA") */
        maker_in_name |= paths[p].product_too;
        if (nv > 1 && many_arg < 0 && dp_event_is_core(f->type, arg)) {
            memcpy(many, v, nv * sizeof *v);
            n_many = nv;
            many_arg = arg;
        }
    }
    /* "Nouvelles BMW M5 et M5 Competition": the parser may hang a title's second model on the
     * trigger */
    if (f->headline && ev.args[DP_ARG_PRODUCT].set && (many_arg < 0 || many_arg == DP_ARG_PRODUCT)) {
        if (many_arg < 0) {
            many[0] = ev.args[DP_ARG_PRODUCT];
            n_many = 1;
        }
        for (uint16_t c = s->first_child[t + 1]; c && n_many < 8; c = s->next_sibling[c]) {
            const dp_word *cw = &s->w->words[c - 1u];
            if (rel_matches("conj", rel_of(s, c - 1u)) &&
                (cw->upos == DP_PROPN || cw->upos == DP_X || cw->upos == DP_NUM ||
                 (s->toks[cw->token].flags & (DP_TF_CAPITALIZED | DP_TF_ALLCAPS))) &&
                value_of(s, f->type, DP_ARG_PRODUCT, c - 1u, &many[n_many], &cost))
                n_many++;
        }
        if (n_many > 1)
            many_arg = DP_ARG_PRODUCT;
    }
    /* partners: two at least, the first two from different entities, one of them not only
     * "avec" the others */
    if (ev.args[DP_ARG_PARTNER1].set && (!ev.args[DP_ARG_PARTNER2].set || (other_side && !own_side)))
        return 0;
    ev.confidence -= cost;
    int firm;
    uint8_t how = modality(s, t, f->type, &firm);
    /* "a été contrainte de quitter Renault" is no resignation: the rules read a dismissal */
    if (how == DP_FORCED && f->type == DP_EV_RESIGNATION)
        return 0;
    ev.modality = how == DP_FORCED ? DP_ASSERTED : how;
    size_t copies = many_arg >= 0 ? n_many : 1;
    int maker_opens_first = 0;
    for (size_t c = 0; c < copies; c++) {
        dp_event one = ev;
        if (many_arg >= 0)
            one.args[many_arg] = many[c];
        if (one.type == DP_EV_APPOINTMENT && !one.args[DP_ARG_ORG].set)
            post_left(s, out, &one);
        if (one.type == DP_EV_FINE)
            same_authority(s, out, &one);
        role_beside(s, t, &one);
        /* a title names the maker once for the models it lists: "Nouvelles BMW M5 et M5
         * Competition", not for a body ("Nouvelles Porsche 911 Coupé et Cabriolet") */
        if (c == 0)
            maker_opens_first = maker_opens_product(s, &one);
        int listed_model = c > 0 && maker_opens_first && many_arg == DP_ARG_PRODUCT &&
                           model_name(s, &one.args[DP_ARG_PRODUCT]);
        if (!maker_apart(s, &one) || (f->headline && !maker_opens_product(s, &one) && !listed_model) ||
            ((maker_in_model || (maker_in_name && !f->headline)) && !maker_named_in_product(s, &one)))
            continue;
        int rc = dp_event_complete(s->e, s->text, s->toks, s->n_toks, line, s->m, ref, teaser_date,
                                   s->w->words[t].token, 0, &one, out);
        if (rc)
            return rc;
    }
    return 0;
}

/* Whether a noun is a past participle used as one: its lemma is the participle's masculine
 * form ("un élu", "les élus", "l'élue": élu; "un licencié"), unlike nouns of the act that
 * share a feminine participle's form ("la reprise", "une plainte", "une levée"). */
static int participle_noun(const sentence *s, const dp_word *wd)
{
    dp_reading r[8];
    size_t n = dp_morpho_readings(&s->e->syntax.morpho, wd->lemma, strlen(wd->lemma), r, 8);
    for (size_t j = 0; j < n; j++)
        if (r[j].upos == DP_VERB && strstr(r[j].feats, "VerbForm=Part") &&
            strstr(r[j].feats, "Tense=Past") && strstr(r[j].feats, "Gender=Masc"))
            return 1;
    return 0;
}

/* Whether noun i follows a person's name with no article and no complement of its own
 * ("Macron démission"). */
static int bare_after_name(const sentence *s, size_t i)
{
    uint32_t tk = s->w->words[i].token;
    if (!tk || s->token_mention[tk - 1] < 0 || s->m->items[s->token_mention[tk - 1]].type != DP_PERSON)
        return 0;
    for (uint16_t c = s->first_child[i + 1]; c; c = s->next_sibling[c]) {
        const char *r = rel_of(s, c - 1u);
        if (rel_matches("det", r) || ((rel_matches("nmod", r) || rel_matches("acl", r)) && c - 1u > i))
            return 0;
    }
    return 1;
}

/* Whether the active verb i takes over a thing no company's word, share or name stands for
 * ("reprend le dossier de la SNCF", "a repris l'impression des Echos", "reprendre le rôle de
 * T'Challa"), or goods or a work, whatever name they bear ("achète une console Epoch", "a
 * repris la série Spirou"): no company. */
static int takes_a_thing(const sentence *s, size_t i)
{
    if (has_child(s, i, "aux:pass", NULL))
        return 0;
    for (uint16_t c = s->first_child[i + 1]; c; c = s->next_sibling[c]) {
        size_t o = c - 1u;
        const dp_word *ow = &s->w->words[o];
        if (rel_matches("obj", rel_of(s, o)) && ow->upos == DP_NOUN && s->token_mention[ow->token] < 0 &&
            (word_bits(&s->e->frames, ow->lemma) & DP_FRAME_WORD_GOODS))
            return 1;
        if (rel_matches("obj", rel_of(s, o)) && ow->upos == DP_NOUN && s->token_mention[ow->token] < 0 &&
            !company_word(s, o) && !named_beside(s, o, 2) &&
            !(word_bits(&s->e->frames, ow->lemma) &
              (DP_FRAME_WORD_SHARE | DP_FRAME_WORD_DEPARTMENT | DP_FRAME_WORD_MEDIUM)))
            return 1;
    }
    return 0;
}

/* Whether a rule's purchase, read at the verb of sale i, names as the target a company found
 * elsewhere than where the verb takes over what it takes ("Il s'est repris auprès de France
 * Info", "l'a repris sur Twitter", "X (Winston, Camel) a offert"); a buyer that is not the
 * verb's subject may list its purchases in brackets ("X a racheté Y, autant que Z (A, B et
 * C)"). */
static int target_elsewhere(const sentence *s, const dp_event *ev, size_t i)
{
    const dp_event_arg_value *target = &ev->args[DP_ARG_TARGET];
    if (!target->set)
        return 0;
    /* "s'offrir X" buys X for oneself; "se reprendre", with no object, is to correct oneself */
    int reflexive = has_child(s, i, "obj", "se") || has_child(s, i, "expl", "se"), object = 0;
    for (uint16_t c = s->first_child[i + 1]; c && reflexive; c = s->next_sibling[c])
        object |= rel_matches("obj", rel_of(s, c - 1u)) && strcmp(s->w->words[c - 1u].lemma, "se");
    if (object)
        return 0;
    uint32_t from = target->mention >= 0 ? s->m->items[target->mention].cp_start : target->cp_start,
             to = target->mention >= 0 ? s->m->items[target->mention].cp_end : target->cp_end;
    if (taken_over(s, i, from, to))
        return 0;
    int32_t buyer = ev->args[DP_ARG_ACQUIRER].mention;
    for (uint16_t c = s->first_child[i + 1]; c && buyer >= 0; c = s->next_sibling[c])
        if (is_subject(rel_of(s, c - 1u)) &&
            phrase_holds(s, c - 1u, s->m->items[buyer].cp_start, s->m->items[buyer].cp_end, 3, 1))
            return 1;
    int bracketed = 0; /* the last bracket before the target opens */
    for (size_t tk = 0; tk < s->n_toks && s->toks[tk].cp_end <= from; tk++)
        if (s->text[s->toks[tk].start] == '(' || s->text[s->toks[tk].start] == ')')
            bracketed = s->text[s->toks[tk].start] == '(';
    return !bracketed;
}

/* Whether the person a rule's move names at verb i is someone the verb's subject (or passive
 * subject, or object) only mentions: "une conseillère du ministre X a dû quitter Bercy" is no
 * move of X. The name the parser glues to a post's complement is the subject's own ("la
 * conseillère de Paris Léa Filoche", "le numéro deux de LREM Pierre Person"); a name set
 * beside a word for a person is that one's ("du ministre X"). */
static int mover_mentioned(const sentence *s, const dp_mention *who, size_t i)
{
    int held = 0, named = 0;
    size_t verb = subject_verb(s, i);
    for (size_t v = 0; v < 2; v++)
        for (uint16_t c = s->first_child[(v ? verb : i) + 1]; c; c = s->next_sibling[c]) {
            const char *rel = rel_of(s, c - 1u);
            if ((!is_subject(rel) && !rel_matches("obj", rel)) || (v && verb == i))
                continue;
            held |= phrase_holds(s, c - 1u, who->cp_start, who->cp_end, 4, 1);
            named |= phrase_holds(s, c - 1u, who->cp_start, who->cp_end, 4, 0);
        }
    for (size_t wi = 0; held && !named && wi < s->w->n_words; wi++) {
        if (s->toks[s->w->words[wi].token].cp_start != who->cp_start || !s->w->words[wi].head)
            continue;
        const char *rel = rel_of(s, wi);
        named = !names_a_person(s, s->w->words[wi].head - 1u) &&
                (rel_matches("flat", rel) || rel_matches("appos", rel) ||
                 (rel_matches("nmod", rel) && !has_child(s, wi, "case", NULL)));
    }
    return held && !named;
}

/* The first link of the frames whose trigger is this lemma, a noun's or a verb's; 0 if none. */
static uint32_t first_frame(const dp_frame_rules *r, const char *lemma, int noun)
{
    char key[DP_MORPHO_MAX_WORD + 3];
    size_t len = strlen(lemma);
    uint32_t link;
    if (!len || len > DP_MORPHO_MAX_WORD)
        return 0;
    memcpy(key, lemma, len);
    key[len] = '\t';
    key[len + 1] = noun ? 'n' : 'v';
    return dp_lexicon_get(&r->triggers, key, len + 2, &link) ? link : 0;
}

/* Whether a frame of this type reads, at this verb, the person from the verb's object ("X
 * nomme Y", "X a limogé Y"): the active verb's subject is then who acts on the person. */
static int person_is_object(const dp_frame_rules *r, int type, const char *lemma)
{
    for (uint32_t link = first_frame(r, lemma, 0); link; link = r->links[2 * (link - 1) + 1]) {
        const dp_frame *f = &r->frames[r->links[2 * (link - 1)]];
        for (uint32_t k = 0; f->type == type && k < f->n_paths; k++) {
            const dp_frame_path *p = &r->paths[f->first_path + k];
            if (p->arg == DP_ARG_PERSON && p->n_steps && !p->steps[0].up && !strcmp(p->steps[0].rel, "obj"))
                return 1;
        }
    }
    return 0;
}

/* Whether verb i has a subject of its own, a noun, and the person a rule's move names lies
 * nowhere in the verb's phrase: the move is that subject's ("X a demandé à Y que l'ex-Premier
 * ministre soit nommé au Conseil": Y is not named; "Y est remplacé par Z" names Z). */
static int subject_elsewhere(const sentence *s, const dp_event_arg_value *person, size_t i)
{
    if (s->w->words[i].upos != DP_VERB)
        return 0;
    int subject = 0;
    for (uint16_t c = s->first_child[i + 1]; c; c = s->next_sibling[c]) {
        if (phrase_holds(s, c - 1u, person->cp_start, person->cp_end, 4, 1))
            return 0;
        if (is_subject(rel_of(s, c - 1u)))
            subject = s->w->words[c - 1u].upos != DP_PRON;
    }
    return subject;
}

/* Whether the parse says a rule misread the event it found at trigger word i:
 * - a participle the parser reads as a noun names a person, not the act ("un élu du RN",
 *   "l'élue de La France insoumise"); a bare noun after a name is a slogan ("Macron
 *   démission"), where a title tells the act with its complement ("Démission de X");
 * - the one a rule says was dismissed or appointed is the active verb's subject (or the subject
 *   it shares), who dismisses or appoints ("Elon Musk a licencié son directeur général", "X a
 *   promis de nommer un juge à la Cour suprême"), or, for a dismissal, no one its object
 *   holds where it has a subject of its own ("le député X a licencié sa compagne");
 * - a purchase of a thing, or of a company the verb of sale does not take over;
 * - a person's move told of someone the verb's subject or object only mentions, or at a verb
 *   whose own subject, a noun, leaves the person out of all its phrase (subject_elsewhere);
 * - a move told by a noun is the move of the one its complement or possessive names ("le
 *   limogeage de X", "sa démission"), not of a name elsewhere in the sentence ("X a salué le
 *   limogeage des quatre policiers"). */
static int misread(const sentence *s, const dp_event *ev, size_t i)
{
    const dp_word *wd = &s->w->words[i];
    if ((wd->upos == DP_NOUN && participle_noun(s, wd)) || (wd->upos != DP_VERB && bare_after_name(s, i)))
        return 1;
    if (wd->upos == DP_PROPN)
        return 0;
    const dp_event_arg_value *person = &ev->args[DP_ARG_PERSON];
    int moves = DP_EV_MOVES >> ev->type & 1u;
    if (wd->upos == DP_NOUN)
        return moves && person->mention >= 0 && !has_child(s, i, "det", "son") &&
               !told_by_noun(s, i, &s->m->items[person->mention]);
    int acts_on_object = moves && person_is_object(&s->e->frames, ev->type, wd->lemma);
    if (person->set && !has_child(s, i, "aux:pass", NULL) && (ev->type == DP_EV_DISMISSAL || acts_on_object)) {
        /* the subject a verb shares is who acts only where the verb acts on its object: "a dû
         * quitter Renault" is a dismissal of its subject */
        size_t v = acts_on_object ? subject_verb(s, i) : i;
        /* a past participle with no auxiliary has no active subject: "X élu vice-président" */
        const dp_word *vw = &s->w->words[v];
        int bare = has_feature(vw, "VerbForm=Part") && has_feature(vw, "Tense=Past") && !has_child(s, v, "aux", NULL);
        int subject = 0, object = 0;
        for (uint16_t c = s->first_child[v + 1]; c && !bare; c = s->next_sibling[c]) {
            const dp_token *ct = &s->toks[s->w->words[c - 1u].token];
            if (!strcmp(rel_of(s, c - 1u), "nsubj") && ct->cp_start >= person->cp_start && ct->cp_end <= person->cp_end)
                return 1;
            subject |= !strcmp(rel_of(s, c - 1u), "nsubj");
            object |= rel_matches("obj", rel_of(s, c - 1u)) &&
                      phrase_holds(s, c - 1u, person->cp_start, person->cp_end, 4, 1);
        }
        /* an active verb of dismissal with a subject of its own dismisses its object, not a
         * person named elsewhere: "Selon X, les entreprises qui licencient trop paieront" */
        if (ev->type == DP_EV_DISMISSAL && !bare && v == i && subject && !object)
            return 1;
    }
    if (ev->type == DP_EV_ACQUISITION &&
        (takes_a_thing(s, i) ||
         ((word_bits(&s->e->frames, wd->lemma) & DP_FRAME_WORD_SALE) && target_elsewhere(s, ev, i))))
        return 1;
    if (moves && person->set && subject_elsewhere(s, person, i))
        return 1;
    return moves && person->mention >= 0 && mover_mentioned(s, &s->m->items[person->mention], i);
}

int dp_frames_in_sentence(const depeche_engine *e, const char *text, const dp_token *toks,
                          size_t n, const dp_syntax_work *w, uint32_t line,
                          const dp_mentions *m, dp_date ref, dp_date teaser_date, int in_title,
                          size_t rules_from, dp_events *out)
{
    const dp_frame_rules *r = &e->frames;
    if (!r->n_frames || !n || !w->n_words)
        return 0;
    size_t rules_to = out->n;
    sentence *s = dp_calloc(1, sizeof *s);
    if (!s)
        return DEPECHE_ERR_NOMEM;
    s->e = e, s->text = text, s->toks = toks, s->n_toks = n, s->w = w, s->m = m, s->bound = -1;
    for (size_t i = 0; i < n; i++)
        s->token_mention[i] = s->token_unknown[i] = -1;
    /* the sentence's mentions, found by halving (a pass over the article's for each sentence
     * made a long article quadratic) */
    size_t lo = dp_mentions_from(m, toks[0].start);
    for (size_t k = lo; k < m->n && m->items[k].start < toks[n - 1].end; k++) {
        const dp_mention *x = &m->items[k];
        for (size_t i = 0; i < n; i++)
            if (toks[i].start >= x->start && toks[i].end <= x->end && s->token_mention[i] < 0)
                s->token_mention[i] = (int32_t)k;
    }
    /* the unknown names no mention took */
    size_t u = 0, hi = m->n_unknown;
    while (u < hi) {
        size_t mid = (u + hi) / 2;
        if (m->unknown[mid].end <= toks[0].start)
            u = mid + 1;
        else
            hi = mid;
    }
    for (; u < m->n_unknown && m->unknown[u].start < toks[n - 1].end; u++)
        for (size_t i = 0; i < n; i++)
            if (toks[i].start >= m->unknown[u].start && toks[i].end <= m->unknown[u].end &&
                s->token_mention[i] < 0)
                s->token_unknown[i] = (int32_t)u;
    /* children in text order: built from the last word back */
    for (size_t i = w->n_words; i-- > 0;) {
        uint16_t h = w->words[i].head;
        s->next_sibling[i + 1] = s->first_child[h];
        s->first_child[h] = (uint16_t)(i + 1);
    }
    int rc = 0;
    for (size_t i = 0; i < w->n_words && !rc; i++) {
        const dp_word *wd = &w->words[i];
        int noun = wd->upos == DP_NOUN;
        if (!noun && wd->upos != DP_VERB && wd->upos != DP_ADJ)
            continue;
        uint32_t link = first_frame(r, wd->lemma, noun);
        for (; link && !rc; link = r->links[2 * (link - 1) + 1]) {
            uint32_t fi = r->links[2 * (link - 1)];
            /* a headline frame reads a title that opens with its trigger: "Nouvelle Peugeot
             * 308 : ...", not "Samsung va lancer le nouveau Galaxy Note" */
            if (r->frames[fi].headline && (!in_title || wd->token != 0))
                continue;
            rc = read_frame(s, &r->frames[fi], fi, i, line, ref, teaser_date, out);
        }
    }
    /* the rules' events of the sentence, asserted within their window, denied where the parse
     * reads a denial or a negation around their trigger ("L'Élysée dément que Macron ait
     * évoqué sa démission", "X refuse de démissionner"), supposed under a condition, a demand
     * or a question ("si Danone rachète X", "appelle à la démission de X"); the parse's other
     * plans are left to the frames, a rule's "a dû céder sa place" being a fact */
    for (size_t k = rules_from; k < rules_to && !rc; k++) {
        dp_event *ev = &out->items[k];
        if (ev->rule < 0 || ev->modality != DP_ASSERTED)
            continue;
        for (size_t i = 0; i < w->n_words; i++) {
            const dp_word *wd = &w->words[i];
            if (toks[wd->token].cp_start != ev->trigger_cp_start ||
                (wd->upos != DP_VERB && wd->upos != DP_NOUN && wd->upos != DP_PROPN))
                continue;
            if (misread(s, ev, i)) {
                memmove(ev, ev + 1, (out->n - k - 1) * sizeof *ev);
                out->n--, rules_to--, k--;
                break;
            }
            if (wd->upos == DP_PROPN)
                break;
            int firm;
            uint8_t how = modality(s, i, ev->type, &firm);
            if (how == DP_NEGATED || (how == DP_HYPOTHETICAL && firm))
                ev->modality = how;
            break;
        }
    }
    free(s);
    return rc;
}
