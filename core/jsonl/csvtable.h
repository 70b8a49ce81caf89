#pragma once

#include "common/result.h"
#include "common/workcontrol.h"
#include "diagnostic.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QList>
#include <QString>
#include <QStringList>

#include <functional>
#include <vector>

namespace Batchdesk::Jsonl {

/** Callbacks for long CSV work (read, check, build): the project's one WorkControl. */
using Batchdesk::WorkControl;

/**
 * One finding about a CSV file or a build from it: a value type.
 *
 * code is a stable snake_case name ("ragged_row", "invalid_utf8", "unknown_placeholder", "duplicate_id",
 * ...). row is the 1-based data row (the header is not a data row; 0 = not about a row), record the 1-based
 * CSV record (the header is record 1) and line the 1-based line of the file where that record starts (quoted
 * cells may span lines, so line >= record). column is 0-based, -1 when not about a column.
 */
struct BuildDiagnostic
{
    Severity severity = Severity::Error;
    QString code;
    qint64 row = 0;
    qint64 record = 0;
    qint64 line = 0;
    int column = -1;
    QString message;

    bool isError() const { return severity == Severity::Error; }
};

struct CsvOptions
{
    /** ',', ';', '\t' or '|' (any single byte works); 0 = detect from the first 64 KiB. */
    char delimiter = 0;
    /** The first record names the columns; without it they are column_1, column_2, ... */
    bool hasHeader = true;
    /** RFC 4180 strictly: a quote inside an unquoted cell or text after a closing quote is an error. */
    bool strict = true;
    /** Detailed diagnostics kept (the earliest); counts are complete. */
    int maxDiagnostics = 1000;
    /** Stop after this many data rows (a quick preview of a large file); -1 = all. A table read partly says
     * so in truncated(), and its sha256() and sourceBytes() cover only the bytes read. */
    qint64 maxRows = -1;
    /** A record (one row, quoted newlines included) longer than this is a fatal error: almost always a quote
     *  that is never closed, which would otherwise make the rest of the file one cell held in memory. */
    qint64 maxRecordBytes = 64 * 1024 * 1024;
};

/**
 * A CSV or TSV file read completely into memory, compactly: every cell's UTF-8 bytes in one arena plus one
 * 64-bit offset per cell and two numbers per row (about the file's size plus 8 bytes a cell).
 *
 * Parsing is libcsv's (RFC 4180: quoted cells with delimiters, doubled quotes and embedded newlines; CRLF or
 * LF records). A UTF-8 byte order mark is skipped, cells are kept byte for byte (no trimming), blank lines
 * are skipped. Rows whose cell count differs from the header's ("ragged") are kept and reported as errors
 * with their row, record and line; missing cells read as empty. Cells that are not valid UTF-8 are errors.
 * Duplicate or empty header names are made unique ("name_2", "column_3") and reported as warnings. A strict
 * parse error stops reading; the rows before it are kept and the error is reported.
 *
 * Immutable after read(); safe to share between threads. read() is blocking: run it on a worker thread for
 * large files. Line numbers count LF characters (a file with bare CR line ends reports line 1).
 */
class CsvTable final
{
public:
    class Builder;

    CsvTable() = default;

    /** Reads a file. Fails only when it cannot be read or on cancel (code "canceled"); findings about the
     * content are in diagnostics(). */
    static Result<CsvTable> read(const QString &path, const CsvOptions &options = {},
                                 const WorkControl &control = {});
    /** The same over bytes in memory (tests, pasted text). */
    static CsvTable fromData(QByteArrayView data, const CsvOptions &options = {});
    /**
     * The most likely delimiter of a sample (the start of a file): the candidate among ',', '\t', ';', '|'
     * that occurs (outside quotes) at least once in the first record and the same number of times in the
     * most records; ',' when none does. When truncated, the sample's last record is ignored.
     */
    static char detectDelimiter(QByteArrayView sample, bool truncated = false);

    QString path() const { return m_path; }
    char delimiter() const { return m_delimiter; }
    bool hasHeader() const { return m_hasHeader; }
    bool hadBom() const { return m_bom; }
    /** Bytes of the source, BOM included (0 for a table made by a Builder). */
    qint64 sourceBytes() const { return m_sourceBytes; }
    /** Hex SHA-256 of the source bytes, computed while reading; empty for a table made by a Builder. */
    QString sha256() const { return m_sha256; }

    /** The column names, unique (see the class comment). */
    QStringList columnNames() const { return m_columns; }
    int columnCount() const { return int(m_columns.size()); }
    /** The index of a column by exact name, -1 when there is none. */
    int columnIndex(QStringView name) const;

    qint64 rowCount() const { return qint64(m_rowFirstCell.size()) - 1; }
    /** Cells the row actually had in the file (differs from columnCount() for a ragged row). */
    int cellCount(qint64 row) const;
    /** The UTF-8 bytes of a cell; empty for a cell the row does not have. Valid while the table lives. */
    QByteArrayView cellBytes(qint64 row, int column) const;
    QString cell(qint64 row, int column) const { return QString::fromUtf8(cellBytes(row, column)); }
    /** 1-based line of the file where data row `row` (0-based) starts. */
    qint64 sourceLine(qint64 row) const { return m_rowLine[std::size_t(row)]; }
    /** 1-based CSV record number of data row `row` (0-based); the header is record 1. */
    qint64 sourceRecord(qint64 row) const { return row + 1 + (m_hasHeader ? 1 : 0); }
    /** The first n rows as text, each padded or cut to columnCount() cells. */
    QList<QStringList> preview(int n) const;

    const QList<BuildDiagnostic> &diagnostics() const { return m_diagnostics; }
    qint64 errorCount() const { return m_errors; }
    qint64 warningCount() const { return m_warnings; }
    bool hasErrors() const { return m_errors > 0; }
    /** Diagnostics beyond CsvOptions::maxDiagnostics were counted but not kept. */
    bool diagnosticsTruncated() const { return m_truncated; }
    /** Reading stopped at CsvOptions::maxRows before the end of the file. */
    bool truncated() const { return m_rowsTruncated; }

private:
    friend class CsvReader;
    /** Counts a finding and keeps it while fewer than maxDiagnostics are kept (else marks the list
     * truncated). */
    void addDiagnostic(BuildDiagnostic d, int maxDiagnostics);
    QString m_path;
    char m_delimiter = ',';
    bool m_hasHeader = true;
    bool m_bom = false;
    qint64 m_sourceBytes = 0;
    QString m_sha256;
    QStringList m_columns;
    QByteArray m_arena;
    std::vector<qint64> m_cellStart {0}; // cell i spans [m_cellStart[i], m_cellStart[i + 1])
    std::vector<qint64> m_rowFirstCell {0}; // row r has cells [m_rowFirstCell[r], m_rowFirstCell[r + 1])
    std::vector<qint64> m_rowLine;
    QList<BuildDiagnostic> m_diagnostics;
    qint64 m_errors = 0;
    qint64 m_warnings = 0;
    bool m_truncated = false;
    bool m_rowsTruncated = false;
};

/**
 * Makes a CsvTable in memory, row by row, with the same compact layout as a read one (the cells' UTF-8 in
 * one arena, one offset a cell): for tables that come from elsewhere than a file (joined results) and feed
 * the same consumers (RequestBuilder, previews).
 *
 * The column names are made unique as a read header's are ("name_2"; a warning "duplicate_header"), an
 * empty name becomes "column_<n>". Cells are appended to the open row with addCell() and the row is closed
 * with endRow(): a row with fewer cells than columns gets empty cells (so every row of a built table has
 * columnCount() cells); a cell beyond the last column is dropped and reported ("ragged_row" error), a cell
 * that is not valid UTF-8 is kept and reported ("invalid_utf8" error), as read() does. The table has no path
 * and no source bytes; the delimiter is ',' and sourceLine(r) is r + 2 (the line of the row in the CSV the
 * table would be written as, header first). Not thread-safe; the finished table is immutable.
 */
class CsvTable::Builder final
{
public:
    explicit Builder(const QStringList &columns, int maxDiagnostics = 1000);

    int columnCount() const { return int(m_table.m_columns.size()); }
    qint64 rowCount() const { return m_table.rowCount(); }
    QStringList columnNames() const { return m_table.m_columns; }

    /** Appends a cell to the open row. */
    void addCell(QByteArrayView utf8);
    void addCell(const QString &text);
    /** Closes the open row (see the class comment); a row without cells is a row of empty cells. */
    void endRow();
    /** Reserves room for about this many rows and arena bytes. */
    void reserve(qint64 rows, qint64 bytes);

    /** The table; an open row is closed first. The builder is empty afterwards. */
    CsvTable finish();

private:
    void add(Severity severity, const QString &code, qint64 row, int column, const QString &message);

    CsvTable m_table;
    int m_maxDiagnostics;
    int m_cells = 0; // cells of the open row
};

/** A printable name of a delimiter: "comma", "semicolon", "tab", "pipe" or the character. */
QString delimiterName(char delimiter);

} // namespace Batchdesk::Jsonl
