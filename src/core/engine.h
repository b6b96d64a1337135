/* The engine: everything loaded from data files, read-only once built. */
#ifndef DEPECHE_ENGINE_H
#define DEPECHE_ENGINE_H

#include "amount.h"
#include "analyse.h"
#include "date.h"
#include "event.h"
#include "frame.h"
#include "gazetteer.h"
#include "match.h"
#include "segment.h"
#include "summary.h"
#include "tokenize.h"

struct depeche_engine {
    dp_token_rules tokens;
    dp_date_rules dates;
    dp_segment_rules segments;
    dp_match_rules matcher;
    dp_gazetteer gazetteer;
    dp_event_rules events;
    dp_frame_rules frames;
    dp_amount_rules amounts;
    dp_summary_rules summaries;
    dp_syntax syntax; /* the lexicon (with the data files' forms) and the tagger and parser */
    char **paths; /* user file paths, owned, kept for messages that name them */
    size_t n_paths, paths_cap;
};

#endif
