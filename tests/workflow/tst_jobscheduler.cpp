// Workflow::JobScheduler, the engine behind jobs in the app and the CLI: against the real sandbox over
// loopback with a real SQLite database. Queue under a limit, resume after a stop without a second batch for
// any part, retry rounds, and the results of a split 150,000-line file joined in input order.
#include "../e2e/e2e_util.h"
#include "api/apiclient.h"
#include "api/apijob.h"
#include "jsonl/splitter.h"
#include "results/joinedresults.h"
#include "results/resultsdownload.h"
#include "sandbox/sandboxserver.h"
#include "store/accountstore.h"
#include "store/database.h"
#include "store/intentstore.h"
#include "store/jobstore.h"
#include "store/resultsstore.h"
#include "workflow/jobscheduler.h"
#include "workflow/resultsfetcher.h"

#include <QDir>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace Batchdesk;
using Store::Job;
using Store::JobPart;
using Workflow::JobScheduler;

namespace {
// Everything one account of the app (or one CLI run) has: database stores, a client, a fetcher, a scheduler.
struct Engine
{
    Api::ApiClient client;
    std::unique_ptr<Workflow::ResultsFetcher> fetcher;
    std::unique_ptr<JobScheduler> scheduler;

    Engine(QNetworkAccessManager *nam, const QString &baseUrl, const QString &key)
        : client(nam)
    {
        client.setBaseUrl(QUrl(baseUrl));
        client.setApiKey(key);
    }
};
} // namespace

class TestJobScheduler : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QNetworkAccessManager m_nam;
    std::shared_ptr<Store::Database> m_db;
    std::unique_ptr<Store::IntentStore> m_intents;
    std::unique_ptr<Store::JobStore> m_jobs;
    std::unique_ptr<Store::ResultsStore> m_results;
    qint64 m_accountId = 0;

    std::unique_ptr<Engine> engine(const Sandbox::SandboxServer &server, Workflow::SchedulerSettings settings)
    {
        auto e = std::make_unique<Engine>(&m_nam, server.baseUrl(), QStringLiteral("k"));
        e->fetcher = std::make_unique<Workflow::ResultsFetcher>(&e->client, m_results.get(), m_accountId,
                                                                QString::number(m_accountId));
        e->scheduler =
            std::make_unique<JobScheduler>(&e->client, m_jobs.get(), m_intents.get(), e->fetcher.get(),
                                           Workflow::Scope {m_accountId, {}}, settings);
        return e;
    }

    static Sandbox::SandboxConfig sandboxConfig(int latencyMs = 2)
    {
        Sandbox::SandboxConfig config;
        config.apiKey = QStringLiteral("k");
        config.latencyMs = latencyMs;
        return config;
    }

    // Splits a file into parts of at most maxLines requests, as the app and the CLI do before addJob().
    Workflow::JobSpec spec(const QString &name, const QByteArray &content, qint64 maxLines)
    {
        const QString path = m_dir.filePath(name + QStringLiteral(".jsonl"));
        if (!writeFile(path, content))
            return {};
        Workflow::JobSpec s;
        s.name = name;
        s.sourcePath = path;
        s.folder = m_dir.filePath(QStringLiteral("jobs/") + name);
        s.profile = QStringLiteral("deepinfra");
        s.params.endpoint = QStringLiteral("/v1/chat/completions");
        Jsonl::SplitLimits limits;
        limits.maxLines = maxLines;
        const auto parts =
            Jsonl::splitJsonl(path, s.folder, name, Jsonl::LimitProfile::deepinfra(), false, limits);
        if (parts.ok())
            s.parts = parts.value();
        return s;
    }

    QList<JobPart> partsOf(const QString &jobId) const { return m_jobs->parts(jobId).value(); }

    static int countInFlight(const QList<JobPart> &parts)
    {
        return int(
            std::count_if(parts.cbegin(), parts.cend(), [](const JobPart &p) { return p.inFlight(); }));
    }

    // Every batch the sandbox has, by listing it.
    QList<Api::Batch> serverBatches(Api::ApiClient &client)
    {
        Api::ListJob *list = client.listBatches(100);
        QSignalSpy done(list, &Api::ApiJob::finished);
        list->setAutoDelete(false);
        list->start();
        if (!done.wait(20000))
            return {};
        const auto batches = list->batches();
        delete list;
        return batches;
    }

    bool waitForJob(const QString &jobId, int timeoutMs = 60000)
    {
        QElapsedTimer t;
        t.start();
        while (t.elapsed() < timeoutMs) {
            const auto job = m_jobs->job(jobId);
            if (job && job->state != Job::State::Active)
                return true;
            QTest::qWait(20);
        }
        return false;
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        qputenv("BATCHDESK_DATA_DIR", m_dir.filePath(QStringLiteral("data")).toUtf8());
        auto db = Store::Database::open(m_dir.filePath(QStringLiteral("batchdesk.sqlite")));
        QVERIFY(db.ok());
        m_db = db.value();
        m_intents = std::make_unique<Store::IntentStore>(m_db);
        m_jobs = std::make_unique<Store::JobStore>(m_db);
        m_results = std::make_unique<Store::ResultsStore>(m_db);
    }

    // Every test has an account of its own: the jobs of one never queue behind another's.
    void init()
    {
        Store::AccountStore accounts(m_db);
        Store::Account a;
        a.name = QStringLiteral("sandbox-") + QString::fromLatin1(QTest::currentTestFunction());
        a.preset = Store::Preset::Sandbox;
        a.baseUrl = QUrl(QStringLiteral("http://127.0.0.1:1/v1"));
        a.keySource = Store::KeySource::None;
        const auto added = accounts.add(a);
        QVERIFY(added.ok());
        m_accountId = added.value().id;
    }

    // Five parts, at most two batches at a time: never more than two in flight (checked at every change),
    // parts waiting as Queued, all five submitted in order and the job finished with five batches.
    void queueKeepsTheLimit()
    {
        Sandbox::SandboxServer server(sandboxConfig(5));
        QVERIFY(server.start());
        Workflow::SchedulerSettings settings;
        settings.maxInFlight = 2;
        settings.pollIntervalMs = 30;
        auto e = engine(server, settings);
        const auto s = spec(QStringLiteral("queue"), chatFile(50), 10);
        QCOMPARE(s.parts.size(), 5);
        const auto job = e->scheduler->addJob(s);
        QVERIFY2(job.ok(), qPrintable(job.errorString()));
        const QString id = job.value().id;
        int maxSeen = 0;
        int maxQueuedWhileFull = 0;
        connect(e->scheduler.get(), &JobScheduler::jobChanged, this, [&](const QString &) {
            const auto parts = partsOf(id);
            const int flying = countInFlight(parts);
            maxSeen = qMax(maxSeen, flying);
            if (flying == 2)
                maxQueuedWhileFull = qMax(
                    maxQueuedWhileFull, int(std::count_if(parts.cbegin(), parts.cend(), [](const JobPart &p) {
                        return p.state == JobPart::State::Queued;
                    })));
        });
        QVERIFY(waitForJob(id));
        QCOMPARE(m_jobs->job(id)->state, Job::State::Finished);
        QCOMPARE(maxSeen, 2);
        QVERIFY2(maxQueuedWhileFull >= 2, qPrintable(QString::number(maxQueuedWhileFull)));
        const auto parts = partsOf(id);
        QCOMPARE(parts.size(), 5);
        QSet<QString> batchIds;
        for (const JobPart &p : parts) {
            QCOMPARE(p.state, JobPart::State::Finished);
            QCOMPARE(p.batchStatus, QStringLiteral("completed"));
            batchIds.insert(p.batchId);
        }
        QCOMPARE(batchIds.size(), 5);
        const auto batches = serverBatches(e->client);
        QCOMPARE(batches.size(), 5);
        for (const Api::Batch &b : batches) {
            QCOMPARE(b.metadata.value(Api::kJobKey), id);
            QVERIFY(b.metadata.value(Api::kPartKey).endsWith(QStringLiteral("/5")));
        }
    }

    // The provider counts every running batch of the account: one that is no job's part (a single
    // submission) takes a slot, and the job's part waits until it has finished.
    void otherRunningBatchesTakeSlots()
    {
        Sandbox::SandboxServer server(sandboxConfig(2));
        QVERIFY(server.start());
        Workflow::SchedulerSettings settings;
        settings.maxInFlight = 1;
        settings.pollIntervalMs = 30;
        auto e = engine(server, settings);
        Api::Batch other;
        other.id = QStringLiteral("batch_single_submission");
        other.statusText = QStringLiteral("in_progress");
        e->scheduler->observe(other);
        QCOMPARE(e->scheduler->inFlight(), 1);
        const auto job = e->scheduler->addJob(spec(QStringLiteral("slots"), chatFile(4), 10));
        QVERIFY(job.ok());
        QTest::qWait(300);
        QCOMPARE(partsOf(job.value().id)[0].state, JobPart::State::Queued);
        QCOMPARE(serverBatches(e->client).size(), 0);
        other.statusText = QStringLiteral("completed");
        e->scheduler->observe(other);
        QVERIFY(waitForJob(job.value().id));
        QCOMPARE(partsOf(job.value().id)[0].state, JobPart::State::Finished);
    }

    // A stop in the middle: one part created, one being uploaded when the process went away, one whose create
    // reached the server but whose reply was lost. resume() submits only the part that has no batch.
    void resumeSubmitsNothingTwice()
    {
        Sandbox::SandboxServer server(sandboxConfig(20));
        QVERIFY(server.start());
        Workflow::SchedulerSettings settings;
        settings.maxInFlight = 10;
        settings.pollIntervalMs = 30;
        QString id;
        {
            auto first = engine(server, settings);
            const auto s = spec(QStringLiteral("resume"), chatFile(30), 10);
            QCOMPARE(s.parts.size(), 3);
            const auto job = first->scheduler->addJob(s);
            QVERIFY(job.ok());
            id = job.value().id;
            // Stop when part 2's submission starts (part 1 is created by then: one upload at a time).
            QSignalSpy started(first->scheduler.get(), &JobScheduler::submissionStarted);
            QTRY_COMPARE_WITH_TIMEOUT(started.count(), 2, 20000);
            // Part 1's batch may have finished already (the sandbox is fast); it exists either way.
            QVERIFY(!partsOf(id)[0].batchId.isEmpty());
            QCOMPARE(partsOf(id)[1].state, JobPart::State::Submitting);
        } // the "process" ends here: scheduler, fetcher and client are gone
        QCOMPARE(partsOf(id)[1].state, JobPart::State::Submitting);
        QCOMPARE(partsOf(id)[2].state, JobPart::State::Queued);

        // Part 3's create reached the server, its reply was lost: a batch with its client id exists and the
        // intent is pending.
        auto second = engine(server, settings);
        JobPart third = partsOf(id)[2];
        third.clientId = QStringLiteral("lost-reply-client-id");
        third.state = JobPart::State::Submitting;
        QVERIFY(m_jobs->updatePart(third).ok());
        {
            Api::UploadFileJob *upload = second->client.uploadFile(third.path);
            upload->setAutoDelete(false);
            QSignalSpy uploaded(upload, &Api::ApiJob::finished);
            upload->start();
            QVERIFY(uploaded.wait(20000));
            Api::CreateBatchParams p;
            p.endpoint = QStringLiteral("/v1/chat/completions");
            p.inputFileId = upload->file().id;
            p.metadata.insert(Api::kClientIdKey, third.clientId);
            p.metadata.insert(Api::kJobKey, id);
            p.metadata.insert(Api::kPartKey, QStringLiteral("3/3"));
            delete upload;
            Store::Intent intent;
            intent.clientId = third.clientId;
            intent.accountId = m_accountId;
            intent.inputFileId = p.inputFileId;
            intent.endpoint = p.endpoint;
            intent.paramsJson = QStringLiteral("{}");
            QVERIFY(m_intents->record(intent).ok());
            Api::CreateBatchJob *create = second->client.createBatch(p);
            create->setAutoDelete(false);
            QSignalSpy created(create, &Api::ApiJob::finished);
            create->start();
            QVERIFY(created.wait(20000));
            QVERIFY(!create->failed());
            delete create;
        }
        // Part 2 was stopped during its upload (no batch) or during its create (a batch whose reply was
        // lost): either way resume() must end with one batch per part.
        const auto afterStop = serverBatches(second->client).size();
        QVERIFY(afterStop == 2 || afterStop == 3);

        second->scheduler->resume();
        QVERIFY(waitForJob(id));
        QCOMPARE(m_jobs->job(id)->state, Job::State::Finished);
        const auto parts = partsOf(id);
        const auto batches = serverBatches(second->client);
        QCOMPARE(batches.size(), 3); // part 2 once more; parts 1 and 3 not again
        QSet<QString> ids;
        for (const Api::Batch &b : batches)
            ids.insert(b.id);
        for (const JobPart &p : parts) {
            QCOMPARE(p.state, JobPart::State::Finished);
            QVERIFY(ids.contains(p.batchId));
        }
        QCOMPARE(parts[2].clientId, QStringLiteral("lost-reply-client-id"));
        QCOMPARE(m_intents->byClientId(parts[2].clientId).value().state, Store::Intent::State::Created);
    }

    // Retry rounds: [[flaky]] lines fail once and succeed when retried, a [[fail]] line fails every time.
    // With two rounds: round 1 takes every failure, round 2 only the one that failed again; the joined
    // results show the latest result per request; every round's batches stay on record.
    void retryRoundsResubmitFailures()
    {
        Sandbox::SandboxServer server(sandboxConfig(1));
        QVERIFY(server.start());
        Workflow::SchedulerSettings settings;
        settings.pollIntervalMs = 30;
        auto e = engine(server, settings);
        QByteArray content;
        for (int i = 0; i < 30; ++i) {
            QByteArray text = "hello " + QByteArray::number(i);
            if (i == 7)
                text = "always [[fail]] here";
            else if (i % 5 == 0)
                text = "flaky " + QByteArray::number(i) + " [[flaky]] retry-test";
            content += chatLine("req-" + QByteArray::number(i), text);
        }
        auto s = spec(QStringLiteral("retry"), content, 12);
        QCOMPARE(s.parts.size(), 3);
        s.retryRounds = 2;
        const auto job = e->scheduler->addJob(s);
        QVERIFY(job.ok());
        const QString id = job.value().id;
        QVERIFY(waitForJob(id, 90000));
        const Job done = *m_jobs->job(id);
        QCOMPARE(done.state, Job::State::Finished);
        QCOMPARE(done.round, 2);
        const auto parts = partsOf(id);
        QList<JobPart> round1, round2;
        QStringList files;
        QStringList inputs;
        for (const JobPart &p : parts) {
            if (p.round == 1)
                round1 << p;
            if (p.round == 2)
                round2 << p;
            if (p.round == 0)
                inputs << p.path;
            QCOMPARE(p.state, JobPart::State::Finished);
        }
        QCOMPARE(round1.size(), 1);
        QCOMPARE(round1.first().lines, 7); // six flaky lines and the one that always fails
        QCOMPARE(round2.size(), 1);
        QCOMPARE(round2.first().lines, 1);
        QCOMPARE(readLines(round2.first().path).first().contains("req-7"), true);
        QCOMPARE(serverBatches(e->client).size(), 5);

        // The job's table: round-0 inputs in order, the result files of every round (later rounds win).
        for (const JobPart &p : parts) {
            if (p.resultsFolder.isEmpty()) {
                // The last round's results are not needed by the scheduler: download them as the app does.
                Api::RequestJob *get = e->client.retrieveBatch(p.batchId);
                get->setAutoDelete(false);
                QSignalSpy got(get, &Api::ApiJob::finished);
                get->start();
                QVERIFY(got.wait(20000));
                QSignalSpy downloaded(e->fetcher.get(), &Workflow::ResultsFetcher::downloaded);
                e->fetcher->fetch(get->batch());
                QVERIFY(downloaded.wait(20000));
                delete get;
            }
            files << Results::verifiedResultFiles(e->fetcher->folderOf(p.batchId), p.batchId).value();
        }
        const QString input = m_dir.filePath(QStringLiteral("retry-input.jsonl"));
        QByteArray all;
        for (const QString &in : inputs) {
            QFile f(in);
            QVERIFY(f.open(QIODevice::ReadOnly));
            all += f.readAll();
        }
        QVERIFY(writeFile(input, all));
        const auto joined = Results::JoinedResults::open(input, files);
        QVERIFY2(joined.ok(), qPrintable(joined.errorString()));
        QCOMPARE(joined.value()->rowCount(), 30);
        QCOMPARE(joined.value()->totals().count(Results::Outcome::Succeeded), 29);
        QCOMPARE(joined.value()->totals().count(Results::Outcome::Failed), 1);
        QCOMPARE(joined.value()->row(7).outcome, Results::Outcome::Failed);
        QCOMPARE(joined.value()->row(5).outcome, Results::Outcome::Succeeded);
    }

    // Cancel: queued parts are dropped without a batch, the running one is cancelled.
    void cancelDropsQueuedParts()
    {
        Sandbox::SandboxServer server(sandboxConfig(200));
        QVERIFY(server.start());
        Workflow::SchedulerSettings settings;
        settings.maxInFlight = 1;
        settings.pollIntervalMs = 30;
        auto e = engine(server, settings);
        const auto job = e->scheduler->addJob(spec(QStringLiteral("cancel"), chatFile(30), 10));
        QVERIFY(job.ok());
        const QString id = job.value().id;
        QTRY_COMPARE_WITH_TIMEOUT(partsOf(id)[0].state, JobPart::State::Submitted, 20000);
        QVERIFY(e->scheduler->cancelJob(id).ok());
        QCOMPARE(m_jobs->job(id)->state, Job::State::Canceled);
        QCOMPARE(partsOf(id)[1].state, JobPart::State::Canceled);
        QCOMPARE(partsOf(id)[2].state, JobPart::State::Canceled);
        QTRY_COMPARE_WITH_TIMEOUT(partsOf(id)[0].state, JobPart::State::Finished, 20000);
        // Cancelled, unless it finished on a loaded machine before the cancel arrived.
        QVERIFY2(partsOf(id)[0].batchStatus == QLatin1StringView("cancelled")
                     || partsOf(id)[0].batchStatus == QLatin1StringView("completed"),
                 qPrintable(partsOf(id)[0].batchStatus));
        QTest::qWait(200);
        QCOMPARE(serverBatches(e->client).size(), 1);
        QCOMPARE(e->scheduler->inFlight(), 0);
    }

    // An imported file of 150,000 requests (over the 50,000-line limit): three parts of one job whose results
    // join back in the order of the input file.
    void splitImportJoinsInInputOrder()
    {
        auto config = sandboxConfig(0);
        config.concurrency = 64;
        Sandbox::SandboxServer server(config);
        QVERIFY(server.start());
        Workflow::SchedulerSettings settings;
        settings.pollIntervalMs = 100;
        auto e = engine(server, settings);
        auto s = spec(QStringLiteral("big"), chatFile(150000), 0);
        QCOMPARE(s.parts.size(), 3);
        QCOMPARE(s.parts[1].firstLine, 50001);
        const auto job = e->scheduler->addJob(s);
        QVERIFY(job.ok());
        const QString id = job.value().id;
        QVERIFY(waitForJob(id, 240000));
        QStringList files;
        QByteArray all;
        for (const JobPart &p : partsOf(id)) {
            QCOMPARE(p.batchStatus, QStringLiteral("completed"));
            QCOMPARE(p.total, 50000);
            Api::RequestJob *get = e->client.retrieveBatch(p.batchId);
            get->setAutoDelete(false);
            QSignalSpy got(get, &Api::ApiJob::finished);
            get->start();
            QVERIFY(got.wait(20000));
            QSignalSpy downloaded(e->fetcher.get(), &Workflow::ResultsFetcher::downloaded);
            e->fetcher->fetch(get->batch());
            QVERIFY(downloaded.wait(60000));
            delete get;
            files << Results::verifiedResultFiles(e->fetcher->folderOf(p.batchId), p.batchId).value();
            QFile f(p.path);
            QVERIFY(f.open(QIODevice::ReadOnly));
            all += f.readAll();
        }
        const QString input = m_dir.filePath(QStringLiteral("big-input.jsonl"));
        QVERIFY(writeFile(input, all));
        const auto joined = Results::JoinedResults::open(input, files);
        QVERIFY(joined.ok());
        QCOMPARE(joined.value()->rowCount(), 150000);
        QCOMPARE(joined.value()->totals().count(Results::Outcome::Succeeded), 150000);
        for (qint64 i : {qint64(0), qint64(49999), qint64(50000), qint64(123456), qint64(149999)}) {
            const auto row = joined.value()->row(i);
            QCOMPARE(row.customId, QStringLiteral("req-%1").arg(i));
            QCOMPARE(row.responseText, QStringLiteral("hello %1").arg(i));
        }
    }
};

QTEST_GUILESS_MAIN(TestJobScheduler)
#include "tst_jobscheduler.moc"
