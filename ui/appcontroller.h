#pragma once

#include "api/apierror.h"
#include "api/retrypolicy.h"
#include "api/types.h"
#include "common/result.h"
#include "cost/pricetable.h"
#include "jsonl/splitter.h"
#include "monitor/batchmonitor.h"
#include "realtime/localbatches.h"
#include "results/joinplan.h"
#include "sandbox/sandboxserver.h"
#include "store/account.h"
#include "store/intentstore.h"
#include "store/jobstore.h"
#include "workflow/submission.h"

#include <QObject>
#include <QSet>
#include <QTimer>

#include <functional>
#include <memory>
#include <optional>

class QNetworkAccessManager;

namespace Batchdesk::Api {
class ApiClient;
}
namespace Batchdesk::Store {
class AccountStore;
class ResultsStore;
struct ResultDownload;
class BatchCache;
class Database;
class SampleStore;
class IntentStore;
} // namespace Batchdesk::Store
namespace Batchdesk::Secrets {
class SecretStore;
}
namespace Batchdesk::Workflow {
class AccountService;
class AccountSession;
} // namespace Batchdesk::Workflow
namespace Batchdesk::Models {
class BatchTableModel;
class FileTableModel;
class JobTreeModel;
} // namespace Batchdesk::Models

namespace Batchdesk::Ui {

/** What the desktop app is made of, replaceable by the GUI tests (a fast sandbox, short polling, no retries).
 */
struct AppOptions
{
    /** Template of the in-process sandbox; an empty dataDir becomes dataDirectory()/sandbox, an empty apiKey
     * a random key for this run. */
    Sandbox::SandboxConfig sandbox;
    Monitor::MonitorSettings monitor;
    std::optional<Api::RetryPolicy> retryPolicy;
    int keychainTimeoutMs = 10'000;
    /** Batches of job parts running at once per account; 0: the account's limit profile. */
    int maxInFlight = 0;
};

/** A workload already split into parts (by the CSV builder or the splitter), to be submitted as one job. */
struct JobDraft
{
    QString name; ///< what the user recognises: the source file's name
    QString sourcePath; ///< the CSV or JSONL the parts were made from
    QString folder; ///< where the part files are
    QString endpoint;
    QList<Jsonl::SplitPart> parts;

    qint64 requests() const;
};

/** A submission of the current account: the one implementation in core/workflow (shared with the CLI). */
using Submission = Workflow::Submission;

/**
 * The non-widget side of the desktop app: the database and its stores, the accounts (AccountService), the
 * in-process sandbox, the table models the pages show, and the session of the selected account
 * (Workflow::AccountSession: its client, monitor, results fetcher, job scheduler and file list). Selecting an
 * account destroys the previous session with everything it started and creates a new one.
 *
 * Widgets call these functions and observe the models and signals; the functions forward to the session,
 * and the session's signals arrive here as the same signals as before. Nothing here blocks the GUI thread.
 * Background failures are reported with problem() (text + what to do) and cleared with problemCleared().
 * Owns everything it creates; lives in the GUI thread. It is the Results::JoinSource of the results view
 * (batches, inputs and saved results of the current account).
 */
class AppController final : public QObject, public Results::JoinSource
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AppController)

public:
    explicit AppController(AppOptions options = {}, QObject *parent = nullptr);
    ~AppController() override;

    /** Opens the database, creates the "Local sandbox" account when there is none, and selects the last used
     *  account (or the first one). Returns false with a message when the database cannot be opened. */
    bool initialize(QString *error = nullptr);

    QList<Store::Account> accounts() const;
    std::optional<Store::Account> currentAccount() const;
    qint64 currentAccountId() const { return m_currentId; }
    void selectAccount(qint64 accountId);
    /** Whether the current account is the in-process sandbox. */
    bool isSandbox(const Store::Account &account) const;

    /** Adds (id == 0) or updates an account; a key, when given, is written to the keychain first. A new
     *  account becomes the current one unless selectNew is false (one added from a job's dialog). */
    void saveAccount(Store::Account account, const std::optional<QString> &key,
                     std::function<void(const QString &error)> done, bool selectNew = true);
    /** The "Run here" accounts (preset Realtime), in the order of accounts(). */
    QList<Store::Account> realtimeAccounts() const;
    /** Removes an account, its keychain entry and its cache. */
    void removeAccount(qint64 accountId, std::function<void(const QString &error)> done);
    /** Lists the models and the newest batches of an endpoint; done(text, ok) with a one-line summary. */
    void testConnection(const Store::Account &account, const QUrl &baseUrl, const QString &key,
                        std::function<void(const QString &, bool)> done);
    /** Reads the stored key of an account (for the edit dialog's test). */
    void readKey(const Store::Account &account,
                 std::function<void(const QString &key, const QString &error)> done);

    /** The session of the current account (nullptr before initialize()). */
    Workflow::AccountSession *session() const { return m_session.get(); }
    Workflow::AccountService *accountService() const { return m_accountService.get(); }
    Api::ApiClient *client() const;
    Monitor::BatchMonitor *monitor() const;
    Models::BatchTableModel *batchModel() const { return m_batchModel; }
    Models::FileTableModel *fileModel() const { return m_fileModel; }
    Models::JobTreeModel *jobModel() const { return m_jobModel; }
    Store::IntentStore *intents() const { return m_intents.get(); }
    Store::JobStore *jobStore() const { return m_jobs.get(); }
    Secrets::SecretStore *secrets() const { return m_secrets.get(); }
    Sandbox::SandboxServer *sandbox() const { return m_sandbox.get(); }
    /** The batch cache of every account (the "All accounts" view reads and fills it). */
    Store::BatchCache *batchCache() const { return m_cache.get(); }
    /** The in-process sandbox's base URL and key of this run, starting it when it is not running; false
     *  with *error when it cannot start. */
    bool sandboxEndpoint(QUrl *baseUrl, QString *key, QString *error);
    const AppOptions &options() const { return m_options; }
    /** Whether the current account's client is ready (key read, base URL known). */
    bool isConnected() const;

    /** A round at once, plus the files. */
    void refresh();
    void refreshFiles();
    void cancelBatch(const QString &batchId);
    /** Downloads the output and error files of a batch into folder; reports with notice()/problem(). */
    void downloadResults(const Api::Batch &batch, const QString &folder);
    void deleteFile(const QString &fileId);
    /** Input files uploaded for a submission that created no batch (it failed or was interrupted) and that
     *  the server still has: storage that costs and helps nobody. Known after each file listing. */
    QList<Store::Upload> orphanUploads() const;
    /** Deletes every orphan upload from the server. */
    void deleteOrphanUploads();
    /** Starts a submission of a validated file with the current account (nullptr before initialize()). */
    Submission *submit(const QString &path, const Api::CreateBatchParams &params);
    /**
     * submit() with a budget cap (dollars; <= 0: none): refused before anything is uploaded (nullptr, the
     * reason in *refused) when the estimate is above the budget or there is no estimate or price to judge by
     * (Cost::checkBudget()).
     */
    Submission *submit(const QString &path, const Api::CreateBatchParams &params, double budget,
                       const std::optional<Cost::CostEstimate> &estimate, QString *refused = nullptr);
    /** The Api::Provider id of an account (whose prices estimate its batches); empty when unknown. */
    QString providerOf(qint64 accountId) const;
    /** Whether a submission runs (a single batch's or a job part's). */
    bool isSubmitting() const;
    /** Whether a single batch's submission runs: quitting loses it (a job's part is resumed at the next
     *  start). */
    bool isSubmittingBatch() const;
    QString inputPathOf(const QString &batchId) const override;
    /** The SHA-256 recorded for the input of a batch when it was submitted, or empty. */
    QString inputSha256Of(const QString &batchId) const override;
    /** The newest batch of the current account whose recorded input has this SHA-256, if any. */
    std::optional<Api::Batch> batchWithInputSha256(const QString &sha256) const;
    /** Remembers the local input of a batch created elsewhere (the user chose it for the joined view). */
    void setInputPath(const QString &batchId, const QString &path);

    // Results kept by the app ----------------------------------------------------------------------------
    using ResultsState = Results::ResultsState;
    Store::ResultsStore *resultsStore() const { return m_results.get(); }
    /** dataDirectory()/results/<account id>/<batch id>. */
    QString resultsFolderOf(const QString &batchId) const;
    /** From the session's ResultsFetcher (queued, downloading, failed) and the ResultsStore (saved). */
    ResultsState resultsState(const QString &batchId) const override;
    /** The text of the last failed download of the batch in this session. */
    QString resultsError(const QString &batchId) const override;
    /** The recorded download of a batch of the current account. */
    std::optional<Store::ResultDownload> resultDownload(const QString &batchId) const override;
    /** Downloads the output and error files of a finished batch into its results folder (no-op while one
     *  runs); resultsChanged() follows. Done automatically for batches submitted from the app. */
    void fetchResults(const Api::Batch &batch);
    /** The batch and its resubmits (root first), for one joined table. */
    QStringList resultsChain(const QString &batchId) const override;
    /** Deletes the remote output and error files of a batch whose results are saved locally. */
    void deleteRemoteFiles(const QString &batchId, std::function<void(const QString &error)> done);
    /** The next batch created from path resubmits parentBatchId (its results join onto the same table). */
    void setResubmitParent(const QString &path, const QString &parentBatchId);
    std::optional<Api::Batch> batchById(const QString &batchId) const override;

    /** The model ids of the current account (GET /models); done(ids, error). */
    void fetchModels(std::function<void(const QStringList &ids, const QString &error)> done);

    // Jobs
    // ---------------------------------------------------------------------------------------------------
    /**
     * Records the parts of a split file or build as one job of the current account (Workflow::JobScheduler):
     * they are submitted while fewer than maxInFlight() batches of the account's jobs run, the others wait
     * as Queued, and an unfinished job is resumed at the next start. Each batch carries the metadata
     * batchdesk_job (the job id) and batchdesk_part ("2/3"), so the list can group them and the results join
     * in one table. retryRounds > 0 retries the requests that did not succeed up to that many rounds.
     */
    /** accountId: another account than the current one records the job for it and switches to it; its
     *  session takes the job up as it starts. */
    /** budget (dollars; 0: none) and estimate go with the job (Workflow::JobSpec): a job above its budget is
     *  refused (error "over_budget", nothing recorded or uploaded), and its retry rounds keep to it. */
    Result<Store::Job> submitJob(const JobDraft &draft, const Api::CreateBatchParams &params,
                                 int retryRounds = 0, qint64 accountId = 0, double budget = 0,
                                 const std::optional<Cost::CostEstimate> &estimate = std::nullopt);
    /** The batches of a job, in part order (known to the list); retry rounds after the first round. */
    QList<Api::Batch> jobBatches(const QString &jobId) const override;
    /** Drops the queued parts and cancels every batch of a job that is still running. */
    Result<void> cancelJob(const QString &jobId);
    /** Drops one queued part of a job: it is never submitted. */
    Result<void> cancelJobPart(const QString &jobId, int round, int part);
    /** Queues the parts of a stopped job again. */
    Result<void> resumeJob(const QString &jobId);
    /** A retry round now for the requests whose latest outcome is one of outcomes (failed, expired, ...). */
    Result<void> retryJob(const QString &jobId, const QStringList &outcomes);
    /** Straggler fallback (JobScheduler::finishInRealtime): cancels the job's running batches and queued
     *  parts and runs the requests without a result on the "Run here" account accountId. */
    Result<void> finishJobInRealtime(const QString &jobId, qint64 accountId);
    /** The job's fallback policy (JobScheduler::setRealtimePolicy): after hours hours or at percent % of the
     *  requests ended (0: that trigger is off; both 0: no policy). */
    Result<void> setJobRealtimePolicy(const QString &jobId, qint64 accountId, double hours, int percent);
    /** Whether the job still has work (queued, submitting or running parts). */
    bool isJobActive(const QString &jobId) const;
    /** Batches of job parts the current account runs at once. */
    int maxInFlight() const;

    /**
     * Writes a small example batch (12 chat requests for the current account's default model; in the sandbox
     * two of them fail on purpose) to dataDirectory()/samples/sample-batch.jsonl and returns its path, or
     * an empty string with *error set.
     */
    QString writeSampleBatch(QString *error) const;

    /** "Last refresh 10:41:07 · polling every 15 s · 3 active". */
    QString statusText() const;

signals:
    void orphanUploadsChanged();
    void accountsChanged();
    void currentAccountChanged();
    /** A background failure: what happened and what to do. */
    void problem(const QString &text);
    void problemCleared();
    /** A positive outcome worth a line in the banner (download done, batch created). */
    void notice(const QString &text, const QString &folder = {});
    void batchFinished(const Batchdesk::Api::Batch &batch);
    void statusChanged();
    void filesLoadingChanged(bool loading);
    void submissionStarted(Batchdesk::Ui::Submission *submission);
    void batchCreated(const Batchdesk::Api::Batch &batch);
    /** The results state of a batch changed (download started, finished or failed; remote files deleted). */
    void resultsChanged(const QString &batchId);
    void resultsProgress(const QString &batchId, qint64 bytes);

private:
    void connectSession();
    bool ensureSandbox(QString *error);
    /** Records the local input of a batch now and its SHA-256 once computed off the GUI thread. */
    void rememberLocalInput(qint64 accountId, const QString &batchId, const QString &path);
    void loadJobs();
    void updateDirtyJobs();
    Result<void> withScheduler(const std::function<Result<void>()> &call) const;

    AppOptions m_options;
    std::shared_ptr<Store::Database> m_db;
    std::unique_ptr<Store::AccountStore> m_accountStore;
    std::unique_ptr<Store::IntentStore> m_intents;
    std::unique_ptr<Store::BatchCache> m_cache;
    std::unique_ptr<Store::SampleStore> m_samples;
    std::unique_ptr<Store::ResultsStore> m_results;
    std::unique_ptr<Store::JobStore> m_jobs;
    std::unique_ptr<Secrets::SecretStore> m_secrets;
    std::unique_ptr<Sandbox::SandboxServer> m_sandbox;
    QString m_sandboxKey; ///< the in-process sandbox's key of this run (never stored)
    QNetworkAccessManager *m_nam;
    std::unique_ptr<Workflow::AccountService> m_accountService;
    /** Real-time runs (destroyed after the session that uses it, before the accounts it asks for keys). */
    std::unique_ptr<Realtime::LocalBatches> m_localBatches;
    std::unique_ptr<Workflow::AccountSession> m_session;
    Models::BatchTableModel *m_batchModel;
    Models::FileTableModel *m_fileModel;
    Models::JobTreeModel *m_jobModel;
    qint64 m_currentId = 0;
    QSet<QString> m_dirtyJobs; ///< jobs changed since the job model was last updated
    QTimer m_jobTimer;
};

} // namespace Batchdesk::Ui
