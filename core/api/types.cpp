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

} // namespace

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

ModelInfo ModelInfo::fromJson(const QJsonObject &o)
{
    return ModelInfo {str(o, QLatin1StringView("id")), str(o, QLatin1StringView("owned_by"))};
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

} // namespace Batchdesk::Api
