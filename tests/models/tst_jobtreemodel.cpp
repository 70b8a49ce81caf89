// Models::JobTreeModel: jobs with their parts as a tree, fed with values; checked by QAbstractItemModelTester
// through resets, in-place changes, a new retry round's parts, a new job on top and a removal.
#include "batchtablemodel.h"
#include "jobtreemodel.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

using namespace Batchdesk;
using Models::JobEntry;
using Models::JobTreeModel;
using Store::Job;
using Store::JobPart;

namespace {

JobEntry entry(const QString &id, qint64 createdAt, int parts)
{
    JobEntry e;
    e.job.id = id;
    e.job.name = id + QStringLiteral(".jsonl");
    e.job.createdAt = createdAt;
    for (int i = 1; i <= parts; ++i) {
        JobPart p;
        p.jobId = id;
        p.part = i;
        p.parts = parts;
        p.lines = 10;
        p.firstLine = 1 + (i - 1) * 10;
        e.parts << p;
    }
    return e;
}

} // namespace

class TestJobTreeModel : public QObject
{
    Q_OBJECT

private slots:
    void treeOfJobsAndParts()
    {
        JobTreeModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setJobs({entry(QStringLiteral("job-old"), 100, 2), entry(QStringLiteral("job-new"), 200, 3)});
        QCOMPARE(model.rowCount(), 2);
        // Newest first, parts as children, parts have none.
        QCOMPARE(model.index(0, 0).data(JobTreeModel::JobIdRole).toString(), QStringLiteral("job-new"));
        const QModelIndex job = model.indexOfJob(QStringLiteral("job-new"));
        QCOMPARE(model.rowCount(job), 3);
        const QModelIndex part = model.index(1, 0, job);
        QCOMPARE(part.parent(), job);
        QCOMPARE(model.rowCount(part), 0);
        QVERIFY(part.data(JobTreeModel::IsPartRole).toBool());
        QCOMPARE(part.data().toString(), QStringLiteral("Part 2/3"));
        QCOMPARE(model.index(1, JobTreeModel::StateColumn, job).data().toString(), QStringLiteral("Queued"));
        // A queued part has no batch and no counts: the progress cell says how many requests it carries.
        QCOMPARE(model.index(1, JobTreeModel::ProgressColumn, job).data(JobTreeModel::TotalRole).toLongLong(),
                 -1);
        QVERIFY(model.index(1, JobTreeModel::ProgressColumn, job)
                    .data()
                    .toString()
                    .contains(QStringLiteral("10")));
        QCOMPARE(model.index(0, JobTreeModel::StateColumn).data().toString(), QStringLiteral("Queued"));
        QCOMPARE(model.index(0, JobTreeModel::PartsColumn).data().toString(), QStringLiteral("0 of 3"));
        QCOMPARE(model.index(0, JobTreeModel::ProgressColumn).data(JobTreeModel::TotalRole).toLongLong(), 30);
        QCOMPARE(model.activeCount(), 2);
    }

    void updatesInPlaceAppendsRoundsAndInserts()
    {
        JobTreeModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        JobEntry e = entry(QStringLiteral("job-a"), 100, 2);
        model.setJobs({e});
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
        QSignalSpy reset(&model, &QAbstractItemModel::modelReset);

        // Part 1 runs, part 2 finished with failures: rows change in place.
        e.parts[0].state = JobPart::State::Submitted;
        e.parts[0].batchId = QStringLiteral("batch_1");
        e.parts[0].batchStatus = QStringLiteral("in_progress");
        e.parts[0].total = 10;
        e.parts[0].completed = 4;
        e.parts[1].state = JobPart::State::Finished;
        e.parts[1].batchId = QStringLiteral("batch_2");
        e.parts[1].batchStatus = QStringLiteral("completed");
        e.parts[1].total = 10;
        e.parts[1].completed = 8;
        e.parts[1].failed = 2;
        model.updateJob(e);
        QVERIFY(changed.count() >= 2);
        QCOMPARE(inserted.count(), 0);
        QCOMPARE(reset.count(), 0);
        const QModelIndex job = model.indexOfJob(QStringLiteral("job-a"));
        QCOMPARE(model.index(0, JobTreeModel::StateColumn, job).data().toString(),
                 QStringLiteral("In progress"));
        QCOMPARE(model.index(1, JobTreeModel::StateColumn, job).data().toString(),
                 QStringLiteral("Completed with failures"));
        QCOMPARE(model.index(0, JobTreeModel::BatchColumn, job).data().toString(), QStringLiteral("batch_1"));
        QCOMPARE(model.index(0, JobTreeModel::StateColumn).data().toString(), QStringLiteral("Running"));
        QCOMPARE(model.index(0, JobTreeModel::ProgressColumn).data(JobTreeModel::CompletedRole).toLongLong(),
                 12);
        QCOMPARE(model.index(0, JobTreeModel::ProgressColumn).data(JobTreeModel::FailedRole).toLongLong(), 2);

        // A retry round: its part is appended under the job.
        e.parts[0].state = JobPart::State::Finished;
        e.parts[0].batchStatus = QStringLiteral("completed");
        e.parts[0].completed = 10;
        e.job.round = 1;
        e.job.retryRounds = 2;
        JobPart retry;
        retry.jobId = e.job.id;
        retry.round = 1;
        retry.part = 1;
        retry.parts = 1;
        retry.lines = 2;
        e.parts << retry;
        model.updateJob(e);
        QCOMPARE(inserted.count(), 1);
        QCOMPARE(model.rowCount(job), 3);
        QCOMPARE(model.index(2, 0, job).data().toString(), QStringLiteral("Retry 1, part 1/1"));
        QCOMPARE(model.indexOfPart(QStringLiteral("job-a"), 1, 1), model.index(2, 0, job));
        QCOMPARE(model.index(0, JobTreeModel::RoundColumn).data().toString(), QStringLiteral("1 of 2"));
        // The failures of round 0 are being retried: the newest round with counts says how many failed.
        QCOMPARE(model.job(QStringLiteral("job-a"))->failed(), 2);

        // The retry part ends well: the job finished without failures.
        e.parts[2].state = JobPart::State::Finished;
        e.parts[2].batchId = QStringLiteral("batch_3");
        e.parts[2].batchStatus = QStringLiteral("completed");
        e.parts[2].total = 2;
        e.parts[2].completed = 2;
        e.job.state = Job::State::Finished;
        model.updateJob(e);
        QCOMPARE(model.index(0, JobTreeModel::StateColumn).data().toString(), QStringLiteral("Finished"));
        QCOMPARE(model.job(QStringLiteral("job-a"))->succeeded(), 20);
        QCOMPARE(model.job(QStringLiteral("job-a"))->failed(), 0);
        QCOMPARE(model.index(0, JobTreeModel::PartsColumn).data().toString(), QStringLiteral("3 of 3"));

        // A new job goes on top; a removed one goes.
        model.updateJob(entry(QStringLiteral("job-b"), 300, 1));
        QCOMPARE(model.rowCount(), 2);
        QCOMPARE(model.index(0, 0).data(JobTreeModel::JobIdRole).toString(), QStringLiteral("job-b"));
        model.removeJob(QStringLiteral("job-a"));
        QCOMPARE(model.rowCount(), 1);
        QVERIFY(!model.job(QStringLiteral("job-a")));
        QCOMPARE(reset.count(), 0);
    }

    void partStatesSayWhatHappened()
    {
        JobPart p;
        p.part = 3;
        p.parts = 3;
        QCOMPARE(JobTreeModel::partStateText(p), QStringLiteral("Queued"));
        p.state = JobPart::State::Canceled;
        QCOMPARE(JobTreeModel::partStateText(p), QStringLiteral("Cancelled"));
        p.state = JobPart::State::Failed;
        QCOMPARE(JobTreeModel::partStateText(p), QStringLiteral("Not submitted"));
        p.state = JobPart::State::Finished;
        p.batchId = QStringLiteral("batch_x");
        p.batchStatus = QStringLiteral("expired");
        QCOMPARE(JobTreeModel::partStateText(p), Models::BatchTableModel::tr("Expired"));
        QCOMPARE(JobTreeModel::partName(p), QStringLiteral("Part 3/3"));
    }
};

QTEST_GUILESS_MAIN(TestJobTreeModel)
#include "tst_jobtreemodel.moc"
