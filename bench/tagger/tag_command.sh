#!/bin/sh
# What a user gets: the `tupu tag` command with its default precision (auto: int16 where the CPU
# has the kernel) beside `tupu tag --precision fp32` and jieba.posseg, on the same text (the seed
# pages repeated to >= 2 MB), one core each, in one run; then how many characters' tags the
# default shares with fp32.
#   bench/tagger/tag_command.sh [BUILD_DIR]      (default: build; needs the target tupu)
#   ROUNDS=N (default 3): default and jieba.posseg alternate N times
# The tupu rates include loading the model and writing the output (`--format words`, as a user
# runs it): the whole command, timed in CPU seconds (user + system) by /usr/bin/time, so other
# load on a shared machine changes them little. jieba's rate leaves out its dictionary load
# (jieba_speed.py), which favours jieba.
set -eu
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
BUILD=${1:-$ROOT/build}
TUPU=$BUILD/tupu
PY=/usr/bin/python3
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT

: > "$TMP/input.txt"
while [ "$(wc -c < "$TMP/input.txt")" -lt 2000000 ]; do cat "$ROOT"/seeds/*.txt >> "$TMP/input.txt"; done
CHARS=$(( $(wc -m < "$TMP/input.txt") - $(wc -l < "$TMP/input.txt") ))  # as jieba_speed.py counts: no newlines
echo "input: $(wc -c < "$TMP/input.txt") bytes, $CHARS characters, $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg)"

# tag NAME ARGS...: runs `tupu tag ARGS` on the input (one thread) and prints its rate.
tag() {
  name=$1; shift
  /usr/bin/time -f '%U %S %e' -o "$TMP/time" "$TUPU" tag --jobs 1 "$@" < "$TMP/input.txt" > "$TMP/$name.out"
  awk -v n="$name" -v c="$CHARS" '{ printf "mode=%s chars=%d cpu_s=%.2f wall_s=%.2f chars_per_cpu_s=%.0f\n", n, c, $1 + $2, $3, c / ($1 + $2) }' "$TMP/time"
}
rate() { sed -n 's/.*chars_per_cpu_s=\([0-9]*\).*/\1/p'; }
median() { sort -n | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

# Rounds alternate the two, so drifts of a shared machine (other jobs, clock boost) fall on both;
# the medians and the median of the per-round ratios are reported. fp32 once, for reference.
ROUNDS=${ROUNDS:-3}
: > "$TMP/ratios"
for round in $(seq "$ROUNDS"); do
  tag default --format words | tee -a "$TMP/default.rates"
  "$PY" "$ROOT/bench/tagger/jieba_speed.py" "$TMP/input.txt" jieba.posseg | tee -a "$TMP/posseg.rates"
  d=$(tail -1 "$TMP/default.rates" | rate); p=$(tail -1 "$TMP/posseg.rates" | rate)
  awk -v d="$d" -v p="$p" 'BEGIN { printf "%.3f\n", d / p }' >> "$TMP/ratios"
done
tag fp32 --format words --precision fp32 | tee "$TMP/fp32.rates"

awk -v d="$(rate < "$TMP/default.rates" | median)" -v f="$(rate < "$TMP/fp32.rates")" \
    -v p="$(rate < "$TMP/posseg.rates" | median)" -v r="$(median < "$TMP/ratios")" \
    -v lo="$(sort -n "$TMP/ratios" | head -1)" -v hi="$(sort -n "$TMP/ratios" | tail -1)" 'BEGIN {
  printf "per core (median of rounds): tupu tag (default) %.1f k chars/s, --precision fp32 %.1f k, jieba.posseg %.1f k\n", d / 1e3, f / 1e3, p / 1e3
  printf "default/posseg: median of rounds %.2f (from %.2f to %.2f); fp32/posseg %.2f; default/fp32 %.2f\n", r, lo, hi, f / p, d / f }'

# Agreement: the model's tag of every character, default against fp32.
"$TUPU" tag --format tags < "$TMP/input.txt" > "$TMP/default.tags"
"$TUPU" tag --format tags --precision fp32 < "$TMP/input.txt" > "$TMP/fp32.tags"
"$PY" - "$TMP/default.tags" "$TMP/fp32.tags" <<'PY'
import sys
same = total = same_lines = lines = 0
with open(sys.argv[1], encoding="utf-8") as a, open(sys.argv[2], encoding="utf-8") as b:
    for x, y in zip(a, b):
        x, y = x.split(), y.split()
        lines += 1
        same_lines += x == y
        total += max(len(x), len(y))
        same += sum(p == q for p, q in zip(x, y))
print(f"agreement default vs fp32: characters {100 * same / total:.3f}% ({same}/{total}), "
      f"lines {100 * same_lines / lines:.2f}%")
PY
