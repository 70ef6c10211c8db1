# SPDX-License-Identifier: MIT
# Packages: `cpack -G DEB` in a build tree gives ssedash_<version>_<arch>.deb (executables, static
# libraries, headers, CMake package); `cpack --config CPackSourceConfig.cmake` the source .tar.gz.
if(NOT PROJECT_IS_TOP_LEVEL)
    return() # a parent project packages itself
endif()

set(CPACK_PACKAGE_NAME ssedash)
set(CPACK_PACKAGE_VENDOR ssedash)
set(CPACK_PACKAGE_CONTACT "ssedash maintainers <ssedash@example.invalid>")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "Server-Sent Events dashboard, command-line tool and library")
# Debian wants description lines under 80 columns.
set(CPACK_PACKAGE_DESCRIPTION
    "ssedash watches, debugs and publishes Server-Sent Events (text/event-stream)\n"
    "feeds. It has a desktop dashboard (ssedash), a command-line tool (ssedash-cli:\n"
    "parse, monitor, publish, proxy, export), a capture proxy that shows and breaks\n"
    "the streams between a web app and its server, and, for C++ projects, the\n"
    "static libraries sselib (an EventSource client), ssepublisher (a test server)\n"
    "and ssecapture (the capture proxy) with a CMake package: find_package(ssedash).")
string(JOIN "" CPACK_PACKAGE_DESCRIPTION ${CPACK_PACKAGE_DESCRIPTION})
set(CPACK_STRIP_FILES ON)
set(CPACK_GENERATOR DEB)

set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_SECTION net)
set(CPACK_DEBIAN_PACKAGE_PRIORITY optional)
set(CPACK_DEBIAN_PACKAGE_HOMEPAGE ${PROJECT_HOMEPAGE_URL})
# Library dependencies come from dpkg-shlibdeps (dpkg-dev). It cannot see what is loaded at run
# time: the window's platform plugins, the SVG plugin that draws its icon, and the Secret Service
# client QtKeychain opens; a running Secret Service is what remembers feed secrets.
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(CPACK_DEBIAN_PACKAGE_DEPENDS "qt6-qpa-plugins, libqt6svg6, libsecret-1-0")
set(CPACK_DEBIAN_PACKAGE_RECOMMENDS "gnome-keyring")
# What a find_package(ssedash) consumer builds with.
set(CPACK_DEBIAN_PACKAGE_SUGGESTS
    "cmake, g++, pkg-config, qt6-base-dev, qt6-httpserver-dev, qt6-websockets-dev, zlib1g-dev, libbrotli-dev")

set(CPACK_SOURCE_GENERATOR TGZ)
set(CPACK_SOURCE_PACKAGE_FILE_NAME ssedash-${PROJECT_VERSION})
# Build trees, version control, editor files and what libFuzzer leaves behind.
set(CPACK_SOURCE_IGNORE_FILES
    "/\\\\.git/" "/\\\\.git$" "/\\\\.cache/" "/build/" "/compile_commands\\\\.json$" "\\\\.user$"
    "~$" "\\\\.swp$" "/(crash|leak|timeout|oom|slow-unit)-[0-9a-f]+$" "/fuzz-[0-9]+\\\\.log$")

include(CPack)
