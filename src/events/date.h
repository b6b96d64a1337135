/* Dates: finding calendar dates in tokens ("20 Nov. 2023", "mardi 26 février 2019",
 * "October 11, 2019", "24/01/2019", "02.02.2025", "2019-02-27") and writing them as ISO 8601.
 * Month and weekday names come from data files ("month" and "weekday" lines). */
#ifndef DEPECHE_DATE_H
#define DEPECHE_DATE_H

#include "lexicon.h"
#include "tokenize.h"

/* A calendar date as precise as the text says: day 0 means month precision, month 0 year. */
typedef struct dp_date {
    int16_t year; /* 0: unknown */
    int8_t month, day;
} dp_date;

/* A phrase that names a date from the reference ("la veille", "il y a trois mois", "le mois
 * prochain", "Noël"): "when" lines of the data files. */
#define DP_DATE_PHRASE_WORDS 6
enum dp_date_unit {
    DP_DATE_DAY,
    DP_DATE_WEEK,
    DP_DATE_MONTH,
    DP_DATE_YEAR,
    DP_DATE_HOLIDAY,
    DP_DATE_WEEK_OF,      /* the weekday "@" of the calendar week SHIFT weeks from the reference's */
    DP_DATE_WEEKDAY_AFTER, /* the weekday "@" on or after the reference, then SHIFT weeks */
    DP_DATE_WHOLE_WEEK     /* the calendar week SHIFT weeks from the reference's, Monday to
                            * Sunday: its month when the seven days share one, else its year */
};
typedef struct dp_date_phrase {
    char words[DP_DATE_PHRASE_WORDS][24]; /* folded; "#" stands for a number, "@" a weekday */
    uint8_t n_words;
    uint8_t unit;      /* enum dp_date_unit */
    uint8_t precision; /* 1 year, 2 month, 3 day */
    int8_t sign;       /* a phrase with a number: the number's direction; else 0 */
    int16_t shift;     /* units from the reference; a holiday: month * 100 + day */
    uint8_t anchored;  /* a "then" phrase: from the last date the text gave */
    uint32_t next;     /* the next phrase with the same first word, + 1; 0 ends */
} dp_date_phrase;

typedef struct dp_date_rules {
    dp_lexicon months;   /* folded name without period -> 1..12 */
    dp_lexicon weekdays; /* folded name without period -> 1..7, Monday first */
    dp_lexicon relative; /* folded word -> days from the reference date, plus 1000 */
    dp_lexicon year_after; /* "en", "début", "fin": a year after them is a date */
    dp_lexicon future;     /* "va", "sera", "prochain": the sentence tells what is to come */
    dp_lexicon today;      /* "rachète", "inflige": present tense that tells the day's news */
    dp_lexicon seasons;    /* folded name -> the month the season begins */
    dp_lexicon compare;    /* "plus", "moins": "... qu'en mars" compares with March */
    dp_lexicon numbers;    /* "trois" -> 3: the numbers of "when" phrases, in words */
    dp_lexicon starts;     /* every word a date may start with, for dp_date_may_start */
    dp_lexicon anchors;    /* words only dates hold: months, weekdays, "hier", seasons, and
                            * "anchor" lines ("veille", "mois") */
    dp_lexicon phrase_heads; /* a phrase's first word ("#", "@" too) -> its last phrase + 1 */
    dp_date_phrase *phrases;
    size_t n_phrases, phrases_cap;
} dp_date_rules;

/* Loads a "month N names...", "weekday N names...", "relative N words...", "season N
 * names...", "year-after words...", "future words...", "today words...", "today-headline
 * words..." or "compare words..." line: returns 1 if it did, 0 if the kind is not a date kind,
 * or a negative status with err filled. */
int dp_date_rules_load(dp_date_rules *r, const char *kind, size_t kind_len, const char *args,
                       size_t args_len, const char *path, unsigned long line,
                       depeche_error *err);
void dp_date_rules_release(dp_date_rules *r);

/* Can a date start at a token whose folded word is key[0..len): a number, or a word of the
 * date lists (a month, a weekday, "hier", "en", the first word of a phrase)? One look-up. */
int dp_date_may_start(const dp_date_rules *r, const dp_token *t, const char *key, size_t len);
/* Is the folded word key[0..len) a "future" word ("va", "prochain")? */
int dp_date_is_future_key(const dp_date_rules *r, const char *key, size_t len);

/* Is the folded word key[0..len) one that tells a date wherever it stands: a month, a weekday,
 * "hier", a season, or a word of an "anchor" line ("veille", "mois")? A sentence without one,
 * nor figures that may be a date, tells no date. */
int dp_date_is_anchor(const dp_date_rules *r, const char *key, size_t len);

/* The longest "when" or "then" phrase at token i of toks[0..n) ("la veille", "dans deux mois",
 * "Noël"), resolved from ref, or for a "then" phrase from `anchor`, the last date the text gave
 * before it, when it has one as precise as the phrase (year 0: none); a holiday is the next one
 * with `forward`, else the last one; "le lendemain du 13 février" counts from the date it names.
 * Returns the tokens used (0 if none) and fills out. */
size_t dp_date_phrase_at(const dp_date_rules *r, const char *text, const dp_token *toks, size_t n,
                         size_t i, dp_date ref, dp_date anchor, int forward, dp_date *out);

typedef struct dp_date_match {
    dp_date date;
    size_t first, last; /* the tokens that make the date, inclusive */
} dp_date_match;

/* Finds the first complete date (day, month and year) in toks[from..n) of `text`. Returns 1
 * and fills m, or 0. */
int dp_date_find_full(const dp_date_rules *r, const char *text, const dp_token *toks, size_t n,
                      size_t from, dp_date_match *m);

/* Writes the date as "YYYY-MM-DD", "YYYY-MM" or "YYYY" into out (11 bytes); returns out, or
 * NULL for an unknown year. */
char *dp_date_iso(dp_date d, char out[11]);

/* A date told relative to `ref` by one token: "hier", "aujourd'hui", a weekday ("lundi": the
 * last such day on or before ref), or a month name alone ("en janvier": that month of ref's
 * year, or of the year before when it is later than ref's month; with `forward`, in a sentence
 * about what is to come, that month of ref's year or the next). Returns 1 and fills out. */
int dp_date_relative(const dp_date_rules *r, const char *text, const dp_token *t, dp_date ref,
                     int forward, dp_date *out);

/* "le 22 décembre": a day and a month without a year at token i of toks[0..n), placed on the
 * last such day on or before ref (with `forward`: the next one from ref). Returns the number of
 * tokens used (0 if none) and fills out. */
size_t dp_date_day_month(const dp_date_rules *r, const char *text, const dp_token *toks, size_t n,
                         size_t i, dp_date ref, int forward, dp_date *out);

/* The month (1 to 12) the token names ("mai", "janv."), or 0. */
int dp_date_month_of(const dp_date_rules *r, const char *text, const dp_token *t);
/* The weekday a token names (1 Monday to 7), or 0. */
int dp_date_weekday_of(const dp_date_rules *r, const char *text, const dp_token *t);

/* Whether the token is a word of comparison ("compare" lines: "plus", "moins"), which makes a
 * date after "que" a point of comparison rather than a date of the event. */
int dp_date_is_compare_word(const dp_date_rules *r, const char *text, const dp_token *t);

/* Whether the token is a verb in the present tense that, in a title or a lead, tells the news
 * of the day ("today" lines): "L'Autorité de la concurrence inflige une amende à Apple" (1);
 * or a word that does so when it opens a title without a verb ("today-headline" lines:
 * "Nouvelle Peugeot 308 : ...") (2). 0 for other tokens. */
int dp_date_is_today_word(const dp_date_rules *r, const char *text, const dp_token *t);

/* A season named by token t ("au printemps", "l'été"), counted from `ref`, which must know its
 * month: with when < 0 ("dernier"), the last one before the current one; with when > 0
 * ("prochain"), the next one; else the current or last one. Fills out with its year (a season
 * has no ISO 8601 form finer than that) and returns 1, or returns 0. */
int dp_date_season(const dp_date_rules *r, const char *text, const dp_token *t, dp_date ref,
                   int when, dp_date *out);

/* Whether the token is a word that puts its sentence in the future ("future" lines). */
int dp_date_is_future_word(const dp_date_rules *r, const char *text, const dp_token *t);

/* The year of word[0..len) when it is a year's middle ("mi-2019", as written or folded), else 0. */
int dp_date_mid_year(const char *word, size_t len);

/* "décembre 2018", "en 2016", "mi-2019": a month and a year, or a year alone after a
 * "year-after" word ("en", "début", "fin") or as its middle, starting at
 * token i of toks[0..n). Returns the number of tokens used (0 if none) and fills out. */
size_t dp_date_month_year(const dp_date_rules *r, const char *text, const dp_token *toks,
                          size_t n, size_t i, dp_date *out);

/* The dates toks[0..n) name with their year ("le 14 mai 2019", "avril 2023", "en 2024",
 * "2023-02"), in text order: up to `cap` of them into out; returns how many. A sentence about
 * what is to come ("future" words) names none: its dates say nothing of when it was written. */
size_t dp_date_named(const dp_date_rules *r, const char *text, const dp_token *toks, size_t n,
                     dp_date_match *out, size_t cap);

/* Days since 1970-01-01 of the date's first day (a month or year counts from its start). */
long dp_date_days(dp_date d);

/* Whether date a falls within the span of date b ("2019-05-14" within "2019-05" and "2019"). */
int dp_date_within(dp_date a, dp_date b);

/* How precise the date is: 0 unknown (year 0), 1 a year, 2 a month, 3 a day. */
int dp_date_precision(dp_date d);
/* "year", "month" or "day", as the output names a date's precision; NULL for an unknown date. */
const char *dp_date_precision_name(dp_date d);

/* Parses "YYYY", "YYYY-MM" or "YYYY-MM-DD..." (a date as the output writes it, or the start of
 * an ISO 8601 time) into d; returns its precision, 0 (d untouched) when it is none of these. */
int dp_date_parse_value(const char *s, dp_date *d);

/* Parses "YYYY-MM-DD..." (the start of an ISO 8601 date or time); returns 1 on success. */
int dp_date_parse_iso(const char *s, dp_date *d);

#endif
