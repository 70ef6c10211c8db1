# SPDX-License-Identifier: MIT
# cmake -DBINARY=FILE -DREQUIRED=REGEX -DFORBIDDEN=REGEX -P checkneeded.cmake
# Fails unless the shared libraries that FILE needs (its NEEDED entries) include one matching
# REQUIRED and none matching FORBIDDEN.
execute_process(COMMAND readelf --dynamic ${BINARY} OUTPUT_VARIABLE dynamic
    RESULT_VARIABLE status)
if(NOT status EQUAL 0)
    message(FATAL_ERROR "readelf --dynamic ${BINARY} failed (${status})")
endif()
string(REGEX MATCHALL "\\(NEEDED\\)[^\n]*" needed "${dynamic}")
set(found_required FALSE)
foreach(entry IN LISTS needed)
    if(entry MATCHES "${FORBIDDEN}")
        message(FATAL_ERROR "${BINARY} needs a library it must not: ${entry}")
    endif()
    if(entry MATCHES "${REQUIRED}")
        set(found_required TRUE)
    endif()
endforeach()
if(NOT found_required)
    message(FATAL_ERROR "${BINARY} needs nothing matching ${REQUIRED}: ${needed}")
endif()
list(LENGTH needed count)
message(STATUS "${BINARY}: ${count} libraries, none matching ${FORBIDDEN}")
