// The API client against the project's own sandbox server over loopback: the whole lifecycle, the failure
// states, pagination, and the fault knobs (retries honoured, no duplicate batch after a lost create reply).
#include "api/apiclient.h"
#include "api/apijob.h"
#include "e2e_util.h"
#include "sandbox/sandboxserver.h"

#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QSet>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace Batchdesk::Api;
using Batchdesk::Sandbox::SandboxConfig;
using Batchdesk::Sandbox::SandboxFaults;
using Batchdesk::Sandbox::SandboxServer;

class TestClientE2E : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::unique_ptr<SandboxServer> m_server;
    QNetworkAccessManager m_nam;
    std::unique_ptr<ApiClient> m_client;

    std::unique_ptr<SandboxServer> startServer(SandboxConfig config)
    {
        auto server = std::make_unique<SandboxServer>(config);
        QString error;
        if (!server->start(&error))
            qFatal("sandbox did not start: %s", qPrintable(error));
        return server;
    }

    std::unique_ptr<ApiClient> clientFor(const SandboxServer &server,
                                         const QString &key = QStringLiteral("test-key"))
    {
        auto client = std::make_unique<ApiClient>(&m_nam);
        client->setBaseUrl(QUrl(server.baseUrl()));
        client->setApiKey(key);
        client->setRandom([] { return 0.0; });
        return client;
    }

    // Runs a job to its end; the job stays alive for inspection.
    template<typename Job>
    std::unique_ptr<Job> run(Job *raw)
    {
        std::unique_ptr<Job> job(raw);
        job->setAutoDelete(false);
        QSignalSpy done(job.get(), &ApiJob::finished);
        job->start();
        if (!job->isFinished() && !done.wait(60'000))
            qFatal("job did not finish");
        return job;
    }

    QString upload(ApiClient &client, const QByteArray &content,
                   const QString &name = QStringLiteral("in.jsonl"))
    {
        const QString path = m_dir.filePath(name);
        writeFile(path, content);
        auto job = run(client.uploadFile(path));
        if (job->failed())
            qFatal("upload failed: %s", qPrintable(job->errorString()));
        return job->file().id;
    }

    Batch create(ApiClient &client, const QString &fileId,
                 const QString &endpoint = QStringLiteral("/v1/chat/completions"))
    {
        CreateBatchParams p;
        p.inputFileId = fileId;
        p.endpoint = endpoint;
        p.metadata.insert(QStringLiteral("description"), QStringLiteral("e2e"));
        auto job = run(client.createBatch(p));
        if (job->failed())
            qFatal("create failed: %s", qPrintable(job->errorString()));
        return job->batch();
    }

    Batch waitTerminal(ApiClient &client, const QString &id, int timeoutMs = 60'000)
    {
        QElapsedTimer t;
        t.start();
        while (t.elapsed() < timeoutMs) {
            auto job = run(client.retrieveBatch(id));
            if (job->failed())
                qFatal("retrieve failed: %s", qPrintable(job->errorString()));
            const Batch b = job->batch();
            if (b.isTerminal())
                return b;
            QTest::qWait(50);
        }
        qFatal("batch %s did not finish", qPrintable(id));
        return {};
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        SandboxConfig c;
        c.apiKey = QStringLiteral("test-key");
        c.latencyMs = 2;
        c.dataDir = m_dir.filePath(QStringLiteral("server"));
        m_server = startServer(c);
        m_client = clientFor(*m_server);
    }

    void fullLifecycle()
    {
        const QByteArray input = chatFile(30, 10); // lines 0, 10, 20 fail
        const QString fileId = upload(*m_client, input);
        CreateBatchParams p;
        p.inputFileId = fileId;
        p.endpoint = QStringLiteral("/v1/chat/completions");
        p.metadata.insert(QStringLiteral("description"), QStringLiteral("nightly eval"));
        p.outputExpiresAfterSeconds = 7200;
        auto createJob = run(m_client->createBatch(p));
        QVERIFY2(!createJob->failed(), qPrintable(createJob->errorString()));
        const Batch created = createJob->batch();
        QVERIFY(!created.id.isEmpty());
        QCOMPARE(created.metadata.value(QStringLiteral("description")), QStringLiteral("nightly eval"));
        QCOMPARE(created.metadata.value(QString(kClientIdKey)), createJob->clientId());
        QVERIFY(!createJob->reconciled());

        const Batch done = waitTerminal(*m_client, created.id);
        QCOMPARE(done.status(), Batch::Status::Completed);
        QVERIFY(done.requestCounts.has_value());
        QCOMPARE(done.requestCounts->total, 30);
        QCOMPARE(done.requestCounts->completed, 27);
        QCOMPARE(done.requestCounts->failed, 3);
        QVERIFY(done.completedAt.has_value() && done.inProgressAt.has_value()
                && done.finalizingAt.has_value());
        QVERIFY(done.usage.has_value() && done.usage->totalTokens > 0);
        QCOMPARE(done.model, QStringLiteral("sandbox/echo"));

        // Output and error files, streamed to disk.
        const QString out = m_dir.filePath(QStringLiteral("dl/out.jsonl"));
        const QString errors = m_dir.filePath(QStringLiteral("dl/err.jsonl"));
        auto outJob = run(m_client->downloadFileContent(done.outputFileId, out));
        QVERIFY2(!outJob->failed(), qPrintable(outJob->errorString()));
        auto errJob = run(m_client->downloadFileContent(done.errorFileId, errors));
        QVERIFY(!errJob->failed());
        const QList<QByteArray> outLines = readLines(out);
        const QList<QByteArray> errLines = readLines(errors);
        QCOMPARE(outLines.size(), 27);
        QCOMPARE(errLines.size(), 3);
        QSet<QString> ids;
        for (const auto &l : outLines) {
            const QJsonObject o = QJsonDocument::fromJson(l).object();
            ids.insert(o.value(QStringLiteral("custom_id")).toString());
            QCOMPARE(
                o.value(QStringLiteral("response")).toObject().value(QStringLiteral("status_code")).toInt(),
                200);
        }
        QCOMPARE(ids.size(), 27);
        QVERIFY(!ids.contains(QStringLiteral("req-10")));
        const QJsonObject failed = QJsonDocument::fromJson(errLines.first()).object();
        QVERIFY(
            failed.value(QStringLiteral("response")).toObject().value(QStringLiteral("status_code")).toInt()
            >= 400);

        // The output file is listed with its purpose and expiry.
        auto file = run(m_client->retrieveFile(done.outputFileId));
        QVERIFY(file->file().isOutput());
        QVERIFY(file->file().expiresAt.has_value());
    }

    void deepinfraPrefixWorks()
    {
        ApiClient client(&m_nam);
        client.setBaseUrl(QUrl(m_server->baseUrl() + QStringLiteral("/openai")));
        client.setApiKey(QStringLiteral("test-key"));
        auto job = run(client.listFiles());
        QVERIFY2(!job->failed(), qPrintable(job->errorString()));
    }

    void failedValidation()
    {
        const QString fileId =
            upload(*m_client, chatFile(3, 0, "acme/unknown-model"), QStringLiteral("bad.jsonl"));
        const Batch b = waitTerminal(*m_client, create(*m_client, fileId).id);
        QCOMPARE(b.status(), Batch::Status::Failed);
        QVERIFY(!b.errors.isEmpty());
        QVERIFY(b.failedAt.has_value());
        QVERIFY(b.outputFileId.isEmpty() && b.errorFileId.isEmpty());
    }

    void validationErrorsCarryLineNumbers()
    {
        QByteArray input = chatFile(2);
        input += chatLine("req-0", "duplicate id"); // line 3 repeats line 1's custom_id
        const QString fileId = upload(*m_client, input, QStringLiteral("dup.jsonl"));
        const Batch b = waitTerminal(*m_client, create(*m_client, fileId).id);
        QCOMPARE(b.status(), Batch::Status::Failed);
        bool found = false;
        for (const auto &e : b.errors)
            found = found || (e.line && *e.line == 3);
        QVERIFY(found);
    }

    void everyLineFailed()
    {
        const QString fileId = upload(*m_client, chatFile(4, 1), QStringLiteral("allfail.jsonl"));
        const Batch b = waitTerminal(*m_client, create(*m_client, fileId).id);
        QCOMPARE(b.status(), Batch::Status::Completed);
        QCOMPARE(b.requestCounts->failed, 4);
        QVERIFY(b.outputFileId.isEmpty()); // null: nothing succeeded
        QVERIFY(!b.errorFileId.isEmpty());
    }

    void cancel()
    {
        SandboxConfig c;
        c.latencyMs = 100;
        c.concurrency = 1;
        auto slow = startServer(c);
        auto client = clientFor(*slow, {});
        const QString fileId = upload(*client, chatFile(100), QStringLiteral("slow.jsonl"));
        const Batch created = create(*client, fileId);
        QTest::qWait(400);
        auto job = run(client->cancelBatch(created.id));
        QVERIFY2(!job->failed(), qPrintable(job->errorString()));
        const auto status = job->batch().status();
        QVERIFY(status == Batch::Status::Cancelling || status == Batch::Status::Cancelled);
        const Batch b = waitTerminal(*client, created.id);
        QCOMPARE(b.status(), Batch::Status::Cancelled);
        QVERIFY(b.cancellingAt.has_value() && b.cancelledAt.has_value());
        QVERIFY(b.requestCounts->completed < 100);
    }

    void expiry()
    {
        SandboxConfig c;
        c.latencyMs = 100;
        c.concurrency = 1;
        c.windowSeconds = 1;
        auto server = startServer(c);
        auto client = clientFor(*server, {});
        const QString fileId = upload(*client, chatFile(60), QStringLiteral("expire.jsonl"));
        const Batch b = waitTerminal(*client, create(*client, fileId).id);
        QCOMPARE(b.status(), Batch::Status::Expired);
        QVERIFY(b.expiredAt.has_value());
        QVERIFY(!b.errorFileId.isEmpty());
        const QString errors = m_dir.filePath(QStringLiteral("expired-errors.jsonl"));
        QVERIFY(!run(client->downloadFileContent(b.errorFileId, errors))->failed());
        const QList<QByteArray> lines = readLines(errors);
        QVERIFY(!lines.isEmpty());
        QVERIFY(lines.first().contains("batch_expired"));
    }

    void pagination()
    {
        SandboxConfig c;
        c.latencyMs = 1;
        auto server = startServer(c);
        auto client = clientFor(*server, {});
        const QString fileId = upload(*client, chatFile(1), QStringLiteral("one.jsonl"));
        QSet<QString> created;
        for (int i = 0; i < 5; ++i)
            created.insert(create(*client, fileId).id);
        auto list = run(client->listBatches(2));
        QVERIFY2(!list->failed(), qPrintable(list->errorString()));
        QCOMPARE(list->pages(), 3);
        QSet<QString> listed;
        for (const auto &b : list->batches())
            listed.insert(b.id);
        QCOMPARE(listed, created);
        QCOMPARE(list->items().size(), 5); // no duplicates across pages
        // Newest first.
        QVERIFY(list->batches().first().createdAt >= list->batches().last().createdAt);

        auto files = run(client->listFiles({}, 1));
        QVERIFY(!files->failed());
        QVERIFY(files->pages() >= 1);
    }

    void wrongKeyIsAClear401()
    {
        auto client = clientFor(*m_server, QStringLiteral("not-the-key"));
        auto job = run(client->listBatches());
        QVERIFY(job->failed());
        QCOMPARE(job->httpStatus(), 401);
        QCOMPARE(job->attempts(), 1); // 401 is not retried
        QVERIFY(job->errorString().startsWith(QLatin1StringView("HTTP 401")));
        QVERIFY(!job->errorString().contains(QLatin1StringView("not-the-key")));
        QVERIFY(!job->error().hint().isEmpty());
    }

    void rateLimitHonoursRetryAfter()
    {
        SandboxFaults f;
        f.rate429 = 1.0;
        f.retryAfterSeconds = 1;
        m_server->setFaults(f);
        std::unique_ptr<RequestJob> job(m_client->retrieveBatch(QStringLiteral("whatever")));
        job->setAutoDelete(false);
        QSignalSpy retrying(job.get(), &ApiJob::retrying);
        QSignalSpy done(job.get(), &ApiJob::finished);
        // After the first retry is announced, the server recovers.
        connect(job.get(), &ApiJob::retrying, this, [this] { m_server->setFaults({}); });
        QElapsedTimer t;
        t.start();
        job->start();
        QVERIFY(done.wait(20'000));
        QCOMPARE(retrying.count(), 1);
        QCOMPARE(retrying.first().at(1).toInt(), 1000); // the server's Retry-After, not the default backoff
        QVERIFY(t.elapsed() >= 900);
        QCOMPARE(job->attempts(), 2);
        QCOMPARE(job->httpStatus(), 404); // then the real answer: no such batch
    }

    void serverErrorsRetriedThenReported()
    {
        SandboxFaults f;
        f.rate500 = 1.0;
        m_server->setFaults(f);
        auto job = run(m_client->listFiles());
        m_server->setFaults({});
        QVERIFY(job->failed());
        QCOMPARE(job->attempts(), 3); // 2 retries by default
        QCOMPARE(job->httpStatus(), 500);
        QVERIFY(job->errorString().contains(QLatin1StringView("500")));
    }

    void droppedConnectionIsRetried()
    {
        SandboxFaults f;
        f.dropRate = 1.0;
        m_server->setFaults(f);
        std::unique_ptr<ListJob> job(m_client->listFiles());
        job->setAutoDelete(false);
        connect(job.get(), &ApiJob::retrying, this, [this] { m_server->setFaults({}); });
        QSignalSpy done(job.get(), &ApiJob::finished);
        job->start();
        QVERIFY(done.wait(20'000));
        QVERIFY2(!job->failed(), qPrintable(job->errorString()));
        QCOMPARE(job->attempts(), 2);
    }

    void lostCreateReplyIsReconciledNotDuplicated()
    {
        const QString fileId = upload(*m_client, chatFile(2), QStringLiteral("dropped.jsonl"));
        SandboxFaults f;
        f.dropRate = 1.0; // the server creates the batch, then closes the connection without a reply
        m_server->setFaults(f);
        CreateBatchParams p;
        p.inputFileId = fileId;
        p.endpoint = QStringLiteral("/v1/chat/completions");
        std::unique_ptr<CreateBatchJob> job(m_client->createBatch(p));
        job->setAutoDelete(false);
        QSignalSpy reconciling(job.get(), &CreateBatchJob::reconciling);
        QSignalSpy retrying(job.get(), &ApiJob::retrying);
        connect(job.get(), &CreateBatchJob::reconciling, this, [this] { m_server->setFaults({}); });
        QSignalSpy done(job.get(), &ApiJob::finished);
        job->start();
        QVERIFY(done.wait(30'000));
        QVERIFY2(!job->failed(), qPrintable(job->errorString()));
        QCOMPARE(reconciling.count(), 1);
        QCOMPARE(retrying.count(), 0); // never sent twice
        QVERIFY(job->reconciled());
        QCOMPARE(job->batch().metadata.value(QString(kClientIdKey)), job->clientId());

        auto list = run(m_client->listBatches());
        int withId = 0;
        for (const auto &b : list->batches())
            withId += b.metadata.value(QString(kClientIdKey)) == job->clientId();
        QCOMPARE(withId, 1);
    }

    void createRejectedBeforeSendingIsNotRetried()
    {
        SandboxFaults f;
        f.rate429 = 1.0;
        f.retryAfterSeconds = 0;
        m_server->setFaults(f);
        const QString before = QString::number(0);
        CreateBatchParams p;
        p.inputFileId = QStringLiteral("file-does-not-exist");
        p.endpoint = QStringLiteral("/v1/chat/completions");
        std::unique_ptr<CreateBatchJob> job(m_client->createBatch(p));
        job->setAutoDelete(false);
        connect(job.get(), &ApiJob::retrying, this, [this] { m_server->setFaults({}); });
        QSignalSpy done(job.get(), &ApiJob::finished);
        job->start();
        QVERIFY(done.wait(20'000));
        // 429 means "not processed": a plain resend is safe, and then the server's own answer (unknown file).
        QCOMPARE(job->attempts(), 2);
        QVERIFY(job->failed());
        QVERIFY(job->httpStatus() == 400 || job->httpStatus() == 404);
    }

    void failedDownloadLeavesNoFile()
    {
        const QString dest = m_dir.filePath(QStringLiteral("missing/out.jsonl"));
        auto job = run(m_client->downloadFileContent(QStringLiteral("file-nope"), dest));
        QVERIFY(job->failed());
        QCOMPARE(job->httpStatus(), 404);
        QVERIFY(!QFile::exists(dest));
    }

    void unreachableServer()
    {
        // A port that was free a moment ago: nothing listens there.
        quint16 port = 0;
        {
            QTcpServer probe;
            QVERIFY(probe.listen(QHostAddress::LocalHost));
            port = probe.serverPort();
        }
        ApiClient client(&m_nam);
        client.setBaseUrl(QUrl(QStringLiteral("http://127.0.0.1:%1/v1").arg(port)));
        RetryPolicy fast;
        fast.initialDelayMs = 10;
        client.setRetryPolicy(fast);
        auto job = run(client.listBatches());
        QVERIFY(job->failed());
        QCOMPARE(job->error().kind, ApiError::Kind::Network);
        QCOMPARE(job->attempts(), 3);
        QVERIFY(job->errorString().contains(QLatin1StringView("127.0.0.1")));
    }

    void serverStopsRightAfterStart()
    {
        // The desktop app starts a sandbox at launch; quitting at once must not hang.
        for (int i = 0; i < 20; ++i) {
            SandboxServer server;
            QVERIFY(server.start());
            server.stop();
            QVERIFY(!server.isRunning());
        }
    }

    void abortFinishesOnce()
    {
        std::unique_ptr<ListJob> job(m_client->listBatches());
        job->setAutoDelete(false);
        QSignalSpy done(job.get(), &ApiJob::finished);
        job->start();
        job->abort();
        job->abort();
        QCOMPARE(done.count(), 1);
        QCOMPARE(job->error().kind, ApiError::Kind::Canceled);
        QTest::qWait(100);
        QCOMPARE(done.count(), 1);
    }
};

QTEST_GUILESS_MAIN(TestClientE2E)
#include "tst_client_e2e.moc"
