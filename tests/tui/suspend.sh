#!/bin/sh
# Ctrl-Z gives the terminal back to the shell (the reader's screen goes,
# the prompt shows), fg brings the reader back as it was, q then exits 0;
# the shell's own modes (flow control on) are back after the exit.
# Needs a shell with job control in the pane: bash, interactive.
. "$top_srcdir/tests/tui/lib.sh"
command -v bash >/dev/null 2>&1 || { echo "no bash: skipped"; exit 77; }

$T new-session -d -s t -x 80 -y 24 "env -i PATH=/usr/bin:/bin \
    TERM=screen LC_ALL=C.UTF-8 XDG_CONFIG_HOME=$TUI_TMP/config \
    XDG_STATE_HOME=$TUI_TMP/state PS1='PROMPT\$ ' \
    bash --norc --noprofile -i" || exit 99
tui_wait "PROMPT\$"
tui_text "$DUBAO $top_srcdir/data/sample.txt"
tui_keys Enter
tui_wait "article 1/10"
tui_keys C-z
tui_wait "Stopped"
tui_lacks "article 1/10"
tui_text "fg"
tui_keys Enter
tui_wait "article 1/10"
tui_has "第1版 要闻"
tui_has "石板巷里，老茶馆又开张了"
# Still live after the resume: keys work, and Ctrl-S is still a key, not
# flow control, in the program mode that fg restores.
tui_keys C-s ]
tui_wait "article 2/10"
tui_keys q
tui_wait_gone "article 2/10"
tui_text 'echo "status=$?"; stty -a | grep -o -- "-*ixon"'
tui_keys Enter
tui_wait "status=0"
tui_screen | grep -qx "ixon" || tui_fail "flow control not given back"
exit 0
