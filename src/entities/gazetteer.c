/* Gazetteer loading and the token trie. */
#include <stdlib.h>
#include <string.h>

#include "gazetteer.h"
#include "normalize.h"

static const char *const type_names[DP_ENTITY_TYPES] = {
    "PERSON", "ORG", "ROLE", "PLACE", "DATE", "MONEY", "GIVEN", "OTHER"};

const char *dp_entity_type_name(enum dp_entity_type type)
{
    return (unsigned)type < DP_ENTITY_TYPES ? type_names[type] : "?";
}

enum dp_entity_type dp_entity_type_from(const char *s, size_t n)
{
    for (int t = 0; t < DP_ENTITY_TYPES; t++)
        if (dp_word_is(s, n, type_names[t]))
            return (enum dp_entity_type)t;
    return DP_ENTITY_TYPES;
}

int dp_token_key_is(const dp_token_keys *k, size_t i, const char *word)
{
    size_t n = strlen(word);
    return k->len[i] == n && !memcmp(k->key[i], word, n);
}

void dp_token_keys_fill(dp_token_keys *k, const char *text, const dp_token *toks, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        char *out = k->buf + i * DP_KEY_MAX;
        size_t len = dp_fold_key(text + toks[i].start, toks[i].end - toks[i].start, out, DP_KEY_MAX);
        k->key[i] = out;
        k->len[i] = len == (size_t)-1 ? 0 : (uint8_t)len;
    }
}

/* The trie edge key: the parent node's number, then the folded token. */
static size_t edge_key(char *out, uint32_t node, const char *key, size_t len)
{
    memcpy(out, &node, sizeof node);
    memcpy(out + sizeof node, key, len);
    return sizeof node + len;
}

static char *dup_field(const char *s, size_t n)
{
    char *d = dp_malloc(n + 1);
    if (d) {
        memcpy(d, s, n);
        d[n] = '\0';
    }
    return d;
}

#define NO_STRING 0xFFFFFFFFu

/* Frees the strings of an entry a data file gave. */
static void free_entry(dp_gaz_entry *e)
{
    free((char *)e->name);
    free((char *)e->wikidata);
    free((char *)e->title);
}

/* A string of the image at `offset`, or NULL (NO_STRING, or out of the image's strings). */
static const char *image_string(const dp_gazetteer *g, uint32_t offset)
{
    return offset < g->image_strings_size ? g->image_strings + offset : NULL;
}

dp_gaz_entry dp_gazetteer_entry(const dp_gazetteer *g, size_t i)
{
    if (i >= g->n_borrowed)
        return g->entries[i - g->n_borrowed];
    const unsigned char *e = g->image_entries + 16 * i;
    const char *name = image_string(g, dp_read_u32(e));
    uint32_t bits = dp_read_u32(e + 12);
    return (dp_gaz_entry){name ? name : "", image_string(g, dp_read_u32(e + 4)),
                          image_string(g, dp_read_u32(e + 8)), (uint8_t)bits, (uint8_t)(bits >> 8)};
}

/* The terminal of trie node `node` + 1, or 0. */
static uint32_t terminal_at(const dp_gazetteer *g, uint32_t node)
{
    uint32_t term = g->terminal_of ? (node < g->terminal_of_cap ? g->terminal_of[node] : 0)
                    : g->image_terminal_of && node <= g->n_nodes ? dp_read_u32(g->image_terminal_of + 4 * (size_t)node)
                                                                   : 0;
    return term <= g->n_terminals ? term : 0;
}

/* Terminal k (0 <= k < n_terminals); an entry out of range (a damaged image) is the first. */
static dp_gaz_terminal terminal(const dp_gazetteer *g, size_t k)
{
    dp_gaz_terminal t;
    if (g->terminals) {
        t = g->terminals[k];
    } else {
        const unsigned char *p = g->image_terminals + 16 * k;
        t = (dp_gaz_terminal){dp_read_u32(p), dp_read_u32(p + 4), dp_read_u32(p + 8), (uint8_t)dp_read_u32(p + 12)};
    }
    if (t.entry >= g->n_entries)
        t.entry = 0;
    return t;
}

/* Before a data file adds to a trie read from an image: the image's terminals, copied into
 * memory g owns. 0, or -1 when memory ran out. */
static int own_trie(dp_gazetteer *g)
{
    if (g->terminal_of || !g->image_terminal_of)
        return 0;
    size_t n_of = (size_t)g->n_nodes + 1, n_t = g->n_terminals ? g->n_terminals : 1;
    uint32_t *of = dp_malloc(n_of * sizeof *of);
    dp_gaz_terminal *ts = dp_malloc(n_t * sizeof *ts);
    if (!of || !ts) {
        free(of);
        free(ts);
        return -1;
    }
    for (size_t i = 0; i < n_of; i++)
        of[i] = terminal_at(g, (uint32_t)i);
    for (size_t k = 0; k < g->n_terminals; k++)
        ts[k] = terminal(g, k);
    g->terminal_of = of;
    g->terminal_of_cap = n_of;
    g->terminals = ts;
    g->terminals_cap = n_t;
    return 0;
}

/* Adds one alias of entry `entry` to the trie. */
static int add_alias(dp_gazetteer *g, const dp_token_rules *tokens, const char *alias, size_t len,
                     uint32_t entry, int case_insensitive, int lowercase_article)
{
    char *copy = dup_field(alias, len);
    if (!copy)
        return DEPECHE_ERR_NOMEM;
    dp_text text = {0};
    int rc = dp_normalize(&text, copy, len);
    free(copy);
    if (rc)
        return rc;
    /* a name is one "sentence" even if it holds a period ("Amazon.com") */
    dp_token toks[33], sentence[DP_MAX_SENTENCE_TOKENS];
    dp_tokenizer tz;
    dp_tokenizer_start(&tz, tokens, text.norm, (dp_span){0, (uint32_t)text.norm_len}, 0);
    size_t n = 0, got;
    while ((got = dp_tokenizer_next_sentence(&tz, sentence)) > 0)
        for (size_t i = 0; i < got; i++)
            if (n < DP_ARRAY_LEN(toks))
                toks[n++] = sentence[i];
    uint32_t node = 0, capitals = 0, allcaps = 0;
    for (size_t i = 0; i < n && i < 32 && !rc; i++) {
        char key[DP_KEY_MAX], ek[DP_KEY_MAX + 8];
        size_t k = dp_fold_key(text.norm + toks[i].start, toks[i].end - toks[i].start, key, sizeof key);
        if (k == (size_t)-1) {
            rc = DEPECHE_ERR_DATA;
            break;
        }
        /* a name's leading article is written lowercase inside a sentence: "la République
         * en marche", "chez les Républicains"; the words after it keep their capitals */
        int article = lowercase_article && i == 0 && n > 1 && (toks[1].flags & (DP_TF_CAPITALIZED | DP_TF_ALLCAPS)) &&
                      (dp_word_is(key, k, "le") || dp_word_is(key, k, "la") ||
                       dp_word_is(key, k, "les") || dp_word_is(key, k, "l'"));
        if ((toks[i].flags & (DP_TF_CAPITALIZED | DP_TF_ALLCAPS)) && !article)
            capitals |= 1u << i;
        if (toks[i].flags & DP_TF_ALLCAPS)
            allcaps |= 1u << i;
        size_t ekl = edge_key(ek, node, key, k);
        uint32_t child;
        if (!dp_lexicon_get(&g->edges, ek, ekl, &child)) {
            child = ++g->n_nodes;
            if (dp_lexicon_put(&g->edges, ek, ekl, child))
                rc = DEPECHE_ERR_NOMEM;
        }
        node = child;
    }
    dp_text_release(&text);
    if (rc || node == 0 || n > 32)
        return rc ? rc : DEPECHE_ERR_DATA;
    if (own_trie(g))
        return DEPECHE_ERR_NOMEM;
    size_t old_cap = g->terminal_of_cap;
    if (dp_reserve((void **)&g->terminal_of, &g->terminal_of_cap, (size_t)g->n_nodes + 1,
                   sizeof *g->terminal_of))
        return DEPECHE_ERR_NOMEM;
    memset(g->terminal_of + old_cap, 0, (g->terminal_of_cap - old_cap) * sizeof *g->terminal_of);
    uint32_t same = g->terminal_of[node];
    if (same && g->terminals[same - 1].entry == entry) {
        /* "Caisse d'Épargne", alias "Caisse d'épargne": the name fits either way of writing it */
        dp_gaz_terminal *t = &g->terminals[same - 1];
        t->capitals &= capitals;
        t->allcaps &= allcaps;
        t->case_insensitive |= (uint8_t)case_insensitive;
        return 0;
    }
    dp_gaz_terminal t = {entry, capitals, allcaps, (uint8_t)case_insensitive};
    if (DP_PUSH(g->terminals, g->n_terminals, g->terminals_cap, t))
        return DEPECHE_ERR_NOMEM;
    g->terminal_of[node] = (uint32_t)g->n_terminals;
    return 0;
}

/* The kind a "kind=" attribute names (enum dp_gaz_kind), DP_GAZ_PLAIN when it names none. */
static uint8_t gaz_kind_from(const char *v, size_t n)
{
    static const char *const names[] = {[DP_GAZ_MEDIA] = "media", [DP_GAZ_SEAT] = "seat",
                                        [DP_GAZ_OFFICE] = "office", [DP_GAZ_TERRITORY] = "territory",
                                        [DP_GAZ_UNION] = "union", [DP_GAZ_SCHOOL] = "school"};
    for (uint8_t k = DP_GAZ_MEDIA; k < DP_ARRAY_LEN(names); k++)
        if (dp_word_is(v, n, names[k]))
            return k;
    return DP_GAZ_PLAIN;
}

int dp_gazetteer_load_line(dp_gazetteer *g, const dp_token_rules *tokens, const char *line,
                           size_t len, const char *path, unsigned long lineno, depeche_error *err)
{
    const char *field[5] = {0};
    size_t flen[5] = {0}, nf = 0;
    const char *p = line, *end = line + len;
    while (nf < 5) {
        const char *tab = memchr(p, '\t', (size_t)(end - p));
        const char *stop = tab ? tab : end;
        field[nf] = p;
        flen[nf++] = (size_t)(stop - p);
        if (!tab)
            break;
        p = tab + 1;
    }
    if (nf < 2 || !flen[0])
        return dp_fail(err, DEPECHE_ERR_DATA, path, lineno, 0,
                       "expected NAME<tab>TYPE[<tab>ALIASES[<tab>WIKIDATA[<tab>ATTRIBUTES]]]");
    int english = dp_word_is(field[1], flen[1], "ENGLISH");
    enum dp_entity_type type = english ? DP_GIVEN : dp_entity_type_from(field[1], flen[1]);
    if (type == DP_ENTITY_TYPES || type == DP_DATE || type == DP_MONEY)
        return dp_fail(err, DEPECHE_ERR_DATA, path, lineno, 0,
                       "unknown type '%.*s' (expected PERSON, ORG, ROLE, PLACE, GIVEN, OTHER or ENGLISH)",
                       (int)(flen[1] > 20 ? 20 : flen[1]), field[1]);
    if (type == DP_GIVEN) {
        char key[DP_KEY_MAX];
        size_t k = dp_fold_key(field[0], flen[0], key, sizeof key);
        if (k == (size_t)-1)
            return dp_fail(err, DEPECHE_ERR_DATA, path, lineno, 0, "word too long");
        if (dp_lexicon_or(&g->name_words, key, k, english ? DP_WORD_ENGLISH : DP_WORD_GIVEN))
            return dp_fail(err, DEPECHE_ERR_NOMEM, path, lineno, 0, "out of memory");
        return 0;
    }
    if (nf > 3 && flen[3] && (field[3][0] != 'Q' || flen[3] < 2 ||
                              strspn(field[3] + 1, "0123456789") < flen[3] - 1))
        return dp_fail(err, DEPECHE_ERR_DATA, path, lineno, 0,
                       "'%.*s' is not a Wikidata identifier (Q followed by digits)",
                       (int)(flen[3] > 20 ? 20 : flen[3]), field[3]);
    int case_insensitive = type == DP_ROLE;
    uint8_t kind;
    dp_gaz_entry e = {dup_field(field[0], flen[0]), NULL, NULL, (uint8_t)type, 0};
    if (nf > 3 && flen[3])
        e.wikidata = dup_field(field[3], flen[3]);
    for (const char *a = nf > 4 ? field[4] : NULL, *aend = a ? a + flen[4] : NULL; a && a < aend;) {
        const char *semi = memchr(a, ';', (size_t)(aend - a));
        const char *stop = semi ? semi : aend;
        const char *eq = memchr(a, '=', (size_t)(stop - a));
        if (!eq) {
            free_entry(&e);
            return dp_fail(err, DEPECHE_ERR_DATA, path, lineno, 0,
                           "attribute '%.*s' is not key=value", (int)(stop - a), a);
        }
        size_t kl = (size_t)(eq - a), vl = (size_t)(stop - eq - 1);
        if (dp_word_is(a, kl, "title")) {
            free((char *)e.title);
            e.title = dup_field(eq + 1, vl);
        } else if (dp_word_is(a, kl, "kind") && (kind = gaz_kind_from(eq + 1, vl)) != DP_GAZ_PLAIN) {
            e.kind = kind;
        } else if (dp_word_is(a, kl, "case") && dp_word_is(eq + 1, vl, "insensitive")) {
            case_insensitive = 1;
        } else if (!(dp_word_is(a, kl, "case") && dp_word_is(eq + 1, vl, "sensitive"))) {
            free_entry(&e);
            return dp_fail(err, DEPECHE_ERR_DATA, path, lineno, 0,
                           "unknown attribute '%.*s' (known: title=..., case=insensitive|sensitive, kind=media|seat|office|territory|union)",
                           (int)(stop - a), a);
        }
        a = semi ? semi + 1 : aend;
    }
    size_t owned = g->n_entries - g->n_borrowed;
    if (!e.name || DP_PUSH(g->entries, owned, g->entries_cap, e)) {
        free_entry(&e);
        return dp_fail(err, DEPECHE_ERR_NOMEM, path, lineno, 0, "out of memory");
    }
    g->n_entries = g->n_borrowed + owned;
    uint32_t index = (uint32_t)g->n_entries - 1;
    /* the derived lists hold names like "La Place" and "La Première" (a brand, a radio) that
     * are everyday phrases when their article is lowercase: only the written lists' names
     * of organisations (and of nothing: "la Libération") open with a lowercase article */
    const char *base = strrchr(path ? path : "", '/');
    int lowercase_article = (type == DP_ORG || type == DP_OTHER) && strncmp(base ? base + 1 : path ? path : "", "derived-", 8);
    int rc = add_alias(g, tokens, field[0], flen[0], index, case_insensitive, lowercase_article);
    for (const char *a = nf > 2 ? field[2] : NULL, *aend = a ? a + flen[2] : NULL; !rc && a && a < aend;) {
        const char *bar = memchr(a, '|', (size_t)(aend - a));
        const char *stop = bar ? bar : aend;
        if (stop > a)
            rc = add_alias(g, tokens, a, (size_t)(stop - a), index, case_insensitive, lowercase_article);
        a = bar ? bar + 1 : aend;
    }
    if (rc == DEPECHE_ERR_NOMEM)
        return dp_fail(err, rc, path, lineno, 0, "out of memory");
    if (rc)
        return dp_fail(err, DEPECHE_ERR_DATA, path, lineno, 0,
                       "a name or alias is empty, longer than 32 words, or has a word over %d bytes",
                       DP_KEY_MAX);
    return 0;
}

void dp_gazetteer_release(dp_gazetteer *g)
{
    for (size_t k = 0; k < g->n_entries - g->n_borrowed; k++)
        free_entry(&g->entries[k]);
    free(g->entries);
    dp_lexicon_release(&g->edges);
    free(g->terminal_of);
    free(g->terminals);
    dp_lexicon_release(&g->name_words);
    memset(g, 0, sizeof *g);
}

/* Whether tokens toks[i..i+n) are written as the alias of terminal t, from its word `skip`
 * on (the words before stand for no token of the text). */
static int case_fits(const dp_gaz_terminal *t, const dp_token *toks, size_t i, size_t n, size_t skip)
{
    if (t->case_insensitive)
        return 1;
    for (size_t k = 0; k < n && k + skip < 32; k++)
        if (((t->capitals >> (k + skip) & 1) && !(toks[i + k].flags & (DP_TF_CAPITALIZED | DP_TF_ALLCAPS))) ||
            ((t->allcaps >> (k + skip) & 1) && !(toks[i + k].flags & DP_TF_ALLCAPS)))
            return 0;
    return 1;
}

/* The longest alias that goes on from trie node `node` (after `skip` of its words) with tokens
 * i..: its token count, 0 if none. */
static size_t longest_from(const dp_gazetteer *g, uint32_t node, size_t skip, const dp_token *toks,
                           const dp_token_keys *keys, size_t n, size_t i, uint32_t *entry, int *any_case)
{
    size_t best = 0;
    for (size_t j = i; j < n && keys->len[j]; j++) {
        char ek[DP_KEY_MAX + 8];
        size_t ekl = edge_key(ek, node, keys->key[j], keys->len[j]);
        if (!dp_lexicon_get(&g->edges, ek, ekl, &node))
            break;
        uint32_t term = terminal_at(g, node);
        dp_gaz_terminal t;
        if (term && (t = terminal(g, term - 1), case_fits(&t, toks, i, j - i + 1, skip))) {
            best = j - i + 1;
            *entry = t.entry;
            *any_case = t.case_insensitive;
        }
    }
    return best;
}

size_t dp_gazetteer_longest(const dp_gazetteer *g, const dp_token *toks, const dp_token_keys *keys,
                            size_t n, size_t i, uint32_t *entry, int *any_case)
{
    return longest_from(g, 0, 0, toks, keys, n, i, entry, any_case);
}

size_t dp_gazetteer_longest_after(const dp_gazetteer *g, const char *lead, size_t lead_len,
                                  const dp_token *toks, const dp_token_keys *keys, size_t n,
                                  size_t i, uint32_t *entry, int *any_case)
{
    char ek[DP_KEY_MAX + 8], folded[DP_KEY_MAX];
    uint32_t node;
    size_t fl = dp_fold_key(lead, lead_len, folded, sizeof folded);
    if (fl == (size_t)-1 || !dp_lexicon_get(&g->edges, ek, edge_key(ek, 0, folded, fl), &node))
        return 0;
    return longest_from(g, node, 1, toks, keys, n, i, entry, any_case);
}

int dp_gazetteer_one_word(const dp_gazetteer *g, const char *word, size_t len, uint32_t *entry)
{
    char ek[DP_KEY_MAX + 8], folded[DP_KEY_MAX];
    uint32_t node;
    size_t fl = dp_fold_key(word, len, folded, sizeof folded);
    if (fl == (size_t)-1 || !dp_lexicon_get(&g->edges, ek, edge_key(ek, 0, folded, fl), &node))
        return 0;
    uint32_t term = terminal_at(g, node);
    if (!term)
        return 0;
    *entry = terminal(g, term - 1).entry;
    return 1;
}

int dp_gazetteer_is_given(const dp_gazetteer *g, const dp_token *tok, const dp_token_keys *keys,
                          size_t i)
{
    return (tok->flags & (DP_TF_CAPITALIZED | DP_TF_ALLCAPS)) &&
           dp_gazetteer_word_is(g, keys->key[i], keys->len[i], DP_WORD_GIVEN);
}

int dp_gazetteer_is_english(const dp_gazetteer *g, const dp_token_keys *keys, size_t i)
{
    return dp_gazetteer_word_is(g, keys->key[i], keys->len[i], DP_WORD_ENGLISH);
}

int dp_gazetteer_word_is(const dp_gazetteer *g, const char *key, size_t len, unsigned bits)
{
    uint32_t v;
    return len && dp_lexicon_get(&g->name_words, key, len, &v) && (v & bits);
}

/* ---- The image ------------------------------------------------------------------------- */

#define IMAGE_MAGIC "DPGAZ001"

enum { H_ENTRIES, H_NODES, H_TERMINALS, H_EDGE_SLOTS, H_EDGE_COUNT, H_EDGE_KEYS, H_GIVEN_SLOTS,
       H_GIVEN_COUNT, H_GIVEN_KEYS, H_STRINGS, H_FIELDS };

static int put_string(dp_strbuf *strings, dp_strbuf *out, const char *s)
{
    if (!s)
        return dp_strbuf_put_u32(out, NO_STRING);
    uint32_t at = (uint32_t)strings->len;
    return dp_strbuf_put_u32(out, at) || dp_strbuf_append(strings, s, strlen(s) + 1);
}

/* Pads to a multiple of 8 bytes, so that the slots that follow are aligned in the image. */
static int align8(dp_strbuf *out)
{
    while (out->len % 8)
        if (dp_strbuf_putc(out, 0))
            return DEPECHE_ERR_NOMEM;
    return 0;
}

int dp_gazetteer_write_image(const dp_gazetteer *g, dp_strbuf *out)
{
    dp_strbuf strings = {0};
    uint32_t header[H_FIELDS] = {(uint32_t)g->n_entries, g->n_nodes, (uint32_t)g->n_terminals,
                                 (uint32_t)g->edges.n_slots, (uint32_t)g->edges.count,
                                 (uint32_t)g->edges.keys_len, (uint32_t)g->name_words.n_slots,
                                 (uint32_t)g->name_words.count,
                                 (uint32_t)g->name_words.keys_len, 0};
    int fail = dp_strbuf_append(out, IMAGE_MAGIC, 8);
    size_t header_at = out->len;
    for (int i = 0; i < H_FIELDS; i++)
        fail |= dp_strbuf_put_u32(out, header[i]);
    for (size_t i = 0; i < g->n_entries && !fail; i++) {
        dp_gaz_entry e = dp_gazetteer_entry(g, i);
        fail |= put_string(&strings, out, e.name) || put_string(&strings, out, e.wikidata) ||
                put_string(&strings, out, e.title) ||
                dp_strbuf_put_u32(out, (uint32_t)e.type | (uint32_t)e.kind << 8);
    }
    for (uint32_t i = 0; i <= g->n_nodes && !fail; i++)
        fail |= dp_strbuf_put_u32(out, terminal_at(g, i));
    for (size_t i = 0; i < g->n_terminals && !fail; i++) {
        dp_gaz_terminal t = terminal(g, i);
        fail |= dp_strbuf_put_u32(out, t.entry) || dp_strbuf_put_u32(out, t.capitals) ||
                dp_strbuf_put_u32(out, t.allcaps) || dp_strbuf_put_u32(out, t.case_insensitive);
    }
    const dp_lexicon *lexicons[2] = {&g->edges, &g->name_words};
    for (int k = 0; k < 2 && !fail; k++)
        fail |= align8(out) ||
                dp_strbuf_append(out, (const char *)lexicons[k]->slots,
                                 lexicons[k]->n_slots * sizeof *lexicons[k]->slots) ||
                dp_strbuf_append(out, lexicons[k]->keys, lexicons[k]->keys_len);
    if (!fail) {
        unsigned char *h = (unsigned char *)out->data + header_at + 4 * H_STRINGS;
        uint32_t n = (uint32_t)strings.len;
        for (int b = 0; b < 4; b++)
            h[b] = (unsigned char)(n >> (8 * b));
        fail |= dp_strbuf_append(out, strings.data ? strings.data : "", strings.len);
    }
    dp_strbuf_release(&strings);
    return fail ? DEPECHE_ERR_NOMEM : 0;
}

/* Takes `len` bytes at *at (aligned to `align` first) if the image holds them. */
static const unsigned char *take(const unsigned char *base, size_t size, size_t *at, size_t len,
                                 size_t align)
{
    size_t start = (*at + align - 1) / align * align;
    if (start > size || len > size - start)
        return NULL;
    *at = start + len;
    return base + start;
}

int dp_gazetteer_open_image(dp_gazetteer *g, const void *image, size_t size, depeche_error *err)
{
    const unsigned char *base = image;
    size_t at = 0;
    const unsigned char *magic = take(base, size, &at, 8, 1);
    const unsigned char *hp = take(base, size, &at, 4 * H_FIELDS, 1);
    if (!magic || memcmp(magic, IMAGE_MAGIC, 8) || !hp)
        return dp_fail(err, DEPECHE_ERR_DATA, "gazetteer image", 0, 0, "not a gazetteer image");
    uint32_t h[H_FIELDS];
    for (int i = 0; i < H_FIELDS; i++)
        h[i] = dp_read_u32(hp + 4 * i);
    const unsigned char *entries = take(base, size, &at, (size_t)h[H_ENTRIES] * 16, 1);
    const unsigned char *terminal_of = take(base, size, &at, ((size_t)h[H_NODES] + 1) * 4, 1);
    const unsigned char *terminals = take(base, size, &at, (size_t)h[H_TERMINALS] * 16, 1);
    const unsigned char *edge_slots =
        take(base, size, &at, (size_t)h[H_EDGE_SLOTS] * sizeof(dp_lexicon_slot), 8);
    const unsigned char *edge_keys = take(base, size, &at, h[H_EDGE_KEYS], 1);
    const unsigned char *given_slots =
        take(base, size, &at, (size_t)h[H_GIVEN_SLOTS] * sizeof(dp_lexicon_slot), 8);
    const unsigned char *given_keys = take(base, size, &at, h[H_GIVEN_KEYS], 1);
    const unsigned char *strings = take(base, size, &at, h[H_STRINGS], 1);
    if (!entries || !terminal_of || !terminals || !edge_slots || !edge_keys || !given_slots ||
        !given_keys || !strings || (h[H_STRINGS] && strings[h[H_STRINGS] - 1]) ||
        (h[H_EDGE_SLOTS] & (h[H_EDGE_SLOTS] - 1)) || (h[H_GIVEN_SLOTS] & (h[H_GIVEN_SLOTS] - 1)))
        return dp_fail(err, DEPECHE_ERR_DATA, "gazetteer image", 0, 0, "truncated or malformed");
    memset(g, 0, sizeof *g);
    /* read in place: only the pages a look-up touches are ever read */
    g->image_entries = entries;
    g->image_terminal_of = terminal_of;
    g->image_terminals = terminals;
    g->image_strings = (const char *)strings;
    g->image_strings_size = h[H_STRINGS];
    g->n_entries = g->n_borrowed = h[H_ENTRIES];
    g->n_nodes = h[H_NODES];
    g->n_terminals = h[H_TERMINALS];
    dp_lexicon_borrow(&g->edges, (const dp_lexicon_slot *)(const void *)edge_slots, h[H_EDGE_SLOTS],
                      h[H_EDGE_COUNT], (const char *)edge_keys, h[H_EDGE_KEYS]);
    dp_lexicon_borrow(&g->name_words, (const dp_lexicon_slot *)(const void *)given_slots,
                      h[H_GIVEN_SLOTS], h[H_GIVEN_COUNT], (const char *)given_keys, h[H_GIVEN_KEYS]);
    return 0;
}
