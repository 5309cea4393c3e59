#!/usr/bin/env bash
# End-to-end ingest throughput: the seeds' paragraphs as a .jsonl of at least 2 MB (distinct
# documents), ingested into a fresh database with each tagger precision and 1 or 2 extraction
# threads. Prints documents/s, MB/s and characters/s per configuration, and the speed-ups.
# usage: bench/ingest/run.sh [BUILD_DIR] [MB]     (from the repository top; not part of CI)
set -euo pipefail
build=${1:-build}
mb=${2:-2}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
/usr/bin/python3 - "$work/corpus.jsonl" "$mb" <<'PY'
import json, pathlib, sys
out, target = sys.argv[1], float(sys.argv[2]) * 1e6
paras = []
for page in sorted(pathlib.Path("seeds").glob("*.txt")):
    paras += [p for p in page.read_text(encoding="utf-8").split("\n") if len(p) > 20]
size, n = 0, 0
with open(out, "w", encoding="utf-8") as f:
    while size < target:
        p = paras[n % len(paras)]
        line = json.dumps({"id": f"d{n}", "text": f"本报讯 {n % 12 + 1}月{n % 28 + 1}日,{p}"}, ensure_ascii=False)
        f.write(line + "\n"); size += len(line.encode()); n += 1
print(f"corpus: {n} documents, {size / 1e6:.2f} MB")
PY
chars=$(/usr/bin/python3 -c "import json,sys; print(sum(len(json.loads(l)['text']) for l in open(sys.argv[1], encoding='utf-8')))" "$work/corpus.jsonl")
bytes=$(stat -c %s "$work/corpus.jsonl")
declare -A secs
printf "%-10s %5s %10s %10s %12s\n" precision jobs seconds MB/s chars/s
for precision in fp32 int16; do
  for jobs in 1 2; do
    rm -rf "$work/db"
    start=$(date +%s%N)
    "$build/tupu" ingest -q --precision "$precision" --jobs "$jobs" --db "$work/db" "$work/corpus.jsonl"
    end=$(date +%s%N)
    s=$(awk -v a="$start" -v b="$end" 'BEGIN { printf "%.2f", (b - a) / 1e9 }')
    secs[$precision-$jobs]=$s
    awk -v s="$s" -v b="$bytes" -v c="$chars" -v p="$precision" -v j="$jobs" \
      'BEGIN { printf "%-10s %5d %10.2f %10.3f %12.0f\n", p, j, s, b / 1e6 / s, c / s }'
  done
done
awk -v a="${secs[fp32-1]}" -v b="${secs[fp32-2]}" -v c="${secs[int16-1]}" -v d="${secs[int16-2]}" \
  'BEGIN { printf "speed-up of 2 jobs: fp32 %.2fx, int16 %.2fx; int16 over fp32 (1 job): %.2fx\n", a / b, c / d, a / c }'
