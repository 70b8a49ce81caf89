#pragma once

#include "common/result.h"
#include "database.h"

#include <QList>
#include <QSet>
#include <QString>
#include <QStringList>

#include <memory>
#include <optional>

namespace Batchdesk::Store {

/** Where the results of one batch were saved, once every file of it was downloaded completely. */
struct ResultDownload
{
    QString batchId;
    QString folder;
    QString outputPath; ///< empty when the batch had no output file
    QString errorPath; ///< empty when the batch had no error file
    QString outputFileId;
    QString errorFileId;
    qint64 downloadedAt = 0; ///< seconds since the epoch
    bool remoteDeleted = false; ///< the remote output and error files were deleted from the app

    /** The local result files, output first. */
    QStringList files() const;
};

/**
 * Downloaded results and resubmit links of the accounts (tables result_downloads and batch_links).
 *
 * A download is recorded only after its files were renamed into place and the folder's ".complete" marker
 * was written, so a recorded download is always whole. A resubmit link says that a batch was made of the
 * requests of another batch that did not succeed; chain() gives the batches whose results join onto the same
 * input file, the first (root) batch first and later resubmits after it.
 */
class ResultsStore final
{
public:
    explicit ResultsStore(std::shared_ptr<Database> db);

    Result<bool> recordDownload(qint64 accountId, const ResultDownload &download);
    std::optional<ResultDownload> download(qint64 accountId, const QString &batchId) const;
    /** Ids of the account's batches with a complete local download. */
    QSet<QString> downloadedBatchIds(qint64 accountId) const;
    Result<bool> markRemoteDeleted(qint64 accountId, const QString &batchId);
    Result<bool> forgetDownload(qint64 accountId, const QString &batchId);

    /** Records that batchId resubmits requests of parentBatchId. */
    Result<bool> linkResubmit(qint64 accountId, const QString &batchId, const QString &parentBatchId);
    /** The batch batchId resubmits, or empty. */
    QString parentOf(qint64 accountId, const QString &batchId) const;
    /** Direct resubmits of batchId, oldest first. */
    QStringList childrenOf(qint64 accountId, const QString &batchId) const;
    /** The root of batchId's chain, then every resubmit below it (depth first, oldest first). */
    QStringList chain(qint64 accountId, const QString &batchId) const;

private:
    std::shared_ptr<Database> m_db;
};

} // namespace Batchdesk::Store
