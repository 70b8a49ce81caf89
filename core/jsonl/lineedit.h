#pragma once

#include "common/result.h"
#include "lineindex.h"

#include <QByteArray>
#include <QByteArrayView>

namespace Batchdesk::Jsonl {

/**
 * The JSON text without the whitespace between tokens (spaces, tabs and line breaks outside strings), keys
 * and values in their order, strings byte for byte: a pretty-printed request back to one JSONL line.
 */
QByteArray minifyJson(QByteArrayView json);

/**
 * Replaces line `line` (0-based) of the indexed file with `replacement` (one line, without terminator),
 * keeping every other byte, the line's own "\r\n" or "\n", a BOM and a missing final newline. Written to a
 * temporary file and renamed over the original (QSaveFile), so a failure leaves the file as it was. Fails
 * with code "changed" when the file's size or modification time differ from the index (it changed on disk
 * since it was read), "invalid" when replacement contains a line break. Blocking: for large files, run it on
 * a worker thread.
 */
Result<bool> replaceLine(const LineIndex &index, qint64 line, QByteArrayView replacement);

} // namespace Batchdesk::Jsonl
