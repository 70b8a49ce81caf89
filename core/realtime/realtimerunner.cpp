#include "realtimerunner.h"

#include "api/apiclient.h"
#include "api/retrypolicy.h"
#include "common/logging.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QRandomGenerator>
#include <QRegularExpression>

#include <algorithm>

namespace Batchdesk::Realtime {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("Batchdesk::Realtime", text);
}

// One QNetworkAccessManager opens at most 6 HTTP/1.1 connections to a host (Qt 6.4 has no setting for it).
constexpr int kConnectionsPerManager = 6;
constexpr int kProgressIntervalMs = 200;
constexpr int kSyncIntervalMs = 1000;
constexpr qsizetype kMaxLineBytes = 256 * 1024 * 1024;

QByteArray compact(const QJsonObject &o)
{
    return QJsonDocument(o).toJson(QJsonDocument::Compact);
}

QString randomHex(int n)
{
    static const char digits[] = "0123456789abcdef";
    QString s(n, u'0');
    for (int i = 0; i < n; ++i)
        s[i] = QLatin1Char(digits[QRandomGenerator::global()->bounded(16)]);
    return s;
}

QString newId(const char *prefix)
{
    return QLatin1StringView(prefix) + randomHex(32);
}

QJsonObject errorBody(const QString &message, const QString &type, const QString &code = {})
{
    QJsonObject error {{QStringLiteral("message"), message}, {QStringLiteral("type"), type}};
    error.insert(QStringLiteral("code"), code.isEmpty() ? QJsonValue() : QJsonValue(code));
    return QJsonObject {{QStringLiteral("error"), error}};
}

/** A server's error body as a JSON object: its own when it is one, else its text (bounded) in an envelope. */
QJsonObject bodyObject(const QByteArray &body, int status)
{
    const QJsonDocument doc = QJsonDocument::fromJson(body);
    if (doc.isObject())
        return doc.object();
    QString text = QString::fromUtf8(body.left(2000)).simplified();
    if (text.isEmpty())
        text = tr("The server answered HTTP %1 without a body.").arg(status);
    return errorBody(text, QStringLiteral("server_error"));
}

qint64 estimateTokens(const QJsonObject &body, qint64 bodyBytes)
{
    // About 4 bytes of JSON text per token, plus what the answer may use when the request says so.
    qint64 tokens = (bodyBytes + 3) / 4;
    for (const char *key : {"max_completion_tokens", "max_tokens", "max_output_tokens"}) {
        const QJsonValue v = body.value(QLatin1StringView(key));
        if (v.isDouble()) {
            tokens += qMax<qint64>(0, v.toInteger());
            break;
        }
    }
    return tokens;
}

} // namespace

// ---- Limits, Target ----

QJsonObject Limits::toJson() const
{
    return QJsonObject {{QStringLiteral("concurrency"), concurrency},
                        {QStringLiteral("rpm"), requestsPerMinute},
                        {QStringLiteral("tpm"), tokensPerMinute},
                        {QStringLiteral("max_attempts"), maxAttempts}};
}

Limits Limits::fromJson(const QJsonObject &o)
{
    Limits limits;
    limits.concurrency = o.value(QLatin1StringView("concurrency")).toInt(limits.concurrency);
    limits.requestsPerMinute = o.value(QLatin1StringView("rpm")).toInt(0);
    limits.tokensPerMinute = o.value(QLatin1StringView("tpm")).toInt(0);
    limits.maxAttempts = o.value(QLatin1StringView("max_attempts")).toInt(limits.maxAttempts);
    return limits;
}

QString Limits::validate() const
{
    if (concurrency < 1 || concurrency > kMaxConcurrency)
        return tr("The concurrency must be between 1 and %1.").arg(kMaxConcurrency);
    if (requestsPerMinute < 0)
        return tr("The requests per minute cannot be negative.");
    if (tokensPerMinute < 0)
        return tr("The tokens per minute cannot be negative.");
    if (maxAttempts < 1 || maxAttempts > 100)
        return tr("The attempts per request must be between 1 and 100.");
    return {};
}

QUrl Target::urlFor(const QString &lineUrl) const
{
    // The line says "/v1/chat/completions"; the base URL already ends in the API's version ("/v1",
    // "/v1/openai", "/api/v1"), so only the part after "/v1" is appended.
    QString rest = lineUrl;
    if (rest.startsWith(QLatin1StringView("/v1/")))
        rest = rest.mid(3);
    QUrl url = baseUrl;
    QString path = url.path();
    while (path.endsWith(u'/'))
        path.chop(1);
    url.setPath(path + rest);
    return url;
}

QString Target::modelMapText(const QHash<QString, QString> &map)
{
    QStringList keys = map.keys();
    keys.sort();
    QStringList pairs;
    for (const QString &key : keys)
        pairs << key + u'=' + map.value(key);
    return pairs.join(QStringLiteral(", "));
}

std::optional<QHash<QString, QString>> Target::parseModelMap(const QString &text, QString *error)
{
    QHash<QString, QString> map;
    const QStringList entries = text.split(QRegularExpression(QStringLiteral("[,;\\n]")), Qt::SkipEmptyParts);
    for (const QString &entry : entries) {
        const QString trimmed = entry.trimmed();
        if (trimmed.isEmpty())
            continue;
        const qsizetype eq = trimmed.indexOf(u'=');
        const QString from = eq < 0 ? QString() : trimmed.left(eq).trimmed();
        const QString to = eq < 0 ? QString() : trimmed.mid(eq + 1).trimmed();
        if (from.isEmpty() || to.isEmpty()) {
            if (error)
                *error = tr("\"%1\" is not a model mapping: write batch-model=served-model.").arg(trimmed);
            return std::nullopt;
        }
        map.insert(from, to);
    }
    return map;
}

// ---- RealtimeRunner ----

RealtimeRunner::RealtimeRunner(RunTask task, QObject *parent)
    : QObject(parent)
    , m_task(std::move(task))
    , m_pacer(m_task.limits.requestsPerMinute, m_task.limits.tokensPerMinute)
    , m_pumpTimer(this)
    , m_watchdog(this)
    , m_expiry(this)
{
    qRegisterMetaType<Batchdesk::Realtime::RunProgress>();
    qRegisterMetaType<Batchdesk::Realtime::RealtimeRunner::Outcome>();
    m_pumpTimer.setSingleShot(true);
    connect(&m_pumpTimer, &QTimer::timeout, this, &RealtimeRunner::pump);
    m_watchdog.setInterval(250);
    connect(&m_watchdog, &QTimer::timeout, this, &RealtimeRunner::checkDeadlines);
    m_expiry.setSingleShot(true);
    connect(&m_expiry, &QTimer::timeout, this, [this] { beginStop(Stop::Expire); });
}

RealtimeRunner::~RealtimeRunner()
{
    // Replies belong to the managers (children): they go with them, without finished() reaching us.
    for (QNetworkAccessManager *manager : m_managers)
        manager->disconnect(this);
    for (auto it = m_flights.cbegin(); it != m_flights.cend(); ++it)
        it.key()->disconnect(this);
}

QString RealtimeRunner::statusName(Outcome outcome)
{
    switch (outcome) {
    case Outcome::Completed:
        return QStringLiteral("completed");
    case Outcome::Cancelled:
        return QStringLiteral("cancelled");
    case Outcome::Expired:
        return QStringLiteral("expired");
    case Outcome::Failed:
        return QStringLiteral("failed");
    case Outcome::Running:
    case Outcome::Paused:
        break;
    }
    return QStringLiteral("in_progress");
}

void RealtimeRunner::start()
{
    if (m_clock.isValid())
        return;
    m_clock.start();
    if (m_stopping == Stop::Pause)
        return finish(Outcome::Paused);
    m_sinceProgress.start();
    m_sinceSync.start();
    if (const QString problem = m_task.limits.validate(); !problem.isEmpty())
        return failRun(problem);
    if (!m_task.target.baseUrl.isValid() || m_task.target.baseUrl.scheme().isEmpty()
        || m_task.target.baseUrl.host().isEmpty())
        return failRun(tr("\"%1\" is not an endpoint URL (e.g. http://localhost:8000/v1).")
                           .arg(m_task.target.baseUrl.toDisplayString()));

    auto recovered = m_log.open(m_task.outputPath, m_task.errorPath);
    if (!recovered)
        return failRun(recovered.errorString());
    if (recovered.value().truncatedBytes > 0)
        qCInfo(lcApi) << "real-time run: cut off a partial last line of" << recovered.value().truncatedBytes
                      << "bytes left by an interrupted run";
    m_progress.completed = recovered.value().outputLines;
    m_progress.failed = recovered.value().failedLines;
    m_progress.resumed = recovered.value().answered.size();
    m_progress.inputTokens = recovered.value().inputTokens;
    m_progress.outputTokens = recovered.value().outputTokens;
    if (auto scanned = scanInput(recovered.value().answered); !scanned)
        return failRun(scanned.errorString());

    // The client only builds requests (auth header for the target's origin, User-Agent); it sends nothing.
    m_requests = std::make_unique<Api::ApiClient>(nullptr);
    m_requests->setProvider(m_task.target.provider);
    m_requests->setBaseUrl(m_task.target.baseUrl);
    m_requests->setApiKey(m_task.target.apiKey);
    m_requests->setExtraHeaders(m_task.target.headers);
    const int managers = (m_task.limits.concurrency + kConnectionsPerManager - 1) / kConnectionsPerManager;
    for (int i = 0; i < managers; ++i) {
        auto *manager = new QNetworkAccessManager(this);
        connect(manager, &QNetworkAccessManager::finished, this, &RealtimeRunner::onReplyFinished);
        m_managers.push_back(manager);
        m_managerLoad.push_back(0);
    }

    if (m_stopping == Stop::Cancel) {
        emit stopping();
        maybeFinish(); // cancelled before it started: every line left is written as cancelled
        return;
    }
    if (m_task.expiresAtMs > 0) {
        const qint64 left = m_task.expiresAtMs - QDateTime::currentMSecsSinceEpoch();
        if (left <= 0) {
            beginStop(Stop::Expire);
            return;
        }
        m_expiry.start(int(qMin<qint64>(left, std::numeric_limits<int>::max())));
    }
    m_watchdog.start();
    emitProgress(true);
    pump();
}

Result<void> RealtimeRunner::scanInput(const QSet<QString> &answered)
{
    m_input.setFileName(m_task.inputPath);
    if (!m_input.open(QIODevice::ReadOnly))
        return Result<void>::failure(
            QStringLiteral("realtime.input"),
            tr("Cannot read %1: %2").arg(QDir::toNativeSeparators(m_task.inputPath), m_input.errorString()));
    QSet<QString> seen;
    qint64 lineNumber = 0;
    auto takeLine = [&](const QByteArray &line, qint64 start, qint64 end) -> QString {
        ++lineNumber;
        const QByteArray trimmed = line.trimmed();
        if (trimmed.isEmpty())
            return {};
        const QJsonObject o = QJsonDocument::fromJson(trimmed).object();
        const QString customId = o.value(QLatin1StringView("custom_id")).toString();
        if (customId.isEmpty())
            return tr("Line %1 of %2 is not a request with a custom_id: validate the file before running it.")
                .arg(lineNumber)
                .arg(QDir::toNativeSeparators(m_task.inputPath));
        if (seen.contains(customId))
            return tr("Line %1 repeats the custom_id \"%2\": each request needs its own.")
                .arg(lineNumber)
                .arg(customId.left(200));
        seen.insert(customId);
        ++m_progress.total;
        if (!answered.contains(customId)) {
            Item item;
            item.offset = start;
            item.length = end - start;
            item.customId = customId;
            m_pending.push_back(std::move(item));
        }
        return {};
    };
    const LineScan scan = scanLines(m_input, kMaxLineBytes, takeLine);
    QString problem = scan.error;
    if (problem.isEmpty() && !scan.tail.isEmpty())
        problem = takeLine(scan.tail, scan.endOfLastLine, scan.size); // no newline after the last line
    if (!problem.isEmpty())
        return Result<void>::failure(QStringLiteral("realtime.input"), problem);
    return {};
}

bool RealtimeRunner::prepare(Item &item)
{
    if (!item.body.isEmpty())
        return true; // a retry: prepared before
    QByteArray line;
    if (!m_input.seek(item.offset) || (line = m_input.read(item.length)).size() != item.length) {
        failRun(
            tr("Cannot read %1: %2").arg(QDir::toNativeSeparators(m_task.inputPath), m_input.errorString()));
        return false;
    }
    const QJsonObject o = QJsonDocument::fromJson(line.trimmed()).object();
    QJsonObject body = o.value(QLatin1StringView("body")).toObject();
    item.url = o.value(QLatin1StringView("url")).toString();
    const QString method = o.value(QLatin1StringView("method")).toString(QStringLiteral("POST"));
    if (method.compare(QLatin1StringView("POST"), Qt::CaseInsensitive) != 0 || !item.url.startsWith(u'/')) {
        writeResponse(item, 400,
                      errorBody(tr("The line must be a POST to an endpoint path like /v1/chat/completions."),
                                QStringLiteral("invalid_request_error"), QStringLiteral("invalid_line")),
                      {});
        return false;
    }
    const QString model = body.value(QLatin1StringView("model")).toString();
    if (const auto mapped = m_task.target.modelMap.constFind(model); mapped != m_task.target.modelMap.cend())
        body.insert(QStringLiteral("model"), *mapped);
    item.body = compact(body);
    item.tokens = estimateTokens(body, item.body.size());
    return true;
}

void RealtimeRunner::schedulePump(qint64 delayMs)
{
    const int ms = int(qBound<qint64>(0, delayMs, 24LL * 3600 * 1000));
    if (!m_pumpTimer.isActive() || m_pumpTimer.remainingTime() > ms)
        m_pumpTimer.start(ms);
}

void RealtimeRunner::pump()
{
    if (m_pumping || m_outcome != Outcome::Running || !m_requests)
        return;
    m_pumping = true;
    while (m_stopping == Stop::None && m_flights.size() < m_task.limits.concurrency) {
        const qint64 now = nowMs();
        // A retry whose wait is over goes first; then the next line of the file.
        auto ready = std::min_element(m_retrying.begin(), m_retrying.end(),
                                      [](const Item &a, const Item &b) { return a.readyAtMs < b.readyAtMs; });
        std::optional<Item> next;
        bool fromRetry = false;
        if (ready != m_retrying.end() && ready->readyAtMs <= now) {
            next = std::move(*ready);
            m_retrying.erase(ready);
            fromRetry = true;
        } else if (!m_pending.empty()) {
            next = std::move(m_pending.front());
            m_pending.pop_front();
        } else {
            if (ready != m_retrying.end())
                schedulePump(ready->readyAtMs - now);
            break;
        }
        if (!prepare(*next)) {
            if (m_outcome != Outcome::Running)
                break;
            continue; // written to the error file
        }
        if (const qint64 wait = m_pacer.delayFor(now, next->tokens); wait > 0) {
            if (fromRetry)
                m_retrying.push_front(std::move(*next));
            else
                m_pending.push_front(std::move(*next));
            schedulePump(wait);
            break;
        }
        m_pacer.take(now, next->tokens);
        send(std::move(*next));
    }
    m_pumping = false;
    emitProgress();
    maybeFinish();
}

void RealtimeRunner::send(Item item)
{
    // The manager with the fewest requests in flight (each has its own 6 connections).
    const auto least = std::min_element(m_managerLoad.begin(), m_managerLoad.end());
    const int index = int(least - m_managerLoad.begin());
    QNetworkRequest request = m_requests->makeRequestForUrl(m_task.target.urlFor(item.url));
    request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
    // A redirect is never followed: the key must not go to another origin, and a POST cannot be replayed.
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::ManualRedirectPolicy);
    request.setTransferTimeout(m_task.limits.requestDeadlineMs);
    ++item.attempts;
    if (item.attempts > 1)
        ++m_progress.retries;
    ++m_progress.sent;
    QNetworkReply *reply = m_managers[size_t(index)]->post(request, item.body);
    ++m_managerLoad[size_t(index)];
    connect(reply, &QNetworkReply::readyRead, this, [this, reply] { onReplyData(reply); });
    Flight flight;
    flight.item = std::move(item);
    flight.reply = reply;
    flight.startedMs = nowMs();
    flight.manager = index;
    m_flights.insert(reply, std::move(flight));
    m_progress.inFlight = m_flights.size();
}

void RealtimeRunner::onReplyData(QNetworkReply *reply)
{
    auto it = m_flights.find(reply);
    if (it == m_flights.end() || !it->abortReason.isEmpty())
        return;
    if (reply->bytesAvailable() > m_task.limits.maxResponseBytes) {
        it->abortReason = tr("The answer is larger than %1 MiB.").arg(m_task.limits.maxResponseBytes >> 20);
        reply->abort();
    }
}

void RealtimeRunner::checkDeadlines()
{
    const qint64 now = nowMs();
    QList<QNetworkReply *> late;
    for (auto it = m_flights.begin(); it != m_flights.end(); ++it) {
        if (it->abortReason.isEmpty() && now - it->startedMs > m_task.limits.requestDeadlineMs) {
            it->abortReason =
                tr("No complete answer within %1 s.").arg(m_task.limits.requestDeadlineMs / 1000);
            late << it.key();
        }
    }
    for (QNetworkReply *reply : late)
        reply->abort();
    syncIfDue();
    emitProgress();
}

void RealtimeRunner::onReplyFinished(QNetworkReply *reply)
{
    const auto it = m_flights.find(reply);
    if (it == m_flights.end())
        return;
    Flight flight = std::move(*it);
    m_flights.erase(it);
    reply->deleteLater();
    --m_managerLoad[size_t(flight.manager)];
    m_progress.inFlight = m_flights.size();
    if (m_outcome != Outcome::Running)
        return;
    if (m_stopping == Stop::Pause) {
        maybeFinish(); // dropped: sent again when the run resumes
        return;
    }
    Item &item = flight.item;
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    const QString requestId = QString::fromLatin1(reply->rawHeader("x-request-id").left(200));

    if (!flight.abortReason.isEmpty()) {
        retryOrFail(std::move(item), 0, {}, flight.abortReason, 0);
    } else if (status == 0) {
        retryOrFail(std::move(item), 0, {}, reply->errorString(), 0);
    } else {
        const QByteArray body = reply->read(m_task.limits.maxResponseBytes + 1);
        if (status >= 300 && status < 400) {
            const QString location = QString::fromUtf8(reply->rawHeader("Location").left(500));
            writeResponse(
                item, status,
                errorBody(tr("The endpoint redirected the request to %1; real-time requests are not "
                             "redirected (set the account's URL to where the API is).")
                              .arg(location),
                          QStringLiteral("redirect")),
                requestId);
        } else if (status >= 200 && status < 300) {
            const QJsonDocument doc = QJsonDocument::fromJson(body);
            if (doc.isObject()) {
                const QJsonObject usage = doc.object().value(QLatin1StringView("usage")).toObject();
                if (usage.contains(QLatin1StringView("total_tokens")))
                    m_pacer.correct(usage.value(QLatin1StringView("total_tokens")).toInteger() - item.tokens);
                m_progress.inputTokens += usage.value(QLatin1StringView("prompt_tokens")).toInteger();
                m_progress.outputTokens += usage.value(QLatin1StringView("completion_tokens")).toInteger();
                writeResponse(item, status, doc.object(), requestId);
            } else {
                retryOrFail(
                    std::move(item), 502, {},
                    tr("The endpoint answered HTTP %1 with a body that is not a JSON object.").arg(status),
                    0);
            }
        } else if (Api::RetryPolicy::shouldRetry(status, reply->rawHeader("x-should-retry"))) {
            const auto serverDelay = Api::RetryPolicy::serverDelayMs(reply->rawHeader("retry-after-ms"),
                                                                     reply->rawHeader("Retry-After"));
            qint64 delay = serverDelay.value_or(0);
            if (status == 429) {
                // The endpoint is over its limit for everyone: nothing starts before it said.
                const qint64 pause = serverDelay ? *serverDelay : qint64(m_task.limits.retryBaseMs);
                m_pacer.pauseUntil(nowMs() + qMin<qint64>(pause, m_task.limits.maxRetryDelayMs));
            }
            retryOrFail(std::move(item), status, body, QStringLiteral("HTTP %1").arg(status), delay);
        } else {
            writeResponse(item, status, bodyObject(body, status), requestId);
        }
    }
    syncIfDue();
    emitProgress();
    pump();
}

void RealtimeRunner::retryOrFail(Item item, int status, const QByteArray &body, const QString &reason,
                                 qint64 retryAfterMs)
{
    if (m_stopping == Stop::Cancel || m_stopping == Stop::Expire) {
        writeUnrun(item, m_stopping == Stop::Cancel ? "batch_cancelled" : "batch_expired",
                   m_stopping == Stop::Cancel ? tr("The run was cancelled before this request succeeded.")
                                              : tr("The run expired before this request succeeded."));
        return;
    }
    if (item.attempts < m_task.limits.maxAttempts) {
        Api::RetryPolicy policy;
        policy.initialDelayMs = m_task.limits.retryBaseMs;
        policy.maxDelayMs = m_task.limits.maxRetryDelayMs;
        policy.maxServerDelayMs = m_task.limits.maxRetryDelayMs;
        const int delay = policy.delayMs(
            item.attempts - 1, retryAfterMs > 0 ? std::optional<qint64>(retryAfterMs) : std::nullopt,
            QRandomGenerator::global()->generateDouble());
        qCDebug(lcApi) << "real-time request" << item.customId << "retried in" << delay << "ms:" << reason;
        item.readyAtMs = nowMs() + delay;
        m_retrying.push_back(std::move(item));
        schedulePump(delay);
        return;
    }
    const QString message = tr("Gave up after %n attempt(s): %1", nullptr, item.attempts).arg(reason);
    if (status == 0) {
        writeLine(
            false,
            compact(QJsonObject {{QStringLiteral("id"), newId("batch_req_")},
                                 {QStringLiteral("custom_id"), item.customId},
                                 {QStringLiteral("response"), QJsonValue()},
                                 {QStringLiteral("error"),
                                  QJsonObject {{QStringLiteral("code"), QStringLiteral("request_failed")},
                                               {QStringLiteral("message"), message}}}}));
        ++m_progress.failed;
        return;
    }
    QJsonObject errorObject =
        body.isEmpty() ? errorBody(message, QStringLiteral("server_error")) : bodyObject(body, status);
    writeResponse(item, status, errorObject, {});
}

void RealtimeRunner::writeResponse(const Item &item, int status, const QJsonObject &body,
                                   const QString &requestId)
{
    // A 2xx answer goes to the output file, anything else to the error file, in the same line shape.
    const bool success = status >= 200 && status < 300;
    writeLine(success,
              compact(QJsonObject {{QStringLiteral("id"), newId("batch_req_")},
                                   {QStringLiteral("custom_id"), item.customId},
                                   {QStringLiteral("response"),
                                    QJsonObject {{QStringLiteral("status_code"), status},
                                                 {QStringLiteral("request_id"),
                                                  requestId.isEmpty() ? newId("req_") : requestId},
                                                 {QStringLiteral("body"), body}}},
                                   {QStringLiteral("error"), QJsonValue()}}));
    ++(success ? m_progress.completed : m_progress.failed);
}

void RealtimeRunner::writeUnrun(const Item &item, const char *code, const QString &message)
{
    writeLine(false,
              compact(QJsonObject {{QStringLiteral("id"), newId("batch_req_")},
                                   {QStringLiteral("custom_id"), item.customId},
                                   {QStringLiteral("response"), QJsonValue()},
                                   {QStringLiteral("error"),
                                    QJsonObject {{QStringLiteral("code"), QLatin1StringView(code)},
                                                 {QStringLiteral("message"), message}}}}));
}

void RealtimeRunner::writeLine(bool success, const QByteArray &line)
{
    if (m_outcome != Outcome::Running)
        return;
    if (auto written = m_log.append(success, line); !written)
        failRun(written.errorString());
}

void RealtimeRunner::syncIfDue(bool force)
{
    if (!m_log.isOpen() || m_log.unsynced() == 0)
        return;
    if (force || m_log.unsynced() >= m_task.syncEveryLines || m_sinceSync.elapsed() >= kSyncIntervalMs) {
        if (auto synced = m_log.sync(); !synced)
            return failRun(synced.errorString());
        m_sinceSync.restart();
    }
}

void RealtimeRunner::emitProgress(bool force)
{
    if (!force && m_sinceProgress.elapsed() < kProgressIntervalMs)
        return;
    m_sinceProgress.restart();
    emit progressChanged(m_progress);
}

void RealtimeRunner::beginStop(Stop stop)
{
    if (m_outcome != Outcome::Running || m_stopping == Stop::Pause)
        return;
    if (m_stopping != Stop::None && stop != Stop::Pause)
        return; // already cancelling or expiring
    m_stopping = stop;
    m_pumpTimer.stop();
    if (stop == Stop::Pause) {
        const QList<QNetworkReply *> replies = m_flights.keys();
        for (QNetworkReply *reply : replies)
            reply->abort();
    } else {
        emit stopping();
    }
    maybeFinish();
}

void RealtimeRunner::cancel()
{
    if (!m_clock.isValid()) {
        m_stopping = Stop::Cancel; // start() writes the lines as cancelled and sends nothing
        return;
    }
    beginStop(Stop::Cancel);
}

void RealtimeRunner::pause()
{
    if (!m_clock.isValid()) {
        m_stopping = Stop::Pause; // start() ends at once
        return;
    }
    beginStop(Stop::Pause);
}

void RealtimeRunner::maybeFinish()
{
    if (m_outcome != Outcome::Running || m_pumping || !m_flights.isEmpty())
        return;
    switch (m_stopping) {
    case Stop::Pause:
        return finish(m_errorText.isEmpty() ? Outcome::Paused : Outcome::Failed);
    case Stop::Cancel:
    case Stop::Expire: {
        const bool cancel = m_stopping == Stop::Cancel;
        const char *code = cancel ? "batch_cancelled" : "batch_expired";
        const QString message = cancel ? tr("The run was cancelled before this request was sent.")
                                       : tr("The run expired before this request was sent.");
        for (const Item &item : m_retrying)
            writeUnrun(item, code, message);
        for (const Item &item : m_pending)
            writeUnrun(item, code, message);
        m_retrying.clear();
        m_pending.clear();
        if (m_outcome == Outcome::Running)
            finish(cancel ? Outcome::Cancelled : Outcome::Expired);
        return;
    }
    case Stop::None:
        if (m_pending.empty() && m_retrying.empty())
            finish(Outcome::Completed);
        return;
    }
}

void RealtimeRunner::failRun(const QString &text)
{
    if (m_outcome != Outcome::Running)
        return;
    m_errorText = text;
    m_stopping = Stop::Pause; // answers still arriving are not written
    const QList<QNetworkReply *> replies = m_flights.keys();
    for (QNetworkReply *reply : replies)
        reply->abort();
    finish(Outcome::Failed);
}

void RealtimeRunner::finish(Outcome outcome)
{
    if (m_outcome != Outcome::Running)
        return;
    if (outcome != Outcome::Failed && m_log.isOpen()) {
        if (auto synced = m_log.sync(); !synced) {
            m_errorText = synced.errorString();
            outcome = Outcome::Failed;
        }
    }
    m_log.close();
    m_outcome = outcome;
    m_pumpTimer.stop();
    m_watchdog.stop();
    m_expiry.stop();
    m_input.close();
    m_progress.inFlight = m_flights.size();
    emitProgress(true);
    emit finished(outcome);
}

} // namespace Batchdesk::Realtime
