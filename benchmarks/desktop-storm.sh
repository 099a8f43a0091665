#!/usr/bin/env bash
# Issue #33's scripted run: the Devices screen's view-model (both embedded backends, no window)
# with a Shengwang RTC virtual device, fault "Tokens live 20 s" for 60 s, then cleared and left
# two minutes. Prints tokens fetched, renewals, the finding and RSS start → peak → end, writes
# docs/benchmarks/desktop-storm.md, and exits 1 unless renewals <= tokens, one finding, fewer than
# 30 tokens and RSS back within 50 MB of the start. About 3.5 minutes.
#   bash benchmarks/desktop-storm.sh [output.md]
set -euo pipefail
cd "$(dirname "$0")/.."
out=${1:-docs/benchmarks/desktop-storm.md}
./mvnw -q -B install -DskipTests -pl desktop -am
./mvnw -q -B -pl desktop test-compile dependency:build-classpath \
  -Dmdep.outputFile=target/storm.classpath -Dmdep.includeScope=test
java -XX:+UnlockExperimentalVMOptions -XX:TrimNativeHeapInterval=5000 \
  -cp "desktop/target/test-classes:desktop/target/classes:$(cat desktop/target/storm.classpath)" \
  dev.tokensandbox.desktop.devices.StormRun "$out"
