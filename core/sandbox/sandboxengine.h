#pragma once

#include <QHash>
#include <QJsonArray>
#include <QJsonObject>
#include <QJsonValue>
#include <QList>
#include <QSet>
#include <QString>

#include <condition_variable>
#include <future>
#include <map>
#include <mutex>
#include <thread>
#include <utility>

namespace Batchdesk::Sandbox {

/** The answer of an API operation: an HTTP status and a JSON body (the error envelope when not 2xx). */
struct ApiResult
{
    int status = 200;
    QJsonObject body;
};

/**
 * The state of the sandbox: files, batches, their persistence and the batch state machine.
 *
 * The API operations are called from the HTTP worker threads and take one mutex. One engine thread steps the
 * running batches (validation runs outside the mutex) and is the only thread that touches SQLite: API
 * operations mark records dirty and the engine thread writes them within one tick (~10 ms), and a last time
 * in stop().
 */
class SandboxEngine final
{
public:
    struct Settings
    {
        QString dataDir;
        int latencyMs = 50;
        int concurrency = 4;
        int windowSeconds = 86400;
    };

    explicit SandboxEngine(Settings settings);
    ~SandboxEngine();
    Q_DISABLE_COPY_MOVE(SandboxEngine)

    bool start(QString *error);
    void stop();

    /** A directory on the same file system as the store, for uploads in progress. */
    QString uploadDir() const;

    ApiResult addUploadedFile(const QString &tempPath, const QString &filename, qint64 bytes,
                              const QString &purpose, qint64 expiresAfterSeconds);
    ApiResult listFiles(const QString &after, int limit, bool ascending, const QString &purpose);
    ApiResult getFile(const QString &id);
    ApiResult deleteFile(const QString &id);
    /** The path and size of a file's content; false when the file does not exist. */
    bool fileContent(const QString &id, QString *path, qint64 *size);

    ApiResult createBatch(const QJsonObject &request);

    // Dialect support (core/sandbox/sandboxdialects.*): the dialects translate their wire formats into these
    // calls; the state machine stays the same for all of them.

    /** How a dialect's batch creation differs from OpenAI's. */
    struct BatchOptions
    {
        /** Accepted `completion_window` values and their length in hours; empty: only `24h`. A window of H
         * hours lasts windowSeconds * H / 24 (so a short test window shortens all of them alike). */
        QList<std::pair<QString, int>> windows;
        /** Purposes the input file may have; empty: only `batch`. */
        QStringList inputPurposes;
        /** When set, the input lines as the dialect converted them: this file is moved into the batch instead
         * of a link of the input file's content (the batch still names `input_file_id`). */
        QString convertedInputPath;
        /** Dialect data kept (and persisted) with the batch; read back with batchExtra(). */
        QJsonObject extra;
    };
    /** createBatch() with a dialect's options. */
    ApiResult createBatch(const QJsonObject &request, const BatchOptions &options);
    /** The dialect data of a batch (empty when none or no such batch). */
    QJsonObject batchExtra(const QString &id);
    /** Stores `bytes` as a new file, as an upload of them would. */
    ApiResult addFileFromBytes(const QByteArray &bytes, const QString &filename, const QString &purpose);
    ApiResult listBatches(const QString &after, int limit);
    ApiResult getBatch(const QString &id);
    ApiResult cancelBatch(const QString &id);

private:
    struct FileRec
    {
        QString id;
        qint64 seq = 0;
        qint64 bytes = 0;
        qint64 createdAt = 0;
        QString filename;
        QString purpose;
        qint64 expiresAt = 0; // 0: never
    };

    struct BatchRec
    {
        QString id;
        qint64 seq = 0;
        QString endpoint;
        QString inputFileId;
        QString completionWindow;
        QString status;
        QString model;
        QJsonValue metadata; // null or object
        QJsonArray errors; // batch-level errors of a failed validation
        QJsonObject extra; // dialect data (BatchOptions::extra)
        QString outputFileId;
        QString errorFileId;
        qint64 createdAt = 0, inProgressAt = 0, expiresAt = 0, finalizingAt = 0, completedAt = 0,
               failedAt = 0, expiredAt = 0, cancellingAt = 0, cancelledAt = 0;
        qint64 total = 0, completed = 0, failed = 0;
        qint64 inputTokens = 0, outputTokens = 0;
        qint64 outputExpiresSeconds = 2592000;
        // Execution state (persisted, not part of the API object).
        qint64 deadlineMs = 0; // created + completion window
        bool validated = false; // total is known and the lines can be executed
        qint64 inputOffset = 0; // bytes of the input already executed
        qint64 linesDone = 0;
        qint64 outBytes = 0, errBytes = 0; // committed sizes of the partial result files
        qint64 outLines = 0, errLines = 0;
        // Not persisted.
        qint64 phaseDueMs = 0; // when the next phase step may run
        qint64 nextSlotMs = 0; // when the next group of lines finishes executing
    };

    void run(std::promise<QString> *ready);
    QString openDatabase();
    void closeDatabase();
    void loadState();
    void flush();
    void validateDue();
    void stepBatches(qint64 nowMs);
    void executeLines(BatchRec &b, qint64 nowMs);
    void finishBatch(BatchRec &b, const QString &finalStatus, const char *pendingCode,
                     const QString &pendingMessage, qint64 nowMs);
    QString publishResultFile(const QString &tempPath, const QString &filename, qint64 expiresAfterSeconds,
                              qint64 nowSeconds);
    void sweepExpiredFiles(qint64 nowSeconds);
    void markDirty(const BatchRec &b);

    QJsonObject fileJson(const FileRec &f) const;
    QJsonObject batchJson(const BatchRec &b) const;
    static QJsonObject fileState(const FileRec &f);
    static FileRec fileFromState(const QJsonObject &o);
    static QJsonObject batchState(const BatchRec &b);
    static BatchRec batchFromState(const QJsonObject &o);

    QString filePath(const QString &id) const;
    QString batchPath(const QString &batchId, const char *suffix) const;
    FileRec *findFile(const QString &id);
    BatchRec *findBatch(const QString &id);

    const Settings m_settings;
    const QString m_connectionName;

    mutable std::mutex m_mutex;
    std::condition_variable m_wake;
    bool m_stopping = false;
    bool m_started = false;
    std::thread m_thread;

    qint64 m_nextSeq = 1;
    std::map<qint64, FileRec> m_files; // by creation order
    QHash<QString, qint64> m_fileSeq; // also keeps deleted ids, so they still work as cursors
    std::map<qint64, BatchRec> m_batches; // by creation order
    QHash<QString, qint64> m_batchSeq;
    QSet<QString> m_dirtyFiles, m_deletedFiles, m_dirtyBatches;
    qint64 m_lastSweepMs = 0;
};

} // namespace Batchdesk::Sandbox
