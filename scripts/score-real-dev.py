#!/usr/bin/env python3
"""Scores the domain layer on the real articles of ../shared/eval/real-dev, split in two.

A developer's measuring tool, not part of the product (a user's clone has no ../shared): ingests
each slice into its own database with build/tupu, exports JSON and runs ../shared/eval/score.py
against the gold facts of that slice only.

The held-out slice (HELD_OUT below) is chosen once and not read while rules change: its score is
the honest estimate for articles no rule was written for.

usage: scripts/score-real-dev.py [--slice all|dev|heldout|seeds] [--by-doc] [--verbose]
"""
import json
import os
import shutil
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
EVAL = os.path.join(ROOT, "..", "shared", "eval")
REAL_DEV = os.path.join(EVAL, "real-dev")
TUPU = os.environ.get("TUPU", os.path.join(ROOT, "build", "tupu"))
HELD_OUT = ["e03", "e12", "e22", "n04", "n12", "n16", "n25", "s03", "s10", "s21"]


def slice_docs(name):
    docs = sorted(f[:-4] for f in os.listdir(REAL_DEV) if f.endswith(".txt"))
    if name == "heldout":
        return [d for d in docs if d in HELD_OUT]
    if name == "dev":
        return [d for d in docs if d not in HELD_OUT]
    return docs


def slice_gold(gold, docs, texts):
    keep = {d + ".txt" for d in docs}
    out = {"about": gold.get("about", "")}
    out["persons"] = []
    for p in gold["persons"]:
        if not set(p.get("docs", [])) & keep:
            continue
        q = dict(p)
        q["positions"] = [x for x in p.get("positions", []) if x.get("doc") in keep]
        out["persons"].append(q)
    for k in ("visits", "visits_also_ok", "accompanied"):
        out[k] = [v for v in gold.get(k, []) if v.get("doc") in keep]
    out["persons_also_ok"] = gold.get("persons_also_ok", [])
    # offices carry no doc: an office belongs to the slice whose text names it
    out["offices_required"] = [o for o in gold.get("offices_required", [])
                               if any(o in texts[d] for d in docs)]
    return out


def run(cmd, **kw):
    return subprocess.run(cmd, check=True, stdout=subprocess.PIPE, stderr=subprocess.PIPE, **kw)


def score(slice_name, extra):
    work = tempfile.mkdtemp(prefix="tupu-score-")
    try:
        db = os.path.join(work, "db")
        out_json = os.path.join(work, "g.json")
        if slice_name == "seeds":
            inputs = [os.path.join(ROOT, "seeds")]
            gold_path = os.path.join(EVAL, "seeds-gold.json")
        else:
            docs = slice_docs(slice_name)
            texts = {}
            src = os.path.join(work, "in")
            os.makedirs(src)
            for d in docs:
                shutil.copy(os.path.join(REAL_DEV, d + ".txt"), src)
                with open(os.path.join(REAL_DEV, d + ".txt"), encoding="utf-8") as f:
                    texts[d] = f.read()
            with open(os.path.join(REAL_DEV, "gold.json"), encoding="utf-8") as f:
                gold = json.load(f)
            gold_path = os.path.join(work, "gold.json")
            with open(gold_path, "w", encoding="utf-8") as f:
                json.dump(slice_gold(gold, docs, texts), f, ensure_ascii=False)
            inputs = [src]
        subprocess.run([TUPU, "ingest", "--db", db] + inputs, check=False,
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        run([TUPU, "export", "--db", db, "--format", "json", "-o", out_json])
        res = subprocess.run([sys.executable, os.path.join(EVAL, "score.py"), out_json, gold_path] + extra,
                             stdout=subprocess.PIPE, text=True)
        return res.stdout
    finally:
        shutil.rmtree(work, ignore_errors=True)


def main():
    which = "all"
    if "--slice" in sys.argv:
        which = sys.argv[sys.argv.index("--slice") + 1]
    extra = [a for a in sys.argv[1:] if a in ("--by-doc",)]
    verbose = "--verbose" in sys.argv
    slices = ["dev", "heldout", "seeds"] if which == "all" else [which]
    for s in slices:
        text = score(s, extra)
        print(f"== {s}")
        if verbose:
            print(text)
        else:
            # the summary lines only
            for line in text.splitlines():
                if line and not line[0].isspace():
                    print(line)


if __name__ == "__main__":
    main()
