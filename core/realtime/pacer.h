#pragma once

#include <QtGlobal>

namespace Batchdesk::Realtime {

/**
 * Requests-per-minute and tokens-per-minute pacing of one endpoint (a generic cell rate algorithm, one
 * "theoretical arrival time" per limit): requests start evenly spaced, 60,000 / rpm ms apart; tokens are
 * charged when a request starts (its estimate) and corrected when its answer tells the real usage, and the
 * next request waits until the tokens spent so far fit the rate (with one second's worth of tokens as
 * burst). A 429 pauses everything until its Retry-After. Times are in ms of any monotonic clock. A limit of 0
 * is no limit. Not thread-safe (one dispatcher).
 */
class Pacer final
{
public:
    Pacer(int requestsPerMinute = 0, int tokensPerMinute = 0);

    int requestsPerMinute() const { return m_rpm; }
    int tokensPerMinute() const { return m_tpm; }

    /** How long a request costing `tokens` must wait from nowMs before it may start (0: it may start now). */
    qint64 delayFor(qint64 nowMs, qint64 tokens) const;
    /** Records that a request costing `tokens` starts at nowMs (call only when delayFor() is 0). */
    void take(qint64 nowMs, qint64 tokens);
    /** Corrects the tokens charged for a request once its real usage is known (actual - estimated). */
    void correct(qint64 tokenDelta);
    /** Nothing starts before untilMs (a 429's Retry-After). */
    void pauseUntil(qint64 untilMs);

private:
    double msPerToken() const { return m_tpm > 0 ? 60'000.0 / m_tpm : 0; }

    int m_rpm;
    int m_tpm;
    double m_requestTat = 0; ///< when the next request may start
    double m_tokenTat = 0; ///< when the tokens charged so far are "paid for"
    qint64 m_pausedUntil = 0;
};

} // namespace Batchdesk::Realtime
