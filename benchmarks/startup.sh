#!/usr/bin/env bash
# Measures desktop startup over N launches under Xvfb (needs xvfb, see screenshots.sh), with the
# plain jar and through bin/token-sandbox-desktop (its archive made by two warm-up launches):
#   window = JVM start to the first shown window; ready = JVM start to usable screens.
# Both are the JVM's own uptime at that moment (--startup-probe prints them and exits).
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-7}
[ -f desktop/target/token-sandbox-desktop.jar ] || ./mvnw -q -B install -DskipTests
scratch=$(mktemp -d)
export TOKEN_SANDBOX_WORKSPACE="$scratch/workspace.json"
results="$scratch/results"
for i in $(seq "$runs"); do
  xvfb-run -a -s "-screen 0 1280x800x24" \
    java -Duser.home="$scratch" -jar desktop/target/token-sandbox-desktop.jar --port=0 \
    --startup-probe 2>/dev/null >> "$results"
done
export TOKEN_SANDBOX_HOME="$scratch/home"
launcher="$scratch/launcher"
for _ in 1 2; do # run 1 records the classes, run 2 builds the archive in the background
  xvfb-run -a -s "-screen 0 1280x800x24" bin/token-sandbox-desktop --port=0 --startup-probe \
    > /dev/null 2>&1 || true
done
while ls -d "$TOKEN_SANDBOX_HOME"/cds/*.lock > /dev/null 2>&1; do sleep 0.2; done
for i in $(seq "$runs"); do
  xvfb-run -a -s "-screen 0 1280x800x24" bin/token-sandbox-desktop --port=0 --startup-probe \
    2>/dev/null >> "$launcher"
done
summary() {
  sed -n "s/^startup: $1 \([0-9]*\) ms.*/\1/p" "$3" | sort -n |
    awk -v what="$2" '{a[NR]=$1} END {printf "%-16s runs %d  min %d ms  median %d ms  max %d ms\n", what, NR, a[1], a[int((NR+1)/2)], a[NR]}'
}
summary "first window shown" "window (jar)" "$results"
summary "screens ready" "ready (jar)" "$results"
summary "first window shown" "window (bin/)" "$launcher"
summary "screens ready" "ready (bin/)" "$launcher"
