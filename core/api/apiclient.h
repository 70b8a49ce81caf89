#pragma once

#include "retrypolicy.h"
#include "types.h"

#include <QNetworkRequest>
#include <QObject>
#include <QUrl>
#include <QUrlQuery>

#include <functional>
#include <optional>

class QNetworkAccessManager;

namespace Batchdesk::Api {

class RequestJob;
class ListJob;
class UploadFileJob;
class FileContentJob;
class CreateBatchJob;

/**
 * The entry point of the API layer: builds requests against one account (base URL + key) and creates one job
 * per endpoint.
 *
 * Owns nothing but its settings; the QNetworkAccessManager is injected and must outlive the client. Jobs are
 * created unstarted, parented to the client unless a parent is given, and delete themselves after finished()
 * unless setAutoDelete(false). GUI-thread (or any single thread with an event loop) only.
 *
 * The base URL is a prefix: "https://api.deepinfra.com/v1/openai" + "/files". The key is held in memory only,
 * sent as "Authorization: Bearer", and never logged or put in an error message.
 */
class ApiClient final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ApiClient)

public:
    explicit ApiClient(QNetworkAccessManager *nam, QObject *parent = nullptr);
    ~ApiClient() override;

    QNetworkAccessManager *networkAccessManager() const { return m_nam; }
    void setBaseUrl(const QUrl &url);
    QUrl baseUrl() const { return m_baseUrl; }
    void setApiKey(const QString &key) { m_apiKey = key; }
    bool hasApiKey() const { return !m_apiKey.isEmpty(); }
    void setRetryPolicy(const RetryPolicy &policy) { m_retryPolicy = policy; }
    RetryPolicy retryPolicy() const { return m_retryPolicy; }
    /** Inactivity timeout of JSON calls, in ms (default 60 s); uploads and downloads use transferTimeoutMs().
     */
    void setRequestTimeoutMs(int ms) { m_requestTimeoutMs = ms; }
    int requestTimeoutMs() const { return m_requestTimeoutMs; }
    void setTransferTimeoutMs(int ms) { m_transferTimeoutMs = ms; }
    int transferTimeoutMs() const { return m_transferTimeoutMs; }
    /** Random source for the backoff jitter, replaceable in tests. */
    void setRandom(std::function<double()> random) { m_random = std::move(random); }
    double random01() const;

    /** A request for base URL + path (+ query) with the auth, User-Agent and Accept headers set. */
    QNetworkRequest makeRequest(const QString &path, const QUrlQuery &query = {}) const;

    // Files
    UploadFileJob *uploadFile(const QString &path, std::optional<qint64> expiresAfterSeconds = std::nullopt,
                              const QString &purpose = QStringLiteral("batch"));
    RequestJob *retrieveFile(const QString &fileId);
    ListJob *listFiles(const QString &purpose = {}, int pageLimit = 10'000);
    RequestJob *deleteFile(const QString &fileId);
    FileContentJob *downloadFileContent(const QString &fileId, const QString &destinationPath);

    // Batches
    CreateBatchJob *createBatch(const CreateBatchParams &params);
    RequestJob *retrieveBatch(const QString &batchId);
    ListJob *listBatches(int pageLimit = 100, int maxPages = 0);
    RequestJob *cancelBatch(const QString &batchId);

    // Models
    ListJob *listModels();

private:
    QNetworkAccessManager *m_nam;
    QUrl m_baseUrl;
    QString m_apiKey;
    QByteArray m_userAgent;
    RetryPolicy m_retryPolicy;
    int m_requestTimeoutMs = 60'000;
    int m_transferTimeoutMs = 120'000;
    std::function<double()> m_random;
};

} // namespace Batchdesk::Api
