#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# The .deb as a user gets it, for a THROWAWAY Debian 12 root (a container or chroot): builds the
# package with the project's own files, installs it with apt-get, and uses what it installed
# (--version, man pages, desktop files, a consumer project built with find_package(ssedash) that
# receives events from the installed publisher). It changes the system it runs on, so it
# refuses to run without --throwaway-root. The `packaging` ctest checks the same package
# without installing it.
set -euo pipefail

if [ "${1:-}" != --throwaway-root ]; then
    echo "check-apt-install.sh: installs into this system's /usr; run it in a throwaway root" \
        "with --throwaway-root" >&2
    exit 2
fi
if [ "$(id -u)" -ne 0 ]; then
    echo "check-apt-install.sh: needs root (apt-get install)" >&2
    exit 1
fi
cd "$(dirname "$0")/.."
export DEBIAN_FRONTEND=noninteractive
work=$(mktemp -d)
publisher_pid=
cleanup() {
    if [ -n "$publisher_pid" ]; then kill "$publisher_pid" 2>/dev/null || true; fi
    rm -rf "$work"
}
trap cleanup EXIT
step() { echo "== $*"; }

step "build the .deb"
packaging/setup-debian.sh --test
cmake --workflow --preset package
debs=(build/release/ssedash_*.deb)
step "apt-get install ${debs[0]}"
apt-get install -y -qq "./${debs[0]}"

step "what it installed"
ssedash-cli --version
command -v ssedash
man -w ssedash ssedash-cli
desktop-file-validate /usr/share/applications/*.desktop
appstreamcli validate --no-net /usr/share/metainfo/*.xml
ls /usr/share/bash-completion/completions/ssedash-cli /usr/share/zsh/vendor-completions/_ssedash-cli

step "a find_package(ssedash) consumer against the installed ssedash-cli publish"
cmake -S tests/packaging/consumer -B "$work/consumer" -G Ninja >/dev/null
cmake --build "$work/consumer"
ssedash-cli publish --interval 50 >"$work/publisher.out" 2>/dev/null &
publisher_pid=$!
for _ in $(seq 100); do
    url=$(grep -Eo 'http://127\.0\.0\.1:[0-9]+/events' "$work/publisher.out" | head -n1 || true)
    [ -n "$url" ] && break
    sleep 0.1
done
[ -n "$url" ] || { echo "FAIL: the publisher printed no URL" >&2; exit 1; }
timeout 30 "$work/consumer/sseconsumer" "$url" 3 | tee "$work/consumer.out"
[ "$(wc -l <"$work/consumer.out")" -eq 3 ] || { echo "FAIL: not 3 events" >&2; exit 1; }
echo "PASS: installed with apt-get, and the installed package works"
