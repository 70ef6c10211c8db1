#!/bin/sh
# SPDX-License-Identifier: MIT
# Runs a command with a throwaway Secret Service: a D-Bus session of its own and gnome-keyring
# with a fresh, unlocked login keyring under a temporary HOME and XDG directories, so that the
# machine's keyring is never touched. The daemon ends with the session. Works as root, without
# a display and without a terminal (CI).
#   tests/support/with-keyring.sh COMMAND [ARG...]
set -eu

if [ $# -eq 0 ]; then
    echo "usage: with-keyring.sh COMMAND [ARG...]" >&2
    exit 2
fi
for tool in dbus-run-session gnome-keyring-daemon; do
    if ! command -v "$tool" >/dev/null 2>&1; then
        echo "with-keyring.sh: $tool is missing (packaging/setup-debian.sh --test)" >&2
        exit 2
    fi
done

root=$(mktemp -d "${TMPDIR:-/tmp}/ssedash-keyring.XXXXXX")
trap 'rm -rf "$root"' EXIT
mkdir -m 700 "$root/home" "$root/data" "$root/config" "$root/cache" "$root/runtime"
export HOME="$root/home" XDG_DATA_HOME="$root/data" XDG_CONFIG_HOME="$root/config" \
    XDG_CACHE_HOME="$root/cache" XDG_RUNTIME_DIR="$root/runtime"
# No display: gnome-keyring must never try to show a prompt. SSEDASH_TEST_KEYRING tells the
# tests that the keychain they reach is this throwaway one.
unset DISPLAY WAYLAND_DISPLAY GNOME_KEYRING_CONTROL SSH_AUTH_SOCK
# QtKeychain picks KWallet over the Secret Service on a KDE desktop: the same backend everywhere.
unset XDG_CURRENT_DESKTOP DESKTOP_SESSION KDE_SESSION_VERSION KDE_FULL_SESSION \
    GNOME_DESKTOP_SESSION_ID
export SSEDASH_TEST_KEYRING=1

# A password on stdin creates the login keyring unlocked (it becomes the default
# collection); the daemon forks into the background and stays on the session bus.
status=0
dbus-run-session -- sh -c '
    printf "throwaway" | gnome-keyring-daemon --unlock --components=secrets >/dev/null || exit 2
    exec "$@"' with-keyring "$@" || status=$?
exit "$status"
