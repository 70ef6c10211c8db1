#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Packaging test: builds the .deb of a build tree with cpack, checks its control fields, extracts
# it into a throwaway root (never the machine's /usr) and uses what it installed there: the
# executables (--version, a publish + monitor exchange), the headers and the CMake package (a
# consumer project built against it receives what the installed publisher sent), and the desktop
# files (.desktop, metainfo, man pages, completions).
#   checkpackage.sh BUILD_DIR CONSUMER_DIR VERSION HAS_GUI CMAKE CPACK
set -euo pipefail

build_dir=$1 consumer_dir=$2 version=$3 has_gui=$4 cmake=$5 cpack=$6
source_dir=$(cd "$consumer_dir/../../.." && pwd)

work=$(mktemp -d "${TMPDIR:-/tmp}/ssedash-packaging.XXXXXX")
publisher_pid=
cleanup() {
    if [ -n "$publisher_pid" ]; then
        kill "$publisher_pid" 2>/dev/null || true
        wait "$publisher_pid" 2>/dev/null || true
    fi
    rm -rf "$work"
}
trap cleanup EXIT

fail() {
    echo "FAIL: $*" >&2
    exit 1
}
ok() { echo "ok: $*"; }

# --- the .deb and its control fields
"$cpack" -G DEB --config "$build_dir/CPackConfig.cmake" -B "$work/package" >"$work/cpack.log" 2>&1 ||
    { cat "$work/cpack.log" >&2; fail "cpack -G DEB"; }
arch=$(dpkg --print-architecture)
deb=$work/package/ssedash_${version}_${arch}.deb
[ -f "$deb" ] || fail "no $(basename "$deb") in: $(ls "$work/package")"
field() { dpkg-deb -f "$deb" "$1"; }
[ "$(field Package)" = ssedash ] || fail "Package: $(field Package)"
[ "$(field Version)" = "$version" ] || fail "Version: $(field Version)"
[ "$(field Architecture)" = "$arch" ] || fail "Architecture: $(field Architecture)"
for name in Maintainer Section Homepage Description; do
    [ -n "$(field "$name")" ] || fail "no $name field"
done
depends=$(field Depends)
# Computed by dpkg-shlibdeps: the libraries the executables link, with their versions.
for package in libc6 libqt6core6 libqt6network6 libqt6httpserver6 zlib1g libbrotli1; do
    grep -Eq "(^|, )$package \(>= [^)]+\)" <<<"$depends" || fail "Depends lacks $package: $depends"
done
if [ "$has_gui" -eq 1 ]; then
    grep -q 'libqt6widgets6 (>=' <<<"$depends" || fail "Depends lacks libqt6widgets6: $depends"
    # Loaded at run time, so dpkg-shlibdeps cannot see them: the SVG icon's plugin and the
    # Secret Service client QtKeychain opens.
    for package in qt6-qpa-plugins libqt6svg6 libsecret-1-0; do
        grep -Eq "(^|, )$package(,|$| )" <<<"$depends" || fail "Depends lacks $package: $depends"
    done
fi
ok "$(basename "$deb"), Depends: $depends"

# --- the source archive: the sources, without build trees or version control
"$cpack" --config "$build_dir/CPackSourceConfig.cmake" -B "$work/source" >"$work/cpack.log" 2>&1 ||
    { cat "$work/cpack.log" >&2; fail "cpack source"; }
listing=$(tar tzf "$work/source/ssedash-$version.tar.gz") || fail "no ssedash-$version.tar.gz"
for file in CMakeLists.txt packaging/setup-debian.sh sselib/eventsource.h; do
    grep -qx "ssedash-$version/$file" <<<"$listing" || fail "source archive lacks $file"
done
! grep -E "^ssedash-$version/(build|\.git)(/|$)" <<<"$listing" ||
    fail "source archive holds a build tree or .git"
ok "ssedash-$version.tar.gz"

# --- extracted into a throwaway root
root=$work/root
dpkg-deb -x "$deb" "$root"
cli=$root/usr/bin/ssedash-cli
[ -x "$cli" ] || fail "no usr/bin/ssedash-cli"
# ssedash-cli runs parse and export itself and execs this for every other command.
[ -x "$root/usr/libexec/ssedash/ssedash-cli-full" ] || fail "no usr/libexec/ssedash/ssedash-cli-full"
if [ "$has_gui" -eq 1 ]; then [ -x "$root/usr/bin/ssedash" ] || fail "no usr/bin/ssedash"; fi
for binary in "$root"/usr/bin/* "$root"/usr/libexec/ssedash/*; do
    ! readelf -d "$binary" | grep -F -e "$build_dir" -e "$source_dir" ||
        fail "$(basename "$binary") has a run path into the build"
done
version_text=$(timeout 20 "$cli" --version)
[ "$(head -n1 <<<"$version_text")" = "ssedash-cli $version" ] || fail "--version: $version_text"
grep -Eq '^Qt [0-9]+\.[0-9]+\.[0-9]+' <<<"$(sed -n 2p <<<"$version_text")" ||
    fail "--version names no Qt: $version_text"
ok "installed ssedash-cli --version: $(tr '\n' ' ' <<<"$version_text")"

# --- public headers and the CMake package
includes=$root/usr/include/ssedash
for header in sselib/eventsource.h sselib/event.h sselib/publisher/publisher.h ssedash/version.h; do
    [ -f "$includes/$header" ] || fail "no include/ssedash/$header"
done
internal=$(cd "$root" && find . -name '*_p.h')
[ -z "$internal" ] || fail "internal headers installed: $internal"
! grep -rn '_p\.h' "$includes" || fail "an installed header includes an internal one"
[ ! -e "$includes/ui" ] && [ ! -e "$includes/tests" ] || fail "ui/ or tests/ headers installed"
package_dir=$(dirname "$(find "$root/usr" -name ssedashConfig.cmake)")
[ -f "$package_dir/ssedashConfigVersion.cmake" ] && [ -f "$package_dir/ssedashTargets.cmake" ] ||
    fail "incomplete CMake package in $package_dir"
ok "headers (no _p.h) and CMake package in ${package_dir#"$root"}"

# --- an installed publish + monitor exchange, on events of known text (a replayed log)
cat >"$work/replay.ndjson" <<'EOF'
{"kind":"event","receivedMs":1764000000000,"connection":1,"type":"message","data":"first","lastEventId":"p1","origin":"http://127.0.0.1:1"}
{"kind":"event","receivedMs":1764000000010,"connection":1,"type":"update","data":"two\nlines","lastEventId":"p2","origin":"http://127.0.0.1:1"}
{"kind":"comment","receivedMs":1764000000015,"connection":1,"comment":"not an event"}
{"kind":"event","receivedMs":1764000000020,"connection":1,"type":"message","data":"caf\u00e9 \u20ac \"quoted\"","lastEventId":"p3","origin":"http://127.0.0.1:1"}
{"kind":"event","receivedMs":1764000000030,"connection":1,"type":"last","data":"","lastEventId":"p4","origin":"http://127.0.0.1:1"}
EOF
cat >"$work/expected" <<'EOF'
{"kind":"event","type":"message","data":"first","lastEventId":"p1"}
{"kind":"event","type":"update","data":"two\nlines","lastEventId":"p2"}
{"kind":"event","type":"message","data":"café € \"quoted\"","lastEventId":"p3"}
{"kind":"event","type":"last","data":"","lastEventId":"p4"}
EOF
events=4

# Starts the installed publisher replaying the log to its first client; sets $url.
start_publisher() {
    : >"$work/publisher.out"
    # --foreground: stopped, a plain timeout also signals its process group, and that second
    # SIGTERM can land after the publisher restored the default action on its way out.
    timeout --foreground 60 "$cli" publish --replay "$work/replay.ndjson" --speed 1000 --heartbeat 0 \
        >"$work/publisher.out" 2>"$work/publisher.err" &
    publisher_pid=$!
    url=
    for _ in $(seq 100); do
        url=$(sed -n 's/^  broadcast: //p' "$work/publisher.out")
        [ -n "$url" ] && return 0
        kill -0 "$publisher_pid" 2>/dev/null || break
        sleep 0.1
    done
    cat "$work/publisher.err" >&2
    fail "the installed publisher did not start"
}
# SIGTERM stops it cleanly: exit status 0.
stop_publisher() {
    kill -TERM "$publisher_pid"
    local status=0
    wait "$publisher_pid" || status=$?
    publisher_pid=
    [ "$status" -eq 0 ] || { cat "$work/publisher.err" >&2; fail "publish exited with $status"; }
}

start_publisher
timeout 30 "$cli" monitor --max-events "$events" "$url" >"$work/monitor.out" ||
    fail "installed monitor exited with $?"
stop_publisher
grep '"kind":"event"' "$work/monitor.out" | diff -u "$work/expected" - ||
    fail "installed monitor got other events than the publisher sent"
ok "installed publish + monitor: $events events"

# --- a consumer project built against the installed package
cp -r "$consumer_dir" "$work/consumer"
{
    echo "// Every installed header, and a publisher and a capture proxy from the installed libraries."
    (cd "$includes" && find . -name '*.h' | sort | sed 's|^\./\(.*\)|#include <\1>|')
    cat <<'EOF'
#include <QCoreApplication>
#include <QFile>
int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    Sse::Publisher publisher;
    if (!publisher.listen() || !QFile::exists(QStringLiteral(":/ssedash/publisher/index.html")))
        return 1;
    Sse::CaptureOptions options;
    options.upstream = publisher.url();
    Sse::CaptureProxy proxy(options);
    return proxy.listen() ? 0 : 2;
}
EOF
} >"$work/consumer/allheaders.cpp"
"$cmake" -S "$work/consumer" -B "$work/consumer-build" -G Ninja -DCMAKE_PREFIX_PATH="$root/usr" \
    -DCMAKE_FIND_USE_PACKAGE_REGISTRY=OFF -DCMAKE_EXPORT_COMPILE_COMMANDS=ON \
    >"$work/consumer.log" 2>&1 || { cat "$work/consumer.log" >&2; fail "consumer: cmake"; }
grep -q "^ssedash_DIR:PATH=$root/" "$work/consumer-build/CMakeCache.txt" ||
    fail "find_package(ssedash) did not find the extracted package: $(grep ssedash_DIR "$work/consumer-build/CMakeCache.txt")"
"$cmake" --build "$work/consumer-build" >>"$work/consumer.log" 2>&1 ||
    { cat "$work/consumer.log" >&2; fail "consumer: build"; }
! grep -F -e "$source_dir" -e "$build_dir" "$work/consumer-build/compile_commands.json" ||
    fail "the consumer compiles with paths into ssedash's source or build tree"
timeout 30 "$work/consumer-build/allheaders" || fail "allheaders: no installed publisher or capture proxy"
ok "consumer built against the installed package; every installed header compiles"

start_publisher
timeout 30 "$work/consumer-build/sseconsumer" "$url" "$events" >"$work/consumer.out" ||
    fail "sseconsumer exited with $?"
stop_publisher
diff -u "$work/expected" "$work/consumer.out" ||
    fail "the consumer got other events than the installed publisher sent"
ok "consumer received the $events events the installed publisher sent"

# --- desktop integration: the window's .desktop, metainfo and icons; man pages, completions
shopt -s nullglob
if [ "$has_gui" -eq 1 ]; then
    desktops=("$root"/usr/share/applications/*.desktop)
    [ ${#desktops[@]} -gt 0 ] || fail "no .desktop installed"
    for file in "${desktops[@]}"; do
        desktop-file-validate "$file" || fail "desktop-file-validate ${file#"$root"}"
        ok "valid ${file#"$root"}"
    done
    metainfos=("$root"/usr/share/metainfo/*.xml)
    [ ${#metainfos[@]} -gt 0 ] || fail "no metainfo installed"
    for file in "${metainfos[@]}"; do
        appstreamcli validate --no-net "$file" || fail "appstreamcli validate ${file#"$root"}"
        ok "valid ${file#"$root"}"
    done
    for icon in scalable/apps/*.svg 48x48/apps/*.png 256x256/apps/*.png; do
        icons=("$root"/usr/share/icons/hicolor/$icon)
        [ ${#icons[@]} -gt 0 ] || fail "no icon $icon installed"
    done
fi
pages_to_check=(ssedash-cli)
[ "$has_gui" -eq 1 ] && pages_to_check+=(ssedash)
for page in "${pages_to_check[@]}"; do
    pages=("$root"/usr/share/man/man1/"$page".1*)
    [ ${#pages[@]} -gt 0 ] || fail "no man page $page.1 installed"
    # The page's content is checked against --help by the manpage_* tests; here, that it renders.
    LC_ALL=C.UTF-8 MANWIDTH=80 man -E UTF-8 -l "${pages[0]}" >"$work/man.txt" 2>"$work/man.err" &&
        grep -q "$page" "$work/man.txt" || fail "man ${pages[0]#"$root"}: $(cat "$work/man.err")"
    ok "man page ${pages[0]#"$root"}"
done
for completion in bash-completion/completions/ssedash-cli zsh/vendor-completions/_ssedash-cli; do
    [ -f "$root/usr/share/$completion" ] || fail "no $completion installed"
done
echo "PASS: the .deb installs and works"
