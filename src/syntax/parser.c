/* The arc-eager parser: its state, features, greedy decoding and dynamic-oracle training. */
#include <stdlib.h>
#include <string.h>

#include "parser.h"

enum { SHIFT, REDUCE, LEFT, RIGHT, N_TRANSITIONS };

#define NONE 0xFFFF

struct dp_parse_state {
    size_t max;
    uint16_t *stack;
    size_t depth;
    size_t next;            /* the first word of the buffer */
    size_t n;               /* real words; the buffer ends after word n */
    uint16_t *head;         /* NONE until attached */
    uint8_t *rel;
    uint16_t *lc1, *lc2, *rc1, *rc2; /* leftmost, second leftmost, rightmost... children */
    uint8_t *n_left, *n_right;
    uint64_t *left_rels, *right_rels; /* the relations of the children, as bits */
    unsigned char *in_stack;
    uint16_t last_finite;   /* the last finite verb of the sentence, 0 when none */
};

dp_parse_state *dp_parse_state_new(size_t max_words)
{
    dp_parse_state *s = dp_calloc(1, sizeof *s);
    if (!s)
        return NULL;
    size_t n = max_words + 2;
    s->max = max_words;
    s->stack = dp_malloc(n * sizeof *s->stack);
    s->head = dp_malloc(n * sizeof *s->head);
    s->rel = dp_malloc(n);
    s->lc1 = dp_malloc(4 * n * sizeof *s->lc1);
    s->n_left = dp_malloc(2 * n);
    s->left_rels = dp_malloc(2 * n * sizeof *s->left_rels);
    s->in_stack = dp_malloc(n);
    if (!s->stack || !s->head || !s->rel || !s->lc1 || !s->n_left || !s->left_rels ||
        !s->in_stack) {
        dp_parse_state_free(s);
        return NULL;
    }
    s->lc2 = s->lc1 + n;
    s->rc1 = s->lc2 + n;
    s->rc2 = s->rc1 + n;
    s->n_right = s->n_left + n;
    s->right_rels = s->left_rels + n;
    return s;
}

void dp_parse_state_free(dp_parse_state *s)
{
    if (!s)
        return;
    free(s->stack);
    free(s->head);
    free(s->rel);
    free(s->lc1);
    free(s->n_left);
    free(s->left_rels);
    free(s->in_stack);
    free(s);
}

static void state_start(dp_parse_state *s, const dp_parse_word *words, size_t n)
{
    size_t m = n + 1;
    s->n = n;
    s->depth = 1;
    s->stack[0] = 0;
    s->next = 1;
    for (size_t i = 0; i < m; i++) {
        s->head[i] = s->lc1[i] = s->lc2[i] = s->rc1[i] = s->rc2[i] = NONE;
        s->rel[i] = 0;
        s->n_left[i] = s->n_right[i] = 0;
        s->left_rels[i] = s->right_rels[i] = 0;
        s->in_stack[i] = 0;
    }
    s->in_stack[0] = 1;
    s->last_finite = 0;
    for (size_t i = n; i > 0 && !s->last_finite; i--)
        if (words[i].morph == DP_MORPH_FINITE)
            s->last_finite = (uint16_t)i;
}

uint8_t dp_morph_class(const char *feats)
{
    if (strstr(feats, "VerbForm=Fin"))
        return DP_MORPH_FINITE;
    if (strstr(feats, "VerbForm=Inf"))
        return DP_MORPH_INFINITIVE;
    if (strstr(feats, "VerbForm=Part"))
        return strstr(feats, "Tense=Pres") ? DP_MORPH_PARTICIPLE_PRESENT
                                           : DP_MORPH_PARTICIPLE_PAST;
    return DP_MORPH_NONE;
}

void dp_parse_word_root(dp_parse_word *w)
{
    w->form = w->lemma = 0x600D;
    w->upos = DP_UPOS_COUNT;
    w->morph = DP_MORPH_NONE;
}

static int valid(const dp_parse_state *s, int t)
{
    uint16_t top = s->stack[s->depth - 1];
    int buffer = s->next <= s->n;
    switch (t) {
    case SHIFT: return buffer;
    case REDUCE: return s->depth > 1 && s->head[top] != NONE;
    case LEFT: return buffer && top != 0 && s->head[top] == NONE;
    case RIGHT: return buffer && (top != 0 || s->n_right[0] == 0);
    }
    return 0;
}

static void attach(dp_parse_state *s, uint16_t head, uint16_t dep, uint8_t rel)
{
    s->head[dep] = head;
    s->rel[dep] = rel;
    uint64_t bit = 1ULL << (rel & 63);
    if (dep < head) {
        /* left children arrive from the nearest outward */
        s->lc2[head] = s->lc1[head];
        s->lc1[head] = dep;
        s->n_left[head]++;
        s->left_rels[head] |= bit;
    } else {
        s->rc2[head] = s->rc1[head];
        s->rc1[head] = dep;
        s->n_right[head]++;
        s->right_rels[head] |= bit;
    }
}

static void apply(dp_parse_state *s, int t, uint8_t rel)
{
    uint16_t top = s->stack[s->depth - 1], front = (uint16_t)s->next;
    switch (t) {
    case SHIFT:
        s->stack[s->depth++] = front;
        s->in_stack[front] = 1;
        s->next++;
        break;
    case REDUCE:
        s->in_stack[top] = 0;
        s->depth--;
        break;
    case LEFT:
        attach(s, front, top, rel);
        s->in_stack[top] = 0;
        s->depth--;
        break;
    case RIGHT:
        attach(s, top, front, rel);
        s->stack[s->depth++] = front;
        s->in_stack[front] = 1;
        s->next++;
        break;
    }
}

/* ---- Features ---- */

#define MAX_FEATURES DP_PERCEPTRON_MAX_FEATURES

typedef struct word_view {
    uint64_t w, l; /* form, lemma */
    uint64_t p;    /* tag + 1, 0 when there is no such word */
    uint64_t m;    /* tag and morph class */
} word_view;

static word_view view(const dp_parse_word *words, uint16_t i)
{
    word_view v = {0x0, 0x0, 0, 0};
    if (i == NONE)
        return v;
    v.w = words[i].form;
    v.l = words[i].lemma;
    v.p = (uint64_t)words[i].upos + 1;
    v.m = v.p * 8 + words[i].morph;
    return v;
}

static uint64_t rel_of(const dp_parse_state *s, uint16_t i)
{
    return i == NONE || s->head[i] == NONE ? 0 : (uint64_t)s->rel[i] + 1;
}

static size_t transition_features(const dp_parse_word *words, const dp_parse_state *s,
                                  uint64_t *f)
{
    uint16_t s0i = s->stack[s->depth - 1], s1i = s->depth > 1 ? s->stack[s->depth - 2] : NONE;
    uint16_t n0i = s->next <= s->n ? (uint16_t)s->next : NONE;
    uint16_t n1i = s->next + 1 <= s->n ? (uint16_t)(s->next + 1) : NONE;
    uint16_t n2i = s->next + 2 <= s->n ? (uint16_t)(s->next + 2) : NONE;
    uint16_t s0h = s->head[s0i], s0h2 = s0h != NONE ? s->head[s0h] : NONE;
    word_view s0 = view(words, s0i), s1 = view(words, s1i), n0 = view(words, n0i),
              n1 = view(words, n1i), n2 = view(words, n2i), h = view(words, s0h),
              h2 = view(words, s0h2), s0l = view(words, s->lc1[s0i]),
              s0r = view(words, s->rc1[s0i]), s0l2 = view(words, s->lc2[s0i]),
              s0r2 = view(words, s->rc2[s0i]);
    word_view n0l = n0i != NONE ? view(words, s->lc1[n0i]) : view(words, NONE);
    word_view n0l2 = n0i != NONE ? view(words, s->lc2[n0i]) : view(words, NONE);
    uint64_t dist = 0;
    if (n0i != NONE) {
        size_t d = (size_t)(n0i - s0i);
        dist = d < 5 ? d : d < 10 ? 5 : 6;
    }
    uint64_t s0vl = s->n_left[s0i], s0vr = s->n_right[s0i];
    uint64_t n0vl = n0i != NONE ? s->n_left[n0i] : 0;
    uint64_t s0ll = rel_of(s, s->lc1[s0i]), s0rl = rel_of(s, s->rc1[s0i]);
    uint64_t s0l2l = rel_of(s, s->lc2[s0i]), s0r2l = rel_of(s, s->rc2[s0i]);
    uint64_t n0ll = n0i != NONE ? rel_of(s, s->lc1[n0i]) : 0;
    uint64_t n0l2l = n0i != NONE ? rel_of(s, s->lc2[n0i]) : 0;
    uint64_t s0hl = rel_of(s, s0i), s0h2l = s0h != NONE ? rel_of(s, s0h) : 0;
    uint64_t s0sl = s->left_rels[s0i], s0sr = s->right_rels[s0i];
    uint64_t n0sl = n0i != NONE ? s->left_rels[n0i] : 0;
    /* the words on the stack still waiting for a head ("Le patron qui dirige le groupe
     * démissionne": "patron" waits under "dirige" and "groupe" for "démissionne") */
    uint16_t waiting = NONE;
    uint64_t n_waiting = 0;
    for (size_t i = s->depth; i-- > 1;) {
        uint16_t w = s->stack[i];
        if (s->head[w] == NONE && w != s0i) {
            n_waiting++;
            if (waiting == NONE)
                waiting = w;
        }
    }
    word_view hw = view(words, waiting);
    n_waiting = n_waiting < 3 ? n_waiting : 3;
    uint64_t s0_attached = s->head[s0i] != NONE;
    size_t k = 0;
    uint32_t id = 0;
#define F(a, b, c) (f[k++] = dp_feature_hash(id++, (a), (b), (c)))
    F(0, 0, 0);
    /* single words */
    F(s0.w, s0.p, 0); F(s0.w, 0, 0); F(s0.p, 0, 0); F(s0.m, 0, 0); F(s0.l, 0, 0);
    F(n0.w, n0.p, 0); F(n0.w, 0, 0); F(n0.p, 0, 0); F(n0.m, 0, 0); F(n0.l, 0, 0);
    F(n1.w, n1.p, 0); F(n1.w, 0, 0); F(n1.p, 0, 0);
    F(n2.w, n2.p, 0); F(n2.w, 0, 0); F(n2.p, 0, 0);
    F(s1.w, s1.p, 0); F(s1.p, 0, 0);
    /* pairs */
    F(s0.w * 31 + s0.p, n0.w * 31 + n0.p, 0); F(s0.w * 31 + s0.p, n0.w, 0);
    F(s0.w, n0.w * 31 + n0.p, 0); F(s0.w * 31 + s0.p, n0.p, 0); F(s0.p, n0.w * 31 + n0.p, 0);
    F(s0.w, n0.w, 0); F(s0.p, n0.p, 0); F(n0.p, n1.p, 0); F(s0.m, n0.m, 0);
    F(s0.l, n0.l, 0); F(s0.l, n0.p, 0); F(s0.p, n0.l, 0);
    /* triples */
    F(n0.p, n1.p, n2.p); F(s0.p, n0.p, n1.p); F(h.p, s0.p, n0.p); F(s0.p, s0l.p, n0.p);
    F(s0.p, s0r.p, n0.p); F(s0.p, n0.p, n0l.p); F(s1.p, s0.p, n0.p); F(s0.w, n0.p, n1.p);
    F(s0.p, n0.w, n1.p); F(s1.p, s0.p, 0);
    /* distance */
    F(s0.w, dist, 0); F(s0.p, dist, 0); F(n0.w, dist, 0); F(n0.p, dist, 0);
    F(s0.w, n0.w, dist); F(s0.p, n0.p, dist);
    /* valency */
    F(s0.w, s0vr, 0); F(s0.p, s0vr, 0); F(s0.w, s0vl, 0); F(s0.p, s0vl, 0); F(n0.w, n0vl, 0);
    F(n0.p, n0vl, 0);
    /* the words already attached */
    F(h.w, 0, 0); F(h.p, 0, 0); F(s0hl, 0, 0); F(s0l.w, 0, 0); F(s0l.p, 0, 0); F(s0ll, 0, 0);
    F(s0r.w, 0, 0); F(s0r.p, 0, 0); F(s0rl, 0, 0); F(n0l.w, 0, 0); F(n0l.p, 0, 0);
    F(n0ll, 0, 0);
    F(h2.w, 0, 0); F(h2.p, 0, 0); F(s0h2l, 0, 0); F(s0l2.w, 0, 0); F(s0l2.p, 0, 0);
    F(s0l2l, 0, 0); F(s0r2.w, 0, 0); F(s0r2.p, 0, 0); F(s0r2l, 0, 0); F(n0l2.w, 0, 0);
    F(n0l2.p, 0, 0); F(n0l2l, 0, 0);
    F(s0.p, s0l.p, s0l2.p); F(s0.p, s0r.p, s0r2.p); F(s0.p, h.p, h2.p); F(n0.p, n0l.p, n0l2.p);
    /* the relations already given */
    F(s0.w, s0sr, 0); F(s0.p, s0sr, 0); F(s0.w, s0sl, 0); F(s0.p, s0sl, 0); F(n0.w, n0sl, 0);
    F(n0.p, n0sl, 0);
    F(s0hl, s0.p, n0.p);
    F(hw.p, n0.m, 0); F(hw.p, s0.p, n0.m); F(hw.w, n0.w, 0); F(n_waiting, n0.m, s0_attached);
    F(hw.p, n0.m, s0_attached); F(hw.l, n0.l, 0);
#undef F
    return k;
}

/* The features that choose the relation of a new arc head -> dep. */
static size_t relation_features(const dp_parse_word *words, const dp_parse_state *s,
                                uint16_t head, uint16_t dep, uint64_t *f)
{
    word_view h = view(words, head), d = view(words, dep);
    word_view hh = view(words, s->head[head]);
    word_view dl = view(words, s->lc1[dep]), dr = view(words, s->rc1[dep]);
    word_view hl = view(words, s->lc1[head]);
    word_view after = view(words, dep + 1u <= s->n ? (uint16_t)(dep + 1) : NONE);
    word_view before = view(words, dep > 1 ? (uint16_t)(dep - 1) : NONE);
    uint64_t dir = dep < head, dist = dep < head ? head - dep : dep - head;
    dist = dist < 5 ? dist : dist < 10 ? 5 : 6;
    uint64_t hsets = s->left_rels[head] * 3 + s->right_rels[head];
    uint64_t dsets = s->left_rels[dep] * 3 + s->right_rels[dep];
    size_t k = 0;
    uint32_t id = 1000;
#define F(a, b, c) (f[k++] = dp_feature_hash(id++, (a), (b), (c)))
    F(dir, 0, 0);
    F(h.w, dir, 0); F(h.p, dir, 0); F(h.m, dir, 0); F(h.l, dir, 0);
    F(d.w, dir, 0); F(d.p, dir, 0); F(d.m, dir, 0); F(d.l, dir, 0);
    F(h.p, d.p, dir); F(h.m, d.m, dir); F(h.l, d.p, dir); F(h.p, d.l, dir); F(h.l, d.l, dir);
    F(h.p, d.p, dist * 2 + dir);
    F(hsets, d.p, dir); F(dsets, d.p, dir); F(hsets, h.p, dir);
    F(hh.p, h.p, d.p); F(rel_of(s, head), h.p, d.p);
    F(dl.w, d.p, dir); F(dl.p, d.p, dir); F(dl.w, h.l, dir); F(dr.p, d.p, dir);
    F(hl.w, h.p, dir); F(hl.p, d.p, dir);
    F(after.p, d.p, dir); F(before.p, d.p, dir); F(before.w, d.p, dir);
    F(s->n_left[dep], s->n_right[dep], d.p);
#undef F
    return k;
}

/* ---- Decoding ---- */

static void finish(const dp_parse_state *s, uint16_t *heads, uint8_t *rels)
{
    size_t n = s->n;
    uint16_t root = s->rc1[0];
    if (root == NONE) { /* the first word left without a head, else the first word */
        for (size_t i = 1; i <= n && root == NONE; i++)
            if (s->head[i] == NONE)
                root = (uint16_t)i;
        if (root == NONE)
            root = 1;
    }
    for (size_t i = 1; i <= n; i++) {
        if (i == root) {
            heads[i] = 0;
            rels[i] = DP_DEPREL_ROOT;
        } else if (s->head[i] == NONE || s->head[i] == 0) {
            heads[i] = root;
            rels[i] = s->head[i] == 0 ? s->rel[i] : 0;
        } else {
            heads[i] = s->head[i];
            rels[i] = s->rel[i];
        }
    }
}

static uint8_t best_relation(const int32_t *scores, uint32_t n)
{
    uint32_t best = 1;
    for (uint32_t c = 2; c < n; c++)
        if (scores[c] > scores[best])
            best = c;
    return (uint8_t)best;
}

/* A clause its subordinator opens ("après avoir présenté", "quand il arrive") is not the
 * sentence's main clause while a finite verb is still to come: the greedy parser would
 * otherwise give it the root before seeing the main verb. */
static int subordinate_before_main(const dp_parse_state *s, uint16_t front, uint8_t mark)
{
    return mark && (s->left_rels[front] >> (mark & 63) & 1) && s->last_finite > front;
}

void dp_parse(const dp_parser *p, const dp_parse_word *words, size_t n, dp_parse_state *s,
              uint16_t *heads, uint8_t *relations)
{
    uint64_t f[MAX_FEATURES];
    state_start(s, words, n);
    while (s->next <= s->n) {
        int32_t scores[N_TRANSITIONS] = {0};
        size_t k = transition_features(words, s, f);
        dp_perceptron_score(&p->transitions, f, k, scores);
        int best = -1;
        uint16_t top = s->stack[s->depth - 1], front = (uint16_t)s->next;
        int root_blocked = top == 0 && subordinate_before_main(s, front, p->mark_relation);
        for (int t = 0; t < N_TRANSITIONS; t++)
            if (valid(s, t) && !(t == RIGHT && root_blocked) &&
                (best < 0 || scores[t] > scores[best]))
                best = t;
        uint8_t rel = 0;
        if ((best == LEFT || best == RIGHT) && !(best == RIGHT && top == 0)) {
            int32_t rs[DP_PERCEPTRON_MAX_CLASSES] = {0};
            uint16_t head = best == LEFT ? front : top, dep = best == LEFT ? top : front;
            k = relation_features(words, s, head, dep, f);
            dp_perceptron_score(&p->relations, f, k, rs);
            rel = p->n_relations > 1 ? best_relation(rs, p->n_relations) : 0;
        }
        apply(s, best, rel);
    }
    finish(s, heads, relations);
    /* a word the transitions left under the root word (a second root, or one left without a
     * head) takes the relation the classifier gives it there: "root" names the root only */
    for (size_t i = 1; i <= n && p->n_relations > 1; i++)
        if (heads[i] != 0 && relations[i] == DP_DEPREL_ROOT) {
            int32_t rs[DP_PERCEPTRON_MAX_CLASSES] = {0};
            size_t k = relation_features(words, s, heads[i], (uint16_t)i, f);
            dp_perceptron_score(&p->relations, f, k, rs);
            relations[i] = best_relation(rs, p->n_relations);
        }
}

/* ---- Training ---- */

/* What a transition costs: gold arcs it makes unreachable (Goldberg and Nivre 2012). */
static int cost(const dp_parse_state *s, const uint16_t *gold, int t)
{
    uint16_t top = s->stack[s->depth - 1];
    size_t b = s->next, n = s->n;
    int c = 0;
    switch (t) {
    case LEFT:
        if (gold[top] > b && gold[top] <= n)
            c++;
        for (size_t k = b; k <= n; k++)
            c += gold[k] == top;
        return c;
    case RIGHT:
        if (gold[b] != top && (s->in_stack[gold[b]] || gold[b] > b))
            c++;
        for (size_t i = 0; i < s->depth; i++) {
            uint16_t k = s->stack[i];
            c += k != 0 && gold[k] == b && s->head[k] == NONE;
        }
        return c;
    case REDUCE:
        for (size_t k = b; k <= n; k++)
            c += gold[k] == top;
        return c;
    case SHIFT:
        if (s->in_stack[gold[b]])
            c++;
        for (size_t i = 0; i < s->depth; i++) {
            uint16_t k = s->stack[i];
            c += k != 0 && gold[k] == b && s->head[k] == NONE;
        }
        return c;
    }
    return 0;
}

static uint64_t next_random(uint64_t *x)
{
    *x ^= *x << 13;
    *x ^= *x >> 7;
    *x ^= *x << 17;
    return *x;
}

int dp_parser_train_sentence(dp_parser_trainer *t, const dp_parse_word *words, size_t n,
                             const uint16_t *heads, const uint8_t *relations,
                             dp_parse_state *s)
{
    uint64_t f[MAX_FEATURES];
    state_start(s, words, n);
    while (s->next <= s->n) {
        float scores[N_TRANSITIONS] = {0};
        size_t k = transition_features(words, s, f);
        dp_perceptron_trainer_score(&t->transitions, f, k, scores);
        int guess = -1, best_zero = -1, min_cost = 1 << 30, costs[N_TRANSITIONS];
        for (int tr = 0; tr < N_TRANSITIONS; tr++) {
            if (!valid(s, tr))
                continue;
            costs[tr] = cost(s, heads, tr);
            if (costs[tr] < min_cost)
                min_cost = costs[tr];
            if (guess < 0 || scores[tr] > scores[guess])
                guess = tr;
        }
        for (int tr = 0; tr < N_TRANSITIONS; tr++)
            if (valid(s, tr) && costs[tr] == min_cost &&
                (best_zero < 0 || scores[tr] > scores[best_zero]))
                best_zero = tr;
        if (dp_perceptron_trainer_update(&t->transitions, f, k, (uint32_t)best_zero,
                                         costs[guess] == min_cost ? (uint32_t)best_zero
                                                                  : (uint32_t)guess))
            return -1;
        int follow = best_zero;
        if (costs[guess] != min_cost &&
            (double)(next_random(&t->random) >> 11) / 9007199254740992.0 < t->explore)
            follow = guess;
        if (costs[guess] == min_cost)
            follow = guess;
        uint8_t rel = 0;
        uint16_t top = s->stack[s->depth - 1], front = (uint16_t)s->next;
        if ((follow == LEFT || follow == RIGHT) && !(follow == RIGHT && top == 0)) {
            uint16_t head = follow == LEFT ? front : top, dep = follow == LEFT ? top : front;
            float rs[DP_PERCEPTRON_MAX_CLASSES] = {0};
            k = relation_features(words, s, head, dep, f);
            dp_perceptron_trainer_score(&t->relations, f, k, rs);
            uint32_t predicted = 1;
            for (uint32_t c = 2; c < t->n_relations; c++)
                if (rs[c] > rs[predicted])
                    predicted = c;
            rel = (uint8_t)predicted;
            if (heads[dep] == head) {
                if (dp_perceptron_trainer_update(&t->relations, f, k, relations[dep], predicted))
                    return -1;
                rel = relations[dep];
            }
        }
        apply(s, follow, rel);
    }
    return 0;
}
