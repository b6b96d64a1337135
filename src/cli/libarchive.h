/* libarchive, loaded when an input is compressed or an archive (src/core/dynlib.h): plain text
 * and JSON Lines are read without it. The functions the CLI calls, typed by libarchive's own
 * declarations. */
#ifndef DEPECHE_CLI_LIBARCHIVE_H
#define DEPECHE_CLI_LIBARCHIVE_H

#include <archive.h>
#include <archive_entry.h>

#define CLI_LIBARCHIVE_FUNCTIONS(X)                                                               \
    X(archive_read_new) X(archive_read_free) X(archive_read_support_filter_all)                   \
    X(archive_read_support_format_tar) X(archive_read_support_format_zip)                         \
    X(archive_read_support_format_7zip) X(archive_read_support_format_empty)                      \
    X(archive_read_support_format_raw) X(archive_read_open_filename) X(archive_read_open_fd)      \
    X(archive_read_open) X(archive_read_next_header) X(archive_read_data) X(archive_error_string) \
    X(archive_set_error) X(archive_format) X(archive_filter_bytes) X(archive_entry_pathname)      \
    X(archive_entry_filetype)

typedef struct cli_libarchive {
#define CLI_LIBARCHIVE_DECLARE(f) __typeof__(f) *f;
    CLI_LIBARCHIVE_FUNCTIONS(CLI_LIBARCHIVE_DECLARE)
#undef CLI_LIBARCHIVE_DECLARE
} cli_libarchive;

/* libarchive's functions, loaded at the first call (any thread); NULL with *why saying why
 * when the library cannot be loaded. */
const cli_libarchive *cli_libarchive_get(const char **why);

#endif
