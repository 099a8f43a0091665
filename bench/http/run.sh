#!/usr/bin/env bash
# HTTP benchmark (docs/benchmarks.md): the sandbox's headless backend vs the Node/Express peer with
# Agora's npm builder, the same Shengwang token route, on one machine. Each server is pinned to
# core 0 and wrk to core 1; for 32 and 128 connections: req/s, p50, p99; the server's peak RSS;
# and the time from launch to its first 200. Needs: wrk, node/npm, taskset, curl.
#   bash bench/http/run.sh                      # the sandbox as shipped
#   SANDBOX_JAVA_OPTS="-Dsandbox.threads=4 -XX:+UseSerialGC -Xmn256m" bash bench/http/run.sh
set -euo pipefail
cd "$(dirname "$0")/../.."
duration=${DURATION:-10s}
[ -f mock-backend/target/token-sandbox.jar ] || ./mvnw -q -B -pl mock-backend -am package -DskipTests
(cd bench/node-peer && npm ci --no-audit --no-fund > /dev/null)
scratch=$(mktemp -d)
export TOKEN_SANDBOX_WORKSPACE="$scratch/workspace.json"
query="/api/agora/token?channelName=bench&uid=12345&role=publisher&expireSeconds=3600"

now_ms() { echo $(( $(date +%s%N) / 1000000 )); }

bench() {
  local name=$1 port=$2
  shift 2
  local start
  start=$(now_ms)
  taskset -c 0 "$@" > /dev/null 2>&1 &
  local pid=$!
  until curl -fs -o /dev/null "http://127.0.0.1:$port$query"; do
    if ! kill -0 "$pid" 2> /dev/null; then echo "$name did not start" >&2; exit 1; fi
    sleep 0.01
  done
  local ready=$(( $(now_ms) - start ))
  taskset -c 1 wrk -t1 -c32 -d${WARMUP:-10s} "http://127.0.0.1:$port$query" > /dev/null  # warm-up
  for c in 32 128; do
    taskset -c 1 wrk -t1 -c"$c" -d"$duration" --latency "http://127.0.0.1:$port$query" \
      > "$scratch/$name-$c.txt"
    local rps p50 p99 errors
    rps=$(awk '/Requests\/sec/ {print $2}' "$scratch/$name-$c.txt")
    p50=$(awk '$1 == "50%" {print $2}' "$scratch/$name-$c.txt")
    p99=$(awk '$1 == "99%" {print $2}' "$scratch/$name-$c.txt")
    errors=$(grep -E 'Non-2xx|Socket errors' "$scratch/$name-$c.txt" | tr '\n' ' ' || true)
    echo "| $name | $c | $rps | $p50 | $p99 | ${errors:-none} |"
  done
  local rss
  rss=$(awk '/VmHWM/ {print $2 " " $3}' "/proc/$pid/status")
  echo "| $name | peak RSS | $rss | first 200 after ${ready} ms | | |"
  kill "$pid"
  wait "$pid" 2> /dev/null || true
}

echo "| server | connections | req/s | p50 | p99 | errors |"
echo "|---|---|---|---|---|---|"
# SANDBOX_JAVA_OPTS tunes the sandbox's JVM, e.g. "-Dsandbox.threads=4 -XX:+UseSerialGC -Xmn256m".
# shellcheck disable=SC2086
bench sandbox 18080 java ${SANDBOX_JAVA_OPTS:-} -jar mock-backend/target/token-sandbox.jar serve --port 18080
bench node 13000 env PORT=13000 node bench/node-peer/server.js
