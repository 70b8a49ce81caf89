#include "version.h"

#include <QSysInfo>
#include <QtGlobal>

namespace Batchdesk {

QString applicationVersion()
{
    return QStringLiteral(BATCHDESK_VERSION);
}

QString userAgent()
{
    return QStringLiteral("Batchdesk/") + applicationVersion() + QStringLiteral(" (Qt ")
        + QString::fromLatin1(qVersion()) + QStringLiteral("; ") + QSysInfo::prettyProductName() + u')';
}

} // namespace Batchdesk
