#include "resultindex.h"
#include "common/translate.h"

#include "idtable_p.h"
#include "linescanner_p.h"

#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>

#include <simdjson.h>

#include <cstring>
#include <string_view>

namespace Batchdesk::Results {

namespace ondemand = simdjson::ondemand;

namespace Detail {

QString tr(const char *text, const char *disambiguation, int n)
{
    return Batchdesk::translateIn(
        {"Batchdesk::Results", "Batchdesk::Results::Detail", "Batchdesk::Results::JoinedResults"}, text,
        disambiguation, n);
}

Result<ScanInfo> scanLines(const QString &path, const ResultsControl &control, qint64 doneBefore,
                           qint64 grandTotal, const LineCallback &onLine)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly | QIODevice::Unbuffered))
        return Error {QStringLiteral("io"), tr("Cannot open %1: %2").arg(path, file.errorString())};
    ScanInfo info;
    info.size = file.size();
    info.modified = QFileInfo(path).lastModified();
    constexpr std::size_t kChunk = std::size_t(1) << 20;
    constexpr std::size_t kPadding = simdjson::SIMDJSON_PADDING;
    // Room for one chunk plus simdjson's padding; grows only for a line longer than the buffer.
    std::vector<char> buffer(kChunk + kPadding);
    std::size_t filled = 0; // bytes of buffer holding file data
    qint64 bufferOffset = 0; // file offset of buffer[0]
    bool first = true;
    bool eof = false;
    const auto emitLine = [&](std::size_t begin, std::size_t end) -> bool {
        const qint64 lineStart = bufferOffset + qint64(begin);
        std::size_t dataBegin = begin;
        if (lineStart == 0 && info.bom)
            dataBegin += 3;
        std::size_t dataEnd = end;
        if (dataEnd > dataBegin && buffer[dataEnd - 1] == '\r')
            --dataEnd;
        return onLine(buffer.data() + dataBegin, qint64(dataEnd - dataBegin),
                      bufferOffset + qint64(dataBegin), lineStart);
    };
    while (!eof) {
        if (control.isCanceled && control.isCanceled())
            return Error {QStringLiteral("cancelled"), tr("Cancelled")};
        if (buffer.size() - kPadding - filled < kChunk / 2)
            buffer.resize(buffer.size() * 2);
        const qint64 n = file.read(buffer.data() + filled, qint64(buffer.size() - kPadding - filled));
        if (n < 0)
            return Error {QStringLiteral("io"), tr("Cannot read %1: %2").arg(path, file.errorString())};
        if (control.progress)
            control.progress(doneBefore + bufferOffset + qint64(filled) + n, grandTotal);
        if (first && filled + std::size_t(n) >= 3 && std::memcmp(buffer.data(), "\xEF\xBB\xBF", 3) == 0)
            info.bom = true;
        first = false;
        eof = n == 0;
        filled += std::size_t(n);
        std::size_t begin = 0;
        while (begin < filled) {
            const void *nl = std::memchr(buffer.data() + begin, '\n', filled - begin);
            if (!nl)
                break;
            const auto end = std::size_t(static_cast<const char *>(nl) - buffer.data());
            if (!emitLine(begin, end))
                return Error {QStringLiteral("aborted"), tr("Cancelled")};
            begin = end + 1;
        }
        if (eof) {
            if (begin < filled && !emitLine(begin, filled))
                return Error {QStringLiteral("aborted"), tr("Cancelled")};
            info.finalNewline = begin == filled && filled > 0;
            if (filled == 0)
                info.finalNewline = bufferOffset > 0;
            break;
        }
        // Keep the unfinished line for the next read.
        std::memmove(buffer.data(), buffer.data() + begin, filled - begin);
        bufferOffset += qint64(begin);
        filled -= begin;
    }
    return info;
}

} // namespace Detail

QString outcomeName(Outcome outcome)
{
    switch (outcome) {
    case Outcome::Succeeded:
        return QStringLiteral("succeeded");
    case Outcome::Failed:
        return QStringLiteral("failed");
    case Outcome::Expired:
        return QStringLiteral("expired");
    case Outcome::Cancelled:
        return QStringLiteral("cancelled");
    case Outcome::Missing:
        return QStringLiteral("missing");
    }
    return {};
}

QString outcomeText(Outcome outcome)
{
    switch (outcome) {
    case Outcome::Succeeded:
        return Detail::tr("Succeeded");
    case Outcome::Failed:
        return Detail::tr("Failed");
    case Outcome::Expired:
        return Detail::tr("Expired");
    case Outcome::Cancelled:
        return Detail::tr("Cancelled", "outcome");
    case Outcome::Missing:
        return Detail::tr("Missing");
    }
    return {};
}

std::optional<Outcome> outcomeFromName(QStringView name)
{
    for (int i = 0; i < kOutcomeCount; ++i) {
        if (name.compare(outcomeName(Outcome(i)), Qt::CaseInsensitive) == 0)
            return Outcome(i);
    }
    return std::nullopt;
}

namespace {

struct LineFacts
{
    std::string_view customId;
    bool hasId = false;
    qint32 status = 0;
    bool hasResponse = false;
    std::string_view errorCode;
    bool hasError = false;
    qint64 inputTokens = -1;
    qint64 outputTokens = -1;
};

simdjson::error_code readUsage(ondemand::value value, LineFacts &f)
{
    ondemand::object usage;
    if (value.get_object().get(usage))
        return simdjson::SUCCESS; // null or another type: no usage
    for (auto fieldResult : usage) {
        ondemand::field field;
        if (auto e = std::move(fieldResult).get(field))
            return e;
        std::string_view key;
        if (auto e = field.unescaped_key().get(key))
            return e;
        int64_t n = 0;
        if (key == "prompt_tokens" || key == "input_tokens") {
            if (!field.value().get_int64().get(n))
                f.inputTokens = n;
        } else if (key == "completion_tokens" || key == "output_tokens") {
            if (!field.value().get_int64().get(n))
                f.outputTokens = n;
        }
    }
    return simdjson::SUCCESS;
}

simdjson::error_code readResponse(ondemand::value value, LineFacts &f)
{
    ondemand::object response;
    if (value.get_object().get(response))
        return simdjson::SUCCESS; // null
    f.hasResponse = true;
    for (auto fieldResult : response) {
        ondemand::field field;
        if (auto e = std::move(fieldResult).get(field))
            return e;
        std::string_view key;
        if (auto e = field.unescaped_key().get(key))
            return e;
        if (key == "status_code") {
            int64_t n = 0;
            if (!field.value().get_int64().get(n))
                f.status = qint32(n);
        } else if (key == "body") {
            ondemand::object body;
            if (field.value().get_object().get(body))
                continue;
            for (auto bodyFieldResult : body) {
                ondemand::field bf;
                if (auto e = std::move(bodyFieldResult).get(bf))
                    return e;
                std::string_view bkey;
                if (auto e = bf.unescaped_key().get(bkey))
                    return e;
                if (bkey == "usage") {
                    if (auto e = readUsage(bf.value(), f))
                        return e;
                }
            }
        }
    }
    return simdjson::SUCCESS;
}

simdjson::error_code readFacts(ondemand::parser &parser, const char *data, std::size_t length, LineFacts &f)
{
    ondemand::document doc;
    if (auto e = parser.iterate(data, length, length + simdjson::SIMDJSON_PADDING).get(doc))
        return e;
    ondemand::object root;
    if (auto e = doc.get_object().get(root))
        return e;
    for (auto fieldResult : root) {
        ondemand::field field;
        if (auto e = std::move(fieldResult).get(field))
            return e;
        std::string_view key;
        if (auto e = field.unescaped_key().get(key))
            return e;
        if (key == "custom_id") {
            if (!field.value().get_string().get(f.customId))
                f.hasId = true;
        } else if (key == "response") {
            if (auto e = readResponse(field.value(), f))
                return e;
        } else if (key == "error") {
            ondemand::object error;
            if (field.value().get_object().get(error))
                continue;
            f.hasError = true;
            std::string_view code;
            if (!error.find_field_unordered("code").get_string().get(code))
                f.errorCode = code;
        }
    }
    return simdjson::SUCCESS;
}

} // namespace

Outcome Detail::classify(bool hasResponse, qint32 status, std::string_view errorCode)
{
    if (errorCode == "batch_expired")
        return Outcome::Expired;
    if (errorCode == "batch_cancelled")
        return Outcome::Cancelled;
    if (hasResponse && status >= 200 && status < 300 && errorCode.empty())
        return Outcome::Succeeded;
    return Outcome::Failed;
}

class ResultIndexBuilder
{
public:
    static Result<std::shared_ptr<const ResultIndex>> build(const QStringList &files,
                                                            const ResultsControl &control)
    {
        if (files.size() > 0xFFFF)
            return Error {QStringLiteral("range"), Detail::tr("Too many result files")};
        auto index = std::make_shared<ResultIndex>();
        index->m_files = files;
        qint64 total = 0;
        for (const QString &f : files)
            total += QFileInfo(f).size();
        qint64 done = 0;
        ondemand::parser parser;
        const auto keyOf = [&index](qint32 item) {
            return index->customId(index->m_entries[std::size_t(item)]);
        };
        for (qsizetype fi = 0; fi < files.size(); ++fi) {
            const auto scanned = Detail::scanLines(
                files.at(fi), control, done, total,
                [&](const char *data, qint64 length, qint64 dataOffset, qint64) -> bool {
                    if (length == 0)
                        return true;
                    ++index->m_totalLines;
                    LineFacts f;
                    // An oversized line cannot be parsed in place when the buffer could not
                    // hold it; the scanner always provides padding, so every line is parsed
                    // where it lies.
                    if (readFacts(parser, data, std::size_t(length), f) || !f.hasId) {
                        // Skip whitespace-only lines silently; count the rest.
                        bool blank = true;
                        for (qint64 i = 0; i < length && blank; ++i)
                            blank = data[i] == ' ' || data[i] == '\t';
                        if (!blank)
                            ++index->m_malformed;
                        else
                            --index->m_totalLines;
                        return true;
                    }
                    ResultEntry entry;
                    entry.offset = dataOffset;
                    entry.length = length;
                    entry.file = quint16(fi);
                    entry.httpStatus = f.hasResponse ? f.status : 0;
                    entry.outcome = Detail::classify(f.hasResponse, f.status, f.errorCode);
                    entry.inputTokens = f.inputTokens;
                    entry.outputTokens = f.outputTokens;
                    const QByteArrayView id(f.customId.data(), qsizetype(f.customId.size()));
                    const std::size_t hash = Detail::IdTable::hashOf(id);
                    const qint32 found = index->m_byId->find(id, hash, keyOf);
                    if (found >= 0) {
                        ResultEntry &old = index->m_entries[std::size_t(found)];
                        if (old.file == entry.file)
                            ++index->m_duplicates;
                        entry.idStart = old.idStart;
                        entry.idLength = old.idLength;
                        old = entry;
                        ++index->m_superseded;
                        return true;
                    }
                    entry.idStart = quint32(index->m_ids.size());
                    entry.idLength = quint32(id.size());
                    index->m_ids.append(id);
                    index->m_byId->insert(qint32(index->m_entries.size()), hash);
                    index->m_entries.push_back(entry);
                    return true;
                });
            if (!scanned.ok())
                return scanned.error();
            done += scanned.value().size;
        }
        return std::shared_ptr<const ResultIndex>(std::move(index));
    }
};

Result<std::shared_ptr<const ResultIndex>> ResultIndex::build(const QStringList &files,
                                                              const ResultsControl &control)
{
    return ResultIndexBuilder::build(files, control);
}

ResultIndex::ResultIndex()
    : m_byId(std::make_unique<Detail::IdTable>())
{ }

ResultIndex::~ResultIndex() = default;

qsizetype ResultIndex::find(QByteArrayView customId) const
{
    return m_byId->find(customId, Detail::IdTable::hashOf(customId),
                        [this](qint32 item) { return this->customId(m_entries[std::size_t(item)]); });
}

} // namespace Batchdesk::Results
