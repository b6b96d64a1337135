/* depeche extract: many articles, one JSON line each, in input order. */
#include "cli.h"

int main_extract(int argc, char **argv)
{
    cli_options opt;
    int rc = cli_parse_options(argc, argv, 2, &opt, "extract");
    if (rc) {
        cli_free_options(&opt);
        return rc > 0 ? EXIT_OK : EXIT_USAGE;
    }
    depeche_engine *engine = cli_engine(&opt);
    if (!engine) {
        cli_free_options(&opt);
        return EXIT_USAGE;
    }
    cli_run run = {.engine = engine, .json_flags = opt.explain ? DEPECHE_JSON_EXPLAIN : 0u};
    if (!opt.n_inputs)
        cli_path(&run, "-", opt.ndjson);
    for (size_t i = 0; i < opt.n_inputs && !run.stdout_closed && !run.write_error; i++)
        cli_path(&run, opt.inputs[i], opt.ndjson);
    depeche_engine_free(engine);
    cli_free_options(&opt);
    if (run.write_error)
        return EXIT_USAGE;
    return run.failed ? EXIT_SOME_FAILED : EXIT_OK;
}
