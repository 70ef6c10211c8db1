# SPDX-License-Identifier: MIT
# Man pages for ssedash and ssedash-cli, and ssedash-cli's bash and zsh completions, written by
# fromhelp.cmake from the built programs' --help: they cannot drift from it.
find_program(SSEDASH_GZIP gzip REQUIRED)

set(man_dir ${CMAKE_CURRENT_BINARY_DIR}/man)
set(completion_dir ${CMAKE_CURRENT_BINARY_DIR}/completions)
set(bash_completion ${completion_dir}/ssedash-cli)
set(zsh_completion ${completion_dir}/_ssedash-cli)
set(pages ssedash-cli)
if(TARGET ssedash)
    list(APPEND pages ssedash)
endif()
set(outputs "")
foreach(page IN LISTS pages)
    set(extra "")
    set(byproducts "")
    set(see_also ssedash)
    if(page STREQUAL "ssedash-cli")
        set(extra -DBASH=${bash_completion} -DZSH=${zsh_completion})
        set(byproducts ${bash_completion} ${zsh_completion})
    else()
        set(see_also ssedash-cli)
    endif()
    add_custom_command(OUTPUT ${man_dir}/${page}.1 ${man_dir}/${page}.1.gz ${byproducts}
        COMMAND ${CMAKE_COMMAND} -E make_directory ${man_dir} ${completion_dir}
        COMMAND ${SSEDASH_TOOL_ENV} ${CMAKE_COMMAND} -DPROGRAM=$<TARGET_FILE:${page}>
            -DNAME=${page} -DVERSION=${PROJECT_VERSION} -DDATE=${SSEDASH_RELEASE_DATE}
            -DMAN=${man_dir}/${page}.1 -DSEE_ALSO=${see_also} ${extra}
            -P ${CMAKE_CURRENT_SOURCE_DIR}/fromhelp.cmake
        # -n: no name or time in the header, so that the package is reproducible.
        COMMAND ${SSEDASH_GZIP} -9nkf ${man_dir}/${page}.1
        DEPENDS ${page} ${CMAKE_CURRENT_SOURCE_DIR}/fromhelp.cmake VERBATIM)
    list(APPEND outputs ${man_dir}/${page}.1.gz)
    install(FILES ${man_dir}/${page}.1.gz DESTINATION ${CMAKE_INSTALL_MANDIR}/man1)
endforeach()
add_custom_target(ssedash_manpages ALL DEPENDS ${outputs})
install(FILES ${bash_completion} DESTINATION ${CMAKE_INSTALL_DATADIR}/bash-completion/completions)
install(FILES ${zsh_completion} DESTINATION ${CMAKE_INSTALL_DATADIR}/zsh/vendor-completions)
