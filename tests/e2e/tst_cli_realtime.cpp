// batchdesk-cli with "Run here" accounts and the straggler fallback (issue 15), as a separate process with
// its own data directory against the sandbox in this process over loopback HTTP: a batch submitted to a Run
// here account runs in the CLI while it waits and ends like any batch (Batch API output, batches list,
// request counts, the endpoint's concurrency limit observed at the server); a job on a slow Batch API account
// is finished in real time by its policy and by hand, each request answered once (by its batch or in real
// time, never both); and the usage errors of the new options.
#include "e2e_util.h"
#include "sandbox/sandboxserver.h"

#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLoggingCategory>
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
    QByteArray all() const { return out + err; }
};

// Chat lines whose message text is their custom_id (the sandbox's real-time hits record the text).
QByteArray idLines(const QByteArray &prefix, int count)
{
    QByteArray out;
    for (int i = 0; i < count; ++i) {
        const QByteArray id = prefix + QByteArray::number(i);
        out += chatLine(id, id);
    }
    return out;
}

// custom_id → the result lines of the files in dir whose name ends with suffix.
QHash<QString, QList<QJsonObject>> resultsIn(const QString &dir, const QString &suffix)
{
    QHash<QString, QList<QJsonObject>> out;
    const QStringList files = QDir(dir).entryList({QStringLiteral("*") + suffix}, QDir::Files);
    for (const QString &name : files) {
        for (const QByteArray &line : readLines(QDir(dir).filePath(name))) {
            const QJsonObject o = QJsonDocument::fromJson(line).object();
            out[o.value(QLatin1StringView("custom_id")).toString()] << o;
        }
    }
    return out;
}

} // namespace

class TestCliRealtime : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::unique_ptr<SandboxServer> m_server;

    Run cli(const QStringList &args, int timeoutMs = 60'000)
    {
        QProcess p;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("K"), QStringLiteral("sandbox-key"));
        env.insert(QStringLiteral("BATCHDESK_DATA_DIR"), m_dir.filePath(QStringLiteral("data")));
        env.remove(QStringLiteral("BATCHDESK_API_KEY"));
        p.setProcessEnvironment(env);
        p.setProgram(QStringLiteral(BATCHDESK_CLI));
        p.setArguments(args);
        p.start();
        if (!p.waitForFinished(timeoutMs)) {
            p.kill();
            p.waitForFinished();
        }
        Run r {p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1, p.readAllStandardOutput(),
               p.readAllStandardError()};
        if (r.exitCode != 0)
            qInfo().noquote() << args.join(u' ') << "->" << r.exitCode << r.err.left(2000);
        return r;
    }

    QString input(const QString &name, const QByteArray &content)
    {
        const QString path = m_dir.filePath(name);
        writeFile(path, content);
        return path;
    }

    QJsonObject jobJson(const QString &jobId)
    {
        const Run r = cli({QStringLiteral("jobs"), QStringLiteral("show"), jobId, QStringLiteral("--account"),
                           QStringLiteral("slow"), QStringLiteral("--json")});
        return r.exitCode == 0 ? r.json() : QJsonObject();
    }

    // Requests the batches of round 0 answered, and the batch ids of every part.
    static qint64 answeredByBatches(const QJsonObject &job, QStringList *batchIds)
    {
        qint64 n = 0;
        for (const QJsonValue &v : job.value(QLatin1StringView("parts")).toArray()) {
            const QJsonObject part = v.toObject();
            batchIds->append(part.value(QLatin1StringView("batch_id")).toString());
            if (part.value(QLatin1StringView("round")).toInt() == 0)
                n += part.value(QLatin1StringView("request_counts"))
                         .toObject()
                         .value(QLatin1StringView("completed"))
                         .toInteger();
        }
        return n;
    }

    // What the sandbox answered in real time since the last reset: the texts (= custom_ids) it saw.
    QSet<QString> sentInRealtime() const
    {
        QSet<QString> ids;
        for (const auto &hit : m_server->realtimeStats().hits)
            ids.insert(hit.text);
        return ids;
    }

    // The job went to the end: every part finished, the round-0 batches stopped by the switch, the rest run
    // on "rt"; each request answered once, by its batch or in real time; the joined export all succeeded.
    void verifyFinishedInRealtime(const QString &jobId, const QString &file, const QString &downloadDir,
                                  int total)
    {
        const QJsonObject job = jobJson(jobId);
        QCOMPARE(job.value(QLatin1StringView("state")).toString(), QStringLiteral("finished"));
        QCOMPARE(job.value(QLatin1StringView("realtime_requested")).toBool(), true);
        QCOMPARE(job.value(QLatin1StringView("realtime_account")).toString(), QStringLiteral("rt"));
        QStringList batches;
        const qint64 byBatch = answeredByBatches(job, &batches);
        int realtimeParts = 0;
        for (const QJsonValue &v : job.value(QLatin1StringView("parts")).toArray()) {
            const QJsonObject part = v.toObject();
            const QJsonValue runner = part.value(QLatin1StringView("runner_account"));
            if (part.value(QLatin1StringView("round")).toInt() == 0) {
                QVERIFY(runner.isNull());
                QVERIFY(!part.value(QLatin1StringView("batch_id")).toString().startsWith(u"batch_rt_"));
            } else {
                QCOMPARE(runner.toString(), QStringLiteral("rt"));
                QVERIFY(part.value(QLatin1StringView("batch_id")).toString().startsWith(u"batch_rt_"));
                QCOMPARE(part.value(QLatin1StringView("batch_status")).toString(),
                         QStringLiteral("completed"));
                ++realtimeParts;
            }
        }
        QVERIFY(realtimeParts >= 1);
        QVERIFY2(byBatch > 0 && byBatch < total, qPrintable(QString::number(byBatch)));

        // Only the requests the batches did not answer went to the real-time endpoint, once each.
        const QSet<QString> realtime = sentInRealtime();
        QCOMPARE(m_server->realtimeStats().requests, total - byBatch);
        QCOMPARE(qint64(realtime.size()), total - byBatch);
        if (!downloadDir.isEmpty()) {
            const auto outputs = resultsIn(downloadDir, QStringLiteral("_output.jsonl"));
            QCOMPARE(outputs.size(), total);
            qint64 answeredInBatch = 0;
            for (auto it = outputs.cbegin(); it != outputs.cend(); ++it) {
                QCOMPARE(it.value().size(), 1);
                const bool inRealtime = realtime.contains(it.key());
                answeredInBatch += inRealtime ? 0 : 1;
                QCOMPARE(it.value()
                             .first()
                             .value(QLatin1StringView("response"))
                             .toObject()
                             .value(QLatin1StringView("status_code"))
                             .toInt(),
                         200);
            }
            QCOMPARE(answeredInBatch, byBatch);
        }

        // The joined results of all the job's batches: every request succeeded.
        const QString exported = m_dir.filePath(jobId + QStringLiteral("-export.jsonl"));
        const Run r = cli(QStringList {QStringLiteral("results"), QStringLiteral("export")} + batches
                          + QStringList {QStringLiteral("--input"), file, QStringLiteral("--format"),
                                         QStringLiteral("jsonl"), QStringLiteral("-o"), exported,
                                         QStringLiteral("--account"), QStringLiteral("slow"),
                                         QStringLiteral("--json")});
        QCOMPARE(r.exitCode, 0);
        const QJsonObject outcomes = r.json().value(QLatin1StringView("outcomes")).toObject();
        QCOMPARE(outcomes.value(QLatin1StringView("succeeded")).toInt(), total);
        QCOMPARE(r.json().value(QLatin1StringView("rows")).toInt(), total);
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        QLoggingCategory::setFilterRules(QStringLiteral("batchdesk.*.info=false"));
        // A batch API that crawls (each batch one line at a time, 300 ms a line) beside a real-time endpoint.
        SandboxConfig config;
        config.apiKey = QStringLiteral("sandbox-key");
        config.latencyMs = 300;
        config.concurrency = 1;
        config.realtimeLatencyMs = 40;
        config.dataDir = m_dir.filePath(QStringLiteral("sandbox"));
        m_server = std::make_unique<SandboxServer>(config);
        QVERIFY(m_server->start());

        const QString v1 = m_server->baseUrl();
        QCOMPARE(cli({QStringLiteral("accounts"), QStringLiteral("add"), QStringLiteral("rt"),
                      QStringLiteral("--preset"), QStringLiteral("realtime"), QStringLiteral("--url"), v1,
                      QStringLiteral("--key-env"), QStringLiteral("K"), QStringLiteral("--concurrency"),
                      QStringLiteral("3")})
                     .exitCode,
                 0);
        QCOMPARE(cli({QStringLiteral("accounts"), QStringLiteral("add"), QStringLiteral("slow"),
                      QStringLiteral("--preset"), QStringLiteral("custom"), QStringLiteral("--url"), v1,
                      QStringLiteral("--key-env"), QStringLiteral("K")})
                     .exitCode,
                 0);
    }

    void init() { m_server->resetRealtimeStats(); }

    // (a) A file submitted to a Run here account runs in this process while it waits; it ends like a batch.
    void submitToRunHereAccountRunsTheBatchHere()
    {
        const Run list = cli({QStringLiteral("accounts"), QStringLiteral("list"), QStringLiteral("--json")});
        QCOMPARE(list.exitCode, 0);
        QJsonObject rt;
        for (const QJsonValue &v : list.json().value(QLatin1StringView("data")).toArray()) {
            if (v.toObject().value(QLatin1StringView("name")).toString() == QLatin1StringView("rt"))
                rt = v.toObject();
        }
        QCOMPARE(rt.value(QLatin1StringView("preset")).toString(), QStringLiteral("realtime"));
        QCOMPARE(rt.value(QLatin1StringView("run_settings"))
                     .toObject()
                     .value(QLatin1StringView("concurrency"))
                     .toInt(),
                 3);

        // The connection test of a Run here account asks its real-time endpoint (its batches are local).
        const Run test = cli({QStringLiteral("accounts"), QStringLiteral("test"), QStringLiteral("rt")});
        QCOMPARE(test.exitCode, 0);
        QVERIFY2(test.out.contains("model(s) available; its batches run on this computer"),
                 test.out.constData());

        const int n = 24;
        const QString file = input(QStringLiteral("here.jsonl"), idLines("here-", n));
        const QString dir = m_dir.filePath(QStringLiteral("here-out"));
        const Run r = cli({QStringLiteral("submit"), file, QStringLiteral("--account"), QStringLiteral("rt"),
                           QStringLiteral("--wait"), QStringLiteral("--interval"), QStringLiteral("0.2"),
                           QStringLiteral("--download"), dir, QStringLiteral("--json")});
        QCOMPARE(r.exitCode, 0);
        const QString batchId = r.json().value(QLatin1StringView("id")).toString();
        QVERIFY2(batchId.startsWith(u"batch_rt_"), qPrintable(batchId));
        QCOMPARE(r.json().value(QLatin1StringView("status")).toString(), QStringLiteral("completed"));

        // The Batch API's output format: every custom_id once, each with its response.
        const auto outputs = resultsIn(dir, QStringLiteral("_output.jsonl"));
        QCOMPARE(outputs.size(), n);
        for (int i = 0; i < n; ++i) {
            const auto lines = outputs.value(QStringLiteral("here-%1").arg(i));
            QCOMPARE(lines.size(), 1);
            const QJsonObject o = lines.first();
            QVERIFY(o.value(QLatin1StringView("id")).isString());
            QVERIFY(o.value(QLatin1StringView("error")).isNull());
            const QJsonObject response = o.value(QLatin1StringView("response")).toObject();
            QCOMPARE(response.value(QLatin1StringView("status_code")).toInt(), 200);
            QVERIFY(
                response.value(QLatin1StringView("body")).toObject().contains(QLatin1StringView("choices")));
        }

        // The endpoint saw every request once, never more than the account's concurrency at a time.
        const auto stats = m_server->realtimeStats();
        QCOMPARE(stats.requests, n);
        QVERIFY2(stats.maxInFlight <= 3, qPrintable(QString::number(stats.maxInFlight)));
        QVERIFY2(stats.maxInFlight >= 2, qPrintable(QString::number(stats.maxInFlight)));

        const Run batches =
            cli({QStringLiteral("batches"), QStringLiteral("list"), QStringLiteral("--account"),
                 QStringLiteral("rt"), QStringLiteral("--json")});
        QCOMPARE(batches.exitCode, 0);
        QJsonObject listed;
        for (const QJsonValue &v : batches.json().value(QLatin1StringView("data")).toArray()) {
            if (v.toObject().value(QLatin1StringView("id")).toString() == batchId)
                listed = v.toObject();
        }
        QCOMPARE(listed.value(QLatin1StringView("status")).toString(), QStringLiteral("completed"));
        const QJsonObject counts = listed.value(QLatin1StringView("request_counts")).toObject();
        QCOMPARE(counts.value(QLatin1StringView("total")).toInt(), n);
        QCOMPARE(counts.value(QLatin1StringView("completed")).toInt(), n);
        QCOMPARE(counts.value(QLatin1StringView("failed")).toInt(), 0);

        const Run get = cli({QStringLiteral("batches"), QStringLiteral("get"), batchId,
                             QStringLiteral("--account"), QStringLiteral("rt"), QStringLiteral("--json")});
        QCOMPARE(get.exitCode, 0);
        QCOMPARE(get.json().value(QLatin1StringView("status")).toString(), QStringLiteral("completed"));
    }

    // (b) A job on a slow Batch API account switches to real time by its policy at 20 % done.
    void thePolicyFinishesAJobInRealtime()
    {
        const int n = 30;
        const QString file = input(QStringLiteral("big.jsonl"), idLines("big-", n));
        const QString dir = m_dir.filePath(QStringLiteral("big-out"));
        const Run r =
            cli({QStringLiteral("submit"), file, QStringLiteral("--account"), QStringLiteral("slow"),
                 QStringLiteral("--max-lines"), QStringLiteral("10"), QStringLiteral("--realtime-fallback"),
                 QStringLiteral("rt"), QStringLiteral("--realtime-at-percent"), QStringLiteral("20"),
                 QStringLiteral("--wait"), QStringLiteral("--interval"), QStringLiteral("0.2"),
                 QStringLiteral("--download"), dir, QStringLiteral("--json")});
        QCOMPARE(r.exitCode, 0);
        const QString jobId = r.json().value(QLatin1StringView("job")).toString();
        QVERIFY(!jobId.isEmpty());
        const QJsonObject job = jobJson(jobId);
        QCOMPARE(job.value(QLatin1StringView("realtime_at_percent")).toInt(), 20);
        QCOMPARE(job.value(QLatin1StringView("realtime_after_hours")).toDouble(), 0.0);
        verifyFinishedInRealtime(jobId, file, dir, n);
        if (QTest::currentTestFailed())
            return;

        const Run text = cli({QStringLiteral("jobs"), QStringLiteral("show"), jobId,
                              QStringLiteral("--account"), QStringLiteral("slow")});
        QCOMPARE(text.exitCode, 0);
        QVERIFY2(text.out.contains("ran in real time on \"rt\""), text.out.constData());
    }

    // (c) By hand: a job submitted without waiting is switched with jobs finish-realtime, then resumed.
    void finishRealtimeByHandThenResume()
    {
        const int n = 30;
        const QString file = input(QStringLiteral("hand.jsonl"), idLines("hand-", n));
        const Run submitted =
            cli({QStringLiteral("submit"), file, QStringLiteral("--account"), QStringLiteral("slow"),
                 QStringLiteral("--max-lines"), QStringLiteral("15"), QStringLiteral("--realtime-fallback"),
                 QStringLiteral("rt"), QStringLiteral("--json")});
        QCOMPARE(submitted.exitCode, 0);
        const QString jobId = submitted.json().value(QLatin1StringView("job")).toString();
        QVERIFY(!jobId.isEmpty());
        QJsonObject job = jobJson(jobId);
        // The account is recorded, the policy off: only finish-realtime switches.
        QCOMPARE(job.value(QLatin1StringView("realtime_account")).toString(), QStringLiteral("rt"));
        QCOMPARE(job.value(QLatin1StringView("realtime_at_percent")).toInt(), 0);
        QCOMPARE(job.value(QLatin1StringView("realtime_requested")).toBool(), false);
        // The batches answer a few lines first (as the server counts them).
        QSet<QString> jobBatches;
        for (const QJsonValue &v : submitted.json().value(QLatin1StringView("batches")).toArray())
            jobBatches.insert(v.toObject().value(QLatin1StringView("id")).toString());
        QCOMPARE(jobBatches.size(), 2);
        const auto answeredSoFar = [&] {
            const Run list =
                cli({QStringLiteral("batches"), QStringLiteral("list"), QStringLiteral("--account"),
                     QStringLiteral("slow"), QStringLiteral("--json")});
            qint64 n = 0;
            for (const QJsonValue &v : list.json().value(QLatin1StringView("data")).toArray()) {
                const QJsonObject b = v.toObject();
                if (jobBatches.contains(b.value(QLatin1StringView("id")).toString()))
                    n += b.value(QLatin1StringView("request_counts"))
                             .toObject()
                             .value(QLatin1StringView("completed"))
                             .toInteger();
            }
            return n;
        };
        QTRY_VERIFY_WITH_TIMEOUT(answeredSoFar() >= 2, 20'000);

        const Run finish = cli({QStringLiteral("jobs"), QStringLiteral("finish-realtime"), jobId,
                                QStringLiteral("--account"), QStringLiteral("slow"), QStringLiteral("--on"),
                                QStringLiteral("rt")});
        QCOMPARE(finish.exitCode, 0);
        job = jobJson(jobId);
        QCOMPARE(job.value(QLatin1StringView("realtime_requested")).toBool(), true);
        // Nothing ran in real time: no command waited.
        QCOMPARE(m_server->realtimeStats().requests, 0);

        const QString dir = m_dir.filePath(QStringLiteral("hand-out"));
        const Run resumed =
            cli({QStringLiteral("jobs"), QStringLiteral("resume"), jobId, QStringLiteral("--account"),
                 QStringLiteral("slow"), QStringLiteral("--wait"), QStringLiteral("--interval"),
                 QStringLiteral("0.2"), QStringLiteral("--download"), dir});
        QCOMPARE(resumed.exitCode, 0);
        verifyFinishedInRealtime(jobId, file, dir, n);
    }

    // (d) Usage errors: exit 2 with a message that says what is wrong; nothing is submitted.
    void usageErrors()
    {
        const QString file = input(QStringLiteral("small.jsonl"), idLines("small-", 4));
        const QString v1 = m_server->baseUrl();
        const auto expectUsage = [this](const QStringList &args, const QByteArray &message) {
            const Run r = cli(args);
            QVERIFY2(r.exitCode == 2,
                     qPrintable(args.join(u' ') + QStringLiteral(" -> ") + QString::number(r.exitCode)));
            QVERIFY2(r.err.contains(message), r.err.constData());
        };
        expectUsage({QStringLiteral("jobs"), QStringLiteral("finish-realtime"),
                     QStringLiteral("job-00000000"), QStringLiteral("--account"), QStringLiteral("slow"),
                     QStringLiteral("--on"), QStringLiteral("slow")},
                    "is not a \"Run here\" account");
        expectUsage({QStringLiteral("jobs"), QStringLiteral("finish-realtime"),
                     QStringLiteral("job-00000000"), QStringLiteral("--account"), QStringLiteral("slow"),
                     QStringLiteral("--on"), QStringLiteral("nosuch")},
                    "nosuch");
        expectUsage({QStringLiteral("submit"), file, QStringLiteral("--account"), QStringLiteral("slow"),
                     QStringLiteral("--realtime-fallback"), QStringLiteral("rt"),
                     QStringLiteral("--realtime-at-percent"), QStringLiteral("150")},
                    "--realtime-at-percent");
        expectUsage({QStringLiteral("submit"), file, QStringLiteral("--account"), QStringLiteral("slow"),
                     QStringLiteral("--realtime-at-percent"), QStringLiteral("20")},
                    "--realtime-fallback");
        expectUsage({QStringLiteral("submit"), file, QStringLiteral("--account"), QStringLiteral("rt"),
                     QStringLiteral("--realtime-fallback"), QStringLiteral("rt")},
                    "already runs its batches in real time");
        expectUsage({QStringLiteral("accounts"), QStringLiteral("add"), QStringLiteral("bad"),
                     QStringLiteral("--preset"), QStringLiteral("realtime"), QStringLiteral("--url"), v1,
                     QStringLiteral("--no-key"), QStringLiteral("--concurrency"), QStringLiteral("0")},
                    "--concurrency");
        expectUsage({QStringLiteral("accounts"), QStringLiteral("add"), QStringLiteral("bad"),
                     QStringLiteral("--preset"), QStringLiteral("realtime"), QStringLiteral("--url"), v1,
                     QStringLiteral("--no-key"), QStringLiteral("--model-map"), QStringLiteral("nomapping")},
                    "--model-map");
        expectUsage({QStringLiteral("accounts"), QStringLiteral("add"), QStringLiteral("bad"),
                     QStringLiteral("--preset"), QStringLiteral("custom"), QStringLiteral("--url"), v1,
                     QStringLiteral("--no-key"), QStringLiteral("--concurrency"), QStringLiteral("3")},
                    "Run here");
        expectUsage({QStringLiteral("accounts"), QStringLiteral("set"), QStringLiteral("slow"),
                     QStringLiteral("--rpm"), QStringLiteral("60")},
                    "not a \"Run here\" account");
        expectUsage({QStringLiteral("accounts"), QStringLiteral("set"), QStringLiteral("rt"),
                     QStringLiteral("--url"), QStringLiteral("ftp://x")},
                    "--url");
        QCOMPARE(m_server->realtimeStats().requests, 0);

        // accounts set changes the stored limits; the list shows them.
        QCOMPARE(cli({QStringLiteral("accounts"), QStringLiteral("set"), QStringLiteral("rt"),
                      QStringLiteral("--rpm"), QStringLiteral("6000"), QStringLiteral("--model-map"),
                      QStringLiteral("a=sandbox/echo")})
                     .exitCode,
                 0);
        const Run list = cli({QStringLiteral("accounts"), QStringLiteral("list")});
        QCOMPARE(list.exitCode, 0);
        QVERIFY2(list.out.contains("concurrency 3, 6000 rpm, no tpm limit, models a=sandbox/echo"),
                 list.out.constData());
        QVERIFY(!cli({QStringLiteral("accounts"), QStringLiteral("list")}).out.contains("bad"));
    }

    void cleanupTestCase() { m_server.reset(); }
};

QTEST_GUILESS_MAIN(TestCliRealtime)
#include "tst_cli_realtime.moc"
