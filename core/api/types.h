#pragma once

#include <QJsonObject>
#include <QList>
#include <QMap>
#include <QMetaType>
#include <QString>

#include <optional>

namespace Batchdesk::Api {

/**
 * Value types of the Files + Batches API, parsed leniently: a missing field and null are the same, unknown
 * status / purpose / error codes are kept as text, and nothing is rejected for being unexpected.
 */

struct FileObject
{
    QString id;
    qint64 bytes = 0;
    qint64 createdAt = 0;
    std::optional<qint64> expiresAt;
    QString filename;
    QString purpose; ///< as sent: "batch", "batch_output", "batch-output", ...
    QString status; ///< deprecated upstream; often empty

    bool isOutput() const;
    static FileObject fromJson(const QJsonObject &o);
    /** Strict, for what a server sent: a safe id; bytes, created_at, expires_at numbers when present;
     *  filename and purpose strings when present. */
    static std::optional<FileObject> parse(const QJsonValue &v, QString *error);
    QJsonObject toJson() const;
};

struct RequestCounts
{
    qint64 total = 0;
    qint64 completed = 0; ///< succeeded
    qint64 failed = 0;
    qint64 pending() const { return qMax<qint64>(0, total - completed - failed); }
    friend bool operator==(const RequestCounts &, const RequestCounts &) = default;
};

struct Usage
{
    qint64 inputTokens = 0;
    qint64 cachedTokens = 0;
    qint64 outputTokens = 0;
    qint64 reasoningTokens = 0;
    qint64 totalTokens = 0;
};

struct BatchError
{
    QString code;
    QString message;
    QString param;
    std::optional<qint64> line;
};

struct Batch
{
    enum class Status {
        Validating,
        Failed,
        InProgress,
        Finalizing,
        Completed,
        Expired,
        Cancelling,
        Cancelled,
        Unknown
    };

    QString id;
    QString endpoint;
    QString model;
    QString inputFileId;
    QString completionWindow;
    QString statusText; ///< the raw status, kept even when unknown
    QString outputFileId;
    QString errorFileId;
    qint64 createdAt = 0;
    std::optional<qint64> inProgressAt, expiresAt, finalizingAt, completedAt, failedAt, expiredAt,
        cancellingAt, cancelledAt;
    std::optional<RequestCounts> requestCounts;
    std::optional<Usage> usage;
    QList<BatchError> errors;
    QMap<QString, QString> metadata;
    QJsonObject raw; ///< the object as received, for the detail pane and the cache

    Status status() const { return statusFromString(statusText); }
    bool isTerminal() const;
    /** expires_at, or created_at + 24 h when the provider leaves it null. */
    qint64 deadline() const;
    QString description() const { return metadata.value(QStringLiteral("description")); }

    static Status statusFromString(QStringView s);
    static bool isTerminal(Status s);
    /** Lenient: reads what is there (for objects already checked, e.g. from the local cache). */
    static Batch fromJson(const QJsonObject &o);
    /**
     * Strict, for what a server sent: a batch needs a safe id and a status text; every field that is present
     * and not null must have its documented type (timestamps numbers, request_counts an object of
     * non-negative numbers, file ids safe ids, metadata strings). Otherwise *error says what is wrong and
     * nothing is returned.
     */
    static std::optional<Batch> parse(const QJsonValue &v, QString *error);
};

struct ModelInfo
{
    QString id;
    QString ownedBy;
    static ModelInfo fromJson(const QJsonObject &o);
    /** Strict: an object with a non-empty string id. */
    static std::optional<ModelInfo> parse(const QJsonValue &v, QString *error);
};

/** Parameters of POST /batches. */
struct CreateBatchParams
{
    QString inputFileId;
    QString endpoint;
    QString completionWindow = QStringLiteral("24h");
    /** The model of the file: Mistral and Gemini name it on the batch, not per line (the OpenAI body leaves
     *  it out). Empty: the one the client found when it converted the uploaded file. */
    QString model;
    QMap<QString, QString> metadata;
    std::optional<qint64> outputExpiresAfterSeconds;
    /** > 0: the batch runs in real time on this "Run here" account (a job's stragglers): its input is kept
     *  here and it is created locally (Api::LocalBackend). Never sent to a server. */
    qint64 runnerAccountId = 0;

    /** Checks the documented limits (16 pairs, key <= 64, value <= 512, 3600..2592000 s); empty when fine. */
    QString validate() const;
    QJsonObject toJson() const;
    /** The parameters back from toJson() (as recorded with an intent or a job). */
    static CreateBatchParams fromJson(const QJsonObject &o);
};

/** What a server's JSON value must be: any object, or one of the API's objects. */
enum class ObjectKind { Object, Batch, File, Model };
/** Whether v is a valid object of that kind (Batch::parse, FileObject::parse, ModelInfo::parse); when not,
 *  *problem says what is wrong in a sentence. */
bool checkObject(ObjectKind kind, const QJsonValue &v, QString *problem);

/**
 * Whether an id sent by a server (a batch, file or model id) is safe to use as one URL path segment and as a
 * file or folder name on every platform: 1 to 200 characters of ASCII letters, digits, '_', '-' and '.', not
 * starting with '.', no "..", and not a Windows device name. Every id from a server passes this check in
 * Batch::parse / FileObject::parse before anything else sees it, and every id a user gives goes through it
 * before it becomes part of a request path (ApiClient).
 */
bool isSafeServerId(QStringView id);
/** The id as it may be shown in a message: control characters escaped, cut after 80 characters. */
QString printableId(QStringView id);

inline constexpr int kMaxMetadataPairs = 16;
inline constexpr int kMaxMetadataKeyLength = 64;
inline constexpr int kMaxMetadataValueLength = 512;
inline constexpr qint64 kMinOutputExpirySeconds = 3600;
inline constexpr qint64 kMaxOutputExpirySeconds = 2592000;
/** The metadata key that carries the client's own id of a submission (see CreateBatchJob). */
inline constexpr QLatin1StringView kClientIdKey("batchdesk_client_id");
/** The metadata keys of a batch that is one part of a job: the job's id, and "n/total". */
inline constexpr QLatin1StringView kJobKey("batchdesk_job");
inline constexpr QLatin1StringView kPartKey("batchdesk_part");
/** Metadata of a job's retry round (1, 2, ...): absent on the first submission of its parts. */
inline constexpr QLatin1StringView kRoundKey("batchdesk_round");

} // namespace Batchdesk::Api

Q_DECLARE_METATYPE(Batchdesk::Api::Batch)
Q_DECLARE_METATYPE(Batchdesk::Api::FileObject)
