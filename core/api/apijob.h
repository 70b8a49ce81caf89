#pragma once

#include "apierror.h"
#include "common/asyncjob.h"
#include "common/result.h"
#include "retrypolicy.h"
#include "types.h"

#include <QCryptographicHash>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonObject>
#include <QObject>
#include <QPointer>
#include <QSaveFile>
#include <QSet>
#include <QTimer>
#include <QUrlQuery>

#include <atomic>
#include <functional>
#include <memory>
#include <optional>

class QNetworkReply;
namespace Batchdesk::Jsonl {
class ResultLineConverter;
}
class QHttpMultiPart;

namespace Batchdesk::Api {

class ApiClient;

/**
 * One HTTP call (with its retries) as an asynchronous job, after KDE's KJob and ownCloud's
 * AbstractNetworkJob.
 *
 * An AsyncJob: created by ApiClient, start() sends, finished() is emitted exactly once — after success, a
 * final error, or abort() (ApiError::Kind::Canceled) — and then, unless setAutoDelete(false), the job deletes
 * itself with deleteLater(). Retries follow the client's RetryPolicy and are announced with retrying(). Lives
 * in the thread of its client.
 */
class ApiJob : public AsyncJob
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ApiJob)

public:
    ~ApiJob() override;

    const ApiError &error() const { return m_error; }
    QString errorString() const { return m_error.message; }
    int httpStatus() const { return m_httpStatus; }
    int attempts() const { return m_attempts; }
    /** Makes start() fail at once with this error (asynchronously, like any other failure): used for a
     *  request that must not be sent, e.g. an id that is not safe in a URL path. */
    void setPreflightError(const ApiError &error) { m_preflightError = error; }

signals:
    void progress(qint64 done, qint64 total);
    void retrying(int retry, int delayMs, const QString &reason);

protected:
    explicit ApiJob(ApiClient *client);

    void doStart() override;
    bool doAbort() override;

    /** Creates and sends the request of one attempt. */
    virtual QNetworkReply *send() = 0;
    enum class Step { Done, Continue, Failed };
    /** Makes the job finish without the network: f runs from the event loop instead of a request and sets the
     *  result, then calls succeed() or fail() (a file that exists only here, a list with nothing on the
     *  server). */
    void setLocalCompletion(std::function<void()> f) { m_local = std::move(f); }
    /** Handles a 2xx reply: Done (success), Continue (another request was prepared: send it), or Failed
     * (after calling fail()). */
    virtual Step handleSuccess(QNetworkReply *reply, const QByteArray &body) = 0;
    /** Called before each retry (e.g. to rewind a download). */
    virtual void prepareRetry() { }
    /** Whether an ambiguous failure (network error, timeout, 5xx) may be retried by simply sending again. */
    virtual bool mayResendAfterAmbiguousFailure() const { return true; }
    /** Called instead of a resend when mayResendAfterAmbiguousFailure() is false. */
    virtual void handleAmbiguousFailure(const ApiError &error) { fail(error); }
    /** Whether the body is streamed by the subclass (readyRead) instead of being buffered. */
    virtual bool streamsBody() const { return false; }
    virtual void onReadyRead(QNetworkReply *) { }
    virtual void onUploadProgress(qint64 sent, qint64 total) { emit progress(sent, total); }
    /** Whether the job moves a file (upload or download): its deadline grows with the bytes moved instead of
     *  being a fixed total (see ApiClient::setMinimumThroughput). */
    virtual bool isTransfer() const { return false; }

    ApiClient *client() const { return m_client; }
    void fail(const ApiError &error);
    void succeed();
    /** Schedules another attempt after a delay (used by subclasses after reconciling). */
    bool scheduleRetry(const QString &reason, std::optional<qint64> serverDelay = std::nullopt);
    int retriesLeft() const;
    void resetRetries() { m_retries = 0; }
    bool aborted() const { return m_aborted; }

private:
    void attempt();
    void onFinished();
    void finish();
    void onRedirected(const QUrl &target);
    void checkDeadline();
    void onBytesMoved(qint64 bytes);
    void stopReply(ApiError reason);

    ApiClient *m_client;
    QPointer<QNetworkReply> m_reply;
    QTimer m_retryTimer;
    QTimer m_watchdog;
    ApiError m_error;
    std::optional<ApiError> m_preflightError;
    std::function<void()> m_local;
    std::optional<ApiError> m_stopReason; ///< why the job itself stopped the current reply
    QElapsedTimer m_timer;
    QElapsedTimer m_attemptTimer;
    qint64 m_attemptBytes = 0;
    int m_httpStatus = 0;
    int m_attempts = 0;
    int m_retries = 0;
    bool m_aborted = false;
};

/** GET / POST / DELETE returning one JSON object (a Batch, a FileObject, a deletion status). */
class RequestJob : public ApiJob
{
    Q_OBJECT

public:
    /** expect: what the answer must be (checkObject): any JSON object, a batch, a file. */
    RequestJob(ApiClient *client, QByteArray verb, QString path, QJsonObject body = {},
               ObjectKind expect = ObjectKind::Object);

    const QJsonObject &result() const { return m_result; }
    Batch batch() const { return Batch::fromJson(m_result); }
    FileObject file() const { return FileObject::fromJson(m_result); }

    /** Finishes with this object instead of sending (see ApiJob::setLocalCompletion). */
    void setLocalResult(const QJsonObject &result);
    /** Finishes with what f gives when the job starts, instead of sending (a local batch or file:
     *  Api::LocalBackend). An error with the code "not_found" is reported as an HTTP 404. */
    void setLocalHandler(std::function<Result<QJsonObject>()> f);
    /** After a successful answer, GETs path and finishes with that object instead (Gemini's cancel answers
     *  an empty object). */
    void setFollowUp(const QString &path, ObjectKind expect)
    {
        m_followUpPath = path;
        m_followUpKind = expect;
    }

protected:
    QNetworkReply *send() override;
    Step handleSuccess(QNetworkReply *reply, const QByteArray &body) override;

    QString m_followUpPath;
    ObjectKind m_followUpKind = ObjectKind::Object;
    QByteArray m_verb;
    QString m_path;
    QJsonObject m_body;
    QJsonObject m_result;
    ObjectKind m_expect;
};

/**
 * A list endpoint, all pages: repeats the call with after=<last id> while has_more is true, bounded: it stops
 * after maxPages pages or maxItems items (a server that says has_more forever cannot make it run forever or
 * grow without end), when a cursor comes back that was already used, or when a page brings no new id. Items
 * are checked (Batch::parse, FileObject::parse, ModelInfo::parse — one bad item fails the list) and
 * de-duplicated by id. When it stopped before the server's end, truncated() is true and warning() says why.
 * Each page is retried on its own; pageReceived() reports progress.
 */
class ListJob : public ApiJob
{
    Q_OBJECT

public:
    /** Caps applied when the caller gives none: enough for any real account, far from unbounded. */
    static constexpr int kDefaultMaxPages = 200;
    static constexpr int kDefaultMaxItems = 20'000;

    ListJob(ApiClient *client, QString path, QUrlQuery query, int pageLimit, int maxPages, ObjectKind kind,
            int maxItems = 0);

    const QJsonArray &items() const { return m_items; }
    QList<Batch> batches() const;
    QList<FileObject> files() const;
    QList<ModelInfo> models() const;
    int pages() const { return m_pages; }
    bool hasMore() const { return m_hasMore; }
    bool truncated() const { return !m_warning.isEmpty(); }
    /** Finishes with these items without sending (a provider that has no such list). */
    void setLocalItems(const QJsonArray &items);
    /** Finishes with what f gives when the job starts, without sending (a "Run here" account's batches). */
    void setLocalItems(std::function<QJsonArray()> f);
    /** Items added after the server's (batches that run on this machine), asked for when the list ends. */
    void setExtraItems(std::function<QJsonArray()> f) { m_extraItems = std::move(f); }
    /** Why the list stopped before the server's end (page or item cap, repeated cursor), or empty. */
    QString warning() const { return m_warning; }

signals:
    void pageReceived(int page, int itemsSoFar);

protected:
    QNetworkReply *send() override;
    Step handleSuccess(QNetworkReply *reply, const QByteArray &body) override;

private:
    QString m_path;
    QUrlQuery m_query;
    int m_pageLimit;
    int m_maxPages;
    int m_maxItems;
    ObjectKind m_kind;
    QString m_cursor;
    QJsonArray m_items;
    QSet<QString> m_ids;
    QSet<QString> m_cursors;
    QString m_warning;
    std::function<QJsonArray()> m_extraItems;
    int m_pages = 0;
    bool m_hasMore = false;

    Step handlePage(const QByteArray &body);
    void appendExtraItems();
};

/** POST /files (multipart/form-data), streamed from disk with upload progress. */
class UploadFileJob final : public ApiJob
{
    Q_OBJECT

public:
    UploadFileJob(ApiClient *client, QString path, QString purpose,
                  std::optional<qint64> expiresAfterSeconds);
    ~UploadFileJob() override;
    FileObject file() const { return FileObject::fromJson(m_result); }
    const QJsonObject &result() const { return m_result; }
    /** The one model of the file, when it was converted for the provider (Mistral, Gemini, Anthropic). */
    QString model() const { return m_model; }
    /** Keeps the file on this machine (Api::LocalBackend) instead of uploading it: a real-time run's input.
     */
    void setLocal(bool local) { m_keepLocal = local; }
    bool isLocal() const { return m_keepLocal; }

protected:
    void doStart() override;
    bool doAbort() override;
    QNetworkReply *send() override;
    Step handleSuccess(QNetworkReply *reply, const QByteArray &body) override;
    bool isTransfer() const override { return true; }

private:
    void converted(bool ok, const QString &error, const QString &model, qint64 lines);

    std::shared_ptr<std::atomic_bool> m_cancelConversion = std::make_shared<std::atomic_bool>(false);
    QString m_sendPath; ///< the file sent: the input, or its conversion for the provider
    QString m_convertedPath; ///< removed with the job (unless staged for Anthropic)
    QString m_model;
    QString m_path;
    QString m_purpose;
    std::optional<qint64> m_expiresAfter;
    QJsonObject m_result;
    bool m_keepLocal = false;
};

/**
 * GET /files/{id}/content streamed to disk: written to a temporary file next to the destination and renamed
 * only when complete (QSaveFile), so an interrupted download never leaves a half file under the final name.
 */
class FileContentJob final : public ApiJob
{
    Q_OBJECT

public:
    FileContentJob(ApiClient *client, QString fileId, QString destinationPath);
    ~FileContentJob() override;
    QString destinationPath() const { return m_destination; }
    qint64 bytesWritten() const { return m_written; }
    /** SHA-256 (hex) of the bytes written, once finished successfully. */
    QString sha256() const { return m_sha256; }
    /** Copies this local file (a real-time run's results) instead of downloading, on a worker thread. */
    void setLocalSource(const QString &path);

protected:
    QNetworkReply *send() override;
    Step handleSuccess(QNetworkReply *reply, const QByteArray &body) override;
    void prepareRetry() override;
    bool streamsBody() const override { return true; }
    bool isTransfer() const override { return true; }
    void onReadyRead(QNetworkReply *reply) override;

private:
    bool write(const QByteArray &data);

    std::unique_ptr<Jsonl::ResultLineConverter> m_converter; ///< Anthropic / Gemini / Mistral result lines
    QString m_fileId;
    QString m_destination;
    std::unique_ptr<QSaveFile> m_out;
    QCryptographicHash m_hash {QCryptographicHash::Sha256};
    QString m_sha256;
    qint64 m_written = 0;
    bool m_writeFailed = false;
};

/**
 * POST /batches, never retried blindly: a POST that timed out or lost its connection may have created a
 * billed batch. The job puts a client id in metadata (batchdesk_client_id); after an ambiguous failure it
 * lists the account's batches and, when one carries that id, finishes with it (reconciled() is true) instead
 * of sending again. Only when no such batch exists is the request sent again. 429 and 4xx are unambiguous.
 */
class CreateBatchJob final : public RequestJob
{
    Q_OBJECT

public:
    CreateBatchJob(ApiClient *client, const CreateBatchParams &params);
    ~CreateBatchJob() override;
    QString clientId() const { return m_clientId; }
    bool reconciled() const { return m_reconciled; }

    /** Looks for a batch with this client id in the newest pages of the list (used at start-up too). */
    static ListJob *findByClientId(ApiClient *client);
    static std::optional<Batch> matchClientId(const QList<Batch> &batches, const QString &clientId);

signals:
    void reconciling();

protected:
    bool mayResendAfterAmbiguousFailure() const override { return false; }
    void handleAmbiguousFailure(const ApiError &error) override;
    QNetworkReply *send() override;

private:
    QString m_stagedPath; ///< Anthropic: the create body, streamed from disk
    QString m_clientId;
    bool m_canReconcile = false;
    bool m_reconciled = false;
};

} // namespace Batchdesk::Api
