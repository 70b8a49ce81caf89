#pragma once

#include "common/result.h"
#include "common/workcontrol.h"
#include "joinedresults.h"

#include <QList>
#include <QString>

#include <vector>

namespace Batchdesk::Results {

/** One bar of a histogram: the rows whose value v is in [low, high). */
struct HistogramBin
{
    qint64 low = 0;
    qint64 high = 0;
    qint64 count = 0;
};

/** How many rows share one key (a finish reason, a failure code). */
struct KeyCount
{
    QString key;
    qint64 count = 0;
};

/**
 * Latency-free summaries of joined results, over all their rows (those of the input and the extra ones).
 *
 * Output tokens: the rows whose result reports completion tokens ("answered rows"), in bins with round edges.
 * Finish reasons: of the rows whose answer has one (stop, length, tool_calls, content_filter…).
 * Failures: every row that did not succeed, by failureKey() (the error code, http_500 when the body named
 * none, or expired / cancelled / missing).
 */
struct ResultSummary
{
    std::vector<HistogramBin> outputTokenBins;
    qint64 answeredRows = 0; ///< rows with a known output token count (the histogram's total)
    qint64 minOutputTokens = 0; ///< of the answered rows; 0 when there are none
    qint64 maxOutputTokens = 0;
    QList<KeyCount> finishReasons; ///< most frequent first, then by key
    QList<KeyCount> failures; ///< most frequent first, then by key
};

/**
 * Round histogram bins covering [min, max] (integers): a width of 1, 2 or 5 × 10^k chosen so that there are
 * at most about targetBins bins (and at least targetBins / 2.5 when the range allows), the first edge a
 * multiple of the width. One bin [v, v+1) when min == max; none when max < min. Counts are zero.
 */
std::vector<HistogramBin> histogramBins(qint64 min, qint64 max, int targetBins = 16);

/**
 * The failure key of a row: empty for a success; "expired", "cancelled", "missing" by outcome; for a failed
 * request its error code ("rate_limit_exceeded", "http_500" when the body named none), or "failed".
 */
QString failureKey(Outcome outcome, const QString &errorCode);
/** A failure key for display: "HTTP 500" for http_500, the translated outcome for expired…; else the key. */
QString failureText(const QString &key);
/** Whether the key is decided by the outcome alone (expired, cancelled, missing): no parse is needed. */
bool isOutcomeFailureKey(const QString &key);

/**
 * Counts the summaries. The token histogram comes from the ResultIndex entries (no I/O); finish reasons and
 * failure codes parse the result line of each row that has one and needs it (succeeded and failed rows),
 * never the request line. Blocking: call it on a worker thread. Progress is reported in rows; fails with code
 * "cancelled" when the control cancels, "io" when a result file cannot be read.
 */
Result<ResultSummary> summarize(const JoinedResults &results, const WorkControl &control = {});

/**
 * A filter the summaries offer: the rows behind one bar. Comparable, a value type.
 */
struct SummaryFilter
{
    enum class Kind { None, OutputTokens, FinishReason, Failure };
    Kind kind = Kind::None;
    qint64 low = 0; ///< OutputTokens: low <= tokens < high
    qint64 high = 0;
    QString key; ///< FinishReason: the reason; Failure: a failureKey()

    static SummaryFilter outputTokens(qint64 low, qint64 high) { return {Kind::OutputTokens, low, high, {}}; }
    static SummaryFilter finishReason(const QString &reason) { return {Kind::FinishReason, 0, 0, reason}; }
    static SummaryFilter failure(const QString &key) { return {Kind::Failure, 0, 0, key}; }

    bool isNull() const { return kind == Kind::None; }
    /** Whether matches() needs the parsed result line (else what the index knows is enough). */
    bool needsParsedRow() const;
    /** Whether row i passes; parsed is row i's parsed result (required when needsParsedRow()). */
    bool matches(const JoinedResults &results, qint64 i, const ResultRow *parsed = nullptr) const;
    /** A short description for a chip: "Out tokens 100–199", "Finish: length", "Failure: HTTP 500". */
    QString text() const;

    friend bool operator==(const SummaryFilter &, const SummaryFilter &) = default;
};

} // namespace Batchdesk::Results
