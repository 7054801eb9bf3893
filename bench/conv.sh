#!/bin/sh
# conv.sh -- conversion speed of conv_to_utf8 on about 10 MB of text in
# each encoding (the seed page repeated, re-encoded with iconv).
# Usage: bench/conv.sh BUILDDIR   (a configured and built tree)
# Needs cc, iconv, python3 and ../shared/seed next to the source tree.
set -e
top=$(cd "$(dirname "$0")/.." && pwd)
build=$(cd "${1:?usage: conv.sh BUILDDIR}" && pwd)
page=$(ls "$top"/../shared/seed/*.txt | head -n 1)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cc -O2 -I"$build" -I"$top/src" -o "$tmp/conv-bench" "$top/bench/conv-bench.c" \
    "$build/src/libdubao.a" -lunistring
python3 -c "import sys; d=open(sys.argv[1],'rb').read(); \
open(sys.argv[2],'wb').write(d*710)" "$page" "$tmp/big.utf8"
iconv -f UTF-8 -t GB18030 "$tmp/big.utf8" > "$tmp/big.gb18030"
iconv -f UTF-8 -t UTF-16LE "$tmp/big.utf8" > "$tmp/big.utf16le"
# One invalid byte every 1000 lines: the diagnostics cap keeps it linear.
python3 -c "import sys; l=open(sys.argv[1],'rb').read().split(b'\n'); \
open(sys.argv[2],'wb').write(b'\n'.join(x + b'\xff' if i % 1000 == 0 else x \
for i, x in enumerate(l)))" "$tmp/big.utf8" "$tmp/big.bad.utf8"
# Worst case: 10 MB of random bytes 0x80-0xFF, errors everywhere.
python3 -c "import random, sys; random.seed(1); \
open(sys.argv[1],'wb').write(bytes(random.randrange(128, 256) \
for _ in range(10000000)))" "$tmp/big.random"
for f in big.utf8 big.bad.utf8 big.gb18030 big.utf16le big.random; do
	"$tmp/conv-bench" "$tmp/$f" 5
done
