/*
 * i18n.h -- gettext macros. Every user-visible string goes through _();
 * strings in static tables use N_() and are translated where shown; a
 * count takes the plural form its language needs through P_(singular,
 * plural, n).
 */
#ifndef DUBAO_I18N_H
#define DUBAO_I18N_H

#ifdef ENABLE_NLS
#include <libintl.h>
#define _(s) gettext(s)
#define P_(s, p, n) ngettext(s, p, n)
#else
#define _(s) (s)
#define P_(s, p, n) ((n) == 1 ? (s) : (p))
#endif
#define N_(s) (s)

#endif /* DUBAO_I18N_H */
