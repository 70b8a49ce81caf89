// batchdesk-cli against a deliberately misbehaving server: what each hostile answer now makes the CLI do
// (exit code, message, nothing written outside its folder, nothing raw on the terminal).
#include "../common/hostileserver.h"

#include <QDir>
#include <QDirIterator>
#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

namespace {
struct Run
{
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
    qint64 ms = 0;
};

const QByteArray kKey = "sk-cli-hostile-secret";

QByteArray listOf(const QList<QByteArray> &items, bool hasMore = false)
{
    return "{\"object\":\"list\",\"data\":[" + items.join(',')
        + "],\"has_more\":" + (hasMore ? "true" : "false") + "}";
}

QByteArray fileObject(const QByteArray &id)
{
    return "{\"id\":\"" + id
        + "\",\"object\":\"file\",\"bytes\":120,\"created_at\":1760000000,\"filename\":\"in.jsonl\","
          "\"purpose\":"
          "\"batch\"}";
}
} // namespace

class TestCliHostile : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;

    Run cli(const HostileServer &server, QStringList args)
    {
        QProcess p;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("BATCHDESK_API_KEY"), QString::fromUtf8(kKey));
        env.insert(QStringLiteral("BATCHDESK_DATA_DIR"), m_dir.filePath(QStringLiteral("data")));
        p.setProcessEnvironment(env);
        args << QStringLiteral("--base-url") << server.baseUrl();
        QElapsedTimer t;
        t.start();
        p.start(QStringLiteral(BATCHDESK_CLI), args);
        if (!p.waitForFinished(60'000)) {
            p.kill();
            p.waitForFinished();
        }
        return {p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1, p.readAllStandardOutput(),
                p.readAllStandardError(), t.elapsed()};
    }

    QString input()
    {
        const QString path = m_dir.filePath(QStringLiteral("in.jsonl"));
        QFile f(path);
        if (f.open(QIODevice::WriteOnly))
            f.write("{\"custom_id\":\"a\",\"method\":\"POST\",\"url\":\"/v1/chat/"
                    "completions\",\"body\":{\"model\":"
                    "\"m\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}}\n");
        return path;
    }

private slots:
    void initTestCase() { QVERIFY(m_dir.isValid()); }

    // 1. A batch id with "../" or an absolute path from the server never names a file: exit 1, the id named,
    //    nothing written anywhere.
    void serverIdsNeverBecomePaths_data()
    {
        QTest::addColumn<QByteArray>("id");
        QTest::newRow("traversal") << QByteArray("../../../../x/PWNED");
        QTest::newRow("absolute") << QByteArray("/abs/path/ABS");
    }
    void serverIdsNeverBecomePaths()
    {
        QFETCH(QByteArray, id);
        HostileServer server([id](const HostileRequest &r) {
            if (r.path.startsWith("/v1/files"))
                return HostileResponse::json(r.method == "POST" ? fileObject("file-in") : QByteArray("done"));
            return HostileResponse::json(
                hostileBatch(id, "\"completed\"", ",\"output_file_id\":\"file-out\",\"error_file_id\":null"));
        });
        QTemporaryDir work;
        const QString out = QDir(work.path()).filePath(QStringLiteral("a/b/c/d"));
        const Run r = cli(server,
                          {QStringLiteral("results"), QStringLiteral("download"), QStringLiteral("batch_1"),
                           QStringLiteral("-o"), out});
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains("invalid id") && r.err.contains(id), r.err.constData());
        const Run s =
            cli(server,
                {QStringLiteral("submit"), input(), QStringLiteral("--wait"), QStringLiteral("--download"),
                 out, QStringLiteral("--interval"), QStringLiteral("0.1")});
        QCOMPARE(s.exitCode, 1);
        QVERIFY2(s.err.contains("invalid id"), s.err.constData());
        QDirIterator it(work.path(), QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
        QVERIFY2(!it.hasNext(), qPrintable(it.hasNext() ? it.next() : QString()));
        QVERIFY(!QFile::exists(QStringLiteral("/x/PWNED"))
                && !QFile::exists(QStringLiteral("/abs/path/ABS")));
        for (const HostileRequest &req : server.requests())
            QVERIFY(!req.path.contains("/content")); // no file was even fetched
    }

    // 2. A redirect to another port: refused, the key stays home.
    void redirectKeepsTheKeyHome()
    {
        HostileServer victim([](const HostileRequest &) { return HostileResponse::json(listOf({})); });
        const QByteArray target = victim.baseUrl().toUtf8() + "/batches";
        HostileServer server(
            [target](const HostileRequest &) { return HostileResponse::redirect(302, target); });
        const Run r = cli(server, {QStringLiteral("batches"), QStringLiteral("list")});
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains("redirected") && r.err.contains(victim.origin().toUtf8()), r.err.constData());
        QVERIFY(!r.err.contains(kKey) && !r.out.contains(kKey));
        QCOMPARE(victim.requestCount(), 0);
    }

    // 4. Headers, then a byte every 100 ms: the call ends at its deadline with exit 1.
    void tricklingReplyTimesOut()
    {
        HostileServer server([](const HostileRequest &) {
            HostileResponse r = HostileResponse::json(hostileBatch("batch_1"));
            r.trickleMs = 100;
            return r;
        });
        const Run r = cli(server,
                          {QStringLiteral("batches"), QStringLiteral("get"), QStringLiteral("batch_1"),
                           QStringLiteral("--request-timeout"), QStringLiteral("1")});
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains("did not finish its answer within 1 s"), r.err.constData());
        QVERIFY2(r.ms < 20'000, qPrintable(QString::number(r.ms)));
    }

    // 5. has_more forever: --limit bounds the fetch (one request for five batches); without it the list stops
    //    at its cap with a warning.
    void endlessListIsBounded()
    {
        std::atomic<int> next {0};
        HostileServer server([&next](const HostileRequest &r) {
            const int limit = qMax(1, r.query.queryItemValue(QStringLiteral("limit")).toInt());
            QList<QByteArray> items;
            for (int i = 0; i < limit; ++i)
                items << hostileBatch("batch_" + QByteArray::number(next++));
            return HostileResponse::json(listOf(items, true));
        });
        const Run five = cli(server,
                             {QStringLiteral("batches"), QStringLiteral("list"), QStringLiteral("--limit"),
                              QStringLiteral("5"), QStringLiteral("--json")});
        QCOMPARE(five.exitCode, 0);
        QCOMPARE(server.requestCount(), 1);
        QCOMPARE(server.requests().first().query.queryItemValue(QStringLiteral("limit")),
                 QStringLiteral("5"));
        QCOMPARE(QJsonDocument::fromJson(five.out).object().value(QStringLiteral("data")).toArray().size(),
                 5);

        const Run all = cli(server, {QStringLiteral("batches"), QStringLiteral("list")});
        QCOMPARE(all.exitCode, 0);
        QVERIFY2(all.err.contains("Warning: The list was cut at 20000 items"), all.err.constData());
        QVERIFY(server.requestCount() <= 1 + 200);
    }

    // 6. Wrong types: an API error with exit 1, and `batches wait` does not poll forever.
    void wrongTypesExitOne()
    {
        HostileServer server(
            [](const HostileRequest &) { return HostileResponse::json(hostileBatch("batch_1", "42")); });
        const Run get =
            cli(server, {QStringLiteral("batches"), QStringLiteral("get"), QStringLiteral("batch_1")});
        QCOMPARE(get.exitCode, 1);
        QVERIFY2(get.err.contains("The server sent a batch without a valid status (42)."),
                 get.err.constData());
        QVERIFY(get.out.isEmpty());
        const Run wait = cli(server,
                             {QStringLiteral("batches"), QStringLiteral("wait"), QStringLiteral("batch_1"),
                              QStringLiteral("--interval"), QStringLiteral("0.1")});
        QCOMPARE(wait.exitCode, 1);
        QVERIFY(wait.ms < 20'000);

        HostileServer items([](const HostileRequest &) {
            return HostileResponse::json(listOf({"5", "null"}));
        });
        const Run list = cli(items, {QStringLiteral("batches"), QStringLiteral("list")});
        QCOMPARE(list.exitCode, 1);
        QVERIFY2(list.err.contains("Item 1"), list.err.constData());
    }

    // 7. Escape sequences in status, description and metadata are shown escaped, never sent to the terminal.
    void terminalEscapesAreNeutralised()
    {
        const QByteArray extra = ",\"metadata\":{\"description\":\"\\u001b]0;pwned\\u0007title\","
                                 "\"note\":\"ok\\rFAKE LINE\\u001b[2J\"}";
        HostileServer server([extra](const HostileRequest &r) {
            if (r.path == "/v1/batches")
                return HostileResponse::json(
                    listOf({hostileBatch("batch_1", "\"in_progress\\u001b[31m\"", extra)}));
            return HostileResponse::json(hostileBatch("batch_1", "\"in_progress\\u001b[31m\"", extra));
        });
        for (const QStringList &args :
             {QStringList {QStringLiteral("batches"), QStringLiteral("get"), QStringLiteral("batch_1")},
              QStringList {QStringLiteral("batches"), QStringLiteral("list")}}) {
            const Run r = cli(server, args);
            QCOMPARE(r.exitCode, 0);
            QVERIFY2(!r.out.contains('\x1b') && !r.out.contains('\r') && !r.out.contains('\x07'),
                     r.out.constData());
            QVERIFY2(r.out.contains("\\x1b]0;pwned\\x07title"), r.out.constData());
            QVERIFY(!r.err.contains('\x1b'));
        }
        const Run get =
            cli(server, {QStringLiteral("batches"), QStringLiteral("get"), QStringLiteral("batch_1")});
        QVERIFY2(get.out.contains("note=ok\\rFAKE LINE\\x1b[2J"), get.out.constData());
        // --json is JSON: the text is there, escaped by JSON itself.
        const Run json = cli(server,
                             {QStringLiteral("batches"), QStringLiteral("get"), QStringLiteral("batch_1"),
                              QStringLiteral("--json")});
        QCOMPARE(json.exitCode, 0);
        QVERIFY(!json.out.contains('\x1b'));
        QCOMPARE(QJsonDocument::fromJson(json.out)
                     .object()
                     .value(QStringLiteral("metadata"))
                     .toObject()
                     .value(QStringLiteral("description")),
                 QJsonValue(QStringLiteral("\x1b]0;pwned\x07title")));
    }

    // 10. A definite refusal of the create abandons the intent; the uploaded input is listed as an orphan
    //     (per base URL), and no longer once it is deleted.
    void refusedSubmissionLeavesAnOrphanListed()
    {
        std::atomic<bool> deleted {false};
        HostileServer server([&deleted](const HostileRequest &r) {
            if (r.method == "POST" && r.path == "/v1/files")
                return HostileResponse::json(fileObject("file-orphan1"));
            if (r.method == "POST" && r.path == "/v1/batches")
                return HostileResponse::json("{\"error\":{\"message\":\"Model not available for batch.\"}}",
                                             400);
            if (r.method == "DELETE") {
                deleted = true;
                return HostileResponse::json(
                    "{\"id\":\"file-orphan1\",\"object\":\"file\",\"deleted\":true}");
            }
            if (r.path == "/v1/files")
                return HostileResponse::json(deleted ? listOf({}) : listOf({fileObject("file-orphan1")}));
            return HostileResponse::json(listOf({}));
        });
        const Run submit = cli(server, {QStringLiteral("submit"), input()});
        QCOMPARE(submit.exitCode, 1);
        QVERIFY2(submit.err.contains("Model not available"), submit.err.constData());

        const Run orphans = cli(server,
                                {QStringLiteral("files"), QStringLiteral("list"), QStringLiteral("--orphans"),
                                 QStringLiteral("--json")});
        QVERIFY2(orphans.exitCode == 0, orphans.err.constData());
        const QJsonArray data =
            QJsonDocument::fromJson(orphans.out).object().value(QStringLiteral("data")).toArray();
        QCOMPARE(data.size(), 1);
        QCOMPARE(data.first().toObject().value(QStringLiteral("id")).toString(),
                 QStringLiteral("file-orphan1"));
        QCOMPARE(data.first().toObject().value(QStringLiteral("input_path")).toString(),
                 QFileInfo(input()).absoluteFilePath());

        // The next run does not try to reconcile the refused submission (it was abandoned, not left pending).
        const int before = server.requestCount();
        QCOMPARE(cli(server, {QStringLiteral("submit"), input()}).exitCode, 1);
        for (const HostileRequest &r : server.requests().mid(before))
            QVERIFY2(!(r.method == "GET" && r.path == "/v1/batches"), "reconciled an abandoned intent");

        QCOMPARE(
            cli(server, {QStringLiteral("files"), QStringLiteral("delete"), QStringLiteral("file-orphan1")})
                .exitCode,
            0);
        const Run none =
            cli(server, {QStringLiteral("files"), QStringLiteral("list"), QStringLiteral("--orphans")});
        QCOMPARE(none.exitCode, 0);
        QVERIFY2(none.out.contains("No uploaded input file is left without a batch."), none.out.constData());
    }
};

QTEST_GUILESS_MAIN(TestCliHostile)
#include "tst_cli_hostile.moc"
