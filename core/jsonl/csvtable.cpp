#include "csvtable.h"

#include "common/translate.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QFile>
#include <QFuture>
#include <QHash>
#include <QSet>
#include <QtConcurrent/QtConcurrentRun>

#include <csv.h>

#include <algorithm>
#include <array>
#include <cstring>
#include <utility>

namespace Batchdesk::Jsonl {

namespace {

// lupdate files these strings under the class each call is written in: CsvReader, CsvTable, its Builder.
QString tr(const char *text)
{
    return Batchdesk::translateIn({"Batchdesk::Jsonl::CsvReader", "Batchdesk::Jsonl::CsvTable",
                                   "Batchdesk::Jsonl::CsvTable::Builder", "Batchdesk::Jsonl"},
                                  text);
}

constexpr qsizetype kChunk = 1 << 20;
constexpr qsizetype kSniffBytes = 64 << 10;
constexpr std::array<char, 4> kCandidates {',', '\t', ';', '|'};

// libcsv trims spaces and tabs around unquoted cells by default; cells are kept byte for byte here, and a tab
// must never be "space" in a TSV.
int neverSpace(unsigned char)
{
    return 0;
}

qint64 countNewlines(const char *data, std::size_t len)
{
    qint64 n = 0;
    const char *end = data + len;
    while (data < end) {
        const void *hit = std::memchr(data, '\n', std::size_t(end - data));
        if (!hit)
            break;
        ++n;
        data = static_cast<const char *>(hit) + 1;
    }
    return n;
}

} // namespace

QString delimiterName(char delimiter)
{
    switch (delimiter) {
    case ',':
        return QStringLiteral("comma");
    case ';':
        return QStringLiteral("semicolon");
    case '\t':
        return QStringLiteral("tab");
    case '|':
        return QStringLiteral("pipe");
    default:
        return QString(QLatin1Char(delimiter));
    }
}

// The state of one read: libcsv's callbacks land here.
class CsvReader
{
public:
    CsvReader(CsvTable &table, const CsvOptions &options)
        : m_t(table)
        , m_options(options)
    {
        m_t.m_hasHeader = options.hasHeader;
    }

    ~CsvReader()
    {
        if (m_initialised)
            csv_free(&m_parser);
    }

    // Called with the first bytes of the source (BOM already removed) before any feed().
    bool start(QByteArrayView sample, bool truncated)
    {
        m_t.m_delimiter =
            m_options.delimiter ? m_options.delimiter : CsvTable::detectDelimiter(sample, truncated);
        unsigned char opts = CSV_REPALL_NL | CSV_STRICT_FINI;
        if (m_options.strict)
            opts |= CSV_STRICT;
        if (csv_init(&m_parser, opts) != 0)
            return false;
        m_initialised = true;
        csv_set_delim(&m_parser, static_cast<unsigned char>(m_t.m_delimiter));
        csv_set_space_func(&m_parser, neverSpace);
        csv_set_blk_size(&m_parser, 4096);
        return true;
    }

    void feed(QByteArrayView data)
    {
        if (m_stopped || data.isEmpty())
            return;
        // The open record's size: bytes fed since the end of the chunk in which the last record ended.
        m_chunkEnd = m_consumed + data.size();
        const std::size_t done =
            csv_parse(&m_parser, data.data(), std::size_t(data.size()), onField, onRow, this);
        m_consumed = m_chunkEnd;
        if (done != std::size_t(data.size())) {
            parseError(false);
            return;
        }
        if (!m_stopped && m_consumed - m_recordStart > m_options.maxRecordBytes)
            recordTooLong();
    }

    bool stopped() const { return m_stopped; }

    void finish()
    {
        if (m_t.m_rowsTruncated)
            return;
        if (!m_stopped && csv_fini(&m_parser, onField, onRow, this) != 0)
            parseError(true);
        if (!m_headerDone)
            takeHeader(); // an empty file: no columns
        if (m_t.rowCount() == 0 && !m_stopped)
            add(Severity::Warning, QStringLiteral("no_rows"), 0, 0, -1, tr("The file has no data rows."));
    }

private:
    static void onField(void *s, std::size_t len, void *data)
    {
        auto *self = static_cast<CsvReader *>(data);
        self->field(static_cast<const char *>(s), len);
    }
    static void onRow(int c, void *data) { static_cast<CsvReader *>(data)->row(c); }

    void field(const char *s, std::size_t len)
    {
        if (m_stopped)
            return;
        if (m_fields == 0)
            m_recordLine = m_line;
        const QByteArrayView bytes(s, qsizetype(len));
        if (!m_headerDone && m_options.hasHeader) {
            m_header << bytes.toByteArray();
        } else {
            m_t.m_arena.append(bytes);
            m_t.m_cellStart.push_back(m_t.m_arena.size());
            if (!bytes.isValidUtf8()) {
                const qint64 row = m_t.rowCount() + 1;
                add(Severity::Error, QStringLiteral("invalid_utf8"), row, m_recordLine, m_fields,
                    tr("Row %1 (line %2), column %3: the cell is not valid UTF-8; save the file as UTF-8.")
                        .arg(row)
                        .arg(m_recordLine)
                        .arg(m_fields + 1));
            }
        }
        if (len > 0)
            m_line += countNewlines(s, len);
        ++m_fields;
    }

    void row(int c)
    {
        if (m_stopped)
            return;
        // The next record starts somewhere in this chunk; counting from the chunk's end undercounts it by
        // less than a chunk, which is precise enough for a cap of megabytes.
        m_recordStart = m_chunkEnd;
        if (m_fields > 0) {
            ++m_records;
            if (!m_headerDone) {
                if (!m_options.hasHeader)
                    m_firstRowCells = m_fields;
                takeHeader();
            }
            if (m_headerDone && (!m_options.hasHeader || m_records > 1)) {
                m_t.m_rowFirstCell.push_back(qint64(m_t.m_cellStart.size()) - 1);
                m_t.m_rowLine.push_back(m_recordLine);
                if (m_fields != m_t.columnCount()) {
                    const qint64 row = m_t.rowCount();
                    add(Severity::Error, QStringLiteral("ragged_row"), row, m_recordLine, -1,
                        tr("Row %1 (record %2, line %3) has %4 cells; the header has %5.")
                            .arg(row)
                            .arg(m_records)
                            .arg(m_recordLine)
                            .arg(m_fields)
                            .arg(m_t.columnCount()));
                }
            }
        }
        m_fields = 0;
        if (c == '\n')
            ++m_line;
        if (m_options.maxRows >= 0 && m_t.rowCount() >= m_options.maxRows) {
            m_stopped = true; // libcsv still hands over the rest of the chunk; it is ignored
            m_t.m_rowsTruncated = true;
        }
    }

    void takeHeader()
    {
        m_headerDone = true;
        QStringList names;
        if (!m_options.hasHeader) {
            for (int i = 0; i < m_firstRowCells; ++i)
                names << QStringLiteral("column_%1").arg(i + 1);
            m_t.m_columns = names;
            return;
        }
        QSet<QString> used;
        for (qsizetype i = 0; i < m_header.size(); ++i) {
            const QByteArray &raw = m_header.at(i);
            if (!QByteArrayView(raw).isValidUtf8()) {
                add(Severity::Error, QStringLiteral("invalid_utf8"), 0, m_recordLine, int(i),
                    tr("Header column %1 is not valid UTF-8; save the file as UTF-8.").arg(i + 1));
            }
            QString name = QString::fromUtf8(raw).trimmed();
            if (name.isEmpty()) {
                name = QStringLiteral("column_%1").arg(i + 1);
                add(Severity::Warning, QStringLiteral("empty_header"), 0, m_recordLine, int(i),
                    tr("Header column %1 has no name; it is called \"%2\".").arg(i + 1).arg(name));
            }
            if (used.contains(name)) {
                QString unique;
                for (int n = 2;; ++n) {
                    unique = name + QStringLiteral("_%1").arg(n);
                    if (!used.contains(unique))
                        break;
                }
                add(Severity::Warning, QStringLiteral("duplicate_header"), 0, m_recordLine, int(i),
                    tr("Header column %1 repeats the name \"%2\"; it is called \"%3\".")
                        .arg(i + 1)
                        .arg(name, unique));
                name = unique;
            }
            used.insert(name);
            names << name;
        }
        m_t.m_columns = names;
    }

    void recordTooLong()
    {
        m_stopped = true;
        const qint64 record = m_records + 1;
        const qint64 row = record - (m_options.hasHeader ? 1 : 0);
        add(Severity::Error, QStringLiteral("record_too_long"), row > 0 ? row : 0, m_recordLine, -1,
            tr("Record %1 (from line %2) is longer than %3 MB: a quoted cell is probably not closed. Reading "
               "stopped here.")
                .arg(record)
                .arg(m_fields > 0 ? m_recordLine : m_line)
                .arg(m_options.maxRecordBytes / (1024 * 1024)));
    }

    void parseError(bool atEnd)
    {
        m_stopped = true;
        const qint64 record = m_records + 1;
        const qint64 line = m_fields > 0 ? m_recordLine : m_line;
        const qint64 row = record - (m_options.hasHeader ? 1 : 0);
        QString message;
        if (atEnd) {
            message = tr("Record %1 (line %2): a quoted cell is not closed before the end of the file.")
                          .arg(record)
                          .arg(line);
        } else if (csv_error(&m_parser) == CSV_EPARSE) {
            message =
                tr("Record %1 (line %2): a quote inside an unquoted cell, or text after a closing quote "
                   "(RFC 4180); quote the whole cell and double the quotes inside it. Reading stopped "
                   "here.")
                    .arg(record)
                    .arg(line);
        } else {
            message = tr("Record %1 (line %2): %3")
                          .arg(record)
                          .arg(line)
                          .arg(QString::fromLatin1(csv_strerror(csv_error(&m_parser))));
        }
        add(Severity::Error, QStringLiteral("csv_parse_error"), row > 0 ? row : 0, line, -1, message);
    }

    void add(Severity severity, const QString &code, qint64 row, qint64 line, int column,
             const QString &message)
    {
        const qint64 header = m_options.hasHeader ? 1 : 0;
        m_t.addDiagnostic({severity, code, row, row > 0 ? row + header : header, line, column, message},
                          m_options.maxDiagnostics);
    }

    CsvTable &m_t;
    const CsvOptions m_options;
    csv_parser m_parser {};
    bool m_initialised = false;
    bool m_stopped = false;
    bool m_headerDone = false;
    qint64 m_consumed = 0; // bytes fed so far
    qint64 m_chunkEnd = 0; // m_consumed after the chunk being parsed
    qint64 m_recordStart = 0; // where the open record starts, at most (see row())
    QList<QByteArray> m_header;
    int m_firstRowCells = 0;
    int m_fields = 0; // cells of the current record so far
    qint64 m_records = 0; // completed records, header included
    qint64 m_line = 1; // 1-based line of the next byte libcsv hands over
    qint64 m_recordLine = 1;
};

char CsvTable::detectDelimiter(QByteArrayView sample, bool truncated)
{
    char best = ',';
    qint64 bestConsistent = 0;
    qint64 bestHeaderCount = 0;
    for (const char candidate : kCandidates) {
        // Count the candidate outside quotes in each record; a doubled quote toggles twice, so it is neutral.
        QList<qint64> counts;
        qint64 count = 0;
        bool quoted = false;
        bool any = false;
        for (const char c : sample) {
            if (c == '"') {
                quoted = !quoted;
            } else if (!quoted && c == candidate) {
                ++count;
            } else if (!quoted && c == '\n') {
                if (any || count > 0)
                    counts << count;
                count = 0;
                any = false;
                if (counts.size() >= 1000)
                    break;
                continue;
            } else if (c == '\r' && !quoted) {
                continue;
            }
            any = true;
        }
        if (!truncated && (any || count > 0))
            counts << count;
        if (counts.isEmpty() || counts.first() == 0)
            continue;
        const qint64 header = counts.first();
        const auto consistent = qint64(std::count(counts.cbegin(), counts.cend(), header));
        if (consistent > bestConsistent || (consistent == bestConsistent && header > bestHeaderCount)) {
            best = candidate;
            bestConsistent = consistent;
            bestHeaderCount = header;
        }
    }
    return best;
}

Result<CsvTable> CsvTable::read(const QString &path, const CsvOptions &options, const WorkControl &control)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return Result<CsvTable>::failure(QStringLiteral("io"),
                                         tr("Cannot open %1: %2").arg(path, file.errorString()));
    CsvTable table;
    table.m_path = path;
    const qint64 total = file.size();
    table.m_arena.reserve(qsizetype(qMin<qint64>(total, qint64(1) << 34)));
    // SHA-256 of each chunk runs on the other core while libcsv parses it (~10% of a read on one core).
    QCryptographicHash hash(QCryptographicHash::Sha256);
    QFuture<void> hashing;
    struct WaitAtExit
    {
        QFuture<void> &future;
        ~WaitAtExit()
        {
            if (future.isValid())
                future.waitForFinished();
        }
    } waitAtExit {hashing};
    CsvReader reader(table, options);
    QByteArray chunk;
    qint64 done = 0;
    bool first = true;
    for (;;) {
        chunk.resize(kChunk);
        const qint64 n = file.read(chunk.data(), kChunk);
        if (n < 0)
            return Result<CsvTable>::failure(QStringLiteral("io"),
                                             tr("Cannot read %1: %2").arg(path, file.errorString()));
        chunk.resize(qsizetype(n));
        if (hashing.isValid())
            hashing.waitForFinished();
        hashing = QtConcurrent::run([&hash, data = chunk] { hash.addData(data); });
        done += n;
        QByteArrayView view(chunk);
        if (first) {
            first = false;
            if (view.startsWith("\xEF\xBB\xBF")) {
                table.m_bom = true;
                view = view.sliced(3);
            }
            const bool truncated = view.size() > kSniffBytes || n == kChunk;
            if (!reader.start(view.first(qMin(view.size(), kSniffBytes)), truncated))
                return Result<CsvTable>::failure(QStringLiteral("io"), tr("Out of memory."));
        }
        if (n == 0)
            break;
        reader.feed(view);
        if (reader.stopped())
            break; // a preview that has its rows, or a fatal error: the rest is not read

        if (control.progress)
            control.progress(done, total);
        if (control.isCanceled && control.isCanceled())
            return Result<CsvTable>::failure(QStringLiteral("canceled"), tr("Canceled."));
    }
    reader.finish();
    hashing.waitForFinished();
    table.m_sourceBytes = done;
    table.m_sha256 = QString::fromLatin1(hash.result().toHex());
    table.m_arena.squeeze();
    return table;
}

CsvTable CsvTable::fromData(QByteArrayView data, const CsvOptions &options)
{
    CsvTable table;
    table.m_sourceBytes = data.size();
    table.m_sha256 = QString::fromLatin1(QCryptographicHash::hash(data, QCryptographicHash::Sha256).toHex());
    CsvReader reader(table, options);
    if (data.startsWith("\xEF\xBB\xBF")) {
        table.m_bom = true;
        data = data.sliced(3);
    }
    if (reader.start(data.first(qMin(data.size(), kSniffBytes)), data.size() > kSniffBytes)) {
        reader.feed(data);
        reader.finish();
    }
    return table;
}

CsvTable::Builder::Builder(const QStringList &columns, int maxDiagnostics)
    : m_maxDiagnostics(maxDiagnostics)
{
    QSet<QString> used;
    for (qsizetype i = 0; i < columns.size(); ++i) {
        QString name = columns.at(i).trimmed();
        if (name.isEmpty())
            name = QStringLiteral("column_%1").arg(i + 1);
        if (used.contains(name)) {
            QString unique;
            for (int n = 2;; ++n) {
                unique = name + QStringLiteral("_%1").arg(n);
                if (!used.contains(unique))
                    break;
            }
            add(Severity::Warning, QStringLiteral("duplicate_header"), 0, int(i),
                tr("Column %1 repeats the name \"%2\"; it is called \"%3\".").arg(i + 1).arg(name, unique));
            name = unique;
        }
        used.insert(name);
        m_table.m_columns << name;
    }
}

void CsvTable::Builder::add(Severity severity, const QString &code, qint64 row, int column,
                            const QString &message)
{
    m_table.addDiagnostic({severity, code, row, row + 1, row + 1, column, message}, m_maxDiagnostics);
}

void CsvTable::addDiagnostic(BuildDiagnostic d, int maxDiagnostics)
{
    if (d.isError())
        ++m_errors;
    else
        ++m_warnings;
    if (m_diagnostics.size() >= maxDiagnostics) {
        m_truncated = true;
        return;
    }
    m_diagnostics << std::move(d);
}

void CsvTable::Builder::reserve(qint64 rows, qint64 bytes)
{
    m_table.m_arena.reserve(qsizetype(bytes));
    m_table.m_cellStart.reserve(std::size_t(rows * columnCount() + 1));
    m_table.m_rowFirstCell.reserve(std::size_t(rows + 1));
    m_table.m_rowLine.reserve(std::size_t(rows));
}

void CsvTable::Builder::addCell(QByteArrayView utf8)
{
    const qint64 row = rowCount() + 1;
    if (m_cells >= columnCount()) {
        add(Severity::Error, QStringLiteral("ragged_row"), row, m_cells,
            tr("Row %1 has more cells than the %2 columns; the cell is dropped.")
                .arg(row)
                .arg(columnCount()));
        ++m_cells;
        return;
    }
    if (!utf8.isValidUtf8()) {
        add(Severity::Error, QStringLiteral("invalid_utf8"), row, m_cells,
            tr("Row %1, column %2: the cell is not valid UTF-8.").arg(row).arg(m_cells + 1));
    }
    m_table.m_arena.append(utf8);
    m_table.m_cellStart.push_back(m_table.m_arena.size());
    ++m_cells;
}

void CsvTable::Builder::addCell(const QString &text)
{
    addCell(QByteArrayView(text.toUtf8()));
}

void CsvTable::Builder::endRow()
{
    for (; m_cells < columnCount(); ++m_cells)
        m_table.m_cellStart.push_back(m_table.m_arena.size());
    m_table.m_rowFirstCell.push_back(qint64(m_table.m_cellStart.size()) - 1);
    m_table.m_rowLine.push_back(m_table.rowCount() + 1); // row r (0-based) on line r + 2
    m_cells = 0;
}

CsvTable CsvTable::Builder::finish()
{
    if (m_cells > 0)
        endRow();
    m_table.m_arena.squeeze();
    CsvTable table = std::move(m_table);
    m_table = CsvTable();
    return table;
}

int CsvTable::columnIndex(QStringView name) const
{
    for (qsizetype i = 0; i < m_columns.size(); ++i) {
        if (m_columns.at(i) == name)
            return int(i);
    }
    return -1;
}

int CsvTable::cellCount(qint64 row) const
{
    return int(m_rowFirstCell[std::size_t(row + 1)] - m_rowFirstCell[std::size_t(row)]);
}

QByteArrayView CsvTable::cellBytes(qint64 row, int column) const
{
    if (row < 0 || row >= rowCount() || column < 0 || column >= cellCount(row))
        return {};
    const std::size_t i = std::size_t(m_rowFirstCell[std::size_t(row)] + column);
    const qint64 start = m_cellStart[i];
    return QByteArrayView(m_arena.constData() + start, m_cellStart[i + 1] - start);
}

QList<QStringList> CsvTable::preview(int n) const
{
    QList<QStringList> rows;
    for (qint64 r = 0; r < qMin<qint64>(n, rowCount()); ++r) {
        QStringList cells;
        for (int c = 0; c < columnCount(); ++c)
            cells << cell(r, c);
        rows << cells;
    }
    return rows;
}

} // namespace Batchdesk::Jsonl
