// End-to-end tests of the sandbox server over loopback with a plain QNetworkAccessManager.

#include "sandbox/sandboxserver.h"

#include <QElapsedTimer>
#include <QEventLoop>
#include <QHttpMultiPart>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkProxy>
#include <QNetworkReply>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

#include <cmath>
#include <memory>

using namespace Batchdesk::Sandbox;

namespace {

const QString kKey = QStringLiteral("test-key");

struct Reply
{
    int status = 0;
    QNetworkReply::NetworkError error = QNetworkReply::NoError;
    QByteArray body;
    QJsonObject json;
    QByteArray requestId;
    QByteArray retryAfter;
    qint64 ms = 0;
};

QByteArray chatLine(const QString &customId, const QString &text,
                    const QString &model = QStringLiteral("sandbox/echo"))
{
    const QJsonObject line {
        {QStringLiteral("custom_id"), customId},
        {QStringLiteral("method"), QStringLiteral("POST")},
        {QStringLiteral("url"), QStringLiteral("/v1/chat/completions")},
        {QStringLiteral("body"),
         QJsonObject {{QStringLiteral("model"), model},
                      {QStringLiteral("messages"),
                       QJsonArray {QJsonObject {{QStringLiteral("role"), QStringLiteral("system")},
                                                {QStringLiteral("content"), QStringLiteral("Be brief.")}},
                                   QJsonObject {{QStringLiteral("role"), QStringLiteral("user")},
                                                {QStringLiteral("content"), text}}}}}},
    };
    return QJsonDocument(line).toJson(QJsonDocument::Compact) + '\n';
}

QByteArray chatFile(int lines, const QString &prefix = QStringLiteral("req"))
{
    QByteArray data;
    for (int i = 0; i < lines; ++i)
        data += chatLine(prefix + QString::number(i), QStringLiteral("message number %1").arg(i));
    return data;
}

QList<QJsonObject> jsonLines(const QByteArray &data)
{
    QList<QJsonObject> out;
    for (const QByteArray &line : data.split('\n')) {
        if (!line.trimmed().isEmpty())
            out.append(QJsonDocument::fromJson(line).object());
    }
    return out;
}

bool isTerminal(const QString &status)
{
    return status == QLatin1String("completed") || status == QLatin1String("failed")
        || status == QLatin1String("expired") || status == QLatin1String("cancelled");
}

/** A synchronous little client over QNetworkAccessManager. */
class Client
{
public:
    explicit Client(QString baseUrl)
        : m_baseUrl(std::move(baseUrl))
    {
        m_nam.setProxy(QNetworkProxy::NoProxy);
    }

    QString baseUrl() const { return m_baseUrl; }
    void setBaseUrl(const QString &url) { m_baseUrl = url; }

    Reply send(const QByteArray &verb, const QString &path, const QByteArray &body = {},
               const QString &key = kKey, QHttpMultiPart *multi = nullptr)
    {
        QNetworkRequest request(QUrl(m_baseUrl + path));
        if (!key.isEmpty())
            request.setRawHeader("Authorization", "Bearer " + key.toUtf8());
        if (!body.isEmpty())
            request.setHeader(QNetworkRequest::ContentTypeHeader, QStringLiteral("application/json"));
        request.setTransferTimeout(20000);
        QElapsedTimer timer;
        timer.start();
        QNetworkReply *reply =
            multi ? m_nam.post(request, multi) : m_nam.sendCustomRequest(request, verb, body);
        if (multi)
            multi->setParent(reply);
        QEventLoop loop;
        QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
        loop.exec();
        Reply r;
        r.ms = timer.elapsed();
        r.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        r.error = reply->error();
        r.body = reply->readAll();
        r.json = QJsonDocument::fromJson(r.body).object();
        r.requestId = reply->rawHeader("x-request-id");
        r.retryAfter = reply->rawHeader("Retry-After");
        reply->deleteLater();
        return r;
    }

    Reply get(const QString &path, const QString &key = kKey) { return send("GET", path, {}, key); }
    Reply post(const QString &path, const QJsonObject &body)
    {
        return send("POST", path, QJsonDocument(body).toJson(QJsonDocument::Compact));
    }

    Reply upload(const QByteArray &data, const QString &purpose = QStringLiteral("batch"),
                 const QString &expiresSeconds = QString(), const QString &prefix = QStringLiteral("/files"))
    {
        auto *multi = new QHttpMultiPart(QHttpMultiPart::FormDataType);
        auto addField = [multi](const QString &name, const QByteArray &value) {
            QHttpPart part;
            part.setHeader(QNetworkRequest::ContentDispositionHeader,
                           QString(QStringLiteral("form-data; name=\"") + name + QStringLiteral("\"")));
            part.setBody(value);
            multi->append(part);
        };
        if (!purpose.isNull())
            addField(QStringLiteral("purpose"), purpose.toUtf8());
        if (!expiresSeconds.isEmpty()) {
            addField(QStringLiteral("expires_after[anchor]"), "created_at");
            addField(QStringLiteral("expires_after[seconds]"), expiresSeconds.toUtf8());
        }
        QHttpPart filePart;
        filePart.setHeader(QNetworkRequest::ContentDispositionHeader,
                           QStringLiteral("form-data; name=\"file\"; filename=\"input.jsonl\""));
        filePart.setHeader(QNetworkRequest::ContentTypeHeader, QStringLiteral("application/jsonl"));
        filePart.setBody(data);
        multi->append(filePart);
        return send("POST", prefix, {}, kKey, multi);
    }

    /** Uploads and creates a batch; returns the created batch object. */
    QJsonObject submit(const QByteArray &data, const QJsonObject &extra = {},
                       const QString &endpoint = QStringLiteral("/v1/chat/completions"))
    {
        const Reply file = upload(data);
        if (file.status != 200)
            return {};
        QJsonObject body {{QStringLiteral("input_file_id"), file.json.value(QLatin1String("id"))},
                          {QStringLiteral("endpoint"), endpoint},
                          {QStringLiteral("completion_window"), QStringLiteral("24h")}};
        for (auto it = extra.begin(); it != extra.end(); ++it)
            body.insert(it.key(), it.value());
        const Reply created = post(QStringLiteral("/batches"), body);
        return created.status == 200 ? created.json : QJsonObject();
    }

    /** Polls until the batch is terminal (or the predicate holds); returns the last object. */
    QJsonObject waitFor(const QString &id, int timeoutMs = 15000, QStringList *seen = nullptr,
                        const std::function<bool(const QJsonObject &)> &until = {})
    {
        QElapsedTimer timer;
        timer.start();
        QJsonObject batch;
        while (timer.elapsed() < timeoutMs) {
            batch = get(QStringLiteral("/batches/") + id).json;
            const QString status = batch.value(QLatin1String("status")).toString();
            if (seen && (seen->isEmpty() || seen->last() != status))
                seen->append(status);
            if (until ? until(batch) : isTerminal(status))
                return batch;
            QTest::qWait(15);
        }
        return batch;
    }

    QByteArray content(const QString &fileId)
    {
        const Reply r = get(QStringLiteral("/files/") + fileId + QStringLiteral("/content"));
        return r.status == 200 ? r.body : QByteArray();
    }

private:
    QString m_baseUrl;
    QNetworkAccessManager m_nam;
};

std::unique_ptr<SandboxServer> startServer(const QString &dataDir, int latencyMs, int concurrency = 4,
                                           int windowSeconds = 86400)
{
    SandboxConfig config;
    config.dataDir = dataDir;
    config.apiKey = kKey;
    config.latencyMs = latencyMs;
    config.concurrency = concurrency;
    config.windowSeconds = windowSeconds;
    auto server = std::make_unique<SandboxServer>(config);
    QString error;
    if (!server->start(&error)) {
        qWarning() << "cannot start the sandbox:" << error;
        return nullptr;
    }
    return server;
}

void verifyEnvelope(const Reply &r, int status)
{
    QCOMPARE(r.status, status);
    const QJsonObject error = r.json.value(QLatin1String("error")).toObject();
    QVERIFY2(!error.value(QLatin1String("message")).toString().isEmpty(), r.body.constData());
    QVERIFY(error.value(QLatin1String("type")).isString());
    QVERIFY(error.contains(QLatin1String("param")));
    QVERIFY(error.contains(QLatin1String("code")));
    QVERIFY(!r.requestId.isEmpty());
}

} // namespace

class TestSandboxServer : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_server = startServer(m_dir.path() + QStringLiteral("/main"), 10);
        QVERIFY(m_server);
        QVERIFY(m_server->port() > 0);
        QCOMPARE(m_server->baseUrl(), QStringLiteral("http://127.0.0.1:%1/v1").arg(m_server->port()));
        m_client = std::make_unique<Client>(m_server->baseUrl());
    }

    void cleanupTestCase()
    {
        m_client.reset();
        m_server.reset();
    }

    void models()
    {
        const Reply r = m_client->get(QStringLiteral("/models"));
        QCOMPARE(r.status, 200);
        QStringList ids;
        for (const QJsonValue &m : r.json.value(QLatin1String("data")).toArray())
            ids << m.toObject().value(QLatin1String("id")).toString();
        QCOMPARE(ids, SandboxServer::modelIds());
        QVERIFY(ids.contains(QStringLiteral("sandbox/echo")));
    }

    void lifecycleChat()
    {
        QByteArray data = chatFile(3);
        data += chatLine(QStringLiteral("boom"), QStringLiteral("please [[fail]] now"));
        data += chatLine(QStringLiteral("bad"), QStringLiteral("[[fail:400]]"));

        // DeepInfra layout for the upload, OpenAI layout for the rest.
        const Reply file =
            m_client->upload(data, QStringLiteral("batch"), QString(), QStringLiteral("/openai/files"));
        QCOMPARE(file.status, 200);
        QCOMPARE(file.json.value(QLatin1String("object")).toString(), QStringLiteral("file"));
        QCOMPARE(file.json.value(QLatin1String("bytes")).toInteger(), data.size());
        QCOMPARE(file.json.value(QLatin1String("filename")).toString(), QStringLiteral("input.jsonl"));
        QCOMPARE(file.json.value(QLatin1String("purpose")).toString(), QStringLiteral("batch"));
        QCOMPARE(m_client->content(file.json.value(QLatin1String("id")).toString()), data);

        const QJsonObject request {
            {QStringLiteral("input_file_id"), file.json.value(QLatin1String("id"))},
            {QStringLiteral("endpoint"), QStringLiteral("/v1/chat/completions")},
            {QStringLiteral("completion_window"), QStringLiteral("24h")},
            {QStringLiteral("metadata"), QJsonObject {{QStringLiteral("run"), QStringLiteral("lifecycle")}}},
            {QStringLiteral("output_expires_after"),
             QJsonObject {{QStringLiteral("anchor"), QStringLiteral("created_at")},
                          {QStringLiteral("seconds"), 7200}}},
        };
        const Reply created = m_client->post(QStringLiteral("/batches"), request);
        QCOMPARE(created.status, 200);
        const QJsonObject b = created.json;
        QCOMPARE(b.value(QLatin1String("object")).toString(), QStringLiteral("batch"));
        QVERIFY(b.value(QLatin1String("id")).toString().startsWith(QLatin1String("batch_")));
        QCOMPARE(b.value(QLatin1String("status")).toString(), QStringLiteral("validating"));
        QVERIFY(b.value(QLatin1String("model")).isNull());
        QCOMPARE(b.value(QLatin1String("metadata")).toObject().value(QLatin1String("run")).toString(),
                 QStringLiteral("lifecycle"));
        const qint64 createdAt = b.value(QLatin1String("created_at")).toInteger();
        QCOMPARE(b.value(QLatin1String("expires_at")).toInteger(), createdAt + 86400);
        for (const char *key : {"in_progress_at", "finalizing_at", "completed_at", "failed_at", "expired_at",
                                "cancelling_at", "cancelled_at", "output_file_id", "error_file_id", "errors"})
            QVERIFY2(b.contains(QLatin1String(key)) && b.value(QLatin1String(key)).isNull(), key);

        QStringList seen;
        const QJsonObject done = m_client->waitFor(b.value(QLatin1String("id")).toString(), 15000, &seen);
        QCOMPARE(done.value(QLatin1String("status")).toString(), QStringLiteral("completed"));
        // Whatever the polls caught, the statuses only move forward.
        const QStringList order {QStringLiteral("validating"), QStringLiteral("in_progress"),
                                 QStringLiteral("finalizing"), QStringLiteral("completed")};
        for (qsizetype i = 1; i < seen.size(); ++i)
            QVERIFY2(order.indexOf(seen.at(i - 1)) < order.indexOf(seen.at(i)),
                     qPrintable(seen.join(QLatin1Char(' '))));
        QCOMPARE(done.value(QLatin1String("model")).toString(), QStringLiteral("sandbox/echo"));
        const QJsonObject counts = done.value(QLatin1String("request_counts")).toObject();
        QCOMPARE(counts.value(QLatin1String("total")).toInt(), 5);
        QCOMPARE(counts.value(QLatin1String("completed")).toInt(), 3);
        QCOMPARE(counts.value(QLatin1String("failed")).toInt(), 2);
        const QJsonObject usage = done.value(QLatin1String("usage")).toObject();
        QVERIFY(usage.value(QLatin1String("input_tokens")).toInt() > 0);
        QVERIFY(usage.value(QLatin1String("output_tokens")).toInt() > 0);
        QCOMPARE(usage.value(QLatin1String("total_tokens")).toInt(),
                 usage.value(QLatin1String("input_tokens")).toInt()
                     + usage.value(QLatin1String("output_tokens")).toInt());
        QVERIFY(usage.value(QLatin1String("input_tokens_details"))
                    .toObject()
                    .contains(QLatin1String("cached_tokens")));
        qint64 previous = createdAt;
        for (const char *key : {"in_progress_at", "finalizing_at", "completed_at"}) {
            const qint64 at = done.value(QLatin1String(key)).toInteger();
            QVERIFY2(at >= previous, key);
            previous = at;
        }

        // Output: the successful lines in the documented format.
        const QString outputId = done.value(QLatin1String("output_file_id")).toString();
        const Reply outputFile = m_client->get(QStringLiteral("/files/") + outputId);
        QCOMPARE(outputFile.json.value(QLatin1String("purpose")).toString(), QStringLiteral("batch_output"));
        QCOMPARE(outputFile.json.value(QLatin1String("expires_at")).toInteger(),
                 outputFile.json.value(QLatin1String("created_at")).toInteger() + 7200);
        const QList<QJsonObject> output = jsonLines(m_client->content(outputId));
        QCOMPARE(output.size(), 3);
        QSet<QString> ids;
        for (const QJsonObject &line : output) {
            QVERIFY(line.value(QLatin1String("id")).toString().startsWith(QLatin1String("batch_req_")));
            QVERIFY(line.value(QLatin1String("error")).isNull());
            const QJsonObject response = line.value(QLatin1String("response")).toObject();
            QCOMPARE(response.value(QLatin1String("status_code")).toInt(), 200);
            QVERIFY(!response.value(QLatin1String("request_id")).toString().isEmpty());
            const QJsonObject body = response.value(QLatin1String("body")).toObject();
            QCOMPARE(body.value(QLatin1String("object")).toString(), QStringLiteral("chat.completion"));
            const QString customId = line.value(QLatin1String("custom_id")).toString();
            const QString answer = body.value(QLatin1String("choices"))
                                       .toArray()
                                       .first()
                                       .toObject()
                                       .value(QLatin1String("message"))
                                       .toObject()
                                       .value(QLatin1String("content"))
                                       .toString();
            QCOMPARE(answer, QStringLiteral("message number %1").arg(customId.mid(3)));
            QCOMPARE(body.value(QLatin1String("usage"))
                         .toObject()
                         .value(QLatin1String("completion_tokens"))
                         .toInt(),
                     3);
            ids.insert(customId);
        }
        QCOMPARE(ids,
                 (QSet<QString> {QStringLiteral("req0"), QStringLiteral("req1"), QStringLiteral("req2")}));

        // Errors: the two marker lines, with their status and an error body.
        const QList<QJsonObject> errors =
            jsonLines(m_client->content(done.value(QLatin1String("error_file_id")).toString()));
        QCOMPARE(errors.size(), 2);
        QHash<QString, int> statusById;
        for (const QJsonObject &line : errors) {
            const QJsonObject response = line.value(QLatin1String("response")).toObject();
            statusById.insert(line.value(QLatin1String("custom_id")).toString(),
                              response.value(QLatin1String("status_code")).toInt());
            QVERIFY(!response.value(QLatin1String("body"))
                         .toObject()
                         .value(QLatin1String("error"))
                         .toObject()
                         .value(QLatin1String("message"))
                         .toString()
                         .isEmpty());
        }
        QCOMPARE(statusById.value(QStringLiteral("boom")), 500);
        QCOMPARE(statusById.value(QStringLiteral("bad")), 400);
    }

    void embeddings()
    {
        QByteArray data;
        for (int i = 0; i < 3; ++i) {
            const QJsonObject line {
                {QStringLiteral("custom_id"), QStringLiteral("e%1").arg(i)},
                {QStringLiteral("method"), QStringLiteral("POST")},
                {QStringLiteral("url"), QStringLiteral("/v1/embeddings")},
                {QStringLiteral("body"),
                 QJsonObject {
                     {QStringLiteral("model"), QStringLiteral("sandbox/embed")},
                     {QStringLiteral("input"), i < 2 ? QStringLiteral("same text") : QStringLiteral("other")},
                     {QStringLiteral("dimensions"), 16}}}};
            data += QJsonDocument(line).toJson(QJsonDocument::Compact) + '\n';
        }
        const QJsonObject b = m_client->submit(data, {}, QStringLiteral("/v1/embeddings"));
        QVERIFY(!b.isEmpty());
        const QJsonObject done = m_client->waitFor(b.value(QLatin1String("id")).toString());
        QCOMPARE(done.value(QLatin1String("status")).toString(), QStringLiteral("completed"));
        QHash<QString, QJsonArray> vectors;
        for (const QJsonObject &line :
             jsonLines(m_client->content(done.value(QLatin1String("output_file_id")).toString()))) {
            const QJsonObject body =
                line.value(QLatin1String("response")).toObject().value(QLatin1String("body")).toObject();
            QCOMPARE(body.value(QLatin1String("object")).toString(), QStringLiteral("list"));
            QCOMPARE(body.value(QLatin1String("model")).toString(), QStringLiteral("sandbox/embed"));
            const QJsonObject item = body.value(QLatin1String("data")).toArray().first().toObject();
            QCOMPARE(item.value(QLatin1String("object")).toString(), QStringLiteral("embedding"));
            const QJsonArray vector = item.value(QLatin1String("embedding")).toArray();
            QCOMPARE(vector.size(), 16);
            double norm = 0;
            for (const QJsonValue &x : vector)
                norm += x.toDouble() * x.toDouble();
            QVERIFY(std::abs(norm - 1.0) < 1e-5);
            vectors.insert(line.value(QLatin1String("custom_id")).toString(), vector);
        }
        QCOMPARE(vectors.value(QStringLiteral("e0")), vectors.value(QStringLiteral("e1")));
        QVERIFY(vectors.value(QStringLiteral("e0")) != vectors.value(QStringLiteral("e2")));
    }

    void failedValidation()
    {
        QByteArray data = chatLine(QStringLiteral("a"), QStringLiteral("x"));
        data += chatLine(QStringLiteral("a"), QStringLiteral("duplicate id"));
        data += QByteArray(
            "{\"custom_id\":\"c\",\"method\":\"POST\",\"url\":\"/v1/embeddings\",\"body\":{\"model\":"
            "\"sandbox/echo\",\"input\":\"x\"}}\n");
        const QJsonObject b = m_client->submit(data);
        QVERIFY(!b.isEmpty());
        const QJsonObject done = m_client->waitFor(b.value(QLatin1String("id")).toString());
        QCOMPARE(done.value(QLatin1String("status")).toString(), QStringLiteral("failed"));
        QVERIFY(done.value(QLatin1String("failed_at")).toInteger() > 0);
        QVERIFY(done.value(QLatin1String("output_file_id")).isNull());
        QVERIFY(done.value(QLatin1String("error_file_id")).isNull());
        const QJsonObject errors = done.value(QLatin1String("errors")).toObject();
        QCOMPARE(errors.value(QLatin1String("object")).toString(), QStringLiteral("list"));
        QHash<QString, int> lineByCode;
        for (const QJsonValue &e : errors.value(QLatin1String("data")).toArray()) {
            const QJsonObject error = e.toObject();
            QVERIFY(!error.value(QLatin1String("message")).toString().isEmpty());
            lineByCode.insert(error.value(QLatin1String("code")).toString(),
                              error.value(QLatin1String("line")).toInt());
        }
        QCOMPARE(lineByCode.value(QStringLiteral("duplicate_custom_id")), 2);
        QCOMPARE(lineByCode.value(QStringLiteral("url_mismatch")), 3);
    }

    // The sandbox and the validator agree on depth: a line nested deeper than the documented limit fails the
    // batch's validation with nesting_too_deep on its line, one at the limit runs.
    void nestingLimitAgreesWithTheValidator()
    {
        const auto nested = [](const QByteArray &id, int levels) -> QByteArray {
            const QByteArray arrays(levels - 2, '['), closes(levels - 2, ']');
            return "{\"custom_id\":\"" + id
                + "\",\"method\":\"POST\",\"url\":\"/v1/chat/completions\",\"body\":{\"model\":\"sandbox/"
                  "echo\","
                  "\"messages\":[{\"role\":\"user\",\"content\":\"x\"}],\"extra\":"
                + arrays + "1" + closes + "}}\n";
        };
        const QJsonObject deep = m_client->waitFor(
            m_client->submit(chatLine(QStringLiteral("a"), QStringLiteral("x")) + nested("b", 1001))
                .value(QLatin1String("id"))
                .toString());
        QCOMPARE(deep.value(QLatin1String("status")).toString(), QStringLiteral("failed"));
        const QJsonObject error = deep.value(QLatin1String("errors"))
                                      .toObject()
                                      .value(QLatin1String("data"))
                                      .toArray()
                                      .first()
                                      .toObject();
        QCOMPARE(error.value(QLatin1String("code")).toString(), QStringLiteral("nesting_too_deep"));
        QCOMPARE(error.value(QLatin1String("line")).toInt(), 2);
        const QJsonObject fine =
            m_client->waitFor(m_client->submit(nested("c", 1000)).value(QLatin1String("id")).toString());
        QCOMPARE(fine.value(QLatin1String("status")).toString(), QStringLiteral("completed"));
    }

    void unknownModelFails()
    {
        const QJsonObject b =
            m_client->submit(chatLine(QStringLiteral("m"), QStringLiteral("hi"), QStringLiteral("gpt-x")));
        const QJsonObject done = m_client->waitFor(b.value(QLatin1String("id")).toString());
        QCOMPARE(done.value(QLatin1String("status")).toString(), QStringLiteral("failed"));
        const QJsonObject error = done.value(QLatin1String("errors"))
                                      .toObject()
                                      .value(QLatin1String("data"))
                                      .toArray()
                                      .first()
                                      .toObject();
        QCOMPARE(error.value(QLatin1String("code")).toString(), QStringLiteral("model_not_found"));
        QVERIFY(error.value(QLatin1String("message")).toString().contains(QLatin1String("gpt-x")));
    }

    void allLinesFailed()
    {
        QByteArray data;
        for (int i = 0; i < 3; ++i)
            data += chatLine(QStringLiteral("f%1").arg(i), QStringLiteral("[[fail]] %1").arg(i));
        const QJsonObject b = m_client->submit(data);
        const QJsonObject done = m_client->waitFor(b.value(QLatin1String("id")).toString());
        QCOMPARE(done.value(QLatin1String("status")).toString(), QStringLiteral("completed"));
        QVERIFY(done.value(QLatin1String("output_file_id")).isNull());
        QVERIFY(done.value(QLatin1String("error_file_id")).isString());
        QCOMPARE(
            done.value(QLatin1String("request_counts")).toObject().value(QLatin1String("failed")).toInt(), 3);
        QCOMPARE(jsonLines(m_client->content(done.value(QLatin1String("error_file_id")).toString())).size(),
                 3);
    }

    void listBatchesPagination()
    {
        QStringList created;
        for (int i = 0; i < 5; ++i)
            created.prepend(m_client->submit(chatFile(1)).value(QLatin1String("id")).toString());
        QStringList listed;
        QString after;
        int pages = 0;
        while (true) {
            const Reply page =
                m_client->get(QStringLiteral("/batches?limit=2")
                              + (after.isEmpty() ? QString() : QStringLiteral("&after=") + after));
            QCOMPARE(page.status, 200);
            QCOMPARE(page.json.value(QLatin1String("object")).toString(), QStringLiteral("list"));
            const QJsonArray data = page.json.value(QLatin1String("data")).toArray();
            QVERIFY(data.size() <= 2);
            ++pages;
            for (const QJsonValue &b : data)
                listed << b.toObject().value(QLatin1String("id")).toString();
            if (!data.isEmpty()) {
                QCOMPARE(page.json.value(QLatin1String("first_id")).toString(),
                         data.first().toObject().value(QLatin1String("id")).toString());
                QCOMPARE(page.json.value(QLatin1String("last_id")).toString(),
                         data.last().toObject().value(QLatin1String("id")).toString());
            }
            if (!page.json.value(QLatin1String("has_more")).toBool())
                break;
            after = page.json.value(QLatin1String("last_id")).toString();
        }
        QVERIFY(pages >= 3);
        QCOMPARE(listed.mid(0, 5), created); // newest first
        QCOMPARE(QSet<QString>(listed.cbegin(), listed.cend()).size(), listed.size());
        QCOMPARE(m_client->get(QStringLiteral("/batches?limit=0")).status, 400);
        QCOMPARE(m_client->get(QStringLiteral("/batches?limit=101")).status, 400);
        const Reply last = m_client->get(QStringLiteral("/batches?after=") + listed.last());
        QCOMPARE(last.json.value(QLatin1String("data")).toArray().size(), 0);
        QVERIFY(last.json.value(QLatin1String("first_id")).isNull());
        QCOMPARE(last.json.value(QLatin1String("has_more")).toBool(), false);
    }

    void listFilesPagination()
    {
        QStringList uploaded;
        for (int i = 0; i < 4; ++i)
            uploaded << m_client->upload(chatFile(1)).json.value(QLatin1String("id")).toString();
        QStringList listed;
        const Reply all = m_client->get(QStringLiteral("/files?purpose=batch"));
        QCOMPARE(all.status, 200);
        const QJsonArray allData = all.json.value(QLatin1String("data")).toArray();
        QCOMPARE(allData.first().toObject().value(QLatin1String("id")).toString(),
                 uploaded.last()); // desc default
        for (const QJsonValue &f : allData)
            QCOMPARE(f.toObject().value(QLatin1String("purpose")).toString(), QStringLiteral("batch"));
        QString cursor;
        int pages = 0;
        while (true) {
            const Reply page =
                m_client->get(QStringLiteral("/files?purpose=batch&limit=3&order=asc")
                              + (cursor.isEmpty() ? QString() : QStringLiteral("&after=") + cursor));
            QCOMPARE(page.status, 200);
            ++pages;
            for (const QJsonValue &f : page.json.value(QLatin1String("data")).toArray())
                listed << f.toObject().value(QLatin1String("id")).toString();
            if (!page.json.value(QLatin1String("has_more")).toBool())
                break;
            cursor = page.json.value(QLatin1String("last_id")).toString();
        }
        QVERIFY(pages >= 2);
        QCOMPARE(listed.size(), allData.size());
        QCOMPARE(listed.mid(listed.size() - 4), uploaded);
        QCOMPARE(m_client->get(QStringLiteral("/files?order=sideways")).status, 400);
        QCOMPARE(m_client->get(QStringLiteral("/files?limit=10001")).status, 400);
    }

    void deleteFile()
    {
        const QString id = m_client->upload(chatFile(1)).json.value(QLatin1String("id")).toString();
        const Reply deleted = m_client->send("DELETE", QStringLiteral("/files/") + id);
        QCOMPARE(deleted.status, 200);
        QCOMPARE(deleted.json.value(QLatin1String("id")).toString(), id);
        QCOMPARE(deleted.json.value(QLatin1String("object")).toString(), QStringLiteral("file"));
        QCOMPARE(deleted.json.value(QLatin1String("deleted")).toBool(), true);
        verifyEnvelope(m_client->get(QStringLiteral("/files/") + id), 404);
        verifyEnvelope(m_client->get(QStringLiteral("/files/") + id + QStringLiteral("/content")), 404);
        verifyEnvelope(m_client->send("DELETE", QStringLiteral("/files/") + id), 404);
    }

    void uploadRules_data()
    {
        QTest::addColumn<QString>("purpose");
        QTest::addColumn<QString>("seconds");
        QTest::addColumn<int>("status");
        QTest::newRow("batch") << QStringLiteral("batch") << QString() << 200;
        QTest::newRow("expires 1h") << QStringLiteral("batch") << QStringLiteral("3600") << 200;
        QTest::newRow("expires too soon") << QStringLiteral("batch") << QStringLiteral("10") << 400;
        QTest::newRow("expires not a number") << QStringLiteral("batch") << QStringLiteral("soon") << 400;
        QTest::newRow("fine-tune") << QStringLiteral("fine-tune") << QString() << 400;
        QTest::newRow("no purpose") << QString() << QString() << 400;
    }

    void uploadRules()
    {
        QFETCH(QString, purpose);
        QFETCH(QString, seconds);
        QFETCH(int, status);
        const Reply r = m_client->upload(chatFile(1), purpose, seconds);
        if (status != 200) {
            verifyEnvelope(r, status);
            return;
        }
        QCOMPARE(r.status, 200);
        const qint64 expiresAfter = seconds.isEmpty() ? 2592000 : seconds.toLongLong();
        QCOMPARE(r.json.value(QLatin1String("expires_at")).toInteger(),
                 r.json.value(QLatin1String("created_at")).toInteger() + expiresAfter);
    }

    void createRules_data()
    {
        QTest::addColumn<QJsonObject>("patch");
        QTest::addColumn<QString>("param");
        QJsonObject manyPairs;
        for (int i = 0; i < 17; ++i)
            manyPairs.insert(QStringLiteral("k%1").arg(i), QStringLiteral("v"));
        const QJsonValue none;
        QTest::newRow("no input file")
            << QJsonObject {{QStringLiteral("input_file_id"), none}} << QStringLiteral("input_file_id");
        QTest::newRow("bad endpoint")
            << QJsonObject {{QStringLiteral("endpoint"), QStringLiteral("/v1/audio/speech")}}
            << QStringLiteral("endpoint");
        QTest::newRow("bad window") << QJsonObject {{QStringLiteral("completion_window"),
                                                     QStringLiteral("48h")}}
                                    << QStringLiteral("completion_window");
        QTest::newRow("17 metadata pairs")
            << QJsonObject {{QStringLiteral("metadata"), manyPairs}} << QStringLiteral("metadata");
        QTest::newRow("long metadata key")
            << QJsonObject {{QStringLiteral("metadata"),
                             QJsonObject {{QString(65, QLatin1Char('k')), QStringLiteral("v")}}}}
            << QStringLiteral("metadata");
        QTest::newRow("long metadata value")
            << QJsonObject {{QStringLiteral("metadata"),
                             QJsonObject {{QStringLiteral("k"), QString(513, QLatin1Char('v'))}}}}
            << QStringLiteral("metadata");
        QTest::newRow("output expiry too short")
            << QJsonObject {{QStringLiteral("output_expires_after"),
                             QJsonObject {{QStringLiteral("anchor"), QStringLiteral("created_at")},
                                          {QStringLiteral("seconds"), 60}}}}
            << QStringLiteral("output_expires_after.seconds");
        QTest::newRow("output expiry anchor")
            << QJsonObject {{QStringLiteral("output_expires_after"),
                             QJsonObject {{QStringLiteral("anchor"), QStringLiteral("now")},
                                          {QStringLiteral("seconds"), 3600}}}}
            << QStringLiteral("output_expires_after.anchor");
    }

    void createRules()
    {
        QFETCH(QJsonObject, patch);
        QFETCH(QString, param);
        if (m_inputId.isEmpty())
            m_inputId = m_client->upload(chatFile(1)).json.value(QLatin1String("id")).toString();
        QJsonObject body {{QStringLiteral("input_file_id"), m_inputId},
                          {QStringLiteral("endpoint"), QStringLiteral("/v1/chat/completions")},
                          {QStringLiteral("completion_window"), QStringLiteral("24h")}};
        for (auto it = patch.begin(); it != patch.end(); ++it) {
            if (it.value().isNull())
                body.remove(it.key());
            else
                body.insert(it.key(), it.value());
        }
        const Reply r = m_client->post(QStringLiteral("/batches"), body);
        verifyEnvelope(r, 400);
        QCOMPARE(r.json.value(QLatin1String("error")).toObject().value(QLatin1String("param")).toString(),
                 param);
    }

    void errorsAndAuth()
    {
        const Reply noKey = m_client->get(QStringLiteral("/batches"), QString());
        verifyEnvelope(noKey, 401);
        QCOMPARE(noKey.json.value(QLatin1String("error")).toObject().value(QLatin1String("code")).toString(),
                 QStringLiteral("invalid_api_key"));
        QCOMPARE(noKey.json.value(QLatin1String("error")).toObject().value(QLatin1String("type")).toString(),
                 QStringLiteral("invalid_request_error"));
        verifyEnvelope(m_client->get(QStringLiteral("/files"), QStringLiteral("wrong")), 401);
        verifyEnvelope(m_client->get(QStringLiteral("/batches/batch_nope")), 404);
        verifyEnvelope(m_client->send("POST", QStringLiteral("/batches/batch_nope/cancel")), 404);
        verifyEnvelope(m_client->get(QStringLiteral("/files/file-nope")), 404);
        verifyEnvelope(m_client->get(QStringLiteral("/no/such/route")), 404);
        verifyEnvelope(m_client->send("POST", QStringLiteral("/batches"), "not json"), 400);
        verifyEnvelope(
            m_client->post(QStringLiteral("/batches"),
                           QJsonObject {{QStringLiteral("input_file_id"), QStringLiteral("file-nope")},
                                        {QStringLiteral("endpoint"), QStringLiteral("/v1/chat/completions")},
                                        {QStringLiteral("completion_window"), QStringLiteral("24h")}}),
            404);
        // The output of a batch is not a valid input.
        const QJsonObject done =
            m_client->waitFor(m_client->submit(chatFile(1)).value(QLatin1String("id")).toString());
        verifyEnvelope(
            m_client->post(
                QStringLiteral("/batches"),
                QJsonObject {{QStringLiteral("input_file_id"), done.value(QLatin1String("output_file_id"))},
                             {QStringLiteral("endpoint"), QStringLiteral("/v1/chat/completions")},
                             {QStringLiteral("completion_window"), QStringLiteral("24h")}}),
            400);
    }

    void cancelKeepsPartialResults()
    {
        auto server = startServer(m_dir.path() + QStringLiteral("/cancel"), 100, 1);
        QVERIFY(server);
        Client client(server->baseUrl());
        const QString id = client.submit(chatFile(20)).value(QLatin1String("id")).toString();
        QVERIFY(!id.isEmpty());
        const QJsonObject running = client.waitFor(id, 10000, nullptr, [](const QJsonObject &b) {
            return b.value(QLatin1String("request_counts"))
                       .toObject()
                       .value(QLatin1String("completed"))
                       .toInt()
                >= 2;
        });
        QCOMPARE(running.value(QLatin1String("status")).toString(), QStringLiteral("in_progress"));
        const Reply cancel =
            client.send("POST", QStringLiteral("/batches/") + id + QStringLiteral("/cancel"));
        QCOMPARE(cancel.status, 200);
        QCOMPARE(cancel.json.value(QLatin1String("status")).toString(), QStringLiteral("cancelling"));
        QVERIFY(cancel.json.value(QLatin1String("cancelling_at")).toInteger() > 0);
        const QJsonObject done = client.waitFor(id);
        QCOMPARE(done.value(QLatin1String("status")).toString(), QStringLiteral("cancelled"));
        QVERIFY(done.value(QLatin1String("cancelled_at")).toInteger()
                >= done.value(QLatin1String("cancelling_at")).toInteger());
        const int completed =
            done.value(QLatin1String("request_counts")).toObject().value(QLatin1String("completed")).toInt();
        QVERIFY(completed >= 2 && completed < 20);
        QCOMPARE(jsonLines(client.content(done.value(QLatin1String("output_file_id")).toString())).size(),
                 completed);
        const QList<QJsonObject> errors =
            jsonLines(client.content(done.value(QLatin1String("error_file_id")).toString()));
        QCOMPARE(errors.size(), 20 - completed);
        for (const QJsonObject &line : errors) {
            QVERIFY(line.value(QLatin1String("response")).isNull());
            QCOMPARE(line.value(QLatin1String("error")).toObject().value(QLatin1String("code")).toString(),
                     QStringLiteral("batch_cancelled"));
        }
        verifyEnvelope(client.send("POST", QStringLiteral("/batches/") + id + QStringLiteral("/cancel")),
                       400);
    }

    void expiry()
    {
        auto server = startServer(m_dir.path() + QStringLiteral("/expiry"), 150, 1, 2);
        QVERIFY(server);
        Client client(server->baseUrl());
        const QJsonObject b = client.submit(chatFile(30));
        QCOMPARE(b.value(QLatin1String("expires_at")).toInteger(),
                 b.value(QLatin1String("created_at")).toInteger() + 2);
        const QJsonObject done = client.waitFor(b.value(QLatin1String("id")).toString(), 8000);
        QCOMPARE(done.value(QLatin1String("status")).toString(), QStringLiteral("expired"));
        QVERIFY(done.value(QLatin1String("expired_at")).toInteger() > 0);
        const int completed =
            done.value(QLatin1String("request_counts")).toObject().value(QLatin1String("completed")).toInt();
        QVERIFY(completed > 0 && completed < 30);
        QCOMPARE(jsonLines(client.content(done.value(QLatin1String("output_file_id")).toString())).size(),
                 completed);
        const QList<QJsonObject> errors =
            jsonLines(client.content(done.value(QLatin1String("error_file_id")).toString()));
        QCOMPARE(errors.size(), 30 - completed);
        for (const QJsonObject &line : errors)
            QCOMPARE(line.value(QLatin1String("error")).toObject().value(QLatin1String("code")).toString(),
                     QStringLiteral("batch_expired"));
    }

    void restartResumes()
    {
        const QString dir = m_dir.path() + QStringLiteral("/restart");
        QString id, inputId;
        {
            auto server = startServer(dir, 100, 1);
            QVERIFY(server);
            Client client(server->baseUrl());
            const QJsonObject b =
                client.submit(chatFile(10),
                              QJsonObject {{QStringLiteral("metadata"),
                                            QJsonObject {{QStringLiteral("k"), QStringLiteral("v")}}}});
            id = b.value(QLatin1String("id")).toString();
            inputId = b.value(QLatin1String("input_file_id")).toString();
            const QJsonObject running = client.waitFor(id, 10000, nullptr, [](const QJsonObject &o) {
                return o.value(QLatin1String("request_counts"))
                           .toObject()
                           .value(QLatin1String("completed"))
                           .toInt()
                    >= 2;
            });
            QCOMPARE(running.value(QLatin1String("status")).toString(), QStringLiteral("in_progress"));
            server->stop();
        }
        auto server = startServer(dir, 20, 1);
        QVERIFY(server);
        Client client(server->baseUrl());
        QCOMPARE(client.get(QStringLiteral("/files/") + inputId).status, 200);
        const QJsonObject resumed = client.get(QStringLiteral("/batches/") + id).json;
        QCOMPARE(resumed.value(QLatin1String("metadata")).toObject().value(QLatin1String("k")).toString(),
                 QStringLiteral("v"));
        QVERIFY(resumed.value(QLatin1String("request_counts"))
                    .toObject()
                    .value(QLatin1String("completed"))
                    .toInt()
                >= 2);
        const QJsonObject done = client.waitFor(id);
        QCOMPARE(done.value(QLatin1String("status")).toString(), QStringLiteral("completed"));
        QCOMPARE(
            done.value(QLatin1String("request_counts")).toObject().value(QLatin1String("completed")).toInt(),
            10);
        QSet<QString> ids;
        for (const QJsonObject &line :
             jsonLines(client.content(done.value(QLatin1String("output_file_id")).toString())))
            ids.insert(line.value(QLatin1String("custom_id")).toString());
        QCOMPARE(ids.size(), 10);
    }

    void faults()
    {
        SandboxFaults f;
        f.rate429 = 1;
        f.retryAfterSeconds = 3;
        m_server->setFaults(f);
        const Reply limited = m_client->get(QStringLiteral("/batches"));
        verifyEnvelope(limited, 429);
        QCOMPARE(limited.retryAfter, QByteArray("3"));

        m_server->setFaults(SandboxFaults {0, 1, 1.0, 0, 0});
        verifyEnvelope(m_client->get(QStringLiteral("/batches")), 500);

        m_server->setFaults(SandboxFaults {0, 1, 0, 0, 300});
        const Reply slow = m_client->get(QStringLiteral("/models"));
        QCOMPARE(slow.status, 200);
        QVERIFY(slow.ms >= 290);

        // A dropped create response: the batch exists although the client saw no response.
        const QString inputId = m_client->upload(chatFile(1)).json.value(QLatin1String("id")).toString();
        m_server->setFaults(SandboxFaults {0, 1, 0, 1.0, 0});
        const Reply dropped = m_client->post(
            QStringLiteral("/batches"),
            QJsonObject {{QStringLiteral("input_file_id"), inputId},
                         {QStringLiteral("endpoint"), QStringLiteral("/v1/chat/completions")},
                         {QStringLiteral("completion_window"), QStringLiteral("24h")},
                         {QStringLiteral("metadata"),
                          QJsonObject {{QStringLiteral("client_id"), QStringLiteral("drop-1")}}}});
        QCOMPARE(dropped.status, 0);
        QVERIFY(dropped.error != QNetworkReply::NoError);
        m_server->setFaults({});
        int found = 0;
        for (const QJsonValue &b : m_client->get(QStringLiteral("/batches?limit=100"))
                                       .json.value(QLatin1String("data"))
                                       .toArray()) {
            if (b.toObject()
                    .value(QLatin1String("metadata"))
                    .toObject()
                    .value(QLatin1String("client_id"))
                    .toString()
                == QLatin1String("drop-1"))
                ++found;
        }
        QVERIFY(found >= 1);
    }

private:
    QTemporaryDir m_dir;
    std::unique_ptr<SandboxServer> m_server;
    std::unique_ptr<Client> m_client;
    QString m_inputId;
};

QTEST_GUILESS_MAIN(TestSandboxServer)
#include "tst_sandboxserver.moc"
