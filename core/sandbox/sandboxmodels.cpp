#include "sandboxmodels.h"

#include <QCryptographicHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QMutex>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QSet>

#include <cmath>
#include <cstring>
#include <optional>

namespace Batchdesk::Sandbox {

namespace {

constexpr int kDefaultDimensions = 8;
constexpr int kMaxDimensions = 4096;

qint64 countTokens(QStringView text)
{
    // Whitespace-separated words: crude, but deterministic and of the right order of magnitude.
    qint64 count = 0;
    bool inWord = false;
    for (QChar c : text) {
        if (c.isSpace()) {
            inWord = false;
        } else if (!inWord) {
            inWord = true;
            ++count;
        }
    }
    return count;
}

/** Whether a "[[flaky]]" text fails now: the first time this process runs it, not afterwards. */
bool flakyFailsNow(const QString &text)
{
    if (!text.contains(QLatin1String("[[flaky]]")))
        return false;
    static QMutex mutex;
    static QSet<QString> seen;
    const QMutexLocker lock(&mutex);
    if (seen.contains(text))
        return false;
    seen.insert(text);
    return true;
}

/** The status a failure marker asks for, if the text carries one. */
std::optional<int> failureMarker(const QString &text)
{
    if (flakyFailsNow(text))
        return 500;
    static const QRegularExpression marker(QStringLiteral("\\[\\[fail(?::(\\d{3}))?\\]\\]"));
    const auto match = marker.match(text);
    if (!match.hasMatch())
        return std::nullopt;
    if (match.captured(1).isEmpty())
        return 500;
    const int status = match.captured(1).toInt();
    return (status >= 400 && status <= 599) ? status : 500;
}

ModelResult failure(int status, const QString &message, const QJsonValue &param = QJsonValue(),
                    const QJsonValue &code = QJsonValue())
{
    ModelResult result;
    result.statusCode = status;
    const QString type =
        status >= 500 ? QStringLiteral("server_error") : QStringLiteral("invalid_request_error");
    result.body = errorEnvelope(message, type, param, code);
    return result;
}

ModelResult markerFailure(int status)
{
    return failure(
        status,
        QStringLiteral("Simulated failure with status %1, requested by a [[fail]] marker in the input.")
            .arg(status),
        QJsonValue(), status >= 500 ? QJsonValue() : QJsonValue(QStringLiteral("sandbox_marker")));
}

/** The text of a chat message's content: a string, or the text parts of an array. */
QString contentText(const QJsonValue &content)
{
    if (content.isString())
        return content.toString();
    QStringList parts;
    const QJsonArray array = content.toArray();
    for (const QJsonValue &part : array) {
        if (part.isString())
            parts << part.toString();
        else if (part.toObject().value(QLatin1String("type")).toString() == QLatin1String("text"))
            parts << part.toObject().value(QLatin1String("text")).toString();
    }
    return parts.join(QLatin1Char(' '));
}

/** Keeps at most maxTokens whitespace-separated words; tells whether it cut. */
QString truncateTokens(const QString &text, qint64 maxTokens, bool *cut)
{
    *cut = false;
    if (maxTokens < 0 || countTokens(text) <= maxTokens)
        return text;
    *cut = true;
    qint64 count = 0;
    bool inWord = false;
    for (qsizetype i = 0; i < text.size(); ++i) {
        if (text.at(i).isSpace()) {
            inWord = false;
        } else if (!inWord) {
            inWord = true;
            if (++count > maxTokens)
                return text.left(i).trimmed();
        }
    }
    return text;
}

qint64 maxTokensOf(const QJsonObject &body)
{
    for (const auto key : {QLatin1String("max_completion_tokens"), QLatin1String("max_tokens")}) {
        const QJsonValue v = body.value(key);
        if (v.isDouble())
            return qint64(v.toDouble());
    }
    return -1;
}

QJsonObject chatUsage(qint64 prompt, qint64 completion)
{
    return QJsonObject {
        {QStringLiteral("prompt_tokens"), prompt},
        {QStringLiteral("completion_tokens"), completion},
        {QStringLiteral("total_tokens"), prompt + completion},
        {QStringLiteral("prompt_tokens_details"), QJsonObject {{QStringLiteral("cached_tokens"), 0}}},
        {QStringLiteral("completion_tokens_details"), QJsonObject {{QStringLiteral("reasoning_tokens"), 0}}},
    };
}

ModelResult chat(const QJsonObject &body, const QString &model, qint64 now)
{
    const QJsonArray messages = body.value(QLatin1String("messages")).toArray();
    if (messages.isEmpty())
        return failure(400, QStringLiteral("'messages' must be a non-empty array."),
                       QStringLiteral("messages"));
    qint64 promptTokens = 0;
    QString lastUser;
    bool haveUser = false;
    for (const QJsonValue &m : messages) {
        const QJsonObject message = m.toObject();
        const QString text = contentText(message.value(QLatin1String("content")));
        promptTokens +=
            countTokens(text) + 3; // a few tokens of chat framing per message, as real models count
        if (message.value(QLatin1String("role")).toString() == QLatin1String("user")) {
            lastUser = text;
            haveUser = true;
        }
    }
    if (!haveUser)
        lastUser = contentText(messages.last().toObject().value(QLatin1String("content")));
    if (const auto status = failureMarker(lastUser))
        return markerFailure(*status);

    bool cut = false;
    const QString answer = truncateTokens(lastUser, maxTokensOf(body), &cut);
    const qint64 completionTokens = countTokens(answer);
    ModelResult result;
    result.inputTokens = promptTokens;
    result.outputTokens = completionTokens;
    const QJsonObject message {
        {QStringLiteral("role"), QStringLiteral("assistant")},
        {QStringLiteral("content"), answer},
        {QStringLiteral("refusal"), QJsonValue()},
    };
    const QJsonObject choice {
        {QStringLiteral("index"), 0},
        {QStringLiteral("message"), message},
        {QStringLiteral("logprobs"), QJsonValue()},
        {QStringLiteral("finish_reason"), cut ? QStringLiteral("length") : QStringLiteral("stop")},
    };
    result.body = QJsonObject {
        {QStringLiteral("id"), QString(QStringLiteral("chatcmpl-") + randomHex(24))},
        {QStringLiteral("object"), QStringLiteral("chat.completion")},
        {QStringLiteral("created"), now},
        {QStringLiteral("model"), model},
        {QStringLiteral("choices"), QJsonArray {choice}},
        {QStringLiteral("usage"), chatUsage(promptTokens, completionTokens)},
        {QStringLiteral("system_fingerprint"), QJsonValue()},
    };
    return result;
}

ModelResult completion(const QJsonObject &body, const QString &model, qint64 now)
{
    const QJsonValue promptValue = body.value(QLatin1String("prompt"));
    QStringList prompts;
    if (promptValue.isString()) {
        prompts << promptValue.toString();
    } else if (promptValue.isArray()) {
        for (const QJsonValue &p : promptValue.toArray()) {
            if (!p.isString())
                return failure(400, QStringLiteral("'prompt' must be a string or an array of strings."),
                               QStringLiteral("prompt"));
            prompts << p.toString();
        }
    }
    if (prompts.isEmpty())
        return failure(400, QStringLiteral("'prompt' is required."), QStringLiteral("prompt"));
    for (const QString &p : std::as_const(prompts)) {
        if (const auto status = failureMarker(p))
            return markerFailure(*status);
    }
    ModelResult result;
    QJsonArray choices;
    const qint64 maxTokens = maxTokensOf(body);
    for (qsizetype i = 0; i < prompts.size(); ++i) {
        bool cut = false;
        const QString text = truncateTokens(prompts.at(i), maxTokens, &cut);
        result.inputTokens += countTokens(prompts.at(i));
        result.outputTokens += countTokens(text);
        choices.append(QJsonObject {
            {QStringLiteral("text"), text},
            {QStringLiteral("index"), i},
            {QStringLiteral("logprobs"), QJsonValue()},
            {QStringLiteral("finish_reason"), cut ? QStringLiteral("length") : QStringLiteral("stop")},
        });
    }
    result.body = QJsonObject {
        {QStringLiteral("id"), QString(QStringLiteral("cmpl-") + randomHex(24))},
        {QStringLiteral("object"), QStringLiteral("text_completion")},
        {QStringLiteral("created"), now},
        {QStringLiteral("model"), model},
        {QStringLiteral("choices"), choices},
        {QStringLiteral("usage"),
         QJsonObject {{QStringLiteral("prompt_tokens"), result.inputTokens},
                      {QStringLiteral("completion_tokens"), result.outputTokens},
                      {QStringLiteral("total_tokens"), result.inputTokens + result.outputTokens}}},
    };
    return result;
}

quint64 splitmix64(quint64 &state)
{
    quint64 z = (state += 0x9e3779b97f4a7c15ULL);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    return z ^ (z >> 31);
}

QList<float> unitVector(const QByteArray &key, int dimensions)
{
    const QByteArray digest = QCryptographicHash::hash(key, QCryptographicHash::Sha256);
    quint64 state = 0;
    std::memcpy(&state, digest.constData(), sizeof state);
    QList<float> vector(dimensions);
    double norm = 0;
    for (int i = 0; i < dimensions; ++i) {
        const double x = double(splitmix64(state) >> 11) / double(1ULL << 53) * 2.0 - 1.0;
        vector[i] = float(x);
        norm += x * x;
    }
    norm = std::sqrt(norm);
    for (float &x : vector)
        x = norm > 0 ? float(x / norm) : 0.0f;
    return vector;
}

ModelResult embeddings(const QJsonObject &body, const QString &model)
{
    const QJsonValue input = body.value(QLatin1String("input"));
    // Each input as (text used for markers and token counts, hash key, token count).
    struct Item
    {
        QString text;
        QByteArray key;
        qint64 tokens = 0;
    };
    QList<Item> items;
    auto tokenArray = [](const QJsonArray &array, Item *item) {
        for (const QJsonValue &t : array) {
            if (!t.isDouble())
                return false;
        }
        item->key = QJsonDocument(array).toJson(QJsonDocument::Compact);
        item->tokens = array.size();
        return !array.isEmpty();
    };
    if (input.isString()) {
        items.append({input.toString(), input.toString().toUtf8(), countTokens(input.toString())});
    } else if (input.isArray()) {
        const QJsonArray array = input.toArray();
        if (!array.isEmpty() && array.first().isDouble()) {
            Item item;
            if (!tokenArray(array, &item))
                return failure(400, QStringLiteral("'input' holds an invalid token array."),
                               QStringLiteral("input"));
            items.append(item);
        } else {
            for (const QJsonValue &v : array) {
                Item item;
                if (v.isString()) {
                    item = {v.toString(), v.toString().toUtf8(), countTokens(v.toString())};
                } else if (!v.isArray() || !tokenArray(v.toArray(), &item)) {
                    return failure(400,
                                   QStringLiteral("'input' must be a string, an array of strings or of token "
                                                  "arrays."),
                                   QStringLiteral("input"));
                }
                items.append(item);
            }
        }
    }
    if (items.isEmpty())
        return failure(400, QStringLiteral("'input' must not be empty."), QStringLiteral("input"));
    for (const Item &item : std::as_const(items)) {
        if (item.text.isEmpty() && item.key.isEmpty())
            return failure(400, QStringLiteral("'input' must not contain empty strings."),
                           QStringLiteral("input"));
        if (const auto status = failureMarker(item.text))
            return markerFailure(*status);
    }
    int dimensions = kDefaultDimensions;
    const QJsonValue dims = body.value(QLatin1String("dimensions"));
    if (!dims.isUndefined() && !dims.isNull()) {
        const double d = dims.toDouble(-1);
        if (!dims.isDouble() || d != std::floor(d) || d < 1 || d > kMaxDimensions)
            return failure(
                400, QStringLiteral("'dimensions' must be an integer between 1 and %1.").arg(kMaxDimensions),
                QStringLiteral("dimensions"));
        dimensions = int(d);
    }
    const QString format = body.value(QLatin1String("encoding_format")).toString(QStringLiteral("float"));
    if (format != QLatin1String("float") && format != QLatin1String("base64"))
        return failure(400, QStringLiteral("'encoding_format' must be 'float' or 'base64'."),
                       QStringLiteral("encoding_format"));

    ModelResult result;
    QJsonArray data;
    for (qsizetype i = 0; i < items.size(); ++i) {
        const QList<float> vector = unitVector(items.at(i).key, dimensions);
        QJsonValue embedding;
        if (format == QLatin1String("base64")) {
            QByteArray raw;
            raw.reserve(vector.size() * 4);
            for (float x : vector) {
                quint32 bits;
                std::memcpy(&bits, &x, 4);
                for (int b = 0; b < 4; ++b)
                    raw.append(char((bits >> (8 * b)) & 0xff)); // little-endian float32, as the API sends
            }
            embedding = QString::fromLatin1(raw.toBase64());
        } else {
            QJsonArray values;
            for (float x : vector)
                values.append(double(x));
            embedding = values;
        }
        data.append(QJsonObject {{QStringLiteral("object"), QStringLiteral("embedding")},
                                 {QStringLiteral("index"), i},
                                 {QStringLiteral("embedding"), embedding}});
        result.inputTokens += items.at(i).tokens;
    }
    result.body = QJsonObject {
        {QStringLiteral("object"), QStringLiteral("list")},
        {QStringLiteral("data"), data},
        {QStringLiteral("model"), model},
        {QStringLiteral("usage"),
         QJsonObject {{QStringLiteral("prompt_tokens"), result.inputTokens},
                      {QStringLiteral("total_tokens"), result.inputTokens}}},
    };
    return result;
}

} // namespace

QStringList builtinModels()
{
    return {QString(kEchoModel), QString(kEmbedModel)};
}

bool isBuiltinModel(const QString &model)
{
    return model == kEchoModel || model == kEmbedModel;
}

QString modelEndpointProblem(const QString &model, const QString &endpoint)
{
    const bool embeddingsEndpoint = endpoint == QLatin1String("/v1/embeddings");
    if (model == kEmbedModel && !embeddingsEndpoint)
        return QStringLiteral("The model '%1' only serves /v1/embeddings, not %2.").arg(model, endpoint);
    if (model == kEchoModel && embeddingsEndpoint)
        return QStringLiteral("The model '%1' does not serve /v1/embeddings; use '%2'.")
            .arg(model, kEmbedModel);
    return {};
}

ModelResult executeRequest(const QString &endpoint, const QJsonObject &body, qint64 nowSeconds)
{
    const QString model = body.value(QLatin1String("model")).toString();
    if (!isBuiltinModel(model))
        return failure(404, QStringLiteral("The model '%1' does not exist.").arg(model),
                       QStringLiteral("model"), QStringLiteral("model_not_found"));
    const QString problem = modelEndpointProblem(model, endpoint);
    if (!problem.isEmpty())
        return failure(400, problem, QStringLiteral("model"));
    if (endpoint == QLatin1String("/v1/chat/completions"))
        return chat(body, model, nowSeconds);
    if (endpoint == QLatin1String("/v1/completions"))
        return completion(body, model, nowSeconds);
    if (endpoint == QLatin1String("/v1/embeddings"))
        return embeddings(body, model);
    return failure(404, QStringLiteral("The sandbox does not serve %1.").arg(endpoint));
}

QJsonObject errorEnvelope(const QString &message, const QString &type, const QJsonValue &param,
                          const QJsonValue &code)
{
    return QJsonObject {{QStringLiteral("error"),
                         QJsonObject {{QStringLiteral("message"), message},
                                      {QStringLiteral("type"), type},
                                      {QStringLiteral("param"), param.isUndefined() ? QJsonValue() : param},
                                      {QStringLiteral("code"), code.isUndefined() ? QJsonValue() : code}}}};
}

QString randomHex(int n)
{
    static const char digits[] = "0123456789abcdef";
    QString out(n, Qt::Uninitialized);
    auto *rng = QRandomGenerator::global();
    for (int i = 0; i < n; ++i)
        out[i] = QLatin1Char(digits[rng->bounded(16)]);
    return out;
}

} // namespace Batchdesk::Sandbox
