#include "lineindex.h"
#include "common/translate.h"

#include <QCoreApplication>
#include <QFileInfo>

#include <cstring>

namespace Batchdesk::Jsonl {

namespace {
QString tr(const char *text)
{
    return Batchdesk::translateIn({"Batchdesk::Jsonl::LineIndex", "Batchdesk::Jsonl::JsonlFile"}, text);
}
} // namespace

qint64 LineIndex::lineLength(qint64 i) const
{
    const auto next = std::size_t(i + 1);
    const qint64 end = next < m_starts.size() ? m_starts[next] - 1 : m_fileSize - (m_finalNewline ? 1 : 0);
    return end - m_starts[std::size_t(i)];
}

std::shared_ptr<LineIndex> IndexBuilder::make(const QString &path, qint64 size, const QDateTime &modified,
                                              bool bom, bool finalNewline, std::vector<qint64> starts)
{
    auto index = std::make_shared<LineIndex>();
    index->m_path = path;
    index->m_fileSize = size;
    index->m_lastModified = modified;
    index->m_bom = bom;
    index->m_finalNewline = finalNewline;
    index->m_starts = std::move(starts);
    return index;
}

Result<std::shared_ptr<const LineIndex>> LineIndex::build(const QString &path, const std::atomic_bool *cancel)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly | QIODevice::Unbuffered))
        return Error {QStringLiteral("io"), tr("Cannot open %1: %2").arg(path, file.errorString())};
    const QFileInfo info(path);
    const qint64 size = file.size();
    std::vector<qint64> starts;
    constexpr qint64 kChunk = 1 << 20;
    QByteArray buffer(kChunk, Qt::Uninitialized);
    qint64 offset = 0;
    bool lineOpen = false;
    bool bom = false;
    while (true) {
        if (cancel && cancel->load(std::memory_order_relaxed))
            return Error {QStringLiteral("cancelled"), tr("Cancelled")};
        const qint64 n = file.read(buffer.data(), kChunk);
        if (n < 0)
            return Error {QStringLiteral("io"), tr("Cannot read %1: %2").arg(path, file.errorString())};
        if (n == 0)
            break;
        if (offset == 0 && n >= 3 && std::memcmp(buffer.constData(), "\xEF\xBB\xBF", 3) == 0)
            bom = true;
        const char *p = buffer.constData();
        const char *end = p + n;
        while (p < end) {
            if (!lineOpen) {
                starts.push_back(offset + (p - buffer.constData()));
                lineOpen = true;
            }
            const void *nl = std::memchr(p, '\n', std::size_t(end - p));
            if (!nl) {
                p = end;
                break;
            }
            p = static_cast<const char *>(nl) + 1;
            lineOpen = false;
        }
        offset += n;
    }
    return std::shared_ptr<const LineIndex>(
        IndexBuilder::make(path, size, info.lastModified(), bom, !lineOpen && size > 0, std::move(starts)));
}

JsonlFile::JsonlFile(std::shared_ptr<const LineIndex> index)
    : m_index(std::move(index))
{
    m_file.setFileName(m_index->path());
}

JsonlFile::~JsonlFile() = default;

Result<QByteArray> JsonlFile::line(qint64 i) const
{
    if (i < 0 || i >= m_index->lineCount())
        return Error {QStringLiteral("range"), tr("Line %1 does not exist").arg(i + 1)};
    QMutexLocker lock(&m_mutex);
    if (!m_file.isOpen() && !m_file.open(QIODevice::ReadOnly | QIODevice::Unbuffered))
        return Error {QStringLiteral("io"),
                      tr("Cannot read %1: %2").arg(m_index->path(), m_file.errorString())};
    if (m_file.size() != m_index->fileSize())
        return Error {QStringLiteral("changed"),
                      tr("%1 changed on disk after it was opened; open it again to see the current content.")
                          .arg(m_index->path())};
    qint64 start = m_index->lineStart(i);
    qint64 length = m_index->lineLength(i);
    if (i == 0 && m_index->hasBom()) {
        start += 3;
        length -= 3;
    }
    if (!m_file.seek(start))
        return Error {QStringLiteral("io"),
                      tr("Cannot read %1: %2").arg(m_index->path(), m_file.errorString())};
    QByteArray bytes = m_file.read(length);
    if (bytes.size() != length)
        return Error {
            QStringLiteral("io"),
            tr("Cannot read line %1 of %2: %3").arg(i + 1).arg(m_index->path(), m_file.errorString())};
    if (bytes.endsWith('\r'))
        bytes.chop(1);
    return bytes;
}

} // namespace Batchdesk::Jsonl
