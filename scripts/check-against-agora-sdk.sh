#!/usr/bin/env bash
# Checks the sandbox's io.agora.rtc2 stub and its porting sample against Agora's real Android SDK:
# downloads io.agora.rtc:full-sdk:4.2.6 (the newest on Maven Central, ~110 MB; not part of the
# build), then (1) compares every int constant of the stub with the real Constants (javap), and
# (2) compiles TokenRenewal.java with its imports changed to io.agora.rtc2 against the real jar and
# Robolectric's android-all, without onRenewTokenResult (4.6+; the sample says to delete it before
# 4.6). Results of the last run: docs/decisions/0009-engine-api-shaped-like-rtc2.md.
set -euo pipefail
cd "$(dirname "$0")/.."
version=4.2.6
work=$(mktemp -d)
./mvnw -q -B dependency:copy -Dartifact=io.agora.rtc:full-sdk:$version:aar -DoutputDirectory="$work" > /dev/null
unzip -q -o "$work/full-sdk-$version.aar" libs/agora-rtc-sdk.jar -d "$work"
sdk="$work/libs/agora-rtc-sdk.jar"
android=$(find ~/.m2/repository/org/robolectric/android-all -name 'android-all-*.jar' | head -1)
stub=sample-android/client/src/test/sdk-stub/io/agora/rtc2

javap -constants -cp "$sdk" io.agora.rtc2.Constants | grep -oE 'int [A-Z_]+ = -?[0-9]+' | sed 's/int //' | sort > "$work/real.txt"
grep -oE 'int [A-Z_]+ = -?[0-9]+' "$stub/Constants.java" | sed 's/int //' | sort > "$work/stub.txt"
missing=$(comm -13 "$work/real.txt" "$work/stub.txt")
[ -z "$missing" ] || { echo "FAIL: the stub's constants differ from Agora's $version:"; echo "$missing"; exit 1; }
echo "constants: all $(wc -l < "$work/stub.txt") of the stub's ints equal Agora's $version"

mkdir -p "$work/src" "$work/out"
python3 - "$work/src/TokenRenewal.java" <<'PY'
import sys
s = open('sample-android/client/src/main/java/dev/tokensandbox/client/porting/TokenRenewal.java').read()
s = s.replace('import dev.tokensandbox.client.rtc2.', 'import io.agora.rtc2.')
start = s.index('  /** SDK 4.6+ (delete this method')
end = s.index('  @Override\n  public void onConnectionStateChanged')
open(sys.argv[1], 'w').write(s[:start] + s[end:])
PY
javac --release 17 -cp "$sdk:$android" -d "$work/out" "$work/src/TokenRenewal.java"
echo "porting sample: compiles against Agora's $version with only its imports changed (less the 4.6 callback)"
rm -rf "$work"
