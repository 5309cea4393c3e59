#!/bin/sh
# Tagger benchmark: lac_small in C++ (fp32 and int16, 1 and 2 threads) beside Debian's jieba
# (posseg and cut) on the sample pages repeated to >= 2 MB, all in one run; then span F1 on
# ../shared/eval/ner/peoplesdaily-dev.bio when that folder is present. The `tupu tag` command
# itself (default precision, model load and output included) against jieba.posseg: tag_command.sh.
#   bench/tagger/run.sh [BUILD_DIR]      (default: build; needs targets tupu and lac_bench)
# Rates are also given per CPU-second (chars_per_cpu_s): on a shared machine that is the
# per-core figure; wall-clock rates depend on what else runs.
set -eu
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
BUILD=${1:-$ROOT/build}
BENCH=$BUILD/bench/tagger/lac_bench
TUPU=$BUILD/tupu
PY=/usr/bin/python3
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT

# The seeds, repeated until >= 2 MB (one line per sentence/paragraph as in the pages).
: > "$TMP/input.txt"
while [ "$(wc -c < "$TMP/input.txt")" -lt 2000000 ]; do cat "$ROOT"/seeds/*.txt >> "$TMP/input.txt"; done
echo "input: $(wc -c < "$TMP/input.txt") bytes, $(wc -m < "$TMP/input.txt") characters, $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg)"

rate() { sed -n 's/.*chars_per_cpu_s=\([0-9]*\).*/\1/p' "$1" | head -1; }
wall() { sed -n 's/.* chars_per_s=\([0-9]*\).*/\1/p' "$1" | head -1; }

"$BENCH" "$TMP/input.txt" --precision fp32 --threads 1 | tee "$TMP/fp32_1"
"$BENCH" "$TMP/input.txt" --precision fp32 --threads 2 | tee "$TMP/fp32_2"
"$BENCH" "$TMP/input.txt" --precision int16 --threads 1 --compare | tee "$TMP/int16_1"
"$BENCH" "$TMP/input.txt" --precision int16 --threads 2 | tee "$TMP/int16_2"
"$PY" "$ROOT/bench/tagger/jieba_speed.py" "$TMP/input.txt" | tee "$TMP/jieba"
grep 'jieba.posseg' "$TMP/jieba" > "$TMP/posseg"
grep 'jieba.cut' "$TMP/jieba" > "$TMP/cut"

echo
echo "per core (chars per CPU-second):"
printf '  %-22s %8s\n' "tupu fp32" "$(rate "$TMP/fp32_1")" "tupu int16" "$(rate "$TMP/int16_1")" \
  "jieba.posseg" "$(rate "$TMP/posseg")" "jieba.cut" "$(rate "$TMP/cut")"
awk -v f="$(rate "$TMP/fp32_1")" -v i="$(rate "$TMP/int16_1")" -v p="$(rate "$TMP/posseg")" \
    -v c="$(rate "$TMP/cut")" -v f1="$(wall "$TMP/fp32_1")" -v f2="$(wall "$TMP/fp32_2")" \
    -v i1="$(wall "$TMP/int16_1")" -v i2="$(wall "$TMP/int16_2")" 'BEGIN {
  printf "ratios: fp32/posseg %.2f  int16/posseg %.2f  int16/fp32 %.2f  fp32/cut %.2f  int16/cut %.2f\n", f/p, i/p, i/f, f/c, i/c
  printf "2 threads / 1 thread (wall): fp32 %.2f  int16 %.2f\n", f2/f1, i2/i1 }'

echo
echo "the tupu tag command with its default precision (tag_command.sh):"
"$ROOT/bench/tagger/tag_command.sh" "$BUILD"

EVAL="$ROOT/../shared/eval"
if [ -f "$EVAL/ner_score.py" ]; then
  echo
  "$PY" "$EVAL/ner_score.py" sentences "$EVAL/ner/peoplesdaily-dev.bio" > "$TMP/pd.txt"
  for mode in "fp32" "int16" "fp32 --no-normalize"; do
    set -- $mode
    "$TUPU" tag --format bio --precision "$@" < "$TMP/pd.txt" > "$TMP/pd.bio"
    echo "span F1 on peoplesdaily-dev.bio, tupu tag --precision $mode:"
    "$PY" "$EVAL/ner_score.py" score "$EVAL/ner/peoplesdaily-dev.bio" "$TMP/pd.bio" | sed 's/^/  /'
  done
fi
