# SPDX-License-Identifier: MIT
# The dashboard's desktop files: icons from resources/icons/ssedash.svg, the .desktop file and
# the AppStream metainfo, with the version and id from CMake.

# The window draws the SVG through Qt's SVG icon engine plugin (Debian: libqt6svg6, which
# qt6-svg-dev pulls in): without it the window has no icon, so the build wants it.
find_package(Qt6 6.4 REQUIRED COMPONENTS Svg)
target_compile_definitions(ssedash PRIVATE SSEDASH_APP_ID="${SSEDASH_APP_ID}")

configure_file(desktop/ssedash.desktop.in ${SSEDASH_DESKTOP_DIR}/${SSEDASH_APP_ID}.desktop @ONLY)
configure_file(desktop/ssedash.metainfo.xml.in
    ${SSEDASH_DESKTOP_DIR}/${SSEDASH_APP_ID}.metainfo.xml @ONLY)
install(FILES ${SSEDASH_DESKTOP_DIR}/${SSEDASH_APP_ID}.desktop
    DESTINATION ${CMAKE_INSTALL_DATADIR}/applications)
install(FILES ${SSEDASH_DESKTOP_DIR}/${SSEDASH_APP_ID}.metainfo.xml
    DESTINATION ${CMAKE_INSTALL_DATADIR}/metainfo)

# The PNG sizes desktops look up, drawn from the SVG by librsvg (Debian: librsvg2-bin).
find_program(SSEDASH_RSVG_CONVERT rsvg-convert)
if(NOT SSEDASH_RSVG_CONVERT)
    message(FATAL_ERROR "rsvg-convert draws the icon sizes (Debian: librsvg2-bin; "
        "packaging/setup-debian.sh installs it)")
endif()
set(svg ${CMAKE_CURRENT_SOURCE_DIR}/icons/ssedash.svg)
set(pngs "")
foreach(size 16 24 32 48 64 128 256)
    set(png ${SSEDASH_DESKTOP_DIR}/icons/${size}x${size}/${SSEDASH_APP_ID}.png)
    add_custom_command(OUTPUT ${png}
        COMMAND ${CMAKE_COMMAND} -E make_directory ${SSEDASH_DESKTOP_DIR}/icons/${size}x${size}
        COMMAND ${SSEDASH_RSVG_CONVERT} --width=${size} --height=${size} --output=${png} ${svg}
        DEPENDS ${svg} VERBATIM)
    list(APPEND pngs ${png})
    install(FILES ${png} DESTINATION ${CMAKE_INSTALL_DATADIR}/icons/hicolor/${size}x${size}/apps)
endforeach()
add_custom_target(ssedash_icons ALL DEPENDS ${pngs})
install(FILES ${svg} DESTINATION ${CMAKE_INSTALL_DATADIR}/icons/hicolor/scalable/apps
    RENAME ${SSEDASH_APP_ID}.svg)
