#!/usr/bin/env bash
# Assembles, from the Maven build, the Glo-In-One update site as a tree shaped like Fiji.app:
#
#   plugins/Glo_In_One-<version>.jar       the menu commands, SciJava commands and the engine's classes
#   lib/glo-in-one/engine/*.jar            the engine's dependencies that Fiji does not ship (TensorFlow Java
#                                          and its natives, javacpp, protobuf, Jackson, ...), loaded in
#                                          isolation, never on Fiji's class path
#   lib/glo-in-one/models/<model>/         the default models (SavedModel + rdf.yaml + model card)
#
# Usage: update-site/assemble.sh [output folder]      (default: target/update-site/Fiji.app)
# Environment:
#   SKIP_BUILD=1         use the existing build instead of running "mvn package"
#   GLO_JAR, GLO_LIB     the plugin jar and the folder of runtime dependencies (default: target/...)
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

rm -rf "$out"
mkdir -p "$out/plugins" "$out/lib/glo-in-one/engine" "$out/lib/glo-in-one/models"
cp "$jar" "$out/plugins/Glo_In_One-$version.jar"

shipped=0
for dep in "$lib"/*.jar; do
  name="$(basename "$dep")"
  if is_provided "$name"; then
    continue
  fi
  cp "$dep" "$out/lib/glo-in-one/engine/$name"
  shipped=$((shipped + 1))
done

for platform in ${NATIVE_PLATFORMS:-}; do
  (cd "$root" && mvn -B -q dependency:copy \
      -Dartifact="org.tensorflow:tensorflow-core-native:1.1.0:jar:$platform" \
      -DoutputDirectory="$out/lib/glo-in-one/engine")
done

models=0
for model in "$root"/models/*/; do
  if [[ -f "$model/rdf.yaml" ]]; then
    cp -r "$model" "$out/lib/glo-in-one/models/"
    models=$((models + 1))
  fi
done

echo "assembled $out: plugins/Glo_In_One-$version.jar, $shipped engine jars, $models models"
