#pragma once

#include <QString>

namespace Batchdesk {

/** The application version, e.g. "0.1.0". */
QString applicationVersion();
/** "Batchdesk/<version> (Qt <version>; <os>)": sent as User-Agent and printed by --version. */
QString userAgent();

} // namespace Batchdesk
