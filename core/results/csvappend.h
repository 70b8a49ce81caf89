#pragma once

#include "common/result.h"
#include "resultindex.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QString>
#include <QStringList>

#include <array>
#include <optional>

namespace Batchdesk::Results {

/**
 * Appends one RFC 4180 cell (UTF-8) to a CSV line: quoted when it contains the delimiter, a quote, CR or LF
 * (quotes doubled). With neutralizeFormulas, a cell starting with '=', '+', '-' or '@' (or a tab or CR) gets
 * a leading single quote first, so that a spreadsheet shows it as text instead of running it as a formula
 * (CSV injection).
 */
void appendCsvCell(QByteArray &out, QByteArrayView utf8, char delimiter = ',',
                   bool neutralizeFormulas = true);
/** True when a spreadsheet would read the cell as a formula (see appendCsvCell()). */
bool looksLikeFormula(QByteArrayView utf8);

/** The columns appended after the CSV's own: custom_id, outcome, response_text, input_tokens,
 * output_tokens, error_code, error_message. */
QStringList appendedColumns();

struct CsvAppendOptions
{
    /** Start with a UTF-8 byte order mark (Excel); default: when the source CSV had one. */
    std::optional<bool> bom;
    /** Neutralise formulas in the original cells too. The appended cells (model output) always are; the
     * original cells are the user's own data and are copied byte for byte by default. */
    bool neutralizeOriginal = false;
    /** Fail with code "csv_changed" when the CSV's SHA-256 differs from the manifest's. */
    bool requireSameCsv = true;
};

struct CsvAppendReport
{
    qint64 rows = 0;
    std::array<qint64, kOutcomeCount> outcomes {};
    /** Results whose custom_id is not a row of the CSV (e.g. from another batch). */
    qint64 unmatchedResults = 0;
    QString csvPath;
    qint64 count(Outcome o) const { return outcomes[std::size_t(o)]; }
};

/**
 * Writes the original CSV with the result columns of appendedColumns() appended, row for row in CSV order,
 * from a build manifest (RequestBuilder::write()'s <base>.build.json) and the output/error files of the
 * part batches (any order; a later file wins for a custom_id present in several).
 *
 * The CSV is read again from the manifest's path (or csvPath when given) with the manifest's delimiter and
 * header setting; each row's custom_id is derived as the build made it ("row-<n>" or the id column). Every
 * row gets a line: a row without a result has outcome "missing". Written through QSaveFile with CRLF line
 * ends and the source's delimiter. Blocking; control is polled per few thousand rows.
 */
Result<CsvAppendReport> appendResultsToCsv(const QString &manifestPath, const QStringList &resultFiles,
                                           const QString &outPath, const CsvAppendOptions &options = {},
                                           const ResultsControl &control = {}, const QString &csvPath = {});

} // namespace Batchdesk::Results
