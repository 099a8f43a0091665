#!/usr/bin/env bash
# Compiles and links the app's manifest and resources with aapt2 against Debian's framework-res,
# adding to the manifest what the Android Gradle Plugin adds from build.gradle.kts (namespace,
# version, debuggable for a debug build); GradleConsistencyTest keeps the two in step. Used by
# build-apk.sh for the APK and, before the tests, to give Robolectric the app's real manifest and
# binary resources (the file AGP writes for `unitTests.isIncludeAndroidResources = true`).
#   link-resources.sh <module dir> <out dir> [<robolectric test_config.properties to write>]
set -euo pipefail
module=$1
out=$2
test_config=${3:-}
framework=/usr/share/android-framework-res/framework-res.apk
namespace=dev.tokensandbox.app

rm -rf "$out/res" "$out/compiled" "$out/base.apk"
mkdir -p "$out/compiled"
cp -r "$module/src/main/res" "$out/res"
aapt2 compile --dir "$out/res" -o "$out/compiled/resources.zip"
sed -e "s|<manifest xmlns:android=\"http://schemas.android.com/apk/res/android\">|<manifest xmlns:android=\"http://schemas.android.com/apk/res/android\" package=\"$namespace\" android:versionCode=\"1\" android:versionName=\"0.1.0\">|" \
    -e "s|<application|<application android:debuggable=\"true\"|" \
    "$module/src/main/AndroidManifest.xml" > "$out/AndroidManifest.xml"
aapt2 link -I "$framework" --manifest "$out/AndroidManifest.xml" \
  --min-sdk-version 26 --target-sdk-version 34 \
  -o "$out/base.apk" "$out/compiled/resources.zip"

if [ -n "$test_config" ]; then
  mkdir -p "$(dirname "$test_config")" "$out/assets"
  cat > "$test_config" <<PROPS
android_merged_manifest=$out/AndroidManifest.xml
android_merged_assets=$out/assets
android_resource_apk=$out/base.apk
android_custom_package=$namespace
PROPS
  echo "[res] Robolectric runs against the real manifest and resources ($out/base.apk)"
fi
