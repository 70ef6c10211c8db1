# SPDX-License-Identifier: MIT
# Install rules of the libraries and their CMake package: find_package(ssedash) gives
# ssedash::sselib, ssedash::ssepublisher and ssedash::ssecapture. Included from the top after the
# targets exist.
include(CMakePackageConfigHelpers)

# Installs the public headers among `target`'s sources, keeping their paths below the source root;
# headers that end in _p.h are internal and stay out.
function(ssedash_install_public_headers target)
    get_target_property(sources ${target} SOURCES)
    get_target_property(source_dir ${target} SOURCE_DIR)
    foreach(source IN LISTS sources)
        cmake_path(ABSOLUTE_PATH source BASE_DIRECTORY ${source_dir})
        cmake_path(RELATIVE_PATH source BASE_DIRECTORY ${PROJECT_SOURCE_DIR} OUTPUT_VARIABLE path)
        if(NOT path MATCHES "\\.h$" OR path MATCHES "_p\\.h$")
            continue()
        endif()
        cmake_path(GET path PARENT_PATH folder)
        install(FILES ${source} DESTINATION ${SSEDASH_INSTALL_INCLUDEDIR}/${folder})
    endforeach()
endfunction()

set(ssedash_cmake_dir ${CMAKE_INSTALL_LIBDIR}/cmake/ssedash)
get_target_property(ssedash_resource_targets ssepublisher SSEDASH_RESOURCE_TARGETS)
install(TARGETS sselib ssepublisher ssecapture ${ssedash_resource_targets} EXPORT ssedashTargets
    ARCHIVE DESTINATION ${CMAKE_INSTALL_LIBDIR}
    LIBRARY DESTINATION ${CMAKE_INSTALL_LIBDIR}
    OBJECTS DESTINATION ${CMAKE_INSTALL_LIBDIR}/ssedash)
ssedash_install_public_headers(sselib)
ssedash_install_public_headers(ssepublisher)
ssedash_install_public_headers(ssecapture)
# For consumers that check the version in code (SSEDASH_VERSION).
install(FILES ${PROJECT_BINARY_DIR}/generated/ssedash/version.h
    DESTINATION ${SSEDASH_INSTALL_INCLUDEDIR}/ssedash)

install(EXPORT ssedashTargets NAMESPACE ssedash:: DESTINATION ${ssedash_cmake_dir})
configure_package_config_file(${CMAKE_CURRENT_LIST_DIR}/ssedashConfig.cmake.in
    ${PROJECT_BINARY_DIR}/packaging/ssedashConfig.cmake INSTALL_DESTINATION ${ssedash_cmake_dir})
# 0.x: a minor version may break the API, so only the same minor version is compatible.
write_basic_package_version_file(${PROJECT_BINARY_DIR}/packaging/ssedashConfigVersion.cmake
    COMPATIBILITY SameMinorVersion)
install(FILES ${PROJECT_BINARY_DIR}/packaging/ssedashConfig.cmake
    ${PROJECT_BINARY_DIR}/packaging/ssedashConfigVersion.cmake DESTINATION ${ssedash_cmake_dir})
