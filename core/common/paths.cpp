#include "paths.h"

#include <QDir>
#include <QStandardPaths>

namespace Batchdesk {

QString dataDirectory()
{
    const QString fromEnv = qEnvironmentVariable("BATCHDESK_DATA_DIR");
    if (!fromEnv.isEmpty())
        return QDir::cleanPath(fromEnv);
    // GenericDataLocation + a fixed name, so that batchdesk and batchdesk-cli share one folder.
    return QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation)
        + QStringLiteral("/Batchdesk");
}

QString databasePath()
{
    return dataDirectory() + QStringLiteral("/batchdesk.sqlite");
}

} // namespace Batchdesk
