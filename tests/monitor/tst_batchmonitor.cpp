// BatchMonitor against the project's sandbox server over loopback HTTP: batched updates per round, polling
// that stops when everything is terminal, refreshNow(), one list call instead of N retrieves, backoff on
// errors and Retry-After, recovery, and the cache written after each round.
#include "../e2e/e2e_util.h"
#include "api/apiclient.h"
#include "api/apijob.h"
#include "countingnam.h"
#include "monitor/batchmonitor.h"
#include "sandbox/sandboxserver.h"
#include "store/accountstore.h"
#include "store/batchcache.h"

#include <QElapsedTimer>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace Batchdesk;
using namespace Batchdesk::Api;
using Monitor::BatchMonitor;
using Monitor::MonitorSettings;
using Sandbox::SandboxConfig;
using Sandbox::SandboxFaults;
using Sandbox::SandboxServer;

class TestBatchMonitor : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    CountingNam m_nam;
    // Fast server: batches finish within a fraction of a second.
    std::unique_ptr<SandboxServer> m_fast;
    // Slow server: batches stay active for the whole test (many lines, one at a time, 3 s each).
    std::unique_ptr<SandboxServer> m_slow;
    QList<Batch> m_slowBatches;

    static std::unique_ptr<SandboxServer> startServer(const SandboxConfig &config)
    {
        auto server = std::make_unique<SandboxServer>(config);
        QString error;
        if (!server->start(&error))
            qFatal("sandbox did not start: %s", qPrintable(error));
        return server;
    }

    std::unique_ptr<ApiClient> clientFor(const SandboxServer &server, int maxRetries = 0)
    {
        auto client = std::make_unique<ApiClient>(&m_nam);
        client->setBaseUrl(QUrl(server.baseUrl()));
        client->setApiKey(QStringLiteral("k"));
        client->setRandom([] { return 0.0; });
        RetryPolicy policy;
        policy.maxRetries = maxRetries;
        client->setRetryPolicy(policy);
        return client;
    }

    template<typename Job>
    std::unique_ptr<Job> run(Job *raw)
    {
        std::unique_ptr<Job> job(raw);
        job->setAutoDelete(false);
        QSignalSpy done(job.get(), &ApiJob::finished);
        job->start();
        if (!job->isFinished() && !done.wait(30'000))
            qFatal("job did not finish");
        return job;
    }

    QList<Batch> createBatches(ApiClient &client, int count, const QByteArray &content, const QString &tag)
    {
        const QString path = m_dir.filePath(tag + QStringLiteral(".jsonl"));
        writeFile(path, content);
        auto upload = run(client.uploadFile(path));
        if (upload->failed())
            qFatal("upload failed: %s", qPrintable(upload->errorString()));
        QList<Batch> out;
        for (int i = 0; i < count; ++i) {
            CreateBatchParams p;
            p.inputFileId = upload->file().id;
            p.endpoint = QStringLiteral("/v1/chat/completions");
            p.metadata.insert(QStringLiteral("description"), tag + QString::number(i));
            auto job = run(client.createBatch(p));
            if (job->failed())
                qFatal("create failed: %s", qPrintable(job->errorString()));
            out.append(job->batch());
        }
        return out;
    }

    static MonitorSettings quickSettings()
    {
        MonitorSettings s;
        s.fastIntervalMs = 40;
        s.slowIntervalMs = 200;
        s.errorInitialMs = 150;
        s.errorMaxMs = 600;
        s.listThreshold = 4;
        return s;
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        SandboxConfig fast;
        fast.latencyMs = 15;
        fast.concurrency = 2;
        fast.dataDir = m_dir.filePath(QStringLiteral("fast"));
        m_fast = startServer(fast);

        SandboxConfig slow;
        slow.latencyMs = 3000;
        slow.concurrency = 1;
        slow.dataDir = m_dir.filePath(QStringLiteral("slow"));
        m_slow = startServer(slow);
        auto client = clientFor(*m_slow, 2);
        m_slowBatches = createBatches(*client, 8, chatFile(200), QStringLiteral("slow"));
    }

    // A failed check must not leave faults behind for the next test.
    void cleanup() { m_slow->setFaults({}); }

    // Three batches (one with failing lines) run to completion; every round reports at most one update, the
    // finished ones are announced once each, the cache ends up with the final states, and polling stops.
    void progressesToCompletedWithBatchedUpdates()
    {
        auto client = clientFor(*m_fast);
        const QList<Batch> created = createBatches(*client, 2, chatFile(20), QStringLiteral("ok"))
            + createBatches(*client, 1, chatFile(20, 5), QStringLiteral("failing"));

        auto db = Store::Database::open(m_dir.filePath(QStringLiteral("cache.sqlite")));
        QVERIFY2(db.ok(), qPrintable(db.errorString()));
        Store::AccountStore accounts(db.value());
        Store::Account account;
        account.name = QStringLiteral("sandbox");
        account.preset = Store::Preset::Sandbox;
        account.baseUrl = QUrl(m_fast->baseUrl());
        auto added = accounts.add(account);
        QVERIFY2(added.ok(), qPrintable(added.errorString()));
        Store::BatchCache cache(db.value());

        BatchMonitor monitor(client.get());
        monitor.setSettings(quickSettings());
        monitor.setCache(&cache, added.value().id);
        int round = 0;
        QList<int> updateRounds;
        QSet<QString> finishedIds;
        QHash<QString, Batch> latest;
        connect(&monitor, &BatchMonitor::roundStarted, this, [&] { ++round; });
        connect(&monitor, &BatchMonitor::batchesUpdated, this, [&](const QList<Batch> &changed) {
            QVERIFY(!changed.isEmpty());
            updateRounds.append(round);
            for (const Batch &b : changed)
                latest.insert(b.id, b);
        });
        connect(&monitor, &BatchMonitor::batchFinished, this, [&](const Batch &b) {
            QVERIFY2(!finishedIds.contains(b.id), "a batch was announced as finished twice");
            QVERIFY(b.isTerminal());
            finishedIds.insert(b.id);
        });
        for (const Batch &b : created)
            monitor.track(b);
        QCOMPARE(monitor.activeCount(), 3);
        QVERIFY(!monitor.isPollScheduled()); // nothing before start()
        monitor.start();

        QTRY_COMPARE_WITH_TIMEOUT(finishedIds.size(), 3, 20'000);
        QVERIFY(!updateRounds.isEmpty());
        for (int i = 1; i < updateRounds.size(); ++i)
            QVERIFY2(updateRounds.at(i) != updateRounds.at(i - 1), "two updates in one round");
        QCOMPARE(monitor.activeCount(), 0);

        const Batch ok = latest.value(created.at(0).id);
        QCOMPARE(ok.status(), Batch::Status::Completed);
        QCOMPARE(ok.requestCounts->completed, 20);
        const Batch failing = latest.value(created.at(2).id);
        QCOMPARE(failing.status(), Batch::Status::Completed);
        QCOMPARE(failing.requestCounts->failed, 4); // lines 0, 5, 10, 15
        QVERIFY(monitor.history(created.at(0).id).size() >= 2); // progress samples for the chart
        QCOMPARE(monitor.eta(created.at(0).id).state, Monitor::Eta::State::Done);

        // Polling stops once everything is terminal.
        QTRY_VERIFY(!monitor.isRoundRunning());
        QVERIFY(!monitor.isPollScheduled());
        QCOMPARE(monitor.nextPollInMs(), -1);
        const int requests = m_nam.total;
        QTest::qWait(400);
        QCOMPARE(m_nam.total, requests);
        QVERIFY(monitor.lastRefresh().isValid());

        // The cache holds the final states, parsed back from the stored JSON.
        const auto cached = cache.load(added.value().id);
        QVERIFY(cached.ok());
        QCOMPARE(cached.value().size(), 3);
        for (const Batch &b : cached.value()) {
            QCOMPARE(b.status(), Batch::Status::Completed);
            QCOMPARE(b.raw, latest.value(b.id).raw);
        }

        // A fresh monitor seeded from the cache knows them all and has nothing to poll.
        BatchMonitor seeded(client.get());
        seeded.setCache(&cache, added.value().id);
        QCOMPARE(seeded.loadFromCache().size(), 3);
        QCOMPARE(seeded.activeCount(), 0);
        QCOMPARE(seeded.batches().size(), 3);
    }

    // With more active batches than the threshold, one list call per round; with few, retrieves.
    void manyActiveUseOneListCall()
    {
        auto client = clientFor(*m_slow);
        BatchMonitor monitor(client.get());
        MonitorSettings s = quickSettings();
        s.slowIntervalMs = 40; // a steady pace, counts do not move at this latency
        monitor.setSettings(s);
        for (const Batch &b : m_slowBatches)
            monitor.track(b);
        QSignalSpy rounds(&monitor, &BatchMonitor::roundFinished);
        m_nam.reset();
        monitor.start();
        QTRY_VERIFY_WITH_TIMEOUT(rounds.size() >= 5, 10'000);
        monitor.stop();
        QCOMPARE(monitor.activeCount(), 8);
        QCOMPARE(m_nam.retrieves, 0);
        QVERIFY2(
            m_nam.lists >= rounds.size() && m_nam.lists <= rounds.size() + 1,
            qPrintable(QStringLiteral("%1 list calls for %2 rounds").arg(m_nam.lists).arg(rounds.size())));
        QCOMPARE(monitor.stats().retrieveCalls, 0);

        // Two active batches: one retrieve each per round, no list.
        BatchMonitor few(client.get());
        few.setSettings(s);
        few.track(m_slowBatches.at(0));
        few.track(m_slowBatches.at(1));
        QSignalSpy fewRounds(&few, &BatchMonitor::roundFinished);
        m_nam.reset();
        few.start();
        QTRY_VERIFY_WITH_TIMEOUT(fewRounds.size() >= 2, 10'000);
        few.stop();
        QCOMPARE(m_nam.lists, 0);
        QVERIFY(m_nam.retrieves >= 2 * fewRounds.size());
    }

    // refreshNow() starts a round at once, and calls during a round coalesce into exactly one more.
    void refreshNowIsImmediateAndCoalesced()
    {
        auto client = clientFor(*m_slow);
        BatchMonitor monitor(client.get());
        MonitorSettings s = quickSettings();
        s.fastIntervalMs = 60'000;
        s.slowIntervalMs = 60'000;
        monitor.setSettings(s);
        monitor.track(m_slowBatches.at(0));
        QSignalSpy started(&monitor, &BatchMonitor::roundStarted);
        QSignalSpy finished(&monitor, &BatchMonitor::roundFinished);
        monitor.start();
        QTRY_COMPARE(finished.size(), 1);
        QVERIFY(monitor.nextPollInMs() > 50'000);

        QElapsedTimer t;
        t.start();
        monitor.refreshNow();
        QTRY_COMPARE(started.size(), 2);
        QVERIFY(t.elapsed() < 1000);
        QVERIFY(monitor.isRoundRunning());
        monitor.refreshNow();
        monitor.refreshNow();
        monitor.refreshNow();
        QTRY_COMPARE(finished.size(), 3);
        QTest::qWait(200);
        QCOMPARE(started.size(), 3); // three calls during one round: one more round
        QVERIFY(monitor.nextPollInMs() > 50'000);
    }

    // Server errors: roundFailed, a growing backoff, then recovered() and the fast interval when it is back.
    void errorsBackOffThenRecover()
    {
        auto client = clientFor(*m_slow);
        BatchMonitor monitor(client.get());
        monitor.setSettings(quickSettings());
        monitor.track(m_slowBatches.at(0));
        QSignalSpy failed(&monitor, &BatchMonitor::roundFailed);
        QSignalSpy recovered(&monitor, &BatchMonitor::recovered);
        QSignalSpy intervals(&monitor, &BatchMonitor::intervalChanged);

        SandboxFaults faults;
        faults.rate500 = 1.0;
        m_slow->setFaults(faults);
        monitor.start();
        QTRY_COMPARE_WITH_TIMEOUT(failed.size(), 1, 5000);
        QCOMPARE(failed.at(0).at(0).value<ApiError>().httpStatus, 500);
        QCOMPARE(monitor.currentIntervalMs(), 150);
        QCOMPARE(monitor.consecutiveFailures(), 1);
        QTRY_COMPARE_WITH_TIMEOUT(failed.size(), 2, 5000);
        QCOMPARE(monitor.currentIntervalMs(), 300); // doubled
        QCOMPARE(recovered.size(), 0);

        m_slow->setFaults({});
        QTRY_COMPARE_WITH_TIMEOUT(recovered.size(), 1, 5000);
        QCOMPARE(monitor.consecutiveFailures(), 0);
        QCOMPARE(monitor.currentIntervalMs(), 40);
        QVERIFY(!intervals.isEmpty());
    }

    // A 429 with Retry-After: the next round waits at least that long, longer than the error backoff.
    void honoursRetryAfter()
    {
        auto client = clientFor(*m_slow);
        BatchMonitor monitor(client.get());
        monitor.setSettings(quickSettings());
        monitor.track(m_slowBatches.at(0));
        QSignalSpy failed(&monitor, &BatchMonitor::roundFailed);
        QSignalSpy recovered(&monitor, &BatchMonitor::recovered);

        SandboxFaults faults;
        faults.rate429 = 1.0;
        faults.retryAfterSeconds = 1;
        m_slow->setFaults(faults);
        monitor.start();
        QTRY_COMPARE_WITH_TIMEOUT(failed.size(), 1, 5000);
        QElapsedTimer sinceFailure;
        sinceFailure.start();
        QCOMPARE(failed.at(0).at(0).value<ApiError>().httpStatus, 429);
        QTRY_VERIFY(monitor.isPollScheduled());
        QVERIFY2(monitor.nextPollInMs() > 700, qPrintable(QString::number(monitor.nextPollInMs())));
        // A user refresh does not jump the server's queue either.
        monitor.refreshNow();
        QVERIFY(monitor.nextPollInMs() > 600);

        m_slow->setFaults({});
        QTRY_COMPARE_WITH_TIMEOUT(recovered.size(), 1, 5000);
        QVERIFY(sinceFailure.elapsed() >= 800);
        QCOMPARE(failed.size(), 1);
    }

    // A batch known only by id is retrieved; a new active batch wakes an idle monitor.
    void trackByIdWakesIdleMonitor()
    {
        auto client = clientFor(*m_slow);
        BatchMonitor monitor(client.get());
        monitor.setSettings(quickSettings());
        monitor.start();
        QVERIFY(!monitor.isPollScheduled());
        QSignalSpy updated(&monitor, &BatchMonitor::batchesUpdated);
        monitor.track(m_slowBatches.at(3).id);
        QTRY_COMPARE(updated.size(), 1);
        const auto changed = updated.at(0).at(0).value<QList<Batch>>();
        QCOMPARE(changed.size(), 1);
        QCOMPARE(changed.at(0).description(), QStringLiteral("slow3"));
        QVERIFY(monitor.batch(m_slowBatches.at(3).id).has_value());
        monitor.stop();
        QVERIFY(!monitor.isPollScheduled());
    }

    // A full reload lists every page and picks up batches created elsewhere.
    void reloadAllFindsEveryBatch()
    {
        auto client = clientFor(*m_slow);
        BatchMonitor monitor(client.get());
        monitor.setSettings(quickSettings());
        QSignalSpy updated(&monitor, &BatchMonitor::batchesUpdated);
        // Stopping from a slot is allowed and cancels the next round that was already armed.
        connect(&monitor, &BatchMonitor::batchesUpdated, &monitor, &BatchMonitor::stop);
        monitor.reloadAll(); // before start(): remembered, start() begins with it
        QCOMPARE(updated.size(), 0);
        monitor.start();
        QTRY_COMPARE(updated.size(), 1);
        QCOMPARE(updated.at(0).at(0).value<QList<Batch>>().size(), m_slowBatches.size());
        QCOMPARE(monitor.activeCount(), m_slowBatches.size());
        QVERIFY(!monitor.isPollScheduled());
        QTest::qWait(100);
        QCOMPARE(monitor.stats().listCalls, 1);
        QCOMPARE(updated.size(), 1);
    }
};

QTEST_GUILESS_MAIN(TestBatchMonitor)
#include "tst_batchmonitor.moc"
