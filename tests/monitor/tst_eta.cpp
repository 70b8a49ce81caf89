// The ETA helper: rate since in_progress_at, the recent rate from samples, finalizing as "assembling".
#include "monitor/eta.h"
#include "monitor/progresscurve.h"

#include <QTest>

using namespace Batchdesk;
using Api::Batch;
using Api::RequestCounts;
using Monitor::Eta;
using Monitor::ProgressSample;

class TestEta : public QObject
{
    Q_OBJECT

private:
    static Batch running(qint64 inProgressAt, qint64 completed, qint64 failed, qint64 total)
    {
        Batch b;
        b.id = QStringLiteral("batch_1");
        b.statusText = QStringLiteral("in_progress");
        b.createdAt = inProgressAt - 10;
        b.inProgressAt = inProgressAt;
        b.requestCounts = RequestCounts {total, completed, failed};
        return b;
    }

private slots:
    void rateSinceInProgress()
    {
        // 250 of 1000 done in 100 s: 2.5/s, 750 left: 300 s more.
        const qint64 start = 1'700'000'000;
        const Batch b = running(start, 200, 50, 1000);
        const Eta eta = Monitor::estimateEta(b, {}, (start + 100) * 1000);
        QCOMPARE(eta.state, Eta::State::Running);
        QCOMPARE(eta.requestsPerSecond, 2.5);
        QCOMPARE(eta.finishAtMs, (start + 400) * 1000);
    }

    void recentRateFromSamples()
    {
        const qint64 start = 1'700'000'000;
        const Batch b = running(start, 600, 0, 1000);
        // Slow at first, then 10/s over the last 20 s: the recent rate wins.
        const QList<ProgressSample> history {
            {(start + 10) * 1000, 100, 0, 1000},
            {(start + 1000) * 1000, 400, 0, 1000},
            {(start + 1020) * 1000, 600, 0, 1000},
        };
        const Eta eta = Monitor::estimateEta(b, history, (start + 1020) * 1000, 60'000);
        QCOMPARE(eta.state, Eta::State::Running);
        QCOMPARE(eta.requestsPerSecond, 10.0);
        QCOMPARE(eta.finishAtMs, (start + 1060) * 1000);
    }

    void statesWithoutProjection_data()
    {
        QTest::addColumn<QString>("status");
        QTest::addColumn<bool>("counts");
        QTest::addColumn<int>("state");
        QTest::newRow("finalizing") << QStringLiteral("finalizing") << true << int(Eta::State::Assembling);
        QTest::newRow("completed") << QStringLiteral("completed") << true << int(Eta::State::Done);
        QTest::newRow("validating") << QStringLiteral("validating") << false << int(Eta::State::Unknown);
        QTest::newRow("no counts") << QStringLiteral("in_progress") << false << int(Eta::State::Unknown);
    }

    void statesWithoutProjection()
    {
        QFETCH(QString, status);
        QFETCH(bool, counts);
        QFETCH(int, state);
        Batch b = running(1'700'000'000, 0, 0, 10);
        b.statusText = status;
        if (!counts)
            b.requestCounts.reset();
        QCOMPARE(int(Monitor::estimateEta(b, {}, 1'700'000'100'000).state), state);
    }

    // A 25 s batch seen once, minutes after it finished: the curve ends at completed_at, not at "now".
    void finishedCurveEndsAtTerminalTime()
    {
        const qint64 start = 1'700'000'000;
        Batch b = running(start, 10, 2, 12);
        b.statusText = QStringLiteral("completed");
        b.completedAt = start + 25;
        const qint64 now = (start + 480) * 1000;
        const auto bare = Monitor::progressCurve(b, {}, now);
        QVERIFY(bare.finished);
        QCOMPARE(bare.points.size(), 2);
        QCOMPARE(bare.points.first().atMs, start * 1000);
        QCOMPARE(bare.points.first().done(), 0);
        QCOMPARE(bare.points.last().atMs, (start + 25) * 1000);
        QCOMPARE(bare.points.last().done(), 12);
        QCOMPARE(bare.endMs, (start + 25) * 1000);

        // Samples after the end are dropped (their counts are the final ones), those before kept.
        const QList<ProgressSample> history {{(start + 10) * 1000, 4, 0, 12},
                                             {(start + 20) * 1000, 9, 1, 12},
                                             {(start + 30) * 1000, 10, 2, 12},
                                             {(start + 300) * 1000, 10, 2, 12}};
        const auto seen = Monitor::progressCurve(b, history, now);
        QCOMPARE(seen.points.size(), 4);
        QCOMPARE(seen.points.at(1), history.at(0));
        QCOMPARE(seen.points.at(2), history.at(1));
        QCOMPARE(seen.points.last().atMs, (start + 25) * 1000);
        QCOMPARE(seen.endMs, (start + 25) * 1000);
    }

    void cancelledAndRunningCurves()
    {
        const qint64 start = 1'700'000'000;
        Batch cancelled = running(start, 3, 0, 10);
        cancelled.statusText = QStringLiteral("cancelled");
        cancelled.cancellingAt = start + 5;
        cancelled.cancelledAt = start + 8;
        QCOMPARE(Monitor::terminalTimeMs(cancelled), (start + 8) * 1000);
        QCOMPARE(Monitor::progressCurve(cancelled, {}, (start + 999) * 1000).endMs, (start + 8) * 1000);

        // Running without samples: the start and the counts observed now; nothing beyond.
        const Batch active = running(start, 5, 0, 10);
        const auto curve = Monitor::progressCurve(active, {}, (start + 50) * 1000);
        QVERIFY(!curve.finished);
        QCOMPARE(curve.points.size(), 2);
        QCOMPARE(curve.endMs, (start + 50) * 1000);

        // Failed validation never ran: nothing to draw.
        Batch invalid;
        invalid.statusText = QStringLiteral("failed");
        invalid.createdAt = start;
        invalid.failedAt = start + 2;
        QVERIFY(Monitor::progressCurve(invalid, {}, (start + 60) * 1000).points.isEmpty());
    }

    void noProgressYetIsUnknown()
    {
        const Batch b = running(1'700'000'000, 0, 0, 10);
        QCOMPARE(Monitor::estimateEta(b, {}, 1'700'000'100'000).state, Eta::State::Unknown);
    }
};

QTEST_GUILESS_MAIN(TestEta)
#include "tst_eta.moc"
