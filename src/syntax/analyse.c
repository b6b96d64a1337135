/* The syntax stage over one sentence: tag the tokens, split contractions, read lemmas and
 * features from the lexicon, parse. */
#include <stdlib.h>
#include <string.h>

#include "analyse.h"
#include "normalize.h"

int dp_syntax_model_open(dp_syntax_model *m, const void *image, size_t size, int check,
                         const char *path, depeche_error *err)
{
    const unsigned char *d = image;
    memset(m, 0, sizeof *m);
    if (size < 16 || memcmp(d, "DPSYNTX2", 8))
        return dp_fail(err, DEPECHE_ERR_DATA, path, 0, 0, "not a depeche syntax model");
    uint32_t n_rel = dp_read_u32(d + 8);
    m->tagger.sure_margin = (int32_t)(dp_read_u32(d + 12) & 0x7FFFFFFF);
    size_t at = 16;
    if (!n_rel || n_rel > DP_MAX_RELATIONS)
        return dp_fail(err, DEPECHE_ERR_DATA, path, 0, 0, "a model with %u relations", n_rel);
    for (uint32_t i = 0; i < n_rel; i++) {
        const unsigned char *end = memchr(d + at, '\0', size - at);
        if (!end)
            return dp_fail(err, DEPECHE_ERR_DATA, path, 0, 0, "a truncated syntax model");
        m->relations[i] = (const char *)d + at;
        at = (size_t)(end - d) + 1;
    }
    at = (at + 3) & ~(size_t)3;
    if (at > size || size - at < 4)
        return dp_fail(err, DEPECHE_ERR_DATA, path, 0, 0, "a truncated syntax model");
    dp_tag_dictionary *dict = &m->tagger.dictionary;
    dict->n = dp_read_u32(d + at);
    at += 4;
    if ((size - at) / 9 < dict->n)
        return dp_fail(err, DEPECHE_ERR_DATA, path, 0, 0, "a truncated syntax model");
    dict->keys = d + at;
    dict->tags = d + at + 8 * dict->n;
    at = (at + 9 * dict->n + 3) & ~(size_t)3;
    for (size_t i = 0; i < dict->n; i++)
        if (dict->tags[i] >= DP_TAG_COUNT)
            return dp_fail(err, DEPECHE_ERR_DATA, path, 0, 0, "a damaged syntax model");
    if (at > size || dp_perceptron_open(&m->tagger.first, d, size, &at, check) ||
        dp_perceptron_open(&m->tagger.second, d, size, &at, check) ||
        dp_perceptron_open(&m->parser.transitions, d, size, &at, check) ||
        dp_perceptron_open(&m->parser.relations, d, size, &at, check))
        return dp_fail(err, DEPECHE_ERR_DATA, path, 0, 0, "a damaged syntax model");
    if (m->parser.relations.n_classes > n_rel || m->parser.transitions.n_classes != 4)
        return dp_fail(err, DEPECHE_ERR_DATA, path, 0, 0, "a syntax model that does not add up");
    m->parser.relation_names = m->relations;
    m->parser.n_relations = m->parser.relations.n_classes;
    m->parser.mark_relation = 0;
    for (uint32_t r = 1; r < m->parser.n_relations && r < 64; r++)
        if (!strcmp(m->relations[r], "mark"))
            m->parser.mark_relation = (uint8_t)r;
    return 0;
}

/* A part of speech close enough to stand in for another's reading. */
static int close_tag(int upos)
{
    switch (upos) {
    case DP_AUX: return DP_VERB;
    case DP_VERB: return DP_AUX;
    case DP_ADJ: return DP_VERB; /* participles used as adjectives */
    case DP_PROPN: return DP_NOUN;
    case DP_PRON: return DP_DET;
    case DP_DET: return DP_PRON;
    case DP_SCONJ: return DP_PRON;
    }
    return -1;
}

/* How well a verb's reading fits where the word stands: after an auxiliary, its participle
 * ("a rejoint", "est inscrit"); elsewhere a third-person present or an infinitive ("X rejoint
 * Y", "le rapport décrit"), then the participle ("le dispositif mis en place"), then the other
 * finite forms, and the simple past last, which news seldom uses beside a participle of the
 * same form ("je mis", "tu pris"). The lexicon lists them in no such order. */
static int verb_fit(const char *feats, int after_auxiliary)
{
    int participle = strstr(feats, "VerbForm=Part") != NULL;
    if (after_auxiliary)
        return participle ? 1 : 0;
    if (strstr(feats, "VerbForm=Inf") || (strstr(feats, "Mood=Ind") && strstr(feats, "Tense=Pres") &&
                                           !strstr(feats, "Person=1") && !strstr(feats, "Person=2")))
        return 3;
    if (participle)
        return 2;
    if (strstr(feats, "VerbForm=Fin") && strstr(feats, "Tense=Past"))
        return 0;
    return 1;
}

void dp_word_reading(const dp_morpho *m, const char *form, size_t len, int upos, int after_auxiliary,
                     dp_reading *out)
{
    dp_reading r[16];
    char lower[4 * DP_MORPHO_MAX_WORD + 4];
    size_t n = dp_morpho_readings(m, form, len, r, DP_ARRAY_LEN(r));
    size_t lower_len = dp_lowercase(form, len, lower, sizeof lower);
    if (lower_len != (size_t)-1 && (lower_len != len || memcmp(lower, form, len)))
        n += dp_morpho_readings(m, lower, lower_len, r + n, DP_ARRAY_LEN(r) - n);
    for (int pass = 0; pass < 2; pass++) {
        int want = pass ? close_tag(upos) : upos;
        /* (among the first reading's verb's forms only: "reprise" is no present of
         * "repriser") */
        size_t best = n;
        for (size_t i = 0; i < n && want >= 0; i++)
            if (r[i].upos == want &&
                (best == n || (upos == DP_VERB && after_auxiliary >= 0 && !strcmp(r[i].lemma, r[best].lemma) &&
                               verb_fit(r[i].feats, after_auxiliary) > verb_fit(r[best].feats, after_auxiliary))))
                best = i;
        if (best < n) {
            *out = r[best];
            out->upos = (uint8_t)upos;
            if (pass && upos == DP_ADJ) /* "racheté" as an adjective: lemma, no verb features */
                out->feats = "";
            return;
        }
    }
    out->upos = (uint8_t)upos;
    out->feats = "";
    out->lemma[0] = '\0';
    if (upos == DP_PROPN || lower_len == (size_t)-1) {
        if (len <= DP_MORPHO_MAX_WORD) {
            memcpy(out->lemma, form, len);
            out->lemma[len] = '\0';
        }
    } else if (lower_len <= DP_MORPHO_MAX_WORD) {
        memcpy(out->lemma, lower, lower_len);
        out->lemma[lower_len] = '\0';
    }
}

void dp_parse_word_of(const char *form, size_t len, const char *lemma, int upos,
                      const char *feats, dp_parse_word *out)
{
    char lower[4 * DP_MORPHO_MAX_WORD + 4];
    size_t n = dp_lowercase(form, len, lower, sizeof lower);
    out->form = n == (size_t)-1 ? dp_hash_bytes(form, len < 64 ? len : 64)
                                : dp_hash_bytes(lower, n);
    out->lemma = lemma[0] ? dp_hash_bytes(lemma, strlen(lemma)) : out->form;
    out->upos = (uint8_t)upos;
    out->morph = dp_morph_class(feats);
}

dp_syntax_work *dp_syntax_work_new(void)
{
    dp_syntax_work *w = dp_calloc(1, sizeof *w);
    if (!w)
        return NULL;
    if (!(w->state = dp_parse_state_new(DP_MAX_SENTENCE_WORDS))) {
        free(w);
        return NULL;
    }
    return w;
}

void dp_syntax_work_free(dp_syntax_work *w)
{
    if (!w)
        return;
    dp_parse_state_free(w->state);
    free(w);
}

/* The relation of the model called `name`, or -1. */
static int relation_named(const dp_parser *p, const char *name)
{
    for (uint32_t r = 0; r < p->n_relations; r++)
        if (!strcmp(p->relation_names[r], name))
            return (int)r;
    return -1;
}

/* The parse's root word (1-based), or 0 when none. */
static size_t root_word(const dp_syntax_work *w)
{
    for (size_t i = 1; i <= w->n_words; i++)
        if (!w->heads[i])
            return i;
    return 0;
}

/* Whether parse word i (1-based) is a finite verb, or one with a finite auxiliary ("avait
 * rejoint"). */
static int finite_verb(const dp_syntax_work *w, size_t i)
{
    if (w->parse_in[i].upos != DP_VERB)
        return 0;
    if (w->parse_in[i].morph == DP_MORPH_FINITE)
        return 1;
    for (size_t j = 1; j <= w->n_words; j++)
        if (w->heads[j] == i && w->parse_in[j].upos == DP_AUX && w->parse_in[j].morph == DP_MORPH_FINITE)
            return 1;
    return 0;
}

/* Whether parse word i (1-based) has a child by relation rel whose lemma is `lemma` (any,
 * if NULL). */
static int has_dependent(const dp_syntax_work *w, size_t i, int rel, const char *lemma)
{
    for (size_t k = 1; k <= w->n_words; k++)
        if (w->heads[k] == i && w->rels[k] == rel && (!lemma || !strcmp(w->words[k - 1].lemma, lemma)))
            return 1;
    return 0;
}

/* Whether parse word i has a subordinating conjunction of its own ("quand", "si", "parce
 * que"). */
static int has_mark(const dp_syntax_work *w, size_t i)
{
    for (size_t j = 1; j <= w->n_words; j++)
        if (w->heads[j] == i && w->parse_in[j].upos == DP_SCONJ)
            return 1;
    return 0;
}

/* Whether verb (1-based) stands without a subject, a clitic or a conjunction of its own (a
 * relative pronoun, "qui", is a pronoun); *passive tells whether it has a passive auxiliary. */
static int without_subject(const dp_parser *p, const dp_syntax_work *w, size_t verb, int *passive)
{
    int nsubj = relation_named(p, "nsubj"), nsubj_pass = relation_named(p, "nsubj:pass"),
        aux_pass = relation_named(p, "aux:pass");
    *passive = 0;
    for (size_t j = 1; j <= w->n_words; j++) {
        if (w->heads[j] != verb)
            continue;
        if (w->rels[j] == nsubj || w->rels[j] == nsubj_pass || w->parse_in[j].upos == DP_PRON ||
            w->parse_in[j].upos == DP_SCONJ)
            return 0;
        *passive |= aux_pass >= 0 && w->rels[j] == aux_pass;
    }
    return 1;
}

/* A detached phrase that opens a sentence and describes the subject after its comma ("Ancien
 * élève de l'X, Jérôme Martin avait rejoint Danone", "Diplômé de HEC, ...") hangs on the main
 * verb, as the treebanks annotate it (advcl); the greedy parser, which made the phrase the
 * root before it saw the verb, hangs the verb and the subject on the phrase instead (the
 * subject as an apposition of one of its words, or a complement without a preposition). The
 * verb becomes the root, the name its subject. */
static void mend_detached_opening(const dp_parser *p, const char *text, const dp_token *toks,
                                  dp_syntax_work *w)
{
    size_t n = w->n_words, root = root_word(w), comma = 0, verb = 0, subject = 0;
    int up = root ? w->parse_in[root].upos : -1;
    if (!root || root > 3 ||
        (up != DP_NOUN && up != DP_ADJ && !(up == DP_VERB && w->parse_in[root].morph == DP_MORPH_PARTICIPLE_PAST)))
        return;
    for (size_t i = root + 1; i <= n && !comma; i++) {
        const dp_token *t = &toks[w->words[i - 1].token];
        if (w->parse_in[i].upos == DP_PUNCT && t->end == t->start + 1 && text[t->start] == ',')
            comma = i;
    }
    for (size_t i = comma + 1; comma && i <= n && !verb; i++)
        if (w->heads[i] == root && finite_verb(w, i))
            verb = i;
    if (!verb)
        return;
    int appos = relation_named(p, "appos"), advcl = relation_named(p, "advcl"),
        nsubj = relation_named(p, "nsubj"), nsubj_pass = relation_named(p, "nsubj:pass"),
        aux_pass = relation_named(p, "aux:pass");
    if (appos < 0 || advcl < 0 || nsubj < 0 || nsubj_pass < 0)
        return;
    /* a participle with a subject of its own is a clause, as titles tell one ("X évincé de
     * la présidence, Y dément") */
    for (size_t j = 1; j < comma; j++)
        if (w->heads[j] == root && (w->rels[j] == nsubj || w->rels[j] == nsubj_pass))
            return;
    /* the subject opens the clause after the comma: the verb's own, or the name the phrase
     * took as an apposition ("Jeudi matin, X, l'un de ses proches, ... pourra" is no such
     * phrase) */
    size_t own_subject = 0;
    int passive = 0;
    for (size_t j = 1; j <= n; j++)
        if (w->heads[j] == verb) {
            if (w->rels[j] == nsubj || w->rels[j] == nsubj_pass)
                own_subject = j;
            passive |= aux_pass >= 0 && w->rels[j] == aux_pass;
        }
    /* the subject may come with its determiner and adjectives ("Jeudi, le Sénat a saisi la
     * justice") */
    size_t opening = comma + 1;
    while (opening < n && w->heads[opening] > opening &&
           (w->parse_in[opening].upos == DP_DET || w->parse_in[opening].upos == DP_ADJ))
        opening++;
    int nmod = relation_named(p, "nmod"), introduced = 0;
    for (size_t j = 1; j <= n; j++)
        introduced |= w->heads[j] == opening && w->parse_in[j].upos == DP_ADP;
    int named = w->parse_in[opening].upos == DP_PROPN ||
                (opening > comma + 1 && w->parse_in[opening].upos == DP_NOUN);
    if (!own_subject && w->heads[opening] && w->heads[opening] < comma && named &&
        (w->rels[opening] == appos || (w->rels[opening] == nmod && !introduced)))
        subject = opening;
    if (own_subject != opening && !subject)
        return;
    /* what the root took after the comma belongs to the verb's clause */
    for (size_t j = comma + 1; j <= n; j++)
        if (w->heads[j] == root && j != verb)
            w->heads[j] = (uint16_t)verb;
    w->heads[verb] = 0;
    w->rels[verb] = w->rels[root];
    w->heads[root] = (uint16_t)verb;
    w->rels[root] = (uint8_t)advcl;
    if (subject) {
        w->heads[subject] = (uint16_t)verb;
        w->rels[subject] = (uint8_t)(passive ? nsubj_pass : nsubj);
    }
}

/* Whether two feature strings agree on `feature` ("Gender=", "Number="): equal, or one of them
 * silent on it. */
static int agree_on(const char *a, const char *b, const char *feature)
{
    const char *x = strstr(a, feature), *y = strstr(b, feature);
    size_t n = strlen(feature);
    return !x || !y || !strncmp(x + n, y + n, 3);
}

/* A past participle with no auxiliary, conjunction or comma of its own right after a noun
 * qualifies that noun ("la BMW M2 CS présentée le mois dernier par le constructeur", "les lots
 * présentés lors de cette vente"): the greedy parser, which has already closed the noun
 * phrase, often joins it to the main verb as a conjunct instead. It becomes an acl of the
 * nearest noun before it that agrees with it. */
static void mend_participle_conjuncts(const dp_parser *p, dp_syntax_work *w)
{
    int conj = relation_named(p, "conj"), acl = relation_named(p, "acl");
    if (conj < 0 || acl < 0)
        return;
    size_t n = w->n_words;
    for (size_t i = 2; i <= n; i++) {
        const dp_word *pw = &w->words[i - 1];
        if (w->rels[i] != conj || pw->upos != DP_VERB || w->parse_in[i].morph != DP_MORPH_PARTICIPLE_PAST)
            continue;
        int own = 0;
        for (size_t j = 1; j <= n && !own; j++)
            own = w->heads[j] == i && (w->parse_in[j].upos == DP_CCONJ || w->parse_in[j].upos == DP_PUNCT ||
                                       w->parse_in[j].upos == DP_AUX ||
                                       !strncmp(p->relation_names[w->rels[j]], "nsubj", 5));
        if (own)
            continue;
        /* the noun phrase just before: its last word, then the words it hangs on */
        size_t noun = 0;
        for (size_t k = i - 1; k && k < i && !noun; k = w->heads[k]) {
            int up = w->parse_in[k].upos;
            if (up != DP_NOUN && up != DP_PROPN && up != DP_NUM && up != DP_X && up != DP_ADJ)
                break;
            if ((up == DP_NOUN || up == DP_PROPN) && agree_on(w->words[k - 1].feats, pw->feats, "Gender=") &&
                agree_on(w->words[k - 1].feats, pw->feats, "Number="))
                noun = k;
        }
        /* a name's head, not its last word ("la Toyota GR Supra présentée") */
        while (noun && w->heads[noun] && !strncmp(p->relation_names[w->rels[noun]], "flat", 4))
            noun = w->heads[noun];
        if (!noun || noun == w->heads[i])
            continue;
        w->heads[i] = (uint16_t)noun;
        w->rels[i] = (uint8_t)acl;
    }
}

/* A name or a noun made the root with the finite verb after it as its relative clause (or a
 * cleft's), though no relative pronoun opens that clause ("Retiré de la vie politique, Paul Roux, 63 ans, a
 * rejoint Fictiva"): the verb is the root, the noun its subject. */
static void mend_relative_without_pronoun(const dp_parser *p, dp_syntax_work *w)
{
    int relcl = relation_named(p, "acl:relcl"), cleft = relation_named(p, "advcl:cleft"),
        nsubj = relation_named(p, "nsubj"),
        nsubj_pass = relation_named(p, "nsubj:pass");
    if (relcl < 0 || nsubj < 0 || nsubj_pass < 0)
        return;
    size_t n = w->n_words, root = root_word(w), verb = 0;
    if (!root || (w->parse_in[root].upos != DP_PROPN && w->parse_in[root].upos != DP_NOUN))
        return;
    if (has_dependent(w, root, relation_named(p, "cop"), NULL))
        return; /* a predicate noun: "X est la première élection, quoique ..." */
    for (size_t j = root + 1; j <= n && !verb; j++)
        if (w->heads[j] == root && (w->rels[j] == relcl || w->rels[j] == cleft) &&
            finite_verb(w, j))
            verb = j;
    if (!verb)
        return;
    /* a relative pronoun the parser hung elsewhere ("X, nouvelle patronne, qui elle-même a été
     * remplacée"), or a heading's colon ("Transports : X et Y annoncent leur fusion") */
    for (size_t j = root + 1; j < verb; j++) {
        const char *lemma = w->words[j - 1].lemma;
        if ((w->parse_in[j].upos == DP_PRON && (!strcmp(lemma, "qui") || !strcmp(lemma, "que") ||
                                                !strcmp(lemma, "dont") || !strcmp(lemma, "où") ||
                                                !strcmp(lemma, "lequel"))) ||
            (w->parse_in[j].upos == DP_PUNCT && !strcmp(lemma, ":")))
            return;
    }
    int passive;
    if (!without_subject(p, w, verb, &passive))
        return; /* a subject, a relative pronoun or a conjunction of its own */
    for (size_t j = verb + 1; j <= n; j++)
        if (w->heads[j] == root)
            w->heads[j] = (uint16_t)verb;
    w->heads[verb] = 0;
    w->rels[verb] = w->rels[root];
    w->heads[root] = (uint16_t)verb;
    w->rels[root] = (uint8_t)(passive ? nsubj_pass : nsubj);
}

/* Makes verb the root in place of root: the words root held outside subject..keep_last (what
 * opens or closes the sentence) go to the verb, the subject becomes the verb's (nsubj:pass when
 * the verb is passive), and root hangs on the subject by root_rel. */
static void hand_root_to(const dp_parser *p, dp_syntax_work *w, size_t root, size_t verb, size_t subject,
                         size_t keep_last, int root_rel)
{
    int nsubj = relation_named(p, "nsubj"), nsubj_pass = relation_named(p, "nsubj:pass"),
        aux_pass = relation_named(p, "aux:pass");
    int passive = 0;
    for (size_t j = 1; j <= w->n_words; j++)
        passive |= aux_pass >= 0 && w->heads[j] == verb && w->rels[j] == aux_pass;
    for (size_t j = 1; j <= w->n_words; j++)
        if (w->heads[j] == root && (j < subject || j > keep_last) && j != verb)
            w->heads[j] = (uint16_t)verb;
    w->heads[verb] = 0;
    w->rels[verb] = w->rels[root];
    w->heads[subject] = (uint16_t)verb;
    w->rels[subject] = (uint8_t)(passive ? nsubj_pass : nsubj);
    w->heads[root] = (uint16_t)subject;
    w->rels[root] = (uint8_t)root_rel;
}

/* A past participle with no auxiliary right after its subject's noun phrase, and a finite verb
 * after it that has no subject ("la Porsche Taycan lancée en 2019, a été livrée", "le concept
 * X présenté cette année disposait de ..."): the participle qualifies the noun, and the finite
 * verb is the main one. The greedy parser, which took the participle for the main verb and the
 * noun for its subject, hangs the finite verb on it (a conjunct, an xcomp). The finite verb becomes the
 * root, the noun its subject, the participle an acl of the noun. */
static void mend_participle_root(const dp_parser *p, dp_syntax_work *w)
{
    int conj = relation_named(p, "conj"), acl = relation_named(p, "acl"), nsubj = relation_named(p, "nsubj"),
        nsubj_pass = relation_named(p, "nsubj:pass"),
        xcomp = relation_named(p, "xcomp"), /* a finite verb is never an xcomp */
        advcl = relation_named(p, "advcl");
    if (conj < 0 || acl < 0 || nsubj < 0 || nsubj_pass < 0)
        return;
    size_t n = w->n_words, root = root_word(w), subject = 0, main = 0;
    if (!root || w->parse_in[root].upos != DP_VERB || w->parse_in[root].morph != DP_MORPH_PARTICIPLE_PAST)
        return;
    for (size_t j = 1; j <= n; j++) {
        if (w->heads[j] != root)
            continue;
        if (w->parse_in[j].upos == DP_AUX || w->parse_in[j].upos == DP_CCONJ ||
            (j > root && (w->rels[j] == nsubj || w->rels[j] == nsubj_pass)))
            return; /* a clause of its own */
        if (j < root && w->rels[j] == nsubj && !subject &&
            (w->parse_in[j].upos == DP_NOUN || w->parse_in[j].upos == DP_PROPN))
            subject = j;
        /* (or an adverbial clause no subordinator opens: "X, ex-LR passée à LREM, a
         * abandonné son étiquette") */
        if (j > root && (w->rels[j] == conj || w->rels[j] == xcomp || (w->rels[j] == advcl && !has_mark(w, j))) &&
            !main && finite_verb(w, j))
            main = j;
    }
    if (!subject || !main ||
        !agree_on(w->words[subject - 1].feats, w->words[root - 1].feats, "Gender=") ||
        !agree_on(w->words[subject - 1].feats, w->words[root - 1].feats, "Number="))
        return;
    /* the participle follows the subject's phrase: every word between hangs on the subject */
    for (size_t j = subject + 1; j < root; j++) {
        size_t up = w->heads[j];
        for (int depth = 0; up && up != subject && depth < 4; depth++)
            up = w->heads[up];
        if (up != subject)
            return;
    }
    for (size_t j = 1; j <= n; j++) {
        if (w->heads[j] == main && (w->rels[j] == nsubj || w->rels[j] == nsubj_pass ||
                                    w->parse_in[j].upos == DP_CCONJ))
            return; /* a coordinated clause with its own subject or conjunction */
    }
    hand_root_to(p, w, root, main, subject, main, acl);
}

/* A relative clause the greedy parser made the root, the main verb after it hung below
 * ("Christine Lagarde, qui vient d'être nommée à la tête de la BCE, a été condamnée": root
 * "vient"). When a finite verb without a subject follows the relative clause's closing comma,
 * it is the root, the noun before "qui" its subject and the relative clause that noun's. */
static void mend_relative_root(const dp_parser *p, dp_syntax_work *w)
{
    int relcl = relation_named(p, "acl:relcl"), nsubj = relation_named(p, "nsubj"),
        nsubj_pass = relation_named(p, "nsubj:pass"), punct = relation_named(p, "punct");
    if (relcl < 0 || nsubj < 0 || nsubj_pass < 0 || punct < 0)
        return;
    size_t n = w->n_words, root = root_word(w), qui = 0;
    if (!root || !finite_verb(w, root))
        return;
    for (size_t j = 2; j < root && !qui; j++)
        if (w->heads[j] == root && w->rels[j] == nsubj && w->parse_in[j].upos == DP_PRON &&
            !strcmp(w->words[j - 1].lemma, "qui"))
            qui = j;
    if (!qui || w->parse_in[qui - 1].upos != DP_PUNCT || qui < 3)
        return;
    /* the noun phrase that ends before the comma: its top word, to the left */
    size_t noun = qui - 2;
    if (w->parse_in[noun].upos != DP_NOUN && w->parse_in[noun].upos != DP_PROPN)
        return;
    while (w->heads[noun] && w->heads[noun] < noun && w->parse_in[w->heads[noun]].upos != DP_VERB &&
           w->parse_in[w->heads[noun]].upos != DP_PUNCT)
        noun = w->heads[noun];
    /* the main verb: finite, with no subject, after a comma that follows the root */
    size_t main = 0, comma = 0;
    for (size_t j = root + 1; j <= n && !main; j++) {
        if (w->parse_in[j].upos == DP_PUNCT && !strcmp(w->words[j - 1].lemma, ","))
            comma = j;
        if (!comma || !finite_verb(w, j))
            continue;
        int passive;
        if (!without_subject(p, w, j, &passive))
            return; /* a clause of its own: "qui ..., et il a ..." */
        main = j;
    }
    if (!main)
        return;
    /* what opens the sentence, and what follows the clause, go to the main verb */
    hand_root_to(p, w, root, main, noun, comma, relcl);
}

/* A subject after an opening complement and its comma that the parser hung on the complement
 * ("A Lyon, la maire du 3e arrondissement Julie Dupont a quitté LR": "maire" an apposition of
 * "Lyon", "Même du fond de l'enfer, X reste ..."), leaving the finite root without a subject:
 * the noun that opens the clause after the comma, with no preposition of its own, is the
 * root's subject. */
static void mend_subject_after_opening(const dp_parser *p, dp_syntax_work *w)
{
    int nsubj = relation_named(p, "nsubj"), nsubj_pass = relation_named(p, "nsubj:pass"),
        appos = relation_named(p, "appos"), obl = relation_named(p, "obl:mod"),
        obl_arg = relation_named(p, "obl:arg");
    if (nsubj < 0 || nsubj_pass < 0 || appos < 0)
        return;
    size_t root = root_word(w), comma = 0;
    int passive;
    if (!root || !finite_verb(w, root) || !without_subject(p, w, root, &passive))
        return;
    for (size_t j = root; j-- > 1 && !comma;)
        if (w->parse_in[j].upos == DP_PUNCT && !strcmp(w->words[j - 1].lemma, ","))
            comma = j;
    if (!comma || comma + 1 >= root)
        return;
    /* the clause opens with the noun's phrase: its article and adjectives, then the noun */
    size_t opening = comma + 1;
    while (opening < root && w->heads[opening] > opening &&
           (w->parse_in[opening].upos == DP_DET || w->parse_in[opening].upos == DP_ADJ))
        opening++;
    if ((w->parse_in[opening].upos != DP_NOUN && w->parse_in[opening].upos != DP_PROPN) ||
        w->rels[opening] != appos || !w->heads[opening] || w->heads[opening] >= comma)
        return;
    /* hung on a complement the root took before the comma */
    size_t complement = w->heads[opening];
    if (w->heads[complement] != root || (w->rels[complement] != obl && w->rels[complement] != obl_arg))
        return;
    /* every word between the noun and the verb is the noun's phrase or the verb's own */
    for (size_t j = opening + 1; j < root; j++) {
        size_t up = j;
        for (int depth = 0; up && up != opening && up != root && depth < 8; depth++)
            up = w->heads[up];
        if (up != opening && up != root)
            return;
    }
    w->heads[opening] = (uint16_t)root;
    w->rels[opening] = (uint8_t)(passive ? nsubj_pass : nsubj);
}

/* Whether lemma names a day of the week. */
static int is_weekday(const char *lemma)
{
    static const char *const days[] = {"lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche"};
    for (size_t k = 0; k < DP_ARRAY_LEN(days); k++)
        if (!strcmp(lemma, days[k]))
            return 1;
    return 0;
}

/* A day the parser took for the head of the complement that follows it: "l'annonce mardi de
 * 3 000 suppressions d'emplois", "la présentation jeudi du plan" tell the announcement of the
 * cuts, on Tuesday. The complement hangs on the noun before the day. */
static void mend_day_complement(const dp_parser *p, dp_syntax_work *w)
{
    int nmod = relation_named(p, "nmod"), case_rel = relation_named(p, "case");
    if (nmod < 0 || case_rel < 0)
        return;
    for (size_t d = 2; d <= w->n_words; d++) {
        size_t h = w->heads[d];
        if (h != d - 1 || w->rels[d] != nmod || w->parse_in[h].upos != DP_NOUN || w->parse_in[d].upos != DP_NOUN)
            continue;
        int day = is_weekday(w->words[d - 1].lemma);
        for (size_t j = d + 1; day && j <= w->n_words; j++) {
            if (w->heads[j] == d && w->rels[j] == case_rel)
                break; /* "la réunion de mardi": the day is the complement */
            if (w->heads[j] != d || w->rels[j] != nmod)
                continue;
            int of = 0;
            for (size_t c = d + 1; c < j; c++)
                of |= w->heads[c] == j && w->rels[c] == case_rel && !strcmp(w->words[c - 1].lemma, "de");
            if (of)
                w->heads[j] = (uint16_t)h;
        }
    }
}

/* A pronoun in apposition the greedy parser made the root ("Fictivia, une des start-up du
 * secteur, a signé un accord": root "une", the name its subject, the verb below it): when a
 * finite verb without a subject of its own hangs on the pronoun after the apposition's closing
 * comma, it is the root, the name before the pronoun its subject and the pronoun the name's
 * apposition. */
static void mend_pronoun_root(const dp_parser *p, dp_syntax_work *w)
{
    int appos = relation_named(p, "appos"), nsubj = relation_named(p, "nsubj"),
        nsubj_pass = relation_named(p, "nsubj:pass");
    if (appos < 0 || nsubj < 0 || nsubj_pass < 0)
        return;
    size_t n = w->n_words, root = root_word(w), subject = 0, verb = 0, comma = 0;
    /* the pronoun opens the apposition: ", une des", ", l'un des" */
    if (!root || root < 3 || w->parse_in[root].upos != DP_PRON || strcmp(w->words[root - 1].lemma, "un"))
        return;
    int opens = !strcmp(w->words[root - 2].lemma, ",") ||
                (root >= 4 && !strcmp(w->words[root - 3].lemma, ",") && w->parse_in[root - 1].upos == DP_DET);
    if (!opens)
        return;
    for (size_t j = 1; j <= n; j++) {
        if (w->heads[j] != root)
            continue;
        if (j < root && w->rels[j] == nsubj && !subject &&
            (w->parse_in[j].upos == DP_NOUN || w->parse_in[j].upos == DP_PROPN))
            subject = j;
        if (j > root && !comma && !strcmp(w->words[j - 1].lemma, ","))
            comma = j;
        if (j > root && comma && j > comma && !verb && finite_verb(w, j))
            verb = j;
    }
    if (!subject || !verb)
        return;
    for (size_t j = 1; j <= n; j++)
        if (w->heads[j] == verb && (w->rels[j] == nsubj || w->rels[j] == nsubj_pass))
            return; /* a clause of its own */
    hand_root_to(p, w, root, verb, subject, comma - 1, appos);
}

/* A verb with the clitic "se" takes "être" as its tense auxiliary, never as a passive one
 * ("Porsche et Apple se sont mis d'accord", "elle s'est retirée": the treebanks annotate no
 * passive there). The parser, which learnt "sont mis" as a passive, may label the auxiliary
 * aux:pass, the subject nsubj:pass, and "se" a subject too; they become aux:tense, nsubj and
 * expl:pv (a pronominal verb's clitic). */
static void mend_reflexive_passive(const dp_parser *p, dp_syntax_work *w)
{
    int aux_pass = relation_named(p, "aux:pass"), aux_tense = relation_named(p, "aux:tense"),
        nsubj = relation_named(p, "nsubj"), nsubj_pass = relation_named(p, "nsubj:pass"),
        expl_pv = relation_named(p, "expl:pv");
    if (aux_pass < 0 || aux_tense < 0 || nsubj < 0 || nsubj_pass < 0 || expl_pv < 0)
        return;
    size_t n = w->n_words;
    for (size_t clitic = 1; clitic <= n; clitic++) {
        size_t verb = w->heads[clitic], auxiliary = 0;
        /* (not "si" elided: "s'il est désigné") */
        if (!verb || w->parse_in[clitic].upos != DP_PRON || strcmp(w->words[clitic - 1].lemma, "se") ||
            (clitic < n && !strcmp(w->words[clitic].lemma, "il")))
            continue;
        for (size_t j = clitic + 1; j <= n && !auxiliary; j++)
            if (w->heads[j] == verb && w->rels[j] == aux_pass && !strcmp(w->words[j - 1].lemma, "être"))
                auxiliary = j;
        if (!auxiliary)
            continue;
        w->rels[auxiliary] = (uint8_t)aux_tense;
        for (size_t j = 1; j <= n; j++)
            if (w->heads[j] == verb && w->rels[j] == nsubj_pass)
                w->rels[j] = (uint8_t)(j == clitic ? expl_pv : nsubj);
        if (w->rels[clitic] == nsubj)
            w->rels[clitic] = (uint8_t)expl_pv;
    }
}

/* "comme l'a annoncé Renault", "comme le rapporte Le Monde": after "comme" and the clitic
 * object that stands for what is said, the noun after the verb is its subject, set after it
 * (as the treebanks annotate it); the greedy parser, which saw no subject before the verb,
 * takes the noun for a second object. */
static void mend_subject_after_comme(const dp_parser *p, dp_syntax_work *w)
{
    int obj = relation_named(p, "obj"), nsubj = relation_named(p, "nsubj"), mark = relation_named(p, "mark"),
        nsubj_pass = relation_named(p, "nsubj:pass");
    if (obj < 0 || nsubj < 0 || mark < 0 || nsubj_pass < 0)
        return;
    size_t n = w->n_words;
    for (size_t comme = 1; comme <= n; comme++) {
        size_t verb = w->heads[comme], clitic = 0, noun = 0, subject = 0;
        if (!verb || verb < comme || w->rels[comme] != mark || strcmp(w->words[comme - 1].lemma, "comme") ||
            w->parse_in[verb].upos != DP_VERB)
            continue;
        for (size_t j = 1; j <= n; j++) {
            if (w->heads[j] != verb)
                continue;
            if (w->rels[j] == nsubj || w->rels[j] == nsubj_pass)
                subject = j;
            else if (j > comme && j < verb && w->rels[j] == obj && w->parse_in[j].upos == DP_PRON &&
                     !strcmp(w->words[j - 1].lemma, "le"))
                clitic = j;
            else if (j > verb && w->rels[j] == obj && !noun &&
                     (w->parse_in[j].upos == DP_NOUN || w->parse_in[j].upos == DP_PROPN))
                noun = j;
        }
        if (clitic && noun && !subject)
            w->rels[noun] = (uint8_t)nsubj;
    }
}

/* Coordination joins like with like: a finite verb the parser made the conjunct of an
 * infinitive ("elle cherche à se diversifier et avait annoncé un accord": "annoncé" joined to
 * "diversifier") is the conjunct of the finite verb above that infinitive ("cherche"). */
static void mend_finite_conjunct(const dp_parser *p, dp_syntax_work *w)
{
    int conj = relation_named(p, "conj");
    if (conj < 0)
        return;
    size_t n = w->n_words;
    for (size_t j = 1; j <= n; j++) {
        size_t h = w->heads[j];
        if (w->rels[j] != conj || !h || w->parse_in[h].upos != DP_VERB ||
            w->parse_in[h].morph != DP_MORPH_INFINITIVE || !finite_verb(w, j))
            continue;
        size_t up = w->heads[h];
        for (int depth = 0; up && depth < 3 && !finite_verb(w, up); depth++)
            up = w->heads[up];
        if (up && finite_verb(w, up) && up < j)
            w->heads[j] = (uint16_t)up;
    }
}

/* An object the greedy parser hung on the complement before it ("a présenté à Monterey la
 * Huracán Evo": "Huracán" an nmod of "Monterey", with no preposition, or its conjunct with no
 * conjunction): a noun with a
 * determiner and no preposition that completes a verb's complement is the verb's object when
 * the verb has none before it; a noun phrase after a comma the parser then took for the object
 * ("..., une édition spéciale") is the object's apposition. */
static void mend_object_after_complement(const dp_parser *p, const dp_token *toks,
                                         dp_syntax_work *w)
{
    int nmod = relation_named(p, "nmod"), obj = relation_named(p, "obj"), det = relation_named(p, "det"),
        case_rel = relation_named(p, "case"), appos = relation_named(p, "appos"),
        punct = relation_named(p, "punct"), amod = relation_named(p, "amod"), conj = relation_named(p, "conj"),
        cc = relation_named(p, "cc");
    if (nmod < 0 || obj < 0 || det < 0 || case_rel < 0 || appos < 0 || punct < 0 || amod < 0 || conj < 0 || cc < 0)
        return;
    size_t n = w->n_words;
    for (size_t j = 2; j <= n; j++) {
        size_t h = w->heads[j];
        if ((w->rels[j] != nmod && w->rels[j] != conj) || !h || h + 1 >= j ||
            (w->parse_in[j].upos != DP_NOUN && w->parse_in[j].upos != DP_PROPN) ||
            !w->heads[h] || w->parse_in[w->heads[h]].upos != DP_VERB ||
            strncmp(p->relation_names[w->rels[h]], "obl", 3))
            continue;
        size_t verb = w->heads[h], own_det = 0, later_obj = 0;
        int joined = 0, earlier_obj = 0, between = 1;
        /* the noun's phrase follows the complement: its article, and adjectives ("la nouvelle Clio") */
        for (size_t k = h + 1; k < j; k++)
            between &= w->heads[k] == j && (w->rels[k] == det || w->rels[k] == amod);
        if (!between)
            continue;
        for (size_t k = 1; k <= n; k++) {
            /* a preposition joins a complement; "et" or a comma a conjunct */
            if (w->heads[k] == j && (w->rels[k] == case_rel || w->rels[k] == cc || w->rels[k] == punct))
                joined = 1;
            if (w->heads[k] == j && w->rels[k] == det && k == h + 1)
                own_det = k;
            if (w->heads[k] == verb && w->rels[k] == obj && k < j)
                earlier_obj = 1;
            else if (w->heads[k] == verb && w->rels[k] == obj && !later_obj)
                later_obj = k;
        }
        /* (a capitalised article is a name's: "Jean-Marie Le Pen") */
        if (joined || !own_det || earlier_obj || (toks[w->words[own_det - 1].token].flags & DP_TF_CAPITALIZED))
            continue;
        if (later_obj) {
            int comma = 0;
            for (size_t k = j + 1; k < later_obj; k++)
                comma |= w->heads[k] == later_obj && w->rels[k] == punct;
            if (!comma)
                continue;
            w->heads[later_obj] = (uint16_t)j;
            w->rels[later_obj] = (uint8_t)appos;
        }
        w->heads[j] = (uint16_t)verb;
        w->rels[j] = (uint8_t)obj;
    }
}

/* A day told right after a verb that the parser took for the head of the complement after it:
 * "X a démissionné vendredi de la tête du parti", "X a été nommé mardi à la tête de Y" tell
 * where X left or went, on that day. The day modifies the verb and the complement is the
 * verb's. */
static void mend_day_after_verb(const dp_parser *p, dp_syntax_work *w)
{
    int nmod = relation_named(p, "nmod"), case_rel = relation_named(p, "case"),
        obl_mod = relation_named(p, "obl:mod"), obl_arg = relation_named(p, "obl:arg");
    if (nmod < 0 || case_rel < 0 || obl_mod < 0 || obl_arg < 0)
        return;
    for (size_t d = 2; d <= w->n_words; d++) {
        size_t h = w->heads[d];
        if (h != d - 1 || w->parse_in[h].upos != DP_VERB || w->parse_in[d].upos != DP_NOUN ||
            !is_weekday(w->words[d - 1].lemma))
            continue;
        /* "lundi 3 mars", "le mardi de Pâques": the day's own words come first */
        int moved = 0;
        for (size_t j = d + 1; j <= w->n_words; j++) {
            if (w->heads[j] != d || w->rels[j] != nmod)
                continue;
            if (!(j > d + 1 && w->heads[d + 1] == j && w->rels[d + 1] == case_rel))
                break;
            w->heads[j] = (uint16_t)h;
            w->rels[j] = (uint8_t)obl_arg;
            moved = 1;
        }
        if (moved)
            w->rels[d] = (uint8_t)obl_mod;
    }
}

/* "entre A et B" coordinates inside the phrase "entre" opens: the second conjunct the parser
 * hung on the word that "entre A" completes ("une alliance entre Les Républicains et le
 * Rassemblement national": "Rassemblement" joined to "alliance") is A's. */
static void mend_between_conjuncts(const dp_parser *p, dp_syntax_work *w)
{
    int conj = relation_named(p, "conj"), cc = relation_named(p, "cc"), case_rel = relation_named(p, "case");
    if (conj < 0 || cc < 0 || case_rel < 0)
        return;
    for (size_t j = 2; j <= w->n_words; j++) {
        size_t h = w->heads[j];
        if (w->rels[j] != conj || !h || h >= j || !has_dependent(w, j, cc, "et") ||
            has_dependent(w, j, case_rel, "entre"))
            continue;
        for (size_t a = h + 1; a < j; a++)
            if (w->heads[a] == h && has_dependent(w, a, case_rel, "entre") && !has_dependent(w, a, conj, NULL)) {
                w->heads[j] = (uint16_t)a;
                break;
            }
    }
}

/* A relative clause after a comma that the parser coordinated with the verb before ("X
 * animait la matinale sur RMC, qu'il avait rejoint en 2001": "rejoint" joined to "animait"):
 * a verb whose object is the relative "que" right after the comma completes the noun before
 * the comma. */
static void mend_relative_after_comma(const dp_parser *p, dp_syntax_work *w)
{
    int conj = relation_named(p, "conj"), obj = relation_named(p, "obj"), relcl = relation_named(p, "acl:relcl");
    if (conj < 0 || obj < 0 || relcl < 0)
        return;
    for (size_t que = 3; que <= w->n_words; que++) {
        size_t j = w->heads[que];
        if (w->rels[que] != obj || w->parse_in[que].upos != DP_PRON || strcmp(w->words[que - 1].lemma, "que") ||
            j <= que || w->rels[j] != conj || w->parse_in[j].upos != DP_VERB ||
            strcmp(w->words[que - 2].lemma, ",") ||
            (w->parse_in[que - 2].upos != DP_NOUN && w->parse_in[que - 2].upos != DP_PROPN))
            continue;
        size_t noun = que - 2;
        while (noun > 1 && w->parse_in[noun].upos == DP_PROPN && w->heads[noun] == noun - 1 &&
               w->parse_in[noun - 1].upos == DP_PROPN)
            noun--; /* a name's first word: "sur Radio Classique, qu'il..." */
        w->heads[j] = (uint16_t)noun;
        w->rels[j] = (uint8_t)relcl;
    }
}

/* Whether word j, a conjunct, follows a comma and is the only conjunct of its head, with no
 * conjunction: two names side by side, not the items of a list ("Renault, Nissan et
 * Mitsubishi"). */
static int lone_conjunct_after_comma(const dp_syntax_work *w, size_t j, int conj)
{
    if (j < 2 || strcmp(w->words[j - 2].lemma, ","))
        return 0;
    for (size_t k = 1; k <= w->n_words; k++)
        if ((w->heads[k] == w->heads[j] && w->rels[k] == conj && k != j) ||
            (w->heads[k] == j && w->parse_in[k].upos == DP_CCONJ))
            return 0;
    return 1;
}

/* A name the parser ran on into the name before it ("le président du directoire de PSA Carlos
 * Tavares": "Carlos" and "Tavares" hung on "PSA" as words of its name, or as its apposition:
 * "le président de l'Assemblée nationale François de Rugy"; "la députée MoDem Claire
 * Dubois": on the party set beside the title; or its conjunct with no conjunction: "le patron
 * du Groupe Renault, Thierry Bolloré, a été nommé"), as the names known say (names: an enum
 * dp_name_mark a token): the name is its own, the apposition of the title whose complements
 * end with the other name ("président"; not "l'élection du LR Thierry Solère", where no title
 * holds it, nor a list: "les patrons de Renault, Nissan et Mitsubishi"). */
static void mend_run_on_name(const dp_parser *p, const dp_token *toks, const uint8_t *names, dp_syntax_work *w)
{
    int flat_name = relation_named(p, "flat:name"), flat = relation_named(p, "flat"),
        nmod = relation_named(p, "nmod"), appos = relation_named(p, "appos"), conj = relation_named(p, "conj");
    if (flat_name < 0 || nmod < 0 || appos < 0)
        return;
    for (size_t j = 2; j <= w->n_words; j++) {
        size_t h = w->heads[j];
        /* (the other name may hold common words: "de l'Assemblée nationale François de Rugy") */
        if (names[w->words[j - 1].token] != DP_NAME_OPENING || !h || h >= j ||
            (w->rels[j] != flat_name && w->rels[j] != flat && w->rels[j] != appos &&
             !(w->rels[j] == conj && lone_conjunct_after_comma(w, j, conj))) ||
            (!names[w->words[h - 1].token] && !(toks[w->words[h - 1].token].flags & DP_TF_CAPITALIZED)))
            continue;
        /* the noun the other name completes, through its complements */
        size_t noun = h;
        for (int depth = 0; depth < 8 && w->heads[noun] && names[w->words[noun - 1].token] != DP_NAME_TITLE &&
                            (w->rels[noun] == flat_name || w->rels[noun] == flat || w->rels[noun] == nmod ||
                             w->rels[noun] == appos);
             depth++)
            noun = w->heads[noun];
        if (noun == h || w->parse_in[noun].upos != DP_NOUN || noun > h ||
            names[w->words[noun - 1].token] != DP_NAME_TITLE)
            continue;
        for (size_t k = j + 1; k <= w->n_words && names[w->words[k - 1].token] == DP_NAME_WORD; k++)
            if (w->heads[k] == h)
                w->heads[k] = (uint16_t)j;
        w->heads[j] = (uint16_t)noun;
        w->rels[j] = (uint8_t)appos;
    }
}

/* A title the parser took for a word of the name before it ("a nommé Claire Dubois directrice
 * générale": "directrice" hung on "Claire" as flat:name), as the names known say: the title is
 * the name's apposition, the post set beside the person. */
static void mend_title_in_name(const dp_parser *p, const uint8_t *names, dp_syntax_work *w)
{
    int flat_name = relation_named(p, "flat:name"), flat = relation_named(p, "flat"),
        appos = relation_named(p, "appos");
    if (flat_name < 0 || appos < 0)
        return;
    for (size_t j = 2; j <= w->n_words; j++) {
        size_t h = w->heads[j];
        if (names[w->words[j - 1].token] == DP_NAME_TITLE && h && h < j &&
            (w->rels[j] == flat_name || w->rels[j] == flat) && w->parse_in[h].upos == DP_PROPN &&
            names[w->words[h - 1].token] && names[w->words[h - 1].token] != DP_NAME_TITLE)
            w->rels[j] = (uint8_t)appos;
    }
}

/* A form that is a preposition and a finite verb ("entre": between, enters), tagged a
 * preposition before a word no preposition of the kind governs: "au", "aux", "à", "dans", or
 * "en" before a word ("Eurazeo entre au capital d'Ipsos", "la loi entre en vigueur"; not
 * "entre en 2000 et 2005"). It is the verb. */
static void retag_verb_before_preposition(const dp_morpho *m, const char *text, const dp_token *toks,
                                          size_t n, uint8_t *tags)
{
    static const char *const after[] = {"au", "aux", "à", "dans", "en"};
    for (size_t i = 0; i + 2 < n; i++) {
        if (tags[i] != DP_ADP || toks[i + 1].kind != DP_TOK_WORD)
            continue;
        const char *next = text + toks[i + 1].start;
        size_t next_len = toks[i + 1].end - toks[i + 1].start, k = 0;
        while (k < DP_ARRAY_LEN(after) && !(strlen(after[k]) == next_len && !memcmp(next, after[k], next_len)))
            k++;
        if (k == DP_ARRAY_LEN(after) || (!strcmp(after[k], "en") && toks[i + 2].kind == DP_TOK_NUMBER))
            continue;
        dp_reading r[8];
        size_t nr = dp_morpho_readings(m, text + toks[i].start, toks[i].end - toks[i].start, r, 8);
        for (size_t j = 0; j < nr; j++)
            if (r[j].upos == DP_VERB && strstr(r[j].feats, "VerbForm=Fin")) {
                tags[i] = DP_VERB;
                break;
            }
    }
}

static int after_auxiliary(const uint8_t *tags, size_t i)
{
    for (size_t j = i; j-- > 0 && i - j <= 4;) {
        if (tags[j] == DP_AUX)
            return 1;
        if (tags[j] == DP_CCONJ) {
            while (j-- > 0)
                if (tags[j] == DP_VERB)
                    return after_auxiliary(tags, j);
            return 0;
        }
        if (tags[j] != DP_ADV && tags[j] != DP_PRON && tags[j] != DP_PUNCT)
            return 0;
    }
    return 0;
}

int dp_verb_place(const uint8_t *tags, size_t i, int upos, int before_par)
{
    return upos != DP_VERB ? -1 : before_par || after_auxiliary(tags, i);
}

void dp_syntax_analyse(const dp_syntax *syn, const char *text, const dp_token *toks, size_t n,
                       const uint8_t *names, dp_syntax_work *w)
{
    const dp_morpho *m = &syn->morpho;
    for (size_t i = 0; i < n; i++)
        dp_tag_token_words(m, text + toks[i].start, toks[i].end - toks[i].start, i == 0,
                           &w->tags_in[i]);
    for (size_t i = 0; i < n; i++)
        dp_tag_token_lexicon(m, text + toks[i].start, toks[i].end - toks[i].start, &w->tags_in[i]);
    dp_tagger_run(&syn->model.tagger, w->tags_in, n, w->first_pass, w->tags);
    retag_verb_before_preposition(m, text, toks, n, w->tags);
    for (size_t i = 0; names && i < n; i++)
        if (names[i] == DP_NAME_TITLE) {
            if (w->tags[i] == DP_PROPN || w->tags[i] == DP_X)
                w->tags[i] = DP_NOUN;
        } else if (names[i] && (toks[i].flags & (DP_TF_CAPITALIZED | DP_TF_ALLCAPS)) &&
            (w->tags[i] == DP_NOUN || w->tags[i] == DP_ADJ || w->tags[i] == DP_VERB || w->tags[i] == DP_AUX ||
             w->tags[i] == DP_X ||
             (names[i] == DP_NAME_ALONE && (w->tags[i] == DP_DET || w->tags[i] == DP_PRON || w->tags[i] == DP_ADV)) ||
             (names[i] == DP_NAME_OPENING && w->tags[i] == DP_ADP)))
            w->tags[i] = DP_PROPN;
    size_t k = 0;
    for (size_t i = 0; i < n; i++) {
        const char *form = text + toks[i].start;
        size_t len = toks[i].end - toks[i].start;
        const dp_contraction *c = NULL;
        if (w->tags[i] >= DP_UPOS_COUNT) {
            char lower[4 * DP_MORPHO_MAX_WORD + 4];
            size_t ll = dp_lowercase(form, len, lower, sizeof lower);
            if (ll != (size_t)-1)
                c = dp_morpho_contraction(m, lower, ll);
            if (!c) /* a contraction the data do not list: its first part of speech */
                w->tags[i] = DP_ADP;
        }
        for (int part = c ? 1 : 0; part <= (c ? 2 : 0); part++) {
            dp_word *wd = &w->words[k];
            dp_reading r;
            wd->token = (uint32_t)i;
            wd->part = (uint8_t)part;
            wd->form = part ? c->words[part - 1] : NULL;
            int upos = part == 1 ? DP_ADP
                       : part == 2 ? (w->tags[i] == DP_TAG_ADP_DET ? DP_DET : DP_PRON)
                                   : w->tags[i];
            const char *wf = part ? wd->form : form;
            size_t wl = part ? strlen(wd->form) : len;
            int before_par = i + 1 < n && dp_word_is(text + toks[i + 1].start, toks[i + 1].end - toks[i + 1].start, "par");
            dp_word_reading(m, wf, wl, upos, dp_verb_place(w->tags, i, upos, before_par), &r);
            wd->upos = r.upos;
            wd->feats = r.feats;
            memcpy(wd->lemma, r.lemma, sizeof wd->lemma);
            dp_parse_word_of(wf, wl, wd->lemma, wd->upos, wd->feats, &w->parse_in[k + 1]);
            k++;
        }
    }
    w->n_words = k;
    dp_parse_word_root(&w->parse_in[0]);
    dp_parse(&syn->model.parser, w->parse_in, k, w->state, w->heads, w->rels);
    mend_detached_opening(&syn->model.parser, text, toks, w);
    mend_relative_without_pronoun(&syn->model.parser, w);
    mend_participle_root(&syn->model.parser, w);
    mend_participle_conjuncts(&syn->model.parser, w);
    mend_relative_root(&syn->model.parser, w);
    mend_subject_after_opening(&syn->model.parser, w);
    mend_pronoun_root(&syn->model.parser, w);
    mend_reflexive_passive(&syn->model.parser, w);
    mend_subject_after_comme(&syn->model.parser, w);
    mend_finite_conjunct(&syn->model.parser, w);
    mend_day_complement(&syn->model.parser, w);
    mend_day_after_verb(&syn->model.parser, w);
    mend_object_after_complement(&syn->model.parser, toks, w);
    mend_between_conjuncts(&syn->model.parser, w);
    mend_relative_after_comma(&syn->model.parser, w);
    if (names) {
        mend_run_on_name(&syn->model.parser, toks, names, w);
        mend_title_in_name(&syn->model.parser, names, w);
    }
    for (size_t i = 0; i < k; i++) {
        w->words[i].head = w->heads[i + 1];
        w->words[i].rel = w->rels[i + 1];
    }
}
