#pragma once

// The sandbox's real-time endpoints (chat/completions, embeddings, completions of the OpenAI family) and the
// observation of the requests they served, for the tests and benchmarks of a real-time runner.

#include "sandboxdialects.h"
#include "sandboxserver.h"

#include <QElapsedTimer>
#include <QJsonObject>
#include <QString>

#include <atomic>
#include <deque>
#include <functional>
#include <mutex>

#include <httplib.h>

namespace Batchdesk::Sandbox {

/**
 * Serves `POST <mount>/chat/completions`, `<mount>/embeddings` and `<mount>/completions` under the mounts of
 * the OpenAI family (OpenAI, DeepInfra, Groq, Together, Nebius) and Mistral: the body is a batch line's
 * `body` and the answer is what executeRequest() makes of it. Adds the real-time marker `[[429]]` and the
 * configured latency, and records every request (RealtimeStats), also the ones answered by the fault
 * injection.
 *
 * The server calls beginRequest() in its pre-routing step for every request (it notes the arrival time and
 * whether the request is a real-time one, for this thread), recordFault() when the fault injection answers a
 * real-time request there, and install() once to add the routes. Thread-safe.
 */
class RealtimeEndpoints final
{
public:
    /** `retryAfterSeconds` gives the `Retry-After` of the `[[429]]` answers (the faults' current value). */
    RealtimeEndpoints(std::function<int()> retryAfterSeconds, int latencyMs);
    Q_DISABLE_COPY_MOVE(RealtimeEndpoints)

    /** Notes the arrival of a request on this thread. Returns its engine endpoint (`/v1/chat/completions`,
     *  `/v1/embeddings`, `/v1/completions`) when it is a real-time request, else an empty string. */
    QString beginRequest(const httplib::Request &req, const RequestDialect &dialect);
    /** Counts the real-time request of this thread as answered by the fault injection with `status`. */
    void recordFault(int status);

    /** Adds the routes; `wrap` adds the server's per-request handling (dropped connections). */
    void install(httplib::Server &server, const std::string &familyPattern,
                 const DialectLayer::WrapReader &wrap);

    void setLatencyMs(int ms);
    int latencyMs() const;

    RealtimeStats stats() const;
    void resetStats();
    /** stats() as the JSON of `GET /sandbox/realtime/stats`. */
    QJsonObject statsJson() const;

private:
    void handle(const httplib::Request &req, httplib::Response &res, const httplib::ContentReader &reader);
    void record(RealtimeHit hit);

    const std::function<int()> m_retryAfterSeconds;
    std::atomic<int> m_latencyMs;
    QElapsedTimer m_clock;

    mutable std::mutex m_mutex;
    qint64 m_requests = 0;
    int m_inFlight = 0;
    int m_maxInFlight = 0;
    std::deque<RealtimeHit> m_hits;
};

} // namespace Batchdesk::Sandbox
