/* The engine: everything loaded from data files, read-only once built. */
#ifndef DEPECHE_ENGINE_H
#define DEPECHE_ENGINE_H

#include "date.h"
#include "segment.h"
#include "tokenize.h"

struct depeche_engine {
    dp_token_rules tokens;
    dp_date_rules dates;
    dp_segment_rules segments;
    char **paths; /* user file paths, owned, kept for messages that name them */
    size_t n_paths, paths_cap;
};

#endif
