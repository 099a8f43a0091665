#!/usr/bin/env bash
# Hostile clients against serve as users start it: for each attack (slow headers, CRLF padding,
# slow bodies, a connection flood, journal reads, stalled SSE readers, ChatSDK users, device
# sockets) a fresh `bin/token-sandbox serve`, /ping probed every 20 ms, RSS sampled every 100 ms.
# Writes its table to docs/benchmarks/attacks.md (AttackBench).
#   bash benchmarks/attacks.sh [output.md]
set -euo pipefail
cd "$(dirname "$0")/.."
out=${1:-docs/benchmarks/attacks.md}
./mvnw -q -B install -DskipTests -pl protocol,mock-backend,benchmarks/jmh,sample-android/client,tools -am
java -cp benchmarks/jmh/target/benchmarks.jar dev.tokensandbox.benchmarks.AttackBench \
  bin/token-sandbox "$out"
