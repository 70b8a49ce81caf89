#pragma once

#include <QString>

namespace Batchdesk {

/** Hex SHA-256 of a file's content, or empty when it cannot be read. Blocking: call it off the GUI thread. */
QString sha256OfFile(const QString &path);

} // namespace Batchdesk
