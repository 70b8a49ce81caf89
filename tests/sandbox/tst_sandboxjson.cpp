// The sandbox's JSON answers (response_format json_object / json_schema) and the [[badjson]] marker.
#include "sandbox/sandboxmodels.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>
#include <QTest>

using namespace Batchdesk::Sandbox;

namespace {

const char *const kSchema =
    "{\"type\":\"object\",\"properties\":{"
    "\"label\":{\"type\":\"string\",\"enum\":[\"positive\",\"negative\",\"neutral\"]},"
    "\"score\":{\"type\":\"number\",\"minimum\":0,\"maximum\":1},"
    "\"count\":{\"type\":\"integer\",\"minimum\":1,\"maximum\":5},"
    "\"urgent\":{\"type\":\"boolean\"},"
    "\"summary\":{\"type\":\"string\"},"
    "\"tags\":{\"type\":\"array\",\"items\":{\"type\":\"string\"},\"minItems\":1},"
    "\"meta\":{\"type\":\"object\",\"properties\":{\"lang\":{\"type\":\"string\","
    "\"enum\":[\"en\",\"de\"]}},\"required\":[\"lang\"]}},"
    "\"required\":[\"label\",\"score\",\"count\",\"urgent\",\"summary\",\"tags\","
    "\"meta\"]}";

QJsonObject chatBody(const QString &prompt, const QJsonObject &responseFormat)
{
    QJsonObject body {{QStringLiteral("model"), QStringLiteral("sandbox/echo")},
                      {QStringLiteral("messages"),
                       QJsonArray {QJsonObject {{QStringLiteral("role"), QStringLiteral("user")},
                                                {QStringLiteral("content"), prompt}}}},
                      {QStringLiteral("max_tokens"), 2}};
    if (!responseFormat.isEmpty())
        body.insert(QStringLiteral("response_format"), responseFormat);
    return body;
}

QJsonObject schemaFormat()
{
    const QJsonObject schema = QJsonDocument::fromJson(kSchema).object();
    return QJsonObject {{QStringLiteral("type"), QStringLiteral("json_schema")},
                        {QStringLiteral("json_schema"),
                         QJsonObject {{QStringLiteral("name"), QStringLiteral("review")},
                                      {QStringLiteral("schema"), schema},
                                      {QStringLiteral("strict"), true}}}};
}

QString answerOf(const ModelResult &r)
{
    return r.body.value(QLatin1String("choices"))
        .toArray()
        .at(0)
        .toObject()
        .value(QLatin1String("message"))
        .toObject()
        .value(QLatin1String("content"))
        .toString();
}

} // namespace

class TestSandboxJson : public QObject
{
    Q_OBJECT

private slots:
    void schemaAnswersConform()
    {
        QSet<QString> labels;
        for (int i = 0; i < 30; ++i) {
            const QString prompt = QStringLiteral("Review number %1 says the product is fine").arg(i);
            const ModelResult r = executeRequest(QStringLiteral("/v1/chat/completions"),
                                                 chatBody(prompt, schemaFormat()), 1700000000);
            QVERIFY(r.ok());
            const QString answer = answerOf(r);
            QJsonParseError error;
            const QJsonObject o = QJsonDocument::fromJson(answer.toUtf8(), &error).object();
            QCOMPARE(error.error, QJsonParseError::NoError);
            const QString label = o.value(QLatin1String("label")).toString();
            QVERIFY2(QStringList(
                         {QStringLiteral("positive"), QStringLiteral("negative"), QStringLiteral("neutral")})
                         .contains(label),
                     qPrintable(answer));
            labels.insert(label);
            QVERIFY(o.value(QLatin1String("score")).isDouble());
            QVERIFY(o.value(QLatin1String("score")).toDouble() >= 0);
            QVERIFY(o.value(QLatin1String("score")).toDouble() <= 1);
            const double count = o.value(QLatin1String("count")).toDouble();
            QVERIFY(count >= 1 && count <= 5 && count == std::floor(count));
            QVERIFY(o.value(QLatin1String("urgent")).isBool());
            QVERIFY(!o.value(QLatin1String("summary")).toString().isEmpty());
            QVERIFY(prompt.startsWith(o.value(QLatin1String("summary")).toString()));
            QVERIFY(!o.value(QLatin1String("tags")).toArray().isEmpty());
            QVERIFY(o.value(QLatin1String("tags")).toArray().at(0).isString());
            const QString lang =
                o.value(QLatin1String("meta")).toObject().value(QLatin1String("lang")).toString();
            QVERIFY(lang == QLatin1String("en") || lang == QLatin1String("de"));
            // Whole JSON even with max_tokens 2, usage counted from the answer.
            QCOMPARE(r.body.value(QLatin1String("choices"))
                         .toArray()
                         .at(0)
                         .toObject()
                         .value(QLatin1String("finish_reason")),
                     QJsonValue(QStringLiteral("stop")));
            QVERIFY(r.outputTokens > 0);
            QCOMPARE(
                r.body.value(QLatin1String("usage")).toObject().value(QLatin1String("completion_tokens")),
                QJsonValue(r.outputTokens));
        }
        // Different prompts get different enum values.
        QCOMPARE(labels.size(), 3);
    }

    void sameAnswerForSamePrompt()
    {
        const auto a = executeRequest(QStringLiteral("/v1/chat/completions"),
                                      chatBody(QStringLiteral("same text"), schemaFormat()), 1);
        const auto b = executeRequest(QStringLiteral("/v1/chat/completions"),
                                      chatBody(QStringLiteral("same text"), schemaFormat()), 2);
        QCOMPARE(answerOf(a), answerOf(b));
    }

    void jsonObjectAnswers()
    {
        const auto r =
            executeRequest(QStringLiteral("/v1/chat/completions"),
                           chatBody(QStringLiteral("one two three"),
                                    QJsonObject {{QStringLiteral("type"), QStringLiteral("json_object")}}),
                           1);
        QVERIFY(r.ok());
        const QJsonObject o = QJsonDocument::fromJson(answerOf(r).toUtf8()).object();
        QCOMPARE(o.value(QLatin1String("answer")).toString(), QStringLiteral("one two three"));
        QCOMPARE(o.value(QLatin1String("words")).toInt(), 3);
    }

    void badJsonMarker()
    {
        const auto r = executeRequest(QStringLiteral("/v1/chat/completions"),
                                      chatBody(QStringLiteral("break it [[badjson]]"), schemaFormat()), 1);
        QVERIFY(r.ok());
        QJsonParseError error;
        QJsonDocument::fromJson(answerOf(r).toUtf8(), &error);
        QVERIFY(error.error != QJsonParseError::NoError);
        QVERIFY(!answerOf(r).isEmpty());
    }

    void scriptedAnswers()
    {
        for (const QString &scripted : {QStringLiteral("{\"label\": \"other\", \"extra\": 1}"),
                                        QStringLiteral("```json\n{\"a\": 1}\n```")}) {
            const auto r =
                executeRequest(QStringLiteral("/v1/chat/completions"), chatBody(scripted, schemaFormat()), 1);
            QCOMPARE(answerOf(r), scripted);
        }
        // Text that merely starts like JSON is not a script.
        const auto r = executeRequest(QStringLiteral("/v1/chat/completions"),
                                      chatBody(QStringLiteral("{ not json"), schemaFormat()), 1);
        QVERIFY(QJsonDocument::fromJson(answerOf(r).toUtf8()).isObject());
    }

    void plainTextUnchanged()
    {
        const auto r = executeRequest(QStringLiteral("/v1/chat/completions"),
                                      chatBody(QStringLiteral("one two three"), {}), 1);
        QCOMPARE(answerOf(r), QStringLiteral("one two")); // echo, cut to max_tokens as before
    }
};

QTEST_GUILESS_MAIN(TestSandboxJson)
#include "tst_sandboxjson.moc"
