#include "eta.h"

namespace Batchdesk::Monitor {

using Api::Batch;

Eta estimateEta(const Batch &batch, const QList<ProgressSample> &history, qint64 nowMs, qint64 windowMs)
{
    Eta eta;
    const Batch::Status status = batch.status();
    if (batch.isTerminal()) {
        eta.state = Eta::State::Done;
        return eta;
    }
    if (status == Batch::Status::Finalizing) {
        eta.state = Eta::State::Assembling;
        return eta;
    }
    if (status != Batch::Status::InProgress || !batch.requestCounts || batch.requestCounts->total <= 0)
        return eta;
    const Api::RequestCounts &counts = *batch.requestCounts;
    const qint64 done = counts.completed + counts.failed;
    const qint64 remaining = qMax<qint64>(0, counts.total - done);

    // Recent rate from the monitor's samples: first sample inside the window against the newest one.
    if (history.size() >= 2) {
        const ProgressSample &last = history.last();
        const ProgressSample *first = nullptr;
        for (const ProgressSample &s : history) {
            if (last.atMs - s.atMs <= windowMs) {
                first = &s;
                break;
            }
        }
        if (first && last.atMs > first->atMs && last.done() > first->done()) {
            eta.requestsPerSecond =
                double(last.done() - first->done()) * 1000.0 / double(last.atMs - first->atMs);
            eta.state = Eta::State::Running;
            eta.finishAtMs = last.atMs
                + qint64(double(qMax<qint64>(0, last.total - last.done())) * 1000.0 / eta.requestsPerSecond);
            return eta;
        }
    }

    // Average since processing started (seconds resolution, as the API reports it).
    if (!batch.inProgressAt || done <= 0)
        return eta;
    const qint64 elapsedMs = nowMs - *batch.inProgressAt * 1000;
    if (elapsedMs <= 0)
        return eta;
    eta.requestsPerSecond = double(done) * 1000.0 / double(elapsedMs);
    eta.state = Eta::State::Running;
    eta.finishAtMs = nowMs + qint64(double(remaining) * 1000.0 / eta.requestsPerSecond);
    return eta;
}

} // namespace Batchdesk::Monitor
