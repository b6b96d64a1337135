/* The syntax stage: lexicon readings (tests/data/lexicon.cases), parses (syntax.cases), the
 * CoNLL-U output read back, user forms and their errors, and bad input. */
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "analyse.h"
#include "cases.h"
#include "conllu.h"
#include "data_file.h"
#include "engine.h"
#include "resource.h"

/* "FORM UPOS" -> "lemma feats" */
static void lexicon_case(const char *input, const char *expected, const char *where)
{
    const char *space = strrchr(input, ' ');
    if (!space) {
        CHECK_AT(0, where, 0, "expected FORM UPOS");
        return;
    }
    int upos = dp_tag_from_name(space + 1, strlen(space + 1));
    CHECK_AT(upos >= 0, where, 0, "unknown part of speech %s", space + 1);
    if (upos < 0)
        return;
    dp_reading r;
    dp_word_reading(&engine->syntax.morpho, input, (size_t)(space - input), upos, -1, &r);
    char got[256];
    snprintf(got, sizeof got, "%s %s", r.lemma, r.feats[0] ? r.feats : "_");
    CHECK_AT(!strcmp(got, expected), where, 0, "reading\n  got:      %s\n  expected: %s", got,
             expected);
}

typedef struct collected {
    char *conllu;   /* every sentence's CoNLL-U, concatenated */
    size_t sentences;
    char words[64][4][96]; /* the first sentence: form, relation, head form, features */
    char tokens[64][2][48]; /* form, joined parts of speech */
    size_t n_words, n_tokens;
    int roots_ok, heads_ok;
} collected;

static int collect(void *ctx, const depeche_sentence *s)
{
    collected *c = ctx;
    size_t roots = 0;
    for (size_t i = 0; i < s->n_words; i++) {
        roots += s->words[i].head == 0;
        c->heads_ok &= s->words[i].head <= s->n_words && s->words[i].head != i + 1;
        /* "root" names the root only, as UD's validator asks */
        c->roots_ok &= (s->words[i].head == 0) == !strcmp(s->words[i].deprel, "root");
    }
    c->roots_ok &= roots == 1;
    char *text = depeche_sentence_conllu(s, "doc");
    if (!text)
        return DEPECHE_ERR_NOMEM;
    size_t had = c->conllu ? strlen(c->conllu) : 0;
    char *grown = realloc(c->conllu, had + strlen(text) + 1);
    if (!grown) {
        free(text);
        return DEPECHE_ERR_NOMEM;
    }
    c->conllu = grown;
    strcpy(c->conllu + had, text);
    free(text);
    if (c->sentences++)
        return 0;
    for (size_t i = 0; i < s->n_words && i < 64; i++, c->n_words++) {
        const depeche_word *w = &s->words[i];
        snprintf(c->words[i][0], 96, "%s", w->form);
        snprintf(c->words[i][1], 96, "%s", w->deprel);
        snprintf(c->words[i][2], 96, "%s", w->head ? s->words[w->head - 1].form : "root");
        snprintf(c->words[i][3], 96, "%s", w->feats);
    }
    for (size_t i = 0; i < s->n_tokens && i < 64; i++, c->n_tokens++) {
        const depeche_token *t = &s->tokens[i];
        snprintf(c->tokens[i][0], 48, "%s", t->form);
        c->tokens[i][1][0] = '\0';
        for (size_t k = 0; k < t->n_words; k++) {
            size_t used = strlen(c->tokens[i][1]);
            snprintf(c->tokens[i][1] + used, 48 - used, "%s%s", k ? "+" : "",
                     s->words[t->first_word + k].upos);
        }
    }
    return 0;
}

static int parse_text(const depeche_engine *e, const char *text, collected *c)
{
    memset(c, 0, sizeof *c);
    c->roots_ok = c->heads_ok = 1;
    depeche_input in = {.id = "t", .text = text, .length = strlen(text)};
    depeche_error err;
    return depeche_parse(e, &in, collect, c, &err);
}

/* "DEP:REL>HEAD", "FORM/UPOS" and "FORM~FEATURE" items */
static void syntax_case(const char *input, const char *expected, const char *where)
{
    collected c;
    int rc = parse_text(engine, input, &c);
    CHECK_AT(rc == 0 && c.sentences == 1, where, 0, "parse failed or %zu sentences", c.sentences);
    CHECK_AT(c.roots_ok && c.heads_ok, where, 0, "not one tree");
    char *items = strdup(expected);
    for (char *save, *item = strtok_r(items, " ", &save); item; item = strtok_r(NULL, " ", &save)) {
        char *slash = strchr(item, '/'), *gt = strrchr(item, '>'), *tilde = strchr(item, '~');
        if (tilde) {
            *tilde = '\0';
            size_t i = 0;
            while (i < c.n_words && strcmp(c.words[i][0], item))
                i++;
            CHECK_AT(i < c.n_words && strstr(c.words[i][3], tilde + 1), where, 0, "%s has %s, expected %s", item,
                     i < c.n_words ? c.words[i][3] : "(missing)", tilde + 1);
            continue;
        }
        if (slash && !gt) {
            *slash = '\0';
            const char *got = NULL;
            for (size_t i = 0; i < c.n_tokens && !got; i++)
                if (!strcmp(c.tokens[i][0], item))
                    got = c.tokens[i][1];
            CHECK_AT(got && !strcmp(got, slash + 1), where, 0, "%s is %s, expected %s", item,
                     got ? got : "(missing)", slash + 1);
            continue;
        }
        char *colon = strchr(item, ':');
        if (!colon || !gt) {
            CHECK_AT(0, where, 0, "bad item %s", item);
            continue;
        }
        *colon = *gt = '\0';
        const char *rel = colon + 1, *head = gt + 1;
        size_t i = 0;
        while (i < c.n_words && strcmp(c.words[i][0], item))
            i++;
        CHECK_AT(i < c.n_words && !strcmp(c.words[i][1], rel) && !strcmp(c.words[i][2], head),
                 where, 0, "%s: expected %s of %s, got %s of %s", item, rel, head,
                 i < c.n_words ? c.words[i][1] : "-", i < c.n_words ? c.words[i][2] : "-");
    }
    free(items);
    free(c.conllu);
}

/* What depeche_sentence_conllu writes, a CoNLL-U reader reads back as the same sentences. */
static void conllu_round_trip(void)
{
    const char *text = "Le groupe a racheté au printemps la filiale du fonds.\n"
                       "Auquel des deux pensait-il ?\tIl ne l'a pas dit.";
    collected c;
    CHECK_INT(parse_text(engine, text, &c), 0);
    CHECK_INT(c.sentences, 3);
    CHECK(c.roots_ok && c.heads_ok);
    if (!c.conllu)
        return;
    size_t pos = 0, n = 0;
    unsigned long line = 0;
    dp_conllu_sentence s = {0};
    depeche_error err;
    int rc;
    while ((rc = dp_conllu_next(c.conllu, strlen(c.conllu), &pos, &line, "out", &s, &err)) == 1) {
        n++;
        CHECK_STR(s.doc_id, "doc");
        CHECK(s.text != NULL);
        for (size_t i = 0; i < s.n_words; i++)
            CHECK(s.words[i].head >= 0 && s.words[i].head <= (long)s.n_words);
        if (n == 1) {
            CHECK_INT(s.n_tokens, 11);
            CHECK_INT(s.n_words, 13); /* "au" and "du" are two words each */
            CHECK_STR(s.tokens[4].form, "au");
            CHECK_INT(s.tokens[4].last - s.tokens[4].first, 1);
            CHECK_STR(s.words[4].form, "à");
            CHECK_STR(s.words[5].form, "le");
            CHECK_STR(s.words[3].lemma, "racheter");
        }
    }
    CHECK_INT(rc, 0);
    CHECK_INT(n, 3);
    /* the text of the first sentence, and a token's span in the input */
    CHECK(strstr(c.conllu, "# text = Le groupe a racheté au printemps la filiale du fonds.\n"));
    CHECK(strstr(c.conllu, "\tTokenRange=3:9\n"));
    CHECK(strstr(c.conllu, "\tSpaceAfter=No|TokenRange=47:52\n") != NULL); /* "fonds." */
    dp_conllu_sentence_release(&s);
    free(c.conllu);
    /* a malformed line is reported with its place */
    const char *bad = "# text = x\n1\tx\tx\n";
    pos = line = 0;
    CHECK_INT(dp_conllu_next(bad, strlen(bad), &pos, &line, "bad.conllu", &s, &err),
              DEPECHE_ERR_DATA);
    CHECK_INT(err.line, 2);
    dp_conllu_sentence_release(&s);
}

static void user_forms(void)
{
    depeche_error err;
    depeche_engine *e = engine_with_patterns("# a word of the trade\n"
                                    "form zorgluber VERB zorgluber VerbForm=Inf\n"
                                    "form SaaS NOUN SaaS Gender=Masc|Number=Sing\n"
                                    "form SaaS PROPN SaaS\n",
                                    &err);
    CHECK(e != NULL);
    if (!e)
        return;
    dp_reading r[4];
    size_t n = dp_morpho_readings(&e->syntax.morpho, "zorgluber", 9, r, 4);
    CHECK_INT(n, 1);
    CHECK_STR(r[0].lemma, "zorgluber");
    CHECK_STR(r[0].feats, "VerbForm=Inf");
    /* a form given by the user loses Lefff's readings, keeps the user's, in order */
    n = dp_morpho_readings(&e->syntax.morpho, "SaaS", 4, r, 4);
    CHECK_INT(n, 2);
    CHECK_INT(r[0].upos, DP_NOUN);
    CHECK_INT(r[1].upos, DP_PROPN);
    CHECK_INT(dp_morpho_tags(&e->syntax.morpho, "SaaS", 4, dp_hash_bytes("SaaS", 4)),
              (1u << DP_NOUN) | (1u << DP_PROPN));
    depeche_engine_free(e);

    static const struct {
        const char *line, *message;
    } bad[] = {
        {"form rachat NOM rachat\n", "is not a Universal Dependencies part of speech"},
        {"form rachat\n", "expected: form FORM UPOS LEMMA [FEATS]"},
        {"form rachat NOUN rachat masculin\n", "features are Name=Value pairs"},
        {"contraction du de\n", "expected: contraction FORM WORD1 WORD2"},
    };
    for (size_t i = 0; i < DP_ARRAY_LEN(bad); i++) {
        CHECK(engine_with_patterns(bad[i].line, &err) == NULL);
        CHECK_INT(err.code, DEPECHE_ERR_DATA);
        CHECK_INT(err.line, 1);
        CHECK_AT(strstr(err.message, bad[i].message) != NULL, __FILE__, __LINE__,
                 "message '%s' lacks '%s'", err.message, bad[i].message);
    }
}

static int stop_after_one(void *ctx, const depeche_sentence *s)
{
    (void)s;
    ++*(size_t *)ctx;
    return 7;
}

static void bad_input(void)
{
    collected c;
    CHECK_INT(parse_text(engine, "", &c), 0);
    CHECK_INT(c.sentences, 0);
    free(c.conllu);
    /* binary data is refused as extraction refuses it */
    char png[64] = "\x89PNG\r\n\x1a\n";
    depeche_input in = {.id = "img", .text = png, .length = sizeof png};
    depeche_error err;
    CHECK_INT(depeche_parse(engine, &in, collect, &c, &err), DEPECHE_ERR_INPUT);
    /* invalid UTF-8 and NUL bytes are read, as by extraction */
    const char odd[] = "Le PDG \xff\xfe a d\xe9missionn\xe9.\0 Il part.";
    in = (depeche_input){.id = "odd", .text = odd, .length = sizeof odd - 1};
    memset(&c, 0, sizeof c);
    c.roots_ok = c.heads_ok = 1;
    CHECK_INT(depeche_parse(engine, &in, collect, &c, &err), 0);
    CHECK(c.sentences >= 1 && c.roots_ok && c.heads_ok);
    free(c.conllu);
    /* a line without any stop: bounded sentences, each one tree */
    size_t words = 20000;
    char *line = malloc(3 * words + 1);
    for (size_t i = 0; i < words; i++)
        memcpy(line + 3 * i, i % 7 ? "le " : "va ", 3);
    line[3 * words] = '\0';
    CHECK_INT(parse_text(engine, line, &c), 0);
    CHECK_INT(c.sentences, (words + DP_MAX_SENTENCE_TOKENS - 1) / DP_MAX_SENTENCE_TOKENS);
    CHECK(c.roots_ok && c.heads_ok);
    free(c.conllu);
    free(line);
    /* the callback stops the parse with its value; no callback is an error */
    in = (depeche_input){.id = "x", .text = "Un. Deux. Trois.", .length = 16};
    size_t seen = 0;
    CHECK_INT(depeche_parse(engine, &in, stop_after_one, &seen, &err), 7);
    CHECK_INT(seen, 1);
    CHECK_INT(depeche_parse(engine, &in, NULL, NULL, &err), DEPECHE_ERR_ARGUMENT);
}

int main(int argc, char **argv)
{
    if (argc < 3)
        return 1;
    if (cases_main(argc, argv, lexicon_case, 20))
        return check_report() | 1;
    CHECK(run_cases(argv[2], syntax_case) >= 10);
    /* the image compiled in passes the full check that start-up skips */
    dp_syntax_model m;
    depeche_error err;
    CHECK_INT(dp_syntax_model_open(&m, dp_syntax_image, (size_t)(dp_syntax_image_end - dp_syntax_image),
                                   1, "built-in", &err), 0);
    CHECK_INT(dp_syntax_model_open(&m, dp_syntax_image, 100, 1, "cut", &err), DEPECHE_ERR_DATA);
    conllu_round_trip();
    user_forms();
    bad_input();
    depeche_engine_free(engine);
    return check_report();
}
