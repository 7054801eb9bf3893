#!/bin/sh
# A config file with four kinds of mistakes (an unknown setting, an
# unknown action, a bad colour line, a bad key name): the reader starts,
# says the first with file:line and how many more on the message line,
# lists all of them in the info view (=), and the good lines work.
. "$top_srcdir/tests/tui/lib.sh"

mkdir -p "$TUI_TMP/config/dubao"
cat >"$TUI_TMP/config/dubao/config" <<'EOC'
set colour-scheme dark
bind j frobnicate
color headline chartreuse default
bind <PageDwn> page-down
bind x next-article
EOC
cfg=$TUI_TMP/config/dubao/config

tui_start 120 30 "$TUI_DATA/two-pages.txt"
tui_wait "article 1/4"
tui_wait "$cfg:1: unknown setting 'colour-scheme' (and 3 more"
tui_keys Tab x
tui_wait "article 2/4"
tui_keys =
tui_wait "4 mistakes in the config file"
for n in 1 2 3 4; do
	tui_has "$cfg:$n: "
done
tui_lacks "$cfg:5:"
tui_keys q Q
[ "$(tui_status)" = 0 ] || tui_fail "exit status"
exit 0
