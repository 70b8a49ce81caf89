#include "apiclient.h"

#include "apijob.h"
#include "common/version.h"
#include "localbackend.h"
#include "wire.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QNetworkAccessManager>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QUuid>

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
    QUrlQuery q = query;
    if (m_provider.auth == AuthStyle::AzureApiKey && !q.hasQueryItem(QStringLiteral("api-version"))) {
        // Azure: every request names its API version; the base URL may carry its own.
        const QUrlQuery base(m_baseUrl);
        q.addQueryItem(QStringLiteral("api-version"),
                       base.hasQueryItem(QStringLiteral("api-version"))
                           ? base.queryItemValue(QStringLiteral("api-version"))
                           : m_provider.apiVersion);
    }
    url.setQuery(q.isEmpty() ? QString() : q.query(QUrl::FullyEncoded));
    return makeRequestForUrl(url);
}

QNetworkRequest ApiClient::makeRequestForUrl(QUrl url) const
{
    QNetworkRequest request(url);
    if (!m_apiKey.isEmpty()) {
        const QByteArray key = m_apiKey.toUtf8();
        switch (m_provider.auth) {
        case AuthStyle::Bearer:
            request.setRawHeader("Authorization", "Bearer " + key);
            break;
        case AuthStyle::AzureApiKey:
            request.setRawHeader("api-key", key);
            break;
        case AuthStyle::AnthropicKey:
            request.setRawHeader("x-api-key", key);
            break;
        case AuthStyle::GoogleKey:
            request.setRawHeader("x-goog-api-key", key);
            break;
        }
    }
    if (m_provider.auth == AuthStyle::AnthropicKey)
        request.setRawHeader("anthropic-version", m_provider.apiVersion.toLatin1());
    for (const auto &[name, value] : m_extraHeaders)
        request.setRawHeader(name, value);
    request.setHeader(QNetworkRequest::UserAgentHeader, m_userAgent);
    request.setRawHeader("Accept", "application/json");
    // Every redirect is checked by the job (ApiJob::onRedirected): followed only within the same origin.
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute,
                         QNetworkRequest::UserVerifiedRedirectPolicy);
    return request;
}

QString ApiClient::siblingPath(QStringView prefix) const
{
    const QString path = m_baseUrl.path();
    const qsizetype slash = path.lastIndexOf(u'/');
    if (slash < 0)
        return prefix.toString() + path;
    return path.left(slash) + prefix + path.mid(slash);
}

bool ApiClient::canFindByClientId() const
{
    return m_provider.hasMetadata || m_provider.family == Jsonl::WireFamily::Gemini;
}

bool ApiClient::isLocal(const QString &id) const
{
    return m_localBackend && m_localBackend->isLocal(id);
}

QString ApiClient::stagingDir()
{
    if (!m_staging) {
        m_staging =
            std::make_unique<QTemporaryDir>(QDir::tempPath() + QStringLiteral("/batchdesk-staging-XXXXXX"));
        if (!m_staging->isValid())
            return {};
    }
    return m_staging->isValid() ? m_staging->path() : QString();
}

QString ApiClient::stageInput(const StagedInput &input)
{
    const QString id = QStringLiteral("local-") + QUuid::createUuid().toString(QUuid::Id128);
    m_staged.insert(id, input);
    return id;
}

std::optional<ApiClient::StagedInput> ApiClient::stagedInput(const QString &id) const
{
    const auto it = m_staged.constFind(id);
    if (it == m_staged.constEnd())
        return std::nullopt;
    return *it;
}

bool ApiClient::dropStagedInput(const QString &id)
{
    const auto it = m_staged.find(id);
    if (it == m_staged.end())
        return false;
    QFile::remove(it->path);
    m_staged.erase(it);
    return true;
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

QString localError(const char *text)
{
    return QCoreApplication::translate("Batchdesk::Api", text);
}

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
                                     const QString &purpose, bool keepLocal)
{
    // "batch" is the purpose of a batch input everywhere but on Together ("batch-api").
    auto *job = new UploadFileJob(this, path,
                                  purpose == QLatin1StringView("batch") ? m_provider.uploadPurpose : purpose,
                                  expiresAfterSeconds);
    job->setLocal(keepLocal || runsLocally());
    return job;
}

RequestJob *ApiClient::retrieveFile(const QString &fileId)
{
    auto *job = new RequestJob(this, "GET", Wire::filePath(m_provider, fileId), {}, ObjectKind::File);
    if (runsLocally() || isLocal(fileId)) {
        LocalBackend *local = m_localBackend;
        job->setLocalHandler([local, fileId]() -> Result<QJsonObject> {
            const auto file = local ? local->localFile(fileId) : std::nullopt;
            if (!file)
                return Result<QJsonObject>::failure(
                    QStringLiteral("not_found"),
                    localError(QT_TRANSLATE_NOOP("Batchdesk::Api", "No such file: %1"))
                        .arg(printableId(fileId)));
            return file->toJson();
        });
        return job;
    }
    if (const auto staged = stagedInput(fileId)) {
        job->setLocalResult(QJsonObject {{QStringLiteral("id"), fileId},
                                         {QStringLiteral("object"), QStringLiteral("file")},
                                         {QStringLiteral("bytes"), staged->bytes},
                                         {QStringLiteral("created_at"), staged->createdAt},
                                         {QStringLiteral("filename"), staged->filename},
                                         {QStringLiteral("purpose"), QStringLiteral("batch")}});
        return job;
    }
    return checked(job, fileId, IdKind::File);
}

ListJob *ApiClient::listFiles(const QString &purpose, int pageLimit, int maxItems)
{
    QUrlQuery query;
    // Gemini's files have no purpose to filter by; the others take it as a query item.
    if (!purpose.isEmpty() && m_provider.family != Jsonl::WireFamily::Gemini)
        query.addQueryItem(QStringLiteral("purpose"),
                           purpose == QLatin1StringView("batch") ? m_provider.uploadPurpose : purpose);
    auto *job =
        new ListJob(this, Wire::filesPath(m_provider), query, pageLimit, 0, ObjectKind::File, maxItems);
    if (runsLocally()) {
        LocalBackend *local = m_localBackend;
        const qint64 owner = m_localOwner;
        job->setLocalItems([local, owner] {
            QJsonArray items;
            if (local) {
                for (const FileObject &f : local->localFiles(owner))
                    items.append(f.toJson());
            }
            return items;
        });
        return job;
    }
    if (m_provider.family == Jsonl::WireFamily::Anthropic)
        job->setLocalItems(QJsonArray()); // requests go inline: there are no files on the server
    return job;
}

RequestJob *ApiClient::deleteFile(const QString &fileId)
{
    auto *job = new RequestJob(this, "DELETE", Wire::filePath(m_provider, fileId));
    if (runsLocally() || isLocal(fileId)) {
        LocalBackend *local = m_localBackend;
        job->setLocalHandler([local, fileId]() -> Result<QJsonObject> {
            if (!local)
                return Result<QJsonObject>::failure(QStringLiteral("not_found"), fileId);
            if (auto removed = local->removeLocalFile(fileId); !removed)
                return removed.error();
            return QJsonObject {{QStringLiteral("id"), fileId},
                                {QStringLiteral("object"), QStringLiteral("file")},
                                {QStringLiteral("deleted"), true}};
        });
        return job;
    }
    if (stagedInput(fileId)) {
        dropStagedInput(fileId);
        job->setLocalResult(QJsonObject {{QStringLiteral("id"), fileId},
                                         {QStringLiteral("object"), QStringLiteral("file")},
                                         {QStringLiteral("deleted"), true}});
        return job;
    }
    return checked(job, fileId, IdKind::File);
}

FileContentJob *ApiClient::downloadFileContent(const QString &fileId, const QString &destinationPath)
{
    auto *job = new FileContentJob(this, fileId, destinationPath);
    if (runsLocally() || isLocal(fileId)) {
        const QString path = m_localBackend ? m_localBackend->localPath(fileId) : QString();
        if (path.isEmpty())
            job->setPreflightError(ApiError::make(
                ApiError::Kind::Http,
                localError(QT_TRANSLATE_NOOP("Batchdesk::Api", "No such file: %1")).arg(printableId(fileId)),
                404));
        else
            job->setLocalSource(path);
        return job;
    }
    return checked(job, fileId, IdKind::File);
}

CreateBatchJob *ApiClient::createBatch(const CreateBatchParams &params)
{
    return new CreateBatchJob(this, params);
}

RequestJob *ApiClient::retrieveBatch(const QString &batchId)
{
    auto *job = new RequestJob(this, "GET", Wire::batchPath(m_provider, batchId), {}, ObjectKind::Batch);
    if (runsLocally() || isLocal(batchId)) {
        LocalBackend *local = m_localBackend;
        job->setLocalHandler([local, batchId]() -> Result<QJsonObject> {
            const auto batch = local ? local->localBatch(batchId) : std::nullopt;
            if (!batch)
                return Result<QJsonObject>::failure(
                    QStringLiteral("not_found"),
                    localError(QT_TRANSLATE_NOOP("Batchdesk::Api", "No such batch: %1"))
                        .arg(printableId(batchId)));
            return batch->raw;
        });
        return job;
    }
    return checked(job, batchId, IdKind::Batch);
}

ListJob *ApiClient::listBatches(int pageLimit, int maxPages, int maxItems)
{
    auto *job = new ListJob(this, Wire::batchesPath(m_provider), {}, pageLimit, maxPages, ObjectKind::Batch,
                            maxItems);
    if (m_localBackend) {
        // This account's real-time runs: all its batches ("Run here"), or a job's stragglers beside the
        // server's.
        LocalBackend *local = m_localBackend;
        const qint64 owner = m_localOwner;
        auto items = [local, owner] {
            QJsonArray out;
            for (const Batch &b : local->localBatches(owner))
                out.append(b.raw);
            return out;
        };
        if (runsLocally())
            job->setLocalItems(items);
        else
            job->setExtraItems(items);
    } else if (runsLocally()) {
        job->setLocalItems(QJsonArray());
    }
    return job;
}

RequestJob *ApiClient::cancelBatch(const QString &batchId)
{
    if (runsLocally() || isLocal(batchId)) {
        auto *job =
            new RequestJob(this, "POST", Wire::cancelPath(m_provider, batchId), {}, ObjectKind::Batch);
        LocalBackend *local = m_localBackend;
        job->setLocalHandler([local, batchId]() -> Result<QJsonObject> {
            if (!local)
                return Result<QJsonObject>::failure(QStringLiteral("not_found"), batchId);
            const Result<Batch> cancelled = local->cancelLocal(batchId);
            if (!cancelled)
                return cancelled.error();
            return cancelled.value().raw;
        });
        return job;
    }
    auto *job = new RequestJob(this, "POST", Wire::cancelPath(m_provider, batchId), {},
                               m_provider.family == Jsonl::WireFamily::Gemini ? ObjectKind::Object
                                                                              : ObjectKind::Batch);
    // Gemini answers a cancel with an empty object: the batch is read after it.
    if (m_provider.family == Jsonl::WireFamily::Gemini)
        job->setFollowUp(Wire::batchPath(m_provider, batchId), ObjectKind::Batch);
    return checked(job, batchId, IdKind::Batch);
}

ListJob *ApiClient::listModels()
{
    return new ListJob(this, QStringLiteral("/models"), {}, 0, 1, ObjectKind::Model);
}

} // namespace Batchdesk::Api
