#!/usr/bin/env bash
# Bounded memory (issue 4): ingest one big .jsonl (default 1024 MB) made of the seed pages'
# paragraphs, recombined and varied, under /usr/bin/time -v, sampling the resident set every few
# seconds to show it stays flat; reports max RSS (target < 1 GB), time and throughput.
# usage: bench/reliability/memory_1gb.sh [SIZE_MB] [INGEST FLAGS...]   e.g. 150, or 1024 --no-tagger
#        (from the repository top, after a build; TUPU=path/to/tupu, KEEP=1 keeps the work folder)
set -euo pipefail
size_mb=${1:-1024}
shift || true
tupu=${TUPU:-build/tupu}
work=$(mktemp -d "${TMPDIR:-/tmp}/tupu-memory-XXXXXX")
[[ "${KEEP:-0}" == 1 ]] || trap 'rm -rf "$work"' EXIT
corpus=$work/corpus.jsonl

/usr/bin/python3 - "$corpus" "$size_mb" <<'PY'
import json, pathlib, random, re, sys
out_path, size_mb = sys.argv[1], int(sys.argv[2])
paras = []
for page in sorted(pathlib.Path("seeds").glob("*.txt")):
    paras += [p.strip() for p in page.read_text(encoding="utf-8").split("\n") if len(p.strip().encode()) >= 40]
rng = random.Random(4)
def vary(p):  # other days, months and counts, so texts (and their dates) differ
    return re.sub(r"\d+", lambda m: str(rng.randint(1, 28)), p)
limit, written, n = size_mb << 20, 0, 0
with open(out_path, "w", encoding="utf-8") as out:
    while written < limit:
        body = "\n".join(vary(p) for p in rng.sample(paras, rng.randint(3, 12)))
        line = json.dumps({"id": f"doc-{n}", "date": f"20{rng.randint(15, 24)}-{rng.randint(1, 12):02d}-15",
                           "text": f"本报讯 {rng.randint(1, 12)}月{rng.randint(1, 28)}日,{body}"},
                          ensure_ascii=False) + "\n"
        out.write(line)
        written += len(line.encode())
        n += 1
print(f"corpus: {n} documents, {written / 2**20:.0f} MB", file=sys.stderr)
PY

samples=$work/rss.txt
/usr/bin/time -v -o "$work/time.txt" "$tupu" ingest -q --jobs 2 --db "$work/db" "$@" "$corpus" &
timer=$!
start=$(date +%s)
sleep 1
child=$(pgrep -P "$timer" | head -1 || true)
while kill -0 "$timer" 2>/dev/null; do
  if [[ -n "$child" && -r /proc/$child/status ]]; then
    rss=$(awk '/^VmRSS/ { print $2 }' "/proc/$child/status" 2>/dev/null || true)
    [[ -n "$rss" ]] && echo "$(( $(date +%s) - start )) $rss" >> "$samples"
  fi
  sleep "${SAMPLE_SECONDS:-5}"
done
status=0
wait "$timer" || status=$?   # report what was measured even when the ingest failed or was stopped
[[ $status -eq 0 ]] || echo "tupu ingest exited with status $status"
elapsed=$(awk -F': ' '/Elapsed \(wall clock\)/ { print $2 }' "$work/time.txt")
max_kb=$(awk -F': ' '/Maximum resident set size/ { print $2 }' "$work/time.txt")
echo "ingest ${size_mb} MB ($*): elapsed $elapsed, max RSS $(( max_kb / 1024 )) MB"
echo "database on disk: $(du -sm "$work/db" | cut -f1) MB"
if [[ -s "$samples" ]]; then
  echo "RSS over time (seconds MB), ten samples:"
  n=$(wc -l < "$samples")
  awk -v n="$n" 'NR == 1 || NR == n || NR % int((n + 9) / 10) == 0 { printf "  %6d s %6.0f MB\n", $1, $2 / 1024 }' "$samples"
fi
[[ $status -eq 0 && "$max_kb" -lt $(( 1024 * 1024 )) ]]
