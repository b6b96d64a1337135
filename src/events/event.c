/* Events: units, rules, arguments, modality and dates. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "engine.h"
#include "event.h"
#include "normalize.h"
#include "resource.h"

static const char *const type_names[DP_EVENT_TYPES] = {
    "appointment", "dismissal", "resignation", "join",      "acquisition",
    "merger",      "partnership", "funding",   "lawsuit",   "layoffs",
    "product_launch", "bankruptcy", "fine"};

static const char *const arg_names[DP_EVENT_ARGS] = {
    "person",   "org",      "role",     "predecessor", "acquirer",  "target",  "amount",
    "partner1", "partner2", "partner3", "partner4",    "investor",  "plaintiff",
    "defendant", "court",   "product",  "count",       "authority", "neg",     "hyp"};

const char *dp_event_type_name(enum dp_event_type type)
{
    return (unsigned)type < DP_EVENT_TYPES ? type_names[type] : "?";
}

static const char *const modality_names[DP_MODALITIES] = {"asserted", "hypothetical", "negated"};

const char *dp_modality_name(enum dp_modality modality)
{
    return (unsigned)modality < DP_MODALITIES ? modality_names[modality] : "?";
}

int dp_modality_from(const char *name)
{
    for (int m = 0; name && m < DP_MODALITIES; m++)
        if (!strcmp(name, modality_names[m]))
            return m;
    return -1;
}

const char *dp_event_arg_name(enum dp_event_arg arg)
{
    if (arg >= DP_ARG_PARTNER1 && arg <= DP_ARG_PARTNER4)
        return "partners";
    return (unsigned)arg < DP_EVENT_ARGS ? arg_names[arg] : "?";
}

int dp_event_type_from(const char *s, size_t n)
{
    for (int t = 0; t < DP_EVENT_TYPES; t++)
        if (dp_word_is(s, n, type_names[t]))
            return t;
    return -1;
}

/* The core arguments of each type: an event lacking one is not reported. */
static int is_core(enum dp_event_type type, enum dp_event_arg a)
{
    switch (type) {
    case DP_EV_APPOINTMENT: case DP_EV_DISMISSAL: case DP_EV_RESIGNATION: case DP_EV_JOIN:
        return a == DP_ARG_PERSON || a == DP_ARG_ORG;
    case DP_EV_ACQUISITION: return a == DP_ARG_ACQUIRER || a == DP_ARG_TARGET;
    case DP_EV_MERGER: case DP_EV_PARTNERSHIP: return a == DP_ARG_PARTNER1 || a == DP_ARG_PARTNER2;
    case DP_EV_FUNDING: return a == DP_ARG_TARGET;
    case DP_EV_LAWSUIT: return a == DP_ARG_PLAINTIFF || a == DP_ARG_DEFENDANT;
    case DP_EV_LAYOFFS: case DP_EV_BANKRUPTCY: return a == DP_ARG_ORG;
    case DP_EV_PRODUCT_LAUNCH: return a == DP_ARG_ORG || a == DP_ARG_PRODUCT;
    case DP_EV_FINE: return a == DP_ARG_ORG || a == DP_ARG_AUTHORITY;
    default: return 0;
    }
}

/* ---- Loading ---------------------------------------------------------------------------- */

static int is_trigger_class(char c)
{
    /* @ & ~ % ;: key words of idioms, each its own class, which the rules read in full
     * ("mettre la main sur", "sort", "prend la tête", "en justice contre", "céder sa place");
     * $: sales */
    return c && strchr("NSTUHKQ3JAIGFYV4XZWBEip`/@&~%;$", c) != NULL;
}


static int load_rule(dp_event_rules *r, const char *args, size_t len, const char *path,
                     unsigned long line, depeche_error *err)
{
    const char *f, *start = args;
    size_t fl;
    int type = -1;
    double confidence = -1;
    char number[16];
    if (dp_next_field(&args, &len, &f, &fl))
        type = dp_event_type_from(f, fl);
    if (dp_next_field(&args, &len, &f, &fl) && fl < sizeof number) {
        memcpy(number, f, fl);
        number[fl] = '\0';
        char *end;
        confidence = strtod(number, &end);
        if (*end)
            confidence = -1;
    }
    if (type < 0 || confidence < 0 || confidence > 1 || !len)
        return dp_fail(err, DEPECHE_ERR_DATA, path, line, 0,
                       "expected 'event TYPE CONFIDENCE PATTERN' with TYPE an event type "
                       "(appointment, dismissal, ...) and CONFIDENCE from 0 to 1");
    dp_event_rule rule = {(uint8_t)type, (float)confidence, {0}, path, line};
    dp_rule_set *set = &r->sets[type];
    long k = dp_rule_set_add(set, args, len, 0, path, line, arg_names, DP_EVENT_ARGS, rule.groups, err);
    if (k < 0) {
        if (err && err->code == DEPECHE_ERR_DATA && err->offset)
            err->offset += (unsigned long)(args - start);
        return (int)k;
    }
    size_t in_set = (size_t)k;
    if (dp_reserve((void **)&r->set_rule[type], &r->set_rule_cap[type], in_set + 1, sizeof(size_t)) ||
        DP_PUSH(r->rules, r->n_rules, r->rules_cap, rule))
        return dp_fail(err, DEPECHE_ERR_NOMEM, path, line, 0, "out of memory");
    r->set_rule[type][in_set] = r->n_rules - 1;
    /* the trigger classes this rule names: outside character classes' negations, any of them */
    for (size_t i = 0; i < len; i++) {
        char c = args[i];
        if (is_trigger_class(c) && (i == 0 || args[i - 1] != '<') && !strchr(r->triggers[type], c) &&
            strlen(r->triggers[type]) + 1 < sizeof r->triggers[type])
            strncat(r->triggers[type], &c, 1);
    }
    return 1;
}

int dp_event_types_load(uint8_t *types, const char *args, size_t len, const char *kind,
                        const char *path, unsigned long line, depeche_error *err)
{
    const char *f;
    size_t fl;
    int any = 0;
    while (dp_next_field(&args, &len, &f, &fl)) {
        int type = dp_event_type_from(f, fl);
        if (type < 0)
            return dp_fail(err, DEPECHE_ERR_DATA, path, line, 0, "'%.*s' is not an event type", (int)fl, f);
        types[type] = any = 1;
    }
    return any ? 1 : dp_fail(err, DEPECHE_ERR_DATA, path, line, 0, "expected '%s TYPES...'", kind);
}

int dp_event_rules_load(dp_event_rules *r, const char *kind, size_t kind_len, const char *args,
                        size_t args_len, const char *path, unsigned long line, depeche_error *err)
{
    if (dp_word_is(kind, kind_len, "cue"))
        return dp_word_classes_load(&r->cues, args, args_len, "cue", path, line, err);
    if (dp_word_is(kind, kind_len, "event"))
        return load_rule(r, args, args_len, path, line, err);
    if (dp_word_is(kind, kind_len, "planned"))
        return dp_event_types_load(r->planned, args, args_len, "planned", path, line, err);
    return 0;
}

int dp_event_rules_finish(dp_event_rules *r, depeche_error *err)
{
    for (int t = 0; t < DP_EVENT_TYPES; t++) {
        int rc = dp_rule_set_finish(&r->sets[t], 0, r->n_rules ? r->rules[0].path : NULL, err);
        if (rc)
            return rc;
    }
    return 0;
}

void dp_event_rules_release(dp_event_rules *r)
{
    dp_lexicon_release(&r->cues);
    free(r->rules);
    for (int t = 0; t < DP_EVENT_TYPES; t++) {
        dp_rule_set_release(&r->sets[t]);
        free(r->set_rule[t]);
    }
    memset(r, 0, sizeof *r);
}


int dp_event_has_trigger(const dp_event_rules *r, const dp_token *toks, size_t n,
                         const dp_token_keys *keys)
{
    for (size_t i = 0; i < n; i++)
        if (toks[i].kind == DP_TOK_WORD &&
            is_trigger_class(dp_word_class(&r->cues, keys->key[i], keys->len[i], toks[i].flags)))
            return 1;
    return 0;
}

/* ---- Units ------------------------------------------------------------------------------ */

#define DP_MAX_UNITS DP_MAX_SENTENCE_TOKENS

typedef struct units {
    char s[DP_MAX_UNITS + 1];
    uint16_t first[DP_MAX_UNITS], last[DP_MAX_UNITS]; /* tokens, inclusive */
    int32_t mention[DP_MAX_UNITS];
    size_t n;
} units;

static const char mention_unit[DP_ENTITY_TYPES] = {
    [DP_PERSON] = 'P', [DP_ORG] = 'O', [DP_ROLE] = 'R', [DP_PLACE] = 'L', [DP_DATE] = 'D',
    [DP_MONEY] = 'M', [DP_GIVEN] = 'w', [DP_OTHER] = 'w'};

/* Whether a word can be part of a name: capitalised, or "iPhone", "iPad", "eMac" (a small
 * letter, then a capital). */
static int name_like(const char *text, const dp_token *t)
{
    return t->kind == DP_TOK_WORD &&
           ((t->flags & (DP_TF_CAPITALIZED | DP_TF_ALLCAPS)) ||
            (t->end - t->start >= 3 && text[t->start] >= 'a' && text[t->start] <= 'z' &&
             text[t->start + 1] >= 'A' && text[t->start + 1] <= 'Z'));
}

/* Whether token i is a capitalised word of a short title between quotes: ("Le Procès"),
 * « Le Grand Départ » */
static int quoted_title_word(const char *text, const dp_token *toks, size_t n, size_t i)
{
    size_t open = i, close = i + 1;
    while (open > 0 && i - open < 3 && !dp_token_is_quote(text, &toks[open - 1]))
        open--;
    while (close < n && close - i < 4 && !dp_token_is_quote(text, &toks[close]))
        close++;
    if (open == 0 || close >= n || !dp_token_is_quote(text, &toks[open - 1]) ||
        !dp_token_is_quote(text, &toks[close]))
        return 0;
    for (size_t k = open; k < close; k++)
        if (toks[k].kind == DP_TOK_PUNCT)
            return 0;
    return 1;
}

static void build_units(const depeche_engine *e, const char *text, const dp_token *toks, size_t n,
                        const dp_token_keys *keys, const dp_mentions *m, units *u)
{
    size_t k = n ? dp_mentions_from(m, toks[0].start) : 0, other = n ? dp_others_from(m, toks[0].start) : 0;
    u->n = 0;
    for (size_t i = 0; i < n && u->n < DP_MAX_UNITS;) {
        size_t unit = u->n++;
        u->first[unit] = (uint16_t)i;
        u->mention[unit] = -1;
        while (k < m->n && m->items[k].end <= toks[i].start)
            k++;
        const dp_token *t = &toks[i];
        if (k < m->n && m->items[k].start == t->start) {
            size_t j = i;
            while (j + 1 < n && toks[j].end < m->items[k].end)
                j++;
            u->s[unit] = mention_unit[m->items[k].type];
            /* "Selon Les Echos, un procès de X": a source that reports, no part of what it
             * reports */
            if (i > 0 && (u->s[unit] == 'O' || u->s[unit] == 'P') && dp_token_key_is(keys, i - 1, "selon"))
                u->s[unit] = 'w';
            u->mention[unit] = (int32_t)k;
            u->last[unit] = (uint16_t)j;
            i = j + 1;
            continue;
        }
        /* "Covid-19", "Ligue des champions": a name the lists know as no person, company or
         * place is a plain word, which no part takes */
        while (other < m->n_others && m->others[other].end <= t->start)
            other++;
        if (other < m->n_others && m->others[other].start == t->start) {
            size_t j = i;
            while (j + 1 < n && toks[j].end < m->others[other].end)
                j++;
            u->s[unit] = 'w';
            u->last[unit] = (uint16_t)j;
            i = j + 1;
            continue;
        }
        char c = dp_word_class(&e->events.cues, keys->key[i], keys->len[i], t->flags);
        /* a title between quotes names a work: Orson Welles ("Le Procès") sued nobody */
        if (c && (t->flags & DP_TF_CAPITALIZED) && quoted_title_word(text, toks, n, i))
            c = 'w';
        /* "être d'accord avec", "en accord avec": agreeing, no agreement signed (a "protocole
         * d'accord", a "projet d'accord" is one) */
        if (c && dp_token_key_is(keys, i, "accord") && i > 0 &&
            (dp_token_key_is(keys, i - 1, "en") ||
             (dp_token_key_is(keys, i - 1, "d'") &&
              !(i > 1 && (dp_token_key_is(keys, i - 2, "protocole") || dp_token_key_is(keys, i - 2, "projet") ||
                          dp_token_key_is(keys, i - 2, "signature") || dp_token_key_is(keys, i - 2, "lettre"))))))
            c = 'w';
        if (!c) {
            if (t->kind == DP_TOK_NUMBER)
                c = 'd';
            else if (t->kind == DP_TOK_PUNCT)
                c = t->end - t->start == 1 && strchr(",.():\"", text[t->start]) ? text[t->start]
                    : (t->end - t->start == 2 && (unsigned char)text[t->start] == 0xC2) ? '"' : '_';
            else if (name_like(text, t) &&
                     !dp_word_class(&e->matcher.classes, keys->key[i], keys->len[i], t->flags) &&
                     !dp_word_class(&e->matcher.classes, keys->key[i], keys->len[i], 0)) {
                /* a product: capitalised words and the numbers after them, "Galaxy Note 8" */
                size_t j = i;
                while (j + 1 < n && !(k < m->n && m->items[k].start == toks[j + 1].start) &&
                       ((name_like(text, &toks[j + 1]) &&
                         !dp_word_class(&e->events.cues, keys->key[j + 1], keys->len[j + 1], toks[j + 1].flags)) ||
                        toks[j + 1].kind == DP_TOK_NUMBER))
                    j++;
                /* "Développée en collaboration avec Williams", "Personnels de santé", "Grâce à
                 * un accord": one capitalised word opening the sentence before a plain small
                 * word (not a verb the rules know, "Yooji a levé", "Syntony arrive") is mostly
                 * a common word */
                int opener = j == i && (t->flags & DP_TF_SENTENCE_START) && j + 1 < n &&
                             toks[j + 1].kind == DP_TOK_WORD &&
                             !(toks[j + 1].flags & (DP_TF_CAPITALIZED | DP_TF_ALLCAPS));
                if (opener) {
                    char next = dp_word_class(&e->events.cues, keys->key[j + 1], keys->len[j + 1],
                                              toks[j + 1].flags);
                    /* "à", not the verb "a", which shares its class */
                    opener = !next || next == 'x' ||
                             (next == 'a' && !dp_word_is(text + toks[j + 1].start,
                                                         toks[j + 1].end - toks[j + 1].start, "a"));
                }
                u->s[unit] = opener ? 'w' : 'C';
                u->last[unit] = (uint16_t)j;
                i = j + 1;
                continue;
            } else
                c = 'w';
        }
        u->s[unit] = c;
        u->last[unit] = (uint16_t)i;
        i++;
    }
    u->s[u->n] = '\0';
}

/* ---- Events ----------------------------------------------------------------------------- */

/* The last mention of `type` that starts before byte `before` and is not entity `other` (a
 * pronoun's or a description's antecedent), or -1. */
static int32_t antecedent_other(const dp_mentions *m, uint8_t type, uint32_t before, int32_t other)
{
    for (size_t k = dp_mentions_from(m, before); k-- > 0;)
        if (m->items[k].type == type && m->items[k].start < before && m->items[k].entity != other)
            return (int32_t)k;
    return -1;
}

/* What a listed name is to events (enum dp_gaz_kind): a medium, a seat, an office...; plain
 * for a name no list gave. */
static uint8_t listed_kind(const depeche_engine *e, const dp_mention *x)
{
    return x->entry >= 0 ? dp_gazetteer_entry(&e->gazetteer, (size_t)x->entry).kind : DP_GAZ_PLAIN;
}

/* Whether a mention names a court ("tribunal de commerce de Paris"): its first word is of the
 * entity rules' class K. */
static int court(const depeche_engine *e, const char *text, const dp_mention *x)
{
    uint32_t end = x->start;
    while (end < x->end && text[end] != ' ')
        end++;
    char key[64];
    size_t k = dp_fold_key(text + x->start, end - x->start, key, sizeof key);
    return k != (size_t)-1 && dp_word_class(&e->matcher.classes, key, k, 0) == 'K';
}

/* What "la société", "le groupe" or "elle" at byte `at` stands for: the organisation named
 * last before, not entity `other`, not a news outlet, which reports more often than it acts
 * ("a rapporté CNN ... ont quitté le siège de la société"), and not a court, which judges
 * ("devant le tribunal de commerce ... Elle avait été rachetée"); -1 if none. */
/* Whether a name ends a longer one, a capitalised word before it that does not open the
 * sentence: "la Bugatti Chiron", "le Land Rover Defender", "la Spyker C8" name models, and
 * "Chiron", "Defender", "C8" there no company. */
static int inside_longer_name(const char *text, const dp_mention *x)
{
    uint32_t len, start = dp_word_before(text, x->start, &len), before;
    if (!len || !(text[start] >= 'A' && text[start] <= 'Z'))
        return 0;
    dp_word_before(text, start, &before);
    return before > 0;
}

static int32_t org_antecedent(const depeche_engine *e, const char *text, const dp_mentions *m,
                              uint32_t at, int32_t other)
{
    int32_t k = antecedent_other(m, DP_ORG, at, other);
    while (k >= 0 && (listed_kind(e, &m->items[k]) == DP_GAZ_MEDIA || court(e, text, &m->items[k]) ||
                      inside_longer_name(text, &m->items[k])))
        k = antecedent_other(m, DP_ORG, m->items[k].start, other);
    return k;
}

/* The mention of one of `names` (folded, each NUL-ended, ended by an empty one) nearest before
 * byte `at`, else the first after it (a title names the make the body calls "le constructeur
 * d'Ingolstadt"), not entity `other`; DP_ANTECEDENT_NAMED_ELSEWHERE if the article names none
 * of them. */
static int32_t named_in_article(const char *text, const dp_mentions *m, const char *names, uint32_t at,
                                int32_t other)
{
    int32_t found = DP_ANTECEDENT_NAMED_ELSEWHERE;
    for (size_t k = 0; k < m->n; k++) {
        const dp_mention *x = &m->items[k];
        if (found >= 0 && x->start >= at)
            break;
        if (x->type != DP_ORG || x->entity == other)
            continue;
        char key[128];
        size_t n = dp_fold_key(text + x->start, x->end - x->start, key, sizeof key);
        for (const char *name = names; *name && n != (size_t)-1; name += strlen(name) + 1)
            if (strlen(name) == n && !memcmp(name, key, n)) {
                found = (int32_t)k;
                break;
            }
    }
    return found;
}

/* What a word for a company ("le groupe", "la société") stands for: as org_antecedent, and not
 * a union ("FO dénonce ... le groupe a annoncé 500 suppressions de postes" is not FO's) nor a
 * school ("diplômé de HEC, il a rejoint le groupe de son père"). With an epithet ("le
 * constructeur d'Ingolstadt", "la marque au losange"), the make it names, or none
 * (DP_ANTECEDENT_NAMED_ELSEWHERE). */
static int32_t company_antecedent(const depeche_engine *e, const char *text, const dp_mentions *m,
                                  uint32_t at, int32_t other)
{
    const char *names = dp_frame_epithet_after(&e->frames, text, at);
    if (names)
        return named_in_article(text, m, names, at, other);
    for (int32_t k = org_antecedent(e, text, m, at, other); k >= 0;
         k = org_antecedent(e, text, m, m->items[k].start, other)) {
        uint8_t kind = listed_kind(e, &m->items[k]);
        if (kind != DP_GAZ_UNION && kind != DP_GAZ_SCHOOL)
            return k;
    }
    return -1;
}

/* Whether the name at byte `at` follows an indefinite or demonstrative article ("une Porsche
 * 911", "cette Mercedes", "l'acquisition d'une Mercedes"): a thing of that make, which a
 * company's name never takes. The word before, lowercased, goes to word (room for 8 bytes). */
static int after_article(const char *text, uint32_t at, char *word)
{
    static const char *const articles[] = {"un", "une", "ce", "cet", "cette"};
    uint32_t len, start = dp_word_before(text, at, &len);
    word[0] = '\0';
    if (!len || len >= 8)
        return 0;
    for (uint32_t i = 0; i < len; i++)
        word[i] = (char)(text[start + i] | 0x20);
    word[len] = '\0';
    for (size_t i = 0; i < DP_ARRAY_LEN(articles); i++)
        if (!strcmp(word, articles[i]))
            return 1;
    return 0;
}

int dp_event_one_of_a_kind(const char *text, uint32_t start, uint32_t end)
{
    char word[8];
    if (after_article(text, start, word))
        return 1;
    /* before a model's code: digits, with a capital ("la Ferrari F40") or after "la", "sa",
     * "leur" ("sa Porsche 911") */
    static const char *const definite[] = {"la", "sa", "leur"};
    const char *after = text + end;
    if (*after != ' ')
        return 0;
    int digits = 0, capitals = 0;
    size_t n = 1;
    for (; after[n] && after[n] != ' ' && after[n] != ',' && after[n] != '.' && after[n] != ')'; n++) {
        digits += after[n] >= '0' && after[n] <= '9';
        capitals += after[n] >= 'A' && after[n] <= 'Z';
    }
    if (!digits || n > 8)
        return 0;
    if (capitals)
        return 1;
    for (size_t i = 0; i < DP_ARRAY_LEN(definite); i++)
        if (!strcmp(word, definite[i]))
            return 1;
    return 0;
}

/* Whether the organisation in argument a of ev stands for one thing of its make. A launch names
 * its maker with the model ("présente la Peugeot 308", "cette Bugatti Baby II présentée au
 * salon"): there only "un", "une", or a demonstrative apart from the product, say one thing. */
static int one_thing_named(const char *text, const dp_mentions *m, const dp_event *ev, int a)
{
    const dp_mention *x = &m->items[ev->args[a].mention];
    if (ev->type != DP_EV_PRODUCT_LAUNCH)
        return dp_event_one_of_a_kind(text, x->start, x->end);
    char article[8];
    return after_article(text, x->start, article) &&
           (article[0] == 'u' || x->cp_start != ev->args[DP_ARG_PRODUCT].cp_start);
}

static int word_is(const char *text, uint32_t start, uint32_t len, const char *const *words, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (strlen(words[i]) == len && !memcmp(text + start, words[i], len))
            return 1;
    return 0;
}

/* Where the words before byte `at` end once "de", "du", "des" or "d'" ("d'Atos", "d’Atos")
 * and the blanks before it are passed over, or UINT32_MAX when no "de" comes just before. */
static uint32_t of_before(const char *text, uint32_t at)
{
    static const char *const of[] = {"de", "du", "des"};
    uint32_t len;
    if (at >= 2 && text[at - 1] == '\'' && (text[at - 2] == 'd' || text[at - 2] == 'D'))
        at -= 2;
    else if (at >= 4 && !memcmp(text + at - 3, "\xE2\x80\x99", 3) && text[at - 4] == 'd')
        at -= 4;
    else {
        at = dp_word_before(text, at, &len);
        if (!word_is(text, at, len, of, DP_ARRAY_LEN(of)))
            return UINT32_MAX;
    }
    while (at > 0 && text[at - 1] == ' ')
        at--;
    return at;
}

/* The role named just before "de" and organisation `org` ("directeur de Thales", "l'ex-patron
 * de Thales"), or NULL. */
static const dp_mention *post_role(const char *text, const dp_mentions *m, const dp_mention *org)
{
    uint32_t at = of_before(text, org->start);
    if (at == UINT32_MAX)
        return NULL;
    for (size_t k = dp_mentions_from(m, at); k-- > 0;)
        if (m->items[k].end == at && m->items[k].type == DP_ROLE)
            return &m->items[k];
        else if (m->items[k].end < at)
            break;
    return NULL;
}

int dp_event_role_is_past(const char *text, const dp_mention *role)
{
    static const char *const former[] = {"ancien", "ancienne", "anciens", "anciennes"};
    if (role->start >= 3 && (!memcmp(text + role->start - 3, "ex-", 3) || !memcmp(text + role->start - 3, "Ex-", 3)))
        return 1;
    if (!strncmp(text + role->start, "ex-", 3) || !strncmp(text + role->start, "Ex-", 3))
        return 1;
    uint32_t len, w = dp_word_before(text, role->start, &len);
    return word_is(text, w, len, former, DP_ARRAY_LEN(former));
}

/* Whether an organisation is named as the place of a past post: "ancien directeur de Thales",
 * "l'ex-patron de Thales" (a role mention, "de", the organisation). */
static int after_past_post(const char *text, const dp_mentions *m, const dp_mention *org)
{
    const dp_mention *role = post_role(text, m, org);
    return role && dp_event_role_is_past(text, role);
}

/* Whether text[from..to) sets what follows beside a name: a comma, and at most an article or
 * a possessive ("X, la PDG de Y"; not "X, élu président de Y", a post just taken). */
static int apposed(const char *text, uint32_t from, uint32_t to)
{
    static const char *const articles[] = {"le", "la", "l'", "l’", "son", "sa", "notre"};
    while (from < to && text[from] == ' ')
        from++;
    if (from >= to || text[from] != ',')
        return 0;
    from++;
    while (from < to && text[from] == ' ')
        from++;
    while (to > from && text[to - 1] == ' ')
        to--;
    return from == to || word_is(text, from, to - from, articles, DP_ARRAY_LEN(articles));
}

/* Whether text[from, to) says that what comes before it is what comes after it: "X est PDG
 * de Y", "X, qui était la directrice de Y", "X n'est plus PDG de Y" (the post one leaves). */
static int copular(const char *text, uint32_t from, uint32_t to)
{
    static const char *const verbs[] = {"est", "était", "n'est plus", "n’est plus", "n'était plus", "n’était plus",
                                        ", qui est", ", qui était", ", qui n'est plus", ", qui n’est plus"};
    static const char *const articles[] = {"", " le", " la", " l'", " l’"};
    while (from < to && text[from] == ' ')
        from++;
    while (to > from && text[to - 1] == ' ')
        to--;
    for (size_t v = 0; v < DP_ARRAY_LEN(verbs); v++)
        for (size_t a = 0; a < DP_ARRAY_LEN(articles); a++) {
            size_t vl = strlen(verbs[v]), al = strlen(articles[a]);
            if (to - from == vl + al && !memcmp(text + from, verbs[v], vl) && !memcmp(text + from + vl, articles[a], al))
                return 1;
        }
    return 0;
}

/* Where "à la tête de" opens before organisation `org` ("à la tête de la SETE"), or
 * UINT32_MAX when it does not. */
static uint32_t head_of(const char *text, const dp_mention *org)
{
    static const char *const the[] = {"le", "la", "les"};
    static const char head[] = "\xC3\xA0 la t\xC3\xAAte"; /* à la tête */
    uint32_t at = org->start, len;
    /* "de la Société ...", "de l'Office ..." */
    uint32_t w = dp_word_before(text, at, &len);
    if (word_is(text, w, len, the, DP_ARRAY_LEN(the)))
        at = w;
    else if (at >= 2 && text[at - 1] == '\'' && text[at - 2] == 'l')
        at -= 2;
    at = of_before(text, at);
    size_t n = sizeof head - 1;
    return at != UINT32_MAX && at >= n && !memcmp(text + at - n, head, n) ? at - (uint32_t)n : UINT32_MAX;
}

/* 'm' or 'f' for a person whose first name the lexicon knows as a man's or a woman's
 * ("Paul", "Claire"), else 0. */
static char person_gender(const depeche_engine *e, const char *text, const dp_mention *x)
{
    return dp_evidence_name_gender(&e->syntax.morpho, text, x->start, x->end);
}

/* 'm' or 'f' when every reading of the first word of role mention r as a noun has that gender
 * ("patronne", "directeur"), else 0 ("ministre", "PDG"). */
static char role_gender(const depeche_engine *e, const char *text, const dp_mention *r)
{
    uint32_t end = r->start;
    while (end < r->end && text[end] != ' ')
        end++;
    char low[DP_MORPHO_MAX_WORD];
    size_t n = dp_lowercase(text + r->start, end - r->start, low, sizeof low);
    dp_reading readings[8];
    size_t k = n == (size_t)-1 || !n ? 0 : dp_morpho_readings(&e->syntax.morpho, low, n, readings, DP_ARRAY_LEN(readings));
    char gender = 0;
    for (size_t i = 0; i < k; i++) {
        if (readings[i].upos != DP_NOUN)
            continue;
        char g = strstr(readings[i].feats, "Gender=Masc") ? 'm' : strstr(readings[i].feats, "Gender=Fem") ? 'f' : '?';
        if (gender && g != gender)
            return 0;
        gender = g;
    }
    return gender == '?' ? 0 : gender;
}

/* Whether role mention r is of the other gender than `gender` ('m', 'f', or 0 when unknown):
 * a post of someone else ("le futur Premier ministre de la patronne du FN, X"). */
static int other_gender(const depeche_engine *e, const char *text, const dp_mention *r, char gender)
{
    return gender && role_gender(e, text, r) == (gender == 'm' ? 'f' : 'm');
}

/* The organisation of the post the article gave person entity `who` before byte `before`, the
 * latest told: a present role and its organisation beside one of their mentions ("X, directeur
 * général de Y, ...", "le patron de Y, X", "la PDG d'Y X", "X, à la tête de Y depuis deux
 * ans, ..."). -1 when none. *role: the role's mention, -1 when the post has none named ("à
 * la tête de"). */
static int32_t post_org(const depeche_engine *e, const char *text, const dp_mentions *m, int32_t who,
                        uint32_t before, int32_t *role_of_post)
{
    int32_t found = -1;
    *role_of_post = -1;
    /* the person's gender, by a first name ("Le Pen" alone tells none) */
    char gender = 0;
    for (size_t j = 0; !gender && j < m->n; j++)
        if (m->items[j].entity == who && memchr(text + m->items[j].start, ' ', m->items[j].end - m->items[j].start))
            gender = person_gender(e, text, &m->items[j]);
    for (size_t k = 0; k < m->n && m->items[k].start < before; k++) {
        const dp_mention *x = &m->items[k];
        if (x->type != DP_PERSON || x->entity != who)
            continue;
        /* after the name, as an apposition */
        for (size_t j = k + 1; j < m->n && m->items[j].start < x->end + 60; j++) {
            const dp_mention *org = &m->items[j];
            if (org->type != DP_ORG)
                continue;
            const dp_mention *role = post_role(text, m, org);
            uint32_t head = head_of(text, org);
            if (role && role->start > x->end &&
                (apposed(text, x->end, role->start) || copular(text, x->end, role->start)) &&
                !dp_event_role_is_past(text, role) && !other_gender(e, text, role, gender))
                found = (int32_t)j, *role_of_post = (int32_t)(role - m->items);
            else if (head != UINT32_MAX && head > x->end && apposed(text, x->end, head))
                found = (int32_t)j, *role_of_post = -1;
            break;
        }
        /* before it: "le patron de Y, X" */
        if (k > 0 && m->items[k - 1].type == DP_ORG && x->start - m->items[k - 1].end <= 2) {
            const dp_mention *role = post_role(text, m, &m->items[k - 1]);
            if (role && !dp_event_role_is_past(text, role) && !other_gender(e, text, role, gender))
                found = (int32_t)(k - 1), *role_of_post = (int32_t)(role - m->items);
        }
        /* a post of the organisation its sentence named before: "Y a réagi lorsque son
         * directeur général X a déclaré...", "Y et sa présidente X" */
        static const char *const possessive[] = {"son", "sa", "leur"};
        const dp_mention *role = k > 0 ? &m->items[k - 1] : NULL;
        uint32_t len, w = role ? dp_word_before(text, role->start, &len) : 0;
        if (role && role->type == DP_ROLE && x->start - role->end <= 1 && !dp_event_role_is_past(text, role) &&
            !other_gender(e, text, role, gender) && word_is(text, w, len, possessive, DP_ARRAY_LEN(possessive)))
            for (size_t j = k - 1; j-- > 0 && m->items[j].sentence == x->sentence;)
                if (m->items[j].type == DP_ORG) {
                    found = (int32_t)j, *role_of_post = (int32_t)(k - 1);
                    break;
                }
    }
    return found;
}

/* Whether one mention's words begin the other's: "Facebook" and "Facebook Ireland Limited",
 * "Google" and "Google LLC" (not "Crédit Agricole" and "Crédit Mutuel"). */
static int name_extends(const char *text, const dp_mention *a, const dp_mention *b)
{
    const dp_mention *shorter = a->end - a->start <= b->end - b->start ? a : b;
    const dp_mention *longer = shorter == a ? b : a;
    uint32_t n = shorter->end - shorter->start;
    return n < longer->end - longer->start && !memcmp(text + shorter->start, text + longer->start, n) &&
           text[longer->start + n] == ' ';
}

/* Whether a mention follows "de", "du" or "d'": a possessor ("la firme d'Elon Musk"), seldom
 * the one a later "il" speaks of. */
static int genitive(const char *text, const dp_mention *x)
{
    uint32_t at = x->start;
    return (at >= 2 && text[at - 2] == 'd' && text[at - 1] == '\'' && (at == 2 || text[at - 3] == ' ')) ||
           (at >= 4 && text[at - 1] == ' ' && text[at - 3] == 'd' && (text[at - 2] == 'e' || text[at - 2] == 'u') &&
            text[at - 4] == ' ');
}

/* Who "il" or "elle" at byte `at` stands for: a person named before it in its own sentence
 * (which starts at byte `sentence`), else the first person of the last sentence that names one
 * other than as a possessor: its subject more often than the people it goes on to name
 * ("Thierry Bolloré était l'un des derniers dirigeants des années Carlos Ghosn. Il avait été
 * nommé..."). Not entity `other`; -1 if none. */
/* 'm' for "il" or "ils" at byte at, 'f' for "elle" or "elles", else 0. */
static char pronoun_gender(const char *text, uint32_t at)
{
    char after = text[at] ? text[at + 1] ? text[at + 2] : 0 : 0;
    if ((text[at] == 'i' || text[at] == 'I') && text[at + 1] == 'l' &&
        (after == 's' || !((after >= 'a' && after <= 'z') || (after >= 'A' && after <= 'Z'))))
        return 'm';
    if ((text[at] == 'e' || text[at] == 'E') && !strncmp(text + at + 1, "lle", 3))
        return 'f';
    return 0;
}

/* Whether a pronoun of `gender` ('m', 'f' or 0) cannot stand for person x: both genders known,
 * and not the same. */
static int gender_clash(const depeche_engine *e, const char *text, const dp_mentions *m,
                        const dp_mention *x, char gender)
{
    if (!gender)
        return 0;
    /* a surname alone ("Zemmour") has the gender of the entity's mention with a first name */
    char known = person_gender(e, text, x);
    for (size_t j = 0; !known && x->entity >= 0 && j < m->n; j++)
        if (m->items[j].entity == x->entity && &m->items[j] != x)
            known = person_gender(e, text, &m->items[j]);
    return known && known != gender;
}

/* The last person before byte `at`, not entity `other`, of the pronoun's gender where both
 * are known, -1 if none. */
static int32_t person_before(const depeche_engine *e, const char *text, const dp_mentions *m,
                             uint32_t at, int32_t other, char gender)
{
    int32_t k = antecedent_other(m, DP_PERSON, at, other);
    while (k >= 0 && gender_clash(e, text, m, &m->items[k], gender))
        k = antecedent_other(m, DP_PERSON, m->items[k].start, other);
    return k;
}

/* Who a word for a person at byte `at` speaks of ("l'ancien ministre", "la journaliste", of
 * `gender` 'm', 'f' or 0): the person named before it most often, the first named of those
 * that tie: whom the article is about, more than the last person named ("X lance sa campagne
 * contre Y. L'ancien ministre..." is X). Not entity `other`; -1 if none. */
static int32_t described_person(const depeche_engine *e, const char *text, const dp_mentions *m,
                                uint32_t at, int32_t other, char gender)
{
    int32_t best = -1;
    size_t best_count = 0;
    for (int32_t k = antecedent_other(m, DP_PERSON, at, other); k >= 0;
         k = antecedent_other(m, DP_PERSON, m->items[k].start, other)) {
        if (gender_clash(e, text, m, &m->items[k], gender))
            continue;
        size_t count = 0;
        for (size_t j = 0; j < m->n && m->items[j].start < at; j++)
            count += m->items[j].type == DP_PERSON && m->items[j].entity == m->items[k].entity;
        if (count >= best_count) {
            best = k;
            best_count = count;
        }
    }
    return best;
}

/* Where a subject pronoun of `gender` ("il", "elle"; either for 0) stands before mention x in
 * its sentence, not an impersonal one ("il y a", "il faut"), or UINT32_MAX. */
static uint32_t pronoun_before(const char *text, const dp_mentions *m, const dp_mention *x, char gender)
{
    static const char *const impersonal[] = {"y", "faut", "fallait", "faudra", "s'agit", "semble", "paraît", "pleut"};
    uint32_t start = x->sentence < m->n_sentences ? m->sentence_start[x->sentence] : x->start;
    for (uint32_t i = start; i + 2 < x->start; i++) {
        if (i > start && ((text[i - 1] >= 'a' && text[i - 1] <= 'z') || (text[i - 1] >= 'A' && text[i - 1] <= 'Z') ||
                          (unsigned char)text[i - 1] >= 0x80 || text[i - 1] == '\''))
            continue;
        char g = pronoun_gender(text, i);
        size_t len = g == 'm' ? 2 : 4;
        if (!g || (gender && g != gender) || text[i + len] != ' ')
            continue;
        uint32_t w = i + (uint32_t)len + 1, end = w;
        while (text[end] && text[end] != ' ' && text[end] != ',' && text[end] != '.')
            end++;
        if (!word_is(text, w, end - w, impersonal, DP_ARRAY_LEN(impersonal)))
            return i;
    }
    return UINT32_MAX;
}

static int32_t person_antecedent(const depeche_engine *e, const char *text, const dp_mentions *m,
                                 uint32_t sentence, uint32_t at, int32_t other)
{
    /* "elle" is no man: "Paul Roux a salué Claire Dubois. Elle ..." */
    char gender = pronoun_gender(text, at);
    int32_t first = -1;
    for (int chain = 0; chain < 3; chain++) {
        int32_t last = person_before(e, text, m, at, other, gender);
        if (last < 0 || m->items[last].start >= sentence)
            return last >= 0 || first < 0 ? last : first;
        while (last >= 0 && genitive(text, &m->items[last]))
            last = person_before(e, text, m, m->items[last].start, other, gender);
        if (last < 0)
            return first >= 0 ? first : person_before(e, text, m, at, other, gender);
        first = last;
        for (int32_t k = last; k-- > 0;) {
            const dp_mention *x = &m->items[k];
            if (x->sentence != m->items[first].sentence)
                break;
            if (x->type == DP_PERSON && x->entity != other && !genitive(text, x) &&
                !gender_clash(e, text, m, x, gender))
                first = k;
        }
        /* "Il a rencontré X. Il a démissionné": a pronoun before the name in its sentence goes
         * on speaking of the one the sentences before it named */
        at = pronoun_before(text, m, &m->items[first], gender);
        if (at == UINT32_MAX)
            break;
        sentence = m->sentence_start[m->items[first].sentence];
    }
    return first;
}

/* The organisation mention of the sentence closest before the trigger that is not entity
 * `other`, or -1. One after the trigger is more often a description ("l'ex-patron de Twitch")
 * than the place of the move. */
static int32_t nearest_org(const char *text, const dp_token *toks, const dp_mentions *m,
                           const units *u, size_t trigger, int32_t other)
{
    for (size_t i = trigger; i-- > 0;) {
        int32_t k = u->mention[i];
        if (k < 0 || m->items[k].type != DP_ORG || m->items[k].entity == other)
            continue;
        /* "président d'Opel/Vauxhall": a pair written as one names the first */
        const dp_token *mark = i >= 2 ? &toks[u->first[i - 1]] : NULL;
        if (mark && u->s[i - 2] == 'O' && mark->end == mark->start + 1 && text[mark->start] == '/' &&
            m->items[u->mention[i - 2]].entity != other)
            return u->mention[i - 2];
        return k;
    }
    return -1;
}

/* The organisation the text before byte `before` names most, the first named of those that
 * tie, that is neither entity `other` nor a news outlet: what an article is about ("Le Galaxy
 * S6 de Samsung sort vendredi..."). -1 when there is none. */
static int32_t subject_org(const depeche_engine *e, const dp_mentions *m, uint32_t before,
                           int32_t other)
{
    int32_t best = -1;
    size_t best_count = 0, end = dp_mentions_from(m, before);
    for (size_t k = 0; k < end; k++) {
        const dp_mention *x = &m->items[k];
        if (x->type != DP_ORG || x->entity == other ||
            listed_kind(e, x) == DP_GAZ_MEDIA)
            continue;
        size_t count = 0, first = k;
        for (size_t j = 0; j < end; j++)
            if (m->items[j].entity == x->entity && count++ == 0)
                first = j;
        if (first == k && count > best_count) { /* each entity once, at its first mention */
            best = (int32_t)k;
            best_count = count;
        }
    }
    return best;
}

/* The core argument a rule may leave to the context, given another: the organisation of a
 * person's move, the party sued by a named plaintiff ("Nokia a déposé un recours en justice"
 * after a sentence about Apple), the maker of a named product, the organisation cutting a
 * number of jobs. -1 for the other types. */
static int context_argument(enum dp_event_type type, enum dp_event_arg *given)
{
    switch (type) {
    case DP_EV_APPOINTMENT: case DP_EV_DISMISSAL: case DP_EV_RESIGNATION: case DP_EV_JOIN:
        *given = DP_ARG_PERSON;
        return DP_ARG_ORG;
    case DP_EV_LAWSUIT:
        *given = DP_ARG_PLAINTIFF;
        return DP_ARG_DEFENDANT;
    case DP_EV_PRODUCT_LAUNCH:
        *given = DP_ARG_PRODUCT;
        return DP_ARG_ORG;
    case DP_EV_LAYOFFS:
        *given = DP_ARG_COUNT;
        return DP_ARG_ORG;
    default:
        return -1;
    }
}

/* Whether the date at token ti is not the event's: the end of a period ("a signé avec le PSG
 * jusqu'en 2024", "jusqu'au 3 mars"), or a point of comparison ("lèvent 58 millions de plus
 * qu'en mars": "compare" words, then "que" just before the date). */
static int date_aside(const depeche_engine *e, const char *text, const dp_token *toks,
                      const dp_token_keys *keys, size_t ti)
{
    for (size_t k = ti; k-- > 0 && ti - k <= 2;)
        if (dp_token_key_is(keys, k, "jusqu'"))
            return 1;
    size_t que = ti;
    while (que > 0 && ti - que < 2 && !dp_token_key_is(keys, que - 1, "qu'") && !dp_token_key_is(keys, que - 1, "que"))
        que--;
    if (que == 0 || ti - que >= 2)
        return 0;
    for (size_t k = que - 1; k-- > 0 && que - k <= 8;)
        if (dp_date_is_compare_word(&e->dates, text, &toks[k]))
            return 1;
    return 0;
}

/* A season at token ti, after a determiner ("au printemps", "cet été": not the verb in "a
 * été"), counted from ref: "dernier" after it is the one before; in a sentence about what is to
 * come ("l'hiver prochain": "prochain" is a future word), the next. Returns 1 and fills d. */
static int season_at(const depeche_engine *e, const char *text, const dp_token *toks,
                     const dp_token_keys *keys, size_t n, size_t ti, dp_date ref, int forward,
                     dp_date *d)
{
    if (ti == 0 || !(dp_token_key_is(keys, ti - 1, "au") || dp_token_key_is(keys, ti - 1, "l'") ||
                     dp_token_key_is(keys, ti - 1, "cet") || dp_token_key_is(keys, ti - 1, "ce") ||
                     dp_token_key_is(keys, ti - 1, "le")))
        return 0;
    int last = ti + 1 < n && (dp_token_key_is(keys, ti + 1, "dernier") || dp_token_key_is(keys, ti + 1, "derniere"));
    return dp_date_season(&e->dates, text, &toks[ti], ref, last ? -1 : forward, d);
}

/* The lexicon's readings of word token t (none for other tokens): at most cap. */
static size_t word_readings(const depeche_engine *e, const char *text, const dp_token *t,
                            dp_reading *r, size_t cap)
{
    char low[DP_MORPHO_MAX_WORD];
    size_t n = dp_lowercase(text + t->start, t->end - t->start, low, sizeof low);
    if (n == (size_t)-1 || !n || t->kind != DP_TOK_WORD)
        return 0;
    return dp_morpho_readings(&e->syntax.morpho, low, n, r, cap);
}

/* Does the verb of token t have a reading in the conditional (or the future, when `future`
 * says so)? */
static int verb_ahead(const depeche_engine *e, const char *text, const dp_token *t, int aux_only,
                      int future)
{
    dp_reading r[8];
    size_t k = word_readings(e, text, t, r, DP_ARRAY_LEN(r));
    for (size_t i = 0; i < k; i++)
        if ((r[i].upos == DP_AUX || (!aux_only && r[i].upos == DP_VERB)) &&
            ((future && strstr(r[i].feats, "Tense=Fut")) || strstr(r[i].feats, "Mood=Cnd")))
            return 1;
    return 0;
}

/* Can token t be a finite verb ("a", "est", "démissionne")? */
static int finite_verb(const depeche_engine *e, const char *text, const dp_token *t)
{
    dp_reading r[8];
    size_t k = word_readings(e, text, t, r, DP_ARRAY_LEN(r));
    for (size_t i = 0; i < k; i++)
        if ((r[i].upos == DP_AUX || r[i].upos == DP_VERB) && strstr(r[i].feats, "VerbForm=Fin"))
            return 1;
    return 0;
}

/* Whether token t can be a past participle ("dévoilée", "présenté"). */
static int past_participle(const depeche_engine *e, const char *text, const dp_token *t)
{
    dp_reading r[8];
    size_t k = word_readings(e, text, t, r, DP_ARRAY_LEN(r));
    for (size_t i = 0; i < k; i++)
        if (r[i].upos == DP_VERB && strstr(r[i].feats, "VerbForm=Part") && strstr(r[i].feats, "Tense=Past"))
            return 1;
    return 0;
}

/* "va", "vont", "allait", "allaient": "aller" as the auxiliary of a near future. */
static int aller_before_infinitive(const dp_token_keys *keys, size_t k)
{
    return dp_token_key_is(keys, k, "va") || dp_token_key_is(keys, k, "vont") || dp_token_key_is(keys, k, "allait") ||
           dp_token_key_is(keys, k, "allaient");
}

/* Is the event at trigger token ti told in the conditional ("rachèterait", "aurait racheté"),
 * or, when `future` says so, as still to come: a verb in the future ("rachètera", "sera
 * racheté") or after "aller" ("va racheter")? */
static int told_ahead(const depeche_engine *e, const char *text, const dp_token *toks,
                      const dp_token_keys *keys, size_t ti, int future)
{
    if (verb_ahead(e, text, &toks[ti], 0, future))
        return 1;
    for (size_t k = ti, seen = 0; k-- > 0 && seen < 3; seen++) {
        if (dp_token_key_is(keys, k, "ne") || dp_token_key_is(keys, k, "n'") || dp_token_key_is(keys, k, "pas") ||
            dp_token_key_is(keys, k, "se") || dp_token_key_is(keys, k, "s'") || dp_token_key_is(keys, k, "l'") ||
            dp_token_key_is(keys, k, "ete"))
            continue;
        return verb_ahead(e, text, &toks[k], 1, future) || (future && aller_before_infinitive(keys, k));
    }
    return 0;
}

/* The direction a verb at token k gives a bare date: 1 ahead (a future or a conditional,
 * "aller" before an infinitive), -1 back (a past), 0 for a present; NOT_A_VERB for a word
 * that can be anything but a verb or an adjective ("postes", "le"). */
enum { NOT_A_VERB = 2 };
static int tense_at(const depeche_engine *e, const char *text, const dp_token *toks,
                    const dp_token_keys *keys, size_t k)
{
    const dp_token *t = &toks[k];
    char low[DP_MORPHO_MAX_WORD];
    size_t n = t->kind == DP_TOK_WORD ? dp_lowercase(text + t->start, t->end - t->start, low, sizeof low) : 0;
    if (n == (size_t)-1 || !n)
        return NOT_A_VERB;
    /* the parts of speech first (no lemma to decode): most words are no verb */
    uint32_t tags = dp_morpho_tags(&e->syntax.morpho, low, n, dp_hash_bytes(low, n));
    const uint32_t verbal = (1u << DP_VERB) | (1u << DP_AUX);
    if (!(tags & verbal) || (tags & ~(verbal | (1u << DP_ADJ))))
        return NOT_A_VERB;
    dp_reading r[8];
    size_t got = dp_morpho_readings(&e->syntax.morpho, low, n, r, DP_ARRAY_LEN(r));
    int verb = 0, other = 0, infinitive = 0, participle = 0, past = 0;
    for (size_t i = 0; i < got; i++) {
        const char *f = r[i].feats;
        if (r[i].upos == DP_VERB || r[i].upos == DP_AUX) {
            verb |= !strstr(f, "Person=") || strstr(f, "Person=3") != NULL;
            infinitive |= strstr(f, "VerbForm=Inf") != NULL;
            participle |= strstr(f, "VerbForm=Part") != NULL;
            past |= strstr(f, "Tense=Past") || strstr(f, "Tense=Imp");
        } else if (r[i].upos != DP_ADJ) {
            other = 1;
        }
    }
    if (!verb || other)
        return NOT_A_VERB;
    /* "va supprimer", "a annoncé": the auxiliary decides; a finite verb, its own tense */
    if (infinitive || participle)
        return told_ahead(e, text, toks, keys, k, 1) ? 1 : -1;
    if (verb_ahead(e, text, t, 0, 1) || aller_before_infinitive(keys, k))
        return 1;
    return past ? -1 : 0; /* a present tells neither way ("dévoile le prochain iPhone") */
}

/* The direction the verb nearest before token ti gives a bare date (tense_at), 0 when no
 * verb stands in the six words before. */
static int tense_before(const depeche_engine *e, const char *text, const dp_token *toks,
                        const dp_token_keys *keys, size_t ti)
{
    for (size_t k = ti, seen = 0; k-- > 0 && seen < 6; seen++) {
        if (toks[k].kind == DP_TOK_PUNCT && (text[toks[k].start] == '.' || text[toks[k].start] == ';'))
            return 0;
        int tense = tense_at(e, text, toks, keys, k);
        if (tense != NOT_A_VERB)
            return tense;
    }
    return 0;
}

/* Whether token t reads as a verb in the present as well ("rejoint": "il rejoint", "il a
 * rejoint"). */
static int present_form(const depeche_engine *e, const char *text, const dp_token *t)
{
    char low[DP_MORPHO_MAX_WORD];
    size_t n = t->kind == DP_TOK_WORD ? dp_lowercase(text + t->start, t->end - t->start, low, sizeof low) : 0;
    if (n == (size_t)-1 || !n)
        return 0;
    dp_reading r[8];
    size_t got = dp_morpho_readings(&e->syntax.morpho, low, n, r, DP_ARRAY_LEN(r));
    for (size_t i = 0; i < got; i++)
        if ((r[i].upos == DP_VERB || r[i].upos == DP_AUX) && strstr(r[i].feats, "VerbForm=Fin") &&
            strstr(r[i].feats, "Tense=Pres"))
            return 1;
    return 0;
}

/* A date that opens its clause ("Jeudi matin, Paul Martin, qui a quitté Renault, déclarait :
 * ...") hangs on a verb after it: the direction of the first verb in the twelve words after,
 * before a colon or a quotation, whose tenses are the speaker's, not the writer's. */
static int tense_after(const depeche_engine *e, const char *text, const dp_token *toks,
                       const dp_token_keys *keys, size_t from, size_t end)
{
    for (size_t k = from; k < end && k < from + 12; k++) {
        char c = text[toks[k].start];
        if (dp_token_is_quote(text, &toks[k]) ||
            (toks[k].kind == DP_TOK_PUNCT && (c == '.' || c == ';' || c == ':')))
            return 0;
        int tense = tense_at(e, text, toks, keys, k);
        /* "rejoint", "promis" with no auxiliary before them: the present they also are */
        if (tense < 0 && present_form(e, text, &toks[k]))
            tense = 0;
        if (tense == 0) /* "a", "est": the participle after an auxiliary decides */
            for (size_t p = k + 1; p < end && p <= k + 2; p++) {
                int next = tense_at(e, text, toks, keys, p);
                if (next != NOT_A_VERB)
                    return next;
            }
        if (tense != NOT_A_VERB)
            return tense;
    }
    return 0;
}

/* The date told at token ti of toks[0..end) without a complete date's words: a phrase ("la
 * veille", "il y a trois mois", "Noël"), and where `words` allows it, a month and a year, a day
 * and a month ("le 3 mars", "vendredi 1er mars", "le 17/02"), a season ("cet été"), or a word
 * ("hier", "lundi", "en janvier"), placed from ref in the direction the verb it hangs on gives
 * (`forward`: the sentence tells what is to come); "la veille" from `anchor`, the last date
 * the text gave before it. Returns the tokens used, or 0. */
static size_t date_at(const depeche_engine *e, const char *text, const dp_token *toks,
                      const dp_token_keys *keys, size_t end, size_t ti, dp_date ref, dp_date anchor,
                      int forward, int words, dp_date *d)
{
    /* what the token may start is found first; the direction (the verb the date hangs on: "a
     * annoncé mercredi", "partira lundi"; "prochain" after it; else the sentence's) is read
     * only then, then the date placed with it */
    const dp_token *t = &toks[ti];
    dp_date probe;
    enum { NONE, PHRASE, MONTH_YEAR, DAY_MONTH, WEEKDAY_DAY_MONTH, SEASON, WORD } kind = NONE;
    if (dp_date_phrase_at(&e->dates, text, toks, end, ti, ref, anchor, 0, &probe))
        kind = PHRASE;
    else if (!words)
        return 0;
    else if (dp_date_month_year(&e->dates, text, toks, end, ti, d))
        kind = MONTH_YEAR;
    else if (dp_date_day_month(&e->dates, text, toks, end, ti, ref, 0, &probe))
        kind = DAY_MONTH;
    else if (ti + 1 < end && dp_date_weekday_of(&e->dates, text, t) &&
             dp_date_day_month(&e->dates, text, toks, end, ti + 1, ref, 0, &probe))
        kind = WEEKDAY_DAY_MONTH; /* "vendredi 1er mars": the weekday goes with the date after it */
    else if (season_at(e, text, toks, keys, end, ti, ref, 0, &probe))
        kind = SEASON; /* "au printemps dernier", "cet été", "l'hiver prochain" */
    else if (dp_date_relative(&e->dates, text, t, ref, 0, &probe))
        kind = WORD;
    if (kind == NONE)
        return 0;
    if (kind == MONTH_YEAR) /* "mars 2020" needs no direction */
        return dp_date_month_year(&e->dates, text, toks, end, ti, d);
    /* a month name alone is a date only after "en", "début", "fin", "courant", "depuis", "mi",
     * "mois de", or as its middle ("mi-juin") */
    if (kind == WORD && dp_date_month_of(&e->dates, text, t) &&
        !(keys->len[ti] > 3 && !memcmp(keys->key[ti], "mi-", 3)) &&
        !(ti > 0 && (dp_token_key_is(keys, ti - 1, "en") || dp_token_key_is(keys, ti - 1, "debut") ||
                     dp_token_key_is(keys, ti - 1, "fin") || dp_token_key_is(keys, ti - 1, "courant") ||
                     dp_token_key_is(keys, ti - 1, "depuis") || dp_token_key_is(keys, ti - 1, "mi"))) &&
        !(ti > 1 && dp_token_key_is(keys, ti - 1, "de") && dp_token_key_is(keys, ti - 2, "mois")))
        return 0;
    int verb = tense_before(e, text, toks, keys, ti);
    /* a date that opens its clause, with its article ("Le 10 mai, elle a quitté ...") */
    size_t opens = ti > 0 && dp_token_key_is(keys, ti - 1, "le") ? ti - 1 : ti;
    if (!verb && (opens == 0 || (toks[opens - 1].kind == DP_TOK_PUNCT && text[toks[opens - 1].start] == ',')))
        verb = tense_after(e, text, toks, keys, ti + 1, end);
    int ahead = verb > 0 || (!verb && forward) ||
                (ti + 1 < end && dp_date_is_future_word(&e->dates, text, &toks[ti + 1]));
    switch (kind) {
    case PHRASE:
        return dp_date_phrase_at(&e->dates, text, toks, end, ti, ref, anchor, ahead, d);
    case DAY_MONTH:
    case WEEKDAY_DAY_MONTH: {
        size_t at = kind == DAY_MONTH ? ti : ti + 1;
        size_t used = dp_date_day_month(&e->dates, text, toks, end, at, ref, ahead, d);
        /* a present tense tells no direction ("rejoint Renault le 1er septembre", written in
         * June): the nearer of the two days */
        dp_date other;
        if (used && !verb && !ahead && dp_date_day_month(&e->dates, text, toks, end, at, ref, 1, &other) &&
            labs(dp_date_days(other) - dp_date_days(ref)) < labs(dp_date_days(ref) - dp_date_days(*d)))
            *d = other;
        return used ? used + (kind == WEEKDAY_DAY_MONTH) : 0;
    }
    case SEASON:
        return (size_t)season_at(e, text, toks, keys, end, ti, ref, ahead, d);
    default:
        return (size_t)dp_date_relative(&e->dates, text, t, ref, ahead, d);
    }
}

/* Does the sentence toks[from..end) tell what is to come: a "future" word of dates.txt? */
static int future_sentence(const depeche_engine *e, const dp_token_keys *keys, size_t from,
                           size_t end)
{
    for (size_t ti = from; ti < end; ti++)
        if (dp_date_is_future_key(&e->dates, keys->key[ti], keys->len[ti]))
            return 1;
    return 0;
}

/* The last date the text gave before byte `pos` (a DATE mention ending there or before), for
 * "la veille", "deux jours plus tard"; year 0 when none. */
static dp_date date_before(const dp_mentions *m, uint32_t pos)
{
    dp_date best = {0, 0, 0};
    uint32_t at = 0;
    for (size_t k = 0; m && k < m->n; k++) {
        const dp_mention *x = &m->items[k];
        dp_date d;
        if (x->type == DP_DATE && x->end <= pos && (!best.year || x->start > at) &&
            dp_date_parse_value(x->date, &d) > 0)
            best = d, at = x->start;
    }
    return best;
}

size_t dp_event_told_dates(const struct depeche_engine *e, const char *text, const dp_token *toks,
                           const dp_token_keys *keys, size_t n, const uint8_t *taken, dp_date ref,
                           const dp_mentions *m, dp_told_date *out, size_t cap)
{
    /* most sentences name no date: no month, weekday, "hier", "veille", nor figures that could
     * be one (a year, "17/02", "17 02"; an amount is none) */
    /* a date ends at most five words after it starts ("il y a trois mois"): only words up to
     * five before such a word are read */
    uint8_t near[DP_MAX_SENTENCE_TOKENS] = {0};
    int anchored = 0;
    for (size_t ti = 0; ti < n; ti++) {
        const dp_token *t = &toks[ti];
        int figures = dp_date_mid_year(text + t->start, t->end - t->start) ||
                      (t->kind == DP_TOK_NUMBER &&
                      (t->end - t->start == 4 ||
                       (ti + 1 < n && (toks[ti + 1].kind == DP_TOK_NUMBER ||
                                       (text[toks[ti + 1].start] == '/' && !(toks[ti + 1].flags & DP_TF_SPACE_BEFORE))))));
        if (figures || dp_date_is_anchor(&e->dates, keys->key[ti], keys->len[ti])) {
            for (size_t k = ti >= 5 ? ti - 5 : 0; k <= ti; k++)
                near[k] = 1;
            anchored = 1;
        }
    }
    if (!anchored)
        return 0;
    int forward = future_sentence(e, keys, 0, n);
    size_t found = 0;
    for (size_t ti = 0; ti < n && found < cap;) {
        dp_date d;
        /* a capital inside a sentence starts a name: "Sam" is no "sam." (samedi) */
        int named = (toks[ti].flags & DP_TF_CAPITALIZED) && !(toks[ti].flags & DP_TF_SENTENCE_START);
        size_t used = taken[ti] || named || !near[ti] ||
                              !dp_date_may_start(&e->dates, &toks[ti], keys->key[ti], keys->len[ti]) ||
                              date_aside(e, text, toks, keys, ti)
                          ? 0
                          : date_at(e, text, toks, keys, n, ti, ref, date_before(m, toks[ti].start),
                                    forward, 1, &d);
        for (size_t k = ti; k < ti + used; k++)
            used = taken[k] ? 0 : used;
        if (!used) {
            ti++;
            continue;
        }
        out[found++] = (dp_told_date){ti, used, d};
        ti += used;
    }
    return found;
}

/* A trigger set between commas after a name tells what the name is, and the sentence's date
 * is its verb's: "Fictivia, placée en liquidation judiciaire, ferme ses portes ce vendredi"
 * does not date the liquidation. Narrows [*from, *to) to the units between those commas; not
 * for "X, a démissionné, ...", the sentence's own verb between commas. Likewise for a subject
 * a participle describes, up to the comma before the sentence's verb. */
static void apposition_around(const depeche_engine *e, const char *text, const dp_token *toks,
                              const units *u, size_t trigger, size_t *from, size_t *to)
{
    size_t left = trigger, right = trigger;
    while (left > 0 && u->s[left - 1] != ',')
        left--;
    while (right < u->n && u->s[right] != ',')
        right++;
    /* and a subject a participle describes, up to the comma before its verb: "La nouvelle X
     * dévoilée le mois dernier par Y, est attendue fin 2021" dates the unveiling last month */
    if (left == 0 && right < u->n && past_participle(e, text, &toks[u->first[trigger]])) {
        for (size_t k = u->first[0]; k < u->first[right]; k++)
            if (finite_verb(e, text, &toks[k]))
                return;
        *to = right;
        return;
    }
    if (left < 2 || right == u->n || !strchr("OPCg", u->s[left - 2]))
        return;
    for (size_t k = u->first[left]; k < u->first[trigger]; k++)
        if (finite_verb(e, text, &toks[k]))
            return;
    *from = left, *to = right;
}

/* Whether unit i lies in a relative clause set between commas that the trigger is not in: "La
 * compagnie, dont les avions ne volent plus depuis le 7 septembre, a été placée en liquidation
 * le 16 septembre" dates the grounding, not the liquidation. */
static int in_relative_aside(const char *text, const dp_token *toks, const units *u, size_t i,
                             size_t trigger)
{
    static const char *const relatives[] = {"dont", "qui", "où", "que", "qu'"};
    size_t left = i, right = i;
    while (left > 0 && u->s[left - 1] != ',')
        left--;
    while (right < u->n && u->s[right] != ',')
        right++;
    const dp_token *t = &toks[u->first[left]];
    if ((trigger < left || trigger >= right) && left > 0 && right < u->n &&
        word_is(text, t->start, t->end - t->start, relatives, DP_ARRAY_LEN(relatives)))
        return 1;
    /* and one that opens after the trigger with "qui", "dont" or "où" and runs to the comma or
     * the end ("X a dévoilé la Lumo dont les livraisons sont attendues en mars") */
    for (size_t k = i; k-- > left && k > trigger;) {
        t = &toks[u->first[k]];
        if (word_is(text, t->start, t->end - t->start, relatives, 3))
            return 1;
    }
    return 0;
}

/* The event's date: a date mention of the sentence closest to the trigger, not in a relative
 * clause aside, else a date told otherwise (date_at). */
static void find_date(const depeche_engine *e, const char *text, const dp_token *toks,
                      const dp_token_keys *keys, const units *u, size_t trigger,
                      const dp_mentions *m, dp_date ref, dp_event *ev)
{
    size_t best_dist = (size_t)-1;
    size_t end = u->n ? u->last[u->n - 1] + 1 : 0;
    /* a day or month named in a sentence about what is to come is the next one */
    int forward = (trigger < u->n && told_ahead(e, text, toks, keys, u->first[trigger], 1)) ||
                  future_sentence(e, keys, u->n ? u->first[0] : 0, end);
    size_t from = 0, to = u->n;
    if (trigger < u->n)
        apposition_around(e, text, toks, u, trigger, &from, &to);
    for (size_t i = from; i < to; i++) {
        size_t dist = i > trigger ? i - trigger : trigger - i;
        if (dist >= best_dist || date_aside(e, text, toks, keys, u->first[i]) ||
            in_relative_aside(text, toks, u, i, trigger))
            continue;
        dp_date d;
        size_t used = 0;
        int told = u->mention[i] >= 0 && m->items[u->mention[i]].source == DP_FROM_TOLD_DATE;
        if (u->s[i] == 'D' && u->mention[i] >= 0 && !told &&
            dp_date_parse_iso(m->items[u->mention[i]].date, &d))
            used = u->last[i] - u->first[i] + 1;
        else if (told) /* "hier", "le 3 mars": read again with the event's own verb */
            used = date_at(e, text, toks, keys, end, u->first[i], ref,
                           date_before(m, toks[u->first[i]].start), forward, 1, &d);
        else if (u->mention[i] < 0)
            /* e: the season in "cet été", not the verb */
            used = date_at(e, text, toks, keys, end, u->first[i], ref,
                           date_before(m, toks[u->first[i]].start), forward,
                           u->s[i] == 'w' || u->s[i] == 'f' || u->s[i] == 'd' || u->s[i] == 'e', &d);
        if (!used)
            continue;
        /* "Deux ans après avoir racheté X, il a licencié...": a phrase that ends on the
         * auxiliary of the clause it opens dates that clause's verb only; one that ends on
         * "de" ("au lendemain de l'annonce de X, ...") what it names, up to the comma */
        static const char *const auxiliaries[] = {"avoir", "être"}, *const of[] = {"de", "d'", "des"};
        size_t after = u->first[i] + used;
        const dp_token *last = &toks[after - 1];
        if (word_is(text, last->start, last->end - last->start, auxiliaries, DP_ARRAY_LEN(auxiliaries)) &&
            (trigger >= u->n || u->first[trigger] != after))
            continue;
        if (word_is(text, last->start, last->end - last->start, of, DP_ARRAY_LEN(of))) {
            if (trigger >= u->n || u->first[trigger] < after)
                continue;
            int comma = 0;
            for (size_t k = after; k < u->first[trigger] && !comma; k++)
                comma = toks[k].kind == DP_TOK_PUNCT && text[toks[k].start] == ',';
            if (comma)
                continue;
        }
        ev->date = d;
        best_dist = dist;
        ev->has_date = ev->date_from_text = 1;
        ev->date_cp_start = toks[u->first[i]].cp_start;
        ev->date_cp_end = toks[u->first[i] + used - 1].cp_end;
    }
}

/* The folded words of tokens first..last, hashed. */
static uint64_t text_key(const dp_token_keys *keys, size_t first, size_t last)
{
    uint64_t h = 0;
    for (size_t i = first; i <= last; i++)
        h = h * 0x100000001B3ULL ^ dp_hash_bytes(keys->key[i], keys->len[i]);
    return h;
}

/* The most members a list of arguments is read for. */
typedef struct unit_span {
    size_t first, last; /* units, inclusive */
} unit_span;

/* "des amendes de respectivement 1,1 milliard, 76,1 millions et 63 millions d'euros": the amounts
 * listed up to the one a rule bound (units bound_first..bound_last), in text order. Returns how
 * many, at most `cap`. */
static size_t amount_list(const units *u, size_t bound_first, size_t bound_last, unit_span *at,
                          size_t cap)
{
    unit_span rev[DP_MAX_LISTED];
    size_t n = 0, i = bound_first;
    rev[n++] = (unit_span){bound_first, bound_last};
    while (n < cap && n < DP_MAX_LISTED && i >= 2 && (u->s[i - 1] == ',' || u->s[i - 1] == 'f')) {
        if (u->s[i - 2] == 'M')
            i -= 2;
        else if (i >= 3 && u->s[i - 2] == 'm' && u->s[i - 3] == 'd')
            i -= 3;
        else
            break;
        rev[n++] = (unit_span){i, u->s[i] == 'M' ? i : i + 1};
    }
    for (size_t k = 0; k < n; k++)
        at[k] = rev[n - 1 - k];
    return n;
}

static void set_arg_units(dp_event_arg_value *arg, const dp_token *toks, const dp_token_keys *keys,
                          const units *u, unit_span span)
{
    arg->set = 1;
    arg->mention = span.first == span.last ? u->mention[span.first] : -1;
    arg->cp_start = toks[u->first[span.first]].cp_start;
    arg->cp_end = toks[u->last[span.last]].cp_end;
    arg->text_key = text_key(keys, u->first[span.first], u->last[span.last]);
}

/* "inflige une amende à Apple, Tech Data et Ingram Micro": when the last organisation or
 * person a rule bound opens a list, each other member of the list gets the same event; and when
 * as many amounts are listed before ("respectivement 1,1 milliard, 76,1 millions et 63
 * millions"), each member gets its own. */
static int add_listed(const dp_token *toks, const dp_token_keys *keys, const units *u, dp_match_data *md,
                      const dp_event_rule *rule, dp_events *out, size_t ev_index)
{
    int last = -1;
    size_t last_start = 0, last_end = 0, s, e;
    for (int a = 0; a < DP_ARG_NEG; a++)
        if (rule->groups[a] && dp_match_group(md, rule->groups[a], &s, &e) && e > s && e >= last_end &&
            (u->s[s] == 'O' || u->s[s] == 'P' || u->s[s] == 'C'))
            last = a, last_start = s, last_end = e;
    if (last < 0 || (last >= DP_ARG_PARTNER1 && last <= DP_ARG_PARTNER4))
        return 0;
    unit_span members[DP_MAX_LISTED];
    size_t n_members = 0;
    if (last_start > 0 && u->s[last_start - 1] == '(') {
        /* "Econocom (Lp digital, Biboard, Aciernet)": whatever the parentheses list, names
         * no list knows and small letters too ("uptilab") */
        for (size_t i = last_end; i < u->n && u->s[i] != ')' && n_members < DP_MAX_LISTED;) {
            if (u->s[i] != ',' && u->s[i] != 'f')
                return 0; /* not a list after all */
            size_t first = ++i;
            while (i < u->n && !strchr(",f).(", u->s[i]))
                i++;
            size_t end = i; /* "Camel...": the marks after a name are not part of it */
            while (end > first && (u->s[end - 1] == '_' || u->s[end - 1] == '"'))
                end--;
            if (end == first || end - first > 3 || i == u->n || u->s[i] == '(' || u->s[i] == '.')
                return 0;
            members[n_members++] = (unit_span){first, end - 1};
        }
    } else if (last_end - last_start == 1) {
        char kind = u->s[last_end - 1];
        for (size_t i = last_end; i + 1 < u->n && n_members < DP_MAX_LISTED &&
                                  (u->s[i] == ',' || u->s[i] == 'f') &&
                                  (u->s[i + 1] == kind || (kind == 'C' && u->s[i + 1] == 'O') || (kind == 'O' && u->s[i + 1] == 'C'));
             i += 2) {
            char after = i + 2 < u->n ? u->s[i + 2] : '.';
            if (strchr("OCP", after))
                break; /* "Compte-Nickel, Carrefour Greenweez": pairs, not a list */
            members[n_members++] = (unit_span){i + 1, i + 1};
            if (u->s[i] == 'f')
                break; /* "et" closes the list */
        }
    }
    if (n_members == DP_MAX_LISTED)
        out->lists_cut++;
    unit_span amounts[DP_MAX_LISTED + 1];
    size_t n_amounts = 0;
    if (n_members && rule->groups[DP_ARG_AMOUNT] &&
        dp_match_group(md, rule->groups[DP_ARG_AMOUNT], &s, &e) && e > s)
        n_amounts = amount_list(u, s, e - 1, amounts, n_members + 2);
    int aligned = n_amounts == n_members + 1;
    if (aligned)
        set_arg_units(&out->items[ev_index].args[DP_ARG_AMOUNT], toks, keys, u, amounts[0]);
    for (size_t k = 0; k < n_members; k++) {
        dp_event copy = out->items[ev_index];
        set_arg_units(&copy.args[last], toks, keys, u, members[k]);
        if (aligned)
            set_arg_units(&copy.args[DP_ARG_AMOUNT], toks, keys, u, amounts[k + 1]);
        if (DP_PUSH(out->items, out->n, out->cap, copy))
            return DEPECHE_ERR_NOMEM;
    }
    return 0;
}

/* The part that "les deux groupes" fills along with part a, or -1: the other partner, the
 * party sued. */
static int pair_of(int a)
{
    return a == DP_ARG_PARTNER1 ? DP_ARG_PARTNER2 : a == DP_ARG_PLAINTIFF ? DP_ARG_DEFENDANT : -1;
}

/* The organisation a description at unit g heads ("le constructeur taïwanais de smartphone
 * HTC": words and "de" between), or 0. */
static size_t named_head(const units *u, size_t g)
{
    for (size_t j = g + 1; j < u->n && j <= g + 5; j++) {
        if (u->s[j] == 'O')
            return j;
        if (u->s[j] != 'w' && u->s[j] != 'x')
            break;
    }
    return 0;
}

/* Whether unit i lies between two commas of units (from, to): the negation of "La compagnie,
 * dont les avions ne volent plus, a été placée en liquidation" is its clause's. */
static int between_commas(const units *u, size_t from, size_t i, size_t to)
{
    return memchr(u->s + from, ',', i - from) && memchr(u->s + i, ',', to - i);
}

/* Whether the event's role has a place for complement ("élu maire de Tourcoing", "député de
 * l'Ain"): the post is a place's, and no organisation of the context is where it is held. */
static int role_of_place(const dp_token *toks, const units *u, const dp_event *ev)
{
    const dp_event_arg_value *role = &ev->args[DP_ARG_ROLE];
    if (!role->set || ev->args[DP_ARG_ORG].set)
        return 0;
    for (size_t r = 0; r + 1 < u->n; r++)
        if (u->s[r] == 'R' && toks[u->first[r]].cp_start == role->cp_start)
            return u->s[r + 1] == 'L' || (u->s[r + 1] == 'x' && r + 2 < u->n && u->s[r + 2] == 'L');
    return 0;
}

/* The arguments an event lacks that the context gives (the organisation the sentence names
 * nearest, else the one named last in the paragraph...), then whether it is complete: every
 * core argument set, and no entity (or company and branch) in two core parts. 0 when it is not. */
static int complete_arguments(const depeche_engine *e, const char *text, const dp_token *toks,
                              const dp_mentions *m, const units *u, size_t trigger, uint32_t line,
                              int from_context, dp_event *evp)
{
    dp_event ev = *evp;
    /* an argument left to the context: the organisation the sentence names nearest */
    enum dp_event_arg given = DP_ARG_PERSON;
    int wanted = from_context ? context_argument(ev.type, &given) : -1;
    /* "X a été nommé ministre de la Défense": a public office is held in no company of the
     * context */
    int32_t role = ev.args[DP_ARG_ROLE].mention;
    uint8_t post = role >= 0 ? listed_kind(e, &m->items[role]) : DP_GAZ_PLAIN;
    /* (or the office the trigger names, that no rule bound: "a démissionné de son poste de
     * ministre de l'Écologie") */
    for (size_t i = trigger + 1; i < u->n && i <= trigger + 8 && u->s[i] != ',' && u->s[i] != '.' &&
                                 role < 0 && post == DP_GAZ_PLAIN; i++)
        if (u->s[i] == 'R' && u->mention[i] >= 0)
            post = listed_kind(e, &m->items[u->mention[i]]);
    if (wanted == DP_ARG_ORG && (post == DP_GAZ_OFFICE || post == DP_GAZ_TERRITORY))
        wanted = -1;
    /* one leaves the post the article gave them: "X, directeur général de Y, ... X a
     * démissionné"; a successor takes it: "... Il a été remplacé par Z" */
    int32_t leaver = ev.type == DP_EV_APPOINTMENT ? ev.args[DP_ARG_PREDECESSOR].mention : ev.args[DP_ARG_PERSON].mention;
    if ((ev.type == DP_EV_RESIGNATION || ev.type == DP_EV_DISMISSAL || ev.type == DP_EV_APPOINTMENT) &&
        !ev.args[DP_ARG_ORG].set && leaver >= 0) {
        int32_t role_of_post;
        int32_t k = post_org(e, text, m, m->items[leaver].entity, toks[u->first[trigger]].start, &role_of_post);
        if (k >= 0) {
            ev.args[DP_ARG_ORG] = (dp_event_arg_value){.mention = k, .set = 1};
            ev.confidence -= 0.15f;
        }
    }
    /* the post the article gives the one who moves, at the event's organisation, is the post
     * moved to or from: "Carole Bartz, la PDG de Yahoo, ..." then "Yahoo a limogé Carole
     * Bartz" (CEO) */
    int32_t mover = ev.args[DP_ARG_PERSON].mention, at_org = ev.args[DP_ARG_ORG].mention;
    if ((DP_EV_MOVES >> ev.type & 1u) && !ev.args[DP_ARG_ROLE].set && mover >= 0 && at_org >= 0) {
        int32_t role_of_post;
        int32_t k = post_org(e, text, m, m->items[mover].entity, UINT32_MAX, &role_of_post);
        if (k >= 0 && role_of_post >= 0 && m->items[k].entity == m->items[at_org].entity)
            ev.args[DP_ARG_ROLE] = (dp_event_arg_value){.mention = role_of_post, .set = 1};
    }
    if (wanted >= 0 && !ev.args[wanted].set && ev.args[given].set) {
        int32_t other = ev.args[given].mention >= 0 ? m->items[ev.args[given].mention].entity : -1;
        int32_t k = nearest_org(text, toks, m, u, trigger, other);
        float cost = 0.15f;
        if (k < 0) { /* else the organisation named last before, in the same paragraph */
            k = antecedent_other(m, DP_ORG, toks[0].start, other);
            cost = 0.3f;
            if (k >= 0 && m->items[k].line != line)
                k = -1;
        }
        /* else, for a succession ("X succédera à Y le 14 mai"), the organisation the article is
         * about; a move with no one before is too often somewhere else ("X a quitté le tribunal") */
        if (k < 0 && ((given == DP_ARG_PERSON && ev.args[DP_ARG_PREDECESSOR].set) || given == DP_ARG_PRODUCT)) {
            k = subject_org(e, m, toks[0].start, other);
            cost = 0.4f;
        }
        /* "(AFP) - X a quitté...": the agency that reports the move does not host it */
        if (k >= 0 && listed_kind(e, &m->items[k]) == DP_GAZ_MEDIA)
            k = -1;
        if (k >= 0) {
            ev.args[wanted] = (dp_event_arg_value){.mention = k, .set = 1};
            ev.confidence -= cost;
        }
    }
    for (int a = 0; a < DP_EVENT_ARGS; a++)
        if (is_core(ev.type, (enum dp_event_arg)a) && !ev.args[a].set)
            return 0;
    /* a medium "reprend" (relays) what another said: "une information de l'AFP reprise par le
     * Huffington Post", and what a medium said is relayed: "révèle le JDD, repris par Le Lab"
     * (set apart by a comma: "Le Parisien a été repris par LVMH" is a purchase) */
    const dp_token *tt = &toks[u->first[trigger]];
    int32_t buyer = ev.args[DP_ARG_ACQUIRER].mention, bought = ev.args[DP_ARG_TARGET].mention;
    if (ev.type == DP_EV_ACQUISITION && tt->end - tt->start >= 5 &&
        (!memcmp(text + tt->start, "repri", 5) || !memcmp(text + tt->start, "repre", 5)) &&
        ((buyer >= 0 && listed_kind(e, &m->items[buyer]) == DP_GAZ_MEDIA) ||
         (bought >= 0 && listed_kind(e, &m->items[bought]) == DP_GAZ_MEDIA && u->first[trigger] > 0 &&
          text[toks[u->first[trigger] - 1].start] == ',')))
        return 0;
    /* a news outlet "sur" which something is said is where it is said, no party: "a regretté
     * sur LCI le procès de X", "a annoncé en direct sur BFMTV qu'il porterait plainte" (a
     * presenter's move is to the channel they are on: "X remplace Y sur RTL") */
    static const char *const on[] = {"sur"};
    for (int a = 0; a < DP_ARG_NEG && !(DP_EV_MOVES >> ev.type & 1u); a++) {
        int32_t k = ev.args[a].mention;
        if (k < 0 || !is_core(ev.type, (enum dp_event_arg)a) || listed_kind(e, &m->items[k]) != DP_GAZ_MEDIA)
            continue;
        uint32_t len, w = dp_word_before(text, m->items[k].start, &len);
        if (word_is(text, w, len, on, DP_ARRAY_LEN(on)))
            return 0;
    }
    /* a building standing for an office ("a quitté Matignon", "son départ de l'Élysée") is no
     * party to an event */
    for (int a = 0; a < DP_ARG_NEG; a++)
        if (is_core(ev.type, (enum dp_event_arg)a) && ev.args[a].mention >= 0 &&
            listed_kind(e, &m->items[ev.args[a].mention]) == DP_GAZ_SEAT)
            return 0;
    /* a court judges, it does not sue and is not sued: "le tribunal de Metz a condamné X" is no
     * suit by it, "le procès devant le tribunal correctionnel" none against it;
     * and it puts companies into liquidation, it does not go into it ("le tribunal de commerce
     * de Lyon a prononcé la liquidation de X") */
    if (ev.type == DP_EV_LAWSUIT &&
        ((ev.args[DP_ARG_PLAINTIFF].mention >= 0 && court(e, text, &m->items[ev.args[DP_ARG_PLAINTIFF].mention])) ||
         (ev.args[DP_ARG_DEFENDANT].mention >= 0 && court(e, text, &m->items[ev.args[DP_ARG_DEFENDANT].mention]))))
        return 0;
    if (ev.type == DP_EV_BANKRUPTCY && ev.args[DP_ARG_ORG].mention >= 0 &&
        court(e, text, &m->items[ev.args[DP_ARG_ORG].mention]))
        return 0;
    /* "a acheté une Porsche 911", "cette Mercedes": one of a maker's products, not the maker */
    for (int a = 0; a < DP_ARG_NEG; a++)
        if (is_core(ev.type, (enum dp_event_arg)a) && ev.args[a].mention >= 0 &&
            m->items[ev.args[a].mention].type == DP_ORG && one_thing_named(text, m, &ev, a))
            return 0;
    /* "X, ancien directeur de Thales, a démissionné": a past post told beside the move does not
     * say where X moves (told in an earlier sentence, it is often the post X lost: "James
     * Comey, l'ancien directeur du FBI ... avant son renvoi") */
    if ((DP_EV_MOVES >> ev.type & 1u) && ev.args[DP_ARG_ORG].mention >= 0 &&
        m->items[ev.args[DP_ARG_ORG].mention].start >= toks[0].start &&
        after_past_post(text, m, &m->items[ev.args[DP_ARG_ORG].mention]))
        return 0;
    /* one entity, or one company and its branch ("Facebook", "Facebook Ireland Limited"),
     * cannot play two core parts */
    for (int a = 0; a < DP_ARG_NEG; a++)
        for (int b = a + 1; b < DP_ARG_NEG; b++)
            if (ev.args[a].set && ev.args[b].set && ev.args[a].mention >= 0 &&
                ev.args[b].mention >= 0 && is_core(ev.type, (enum dp_event_arg)a) &&
                is_core(ev.type, (enum dp_event_arg)b) &&
                (m->items[ev.args[a].mention].entity == m->items[ev.args[b].mention].entity ||
                 name_extends(text, &m->items[ev.args[a].mention], &m->items[ev.args[b].mention])))
                return 0;
    *evp = ev;
    return 1;
}

/* The tokens toks[*first..*last] a text argument's words span; 0 when it starts past them. */
static int span_tokens(const dp_token *toks, size_t n, const dp_event_arg_value *v, size_t *first, size_t *last)
{
    size_t f = 0, l;
    while (f < n && toks[f].cp_start < v->cp_start)
        f++;
    if (f == n)
        return 0;
    for (l = f; l + 1 < n && toks[l + 1].cp_end <= v->cp_end;)
        l++;
    *first = f, *last = l;
    return 1;
}

/* A product is keyed without its maker's name, which one report gives and another leaves out
 * ("la nouvelle Leon", then "la nouvelle Cupra Leon" by Cupra): the two reports merge. ("S6"
 * and "S6 Edge" stay two models.) */
static void key_product(const dp_token *toks, size_t n, const dp_token_keys *keys, const dp_mentions *m,
                        dp_event *ev)
{
    dp_event_arg_value *product = &ev->args[DP_ARG_PRODUCT], *org = &ev->args[DP_ARG_ORG];
    if (!product->set || product->mention >= 0)
        return;
    size_t first, last;
    if (!span_tokens(toks, n, product, &first, &last))
        return;
    int32_t maker = org->set && org->mention >= 0 ? m->items[org->mention].entity : -1;
    for (size_t k = 0; maker >= 0 && k < m->n && first < last; k++) {
        const dp_mention *mk = &m->items[k];
        if (mk->cp_start != toks[first].cp_start || mk->entity != maker || mk->type != DP_ORG)
            continue;
        size_t after = first;
        while (after <= last && toks[after].cp_end <= mk->cp_end)
            after++;
        if (after <= last)
            product->text_key = text_key(keys, after, last);
        break;
    }
}

/* The event's date (the sentence's, else the teaser's), and where it lies in the text. */
static void place_event(const depeche_engine *e, const char *text, const dp_token *toks,
                        const dp_token_keys *keys, const units *u, size_t trigger,
                        const dp_mentions *m, dp_date ref, dp_date teaser_date, dp_event *evp)
{
    dp_event ev = *evp;
    key_product(toks, u->last[u->n - 1] + 1, keys, m, &ev);
    find_date(e, text, toks, keys, u, trigger, m, ref, &ev);
    if (!ev.has_date && teaser_date.year > 0) {
        ev.date = teaser_date;
        ev.has_date = 1;
    }
    ev.sentence_cp_start = toks[0].cp_start;
    ev.sentence_cp_end = toks[u->last[u->n - 1]].cp_end;
    ev.sentence_start = toks[0].start;
    ev.sentence_end = toks[u->last[u->n - 1]].end;
    ev.trigger_cp_start = toks[u->first[trigger]].cp_start;
    ev.trigger_cp_end = toks[u->last[trigger]].cp_end;
    if (ev.confidence < 0.05f)
        ev.confidence = 0.05f;
    *evp = ev;
}

static int event_from_match(const depeche_engine *e, const char *text, const dp_token *toks,
                            const dp_token_keys *keys, const units *u, const dp_mentions *m,
                            const dp_event_rule *rule, long rule_index, dp_match_data *md,
                            dp_date ref, dp_date teaser_date, uint32_t line, dp_events *out,
                            size_t *trigger_out)
{
    size_t ms, me;
    dp_match_group(md, 0, &ms, &me);
    const char *triggers = e->events.triggers[rule->type];
    size_t trigger = ms; /* the first of the unit's own type's triggers */
    while (trigger < me && !strchr(triggers, u->s[trigger]))
        trigger++;
    if (trigger == me) {
        /* a rule that names no trigger ("La Poste (Stuart, Ametix)") reads a sentence that
         * holds one of its type: the closest before the match, else after it */
        size_t before = ms;
        while (before > 0 && !strchr(triggers, u->s[before - 1]))
            before--;
        if (before > 0) {
            trigger = before - 1;
        } else {
            while (trigger < u->n && !strchr(triggers, u->s[trigger]))
                trigger++;
            if (trigger == u->n)
                return 0;
        }
    }
    /* the search goes on after the trigger, or after a match that borrowed one: it would
     * otherwise find the same match again */
    *trigger_out = trigger >= ms && trigger < me ? trigger : me - 1;
    dp_event ev;
    memset(&ev, 0, sizeof ev);
    ev.type = rule->type;
    ev.confidence = rule->confidence;
    ev.rule = (int32_t)rule_index;
    /* names first, then the words that stand for one named before ("il", "la même firme"),
     * which look back past the entity the event already has: "Nokia a déposé une plainte contre
     * la même firme" is not about Nokia */
    for (int a = 0; a < DP_EVENT_ARGS; a++)
        ev.args[a].mention = -1;
    for (int pass = 0; pass < 2; pass++)
        for (int a = 0; a < DP_EVENT_ARGS; a++) {
            size_t s, end;
            if (!rule->groups[a] || !dp_match_group(md, rule->groups[a], &s, &end) || end <= s)
                continue;
            size_t head = u->s[s] == 'g' ? named_head(u, s) : 0;
            int capital_next = s + 1 < u->n &&
                               (toks[u->first[s + 1]].flags & (DP_TF_CAPITALIZED | DP_TF_ALLCAPS));
            /* "la société de production", "le groupe de son père": a description with a
             * complement in common words tells a kind or an owner, not one named before ("le
             * constructeur de Gaydon" still is) */
            int complemented = s + 2 < u->n && u->s[s + 1] == 'x' &&
                               !(toks[u->first[s + 2]].flags & (DP_TF_CAPITALIZED | DP_TF_ALLCAPS));
            /* "un groupe de danse": a new one */
            size_t before = u->first[s];
            int indefinite = before > u->first[0] && (dp_token_key_is(keys, before - 1, "un") || dp_token_key_is(keys, before - 1, "une"));
            /* "il", "la société", and "l'" alone in a part ("Twitter l'a poursuivi en justice") */
            int anaphor = u->s[s] == 'h' ||
                          (u->s[s] == 'g' && !head && !capital_next && !complemented && !indefinite) ||
                          (u->s[s] == 'l' && end == s + 1) ||
                          (u->s[s] == 'H' && a == DP_ARG_PERSON) || /* "le nouveau président" */
                          (u->s[s] == '!' && a == DP_ARG_PERSON);   /* "Ce spécialiste" */
            if (anaphor != pass)
                continue;
            if (a == DP_ARG_NEG) {
                ev.modality = DP_NEGATED;
                continue;
            }
            if (a == DP_ARG_HYP) {
                ev.modality = DP_HYPOTHETICAL;
                continue;
            }
            int32_t k = u->mention[s];
            if (u->s[s] == '2' && s + 1 < u->n && u->s[s + 1] == '>' && pair_of(a) >= 0) {
                /* "les deux groupes": the two organisations named last, one part each */
                int32_t first = org_antecedent(e, text, m, toks[u->first[s]].start, -1);
                int32_t second = first < 0 ? -1
                                           : org_antecedent(e, text, m, m->items[first].start,
                                                            m->items[first].entity);
                if (second < 0)
                    continue;
                ev.args[a] = (dp_event_arg_value){.mention = second, .set = 1};
                ev.args[pair_of(a)] = (dp_event_arg_value){.mention = first, .set = 1};
                ev.confidence -= 0.15f;
                continue;
            }
            if (anaphor) {
                int32_t other = -1;
                for (int b = 0; b < DP_ARG_NEG; b++)
                    if (b != a && ev.args[b].set && ev.args[b].mention >= 0 && is_core(ev.type, (enum dp_event_arg)b))
                        other = m->items[ev.args[b].mention].entity;
                /* "elle" is a company where only a company fits: "Elle avait été rachetée", "il
                 * voit ses troupes fusionner avec la liste LREM" (no merger of a person) */
                int company = u->s[s] == 'g' || dp_event_arg_company_only(a);
                uint32_t at = toks[u->first[s]].start;
                k = !company ? person_antecedent(e, text, m, toks[0].start, at, other)
                    : u->s[s] == 'h' ? dp_event_pronoun_org(e, text, m, toks[0].start, at, other)
                    : u->s[s] == 'g' ? company_antecedent(e, text, m, at, other)
                                     : org_antecedent(e, text, m, at, other);
                /* "le constructeur d'Ingolstadt" where the article names no Audi: no one else
                 * either */
                if (k == DP_ANTECEDENT_NAMED_ELSEWHERE)
                    return 0;
                if (k < 0)
                    continue;
                ev.confidence -= 0.1f;
            } else if (u->s[s] == 'g') {
                /* "le groupe Avril", "le constructeur taïwanais HTC": the head of a name, not a
                 * word for one named before; a name no entity took stays unknown; "un groupe
                 * de danse", "sa société de production": one no name was given, which the
                 * context must not fill */
                if (!head && (complemented || indefinite))
                    return 0;
                if (!head)
                    continue;
                k = u->mention[head];
                s = head;
                end = end > s + 1 ? end : s + 1;
            }
            ev.args[a].set = 1;
            /* a product is words, even one named after its maker ("Apple Intelligence") */
            ev.args[a].mention = a == DP_ARG_PRODUCT ? -1 : k;
            ev.args[a].cp_start = toks[u->first[s]].cp_start;
            ev.args[a].cp_end = toks[u->last[end - 1]].cp_end;
            ev.args[a].text_key = text_key(keys, u->first[s], u->last[end - 1]);
        }
    /* a role the rule did not bind, standing beside the person: "X, président de Y," or "le
     * PDG X" */
    if (is_core(ev.type, DP_ARG_PERSON) && ev.args[DP_ARG_PERSON].set && !ev.args[DP_ARG_ROLE].set &&
        rule->groups[DP_ARG_PERSON] && dp_match_group(md, rule->groups[DP_ARG_PERSON], &ms, &me) && me > ms) {
        size_t role = u->n;
        if (me + 1 < u->n && u->s[me] == ',' && u->s[me + 1] == 'R')
            role = me + 1;
        else if (ms > 0 && u->s[ms - 1] == 'R')
            role = ms - 1;
        /* the post held at another company: "X, directrice financière de Renault, rejoint
         * Peugeot" */
        int32_t org = ev.args[DP_ARG_ORG].mention;
        size_t of = role + 1 < u->n && u->s[role + 1] == 'x' ? role + 2 : u->n; /* "de", "du" */
        if (of < u->n && u->s[of] == 'l') /* "de la" */
            of++;
        if (of < u->n && u->s[of] == 'O' && org >= 0 && u->mention[of] >= 0 &&
            m->items[u->mention[of]].entity != m->items[org].entity)
            role = u->n;
        if (role < u->n)
            ev.args[DP_ARG_ROLE] = (dp_event_arg_value){.mention = u->mention[role],
                                                        .cp_start = toks[u->first[role]].cp_start,
                                                        .cp_end = toks[u->last[role]].cp_end,
                                                        .set = 1};
        dp_match_group(md, 0, &ms, &me);
    }
    /* a past post, the rule's or one beside the person, is not the one moved to or from:
     * "remplacé par X, l'ex-patron de Twitch" */
    int32_t role = ev.args[DP_ARG_ROLE].mention;
    if (role >= 0 && dp_event_role_is_past(text, &m->items[role]))
        ev.args[DP_ARG_ROLE] = (dp_event_arg_value){.mention = -1};
    if (!complete_arguments(e, text, toks, m, u, trigger, line, !role_of_place(toks, u, &ev), &ev))
        return 0;
    /* modality: a negation between the start of the match and the trigger; a threat, plan or
     * condition there too, or in the four units before the trigger ("menacent de quitter", "aurait préféré que X démissionne") */
    for (size_t i = ms; i < trigger && ev.modality == DP_ASSERTED; i++)
        if (u->s[i] == 'z' && !between_commas(u, ms, i, trigger))
            ev.modality = DP_NEGATED;
    for (size_t i = ms < trigger - (trigger > 4 ? 4 : trigger) ? ms : trigger - (trigger > 4 ? 4 : trigger);
         i < trigger && ev.modality == DP_ASSERTED; i++)
        if (u->s[i] == 'y')
            ev.modality = DP_HYPOTHETICAL;
    /* a launch the sentence tells in the future ("Samsung va lancer le Galaxy Note", "dévoile
     * le prochain iPhone") has not happened: for the "planned" types, a "future" word up to the
     * end of the match makes a plan */
    size_t match_end = u->last[(me > trigger ? me : trigger + 1) - 1];
    for (size_t ti = 0; ev.modality == DP_ASSERTED && e->events.planned[ev.type] && ti <= match_end;
         ti++)
        if (dp_date_is_future_word(&e->dates, text, &toks[ti]))
            ev.modality = DP_HYPOTHETICAL;
    /* an event told in the conditional is a condition or a rumour ("Renault rachèterait
     * Nissan"); in the future, a plan for the planned types only: "Qantas va supprimer 6.000
     * emplois" is a decision taken, as the annotated articles read it */
    if (ev.modality == DP_ASSERTED &&
        told_ahead(e, text, toks, keys, u->first[trigger], e->events.planned[ev.type]))
        ev.modality = DP_HYPOTHETICAL;
    place_event(e, text, toks, keys, u, trigger, m, ref, teaser_date, &ev);
    if (DP_PUSH(out->items, out->n, out->cap, ev))
        return DEPECHE_ERR_NOMEM;
    /* "les deux groupes s'accusent mutuellement": each sues the other */
    if (ev.type == DP_EV_LAWSUIT && memchr(u->s + ms, '#', me - ms)) {
        dp_event back = ev;
        back.args[DP_ARG_PLAINTIFF] = ev.args[DP_ARG_DEFENDANT];
        back.args[DP_ARG_DEFENDANT] = ev.args[DP_ARG_PLAINTIFF];
        if (DP_PUSH(out->items, out->n, out->cap, back))
            return DEPECHE_ERR_NOMEM;
        return 0;
    }
    return add_listed(toks, keys, u, md, rule, out, out->n - 1);
}

/* The sentence's folded tokens and its units, in new buffers the caller frees (both, also
 * when memory ran out: then DEPECHE_ERR_NOMEM). */
static int read_units(const depeche_engine *e, const char *text, const dp_token *toks, size_t n,
                      const dp_mentions *m, dp_token_keys **keys, units **u)
{
    *keys = dp_malloc(sizeof **keys);
    *u = dp_calloc(1, sizeof **u); /* zeroed: PCRE2 JIT may scan a little past the end */
    if (!*keys || !*u)
        return DEPECHE_ERR_NOMEM;
    dp_token_keys_fill(*keys, text, toks, n);
    build_units(e, text, toks, n, *keys, m, *u);
    return 0;
}

int dp_event_complete(const depeche_engine *e, const char *text, const dp_token *toks, size_t n,
                      uint32_t line, const dp_mentions *m, dp_date ref, dp_date teaser_date,
                      size_t trigger_token, int from_context, dp_event *ev, dp_events *out)
{
    if (!n || trigger_token >= n)
        return 0;
    dp_token_keys *keys;
    units *u;
    int rc = read_units(e, text, toks, n, m, &keys, &u);
    if (rc)
        goto out;
    /* words as arguments (a product) are keyed as the rules key them, so that two reports of
     * one product merge */
    for (int a = 0; a < DP_ARG_NEG; a++) {
        dp_event_arg_value *v = &ev->args[a];
        size_t first, last;
        if (v->set && v->mention < 0 && span_tokens(toks, n, v, &first, &last))
            v->text_key = text_key(keys, first, last);
    }
    size_t trigger = 0;
    while (trigger + 1 < u->n && u->last[trigger] < trigger_token)
        trigger++;
    if (complete_arguments(e, text, toks, m, u, trigger, line, from_context, ev)) {
        place_event(e, text, toks, keys, u, trigger, m, ref, teaser_date, ev);
        ev->trigger_cp_start = toks[trigger_token].cp_start;
        ev->trigger_cp_end = toks[trigger_token].cp_end;
        if (DP_PUSH(out->items, out->n, out->cap, *ev))
            rc = DEPECHE_ERR_NOMEM;
    }
out:
    free(keys);
    free(u);
    return rc;
}

int32_t dp_event_antecedent(const depeche_engine *e, const char *text, const dp_mentions *m,
                            uint32_t sentence, uint32_t at, enum dp_antecedent_kind kind,
                            int32_t other)
{
    return kind == DP_ANTECEDENT_COMPANY ? company_antecedent(e, text, m, at, other)
           : kind == DP_ANTECEDENT_ORG   ? org_antecedent(e, text, m, at, other)
           : kind == DP_ANTECEDENT_MAN   ? described_person(e, text, m, at, other, 'm')
           : kind == DP_ANTECEDENT_WOMAN ? described_person(e, text, m, at, other, 'f')
           : kind == DP_ANTECEDENT_SOMEONE ? described_person(e, text, m, at, other, 0)
           : kind == DP_ANTECEDENT_LATTER_MAN ? person_before(e, text, m, at, other, 'm')
           : kind == DP_ANTECEDENT_LATTER_WOMAN ? person_before(e, text, m, at, other, 'f')
                                         : person_antecedent(e, text, m, sentence, at, other);
}

int32_t dp_event_pronoun_org(const depeche_engine *e, const char *text, const dp_mentions *m,
                             uint32_t sentence, uint32_t at, int32_t other)
{
    /* "il" or "elle" stands for the nearer of a person and a company: "X a quitté Renault...
     * Elle a présenté le journal de France 3" is her, not Renault */
    int32_t k = org_antecedent(e, text, m, at, other);
    int32_t person = k < 0 ? -1 : person_antecedent(e, text, m, sentence, at, -1);
    return person >= 0 && m->items[person].start > m->items[k].start ? -1 : k;
}

int dp_event_arg_company_only(int arg)
{
    return arg == DP_ARG_ORG || arg == DP_ARG_TARGET || arg == DP_ARG_COURT || arg == DP_ARG_AUTHORITY ||
           (arg >= DP_ARG_PARTNER1 && arg <= DP_ARG_PARTNER4);
}

int dp_event_is_core(int type, int arg)
{
    return is_core((enum dp_event_type)type, (enum dp_event_arg)arg);
}

int dp_events_in_sentence(const depeche_engine *e, const char *text, const dp_token *toks,
                          size_t n, uint32_t line, const dp_mentions *m, dp_date ref,
                          dp_date teaser_date, dp_match_data *md, dp_events *out)
{
    const dp_event_rules *r = &e->events;
    if (!n || !r->n_rules)
        return 0;
    dp_token_keys *keys;
    units *u;
    int rc = read_units(e, text, toks, n, m, &keys, &u);
    if (rc)
        goto out;
    for (int type = 0; type < DP_EVENT_TYPES && !rc; type++) {
        if (!r->sets[type].n || !strpbrk(u->s, r->triggers[type]))
            continue;
        for (size_t start = 0; start < u->n && !rc;) {
            long k = dp_rule_set_match(&r->sets[type], u->s, u->n, start, md);
            size_t ms, me;
            if (k < 0 || !dp_match_group(md, 0, &ms, &me))
                break;
            size_t trigger = me, rule = r->set_rule[type][k];
            rc = event_from_match(e, text, toks, keys, u, m, &r->rules[rule], (long)rule, md, ref,
                                  teaser_date, line, out, &trigger);
            /* go on after this match's trigger, so that one subject can do several things */
            start = trigger + 1 > start ? trigger + 1 : start + 1;
        }
    }
out:
    free(keys);
    free(u);
    return rc;
}

/* The entity playing core part a, or -1. */
static int32_t core_entity(const dp_event *ev, const dp_mentions *m, int a)
{
    return ev->args[a].set && ev->args[a].mention >= 0 ? m->items[ev->args[a].mention].entity : -2;
}

static int same_fact(const dp_event *a, const dp_event *b, const dp_mentions *m)
{
    if (a->type != b->type)
        return 0;
    if (a->type == DP_EV_MERGER || a->type == DP_EV_PARTNERSHIP) {
        int32_t a1 = core_entity(a, m, DP_ARG_PARTNER1), a2 = core_entity(a, m, DP_ARG_PARTNER2);
        int32_t b1 = core_entity(b, m, DP_ARG_PARTNER1), b2 = core_entity(b, m, DP_ARG_PARTNER2);
        return (a1 == b1 && a2 == b2) || (a1 == b2 && a2 == b1);
    }
    for (int k = 0; k < DP_ARG_NEG; k++)
        if (is_core((enum dp_event_type)a->type, (enum dp_event_arg)k)) {
            if (core_entity(a, m, k) != core_entity(b, m, k))
                return 0;
            /* text arguments: the same words, or words that start at the same place ("Gemini"
             * and "Gemini 3.0", read by a rule and by a frame) */
            if (core_entity(a, m, k) == -2 && a->args[k].text_key != b->args[k].text_key &&
                a->args[k].cp_start != b->args[k].cp_start)
                return 0;
        }
    return 1;
}

static int by_trigger(const void *pa, const void *pb)
{
    const dp_event *a = pa, *b = pb;
    if (a->trigger_cp_start != b->trigger_cp_start)
        return a->trigger_cp_start < b->trigger_cp_start ? -1 : 1;
    if (a->type != b->type)
        return a->type - b->type;
    if ((a->rule < 0) != (b->rule < 0)) /* a rule's event before a frame's, which completes it */
        return a->rule < 0 ? 1 : -1;
    return a->rule - b->rule;
}

/* Whether frame event f overrules rule event r: they read one trigger, share a party or swap
 * two, and disagree on the rest; the parse says who did what ("A rachète B" read by a rule as
 * A buying C; "B a été racheté par A" read as B buying A). A rule's event that shares no party
 * with the frame's stays: it may read what the parse missed ("A s'offre B, C D": C buying
 * D). */
static int overrules(const dp_event *f, const dp_event *r, const dp_mentions *m)
{
    if (f->rule >= 0 || r->rule < 0)
        return 0;
    /* one word, one reading: where the parse reads the rule's trigger as another kind of event,
     * the parse's reading stands ("Google a levé le voile sur Gemini" is a launch, no funding
     * the rule read in "levé") */
    if (f->type != r->type) /* (a move and its counterpart share one: "cède sa place à X") */
        return f->trigger_cp_start == r->trigger_cp_start && f->trigger_cp_end == r->trigger_cp_end &&
               !((DP_EV_MOVES >> f->type & 1u) && (DP_EV_MOVES >> r->type & 1u));
    if (f->type == DP_EV_MERGER || f->type == DP_EV_PARTNERSHIP)
        return 0;
    /* other triggers of the sentence: only a party the parse gives another part ("la CNIL a
     * décidé de sanctionner Google d'une amende ... et Facebook d'une amende ...", read by a
     * rule as Google fining Facebook) */
    int same_trigger = f->trigger_cp_start == r->trigger_cp_start;
    if (!same_trigger && f->sentence_cp_start != r->sentence_cp_start)
        return 0;
    int shared = 0, swapped = 0;
    for (int k = 0; k < DP_ARG_NEG; k++) {
        if (!is_core((enum dp_event_type)f->type, (enum dp_event_arg)k))
            continue;
        int32_t a = core_entity(f, m, k);
        shared += a >= 0 && a == core_entity(r, m, k);
        for (int j = 0; j < DP_ARG_NEG && a >= 0; j++) /* the parse gives a party another part */
            swapped |= j != k && is_core((enum dp_event_type)f->type, (enum dp_event_arg)j) &&
                       core_entity(r, m, j) == a;
    }
    return same_trigger ? shared > 0 || swapped : swapped;
}

void dp_events_merge(dp_events *ev, const dp_mentions *m)
{
    if (ev->n > 1) /* text order: the order of the triggers */
        qsort(ev->items, ev->n, sizeof *ev->items, by_trigger);
    size_t kept = 0;
    for (size_t i = 0; i < ev->n; i++) {
        dp_event *x = &ev->items[i];
        size_t j = 0;
        while (j < kept && !same_fact(&ev->items[j], x, m))
            j++;
        if (j == kept) {
            ev->items[kept++] = *x;
            continue;
        }
        dp_event *first = &ev->items[j];
        /* one sentence read twice, by a rule and by a frame (whose triggers may differ: "prendre
         * le contrôle" is the frame's "prendre", the rule's "contrôle"): the parse scopes a
         * negation, a condition or a future better than the rule's window; else one report
         * asserting the fact asserts it */
        int same_sentence = x->sentence_cp_start == first->sentence_cp_start;
        if (same_sentence && (x->rule < 0) != (first->rule < 0)) {
            if (x->rule < 0) { /* the parse confirms the rule's reading */
                first->modality = x->modality;
                first->rule = x->rule;
            }
        } else if (x->modality == DP_ASSERTED && first->modality != DP_ASSERTED)
            first->modality = DP_ASSERTED;
        /* the words of a report say more than a present tense, which says more than nothing;
         * a day says more than the month or year it falls in ("en mai", then "le 14 mai 2019") */
        if (((!first->has_date || !first->date_from_text || first->date_by_tense) &&
             x->date_from_text && (!x->date_by_tense || !first->date_from_text)) ||
            (first->date_from_text && !first->date_by_tense && x->date_from_text && !x->date_by_tense &&
             dp_date_precision(x->date) > dp_date_precision(first->date) &&
             dp_date_within(x->date, first->date))) {
            first->date = x->date, first->has_date = 1, first->date_from_text = 1;
            first->date_by_tense = x->date_by_tense;
            first->date_cp_start = x->date_cp_start, first->date_cp_end = x->date_cp_end;
        }
        for (int a = 0; a < DP_ARG_NEG; a++) /* other arguments the first report lacked */
            if (!first->args[a].set && x->args[a].set)
                first->args[a] = x->args[a];
            else if (first->args[a].set && x->args[a].set && first->args[a].mention < 0 &&
                     x->args[a].mention < 0 && x->args[a].cp_end - x->args[a].cp_start >
                     first->args[a].cp_end - first->args[a].cp_start &&
                     (x->args[a].cp_start == first->args[a].cp_start || a == DP_ARG_PRODUCT))
                first->args[a] = x->args[a]; /* the longer reading of the same words, or the
                                              * model's name with its maker's */
        if (x->confidence > first->confidence)
            first->confidence = x->confidence;
    }
    ev->n = kept;
    kept = 0;
    for (size_t i = 0; i < ev->n; i++) {
        int overruled = 0;
        for (size_t j = 0; j < ev->n && !overruled; j++)
            overruled = overrules(&ev->items[j], &ev->items[i], m);
        if (!overruled)
            ev->items[kept++] = ev->items[i];
    }
    ev->n = kept;
}

void dp_events_release(dp_events *ev)
{
    free(ev->items);
    memset(ev, 0, sizeof *ev);
}
