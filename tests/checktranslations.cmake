# SPDX-License-Identifier: MIT
# Fails when a translatable string of the sources has no finished German translation: lupdate
# runs over the sources into a copy of the .ts, which must then hold no unfinished message.
file(COPY ${TS_FILE} DESTINATION ${WORK_DIR})
get_filename_component(name ${TS_FILE} NAME)
set(copy ${WORK_DIR}/${name})
execute_process(COMMAND ${LUPDATE} -no-obsolete -locations none sselib ui app -ts ${copy}
    WORKING_DIRECTORY ${SOURCE_DIR} RESULT_VARIABLE result OUTPUT_VARIABLE output
    ERROR_VARIABLE output)
if(NOT result EQUAL 0)
    message(FATAL_ERROR "lupdate failed:\n${output}")
endif()
file(STRINGS ${copy} unfinished REGEX "type=\"unfinished\"")
list(LENGTH unfinished count)
if(NOT count EQUAL 0)
    message(FATAL_ERROR "${count} strings of the sources have no German translation; run\n"
        "  lupdate -no-obsolete -locations none sselib ui app -ts ${TS_FILE}\n"
        "and translate them.")
endif()
message(STATUS "every string of the sources is translated in ${name}")
