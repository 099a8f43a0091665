#!/usr/bin/env bash
# Regenerates the screenshots in docs/screenshots/ from a real window under Xvfb.
# Needs: apt-get install -y --no-install-recommends xvfb xauth libgtk-3-0
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -q -B -pl mock-backend,desktop -am package -DskipTests
workspace=$(mktemp -d)/workspace.json   # throwaway credentials: nothing real is shown
token=$(TOKEN_SANDBOX_WORKSPACE="$workspace" java -jar mock-backend/target/token-sandbox.jar \
  issue rtc --channel demo --uid 0 --expire 600 --join-expire 300)
xvfb-run -a -s "-screen 0 1280x800x24" ./mvnw -q -B -pl desktop -am javafx:run \
  -Djavafx.args="--snapshot=$PWD/docs/screenshots/inspect.png --paste=$token"
echo "wrote docs/screenshots/inspect.png"
