#!/usr/bin/env bash
# HTTP benchmark (docs/benchmarks.md): the sandbox's headless backend vs the Node/Express peer with
# Agora's npm builder, the same Shengwang token route, on one machine. Each server is pinned to
# core 0 and wrk to core 1. On a shared machine throughput drifts by tens of percent from one
# minute to the next, so the servers take turns: each round measures the sandbox and then the peer
# at 32 and 128 connections, the ratio is taken within the round, and the summary is the median
# over ROUNDS rounds. Also: each server's peak RSS and its time from launch to the first 200.
# Needs: wrk, node/npm, taskset, curl.
#   bash bench/http/run.sh                                  # 3 rounds of 10 s per measurement
#   ROUNDS=5 DURATION=15s bash bench/http/run.sh
#   SANDBOX_JAVA_OPTS="-Dsandbox.threads=8" bash bench/http/run.sh
set -euo pipefail
cd "$(dirname "$0")/../.."
rounds=${ROUNDS:-3}
duration=${DURATION:-10s}
warmup=${WARMUP:-10s}
[ -f mock-backend/target/token-sandbox.jar ] || ./mvnw -q -B -pl mock-backend -am package -DskipTests
(cd bench/node-peer && npm ci --no-audit --no-fund > /dev/null)
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
export TOKEN_SANDBOX_WORKSPACE="$scratch/workspace.json"
query="/api/agora/token?channelName=bench&uid=12345&role=publisher&expireSeconds=3600"

now_ms() { echo $(( $(date +%s%N) / 1000000 )); }

# launch NAME PORT CMD...: starts the server on core 0, waits for its first 200, warms it up.
launch() {
  local name=$1 port=$2
  shift 2
  local start
  start=$(now_ms)
  taskset -c 0 "$@" > /dev/null 2>&1 &
  pid=$!
  until curl -fs -o /dev/null "http://127.0.0.1:$port$query"; do
    if ! kill -0 "$pid" 2> /dev/null; then echo "$name did not start" >&2; exit 1; fi
    sleep 0.01
  done
  echo "$name $(( $(now_ms) - start ))" >> "$scratch/ready"
  taskset -c 1 wrk -t1 -c32 -d"$warmup" "http://127.0.0.1:$port$query" > /dev/null
}

# measure NAME PORT ROUND CONNECTIONS: one wrk run; appends "name round c rps p50 p99 errors".
measure() {
  local name=$1 port=$2 round=$3 c=$4
  local out="$scratch/$name-$round-$c.txt"
  taskset -c 1 wrk -t1 -c"$c" -d"$duration" --latency "http://127.0.0.1:$port$query" > "$out"
  local errors
  errors=$(grep -E 'Non-2xx|Socket errors' "$out" | tr -s ' ' | tr '\n' ' ' || true)
  awk -v n="$name" -v r="$round" -v c="$c" -v e="${errors:-none}" '
    /Requests\/sec/ {rps = $2} $1 == "50%" {p50 = $2} $1 == "99%" {p99 = $2}
    END {print n, r, c, rps, p50, p99, e}' "$out" >> "$scratch/rows"
}

stop() {
  awk -v n="$1" '/VmHWM/ {print n, $2}' "/proc/$pid/status" >> "$scratch/rss"
  kill "$pid"
  wait "$pid" 2> /dev/null || true
}

# SANDBOX_JAVA_OPTS tunes the sandbox's JVM, e.g. "-Dsandbox.threads=8".
for round in $(seq "$rounds"); do
  for c in 32 128; do
    # shellcheck disable=SC2086
    launch sandbox 18080 java ${SANDBOX_JAVA_OPTS:-} -jar mock-backend/target/token-sandbox.jar \
      serve --port 18080
    measure sandbox 18080 "$round" "$c"
    stop sandbox
    launch node 13000 env PORT=13000 node bench/node-peer/server.js
    measure node 13000 "$round" "$c"
    stop node
  done
  echo "round $round of $rounds done" >&2
done

echo "| round | connections | sandbox req/s | node req/s | sandbox ÷ node | sandbox p50 / p99 | node p50 / p99 | errors |"
echo "|---|---|---|---|---|---|---|---|"
python3 - "$scratch" << 'EOF'
import statistics, sys
from collections import defaultdict

scratch = sys.argv[1]
rows = {}
for line in open(f"{scratch}/rows"):
    name, rnd, c, rps, p50, p99, *errors = line.split()
    rows[(name, int(rnd), int(c))] = (float(rps), p50, p99, " ".join(errors))

def ms(text):  # wrk prints 850.00us, 4.20ms or 1.02s
    for unit, scale in (("us", 0.001), ("ms", 1.0), ("s", 1000.0)):
        if text.endswith(unit):
            return float(text[: -len(unit)]) * scale
    return float("nan")

summary = defaultdict(lambda: defaultdict(list))
for (name, rnd, c) in sorted(k for k in rows if k[0] == "sandbox"):
    s, n = rows[("sandbox", rnd, c)], rows[("node", rnd, c)]
    ratio = s[0] / n[0]
    errors = "none" if s[3] == "none" and n[3] == "none" else f"sandbox: {s[3]}; node: {n[3]}"
    print(f"| {rnd} | {c} | {s[0]:,.0f} | {n[0]:,.0f} | {ratio:.2f}× | {s[1]} / {s[2]} "
          f"| {n[1]} / {n[2]} | {errors} |")
    for key, value in (("s", s[0]), ("n", n[0]), ("r", ratio), ("s99", ms(s[2])), ("n99", ms(n[2]))):
        summary[c][key].append(value)
print()
print("| connections | median sandbox req/s | median node req/s | median ratio | median p99 sandbox / node |")
print("|---|---|---|---|---|")
for c, v in sorted(summary.items()):
    med = {k: statistics.median(x) for k, x in v.items()}
    print(f"| {c} | {med['s']:,.0f} | {med['n']:,.0f} | **{med['r']:.2f}×** "
          f"| {med['s99']:.1f} ms / {med['n99']:.1f} ms |")
print()
rss = defaultdict(list)
for line in open(f"{scratch}/rss"):
    name, kb = line.split()
    rss[name].append(int(kb))
ready = defaultdict(list)
for line in open(f"{scratch}/ready"):
    name, millis = line.split()
    ready[name].append(int(millis))
print("| server | peak RSS (VmHWM, largest) | launch → first 200 (median) |")
print("|---|---|---|")
for name in ("sandbox", "node"):
    print(f"| {name} | {max(rss[name]) / 1024:.0f} MB | {statistics.median(ready[name]):.0f} ms |")
EOF
