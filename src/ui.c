/* ui.c -- placeholder until the reader lands: prints the text dump. */
#include <config.h>
#include <stdio.h>
#include "dump.h"
#include "ui.h"
int
ui_run(struct library *lib, const struct options *opts)
{
	dump_text(stdout, lib, 80, opts->measure);
	return 0;
}
