#!/usr/bin/env bash
# The desktop's memory after a newcomer's first minute (README, "A first minute"), under Xvfb:
# launched through bin/token-sandbox-desktop (its archive made first), then driven with xdotool:
# Architecture, issue a token (Ctrl+Enter), Inspect, run the lab's preset at 600× (Ctrl+L),
# Traffic, Devices, Scenarios; 60 s after launch it reads the process's RSS and peak RSS
# (VmRSS, VmHWM). Needs xvfb, xdotool. Figures: docs/benchmarks.md §5.
#   bash benchmarks/desktop-memory.sh [RUNS]
#   TOKEN_SANDBOX_JAVA_OPTS="-XX:+UseG1GC" bash benchmarks/desktop-memory.sh   # other JVM options
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-3}
[ -f desktop/target/token-sandbox-desktop.jar ] || ./mvnw -q -B install -DskipTests
scratch=$(mktemp -d)
export TOKEN_SANDBOX_WORKSPACE="$scratch/workspace.json" TOKEN_SANDBOX_HOME="$scratch/home"
# A display number of Xvfb's own choosing (one left behind by an earlier run cannot be taken).
Xvfb -displayfd 3 -screen 0 1280x800x24 3> "$scratch/display" > /dev/null 2>&1 & xvfb=$!
trap 'kill "$xvfb" 2> /dev/null; rm -rf "$scratch"' EXIT
for _ in $(seq 50); do [ -s "$scratch/display" ] && break; sleep 0.1; done
[ -s "$scratch/display" ] || { echo "Xvfb did not start" >&2; exit 1; }
export DISPLAY=":$(cat "$scratch/display")"
for _ in 1 2; do # run 1 records the classes, run 2 builds the archive in the background
  bin/token-sandbox-desktop --port=0 --startup-probe > /dev/null 2>&1 || true
done
while ls -d "$TOKEN_SANDBOX_HOME"/cds/*.lock > /dev/null 2>&1; do sleep 0.2; done
key() { xdotool key --clearmodifiers "$1"; sleep "$2"; }
for run in $(seq "$runs"); do
  # A fresh home each run: the first-run tour shows, as for a newcomer.
  TOKEN_SANDBOX_JAVA_OPTS="${TOKEN_SANDBOX_JAVA_OPTS:-} -Duser.home=$scratch/user$run" \
    bin/token-sandbox-desktop --port=0 \
    > /dev/null 2>&1 &
  pid=$!
  start=$(date +%s)
  until window=$(xdotool search --name "Token Sandbox" 2> /dev/null | head -1) && [ -n "$window" ]; do
    kill -0 "$pid" 2> /dev/null || { echo "run $run: the desktop exited before its window showed" >&2; exit 1; }
    [ $(( $(date +%s) - start )) -lt 30 ] || { echo "run $run: no window after 30 s" >&2; exit 1; }
    sleep 0.2
  done
  sleep 3
  xdotool windowfocus "$window" 2> /dev/null || true
  key ctrl+1 4; key ctrl+Return 6; key ctrl+3 5; key ctrl+l 20; key ctrl+5 5; key ctrl+6 5
  key ctrl+7 3
  while [ $(( $(date +%s) - start )) -lt 60 ]; do sleep 0.5; done
  awk -v r="$run" '/VmRSS|VmHWM/ {printf "run %s %s %d MB\n", r, $1, $2 / 1024}' "/proc/$pid/status"
  kill "$pid"; wait "$pid" 2> /dev/null || true
done
