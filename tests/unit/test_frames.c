/* Event frames: every example of patterns/frames.txt through the whole pipeline (an example
 * with its expected event, or "none"), then again with the frames alone, and the frame
 * loader's errors. */
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "check.h"
#include "data_file.h"
#include "document.h"
#include "engine.h"
#include "normalize.h"

/* "TYPE arg=Name With Spaces arg2=A,B modality=M" -> does doc hold that event? */
static int has_event(const depeche_document *doc, const char *expected, char *why, size_t cap)
{
    char buf[512];
    snprintf(buf, sizeof buf, "%s", expected);
    char *type = strtok(buf, " ");
    const char *names[16], *args[16], *modality = "asserted";
    size_t n = 0;
    char *word;
    while ((word = strtok(NULL, " ")) && n < 16) {
        char *eq = strchr(word, '=');
        if (eq) {
            *eq = '\0';
            if (!strcmp(word, "modality")) {
                modality = eq + 1;
                continue;
            }
            args[n] = word;
            names[n++] = eq + 1;
        } else if (n) { /* a name's next word: join it back */
            word[-1] = ' ';
        }
    }
    for (size_t i = 0; i < doc->n_events; i++) {
        const dp_out_event *ev = &doc->events[i];
        if (strcmp(ev->type, type) || strcmp(ev->modality, modality))
            continue;
        size_t ok = 0;
        for (size_t k = 0; k < n; k++) {
            /* partners: each name listed, in any order */
            char list[200];
            snprintf(list, sizeof list, "%s", names[k]);
            size_t want = 0, got = 0;
            for (char *save, *one = strtok_r(list, ",", &save); one; one = strtok_r(NULL, ",", &save)) {
                want++;
                for (size_t a = 0; a < ev->n_args; a++)
                    if (!strcmp(ev->args[a].role, args[k]) && strstr(ev->args[a].name, one))
                        got++;
            }
            ok += got >= want;
        }
        if (ok == n)
            return 1;
    }
    size_t used = (size_t)snprintf(why, cap, "events:");
    for (size_t i = 0; i < doc->n_events && used < cap; i++) {
        used += (size_t)snprintf(why + used, cap - used, " [%s %s", doc->events[i].type,
                                 doc->events[i].modality);
        for (size_t a = 0; a < doc->events[i].n_args && used < cap; a++)
            used += (size_t)snprintf(why + used, cap - used, " %s=%s", doc->events[i].args[a].role,
                                     doc->events[i].args[a].name);
        if (used < cap)
            used += (size_t)snprintf(why + used, cap - used, "]");
    }
    return 0;
}

static void examples(const depeche_engine *e, size_t from, size_t at_least)
{
    size_t run = 0;
    for (size_t i = from; i < e->frames.n_examples; i++) {
        const dp_frame_example *x = &e->frames.examples[i];
        depeche_input in = {.id = "example", .text = x->sentence, .length = strlen(x->sentence),
                            .published = "2024-05-17", .title = x->headline ? x->sentence : NULL};
        depeche_error err;
        depeche_document *doc = depeche_extract(e, &in, &err);
        CHECK_AT(doc != NULL, x->path, (int)x->line, "extraction failed");
        if (!doc)
            continue;
        char why[2048] = "";
        if (!strcmp(x->expected, "none")) {
            size_t asserted = 0;
            for (size_t k = 0; k < doc->n_events; k++)
                asserted += !strcmp(doc->events[k].modality, "asserted");
            CHECK_AT(asserted == 0, x->path, (int)x->line, "expected no asserted event: %s",
                     x->sentence);
        } else {
            CHECK_AT(has_event(doc, x->expected, why, sizeof why), x->path, (int)x->line,
                     "expected %s\n  in: %s\n  %s", x->expected, x->sentence, why);
        }
        depeche_document_free(doc);
        run++;
    }
    CHECK(run >= at_least);
}

static void load_errors(void)
{
    static const struct {
        const char *line, *message;
    } bad[] = {
        {"frame takeover verb racheter acquirer=nsubj\n", "unknown event type"},
        {"frame acquisition adverb racheter acquirer=nsubj\n", "a verb, a noun or an adjective"},
        {"example-headline acquisition acquirer=Renault\n", "expected: example"},
        {"frame acquisition verb racheter buyer=nsubj\n", "expected ARG=PATH"},
        {"frame acquisition verb racheter acquirer=nsubj>obj>nmod>conj>appos\n", "at most 4"},
        {"frame acquisition verb racheter acquirer=NSUBJ\n", "bad path"},
        {"frame acquisition verb racheter acquirer=nmod[de\n", "bad path"},
        {"frame acquisition verb racheter\n", "a frame without arguments"},
        {"frame acquisition\n", "expected: frame TYPE"},
        {"frame acquisition verb racheter acquirer=nsubj @2\n", "confidence"},
        {"example acquisition acquirer=Renault Renault rachète Nissan.\n", "expected: example"},
        {"epithet Audi d'Ingolstadt\n", "expected: epithet NAME"},
        {"epithet Audi |\n", "a name and an epithet"},
        {"epithet | d'Ingolstadt\n", "a name and an epithet"},
    };
    depeche_error err;
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        depeche_engine *e = engine_with_patterns(bad[i].line, &err);
        CHECK_AT(e == NULL, __FILE__, __LINE__, "accepted: %s", bad[i].line);
        depeche_engine_free(e);
        CHECK_INT(err.code, DEPECHE_ERR_DATA);
        CHECK_INT(err.line, 1);
        CHECK_AT(strstr(err.message, bad[i].message) != NULL, __FILE__, __LINE__,
                 "message '%s' lacks '%s'", err.message, bad[i].message);
    }
    /* a user's frame is read like the defaults, and a user's epithet: "la firme de Fictiville"
     * is Fictivia, when the article names it */
    static const char *const user_files[] = {
        "frame acquisition verb croquer acquirer=nsubj target=obj\n"
        "example acquisition acquirer=Renault target=Nissan | Renault croque Nissan.\n",
        "epithet Fictivia | de Fictiville\n"
        "example product_launch org=Fictivia product=Lumo | La société Fictivia grandit. Chez "
        "Renault, on attend. La firme de Fictiville a présenté la nouvelle Lumo.\n",
    };
    for (size_t i = 0; i < sizeof user_files / sizeof user_files[0]; i++) {
        depeche_engine *e = engine_with_patterns(user_files[i], &err);
        CHECK(e != NULL);
        if (e) {
            examples(e, e->frames.n_examples - 1, 1);
            depeche_engine_free(e);
        }
    }
}

/* The event types each word of a sentence may trigger: the forms of a trigger lemma, whatever
 * their case, and not a word that only folds like one ("marche", not "marché"). */
static void word_types(const depeche_engine *e)
{
    /* one cache for all the sentences: a word seen before keeps its types */
    dp_word_types_cache *seen = calloc(1, sizeof *seen);
    CHECK(seen != NULL);
    if (!seen)
        return;
    static const struct {
        const char *sentence;
        int token, type; /* -1: no type */
    } cases[] = {
        {"Fictivia rachète Nordelec.", 1, DP_EV_ACQUISITION},
        {"Démission du patron de Fictivia.", 0, DP_EV_RESIGNATION},
        {"PAUL MARTIN NOMMÉ À LA TÊTE DE FICTIVIA", 2, DP_EV_APPOINTMENT},
        {"Le groupe La République en marche a voté.", 5, -1},
    };
    for (size_t c = 0; c < DP_ARRAY_LEN(cases); c++) {
        dp_text text = {0};
        CHECK(!dp_normalize(&text, cases[c].sentence, strlen(cases[c].sentence)));
        dp_token toks[DP_MAX_SENTENCE_TOKENS];
        uint32_t types[DP_MAX_SENTENCE_TOKENS];
        dp_tokenizer tz;
        dp_tokenizer_start(&tz, &e->tokens, text.norm, (dp_span){0, (uint32_t)text.norm_len}, 0);
        size_t n = dp_tokenizer_next_sentence(&tz, toks);
        CHECK((size_t)cases[c].token < n);
        if ((size_t)cases[c].token < n) {
            dp_frame_word_types(&e->frames, &e->syntax.morpho, text.norm, toks, n, seen, types);
            uint32_t want = cases[c].type < 0 ? 0 : 1u << cases[c].type;
            CHECK_AT(cases[c].type < 0 ? !types[cases[c].token] : (types[cases[c].token] & want) != 0,
                     __FILE__, __LINE__, "'%s': token %d has types %x", cases[c].sentence,
                     cases[c].token, types[cases[c].token]);
        }
        dp_text_release(&text);
    }
    free(seen);
}

int main(void)
{
    depeche_error err;
    depeche_engine *e = depeche_engine_new(NULL, &err);
    CHECK(e != NULL);
    if (!e)
        return check_report() | 1;
    examples(e, 0, 30);
    /* and each example by its frame alone: with the rules of events.txt switched off, no rule
     * hides a frame that no longer reads its construction */
    size_t n_rules = e->events.n_rules;
    e->events.n_rules = 0;
    examples(e, 0, 30);
    e->events.n_rules = n_rules;
    word_types(e);
    depeche_engine_free(e);
    load_errors();
    return check_report();
}
