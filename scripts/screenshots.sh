#!/usr/bin/env bash
# Regenerates the screenshots in docs/screenshots/ from a real window under Xvfb.
# Needs: apt-get install -y --no-install-recommends xvfb xauth libgtk-3-0
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -q -B -pl mock-backend,desktop -am install -DskipTests
workspace=$(mktemp -d)/workspace.json   # throwaway credentials: nothing real is shown
token=$(TOKEN_SANDBOX_WORKSPACE="$workspace" java -jar mock-backend/target/token-sandbox.jar \
  issue rtc --channel demo --uid 0 --expire 600 --join-expire 300)
shoot() {
  xvfb-run -a -s "-screen 0 1280x800x24" java -jar desktop/target/token-sandbox-desktop.jar "$@"
}
shoot --snapshot="$PWD/docs/screenshots/inspect.png" --paste="$token"
shoot --snapshot="$PWD/docs/screenshots/lab.png" --preset=join-shorter-than-publish
echo "wrote docs/screenshots/inspect.png and docs/screenshots/lab.png"
