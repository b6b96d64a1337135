/* Averaged perceptron: the run-time model read in place, and its trainer. */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "perceptron.h"

/* A feature's home slot and its fingerprint: different bits of the hash, so that two features
 * sharing a slot chain almost never share a fingerprint too. */
static inline size_t home_slot(uint64_t h, size_t n_slots)
{
    return (size_t)(((h >> 32) * (uint64_t)n_slots) >> 32);
}
static inline uint32_t fingerprint(uint64_t h)
{
    return (uint32_t)h | 1u;
}

int dp_perceptron_open(dp_perceptron *p, const unsigned char *data, size_t size, size_t *pos,
                       int check)
{
    size_t at = *pos;
    if (at % 4 || size < at || size - at < 12)
        return -1;
    p->n_classes = dp_read_u32(data + at);
    p->n_slots = dp_read_u32(data + at + 4);
    p->blob_size = dp_read_u32(data + at + 8);
    at += 12;
    if (!p->n_classes || p->n_classes > DP_PERCEPTRON_MAX_CLASSES || !p->n_slots ||
        (size - at) / 8 < p->n_slots)
        return -1;
    p->slots = (const uint32_t *)(const void *)(data + at);
    at += (size_t)p->n_slots * 8;
    if (size - at < p->blob_size)
        return -1;
    p->blob = data + at;
    at += (p->blob_size + 3u) & ~3u;
    if (at > size)
        return -1;
    /* every row must lie inside the blob with classes in range, so scoring never checks; the
     * image compiled into the library was checked when it was made (tests/unit/test_syntax.c) */
    for (uint32_t i = 0; check && i < p->n_slots; i++) {
        if (!p->slots[2 * i])
            continue;
        uint32_t off = p->slots[2 * i + 1];
        if (off >= p->blob_size || p->blob_size - off - 1 < 3u * p->blob[off])
            return -1;
        for (uint32_t k = 0; k < p->blob[off]; k++)
            if (p->blob[off + 1 + 3 * k] >= p->n_classes)
                return -1;
    }
    *pos = at;
    return 0;
}

void dp_perceptron_score(const dp_perceptron *p, const uint64_t *features, size_t n,
                         int32_t *scores)
{
    /* the look-ups are independent: ask for every slot's cache line first, so that the misses
     * overlap instead of queuing (the tables are larger than the caches) */
    size_t home[DP_PERCEPTRON_MAX_FEATURES];
    const unsigned char *rows[DP_PERCEPTRON_MAX_FEATURES];
    if (n > DP_PERCEPTRON_MAX_FEATURES)
        n = DP_PERCEPTRON_MAX_FEATURES;
    for (size_t f = 0; f < n; f++) {
        home[f] = home_slot(features[f], p->n_slots);
        __builtin_prefetch(p->slots + 2 * home[f]);
    }
    size_t found = 0;
    for (size_t f = 0; f < n; f++) {
        uint32_t fp = fingerprint(features[f]);
        for (size_t i = home[f];; i = i + 1 == p->n_slots ? 0 : i + 1) {
            uint32_t s = p->slots[2 * i];
            if (!s)
                break;
            if (s != fp)
                continue;
            rows[found] = p->blob + p->slots[2 * i + 1];
            __builtin_prefetch(rows[found]);
            found++;
            break;
        }
    }
    for (size_t f = 0; f < found; f++) {
        const unsigned char *row = rows[f];
        for (unsigned k = 0; k < row[0]; k++) {
            const unsigned char *e = row + 1 + 3 * k;
            scores[e[0]] += (int16_t)(uint16_t)(e[1] | e[2] << 8);
        }
    }
}

/* ---- Training ---- */

int dp_perceptron_trainer_init(dp_perceptron_trainer *t, uint32_t n_classes)
{
    memset(t, 0, sizeof *t);
    t->n_classes = n_classes;
    t->n_slots = 1u << 16;
    t->keys = dp_calloc(t->n_slots, sizeof *t->keys);
    t->row_of = dp_calloc(t->n_slots, sizeof *t->row_of);
    return t->keys && t->row_of ? 0 : -1;
}

void dp_perceptron_trainer_release(dp_perceptron_trainer *t)
{
    free(t->keys);
    free(t->row_of);
    free(t->weights);
    free(t->totals);
    free(t->stamps);
    memset(t, 0, sizeof *t);
}

static size_t trainer_find(const dp_perceptron_trainer *t, uint64_t h)
{
    size_t mask = t->n_slots - 1;
    for (size_t i = (size_t)(h >> 20) & mask;; i = (i + 1) & mask)
        if (!t->keys[i] || t->keys[i] == h)
            return i;
}

static int trainer_grow(dp_perceptron_trainer *t)
{
    size_t n = t->n_slots * 2;
    uint64_t *keys = dp_calloc(n, sizeof *keys);
    uint32_t *row_of = dp_calloc(n, sizeof *row_of);
    if (!keys || !row_of) {
        free(keys);
        free(row_of);
        return -1;
    }
    for (size_t i = 0; i < t->n_slots; i++) {
        if (!t->keys[i])
            continue;
        size_t j = (size_t)(t->keys[i] >> 20) & (n - 1);
        while (keys[j])
            j = (j + 1) & (n - 1);
        keys[j] = t->keys[i];
        row_of[j] = t->row_of[i];
    }
    free(t->keys);
    free(t->row_of);
    t->keys = keys;
    t->row_of = row_of;
    t->n_slots = n;
    return 0;
}

/* The row of feature h, made on first use; -1 when memory ran out. */
static long trainer_row(dp_perceptron_trainer *t, uint64_t h)
{
    h |= 1; /* 0 marks an empty slot */
    size_t i = trainer_find(t, h);
    if (t->keys[i])
        return t->row_of[i];
    if ((t->n_rows + 1) * 2 > t->n_slots) {
        if (trainer_grow(t))
            return -1;
        i = trainer_find(t, h);
    }
    if (t->n_rows == t->rows_cap) {
        size_t cap = t->rows_cap ? t->rows_cap * 2 : 4096, c = t->n_classes;
        float *w = dp_realloc(t->weights, cap * c * sizeof *w);
        if (w)
            t->weights = w;
        double *tot = dp_realloc(t->totals, cap * c * sizeof *tot);
        if (tot)
            t->totals = tot;
        uint32_t *st = dp_realloc(t->stamps, cap * c * sizeof *st);
        if (st)
            t->stamps = st;
        if (!w || !tot || !st)
            return -1;
        t->rows_cap = cap;
    }
    size_t r = t->n_rows++, c = t->n_classes;
    memset(t->weights + r * c, 0, c * sizeof *t->weights);
    memset(t->totals + r * c, 0, c * sizeof *t->totals);
    memset(t->stamps + r * c, 0, c * sizeof *t->stamps);
    t->keys[i] = h;
    t->row_of[i] = (uint32_t)r;
    return (long)r;
}

void dp_perceptron_trainer_score(const dp_perceptron_trainer *t, const uint64_t *features,
                                 size_t n, float *scores)
{
    for (size_t f = 0; f < n; f++) {
        size_t i = trainer_find(t, features[f] | 1);
        if (!t->keys[i])
            continue;
        const float *w = t->weights + (size_t)t->row_of[i] * t->n_classes;
        for (uint32_t c = 0; c < t->n_classes; c++)
            scores[c] += w[c];
    }
}

static void trainer_change(dp_perceptron_trainer *t, size_t row, uint32_t cls, float delta)
{
    size_t k = row * t->n_classes + cls;
    t->totals[k] += (double)(t->step - t->stamps[k]) * t->weights[k];
    t->stamps[k] = t->step;
    t->weights[k] += delta;
}

int dp_perceptron_trainer_update(dp_perceptron_trainer *t, const uint64_t *features, size_t n,
                                 uint32_t truth, uint32_t guess)
{
    t->step++;
    if (truth == guess)
        return 0;
    for (size_t f = 0; f < n; f++) {
        long r = trainer_row(t, features[f]);
        if (r < 0)
            return -1;
        trainer_change(t, (size_t)r, truth, 1.0f);
        trainer_change(t, (size_t)r, guess, -1.0f);
    }
    return 0;
}

int dp_perceptron_trainer_write(const dp_perceptron_trainer *t, long prune, dp_strbuf *out)
{
    size_t c = t->n_classes, rows = t->n_rows;
    double steps = t->step ? (double)t->step : 1.0, top = 0;
    double *avg = dp_malloc((rows * c + 1) * sizeof *avg);
    if (!avg)
        return -1;
    for (size_t k = 0; k < rows * c; k++) {
        avg[k] = (t->totals[k] + (double)(t->step - t->stamps[k]) * t->weights[k]) / steps;
        if (fabs(avg[k]) > top)
            top = fabs(avg[k]);
    }
    double scale = top > 0 ? 32767.0 / top : 1.0;
    /* rows in slot order, so that the same training gives the same bytes */
    dp_strbuf blob = {0};
    size_t kept = 0;
    uint64_t *kept_keys = dp_malloc((rows + 1) * sizeof *kept_keys);
    uint32_t *kept_off = dp_malloc((rows + 1) * sizeof *kept_off);
    int rc = -1;
    if (!kept_keys || !kept_off)
        goto out;
    for (size_t i = 0; i < t->n_slots; i++) {
        if (!t->keys[i])
            continue;
        const double *a = avg + (size_t)t->row_of[i] * c;
        unsigned char row[1 + 3 * DP_PERCEPTRON_MAX_CLASSES];
        unsigned n = 0;
        for (size_t k = 0; k < c; k++) {
            long q = lround(a[k] * scale);
            if (!q || labs(q) < prune)
                continue;
            row[1 + 3 * n] = (unsigned char)k;
            row[2 + 3 * n] = (unsigned char)((unsigned long)q & 0xFF);
            row[3 + 3 * n] = (unsigned char)(((unsigned long)q >> 8) & 0xFF);
            n++;
        }
        if (!n)
            continue;
        row[0] = (unsigned char)n;
        kept_keys[kept] = t->keys[i];
        kept_off[kept++] = (uint32_t)blob.len;
        if (dp_strbuf_append(&blob, (const char *)row, 1 + 3 * n))
            goto out;
    }
    uint32_t n_slots = (uint32_t)(kept + kept / 3 + 1);
    uint32_t *fps = dp_calloc(n_slots, sizeof *fps), *offs = dp_calloc(n_slots, sizeof *offs);
    if (!fps || !offs) {
        free(fps);
        free(offs);
        goto out;
    }
    for (size_t k = 0; k < kept; k++) {
        size_t i = home_slot(kept_keys[k], n_slots);
        while (fps[i])
            i = i + 1 == n_slots ? 0 : i + 1;
        fps[i] = fingerprint(kept_keys[k]);
        offs[i] = kept_off[k];
    }
    rc = dp_strbuf_put_u32(out, (uint32_t)c) || dp_strbuf_put_u32(out, n_slots) || dp_strbuf_put_u32(out, (uint32_t)blob.len);
    for (size_t i = 0; i < n_slots && !rc; i++)
        rc = dp_strbuf_put_u32(out, fps[i]) || dp_strbuf_put_u32(out, offs[i]);
    if (!rc && blob.len)
        rc = dp_strbuf_append(out, blob.data, blob.len);
    while (!rc && out->len % 4)
        rc = dp_strbuf_putc(out, 0);
    free(fps);
    free(offs);
out:
    free(avg);
    free(kept_keys);
    free(kept_off);
    dp_strbuf_release(&blob);
    return rc;
}
