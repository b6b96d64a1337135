/* Open addressing with linear probing; keys live in one arena so a lexicon of thousands of
 * entries is three allocations. */
#include <stdlib.h>
#include <string.h>

#include "internal.h"
#include "lexicon.h"


/* Eight bytes at a time: keys are short words, and this runs for nearly every token of every
 * article. */
uint64_t dp_hash_bytes(const char *s, size_t n)
{
    uint64_t h = 0x9E3779B97F4A7C15ULL ^ (uint64_t)n;
    while (n >= 8) {
        uint64_t v;
        memcpy(&v, s, 8);
        h = dp_hash_mix(h ^ v);
        s += 8;
        n -= 8;
    }
    uint64_t v = 0;
    memcpy(&v, s, n);
    return dp_hash_mix(h ^ v) | 1; /* never 0, so a zeroed slot cannot look used */
}

static dp_lexicon_slot *find_slot(dp_lexicon_slot *slots, size_t n_slots, const char *keys,
                                  uint64_t h, const char *key, size_t len)
{
    size_t mask = n_slots - 1;
    for (size_t i = (size_t)h & mask;; i = (i + 1) & mask) {
        dp_lexicon_slot *s = &slots[i];
        if (!s->key_len)
            return s;
        if (s->hash == h && s->key_len == len && !memcmp(keys + s->key_offset, key, len))
            return s;
    }
}

static int grow(dp_lexicon *lx)
{
    size_t n = lx->n_slots ? lx->n_slots * 2 : 64;
    dp_lexicon_slot *slots = dp_calloc(n, sizeof *slots);
    if (!slots)
        return -1;
    for (size_t i = 0; i < lx->n_slots; i++) {
        dp_lexicon_slot *old = &lx->slots[i];
        if (old->key_len)
            *find_slot(slots, n, lx->keys, old->hash, lx->keys + old->key_offset,
                       old->key_len) = *old;
    }
    free(lx->slots);
    lx->slots = slots;
    lx->n_slots = n;
    return 0;
}

/* Copies a borrowed lexicon's slots and keys into memory of its own. */
static int own(dp_lexicon *lx)
{
    dp_lexicon_slot *slots = dp_malloc(lx->n_slots * sizeof *slots);
    char *keys = dp_malloc(lx->keys_len ? lx->keys_len : 1);
    if (!slots || !keys) {
        free(slots);
        free(keys);
        return -1;
    }
    memcpy(slots, lx->slots, lx->n_slots * sizeof *slots);
    memcpy(keys, lx->keys, lx->keys_len);
    lx->slots = slots;
    lx->keys = keys;
    lx->keys_cap = lx->keys_len ? lx->keys_len : 1;
    lx->borrowed = 0;
    return 0;
}

void dp_lexicon_borrow(dp_lexicon *lx, const dp_lexicon_slot *slots, size_t n_slots, size_t count,
                       const char *keys, size_t keys_len)
{
    memset(lx, 0, sizeof *lx);
    lx->slots = (dp_lexicon_slot *)slots; /* never written: own() copies first */
    lx->n_slots = n_slots;
    lx->count = count;
    lx->keys = (char *)keys;
    lx->keys_len = lx->keys_cap = keys_len;
    lx->borrowed = n_slots > 0;
}

/* The slot of key, inserted with value 0 when it is new; NULL when memory ran out or the key is
 * empty or too long. */
static dp_lexicon_slot *slot_for(dp_lexicon *lx, const char *key, size_t len)
{
    if (len == 0 || len > 65535)
        return NULL;
    if (lx->borrowed && own(lx))
        return NULL;
    if ((lx->count + 1) * 4 > lx->n_slots * 3 && grow(lx))
        return NULL;
    uint64_t h = dp_hash_bytes(key, len);
    dp_lexicon_slot *s = find_slot(lx->slots, lx->n_slots, lx->keys, h, key, len);
    if (s->key_len)
        return s;
    if (lx->keys_len + len > UINT32_MAX ||
        dp_reserve((void **)&lx->keys, &lx->keys_cap, lx->keys_len + len, 1))
        return NULL;
    memcpy(lx->keys + lx->keys_len, key, len);
    s->hash = h;
    s->key_offset = (uint32_t)lx->keys_len;
    s->key_len = (uint32_t)len;
    s->value = 0;
    lx->keys_len += len;
    lx->count++;
    return s;
}

int dp_lexicon_put(dp_lexicon *lx, const char *key, size_t len, uint32_t value)
{
    dp_lexicon_slot *s = slot_for(lx, key, len);
    if (!s)
        return -1;
    s->value = value;
    return 0;
}

int dp_lexicon_or(dp_lexicon *lx, const char *key, size_t len, uint32_t bits)
{
    dp_lexicon_slot *s = slot_for(lx, key, len);
    if (!s)
        return -1;
    s->value |= bits;
    return 0;
}

int dp_lexicon_get(const dp_lexicon *lx, const char *key, size_t len, uint32_t *value)
{
    if (!lx->count || len == 0)
        return 0;
    const dp_lexicon_slot *s =
        find_slot(lx->slots, lx->n_slots, lx->keys, dp_hash_bytes(key, len), key, len);
    if (!s->key_len)
        return 0;
    *value = s->value;
    return 1;
}

void dp_lexicon_release(dp_lexicon *lx)
{
    if (!lx->borrowed) {
        free(lx->slots);
        free(lx->keys);
    }
    memset(lx, 0, sizeof *lx);
}

int dp_lexicon_set_byte(dp_lexicon *lx, const char *key, size_t len, int slot, uint8_t byte)
{
    dp_lexicon_slot *s = slot_for(lx, key, len);
    if (!s)
        return -1;
    s->value = (s->value & ~(0xFFu << (8 * slot))) | ((uint32_t)byte << (8 * slot));
    return 0;
}
