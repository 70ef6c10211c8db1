#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# checkmanpage.sh PROGRAM PAGE.1.gz: the man page shows every command that PROGRAM --help lists,
# and in each command's part every option that command's --help lists; it renders without
# warnings. Parses the help text itself (not with fromhelp.cmake, which wrote the page).
set -euo pipefail
program=$1
page=$2
failed=0

help_of() { env -u DISPLAY -u WAYLAND_DISPLAY -u QT_QPA_PLATFORM LC_ALL=C "$program" "$@" --help; }
# The first words of a block's entries ("Commands:", "Options:").
block() { awk -v title="$1:" '$0 == title {on = 1; next} /^$/ {on = 0} on && /^  [^ ]/'; }
options_in() { block Options | awk -F '  +' '{print $2}' | grep -oE -- '--?[A-Za-z0-9][A-Za-z0-9-]*'; }
# The page as text, with roff's escapes undone: \- is -, \fB..\fR and \& are markup.
text=$(zcat "$page" | sed -e 's/\\-/-/g' -e 's/\\f[BIR]//g' -e 's/\\&//g')
# The lines of the page from ".SS "COMMAND" to the next heading.
part_of() { awk -v start=".SS \"$1" 'index($0, start) == 1 {on = 1; next} /^\.S[HS]/ {on = 0} on' <<<"$text"; }
expect() { # WORD TEXT WHAT
    if ! grep -qE -- "(^|[^A-Za-z0-9-])$1([^A-Za-z0-9-]|\$)" <<<"$2"; then
        echo "FAIL: $page does not show $1 ($3)"
        failed=1
    fi
}

top=$(help_of)
for option in $(options_in <<<"$top"); do
    expect "$option" "$text" "an option of $program"
done
commands=$(block Commands <<<"$top" | awk '{print $1}')
for command in $commands; do
    part=$(part_of "$command")
    expect "$command" "$part" "a command"
    [ -n "$part" ] || continue
    for option in $(help_of "$command" | options_in); do
        expect "$option" "$part" "an option of $command"
    done
done

# man --warnings: what groff finds wrong with the roff (an empty page would pass the rest).
if command -v man >/dev/null; then
    # Less than full justification is not an error (lintian ignores it too).
    warnings=$(LC_ALL=C.UTF-8 MANWIDTH=80 man --warnings -E UTF-8 -l "$page" 2>&1 >/dev/null \
        | grep -v 'cannot adjust line' || true)
    if [ -n "$warnings" ]; then
        echo "FAIL: man --warnings on $page: $warnings"
        failed=1
    fi
fi
[ "$failed" -eq 0 ] && echo "$page: $(wc -w <<<"$commands") commands, all options shown"
exit "$failed"
