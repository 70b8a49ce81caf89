#include "apiclient.h"

#include "apijob.h"
#include "common/version.h"

#include <QCoreApplication>
#include <QNetworkAccessManager>
#include <QRandomGenerator>

namespace Batchdesk::Api {

ApiClient::ApiClient(QNetworkAccessManager *nam, QObject *parent)
    : QObject(parent)
    , m_nam(nam)
    , m_userAgent(userAgent().toUtf8())
{ }

ApiClient::~ApiClient() = default;

void ApiClient::setBaseUrl(const QUrl &url)
{
    m_baseUrl = url;
    QString path = m_baseUrl.path();
    while (path.endsWith(u'/'))
        path.chop(1);
    m_baseUrl.setPath(path);
}

double ApiClient::random01() const
{
    return m_random ? m_random() : QRandomGenerator::global()->generateDouble();
}

QNetworkRequest ApiClient::makeRequest(const QString &path, const QUrlQuery &query) const
{
    QUrl url = m_baseUrl;
    url.setPath(m_baseUrl.path() + path);
    if (!query.isEmpty())
        url.setQuery(query);
    QNetworkRequest request(url);
    if (!m_apiKey.isEmpty())
        request.setRawHeader("Authorization", "Bearer " + m_apiKey.toUtf8());
    request.setHeader(QNetworkRequest::UserAgentHeader, m_userAgent);
    request.setRawHeader("Accept", "application/json");
    // Every redirect is checked by the job (ApiJob::onRedirected): followed only within the same origin.
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute,
                         QNetworkRequest::UserVerifiedRedirectPolicy);
    return request;
}

bool ApiClient::isSameOrigin(const QUrl &url) const
{
    const auto defaultPort = [](const QUrl &u) {
        return u.port(u.scheme().compare(QLatin1StringView("https"), Qt::CaseInsensitive) == 0 ? 443 : 80);
    };
    return url.scheme().compare(m_baseUrl.scheme(), Qt::CaseInsensitive) == 0
        && url.host().compare(m_baseUrl.host(), Qt::CaseInsensitive) == 0
        && defaultPort(url) == defaultPort(m_baseUrl);
}

namespace {
// A job for an id that must not go into a request path fails without sending anything.
enum class IdKind { Batch, File };

template<typename Job>
Job *checked(Job *job, const QString &id, IdKind kind)
{
    if (!isSafeServerId(id)) {
        const char *text = kind == IdKind::Batch
            ? QT_TRANSLATE_NOOP("Batchdesk::Api", "\"%1\" is not a valid batch id.")
            : QT_TRANSLATE_NOOP("Batchdesk::Api", "\"%1\" is not a valid file id.");
        job->setPreflightError(
            ApiError::local(QCoreApplication::translate("Batchdesk::Api", text).arg(printableId(id))));
    }
    return job;
}
} // namespace

UploadFileJob *ApiClient::uploadFile(const QString &path, std::optional<qint64> expiresAfterSeconds,
                                     const QString &purpose)
{
    return new UploadFileJob(this, path, purpose, expiresAfterSeconds);
}

RequestJob *ApiClient::retrieveFile(const QString &fileId)
{
    return checked(new RequestJob(this, "GET", QStringLiteral("/files/") + fileId, {}, ObjectKind::File),
                   fileId, IdKind::File);
}

ListJob *ApiClient::listFiles(const QString &purpose, int pageLimit, int maxItems)
{
    QUrlQuery query;
    if (!purpose.isEmpty())
        query.addQueryItem(QStringLiteral("purpose"), purpose);
    return new ListJob(this, QStringLiteral("/files"), query, pageLimit, 0, ObjectKind::File, maxItems);
}

RequestJob *ApiClient::deleteFile(const QString &fileId)
{
    return checked(new RequestJob(this, "DELETE", QStringLiteral("/files/") + fileId), fileId, IdKind::File);
}

FileContentJob *ApiClient::downloadFileContent(const QString &fileId, const QString &destinationPath)
{
    return checked(new FileContentJob(this, fileId, destinationPath), fileId, IdKind::File);
}

CreateBatchJob *ApiClient::createBatch(const CreateBatchParams &params)
{
    return new CreateBatchJob(this, params);
}

RequestJob *ApiClient::retrieveBatch(const QString &batchId)
{
    return checked(new RequestJob(this, "GET", QStringLiteral("/batches/") + batchId, {}, ObjectKind::Batch),
                   batchId, IdKind::Batch);
}

ListJob *ApiClient::listBatches(int pageLimit, int maxPages, int maxItems)
{
    return new ListJob(this, QStringLiteral("/batches"), {}, pageLimit, maxPages, ObjectKind::Batch,
                       maxItems);
}

RequestJob *ApiClient::cancelBatch(const QString &batchId)
{
    return checked(new RequestJob(this, "POST",
                                  QStringLiteral("/batches/") + batchId + QStringLiteral("/cancel"), {},
                                  ObjectKind::Batch),
                   batchId, IdKind::Batch);
}

ListJob *ApiClient::listModels()
{
    return new ListJob(this, QStringLiteral("/models"), {}, 0, 1, ObjectKind::Model);
}

} // namespace Batchdesk::Api
