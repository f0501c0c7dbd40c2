#!/usr/bin/env python3
"""Turns targets.sh's JSON lines (stdin) into the Markdown table of docs/PERFORMANCE.md."""
import json
import sys

print("| run | offered msg/s | deliveries/s | loss % | p50 ms | p99 ms | max ms | server CPU (relay thread) | relay µs/delivery | bench CPU |")
print("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
for line in sys.stdin:
    line = line.strip()
    if not line.startswith("{"):
        continue
    d = json.loads(line)
    rep = d["report"]
    r = rep["result"]
    secs = r["seconds"]
    server = r.get("serverCpuSeconds")
    bench = r["processCpuSeconds"] - (server or 0)
    relay = r.get("relayCpuSeconds") or 0
    per = 1e6 * relay / r["delivered"] if relay and r["delivered"] else float("nan")
    print(f"| {d['target']} | {r['offeredRate']:.0f} | {r['deliveriesPerSecond']:.0f} | {r['lossPercent']:.3f} | "
          f"{r['p50Ms']:.2f} | {r['p99Ms']:.2f} | {r['maxMs']:.1f} | {100 * (server or 0) / secs:.0f}% ({100 * relay / secs:.0f}%) | "
          f"{per:.2f} | {100 * bench / secs:.0f}% |")
