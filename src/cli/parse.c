/* depeche parse: articles -> CoNLL-U, a sentence at a time. */
#include <unistd.h>

#include "cli.h"

int main_parse(int argc, char **argv)
{
    cli_options opt;
    int rc = cli_parse_options(argc, argv, 2, &opt, "parse");
    if (rc) {
        cli_free_options(&opt);
        return rc > 0 ? EXIT_OK : EXIT_USAGE;
    }
    depeche_engine *engine = cli_engine(&opt);
    if (!engine) {
        cli_free_options(&opt);
        return EXIT_USAGE;
    }
    size_t n_inputs;
    const char *const *inputs = cli_inputs(&opt, &n_inputs);
    cli_run run = cli_run_for(&opt, engine);
    run.conllu = 1;
    run.sniff_ndjson = 0;
    /* one thread unless asked: then sentences stream out as they are parsed */
    if (cli_run_start(&run, opt.jobs > 0 ? cli_threads(&opt) : 1)) {
        fputs("depeche: cannot start the worker threads\n", stderr);
        depeche_engine_free(engine);
        cli_free_options(&opt);
        return EXIT_USAGE;
    }
    for (size_t i = 0; i < n_inputs && !atomic_load(&run.stopped); i++)
        cli_path(&run, inputs[i]);
    cli_run_finish(&run);
    depeche_engine_free(engine);
    cli_free_options(&opt);
    return cli_run_status(&run);
}
