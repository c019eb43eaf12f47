#!/usr/bin/env bash
# Assembles, from the Maven build, the Glo-In-One update site as a tree shaped like Fiji.app:
#
#   plugins/Glo_In_One-<version>.jar       the menu commands, SciJava commands and the engine's classes
#   lib/glo-in-one/engine/*.jar            the engine's dependencies that Fiji does not ship (TensorFlow Java
#                                          and its natives, javacpp, protobuf, Jackson, ...), loaded in
#                                          isolation, never on Fiji's class path
#   lib/glo-in-one/imagej1/*.jar           ImgLib2, SciJava Common, Parsington: Fiji ships them, plain ImageJ 1
#                                          does not; the engine uses these copies only where ImageJ lacks them
#   lib/<platform>/tensorflow-core-native-*  TensorFlow's natives, one folder per platform as Fiji's updater
#                                          names them (linux64, linux-arm64, macos64, macos-arm64, win64), so each
#                                          user downloads only their own
#   lib/glo-in-one/models/<model>/         the default models (SavedModel + rdf.yaml + model card)
#
# It also writes Glo-In-One-<version>-Fiji.zip beside the tree: the same files under Fiji.app/, to unpack onto
# an existing Fiji.app without an update site.
#
# Usage: update-site/assemble.sh [output folder]      (default: target/update-site/Fiji.app)
# Environment:
#   SKIP_BUILD=1         use the existing build instead of running "mvn package"
#   GLO_JAR, GLO_LIB     the plugin jar and the folder of runtime dependencies (default: target/...)
#   JAR                  the JDK's jar tool (default: jar on the PATH)
#   NATIVE_PLATFORMS     extra TensorFlow native classifiers to ship, e.g. "windows-x86_64 macosx-arm64"
#                        (fetched with "mvn dependency:copy"; the build machine's own is always included)
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
out="${1:-$root/target/update-site/Fiji.app}"

if [[ "${SKIP_BUILD:-0}" != 1 ]]; then
  (cd "$root" && mvn -B -q package -DskipTests)
fi
version="$(sed -n 's/^ *<version>\(.*\)<\/version>.*/\1/p' "$root/pom.xml" | head -n 1)"
jar="${GLO_JAR:-$root/target/Glo_In_One-$version.jar}"
lib="${GLO_LIB:-$root/target/lib}"
[[ -f "$jar" ]] || { echo "assemble.sh: $jar: no plugin jar; build first (mvn package)" >&2; exit 2; }
[[ -d "$lib" ]] || { echo "assemble.sh: $lib: no dependency folder; build first (mvn package)" >&2; exit 2; }

# Artifacts Fiji provides: a jar file is "provided" when its name is <artifactId>-<version>.jar.
mapfile -t provided < <(grep -v '^\s*#' "$root/update-site/fiji-provided.txt" | sed '/^\s*$/d')
is_provided() {
  local name="$1" artifact
  for artifact in "${provided[@]}"; do
    [[ "$name" =~ ^${artifact}-[0-9][^/]*\.jar$ ]] && return 0
  done
  return 1
}

# Fiji's platform folder for a TensorFlow native classifier (the names the updater gives platforms).
fiji_platform() {
  case "$1" in
    linux-x86_64|linux-x86_64-gpu) echo linux64 ;;
    linux-arm64) echo linux-arm64 ;;
    macosx-x86_64) echo macos64 ;;
    macosx-arm64) echo macos-arm64 ;;
    windows-x86_64) echo win64 ;;
    *) echo "assemble.sh: no Fiji platform for TensorFlow natives '$1'" >&2; return 2 ;;
  esac
}
native_pattern='^tensorflow-core-native-[0-9.]+-(.+)\.jar$'

rm -rf "$out"
mkdir -p "$out/plugins" "$out/lib/glo-in-one/engine" "$out/lib/glo-in-one/models"
cp "$jar" "$out/plugins/Glo_In_One-$version.jar"

shipped=0
natives=0
for dep in "$lib"/*.jar; do
  name="$(basename "$dep")"
  if is_provided "$name"; then
    # Fiji has these; plain ImageJ 1 (ij.jar alone) does not, so the engine falls back on a copy.
    if [[ ! "$name" =~ ^ij-[0-9] ]]; then
      mkdir -p "$out/lib/glo-in-one/imagej1"
      cp "$dep" "$out/lib/glo-in-one/imagej1/$name"
    fi
    continue
  fi
  if [[ "$name" =~ $native_pattern ]]; then
    platform="$(fiji_platform "${BASH_REMATCH[1]}")"
    mkdir -p "$out/lib/$platform"
    cp "$dep" "$out/lib/$platform/$name"
    natives=$((natives + 1))
    continue
  fi
  cp "$dep" "$out/lib/glo-in-one/engine/$name"
  shipped=$((shipped + 1))
done

for classifier in ${NATIVE_PLATFORMS:-}; do
  platform="$(fiji_platform "$classifier")"
  mkdir -p "$out/lib/$platform"
  (cd "$root" && mvn -B -q dependency:copy \
      -Dartifact="org.tensorflow:tensorflow-core-native:1.1.0:jar:$classifier" \
      -DoutputDirectory="$out/lib/$platform")
  natives=$((natives + 1))
done

models=0
for model in "$root"/models/*/; do
  if [[ -f "$model/rdf.yaml" ]]; then
    cp -r "$model" "$out/lib/glo-in-one/models/"
    models=$((models + 1))
  fi
done

# The release zip: Fiji.app/... entries, no manifest, written under a temporary name and then renamed.
zip="$(dirname "$out")/Glo-In-One-$version-Fiji.zip"
staging="$(mktemp -d)"
trap 'rm -rf "$staging"' EXIT
mkdir -p "$staging/Fiji.app"
cp -r "$out/." "$staging/Fiji.app/"
rm -f "$zip.part"
(cd "$staging" && "${JAR:-jar}" --create --no-manifest --file "$zip.part" Fiji.app)
mv -f "$zip.part" "$zip"

echo "assembled $out: plugins/Glo_In_One-$version.jar, $shipped engine jars, $natives native jars, $models models; $zip"
