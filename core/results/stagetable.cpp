#include "stagetable.h"

#include "csvappend.h"
#include "jsonl/requestbuilder.h"

#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QSaveFile>
#include <QSet>

#include <vector>

namespace Batchdesk::Results {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("Batchdesk::Results", text);
}

constexpr qint64 kMaxManifestBytes = 4 << 20; // a manifest is a few KiB; anything larger is not one
constexpr qsizetype kFlushBytes = 1 << 20;
constexpr QLatin1StringView kKindResults("results");

/** The JSON object of a build manifest, or an empty object when there is none (or it is not one). */
QJsonObject readManifest(const QString &path)
{
    QFile file(path);
    if (path.isEmpty() || file.size() > kMaxManifestBytes || !file.open(QIODevice::ReadOnly))
        return {};
    const QJsonObject manifest = QJsonDocument::fromJson(file.read(kMaxManifestBytes)).object();
    if (manifest.value(QLatin1StringView("format")).toString() != QLatin1StringView("batchdesk-build/1"))
        return {};
    return manifest;
}

/** The text of a chat message's content: a string, or the text parts of an array, joined by newlines. */
QString contentText(const QJsonValue &content)
{
    if (content.isString())
        return content.toString();
    QStringList parts;
    for (const QJsonValue &part : content.toArray()) {
        if (part.isString())
            parts << part.toString();
        else if (part.toObject().contains(QLatin1StringView("text")))
            parts << part.toObject().value(QLatin1StringView("text")).toString();
    }
    return parts.join(u'\n');
}

/** The full text a request asks about: the last user message (chat; the last message when none is from
 *  the user), the prompt (completions) or the input (embeddings, responses); arrays joined by newlines. */
QString requestText(QByteArrayView line)
{
    const QJsonObject body =
        QJsonDocument::fromJson(line.toByteArray()).object().value(QLatin1StringView("body")).toObject();
    const QJsonArray messages = body.value(QLatin1StringView("messages")).toArray();
    if (!messages.isEmpty()) {
        for (qsizetype i = messages.size() - 1; i >= 0; --i) {
            const QJsonObject m = messages.at(i).toObject();
            if (m.value(QLatin1StringView("role")).toString() == QLatin1StringView("user"))
                return contentText(m.value(QLatin1StringView("content")));
        }
        return contentText(messages.last().toObject().value(QLatin1StringView("content")));
    }
    for (const auto key : {QLatin1StringView("prompt"), QLatin1StringView("input")}) {
        const QJsonValue v = body.value(key);
        if (v.isString())
            return v.toString();
        if (v.isArray()) {
            QStringList parts;
            for (const QJsonValue &item : v.toArray()) {
                if (item.isString())
                    parts << item.toString();
                else if (item.isObject())
                    parts << contentText(item.toObject().value(QLatin1StringView("content")));
            }
            return parts.join(u'\n');
        }
    }
    return {};
}

QString tokens(qint64 n)
{
    return n < 0 ? QString() : QString::number(n);
}

/** The original CSV of a build manifest, read again, and how custom_ids map to its rows. */
struct ManifestCsv
{
    Jsonl::CsvTable table;
    QString path;
    int idColumn = -1; ///< the id column, or -1 for generated ids prefix<n>
    QByteArray prefix;
    QHash<QByteArray, qint64> rowOfId; ///< id column mode

    qint64 rowOf(QByteArrayView customId) const
    {
        if (idColumn >= 0)
            return rowOfId.value(customId.toByteArray(), -1);
        if (!customId.startsWith(prefix))
            return -1;
        bool ok = false;
        const qint64 n = customId.sliced(prefix.size()).toLongLong(&ok);
        return ok && n >= 1 && n <= table.rowCount() ? n - 1 : -1;
    }
};

/** Reads the manifest's CSV when it is there unchanged; problem says why not (empty: no CSV to read). */
std::optional<ManifestCsv> manifestCsv(const QString &manifestPath, const WorkControl &control,
                                       QString *problem)
{
    const QJsonObject manifest = readManifest(manifestPath);
    const QJsonObject csv = manifest.value(QLatin1StringView("csv")).toObject();
    const QString path = csv.value(QLatin1StringView("path")).toString();
    if (path.isEmpty())
        return std::nullopt; // no manifest, or a build from a table in memory (an earlier stage)
    if (!QFileInfo(path).isFile()) {
        *problem = tr("The original CSV %1 is no longer there; its columns are left out.").arg(path);
        return std::nullopt;
    }
    Jsonl::CsvOptions options;
    const QByteArray delimiter = csv.value(QLatin1StringView("delimiter")).toString().toLatin1();
    options.delimiter = delimiter.isEmpty() ? ',' : delimiter.front();
    options.hasHeader = csv.value(QLatin1StringView("header")).toBool(true);
    auto read = Jsonl::CsvTable::read(path, options, {control.isCanceled, {}});
    if (!read.ok()) {
        *problem = read.errorString();
        return std::nullopt;
    }
    ManifestCsv out;
    out.table = std::move(read).value();
    out.path = path;
    if (out.table.sha256() != csv.value(QLatin1StringView("sha256")).toString()) {
        *problem =
            tr("The original CSV %1 changed since the build (its SHA-256 differs from the manifest's); "
               "its columns are left out.")
                .arg(path);
        return std::nullopt;
    }
    const QJsonObject id = manifest.value(QLatin1StringView("custom_id")).toObject();
    if (id.value(QLatin1StringView("mode")).toString() == QLatin1StringView("column")) {
        out.idColumn = out.table.columnIndex(id.value(QLatin1StringView("column")).toString());
        if (out.idColumn < 0) {
            *problem = tr("The id column \"%1\" is not in %2; its columns are left out.")
                           .arg(id.value(QLatin1StringView("column")).toString(), path);
            return std::nullopt;
        }
        out.rowOfId.reserve(qsizetype(out.table.rowCount()));
        for (qint64 r = 0; r < out.table.rowCount(); ++r)
            out.rowOfId.insert(out.table.cellBytes(r, out.idColumn).toByteArray(), r);
    } else {
        out.prefix = id.value(QLatin1StringView("prefix")).toString(QStringLiteral("row-")).toUtf8();
    }
    return out;
}

bool canceled(const WorkControl &control)
{
    return control.isCanceled && control.isCanceled();
}

Error canceledError()
{
    return Error {QStringLiteral("canceled"), tr("Canceled.")};
}

} // namespace

QStringList stageBaseColumns()
{
    return {QStringLiteral("custom_id"),    QStringLiteral("outcome"),       QStringLiteral("model"),
            QStringLiteral("request"),      QStringLiteral("response"),      QStringLiteral("finish_reason"),
            QStringLiteral("input_tokens"), QStringLiteral("output_tokens"), QStringLiteral("error")};
}

QString manifestOf(const QString &inputPath)
{
    QString path = Jsonl::RequestBuilder::manifestPath(inputPath);
    if (QFileInfo(path).isFile())
        return path;
    // A part OUT-001.jsonl of a split build: the manifest is OUT.build.json.
    static const QRegularExpression part(QStringLiteral("-\\d{3}\\.jsonl$"),
                                         QRegularExpression::CaseInsensitiveOption);
    QString base = inputPath;
    base.replace(part, QStringLiteral(".jsonl"));
    if (base != inputPath) {
        path = Jsonl::RequestBuilder::manifestPath(base);
        if (QFileInfo(path).isFile())
            return path;
    }
    return {};
}

Result<Jsonl::CsvTable> stageTable(const JoinedResults &results, const JsonColumns &columns,
                                   const StageOptions &options, const WorkControl &control, StageInfo *info)
{
    StageInfo local;
    StageInfo &report = info ? *info : local;
    report = StageInfo {};

    const QString manifest =
        options.manifestPath.isEmpty() ? manifestOf(results.inputPath()) : options.manifestPath;
    std::optional<ManifestCsv> csv = manifestCsv(manifest, control, &report.csvProblem);
    if (canceled(control))
        return canceledError();

    QStringList names = stageBaseColumns();
    const QStringList answerNames = columns.names();
    for (const QString &name : answerNames)
        names << QString(kAnswerPrefix) + name;
    report.answerColumns = int(answerNames.size());
    if (csv) {
        report.csvPath = csv->path;
        const QSet<QString> taken(names.cbegin(), names.cend());
        for (const QString &name : csv->table.columnNames())
            names << (taken.contains(name) ? QStringLiteral("csv.") + name : name);
    }

    Jsonl::CsvTable::Builder builder(names);
    const qint64 rows = results.rowCount();
    for (qint64 i = 0; i < rows; ++i) {
        if ((i & 255) == 255) {
            if (control.progress)
                control.progress(i, rows);
            if (canceled(control))
                return canceledError();
        }
        if (results.isExtra(i))
            continue;
        if (!options.allRows && results.outcome(i) != Outcome::Succeeded) {
            ++report.skipped;
            continue;
        }
        const ResultRow row = results.row(i);
        const auto request = results.requestLine(i);
        if (!request.ok())
            return request.error();
        const QByteArray customId = results.customId(i);
        builder.addCell(QByteArrayView(customId));
        builder.addCell(outcomeName(row.outcome));
        builder.addCell(row.model);
        builder.addCell(requestText(request.value()));
        builder.addCell(row.responseText);
        builder.addCell(row.finishReason);
        builder.addCell(tokens(row.inputTokens));
        builder.addCell(tokens(row.outputTokens));
        builder.addCell(row.errorCode.isEmpty() || row.errorMessage.isEmpty()
                            ? QString(row.errorCode + row.errorMessage)
                            : QString(row.errorCode + QStringLiteral(": ") + row.errorMessage));
        if (!answerNames.isEmpty()) {
            const JsonRowValues values = columns.extract(row);
            if (values.status == JsonRowValues::Status::Invalid)
                ++report.invalidAnswers;
            for (qsizetype c = 0; c < answerNames.size(); ++c)
                builder.addCell(values.status == JsonRowValues::Status::Parsed
                                    ? jsonCellText(values.values.value(c))
                                    : QString());
        }
        if (csv) {
            const qint64 source = csv->rowOf(customId);
            for (int c = 0; c < csv->table.columnCount(); ++c)
                builder.addCell(source >= 0 ? csv->table.cellBytes(source, c) : QByteArrayView());
        }
        builder.endRow();
    }
    Jsonl::CsvTable table = builder.finish();
    report.rows = table.rowCount();
    if (control.progress)
        control.progress(rows, rows);
    return table;
}

QJsonObject StageLink::toJson() const
{
    QJsonObject o {{QStringLiteral("kind"), kKindResults}, {QStringLiteral("stage"), stage}};
    if (!jobId.isEmpty())
        o.insert(QStringLiteral("job_id"), jobId);
    else
        o.insert(QStringLiteral("batch_ids"), QJsonArray::fromStringList(batchIds));
    o.insert(QStringLiteral("input"),
             inputPath.isEmpty() ? QString() : QFileInfo(inputPath).absoluteFilePath());
    return o;
}

std::optional<StageLink> StageLink::fromJson(const QJsonObject &source)
{
    if (source.value(QLatin1StringView("kind")).toString() != kKindResults)
        return std::nullopt;
    StageLink link;
    link.stage = source.value(QLatin1StringView("stage")).toInt();
    link.jobId = source.value(QLatin1StringView("job_id")).toString();
    for (const QJsonValue &id : source.value(QLatin1StringView("batch_ids")).toArray())
        link.batchIds << id.toString();
    link.inputPath = source.value(QLatin1StringView("input")).toString();
    if (link.stage < 2 || (link.jobId.isEmpty() && link.batchIds.isEmpty()))
        return std::nullopt;
    return link;
}

std::optional<StageLink> previousStage(const QString &inputPath)
{
    const QJsonObject manifest = readManifest(manifestOf(inputPath));
    return StageLink::fromJson(manifest.value(QLatin1StringView("source")).toObject());
}

int stageNumber(const QString &inputPath)
{
    const auto link = previousStage(inputPath);
    return link ? link->stage : 1;
}

StageLink nextStageLink(const QStringList &batchIds, const QString &jobId, const QString &inputPath)
{
    StageLink link;
    link.stage = stageNumber(inputPath) + 1;
    link.batchIds = jobId.isEmpty() ? batchIds : QStringList();
    link.jobId = jobId;
    link.inputPath = inputPath;
    return link;
}

Result<Jsonl::CsvTable> withPreviousStage(const Jsonl::CsvTable &table, const JoinedResults &previous,
                                          const JsonColumns &previousColumns, const WorkControl &control)
{
    const int idColumn = table.columnIndex(u"custom_id");
    if (idColumn < 0)
        return Result<Jsonl::CsvTable>::failure(QStringLiteral("invalid_input"),
                                                tr("The table has no custom_id column."));
    // custom_id -> the previous stage's row (later rows win, as in the join).
    QHash<QByteArray, qint64> rowOfId;
    rowOfId.reserve(qsizetype(previous.rowCount()));
    for (qint64 i = 0; i < previous.rowCount(); ++i)
        rowOfId.insert(previous.customId(i), i);
    if (canceled(control))
        return canceledError();

    QStringList names = table.columnNames();
    names << QStringLiteral("previous.response");
    const QStringList answerNames = previousColumns.names();
    for (const QString &name : answerNames)
        names << QStringLiteral("previous.") + QString(kAnswerPrefix) + name;
    Jsonl::CsvTable::Builder builder(names);
    const qint64 rows = table.rowCount();
    for (qint64 r = 0; r < rows; ++r) {
        if ((r & 255) == 255) {
            if (control.progress)
                control.progress(r, rows);
            if (canceled(control))
                return canceledError();
        }
        for (int c = 0; c < table.columnCount(); ++c)
            builder.addCell(table.cellBytes(r, c));
        const qint64 p = rowOfId.value(table.cellBytes(r, idColumn).toByteArray(), -1);
        if (p >= 0 && previous.hasResult(p)) {
            const ResultRow row = previous.row(p);
            builder.addCell(row.responseText);
            if (!answerNames.isEmpty()) {
                const JsonRowValues values = previousColumns.extract(row);
                for (qsizetype c = 0; c < answerNames.size(); ++c)
                    builder.addCell(values.status == JsonRowValues::Status::Parsed
                                        ? jsonCellText(values.values.value(c))
                                        : QString());
            }
        }
        builder.endRow();
    }
    return builder.finish();
}

Result<void> writeTableCsv(const Jsonl::CsvTable &table, const QString &path, bool neutralizeFormulas,
                           const WorkControl &control)
{
    QSaveFile out(path);
    if (!out.open(QIODevice::WriteOnly))
        return Result<void>::failure(QStringLiteral("io"),
                                     tr("Cannot write %1: %2").arg(path, out.errorString()));
    QByteArray buffer;
    const auto endLine = [&buffer] {
        buffer.chop(1); // the delimiter after the last cell
        buffer += "\r\n";
    };
    for (const QString &name : table.columnNames()) {
        appendCsvCell(buffer, name.toUtf8(), ',', neutralizeFormulas);
        buffer += ',';
    }
    endLine();
    const qint64 rows = table.rowCount();
    for (qint64 r = 0; r < rows; ++r) {
        for (int c = 0; c < table.columnCount(); ++c) {
            appendCsvCell(buffer, table.cellBytes(r, c), ',', neutralizeFormulas);
            buffer += ',';
        }
        endLine();
        if (buffer.size() >= kFlushBytes) {
            if (out.write(buffer) != buffer.size())
                return Result<void>::failure(QStringLiteral("io"),
                                             tr("Cannot write %1: %2").arg(path, out.errorString()));
            buffer.clear();
            if (canceled(control)) {
                out.cancelWriting();
                return canceledError();
            }
        }
    }
    if (out.write(buffer) != buffer.size() || !out.commit())
        return Result<void>::failure(QStringLiteral("io"),
                                     tr("Cannot write %1: %2").arg(path, out.errorString()));
    return {};
}

} // namespace Batchdesk::Results
