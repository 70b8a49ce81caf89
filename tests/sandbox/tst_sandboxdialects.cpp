// Every provider dialect of the sandbox (docs/providers.md), over loopback with a plain
// QNetworkAccessManager: auth and error envelopes, a full lifecycle with results in the dialect's own format,
// failing lines, cancel, expiry, pagination, and the differences of Groq, Together and Azure.

#include "sandbox/sandboxserver.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QHttpMultiPart>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkProxy>
#include <QNetworkReply>
#include <QProcess>
#include <QRegularExpression>
#include <QTest>
#include <QUrlQuery>

#include <functional>
#include <memory>

using namespace Batchdesk::Sandbox;

namespace {

const QString kKey = QStringLiteral("dialect-test-key");
const QStringList kFamily {QStringLiteral("openai"),   QStringLiteral("deepinfra"), QStringLiteral("groq"),
                           QStringLiteral("together"), QStringLiteral("nebius"),    QStringLiteral("azure")};

struct Reply
{
    int status = 0;
    QByteArray body;
    QJsonObject json;
    QJsonArray array;
};

QList<QJsonObject> jsonLines(const QByteArray &data)
{
    QList<QJsonObject> out;
    for (const QByteArray &line : data.split('\n')) {
        if (!line.trimmed().isEmpty())
            out.append(QJsonDocument::fromJson(line).object());
    }
    return out;
}

QString str(const QJsonObject &o, const char *key)
{
    return o.value(QLatin1String(key)).toString();
}

/** The three test requests: two echoed, one failing with 500. */
struct Request
{
    QString id;
    QString text;
};
const QList<Request> kRequests {{QStringLiteral("first"), QStringLiteral("hello number one")},
                                {QStringLiteral("second"), QStringLiteral("hello number two")},
                                {QStringLiteral("broken"), QStringLiteral("this one [[fail]] please")}};

/** A client of one dialect: its auth header, URL layout and line formats. */
class DialectClient
{
public:
    DialectClient(QString dialect, QString base, QString key = kKey)
        : m_dialect(std::move(dialect))
        , m_base(std::move(base))
        , m_key(std::move(key))
    {
        m_nam.setProxy(QNetworkProxy::NoProxy);
    }

    QString dialect() const { return m_dialect; }
    void setKey(const QString &key) { m_key = key; }
    void setApiVersion(bool on) { m_apiVersion = on; }

    QUrl url(const QString &path, const QString &base = QString()) const
    {
        QUrl u((base.isEmpty() ? m_base : base) + path);
        if (m_dialect == QLatin1String("azure") && m_apiVersion) {
            QUrlQuery q(u);
            q.addQueryItem(QStringLiteral("api-version"), QStringLiteral("2024-10-21"));
            u.setQuery(q);
        }
        return u;
    }

    Reply send(const QByteArray &verb, const QUrl &url, const QByteArray &body = {},
               const QByteArray &contentType = "application/json", QHttpMultiPart *multi = nullptr)
    {
        QNetworkRequest request(url);
        if (!m_key.isEmpty()) {
            if (m_dialect == QLatin1String("azure"))
                request.setRawHeader("api-key", m_key.toUtf8());
            else if (m_dialect == QLatin1String("anthropic"))
                request.setRawHeader("x-api-key", m_key.toUtf8());
            else if (m_dialect == QLatin1String("gemini"))
                request.setRawHeader("x-goog-api-key", m_key.toUtf8());
            else
                request.setRawHeader("Authorization", "Bearer " + m_key.toUtf8());
        }
        if (m_dialect == QLatin1String("anthropic") && m_anthropicVersion)
            request.setRawHeader("anthropic-version", "2023-06-01");
        if (!body.isEmpty())
            request.setRawHeader("Content-Type", contentType);
        request.setTransferTimeout(20000);
        QNetworkReply *reply =
            multi ? m_nam.post(request, multi) : m_nam.sendCustomRequest(request, verb, body);
        if (multi)
            multi->setParent(reply);
        QEventLoop loop;
        QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
        loop.exec();
        Reply r;
        r.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        r.body = reply->readAll();
        const QJsonDocument doc = QJsonDocument::fromJson(r.body);
        r.json = doc.object();
        r.array = doc.array();
        reply->deleteLater();
        return r;
    }

    Reply get(const QString &path) { return send("GET", url(path)); }
    Reply post(const QString &path, const QJsonObject &body)
    {
        return send("POST", url(path), QJsonDocument(body).toJson(QJsonDocument::Compact));
    }

    void setAnthropicVersion(bool on) { m_anthropicVersion = on; }

    /** A multipart/form-data upload (OpenAI family, Mistral). */
    Reply uploadForm(const QByteArray &data, const QString &purpose)
    {
        auto *multi = new QHttpMultiPart(QHttpMultiPart::FormDataType);
        QHttpPart purposePart;
        purposePart.setHeader(QNetworkRequest::ContentDispositionHeader,
                              QStringLiteral("form-data; name=\"purpose\""));
        purposePart.setBody(purpose.toUtf8());
        multi->append(purposePart);
        QHttpPart filePart;
        filePart.setHeader(QNetworkRequest::ContentDispositionHeader,
                           QStringLiteral("form-data; name=\"file\"; filename=\"input.jsonl\""));
        filePart.setBody(data);
        multi->append(filePart);
        return send("POST", url(QStringLiteral("/files")), {}, {}, multi);
    }

    /** Gemini's multipart/related upload to the upload origin path. */
    Reply uploadGemini(const QByteArray &data, const QString &displayName)
    {
        const QByteArray boundary = "batchdesk-test-boundary";
        QByteArray body = "--" + boundary + "\r\nContent-Type: application/json; charset=UTF-8\r\n\r\n";
        body += QJsonDocument(QJsonObject {{QStringLiteral("file"),
                                            QJsonObject {{QStringLiteral("display_name"), displayName}}}})
                    .toJson(QJsonDocument::Compact);
        body += "\r\n--" + boundary + "\r\nContent-Type: application/jsonl\r\n\r\n" + data + "\r\n--"
            + boundary + "--\r\n";
        QString uploadBase = m_base;
        uploadBase.replace(QRegularExpression(QStringLiteral("/v1beta$")), QStringLiteral("/upload/v1beta"));
        return send("POST", QUrl(uploadBase + QStringLiteral("/files?uploadType=multipart")), body,
                    "multipart/related; boundary=" + boundary);
    }

    QByteArray downloadGemini(const QString &fileName)
    {
        QString base = m_base;
        base.replace(QRegularExpression(QStringLiteral("/v1beta$")), QStringLiteral("/download/v1beta"));
        const Reply r =
            send("GET", QUrl(base + QLatin1Char('/') + fileName + QStringLiteral(":download?alt=media")));
        return r.status == 200 ? r.body : QByteArray();
    }

private:
    QString m_dialect;
    QString m_base;
    QString m_key;
    bool m_apiVersion = true;
    bool m_anthropicVersion = true;
    QNetworkAccessManager m_nam;
};

QByteArray openAiLines(const QString &model, const QString &url, const QList<Request> &requests)
{
    QByteArray data;
    for (const Request &r : requests) {
        const QJsonObject line {
            {QStringLiteral("custom_id"), r.id},
            {QStringLiteral("method"), QStringLiteral("POST")},
            {QStringLiteral("url"), url},
            {QStringLiteral("body"),
             QJsonObject {{QStringLiteral("model"), model},
                          {QStringLiteral("messages"),
                           QJsonArray {QJsonObject {{QStringLiteral("role"), QStringLiteral("user")},
                                                    {QStringLiteral("content"), r.text}}}}}}};
        data += QJsonDocument(line).toJson(QJsonDocument::Compact) + '\n';
    }
    return data;
}

QByteArray mistralLines(const QList<Request> &requests)
{
    QByteArray data;
    for (const Request &r : requests) {
        const QJsonObject line {
            {QStringLiteral("custom_id"), r.id},
            {QStringLiteral("body"),
             QJsonObject {{QStringLiteral("max_tokens"), 100},
                          {QStringLiteral("messages"),
                           QJsonArray {QJsonObject {{QStringLiteral("role"), QStringLiteral("user")},
                                                    {QStringLiteral("content"), r.text}}}}}}};
        data += QJsonDocument(line).toJson(QJsonDocument::Compact) + '\n';
    }
    return data;
}

QByteArray geminiLines(const QList<Request> &requests)
{
    QByteArray data;
    for (const Request &r : requests) {
        const QJsonObject line {
            {QStringLiteral("key"), r.id},
            {QStringLiteral("request"),
             QJsonObject {
                 {QStringLiteral("systemInstruction"),
                  QJsonObject {
                      {QStringLiteral("parts"),
                       QJsonArray {QJsonObject {{QStringLiteral("text"), QStringLiteral("Be brief.")}}}}}},
                 {QStringLiteral("contents"),
                  QJsonArray {QJsonObject {{QStringLiteral("role"), QStringLiteral("user")},
                                           {QStringLiteral("parts"),
                                            QJsonArray {QJsonObject {{QStringLiteral("text"), r.text}}}}}}},
                 {QStringLiteral("generationConfig"),
                  QJsonObject {{QStringLiteral("maxOutputTokens"), 100}}}}}};
        data += QJsonDocument(line).toJson(QJsonDocument::Compact) + '\n';
    }
    return data;
}

QJsonArray anthropicRequests(const QList<Request> &requests)
{
    QJsonArray out;
    for (const Request &r : requests)
        out.append(QJsonObject {
            {QStringLiteral("custom_id"), r.id},
            {QStringLiteral("params"),
             QJsonObject {{QStringLiteral("model"), QStringLiteral("echo")},
                          {QStringLiteral("max_tokens"), 100},
                          {QStringLiteral("system"), QStringLiteral("Be brief.")},
                          {QStringLiteral("messages"),
                           QJsonArray {QJsonObject {{QStringLiteral("role"), QStringLiteral("user")},
                                                    {QStringLiteral("content"), r.text}}}}}}});
    return out;
}

QList<Request> manyRequests(int n, const QString &prefix)
{
    QList<Request> out;
    for (int i = 0; i < n; ++i)
        out.append({prefix + QString::number(i), QStringLiteral("line %1").arg(i)});
    return out;
}

/** The chat url and endpoint of a family dialect (Azure's have no /v1). */
QString familyEndpoint(const QString &dialect)
{
    return dialect == QLatin1String("azure") ? QStringLiteral("/chat/completions")
                                             : QStringLiteral("/v1/chat/completions");
}

/** Starts a batch of `requests` in the dialect; returns its id (as the dialect names it). */
QString startBatch(DialectClient &c, const QList<Request> &requests, QString *error = nullptr)
{
    const QString d = c.dialect();
    Reply r;
    QString id;
    if (kFamily.contains(d)) {
        const QString model =
            d == QLatin1String("azure") ? QStringLiteral("echo") : QStringLiteral("sandbox/echo");
        const Reply file = c.uploadForm(openAiLines(model, familyEndpoint(d), requests),
                                        d == QLatin1String("together") ? QStringLiteral("batch-api")
                                                                       : QStringLiteral("batch"));
        if (file.status != 200) {
            if (error)
                *error = QString::fromUtf8(file.body);
            return {};
        }
        r = c.post(QStringLiteral("/batches"),
                   {{QStringLiteral("input_file_id"), file.json.value(QLatin1String("id"))},
                    {QStringLiteral("endpoint"), familyEndpoint(d)},
                    {QStringLiteral("completion_window"), QStringLiteral("24h")}});
        id = d == QLatin1String("together") ? str(r.json.value(QLatin1String("job")).toObject(), "id")
                                            : str(r.json, "id");
    } else if (d == QLatin1String("anthropic")) {
        r = c.post(QStringLiteral("/messages/batches"),
                   {{QStringLiteral("requests"), anthropicRequests(requests)}});
        id = str(r.json, "id");
    } else if (d == QLatin1String("mistral")) {
        const Reply file = c.uploadForm(mistralLines(requests), QStringLiteral("batch"));
        r = c.post(
            QStringLiteral("/batch/jobs"),
            {{QStringLiteral("input_files"), QJsonArray {file.json.value(QLatin1String("id"))}},
             {QStringLiteral("endpoint"), QStringLiteral("/v1/chat/completions")},
             {QStringLiteral("model"), QStringLiteral("echo")},
             {QStringLiteral("metadata"), QJsonObject {{QStringLiteral("job"), QStringLiteral("test")}}}});
        id = str(r.json, "id");
    } else if (d == QLatin1String("gemini")) {
        const Reply file = c.uploadGemini(geminiLines(requests), QStringLiteral("input"));
        const QString fileName = str(file.json.value(QLatin1String("file")).toObject(), "name");
        r = c.post(QStringLiteral("/models/echo:batchGenerateContent"),
                   {{QStringLiteral("batch"),
                     QJsonObject {{QStringLiteral("display_name"), QStringLiteral("batchdesk:test")},
                                  {QStringLiteral("input_config"),
                                   QJsonObject {{QStringLiteral("file_name"), fileName}}}}}});
        id = str(r.json, "name").mid(8); // batches/xyz
    }
    if (r.status != 200 && error)
        *error = QString::fromUtf8(r.body);
    return r.status == 200 ? id : QString();
}

/** The batch as the dialect shows it. */
QJsonObject getBatch(DialectClient &c, const QString &id)
{
    const QString d = c.dialect();
    if (d == QLatin1String("anthropic"))
        return c.get(QStringLiteral("/messages/batches/") + id).json;
    if (d == QLatin1String("mistral"))
        return c.get(QStringLiteral("/batch/jobs/") + id).json;
    return c.get(QStringLiteral("/batches/") + id).json;
}

/** The dialect's status of a batch, lower-cased (Anthropic: processing_status, Gemini: metadata.state). */
QString statusOf(const QString &dialect, const QJsonObject &b)
{
    if (dialect == QLatin1String("anthropic"))
        return str(b, "processing_status");
    if (dialect == QLatin1String("gemini"))
        return str(b.value(QLatin1String("metadata")).toObject(), "state");
    return str(b, "status");
}

bool ended(const QString &dialect, const QJsonObject &b)
{
    const QString s = statusOf(dialect, b);
    if (dialect == QLatin1String("anthropic"))
        return s == QLatin1String("ended");
    if (dialect == QLatin1String("gemini"))
        return b.value(QLatin1String("done")).toBool();
    static const QStringList terminal {QStringLiteral("completed"),        QStringLiteral("failed"),
                                       QStringLiteral("expired"),          QStringLiteral("cancelled"),
                                       QStringLiteral("SUCCESS"),          QStringLiteral("FAILED"),
                                       QStringLiteral("TIMEOUT_EXCEEDED"), QStringLiteral("CANCELLED"),
                                       QStringLiteral("COMPLETED"),        QStringLiteral("EXPIRED")};
    return terminal.contains(s);
}

QJsonObject waitEnded(DialectClient &c, const QString &id, int timeoutMs = 20000)
{
    QElapsedTimer timer;
    timer.start();
    QJsonObject b;
    while (timer.elapsed() < timeoutMs) {
        b = getBatch(c, id);
        if (ended(c.dialect(), b))
            return b;
        QTest::qWait(20);
    }
    return b;
}

/** Cancels a batch in the dialect; returns the HTTP status. */
int cancelBatch(DialectClient &c, const QString &id)
{
    const QString d = c.dialect();
    if (d == QLatin1String("anthropic"))
        return c.post(QStringLiteral("/messages/batches/") + id + QStringLiteral("/cancel"), {}).status;
    if (d == QLatin1String("mistral"))
        return c.post(QStringLiteral("/batch/jobs/") + id + QStringLiteral("/cancel"), {}).status;
    if (d == QLatin1String("gemini"))
        return c.post(QStringLiteral("/batches/") + id + QStringLiteral(":cancel"), {}).status;
    return c.post(QStringLiteral("/batches/") + id + QStringLiteral("/cancel"), {}).status;
}

/** The dialect's results of an ended batch, by custom_id / key: {"ok": bool, "text", "kind"}. */
QHash<QString, QJsonObject> results(DialectClient &c, const QJsonObject &batch)
{
    const QString d = c.dialect();
    QHash<QString, QJsonObject> out;
    auto fromOpenAi = [&](const QByteArray &data) {
        for (const QJsonObject &line : jsonLines(data)) {
            const QJsonObject response = line.value(QLatin1String("response")).toObject();
            const bool ok = response.value(QLatin1String("status_code")).toInt() == 200;
            const QString text = str(response.value(QLatin1String("body"))
                                         .toObject()
                                         .value(QLatin1String("choices"))
                                         .toArray()
                                         .first()
                                         .toObject()
                                         .value(QLatin1String("message"))
                                         .toObject(),
                                     "content");
            const QString kind = line.value(QLatin1String("error")).isObject()
                ? str(line.value(QLatin1String("error")).toObject(), "code")
                : QString::number(response.value(QLatin1String("status_code")).toInt());
            out.insert(
                str(line, "custom_id"),
                {{QStringLiteral("ok"), ok}, {QStringLiteral("text"), text}, {QStringLiteral("kind"), kind}});
        }
    };
    if (kFamily.contains(d) || d == QLatin1String("mistral")) {
        for (const char *key : {"output_file_id", "error_file_id", "output_file", "error_file"}) {
            const QString fileId = str(batch, key);
            if (!fileId.isEmpty()) {
                const Reply r = c.get(QStringLiteral("/files/") + fileId + QStringLiteral("/content"));
                fromOpenAi(r.body);
            }
        }
    } else if (d == QLatin1String("anthropic")) {
        const QString url = str(batch, "results_url");
        const Reply r = c.send("GET", QUrl(url));
        for (const QJsonObject &line : jsonLines(r.body)) {
            const QJsonObject result = line.value(QLatin1String("result")).toObject();
            const QString type = str(result, "type");
            const QString text = str(result.value(QLatin1String("message"))
                                         .toObject()
                                         .value(QLatin1String("content"))
                                         .toArray()
                                         .first()
                                         .toObject(),
                                     "text");
            const QString kind = type == QLatin1String("errored")
                ? str(
                    result.value(QLatin1String("error")).toObject().value(QLatin1String("error")).toObject(),
                    "type")
                : type;
            out.insert(str(line, "custom_id"),
                       {{QStringLiteral("ok"), type == QLatin1String("succeeded")},
                        {QStringLiteral("text"), text},
                        {QStringLiteral("kind"), kind}});
        }
    } else if (d == QLatin1String("gemini")) {
        const QString file =
            str(batch.value(QLatin1String("metadata")).toObject().value(QLatin1String("output")).toObject(),
                "responsesFile");
        for (const QJsonObject &line : jsonLines(c.downloadGemini(file))) {
            const QJsonObject response = line.value(QLatin1String("response")).toObject();
            const QString text = str(response.value(QLatin1String("candidates"))
                                         .toArray()
                                         .first()
                                         .toObject()
                                         .value(QLatin1String("content"))
                                         .toObject()
                                         .value(QLatin1String("parts"))
                                         .toArray()
                                         .first()
                                         .toObject(),
                                     "text");
            const QJsonObject error = line.value(QLatin1String("error")).toObject();
            out.insert(
                str(line, "key"),
                {{QStringLiteral("ok"), !response.isEmpty()},
                 {QStringLiteral("text"), text},
                 {QStringLiteral("kind"), error.isEmpty() ? QStringLiteral("ok") : str(error, "status")}});
        }
    }
    return out;
}

} // namespace

class TestSandboxDialects : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<SandboxServer> m_server;

    DialectClient client(const QString &dialect)
    {
        return DialectClient(dialect, m_server->baseUrlFor(dialect));
    }

private slots:
    void initTestCase()
    {
        SandboxConfig config;
        config.apiKey = kKey;
        config.latencyMs = 5;
        config.concurrency = 4;
        m_server = std::make_unique<SandboxServer>(config);
        QString error;
        QVERIFY2(m_server->start(&error), qPrintable(error));
        QCOMPARE(SandboxServer::dialects().size(), 9);
        QCOMPARE(m_server->baseUrlFor(u"anthropic"),
                 QStringLiteral("http://127.0.0.1:%1/anthropic/v1").arg(m_server->port()));
        QCOMPARE(m_server->baseUrlFor(u"gemini"),
                 QStringLiteral("http://127.0.0.1:%1/gemini/v1beta").arg(m_server->port()));
        QCOMPARE(m_server->baseUrlFor(u"azure"),
                 QStringLiteral("http://127.0.0.1:%1/azure/openai").arg(m_server->port()));
        QVERIFY(m_server->baseUrlFor(u"klingon").isEmpty());
    }

    void cleanupTestCase() { m_server.reset(); }

    void auth_data()
    {
        QTest::addColumn<QString>("dialect");
        for (const QString &d : SandboxServer::dialects())
            QTest::newRow(qPrintable(d)) << d;
    }

    void auth()
    {
        QFETCH(QString, dialect);
        DialectClient c = client(dialect);
        const QString listPath = dialect == QLatin1String("anthropic") ? QStringLiteral("/messages/batches")
            : dialect == QLatin1String("mistral")                      ? QStringLiteral("/batch/jobs")
                                                                       : QStringLiteral("/batches");
        for (const QString &key : {QString(), QStringLiteral("wrong-key")}) {
            c.setKey(key);
            const Reply r = c.get(listPath);
            QCOMPARE(r.status, 401);
            if (dialect == QLatin1String("anthropic")) {
                QCOMPARE(str(r.json, "type"), QStringLiteral("error"));
                QCOMPARE(str(r.json.value(QLatin1String("error")).toObject(), "type"),
                         QStringLiteral("authentication_error"));
            } else if (dialect == QLatin1String("gemini")) {
                const QJsonObject e = r.json.value(QLatin1String("error")).toObject();
                QCOMPARE(e.value(QLatin1String("code")).toInt(), 401);
                QCOMPARE(str(e, "status"), QStringLiteral("UNAUTHENTICATED"));
                QVERIFY(!str(e, "message").isEmpty());
            } else {
                QVERIFY(!str(r.json.value(QLatin1String("error")).toObject(), "message").isEmpty());
            }
        }
        // The right key in another dialect's header is refused too.
        DialectClient bearer(QStringLiteral("openai"), m_server->baseUrlFor(dialect));
        if (dialect != QLatin1String("openai") && !kFamily.contains(dialect)
            && dialect != QLatin1String("mistral"))
            QCOMPARE(bearer.get(listPath).status, 401);
        c.setKey(kKey);
        const Reply ok = c.get(listPath);
        QVERIFY2(ok.status == 200, ok.body.constData());
        // An unknown path answers 404 in the dialect's envelope.
        const Reply missing = c.get(QStringLiteral("/no/such/thing"));
        QCOMPARE(missing.status, 404);
        if (dialect == QLatin1String("anthropic"))
            QCOMPARE(str(missing.json.value(QLatin1String("error")).toObject(), "type"),
                     QStringLiteral("not_found_error"));
        else if (dialect == QLatin1String("gemini"))
            QCOMPARE(str(missing.json.value(QLatin1String("error")).toObject(), "status"),
                     QStringLiteral("NOT_FOUND"));
        else
            QVERIFY(missing.json.value(QLatin1String("error")).isObject());
    }

    void lifecycle_data() { auth_data(); }

    void lifecycle()
    {
        QFETCH(QString, dialect);
        DialectClient c = client(dialect);
        QString error;
        const QString id = startBatch(c, kRequests, &error);
        QVERIFY2(!id.isEmpty(), qPrintable(error));
        const QJsonObject batch = waitEnded(c, id);
        QVERIFY2(ended(dialect, batch), QJsonDocument(batch).toJson().constData());
        const QHash<QString, QJsonObject> res = results(c, batch);
        QCOMPARE(res.size(), 3);
        QVERIFY(res.value(QStringLiteral("first")).value(QLatin1String("ok")).toBool());
        QCOMPARE(str(res.value(QStringLiteral("first")), "text"), QStringLiteral("hello number one"));
        QCOMPARE(str(res.value(QStringLiteral("second")), "text"), QStringLiteral("hello number two"));
        const QJsonObject broken = res.value(QStringLiteral("broken"));
        QVERIFY(!broken.value(QLatin1String("ok")).toBool());
        // The failing line shows as that dialect's error.
        if (dialect == QLatin1String("anthropic")) {
            QCOMPARE(str(broken, "kind"), QStringLiteral("api_error"));
            QCOMPARE(str(batch, "type"), QStringLiteral("message_batch"));
            QVERIFY(str(batch, "id").startsWith(QLatin1String("msgbatch_")));
            const QJsonObject counts = batch.value(QLatin1String("request_counts")).toObject();
            QCOMPARE(counts.value(QLatin1String("succeeded")).toInt(), 2);
            QCOMPARE(counts.value(QLatin1String("errored")).toInt(), 1);
            QCOMPARE(counts.value(QLatin1String("processing")).toInt(), 0);
            QVERIFY(QDateTime::fromString(str(batch, "created_at"), Qt::ISODate).isValid());
            QVERIFY(QDateTime::fromString(str(batch, "ended_at"), Qt::ISODate).isValid());
        } else if (dialect == QLatin1String("gemini")) {
            QCOMPARE(str(broken, "kind"), QStringLiteral("INTERNAL"));
            const QJsonObject meta = batch.value(QLatin1String("metadata")).toObject();
            QCOMPARE(str(meta, "state"), QStringLiteral("JOB_STATE_SUCCEEDED"));
            QCOMPARE(str(meta, "displayName"), QStringLiteral("batchdesk:test"));
            const QJsonObject stats = meta.value(QLatin1String("batchStats")).toObject();
            QCOMPARE(stats.value(QLatin1String("requestCount")).toString(), QStringLiteral("3"));
            QCOMPARE(stats.value(QLatin1String("successfulRequestCount")).toString(), QStringLiteral("2"));
            QCOMPARE(stats.value(QLatin1String("failedRequestCount")).toString(), QStringLiteral("1"));
        } else if (dialect == QLatin1String("mistral")) {
            QCOMPARE(str(broken, "kind"), QStringLiteral("500"));
            QCOMPARE(str(batch, "status"), QStringLiteral("SUCCESS"));
            QCOMPARE(batch.value(QLatin1String("total_requests")).toInt(), 3);
            QCOMPARE(batch.value(QLatin1String("succeeded_requests")).toInt(), 2);
            QCOMPARE(batch.value(QLatin1String("failed_requests")).toInt(), 1);
            QCOMPARE(str(batch, "model"), QStringLiteral("echo"));
        } else {
            QCOMPARE(str(broken, "kind"), QStringLiteral("500"));
            if (dialect == QLatin1String("together")) {
                QCOMPARE(str(batch, "status"), QStringLiteral("COMPLETED"));
                QVERIFY(!batch.contains(QLatin1String("request_counts")));
                QCOMPARE(batch.value(QLatin1String("progress")).toDouble(), 100.0);
                QCOMPARE(str(batch, "model_id"), QStringLiteral("sandbox/echo"));
                QVERIFY(QDateTime::fromString(str(batch, "created_at"), Qt::ISODate).isValid());
                QVERIFY(QDateTime::fromString(str(batch, "completed_at"), Qt::ISODate).isValid());
                QVERIFY(QDateTime::fromString(str(batch, "job_deadline"), Qt::ISODate).isValid());
            } else {
                QCOMPARE(str(batch, "status"), QStringLiteral("completed"));
                QCOMPARE(batch.value(QLatin1String("request_counts"))
                             .toObject()
                             .value(QLatin1String("failed"))
                             .toInt(),
                         1);
            }
            if (dialect == QLatin1String("azure"))
                QCOMPARE(str(batch, "endpoint"), QStringLiteral("/chat/completions"));
        }
    }

    void cancel_data() { auth_data(); }

    void cancel()
    {
        QFETCH(QString, dialect);
        DialectClient c = client(dialect);
        // 400 lines at 4 per 5 ms: about half a second of work, cancelled right away.
        const QString id = startBatch(c, manyRequests(400, QStringLiteral("c")));
        QVERIFY(!id.isEmpty());
        QCOMPARE(cancelBatch(c, id), 200);
        const QJsonObject batch = waitEnded(c, id);
        const QString status = statusOf(dialect, batch);
        if (dialect == QLatin1String("anthropic")) {
            QCOMPARE(status, QStringLiteral("ended"));
            QVERIFY(!batch.value(QLatin1String("cancel_initiated_at")).isNull());
            const QJsonObject counts = batch.value(QLatin1String("request_counts")).toObject();
            QVERIFY(counts.value(QLatin1String("canceled")).toInt() > 0);
            const auto res = results(c, batch);
            QCOMPARE(res.size(), 400);
            int canceled = 0;
            for (const QJsonObject &r : res)
                canceled += str(r, "kind") == QLatin1String("canceled");
            QCOMPARE(canceled, counts.value(QLatin1String("canceled")).toInt());
        } else if (dialect == QLatin1String("gemini")) {
            QCOMPARE(status, QStringLiteral("JOB_STATE_CANCELLED"));
        } else if (dialect == QLatin1String("mistral") || dialect == QLatin1String("together")) {
            QCOMPARE(status, QStringLiteral("CANCELLED"));
        } else {
            QCOMPARE(status, QStringLiteral("cancelled"));
        }
    }

    void pagination_data() { auth_data(); }

    void pagination()
    {
        QFETCH(QString, dialect);
        if (dialect == QLatin1String("together"))
            QSKIP("Together lists all batches as a bare array (tested in together())");
        DialectClient c = client(dialect);
        for (int i = 0; i < 3; ++i)
            QVERIFY(!startBatch(c, {{QStringLiteral("p"), QStringLiteral("page")}}).isEmpty());
        QStringList ids;
        int pages = 0;
        QString cursor;
        int page = 0;
        while (pages < 100) {
            ++pages;
            Reply r;
            if (dialect == QLatin1String("anthropic")) {
                r = c.get(QStringLiteral("/messages/batches?limit=2")
                          + (cursor.isEmpty() ? QString() : QStringLiteral("&after_id=") + cursor));
                for (const QJsonValue &b : r.json.value(QLatin1String("data")).toArray())
                    ids << str(b.toObject(), "id");
                QCOMPARE(str(r.json, "last_id"), ids.last());
                if (!r.json.value(QLatin1String("has_more")).toBool())
                    break;
                cursor = str(r.json, "last_id");
            } else if (dialect == QLatin1String("mistral")) {
                r = c.get(QStringLiteral("/batch/jobs?page_size=2&page=%1").arg(page++));
                const QJsonArray data = r.json.value(QLatin1String("data")).toArray();
                for (const QJsonValue &b : data)
                    ids << str(b.toObject(), "id");
                if (ids.size() >= r.json.value(QLatin1String("total")).toInt())
                    break;
                QCOMPARE(data.size(), 2);
            } else if (dialect == QLatin1String("gemini")) {
                r = c.get(QStringLiteral("/batches?pageSize=2")
                          + (cursor.isEmpty() ? QString() : QStringLiteral("&pageToken=") + cursor));
                for (const QJsonValue &b : r.json.value(QLatin1String("operations")).toArray())
                    ids << str(b.toObject(), "name");
                cursor = str(r.json, "nextPageToken");
                if (cursor.isEmpty())
                    break;
            } else {
                QUrl u = c.url(QStringLiteral("/batches"));
                QUrlQuery q(u);
                q.addQueryItem(QStringLiteral("limit"), QStringLiteral("2"));
                if (!cursor.isEmpty())
                    q.addQueryItem(QStringLiteral("after"), cursor);
                u.setQuery(q);
                r = c.send("GET", u);
                for (const QJsonValue &b : r.json.value(QLatin1String("data")).toArray())
                    ids << str(b.toObject(), "id");
                if (!r.json.value(QLatin1String("has_more")).toBool())
                    break;
                cursor = str(r.json, "last_id");
            }
            QVERIFY2(r.status == 200, r.body.constData());
        }
        QVERIFY(pages >= 2);
        QVERIFY(ids.size() >= 3);
        QCOMPARE(QSet<QString>(ids.begin(), ids.end()).size(), ids.size()); // no batch twice
    }

    void expiry_data()
    {
        QTest::addColumn<QString>("dialect");
        for (const QString &d :
             {QStringLiteral("openai"), QStringLiteral("together"), QStringLiteral("anthropic"),
              QStringLiteral("mistral"), QStringLiteral("gemini")})
            QTest::newRow(qPrintable(d)) << d;
    }

    void expiry()
    {
        QFETCH(QString, dialect);
        SandboxConfig config;
        config.apiKey = kKey;
        config.latencyMs = 100;
        config.concurrency = 1;
        config.windowSeconds = 1;
        SandboxServer server(config);
        QVERIFY(server.start());
        DialectClient c(dialect, server.baseUrlFor(dialect));
        const QString id = startBatch(c, manyRequests(40, QStringLiteral("x")));
        QVERIFY(!id.isEmpty());
        const QJsonObject batch = waitEnded(c, id, 10000);
        const QString status = statusOf(dialect, batch);
        if (dialect == QLatin1String("anthropic")) {
            QCOMPARE(status, QStringLiteral("ended"));
            const QJsonObject counts = batch.value(QLatin1String("request_counts")).toObject();
            QVERIFY(counts.value(QLatin1String("expired")).toInt() > 0);
            int expired = 0;
            for (const QJsonObject &r : results(c, batch))
                expired += str(r, "kind") == QLatin1String("expired");
            QCOMPARE(expired, counts.value(QLatin1String("expired")).toInt());
        } else if (dialect == QLatin1String("gemini")) {
            QCOMPARE(status, QStringLiteral("JOB_STATE_EXPIRED"));
            int expired = 0;
            for (const QJsonObject &r : results(c, batch))
                expired += str(r, "kind") == QLatin1String("DEADLINE_EXCEEDED");
            QVERIFY(expired > 0);
        } else if (dialect == QLatin1String("mistral")) {
            QCOMPARE(status, QStringLiteral("TIMEOUT_EXCEEDED"));
        } else if (dialect == QLatin1String("together")) {
            QCOMPARE(status, QStringLiteral("EXPIRED"));
        } else {
            QCOMPARE(status, QStringLiteral("expired"));
        }
    }

    void groqWindows()
    {
        DialectClient c = client(QStringLiteral("groq"));
        const Reply file =
            c.uploadForm(openAiLines(QStringLiteral("echo"), QStringLiteral("/v1/chat/completions"),
                                     {{QStringLiteral("g"), QStringLiteral("groq")}}),
                         QStringLiteral("batch"));
        QCOMPARE(file.status, 200);
        auto create = [&](const QString &window) {
            return c.post(QStringLiteral("/batches"),
                          {{QStringLiteral("input_file_id"), file.json.value(QLatin1String("id"))},
                           {QStringLiteral("endpoint"), QStringLiteral("/v1/chat/completions")},
                           {QStringLiteral("completion_window"), window}});
        };
        const Reply week = create(QStringLiteral("7d"));
        QCOMPARE(week.status, 200);
        QCOMPARE(str(week.json, "completion_window"), QStringLiteral("7d"));
        // A 7-day window lasts seven times the 24h one.
        QCOMPARE(week.json.value(QLatin1String("expires_at")).toInteger()
                     - week.json.value(QLatin1String("created_at")).toInteger(),
                 qint64(7 * 86400));
        QCOMPARE(create(QStringLiteral("48h")).status, 200);
        const Reply tooLong = create(QStringLiteral("8d"));
        QCOMPARE(tooLong.status, 400);
        QVERIFY(str(tooLong.json.value(QLatin1String("error")).toObject(), "message")
                    .contains(QLatin1String("7d")));
        QCOMPARE(create(QStringLiteral("12h")).status, 400);
        // Plain OpenAI keeps only 24h.
        DialectClient openai = client(QStringLiteral("openai"));
        const Reply f2 =
            openai.uploadForm(openAiLines(QStringLiteral("echo"), QStringLiteral("/v1/chat/completions"),
                                          {{QStringLiteral("g"), QStringLiteral("groq")}}),
                              QStringLiteral("batch"));
        QCOMPARE(openai
                     .post(QStringLiteral("/batches"),
                           {{QStringLiteral("input_file_id"), f2.json.value(QLatin1String("id"))},
                            {QStringLiteral("endpoint"), QStringLiteral("/v1/chat/completions")},
                            {QStringLiteral("completion_window"), QStringLiteral("7d")}})
                     .status,
                 400);
        // A failed validation shows `errors` as a bare array.
        const Reply bad = c.uploadForm("{not json\n", QStringLiteral("batch"));
        const Reply created = c.post(QStringLiteral("/batches"),
                                     {{QStringLiteral("input_file_id"), bad.json.value(QLatin1String("id"))},
                                      {QStringLiteral("endpoint"), QStringLiteral("/v1/chat/completions")},
                                      {QStringLiteral("completion_window"), QStringLiteral("24h")}});
        QCOMPARE(created.status, 200);
        const QJsonObject failed = waitEnded(c, str(created.json, "id"));
        QCOMPARE(str(failed, "status"), QStringLiteral("failed"));
        QVERIFY(failed.value(QLatin1String("errors")).isArray());
        QVERIFY(!failed.value(QLatin1String("errors")).toArray().isEmpty());
    }

    void together()
    {
        DialectClient c = client(QStringLiteral("together"));
        // Upload purpose batch-api is required.
        QCOMPARE(c.uploadForm(
                      openAiLines(QStringLiteral("echo"), QStringLiteral("/v1/chat/completions"), kRequests),
                      QStringLiteral("batch"))
                     .status,
                 400);
        const QString id = startBatch(c, kRequests);
        QVERIFY(!id.isEmpty());
        const Reply list = c.get(QStringLiteral("/batches"));
        QCOMPARE(list.status, 200);
        QVERIFY(list.json.isEmpty());
        QVERIFY(!list.array.isEmpty());
        bool found = false;
        for (const QJsonValue &v : list.array) {
            const QJsonObject b = v.toObject();
            if (str(b, "id") != id)
                continue;
            found = true;
            QVERIFY(str(b, "status") == str(b, "status").toUpper());
            QVERIFY(QDateTime::fromString(str(b, "created_at"), Qt::ISODate).isValid());
            QVERIFY(b.value(QLatin1String("progress")).isDouble());
        }
        QVERIFY(found);
    }

    void azure()
    {
        DialectClient c = client(QStringLiteral("azure"));
        c.setApiVersion(false);
        const Reply r = c.get(QStringLiteral("/batches"));
        QCOMPARE(r.status, 400);
        QVERIFY(str(r.json.value(QLatin1String("error")).toObject(), "message")
                    .contains(QLatin1String("api-version")));
        c.setApiVersion(true);
        QCOMPARE(c.get(QStringLiteral("/batches")).status, 200);
        // Endpoints are written without /v1.
        const Reply file =
            c.uploadForm(openAiLines(QStringLiteral("echo"), QStringLiteral("/chat/completions"), kRequests),
                         QStringLiteral("batch"));
        QCOMPARE(file.status, 200);
        const Reply withV1 = c.post(QStringLiteral("/batches"),
                                    {{QStringLiteral("input_file_id"), file.json.value(QLatin1String("id"))},
                                     {QStringLiteral("endpoint"), QStringLiteral("/v1/chat/completions")},
                                     {QStringLiteral("completion_window"), QStringLiteral("24h")}});
        QCOMPARE(withV1.status, 400);
        // The Bearer header is no key for Azure.
        DialectClient bearer(QStringLiteral("openai"), m_server->baseUrlFor(u"azure"));
        QCOMPARE(bearer
                     .send("GET",
                           QUrl(m_server->baseUrlFor(u"azure")
                                + QStringLiteral("/batches?api-version=2024-10-21")))
                     .status,
                 401);
    }

    void anthropicValidation()
    {
        DialectClient c = client(QStringLiteral("anthropic"));
        auto create = [&](const QJsonArray &requests) {
            return c.post(QStringLiteral("/messages/batches"), {{QStringLiteral("requests"), requests}});
        };
        QJsonArray requests = anthropicRequests(kRequests);
        QJsonObject bad = requests.at(0).toObject();
        bad.insert(QStringLiteral("custom_id"), QStringLiteral("has space"));
        Reply r = create({bad});
        QCOMPARE(r.status, 400);
        QCOMPARE(str(r.json.value(QLatin1String("error")).toObject(), "type"),
                 QStringLiteral("invalid_request_error"));
        QVERIFY(str(r.json.value(QLatin1String("error")).toObject(), "message")
                    .contains(QLatin1String("custom_id")));
        bad = requests.at(0).toObject();
        QJsonObject params = bad.value(QLatin1String("params")).toObject();
        params.remove(QStringLiteral("max_tokens"));
        bad.insert(QStringLiteral("params"), params);
        r = create({bad});
        QCOMPARE(r.status, 400);
        QVERIFY(str(r.json.value(QLatin1String("error")).toObject(), "message")
                    .contains(QLatin1String("max_tokens")));
        QCOMPARE(create({}).status, 400);
        QCOMPARE(create({requests.at(0), requests.at(0)}).status, 400); // duplicate custom_id
        // Without anthropic-version: 400.
        c.setAnthropicVersion(false);
        r = c.get(QStringLiteral("/messages/batches"));
        QCOMPARE(r.status, 400);
        QVERIFY(str(r.json.value(QLatin1String("error")).toObject(), "message")
                    .contains(QLatin1String("anthropic-version")));
        c.setAnthropicVersion(true);
        QCOMPARE(c.get(QStringLiteral("/messages/batches/msgbatch_nope")).status, 404);
    }

    void geminiFiles()
    {
        DialectClient c = client(QStringLiteral("gemini"));
        const QByteArray data = geminiLines(kRequests);
        const Reply up = c.uploadGemini(data, QStringLiteral("my input"));
        QCOMPARE(up.status, 200);
        const QJsonObject file = up.json.value(QLatin1String("file")).toObject();
        const QString name = str(file, "name");
        QVERIFY(name.startsWith(QLatin1String("files/")));
        QCOMPARE(str(file, "sizeBytes"), QString::number(data.size()));
        QCOMPARE(str(file, "displayName"), QStringLiteral("my input"));
        QVERIFY(QDateTime::fromString(str(file, "createTime"), Qt::ISODate).isValid());
        QCOMPARE(c.get(QLatin1Char('/') + name).json.value(QLatin1String("sizeBytes")).toString(),
                 QString::number(data.size()));
        QCOMPARE(c.downloadGemini(name), data);
        // The model path may hold the slash of sandbox/echo.
        const Reply op = c.post(QStringLiteral("/models/sandbox/echo:batchGenerateContent"),
                                {{QStringLiteral("batch"),
                                  QJsonObject {{QStringLiteral("display_name"), QStringLiteral("slash")},
                                               {QStringLiteral("input_config"),
                                                QJsonObject {{QStringLiteral("file_name"), name}}}}}});
        QVERIFY2(op.status == 200, op.body.constData());
        QCOMPARE(str(op.json.value(QLatin1String("metadata")).toObject(), "model"),
                 QStringLiteral("models/sandbox/echo"));
        const QJsonObject done = waitEnded(c, str(op.json, "name").mid(8));
        QCOMPARE(results(c, done).size(), 3);
        // Files list pages with pageSize / pageToken.
        QVERIFY(c.uploadGemini(data, QStringLiteral("second")).status == 200);
        const Reply page1 = c.get(QStringLiteral("/files?pageSize=1"));
        QCOMPARE(page1.json.value(QLatin1String("files")).toArray().size(), 1);
        const QString token = str(page1.json, "nextPageToken");
        QVERIFY(!token.isEmpty());
        const Reply page2 = c.get(QStringLiteral("/files?pageSize=1&pageToken=") + token);
        QCOMPARE(page2.status, 200);
        QVERIFY(str(page2.json.value(QLatin1String("files")).toArray().first().toObject(), "name")
                != str(page1.json.value(QLatin1String("files")).toArray().first().toObject(), "name"));
        // Delete answers {} and the file is gone.
        const Reply del = c.send("DELETE", c.url(QLatin1Char('/') + name));
        QCOMPARE(del.status, 200);
        QVERIFY(del.json.isEmpty());
        QCOMPARE(c.get(QLatin1Char('/') + name).status, 404);
        // A line that is no GenerateContentRequest is refused with its line number.
        const Reply bad = c.uploadGemini("{\"key\":\"k\",\"request\":{}}\n", QStringLiteral("bad"));
        const Reply refused =
            c.post(QStringLiteral("/models/echo:batchGenerateContent"),
                   {{QStringLiteral("batch"),
                     QJsonObject {
                         {QStringLiteral("input_config"),
                          QJsonObject {{QStringLiteral("file_name"),
                                        str(bad.json.value(QLatin1String("file")).toObject(), "name")}}}}}});
        QCOMPARE(refused.status, 400);
        QVERIFY(str(refused.json.value(QLatin1String("error")).toObject(), "message")
                    .contains(QLatin1String("line 1")));
    }

    void mistralFiles()
    {
        DialectClient c = client(QStringLiteral("mistral"));
        QVERIFY(c.uploadForm(mistralLines(kRequests), QStringLiteral("batch")).status == 200);
        QVERIFY(c.uploadForm(mistralLines(kRequests), QStringLiteral("batch")).status == 200);
        const Reply page = c.get(QStringLiteral("/files?page=0&page_size=1"));
        QCOMPARE(page.status, 200);
        QCOMPARE(page.json.value(QLatin1String("data")).toArray().size(), 1);
        QVERIFY(page.json.value(QLatin1String("total")).toInt() >= 2);
        QCOMPARE(str(page.json, "object"), QStringLiteral("list"));
        // A job over two input files runs the lines of both.
        const Reply a = c.uploadForm(mistralLines({{QStringLiteral("a1"), QStringLiteral("from file a")}}),
                                     QStringLiteral("batch"));
        const Reply b = c.uploadForm(mistralLines({{QStringLiteral("b1"), QStringLiteral("from file b")}}),
                                     QStringLiteral("batch"));
        const Reply job =
            c.post(QStringLiteral("/batch/jobs"),
                   {{QStringLiteral("input_files"),
                     QJsonArray {a.json.value(QLatin1String("id")), b.json.value(QLatin1String("id"))}},
                    {QStringLiteral("endpoint"), QStringLiteral("/v1/chat/completions")},
                    {QStringLiteral("model"), QStringLiteral("sandbox/echo")}});
        QVERIFY2(job.status == 200, job.body.constData());
        QCOMPARE(job.json.value(QLatin1String("input_files")).toArray().size(), 2);
        const auto res = results(c, waitEnded(c, str(job.json, "id")));
        QCOMPARE(str(res.value(QStringLiteral("b1")), "text"), QStringLiteral("from file b"));
        QCOMPARE(str(res.value(QStringLiteral("a1")), "text"), QStringLiteral("from file a"));
    }

    void faults_data() { auth_data(); }

    void faults()
    {
        QFETCH(QString, dialect);
        DialectClient c = client(dialect);
        const QString listPath = dialect == QLatin1String("anthropic") ? QStringLiteral("/messages/batches")
            : dialect == QLatin1String("mistral")                      ? QStringLiteral("/batch/jobs")
                                                                       : QStringLiteral("/batches");
        for (const int status : {429, 500}) {
            SandboxFaults f;
            (status == 429 ? f.rate429 : f.rate500) = 1;
            m_server->setFaults(f);
            const Reply r = c.get(listPath);
            m_server->setFaults({});
            QCOMPARE(r.status, status);
            const QJsonObject e = r.json.value(QLatin1String("error")).toObject();
            if (dialect == QLatin1String("anthropic"))
                QCOMPARE(str(e, "type"),
                         status == 429 ? QStringLiteral("rate_limit_error") : QStringLiteral("api_error"));
            else if (dialect == QLatin1String("gemini"))
                QCOMPARE(str(e, "status"),
                         status == 429 ? QStringLiteral("RESOURCE_EXHAUSTED") : QStringLiteral("INTERNAL"));
            else
                QVERIFY(!str(e, "message").isEmpty());
        }
        QCOMPARE(c.get(listPath).status, 200);
    }

    void process()
    {
        QProcess bad;
        bad.start(QStringLiteral(BATCHDESK_SANDBOX),
                  {QStringLiteral("--dialect"), QStringLiteral("klingon")});
        QVERIFY(bad.waitForFinished(10000));
        QCOMPARE(bad.exitCode(), 2);
        QVERIFY(bad.readAllStandardError().contains("unknown dialect 'klingon'"));

        QProcess sandbox;
        sandbox.start(QStringLiteral(BATCHDESK_SANDBOX),
                      {QStringLiteral("--dialect"), QStringLiteral("anthropic"),
                       QStringLiteral("--print-port"), QStringLiteral("--api-key"), kKey,
                       QStringLiteral("--latency-ms"), QStringLiteral("5")});
        QVERIFY(sandbox.waitForReadyRead(10000));
        const QString port = QString::fromUtf8(sandbox.readLine()).trimmed();
        QVERIFY(port.toInt() > 0);
        QByteArray err;
        QElapsedTimer timer;
        timer.start();
        while (!err.contains("listening on") && timer.elapsed() < 10000) {
            sandbox.waitForReadyRead(100);
            err += sandbox.readAllStandardError();
        }
        QVERIFY2(err.contains("dialect anthropic"), err.constData());
        QVERIFY2(err.contains(QStringLiteral("http://127.0.0.1:%1/anthropic/v1").arg(port).toUtf8()),
                 err.constData());
        DialectClient c(QStringLiteral("anthropic"), QStringLiteral("http://127.0.0.1:%1/v1").arg(port));
        const QString id = startBatch(c, kRequests);
        QVERIFY(!id.isEmpty());
        QCOMPARE(results(c, waitEnded(c, id)).size(), 3);
        sandbox.terminate();
        QVERIFY(sandbox.waitForFinished(10000));
    }

    void rootDialect_data()
    {
        QTest::addColumn<QString>("dialect");
        QTest::addColumn<QString>("rootPath");
        QTest::newRow("anthropic") << QStringLiteral("anthropic") << QStringLiteral("/v1");
        QTest::newRow("azure") << QStringLiteral("azure") << QStringLiteral("/openai");
        QTest::newRow("gemini") << QStringLiteral("gemini") << QStringLiteral("/v1beta");
        QTest::newRow("mistral") << QStringLiteral("mistral") << QStringLiteral("/v1");
    }

    void rootDialect()
    {
        QFETCH(QString, dialect);
        QFETCH(QString, rootPath);
        SandboxConfig config;
        config.apiKey = kKey;
        config.latencyMs = 5;
        config.dialect = dialect;
        SandboxServer server(config);
        QVERIFY(server.start());
        const QString origin = QStringLiteral("http://127.0.0.1:%1").arg(server.port());
        DialectClient c(dialect, origin + rootPath);
        const QString id = startBatch(c, kRequests);
        QVERIFY(!id.isEmpty());
        const QJsonObject batch = waitEnded(c, id);
        QCOMPARE(results(c, batch).size(), 3);
        // OpenAI stays reachable under its own prefix.
        DialectClient openai(QStringLiteral("openai"), server.baseUrlFor(u"openai"));
        QCOMPARE(openai.get(QStringLiteral("/batches")).status, 200);
        SandboxConfig unknown;
        unknown.dialect = QStringLiteral("klingon");
        SandboxServer refused(unknown);
        QString error;
        QVERIFY(!refused.start(&error));
        QVERIFY(error.contains(QLatin1String("klingon")));
    }
};

QTEST_GUILESS_MAIN(TestSandboxDialects)
#include "tst_sandboxdialects.moc"
