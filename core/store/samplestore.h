#pragma once

#include "common/result.h"
#include "database.h"

#include <QHash>
#include <QList>
#include <QString>

#include <memory>

namespace Batchdesk::Store {

/** One stored observation of a batch's request counts (what BatchMonitor saw at atMs). */
struct StoredSample
{
    qint64 atMs = 0; ///< wall clock, ms since the epoch
    qint64 completed = 0;
    qint64 failed = 0;
    qint64 total = 0;
    friend bool operator==(const StoredSample &, const StoredSample &) = default;
};

/**
 * The progress samples the monitor saw, per account and batch (table `batch_samples`), so the progress chart
 * shows the real history after a restart or an account switch instead of a line drawn to "now".
 *
 * At most `keep` samples per batch are kept (the oldest are dropped on append). Rows go with their account
 * (foreign key, ON DELETE CASCADE) and with remove(). A value-like handle; same thread as its Database.
 */
class SampleStore final
{
public:
    explicit SampleStore(std::shared_ptr<Database> db);

    /** Appends samples of batches of the account (one transaction); a sample at an existing time replaces it.
     *  Keeps the newest `keep` samples of each batch written to. */
    Result<bool> append(qint64 accountId, const QList<QPair<QString, StoredSample>> &samples, int keep = 512);
    /** The samples of one batch, oldest first. */
    Result<QList<StoredSample>> load(qint64 accountId, const QString &batchId) const;
    /** Every batch's samples of the account, oldest first per batch. */
    Result<QHash<QString, QList<StoredSample>>> loadAll(qint64 accountId) const;
    Result<bool> remove(qint64 accountId, const QString &batchId);

private:
    std::shared_ptr<Database> m_db;
};

} // namespace Batchdesk::Store
