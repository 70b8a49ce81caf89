// The straggler fallback of a job (issue 15): a job on a Batch API account whose batches crawl is finished in
// real time on a "Run here" account — by hand (JobScheduler::finishInRealtime) and by its policy (at X %
// done) — over real HTTP against the sandbox (its batch API for the job, its real-time endpoint for the
// rest), with the real-time batches kept by Realtime::LocalBatches. The joined results hold every request
// once: the batch's answers and the real-time ones; no request that the batch answered is sent in real time.
#include "../e2e/e2e_util.h"
#include "api/apiclient.h"
#include "api/apijob.h"
#include "jsonl/splitter.h"
#include "realtime/localbatches.h"
#include "results/joinedresults.h"
#include "results/resultsdownload.h"
#include "sandbox/sandboxserver.h"
#include "store/accountstore.h"
#include "store/database.h"
#include "store/intentstore.h"
#include "store/jobstore.h"
#include "store/resultsstore.h"
#include "workflow/accountservice.h"
#include "workflow/jobscheduler.h"
#include "workflow/resultsfetcher.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace Batchdesk;
using Store::Job;
using Store::JobPart;
using Workflow::JobScheduler;

class TestRealtimeFallback : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QNetworkAccessManager m_nam;
    std::shared_ptr<Store::Database> m_db;
    std::unique_ptr<Store::AccountStore> m_accounts;
    std::unique_ptr<Store::IntentStore> m_intents;
    std::unique_ptr<Store::JobStore> m_jobs;
    std::unique_ptr<Store::ResultsStore> m_results;
    std::unique_ptr<Sandbox::SandboxServer> m_server;
    std::unique_ptr<Realtime::LocalBatches> m_local;
    Store::Account m_batchAccount;
    Store::Account m_runHere;

    struct Engine
    {
        explicit Engine(QNetworkAccessManager *nam)
            : client(nam)
        { }
        Api::ApiClient client;
        std::unique_ptr<Workflow::ResultsFetcher> fetcher;
        std::unique_ptr<JobScheduler> scheduler;
    };

    std::unique_ptr<Engine> engine()
    {
        auto e = std::make_unique<Engine>(&m_nam);
        Workflow::configureClient(&e->client, m_batchAccount);
        e->client.setApiKey(QStringLiteral("k"));
        e->client.setLocalBackend(m_local.get(), m_batchAccount.id);
        e->fetcher = std::make_unique<Workflow::ResultsFetcher>(
            &e->client, m_results.get(), m_batchAccount.id, QString::number(m_batchAccount.id));
        Workflow::SchedulerSettings settings;
        settings.pollIntervalMs = 100; // the scheduler polls its batches itself, as in the CLI
        e->scheduler =
            std::make_unique<JobScheduler>(&e->client, m_jobs.get(), m_intents.get(), e->fetcher.get(),
                                           Workflow::Scope {m_batchAccount.id, {}}, settings);
        return e;
    }

    Workflow::JobSpec spec(const QString &name, int lines, qint64 maxLines)
    {
        QByteArray content;
        for (int i = 0; i < lines; ++i) {
            const QByteArray id = name.toUtf8() + '-' + QByteArray::number(i);
            content += chatLine(id, id);
        }
        const QString path = m_dir.filePath(name + QStringLiteral(".jsonl"));
        if (!writeFile(path, content))
            return {};
        Workflow::JobSpec s;
        s.name = name;
        s.sourcePath = path;
        s.folder = m_dir.filePath(QStringLiteral("jobs/") + name);
        s.profile = QStringLiteral("openai");
        s.params.endpoint = QStringLiteral("/v1/chat/completions");
        Jsonl::SplitLimits limits;
        limits.maxLines = maxLines;
        const auto parts =
            Jsonl::splitJsonl(path, s.folder, name, Jsonl::LimitProfile::openai(), false, limits);
        if (parts.ok())
            s.parts = parts.value();
        return s;
    }

    bool waitFor(const std::function<bool()> &condition, int timeoutMs = 60000)
    {
        QElapsedTimer t;
        t.start();
        while (t.elapsed() < timeoutMs) {
            if (condition())
                return true;
            QTest::qWait(25);
        }
        return condition();
    }

    qint64 answeredByBatches(const QString &jobId)
    {
        qint64 n = 0;
        const QList<JobPart> parts = m_jobs->parts(jobId).value();
        for (const JobPart &p : parts) {
            if (p.round == 0)
                n += p.completed;
        }
        return n;
    }

    /** The job's joined results: round-0 inputs in order, every round's result files (later rounds win). */
    std::shared_ptr<const Results::JoinedResults> joined(Engine &e, const QString &jobId, const QString &name)
    {
        QStringList files;
        QByteArray all;
        const QList<JobPart> parts = m_jobs->parts(jobId).value();
        for (const JobPart &p : parts) {
            if (p.round == 0) {
                QFile f(p.path);
                if (f.open(QIODevice::ReadOnly))
                    all += f.readAll();
            }
            if (p.resultsFolder.isEmpty()) {
                Api::RequestJob *get = e.client.retrieveBatch(p.batchId);
                get->setAutoDelete(false);
                QSignalSpy got(get, &Api::ApiJob::finished);
                get->start();
                if (!got.wait(20000))
                    return nullptr;
                QSignalSpy downloaded(e.fetcher.get(), &Workflow::ResultsFetcher::downloaded);
                e.fetcher->fetch(get->batch());
                if (!downloaded.wait(20000))
                    return nullptr;
                delete get;
            }
            const auto verified = Results::verifiedResultFiles(e.fetcher->folderOf(p.batchId), p.batchId);
            if (verified.ok())
                files << verified.value();
        }
        const QString input = m_dir.filePath(name + QStringLiteral("-all.jsonl"));
        if (!writeFile(input, all))
            return nullptr;
        auto table = Results::JoinedResults::open(input, files);
        return table.ok() ? std::move(table.value()) : nullptr;
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        qputenv("BATCHDESK_DATA_DIR", m_dir.filePath(QStringLiteral("data")).toUtf8());
        auto db = Store::Database::open(m_dir.filePath(QStringLiteral("batchdesk.sqlite")));
        QVERIFY(db.ok());
        m_db = db.value();
        m_accounts = std::make_unique<Store::AccountStore>(m_db);
        m_intents = std::make_unique<Store::IntentStore>(m_db);
        m_jobs = std::make_unique<Store::JobStore>(m_db);
        m_results = std::make_unique<Store::ResultsStore>(m_db);

        // A batch API that crawls (one line every 300 ms) beside a quick real-time endpoint.
        Sandbox::SandboxConfig config;
        config.apiKey = QStringLiteral("k");
        config.latencyMs = 300;
        config.concurrency = 1;
        config.realtimeLatencyMs = 10;
        m_server = std::make_unique<Sandbox::SandboxServer>(config);
        QVERIFY(m_server->start());

        Store::Account batch;
        batch.name = QStringLiteral("batch api");
        batch.preset = Store::Preset::Custom;
        batch.baseUrl = QUrl(m_server->baseUrl());
        batch.keySource = Store::KeySource::None;
        auto added = m_accounts->add(batch);
        QVERIFY(added.ok());
        m_batchAccount = added.value();

        Store::Account rt;
        rt.name = QStringLiteral("run here");
        rt.preset = Store::Preset::Realtime;
        rt.baseUrl = QUrl(m_server->baseUrl());
        rt.keySource = Store::KeySource::None;
        Realtime::RunSettings settings;
        settings.limits.concurrency = 3;
        rt.runSettings = settings.toJson();
        added = m_accounts->add(rt);
        QVERIFY(added.ok());
        m_runHere = added.value();

        m_local = std::make_unique<Realtime::LocalBatches>(m_dir.filePath(QStringLiteral("realtime")));
        m_local->setResolver([this](qint64 accountId, auto done) {
            const auto account = m_accounts->byId(accountId);
            if (!account.ok())
                return done(account.error());
            done(Workflow::runnerFor(account.value(), QStringLiteral("k")));
        });
    }

    void init() { m_server->resetRealtimeStats(); }

    void finishTheRestInRealTimeByHand()
    {
        auto e = engine();
        const auto job = e->scheduler->addJob(spec(QStringLiteral("hand"), 24, 12));
        QVERIFY2(job.ok(), qPrintable(job.errorString()));
        const QString id = job.value().id;
        QVERIFY(waitFor([&] { return answeredByBatches(id) >= 2; }, 30000));

        QVERIFY(e->scheduler->finishInRealtime(id, m_runHere.id).ok());
        QVERIFY(waitFor([&] { return m_jobs->job(id)->state != Job::State::Active; }, 60000));
        const Job done = *m_jobs->job(id);
        QCOMPARE(done.state, Job::State::Finished);
        QVERIFY(done.realtimeRequested);
        QCOMPARE(done.realtimeAccountId, m_runHere.id);

        qint64 byBatch = 0;
        qint64 inRealtime = 0;
        const QList<JobPart> parts = m_jobs->parts(id).value();
        for (const JobPart &p : parts) {
            QCOMPARE(p.state, JobPart::State::Finished);
            if (p.round == 0) {
                QCOMPARE(p.runnerAccountId, 0);
                QCOMPARE(p.batchStatus, QStringLiteral("cancelled"));
                byBatch += p.completed;
            } else {
                QCOMPARE(p.round, 1);
                QCOMPARE(p.runnerAccountId, m_runHere.id);
                QVERIFY2(p.batchId.startsWith(QLatin1StringView("batch_rt_")), qPrintable(p.batchId));
                QCOMPARE(p.batchStatus, QStringLiteral("completed"));
                inRealtime += p.completed;
            }
        }
        QVERIFY(byBatch >= 2);
        QCOMPARE(byBatch + inRealtime, 24);

        // Only what had no result was sent in real time, once each.
        const auto stats = m_server->realtimeStats();
        QCOMPARE(stats.requests, inRealtime);
        const auto table = joined(*e, id, QStringLiteral("hand"));
        QVERIFY(table);
        QCOMPARE(table->rowCount(), 24);
        QCOMPARE(table->totals().count(Results::Outcome::Succeeded), 24);
        QSet<QString> sentInRealtime;
        for (const auto &hit : stats.hits)
            sentInRealtime.insert(hit.text);
        QCOMPARE(qint64(sentInRealtime.size()), inRealtime);
        // Each request was answered by the batch or by the real-time endpoint: never both, none left out.
        QSet<QString> answeredByBatch;
        const QList<JobPart> roundParts = m_jobs->parts(id).value();
        for (const JobPart &p : roundParts) {
            if (p.round != 0)
                continue;
            const auto files = Results::verifiedResultFiles(e->fetcher->folderOf(p.batchId), p.batchId);
            QVERIFY(files.ok());
            for (const QString &file : files.value()) {
                for (const QByteArray &line : readLines(file)) {
                    const QJsonObject o = QJsonDocument::fromJson(line).object();
                    if (o.value(QLatin1StringView("response"))
                            .toObject()
                            .value(QLatin1StringView("status_code"))
                            .toInt()
                        == 200)
                        answeredByBatch.insert(o.value(QLatin1StringView("custom_id")).toString());
                }
            }
        }
        QCOMPARE(qint64(answeredByBatch.size()), byBatch);
        QVERIFY(!answeredByBatch.intersects(sentInRealtime));
        for (qint64 i = 0; i < table->rowCount(); ++i) {
            const auto row = table->row(i);
            QCOMPARE(row.outcome, Results::Outcome::Succeeded);
            QVERIFY(answeredByBatch.contains(row.customId) != sentInRealtime.contains(row.customId));
        }
    }

    void thePolicyFinishesInRealTimeAtAShareDone()
    {
        auto e = engine();
        const auto job = e->scheduler->addJob(spec(QStringLiteral("policy"), 20, 20));
        QVERIFY(job.ok());
        const QString id = job.value().id;
        QVERIFY(e->scheduler->setRealtimePolicy(id, m_runHere.id, 0, 15).ok());
        QVERIFY(waitFor([&] { return m_jobs->job(id)->state != Job::State::Active; }, 60000));
        const Job done = *m_jobs->job(id);
        QCOMPARE(done.state, Job::State::Finished);
        QVERIFY(done.realtimeRequested); // switched by itself
        const qint64 byBatch = answeredByBatches(id);
        QVERIFY2(byBatch >= 3, qPrintable(QString::number(byBatch))); // 15 % of 20
        QVERIFY2(byBatch < 20, "the batch finished before the policy switched");
        QCOMPARE(m_server->realtimeStats().requests, 20 - byBatch);
        const auto table = joined(*e, id, QStringLiteral("policy"));
        QVERIFY(table);
        QCOMPARE(table->totals().count(Results::Outcome::Succeeded), 20);
    }

    void cleanupTestCase()
    {
        m_local.reset();
        m_server.reset();
    }
};

QTEST_GUILESS_MAIN(TestRealtimeFallback)
#include "tst_realtimefallback.moc"
