/* Entity cases from tests/data/entities.cases: matching and resolution, end to end through
 * the public API, and gazetteer file errors. */
#include <stdlib.h>
#include <unistd.h>

#include "cases.h"
#include "check.h"
#include "data_file.h"
#include "document.h"
#include "engine.h"
#include "resource.h"

static void entity_case(const char *input, const char *expected, const char *where)
{
    depeche_error err;
    depeche_input in = {.id = "case", .text = input, .length = strlen(input)};
    depeche_document *doc = depeche_extract(engine, &in, &err);
    char got[2048] = "";
    size_t used = 0;
    for (size_t i = 0; doc && i < doc->n_entities && used < sizeof got; i++) {
        const dp_out_entity *e = &doc->entities[i];
        used += (size_t)snprintf(got + used, sizeof got - used, "%s%s=%s", i ? " | " : "", e->type, e->name);
        if (e->n_mentions > 1 && used < sizeof got)
            used += (size_t)snprintf(got + used, sizeof got - used, "\xC3\x97%zu", e->n_mentions);
    }
    if (!used)
        snprintf(got, sizeof got, "-");
    CHECK_AT(doc && !strcmp(got, expected), where, 0, "entities of: %s\n  got:      %s\n  expected: %s",
             input, got, expected);
    /* every mention's offsets select its text in the input (all ASCII or clean UTF-8 here) */
    for (size_t i = 0; doc && i < doc->n_entities; i++)
        for (size_t k = 0; k < doc->entities[i].n_mentions; k++) {
            const dp_out_span *m = &doc->entities[i].mentions[k];
            size_t b = 0, cp = 0;
            while (cp < m->start && input[b])
                cp += ((unsigned char)input[++b] & 0xC0) != 0x80;
            CHECK_AT(!strncmp(input + b, m->text, strlen(m->text)), where, 0,
                     "mention '%s' is not at code point %u", m->text, m->start);
        }
    depeche_document_free(doc);
}


/* Extracts `text` with an engine given one more data file holding `content` (a gazetteer, or
 * patterns); the caller frees the document and *made. */
static depeche_document *extract_with(const char *content, int gazetteer, const char *text,
                                      depeche_engine **made)
{
    depeche_error err;
    *made = engine_with_file(content, gazetteer, &err);
    depeche_input in = {.text = text, .length = strlen(text)};
    return *made ? depeche_extract(*made, &in, &err) : NULL;
}

static const char *gazetteer_error(const char *content)
{
    return data_error(content, 1);
}

int main(int argc, char **argv)
{
    if (cases_main(argc, argv, entity_case, 20))
        return check_report() | 1;
    depeche_error err;

    /* the defaults are as large as promised */
    size_t words = engine->gazetteer.name_words.count, orgs = 0, roles = 0, places = 0;
    for (size_t i = 0; i < engine->gazetteer.n_entries; i++) {
        uint8_t type = dp_gazetteer_entry(&engine->gazetteer, i).type;
        orgs += type == DP_ORG;
        roles += type == DP_ROLE;
        places += type == DP_PLACE;
    }
    CHECK(words >= 5000 + 50000); /* given names and English words */
    CHECK(orgs >= 2000);
    CHECK(roles >= 300);
    CHECK(places >= 500);

    /* gazetteer lines that are wrong say where and why */
    CHECK_STR(gazetteer_error("# mine\nFictivia\tORG\tFCT\tQ42\n"), "");
    CHECK_STR(gazetteer_error("Fictivia\n"), "1: expected NAME<tab>TYPE[<tab>ALIASES[<tab>WIKIDATA[<tab>ATTRIBUTES]]]");
    CHECK_STR(gazetteer_error("\nFictivia\tCOMPANY\n"), "2: unknown type 'COMPANY' (expected PERSON, ORG, ROLE, PLACE, GIVEN, OTHER or ENGLISH)");
    CHECK_STR(gazetteer_error("Fictivia\tORG\t\tX42\n"), "1: 'X42' is not a Wikidata identifier (Q followed by digits)");
    CHECK_STR(gazetteer_error("PDG\tROLE\t\t\ttitle=CEO;colour=blue\n"),
              "1: unknown attribute 'colour=blue' (known: title=..., case=insensitive|sensitive, kind=media|seat|office|territory|union)");
    CHECK_STR(gazetteer_error("Fictivia Info\tORG\t\t\tkind=media\n"), "");

    /* the compiled-in gazetteer image: a truncated or foreign one is refused, never read past */
    {
        dp_gazetteer g;
        CHECK(dp_gazetteer_open_image(&g, "DPGAZ00", 7, &err) == DEPECHE_ERR_DATA);
        CHECK(dp_gazetteer_open_image(&g, "NOTANIMAGE-AT-ALL-BUT-LONG-ENOUGH-FOR-A-HEADER-0123456789",
                                      56, &err) == DEPECHE_ERR_DATA);
        for (size_t cut = 8; cut < dp_gazetteer_image_size; cut += dp_gazetteer_image_size / 7 + 1) {
            int rc = dp_gazetteer_open_image(&g, dp_gazetteer_image, cut, &err);
            CHECK(rc == DEPECHE_ERR_DATA);
            if (!rc)
                dp_gazetteer_release(&g);
        }
        CHECK(dp_gazetteer_open_image(&g, dp_gazetteer_image, dp_gazetteer_image_size, &err) == 0);
        CHECK(g.n_entries == engine->gazetteer.n_entries);
        /* read in place, it writes itself back byte for byte */
        dp_strbuf again = {0};
        CHECK(dp_gazetteer_write_image(&g, &again) == 0);
        CHECK(again.len == dp_gazetteer_image_size && !memcmp(again.data, dp_gazetteer_image, again.len));
        dp_strbuf_release(&again);
        /* and a name a data file adds goes beside the image's, which keep theirs */
        const char *mine = "Fictivia Nordelec\tORG\tFNX";
        CHECK(dp_gazetteer_load_line(&g, &engine->tokens, mine, strlen(mine), "mine.txt", 1, &err) == 0);
        CHECK(g.n_entries == engine->gazetteer.n_entries + 1);
        uint32_t entry;
        CHECK(dp_gazetteer_one_word(&g, "FNX", 3, &entry) && entry == g.n_entries - 1);
        CHECK_STR(dp_gazetteer_entry(&g, entry).name, "Fictivia Nordelec");
        CHECK(dp_gazetteer_one_word(&g, "Renault", 7, &entry) && !strcmp(dp_gazetteer_entry(&g, entry).name, "Renault"));
        dp_gazetteer_release(&g);
    }

    /* dates told otherwise than in full are entities too, once the article is dated: "hier",
     * "lundi" ahead after a future, "la veille" (of that Monday, the last date given), "il y a
     * trois mois" (from the day of writing); never "Sam" of Sam Altman */
    {
        const char *text = "Orange a racheté Zorvania hier. Sam Altman partira lundi. "
                           "La veille, il y a trois mois, rien.";
        depeche_input in = {.text = text, .length = strlen(text), .published = "2023-11-20"};
        depeche_document *doc = depeche_extract(engine, &in, &err);
        char got[512] = "";
        for (size_t i = 0, used = 0; doc && i < doc->n_entities; i++)
            if (!strcmp(doc->entities[i].type, "DATE"))
                used += (size_t)snprintf(got + used, sizeof got - used, "%s%s×%zu", used ? " " : "",
                                         doc->entities[i].name, doc->entities[i].n_mentions);
        CHECK_STR(got, "2023-11-19×1 2023-11-27×1 2023-11-26×1 2023-08-20×1");
        depeche_document_free(doc);
    }

    /* evidence lines that are wrong say where and why */
    CHECK_STR(data_error("evidence ORG 1.5 before cabinet\nevidence threshold 2\n", 0), "");
    CHECK_STR(data_error("evidence COMPANY 1 before cabinet\n", 0),
              "1: expected 'evidence TYPE WEIGHT PLACE WORDS...' with TYPE one of PERSON, ORG, PLACE "
              "and WEIGHT between -12 and 12");
    CHECK_STR(data_error("\nevidence ORG lots before cabinet\n", 0),
              "2: expected 'evidence TYPE WEIGHT PLACE WORDS...' with TYPE one of PERSON, ORG, PLACE "
              "and WEIGHT between -12 and 12");
    CHECK_STR(data_error("evidence ORG 1 beside cabinet\n", 0),
              "1: unknown place 'beside': expected before, after, apposition, of, subject, object, listed or foreign");
    CHECK_STR(data_error("evidence ORG 1 before\n", 0), "1: expected at least one word");
    CHECK_STR(data_error("evidence threshold -1\n", 0),
              "1: expected 'evidence threshold WEIGHT' with a positive WEIGHT");
    CHECK_STR(data_error("evidence PERSON 1 listed cabinet\n", 0), "1: 'listed' takes no words");
    /* found by fuzzing: a bare "evidence" read a field it never had */
    CHECK_STR(data_error("evidence\n", 0),
              "1: expected 'evidence TYPE WEIGHT PLACE WORDS...' with TYPE one of PERSON, ORG, PLACE "
              "and WEIGHT between -12 and 12");

    /* a user's evidence types a name the defaults leave alone: "la boulangerie X" */
    {
        depeche_engine *e = NULL;
        depeche_document *doc = extract_with("evidence ORG 1 before boulangerie\n", 0,
                                             "La boulangerie Tarvelo ferme.", &e);
        CHECK(doc && doc->n_entities == 1 && !strcmp(doc->entities[0].name, "Tarvelo") &&
              !strcmp(doc->entities[0].source, "context"));
        depeche_document_free(doc);
        depeche_engine_free(e);
    }

    /* a user's entry overrides a default one: Amazon the river */
    {
        depeche_engine *e = NULL;
        depeche_document *doc = extract_with("Amazone\tPLACE\tAmazon\n", 1,
                                             "Le débit de l'Amazon baisse.", &e);
        CHECK(doc && doc->n_entities == 1 && !strcmp(doc->entities[0].type, "PLACE") &&
              !strcmp(doc->entities[0].name, "Amazon") && doc->entities[0].canonical &&
              !strcmp(doc->entities[0].canonical, "Amazone"));
        depeche_document_free(doc);
        depeche_engine_free(e);
    }
    depeche_engine_free(engine);
    return check_report();
}
