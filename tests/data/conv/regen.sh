#!/bin/sh
# regen.sh -- rebuild the conv fixtures from prose.utf8.txt (original text
# written for dubao). Needs iconv, opencc (s2tw) and python3. Run it in
# this folder; the results are committed, so tests do not need the tools.
set -e
src=prose.utf8.txt
printf '\357\273\277' > prose-bom.utf8.txt
cat $src >> prose-bom.utf8.txt
sed 's/$/\r/' $src > prose-crlf.utf8.txt
iconv -f UTF-8 -t GB18030 $src > prose.gb18030.txt
iconv -f UTF-8 -t GBK prose-crlf.utf8.txt > prose-crlf.gbk.txt
opencc -c s2tw -i $src -o prose-tw.utf8.txt
iconv -f UTF-8 -t BIG5 prose-tw.utf8.txt > prose.big5.txt
rm prose-tw.utf8.txt
iconv -f UTF-8 -t UTF-16LE $src > prose.utf16le.txt
iconv -f UTF-8 -t UTF-16BE $src > prose.utf16be.txt
printf '\377\376' > prose-bom.utf16le.txt
cat prose.utf16le.txt >> prose-bom.utf16le.txt
printf '\376\377' > prose-bom.utf16be.txt
cat prose.utf16be.txt >> prose-bom.utf16be.txt
python3 - <<'PY'
def rd(p):
    return open(p, 'rb').read()
def wr(p, b):
    open(p, 'wb').write(b)
u = rd('prose.utf8.txt')
g = rd('prose.gb18030.txt')
lines = u.split(b'\n')
# An 0xFF byte after the 10th character of line 3 (col 11).
pre = '\n'.join(x.decode() for x in lines[:2]) + '\n' + lines[2].decode()[:10]
wr('invalid-mid.utf8.txt', pre.encode() + b'\xff' + u[len(pre.encode()):])
gl = g.split(b'\n')
pre = b'\n'.join(gl[:3]) + b'\n' + gl[3].decode('gb18030')[:5].encode('gb18030')
wr('invalid-mid.gb18030.txt', pre + b'\xff' + g[len(pre):])
wr('truncated.utf8.txt', u.rstrip(b'\n')[:-1])
wr('truncated.gb18030.txt', g.rstrip(b'\n')[:-1])
# Sogou-style damage: the lead byte of the 9th character of line 5 is
# replaced by '?', so the rest of the line pairs up one byte out of step.
pre = b'\n'.join(gl[:4]) + b'\n' + gl[4].decode('gb18030')[:8].encode('gb18030')
# As in the Sogou sample, a later trail byte (of the 20th character) is
# replaced too, which brings the text back in step: the file decodes
# without a single error and only the scoring can tell.
pre2 = b'\n'.join(gl[:4]) + b'\n' + gl[4].decode('gb18030')[:19].encode('gb18030')
d = pre + b'?' + g[len(pre) + 1:len(pre2) + 1] + b'?' + g[len(pre2) + 2:]
wr('damaged.gbk.txt', d)
# A binary file: a header with NUL bytes on both parities.
wr('binary.bin', b'\x7fELF\x02\x01\x01\x00' + bytes(range(256)) * 2)
wr('control.bin', bytes([1, 2, 3, 4, 5, 6, 7, 8, 14, 15, 16, 17]) * 20
    + '文字'.encode())
PY
printf '价格：10€，约合人民币七十八元。\n' | iconv -f UTF-8 -t CP936 > euro.cp936.txt
