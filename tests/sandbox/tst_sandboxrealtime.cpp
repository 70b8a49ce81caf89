// The sandbox's real-time endpoints over loopback with plain QNetworkAccessManagers: the answers a real-time
// runner gets, the [[429]] marker, the latency and the concurrency the server observes.

#include "sandbox/sandboxserver.h"

#include <QDateTime>
#include <QEventLoop>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkProxy>
#include <QNetworkReply>
#include <QTest>
#include <QTimer>

#include <memory>

using namespace Batchdesk::Sandbox;

namespace {

const QString kKey = QStringLiteral("realtime-test-key");

struct Reply
{
    int status = 0;
    QByteArray body;
    QJsonObject json;
    QByteArray requestId;
    QByteArray retryAfter;
};

QJsonObject chatBody(const QString &text)
{
    return QJsonObject {
        {QStringLiteral("model"), QStringLiteral("sandbox/echo")},
        {QStringLiteral("messages"),
         QJsonArray {QJsonObject {{QStringLiteral("role"), QStringLiteral("system")},
                                  {QStringLiteral("content"), QStringLiteral("Be brief.")}},
                     QJsonObject {{QStringLiteral("role"), QStringLiteral("user")},
                                  {QStringLiteral("content"), text}}}},
    };
}

QByteArray json(const QJsonObject &object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

QNetworkReply *post(QNetworkAccessManager &nam, const QString &url, const QByteArray &body,
                    const QString &key = kKey)
{
    QNetworkRequest request {QUrl(url)};
    if (!key.isEmpty())
        request.setRawHeader("Authorization", "Bearer " + key.toUtf8());
    request.setHeader(QNetworkRequest::ContentTypeHeader, QStringLiteral("application/json"));
    request.setTransferTimeout(20000);
    return nam.post(request, body);
}

/** Waits until every reply has finished (or 30 s passed) and collects them. */
QList<Reply> collect(const QList<QNetworkReply *> &replies)
{
    QEventLoop loop;
    int pending = 0;
    for (QNetworkReply *reply : replies) {
        if (reply->isFinished())
            continue;
        ++pending;
        QObject::connect(reply, &QNetworkReply::finished, &loop, [&pending, &loop] {
            if (--pending == 0)
                loop.quit();
        });
    }
    if (pending > 0) {
        QTimer::singleShot(30000, &loop, &QEventLoop::quit);
        loop.exec();
    }
    QList<Reply> out;
    for (QNetworkReply *reply : replies) {
        Reply r;
        r.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        r.body = reply->readAll();
        r.json = QJsonDocument::fromJson(r.body).object();
        r.requestId = reply->rawHeader("x-request-id");
        r.retryAfter = reply->rawHeader("Retry-After");
        reply->deleteLater();
        out.append(r);
    }
    return out;
}

} // namespace

class TestSandboxRealtime : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<SandboxServer> m_server;
    QNetworkAccessManager m_nam;
    QString m_root;

    Reply send(const QString &path, const QByteArray &body, const QString &key = kKey)
    {
        return collect({post(m_nam, m_root + path, body, key)}).first();
    }

    Reply get(const QString &path, const QString &key = kKey)
    {
        QNetworkRequest request {QUrl(m_root + path)};
        if (!key.isEmpty())
            request.setRawHeader("Authorization", "Bearer " + key.toUtf8());
        return collect({m_nam.get(request)}).first();
    }

    static QString errorMessage(const Reply &r)
    {
        return r.json.value(QLatin1String("error")).toObject().value(QLatin1String("message")).toString();
    }

private slots:
    void initTestCase()
    {
        m_nam.setProxy(QNetworkProxy::NoProxy);
        SandboxConfig config;
        config.apiKey = kKey;
        config.faults.retryAfterSeconds = 3;
        m_server = std::make_unique<SandboxServer>(config);
        QString error;
        QVERIFY2(m_server->start(&error), qPrintable(error));
        m_root = QStringLiteral("http://127.0.0.1:%1").arg(m_server->port());
    }

    void init()
    {
        SandboxFaults faults;
        faults.retryAfterSeconds = 3;
        m_server->setFaults(faults);
        m_server->setRealtimeLatencyMs(0);
        m_server->resetRealtimeStats();
    }

    void cleanupTestCase() { m_server.reset(); }

    void chatEchoesTheLastUserMessage_data()
    {
        QTest::addColumn<QString>("mount");
        QTest::newRow("root /v1") << QStringLiteral("/v1");
        QTest::newRow("DeepInfra layout /v1/openai") << QStringLiteral("/v1/openai");
        QTest::newRow("openai prefix /openai/v1") << QStringLiteral("/openai/v1");
        QTest::newRow("deepinfra prefix") << QStringLiteral("/deepinfra/v1/openai");
    }

    void chatEchoesTheLastUserMessage()
    {
        QFETCH(QString, mount);
        const QString text = QStringLiteral("hello real time world");
        const Reply r = send(mount + QStringLiteral("/chat/completions"), json(chatBody(text)));
        QCOMPARE(r.status, 200);
        QVERIFY(!r.requestId.isEmpty());
        QVERIFY(r.json.value(QLatin1String("id")).toString().startsWith(QLatin1String("chatcmpl-")));
        QCOMPARE(r.json.value(QLatin1String("object")).toString(), QStringLiteral("chat.completion"));
        const QJsonObject choice = r.json.value(QLatin1String("choices")).toArray().first().toObject();
        QCOMPARE(choice.value(QLatin1String("message")).toObject().value(QLatin1String("content")).toString(),
                 text);
        QCOMPARE(choice.value(QLatin1String("finish_reason")).toString(), QStringLiteral("stop"));
        const QJsonObject usage = r.json.value(QLatin1String("usage")).toObject();
        QCOMPARE(usage.value(QLatin1String("completion_tokens")).toInt(), 4);
        QVERIFY(usage.value(QLatin1String("prompt_tokens")).toInt() >= 4);
        QCOMPARE(usage.value(QLatin1String("total_tokens")).toInt(),
                 usage.value(QLatin1String("prompt_tokens")).toInt() + 4);

        const RealtimeStats stats = m_server->realtimeStats();
        QCOMPARE(stats.requests, 1);
        QCOMPARE(stats.inFlight, 0);
        QCOMPARE(stats.hits.size(), 1);
        QCOMPARE(stats.hits.first().endpoint, QStringLiteral("/v1/chat/completions"));
        QCOMPARE(stats.hits.first().text, text);
        QCOMPARE(stats.hits.first().status, 200);
    }

    void maxTokensCutsTheAnswer()
    {
        QJsonObject body = chatBody(QStringLiteral("one two three four five"));
        body.insert(QStringLiteral("max_tokens"), 2);
        const Reply r = send(QStringLiteral("/v1/chat/completions"), json(body));
        QCOMPARE(r.status, 200);
        const QJsonObject choice = r.json.value(QLatin1String("choices")).toArray().first().toObject();
        QCOMPARE(choice.value(QLatin1String("message")).toObject().value(QLatin1String("content")).toString(),
                 QStringLiteral("one two"));
        QCOMPARE(choice.value(QLatin1String("finish_reason")).toString(), QStringLiteral("length"));
    }

    void embeddings()
    {
        const QJsonObject body {
            {QStringLiteral("model"), QStringLiteral("sandbox/embed")},
            {QStringLiteral("input"), QJsonArray {QStringLiteral("first"), QStringLiteral("second")}}};
        const Reply r = send(QStringLiteral("/v1/embeddings"), json(body));
        QCOMPARE(r.status, 200);
        QCOMPARE(r.json.value(QLatin1String("object")).toString(), QStringLiteral("list"));
        const QJsonArray data = r.json.value(QLatin1String("data")).toArray();
        QCOMPARE(data.size(), 2);
        for (int i = 0; i < 2; ++i) {
            const QJsonObject item = data.at(i).toObject();
            QCOMPARE(item.value(QLatin1String("object")).toString(), QStringLiteral("embedding"));
            QCOMPARE(item.value(QLatin1String("index")).toInt(), i);
            QCOMPARE(item.value(QLatin1String("embedding")).toArray().size(), 8);
        }
        const RealtimeStats stats = m_server->realtimeStats();
        QCOMPARE(stats.hits.size(), 1);
        QCOMPARE(stats.hits.first().endpoint, QStringLiteral("/v1/embeddings"));
        QCOMPARE(stats.hits.first().text, QStringLiteral("first\nsecond"));
    }

    void completions()
    {
        const QJsonObject body {{QStringLiteral("model"), QStringLiteral("sandbox/echo")},
                                {QStringLiteral("prompt"), QStringLiteral("complete this")}};
        const Reply r = send(QStringLiteral("/openai/v1/completions"), json(body));
        QCOMPARE(r.status, 200);
        QCOMPARE(r.json.value(QLatin1String("object")).toString(), QStringLiteral("text_completion"));
        QCOMPARE(r.json.value(QLatin1String("choices"))
                     .toArray()
                     .first()
                     .toObject()
                     .value(QLatin1String("text"))
                     .toString(),
                 QStringLiteral("complete this"));
        QCOMPARE(m_server->realtimeStats().hits.first().endpoint, QStringLiteral("/v1/completions"));
    }

    void refusedWithoutTheKey()
    {
        const QByteArray body = json(chatBody(QStringLiteral("no key")));
        Reply r = send(QStringLiteral("/v1/chat/completions"), body, QString());
        QCOMPARE(r.status, 401);
        QVERIFY(!errorMessage(r).isEmpty());
        r = send(QStringLiteral("/v1/chat/completions"), body, QStringLiteral("wrong-key"));
        QCOMPARE(r.status, 401);
        QVERIFY(r.json.value(QLatin1String("choices")).isUndefined());
        QCOMPARE(m_server->realtimeStats().hits.size(), 0);
    }

    void bodyMustBeAJsonObject_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::newRow("array") << QByteArray("[1, 2]");
        QTest::newRow("not JSON") << QByteArray("model=sandbox/echo");
        QTest::newRow("empty") << QByteArray();
    }

    void bodyMustBeAJsonObject()
    {
        QFETCH(QByteArray, body);
        const Reply r = send(QStringLiteral("/v1/chat/completions"), body);
        QCOMPARE(r.status, 400);
        QVERIFY2(errorMessage(r).contains(QLatin1String("JSON")), r.body.constData());
        QCOMPARE(m_server->realtimeStats().hits.first().status, 400);
    }

    void failMarkerAnswersItsStatus()
    {
        const Reply r =
            send(QStringLiteral("/v1/chat/completions"), json(chatBody(QStringLiteral("bad [[fail:400]]"))));
        QCOMPARE(r.status, 400);
        QVERIFY(!errorMessage(r).isEmpty());
        const Reply unknown = send(QStringLiteral("/v1/chat/completions"),
                                   json(QJsonObject {{QStringLiteral("model"), QStringLiteral("nope")},
                                                     {QStringLiteral("messages"),
                                                      chatBody(QString())[QStringLiteral("messages")]}}));
        QCOMPARE(unknown.status, 404);
    }

    void rateLimitMarkerAnswers429Once()
    {
        const QString text =
            QStringLiteral("throttle me once [[429]] %1").arg(QDateTime::currentMSecsSinceEpoch());
        const QByteArray body = json(chatBody(text));
        const Reply first = send(QStringLiteral("/v1/chat/completions"), body);
        QCOMPARE(first.status, 429);
        QCOMPARE(first.retryAfter, QByteArray("3"));
        QCOMPARE(first.json.value(QLatin1String("error")).toObject().value(QLatin1String("code")).toString(),
                 QStringLiteral("rate_limit_exceeded"));
        const Reply second = send(QStringLiteral("/v1/chat/completions"), body);
        QCOMPARE(second.status, 200);
        QVERIFY(second.retryAfter.isEmpty());
        const RealtimeStats stats = m_server->realtimeStats();
        QCOMPARE(stats.requests, 2);
        QCOMPARE(stats.hits.size(), 2);
        QCOMPARE(stats.hits.at(0).status, 429);
        QCOMPARE(stats.hits.at(0).text, text);
        QCOMPARE(stats.hits.at(1).status, 200);
    }

    void injectedFaultsAreCounted()
    {
        SandboxFaults faults;
        faults.rate500 = 1;
        m_server->setFaults(faults);
        const Reply r = send(QStringLiteral("/v1/embeddings"),
                             json(QJsonObject {{QStringLiteral("model"), QStringLiteral("sandbox/embed")},
                                               {QStringLiteral("input"), QStringLiteral("x")}}));
        QCOMPARE(r.status, 500);
        const RealtimeStats stats = m_server->realtimeStats();
        QCOMPARE(stats.requests, 1);
        QCOMPARE(stats.hits.size(), 1);
        QCOMPARE(stats.hits.first().status, 500);
        QCOMPARE(stats.hits.first().endpoint, QStringLiteral("/v1/embeddings"));
    }

    void latencyIsHonoured()
    {
        m_server->setRealtimeLatencyMs(150);
        const Reply r =
            send(QStringLiteral("/v1/chat/completions"), json(chatBody(QStringLiteral("slow one"))));
        QCOMPARE(r.status, 200);
        const RealtimeStats stats = m_server->realtimeStats();
        QCOMPARE(stats.hits.size(), 1);
        QVERIFY2(stats.hits.first().finishedAtMs - stats.hits.first().atMs >= 150,
                 qPrintable(QString::number(stats.hits.first().finishedAtMs - stats.hits.first().atMs)));
    }

    void requestsRunConcurrently()
    {
        m_server->setRealtimeLatencyMs(300);
        // QNetworkAccessManager opens at most 6 connections per host: two managers can have 12 requests open.
        // The 12 connections are opened at once: this also fails when the server's listen backlog is too
        // small (the kernel then drops the connection attempts beyond it and the client retries a second
        // later).
        QNetworkAccessManager a, b;
        a.setProxy(QNetworkProxy::NoProxy);
        b.setProxy(QNetworkProxy::NoProxy);
        QList<QNetworkReply *> replies;
        for (int i = 0; i < 12; ++i)
            replies << post(i % 2 ? a : b, m_root + QStringLiteral("/v1/chat/completions"),
                            json(chatBody(QStringLiteral("parallel %1").arg(i))));
        const QList<Reply> answers = collect(replies);
        for (const Reply &r : answers)
            QCOMPARE(r.status, 200);
        const RealtimeStats stats = m_server->realtimeStats();
        QCOMPARE(stats.requests, 12);
        QCOMPARE(stats.hits.size(), 12);
        QCOMPARE(stats.inFlight, 0);
        QStringList spans; // for the failure message: when each request arrived and finished
        for (const RealtimeHit &hit : stats.hits)
            spans << QStringLiteral("%1-%2").arg(hit.atMs).arg(hit.finishedAtMs);
        QVERIFY2(stats.maxInFlight > 6,
                 qPrintable(QStringLiteral("max in flight %1, requests at %2")
                                .arg(stats.maxInFlight)
                                .arg(spans.join(QLatin1Char(' ')))));
        QVERIFY(stats.maxInFlight <= 12);
    }

    void statsOverHttp()
    {
        send(QStringLiteral("/v1/chat/completions"), json(chatBody(QStringLiteral("counted"))));
        send(QStringLiteral("/v1/chat/completions"), json(chatBody(QStringLiteral("[[fail]] counted too"))));
        Reply r = get(QStringLiteral("/sandbox/realtime/stats"));
        QCOMPARE(r.status, 200);
        QCOMPARE(r.json.value(QLatin1String("requests")).toInteger(), 2);
        QCOMPARE(r.json.value(QLatin1String("in_flight")).toInt(), 0);
        QCOMPARE(r.json.value(QLatin1String("max_in_flight")).toInt(), 1);
        const QJsonArray hits = r.json.value(QLatin1String("hits")).toArray();
        QCOMPARE(hits.size(), 2);
        const QJsonObject first = hits.at(0).toObject();
        QCOMPARE(first.value(QLatin1String("endpoint")).toString(), QStringLiteral("/v1/chat/completions"));
        QCOMPARE(first.value(QLatin1String("text")).toString(), QStringLiteral("counted"));
        QCOMPARE(first.value(QLatin1String("status")).toInt(), 200);
        QVERIFY(first.value(QLatin1String("finished_at_ms")).toInteger()
                >= first.value(QLatin1String("at_ms")).toInteger());
        QCOMPARE(hits.at(1).toObject().value(QLatin1String("status")).toInt(), 500);

        QCOMPARE(get(QStringLiteral("/sandbox/realtime/stats"), QString()).status, 401);
        QCOMPARE(send(QStringLiteral("/sandbox/realtime/stats/reset"), QByteArray(), QString()).status, 401);
        QCOMPARE(m_server->realtimeStats().requests, 2);

        r = send(QStringLiteral("/sandbox/realtime/stats/reset"), QByteArray());
        QCOMPARE(r.status, 200);
        r = get(QStringLiteral("/sandbox/realtime/stats"));
        QCOMPARE(r.json.value(QLatin1String("requests")).toInteger(), 0);
        QCOMPARE(r.json.value(QLatin1String("max_in_flight")).toInt(), 0);
        QVERIFY(r.json.value(QLatin1String("hits")).toArray().isEmpty());
        QCOMPARE(m_server->realtimeStats().hits.size(), 0);
    }

    void oversizedBodyIsRefused()
    {
        QByteArray body = json(chatBody(QString(17 * 1024 * 1024, QLatin1Char('a'))));
        const Reply r = send(QStringLiteral("/v1/chat/completions"), body);
        QCOMPARE(r.status, 413);
    }
};

QTEST_GUILESS_MAIN(TestSandboxRealtime)
#include "tst_sandboxrealtime.moc"
