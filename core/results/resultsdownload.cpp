#include "resultsdownload.h"

#include "api/apiclient.h"
#include "api/apijob.h"
#include "common/logging.h"
#include "common/paths.h"

#include "common/filehash.h"
#include "common/translate.h"

#include <QDir>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>

#include <algorithm>

namespace Batchdesk::Results {

namespace {
QString tr(const char *s)
{
    return Batchdesk::translateIn({"Batchdesk::Results::ResultsDownload", "Batchdesk::Results"}, s);
}
} // namespace

QString completeMarkerName(const QString &batchId)
{
    return u'.' + batchId + QStringLiteral(".complete");
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
    return Api::isSafeServerId(id);
}

QString resultsFolder(const QString &accountKey, const QString &batchId)
{
    // Callers check the id first; an unsafe one still never leaves the results folder.
    const QString name = isSafeBatchId(batchId) ? batchId : QStringLiteral("invalid-id");
    return QDir(dataDirectory()).filePath(QStringLiteral("results/") + accountKey + u'/' + name);
}

Result<bool> writeCompleteMarker(const QString &folder, const QString &batchId,
                                 const QList<MarkedFile> &files)
{
    QJsonArray list;
    for (const MarkedFile &f : files)
        list.append(QJsonObject {{QStringLiteral("name"), f.name},
                                 {QStringLiteral("file_id"), f.fileId},
                                 {QStringLiteral("bytes"), f.bytes},
                                 {QStringLiteral("sha256"), f.sha256}});
    const QJsonObject marker {
        {QStringLiteral("batch"), batchId}, {QStringLiteral("version"), 2}, {QStringLiteral("files"), list}};
    QSaveFile out(QDir(folder).filePath(completeMarkerName(batchId)));
    if (!out.open(QIODevice::WriteOnly) || out.write(QJsonDocument(marker).toJson()) < 0 || !out.commit())
        return Error {
            QStringLiteral("io"),
            tr("Cannot write %1: %2").arg(QDir::toNativeSeparators(out.fileName()), out.errorString())};
    return true;
}

Result<QStringList> verifiedResultFiles(const QString &folder, const QString &batchId, Verify verify)
{
    const QDir dir(folder);
    QFile markerFile(dir.filePath(completeMarkerName(batchId)));
    if (!markerFile.exists())
        return Error {QStringLiteral("incomplete"),
                      tr("The results of %1 were not downloaded completely.").arg(batchId)};
    if (!markerFile.open(QIODevice::ReadOnly) || markerFile.size() > (1 << 20))
        return Error {QStringLiteral("io"),
                      tr("Cannot read %1.").arg(QDir::toNativeSeparators(markerFile.fileName()))};
    const QJsonObject marker = QJsonDocument::fromJson(markerFile.readAll()).object();
    if (marker.value(QLatin1StringView("batch")).toString() != batchId
        || !marker.value(QLatin1StringView("files")).isArray())
        return Error {QStringLiteral("unverified"),
                      tr("The results of %1 were saved by an older version without sizes and checksums; they "
                         "are downloaded again.")
                          .arg(batchId)};
    const QStringList expected {outputFileName(batchId), errorFileName(batchId)};
    QStringList files;
    for (const QJsonValue &v : marker.value(QLatin1StringView("files")).toArray()) {
        const QJsonObject f = v.toObject();
        const QString name = f.value(QLatin1StringView("name")).toString();
        if (!expected.contains(name))
            return Error {QStringLiteral("unverified"),
                          tr("The marker of %1 names an unexpected file.").arg(batchId)};
        const QFileInfo info(dir.filePath(name));
        const qint64 bytes = qint64(f.value(QLatin1StringView("bytes")).toDouble(-1));
        if (!info.isFile())
            return Error {QStringLiteral("missing"),
                          tr("%1 is missing from the results of %2.").arg(name, batchId)};
        if (info.size() != bytes)
            return Error {QStringLiteral("truncated"),
                          tr("%1 has %2 bytes, but %3 were downloaded: the file was cut or changed.")
                              .arg(name)
                              .arg(info.size())
                              .arg(bytes)};
        if (verify == Verify::Checksum
            && sha256OfFile(info.filePath()) != f.value(QLatin1StringView("sha256")).toString())
            return Error {QStringLiteral("checksum"),
                          tr("%1 was changed after it was downloaded (its SHA-256 differs).").arg(name)};
        files << info.filePath();
    }
    // Output first, then errors, whatever order the marker lists them in.
    std::stable_partition(files.begin(), files.end(),
                          [](const QString &f) { return f.endsWith(QLatin1StringView("_output.jsonl")); });
    return files;
}

QStringList completeResultFiles(const QString &folder, const QString &batchId)
{
    const auto files = verifiedResultFiles(folder, batchId, Verify::Size);
    return files.ok() ? files.value() : QStringList();
}

ResultsDownload::ResultsDownload(Api::ApiClient *client, Api::Batch batch, QString folder, QObject *parent)
    : AsyncJob(parent)
    , m_client(client)
    , m_batch(std::move(batch))
    , m_folder(std::move(folder))
{
    setAutoDelete(true);
}

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

void ResultsDownload::doStart()
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
    dir.remove(completeMarkerName(m_batch.id));
    dir.remove(QStringLiteral(".complete")); // the marker of versions before 0.3
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

bool ResultsDownload::doAbort()
{
    m_aborted = true;
    if (m_job) {
        m_job->disconnect(this);
        m_job->abort();
    }
    Api::ApiError canceled;
    canceled.kind = Api::ApiError::Kind::Canceled;
    canceled.message = tr("The download was stopped.");
    finish(canceled);
    return false;
}

void ResultsDownload::next()
{
    if (isFinished())
        return;
    if (m_pending.isEmpty()) {
        const auto written = writeCompleteMarker(m_folder, m_batch.id, m_marked);
        if (!written.ok()) {
            finish(Api::ApiError::local(written.errorString()));
            return;
        }
        finish();
        return;
    }
    const QPair<QString, QString> pending = m_pending.takeFirst();
    const QString fileId = pending.first;
    const QString destination = pending.second;
    m_job = m_client->downloadFileContent(fileId, destination);
    connect(m_job, &Api::ApiJob::progress, this,
            [this](qint64 done, qint64) { emit progress(m_doneBytes + done, -1); });
    connect(m_job, &Api::ApiJob::finished, this, [this, fileId, job = m_job.data()] {
        auto *content = job;
        if (job->failed()) {
            finish(job->error());
            return;
        }
        m_doneBytes += content->bytesWritten();
        m_marked.append({QFileInfo(content->destinationPath()).fileName(), fileId, content->bytesWritten(),
                         content->sha256()});
        emit progress(m_doneBytes, -1);
        next();
    });
    m_job->start();
}

void ResultsDownload::finish(const Api::ApiError &error)
{
    if (isFinished())
        return;
    m_error = error;
    if (error.isError()) {
        qCWarning(lcApi) << "results download of" << m_batch.id << "failed:" << error.message;
        emitFailure(error.code(), error.message);
        return;
    }
    emitSuccess();
}

} // namespace Batchdesk::Results
