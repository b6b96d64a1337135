/* The sources of articles: files, directories, stdin, and what archives are shipped as (.gz,
 * .zst, .xz, .bz2, .tar.*, .zip, .7z), read as streams through libarchive, loaded for them only:
 * plain text and JSON Lines are read directly. Every input gives at least one job, so every
 * input gives a record, even when it cannot be read. */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cli.h"
#include "libarchive.h"

/* Deeper than any real archive; stops symlink loops. */
#define CLI_MAX_DEPTH 64
#define CLI_BLOCK 65536
/* An article or a JSON line larger than this is refused with an error record rather than read
 * whole: a decompression bomb must not take the machine's memory. */
#define CLI_MAX_ARTICLE ((size_t)256 << 20)
#define CLI_TOO_LARGE "larger than 256 MB: not read"

static const char *const compression_suffixes[] = {".gz", ".zst", ".xz", ".bz2", ".lz4", ".lzma", ".Z"};

/* Whether s[0..n) ends with suffix. */
static int ends_with(const char *s, size_t n, const char *suffix)
{
    size_t k = strlen(suffix);
    return n >= k && !memcmp(s + n - k, suffix, k);
}

/* A name ending in .jsonl or .ndjson (compressed or not) holds JSON Lines records. */
static int is_ndjson_name(const char *name)
{
    size_t n = strlen(name);
    for (size_t i = 0; i < sizeof compression_suffixes / sizeof *compression_suffixes; i++)
        if (ends_with(name, n, compression_suffixes[i])) {
            n -= strlen(compression_suffixes[i]);
            break;
        }
    return ends_with(name, n, ".jsonl") || ends_with(name, n, ".ndjson");
}

/* The job for an input that cannot be read: its record says why. */
static int fail(cli_run *run, const char *name, const char *why)
{
    return cli_submit_copy(run, CLI_JOB_FAILED, name, why, strlen(why));
}

/* Entries an archiver adds beside the articles: directories, macOS resource forks. */
static int is_article_entry(const cli_libarchive *la, struct archive_entry *entry)
{
    const char *name = la->archive_entry_pathname(entry);
    if (!name || la->archive_entry_filetype(entry) != AE_IFREG)
        return 0;
    const char *base = strrchr(name, '/');
    base = base ? base + 1 : name;
    return base[0] != '.' && strncmp(name, "__MACOSX/", 9) != 0;
}

static int fail_errno(cli_run *run, const char *path)
{
    return fail(run, path, strerror(errno));
}

/* What an input's bytes are read from: an archive's current entry, or a plain file. */
typedef struct stream {
    const cli_libarchive *la;
    struct archive *a; /* NULL: read fd itself */
    int fd;
    long long counted;  /* bytes of the input read so far, as the progress counts them */
    const char *error;  /* after a failed read */
} stream;

/* Up to n bytes into buf, at least `least` unless the input ends (what a pipe has now, so
 * that records streamed in slowly come out as they come): their number, 0 at the end, -1 with
 * st->error set. */
static la_ssize_t stream_read(stream *st, char *buf, size_t n, size_t least)
{
    if (st->a) {
        la_ssize_t got = st->la->archive_read_data(st->a, buf, n);
        if (got < 0)
            st->error = st->la->archive_error_string(st->a);
        return got;
    }
    size_t got = 0;
    do {
        ssize_t r = read(st->fd, buf + got, n - got);
        if (r < 0 && errno == EINTR)
            continue;
        if (r < 0) {
            st->error = strerror(errno);
            return -1;
        }
        if (r == 0)
            break;
        got += (size_t)r;
    } while (got < least);
    st->counted += (long long)got;
    return (la_ssize_t)got;
}

static void note_progress(cli_run *run, stream *st, long long *noted)
{
    long long now = st->a ? st->la->archive_filter_bytes(st->a, -1) : st->counted;
    if (now > *noted) {
        atomic_fetch_add(&run->bytes_read, (unsigned long long)(now - *noted));
        *noted = now;
    }
}

/* The lines of one stream, each a job; "NAME:LINE" is the id of a record without one. */
static int read_ndjson(cli_run *run, stream *st, const char *name, char *block, la_ssize_t first,
                       long long *noted, const char **error)
{
    char *line = NULL;
    size_t len = 0, cap = 0;
    unsigned long lineno = 0;
    int stop = 0, oversize = 0;
    for (;;) {
        la_ssize_t got = first >= 0 ? first : stream_read(st, block, CLI_BLOCK, 1);
        first = -1;
        if (got < 0) {
            *error = st->error;
            break;
        }
        note_progress(run, st, noted);
        size_t i = 0;
        while (!stop && (i < (size_t)got || (got == 0 && len))) {
            const char *nl = got ? memchr(block + i, '\n', (size_t)got - i) : NULL;
            size_t take = nl ? (size_t)(nl - (block + i)) : (size_t)got - i;
            if (oversize || len + take > CLI_MAX_ARTICLE) {
                oversize = 1;
                i += take + (nl != NULL);
                if (!nl && got)
                    break;
                char id[600];
                snprintf(id, sizeof id, "%s:%lu", name, ++lineno);
                stop = fail(run, id, CLI_TOO_LARGE);
                oversize = 0, len = 0;
                continue;
            }
            if (len + take + 1 > cap) {
                size_t want = (len + take + 1) * 2;
                char *grown = realloc(line, want);
                if (!grown) {
                    *error = "out of memory (a line too long?)";
                    stop = 1;
                    break;
                }
                line = grown, cap = want;
            }
            memcpy(line + len, block + i, take);
            len += take;
            i += take + (nl != NULL);
            if (!nl && got)
                break; /* the line goes on in the next block */
            lineno++;
            while (len && (line[len - 1] == '\r' || line[len - 1] == ' ' || line[len - 1] == '\t'))
                len--;
            size_t blank = 0;
            while (blank < len && (line[blank] == ' ' || line[blank] == '\t'))
                blank++;
            if (blank < len) { /* blank lines separate nothing and hold no record */
                char id[600];
                snprintf(id, sizeof id, "%s:%lu", name, lineno);
                stop = cli_submit_copy(run, CLI_JOB_NDJSON_LINE, id, line, len);
            }
            len = 0;
        }
        if (got == 0 || stop)
            break;
    }
    free(line);
    return stop;
}

/* One entry as one article. */
static int read_article(cli_run *run, stream *st, const char *name, const char *block,
                        la_ssize_t first, long long *noted, const char **error)
{
    size_t len = 0, cap = 0;
    char *data = NULL;
    for (;;) {
        if (len + CLI_BLOCK + 1 > cap) {
            size_t want = cap ? cap * 2 : CLI_BLOCK * 2;
            if (want > CLI_MAX_ARTICLE + CLI_BLOCK + 1)
                want = CLI_MAX_ARTICLE + CLI_BLOCK + 1; /* enough to see it is too large */
            char *grown = realloc(data, want);
            if (!grown) {
                free(data);
                *error = "out of memory";
                return 0;
            }
            data = grown, cap = want;
        }
        la_ssize_t got;
        if (first >= 0)
            memcpy(data + len, block, (size_t)(got = first));
        else
            got = stream_read(st, data + len, CLI_BLOCK, 1);
        first = -1;
        if (got < 0) {
            free(data);
            *error = st->error;
            return 0;
        }
        note_progress(run, st, noted);
        if (got == 0)
            break;
        len += (size_t)got;
        if (len > CLI_MAX_ARTICLE) {
            free(data);
            return fail(run, name, CLI_TOO_LARGE);
        }
    }
    cli_job *job = calloc(1, sizeof *job);
    char *id = strdup(name);
    if (!job || !id) {
        free(job), free(id), free(data);
        *error = "out of memory";
        return 0;
    }
    data[len] = '\0';
    *job = (cli_job){.kind = CLI_JOB_ARTICLE, .name = id, .data = data, .length = len};
    return cli_submit(run, job);
}

/* One article, or the lines of a JSON Lines stream, as `name`: the first block tells them
 * apart when the name does not. */
static int read_entry(cli_run *run, stream *st, const char *name, int is_stdin, char *block,
                      la_ssize_t first, long long *noted, const char **error)
{
    size_t lead = 0;
    while (lead < (size_t)first && strchr(" \t\r\n", block[lead]))
        lead++;
    int sniffed = run->sniff_ndjson && lead < (size_t)first && block[lead] == '{';
    if (run->ndjson || sniffed || is_ndjson_name(name))
        return read_ndjson(run, st, is_stdin ? "<stdin>" : name, block, first, noted, error);
    return read_article(run, st, name, block, first, noted, error);
}

/* An empty input: an article whose record says "empty", but where JSON Lines are read (a
 * timeline counts no article). */
static int empty_input(cli_run *run, const char *path)
{
    if (run->ndjson || run->sniff_ndjson || is_ndjson_name(path))
        return 0;
    return cli_submit_copy(run, CLI_JOB_ARTICLE, path, "", 0);
}

/* Whether a file's first bytes are text that libarchive would read as itself: no NUL byte (which
 * every archive and compressed stream holds near its start, or in its header), nor a
 * compressor's magic number, nor a uuencoded file's opening. */
static int plain_text(const char *block, size_t n)
{
    static const char *const magic[] = {"\x1f\x8b", "\x1f\x9d", "BZh", "\xfd\x37zXZ", "\x28\xb5\x2f\xfd",
                                        "\x04\x22\x4d\x18", "PK\x03\x04", "PK\x05\x06", "7z\xbc\xaf",
                                        "LZIP", "begin "};
    if (memchr(block, '\0', n))
        return 0;
    for (size_t i = 0; i < sizeof magic / sizeof *magic; i++)
        if (n >= strlen(magic[i]) && !memcmp(block, magic[i], strlen(magic[i])))
            return 0;
    return 1;
}

/* stdin that cannot be read again from its start, for libarchive: the block already read, then
 * the rest. */
typedef struct stdin_feed {
    const cli_libarchive *la;
    const char *first;
    size_t first_len;
    char rest[CLI_BLOCK];
} stdin_feed;

static la_ssize_t feed_stdin(struct archive *a, void *data, const void **buffer)
{
    stdin_feed *feed = data;
    if (feed->first) {
        *buffer = feed->first;
        feed->first = NULL;
        return (la_ssize_t)feed->first_len;
    }
    ssize_t got;
    do
        got = read(0, feed->rest, sizeof feed->rest);
    while (got < 0 && errno == EINTR);
    if (got < 0)
        feed->la->archive_set_error(a, errno, "%s", strerror(errno));
    *buffer = feed->rest;
    return got;
}

/* A compressed file or an archive, whose first `peeked` bytes were read from fd already. The
 * articles of an archive are named by their path inside it, so that an archive gives the same
 * records as the directory it was made from. */
static int read_archive(cli_run *run, const char *path, int fd, const char *peeked, size_t n_peeked)
{
    const char *missing, *error = NULL;
    const cli_libarchive *la = cli_libarchive_get(&missing);
    if (!la) {
        char msg[400];
        snprintf(msg, sizeof msg, "compressed or an archive, which needs libarchive: %s", missing);
        return fail(run, path, msg);
    }
    struct archive *a = la->archive_read_new();
    /* the entries' bytes: the peeked ones stay stdin's first block, which libarchive reads */
    char *block = malloc(CLI_BLOCK);
    stdin_feed *feed = NULL;
    int is_stdin = !strcmp(path, "-");
    if (!a || !block) {
        if (a)
            la->archive_read_free(a);
        free(block);
        return fail(run, path, "out of memory");
    }
    la->archive_read_support_filter_all(a);
    la->archive_read_support_format_tar(a);
    la->archive_read_support_format_zip(a);
    la->archive_read_support_format_7zip(a);
    la->archive_read_support_format_empty(a);
    la->archive_read_support_format_raw(a); /* last resort: the file itself */
    int rc;
    if (!is_stdin)
        rc = la->archive_read_open_filename(a, path, CLI_BLOCK);
    else if (lseek(fd, 0, SEEK_SET) == 0) /* a file on stdin: read again, seeking as 7z needs */
        rc = la->archive_read_open_fd(a, fd, CLI_BLOCK);
    else if ((feed = malloc(sizeof *feed))) {
        *feed = (stdin_feed){.la = la, .first = peeked, .first_len = n_peeked};
        rc = la->archive_read_open(a, feed, NULL, feed_stdin, NULL);
    } else
        rc = ARCHIVE_FATAL;
    stream st = {.la = la, .a = a, .fd = fd};
    int stop = 0;
    size_t entries = 0;
    long long noted = 0;
    struct archive_entry *entry;
    if (rc != ARCHIVE_OK) {
        error = la->archive_error_string(a);
        if (!error)
            error = feed || !is_stdin ? "cannot be read" : "out of memory";
    }
    while (!error && !stop && (rc = la->archive_read_next_header(a, &entry)) != ARCHIVE_EOF) {
        if (rc < ARCHIVE_WARN) {
            error = la->archive_error_string(a);
            break;
        }
        int raw = la->archive_format(a) == ARCHIVE_FORMAT_RAW;
        if (!raw && !is_article_entry(la, entry))
            continue;
        entries++;
        const char *name = raw ? path : la->archive_entry_pathname(entry);
        la_ssize_t first = stream_read(&st, block, CLI_BLOCK, 1);
        if (first < 0) {
            error = st.error;
            break;
        }
        stop = read_entry(run, &st, name, is_stdin, block, first, &noted, &error);
    }
    if (!error && !stop && !entries && la->archive_format(a) == ARCHIVE_FORMAT_EMPTY)
        stop = empty_input(run, path); /* a compressed empty file */
    note_progress(run, &st, &noted);
    if (error && !stop) {
        /* the message belongs to the archive: copy it before freeing */
        char msg[600];
        snprintf(msg, sizeof msg, "%s", error);
        stop = fail(run, path, msg);
    }
    la->archive_read_free(a);
    free(feed);
    free(block);
    return stop;
}

/* A file or stdin: a plain or compressed article or NDJSON file, or an archive of them. */
static int read_file(cli_run *run, const char *path)
{
    int is_stdin = !strcmp(path, "-");
    int fd = is_stdin ? 0 : open(path, O_RDONLY);
    if (fd < 0)
        return fail_errno(run, path);
    char *peeked = malloc(CLI_BLOCK);
    stream st = {.fd = fd};
    /* enough to see a magic number */
    la_ssize_t first = peeked ? stream_read(&st, peeked, CLI_BLOCK, 16) : -1;
    int stop;
    if (!peeked)
        stop = fail(run, path, "out of memory");
    else if (first < 0)
        stop = fail(run, path, st.error);
    else if (!plain_text(peeked, (size_t)first))
        stop = read_archive(run, path, fd, peeked, (size_t)first);
    else if (!first)
        stop = empty_input(run, path);
    else {
        const char *error = NULL;
        long long noted = 0;
        stop = read_entry(run, &st, path, is_stdin, peeked, first, &noted, &error);
        note_progress(run, &st, &noted);
        if (error && !stop)
            stop = fail(run, path, error);
    }
    if (!is_stdin)
        close(fd);
    free(peeked);
    return stop;
}

static int by_name(const struct dirent **a, const struct dirent **b)
{
    return strcmp((*a)->d_name, (*b)->d_name);
}

static char *join_path(const char *dir, const char *name)
{
    size_t len = strlen(dir) + strlen(name) + 2;
    char *full = malloc(len);
    if (full)
        snprintf(full, len, "%s%s%s", dir, dir[strlen(dir) - 1] == '/' ? "" : "/", name);
    return full;
}

static int walk(cli_run *run, const char *path, int depth)
{
    struct stat st;
    if (!strcmp(path, "-"))
        return read_file(run, path);
    if (stat(path, &st))
        return fail_errno(run, path);
    if (!S_ISDIR(st.st_mode))
        return read_file(run, path);
    if (depth >= CLI_MAX_DEPTH)
        return fail(run, path, "directories nested too deep (a symlink loop?)");
    struct dirent **names;
    int n = scandir(path, &names, NULL, by_name);
    if (n < 0)
        return fail_errno(run, path);
    int stop = 0;
    for (int i = 0; i < n; i++) {
        const char *name = names[i]->d_name;
        if (name[0] != '.' && !stop) {
            char *full = join_path(path, name);
            stop = full ? walk(run, full, depth + 1)
                        : fail(run, name, "out of memory");
            free(full);
        }
        free(names[i]);
    }
    free(names);
    return stop;
}

void cli_path(cli_run *run, const char *path)
{
    walk(run, path, 0);
}

void cli_file(cli_run *run, const char *path)
{
    struct stat st;
    if (strcmp(path, "-") && stat(path, &st)) {
        fail_errno(run, path);
        return;
    }
    if (strcmp(path, "-") && S_ISDIR(st.st_mode)) {
        errno = EISDIR;
        fail_errno(run, path);
        return;
    }
    read_file(run, path);
}

static unsigned long long size_of(const char *path, int depth)
{
    struct stat st;
    if (!strcmp(path, "-") || stat(path, &st))
        return 0;
    if (!S_ISDIR(st.st_mode))
        return (unsigned long long)st.st_size;
    if (depth >= CLI_MAX_DEPTH)
        return 0;
    unsigned long long total = 0;
    DIR *dir = opendir(path);
    struct dirent *d;
    while (dir && (d = readdir(dir))) {
        if (d->d_name[0] == '.')
            continue;
        char *full = join_path(path, d->d_name);
        if (full)
            total += size_of(full, depth + 1);
        free(full);
    }
    if (dir)
        closedir(dir);
    return total;
}

unsigned long long cli_path_size(const char *path)
{
    return size_of(path, 0);
}
