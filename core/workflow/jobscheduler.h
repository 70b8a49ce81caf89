#pragma once

#include "api/apierror.h"
#include "api/types.h"
#include "common/result.h"
#include "cost/pricetable.h"
#include "jsonl/splitter.h"
#include "store/jobstore.h"
#include "submission.h"

#include <QFutureWatcher>
#include <QHash>
#include <QObject>
#include <QPointer>
#include <QSet>
#include <QTimer>

#include <functional>
#include <memory>

namespace Batchdesk::Api {
class ApiClient;
}
namespace Batchdesk::Store {
class IntentStore;
}

namespace Batchdesk::Workflow {

class ResultsFetcher;
class IntentReconciler;

/** The outcomes a retry round can take again, as the CLI and the store spell them. */
QStringList retryOutcomeNames();
/** Parses "failed,expired" (or "all"); an unknown name is an error. */
Result<QStringList> parseRetryOutcomes(const QString &text);

/** What a job is made of before it is recorded: its parts (already written and validated) and its policy. */
struct JobSpec
{
    QString id; ///< empty: a new one (Store::JobStore::newJobId())
    QString name; ///< shown to the user: the source file's name
    QString sourcePath;
    QString folder; ///< where the part files are (kept with the job)
    QString profile; ///< the limit profile the parts were split for (retry rounds are split the same way)
    Api::CreateBatchParams params; ///< endpoint, metadata, expiry of every part (no input file id)
    QList<Jsonl::SplitPart> parts;
    int retryRounds = 0; ///< K retry rounds for the outcomes below (0: off)
    QStringList retryOutcomes; ///< default: failed, expired, cancelled, missing
    /** The budget cap in dollars (0: none). addJob() refuses a job whose estimate is above it (or that has no
     *  estimate to judge by), and a retry round is not submitted when what the job has spent plus the round's
     *  estimate would pass it. */
    double budget = 0;
    /** The cost estimate of the source file (Cost::estimateFileTokens with the price table), made by the
     *  caller on a worker thread; kept with the job. */
    std::optional<Cost::CostEstimate> estimate;
};

/** How the scheduler of an account behaves. */
struct SchedulerSettings
{
    /** Batches of the account running at once (the provider's limit; DeepInfra: 100). */
    int maxInFlight = 100;
    /** Uploads at once: parts are large and the provider's storage is shared. */
    int maxSubmitting = 1;
    /** > 0: the scheduler polls its running batches itself (the CLI); 0: they come from observe() (the app's
     *  BatchMonitor). */
    int pollIntervalMs = 0;
};

/**
 * The queue of job parts of one account (or base URL): the one engine behind "split and submit" in the app
 * and the CLI.
 *
 * addJob() records a job and its parts (JobStore) and submits parts, one upload at a time, while fewer than
 * maxInFlight batches of the account run; the rest wait as Queued and go as batches finish. A part's state is
 * written before each step, and its client id before its submission starts, so resume() after a kill finds
 * out for each part that was being submitted whether its batch exists (the intent, else the server's list by
 * client id) and submits only the parts that have none: no part twice, none forgotten.
 *
 * When the last batch of a round has finished and the job's retry policy allows another round, the results
 * of every part are downloaded (ResultsFetcher), the requests whose latest result is one of the retried
 * outcomes are written to a new input (Results::writeResubmit over the job's joined results, on a worker
 * thread), split the same way and queued as the next round. The job's joined table then shows the latest
 * result per request; every round's batches and result files are kept (the attempt history).
 *
 * Lives in the thread of its client; its connections end with it (an account switch destroys it).
 */
class JobScheduler final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(JobScheduler)

public:
    JobScheduler(Api::ApiClient *client, Store::JobStore *jobs, Store::IntentStore *intents,
                 ResultsFetcher *fetcher, Scope scope, SchedulerSettings settings = {},
                 QObject *parent = nullptr);
    ~JobScheduler() override;

    const SchedulerSettings &settings() const { return m_settings; }
    void setMaxInFlight(int n);

    /** Records a job and starts submitting its parts. */
    Result<Store::Job> addJob(const JobSpec &spec);
    /** Records a job and its parts, all queued, for the account of scope without running anything: the
     *  scheduler of that account takes it up at its next resume() (a job sent to another account). */
    static Result<Store::Job> recordJob(Store::JobStore *jobs, const Scope &scope, const JobSpec &spec);
    /**
     * Takes up the unfinished jobs of the scope: parts being submitted when the process stopped are checked
     * (intent, then the server's batches by client id), then queued parts are submitted as slots free. Done
     * once at start; also after a failed check (tried again).
     */
    void resume();
    /** Queues a stopped (failed) job's failed parts again and resumes it. */
    Result<void> resumeJob(const QString &jobId);
    /** Drops the queued parts, stops a running submission and cancels the running batches of a job. */
    Result<void> cancelJob(const QString &jobId);
    /** Drops one queued part (it is not submitted). */
    Result<void> cancelPart(const QString &jobId, int round, int part);
    /**
     * Starts a retry round now for the requests whose latest result is one of outcomes (the job must have no
     * batch running). Allows one more round than the job's policy when needed.
     */
    Result<void> retryJob(const QString &jobId, const QStringList &outcomes);

    /**
     * Straggler fallback: cancels the job's running batches and queued parts, and once they have ended and
     * their results are here, runs the requests that have no result (cancelled, expired, missing) as a new
     * round in real time on realtimeAccountId (a "Run here" account), whose answers join the job's results
     * like any round's. Every later round runs there too. Also for a finished job with requests left.
     */
    Result<void> finishInRealtime(const QString &jobId, qint64 realtimeAccountId);
    /** Keeps a job's fallback policy: finishInRealtime() by itself once the job has run afterHours hours, or
     *  once atPercent % of its current round's requests have ended (0: that trigger is off). */
    Result<void> setRealtimePolicy(const QString &jobId, qint64 realtimeAccountId, double afterHours,
                                   int atPercent);
    /** The outcomes a straggler round runs: the requests without a result. */
    static QStringList stragglerOutcomeNames();

    /** A batch as the monitor (or the scheduler's own polling) saw it: frees slots, ends rounds. Running
     *  batches that are no job's part count against the limit too (the provider counts them). */
    void observe(const Api::Batch &batch);
    void observe(const QList<Api::Batch> &batches);

    /** Batches running or being submitted now: job parts, and other batches of the account seen running. */
    int inFlight() const;
    /** Parts waiting for a slot. */
    int queued() const;
    /** Whether a job still has work (queued, submitting, running or a round being prepared). */
    bool isActive(const QString &jobId) const;
    /** Whether nothing is being submitted or prepared right now (the queue may still wait for slots). */
    bool isQuiet() const;
    Store::JobStore *store() const { return m_jobs; }
    const Scope &scope() const { return m_scope; }
    /** The submission of a part now running, if any (for upload progress). */
    QList<Submission *> submissions() const;

signals:
    /** A job or one of its parts changed (state, batch, counts). */
    void jobChanged(const QString &jobId);
    void submissionStarted(Batchdesk::Workflow::Submission *submission, const QString &jobId);
    void partSubmitted(const QString &jobId, const Batchdesk::Api::Batch &batch);
    /** The job finished: every part of its last round ended (state Finished), or it was cancelled. */
    void jobFinished(const QString &jobId);
    /** Something needs the user: a refused submission stopped a job, a check failed. */
    void problem(const QString &text);
    /** Nothing is being submitted or prepared any more (see isQuiet()). */
    void quiet();

private:
    struct RoundWork;
    void pump();
    void startPart(Store::JobPart part, const Store::Job &job);
    void onSubmissionFinished(Submission *submission, Store::JobPart part);
    void reconcile();
    void applyReconciled(const QSet<QString> &notFound);
    void advance(const QString &jobId);
    void prepareRound(const Store::Job &job, const QList<Store::JobPart> &parts, const QStringList &outcomes,
                      qint64 runnerAccountId);
    /** Cancels a running batch of a job (m_client must be set); the answer is observed, a failure reported.
     */
    void cancelBatch(const QString &jobId, const QString &batchId);
    /** finishInRealtime() when the job's policy says so. */
    void checkRealtimePolicy(const QString &jobId);
    void onRoundPrepared(const QString &jobId);
    void poll();
    void failJob(Store::Job job, const QString &text);
    void finishJob(Store::Job job, Store::Job::State state);
    void emitQuietIfSo();
    QList<Store::Job> activeJobs() const;
    int countActiveParts(const std::function<bool(const Store::JobPart &)> &which) const;
    std::optional<Store::JobPart> findPart(const QString &batchId) const;
    Result<void> save(const Store::JobPart &part);

    QPointer<Api::ApiClient> m_client;
    Store::JobStore *m_jobs;
    Store::IntentStore *m_intents;
    QPointer<ResultsFetcher> m_fetcher;
    Scope m_scope;
    SchedulerSettings m_settings;
    QHash<QString, QPointer<Submission>> m_running; ///< "job/round/part" -> its submission
    QHash<QString, Api::Batch> m_batches; ///< the last seen state of the batches of parts
    QSet<QString> m_preparing; ///< jobs whose next round is being written
    QSet<QString> m_otherRunning; ///< running batches of the account that are no job's parts (observed)
    QSet<QString> m_waitingForResults; ///< jobs whose parts' results are being downloaded
    QPointer<IntentReconciler> m_reconciler;
    QTimer m_pollTimer;
    int m_pollCursor = 0;
    int m_polling = 0; ///< polls in flight
    int m_cancels = 0; ///< cancel requests in flight
    bool m_pumping = false;
};

} // namespace Batchdesk::Workflow
