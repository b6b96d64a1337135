/* The engine and the public API: data-file errors, the lexicon, records, documents. */
#include <stdlib.h>
#include <unistd.h>

#include "check.h"
#include "data_file.h"
#include "engine.h"
#include "lexicon.h"
#include "pattern.h"

static char tmpdir[] = "/tmp/depeche-test-XXXXXX";

static const char *write_file(const char *name, const char *content)
{
    static char path[256];
    snprintf(path, sizeof path, "%s/%s", tmpdir, name);
    FILE *f = fopen(path, "wb");
    fputs(content, f);
    fclose(f);
    return path;
}

/* Loads one pattern file; returns the formatted error, or "" when it loads. */
static const char *load_error(const char *content)
{
    return data_file_error(write_file("rules.txt", content), 0);
}

static int contains(const char *s, const char *part)
{
    if (!strstr(s, part)) {
        fprintf(stderr, "  '%s' lacks '%s'\n", s, part);
        return 0;
    }
    return 1;
}

/* Whether the engine built from the pattern files in tmpdir reads `text` (`length` bytes) with
 * `layout` among its --explain segments. */
static int segments_hold(const char *text, size_t length, const char *layout)
{
    const char *dir = tmpdir;
    depeche_engine_options o = {.pattern_paths = &dir, .n_pattern_paths = 1};
    depeche_error err;
    depeche_engine *e = depeche_engine_new(&o, &err);
    depeche_input in = {.id = "x", .text = text, .length = length};
    depeche_document *doc = e ? depeche_extract(e, &in, &err) : NULL;
    char *json = doc ? depeche_document_json(doc, DEPECHE_JSON_EXPLAIN) : NULL;
    int found = json && strstr(json, layout);
    free(json);
    depeche_document_free(doc);
    depeche_engine_free(e);
    return found;
}

int main(void)
{
    CHECK(mkdtemp(tmpdir) != NULL);

    /* ---- data files ---- */
    CHECK_STR(load_error("# comment\n\nabbreviation av.\nboilerplate ^pub$\n"), "");
    CHECK(contains(load_error("abbreviation av.\nfrobnicate x\n"), "rules.txt:2: unknown kind 'frobnicate'"));
    CHECK(contains(load_error("\n\nboilerplate ^(abc\n"), "rules.txt:3: missing closing parenthesis (offset 17)"));
    CHECK(contains(load_error("month 13 brumaire\n"), "rules.txt:1: expected 'month N names...'"));
    CHECK(contains(load_error("when 1 fortnight day le surlendemain\n"), "rules.txt:1: expected 'when SHIFT UNIT"));
    CHECK(contains(load_error("\nwhen 13-40 holiday day la Saint-Glinglin\n"), "rules.txt:2: expected 'when SHIFT UNIT"));
    CHECK(contains(load_error("when -2 day day\n"), "rules.txt:1: expected 'when SHIFT UNIT"));
    CHECK(contains(load_error("when 2 day day un deux trois quatre cinq six sept\n"), "rules.txt:1: a phrase is empty, longer than 6 words"));
    CHECK(!strcmp(load_error("when -2 day day l'avant-veille | deux jours avant\nnumber 3 trois\n"), ""));
    CHECK(contains(load_error("weekday 2\n"), "rules.txt:1: expected at least one name"));
    CHECK(contains(load_error("teasers\n"), "rules.txt:1: expected a pattern after 'teasers'"));
    CHECK(contains(load_error("title\n"), "rules.txt:1: expected at least one word"));
    CHECK(contains(load_error("class PP de du\n"), "rules.txt:1: expected 'class C WORDS...'"));
    CHECK(contains(load_error("planned product_launch frobnication\n"),
                   "rules.txt:1: 'frobnication' is not an event type"));
    CHECK(contains(load_error("announced\n"), "rules.txt:1: expected 'announced TYPES...'"));
    /* a word folds to one key: two classes for it is a mistake, not an override */
    CHECK(contains(load_error("cue K d\xC3\xA9" "gomm\xC3\xA9\n\ncue W degomme\n"),
                   "rules.txt:3: 'degomme' already has class K"));
    /* regression (found by fuzz_data): a pattern that is not UTF-8 is an error, not a crash */
    CHECK(contains(load_error("boilerplate ^Publi\x87\xff\n"), "rules.txt:1: UTF-8 error"));
    CHECK(contains(load_error("entity COMPANY C+\n"), "rules.txt:1: expected 'entity TYPE PATTERN'"));
    CHECK(contains(load_error("\nentity ORG (?<name>C+\n"), "rules.txt:2: missing closing parenthesis (offset 21)"));
    {
        const char *missing = "/nonexistent/rules.txt";
        depeche_engine_options o = {.pattern_paths = &missing, .n_pattern_paths = 1};
        depeche_error err;
        CHECK(depeche_engine_new(&o, &err) == NULL);
        CHECK_INT(err.code, DEPECHE_ERR_DATA);
        CHECK_STR(err.path, missing);
    }
    /* a user cue is applied, and a directory of files loads in name order */
    {
        write_file("a.txt", "boilerplate ^Ceci est une publicit\xC3\xA9 maison$\n");
        write_file("b.txt", "abbreviation spcl.\n");
        write_file("ignored.json", "not a pattern file\n");
        /* rules.txt from earlier is there too: make it valid */
        write_file("rules.txt", "# nothing\n");
        const char *text = "Titre de la page du jour\nCeci est une publicit\xC3\xA9 maison\nLe texte.\n";
        CHECK(segments_hold(text, strlen(text), "{\"kind\":\"boilerplate\",\"start\":25,\"end\":54}"));
    }

    /* a catastrophic pattern gives up at the match limit instead of hanging: the line is just
     * not matched (no timer here: the limit is what bounds the time) */
    {
        write_file("rules.txt", "boilerplate ^(a+)+$\n");
        write_file("a.txt", "# nothing\n");
        write_file("b.txt", "# nothing\n");
        char text[400];
        memcpy(text, "Un titre pour la page\n", 22);
        memset(text + 22, 'a', 300);
        memcpy(text + 322, "b\nLa suite.", 12);
        CHECK(segments_hold(text, 334, "{\"kind\":\"body\",\"start\":22,\"end\":323}"));
        write_file("rules.txt", "# nothing\n");
    }

    /* ---- regexes and rule sets ---- */
    {
        /* a rule set checks each rule alone without JIT (the joined regex is what matches): the
         * groups it numbers must be the joined regex's, and the interpreter keeps the limits */
        dp_regex *plain = dp_regex_compile("(?<who>P)(a+)+$", 15, DP_RE_NO_JIT, "r.txt", 4, NULL);
        CHECK(plain != NULL);
        CHECK_INT(dp_regex_captures(plain), 2);
        CHECK_INT(dp_regex_group(plain, "who"), 1);
        dp_match_data *md = dp_match_data_new();
        char text[64];
        memset(text, 'a', sizeof text);
        text[0] = 'P';
        text[63] = 'b';
        CHECK(!dp_regex_match(plain, text, sizeof text, 0, md));
        CHECK_INT(dp_match_limits_hit(md), 1);
        dp_regex_free(plain);
        /* a regex runs interpreted until it has been matched often, then JIT-compiled, with
         * the same results and limits */
        dp_regex *lazy = dp_regex_compile("(?<who>P)(a+)+$", 15, 0, "r.txt", 5, NULL);
        CHECK(lazy != NULL);
        CHECK(!dp_regex_uses_jit(lazy));
        for (int i = 0; i < 50; i++) {
            CHECK(!dp_regex_match(lazy, text, sizeof text, 0, md));
            CHECK(dp_regex_match(lazy, text, 5, 0, md));
        }
        CHECK_INT(dp_match_limits_hit(md), 51);
        CHECK_INT(dp_regex_uses_jit(lazy), dp_jit_available());
        dp_regex_free(lazy);
        depeche_error err;
        CHECK(dp_regex_compile("(P", 2, DP_RE_NO_JIT, "r.txt", 4, &err) == NULL);
        CHECK(contains(err.message, "missing closing parenthesis"));

        dp_rule_set set = {0};
        const char *names[] = {"who", "org"};
        uint32_t first[2], second[2];
        CHECK_INT(dp_rule_set_add(&set, "(?<who>P) quitte (?<org>O)", 26, 0, "r.txt", 1, names, 2, first, NULL), 0);
        CHECK_INT(dp_rule_set_add(&set, "(x)(?<org>O) engage (?<who>P)", 29, 0, "r.txt", 2, names, 2, second, NULL), 1);
        CHECK(dp_rule_set_finish(&set, 0, "r.txt", NULL) == 0);
        const char *subject = "hier O engage P";
        CHECK_INT(dp_rule_set_match(&set, subject, strlen(subject), 0, md), -1);
        subject = "hier xO engage P";
        CHECK_INT(dp_rule_set_match(&set, subject, strlen(subject), 0, md), 1);
        size_t a = 0, b = 0;
        CHECK(dp_match_group(md, second[0], &a, &b) && a == 15 && b == 16);
        CHECK(dp_match_group(md, second[1], &a, &b) && a == 6 && b == 7);
        CHECK(!dp_match_group(md, first[0], &a, &b));
        dp_rule_set_release(&set);

        /* a rule whose alternatives are not bracketed is still one rule: its second
         * alternative tells the rule too */
        CHECK_INT(dp_rule_set_add(&set, "O quitte|P quitte", 17, 0, "r.txt", 1, NULL, 0, NULL, NULL), 0);
        CHECK_INT(dp_rule_set_add(&set, "engage", 6, 0, "r.txt", 2, NULL, 0, NULL, NULL), 1);
        CHECK(dp_rule_set_finish(&set, 0, "r.txt", NULL) == 0);
        subject = "hier P quitte";
        CHECK_INT(dp_rule_set_match(&set, subject, strlen(subject), 0, md), 0);
        dp_rule_set_release(&set);
        dp_match_data_free(md);
    }

    /* ---- lexicon ---- */
    {
        dp_lexicon lx = {0};
        uint32_t v = 0;
        CHECK(!dp_lexicon_get(&lx, "a", 1, &v));
        char key[16];
        for (int i = 0; i < 5000; i++) {
            int n = snprintf(key, sizeof key, "k%d", i);
            CHECK(!dp_lexicon_put(&lx, key, (size_t)n, (uint32_t)i));
        }
        CHECK(dp_lexicon_get(&lx, "k4321", 5, &v) && v == 4321);
        CHECK(!dp_lexicon_put(&lx, "k7", 2, 99));
        CHECK(dp_lexicon_get(&lx, "k7", 2, &v) && v == 99);
        CHECK_INT(lx.count, 5000);
        CHECK(!dp_lexicon_get(&lx, "k5000", 5, &v));
        CHECK(dp_lexicon_put(&lx, "", 0, 1) == -1);
        /* flags gather: a new key takes the bits, a known one keeps its own */
        CHECK(!dp_lexicon_or(&lx, "flags", 5, 4) && !dp_lexicon_or(&lx, "flags", 5, 1));
        CHECK(dp_lexicon_get(&lx, "flags", 5, &v) && v == 5);
        CHECK(!dp_lexicon_or(&lx, "k7", 2, 4) && dp_lexicon_get(&lx, "k7", 2, &v) && v == (99 | 4));
        CHECK(!dp_lexicon_set_byte(&lx, "k7", 2, 1, 0xAB) && dp_lexicon_get(&lx, "k7", 2, &v) && v == (0xAB00u | 99 | 4));
        CHECK_INT(lx.count, 5001);
        dp_lexicon_release(&lx);
    }

    /* ---- records ---- */
    {
        depeche_input in;
        depeche_record *rec;
        depeche_error err;
        const char *good = "{\"id\": 42, \"text\": \"a\\u0000b\", \"published\": \"2020-01-02\", \"url\": \"http://x\"}";
        CHECK_INT(depeche_record_parse(good, strlen(good), &in, &rec, &err), 0);
        CHECK_STR(in.id, "42");
        CHECK_INT(in.length, 3);
        CHECK_STR(in.published, "2020-01-02");
        CHECK_STR(in.source, "http://x");
        depeche_record_free(rec);
        const char *bad = "{\"id\": \"z\", \"text\": ";
        CHECK_INT(depeche_record_parse(bad, strlen(bad), &in, &rec, &err), DEPECHE_ERR_INPUT);
        CHECK(contains(err.message, "invalid JSON"));
        depeche_record_free(rec);
        const char *notext = "{\"id\": \"z\"}";
        CHECK_INT(depeche_record_parse(notext, strlen(notext), &in, &rec, &err), DEPECHE_ERR_INPUT);
        CHECK_STR(in.id, "z");
        CHECK(contains(err.message, "no \"text\""));
        depeche_record_free(rec);
        CHECK_INT(depeche_record_parse("[1]", 3, &in, &rec, &err), DEPECHE_ERR_INPUT);
        depeche_record_free(rec);
        depeche_record_free(NULL);
    }

    /* ---- documents ---- */
    {
        depeche_error err;
        depeche_engine *e = depeche_engine_new(NULL, &err);
        CHECK(e != NULL);
        const char png[] = "\x89PNG\r\n\x1a\n\0\0\0\rIHDR";
        depeche_input in = {.id = "img", .text = png, .length = sizeof png - 1};
        CHECK(depeche_extract(e, &in, &err) == NULL);
        CHECK_INT(err.code, DEPECHE_ERR_INPUT);
        CHECK(contains(err.message, "PNG"));

        const char *text = "Un titre \xC2\xAB\xC2\xA0tr\xC3\xA8s\xC2\xA0\xC2\xBB bien\n\nLe texte.";
        depeche_input in2 = {.text = text, .length = strlen(text), .published = "2021-03-04"};
        depeche_document *doc = depeche_extract(e, &in2, &err);
        char *json = depeche_document_json(doc, 0);
        CHECK_STR(json, "{\"id\":\"-\",\"source\":null,\"title\":\"Un titre \xC2\xAB tr\xC3\xA8s \xC2\xBB bien\","
                        "\"published\":\"2021-03-04\",\"language\":\"fr\",\"dateline\":null,"
                        "\"reference_date\":{\"value\":\"2021-03-04\",\"precision\":\"day\","
                        "\"source\":\"published\"},\"teasers\":[],"
                        "\"entities\":[],\"events\":[],\"warnings\":[]}");
        free(json);
        depeche_document_free(doc);

        in2.published = "hier";
        doc = depeche_extract(e, &in2, &err);
        json = depeche_document_json(doc, 0);
        CHECK(json && strstr(json, "\"published\":null") && strstr(json, "\"code\":\"published\""));
        free(json);
        depeche_document_free(doc);

        /* no publication date: relative dates count from the month that the title names and
         * the text names with its year twice (not in a sentence about what is to come), or from
         * a date the text opens with; a date named once is no reference */
        const char *undated = "Les rachats de mars\n\nEn 2022, le groupe a grandi. Fin mars 2023, il a "
                              "rachet\xC3\xA9 Zeta. En mars 2023, Nova a grandi. Il va lancer un produit "
                              "en mars 2026.\n\nMercredi, Orange a rachet\xC3\xA9 Free.";
        const char *opening = "2024-03 : les rachats\n\nMercredi, Orange a rachet\xC3\xA9 Free.";
        const char *once = "Les rachats\n\nEn mars 2023, il a rachet\xC3\xA9 Zeta.\n\nMercredi, Orange a "
                           "rachet\xC3\xA9 Free.";
        const char *texts[] = {undated, opening, once};
        const char *wanted[][2] = {
            {"\"reference_date\":{\"value\":\"2023-03\",\"precision\":\"month\",\"source\":\"text\","
             "\"text\":\"mars 2023\"",
             "\"date\":{\"value\":\"2023-03\",\"text\":\"Mercredi\",\"precision\":\"month\"}"},
            {"\"reference_date\":{\"value\":\"2024-03\",\"precision\":\"month\",\"source\":\"text\"",
             "\"date\":{\"value\":\"2024-03\",\"text\":\"Mercredi\",\"precision\":\"month\"}"},
            {"\"reference_date\":null", "\"date\":null"}};
        for (size_t k = 0; k < DP_ARRAY_LEN(texts); k++) {
            depeche_input in3 = {.text = texts[k], .length = strlen(texts[k])};
            doc = depeche_extract(e, &in3, &err);
            json = depeche_document_json(doc, 0);
            CHECK(json && strstr(json, "\"published\":null,") && strstr(json, wanted[k][0]));
            CHECK(json && strstr(json, wanted[k][1]));
            free(json);
            depeche_document_free(doc);
        }

        json = depeche_error_json("a\xFF", NULL, "boom", 0);
        CHECK_STR(json, "{\"id\":\"a\xEF\xBF\xBD\",\"source\":null,\"title\":null,\"published\":null,"
                        "\"language\":\"fr\",\"dateline\":null,\"reference_date\":null,\"teasers\":[],"
                        "\"entities\":[],\"events\":[],\"warnings\":[],\"error\":\"boom\"}");
        free(json);
        depeche_document_free(NULL);
        depeche_engine_free(e);
        depeche_engine_free(NULL);
    }

    char cmd[300];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", tmpdir);
    CHECK(system(cmd) == 0);
    return check_report();
}
