#!/usr/bin/env bash
# Regenerates the screenshots in docs/screenshots/ from a real window under Xvfb: one per screen.
# Needs: apt-get install -y --no-install-recommends xvfb xauth libgtk-3-0
# Everything runs with a throwaway workspace and home directory: no real credential is shown.
set -euo pipefail
cd "$(dirname "$0")/.."
[ "${SKIP_BUILD:-}" = 1 ] || ./mvnw -q -B -pl tools,desktop -am install -DskipTests
scratch=$(mktemp -d)
export TOKEN_SANDBOX_WORKSPACE="$scratch/workspace.json"
token=$(java -jar tools/target/token-sandbox.jar \
  issue rtc --channel demo --uid 0 --expire 600 --join-expire 300)
# A real renewal mismatch for Inspect's comparison: joined as uid 12345, renewed as uid 0.
joined=$(java -jar tools/target/token-sandbox.jar issue rtc --channel demo --uid 12345)
renewed=$(java -jar tools/target/token-sandbox.jar issue rtc --channel demo --uid 0)
shoot() {
  xvfb-run -a -s "-screen 0 1280x800x24" \
    java -Duser.home="$scratch" -jar desktop/target/token-sandbox-desktop.jar --port=0 "$@"
}
out="$PWD/docs/screenshots"
shoot --snapshot="$out/architecture.png" --screen=architecture --issue --theme=light
shoot --snapshot="$out/issue.png" --screen=issue --issue
shoot --snapshot="$out/inspect.png" --screen=inspect --paste="$token"
shoot --snapshot="$out/inspect-compare.png" --screen=inspect --paste="$joined" --compare="$renewed"
shoot --snapshot="$out/issue-any-token.png" --screen=issue --flow=any_token --issue
shoot --snapshot="$out/lab.png" --preset=join-shorter-than-publish
shoot --snapshot="$out/traffic.png" --screen=traffic --issue --devices=2
shoot --snapshot="$out/devices.png" --screen=devices --devices=3
shoot --snapshot="$out/scenarios.png" --screen=scenarios
# The dark theme, and the first-run tour, on two screens each.
shoot --snapshot="$out/lab-dark.png" --preset=join-shorter-than-publish --theme=dark
shoot --snapshot="$out/issue-dark.png" --screen=issue --issue --theme=dark
shoot --snapshot="$out/architecture-tour.png" --screen=architecture --tour --theme=light
# Every screen at the smallest window (900x600) and the default size, with a few minutes' data: an
# issued token, two connected devices and, where it shows, a finished lab run with its finding.
mkdir -p "$out/sizes"
for size in 900x600 1180x760; do
  for screen in architecture issue inspect lab traffic devices scenarios; do
    data="--issue --devices=2"
    case $screen in
      inspect) data="--paste=$token" ;;
      lab|traffic|scenarios) data="$data --preset=short-lifetime" ;;
    esac
    # shellcheck disable=SC2086 # $data is a list of switches
    shoot --snapshot="$out/sizes/$screen-$size.png" --screen="$screen" --size="$size" $data
  done
done
# What the window shows in its first second, while the sandbox opens behind it.
shoot --snapshot="$out/starting.png" --snapshot-starting --theme=light
ls -1 "$out" "$out/sizes"
