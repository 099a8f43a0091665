"""Markdown tables for benchmarks/http/run.sh: per-round and median throughput, latency, warm-up, RSS.

Reads the scratch directory run.sh fills: rows (one wrk run per line), curve (warm-up slices of
2 s at 32 connections), ready (launch to first 200) and rss (peak RSS in kB).
"""

import os
import statistics
import sys
from collections import defaultdict

SLICE_SECONDS = 2


def ms(text):  # wrk prints 850.00us, 4.20ms or 1.02s
    for unit, scale in (("us", 0.001), ("ms", 1.0), ("s", 1000.0)):
        if text.endswith(unit):
            return float(text[: -len(unit)]) * scale
    return float("nan")


def read(path):
    with open(path) as f:
        return [line.split() for line in f if line.strip()]


scratch = sys.argv[1]
rows = {}
for name, rnd, c, rps, p50, p99, *errors in read(f"{scratch}/rows"):
    rows[(name, int(rnd), int(c))] = (float(rps), p50, p99, " ".join(errors))
curves = {(name, int(rnd)): [int(x) for x in slices] for name, rnd, *slices in read(f"{scratch}/curve")}
ready = {(name, int(rnd)): int(millis) for name, rnd, millis in read(f"{scratch}/ready")}

print("Steady state (after the warm-up):")
print()
print("| round | connections | sandbox req/s | node req/s | sandbox ÷ node "
      "| sandbox p50 / p99 | node p50 / p99 | errors |")
print("|---|---|---|---|---|---|---|---|")
summary = defaultdict(lambda: defaultdict(list))
for (_, rnd, c) in sorted(k for k in rows if k[0] == "sandbox"):
    s, n = rows[("sandbox", rnd, c)], rows[("node", rnd, c)]
    ratio = s[0] / n[0]
    errors = "none" if s[3] == "none" and n[3] == "none" else f"sandbox: {s[3]}; node: {n[3]}"
    print(f"| {rnd} | {c} | {s[0]:,.0f} | {n[0]:,.0f} | {ratio:.2f}× | {s[1]} / {s[2]} "
          f"| {n[1]} / {n[2]} | {errors} |")
    for key, value in (("s", s[0]), ("n", n[0]), ("r", ratio),
                       ("s99", ms(s[2])), ("n99", ms(n[2]))):
        summary[c][key].append(value)
print()
print("| connections | median sandbox req/s | median node req/s | median ratio "
      "| median p99 sandbox / node |")
print("|---|---|---|---|---|")
for c, v in sorted(summary.items()):
    med = {k: statistics.median(x) for k, x in v.items()}
    print(f"| {c} | {med['s']:,.0f} | {med['n']:,.0f} | **{med['r']:.2f}×** "
          f"| {med['s99']:.1f} ms / {med['n99']:.1f} ms |")
print()


def first_seconds(slices, seconds=10):
    head = slices[: seconds // SLICE_SECONDS]
    return sum(head) / len(head)


def to_steady(slices, steady):
    """Seconds of load until a 2 s slice first reaches 90 % of the measured steady rate."""
    for i, rps in enumerate(slices):
        if rps >= 0.9 * steady:
            return f"{(i + 1) * SLICE_SECONDS} s"
    return f"> {len(slices) * SLICE_SECONDS} s"


print("Against the peer at its best: the sandbox's steady rate at 32 connections divided by the")
print("peer's fastest 2 s warm-up slice of the same round (a slow minute in the peer's measured")
print("window cannot inflate this ratio):")
print()
print("| round | sandbox req/s | node's best 2 s slice | ratio |")
print("|---|---|---|---|")
best = []
for rnd in sorted({r for (n, r) in curves if n == "node"}):
    s, b = rows[("sandbox", rnd, 32)][0], max(curves[("node", rnd)])
    best.append(s / b)
    print(f"| {rnd} | {s:,.0f} | {b:,} | {s / b:.2f}× |")
print()
print(f"Median: **{statistics.median(best):.2f}×**.")
print()
print("The same ratio after a shorter warm-up: the sandbox's mean rate in the 2 s slices from 30 s")
print("to 40 s of load (its 16th to 20th warm-up slices) divided by the peer's fastest slice:")
print()
print("| round | sandbox req/s at 30–40 s | node's best 2 s slice | ratio after 30 s | ratio after 60 s |")
print("|---|---|---|---|---|")
early = []
for rnd in sorted({r for (n, r) in curves if n == "node"}):
    slices = curves[("sandbox", rnd)]
    if len(slices) < 20:
        continue
    s30 = sum(slices[15:20]) / 5
    b = max(curves[("node", rnd)])
    early.append(s30 / b)
    print(f"| {rnd} | {s30:,.0f} | {b:,} | {s30 / b:.2f}× | {rows[('sandbox', rnd, 32)][0] / b:.2f}× |")
print()
if early:
    print(f"Median after 30 s: **{statistics.median(early):.2f}×** "
          f"(after 60 s: {statistics.median(best):.2f}×).")
    print()
print("Warm-up at 32 connections (req/s per 2 s slice after the first 200):")
print()
print("| round | server | warm-up curve | first 10 s: req/s | load until 90 % of steady |")
print("|---|---|---|---|---|")
first = defaultdict(list)
for (name, rnd) in sorted(curves, key=lambda k: (k[1], k[0] != "sandbox")):
    slices = curves[(name, rnd)]
    steady = rows[(name, rnd, 32)][0]
    first[name].append(first_seconds(slices))
    print(f"| {rnd} | {name} | {' '.join(f'{x:,}' for x in slices)} "
          f"| {first_seconds(slices):,.0f} | {to_steady(slices, steady)} |")
print()
print(f"First 10 s under load, median: sandbox {statistics.median(first['sandbox']):,.0f}, "
      f"node {statistics.median(first['node']):,.0f} req/s "
      f"({statistics.median(first['sandbox']) / statistics.median(first['node']):.2f}×).")
print()
rss = defaultdict(list)
for name, kb in read(f"{scratch}/rss"):
    rss[name].append(int(kb))
rss40 = defaultdict(list)
if os.path.exists(f"{scratch}/rss40"):
    for name, kb in read(f"{scratch}/rss40"):
        rss40[name].append(int(kb))
print("| server | RSS after 40 s at 32 connections (median) | peak RSS (VmHWM, largest) "
      "| launch → first 200 (median) |")
print("|---|---|---|---|")
for name in ("sandbox", "node"):
    launch = statistics.median(v for (n, _), v in ready.items() if n == name)
    at40 = f"{statistics.median(rss40[name]) / 1024:.0f} MB" if rss40[name] else "—"
    print(f"| {name} | {at40} | {max(rss[name]) / 1024:.0f} MB | {launch:,.0f} ms |")
