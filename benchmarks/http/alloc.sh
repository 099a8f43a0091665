#!/usr/bin/env bash
# Heap allocated per request on the Shengwang token route (docs/benchmarks.md): the headless
# backend pinned to core 0 with GC logging, 8 s of wrk warm-up, then 15 s measured; the bytes the
# young collections reclaimed during the measured run, divided by the requests served. Allocation
# per request does not depend on how busy the machine is, so this compares builds where req/s cannot.
#   bash benchmarks/http/alloc.sh [path/to/token-sandbox.jar]
set -euo pipefail
cd "$(dirname "$0")/../.."
jar=${1:-tools/target/token-sandbox.jar}
[ -f "$jar" ] || ./mvnw -q -B -pl tools -am package -DskipTests
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
export TOKEN_SANDBOX_WORKSPACE="$scratch/workspace.json"
url="http://127.0.0.1:18080/api/agora/token?channelName=bench&uid=12345&role=publisher&expireSeconds=3600"
taskset -c 0 java -Xmn256m -Xlog:gc:file="$scratch/gc.log" -jar "$jar" serve --port 18080 \
  > /dev/null 2>&1 &
pid=$!
until curl -fs -o /dev/null "$url"; do
  kill -0 "$pid" 2> /dev/null || { echo "the backend did not start" >&2; exit 1; }
  sleep 0.05
done
taskset -c 1 wrk -t1 -c32 -d8s "$url" > /dev/null
before=$(grep -c "Pause Young" "$scratch/gc.log" || true)
requests=$(taskset -c 1 wrk -t1 -c32 -d15s "$url" | awk '/requests in/ {print $1}')
after=$(grep -c "Pause Young" "$scratch/gc.log" || true)
kill "$pid"
wait "$pid" 2> /dev/null || true
grep "Pause Young" "$scratch/gc.log" | sed -n "$((before + 1)),${after}p" \
  | sed -E 's/.* ([0-9]+)M->([0-9]+)M.*/\1 \2/' \
  | awk -v n="$requests" -v gcs="$((after - before))" '
      {freed += $1 - $2}
      END {printf "%d requests, %d young collections, %.1f KB allocated per request\n",
           n, gcs, freed * 1024 / n}'
