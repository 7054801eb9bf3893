#!/bin/sh
# Run one libFuzzer target for a while and keep what it learnt:
#
#   tests/fuzz/run.sh NAME [SECONDS]
#
# from the top of a tree configured with --enable-fuzzing (make fuzz is
# run first). NAME is conv, loader, layout, settings...; SECONDS defaults
# to 60. New inputs go to a scratch corpus, which is then merged into
# tests/fuzz/NAME-fuzzer.in/ (only inputs that add coverage are kept), so
# that make check replays them. A crash leaves crash-* (or leak-*,
# timeout-*) in the current folder and exits non-zero: fix the bug, then
# add the file to the corpus under a name that says what it found.
# The last lines of the log give the figures: executions, coverage
# (cov:, ft:) and the time.
set -u
name=${1:?usage: run.sh NAME [SECONDS]}
secs=${2:-60}
# A unit slower than this many seconds (wall clock) is reported as a
# hang. On a machine shared with builds, a niced fuzzer can be starved
# that long: FUZZ_TIMEOUT raises it.
limit=${FUZZ_TIMEOUT:-10}
src=$(cd "$(dirname "$0")" && pwd)
corpus="$src/$name-fuzzer.in"
bin=tests/fuzz/$name-libfuzzer
[ -d "$corpus" ] || { echo "run.sh: no corpus $corpus" >&2; exit 2; }
make -s "$bin" || exit 2
scratch=$(mktemp -d) || exit 2
trap 'rm -rf "$scratch" "$scratch.min"' EXIT
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}
log=fuzz-$name.log
# The dictionary of a target, if it has one, helps it find keywords.
dict=
[ -f "$src/$name.dict" ] && dict="-dict=$src/$name.dict"
# shellcheck disable=SC2086
nice "$bin" $dict -max_total_time="$secs" -max_len=65536 -timeout="$limit" \
    -rss_limit_mb=2048 -print_final_stats=1 "$scratch" "$corpus" \
    >"$log" 2>&1
status=$?
grep -E '^(#[0-9]+.*(DONE|pulse)|stat::|Done )' "$log" | tail -n 8
# The corpus keeps its named inputs (seeds, what once crashed) and, of
# the rest, old and new, only what adds coverage edges (hit counts and
# comparisons left out, which keeps it small): after a crash too (the
# crash file itself is not in the scratch corpus).
min=$scratch.min
mkdir "$min" || exit 2
for f in "$corpus"/*; do
	case ${f##*/} in
	[0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f]*) ;;
	*) cp "$f" "$min/" ;;
	esac
done
"$bin" -merge=1 -use_counters=0 -use_cmp=0 "$min" "$corpus" "$scratch" \
    >>"$log" 2>&1 &&
    rm -f "$corpus"/[0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f]* &&
    cp "$min"/* "$corpus/"
rm -rf "$min"
echo "run.sh: $name: $(ls "$corpus" | wc -l) inputs in $corpus"
if [ "$status" -ne 0 ]; then
	echo "run.sh: $name: the fuzzer stopped with status $status (see $log)"
	exit "$status"
fi
