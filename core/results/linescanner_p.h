#pragma once

// Internal to core/results: the streaming line reader shared by the index, the join and the exporters.

#include "common/result.h"
#include "joinedresults.h"
#include "resultindex.h"

#include <QDateTime>
#include <QString>

#include <functional>
#include <string_view>

namespace Batchdesk::Results::Detail {

struct ScanInfo
{
    qint64 size = 0;
    QDateTime modified;
    bool bom = false;
    bool finalNewline = false;
};

/**
 * Reads path with read() in 1 MiB chunks and calls onLine for every line (terminator and a trailing "\r"
 * removed; a UTF-8 BOM removed from the first line). `data` is followed by at least SIMDJSON_PADDING readable
 * bytes, so simdjson can parse it in place. `dataOffset` is the file offset of data; `lineStart` the offset
 * of the line (the BOM included for line 0, as in Jsonl::LineIndex). Returning false from onLine stops with
 * an error "aborted". Progress is reported as doneBefore + bytes read, out of grandTotal.
 */
using LineCallback =
    std::function<bool(const char *data, qint64 length, qint64 dataOffset, qint64 lineStart)>;
Result<ScanInfo> scanLines(const QString &path, const ResultsControl &control, qint64 doneBefore,
                           qint64 grandTotal, const LineCallback &onLine);

/** The outcome of a result line from its response status and error code. */
Outcome classify(bool hasResponse, qint32 status, std::string_view errorCode);

/** The cells of one row in exportColumns() order (CSV and XLSX). */
QStringList rowCells(const ResultRow &row);

QString tr(const char *text, const char *disambiguation = nullptr, int n = -1);

} // namespace Batchdesk::Results::Detail
