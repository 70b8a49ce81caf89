#include "resultsdownload.h"

#include "api/apiclient.h"
#include "api/apijob.h"
#include "common/logging.h"
#include "common/paths.h"

#include <QDir>
#include <QSaveFile>

namespace Batchdesk::Results {

QString completeMarkerName()
{
    return QStringLiteral(".complete");
}

QString outputFileName(const QString &batchId)
{
    return batchId + QStringLiteral("_output.jsonl");
}

QString errorFileName(const QString &batchId)
{
    return batchId + QStringLiteral("_errors.jsonl");
}

bool isSafeBatchId(const QString &id)
{
    return !id.isEmpty() && !id.contains(u'/') && !id.contains(u'\\') && id != QLatin1StringView(".")
        && id != QLatin1StringView("..");
}

QString resultsFolder(const QString &accountKey, const QString &batchId)
{
    return QDir(dataDirectory()).filePath(QStringLiteral("results/") + accountKey + u'/' + batchId);
}

QStringList completeResultFiles(const QString &folder, const QString &batchId)
{
    const QDir dir(folder);
    QStringList files;
    if (!dir.exists(completeMarkerName()))
        return files;
    for (const QString &name : {outputFileName(batchId), errorFileName(batchId)}) {
        if (dir.exists(name))
            files << dir.filePath(name);
    }
    return files;
}

ResultsDownload::ResultsDownload(Api::ApiClient *client, Api::Batch batch, QString folder, QObject *parent)
    : QObject(parent)
    , m_client(client)
    , m_batch(std::move(batch))
    , m_folder(std::move(folder))
{ }

ResultsDownload::~ResultsDownload()
{
    if (m_job) {
        m_job->disconnect(this);
        m_job->abort();
    }
}

QStringList ResultsDownload::files() const
{
    QStringList list;
    if (!m_outputPath.isEmpty())
        list << m_outputPath;
    if (!m_errorPath.isEmpty())
        list << m_errorPath;
    return list;
}

void ResultsDownload::start()
{
    QDir dir(m_folder);
    if (!isSafeBatchId(m_batch.id)) {
        finish(Api::ApiError::local(tr("\"%1\" is not a batch id.").arg(m_batch.id)));
        return;
    }
    if (!dir.mkpath(QStringLiteral("."))) {
        finish(
            Api::ApiError::local(tr("Cannot create the folder %1.").arg(QDir::toNativeSeparators(m_folder))));
        return;
    }
    // A new download: the marker goes first, and with it whatever an interrupted attempt left behind
    // (QSaveFile's temporary files are named after the final file).
    dir.remove(completeMarkerName());
    const QStringList finals {outputFileName(m_batch.id), errorFileName(m_batch.id)};
    for (const QString &name : dir.entryList(QDir::Files | QDir::Hidden)) {
        for (const QString &final : finals) {
            if (name.startsWith(final) && name != final) {
                qCInfo(lcApi) << "removing a partial download" << name;
                dir.remove(name);
            }
        }
    }
    if (!m_batch.outputFileId.isEmpty()) {
        m_outputPath = dir.filePath(finals[0]);
        m_pending.append({m_batch.outputFileId, m_outputPath});
    } else {
        dir.remove(finals[0]);
    }
    if (!m_batch.errorFileId.isEmpty()) {
        m_errorPath = dir.filePath(finals[1]);
        m_pending.append({m_batch.errorFileId, m_errorPath});
    } else {
        dir.remove(finals[1]);
    }
    next();
}

void ResultsDownload::abort()
{
    if (m_finished)
        return;
    m_aborted = true;
    if (m_job) {
        m_job->disconnect(this);
        m_job->abort();
    }
    Api::ApiError canceled;
    canceled.kind = Api::ApiError::Kind::Canceled;
    canceled.message = tr("The download was stopped.");
    finish(canceled);
}

void ResultsDownload::next()
{
    if (m_finished)
        return;
    if (m_pending.isEmpty()) {
        QSaveFile marker(QDir(m_folder).filePath(completeMarkerName()));
        if (!marker.open(QIODevice::WriteOnly) || marker.write(m_batch.id.toUtf8() + '\n') < 0
            || !marker.commit()) {
            finish(Api::ApiError::local(
                tr("Cannot write %1: %2")
                    .arg(QDir::toNativeSeparators(marker.fileName()), marker.errorString())));
            return;
        }
        finish();
        return;
    }
    const auto [fileId, destination] = m_pending.takeFirst();
    m_job = m_client->downloadFileContent(fileId, destination);
    connect(m_job, &Api::ApiJob::progress, this,
            [this](qint64 done, qint64) { emit progress(m_doneBytes + done, -1); });
    connect(m_job, &Api::ApiJob::finished, this, [this](Api::ApiJob *job) {
        auto *content = static_cast<Api::FileContentJob *>(job);
        if (job->failed()) {
            finish(job->error());
            return;
        }
        m_doneBytes += content->bytesWritten();
        emit progress(m_doneBytes, -1);
        next();
    });
    m_job->start();
}

void ResultsDownload::finish(const Api::ApiError &error)
{
    if (m_finished)
        return;
    m_finished = true;
    m_error = error;
    if (error.isError())
        qCWarning(lcApi) << "results download of" << m_batch.id << "failed:" << error.message;
    emit finished(this);
    if (m_autoDelete)
        deleteLater();
}

} // namespace Batchdesk::Results
