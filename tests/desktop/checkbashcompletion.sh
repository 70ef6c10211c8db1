#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# checkbashcompletion.sh PROGRAM COMPLETION: the bash completion, sourced and called as bash
# calls it (COMP_WORDS, COMP_CWORD), offers exactly the commands and options PROGRAM --help
# lists, after a command exactly that command's options, and file names where a value or an
# argument is a FILE, INPUT or OUTPUT.
set -euo pipefail
program=$1
completion=$2
name=$(basename "$program")
failed=0

help_of() { LC_ALL=C "$program" "$@" --help; }
block() { awk -v title="$1:" '$0 == title {on = 1; next} /^$/ {on = 0} on && /^  [^ ]/'; }
options_in() { block Options | awk -F '  +' '{print $2}' | grep -oE -- '--?[A-Za-z0-9][A-Za-z0-9-]*'; }

# shellcheck source=/dev/null
source "$completion"
function=$(complete -p "$name" | sed -E 's/.*-F ([^ ]+) .*/\1/')

# offers WORD...: what the completion offers for the command line WORD..., sorted, one a line.
offers() {
    COMP_WORDS=("$@")
    COMP_CWORD=$(($# - 1))
    COMPREPLY=()
    "$function"
    if [ ${#COMPREPLY[@]} -gt 0 ]; then printf '%s\n' "${COMPREPLY[@]}" | sort; fi
}
expect() { # WHAT EXPECTED ACTUAL
    if [ "$2" != "$3" ]; then
        echo "FAIL: $1"
        diff <(echo "$2") <(echo "$3") || true
        failed=1
    fi
}

top=$(help_of)
commands=$(block Commands <<<"$top" | awk '{print $1}')
expect "commands" "$(sort <<<"$commands")" "$(offers "$name" "")"
expect "options" "$(options_in <<<"$top" | sort)" "$(offers "$name" -)"

scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
touch "$scratch/events.ndjson"
for command in $commands; do
    help=$(help_of "$command")
    expect "options of $command" "$(options_in <<<"$help" | sort)" "$(offers "$name" "$command" -)"
    # Options whose value is a <FILE>: each completes the file name.
    for option in $(block Options <<<"$help" | awk -F '  +' '$2 ~ /<FILE>/ {print $2}' \
                    | grep -oE -- '--[A-Za-z0-9-]+'); do
        expect "$command $option FILE" "$scratch/events.ndjson" \
            "$(offers "$name" "$command" "$option" "$scratch/ev")"
    done
    # The first argument, where it is a file.
    if block Arguments <<<"$help" | awk 'NR == 1 {print $1}' | grep -qxE 'FILE|INPUT|OUTPUT'; then
        expect "$command FILE argument" "$scratch/events.ndjson" \
            "$(offers "$name" "$command" "$scratch/ev")"
    fi
done
[ "$failed" -eq 0 ] && echo "$completion: $(wc -w <<<"$commands") commands and their options offered"
exit "$failed"
