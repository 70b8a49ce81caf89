// Results::summarize() over hand-made joined results: the output-token histogram has round bins whose counts
// add up to the answered rows, finish reasons and failure codes are counted per row, and each bar's
// SummaryFilter selects exactly the rows it counts.
#include "results/results_fixtures.h"
#include "results/resultsummary.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <atomic>

using namespace Batchdesk;
using namespace Batchdesk::Results;

class TestResultSummary : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;

    QString write(const QString &name, const QList<QByteArray> &lines)
    {
        const QString path = m_dir.filePath(name);
        QFile f(path);
        if (!f.open(QIODevice::WriteOnly))
            return {};
        for (const QByteArray &line : lines)
            f.write(line + '\n');
        return path;
    }

    // 20 answered rows with 0..950 output tokens (step 50), 3 of them cut by length; two HTTP failures (500
    // without a code, 429 with one), one expired, one missing.
    std::shared_ptr<const JoinedResults> fixture()
    {
        QList<QByteArray> input;
        QList<QByteArray> output;
        QList<QByteArray> errors;
        for (int i = 0; i < 20; ++i) {
            const QByteArray id = "r" + QByteArray::number(i);
            input << Fixtures::request(id, "q");
            output << Fixtures::success(id, "a", 10, i * 50, i % 7 == 0 ? "length" : "stop");
        }
        input << Fixtures::request("h500", "q") << Fixtures::request("h429", "q")
              << Fixtures::request("exp", "q") << Fixtures::request("gone", "q");
        output << Fixtures::httpFailure("h500", 500, {}, "boom");
        output << Fixtures::httpFailure("h429", 429, "rate_limit_exceeded", "slow down");
        errors << Fixtures::notRun("exp", "batch_expired", "expired");
        auto joined = JoinedResults::open(
            write(QStringLiteral("in.jsonl"), input),
            {write(QStringLiteral("out.jsonl"), output), write(QStringLiteral("err.jsonl"), errors)});
        return joined.ok() ? joined.value() : nullptr;
    }

private slots:
    void roundBins()
    {
        auto bins = histogramBins(0, 950);
        // Width 100 (50 would need 20 bins > 16): 0-99 … 900-999.
        QCOMPARE(bins.size(), std::size_t(10));
        QCOMPARE(bins.front().low, 0);
        QCOMPARE(bins.front().high, 100);
        QCOMPARE(bins.back().high, 1000);
        bins = histogramBins(123, 4567);
        QVERIFY(bins.size() >= 7 && bins.size() <= 16);
        QVERIFY(bins.front().low <= 123 && bins.back().high > 4567);
        const qint64 width = bins.front().high - bins.front().low;
        QCOMPARE(width, 500);
        QCOMPARE(bins.front().low % width, 0);
        bins = histogramBins(42, 42);
        QCOMPARE(bins.size(), std::size_t(1));
        QCOMPARE(bins.front().low, 42);
        QCOMPARE(bins.front().high, 43);
        QVERIFY(histogramBins(5, 4).empty());
        // Every integer in [min, max] falls into exactly one bin.
        bins = histogramBins(7, 31);
        for (qint64 v = 7; v <= 31; ++v) {
            int hits = 0;
            for (const auto &b : bins)
                hits += v >= b.low && v < b.high;
            QCOMPARE(hits, 1);
        }
    }

    void summarizes()
    {
        const auto r = fixture();
        QVERIFY(r);
        QCOMPARE(r->rowCount(), 24);
        qint64 lastProgress = -1;
        WorkControl control;
        control.progress = [&](qint64 done, qint64 total) {
            QVERIFY(done >= lastProgress && done <= total);
            lastProgress = done;
        };
        const auto summary = summarize(*r, control);
        QVERIFY2(summary.ok(), qPrintable(summary.errorString()));
        const ResultSummary &s = summary.value();
        QCOMPARE(lastProgress, 24);
        QCOMPARE(s.answeredRows, 20);
        QCOMPARE(s.minOutputTokens, 0);
        QCOMPARE(s.maxOutputTokens, 950);
        QCOMPARE(s.outputTokenBins.size(), std::size_t(10));
        for (const auto &bin : s.outputTokenBins)
            QCOMPARE(bin.count, 2); // 0 and 50, 100 and 150, …
        QCOMPARE(s.finishReasons.size(), 2);
        QCOMPARE(s.finishReasons.at(0).key, QStringLiteral("stop"));
        QCOMPARE(s.finishReasons.at(0).count, 17);
        QCOMPARE(s.finishReasons.at(1).key, QStringLiteral("length"));
        QCOMPARE(s.finishReasons.at(1).count, 3); // rows 0, 7, 14
        QHash<QString, qint64> failures;
        for (const auto &f : s.failures)
            failures.insert(f.key, f.count);
        QCOMPARE(failures.size(), 4);
        QCOMPARE(failures.value(QStringLiteral("rate_limit_exceeded")), 1);
        QCOMPARE(failures.value(QStringLiteral("expired")), 1);
        QCOMPARE(failures.value(QStringLiteral("missing")), 1);
        // The 500 without a code in its body: the fixture's error type, or http_500.
        QCOMPARE(failures.value(QStringLiteral("server_error")) + failures.value(QStringLiteral("http_500")),
                 1);
        QCOMPARE(failureText(QStringLiteral("http_500")), QStringLiteral("HTTP 500"));
        QCOMPARE(failureText(QStringLiteral("expired")), outcomeText(Outcome::Expired));
    }

    void filtersSelectTheCountedRows()
    {
        const auto r = fixture();
        QVERIFY(r);
        const ResultSummary s = summarize(*r).value();
        const auto rowsOf = [&](const SummaryFilter &f) {
            QStringList ids;
            for (qint64 i = 0; i < r->rowCount(); ++i) {
                ResultRow row;
                if (f.needsParsedRow())
                    row = r->row(i);
                if (f.matches(*r, i, f.needsParsedRow() ? &row : nullptr))
                    ids << QString::fromUtf8(r->customId(i));
            }
            return ids;
        };
        const HistogramBin &bin = s.outputTokenBins.at(3);
        QCOMPARE(rowsOf(SummaryFilter::outputTokens(bin.low, bin.high)),
                 (QStringList {QStringLiteral("r6"), QStringLiteral("r7")}));
        QCOMPARE(rowsOf(SummaryFilter::finishReason(QStringLiteral("length"))),
                 (QStringList {QStringLiteral("r0"), QStringLiteral("r7"), QStringLiteral("r14")}));
        QCOMPARE(rowsOf(SummaryFilter::failure(QStringLiteral("rate_limit_exceeded"))),
                 QStringList {QStringLiteral("h429")});
        QVERIFY(!SummaryFilter::failure(QStringLiteral("expired")).needsParsedRow());
        QCOMPARE(rowsOf(SummaryFilter::failure(QStringLiteral("expired"))),
                 QStringList {QStringLiteral("exp")});
        QCOMPARE(rowsOf(SummaryFilter::failure(QStringLiteral("missing"))),
                 QStringList {QStringLiteral("gone")});
        for (const KeyCount &f : s.failures)
            QCOMPARE(rowsOf(SummaryFilter::failure(f.key)).size(), f.count);
        QCOMPARE(SummaryFilter::outputTokens(100, 200).text(), QStringLiteral("Output tokens: 100\u2013199"));
    }

    void cancels()
    {
        const auto r = fixture();
        QVERIFY(r);
        WorkControl control;
        control.isCanceled = [] { return true; };
        const auto summary = summarize(*r, control);
        QVERIFY(!summary.ok());
        QCOMPARE(summary.error().code, QStringLiteral("cancelled"));
    }
};

QTEST_GUILESS_MAIN(TestResultSummary)
#include "tst_resultsummary.moc"
