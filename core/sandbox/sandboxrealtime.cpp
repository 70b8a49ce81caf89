#include "sandboxrealtime.h"

#include "sandboxmodels.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QMutex>
#include <QSet>

#include <chrono>
#include <thread>

namespace Batchdesk::Sandbox {

namespace {

constexpr qint64 kMaxBodyBytes = 16LL * 1024 * 1024;
constexpr qsizetype kMaxHits = 200000;
constexpr qsizetype kMaxHitText = 200;

/** The request being handled on this thread: when it arrived and its endpoint (empty: not real-time). */
thread_local qint64 t_arrivedMs = 0;
thread_local QString t_endpoint;

QString partsText(const QJsonValue &content)
{
    if (content.isString())
        return content.toString();
    QStringList parts;
    const QJsonArray array = content.toArray();
    for (const QJsonValue &part : array) {
        if (part.isString())
            parts << part.toString();
        else if (part.toObject().value(QLatin1String("type")).toString() == QLatin1String("text"))
            parts << part.toObject().value(QLatin1String("text")).toString();
    }
    return parts.join(QLatin1Char(' '));
}

/** A string or the strings of an array, joined with new lines. */
QString stringsText(const QJsonValue &value)
{
    if (value.isString())
        return value.toString();
    QStringList parts;
    const QJsonArray array = value.toArray();
    for (const QJsonValue &item : array) {
        if (item.isString())
            parts << item.toString();
    }
    return parts.join(QLatin1Char('\n'));
}

/** What identifies a request: the last user message (chat), the prompt (completions), the input (embeddings).
 */
QString requestText(const QString &endpoint, const QJsonObject &body)
{
    if (endpoint == QLatin1String("/v1/chat/completions")) {
        const QJsonArray messages = body.value(QLatin1String("messages")).toArray();
        for (qsizetype i = messages.size() - 1; i >= 0; --i) {
            const QJsonObject message = messages.at(i).toObject();
            if (message.value(QLatin1String("role")).toString() == QLatin1String("user"))
                return partsText(message.value(QLatin1String("content")));
        }
        return messages.isEmpty() ? QString()
                                  : partsText(messages.last().toObject().value(QLatin1String("content")));
    }
    if (endpoint == QLatin1String("/v1/completions"))
        return stringsText(body.value(QLatin1String("prompt")));
    return stringsText(body.value(QLatin1String("input")));
}

/** Whether a "[[429]]" text is rate limited now: the first time this process sees it, not afterwards. */
bool rateLimitedNow(const QString &text)
{
    if (!text.contains(QLatin1String("[[429]]")))
        return false;
    static QMutex mutex;
    static QSet<QString> seen;
    const QMutexLocker lock(&mutex);
    if (seen.contains(text))
        return false;
    seen.insert(text);
    return true;
}

void sendJson(httplib::Response &res, int status, const QJsonObject &body)
{
    res.status = status;
    // With the charset the library does not compress the answer (it would brotli every one for a client that
    // accepts it, ~2 ms of CPU each): real-time servers (vLLM, Ollama) answer uncompressed JSON too.
    res.set_content(QJsonDocument(body).toJson(QJsonDocument::Compact).toStdString(),
                    "application/json; charset=utf-8");
}

} // namespace

RealtimeEndpoints::RealtimeEndpoints(std::function<int()> retryAfterSeconds, int latencyMs)
    : m_retryAfterSeconds(std::move(retryAfterSeconds))
    , m_latencyMs(std::max(0, latencyMs))
{
    m_clock.start();
}

QString RealtimeEndpoints::beginRequest(const httplib::Request &req, const RequestDialect &dialect)
{
    t_arrivedMs = m_clock.elapsed();
    t_endpoint.clear();
    if (req.method != "POST" || !dialect.matched)
        return t_endpoint;
    switch (dialect.dialect) {
    case Dialect::OpenAi:
    case Dialect::DeepInfra:
    case Dialect::Groq:
    case Dialect::Together:
    case Dialect::Nebius:
    case Dialect::Mistral:
        break;
    default:
        return t_endpoint;
    }
    const QString path = QString::fromStdString(req.path);
    const QStringView rest = QStringView(path).mid(dialect.mount.size());
    for (const auto name :
         {QLatin1String("/chat/completions"), QLatin1String("/embeddings"), QLatin1String("/completions")}) {
        if (rest == name) {
            t_endpoint = QLatin1String("/v1") + name;
            break;
        }
    }
    return t_endpoint;
}

void RealtimeEndpoints::recordFault(int status)
{
    if (t_endpoint.isEmpty())
        return;
    std::lock_guard lock(m_mutex);
    ++m_requests;
    m_hits.push_back({t_arrivedMs, m_clock.elapsed(), t_endpoint, QString(), status});
    if (qsizetype(m_hits.size()) > kMaxHits)
        m_hits.pop_front();
}

void RealtimeEndpoints::install(httplib::Server &server, const std::string &familyPattern,
                                const DialectLayer::WrapReader &wrap)
{
    auto handler = wrap([this](const httplib::Request &req, httplib::Response &res,
                               const httplib::ContentReader &reader) { handle(req, res, reader); });
    server.Post(familyPattern + "/(?:chat/completions|embeddings|completions)", handler);
}

void RealtimeEndpoints::setLatencyMs(int ms)
{
    m_latencyMs = std::max(0, ms);
}

int RealtimeEndpoints::latencyMs() const
{
    return m_latencyMs;
}

void RealtimeEndpoints::handle(const httplib::Request &req, httplib::Response &res,
                               const httplib::ContentReader &reader)
{
    const Dialect dialect = DialectLayer::current().dialect;
    const QString endpoint = t_endpoint;
    if (endpoint.isEmpty()) { // a mount of a dialect without real-time endpoints
        res.set_header("Connection", "close");
        DialectLayer::sendError(
            res, dialect, 404,
            QStringLiteral("Unknown request URL: POST %1.").arg(QString::fromStdString(req.path)),
            QStringLiteral("invalid_request_error"), QStringLiteral("unknown_url"));
        return;
    }
    RealtimeHit hit;
    hit.atMs = t_arrivedMs;
    hit.endpoint = endpoint;
    {
        std::lock_guard lock(m_mutex);
        ++m_requests;
        m_maxInFlight = std::max(m_maxInFlight, ++m_inFlight);
    }

    std::string raw;
    bool tooLarge = false;
    const qint64 declared = QByteArray::fromStdString(req.get_header_value("Content-Length")).toLongLong();
    if (declared > kMaxBodyBytes) {
        tooLarge = true; // refused without reading it
    } else {
        reader([&](const char *data, size_t length) {
            if (qint64(raw.size() + length) > kMaxBodyBytes) {
                tooLarge = true;
                return false;
            }
            raw.append(data, length);
            return true;
        });
    }
    QJsonObject body;
    int status = 0;
    QString message;
    if (tooLarge) {
        res.set_header("Connection", "close");
        status = 413;
        message = QStringLiteral("The request body is larger than %1 bytes.").arg(kMaxBodyBytes);
    } else {
        QJsonParseError parseError;
        const QJsonDocument doc = QJsonDocument::fromJson(QByteArray::fromStdString(raw), &parseError);
        if (parseError.error != QJsonParseError::NoError || !doc.isObject()) {
            status = 400;
            message = QStringLiteral("We could not parse the JSON body of your request: expected an object.");
        } else {
            body = doc.object();
        }
    }
    const QString text = status == 0 ? requestText(endpoint, body) : QString();
    hit.text = text.left(kMaxHitText);

    if (const int latency = m_latencyMs; latency > 0)
        std::this_thread::sleep_for(std::chrono::milliseconds(latency));

    if (status != 0) {
        DialectLayer::sendError(res, dialect, status, message, QStringLiteral("invalid_request_error"));
    } else if (rateLimitedNow(text)) {
        status = 429;
        res.set_header("Retry-After", std::to_string(std::max(0, m_retryAfterSeconds())));
        DialectLayer::sendError(res, dialect, 429,
                                QStringLiteral("Rate limited, requested by a [[429]] marker in the input."),
                                QStringLiteral("rate_limit_exceeded"), QStringLiteral("rate_limit_exceeded"));
    } else {
        const ModelResult result = executeRequest(endpoint, body, QDateTime::currentSecsSinceEpoch());
        status = result.statusCode;
        sendJson(res, status, result.body);
    }

    hit.status = status;
    hit.finishedAtMs = m_clock.elapsed();
    std::lock_guard lock(m_mutex);
    --m_inFlight;
    m_hits.push_back(std::move(hit));
    if (qsizetype(m_hits.size()) > kMaxHits)
        m_hits.pop_front();
}

RealtimeStats RealtimeEndpoints::stats() const
{
    std::lock_guard lock(m_mutex);
    RealtimeStats stats;
    stats.requests = m_requests;
    stats.inFlight = m_inFlight;
    stats.maxInFlight = m_maxInFlight;
    stats.hits.reserve(qsizetype(m_hits.size()));
    for (const RealtimeHit &hit : m_hits)
        stats.hits.append(hit);
    return stats;
}

void RealtimeEndpoints::resetStats()
{
    std::lock_guard lock(m_mutex);
    m_requests = 0;
    m_maxInFlight = m_inFlight;
    m_hits.clear();
}

QJsonObject RealtimeEndpoints::statsJson() const
{
    const RealtimeStats s = stats();
    QJsonArray hits;
    for (const RealtimeHit &hit : s.hits)
        hits.append(QJsonObject {{QStringLiteral("at_ms"), hit.atMs},
                                 {QStringLiteral("finished_at_ms"), hit.finishedAtMs},
                                 {QStringLiteral("endpoint"), hit.endpoint},
                                 {QStringLiteral("text"), hit.text},
                                 {QStringLiteral("status"), hit.status}});
    return QJsonObject {{QStringLiteral("requests"), s.requests},
                        {QStringLiteral("in_flight"), s.inFlight},
                        {QStringLiteral("max_in_flight"), s.maxInFlight},
                        {QStringLiteral("hits"), hits}};
}

} // namespace Batchdesk::Sandbox
