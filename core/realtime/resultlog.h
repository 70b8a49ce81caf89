#pragma once

#include "common/result.h"

#include <QFile>
#include <QSet>
#include <QString>

#include <functional>
#include <memory>

namespace Batchdesk::Realtime {

/** What scanLines() read. */
struct LineScan
{
    qint64 endOfLastLine = 0; ///< offset just after the last '\n'
    qint64 size = 0; ///< bytes read in all
    QByteArray tail; ///< a last line without its newline (a write cut off, or a file without a final newline)
    QString error; ///< the device's error, or a line longer than the limit; empty when all was read
};
/**
 * Reads a file from its current position in 1 MiB blocks and calls line(bytes, start, end) for each line that
 * ends in a newline (bytes without it; start and end are file offsets). A line longer than maxLineBytes, or
 * line() returning an error text, stops the scan with that error.
 */
LineScan scanLines(QIODevice &device, qint64 maxLineBytes,
                   const std::function<QString(const QByteArray &line, qint64 start, qint64 end)> &line);

/**
 * The output and error files of a real-time run, in the Batch API's output format, written so that a run can
 * be killed at any moment and resumed without sending a request whose answer was written.
 *
 * open() first repairs and reads what a previous run left: a last line without its newline (the process was
 * killed in the middle of a write) is cut off, and the custom_ids already answered in either file are
 * collected. Then append() adds one line and hands it to the operating system at once (a kill -9 after
 * append() returned loses nothing); sync() forces both files to the disk (a power cut or a reboot loses at
 * most what was appended since the last sync; the runner calls it every few hundred lines and every second).
 * Not thread-safe: one thread writes.
 */
class ResultLog final
{
public:
    ResultLog();
    ~ResultLog();
    Q_DISABLE_COPY_MOVE(ResultLog)

    struct Recovered
    {
        QSet<QString> answered; ///< custom_ids with a line in either file
        qint64 outputLines = 0; ///< lines in the output file (answers with a 2xx status)
        qint64 errorLines = 0; ///< lines in the error file (failed requests, cancelled or expired lines)
        qint64 failedLines = 0; ///< error lines of requests that ran and failed (not cancelled or expired)
        qint64 inputTokens = 0; ///< usage of the answers found
        qint64 outputTokens = 0;
        qint64 truncatedBytes = 0; ///< bytes of a partial last line that were cut off
    };

    /** Opens (creating) both files for appending, after repairing and reading them. */
    Result<Recovered> open(const QString &outputPath, const QString &errorPath);
    /** Appends one line (without its newline) to the output (success) or error file. */
    Result<void> append(bool success, const QByteArray &line);
    /** Forces both files to the disk. */
    Result<void> sync();
    void close();
    bool isOpen() const;
    /** Lines appended since the last sync(). */
    qint64 unsynced() const { return m_unsynced; }

    /** Reads one file as open() does: cuts a partial last line off, and collects its custom_ids. */
    static Result<void> recover(const QString &path, bool isErrorFile, Recovered *into);

private:
    std::unique_ptr<QFile> m_output;
    std::unique_ptr<QFile> m_errors;
    qint64 m_unsynced = 0;
};

} // namespace Batchdesk::Realtime
