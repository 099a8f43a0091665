#!/usr/bin/env bash
# The desktop's memory over a long session, as a person drives it (issue #33): the real window under
# Xvfb, driven with xdotool at 1180x760 (the default size; a fresh home, so the first-run banner
# shows): Devices → Add virtual device → select it → Set fault "Tokens live 20 s" → Renew; the
# fault stays for FAULT_MINUTES (30), then No fault and IDLE_MINUTES (10) of idle. Samples the
# process's RSS each minute and writes docs/benchmarks/desktop-soak.md. The click positions are
# the default layout's; after a layout change, check them against the screenshots the script saves
# beside the table. Needs xvfb, xdotool, imagemagick (import).
#   bash benchmarks/desktop-soak.sh [output.md]
set -euo pipefail
cd "$(dirname "$0")/.."
out=${1:-docs/benchmarks/desktop-soak.md}
fault=${FAULT_MINUTES:-30} idle=${IDLE_MINUTES:-10}
[ -f desktop/target/token-sandbox-desktop.jar ] || ./mvnw -q -B install -DskipTests
scratch=$(mktemp -d)
cp desktop/target/token-sandbox-desktop.jar "$scratch/desktop.jar" # a rebuild cannot pull it away
export TOKEN_SANDBOX_WORKSPACE="$scratch/workspace.json" TOKEN_SANDBOX_HOME="$scratch/home"
Xvfb -displayfd 3 -screen 0 1280x800x24 3> "$scratch/display" > /dev/null 2>&1 & xvfb=$!
trap 'kill "$xvfb" 2> /dev/null; [ -n "${pid:-}" ] && kill "$pid" 2> /dev/null; rm -rf "$scratch"' EXIT
for _ in $(seq 50); do [ -s "$scratch/display" ] && break; sleep 0.1; done
export DISPLAY=":$(cat "$scratch/display")"
java -Duser.home="$scratch/user" -jar "$scratch/desktop.jar" --port=0 > "$scratch/desktop.log" 2>&1 &
pid=$!
until window=$(xdotool search --name "Token Sandbox" 2> /dev/null | head -1) && [ -n "$window" ]; do
  sleep 0.5
done
sleep 8
xdotool windowsize "$window" 1180 760; xdotool windowmove "$window" 0 0; sleep 1
click() { xdotool mousemove "$1" "$2" click 1; sleep "${3:-1}"; }
rss() { awk '/VmRSS/ {print int($2 / 1024)}' "/proc/$pid/status"; }
shots=$(dirname "$out")
mkdir -p "$shots"
xdotool key --clearmodifiers ctrl+6; sleep 2
click 924 157 4   # Add virtual device
click 300 330     # select it
click 595 245     # Set fault…
click 580 443     # Tokens live 20 s
click 285 245 5   # Renew
start=$(rss)
import -window root -crop 1180x760+0+0 "$shots/desktop-soak-fault.png"
samples="$start"
for _ in $(seq "$fault"); do sleep 60; samples="$samples $(rss)"; done
during=$(rss)
click 605 245     # Set fault…
click 550 283     # No fault
for _ in $(seq "$idle"); do sleep 60; samples="$samples $(rss)"; done
end=$(rss)
import -window root -crop 1180x760+0+0 "$shots/desktop-soak-idle.png"
peak=$(printf '%s\n' $samples | sort -n | tail -1)
{
  echo "Measured $(date -u +%F) with \`bash benchmarks/desktop-soak.sh\`: the desktop under Xvfb at 1180×760, one"
  echo "Shengwang RTC virtual device with the fault \"Tokens live 20 s\" for $fault min, then no fault and $idle min idle."
  echo
  echo "| RSS at the fault | after $fault min of fault | after $idle min idle | peak | samples (MB, one a minute) |"
  echo "|---|---|---|---|---|"
  echo "| $start MB | $during MB | **$end MB** | $peak MB | $samples |"
} > "$out"
cat "$out"
[ "$end" -lt 400 ] || { echo "FAIL: RSS $end MB is not under 400 MB" >&2; exit 1; }
