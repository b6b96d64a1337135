/* depeche [FILE]: one article in, one JSON document out. */
#include <unistd.h>

#include "cli.h"

int main_article(int argc, char **argv)
{
    cli_options opt;
    depeche_engine *engine;
    int exit_code;
    if (cli_start(argc, argv, 1, "article", &opt, &engine, &exit_code))
        return exit_code;
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
