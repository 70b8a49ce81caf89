// The translation of every provider's wire shapes into OpenAI's (core/api/wire.*, docs/providers.md), on
// objects written after the providers' published examples.
#include "api/provider.h"
#include "api/types.h"
#include "api/wire.h"

#include <QJsonDocument>
#include <QTest>

using namespace Batchdesk;
using namespace Batchdesk::Api;

namespace {
Provider provider(const char *id)
{
    return *Provider::byId(QString::fromLatin1(id));
}

QJsonObject obj(const char *json)
{
    return QJsonDocument::fromJson(QByteArray(json)).object();
}

Batch batchOf(const char *providerId, const char *json)
{
    QString error;
    const auto b = Batch::parse(Wire::normalizeBatch(provider(providerId), obj(json)), &error);
    if (!b)
        qWarning() << "not a batch:" << error;
    return b.value_or(Batch {});
}
} // namespace

class TestWire : public QObject
{
    Q_OBJECT

private slots:
    void timesAsNumbersOrRfc3339()
    {
        QCOMPARE(Wire::parseTime(QJsonValue(1735689600)), 1735689600);
        QCOMPARE(Wire::parseTime(QJsonValue(QStringLiteral("2025-01-01T00:00:00Z"))), 1735689600);
        QCOMPARE(Wire::parseTime(QJsonValue(QStringLiteral("2025-01-01T01:00:00+01:00"))), 1735689600);
        // Anthropic's microseconds and Gemini's nanoseconds.
        QCOMPARE(Wire::parseTime(QJsonValue(QStringLiteral("2024-09-24T18:37:24.100435Z"))), 1727203044);
        QCOMPARE(Wire::parseTime(QJsonValue(QStringLiteral("2024-09-24T18:37:24.123456789Z"))), 1727203044);
        QCOMPARE(Wire::parseTime(QJsonValue(QStringLiteral("yesterday"))), -1);
        QCOMPARE(Wire::parseTime(QJsonValue(true)), -1);
    }

    void togetherJobUppercaseAndIsoTimes()
    {
        const Batch b = batchOf(
            "together",
            "{\"job\": {\"id\": \"01234567-8901-2345-6789-012345678901\", \"input_file_id\": \"file-in\", "
            "\"status\": \"IN_PROGRESS\", \"job_deadline\": \"2024-01-16T14:30:00Z\", \"created_at\": "
            "\"2024-01-15T14:30:00Z\", \"endpoint\": \"/v1/chat/completions\", \"progress\": 75, "
            "\"model_id\": \"meta-llama/Llama\", \"output_file_id\": \"file-out\"}, \"warning\": \"\"}");
        QCOMPARE(b.id, QStringLiteral("01234567-8901-2345-6789-012345678901"));
        QCOMPARE(b.status(), Batch::Status::InProgress);
        QCOMPARE(b.createdAt, 1705329000);
        QCOMPARE(b.expiresAt.value_or(0), 1705415400);
        QCOMPARE(b.model, QStringLiteral("meta-llama/Llama"));
        QCOMPARE(b.outputFileId, QStringLiteral("file-out"));
        QVERIFY(!b.requestCounts); // Together reports a percentage, not counts
        QCOMPARE(
            batchOf("together", "{\"id\": \"b1\", \"status\": \"CANCELLED\", \"created_at\": 1}").status(),
            Batch::Status::Cancelled);
        const Batch failed =
            batchOf("together",
                    "{\"id\": \"b2\", \"status\": \"FAILED\", \"created_at\": 1, \"error\": \"bad file\"}");
        QCOMPARE(failed.errors.size(), 1);
        QCOMPARE(failed.errors.first().message, QStringLiteral("bad file"));
    }

    void groqErrorsAsBareArray()
    {
        const Batch b = batchOf("groq",
                                "{\"id\": \"batch_01\", \"object\": \"batch\", \"status\": \"failed\", "
                                "\"created_at\": 1, \"completion_window\": \"7d\", \"errors\": [{\"code\": "
                                "\"invalid_request\", \"message\": \"line 3 is not JSON\", \"line\": 3}]}");
        QCOMPARE(b.status(), Batch::Status::Failed);
        QCOMPARE(b.completionWindow, QStringLiteral("7d"));
        QCOMPARE(b.errors.size(), 1);
        QCOMPARE(b.errors.first().line.value_or(0), 3);
    }

    void anthropicStatusesAndCounts()
    {
        const Batch running =
            batchOf("anthropic",
                    "{\"id\": \"msgbatch_013Zva2CMHLNnXjNJJKqJ2EF\", \"type\": \"message_batch\", "
                    "\"processing_status\": \"in_progress\", \"request_counts\": {\"processing\": 100, "
                    "\"succeeded\": 50, \"errored\": 30, \"canceled\": 10, \"expired\": 10}, \"ended_at\": "
                    "null, \"created_at\": \"2024-08-20T18:37:24.100435Z\", \"expires_at\": "
                    "\"2024-08-21T18:37:24.100435Z\", \"cancel_initiated_at\": null, \"results_url\": null}");
        QCOMPARE(running.status(), Batch::Status::InProgress);
        QCOMPARE(running.requestCounts->total, 200);
        QCOMPARE(running.requestCounts->completed, 50);
        QCOMPARE(running.requestCounts->failed, 30);
        QCOMPARE(running.endpoint, QStringLiteral("/v1/chat/completions"));
        QVERIFY(running.outputFileId.isEmpty());

        const Batch ended =
            batchOf("anthropic",
                    "{\"id\": \"msgbatch_1\", \"processing_status\": \"ended\", \"request_counts\": "
                    "{\"processing\": 0, \"succeeded\": 2, \"errored\": 1, \"canceled\": 0, \"expired\": 0}, "
                    "\"created_at\": \"2024-08-20T18:37:24Z\", \"ended_at\": \"2024-08-20T19:00:00Z\", "
                    "\"results_url\": \"https://api.anthropic.com/v1/messages/batches/msgbatch_1/results\"}");
        QCOMPARE(ended.status(), Batch::Status::Completed);
        QCOMPARE(ended.completedAt.value_or(0),
                 Wire::parseTime(QJsonValue(QStringLiteral("2024-08-20T19:00:00Z"))));
        QCOMPARE(ended.outputFileId, QStringLiteral("msgbatch_1.results"));
        QVERIFY(isSafeServerId(ended.outputFileId));

        QCOMPARE(
            batchOf("anthropic", "{\"id\": \"m2\", \"processing_status\": \"canceling\", \"created_at\": 1}")
                .status(),
            Batch::Status::Cancelling);
        QCOMPARE(
            batchOf("anthropic",
                    "{\"id\": \"m3\", \"processing_status\": \"ended\", \"created_at\": 1, "
                    "\"cancel_initiated_at\": \"2024-08-20T18:40:00Z\", \"request_counts\": {\"processing\": "
                    "0, \"succeeded\": 1, \"errored\": 0, \"canceled\": 4, \"expired\": 0}}")
                .status(),
            Batch::Status::Cancelled);
        QCOMPARE(
            batchOf(
                "anthropic",
                "{\"id\": \"m4\", \"processing_status\": \"ended\", \"created_at\": 1, \"request_counts\": "
                "{\"processing\": 0, \"succeeded\": 0, \"errored\": 0, \"canceled\": 0, \"expired\": 5}}")
                .status(),
            Batch::Status::Expired);
    }

    void mistralJobs()
    {
        const Batch b = batchOf(
            "mistral",
            "{\"id\": \"b6c3d5e0-aaaa-bbbb-cccc-0123456789ab\", \"object\": \"batch\", \"input_files\": "
            "[\"f1\"], \"metadata\": {\"batchdesk_client_id\": \"c-1\", \"n\": 3}, \"endpoint\": "
            "\"/v1/embeddings\", \"model\": \"mistral-embed\", \"output_file\": \"out-1\", \"error_file\": "
            "null, \"errors\": [{\"message\": \"x\", \"count\": 2}], \"status\": \"TIMEOUT_EXCEEDED\", "
            "\"created_at\": 100, \"started_at\": 110, \"completed_at\": 200, \"total_requests\": 10, "
            "\"completed_requests\": 7, \"succeeded_requests\": 6, \"failed_requests\": 1}");
        QCOMPARE(b.status(), Batch::Status::Expired);
        QCOMPARE(b.inputFileId, QStringLiteral("f1"));
        QCOMPARE(b.outputFileId, QStringLiteral("out-1"));
        QVERIFY(b.errorFileId.isEmpty());
        QCOMPARE(b.requestCounts->total, 10);
        QCOMPARE(b.requestCounts->completed, 6);
        QCOMPARE(b.requestCounts->failed, 1);
        QCOMPARE(b.expiredAt.value_or(0), 200);
        QCOMPARE(b.inProgressAt.value_or(0), 110);
        QCOMPARE(b.metadata.value(QStringLiteral("batchdesk_client_id")), QStringLiteral("c-1"));
        QCOMPARE(b.metadata.value(QStringLiteral("n")), QStringLiteral("3"));
        QCOMPARE(b.errors.first().message, QStringLiteral("x (2 times)"));
        for (const auto &[wire, status] : {std::pair {"QUEUED", Batch::Status::Validating},
                                           {"RUNNING", Batch::Status::InProgress},
                                           {"SUCCESS", Batch::Status::Completed},
                                           {"FAILED", Batch::Status::Failed},
                                           {"CANCELLATION_REQUESTED", Batch::Status::Cancelling},
                                           {"CANCELLED", Batch::Status::Cancelled}}) {
            const QByteArray json =
                QByteArray("{\"id\": \"m\", \"created_at\": 1, \"status\": \"") + wire + "\"}";
            QCOMPARE(
                Batch::fromJson(Wire::normalizeBatch(provider("mistral"), obj(json.constData()))).status(),
                status);
        }
    }

    void geminiOperationsInBothStateSpellings()
    {
        const char *op =
            "{\"name\": \"batches/abc123\", \"metadata\": { \"@type\": "
            "\"type.googleapis.com/google.ai.generativelanguage.v1beta.GenerateContentBatch\", \"model\": "
            "\"models/gemini-2.0-flash\", \"displayName\": \"batchdesk:client-7\", \"state\": "
            "\"JOB_STATE_SUCCEEDED\", \"createTime\": \"2025-07-01T10:00:00.123456789Z\", \"endTime\": "
            "\"2025-07-01T11:00:00Z\", \"batchStats\": {\"requestCount\": \"3\", \"successfulRequestCount\": "
            "\"2\", \"failedRequestCount\": \"1\"}, \"output\": {\"responsesFile\": \"files/out-9\"}, "
            "\"inputConfig\": {\"fileName\": \"files/in-1\"}}, \"done\": true}";
        const Batch b = batchOf("gemini", op);
        QCOMPARE(b.id, QStringLiteral("abc123"));
        QCOMPARE(b.status(), Batch::Status::Completed);
        QCOMPARE(b.model, QStringLiteral("gemini-2.0-flash"));
        QCOMPARE(b.outputFileId, QStringLiteral("out-9"));
        QCOMPARE(b.inputFileId, QStringLiteral("in-1"));
        QCOMPARE(b.requestCounts->total, 3);
        QCOMPARE(b.requestCounts->completed, 2);
        QCOMPARE(b.metadata.value(QString(kClientIdKey)), QStringLiteral("client-7"));
        // The REST reference's spelling of the states is read as well.
        QByteArray rest(op);
        rest.replace("JOB_STATE_SUCCEEDED", "BATCH_STATE_RUNNING");
        QCOMPARE(batchOf("gemini", rest.constData()).status(), Batch::Status::InProgress);
        rest.replace("BATCH_STATE_RUNNING", "JOB_STATE_PENDING");
        QCOMPARE(batchOf("gemini", rest.constData()).status(), Batch::Status::Validating);
    }

    void filesOfEveryShape()
    {
        QString error;
        const auto gemini = FileObject::parse(
            Wire::normalizeFile(
                provider("gemini"),
                obj("{\"file\": { \"name\": \"files/abc-123\", \"displayName\": \"in.jsonl\", \"mimeType\": "
                    "\"application/jsonl\", \"sizeBytes\": \"2048\", \"createTime\": "
                    "\"2025-07-01T10:00:00Z\", \"state\": \"ACTIVE\"}}")),
            &error);
        QVERIFY2(gemini, qPrintable(error));
        QCOMPARE(gemini->id, QStringLiteral("abc-123"));
        QCOMPARE(gemini->bytes, 2048);
        QCOMPARE(gemini->filename, QStringLiteral("in.jsonl"));
        const auto mistral = FileObject::parse(
            Wire::normalizeFile(provider("mistral"),
                                obj("{ \"id\": \"f-1\", \"object\": \"file\", \"size_bytes\": 77, "
                                    "\"created_at\": 5, \"filename\": \"a.jsonl\", \"purpose\": \"batch\"}")),
            &error);
        QVERIFY2(mistral, qPrintable(error));
        QCOMPARE(mistral->bytes, 77);
    }

    void pagesOfEveryShape()
    {
        // Together: a bare array, no more pages.
        Wire::Page p = Wire::parsePage(
            provider("together"), ObjectKind::Batch,
            "[{\"id\": \"a\", \"status\": \"COMPLETED\", \"created_at\": \"2024-01-15T14:30:00Z\"}]", 0, 100);
        QVERIFY(p.ok);
        QCOMPARE(p.items.size(), 1);
        QVERIFY(!p.hasMore);
        QCOMPARE(p.items.first().toObject().value(QLatin1StringView("status")).toString(),
                 QStringLiteral("completed"));
        // Anthropic: after_id with last_id.
        p = Wire::parsePage(provider("anthropic"), ObjectKind::Batch,
                            "{\"data\": [{\"id\": \"m1\", \"processing_status\": \"ended\", \"created_at\": "
                            "1}], \"has_more\": true, \"first_id\": \"m1\", \"last_id\": \"m1\"}",
                            0, 1);
        QVERIFY(p.hasMore);
        QCOMPARE(p.nextCursor, QStringLiteral("m1"));
        QUrlQuery q;
        Wire::addPageQuery(provider("anthropic"), &q, 20, p.nextCursor);
        QCOMPARE(q.queryItemValue(QStringLiteral("after_id")), QStringLiteral("m1"));
        // Mistral: page numbers against the total.
        p = Wire::parsePage(provider("mistral"), ObjectKind::Batch,
                            "{\"data\": [{\"id\": \"x\", \"status\": \"RUNNING\", \"created_at\": 1}], "
                            "\"object\": \"list\", \"total\": 3}",
                            1, 1);
        QVERIFY(p.hasMore);
        QCOMPARE(p.nextCursor, QStringLiteral("2"));
        p = Wire::parsePage(provider("mistral"), ObjectKind::Batch,
                            "{\"data\": [{\"id\": \"y\", \"status\": \"RUNNING\", \"created_at\": 1}], "
                            "\"object\": \"list\", \"total\": 3}",
                            2, 1);
        QVERIFY(!p.hasMore);
        // Gemini: operations and nextPageToken; an empty list leaves the key out.
        p = Wire::parsePage(
            provider("gemini"), ObjectKind::Batch,
            "{\"operations\": [{\"name\": \"batches/z\", \"metadata\": {\"state\": \"JOB_STATE_RUNNING\", "
            "\"createTime\": \"2025-07-01T10:00:00Z\"}}], \"nextPageToken\": \"tok\"}",
            0, 10);
        QCOMPARE(p.items.first().toObject().value(QLatin1StringView("id")).toString(), QStringLiteral("z"));
        QCOMPARE(p.nextCursor, QStringLiteral("tok"));
        QVERIFY(Wire::parsePage(provider("gemini"), ObjectKind::Batch, "{}", 0, 10).ok);
        // Not a list at all.
        QVERIFY(!Wire::parsePage(provider("openai"), ObjectKind::Batch, "{\"data\": 3}", 0, 10).ok);
        QVERIFY(!Wire::parsePage(provider("openai"), ObjectKind::Batch, "<html>", 0, 10).ok);
    }

    void pathsAndBodies()
    {
        QCOMPARE(Wire::cancelPath(provider("gemini"), QStringLiteral("b1")),
                 QStringLiteral("/batches/b1:cancel"));
        QCOMPARE(Wire::cancelPath(provider("anthropic"), QStringLiteral("m1")),
                 QStringLiteral("/messages/batches/m1/cancel"));
        QCOMPARE(Wire::batchPath(provider("mistral"), QStringLiteral("j")), QStringLiteral("/batch/jobs/j"));
        CreateBatchParams params;
        params.inputFileId = QStringLiteral("file-1");
        params.endpoint = QStringLiteral("/v1/chat/completions");
        params.metadata.insert(QStringLiteral("description"), QStringLiteral("d"));
        params.model = QStringLiteral("m");
        const QJsonObject azure = Wire::createBody(provider("azure"), params, params.model);
        QCOMPARE(azure.value(QLatin1StringView("endpoint")).toString(), QStringLiteral("/chat/completions"));
        QVERIFY(!azure.contains(QLatin1StringView("model"))); // OpenAI's create takes no model
        const QJsonObject together = Wire::createBody(provider("together"), params, params.model);
        QVERIFY(!together.contains(QLatin1StringView("metadata")));
        const QJsonObject mistral = Wire::createBody(provider("mistral"), params, params.model);
        QCOMPARE(mistral.value(QLatin1StringView("model")).toString(), QStringLiteral("m"));
        QCOMPARE(mistral.value(QLatin1StringView("input_files")).toArray().first().toString(),
                 QStringLiteral("file-1"));
    }
};

QTEST_GUILESS_MAIN(TestWire)
#include "tst_wire.moc"
