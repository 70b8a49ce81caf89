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

/** Ticks of a time axis: a range aligned to a round step and a format that tells every tick apart. */
struct TimeAxis
{
    qint64 minMs = 0; ///< first tick, ms since the epoch (at or before the data)
    qint64 maxMs = 0; ///< last tick (at or after the data)
    qint64 stepMs = 0;
    int tickCount = 2; ///< ticks from minMs to maxMs inclusive, stepMs apart
    QString format; ///< QDateTime format: seconds, minutes, hours (with the weekday across days) or days
};
/** Chooses ticks for data from fromMs to toMs (local time): the smallest round step (1 s … 30 days) that
 *  needs at most maxTicks ticks, and a format precise enough that no two tick labels are equal. */
TimeAxis timeAxis(qint64 fromMs, qint64 toMs, int maxTicks = 5);

} // namespace DisplayFormat

} // namespace Batchdesk::Models
