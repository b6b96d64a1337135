/* depeche timeline: events merged across articles. */
#include "cli.h"

int main_timeline(int argc, char **argv)
{
    (void)argc, (void)argv;
    return EXIT_USAGE;
}
