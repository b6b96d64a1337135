/* depeche extract: many articles, one JSON line each, in input order, on N threads. */
#include <unistd.h>

#include "cli.h"

int main_extract(int argc, char **argv)
{
    cli_options opt;
    depeche_engine *engine;
    int exit_code;
    if (cli_start(argc, argv, 2, "extract", &opt, &engine, &exit_code))
        return exit_code;
    size_t n_inputs;
    const char *const *inputs = cli_inputs(&opt, &n_inputs);
    cli_run run = cli_run_for(&opt, engine);
    run.progress = !opt.quiet && (opt.progress > 0 || (opt.progress < 0 && isatty(STDERR_FILENO)));
    if (run.progress)
        for (size_t i = 0; i < n_inputs; i++)
            run.bytes_total += cli_path_size(inputs[i]);
    if (cli_run_start(&run, cli_threads(&opt))) {
        fputs("depeche: cannot start the worker threads\n", stderr);
        depeche_engine_free(engine);
        cli_free_options(&opt);
        return EXIT_USAGE;
    }
    for (size_t i = 0; i < n_inputs && !atomic_load(&run.stopped); i++)
        cli_path(&run, inputs[i]);
    cli_run_finish(&run);
    if (!opt.quiet && !(atomic_load(&run.stopped) && !run.write_error))
        cli_run_summary(&run); /* not when the reader went away: that run ends quietly */
    depeche_engine_free(engine);
    cli_free_options(&opt);
    return cli_run_status(&run);
}
