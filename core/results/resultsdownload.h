#pragma once

#include "api/apierror.h"
#include "api/types.h"
#include "common/asyncjob.h"
#include "common/result.h"

#include <QObject>
#include <QPointer>
#include <QString>
#include <QStringList>

namespace Batchdesk::Api {
class ApiClient;
class FileContentJob;
} // namespace Batchdesk::Api

namespace Batchdesk::Results {

/** The name of the marker file that says a folder holds every result file of a batch, with their sizes and
 *  checksums: ".<batch id>.complete" (several batches may share a folder, e.g. `results download -o DIR`). */
QString completeMarkerName(const QString &batchId);
/** The output and error file names of a batch inside its results folder. */
QString outputFileName(const QString &batchId);
QString errorFileName(const QString &batchId);
/** Whether batchId can be used as a folder name: Api::isSafeServerId (the one check for ids from a server).
 */
bool isSafeBatchId(const QString &batchId);
/**
 * The folder where the app and the CLI keep the results of a batch:
 * dataDirectory()/results/<account>/<batch>. accountKey names the account (its database id, or a stable key
 * for an account-less base URL).
 */
QString resultsFolder(const QString &accountKey, const QString &batchId);
/**
 * The results of a batch whose folder is complete: output then error file, those present. The ".complete"
 * marker lists every file with its size and SHA-256; a file whose size differs (truncated, grown) or that is
 * missing, a marker of an older version without sizes, or no marker make the folder incomplete (an error that
 * says which file and how). With Verify::Checksum the SHA-256 of each file is compared as well (reads them
 * whole: call it off the GUI thread).
 */
enum class Verify { Size, Checksum };
Result<QStringList> verifiedResultFiles(const QString &folder, const QString &batchId,
                                        Verify verify = Verify::Size);
/** verifiedResultFiles() with sizes only, empty when the folder is not complete. */
QStringList completeResultFiles(const QString &folder, const QString &batchId);
/** One file of a results folder as the marker records it. */
struct MarkedFile
{
    QString name;
    QString fileId;
    qint64 bytes = 0;
    QString sha256;
};
/** Writes the ".complete" marker of a folder (atomically). */
Result<bool> writeCompleteMarker(const QString &folder, const QString &batchId,
                                 const QList<MarkedFile> &files);

/**
 * Downloads the output and error files of a finished batch into a folder, one after the other, each streamed
 * into a temporary file that is renamed when complete (FileContentJob / QSaveFile), then writes the folder's
 * ".complete" marker. Either file may be absent (an all-failed batch has no output file; a batch without
 * failures has no error file). A stopped or killed download leaves no file under a final name and no marker,
 * so it starts again from the beginning next time; leftovers of an earlier attempt are removed first.
 *
 * An AsyncJob: finished() is emitted exactly once; then failed() / error() tell the outcome. Deletes itself
 * after finished() unless setAutoDelete(false).
 */
class ResultsDownload final : public AsyncJob
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ResultsDownload)

public:
    ResultsDownload(Api::ApiClient *client, Api::Batch batch, QString folder, QObject *parent = nullptr);
    ~ResultsDownload() override;

    const Api::Batch &batch() const { return m_batch; }
    QString folder() const { return m_folder; }
    const Api::ApiError &error() const { return m_error; }
    /** Local paths of the files written, output first; empty paths for absent files. */
    QString outputPath() const { return m_outputPath; }
    QString errorPath() const { return m_errorPath; }
    QStringList files() const;

signals:
    /** Bytes received so far over both files; total is -1 while unknown. */
    void progress(qint64 received, qint64 total);

protected:
    void doStart() override;
    bool doAbort() override;

private:
    void next();
    void finish(const Api::ApiError &error = {});

    Api::ApiClient *m_client;
    Api::Batch m_batch;
    QString m_folder;
    QList<QPair<QString, QString>> m_pending; // file id, destination
    QList<MarkedFile> m_marked;
    QPointer<Api::FileContentJob> m_job;
    QString m_outputPath;
    QString m_errorPath;
    qint64 m_doneBytes = 0;
    Api::ApiError m_error;
    bool m_aborted = false;
};

} // namespace Batchdesk::Results
