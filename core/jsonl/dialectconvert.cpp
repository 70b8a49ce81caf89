#include "dialectconvert.h"

#include "limitprofile.h"

#include <QCoreApplication>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonParseError>
#include <QSaveFile>

#include <algorithm>
#include <cmath>

namespace Batchdesk::Jsonl {

namespace {

// A line longer than this is not read into memory: no provider accepts a request (or sends a result) that
// large. The validator uses the same bound.
constexpr qint64 kMaxLineBytes = qint64(64) << 20;
constexpr qint64 kProgressStep = qint64(1) << 20;

QString tr(const char *text)
{
    return QCoreApplication::translate("Batchdesk::Jsonl::DialectConvert", text);
}

QString familyName(WireFamily family)
{
    switch (family) {
    case WireFamily::Anthropic:
        return QStringLiteral("Anthropic");
    case WireFamily::Mistral:
        return QStringLiteral("Mistral");
    case WireFamily::Gemini:
        return QStringLiteral("Gemini");
    case WireFamily::OpenAI:
        break;
    }
    return QStringLiteral("OpenAI");
}

// A user value for a message, shortened so that a long value does not flood the diagnostics.
QString quoted(const QString &value)
{
    QString s = value;
    if (s.size() > 80)
        s = s.left(77) + QStringLiteral("...");
    return u'"' + s + u'"';
}

QString valueText(const QJsonValue &value)
{
    if (value.isString())
        return quoted(value.toString());
    if (value.isObject() || value.isArray()) {
        const QByteArray json = value.isObject()
            ? QJsonDocument(value.toObject()).toJson(QJsonDocument::Compact)
            : QJsonDocument(value.toArray()).toJson(QJsonDocument::Compact);
        QString s = QString::fromUtf8(json);
        return s.size() > 80 ? s.left(77) + QStringLiteral("...") : s;
    }
    if (value.isBool())
        return value.toBool() ? QStringLiteral("true") : QStringLiteral("false");
    if (value.isNull())
        return QStringLiteral("null");
    return QString::number(value.toDouble(), 'g', 15);
}

std::optional<QJsonObject> fail(QString *problem, const QString &text)
{
    if (problem)
        *problem = text;
    return std::nullopt;
}

std::optional<qint64> positiveInteger(const QJsonValue &value)
{
    if (!value.isDouble())
        return std::nullopt;
    const double d = value.toDouble();
    if (!(d >= 1) || d > 9e15 || std::floor(d) != d)
        return std::nullopt;
    return qint64(d);
}

bool isNullOrAbsent(const QJsonValue &value)
{
    return value.isNull() || value.isUndefined();
}

// One message of an OpenAI chat request reduced to what the other families take: a role and text pieces.
struct ChatTurn
{
    QString role; // "user" or "assistant"
    QStringList texts;
    bool contentWasString = true;
};

struct ChatParts
{
    QStringList system;
    QList<ChatTurn> turns;
};

// The text pieces of a message content: a string, or an array of text parts.
bool contentTexts(const QJsonValue &content, const QString &where, WireFamily family, ChatTurn &turn,
                  QString *problem)
{
    if (content.isString()) {
        turn.texts << content.toString();
        turn.contentWasString = true;
        return true;
    }
    if (isNullOrAbsent(content))
        return true;
    if (!content.isArray()) {
        fail(problem,
             tr("%1.content is %2; it must be a string or an array of text parts.")
                 .arg(where, valueText(content)));
        return false;
    }
    turn.contentWasString = false;
    const QJsonArray parts = content.toArray();
    for (qsizetype i = 0; i < parts.size(); ++i) {
        const QJsonObject part = parts.at(i).toObject();
        const QString type = part.value(QLatin1StringView("type")).toString();
        if (!parts.at(i).isObject() || (type != QLatin1StringView("text") && !type.isEmpty())
            || !part.value(QLatin1StringView("text")).isString()) {
            const QString what = type.isEmpty() ? tr("not a text part") : tr("a %1 part").arg(quoted(type));
            fail(problem,
                 tr("%1.content[%2] is %3; %4 batch lines converted from OpenAI take text parts only.")
                     .arg(where)
                     .arg(i)
                     .arg(what, familyName(family)));
            return false;
        }
        turn.texts << part.value(QLatin1StringView("text")).toString();
    }
    return true;
}

// Splits the messages into system text and user/assistant turns (Anthropic and Gemini).
bool chatParts(const QJsonObject &body, WireFamily family, ChatParts &out, QString *problem)
{
    const QJsonValue messagesValue = body.value(QLatin1StringView("messages"));
    if (!messagesValue.isArray()) {
        fail(problem, tr("messages is missing or not an array; a chat request needs it."));
        return false;
    }
    const QJsonArray messages = messagesValue.toArray();
    bool conversationStarted = false;
    for (qsizetype i = 0; i < messages.size(); ++i) {
        const QString where = QStringLiteral("messages[%1]").arg(i);
        if (!messages.at(i).isObject()) {
            fail(problem, tr("%1 is not an object.").arg(where));
            return false;
        }
        const QJsonObject message = messages.at(i).toObject();
        const QString role = message.value(QLatin1StringView("role")).toString();
        ChatTurn turn;
        if (role == QLatin1StringView("system") || role == QLatin1StringView("developer")) {
            if (conversationStarted) {
                fail(problem,
                     tr("%1 is a %2 message after the conversation started; %3 takes system text "
                        "only before the first user message.")
                         .arg(where, role, familyName(family)));
                return false;
            }
            if (!contentTexts(message.value(QLatin1StringView("content")), where, family, turn, problem))
                return false;
            if (!turn.texts.isEmpty())
                out.system << turn.texts.join(u'\n');
            continue;
        }
        if (role != QLatin1StringView("user") && role != QLatin1StringView("assistant")) {
            fail(problem,
                 tr("%1 has role %2, which %3 batches cannot take here.")
                     .arg(where, quoted(role), familyName(family)));
            return false;
        }
        const QJsonValue toolCalls = message.value(QLatin1StringView("tool_calls"));
        if (toolCalls.isArray() && !toolCalls.toArray().isEmpty()) {
            fail(problem,
                 tr("%1 has tool_calls, which %2 batches converted from OpenAI cannot take.")
                     .arg(where, familyName(family)));
            return false;
        }
        if (!contentTexts(message.value(QLatin1StringView("content")), where, family, turn, problem))
            return false;
        if (turn.texts.isEmpty()) {
            fail(problem, tr("%1 has no text content.").arg(where));
            return false;
        }
        turn.role = role;
        conversationStarted = true;
        out.turns << turn;
    }
    if (out.turns.isEmpty()) {
        fail(problem,
             tr("messages has no user or assistant message; %1 needs at least one.").arg(familyName(family)));
        return false;
    }
    return true;
}

bool stopSequences(const QJsonValue &stop, QJsonArray &out, QString *problem)
{
    if (stop.isString()) {
        out.append(stop);
        return true;
    }
    if (stop.isArray()) {
        for (const QJsonValue &s : stop.toArray()) {
            if (!s.isString()) {
                fail(problem, tr("stop must be a string or an array of strings."));
                return false;
            }
            out.append(s);
        }
        return true;
    }
    fail(problem, tr("stop must be a string or an array of strings."));
    return false;
}

// Fields of an OpenAI chat body that carry nothing for a batch of another family and are left out.
bool isDroppable(const QString &key, const QJsonValue &value)
{
    if (isNullOrAbsent(value))
        return true;
    if (key == QLatin1StringView("stream"))
        return !value.toBool();
    if (key == QLatin1StringView("logprobs"))
        return !value.toBool();
    if (key == QLatin1StringView("n"))
        return value.isDouble() && value.toDouble() == 1;
    if (key == QLatin1StringView("response_format"))
        return value.toObject().value(QLatin1StringView("type")).toString() == QLatin1StringView("text");
    return key == QLatin1StringView("store") || key == QLatin1StringView("metadata")
        || key == QLatin1StringView("service_tier") || key == QLatin1StringView("stream_options")
        || key == QLatin1StringView("parallel_tool_calls");
}

// The problem of an OpenAI chat field that has no counterpart (the same for Anthropic and Gemini).
QString unsupportedField(const QString &key, const QJsonValue &value, WireFamily family)
{
    const QString name = familyName(family);
    if (key == QLatin1StringView("n"))
        return tr("n = %1: %2 batch lines give one answer each.").arg(valueText(value), name);
    if (key == QLatin1StringView("stream"))
        return tr("stream is true; batch requests cannot stream.");
    if (key == QLatin1StringView("logprobs") || key == QLatin1StringView("top_logprobs"))
        return tr("%1 is set; %2 batches give no log probabilities.").arg(key, name);
    if (key == QLatin1StringView("response_format"))
        return tr("response_format %1 cannot convert to %2; remove it and ask for the format in the prompt.")
            .arg(valueText(value), name);
    return tr("%1 has no %2 equivalent; remove %3 from the body.").arg(key, name, quoted(key));
}

std::optional<QJsonObject> chatToAnthropic(const QJsonObject &body, const QString &customId, QString *problem)
{
    const WireFamily family = WireFamily::Anthropic;
    const QJsonValue model = body.value(QLatin1StringView("model"));
    if (!model.isString() || model.toString().isEmpty())
        return fail(problem, tr("model is missing; Anthropic needs it in every request."));
    QJsonObject params;
    params.insert(QLatin1StringView("model"), model);

    QJsonValue maxTokens = body.value(QLatin1StringView("max_tokens"));
    if (isNullOrAbsent(maxTokens))
        maxTokens = body.value(QLatin1StringView("max_completion_tokens"));
    if (isNullOrAbsent(maxTokens))
        return fail(problem, tr("max_tokens is required by Anthropic; add \"max_tokens\" to the body."));
    const auto tokens = positiveInteger(maxTokens);
    if (!tokens)
        return fail(problem,
                    tr("max_tokens is %1; it must be a positive whole number.").arg(valueText(maxTokens)));
    params.insert(QLatin1StringView("max_tokens"), *tokens);

    ChatParts parts;
    if (!chatParts(body, family, parts, problem))
        return std::nullopt;
    if (!parts.system.isEmpty())
        params.insert(QLatin1StringView("system"), parts.system.join(QStringLiteral("\n\n")));
    QJsonArray messages;
    for (const ChatTurn &turn : parts.turns) {
        QJsonObject message {{QLatin1StringView("role"), turn.role}};
        if (turn.contentWasString && turn.texts.size() == 1) {
            message.insert(QLatin1StringView("content"), turn.texts.first());
        } else {
            QJsonArray blocks;
            for (const QString &text : turn.texts)
                blocks.append(QJsonObject {{QLatin1StringView("type"), QLatin1StringView("text")},
                                           {QLatin1StringView("text"), text}});
            message.insert(QLatin1StringView("content"), blocks);
        }
        messages.append(message);
    }
    params.insert(QLatin1StringView("messages"), messages);

    for (auto it = body.begin(); it != body.end(); ++it) {
        const QString key = it.key();
        const QJsonValue value = it.value();
        if (key == QLatin1StringView("model") || key == QLatin1StringView("messages")
            || key == QLatin1StringView("max_tokens") || key == QLatin1StringView("max_completion_tokens")
            || isDroppable(key, value))
            continue;
        if (key == QLatin1StringView("temperature")) {
            if (!value.isDouble() || value.toDouble() < 0 || value.toDouble() > 1)
                return fail(
                    problem,
                    tr("temperature is %1; Anthropic takes a number from 0 to 1.").arg(valueText(value)));
            params.insert(key, value);
        } else if (key == QLatin1StringView("top_p")) {
            if (!value.isDouble())
                return fail(problem, tr("top_p must be a number."));
            params.insert(key, value);
        } else if (key == QLatin1StringView("stop")) {
            QJsonArray sequences;
            if (!stopSequences(value, sequences, problem))
                return std::nullopt;
            if (!sequences.isEmpty())
                params.insert(QLatin1StringView("stop_sequences"), sequences);
        } else if (key == QLatin1StringView("user")) {
            params.insert(QLatin1StringView("metadata"), QJsonObject {{QLatin1StringView("user_id"), value}});
        } else if ((key == QLatin1StringView("presence_penalty")
                    || key == QLatin1StringView("frequency_penalty"))
                   && value.isDouble() && value.toDouble() == 0) {
            continue;
        } else if (key == QLatin1StringView("tools")) {
            QJsonArray tools;
            const QJsonArray openaiTools = value.toArray();
            for (qsizetype i = 0; i < openaiTools.size(); ++i) {
                const QJsonObject tool = openaiTools.at(i).toObject();
                const QJsonObject function = tool.value(QLatin1StringView("function")).toObject();
                const QString name = function.value(QLatin1StringView("name")).toString();
                if (tool.value(QLatin1StringView("type")).toString() != QLatin1StringView("function")
                    || name.isEmpty())
                    return fail(problem,
                                tr("tools[%1] is not a function tool with a name; Anthropic takes "
                                   "function tools only.")
                                    .arg(i));
                QJsonObject converted {{QLatin1StringView("name"), name}};
                if (function.contains(QLatin1StringView("description")))
                    converted.insert(QLatin1StringView("description"),
                                     function.value(QLatin1StringView("description")));
                QJsonObject schema = function.value(QLatin1StringView("parameters")).toObject();
                if (schema.isEmpty())
                    schema.insert(QLatin1StringView("type"), QLatin1StringView("object"));
                converted.insert(QLatin1StringView("input_schema"), schema);
                tools.append(converted);
            }
            params.insert(QLatin1StringView("tools"), tools);
        } else if (key == QLatin1StringView("tool_choice")) {
            const QString choice = value.toString();
            QJsonObject converted;
            if (choice == QLatin1StringView("auto"))
                converted.insert(QLatin1StringView("type"), QLatin1StringView("auto"));
            else if (choice == QLatin1StringView("required"))
                converted.insert(QLatin1StringView("type"), QLatin1StringView("any"));
            else if (choice == QLatin1StringView("none"))
                converted.insert(QLatin1StringView("type"), QLatin1StringView("none"));
            else if (const QString name = value.toObject()
                                              .value(QLatin1StringView("function"))
                                              .toObject()
                                              .value(QLatin1StringView("name"))
                                              .toString();
                     !name.isEmpty())
                converted = QJsonObject {{QLatin1StringView("type"), QLatin1StringView("tool")},
                                         {QLatin1StringView("name"), name}};
            else
                return fail(problem, tr("tool_choice %1 cannot convert to Anthropic.").arg(valueText(value)));
            params.insert(QLatin1StringView("tool_choice"), converted);
        } else {
            return fail(problem, unsupportedField(key, value, family));
        }
    }
    return QJsonObject {{QLatin1StringView("custom_id"), customId}, {QLatin1StringView("params"), params}};
}

std::optional<QJsonObject> chatToGemini(const QJsonObject &body, const QString &customId, QString *problem)
{
    const WireFamily family = WireFamily::Gemini;
    const QJsonValue model = body.value(QLatin1StringView("model"));
    if (!model.isString() || model.toString().isEmpty())
        return fail(problem, tr("model is missing; Gemini needs it for the batch."));
    ChatParts parts;
    if (!chatParts(body, family, parts, problem))
        return std::nullopt;
    QJsonObject request;
    QJsonArray contents;
    for (const ChatTurn &turn : parts.turns) {
        QJsonArray textParts;
        for (const QString &text : turn.texts)
            textParts.append(QJsonObject {{QLatin1StringView("text"), text}});
        contents.append(QJsonObject {
            {QLatin1StringView("role"),
             turn.role == QLatin1StringView("assistant") ? QStringLiteral("model") : QStringLiteral("user")},
            {QLatin1StringView("parts"), textParts}});
    }
    request.insert(QLatin1StringView("contents"), contents);
    if (!parts.system.isEmpty())
        request.insert(
            QLatin1StringView("systemInstruction"),
            QJsonObject {{QLatin1StringView("parts"),
                          QJsonArray {QJsonObject {
                              {QLatin1StringView("text"), parts.system.join(QStringLiteral("\n\n"))}}}}});

    QJsonObject config;
    for (auto it = body.begin(); it != body.end(); ++it) {
        const QString key = it.key();
        const QJsonValue value = it.value();
        if (key == QLatin1StringView("model") || key == QLatin1StringView("messages")
            || key == QLatin1StringView("user") || isDroppable(key, value))
            continue;
        if (key == QLatin1StringView("max_tokens") || key == QLatin1StringView("max_completion_tokens")) {
            const auto tokens = positiveInteger(value);
            if (!tokens)
                return fail(problem,
                            tr("%1 is %2; it must be a positive whole number.").arg(key, valueText(value)));
            config.insert(QLatin1StringView("maxOutputTokens"), *tokens);
        } else if (key == QLatin1StringView("temperature") || key == QLatin1StringView("top_p")
                   || key == QLatin1StringView("presence_penalty")
                   || key == QLatin1StringView("frequency_penalty") || key == QLatin1StringView("seed")) {
            if (!value.isDouble())
                return fail(problem, tr("%1 must be a number.").arg(key));
            static const QHash<QString, QString> names {
                {QStringLiteral("temperature"), QStringLiteral("temperature")},
                {QStringLiteral("top_p"), QStringLiteral("topP")},
                {QStringLiteral("presence_penalty"), QStringLiteral("presencePenalty")},
                {QStringLiteral("frequency_penalty"), QStringLiteral("frequencyPenalty")},
                {QStringLiteral("seed"), QStringLiteral("seed")}};
            config.insert(names.value(key), value);
        } else if (key == QLatin1StringView("stop")) {
            QJsonArray sequences;
            if (!stopSequences(value, sequences, problem))
                return std::nullopt;
            if (!sequences.isEmpty())
                config.insert(QLatin1StringView("stopSequences"), sequences);
        } else if (key == QLatin1StringView("response_format")
                   && value.toObject().value(QLatin1StringView("type")).toString()
                       == QLatin1StringView("json_object")) {
            config.insert(QLatin1StringView("responseMimeType"), QLatin1StringView("application/json"));
        } else {
            return fail(problem, unsupportedField(key, value, family));
        }
    }
    if (!config.isEmpty())
        request.insert(QLatin1StringView("generationConfig"), config);
    return QJsonObject {{QLatin1StringView("key"), customId}, {QLatin1StringView("request"), request}};
}

std::optional<QJsonObject> toMistral(const QJsonObject &body, const QString &url, const QString &customId,
                                     QString *problem)
{
    const QJsonValue model = body.value(QLatin1StringView("model"));
    if (!model.isString() || model.toString().isEmpty())
        return fail(problem, tr("model is missing; Mistral needs it for the batch job."));
    if (body.value(QLatin1StringView("stream")).toBool())
        return fail(problem, tr("stream is true; batch requests cannot stream."));
    QJsonObject out = body;
    out.remove(QLatin1StringView("model"));
    out.remove(QLatin1StringView("stream"));
    if (url == kChatCompletions) {
        // Mistral names the limit max_tokens and the developer role system.
        if (out.contains(QLatin1StringView("max_completion_tokens"))) {
            const QJsonValue limit = out.take(QLatin1StringView("max_completion_tokens"));
            if (isNullOrAbsent(out.value(QLatin1StringView("max_tokens"))))
                out.insert(QLatin1StringView("max_tokens"), limit);
        }
        QJsonArray messages = out.value(QLatin1StringView("messages")).toArray();
        bool changed = false;
        for (qsizetype i = 0; i < messages.size(); ++i) {
            QJsonObject message = messages.at(i).toObject();
            if (message.value(QLatin1StringView("role")).toString() == QLatin1StringView("developer")) {
                message.insert(QLatin1StringView("role"), QLatin1StringView("system"));
                messages.replace(i, message);
                changed = true;
            }
        }
        if (changed)
            out.insert(QLatin1StringView("messages"), messages);
    }
    return QJsonObject {{QLatin1StringView("custom_id"), customId}, {QLatin1StringView("body"), out}};
}

// Whether a line is already in the family's request format (and is passed through unchanged).
bool isTargetFormat(const QJsonObject &line, WireFamily family)
{
    if (line.contains(QLatin1StringView("method")) || line.contains(QLatin1StringView("url")))
        return false;
    switch (family) {
    case WireFamily::Anthropic:
        return line.value(QLatin1StringView("custom_id")).isString()
            && line.value(QLatin1StringView("params")).isObject();
    case WireFamily::Mistral:
        return line.value(QLatin1StringView("custom_id")).isString()
            && line.value(QLatin1StringView("body")).isObject();
    case WireFamily::Gemini:
        return line.value(QLatin1StringView("key")).isString()
            && line.value(QLatin1StringView("request")).isObject();
    case WireFamily::OpenAI:
        break;
    }
    return false;
}

} // namespace

bool isPortableCustomId(QStringView id)
{
    if (id.isEmpty() || id.size() > 64)
        return false;
    for (const QChar c : id) {
        const char16_t u = c.unicode();
        const bool ok = (u >= u'a' && u <= u'z') || (u >= u'A' && u <= u'Z') || (u >= u'0' && u <= u'9')
            || u == u'_' || u == u'-';
        if (!ok)
            return false;
    }
    return true;
}

std::optional<QJsonObject> convertRequestLine(const QJsonObject &openaiLine, WireFamily family,
                                              QString *problem)
{
    if (family == WireFamily::OpenAI || isTargetFormat(openaiLine, family))
        return openaiLine;
    const QJsonValue customId = openaiLine.value(QLatin1StringView("custom_id"));
    if (!customId.isString() || customId.toString().isEmpty())
        return fail(problem, tr("custom_id is missing or not a string."));
    const QJsonValue urlValue = openaiLine.value(QLatin1StringView("url"));
    if (!urlValue.isString())
        return fail(problem, tr("url is missing; the line is not an OpenAI batch request."));
    QString url = urlValue.toString();
    if (!url.startsWith(QLatin1StringView("/v1/")))
        url.prepend(QLatin1StringView("/v1")); // Azure's spelling
    const QJsonValue bodyValue = openaiLine.value(QLatin1StringView("body"));
    if (!bodyValue.isObject())
        return fail(problem, tr("body is missing or not an object."));
    const QJsonObject body = bodyValue.toObject();

    switch (family) {
    case WireFamily::Anthropic:
        if (url != kChatCompletions)
            return fail(problem,
                        tr("url %1 has no Anthropic equivalent; Anthropic batches take chat requests "
                           "(/v1/chat/completions) only.")
                            .arg(quoted(urlValue.toString())));
        return chatToAnthropic(body, customId.toString(), problem);
    case WireFamily::Gemini:
        if (url != kChatCompletions)
            return fail(problem,
                        tr("url %1 has no Gemini equivalent; Gemini batches take chat requests "
                           "(/v1/chat/completions) only.")
                            .arg(quoted(urlValue.toString())));
        return chatToGemini(body, customId.toString(), problem);
    case WireFamily::Mistral:
        if (url != kChatCompletions && url != kEmbeddings && url != kModerations)
            return fail(problem,
                        tr("url %1 has no Mistral equivalent; Mistral batches take /v1/chat/completions, "
                           "/v1/embeddings and /v1/moderations.")
                            .arg(quoted(urlValue.toString())));
        return toMistral(body, url, customId.toString(), problem);
    case WireFamily::OpenAI:
        break;
    }
    return openaiLine;
}

// ---- whole files ------------------------------------------------------------------------------------------

namespace {

// Reads the lines of a device in 1 MiB blocks. A line longer than kMaxLineBytes is skipped without being
// kept; its length is still reported.
class LineReader
{
public:
    enum class Status { Line, TooLong, End, Error };

    explicit LineReader(QIODevice &device)
        : m_device(device)
    { }

    // line: without its '\n'; bytes: what the line took in the file, its newline included.
    Status next(QByteArray &line, qint64 &bytes)
    {
        qint64 skipped = 0;
        qsizetype scan = m_pos;
        while (true) {
            const qsizetype nl = m_buffer.indexOf('\n', scan);
            if (nl >= 0) {
                bytes = skipped + (nl - m_pos) + 1;
                if (skipped == 0)
                    line = m_buffer.sliced(m_pos, nl - m_pos);
                m_pos = nl + 1;
                return skipped > 0 ? Status::TooLong : Status::Line;
            }
            if (m_buffer.size() - m_pos > kMaxLineBytes) {
                skipped += m_buffer.size() - m_pos;
                m_buffer.clear();
                m_pos = 0;
            }
            if (m_pos > 0) {
                m_buffer.remove(0, m_pos);
                m_pos = 0;
            }
            scan = m_buffer.size();
            if (!fill()) {
                if (m_failed)
                    return Status::Error;
                bytes = skipped + m_buffer.size();
                if (bytes == 0)
                    return Status::End;
                const bool tooLong = skipped > 0;
                if (!tooLong)
                    line = m_buffer;
                m_buffer.clear();
                return tooLong ? Status::TooLong : Status::Line;
            }
        }
    }

private:
    bool fill()
    {
        constexpr qsizetype kBlock = qsizetype(1) << 20;
        const qsizetype old = m_buffer.size();
        m_buffer.resize(old + kBlock);
        const qint64 n = m_device.read(m_buffer.data() + old, kBlock);
        m_buffer.resize(old + qsizetype(std::max<qint64>(n, 0)));
        m_failed = n < 0;
        return n > 0;
    }

    QIODevice &m_device;
    QByteArray m_buffer;
    qsizetype m_pos = 0;
    bool m_failed = false;
};

class FileConverter
{
public:
    FileConverter(WireFamily family, ConvertResult &result)
        : m_family(family)
        , m_result(result)
    { }

    void addProblem(qint64 line, const QString &message)
    {
        ++m_result.problemCount;
        if (m_result.diagnostics.size() < kMaxConvertDiagnostics)
            m_result.diagnostics.append(ConvertDiagnostic {line, message});
    }

    // Converts one line (without its newline); returns the bytes to write, or empty when it failed.
    QByteArray line(qint64 number, QByteArray text)
    {
        QJsonParseError error {};
        const QJsonDocument doc = QJsonDocument::fromJson(text, &error);
        if (error.error != QJsonParseError::NoError) {
            addProblem(number, tr("Not valid JSON: %1.").arg(error.errorString()));
            return {};
        }
        if (!doc.isObject()) {
            addProblem(number, tr("The line is not a JSON object."));
            return {};
        }
        const QJsonObject object = doc.object();
        QString model;
        QString endpoint;
        QByteArray out;
        if (isTargetFormat(object, m_family)) {
            out = text;
            if (m_family == WireFamily::Anthropic) {
                model = object.value(QLatin1StringView("params"))
                            .toObject()
                            .value(QLatin1StringView("model"))
                            .toString();
                endpoint = kChatCompletions;
            } else if (m_family == WireFamily::Gemini) {
                endpoint = kChatCompletions;
            } else {
                const QJsonObject body = object.value(QLatin1StringView("body")).toObject();
                model = body.value(QLatin1StringView("model")).toString();
                endpoint = body.contains(QLatin1StringView("messages")) ? QString(kChatCompletions)
                                                                        : QString(kEmbeddings);
            }
        } else {
            QString problem;
            const auto converted = convertRequestLine(object, m_family, &problem);
            if (!converted) {
                addProblem(number, problem);
                return {};
            }
            out = QJsonDocument(*converted).toJson(QJsonDocument::Compact);
            model = object.value(QLatin1StringView("body"))
                        .toObject()
                        .value(QLatin1StringView("model"))
                        .toString();
            endpoint = object.value(QLatin1StringView("url")).toString();
            if (!endpoint.isEmpty() && !endpoint.startsWith(QLatin1StringView("/v1/")))
                endpoint.prepend(QLatin1StringView("/v1"));
        }
        if (m_family == WireFamily::Anthropic) {
            const QString id = object.value(QLatin1StringView("custom_id")).toString();
            if (!isPortableCustomId(id)) {
                addProblem(number,
                           tr("custom_id %1 is not accepted by Anthropic: it must be 1 to 64 letters, "
                              "digits, \"_\" or \"-\".")
                               .arg(quoted(id)));
                return {};
            }
        }
        if (!endpoint.isEmpty()) {
            if (m_endpointLine == 0) {
                m_result.endpoint = endpoint;
                m_endpointLine = number;
            } else if (endpoint != m_result.endpoint) {
                addProblem(number,
                           tr("url %1 differs from %2 on line %3; one batch uses one endpoint.")
                               .arg(quoted(endpoint), quoted(m_result.endpoint))
                               .arg(m_endpointLine));
                return {};
            }
        }
        if (!model.isEmpty()) {
            if (m_modelLine == 0) {
                m_result.model = model;
                m_modelLine = number;
            } else if (model != m_result.model && !m_mixedModels) {
                if (m_family == WireFamily::Anthropic) {
                    m_mixedModels = true; // each Anthropic request names its own model
                } else {
                    addProblem(number,
                               tr("model %1 differs from %2 on line %3; one %4 batch runs one model.")
                                   .arg(quoted(model), quoted(m_result.model))
                                   .arg(m_modelLine)
                                   .arg(familyName(m_family)));
                    return {};
                }
            }
        }
        return out;
    }

    bool mixedModels() const { return m_mixedModels; }

private:
    WireFamily m_family;
    ConvertResult &m_result;
    qint64 m_endpointLine = 0;
    qint64 m_modelLine = 0;
    bool m_mixedModels = false;
};

} // namespace

ConvertResult convertRequestFile(const QString &inPath, WireFamily family, const QString &outPath,
                                 const std::function<bool(qint64, qint64)> &progress)
{
    ConvertResult result;
    QFile in(inPath);
    if (!in.open(QIODevice::ReadOnly)) {
        result.error = tr("Cannot open %1: %2").arg(inPath, in.errorString());
        return result;
    }
    const qint64 total = in.size();
    QSaveFile out(outPath);
    if (!out.open(QIODevice::WriteOnly)) {
        result.error = tr("Cannot write %1: %2").arg(outPath, out.errorString());
        return result;
    }
    FileConverter converter(family, result);
    bool writing = true; // false after the first problem: the output will not be kept
    const auto write = [&](QByteArrayView bytes) {
        if (!writing)
            return;
        if (out.write(bytes.data(), bytes.size()) != bytes.size()) {
            writing = false;
            result.error = tr("Cannot write %1: %2").arg(outPath, out.errorString());
        } else {
            result.outputBytes += bytes.size();
        }
    };
    if (family == WireFamily::Anthropic)
        write("{\"requests\":[");

    qint64 done = 0;
    qint64 nextProgress = 0;
    qint64 number = 0;
    LineReader reader(in);
    QByteArray line;
    while (true) {
        if (progress && done >= nextProgress) {
            nextProgress = done + kProgressStep;
            if (!progress(done, total)) {
                out.cancelWriting();
                result.canceled = true;
                return result;
            }
        }
        qint64 length = 0;
        const LineReader::Status status = reader.next(line, length);
        if (status == LineReader::Status::End)
            break;
        if (status == LineReader::Status::Error) {
            out.cancelWriting();
            result.error = tr("Cannot read %1: %2").arg(inPath, in.errorString());
            return result;
        }
        ++number;
        done += length;
        if (status == LineReader::Status::TooLong) {
            converter.addProblem(number,
                                 tr("The line is %1 MB long; no provider accepts a request that large.")
                                     .arg(double(length) / 1e6, 0, 'f', 1));
            writing = false;
            continue;
        }
        while (line.endsWith('\r'))
            line.chop(1);
        if (number == 1 && line.startsWith("\xEF\xBB\xBF"))
            line.remove(0, 3);
        if (line.trimmed().isEmpty())
            continue;
        const QByteArray converted = converter.line(number, line);
        if (converted.isEmpty()) {
            writing = false;
            continue;
        }
        if (family == WireFamily::Anthropic) {
            if (result.lines > 0)
                write(",");
            write(converted);
        } else {
            write(converted);
            write("\n");
        }
        ++result.lines;
    }
    if (family == WireFamily::Anthropic)
        write("]}");
    if (converter.mixedModels())
        result.model.clear();
    if (result.lines == 0 && result.problemCount == 0)
        converter.addProblem(0, tr("The file contains no requests."));
    if (!result.error.isEmpty() || result.problemCount > 0) {
        out.cancelWriting();
        return result;
    }
    if (!out.commit()) {
        result.error = tr("Cannot write %1: %2").arg(outPath, out.errorString());
        return result;
    }
    if (progress)
        progress(total, total);
    result.ok = true;
    return result;
}

// ---- results ----------------------------------------------------------------------------------------------

namespace {

QByteArray compact(const QJsonObject &object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

QJsonObject errorLine(const QString &customId, const QJsonValue &response, const QString &code,
                      const QString &message)
{
    return QJsonObject {
        {QLatin1StringView("id"), QString(QStringLiteral("batch_req_") + customId)},
        {QLatin1StringView("custom_id"), customId},
        {QLatin1StringView("response"), response},
        {QLatin1StringView("error"),
         QJsonObject {{QLatin1StringView("code"), code}, {QLatin1StringView("message"), message}}}};
}

QJsonObject errorResponse(int status, const QString &type, const QString &message)
{
    return QJsonObject {{QLatin1StringView("status_code"), status},
                        {QLatin1StringView("request_id"), QJsonValue::Null},
                        {QLatin1StringView("body"),
                         QJsonObject {{QLatin1StringView("error"),
                                       QJsonObject {{QLatin1StringView("message"), message},
                                                    {QLatin1StringView("type"), type},
                                                    {QLatin1StringView("param"), QJsonValue::Null},
                                                    {QLatin1StringView("code"), type}}}}}};
}

QJsonObject successLine(const QString &customId, const QString &requestId, const QJsonObject &body)
{
    return QJsonObject {{QLatin1StringView("id"), QString(QStringLiteral("batch_req_") + customId)},
                        {QLatin1StringView("custom_id"), customId},
                        {QLatin1StringView("response"),
                         QJsonObject {{QLatin1StringView("status_code"), 200},
                                      {QLatin1StringView("request_id"),
                                       requestId.isEmpty() ? QJsonValue() : QJsonValue(requestId)},
                                      {QLatin1StringView("body"), body}}},
                        {QLatin1StringView("error"), QJsonValue::Null}};
}

QJsonObject chatCompletion(const QString &id, const QString &model, const QJsonObject &message,
                           const QString &finishReason, qint64 prompt, qint64 completion, qint64 totalTokens,
                           qint64 cached)
{
    QJsonObject usage {{QLatin1StringView("prompt_tokens"), prompt},
                       {QLatin1StringView("completion_tokens"), completion},
                       {QLatin1StringView("total_tokens"), totalTokens}};
    if (cached > 0)
        usage.insert(QLatin1StringView("prompt_tokens_details"),
                     QJsonObject {{QLatin1StringView("cached_tokens"), cached}});
    QJsonObject body {{QLatin1StringView("object"), QLatin1StringView("chat.completion")},
                      {QLatin1StringView("model"), model},
                      {QLatin1StringView("choices"),
                       QJsonArray {QJsonObject {{QLatin1StringView("index"), 0},
                                                {QLatin1StringView("message"), message},
                                                {QLatin1StringView("logprobs"), QJsonValue::Null},
                                                {QLatin1StringView("finish_reason"), finishReason}}}},
                      {QLatin1StringView("usage"), usage}};
    if (!id.isEmpty())
        body.insert(QLatin1StringView("id"), id);
    return body;
}

qint64 count(const QJsonObject &object, QLatin1StringView key)
{
    const QJsonValue v = object.value(key);
    if (v.isString())
        return v.toString().toLongLong(); // Google's int64 values are JSON strings
    return v.toInteger();
}

QByteArray anthropicResult(const QJsonObject &root, QString *problem)
{
    const QString customId = root.value(QLatin1StringView("custom_id")).toString();
    const QJsonObject result = root.value(QLatin1StringView("result")).toObject();
    const QString type = result.value(QLatin1StringView("type")).toString();
    if (customId.isEmpty() || type.isEmpty()) {
        if (problem)
            *problem =
                tr("The line is not an Anthropic batch result (custom_id and result.type are needed).");
        return {};
    }
    if (type == QLatin1StringView("succeeded")) {
        const QJsonObject message = result.value(QLatin1StringView("message")).toObject();
        QString text;
        QJsonArray toolCalls;
        for (const QJsonValue &blockValue : message.value(QLatin1StringView("content")).toArray()) {
            const QJsonObject block = blockValue.toObject();
            const QString blockType = block.value(QLatin1StringView("type")).toString();
            if (blockType == QLatin1StringView("text")) {
                text += block.value(QLatin1StringView("text")).toString();
            } else if (blockType == QLatin1StringView("tool_use")) {
                const QJsonValue input = block.value(QLatin1StringView("input"));
                toolCalls.append(QJsonObject {
                    {QLatin1StringView("id"), block.value(QLatin1StringView("id"))},
                    {QLatin1StringView("type"), QLatin1StringView("function")},
                    {QLatin1StringView("function"),
                     QJsonObject {
                         {QLatin1StringView("name"), block.value(QLatin1StringView("name"))},
                         {QLatin1StringView("arguments"), QString::fromUtf8(compact(input.toObject()))}}}});
            }
        }
        QJsonObject chatMessage {{QLatin1StringView("role"), QLatin1StringView("assistant")},
                                 {QLatin1StringView("content"),
                                  text.isEmpty() && !toolCalls.isEmpty() ? QJsonValue() : QJsonValue(text)}};
        if (!toolCalls.isEmpty())
            chatMessage.insert(QLatin1StringView("tool_calls"), toolCalls);
        const QString stop = message.value(QLatin1StringView("stop_reason")).toString();
        QString finish = stop;
        if (stop == QLatin1StringView("end_turn") || stop == QLatin1StringView("stop_sequence")
            || stop == QLatin1StringView("pause_turn") || stop.isEmpty())
            finish = QStringLiteral("stop");
        else if (stop == QLatin1StringView("max_tokens"))
            finish = QStringLiteral("length");
        else if (stop == QLatin1StringView("tool_use"))
            finish = QStringLiteral("tool_calls");
        else if (stop == QLatin1StringView("refusal"))
            finish = QStringLiteral("content_filter");
        const QJsonObject usage = message.value(QLatin1StringView("usage")).toObject();
        const qint64 cacheRead = count(usage, QLatin1StringView("cache_read_input_tokens"));
        const qint64 prompt = count(usage, QLatin1StringView("input_tokens"))
            + count(usage, QLatin1StringView("cache_creation_input_tokens")) + cacheRead;
        const qint64 completion = count(usage, QLatin1StringView("output_tokens"));
        const QString id = message.value(QLatin1StringView("id")).toString();
        return compact(
            successLine(customId, id,
                        chatCompletion(id, message.value(QLatin1StringView("model")).toString(), chatMessage,
                                       finish, prompt, completion, prompt + completion, cacheRead)));
    }
    if (type == QLatin1StringView("errored")) {
        QJsonObject error = result.value(QLatin1StringView("error")).toObject();
        if (error.value(QLatin1StringView("error")).isObject())
            error = error.value(QLatin1StringView("error")).toObject(); // {"type":"error","error":{…}}
        QString code = error.value(QLatin1StringView("type")).toString();
        if (code.isEmpty())
            code = QStringLiteral("api_error");
        const QString message = error.value(QLatin1StringView("message")).toString();
        const int status =
            (code == QLatin1StringView("api_error") || code == QLatin1StringView("overloaded_error")) ? 500
                                                                                                      : 400;
        return compact(errorLine(customId, errorResponse(status, code, message), code, message));
    }
    if (type == QLatin1StringView("canceled"))
        return compact(errorLine(customId, QJsonValue::Null, QStringLiteral("batch_cancelled"),
                                 tr("The batch was canceled before this request ran.")));
    if (type == QLatin1StringView("expired"))
        return compact(errorLine(customId, QJsonValue::Null, QStringLiteral("batch_expired"),
                                 tr("The batch expired before this request ran.")));
    if (problem)
        *problem = tr("The result type %1 is unknown.").arg(quoted(type));
    return {};
}

// The HTTP status of a Google error: its code when that is one, else from its status name or gRPC code.
int googleHttpStatus(const QJsonObject &error)
{
    const qint64 code = count(error, QLatin1StringView("code"));
    if (code >= 100 && code <= 599)
        return int(code);
    static const QHash<QString, int> byName {{QStringLiteral("CANCELLED"), 499},
                                             {QStringLiteral("UNKNOWN"), 500},
                                             {QStringLiteral("INVALID_ARGUMENT"), 400},
                                             {QStringLiteral("DEADLINE_EXCEEDED"), 504},
                                             {QStringLiteral("NOT_FOUND"), 404},
                                             {QStringLiteral("ALREADY_EXISTS"), 409},
                                             {QStringLiteral("PERMISSION_DENIED"), 403},
                                             {QStringLiteral("RESOURCE_EXHAUSTED"), 429},
                                             {QStringLiteral("FAILED_PRECONDITION"), 400},
                                             {QStringLiteral("ABORTED"), 409},
                                             {QStringLiteral("OUT_OF_RANGE"), 400},
                                             {QStringLiteral("UNIMPLEMENTED"), 501},
                                             {QStringLiteral("INTERNAL"), 500},
                                             {QStringLiteral("UNAVAILABLE"), 503},
                                             {QStringLiteral("DATA_LOSS"), 500},
                                             {QStringLiteral("UNAUTHENTICATED"), 401}};
    const QString status = error.value(QLatin1StringView("status")).toString();
    if (byName.contains(status))
        return byName.value(status);
    // google.rpc.Status carries the gRPC code (3 = INVALID_ARGUMENT …).
    static const int byGrpc[] = {200, 499, 500, 400, 504, 404, 409, 403, 429,
                                 400, 409, 400, 501, 500, 503, 500, 401};
    if (code >= 1 && code <= 16)
        return byGrpc[code];
    return 500;
}

QByteArray geminiResult(const QJsonObject &root, QString *problem)
{
    const QString key = root.value(QLatin1StringView("key")).toString();
    if (key.isEmpty()) {
        if (problem)
            *problem = tr("The line is not a Gemini batch result (key is missing).");
        return {};
    }
    if (root.value(QLatin1StringView("error")).isObject()) {
        const QJsonObject error = root.value(QLatin1StringView("error")).toObject();
        const int status = googleHttpStatus(error);
        QString code = error.value(QLatin1StringView("status")).toString();
        if (code.isEmpty())
            code = QStringLiteral("http_%1").arg(status);
        const QString message = error.value(QLatin1StringView("message")).toString();
        return compact(errorLine(key, errorResponse(status, code, message), code, message));
    }
    if (!root.value(QLatin1StringView("response")).isObject()) {
        if (problem)
            *problem = tr("The Gemini result has neither a response nor an error.");
        return {};
    }
    const QJsonObject response = root.value(QLatin1StringView("response")).toObject();
    const QJsonArray candidates = response.value(QLatin1StringView("candidates")).toArray();
    const QJsonObject candidate = candidates.isEmpty() ? QJsonObject() : candidates.first().toObject();
    QString text;
    for (const QJsonValue &partValue : candidate.value(QLatin1StringView("content"))
                                           .toObject()
                                           .value(QLatin1StringView("parts"))
                                           .toArray()) {
        const QJsonObject part = partValue.toObject();
        if (part.value(QLatin1StringView("thought")).toBool())
            continue;
        text += part.value(QLatin1StringView("text")).toString();
    }
    const QString reason = candidate.value(QLatin1StringView("finishReason")).toString();
    QString finish;
    if (candidates.isEmpty())
        finish = QStringLiteral("content_filter"); // the prompt was blocked (promptFeedback)
    else if (reason == QLatin1StringView("MAX_TOKENS"))
        finish = QStringLiteral("length");
    else if (reason == QLatin1StringView("SAFETY") || reason == QLatin1StringView("RECITATION")
             || reason == QLatin1StringView("BLOCKLIST") || reason == QLatin1StringView("PROHIBITED_CONTENT")
             || reason == QLatin1StringView("SPII") || reason == QLatin1StringView("IMAGE_SAFETY"))
        finish = QStringLiteral("content_filter");
    else if (reason == QLatin1StringView("STOP") || reason.isEmpty())
        finish = QStringLiteral("stop");
    else
        finish = reason.toLower();
    const QJsonObject usage = response.value(QLatin1StringView("usageMetadata")).toObject();
    const qint64 prompt = count(usage, QLatin1StringView("promptTokenCount"));
    // Thinking tokens are billed as output, as OpenAI counts reasoning tokens in completion_tokens.
    const qint64 completion = count(usage, QLatin1StringView("candidatesTokenCount"))
        + count(usage, QLatin1StringView("thoughtsTokenCount"));
    qint64 totalTokens = count(usage, QLatin1StringView("totalTokenCount"));
    if (totalTokens == 0)
        totalTokens = prompt + completion;
    const QJsonObject message {
        {QLatin1StringView("role"), QLatin1StringView("assistant")},
        {QLatin1StringView("content"), candidates.isEmpty() ? QJsonValue() : QJsonValue(text)}};
    const QString id = response.value(QLatin1StringView("responseId")).toString();
    return compact(
        successLine(key, id,
                    chatCompletion(id, response.value(QLatin1StringView("modelVersion")).toString(), message,
                                   finish, prompt, completion, totalTokens,
                                   count(usage, QLatin1StringView("cachedContentTokenCount")))));
}

QByteArray openaiResult(const QJsonObject &root, QString *problem)
{
    const QString customId = root.value(QLatin1StringView("custom_id")).toString();
    if (customId.isEmpty()) {
        if (problem)
            *problem = tr("The result line has no custom_id.");
        return {};
    }
    const QJsonValue response = root.value(QLatin1StringView("response"));
    QJsonValue error = root.value(QLatin1StringView("error"));
    if (response.isUndefined() && error.isUndefined()) {
        if (problem)
            *problem = tr("The result line has neither a response nor an error.");
        return {};
    }
    if (error.isString()) // some servers send the error as plain text
        error = QJsonObject {{QLatin1StringView("code"), QLatin1StringView("error")},
                             {QLatin1StringView("message"), error}};
    else if (!error.isObject())
        error = QJsonValue::Null;
    QString id = root.value(QLatin1StringView("id")).toString();
    if (id.isEmpty())
        id = QStringLiteral("batch_req_") + customId;
    return compact(
        QJsonObject {{QLatin1StringView("id"), id},
                     {QLatin1StringView("custom_id"), customId},
                     {QLatin1StringView("response"), response.isObject() ? response : QJsonValue()},
                     {QLatin1StringView("error"), error}});
}

} // namespace

QByteArray resultLineToOpenAI(QByteArrayView line, WireFamily family, QString *problem)
{
    QJsonParseError error {};
    const QJsonDocument doc = QJsonDocument::fromJson(line.toByteArray(), &error);
    if (error.error != QJsonParseError::NoError || !doc.isObject()) {
        if (problem)
            *problem = error.error != QJsonParseError::NoError
                ? tr("Not valid JSON: %1.").arg(error.errorString())
                : tr("The result line is not a JSON object.");
        return {};
    }
    switch (family) {
    case WireFamily::Anthropic:
        return anthropicResult(doc.object(), problem);
    case WireFamily::Gemini:
        return geminiResult(doc.object(), problem);
    case WireFamily::Mistral:
    case WireFamily::OpenAI:
        break;
    }
    return openaiResult(doc.object(), problem);
}

ResultLineConverter::ResultLineConverter(WireFamily family)
    : m_family(family)
{ }

void ResultLineConverter::convertLine(QByteArrayView line, QByteArray &out)
{
    ++m_line;
    while (line.endsWith('\r'))
        line.chop(1);
    if (line.trimmed().isEmpty())
        return;
    QString problem;
    const QByteArray converted = resultLineToOpenAI(line, m_family, &problem);
    if (converted.isEmpty()) {
        if (m_failed++ == 0)
            m_firstProblem = tr("line %1: %2").arg(m_line).arg(problem);
        return;
    }
    ++m_converted;
    out += converted;
    out += '\n';
}

QByteArray ResultLineConverter::feed(QByteArrayView chunk)
{
    QByteArray out;
    qsizetype pos = 0;
    while (pos < chunk.size()) {
        const qsizetype nl = chunk.indexOf('\n', pos);
        if (nl < 0) {
            if (!m_skipping) {
                m_pending.append(chunk.sliced(pos));
                if (m_pending.size() > kMaxLineBytes) {
                    m_pending.clear();
                    m_pending.squeeze();
                    m_skipping = true;
                }
            }
            break;
        }
        const QByteArrayView piece = chunk.sliced(pos, nl - pos);
        if (m_skipping) {
            m_skipping = false;
            ++m_line;
            if (m_failed++ == 0)
                m_firstProblem = tr("line %1: %2").arg(m_line).arg(tr("The line is longer than 64 MB."));
        } else if (m_pending.isEmpty()) {
            convertLine(piece, out);
        } else {
            m_pending.append(piece);
            convertLine(m_pending, out);
            m_pending.clear();
        }
        pos = nl + 1;
    }
    return out;
}

QByteArray ResultLineConverter::finish()
{
    QByteArray out;
    if (m_skipping) {
        m_skipping = false;
        ++m_line;
        if (m_failed++ == 0)
            m_firstProblem = tr("line %1: %2").arg(m_line).arg(tr("The line is longer than 64 MB."));
    } else if (!m_pending.isEmpty()) {
        convertLine(m_pending, out);
        m_pending.clear();
    }
    return out;
}

} // namespace Batchdesk::Jsonl
