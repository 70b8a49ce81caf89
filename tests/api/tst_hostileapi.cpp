// The API client against a deliberately misbehaving server (tests/common/hostileserver.h): the key never
// follows a redirect to another origin, a trickling answer meets a deadline, lists end, wrong types are
// errors and ids from a server never become request paths or file names unchecked.
#include "../common/hostileserver.h"
#include "api/apiclient.h"
#include "api/apijob.h"

#include <QElapsedTimer>
#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <atomic>
#include <memory>

using namespace Batchdesk::Api;

namespace {
const QString kKey = QStringLiteral("sk-hostile-test-secret");

// Runs a job to its end; false when it did not finish in time.
bool runJob(ApiJob *job, int timeoutMs = 20000)
{
    job->setAutoDelete(false);
    QSignalSpy finished(job, &ApiJob::finished);
    job->start();
    return finished.count() > 0 || finished.wait(timeoutMs);
}

bool anyRequestHasKey(const HostileServer &server)
{
    for (const HostileRequest &r : server.requests()) {
        if (r.header("authorization").contains(kKey.toUtf8()))
            return true;
    }
    return false;
}
} // namespace

class TestHostileApi : public QObject
{
    Q_OBJECT

private:
    QNetworkAccessManager m_nam;

    std::unique_ptr<ApiClient> clientFor(const HostileServer &server)
    {
        auto client = std::make_unique<ApiClient>(&m_nam);
        client->setBaseUrl(QUrl(server.baseUrl()));
        client->setApiKey(kKey);
        RetryPolicy policy;
        policy.maxRetries = 0;
        client->setRetryPolicy(policy);
        return client;
    }

private slots:
    // A 302/307 to another host or port: refused with a clear error; the other origin receives nothing, so
    // neither the key nor an upload's body reach it.
    void redirectToAnotherOriginIsRefused_data()
    {
        QTest::addColumn<QString>("victimHost");
        QTest::addColumn<int>("status");
        QTest::addColumn<QString>("call");
        QTest::newRow("another port, 302, list")
            << QStringLiteral("127.0.0.1") << 302 << QStringLiteral("list");
        QTest::newRow("127.0.0.2, 307, get") << QStringLiteral("127.0.0.2") << 307 << QStringLiteral("get");
        QTest::newRow("another port, 307, content")
            << QStringLiteral("127.0.0.1") << 307 << QStringLiteral("content");
        QTest::newRow("another port, 307, upload")
            << QStringLiteral("127.0.0.1") << 307 << QStringLiteral("upload");
    }
    void redirectToAnotherOriginIsRefused()
    {
        QFETCH(QString, victimHost);
        QFETCH(int, status);
        QFETCH(QString, call);
        HostileServer victim(
            [](const HostileRequest &) { return HostileResponse::json(hostileBatch("batch_v")); },
            QHostAddress(victimHost));
        QVERIFY(victim.isListening());
        const QByteArray target = victim.baseUrl().toUtf8();
        HostileServer server([&](const HostileRequest &r) {
            return HostileResponse::redirect(status, target + r.path.mid(3));
        });
        auto client = clientFor(server);
        QTemporaryDir dir;
        const QString upload = dir.filePath(QStringLiteral("in.jsonl"));
        {
            QFile f(upload);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write("{\"custom_id\":\"a\"}\n");
        }
        ApiJob *job = nullptr;
        if (call == QLatin1StringView("list"))
            job = client->listBatches();
        else if (call == QLatin1StringView("get"))
            job = client->retrieveBatch(QStringLiteral("batch_1"));
        else if (call == QLatin1StringView("content"))
            job = client->downloadFileContent(QStringLiteral("file-1"), dir.filePath(QStringLiteral("out")));
        else
            job = client->uploadFile(upload);
        std::unique_ptr<ApiJob> owner(job);
        QVERIFY(runJob(job));
        QVERIFY(job->failed());
        QVERIFY2(job->errorString().contains(QStringLiteral("redirected")), qPrintable(job->errorString()));
        QVERIFY2(job->errorString().contains(victim.origin()), qPrintable(job->errorString()));
        QVERIFY(!job->errorString().contains(kKey));
        QCOMPARE(server.requestCount(), 1);
        QCOMPARE(victim.requestCount(), 0);
        QVERIFY(!anyRequestHasKey(victim));
        QVERIFY(!QFile::exists(dir.filePath(QStringLiteral("out"))));
    }

    // A redirect within the same origin is followed, with the key.
    void sameOriginRedirectIsFollowed()
    {
        HostileServer server([](const HostileRequest &r) {
            if (r.path == "/v1/batches/batch_old")
                return HostileResponse::redirect(307, "/v1/batches/batch_new");
            return HostileResponse::json(hostileBatch("batch_new"));
        });
        auto client = clientFor(server);
        std::unique_ptr<RequestJob> job(client->retrieveBatch(QStringLiteral("batch_old")));
        QVERIFY(runJob(job.get()));
        QVERIFY2(!job->failed(), qPrintable(job->errorString()));
        QCOMPARE(job->batch().id, QStringLiteral("batch_new"));
        QCOMPARE(server.requestCount(), 2);
        QVERIFY(server.requests().at(1).header("authorization").contains(kKey.toUtf8()));
    }

    // Headers at once, then a byte every 100 ms: the inactivity timeout never fires, the total deadline does.
    void tricklingAnswerMeetsTheDeadline()
    {
        HostileServer server([](const HostileRequest &) {
            HostileResponse r = HostileResponse::json(hostileBatch("batch_1"));
            r.trickleMs = 100;
            return r;
        });
        auto client = clientFor(server);
        client->setRequestDeadlineMs(1500);
        std::unique_ptr<RequestJob> job(client->retrieveBatch(QStringLiteral("batch_1")));
        QElapsedTimer t;
        t.start();
        QVERIFY(runJob(job.get()));
        QVERIFY(job->failed());
        QCOMPARE(job->error().kind, ApiError::Kind::Timeout);
        QVERIFY2(job->errorString().contains(QStringLiteral("within 1 s")), qPrintable(job->errorString()));
        QVERIFY2(t.elapsed() < 6000, qPrintable(QString::number(t.elapsed())));
    }

    // A download that trickles is held to a minimum throughput; nothing is left under the final name.
    void tricklingDownloadIsStopped()
    {
        HostileServer server([](const HostileRequest &) {
            HostileResponse r;
            r.contentType = "application/octet-stream";
            r.body = QByteArray(4000, 'x');
            r.trickleMs = 50;
            return r;
        });
        auto client = clientFor(server);
        client->setMinimumThroughput(1000, 1000);
        QTemporaryDir dir;
        const QString out = dir.filePath(QStringLiteral("file.jsonl"));
        std::unique_ptr<FileContentJob> job(client->downloadFileContent(QStringLiteral("file-1"), out));
        QVERIFY(runJob(job.get()));
        QVERIFY(job->failed());
        QCOMPARE(job->error().kind, ApiError::Kind::Timeout);
        QVERIFY2(job->errorString().contains(QStringLiteral("too slow")), qPrintable(job->errorString()));
        QVERIFY(!QFile::exists(out));
    }

    // Retries stop when the job's time budget is spent, whatever the retry count allows.
    void retriesAreBoundedInTime()
    {
        HostileServer server([](const HostileRequest &) { return HostileResponse::json("{}", 503); });
        auto client = clientFor(server);
        RetryPolicy many;
        many.maxRetries = 1000;
        many.initialDelayMs = 100;
        many.maxDelayMs = 200;
        client->setRetryPolicy(many);
        client->setRetryBudgetMs(1500);
        std::unique_ptr<RequestJob> job(client->retrieveBatch(QStringLiteral("batch_1")));
        QElapsedTimer t;
        t.start();
        QVERIFY(runJob(job.get()));
        QVERIFY(job->failed());
        QCOMPARE(job->error().httpStatus, 503);
        QVERIFY(t.elapsed() < 5000);
        QVERIFY(server.requestCount() > 2 && server.requestCount() < 40);
    }

    // An answer larger than the JSON cap is refused before it is held in memory.
    void oversizedAnswerIsRefused()
    {
        HostileServer server([](const HostileRequest &) {
            return HostileResponse::json(hostileBatch("batch_1", "\"completed\"",
                                                      ",\"padding\":\"" + QByteArray(3 << 20, 'p') + "\""));
        });
        auto client = clientFor(server);
        client->setMaxJsonBytes(1 << 20);
        std::unique_ptr<RequestJob> job(client->retrieveBatch(QStringLiteral("batch_1")));
        QVERIFY(runJob(job.get()));
        QVERIFY(job->failed());
        QCOMPARE(job->error().kind, ApiError::Kind::InvalidResponse);
        QVERIFY2(job->errorString().contains(QStringLiteral("larger than 1 MB")),
                 qPrintable(job->errorString()));
    }

    // has_more forever with new ids: the list stops at its page cap with a warning; with an item cap (what
    // --limit asks for) it stops there, after one request.
    void endlessListStops()
    {
        std::atomic<int> next {0};
        HostileServer server([&](const HostileRequest &r) {
            const int limit = qMax(1, r.query.queryItemValue(QStringLiteral("limit")).toInt());
            QByteArray data;
            QByteArray last;
            for (int i = 0; i < qMin(limit, 3); ++i) {
                last = "batch_" + QByteArray::number(next++);
                data += (i ? "," : "") + hostileBatch(last);
            }
            return HostileResponse::json("{\"object\":\"list\",\"data\":[" + data
                                         + "],\"has_more\":true,\"last_id\":\"" + last + "\"}");
        });
        auto client = clientFor(server);
        std::unique_ptr<ListJob> all(client->listBatches(100));
        QVERIFY(runJob(all.get(), 60000));
        QVERIFY2(!all->failed(), qPrintable(all->errorString()));
        QVERIFY(all->truncated());
        QVERIFY2(all->warning().contains(QStringLiteral("200 pages")), qPrintable(all->warning()));
        QCOMPARE(server.requestCount(), ListJob::kDefaultMaxPages);
        QCOMPARE(all->items().size(), 3 * ListJob::kDefaultMaxPages);

        const int before = server.requestCount();
        std::unique_ptr<ListJob> five(client->listBatches(5, 0, 5));
        QVERIFY(runJob(five.get()));
        QCOMPARE(five->items().size(), 3 + 2);
        QCOMPARE(server.requestCount() - before, 2);
        QVERIFY(!five->truncated()); // the caller asked for five: no warning
    }

    // The same page again and again (a cursor that does not move): de-duplicated, and the list stops.
    void repeatedPageStops()
    {
        HostileServer server([](const HostileRequest &) {
            return HostileResponse::json("{\"data\":[" + hostileBatch("batch_a") + ","
                                         + hostileBatch("batch_b")
                                         + "],\"has_more\":true,\"last_id\":\"batch_b\"}");
        });
        auto client = clientFor(server);
        std::unique_ptr<ListJob> job(client->listBatches());
        QVERIFY(runJob(job.get()));
        QVERIFY(!job->failed());
        QCOMPARE(job->items().size(), 2);
        QVERIFY(job->truncated());
        QVERIFY(server.requestCount() <= 2);
    }

    // Wrong types are errors that say what is wrong, never blank values or a 1970 deadline.
    void wrongTypesAreErrors_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<bool>("list");
        QTest::addColumn<QString>("expected");
        QTest::newRow("status 42") << hostileBatch("batch_1", "42") << false
                                   << QStringLiteral("without a valid status");
        QTest::newRow("status null") << hostileBatch("batch_1", "null") << false
                                     << QStringLiteral("without a valid status");
        QTest::newRow("request_counts \"x\"")
            << QByteArray("{\"id\":\"batch_1\",\"status\":\"in_progress\",\"request_counts\":\"x\"}") << false
            << QStringLiteral("without a valid request_counts");
        QTest::newRow("counts.total -3")
            << QByteArray("{\"id\":\"batch_1\",\"status\":\"in_progress\",\"request_counts\":{\"total\":-3}}")
            << false << QStringLiteral("request_counts.total");
        QTest::newRow("created_at text")
            << hostileBatch("batch_1", "\"completed\"", ",\"created_at\":\"yesterday\"") << false
            << QStringLiteral("created_at");
        QTest::newRow("id traversal")
            << hostileBatch("../../../../tmp/x/PWNED") << false << QStringLiteral("invalid id");
        QTest::newRow("absolute id") << hostileBatch("/abs/path/ABS") << false
                                     << QStringLiteral("invalid id");
        QTest::newRow("output file traversal")
            << hostileBatch("batch_1", "\"completed\"", ",\"output_file_id\":\"../x\"") << false
            << QStringLiteral("invalid output_file_id");
        QTest::newRow("metadata number")
            << hostileBatch("batch_1", "\"completed\"", ",\"metadata\":{\"a\":5}") << false
            << QStringLiteral("metadata");
        QTest::newRow("not an object") << QByteArray("[1,2]") << false << QStringLiteral("JSON object");
        QTest::newRow("list item 5") << QByteArray("{\"data\":[5],\"has_more\":false}") << true
                                     << QStringLiteral("Item 1");
        QTest::newRow("list item null") << QByteArray("{\"data\":[" + hostileBatch("batch_1") + ",null]}")
                                        << true << QStringLiteral("Item 2");
    }
    void wrongTypesAreErrors()
    {
        QFETCH(QByteArray, body);
        QFETCH(bool, list);
        QFETCH(QString, expected);
        HostileServer server([body](const HostileRequest &) { return HostileResponse::json(body); });
        auto client = clientFor(server);
        std::unique_ptr<ApiJob> job(list ? static_cast<ApiJob *>(client->listBatches())
                                         : client->retrieveBatch(QStringLiteral("batch_1")));
        QVERIFY(runJob(job.get()));
        QVERIFY(job->failed());
        QCOMPARE(job->error().kind, ApiError::Kind::InvalidResponse);
        QVERIFY2(job->errorString().contains(expected), qPrintable(job->errorString()));
    }

    // An id that is not safe in a URL path is never sent.
    void unsafeIdsAreNeverSent()
    {
        HostileServer server(
            [](const HostileRequest &) { return HostileResponse::json(hostileBatch("batch_1")); });
        auto client = clientFor(server);
        for (const QString &id :
             {QStringLiteral("../files/file-1"), QStringLiteral("batch_1?x=y"), QStringLiteral(".."),
              QStringLiteral("a/b"), QStringLiteral("CON"), QString()}) {
            std::unique_ptr<RequestJob> job(client->cancelBatch(id));
            QVERIFY(runJob(job.get()));
            QVERIFY(job->failed());
            QCOMPARE(job->error().kind, ApiError::Kind::Local);
        }
        std::unique_ptr<RequestJob> del(client->deleteFile(QStringLiteral("../batches/batch_1")));
        QVERIFY(runJob(del.get()));
        QVERIFY(del->failed());
        QCOMPARE(server.requestCount(), 0);
        QVERIFY(isSafeServerId(QStringLiteral("batch_abc123")));
        QVERIFY(isSafeServerId(QStringLiteral("file-abc123")));
        QVERIFY(isSafeServerId(QStringLiteral("5f0c8b0e-8d2a-4f1e-9a4b-0c1d2e3f4a5b")));
    }
};

QTEST_GUILESS_MAIN(TestHostileApi)
#include "tst_hostileapi.moc"
