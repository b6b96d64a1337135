/* The averaged perceptron behind the tagger and the parser: a linear model over hashed
 * features, trained by the perceptron rule with weight averaging (Collins 2002).
 *
 * At run time a model is read in place from a byte image (compiled into the library, or a
 * file a user loads): an open-addressed table of feature fingerprints, each pointing to a sparse
 * row of (class, 16-bit weight) pairs. Scoring is integer arithmetic; nothing is allocated.
 *
 * For training, dp_perceptron_trainer holds dense float rows with their running totals, and
 * writes the averaged, quantized and pruned image that the run-time model reads. */
#ifndef DEPECHE_PERCEPTRON_H
#define DEPECHE_PERCEPTRON_H

#include <stddef.h>
#include <stdint.h>

#include "internal.h"
#include "lexicon.h"

/* A feature: a 64-bit hash of its template and values. */
static inline uint64_t dp_feature_hash(uint32_t template_id, uint64_t a, uint64_t b, uint64_t c)
{
    uint64_t h = dp_hash_mix(0x9E3779B97F4A7C15ULL * (template_id + 1) ^ a);
    h = dp_hash_mix(h ^ (b * 0xD6E8FEB86659FD93ULL));
    return dp_hash_mix(h ^ (c * 0xA0761D6478BD642FULL));
}

#define DP_PERCEPTRON_MAX_CLASSES 64

typedef struct dp_perceptron {
    uint32_t n_classes, n_slots;
    /* n_slots pairs (fingerprint, offset of the feature's row in blob); fingerprint 0 marks an
     * empty slot. Side by side, so that finding a feature costs one cache line. */
    const uint32_t *slots;
    const unsigned char *blob;    /* rows: u8 count, then count x (u8 class, i16 weight LE) */
    uint32_t blob_size;
} dp_perceptron;

/* Reads a model image at data[*pos..size) (4-byte aligned), advancing *pos past it. The model
 * points into data, which must outlive it. With `check`, every row is checked (a pass over the
 * whole image: for images from outside); the header always is. Returns 0, or -1 when the image
 * is malformed. */
int dp_perceptron_open(dp_perceptron *p, const unsigned char *data, size_t size, size_t *pos,
                       int check);

/* Adds each feature's weights to scores[0..n_classes) (the caller zeroes them). At most
 * DP_PERCEPTRON_MAX_FEATURES features. */
#define DP_PERCEPTRON_MAX_FEATURES 128
void dp_perceptron_score(const dp_perceptron *p, const uint64_t *features, size_t n,
                         int32_t *scores);

/* ---- Training ---- */

typedef struct dp_perceptron_trainer {
    uint32_t n_classes;
    uint64_t *keys;   /* open addressing over features; 0 = empty */
    uint32_t *row_of; /* slot -> row */
    size_t n_slots, n_rows, rows_cap;
    float *weights;   /* n_rows x n_classes */
    double *totals;   /* sums of weights over time, for the average */
    uint32_t *stamps; /* the step each weight last changed */
    uint32_t step;
} dp_perceptron_trainer;

/* Returns 0 or -1 when memory ran out. Release with dp_perceptron_trainer_release. */
int dp_perceptron_trainer_init(dp_perceptron_trainer *t, uint32_t n_classes);
void dp_perceptron_trainer_release(dp_perceptron_trainer *t);

/* Scores with the current (not averaged) weights. */
void dp_perceptron_trainer_score(const dp_perceptron_trainer *t, const uint64_t *features,
                                 size_t n, float *scores);

/* One example seen: when guess != truth, moves the truth's weights up and the guess's down.
 * Advances the clock either way. Returns 0 or -1 when memory ran out. */
int dp_perceptron_trainer_update(dp_perceptron_trainer *t, const uint64_t *features, size_t n,
                                 uint32_t truth, uint32_t guess);

/* Appends the averaged model's image to out: weights quantized to 16 bits (the largest is
 * 32767), those below `prune` in magnitude dropped, and features left without weights.
 * Returns 0 or -1 when memory ran out. */
int dp_perceptron_trainer_write(const dp_perceptron_trainer *t, long prune, dp_strbuf *out);

#endif
