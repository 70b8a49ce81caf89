#pragma once

#include "api/provider.h"
#include "pacer.h"
#include "resultlog.h"

#include <QByteArray>
#include <QElapsedTimer>
#include <QFile>
#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QTimer>
#include <QUrl>

#include <deque>
#include <memory>
#include <optional>
#include <vector>

class QNetworkAccessManager;
class QNetworkReply;

namespace Batchdesk::Api {
class ApiClient;
}

namespace Batchdesk::Realtime {

/** How hard a run may push its endpoint. Kept with an account ("Run here") or given on the command line. */
struct Limits
{
    int concurrency = 4; ///< requests in flight at once
    int requestsPerMinute = 0; ///< 0: no limit
    int tokensPerMinute = 0; ///< 0: no limit (tokens are estimated, then corrected from the answers' usage)
    int maxAttempts = 6; ///< per request: the first and up to 5 retries on 429, 5xx, 408 and network errors
    int retryBaseMs = 1000; ///< backoff: base × 2^retry, with jitter, at most maxRetryDelayMs
    int maxRetryDelayMs = 60'000; ///< also caps a server's Retry-After
    int requestDeadlineMs = 10 * 60'000; ///< total time one attempt may take (a long generation is slow)
    qint64 maxResponseBytes = 64LL * 1024 * 1024; ///< a larger answer is an error, never read whole

    static constexpr int kMaxConcurrency = 256;
    /** Keys: concurrency, rpm, tpm, max_attempts. */
    QJsonObject toJson() const;
    static Limits fromJson(const QJsonObject &o);
    /** Empty when the values make sense, else a sentence saying which does not. */
    QString validate() const;
};

/** Where the requests go: an OpenAI-compatible real-time API (vLLM, Ollama, llama.cpp, LM Studio, a
 *  provider's real-time endpoint). The key lives in memory only and goes to the base URL's origin only. */
struct Target
{
    QUrl baseUrl; ///< e.g. http://localhost:8000/v1: the line's url "/v1/chat/completions" → base +
                  ///< "/chat/completions"
    QString apiKey; ///< may be empty (local servers without auth)
    Api::Provider provider = Api::Provider::openAiCompatible(); ///< how the key is sent
    QList<std::pair<QByteArray, QByteArray>> headers;
    QHash<QString, QString> modelMap; ///< the batch file's model → the model the endpoint serves

    /** The URL a line with this url ("/v1/chat/completions") is sent to. */
    QUrl urlFor(const QString &lineUrl) const;
    /** "a=b, c=d" (one pair per mapping) ↔ the map; an entry without "=" is an error. */
    static QString modelMapText(const QHash<QString, QString> &map);
    static std::optional<QHash<QString, QString>> parseModelMap(const QString &text, QString *error);
};

/** What one run is to do. */
struct RunTask
{
    QString inputPath; ///< the batch file (JSONL, OpenAI's line format)
    QString outputPath; ///< answers with a 2xx status, appended (Batch API output format)
    QString errorPath; ///< failed requests, and at the end the lines cancelled or expired
    Target target;
    Limits limits;
    qint64 expiresAtMs = 0; ///< wall clock (ms since the epoch) after which the run expires; 0: never
    int syncEveryLines = 256; ///< fsync after this many lines (and at least every second)
};

/** Counts of a run, as the Batch API's request_counts plus what a person watching wants to know. */
struct RunProgress
{
    qint64 total = 0; ///< lines of the input
    qint64 completed = 0; ///< answered with 2xx (in the output file)
    qint64 failed = 0; ///< failed for good (in the error file)
    qint64 inFlight = 0;
    qint64 retries = 0; ///< retries sent by this run
    qint64 sent = 0; ///< requests sent by this run (attempts)
    qint64 resumed = 0; ///< lines already answered when this run started (a resume)
    qint64 inputTokens = 0;
    qint64 outputTokens = 0;
};

/**
 * Runs the lines of a batch file against a real-time endpoint and writes their answers in the Batch API's
 * output and error formats, so that monitoring, the results join, export and resubmit treat the run like a
 * batch.
 *
 * - Bounded: at most Limits::concurrency requests in flight (spread over several QNetworkAccessManagers:
 *   one opens at most 6 connections to a host), requests and tokens per minute paced by a Pacer.
 * - Retries 429, 5xx, 408, timeouts and dropped connections with exponential backoff and jitter, waiting at
 *   least the server's Retry-After (seconds or an HTTP date); a 429 also pauses every other request until
 *   then. Other 4xx are final: the line goes to the error file with the server's status and body.
 * - Durable: each answer is appended to its file as it arrives (ResultLog); start() reads what a previous run
 *   of the same files wrote and sends only the lines without an answer, so a run killed at any point resumes
 *   without sending a request twice whose answer was written.
 * - Safe with an untrusted server: every attempt has a total deadline, answers are bounded, a redirect is not
 *   followed (the key never goes to another origin), an answer that is not a JSON object is an error.
 *
 * The lines are read from the file when they are sent (only their offsets stay in memory). Lives in the
 * thread that calls start() (the app gives it a worker thread: it does file I/O); its network managers are
 * created there.
 */
class RealtimeRunner final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RealtimeRunner)

public:
    enum class Outcome { Running, Completed, Cancelled, Expired, Paused, Failed };
    Q_ENUM(Outcome)

    explicit RealtimeRunner(RunTask task, QObject *parent = nullptr);
    ~RealtimeRunner() override;

    /** Opens the files (repairing and reading a previous run's), then dispatches. */
    Q_INVOKABLE void start();
    /** Stops dispatching; requests in flight finish and are written; the lines left go to the error file as
     *  batch_cancelled; then finished(Cancelled). Before start(): start() writes them all so. */
    Q_INVOKABLE void cancel();
    /** Stops now, writing nothing for the lines left (in-flight requests are dropped and will be sent again
     *  on resume); then finished(Paused). For quitting and Ctrl+C. Before start(): start() ends at once. */
    Q_INVOKABLE void pause();

    Outcome outcome() const { return m_outcome; }
    QString errorText() const { return m_errorText; }
    RunProgress progress() const { return m_progress; }
    bool isStopping() const { return m_stopping != Stop::None; }
    const RunTask &task() const { return m_task; }

    /** The Batch API's name of an outcome: completed, cancelled, expired, in_progress (paused), failed. */
    static QString statusName(Outcome outcome);

signals:
    /** The counts changed (at most every 200 ms, and at the end). */
    void progressChanged(const Batchdesk::Realtime::RunProgress &progress);
    /** Cancel or expiry began: requests in flight are being waited for. */
    void stopping();
    void finished(Batchdesk::Realtime::RealtimeRunner::Outcome outcome);

private:
    struct Item
    {
        qint64 offset = 0;
        qint64 length = 0;
        int attempts = 0;
        qint64 readyAtMs = 0; ///< a retry waits until then (monotonic)
        qint64 tokens = 0; ///< estimate charged to the pacer
        QString customId;
        QByteArray body; ///< the request body as sent (kept for retries)
        QString url;
    };
    struct Flight
    {
        Item item;
        QNetworkReply *reply = nullptr;
        qint64 startedMs = 0;
        int manager = 0;
        QString abortReason; ///< why the runner stopped the reply itself (deadline, size), or empty
    };
    enum class Stop { None, Cancel, Expire, Pause };

    Result<void> scanInput(const QSet<QString> &answered);
    void pump();
    void schedulePump(qint64 delayMs);
    bool prepare(Item &item);
    void send(Item item);
    void onReplyFinished(QNetworkReply *reply);
    void onReplyData(QNetworkReply *reply);
    void checkDeadlines();
    void retryOrFail(Item item, int status, const QByteArray &body, const QString &reason,
                     qint64 retryAfterMs);
    void writeResponse(const Item &item, int status, const QJsonObject &body, const QString &requestId);
    void writeUnrun(const Item &item, const char *code, const QString &message);
    void writeLine(bool success, const QByteArray &line);
    void maybeFinish();
    void finish(Outcome outcome);
    void failRun(const QString &text);
    void beginStop(Stop stop);
    void emitProgress(bool force = false);
    void syncIfDue(bool force = false);
    qint64 nowMs() const { return m_clock.elapsed(); }

    RunTask m_task;
    ResultLog m_log;
    Pacer m_pacer;
    std::unique_ptr<Api::ApiClient> m_requests; ///< builds requests with the auth of the target (no I/O)
    std::vector<QNetworkAccessManager *> m_managers;
    std::vector<int> m_managerLoad;
    std::deque<Item> m_pending; ///< never sent in this run, input order
    std::deque<Item> m_retrying; ///< waiting for their readyAtMs
    QHash<QNetworkReply *, Flight> m_flights;
    QFile m_input;
    QElapsedTimer m_clock;
    QElapsedTimer m_sinceProgress;
    QElapsedTimer m_sinceSync;
    QTimer m_pumpTimer;
    QTimer m_watchdog;
    QTimer m_expiry;
    RunProgress m_progress;
    Outcome m_outcome = Outcome::Running;
    Stop m_stopping = Stop::None;
    QString m_errorText;
    bool m_pumping = false;
};

} // namespace Batchdesk::Realtime

Q_DECLARE_METATYPE(Batchdesk::Realtime::RunProgress)
