/* Stage 1, read: what turns an input's bytes into UTF-8 before normalization. */
#ifndef DEPECHE_READ_H
#define DEPECHE_READ_H

#include "internal.h"

/* Converts `len` bytes in `encoding` (an iconv name) to UTF-8 in a new NUL-terminated buffer
 * *out (*out_len bytes, freed by the caller). A byte sequence the encoding does not define
 * becomes U+FFFD and counts in *invalid. Returns 0, DEPECHE_ERR_ARGUMENT for an encoding iconv
 * does not know (message in err), or DEPECHE_ERR_NOMEM. */
int dp_convert(const char *in, size_t len, const char *encoding, char **out, size_t *out_len,
               size_t *invalid, depeche_error *err);

/* Whether an encoding name means UTF-8 ("UTF-8", "utf8"). */
int dp_encoding_is_utf8(const char *encoding);

#endif
