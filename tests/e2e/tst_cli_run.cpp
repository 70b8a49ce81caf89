// batchdesk-cli run against the sandbox's real-time endpoints over loopback HTTP: answers in the Batch API's
// output format, bounded concurrency, retries, pacing, exit codes, and a run killed or stopped that resumes
// without sending a request again whose answer was written. The server runs in this process (on its own
// threads); the CLI is a separate process, killed and stopped for real.
#include "e2e_util.h"
#include "sandbox/sandboxserver.h"

#include <QDir>
#include <QElapsedTimer>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>
#include <memory>

using Batchdesk::Sandbox::RealtimeStats;
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

// A chat line whose last user message (what the sandbox's hits record) is the text.
QByteArray lines(const QByteArray &prefix, int count, const QByteArray &textPrefix)
{
    QByteArray out;
    for (int i = 0; i < count; ++i)
        out += chatLine(prefix + QByteArray::number(i), textPrefix + QByteArray::number(i));
    return out;
}

// The custom_ids of the complete lines of a result file (a line is complete with its newline).
QList<QString> idsIn(const QString &path)
{
    QFile f(path);
    QList<QString> ids;
    if (!f.open(QIODevice::ReadOnly))
        return ids;
    const QByteArray all = f.readAll();
    qsizetype start = 0;
    while (true) {
        const qsizetype nl = all.indexOf('\n', start);
        if (nl < 0)
            break;
        const QJsonObject o = QJsonDocument::fromJson(all.mid(start, nl - start)).object();
        if (o.contains(QStringLiteral("custom_id")))
            ids << o.value(QStringLiteral("custom_id")).toString();
        start = nl + 1;
    }
    return ids;
}

QJsonObject readJson(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return QJsonDocument::fromJson(f.readAll()).object();
}

} // namespace

class TestCliRun : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::unique_ptr<SandboxServer> m_server;

    QString v1() const { return m_server->baseUrl(); }

    void prepare(QProcess &p, const QStringList &args) const
    {
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("BATCHDESK_API_KEY"), QStringLiteral("run-key"));
        env.insert(QStringLiteral("BATCHDESK_DATA_DIR"), m_dir.filePath(QStringLiteral("data")));
        p.setProcessEnvironment(env);
        p.setProgram(QStringLiteral(BATCHDESK_CLI));
        p.setArguments(QStringList {QStringLiteral("run")} + args);
    }

    Run cli(const QStringList &args)
    {
        QProcess p;
        prepare(p, args);
        p.start();
        if (!p.waitForFinished(60'000)) {
            p.kill();
            p.waitForFinished();
        }
        return {p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1, p.readAllStandardOutput(),
                p.readAllStandardError()};
    }

    QStringList runArgs(const QString &file, const QString &dir, const QStringList &more = {}) const
    {
        return QStringList {file, QStringLiteral("--base-url"), v1(), QStringLiteral("-o"), dir} + more;
    }

    QString input(const QString &name, const QByteArray &content)
    {
        const QString path = m_dir.filePath(name);
        writeFile(path, content);
        return path;
    }

    QString dir(const QString &name) const { return m_dir.filePath(name); }

    // Starts from clean statistics with nothing in flight (a killed run's last requests end on their own).
    void resetServer(int latencyMs)
    {
        QElapsedTimer t;
        t.start();
        while (m_server->realtimeStats().inFlight > 0 && t.elapsed() < 5000)
            QTest::qWait(20);
        m_server->setRealtimeLatencyMs(latencyMs);
        m_server->resetRealtimeStats();
    }

    // Waits until the file has at least n complete lines.
    static bool waitForLines(const QString &path, int n, QProcess &p)
    {
        QElapsedTimer t;
        t.start();
        while (t.elapsed() < 20'000 && p.state() == QProcess::Running) {
            if (idsIn(path).size() >= n)
                return true;
            QTest::qWait(10);
        }
        return false;
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        SandboxConfig c;
        c.apiKey = QStringLiteral("run-key");
        c.dataDir = m_dir.filePath(QStringLiteral("server"));
        m_server = std::make_unique<SandboxServer>(c);
        QString error;
        QVERIFY2(m_server->start(&error), qPrintable(error));
    }

    // 30 lines, 3 at once: every line answered once in the Batch API's output format, the server never saw
    // more than 3 requests at once (and, each taking 100 ms, more than one).
    void runsEveryLineWithBoundedConcurrency()
    {
        resetServer(100);
        const QString file = input(QStringLiteral("thirty.jsonl"), lines("c-", 30, "thirty "));
        const QString out = dir(QStringLiteral("thirty"));
        const Run r = cli(runArgs(
            file, out, {QStringLiteral("--concurrency"), QStringLiteral("3"), QStringLiteral("--json")}));
        QVERIFY2(r.exitCode == 0, r.err.constData());

        const QList<QByteArray> written = readLines(out + QStringLiteral("/output.jsonl"));
        QCOMPARE(written.size(), 30);
        QSet<QString> ids;
        for (const QByteArray &line : written) {
            const QJsonObject o = QJsonDocument::fromJson(line).object();
            const QString id = o.value(QStringLiteral("custom_id")).toString();
            QVERIFY2(id.startsWith(QStringLiteral("c-")), line.constData());
            QVERIFY2(!ids.contains(id), qPrintable(id));
            ids.insert(id);
            QVERIFY(o.value(QStringLiteral("id")).toString().startsWith(QStringLiteral("batch_req_")));
            QVERIFY(o.value(QStringLiteral("error")).isNull());
            const QJsonObject response = o.value(QStringLiteral("response")).toObject();
            QCOMPARE(response.value(QStringLiteral("status_code")).toInt(), 200);
            QVERIFY(!response.value(QStringLiteral("request_id")).toString().isEmpty());
            // sandbox/echo answers with the request's message: the answer belongs to this line.
            const QString content = response.value(QStringLiteral("body"))
                                        .toObject()
                                        .value(QStringLiteral("choices"))
                                        .toArray()
                                        .at(0)
                                        .toObject()
                                        .value(QStringLiteral("message"))
                                        .toObject()
                                        .value(QStringLiteral("content"))
                                        .toString();
            QCOMPARE(content, QStringLiteral("thirty ") + id.mid(2));
        }
        QCOMPARE(ids.size(), 30);
        QCOMPARE(readLines(out + QStringLiteral("/errors.jsonl")).size(), 0);

        const QJsonObject run = readJson(out + QStringLiteral("/run.json"));
        QCOMPARE(run.value(QStringLiteral("status")).toString(), QStringLiteral("completed"));
        QCOMPARE(run.value(QStringLiteral("input")).toString(), QFileInfo(file).absoluteFilePath());
        QCOMPARE(run.value(QStringLiteral("base_url")).toString(), v1());
        QCOMPARE(run.value(QStringLiteral("endpoint")).toString(), QStringLiteral("/v1/chat/completions"));
        QCOMPARE(run.value(QStringLiteral("limits")).toObject().value(QStringLiteral("concurrency")).toInt(),
                 3);
        const QJsonObject counts = run.value(QStringLiteral("request_counts")).toObject();
        QCOMPARE(counts.value(QStringLiteral("total")).toInt(), 30);
        QCOMPARE(counts.value(QStringLiteral("completed")).toInt(), 30);
        QCOMPARE(counts.value(QStringLiteral("failed")).toInt(), 0);
        QVERIFY(run.value(QStringLiteral("finished_at")).toInteger()
                >= run.value(QStringLiteral("created_at")).toInteger());
        QFile runFile(out + QStringLiteral("/run.json"));
        QVERIFY(runFile.open(QIODevice::ReadOnly));
        QVERIFY(!runFile.readAll().contains("run-key"));

        const QJsonObject summary = r.json();
        QCOMPARE(summary.value(QStringLiteral("status")).toString(), QStringLiteral("completed"));
        QCOMPARE(summary.value(QStringLiteral("total")).toInt(), 30);
        QCOMPARE(summary.value(QStringLiteral("completed")).toInt(), 30);
        QCOMPARE(summary.value(QStringLiteral("sent")).toInt(), 30);
        QCOMPARE(summary.value(QStringLiteral("resumed")).toInt(), 0);

        const RealtimeStats stats = m_server->realtimeStats();
        QCOMPARE(stats.requests, 30);
        QVERIFY2(stats.maxInFlight <= 3, qPrintable(QString::number(stats.maxInFlight)));
        QVERIFY2(stats.maxInFlight >= 2, qPrintable(QString::number(stats.maxInFlight)));

        // The same command again: already completed, nothing sent, exit 0.
        m_server->resetRealtimeStats();
        const Run again = cli(runArgs(file, out, {QStringLiteral("--json")}));
        QCOMPARE(again.exitCode, 0);
        QCOMPARE(again.json().value(QStringLiteral("status")).toString(), QStringLiteral("completed"));
        QCOMPARE(again.json().value(QStringLiteral("sent")).toInt(), 0);
        QCOMPARE(m_server->realtimeStats().requests, 0);
        QCOMPARE(readLines(out + QStringLiteral("/output.jsonl")).size(), 30);
    }

    // A 400 is final (errors.jsonl, counted failed, the run still completes); a 429 is retried after its
    // Retry-After and answered.
    void failedLinesGoToErrorsAnd429IsRetried()
    {
        resetServer(0);
        QByteArray content = lines("f-", 4, "fine ");
        content += chatLine("bad-1", "one [[fail:400]]");
        content += chatLine("bad-2", "two [[fail:400]]");
        content += chatLine("limited", "once [[429]] cli-run");
        const QString file = input(QStringLiteral("faults.jsonl"), content);
        const QString out = dir(QStringLiteral("faults"));
        const Run r = cli(runArgs(file, out, {QStringLiteral("--json")}));
        QVERIFY2(r.exitCode == 0, r.err.constData());

        const QList<QByteArray> errors = readLines(out + QStringLiteral("/errors.jsonl"));
        QCOMPARE(errors.size(), 2);
        QSet<QString> failedIds;
        for (const QByteArray &line : errors) {
            const QJsonObject o = QJsonDocument::fromJson(line).object();
            failedIds.insert(o.value(QStringLiteral("custom_id")).toString());
            QCOMPARE(
                o.value(QStringLiteral("response")).toObject().value(QStringLiteral("status_code")).toInt(),
                400);
        }
        QCOMPARE(failedIds, (QSet<QString> {QStringLiteral("bad-1"), QStringLiteral("bad-2")}));
        const QList<QString> answered = idsIn(out + QStringLiteral("/output.jsonl"));
        QCOMPARE(answered.size(), 5);
        QVERIFY(answered.contains(QStringLiteral("limited")));

        const QJsonObject counts =
            readJson(out + QStringLiteral("/run.json")).value(QStringLiteral("request_counts")).toObject();
        QCOMPARE(counts.value(QStringLiteral("completed")).toInt(), 5);
        QCOMPARE(counts.value(QStringLiteral("failed")).toInt(), 2);
        QCOMPARE(r.json().value(QStringLiteral("failed")).toInt(), 2);
        QCOMPARE(r.json().value(QStringLiteral("retries")).toInt(), 1);

        QList<int> limitedStatuses;
        for (const auto &hit : m_server->realtimeStats().hits) {
            if (hit.text.contains(QStringLiteral("[[429]] cli-run")))
                limitedStatuses << hit.status;
        }
        QCOMPARE(limitedStatuses, (QList<int> {429, 200}));
    }

    // Killed (SIGKILL) in the middle: what was written survives, and the same command sends only the rest.
    void killedRunResumesWithoutResending()
    {
        resetServer(150);
        const QString file = input(QStringLiteral("kill.jsonl"), lines("k-", 80, "kill "));
        const QString out = dir(QStringLiteral("kill"));
        const QString outputPath = out + QStringLiteral("/output.jsonl");
        QProcess p;
        prepare(p, runArgs(file, out, {QStringLiteral("--concurrency"), QStringLiteral("4")}));
        p.start();
        QVERIFY(p.waitForStarted());
        QVERIFY(waitForLines(outputPath, 12, p));
        p.kill();
        QVERIFY(p.waitForFinished());

        const QList<QString> before = idsIn(outputPath) + idsIn(out + QStringLiteral("/errors.jsonl"));
        QVERIFY(before.size() >= 12);
        QVERIFY2(before.size() < 80, "the run was to be killed before it ended");
        QCOMPARE(readJson(out + QStringLiteral("/run.json")).value(QStringLiteral("status")).toString(),
                 QStringLiteral("in_progress"));
        resetServer(150);

        const Run r = cli(runArgs(
            file, out, {QStringLiteral("--concurrency"), QStringLiteral("4"), QStringLiteral("--json")}));
        QVERIFY2(r.exitCode == 0, r.err.constData());
        QCOMPARE(r.json().value(QStringLiteral("resumed")).toInt(), before.size());

        const QList<QString> after = idsIn(outputPath);
        QCOMPARE(after.size(), 80);
        QCOMPARE(QSet<QString>(after.cbegin(), after.cend()).size(), 80);
        QCOMPARE(readLines(outputPath).size(), 80); // no partial line left behind

        // None of the answers written before the kill was asked for again.
        QSet<QString> resentTexts;
        for (const auto &hit : m_server->realtimeStats().hits)
            resentTexts.insert(hit.text);
        for (const QString &id : before)
            QVERIFY2(!resentTexts.contains(QStringLiteral("kill ") + id.mid(2)), qPrintable(id));
        QVERIFY(m_server->realtimeStats().requests >= 80 - before.size());
        QCOMPARE(readJson(out + QStringLiteral("/run.json")).value(QStringLiteral("status")).toString(),
                 QStringLiteral("completed"));
    }

    // SIGTERM (QProcess::terminate) pauses: exit 1, run.json in_progress, the message; then resume completes.
    void stopSignalPausesAndResumeCompletes()
    {
        resetServer(150);
        const QString file = input(QStringLiteral("stop.jsonl"), lines("s-", 60, "stop "));
        const QString out = dir(QStringLiteral("stop"));
        const QString outputPath = out + QStringLiteral("/output.jsonl");
        QProcess p;
        prepare(p, runArgs(file, out, {QStringLiteral("--concurrency"), QStringLiteral("4")}));
        p.start();
        QVERIFY(p.waitForStarted());
        QVERIFY(waitForLines(outputPath, 8, p));
        p.terminate();
        QVERIFY(p.waitForFinished(10'000));
        QCOMPARE(p.exitStatus(), QProcess::NormalExit);
        QCOMPARE(p.exitCode(), 1);
        const QByteArray err = p.readAllStandardError();
        QVERIFY2(err.contains("Stopped: ") && err.contains("Run the same command to continue."),
                 err.constData());

        const QJsonObject run = readJson(out + QStringLiteral("/run.json"));
        QCOMPARE(run.value(QStringLiteral("status")).toString(), QStringLiteral("in_progress"));
        const qint64 written = idsIn(outputPath).size();
        QVERIFY(written >= 8 && written < 60);
        QCOMPARE(run.value(QStringLiteral("request_counts"))
                     .toObject()
                     .value(QStringLiteral("completed"))
                     .toInteger(),
                 written);
        QVERIFY(run.value(QStringLiteral("finished_at")).isNull());

        resetServer(0);
        const Run r = cli(runArgs(file, out, {QStringLiteral("--json")}));
        QVERIFY2(r.exitCode == 0, r.err.constData());
        const QList<QString> ids = idsIn(outputPath);
        QCOMPARE(ids.size(), 60);
        QCOMPARE(QSet<QString>(ids.cbegin(), ids.cend()).size(), 60);
        QCOMPARE(m_server->realtimeStats().requests, 60 - written);
    }

    // Usage errors exit 2, an invalid file exits 1 with its line, and neither sends anything.
    void usageAndInvalidInput()
    {
        resetServer(0);
        const QString file = input(QStringLiteral("usage.jsonl"), lines("u-", 3, "usage "));
        const Run noOut = cli({file, QStringLiteral("--base-url"), v1()});
        QCOMPARE(noOut.exitCode, 2);
        QVERIFY2(noOut.err.contains("-o DIR"), noOut.err.constData());

        const Run badConcurrency = cli(runArgs(file, dir(QStringLiteral("usage")),
                                               {QStringLiteral("--concurrency"), QStringLiteral("0")}));
        QCOMPARE(badConcurrency.exitCode, 2);

        // Another input into the folder of a run (the first test's).
        const Run other = cli(runArgs(file, dir(QStringLiteral("thirty"))));
        QCOMPARE(other.exitCode, 2);
        QVERIFY2(other.err.contains("another input"), other.err.constData());

        const Run missing =
            cli(runArgs(m_dir.filePath(QStringLiteral("absent.jsonl")), dir(QStringLiteral("absent"))));
        QCOMPARE(missing.exitCode, 2);

        QByteArray broken = chatLine("ok-1", "fine");
        broken += "{\"custom_id\": \"ok-2\", \"method\": \"POST\"\n";
        broken += chatLine("ok-3", "fine too");
        const QString bad = input(QStringLiteral("broken.jsonl"), broken);
        const Run invalid = cli(runArgs(bad, dir(QStringLiteral("broken"))));
        QCOMPARE(invalid.exitCode, 1);
        QVERIFY2(invalid.err.contains("broken.jsonl:2:"), invalid.err.constData());
        QVERIFY2(invalid.err.contains("nothing was sent"), invalid.err.constData());

        QCOMPARE(m_server->realtimeStats().requests, 0);
        QVERIFY(!QFile::exists(dir(QStringLiteral("broken")) + QStringLiteral("/output.jsonl")));
    }

    // --rpm 120: requests start at least ~500 ms apart (only a lower bound: a slow machine spaces them more).
    void requestsPerMinuteSpacesRequests()
    {
        resetServer(0);
        const QString file = input(QStringLiteral("rpm.jsonl"), lines("r-", 6, "paced "));
        const Run r = cli(runArgs(file, dir(QStringLiteral("rpm")),
                                  {QStringLiteral("--rpm"), QStringLiteral("120"),
                                   QStringLiteral("--concurrency"), QStringLiteral("6")}));
        QVERIFY2(r.exitCode == 0, r.err.constData());
        QList<qint64> starts;
        for (const auto &hit : m_server->realtimeStats().hits)
            starts << hit.atMs;
        QCOMPARE(starts.size(), 6);
        std::sort(starts.begin(), starts.end());
        for (qsizetype i = 1; i < starts.size(); ++i)
            QVERIFY2(starts[i] - starts[i - 1] >= 450,
                     qPrintable(QStringLiteral("%1 ms between requests %2 and %3")
                                    .arg(starts[i] - starts[i - 1])
                                    .arg(i - 1)
                                    .arg(i)));
    }
};

QTEST_GUILESS_MAIN(TestCliRun)
#include "tst_cli_run.moc"
