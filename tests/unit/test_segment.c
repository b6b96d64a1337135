/* Segmentation: title, datelines, boilerplate zones and teasers on small pages. */
#include <stdlib.h>

#include "check.h"
#include "engine.h"
#include "normalize.h"

static depeche_engine *engine;

typedef struct page {
    dp_text text;
    dp_layout layout;
} page;

static void segment(page *p, const char *s)
{
    memset(p, 0, sizeof *p);
    dp_match_data *md = dp_match_data_new();
    dp_token toks[DP_MAX_SENTENCE_TOKENS];
    CHECK(dp_normalize(&p->text, s, strlen(s)) == 0);
    CHECK(dp_segment(&p->layout, p->text.norm, p->text.norm_len, &engine->segments, &engine->tokens,
                     &engine->dates, NULL, 0, md, toks) == 0);
    dp_match_data_free(md);
}

static void release(page *p)
{
    dp_layout_release(&p->layout);
    dp_text_release(&p->text);
}

/* The kinds of the page's lines, as "title,body,..." */
static const char *kinds(const page *p)
{
    static char buf[512];
    size_t used = 0;
    buf[0] = '\0';
    for (size_t i = 0; i < p->layout.n_lines && used < sizeof buf; i++)
        used += (size_t)snprintf(buf + used, sizeof buf - used, "%s%s", i ? "," : "",
                                 dp_line_kind_name((enum dp_line_kind)p->layout.lines[i].kind));
    return buf;
}

int main(void)
{
    depeche_error err;
    engine = depeche_engine_new(NULL, &err);
    CHECK(engine != NULL);
    if (!engine)
        return check_report() | 1;
    page p;
    char iso[11];

    /* one line is just text, even if it looks like a title */
    segment(&p, "Renault nomme un nouveau directeur général.");
    CHECK_INT(p.layout.title_line, -1);
    CHECK_STR(kinds(&p), "body");
    release(&p);

    /* the title behind a site name, repeated below; a dateline */
    segment(&p, "MonSite Tech Apple rachète une start-up française\n\nApple rachète une start-up "
                "française\n\n20 Nov. 2023 • 20:24\n\nApple a annoncé le rachat.\n");
    CHECK_STR(kinds(&p), "header,title,dateline,body");
    CHECK_STR(dp_date_iso(p.layout.published, iso), "2023-11-20");
    release(&p);

    /* navigation above the title, a repeat of the title, a byline */
    segment(&p, "Menu\nS'abonner\nSocial\nValse de nominations chez GM\nPar Alexandre Guillet\n"
                "Valse de nominations chez GM\nPublié le 18 décembre 2009\nLe texte commence ici.\n");
    CHECK_STR(kinds(&p), "boilerplate,boilerplate,header,title,byline,repeat,dateline,body");
    release(&p);

    /* a copyright line names the page's owner, as a byline does: no body, no event */
    segment(&p, "Valse de nominations chez GM\nLe texte commence ici.\n© Fictimedia 2023\n");
    CHECK_STR(kinds(&p), "title,body,byline");
    release(&p);

    /* a block of rules runs to the blank line; a footer to the teasers */
    segment(&p, "Titre de l'article du jour\nCorps de l'article.\nQuelques règles à respecter :\n"
                "1. Restez polis\n2. Restez dans le sujet\n\nSuite du texte.\nLaisser un commentaire\n"
                "Votre nom\nLes derniers articles\nOrange perd son procès face à Free\n17 Mai. 2024 • 20:23\n"
                "6 Mobiles\nOrange avait attaqué Free concernant son réseau 5G, mais...\n");
    CHECK_STR(kinds(&p), "title,body,boilerplate,boilerplate,boilerplate,body,boilerplate,"
                         "boilerplate,boilerplate,teaser-title,teaser-date,boilerplate,teaser-text");
    CHECK_INT(p.layout.n_teasers, 1);
    CHECK_STR(dp_date_iso(p.layout.teasers[0].date, iso), "2024-05-17");
    CHECK_INT(p.layout.teasers[0].last_line, 12);
    release(&p);

    /* "Lire aussi" with its title on the line, or on the next */
    segment(&p, "Un titre pour cet article\nPremier paragraphe.\nLire aussi : Orange perd son procès face à Free\n"
                "Deuxième paragraphe.\nÀ lire aussi\nGoogle présente Wear OS 5 aux développeurs\nFin.\n");
    CHECK_STR(kinds(&p), "title,body,teaser-title,body,boilerplate,teaser-title,body");
    CHECK_INT(p.layout.n_teasers, 2);
    CHECK_INT(p.layout.teasers[0].title_skip, 13);
    release(&p);

    /* an agency dateline opening the text */
    segment(&p, "Ondia rachète Netaxis pour un milliard\n\nBRUXELLES, 24 janvier 2019 (Reuters) - "
                "L'opérateur Ondia a annoncé jeudi le rachat de Netaxis.\n");
    CHECK_STR(dp_date_iso(p.layout.published, iso), "2019-01-24");
    CHECK_INT(p.layout.dateline_span.end - p.layout.dateline_span.start, 38);
    release(&p);

    /* a date inside a sentence is not a dateline */
    segment(&p, "Un titre pour cet article\nLe 26 février 2019, le conseil d'administration de Suez a nommé son président.\n");
    CHECK_INT(p.layout.dateline, -1);
    CHECK(p.layout.published.year == 0);
    release(&p);

    /* a short sentence with a date and a verb is no dateline either, whatever its date */
    segment(&p, "Renault et Nissan\n\nRenault rachètera Nissan le 3 mars 2015.\n");
    CHECK_INT(p.layout.dateline, -1);
    CHECK_STR(kinds(&p), "title,body");
    release(&p);

    /* empty and blank pages */
    segment(&p, "");
    CHECK_INT(p.layout.n_lines, 0);
    release(&p);
    segment(&p, "  \n\n \t \n");
    CHECK_INT(p.layout.n_lines, 0);
    release(&p);

    depeche_engine_free(engine);
    return check_report();
}
