#pragma once

#include "api/apierror.h"
#include "api/types.h"

#include <QHash>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QString>

namespace Batchdesk::Api {
class ApiClient;
}
namespace Batchdesk::Results {
class ResultsDownload;
}
namespace Batchdesk::Store {
class ResultsStore;
}

namespace Batchdesk::Workflow {

/**
 * The one download path of results for an account (or a base URL): a queue of finished batches whose output
 * and error files are downloaded into dataDirectory()/results/<accountKey>/<batch> by
 * Results::ResultsDownload (streamed, verified, marked complete), two at a time, each batch once; a completed
 * download is recorded in the ResultsStore (accounts only). The app's automatic and manual downloads and a
 * job's retry rounds all go through it, so one folder is never written twice at the same time.
 *
 * Lives in the thread of its client; a download in progress stops when the fetcher is destroyed (account
 * switched) and starts again from the beginning next time.
 */
class ResultsFetcher final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ResultsFetcher)

public:
    ResultsFetcher(Api::ApiClient *client, Store::ResultsStore *store, qint64 accountId, QString accountKey,
                   QObject *parent = nullptr);
    ~ResultsFetcher() override;

    /** Queues the results of a finished batch (no-op while it is queued or downloading, or not finished). */
    void fetch(const Api::Batch &batch);
    /** Queued or downloading. */
    bool isBusy(const QString &batchId) const;
    /** The error of the last failed download of the batch (cleared by the next fetch). */
    QString errorOf(const QString &batchId) const { return m_errors.value(batchId); }
    bool hasFailed(const QString &batchId) const { return m_errors.contains(batchId); }
    /** Where the results of a batch go. */
    QString folderOf(const QString &batchId) const;
    void setParallelDownloads(int n) { m_parallel = qMax(1, n); }

signals:
    /** Queued, started, finished or failed: isBusy() / errorOf() changed. */
    void changed(const QString &batchId);
    void progress(const QString &batchId, qint64 bytes);
    void downloaded(const QString &batchId, const QString &folder);
    void failed(const QString &batchId, const Batchdesk::Api::ApiError &error);
    /** The download succeeded but could not be recorded in the database. */
    void recordFailed(const QString &batchId, const QString &text);

private:
    void startNext();

    QPointer<Api::ApiClient> m_client;
    Store::ResultsStore *m_store;
    qint64 m_accountId;
    QString m_accountKey;
    int m_parallel = 2;
    QList<Api::Batch> m_queue;
    QHash<QString, QPointer<Results::ResultsDownload>> m_running;
    QHash<QString, QString> m_errors;
};

} // namespace Batchdesk::Workflow
