/* ui-toc.c -- placeholder. */
#include <config.h>
