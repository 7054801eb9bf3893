#!/bin/sh
# corpus.sh -- the four People's Daily crawler issues of
# ../shared/corpus/rmrb-caspiankexin load natively: every file that is not
# an advertisement becomes one article, in page then article order, with
# the date from the file names, the page number PP, the kicker, headline
# and subhead from lines 1-3 and the paragraphs from the rest. The
# expectations are computed here from the files themselves (python3), not
# written down. Skips (77) without ../shared or python3.

: "${DUBAO:?}" "${top_srcdir:?}"
corpus=$top_srcdir/../shared/corpus/rmrb-caspiankexin
[ -d "$corpus" ] || exit 77
command -v python3 >/dev/null 2>&1 || exit 77
tmp=$(mktemp -d "${TMPDIR:-/tmp}/dubao-corpus.XXXXXX") || exit 99
trap 'rm -rf "$tmp"' EXIT INT TERM

cat >"$tmp/compare.py" <<'EOF'
import json, os, re, sys

# Layout spaces: ASCII, no-break, ideographic and the other fixed spaces.
SPACE = "[ \t\u00a0\u3000\u2000-\u200a\u202f\u205f]+"
NAME = re.compile(r"^(\d{4})(\d{2})(\d{2})-(\d+)-(\d+)\.txt$")

def clean(line):
    return re.sub(SPACE, " ", line).strip(" ")

def expected(folder):
    """The issue a crawler folder describes, from its files alone."""
    files = []
    for name in os.listdir(folder):
        m = NAME.match(name)
        if m:
            files.append((int(m.group(4)), int(m.group(5)), name, m))
    files.sort()
    pages, date = [], None
    for page, _, name, m in files:
        date = "%s-%s-%s" % m.group(1, 2, 3)
        with open(os.path.join(folder, name), encoding="utf-8",
                  newline="") as f:
            lines = [clean(l) for l in re.split(r"\r\n|\n|\r", f.read())]
        if [l for l in lines if l] == ["广告"]:
            continue            # an advertisement: skipped
        lines += ["", "", ""]
        art = {"kicker": lines[0] or None, "headline": lines[1] or None,
               "subhead": lines[2] or None,
               "paragraphs": [l for l in lines[3:] if l]}
        if not pages or pages[-1]["number"] != page:
            pages.append({"number": page, "articles": []})
        pages[-1]["articles"].append(art)
    return {"date": date, "pages": pages}

def got(issue):
    keys = ("kicker", "headline", "subhead", "paragraphs")
    return {"date": issue["date"],
            "pages": [{"number": p["number"],
                       "articles": [{k: a[k] for k in keys}
                                    for a in p["articles"]]}
                      for p in issue["pages"]]}

folder, dump = sys.argv[1], sys.argv[2]
with open(dump, encoding="utf-8") as f:
    issues = json.load(f)["issues"]
want = expected(folder)
if len(issues) != 1:
    sys.exit("%s: %d issues, expected 1" % (folder, len(issues)))
have = got(issues[0])
bad = 0
if have["date"] != want["date"]:
    print("date %s, expected %s" % (have["date"], want["date"]))
    bad += 1
hp = [p["number"] for p in have["pages"]]
wp = [p["number"] for p in want["pages"]]
if hp != wp:
    print("pages %s, expected %s" % (hp, wp))
    bad += 1
for h, w in zip(have["pages"], want["pages"]):
    if len(h["articles"]) != len(w["articles"]):
        print("page %d: %d articles, expected %d" % (w["number"],
              len(h["articles"]), len(w["articles"])))
        bad += 1
    for i, (ha, wa) in enumerate(zip(h["articles"], w["articles"])):
        for k in wa:
            if ha[k] != wa[k]:
                print("page %d article %d %s:\n  got      %r\n  expected %r"
                      % (w["number"], i + 1, k, str(ha[k])[:200],
                         str(wa[k])[:200]))
                bad += 1
n = sum(len(p["articles"]) for p in want["pages"])
print("%s: %s, %d pages, %d articles, %d differences"
      % (os.path.basename(folder), want["date"], len(wp), n, bad))
sys.exit(1 if bad else 0)
EOF

fail=0
n=0
for dir in "$corpus"/*/*/; do
	dir=${dir%/}
	n=$((n + 1))
	if ! "$DUBAO" --dump=json "$dir" >"$tmp/out.json" 2>"$tmp/err"; then
		echo "FAIL: dubao --dump=json $dir"
		cat "$tmp/err"
		fail=1
		continue
	fi
	python3 "$tmp/compare.py" "$dir" "$tmp/out.json" || fail=1
done
[ "$n" -eq 4 ] || { echo "FAIL: $n crawler issues, expected 4"; fail=1; }

# The whole corpus folder is a library: four issues sorted by date, and
# --check finds nothing wrong in it.
"$DUBAO" --check "$corpus" >"$tmp/check" 2>"$tmp/err"
st=$?
[ "$st" -eq 0 ] || { echo "FAIL: --check on the corpus: exit $st"
	grep -E ': (warning|error): ' "$tmp/check" | head; fail=1; }
dates=$(sed -n 's/^  date: //p' "$tmp/check" | tr '\n' ' ')
want=$(for dir in "$corpus"/*/*/; do basename "$dir"; done | sort |
    sed 's/^\(....\)\(..\)\(..\)$/\1-\2-\3/' | tr '\n' ' ')
[ "$dates" = "$want" ] || {
	echo "FAIL: library dates '$dates', expected '$want'"; fail=1; }

exit $fail
