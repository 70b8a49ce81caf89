#include "splitter.h"

#include "common/translate.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSaveFile>

#include <simdjson.h>

#include <memory>

namespace Batchdesk::Jsonl {

namespace {
QString tr(const char *s)
{
    return Batchdesk::translateIn({"Batchdesk::Jsonl"}, s);
}

// Embedding inputs of one request line (body.input), as the validator counts them.
qint64 embeddingInputsOf(simdjson::ondemand::parser &parser, const QByteArray &line)
{
    simdjson::padded_string padded(line.constData(), std::size_t(line.size()));
    simdjson::ondemand::document doc;
    if (parser.iterate(padded).get(doc))
        return 1;
    simdjson::ondemand::value input;
    if (doc["body"]["input"].get(input))
        return 1;
    simdjson::ondemand::json_type type;
    if (input.type().get(type) || type != simdjson::ondemand::json_type::array)
        return 1;
    simdjson::ondemand::array array;
    if (input.get_array().get(array))
        return 1;
    qint64 elements = 0, numbers = 0;
    for (auto element : array) {
        simdjson::ondemand::json_type t;
        if (element.type().get(t))
            return 1;
        ++elements;
        if (t == simdjson::ondemand::json_type::number)
            ++numbers;
    }
    return (elements > 0 && numbers == elements) ? 1 : elements;
}
} // namespace

Result<QList<SplitPart>> splitJsonl(const QString &path, const QString &outDir, const QString &stem,
                                    const LimitProfile &profile, bool countEmbeddingInputs,
                                    const SplitLimits &limits, const WorkControl &control)
{
    const qint64 maxLines = limits.maxLines > 0 ? qMin(limits.maxLines, profile.maxLines) : profile.maxLines;
    const qint64 maxBytes = limits.maxBytes > 0 ? qMin(limits.maxBytes, profile.maxBytes) : profile.maxBytes;
    const qint64 maxInputs = limits.maxEmbeddingInputs > 0
        ? qMin(limits.maxEmbeddingInputs, profile.maxEmbeddingInputs)
        : profile.maxEmbeddingInputs;

    QFile in(path);
    if (!in.open(QIODevice::ReadOnly))
        return Error {QStringLiteral("io"), tr("Cannot read %1: %2").arg(path, in.errorString())};
    if (!QDir().mkpath(outDir))
        return Error {QStringLiteral("io"),
                      tr("Cannot create the folder %1.").arg(QDir::toNativeSeparators(outDir))};

    QList<SplitPart> parts;
    std::unique_ptr<QSaveFile> out;
    QStringList written;
    const auto discard = [&] {
        out.reset(); // an uncommitted QSaveFile removes its temporary file
        for (const QString &f : std::as_const(written))
            QFile::remove(f);
    };
    const auto closePart = [&]() -> bool {
        if (!out)
            return true;
        const bool ok = out->commit();
        if (ok)
            written << out->fileName();
        out.reset();
        return ok;
    };
    simdjson::ondemand::parser parser;
    const qint64 total = in.size();
    qint64 lineNo = 0;
    qint64 done = 0;
    while (!in.atEnd()) {
        QByteArray line = in.readLine();
        done += line.size();
        ++lineNo;
        if (line.endsWith('\n'))
            line.chop(1);
        if (lineNo == 1 && line.startsWith("\xEF\xBB\xBF"))
            line.remove(0, 3);
        if (line.trimmed().isEmpty())
            continue;
        const qint64 bytes = line.size() + 1;
        const qint64 inputs = countEmbeddingInputs ? embeddingInputsOf(parser, line) : 0;
        if (bytes > maxBytes || inputs > maxInputs) {
            discard();
            return Error {
                QStringLiteral("too_large"),
                tr("Line %1 alone is larger than one batch allows; it cannot be split.").arg(lineNo)};
        }
        SplitPart *part = parts.isEmpty() ? nullptr : &parts.last();
        if (!part || part->lines + 1 > maxLines || part->bytes + bytes > maxBytes
            || part->embeddingInputs + inputs > maxInputs) {
            if (!closePart()) {
                discard();
                return Error {QStringLiteral("io"),
                              tr("Cannot write a part of %1.").arg(QFileInfo(path).fileName())};
            }
            SplitPart next;
            next.path = QDir(outDir).filePath(
                stem + QStringLiteral("-%1.jsonl").arg(parts.size() + 1, 3, 10, QLatin1Char('0')));
            next.firstLine = lineNo;
            parts.append(next);
            part = &parts.last();
            out = std::make_unique<QSaveFile>(part->path);
            if (!out->open(QIODevice::WriteOnly)) {
                const QString reason = out->errorString();
                discard();
                return Error {QStringLiteral("io"), tr("Cannot write %1: %2").arg(part->path, reason)};
            }
        }
        line += '\n';
        if (out->write(line) != line.size()) {
            const QString reason = out->errorString();
            discard();
            return Error {QStringLiteral("io"), tr("Cannot write %1: %2").arg(part->path, reason)};
        }
        ++part->lines;
        part->bytes += bytes;
        part->embeddingInputs += inputs;
        if ((lineNo & 1023) == 0) {
            if (control.isCanceled && control.isCanceled()) {
                discard();
                return Error {QStringLiteral("canceled"), tr("Canceled.")};
            }
            if (control.progress)
                control.progress(done, total);
        }
    }
    if (!closePart()) {
        discard();
        return Error {QStringLiteral("io"), tr("Cannot write a part of %1.").arg(QFileInfo(path).fileName())};
    }
    return parts;
}

} // namespace Batchdesk::Jsonl
