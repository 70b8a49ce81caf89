#pragma once

#include <QtGlobal>

#include <atomic>
#include <functional>
#include <memory>

namespace Batchdesk {

/**
 * Callbacks for long work on a worker thread (reading a CSV, building, indexing, joining, exporting), called
 * on the thread that runs it. Both may be empty; isCanceled is polled about once per MiB read or per few
 * hundred rows written.
 */
struct WorkControl
{
    std::function<bool()> isCanceled;
    std::function<void(qint64 done, qint64 total)> progress;
};

/**
 * A WorkControl for a GUI that polls: cancelled when *cancel is set, progress stored in *permille (0..1000)
 * for a timer to show. permille may be null (no progress wanted).
 */
inline WorkControl pollingControl(std::shared_ptr<std::atomic<bool>> cancel,
                                  std::shared_ptr<std::atomic<qint64>> permille = {})
{
    WorkControl control;
    control.isCanceled = [cancel] { return cancel->load(std::memory_order_relaxed); };
    if (permille)
        control.progress = [permille](qint64 done, qint64 total) {
            permille->store(total > 0 ? done * 1000 / total : 0, std::memory_order_relaxed);
        };
    return control;
}

} // namespace Batchdesk
