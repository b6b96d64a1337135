/* A hash map from short byte strings to 32-bit values: the one lookup structure behind word
 * lists (abbreviations, month names, later gazetteers). Lookups cost one hash of the key,
 * whatever the number of entries. Keys are copied into the lexicon. */
#ifndef DEPECHE_LEXICON_H
#define DEPECHE_LEXICON_H

#include <stddef.h>
#include <stdint.h>

typedef struct dp_lexicon_slot {
    uint64_t hash;
    uint32_t key_offset, key_len; /* into the key arena; key_len 0 marks an empty slot */
    uint32_t value;
} dp_lexicon_slot;

typedef struct dp_lexicon {
    dp_lexicon_slot *slots;
    size_t n_slots, count; /* n_slots is a power of two */
    char *keys;
    size_t keys_len, keys_cap;
    int borrowed; /* slots and keys belong to an image: copied before the first change */
} dp_lexicon;

/* Sets key -> value, replacing an earlier value. Returns 0, or -1 when memory ran out or the
 * key is empty or longer than 65535 bytes. */
int dp_lexicon_put(dp_lexicon *lx, const char *key, size_t len, uint32_t value);
/* Sets key -> its value | bits (bits when new): sets of flags. Returns 0, or -1 as
 * dp_lexicon_put. */
int dp_lexicon_or(dp_lexicon *lx, const char *key, size_t len, uint32_t bits);
/* Returns 1 and sets *value when key is present, else 0. Safe on a zeroed lexicon. */
int dp_lexicon_get(const dp_lexicon *lx, const char *key, size_t len, uint32_t *value);
void dp_lexicon_release(dp_lexicon *lx);

/* Sets byte `slot` (0 to 3) of key's value to `byte`, keeping its other bytes: lists that give
 * a word one small value per case or per type. Returns 0, or -1 as dp_lexicon_put. */
int dp_lexicon_set_byte(dp_lexicon *lx, const char *key, size_t len, int slot, uint8_t byte);

/* A lexicon over slots and keys that live elsewhere (an image compiled into the library, as
 * the gazetteer image holds them): nothing is copied until a put changes it. The memory
 * must outlive the lexicon. */
void dp_lexicon_borrow(dp_lexicon *lx, const dp_lexicon_slot *slots, size_t n_slots, size_t count,
                       const char *keys, size_t keys_len);

/* MurmurHash3's finalizer: every input bit reaches every output bit. The hash behind the map,
 * and the perceptron's feature hashes. */
static inline uint64_t dp_hash_mix(uint64_t h)
{
    h ^= h >> 33;
    h *= 0xFF51AFD7ED558CCDULL;
    h ^= h >> 33;
    h *= 0xC4CEB9FE1A85EC53ULL;
    h ^= h >> 33;
    return h;
}

/* The hash behind the map, for callers that compare short strings by hash (never 0). */
uint64_t dp_hash_bytes(const char *s, size_t n);

#endif
