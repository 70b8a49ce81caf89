#pragma once

#include "common/result.h"

#include <QByteArray>
#include <QDateTime>
#include <QFile>
#include <QMutex>
#include <QString>

#include <atomic>
#include <memory>
#include <vector>

namespace Batchdesk::Jsonl {

/**
 * Byte offsets of every line of a JSONL file: offsets, never parsed objects.
 *
 * A 50,000-line file costs 400 KB of index; a row is read on demand through JsonlFile. The index is built by
 * streaming read() (validateFile() builds it as a side effect of its single pass), not by mapping the file:
 * on this project's machines mmap made the scan ~2.8x slower and pulled the whole file into resident memory,
 * where pread kept a 200 MB file's open cost to its index. Immutable once built; safe to share between
 * threads.
 */
class LineIndex final
{
public:
    LineIndex() = default;

    QString path() const { return m_path; }
    qint64 fileSize() const { return m_fileSize; }
    QDateTime lastModified() const { return m_lastModified; }
    qint64 lineCount() const { return qint64(m_starts.size()); }
    /** Byte offset where line i (0-based) starts. */
    qint64 lineStart(qint64 i) const { return m_starts[std::size_t(i)]; }
    /** Length of line i without its "\n" (a trailing "\r" is kept; JsonlFile strips it). */
    qint64 lineLength(qint64 i) const;
    bool hasBom() const { return m_bom; }

    /** Builds the index with a streaming scan; cancel may be null. */
    static Result<std::shared_ptr<const LineIndex>> build(const QString &path,
                                                          const std::atomic_bool *cancel = nullptr);

private:
    friend class IndexBuilder;
    QString m_path;
    qint64 m_fileSize = 0;
    QDateTime m_lastModified;
    bool m_bom = false;
    bool m_finalNewline = false;
    std::vector<qint64> m_starts;
};

/** Assembles a LineIndex from line starts found by one or more scanners. */
class IndexBuilder final
{
public:
    static std::shared_ptr<LineIndex> make(const QString &path, qint64 size, const QDateTime &modified,
                                           bool bom, bool finalNewline, std::vector<qint64> starts);
};

/**
 * Random access to the lines of an indexed JSONL file.
 *
 * Thread-safe: reads are serialised on one file handle (seek + read, i.e. pread semantics on every platform).
 * When the file changes on disk after indexing, line() fails with a message that says so, instead of
 * returning bytes that no longer match the index.
 */
class JsonlFile final
{
public:
    explicit JsonlFile(std::shared_ptr<const LineIndex> index);
    ~JsonlFile();
    Q_DISABLE_COPY_MOVE(JsonlFile)

    const LineIndex &index() const { return *m_index; }
    std::shared_ptr<const LineIndex> sharedIndex() const { return m_index; }
    qint64 lineCount() const { return m_index->lineCount(); }

    /** Line i (0-based) without its terminator and, on the first line, without a UTF-8 BOM. */
    Result<QByteArray> line(qint64 i) const;

private:
    std::shared_ptr<const LineIndex> m_index;
    mutable QMutex m_mutex;
    mutable QFile m_file;
};

} // namespace Batchdesk::Jsonl
