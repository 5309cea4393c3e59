#!/usr/bin/env python3
"""Lists the nodes that join articles of different sources when the real articles of
../shared/eval/real-dev and the seeds are ingested into one database (issue 13's measure).

A developer's measuring tool, not part of the product (a user's clone has no ../shared). A real
article's source is the host of its first line (the address it was saved from); the seeds are one
source. A node mentioned by articles of two or more sources is a join; most joins across
unrelated local papers are false (two counties' 县委 as one node).

usage: scripts/cross-source-joins.py [--all]   (--all: every join, not only organisations)
"""
import collections
import json
import os
import shutil
import subprocess
import sys
import tempfile
from urllib.parse import urlparse

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
REAL_DEV = os.path.join(ROOT, "..", "shared", "eval", "real-dev")
TUPU = os.environ.get("TUPU", os.path.join(ROOT, "build", "tupu"))


def source_of(path):
    if os.path.basename(os.path.dirname(path)) == "seeds" or "/seeds/" in path:
        return "seeds"
    with open(path, encoding="utf-8") as f:
        first = f.readline().strip()
    host = urlparse(first).netloc
    return host or os.path.basename(path)


def main():
    work = tempfile.mkdtemp(prefix="tupu-joins-")
    try:
        src = os.path.join(work, "in")
        os.makedirs(src)
        for f in sorted(os.listdir(REAL_DEV)):
            if f.endswith(".txt"):
                shutil.copy(os.path.join(REAL_DEV, f), src)
        db, out = os.path.join(work, "db"), os.path.join(work, "g.json")
        subprocess.run([TUPU, "ingest", "--db", db, src, os.path.join(ROOT, "seeds")],
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
        subprocess.run([TUPU, "export", "--db", db, "--format", "json", "-o", out],
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True)
        with open(out, encoding="utf-8") as f:
            g = json.load(f)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    nodes = {n["id"]: n for n in g["nodes"]}
    sources = collections.defaultdict(set)
    for e in g["edges"]:
        if e["type"] != "MENTIONED_IN":
            continue
        doc = e.get("doc", "").split("#")[0]
        path = os.path.join(REAL_DEV, os.path.basename(doc)) if "/seeds/" not in doc and not doc.startswith("seeds") \
            else os.path.join(ROOT, doc)
        sources[e["source"]].add(source_of(path) if os.path.exists(path) else doc)
    joins = [(nodes[n]["label"], nodes[n]["name"], len(s)) for n, s in sources.items() if len(s) >= 2]
    if "--all" not in sys.argv:
        joins = [j for j in joins if j[0] == "Organization"]
    joins.sort(key=lambda j: (-j[2], j[1]))
    print(f"{len(joins)} nodes join articles of two or more sources")
    for label, name, n in joins:
        print(f"  {n:3d}  {label:12s} {name}")


if __name__ == "__main__":
    main()
