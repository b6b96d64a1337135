/* train_syntax: trains depeche's tagger and parser on Universal Dependencies treebanks and
 * writes the model image that the library embeds (models/fr-ud.model).
 *
 *   train_syntax --lexicon LEXICON.bin --data patterns/syntax.txt -o MODEL \
 *                [--tagger-epochs N] [--parser-epochs N] [--prune W] [--dev DEV.conllu]
 *                [--seed N] [--context-readings]
 *                TRAIN.conllu...
 *
 * --prune W drops weights below W (in 16-bit units: the largest weight is 32767), which keeps
 * the model small at little cost in accuracy. --sure-margin M: a first-pass tag whose score
 * beats the next by M or more is kept without a second pass (speed; 6000 by default: no loss on held-out GSD data).
 *
 * The same treebanks, lexicon and options give the same bytes: sentence order is shuffled by
 * a generator with a fixed seed, and the model is written in a fixed order. The parser learns
 * from tags the tagger predicts (ten-way jackknifing: each tenth of the data is tagged by a
 * tagger trained on the rest), so that it meets in training the tagging errors it meets in use. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "analyse.h"
#include "conllu.h"
#include "normalize.h"
#include "resource.h"

typedef struct tword {
    char *form; /* normalized */
    uint8_t upos;
    uint16_t head;
    uint8_t rel;
} tword;

typedef struct ttoken {
    char *form; /* normalized */
    uint8_t tag;
    uint32_t first, last; /* words */
} ttoken;

typedef struct tsentence {
    tword *words;
    size_t n_words;
    ttoken *tokens;
    size_t n_tokens;
    uint8_t *predicted; /* the jackknifed tags of the tokens */
} tsentence;

typedef struct corpus {
    tsentence *s;
    size_t n, cap;
    char *relations[DP_MAX_RELATIONS];
    uint32_t n_relations;
} corpus;

static void die(const char *msg)
{
    fprintf(stderr, "train_syntax: %s\n", msg);
    exit(2);
}

static void *xmalloc(size_t n)
{
    void *p = calloc(1, n ? n : 1);
    if (!p)
        die("out of memory");
    return p;
}

static char *normalized(const char *s)
{
    dp_text t = {0};
    if (dp_normalize(&t, s, strlen(s)))
        die("out of memory");
    char *out = xmalloc(t.norm_len + 1);
    memcpy(out, t.norm, t.norm_len);
    dp_text_release(&t);
    return out;
}

static uint8_t relation_id(corpus *c, const char *name)
{
    for (uint32_t i = 0; i < c->n_relations; i++)
        if (!strcmp(c->relations[i], name))
            return (uint8_t)i;
    if (c->n_relations == DP_MAX_RELATIONS)
        die("too many relations");
    c->relations[c->n_relations] = strdup(name);
    return (uint8_t)c->n_relations++;
}

static char *read_all(const char *path, size_t *size)
{
    depeche_error err;
    char *data;
    if (depeche_read_file(path, &data, size, &err)) {
        char buf[1200];
        fprintf(stderr, "train_syntax: %s\n", depeche_error_format(&err, buf, sizeof buf));
        exit(2);
    }
    return data;
}

/* The part of speech the data files fix for a form (a "form" line with one reading), or -1.
 * Treebanks disagree on a few signs ("%" is NOUN in Sequoia, SYM in GSD); the data decide. */
static const dp_morpho *fixed_forms;
static int fixed_tag(const char *form)
{
    dp_reading r[2];
    uint32_t first;
    if (!fixed_forms || !dp_lexicon_get(&fixed_forms->user_forms, form, strlen(form), &first))
        return -1;
    return dp_morpho_readings(fixed_forms, form, strlen(form), r, 2) == 1 ? r[0].upos : -1;
}

static void read_treebank(corpus *c, const char *path)
{
    size_t size, pos = 0;
    unsigned long line = 0;
    char *data = read_all(path, &size);
    dp_conllu_sentence s = {0};
    depeche_error err;
    int rc;
    while ((rc = dp_conllu_next(data, size, &pos, &line, path, &s, &err)) == 1) {
        if (!s.n_words || s.n_tokens > DP_MAX_SENTENCE_TOKENS)
            continue;
        tsentence t = {0};
        t.n_words = s.n_words;
        t.words = xmalloc(s.n_words * sizeof *t.words);
        for (size_t i = 0; i < s.n_words; i++) {
            int upos = dp_tag_from_name(s.words[i].upos, strlen(s.words[i].upos));
            t.words[i].form = normalized(s.words[i].form);
            t.words[i].upos = (uint8_t)(upos >= 0 && upos < DP_UPOS_COUNT ? upos : DP_X);
            int fixed = fixed_tag(t.words[i].form);
            if (fixed >= 0)
                t.words[i].upos = (uint8_t)fixed;
            t.words[i].head = (uint16_t)(s.words[i].head < 0 ? 0 : s.words[i].head);
            const char *rel = s.words[i].deprel;
            t.words[i].rel = t.words[i].head == 0 ? DP_DEPREL_ROOT : relation_id(c, rel);
        }
        t.n_tokens = s.n_tokens;
        t.tokens = xmalloc(s.n_tokens * sizeof *t.tokens);
        t.predicted = xmalloc(s.n_tokens);
        for (size_t i = 0; i < s.n_tokens; i++) {
            ttoken *k = &t.tokens[i];
            k->form = normalized(s.tokens[i].form);
            k->first = (uint32_t)s.tokens[i].first;
            k->last = (uint32_t)s.tokens[i].last;
            k->tag = t.words[k->first].upos;
            if (k->last == k->first + 1 && t.words[k->first].upos == DP_ADP)
                k->tag = t.words[k->last].upos == DP_DET ? DP_TAG_ADP_DET
                         : t.words[k->last].upos == DP_PRON ? DP_TAG_ADP_PRON : DP_ADP;
        }
        if (DP_PUSH(c->s, c->n, c->cap, t))
            die("out of memory");
    }
    if (rc < 0) {
        char buf[1200];
        fprintf(stderr, "train_syntax: %s\n", depeche_error_format(&err, buf, sizeof buf));
        exit(2);
    }
    dp_conllu_sentence_release(&s);
    free(data);
}

static void corpus_release(corpus *c)
{
    for (size_t i = 0; i < c->n; i++) {
        for (size_t k = 0; k < c->s[i].n_words; k++)
            free(c->s[i].words[k].form);
        for (size_t k = 0; k < c->s[i].n_tokens; k++)
            free(c->s[i].tokens[k].form);
        free(c->s[i].words);
        free(c->s[i].tokens);
        free(c->s[i].predicted);
    }
    free(c->s);
    for (uint32_t r = 0; r < c->n_relations; r++)
        free(c->relations[r]);
}

static uint64_t rng_state = 0x2545F4914F6CDD1DULL;
static uint64_t next_random(void)
{
    rng_state ^= rng_state << 13;
    rng_state ^= rng_state >> 7;
    rng_state ^= rng_state << 17;
    return rng_state;
}

static void shuffle(size_t *order, size_t n)
{
    for (size_t i = n; i > 1; i--) {
        size_t j = (size_t)(next_random() % i);
        size_t t = order[i - 1];
        order[i - 1] = order[j];
        order[j] = t;
    }
}

static void prepare_tokens(const dp_morpho *m, const tsentence *t, dp_tag_token *out)
{
    for (size_t i = 0; i < t->n_tokens; i++)
        dp_tag_token_prepare(m, t->tokens[i].form, strlen(t->tokens[i].form), i == 0, &out[i]);
}

/* Trains a tagger on the sentences whose index mod folds differs from fold (all when folds is
 * 0). */
static void train_tagger(dp_perceptron_trainer *tr, const dp_morpho *m, const corpus *c,
                         int epochs, size_t folds, size_t fold, int second)
{
    if (dp_perceptron_trainer_init(tr, DP_TAG_COUNT))
        die("out of memory");
    size_t *order = xmalloc(c->n * sizeof *order);
    for (size_t i = 0; i < c->n; i++)
        order[i] = i;
    static dp_tag_token toks[DP_MAX_SENTENCE_TOKENS];
    uint64_t f[DP_TAGGER_MAX_FEATURES];
    for (int e = 0; e < epochs; e++) {
        shuffle(order, c->n);
        for (size_t o = 0; o < c->n; o++) {
            if (folds && order[o] % folds == fold)
                continue;
            const tsentence *t = &c->s[order[o]];
            prepare_tokens(m, t, toks);
            int prev = -1, prev2 = -1;
            for (size_t i = 0; i < t->n_tokens; i++) {
                float scores[DP_PERCEPTRON_MAX_CLASSES] = {0};
                size_t k = dp_tagger_features(toks, t->n_tokens, i, prev, prev2,
                                              second ? t->predicted : NULL, f);
                dp_perceptron_trainer_score(tr, f, k, scores);
                uint32_t best = 0;
                for (uint32_t cl = 1; cl < DP_TAG_COUNT; cl++)
                    if (scores[cl] > scores[best])
                        best = cl;
                if (dp_perceptron_trainer_update(tr, f, k, t->tokens[i].tag, best))
                    die("out of memory");
                prev2 = prev;
                prev = (int)best;
            }
        }
    }
    free(order);
}

/* The averaged model of a trainer, as a run-time model over a buffer the caller frees. */
static long prune = 1;
static long sure_margin = 6000;

static void freeze(const dp_perceptron_trainer *tr, dp_strbuf *buf, dp_perceptron *p)
{
    size_t pos = 0;
    if (dp_perceptron_trainer_write(tr, prune, buf) || dp_perceptron_open(p, (unsigned char *)buf->data,
                                                                   buf->len, &pos, 1))
        die("cannot build the model");
}

static int by_key(const void *a, const void *b)
{
    uint64_t x, y;
    memcpy(&x, a, 8);
    memcpy(&y, b, 8);
    return x < y ? -1 : x > y;
}

/* The tag dictionary: lowercase words seen at least 20 times in training (not capitalized),
 * 99.5% of them or more with one tag. Its image (count, keys, tags, padded to 4 bytes) goes to
 * img, and d reads it. */
static void tag_dictionary(const dp_morpho *m, const corpus *c, dp_strbuf *img,
                           dp_tag_dictionary *d)
{
    /* counts per (word, tag), in a table keyed by the word's hash */
    size_t cap = 1 << 18, n = 0;
    uint64_t *keys = xmalloc(cap * sizeof *keys);
    uint32_t(*counts)[DP_TAG_COUNT] = xmalloc(cap * sizeof *counts);
    static dp_tag_token toks[DP_MAX_SENTENCE_TOKENS];
    for (size_t s = 0; s < c->n; s++) {
        prepare_tokens(m, &c->s[s], toks);
        for (size_t i = 0; i < c->s[s].n_tokens; i++) {
            if (toks[i].flags & DP_TT_CAPITAL)
                continue;
            size_t h = (size_t)(toks[i].lower >> 20) & (cap - 1);
            while (keys[h] && keys[h] != toks[i].lower)
                h = (h + 1) & (cap - 1);
            if (!keys[h]) {
                keys[h] = toks[i].lower;
                if (++n * 2 > cap)
                    die("too many words for the tag dictionary's table");
            }
            counts[h][c->s[s].tokens[i].tag]++;
        }
    }
    unsigned char *entries = xmalloc(n * 9 + 1);
    size_t kept = 0;
    for (size_t h = 0; h < cap; h++) {
        if (!keys[h])
            continue;
        uint32_t total = 0, best = 0;
        for (int t = 0; t < DP_TAG_COUNT; t++) {
            total += counts[h][t];
            if (counts[h][t] > counts[h][best])
                best = (uint32_t)t;
        }
        if (total >= 20 && counts[h][best] * 1000 >= total * 995) {
            memcpy(entries + 9 * kept, &keys[h], 8);
            entries[9 * kept + 8] = (unsigned char)best;
            kept++;
        }
    }
    qsort(entries, kept, 9, by_key);
    int rc = dp_strbuf_put_u32(img, (uint32_t)kept);
    for (size_t i = 0; i < kept && !rc; i++) {
        uint64_t k;
        memcpy(&k, entries + 9 * i, 8);
        rc = dp_strbuf_put_u32(img, (uint32_t)k) || dp_strbuf_put_u32(img, (uint32_t)(k >> 32));
    }
    for (size_t i = 0; i < kept && !rc; i++)
        rc = dp_strbuf_putc(img, (char)entries[9 * i + 8]);
    while (!rc && img->len % 4)
        rc = dp_strbuf_putc(img, 0);
    if (rc)
        die("out of memory");
    d->n = kept;
    d->keys = (const unsigned char *)img->data + 4;
    d->tags = (const uint8_t *)img->data + 4 + 8 * kept;
    fprintf(stderr, "train_syntax: %zu words in the tag dictionary\n", kept);
    free(keys);
    free(counts);
    free(entries);
}

/* --context-readings: a verb's reading as the pipeline chooses it, not the lexicon's first */
static int context_readings;

/* The words the parser sees for sentence t, tagged with tags (per token). A verb's reading is
 * the lexicon's first, the committed model's, or with `context` the one the pipeline chooses
 * (analyse.c). */
static size_t parse_words(const dp_morpho *m, const tsentence *t, const uint8_t *tags, int context,
                          dp_parse_word *out)
{
    dp_parse_word_root(&out[0]);
    for (size_t i = 0; i < t->n_tokens; i++) {
        const ttoken *k = &t->tokens[i];
        for (uint32_t w = k->first; w <= k->last; w++) {
            int upos = tags[i];
            if (upos >= DP_UPOS_COUNT) /* a contraction: its words' own parts of speech */
                upos = w == k->first ? DP_ADP : upos == DP_TAG_ADP_DET ? DP_DET : DP_PRON;
            else if (k->last > k->first)
                upos = w == k->first ? upos : t->words[w].upos;
            dp_reading r;
            const char *form = t->words[w].form;
            int before_par = i + 1 < t->n_tokens && !strcmp(t->tokens[i + 1].form, "par");
            dp_word_reading(m, form, strlen(form), upos, context ? dp_verb_place(tags, i, upos, before_par) : -1, &r);
            dp_parse_word_of(form, strlen(form), r.lemma, upos, r.feats, &out[w + 1]);
        }
    }
    return t->n_words;
}

/* Lifts non-projective arcs to the head's head until the tree is projective. */
static void projectivize(uint16_t *heads, size_t n)
{
    for (int changed = 1, rounds = 0; changed && rounds < 100; rounds++) {
        changed = 0;
        for (size_t d = 1; d <= n; d++) {
            size_t h = heads[d], lo = h < d ? h : d, hi = h < d ? d : h;
            for (size_t k = lo + 1; k < hi; k++) {
                size_t a = k;
                int steps = 0;
                while (a != 0 && a != h && steps++ < 1000)
                    a = heads[a];
                if (a != h) {
                    heads[d] = heads[h];
                    changed = 1;
                    break;
                }
            }
        }
    }
}

/* The relations events are read from, as ../shared/eval/score_ud.py counts them: a subtype
 * counts as its base relation except for nsubj:pass, obl:agent and acl:relcl. Indexed by
 * relation id: the core relation's id, or -1. */
static int core_relation[256];

static void find_core_relations(const corpus *c)
{
    static const char *const core[] = {"nsubj", "nsubj:pass", "obj", "iobj", "obl:agent",
                                       "appos", "acl:relcl", "xcomp", "nmod"};
    for (uint32_t r = 0; r < 256; r++)
        core_relation[r] = -1;
    for (uint32_t r = 0; r < c->n_relations; r++) {
        const char *name = c->relations[r];
        int kept = !strcmp(name, "nsubj:pass") || !strcmp(name, "obl:agent") ||
                   !strcmp(name, "acl:relcl");
        size_t base = kept ? strlen(name) : strcspn(name, ":");
        for (size_t k = 0; k < sizeof core / sizeof *core; k++)
            if (strlen(core[k]) == base && !strncmp(core[k], name, base))
                core_relation[r] = (int)k;
    }
}

static void evaluate(const dp_morpho *m, const dp_perceptron *tagger,
                     const dp_perceptron *tagger2, const dp_tag_dictionary *dict,
                     const dp_parser *parser, const corpus *dev, const char *what)
{
    static uint8_t first[DP_MAX_SENTENCE_TOKENS];
    static dp_tag_token toks[DP_MAX_SENTENCE_TOKENS];
    static uint8_t tags[DP_MAX_SENTENCE_TOKENS];
    static dp_parse_word words[DP_MAX_SENTENCE_WORDS + 1];
    static uint16_t heads[DP_MAX_SENTENCE_WORDS + 1];
    static uint8_t rels[DP_MAX_SENTENCE_WORDS + 1];
    dp_parse_state *st = dp_parse_state_new(DP_MAX_SENTENCE_WORDS);
    size_t tok = 0, tag_ok = 0, w = 0, uas = 0, las = 0;
    size_t core_right = 0, core_found = 0, core_gold = 0;
    for (size_t i = 0; i < dev->n; i++) {
        const tsentence *t = &dev->s[i];
        prepare_tokens(m, t, toks);
        if (tagger2) {
            dp_tagger both = {*tagger, *tagger2, {0, NULL, NULL}, (int32_t)sure_margin};
            if (dict)
                both.dictionary = *dict;
            dp_tagger_run(&both, toks, t->n_tokens, first, tags);
        } else {
            dp_tagger_tag(tagger, dict, toks, t->n_tokens, NULL, tags);
        }
        for (size_t k = 0; k < t->n_tokens; k++, tok++)
            tag_ok += tags[k] == t->tokens[k].tag;
        if (!parser || t->n_words > DP_MAX_SENTENCE_WORDS)
            continue;
        size_t n = parse_words(m, t, tags, context_readings, words);
        dp_parse(parser, words, n, st, heads, rels);
        for (size_t k = 1; k <= n; k++, w++) {
            uas += heads[k] == t->words[k - 1].head;
            las += heads[k] == t->words[k - 1].head && rels[k] == t->words[k - 1].rel;
            int found = core_relation[rels[k]], gold = core_relation[t->words[k - 1].rel];
            core_found += found >= 0;
            core_gold += gold >= 0;
            core_right += found >= 0 && found == gold && heads[k] == t->words[k - 1].head;
        }
    }
    fprintf(stderr, "  %s: tags %.4f", what, tok ? (double)tag_ok / (double)tok : 0);
    if (parser)
        fprintf(stderr, "  UAS %.4f  LAS %.4f  core F1 %.4f", w ? (double)uas / (double)w : 0,
                w ? (double)las / (double)w : 0,
                core_found + core_gold ? 2.0 * (double)core_right / (double)(core_found + core_gold)
                                       : 0);
    fputc('\n', stderr);
    dp_parse_state_free(st);
}

/* Relation ids as in the dev corpus are the training corpus's: map dev names to them. */
static void align_relations(corpus *dev, const corpus *train)
{
    for (size_t i = 0; i < dev->n; i++)
        for (size_t k = 0; k < dev->s[i].n_words; k++) {
            tword *w = &dev->s[i].words[k];
            const char *name = dev->relations[w->rel];
            uint8_t id = 255;
            for (uint32_t r = 0; r < train->n_relations; r++)
                if (!strcmp(train->relations[r], name))
                    id = (uint8_t)r;
            w->rel = w->head == 0 ? DP_DEPREL_ROOT : id;
        }
}

int main(int argc, char **argv)
{
    const char *lexicon = NULL, *out_path = NULL, *dev_path = NULL;
    const char *data[16];
    size_t n_data = 0;
    int tagger_epochs = 10, parser_epochs = 15;
    unsigned long long seed = 0; /* 0: the committed model's; others measure how much a change
                                  * owes to the order of the data */
    corpus train = {0}, dev = {0};
    train.relations[0] = strdup("root");
    train.n_relations = 1;
    dev.relations[0] = strdup("root");
    dev.n_relations = 1;
    const char *treebanks[16];
    size_t n_treebanks = 0;
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        if (!strcmp(a, "--lexicon") && i + 1 < argc)
            lexicon = argv[++i];
        else if (!strcmp(a, "--data") && i + 1 < argc && n_data < 16)
            data[n_data++] = argv[++i];
        else if (!strcmp(a, "-o") && i + 1 < argc)
            out_path = argv[++i];
        else if (!strcmp(a, "--dev") && i + 1 < argc)
            dev_path = argv[++i];
        else if (!strcmp(a, "--tagger-epochs") && i + 1 < argc)
            tagger_epochs = atoi(argv[++i]);
        else if (!strcmp(a, "--parser-epochs") && i + 1 < argc)
            parser_epochs = atoi(argv[++i]);
        else if (!strcmp(a, "--prune") && i + 1 < argc)
            prune = atol(argv[++i]);
        else if (!strcmp(a, "--seed") && i + 1 < argc)
            seed = strtoull(argv[++i], NULL, 10);
        else if (!strcmp(a, "--context-readings"))
            context_readings = 1;
        else if (!strcmp(a, "--sure-margin") && i + 1 < argc)
            sure_margin = atol(argv[++i]);
        else if (a[0] != '-' && n_treebanks < 16)
            treebanks[n_treebanks++] = a;
        else
            die("usage: train_syntax --lexicon LEXICON.bin --data FILE -o MODEL "
                "[--tagger-epochs N] [--parser-epochs N] [--dev DEV.conllu] TRAIN.conllu...");
    }
    if (!lexicon || !out_path || !n_treebanks)
        die("needs --lexicon, -o and at least one treebank");

    size_t lex_size;
    char *lex_data = read_all(lexicon, &lex_size);
    dp_morpho morpho = {0};
    depeche_error err;
    char buf[1200];
    if (dp_morpho_open(&morpho, lex_data, lex_size, lexicon, &err)) {
        fprintf(stderr, "train_syntax: %s\n", depeche_error_format(&err, buf, sizeof buf));
        return 2;
    }
    for (size_t i = 0; i < n_data; i++) {
        size_t size;
        char *text = read_all(data[i], &size);
        dp_line_reader r;
        const char *line, *kind;
        size_t len, kind_len;
        dp_line_reader_init(&r, data[i], text, size);
        while (dp_line_reader_next(&r, &line, &len)) {
            dp_next_field(&line, &len, &kind, &kind_len);
            if (dp_morpho_load(&morpho, kind, kind_len, line, len, data[i], r.line, &err) < 0) {
                fprintf(stderr, "train_syntax: %s\n", depeche_error_format(&err, buf, sizeof buf));
                return 2;
            }
        }
        free(text);
    }
    fixed_forms = &morpho;
    rng_state ^= seed * 0x9E3779B97F4A7C15ULL;
    for (size_t i = 0; i < n_treebanks; i++)
        read_treebank(&train, treebanks[i]);
    find_core_relations(&train);
    if (dev_path) {
        read_treebank(&dev, dev_path);
        align_relations(&dev, &train);
    }
    fprintf(stderr, "train_syntax: %zu sentences, %u relations\n", train.n, train.n_relations);

    /* the tagger's first pass, on everything */
    dp_perceptron_trainer tagger_tr, tagger2_tr;
    dp_strbuf tagger_img = {0}, tagger2_img = {0};
    dp_perceptron tagger, tagger2;
    train_tagger(&tagger_tr, &morpho, &train, tagger_epochs, 0, 0, 0);
    freeze(&tagger_tr, &tagger_img, &tagger);
    if (dev.n)
        evaluate(&morpho, &tagger, NULL, NULL, NULL, &dev, "tagger, first pass");

    /* jackknifed first-pass tags: what the second pass and the parser learn from */
    const size_t folds = 10;
    static dp_tag_token toks[DP_MAX_SENTENCE_TOKENS];
    for (size_t fold = 0; fold < folds; fold++) {
        dp_perceptron_trainer tr;
        dp_strbuf img = {0};
        dp_perceptron p;
        train_tagger(&tr, &morpho, &train, tagger_epochs, folds, fold, 0);
        freeze(&tr, &img, &p);
        for (size_t i = fold; i < train.n; i += folds) {
            prepare_tokens(&morpho, &train.s[i], toks);
            dp_tagger_tag(&p, NULL, toks, train.s[i].n_tokens, NULL, train.s[i].predicted);
        }
        dp_perceptron_trainer_release(&tr);
        dp_strbuf_release(&img);
    }
    train_tagger(&tagger2_tr, &morpho, &train, tagger_epochs, 0, 0, 1);
    freeze(&tagger2_tr, &tagger2_img, &tagger2);
    dp_strbuf dict_img = {0};
    dp_tag_dictionary dict;
    tag_dictionary(&morpho, &train, &dict_img, &dict);
    if (dev.n) {
        evaluate(&morpho, &tagger, &tagger2, NULL, NULL, &dev, "tagger, second pass");
        evaluate(&morpho, &tagger, &tagger2, &dict, NULL, &dev, "tagger, with the dictionary");
    }

    /* the parser */
    dp_parser_trainer pt = {0};
    pt.n_relations = train.n_relations;
    pt.random = 0x9E3779B97F4A7C15ULL ^ (seed * 0x100000001B3ULL);
    if (dp_perceptron_trainer_init(&pt.transitions, 4) ||
        dp_perceptron_trainer_init(&pt.relations, train.n_relations))
        die("out of memory");
    dp_parse_state *st = dp_parse_state_new(DP_MAX_SENTENCE_WORDS);
    size_t *order = xmalloc(train.n * sizeof *order);
    for (size_t i = 0; i < train.n; i++)
        order[i] = i;
    static dp_parse_word words[DP_MAX_SENTENCE_WORDS + 1];
    static uint16_t heads[DP_MAX_SENTENCE_WORDS + 1];
    static uint8_t rels[DP_MAX_SENTENCE_WORDS + 1];
    for (int e = 0; e < parser_epochs; e++) {
        pt.explore = e == 0 ? 0.0 : 0.9;
        shuffle(order, train.n);
        for (size_t o = 0; o < train.n; o++) {
            const tsentence *t = &train.s[order[o]];
            if (t->n_words > DP_MAX_SENTENCE_WORDS)
                continue;
            size_t n = parse_words(&morpho, t, t->predicted, context_readings, words);
            heads[0] = 0;
            for (size_t k = 1; k <= n; k++) {
                heads[k] = t->words[k - 1].head;
                rels[k] = t->words[k - 1].rel;
            }
            projectivize(heads, n);
            if (dp_parser_train_sentence(&pt, words, n, heads, rels, st))
                die("out of memory");
        }
        if (dev.n && (e % 3 == 2 || e == parser_epochs - 1)) {
            dp_strbuf a = {0}, b = {0};
            dp_parser parser = {0};
            freeze(&pt.transitions, &a, &parser.transitions);
            freeze(&pt.relations, &b, &parser.relations);
            parser.n_relations = train.n_relations;
            char what[32];
            snprintf(what, sizeof what, "epoch %d", e + 1);
            evaluate(&morpho, &tagger, &tagger2, &dict, &parser, &dev, what);
            dp_strbuf_release(&a);
            dp_strbuf_release(&b);
        }
    }

    /* the image */
    dp_strbuf out = {0};
    uint32_t n = train.n_relations;
    int rc = dp_strbuf_append(&out, "DPSYNTX2", 8) || dp_strbuf_put_u32(&out, n) ||
             dp_strbuf_put_u32(&out, (uint32_t)sure_margin);
    for (uint32_t i = 0; i < n && !rc; i++)
        rc = dp_strbuf_append(&out, train.relations[i], strlen(train.relations[i]) + 1);
    while (!rc && out.len % 4)
        rc = dp_strbuf_putc(&out, 0);
    rc = rc || dp_strbuf_append(&out, dict_img.data, dict_img.len);
    if (rc || dp_perceptron_trainer_write(&tagger_tr, prune, &out) ||
        dp_perceptron_trainer_write(&tagger2_tr, prune, &out) ||
        dp_perceptron_trainer_write(&pt.transitions, prune, &out) ||
        dp_perceptron_trainer_write(&pt.relations, prune, &out))
        die("out of memory");
    FILE *f = fopen(out_path, "wb");
    if (!f || fwrite(out.data, 1, out.len, f) != out.len || fclose(f))
        die("cannot write the model");
    fprintf(stderr, "train_syntax: wrote %s (%zu bytes)\n", out_path, out.len);
    dp_strbuf_release(&out);
    dp_strbuf_release(&dict_img);
    dp_strbuf_release(&tagger_img);
    dp_strbuf_release(&tagger2_img);
    dp_perceptron_trainer_release(&tagger_tr);
    dp_perceptron_trainer_release(&tagger2_tr);
    dp_perceptron_trainer_release(&pt.transitions);
    dp_perceptron_trainer_release(&pt.relations);
    dp_parse_state_free(st);
    free(order);
    corpus_release(&train);
    corpus_release(&dev);
    dp_morpho_release(&morpho);
    free(lex_data);
    return 0;
}
