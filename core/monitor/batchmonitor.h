#pragma once

#include "api/apierror.h"
#include "api/types.h"
#include "eta.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QHash>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QSet>
#include <QTimer>

#include <functional>
#include <optional>

class QNetworkReply;

namespace Batchdesk::Api {
class ApiClient;
class ApiJob;
} // namespace Batchdesk::Api

namespace Batchdesk::Store {
class BatchCache;
class SampleStore;
} // namespace Batchdesk::Store

namespace Batchdesk::Monitor {

/** Tuning of BatchMonitor. The defaults suit a desktop app; tests and benchmarks shorten them. */
struct MonitorSettings
{
    /** Interval after a round in which a status or a request count moved. */
    int fastIntervalMs = 3000;
    /** Longest interval while batches are active but nothing moves. */
    int slowIntervalMs = 60'000;
    /** Each round without movement multiplies the interval by this (fast → slow). */
    double slowdownFactor = 1.6;
    /** First delay after a failed round; doubled per further failure up to errorMaxMs. */
    int errorInitialMs = 5000;
    int errorMaxMs = 300'000;
    /** More active batches than this are polled with ONE list call per round instead of one retrieve each. */
    int listThreshold = 4;
    /** Page size of list calls (the APIs accept 1..100). */
    int listPageLimit = 100;
    /** Rows added to the page estimate for batches created elsewhere since the last round. */
    int listSlack = 20;
    /** Progress samples kept per batch (oldest dropped first). */
    int historyLimit = 512;
};

/**
 * Polls the batches of one account and reports their changes, one batched update per round.
 *
 * Rounds: a single-shot timer starts a round; the next one is armed only after the previous round was fully
 * handled, so rounds never overlap. A round retrieves each active (non-terminal) batch when there are at most
 * MonitorSettings::listThreshold of them, and otherwise makes ONE list call with just enough pages to cover
 * the oldest active batch (newest-first order; when an active batch is not found, the next rounds read one
 * page more, and a batch missing from a complete listing is retrieved on its own). reloadAll() lists every
 * page once and starts tracking any active batch it finds.
 *
 * Interval: fastIntervalMs after a round in which a status or a request count moved, then growing by
 * slowdownFactor up to slowIntervalMs while nothing moves. A failed round backs off from errorInitialMs,
 * doubling up to errorMaxMs, and never polls before the server's `Retry-After` / `retry-after-ms` (read from
 * the replies of this client's NAM, so 429s that the job layer already retried still count). Nothing is
 * polled while every tracked batch is terminal: track() of an active batch or refreshNow() wakes it up.
 *
 * Signals, per round, in this order: roundStarted(); then at most one batchesUpdated(changed) with every
 * batch whose JSON changed (or that was seen for the first time); then batchFinished() once per batch that
 * moved from a non-terminal to a terminal state during this monitor's life; then roundFailed() (the round
 * failed) or recovered() (first good round after failures); then roundFinished() and stateChanged(). A round
 * in which some retrieves failed still reports the batches that did arrive. intervalChanged() whenever the
 * adaptive interval changes. The next timer is armed before these signals, so slots may call refreshNow(),
 * track() or stop() safely.
 *
 * With a BatchCache (setCache), every changed batch is written to it after each round, and loadFromCache()
 * seeds the monitor at start so the list shows at once. With a SampleStore (setSampleStore), every progress
 * sample is written after its round and loadFromCache() restores the history, so the chart and the ETA
 * survive a restart.
 *
 * Lifecycle and ownership: the ApiClient (and its QNetworkAccessManager) and the cache are not owned and must
 * outlive the monitor. Nothing is polled before start(); stop() (also called by the destructor) aborts the
 * running round without emitting its results. Threading: the thread of the client (GUI thread), with an
 * event loop; not thread-safe.
 */
class BatchMonitor final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(BatchMonitor)

public:
    /** Wall-clock source in ms since the epoch (for samples and the ETA); replaceable in tests. */
    using Clock = std::function<qint64()>;

    explicit BatchMonitor(Api::ApiClient *client, QObject *parent = nullptr);
    ~BatchMonitor() override;

    void setSettings(const MonitorSettings &settings);
    const MonitorSettings &settings() const { return m_settings; }
    void setClock(Clock clock);
    qint64 nowMs() const { return m_clock(); }

    /** Writes changed batches to the cache under this account after every round. nullptr disables it. */
    void setCache(Store::BatchCache *cache, qint64 accountId);
    /** Persists the progress samples under the cache's account (see setCache); nullptr disables it. Not
     *  owned. */
    void setSampleStore(Store::SampleStore *samples) { m_samples = samples; }
    /** Seeds the monitor with the cached batches of the account (tracking the active ones) and their stored
     *  progress samples, and returns the batches, newest first, for the model's first fill. Emits nothing but
     *  stateChanged(). */
    QList<Api::Batch> loadFromCache();

    /** Starts (or updates) tracking a batch, e.g. just created; when it is active and the monitor is started
     *  but idle, a round is scheduled at once. */
    void track(const Api::Batch &batch);
    /** Tracks a batch known only by id; its first round retrieves it. */
    void track(const QString &batchId);
    /** Forgets a batch (no signal). */
    void untrack(const QString &batchId);

    /** Enables polling; a round starts at once when any tracked batch is active or reloadAll() is pending. */
    void start();
    /** Disables polling and aborts a running round (its results are dropped, no signals). */
    void stop();
    bool isStarted() const { return m_started; }

    /** A round at once (user action). Coalesced: during a round, exactly one more round follows it. Honours a
     *  server-requested delay (Retry-After) still running. With nothing active it lists the newest page once
     *  (batches created elsewhere appear); no-op before start(). */
    void refreshNow();
    /** Like refreshNow(), but the round lists every page of the account (first load, "show all"); before
     *  start() it is remembered and start() begins with it. */
    void reloadAll();

    // State for a status line and the detail pane.
    QList<Api::Batch> batches() const;
    std::optional<Api::Batch> batch(const QString &batchId) const;
    /** Progress samples of a batch, oldest first (for a progress chart). */
    QList<ProgressSample> history(const QString &batchId) const;
    /** estimateEta() over the batch and its history, at the monitor's clock. */
    Eta eta(const QString &batchId) const;
    int activeCount() const;
    bool isRoundRunning() const { return m_round.has_value(); }
    /** Whether a poll is scheduled (false when idle, stopped, or during a round). */
    bool isPollScheduled() const { return m_timer.isActive(); }
    /** ms until the next scheduled round, or -1 when none is scheduled. */
    int nextPollInMs() const;
    int currentIntervalMs() const { return m_intervalMs; }
    /** When the last round finished (successfully or not); null before the first. */
    QDateTime lastRefresh() const { return m_lastRefresh; }
    int consecutiveFailures() const { return m_failures; }
    const Api::ApiError &lastError() const { return m_lastError; }

    /** Counters since construction (status line, tests, benchmark). */
    struct Stats
    {
        int rounds = 0;
        int failedRounds = 0;
        int listCalls = 0; ///< list jobs started (a job may read several pages)
        int retrieveCalls = 0;
    };
    const Stats &stats() const { return m_stats; }

signals:
    void roundStarted();
    /** The batches that changed in one round (new ones included), in no particular order. */
    void batchesUpdated(const QList<Batchdesk::Api::Batch> &changed);
    /** A tracked batch reached a terminal state (for notifications). */
    void batchFinished(const Batchdesk::Api::Batch &batch);
    void roundFailed(const Batchdesk::Api::ApiError &error);
    /** The first successful round after one or more failed ones. */
    void recovered();
    void roundFinished();
    void intervalChanged(int ms);
    /** Anything of the status-line state changed (round running, next poll, active count, last refresh). */
    void stateChanged();

private:
    struct Entry
    {
        Api::Batch batch;
        QList<ProgressSample> history;
        bool placeholder = false; ///< tracked by id, not seen yet
        bool gone = false; ///< 404 on retrieve: no longer polled
    };
    struct Round
    {
        // A user-provided constructor: clang cannot use the implicit one of a nested class with default
        // member initializers while the enclosing class is incomplete (std::optional<Round> below).
        Round() { }
        bool full = false;
        bool followUp = false;
        bool listHasMore = false;
        bool listed = false;
        int pending = 0;
        QList<QPointer<Api::ApiJob>> jobs;
        QList<Api::Batch> received;
        QStringList gone;
        std::optional<Api::ApiError> error;
    };

    void startRound(bool full);
    void launchList(int maxPages);
    void launchRetrieve(const QString &batchId);
    void onJobFinished(Api::ApiJob *job);
    void finishRound();
    /** Applies received batches; returns the changed ones, sets *moved and collects newly finished ones. */
    QList<Api::Batch> apply(const QList<Api::Batch> &received, bool *moved, QList<Api::Batch> *finished);
    QStringList activeIds() const;
    int pagesFor(const QStringList &active) const;
    void scheduleNext(int delayMs);
    void setInterval(int ms);
    int serverDelayRemainingMs() const;
    void onReplyFinished(QNetworkReply *reply);
    static bool isActive(const Entry &e);
    /** Adds a sample to the history of a batch (when the counts moved) and queues it for the sample store. */
    void addSample(const QString &batchId, Entry &e, const ProgressSample &s);
    void writeSamples();

    Api::ApiClient *m_client;
    Store::BatchCache *m_cache = nullptr;
    Store::SampleStore *m_samples = nullptr;
    QList<QPair<QString, ProgressSample>> m_unsavedSamples;
    qint64 m_accountId = 0;
    MonitorSettings m_settings;
    Clock m_clock;
    QTimer m_timer;
    QHash<QString, Entry> m_entries;
    std::optional<Round> m_round;
    bool m_started = false;
    bool m_pendingRefresh = false;
    bool m_pendingFull = false;
    int m_intervalMs = 0;
    int m_extraPages = 0;
    int m_failures = 0;
    Api::ApiError m_lastError;
    QDateTime m_lastRefresh;
    QElapsedTimer m_monotonic;
    qint64 m_serverNotBeforeMs = 0; ///< on m_monotonic's scale
    Stats m_stats;
    bool m_forceRound = false; ///< refreshNow(): a round even when nothing is active
    // Results of a listing whose missing active batches are being retrieved in the same round.
    QList<Api::Batch> m_followUpChanged;
    QList<Api::Batch> m_followUpFinished;
    bool m_followUpMoved = false;
};

} // namespace Batchdesk::Monitor
