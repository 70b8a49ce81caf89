// The wire formats follow the public API references listed in docs/providers.md:
// OpenAI (openai-openapi.yaml: Batch, OpenAIFile), DeepInfra (deepinfra-batch-api.md), Groq
// (console.groq.com/docs/batch), Together (docs.together.ai/reference/batch-create), Azure OpenAI
// (learn.microsoft.com/azure/ai-services/openai/how-to/batch), Anthropic
// (docs.anthropic.com/en/api/creating-message-batches and its siblings), Mistral (docs.mistral.ai/api,
// /v1/batch/jobs), Gemini (ai.google.dev/api/batch-mode, ai.google.dev/api/files).
#include "wire.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QSaveFile>

namespace Batchdesk::Api::Wire {

namespace {
using F = Jsonl::WireFamily;

QLatin1StringView L(const char *s)
{
    return QLatin1StringView(s);
}

// "batches/xyz" -> "xyz", "files/abc" -> "abc", "models/m" -> "m"; anything else unchanged.
QString stripPrefix(const QString &name, QLatin1StringView prefix)
{
    return name.startsWith(prefix) ? name.mid(prefix.size()) : name;
}

void setTime(QJsonObject &o, const char *key, const QJsonValue &v)
{
    if (v.isUndefined() || v.isNull())
        return;
    const qint64 t = parseTime(v);
    o.insert(L(key), t >= 0 ? QJsonValue(t) : v); // a wrong type stays, for the strict parser to refuse
}

// Gemini sends int64 as strings.
qint64 int64Of(const QJsonValue &v)
{
    if (v.isDouble())
        return qint64(v.toDouble());
    bool ok = false;
    const qint64 n = v.toString().toLongLong(&ok);
    return ok ? n : 0;
}

QJsonObject normalizeOpenAiBatch(QJsonObject o)
{
    if (!o.contains(L("id")) && o.value(L("job")).isObject())
        o = o.value(L("job")).toObject(); // Together: {"job": {...}, "warning": ...}
    if (o.value(L("status")).isString())
        o.insert(L("status"), o.value(L("status")).toString().toLower()); // Together: "IN_PROGRESS"
    for (const char *key : {"created_at", "in_progress_at", "expires_at", "finalizing_at", "completed_at",
                            "failed_at", "expired_at", "cancelling_at", "cancelled_at"}) {
        const QJsonValue v = o.value(L(key));
        if (v.isString())
            setTime(o, key, v);
    }
    if (!o.contains(L("expires_at")) && o.contains(L("job_deadline")))
        setTime(o, "expires_at", o.value(L("job_deadline")));
    if (!o.contains(L("model")) && o.value(L("model_id")).isString())
        o.insert(L("model"), o.value(L("model_id")));
    const QJsonValue errors = o.value(L("errors"));
    if (errors.isArray()) // Groq: a bare array
        o.insert(L("errors"),
                 QJsonObject {{QStringLiteral("object"), QStringLiteral("list")},
                              {QStringLiteral("data"), errors}});
    const QJsonValue error = o.value(L("error"));
    if (!o.contains(L("errors")) && error.isString() && !error.toString().isEmpty()) // Together
        o.insert(L("errors"),
                 QJsonObject {{QStringLiteral("object"), QStringLiteral("list")},
                              {QStringLiteral("data"),
                               QJsonArray {QJsonObject {{QStringLiteral("code"), QStringLiteral("error")},
                                                        {QStringLiteral("message"), error.toString()}}}}});
    return o;
}

QJsonObject counts(qint64 total, qint64 completed, qint64 failed)
{
    return QJsonObject {{QStringLiteral("total"), total},
                        {QStringLiteral("completed"), completed},
                        {QStringLiteral("failed"), failed}};
}

QJsonObject normalizeAnthropicBatch(const QJsonObject &a)
{
    QJsonObject o;
    o.insert(L("id"), a.value(L("id")));
    o.insert(L("object"), QStringLiteral("batch"));
    o.insert(L("endpoint"), QStringLiteral("/v1/chat/completions"));
    o.insert(L("completion_window"), QStringLiteral("24h"));
    const QJsonObject rc = a.value(L("request_counts")).toObject();
    const qint64 processing = int64Of(rc.value(L("processing")));
    const qint64 succeeded = int64Of(rc.value(L("succeeded")));
    const qint64 errored = int64Of(rc.value(L("errored")));
    const qint64 canceled = int64Of(rc.value(L("canceled")));
    const qint64 expired = int64Of(rc.value(L("expired")));
    if (a.value(L("request_counts")).isObject())
        o.insert(L("request_counts"),
                 counts(processing + succeeded + errored + canceled + expired, succeeded, errored));
    else if (a.contains(L("request_counts")))
        o.insert(L("request_counts"), a.value(L("request_counts"))); // wrong type: refused by the parser
    const QJsonValue statusValue = a.value(L("processing_status"));
    const QString status = statusValue.toString();
    const bool cancelInitiated =
        !a.value(L("cancel_initiated_at")).isNull() && !a.value(L("cancel_initiated_at")).isUndefined();
    QString mapped;
    if (status == L("in_progress"))
        mapped = QStringLiteral("in_progress");
    else if (status == L("canceling"))
        mapped = QStringLiteral("cancelling");
    else if (status == L("ended"))
        mapped = cancelInitiated                        ? QStringLiteral("cancelled")
            : (succeeded + errored == 0 && expired > 0) ? QStringLiteral("expired")
                                                        : QStringLiteral("completed");
    else
        mapped = status;
    if (statusValue.isString())
        o.insert(L("status"), mapped);
    else if (!statusValue.isUndefined())
        o.insert(L("status"), statusValue);
    setTime(o, "created_at", a.value(L("created_at")));
    setTime(o, "expires_at", a.value(L("expires_at")));
    setTime(o, "cancelling_at", a.value(L("cancel_initiated_at")));
    if (status == L("ended")) {
        const char *endKey = mapped == L("cancelled") ? "cancelled_at"
            : mapped == L("expired")                  ? "expired_at"
                                                      : "completed_at";
        setTime(o, endKey, a.value(L("ended_at")));
    }
    const QJsonValue resultsUrl = a.value(L("results_url"));
    if (resultsUrl.isString() && !resultsUrl.toString().isEmpty() && a.value(L("id")).isString())
        o.insert(L("output_file_id"), QString(a.value(L("id")).toString() + kResultsSuffix));
    o.insert(L("metadata"), QJsonObject {});
    return o;
}

QString mistralStatus(const QString &s)
{
    static const QHash<QString, QString> map {
        {QStringLiteral("QUEUED"), QStringLiteral("validating")},
        {QStringLiteral("RUNNING"), QStringLiteral("in_progress")},
        {QStringLiteral("SUCCESS"), QStringLiteral("completed")},
        {QStringLiteral("FAILED"), QStringLiteral("failed")},
        {QStringLiteral("TIMEOUT_EXCEEDED"), QStringLiteral("expired")},
        {QStringLiteral("CANCELLATION_REQUESTED"), QStringLiteral("cancelling")},
        {QStringLiteral("CANCELLED"), QStringLiteral("cancelled")},
    };
    return map.value(s.toUpper(), s.toLower());
}

QJsonObject normalizeMistralBatch(const QJsonObject &m)
{
    QJsonObject o;
    o.insert(L("id"), m.value(L("id")));
    o.insert(L("object"), QStringLiteral("batch"));
    o.insert(L("endpoint"),
             m.value(L("endpoint")).isString() ? m.value(L("endpoint"))
                                               : QJsonValue(QStringLiteral("/v1/chat/completions")));
    if (m.value(L("model")).isString())
        o.insert(L("model"), m.value(L("model")));
    o.insert(L("completion_window"), QStringLiteral("24h"));
    const QJsonArray inputs = m.value(L("input_files")).toArray();
    if (!inputs.isEmpty())
        o.insert(L("input_file_id"), inputs.first());
    const QJsonValue statusValue = m.value(L("status"));
    const QString status = statusValue.isString() ? mistralStatus(statusValue.toString()) : QString();
    if (statusValue.isString())
        o.insert(L("status"), status);
    else if (!statusValue.isUndefined())
        o.insert(L("status"), statusValue);
    for (const auto &[from, to] :
         {std::pair {"output_file", "output_file_id"}, {"error_file", "error_file_id"}}) {
        const QJsonValue v = m.value(L(from));
        if (!v.isUndefined() && !v.isNull())
            o.insert(L(to), v);
    }
    setTime(o, "created_at", m.value(L("created_at")));
    setTime(o, "in_progress_at", m.value(L("started_at")));
    const char *endKey = status == L("failed") ? "failed_at"
        : status == L("cancelled")             ? "cancelled_at"
        : status == L("expired")               ? "expired_at"
                                               : "completed_at";
    setTime(o, endKey, m.value(L("completed_at")));
    if (m.contains(L("total_requests"))) {
        const qint64 total = int64Of(m.value(L("total_requests")));
        const qint64 failed = int64Of(m.value(L("failed_requests")));
        qint64 succeeded = int64Of(m.value(L("succeeded_requests")));
        if (!m.contains(L("succeeded_requests")))
            succeeded = qMax<qint64>(0, int64Of(m.value(L("completed_requests"))) - failed);
        o.insert(L("request_counts"), counts(total, succeeded, failed));
    }
    QJsonArray errors;
    for (const auto &e : m.value(L("errors")).toArray()) {
        const QJsonObject eo = e.toObject();
        QString message = eo.value(L("message")).toString();
        if (eo.value(L("count")).toInt() > 1)
            message += QStringLiteral(" (%1 times)").arg(eo.value(L("count")).toInt());
        errors.append(QJsonObject {{QStringLiteral("code"), QStringLiteral("error")},
                                   {QStringLiteral("message"), message}});
    }
    if (!errors.isEmpty())
        o.insert(L("errors"),
                 QJsonObject {{QStringLiteral("object"), QStringLiteral("list")},
                              {QStringLiteral("data"), errors}});
    QJsonObject metadata;
    const QJsonObject md = m.value(L("metadata")).toObject();
    for (auto it = md.begin(); it != md.end(); ++it)
        metadata.insert(
            it.key(),
            it->isString() ? it->toString()
                           : QString::fromUtf8(QJsonDocument(QJsonArray {*it}).toJson(QJsonDocument::Compact))
                                 .mid(1)
                                 .chopped(1));
    o.insert(L("metadata"), metadata);
    return o;
}

QString geminiState(const QString &s)
{
    // The guide and SDKs say JOB_STATE_*, the REST reference BATCH_STATE_* (docs/providers.md): both are
    // read.
    QString state = s;
    if (state.startsWith(L("JOB_STATE_")))
        state = state.mid(10);
    else if (state.startsWith(L("BATCH_STATE_")))
        state = state.mid(12);
    static const QHash<QString, QString> map {
        {QStringLiteral("PENDING"), QStringLiteral("validating")},
        {QStringLiteral("QUEUED"), QStringLiteral("validating")},
        {QStringLiteral("RUNNING"), QStringLiteral("in_progress")},
        {QStringLiteral("SUCCEEDED"), QStringLiteral("completed")},
        {QStringLiteral("FAILED"), QStringLiteral("failed")},
        {QStringLiteral("CANCELLING"), QStringLiteral("cancelling")},
        {QStringLiteral("CANCELLED"), QStringLiteral("cancelled")},
        {QStringLiteral("EXPIRED"), QStringLiteral("expired")},
    };
    return map.value(state, s.toLower());
}

QJsonObject normalizeGeminiBatch(const QJsonObject &op)
{
    // An Operation {name, metadata: GenerateContentBatch, done, response} or the batch itself.
    const QJsonObject batch = op.value(L("metadata")).isObject() ? op.value(L("metadata")).toObject() : op;
    QJsonObject o;
    const QJsonValue name = op.value(L("name")).isString() ? op.value(L("name")) : batch.value(L("name"));
    if (name.isString())
        o.insert(L("id"), stripPrefix(name.toString(), L("batches/")));
    else
        o.insert(L("id"), name);
    o.insert(L("object"), QStringLiteral("batch"));
    o.insert(L("endpoint"), QStringLiteral("/v1/chat/completions"));
    o.insert(L("completion_window"), QStringLiteral("24h"));
    if (batch.value(L("model")).isString())
        o.insert(L("model"), stripPrefix(batch.value(L("model")).toString(), L("models/")));
    const QJsonValue stateValue = batch.value(L("state"));
    const QString status = stateValue.isString() ? geminiState(stateValue.toString()) : QString();
    if (stateValue.isString())
        o.insert(L("status"), status);
    else if (!stateValue.isUndefined())
        o.insert(L("status"), stateValue);
    setTime(o, "created_at", batch.value(L("createTime")));
    const char *endKey = status == L("failed") ? "failed_at"
        : status == L("cancelled")             ? "cancelled_at"
        : status == L("expired")               ? "expired_at"
                                               : "completed_at";
    if (status == L("failed") || status == L("cancelled") || status == L("expired")
        || status == L("completed"))
        setTime(o, endKey, batch.value(L("endTime")));
    const QJsonObject stats = batch.value(L("batchStats")).toObject();
    if (!stats.isEmpty())
        o.insert(L("request_counts"),
                 counts(int64Of(stats.value(L("requestCount"))),
                        int64Of(stats.value(L("successfulRequestCount"))),
                        int64Of(stats.value(L("failedRequestCount")))));
    QString responses = batch.value(L("output")).toObject().value(L("responsesFile")).toString();
    if (responses.isEmpty())
        responses = op.value(L("response")).toObject().value(L("responsesFile")).toString();
    if (!responses.isEmpty())
        o.insert(L("output_file_id"), stripPrefix(responses, L("files/")));
    const QString input = batch.value(L("inputConfig")).toObject().value(L("fileName")).toString();
    if (!input.isEmpty())
        o.insert(L("input_file_id"), stripPrefix(input, L("files/")));
    QJsonObject metadata;
    const QString displayName = batch.value(L("displayName")).toString();
    if (displayName.startsWith(L("batchdesk:")))
        metadata.insert(QString(kClientIdKey), displayName.mid(10));
    else if (!displayName.isEmpty())
        metadata.insert(QStringLiteral("description"), displayName.left(kMaxMetadataValueLength));
    o.insert(L("metadata"), metadata);
    const QJsonObject error = op.value(L("error")).toObject();
    if (!error.isEmpty())
        o.insert(L("errors"),
                 QJsonObject {{QStringLiteral("object"), QStringLiteral("list")},
                              {QStringLiteral("data"),
                               QJsonArray {QJsonObject {
                                   {QStringLiteral("code"), error.value(L("status")).toString()},
                                   {QStringLiteral("message"), error.value(L("message")).toString()}}}}});
    return o;
}
} // namespace

qint64 parseTime(const QJsonValue &v)
{
    if (v.isDouble())
        return qint64(v.toDouble());
    if (!v.isString())
        return -1;
    const QString s = v.toString();
    QDateTime t = QDateTime::fromString(s, Qt::ISODateWithMs);
    if (!t.isValid())
        t = QDateTime::fromString(s, Qt::ISODate);
    if (!t.isValid()) {
        // RFC 3339 with more than three fraction digits ("2024-09-24T18:37:24.100435Z").
        const qsizetype dot = s.indexOf(u'.');
        if (dot > 0) {
            qsizetype end = dot + 1;
            while (end < s.size() && s.at(end).isDigit())
                ++end;
            t = QDateTime::fromString(s.left(dot) + s.mid(end), Qt::ISODate);
        }
    }
    return t.isValid() ? t.toSecsSinceEpoch() : -1;
}

QJsonObject normalizeBatch(const Provider &provider, const QJsonObject &o)
{
    switch (provider.family) {
    case F::OpenAI:
        return normalizeOpenAiBatch(o);
    case F::Anthropic:
        return normalizeAnthropicBatch(o);
    case F::Mistral:
        return normalizeMistralBatch(o);
    case F::Gemini:
        return normalizeGeminiBatch(o);
    }
    return o;
}

QJsonObject normalizeFile(const Provider &provider, const QJsonObject &in)
{
    QJsonObject o = in;
    if (!o.contains(L("id")) && o.value(L("file")).isObject())
        o = o.value(L("file")).toObject(); // Gemini's upload answer
    if (provider.family == F::Gemini) {
        QJsonObject f;
        const QJsonValue name = o.value(L("name"));
        f.insert(L("id"), name.isString() ? QJsonValue(stripPrefix(name.toString(), L("files/"))) : name);
        f.insert(L("object"), QStringLiteral("file"));
        if (o.contains(L("sizeBytes")))
            f.insert(L("bytes"), int64Of(o.value(L("sizeBytes"))));
        setTime(f, "created_at", o.value(L("createTime")));
        setTime(f, "expires_at", o.value(L("expirationTime")));
        f.insert(L("filename"), o.value(L("displayName")).toString());
        f.insert(L("purpose"), QStringLiteral("batch"));
        if (o.value(L("state")).isString())
            f.insert(L("status"), o.value(L("state")).toString().toLower());
        return f;
    }
    if (!o.contains(L("bytes")) && o.contains(L("size_bytes")))
        o.insert(L("bytes"), o.value(L("size_bytes"))); // Mistral
    for (const char *key : {"created_at", "expires_at"}) {
        if (o.value(L(key)).isString())
            setTime(o, key, o.value(L(key)));
    }
    return o;
}

QJsonObject normalizeModel(const Provider &provider, const QJsonObject &in)
{
    if (provider.family != F::Gemini || in.contains(L("id")))
        return in;
    QJsonObject o = in;
    if (in.value(L("name")).isString())
        o.insert(L("id"), stripPrefix(in.value(L("name")).toString(), L("models/")));
    return o;
}

QJsonObject normalize(const Provider &provider, ObjectKind kind, const QJsonObject &o)
{
    switch (kind) {
    case ObjectKind::Batch:
        return normalizeBatch(provider, o);
    case ObjectKind::File:
        return normalizeFile(provider, o);
    case ObjectKind::Model:
        return normalizeModel(provider, o);
    case ObjectKind::Object:
        break;
    }
    return o;
}

Page parsePage(const Provider &provider, ObjectKind kind, const QByteArray &body, int pageIndex, int pageSize)
{
    Page page;
    QJsonParseError pe {};
    const QJsonDocument doc = QJsonDocument::fromJson(body, &pe);
    if (pe.error != QJsonParseError::NoError)
        return page;
    QJsonArray raw;
    QJsonObject o;
    if (doc.isArray()) {
        raw = doc.array(); // Together: a bare array, no paging
    } else if (doc.isObject()) {
        o = doc.object();
        const char *key = "data";
        if (provider.family == F::Gemini)
            key = kind == ObjectKind::Batch ? "operations" : kind == ObjectKind::File ? "files" : "models";
        const QJsonValue items = o.value(L(key));
        if (items.isUndefined() && provider.family == F::Gemini)
            raw = {}; // Gemini leaves the key out of an empty list
        else if (!items.isArray())
            return page;
        else
            raw = items.toArray();
    } else {
        return page;
    }
    for (const auto &item : raw)
        page.items.append(item.isObject() ? QJsonValue(normalize(provider, kind, item.toObject())) : item);
    page.ok = true;
    if (doc.isArray())
        return page;
    switch (provider.family) {
    case F::OpenAI:
    case F::Anthropic:
        page.hasMore = o.value(L("has_more")).toBool(false);
        page.nextCursor = o.value(L("last_id")).toString();
        if (page.nextCursor.isEmpty() && !page.items.isEmpty())
            page.nextCursor = page.items.last().toObject().value(L("id")).toString();
        break;
    case F::Mistral: {
        const qint64 total = int64Of(o.value(L("total")));
        page.hasMore = !raw.isEmpty() && qint64(pageIndex + 1) * qMax(1, pageSize) < total;
        page.nextCursor = QString::number(pageIndex + 1);
        break;
    }
    case F::Gemini:
        page.nextCursor = o.value(L("nextPageToken")).toString();
        page.hasMore = !page.nextCursor.isEmpty();
        break;
    }
    return page;
}

void addPageQuery(const Provider &provider, QUrlQuery *query, int pageSize, const QString &cursor)
{
    switch (provider.family) {
    case F::OpenAI:
        if (pageSize > 0)
            query->addQueryItem(QStringLiteral("limit"), QString::number(pageSize));
        if (!cursor.isEmpty())
            query->addQueryItem(QStringLiteral("after"), cursor);
        break;
    case F::Anthropic:
        if (pageSize > 0)
            query->addQueryItem(QStringLiteral("limit"), QString::number(qMin(pageSize, 1000)));
        if (!cursor.isEmpty())
            query->addQueryItem(QStringLiteral("after_id"), cursor);
        break;
    case F::Mistral:
        query->addQueryItem(QStringLiteral("page"), cursor.isEmpty() ? QStringLiteral("0") : cursor);
        if (pageSize > 0)
            query->addQueryItem(QStringLiteral("page_size"), QString::number(pageSize));
        break;
    case F::Gemini:
        if (pageSize > 0)
            query->addQueryItem(QStringLiteral("pageSize"), QString::number(qMin(pageSize, 100)));
        if (!cursor.isEmpty())
            query->addQueryItem(QStringLiteral("pageToken"), cursor);
        break;
    }
}

QString firstCursor(const Provider &provider)
{
    return provider.family == F::Mistral ? QStringLiteral("0") : QString();
}

QString batchesPath(const Provider &provider)
{
    switch (provider.family) {
    case F::Anthropic:
        return QStringLiteral("/messages/batches");
    case F::Mistral:
        return QStringLiteral("/batch/jobs");
    case F::OpenAI:
    case F::Gemini:
        break;
    }
    return QStringLiteral("/batches");
}

QString batchPath(const Provider &provider, const QString &batchId)
{
    return batchesPath(provider) + u'/' + batchId;
}

QString cancelPath(const Provider &provider, const QString &batchId)
{
    return batchPath(provider, batchId)
        + (provider.family == F::Gemini ? QStringLiteral(":cancel") : QStringLiteral("/cancel"));
}

QString filesPath(const Provider &)
{
    return QStringLiteral("/files");
}

QString filePath(const Provider &provider, const QString &fileId)
{
    return filesPath(provider) + u'/' + fileId;
}

QString endpointFor(const Provider &provider, const QString &endpoint)
{
    if (provider.endpointWithoutV1 && endpoint.startsWith(L("/v1/")))
        return endpoint.mid(3);
    return endpoint;
}

QJsonObject createBody(const Provider &provider, const CreateBatchParams &params, const QString &model)
{
    if (provider.family == F::Mistral) {
        QJsonObject metadata;
        for (auto it = params.metadata.begin(); it != params.metadata.end(); ++it)
            metadata.insert(it.key(), it.value());
        QJsonObject body {{QStringLiteral("input_files"), QJsonArray {params.inputFileId}},
                          {QStringLiteral("endpoint"), params.endpoint},
                          {QStringLiteral("metadata"), metadata},
                          {QStringLiteral("timeout_hours"), 24}};
        if (!model.isEmpty())
            body.insert(L("model"), model);
        return body;
    }
    QJsonObject body = params.toJson();
    body.remove(L("model"));
    body.insert(L("endpoint"), endpointFor(provider, params.endpoint));
    if (!provider.hasMetadata)
        body.remove(L("metadata"));
    return body;
}

Jsonl::ConvertResult rewriteUrlsWithoutV1(const QString &inPath, const QString &outPath,
                                          const std::function<bool(qint64, qint64)> &progress)
{
    Jsonl::ConvertResult r;
    QFile in(inPath);
    if (!in.open(QIODevice::ReadOnly)) {
        r.error =
            QCoreApplication::translate("Batchdesk::Api", "Cannot read %1: %2").arg(inPath, in.errorString());
        return r;
    }
    QSaveFile out(outPath);
    if (!out.open(QIODevice::WriteOnly)) {
        r.error = QCoreApplication::translate("Batchdesk::Api", "Cannot write %1: %2")
                      .arg(outPath, out.errorString());
        return r;
    }
    const qint64 total = in.size();
    qint64 done = 0;
    qint64 nextReport = 0;
    while (!in.atEnd()) {
        QByteArray line = in.readLine();
        done += line.size();
        if (line.trimmed().isEmpty())
            continue;
        QJsonParseError pe {};
        QJsonDocument doc = QJsonDocument::fromJson(line, &pe);
        if (pe.error == QJsonParseError::NoError && doc.isObject()) {
            QJsonObject o = doc.object();
            const QString url = o.value(QLatin1StringView("url")).toString();
            if (url.startsWith(QLatin1StringView("/v1/"))) {
                o.insert(QLatin1StringView("url"), url.mid(3));
                line = QJsonDocument(o).toJson(QJsonDocument::Compact) + '\n';
            }
        }
        if (!line.endsWith('\n'))
            line.append('\n');
        if (out.write(line) != line.size()) {
            r.error = QCoreApplication::translate("Batchdesk::Api", "Cannot write %1: %2")
                          .arg(outPath, out.errorString());
            out.cancelWriting();
            return r;
        }
        ++r.lines;
        if (progress && done >= nextReport) {
            nextReport = done + (1 << 20);
            if (!progress(done, total)) {
                out.cancelWriting();
                r.canceled = true;
                return r;
            }
        }
    }
    if (!out.commit()) {
        r.error = QCoreApplication::translate("Batchdesk::Api", "Cannot write %1: %2")
                      .arg(outPath, out.errorString());
        return r;
    }
    r.outputBytes = QFileInfo(outPath).size();
    r.ok = true;
    return r;
}

QString geminiDisplayName(const QString &clientId)
{
    return QStringLiteral("batchdesk:") + clientId;
}

} // namespace Batchdesk::Api::Wire
