#pragma once

#include <QString>

namespace Batchdesk {

/**
 * Where Batchdesk keeps its database and downloaded results: $BATCHDESK_DATA_DIR when set (tests, portable
 * installs), else the platform's application data folder for "Batchdesk" (shared by the app and the CLI).
 */
QString dataDirectory();
QString databasePath();

} // namespace Batchdesk
