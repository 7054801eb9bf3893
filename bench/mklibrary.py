#!/usr/bin/env python3
"""Write a generated library of crawler issue folders for the benchmarks.

Usage: mklibrary.py CORPUS OUT DAYS [START]

CORPUS is a folder holding crawler issues (folders of YYYYMMDD-PP-NN.txt
files, at any depth, such as ../shared/corpus/rmrb-caspiankexin). OUT gets
DAYS issue folders OUT/YYYY/MM/YYYYMMDD/, one a day from START (default
2021-01-01), each a copy of the next corpus issue in turn, its files
renamed to the new date. Prints the number of files and bytes written.
"""

import datetime
import os
import re
import sys

NAME = re.compile(r"^(\d{8})-(\d{2})-(\d{2})\.txt$")


def issues(corpus):
    """Corpus issue folders, each as a sorted list of (name, path)."""
    found = {}
    for root, _, files in os.walk(corpus):
        for f in files:
            m = NAME.match(f)
            if m:
                found.setdefault(root, []).append((f, os.path.join(root, f)))
    return [sorted(v) for _, v in sorted(found.items())]


def main():
    corpus, out, days = sys.argv[1], sys.argv[2], int(sys.argv[3])
    start = datetime.date.fromisoformat(
        sys.argv[4] if len(sys.argv) > 4 else "2021-01-01")
    src = issues(corpus)
    if not src:
        sys.exit("mklibrary.py: no crawler issues in " + corpus)
    nfiles = nbytes = 0
    for i in range(days):
        day = start + datetime.timedelta(days=i)
        ymd = day.strftime("%Y%m%d")
        dest = os.path.join(out, day.strftime("%Y"), day.strftime("%m"), ymd)
        os.makedirs(dest, exist_ok=True)
        for name, path in src[i % len(src)]:
            with open(path, "rb") as f:
                data = f.read()
            with open(os.path.join(dest, ymd + name[8:]), "wb") as f:
                f.write(data)
            nfiles += 1
            nbytes += len(data)
    print(nfiles, nbytes)


main()
