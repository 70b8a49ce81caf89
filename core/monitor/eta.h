#pragma once

#include "api/types.h"

#include <QList>

#include <optional>

namespace Batchdesk::Monitor {

/** One observation of a batch's progress, kept by BatchMonitor for the progress chart and the ETA. */
struct ProgressSample
{
    qint64 atMs = 0; ///< wall clock, ms since the epoch
    qint64 completed = 0;
    qint64 failed = 0;
    qint64 total = 0;
    qint64 done() const { return completed + failed; }
    friend bool operator==(const ProgressSample &, const ProgressSample &) = default;
};

/** A projected finish of a running batch. */
struct Eta
{
    enum class State {
        Unknown, ///< not running yet, no counts, or no progress measured so far
        Running, ///< finishAtMs is a projection from the measured rate
        Assembling, ///< `finalizing`: every request ran, the result files are being assembled (not stuck)
        Done, ///< terminal
    };
    State state = State::Unknown;
    qint64 finishAtMs = 0; ///< when state == Running: projected finish, ms since the epoch
    double requestsPerSecond = 0; ///< the rate the projection used (completed + failed per second)
};

/**
 * The ETA of a batch, extrapolated from the measured rate of (completed + failed): no provider reports one.
 *
 * With at least two samples that show progress within the last `windowMs`, the recent rate is used (it
 * follows rate limits and slow phases better); otherwise the average since `in_progress_at`. Pure function,
 * any thread.
 */
Eta estimateEta(const Api::Batch &batch, const QList<ProgressSample> &history, qint64 nowMs,
                qint64 windowMs = 10 * 60 * 1000);

} // namespace Batchdesk::Monitor
