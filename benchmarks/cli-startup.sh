#!/usr/bin/env bash
# Start-up of the command line and the headless server, N launches each (default 7), as wall time
# from launch: a JVM hello-world (the yardstick, measured in the same run), `decode` with the plain
# jar and through bin/token-sandbox (its archive made by two warm-up runs first), and `serve`
# launch → first 200 on /ping, plain and through the launcher. Prints min/median/max and each
# median as a multiple of the hello-world's. Figures: docs/benchmarks/cli-startup.md. Another JDK:
#   PATH=$JDK/bin:$PATH JAVA_HOME=$JDK bash benchmarks/cli-startup.sh 7
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-7}
jar=tools/target/token-sandbox.jar
[ -f "$jar" ] || ./mvnw -q -B -pl tools -am package -DskipTests
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
export TOKEN_SANDBOX_WORKSPACE="$scratch/workspace.json" TOKEN_SANDBOX_HOME="$scratch/home"
mkdir -p "$scratch/hello"
printf 'public class Hello { public static void main(String[] a) { System.out.println("hi"); } }\n' \
  > "$scratch/hello/Hello.java"
javac -d "$scratch/hello" "$scratch/hello/Hello.java"
token=$(java -jar "$jar" issue rtc --channel bench --uid 1 2>/dev/null)
ms() { echo $(( ($(date +%s%N) - $1) / 1000000 )); }
time_cmd() { local s; s=$(date +%s%N); "$@" > /dev/null 2>&1 || true; ms "$s"; }
time_serve() {
  local port=$1; shift
  local s; s=$(date +%s%N)
  "$@" serve --port "$port" > /dev/null 2>&1 &
  local pid=$!
  until curl -sf "http://127.0.0.1:$port/ping" > /dev/null 2>&1; do sleep 0.01; done
  ms "$s"
  kill "$pid"; wait "$pid" 2> /dev/null || true
}
stats() { sort -n | awk '{a[NR]=$1} END {printf "%d %d %d\n", a[1], a[int((NR+1)/2)], a[NR]}'; }
measure() { local name=$1; shift; for _ in $(seq "$runs"); do "$@"; done | stats | sed "s/^/$name /"; }

# The launcher's archives: run 1 records the classes, run 2 builds the archive in the background.
for _ in 1 2; do
  bin/token-sandbox decode "$token" > /dev/null 2>&1
  bin/token-sandbox serve --port 18765 > /dev/null 2>&1 & p=$!
  until curl -sf http://127.0.0.1:18765/ping > /dev/null 2>&1; do sleep 0.01; done
  kill "$p"; wait "$p" 2> /dev/null || true
done
while ls -d "$TOKEN_SANDBOX_HOME"/cds/*.lock > /dev/null 2>&1; do sleep 0.2; done

{
  measure hello time_cmd java -cp "$scratch/hello" Hello
  measure decode-jar time_cmd java -jar "$jar" decode "$token"
  measure decode-bin time_cmd bin/token-sandbox decode "$token"
  measure serve-jar time_serve 18766 java -jar "$jar"
  measure serve-bin time_serve 18767 bin/token-sandbox
} > "$scratch/results"
hello=$(awk '$1=="hello"{print $3}' "$scratch/results")
printf '%-11s %7s %7s %7s %9s\n' what min median max "× hello"
awk -v h="$hello" '{printf "%-11s %5d ms %5d ms %5d ms %8.1f×\n", $1, $2, $3, $4, $3 / h}' "$scratch/results"
echo "($runs launches each; $(nproc) cores; $(java -version 2>&1 | head -1))"
