#pragma once

#include <QString>

namespace Batchdesk::Models {

/** Localized display helpers shared by the models and the widgets. Thread-safe; they use the default QLocale.
 */
namespace DisplayFormat {

/** A count with group separators, e.g. "12,345". */
QString count(qint64 value);
/** A byte size in decimal units, e.g. "48.2 MB", "200 MB", "512 B" (decimal, as the providers' limits are).
 */
QString bytes(qint64 value);
/** A duration in seconds, e.g. "0.18 s", "12 s". */
QString seconds(double value);

} // namespace DisplayFormat

} // namespace Batchdesk::Models
