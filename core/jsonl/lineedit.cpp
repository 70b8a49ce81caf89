#include "lineedit.h"

#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>
#include <QSaveFile>

namespace Batchdesk::Jsonl {

namespace {
QString tr(const char *s)
{
    return QCoreApplication::translate("Batchdesk::Jsonl", s);
}
} // namespace

QByteArray minifyJson(QByteArrayView json)
{
    QByteArray out;
    out.reserve(json.size());
    bool inString = false;
    bool escaped = false;
    for (const char c : json) {
        if (inString) {
            out += c;
            if (escaped)
                escaped = false;
            else if (c == '\\')
                escaped = true;
            else if (c == '"')
                inString = false;
            continue;
        }
        if (c == ' ' || c == '\t' || c == '\n' || c == '\r')
            continue;
        if (c == '"')
            inString = true;
        out += c;
    }
    return out;
}

Result<bool> replaceLine(const LineIndex &index, qint64 line, QByteArrayView replacement)
{
    if (replacement.contains('\n') || replacement.contains('\r'))
        return Error {QStringLiteral("invalid"), tr("A request must stay on one line.")};
    if (line < 0 || line >= index.lineCount())
        return Error {QStringLiteral("invalid"), tr("Line %1 is not in the file.").arg(line + 1)};
    const QFileInfo info(index.path());
    if (!info.exists() || info.size() != index.fileSize() || info.lastModified() != index.lastModified())
        return Error {QStringLiteral("changed"),
                      tr("%1 changed on disk since it was read; validate it again before editing.")
                          .arg(info.fileName())};
    QFile in(index.path());
    if (!in.open(QIODevice::ReadOnly))
        return Error {QStringLiteral("io"), tr("Cannot read %1: %2").arg(index.path(), in.errorString())};
    QSaveFile out(index.path());
    if (!out.open(QIODevice::WriteOnly))
        return Error {QStringLiteral("io"), tr("Cannot write %1: %2").arg(index.path(), out.errorString())};
    const auto copy = [&](qint64 bytes) {
        constexpr qint64 kChunk = 1 << 20;
        while (bytes > 0) {
            const QByteArray chunk = in.read(qMin(kChunk, bytes));
            if (chunk.isEmpty() || out.write(chunk) != chunk.size())
                return false;
            bytes -= chunk.size();
        }
        return true;
    };
    qint64 start = index.lineStart(line);
    qint64 length = index.lineLength(line);
    if (index.hasBom() && start == 0) { // the BOM is not part of the first line's text
        start = 3;
        length -= 3;
    }
    bool ok = copy(start);
    QByteArray old;
    if (ok) {
        old = in.read(length);
        ok = old.size() == length;
    }
    // A CRLF line keeps its "\r".
    if (ok && old.endsWith('\r')) {
        ok = out.write(replacement.data(), replacement.size()) == replacement.size()
            && out.write("\r", 1) == 1;
    } else if (ok) {
        ok = out.write(replacement.data(), replacement.size()) == replacement.size();
    }
    if (ok)
        ok = copy(index.fileSize() - in.pos());
    if (!ok || !out.commit())
        return Error {QStringLiteral("io"), tr("Cannot write %1: %2").arg(index.path(), out.errorString())};
    return true;
}

} // namespace Batchdesk::Jsonl
