#pragma once

#include "common/result.h"
#include "jsonl/lineindex.h"
#include "resultindex.h"

#include <QByteArray>
#include <QFile>
#include <QMutex>
#include <QString>
#include <QStringList>

#include <array>
#include <memory>
#include <vector>

namespace Batchdesk::Results {

/** One joined row: a request and its (latest) result, as display text. A value type. */
struct ResultRow
{
    qint64 row = -1;
    /** 0-based line of the request in the input file; -1 for a result whose custom_id is not in the input. */
    qint64 inputLine = -1;
    QString customId;
    Outcome outcome = Outcome::Missing;
    int httpStatus = 0; ///< 0 when there is no HTTP response (missing, expired, cancelled)
    QString model;
    /** The last user message, the prompt or the input of the request (single line, shortened). */
    QString requestPreview;
    /** The assistant message, the completion text, or "embedding, N dims". */
    QString responseText;
    QString finishReason;
    /** The function.arguments of the assistant message's first tool call (JSON text as the model wrote it);
     *  empty when the message has no tool call. */
    QString toolArguments;
    qint64 inputTokens = -1; ///< -1 when unknown
    qint64 outputTokens = -1;
    QString errorCode;
    QString errorMessage;
    int embeddingCount = 0; ///< vectors in the response (embeddings endpoint)
    int embeddingDims = 0;
    /** Images in the response (images endpoints): data[] items with b64_json or url. */
    int imageCount = 0;
    /** The data[].url of an images response (not downloaded). */
    QStringList imageUrls;
    /** Moderations: -1 when the response is not a moderation, else whether any result is flagged. */
    int flagged = -1;
    /** Moderations: the categories that are true in any result, in the order the response lists them. */
    QStringList flaggedCategories;
    /** Videos (/v1/videos): the video job's id and status. */
    QString videoId;
    QString videoStatus;

    bool inInput() const { return inputLine >= 0; }
};

/** Outcome counts and token totals over all rows, from the single streaming pass of the join. */
struct JoinTotals
{
    /** Outcomes of the input's requests; results for custom_ids not in the input are counted in extraRows
     *  only, so that the counts add up to the requests sent. */
    std::array<qint64, kOutcomeCount> outcomes {};
    qint64 inputTokens = 0;
    qint64 outputTokens = 0;
    qint64 rows = 0;
    qint64 extraRows = 0; ///< results whose custom_id is not in the input (shown, not in outcomes[])
    qint64 duplicateResultLines = 0; ///< result lines whose custom_id came earlier in the same file
    qint64 duplicateInputIds = 0; ///< input lines whose custom_id occurred before (they share the result)
    qint64 malformedInputLines = 0; ///< non-blank input lines without a readable custom_id
    qint64 malformedResultLines = 0;
    qint64 count(Outcome o) const { return outcomes[std::size_t(o)]; }
};

/**
 * The requests of an input file joined with the results of one or more batches by custom_id.
 *
 * open() streams the result files once into a ResultIndex (on a helper thread) and, at the same time, the
 * input file once (building its Jsonl::LineIndex in the same pass), then looks every request up in the index
 * and keeps per row only the input line number, the index of the result entry, the outcome and the
 * custom_id: about 40 bytes a row. row(i) reads and parses the two lines of row i on demand.
 *
 * Rows are the non-blank input lines in file order, followed by the results whose custom_id is not in the
 * input
 * ("extra" rows, in result-file order). With several result files the later file wins for a custom_id present
 * in more than one (pass a batch's files, then its resubmits' files).
 *
 * Blocking: open() is meant for a worker thread (QtConcurrent::run) and honours the control's cancel and
 * progress, whose callbacks it calls on that thread only (the helper thread it starts for the index is
 * joined before it returns). The object is immutable afterwards; row() and the line accessors are thread-safe
 * (reads are serialised per file).
 */
class JoinedResults final
{
public:
    static Result<std::shared_ptr<const JoinedResults>>
    open(const QString &inputPath, const QStringList &resultFiles, const ResultsControl &control = {});
    /**
     * The requests of several input files read one after the other as if they were one file (the parts of a
     * job): rows, inputLine() and requestLine() count on across the files; nothing is copied. Each file may
     * have its own BOM and may lack a final newline.
     */
    static Result<std::shared_ptr<const JoinedResults>>
    open(const QStringList &inputPaths, const QStringList &resultFiles, const ResultsControl &control = {});
    ~JoinedResults();
    Q_DISABLE_COPY_MOVE(JoinedResults)

    qint64 rowCount() const { return qint64(m_rows.size()); }
    /** Row i parsed on demand; previewChars bounds the request preview. */
    ResultRow row(qint64 i, int previewChars = 200) const;
    Outcome outcome(qint64 i) const { return m_rows[std::size_t(i)].outcome; }
    /** Whether row i is a result for a custom_id that is not in the input (listed last, not counted). */
    bool isExtra(qint64 i) const { return m_rows[std::size_t(i)].inputLine < 0; }
    QByteArray customId(qint64 i) const;
    qint64 inputLine(qint64 i) const { return m_rows[std::size_t(i)].inputLine; }
    bool hasResult(qint64 i) const { return m_rows[std::size_t(i)].entry >= 0; }
    /** What the index learned about row i's result line (status, tokens) without parsing it; null when the
     *  request has no result. */
    const ResultEntry *entry(qint64 i) const
    {
        const qint32 e = m_rows[std::size_t(i)].entry;
        return e >= 0 ? &m_results->entries()[std::size_t(e)] : nullptr;
    }
    /** The exact bytes of the request line (empty for an extra row or on a read error). */
    Result<QByteArray> requestLine(qint64 i) const;
    /** The exact bytes of the result line (empty when the request has no result). */
    Result<QByteArray> resultLine(qint64 i) const;

    const JoinTotals &totals() const { return m_totals; }
    /** The (first) input file. */
    QString inputPath() const { return m_inputs.front()->index().path(); }
    /** The line index of the (first) input file. */
    std::shared_ptr<const Jsonl::LineIndex> inputIndex() const { return m_inputs.front()->sharedIndex(); }
    std::shared_ptr<const ResultIndex> resultIndex() const { return m_results; }

private:
    JoinedResults() = default;
    friend class JoinBuilder;
    struct RowRef
    {
        qint64 inputLine = -1;
        qint32 entry = -1; // into m_results->entries()
        quint32 idStart = 0; // into m_inputIds (input rows) or the result index (extra rows)
        quint32 idLength = 0;
        Outcome outcome = Outcome::Missing;
        bool hasId = false; ///< an input line with a readable custom_id
    };
    Result<QByteArray> inputLineAt(qint64 line) const;
    std::vector<RowRef> m_rows;
    QByteArray m_inputIds;
    JoinTotals m_totals;
    std::vector<std::unique_ptr<Jsonl::JsonlFile>> m_inputs;
    std::vector<qint64> m_firstLines; ///< the line number (across the inputs) of each input's first line
    std::shared_ptr<const ResultIndex> m_results;
    mutable std::vector<std::unique_ptr<QFile>> m_resultFiles;
    mutable QMutex m_resultMutex;
};

/**
 * Fills the response side of a row (status, outcome, response text, finish reason, tokens, error) from one
 * output or error line. Exposed for tests and for previews of single lines.
 */
void parseResultLine(QByteArrayView line, ResultRow &row);

/** What kinds of answers joined results hold, judged from their first results (a batch has one endpoint). */
struct ResultKinds
{
    bool images = false;
    bool moderations = false;
    bool videos = false;
};
/** Reads the first results (at most `sample` of them) of rows that have one. Blocking: a worker thread. */
ResultKinds resultKinds(const JoinedResults &results, int sample = 50);

} // namespace Batchdesk::Results
