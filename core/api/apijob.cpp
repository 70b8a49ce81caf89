#include "apijob.h"
#include "common/translate.h"

#include "apiclient.h"
#include "common/logging.h"
#include "jsonl/dialectconvert.h"
#include "localbackend.h"
#include "wire.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QDir>
#include <QFileInfo>
#include <QFutureWatcher>
#include <QHttpMultiPart>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QUuid>
#include <QtConcurrent/QtConcurrentRun>

#include <cstring>

namespace Batchdesk::Api {

namespace {
QString tr(const char *s)
{
    return Batchdesk::translateIn({"Batchdesk::Api::ApiJob", "Batchdesk::Api"}, s);
}

bool parseObject(const QByteArray &body, QJsonObject *out)
{
    QJsonParseError pe {};
    const QJsonDocument doc = QJsonDocument::fromJson(body, &pe);
    if (pe.error != QJsonParseError::NoError || !doc.isObject())
        return false;
    *out = doc.object();
    return true;
}

// A request body that can be read once and never rewound. Qt's HTTP layer silently sends a request again when
// a kept-alive connection closes before the response; for POST /batches that would create a second billed
// batch. Qt can only resend a body it can reset, so a non-resettable body turns that case into an error that
// the job handles itself (by reconciling, never by sending blindly).
class OneShotBody final : public QIODevice
{
public:
    explicit OneShotBody(QByteArray data, QObject *parent)
        : QIODevice(parent)
        , m_data(std::move(data))
    {
        open(QIODevice::ReadOnly);
    }
    bool isSequential() const override { return true; }
    bool reset() override { return false; }
    qint64 bytesAvailable() const override { return m_data.size() - m_pos + QIODevice::bytesAvailable(); }
    qint64 size() const override { return m_data.size(); }

protected:
    qint64 readData(char *out, qint64 max) override
    {
        const qint64 n = qMin(max, qint64(m_data.size()) - m_pos);
        if (n <= 0)
            return m_pos >= m_data.size() ? -1 : 0;
        std::memcpy(out, m_data.constData() + m_pos, std::size_t(n));
        m_pos += n;
        return n;
    }
    qint64 writeData(const char *, qint64) override { return -1; }

private:
    QByteArray m_data;
    qint64 m_pos = 0;
};

// The same for a body read from a file (Anthropic's create, up to 256 MB): streamed, never resent by Qt.
class OneShotFileBody final : public QIODevice
{
public:
    explicit OneShotFileBody(const QString &path, QObject *parent)
        : QIODevice(parent)
        , m_file(path)
    {
        if (m_file.open(QIODevice::ReadOnly))
            open(QIODevice::ReadOnly);
    }
    bool isSequential() const override { return true; }
    bool reset() override { return false; }
    qint64 bytesAvailable() const override { return m_file.bytesAvailable() + QIODevice::bytesAvailable(); }
    qint64 size() const override { return m_file.size(); }
    bool atEnd() const override { return m_file.atEnd() && QIODevice::bytesAvailable() == 0; }

protected:
    qint64 readData(char *out, qint64 max) override
    {
        const qint64 n = m_file.read(out, max);
        return n == 0 && m_file.atEnd() ? -1 : n;
    }
    qint64 writeData(const char *, qint64) override { return -1; }

private:
    QFile m_file;
};

QByteArray verbOf(const QNetworkReply *reply)
{
    switch (reply->operation()) {
    case QNetworkAccessManager::GetOperation:
        return "GET";
    case QNetworkAccessManager::PostOperation:
        return "POST";
    case QNetworkAccessManager::DeleteOperation:
        return "DELETE";
    case QNetworkAccessManager::PutOperation:
        return "PUT";
    case QNetworkAccessManager::HeadOperation:
        return "HEAD";
    default:
        return reply->request().attribute(QNetworkRequest::CustomVerbAttribute).toByteArray();
    }
}

// "The server sent a batch without a valid status (42)." -> an error with that sentence.
ApiError malformed(const QString &problem)
{
    ApiError e;
    e.kind = ApiError::Kind::InvalidResponse;
    e.message = problem;
    return e;
}

ApiError invalidResponse(const QByteArray &body)
{
    ApiError e;
    e.kind = ApiError::Kind::InvalidResponse;
    QString excerpt = QString::fromUtf8(body.left(120)).simplified();
    e.message = body.trimmed().isEmpty()
        ? tr("The server answered with an empty body where a JSON object was expected.")
        : tr("The server's answer is not the JSON object that was expected (it starts with \"%1\").")
              .arg(excerpt);
    return e;
}
} // namespace

// ---------------------------------------------------------------------------------------------------------------
// ApiJob

ApiJob::ApiJob(ApiClient *client)
    : AsyncJob(client)
    , m_client(client)
{
    setAutoDelete(true);
    m_retryTimer.setSingleShot(true);
    connect(&m_retryTimer, &QTimer::timeout, this, &ApiJob::attempt);
    m_watchdog.setInterval(250);
    connect(&m_watchdog, &QTimer::timeout, this, &ApiJob::checkDeadline);
}

ApiJob::~ApiJob()
{
    if (m_reply) {
        m_reply->disconnect(this);
        m_reply->abort();
        m_reply->deleteLater();
    }
}

void ApiJob::doStart()
{
    m_timer.start();
    attempt();
}

bool ApiJob::doAbort()
{
    m_aborted = true;
    m_retryTimer.stop();
    m_watchdog.stop();
    if (m_reply) {
        QNetworkReply *reply = m_reply;
        m_reply = nullptr;
        reply->disconnect(this);
        reply->abort();
        reply->deleteLater();
    }
    ApiError e;
    e.kind = ApiError::Kind::Canceled;
    e.message = tr("Cancelled.");
    fail(e);
    return false; // finished by fail()
}

int ApiJob::retriesLeft() const
{
    return qMax(0, m_client->retryPolicy().maxRetries - m_retries);
}

void ApiJob::attempt()
{
    if (isFinished() || m_aborted)
        return;
    if (m_preflightError) {
        // Never sent; reported from the event loop like every other failure.
        QMetaObject::invokeMethod(
            this, [this] { fail(*m_preflightError); }, Qt::QueuedConnection);
        return;
    }
    if (m_local) {
        QMetaObject::invokeMethod(
            this,
            [this] {
                if (isFinished() || !m_local)
                    return;
                const auto local = std::move(m_local);
                m_local = nullptr;
                local();
            },
            Qt::QueuedConnection);
        return;
    }
    ++m_attempts;
    m_httpStatus = 0;
    m_stopReason.reset();
    m_attemptBytes = 0;
    m_attemptTimer.start();
    QNetworkReply *reply = send();
    if (!reply) {
        if (!isFinished())
            fail(ApiError::local(tr("The request could not be prepared.")));
        return;
    }
    m_reply = reply;
    connect(reply, &QNetworkReply::finished, this, &ApiJob::onFinished);
    if (streamsBody())
        connect(reply, &QNetworkReply::readyRead, this, [this, reply] { onReadyRead(reply); });
    connect(reply, &QNetworkReply::uploadProgress, this, &ApiJob::onUploadProgress);
    connect(reply, &QNetworkReply::uploadProgress, this, [this](qint64 sent, qint64) { onBytesMoved(sent); });
    connect(reply, &QNetworkReply::downloadProgress, this, [this, reply](qint64 received, qint64 total) {
        onBytesMoved(received);
        // A JSON answer (or any error body) is read into memory: it has a size limit.
        const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        const bool bounded = !streamsBody() || status < 200 || status >= 300;
        const qint64 limit = m_client->maxJsonBytes();
        if (bounded && (received > limit || total > limit)) {
            stopReply(ApiError::make(ApiError::Kind::InvalidResponse,
                                     tr("The server's answer is larger "
                                        "than %1 MB; Batchdesk stopped "
                                        "reading it.")
                                         .arg(limit / (1024 * 1024)),
                                     status));
            return;
        }
        if (streamsBody())
            emit progress(received, total);
    });
    connect(reply, &QNetworkReply::redirected, this, &ApiJob::onRedirected);
    m_watchdog.start();
}

void ApiJob::onBytesMoved(qint64 bytes)
{
    m_attemptBytes = qMax(m_attemptBytes, bytes);
}

void ApiJob::stopReply(ApiError reason)
{
    if (!m_reply)
        return;
    m_stopReason = std::move(reason);
    m_reply->abort(); // finished() follows at once; onFinished() reports m_stopReason
}

void ApiJob::onRedirected(const QUrl &target)
{
    QNetworkReply *reply = m_reply;
    if (!reply)
        return;
    const QUrl resolved = reply->url().resolved(target);
    if (m_client->isSameOrigin(resolved)) {
        emit reply->redirectAllowed();
        return;
    }
    // The key is never sent to another origin, and neither is an upload's body.
    qCWarning(lcApi).nospace() << "refused a redirect from " << reply->url().host() << " to another origin ("
                               << resolved.scheme() << "://" << resolved.host() << ':' << resolved.port()
                               << ')';
    stopReply(
        ApiError::make(ApiError::Kind::InvalidResponse,
                       tr("The server redirected the request to another address (%1). Batchdesk does not "
                          "send the API key to another server; check the account's base URL.")
                           .arg(resolved
                                    .adjusted(QUrl::RemovePath | QUrl::RemoveQuery | QUrl::RemoveFragment
                                              | QUrl::RemoveUserInfo)
                                    .toString())));
}

void ApiJob::checkDeadline()
{
    if (!m_reply) {
        m_watchdog.stop();
        return;
    }
    const qint64 elapsed = m_attemptTimer.elapsed();
    if (isTransfer()) {
        const qint64 allowed =
            m_client->transferGraceMs() + m_attemptBytes * 1000 / m_client->minimumBytesPerSecond();
        if (elapsed > allowed)
            stopReply(
                ApiError::make(ApiError::Kind::Timeout,
                               tr("The transfer with %1 is too slow: %2 bytes in %3 s (at least %4 KB/s are "
                                  "needed).")
                                   .arg(m_reply->url().host())
                                   .arg(m_attemptBytes)
                                   .arg(elapsed / 1000)
                                   .arg(m_client->minimumBytesPerSecond() / 1024)));
    } else if (elapsed > m_client->requestDeadlineMs()) {
        stopReply(ApiError::make(ApiError::Kind::Timeout,
                                 tr("%1 did not finish its answer within %2 s.")
                                     .arg(m_reply->url().host())
                                     .arg(m_client->requestDeadlineMs() / 1000)));
    }
}

void ApiJob::onFinished()
{
    QNetworkReply *reply = m_reply;
    if (!reply || isFinished())
        return;
    m_reply = nullptr;
    m_watchdog.stop();
    reply->deleteLater();

    const QVariant statusAttribute = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute);
    const int status = statusAttribute.isValid() ? statusAttribute.toInt() : 0;
    m_httpStatus = status;
    qCInfo(lcApi).nospace() << verbOf(reply).constData() << ' ' << reply->url().path() << " -> "
                            << (status ? QString::number(status) : reply->errorString()) << " ("
                            << m_timer.elapsed() << " ms, attempt " << m_attempts << ')';

    if (m_stopReason) {
        // Stopped by the job itself: a refused redirect or an oversized answer is final, a deadline may be
        // tried again (within the retry budget).
        const ApiError error = *m_stopReason;
        m_stopReason.reset();
        if (error.kind != ApiError::Kind::Timeout || retriesLeft() == 0) {
            fail(error);
            return;
        }
        if (!mayResendAfterAmbiguousFailure()) {
            handleAmbiguousFailure(error);
            return;
        }
        if (!scheduleRetry(error.message))
            fail(error);
        return;
    }

    if (status >= 200 && status < 300 && reply->error() == QNetworkReply::NoError) {
        const QByteArray body = streamsBody() ? QByteArray() : reply->readAll();
        switch (handleSuccess(reply, body)) {
        case Step::Done:
            succeed();
            break;
        case Step::Continue:
            attempt();
            break;
        case Step::Failed:
            if (!isFinished())
                fail(invalidResponse(body));
            break;
        }
        return;
    }

    ApiError error;
    bool retryable = false;
    bool ambiguous = false;
    std::optional<qint64> serverDelay;
    if (status == 0) {
        const bool timeout = reply->error() == QNetworkReply::OperationCanceledError
            || reply->error() == QNetworkReply::TimeoutError;
        error.kind = timeout ? ApiError::Kind::Timeout : ApiError::Kind::Network;
        // host:port: "127.0.0.1" alone does not say which of several local servers is meant.
        const QUrl url = reply->url();
        const QString host =
            url.port() > 0 ? QStringLiteral("%1:%2").arg(url.host()).arg(url.port()) : url.host();
        if (timeout)
            error.message = tr("No answer from %1 in time (the transfer stalled).").arg(host);
        else if (reply->error() == QNetworkReply::ContentReSendError
                 || reply->error() == QNetworkReply::RemoteHostClosedError)
            error.message = tr("%1 closed the connection before answering.").arg(host);
        else
            error.message = tr("Cannot reach %1 (%2).").arg(host, reply->errorString());
        retryable = RetryPolicy::isRetryableNetworkError(reply->error());
        ambiguous = true;
    } else {
        error = ApiError::fromHttp(status,
                                   reply->attribute(QNetworkRequest::HttpReasonPhraseAttribute).toByteArray(),
                                   reply->readAll(), reply->rawHeader("x-request-id"));
        retryable = RetryPolicy::shouldRetry(status, reply->rawHeader("x-should-retry"));
        ambiguous = status >= 500 || status == 408;
        serverDelay =
            RetryPolicy::serverDelayMs(reply->rawHeader("retry-after-ms"), reply->rawHeader("retry-after"));
    }
    if (!retryable || retriesLeft() == 0) {
        fail(error);
        return;
    }
    if (ambiguous && !mayResendAfterAmbiguousFailure()) {
        handleAmbiguousFailure(error);
        return;
    }
    if (!scheduleRetry(error.message, serverDelay))
        fail(error);
}

bool ApiJob::scheduleRetry(const QString &reason, std::optional<qint64> serverDelay)
{
    if (isFinished() || retriesLeft() == 0)
        return false;
    const int delay = m_client->retryPolicy().delayMs(m_retries, serverDelay, m_client->random01());
    if (m_timer.isValid() && m_timer.elapsed() + delay > m_client->retryBudgetMs()) {
        qCInfo(lcApi) << "no retry: the job has run" << m_timer.elapsed() << "ms, its budget is"
                      << m_client->retryBudgetMs() << "ms";
        return false;
    }
    ++m_retries;
    qCInfo(lcApi) << "retry" << m_retries << "in" << delay << "ms:" << reason;
    emit retrying(m_retries, delay, reason);
    prepareRetry();
    m_retryTimer.start(delay);
    return true;
}

void ApiJob::fail(const ApiError &error)
{
    if (isFinished())
        return;
    m_error = error;
    finish();
}

void ApiJob::succeed()
{
    m_error = ApiError {};
    finish();
}

void ApiJob::finish()
{
    if (isFinished())
        return;
    m_retryTimer.stop();
    m_watchdog.stop();
    if (m_error.isError())
        emitFailure(m_error.code(), m_error.message);
    else
        emitSuccess();
}

// ---------------------------------------------------------------------------------------------------------------
// RequestJob

RequestJob::RequestJob(ApiClient *client, QByteArray verb, QString path, QJsonObject body, ObjectKind expect)
    : ApiJob(client)
    , m_verb(std::move(verb))
    , m_path(std::move(path))
    , m_body(std::move(body))
    , m_expect(expect)
{ }

QNetworkReply *RequestJob::send()
{
    QNetworkRequest request = client()->makeRequest(m_path);
    request.setTransferTimeout(client()->requestTimeoutMs());
    QNetworkAccessManager *nam = client()->networkAccessManager();
    if (m_verb == "GET")
        return nam->get(request);
    if (m_verb == "DELETE")
        return nam->deleteResource(request);
    request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
    const QByteArray data =
        m_body.isEmpty() && m_verb == "POST" && !m_path.endsWith(QLatin1StringView("/batches"))
        ? QByteArray()
        : QJsonDocument(m_body).toJson(QJsonDocument::Compact);
    if (m_verb != "POST")
        return nam->sendCustomRequest(request, m_verb, data);
    // POST is not idempotent: never let Qt resend it behind our back (see OneShotBody).
    request.setHeader(QNetworkRequest::ContentLengthHeader, data.size());
    request.setAttribute(QNetworkRequest::DoNotBufferUploadDataAttribute, true);
    auto *body = new OneShotBody(data, nullptr);
    QNetworkReply *reply = nam->sendCustomRequest(request, m_verb, body);
    body->setParent(reply);
    return reply;
}

void RequestJob::setLocalHandler(std::function<Result<QJsonObject>()> f)
{
    setLocalCompletion([this, f = std::move(f)] {
        const Result<QJsonObject> r = f();
        if (!r) {
            fail(r.error().code == QLatin1StringView("not_found")
                     ? ApiError::make(ApiError::Kind::Http, r.errorString(), 404)
                     : ApiError::local(r.errorString()));
            return;
        }
        m_result = r.value();
        succeed();
    });
}

void RequestJob::setLocalResult(const QJsonObject &result)
{
    setLocalCompletion([this, result] {
        m_result = result;
        succeed();
    });
}

ApiJob::Step RequestJob::handleSuccess(QNetworkReply *, const QByteArray &body)
{
    if (!parseObject(body, &m_result))
        return Step::Failed;
    if (!m_followUpPath.isEmpty()) {
        m_verb = "GET";
        m_path = std::exchange(m_followUpPath, QString());
        m_expect = m_followUpKind;
        m_body = {};
        m_result = {};
        resetRetries();
        return Step::Continue;
    }
    // The provider's shape as OpenAI's (Anthropic's message_batch, Together's {"job":…}, ...).
    m_result = Wire::normalize(client()->provider(), m_expect, m_result);
    QString problem;
    if (!checkObject(m_expect, m_result, &problem)) {
        m_result = {};
        fail(malformed(problem));
        return Step::Failed;
    }
    return Step::Done;
}

// ---------------------------------------------------------------------------------------------------------------
// ListJob

ListJob::ListJob(ApiClient *client, QString path, QUrlQuery query, int pageLimit, int maxPages,
                 ObjectKind kind, int maxItems)
    : ApiJob(client)
    , m_path(std::move(path))
    , m_query(std::move(query))
    , m_pageLimit(pageLimit)
    , m_maxPages(maxPages > 0 ? maxPages : kDefaultMaxPages)
    , m_maxItems(maxItems > 0 ? maxItems : kDefaultMaxItems)
    , m_kind(kind)
{ }

void ListJob::setLocalItems(const QJsonArray &items)
{
    setLocalCompletion([this, items] {
        m_items = items;
        m_pages = 1;
        emit pageReceived(1, int(m_items.size()));
        succeed();
    });
}

void ListJob::setLocalItems(std::function<QJsonArray()> f)
{
    setLocalCompletion([this, f = std::move(f)] {
        m_items = f();
        m_pages = 1;
        emit pageReceived(1, int(m_items.size()));
        succeed();
    });
}

void ListJob::appendExtraItems()
{
    if (!m_extraItems)
        return;
    const QJsonArray extra = m_extraItems();
    for (const QJsonValue &item : extra) {
        const QString id = item.toObject().value(QLatin1StringView("id")).toString();
        if (m_ids.contains(id))
            continue;
        m_ids.insert(id);
        m_items.append(item);
    }
}

QNetworkReply *ListJob::send()
{
    QUrlQuery query = m_query;
    const int pageSize = m_pageLimit > 0 ? qMin(m_pageLimit, qMax(1, m_maxItems - int(m_items.size()))) : 0;
    Wire::addPageQuery(client()->provider(), &query, pageSize, m_cursor);
    QNetworkRequest request = client()->makeRequest(m_path, query);
    request.setTransferTimeout(client()->requestTimeoutMs());
    return client()->networkAccessManager()->get(request);
}

ApiJob::Step ListJob::handleSuccess(QNetworkReply *, const QByteArray &body)
{
    const Step step = handlePage(body);
    if (step == Step::Done)
        appendExtraItems();
    return step;
}

ApiJob::Step ListJob::handlePage(const QByteArray &body)
{
    const int pageSize = m_pageLimit > 0 ? qMin(m_pageLimit, qMax(1, m_maxItems - int(m_items.size()))) : 0;
    const Wire::Page page = Wire::parsePage(client()->provider(), m_kind, body, m_pages, pageSize);
    if (!page.ok)
        return Step::Failed;
    const QJsonArray &items = page.items;
    int added = 0;
    for (qsizetype i = 0; i < items.size(); ++i) {
        QString problem;
        if (!checkObject(m_kind, items.at(i), &problem)) {
            m_items = {};
            fail(
                malformed(tr("Item %1 of page %2 of the list: %3").arg(i + 1).arg(m_pages + 1).arg(problem)));
            return Step::Failed;
        }
        const QString id = items.at(i).toObject().value(QLatin1StringView("id")).toString();
        if (m_ids.contains(id))
            continue; // a page that overlaps the previous one
        if (m_items.size() >= m_maxItems)
            break;
        m_ids.insert(id);
        m_items.append(items.at(i));
        ++added;
    }
    ++m_pages;
    emit pageReceived(m_pages, int(m_items.size()));
    m_hasMore = page.hasMore;
    if (!m_hasMore || items.isEmpty())
        return Step::Done;
    if (m_items.size() >= m_maxItems) {
        // The caller asked for this many (e.g. --limit): reaching it is not a warning, a cap is.
        if (m_maxItems == kDefaultMaxItems)
            m_warning = tr("The list was cut at %1 items; the server has more.").arg(m_maxItems);
        return Step::Done;
    }
    if (m_pages >= m_maxPages) {
        if (m_maxPages == kDefaultMaxPages)
            m_warning = tr("The list was cut after %1 pages; the server says it has more.").arg(m_pages);
        return Step::Done;
    }
    if (added == 0) {
        m_warning = tr("The server sent a page with no new items although it says it has more; the list "
                       "stops here.");
        return Step::Done;
    }
    const QString cursor = page.nextCursor;
    if (cursor.isEmpty() || m_cursors.contains(cursor)) {
        m_warning = tr("The server sent a page cursor that was already used; the list stops here.");
        return Step::Done;
    }
    m_cursors.insert(cursor);
    m_cursor = cursor;
    resetRetries(); // each page has its own retry budget
    return Step::Continue;
}

QList<Batch> ListJob::batches() const
{
    QList<Batch> out;
    out.reserve(m_items.size());
    for (const auto &v : m_items)
        out.append(Batch::fromJson(v.toObject()));
    return out;
}

QList<FileObject> ListJob::files() const
{
    QList<FileObject> out;
    out.reserve(m_items.size());
    for (const auto &v : m_items)
        out.append(FileObject::fromJson(v.toObject()));
    return out;
}

QList<ModelInfo> ListJob::models() const
{
    QList<ModelInfo> out;
    for (const auto &v : m_items)
        out.append(ModelInfo::fromJson(v.toObject()));
    return out;
}

// ---------------------------------------------------------------------------------------------------------------
// UploadFileJob

UploadFileJob::UploadFileJob(ApiClient *client, QString path, QString purpose,
                             std::optional<qint64> expiresAfterSeconds)
    : ApiJob(client)
    , m_sendPath(path)
    , m_path(std::move(path))
    , m_purpose(std::move(purpose))
    , m_expiresAfter(expiresAfterSeconds)
{ }

UploadFileJob::~UploadFileJob()
{
    m_cancelConversion->store(true);
    if (!m_convertedPath.isEmpty())
        QFile::remove(m_convertedPath);
}

namespace {
struct Conversion
{
    bool ok = false;
    QString error;
    QString model;
    qint64 lines = 0;
};
} // namespace

void UploadFileJob::doStart()
{
    if (m_keepLocal) {
        // A real-time run's input: copied into this machine's store, not uploaded.
        LocalBackend *local = client()->localBackend();
        if (!local) {
            fail(ApiError::local(tr("This batch runs on this machine, but no local store is open.")));
            return;
        }
        emit progress(0, QFileInfo(m_path).size());
        local->importFile(m_path, client()->localOwner(), this, [this](Result<FileObject> file) {
            if (isFinished())
                return;
            if (!file) {
                fail(ApiError::local(file.errorString()));
                return;
            }
            m_result = file.value().toJson();
            emit progress(file.value().bytes, file.value().bytes);
            succeed();
        });
        return;
    }
    const Provider &provider = client()->provider();
    const bool convert = provider.family != Jsonl::WireFamily::OpenAI || provider.endpointWithoutV1;
    if (!convert) {
        ApiJob::doStart();
        return;
    }
    // The file is written for the provider first (Anthropic's inline body, Mistral's and Gemini's lines,
    // Azure's urls without /v1), on a worker thread: a 200 MB file must not stall the caller's thread.
    const QString dir = client()->stagingDir();
    if (dir.isEmpty()) {
        fail(ApiError::local(
            tr("Cannot create a folder for the converted file in %1.").arg(QDir::tempPath())));
        return;
    }
    const bool anthropic = provider.family == Jsonl::WireFamily::Anthropic;
    m_convertedPath = dir + u'/' + QUuid::createUuid().toString(QUuid::Id128)
        + (anthropic ? QStringLiteral(".json") : QStringLiteral(".jsonl"));
    auto *watcher = new QFutureWatcher<Conversion>(this);
    connect(watcher, &QFutureWatcher<Conversion>::finished, this, [this, watcher] {
        watcher->deleteLater();
        const Conversion c = watcher->result();
        converted(c.ok, c.error, c.model, c.lines);
    });
    const QString in = m_path;
    const QString out = m_convertedPath;
    const auto cancel = m_cancelConversion;
    const Jsonl::WireFamily family = provider.family;
    watcher->setFuture(QtConcurrent::run([in, out, cancel, family] {
        Conversion c;
        const auto progress = [cancel](qint64, qint64) { return !cancel->load(); };
        const Jsonl::ConvertResult r = family == Jsonl::WireFamily::OpenAI
            ? Wire::rewriteUrlsWithoutV1(in, out, progress)
            : Jsonl::convertRequestFile(in, family, out, progress);
        c.ok = r.ok;
        c.model = r.model;
        c.lines = r.lines;
        if (!r.ok) {
            if (!r.error.isEmpty())
                c.error = r.error;
            else if (!r.diagnostics.isEmpty())
                c.error =
                    tr("Line %1: %2").arg(r.diagnostics.first().line).arg(r.diagnostics.first().message);
        }
        return c;
    }));
}

bool UploadFileJob::doAbort()
{
    m_cancelConversion->store(true);
    return ApiJob::doAbort();
}

void UploadFileJob::converted(bool ok, const QString &error, const QString &model, qint64 lines)
{
    if (isFinished())
        return;
    const Provider &provider = client()->provider();
    if (!ok) {
        fail(ApiError::local(tr("%1 cannot take this file as it is. %2").arg(provider.displayName, error)));
        return;
    }
    m_model = model;
    if (provider.family == Jsonl::WireFamily::Anthropic) {
        // No Files API: the requests go inline with the create, which reads them from this staged file.
        ApiClient::StagedInput staged;
        staged.path = std::exchange(m_convertedPath, QString());
        staged.model = model;
        staged.lines = lines;
        staged.bytes = QFileInfo(staged.path).size();
        staged.createdAt = QDateTime::currentSecsSinceEpoch();
        staged.filename = QFileInfo(m_path).fileName();
        const QString id = client()->stageInput(staged);
        m_result = QJsonObject {{QStringLiteral("id"), id},
                                {QStringLiteral("object"), QStringLiteral("file")},
                                {QStringLiteral("bytes"), staged.bytes},
                                {QStringLiteral("created_at"), staged.createdAt},
                                {QStringLiteral("filename"), staged.filename},
                                {QStringLiteral("purpose"), QStringLiteral("batch")}};
        emit progress(staged.bytes, staged.bytes);
        succeed();
        return;
    }
    m_sendPath = m_convertedPath;
    ApiJob::doStart();
}

QNetworkReply *UploadFileJob::send()
{
    auto *file = new QFile(m_sendPath);
    if (!file->open(QIODevice::ReadOnly)) {
        fail(ApiError::local(tr("Cannot read %1: %2").arg(m_sendPath, file->errorString())));
        delete file;
        return nullptr;
    }
    const Provider &provider = client()->provider();
    QByteArray name = QFileInfo(m_path).fileName().toUtf8();
    name.replace('"', '_').replace('\r', '_').replace('\n', '_');
    if (provider.family == Jsonl::WireFamily::Gemini) {
        // Gemini: multipart/related, the file's metadata (JSON) then its bytes.
        auto *multi = new QHttpMultiPart(QHttpMultiPart::RelatedType);
        QHttpPart meta;
        meta.setHeader(QNetworkRequest::ContentTypeHeader,
                       QByteArrayLiteral("application/json; charset=UTF-8"));
        meta.setBody(QJsonDocument(QJsonObject {{QStringLiteral("file"),
                                                 QJsonObject {{QStringLiteral("display_name"),
                                                               QString::fromUtf8(name)}}}})
                         .toJson(QJsonDocument::Compact));
        multi->append(meta);
        QHttpPart data;
        data.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/jsonl"));
        data.setBodyDevice(file);
        file->setParent(multi);
        multi->append(data);
        QUrl url = client()->baseUrl();
        url.setPath(client()->siblingPath(u"/upload") + QStringLiteral("/files"));
        url.setQuery(QStringLiteral("uploadType=multipart"));
        QNetworkRequest request = client()->makeRequestForUrl(url);
        request.setRawHeader("X-Goog-Upload-Protocol", "multipart");
        request.setTransferTimeout(client()->transferTimeoutMs());
        QNetworkReply *reply = client()->networkAccessManager()->post(request, multi);
        multi->setParent(reply);
        return reply;
    }
    auto *multi = new QHttpMultiPart(QHttpMultiPart::FormDataType);
    auto textPart = [multi](const QByteArray &name, const QByteArray &value) {
        QHttpPart part;
        part.setHeader(QNetworkRequest::ContentDispositionHeader,
                       QByteArray("form-data; name=\"" + name + '"'));
        part.setBody(value);
        multi->append(part);
    };
    textPart("purpose", m_purpose.toUtf8());
    if (m_expiresAfter) {
        textPart("expires_after[anchor]", "created_at");
        textPart("expires_after[seconds]", QByteArray::number(*m_expiresAfter));
    }
    QHttpPart filePart;
    filePart.setHeader(QNetworkRequest::ContentDispositionHeader,
                       QByteArray("form-data; name=\"file\"; filename=\"" + name + '"'));
    filePart.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/octet-stream"));
    filePart.setBodyDevice(file); // streamed from disk, never read into memory
    file->setParent(multi);
    multi->append(filePart);

    QNetworkRequest request = client()->makeRequest(Wire::filesPath(provider));
    request.setTransferTimeout(client()->transferTimeoutMs());
    QNetworkReply *reply = client()->networkAccessManager()->post(request, multi);
    multi->setParent(reply);
    return reply;
}

ApiJob::Step UploadFileJob::handleSuccess(QNetworkReply *, const QByteArray &body)
{
    if (!parseObject(body, &m_result))
        return Step::Failed;
    m_result = Wire::normalizeFile(client()->provider(), m_result);
    QString problem;
    if (!checkObject(ObjectKind::File, m_result, &problem)) {
        m_result = {};
        fail(malformed(problem));
        return Step::Failed;
    }
    if (!m_model.isEmpty())
        client()->rememberFileModel(m_result.value(QLatin1StringView("id")).toString(), m_model);
    return Step::Done;
}

// ---------------------------------------------------------------------------------------------------------------
// FileContentJob

FileContentJob::FileContentJob(ApiClient *client, QString fileId, QString destinationPath)
    : ApiJob(client)
    , m_fileId(std::move(fileId))
    , m_destination(std::move(destinationPath))
{ }

FileContentJob::~FileContentJob() = default;

void FileContentJob::setLocalSource(const QString &path)
{
    setLocalCompletion([this, path] {
        struct Copy
        {
            QString error;
            QString sha256;
            qint64 bytes = 0;
        };
        auto *watcher = new QFutureWatcher<Copy>(this);
        connect(watcher, &QFutureWatcher<Copy>::finished, this, [this, watcher] {
            watcher->deleteLater();
            if (isFinished())
                return;
            const Copy copy = watcher->result();
            if (!copy.error.isEmpty()) {
                fail(ApiError::local(copy.error));
                return;
            }
            m_written = copy.bytes;
            m_sha256 = copy.sha256;
            emit progress(copy.bytes, copy.bytes);
            succeed();
        });
        const QString destination = m_destination;
        watcher->setFuture(QtConcurrent::run([path, destination] {
            Copy copy;
            QFile in(path);
            if (!in.open(QIODevice::ReadOnly)) {
                copy.error = tr("Cannot read %1: %2").arg(QDir::toNativeSeparators(path), in.errorString());
                return copy;
            }
            QDir().mkpath(QFileInfo(destination).absolutePath());
            QSaveFile out(destination);
            if (!out.open(QIODevice::WriteOnly)) {
                copy.error = tr("Cannot write %1: %2").arg(destination, out.errorString());
                return copy;
            }
            QCryptographicHash hash(QCryptographicHash::Sha256);
            while (true) {
                const QByteArray block = in.read(1 << 20);
                if (block.isEmpty())
                    break;
                hash.addData(block);
                copy.bytes += block.size();
                if (out.write(block) != block.size()) {
                    copy.error = tr("Cannot write %1: %2").arg(destination, out.errorString());
                    return copy;
                }
            }
            if (in.error() != QFileDevice::NoError || !out.commit()) {
                copy.error = tr("Cannot write %1: %2").arg(destination, out.errorString());
                return copy;
            }
            copy.sha256 = QString::fromLatin1(hash.result().toHex());
            return copy;
        }));
    });
}

QNetworkReply *FileContentJob::send()
{
    const Provider &provider = client()->provider();
    QNetworkRequest request;
    if (provider.family == Jsonl::WireFamily::Anthropic && m_fileId.endsWith(Wire::kResultsSuffix)) {
        // Anthropic's results of a batch (its results_url, on the same origin).
        const QString batchId = m_fileId.chopped(Wire::kResultsSuffix.size());
        request = client()->makeRequest(Wire::batchPath(provider, batchId) + QStringLiteral("/results"));
    } else if (provider.family == Jsonl::WireFamily::Gemini) {
        QUrl url = client()->baseUrl();
        url.setPath(client()->siblingPath(u"/download") + QStringLiteral("/files/") + m_fileId
                    + QStringLiteral(":download"));
        url.setQuery(QStringLiteral("alt=media"));
        request = client()->makeRequestForUrl(url);
    } else {
        request = client()->makeRequest(Wire::filePath(provider, m_fileId) + QStringLiteral("/content"));
    }
    request.setRawHeader("Accept", "application/binary");
    request.setTransferTimeout(client()->transferTimeoutMs());
    if (provider.family != Jsonl::WireFamily::OpenAI)
        m_converter = std::make_unique<Jsonl::ResultLineConverter>(provider.family);
    QNetworkReply *reply = client()->networkAccessManager()->get(request);
    // Without a bounded read buffer QNetworkReply keeps the whole body in memory.
    reply->setReadBufferSize(1 << 20);
    return reply;
}

bool FileContentJob::write(const QByteArray &data)
{
    if (data.isEmpty())
        return true;
    if (m_out->write(data) != data.size())
        return false;
    m_hash.addData(data);
    m_written += data.size();
    return true;
}

void FileContentJob::onReadyRead(QNetworkReply *reply)
{
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    if (status < 200 || status >= 300 || m_writeFailed)
        return; // an error body is read whole at the end
    if (!m_out) {
        QDir().mkpath(QFileInfo(m_destination).absolutePath());
        m_out = std::make_unique<QSaveFile>(m_destination);
        if (!m_out->open(QIODevice::WriteOnly)) {
            m_writeFailed = true;
            return;
        }
    }
    const QByteArray chunk = reply->readAll();
    // Another provider's result lines are written as OpenAI's output lines, so the results join and export
    // read them unchanged.
    if (!write(m_converter ? m_converter->feed(chunk) : chunk))
        m_writeFailed = true;
}

ApiJob::Step FileContentJob::handleSuccess(QNetworkReply *reply, const QByteArray &)
{
    onReadyRead(reply);
    if (!m_out && !m_writeFailed) {
        // An empty file produces no readyRead.
        QDir().mkpath(QFileInfo(m_destination).absolutePath());
        m_out = std::make_unique<QSaveFile>(m_destination);
        m_writeFailed = !m_out->open(QIODevice::WriteOnly);
    }
    if (!m_writeFailed && m_converter && !write(m_converter->finish()))
        m_writeFailed = true;
    if (m_writeFailed || !m_out->commit()) {
        const QString reason = m_out ? m_out->errorString() : QString();
        m_out.reset();
        fail(ApiError::local(tr("Cannot write %1: %2").arg(m_destination, reason)));
        return Step::Failed;
    }
    m_out.reset();
    m_sha256 = QString::fromLatin1(m_hash.result().toHex());
    return Step::Done;
}

void FileContentJob::prepareRetry()
{
    m_converter.reset();
    m_out.reset(); // discards the temporary file
    m_hash.reset();
    m_written = 0;
    m_writeFailed = false;
}

// ---------------------------------------------------------------------------------------------------------------
// CreateBatchJob

CreateBatchJob::CreateBatchJob(ApiClient *client, const CreateBatchParams &params)
    : RequestJob(client, "POST", Wire::batchesPath(client->provider()), {}, ObjectKind::Batch)
{
    CreateBatchParams p = params;
    const Provider &provider = client->provider();
    m_clientId = p.metadata.value(kClientIdKey);
    if (m_clientId.isEmpty() && p.metadata.size() < kMaxMetadataPairs) {
        m_clientId = QUuid::createUuid().toString(QUuid::WithoutBraces);
        p.metadata.insert(kClientIdKey, m_clientId);
    }
    // Where the provider keeps no metadata the id still names the local record of the submission, but a lost
    // answer cannot be matched to a batch by it.
    m_canReconcile = !m_clientId.isEmpty() && client->canFindByClientId();
    if (client->runsLocally() || p.runnerAccountId > 0 || client->isLocal(p.inputFileId)) {
        // A real-time run on this machine: recorded and started by the local store, nothing is sent.
        LocalBackend *local = client->localBackend();
        if (!local) {
            setPreflightError(
                ApiError::local(tr("This batch runs on this machine, but no local store is open.")));
            return;
        }
        const qint64 owner = client->localOwner();
        const qint64 runner = p.runnerAccountId > 0 ? p.runnerAccountId : owner;
        setLocalHandler([local, p, owner, runner]() -> Result<QJsonObject> {
            const Result<Batch> created = local->createLocal(p, owner, runner);
            if (!created)
                return created.error();
            return created.value().raw;
        });
        return;
    }
    QString model = p.model;
    if (model.isEmpty())
        model = client->fileModel(p.inputFileId);
    switch (provider.family) {
    case Jsonl::WireFamily::OpenAI:
    case Jsonl::WireFamily::Mistral:
        if (provider.family == Jsonl::WireFamily::Mistral && model.isEmpty())
            setPreflightError(ApiError::local(
                tr("Mistral needs the model of the batch; it is known only for a file uploaded in this "
                   "session. Submit the file again.")));
        m_body = Wire::createBody(provider, p, model);
        break;
    case Jsonl::WireFamily::Gemini: {
        const auto safeModel = [](const QString &m) {
            const QStringList segments = m.split(u'/');
            return segments.size() <= 2
                && std::all_of(segments.begin(), segments.end(),
                               [](const QString &x) { return isSafeServerId(x); });
        };
        if (model.isEmpty() || !safeModel(model)) {
            setPreflightError(ApiError::local(
                model.isEmpty() ? tr("Gemini needs the model of the batch; it is known only for a file "
                                     "uploaded in this session. Submit the file again.")
                                : tr("\"%1\" is not a model name Batchdesk can send to Gemini.")
                                      .arg(printableId(model))));
        }
        m_path = QStringLiteral("/models/") + model + QStringLiteral(":batchGenerateContent");
        m_body =
            QJsonObject {{QStringLiteral("batch"),
                          QJsonObject {{QStringLiteral("display_name"), Wire::geminiDisplayName(m_clientId)},
                                       {QStringLiteral("input_config"),
                                        QJsonObject {{QStringLiteral("file_name"),
                                                      QString(QStringLiteral("files/") + p.inputFileId)}}}}}};
        break;
    }
    case Jsonl::WireFamily::Anthropic:
        if (const auto staged = client->stagedInput(p.inputFileId))
            m_stagedPath = staged->path;
        else
            setPreflightError(ApiError::local(
                tr("The converted requests of this submission are no longer here (they are kept only "
                   "while Batchdesk runs). Submit the file again.")));
        break;
    }
}

CreateBatchJob::~CreateBatchJob() = default;

QNetworkReply *CreateBatchJob::send()
{
    if (m_stagedPath.isEmpty())
        return RequestJob::send();
    // Anthropic: the requests inline, streamed from the staged file, never resent by Qt (OneShotFileBody).
    auto *body = new OneShotFileBody(m_stagedPath, nullptr);
    if (!body->isOpen()) {
        delete body;
        fail(ApiError::local(tr("Cannot read the converted requests (%1).").arg(m_stagedPath)));
        return nullptr;
    }
    QNetworkRequest request = client()->makeRequest(m_path);
    request.setTransferTimeout(client()->transferTimeoutMs());
    request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
    request.setHeader(QNetworkRequest::ContentLengthHeader, body->size());
    request.setAttribute(QNetworkRequest::DoNotBufferUploadDataAttribute, true);
    QNetworkReply *reply = client()->networkAccessManager()->post(request, body);
    body->setParent(reply);
    return reply;
}

ListJob *CreateBatchJob::findByClientId(ApiClient *client)
{
    // The newest 300 batches: a batch created seconds ago is on the first page.
    return client->listBatches(100, 3);
}

std::optional<Batch> CreateBatchJob::matchClientId(const QList<Batch> &batches, const QString &clientId)
{
    if (clientId.isEmpty())
        return std::nullopt;
    for (const auto &b : batches) {
        if (b.metadata.value(kClientIdKey) == clientId)
            return b;
    }
    return std::nullopt;
}

void CreateBatchJob::handleAmbiguousFailure(const ApiError &error)
{
    if (!m_canReconcile) {
        ApiError e = error;
        e.message +=
            tr(" The batch may have been created anyway: look at the batch list before submitting again.");
        fail(e);
        return;
    }
    emit reconciling();
    qCInfo(lcApi) << "create batch: ambiguous failure, looking for client id" << m_clientId;
    ListJob *list = findByClientId(client());
    connect(list, &ApiJob::finished, this, [this, list, error] {
        if (isFinished())
            return;
        if (list->failed()) {
            ApiError e = error;
            e.message +=
                tr(" Batchdesk could not check whether the batch was created (%1); it will check again "
                   "before sending it another time.")
                    .arg(list->errorString());
            fail(e);
            return;
        }
        if (const auto found = matchClientId(list->batches(), m_clientId)) {
            qCInfo(lcApi) << "create batch: found" << found->id << "created by the lost request";
            m_result = found->raw;
            m_reconciled = true;
            succeed();
            return;
        }
        if (!scheduleRetry(tr("The batch was not created (%1); sending it again.").arg(error.message)))
            fail(error);
    });
    list->start();
}

} // namespace Batchdesk::Api
