#!/usr/bin/env bash
# The long form of tests/app/kill_test.cc: SIGKILL `tupu ingest` at random moments, N times
# (default 200), and count partial or lost documents. After every kill: `tupu check` must pass and
# each document's edges must equal those of an uninterrupted run. At the end, finishing the ingest
# must give the same export (sorted JSON) as the uninterrupted run.
# usage: bench/reliability/kill_ingest.sh [KILLS] [CORPUS.jsonl]   (from the repository top, after a build)
set -euo pipefail
kills=${1:-200}
tupu=${TUPU:-build/tupu}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
corpus=${2:-$work/corpus.jsonl}
if [[ ! -f "$corpus" ]]; then
  /usr/bin/python3 - "$corpus" <<'PY'
import json, pathlib, sys
out = open(sys.argv[1], "w", encoding="utf-8")
for page in sorted(pathlib.Path("seeds").glob("*.txt")):
    paras = [p for p in page.read_text(encoding="utf-8").split("\n") if len(p.encode()) >= 60]
    for i, p in enumerate(paras):
        for v in range(1, 4):
            out.write(json.dumps({"id": f"{page.name}/{i}/{v}", "text": f"本报讯 {v}月{i % 28 + 1}日,{p}",
                                  "date": f"2022-0{v}-15"}, ensure_ascii=False) + "\n")
PY
fi
echo "corpus: $(wc -l < "$corpus") documents"
start=$(date +%s%N)
"$tupu" ingest -q --jobs 2 --db "$work/ref.db" "$corpus"
full=$(awk -v a="$start" -v b="$(date +%s%N)" 'BEGIN { printf "%.3f", (b - a) / 1e9 }')
"$tupu" export --db "$work/ref.db" --format json -o "$work/ref.json"
echo "uninterrupted ingest: ${full}s"

/usr/bin/python3 - "$work" "$kills" "$full" "$tupu" "$corpus" <<'PY'
import json, os, random, signal, subprocess, sys, time, collections
work, kills, full, tupu, corpus = sys.argv[1], int(sys.argv[2]), float(sys.argv[3]), sys.argv[4], sys.argv[5]
db = f"{work}/killed.db"
def by_doc(g):
    d = collections.defaultdict(list)
    for e in g["edges"]:
        d[e.get("doc", "")].append(json.dumps(e, sort_keys=True, ensure_ascii=False))
    return {k: sorted(v) for k, v in d.items()}
ref = json.load(open(f"{work}/ref.json", encoding="utf-8"))
ref_docs = by_doc(ref)
rng = random.Random(7)
partial = lost = check_failures = killed = early = unusable = half_created = 0
present_before = set()
for i in range(kills):
    if i % 20 == 0:   # start over now and then, so kills land early in an ingest too
        subprocess.run(["rm", "-rf", db])
        present_before = set()
    p = subprocess.Popen([tupu, "ingest", "-q", "--jobs", "2", "--db", db, corpus],
                         stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    time.sleep(rng.uniform(0, full))
    if p.poll() is None:
        p.send_signal(signal.SIGKILL); killed += 1
    p.wait()
    if not os.path.exists(f"{db}/CURRENT"):
        # Killed before RocksDB made the database: nothing was committed. A folder left with
        # RocksDB's start-up files only is refused by the next ingest ("not empty and holds no
        # tupu database"): count it, and clear it as the message tells the user to.
        if os.path.isdir(db) and os.listdir(db):
            unusable += 1
            subprocess.run(["rm", "-rf", db])
        early += 1
        lost += len(present_before)
        present_before = set()
        continue
    c = subprocess.run([tupu, "check", "--db", db], capture_output=True, text=True)
    if c.returncode != 0 and "column family" in c.stdout + c.stderr:
        # Killed while RocksDB was creating the column families of a new database: nothing was
        # committed. Since databases are created in a staging folder and renamed, this stays 0.
        half_created += 1
        continue
    if c.returncode != 0:
        check_failures += 1; print("check failed:", c.stdout, c.stderr)
    out = subprocess.run([tupu, "export", "--db", db, "--format", "json", "-o", "-"],
                         capture_output=True, text=True, check=True).stdout
    docs = by_doc(json.loads(out))
    partial += sum(1 for d, e in docs.items() if e != ref_docs.get(d))
    lost += len(present_before - set(docs))
    present_before = set(docs)
    if (i + 1) % 20 == 0:
        print(f"after {i + 1} runs: kills {killed}, partial {partial}, lost {lost}, "
              f"check failures {check_failures}", flush=True)
subprocess.run([tupu, "ingest", "-q", "--db", db, corpus], check=True)
final = subprocess.run([tupu, "export", "--db", db, "--format", "json", "-o", "-"],
                       capture_output=True, text=True, check=True).stdout
same = json.loads(final) == ref
print(f"kills: {killed} of {kills} runs; partial documents: {partial}; lost documents: {lost}; "
      f"check failures: {check_failures}; final export identical: {same}; "
      f"killed before the database existed: {early} (folder then refused by ingest: {unusable}); "
      f"killed while its column families were created: {half_created}")
sys.exit(0 if partial == lost == check_failures == 0 and same else 1)
PY
