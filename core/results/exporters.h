#pragma once

#include "common/result.h"
#include "joinedresults.h"
#include "jsoncolumns.h"

#include <QList>
#include <QSet>
#include <QString>

namespace Batchdesk::Results {

struct ExportOptions
{
    /** Row indexes to write, in this order (e.g. the current filter); empty = all rows. */
    QList<qint64> rows;
    bool allRows() const { return rows.isEmpty(); }
    /** CSV: start with a UTF-8 byte order mark (Excel needs it to read UTF-8). */
    bool csvBom = false;
    /** CSV: cells a spreadsheet would run as a formula (starting with = + - @) get a leading ' (CSV
     * injection: model output is untrusted text). Off for machine-read CSV. */
    bool neutralizeFormulas = true;
    /** Bound of the request preview column in CSV and XLSX (XLSX cells are further capped at 32,767). */
    int previewChars = 32'767;
    /**
     * Structured answers as columns (JsonColumns::discover()); empty = none, the files are as without it.
     * CSV and XLSX then append one column "answer.<name>" per JSON column and "answer_error" (the reason
     * the answer did not parse, else empty); CSV writes numbers unquoted in the C locale and booleans as
     * true/false, XLSX writes number and boolean cells. JSONL adds "answer" (the object at the path, or
     * null) and "answer_error" (a string, or null) after "input_line" (and the moderation members).
     */
    JsonColumns jsonColumns;
};

/** What an export wrote. */
struct ExportReport
{
    QStringList files; ///< the files written (the .npy and its ids CSV for NumPy)
    qint64 rows = 0; ///< rows written (for NumPy: matrix rows)
    qint64 skipped = 0; ///< rows left out (NumPy: rows without an embedding)
    qint64 columns = 0; ///< NumPy: vector dimensions
    qint64 jsonInvalid = 0; ///< with ExportOptions::jsonColumns: rows written whose answer did not parse
};

/** The column headers of the CSV and XLSX exports (stable machine names, not translated). */
QStringList exportColumns();
/** The column headers of the CSV and XLSX exports with options: exportColumns(), then "answer.<name>" per
 *  JSON column and "answer_error" when options.jsonColumns is not empty. */
QStringList exportColumns(const ExportOptions &options);

/**
 * Exporters. Each one writes to a temporary file next to `path` and renames it over `path` only when complete
 * (QSaveFile), so a cancelled or failed export leaves any earlier file untouched. Blocking: run them on a
 * worker thread; control reports rows done out of rows to write and is polled for cancel.
 */
/** RFC 4180 CSV (CRLF, quotes doubled), UTF-8 with an optional BOM: one row per joined row. */
Result<ExportReport> exportCsv(const JoinedResults &results, const QString &path,
                               const ExportOptions &options = {}, const ResultsControl &control = {});
/** One JSON object per row: {"custom_id","outcome","input_line","request":<input line>,"result":<result
 * line>} with both lines copied byte for byte (null when absent); a moderation result adds "flagged" (bool)
 * and "categories" (the flagged categories) after "input_line". */
Result<ExportReport> exportJsonl(const JoinedResults &results, const QString &path,
                                 const ExportOptions &options = {}, const ResultsControl &control = {});
/** An .xlsx workbook (libxlsxwriter, constant-memory mode) with the CSV columns on one sheet "Results". */
Result<ExportReport> exportXlsx(const JoinedResults &results, const QString &path,
                                const ExportOptions &options = {}, const ResultsControl &control = {});
/**
 * Embeddings as a NumPy .npy file (format 1.0, little-endian float32, C order, shape (N, D), header padded to
 * a multiple of 64 bytes), rows in input order, one per embedding of each succeeded row; beside it `idsPath`
 * (default: path with ".ids.csv" instead of ".npy") lists custom_id and input_index for every matrix row.
 * Rows without an embedding are skipped and counted. All vectors must have the same dimensions.
 */
Result<ExportReport> exportNpy(const JoinedResults &results, const QString &path,
                               const ExportOptions &options = {}, const ResultsControl &control = {},
                               QString idsPath = {});

/** The default outcomes a resubmit takes: failed, expired, cancelled and missing. */
QSet<Outcome> defaultResubmitOutcomes();

/** What the resubmit builder wrote. */
struct ResubmitReport
{
    qint64 lines = 0;
    std::array<qint64, kOutcomeCount> byOutcome {};
};

/**
 * Writes the original request lines (byte-exact copies, "\n"-terminated) of the input rows whose outcome is
 * in `outcomes`, in input order, to a new JSONL file. Rows not in the input are never written. Fails with
 * code "empty" (and writes nothing) when no row matches.
 */
Result<ResubmitReport> writeResubmit(const JoinedResults &results, const QString &path,
                                     const QSet<Outcome> &outcomes = defaultResubmitOutcomes(),
                                     const ResultsControl &control = {});

} // namespace Batchdesk::Results
