#include "jsonl/requestsummary.h"

#include <QTest>

using namespace Batchdesk::Jsonl;

class TestRequestSummary : public QObject
{
    Q_OBJECT

private slots:
    void summary_data()
    {
        QTest::addColumn<QByteArray>("line");
        QTest::addColumn<QString>("customId");
        QTest::addColumn<QString>("model");
        QTest::addColumn<QString>("preview");
        QTest::newRow("chat: last user message") << QByteArray(
            "{\"custom_id\":\"c1\",\"method\":\"POST\",\"url\":\"/v1/chat/completions\",\"body\":{\"model\":"
            "\"m\",\"messages\":[{\"role\":\"system\",\"content\":\"Be brief\"},{\"role\":\"user\","
            "\"content\":\"First\"},{\"role\":\"assistant\",\"content\":\"ok\"},{\"role\":\"user\","
            "\"content\":\"Second\\nline\"}]}}") << "c1"
                                                 << "m"
                                                 << "Second line";
        QTest::newRow("chat: content parts")
            << QByteArray("{\"custom_id\":\"c2\",\"body\":{\"model\":\"m\",\"messages\":[{\"role\":\"user\","
                          "\"content\":[{\"type\":\"text\",\"text\":\"Look\"},{\"type\":\"image_url\"}]}]}}")
            << "c2"
            << "m"
            << "Look";
        QTest::newRow("completions") << QByteArray(
            "{\"custom_id\":\"p\",\"body\":{\"prompt\":\"Once \\u00e9\",\"model\":\"x\"}}")
                                     << "p"
                                     << "x" << QString::fromUtf8("Once \xC3\xA9");
        QTest::newRow("embeddings array")
            << QByteArray("{\"custom_id\":\"e\",\"body\":{\"model\":\"b\",\"input\":[\"a\",\"b\"]}}") << "e"
            << "b"
            << "[2] a";
        QTest::newRow("not json") << QByteArray("nope") << QString() << QString() << QString();
    }

    void summary()
    {
        QFETCH(QByteArray, line);
        QFETCH(QString, customId);
        QFETCH(QString, model);
        QFETCH(QString, preview);
        const RequestSummary s = summarizeRequest(line);
        QCOMPARE(s.customId, customId);
        QCOMPARE(s.model, model);
        QCOMPARE(s.preview, preview);
    }

    void previewIsBounded()
    {
        const QByteArray line =
            "{\"custom_id\":\"x\",\"body\":{\"prompt\":\"" + QByteArray(5000, 'a') + "\"}}";
        QCOMPARE(summarizeRequest(line, 100).preview.size(), 100);
    }

    void prettyKeepsKeyOrderAndText()
    {
        const QString out =
            prettyJson("{\"z\":1,\"a\":{\"k\":[1.50,\"\\u00e9\",null]},\"e\":{},\"q\\\"\":true}");
        QCOMPARE(out,
                 QStringLiteral("{\n  \"z\": 1,\n  \"a\": {\n    \"k\": [\n      1.50,\n      \"\\u00e9\",\n "
                                "     null\n    ]\n  },\n  \"e\": {},\n  \"q\\\"\": true\n}"));
        QCOMPARE(prettyJson("{broken"), QStringLiteral("{broken"));
    }
};

QTEST_GUILESS_MAIN(TestRequestSummary)
#include "tst_requestsummary.moc"
