/*
 * ui-export.c -- the article on screen leaves the reader: | runs a shell
 * command with the article's text on its standard input (curses is
 * suspended while it runs, and comes back after a key), s saves it as a
 * UTF-8 text file whose name the prompt offers: the date and the
 * headline, Chinese kept as it is. The text is dump_article_text()'s:
 * title lines, a blank line, a paragraph a line, the captions.
 */
#include <config.h>

#include <sys/types.h>
#include <sys/wait.h>

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <unistr.h>

#include "i18n.h"
#include "util.h"
#include "dump.h"
#include "library.h"
#include "model.h"
#include "state.h"
#include "ui-view.h"

/* Characters of the headline kept in the file name offered. */
#define UI_EXPORT_NAME_CHARS	40

/* Run CMD with the article on its standard input; its exit status. */
static int
ui_export_run(const char *cmd, const struct article *a)
{
	struct sigaction	 ign, old[3];
	FILE			*fp;
	int			 st, i;
	static const int	 sigs[3] = { SIGINT, SIGQUIT, SIGPIPE };

	/* As system() does: the command gets the keyboard's signals. */
	memset(&ign, 0, sizeof ign);
	ign.sa_handler = SIG_IGN;
	for (i = 0; i < 3; i++)
		sigaction(sigs[i], &ign, &old[i]);
	fflush(stdout);
	if ((fp = popen(cmd, "w")) == NULL)
		st = -1;
	else {
		dump_article_text(fp, a);
		st = pclose(fp);
	}
	for (i = 0; i < 3; i++)
		sigaction(sigs[i], &old[i], NULL);
	return st;
}

/* Wait for Enter on the terminal, curses being off. */
static void
ui_export_wait(void)
{
	char	c;

	fputs(_("\nPress Enter to go back to dubao."), stdout);
	fflush(stdout);
	while (read(STDIN_FILENO, &c, 1) == 1 && c != '\n' && c != '\r')
		;
}

void
ui_export_pipe(struct ui *u)
{
	const struct article	*a = state_article(u->st);
	char			*cmd;
	int			 st;

	if (a == NULL)
		return;
	cmd = ui_prompt_with(u, _("pipe the article to: "), NULL, 0);
	if (cmd == NULL)
		return;
	def_prog_mode();
	endwin();
	st = ui_export_run(cmd, a);
	ui_export_wait();
	reset_prog_mode();
	clearok(curscr, TRUE);
	if (st == -1)
		ui_message(u, true, _("cannot run %s: %s"), cmd,
		    strerror(errno));
	else if (WIFEXITED(st) && WEXITSTATUS(st) != 0)
		ui_message(u, true, _("%s: exit status %d"), cmd,
		    WEXITSTATUS(st));
	else if (!WIFEXITED(st))
		ui_message(u, true, _("%s: stopped by a signal"), cmd);
	free(cmd);
}

/*
 * The file name offered for the article: "2019-02-01 标题.txt", the
 * headline cut to UI_EXPORT_NAME_CHARS characters, '/' made '_', no
 * leading dot.
 */
static char *
ui_export_name(struct ui *u, const struct article *a)
{
	const char	*t = article_title(a);
	const uint8_t	*p = (const uint8_t *)t;
	struct buf	 b;
	char		 date[16];
	ucs4_t		 uc;
	int		 n, k = 0;

	buf_init(&b);
	library_date_str(state_library(u->st), state_issue_index(u->st),
	    date);
	if (date[0] != '\0')
		buf_printf(&b, "%s ", date);
	while (*p != '\0' && k++ < UI_EXPORT_NAME_CHARS &&
	    (n = u8_mbtouc(&uc, p, strlen((const char *)p))) > 0) {
		if (uc == '/' || uc < 0x20 || (b.len == 0 && uc == '.'))
			buf_addc(&b, '_');
		else
			buf_add(&b, p, (size_t)n);
		p += n;
	}
	if (b.len == 0)
		buf_adds(&b, _("article"));
	while (b.len > 0 && b.data[b.len - 1] == ' ')
		b.data[--b.len] = '\0';
	buf_adds(&b, ".txt");
	return buf_take(&b);
}

/* Write A to a new file NAME; 0, or -1 with errno. */
static int
ui_export_write(const char *name, const struct article *a)
{
	FILE	*fp;
	int	 fd, rv;

	if ((fd = open(name, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC,
	    0644)) < 0)
		return -1;
	if ((fp = fdopen(fd, "w")) == NULL) {
		close(fd);
		return -1;
	}
	rv = dump_article_text(fp, a);
	if (fclose(fp) != 0)
		rv = -1;
	return rv;
}

void
ui_export_save(struct ui *u)
{
	const struct article	*a = state_article(u->st);
	char			*name, *offer;

	if (a == NULL)
		return;
	offer = ui_export_name(u, a);
	name = ui_prompt_with(u, _("save the article as: "), offer, 0);
	free(offer);
	if (name == NULL)
		return;
	if (ui_export_write(name, a) == 0)
		ui_message(u, false, _("saved to %s"), name);
	else if (errno == EEXIST)
		ui_message(u, true, _("%s: exists, not overwritten"), name);
	else
		ui_message(u, true, _("%s: cannot save: %s"), name,
		    strerror(errno));
	free(name);
}
