#include "sandboxmodels.h"

#include <QCryptographicHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QMutex>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QSet>

#include <array>
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
        else if (const QString type = part.toObject().value(QLatin1String("type")).toString();
                 type == QLatin1String("text") || type == QLatin1String("input_text")
                 || type == QLatin1String("output_text")) // chat parts and Responses input items
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

// ---- JSON answers (response_format json_object / json_schema) ----

constexpr int kMaxSchemaDepth = 8;
constexpr int kMaxArrayItems = 3;

/** A deterministic 64-bit number from the prompt and a schema location: different prompts (or properties)
 *  pick different values, the same prompt always the same one. */
quint64 seedOf(const QString &prompt, const QString &where)
{
    const QByteArray digest =
        QCryptographicHash::hash((prompt + QChar(0x1f) + where).toUtf8(), QCryptographicHash::Sha256);
    quint64 n = 0;
    std::memcpy(&n, digest.constData(), sizeof n);
    return n;
}

/** The first few words of the prompt: the "text" of a generated string. */
QString shortText(const QString &prompt, int words)
{
    const QStringList all = prompt.simplified().split(QLatin1Char(' '), Qt::SkipEmptyParts);
    QString text = all.mid(0, words).join(QLatin1Char(' '));
    if (text.size() > 80)
        text = text.left(80);
    return text.isEmpty() ? QStringLiteral("text") : text;
}

/** The schema's type: the first non-null one of a type array; guessed from its keywords when absent. */
QString schemaType(const QJsonObject &schema)
{
    const QJsonValue type = schema.value(QLatin1String("type"));
    if (type.isString())
        return type.toString();
    if (type.isArray()) {
        for (const QJsonValue &t : type.toArray()) {
            if (t.toString() != QLatin1String("null"))
                return t.toString();
        }
        return QStringLiteral("null");
    }
    if (schema.contains(QLatin1String("properties")))
        return QStringLiteral("object");
    if (schema.contains(QLatin1String("items")))
        return QStringLiteral("array");
    return QStringLiteral("string");
}

/** A value that conforms to a (JSON Schema subset) schema: enum, const, anyOf/oneOf/allOf (the first),
 *  object (every listed property), array (minItems..3 items), string, integer, number (within minimum and
 *  maximum), boolean, null. */
QJsonValue valueForSchema(const QJsonObject &schema, const QString &prompt, const QString &where, int depth)
{
    if (depth > kMaxSchemaDepth)
        return QJsonValue();
    if (schema.contains(QLatin1String("const")))
        return schema.value(QLatin1String("const"));
    const QJsonArray choices = schema.value(QLatin1String("enum")).toArray();
    if (!choices.isEmpty())
        return choices.at(qsizetype(seedOf(prompt, where) % quint64(choices.size())));
    for (const auto key : {QLatin1String("anyOf"), QLatin1String("oneOf"), QLatin1String("allOf")}) {
        const QJsonArray options = schema.value(key).toArray();
        for (const QJsonValue &option : options) {
            if (schemaType(option.toObject()) != QLatin1String("null"))
                return valueForSchema(option.toObject(), prompt, where, depth + 1);
        }
    }
    const QString type = schemaType(schema);
    const quint64 seed = seedOf(prompt, where);
    if (type == QLatin1String("object")) {
        QJsonObject object;
        const QJsonObject properties = schema.value(QLatin1String("properties")).toObject();
        for (auto it = properties.begin(); it != properties.end(); ++it)
            object.insert(it.key(),
                          valueForSchema(it.value().toObject(), prompt, where + QLatin1Char('.') + it.key(),
                                         depth + 1));
        // Required names without a property schema still get a value.
        for (const QJsonValue &name : schema.value(QLatin1String("required")).toArray()) {
            if (!object.contains(name.toString()))
                object.insert(name.toString(), shortText(prompt, 3));
        }
        return object;
    }
    if (type == QLatin1String("array")) {
        const int minItems = qBound(0, schema.value(QLatin1String("minItems")).toInt(1), kMaxArrayItems);
        const int maxItems =
            qBound(minItems, schema.value(QLatin1String("maxItems")).toInt(kMaxArrayItems), kMaxArrayItems);
        const int count = minItems + int(seed % quint64(maxItems - minItems + 1));
        QJsonArray array;
        const QJsonObject items = schema.value(QLatin1String("items")).toObject();
        for (int i = 0; i < count; ++i)
            array.append(valueForSchema(items, prompt, where + QStringLiteral("[%1]").arg(i), depth + 1));
        return array;
    }
    if (type == QLatin1String("integer") || type == QLatin1String("number")) {
        constexpr double kLimit = 1e15; // integers stay exact in a double and in qint64
        const double lo = qBound(-kLimit, schema.value(QLatin1String("minimum")).toDouble(0), kLimit);
        const double hi = qBound(-kLimit, schema.value(QLatin1String("maximum")).toDouble(lo + 100), kLimit);
        const double span = hi > lo ? hi - lo : 0;
        if (type == QLatin1String("integer")) {
            const qint64 first = qint64(std::ceil(lo));
            const qint64 range = qint64(std::floor(hi)) - first + 1;
            return range > 0 ? first + qint64(seed % quint64(range)) : first;
        }
        return lo + std::round(double(seed % 10000) / 10000.0 * span * 100) / 100;
    }
    if (type == QLatin1String("boolean"))
        return (seed & 1) != 0;
    if (type == QLatin1String("null"))
        return QJsonValue();
    return shortText(prompt, 4 + int(seed % 4));
}

/** The JSON answer of a chat request with a JSON response_format, or a null string when it has none. A
 *  prompt with the [[badjson]] marker gets text that is not JSON. */
QString jsonAnswer(const QJsonObject &body, const QString &prompt)
{
    const QJsonObject format = body.value(QLatin1String("response_format")).toObject();
    const QString type = format.value(QLatin1String("type")).toString();
    if (type != QLatin1String("json_object") && type != QLatin1String("json_schema"))
        return {};
    if (prompt.contains(QLatin1String("[[badjson]]")))
        return QStringLiteral("Not JSON: ") + prompt; // prose, as a model that ignored the format
    // A scripted answer: a message that is itself a JSON object, or a ```-fenced block, comes back as it is
    // (tests choose the exact answer).
    const QString trimmed = prompt.trimmed();
    if ((trimmed.startsWith(QLatin1String("```")) && trimmed.size() > 6
         && trimmed.endsWith(QLatin1String("```")))
        || (trimmed.startsWith(u'{') && QJsonDocument::fromJson(trimmed.toUtf8()).isObject()))
        return prompt;
    QJsonObject object;
    if (type == QLatin1String("json_schema")) {
        const QJsonObject schema =
            format.value(QLatin1String("json_schema")).toObject().value(QLatin1String("schema")).toObject();
        const QJsonValue value = valueForSchema(schema, prompt, QStringLiteral("$"), 0);
        if (value.isObject())
            object = value.toObject();
        else
            object.insert(QStringLiteral("value"), value);
    } else {
        object = QJsonObject {{QStringLiteral("answer"), shortText(prompt, 8)},
                              {QStringLiteral("words"), countTokens(prompt)}};
    }
    return QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Compact));
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
    QString answer = jsonAnswer(body, lastUser); // JSON answers are whole (not cut to max_tokens)
    if (answer.isNull())
        answer = truncateTokens(lastUser, maxTokensOf(body), &cut);
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

QJsonObject responsesUsage(qint64 input, qint64 output)
{
    return QJsonObject {
        {QStringLiteral("input_tokens"), input},
        {QStringLiteral("input_tokens_details"), QJsonObject {{QStringLiteral("cached_tokens"), 0}}},
        {QStringLiteral("output_tokens"), output},
        {QStringLiteral("output_tokens_details"), QJsonObject {{QStringLiteral("reasoning_tokens"), 0}}},
        {QStringLiteral("total_tokens"), input + output},
    };
}

// CreateResponse → Response: the echo of the input (a string, or the last user input item).
ModelResult responses(const QJsonObject &body, const QString &model, qint64 now)
{
    const QJsonValue input = body.value(QLatin1String("input"));
    QString text;
    qint64 inputTokens = 0;
    if (input.isString()) {
        text = input.toString();
        inputTokens = countTokens(text);
    } else if (input.isArray() && !input.toArray().isEmpty()) {
        bool haveUser = false;
        QString last;
        for (const QJsonValue &v : input.toArray()) {
            const QJsonObject item = v.toObject();
            const QString itemText = contentText(item.value(QLatin1String("content")));
            inputTokens += countTokens(itemText) + 3;
            last = itemText;
            if (item.value(QLatin1String("role")).toString() == QLatin1String("user")) {
                text = itemText;
                haveUser = true;
            }
        }
        if (!haveUser)
            text = last;
    } else {
        return failure(400, QStringLiteral("'input' must be a string or a non-empty array of input items."),
                       QStringLiteral("input"));
    }
    if (const auto status = failureMarker(text))
        return markerFailure(*status);
    const QJsonValue maxValue = body.value(QLatin1String("max_output_tokens"));
    const qint64 maxTokens = maxValue.isDouble() ? qint64(maxValue.toDouble()) : -1;
    bool cut = false;
    const QString answer = truncateTokens(text, maxTokens, &cut);
    ModelResult result;
    result.inputTokens = inputTokens;
    result.outputTokens = countTokens(answer);
    const QJsonObject part {{QStringLiteral("type"), QStringLiteral("output_text")},
                            {QStringLiteral("text"), answer},
                            {QStringLiteral("annotations"), QJsonArray()}};
    const QJsonObject message {
        {QStringLiteral("type"), QStringLiteral("message")},
        {QStringLiteral("id"), QString(QStringLiteral("msg_") + randomHex(32))},
        {QStringLiteral("status"), cut ? QStringLiteral("incomplete") : QStringLiteral("completed")},
        {QStringLiteral("role"), QStringLiteral("assistant")},
        {QStringLiteral("content"), QJsonArray {part}}};
    result.body = QJsonObject {
        {QStringLiteral("id"), QString(QStringLiteral("resp_") + randomHex(32))},
        {QStringLiteral("object"), QStringLiteral("response")},
        {QStringLiteral("created_at"), now},
        {QStringLiteral("status"), cut ? QStringLiteral("incomplete") : QStringLiteral("completed")},
        {QStringLiteral("error"), QJsonValue()},
        {QStringLiteral("incomplete_details"),
         cut ? QJsonValue(QJsonObject {{QStringLiteral("reason"), QStringLiteral("max_output_tokens")}})
             : QJsonValue()},
        {QStringLiteral("model"), model},
        {QStringLiteral("output"), QJsonArray {message}},
        {QStringLiteral("max_output_tokens"), maxTokens >= 0 ? QJsonValue(maxTokens) : QJsonValue()},
        {QStringLiteral("usage"), responsesUsage(result.inputTokens, result.outputTokens)},
    };
    return result;
}

const QStringList &moderationCategories()
{
    static const QStringList categories {
        QStringLiteral("harassment"),
        QStringLiteral("harassment/threatening"),
        QStringLiteral("hate"),
        QStringLiteral("hate/threatening"),
        QStringLiteral("illicit"),
        QStringLiteral("illicit/violent"),
        QStringLiteral("self-harm"),
        QStringLiteral("self-harm/intent"),
        QStringLiteral("self-harm/instructions"),
        QStringLiteral("sexual"),
        QStringLiteral("sexual/minors"),
        QStringLiteral("violence"),
        QStringLiteral("violence/graphic"),
    };
    return categories;
}

// CreateModerationRequest → CreateModerationResponse; "[[flag:CATEGORY]]" flags an input.
ModelResult moderations(const QJsonObject &body, const QString &model)
{
    const QJsonValue input = body.value(QLatin1String("input"));
    QStringList texts;
    if (input.isString()) {
        texts << input.toString();
    } else if (input.isArray() && !input.toArray().isEmpty()) {
        for (const QJsonValue &v : input.toArray()) {
            if (v.isString())
                texts << v.toString();
            else if (v.toObject().value(QLatin1String("type")).toString() == QLatin1String("text"))
                texts << v.toObject().value(QLatin1String("text")).toString();
            else if (v.toObject().value(QLatin1String("type")).toString() == QLatin1String("image_url"))
                texts << v.toObject()
                             .value(QLatin1String("image_url"))
                             .toObject()
                             .value(QLatin1String("url"))
                             .toString();
            else
                return failure(400,
                               QStringLiteral("'input' must be a string, an array of strings or of text "
                                              "and image_url objects."),
                               QStringLiteral("input"));
        }
    } else {
        return failure(400, QStringLiteral("'input' is required."), QStringLiteral("input"));
    }
    static const QRegularExpression flag(QStringLiteral("\\[\\[flag:([^\\]]*)\\]\\]"));
    ModelResult result;
    QJsonArray results;
    for (const QString &text : std::as_const(texts)) {
        if (const auto status = failureMarker(text))
            return markerFailure(*status);
        QSet<QString> flagged;
        for (auto it = flag.globalMatch(text); it.hasNext();) {
            const QString category = it.next().captured(1);
            if (!moderationCategories().contains(category))
                return failure(
                    400,
                    QStringLiteral("Unknown moderation category '%1' in a [[flag:…]] marker; use one "
                                   "of %2.")
                        .arg(category, moderationCategories().join(QStringLiteral(", "))),
                    QStringLiteral("input"), QStringLiteral("sandbox_marker"));
            flagged.insert(category);
        }
        QJsonObject categories;
        QJsonObject scores;
        for (const QString &c : moderationCategories()) {
            categories.insert(c, flagged.contains(c));
            scores.insert(c, flagged.contains(c) ? 0.99 : 0.0001);
        }
        results.append(QJsonObject {{QStringLiteral("flagged"), !flagged.isEmpty()},
                                    {QStringLiteral("categories"), categories},
                                    {QStringLiteral("category_scores"), scores}});
        result.inputTokens += countTokens(text);
    }
    result.body = QJsonObject {{QStringLiteral("id"), QString(QStringLiteral("modr-") + randomHex(24))},
                               {QStringLiteral("model"), model},
                               {QStringLiteral("results"), results}};
    return result;
}

quint32 crc32(QByteArrayView bytes)
{
    static const auto table = [] {
        std::array<quint32, 256> t {};
        for (quint32 n = 0; n < 256; ++n) {
            quint32 c = n;
            for (int k = 0; k < 8; ++k)
                c = (c & 1) ? 0xedb88320u ^ (c >> 1) : c >> 1;
            t[n] = c;
        }
        return t;
    }();
    quint32 c = 0xffffffffu;
    for (const char b : bytes)
        c = table[(c ^ quint8(b)) & 0xff] ^ (c >> 8);
    return c ^ 0xffffffffu;
}

void appendBigEndian(QByteArray &out, quint32 v)
{
    out.append(char(v >> 24)).append(char(v >> 16)).append(char(v >> 8)).append(char(v));
}

void appendChunk(QByteArray &png, const char *type, const QByteArray &data)
{
    appendBigEndian(png, quint32(data.size()));
    QByteArray typed(type, 4);
    typed += data;
    png += typed;
    appendBigEndian(png, crc32(typed));
}

// CreateImageRequest / EditImageBodyJsonParam → ImagesResponse.
ModelResult images(const QJsonObject &body, const QString &endpoint, qint64 now)
{
    const QString prompt = body.value(QLatin1String("prompt")).toString();
    if (prompt.isEmpty())
        return failure(400, QStringLiteral("'prompt' is required."), QStringLiteral("prompt"));
    if (endpoint == QLatin1String("/v1/images/edits") && !body.contains(QLatin1String("images"))
        && !body.contains(QLatin1String("image")))
        return failure(400, QStringLiteral("'images' is required."), QStringLiteral("images"));
    if (const auto status = failureMarker(prompt))
        return markerFailure(*status);
    const QJsonValue nValue = body.value(QLatin1String("n"));
    const double n = nValue.isDouble() ? nValue.toDouble() : 1;
    if (n != std::floor(n) || n < 1 || n > 10)
        return failure(400, QStringLiteral("'n' must be an integer from 1 to 10."), QStringLiteral("n"));
    const QString format = body.value(QLatin1String("response_format")).toString(QStringLiteral("b64_json"));
    if (format != QLatin1String("url") && format != QLatin1String("b64_json"))
        return failure(400, QStringLiteral("'response_format' must be 'url' or 'b64_json'."),
                       QStringLiteral("response_format"));
    ModelResult result;
    QJsonArray data;
    for (int i = 0; i < int(n); ++i) {
        const QString seed = i == 0 ? prompt : prompt + QString::number(i);
        if (format == QLatin1String("url"))
            data.append(
                QJsonObject {{QStringLiteral("url"),
                              QStringLiteral("https://sandbox.invalid/images/%1.png").arg(randomHex(24))}});
        else
            data.append(
                QJsonObject {{QStringLiteral("b64_json"), QString::fromLatin1(sandboxPng(seed).toBase64())}});
    }
    result.inputTokens = countTokens(prompt);
    result.outputTokens = 16 * qint64(n);
    result.body = QJsonObject {
        {QStringLiteral("created"), now},
        {QStringLiteral("data"), data},
        {QStringLiteral("usage"),
         QJsonObject {{QStringLiteral("input_tokens"), result.inputTokens},
                      {QStringLiteral("output_tokens"), result.outputTokens},
                      {QStringLiteral("total_tokens"), result.inputTokens + result.outputTokens},
                      {QStringLiteral("input_tokens_details"),
                       QJsonObject {{QStringLiteral("text_tokens"), result.inputTokens},
                                    {QStringLiteral("image_tokens"), 0}}}}},
    };
    return result;
}

// CreateVideoJsonBody → VideoResource, already completed.
ModelResult videos(const QJsonObject &body, const QString &model, qint64 now)
{
    const QString prompt = body.value(QLatin1String("prompt")).toString();
    if (prompt.isEmpty())
        return failure(400, QStringLiteral("'prompt' is required."), QStringLiteral("prompt"));
    if (const auto status = failureMarker(prompt))
        return markerFailure(*status);
    ModelResult result;
    result.inputTokens = countTokens(prompt);
    result.body = QJsonObject {
        {QStringLiteral("id"), QString(QStringLiteral("video_") + randomHex(32))},
        {QStringLiteral("object"), QStringLiteral("video")},
        {QStringLiteral("model"), model},
        {QStringLiteral("status"), QStringLiteral("completed")},
        {QStringLiteral("progress"), 100},
        {QStringLiteral("created_at"), now},
        {QStringLiteral("completed_at"), now},
        {QStringLiteral("expires_at"), now + 86400},
        {QStringLiteral("prompt"), prompt},
        {QStringLiteral("seconds"), body.value(QLatin1String("seconds")).toString(QStringLiteral("4"))},
        {QStringLiteral("size"), body.value(QLatin1String("size")).toString(QStringLiteral("720x1280"))},
        {QStringLiteral("remixed_from_video_id"), QJsonValue()},
        {QStringLiteral("error"), QJsonValue()},
    };
    return result;
}

bool isModerationModel(const QString &model)
{
    return model == kModerationModel || model == QLatin1String("omni-moderation-latest")
        || model == QLatin1String("omni-moderation-2024-09-26")
        || model == QLatin1String("text-moderation-latest")
        || model == QLatin1String("text-moderation-stable");
}

} // namespace

QByteArray sandboxPng(const QString &prompt)
{
    constexpr int kSide = 8;
    const QByteArray digest = QCryptographicHash::hash(prompt.toUtf8(), QCryptographicHash::Sha256);
    QByteArray png("\x89PNG\r\n\x1a\n", 8);
    QByteArray header;
    appendBigEndian(header, kSide);
    appendBigEndian(header, kSide);
    header.append(char(8)).append(char(2)).append(char(0)).append(char(0)).append(char(0)); // 8-bit RGB
    appendChunk(png, "IHDR", header);
    QByteArray raw;
    for (int y = 0; y < kSide; ++y) {
        raw.append(char(0)); // filter: none
        for (int x = 0; x < kSide; ++x)
            raw.append(digest.at(0)).append(digest.at(1)).append(digest.at(2));
    }
    // qCompress() writes a 4-byte length and then a zlib stream, which is what IDAT holds.
    appendChunk(png, "IDAT", qCompress(raw).mid(4));
    appendChunk(png, "IEND", QByteArray());
    return png;
}

QStringList builtinModels()
{
    return {QString(kEchoModel), QString(kEmbedModel), QString(kModerationModel), QString(kImageModel),
            QString(kVideoModel)};
}

bool isBuiltinModel(const QString &model)
{
    return model.isEmpty() || model == kEchoModel || model == kEmbedModel || isModerationModel(model)
        || model == kImageModel || model == kVideoModel;
}

QString defaultModel(const QString &endpoint)
{
    if (endpoint == QLatin1String("/v1/moderations"))
        return kModerationModel;
    if (endpoint == QLatin1String("/v1/images/generations") || endpoint == QLatin1String("/v1/images/edits"))
        return kImageModel;
    if (endpoint == QLatin1String("/v1/videos"))
        return kVideoModel;
    return {};
}

QString modelEndpointProblem(const QString &model, const QString &endpoint)
{
    if (model.isEmpty())
        return defaultModel(endpoint).isEmpty()
            ? QStringLiteral("body.model is required for %1.").arg(endpoint)
            : QString();
    QStringList serves;
    if (model == kEchoModel)
        serves = {QStringLiteral("/v1/chat/completions"), QStringLiteral("/v1/completions"),
                  QStringLiteral("/v1/responses")};
    else if (model == kEmbedModel)
        serves = {QStringLiteral("/v1/embeddings")};
    else if (isModerationModel(model))
        serves = {QStringLiteral("/v1/moderations")};
    else if (model == kImageModel)
        serves = {QStringLiteral("/v1/images/generations"), QStringLiteral("/v1/images/edits")};
    else if (model == kVideoModel)
        serves = {QStringLiteral("/v1/videos")};
    if (serves.contains(endpoint))
        return {};
    if (model == kEchoModel && endpoint == QLatin1String("/v1/embeddings"))
        return QStringLiteral("The model '%1' does not serve /v1/embeddings; use '%2'.")
            .arg(model, kEmbedModel);
    if (model == kEmbedModel)
        return QStringLiteral("The model '%1' only serves /v1/embeddings, not %2.").arg(model, endpoint);
    const QString fallback = defaultModel(endpoint);
    return fallback.isEmpty() ? QStringLiteral("The model '%1' serves %2, not %3.")
                                    .arg(model, serves.join(QStringLiteral(", ")), endpoint)
                              : QStringLiteral("The model '%1' serves %2, not %3; use '%4'.")
                                    .arg(model, serves.join(QStringLiteral(", ")), endpoint, fallback);
}

ModelResult executeRequest(const QString &endpoint, const QJsonObject &body, qint64 nowSeconds)
{
    QString model = body.value(QLatin1String("model")).toString();
    if (model.isEmpty())
        model = defaultModel(endpoint);
    if (!isBuiltinModel(model) || model.isEmpty())
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
    if (endpoint == QLatin1String("/v1/responses"))
        return responses(body, model, nowSeconds);
    if (endpoint == QLatin1String("/v1/moderations"))
        return moderations(body, model);
    if (endpoint == QLatin1String("/v1/images/generations") || endpoint == QLatin1String("/v1/images/edits"))
        return images(body, endpoint, nowSeconds);
    if (endpoint == QLatin1String("/v1/videos"))
        return videos(body, model, nowSeconds);
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
