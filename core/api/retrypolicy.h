#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QNetworkReply>

#include <optional>

namespace Batchdesk::Api {

/**
 * The one retry policy of the client, as the official SDKs do it: retry 408, 409, 429, 5xx and network
 * errors; take the server's delay from `retry-after-ms`, then `Retry-After` (seconds or an HTTP date) when it
 * is at most maxServerDelayMs; otherwise back off min(0.5 s * 2^n, 8 s) with jitter that only shortens the
 * wait. `x-should-retry: true/false` from the server overrides the status rule. A pure value type.
 */
struct RetryPolicy
{
    int maxRetries = 2;
    int initialDelayMs = 500;
    int maxDelayMs = 8000;
    int maxServerDelayMs = 60'000;

    static bool isRetryableStatus(int httpStatus);
    static bool isRetryableNetworkError(QNetworkReply::NetworkError error);

    /** The server's requested delay in ms, when its headers give one. */
    static std::optional<qint64> serverDelayMs(const QByteArray &retryAfterMs, const QByteArray &retryAfter,
                                               const QDateTime &now = QDateTime::currentDateTimeUtc());

    /** Delay before retry number `retry` (0 = the first retry); random01 in [0, 1) for the jitter. */
    int delayMs(int retry, std::optional<qint64> serverDelay, double random01) const;

    /** Whether a reply with this status / headers may be retried at all (before counting attempts). */
    static bool shouldRetry(int httpStatus, const QByteArray &xShouldRetry);
};

} // namespace Batchdesk::Api
