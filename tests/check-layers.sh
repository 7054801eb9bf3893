#!/bin/sh
# check-layers.sh -- the layering rules of STYLE.md 4.1 and 4.5, checked
# on the sources:
#   1. only src/ui*.c include a curses header (curses.h, ncurses.h,
#      ncursesw/..., term.h, panel.h, menu.h, form.h) or call curses
#      functions (initscr, endwin, newwin, wrefresh, doupdate, getch...);
#      a private UI header (src/ui-*.h) may include curses too, as long
#      as only src/ui*.c include that header, so that nothing else is
#      compiled against curses;
#   2. only src/main.c and src/ui*.c (and the UI's own headers) include
#      "ui.h" and the ui-*.h headers (nothing below the front end reaches
#      up into it);
#   3. library modules do not print: no printf, puts, perror, putchar or
#      writes to stdout/stderr outside src/main.c, src/ui*.c and util.c's
#      fatal() (dump.c writes to the FILE it is given);
#   4. each module includes the headers of its own layer and of the
#      layers below it, never above (DESIGN.md's layer table), and of the
#      libraries outside libc only those its layer may use:
#
#	layer	files				libraries besides libc
#	0	util, i18n, options		-
#	1	text, keyseq			libunistring
#	2	diag				libunistring
#	3	conv, model, position, fold	+ iconv (conv), OpenCC (fold)
#	4	loader*				libunistring
#	5	layout, library*		+ SQLite (library*)
#	6	search, library-index,		libunistring, SQLite
#		library-search, library-pack	(the search index)
#	7	state, state-*, settings	libunistring
#	8	dump*				libunistring
#	9	ui*, main			+ curses (ui*, rules 1 and 2)
#
#      A file not in the table fails the check: a new module is given
#      its layer here.
# The checker first runs on a small tree that breaks every rule, so a
# checker that finds nothing cannot pass by accident.
# Usage: check-layers.sh [SRCDIR]   (default $top_srcdir/src)
: "${top_srcdir:=.}"

# Non-comment lines of FILE as "FILE:LINE:TEXT" (block comments whose
# lines start with "/*" or " *" are skipped; good enough for house style).
layers_code() {
	awk '
	/^[ \t]*\/\*/ { if ($0 !~ /\*\//) inc = 1; next }
	inc { if ($0 ~ /\*\//) inc = 0; next }
	{ print FILENAME ":" FNR ":" $0 }' "$1"
}

curses_include='^[^:]*:[0-9]+:[ \t]*#[ \t]*include[ \t]*<(n?curses(w/[a-z]*)?\.h|ncursesw?/[a-z]+\.h|term\.h|panel\.h|menu\.h|form\.h)>'

# The layer of source file or header $1 (a name), or "" if it has none.
layers_rank() {
	case $1 in
	util.[ch] | i18n.h | options.h) echo 0 ;;
	text.[ch] | keyseq.[ch]) echo 1 ;;
	diag.[ch]) echo 2 ;;
	conv.[ch] | model.[ch] | position.[ch] | fold.[ch]) echo 3 ;;
	loader.[ch] | loader-*.[ch]) echo 4 ;;
	search.[ch] | library-index.[ch] | library-search.[ch] | \
	    library-pack.[ch]) echo 6 ;;
	layout.[ch] | library.[ch] | library-*.[ch]) echo 5 ;;
	state.[ch] | state-*.[ch] | settings.[ch]) echo 7 ;;
	dump.[ch] | dump-*.[ch]) echo 8 ;;
	ui.[ch] | ui-*.[ch] | main.c) echo 9 ;;
	esac
}

# Rule 4 for file $1: print its violations; returns 1 when there was one.
layers_check_rank() {
	_f=$1
	_b=${_f##*/}
	_r=$(layers_rank "$_b")
	if [ -z "$_r" ]; then
		echo "check-layers: $_f: not in the layer table of" \
		    "tests/check-layers.sh"
		return 1
	fi
	_bad=0
	for _h in $(layers_code "$_f" | sed -nE \
	    's/^[^:]*:[0-9]+:[ \t]*#[ \t]*include[ \t]*"([^"]+)".*/\1/p'); do
		case $_h in
		ui.h | ui-*.h) continue ;;	# rule 2
		esac
		_hr=$(layers_rank "$_h")
		if [ -n "$_hr" ] && [ "$_hr" -gt "$_r" ]; then
			echo "check-layers: $_f: includes $_h, a layer above" \
			    "its own"
			_bad=1
		fi
	done
	for _h in $(layers_code "$_f" | sed -nE \
	    's/^[^:]*:[0-9]+:[ \t]*#[ \t]*include[ \t]*<([^>]+)>.*/\1/p'); do
		_ok=yes
		case $_h in
		uni*.h) [ "$_r" -ge 1 ] || _ok=no ;;
		iconv.h) [ "$_b" = conv.c ] || _ok=no ;;
		opencc.h | opencc/*) [ "$_b" = fold.c ] || _ok=no ;;
		sqlite3.h)
			case $_b in library*) ;; *) _ok=no ;; esac ;;
		esac
		if [ $_ok = no ]; then
			echo "check-layers: $_f: <$_h> is not for its layer"
			_bad=1
		fi
	done
	return $_bad
}

# Check the .c and .h files of directory $1; print every violation.
# Returns 1 when there was one.
layers_check() {
	dir=$1
	bad=0
	# The UI headers that include curses.
	curses_hdrs=
	for f in "$dir"/ui*.h; do
		[ -f "$f" ] || continue
		if layers_code "$f" | grep -Eq "$curses_include"; then
			curses_hdrs="$curses_hdrs ${f##*/}"
		fi
	done
	for f in "$dir"/*.c "$dir"/*.h; do
		[ -f "$f" ] || continue
		base=${f##*/}
		case $base in
		ui.c | ui-*.c | ui-*.h) ui=yes ;;
		*) ui=no ;;
		esac
		if [ $ui = no ] && layers_code "$f" | grep -E "$curses_include"
		then
			echo "check-layers: $f: only src/ui*.c may include curses"
			bad=1
		fi
		if [ $ui = no ] && layers_code "$f" | grep -E \
		    '(^|[^A-Za-z0-9_])(initscr|endwin|newwin|newpad|delwin|wrefresh|wnoutrefresh|doupdate|wgetch|getch|wget_wch|get_wch|keypad|mvwaddnstr|waddnstr|mvaddstr|addstr|printw|wprintw|start_color|init_pair|wattron|attron|cbreak|noecho)[ \t]*\('
		then
			echo "check-layers: $f: curses calls belong in src/ui*.c"
			bad=1
		fi
		case $base in
		main.c | ui.c | ui-*.c | ui-*.h) ;;
		*)
			if layers_code "$f" | grep -E \
			    '^[^:]*:[0-9]+:[ \t]*#[ \t]*include[ \t]*"ui(-[a-z]+)?\.h"'
			then
				echo "check-layers: $f: only main.c and ui*.c" \
				    "may include ui headers"
				bad=1
			fi
			;;
		esac
		case $base in
		ui.c | ui-*.c | ui-*.h) ;;
		*)
			# A UI header that includes curses is for ui*.c only.
			for h in $curses_hdrs; do
				if layers_code "$f" | grep -E \
				    "^[^:]*:[0-9]+:[ \t]*#[ \t]*include[ \t]*\"$h\""
				then
					echo "check-layers: $f: $h includes" \
					    "curses; only src/ui*.c may include it"
					bad=1
				fi
			done
			;;
		esac
		layers_check_rank "$f" || bad=1
		case $base in
		main.c | ui.c | ui-*.c | util.c | *.h) ;;
		*)
			if layers_code "$f" | grep -E \
			    '(^|[^A-Za-z0-9_])(printf|puts|perror|putchar|vprintf)[ \t]*\(|(^|[^A-Za-z0-9_])(stdout|stderr)([^A-Za-z0-9_]|$)'
			then
				echo "check-layers: $f: library modules do not" \
				    "print (return a cause or add a diagnostic)"
				bad=1
			fi
			;;
		esac
	done
	return $bad
}

tmp=$(mktemp -d) || exit 99
trap 'rm -rf "$tmp"' EXIT

# The checker must catch a broken tree: one file per rule.
mkdir "$tmp/src" || exit 99
printf '#include <config.h>\n#include <curses.h>\n' >"$tmp/src/text.c"
printf 'void\nx(void)\n{\n\tinitscr();\n}\n' >"$tmp/src/layout.c"
printf '#include "ui.h"\n' >"$tmp/src/state.c"
printf 'void\ny(void)\n{\n\tprintf("hello\\n");\n}\n' >"$tmp/src/loader.c"
printf '/*\n * Comments may say printf( and initscr( freely.\n */\n' \
    >"$tmp/src/model.c"
printf '#include <ncursesw/curses.h>\n#include "ui.h"\n' >"$tmp/src/ui-toc.c"
printf '#include <curses.h>\n' >"$tmp/src/ui-draw.h"
printf '#include "ui-draw.h"\n' >"$tmp/src/ui-article.c"
printf '#include "ui-draw.h"\n' >"$tmp/src/search.c"
printf '#include <unistr.h>\n#include "text.h"\n' >"$tmp/src/diag.c"
printf '#include "layout.h"\n#include <sqlite3.h>\n' >"$tmp/src/conv.c"
printf '#include <sqlite3.h>\n#include "state.h"\n' >"$tmp/src/library.c"
printf '#include <uniwidth.h>\n' >"$tmp/src/util.c"
printf 'int w;\n' >"$tmp/src/widget.c"
layers_check "$tmp/src" >"$tmp/out"
n=$(grep -c '^check-layers:' "$tmp/out")
if [ "$n" -ne 11 ] || grep -Eq \
    '^check-layers: [^ ]*/(model\.c|ui-toc\.c|ui-article\.c|ui-draw\.h|diag\.c):' \
    "$tmp/out"; then
	echo "check-layers: self-test failed: expected exactly 11 findings" \
	    "(text.c, layout.c, state.c, loader.c, search.c twice, conv.c" \
	    "twice, library.c, util.c, widget.c), got:"
	cat "$tmp/out"
	exit 99
fi

src=${1:-$top_srcdir/src}
[ -d "$src" ] || { echo "check-layers: no directory $src"; exit 99; }
if layers_check "$src"; then
	echo "check-layers: $(ls "$src"/*.c "$src"/*.h | wc -l) files ok"
	exit 0
fi
exit 1
