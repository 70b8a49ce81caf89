// The provider dialects of the sandbox. Public API references: see sandboxdialects.h and docs/providers.md.

#include "sandboxdialects.h"

#include "common/logging.h"
#include "sandboxmodels.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QSet>
#include <QTimeZone>

#include <algorithm>
#include <climits>
#include <memory>

namespace Batchdesk::Sandbox {

namespace {

constexpr qsizetype kMaxInlineBodyBytes = 256LL * 1024 * 1024; // Anthropic's batch body limit
constexpr qint64 kMaxGeminiUploadBytes = 256LL * 1024 * 1024; // held in memory while the parts are split
constexpr int kMaxAnthropicRequests = 100000;
constexpr qint64 kChunkBytes = 256 * 1024;

thread_local RequestDialect t_request;

struct DialectInfo
{
    Dialect dialect;
    const char *name;
    const char *prefix;
};

constexpr DialectInfo kDialects[] = {
    {Dialect::OpenAi, "openai", "/openai/v1"},
    {Dialect::DeepInfra, "deepinfra", "/deepinfra/v1/openai"},
    {Dialect::Groq, "groq", "/groq/openai/v1"},
    {Dialect::Together, "together", "/together/v1"},
    {Dialect::Nebius, "nebius", "/nebius/v1"},
    {Dialect::Azure, "azure", "/azure/openai"},
    {Dialect::Anthropic, "anthropic", "/anthropic/v1"},
    {Dialect::Mistral, "mistral", "/mistral/v1"},
    {Dialect::Gemini, "gemini", "/gemini/v1beta"},
};

QString qs(const std::string &s)
{
    return QString::fromStdString(s);
}

QJsonValue str(const QJsonObject &o, const char *key)
{
    return o.value(QLatin1String(key));
}

QString text(const QJsonObject &o, const char *key)
{
    return o.value(QLatin1String(key)).toString();
}

qint64 num(const QJsonObject &o, const char *key)
{
    return o.value(QLatin1String(key)).toInteger();
}

/** RFC 3339 / ISO-8601 in UTC, or null for an unset (0 / null) Unix time. */
QJsonValue isoTime(const QJsonValue &seconds)
{
    const qint64 s = seconds.toInteger();
    if (s <= 0)
        return QJsonValue();
    return QDateTime::fromSecsSinceEpoch(s, QTimeZone::utc()).toString(Qt::ISODate);
}

void sendJson(httplib::Response &res, int status, const QJsonObject &body)
{
    res.status = status;
    res.set_content(QJsonDocument(body).toJson(QJsonDocument::Compact).toStdString(), "application/json");
}

/** Answers an engine result: the body as is when 2xx, else its error in the dialect's envelope. */
void forward(httplib::Response &res, Dialect dialect, const ApiResult &r)
{
    if (r.status >= 200 && r.status < 300) {
        sendJson(res, r.status, r.body);
        return;
    }
    const QJsonObject error = r.body.value(QLatin1String("error")).toObject();
    DialectLayer::sendError(res, dialect, r.status, error.value(QLatin1String("message")).toString(),
                            error.value(QLatin1String("type")).toString(),
                            error.value(QLatin1String("code")));
}

/** The model ids the sandbox knows also under their short names (Azure deployments, Gemini model paths). */
QString canonicalModel(const QString &model)
{
    if (model == QLatin1String("echo"))
        return QString(kEchoModel);
    if (model == QLatin1String("embed"))
        return QString(kEmbedModel);
    return model;
}

bool isTerminal(const QString &status)
{
    return status == QLatin1String("completed") || status == QLatin1String("failed")
        || status == QLatin1String("expired") || status == QLatin1String("cancelled");
}

QByteArray compact(const QJsonObject &o)
{
    return QJsonDocument(o).toJson(QJsonDocument::Compact);
}

/** Constant-time comparison: the answer's timing tells nothing about how much of a guess was right. */
bool sameSecret(const std::string &given, const std::string &expected)
{
    unsigned char diff = given.size() == expected.size() ? 0 : 1;
    for (std::size_t i = 0; i < expected.size(); ++i)
        diff |= static_cast<unsigned char>(expected[i] ^ (i < given.size() ? given[i] : 0));
    return diff == 0;
}

/**
 * Reads a JSONL file line by line and writes what `convert` makes of each line to `outPath`. `convert` gets
 * the line (without its end) and its 1-based number, and returns false with a message to stop. Returns the
 * number of lines converted (empty ones too with `keepEmpty`), or -1 with "line N: message" in *error.
 */
qint64 convertLines(const QString &inPath, const QString &outPath,
                    const std::function<bool(const QByteArray &, qint64, QByteArray *, QString *)> &convert,
                    QString *error, bool keepEmpty = false)
{
    QFile in(inPath);
    QFile out(outPath);
    if (!in.open(QIODevice::ReadOnly) || !out.open(QIODevice::WriteOnly)) {
        *error = QStringLiteral("The sandbox cannot read the input file.");
        return -1;
    }
    qint64 lineNo = 0, lines = 0;
    while (!in.atEnd()) {
        QByteArray line = in.readLine();
        ++lineNo;
        while (line.endsWith('\n') || line.endsWith('\r'))
            line.chop(1);
        if (line.trimmed().isEmpty() && !keepEmpty)
            continue;
        QByteArray converted;
        QString message;
        if (!convert(line, lineNo, &converted, &message)) {
            *error = QStringLiteral("line %1: %2").arg(lineNo).arg(message);
            return -1;
        }
        if (out.write(converted + '\n') < 0) {
            *error = QStringLiteral("The sandbox cannot write the converted input.");
            return -1;
        }
        ++lines;
    }
    return lines;
}

QString tempPath(SandboxEngine *engine, const char *what)
{
    return engine->uploadDir() + QLatin1Char('/') + QLatin1String(what) + QLatin1Char('-') + randomHex(16);
}

/** A chat line of the engine. */
QByteArray engineChatLine(const QString &customId, const QJsonObject &body)
{
    return compact(QJsonObject {{QStringLiteral("custom_id"), customId},
                                {QStringLiteral("method"), QStringLiteral("POST")},
                                {QStringLiteral("url"), QStringLiteral("/v1/chat/completions")},
                                {QStringLiteral("body"), body}});
}

/** The text of an engine output line's chat completion, and its finish reason and usage. */
struct ChatAnswer
{
    QString text;
    QString finishReason;
    qint64 promptTokens = 0;
    qint64 completionTokens = 0;
    QString model;
};

ChatAnswer chatAnswer(const QJsonObject &body)
{
    ChatAnswer a;
    const QJsonObject choice = body.value(QLatin1String("choices")).toArray().first().toObject();
    a.text = choice.value(QLatin1String("message")).toObject().value(QLatin1String("content")).toString();
    a.finishReason = choice.value(QLatin1String("finish_reason")).toString();
    const QJsonObject usage = body.value(QLatin1String("usage")).toObject();
    a.promptTokens = num(usage, "prompt_tokens");
    a.completionTokens = num(usage, "completion_tokens");
    a.model = text(body, "model");
    return a;
}

/** Gemini's (google.rpc) status name for an HTTP status. */
QString rpcStatus(int status)
{
    switch (status) {
    case 400:
        return QStringLiteral("INVALID_ARGUMENT");
    case 401:
        return QStringLiteral("UNAUTHENTICATED");
    case 403:
        return QStringLiteral("PERMISSION_DENIED");
    case 404:
        return QStringLiteral("NOT_FOUND");
    case 409:
        return QStringLiteral("ALREADY_EXISTS");
    case 413:
        return QStringLiteral("INVALID_ARGUMENT");
    case 429:
        return QStringLiteral("RESOURCE_EXHAUSTED");
    case 499:
        return QStringLiteral("CANCELLED");
    case 501:
        return QStringLiteral("UNIMPLEMENTED");
    case 503:
        return QStringLiteral("UNAVAILABLE");
    case 504:
        return QStringLiteral("DEADLINE_EXCEEDED");
    default:
        return status >= 500 ? QStringLiteral("INTERNAL") : QStringLiteral("FAILED_PRECONDITION");
    }
}

/** Anthropic's error type for an HTTP status. */
QString anthropicErrorType(int status)
{
    switch (status) {
    case 400:
        return QStringLiteral("invalid_request_error");
    case 401:
        return QStringLiteral("authentication_error");
    case 403:
        return QStringLiteral("permission_error");
    case 404:
        return QStringLiteral("not_found_error");
    case 413:
        return QStringLiteral("request_too_large");
    case 429:
        return QStringLiteral("rate_limit_error");
    case 529:
        return QStringLiteral("overloaded_error");
    default:
        return status >= 500 ? QStringLiteral("api_error") : QStringLiteral("invalid_request_error");
    }
}

std::optional<QJsonObject> parseObject(const std::string &body)
{
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(QByteArray::fromStdString(body), &error);
    if (error.error != QJsonParseError::NoError || !doc.isObject())
        return std::nullopt;
    return doc.object();
}

/** A page of a list by page number (Mistral): the items of page `page` of size `pageSize`. */
QJsonArray pageOf(const QJsonArray &all, int page, int pageSize)
{
    QJsonArray out;
    const qint64 start = qint64(page) * pageSize;
    for (qint64 i = start; i < all.size() && i < start + pageSize; ++i)
        out.append(all.at(i));
    return out;
}

bool intParam(const httplib::Request &req, const char *name, int min, int max, int defaultValue, int *out,
              QString *error)
{
    *out = defaultValue;
    if (!req.has_param(name))
        return true;
    bool ok = false;
    const int value = qs(req.get_param_value(name)).toInt(&ok);
    if (!ok || value < min || value > max) {
        *error = QStringLiteral("Invalid '%1': it must be an integer between %2 and %3.")
                     .arg(QLatin1String(name))
                     .arg(min)
                     .arg(max);
        return false;
    }
    *out = value;
    return true;
}

/** Reads a request body of at most `maxBytes`; false when it is larger. */
bool readBody(const httplib::ContentReader &reader, qint64 maxBytes, std::string *body)
{
    bool tooLarge = false;
    reader([&](const char *data, size_t length) {
        if (qint64(body->size() + length) > maxBytes) {
            tooLarge = true;
            return false;
        }
        body->append(data, length);
        return true;
    });
    return !tooLarge;
}

QString origin(const httplib::Request &req)
{
    return QStringLiteral("http://") + qs(req.get_header_value("Host"));
}

} // namespace

// ---------------------------------------------------------------------------------------------------------------
// Names and mounts

QStringList dialectNames()
{
    QStringList names;
    for (const DialectInfo &info : kDialects)
        names << QLatin1String(info.name);
    return names;
}

std::optional<Dialect> dialectFromName(QStringView name)
{
    for (const DialectInfo &info : kDialects) {
        if (name == QLatin1String(info.name))
            return info.dialect;
    }
    return std::nullopt;
}

QString dialectName(Dialect dialect)
{
    for (const DialectInfo &info : kDialects) {
        if (info.dialect == dialect)
            return QLatin1String(info.name);
    }
    return {};
}

bool isOpenAiFamily(Dialect dialect)
{
    return dialect != Dialect::Anthropic && dialect != Dialect::Mistral && dialect != Dialect::Gemini;
}

QString dialectPrefixPath(Dialect dialect)
{
    for (const DialectInfo &info : kDialects) {
        if (info.dialect == dialect)
            return QLatin1String(info.prefix);
    }
    return {};
}

DialectLayer::DialectLayer(SandboxEngine *engine, Dialect root, QString dataDir)
    : m_engine(engine)
    , m_root(root)
    , m_dataDir(std::move(dataDir))
{
    for (const DialectInfo &info : kDialects)
        m_mounts.append({QLatin1String(info.prefix), info.dialect});
    m_mounts.append({QStringLiteral("/gemini/upload/v1beta"), Dialect::Gemini});
    m_mounts.append({QStringLiteral("/gemini/download/v1beta"), Dialect::Gemini});
    switch (root) {
    case Dialect::OpenAi:
    case Dialect::DeepInfra:
        m_mounts.append({QStringLiteral("/v1"), root});
        m_mounts.append({QStringLiteral("/v1/openai"), root});
        break;
    case Dialect::Azure:
        m_mounts.append({QStringLiteral("/openai"), root});
        break;
    case Dialect::Gemini:
        m_mounts.append({QStringLiteral("/v1beta"), root});
        m_mounts.append({QStringLiteral("/upload/v1beta"), root});
        m_mounts.append({QStringLiteral("/download/v1beta"), root});
        break;
    default:
        m_mounts.append({QStringLiteral("/v1"), root});
        break;
    }
    std::stable_sort(m_mounts.begin(), m_mounts.end(),
                     [](const Mount &a, const Mount &b) { return a.prefix.size() > b.prefix.size(); });
    QDir().mkpath(m_dataDir + QStringLiteral("/dialects"));
}

RequestDialect DialectLayer::resolve(const std::string &path) const
{
    const QString p = qs(path);
    RequestDialect r;
    r.dialect = m_root;
    for (const Mount &m : m_mounts) {
        if (p.startsWith(m.prefix)
            && (p.size() == m.prefix.size() || p.at(m.prefix.size()) == QLatin1Char('/'))) {
            r.dialect = m.dialect;
            r.mount = m.prefix;
            r.matched = true;
            break;
        }
    }
    t_request = r;
    return r;
}

const RequestDialect &DialectLayer::current()
{
    return t_request;
}

std::string DialectLayer::mountPattern(const QList<Dialect> &dialects) const
{
    QStringList alternatives;
    for (const Mount &m : m_mounts) {
        if (dialects.contains(m.dialect))
            alternatives << QRegularExpression::escape(m.prefix);
    }
    return "(?:" + alternatives.join(QLatin1Char('|')).toStdString() + ")";
}

// ---------------------------------------------------------------------------------------------------------------
// Auth and errors

bool DialectLayer::admit(const httplib::Request &req, httplib::Response &res, const QString &key) const
{
    const Dialect d = current().dialect;
    const std::string k = key.toStdString();
    auto refuse = [&](const QString &message, const QJsonValue &code) {
        sendError(res, d, 401, message, QStringLiteral("invalid_request_error"), code);
        return false;
    };
    if (!key.isEmpty()) {
        switch (d) {
        case Dialect::Azure: {
            const std::string given = req.get_header_value("api-key");
            if (!sameSecret(given, k))
                return refuse(given.empty()
                                  ? QStringLiteral("Access denied due to missing subscription key. "
                                                   "Provide it in the 'api-key' header.")
                                  : QStringLiteral("Access denied due to invalid subscription key."),
                              QStringLiteral("401"));
            break;
        }
        case Dialect::Anthropic: {
            const std::string given = req.get_header_value("x-api-key");
            if (!sameSecret(given, k))
                return refuse(given.empty() ? QStringLiteral("x-api-key header is required")
                                            : QStringLiteral("invalid x-api-key"),
                              QJsonValue());
            break;
        }
        case Dialect::Gemini: {
            const std::string given = req.get_header_value("x-goog-api-key");
            if (!sameSecret(given, k))
                return refuse(given.empty()
                                  ? QStringLiteral("Method doesn't allow unregistered callers. "
                                                   "Provide the API key in 'x-goog-api-key'.")
                                  : QStringLiteral("API key not valid. Please pass a valid API key."),
                              QJsonValue());
            break;
        }
        default: {
            const std::string given = req.get_header_value("Authorization");
            if (!sameSecret(given, "Bearer " + k))
                return refuse(given.empty()
                                  ? QStringLiteral("You didn't provide an API key. Provide it in the "
                                                   "Authorization header as 'Bearer YOUR_KEY'.")
                                  : QStringLiteral("Incorrect API key provided."),
                              QStringLiteral("invalid_api_key"));
            break;
        }
        }
    }
    if (d == Dialect::Anthropic && req.get_header_value("anthropic-version").empty()) {
        sendError(res, d, 400, QStringLiteral("anthropic-version: header is required"));
        return false;
    }
    if (d == Dialect::Azure && req.get_param_value("api-version").empty()) {
        sendError(
            res, d, 400,
            QStringLiteral("Missing required query parameter 'api-version' (e.g. api-version=2024-10-21)."),
            QStringLiteral("invalid_request_error"), QStringLiteral("MissingApiVersionParameter"));
        return false;
    }
    return true;
}

void DialectLayer::sendError(httplib::Response &res, Dialect dialect, int status, const QString &message,
                             const QString &type, const QJsonValue &code)
{
    if (dialect == Dialect::Anthropic) {
        sendJson(res, status,
                 QJsonObject {{QStringLiteral("type"), QStringLiteral("error")},
                              {QStringLiteral("error"),
                               QJsonObject {{QStringLiteral("type"), anthropicErrorType(status)},
                                            {QStringLiteral("message"), message}}}});
        return;
    }
    if (dialect == Dialect::Gemini) {
        sendJson(res, status,
                 QJsonObject {{QStringLiteral("error"),
                               QJsonObject {{QStringLiteral("code"), status},
                                            {QStringLiteral("message"), message},
                                            {QStringLiteral("status"), rpcStatus(status)}}}});
        return;
    }
    const QString t = !type.isEmpty() ? type
        : status >= 500               ? QStringLiteral("server_error")
                                      : QStringLiteral("invalid_request_error");
    sendJson(res, status, errorEnvelope(message, t, QJsonValue(), code));
}

// ---------------------------------------------------------------------------------------------------------------
// The OpenAI family

QString DialectLayer::uploadPurposeProblem(Dialect dialect, const QString &purpose) const
{
    if (dialect == Dialect::Together) {
        if (purpose != QLatin1String("batch-api"))
            return QStringLiteral("Invalid value for 'purpose': '%1'. Batch input files are uploaded with "
                                  "purpose 'batch-api'.")
                .arg(purpose);
        return {};
    }
    if (purpose != QLatin1String("batch"))
        return QStringLiteral("Invalid value for 'purpose': '%1'. The sandbox accepts only 'batch'.")
            .arg(purpose);
    return {};
}

QJsonObject DialectLayer::fileJson(Dialect dialect, const QJsonObject &file) const
{
    if (dialect != Dialect::Mistral)
        return file;
    QJsonObject f = file;
    f.remove(QStringLiteral("status_details"));
    f.insert(QStringLiteral("sample_type"),
             text(file, "purpose") == QLatin1String("batch") ? QStringLiteral("batch_request")
                                                             : QStringLiteral("batch_result"));
    f.insert(QStringLiteral("source"),
             text(file, "purpose") == QLatin1String("batch") ? QStringLiteral("upload")
                                                             : QStringLiteral("mistral"));
    f.insert(QStringLiteral("num_lines"), QJsonValue());
    if (text(file, "purpose") == QLatin1String("batch_output"))
        f.insert(QStringLiteral("purpose"), QStringLiteral("batch"));
    return f;
}

ApiResult DialectLayer::listFiles(Dialect dialect, const httplib::Request &req) const
{
    QString error;
    int page = 0, pageSize = 0;
    if (!intParam(req, "page", 0, 1000000, 0, &page, &error)
        || !intParam(req, "page_size", 1, 10000, 100, &pageSize, &error))
        return {400, errorEnvelope(error, QStringLiteral("invalid_request_error"))};
    const ApiResult all = m_engine->listFiles(QString(), INT_MAX, false, qs(req.get_param_value("purpose")));
    if (all.status != 200)
        return all;
    const QJsonArray files = all.body.value(QLatin1String("data")).toArray();
    QJsonArray data;
    for (const QJsonValue &f : pageOf(files, page, pageSize))
        data.append(fileJson(dialect, f.toObject()));
    return {200,
            QJsonObject {{QStringLiteral("object"), QStringLiteral("list")},
                         {QStringLiteral("data"), data},
                         {QStringLiteral("total"), files.size()}}};
}

QJsonObject DialectLayer::familyBatchJson(Dialect dialect, const QJsonObject &batch) const
{
    switch (dialect) {
    case Dialect::Groq: {
        QJsonObject b = batch;
        if (batch.value(QLatin1String("errors")).isObject())
            b.insert(QStringLiteral("errors"),
                     batch.value(QLatin1String("errors")).toObject().value(QLatin1String("data")));
        return b;
    }
    case Dialect::Azure: {
        QJsonObject b = batch;
        QString endpoint = text(batch, "endpoint");
        if (endpoint.startsWith(QLatin1String("/v1/")))
            endpoint.remove(0, 3);
        b.insert(QStringLiteral("endpoint"), endpoint);
        return b;
    }
    case Dialect::Together: {
        const QJsonObject counts = batch.value(QLatin1String("request_counts")).toObject();
        const qint64 total = num(counts, "total");
        const qint64 done = num(counts, "completed") + num(counts, "failed");
        const QString status = text(batch, "status");
        QString upper = status.toUpper();
        // Together's statuses (docs/providers.md §1) have no FINALIZING or CANCELLING: both are still
        // running.
        if (status == QLatin1String("finalizing") || status == QLatin1String("cancelling"))
            upper = QStringLiteral("IN_PROGRESS");
        const QJsonArray errors =
            batch.value(QLatin1String("errors")).toObject().value(QLatin1String("data")).toArray();
        QStringList messages;
        for (const QJsonValue &e : errors)
            messages << e.toObject().value(QLatin1String("message")).toString();
        QJsonValue completedAt = isoTime(str(batch, "completed_at"));
        for (const char *key : {"failed_at", "expired_at", "cancelled_at"}) {
            if (completedAt.isNull())
                completedAt = isoTime(str(batch, key));
        }
        return QJsonObject {
            {QStringLiteral("id"), str(batch, "id")},
            {QStringLiteral("user_id"), QStringLiteral("sandbox-user")},
            {QStringLiteral("input_file_id"), str(batch, "input_file_id")},
            {QStringLiteral("file_size_bytes"), QJsonValue()},
            {QStringLiteral("status"), upper},
            {QStringLiteral("job_deadline"), isoTime(str(batch, "expires_at"))},
            {QStringLiteral("created_at"), isoTime(str(batch, "created_at"))},
            {QStringLiteral("endpoint"), str(batch, "endpoint")},
            {QStringLiteral("progress"), total > 0 ? double(done) * 100.0 / double(total) : 0.0},
            {QStringLiteral("model_id"), str(batch, "model")},
            {QStringLiteral("output_file_id"), str(batch, "output_file_id")},
            {QStringLiteral("error_file_id"), str(batch, "error_file_id")},
            {QStringLiteral("error"),
             messages.isEmpty() ? QJsonValue() : QJsonValue(messages.join(QLatin1Char('\n')))},
            {QStringLiteral("completed_at"), completedAt},
        };
    }
    default:
        return batch;
    }
}

ApiResult DialectLayer::batchResult(Dialect dialect, const ApiResult &result) const
{
    if (result.status != 200)
        return result;
    return {result.status, familyBatchJson(dialect, result.body)};
}

ApiResult DialectLayer::createBatch(Dialect dialect, const QJsonObject &body) const
{
    QJsonObject request = body;
    SandboxEngine::BatchOptions options;
    auto invalid = [](const QString &message, const QString &param) {
        return ApiResult {400,
                          errorEnvelope(message, QStringLiteral("invalid_request_error"), param,
                                        QStringLiteral("invalid_value"))};
    };
    if (dialect == Dialect::Together) {
        options.inputPurposes = {QStringLiteral("batch-api")};
        if (!request.contains(QLatin1String("completion_window")))
            request.insert(QStringLiteral("completion_window"), QStringLiteral("24h"));
    }
    if (dialect == Dialect::Groq) {
        // Groq: any window from 24 hours to 7 days, in hours or days.
        static const QRegularExpression windowPattern(QStringLiteral("^([0-9]{1,3})([hd])$"));
        const QString window = text(request, "completion_window");
        const auto match = windowPattern.match(window);
        const int hours = match.hasMatch()
            ? match.captured(1).toInt() * (match.captured(2) == QLatin1String("d") ? 24 : 1)
            : 0;
        if (!window.isEmpty() && (hours < 24 || hours > 168))
            return invalid(
                QStringLiteral("Invalid value for 'completion_window': '%1'. It must be between 24h "
                               "and 7d.")
                    .arg(window),
                QStringLiteral("completion_window"));
        if (!window.isEmpty())
            options.windows = {{window, hours}};
    }
    if (dialect == Dialect::Azure) {
        const QString endpoint = text(request, "endpoint");
        if (endpoint.startsWith(QLatin1String("/v1/")))
            return invalid(
                QStringLiteral("Invalid value for 'endpoint': '%1'. Azure OpenAI endpoints are written "
                               "without '/v1', e.g. '/chat/completions'.")
                    .arg(endpoint),
                QStringLiteral("endpoint"));
        if (endpoint.startsWith(QLatin1Char('/')))
            request.insert(QStringLiteral("endpoint"), QString(QStringLiteral("/v1") + endpoint));
    }

    // The lines: short model names (and Azure's deployment names) become the sandbox's model ids, Azure's
    // urls get their '/v1'. Lines that do not parse stay as they are, for the engine's validation to report.
    QString inputPath;
    qint64 inputSize = 0;
    QString converted;
    if (m_engine->fileContent(text(request, "input_file_id"), &inputPath, &inputSize)) {
        converted = tempPath(m_engine, "family");
        bool changed = false;
        QString error;
        const qint64 lines = convertLines(
            inputPath, converted,
            [&](const QByteArray &line, qint64, QByteArray *out, QString *) {
                *out = line;
                // Only a line naming a short model, or any Azure line, can change: the rest stay as they are.
                if (dialect != Dialect::Azure && !line.contains("\"echo\"") && !line.contains("\"embed\""))
                    return true;
                QJsonParseError parseError;
                QJsonObject o = QJsonDocument::fromJson(line, &parseError).object();
                if (parseError.error != QJsonParseError::NoError)
                    return true;
                bool lineChanged = false;
                QJsonObject lineBody = o.value(QLatin1String("body")).toObject();
                const QString model = text(lineBody, "model");
                if (canonicalModel(model) != model) {
                    lineBody.insert(QStringLiteral("model"), canonicalModel(model));
                    o.insert(QStringLiteral("body"), lineBody);
                    lineChanged = true;
                }
                const QString url = text(o, "url");
                if (dialect == Dialect::Azure && url.startsWith(QLatin1Char('/'))
                    && !url.startsWith(QLatin1String("/v1/"))) {
                    o.insert(QStringLiteral("url"), QString(QStringLiteral("/v1") + url));
                    lineChanged = true;
                }
                if (lineChanged) {
                    *out = compact(o);
                    changed = true;
                }
                return true;
            },
            &error, true);
        if (lines < 0 || !changed) {
            QFile::remove(converted);
            converted.clear();
        }
    }
    options.convertedInputPath = converted;
    ApiResult result = m_engine->createBatch(request, options);
    if (!converted.isEmpty())
        QFile::remove(converted); // still there when the engine refused the batch
    result = batchResult(dialect, result);
    if (dialect == Dialect::Together && result.status == 200)
        result.body =
            QJsonObject {{QStringLiteral("job"), result.body}, {QStringLiteral("warning"), QJsonValue()}};
    return result;
}

void DialectLayer::listBatches(Dialect dialect, const QString &after, int limit, httplib::Response &res) const
{
    if (dialect == Dialect::Together) {
        // A bare array of every batch, no paging.
        const ApiResult all = m_engine->listBatches(QString(), INT_MAX);
        QJsonArray data;
        for (const QJsonValue &b : all.body.value(QLatin1String("data")).toArray())
            data.append(familyBatchJson(dialect, b.toObject()));
        res.status = 200;
        res.set_content(QJsonDocument(data).toJson(QJsonDocument::Compact).toStdString(), "application/json");
        return;
    }
    ApiResult result = m_engine->listBatches(after, limit);
    if (result.status == 200 && dialect != Dialect::OpenAi) {
        QJsonArray data;
        for (const QJsonValue &b : result.body.value(QLatin1String("data")).toArray())
            data.append(familyBatchJson(dialect, b.toObject()));
        result.body.insert(QStringLiteral("data"), data);
    }
    forward(res, dialect, result);
}

// ---------------------------------------------------------------------------------------------------------------
// Results, converted for Anthropic and Gemini

void DialectLayer::sendFile(httplib::Response &res, const QString &path, const char *contentType)
{
    auto file = std::make_shared<QFile>(path);
    if (!file->open(QIODevice::ReadOnly)) {
        sendError(res, current().dialect, 404, QStringLiteral("The results are gone."));
        return;
    }
    res.status = 200;
    res.set_content_provider(
        size_t(file->size()), contentType, [file](size_t offset, size_t length, httplib::DataSink &sink) {
            if (file->pos() != qint64(offset) && !file->seek(qint64(offset)))
                return false;
            const QByteArray chunk = file->read(std::min<qint64>(qint64(length), kChunkBytes));
            if (chunk.isEmpty())
                return false;
            return sink.write(chunk.constData(), size_t(chunk.size()));
        });
}

QString DialectLayer::convertedResults(Dialect dialect, const QJsonObject &batch, QString *error) const
{
    const QString id = text(batch, "id");
    const QString path = m_dataDir + QStringLiteral("/dialects/") + id + QLatin1Char('.')
        + dialectName(dialect) + QStringLiteral(".jsonl");
    if (QFile::exists(path))
        return path;
    const QString temp = path + QStringLiteral(".") + randomHex(8);
    QFile out(temp);
    if (!out.open(QIODevice::WriteOnly)) {
        *error = QStringLiteral("The sandbox cannot write the results.");
        return {};
    }
    auto anthropicLine = [](const QString &customId, const QJsonObject &result) {
        return compact(
            QJsonObject {{QStringLiteral("custom_id"), customId}, {QStringLiteral("result"), result}});
    };
    auto anthropicError = [](int status, const QString &message) {
        return QJsonObject {{QStringLiteral("type"), QStringLiteral("errored")},
                            {QStringLiteral("error"),
                             QJsonObject {{QStringLiteral("type"), QStringLiteral("error")},
                                          {QStringLiteral("error"),
                                           QJsonObject {{QStringLiteral("type"), anthropicErrorType(status)},
                                                        {QStringLiteral("message"), message}}}}}};
    };
    auto geminiError = [](const QString &key, int code, const QString &message) {
        return compact(QJsonObject {{QStringLiteral("key"), key},
                                    {QStringLiteral("error"),
                                     QJsonObject {{QStringLiteral("code"), code},
                                                  {QStringLiteral("message"), message},
                                                  {QStringLiteral("status"), rpcStatus(code)}}}});
    };
    // One engine result line (OpenAI's shape) in the dialect's shape.
    auto convert = [&](const QJsonObject &line) -> QByteArray {
        const QString customId = text(line, "custom_id");
        const QJsonObject response = line.value(QLatin1String("response")).toObject();
        const QJsonObject body = response.value(QLatin1String("body")).toObject();
        const int status = int(num(response, "status_code"));
        const QJsonObject lineError = line.value(QLatin1String("error")).toObject();
        const QString pending = text(lineError, "code"); // batch_cancelled / batch_expired: never ran
        const bool ok = status >= 200 && status < 300 && pending.isEmpty();
        const QString message = pending.isEmpty()
            ? body.value(QLatin1String("error")).toObject().value(QLatin1String("message")).toString()
            : text(lineError, "message");
        if (dialect == Dialect::Anthropic) {
            if (pending == QLatin1String("batch_cancelled"))
                return anthropicLine(customId, {{QStringLiteral("type"), QStringLiteral("canceled")}});
            if (pending == QLatin1String("batch_expired"))
                return anthropicLine(customId, {{QStringLiteral("type"), QStringLiteral("expired")}});
            if (!ok)
                return anthropicLine(customId, anthropicError(status, message));
            const ChatAnswer a = chatAnswer(body);
            const QJsonObject msg {{QStringLiteral("id"), QString(QStringLiteral("msg_") + randomHex(24))},
                                   {QStringLiteral("type"), QStringLiteral("message")},
                                   {QStringLiteral("role"), QStringLiteral("assistant")},
                                   {QStringLiteral("model"), a.model},
                                   {QStringLiteral("content"),
                                    QJsonArray {QJsonObject {{QStringLiteral("type"), QStringLiteral("text")},
                                                             {QStringLiteral("text"), a.text}}}},
                                   {QStringLiteral("stop_reason"),
                                    a.finishReason == QLatin1String("length") ? QStringLiteral("max_tokens")
                                                                              : QStringLiteral("end_turn")},
                                   {QStringLiteral("stop_sequence"), QJsonValue()},
                                   {QStringLiteral("usage"),
                                    QJsonObject {{QStringLiteral("input_tokens"), a.promptTokens},
                                                 {QStringLiteral("output_tokens"), a.completionTokens}}}};
            return anthropicLine(
                customId,
                {{QStringLiteral("type"), QStringLiteral("succeeded")}, {QStringLiteral("message"), msg}});
        }
        // Gemini
        if (pending == QLatin1String("batch_cancelled"))
            return geminiError(customId, 499, message);
        if (pending == QLatin1String("batch_expired"))
            return geminiError(customId, 504, message);
        if (!ok)
            return geminiError(customId, status, message);
        const ChatAnswer a = chatAnswer(body);
        const QJsonObject candidate {
            {QStringLiteral("content"),
             QJsonObject {
                 {QStringLiteral("parts"), QJsonArray {QJsonObject {{QStringLiteral("text"), a.text}}}},
                 {QStringLiteral("role"), QStringLiteral("model")}}},
            {QStringLiteral("finishReason"),
             a.finishReason == QLatin1String("length") ? QStringLiteral("MAX_TOKENS")
                                                       : QStringLiteral("STOP")},
            {QStringLiteral("index"), 0}};
        return compact(QJsonObject {
            {QStringLiteral("key"), customId},
            {QStringLiteral("response"),
             QJsonObject {
                 {QStringLiteral("candidates"), QJsonArray {candidate}},
                 {QStringLiteral("usageMetadata"),
                  QJsonObject {{QStringLiteral("promptTokenCount"), a.promptTokens},
                               {QStringLiteral("candidatesTokenCount"), a.completionTokens},
                               {QStringLiteral("totalTokenCount"), a.promptTokens + a.completionTokens}}},
                 {QStringLiteral("modelVersion"), a.model}}}});
    };
    bool good = true;
    auto copy = [&](const QString &fileId, const std::function<QByteArray(const QJsonObject &)> &fn) {
        QString p;
        qint64 size = 0;
        if (fileId.isEmpty() || !m_engine->fileContent(fileId, &p, &size))
            return;
        QFile in(p);
        if (!in.open(QIODevice::ReadOnly)) {
            good = false;
            return;
        }
        while (!in.atEnd()) {
            const QByteArray line = in.readLine().trimmed();
            if (line.isEmpty())
                continue;
            const QByteArray converted = fn(QJsonDocument::fromJson(line).object());
            good = good && (converted.isEmpty() || out.write(converted + '\n') >= 0);
        }
    };
    QSet<QString> seen;
    auto convertOnce = [&](const QJsonObject &line) {
        seen.insert(text(line, "custom_id"));
        return convert(line);
    };
    copy(text(batch, "output_file_id"), convertOnce);
    copy(text(batch, "error_file_id"), convertOnce);
    // Requests with no result line: a batch that failed validation, or was cancelled or expired before it was
    // validated, ran nothing. Their ids come from the input file (`custom_id`, Gemini's `key`).
    const QString status = text(batch, "status");
    const QJsonArray errors =
        batch.value(QLatin1String("errors")).toObject().value(QLatin1String("data")).toArray();
    const QString failure = errors.isEmpty()
        ? QStringLiteral("The request could not be validated.")
        : errors.first().toObject().value(QLatin1String("message")).toString();
    if (status == QLatin1String("failed") || status == QLatin1String("cancelled")
        || status == QLatin1String("expired")) {
        copy(text(batch, "input_file_id"), [&](const QJsonObject &line) {
            QString id = text(line, "custom_id");
            if (id.isEmpty())
                id = text(line, "key");
            if (id.isEmpty() || seen.contains(id))
                return QByteArray();
            seen.insert(id);
            QJsonObject engineLine {{QStringLiteral("custom_id"), id}};
            if (status == QLatin1String("failed")) {
                engineLine.insert(
                    QStringLiteral("response"),
                    QJsonObject {{QStringLiteral("status_code"), 400},
                                 {QStringLiteral("body"),
                                  errorEnvelope(failure, QStringLiteral("invalid_request_error"))}});
            } else {
                const bool cancelled = status == QLatin1String("cancelled");
                engineLine.insert(
                    QStringLiteral("error"),
                    QJsonObject {
                        {QStringLiteral("code"),
                         cancelled ? QStringLiteral("batch_cancelled") : QStringLiteral("batch_expired")},
                        {QStringLiteral("message"),
                         cancelled ? QStringLiteral("This request was not executed because the batch was "
                                                    "cancelled.")
                                   : QStringLiteral("This request could not be executed before the "
                                                    "completion window expired.")}});
            }
            return convert(engineLine);
        });
    }
    out.close();
    if (!good || !QFile::rename(temp, path)) {
        QFile::remove(temp);
        if (QFile::exists(path)) // another request made them at the same time
            return path;
        *error = QStringLiteral("The sandbox cannot write the results.");
        return {};
    }
    return path;
}

// ---------------------------------------------------------------------------------------------------------------
// Anthropic Message Batches

namespace {

QString toAnthropicId(const QString &engineId)
{
    return engineId.startsWith(QLatin1String("batch_")) ? QStringLiteral("msgbatch_") + engineId.mid(6)
                                                        : engineId;
}

/** The engine id of `msgbatch_…`; empty for anything else. */
QString fromAnthropicId(const QString &id)
{
    return id.startsWith(QLatin1String("msgbatch_")) ? QStringLiteral("batch_") + id.mid(9) : QString();
}

/** Text of an Anthropic content value (a string or text blocks); false for other blocks. */
bool anthropicText(const QJsonValue &content, QString *out, QString *error)
{
    if (content.isString()) {
        *out = content.toString();
        return true;
    }
    if (!content.isArray()) {
        *error = QStringLiteral("content must be a string or an array of content blocks");
        return false;
    }
    QStringList parts;
    for (const QJsonValue &block : content.toArray()) {
        const QJsonObject b = block.toObject();
        if (text(b, "type") != QLatin1String("text")) {
            *error = QStringLiteral("the sandbox supports only text content blocks, not '%1'")
                         .arg(text(b, "type"));
            return false;
        }
        parts << text(b, "text");
    }
    *out = parts.join(QLatin1Char('\n'));
    return true;
}

/** One `{custom_id, params}` as an engine chat line; false with a message when it is not valid. */
bool anthropicToChat(const QJsonObject &request, QByteArray *line, QString *customId, QString *error)
{
    static const QRegularExpression idPattern(QStringLiteral("^[a-zA-Z0-9_-]{1,64}$"));
    *customId = text(request, "custom_id");
    if (!idPattern.match(*customId).hasMatch()) {
        *error =
            QStringLiteral("custom_id: must match ^[a-zA-Z0-9_-]{1,64}$, got '%1'").arg(customId->left(80));
        return false;
    }
    const QJsonObject params = request.value(QLatin1String("params")).toObject();
    if (params.isEmpty()) {
        *error = QStringLiteral("params: Field required");
        return false;
    }
    const QJsonValue maxTokens = params.value(QLatin1String("max_tokens"));
    if (!maxTokens.isDouble() || maxTokens.toDouble() < 1
        || maxTokens.toDouble() != qint64(maxTokens.toDouble())) {
        *error = QStringLiteral("params.max_tokens: Field required (a positive integer)");
        return false;
    }
    if (!params.value(QLatin1String("model")).isString()) {
        *error = QStringLiteral("params.model: Field required");
        return false;
    }
    const QJsonArray messages = params.value(QLatin1String("messages")).toArray();
    if (messages.isEmpty()) {
        *error = QStringLiteral("params.messages: Field required (at least one message)");
        return false;
    }
    QJsonArray chat;
    if (params.contains(QLatin1String("system"))) {
        QString system;
        if (!anthropicText(params.value(QLatin1String("system")), &system, error)) {
            *error = QStringLiteral("params.system: ") + *error;
            return false;
        }
        chat.append(QJsonObject {{QStringLiteral("role"), QStringLiteral("system")},
                                 {QStringLiteral("content"), system}});
    }
    for (qsizetype i = 0; i < messages.size(); ++i) {
        const QJsonObject m = messages.at(i).toObject();
        const QString role = text(m, "role");
        if (role != QLatin1String("user") && role != QLatin1String("assistant")) {
            *error = QStringLiteral("params.messages.%1.role: must be 'user' or 'assistant'").arg(i);
            return false;
        }
        QString content;
        if (!anthropicText(m.value(QLatin1String("content")), &content, error)) {
            *error = QStringLiteral("params.messages.%1.content: %2").arg(i).arg(*error);
            return false;
        }
        chat.append(QJsonObject {{QStringLiteral("role"), role}, {QStringLiteral("content"), content}});
    }
    QJsonObject body {{QStringLiteral("model"), canonicalModel(text(params, "model"))},
                      {QStringLiteral("messages"), chat},
                      {QStringLiteral("max_tokens"), maxTokens}};
    for (const char *key : {"temperature", "top_p"}) {
        if (params.contains(QLatin1String(key)))
            body.insert(QLatin1String(key), params.value(QLatin1String(key)));
    }
    if (params.contains(QLatin1String("stop_sequences")))
        body.insert(QStringLiteral("stop"), params.value(QLatin1String("stop_sequences")));
    *line = engineChatLine(*customId, body);
    return true;
}

} // namespace

QJsonObject DialectLayer::anthropicBatch(const QJsonObject &batch, const httplib::Request &req) const
{
    const QString status = text(batch, "status");
    const QJsonObject counts = batch.value(QLatin1String("request_counts")).toObject();
    const QJsonObject extra = m_engine->batchExtra(text(batch, "id"));
    const qint64 requests =
        extra.contains(QLatin1String("requests")) ? num(extra, "requests") : num(counts, "total");
    const qint64 succeeded = num(counts, "completed");
    qint64 errored = num(counts, "failed");
    const qint64 rest = std::max<qint64>(0, requests - succeeded - errored);
    const bool ended = isTerminal(status);
    qint64 canceled = 0, expired = 0, processing = 0;
    if (status == QLatin1String("failed"))
        errored += rest;
    else if (status == QLatin1String("cancelled"))
        canceled = rest;
    else if (status == QLatin1String("expired"))
        expired = rest;
    else if (!ended)
        processing = rest;
    QJsonValue endedAt;
    for (const char *key : {"completed_at", "failed_at", "expired_at", "cancelled_at"}) {
        if (endedAt.isNull())
            endedAt = isoTime(str(batch, key));
    }
    const QString id = toAnthropicId(text(batch, "id"));
    return QJsonObject {
        {QStringLiteral("id"), id},
        {QStringLiteral("type"), QStringLiteral("message_batch")},
        {QStringLiteral("processing_status"),
         ended                                       ? QStringLiteral("ended")
             : status == QLatin1String("cancelling") ? QStringLiteral("canceling")
                                                     : QStringLiteral("in_progress")},
        {QStringLiteral("request_counts"),
         QJsonObject {{QStringLiteral("processing"), processing},
                      {QStringLiteral("succeeded"), succeeded},
                      {QStringLiteral("errored"), errored},
                      {QStringLiteral("canceled"), canceled},
                      {QStringLiteral("expired"), expired}}},
        {QStringLiteral("ended_at"), ended ? endedAt : QJsonValue()},
        {QStringLiteral("created_at"), isoTime(str(batch, "created_at"))},
        {QStringLiteral("expires_at"), isoTime(str(batch, "expires_at"))},
        {QStringLiteral("archived_at"), QJsonValue()},
        {QStringLiteral("cancel_initiated_at"), isoTime(str(batch, "cancelling_at"))},
        {QStringLiteral("results_url"),
         ended ? QJsonValue(origin(req) + current().mount + QStringLiteral("/messages/batches/") + id
                            + QStringLiteral("/results"))
               : QJsonValue()},
    };
}

void DialectLayer::installAnthropic(httplib::Server &s, const Wrap &wrap, const WrapReader &wrapReader)
{
    const std::string prefix = mountPattern({Dialect::Anthropic});
    const Dialect d = Dialect::Anthropic;
    s.Post(prefix + "/messages/batches",
           wrapReader([this](const httplib::Request &req, httplib::Response &res,
                             const httplib::ContentReader &reader) {
               std::string raw;
               if (!readBody(reader, kMaxInlineBodyBytes, &raw)) {
                   res.set_header("Connection", "close");
                   sendError(res, d, 413, QStringLiteral("Request exceeds the maximum size of 256 MB."));
                   return;
               }
               const auto body = parseObject(raw);
               if (!body) {
                   sendError(res, d, 400, QStringLiteral("The request body is not a valid JSON object."));
                   return;
               }
               const QJsonArray requests = body->value(QLatin1String("requests")).toArray();
               if (requests.isEmpty() || requests.size() > kMaxAnthropicRequests) {
                   sendError(res, d, 400,
                             QStringLiteral("requests: a batch holds 1 to %1 requests, got %2.")
                                 .arg(kMaxAnthropicRequests)
                                 .arg(requests.size()));
                   return;
               }
               QByteArray lines;
               QSet<QString> seen;
               QString model;
               for (qsizetype i = 0; i < requests.size(); ++i) {
                   QByteArray line;
                   QString customId, error;
                   if (!anthropicToChat(requests.at(i).toObject(), &line, &customId, &error)) {
                       sendError(res, d, 400, QStringLiteral("requests.%1.%2").arg(i).arg(error));
                       return;
                   }
                   if (seen.contains(customId)) {
                       sendError(
                           res, d, 400,
                           QStringLiteral("requests.%1.custom_id: '%2' is used by more than one request.")
                               .arg(i)
                               .arg(customId));
                       return;
                   }
                   seen.insert(customId);
                   lines += line + '\n';
               }
               const ApiResult file = m_engine->addFileFromBytes(lines, QStringLiteral("message-batch.jsonl"),
                                                                 QStringLiteral("batch"));
               if (file.status != 200) {
                   forward(res, d, file);
                   return;
               }
               SandboxEngine::BatchOptions options;
               options.extra = {{QStringLiteral("dialect"), QStringLiteral("anthropic")},
                                {QStringLiteral("requests"), requests.size()}};
               const ApiResult created = m_engine->createBatch(
                   QJsonObject {{QStringLiteral("input_file_id"), text(file.body, "id")},
                                {QStringLiteral("endpoint"), QStringLiteral("/v1/chat/completions")},
                                {QStringLiteral("completion_window"), QStringLiteral("24h")}},
                   options);
               if (created.status != 200) {
                   m_engine->deleteFile(text(file.body, "id"));
                   forward(res, d, created);
                   return;
               }
               sendJson(res, 200, anthropicBatch(created.body, req));
           }));
    s.Get(prefix + "/messages/batches", wrap([this](const httplib::Request &req, httplib::Response &res) {
              QString error;
              int limit = 0;
              if (!intParam(req, "limit", 1, 1000, 20, &limit, &error)) {
                  sendError(res, d, 400, error);
                  return;
              }
              QString after;
              if (req.has_param("after_id")) {
                  after = fromAnthropicId(qs(req.get_param_value("after_id")));
                  if (after.isEmpty()) {
                      sendError(
                          res, d, 404,
                          QStringLiteral("No message batch %1.").arg(qs(req.get_param_value("after_id"))));
                      return;
                  }
              }
              const ApiResult list = m_engine->listBatches(after, limit);
              if (list.status != 200) {
                  forward(res, d, list);
                  return;
              }
              QJsonArray data;
              for (const QJsonValue &b : list.body.value(QLatin1String("data")).toArray())
                  data.append(anthropicBatch(b.toObject(), req));
              auto idOf = [](const QJsonValue &v) {
                  return v.isString() ? QJsonValue(toAnthropicId(v.toString())) : QJsonValue();
              };
              sendJson(
                  res, 200,
                  QJsonObject {{QStringLiteral("data"), data},
                               {QStringLiteral("has_more"), list.body.value(QLatin1String("has_more"))},
                               {QStringLiteral("first_id"), idOf(list.body.value(QLatin1String("first_id")))},
                               {QStringLiteral("last_id"), idOf(list.body.value(QLatin1String("last_id")))}});
          }));
    auto batchOr404 = [](const httplib::Request &req, httplib::Response &res) -> std::optional<QString> {
        const QString given = qs(req.matches[1]);
        const QString id = fromAnthropicId(given);
        if (id.isEmpty()) {
            sendError(res, d, 404, QStringLiteral("No message batch %1.").arg(given));
            return std::nullopt;
        }
        return id;
    };
    s.Get(prefix + "/messages/batches/([^/]+)",
          wrap([this, batchOr404](const httplib::Request &req, httplib::Response &res) {
              const auto id = batchOr404(req, res);
              if (!id)
                  return;
              const ApiResult r = m_engine->getBatch(*id);
              if (r.status != 200)
                  forward(res, d, r);
              else
                  sendJson(res, 200, anthropicBatch(r.body, req));
          }));
    s.Post(prefix + "/messages/batches/([^/]+)/cancel",
           wrap([this, batchOr404](const httplib::Request &req, httplib::Response &res) {
               const auto id = batchOr404(req, res);
               if (!id)
                   return;
               ApiResult r = m_engine->cancelBatch(*id);
               if (r.status == 400) // already ended: Anthropic answers the batch as it is
                   r = m_engine->getBatch(*id);
               if (r.status != 200)
                   forward(res, d, r);
               else
                   sendJson(res, 200, anthropicBatch(r.body, req));
           }));
    s.Get(prefix + "/messages/batches/([^/]+)/results",
          wrap([this, batchOr404](const httplib::Request &req, httplib::Response &res) {
              const auto id = batchOr404(req, res);
              if (!id)
                  return;
              const ApiResult r = m_engine->getBatch(*id);
              if (r.status != 200) {
                  forward(res, d, r);
                  return;
              }
              if (!isTerminal(text(r.body, "status"))) {
                  sendError(
                      res, d, 400,
                      QStringLiteral("Message batch %1 has not ended yet; its results are not available.")
                          .arg(toAnthropicId(*id)));
                  return;
              }
              QString error;
              const QString path = convertedResults(d, r.body, &error);
              if (path.isEmpty())
                  sendError(res, d, 500, error);
              else
                  sendFile(res, path, "application/binary");
          }));
}

// ---------------------------------------------------------------------------------------------------------------
// Mistral batch jobs (its files are the OpenAI family's routes)

QJsonObject DialectLayer::mistralBatch(const QJsonObject &batch) const
{
    static const QHash<QString, QString> statuses {
        {QStringLiteral("validating"), QStringLiteral("QUEUED")},
        {QStringLiteral("in_progress"), QStringLiteral("RUNNING")},
        {QStringLiteral("finalizing"), QStringLiteral("RUNNING")},
        {QStringLiteral("completed"), QStringLiteral("SUCCESS")},
        {QStringLiteral("failed"), QStringLiteral("FAILED")},
        {QStringLiteral("expired"), QStringLiteral("TIMEOUT_EXCEEDED")},
        {QStringLiteral("cancelling"), QStringLiteral("CANCELLATION_REQUESTED")},
        {QStringLiteral("cancelled"), QStringLiteral("CANCELLED")},
    };
    const QJsonObject extra = m_engine->batchExtra(text(batch, "id"));
    const QJsonObject counts = batch.value(QLatin1String("request_counts")).toObject();
    QJsonArray errors;
    for (const QJsonValue &e :
         batch.value(QLatin1String("errors")).toObject().value(QLatin1String("data")).toArray())
        errors.append(QJsonObject {{QStringLiteral("message"), e.toObject().value(QLatin1String("message"))},
                                   {QStringLiteral("count"), 1}});
    QJsonValue completedAt = str(batch, "completed_at");
    for (const char *key : {"failed_at", "expired_at", "cancelled_at"}) {
        if (completedAt.isNull())
            completedAt = str(batch, key);
    }
    const qint64 total = std::max(num(counts, "total"), num(extra, "requests"));
    return QJsonObject {
        {QStringLiteral("id"), str(batch, "id")},
        {QStringLiteral("object"), QStringLiteral("batch")},
        {QStringLiteral("input_files"),
         extra.contains(QLatin1String("input_files")) ? extra.value(QLatin1String("input_files"))
                                                      : QJsonArray {str(batch, "input_file_id")}},
        {QStringLiteral("metadata"),
         batch.value(QLatin1String("metadata")).isObject() ? batch.value(QLatin1String("metadata"))
                                                           : QJsonValue(QJsonObject())},
        {QStringLiteral("endpoint"), str(batch, "endpoint")},
        {QStringLiteral("model"),
         extra.contains(QLatin1String("model")) ? extra.value(QLatin1String("model")) : str(batch, "model")},
        {QStringLiteral("agent_id"), QJsonValue()},
        {QStringLiteral("output_file"), str(batch, "output_file_id")},
        {QStringLiteral("error_file"), str(batch, "error_file_id")},
        {QStringLiteral("errors"), errors},
        {QStringLiteral("status"), statuses.value(text(batch, "status"), QStringLiteral("QUEUED"))},
        {QStringLiteral("created_at"), str(batch, "created_at")},
        {QStringLiteral("total_requests"), total},
        {QStringLiteral("completed_requests"), num(counts, "completed") + num(counts, "failed")},
        {QStringLiteral("succeeded_requests"), num(counts, "completed")},
        {QStringLiteral("failed_requests"), num(counts, "failed")},
        {QStringLiteral("started_at"), str(batch, "in_progress_at")},
        {QStringLiteral("completed_at"), completedAt},
    };
}

void DialectLayer::installMistral(httplib::Server &s, const Wrap &wrap)
{
    const std::string prefix = mountPattern({Dialect::Mistral});
    const Dialect d = Dialect::Mistral;
    s.Post(
        prefix + "/batch/jobs", wrap([this](const httplib::Request &req, httplib::Response &res) {
            const auto body = parseObject(req.body);
            if (!body) {
                sendError(res, d, 400, QStringLiteral("The request body is not a valid JSON object."));
                return;
            }
            const QJsonArray inputFiles = body->value(QLatin1String("input_files")).toArray();
            const QString endpoint = text(*body, "endpoint");
            const QString model = text(*body, "model");
            if (inputFiles.isEmpty() || endpoint.isEmpty() || model.isEmpty()) {
                sendError(
                    res, d, 400,
                    QStringLiteral("'input_files' (a non-empty list of file ids), 'endpoint' and 'model' "
                                   "are required."));
                return;
            }
            const QJsonValue timeout = body->value(QLatin1String("timeout_hours"));
            const int hours = timeout.isUndefined() || timeout.isNull() ? 24 : timeout.toInt(-1);
            if (hours < 1 || hours > 168) {
                sendError(res, d, 400, QStringLiteral("'timeout_hours' must be an integer from 1 to 168."));
                return;
            }
            // The lines `{custom_id, body}` get what the engine needs: method, url and the job's model.
            const QString converted = tempPath(m_engine, "mistral");
            QFile out(converted);
            if (!out.open(QIODevice::WriteOnly)) {
                sendError(res, d, 500, QStringLiteral("The sandbox cannot store the job's input."));
                return;
            }
            qint64 requests = 0;
            for (const QJsonValue &fileId : inputFiles) {
                QString path;
                qint64 size = 0;
                if (!m_engine->fileContent(fileId.toString(), &path, &size)) {
                    out.close();
                    QFile::remove(converted);
                    sendError(res, d, 404, QStringLiteral("No such file: %1").arg(fileId.toString()));
                    return;
                }
                const QString part = converted + QStringLiteral(".part");
                QString error;
                const qint64 lines = convertLines(
                    path, part,
                    [&](const QByteArray &line, qint64, QByteArray *o, QString *message) {
                        QJsonObject in = QJsonDocument::fromJson(line).object();
                        if (!in.value(QLatin1String("body")).isObject()) {
                            *message = QStringLiteral("a line needs 'custom_id' and an object 'body'");
                            return false;
                        }
                        QJsonObject lineBody = in.value(QLatin1String("body")).toObject();
                        lineBody.insert(QStringLiteral("model"), canonicalModel(model));
                        *o = compact(
                            QJsonObject {{QStringLiteral("custom_id"), in.value(QLatin1String("custom_id"))},
                                         {QStringLiteral("method"), QStringLiteral("POST")},
                                         {QStringLiteral("url"), endpoint},
                                         {QStringLiteral("body"), lineBody}});
                        return true;
                    },
                    &error);
                QFile partFile(part);
                const bool appended = lines >= 0 && partFile.open(QIODevice::ReadOnly);
                while (appended && !partFile.atEnd())
                    out.write(partFile.read(kChunkBytes));
                partFile.close();
                QFile::remove(part);
                if (lines < 0) {
                    out.close();
                    QFile::remove(converted);
                    sendError(res, d, 400, QStringLiteral("File %1, %2").arg(fileId.toString(), error));
                    return;
                }
                requests += lines;
            }
            out.close();
            SandboxEngine::BatchOptions options;
            const QString window = QStringLiteral("%1h").arg(hours);
            options.windows = {{window, hours}};
            options.convertedInputPath = converted;
            options.extra = {{QStringLiteral("dialect"), QStringLiteral("mistral")},
                             {QStringLiteral("model"), model},
                             {QStringLiteral("input_files"), inputFiles},
                             {QStringLiteral("requests"), requests}};
            QJsonObject request {{QStringLiteral("input_file_id"), inputFiles.first()},
                                 {QStringLiteral("endpoint"), endpoint},
                                 {QStringLiteral("completion_window"), window}};
            if (body->value(QLatin1String("metadata")).isObject())
                request.insert(QStringLiteral("metadata"), body->value(QLatin1String("metadata")));
            const ApiResult created = m_engine->createBatch(request, options);
            QFile::remove(converted);
            if (created.status != 200)
                forward(res, d, created);
            else
                sendJson(res, 200, mistralBatch(created.body));
        }));
    s.Get(prefix + "/batch/jobs", wrap([this](const httplib::Request &req, httplib::Response &res) {
              QString error;
              int page = 0, pageSize = 0;
              if (!intParam(req, "page", 0, 1000000, 0, &page, &error)
                  || !intParam(req, "page_size", 1, 1000, 100, &pageSize, &error)) {
                  sendError(res, d, 400, error);
                  return;
              }
              const ApiResult all = m_engine->listBatches(QString(), INT_MAX);
              const QJsonArray batches = all.body.value(QLatin1String("data")).toArray();
              QJsonArray data;
              for (const QJsonValue &b : pageOf(batches, page, pageSize))
                  data.append(mistralBatch(b.toObject()));
              sendJson(res, 200,
                       QJsonObject {{QStringLiteral("data"), data},
                                    {QStringLiteral("object"), QStringLiteral("list")},
                                    {QStringLiteral("total"), batches.size()}});
          }));
    s.Get(prefix + "/batch/jobs/([^/]+)", wrap([this](const httplib::Request &req, httplib::Response &res) {
              const ApiResult r = m_engine->getBatch(qs(req.matches[1]));
              if (r.status != 200)
                  forward(res, d, r);
              else
                  sendJson(res, 200, mistralBatch(r.body));
          }));
    s.Post(prefix + "/batch/jobs/([^/]+)/cancel",
           wrap([this](const httplib::Request &req, httplib::Response &res) {
               const ApiResult r = m_engine->cancelBatch(qs(req.matches[1]));
               if (r.status != 200)
                   forward(res, d, r);
               else
                   sendJson(res, 200, mistralBatch(r.body));
           }));
}

// ---------------------------------------------------------------------------------------------------------------
// Gemini batch mode

namespace {

constexpr const char *kGeminiBatchType =
    "type.googleapis.com/google.ai.generativelanguage.v1beta.GenerateContentBatch";

/** `results-<hex>`: the Gemini name of batch `batch_<hex>`'s responses file. */
QString geminiResultsId(const QString &batchId)
{
    return QStringLiteral("results-") + batchId.mid(6);
}

QString batchOfResultsId(const QString &fileId)
{
    return fileId.startsWith(QLatin1String("results-")) ? QStringLiteral("batch_") + fileId.mid(8)
                                                        : QString();
}

QString stripPrefix(const QString &name, QLatin1StringView prefix)
{
    return name.startsWith(prefix) ? name.mid(prefix.size()) : name;
}

bool geminiParts(const QJsonValue &value, QString *out, QString *error)
{
    QStringList texts;
    for (const QJsonValue &part : value.toObject().value(QLatin1String("parts")).toArray()) {
        const QJsonObject p = part.toObject();
        if (!p.value(QLatin1String("text")).isString()) {
            *error = QStringLiteral("the sandbox supports only text parts");
            return false;
        }
        texts << text(p, "text");
    }
    *out = texts.join(QLatin1Char('\n'));
    return true;
}

/** One `{key, request}` line as an engine chat line for `model`. */
bool geminiToChat(const QByteArray &line, const QString &model, QByteArray *out, QString *error)
{
    QJsonParseError parseError;
    const QJsonObject o = QJsonDocument::fromJson(line, &parseError).object();
    if (parseError.error != QJsonParseError::NoError) {
        *error = QStringLiteral("not a JSON object (%1)").arg(parseError.errorString());
        return false;
    }
    const QString key = text(o, "key");
    if (key.isEmpty()) {
        *error = QStringLiteral("'key' is required");
        return false;
    }
    const QJsonObject request = o.value(QLatin1String("request")).toObject();
    const QJsonArray contents = request.value(QLatin1String("contents")).toArray();
    if (contents.isEmpty()) {
        *error = QStringLiteral("'request.contents' is required");
        return false;
    }
    QJsonArray messages;
    const QJsonValue system = request.contains(QLatin1String("systemInstruction"))
        ? request.value(QLatin1String("systemInstruction"))
        : request.value(QLatin1String("system_instruction"));
    if (system.isObject()) {
        QString s;
        if (!geminiParts(system, &s, error))
            return false;
        messages.append(
            QJsonObject {{QStringLiteral("role"), QStringLiteral("system")}, {QStringLiteral("content"), s}});
    }
    for (const QJsonValue &c : contents) {
        QString t;
        if (!geminiParts(c, &t, error))
            return false;
        const QString role = text(c.toObject(), "role");
        messages.append(QJsonObject {
            {QStringLiteral("role"),
             role == QLatin1String("model") ? QStringLiteral("assistant") : QStringLiteral("user")},
            {QStringLiteral("content"), t}});
    }
    QJsonObject body {{QStringLiteral("model"), model}, {QStringLiteral("messages"), messages}};
    const QJsonObject config = request.contains(QLatin1String("generationConfig"))
        ? request.value(QLatin1String("generationConfig")).toObject()
        : request.value(QLatin1String("generation_config")).toObject();
    if (config.contains(QLatin1String("maxOutputTokens")))
        body.insert(QStringLiteral("max_tokens"), config.value(QLatin1String("maxOutputTokens")));
    if (config.contains(QLatin1String("temperature")))
        body.insert(QStringLiteral("temperature"), config.value(QLatin1String("temperature")));
    if (config.contains(QLatin1String("topP")))
        body.insert(QStringLiteral("top_p"), config.value(QLatin1String("topP")));
    if (config.contains(QLatin1String("stopSequences")))
        body.insert(QStringLiteral("stop"), config.value(QLatin1String("stopSequences")));
    *out = engineChatLine(key, body);
    return true;
}

/** Splits a multipart/related body into its parts' contents; false when it is not one. */
bool splitRelated(const QByteArray &body, const QByteArray &boundary, QList<QByteArray> *parts)
{
    const QByteArray delimiter = "--" + boundary;
    qsizetype pos = body.indexOf(delimiter);
    while (pos >= 0) {
        pos += delimiter.size();
        if (body.mid(pos, 2) == "--")
            return !parts->isEmpty();
        const qsizetype headersEnd = body.indexOf("\r\n\r\n", pos);
        if (headersEnd < 0)
            return false;
        const qsizetype contentStart = headersEnd + 4;
        const qsizetype next = body.indexOf(QByteArray("\r\n" + delimiter), contentStart);
        if (next < 0)
            return false;
        parts->append(body.mid(contentStart, next - contentStart));
        pos = next + 2;
    }
    return false;
}

} // namespace

QJsonObject DialectLayer::geminiFile(const QJsonObject &file, const httplib::Request &req) const
{
    const QString id = text(file, "id");
    return QJsonObject {
        {QStringLiteral("name"), QString(QStringLiteral("files/") + id)},
        {QStringLiteral("displayName"), str(file, "filename")},
        {QStringLiteral("mimeType"), QStringLiteral("application/jsonl")},
        {QStringLiteral("sizeBytes"), QString::number(num(file, "bytes"))},
        {QStringLiteral("createTime"), isoTime(str(file, "created_at"))},
        {QStringLiteral("updateTime"), isoTime(str(file, "created_at"))},
        {QStringLiteral("expirationTime"), isoTime(str(file, "expires_at"))},
        {QStringLiteral("uri"),
         QString(origin(req) + dialectPrefixPath(Dialect::Gemini) + QStringLiteral("/files/") + id)},
        {QStringLiteral("state"), QStringLiteral("ACTIVE")},
        {QStringLiteral("source"),
         text(file, "purpose") == QLatin1String("batch") ? QStringLiteral("UPLOADED")
                                                         : QStringLiteral("GENERATED")},
    };
}

QJsonObject DialectLayer::geminiOperation(const QJsonObject &batch) const
{
    static const QHash<QString, QString> states {
        {QStringLiteral("validating"), QStringLiteral("JOB_STATE_PENDING")},
        {QStringLiteral("in_progress"), QStringLiteral("JOB_STATE_RUNNING")},
        {QStringLiteral("finalizing"), QStringLiteral("JOB_STATE_RUNNING")},
        {QStringLiteral("cancelling"), QStringLiteral("JOB_STATE_RUNNING")},
        {QStringLiteral("completed"), QStringLiteral("JOB_STATE_SUCCEEDED")},
        {QStringLiteral("failed"), QStringLiteral("JOB_STATE_FAILED")},
        {QStringLiteral("cancelled"), QStringLiteral("JOB_STATE_CANCELLED")},
        {QStringLiteral("expired"), QStringLiteral("JOB_STATE_EXPIRED")},
    };
    const QString id = text(batch, "id");
    const QString status = text(batch, "status");
    const bool done = isTerminal(status);
    const QJsonObject extra = m_engine->batchExtra(id);
    const QJsonObject counts = batch.value(QLatin1String("request_counts")).toObject();
    const qint64 total = std::max(num(counts, "total"), num(extra, "requests"));
    const qint64 succeeded = num(counts, "completed"), failed = num(counts, "failed");
    qint64 updated = 0;
    for (const char *key : {"created_at", "in_progress_at", "finalizing_at", "completed_at", "failed_at",
                            "expired_at", "cancelling_at", "cancelled_at"})
        updated = std::max(updated, num(batch, key));
    QJsonValue endTime;
    for (const char *key : {"completed_at", "failed_at", "expired_at", "cancelled_at"}) {
        if (endTime.isNull())
            endTime = isoTime(str(batch, key));
    }
    const QString model =
        extra.contains(QLatin1String("model")) ? text(extra, "model") : text(batch, "model");
    QJsonObject meta {
        {QStringLiteral("@type"), QLatin1String(kGeminiBatchType)},
        {QStringLiteral("name"), QString(QStringLiteral("batches/") + id)},
        {QStringLiteral("model"), QString(QStringLiteral("models/") + model)},
        {QStringLiteral("displayName"), text(extra, "display_name")},
        {QStringLiteral("inputConfig"),
         QJsonObject {
             {QStringLiteral("fileName"), QString(QStringLiteral("files/") + text(batch, "input_file_id"))}}},
        {QStringLiteral("state"), states.value(status, QStringLiteral("JOB_STATE_PENDING"))},
        {QStringLiteral("createTime"), isoTime(str(batch, "created_at"))},
        {QStringLiteral("updateTime"), isoTime(updated)},
        {QStringLiteral("batchStats"),
         QJsonObject {{QStringLiteral("requestCount"), QString::number(total)},
                      {QStringLiteral("successfulRequestCount"), QString::number(succeeded)},
                      {QStringLiteral("failedRequestCount"), QString::number(failed)},
                      {QStringLiteral("pendingRequestCount"),
                       QString::number(done ? 0 : std::max<qint64>(0, total - succeeded - failed))}}},
    };
    if (done)
        meta.insert(QStringLiteral("endTime"), endTime);
    if (done && status != QLatin1String("failed"))
        meta.insert(QStringLiteral("output"),
                    QJsonObject {{QStringLiteral("responsesFile"),
                                  QString(QStringLiteral("files/") + geminiResultsId(id))}});
    QJsonObject op {{QStringLiteral("name"), QString(QStringLiteral("batches/") + id)},
                    {QStringLiteral("metadata"), meta},
                    {QStringLiteral("done"), done}};
    if (done && status == QLatin1String("failed")) {
        const QJsonArray errors =
            batch.value(QLatin1String("errors")).toObject().value(QLatin1String("data")).toArray();
        op.insert(QStringLiteral("error"),
                  QJsonObject {{QStringLiteral("code"), 3},
                               {QStringLiteral("message"),
                                errors.isEmpty()
                                    ? QStringLiteral("The batch failed.")
                                    : errors.first().toObject().value(QLatin1String("message")).toString()}});
    } else if (done) {
        op.insert(QStringLiteral("response"), meta);
    }
    return op;
}

void DialectLayer::installGemini(httplib::Server &s, const Wrap &wrap, const WrapReader &wrapReader)
{
    const std::string prefix = mountPattern({Dialect::Gemini});
    const Dialect d = Dialect::Gemini;
    auto isUpload = [] { return current().mount.endsWith(QLatin1String("/upload/v1beta")); };
    auto isDownload = [] { return current().mount.endsWith(QLatin1String("/download/v1beta")); };
    auto notFound = [](const httplib::Request &req, httplib::Response &res) {
        sendError(res, d, 404,
                  QStringLiteral("Unknown request URL: %1 %2.").arg(qs(req.method), qs(req.path)));
    };

    // Files
    s.Post(
        prefix + "/files",
        wrapReader([this, isUpload, notFound](const httplib::Request &req, httplib::Response &res,
                                              const httplib::ContentReader &reader) {
            if (!isUpload()) {
                res.set_header("Connection", "close");
                notFound(req, res);
                return;
            }
            const QString protocol = req.has_param("uploadType")
                ? qs(req.get_param_value("uploadType"))
                : qs(req.get_header_value("X-Goog-Upload-Protocol"));
            if (protocol != QLatin1String("multipart")) {
                res.set_header("Connection", "close");
                sendError(
                    res, d, 400,
                    QStringLiteral("The sandbox takes uploads with uploadType=multipart only, got '%1'.")
                        .arg(protocol));
                return;
            }
            static const QRegularExpression boundaryPattern(
                QStringLiteral("^multipart/related;.*boundary=\"?([^\";]+)\"?"),
                QRegularExpression::CaseInsensitiveOption);
            const auto match = boundaryPattern.match(qs(req.get_header_value("Content-Type")));
            std::string raw;
            if (!readBody(reader, kMaxGeminiUploadBytes, &raw)) {
                res.set_header("Connection", "close");
                sendError(res, d, 413,
                          QStringLiteral("The upload is larger than %1 bytes.").arg(kMaxGeminiUploadBytes));
                return;
            }
            QList<QByteArray> parts;
            if (!match.hasMatch()
                || !splitRelated(QByteArray::fromStdString(raw), match.captured(1).toUtf8(), &parts)
                || parts.size() != 2) {
                sendError(
                    res, d, 400,
                    QStringLiteral("The upload must be multipart/related with two parts: the JSON metadata "
                                   "and the file."));
                return;
            }
            const QJsonObject meta =
                QJsonDocument::fromJson(parts.at(0)).object().value(QLatin1String("file")).toObject();
            QString name = text(meta, "display_name");
            if (name.isEmpty())
                name = text(meta, "displayName");
            if (name.isEmpty())
                name = QStringLiteral("upload.jsonl");
            const ApiResult r = m_engine->addFileFromBytes(parts.at(1), name, QStringLiteral("batch"));
            if (r.status != 200)
                forward(res, d, r);
            else
                sendJson(res, 200, QJsonObject {{QStringLiteral("file"), geminiFile(r.body, req)}});
        }));
    s.Get(prefix + "/files", wrap([this](const httplib::Request &req, httplib::Response &res) {
              QString error;
              int pageSize = 0;
              if (!intParam(req, "pageSize", 1, 100, 10, &pageSize, &error)) {
                  sendError(res, d, 400, error);
                  return;
              }
              const ApiResult r =
                  m_engine->listFiles(qs(req.get_param_value("pageToken")), pageSize, false, QString());
              if (r.status != 200) {
                  sendError(res, d, 400, QStringLiteral("Invalid page token."));
                  return;
              }
              QJsonArray files;
              for (const QJsonValue &f : r.body.value(QLatin1String("data")).toArray())
                  files.append(geminiFile(f.toObject(), req));
              QJsonObject out {{QStringLiteral("files"), files}};
              if (r.body.value(QLatin1String("has_more")).toBool())
                  out.insert(QStringLiteral("nextPageToken"), r.body.value(QLatin1String("last_id")));
              sendJson(res, 200, out);
          }));
    // The responses file of a batch: its results converted to Gemini's lines.
    auto resultsFile = [this](const QString &id, QString *path, QJsonObject *batch, QString *error) {
        const QString batchId = batchOfResultsId(id);
        if (batchId.isEmpty())
            return false;
        const ApiResult r = m_engine->getBatch(batchId);
        if (r.status != 200 || !isTerminal(text(r.body, "status"))) {
            *error = QStringLiteral("No such file: files/%1").arg(id);
            return true;
        }
        *batch = r.body;
        *path = convertedResults(Dialect::Gemini, r.body, error);
        return true;
    };
    s.Get(
        prefix + "/files/([^/:]+):download",
        wrap([this, isDownload, notFound, resultsFile](const httplib::Request &req, httplib::Response &res) {
            if (!isDownload()) {
                notFound(req, res);
                return;
            }
            const QString id = qs(req.matches[1]);
            QString path, error;
            QJsonObject batch;
            if (resultsFile(id, &path, &batch, &error)) {
                if (path.isEmpty())
                    sendError(res, d, 404, error);
                else
                    sendFile(res, path, "application/jsonl");
                return;
            }
            qint64 size = 0;
            if (!m_engine->fileContent(id, &path, &size)) {
                sendError(res, d, 404, QStringLiteral("No such file: files/%1").arg(id));
                return;
            }
            sendFile(res, path, "application/jsonl");
        }));
    s.Get(prefix + "/files/([^/:]+)",
          wrap([this, resultsFile](const httplib::Request &req, httplib::Response &res) {
              const QString id = qs(req.matches[1]);
              QString path, error;
              QJsonObject batch;
              if (resultsFile(id, &path, &batch, &error)) {
                  if (path.isEmpty()) {
                      sendError(res, d, 404, error);
                      return;
                  }
                  QFile f(path);
                  sendJson(
                      res, 200,
                      geminiFile(
                          QJsonObject {{QStringLiteral("id"), id},
                                       {QStringLiteral("filename"), QString(id + QStringLiteral(".jsonl"))},
                                       {QStringLiteral("bytes"), f.size()},
                                       {QStringLiteral("created_at"), str(batch, "created_at")},
                                       {QStringLiteral("purpose"), QStringLiteral("batch_output")}},
                          req));
                  return;
              }
              const ApiResult r = m_engine->getFile(id);
              if (r.status != 200)
                  forward(res, d, r);
              else
                  sendJson(res, 200, geminiFile(r.body, req));
          }));
    s.Delete(prefix + "/files/([^/:]+)", wrap([this](const httplib::Request &req, httplib::Response &res) {
                 const ApiResult r = m_engine->deleteFile(qs(req.matches[1]));
                 if (r.status != 200)
                     forward(res, d, r);
                 else
                     sendJson(res, 200, QJsonObject());
             }));

    // Batches
    s.Post(prefix + "/models/(.+):batchGenerateContent",
           wrapReader([this](const httplib::Request &req, httplib::Response &res,
                             const httplib::ContentReader &reader) {
               std::string raw;
               if (!readBody(reader, 1024 * 1024, &raw)) {
                   res.set_header("Connection", "close");
                   sendError(res, d, 413,
                             QStringLiteral("The request is too large (inline requests are not "
                                            "supported by the sandbox; use input_config.file_name)."));
                   return;
               }
               const auto body = parseObject(raw);
               const QJsonObject batch =
                   body ? body->value(QLatin1String("batch")).toObject() : QJsonObject();
               const QJsonObject input = batch.contains(QLatin1String("input_config"))
                   ? batch.value(QLatin1String("input_config")).toObject()
                   : batch.value(QLatin1String("inputConfig")).toObject();
               QString fileName = text(input, "file_name");
               if (fileName.isEmpty())
                   fileName = text(input, "fileName");
               if (!fileName.startsWith(QLatin1String("files/"))) {
                   sendError(res, d, 400,
                             QStringLiteral("'batch.input_config.file_name' (files/…) is required."));
                   return;
               }
               QString displayName = text(batch, "display_name");
               if (displayName.isEmpty())
                   displayName = text(batch, "displayName");
               const QString model = stripPrefix(qs(req.matches[1]), QLatin1StringView("models/"));
               const QString fileId = fileName.mid(6);
               QString path;
               qint64 size = 0;
               if (!m_engine->fileContent(fileId, &path, &size)) {
                   sendError(res, d, 404, QStringLiteral("No such file: %1").arg(fileName));
                   return;
               }
               const QString converted = tempPath(m_engine, "gemini");
               QString error;
               const QString engineModel = canonicalModel(model);
               const qint64 lines = convertLines(
                   path, converted,
                   [&](const QByteArray &line, qint64, QByteArray *o, QString *message) {
                       return geminiToChat(line, engineModel, o, message);
                   },
                   &error);
               if (lines < 0) {
                   QFile::remove(converted);
                   sendError(res, d, 400, QStringLiteral("%1, %2").arg(fileName, error));
                   return;
               }
               SandboxEngine::BatchOptions options;
               options.convertedInputPath = converted;
               options.extra = {{QStringLiteral("dialect"), QStringLiteral("gemini")},
                                {QStringLiteral("model"), model},
                                {QStringLiteral("display_name"), displayName},
                                {QStringLiteral("requests"), lines}};
               const ApiResult created = m_engine->createBatch(
                   QJsonObject {{QStringLiteral("input_file_id"), fileId},
                                {QStringLiteral("endpoint"), QStringLiteral("/v1/chat/completions")},
                                {QStringLiteral("completion_window"), QStringLiteral("24h")}},
                   options);
               QFile::remove(converted);
               if (created.status != 200)
                   forward(res, d, created);
               else
                   sendJson(res, 200, geminiOperation(created.body));
           }));
    s.Get(prefix + "/batches", wrap([this](const httplib::Request &req, httplib::Response &res) {
              QString error;
              int pageSize = 0;
              if (!intParam(req, "pageSize", 1, 1000, 50, &pageSize, &error)) {
                  sendError(res, d, 400, error);
                  return;
              }
              const ApiResult r = m_engine->listBatches(qs(req.get_param_value("pageToken")), pageSize);
              if (r.status != 200) {
                  sendError(res, d, 400, QStringLiteral("Invalid page token."));
                  return;
              }
              QJsonArray operations;
              for (const QJsonValue &b : r.body.value(QLatin1String("data")).toArray())
                  operations.append(geminiOperation(b.toObject()));
              QJsonObject out {{QStringLiteral("operations"), operations}};
              if (r.body.value(QLatin1String("has_more")).toBool())
                  out.insert(QStringLiteral("nextPageToken"), r.body.value(QLatin1String("last_id")));
              sendJson(res, 200, out);
          }));
    s.Get(prefix + "/batches/([^/:]+)", wrap([this](const httplib::Request &req, httplib::Response &res) {
              const ApiResult r = m_engine->getBatch(qs(req.matches[1]));
              if (r.status != 200)
                  forward(res, d, r);
              else
                  sendJson(res, 200, geminiOperation(r.body));
          }));
    s.Post(prefix + "/batches/([^/:]+):cancel",
           wrap([this](const httplib::Request &req, httplib::Response &res) {
               const ApiResult r = m_engine->cancelBatch(qs(req.matches[1]));
               if (r.status != 200)
                   forward(res, d, r);
               else
                   sendJson(res, 200, QJsonObject());
           }));
}

void DialectLayer::installRoutes(httplib::Server &server, const Wrap &wrap, const WrapReader &wrapReader)
{
    installGemini(server, wrap, wrapReader);
    installAnthropic(server, wrap, wrapReader);
    installMistral(server, wrap);
}

} // namespace Batchdesk::Sandbox
