/* Evidence for names no list knows: the words around them, weighed. */
#include <stdlib.h>
#include <string.h>

#include "evidence.h"
#include "normalize.h"
#include "resource.h"

static const char *const place_names[DP_EVIDENCE_PLACES] = {
    [DP_EVIDENCE_BEFORE] = "before",   [DP_EVIDENCE_AFTER] = "after",
    [DP_EVIDENCE_APPOSITION] = "apposition", [DP_EVIDENCE_OF] = "of",
    [DP_EVIDENCE_SUBJECT] = "subject", [DP_EVIDENCE_OBJECT] = "object",
};

/* "1.5", "-2", "0.25" (rounded to tenths) -> tenths; returns 0 when it is no number. */
static int parse_weight(const char *s, size_t n, int *tenths)
{
    size_t i = 0;
    int sign = 1, whole = 0, frac = 0, scale = 0, digits = 0;
    if (i < n && (s[i] == '-' || s[i] == '+'))
        sign = s[i++] == '-' ? -1 : 1;
    for (; i < n && s[i] >= '0' && s[i] <= '9' && whole < 1000; i++, digits++)
        whole = whole * 10 + (s[i] - '0');
    if (i < n && s[i] == '.')
        for (i++; i < n && s[i] >= '0' && s[i] <= '9'; i++, digits++)
            if (scale < 2)
                frac = frac * 10 + (s[i] - '0'), scale++;
    if (i != n || !digits)
        return 0;
    int hundredths = whole * 100 + (scale == 1 ? frac * 10 : frac);
    *tenths = sign * ((hundredths + 5) / 10);
    return 1;
}

static int type_index(const char *s, size_t n)
{
    if (dp_word_is(s, n, "PERSON"))
        return DP_EVIDENCE_PERSON;
    if (dp_word_is(s, n, "ORG"))
        return DP_EVIDENCE_ORG;
    if (dp_word_is(s, n, "PLACE"))
        return DP_EVIDENCE_PLACE;
    return -1;
}

static const uint8_t entity_type_of[DP_EVIDENCE_TYPES] = {DP_PERSON, DP_ORG, DP_PLACE};

/* Puts the folded words of args into lx: with type >= 0, the weight for that type beside the
 * other types' (one signed byte each); else 1. Returns 1, or a negative status with err filled. */
static int put_words(dp_lexicon *lx, const char *args, size_t len, int type, int weight,
                     const char *path, unsigned long line, depeche_error *err)
{
    const char *f;
    size_t fl;
    int any = 0;
    while (dp_next_field(&args, &len, &f, &fl)) {
        char key[DP_KEY_MAX];
        size_t k = dp_fold_key(f, fl, key, sizeof key);
        if (k == (size_t)-1 || !k)
            return dp_fail(err, DEPECHE_ERR_DATA, path, line, 0, "word too long: '%.*s'", (int)fl, f);
        if (type < 0 ? dp_lexicon_put(lx, key, k, 1)
                     : dp_lexicon_set_byte(lx, key, k, type, (uint8_t)(int8_t)weight))
            return dp_fail(err, DEPECHE_ERR_NOMEM, path, line, 0, "out of memory");
        any = 1;
    }
    if (!any)
        return dp_fail(err, DEPECHE_ERR_DATA, path, line, 0, "expected at least one word");
    return 1;
}

int dp_evidence_load(dp_evidence_rules *r, const char *kind, size_t kind_len, const char *args,
                     size_t len, const char *path, unsigned long line, depeche_error *err)
{
    if (!dp_word_is(kind, kind_len, "evidence"))
        return 0;
    const char *f = NULL, *w;
    size_t fl = 0, wl;
    int weight;
    if (dp_next_field(&args, &len, &f, &fl) && dp_word_is(f, fl, "threshold")) {
        if (!dp_next_field(&args, &len, &w, &wl) || !parse_weight(w, wl, &weight) || weight <= 0 || len)
            return dp_fail(err, DEPECHE_ERR_DATA, path, line, 0,
                           "expected 'evidence threshold WEIGHT' with a positive WEIGHT");
        r->threshold = weight;
        return 1;
    }
    if (fl && dp_word_is(f, fl, "auxiliary"))
        return put_words(&r->auxiliaries, args, len, -1, 0, path, line, err);
    int type = fl ? type_index(f, fl) : -1;
    if (type < 0 || !dp_next_field(&args, &len, &w, &wl) || !parse_weight(w, wl, &weight) ||
        weight < -120 || weight > 120 || !dp_next_field(&args, &len, &f, &fl))
        return dp_fail(err, DEPECHE_ERR_DATA, path, line, 0,
                       "expected 'evidence TYPE WEIGHT PLACE WORDS...' with TYPE one of PERSON, "
                       "ORG, PLACE and WEIGHT between -12 and 12");
    int listed = dp_word_is(f, fl, "listed"), foreign = dp_word_is(f, fl, "foreign");
    if (listed || foreign) {
        if (len)
            return dp_fail(err, DEPECHE_ERR_DATA, path, line, 0, "'%s' takes no words",
                           listed ? "listed" : "foreign");
        (listed ? r->listed : r->foreign)[type] = (int8_t)weight;
        return 1;
    }
    int place = 0;
    while (place < DP_EVIDENCE_PLACES && !dp_word_is(f, fl, place_names[place]))
        place++;
    if (place == DP_EVIDENCE_PLACES)
        return dp_fail(err, DEPECHE_ERR_DATA, path, line, 0,
                       "unknown place '%.*s': expected before, after, apposition, of, subject, "
                       "object, listed or foreign", (int)fl, f);
    return put_words(&r->words[place], args, len, type, weight, path, line, err);
}

void dp_evidence_release(dp_evidence_rules *r)
{
    for (int i = 0; i < DP_EVIDENCE_PLACES; i++)
        dp_lexicon_release(&r->words[i]);
    dp_lexicon_release(&r->auxiliaries);
    memset(r, 0, sizeof *r);
}

static void add_packed(dp_evidence *ev, uint32_t v)
{
    for (int t = 0; t < DP_EVIDENCE_TYPES; t++)
        ev->weight[t] = (int16_t)(ev->weight[t] + (int8_t)(uint8_t)(v >> (8 * t)));
}

/* The weights token i carries at `place`, looked up by its folded form. */
static int word_weights(const dp_evidence_rules *r, int place, const dp_token_keys *keys, size_t i,
                        uint32_t *v)
{
    return keys->len[i] && dp_lexicon_get(&r->words[place], keys->key[i], keys->len[i], v);
}

static int is_lower_word(const dp_token *t)
{
    return t->kind == DP_TOK_WORD && !(t->flags & (DP_TF_CAPITALIZED | DP_TF_ALLCAPS));
}

/* The parts of speech the lowercase form of token t can have, as bits; 0 when unknown. */
static uint32_t tags_of(const dp_morpho *m, const char *text, const dp_token *t)
{
    char low[DP_MORPHO_MAX_WORD];
    size_t n = dp_lowercase(text + t->start, t->end - t->start, low, sizeof low);
    if (n == (size_t)-1 || !n)
        return 0;
    return dp_morpho_tags(m, low, n, dp_hash_bytes(low, n));
}

int dp_evidence_common_word(const dp_morpho *morpho, const char *text, const dp_token *t)
{
    char low[DP_MORPHO_MAX_WORD];
    size_t n = dp_lowercase(text + t->start, t->end - t->start, low, sizeof low);
    return n != (size_t)-1 && n && dp_morpho_common_word(morpho, low, n);
}

int dp_evidence_foreign_word(const dp_morpho *morpho, const char *text, const dp_token *t)
{
    if (tags_of(morpho, text, t) & ~(1u << DP_PROPN))
        return 0;
    /* capitals often lose their accent: "Etats" is "états" */
    char low[DP_MORPHO_MAX_WORD];
    size_t n = dp_lowercase(text + t->start, t->end - t->start, low, sizeof low);
    if (n == (size_t)-1 || n + 1 >= sizeof low || low[0] != 'e')
        return 1;
    static const char *const accented[] = {"\xC3\xA9", "\xC3\xA8", "\xC3\xAA"}; /* é è ê */
    for (size_t k = 0; k < 3; k++) {
        char form[DP_MORPHO_MAX_WORD + 1];
        memcpy(form, accented[k], 2);
        memcpy(form + 2, low + 1, n - 1);
        if (dp_morpho_tags(morpho, form, n + 1, dp_hash_bytes(form, n + 1)) & ~(1u << DP_PROPN))
            return 0;
    }
    return 1;
}

int dp_evidence_is_adjective(const dp_morpho *morpho, const char *text, const dp_token *t)
{
    if (!is_lower_word(t))
        return 0;
    uint32_t tags = tags_of(morpho, text, t);
    return (tags & (1u << DP_ADJ)) && !(tags & ((1u << DP_VERB) | (1u << DP_AUX)));
}

/* The value of the first verb reading of token t whose lemma `lemmas` holds; a
 * participle counts only when `participles` says so ("les élus X" names no one elected). */
static int lemma_in(const dp_lexicon *lemmas, const dp_morpho *m, const char *text,
                    const dp_token *t, int participles, uint32_t *v)
{
    char low[DP_MORPHO_MAX_WORD], key[DP_KEY_MAX];
    size_t n = dp_lowercase(text + t->start, t->end - t->start, low, sizeof low);
    if (n == (size_t)-1 || !n || !lemmas->count)
        return 0;
    dp_reading readings[8];
    size_t k = dp_morpho_readings(m, low, n, readings, DP_ARRAY_LEN(readings));
    for (size_t i = 0; i < k; i++) {
        const char *feats = readings[i].feats;
        int participle = strstr(feats, "VerbForm=Part") != NULL;
        /* a name is the third person: "élus" is no "tu élus" */
        if (readings[i].upos != DP_VERB || (participle && !participles) ||
            (strstr(feats, "Person=") && !strstr(feats, "Person=3")))
            continue;
        size_t kl = dp_fold_key(readings[i].lemma, strlen(readings[i].lemma), key, sizeof key);
        if (kl != (size_t)-1 && kl && dp_lexicon_get(lemmas, key, kl, v))
            return 1;
    }
    return 0;
}

static int is_word(const dp_token_keys *keys, size_t i, const char *w)
{
    return dp_word_is(keys->key[i], keys->len[i], w);
}

/* Is token t made of letters only (and hyphens: "Herbst-Bayliss")? Not "S6", not "AT&T". */
static int letters_only(const char *text, const dp_token *t)
{
    for (size_t b = t->start; b < t->end; b++) {
        unsigned char c = (unsigned char)text[b];
        if (c < 0x80 && !((c | 0x20) >= 'a' && (c | 0x20) <= 'z') && c != '-')
            return 0;
    }
    return 1;
}

dp_evidence dp_evidence_around(const dp_evidence_rules *r, const dp_morpho *morpho,
                               const dp_gazetteer *g, const char *text, const dp_token *toks,
                               const dp_token_keys *keys, size_t n, size_t first, size_t last)
{
    dp_evidence ev = {{0}};
    uint32_t v;
    /* "le Franco-Ivoirien", "les Américains": a common noun with a capital names a people */
    if (last == first + 1 && first > 0 &&
        (is_word(keys, first - 1, "le") || is_word(keys, first - 1, "la") ||
         is_word(keys, first - 1, "l'") || is_word(keys, first - 1, "les")) &&
        dp_evidence_common_word(morpho, text, &toks[first]))
        return ev;
    /* foreign: "Gillies MacKinnon", "Shizuka Arakawa": two or three capitalised words that
     * are no French and no English words (what comes before, "le", "à", may weigh against
     * it); English words name products and companies more than people ("Abbey Road") */
    int foreign = last - first >= 2 && last - first <= 3;
    for (size_t j = first; j < last && foreign; j++)
        foreign = (toks[j].flags & DP_TF_CAPITALIZED) && !(toks[j].flags & DP_TF_ALLCAPS) &&
                  letters_only(text, &toks[j]) && !dp_gazetteer_is_english(g, keys, j) &&
                  dp_evidence_foreign_word(morpho, text, &toks[j]);
    for (int t = 0; foreign && t < DP_EVIDENCE_TYPES; t++)
        ev.weight[t] = (int16_t)(ev.weight[t] + r->foreign[t]);
    /* a given name alone is someone called by it ("révèle Norbert", "Barbara, Larry et
     * Kaitlyn"), never a company however the words around it read */
    if (last == first + 1 && dp_gazetteer_is_given(g, &toks[first], keys, first))
        ev.weight[DP_EVIDENCE_ORG] = (int16_t)(ev.weight[DP_EVIDENCE_ORG] - 100);
    /* before: "la société X", "la biotech américaine X" (at most two adjectives between) */
    for (size_t j = first, skipped = 0; j-- > 0 && skipped <= 2; skipped++) {
        if (word_weights(r, DP_EVIDENCE_BEFORE, keys, j, &v)) {
            add_packed(&ev, v);
            break;
        }
        if (!is_lower_word(&toks[j]) || !(tags_of(morpho, text, &toks[j]) & (1u << DP_ADJ)))
            break;
    }
    /* of: "le rachat de X", "les salariés d'X", "le PDG du groupe X" is "before" */
    if (first >= 2 && (is_word(keys, first - 1, "de") || is_word(keys, first - 1, "d'") ||
                       is_word(keys, first - 1, "du")) &&
        word_weights(r, DP_EVIDENCE_OF, keys, first - 2, &v))
        add_packed(&ev, v);
    /* object: "racheter X", "a racheté X" (a participle after its auxiliary only: "une
     * société nommée X" names no one appointed) */
    int after_auxiliary = first >= 2 && is_lower_word(&toks[first - 2]) &&
                          (tags_of(morpho, text, &toks[first - 2]) & (1u << DP_AUX));
    if (first >= 1 && is_lower_word(&toks[first - 1]) &&
        lemma_in(&r->words[DP_EVIDENCE_OBJECT], morpho, text, &toks[first - 1], after_auxiliary, &v))
        add_packed(&ev, v);
    if (last < n && word_weights(r, DP_EVIDENCE_AFTER, keys, last, &v))
        add_packed(&ev, v);
    /* apposition: "X, spécialiste de", "X, une start-up" ("de X, la ministre..." is no
     * apposition of X) */
    if (last + 1 < n && is_word(keys, last, ",")) {
        size_t j = last + 1;
        if (j + 1 < n && (is_word(keys, j, "un") || is_word(keys, j, "une")))
            j++;
        if (word_weights(r, DP_EVIDENCE_APPOSITION, keys, j, &v))
            add_packed(&ev, v);
    }
    /* subject: "X rachète", "X a racheté", "X ne l'a pas racheté" (clitics, negation and
     * auxiliaries skipped) */
    for (size_t j = last, skipped = 0; j < n && skipped <= 3; j++, skipped++) {
        if (!is_lower_word(&toks[j]))
            break;
        if (lemma_in(&r->words[DP_EVIDENCE_SUBJECT], morpho, text, &toks[j], 1, &v)) {
            add_packed(&ev, v);
            break;
        }
        uint32_t tags = tags_of(morpho, text, &toks[j]), one;
        if (!(tags & ((1u << DP_AUX) | (1u << DP_PRON))) && !is_word(keys, j, "ne") &&
            !is_word(keys, j, "n'") && !is_word(keys, j, "pas") &&
            !lemma_in(&r->auxiliaries, morpho, text, &toks[j], 0, &one))
            break;
    }
    return ev;
}

void dp_evidence_add_listed(const dp_evidence_rules *r, dp_evidence *ev, int type)
{
    for (int t = 0; t < DP_EVIDENCE_TYPES; t++)
        if (entity_type_of[t] == type)
            ev->weight[t] = (int16_t)(ev->weight[t] + r->listed[t]);
}

int dp_evidence_decide(const dp_evidence_rules *r, const dp_evidence *ev)
{
    int best = 0;
    for (int t = 1; t < DP_EVIDENCE_TYPES; t++)
        if (ev->weight[t] > ev->weight[best])
            best = t;
    for (int t = 0; t < DP_EVIDENCE_TYPES; t++)
        if (t != best && ev->weight[t] == ev->weight[best])
            return -1;
    if (!r->threshold || ev->weight[best] < r->threshold)
        return -1;
    return entity_type_of[best];
}

int dp_evidence_may_be_org(const dp_evidence *ev)
{
    int16_t org = ev->weight[DP_EVIDENCE_ORG];
    return org >= 0 && ev->weight[DP_EVIDENCE_PERSON] <= org && ev->weight[DP_EVIDENCE_PLACE] <= org;
}

char dp_evidence_gender(const dp_morpho *morpho, const char *word, size_t n, int upos)
{
    dp_reading r[8];
    size_t k = dp_morpho_readings(morpho, word, n, r, DP_ARRAY_LEN(r));
    for (size_t i = 0; i < k; i++)
        if (r[i].upos == upos && strstr(r[i].feats, "Gender=Masc"))
            return 'm';
        else if (r[i].upos == upos && strstr(r[i].feats, "Gender=Fem"))
            return 'f';
    return 0;
}

char dp_evidence_name_gender(const dp_morpho *morpho, const char *text, uint32_t start, uint32_t end)
{
    /* "Jean-Marie" is a man's name where "Jean" alone is either */
    uint32_t first_end = start, first_part = 0;
    while (first_end < end && text[first_end] != ' ') {
        if (text[first_end] == '-' && !first_part)
            first_part = first_end;
        first_end++;
    }
    /* a title that opens the name has its noun's gender: "le général de Gaulle" */
    int title = text[start] >= 'a' && text[start] <= 'z';
    char gender = dp_evidence_gender(morpho, text + start, first_end - start, title ? DP_NOUN : DP_PROPN);
    return gender || !first_part ? gender : dp_evidence_gender(morpho, text + start, first_part - start, DP_PROPN);
}
