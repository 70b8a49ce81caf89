#include "resultsummary.h"

#include "linescanner_p.h"

#include <QHash>
#include <QRegularExpression>

#include <algorithm>
#include <limits>

namespace Batchdesk::Results {

using Detail::tr;

namespace {

QList<KeyCount> sortedCounts(const QHash<QString, qint64> &counts)
{
    QList<KeyCount> list;
    list.reserve(counts.size());
    for (auto it = counts.cbegin(); it != counts.cend(); ++it)
        list.append({it.key(), it.value()});
    std::sort(list.begin(), list.end(), [](const KeyCount &a, const KeyCount &b) {
        return a.count != b.count ? a.count > b.count : a.key < b.key;
    });
    return list;
}

} // namespace

std::vector<HistogramBin> histogramBins(qint64 min, qint64 max, int targetBins)
{
    if (max < min)
        return {};
    targetBins = qMax(1, targetBins);
    const auto floorTo = [](qint64 v, qint64 width) {
        return v >= 0 ? v / width * width : -((-v + width - 1) / width) * width;
    };
    // The smallest round width (1, 2, 5 x 10^k) that needs at most targetBins bins.
    qint64 width = 1;
    bool found = false;
    for (qint64 magnitude = 1; !found && magnitude <= std::numeric_limits<qint64>::max() / 10;
         magnitude *= 10) {
        for (const qint64 step : {1, 2, 5}) {
            width = step * magnitude;
            if ((max - floorTo(min, width)) / width + 1 <= targetBins) {
                found = true;
                break;
            }
        }
    }
    std::vector<HistogramBin> bins;
    for (qint64 low = floorTo(min, width); low <= max; low += width)
        bins.push_back({low, low + width, 0});
    return bins;
}

QString failureKey(Outcome outcome, const QString &errorCode)
{
    switch (outcome) {
    case Outcome::Succeeded:
        return {};
    case Outcome::Expired:
    case Outcome::Cancelled:
    case Outcome::Missing:
        return outcomeName(outcome);
    case Outcome::Failed:
        break;
    }
    return errorCode.isEmpty() ? QStringLiteral("failed") : errorCode;
}

bool isOutcomeFailureKey(const QString &key)
{
    return key == outcomeName(Outcome::Expired) || key == outcomeName(Outcome::Cancelled)
        || key == outcomeName(Outcome::Missing);
}

QString failureText(const QString &key)
{
    static const QRegularExpression http(QStringLiteral("^http_(\\d{3})$"));
    const QRegularExpressionMatch m = http.match(key);
    if (m.hasMatch())
        return QStringLiteral("HTTP ") + m.captured(1);
    if (const auto outcome = outcomeFromName(key); outcome && isOutcomeFailureKey(key))
        return outcomeText(*outcome);
    if (key == QLatin1StringView("failed"))
        return outcomeText(Outcome::Failed);
    return key;
}

Result<ResultSummary> summarize(const JoinedResults &results, const WorkControl &control)
{
    ResultSummary summary;
    const qint64 rows = results.rowCount();
    qint64 minTokens = std::numeric_limits<qint64>::max();
    qint64 maxTokens = std::numeric_limits<qint64>::min();
    // Pass 1, the index only: the token range and the rows that did not run.
    QHash<QString, qint64> failures;
    for (qint64 i = 0; i < rows; ++i) {
        if (const ResultEntry *e = results.entry(i); e && e->outputTokens >= 0) {
            ++summary.answeredRows;
            minTokens = qMin(minTokens, e->outputTokens);
            maxTokens = qMax(maxTokens, e->outputTokens);
        }
        const Outcome o = results.outcome(i);
        if (o != Outcome::Succeeded && o != Outcome::Failed)
            ++failures[outcomeName(o)];
    }
    if (summary.answeredRows > 0) {
        summary.minOutputTokens = minTokens;
        summary.maxOutputTokens = maxTokens;
        summary.outputTokenBins = histogramBins(minTokens, maxTokens);
        const qint64 first = summary.outputTokenBins.front().low;
        const qint64 width = summary.outputTokenBins.front().high - first;
        for (qint64 i = 0; i < rows; ++i) {
            if (const ResultEntry *e = results.entry(i); e && e->outputTokens >= 0)
                ++summary.outputTokenBins[std::size_t((e->outputTokens - first) / width)].count;
        }
    }
    // Pass 2: finish reasons and error codes are in the result lines (the request lines are not read).
    QHash<QString, qint64> reasons;
    for (qint64 i = 0; i < rows; ++i) {
        if ((i & 255) == 0) {
            if (control.isCanceled && control.isCanceled())
                return Error {QStringLiteral("cancelled"), tr("Cancelled")};
            if (control.progress)
                control.progress(i, rows);
        }
        const Outcome o = results.outcome(i);
        if ((o != Outcome::Succeeded && o != Outcome::Failed) || !results.hasResult(i))
            continue;
        const Result<QByteArray> line = results.resultLine(i);
        if (!line.ok())
            return line.error();
        ResultRow row;
        parseResultLine(line.value(), row);
        if (!row.finishReason.isEmpty())
            ++reasons[row.finishReason];
        if (o == Outcome::Failed)
            ++failures[failureKey(o, row.errorCode)];
    }
    if (control.progress)
        control.progress(rows, rows);
    summary.finishReasons = sortedCounts(reasons);
    summary.failures = sortedCounts(failures);
    return summary;
}

bool SummaryFilter::needsParsedRow() const
{
    return kind == Kind::FinishReason || (kind == Kind::Failure && !isOutcomeFailureKey(key));
}

bool SummaryFilter::matches(const JoinedResults &results, qint64 i, const ResultRow *parsed) const
{
    switch (kind) {
    case Kind::None:
        return true;
    case Kind::OutputTokens: {
        const ResultEntry *e = results.entry(i);
        return e && e->outputTokens >= low && e->outputTokens < high;
    }
    case Kind::FinishReason: {
        const Outcome o = results.outcome(i);
        return (o == Outcome::Succeeded || o == Outcome::Failed) && parsed && parsed->finishReason == key;
    }
    case Kind::Failure: {
        const Outcome o = results.outcome(i);
        if (isOutcomeFailureKey(key))
            return outcomeName(o) == key;
        return o == Outcome::Failed && parsed && failureKey(o, parsed->errorCode) == key;
    }
    }
    return false;
}

QString SummaryFilter::text() const
{
    switch (kind) {
    case Kind::None:
        return {};
    case Kind::OutputTokens:
        return high - low <= 1 ? tr("Output tokens: %1").arg(low)
                               : tr("Output tokens: %1\u2013%2").arg(low).arg(high - 1);
    case Kind::FinishReason:
        return tr("Finish reason: %1").arg(key);
    case Kind::Failure:
        return tr("Failure: %1").arg(failureText(key));
    }
    return {};
}

} // namespace Batchdesk::Results
