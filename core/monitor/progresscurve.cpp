#include "progresscurve.h"

namespace Batchdesk::Monitor {

using Api::Batch;

qint64 terminalTimeMs(const Batch &batch)
{
    std::optional<qint64> at;
    switch (batch.status()) {
    case Batch::Status::Completed:
        at = batch.completedAt;
        break;
    case Batch::Status::Failed:
        at = batch.failedAt;
        break;
    case Batch::Status::Expired:
        at = batch.expiredAt;
        break;
    case Batch::Status::Cancelled:
        at = batch.cancelledAt;
        break;
    default:
        return 0;
    }
    // A provider that leaves the matching field empty may still report another end.
    for (const auto &other : {batch.completedAt, batch.failedAt, batch.expiredAt, batch.cancelledAt}) {
        if (!at || *at <= 0)
            at = other;
    }
    return at && *at > 0 ? *at * 1000 : 0;
}

ProgressCurve progressCurve(const Batch &batch, const QList<ProgressSample> &history, qint64 nowMs)
{
    ProgressCurve curve;
    const bool terminal = batch.isTerminal();
    const qint64 endAt = terminal ? terminalTimeMs(batch) : 0;
    curve.finished = terminal;
    const qint64 startedAt = batch.inProgressAt && *batch.inProgressAt > 0 ? *batch.inProgressAt * 1000
        : batch.createdAt > 0                                              ? batch.createdAt * 1000
                                                                           : 0;
    const auto counts = batch.requestCounts;
    const qint64 total = counts ? counts->total : 0;

    auto add = [&curve](const ProgressSample &s) {
        if (!curve.points.isEmpty() && s.atMs <= curve.points.last().atMs) {
            // Same instant (or a clock step back): the newer observation wins.
            if (s.atMs == curve.points.last().atMs)
                curve.points.last() = s;
            return;
        }
        curve.points.append(s);
    };

    // Did the batch ever run? A batch that failed validation has no progress to draw.
    const bool ran =
        batch.inProgressAt || !history.isEmpty() || (counts && counts->completed + counts->failed > 0);
    if (!ran || startedAt <= 0) {
        curve.startMs = curve.endMs = endAt > 0 ? endAt : (startedAt > 0 ? startedAt : nowMs);
        return curve;
    }

    const qint64 firstSampleAt = history.isEmpty() ? 0 : history.first().atMs;
    if (history.isEmpty() || startedAt < firstSampleAt)
        add({startedAt, 0, 0, history.isEmpty() ? total : history.first().total});
    for (const ProgressSample &s : history) {
        if (endAt > 0 && s.atMs > endAt)
            break; // seen after the end: its counts are the final ones below
        add(s);
    }
    if (terminal) {
        // The final counts at the terminal time; without a reported end, at the last observation.
        const qint64 last = curve.points.isEmpty() ? startedAt : curve.points.last().atMs;
        if (counts)
            add({endAt > 0 ? qMax(endAt, last) : last, counts->completed, counts->failed, counts->total});
    } else if (history.isEmpty() && counts) {
        add({nowMs, counts->completed, counts->failed, counts->total});
    }
    if (curve.points.isEmpty()) {
        curve.startMs = curve.endMs = startedAt;
        return curve;
    }
    curve.startMs = curve.points.first().atMs;
    curve.endMs = curve.points.last().atMs;
    return curve;
}

} // namespace Batchdesk::Monitor
