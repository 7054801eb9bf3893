/* test-search.c -- placeholder */
#include <config.h>
#include "tcheck.h"
int
main(void)
{
	TSTART();
	return TDONE();
}
