#pragma once

#include "common/result.h"
#include "common/workcontrol.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QHash>
#include <QString>
#include <QStringList>

#include <array>
#include <functional>
#include <memory>
#include <optional>
#include <vector>

namespace Batchdesk::Results {

namespace Detail {
class IdTable;
}

/** What became of one request. The order is the display order of the totals. */
enum class Outcome : quint8 { Succeeded, Failed, Expired, Cancelled, Missing };
constexpr int kOutcomeCount = 5;

/** Stable machine name ("succeeded", "failed", "expired", "cancelled", "missing"), used by files and the CLI.
 */
QString outcomeName(Outcome outcome);
/** Translated name for display. */
QString outcomeText(Outcome outcome);
/** Parses a machine name; nullopt when unknown. */
std::optional<Outcome> outcomeFromName(QStringView name);

/** Callbacks for long work (indexing, joining, exporting): the project's one WorkControl. */
using ResultsControl = WorkControl;

/** Where one result line lives, and what a streaming pass learned about it without keeping the parse. */
struct ResultEntry
{
    qint64 offset = 0; ///< byte offset of the line in its file
    qint64 length = 0; ///< without the line terminator
    quint32 idStart = 0; ///< custom_id in ResultIndex's id arena
    quint32 idLength = 0;
    quint16 file = 0; ///< index into ResultIndex::files()
    Outcome outcome = Outcome::Failed;
    qint32 httpStatus = 0; ///< 0 when the line has no response
    qint64 inputTokens = -1; ///< -1 when unknown
    qint64 outputTokens = -1;
};

/**
 * An index of batch output and error files by custom_id: offsets, never parsed objects.
 *
 * Built by one streaming read() pass per file (1 MiB chunks, each line parsed once with simdjson On-Demand
 * for custom_id, status, error code and usage). When a custom_id occurs more than once, the line from the
 * LATER file in the list wins ("latest result wins"), so passing the files of a batch and then of its
 * resubmits in submission order gives each request its newest result; within one file, the last line wins.
 *
 * Immutable once built; safe to share between threads. Lines that are not JSON objects with a string
 * custom_id are counted in malformedLines() and otherwise ignored.
 */
class ResultIndex final
{
public:
    static Result<std::shared_ptr<const ResultIndex>> build(const QStringList &files,
                                                            const ResultsControl &control = {});
    ResultIndex();
    ~ResultIndex();
    Q_DISABLE_COPY_MOVE(ResultIndex)

    QStringList files() const { return m_files; }
    /** Entries that survived the merge, in the order their custom_id first occurred. */
    const std::vector<ResultEntry> &entries() const { return m_entries; }
    /** Index into entries() of the result for customId, or -1. */
    qsizetype find(QByteArrayView customId) const;
    QByteArrayView customId(const ResultEntry &entry) const
    {
        return QByteArrayView(m_ids.constData() + entry.idStart, entry.idLength);
    }
    qint64 totalLines() const { return m_totalLines; }
    qint64 malformedLines() const { return m_malformed; }
    /** Lines replaced by a later line with the same custom_id. */
    qint64 supersededLines() const { return m_superseded; }
    /** Of those, lines replaced by a later line of the SAME file: a provider's output should have one line
     *  per custom_id, so these are reported. */
    qint64 duplicateLines() const { return m_duplicates; }

private:
    friend class ResultIndexBuilder;
    QStringList m_files;
    QByteArray m_ids;
    std::vector<ResultEntry> m_entries;
    std::unique_ptr<Detail::IdTable> m_byId; ///< entry numbers by custom_id (keys in m_ids)
    qint64 m_totalLines = 0;
    qint64 m_malformed = 0;
    qint64 m_superseded = 0;
    qint64 m_duplicates = 0;
};

} // namespace Batchdesk::Results
