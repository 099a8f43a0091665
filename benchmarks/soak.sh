#!/usr/bin/env bash
# Client core soak: 1,000 virtual devices × 24 h of 15-minute tokens on one VirtualClock and the
# in-memory OfflineBackend (a test fixture, hence the test classpath); writes its table to
# docs/benchmarks/client-soak.md. Correctness of the same run is SoakTest's job, in the build.
#   bash benchmarks/soak.sh [output.md]
set -euo pipefail
cd "$(dirname "$0")/.."
out=${1:-docs/benchmarks/client-soak.md}
./mvnw -q -B install -DskipTests -pl protocol,mock-backend -am
./mvnw -q -B -pl sample-android/client test-compile exec:java \
  -Dexec.mainClass=dev.tokensandbox.client.soak.SoakBenchmark -Dexec.classpathScope=test \
  -Dexec.args="$out"
