#include "resultsfetcher.h"

#include "api/apiclient.h"
#include "results/resultsdownload.h"
#include "store/resultsstore.h"

namespace Batchdesk::Workflow {

ResultsFetcher::ResultsFetcher(Api::ApiClient *client, Store::ResultsStore *store, qint64 accountId,
                               QString accountKey, QObject *parent)
    : QObject(parent)
    , m_client(client)
    , m_store(store)
    , m_accountId(accountId)
    , m_accountKey(std::move(accountKey))
{ }

ResultsFetcher::~ResultsFetcher()
{
    const auto running = m_running;
    for (const auto &d : running) {
        if (d) {
            d->disconnect(this);
            d->abort();
        }
    }
}

QString ResultsFetcher::folderOf(const QString &batchId) const
{
    return Results::resultsFolder(m_accountKey, batchId);
}

bool ResultsFetcher::isBusy(const QString &batchId) const
{
    if (m_running.value(batchId))
        return true;
    return std::any_of(m_queue.cbegin(), m_queue.cend(),
                       [&batchId](const Api::Batch &b) { return b.id == batchId; });
}

void ResultsFetcher::fetch(const Api::Batch &batch)
{
    if (!m_client || !batch.isTerminal() || isBusy(batch.id))
        return;
    m_errors.remove(batch.id);
    m_queue.append(batch);
    emit changed(batch.id);
    startNext();
}

void ResultsFetcher::startNext()
{
    while (!m_queue.isEmpty() && m_client) {
        int running = 0;
        for (const auto &d : std::as_const(m_running))
            running += d ? 1 : 0;
        if (running >= m_parallel)
            return;
        const Api::Batch batch = m_queue.takeFirst();
        auto *download = new Results::ResultsDownload(m_client, batch, folderOf(batch.id), this);
        m_running.insert(batch.id, download);
        connect(download, &Results::ResultsDownload::progress, this,
                [this, id = batch.id](qint64 bytes, qint64) { emit progress(id, bytes); });
        connect(download, &Results::ResultsDownload::finished, this, [this, d = download] {
            const Api::Batch &b = d->batch();
            m_running.remove(b.id);
            if (d->failed()) {
                if (!d->wasCanceled())
                    m_errors.insert(b.id, d->error().message);
                emit changed(b.id);
                emit failed(b.id, d->error());
            } else {
                if (m_store && m_accountId > 0) {
                    Store::ResultDownload record;
                    record.batchId = b.id;
                    record.folder = d->folder();
                    record.outputPath = d->outputPath();
                    record.errorPath = d->errorPath();
                    record.outputFileId = b.outputFileId;
                    record.errorFileId = b.errorFileId;
                    const auto recorded = m_store->recordDownload(m_accountId, record);
                    if (!recorded.ok())
                        emit recordFailed(b.id, recorded.errorString());
                }
                emit changed(b.id);
                emit downloaded(b.id, d->folder());
            }
            startNext();
        });
        emit changed(batch.id);
        download->start();
    }
}

} // namespace Batchdesk::Workflow
