#pragma once

#include "api/apierror.h"
#include "api/retrypolicy.h"
#include "api/types.h"
#include "common/result.h"
#include "monitor/batchmonitor.h"
#include "store/account.h"
#include "store/intentstore.h"
#include "store/jobstore.h"
#include "submission.h"

#include <QHash>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QSet>
#include <QUrl>

#include <functional>
#include <memory>
#include <optional>

class QNetworkAccessManager;

namespace Batchdesk::Api {
class ApiClient;
class LocalBackend;
} // namespace Batchdesk::Api
namespace Batchdesk::Store {
class BatchCache;
class ResultsStore;
class SampleStore;
} // namespace Batchdesk::Store
namespace Batchdesk::Secrets {
class SecretStore;
}

namespace Batchdesk::Workflow {

class JobScheduler;
class ResultsFetcher;
struct JobSpec;

/** The app-wide stores a session records into (not owned; they outlive every session). */
struct SessionStores
{
    Store::IntentStore *intents = nullptr;
    Store::BatchCache *cache = nullptr;
    Store::SampleStore *samples = nullptr;
    Store::ResultsStore *results = nullptr;
    Store::JobStore *jobs = nullptr;
    /** The batches run on this machine ("Run here" accounts, a job's stragglers); may be null. */
    Api::LocalBackend *local = nullptr;
};

/** How a session's engine is tuned (the app's defaults; the GUI tests shorten them). */
struct SessionSettings
{
    Monitor::MonitorSettings monitor;
    std::optional<Api::RetryPolicy> retryPolicy;
    /** Batches of job parts running at once; 0: the account's limit profile (LimitProfile::maxInFlight). */
    int maxInFlight = 0;
};

/**
 * Everything of the one selected account of the desktop app: its ApiClient, BatchMonitor, ResultsFetcher (the
 * one download queue of its results), JobScheduler (its jobs, resumed at start), its file list, and the
 * submissions started from it.
 *
 * Lifecycle: created when the account is selected, destroyed when another one is (or the app quits).
 * start() resolves the key (the keychain asynchronously) and connects: the monitor starts from the cached
 * batches, the files are listed, pending submission intents are reconciled with the server and then the
 * unfinished jobs are resumed. Everything it starts is its child or is connected with it as the context, so a
 * late reply, a keychain answer or a download of an account that is no longer selected reaches nothing: no
 * generation counters. Destruction aborts its running submissions (finished() is emitted with Canceled; a
 * job's part being uploaded is submitted again by the next session's resume()).
 *
 * The session owns no item models: it reports what changed with signals (batchesChanged, filesChanged, ...)
 * and the app applies them to its models; the monitor feeds the batch model directly (monitor()). QtCore and
 * QtNetwork only, GUI thread (the thread of its network access manager).
 */
class AccountSession final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AccountSession)

public:
    AccountSession(Store::Account account, SessionStores stores, Secrets::SecretStore *secrets,
                   QNetworkAccessManager *nam, SessionSettings settings, QObject *parent = nullptr);
    ~AccountSession() override;

    const Store::Account &account() const { return m_account; }
    qint64 accountId() const { return m_account.id; }

    /** Connects with the account's base URL and key source (environment, keychain or none); a missing URL or
     *  key is reported with problem(). */
    void start();
    /** Connects with this base URL and key (the in-process sandbox). */
    void start(const QUrl &baseUrl, const QString &key);
    /** Whether the client, monitor, fetcher and scheduler exist (the key was found). */
    bool isConnected() const { return m_client != nullptr; }

    Api::ApiClient *client() const { return m_client.get(); }
    Monitor::BatchMonitor *monitor() const { return m_monitor.get(); }
    ResultsFetcher *fetcher() const { return m_fetcher.get(); }
    JobScheduler *scheduler() const { return m_scheduler.get(); }
    /** Batches of job parts the scheduler lets run at once. */
    int maxInFlight() const;

    // Batches -----------------------------------------------------------------------------------------------
    /** A monitor round at once, plus the files. */
    void refresh();
    void cancelBatch(const QString &batchId);
    /** Downloads the output and error files of a batch into a folder of the user's; notice()/problem(). */
    void downloadResults(const Api::Batch &batch, const QString &folder);
    /** Starts a submission of a validated file (a child of the session). */
    Submission *submit(const QString &path, const Api::CreateBatchParams &params);
    /** A submission started with submit() is uploading or creating. */
    bool isSubmittingBatch() const;
    /** Any submission runs: submit()'s or a job part's. */
    bool isSubmitting() const;
    /** The next batch created from path resubmits parentBatchId (its results join onto the same table). */
    void setResubmitParent(const QString &path, const QString &parentBatchId);
    /** The model ids of the account (GET /models); done(ids, error). Not called if the session goes first. */
    void fetchModels(std::function<void(const QStringList &ids, const QString &error)> done);

    // Files -------------------------------------------------------------------------------------------------
    void refreshFiles();
    bool isLoadingFiles() const { return m_filesLoading; }
    void deleteFile(const QString &fileId);
    /** Inputs uploaded for a submission that created no batch and that the server still has. */
    QList<Store::Upload> orphanUploads() const { return m_orphans; }
    void deleteOrphanUploads();

    // Results -----------------------------------------------------------------------------------------------
    /** Whether the batch was submitted from a local file (its results are downloaded by themselves). */
    bool hasLocalInput(const QString &batchId) const { return m_withLocalInput.contains(batchId); }
    void markLocalInput(const QString &batchId) { m_withLocalInput.insert(batchId); }
    /** Batches whose results are saved in the account's results folder. */
    const QSet<QString> &downloadedBatches() const { return m_downloaded; }
    /** Queues the results of a finished batch in the fetcher (no-op while queued or downloading). */
    void fetchResults(const Api::Batch &batch);
    /** Deletes the remote output and error files of a batch whose results are saved locally. */
    void deleteRemoteFiles(const QString &batchId, std::function<void(const QString &error)> done);

    // Jobs --------------------------------------------------------------------------------------------------
    /** Records a job in the scheduler, which submits its parts under maxInFlight(). */
    Result<Store::Job> addJob(const JobSpec &spec);

signals:
    /** start() succeeded: client(), monitor(), fetcher() and scheduler() exist now. */
    void connected();
    void problem(const QString &text);
    void problemCleared();
    void notice(const QString &text, const QString &folder = {});
    void statusChanged();
    /** Batches created, cancelled or found by this session (the monitor reports its own rounds). */
    void batchesChanged(const QList<Batchdesk::Api::Batch> &batches);
    void batchFinished(const Batchdesk::Api::Batch &batch);
    void batchCreated(const Batchdesk::Api::Batch &batch);
    void submissionStarted(Batchdesk::Workflow::Submission *submission);
    void filesLoadingChanged(bool loading);
    void filesChanged(const QList<Batchdesk::Api::FileObject> &files);
    void fileRemoved(const QString &fileId);
    void orphanUploadsChanged();
    /** The results state of a batch changed (queued, downloading, saved, failed, remote files deleted). */
    void resultsChanged(const QString &batchId);
    void resultsProgress(const QString &batchId, qint64 bytes);
    /** downloadedBatches() changed. */
    void downloadedChanged();
    /** A job or one of its parts changed (state, batch, counts). */
    void jobChanged(const QString &jobId);

private:
    void reconcilePendingIntents();
    void autoFetchResults();
    void onSubmissionFinished(Submission *submission);
    void onPartSubmitted(const QString &jobId, const Api::Batch &batch);
    void updateOrphans(const QList<Api::FileObject> &files);
    void reportError(const QString &what, const Api::ApiError &error);

    Store::Account m_account;
    SessionStores m_stores;
    Secrets::SecretStore *m_secrets;
    QNetworkAccessManager *m_nam;
    SessionSettings m_settings;
    // Destroyed in reverse order: the scheduler and the fetcher before the monitor, the client last.
    std::unique_ptr<Api::ApiClient> m_client;
    std::unique_ptr<Monitor::BatchMonitor> m_monitor;
    std::unique_ptr<ResultsFetcher> m_fetcher;
    std::unique_ptr<JobScheduler> m_scheduler;
    QList<QPointer<Submission>> m_submissions;
    QSet<QString> m_withLocalInput;
    QSet<QString> m_downloaded;
    QHash<QString, QString> m_resubmitParents; ///< absolute input path -> parent batch id
    QList<Store::Upload> m_orphans;
    bool m_filesLoading = false;
    bool m_filesReloadPending = false;
};

} // namespace Batchdesk::Workflow
