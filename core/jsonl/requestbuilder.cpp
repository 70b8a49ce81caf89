#include "requestbuilder.h"
#include "common/translate.h"

#include "jsontext_p.h"
#include "validator.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QDir>
#include <QFileInfo>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>
#include <QSaveFile>

#include <algorithm>
#include <cmath>
#include <cstring>

namespace Batchdesk::Jsonl {

namespace {

QString tr(const char *text)
{
    return Batchdesk::translateIn({"Batchdesk::Jsonl::RequestBuilder", "Batchdesk::Jsonl::BuildSpec",
                                   "Batchdesk::Jsonl::Template", "Batchdesk::Jsonl"},
                                  text);
}

constexpr qsizetype kFlushBytes = 1 << 20;
const QByteArray kIdPrefix = QByteArrayLiteral("row-");

// A value serialised compactly as JSON text (QJsonDocument only takes arrays and objects).
QByteArray compactJson(const QJsonValue &value)
{
    const QByteArray wrapped = QJsonDocument(QJsonArray {value}).toJson(QJsonDocument::Compact);
    return wrapped.mid(1, wrapped.size() - 2);
}

QByteArray number(double d)
{
    return QByteArray::number(d, 'g', QLocale::FloatingPointShortest);
}

// Lets the shared appendJsonString() write through a raw pointer into room reserved up front: its
// per-character `out += c` on a QByteArray is an out-of-line QByteArray::append per byte, which profiled as
// the largest cost of a build (16% of a 100 MB CSV).
class JsonSink
{
public:
    JsonSink(QByteArray &out, qsizetype inputBytes)
        : m_out(out)
    {
        const qsizetype start = out.size();
        out.resize(start + 6 * inputBytes + 2); // worst case: every byte as \u00XX, plus the quotes
        m_p = out.data() + start;
    }
    ~JsonSink() { m_out.resize(m_p - m_out.constData()); }
    Q_DISABLE_COPY_MOVE(JsonSink)
    JsonSink &operator+=(char c)
    {
        *m_p++ = c;
        return *this;
    }
    JsonSink &operator+=(const char *s)
    {
        while (*s)
            *m_p++ = *s++;
        return *this;
    }

private:
    QByteArray &m_out;
    char *m_p;
};

// Counts what appendJsonString() would write: the planning pass sizes every line without writing it.
struct JsonCounter
{
    qint64 bytes = 0;
    JsonCounter &operator+=(char)
    {
        ++bytes;
        return *this;
    }
    JsonCounter &operator+=(const char *s)
    {
        bytes += qint64(std::strlen(s));
        return *this;
    }
};

template<typename Bytes>
void appendJson(QByteArray &out, const Bytes &bytes)
{
    JsonSink sink(out, bytes.size());
    Detail::appendJsonString(sink, bytes);
}

// Stands in for the line buffer in the planning pass: sizes a line without writing it.
struct LineSizer
{
    qint64 bytes = 0;
    LineSizer &operator+=(char)
    {
        ++bytes;
        return *this;
    }
    LineSizer &operator+=(const char *s)
    {
        bytes += qint64(std::strlen(s));
        return *this;
    }
    LineSizer &operator+=(const QByteArray &s)
    {
        bytes += s.size();
        return *this;
    }
};

template<typename Bytes>
void appendJson(LineSizer &out, const Bytes &bytes)
{
    JsonCounter counter;
    Detail::appendJsonString(counter, bytes);
    out.bytes += counter.bytes;
}

int editDistance(const QString &a, const QString &b)
{
    QList<int> prev(b.size() + 1);
    QList<int> cur(b.size() + 1);
    for (qsizetype j = 0; j <= b.size(); ++j)
        prev[j] = int(j);
    for (qsizetype i = 1; i <= a.size(); ++i) {
        cur[0] = int(i);
        for (qsizetype j = 1; j <= b.size(); ++j) {
            const int cost = a.at(i - 1).toCaseFolded() == b.at(j - 1).toCaseFolded() ? 0 : 1;
            cur[j] = std::min({prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost});
        }
        std::swap(prev, cur);
    }
    return prev[b.size()];
}

// "did you mean "x"?" for the closest column names, or the list of columns when none is close.
QString suggestion(const QString &name, const QStringList &columns)
{
    QStringList close;
    for (const QString &c : columns) {
        if (editDistance(name, c) <= qMax(2, int(name.size()) / 3))
            close << QLatin1Char('"') + c + QLatin1Char('"');
    }
    if (!close.isEmpty())
        return tr("did you mean %1?").arg(close.join(QStringLiteral(" or ")));
    QStringList shown = columns.mid(0, 12);
    if (columns.size() > 12)
        shown << QStringLiteral("...");
    return tr("the columns are: %1").arg(shown.join(QStringLiteral(", ")));
}

bool endpointIs(const QString &endpoint, QLatin1StringView url)
{
    return endpoint == url;
}

} // namespace

// ---- Template

Template Template::parse(const QString &text)
{
    Template t;
    t.m_text = text;
    QString literal;
    auto flush = [&] {
        if (!literal.isEmpty())
            t.m_segments << Segment {literal.toUtf8(), {}, -1};
        literal.clear();
    };
    qsizetype pos = 0;
    const qsizetype n = text.size();
    while (pos < n) {
        const QStringView rest = QStringView(text).sliced(pos);
        if (rest.startsWith(QLatin1StringView("{{{{"))) {
            literal += QLatin1StringView("{{");
            pos += 4;
            continue;
        }
        if (rest.startsWith(QLatin1StringView("{{"))) {
            const qsizetype end = text.indexOf(QLatin1StringView("}}"), pos + 2);
            if (end < 0) {
                t.m_errors << tr("\"{{\" at character %1 has no closing \"}}\" (write \"{{{{\" for a literal "
                                 "\"{{\").")
                                  .arg(pos + 1);
                literal += rest;
                break;
            }
            const QString name = text.mid(pos + 2, end - pos - 2).trimmed();
            if (name.isEmpty()) {
                t.m_errors << tr("The placeholder at character %1 has no column name.").arg(pos + 1);
            } else {
                flush();
                t.m_segments << Segment {{}, name, -1};
            }
            pos = end + 2;
            continue;
        }
        literal += text.at(pos);
        ++pos;
    }
    flush();
    return t;
}

QStringList Template::placeholders() const
{
    QStringList names;
    for (const Segment &s : m_segments) {
        if (!s.name.isEmpty())
            names << s.name;
    }
    return names;
}

QStringList Template::bind(const QStringList &columns)
{
    QStringList unknown;
    for (Segment &s : m_segments) {
        if (s.name.isEmpty())
            continue;
        s.column = int(columns.indexOf(s.name));
        if (s.column < 0 && !unknown.contains(s.name))
            unknown << s.name;
    }
    return unknown;
}

QList<int> Template::columns() const
{
    QList<int> cols;
    for (const Segment &s : m_segments) {
        if (s.column >= 0 && !cols.contains(s.column))
            cols << s.column;
    }
    return cols;
}

void Template::render(const CsvTable &table, qint64 row, QByteArray &out) const
{
    for (const Segment &s : m_segments) {
        if (s.name.isEmpty())
            out += s.literal;
        else if (s.column >= 0)
            out += table.cellBytes(row, s.column);
    }
}

// ---- BuildSpec

std::optional<QString> BuildSpec::setParameter(const QString &rawKey, const QString &value)
{
    const QString key = rawKey.trimmed();
    if (key.isEmpty())
        return tr("A parameter needs a name: key=value.");
    auto toDouble = [&](std::optional<double> &target) -> std::optional<QString> {
        bool ok = false;
        const double d = value.trimmed().toDouble(&ok);
        if (!ok || !std::isfinite(d))
            return tr("%1 needs a number, not \"%2\".").arg(key, value);
        target = d;
        return std::nullopt;
    };
    auto toCount = [&](std::optional<qint64> &target) -> std::optional<QString> {
        bool ok = false;
        const qint64 n = value.trimmed().toLongLong(&ok);
        if (!ok || n <= 0)
            return tr("%1 needs a positive whole number, not \"%2\".").arg(key, value);
        target = n;
        return std::nullopt;
    };
    if (key == QLatin1StringView("temperature"))
        return toDouble(temperature);
    if (key == QLatin1StringView("top_p"))
        return toDouble(topP);
    if (key == QLatin1StringView("max_tokens"))
        return toCount(maxTokens);
    if (key == QLatin1StringView("dimensions"))
        return toCount(dimensions);
    if (key == QLatin1StringView("stop")) {
        if (value.trimmed().startsWith(u'[')) {
            const QJsonDocument doc = QJsonDocument::fromJson(value.toUtf8());
            if (!doc.isArray())
                return tr("stop: \"%1\" is not a JSON array of strings.").arg(value);
            for (const QJsonValue &v : doc.array()) {
                if (!v.isString())
                    return tr("stop: \"%1\" is not a JSON array of strings.").arg(value);
                stop << v.toString();
            }
            stopAsArray = true;
        } else {
            stop << value;
        }
        if (stop.size() > 1)
            stopAsArray = true;
        return std::nullopt;
    }
    if (key == QLatin1StringView("response_format")) {
        const QString v = value.trimmed();
        if (v == QLatin1StringView("json_object"))
            responseFormat = ResponseFormat::JsonObject;
        else if (v == QLatin1StringView("json_schema"))
            responseFormat = ResponseFormat::JsonSchema;
        else if (v == QLatin1StringView("text") || v.isEmpty())
            responseFormat = ResponseFormat::None;
        else
            return tr("response_format must be json_object, json_schema or text, not \"%1\".").arg(value);
        return std::nullopt;
    }
    if (key == QLatin1StringView("json_schema")) {
        jsonSchema = value.toUtf8();
        responseFormat = ResponseFormat::JsonSchema;
        return std::nullopt;
    }
    // Anything else is an extra body member: JSON when it parses as JSON, a string otherwise.
    QJsonObject extra;
    if (!extraJson.trimmed().isEmpty()) {
        const QJsonDocument doc = QJsonDocument::fromJson(extraJson);
        if (!doc.isObject())
            return tr("The extra JSON is not an object.");
        extra = doc.object();
    }
    const QJsonDocument parsed = QJsonDocument::fromJson("[" + value.toUtf8() + "]");
    if (parsed.isArray() && parsed.array().size() == 1)
        extra.insert(key, parsed.array().first());
    else
        extra.insert(key, value);
    extraJson = QJsonDocument(extra).toJson(QJsonDocument::Compact);
    return std::nullopt;
}

// ---- RequestBuilder

void RequestBuilder::addSpecError(const QString &code, const QString &message, int column)
{
    BuildDiagnostic d;
    d.code = code;
    d.column = column;
    d.message = message;
    m_specDiagnostics << d;
}

RequestBuilder::RequestBuilder(const CsvTable &table, BuildSpec spec)
    : m_table(table)
    , m_spec(std::move(spec))
{
    const QStringList columns = table.columnNames();
    const QString &endpoint = m_spec.endpoint;
    const bool chat = endpointIs(endpoint, kChatCompletions);
    const bool completions = endpointIs(endpoint, kCompletions);
    const bool embeddings = endpointIs(endpoint, kEmbeddings);
    if (!chat && !completions && !embeddings) {
        addSpecError(QStringLiteral("unsupported_endpoint"),
                     tr("The endpoint \"%1\" is not one of %2, %3, %4.")
                         .arg(endpoint, kChatCompletions, kCompletions, kEmbeddings));
    }
    if (m_spec.model.trimmed().isEmpty())
        addSpecError(QStringLiteral("missing_model"), tr("No model is set."));

    // Templates: syntax, then placeholders against the columns.
    auto compile = [&](const QString &text, const QString &what, Template &target) {
        target = Template::parse(text);
        for (const QString &e : target.syntaxErrors())
            addSpecError(QStringLiteral("template_syntax"), tr("%1: %2").arg(what, e));
        for (const QString &name : target.bind(columns)) {
            addSpecError(QStringLiteral("unknown_placeholder"),
                         tr("%1: {{%2}} is not a column; %3").arg(what, name, suggestion(name, columns)));
        }
    };
    const QString userName = chat ? tr("User message") : completions ? tr("Prompt") : tr("Input template");
    compile(m_spec.systemTemplate, tr("System message"), m_system);
    compile(m_spec.userTemplate, userName, m_user);
    if (!m_system.isEmpty() && !chat) {
        addSpecError(QStringLiteral("not_applicable"),
                     tr("A system message applies to %1 only.").arg(kChatCompletions));
    }
    if (embeddings) {
        if (m_spec.inputColumns.isEmpty() && m_user.isEmpty()) {
            addSpecError(QStringLiteral("missing_template"),
                         tr("Embeddings need an input column or an input template."));
        } else if (!m_spec.inputColumns.isEmpty() && !m_user.isEmpty()) {
            addSpecError(QStringLiteral("parameter_conflict"),
                         tr("Give either input columns or an input template, not both."));
        }
        for (const QString &name : m_spec.inputColumns) {
            const int c = table.columnIndex(name);
            if (c < 0) {
                addSpecError(
                    QStringLiteral("unknown_column"),
                    tr("Input column \"%1\" does not exist; %2").arg(name, suggestion(name, columns)));
            }
            m_inputColumns << c;
        }
    } else {
        if (m_user.isEmpty())
            addSpecError(QStringLiteral("missing_template"), tr("%1: the template is empty.").arg(userName));
        if (!m_spec.inputColumns.isEmpty()) {
            addSpecError(QStringLiteral("not_applicable"),
                         tr("Input columns apply to %1 only.").arg(kEmbeddings));
        }
    }
    if (!m_spec.idColumn.isEmpty()) {
        m_idColumn = table.columnIndex(m_spec.idColumn);
        if (m_idColumn < 0) {
            addSpecError(QStringLiteral("unknown_column"),
                         tr("Id column \"%1\" does not exist; %2")
                             .arg(m_spec.idColumn, suggestion(m_spec.idColumn, columns)));
        }
    }

    // The constant parts of every line.
    m_linePrefix = ",\"method\":\"POST\",\"url\":";
    Detail::appendJsonString(m_linePrefix, endpoint.toUtf8());
    m_linePrefix += ",\"body\":{\"model\":";
    Detail::appendJsonString(m_linePrefix, m_spec.model.toUtf8());

    QStringList typed;
    auto notFor = [&](const char *key, const QString &which) {
        addSpecError(QStringLiteral("not_applicable"),
                     tr("%1 does not apply to %2.").arg(QLatin1StringView(key), which));
    };
    auto param = [&](const char *key, const QByteArray &json) {
        m_params += ",\"";
        m_params += key;
        m_params += "\":";
        m_params += json;
        typed << QLatin1StringView(key);
    };
    if (m_spec.temperature) {
        if (embeddings)
            notFor("temperature", endpoint);
        param("temperature", number(*m_spec.temperature));
    }
    if (m_spec.topP) {
        if (embeddings)
            notFor("top_p", endpoint);
        param("top_p", number(*m_spec.topP));
    }
    if (m_spec.maxTokens) {
        if (embeddings)
            notFor("max_tokens", endpoint);
        param("max_tokens", QByteArray::number(*m_spec.maxTokens));
    }
    if (!m_spec.stop.isEmpty()) {
        if (embeddings)
            notFor("stop", endpoint);
        if (m_spec.stopAsArray || m_spec.stop.size() > 1)
            param("stop", compactJson(QJsonArray::fromStringList(m_spec.stop)));
        else
            param("stop", compactJson(m_spec.stop.first()));
    }
    if (m_spec.responseFormat != BuildSpec::ResponseFormat::None) {
        if (!chat)
            notFor("response_format", endpoint);
        QJsonObject format;
        if (m_spec.responseFormat == BuildSpec::ResponseFormat::JsonObject) {
            format.insert(QStringLiteral("type"), QStringLiteral("json_object"));
        } else {
            QJsonParseError error;
            const QJsonDocument doc = QJsonDocument::fromJson(m_spec.jsonSchema, &error);
            if (!doc.isObject()) {
                addSpecError(QStringLiteral("invalid_json_schema"),
                             m_spec.jsonSchema.trimmed().isEmpty()
                                 ? tr("response_format json_schema needs the schema (json_schema=...).")
                                 : tr("The JSON schema is not a JSON object: %1.").arg(error.errorString()));
            }
            QJsonObject schema = doc.object();
            // A bare schema is wrapped; an object that already has "schema" is the json_schema member itself.
            if (!schema.contains(QStringLiteral("schema")))
                schema = QJsonObject {{QStringLiteral("name"), QStringLiteral("response")},
                                      {QStringLiteral("schema"), schema}};
            format.insert(QStringLiteral("type"), QStringLiteral("json_schema"));
            format.insert(QStringLiteral("json_schema"), schema);
        }
        param("response_format", QJsonDocument(format).toJson(QJsonDocument::Compact));
    }
    if (m_spec.dimensions) {
        if (!embeddings)
            notFor("dimensions", endpoint);
        param("dimensions", QByteArray::number(*m_spec.dimensions));
    }
    if (!m_spec.extraJson.trimmed().isEmpty()) {
        QJsonParseError error;
        const QJsonDocument doc = QJsonDocument::fromJson(m_spec.extraJson, &error);
        if (!doc.isObject()) {
            addSpecError(QStringLiteral("invalid_extra_json"),
                         tr("The extra JSON must be one JSON object: %1.")
                             .arg(doc.isNull() ? error.errorString() : tr("it is not an object")));
        }
        const QJsonObject extra = doc.object();
        static const QStringList reserved {QStringLiteral("model"), QStringLiteral("messages"),
                                           QStringLiteral("prompt"), QStringLiteral("input")};
        for (auto it = extra.begin(); it != extra.end(); ++it) {
            if (reserved.contains(it.key())) {
                addSpecError(
                    QStringLiteral("parameter_conflict"),
                    tr("The extra JSON sets \"%1\", which the builder writes itself.").arg(it.key()));
                continue;
            }
            if (typed.contains(it.key())) {
                addSpecError(
                    QStringLiteral("parameter_conflict"),
                    tr("\"%1\" is set both as a parameter and in the extra JSON; keep one.").arg(it.key()));
                continue;
            }
            m_params += ',';
            Detail::appendJsonString(m_params, it.key().toUtf8());
            m_params += ':';
            m_params += compactJson(it.value());
        }
    }
}

BuildCheck RequestBuilder::check(const WorkControl &control, int maxDiagnostics) const
{
    BuildCheck check;
    check.diagnostics = m_table.diagnostics();
    check.errorCount = m_table.errorCount();
    check.warningCount = m_table.warningCount();
    check.truncated = m_table.diagnosticsTruncated();
    auto add = [&](BuildDiagnostic d) {
        if (d.isError())
            ++check.errorCount;
        else
            ++check.warningCount;
        if (check.diagnostics.size() >= maxDiagnostics) {
            check.truncated = true;
            return;
        }
        check.diagnostics << std::move(d);
    };
    for (const BuildDiagnostic &d : m_specDiagnostics)
        add(d);

    QList<int> used = m_system.columns();
    for (int c : m_user.columns() + m_inputColumns) {
        if (c >= 0 && !used.contains(c))
            used << c;
    }
    const QStringList names = m_table.columnNames();
    QHash<QByteArrayView, qint64> ids;
    if (m_idColumn >= 0)
        ids.reserve(m_table.rowCount());
    const qint64 rows = m_table.rowCount();
    for (qint64 r = 0; r < rows; ++r) {
        const qint64 line = m_table.sourceLine(r);
        auto rowDiagnostic = [&](Severity severity, const QString &code, int column, const QString &message) {
            BuildDiagnostic d;
            d.severity = severity;
            d.code = code;
            d.row = r + 1;
            d.record = m_table.sourceRecord(r);
            d.line = line;
            d.column = column;
            d.message = message;
            add(std::move(d));
        };
        for (int c : used) {
            if (m_table.cellBytes(r, c).isEmpty()) {
                rowDiagnostic(
                    m_spec.allowEmptyCells ? Severity::Warning : Severity::Error,
                    QStringLiteral("empty_cell"), c,
                    tr("Row %1 (line %2): column \"%3\" is empty.").arg(r + 1).arg(line).arg(names.at(c)));
            }
        }
        if (m_idColumn >= 0) {
            const QByteArrayView id = m_table.cellBytes(r, m_idColumn);
            if (id.isEmpty()) {
                rowDiagnostic(Severity::Error, QStringLiteral("empty_id"), m_idColumn,
                              tr("Row %1 (line %2): the id column \"%3\" is empty.")
                                  .arg(r + 1)
                                  .arg(line)
                                  .arg(m_spec.idColumn));
            } else {
                const auto it = ids.constFind(id);
                if (it != ids.constEnd()) {
                    rowDiagnostic(
                        Severity::Error, QStringLiteral("duplicate_id"), m_idColumn,
                        tr("Row %1 (line %2): custom_id \"%3\" is already used by row %4 (line %5).")
                            .arg(r + 1)
                            .arg(line)
                            .arg(QString::fromUtf8(id.first(qMin<qsizetype>(id.size(), 100))))
                            .arg(*it + 1)
                            .arg(m_table.sourceLine(*it)));
                } else {
                    ids.insert(id, r);
                }
            }
        }
        if ((r & 4095) == 4095) {
            if (control.progress)
                control.progress(r + 1, rows);
            if (control.isCanceled && control.isCanceled())
                break;
        }
    }
    return check;
}

QByteArray RequestBuilder::customId(qint64 row) const
{
    if (m_idColumn >= 0)
        return m_table.cellBytes(row, m_idColumn).toByteArray();
    return kIdPrefix + QByteArray::number(row + 1);
}

int RequestBuilder::embeddingInputs() const
{
    if (!endpointIs(m_spec.endpoint, kEmbeddings))
        return 0;
    return m_inputColumns.isEmpty() ? 1 : int(m_inputColumns.size());
}

template<typename Out>
void RequestBuilder::appendLine(qint64 row, Out &out, QByteArray &scratch) const
{
    out += "{\"custom_id\":";
    if (m_idColumn >= 0) {
        appendJson(out, m_table.cellBytes(row, m_idColumn));
    } else {
        scratch = kIdPrefix;
        scratch += QByteArray::number(row + 1);
        appendJson(out, scratch);
    }
    out += m_linePrefix;
    auto rendered = [&](const Template &t) {
        scratch.clear();
        t.render(m_table, row, scratch);
        appendJson(out, scratch);
    };
    if (endpointIs(m_spec.endpoint, kChatCompletions)) {
        out += ",\"messages\":[";
        if (!m_system.isEmpty()) {
            out += "{\"role\":\"system\",\"content\":";
            rendered(m_system);
            out += "},";
        }
        out += "{\"role\":\"user\",\"content\":";
        rendered(m_user);
        out += "}]";
    } else if (endpointIs(m_spec.endpoint, kCompletions)) {
        out += ",\"prompt\":";
        rendered(m_user);
    } else {
        out += ",\"input\":";
        if (m_inputColumns.isEmpty()) {
            rendered(m_user);
        } else if (m_inputColumns.size() == 1) {
            appendJson(out, m_table.cellBytes(row, m_inputColumns.first()));
        } else {
            out += '[';
            for (qsizetype i = 0; i < m_inputColumns.size(); ++i) {
                if (i > 0)
                    out += ',';
                appendJson(out, m_table.cellBytes(row, m_inputColumns.at(i)));
            }
            out += ']';
        }
    }
    out += m_params;
    out += "}}";
}

QByteArray RequestBuilder::requestFor(qint64 row) const
{
    QByteArray out;
    QByteArray scratch;
    if (row >= 0 && row < m_table.rowCount())
        appendLine(row, out, scratch);
    return out;
}

QStringList RequestBuilder::partPaths(const QString &outPath, int parts)
{
    if (parts <= 1)
        return {outPath};
    QString base = outPath;
    if (base.endsWith(QLatin1StringView(".jsonl"), Qt::CaseInsensitive))
        base.chop(6);
    QStringList paths;
    for (int i = 1; i <= parts; ++i)
        paths << base + QStringLiteral("-%1.jsonl").arg(i, 3, 10, QLatin1Char('0'));
    return paths;
}

QString RequestBuilder::manifestPath(const QString &outPath)
{
    QString base = outPath;
    if (base.endsWith(QLatin1StringView(".jsonl"), Qt::CaseInsensitive))
        base.chop(6);
    return base + QStringLiteral(".build.json");
}

Result<BuildReport> RequestBuilder::write(const QString &outPath, const LimitProfile &profile,
                                          const WorkControl &control) const
{
    using R = Result<BuildReport>;
    BuildReport report;
    report.check = check({control.isCanceled, {}});
    if (control.isCanceled && control.isCanceled())
        return R::failure(QStringLiteral("canceled"), tr("Canceled."));
    if (!report.check.ok()) {
        return R::failure(
            QStringLiteral("invalid_input"),
            tr("%1 error(s) in the CSV or the template; nothing was written.").arg(report.check.errorCount));
    }
    const qint64 rows = m_table.rowCount();
    if (rows == 0)
        return R::failure(QStringLiteral("invalid_input"),
                          tr("The CSV has no data rows; nothing was written."));
    const qint64 totalWork = rows * 2;

    // Pass 1: where the parts start. Lines are rendered to learn their exact size; splitting needs every
    // part's size before its name (OUT.jsonl or OUT-001.jsonl) is known.
    const int inputs = embeddingInputs();
    QList<BuildPart> parts;
    {
        QByteArray scratch;
        BuildPart part;
        for (qint64 r = 0; r < rows; ++r) {
            LineSizer line;
            appendLine(r, line, scratch);
            const qint64 bytes = line.bytes + 1;
            if (bytes > profile.maxBytes || inputs > profile.maxEmbeddingInputs) {
                return R::failure(QStringLiteral("too_large"),
                                  tr("Row %1 (line %2) alone is larger than %3 allows (%4 bytes, %5 inputs).")
                                      .arg(r + 1)
                                      .arg(m_table.sourceLine(r))
                                      .arg(profile.displayName)
                                      .arg(bytes)
                                      .arg(inputs));
            }
            if (part.lines > 0
                && (part.lines + 1 > profile.maxLines || part.bytes + bytes > profile.maxBytes
                    || part.embeddingInputs + inputs > profile.maxEmbeddingInputs)) {
                parts << part;
                part = BuildPart {};
            }
            if (part.lines == 0)
                part.firstRow = r + 1;
            part.lastRow = r + 1;
            ++part.lines;
            part.bytes += bytes;
            part.embeddingInputs += inputs;
            if ((r & 1023) == 1023) {
                if (control.progress)
                    control.progress(r + 1, totalWork);
                if (control.isCanceled && control.isCanceled())
                    return R::failure(QStringLiteral("canceled"), tr("Canceled."));
            }
        }
        parts << part;
    }

    // Pass 2: write each part, then validate it with the same engine as any batch file.
    const QStringList paths = partPaths(outPath, int(parts.size()));
    QByteArray buffer;
    QByteArray scratch;
    buffer.reserve(kFlushBytes + (64 << 10));
    qint64 done = rows;
    for (qsizetype p = 0; p < parts.size(); ++p) {
        BuildPart &part = parts[p];
        part.path = paths.at(p);
        QSaveFile file(part.path);
        if (!file.open(QIODevice::WriteOnly))
            return R::failure(QStringLiteral("io"),
                              tr("Cannot write %1: %2").arg(part.path, file.errorString()));
        for (qint64 r = part.firstRow - 1; r < part.lastRow; ++r) {
            appendLine(r, buffer, scratch);
            buffer += '\n';
            if (buffer.size() >= kFlushBytes) {
                if (file.write(buffer) != buffer.size())
                    return R::failure(QStringLiteral("io"),
                                      tr("Cannot write %1: %2").arg(part.path, file.errorString()));
                buffer.clear();
            }
            if ((++done & 1023) == 0) {
                if (control.progress)
                    control.progress(done, totalWork);
                if (control.isCanceled && control.isCanceled()) {
                    file.cancelWriting();
                    return R::failure(QStringLiteral("canceled"), tr("Canceled."));
                }
            }
        }
        if ((!buffer.isEmpty() && file.write(buffer) != buffer.size()) || !file.commit())
            return R::failure(QStringLiteral("io"),
                              tr("Cannot write %1: %2").arg(part.path, file.errorString()));
        buffer.clear();

        ValidationOptions options;
        options.profile = profile;
        options.expectedEndpoint = m_spec.endpoint;
        options.buildIndex = false;
        options.maxDiagnostics = 100;
        const ValidationReport v = validateFile(part.path, options);
        part.valid = v.isValid() && v.lines == part.lines && v.bytes == part.bytes;
        part.validation = v.diagnostics;
        if (!v.completed()) {
            Diagnostic d;
            d.message = v.ioError;
            part.validation << d;
        }
    }
    report.parts = parts;
    report.rows = rows;

    // The manifest: with the CSV, it maps every custom_id back to its row.
    QJsonArray partsJson;
    for (const BuildPart &part : parts) {
        partsJson.append(QJsonObject {{QStringLiteral("file"), QFileInfo(part.path).fileName()},
                                      {QStringLiteral("lines"), part.lines},
                                      {QStringLiteral("bytes"), part.bytes},
                                      {QStringLiteral("embedding_inputs"), part.embeddingInputs},
                                      {QStringLiteral("first_row"), part.firstRow},
                                      {QStringLiteral("last_row"), part.lastRow}});
    }
    QJsonObject id;
    if (m_idColumn >= 0) {
        id = QJsonObject {{QStringLiteral("mode"), QStringLiteral("column")},
                          {QStringLiteral("column"), m_spec.idColumn},
                          {QStringLiteral("column_index"), m_idColumn}};
    } else {
        id = QJsonObject {{QStringLiteral("mode"), QStringLiteral("generated")},
                          {QStringLiteral("prefix"), QString::fromLatin1(kIdPrefix)}};
    }
    const QJsonObject csv {
        {QStringLiteral("path"),
         m_table.path().isEmpty() ? QString() : QFileInfo(m_table.path()).absoluteFilePath()},
        {QStringLiteral("sha256"), m_table.sha256()},
        {QStringLiteral("bytes"), m_table.sourceBytes()},
        {QStringLiteral("delimiter"), QString(QLatin1Char(m_table.delimiter()))},
        {QStringLiteral("header"), m_table.hasHeader()},
        {QStringLiteral("rows"), rows},
        {QStringLiteral("columns"), QJsonArray::fromStringList(m_table.columnNames())}};
    QJsonObject manifest {{QStringLiteral("format"), QStringLiteral("batchdesk-build/1")},
                          {QStringLiteral("created"), QDateTime::currentDateTimeUtc().toString(Qt::ISODate)},
                          {QStringLiteral("csv"), csv},
                          {QStringLiteral("endpoint"), m_spec.endpoint},
                          {QStringLiteral("model"), m_spec.model},
                          {QStringLiteral("custom_id"), id},
                          {QStringLiteral("profile"), profile.name},
                          {QStringLiteral("parts"), partsJson}};
    if (!m_spec.source.isEmpty())
        manifest.insert(QStringLiteral("source"), m_spec.source);
    report.manifestPath = manifestPath(outPath);
    QSaveFile file(report.manifestPath);
    if (!file.open(QIODevice::WriteOnly) || file.write(QJsonDocument(manifest).toJson()) < 0
        || !file.commit()) {
        return R::failure(QStringLiteral("io"),
                          tr("Cannot write %1: %2").arg(report.manifestPath, file.errorString()));
    }
    if (control.progress)
        control.progress(totalWork, totalWork);
    return report;
}

} // namespace Batchdesk::Jsonl
