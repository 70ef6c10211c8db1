#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# checkzshcompletion.sh ZSH PROGRAM COMPLETION: zsh parses the completion, which describes every
# command PROGRAM --help lists and, in that command's branch, every option its --help lists.
# (zsh's completion system runs only in an interactive line editor: this reads the script.)
set -euo pipefail
zsh=$1
program=$2
completion=$3
failed=0

help_of() { LC_ALL=C "$program" "$@" --help; }
block() { awk -v title="$1:" '$0 == title {on = 1; next} /^$/ {on = 0} on && /^  [^ ]/'; }
options_in() { block Options | awk -F '  +' '{print $2}' | grep -oE -- '--?[A-Za-z0-9][A-Za-z0-9-]*'; }
# An option in _arguments' specs: '(-x --xx)--xx[...]', {-x,--xx}'[...]' or '*--xx[...]'.
expect_option() { # OPTION TEXT WHERE
    if ! grep -qE -- "[{,')*]$1[],}[]" <<<"$2"; then
        echo "FAIL: $completion does not offer $1 ($3)"
        failed=1
    fi
}

"$zsh" -n "$completion"
script=$(cat "$completion")
top=$(help_of)
for option in $(options_in <<<"$top"); do
    expect_option "$option" "$(sed -n '/_arguments -C/,/->argument/p' <<<"$script")" "$program"
done
commands=$(block Commands <<<"$top" | awk '{print $1}')
for command in $commands; do
    if ! grep -qF -- "'$command:" <<<"$script"; then
        echo "FAIL: $completion does not describe the command $command"
        failed=1
    fi
    branch=$(awk -v start="        $command)" '$0 == start {on = 1; next} on && /^            ;;$/ {on = 0} on' <<<"$script")
    for option in $(help_of "$command" | options_in); do
        expect_option "$option" "$branch" "$command"
    done
done
[ "$failed" -eq 0 ] && echo "$completion: $(wc -w <<<"$commands") commands and their options described"
exit "$failed"
