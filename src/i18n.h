/*
 * i18n.h -- gettext macros. Every user-visible string goes through _();
 * strings in static tables use N_() and are translated where shown.
 */
#ifndef DUBAO_I18N_H
#define DUBAO_I18N_H

#ifdef ENABLE_NLS
#include <libintl.h>
#define _(s) gettext(s)
#else
#define _(s) (s)
#endif
#define N_(s) (s)

#endif /* DUBAO_I18N_H */
