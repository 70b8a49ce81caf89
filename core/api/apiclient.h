#pragma once

#include "provider.h"
#include "retrypolicy.h"
#include "types.h"

#include <QNetworkRequest>
#include <QObject>
#include <QUrl>
#include <QUrlQuery>

#include <QHash>

#include <functional>
#include <memory>
#include <optional>

class QTemporaryDir;

class QNetworkAccessManager;

namespace Batchdesk::Api {

class RequestJob;
class ListJob;
class UploadFileJob;
class FileContentJob;
class CreateBatchJob;
class LocalBackend;

/**
 * The entry point of the API layer: builds requests against one account (base URL + key) and creates one job
 * per endpoint.
 *
 * Owns nothing but its settings; the QNetworkAccessManager is injected and must outlive the client. Jobs are
 * created unstarted, parented to the client unless a parent is given, and delete themselves after finished()
 * unless setAutoDelete(false). GUI-thread (or any single thread with an event loop) only.
 *
 * The client speaks one provider's wire format (setProvider(), default: OpenAI's shape with a Bearer key) and
 * hands its callers OpenAI's Batch / OpenAIFile shapes and output lines whatever the provider
 * (core/api/wire.*, docs/providers.md): Anthropic's inline requests, Mistral's and Gemini's line formats and
 * their results are converted by the jobs.
 *
 * The base URL is a prefix: "https://api.deepinfra.com/v1/openai" + "/files". The key is held in memory only,
 * sent in the provider's auth header (Bearer, api-key, x-api-key, x-goog-api-key) to the base URL's origin
 * only (a redirect to another scheme, host or port is refused, see ApiJob), and never logged or put in an
 * error message. Ids that become part of a request path are checked with isSafeServerId(); a job for an
 * unsafe id fails without sending anything.
 */
class ApiClient final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ApiClient)

public:
    explicit ApiClient(QNetworkAccessManager *nam, QObject *parent = nullptr);
    ~ApiClient() override;

    QNetworkAccessManager *networkAccessManager() const { return m_nam; }
    void setProvider(const Provider &provider) { m_provider = provider; }
    const Provider &provider() const { return m_provider; }
    Jsonl::WireFamily family() const { return m_provider.family; }
    /** Extra headers sent with every request (OpenAI-Organization, OpenAI-Project). */
    void setExtraHeaders(const QList<std::pair<QByteArray, QByteArray>> &headers)
    {
        m_extraHeaders = headers;
    }
    /** Whether a batch created by a lost request can be found again by the client id of its submission: the
     *  provider keeps metadata (OpenAI family, Mistral) or the display name (Gemini). Anthropic and Together
     *  keep neither: a create whose answer was lost must not be sent again blindly. */
    bool canFindByClientId() const;
    /** The files and batches kept on this machine (real-time runs), and the account whose they are. Calls for
     *  their ids go there; so does everything of a provider that runsLocally ("Run here"). Not owned. */
    void setLocalBackend(LocalBackend *backend, qint64 ownerAccountId)
    {
        m_localBackend = backend;
        m_localOwner = ownerAccountId;
    }
    LocalBackend *localBackend() const { return m_localBackend; }
    qint64 localOwner() const { return m_localOwner; }
    /** Whether the files and batches of this account live on this machine ("Run here"). */
    bool runsLocally() const { return m_provider.runsLocally; }
    /** Whether this id is one of the local backend's. */
    bool isLocal(const QString &id) const;
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
    /** Total time one attempt of a JSON call may take, in ms (default 120 s): a server that trickles its
     *  answer a byte at a time never trips the inactivity timeout, this deadline stops it. */
    void setRequestDeadlineMs(int ms) { m_requestDeadlineMs = ms; }
    int requestDeadlineMs() const { return m_requestDeadlineMs; }
    /** The deadline of an upload or download attempt: graceMs plus the time the bytes moved so far would
     *  take at bytesPerSecond (defaults 120 s and 8 KiB/s: a 200 MB file may take up to 7 hours, a
     *  trickling server is stopped after a few minutes). */
    void setMinimumThroughput(qint64 bytesPerSecond, int graceMs)
    {
        m_minBytesPerSecond = qMax<qint64>(1, bytesPerSecond);
        m_transferGraceMs = graceMs;
    }
    qint64 minimumBytesPerSecond() const { return m_minBytesPerSecond; }
    int transferGraceMs() const { return m_transferGraceMs; }
    /** Retries stop once a job has run this long in all (default 10 minutes). */
    void setRetryBudgetMs(qint64 ms) { m_retryBudgetMs = ms; }
    qint64 retryBudgetMs() const { return m_retryBudgetMs; }
    /** The largest JSON answer (or error body) read, in bytes (default 16 MiB); a larger one is an error. */
    void setMaxJsonBytes(qint64 bytes) { m_maxJsonBytes = bytes; }
    qint64 maxJsonBytes() const { return m_maxJsonBytes; }
    /** Whether url has the base URL's origin (scheme, host and port): the only place the key may go. */
    bool isSameOrigin(const QUrl &url) const;
    /** Random source for the backoff jitter, replaceable in tests. */
    void setRandom(std::function<double()> random) { m_random = std::move(random); }
    double random01() const;

    /** A request for base URL + path (+ query) with the auth, User-Agent and Accept headers set. */
    QNetworkRequest makeRequest(const QString &path, const QUrlQuery &query = {}) const;
    /** The same for a URL of the base URL's origin outside its path (Gemini's /upload and /download). */
    QNetworkRequest makeRequestForUrl(QUrl url) const;
    /** Gemini: the base path with "/upload" or "/download" put before its last segment
     *  ("/v1beta" -> "/upload/v1beta"). */
    QString siblingPath(QStringView prefix) const;

    /** A file Anthropic's batches take inline: converted and kept here until the create reads it. */
    struct StagedInput
    {
        QString path; ///< the create body {"requests": [...]}
        QString model;
        qint64 lines = 0;
        qint64 bytes = 0;
        qint64 createdAt = 0;
        QString filename;
    };
    /** Registers a converted file under a new local id ("local-…") and returns it. */
    QString stageInput(const StagedInput &input);
    std::optional<StagedInput> stagedInput(const QString &id) const;
    bool dropStagedInput(const QString &id);
    /** A folder for converted files, removed with the client. Empty when it cannot be created. */
    QString stagingDir();
    /** The model found in an uploaded file that was converted (Mistral, Gemini), for the create. */
    void rememberFileModel(const QString &fileId, const QString &model)
    {
        m_fileModels.insert(fileId, model);
    }
    QString fileModel(const QString &fileId) const { return m_fileModels.value(fileId); }

    // Files
    /** keepLocal: the input of a real-time run on this machine (always so for a "Run here" account). */
    UploadFileJob *uploadFile(const QString &path, std::optional<qint64> expiresAfterSeconds = std::nullopt,
                              const QString &purpose = QStringLiteral("batch"), bool keepLocal = false);
    RequestJob *retrieveFile(const QString &fileId);
    ListJob *listFiles(const QString &purpose = {}, int pageLimit = 10'000, int maxItems = 0);
    RequestJob *deleteFile(const QString &fileId);
    FileContentJob *downloadFileContent(const QString &fileId, const QString &destinationPath);

    // Batches
    CreateBatchJob *createBatch(const CreateBatchParams &params);
    RequestJob *retrieveBatch(const QString &batchId);
    /** maxPages / maxItems 0: the list's default caps (ListJob::kDefaultMaxPages, kDefaultMaxItems). */
    ListJob *listBatches(int pageLimit = 100, int maxPages = 0, int maxItems = 0);
    RequestJob *cancelBatch(const QString &batchId);

    // Models
    ListJob *listModels();

private:
    QNetworkAccessManager *m_nam;
    LocalBackend *m_localBackend = nullptr;
    qint64 m_localOwner = 0;
    Provider m_provider = Provider::openAiCompatible();
    QList<std::pair<QByteArray, QByteArray>> m_extraHeaders;
    std::unique_ptr<QTemporaryDir> m_staging;
    QHash<QString, StagedInput> m_staged;
    QHash<QString, QString> m_fileModels;
    QUrl m_baseUrl;
    QString m_apiKey;
    QByteArray m_userAgent;
    RetryPolicy m_retryPolicy;
    int m_requestTimeoutMs = 60'000;
    int m_transferTimeoutMs = 120'000;
    int m_requestDeadlineMs = 120'000;
    qint64 m_minBytesPerSecond = 8 * 1024;
    int m_transferGraceMs = 120'000;
    qint64 m_retryBudgetMs = 10 * 60'000;
    qint64 m_maxJsonBytes = 16 * 1024 * 1024;
    std::function<double()> m_random;
};

} // namespace Batchdesk::Api
