/* ui-article.c -- placeholder. */
#include <config.h>
