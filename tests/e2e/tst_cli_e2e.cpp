// batchdesk-cli against the sandbox server over loopback: the lifecycle commands, their exit codes and
// output.
#include "e2e_util.h"
#include "sandbox/sandboxserver.h"

#include <QDir>
#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
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

    void prepare(QProcess &p, QStringList &args, const QString &key, const QString &baseUrl)
    {
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("BATCHDESK_API_KEY"), key);
        env.insert(QStringLiteral("BATCHDESK_DATA_DIR"), m_dir.filePath(QStringLiteral("data")));
        p.setProcessEnvironment(env);
        if (!baseUrl.isEmpty())
            args << QStringLiteral("--base-url") << baseUrl;
    }

    // The CLI against another sandbox (slower, for queues and stops).
    Run cliAt(const SandboxServer &server, QStringList args)
    {
        QProcess p;
        prepare(p, args, QStringLiteral("cli-key"), server.baseUrl());
        p.start(QStringLiteral(BATCHDESK_CLI), args);
        if (!p.waitForFinished(120'000)) {
            p.kill();
            p.waitForFinished();
        }
        return {p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1, p.readAllStandardOutput(),
                p.readAllStandardError()};
    }

    static QJsonObject parseJson(const QByteArray &out) { return QJsonDocument::fromJson(out).object(); }

    // Batches of the sandbox that belong to a job, from its own list.
    QList<QJsonObject> jobBatches(const SandboxServer &server, const QString &job)
    {
        const Run r =
            cliAt(server, {QStringLiteral("batches"), QStringLiteral("list"), QStringLiteral("--json")});
        QList<QJsonObject> list;
        const QJsonDocument doc = QJsonDocument::fromJson(r.out);
        const QJsonArray items =
            doc.isArray() ? doc.array() : doc.object().value(QStringLiteral("data")).toArray();
        for (const auto &v : items) {
            const QJsonObject b = v.toObject();
            if (b.value(QStringLiteral("metadata"))
                    .toObject()
                    .value(QStringLiteral("batchdesk_job"))
                    .toString()
                == job)
                list << b;
        }
        return list;
    }

    static std::unique_ptr<SandboxServer> slowServer(QTemporaryDir &dir, const QString &name, int latencyMs)
    {
        SandboxConfig c;
        c.apiKey = QStringLiteral("cli-key");
        c.latencyMs = latencyMs;
        c.dataDir = dir.filePath(name);
        auto server = std::make_unique<SandboxServer>(c);
        if (!server->start())
            return nullptr;
        return server;
    }

    Run cli(QStringList args, const QString &key = QStringLiteral("cli-key"), bool baseUrl = true)
    {
        QProcess p;
        prepare(p, args, key, baseUrl ? m_server->baseUrl() : QString());
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

    // A queue under the limit: five parts, at most two batches at a time. Without --wait the command submits
    // what fits and says how to go on; `jobs resume --wait` submits the rest as slots free; `jobs list` and
    // `jobs show` tell the state; five batches in all, one per part.
    void jobQueueAndResume()
    {
        auto server = slowServer(m_dir, QStringLiteral("queue-server"), 150);
        QVERIFY(server);
        const QString file = input(QStringLiteral("queue.jsonl"), chatFile(50));
        const Run r =
            cliAt(*server,
                  {QStringLiteral("submit"), file, QStringLiteral("--max-lines"), QStringLiteral("10"),
                   QStringLiteral("--max-in-flight"), QStringLiteral("2"), QStringLiteral("--json")});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        const QString job = parseJson(r.out).value(QStringLiteral("job")).toString();
        const int submitted = int(parseJson(r.out).value(QStringLiteral("batches")).toArray().size());
        const int queued = parseJson(r.out).value(QStringLiteral("queued")).toInt();
        QCOMPARE(submitted + queued, 5);
        QVERIFY2(queued >= 1, r.out.constData());
        QVERIFY2(r.err.contains(QByteArray(QByteArray("jobs resume ") + job.toUtf8())), r.err.constData());

        const Run shown =
            cliAt(*server, {QStringLiteral("jobs"), QStringLiteral("show"), job, QStringLiteral("--json")});
        QCOMPARE(shown.exitCode, 0);
        QCOMPARE(parseJson(shown.out).value(QStringLiteral("parts")).toArray().size(), 5);
        QCOMPARE(parseJson(shown.out).value(QStringLiteral("parts_queued")).toInt(), queued);
        const Run listed = cliAt(*server, {QStringLiteral("jobs"), QStringLiteral("list")});
        QVERIFY2(listed.out.contains(job.toUtf8()) && listed.out.contains("queue.jsonl"),
                 listed.out.constData());

        const Run resumed =
            cliAt(*server,
                  {QStringLiteral("jobs"), QStringLiteral("resume"), job, QStringLiteral("--wait"),
                   QStringLiteral("--max-in-flight"), QStringLiteral("2"), QStringLiteral("--interval"),
                   QStringLiteral("0.1"), QStringLiteral("--json")});
        QVERIFY2(resumed.exitCode == 0, resumed.err.constData());
        QCOMPARE(parseJson(resumed.out).value(QStringLiteral("state")).toString(),
                 QStringLiteral("finished"));
        QCOMPARE(parseJson(resumed.out).value(QStringLiteral("batches")).toArray().size(), 5);
        const auto batches = jobBatches(*server, job);
        QCOMPARE(batches.size(), 5);
        QSet<QString> parts;
        for (const QJsonObject &b : batches)
            parts.insert(b.value(QStringLiteral("metadata"))
                             .toObject()
                             .value(QStringLiteral("batchdesk_part"))
                             .toString());
        QCOMPARE(parts.size(), 5);
    }

    // kill -9 in the middle of a job: `jobs resume` finishes it with exactly one batch per part.
    void killedSubmitResumesWithoutDuplicates()
    {
        auto server = slowServer(m_dir, QStringLiteral("kill-server"), 60);
        QVERIFY(server);
        const QString file = input(QStringLiteral("kill.jsonl"), chatFile(40));
        QProcess p;
        QStringList args {QStringLiteral("submit"),
                          file,
                          QStringLiteral("--max-lines"),
                          QStringLiteral("10"),
                          QStringLiteral("--max-in-flight"),
                          QStringLiteral("1"),
                          QStringLiteral("--wait"),
                          QStringLiteral("--interval"),
                          QStringLiteral("0.1")};
        prepare(p, args, QStringLiteral("cli-key"), server->baseUrl());
        p.start(QStringLiteral(BATCHDESK_CLI), args);
        QByteArray err;
        QElapsedTimer t;
        t.start();
        while (!err.contains("Part 2/4") && t.elapsed() < 60'000) {
            p.waitForReadyRead(100);
            err += p.readAllStandardError();
        }
        QVERIFY2(err.contains("Part 2/4"), err.constData());
        p.kill(); // no chance to clean up
        p.waitForFinished();
        const QRegularExpression jobRe(QStringLiteral("\\(job (job-[0-9a-f]{8})\\)"));
        const auto match = jobRe.match(QString::fromUtf8(err));
        QVERIFY2(match.hasMatch(), err.constData());
        const QString job = match.captured(1);
        QVERIFY(jobBatches(*server, job).size() >= 2);

        const Run resumed =
            cliAt(*server,
                  {QStringLiteral("jobs"), QStringLiteral("resume"), job, QStringLiteral("--wait"),
                   QStringLiteral("--interval"), QStringLiteral("0.1"), QStringLiteral("--json")});
        QVERIFY2(resumed.exitCode == 0, resumed.err.constData());
        const auto batches = jobBatches(*server, job);
        QCOMPARE(batches.size(), 4);
        QSet<QString> parts;
        for (const QJsonObject &b : batches)
            parts.insert(b.value(QStringLiteral("metadata"))
                             .toObject()
                             .value(QStringLiteral("batchdesk_part"))
                             .toString());
        QCOMPARE(parts,
                 (QSet<QString> {QStringLiteral("1/4"), QStringLiteral("2/4"), QStringLiteral("3/4"),
                                 QStringLiteral("4/4")}));
    }

    // Retry rounds as a job policy: [[flaky]] lines succeed when retried, the [[fail]] line never does; then
    // a manual `jobs retry --outcomes failed` adds one more round of the one that still fails.
    void retryRoundsThroughTheCli()
    {
        QByteArray content;
        for (int i = 0; i < 20; ++i) {
            QByteArray text = "hello " + QByteArray::number(i);
            if (i == 3)
                text = "always [[fail]] here";
            else if (i % 4 == 0)
                text = "cli flaky " + QByteArray::number(i) + " [[flaky]]";
            content += chatLine("r-" + QByteArray::number(i), text);
        }
        const QString file = input(QStringLiteral("retry.jsonl"), content);
        const Run r =
            cli({QStringLiteral("submit"), file, QStringLiteral("--max-lines"), QStringLiteral("10"),
                 QStringLiteral("--retry-rounds"), QStringLiteral("1"), QStringLiteral("--wait"),
                 QStringLiteral("--interval"), QStringLiteral("0.1"), QStringLiteral("--json")});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        const QString job = r.json().value(QStringLiteral("job")).toString();
        QCOMPARE(r.json().value(QStringLiteral("batches")).toArray().size(), 3); // 2 parts + 1 retry part
        const Run shown =
            cli({QStringLiteral("jobs"), QStringLiteral("show"), job, QStringLiteral("--json")});
        const QJsonArray parts = shown.json().value(QStringLiteral("parts")).toArray();
        QCOMPARE(parts.size(), 3);
        QCOMPARE(parts.at(2).toObject().value(QStringLiteral("round")).toInt(), 1);
        QCOMPARE(parts.at(2).toObject().value(QStringLiteral("lines")).toInt(), 6); // 5 flaky + 1 failing
        QVERIFY2(r.err.contains("Retry round 1, part 1/1"), r.err.constData());

        const Run again =
            cli({QStringLiteral("jobs"), QStringLiteral("retry"), job, QStringLiteral("--outcomes"),
                 QStringLiteral("failed"), QStringLiteral("--wait"), QStringLiteral("--interval"),
                 QStringLiteral("0.1"), QStringLiteral("--json")});
        QVERIFY2(again.exitCode == 0, again.err.constData());
        const Run after =
            cli({QStringLiteral("jobs"), QStringLiteral("show"), job, QStringLiteral("--json")});
        QCOMPARE(after.json().value(QStringLiteral("round")).toInt(), 2);
        const QJsonArray all = after.json().value(QStringLiteral("parts")).toArray();
        QCOMPARE(all.size(), 4);
        QCOMPARE(all.at(3).toObject().value(QStringLiteral("lines")).toInt(), 1);
        // The attempt history per request: the one that always fails was tried three times, a flaky one
        // twice.
        const Run history =
            cli({QStringLiteral("jobs"), QStringLiteral("show"), job, QStringLiteral("--request"),
                 QStringLiteral("r-3"), QStringLiteral("--json")});
        QVERIFY2(history.exitCode == 0, history.err.constData());
        const QJsonArray tries = history.json().value(QStringLiteral("attempts")).toArray();
        QCOMPARE(tries.size(), 3);
        for (int i = 0; i < 3; ++i) {
            QCOMPARE(tries.at(i).toObject().value(QStringLiteral("round")).toInt(), i);
            QCOMPARE(tries.at(i).toObject().value(QStringLiteral("outcome")).toString(),
                     QStringLiteral("failed"));
            QCOMPARE(tries.at(i).toObject().value(QStringLiteral("status_code")).toInt(), 500);
        }
        const Run flaky = cli({QStringLiteral("jobs"), QStringLiteral("show"), job,
                               QStringLiteral("--request"), QStringLiteral("r-4")});
        QVERIFY2(flaky.exitCode == 0, flaky.err.constData());
        const QList<QByteArray> rows = flaky.out.split('\n');
        QVERIFY2(rows.size() >= 4 && rows[0].contains("2 attempt") && rows[2].contains("failed")
                     && rows[3].contains("succeeded"),
                 flaky.out.constData());

        const Run bad = cli({QStringLiteral("jobs"), QStringLiteral("retry"), job,
                             QStringLiteral("--outcomes"), QStringLiteral("bogus")});
        QCOMPARE(bad.exitCode, 2);
        const Run missing =
            cli({QStringLiteral("jobs"), QStringLiteral("show"), QStringLiteral("job-00000000")});
        QCOMPARE(missing.exitCode, 1);
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

    void everyProviderThroughItsAccount_data()
    {
        QTest::addColumn<QString>("preset");
        for (const char *p :
             {"openai", "deepinfra", "groq", "together", "nebius", "azure", "anthropic", "mistral", "gemini"})
            QTest::newRow(p) << QString::fromLatin1(p);
    }

    // `accounts add --preset P` and then the same commands as for any account: submit --wait --download,
    // batches list, results export. The sandbox speaks P's dialect under its own prefix.
    void everyProviderThroughItsAccount()
    {
        QFETCH(QString, preset);
        const QString account = QStringLiteral("acct-") + preset;
        const Run added =
            cli({QStringLiteral("accounts"), QStringLiteral("add"), account, QStringLiteral("--preset"),
                 preset, QStringLiteral("--url"), m_server->baseUrlFor(preset), QStringLiteral("--key-env"),
                 QStringLiteral("BATCHDESK_API_KEY")},
                QStringLiteral("cli-key"), false);
        QVERIFY2(added.exitCode == 0, added.err.constData());
        QByteArray lines;
        for (int i = 0; i < 5; ++i)
            lines += "{\"custom_id\":\"p-" + QByteArray::number(i)
                + "\",\"method\":\"POST\",\"url\":\"/v1/chat/completions\",\"body\":{\"model\":"
                  "\"sandbox/echo\",\"max_tokens\":32,\"messages\":[{\"role\":\"user\",\"content\":\""
                + (i == 2 ? QByteArray("no [[fail]] luck") : "hello " + QByteArray::number(i)) + "\"}]}}\n";
        const QString file = input(preset + QStringLiteral("-provider.jsonl"), lines);
        const QString out = m_dir.filePath(preset + QStringLiteral("-provider-results"));
        const Run r = cli({QStringLiteral("--account"), account, QStringLiteral("submit"), file,
                           QStringLiteral("--wait"), QStringLiteral("--download"), out,
                           QStringLiteral("--interval"), QStringLiteral("0.1"), QStringLiteral("--json")},
                          QStringLiteral("cli-key"), false);
        QVERIFY2(r.exitCode == 0, r.err.constData());
        const QJsonObject batch = r.json();
        QCOMPARE(batch.value(QStringLiteral("status")).toString(), QStringLiteral("completed"));
        const QString id = batch.value(QStringLiteral("id")).toString();
        qsizetype resultLines = 0;
        for (const QString &f : QDir(out).entryList(QDir::Files))
            resultLines += readLines(QDir(out).filePath(f)).size();
        QCOMPARE(resultLines, 5);

        const Run list = cli({QStringLiteral("--account"), account, QStringLiteral("batches"),
                              QStringLiteral("list"), QStringLiteral("--json")},
                             QStringLiteral("cli-key"), false);
        QVERIFY2(list.exitCode == 0, list.err.constData());
        bool listed = false;
        for (const auto &v : list.json().value(QStringLiteral("data")).toArray())
            listed = listed || v.toObject().value(QStringLiteral("id")).toString() == id;
        QVERIFY(listed);

        const QString csv = m_dir.filePath(preset + QStringLiteral("-provider.csv"));
        const Run exported =
            cli({QStringLiteral("--account"), account, QStringLiteral("results"), QStringLiteral("export"),
                 id, QStringLiteral("--input"), file, QStringLiteral("--format"), QStringLiteral("csv"),
                 QStringLiteral("-o"), csv},
                QStringLiteral("cli-key"), false);
        QVERIFY2(exported.exitCode == 0, exported.err.constData());
        const QList<QByteArray> rows = readLines(csv);
        QCOMPARE(rows.size(), 6);
        QVERIFY(rows.at(1).contains("hello 0"));
        QVERIFY(rows.at(3).contains("failed"));
        // The other tests run without an account.
        const Run removed = cli({QStringLiteral("accounts"), QStringLiteral("remove"), account},
                                QStringLiteral("cli-key"), false);
        QVERIFY2(removed.exitCode == 0, removed.err.constData());
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

    // The budget cap: a file whose estimate is above it is refused before anything is uploaded; a job keeps
    // the cap and does not submit a retry round that would pass it (what it spent is priced from the usage
    // of its results).
    void budgetCapRefuses()
    {
        const Run before = cli({QStringLiteral("files"), QStringLiteral("list"), QStringLiteral("--json")});
        const qsizetype files = before.json().value(QStringLiteral("data")).toArray().size();
        const QString file = input(QStringLiteral("budget.jsonl"), chatFile(20, 4));
        const Run estimate = cli({QStringLiteral("validate"), QStringLiteral("--json"), file});
        const double cost = estimate.json().value(QStringLiteral("estimated_cost")).toDouble();
        QVERIFY2(cost > 0, estimate.out.constData()); // sandbox/echo has a (made-up) price in the snapshot

        const Run refused = cli({QStringLiteral("submit"), file, QStringLiteral("--budget"),
                                 QString::number(cost * 0.9, 'g', 10)});
        QCOMPARE(refused.exitCode, 1);
        QVERIFY2(refused.err.contains("above the budget") && refused.err.contains("Nothing was uploaded"),
                 refused.err.constData());
        const Run after = cli({QStringLiteral("files"), QStringLiteral("list"), QStringLiteral("--json")});
        QCOMPARE(after.json().value(QStringLiteral("data")).toArray().size(), files);
        QCOMPARE(
            cli({QStringLiteral("submit"), file, QStringLiteral("--budget"), QStringLiteral("0")}).exitCode,
            2);

        // Within the cap as a job of two parts with a retry round; the answers' output is not in the estimate
        // (no max_tokens: a warning says so), and at a steep output price what the first round spent leaves
        // too little for the retry round, which is not submitted.
        QVERIFY(QDir().mkpath(m_dir.filePath(QStringLiteral("data"))));
        QFile prices(m_dir.filePath(QStringLiteral("data/prices.json")));
        QVERIFY(prices.open(QIODevice::WriteOnly));
        prices.write(R"({"prices":[{"provider":"","model":"sandbox/echo","input":10,"output":100000,)"
                     R"("batch_discount_percent":50}]})");
        prices.close();
        const double steep = cli({QStringLiteral("validate"), QStringLiteral("--json"), file})
                                 .json()
                                 .value(QStringLiteral("estimated_cost"))
                                 .toDouble();
        QVERIFY(steep > cost);
        const Run job =
            cli({QStringLiteral("submit"), file, QStringLiteral("--max-lines"), QStringLiteral("10"),
                 QStringLiteral("--retry-rounds"), QStringLiteral("1"), QStringLiteral("--budget"),
                 QString::number(steep * 1.5, 'g', 10), QStringLiteral("--wait"),
                 QStringLiteral("--interval"), QStringLiteral("0.1"), QStringLiteral("--json")});
        QFile::remove(prices.fileName());
        QVERIFY2(job.err.contains("max_tokens"), job.err.constData());
        const QString jobId = job.json().value(QStringLiteral("job")).toString();
        QVERIFY2(!jobId.isEmpty(), job.out.constData());
        const Run shown =
            cli({QStringLiteral("jobs"), QStringLiteral("show"), jobId, QStringLiteral("--json")});
        QCOMPARE(shown.json().value(QStringLiteral("budget")).toDouble(), steep * 1.5);
        QCOMPARE(shown.json().value(QStringLiteral("estimated_cost")).toDouble(), steep);
        QCOMPARE(shown.json().value(QStringLiteral("state")).toString(), QStringLiteral("failed"));
        QVERIFY2(shown.json()
                     .value(QStringLiteral("error"))
                     .toString()
                     .contains(QStringLiteral("retry round 1 was not submitted")),
                 shown.out.constData());
        QCOMPARE(shown.json().value(QStringLiteral("parts")).toArray().size(), 2); // no round 1 part
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
