#include "apiclient.h"

#include "apijob.h"
#include "common/version.h"

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
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::NoLessSafeRedirectPolicy);
    return request;
}

UploadFileJob *ApiClient::uploadFile(const QString &path, std::optional<qint64> expiresAfterSeconds,
                                     const QString &purpose)
{
    return new UploadFileJob(this, path, purpose, expiresAfterSeconds);
}

RequestJob *ApiClient::retrieveFile(const QString &fileId)
{
    return new RequestJob(this, "GET", QStringLiteral("/files/") + fileId);
}

ListJob *ApiClient::listFiles(const QString &purpose, int pageLimit)
{
    QUrlQuery query;
    if (!purpose.isEmpty())
        query.addQueryItem(QStringLiteral("purpose"), purpose);
    return new ListJob(this, QStringLiteral("/files"), query, pageLimit, 0);
}

RequestJob *ApiClient::deleteFile(const QString &fileId)
{
    return new RequestJob(this, "DELETE", QStringLiteral("/files/") + fileId);
}

FileContentJob *ApiClient::downloadFileContent(const QString &fileId, const QString &destinationPath)
{
    return new FileContentJob(this, fileId, destinationPath);
}

CreateBatchJob *ApiClient::createBatch(const CreateBatchParams &params)
{
    return new CreateBatchJob(this, params);
}

RequestJob *ApiClient::retrieveBatch(const QString &batchId)
{
    return new RequestJob(this, "GET", QStringLiteral("/batches/") + batchId);
}

ListJob *ApiClient::listBatches(int pageLimit, int maxPages)
{
    return new ListJob(this, QStringLiteral("/batches"), {}, pageLimit, maxPages);
}

RequestJob *ApiClient::cancelBatch(const QString &batchId)
{
    return new RequestJob(this, "POST", QStringLiteral("/batches/") + batchId + QStringLiteral("/cancel"));
}

ListJob *ApiClient::listModels()
{
    return new ListJob(this, QStringLiteral("/models"), {}, 0, 1);
}

} // namespace Batchdesk::Api
