#include "apijob.h"
#include "common/translate.h"

#include "apiclient.h"
#include "common/logging.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QHttpMultiPart>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QUuid>

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

ApiJob::Step RequestJob::handleSuccess(QNetworkReply *, const QByteArray &body)
{
    if (!parseObject(body, &m_result))
        return Step::Failed;
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

QNetworkReply *ListJob::send()
{
    QUrlQuery query = m_query;
    if (m_pageLimit > 0)
        query.addQueryItem(QStringLiteral("limit"),
                           QString::number(qMin(m_pageLimit, qMax(1, m_maxItems - int(m_items.size())))));
    if (!m_after.isEmpty())
        query.addQueryItem(QStringLiteral("after"), m_after);
    QNetworkRequest request = client()->makeRequest(m_path, query);
    request.setTransferTimeout(client()->requestTimeoutMs());
    return client()->networkAccessManager()->get(request);
}

ApiJob::Step ListJob::handleSuccess(QNetworkReply *, const QByteArray &body)
{
    QJsonObject page;
    if (!parseObject(body, &page))
        return Step::Failed;
    const QJsonValue data = page.value(QLatin1StringView("data"));
    if (!data.isArray())
        return Step::Failed;
    const QJsonArray items = data.toArray();
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
    m_hasMore = page.value(QLatin1StringView("has_more")).toBool(false);
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
    // Page on with the last id; tolerate a missing last_id by taking the last item's id.
    QString after = page.value(QLatin1StringView("last_id")).toString();
    if (after.isEmpty())
        after = items.last().toObject().value(QLatin1StringView("id")).toString();
    if (after.isEmpty() || m_cursors.contains(after)) {
        m_warning = tr("The server sent a page cursor that was already used; the list stops here.");
        return Step::Done;
    }
    m_cursors.insert(after);
    m_after = after;
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
    , m_path(std::move(path))
    , m_purpose(std::move(purpose))
    , m_expiresAfter(expiresAfterSeconds)
{ }

QNetworkReply *UploadFileJob::send()
{
    auto *file = new QFile(m_path);
    if (!file->open(QIODevice::ReadOnly)) {
        fail(ApiError::local(tr("Cannot read %1: %2").arg(m_path, file->errorString())));
        delete file;
        return nullptr;
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
    QByteArray name = QFileInfo(m_path).fileName().toUtf8();
    name.replace('"', '_').replace('\r', '_').replace('\n', '_');
    filePart.setHeader(QNetworkRequest::ContentDispositionHeader,
                       QByteArray("form-data; name=\"file\"; filename=\"" + name + '"'));
    filePart.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/octet-stream"));
    filePart.setBodyDevice(file); // streamed from disk, never read into memory
    file->setParent(multi);
    multi->append(filePart);

    QNetworkRequest request = client()->makeRequest(QStringLiteral("/files"));
    request.setTransferTimeout(client()->transferTimeoutMs());
    QNetworkReply *reply = client()->networkAccessManager()->post(request, multi);
    multi->setParent(reply);
    return reply;
}

ApiJob::Step UploadFileJob::handleSuccess(QNetworkReply *, const QByteArray &body)
{
    if (!parseObject(body, &m_result))
        return Step::Failed;
    QString problem;
    if (!checkObject(ObjectKind::File, m_result, &problem)) {
        m_result = {};
        fail(malformed(problem));
        return Step::Failed;
    }
    return Step::Done;
}

// ---------------------------------------------------------------------------------------------------------------
// FileContentJob

FileContentJob::FileContentJob(ApiClient *client, QString fileId, QString destinationPath)
    : ApiJob(client)
    , m_fileId(std::move(fileId))
    , m_destination(std::move(destinationPath))
{ }

QNetworkReply *FileContentJob::send()
{
    QNetworkRequest request =
        client()->makeRequest(QStringLiteral("/files/") + m_fileId + QStringLiteral("/content"));
    request.setRawHeader("Accept", "application/binary");
    request.setTransferTimeout(client()->transferTimeoutMs());
    QNetworkReply *reply = client()->networkAccessManager()->get(request);
    // Without a bounded read buffer QNetworkReply keeps the whole body in memory.
    reply->setReadBufferSize(1 << 20);
    return reply;
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
    if (m_out->write(chunk) != chunk.size())
        m_writeFailed = true;
    m_hash.addData(chunk);
    m_written += chunk.size();
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
    m_out.reset(); // discards the temporary file
    m_hash.reset();
    m_written = 0;
    m_writeFailed = false;
}

// ---------------------------------------------------------------------------------------------------------------
// CreateBatchJob

CreateBatchJob::CreateBatchJob(ApiClient *client, const CreateBatchParams &params)
    : RequestJob(client, "POST", QStringLiteral("/batches"), {}, ObjectKind::Batch)
{
    CreateBatchParams p = params;
    m_clientId = p.metadata.value(kClientIdKey);
    if (m_clientId.isEmpty() && p.metadata.size() < kMaxMetadataPairs) {
        m_clientId = QUuid::createUuid().toString(QUuid::WithoutBraces);
        p.metadata.insert(kClientIdKey, m_clientId);
    }
    m_body = p.toJson();
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
    if (m_clientId.isEmpty()) {
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
