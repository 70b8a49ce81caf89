#pragma once

#include "api/types.h"
#include "eta.h"

#include <QList>

namespace Batchdesk::Monitor {

/** What a progress chart of one batch may draw: only what was observed or reported, nothing extrapolated. */
struct ProgressCurve
{
    /** Oldest first, strictly increasing in time: zero when the batch started running, the samples the
     *  monitor saw (live or stored), and for a finished batch its final counts at its terminal time. */
    QList<ProgressSample> points;
    /** Left and right end of the measured span, ms since the epoch (equal when there is nothing to draw). */
    qint64 startMs = 0;
    qint64 endMs = 0;
    /** The batch reached a terminal state: endMs is its completed_at / failed_at / expired_at /
     *  cancelled_at, and nothing is drawn past it. */
    bool finished = false;
};

/**
 * The progress curve of a batch from its timestamps and the monitor's samples. A finished batch ends at its
 * terminal time (samples taken after it are dropped, their counts become the final point); a running batch
 * ends at its newest sample, or at nowMs with its current counts when no sample was kept. Pure function.
 */
ProgressCurve progressCurve(const Api::Batch &batch, const QList<ProgressSample> &history, qint64 nowMs);

/** The time a batch reached its terminal state in ms since the epoch, or 0 when unknown or not terminal. */
qint64 terminalTimeMs(const Api::Batch &batch);

} // namespace Batchdesk::Monitor
