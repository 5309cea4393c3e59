#!/usr/bin/python3
"""Characters per second of Debian's python3-jieba on a text file (one sentence per line), in the
same run as lac_bench: jieba.posseg.cut (POS tagging, the closest peer of the tagger) and jieba.cut.
Usage: /usr/bin/python3 jieba_speed.py FILE [MODE...] (modes: jieba.posseg, jieba.cut; default
both). Prints one line per mode, like lac_bench."""
import sys
import time

import jieba
import jieba.posseg

jieba.setLogLevel(60)
lines = open(sys.argv[1], encoding="utf-8").read().split("\n")
chars = sum(len(l) for l in lines)
jieba.initialize()                       # dictionary load is not part of the rate
list(jieba.posseg.cut("预热一下词典"))
modes = (("jieba.posseg", lambda l: list(jieba.posseg.cut(l))),
         ("jieba.cut", lambda l: list(jieba.cut(l))))
wanted = sys.argv[2:] or [name for name, _ in modes]
for name, run in modes:
    if name not in wanted:
        continue
    w0, c0 = time.perf_counter(), time.process_time()
    for line in lines:
        run(line)
    wall, cpu = time.perf_counter() - w0, time.process_time() - c0
    print(f"mode={name} chars={chars} wall_s={wall:.3f} chars_per_s={chars / wall:.0f} "
          f"chars_per_cpu_s={chars / cpu:.0f}")
