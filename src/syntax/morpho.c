/* The morphological lexicon: Lefff's image read in place, and the forms data files add. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "morpho.h"
#include "normalize.h"
#include "resource.h"

const char *const dp_tag_names[DP_TAG_COUNT] = {
    "ADJ", "ADP", "ADV", "AUX", "CCONJ", "DET", "INTJ", "NOUN", "NUM", "PART", "PRON",
    "PROPN", "PUNCT", "SCONJ", "SYM", "VERB", "X", "ADP+DET", "ADP+PRON"};

int dp_tag_from_name(const char *s, size_t n)
{
    for (int i = 0; i < DP_TAG_COUNT; i++)
        if (dp_word_is(s, n, dp_tag_names[i]))
            return i;
    return -1;
}

int dp_morpho_open(dp_morpho *m, const void *image, size_t size, const char *path,
                   depeche_error *err)
{
    const unsigned char *d = image;
    if (size < 28 || memcmp(d, "DPMORPH3", 8))
        return dp_fail(err, DEPECHE_ERR_DATA, path, 0, 0, "not a depeche lexicon image");
    uint32_t n_slots = dp_read_u32(d + 8), n_feats = dp_read_u32(d + 16), entries = dp_read_u32(d + 20);
    uint32_t strings = dp_read_u32(d + 24);
    size_t at = 28;
    if (!n_slots || (n_slots & (n_slots - 1)) || !n_feats || (size - at) / 4 < n_slots ||
        (size - at) / 4 - n_slots < n_feats)
        return dp_fail(err, DEPECHE_ERR_DATA, path, 0, 0, "a lexicon image with a bad header");
    m->image = d;
    m->image_size = size;
    m->n_slots = n_slots;
    m->n_feats = n_feats;
    m->slots = d + at;
    at += 4 * (size_t)n_slots;
    m->feat_offsets = d + at;
    at += 4 * (size_t)n_feats;
    if (size - at < entries)
        return dp_fail(err, DEPECHE_ERR_DATA, path, 0, 0, "a truncated lexicon image");
    m->entries = d + at;
    m->entries_size = entries;
    at += entries;
    if (size - at < strings || !strings)
        return dp_fail(err, DEPECHE_ERR_DATA, path, 0, 0, "a truncated lexicon image");
    m->strings = d + at;
    m->strings_size = strings;
    for (uint32_t i = 0; i < n_feats; i++)
        if (dp_read_u32(m->feat_offsets + 4 * i) >= m->strings_size)
            return dp_fail(err, DEPECHE_ERR_DATA, path, 0, 0, "a lexicon image with a bad feature");
    return 0;
}

void dp_morpho_release(dp_morpho *m)
{
    dp_lexicon_release(&m->user_forms);
    free(m->user);
    dp_strbuf_release(&m->user_strings);
    dp_lexicon_release(&m->contraction_forms);
    free(m->contractions);
    memset(m, 0, sizeof *m);
}

/* The image's entry for form, or NULL. Entries are checked against the image's end as they are
 * read, so a damaged image gives wrong readings, never a read outside it. */
static const unsigned char *image_entry(const dp_morpho *m, const char *form, size_t len,
                                        uint64_t hash)
{
    if (!m->image || !len || len > DP_MORPHO_MAX_WORD)
        return NULL;
    uint32_t mask = m->n_slots - 1;
    for (uint32_t i = (uint32_t)hash & mask, probes = 0; probes < m->n_slots;
         i = (i + 1) & mask, probes++) {
        uint32_t off = dp_read_u32(m->slots + 4 * (size_t)i);
        if (!off)
            return NULL;
        off--;
        if (off >= m->entries_size || m->entries_size - off < 2u + m->entries[off])
            return NULL;
        const unsigned char *e = m->entries + off;
        if (e[0] == len && !memcmp(e + 1, form, len))
            return e;
    }
    return NULL;
}

/* The lexicon's entry for a lowercase form the lexicon lacks in the spelling of 1990, which
 * drops the circumflex on i and u ("connait", "trainé", "cout"): the entry of the traditional
 * spelling with one circumflex put back ("connaît", "traîné", "coût"), copied to spelled (room
 * for len + 1 bytes), whose length goes to *spelled_len. NULL when there is none. */
static const unsigned char *entry_respelled(const dp_morpho *m, const char *form, size_t len, char *spelled,
                                            size_t *spelled_len)
{
    if (!len || len + 1 > DP_MORPHO_MAX_WORD || (unsigned char)form[0] < 'a' || (unsigned char)form[0] > 'z')
        return NULL;
    for (size_t i = 1; i < len; i++) {
        if (form[i] != 'i' && form[i] != 'u')
            continue;
        memcpy(spelled, form, i);
        spelled[i] = (char)0xC3;
        spelled[i + 1] = (char)(form[i] == 'i' ? 0xAE : 0xBB); /* î, û */
        memcpy(spelled + i + 2, form + i + 1, len - i - 1);
        const unsigned char *e = image_entry(m, spelled, len + 1, dp_hash_bytes(spelled, len + 1));
        if (e) {
            *spelled_len = len + 1;
            return e;
        }
    }
    return NULL;
}

size_t dp_morpho_readings(const dp_morpho *m, const char *form, size_t len, dp_reading *out,
                          size_t cap)
{
    size_t n = 0;
    uint32_t first;
    if (dp_lexicon_get(&m->user_forms, form, len, &first)) {
        for (uint32_t r = first; r && n < cap; r = m->user[r - 1].next, n++) {
            const dp_user_reading *u = &m->user[r - 1];
            out[n].upos = u->upos;
            out[n].feats = m->user_strings.data + u->feats;
            snprintf(out[n].lemma, sizeof out[n].lemma, "%s", m->user_strings.data + u->lemma);
        }
        return n;
    }
    const unsigned char *e = image_entry(m, form, len, dp_hash_bytes(form, len));
    char spelled[DP_MORPHO_MAX_WORD + 1];
    if (!e && (e = entry_respelled(m, form, len, spelled, &len)) != NULL)
        form = spelled;
    if (!e)
        return 0;
    const unsigned char *end = m->entries + m->entries_size, *p = e + 1 + e[0];
    unsigned count = *p++;
    for (unsigned k = 0; k < count && n < cap; k++) {
        if (end - p < 4 || end - p - 4 < p[3] || p[2] > len || p[0] >= DP_UPOS_COUNT)
            break;
        dp_reading *r = &out[n++];
        r->upos = p[0];
        uint32_t fo = p[1] < m->n_feats ? dp_read_u32(m->feat_offsets + 4 * (size_t)p[1]) : 0;
        r->feats = (const char *)m->strings + fo;
        size_t keep = len - p[2], add = p[3];
        if (keep + add > DP_MORPHO_MAX_WORD)
            keep = add = 0;
        memcpy(r->lemma, form, keep);
        memcpy(r->lemma + keep, p + 4, add);
        r->lemma[keep + add] = '\0';
        p += 4 + add;
    }
    return n;
}

void dp_morpho_prefetch(const dp_morpho *m, uint64_t hash)
{
    if (m->image)
        __builtin_prefetch(m->slots + 4 * (size_t)((uint32_t)hash & (m->n_slots - 1)));
}

uint32_t dp_morpho_tags(const dp_morpho *m, const char *form, size_t len, uint64_t hash)
{
    uint32_t tags = 0, first, index;
    if (dp_lexicon_get(&m->contraction_forms, form, len, &index))
        tags |= 1u << m->contractions[index].tag;
    if (dp_lexicon_get(&m->user_forms, form, len, &first)) {
        for (uint32_t r = first; r; r = m->user[r - 1].next)
            tags |= 1u << m->user[r - 1].upos;
        return tags;
    }
    const unsigned char *e = image_entry(m, form, len, hash);
    char spelled[DP_MORPHO_MAX_WORD + 1];
    if (!e)
        e = entry_respelled(m, form, len, spelled, &len);
    if (!e)
        return tags;
    const unsigned char *end = m->entries + m->entries_size, *p = e + 1 + e[0];
    unsigned count = *p++;
    for (unsigned k = 0; k < count && end - p >= 4 && end - p - 4 >= p[3]; k++) {
        if (p[0] < DP_UPOS_COUNT)
            tags |= 1u << p[0];
        p += 4 + p[3];
    }
    return tags;
}

int dp_morpho_common_word(const dp_morpho *m, const char *form, size_t len)
{
    uint32_t tags = dp_morpho_tags(m, form, len, dp_hash_bytes(form, len));
    return tags && !(tags & (1u << DP_PROPN));
}

const dp_contraction *dp_morpho_contraction(const dp_morpho *m, const char *form, size_t len)
{
    uint32_t index;
    return dp_lexicon_get(&m->contraction_forms, form, len, &index) ? &m->contractions[index]
                                                                     : NULL;
}

static int push_string(dp_strbuf *b, const char *s, size_t n, uint32_t *offset)
{
    *offset = (uint32_t)b->len;
    return dp_strbuf_append(b, s, n) || dp_strbuf_putc(b, '\0') ? -1 : 0;
}

/* "form FORM UPOS LEMMA [FEATS]" */
static int load_form(dp_morpho *m, const char *args, size_t len, const char *path,
                     unsigned long line, depeche_error *err)
{
    const char *f[4];
    size_t n[4] = {0, 0, 0, 0}, k = 0;
    while (k < 4 && dp_next_field(&args, &len, &f[k], &n[k]))
        k++;
    if (k < 3 || len)
        return dp_fail(err, DEPECHE_ERR_DATA, path, line, 0,
                       "expected: form FORM UPOS LEMMA [FEATS]");
    int upos = dp_tag_from_name(f[1], n[1]);
    if (upos < 0 || upos >= DP_UPOS_COUNT)
        return dp_fail(err, DEPECHE_ERR_DATA, path, line, 0,
                       "'%.*s' is not a Universal Dependencies part of speech (ADJ, ADP, ADV, "
                       "AUX, CCONJ, DET, INTJ, NOUN, NUM, PART, PRON, PROPN, PUNCT, SCONJ, SYM, "
                       "VERB, X)", (int)(n[1] > 20 ? 20 : n[1]), f[1]);
    if (n[0] > DP_MORPHO_MAX_WORD || n[2] > DP_MORPHO_MAX_WORD)
        return dp_fail(err, DEPECHE_ERR_DATA, path, line, 0,
                       "a form or lemma longer than %d bytes", DP_MORPHO_MAX_WORD);
    if (k == 4 && (memchr(f[3], '=', n[3]) == NULL))
        return dp_fail(err, DEPECHE_ERR_DATA, path, line, 0,
                       "features are Name=Value pairs joined by |, e.g. Gender=Fem|Number=Sing");
    dp_user_reading r = {(uint8_t)upos, 0, 0, 0};
    uint32_t first = 0;
    int seen = dp_lexicon_get(&m->user_forms, f[0], n[0], &first);
    if (push_string(&m->user_strings, k == 4 ? f[3] : "", k == 4 ? n[3] : 0, &r.feats) ||
        push_string(&m->user_strings, f[2], n[2], &r.lemma) ||
        DP_PUSH(m->user, m->n_user, m->user_cap, r))
        return dp_fail(err, DEPECHE_ERR_NOMEM, path, line, 0, "out of memory");
    uint32_t id = (uint32_t)m->n_user;
    if (seen) { /* readings stay in the order given: the first is the preferred one */
        uint32_t last = first;
        while (m->user[last - 1].next)
            last = m->user[last - 1].next;
        m->user[last - 1].next = id;
    } else if (dp_lexicon_put(&m->user_forms, f[0], n[0], id)) {
        return dp_fail(err, DEPECHE_ERR_NOMEM, path, line, 0, "out of memory");
    }
    return 1;
}

/* "contraction FORM WORD1 WORD2" */
static int load_contraction(dp_morpho *m, const char *args, size_t len, const char *path,
                            unsigned long line, depeche_error *err)
{
    const char *f[3];
    size_t n[3] = {0, 0, 0}, k = 0;
    while (k < 3 && dp_next_field(&args, &len, &f[k], &n[k]))
        k++;
    if (k < 3 || len)
        return dp_fail(err, DEPECHE_ERR_DATA, path, line, 0,
                       "expected: contraction FORM WORD1 WORD2 (du de le)");
    dp_contraction c = {{{0}}, DP_TAG_ADP_DET};
    for (int i = 1; i < 3; i++) {
        if (n[i] >= sizeof c.words[0])
            return dp_fail(err, DEPECHE_ERR_DATA, path, line, 0, "a word longer than %zu bytes",
                           sizeof c.words[0] - 1);
        memcpy(c.words[i - 1], f[i], n[i]);
    }
    /* "lequel" has no determiner reading: "auquel" is a preposition and a pronoun */
    if (!(dp_morpho_tags(m, f[2], n[2], dp_hash_bytes(f[2], n[2])) & 1u << DP_DET))
        c.tag = DP_TAG_ADP_PRON;
    uint32_t index;
    if (dp_lexicon_get(&m->contraction_forms, f[0], n[0], &index)) {
        m->contractions[index] = c;
        return 1;
    }
    if (DP_PUSH(m->contractions, m->n_contractions, m->contractions_cap, c) ||
        dp_lexicon_put(&m->contraction_forms, f[0], n[0], (uint32_t)m->n_contractions - 1))
        return dp_fail(err, DEPECHE_ERR_NOMEM, path, line, 0, "out of memory");
    return 1;
}

int dp_morpho_load(dp_morpho *m, const char *kind, size_t kind_len, const char *args,
                   size_t args_len, const char *path, unsigned long line, depeche_error *err)
{
    if (dp_word_is(kind, kind_len, "form"))
        return load_form(m, args, args_len, path, line, err);
    if (dp_word_is(kind, kind_len, "contraction"))
        return load_contraction(m, args, args_len, path, line, err);
    return 0;
}
