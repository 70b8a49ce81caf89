#include "validator.h"
#include "common/translate.h"
#include "dialectconvert.h"

#include "common/logging.h"
#include "jsontext_p.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>
#include <QPromise>
#include <QThread>
#include <QtConcurrent/QtConcurrentRun>

#include <simdjson.h>

#include <algorithm>
#if defined(__SSE2__)
#include <emmintrin.h>
#endif
#include <array>
#include <bit>
#include <cmath>
#include <condition_variable>
#include <cstring>
#include <mutex>
#include <string>
#include <string_view>
#include <thread>
#include <unordered_map>

namespace Batchdesk::Jsonl {

namespace ondemand = simdjson::ondemand;
using Detail::qs;

namespace {

constexpr std::size_t kReadSize = std::size_t(1) << 20;
constexpr std::size_t kPadding = simdjson::SIMDJSON_PADDING;
constexpr std::uint32_t kNone = UINT32_MAX;
// A line longer than this is not buffered or parsed: no provider accepts a single request that large, and a
// 2 GB file without newlines must not cost 2 GB of memory.
constexpr std::size_t kMaxLineBytes = std::size_t(64) << 20;
// Below this size a second thread costs more than it saves.
constexpr qint64 kParallelThreshold = 4 << 20;

QString tr(const char *text)
{
    return Batchdesk::translateIn(
        {"Batchdesk::Jsonl::Validator", "Batchdesk::Jsonl::ChunkValidator", "Batchdesk::Jsonl"}, text);
}

QString trn(const char *text, qint64 n)
{
    return QCoreApplication::translate("Batchdesk::Jsonl::Validator", text, nullptr, int(n));
}

// Quotes a user value for a message, shortened so that a 10 kB custom_id does not flood the issues list.
QString quote(std::string_view sv)
{
    QString s = qs(sv);
    if (s.size() > 80)
        s = s.left(77) + QStringLiteral("...");
    return u'"' + s + u'"';
}

QString number(qint64 n)
{
    // Messages are also read by scripts; group digits the same way in every locale.
    static const QLocale english(QLocale::English, QLocale::UnitedStates);
    return english.toString(n);
}

qint64 codePoints(std::string_view s)
{
    qint64 n = 0;
    for (unsigned char c : s)
        n += (c & 0xC0) != 0x80;
    return n;
}

// Byte offset of the first byte that breaks UTF-8 (the validator only needs it on the rare failing line).
qsizetype firstInvalidUtf8(const char *p, std::size_t len)
{
    std::size_t i = 0;
    while (i < len) {
        const auto c = static_cast<unsigned char>(p[i]);
        std::size_t n = 0;
        std::uint32_t cp = 0;
        if (c < 0x80) {
            ++i;
            continue;
        } else if ((c & 0xE0) == 0xC0) {
            n = 1;
            cp = c & 0x1F;
        } else if ((c & 0xF0) == 0xE0) {
            n = 2;
            cp = c & 0x0F;
        } else if ((c & 0xF8) == 0xF0) {
            n = 3;
            cp = c & 0x07;
        } else {
            return qsizetype(i);
        }
        if (i + n >= len)
            return qsizetype(i);
        for (std::size_t k = 1; k <= n; ++k) {
            const auto cc = static_cast<unsigned char>(p[i + k]);
            if ((cc & 0xC0) != 0x80)
                return qsizetype(i);
            cp = (cp << 6) | (cc & 0x3F);
        }
        if ((n == 1 && cp < 0x80) || (n == 2 && cp < 0x800) || (n == 3 && (cp < 0x10000 || cp > 0x10FFFF))
            || (cp >= 0xD800 && cp <= 0xDFFF))
            return qsizetype(i);
        i += n + 1;
    }
    return qsizetype(len);
}

struct LineRecord
{
    qint64 line;
    std::uint32_t model;
    std::uint32_t url;
};

struct IdRecord
{
    qint64 line;
    std::size_t offset;
    std::size_t length;
};

// What one worker learned about its byte range. Line numbers are local to the range until merged.
struct ChunkResult
{
    qint64 lines = 0;
    qint64 nonBlankLines = 0;
    std::vector<qint64> starts;
    CodeCounts counts {};
    QList<Diagnostic> diagnostics;
    bool truncated = false;
    std::string idArena;
    std::vector<IdRecord> ids;
    std::vector<std::string> models;
    std::vector<std::string> urls;
    std::unordered_map<std::string, std::uint32_t> modelIds;
    std::unordered_map<std::string, std::uint32_t> urlIds;
    std::vector<LineRecord> records;
    qint64 embeddingInputs = 0;
    qint64 firstCrlfLine = 0;
    qint64 crlfLines = 0;
    bool bom = false;
    bool endsWithNewline = false;
    QString ioError;
};

enum class Presence : quint8 { Absent, Null, Present };

struct LineFacts
{
    Presence customId = Presence::Absent;
    bool customIdIsString = false;
    std::string_view customIdValue;
    const char *customIdType = "";

    Presence method = Presence::Absent;
    bool methodIsString = false;
    std::string_view methodValue;

    Presence url = Presence::Absent;
    bool urlIsString = false;
    std::string_view urlValue;

    Presence body = Presence::Absent;
    bool bodyIsObject = false;

    Presence model = Presence::Absent;
    bool modelIsString = false;
    std::string_view modelValue;

    Presence messages = Presence::Absent;
    bool messagesIsArray = false;
    qint64 messageCount = 0;
    qint64 badMessage = -1;
    const char *badMessageReason = nullptr;

    Presence prompt = Presence::Absent;

    Presence input = Presence::Absent;
    const char *inputProblem = nullptr;
    qint64 inputCount = 0;

    bool stream = false;
};

const char *typeName(ondemand::json_type t)
{
    switch (t) {
    case ondemand::json_type::array:
        return "an array";
    case ondemand::json_type::object:
        return "an object";
    case ondemand::json_type::number:
        return "a number";
    case ondemand::json_type::string:
        return "a string";
    case ondemand::json_type::boolean:
        return "a boolean";
    case ondemand::json_type::null:
        return "null";
    }
    return "a value";
}

// Hex digit values, -1 for anything else.
constexpr std::array<signed char, 256> kHex = [] {
    std::array<signed char, 256> t {};
    for (auto &v : t)
        v = -1;
    for (int c = '0'; c <= '9'; ++c)
        t[std::size_t(c)] = static_cast<signed char>(c - '0');
    for (int c = 'a'; c <= 'f'; ++c)
        t[std::size_t(c)] = static_cast<signed char>(c - 'a' + 10);
    for (int c = 'A'; c <= 'F'; ++c)
        t[std::size_t(c)] = static_cast<signed char>(c - 'A' + 10);
    return t;
}();

// Reads 4 hex digits at p (p + 4 <= end); -1 when they are not hex.
inline int hex4(const char *p)
{
    const int a = kHex[static_cast<unsigned char>(p[0])];
    const int b = kHex[static_cast<unsigned char>(p[1])];
    const int c = kHex[static_cast<unsigned char>(p[2])];
    const int d = kHex[static_cast<unsigned char>(p[3])];
    if ((a | b | c | d) < 0)
        return -1;
    return (a << 12) | (b << 8) | (c << 4) | d;
}

// First backslash in [p, end), or end. Sixteen bytes at a time with SSE2 (part of every x86-64 CPU), eight
// with plain 64-bit words elsewhere: escapes are frequent in prompts, and a memchr call per escape cost more
// than the scan itself.
const char *findBackslash(const char *p, const char *end)
{
#if defined(__SSE2__)
    const __m128i backslashes = _mm_set1_epi8('\\');
    while (end - p >= 16) {
        const __m128i chunk = _mm_loadu_si128(reinterpret_cast<const __m128i *>(p));
        const int mask = _mm_movemask_epi8(_mm_cmpeq_epi8(chunk, backslashes));
        if (mask)
            return p + std::countr_zero(unsigned(mask));
        p += 16;
    }
#else
    constexpr std::uint64_t kOnes = 0x0101010101010101ull;
    constexpr std::uint64_t kHighs = 0x8080808080808080ull;
    constexpr std::uint64_t kBackslashes = 0x5C5C5C5C5C5C5C5Cull;
    while (end - p >= 8) {
        std::uint64_t word;
        std::memcpy(&word, p, 8);
        const std::uint64_t x = word ^ kBackslashes;
        const std::uint64_t found = (x - kOnes) & ~x & kHighs;
        if (found) {
            if constexpr (std::endian::native == std::endian::little)
                return p + (std::countr_zero(found) >> 3);
            else
                break;
        }
        p += 8;
    }
#endif
    while (p < end && *p != '\\')
        ++p;
    return p;
}

// Checks the escapes of a string token without unescaping it into a buffer: most of a request's bytes are
// message text that the validator never needs, and copying it was a third of the run time. Stage 1 has
// already checked UTF-8, the closing quote and unescaped control characters; this applies the same escape
// rules as simdjson's own string parser (valid escape letters, four hex digits, paired surrogates).
simdjson::error_code checkStringToken(std::string_view token)
{
    while (!token.empty()
           && (token.back() == ' ' || token.back() == '\t' || token.back() == '\n' || token.back() == '\r'))
        token.remove_suffix(1);
    if (token.size() < 2 || token.front() != '"' || token.back() != '"')
        return simdjson::STRING_ERROR;
    const char *p = token.data() + 1;
    const char *end = token.data() + token.size() - 1;
    while (p < end) {
        p = findBackslash(p, end);
        if (p == end)
            return simdjson::SUCCESS;
        ++p;
        if (p >= end)
            return simdjson::STRING_ERROR;
        switch (*p) {
        case '"':
        case '\\':
        case '/':
        case 'b':
        case 'f':
        case 'n':
        case 'r':
        case 't':
            ++p;
            break;
        case 'u': {
            if (end - p < 5)
                return simdjson::STRING_ERROR;
            const int cp = hex4(p + 1);
            if (cp < 0)
                return simdjson::STRING_ERROR;
            p += 5;
            if (cp >= 0xDC00 && cp <= 0xDFFF)
                return simdjson::STRING_ERROR; // a low surrogate on its own
            if (cp >= 0xD800 && cp <= 0xDBFF) {
                if (end - p < 6 || p[0] != '\\' || p[1] != 'u')
                    return simdjson::STRING_ERROR;
                const int low = hex4(p + 2);
                if (low < 0xDC00 || low > 0xDFFF)
                    return simdjson::STRING_ERROR;
                p += 6;
            }
            break;
        }
        default:
            return simdjson::STRING_ERROR;
        }
    }
    return simdjson::SUCCESS;
}

// Walks every value so that malformed JSON anywhere in the line is found, not only in the fields we read.
simdjson::error_code walk(ondemand::value value)
{
    ondemand::json_type type;
    if (auto e = value.type().get(type))
        return e;
    // The sandbox and the providers refuse deeper lines; refusing them here also bounds this recursion.
    if ((type == ondemand::json_type::object || type == ondemand::json_type::array)
        && value.current_depth() > kMaxNestingDepth)
        return simdjson::DEPTH_ERROR;
    switch (type) {
    case ondemand::json_type::object: {
        ondemand::object object;
        if (auto e = value.get_object().get(object))
            return e;
        for (auto fieldResult : object) {
            ondemand::field field;
            if (auto e = std::move(fieldResult).get(field))
                return e;
            std::string_view key;
            if (auto e = field.unescaped_key().get(key))
                return e;
            if (auto e = walk(field.value()))
                return e;
        }
        return simdjson::SUCCESS;
    }
    case ondemand::json_type::array: {
        ondemand::array array;
        if (auto e = value.get_array().get(array))
            return e;
        for (auto element : array) {
            ondemand::value v;
            if (auto e = element.get(v))
                return e;
            if (auto e = walk(v))
                return e;
        }
        return simdjson::SUCCESS;
    }
    case ondemand::json_type::string:
        return checkStringToken(value.raw_json_token());
    case ondemand::json_type::number: {
        ondemand::number n;
        return value.get_number().get(n);
    }
    case ondemand::json_type::boolean: {
        bool b;
        return value.get_bool().get(b);
    }
    case ondemand::json_type::null: {
        bool isNull = false;
        if (auto e = value.is_null().get(isNull))
            return e;
        return isNull ? simdjson::SUCCESS : simdjson::N_ATOM_ERROR;
    }
    }
    return simdjson::INCORRECT_TYPE;
}

// Reads a string-or-other field: records presence, whether it is a string and its value, and walks the rest.
simdjson::error_code readStringField(ondemand::value value, Presence &presence, bool &isString,
                                     std::string_view &out, const char **typeOut = nullptr)
{
    ondemand::json_type type;
    if (auto e = value.type().get(type))
        return e;
    if (typeOut)
        *typeOut = typeName(type);
    if (type == ondemand::json_type::null) {
        presence = Presence::Null;
        return walk(value);
    }
    presence = Presence::Present;
    if (type == ondemand::json_type::string) {
        isString = true;
        return value.get_string().get(out);
    }
    isString = false;
    return walk(value);
}

simdjson::error_code readMessages(ondemand::value value, LineFacts &f)
{
    ondemand::json_type type;
    if (auto e = value.type().get(type))
        return e;
    if (type == ondemand::json_type::null) {
        f.messages = Presence::Null;
        return walk(value);
    }
    f.messages = Presence::Present;
    if (type != ondemand::json_type::array)
        return walk(value);
    f.messagesIsArray = true;
    ondemand::array array;
    if (auto e = value.get_array().get(array))
        return e;
    for (auto elementResult : array) {
        ondemand::value element;
        if (auto e = elementResult.get(element))
            return e;
        const qint64 index = f.messageCount++;
        ondemand::json_type elementType;
        if (auto e = element.type().get(elementType))
            return e;
        if (elementType != ondemand::json_type::object) {
            if (f.badMessage < 0) {
                f.badMessage = index;
                f.badMessageReason = QT_TRANSLATE_NOOP("Batchdesk::Jsonl::Validator", "is not an object");
            }
            if (auto e = walk(element))
                return e;
            continue;
        }
        ondemand::object message;
        if (auto e = element.get_object().get(message))
            return e;
        bool hasRole = false;
        bool roleIsString = false;
        for (auto fieldResult : message) {
            ondemand::field field;
            if (auto e = std::move(fieldResult).get(field))
                return e;
            std::string_view key;
            if (auto e = field.unescaped_key().get(key))
                return e;
            if (key == "role") {
                Presence p = Presence::Absent;
                std::string_view role;
                if (auto e = readStringField(field.value(), p, roleIsString, role))
                    return e;
                hasRole = p == Presence::Present;
                roleIsString = roleIsString && !role.empty();
            } else if (auto e = walk(field.value())) {
                return e;
            }
        }
        if (f.badMessage < 0 && (!hasRole || !roleIsString)) {
            f.badMessage = index;
            f.badMessageReason = hasRole ? QT_TRANSLATE_NOOP("Batchdesk::Jsonl::Validator",
                                                             "has a role that is not a non-empty string")
                                         : QT_TRANSLATE_NOOP("Batchdesk::Jsonl::Validator", "has no role");
        }
    }
    return simdjson::SUCCESS;
}

simdjson::error_code readInput(ondemand::value value, LineFacts &f)
{
    ondemand::json_type type;
    if (auto e = value.type().get(type))
        return e;
    switch (type) {
    case ondemand::json_type::null:
        f.input = Presence::Null;
        return walk(value);
    case ondemand::json_type::string: {
        f.input = Presence::Present;
        std::string_view s;
        if (auto e = value.get_string().get(s))
            return e;
        if (s.empty())
            f.inputProblem =
                QT_TRANSLATE_NOOP("Batchdesk::Jsonl::Validator", "body.input is an empty string");
        f.inputCount = 1;
        return simdjson::SUCCESS;
    }
    case ondemand::json_type::array: {
        f.input = Presence::Present;
        ondemand::array array;
        if (auto e = value.get_array().get(array))
            return e;
        qint64 elements = 0;
        qint64 numbers = 0;
        for (auto elementResult : array) {
            ondemand::value element;
            if (auto e = elementResult.get(element))
                return e;
            ++elements;
            ondemand::json_type et;
            if (auto e = element.type().get(et))
                return e;
            if (et == ondemand::json_type::number)
                ++numbers;
            else if (et != ondemand::json_type::string && et != ondemand::json_type::array && !f.inputProblem)
                f.inputProblem = QT_TRANSLATE_NOOP("Batchdesk::Jsonl::Validator",
                                                   "body.input must contain strings or token arrays");
            if (auto e = walk(element))
                return e;
        }
        if (elements == 0 && !f.inputProblem)
            f.inputProblem = QT_TRANSLATE_NOOP("Batchdesk::Jsonl::Validator", "body.input is an empty array");
        // An array of integers is one tokenised input; otherwise every element is one input.
        f.inputCount = (elements > 0 && numbers == elements) ? 1 : elements;
        return simdjson::SUCCESS;
    }
    default:
        f.input = Presence::Present;
        f.inputProblem =
            QT_TRANSLATE_NOOP("Batchdesk::Jsonl::Validator", "body.input must be a string or an array");
        return walk(value);
    }
}

simdjson::error_code readBody(ondemand::value value, LineFacts &f)
{
    ondemand::json_type type;
    if (auto e = value.type().get(type))
        return e;
    if (type == ondemand::json_type::null) {
        f.body = Presence::Null;
        return walk(value);
    }
    f.body = Presence::Present;
    if (type != ondemand::json_type::object)
        return walk(value);
    f.bodyIsObject = true;
    ondemand::object body;
    if (auto e = value.get_object().get(body))
        return e;
    for (auto fieldResult : body) {
        ondemand::field field;
        if (auto e = std::move(fieldResult).get(field))
            return e;
        std::string_view key;
        if (auto e = field.unescaped_key().get(key))
            return e;
        simdjson::error_code e = simdjson::SUCCESS;
        if (key == "model") {
            e = readStringField(field.value(), f.model, f.modelIsString, f.modelValue);
        } else if (key == "messages") {
            e = readMessages(field.value(), f);
        } else if (key == "prompt") {
            ondemand::value v = field.value();
            bool isNull = false;
            ondemand::json_type pt;
            if ((e = v.type().get(pt)))
                return e;
            isNull = pt == ondemand::json_type::null;
            f.prompt = isNull ? Presence::Null : Presence::Present;
            e = walk(v);
        } else if (key == "input") {
            e = readInput(field.value(), f);
        } else if (key == "stream") {
            ondemand::value v = field.value();
            ondemand::json_type st;
            if ((e = v.type().get(st)))
                return e;
            if (st == ondemand::json_type::boolean) {
                bool b = false;
                e = v.get_bool().get(b);
                f.stream = b;
            } else {
                e = walk(v);
            }
        } else {
            e = walk(field.value());
        }
        if (e)
            return e;
    }
    return simdjson::SUCCESS;
}

// ---------------------------------------------------------------------------------------------------------
// The body shapes of OpenAI's other batch endpoints (/v1/responses, /v1/moderations, /v1/images/generations,
// /v1/images/edits, /v1/videos), after the schemas of openai-openapi.yaml. These batches are small and rare,
// so the body is read again with QJsonDocument instead of widening the single simdjson pass above.

// The /v1 endpoint a line's url stands for: the url itself, or "/v1" + url when the profile accepts urls
// without "/v1" (Azure writes "/chat/completions"). Empty when the profile does not serve it.
std::string canonicalEndpoint(const LimitProfile &profile, std::string_view url)
{
    if (!profile.supportsEndpoint(qs(url)))
        return {};
    if (url.substr(0, 4) == "/v1/")
        return std::string(url);
    return "/v1" + std::string(url);
}

bool isExtendedOpenAiEndpoint(std::string_view endpoint)
{
    return endpoint == kResponses.latin1() || endpoint == kModerations.latin1()
        || endpoint == kImageGenerations.latin1() || endpoint == kImageEdits.latin1()
        || endpoint == kVideos.latin1();
}

// Whether body.model may be left out: CreateModerationRequest (default omni-moderation-latest),
// CreateImageRequest / EditImageBodyJsonParam (default dall-e-2 / gpt-image-1.5) and CreateVideoJsonBody
// (default sora-2) do not require it; CreateResponse does.
bool modelIsOptional(std::string_view endpoint)
{
    return endpoint == kModerations.latin1() || endpoint == kImageGenerations.latin1()
        || endpoint == kImageEdits.latin1() || endpoint == kVideos.latin1();
}

QString jsonTypeName(const QJsonValue &v)
{
    switch (v.type()) {
    case QJsonValue::Null:
        return QStringLiteral("null");
    case QJsonValue::Bool:
        return QStringLiteral("a boolean");
    case QJsonValue::Double:
        return QStringLiteral("a number");
    case QJsonValue::String:
        return QStringLiteral("a string");
    case QJsonValue::Array:
        return QStringLiteral("an array");
    case QJsonValue::Object:
        return QStringLiteral("an object");
    default:
        return QStringLiteral("a value");
    }
}

bool isInteger(const QJsonValue &v)
{
    if (!v.isDouble())
        return false;
    const double d = v.toDouble();
    return d == std::floor(d) && std::abs(d) < 9e15;
}

// A required non-empty string field ("prompt" of the image and video schemas).
QString requiredText(const QJsonObject &body, const QString &key, const char *what)
{
    const QJsonValue v = body.value(key);
    if (v.isUndefined() || v.isNull())
        return tr("body.%1 is missing; %2 needs it.").arg(key, tr(what));
    if (!v.isString())
        return tr("body.%1 is %2; it must be a string.").arg(key, jsonTypeName(v));
    if (v.toString().isEmpty())
        return tr("body.%1 is an empty string.").arg(key);
    return {};
}

// An optional string field (null allowed, as the schemas mark them nullable).
QString optionalString(const QJsonObject &body, const QString &key)
{
    const QJsonValue v = body.value(key);
    if (v.isUndefined() || v.isNull() || v.isString())
        return {};
    return tr("body.%1 is %2; it must be a string.").arg(key, jsonTypeName(v));
}

// CreateResponse: model (checked by the caller), input (InputParam: a string or an array of input items),
// max_output_tokens, and no streaming in a batch.
QString checkResponsesBody(const QJsonObject &body)
{
    const QJsonValue input = body.value(QLatin1String("input"));
    if (input.isUndefined() || input.isNull())
        return tr("body.input is missing; a responses request needs the input text or input items.");
    if (input.isString()) {
        if (input.toString().isEmpty())
            return tr("body.input is an empty string.");
    } else if (input.isArray()) {
        const QJsonArray items = input.toArray();
        if (items.isEmpty())
            return tr("body.input is an empty array; it needs at least one input item.");
        for (qsizetype i = 0; i < items.size(); ++i) {
            const QJsonValue item = items.at(i);
            if (!item.isObject())
                return tr("body.input[%1] is %2; input items are objects such as {\"role\": \"user\", "
                          "\"content\": \"…\"}.")
                    .arg(i)
                    .arg(jsonTypeName(item));
            const QJsonObject o = item.toObject();
            const bool hasType = o.value(QLatin1String("type")).isString();
            const bool hasRole = o.value(QLatin1String("role")).isString();
            if (!hasType && !hasRole)
                return tr("body.input[%1] has neither a role nor a type.").arg(i);
        }
    } else {
        return tr("body.input is %1; it must be a string or an array of input items.")
            .arg(jsonTypeName(input));
    }
    const QJsonValue maxTokens = body.value(QLatin1String("max_output_tokens"));
    if (!maxTokens.isUndefined() && !maxTokens.isNull()
        && (!isInteger(maxTokens) || maxTokens.toDouble() < 1))
        return tr("body.max_output_tokens must be a positive integer.");
    if (body.value(QLatin1String("stream")).toBool(false))
        return tr("body.stream is true; a response in a batch cannot stream. Remove stream or set it to "
                  "false.");
    return {};
}

// CreateModerationRequest: input is a string, an array of strings, or an array of {"type":"text","text"} /
// {"type":"image_url","image_url":{"url"}} objects.
QString checkModerationsBody(const QJsonObject &body)
{
    const QJsonValue input = body.value(QLatin1String("input"));
    if (input.isUndefined() || input.isNull())
        return tr("body.input is missing; a moderations request needs the text or images to classify.");
    if (input.isString())
        return {};
    if (!input.isArray())
        return tr("body.input is %1; it must be a string, an array of strings or an array of text and "
                  "image_url objects.")
            .arg(jsonTypeName(input));
    const QJsonArray items = input.toArray();
    if (items.isEmpty())
        return tr("body.input is an empty array.");
    const bool strings = items.first().isString();
    for (qsizetype i = 0; i < items.size(); ++i) {
        const QJsonValue item = items.at(i);
        if (strings) {
            if (!item.isString())
                return tr("body.input[%1] is %2; an array of strings must hold only strings.")
                    .arg(i)
                    .arg(jsonTypeName(item));
            continue;
        }
        if (!item.isObject())
            return tr("body.input[%1] is %2; multi-modal inputs are {\"type\": \"text\", \"text\": …} or "
                      "{\"type\": \"image_url\", \"image_url\": {\"url\": …}} objects.")
                .arg(i)
                .arg(jsonTypeName(item));
        const QJsonObject o = item.toObject();
        const QString type = o.value(QLatin1String("type")).toString();
        if (type == QLatin1String("text")) {
            if (!o.value(QLatin1String("text")).isString())
                return tr("body.input[%1] is a text input without a text string.").arg(i);
        } else if (type == QLatin1String("image_url")) {
            if (!o.value(QLatin1String("image_url")).toObject().value(QLatin1String("url")).isString())
                return tr("body.input[%1] is an image_url input without image_url.url.").arg(i);
        } else {
            return tr("body.input[%1] has type %2; it must be \"text\" or \"image_url\".")
                .arg(i)
                .arg(o.contains(QLatin1String("type")) ? u'"' + type + u'"' : tr("missing"));
        }
    }
    return {};
}

// The options CreateImageRequest and EditImageBodyJsonParam share: n 1..10, size, quality and
// response_format (url | b64_json) strings; all nullable.
QString checkImageOptions(const QJsonObject &body)
{
    const QJsonValue n = body.value(QLatin1String("n"));
    if (!n.isUndefined() && !n.isNull() && (!isInteger(n) || n.toDouble() < 1 || n.toDouble() > 10))
        return tr("body.n must be an integer from 1 to 10.");
    for (const char *key : {"size", "quality", "response_format"}) {
        if (QString problem = optionalString(body, QString::fromLatin1(key)); !problem.isEmpty())
            return problem;
    }
    const QJsonValue format = body.value(QLatin1String("response_format"));
    if (format.isString() && format.toString() != QLatin1String("url")
        && format.toString() != QLatin1String("b64_json"))
        return tr("body.response_format is \"%1\"; it must be \"url\" or \"b64_json\".")
            .arg(format.toString());
    return {};
}

// ImageRefParam: an object with exactly one of image_url and file_id (strings).
QString checkImageRef(const QJsonValue &ref, const QString &where)
{
    if (ref.isString())
        return tr("%1 is a string; a batch line is JSON and cannot upload image bytes: reference the image "
                  "as {\"image_url\": \"https://… or data:image/png;base64,…\"} or {\"file_id\": "
                  "\"file-…\"}.")
            .arg(where);
    if (!ref.isObject())
        return tr("%1 is %2; it must be an {\"image_url\": …} or {\"file_id\": …} object.")
            .arg(where, jsonTypeName(ref));
    const QJsonObject o = ref.toObject();
    const bool url = o.contains(QLatin1String("image_url"));
    const bool file = o.contains(QLatin1String("file_id"));
    if (url == file)
        return tr("%1 must have exactly one of image_url and file_id.").arg(where);
    const QJsonValue v = o.value(url ? QLatin1String("image_url") : QLatin1String("file_id"));
    if (!v.isString() || v.toString().isEmpty())
        return tr("%1.%2 must be a non-empty string.")
            .arg(where, url ? QStringLiteral("image_url") : QStringLiteral("file_id"));
    return {};
}

// CreateImageEditRequest as a JSON body (EditImageBodyJsonParam): prompt and the images to edit. The schema
// names them `images` (an array of ImageRefParam); `image` (one ImageRefParam or an array of them) is read
// the same way. Multipart uploads of image files are not possible in a batch line.
QString checkImageEditsBody(const QJsonObject &body)
{
    if (QString problem =
            requiredText(body, QStringLiteral("prompt"),
                         QT_TRANSLATE_NOOP("Batchdesk::Jsonl::Validator", "an image edit request"));
        !problem.isEmpty())
        return problem;
    const bool hasImages = body.contains(QLatin1String("images"));
    const QString key = hasImages ? QStringLiteral("images") : QStringLiteral("image");
    const QJsonValue images = body.value(key);
    if (images.isUndefined() || images.isNull())
        return tr("body.image is missing; an image edit request needs the images to edit, as "
                  "{\"image_url\": …} or {\"file_id\": …} objects (a batch line cannot upload files).");
    if (images.isArray()) {
        const QJsonArray array = images.toArray();
        if (array.isEmpty() || array.size() > 16)
            return tr("body.%1 holds %2 images; it must hold 1 to 16.").arg(key).arg(array.size());
        for (qsizetype i = 0; i < array.size(); ++i) {
            if (QString problem = checkImageRef(array.at(i), QStringLiteral("body.%1[%2]").arg(key).arg(i));
                !problem.isEmpty())
                return problem;
        }
    } else if (hasImages) {
        return tr("body.images is %1; it must be an array of {\"image_url\": …} or {\"file_id\": …} objects.")
            .arg(jsonTypeName(images));
    } else if (QString problem = checkImageRef(images, QStringLiteral("body.image")); !problem.isEmpty()) {
        return problem;
    }
    const QJsonValue mask = body.value(QLatin1String("mask"));
    if (!mask.isUndefined() && !mask.isNull()) {
        if (QString problem = checkImageRef(mask, QStringLiteral("body.mask")); !problem.isEmpty())
            return problem;
    }
    return checkImageOptions(body);
}

// CreateVideoJsonBody: prompt required; model, seconds and size strings when present.
QString checkVideosBody(const QJsonObject &body)
{
    if (QString problem = requiredText(body, QStringLiteral("prompt"),
                                       QT_TRANSLATE_NOOP("Batchdesk::Jsonl::Validator", "a video request"));
        !problem.isEmpty())
        return problem;
    for (const char *key : {"seconds", "size"}) {
        if (QString problem = optionalString(body, QString::fromLatin1(key)); !problem.isEmpty())
            return problem;
    }
    return {};
}

// The first problem of a body sent to one of the endpoints above; empty when it has the expected shape.
QString checkExtendedOpenAiBody(std::string_view endpoint, const QJsonObject &body)
{
    if (endpoint == kResponses.latin1())
        return checkResponsesBody(body);
    if (endpoint == kModerations.latin1())
        return checkModerationsBody(body);
    if (endpoint == kImageGenerations.latin1()) {
        // CreateImageRequest
        if (QString problem =
                requiredText(body, QStringLiteral("prompt"),
                             QT_TRANSLATE_NOOP("Batchdesk::Jsonl::Validator", "an image generation request"));
            !problem.isEmpty())
            return problem;
        return checkImageOptions(body);
    }
    if (endpoint == kImageEdits.latin1())
        return checkImageEditsBody(body);
    if (endpoint == kVideos.latin1())
        return checkVideosBody(body);
    return {};
}

QString jsonErrorText(simdjson::error_code e)
{
    switch (e) {
    case simdjson::TAPE_ERROR:
        return tr("the structure is broken (a missing or extra comma, brace, bracket or quote)");
    case simdjson::UNCLOSED_STRING:
        return tr("a string is not closed");
    case simdjson::STRING_ERROR:
        return tr("a string contains an invalid escape or control character");
    case simdjson::NUMBER_ERROR:
        return tr("a number is malformed or out of range");
    case simdjson::T_ATOM_ERROR:
    case simdjson::F_ATOM_ERROR:
    case simdjson::N_ATOM_ERROR:
        return tr("an unquoted word is not true, false or null");
    case simdjson::DEPTH_ERROR:
        return tr("it is nested too deeply");
    case simdjson::INCOMPLETE_ARRAY_OR_OBJECT:
        return tr("an object or array is not closed");
    case simdjson::TRAILING_CONTENT:
        return tr("there is more content after the JSON value");
    case simdjson::INCORRECT_TYPE:
        // The walker only asks for the type the parser announced, so this means a malformed literal.
        return tr("a value is malformed (a misspelt true, false, null or number)");
    default: {
        QString text = qs(simdjson::error_message(e));
        while (text.endsWith(u'.'))
            text.chop(1);
        return text;
    }
    }
}

class ChunkValidator
{
public:
    ChunkValidator(const ValidationOptions &options, ChunkResult &result, bool firstChunk,
                   qint64 firstLineOffset)
        : m_options(options)
        , m_result(result)
        , m_firstChunk(firstChunk)
        , m_offset(firstLineOffset)
    { }

    // data[0..len) is one line without its '\n'; capacity counts readable bytes from data (>= len + padding).
    void line(const char *data, std::size_t len, std::size_t capacity, bool recordStart = true)
    {
        const qint64 ln = ++m_result.lines;
        m_line = ln;
        if (recordStart && m_options.buildIndex)
            m_result.starts.push_back(m_offset);
        m_offset += qint64(len) + 1;
        if (len > 0 && data[len - 1] == '\r') {
            --len;
            if (m_result.crlfLines++ == 0)
                m_result.firstCrlfLine = ln;
        }
        if (m_firstChunk && ln == 1 && len >= 3 && std::memcmp(data, "\xEF\xBB\xBF", 3) == 0) {
            m_result.bom = true;
            data += 3;
            len -= 3;
            capacity -= 3;
        }
        bool blank = true;
        for (std::size_t i = 0; i < len && blank; ++i)
            blank = data[i] == ' ' || data[i] == '\t' || data[i] == '\r';
        if (blank) {
            report(Code::BlankLine,
                   [] { return tr("The line is blank; every line must hold one request."); });
            return;
        }
        ++m_result.nonBlankLines;
        checkJson(data, len, capacity);
    }

    // A line too long to buffer: counted and reported, never parsed.
    void oversizedLine(qint64 bytes)
    {
        const qint64 ln = ++m_result.lines;
        m_line = ln;
        if (m_options.buildIndex)
            m_result.starts.push_back(m_offset);
        m_offset += bytes + 1;
        ++m_result.nonBlankLines;
        report(Code::InvalidJson, [bytes] {
            return tr("The line is %1 MB long; Batchdesk does not parse lines over %2 MB, and no provider "
                      "accepts a "
                      "request that large.")
                .arg(double(bytes) / 1e6, 0, 'f', 1)
                .arg(kMaxLineBytes >> 20);
        });
    }

private:
    template<typename MessageFn>
    void report(Code code, MessageFn &&message)
    {
        ++m_result.counts[std::size_t(code)];
        if (m_result.diagnostics.size() < m_options.maxDiagnostics)
            m_result.diagnostics.append(Diagnostic {severityOf(code), m_line, code, message()});
        else
            m_result.truncated = true;
    }

    void invalidJson(simdjson::error_code e)
    {
        if (e == simdjson::DEPTH_ERROR) {
            report(Code::NestingTooDeep, [] {
                return tr("The line nests objects and arrays more than %1 levels deep; providers refuse "
                          "such requests.")
                    .arg(kMaxNestingDepth);
            });
            return;
        }
        report(Code::InvalidJson, [e] { return tr("Not valid JSON: %1.").arg(jsonErrorText(e)); });
    }

    std::uint32_t intern(std::unordered_map<std::string, std::uint32_t> &ids,
                         std::vector<std::string> &values, std::string_view value)
    {
        if (!values.empty() && values.back() == value)
            return std::uint32_t(values.size() - 1);
        auto it = ids.find(std::string(value));
        if (it != ids.end())
            return it->second;
        const auto id = std::uint32_t(values.size());
        values.emplace_back(value);
        ids.emplace(values.back(), id);
        return id;
    }

    void checkJson(const char *data, std::size_t len, std::size_t capacity)
    {
        m_lineData = data;
        m_lineLength = len;
        ondemand::document doc;
        // Stage 1 of iterate() validates UTF-8 over the whole line, so no separate pass is needed.
        if (auto e = m_parser.iterate(data, len, capacity).get(doc)) {
            if (e == simdjson::UTF8_ERROR || !simdjson::validate_utf8(data, len)) {
                const qsizetype at = firstInvalidUtf8(data, len);
                report(Code::InvalidUtf8, [at] {
                    return tr("Invalid UTF-8 at byte %1 of the line; save the file as UTF-8.").arg(at + 1);
                });
                return;
            }
            invalidJson(e);
            return;
        }
        ondemand::json_type type;
        if (auto e = doc.type().get(type)) {
            invalidJson(e);
            return;
        }
        if (type != ondemand::json_type::object) {
            if (auto e = walkRootNonObject(doc, type)) {
                invalidJson(e);
                return;
            }
            report(Code::NotAnObject, [type] {
                return tr("The line is %1, not a JSON object with custom_id, method, url and body.")
                    .arg(QString::fromLatin1(typeName(type)));
            });
            return;
        }
        ondemand::object object;
        if (auto e = doc.get_object().get(object)) {
            invalidJson(e);
            return;
        }
        LineFacts f;
        for (auto fieldResult : object) {
            ondemand::field field;
            if (auto e = std::move(fieldResult).get(field)) {
                invalidJson(e);
                return;
            }
            std::string_view key;
            if (auto e = field.unescaped_key().get(key)) {
                invalidJson(e);
                return;
            }
            simdjson::error_code e = simdjson::SUCCESS;
            if (key == "custom_id")
                e = readStringField(field.value(), f.customId, f.customIdIsString, f.customIdValue,
                                    &f.customIdType);
            else if (key == "method")
                e = readStringField(field.value(), f.method, f.methodIsString, f.methodValue);
            else if (key == "url")
                e = readStringField(field.value(), f.url, f.urlIsString, f.urlValue);
            else if (key == "body")
                e = readBody(field.value(), f);
            else
                e = walk(field.value());
            if (e) {
                invalidJson(e);
                return;
            }
        }
        // Anything left after the closing brace (e.g. two objects on one line) makes the line invalid.
        const char *rest = nullptr;
        if (doc.current_location().get(rest) != simdjson::OUT_OF_BOUNDS) {
            invalidJson(simdjson::TRAILING_CONTENT);
            return;
        }
        const qint64 errorsBefore = errorTotal();
        evaluate(f);
        checkProviderRules(f, data, len, errorTotal() == errorsBefore);
    }

    // ---- Providers of another wire family (Anthropic, Mistral, Gemini)
    // -------------------------------------- Their batches take a converted line (core/jsonl/dialectconvert):
    // a line that is valid for OpenAI must also convert, and Anthropic's custom_id rule is stricter.

    qint64 errorTotal() const
    {
        qint64 n = 0;
        for (int i = 0; i < CodeCount; ++i) {
            if (severityOf(Code(i)) == Severity::Error)
                n += m_result.counts[std::size_t(i)];
        }
        return n;
    }

    void checkProviderRules(const LineFacts &f, const char *data, std::size_t len, bool lineValid)
    {
        const LimitProfile &profile = m_options.profile;
        if (profile.strictCustomId && f.customId == Presence::Present && f.customIdIsString
            && !f.customIdValue.empty() && !isPortableCustomId(qs(f.customIdValue))) {
            report(Code::InvalidCustomId, [&] {
                return tr("custom_id %1 is not accepted by %2: it must be 1 to 64 letters, digits, \"_\" or "
                          "\"-\".")
                    .arg(quote(f.customIdValue), profile.displayName);
            });
        }
        if (profile.family == WireFamily::OpenAI || !lineValid)
            return;
        const QJsonDocument doc = QJsonDocument::fromJson(QByteArray::fromRawData(data, qsizetype(len)));
        if (!doc.isObject())
            return;
        QString problem;
        if (!convertRequestLine(doc.object(), profile.family, &problem))
            report(Code::InvalidBody, [&] { return problem; });
    }

    simdjson::error_code walkRootNonObject(ondemand::document &doc, ondemand::json_type type)
    {
        switch (type) {
        case ondemand::json_type::array: {
            ondemand::array array;
            if (auto e = doc.get_array().get(array))
                return e;
            for (auto element : array) {
                ondemand::value v;
                if (auto e = element.get(v))
                    return e;
                if (auto e = walk(v))
                    return e;
            }
            const char *rest = nullptr;
            return doc.current_location().get(rest) == simdjson::OUT_OF_BOUNDS ? simdjson::SUCCESS
                                                                               : simdjson::TRAILING_CONTENT;
        }
        case ondemand::json_type::string: {
            std::string_view s;
            return doc.get_string().get(s);
        }
        case ondemand::json_type::number: {
            ondemand::number n;
            return doc.get_number().get(n);
        }
        case ondemand::json_type::boolean: {
            bool b;
            return doc.get_bool().get(b);
        }
        case ondemand::json_type::null: {
            bool isNull = false;
            if (auto e = doc.is_null().get(isNull))
                return e;
            return isNull ? simdjson::SUCCESS : simdjson::N_ATOM_ERROR;
        }
        default:
            return simdjson::INCORRECT_TYPE;
        }
    }

    void evaluate(const LineFacts &f)
    {
        // custom_id
        if (f.customId != Presence::Present) {
            report(Code::MissingCustomId, [&] {
                return f.customId == Presence::Null
                    ? tr("custom_id is null; every request needs a unique custom_id.")
                    : tr("custom_id is missing; every request needs a unique custom_id.");
            });
        } else if (!f.customIdIsString) {
            report(Code::InvalidCustomId, [&] {
                return tr("custom_id is %1; it must be a string.").arg(QString::fromLatin1(f.customIdType));
            });
        } else if (f.customIdValue.empty()) {
            report(Code::InvalidCustomId, [] { return tr("custom_id is an empty string."); });
        } else {
            m_result.ids.push_back(IdRecord {m_line, m_result.idArena.size(), f.customIdValue.size()});
            m_result.idArena.append(f.customIdValue);
            const qint64 length = codePoints(f.customIdValue);
            if (length > m_options.profile.recommendedCustomIdLength) {
                report(Code::LongCustomId, [&] {
                    return tr("custom_id has %1 characters; some providers reject more than %2.")
                        .arg(length)
                        .arg(m_options.profile.recommendedCustomIdLength);
                });
            }
        }

        // method
        if (f.method != Presence::Present) {
            report(Code::InvalidMethod, [] { return tr("method is missing; it must be \"POST\"."); });
        } else if (!f.methodIsString || f.methodValue != "POST") {
            report(Code::InvalidMethod, [&] {
                return f.methodIsString ? tr("method is %1; it must be \"POST\".").arg(quote(f.methodValue))
                                        : tr("method must be the string \"POST\".");
            });
        }

        // url
        std::uint32_t urlId = kNone;
        bool urlSupported = false;
        std::string endpoint; // the /v1 endpoint the url stands for
        if (f.url != Presence::Present) {
            report(Code::MissingUrl, [this] {
                return tr("url is missing; it must be the batch endpoint, one of %1.")
                    .arg(m_options.profile.endpoints.join(QStringLiteral(", ")));
            });
        } else if (!f.urlIsString) {
            report(Code::UnsupportedUrl, [this] {
                return tr("url must be a string, one of %1.")
                    .arg(m_options.profile.endpoints.join(QStringLiteral(", ")));
            });
        } else if (!m_options.profile.supportsEndpoint(qs(f.urlValue))) {
            report(Code::UnsupportedUrl, [&] {
                return tr("url %1 is not a batch endpoint of %2; use one of %3.")
                    .arg(quote(f.urlValue), m_options.profile.displayName,
                         m_options.profile.endpoints.join(QStringLiteral(", ")));
            });
        } else {
            urlSupported = true;
            urlId = intern(m_result.urlIds, m_result.urls, f.urlValue);
            endpoint = canonicalEndpoint(m_options.profile, f.urlValue);
        }

        // body
        std::uint32_t modelId = kNone;
        if (f.body != Presence::Present) {
            report(Code::MissingBody,
                   [] { return tr("body is missing; it must be the request's JSON object."); });
        } else if (!f.bodyIsObject) {
            report(Code::InvalidBody, [] { return tr("body must be a JSON object."); });
        } else {
            if (f.model != Presence::Present && modelIsOptional(endpoint)) {
                // moderations, images and videos have a default model
            } else if (f.model != Presence::Present) {
                report(Code::MissingModel, [] { return tr("body.model is missing."); });
            } else if (!f.modelIsString) {
                report(Code::MissingModel, [] { return tr("body.model must be a string."); });
            } else if (f.modelValue.empty()) {
                report(Code::MissingModel, [] { return tr("body.model is an empty string."); });
            } else {
                modelId = intern(m_result.modelIds, m_result.models, f.modelValue);
            }
            if (urlSupported)
                checkShape(f, endpoint);
            if (f.stream && endpoint != kResponses.latin1()) {
                report(Code::StreamNotSupported, [] {
                    return tr(
                        "body.stream is true; batch requests cannot stream and some providers reject them.");
                });
            }
        }
        if (urlId != kNone || modelId != kNone)
            m_result.records.push_back(LineRecord {m_line, modelId, urlId});
    }

    void checkShape(const LineFacts &f, std::string_view endpoint)
    {
        if (isExtendedOpenAiEndpoint(endpoint)) {
            checkExtendedShape(endpoint);
            return;
        }
        if (endpoint == kChatCompletions.latin1()) {
            if (f.messages != Presence::Present)
                report(Code::InvalidBody,
                       [] { return tr("body.messages is missing; a chat request needs it."); });
            else if (!f.messagesIsArray)
                report(Code::InvalidBody, [] { return tr("body.messages must be an array of messages."); });
            else if (f.messageCount == 0)
                report(Code::InvalidBody, [] { return tr("body.messages is empty."); });
            else if (f.badMessage >= 0)
                report(Code::InvalidBody, [&] {
                    return tr("body.messages[%1] %2.").arg(f.badMessage).arg(tr(f.badMessageReason));
                });
        } else if (endpoint == kCompletions.latin1()) {
            if (f.prompt != Presence::Present)
                report(Code::InvalidBody,
                       [] { return tr("body.prompt is missing; a completions request needs it."); });
        } else if (endpoint == kEmbeddings.latin1()) {
            if (f.input != Presence::Present)
                report(Code::InvalidBody,
                       [] { return tr("body.input is missing; an embeddings request needs it."); });
            else if (f.inputProblem)
                report(Code::InvalidBody, [&] { return QString(tr(f.inputProblem) + u'.'); });
            else
                m_result.embeddingInputs += f.inputCount;
        }
    }

    // The bodies of /v1/responses, /v1/moderations, /v1/images/* and /v1/videos: see
    // checkExtendedOpenAiBody().
    void checkExtendedShape(std::string_view endpoint)
    {
        const QJsonObject body =
            QJsonDocument::fromJson(QByteArray::fromRawData(m_lineData, qsizetype(m_lineLength)))
                .object()
                .value(QLatin1String("body"))
                .toObject();
        const QString problem = checkExtendedOpenAiBody(endpoint, body);
        if (!problem.isEmpty())
            report(Code::InvalidBody, [&problem] { return problem; });
    }

    const ValidationOptions &m_options;
    ChunkResult &m_result;
    const char *m_lineData = nullptr;
    std::size_t m_lineLength = 0;
    bool m_firstChunk;
    qint64 m_offset;
    qint64 m_line = 0;
    ondemand::parser m_parser;
};

// Feeds the complete lines in buffer[pos, have) to the validator; returns the new pos.
std::size_t feedLines(ChunkValidator &validator, const char *buffer, std::size_t pos, std::size_t have,
                      std::size_t capacity)
{
    while (pos < have) {
        const void *nl = std::memchr(buffer + pos, '\n', have - pos);
        if (!nl)
            break;
        const auto end = std::size_t(static_cast<const char *>(nl) - buffer);
        validator.line(buffer + pos, end - pos, capacity - pos);
        pos = end + 1;
    }
    return pos;
}

struct SharedProgress
{
    std::atomic<qint64> bytes {0};
    std::atomic_bool cancel {false};
    std::mutex mutex;
    std::condition_variable done;
    int finished = 0;
};

void scanRange(const QString &path, qint64 begin, qint64 end, const ValidationOptions &options,
               ChunkResult &result, SharedProgress &shared)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly | QIODevice::Unbuffered) || !file.seek(begin)) {
        result.ioError = tr("Cannot read %1: %2").arg(path, file.errorString());
        return;
    }
    ChunkValidator validator(options, result, begin == 0, begin);
    std::size_t dataCapacity = kReadSize;
    std::unique_ptr<char[]> buffer(new char[dataCapacity + kPadding]);
    std::size_t have = 0;
    std::size_t pos = 0;
    qint64 remaining = end - begin;
    while (remaining > 0) {
        if (shared.cancel.load(std::memory_order_relaxed))
            return;
        if (pos > 0) {
            std::memmove(buffer.get(), buffer.get() + pos, have - pos);
            have -= pos;
            pos = 0;
        }
        if (have == dataCapacity && dataCapacity >= kMaxLineBytes) {
            // Skip the rest of an oversized line by scanning for its end without keeping it.
            qint64 lineBytes = qint64(have);
            bool ended = false;
            have = 0;
            while (remaining > 0 && !ended) {
                if (shared.cancel.load(std::memory_order_relaxed))
                    return;
                const qint64 n = file.read(buffer.get(), std::min<qint64>(qint64(dataCapacity), remaining));
                if (n <= 0) {
                    result.ioError = tr("Cannot read %1: %2").arg(path, file.errorString());
                    return;
                }
                remaining -= n;
                shared.bytes.fetch_add(n, std::memory_order_relaxed);
                if (const void *nl = std::memchr(buffer.get(), '\n', std::size_t(n))) {
                    const auto at = std::size_t(static_cast<const char *>(nl) - buffer.get());
                    lineBytes += qint64(at);
                    have = std::size_t(n) - at - 1;
                    std::memmove(buffer.get(), buffer.get() + at + 1, have);
                    ended = true;
                } else {
                    lineBytes += n;
                }
            }
            validator.oversizedLine(lineBytes);
            if (!ended) {
                result.endsWithNewline = false;
                return;
            }
            pos = feedLines(validator, buffer.get(), 0, have, dataCapacity + kPadding);
            continue;
        }
        if (have == dataCapacity) {
            // One line longer than the buffer: grow it, the line must be seen whole.
            dataCapacity *= 2;
            std::unique_ptr<char[]> bigger(new char[dataCapacity + kPadding]);
            std::memcpy(bigger.get(), buffer.get(), have);
            buffer = std::move(bigger);
        }
        const qint64 want = std::min<qint64>(qint64(dataCapacity - have), remaining);
        const qint64 n = file.read(buffer.get() + have, want);
        if (n <= 0) {
            result.ioError = n < 0 ? tr("Cannot read %1: %2").arg(path, file.errorString())
                                   : tr("%1 became shorter while it was being read.").arg(path);
            return;
        }
        have += std::size_t(n);
        remaining -= n;
        shared.bytes.fetch_add(n, std::memory_order_relaxed);
        pos = feedLines(validator, buffer.get(), pos, have, dataCapacity + kPadding);
    }
    if (pos < have) {
        // The last line of the file without a final newline: fine, and it gets no diagnostic.
        validator.line(buffer.get() + pos, have - pos, dataCapacity + kPadding - pos);
        result.endsWithNewline = false;
    } else {
        result.endsWithNewline = true;
    }
}

// Offsets where each worker starts: just after a newline near size*k/n.
std::vector<qint64> splitPoints(QFile &file, qint64 size, int parts)
{
    std::vector<qint64> points {0};
    QByteArray block(64 * 1024, Qt::Uninitialized);
    for (int k = 1; k < parts; ++k) {
        qint64 at = std::max(points.back(), size * k / parts);
        qint64 found = size;
        if (at > 0 && file.seek(at - 1)) {
            qint64 base = at - 1;
            while (true) {
                const qint64 n = file.read(block.data(), block.size());
                if (n <= 0)
                    break;
                if (const void *nl = std::memchr(block.constData(), '\n', std::size_t(n))) {
                    found = base + (static_cast<const char *>(nl) - block.constData()) + 1;
                    break;
                }
                base += n;
            }
        }
        points.push_back(std::max(found, points.back()));
    }
    points.push_back(size);
    return points;
}

void mergeInto(ValidationReport &report, std::vector<ChunkResult> &chunks, const ValidationOptions &options)
{
    const int cap = options.maxDiagnostics;
    QList<Diagnostic> merged;
    QList<Diagnostic> fileLevel;
    QList<Diagnostic> crossLine; // duplicates and mismatches found while merging, in line order
    CodeCounts counts {};
    bool truncated = false;
    qint64 lineBase = 0;
    qint64 nonBlank = 0;

    auto addCross = [&](Code code, qint64 line, auto &&message) {
        ++counts[std::size_t(code)];
        if (crossLine.size() < cap)
            crossLine.append(Diagnostic {severityOf(code), line, code, message()});
        else
            truncated = true;
    };

    std::size_t totalIds = 0;
    for (const auto &c : chunks)
        totalIds += c.ids.size();
    std::unordered_map<std::string_view, qint64> firstLineOfId;
    firstLineOfId.reserve(totalIds);

    // The reference url is the chosen endpoint, or else the first line's; the reference model is the first.
    std::string refUrl = options.expectedEndpoint.toStdString();
    qint64 refUrlLine = 0;
    std::string refModel;
    qint64 refModelLine = 0;
    bool haveRefModel = false;
    bool haveRefUrl = !refUrl.empty();

    for (auto &c : chunks) {
        for (int i = 0; i < c.diagnostics.size(); ++i)
            c.diagnostics[i].line += lineBase;
        merged += c.diagnostics;
        truncated = truncated || c.truncated;
        for (int i = 0; i < CodeCount; ++i)
            counts[std::size_t(i)] += c.counts[std::size_t(i)];
        report.embeddingInputs += c.embeddingInputs;
        nonBlank += c.nonBlankLines;

        for (const auto &id : c.ids) {
            const std::string_view key(c.idArena.data() + id.offset, id.length);
            const qint64 line = id.line + lineBase;
            const auto emplaced = firstLineOfId.try_emplace(key, line);
            const auto it = emplaced.first;
            if (!emplaced.second) {
                addCross(Code::DuplicateCustomId, line, [&] {
                    return tr("custom_id %1 is already used on line %2; custom_id must be unique in the "
                              "file.")
                        .arg(quote(key))
                        .arg(it->second);
                });
            }
        }

        for (const auto &r : c.records) {
            const qint64 line = r.line + lineBase;
            if (r.url != kNone) {
                const std::string &url = c.urls[r.url];
                if (!haveRefUrl) {
                    refUrl = url;
                    refUrlLine = line;
                    haveRefUrl = true;
                } else if (url != refUrl) {
                    addCross(Code::UrlMismatch, line, [&] {
                        return refUrlLine == 0
                            ? tr("url %1 differs from the batch endpoint %2.").arg(quote(url), quote(refUrl))
                            : tr("url %1 differs from %2 on line %3; one file can use only one endpoint.")
                                  .arg(quote(url), quote(refUrl))
                                  .arg(refUrlLine);
                    });
                }
            }
            if (r.model != kNone) {
                const std::string &model = c.models[r.model];
                if (!haveRefModel) {
                    refModel = model;
                    refModelLine = line;
                    haveRefModel = true;
                } else if (model != refModel) {
                    addCross(Code::ModelMismatch, line, [&] {
                        return tr("body.model %1 differs from %2 on line %3; one file can use only one "
                                  "model.")
                            .arg(quote(model), quote(refModel))
                            .arg(refModelLine);
                    });
                }
            }
        }
        lineBase += c.lines;
    }

    report.lines = lineBase;
    report.endpoint = haveRefUrl ? QString::fromStdString(refUrl) : QString();
    report.model = haveRefModel ? QString::fromStdString(refModel) : QString();

    auto addFile = [&](Code code, qint64 line, const QString &message) {
        ++counts[std::size_t(code)];
        fileLevel.append(Diagnostic {severityOf(code), line, code, message});
    };
    const LimitProfile &p = options.profile;
    if (nonBlank == 0)
        addFile(Code::EmptyFile, 0,
                report.bytes == 0 ? tr("The file is empty.") : tr("The file contains no requests."));
    if (report.lines > p.maxLines)
        addFile(Code::TooManyLines, 0,
                tr("The file has %1 lines; %2 allows at most %3 per batch. Split it into several files.")
                    .arg(number(report.lines), p.displayName, number(p.maxLines)));
    if (report.bytes > p.maxBytes)
        addFile(Code::FileTooLarge, 0,
                tr("The file has %1 bytes; %2 allows at most %3 bytes per batch input file. Split it into "
                   "several "
                   "files.")
                    .arg(number(report.bytes), p.displayName, number(p.maxBytes)));
    if (report.embeddingInputs > p.maxEmbeddingInputs)
        addFile(Code::TooManyEmbeddingInputs, 0,
                tr("The file has %1 embedding inputs; %2 allows at most %3 per batch.")
                    .arg(number(report.embeddingInputs), p.displayName, number(p.maxEmbeddingInputs)));
    if (!chunks.empty() && chunks.front().bom)
        addFile(Code::Bom, 1,
                tr("The file starts with a UTF-8 byte order mark; some providers reject it. Save it as UTF-8 "
                   "without BOM."));
    qint64 crlf = 0;
    qint64 firstCrlf = 0;
    lineBase = 0;
    for (const auto &c : chunks) {
        if (c.crlfLines > 0 && firstCrlf == 0)
            firstCrlf = c.firstCrlfLine + lineBase;
        crlf += c.crlfLines;
        lineBase += c.lines;
    }
    if (crlf > 0)
        addFile(Code::Crlf, firstCrlf,
                trn("%n line(s) end with CRLF (Windows line ends); providers expect LF.", crlf));

    merged += crossLine;
    merged += fileLevel;
    std::stable_sort(merged.begin(), merged.end(),
                     [](const Diagnostic &a, const Diagnostic &b) { return a.line < b.line; });
    if (merged.size() > cap) {
        merged.resize(cap);
        truncated = true;
    }
    report.diagnostics = std::move(merged);
    report.diagnosticsTruncated = truncated;
    report.countsByCode = counts;
    for (int i = 0; i < CodeCount; ++i) {
        if (severityOf(Code(i)) == Severity::Error)
            report.errorCount += counts[std::size_t(i)];
        else
            report.warningCount += counts[std::size_t(i)];
    }
}

} // namespace

QString nonTextKind(QByteArrayView head)
{
    const auto starts = [head](QByteArrayView magic, qsizetype at = 0) {
        return head.size() >= at + magic.size() && head.sliced(at).startsWith(magic);
    };
    if (starts("\x89PNG\r\n\x1a\n"))
        return tr("a PNG image");
    if (starts("PK\x03\x04") || starts("PK\x05\x06")) {
        if (head.indexOf("xl/") >= 0)
            return tr("an Excel workbook (XLSX)");
        if (head.indexOf("word/") >= 0)
            return tr("a Word document (DOCX)");
        return tr("a ZIP archive");
    }
    if (starts("\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"))
        return tr("an old Excel or Word document");
    if (starts("%PDF-"))
        return tr("a PDF document");
    if (starts("\xff\xd8\xff"))
        return tr("a JPEG image");
    if (starts("GIF87a") || starts("GIF89a"))
        return tr("a GIF image");
    if (starts("RIFF") && starts("WEBP", 8))
        return tr("a WebP image");
    if (starts("\x1f\x8b"))
        return tr("a gzip archive");
    if (starts("BZh") && starts("1AY&SY", 4))
        return tr("a bzip2 archive");
    if (starts("\xfd"
               "7zXZ"))
        return tr("an xz archive");
    if (starts("7z\xbc\xaf\x27\x1c"))
        return tr("a 7-Zip archive");
    if (starts("\x28\xb5\x2f\xfd"))
        return tr("a Zstandard archive");
    if (starts("SQLite format 3"))
        return tr("an SQLite database");
    if (starts("PAR1"))
        return tr("a Parquet file");
    if (starts("\x93NUMPY"))
        return tr("a NumPy array");
    if (starts("\x7f"
               "ELF"))
        return tr("a program");
    if (starts("\xff\xfe") || starts("\xfe\xff"))
        return tr("UTF-16 text");
    if (head.isEmpty())
        return {};
    // No signature: text has no NUL bytes and few control characters; UTF-16 without a BOM has a NUL in
    // every other byte.
    qsizetype nul = 0, control = 0;
    for (const char ch : head) {
        const auto c = static_cast<unsigned char>(ch);
        if (c == 0)
            ++nul;
        else if (c < 0x20 && c != '\n' && c != '\r' && c != '\t' && c != '\f' && c != 0x1b)
            ++control;
    }
    if (nul > 0 && nul * 3 >= head.size() && nul * 2 <= head.size() + 2)
        return tr("UTF-16 text");
    if (nul > 0 || control * 10 > head.size())
        return tr("binary data");
    // Text with a broken byte here and there stays text (invalid_utf8 names the lines); mostly broken is not.
    qsizetype invalid = 0;
    const char *p = head.data();
    std::size_t left = std::size_t(head.size());
    while (left > 0) {
        const qsizetype at = firstInvalidUtf8(p, left);
        if (at >= qsizetype(left))
            break;
        // A sequence cut at the end of the sample is not an error of the file.
        if (std::size_t(at) + 4 >= left)
            break;
        ++invalid;
        p += at + 1;
        left -= std::size_t(at) + 1;
    }
    if (invalid * 20 > head.size() / 4 && invalid >= 8)
        return tr("binary data");
    return {};
}

ValidationReport validateFile(const QString &path, const ValidationOptions &options,
                              const ValidationControl &control)
{
    QElapsedTimer timer;
    timer.start();
    ValidationReport report;
    report.filePath = path;
    report.profile = options.profile;

    const QFileInfo info(path);
    QFile file(path);
    if (info.isDir()) {
        report.outcome = ValidationReport::Outcome::IoError;
        report.ioError = tr("%1 is a folder, not a JSONL file.").arg(path);
        return report;
    }
    if (!file.open(QIODevice::ReadOnly | QIODevice::Unbuffered)) {
        report.outcome = ValidationReport::Outcome::IoError;
        report.ioError = tr("Cannot open %1: %2").arg(path, file.errorString());
        return report;
    }
    const qint64 size = file.size();
    report.bytes = size;

    // A picture or an archive dropped by mistake: one clear finding instead of a screen of broken lines.
    const QByteArray head = file.read(64 * 1024);
    if (const QString kind = nonTextKind(head); !kind.isEmpty()) {
        report.countsByCode[std::size_t(Code::NotText)] = 1;
        report.errorCount = 1;
        const QString message = kind == tr("UTF-16 text")
            ? tr("This file is UTF-16 text. A batch input file must be UTF-8: save it again as UTF-8.")
            : tr("This is not a text file (it looks like %1). A batch input file is JSONL: UTF-8 text with "
                 "one JSON request per line.")
                  .arg(kind);
        report.diagnostics.append(Diagnostic {Severity::Error, 0, Code::NotText, message});
        report.seconds = double(timer.nsecsElapsed()) / 1e9;
        return report;
    }
    file.seek(0);

    int parts = options.threads > 0 ? options.threads : std::max(1, QThread::idealThreadCount());
    if (size < kParallelThreshold)
        parts = 1;
    const std::vector<qint64> points = splitPoints(file, size, parts);
    file.close();

    std::vector<ChunkResult> chunks;
    chunks.resize(std::size_t(parts));
    SharedProgress shared;
    std::vector<std::thread> workers;
    workers.reserve(std::size_t(parts));
    for (int k = 0; k < parts; ++k) {
        workers.emplace_back([&, k] {
            scanRange(path, points[std::size_t(k)], points[std::size_t(k + 1)], options,
                      chunks[std::size_t(k)], shared);
            std::lock_guard lock(shared.mutex);
            ++shared.finished;
            shared.done.notify_all();
        });
    }
    {
        std::unique_lock lock(shared.mutex);
        while (shared.finished < parts) {
            shared.done.wait_for(lock, std::chrono::milliseconds(40));
            lock.unlock();
            if (control.progress)
                control.progress(shared.bytes.load(), size);
            if (control.isCanceled && control.isCanceled())
                shared.cancel = true;
            lock.lock();
        }
    }
    for (auto &w : workers)
        w.join();

    report.seconds = double(timer.nsecsElapsed()) / 1e9;
    if (shared.cancel) {
        report.outcome = ValidationReport::Outcome::Canceled;
        return report;
    }
    for (const auto &c : chunks) {
        if (!c.ioError.isEmpty()) {
            report.outcome = ValidationReport::Outcome::IoError;
            report.ioError = c.ioError;
            return report;
        }
    }
    if (control.progress)
        control.progress(size, size);

    if (options.buildIndex) {
        std::vector<qint64> starts;
        std::size_t total = 0;
        for (const auto &c : chunks)
            total += c.starts.size();
        starts.reserve(total);
        for (auto &c : chunks) {
            starts.insert(starts.end(), c.starts.begin(), c.starts.end());
            std::vector<qint64>().swap(c.starts);
        }
        report.index = IndexBuilder::make(path, size, info.lastModified(), chunks.front().bom,
                                          chunks.back().endsWithNewline && size > 0, std::move(starts));
    }
    mergeInto(report, chunks, options);
    report.seconds = double(timer.nsecsElapsed()) / 1e9;
    qCDebug(lcJsonl) << "validated" << path << report.lines << "lines in" << report.seconds << "s";
    return report;
}

ValidationReport validateData(QByteArrayView data, const ValidationOptions &options)
{
    ValidationReport report;
    report.bytes = data.size();
    report.profile = options.profile;
    ValidationOptions opts = options;
    opts.buildIndex = false;
    std::vector<ChunkResult> chunks(1);
    {
        const std::size_t size = std::size_t(data.size());
        std::unique_ptr<char[]> buffer(new char[size + kPadding]);
        if (size > 0)
            std::memcpy(buffer.get(), data.data(), size);
        std::memset(buffer.get() + size, 0, kPadding);
        ChunkValidator validator(opts, chunks[0], true, 0);
        const std::size_t pos = feedLines(validator, buffer.get(), 0, size, size + kPadding);
        if (pos < size)
            validator.line(buffer.get() + pos, size - pos, size + kPadding - pos);
    }
    mergeInto(report, chunks, opts);
    return report;
}

QFuture<ValidationReport> validateFileAsync(const QString &path, const ValidationOptions &options)
{
    return QtConcurrent::run(
        [](QPromise<ValidationReport> &promise, const QString &file, const ValidationOptions &opts) {
            promise.setProgressRange(0, 1000);
            ValidationControl control;
            control.isCanceled = [&promise] { return promise.isCanceled(); };
            control.progress = [&promise](qint64 done, qint64 total) {
                promise.setProgressValue(total > 0 ? int(done * 1000 / total) : 0);
            };
            promise.addResult(validateFile(file, opts, control));
        },
        path, options);
}

} // namespace Batchdesk::Jsonl
