#!/bin/sh
# placement.sh -- a fixed sample of the training issues
# (../shared/corpus/rmrb-train), laid out as page dumps by
# tools/recompose.py (seed 1) and read back: the share of paragraphs that
# land whole in the right article (tests/score.py) stays at or above the
# floors below, per issue and as a median. The floors sit a little under
# what the loader reaches today, so that a change that loses articles
# fails here in seconds, before the long measure (tools/measure.py).
# Skips (77) without ../shared, python3, tar or xz.

: "${DUBAO:?}" "${top_srcdir:?}"
archive=$top_srcdir/../shared/corpus/rmrb-train/rmrb-2019-02-10.tar.xz
[ -f "$archive" ] || exit 77
command -v python3 >/dev/null 2>&1 || exit 77
command -v tar >/dev/null 2>&1 || exit 77
command -v xz >/dev/null 2>&1 || exit 77
tmp=$(mktemp -d "${TMPDIR:-/tmp}/dubao-placement.XXXXXX") || exit 99
trap 'rm -rf "$tmp"' EXIT INT TERM

# The sample: a Monday-to-Saturday spread of both months.
sample="2019年2月/20190212 2019年2月/20190222 2019年10月/20191009"
MEDIAN_FLOOR=85
WORST_FLOOR=78

mkdir "$tmp/in" "$tmp/work"
# shellcheck disable=SC2086
tar -xJf "$archive" -C "$tmp/in" $sample || exit 99
dirs=
for d in $sample; do
	dirs="$dirs $tmp/in/$d"
done
# shellcheck disable=SC2086
python3 "$top_srcdir/tools/measure.py" --dubao="$DUBAO" --seeds=1 \
    --work="$tmp/work" $dirs >"$tmp/out" 2>&1 || {
	cat "$tmp/out"
	exit 1
}
cat "$tmp/out"
python3 - "$tmp/out" "$MEDIAN_FLOOR" "$WORST_FLOOR" <<'EOF'
import re, sys
text = open(sys.argv[1], encoding="utf-8").read()
floor_median, floor_worst = float(sys.argv[2]), float(sys.argv[3])
runs = [float(x) for x in re.findall(r"placement +([0-9.]+)%", text)]
m = re.search(r"^all: (\d+) runs, placement median ([0-9.]+)%, worst "
              r"([0-9.]+)%", text, re.M)
if not m or int(m.group(1)) != 3 or len(runs) != 3:
    sys.exit("placement: the measure did not score the three issues")
median, worst = float(m.group(2)), float(m.group(3))
bad = []
if median < floor_median:
    bad.append("median %.2f%% < %.0f%%" % (median, floor_median))
if worst < floor_worst:
    bad.append("worst %.2f%% < %.0f%%" % (worst, floor_worst))
if bad:
    sys.exit("placement: " + "; ".join(bad))
print("placement: median %.2f%%, worst %.2f%%" % (median, worst))
EOF
