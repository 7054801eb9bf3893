# tests/tui/archive.sh -- a small archive for the library's reader tests,
# sourced after lib.sh: tui_archive DIR makes DIR/晨报/2021年3月/DAY/ with
# three crawler issues (2021-03-01, 02 and 03) of three pages each. Page
# 1 holds two articles, page 2 one, page 3 one; every headline names its
# day and place ("三月一日 一版头条"), and the first article is long
# enough to need scrolling at 24 rows.

tui_article() {	# tui_article FILE HEADLINE PARAGRAPHS
	{
		printf '\r\n%s\r\n\r\n' "$2"
		_k=0
		while [ "$_k" -lt "$3" ]; do
			printf '　　%s的第%d段正文，写得足够长，让一行放不下，' "$2" "$_k"
			printf '读者需要翻页才能读到文章的末尾。\r\n'
			_k=$((_k + 1))
		done
		printf '　　%s到此结束。\r\n' "$2"
	} >"$1"
}

tui_archive() {
	for _d in 1 2 3; do
		_day=2021030$_d
		_dir=$1/晨报/2021年3月/$_day
		mkdir -p "$_dir" || exit 99
		_n=$(echo "$_d" | sed 's/1/一/;s/2/二/;s/3/三/')
		tui_article "$_dir/$_day-01-01.txt" "三月${_n}日 一版头条" 30
		tui_article "$_dir/$_day-01-02.txt" "三月${_n}日 一版二条" 2
		tui_article "$_dir/$_day-02-01.txt" "三月${_n}日 二版头条" 2
		tui_article "$_dir/$_day-03-01.txt" "三月${_n}日 三版头条" 2
	done
}
