/* libFuzzer target: one JSON Lines record. */
#include "depeche.h"

int LLVMFuzzerTestOneInput(const unsigned char *data, size_t size)
{
    depeche_input in;
    depeche_record *rec = NULL;
    depeche_error err;
    depeche_record_parse((const char *)data, size, &in, &rec, &err);
    depeche_record_free(rec);
    return 0;
}
