#!/bin/sh
# What a user gets: the `tupu tag` command with its default precision (auto: int16 where the CPU
# has the kernel) beside `tupu tag --precision fp32` and jieba.posseg, on the same text (the seed
# pages repeated to >= 2 MB), one core each, in one run; then how many characters' tags the
# default shares with fp32.
#   bench/tagger/tag_command.sh [BUILD_DIR]      (default: build; needs the target tupu)
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
  /usr/bin/time -f '%U %S %e' -o "$TMP/$name.time" "$TUPU" tag --jobs 1 "$@" < "$TMP/input.txt" > "$TMP/$name.out"
  awk -v n="$name" -v c="$CHARS" '{ printf "mode=%s chars=%d cpu_s=%.2f wall_s=%.2f chars_per_cpu_s=%.0f\n", n, c, $1 + $2, $3, c / ($1 + $2) }' "$TMP/$name.time" | tee "$TMP/$name.rate"
}
tag default --format words
tag fp32 --format words --precision fp32
"$PY" "$ROOT/bench/tagger/jieba_speed.py" "$TMP/input.txt" | grep 'jieba.posseg' | tee "$TMP/posseg"

rate() { sed -n 's/.*chars_per_cpu_s=\([0-9]*\).*/\1/p' "$1" | head -1; }
awk -v d="$(rate "$TMP/default.rate")" -v f="$(rate "$TMP/fp32.rate")" -v p="$(rate "$TMP/posseg")" 'BEGIN {
  printf "per core: tupu tag (default) %.1f k chars/s, --precision fp32 %.1f k, jieba.posseg %.1f k\n", d / 1e3, f / 1e3, p / 1e3
  printf "ratios: default/posseg %.2f  fp32/posseg %.2f  default/fp32 %.2f\n", d / p, f / p, d / f }'

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
