#!/usr/bin/env bash
# HTTP benchmark (docs/benchmarks.md): the sandbox's headless backend vs the Node/Express peer with
# Agora's npm builder, the same Shengwang token route, on one machine. Each server is pinned to
# core 0 and wrk to core 1.
#
# Each round launches each server once: time from launch to the first 200, a warm-up at 32
# connections recorded in 2 s slices (the warm-up curve: how fast each server reaches its speed),
# then the measured runs at 32 and 128 connections, then its peak RSS. A JVM pinned to one core
# compiles its hot code on that same core, so it needs far longer than Node to reach its steady
# speed (20-30 s of load, and its compiler is busy for about a minute): the warm-up lasts
# WARMUP_SLICES × 2 s (default 30 × 2 s), and the curve is reported next to the steady figures so
# the cold start stays visible. Because a slow minute can hit either server's measured window, the
# summary also divides the sandbox's rate by the peer's best 2 s slice of the round.
#
# On a shared machine throughput drifts by tens of percent from one minute to the next, so the
# servers take turns: the ratio is taken within each round and the summary is the median over
# ROUNDS rounds. Needs: wrk, node/npm, taskset, curl, python3.
#   bash benchmarks/http/run.sh                                  # 3 rounds of 10 s per measurement
#   ROUNDS=5 DURATION=15s bash benchmarks/http/run.sh
#   SANDBOX_ARGS="--threads 8" bash benchmarks/http/run.sh       # extra arguments for `serve`
#   SANDBOX_JAVA_OPTS="-XX:+UseG1GC" bash benchmarks/http/run.sh  # JVM options after the launcher's
set -euo pipefail
cd "$(dirname "$0")/../.."
rounds=${ROUNDS:-3}
duration=${DURATION:-10s}
warmup_slices=${WARMUP_SLICES:-30}
[ -f tools/target/token-sandbox.jar ] || ./mvnw -q -B -pl tools -am package -DskipTests
(cd benchmarks/node-peer && npm ci --no-audit --no-fund > /dev/null)
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
export TOKEN_SANDBOX_WORKSPACE="$scratch/workspace.json"
query="/api/agora/token?channelName=bench&uid=12345&role=publisher&expireSeconds=3600"

now_ms() { echo $(( $(date +%s%N) / 1000000 )); }

# launch NAME ROUND PORT CMD...: starts the server on core 0, waits for its first 200, then warms
# it up in 2 s slices; appends "name round ms" to ready and "name round rps..." to curve.
launch() {
  local name=$1 round=$2 port=$3
  shift 3
  local start
  start=$(now_ms)
  taskset -c 0 "$@" > /dev/null 2>&1 &
  pid=$!
  until curl -fs -o /dev/null "http://127.0.0.1:$port$query"; do
    if ! kill -0 "$pid" 2> /dev/null; then echo "$name did not start" >&2; exit 1; fi
    sleep 0.01
  done
  echo "$name $round $(( $(now_ms) - start ))" >> "$scratch/ready"
  local curve="$name $round" slice=0
  for _ in $(seq "$warmup_slices"); do
    curve="$curve $(taskset -c 1 wrk -t1 -c32 -d2s "http://127.0.0.1:$port$query" \
      | awk '/Requests\/sec/ {printf "%d", $2}')"
    slice=$((slice + 1))
    if [ "$slice" = 20 ]; then # RSS after 40 s at 32 connections
      awk -v n="$name" '/VmRSS/ {print n, $2}' "/proc/$pid/status" >> "$scratch/rss40"
    fi
  done
  echo "$curve" >> "$scratch/curve"
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

# The sandbox runs as users start it: through bin/token-sandbox, its archive made by two runs first
# (run 1 records the classes, run 2 builds the archive in the background), with the launcher's
# collector and heap for serve; SANDBOX_JAVA_OPTS come after them and win.
export TOKEN_SANDBOX_HOME="$scratch/home" TOKEN_SANDBOX_JAVA_OPTS="${SANDBOX_JAVA_OPTS:-}"
for _ in 1 2; do
  bin/token-sandbox serve --port 18080 > /dev/null 2>&1 & p=$!
  until curl -fs -o /dev/null "http://127.0.0.1:18080$query"; do sleep 0.05; done
  kill "$p"; wait "$p" 2> /dev/null || true
done
while ls -d "$TOKEN_SANDBOX_HOME"/cds/*.lock > /dev/null 2>&1; do sleep 0.2; done
for round in $(seq "$rounds"); do
  # shellcheck disable=SC2086
  launch sandbox "$round" 18080 bin/token-sandbox serve --port 18080 ${SANDBOX_ARGS:-}
  measure sandbox 18080 "$round" 32
  measure sandbox 18080 "$round" 128
  stop sandbox
  launch node "$round" 13000 env PORT=13000 node benchmarks/node-peer/server.js
  measure node 13000 "$round" 32
  measure node 13000 "$round" 128
  stop node
  echo "round $round of $rounds done" >&2
done

python3 benchmarks/http/summarize.py "$scratch"
