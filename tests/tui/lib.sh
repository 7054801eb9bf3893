# tests/tui/lib.sh -- helpers for the tmux-driven tests of the reader,
# sourced by each tests/tui/*.sh. Every test gets its own tmux server
# (a private socket in the test's temporary folder, which goes with it;
# no user config) and polls the screen for text instead of sleeping.
# Needs $top_srcdir and $DUBAO from make check.

command -v tmux >/dev/null 2>&1 || { echo "tmux not found: skipped"; exit 77; }
: "${top_srcdir:=.}"
: "${DUBAO:=${top_builddir:-.}/src/dubao}"
[ -x "$DUBAO" ] || { echo "no $DUBAO"; exit 99; }
TUI_DATA=$top_srcdir/tests/tui/data
TUI_TMP=$(mktemp -d "${TMPDIR:-/tmp}/dubao-tui.XXXXXX") || exit 99
T="tmux -S $TUI_TMP/sock -f /dev/null"
trap '$T kill-server 2>/dev/null; rm -rf "$TUI_TMP"' EXIT
trap 'exit 1' INT TERM HUP

# A keeper session holds the server while the program under test exits.
$T new-session -d -s keep -x 20 -y 5 "sleep 300" || exit 99
$T set-option -g remain-on-exit on

# tui_start COLS ROWS ARGS...: run dubao in session t through a small
# script that records its exit status (tmux 3.3a does not always reap a
# pane's process). XDG_* point into the test's folder; the reading state
# starts empty each time unless $TUI_KEEP_STATE is set. Extra
# environment comes from $TUI_ENV (e.g.
# "NO_COLOR=1"), the terminal type from $TUI_TERM (default screen).
# Standard error goes to $TUI_TMP/stderr, or with TUI_STDERR=tty to the
# terminal (to see what dubao writes there before the reader starts).
tui_start() {
	_c=$1 _r=$2
	shift 2
	_err="2>\"$TUI_TMP/stderr\""
	[ "${TUI_STDERR:-}" = tty ] && _err=
	rm -f "$TUI_TMP/status"
	# Each start reads afresh (no position to resume) unless the test
	# keeps the reading state across starts (TUI_KEEP_STATE=1).
	[ -n "${TUI_KEEP_STATE:-}" ] || rm -rf "$TUI_TMP/state"
	# The shell ignores Ctrl-C and Ctrl-\ (dubao catches them itself).
	cat >"$TUI_TMP/run.sh" <<EOS
trap '' INT QUIT
env TERM=${TUI_TERM:-screen} LC_ALL=${TUI_LC:-C.UTF-8} \\
    XDG_CONFIG_HOME="$TUI_TMP/config" XDG_STATE_HOME="$TUI_TMP/state" \\
    XDG_CACHE_HOME="$TUI_TMP/cache" \\
    $TUI_ENV "$DUBAO" "\$@" $_err
echo \$? >"$TUI_TMP/status.new"
mv "$TUI_TMP/status.new" "$TUI_TMP/status"
EOS
	$T new-session -d -s t -x "$_c" -y "$_r" sh "$TUI_TMP/run.sh" "$@" ||
	    exit 99
}

tui_keys() { $T send-keys -t t "$@"; }
tui_text() { $T send-keys -t t -l "$1"; }
tui_screen() { $T capture-pane -p -t t "$@"; }
tui_fail() {
	echo "FAIL: $*"
	echo "--- screen:"
	tui_screen
	exit 1
}

# tui_wait TEXT [FLAGS]: poll up to 10 s for TEXT (fixed string) on screen.
tui_wait() {
	_i=0
	until tui_screen $2 | grep -qF -- "$1"; do
		_i=$((_i + 1))
		[ "$_i" -gt 200 ] && tui_fail "timeout waiting for: $1"
		sleep 0.05
	done
}

# tui_wait_gone TEXT: poll up to 10 s until TEXT has left the screen.
tui_wait_gone() {
	_i=0
	while tui_screen | grep -qF -- "$1"; do
		_i=$((_i + 1))
		[ "$_i" -gt 200 ] && tui_fail "timeout waiting for $1 to go"
		sleep 0.05
	done
}

# tui_has TEXT: TEXT is on screen, or comes within 2 s (a redraw after
# a resize or a key may still be on its way on a loaded machine).
tui_has() {
	_i=0
	until tui_screen | grep -qF -- "$1"; do
		_i=$((_i + 1))
		[ "$_i" -gt 40 ] && tui_fail "missing: $1"
		sleep 0.05
	done
}
# tui_lacks TEXT: TEXT is not on screen now.
tui_lacks() { tui_screen | grep -qF -- "$1" && tui_fail "unexpected: $1"; :; }

# tui_status: wait up to 10 s for dubao to exit; print its exit status.
tui_status() {
	_i=0
	until [ -f "$TUI_TMP/status" ]; do
		_i=$((_i + 1))
		[ "$_i" -gt 200 ] && { echo timeout; return; }
		sleep 0.05
	done
	cat "$TUI_TMP/status"
}

# tui_pid: the process id of dubao (the child of the pane's shell).
tui_pid() { ps -o pid= --ppid "$($T display-message -p -t t '#{pane_pid}')" | tr -d ' '; }
tui_resize() { $T resize-window -t t -x "$1" -y "$2"; }

# tui_reverse_runs: the runs of reverse-video text on screen (the search
# highlights), one a line, rows of the status and message lines left out.
tui_reverse_runs() {
	tui_screen -e | python3 -B -c '
import re, sys
rows = sys.stdin.read().split("\n")
for row in rows[:-3]:
    rev, run = False, ""
    for tok in re.split("(\x1b\\[[0-9;]*m)", row):
        if tok.startswith("\x1b["):
            for p in (tok[2:-1] or "0").split(";"):
                if p in ("0", "27"):
                    rev = False
                elif p == "7":
                    rev = True
            if not rev and run:
                print(run)
                run = ""
        elif rev:
            run += tok
    if run:
        print(run)
'
}

# tui_row N: row N of the screen (1 is the top), as captured.
tui_row() { tui_screen | sed -n "${1}p"; }

# tui_wait_row N TEXT: poll up to 10 s until row N is exactly TEXT.
tui_wait_row() {
	_i=0
	until [ "$(tui_row "$1")" = "$2" ]; do
		_i=$((_i + 1))
		[ "$_i" -gt 200 ] && tui_fail "timeout waiting for row $1 to be: $2"
		sleep 0.05
	done
}
