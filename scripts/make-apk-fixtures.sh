#!/usr/bin/env bash
# Builds the APK test fixtures in test/fixtures/apk/ with real tools, never with project code.
#
# README: regenerate with `bash scripts/make-apk-fixtures.sh` from any directory, on Debian/Ubuntu with
#   apt-get install aapt android-framework-res apksigner zip
# then update the literal MD5 values in test/apk.test.ts (the script prints them; `md5sum test/fixtures/apk/*`).
# The committed files were built with Debian's aapt 1:10.0.0+r36-10 and android-framework-res 1:10.0.0+r36-10;
# another framework-res version changes the platformBuildVersion attributes aapt adds, hence the bytes and MD5s.
# The APKs are then signed by Debian's apksigner 31.0.2-1 with a key made for the run (so each run changes the
# bytes): Android installs only signed APKs, and the action refuses an unsigned one. Each scheme is covered once:
#
#   demo.apk        com.example.demo        versionName 1.4.2         versionCode 42       signed v1 + v2 + v3
#   demo-unsigned.apk  demo.apk as aapt wrote it, before signing (no signature at all)
#   other.apk       org.acme.fleet.agent    versionName 2.0.0-beta.1  versionCode 2000001  signed v1 only
#   no-version.apk  com.example.noversion   no versionName, no versionCode                signed v1 + v2 + v3
#   unicode.apk     com.example.unicode     versionName with non-ASCII text (UTF-16 pool)  versionCode 3
#                                           signed v2 only
#   resref.apk      com.example.resref      versionName="@string/app_version" (a resource reference, resolved only
#                                           through resources.arsc), versionCode="0x10" (hex integer, 16)
#                                           signed v3 only
#   corrupt.apk     the first 300 bytes of demo.apk (a truncated zip)
#   not-an-apk.apk  a valid zip holding only readme.txt (no AndroidManifest.xml)
#   text-manifest.apk  a valid zip whose AndroidManifest.xml is the plain-text source, not aapt's binary XML
#
# aapt always writes the compiled AndroidManifest.xml with a UTF-16 string pool (its --utf16 flag only concerns
# resources.arsc); the UTF-8 pool case is covered by a unit test on a buffer derived from these fixtures.
set -euo pipefail

FRAMEWORK=/usr/share/android-framework-res/framework-res.apk
root="$(cd "$(dirname "$0")/.." && pwd)"
out="$root/test/fixtures/apk"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

for tool in aapt apksigner keytool zip md5sum; do
  command -v "$tool" >/dev/null || { echo "missing $tool (apt-get install aapt android-framework-res apksigner zip)" >&2; exit 1; }
done
[ -f "$FRAMEWORK" ] || { echo "missing $FRAMEWORK (apt-get install android-framework-res)" >&2; exit 1; }
mkdir -p "$out"

# build <name> <manifest attributes> [res dir]: compiles a manifest with aapt into $out/<name>.apk
build() {
  local name="$1" attributes="$2" res="${3:-}"
  mkdir -p "$work/$name"
  cat >"$work/$name/AndroidManifest.xml" <<EOF
<?xml version="1.0" encoding="utf-8"?>
<manifest xmlns:android="http://schemas.android.com/apk/res/android"
    $attributes>
    <uses-sdk android:minSdkVersion="21" />
    <application android:label="Fixture" />
</manifest>
EOF
  local args=(package -f -M "$work/$name/AndroidManifest.xml" -I "$FRAMEWORK" -F "$out/$name.apk")
  if [ -n "$res" ]; then args+=(-S "$res"); fi
  aapt "${args[@]}"
}

build demo 'package="com.example.demo" android:versionCode="42" android:versionName="1.4.2"'
build other 'package="org.acme.fleet.agent" android:versionCode="2000001" android:versionName="2.0.0-beta.1"'
build no-version 'package="com.example.noversion"'
build unicode 'package="com.example.unicode" android:versionCode="3" android:versionName="3.0 “Größe” 版本 🚀"'

mkdir -p "$work/res/values"
cat >"$work/res/values/strings.xml" <<'EOF'
<?xml version="1.0" encoding="utf-8"?>
<resources>
    <string name="app_version">5.6.7</string>
</resources>
EOF
build resref 'package="com.example.resref" android:versionCode="0x10" android:versionName="@string/app_version"' \
  "$work/res"

head -c 300 "$out/demo.apk" >"$out/corrupt.apk"
cp "$out/demo.apk" "$out/demo-unsigned.apk"

keytool -genkeypair -keystore "$work/fixture.p12" -storetype PKCS12 -storepass fixture -alias fixture \
  -keyalg RSA -keysize 2048 -validity 36500 -dname CN=cloud-phone-deploy-fixture >/dev/null 2>&1
# sign <name> <v1> <v2> <v3>: signs $out/<name>.apk in place with the schemes given (true/false)
sign() {
  apksigner sign --ks "$work/fixture.p12" --ks-pass pass:fixture \
    --v1-signing-enabled "$2" --v2-signing-enabled "$3" --v3-signing-enabled "$4" "$out/$1.apk"
  rm -f "$out/$1.apk.idsig"
}
sign demo true true true
sign no-version true true true
sign other true false false
sign unicode false true false
sign resref false false true

# A plain zip: fixed timestamp and no extra fields (-X) so the bytes do not depend on when or where it was built.
mkdir -p "$work/zip"
printf 'This zip has no AndroidManifest.xml, so it is not an APK.\n' >"$work/zip/readme.txt"
TZ=UTC touch -t 198001010000 "$work/zip/readme.txt"
rm -f "$out/not-an-apk.apk"
(cd "$work/zip" && TZ=UTC zip -q -X "$out/not-an-apk.apk" readme.txt)

mkdir -p "$work/text"
cp "$work/demo/AndroidManifest.xml" "$work/text/AndroidManifest.xml"
TZ=UTC touch -t 198001010000 "$work/text/AndroidManifest.xml"
rm -f "$out/text-manifest.apk"
(cd "$work/text" && TZ=UTC zip -q -X "$out/text-manifest.apk" AndroidManifest.xml)

cd "$out"
ls -l ./*.apk
md5sum ./*.apk
for f in demo other no-version unicode resref; do
  aapt dump badging "$f.apk" | head -1
  # API 28: the first that checks v3; with the manifest's minSdkVersion 21, a v2- or v3-only APK would need v1.
  apksigner verify -v --min-sdk-version 28 "$f.apk" | grep -E '^Verified using v[123]'
done
