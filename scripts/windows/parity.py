#!/usr/bin/env python3
"""Compares `tucai check --json` output of the Linux and the Windows build on the same files:
per file the same decoding result (error code), the same pass/fail, and the same failed rules.
Measured values may differ in the last digits (other compiler, other libjpeg build); the rules'
verdicts may not. Prints the differences and exits 1 if there are any; prints the check medians."""
import json
import os
import statistics
import sys


def load(path):
    out = {}
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.strip()
            if not line.startswith("{"):
                continue
            r = json.loads(line)
            key = os.path.basename(r["file"].replace("\\", "/"))
            fails = sorted(v["rule"] for v in r.get("violations", []))
            out[key] = {"error": r.get("errorCode"), "passed": r.get("passed"), "fails": fails,
                        "uncertain": sorted(r.get("uncertain") or []), "ms": r.get("ms")}
    return out


lin, win = load(sys.argv[1]), load(sys.argv[2])
bad = 0
for name in sorted(set(lin) | set(win)):
    a, b = lin.get(name), win.get(name)
    if a is None or b is None:
        print(f"  {name}: only in {'Windows' if a is None else 'Linux'} output")
        bad += 1
        continue
    for k in ("error", "passed", "fails"):
        if a[k] != b[k]:
            print(f"  {name}: {k} Linux {a[k]} / Windows {b[k]}")
            bad += 1
    if a["uncertain"] != b["uncertain"]:
        print(f"  {name}: (note) uncertain Linux {a['uncertain']} / Windows {b['uncertain']}")
ms_l = [v["ms"] for v in lin.values() if v["ms"] and not v["error"]]
ms_w = [v["ms"] for v in win.values() if v["ms"] and not v["error"]]
if ms_l and ms_w:
    print(f"  check median: Linux {statistics.median(ms_l):.1f} ms, Windows (Wine) {statistics.median(ms_w):.1f} ms "
          f"over {len(ms_l)} decodable files")
print(f"  {len(lin)} files compared, {bad} differences")
sys.exit(1 if bad else 0)
