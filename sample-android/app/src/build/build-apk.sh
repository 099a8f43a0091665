#!/usr/bin/env bash
# Assembles, signs and checks the debug APK without Gradle or an Android SDK (see
# docs/decisions/0005): aapt2 links the manifest and resources (link-resources.sh),
# D8 (com.android.tools:r8 from Maven Central) turns the app jar and its runtime libraries into
# classes.dex, the libraries' Java resources go in (OkHttp's public-suffix list), then zipalign,
# a generated debug key and apksigner; `apksigner verify` and `aapt dump badging` check the result.
# Maven runs this in `package` when /usr/bin/apksigner exists.
#   build-apk.sh <module dir> <target dir> <app jar>
set -euo pipefail
module=$1
target=$2
app_jar=$3
work="$target/apk"
apk="$target/sample-android-debug.apk"

rm -rf "$work/dex" "$work/javares" "$work"/*.apk
mkdir -p "$work/dex" "$work/javares"

echo "[apk] resources (network security config, launcher icon)"
bash "$(dirname "$0")/link-resources.sh" "$module" "$work"

echo "[apk] dex (D8, min API 26)"
java -cp "$work/tools/r8.jar" com.android.tools.r8.D8 --debug --min-api 26 \
  --lib "$work/tools/android-all.jar" --output "$work/dex" "$app_jar" "$work"/libs/*.jar

echo "[apk] Java resources of the libraries"
for jar in "$work"/libs/*.jar; do
  unzip -q -o "$jar" -x '*.class' 'META-INF/*' 'module-info.class' '*.kotlin_metadata' '*/' -d "$work/javares" || true
done

cp "$work/base.apk" "$work/unsigned.apk"
(cd "$work/dex" && zip -q "$work/unsigned.apk" classes*.dex)
if [ -n "$(ls -A "$work/javares")" ]; then
  (cd "$work/javares" && zip -q -r "$work/unsigned.apk" .)
fi
zipalign -p -f 4 "$work/unsigned.apk" "$work/aligned.apk"

# Android's convention: one debug key per user, outside any build, created once; a clean build
# then signs with the same key and `adb install -r` replaces the installed app.
android_home="${ANDROID_USER_HOME:-$HOME/.android}"
mkdir -p "$android_home"
keystore="$android_home/debug.keystore"
if [ ! -f "$keystore" ]; then
  echo "[apk] creating the debug key $keystore (once)"
  keytool -genkeypair -keystore "$keystore" -storepass android -keypass android \
    -alias androiddebugkey -keyalg RSA -keysize 2048 -validity 10000 \
    -dname "CN=Android Debug,O=Token Sandbox,C=US" > /dev/null 2>&1
fi
apksigner sign --ks "$keystore" --ks-pass pass:android --key-pass pass:android \
  --out "$apk" "$work/aligned.apk"

echo "[apk] checks"
apksigner verify "$apk"
badging=$(aapt dump badging "$apk")
grep -q "launchable-activity: name='dev.tokensandbox.app.MainActivity'" <<< "$badging" \
  || { echo "[apk] FAIL: no launchable MainActivity"; exit 1; }
grep -q "uses-permission: name='android.permission.INTERNET'" <<< "$badging" \
  || { echo "[apk] FAIL: no INTERNET permission"; exit 1; }
grep -q "application-debuggable" <<< "$badging" \
  || { echo "[apk] FAIL: not debuggable"; exit 1; }
grep -q "icon='res/mipmap-anydpi-v26/ic_launcher.xml'" <<< "$badging" \
  || { echo "[apk] FAIL: no launcher icon"; exit 1; }
tree=$(aapt dump xmltree "$apk" AndroidManifest.xml)
grep -q 'android:scheme.*"tokensandbox"' <<< "$tree" && grep -q 'android:host.*"pair"' <<< "$tree" \
  || { echo "[apk] FAIL: no tokensandbox://pair deep link"; exit 1; }
grep -q "sdkVersion:'26'" <<< "$badging" || { echo "[apk] FAIL: min SDK is not 26"; exit 1; }
contents=$(unzip -l "$apk")
grep -q 'classes.dex' <<< "$contents" || { echo "[apk] FAIL: no classes.dex"; exit 1; }
echo "[apk] $apk: signed, verified, launchable MainActivity, INTERNET, min SDK 26 ($(du -h "$apk" | cut -f1))"
