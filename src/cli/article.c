/* depeche [FILE]: one article in, one JSON document out. */
#include <unistd.h>

#include "cli.h"

int main_article(int argc, char **argv)
{
    cli_options opt;
    int rc = cli_parse_options(argc, argv, 1, &opt, "article");
    if (rc) {
        cli_free_options(&opt);
        return rc > 0 ? EXIT_OK : EXIT_USAGE;
    }
    depeche_engine *engine = cli_engine(&opt);
    if (!engine) {
        cli_free_options(&opt);
        return EXIT_USAGE;
    }
    int pretty = opt.pretty >= 0 ? opt.pretty : isatty(STDOUT_FILENO);
    cli_run run = {.engine = engine,
                   .encoding = opt.encoding,
                   .json_flags = (pretty ? DEPECHE_JSON_PRETTY : 0u) |
                                 (opt.explain ? DEPECHE_JSON_EXPLAIN : 0u)};
    cli_run_start(&run, 1);
    cli_file(&run, opt.n_inputs ? opt.inputs[0] : "-");
    cli_run_finish(&run);
    depeche_engine_free(engine);
    cli_free_options(&opt);
    return cli_run_status(&run);
}
