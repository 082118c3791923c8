#!/usr/bin/env bash
# End-to-end test of the Linux .deb (takes minutes; not part of `./mvnw verify`).
#
#   installer/test-deb.sh [--no-build] [--dpkg]
#
#   --no-build  test the .deb already in installer/target/ instead of building it first
#   --dpkg      also install it for real with `dpkg -i`, start it, and remove it with `dpkg -r`
#               (needs root and the package's dependencies; refuses if paperdesk is installed)
#
# Needs: dpkg-deb, fakeroot, xvfb-run, unzip and a JDK >= 21 (the build finds it by itself).
# The app runs with HOME and user.home in a temporary folder, so no real workspace is touched;
# the script checks that the real user's data folder is unchanged afterwards.
set -euo pipefail

build=1
real_install=0
for arg in "$@"; do
    case "$arg" in
        --no-build) build=0 ;;
        --dpkg) real_install=1 ;;
        *) echo "unknown option: $arg (use --no-build, --dpkg)" >&2; exit 2 ;;
    esac
done

repo="$(cd "$(dirname "$0")/.." && pwd)"
cd "$repo"
max_bytes=$((90 * 1024 * 1024))
version="$(sed -n 's:^  <version>\(.*\)</version>:\1:p' pom.xml | head -n 1)"
numeric="$(echo "$version" | sed -E 's/^([0-9]+(\.[0-9]+){0,2}).*/\1/')"

step() { printf '\n== %s\n' "$*"; }
fail() { echo "FAIL: $*" >&2; exit 1; }
ok() { echo "ok: $*"; }

if [[ $build -eq 1 ]]; then
    step "build: ./mvnw -B -ntp -Pinstaller -DskipTests package"
    ./mvnw -B -ntp -Pinstaller -DskipTests package
fi

shopt -s nullglob
debs=(installer/target/paperdesk_*.deb)
[[ ${#debs[@]} -eq 1 ]] || fail "expected one installer/target/paperdesk_*.deb, found ${#debs[@]}"
deb="${debs[0]}"

step "package $deb"
bytes="$(stat -c %s "$deb")"
echo "size: $bytes bytes ($(awk -v b="$bytes" 'BEGIN { printf "%.1f MiB", b / 1048576 }'))"
[[ $bytes -le $max_bytes ]] || fail "installer is larger than 90 MiB"
ok "size within 90 MiB"
[[ "$(dpkg-deb -f "$deb" Package)" == paperdesk ]] || fail "package name is not paperdesk"
[[ "$(dpkg-deb -f "$deb" Version)" == "$numeric"* ]] || fail "package version is not $numeric"
depends="$(dpkg-deb -f "$deb" Depends)"
for dep in libgtk-3-0 libgl1 libxtst6 xdg-utils; do
    tr ',' '\n' <<<"$depends" | sed 's/^ *//' | grep -qE "^$dep( |$)" || fail "Depends lacks $dep"
done
ok "paperdesk $numeric, depends on libgtk-3-0, libgl1, libxtst6, xdg-utils"

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
root="$work/root"
dpkg-deb -x "$deb" "$root"
app="$root/opt/paperdesk"

step "menu entry"
desktop="$app/lib/paperdesk-Paperdesk.desktop"
[[ -f "$desktop" ]] || fail "no menu entry at ${desktop#"$root"}"
cat "$desktop"
grep -qx 'Name=Paperdesk' "$desktop" || fail "menu entry does not name Paperdesk"
grep -qx 'Exec=/opt/paperdesk/bin/Paperdesk' "$desktop" || fail "menu entry does not start /opt/paperdesk/bin/Paperdesk"
grep -q '^Categories=.*Finance' "$desktop" || fail "menu entry is not in Office/Finance"
ok "menu entry names Paperdesk"

step "runtime modules cover what jdeps finds in the jars"
runtime_modules=" $(sed -n 's/^MODULES="\(.*\)"/\1/p' "$app/lib/runtime/release") "
echo "runtime:$runtime_modules"
for module in $(installer/jdk-modules.sh "$app/lib/app"); do
    [[ "$runtime_modules" == *" $module "* ]] || fail "the runtime lacks $module (add it to installer.jdk.modules)"
done
ok "every module jdeps needs is linked"

# The real user's data folder must not change: compare before and after.
real_home="$(getent passwd "$(id -u)" | cut -d: -f6)"
real_data="$real_home/.local/share/paperdesk"
snapshot() { if [[ -d "$real_data" ]]; then find "$real_data" -printf '%p %s %T@\n' | sort; else echo absent; fi; }
real_before="$(snapshot)"
tree_before="$(find "$root" -printf '%p %s\n' | sort)"

# HOME alone does not move Java's user.home (it comes from the password database).
home="$work/home"
mkdir -p "$home" "$work/tmp"
run_isolated() {
    env -u XDG_DATA_HOME -u PAPERDESK_WORKSPACE HOME="$home" \
        JAVA_TOOL_OPTIONS="-Duser.home=$home -Djava.io.tmpdir=$work/tmp" "$@"
}

step "start the unpacked app: Paperdesk --smoke-test under xvfb-run"
rc=0
run_isolated xvfb-run -a timeout 300 "$app/bin/Paperdesk" --smoke-test >"$work/app.log" 2>&1 || rc=$?
tail -n 5 "$work/app.log"
[[ $rc -eq 0 ]] || { cat "$work/app.log"; fail "Paperdesk --smoke-test exited $rc"; }
ok "Paperdesk --smoke-test exited 0"
workspace="$home/.local/share/paperdesk/default.paperdesk"
[[ -f "$workspace" ]] || fail "no default workspace in the user's data folder ($workspace)"
ok "default workspace created in the user's data folder"
[[ ! -e "$home/.openjfx" ]] || fail "JavaFX unpacked its native libraries into ~/.openjfx"
ok "JavaFX loaded its native libraries from the install folder"
[[ "$(find "$root" -printf '%p %s\n' | sort)" == "$tree_before" ]] || fail "the app wrote into its install folder"
ok "install folder unchanged"

step "command line: paperdesk --version"
rc=0
out="$(run_isolated "$app/bin/paperdesk" --version 2>"$work/cli.err")" || rc=$?
echo "$out"
[[ $rc -eq 0 ]] || { cat "$work/cli.err"; fail "paperdesk --version exited $rc"; }
[[ "$out" == *"$version"* ]] || fail "paperdesk --version does not print $version"
ok "paperdesk --version exited 0 and printed $version"
rc=0
run_isolated "$app/bin/paperdesk" workspace info --workspace "$workspace" >"$work/info.out" 2>&1 || rc=$?
cat "$work/info.out"
[[ $rc -eq 0 ]] || fail "paperdesk workspace info exited $rc"
# sqlite-jdbc's jar keeps no native library, so SQLite can only have come from lib/app.
if unzip -l "$app"/lib/app/sqlite-jdbc-*.jar | grep -q 'org/sqlite/native/'; then
    fail "sqlite-jdbc still carries native libraries"
fi
ok "paperdesk workspace info reads the workspace (SQLite loaded from the install folder)"

[[ "$(snapshot)" == "$real_before" ]] || fail "the real data folder $real_data changed"
ok "real data folder $real_data untouched"

if [[ $real_install -eq 1 ]]; then
    step "dpkg -i / dpkg -r"
    [[ $(id -u) -eq 0 ]] || fail "--dpkg needs root"
    if dpkg -s paperdesk >/dev/null 2>&1; then fail "paperdesk is already installed; not touching it"; fi
    dpkg -i "$deb" 2>&1 | tee "$work/dpkg-i.log"
    [[ ${PIPESTATUS[0]} -eq 0 ]] || fail "dpkg -i failed"
    ok "dpkg -i exited 0"
    [[ "$(dpkg-query -W -f '${Status}' paperdesk)" == "install ok installed" ]] || fail "paperdesk not installed"
    menu="/usr/share/applications/paperdesk-Paperdesk.desktop"
    # xdg-desktop-menu needs a system menu (a desktop environment provides these folders).
    if [[ -d /etc/xdg/menus && -d /usr/share/desktop-directories ]]; then
        [[ -f "$menu" ]] || fail "no menu entry at $menu"
        ok "menu entry installed at $menu"
    else
        grep -q 'no desktop menu on this system' "$work/dpkg-i.log" || fail "no notice about the missing menu"
        ok "no system menu on this machine: installed without a menu entry, with a notice"
    fi
    rm -rf "$home" && mkdir -p "$home"
    rc=0
    run_isolated xvfb-run -a timeout 300 /opt/paperdesk/bin/Paperdesk --smoke-test >"$work/installed.log" 2>&1 || rc=$?
    [[ $rc -eq 0 ]] || { cat "$work/installed.log"; fail "installed Paperdesk --smoke-test exited $rc"; }
    ok "installed Paperdesk --smoke-test exited 0"
    [[ -f "$workspace" ]] || fail "installed app did not create $workspace"
    run_isolated /opt/paperdesk/bin/paperdesk --version
    checksum="$(sha256sum "$workspace")"
    dpkg -r paperdesk
    ok "dpkg -r exited 0"
    [[ "$(dpkg-query -W -f '${Status}' paperdesk 2>/dev/null)" != "install ok installed" ]] || fail "still installed"
    [[ ! -e /opt/paperdesk ]] || fail "/opt/paperdesk is still there after dpkg -r"
    [[ ! -e "$menu" ]] || fail "$menu is still there after dpkg -r"
    ok "/opt/paperdesk and the menu entry are gone"
    [[ "$(sha256sum "$workspace")" == "$checksum" ]] || fail "dpkg -r touched the workspace"
    ok "workspace in the user's data folder kept, unchanged, after dpkg -r"
    dpkg -P paperdesk
    ok "dpkg -P (purge) exited 0"
    [[ -f "$workspace" ]] || fail "purging removed the workspace"
    [[ "$(snapshot)" == "$real_before" ]] || fail "the real data folder $real_data changed"
    ok "real data folder $real_data untouched"
fi

step "PASS ($deb, $bytes bytes)"
