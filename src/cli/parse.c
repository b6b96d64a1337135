/* depeche parse: articles -> CoNLL-U, a sentence at a time. */
#include <unistd.h>

#include "cli.h"

int main_parse(int argc, char **argv)
{
    cli_options opt;
    depeche_engine *engine;
    int exit_code;
    if (cli_start(argc, argv, 2, "parse", &opt, &engine, &exit_code))
        return exit_code;
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
