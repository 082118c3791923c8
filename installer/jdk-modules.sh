#!/usr/bin/env bash
# Prints the JDK modules that the jars of an app folder need, one per line, as jdeps sees them.
#
#   installer/jdk-modules.sh [APP_DIR]     (default: installer/target/staging/app)
#
# jdeps cannot resolve a class path that mixes plain jars with modular ones whose requirements are
# absent (TilesFX requires javafx.web, which the app does not ship), so every jar is unpacked into
# one folder without its module-info and jdeps reads that as a single unnamed module. Modules that
# are only reached by reflection or ServiceLoader (e.g. jdk.localedata) are not in this list.
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
app_dir="${1:-$here/target/staging/app}"
[[ -d "$app_dir" ]] || { echo "no app folder at $app_dir (build the installer first)" >&2; exit 2; }

find_jdk() {
    local candidate major
    for candidate in "${JAVA_HOME:-}" /usr/lib/jvm/*; do
        [[ -n "$candidate" && -x "$candidate/bin/jdeps" && -f "$candidate/release" ]] || continue
        major="$(sed -n 's/^JAVA_VERSION="\([0-9]*\).*/\1/p' "$candidate/release")"
        if [[ -n "$major" && "$major" -ge 21 ]]; then
            echo "$candidate"
            return 0
        fi
    done
    echo "no JDK >= 21 with jdeps found (set JAVA_HOME)" >&2
    return 1
}
jdk="$(find_jdk)"

classes="$(mktemp -d)"
trap 'rm -rf "$classes"' EXIT
shopt -s nullglob
for jar in "$app_dir"/*.jar; do
    # exit code 11 only says that one of the exclusion patterns matched nothing in this jar
    rc=0
    unzip -qq -o "$jar" -d "$classes" -x 'module-info.class' 'META-INF/*' '*.so' '*.dll' '*.dylib' '*.jnilib' \
        2>/dev/null || rc=$?
    [[ $rc -eq 0 || $rc -eq 11 ]] || { echo "cannot unpack $jar (unzip exit $rc)" >&2; exit 1; }
done

"$jdk/bin/jdeps" --ignore-missing-deps --print-module-deps "$classes" | tr ',' '\n'
