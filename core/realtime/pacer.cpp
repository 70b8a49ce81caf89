#include "pacer.h"

#include <algorithm>

namespace Batchdesk::Realtime {

namespace {
constexpr double kTokenBurstMs = 1000; // one second's worth of tokens may start at once
}

Pacer::Pacer(int requestsPerMinute, int tokensPerMinute)
    : m_rpm(std::max(0, requestsPerMinute))
    , m_tpm(std::max(0, tokensPerMinute))
{ }

qint64 Pacer::delayFor(qint64 nowMs, qint64 tokens) const
{
    double wait = double(m_pausedUntil - nowMs);
    if (m_rpm > 0)
        wait = std::max(wait, m_requestTat - double(nowMs));
    if (m_tpm > 0) {
        // A request may start when the tokens charged before it are paid for, less the burst allowance; a
        // request larger than the burst still starts (alone) once the ones before it are paid for.
        const double burst = std::max(kTokenBurstMs, double(tokens) * msPerToken());
        wait = std::max(wait, m_tokenTat + double(tokens) * msPerToken() - burst - double(nowMs));
    }
    return wait > 0 ? qint64(wait + 0.999) : 0;
}

void Pacer::take(qint64 nowMs, qint64 tokens)
{
    const double now = double(nowMs);
    if (m_rpm > 0)
        m_requestTat = std::max(m_requestTat, now) + 60'000.0 / m_rpm;
    if (m_tpm > 0)
        m_tokenTat = std::max(m_tokenTat, now) + double(std::max<qint64>(0, tokens)) * msPerToken();
}

void Pacer::correct(qint64 tokenDelta)
{
    if (m_tpm > 0)
        m_tokenTat += double(tokenDelta) * msPerToken();
}

void Pacer::pauseUntil(qint64 untilMs)
{
    m_pausedUntil = std::max(m_pausedUntil, untilMs);
}

} // namespace Batchdesk::Realtime
