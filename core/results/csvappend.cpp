#include "csvappend.h"

#include "joinedresults.h"
#include "jsonl/csvtable.h"

#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>

#include <memory>
#include <vector>

namespace Batchdesk::Results {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("Batchdesk::Results", text);
}

constexpr qsizetype kFlushBytes = 1 << 20;

} // namespace

bool looksLikeFormula(QByteArrayView utf8)
{
    if (utf8.isEmpty())
        return false;
    switch (utf8.front()) {
    case '=':
    case '+':
    case '-':
    case '@':
    case '\t':
    case '\r':
        return true;
    default:
        return false;
    }
}

void appendCsvCell(QByteArray &out, QByteArrayView utf8, char delimiter, bool neutralizeFormulas)
{
    const bool prefix = neutralizeFormulas && looksLikeFormula(utf8);
    bool quote = false;
    for (const char c : utf8) {
        if (c == delimiter || c == '"' || c == '\n' || c == '\r') {
            quote = true;
            break;
        }
    }
    if (!quote) {
        if (prefix)
            out += '\'';
        out += utf8;
        return;
    }
    out += '"';
    if (prefix)
        out += '\'';
    for (const char c : utf8) {
        if (c == '"')
            out += '"';
        out += c;
    }
    out += '"';
}

QStringList appendedColumns()
{
    return {QStringLiteral("custom_id"),    QStringLiteral("outcome"),       QStringLiteral("response_text"),
            QStringLiteral("input_tokens"), QStringLiteral("output_tokens"), QStringLiteral("error_code"),
            QStringLiteral("error_message")};
}

Result<CsvAppendReport> appendResultsToCsv(const QString &manifestPath, const QStringList &resultFiles,
                                           const QString &outPath, const CsvAppendOptions &options,
                                           const ResultsControl &control, const QString &csvPathOverride)
{
    using R = Result<CsvAppendReport>;
    QFile manifestFile(manifestPath);
    if (!manifestFile.open(QIODevice::ReadOnly))
        return R::failure(QStringLiteral("io"),
                          tr("Cannot open %1: %2").arg(manifestPath, manifestFile.errorString()));
    const QJsonObject manifest = QJsonDocument::fromJson(manifestFile.readAll()).object();
    if (manifest.value(QStringLiteral("format")).toString() != QLatin1StringView("batchdesk-build/1"))
        return R::failure(QStringLiteral("invalid_manifest"),
                          tr("%1 is not a build manifest of batchdesk-cli build.").arg(manifestPath));
    const QJsonObject csv = manifest.value(QStringLiteral("csv")).toObject();
    const QJsonObject id = manifest.value(QStringLiteral("custom_id")).toObject();

    CsvAppendReport report;
    report.csvPath =
        csvPathOverride.isEmpty() ? csv.value(QStringLiteral("path")).toString() : csvPathOverride;
    Jsonl::CsvOptions csvOptions;
    const QByteArray manifestDelimiter = csv.value(QStringLiteral("delimiter")).toString().toLatin1();
    csvOptions.delimiter = manifestDelimiter.isEmpty() ? ',' : manifestDelimiter.front();
    csvOptions.hasHeader = csv.value(QStringLiteral("header")).toBool(true);
    auto tableResult = Jsonl::CsvTable::read(report.csvPath, csvOptions, {control.isCanceled, {}});
    if (!tableResult.ok())
        return tableResult.error();
    const Jsonl::CsvTable &table = tableResult.value();
    if (options.requireSameCsv && table.sha256() != csv.value(QStringLiteral("sha256")).toString()) {
        return R::failure(
            QStringLiteral("csv_changed"),
            tr("%1 changed since the requests were built (its SHA-256 differs from the manifest's): "
               "rows may no longer match their results.")
                .arg(report.csvPath));
    }
    if (table.rowCount() != csv.value(QStringLiteral("rows")).toInteger(-1)) {
        return R::failure(QStringLiteral("csv_changed"),
                          tr("%1 has %2 rows; the manifest says %3.")
                              .arg(report.csvPath)
                              .arg(table.rowCount())
                              .arg(csv.value(QStringLiteral("rows")).toInteger()));
    }
    int idColumn = -1;
    QByteArray idPrefix = "row-";
    if (id.value(QStringLiteral("mode")).toString() == QLatin1StringView("column")) {
        idColumn = table.columnIndex(id.value(QStringLiteral("column")).toString());
        if (idColumn < 0)
            return R::failure(QStringLiteral("invalid_manifest"),
                              tr("The id column \"%1\" is not in %2.")
                                  .arg(id.value(QStringLiteral("column")).toString(), report.csvPath));
    } else {
        idPrefix = id.value(QStringLiteral("prefix")).toString(QStringLiteral("row-")).toUtf8();
    }

    auto indexResult = ResultIndex::build(resultFiles, control);
    if (!indexResult.ok())
        return indexResult.error();
    const ResultIndex &index = *indexResult.value();
    std::vector<std::unique_ptr<QFile>> files;
    for (const QString &path : index.files()) {
        files.push_back(std::make_unique<QFile>(path));
        if (!files.back()->open(QIODevice::ReadOnly))
            return R::failure(QStringLiteral("io"),
                              tr("Cannot open %1: %2").arg(path, files.back()->errorString()));
    }

    QSaveFile out(outPath);
    if (!out.open(QIODevice::WriteOnly))
        return R::failure(QStringLiteral("io"), tr("Cannot write %1: %2").arg(outPath, out.errorString()));
    const char delimiter = table.delimiter();
    QByteArray buffer;
    if (options.bom.value_or(table.hadBom()))
        buffer += "\xEF\xBB\xBF";
    auto endLine = [&] {
        buffer.chop(1); // the delimiter after the last cell
        buffer += "\r\n";
    };
    for (const QString &name : table.columnNames() + appendedColumns()) {
        appendCsvCell(buffer, name.toUtf8(), delimiter, options.neutralizeOriginal);
        buffer += delimiter;
    }
    endLine();

    qint64 matched = 0;
    QByteArray customId;
    QByteArray line;
    const qint64 rows = table.rowCount();
    for (qint64 r = 0; r < rows; ++r) {
        for (int c = 0; c < table.columnCount(); ++c) {
            appendCsvCell(buffer, table.cellBytes(r, c), delimiter, options.neutralizeOriginal);
            buffer += delimiter;
        }
        customId =
            idColumn >= 0 ? table.cellBytes(r, idColumn).toByteArray() : idPrefix + QByteArray::number(r + 1);
        ResultRow row;
        const qsizetype e = index.find(customId);
        if (e >= 0) {
            ++matched;
            const ResultEntry &entry = index.entries()[std::size_t(e)];
            QFile &file = *files[entry.file];
            line.resize(qsizetype(entry.length));
            if (!file.seek(entry.offset) || file.read(line.data(), entry.length) != entry.length)
                return R::failure(QStringLiteral("io"),
                                  tr("Cannot read %1: %2").arg(file.fileName(), file.errorString()));
            parseResultLine(line, row);
            row.outcome = entry.outcome;
            row.inputTokens = entry.inputTokens;
            row.outputTokens = entry.outputTokens;
        }
        ++report.outcomes[std::size_t(row.outcome)];
        const auto tokens = [](qint64 n) { return n < 0 ? QByteArray() : QByteArray::number(n); };
        for (const QByteArray &cell :
             {customId, outcomeName(row.outcome).toUtf8(), row.responseText.toUtf8(), tokens(row.inputTokens),
              tokens(row.outputTokens), row.errorCode.toUtf8(), row.errorMessage.toUtf8()}) {
            appendCsvCell(buffer, cell, delimiter, true);
            buffer += delimiter;
        }
        endLine();
        if (buffer.size() >= kFlushBytes) {
            if (out.write(buffer) != buffer.size())
                return R::failure(QStringLiteral("io"),
                                  tr("Cannot write %1: %2").arg(outPath, out.errorString()));
            buffer.clear();
        }
        if ((r & 2047) == 2047) {
            if (control.progress)
                control.progress(r + 1, rows);
            if (control.isCanceled && control.isCanceled()) {
                out.cancelWriting();
                return R::failure(QStringLiteral("canceled"), tr("Canceled."));
            }
        }
    }
    if (out.write(buffer) != buffer.size() || !out.commit())
        return R::failure(QStringLiteral("io"), tr("Cannot write %1: %2").arg(outPath, out.errorString()));
    report.rows = rows;
    report.unmatchedResults = qint64(index.entries().size()) - matched;
    if (control.progress)
        control.progress(rows, rows);
    return report;
}

} // namespace Batchdesk::Results
