/*
 * floor.c -- the least a curses program does to show a first screen:
 * start ncursesw, fill the screen with Chinese text and a status line,
 * refresh, wait for a key. bench/ui.sh times it beside less and dubao, so
 * that the share of the first-screen time that any ncurses program pays
 * (newterm() and a full first frame) is measured, not guessed.
 */
#define _XOPEN_SOURCE_EXTENDED 1

#include <locale.h>
#include <wchar.h>

#include <curses.h>

int
main(void)
{
	static const wchar_t	 text[] = L"老城区的街巷改造满三个月，"
	    L"茶馆重新开张，街坊们每天清晨照旧来喝一壶炒青，聊聊家常。";
	SCREEN			*sp;
	int			 y, n;

	setlocale(LC_CTYPE, "");
	if ((sp = newterm(NULL, stdout, stdin)) == NULL)
		return 1;
	set_term(sp);
	cbreak();
	noecho();
	n = (int)(sizeof text / sizeof text[0]) - 1;
	for (y = 0; y < LINES - 1; y++)
		mvaddnwstr(y, 0, text + y % 7, COLS / 2 - 1 < n - 7 ?
		    COLS / 2 - 1 : n - 7);
	attron(A_REVERSE);
	mvaddstr(LINES - 1, 0, " floor  article 1/1 ");
	attroff(A_REVERSE);
	refresh();
	getch();
	endwin();
	delscreen(sp);
	return 0;
}
