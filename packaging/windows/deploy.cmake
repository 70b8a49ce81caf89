# Windows install step (install(SCRIPT) from packaging/CMakeLists.txt; runs in `cmake --install` and in CPack's
# staging for NSIS and ZIP, after the executables are installed). Makes <prefix>/bin self-contained:
#   1. windeployqt copies the Qt DLLs, the plugins the executables need (platforms, styles, sqldrivers,
#      iconengines, imageformats, tls, …) and Qt's translations next to them;
#   2. file(GET_RUNTIME_DEPENDENCIES) finds the remaining non-system DLLs (QtKeychain, simdjson, libxlsxwriter,
#      libcsv, …) in BATCHDESK_SEARCH_DIRS and copies them too.
# The MSVC runtime comes from InstallRequiredSystemLibraries. Set by packaging/CMakeLists.txt before this runs:
# BATCHDESK_WINDEPLOYQT, BATCHDESK_WINDEPLOYQT_MODE, BATCHDESK_BINDIR, BATCHDESK_SEARCH_DIRS, BATCHDESK_DUMPBIN.
cmake_minimum_required(VERSION 3.25)

set(bindir "$ENV{DESTDIR}${CMAKE_INSTALL_PREFIX}/${BATCHDESK_BINDIR}")
set(executables "")
foreach(name batchdesk batchdesk-cli batchdesk-sandbox)
    if(EXISTS "${bindir}/${name}.exe")
        list(APPEND executables "${bindir}/${name}.exe")
    elseif(NOT name STREQUAL "batchdesk")
        message(FATAL_ERROR "deploy: ${bindir}/${name}.exe is not installed")
    endif()
endforeach()

if(NOT BATCHDESK_WINDEPLOYQT)
    message(FATAL_ERROR "deploy: windeployqt was not found when configuring; put Qt's bin folder on "
                        "CMAKE_PREFIX_PATH and configure again")
endif()
message(STATUS "deploy: windeployqt ${executables}")
execute_process(
    COMMAND "${BATCHDESK_WINDEPLOYQT}" ${BATCHDESK_WINDEPLOYQT_MODE} --dir "${bindir}"
            --no-compiler-runtime --no-system-d3d-compiler --no-opengl-sw --verbose 0
            ${executables}
    RESULT_VARIABLE rc)
if(NOT rc EQUAL 0)
    message(FATAL_ERROR "deploy: windeployqt failed (${rc})")
endif()

if(BATCHDESK_DUMPBIN)
    set(CMAKE_GET_RUNTIME_DEPENDENCIES_PLATFORM "windows+pe")
    set(CMAKE_GET_RUNTIME_DEPENDENCIES_TOOL "dumpbin")
    set(CMAKE_GET_RUNTIME_DEPENDENCIES_COMMAND "${BATCHDESK_DUMPBIN}")
endif()
file(GET_RUNTIME_DEPENDENCIES
    EXECUTABLES ${executables}
    RESOLVED_DEPENDENCIES_VAR resolved
    UNRESOLVED_DEPENDENCIES_VAR unresolved
    DIRECTORIES "${bindir}" ${BATCHDESK_SEARCH_DIRS}
    # The API sets and everything in the Windows folder belong to the system.
    PRE_EXCLUDE_REGEXES "^api-ms-" "^ext-ms-"
    POST_EXCLUDE_REGEXES "^[A-Za-z]:[/\\\\][Ww][Ii][Nn][Dd][Oo][Ww][Ss][/\\\\]")
foreach(dll IN LISTS resolved)
    get_filename_component(name "${dll}" NAME)
    if(NOT EXISTS "${bindir}/${name}")
        message(STATUS "deploy: ${name}")
        file(COPY "${dll}" DESTINATION "${bindir}")
    endif()
endforeach()
if(unresolved)
    message(FATAL_ERROR "deploy: DLLs not found (add their folder to CMAKE_PREFIX_PATH): ${unresolved}")
endif()
