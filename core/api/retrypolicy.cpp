#include "retrypolicy.h"

#include <QLocale>

#include <algorithm>
#include <cmath>

namespace Batchdesk::Api {

bool RetryPolicy::isRetryableStatus(int httpStatus)
{
    return httpStatus == 408 || httpStatus == 409 || httpStatus == 429 || httpStatus >= 500;
}

bool RetryPolicy::isRetryableNetworkError(QNetworkReply::NetworkError error)
{
    switch (error) {
    case QNetworkReply::ConnectionRefusedError:
    case QNetworkReply::RemoteHostClosedError:
    case QNetworkReply::HostNotFoundError:
    case QNetworkReply::TimeoutError:
    case QNetworkReply::OperationCanceledError: // a transfer timeout ends this way
    case QNetworkReply::TemporaryNetworkFailureError:
    case QNetworkReply::NetworkSessionFailedError:
    case QNetworkReply::ProxyConnectionClosedError:
    case QNetworkReply::ProxyTimeoutError:
    case QNetworkReply::UnknownNetworkError:
    case QNetworkReply::ProtocolFailure:
    case QNetworkReply::ContentReSendError: // the connection closed after the request went out
        return true;
    default:
        return false;
    }
}

bool RetryPolicy::shouldRetry(int httpStatus, const QByteArray &xShouldRetry)
{
    const QByteArray v = xShouldRetry.trimmed().toLower();
    if (v == "true")
        return true;
    if (v == "false")
        return false;
    return isRetryableStatus(httpStatus);
}

std::optional<qint64> RetryPolicy::serverDelayMs(const QByteArray &retryAfterMs, const QByteArray &retryAfter,
                                                 const QDateTime &now)
{
    bool ok = false;
    if (!retryAfterMs.isEmpty()) {
        const double ms = retryAfterMs.trimmed().toDouble(&ok);
        if (ok && ms >= 0)
            return qint64(std::ceil(ms));
    }
    if (!retryAfter.isEmpty()) {
        const double seconds = retryAfter.trimmed().toDouble(&ok);
        if (ok && seconds >= 0)
            return qint64(std::ceil(seconds * 1000));
        // An HTTP date, e.g. "Wed, 21 Oct 2015 07:28:00 GMT".
        QString text = QString::fromLatin1(retryAfter.trimmed());
        if (text.endsWith(QLatin1StringView(" GMT")))
            text.chop(4);
        const QDateTime when = QLocale::c().toDateTime(text, QStringLiteral("ddd, dd MMM yyyy HH:mm:ss"));
        if (when.isValid()) {
            QDateTime utc = when;
            utc.setTimeSpec(Qt::UTC);
            return std::max<qint64>(0, now.msecsTo(utc));
        }
    }
    return std::nullopt;
}

int RetryPolicy::delayMs(int retry, std::optional<qint64> serverDelay, double random01) const
{
    if (serverDelay && *serverDelay >= 0 && *serverDelay <= maxServerDelayMs)
        return int(*serverDelay);
    const double base = std::min<double>(initialDelayMs * std::pow(2.0, retry), maxDelayMs);
    const double jitter = 1.0 - 0.25 * std::clamp(random01, 0.0, 1.0);
    return int(base * jitter);
}

} // namespace Batchdesk::Api
