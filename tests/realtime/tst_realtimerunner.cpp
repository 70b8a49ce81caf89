// The real-time runner over real HTTP against the sandbox's real-time endpoints: concurrency observed at the
// server, RPM pacing, retries (429 with Retry-After, 5xx, final 4xx), cancel, pause + resume without sending
// an answered request again, a partial line left by a kill, and an untrusted server (redirect, non-JSON
// answer).

#include "../common/hostileserver.h"
#include "realtime/pacer.h"
#include "realtime/realtimerunner.h"
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

const QString kKey = QStringLiteral("rt-test-key");

QByteArray chatLine(const QString &id, const QString &text, int maxTokens = 0)
{
    QJsonObject body {{QStringLiteral("model"), QStringLiteral("sandbox/echo")},
                      {QStringLiteral("messages"),
                       QJsonArray {QJsonObject {{QStringLiteral("role"), QStringLiteral("user")},
                                                {QStringLiteral("content"), text}}}}};
    if (maxTokens > 0)
        body.insert(QStringLiteral("max_tokens"), maxTokens);
    return QJsonDocument(QJsonObject {{QStringLiteral("custom_id"), id},
                                      {QStringLiteral("method"), QStringLiteral("POST")},
                                      {QStringLiteral("url"), QStringLiteral("/v1/chat/completions")},
                                      {QStringLiteral("body"), body}})
               .toJson(QJsonDocument::Compact)
        + '\n';
}

/** Lines "<tag>-<i>" for i in [0, n): custom_id and text are the same, so hits map back to ids. */
QString writeInput(const QString &dir, const QString &tag, int n, const QHash<int, QString> &texts = {})
{
    const QString path = dir + u'/' + tag + QStringLiteral(".jsonl");
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly))
        return {};
    for (int i = 0; i < n; ++i) {
        const QString id = QStringLiteral("%1-%2").arg(tag).arg(i);
        f.write(chatLine(id, texts.value(i, id)));
    }
    return path;
}

QList<QJsonObject> readLines(const QString &path)
{
    QList<QJsonObject> out;
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return out;
    while (!f.atEnd()) {
        const QByteArray line = f.readLine().trimmed();
        if (!line.isEmpty())
            out << QJsonDocument::fromJson(line).object();
    }
    return out;
}

QStringList idsOf(const QList<QJsonObject> &lines)
{
    QStringList ids;
    for (const QJsonObject &o : lines)
        ids << o.value(QLatin1StringView("custom_id")).toString();
    return ids;
}

int hitsWithText(const Sandbox::RealtimeStats &stats, const QString &text)
{
    int n = 0;
    for (const auto &hit : stats.hits)
        n += hit.text == text ? 1 : 0;
    return n;
}

} // namespace

class TestRealtimeRunner : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<Sandbox::SandboxServer> m_server;
    QTemporaryDir m_dir;

    RunTask task(const QString &input, const QString &name, int concurrency = 4)
    {
        RunTask t;
        t.inputPath = input;
        t.outputPath = m_dir.path() + u'/' + name + QStringLiteral("-output.jsonl");
        t.errorPath = m_dir.path() + u'/' + name + QStringLiteral("-errors.jsonl");
        t.target.baseUrl = QUrl(m_server->baseUrl());
        t.target.apiKey = kKey;
        t.limits.concurrency = concurrency;
        t.limits.retryBaseMs = 50;
        return t;
    }

    RealtimeRunner::Outcome run(RealtimeRunner &runner, int timeoutMs = 30'000)
    {
        QSignalSpy done(&runner, &RealtimeRunner::finished);
        runner.start();
        if (runner.outcome() == RealtimeRunner::Outcome::Running)
            done.wait(timeoutMs);
        return runner.outcome();
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        Sandbox::SandboxConfig config;
        config.apiKey = kKey;
        m_server = std::make_unique<Sandbox::SandboxServer>(config);
        QString error;
        QVERIFY2(m_server->start(&error), qPrintable(error));
    }

    void init()
    {
        m_server->setRealtimeLatencyMs(0);
        m_server->resetRealtimeStats();
    }

    void answersEveryLineInTheBatchFormatWithinTheConcurrency()
    {
        m_server->setRealtimeLatencyMs(80);
        const QString input = writeInput(m_dir.path(), QStringLiteral("conc"), 40);
        RealtimeRunner runner(task(input, QStringLiteral("conc"), 5));
        QSignalSpy progress(&runner, &RealtimeRunner::progressChanged);
        QCOMPARE(run(runner), RealtimeRunner::Outcome::Completed);

        const auto stats = m_server->realtimeStats();
        QVERIFY2(stats.maxInFlight <= 5, qPrintable(QString::number(stats.maxInFlight)));
        QVERIFY2(stats.maxInFlight >= 3, qPrintable(QString::number(stats.maxInFlight)));
        QCOMPARE(stats.requests, 40);

        const auto output = readLines(runner.task().outputPath);
        QCOMPARE(output.size(), 40);
        QStringList ids = idsOf(output);
        ids.sort();
        ids.removeDuplicates();
        QCOMPARE(ids.size(), 40);
        for (const QJsonObject &line : output) {
            QVERIFY(
                line.value(QLatin1StringView("id")).toString().startsWith(QLatin1StringView("batch_req_")));
            QVERIFY(line.value(QLatin1StringView("error")).isNull());
            const QJsonObject response = line.value(QLatin1StringView("response")).toObject();
            QCOMPARE(response.value(QLatin1StringView("status_code")).toInt(), 200);
            QVERIFY(!response.value(QLatin1StringView("request_id")).toString().isEmpty());
            const QString content = response.value(QLatin1StringView("body"))
                                        .toObject()
                                        .value(QLatin1StringView("choices"))
                                        .toArray()
                                        .at(0)
                                        .toObject()
                                        .value(QLatin1StringView("message"))
                                        .toObject()
                                        .value(QLatin1StringView("content"))
                                        .toString();
            QVERIFY2(content.contains(line.value(QLatin1StringView("custom_id")).toString()),
                     qPrintable(content));
        }
        QVERIFY(readLines(runner.task().errorPath).isEmpty());
        const RunProgress p = runner.progress();
        QCOMPARE(p.total, 40);
        QCOMPARE(p.completed, 40);
        QCOMPARE(p.failed, 0);
        QVERIFY(p.outputTokens > 0);
        QVERIFY(!progress.isEmpty());
        QCOMPARE(progress.last().at(0).value<RunProgress>().completed, 40);
    }

    void pacesRequestsPerMinute()
    {
        const QString input = writeInput(m_dir.path(), QStringLiteral("rpm"), 6);
        RunTask t = task(input, QStringLiteral("rpm"), 6);
        t.limits.requestsPerMinute = 240; // one request every 250 ms
        RealtimeRunner runner(t);
        QCOMPARE(run(runner), RealtimeRunner::Outcome::Completed);
        auto hits = m_server->realtimeStats().hits;
        QCOMPARE(hits.size(), 6);
        std::sort(hits.begin(), hits.end(), [](const auto &a, const auto &b) { return a.atMs < b.atMs; });
        // Lower bounds only: a slow machine only spaces them further apart.
        for (int i = 1; i < hits.size(); ++i)
            QVERIFY2(hits[i].atMs - hits[i - 1].atMs >= 240,
                     qPrintable(QStringLiteral("request %1 came %2 ms after the one before")
                                    .arg(i)
                                    .arg(hits[i].atMs - hits[i - 1].atMs)));
    }

    void retriesRateLimitsAndServerErrorsButNotClientErrors()
    {
        const QString tag = QStringLiteral("retry%1").arg(QDateTime::currentMSecsSinceEpoch());
        const QString limited = tag + QStringLiteral(" [[429]]");
        const QString broken = tag + QStringLiteral(" [[fail:503]]");
        const QString refused = tag + QStringLiteral(" [[fail:400]]");
        const QString input = writeInput(m_dir.path(), tag, 4, {{0, limited}, {1, broken}, {2, refused}});
        RunTask t = task(input, tag, 4);
        t.limits.maxAttempts = 3;
        RealtimeRunner runner(t);
        QCOMPARE(run(runner), RealtimeRunner::Outcome::Completed);

        const auto stats = m_server->realtimeStats();
        QCOMPARE(hitsWithText(stats, limited), 2); // 429 once, then answered
        QCOMPARE(hitsWithText(stats, broken), 3); // every attempt
        QCOMPARE(hitsWithText(stats, refused), 1); // a 400 is final
        // The retry of the 429 waited for its Retry-After (1 s by default).
        QList<qint64> limitedAt;
        for (const auto &hit : stats.hits) {
            if (hit.text == limited)
                limitedAt << hit.atMs;
        }
        std::sort(limitedAt.begin(), limitedAt.end());
        QVERIFY2(limitedAt[1] - limitedAt[0] >= 950,
                 qPrintable(QString::number(limitedAt[1] - limitedAt[0])));

        const auto output = readLines(t.outputPath);
        QCOMPARE(output.size(), 2);
        QVERIFY(idsOf(output).contains(tag + QStringLiteral("-0")));
        QVERIFY(idsOf(output).contains(tag + QStringLiteral("-3")));
        const auto errors = readLines(t.errorPath);
        QCOMPARE(errors.size(), 2);
        QHash<QString, int> statusOf;
        for (const QJsonObject &e : errors)
            statusOf.insert(e.value(QLatin1StringView("custom_id")).toString(),
                            e.value(QLatin1StringView("response"))
                                .toObject()
                                .value(QLatin1StringView("status_code"))
                                .toInt());
        QCOMPARE(statusOf.value(tag + QStringLiteral("-1")), 503);
        QCOMPARE(statusOf.value(tag + QStringLiteral("-2")), 400);
        QCOMPARE(runner.progress().completed, 2);
        QCOMPARE(runner.progress().failed, 2);
        QCOMPARE(runner.progress().retries, 3); // one for the 429, two for the 503
    }

    void cancelKeepsWhatFinishedAndWritesTheRestAsCancelled()
    {
        m_server->setRealtimeLatencyMs(150);
        const QString input = writeInput(m_dir.path(), QStringLiteral("cancel"), 30);
        RealtimeRunner runner(task(input, QStringLiteral("cancel"), 2));
        QSignalSpy done(&runner, &RealtimeRunner::finished);
        QSignalSpy stopping(&runner, &RealtimeRunner::stopping);
        connect(&runner, &RealtimeRunner::progressChanged, &runner, [&runner](const RunProgress &p) {
            if (p.completed >= 4 && !runner.isStopping())
                runner.cancel();
        });
        runner.start();
        QVERIFY(done.wait(30'000));
        QCOMPARE(runner.outcome(), RealtimeRunner::Outcome::Cancelled);
        QCOMPARE(stopping.size(), 1);
        const qint64 requestsAtEnd = m_server->realtimeStats().requests;

        const auto output = readLines(runner.task().outputPath);
        const auto errors = readLines(runner.task().errorPath);
        QVERIFY(output.size() >= 4);
        QVERIFY2(output.size() < 30, "the cancel came after every line had run");
        QCOMPARE(output.size() + errors.size(), 30);
        QCOMPARE(qint64(output.size()), requestsAtEnd); // in-flight requests finished and were kept
        for (const QJsonObject &e : errors) {
            QVERIFY(e.value(QLatin1StringView("response")).isNull());
            QCOMPARE(
                e.value(QLatin1StringView("error")).toObject().value(QLatin1StringView("code")).toString(),
                QStringLiteral("batch_cancelled"));
        }
        QStringList ids = idsOf(output) + idsOf(errors);
        ids.removeDuplicates();
        QCOMPARE(ids.size(), 30);
        QCOMPARE(runner.progress().failed, 0); // cancelled lines are not failures
        QTest::qWait(400);
        QCOMPARE(m_server->realtimeStats().requests, requestsAtEnd); // nothing sent after the end
    }

    void pauseAndResumeNeverResendAnAnsweredRequest()
    {
        m_server->setRealtimeLatencyMs(100);
        const QString input = writeInput(m_dir.path(), QStringLiteral("resume"), 24);
        const RunTask t = task(input, QStringLiteral("resume"), 3);
        QStringList answeredBefore;
        {
            RealtimeRunner first(t);
            QSignalSpy done(&first, &RealtimeRunner::finished);
            connect(&first, &RealtimeRunner::progressChanged, &first, [&first](const RunProgress &p) {
                if (p.completed >= 6)
                    first.pause();
            });
            first.start();
            QVERIFY(done.wait(30'000));
            QCOMPARE(first.outcome(), RealtimeRunner::Outcome::Paused);
            answeredBefore = idsOf(readLines(t.outputPath));
            QVERIFY(answeredBefore.size() >= 6);
            QVERIFY(answeredBefore.size() < 24);
            QVERIFY(readLines(t.errorPath).isEmpty()); // a pause writes nothing for the lines left
        }
        m_server->resetRealtimeStats();
        RealtimeRunner second(t);
        QCOMPARE(run(second), RealtimeRunner::Outcome::Completed);
        QCOMPARE(second.progress().resumed, answeredBefore.size());
        const auto stats = m_server->realtimeStats();
        for (const QString &id : std::as_const(answeredBefore))
            QVERIFY2(hitsWithText(stats, id) == 0, qPrintable(id + QStringLiteral(" was sent again")));
        QCOMPARE(stats.requests, 24 - answeredBefore.size());
        QStringList ids = idsOf(readLines(t.outputPath));
        QCOMPARE(ids.size(), 24);
        ids.removeDuplicates();
        QCOMPARE(ids.size(), 24);
        QCOMPARE(second.progress().completed, 24);
    }

    void aLineCutOffByAKillIsRepairedAndSentAgain()
    {
        const QString input = writeInput(m_dir.path(), QStringLiteral("cut"), 3);
        const RunTask t = task(input, QStringLiteral("cut"), 2);
        {
            // What a kill in the middle of a write leaves: one whole answer, then half of the next.
            QFile out(t.outputPath);
            QVERIFY(out.open(QIODevice::WriteOnly));
            out.write("{\"id\":\"batch_req_1\",\"custom_id\":\"cut-0\",\"response\":{\"status_code\":200,"
                      "\"body\":{}},\"error\":null}\n");
            out.write("{\"id\":\"batch_req_2\",\"custom_id\":\"cut-1\",\"respo");
        }
        RealtimeRunner runner(t);
        QCOMPARE(run(runner), RealtimeRunner::Outcome::Completed);
        const auto stats = m_server->realtimeStats();
        QCOMPARE(stats.requests, 2); // cut-1 and cut-2; cut-0 was answered
        QCOMPARE(hitsWithText(stats, QStringLiteral("cut-0")), 0);
        const auto output = readLines(t.outputPath);
        QCOMPARE(output.size(), 3);
        QStringList ids = idsOf(output);
        ids.sort();
        QCOMPARE(ids,
                 (QStringList {QStringLiteral("cut-0"), QStringLiteral("cut-1"), QStringLiteral("cut-2")}));
    }

    void anUnreadableInputFailsWithTheLine()
    {
        const QString path = m_dir.path() + QStringLiteral("/bad.jsonl");
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(chatLine(QStringLiteral("a"), QStringLiteral("a")));
        f.write("{not json\n");
        f.close();
        RealtimeRunner runner(task(path, QStringLiteral("bad")));
        QCOMPARE(run(runner), RealtimeRunner::Outcome::Failed);
        QVERIFY2(runner.errorText().contains(QLatin1StringView("Line 2")), qPrintable(runner.errorText()));
        QCOMPARE(m_server->realtimeStats().requests, 0);
    }

    void anUntrustedServerIsNeitherFollowedNorBelieved()
    {
        // A redirect to another origin: not followed (the key stays home); a 200 that is not JSON: retried,
        // then an error line. The key goes only to the endpoint's origin.
        HostileServer elsewhere([](const HostileRequest &) { return HostileResponse::json("{}"); });
        HostileServer server([&elsewhere](const HostileRequest &request) {
            if (request.body.contains("redirect-me"))
                return HostileResponse::redirect(307, elsewhere.baseUrl().toUtf8() + "/chat/completions");
            return HostileResponse {200, "text/html", {}, "<html>gateway</html>"};
        });
        QVERIFY(server.isListening());
        const QString path = m_dir.path() + QStringLiteral("/hostile.jsonl");
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(chatLine(QStringLiteral("r"), QStringLiteral("redirect-me")));
        f.write(chatLine(QStringLiteral("h"), QStringLiteral("html")));
        f.close();
        RunTask t = task(path, QStringLiteral("hostile"), 2);
        t.target.baseUrl = QUrl(server.baseUrl());
        t.limits.maxAttempts = 2;
        RealtimeRunner runner(t);
        QCOMPARE(run(runner), RealtimeRunner::Outcome::Completed);
        QCOMPARE(elsewhere.requestCount(), 0);
        for (const auto &request : server.requests())
            QCOMPARE(request.header("authorization"), QByteArray("Bearer ") + kKey.toUtf8());
        const auto errors = readLines(t.errorPath);
        QCOMPARE(errors.size(), 2);
        for (const QJsonObject &e : errors) {
            const QJsonObject response = e.value(QLatin1StringView("response")).toObject();
            const QString message = response.value(QLatin1StringView("body"))
                                        .toObject()
                                        .value(QLatin1StringView("error"))
                                        .toObject()
                                        .value(QLatin1StringView("message"))
                                        .toString();
            if (e.value(QLatin1StringView("custom_id")).toString() == QLatin1StringView("r")) {
                QCOMPARE(response.value(QLatin1StringView("status_code")).toInt(), 307);
                QVERIFY2(message.contains(QLatin1StringView("redirected")), qPrintable(message));
            } else {
                QCOMPARE(response.value(QLatin1StringView("status_code")).toInt(), 502);
                QVERIFY2(message.contains(QLatin1StringView("not a JSON object")), qPrintable(message));
            }
        }
        QCOMPARE(server.requestCount(), 3); // the redirect once, the HTML answer twice (maxAttempts 2)
    }

    void pacerSpacesRequestsAndTokens()
    {
        Pacer requests(600, 0); // 100 ms apart
        QCOMPARE(requests.delayFor(0, 1), 0);
        requests.take(0, 1);
        QCOMPARE(requests.delayFor(0, 1), 100);
        QCOMPARE(requests.delayFor(60, 1), 40);
        requests.take(100, 1);
        QCOMPARE(requests.delayFor(150, 1), 50);
        requests.pauseUntil(1000);
        QCOMPARE(requests.delayFor(300, 1), 700);

        Pacer tokens(0, 6000); // 100 tokens a second, one second's worth as burst
        QCOMPARE(tokens.delayFor(0, 100), 0);
        tokens.take(0, 100);
        QCOMPARE(tokens.delayFor(0, 100), 1000); // the next 100 fit once the first are paid for
        tokens.correct(-50); // the answer used 50 tokens, not 100
        QCOMPARE(tokens.delayFor(0, 100), 500);
        QCOMPARE(tokens.delayFor(0, 1000), 500); // a large request waits for the ones before it only
    }
};

QTEST_GUILESS_MAIN(TestRealtimeRunner)
#include "tst_realtimerunner.moc"
