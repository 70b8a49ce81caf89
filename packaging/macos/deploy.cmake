# macOS install step (install(SCRIPT) from packaging/CMakeLists.txt; runs in `cmake --install` and in CPack's
# DragNDrop staging, after the executables are installed). Makes one self-contained Batchdesk.app:
#   1. batchdesk-cli and batchdesk-sandbox move from <prefix>/bin into Batchdesk.app/Contents/MacOS (a disk image
#      holds the app and nothing else; Terminal users link them into their PATH, see packaging/README.md);
#   2. the hicolor SVG that app/desktop installs for Linux desktops is dropped (the bundle has its .icns);
#   3. macdeployqt copies the Qt frameworks and plugins and the other libraries (QtKeychain, simdjson,
#      libxlsxwriter, …) into the bundle, rewrites the load paths of all three executables and signs the bundle.
# Set by packaging/CMakeLists.txt: BATCHDESK_MACDEPLOYQT, BATCHDESK_BINDIR, BATCHDESK_CODESIGN_IDENTITY.
cmake_minimum_required(VERSION 3.25)

set(prefix "$ENV{DESTDIR}${CMAKE_INSTALL_PREFIX}")
# app/desktop installs the bundle as batchdesk.app (the target's name); the shipped one is called Batchdesk.app.
if(EXISTS "${prefix}/batchdesk.app")
    file(REMOVE_RECURSE "${prefix}/Batchdesk.app.tmp")
    file(RENAME "${prefix}/batchdesk.app" "${prefix}/Batchdesk.app.tmp")  # two steps: the disk may ignore case
    file(RENAME "${prefix}/Batchdesk.app.tmp" "${prefix}/Batchdesk.app")
endif()
set(app "${prefix}/Batchdesk.app")
if(NOT EXISTS "${app}/Contents/MacOS/batchdesk")
    message(FATAL_ERROR "deploy: ${app}/Contents/MacOS/batchdesk is not installed")
endif()

set(extra_executables "")
foreach(name batchdesk-cli batchdesk-sandbox)
    set(from "${prefix}/${BATCHDESK_BINDIR}/${name}")
    set(to "${app}/Contents/MacOS/${name}")
    if(EXISTS "${from}")
        file(RENAME "${from}" "${to}")
    endif()
    if(NOT EXISTS "${to}")
        message(FATAL_ERROR "deploy: ${name} is not installed")
    endif()
    list(APPEND extra_executables "-executable=${to}")
endforeach()
file(GLOB left "${prefix}/${BATCHDESK_BINDIR}/*")
if(NOT left)
    file(REMOVE_RECURSE "${prefix}/${BATCHDESK_BINDIR}")
endif()
file(REMOVE_RECURSE "${prefix}/share/icons")
file(GLOB left "${prefix}/share/*")
if(NOT left)
    file(REMOVE_RECURSE "${prefix}/share")
endif()

if(NOT BATCHDESK_MACDEPLOYQT)
    message(FATAL_ERROR "deploy: macdeployqt was not found when configuring; put Qt on CMAKE_PREFIX_PATH and "
                        "configure again")
endif()
set(sign "")
if(BATCHDESK_CODESIGN_IDENTITY)
    set(sign "-codesign=${BATCHDESK_CODESIGN_IDENTITY}")
endif()
message(STATUS "deploy: macdeployqt ${app}")
execute_process(
    COMMAND "${BATCHDESK_MACDEPLOYQT}" "${app}" ${extra_executables} -always-overwrite ${sign} -verbose=1
    RESULT_VARIABLE rc)
if(NOT rc EQUAL 0)
    message(FATAL_ERROR "deploy: macdeployqt failed (${rc})")
endif()
