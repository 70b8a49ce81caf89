// The async job contract (AsyncJob, CompositeJob): finished exactly once whatever happens, abort before and
// during the work, fan-out that ends with its last subjob and reports the first error.
#include "common/asyncjob.h"

#include <QSignalSpy>
#include <QTest>
#include <QTimer>

using namespace Batchdesk;

namespace {
// A job that finishes after a delay (0: from the event loop) with the outcome it was given; late callbacks
// after an abort try to finish it again, as a reply arriving after cancel would.
class TimerJob : public AsyncJob
{
public:
    TimerJob(int delayMs, ErrorCode outcome, bool stopsAtOnce = true, QObject *parent = nullptr)
        : AsyncJob(parent)
        , m_delayMs(delayMs)
        , m_outcome(outcome)
        , m_stopsAtOnce(stopsAtOnce)
    { }

    int starts = 0;

protected:
    void doStart() override
    {
        ++starts;
        setProgress(0, 1);
        QTimer::singleShot(m_delayMs, this, [this] {
            setProgress(1, 1);
            if (m_outcome == ErrorCode::None)
                emitSuccess();
            else
                emitFailure(m_outcome, QStringLiteral("failed on purpose"));
        });
    }
    bool doAbort() override
    {
        if (m_stopsAtOnce)
            return true;
        // Reports back later, like an aborted network reply.
        QTimer::singleShot(0, this, [this] { emitFailure(ErrorCode::Canceled, QStringLiteral("stopped")); });
        return false;
    }

private:
    int m_delayMs;
    ErrorCode m_outcome;
    bool m_stopsAtOnce;
};
} // namespace

class TestAsyncJob : public QObject
{
    Q_OBJECT

private slots:
    void succeedsOnceWithProgress()
    {
        TimerJob job(0, ErrorCode::None);
        QSignalSpy finished(&job, &AsyncJob::finished);
        QSignalSpy progress(&job, &AsyncJob::progressChanged);
        job.start();
        job.start(); // a second start does nothing
        QVERIFY(finished.wait(2000));
        QTest::qWait(20);
        QCOMPARE(finished.count(), 1);
        QCOMPARE(job.starts, 1);
        QVERIFY(job.isFinished());
        QVERIFY(!job.failed());
        QCOMPARE(job.processed(), 1);
        QCOMPARE(progress.count(), 2);
    }

    void failureCarriesCodeAndText()
    {
        TimerJob job(0, ErrorCode::Server);
        QSignalSpy finished(&job, &AsyncJob::finished);
        job.start();
        QVERIFY(finished.wait(2000));
        QVERIFY(job.failed());
        QCOMPARE(job.errorCode(), ErrorCode::Server);
        QCOMPARE(job.errorText(), QStringLiteral("failed on purpose"));
        QVERIFY(!job.wasCanceled());
    }

    // Abort during the work: Canceled, once, and the late timer cannot finish it a second time.
    void abortFinishesOnceAsCanceled()
    {
        TimerJob job(50, ErrorCode::None);
        QSignalSpy finished(&job, &AsyncJob::finished);
        job.start();
        job.abort();
        job.abort();
        QCOMPARE(finished.count(), 1);
        QVERIFY(job.wasCanceled());
        QTest::qWait(100);
        QCOMPARE(finished.count(), 1);
        QVERIFY(job.wasCanceled());
    }

    // A job that reports its abort later is finished by that report, not twice.
    void abortReportedLater()
    {
        TimerJob job(200, ErrorCode::None, false);
        QSignalSpy finished(&job, &AsyncJob::finished);
        job.start();
        job.abort();
        QCOMPARE(finished.count(), 0);
        QVERIFY(finished.wait(2000));
        QTest::qWait(250);
        QCOMPARE(finished.count(), 1);
        QCOMPARE(job.errorText(), QStringLiteral("stopped"));
    }

    void abortBeforeStart()
    {
        TimerJob job(0, ErrorCode::None);
        QSignalSpy finished(&job, &AsyncJob::finished);
        job.abort();
        QCOMPARE(finished.count(), 1);
        QVERIFY(job.wasCanceled());
        job.start();
        QTest::qWait(20);
        QCOMPARE(job.starts, 0);
        QCOMPARE(finished.count(), 1);
    }

    void autoDeleteAfterFinish()
    {
        auto *job = new TimerJob(0, ErrorCode::None);
        job->setAutoDelete(true);
        QSignalSpy destroyed(job, &QObject::destroyed);
        job->start();
        QVERIFY(destroyed.wait(2000));
    }

    // Fan-out: finishes with the last subjob; the first error is the composite's; all subjobs ran.
    void compositeWaitsForAllAndReportsFirstError()
    {
        CompositeJob all;
        auto *a = new TimerJob(10, ErrorCode::None);
        auto *b = new TimerJob(30, ErrorCode::Network);
        auto *c = new TimerJob(60, ErrorCode::Server);
        all.addSubjob(a);
        all.addSubjob(b);
        all.addSubjob(c);
        QSignalSpy finished(&all, &AsyncJob::finished);
        all.start();
        QVERIFY(finished.wait(2000));
        QCOMPARE(finished.count(), 1);
        QVERIFY(c->isFinished());
        QCOMPARE(all.errorCode(), ErrorCode::Network);
        QCOMPARE(all.failures().size(), 2);
        QCOMPARE(all.processed(), 3);
    }

    void compositeSucceedsAndEmptyFinishes()
    {
        CompositeJob all;
        all.addSubjob(new TimerJob(0, ErrorCode::None));
        all.addSubjob(new TimerJob(5, ErrorCode::None));
        QSignalSpy finished(&all, &AsyncJob::finished);
        all.start();
        QVERIFY(finished.wait(2000));
        QVERIFY(!all.failed());

        CompositeJob none;
        QSignalSpy noneFinished(&none, &AsyncJob::finished);
        none.start();
        QVERIFY(noneFinished.wait(2000));
        QVERIFY(!none.failed());
    }

    void compositeAbortAbortsEverySubjob()
    {
        CompositeJob all;
        auto *a = new TimerJob(500, ErrorCode::None);
        auto *b = new TimerJob(500, ErrorCode::None, false);
        all.addSubjob(a);
        all.addSubjob(b);
        QSignalSpy finished(&all, &AsyncJob::finished);
        all.start();
        all.abort();
        QVERIFY(a->wasCanceled());
        QVERIFY(finished.count() == 1 || finished.wait(2000));
        QCOMPARE(finished.count(), 1);
        QVERIFY(b->wasCanceled());
        QVERIFY(all.wasCanceled());
    }
};

QTEST_GUILESS_MAIN(TestAsyncJob)
#include "tst_asyncjob.moc"
