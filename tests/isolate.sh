#!/bin/sh
# tests/isolate.sh -- run one test (the command line given) with a home
# of its own: HOME and the XDG folders (config, reading state, catalogue
# cache) point into a new temporary folder, removed afterwards, so that
# no test reads the user's files or another test's, and none writes
# under the user's home. make check runs every test through it (the
# LOG_COMPILER variables of Makefile.am).
#
# A test fails when dubao's folders appear in that home
# ($HOME/.cache/dubao, $HOME/.local/state/dubao, $HOME/.config/dubao):
# they would mean that something fell back to $HOME instead of the XDG
# folders, which a user's real home would then have got.
home=$(mktemp -d "${TMPDIR:-/tmp}/dubao-home.XXXXXX") || exit 99
HOME=$home/home
XDG_CONFIG_HOME=$home/config
XDG_STATE_HOME=$home/state
XDG_CACHE_HOME=$home/cache
export HOME XDG_CONFIG_HOME XDG_STATE_HOME XDG_CACHE_HOME
mkdir "$HOME" || exit 99
"$@"
rc=$?
for d in .cache/dubao .local/state/dubao .config/dubao; do
	if [ -e "$HOME/$d" ]; then
		echo "FAIL: the test wrote under \$HOME: $d" >&2
		[ "$rc" = 99 ] || rc=1
	fi
done
chmod -R u+rwx "$home" 2>/dev/null
rm -rf "$home"
exit "$rc"
