#!/usr/bin/env python3
"""gen-archive.py -- make an archive of crawler issues for the benchmarks.

Usage: gen-archive.py OUT DAYS SOURCE...

Writes DAYS consecutive daily issues from 2010-01-01 under
OUT/人民日报/YYYY年M月/YYYYMMDD/, taking the SOURCE issue folders (crawler
folders of YYYYMMDD-PP-NN.txt files) round-robin and renaming each file
under its new date. Files are hard links to the sources when the file
system allows it (the same bytes, without the copy), else copies.
"""
import datetime
import os
import re
import shutil
import sys

NAME = re.compile(r"^\d{8}(-\d+-\d+\.txt)$")


def sources(folders):
    """Each source issue: its list of (path, name tail)."""
    out = []
    for folder in folders:
        files = []
        for name in sorted(os.listdir(folder)):
            m = NAME.match(name)
            if m:
                files.append((os.path.join(folder, name), m.group(1)))
        if files:
            out.append(files)
    return out


def place(src, dst):
    try:
        os.link(src, dst)
    except OSError:
        shutil.copyfile(src, dst)


def main():
    if len(sys.argv) < 4:
        sys.exit("usage: gen-archive.py OUT DAYS SOURCE...")
    out, days = sys.argv[1], int(sys.argv[2])
    issues = sources(sys.argv[3:])
    if not issues:
        sys.exit("gen-archive.py: no crawler files in the sources")
    day = datetime.date(2010, 1, 1)
    nfiles = 0
    for i in range(days):
        d = day + datetime.timedelta(days=i)
        ymd = d.strftime("%Y%m%d")
        folder = os.path.join(out, "人民日报", "%d年%d月" % (d.year, d.month),
                              ymd)
        os.makedirs(folder, exist_ok=True)
        for path, tail in issues[i % len(issues)]:
            place(path, os.path.join(folder, ymd + tail))
            nfiles += 1
    print("%d issues, %d files" % (days, nfiles))


main()
