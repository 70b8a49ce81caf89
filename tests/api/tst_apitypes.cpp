#include "api/apierror.h"
#include "api/types.h"

#include "apitypes_fixtures.h"

#include <QJsonDocument>
#include <QTest>

using namespace Batchdesk::Api;

namespace {
QJsonObject obj(const char *json)
{
    return QJsonDocument::fromJson(QByteArray(json)).object();
}
} // namespace

class TestApiTypes : public QObject
{
    Q_OBJECT

private slots:
    void batchFull()
    {
        const Batch b = Batch::fromJson(obj(kFixture0));
        QCOMPARE(b.id, QStringLiteral("batch_1"));
        QCOMPARE(b.status(), Batch::Status::InProgress);
        QVERIFY(!b.isTerminal());
        QCOMPARE(b.inProgressAt.value_or(0), 1700000010);
        QVERIFY(!b.finalizingAt.has_value());
        QCOMPARE(b.deadline(), 1700086400);
        QVERIFY(b.outputFileId.isEmpty());
        QCOMPARE(b.requestCounts->pending(), 3);
        QCOMPARE(b.usage->cachedTokens, 5);
        QCOMPARE(b.usage->reasoningTokens, 7);
        QCOMPARE(b.description(), QStringLiteral("nightly"));
        QCOMPARE(b.metadata.value(QString(kClientIdKey)), QStringLiteral("c-1"));
    }

    void batchLenient()
    {
        // DeepInfra at creation: nulls everywhere, no expires_at, unknown extra fields, an unknown status.
        const Batch b = Batch::fromJson(obj(kFixture1));
        QCOMPARE(b.status(), Batch::Status::Unknown);
        QCOMPARE(b.statusText, QStringLiteral("Queued_For_Review"));
        QVERIFY(!b.requestCounts.has_value());
        QVERIFY(!b.usage.has_value());
        QVERIFY(b.model.isEmpty());
        QCOMPARE(b.deadline(), 100 + 24 * 3600);
        QVERIFY(b.metadata.isEmpty());
    }

    void statusIsCaseInsensitive()
    {
        QCOMPARE(Batch::statusFromString(u"COMPLETED"), Batch::Status::Completed);
        QCOMPARE(Batch::statusFromString(u"canceled"), Batch::Status::Cancelled);
        QVERIFY(Batch::isTerminal(Batch::Status::Expired));
        QVERIFY(!Batch::isTerminal(Batch::Status::Finalizing));
    }

    void errorsInBothShapes_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::newRow("object with data") << QByteArray(kFixture2);
        QTest::newRow("bare array") << QByteArray(kFixture3);
    }

    void errorsInBothShapes()
    {
        QFETCH(QByteArray, json);
        const Batch b = Batch::fromJson(QJsonDocument::fromJson(json).object());
        QCOMPARE(b.errors.size(), 1);
        QCOMPARE(b.errors.first().code, QStringLiteral("invalid_json"));
        QCOMPARE(b.errors.first().line.value_or(0), 3);
    }

    void fileLenient()
    {
        const FileObject f = FileObject::fromJson(obj(kFixture4));
        QVERIFY(f.isOutput());
        QVERIFY(!f.expiresAt.has_value());
        QVERIFY(f.status.isEmpty());
        QVERIFY(FileObject::fromJson(obj(kFixture5)).isOutput());
    }

    void createParamsLimits()
    {
        CreateBatchParams p;
        p.inputFileId = QStringLiteral("f");
        p.endpoint = QStringLiteral("/v1/embeddings");
        QVERIFY(p.validate().isEmpty());
        for (int i = 0; i < 16; ++i)
            p.metadata.insert(QStringLiteral("k%1").arg(i), QStringLiteral("v"));
        QVERIFY(p.validate().isEmpty());
        p.metadata.insert(QStringLiteral("k16"), QStringLiteral("v"));
        QVERIFY(p.validate().contains(QLatin1StringView("16")));
        p.metadata.clear();
        p.metadata.insert(QString(64, u'k'), QString(512, u'v'));
        QVERIFY(p.validate().isEmpty());
        p.metadata.insert(QString(65, u'k'), QStringLiteral("v"));
        QVERIFY(!p.validate().isEmpty());
        p.metadata.clear();
        p.metadata.insert(QStringLiteral("k"), QString(513, u'v'));
        QVERIFY(!p.validate().isEmpty());
        p.metadata.clear();
        p.outputExpiresAfterSeconds = 3599;
        QVERIFY(!p.validate().isEmpty());
        p.outputExpiresAfterSeconds = 2592000;
        QVERIFY(p.validate().isEmpty());
        const QJsonObject json = p.toJson();
        QCOMPARE(json.value(QStringLiteral("output_expires_after"))
                     .toObject()
                     .value(QStringLiteral("anchor"))
                     .toString(),
                 QStringLiteral("created_at"));
        QCOMPARE(json.value(QStringLiteral("completion_window")).toString(), QStringLiteral("24h"));
    }

    void errorBodies_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<QString>("message");
        QTest::addColumn<QString>("code");
        QTest::newRow("openai envelope") << QByteArray(kFixture6) << "Invalid key"
                                         << "invalid_api_key";
        QTest::newRow("type when no code") << QByteArray(kFixture7) << "Slow down"
                                           << "rate_limit";
        QTest::newRow("error string") << QByteArray(kFixture8) << "Rate limited" << QString();
        QTest::newRow("detail string") << QByteArray(kFixture9) << "Not authenticated" << QString();
        QTest::newRow("detail list") << QByteArray(kFixture10) << "field required; bad value" << QString();
        QTest::newRow("plain text") << QByteArray("Service Unavailable\n") << "Service Unavailable"
                                    << QString();
        QTest::newRow("html page") << QByteArray("<html><body>502</body></html>") << QString() << QString();
        QTest::newRow("empty") << QByteArray() << QString() << QString();
    }

    void errorBodies()
    {
        QFETCH(QByteArray, body);
        QFETCH(QString, message);
        QFETCH(QString, code);
        QString c;
        QCOMPARE(ApiError::messageFromBody(body, &c), message);
        QCOMPARE(c, code);
    }

    void httpErrorText()
    {
        const ApiError e = ApiError::fromHttp(401, "Unauthorized", kFixture11, "req_42");
        QCOMPARE(e.message, QStringLiteral("HTTP 401 Unauthorized: Bad key (request id req_42)"));
        QVERIFY(e.hint().contains(QLatin1StringView("key")));
        const ApiError empty = ApiError::fromHttp(503, "", "", "");
        QCOMPARE(empty.message, QStringLiteral("HTTP 503"));
    }
};

QTEST_GUILESS_MAIN(TestApiTypes)
#include "tst_apitypes.moc"
