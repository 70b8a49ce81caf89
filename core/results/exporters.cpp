#include "exporters.h"

#include "csvappend.h"

#include "jsonl/jsontext_p.h"
#include "linescanner_p.h"

#include <QDir>
#include <QFileInfo>
#include <QSaveFile>

#include <simdjson.h>

#include <cstring>
#include <string_view>

namespace Batchdesk::Results {

namespace ondemand = simdjson::ondemand;
using Detail::tr;
using Jsonl::Detail::appendJsonString;

namespace {

constexpr qsizetype kFlushBytes = 1 << 20;

Error cancelled()
{
    return Error {QStringLiteral("cancelled"), tr("Cancelled")};
}

Error writeError(const QSaveFile &file)
{
    return Error {QStringLiteral("io"), tr("Cannot write %1: %2").arg(file.fileName(), file.errorString())};
}

// Rows in the order to write them.
class RowSelection
{
public:
    RowSelection(const JoinedResults &results, const ExportOptions &options)
        : m_rows(options.rows)
        , m_all(options.allRows() ? results.rowCount() : -1)
    { }
    qint64 size() const { return m_all >= 0 ? m_all : m_rows.size(); }
    qint64 at(qint64 i) const { return m_all >= 0 ? i : m_rows.at(i); }

private:
    QList<qint64> m_rows;
    qint64 m_all;
};

bool shouldStop(const ResultsControl &control, qint64 done, qint64 total)
{
    if ((done & 255) != 0)
        return false;
    if (control.progress)
        control.progress(done, total);
    return control.isCanceled && control.isCanceled();
}

bool isJsonObject(QByteArrayView line)
{
    thread_local ondemand::parser parser;
    const simdjson::padded_string padded(line.data(), std::size_t(line.size()));
    ondemand::document doc;
    ondemand::object object;
    size_t fields = 0;
    return !parser.iterate(padded).get(doc) && !doc.get_object().get(object)
        && !object.count_fields().get(fields);
}

} // namespace

QStringList exportColumns()
{
    return {QStringLiteral("custom_id"),     QStringLiteral("outcome"),       QStringLiteral("http_status"),
            QStringLiteral("model"),         QStringLiteral("request"),       QStringLiteral("response"),
            QStringLiteral("finish_reason"), QStringLiteral("input_tokens"),  QStringLiteral("output_tokens"),
            QStringLiteral("error_code"),    QStringLiteral("error_message"), QStringLiteral("input_line"),
            QStringLiteral("flagged"),       QStringLiteral("categories"),    QStringLiteral("images"),
            QStringLiteral("video_id"),      QStringLiteral("video_status")};
}

QStringList exportColumns(const ExportOptions &options)
{
    QStringList columns = exportColumns();
    if (options.jsonColumns.isEmpty())
        return columns;
    for (const QString &name : options.jsonColumns.names())
        columns << QStringLiteral("answer.") + name;
    columns << QStringLiteral("answer_error");
    return columns;
}

namespace Detail {
// The cells of one row in exportColumns() order; numbers empty when unknown.
QStringList rowCells(const ResultRow &r)
{
    return {r.customId,
            outcomeName(r.outcome),
            r.httpStatus ? QString::number(r.httpStatus) : QString(),
            r.model,
            r.requestPreview,
            r.responseText,
            r.finishReason,
            r.inputTokens >= 0 ? QString::number(r.inputTokens) : QString(),
            r.outputTokens >= 0 ? QString::number(r.outputTokens) : QString(),
            r.errorCode,
            r.errorMessage,
            r.inputLine >= 0 ? QString::number(r.inputLine + 1) : QString(),
            r.flagged < 0   ? QString()
                : r.flagged ? QStringLiteral("true")
                            : QStringLiteral("false"),
            r.flaggedCategories.join(u';'),
            r.imageCount > 0 ? QString::number(r.imageCount) : QString(),
            r.videoId,
            r.videoStatus};
}
} // namespace Detail

Result<ExportReport> exportCsv(const JoinedResults &results, const QString &path,
                               const ExportOptions &options, const ResultsControl &control)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return writeError(file);
    const RowSelection rows(results, options);
    QByteArray buffer;
    buffer.reserve(kFlushBytes + 4096);
    if (options.csvBom)
        buffer += "\xEF\xBB\xBF";
    const bool neutralize = options.neutralizeFormulas;
    const auto appendRecord = [&buffer, neutralize](const QStringList &cells) {
        for (qsizetype c = 0; c < cells.size(); ++c) {
            if (c)
                buffer += ',';
            appendCsvCell(buffer, cells.at(c).toUtf8(), ',', neutralize);
        }
        buffer += "\r\n";
    };
    const QStringList header = exportColumns(options);
    appendRecord(header);
    const JsonColumns &json = options.jsonColumns;
    qint64 jsonInvalid = 0;
    for (qint64 i = 0; i < rows.size(); ++i) {
        if (shouldStop(control, i, rows.size()))
            return cancelled();
        const ResultRow row = results.row(rows.at(i), options.previewChars);
        if (json.isEmpty()) {
            appendRecord(Detail::rowCells(row));
        } else {
            appendRecord(Detail::rowCells(row));
            buffer.chop(2); // the record goes on with the answer's cells
            const JsonRowValues values = json.extract(row);
            if (values.status == JsonRowValues::Status::Invalid)
                ++jsonInvalid;
            for (const QVariant &value : values.values) {
                buffer += ',';
                const QByteArray text = jsonCellText(value).toUtf8();
                if (value.typeId() == QMetaType::QString)
                    appendCsvCell(buffer, text, ',', neutralize);
                else
                    buffer += text; // numbers and true/false: no quotes, nothing to neutralise
            }
            buffer += ',';
            appendCsvCell(buffer, values.error.toUtf8(), ',', neutralize);
            buffer += "\r\n";
        }
        if (buffer.size() >= kFlushBytes) {
            if (file.write(buffer) != buffer.size())
                return writeError(file);
            buffer.clear();
        }
    }
    if (file.write(buffer) != buffer.size() || !file.commit())
        return writeError(file);
    if (control.progress)
        control.progress(rows.size(), rows.size());
    ExportReport report {{path}, rows.size(), 0, qint64(header.size()), 0};
    report.jsonInvalid = jsonInvalid;
    return report;
}

Result<ExportReport> exportJsonl(const JoinedResults &results, const QString &path,
                                 const ExportOptions &options, const ResultsControl &control)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return writeError(file);
    const RowSelection rows(results, options);
    QByteArray buffer;
    buffer.reserve(kFlushBytes + 4096);
    qint64 jsonInvalid = 0;
    for (qint64 i = 0; i < rows.size(); ++i) {
        if (shouldStop(control, i, rows.size()))
            return cancelled();
        const qint64 r = rows.at(i);
        buffer += "{\"custom_id\":";
        appendJsonString(buffer, results.customId(r));
        buffer += ",\"outcome\":\"";
        buffer += outcomeName(results.outcome(r)).toLatin1();
        buffer += "\",\"input_line\":";
        buffer +=
            results.inputLine(r) >= 0 ? QByteArray::number(results.inputLine(r) + 1) : QByteArray("null");
        const auto result = results.resultLine(r);
        if (!result.ok())
            return result.error();
        // A moderation's verdict next to the lines, so that a script need not dig through results[].
        if (results.hasResult(r) && result.value().contains("\"flagged\"")) {
            ResultRow parsed;
            parseResultLine(result.value(), parsed);
            if (parsed.flagged >= 0) {
                buffer += parsed.flagged ? ",\"flagged\":true,\"categories\":["
                                         : ",\"flagged\":false,\"categories\":[";
                for (qsizetype c = 0; c < parsed.flaggedCategories.size(); ++c) {
                    if (c)
                        buffer += ',';
                    appendJsonString(buffer, parsed.flaggedCategories.at(c).toUtf8());
                }
                buffer += ']';
            }
        }
        if (!options.jsonColumns.isEmpty()) {
            ResultRow parsed;
            if (results.hasResult(r))
                parseResultLine(result.value(), parsed);
            QByteArray object;
            const JsonRowValues values = options.jsonColumns.extract(parsed, &object);
            buffer += ",\"answer\":";
            buffer += values.status == JsonRowValues::Status::Parsed ? object : QByteArray("null");
            buffer += ",\"answer_error\":";
            if (values.status == JsonRowValues::Status::Invalid) {
                ++jsonInvalid;
                appendJsonString(buffer, values.error.toUtf8());
            } else {
                buffer += "null";
            }
        }
        buffer += ",\"request\":";
        const auto request = results.requestLine(r);
        if (!request.ok())
            return request.error();
        if (results.inputLine(r) < 0)
            buffer += "null";
        else if (!results.customId(r).isEmpty() || isJsonObject(request.value()))
            buffer += request.value();
        else
            appendJsonString(buffer, request.value()); // a line that is not JSON stays readable as text
        buffer += ",\"result\":";
        buffer += results.hasResult(r) ? result.value() : QByteArray("null");
        buffer += "}\n";
        if (buffer.size() >= kFlushBytes) {
            if (file.write(buffer) != buffer.size())
                return writeError(file);
            buffer.clear();
        }
    }
    if (file.write(buffer) != buffer.size() || !file.commit())
        return writeError(file);
    if (control.progress)
        control.progress(rows.size(), rows.size());
    ExportReport report {{path}, rows.size(), 0, 0, 0};
    report.jsonInvalid = jsonInvalid;
    return report;
}

namespace {

// Appends the float32 vectors of response.body.data[].embedding; returns their count, or -1 when the line has
// none. dims is set by the first vector and checked against the others.
int appendEmbeddings(QByteArrayView line, QByteArray &out, qint64 &dims, QString *error)
{
    thread_local ondemand::parser parser;
    const simdjson::padded_string padded(line.data(), std::size_t(line.size()));
    ondemand::document doc;
    ondemand::array data;
    if (parser.iterate(padded).get(doc) || doc.at_pointer("/response/body/data").get_array().get(data))
        return -1;
    int count = 0;
    for (auto itemResult : data) {
        ondemand::object item;
        if (itemResult.get_object().get(item))
            continue;
        ondemand::value embedding;
        if (item.find_field_unordered("embedding").get(embedding))
            continue;
        qint64 n = 0;
        ondemand::array values;
        std::string_view b64;
        if (!embedding.get_array().get(values)) {
            for (auto v : values) {
                double d = 0;
                if (v.get_double().get(d)) {
                    *error = tr("An embedding holds a value that is not a number.");
                    return -2;
                }
                const float f = float(d);
                out.append(reinterpret_cast<const char *>(&f), sizeof f); // little-endian hosts only
                ++n;
            }
        } else if (!embedding.get_string().get(b64)) {
            const QByteArray bytes =
                QByteArray::fromBase64(QByteArray::fromRawData(b64.data(), qsizetype(b64.size())));
            out += bytes;
            n = bytes.size() / 4;
        } else {
            continue;
        }
        if (dims < 0)
            dims = n;
        if (n != dims) {
            *error = tr("Embeddings of different sizes (%1 and %2) cannot form one matrix.").arg(dims).arg(n);
            return -2;
        }
        ++count;
    }
    return count > 0 ? count : -1;
}

QByteArray npyHeader(qint64 rows, qint64 columns)
{
    QByteArray dict = "{'descr': '<f4', 'fortran_order': False, 'shape': (" + QByteArray::number(rows) + ", "
        + QByteArray::number(columns) + "), }";
    // Fixed 128-byte preamble so that the final shape can be written over the placeholder.
    constexpr qsizetype kTotal = 128;
    QByteArray header("\x93NUMPY\x01\x00", 8);
    const qsizetype headerLength = kTotal - 10;
    header += char(headerLength & 0xFF);
    header += char((headerLength >> 8) & 0xFF);
    header += dict;
    header += QByteArray(kTotal - 1 - header.size(), ' ');
    header += '\n';
    return header;
}

} // namespace

Result<ExportReport> exportNpy(const JoinedResults &results, const QString &path,
                               const ExportOptions &options, const ResultsControl &control, QString idsPath)
{
    static_assert(Q_BYTE_ORDER == Q_LITTLE_ENDIAN, "the .npy writer assumes a little-endian host");
    if (idsPath.isEmpty()) {
        idsPath = path;
        if (idsPath.endsWith(QStringLiteral(".npy"), Qt::CaseInsensitive))
            idsPath.chop(4);
        idsPath += QStringLiteral(".ids.csv");
    }
    QSaveFile file(path);
    QSaveFile ids(idsPath);
    if (!file.open(QIODevice::WriteOnly))
        return writeError(file);
    if (!ids.open(QIODevice::WriteOnly))
        return writeError(ids);
    const RowSelection rows(results, options);
    if (file.write(npyHeader(0, 0)) != 128)
        return writeError(file);
    QByteArray buffer;
    QByteArray idBuffer = "custom_id,input_line,embedding_index\r\n";
    qint64 dims = -1;
    qint64 matrixRows = 0;
    qint64 skipped = 0;
    for (qint64 i = 0; i < rows.size(); ++i) {
        if (shouldStop(control, i, rows.size()))
            return cancelled();
        const qint64 r = rows.at(i);
        if (results.outcome(r) != Outcome::Succeeded) {
            ++skipped;
            continue;
        }
        const auto line = results.resultLine(r);
        if (!line.ok())
            return line.error();
        QString error;
        const int n = appendEmbeddings(line.value(), buffer, dims, &error);
        if (n == -2)
            return Error {QStringLiteral("shape"), error};
        if (n < 0) {
            ++skipped;
            continue;
        }
        const QString id = QString::fromUtf8(results.customId(r));
        for (int k = 0; k < n; ++k) {
            appendCsvCell(idBuffer, id.toUtf8(), ',', false); // machine-read ids stay exact
            idBuffer += ',';
            idBuffer +=
                results.inputLine(r) >= 0 ? QByteArray::number(results.inputLine(r) + 1) : QByteArray();
            idBuffer += ',';
            idBuffer += QByteArray::number(k);
            idBuffer += "\r\n";
        }
        matrixRows += n;
        if (buffer.size() >= kFlushBytes) {
            if (file.write(buffer) != buffer.size())
                return writeError(file);
            buffer.clear();
        }
        if (idBuffer.size() >= kFlushBytes) {
            if (ids.write(idBuffer) != idBuffer.size())
                return writeError(ids);
            idBuffer.clear();
        }
    }
    if (matrixRows == 0)
        return Error {QStringLiteral("empty"), tr("None of the rows has an embedding.")};
    if (file.write(buffer) != buffer.size() || !file.seek(0)
        || file.write(npyHeader(matrixRows, dims)) != 128)
        return writeError(file);
    if (ids.write(idBuffer) != idBuffer.size())
        return writeError(ids);
    if (!ids.commit())
        return writeError(ids);
    if (!file.commit())
        return writeError(file);
    if (control.progress)
        control.progress(rows.size(), rows.size());
    return ExportReport {{path, idsPath}, matrixRows, skipped, dims, 0};
}

QSet<Outcome> defaultResubmitOutcomes()
{
    return {Outcome::Failed, Outcome::Expired, Outcome::Cancelled, Outcome::Missing};
}

Result<ResubmitReport> writeResubmit(const JoinedResults &results, const QString &path,
                                     const QSet<Outcome> &outcomes, const ResultsControl &control)
{
    ResubmitReport report;
    QSaveFile file(path);
    bool opened = false;
    QByteArray buffer;
    const qint64 total = results.rowCount();
    for (qint64 r = 0; r < total; ++r) {
        if (shouldStop(control, r, total))
            return cancelled();
        if (results.inputLine(r) < 0 || !outcomes.contains(results.outcome(r)))
            continue;
        const auto line = results.requestLine(r);
        if (!line.ok())
            return line.error();
        if (!opened) {
            if (!file.open(QIODevice::WriteOnly))
                return writeError(file);
            opened = true;
        }
        buffer += line.value();
        buffer += '\n';
        ++report.lines;
        ++report.byOutcome[std::size_t(results.outcome(r))];
        if (buffer.size() >= kFlushBytes) {
            if (file.write(buffer) != buffer.size())
                return writeError(file);
            buffer.clear();
        }
    }
    if (report.lines == 0)
        return Error {QStringLiteral("empty"), tr("No request has one of the chosen outcomes.")};
    if (file.write(buffer) != buffer.size() || !file.commit())
        return writeError(file);
    if (control.progress)
        control.progress(total, total);
    return report;
}

} // namespace Batchdesk::Results
