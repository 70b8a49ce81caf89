# macOS only: makes <target> the Batchdesk.app bundle: Info.plist from packaging/macos/Info.plist.in (bundle id
# io.github.batchdesk.Batchdesk, version from the project, .jsonl document type) and batchdesk.icns in
# Contents/Resources. Included from app/desktop/CMakeLists.txt inside if(APPLE).
#
#   batchdesk_macos_bundle(<target>)
function(batchdesk_macos_bundle target)
    set(icns "${CMAKE_CURRENT_FUNCTION_LIST_DIR}/batchdesk.icns")
    target_sources(${target} PRIVATE "${icns}")
    set_source_files_properties("${icns}" PROPERTIES MACOSX_PACKAGE_LOCATION Resources)
    set_target_properties(${target} PROPERTIES
        MACOSX_BUNDLE ON
        MACOSX_BUNDLE_INFO_PLIST "${CMAKE_CURRENT_FUNCTION_LIST_DIR}/Info.plist.in"
        MACOSX_BUNDLE_GUI_IDENTIFIER io.github.batchdesk.Batchdesk
        MACOSX_BUNDLE_BUNDLE_NAME Batchdesk
        MACOSX_BUNDLE_ICON_FILE batchdesk.icns
        MACOSX_BUNDLE_BUNDLE_VERSION "${PROJECT_VERSION}"
        MACOSX_BUNDLE_SHORT_VERSION_STRING "${PROJECT_VERSION}"
        MACOSX_BUNDLE_INFO_STRING "Batchdesk ${PROJECT_VERSION}"
        MACOSX_BUNDLE_COPYRIGHT "Copyright (c) The Batchdesk developers. MIT licence."
        XCODE_ATTRIBUTE_PRODUCT_BUNDLE_IDENTIFIER io.github.batchdesk.Batchdesk)
endfunction()
