#include "jsoncolumns.h"

#include "jsonl/jsontext_p.h"
#include "linescanner_p.h"

#include <QHash>
#include <QJsonDocument>

#include <simdjson.h>

#include <cmath>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace Batchdesk::Results {

namespace dom = simdjson::dom;
using Detail::tr;
using Jsonl::Detail::qs;

namespace {

// One step of a path: a member name, or an array index when index >= 0.
struct PathStep
{
    QString key;
    qint64 index = -1;
};

// Parses "result", "items[0]", "$.a.b", "$", "[2].x"; nullopt (and *error) when malformed.
std::optional<std::vector<PathStep>> parsePath(const QString &path, QString *error = nullptr)
{
    std::vector<PathStep> steps;
    QStringView p = QStringView(path).trimmed();
    if (p.startsWith(u'$')) {
        p = p.mid(1);
        if (p.startsWith(u'.'))
            p = p.mid(1);
    }
    const auto fail = [&](const QString &why) -> std::optional<std::vector<PathStep>> {
        if (error)
            *error = tr("The JSON path \"%1\" is not usable: %2").arg(path, why);
        return std::nullopt;
    };
    qsizetype i = 0;
    bool expectName = true; // at the start, or after a dot
    while (i < p.size()) {
        const QChar c = p.at(i);
        if (c == u'[') {
            const qsizetype close = p.indexOf(u']', i);
            if (close < 0)
                return fail(tr("a [ without ]"));
            bool ok = false;
            const qint64 index = p.mid(i + 1, close - i - 1).toLongLong(&ok);
            if (!ok || index < 0)
                return fail(tr("an array index must be a number 0 or more"));
            steps.push_back({QString(), index});
            i = close + 1;
            expectName = false;
        } else if (c == u'.') {
            if (expectName)
                return fail(tr("an empty member name"));
            expectName = true;
            ++i;
            if (i == p.size())
                return fail(tr("an empty member name"));
        } else {
            if (!expectName)
                return fail(tr("a member name must follow a dot"));
            qsizetype end = i;
            while (end < p.size() && p.at(end) != u'.' && p.at(end) != u'[')
                ++end;
            steps.push_back({p.mid(i, end - i).toString(), -1});
            i = end;
            expectName = false;
        }
    }
    return steps;
}

QString pathText(const QString &path)
{
    return QStringView(path).trimmed().toString();
}

JsonColumn::Type typeFromName(std::string_view name)
{
    if (name == "string")
        return JsonColumn::Type::String;
    if (name == "number")
        return JsonColumn::Type::Number;
    if (name == "integer")
        return JsonColumn::Type::Integer;
    if (name == "boolean")
        return JsonColumn::Type::Boolean;
    return JsonColumn::Type::Any;
}

bool isObject(dom::element e)
{
    return e.type() == dom::element_type::OBJECT;
}

std::optional<dom::element> member(dom::element e, std::string_view key)
{
    dom::object object;
    dom::element value;
    if (e.get_object().get(object) || object.at_key(key).get(value))
        return std::nullopt;
    return value;
}

// The types the values of a column had (sampling), or of an enum's values.
struct TypesSeen
{
    bool integer = false;
    bool real = false;
    bool boolean = false;
    bool string = false;
    bool other = false; // arrays, objects kept as text

    void add(dom::element v)
    {
        switch (v.type()) {
        case dom::element_type::INT64:
            integer = true;
            break;
        case dom::element_type::UINT64:
        case dom::element_type::DOUBLE:
            real = true;
            break;
        case dom::element_type::BOOL:
            boolean = true;
            break;
        case dom::element_type::STRING:
            string = true;
            break;
        case dom::element_type::NULL_VALUE:
            break;
        default:
            other = true;
        }
    }
    JsonColumn::Type type() const
    {
        const int kinds = int(integer || real) + int(boolean) + int(string) + int(other);
        if (kinds != 1 || other)
            return JsonColumn::Type::Any;
        if (real)
            return JsonColumn::Type::Number;
        if (integer)
            return JsonColumn::Type::Integer;
        return boolean ? JsonColumn::Type::Boolean : JsonColumn::Type::String;
    }
};

// Walks a JSON schema (a simdjson DOM, so properties keep their order) into columns.
class SchemaWalker
{
public:
    SchemaWalker(dom::element root, const JsonColumnsOptions &options)
        : m_root(root)
        , m_options(options)
    { }

    // Follows local $refs and unwraps anyOf/oneOf/allOf of one schema (null alternatives dropped).
    dom::element resolve(dom::element s) const
    {
        for (int guard = 0; guard < 32; ++guard) {
            if (!isObject(s))
                return s;
            std::string_view ref;
            if (const auto r = member(s, "$ref"); r && !r->get_string().get(ref)) {
                const auto target = pointer(ref);
                if (!target)
                    return s;
                s = *target;
                continue;
            }
            const auto single = singleAlternative(s);
            if (!single)
                return s;
            s = *single;
        }
        return s;
    }

    JsonColumn::Type leafType(dom::element s) const
    {
        s = resolve(s);
        if (!isObject(s))
            return JsonColumn::Type::Any;
        if (const auto t = member(s, "type")) {
            std::string_view name;
            if (!t->get_string().get(name))
                return typeFromName(name);
            dom::array names;
            if (!t->get_array().get(names)) {
                std::optional<JsonColumn::Type> found;
                for (dom::element n : names) {
                    if (n.get_string().get(name) || name == "null")
                        continue;
                    if (found)
                        return JsonColumn::Type::Any; // ["string","number"]
                    found = typeFromName(name);
                }
                return found.value_or(JsonColumn::Type::Any);
            }
        }
        TypesSeen seen;
        dom::array values;
        if (const auto e = member(s, "enum"); e && !e->get_array().get(values)) {
            for (dom::element v : values)
                seen.add(v);
            return seen.type();
        }
        if (const auto c = member(s, "const")) {
            seen.add(*c);
            return seen.type();
        }
        // anyOf of several alternatives of one type ({"type":"integer","minimum":0} | {"type":"integer"...})
        for (const char *key : {"anyOf", "oneOf"}) {
            dom::array alternatives;
            if (const auto a = member(s, key); !a || a->get_array().get(alternatives))
                continue;
            std::optional<JsonColumn::Type> found;
            for (dom::element alt : alternatives) {
                if (isNullSchema(alt))
                    continue;
                const JsonColumn::Type t = leafType(alt);
                if (found && *found != t)
                    return JsonColumn::Type::Any;
                found = t;
            }
            return found.value_or(JsonColumn::Type::Any);
        }
        return JsonColumn::Type::Any;
    }

    // The schema of the value at the path; nullopt when the schema does not describe it.
    std::optional<dom::element> at(const std::vector<PathStep> &steps) const
    {
        dom::element s = resolve(m_root);
        for (const PathStep &step : steps) {
            if (step.index < 0) {
                const auto properties = member(s, "properties");
                const QByteArray key = step.key.toUtf8();
                const auto next = properties
                    ? member(*properties, std::string_view(key.constData(), std::size_t(key.size())))
                    : std::nullopt;
                if (!next)
                    return std::nullopt;
                s = resolve(*next);
            } else {
                dom::array prefix;
                dom::element item;
                if (const auto p = member(s, "prefixItems");
                    p && !p->get_array().get(prefix) && !prefix.at(std::size_t(step.index)).get(item)) {
                    s = resolve(item);
                } else if (const auto items = member(s, "items")) {
                    dom::array tuple;
                    if (!items->get_array().get(tuple)) { // draft-04 tuple form
                        if (tuple.at(std::size_t(step.index)).get(item))
                            return std::nullopt;
                        s = resolve(item);
                    } else {
                        s = resolve(*items);
                    }
                } else {
                    return std::nullopt;
                }
            }
        }
        return s;
    }

    void addObject(dom::element s, const QStringList &prefix, QList<JsonColumn> &columns) const
    {
        dom::object properties;
        if (const auto p = member(s, "properties"); !p || p->get_object().get(properties))
            return;
        for (dom::key_value_pair property : properties) {
            if (columns.size() >= m_options.maxColumns)
                return;
            const QStringList keys = prefix + QStringList {qs(property.key)};
            const dom::element sub = resolve(property.value);
            dom::object subProperties;
            const auto p = member(sub, "properties");
            if (keys.size() < m_options.maxDepth && p && !p->get_object().get(subProperties)
                && subProperties.size() > 0) {
                addObject(sub, keys, columns);
            } else {
                columns << JsonColumn {keys.join(u'.'), leafType(sub), keys};
            }
        }
    }

private:
    static bool isNullSchema(dom::element s)
    {
        std::string_view type;
        const auto t = member(s, "type");
        return t && !t->get_string().get(type) && type == "null";
    }

    static std::optional<dom::element> singleAlternative(dom::element s)
    {
        for (const char *key : {"anyOf", "oneOf", "allOf"}) {
            dom::array alternatives;
            if (const auto a = member(s, key); !a || a->get_array().get(alternatives))
                continue;
            std::optional<dom::element> single;
            for (dom::element alt : alternatives) {
                if (isNullSchema(alt))
                    continue;
                if (single)
                    return std::nullopt;
                single = alt;
            }
            return single;
        }
        return std::nullopt;
    }

    // "#/$defs/Scores" within the root schema (JSON pointer, ~0 and ~1 unescaped).
    std::optional<dom::element> pointer(std::string_view ref) const
    {
        if (ref.substr(0, 1) != "#")
            return std::nullopt;
        ref.remove_prefix(1);
        dom::element e = m_root;
        while (!ref.empty()) {
            if (ref.front() != '/')
                return std::nullopt;
            ref.remove_prefix(1);
            const std::size_t slash = ref.find('/');
            const std::string_view escaped = ref.substr(0, slash);
            ref = slash == std::string_view::npos ? std::string_view() : ref.substr(slash);
            std::string token;
            for (std::size_t i = 0; i < escaped.size(); ++i) {
                if (escaped[i] == '~' && i + 1 < escaped.size()) {
                    token += escaped[i + 1] == '1' ? '/' : '~';
                    ++i;
                } else {
                    token += escaped[i];
                }
            }
            const auto next = member(e, token);
            if (!next)
                return std::nullopt;
            e = *next;
        }
        return e;
    }

    dom::element m_root;
    const JsonColumnsOptions &m_options;
};

// The schema a request carries: response_format json_schema (Chat Completions), text.format (Responses),
// or the parameters of the first tool's function.
std::optional<dom::element> requestSchema(dom::element request)
{
    const auto body = member(request, "body");
    if (!body)
        return std::nullopt;
    std::string_view type;
    if (const auto format = member(*body, "response_format")) {
        const auto t = member(*format, "type");
        if (t && !t->get_string().get(type) && type == "json_schema") {
            if (const auto js = member(*format, "json_schema"); js && isObject(*js)) {
                if (const auto schema = member(*js, "schema"); schema && isObject(*schema))
                    return schema; // {name, schema, strict}
                if (member(*js, "properties") || member(*js, "type"))
                    return js; // the bare schema
            }
        }
    }
    if (const auto text = member(*body, "text")) {
        const auto format = member(*text, "format");
        const auto t = format ? member(*format, "type") : std::nullopt;
        if (t && !t->get_string().get(type) && type == "json_schema") {
            if (const auto schema = member(*format, "schema"); schema && isObject(*schema))
                return schema;
        }
    }
    dom::array tools;
    dom::element first;
    if (const auto t = member(*body, "tools"); t && !t->get_array().get(tools) && !tools.at(0).get(first)) {
        if (const auto function = member(first, "function")) {
            if (const auto parameters = member(*function, "parameters"); parameters && isObject(*parameters))
                return parameters;
        }
        if (const auto parameters = member(first, "parameters"); parameters && isObject(*parameters))
            return parameters; // Responses API tools are flat
    }
    return std::nullopt;
}

// Finds where JSON text that simdjson rejected goes wrong, for a person: "unexpected character at offset 15".
// Only run on the error path; iterative over containers (no recursion), linear in the text.
class SyntaxCheck
{
public:
    explicit SyntaxCheck(QByteArrayView text)
        : m_text(text)
    { }

    // Empty when the text is valid JSON as far as this check sees.
    QString error()
    {
        std::vector<char> stack; // '{' or '['
        skipSpace();
        if (!value(stack))
            return m_error;
        while (!stack.empty()) {
            skipSpace();
            const char close = stack.back() == '{' ? '}' : ']';
            if (atEnd())
                return endError();
            if (peek() == close) {
                ++m_pos;
                stack.pop_back();
                continue;
            }
            if (peek() != ',')
                return unexpected();
            ++m_pos;
            skipSpace();
            if (stack.back() == '{' && !member())
                return m_error;
            if (!value(stack))
                return m_error;
        }
        skipSpace();
        if (!atEnd())
            return tr("text after the JSON at offset %1").arg(m_pos);
        return {};
    }

private:
    bool atEnd() const { return m_pos >= m_text.size(); }
    char peek() const { return m_text.at(m_pos); }
    void skipSpace()
    {
        while (!atEnd() && (peek() == ' ' || peek() == '\t' || peek() == '\n' || peek() == '\r'))
            ++m_pos;
    }
    QString unexpected() { return m_error = tr("unexpected character at offset %1").arg(m_pos); }
    QString endError() { return m_error = tr("the text ends at offset %1 before the JSON does").arg(m_pos); }
    bool fail(const QString &error)
    {
        m_error = error;
        return false;
    }

    // A member name and its colon; the value follows.
    bool member()
    {
        if (atEnd())
            return fail(endError());
        if (peek() != '"')
            return fail(unexpected());
        if (!string())
            return false;
        skipSpace();
        if (atEnd())
            return fail(endError());
        if (peek() != ':')
            return fail(unexpected());
        ++m_pos;
        skipSpace();
        return true;
    }

    // One value; an opening bracket is pushed and its first member or element read.
    bool value(std::vector<char> &stack)
    {
        for (;;) {
            if (atEnd())
                return fail(endError());
            const char c = peek();
            if (c == '{' || c == '[') {
                if (stack.size() >= 1024)
                    return fail(tr("nested too deeply at offset %1").arg(m_pos));
                ++m_pos;
                stack.push_back(c);
                skipSpace();
                if (atEnd())
                    return fail(endError());
                if (peek() == (c == '{' ? '}' : ']')) {
                    ++m_pos;
                    stack.pop_back();
                    return true;
                }
                if (c == '{' && !member())
                    return false;
                continue; // the first value inside
            }
            if (c == '"')
                return string();
            if (c == '-' || (c >= '0' && c <= '9'))
                return number();
            for (const char *literal : {"true", "false", "null"}) {
                const QByteArrayView word(literal);
                if (m_text.sliced(m_pos).startsWith(word)) {
                    m_pos += word.size();
                    return true;
                }
            }
            return fail(unexpected());
        }
    }

    bool string()
    {
        ++m_pos; // the opening quote
        while (!atEnd()) {
            const char c = peek();
            if (c == '"') {
                ++m_pos;
                return true;
            }
            if (uchar(c) < 0x20)
                return fail(tr("a control character inside a string at offset %1").arg(m_pos));
            if (c == '\\') {
                ++m_pos;
                if (atEnd())
                    break;
                if (!QByteArrayView("\"\\/bfnrtu").contains(peek()))
                    return fail(tr("invalid escape sequence at offset %1").arg(m_pos - 1));
            }
            ++m_pos;
        }
        return fail(tr("unterminated string at offset %1").arg(m_pos));
    }

    bool number()
    {
        const qsizetype start = m_pos;
        const auto digits = [this] {
            const qsizetype from = m_pos;
            while (!atEnd() && peek() >= '0' && peek() <= '9')
                ++m_pos;
            return m_pos > from;
        };
        if (peek() == '-')
            ++m_pos;
        if (!atEnd() && peek() == '0')
            ++m_pos;
        else if (!digits())
            return fail(tr("invalid number at offset %1").arg(start));
        if (!atEnd() && peek() == '.') {
            ++m_pos;
            if (!digits())
                return fail(tr("invalid number at offset %1").arg(start));
        }
        if (!atEnd() && (peek() == 'e' || peek() == 'E')) {
            ++m_pos;
            if (!atEnd() && (peek() == '+' || peek() == '-'))
                ++m_pos;
            if (!digits())
                return fail(tr("invalid number at offset %1").arg(start));
        }
        return true;
    }

    QByteArrayView m_text;
    qsizetype m_pos = 0;
    QString m_error;
};

// The text between a ``` fence (with an optional language word), or the text itself when it has none.
QStringView stripFence(QStringView text)
{
    text = text.trimmed();
    if (text.startsWith(u'{') || text.startsWith(u'['))
        return text;
    const qsizetype open = text.indexOf(QLatin1String("```"));
    if (open < 0)
        return text;
    qsizetype start = open + 3;
    while (start < text.size() && text.at(start).isLetterOrNumber())
        ++start; // the info string: json, JSON, jsonc…
    const qsizetype close = text.indexOf(QLatin1String("```"), start);
    return text.mid(start, (close < 0 ? text.size() : close) - start).trimmed();
}

QVariant cellValue(dom::element v)
{
    std::string_view s;
    int64_t i = 0;
    double d = 0;
    bool b = false;
    switch (v.type()) {
    case dom::element_type::INT64:
        return v.get_int64().get(i) ? QVariant() : QVariant(qlonglong(i));
    case dom::element_type::UINT64:
    case dom::element_type::DOUBLE:
        return v.get_double().get(d) ? QVariant() : QVariant(d);
    case dom::element_type::BOOL:
        return v.get_bool().get(b) ? QVariant() : QVariant(b);
    case dom::element_type::STRING:
        return v.get_string().get(s) ? QVariant() : QVariant(qs(s));
    case dom::element_type::NULL_VALUE:
        return {};
    case dom::element_type::ARRAY:
    case dom::element_type::OBJECT:
        break;
    }
    return QString::fromStdString(simdjson::minify(v));
}

// The object at the path of one answer, parsed into the thread's parser (valid until its next parse).
struct ParsedAnswer
{
    JsonRowValues::Status status = JsonRowValues::Status::NoAnswer;
    QString error;
    dom::element object;
};

ParsedAnswer parseAnswer(const QString &answer, const std::vector<PathStep> &steps, const QString &path)
{
    ParsedAnswer result;
    if (answer.isEmpty())
        return result;
    result.status = JsonRowValues::Status::Invalid;
    if (answer.size() > JsonColumns::kMaxAnswerBytes) {
        result.error = tr("the answer is larger than 16 MiB");
        return result;
    }
    const QByteArray utf8 = answer.toUtf8();
    if (utf8.size() > JsonColumns::kMaxAnswerBytes) {
        result.error = tr("the answer is larger than 16 MiB");
        return result;
    }
    thread_local dom::parser parser;
    dom::element doc;
    if (const auto error = parser.parse(utf8.constData(), std::size_t(utf8.size())).get(doc)) {
        const QString where = SyntaxCheck(utf8).error();
        result.error = tr("not JSON: %1")
                           .arg(where.isEmpty() ? QString::fromUtf8(simdjson::error_message(error)) : where);
        return result;
    }
    dom::element e = doc;
    for (const PathStep &step : steps) {
        dom::element next;
        bool found = false;
        if (step.index < 0) {
            const QByteArray key = step.key.toUtf8();
            const auto m = member(e, std::string_view(key.constData(), std::size_t(key.size())));
            found = m.has_value();
            if (found)
                next = *m;
        } else {
            dom::array array;
            found = !e.get_array().get(array) && !array.at(std::size_t(step.index)).get(next);
        }
        if (!found) {
            result.error = tr("no object at \"%1\"").arg(path);
            return result;
        }
        e = next;
    }
    if (!isObject(e)) {
        result.error =
            steps.empty() ? tr("the answer is JSON but not an object") : tr("no object at \"%1\"").arg(path);
        return result;
    }
    result.status = JsonRowValues::Status::Parsed;
    result.object = e;
    return result;
}

// Columns from sampled answers: members in order of first appearance, typed by the values seen.
class Sampler
{
public:
    explicit Sampler(const JsonColumnsOptions &options)
        : m_options(options)
    { }

    void addObject(dom::element object, const QStringList &prefix = {})
    {
        dom::object members;
        if (object.get_object().get(members))
            return;
        for (dom::key_value_pair kv : members) {
            const QStringList keys = prefix + QStringList {qs(kv.key)};
            if (isObject(kv.value) && keys.size() < m_options.maxDepth) {
                addObject(kv.value, keys);
                continue;
            }
            const QString name = keys.join(u'.');
            auto it = m_byName.constFind(name);
            if (it == m_byName.cend()) {
                if (m_columns.size() >= m_options.maxColumns)
                    continue;
                it = m_byName.insert(name, int(m_columns.size()));
                m_columns << JsonColumn {name, JsonColumn::Type::Any, keys};
                m_seen.push_back({});
            }
            m_seen[std::size_t(*it)].add(kv.value);
        }
    }

    QList<JsonColumn> columns() const
    {
        QList<JsonColumn> columns = m_columns;
        for (qsizetype i = 0; i < columns.size(); ++i)
            columns[i].type = m_seen[std::size_t(i)].type();
        return columns;
    }

private:
    const JsonColumnsOptions &m_options;
    QList<JsonColumn> m_columns;
    QHash<QString, int> m_byName;
    std::vector<TypesSeen> m_seen;
};

} // namespace

QString JsonColumns::pathError(const QString &path)
{
    QString error;
    return parsePath(path, &error) ? QString() : error;
}

JsonColumns JsonColumns::fromSchema(const QJsonObject &schema, const JsonColumnsOptions &options)
{
    return fromSchemaJson(QJsonDocument(schema).toJson(QJsonDocument::Compact), options);
}

JsonColumns JsonColumns::fromSchemaJson(QByteArrayView schemaJson, const JsonColumnsOptions &options)
{
    JsonColumns columns;
    columns.m_options = options;
    columns.m_fromSchema = true;
    const auto steps = parsePath(options.path);
    if (!steps)
        return columns;
    dom::parser parser;
    dom::element root;
    if (parser.parse(schemaJson.data(), std::size_t(schemaJson.size())).get(root))
        return columns;
    const SchemaWalker walker(root, options);
    if (const auto at = walker.at(*steps))
        walker.addObject(*at, {}, columns.m_columns);
    return columns;
}

JsonColumns JsonColumns::discover(const JoinedResults &results, const JsonColumnsOptions &options,
                                  const WorkControl &control)
{
    JsonColumns columns;
    columns.m_options = options;
    const auto steps = parsePath(options.path);
    if (!steps)
        return columns;
    const auto canceled = [&] { return control.isCanceled && control.isCanceled(); };
    const qint64 requestRows = qMin<qint64>(results.rowCount(), options.sampleRows);
    dom::parser parser;
    for (qint64 i = 0; i < requestRows; ++i) {
        if ((i & 63) == 0 && canceled())
            return columns;
        if (results.isExtra(i))
            continue;
        const auto line = results.requestLine(i);
        dom::element request;
        if (!line.ok() || line.value().isEmpty()
            || parser.parse(line.value().constData(), std::size_t(line.value().size())).get(request))
            continue;
        const auto schema = requestSchema(request);
        if (!schema)
            continue;
        // The walker reads the schema in place: no copy of the request.
        const SchemaWalker walker(*schema, options);
        if (const auto at = walker.at(*steps))
            walker.addObject(*at, {}, columns.m_columns);
        if (!columns.m_columns.isEmpty()) {
            columns.m_fromSchema = true;
            return columns;
        }
        break; // the first request with a schema decides; a schema without columns falls back to sampling
    }
    Sampler sampler(options);
    int parsed = 0;
    const QString path = pathText(options.path);
    for (qint64 i = 0; i < results.rowCount() && parsed < options.sampleRows; ++i) {
        if ((i & 63) == 0) {
            if (canceled())
                return columns;
            if (control.progress)
                control.progress(i, results.rowCount());
        }
        if (!results.hasResult(i))
            continue;
        const auto line = results.resultLine(i);
        if (!line.ok())
            continue;
        ResultRow row;
        parseResultLine(line.value(), row);
        const ParsedAnswer answer = parseAnswer(answerJson(row), *steps, path);
        if (answer.status != JsonRowValues::Status::Parsed)
            continue;
        sampler.addObject(answer.object);
        ++parsed;
    }
    columns.m_columns = sampler.columns();
    return columns;
}

QStringList JsonColumns::names() const
{
    QStringList names;
    names.reserve(m_columns.size());
    for (const JsonColumn &c : m_columns)
        names << c.name;
    return names;
}

QString JsonColumns::answerJson(const ResultRow &row)
{
    // Embeddings, images, moderations and videos have a description, not an answer.
    if (row.embeddingCount > 0 || row.imageCount > 0 || row.flagged >= 0 || !row.videoId.isEmpty())
        return {};
    // A tool-call-only message shows "→ name(arguments)" as its text: the arguments are the answer.
    if (!row.toolArguments.isEmpty()
        && (row.responseText.isEmpty() || row.responseText.startsWith(QStringLiteral("\u2192 "))))
        return QStringView(row.toolArguments).trimmed().toString();
    return stripFence(row.responseText).toString();
}

JsonRowValues JsonColumns::extract(const ResultRow &row) const
{
    return extract(row, nullptr);
}

JsonRowValues JsonColumns::extract(const ResultRow &row, QByteArray *objectJson) const
{
    JsonRowValues values;
    if (objectJson)
        objectJson->clear();
    values.values.resize(m_columns.size());
    const auto steps = parsePath(m_options.path);
    if (!steps)
        return values;
    const ParsedAnswer answer = parseAnswer(answerJson(row), *steps, pathText(m_options.path));
    values.status = answer.status;
    values.error = answer.error;
    if (answer.status != JsonRowValues::Status::Parsed)
        return values;
    for (qsizetype c = 0; c < m_columns.size(); ++c) {
        dom::element e = answer.object;
        bool found = true;
        for (const QString &key : m_columns.at(c).keys) {
            const QByteArray k = key.toUtf8();
            const auto next = member(e, std::string_view(k.constData(), std::size_t(k.size())));
            if (!next) {
                found = false;
                break;
            }
            e = *next;
        }
        if (found)
            values.values[c] = cellValue(e);
    }
    if (objectJson)
        *objectJson = QByteArray::fromStdString(simdjson::minify(answer.object));
    return values;
}

JsonColumnsCounts countJsonAnswers(const JoinedResults &results, const JsonColumns &columns,
                                   const WorkControl &control)
{
    JsonColumnsCounts counts;
    const auto steps = parsePath(columns.options().path);
    const QString path = pathText(columns.options().path);
    for (qint64 i = 0; i < results.rowCount(); ++i) {
        if ((i & 255) == 0) {
            if (control.isCanceled && control.isCanceled())
                return counts;
            if (control.progress)
                control.progress(i, results.rowCount());
        }
        if (!results.hasResult(i) || !steps) {
            ++counts.noAnswer;
            continue;
        }
        ResultRow row;
        const auto line = results.resultLine(i);
        if (line.ok())
            parseResultLine(line.value(), row);
        switch (parseAnswer(JsonColumns::answerJson(row), *steps, path).status) {
        case JsonRowValues::Status::Parsed:
            ++counts.parsed;
            break;
        case JsonRowValues::Status::Invalid:
            ++counts.invalid;
            break;
        case JsonRowValues::Status::NoAnswer:
            ++counts.noAnswer;
            break;
        }
    }
    if (control.progress)
        control.progress(results.rowCount(), results.rowCount());
    return counts;
}

QString jsonCellText(const QVariant &value)
{
    switch (value.typeId()) {
    case QMetaType::Double: {
        const double d = value.toDouble();
        if (!std::isfinite(d))
            return {};
        // Shortest round-trip digits; plain notation where a spreadsheet shows it (as JavaScript does).
        const double a = std::fabs(d);
        const char format = (a == 0 || (a >= 1e-6 && a < 1e21)) ? 'f' : 'g';
        return QString::number(d, format, QLocale::FloatingPointShortest);
    }
    case QMetaType::LongLong:
        return QString::number(value.toLongLong());
    case QMetaType::Bool:
        return value.toBool() ? QStringLiteral("true") : QStringLiteral("false");
    case QMetaType::UnknownType:
        return {};
    default:
        return value.toString();
    }
}

} // namespace Batchdesk::Results
