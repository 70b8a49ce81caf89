#include "resultlog.h"

#include "common/translate.h"
#include "platform/platform.h"

#include <QDir>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>

#include <limits>

namespace Batchdesk::Realtime {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("Batchdesk::Realtime", text);
}

void readLine(const QByteArray &line, bool isErrorFile, ResultLog::Recovered *into)
{
    const QJsonObject o = QJsonDocument::fromJson(line).object();
    const QString customId = o.value(QLatin1StringView("custom_id")).toString();
    if (customId.isEmpty())
        return; // not one of ours: neither counted nor answered
    into->answered.insert(customId);
    if (!isErrorFile) {
        ++into->outputLines;
        const QJsonObject usage = o.value(QLatin1StringView("response"))
                                      .toObject()
                                      .value(QLatin1StringView("body"))
                                      .toObject()
                                      .value(QLatin1StringView("usage"))
                                      .toObject();
        into->inputTokens += usage.value(QLatin1StringView("prompt_tokens")).toInteger();
        into->outputTokens += usage.value(QLatin1StringView("completion_tokens")).toInteger();
        return;
    }
    ++into->errorLines;
    // Lines that never ran (cancelled, expired) are not failures of their requests.
    const QString code =
        o.value(QLatin1StringView("error")).toObject().value(QLatin1StringView("code")).toString();
    if (code != QLatin1StringView("batch_cancelled") && code != QLatin1StringView("batch_expired"))
        ++into->failedLines;
}

} // namespace

LineScan scanLines(QIODevice &device, qint64 maxLineBytes,
                   const std::function<QString(const QByteArray &line, qint64 start, qint64 end)> &line)
{
    constexpr qint64 kBlock = 1 << 20;
    LineScan scan;
    QByteArray pending;
    qint64 offset = device.pos();
    scan.endOfLastLine = offset;
    while (true) {
        const QByteArray block = device.read(kBlock);
        if (block.isEmpty())
            break;
        qsizetype start = 0;
        while (true) {
            const qsizetype nl = block.indexOf('\n', start);
            if (nl < 0) {
                pending.append(block.constData() + start, block.size() - start);
                if (pending.size() > maxLineBytes) {
                    scan.error = tr("A line is longer than %1 MiB.").arg(maxLineBytes >> 20);
                    return scan;
                }
                break;
            }
            pending.append(block.constData() + start, nl - start);
            if (QString problem = line(pending, scan.endOfLastLine, offset + nl); !problem.isEmpty()) {
                scan.error = problem;
                return scan;
            }
            pending.clear();
            scan.endOfLastLine = offset + nl + 1;
            start = nl + 1;
        }
        offset += block.size();
    }
    scan.size = offset;
    scan.tail = pending;
    // A read error ends the loop like the end of the file: QFileDevice tells which it was.
    if (auto *file = qobject_cast<QFileDevice *>(&device); file && file->error() != QFileDevice::NoError)
        scan.error = file->errorString();
    return scan;
}

ResultLog::ResultLog() = default;

ResultLog::~ResultLog()
{
    close();
}

Result<void> ResultLog::recover(const QString &path, bool isErrorFile, Recovered *into)
{
    QFile file(path);
    if (!file.exists())
        return {};
    if (!file.open(QIODevice::ReadWrite))
        return Result<void>::failure(
            QStringLiteral("realtime.read"),
            tr("Cannot open %1: %2").arg(QDir::toNativeSeparators(path), file.errorString()));
    // Read in blocks (a line may be large: embeddings), splitting at newlines.
    const LineScan scan =
        scanLines(file, std::numeric_limits<qint64>::max(), [&](const QByteArray &line, qint64, qint64) {
            if (!line.trimmed().isEmpty())
                readLine(line, isErrorFile, into);
            return QString();
        });
    if (!scan.error.isEmpty())
        return Result<void>::failure(
            QStringLiteral("realtime.read"),
            tr("Cannot read %1: %2").arg(QDir::toNativeSeparators(path), scan.error));
    const qint64 offset = scan.size;
    const qint64 lastNewlineEnd = scan.endOfLastLine;
    // A last line without its newline was being written when the process stopped: its request was not
    // answered as far as anyone can tell, so it is cut off and will be sent again.
    if (offset > lastNewlineEnd) {
        if (!file.resize(lastNewlineEnd))
            return Result<void>::failure(QStringLiteral("realtime.repair"),
                                         tr("Cannot repair %1 (a line was cut off by an interrupted run): %2")
                                             .arg(QDir::toNativeSeparators(path), file.errorString()));
        into->truncatedBytes += offset - lastNewlineEnd;
    }
    return {};
}

Result<ResultLog::Recovered> ResultLog::open(const QString &outputPath, const QString &errorPath)
{
    close();
    Recovered recovered;
    if (auto r = recover(outputPath, false, &recovered); !r)
        return r.error();
    if (auto r = recover(errorPath, true, &recovered); !r)
        return r.error();
    auto openOne = [](const QString &path, std::unique_ptr<QFile> *into) -> Result<void> {
        auto file = std::make_unique<QFile>(path);
        if (!file->open(QIODevice::WriteOnly | QIODevice::Append))
            return Result<void>::failure(
                QStringLiteral("realtime.write"),
                tr("Cannot write %1: %2").arg(QDir::toNativeSeparators(path), file->errorString()));
        *into = std::move(file);
        return {};
    };
    if (auto r = openOne(outputPath, &m_output); !r)
        return r.error();
    if (auto r = openOne(errorPath, &m_errors); !r) {
        m_output.reset();
        return r.error();
    }
    m_unsynced = 0;
    return recovered;
}

Result<void> ResultLog::append(bool success, const QByteArray &line)
{
    QFile *file = success ? m_output.get() : m_errors.get();
    if (!file)
        return Result<void>::failure(QStringLiteral("realtime.write"), tr("The result files are not open."));
    // One write of the whole line and its newline, then to the OS: a kill after this loses nothing.
    const QByteArray bytes = line + '\n';
    if (file->write(bytes) != bytes.size() || !file->flush())
        return Result<void>::failure(
            QStringLiteral("realtime.write"),
            tr("Cannot write %1: %2").arg(QDir::toNativeSeparators(file->fileName()), file->errorString()));
    ++m_unsynced;
    return {};
}

Result<void> ResultLog::sync()
{
    for (QFile *file : {m_output.get(), m_errors.get()}) {
        if (!file)
            continue;
        if (!file->flush() || !Platform::syncFile(file->handle()))
            return Result<void>::failure(
                QStringLiteral("realtime.sync"),
                tr("Cannot save %1 to the disk: %2")
                    .arg(QDir::toNativeSeparators(file->fileName()), file->errorString()));
    }
    m_unsynced = 0;
    return {};
}

void ResultLog::close()
{
    if (m_output || m_errors)
        (void)sync();
    m_output.reset();
    m_errors.reset();
}

bool ResultLog::isOpen() const
{
    return m_output && m_errors;
}

} // namespace Batchdesk::Realtime
