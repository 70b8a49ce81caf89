// The XLSX export through libxlsxwriter (private to this file): the format is written by the library, never
// by hand.
#include "exporters.h"
#include "linescanner_p.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QUuid>

#include <xlsxwriter.h>

#include <cstdio>

namespace Batchdesk::Results {

using Detail::tr;

namespace {

// Excel's limit for the text of one cell.
constexpr qsizetype kMaxCellChars = 32'767;

QByteArray cellText(const QString &text)
{
    if (text.size() <= kMaxCellChars)
        return text.toUtf8();
    QString cut = text.left(kMaxCellChars - 1);
    if (cut.back().isHighSurrogate())
        cut.chop(1);
    return (cut + QChar(0x2026)).toUtf8();
}

// A value of a JSON column: numbers and booleans as such (a spreadsheet sums and filters them), integers
// beyond 2^53 as text (a double would round them), strings and JSON text as text.
lxw_error writeJsonCell(lxw_worksheet *sheet, lxw_row_t row, lxw_col_t col, const QVariant &value)
{
    constexpr qlonglong kExactDouble = 1LL << 53;
    switch (value.typeId()) {
    case QMetaType::UnknownType:
        return LXW_NO_ERROR;
    case QMetaType::Double:
        return worksheet_write_number(sheet, row, col, value.toDouble(), nullptr);
    case QMetaType::LongLong:
        if (value.toLongLong() >= -kExactDouble && value.toLongLong() <= kExactDouble)
            return worksheet_write_number(sheet, row, col, double(value.toLongLong()), nullptr);
        break;
    case QMetaType::Bool:
        return worksheet_write_boolean(sheet, row, col, value.toBool() ? 1 : 0, nullptr);
    default:
        break;
    }
    const QString text = jsonCellText(value);
    return text.isEmpty() ? LXW_NO_ERROR
                          : worksheet_write_string(sheet, row, col, cellText(text).constData(), nullptr);
}

} // namespace

Result<ExportReport> exportXlsx(const JoinedResults &results, const QString &path,
                                const ExportOptions &options, const ResultsControl &control)
{
    // libxlsxwriter writes to a file name of its own: give it a unique temporary name beside the target and
    // rename over the target only once the workbook is closed.
    const QFileInfo target(path);
    // Created with QFile (mode 0666 less the umask, like QSaveFile's CSV), not QTemporaryFile (always 0600):
    // libxlsxwriter reopens the name and keeps the mode the file has.
    QString tempPath;
    QString reserveError;
    for (int attempt = 0; attempt < 16 && tempPath.isEmpty(); ++attempt) {
        const QString candidate = target.absoluteDir().filePath(
            target.fileName() + u'.' + QUuid::createUuid().toString(QUuid::Id128).left(8)
            + QStringLiteral(".part"));
        QFile reserve(candidate);
        if (reserve.open(QIODevice::WriteOnly | QIODevice::NewOnly))
            tempPath = candidate;
        else
            reserveError = reserve.errorString();
    }
    if (tempPath.isEmpty())
        return Error {QStringLiteral("io"), tr("Cannot write %1: %2").arg(path, reserveError)};
    // Replacing a file keeps its permissions, as QSaveFile does.
    if (target.exists())
        QFile::setPermissions(tempPath, QFile::permissions(path));
    const QByteArray tempName = QFile::encodeName(tempPath);
    const QByteArray tmpDir = QFile::encodeName(target.absolutePath());
    lxw_workbook_options workbookOptions {};
    workbookOptions.constant_memory = LXW_TRUE; // rows are flushed as they are written: memory stays flat
    workbookOptions.tmpdir = const_cast<char *>(tmpDir.constData());
    lxw_workbook *workbook = workbook_new_opt(tempName.constData(), &workbookOptions);
    if (!workbook) {
        QFile::remove(tempPath);
        return Error {QStringLiteral("io"), tr("Cannot write %1").arg(path)};
    }
    lxw_worksheet *sheet = workbook_add_worksheet(workbook, "Results");
    lxw_format *bold = workbook_add_format(workbook);
    format_set_bold(bold);
    const QStringList columns = exportColumns(options);
    const JsonColumns &json = options.jsonColumns;
    const auto jsonStart = lxw_col_t(exportColumns().size());
    qint64 jsonInvalid = 0;
    worksheet_set_column(sheet, 0, 0, 18, nullptr);
    worksheet_set_column(sheet, 4, 5, 60, nullptr);
    worksheet_set_column(sheet, 10, 10, 40, nullptr);
    for (qsizetype c = 0; c < columns.size(); ++c)
        worksheet_write_string(sheet, 0, lxw_col_t(c), columns.at(c).toUtf8().constData(), bold);
    worksheet_freeze_panes(sheet, 1, 0);

    const qint64 total = options.allRows() ? results.rowCount() : options.rows.size();
    // Numeric columns are written as numbers so that sums and filters work in the spreadsheet.
    const auto isNumeric = [](qsizetype c) -> bool {
        return c == 2 || c == 7 || c == 8 || c == 11 || c == 14;
    };
    lxw_error status = LXW_NO_ERROR;
    bool stopped = false;
    for (qint64 i = 0; i < total && status == LXW_NO_ERROR; ++i) {
        if ((i & 255) == 0) {
            if (control.progress)
                control.progress(i, total);
            if (control.isCanceled && control.isCanceled()) {
                stopped = true;
                break;
            }
        }
        const qint64 r = options.allRows() ? i : options.rows.at(i);
        const ResultRow resultRow = results.row(r, options.previewChars);
        const QStringList cells = Detail::rowCells(resultRow);
        const auto row = lxw_row_t(i + 1);
        for (qsizetype c = 0; c < cells.size() && status == LXW_NO_ERROR; ++c) {
            const QString &text = cells.at(c);
            if (text.isEmpty())
                continue;
            if (isNumeric(c))
                status = worksheet_write_number(sheet, row, lxw_col_t(c), text.toDouble(), nullptr);
            else
                status =
                    worksheet_write_string(sheet, row, lxw_col_t(c), cellText(text).constData(), nullptr);
        }
        if (!json.isEmpty() && status == LXW_NO_ERROR) {
            const JsonRowValues values = json.extract(resultRow);
            if (values.status == JsonRowValues::Status::Invalid)
                ++jsonInvalid;
            for (qsizetype c = 0; c < values.values.size() && status == LXW_NO_ERROR; ++c)
                status = writeJsonCell(sheet, row, lxw_col_t(jsonStart + c), values.values.at(c));
            if (!values.error.isEmpty() && status == LXW_NO_ERROR)
                status = worksheet_write_string(sheet, row, lxw_col_t(jsonStart + values.values.size()),
                                                cellText(values.error).constData(), nullptr);
        }
    }
    const lxw_error closed = workbook_close(workbook);
    if (stopped) {
        QFile::remove(tempPath);
        return Error {QStringLiteral("cancelled"), tr("Cancelled")};
    }
    if (status != LXW_NO_ERROR || closed != LXW_NO_ERROR) {
        QFile::remove(tempPath);
        return Error {
            QStringLiteral("io"),
            tr("Cannot write %1: %2")
                .arg(path, QString::fromUtf8(lxw_strerror(status != LXW_NO_ERROR ? status : closed)))};
    }
    // rename(2) replaces the target atomically.
    if (std::rename(tempName.constData(), QFile::encodeName(path).constData()) != 0) {
        QFile::remove(tempPath);
        return Error {QStringLiteral("io"), tr("Cannot write %1").arg(path)};
    }
    if (control.progress)
        control.progress(total, total);
    ExportReport report {{path}, total, 0, qint64(columns.size()), 0};
    report.jsonInvalid = jsonInvalid;
    return report;
}

} // namespace Batchdesk::Results
