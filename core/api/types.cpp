#include "types.h"

#include <QCoreApplication>
#include <QJsonArray>

namespace Batchdesk::Api {

namespace {

std::optional<qint64> optInt(const QJsonObject &o, QLatin1StringView key)
{
    const QJsonValue v = o.value(key);
    if (v.isDouble())
        return qint64(v.toDouble());
    if (v.isString()) {
        bool ok = false;
        const qint64 n = v.toString().toLongLong(&ok);
        if (ok)
            return n;
    }
    return std::nullopt;
}

qint64 intOr(const QJsonObject &o, QLatin1StringView key, qint64 fallback = 0)
{
    return optInt(o, key).value_or(fallback);
}

QString str(const QJsonObject &o, QLatin1StringView key)
{
    const QJsonValue v = o.value(key);
    return v.isString() ? v.toString() : QString();
}

BatchError parseError(const QJsonObject &e)
{
    BatchError err;
    err.code = str(e, QLatin1StringView("code"));
    err.message = str(e, QLatin1StringView("message"));
    err.param = str(e, QLatin1StringView("param"));
    err.line = optInt(e, QLatin1StringView("line"));
    return err;
}

QString tr(const char *s)
{
    return QCoreApplication::translate("Batchdesk::Api", s);
}

// JSON's own names for what was sent: the same in every language, like code.
const char *typeName(const QJsonValue &v)
{
    switch (v.type()) {
    case QJsonValue::Null:
        return "null";
    case QJsonValue::Bool:
        return v.toBool() ? "true" : "false";
    case QJsonValue::Array:
        return "[...]";
    case QJsonValue::Object:
        return "{...}";
    default:
        return "-";
    }
}

// What a value looks like in a message: short, with control characters escaped.
QString excerpt(const QJsonValue &v)
{
    if (v.isString())
        return u'"' + printableId(v.toString()) + u'"';
    if (v.isDouble())
        return QString::number(v.toDouble(), 'g', 15);
    return QString::fromLatin1(typeName(v));
}

// Checks the fields of a server object; collects the first problem in *error.
class Checker
{
public:
    enum class Kind { Batch, File };
    Checker(const QJsonObject &o, Kind kind, QString *error)
        : m_o(o)
        , m_kind(kind)
        , m_error(error)
    { }

    bool ok() const { return m_ok; }

    void id(QLatin1StringView key, bool required)
    {
        const QJsonValue v = m_o.value(key);
        if (!required && (v.isUndefined() || v.isNull() || (v.isString() && v.toString().isEmpty())))
            return;
        if (!v.isString() || !isSafeServerId(v.toString()))
            fail((m_kind == Kind::Batch ? tr("The server sent a batch with an invalid %1 (%2).")
                                        : tr("The server sent a file with an invalid %1 (%2)."))
                     .arg(key, excerpt(v)));
    }
    void text(QLatin1StringView key, bool required)
    {
        const QJsonValue v = m_o.value(key);
        if (!required && (v.isUndefined() || v.isNull()))
            return;
        if (!v.isString() || (required && v.toString().isEmpty()))
            invalid(key, v);
    }
    void number(const QJsonObject &o, QLatin1StringView key, const QString &label)
    {
        const QJsonValue v = o.value(key);
        if (v.isUndefined() || v.isNull())
            return;
        bool good = v.isDouble() && v.toDouble() >= 0 && v.toDouble() < 9.0e15;
        if (v.isString()) {
            bool ok = false;
            const qint64 n = v.toString().toLongLong(&ok);
            good = ok && n >= 0;
        }
        if (!good)
            invalid(label, v);
    }
    void number(QLatin1StringView key) { number(m_o, key, key); }
    void object(QLatin1StringView key)
    {
        const QJsonValue v = m_o.value(key);
        if (!v.isUndefined() && !v.isNull() && !v.isObject())
            invalid(key, v);
    }
    void invalid(const QString &field, const QJsonValue &v)
    {
        fail((m_kind == Kind::Batch ? tr("The server sent a batch without a valid %1 (%2).")
                                    : tr("The server sent a file without a valid %1 (%2)."))
                 .arg(field, excerpt(v)));
    }
    void fail(const QString &message)
    {
        if (m_ok && m_error)
            *m_error = message;
        m_ok = false;
    }

private:
    const QJsonObject &m_o;
    Kind m_kind;
    QString *m_error;
    bool m_ok = true;
};

bool isWindowsDeviceName(QStringView id)
{
    const QStringView stem = id.left(id.indexOf(u'.') < 0 ? id.size() : id.indexOf(u'.'));
    static const char *const names[] = {"CON",  "PRN",  "AUX",  "NUL",  "COM1", "COM2", "COM3", "COM4",
                                        "COM5", "COM6", "COM7", "COM8", "COM9", "LPT1", "LPT2", "LPT3",
                                        "LPT4", "LPT5", "LPT6", "LPT7", "LPT8", "LPT9"};
    for (const char *n : names) {
        if (stem.compare(QLatin1StringView(n), Qt::CaseInsensitive) == 0)
            return true;
    }
    return false;
}

} // namespace

bool isSafeServerId(QStringView id)
{
    if (id.isEmpty() || id.size() > 200 || id.front() == u'.' || id.contains(QLatin1StringView("..")))
        return false;
    for (const QChar c : id) {
        const char16_t u = c.unicode();
        const bool good = (u >= u'a' && u <= u'z') || (u >= u'A' && u <= u'Z') || (u >= u'0' && u <= u'9')
            || u == u'_' || u == u'-' || u == u'.';
        if (!good)
            return false;
    }
    return !isWindowsDeviceName(id);
}

QString printableId(QStringView id)
{
    QString out;
    const QStringView cut = id.left(80);
    for (const QChar c : cut) {
        const char16_t u = c.unicode();
        if (u < 0x20 || u == 0x7f || (u >= 0x80 && u < 0xa0))
            out += QStringLiteral("\\x%1").arg(int(u), 2, 16, QLatin1Char('0'));
        else
            out += c;
    }
    if (id.size() > cut.size())
        out += QStringLiteral("...");
    return out;
}

bool FileObject::isOutput() const
{
    return purpose == QLatin1StringView("batch_output") || purpose == QLatin1StringView("batch-output");
}

FileObject FileObject::fromJson(const QJsonObject &o)
{
    FileObject f;
    f.id = str(o, QLatin1StringView("id"));
    f.bytes = intOr(o, QLatin1StringView("bytes"));
    f.createdAt = intOr(o, QLatin1StringView("created_at"));
    f.expiresAt = optInt(o, QLatin1StringView("expires_at"));
    f.filename = str(o, QLatin1StringView("filename"));
    f.purpose = str(o, QLatin1StringView("purpose"));
    f.status = str(o, QLatin1StringView("status"));
    return f;
}

std::optional<FileObject> FileObject::parse(const QJsonValue &v, QString *error)
{
    if (!v.isObject()) {
        if (error)
            *error = tr("The server sent %1 where a file object was expected.").arg(excerpt(v));
        return std::nullopt;
    }
    const QJsonObject o = v.toObject();
    Checker c(o, Checker::Kind::File, error);
    c.id(QLatin1StringView("id"), true);
    c.number(QLatin1StringView("bytes"));
    c.number(QLatin1StringView("created_at"));
    c.number(QLatin1StringView("expires_at"));
    c.text(QLatin1StringView("filename"), false);
    c.text(QLatin1StringView("purpose"), false);
    c.text(QLatin1StringView("status"), false);
    if (!c.ok())
        return std::nullopt;
    return fromJson(o);
}

QJsonObject FileObject::toJson() const
{
    QJsonObject o {{QStringLiteral("id"), id},
                   {QStringLiteral("object"), QStringLiteral("file")},
                   {QStringLiteral("bytes"), bytes},
                   {QStringLiteral("created_at"), createdAt},
                   {QStringLiteral("filename"), filename},
                   {QStringLiteral("purpose"), purpose}};
    o.insert(QStringLiteral("expires_at"), expiresAt ? QJsonValue(*expiresAt) : QJsonValue());
    if (!status.isEmpty())
        o.insert(QStringLiteral("status"), status);
    return o;
}

Batch::Status Batch::statusFromString(QStringView s)
{
    // Status strings are compared case-insensitively (api-contract §6.7).
    static const std::pair<const char *, Status> table[] = {
        {"validating", Status::Validating},  {"failed", Status::Failed},
        {"in_progress", Status::InProgress}, {"finalizing", Status::Finalizing},
        {"completed", Status::Completed},    {"expired", Status::Expired},
        {"cancelling", Status::Cancelling},  {"cancelled", Status::Cancelled},
    };
    for (const auto &[name, status] : table) {
        if (s.compare(QLatin1StringView(name), Qt::CaseInsensitive) == 0)
            return status;
    }
    if (s.compare(QLatin1StringView("canceled"), Qt::CaseInsensitive) == 0)
        return Status::Cancelled;
    if (s.compare(QLatin1StringView("canceling"), Qt::CaseInsensitive) == 0)
        return Status::Cancelling;
    return Status::Unknown;
}

bool Batch::isTerminal(Status s)
{
    return s == Status::Completed || s == Status::Failed || s == Status::Expired || s == Status::Cancelled;
}

bool Batch::isTerminal() const
{
    return isTerminal(status());
}

qint64 Batch::deadline() const
{
    return expiresAt.value_or(createdAt + 24 * 3600);
}

Batch Batch::fromJson(const QJsonObject &o)
{
    Batch b;
    b.raw = o;
    b.id = str(o, QLatin1StringView("id"));
    b.endpoint = str(o, QLatin1StringView("endpoint"));
    b.model = str(o, QLatin1StringView("model"));
    b.inputFileId = str(o, QLatin1StringView("input_file_id"));
    b.completionWindow = str(o, QLatin1StringView("completion_window"));
    b.statusText = str(o, QLatin1StringView("status"));
    b.outputFileId = str(o, QLatin1StringView("output_file_id"));
    b.errorFileId = str(o, QLatin1StringView("error_file_id"));
    b.createdAt = intOr(o, QLatin1StringView("created_at"));
    b.inProgressAt = optInt(o, QLatin1StringView("in_progress_at"));
    b.expiresAt = optInt(o, QLatin1StringView("expires_at"));
    b.finalizingAt = optInt(o, QLatin1StringView("finalizing_at"));
    b.completedAt = optInt(o, QLatin1StringView("completed_at"));
    b.failedAt = optInt(o, QLatin1StringView("failed_at"));
    b.expiredAt = optInt(o, QLatin1StringView("expired_at"));
    b.cancellingAt = optInt(o, QLatin1StringView("cancelling_at"));
    b.cancelledAt = optInt(o, QLatin1StringView("cancelled_at"));
    const QJsonValue counts = o.value(QLatin1StringView("request_counts"));
    if (counts.isObject()) {
        const QJsonObject c = counts.toObject();
        b.requestCounts =
            RequestCounts {intOr(c, QLatin1StringView("total")), intOr(c, QLatin1StringView("completed")),
                           intOr(c, QLatin1StringView("failed"))};
    }
    const QJsonValue usage = o.value(QLatin1StringView("usage"));
    if (usage.isObject()) {
        const QJsonObject u = usage.toObject();
        Usage parsed;
        parsed.inputTokens =
            intOr(u, QLatin1StringView("input_tokens"), intOr(u, QLatin1StringView("prompt_tokens")));
        parsed.outputTokens =
            intOr(u, QLatin1StringView("output_tokens"), intOr(u, QLatin1StringView("completion_tokens")));
        parsed.totalTokens =
            intOr(u, QLatin1StringView("total_tokens"), parsed.inputTokens + parsed.outputTokens);
        parsed.cachedTokens = intOr(u.value(QLatin1StringView("input_tokens_details")).toObject(),
                                    QLatin1StringView("cached_tokens"));
        parsed.reasoningTokens = intOr(u.value(QLatin1StringView("output_tokens_details")).toObject(),
                                       QLatin1StringView("reasoning_tokens"));
        b.usage = parsed;
    }
    // errors: {object:"list", data:[...]} (OpenAI, DeepInfra) or a bare array (Groq).
    const QJsonValue errors = o.value(QLatin1StringView("errors"));
    const QJsonArray errorList =
        errors.isArray() ? errors.toArray() : errors.toObject().value(QLatin1StringView("data")).toArray();
    for (const auto &e : errorList) {
        if (e.isObject())
            b.errors.append(parseError(e.toObject()));
    }
    const QJsonObject metadata = o.value(QLatin1StringView("metadata")).toObject();
    for (auto it = metadata.begin(); it != metadata.end(); ++it) {
        if (it.value().isString())
            b.metadata.insert(it.key(), it.value().toString());
    }
    return b;
}

std::optional<Batch> Batch::parse(const QJsonValue &v, QString *error)
{
    if (!v.isObject()) {
        if (error)
            *error = tr("The server sent %1 where a batch object was expected.").arg(excerpt(v));
        return std::nullopt;
    }
    const QJsonObject o = v.toObject();
    Checker c(o, Checker::Kind::Batch, error);
    c.id(QLatin1StringView("id"), true);
    c.text(QLatin1StringView("status"), true);
    if (c.ok() && o.value(QLatin1StringView("status")).toString().size() > 64)
        c.fail(tr("The server sent a batch without a valid status (%1).")
                   .arg(excerpt(o.value(QLatin1StringView("status")))));
    for (const char *key : {"input_file_id", "output_file_id", "error_file_id"})
        c.id(QLatin1StringView(key), false);
    for (const char *key : {"endpoint", "model", "completion_window"})
        c.text(QLatin1StringView(key), false);
    for (const char *key : {"created_at", "in_progress_at", "expires_at", "finalizing_at", "completed_at",
                            "failed_at", "expired_at", "cancelling_at", "cancelled_at"})
        c.number(QLatin1StringView(key));
    c.object(QLatin1StringView("request_counts"));
    c.object(QLatin1StringView("usage"));
    c.object(QLatin1StringView("metadata"));
    const QJsonValue counts = o.value(QLatin1StringView("request_counts"));
    if (c.ok() && counts.isObject()) {
        const QJsonObject rc = counts.toObject();
        for (const char *key : {"total", "completed", "failed"})
            c.number(rc, QLatin1StringView(key), QStringLiteral("request_counts.") + QLatin1StringView(key));
    }
    const QJsonValue metadata = o.value(QLatin1StringView("metadata"));
    if (c.ok() && metadata.isObject()) {
        const QJsonObject m = metadata.toObject();
        for (auto it = m.begin(); it != m.end(); ++it) {
            if (!it.value().isString() && !it.value().isNull()) {
                c.fail(tr("The server sent a batch with metadata \"%1\" that is not text (%2).")
                           .arg(printableId(it.key()), excerpt(it.value())));
                break;
            }
        }
    }
    const QJsonValue errors = o.value(QLatin1StringView("errors"));
    if (c.ok() && !errors.isUndefined() && !errors.isNull() && !errors.isArray() && !errors.isObject())
        c.fail(tr("The server sent a batch without a valid errors list (%1).").arg(excerpt(errors)));
    if (!c.ok())
        return std::nullopt;
    return fromJson(o);
}

ModelInfo ModelInfo::fromJson(const QJsonObject &o)
{
    return ModelInfo {str(o, QLatin1StringView("id")), str(o, QLatin1StringView("owned_by"))};
}

std::optional<ModelInfo> ModelInfo::parse(const QJsonValue &v, QString *error)
{
    if (!v.isObject() || !v.toObject().value(QLatin1StringView("id")).isString()
        || v.toObject().value(QLatin1StringView("id")).toString().isEmpty()) {
        if (error)
            *error = tr("The server sent %1 where a model object was expected.").arg(excerpt(v));
        return std::nullopt;
    }
    return fromJson(v.toObject());
}

bool checkObject(ObjectKind kind, const QJsonValue &v, QString *problem)
{
    switch (kind) {
    case ObjectKind::Batch:
        return Batch::parse(v, problem).has_value();
    case ObjectKind::File:
        return FileObject::parse(v, problem).has_value();
    case ObjectKind::Model:
        return ModelInfo::parse(v, problem).has_value();
    case ObjectKind::Object:
        break;
    }
    return v.isObject();
}

QString CreateBatchParams::validate() const
{
    const auto tr = [](const char *s) { return QCoreApplication::translate("Batchdesk::Api", s); };
    if (inputFileId.isEmpty())
        return tr("No input file id.");
    if (endpoint.isEmpty())
        return tr("No endpoint.");
    if (metadata.size() > kMaxMetadataPairs)
        return tr("Metadata has %1 pairs; at most %2 are allowed.")
            .arg(metadata.size())
            .arg(kMaxMetadataPairs);
    for (auto it = metadata.begin(); it != metadata.end(); ++it) {
        if (it.key().isEmpty())
            return tr("A metadata key is empty.");
        if (it.key().size() > kMaxMetadataKeyLength)
            return tr("Metadata key \"%1\" has %2 characters; at most %3 are allowed.")
                .arg(it.key().left(20) + QStringLiteral("..."))
                .arg(it.key().size())
                .arg(kMaxMetadataKeyLength);
        if (it.value().size() > kMaxMetadataValueLength)
            return tr("The value of metadata key \"%1\" has %2 characters; at most %3 are allowed.")
                .arg(it.key())
                .arg(it.value().size())
                .arg(kMaxMetadataValueLength);
    }
    if (outputExpiresAfterSeconds
        && (*outputExpiresAfterSeconds < kMinOutputExpirySeconds
            || *outputExpiresAfterSeconds > kMaxOutputExpirySeconds))
        return tr("Output expiry must be between %1 and %2 seconds (1 hour to 30 days).")
            .arg(kMinOutputExpirySeconds)
            .arg(kMaxOutputExpirySeconds);
    return {};
}

QJsonObject CreateBatchParams::toJson() const
{
    QJsonObject o {{QStringLiteral("input_file_id"), inputFileId},
                   {QStringLiteral("endpoint"), endpoint},
                   {QStringLiteral("completion_window"), completionWindow}};
    if (!model.isEmpty())
        o.insert(QStringLiteral("model"), model);
    if (!metadata.isEmpty()) {
        QJsonObject m;
        for (auto it = metadata.begin(); it != metadata.end(); ++it)
            m.insert(it.key(), it.value());
        o.insert(QStringLiteral("metadata"), m);
    }
    if (outputExpiresAfterSeconds) {
        o.insert(QStringLiteral("output_expires_after"),
                 QJsonObject {{QStringLiteral("anchor"), QStringLiteral("created_at")},
                              {QStringLiteral("seconds"), *outputExpiresAfterSeconds}});
    }
    return o;
}

CreateBatchParams CreateBatchParams::fromJson(const QJsonObject &o)
{
    CreateBatchParams p;
    p.inputFileId = o.value(QStringLiteral("input_file_id")).toString();
    p.endpoint = o.value(QStringLiteral("endpoint")).toString();
    p.completionWindow = o.value(QStringLiteral("completion_window")).toString(QStringLiteral("24h"));
    p.model = o.value(QStringLiteral("model")).toString();
    const QJsonObject m = o.value(QStringLiteral("metadata")).toObject();
    for (auto it = m.begin(); it != m.end(); ++it)
        p.metadata.insert(it.key(), it.value().toString());
    const QJsonObject expiry = o.value(QStringLiteral("output_expires_after")).toObject();
    if (expiry.contains(QStringLiteral("seconds")))
        p.outputExpiresAfterSeconds = expiry.value(QStringLiteral("seconds")).toInteger();
    return p;
}

} // namespace Batchdesk::Api
