// Realtime::LocalBatches: the batches a "Run here" account runs on this machine, with the Batch API's shapes,
// over real HTTP against the sandbox's real-time endpoint. A batch runs to its end and reads like a server's
// batch; two stores on one folder (the app and the CLI) never run the same batch twice and take over from
// each other without sending an answered request again; a cancel from the other one reaches the run; a key
// that cannot be read leaves the batch waiting with the reason; ids are never paths.

#include "api/types.h"
#include "realtime/localbatches.h"
#include "sandbox/sandboxserver.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace Batchdesk;
using namespace Batchdesk::Realtime;

namespace {

const QString kKey = QStringLiteral("lb-key");
constexpr qint64 kOwner = 11;
constexpr qint64 kRunner = 12;

QByteArray chatLine(const QString &id)
{
    const QJsonObject body {{QStringLiteral("model"), QStringLiteral("sandbox/echo")},
                            {QStringLiteral("messages"),
                             QJsonArray {QJsonObject {{QStringLiteral("role"), QStringLiteral("user")},
                                                      {QStringLiteral("content"), id}}}}};
    return QJsonDocument(QJsonObject {{QStringLiteral("custom_id"), id},
                                      {QStringLiteral("method"), QStringLiteral("POST")},
                                      {QStringLiteral("url"), QStringLiteral("/v1/chat/completions")},
                                      {QStringLiteral("body"), body}})
               .toJson(QJsonDocument::Compact)
        + '\n';
}

QStringList idsIn(const QString &path)
{
    QStringList ids;
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return ids;
    while (!f.atEnd()) {
        const QByteArray line = f.readLine().trimmed();
        if (!line.isEmpty())
            ids << QJsonDocument::fromJson(line).object().value(QLatin1StringView("custom_id")).toString();
    }
    return ids;
}

} // namespace

class TestLocalBatches : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<Sandbox::SandboxServer> m_server;
    QTemporaryDir m_dir;
    int m_stores = 0;

    std::unique_ptr<LocalBatches> store(const QString &root, bool keyReadable = true)
    {
        auto s = std::make_unique<LocalBatches>(root);
        s->setResolver([this, keyReadable](qint64 accountId, auto done) {
            if (accountId != kRunner)
                return done(Error {QStringLiteral("not_found"), QStringLiteral("no such account")});
            if (!keyReadable)
                return done(Error {QStringLiteral("key"), QStringLiteral("The keychain is locked.")});
            LocalBatches::Runner runner;
            runner.target.baseUrl = QUrl(m_server->baseUrl());
            runner.target.apiKey = kKey;
            runner.limits.concurrency = 2;
            done(runner);
        });
        return s;
    }

    QString input(int lines, const QString &tag)
    {
        const QString path = m_dir.filePath(tag + QStringLiteral(".jsonl"));
        QFile f(path);
        if (!f.open(QIODevice::WriteOnly))
            return {};
        for (int i = 0; i < lines; ++i)
            f.write(chatLine(QStringLiteral("%1-%2").arg(tag).arg(i)));
        return path;
    }

    Api::FileObject import(LocalBatches &s, const QString &path)
    {
        Api::FileObject file;
        bool done = false;
        s.importFile(path, kOwner, this, [&](Result<Api::FileObject> r) {
            done = true;
            if (r.ok())
                file = r.value();
        });
        QElapsedTimer t;
        t.start();
        while (!done && t.elapsed() < 10000)
            QTest::qWait(10);
        return file;
    }

    Api::Batch create(LocalBatches &s, const QString &fileId)
    {
        Api::CreateBatchParams params;
        params.inputFileId = fileId;
        params.endpoint = QStringLiteral("/v1/chat/completions");
        params.metadata.insert(QStringLiteral("description"), QStringLiteral("local run"));
        const auto created = s.create(params, kOwner, kRunner);
        return created.ok() ? created.value() : Api::Batch {};
    }

    bool waitForStatus(LocalBatches &s, const QString &id, const QString &status, int timeoutMs = 30000)
    {
        QElapsedTimer t;
        t.start();
        while (t.elapsed() < timeoutMs) {
            if (const auto b = s.batch(id); b && b->statusText == status)
                return true;
            QTest::qWait(25);
        }
        return false;
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        Sandbox::SandboxConfig config;
        config.apiKey = kKey;
        m_server = std::make_unique<Sandbox::SandboxServer>(config);
        QVERIFY(m_server->start());
    }

    void init()
    {
        m_server->setRealtimeLatencyMs(0);
        m_server->resetRealtimeStats();
    }

    void aBatchRunsToItsEndAndReadsLikeAServersBatch()
    {
        const QString root = m_dir.filePath(QStringLiteral("one"));
        auto s = store(root);
        const Api::FileObject file = import(*s, input(12, QStringLiteral("one")));
        QVERIFY(LocalBatches::isLocalId(file.id));
        QCOMPARE(file.purpose, QStringLiteral("batch"));
        QCOMPARE(file.filename, QStringLiteral("one.jsonl"));
        const Api::Batch created = create(*s, file.id);
        QVERIFY(created.id.startsWith(QLatin1StringView("batch_rt_")));
        QVERIFY(waitForStatus(*s, created.id, QStringLiteral("completed")));

        const Api::Batch b = *s->batch(created.id);
        // The object passes the checks a server's batch must pass.
        QString problem;
        QVERIFY2(Api::Batch::parse(b.raw, &problem), qPrintable(problem));
        QCOMPARE(b.requestCounts->total, 12);
        QCOMPARE(b.requestCounts->completed, 12);
        QCOMPARE(b.description(), QStringLiteral("local run"));
        QCOMPARE(b.model, QStringLiteral("sandbox/echo")); // read from the file when it was imported
        QVERIFY(b.completedAt.has_value());
        QVERIFY(b.expiresAt.has_value()); // 24h window
        QVERIFY(!b.outputFileId.isEmpty());
        QVERIFY(b.errorFileId.isEmpty());
        const auto output = s->file(b.outputFileId);
        QVERIFY(output);
        QCOMPARE(output->purpose, QStringLiteral("batch_output"));
        QStringList ids = idsIn(s->pathOf(b.outputFileId));
        QCOMPARE(ids.size(), 12);
        ids.removeDuplicates();
        QCOMPARE(ids.size(), 12);
        QCOMPARE(s->batches(kOwner).first().id, b.id);
        QVERIFY(s->batches(kRunner).isEmpty()); // listed for its owner only
        QStringList fileIds;
        for (const auto &f : s->files(kOwner))
            fileIds << f.id;
        QVERIFY(fileIds.contains(file.id));
        QVERIFY(fileIds.contains(b.outputFileId));
        // The input of a finished batch can go; the result files stay readable.
        QVERIFY(s->removeFile(file.id).ok());
        QVERIFY(!s->file(file.id));
    }

    void twoStoresOnOneFolderNeverRunABatchTwice()
    {
        // The app and a CLI on the same data folder: one runs, the other shows; when the first stops, the
        // other takes over, and no request is sent twice.
        m_server->setRealtimeLatencyMs(120);
        const QString root = m_dir.filePath(QStringLiteral("shared"));
        auto app = store(root);
        const Api::FileObject file = import(*app, input(20, QStringLiteral("shared")));
        const Api::Batch created = create(*app, file.id);
        QVERIFY(waitForStatus(*app, created.id, QStringLiteral("in_progress")));
        QTRY_VERIFY_WITH_TIMEOUT(app->batch(created.id)->requestCounts->completed >= 2, 10000);

        auto cli = store(root);
        QTest::qWait(300); // its resume() ran: the lock is the app's
        QCOMPARE(cli->running(), 0);
        QCOMPARE(cli->batch(created.id)->statusText, QStringLiteral("in_progress"));

        app->pauseAll(); // the app quits
        app.reset();
        const QStringList answered =
            idsIn(root + QStringLiteral("/batches/") + created.id + QStringLiteral("/output.jsonl"));
        QVERIFY(answered.size() >= 2);
        QVERIFY(answered.size() < 20);
        m_server->resetRealtimeStats();
        cli->resume();
        QVERIFY(waitForStatus(*cli, created.id, QStringLiteral("completed")));
        const auto stats = m_server->realtimeStats();
        for (const auto &hit : stats.hits)
            QVERIFY2(!answered.contains(hit.text), qPrintable(hit.text + QStringLiteral(" was sent again")));
        QCOMPARE(stats.requests, 20 - answered.size());
        QCOMPARE(cli->batch(created.id)->requestCounts->completed, 20);
    }

    void aCancelFromTheOtherStoreReachesTheRun()
    {
        m_server->setRealtimeLatencyMs(250); // 100 lines, two at a time: 12 s, far longer than a tick
        const QString root = m_dir.filePath(QStringLiteral("cancel"));
        auto app = store(root);
        const Api::FileObject file = import(*app, input(100, QStringLiteral("cancel")));
        const Api::Batch created = create(*app, file.id);
        QTRY_VERIFY_WITH_TIMEOUT(app->batch(created.id)->requestCounts->completed >= 2, 10000);
        auto cli = store(root);
        cli->setAutoRun(false);
        const auto cancelled = cli->cancel(created.id);
        QVERIFY(cancelled.ok());
        QCOMPARE(cancelled.value().statusText, QStringLiteral("cancelling"));
        // The running store sees the request at its next tick (every 5 s).
        QVERIFY(waitForStatus(*app, created.id, QStringLiteral("cancelled"), 20000));
        const Api::Batch b = *app->batch(created.id);
        QVERIFY(b.cancelledAt.has_value());
        QVERIFY(!b.errorFileId.isEmpty());
        const QStringList done = idsIn(app->pathOf(b.outputFileId));
        const QStringList rest = idsIn(app->pathOf(b.errorFileId));
        QCOMPARE(done.size() + rest.size(), 100);
        QVERIFY(done.size() < 100);
        QVERIFY(!app->cancel(created.id).ok()); // it has ended
    }

    void aKeyThatCannotBeReadLeavesTheBatchWaiting()
    {
        const QString root = m_dir.filePath(QStringLiteral("locked"));
        Api::Batch created;
        {
            auto locked = store(root, false);
            const Api::FileObject file = import(*locked, input(3, QStringLiteral("locked")));
            created = create(*locked, file.id);
            QTRY_VERIFY_WITH_TIMEOUT(!locked->batch(created.id)->errors.isEmpty(), 5000);
            const Api::Batch b = *locked->batch(created.id);
            QCOMPARE(b.statusText, QStringLiteral("validating"));
            QCOMPARE(b.errors.first().message, QStringLiteral("The keychain is locked."));
            QCOMPARE(m_server->realtimeStats().requests, 0);
        }
        auto unlocked = store(root);
        QVERIFY(waitForStatus(*unlocked, created.id, QStringLiteral("completed")));
        QVERIFY(unlocked->batch(created.id)->errors.isEmpty());
    }

    void idsAreNeverPaths()
    {
        const QString root = m_dir.filePath(QStringLiteral("ids"));
        auto s = store(root);
        for (const QString &id :
             {QStringLiteral("batch_rt_../../etc"), QStringLiteral("file-rt-0123456789abcdef01234567/../x"),
              QStringLiteral("batch_rt_0123456789ABCDEF01234567"), QStringLiteral("batch_abc"),
              QStringLiteral("file-rt-0123456789abcdef0123456-output")}) {
            QVERIFY2(!LocalBatches::isLocalId(id), qPrintable(id));
            QVERIFY(s->pathOf(id).isEmpty());
            QVERIFY(!s->batch(id));
            QVERIFY(!s->cancel(id).ok());
        }
        QVERIFY(LocalBatches::isLocalId(QStringLiteral("file-rt-0123456789abcdef01234567-errors")));
        Api::CreateBatchParams params;
        params.inputFileId = QStringLiteral("file-rt-0123456789abcdef01234567");
        params.endpoint = QStringLiteral("/v1/chat/completions");
        QVERIFY(!s->create(params, kOwner, kRunner).ok()); // no such input
    }
};

QTEST_GUILESS_MAIN(TestLocalBatches)
#include "tst_localbatches.moc"
