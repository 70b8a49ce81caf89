// batchdesk-cli against the sandbox server over loopback: the lifecycle commands, their exit codes and
// output.
#include "e2e_util.h"
#include "sandbox/sandboxserver.h"

#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using Batchdesk::Sandbox::SandboxConfig;
using Batchdesk::Sandbox::SandboxServer;

namespace {
struct Run
{
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
    QJsonObject json() const { return QJsonDocument::fromJson(out).object(); }
};
} // namespace

class TestCliE2E : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::unique_ptr<SandboxServer> m_server;

    Run cli(QStringList args, const QString &key = QStringLiteral("cli-key"), bool baseUrl = true)
    {
        QProcess p;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("BATCHDESK_API_KEY"), key);
        env.insert(QStringLiteral("BATCHDESK_DATA_DIR"), m_dir.filePath(QStringLiteral("data")));
        p.setProcessEnvironment(env);
        if (baseUrl)
            args << QStringLiteral("--base-url") << m_server->baseUrl();
        p.start(QStringLiteral(BATCHDESK_CLI), args);
        if (!p.waitForFinished(90'000)) {
            p.kill();
            p.waitForFinished();
        }
        return {p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1, p.readAllStandardOutput(),
                p.readAllStandardError()};
    }

    QString input(const QString &name, const QByteArray &content)
    {
        const QString path = m_dir.filePath(name);
        writeFile(path, content);
        return path;
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        SandboxConfig c;
        c.apiKey = QStringLiteral("cli-key");
        c.latencyMs = 2;
        c.dataDir = m_dir.filePath(QStringLiteral("server"));
        m_server = std::make_unique<SandboxServer>(c);
        QString error;
        QVERIFY2(m_server->start(&error), qPrintable(error));
    }

    // A file over the limits is split into parts and submitted as one job; --no-split refuses it as before.
    // 150,000 lines (DeepInfra: 50,000 a batch) -> three batches of one job, parts in input order.
    void oversizedImportIsSplitIntoOneJob()
    {
        QByteArray content;
        content.reserve(150'000 * 130);
        for (int i = 0; i < 150'000; ++i)
            content += chatLine("big-" + QByteArray::number(i), "x");
        const QString big = input(QStringLiteral("big.jsonl"), content);
        const Run refused = cli({QStringLiteral("submit"), big, QStringLiteral("--no-split")});
        QCOMPARE(refused.exitCode, 1);
        QVERIFY2(refused.err.contains("too_many_lines") && refused.err.contains("Without --no-split"),
                 refused.err.constData());

        const Run r = cli({QStringLiteral("submit"), big, QStringLiteral("--json")});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        const QJsonObject o = r.json();
        const QString job = o.value(QStringLiteral("job")).toString();
        QVERIFY(job.startsWith(QStringLiteral("job-")));
        const QJsonArray batches = o.value(QStringLiteral("batches")).toArray();
        QCOMPARE(batches.size(), 3);
        for (int i = 0; i < 3; ++i) {
            const QJsonObject meta = batches.at(i).toObject().value(QStringLiteral("metadata")).toObject();
            QCOMPARE(meta.value(QStringLiteral("batchdesk_job")).toString(), job);
            QCOMPARE(meta.value(QStringLiteral("batchdesk_part")).toString(),
                     QStringLiteral("%1/3").arg(i + 1));
        }
        QVERIFY2(r.err.contains("Split ") && r.err.contains("50000 requests from line 100001"),
                 r.err.constData());
        for (const auto &b : batches)
            cli({QStringLiteral("batches"), QStringLiteral("cancel"),
                 b.toObject().value(QStringLiteral("id")).toString()});
    }

    // Smaller parts on request; --wait and --download cover every part, results joined back in input order.
    void maxLinesSplitsAndDownloadsEveryPart()
    {
        const QString file = input(QStringLiteral("parts.jsonl"), chatFile(100, 25));
        const QString out = m_dir.filePath(QStringLiteral("parts-results"));
        const Run r = cli({QStringLiteral("submit"), file, QStringLiteral("--max-lines"),
                           QStringLiteral("40"), QStringLiteral("--download"), out,
                           QStringLiteral("--interval"), QStringLiteral("0.1"), QStringLiteral("--json")});
        QCOMPARE(r.exitCode, 0);
        const QJsonArray batches = r.json().value(QStringLiteral("batches")).toArray();
        QCOMPARE(batches.size(), 3);
        qint64 total = 0;
        QStringList ids;
        for (const auto &b : batches) {
            total += b.toObject()
                         .value(QStringLiteral("request_counts"))
                         .toObject()
                         .value(QStringLiteral("total"))
                         .toInteger();
            ids << b.toObject().value(QStringLiteral("id")).toString();
        }
        QCOMPARE(total, 100);
        // Output files of the three parts, error files of the first two (lines 0, 25, 50 and 75 fail).
        QCOMPARE(r.json().value(QStringLiteral("downloaded")).toArray().size(), 5);
        // Every request answered exactly once across the parts.
        QSet<QByteArray> answered;
        for (const QString &id : ids) {
            for (const QByteArray &line : readLines(QDir(out).filePath(id + QStringLiteral("_output.jsonl"))))
                answered.insert(QJsonDocument::fromJson(line)
                                    .object()
                                    .value(QStringLiteral("custom_id"))
                                    .toString()
                                    .toUtf8());
            for (const QByteArray &line :
                 readLines(QDir(out).filePath(id + QStringLiteral("_errors.jsonl")))) // may be absent
                answered.insert(QJsonDocument::fromJson(line)
                                    .object()
                                    .value(QStringLiteral("custom_id"))
                                    .toString()
                                    .toUtf8());
        }
        QCOMPARE(answered.size(), 100);
    }

    void submitWaitDownload()
    {
        const QString file = input(QStringLiteral("ok.jsonl"), chatFile(12, 6)); // 2 failing lines
        const QString out = m_dir.filePath(QStringLiteral("results"));
        const Run r =
            cli({QStringLiteral("submit"), file, QStringLiteral("--description"), QStringLiteral("cli run"),
                 QStringLiteral("--metadata"), QStringLiteral("team=eval"), QStringLiteral("--wait"),
                 QStringLiteral("--download"), out, QStringLiteral("--interval"), QStringLiteral("0.1"),
                 QStringLiteral("--json")});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        const QJsonObject batch = r.json();
        QCOMPARE(batch.value(QStringLiteral("status")).toString(), QStringLiteral("completed"));
        QCOMPARE(batch.value(QStringLiteral("metadata")).toObject().value(QStringLiteral("team")).toString(),
                 QStringLiteral("eval"));
        const QString id = batch.value(QStringLiteral("id")).toString();
        QCOMPARE(readLines(QDir(out).filePath(id + QStringLiteral("_output.jsonl"))).size(), 10);
        QCOMPARE(readLines(QDir(out).filePath(id + QStringLiteral("_errors.jsonl"))).size(), 2);
        QCOMPARE(batch.value(QStringLiteral("downloaded")).toArray().size(), 2);

        // The same batch through get / list / results download.
        const Run get = cli({QStringLiteral("batches"), QStringLiteral("get"), id});
        QCOMPARE(get.exitCode, 0);
        QVERIFY(get.out.contains("completed"));
        QVERIFY(get.out.contains("cli run"));
        QVERIFY(get.out.contains("12/12 (2 failed)"));
        const Run list = cli({QStringLiteral("batches"), QStringLiteral("list"), QStringLiteral("--json")});
        QCOMPARE(list.exitCode, 0);
        bool listed = false;
        for (const auto &v : list.json().value(QStringLiteral("data")).toArray())
            listed = listed || v.toObject().value(QStringLiteral("id")).toString() == id;
        QVERIFY(listed);
        const QString again = m_dir.filePath(QStringLiteral("again"));
        const Run dl =
            cli({QStringLiteral("results"), QStringLiteral("download"), id, QStringLiteral("-o"), again});
        QCOMPARE(dl.exitCode, 0);
        QCOMPARE(QDir(again).entryList(QDir::Files).size(), 2);
    }

    void invalidFileIsNeverUploaded()
    {
        const Run before = cli({QStringLiteral("files"), QStringLiteral("list"), QStringLiteral("--json")});
        QCOMPARE(before.exitCode, 0);
        const qsizetype files = before.json().value(QStringLiteral("data")).toArray().size();
        const QString file = input(QStringLiteral("bad.jsonl"), chatFile(2) + "{oops\n");
        const Run r = cli({QStringLiteral("submit"), file});
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains("bad.jsonl:3: error:"), r.err.constData());
        QVERIFY(r.err.contains("nothing was uploaded"));
        const Run after = cli({QStringLiteral("files"), QStringLiteral("list"), QStringLiteral("--json")});
        QCOMPARE(after.json().value(QStringLiteral("data")).toArray().size(), files);
    }

    void stepByStepAndCancel()
    {
        SandboxConfig c;
        c.latencyMs = 200;
        c.concurrency = 1;
        auto slow = std::make_unique<SandboxServer>(c);
        QVERIFY(slow->start());
        std::swap(slow, m_server);
        const QString file = input(QStringLiteral("slow.jsonl"), chatFile(50));
        const Run up =
            cli({QStringLiteral("files"), QStringLiteral("upload"), file, QStringLiteral("--json")});
        QVERIFY2(up.exitCode == 0, up.err.constData());
        const QString fileId = up.json().value(QStringLiteral("id")).toString();
        QCOMPARE(up.json().value(QStringLiteral("purpose")).toString(), QStringLiteral("batch"));
        const Run create =
            cli({QStringLiteral("batches"), QStringLiteral("create"), QStringLiteral("--input-file"), fileId,
                 QStringLiteral("--endpoint"), QStringLiteral("/v1/chat/completions"),
                 QStringLiteral("--output-expires"), QStringLiteral("3600"), QStringLiteral("--json")});
        QVERIFY2(create.exitCode == 0, create.err.constData());
        const QString id = create.json().value(QStringLiteral("id")).toString();
        const Run cancel =
            cli({QStringLiteral("batches"), QStringLiteral("cancel"), id, QStringLiteral("--json")});
        QCOMPARE(cancel.exitCode, 0);
        const QString status = cancel.json().value(QStringLiteral("status")).toString();
        QVERIFY2(status == QLatin1StringView("cancelling") || status == QLatin1StringView("cancelled"),
                 qPrintable(status));
        // wait: a cancelled batch is a failure for scripts.
        const Run wait = cli({QStringLiteral("batches"), QStringLiteral("wait"), id,
                              QStringLiteral("--interval"), QStringLiteral("0.1")});
        QCOMPARE(wait.exitCode, 1);
        QVERIFY(wait.out.contains("cancelled"));
        // files get / content / delete
        const Run get = cli({QStringLiteral("files"), QStringLiteral("get"), fileId});
        QCOMPARE(get.exitCode, 0);
        const QString copy = m_dir.filePath(QStringLiteral("copy.jsonl"));
        QCOMPARE(cli({QStringLiteral("files"), QStringLiteral("content"), fileId, QStringLiteral("-o"), copy})
                     .exitCode,
                 0);
        QCOMPARE(readLines(copy).size(), 50);
        QCOMPARE(cli({QStringLiteral("files"), QStringLiteral("delete"), fileId}).exitCode, 0);
        const Run gone = cli({QStringLiteral("files"), QStringLiteral("get"), fileId});
        QCOMPARE(gone.exitCode, 1);
        QVERIFY(gone.err.contains("404"));
        std::swap(slow, m_server);
    }

    void failedBatchExitsOne()
    {
        const QString file = input(QStringLiteral("unknown-model.jsonl"), chatFile(2, 0, "acme/nope"));
        const Run r = cli({QStringLiteral("submit"), file, QStringLiteral("--wait"),
                           QStringLiteral("--interval"), QStringLiteral("0.1")});
        QCOMPARE(r.exitCode, 1);
        QVERIFY(r.out.contains("failed"));
        QVERIFY(r.out.contains("error:"));
    }

    void apiErrorsExitOneWithMessage()
    {
        const Run wrongKey =
            cli({QStringLiteral("batches"), QStringLiteral("list")}, QStringLiteral("wrong"));
        QCOMPARE(wrongKey.exitCode, 1);
        QVERIFY(wrongKey.err.contains("HTTP 401"));
        QVERIFY(!wrongKey.err.contains("wrong\n"));
        const Run missing =
            cli({QStringLiteral("batches"), QStringLiteral("get"), QStringLiteral("batch_nope")});
        QCOMPARE(missing.exitCode, 1);
        QVERIFY(missing.err.contains("404"));
    }

    void usageErrorsExitTwo()
    {
        QCOMPARE(cli({QStringLiteral("batches"), QStringLiteral("create")}).exitCode, 2);
        QCOMPARE(cli({QStringLiteral("batches"), QStringLiteral("create"), QStringLiteral("--input-file"),
                      QStringLiteral("f"), QStringLiteral("--endpoint"), QStringLiteral("/v1/embeddings"),
                      QStringLiteral("--metadata"), QStringLiteral("novalue")})
                     .exitCode,
                 2);
        QCOMPARE(cli({QStringLiteral("files"), QStringLiteral("upload"),
                      m_dir.filePath(QStringLiteral("nope.jsonl"))})
                     .exitCode,
                 2);
        QCOMPARE(cli({QStringLiteral("batches"), QStringLiteral("frobnicate")}).exitCode, 2);
        const Run noAccount = cli({QStringLiteral("batches"), QStringLiteral("list")}, {}, false);
        QCOMPARE(noAccount.exitCode, 2);
        QVERIFY(noAccount.err.contains("accounts add"));
    }

    void accountWithoutKey()
    {
        // A sandbox account needs no key: add it, test it, use it by name, remove it.
        SandboxConfig c;
        c.latencyMs = 1;
        SandboxServer open(c);
        QVERIFY(open.start());
        const Run add = cli({QStringLiteral("accounts"), QStringLiteral("add"), QStringLiteral("local"),
                             QStringLiteral("--preset"), QStringLiteral("sandbox"), QStringLiteral("--url"),
                             open.baseUrl(), QStringLiteral("--no-key")},
                            {}, false);
        QVERIFY2(add.exitCode == 0, add.err.constData());
        const Run test =
            cli({QStringLiteral("accounts"), QStringLiteral("test"), QStringLiteral("local")}, {}, false);
        QVERIFY2(test.exitCode == 0, test.err.constData());
        QVERIFY(test.out.startsWith("OK"));
        const Run list = cli({QStringLiteral("--account"), QStringLiteral("local"), QStringLiteral("batches"),
                              QStringLiteral("list")},
                             {}, false);
        QCOMPARE(list.exitCode, 0);
        QCOMPARE(
            cli({QStringLiteral("accounts"), QStringLiteral("remove"), QStringLiteral("local")}, {}, false)
                .exitCode,
            0);
        QCOMPARE(cli({QStringLiteral("accounts"), QStringLiteral("test"), QStringLiteral("local")}, {}, false)
                     .exitCode,
                 2);
    }
};

QTEST_GUILESS_MAIN(TestCliE2E)
#include "tst_cli_e2e.moc"
