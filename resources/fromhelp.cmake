# SPDX-License-Identifier: MIT
# Writes a program's man page, and for a program with commands its bash and zsh completions,
# from the program's own --help and each command's --help: one source, so they cannot drift.
#   cmake -DPROGRAM=path/to/ssedash-cli -DNAME=ssedash-cli -DVERSION=0.1.0 -DDATE=2026-12-05
#         -DMAN=out.1 [-DBASH=out] [-DZSH=out] [-DSEE_ALSO=ssedash] -P fromhelp.cmake
# The help text it reads: "Usage: ..." and a description, then blocks that are either a list
# section ("Options:" and lines "  TERM  text", continued by deeper indented lines) or a
# paragraph ("Exit status: ..."). A section "Commands:" names commands, each with its --help.
# An option's placeholder <X> means it takes a value: a file where X is one of FILE_WORDS, one
# of the terms of a section named after X ("Formats:" for <FORMAT>), or else free text.
cmake_minimum_required(VERSION 3.25)

set(FILE_WORDS FILE INPUT OUTPUT)
foreach(required PROGRAM NAME VERSION DATE MAN)
    if(NOT DEFINED ${required})
        message(FATAL_ERROR "fromhelp.cmake: -D${required}=... is missing")
    endif()
endforeach()

# Replaces ARGV2 by ARGV3, ARGV4 by ARGV5, ... in text (ARGN would split a ";").
function(replace_pairs out text)
    math(EXPR last "${ARGC} - 1")
    foreach(from RANGE 2 ${last} 2)
        math(EXPR to "${from} + 1")
        string(REPLACE "${ARGV${from}}" "${ARGV${to}}" text "${text}")
    endforeach()
    set(${out} "${text}" PARENT_SCOPE)
endfunction()

# CMake lists split at ';' except inside [...]: the text keeps neither until it is written.
function(encode out text)
    replace_pairs(text "${text}" ";" "@SC@" "[" "@LB@" "]" "@RB@")
    set(${out} "${text}" PARENT_SCOPE)
endfunction()

function(decode out text)
    replace_pairs(text "${text}" "@SC@" ";" "@LB@" "[" "@RB@" "]" "@NONE@" "")
    set(${out} "${text}" PARENT_SCOPE)
endfunction()

function(run_help out)
    execute_process(COMMAND ${PROGRAM} ${ARGN} --help
        OUTPUT_VARIABLE text ERROR_VARIABLE error RESULT_VARIABLE result)
    if(NOT result EQUAL 0)
        message(FATAL_ERROR "fromhelp.cmake: '${PROGRAM} ${ARGN} --help' failed (${result}): ${error}")
    endif()
    encode(text "${text}")
    set(${out} "${text}" PARENT_SCOPE)
endfunction()

# Parses help text into variables named ${p}_...: USAGE, DESCRIPTION, SECTIONS (their titles),
# ${p}_<section index>_TERMS and _TEXTS (parallel lists), PARAGRAPHS (titles) and their TEXTS.
macro(parse_help p textvar)
    string(REGEX REPLACE "\n$" "" _text "${${textvar}}")
    string(REPLACE "\n" ";" _lines "${_text}")
    set(_state usage)
    set(_section "")
    set(${p}_SECTIONS "")
    set(${p}_PARAGRAPHS "")
    set(${p}_PARAGRAPH_TEXTS "")
    set(${p}_DESCRIPTION "")
    foreach(_line IN LISTS _lines)
        if(_line STREQUAL "")
            set(_section "")
            if(_state STREQUAL "description")
                set(_state body)
            endif()
        elseif(_state STREQUAL "usage")
            # The GUI prints its path (argv[0]): the synopsis shows the name.
            string(REGEX REPLACE "^Usage: [^ ]+ ?" "" ${p}_USAGE "${_line}")
            set(_state description)
        elseif(_state STREQUAL "description")
            string(STRIP "${${p}_DESCRIPTION} ${_line}" ${p}_DESCRIPTION)
        elseif(NOT _section STREQUAL "" AND _line MATCHES "^  ([^ ]+( [^ ]+)*)(  +(.*))?$")
            list(APPEND ${p}_${_section}_TERMS "${CMAKE_MATCH_1}")
            # A term too long for its column has its text on the next lines: "@NONE@" until then
            # (an empty list element would be lost).
            if(CMAKE_MATCH_4 STREQUAL "")
                set(CMAKE_MATCH_4 "@NONE@")
            endif()
            list(APPEND ${p}_${_section}_TEXTS "${CMAKE_MATCH_4}")
        elseif(NOT _section STREQUAL "" AND _line MATCHES "^   +(.*)$")
            list(POP_BACK ${p}_${_section}_TEXTS _last)
            string(REPLACE "@NONE@" "" _last "${_last}")
            string(STRIP "${_last} ${CMAKE_MATCH_1}" _last)
            list(APPEND ${p}_${_section}_TEXTS "${_last}")
        elseif(_line MATCHES "^([A-Z][A-Za-z ]*):$")
            list(LENGTH ${p}_SECTIONS _section)
            list(APPEND ${p}_SECTIONS "${CMAKE_MATCH_1}")
            set(${p}_${_section}_TERMS "")
            set(${p}_${_section}_TEXTS "")
        elseif(_line MATCHES "^([A-Z][A-Za-z ]*): (.*)$")
            list(APPEND ${p}_PARAGRAPHS "${CMAKE_MATCH_1}")
            list(APPEND ${p}_PARAGRAPH_TEXTS "${CMAKE_MATCH_2}")
        elseif(NOT ${p}_PARAGRAPHS STREQUAL "")
            list(POP_BACK ${p}_PARAGRAPH_TEXTS _last)
            list(APPEND ${p}_PARAGRAPH_TEXTS "${_last} ${_line}")
        else()
            message(FATAL_ERROR "fromhelp.cmake: cannot place this line of ${PROGRAM}'s help: ${_line}")
        endif()
    endforeach()
endmacro()

# The index of ${p}'s section with this title, or -1.
function(find_section out p title)
    list(FIND ${p}_SECTIONS "${title}" index)
    set(${out} ${index} PARENT_SCOPE)
endfunction()

# Options of section "Options:" as parallel lists: NAMES ("-h --help"), VALUES (placeholder or
# "-"), TEXTS; the names and placeholders come from terms such as "-H, --header <'Name: v'>".
function(parse_options p)
    set(names "")
    set(values "")
    set(texts "")
    find_section(index ${p} Options)
    if(index GREATER_EQUAL 0)
        foreach(term text IN ZIP_LISTS ${p}_${index}_TERMS ${p}_${index}_TEXTS)
            string(REGEX MATCHALL "(^|[ ,])--?[A-Za-z0-9][A-Za-z0-9-]*" found "${term}")
            string(REGEX REPLACE "[ ,]" "" found "${found}")
            list(JOIN found " " found)
            set(value "-")
            if(term MATCHES "<([^>]+)>")
                set(value "${CMAKE_MATCH_1}")
            endif()
            list(APPEND names "${found}")
            list(APPEND values "${value}")
            list(APPEND texts "${text}")
        endforeach()
    endif()
    set(${p}_OPTION_NAMES "${names}" PARENT_SCOPE)
    set(${p}_OPTION_VALUES "${values}" PARENT_SCOPE)
    set(${p}_OPTION_TEXTS "${texts}" PARENT_SCOPE)
endfunction()

# What a value <X> completes to: "files", "words a b c" (from the section named after X), or "".
function(value_kind out p placeholder)
    set(kind "")
    if(placeholder IN_LIST FILE_WORDS)
        set(kind files)
    else()
        string(TOLOWER "${placeholder}" lower)
        foreach(title IN LISTS ${p}_SECTIONS)
            string(TOLOWER "${title}" title_lower)
            if(title_lower STREQUAL "${lower}s")
                find_section(index ${p} "${title}")
                list(JOIN ${p}_${index}_TERMS " " words)
                set(kind "words ${words}")
            endif()
        endforeach()
    endif()
    set(${out} "${kind}" PARENT_SCOPE)
endfunction()

# ---- roff -----------------------------------------------------------------------------------
function(roff out text)
    decode(text "${text}")
    string(REPLACE "\\" "\\e" text "${text}")
    string(REPLACE "-" "\\-" text "${text}")
    set(${out} "${text}" PARENT_SCOPE)
endfunction()

function(roff_sections out p heading)
    set(result "")
    foreach(title index IN ZIP_LISTS ${p}_SECTIONS ${p}_SECTION_INDEXES)
        if(title STREQUAL "Commands")
            continue()
        endif()
        string(TOUPPER "${title}" upper)
        if(heading STREQUAL "SH")
            string(APPEND result ".SH ${upper}\n")
        else()
            string(APPEND result ".PP\n.B ${title}:\n")
        endif()
        foreach(term text IN ZIP_LISTS ${p}_${index}_TERMS ${p}_${index}_TEXTS)
            roff(term "${term}")
            roff(text "${text}")
            string(APPEND result ".TP\n\\fB${term}\\fR\n\\&${text}\n")
        endforeach()
    endforeach()
    set(${out} "${result}" PARENT_SCOPE)
endfunction()

function(write_man)
    string(TOUPPER "${NAME}" upper_name)
    # NAME's one line: the description's first sentence.
    string(REGEX REPLACE "\\. .*$" "" summary "${top_DESCRIPTION}")
    string(REGEX REPLACE "\\.$" "" summary "${summary}")
    roff(summary "${summary}")
    roff(usage "${top_USAGE}")
    roff(description "${top_DESCRIPTION}")
    roff(name "${NAME}")
    set(man ".\\\" Generated from '${NAME} --help' by resources/fromhelp.cmake: do not edit.\n")
    string(APPEND man ".TH ${upper_name} 1 \"${DATE}\" \"ssedash ${VERSION}\" \"User Commands\"\n"
        ".SH NAME\n${name} \\- ${summary}\n.SH SYNOPSIS\n.B ${name}\n\\&${usage}\n")
    foreach(command IN LISTS commands)
        roff(usage "${cmd_${command}_USAGE}")
        string(REGEX REPLACE "^[^ ]+ (.*)$" "\\1" usage "${usage}")
        string(APPEND man ".br\n.B ${name} ${command}\n\\&${usage}\n")
    endforeach()
    string(APPEND man ".SH DESCRIPTION\n\\&${description}\n")
    if(commands)
        string(APPEND man ".SH COMMANDS\n")
        foreach(command term text IN ZIP_LISTS commands command_terms command_texts)
            roff(term "${term}")
            roff(text "${text}")
            roff(usage "${cmd_${command}_USAGE}")
            string(REGEX REPLACE "^[^ ]+ (.*)$" "\\1" usage "${usage}")
            roff(command_description "${cmd_${command}_DESCRIPTION}")
            roff_sections(sections cmd_${command} SS)
            string(APPEND man ".SS \"${term}\"\n\\&${text}\n.PP\n.B ${name} ${command}\n\\&${usage}\n"
                ".PP\n\\&${command_description}\n${sections}")
        endforeach()
    endif()
    roff_sections(sections top SH)
    string(APPEND man "${sections}")
    foreach(title text IN ZIP_LISTS top_PARAGRAPHS top_PARAGRAPH_TEXTS)
        string(TOUPPER "${title}" upper)
        roff(text "${text}")
        string(APPEND man ".SH ${upper}\n\\&${text}\n")
    endforeach()
    if(SEE_ALSO)
        roff(see_also "${SEE_ALSO}")
        string(APPEND man ".SH SEE ALSO\n.BR ${see_also} (1)\n")
    endif()
    file(WRITE "${MAN}" "${man}")
endfunction()

# ---- bash -----------------------------------------------------------------------------------
function(bash_command_case out function command)
    set(p cmd_${command})
    set(no_value "")
    set(cases "")
    foreach(names value IN ZIP_LISTS ${p}_OPTION_NAMES ${p}_OPTION_VALUES)
        if(value STREQUAL "-")
            continue()
        endif()
        string(REPLACE " " "|" pattern "${names}")
        value_kind(kind ${p} "${value}")
        if(kind STREQUAL "files")
            string(APPEND cases "                ${pattern}) ${function}_files; return ;;\n")
        elseif(kind MATCHES "^words (.*)$")
            string(APPEND cases
                "                ${pattern}) ${function}_words '${CMAKE_MATCH_1}'; return ;;\n")
        else()
            string(REPLACE " " ";" names "${names}")
            list(APPEND no_value ${names})
        endif()
    endforeach()
    if(no_value)
        list(JOIN no_value "|" pattern)
        string(APPEND cases "                ${pattern}) return ;;\n")
    endif()
    list(JOIN ${p}_OPTION_NAMES " " options)
    set(files 0)
    find_section(index ${p} Arguments)
    foreach(argument IN LISTS ${p}_${index}_TERMS)
        if(argument IN_LIST FILE_WORDS)
            set(files 1)
        endif()
    endforeach()
    set(${out} "        ${command})\n            case $prev in\n${cases}            esac\n\
            options='${options}'\n            files=${files}\n            ;;\n" PARENT_SCOPE)
endfunction()

function(write_bash)
    string(MAKE_C_IDENTIFIER "_${NAME}" function)
    list(JOIN top_OPTION_NAMES " " top_options)
    list(JOIN commands " " command_words)
    set(cases "")
    foreach(command IN LISTS commands)
        bash_command_case(case ${function} ${command})
        string(APPEND cases "${case}")
    endforeach()
    file(WRITE "${BASH}" "# bash completion for ${NAME}                             -*- shell-script -*-
# Generated from '${NAME} --help' by resources/fromhelp.cmake: do not edit.

${function}_words()
{
    mapfile -t COMPREPLY < <(compgen -W \"$1\" -- \"$cur\")
}

${function}_files()
{
    compopt -o filenames 2>/dev/null
    mapfile -t COMPREPLY < <(compgen -f -- \"$cur\")
}

${function}()
{
    local cur=\${COMP_WORDS[COMP_CWORD]} prev=\${COMP_WORDS[COMP_CWORD - 1]}
    local command='' options='${top_options}' files=0 i
    COMPREPLY=()
    # The command is the first word that is not an option (the program's own take no value).
    for ((i = 1; i < COMP_CWORD; i++)); do
        if [[ \${COMP_WORDS[i]} != -* ]]; then
            command=\${COMP_WORDS[i]}
            break
        fi
    done
    case $command in
        '')
            [[ $cur == -* ]] || { ${function}_words '${command_words}'; return; }
            ;;
${cases}        *) return ;;
    esac
    if [[ $cur != -* && $files == 1 ]]; then
        ${function}_files
    else
        ${function}_words \"$options\"
    fi
}
complete -F ${function} ${NAME}
")
endfunction()

# ---- zsh ------------------------------------------------------------------------------------
# Text for zsh's specs and _describe: the first sentence, without brackets, colons or
# backslashes, its quotes escaped for the single-quoted spec.
function(zsh_text out text)
    decode(text "${text}")
    string(REGEX REPLACE "\\. .*$" "" text "${text}")
    string(REGEX REPLACE "\\.$" "" text "${text}")
    string(REGEX REPLACE "[][:\\\\]" "" text "${text}")
    string(REPLACE "'" "'\\''" text "${text}")
    set(${out} "${text}" PARENT_SCOPE)
endfunction()

function(zsh_specs out p)
    set(specs "")
    foreach(names value text IN ZIP_LISTS ${p}_OPTION_NAMES ${p}_OPTION_VALUES ${p}_OPTION_TEXTS)
        set(exclusion "(${names})")
        if(text MATCHES "may be repeated")
            set(exclusion "*")
        endif()
        zsh_text(text "${text}")
        string(REPLACE " " "," braced "${names}")
        if(names MATCHES " ")
            set(spec "'${exclusion}'{${braced}}'[${text}]")
        else()
            set(spec "'${exclusion}${names}[${text}]")
        endif()
        if(NOT value STREQUAL "-")
            value_kind(kind ${p} "${value}")
            string(REGEX REPLACE "[:'\\\\]" "" value "${value}")
            if(kind STREQUAL "files")
                string(APPEND spec ":${value}:_files")
            elseif(kind MATCHES "^words (.*)$")
                string(APPEND spec ":${value}:(${CMAKE_MATCH_1})")
            else()
                string(APPEND spec ":${value}: ")
            endif()
        endif()
        string(APPEND specs "        ${spec}' \\\n")
    endforeach()
    # Positional arguments, optional where the usage line has them in brackets.
    find_section(index ${p} Arguments)
    set(position 0)
    foreach(argument IN LISTS ${p}_${index}_TERMS)
        math(EXPR position "${position} + 1")
        set(optional "")
        if("${${p}_USAGE}" MATCHES "@LB@${argument}")
            set(optional ":")
        endif()
        set(action " ")
        if(argument IN_LIST FILE_WORDS)
            set(action "_files")
        elseif(argument STREQUAL "URL")
            set(action "_urls")
        endif()
        string(APPEND specs "        '${position}${optional}:${argument}:${action}' \\\n")
    endforeach()
    set(${out} "${specs}" PARENT_SCOPE)
endfunction()

function(write_zsh)
    set(function "_${NAME}")
    zsh_specs(top_specs top)
    set(descriptions "")
    foreach(command text IN ZIP_LISTS commands command_texts)
        zsh_text(text "${text}")
        string(APPEND descriptions "        '${command}:${text}'\n")
    endforeach()
    set(cases "")
    foreach(command IN LISTS commands)
        zsh_specs(specs cmd_${command})
        string(REGEX REPLACE "(^|\n)        '" "\\1                '" specs "${specs}")
        string(APPEND cases "        ${command})\n            _arguments -s \\\n${specs}            ;;\n")
    endforeach()
    file(WRITE "${ZSH}" "#compdef ${NAME}
# zsh completion for ${NAME}
# Generated from '${NAME} --help' by resources/fromhelp.cmake: do not edit.

${function}() {
    local curcontext=$curcontext state line
    local -a commands
    _arguments -C \\
${top_specs}        '1:command:->command' \\
        '*::argument:->argument'
    case $state in
    command)
        commands=(
${descriptions}        )
        _describe -t commands '${NAME} command' commands
        ;;
    argument)
        curcontext=\${curcontext%:*:*}:${NAME}-$words[1]:
        case $words[1] in
${cases}        esac
        ;;
    esac
}

${function} \"$@\"
")
endfunction()

# ---- main -----------------------------------------------------------------------------------
run_help(text)
parse_help(top text)
set(top_SECTION_INDEXES "")
list(LENGTH top_SECTIONS count)
if(count GREATER 0)
    math(EXPR last "${count} - 1")
    foreach(i RANGE ${last})
        list(APPEND top_SECTION_INDEXES ${i})
    endforeach()
endif()
parse_options(top)

set(commands "")
set(command_terms "")
set(command_texts "")
find_section(index top Commands)
if(index GREATER_EQUAL 0)
    foreach(term text IN ZIP_LISTS top_${index}_TERMS top_${index}_TEXTS)
        string(REGEX MATCH "^[^ ]+" command "${term}")
        list(APPEND commands ${command})
        list(APPEND command_terms "${term}")
        list(APPEND command_texts "${text}")
        run_help(text ${command})
        parse_help(cmd_${command} text)
        set(cmd_${command}_SECTION_INDEXES "")
        list(LENGTH cmd_${command}_SECTIONS count)
        math(EXPR last "${count} - 1")
        foreach(i RANGE ${last})
            list(APPEND cmd_${command}_SECTION_INDEXES ${i})
        endforeach()
        parse_options(cmd_${command})
    endforeach()
endif()

write_man()
if(DEFINED BASH)
    write_bash()
endif()
if(DEFINED ZSH)
    write_zsh()
endif()
