#pragma once

#include "api/localbackend.h"
#include "api/types.h"
#include "common/result.h"
#include "realtimerunner.h"

#include <QHash>
#include <QJsonObject>
#include <QObject>
#include <QPointer>
#include <QTimer>

#include <functional>
#include <memory>
#include <optional>

class QLockFile;
class QThread;

namespace Batchdesk::Realtime {

/** A "Run here" account's settings, kept with the account (Store::Account::runSettings) as JSON. */
struct RunSettings
{
    Limits limits;
    QHash<QString, QString> modelMap;

    QString toJson() const;
    /** Defaults for empty or unreadable text. */
    static RunSettings fromJson(const QString &text);
};

/**
 * The batches and files of real-time runs, kept on this machine, with the Batch API's shapes: a "Run here"
 * account's whole Files + Batches API, and the straggler rounds a job on a Batch API account runs on a
 * "Run here" account. ApiClient hands every call for a local id (isLocalId()) here, so the monitor, the
 * scheduler, the results fetcher, the results join, export and resubmit treat these batches like any other.
 *
 * Layout under root (dataDirectory()/realtime): files/<id>.jsonl + <id>.json (an input and its record),
 * batches/<id>/batch.json (the Batch object and who owns and runs it), output.jsonl, errors.jsonl (written by
 * the RealtimeRunner as answers arrive), lock (QLockFile: the one process running it), cancel (a cancel asked
 * by another process).
 *
 * Runs: each batch runs on its runner account's endpoint (resolved by the Resolver: target, key, limits),
 * one batch per runner account at a time (the account's concurrency is the endpoint's, not each batch's;
 * the others wait as "validating"). Runners live on one worker thread (their file I/O and fsync never touch
 * the GUI thread). A batch being run by another process (the CLI, a second app) is shown from its batch.json
 * and taken over when that process stops. pauseAll() (quitting) stops without losing anything; the next
 * start resumes each run without resending an answered request.
 *
 * Batch records are small JSON files read and written on the calling thread, like the SQLite stores. Lives in
 * the GUI thread (or the CLI's main thread).
 */
class LocalBatches final : public QObject, public Api::LocalBackend
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(LocalBatches)

public:
    /** What a run needs of the account that runs it. */
    struct Runner
    {
        Target target;
        Limits limits;
    };
    /** Finds the target (with its key: asynchronous) and limits of a "Run here" account; calls done once,
     *  on the caller's thread. */
    using Resolver = std::function<void(qint64 accountId, std::function<void(Result<Runner>)> done)>;

    explicit LocalBatches(QString root, QObject *parent = nullptr);
    ~LocalBatches() override;

    QString root() const { return m_root; }
    void setResolver(Resolver resolver) { m_resolver = std::move(resolver); }
    /** Whether an id is one of this machine's batches or files ("batch_rt_…", "file-rt-…"). */
    static bool isLocalId(QStringView id);

    // Files
    // ----------------------------------------------------------------------------------------------------
    /** Copies a batch input in (on a worker thread); done on this thread, unless context is gone first. */
    void importFile(const QString &path, qint64 ownerAccountId, QObject *context,
                    std::function<void(Result<Api::FileObject>)> done) override;
    std::optional<Api::FileObject> file(const QString &id) const;
    /** The inputs of an account and the result files of its batches. */
    QList<Api::FileObject> files(qint64 ownerAccountId) const;
    Result<void> removeFile(const QString &id);
    /** Where a file's bytes are (an input, a batch's output or error file), or empty for an unknown id. */
    QString pathOf(const QString &fileId) const;

    // Batches
    // --------------------------------------------------------------------------------------------------
    /** Records a batch over a local input file and starts it (when its runner account is free). */
    Result<Api::Batch> create(const Api::CreateBatchParams &params, qint64 ownerAccountId,
                              qint64 runnerAccountId);
    std::optional<Api::Batch> batch(const QString &id);
    /** The batches an account owns, newest first. */
    QList<Api::Batch> batches(qint64 ownerAccountId);
    /** Cancels a batch: it stops sending, keeps what finished, and writes the rest as batch_cancelled. */
    Result<Api::Batch> cancel(const QString &id);
    /** Starts (or takes over) every unfinished run whose runner account is free. Done at construction's
     *  next event loop turn and every 5 seconds. */
    void resume();
    /** Stops every run of this process without losing anything (quitting); they resume at the next start. */
    void pauseAll();
    /** Whether this process runs batches (default true). The CLI runs them only while a command waits for
     *  them (submit --wait, batches wait); otherwise they wait for the app or the next such command. */
    void setAutoRun(bool run);
    bool autoRun() const { return m_autoRun; }
    /** Runs of this process now. */
    int running() const { return int(m_runs.size()); }

    // Api::LocalBackend
    bool isLocal(QStringView id) const override { return isLocalId(id); }
    std::optional<Api::FileObject> localFile(const QString &id) const override { return file(id); }
    QList<Api::FileObject> localFiles(qint64 ownerAccountId) const override { return files(ownerAccountId); }
    Result<void> removeLocalFile(const QString &id) override { return removeFile(id); }
    QString localPath(const QString &fileId) const override { return pathOf(fileId); }
    Result<Api::Batch> createLocal(const Api::CreateBatchParams &params, qint64 ownerAccountId,
                                   qint64 runnerAccountId) override
    {
        return create(params, ownerAccountId, runnerAccountId);
    }
    std::optional<Api::Batch> localBatch(const QString &id) override { return batch(id); }
    QList<Api::Batch> localBatches(qint64 ownerAccountId) override { return batches(ownerAccountId); }
    Result<Api::Batch> cancelLocal(const QString &id) override { return cancel(id); }

signals:
    void batchChanged(const Batchdesk::Api::Batch &batch);

private:
    struct Record;
    struct Run;

    QString batchDir(const QString &id) const;
    std::shared_ptr<Record> load(const QString &id) const;
    std::shared_ptr<Record> record(const QString &id);
    Result<void> save(const Record &record) const;
    void startRun(const std::shared_ptr<Record> &record);
    void onProgress(const QString &id, const RunProgress &progress);
    void onFinished(const QString &id, RealtimeRunner::Outcome outcome, const QString &error);
    void tick();
    Api::Batch toBatch(const Record &record) const;
    QThread *workerThread();

    QString m_root;
    Resolver m_resolver;
    QHash<QString, std::shared_ptr<Record>> m_records;
    QHash<QString, std::shared_ptr<Run>> m_runs; ///< batch id → its run in this process
    QSet<qint64> m_resolving; ///< runner accounts whose target is being resolved
    QThread *m_thread = nullptr;
    QTimer m_tick;
    bool m_autoRun = true;
};

} // namespace Batchdesk::Realtime
