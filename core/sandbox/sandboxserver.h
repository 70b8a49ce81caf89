#pragma once

#include <QList>
#include <QString>
#include <QStringList>
#include <QtGlobal>

#include <memory>

namespace Batchdesk::Sandbox {

/** Faults the sandbox injects, each decided per request with the given probability (0..1). */
struct SandboxFaults
{
    /** Share of requests answered 429 with a `Retry-After` header (the request is not applied). */
    double rate429 = 0;
    /** Value of `Retry-After` on injected 429s, in seconds. */
    int retryAfterSeconds = 1;
    /** Share of requests answered 500 with the error envelope (the request is not applied). */
    double rate500 = 0;
    /**
     * Share of requests whose connection is closed without any response. The request IS applied first, so a
     * dropped `POST /batches` leaves a created batch behind: exactly the "created but the response was lost"
     * case a client must reconcile.
     */
    double dropRate = 0;
    /** Delay added before every response, in milliseconds. */
    int slowMs = 0;
};

struct SandboxConfig
{
    QString host = QStringLiteral("127.0.0.1");
    /** 0 takes a free port; port() tells which one after start(). */
    quint16 port = 0;
    /** Where state (SQLite) and files live. Empty: a temporary directory removed by the destructor. */
    QString dataDir;
    /**
     * When non-empty, every request needs this key, in its dialect's header: `Authorization: Bearer
     * <apiKey>`, Azure `api-key`, Anthropic `x-api-key`, Gemini `x-goog-api-key`. Never logged.
     */
    QString apiKey;
    /** Time one request line takes to execute, and the pause between the batch phases. */
    int latencyMs = 50;
    /** Lines a batch executes at the same time (each taking latencyMs). */
    int concurrency = 4;
    /** Completion window: a batch still running this many seconds after its creation expires. */
    int windowSeconds = 86400;
    /** The dialect served at the root (`/v1`; Azure `/openai`, Gemini `/v1beta`): one of dialects(). */
    QString dialect = QStringLiteral("openai");
    SandboxFaults faults;
    /** Delay of every real-time answer, in milliseconds, spent while the request counts as in flight. */
    int realtimeLatencyMs = 0;
    /**
     * Worker threads serving HTTP. cpp-httplib holds one per open connection (also between the requests of a
     * keep-alive connection, for up to 2 s), so this bounds the connections served at the same time.
     */
    int httpThreads = 64;
};

/** One request a real-time endpoint answered (RealtimeStats::hits). */
struct RealtimeHit
{
    /** When the request arrived, in milliseconds since the server started. */
    qint64 atMs = 0;
    /** When its answer was ready (after the real-time latency), in milliseconds since the server started. */
    qint64 finishedAtMs = 0;
    /** The endpoint as a batch line names it: `/v1/chat/completions`, `/v1/embeddings`, `/v1/completions`. */
    QString endpoint;
    /**
     * What identifies the request: the last user message's content (chat; text parts joined with spaces), the
     * prompt(s) (completions) or the input(s) (embeddings), several joined with "\n"; at most 200 characters.
     * Empty for a request answered by the fault injection (its body was never read).
     */
    QString text;
    /** The HTTP status of the answer. */
    int status = 0;
};

/** What the real-time endpoints served since the server started or the last resetRealtimeStats(). */
struct RealtimeStats
{
    /** Real-time requests answered: by the endpoint, or with a 429 / 500 of the fault injection. */
    qint64 requests = 0;
    /** Requests inside the endpoint now (including their real-time latency). */
    int inFlight = 0;
    /** The most requests inside the endpoint at the same time. */
    int maxInFlight = 0;
    /** The answered requests in the order they finished (the last 200,000). */
    QList<RealtimeHit> hits;
};

/**
 * A local server speaking the batch APIs of every provider Batchdesk supports (docs/providers.md), with one
 * real batch state machine behind all of them:
 * `validating → in_progress → finalizing → completed`, `failed` (validation errors in `errors.data`),
 * `cancelling → cancelled` (partial results kept), `expired` (unfinished lines as `batch_expired`).
 *
 * Built-in deterministic models:
 * - `sandbox/echo` for `/v1/chat/completions` (the assistant echoes the last user message) and
 *   `/v1/completions` (echoes the prompt); `usage` counts whitespace-separated tokens; `max_tokens`
 *   truncates the answer (finish_reason "length").
 * - `sandbox/embed` for `/v1/embeddings`: a unit vector derived from a hash of each input; `dimensions`
 *   honoured (default 8); `encoding_format: "base64"` supported.
 *
 * Failure markers, looked for in the last user message (chat), the prompt (completions) or any input
 * (embeddings):
 * - `[[fail]]`     → the line fails with HTTP 500 (`response.status_code` 500, error body) in the error file;
 * - `[[fail:NNN]]` → the line fails with status NNN (400..599), e.g. `[[fail:400]]`;
 * - `[[flaky]]`    → the line fails with 500 the first time this process runs that exact text, then
 *   succeeds (for retries).
 * - `[[429]]`      → real-time endpoints only: the request is answered 429 with the error envelope and
 *   `Retry-After: <SandboxFaults::retryAfterSeconds>` the first time this process sees that exact text on a
 *   real-time endpoint, then normally (for the retries of a real-time runner); batch lines ignore it.
 *
 * Result files: successful lines go to the output file (purpose `batch_output`), failed lines to the error
 * file; lines that never ran because of a cancel or expiry go to the error file as `batch_cancelled` /
 * `batch_expired` and are not counted in `request_counts.failed`. Unknown ids, also as a list cursor
 * (`after`), answer 404 with the error envelope; every response carries `x-request-id`.
 *
 * Dialects (core/sandbox/sandboxdialects.*, translating to and from the one engine): the root serves
 * `SandboxConfig::dialect` — by default the OpenAI Files + Batches API under both `/v1` (OpenAI layout) and
 * `/v1/openai` (DeepInfra layout); `anthropic`, `mistral`, … at `/v1`, `azure` at `/openai`, `gemini` at
 * `/v1beta` (+ `/upload/v1beta`, `/download/v1beta`). Every dialect is also served under its own prefix, see
 * baseUrlFor(): `/openai/v1`, `/deepinfra/v1/openai`, `/groq/openai/v1`, `/together/v1`, `/nebius/v1`,
 * `/azure/openai`, `/anthropic/v1`, `/mistral/v1`, `/gemini/v1beta` (+ `/gemini/upload/v1beta`,
 * `/gemini/download/v1beta`). Each checks its own auth header and answers errors in its own envelope; the
 * fault injection applies to all. In every dialect the models are also known by the short names `echo` and
 * `embed` (Azure deployment names and Gemini model paths hold no slash). Where the dialect has them, results
 * come in its own shape (Anthropic's result lines, Gemini's responses file), converted from the engine's
 * output and error files; `[[fail]]` lines show as that dialect's errors.
 *
 * Real-time endpoints (core/sandbox/sandboxrealtime.*): `POST <root>/chat/completions`, `<root>/embeddings`
 * and `<root>/completions` under the mounts of the OpenAI family and Mistral (`/v1` and `/v1/openai` at the
 * root, `/openai/v1`, `/deepinfra/v1/openai`, `/groq/openai/v1`, `/together/v1`, `/nebius/v1`,
 * `/mistral/v1`). The JSON body is a batch line's `body`; the answer is executeRequest()'s status and body,
 * so the markers and `max_tokens` work as in batches. A body that is not a JSON object answers 400, one over
 * 16 MiB 413. Every answer waits SandboxConfig::realtimeLatencyMs while counted in flight; the fault
 * injection applies as everywhere. realtimeStats() tells what they served; over HTTP (with the root dialect's
 * key, without fault injection): `GET /sandbox/realtime/stats` →
 * `{"requests","in_flight","max_in_flight","hits":[{"at_ms", "finished_at_ms","endpoint","text","status"}]}`
 * and `POST /sandbox/realtime/stats/reset`.
 *
 * Lifecycle: construct, start() (binds the socket, loads persisted state, resumes running batches), stop()
 * (idempotent; the destructor calls it). State (SQLite, WAL) and file contents live under dataDir and survive
 * a restart. A server can be started only once.
 *
 * Threading: HTTP requests are served on a pool of worker threads; batches execute on one engine thread that
 * also owns the only SQLite connection. All public member functions are thread-safe and may be called from
 * any thread; none of them needs an event loop (no QObject, no signals).
 */
class SandboxServer final
{
public:
    explicit SandboxServer(SandboxConfig config = {});
    ~SandboxServer();
    Q_DISABLE_COPY_MOVE(SandboxServer)

    /** Loads the state and starts listening. Returns false with a message in *error on failure. */
    bool start(QString *error = nullptr);
    /** Stops listening, finishes the current engine step and flushes the state. Idempotent. */
    void stop();
    bool isRunning() const;

    /** The bound port (valid after a successful start()). */
    quint16 port() const;
    /** `http://HOST:PORT/v1`. */
    QString baseUrl() const;
    /**
     * The base URL a client of `dialect` uses, under that dialect's prefix: e.g.
     * `http://HOST:PORT/anthropic/v1`, `http://HOST:PORT/gemini/v1beta`, `http://HOST:PORT/azure/openai`.
     * Empty for an unknown dialect.
     */
    QString baseUrlFor(QStringView dialect) const;
    /** The dialect names: openai, deepinfra, groq, together, nebius, azure, anthropic, mistral, gemini. */
    static QStringList dialects();
    /** The data directory in use (the temporary one when none was configured). */
    QString dataDir() const;

    SandboxFaults faults() const;
    /** Changes the fault injection at run time (e.g. a test turns drops off again). */
    void setFaults(const SandboxFaults &faults);

    /** Changes SandboxConfig::realtimeLatencyMs at run time (for the requests that arrive afterwards). */
    void setRealtimeLatencyMs(int ms);
    /** What the real-time endpoints served (empty before start()). */
    RealtimeStats realtimeStats() const;
    /** Clears the hits and the counters; maxInFlight restarts from the requests in flight now. */
    void resetRealtimeStats();

    /** The ids of the built-in models: `sandbox/echo`, `sandbox/embed`. */
    static QStringList modelIds();
    /** A random key for one run (32 bytes from the system's secure generator, hex): held in memory only. */
    static QString generateKey();

private:
    struct Private;
    std::unique_ptr<Private> d;
};

} // namespace Batchdesk::Sandbox
