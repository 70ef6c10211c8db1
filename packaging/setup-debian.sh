#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Installs what ssedash needs on Debian 12 (bookworm) from Debian's own packages.
#   packaging/setup-debian.sh          build + run dependencies
#   packaging/setup-debian.sh --test   also what the test suite needs
# Re-runs itself through sudo when not root; installs only what is missing.
set -euo pipefail

want_tests=0
for arg in "$@"; do
    case "$arg" in
        --test) want_tests=1 ;;
        -h|--help) sed -n '3,6p' "$0"; exit 0 ;;
        *) echo "setup-debian.sh: unknown option '$arg' (try --help)" >&2; exit 2 ;;
    esac
done

if [ "$(id -u)" -ne 0 ]; then
    if command -v sudo >/dev/null 2>&1; then exec sudo -- "$0" "$@"; fi
    echo "setup-debian.sh: run as root or install sudo" >&2
    exit 1
fi

packages=(
    g++ make cmake ninja-build pkg-config
    qt6-base-dev qt6-base-dev-tools
    # qt6-httpserver-dev's CMake config needs WebSockets but does not depend on it
    qt6-httpserver-dev qt6-websockets-dev
    qt6-tools-dev qt6-l10n-tools
    qt6-qpa-plugins
    # compressed streams: zlib for gzip and deflate, brotli for br
    zlib1g-dev libbrotli-dev
    # the SVG app icon: qt6-svg-dev to build, libqt6svg6's icon engine plugin draws the window
    # icon; rsvg-convert draws the installed PNG sizes
    qt6-svg-dev libqt6svg6 librsvg2-bin
    # remembered feed secrets in the desktop's keychain: QtKeychain, and libsecret, which it
    # loads at run time to reach the Secret Service
    qtkeychain-qt6-dev libsecret-1-0
    # cpack -G DEB: dpkg-shlibdeps computes Depends, file finds the executables it reads
    dpkg-dev file
)
if [ "$want_tests" -eq 1 ]; then
    # xvfb for real-window checks, chromium for browser interop, clang-format for style,
    # python3 for the include-cycle check, clang and its runtime for the libFuzzer targets
    packages+=(xvfb xauth chromium clang-format python3 clang libclang-rt-14-dev)
    # the desktop files' validators (also for the installed ones in the packaging test), man to
    # render the man pages, zsh to parse its completion
    packages+=(desktop-file-utils appstream man-db zsh)
    # a throwaway Secret Service for the keychain tests (tests/support/with-keyring.sh):
    # dbus-run-session and gnome-keyring-daemon
    packages+=(dbus-daemon gnome-keyring)
    # real clients through the capture proxy (tests/browser/tst_captureclients): node with
    # Debian's npm eventsource client (NODE_PATH=/usr/share/nodejs), and curl -N for raw bytes
    packages+=(nodejs node-eventsource curl)
fi

missing=()
for p in "${packages[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
# the benchmark suite's npm peers (bench/package.json): Debian's npm, unless an npm is there
# already (a nodejs from elsewhere brings its own, and Debian's would conflict with it)
if [ "$want_tests" -eq 1 ] && ! command -v npm >/dev/null 2>&1; then missing+=(npm); fi

if [ ${#missing[@]} -eq 0 ]; then
    echo "setup-debian.sh: all ${#packages[@]} packages already installed"
else
    export DEBIAN_FRONTEND=noninteractive
    echo "setup-debian.sh: installing ${missing[*]}"
    apt-get update -qq
    apt-get install -y -qq --no-install-recommends -o DPkg::Lock::Timeout=600 "${missing[@]}"
fi

if [ "$want_tests" -eq 1 ]; then
    # the exact versions of bench/package-lock.json into bench/node_modules, owned by whoever
    # ran this script through sudo, not by root
    bench="$(cd "$(dirname "$0")/.." && pwd)/bench"
    as_user=()
    if [ -n "${SUDO_USER:-}" ] && [ "$SUDO_USER" != root ]; then as_user=(sudo -u "$SUDO_USER" --); fi
    echo "setup-debian.sh: npm ci in $bench"
    # Not fatal: without the registry (a proxy whose certificate npm does not trust) the tests
    # still run; the suite's smoke then leaves the npm peers out and says so.
    (cd "$bench" && "${as_user[@]}" npm ci --no-audit --no-fund --loglevel=error) ||
        echo "setup-debian.sh: npm ci failed: the benchmark suite's npm peers are not installed" >&2
fi
