# score-lib.sh -- sourced by tests/seed.sh and tests/golden/run.sh.
# Needs $exp (the expected tree), $tmp (a scratch folder), $DUBAO and
# $top_srcdir; sets fail=1 when a check fails.

# check NAME MIN PATH [score.py options]: dubao's tree of PATH must score
# at least MIN percent against $exp, field by field.
check() {
	name=$1 min=$2 path=$3
	shift 3
	if ! "$DUBAO" --dump=json "$path" >"$tmp/$name.json" 2>"$tmp/$name.err"
	then
		echo "FAIL $name: dubao exited non-zero"; cat "$tmp/$name.err"
		fail=1
		return
	fi
	if python3 "$top_srcdir/tests/score.py" "$exp" "$tmp/$name.json" \
	    --min="$min" "$@" >"$tmp/$name.score"; then
		echo "ok   $name: $(tail -n 1 "$tmp/$name.score")"
	else
		echo "FAIL $name (need $min%):"; cat "$tmp/$name.score"
		fail=1
	fi
}
