# Windows only: gives an executable its icon and version information (packaging/windows/batchdesk.rc.in).
# Included from app/desktop/CMakeLists.txt inside if(WIN32); the CLI and the sandbox can call the same function.
#
#   batchdesk_windows_resources(<target> <description>)
function(batchdesk_windows_resources target description)
    set(BATCHDESK_RC_NAME "${target}")
    set(BATCHDESK_RC_DESCRIPTION "${description}")
    # rc.exe reads backslashes in strings as escapes; forward slashes are paths it accepts as they are.
    file(TO_CMAKE_PATH "${CMAKE_CURRENT_FUNCTION_LIST_DIR}/batchdesk.ico" BATCHDESK_RC_ICON)
    set(rc "${CMAKE_CURRENT_BINARY_DIR}/${target}.rc")
    configure_file("${CMAKE_CURRENT_FUNCTION_LIST_DIR}/batchdesk.rc.in" "${rc}" @ONLY)
    target_sources(${target} PRIVATE "${rc}")
    set_property(SOURCE "${rc}" APPEND PROPERTY OBJECT_DEPENDS "${CMAKE_CURRENT_FUNCTION_LIST_DIR}/batchdesk.ico")
endfunction()
