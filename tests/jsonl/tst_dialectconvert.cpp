// The conversions between OpenAI's batch lines and Anthropic's, Mistral's and Gemini's (docs/providers.md
// §2-4): requests out, result lines back, whole files streamed, and the validator's per-provider diagnostics.
#include "jsonl/dialectconvert.h"
#include "jsonl/limitprofile.h"
#include "jsonl/validator.h"
#include "results/resultindex.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

using namespace Batchdesk::Jsonl;

namespace {

QJsonObject parse(const QByteArray &json)
{
    QJsonParseError error {};
    const QJsonDocument doc = QJsonDocument::fromJson(json, &error);
    if (error.error != QJsonParseError::NoError || !doc.isObject())
        qFatal("test JSON does not parse: %s", json.constData());
    return doc.object();
}

QByteArray chatLine(const QByteArray &id, const QByteArray &bodyRest,
                    const QByteArray &messages = R"([{"role":"user","content":"Hi"}])")
{
    QByteArray line =
        R"({"custom_id":"@ID","method":"POST","url":"/v1/chat/completions","body":{"model":"m1",@REST"messages":@MSG}})";
    line.replace("@ID", id).replace("@REST", bodyRest.isEmpty() ? QByteArray() : bodyRest + ',');
    return line.replace("@MSG", messages);
}

QString problemOf(const QByteArray &line, WireFamily family)
{
    QString problem;
    const auto converted = convertRequestLine(parse(line), family, &problem);
    if (converted)
        return QStringLiteral("<converted>");
    return problem;
}

QJsonObject resultOf(const QByteArray &line, WireFamily family)
{
    QString problem;
    const QByteArray out = resultLineToOpenAI(line, family, &problem);
    if (out.isEmpty())
        qWarning("no result: %s", qPrintable(problem));
    if (out.contains('\n'))
        qFatal("a converted result line must be one line");
    return parse(out);
}

QByteArray anthropicSucceeded(const QByteArray &id, const QByteArray &stopReason, const QByteArray &content)
{
    QByteArray line =
        R"({"custom_id":"@ID","result":{"type":"succeeded","message":{"id":"msg_01","type":"message","role":"assistant","model":"claude-sonnet-4-5","content":@CONTENT,"stop_reason":"@STOP","stop_sequence":null,"usage":{"input_tokens":12,"output_tokens":7}}}})";
    line.replace("@ID", id).replace("@STOP", stopReason);
    return line.replace("@CONTENT", content);
}

} // namespace

class TestDialectConvert : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;

    QString write(const QString &name, const QByteArray &content)
    {
        const QString path = m_dir.filePath(name);
        QFile f(path);
        if (!f.open(QIODevice::WriteOnly | QIODevice::Truncate))
            qFatal("cannot write test file");
        f.write(content);
        return path;
    }

    QByteArray read(const QString &path)
    {
        QFile f(path);
        if (!f.open(QIODevice::ReadOnly))
            return {};
        return f.readAll();
    }

private slots:
    void initTestCase() { QVERIFY(m_dir.isValid()); }

    // ---- requests -----------------------------------------------------------------------------------------

    void anthropicRequest()
    {
        const QByteArray line = R"({"custom_id":"req-1","method":"POST","url":"/v1/chat/completions","body":{
            "model":"claude-sonnet-4-5","max_completion_tokens":512,"temperature":0.2,"top_p":0.9,
            "stop":"END","user":"analyst-7","n":1,"stream":false,
            "messages":[{"role":"system","content":"You are a careful analyst."},
                        {"role":"developer","content":[{"type":"text","text":"Answer in English."}]},
                        {"role":"user","content":[{"type":"text","text":"Summarise:"},{"type":"text","text":"Q3 revenue rose 4%."}]},
                        {"role":"assistant","content":"Revenue grew."},
                        {"role":"user","content":"Shorter."}]}})";
        QString problem;
        const auto out = convertRequestLine(parse(line), WireFamily::Anthropic, &problem);
        QVERIFY2(out, qPrintable(problem));
        const QJsonObject expected = parse(R"({"custom_id":"req-1","params":{
            "model":"claude-sonnet-4-5","max_tokens":512,"temperature":0.2,"top_p":0.9,
            "stop_sequences":["END"],"metadata":{"user_id":"analyst-7"},
            
            "messages":[{"role":"user","content":[{"type":"text","text":"Summarise:"},{"type":"text","text":"Q3 revenue rose 4%."}]},
                        {"role":"assistant","content":"Revenue grew."},
                        {"role":"user","content":"Shorter."}]}})");
        QJsonObject params = expected.value(QLatin1StringView("params")).toObject();
        params.insert(QLatin1StringView("system"),
                      QStringLiteral("You are a careful analyst.\n\nAnswer in English."));
        QJsonObject withSystem = expected;
        withSystem.insert(QLatin1StringView("params"), params);
        QCOMPARE(*out, withSystem);
    }

    void anthropicTools()
    {
        const QByteArray line = chatLine(
            "t1",
            R"("max_tokens":50,"tool_choice":"required","tools":[{"type":"function","function":{"name":"lookup","description":"Finds a ticker","parameters":{"type":"object","properties":{"q":{"type":"string"}}}}}])");
        const auto out = convertRequestLine(parse(line), WireFamily::Anthropic);
        QVERIFY(out);
        const QJsonObject params = out->value(QLatin1StringView("params")).toObject();
        QCOMPARE(params.value(QLatin1StringView("tool_choice")).toObject(), parse(R"({"type":"any"})"));
        QCOMPARE(
            params.value(QLatin1StringView("tools")).toArray().first().toObject(),
            parse(
                R"({"name":"lookup","description":"Finds a ticker","input_schema":{"type":"object","properties":{"q":{"type":"string"}}}})"));
    }

    void anthropicProblems_data()
    {
        QTest::addColumn<QByteArray>("line");
        QTest::addColumn<QString>("problem");
        QTest::newRow("max_tokens missing")
            << chatLine("a", {})
            << QStringLiteral("max_tokens is required by Anthropic; add \"max_tokens\" to the body.");
        QTest::newRow("tool role") << chatLine(
            "a", R"("max_tokens":10)",
            R"([{"role":"user","content":"Weather?"},{"role":"assistant","content":"Checking."},{"role":"tool","tool_call_id":"c1","content":"sunny"}])")
                                   << QStringLiteral("messages[2] has role \"tool\", which Anthropic batches "
                                                     "cannot take here.");
        QTest::newRow("n = 3") << chatLine("a", R"("max_tokens":10,"n":3)")
                               << QStringLiteral("n = 3: Anthropic batch lines give one answer each.");
        QTest::newRow("image part") << chatLine(
            "a", R"("max_tokens":10)",
            R"([{"role":"user","content":[{"type":"text","text":"What is this?"},{"type":"image_url","image_url":{"url":"data:image/png;base64,iVBORw0KGgo="}}]}])")
                                    << QStringLiteral("messages[0].content[1] is a \"image_url\" part; "
                                                      "Anthropic batch lines converted from "
                                                      "OpenAI take text parts only.");
        QTest::newRow("system after user") << chatLine(
            "a", R"("max_tokens":10)",
            R"([{"role":"user","content":"Hi"},{"role":"assistant","content":"Hello"},{"role":"system","content":"Be brief"}])")
                                           << QStringLiteral(
                                                  "messages[2] is a system message after the conversation "
                                                  "started; Anthropic takes "
                                                  "system text only before the first user message.");
        QTest::newRow("response_format")
            << chatLine("a", R"("max_tokens":10,"response_format":{"type":"json_object"})")
            << QStringLiteral(
                   "response_format {\"type\":\"json_object\"} cannot convert to Anthropic; remove it and "
                   "ask for the format in the prompt.");
        QTest::newRow("logprobs") << chatLine("a", R"("max_tokens":10,"logprobs":true)")
                                  << QStringLiteral(
                                         "logprobs is set; Anthropic batches give no log probabilities.");
        QTest::newRow("temperature above 1")
            << chatLine("a", R"("max_tokens":10,"temperature":1.5)")
            << QStringLiteral("temperature is 1.5; Anthropic takes a number from 0 to 1.");
        QTest::newRow("unknown field") << chatLine("a", R"("max_tokens":10,"frequency_penalty":0.5)")
                                       << QStringLiteral("frequency_penalty has no Anthropic equivalent; "
                                                         "remove \"frequency_penalty\" from the body.");
        QTest::newRow("max_tokens zero")
            << chatLine("a", R"("max_tokens":0)")
            << QStringLiteral("max_tokens is 0; it must be a positive whole number.");
        QTest::newRow("embeddings") << QByteArray(
            R"({"custom_id":"e","method":"POST","url":"/v1/embeddings","body":{"model":"m","input":"x"}})")
                                    << QStringLiteral("url \"/v1/embeddings\" has no Anthropic equivalent; "
                                                      "Anthropic batches take chat "
                                                      "requests (/v1/chat/completions) only.");
    }

    void anthropicProblems()
    {
        QFETCH(QByteArray, line);
        QFETCH(QString, problem);
        QCOMPARE(problemOf(line, WireFamily::Anthropic), problem);
    }

    void geminiRequest()
    {
        const QByteArray line = R"({"custom_id":"g-1","method":"POST","url":"/v1/chat/completions","body":{
            "model":"gemini-2.5-flash","max_tokens":300,"temperature":0.4,"top_p":0.8,"stop":["<END>"],
            "response_format":{"type":"json_object"},
            "messages":[{"role":"system","content":"Reply in JSON."},
                        {"role":"user","content":[{"type":"text","text":"List two"},{"type":"text","text":"colours."}]},
                        {"role":"assistant","content":"Red."},
                        {"role":"user","content":"Two, please."}]}})";
        QString problem;
        const auto out = convertRequestLine(parse(line), WireFamily::Gemini, &problem);
        QVERIFY2(out, qPrintable(problem));
        const QJsonObject expected = parse(R"({"key":"g-1","request":{
            "systemInstruction":{"parts":[{"text":"Reply in JSON."}]},
            "contents":[{"role":"user","parts":[{"text":"List two"},{"text":"colours."}]},
                        {"role":"model","parts":[{"text":"Red."}]},
                        {"role":"user","parts":[{"text":"Two, please."}]}],
            "generationConfig":{"maxOutputTokens":300,"temperature":0.4,"topP":0.8,"stopSequences":["<END>"],
                                "responseMimeType":"application/json"}}})");
        QCOMPARE(*out, expected);
        // Gemini takes no max_tokens requirement.
        QCOMPARE(problemOf(chatLine("g-2", {}), WireFamily::Gemini), QStringLiteral("<converted>"));
    }

    void geminiProblems_data()
    {
        QTest::addColumn<QByteArray>("line");
        QTest::addColumn<QString>("problem");
        QTest::newRow("n = 3") << chatLine("a", R"("n":3)")
                               << QStringLiteral("n = 3: Gemini batch lines give one answer each.");
        QTest::newRow("tool role")
            << chatLine("a", {}, R"([{"role":"user","content":"Hi"},{"role":"tool","content":"x"}])")
            << QStringLiteral("messages[1] has role \"tool\", which Gemini batches cannot take here.");
        QTest::newRow("json_schema")
            << chatLine("a", R"("response_format":{"type":"json_schema","json_schema":{"name":"x"}})")
            << QStringLiteral(
                   "response_format {\"json_schema\":{\"name\":\"x\"},\"type\":\"json_schema\"} cannot "
                   "convert to Gemini; remove it and ask for the format in the prompt.");
        QTest::newRow("tools") << chatLine("a", R"("tools":[])")
                               << QStringLiteral(
                                      "tools has no Gemini equivalent; remove \"tools\" from the body.");
    }

    void geminiProblems()
    {
        QFETCH(QByteArray, line);
        QFETCH(QString, problem);
        QCOMPARE(problemOf(line, WireFamily::Gemini), problem);
    }

    void mistralRequests()
    {
        const auto chat = convertRequestLine(
            parse(chatLine("m-1", R"("max_completion_tokens":99,"temperature":0.3,"random_seed":4)",
                           R"([{"role":"developer","content":"Be brief."},{"role":"user","content":"Hi"}])")),
            WireFamily::Mistral);
        QVERIFY(chat);
        QCOMPARE(*chat, parse(R"({"custom_id":"m-1","body":{"max_tokens":99,"temperature":0.3,"random_seed":4,
            "messages":[{"role":"system","content":"Be brief."},{"role":"user","content":"Hi"}]}})"));

        const auto embeddings = convertRequestLine(
            parse(
                R"({"custom_id":"e-1","method":"POST","url":"/v1/embeddings","body":{"model":"mistral-embed","input":["alpha","beta"]}})"),
            WireFamily::Mistral);
        QVERIFY(embeddings);
        QCOMPARE(*embeddings, parse(R"({"custom_id":"e-1","body":{"input":["alpha","beta"]}})"));

        QCOMPARE(
            problemOf(
                R"({"custom_id":"c","method":"POST","url":"/v1/completions","body":{"model":"m","prompt":"x"}})",
                WireFamily::Mistral),
            QStringLiteral("url \"/v1/completions\" has no Mistral equivalent; Mistral batches take "
                           "/v1/chat/completions, /v1/embeddings and /v1/moderations."));
        QCOMPARE(problemOf(chatLine("s", R"("stream":true)"), WireFamily::Mistral),
                 QStringLiteral("stream is true; batch requests cannot stream."));
    }

    void targetFormatPassesThrough()
    {
        const QJsonObject anthropic =
            parse(R"({"custom_id":"x","params":{"model":"c","max_tokens":5,"messages":[]}})");
        QCOMPARE(*convertRequestLine(anthropic, WireFamily::Anthropic), anthropic);
        const QJsonObject gemini = parse(R"({"key":"x","request":{"contents":[]}})");
        QCOMPARE(*convertRequestLine(gemini, WireFamily::Gemini), gemini);
        const QJsonObject mistral = parse(R"({"custom_id":"x","body":{"messages":[]}})");
        QCOMPARE(*convertRequestLine(mistral, WireFamily::Mistral), mistral);
    }

    void portableCustomIds()
    {
        QVERIFY(isPortableCustomId(u"req_1-A"));
        QVERIFY(isPortableCustomId(QString(64, u'a')));
        QVERIFY(!isPortableCustomId(QString(65, u'a')));
        QVERIFY(!isPortableCustomId(u""));
        QVERIFY(!isPortableCustomId(u"a b"));
        QVERIFY(!isPortableCustomId(u"row.1"));
        QVERIFY(!isPortableCustomId(u"zürich"));
    }

    // ---- results ------------------------------------------------------------------------------------------

    void anthropicSucceededResult_data()
    {
        QTest::addColumn<QByteArray>("stopReason");
        QTest::addColumn<QString>("finish");
        QTest::newRow("end_turn") << QByteArray("end_turn") << QStringLiteral("stop");
        QTest::newRow("stop_sequence") << QByteArray("stop_sequence") << QStringLiteral("stop");
        QTest::newRow("max_tokens") << QByteArray("max_tokens") << QStringLiteral("length");
    }

    void anthropicSucceededResult()
    {
        QFETCH(QByteArray, stopReason);
        QFETCH(QString, finish);
        const QJsonObject line = resultOf(
            anthropicSucceeded("req-1", stopReason,
                               R"([{"type":"text","text":"Revenue rose "},{"type":"text","text":"4%."}])"),
            WireFamily::Anthropic);
        QCOMPARE(line.value(QLatin1StringView("custom_id")).toString(), QStringLiteral("req-1"));
        QVERIFY(line.value(QLatin1StringView("error")).isNull());
        const QJsonObject response = line.value(QLatin1StringView("response")).toObject();
        QCOMPARE(response.value(QLatin1StringView("status_code")).toInt(), 200);
        const QJsonObject body = response.value(QLatin1StringView("body")).toObject();
        QCOMPARE(body.value(QLatin1StringView("object")).toString(), QStringLiteral("chat.completion"));
        QCOMPARE(body.value(QLatin1StringView("model")).toString(), QStringLiteral("claude-sonnet-4-5"));
        const QJsonObject choice = body.value(QLatin1StringView("choices")).toArray().first().toObject();
        QCOMPARE(choice.value(QLatin1StringView("message"))
                     .toObject()
                     .value(QLatin1StringView("content"))
                     .toString(),
                 QStringLiteral("Revenue rose 4%."));
        QCOMPARE(choice.value(QLatin1StringView("finish_reason")).toString(), finish);
        QCOMPARE(body.value(QLatin1StringView("usage")).toObject(),
                 parse(R"({"prompt_tokens":12,"completion_tokens":7,"total_tokens":19})"));
    }

    void anthropicToolUseResult()
    {
        const QJsonObject line =
            resultOf(anthropicSucceeded(
                         "t", "tool_use",
                         R"([{"type":"tool_use","id":"toolu_1","name":"lookup","input":{"q":"ACME"}}])"),
                     WireFamily::Anthropic);
        const QJsonObject choice = line.value(QLatin1StringView("response"))
                                       .toObject()
                                       .value(QLatin1StringView("body"))
                                       .toObject()
                                       .value(QLatin1StringView("choices"))
                                       .toArray()
                                       .first()
                                       .toObject();
        QCOMPARE(choice.value(QLatin1StringView("finish_reason")).toString(), QStringLiteral("tool_calls"));
        const QJsonObject message = choice.value(QLatin1StringView("message")).toObject();
        QVERIFY(message.value(QLatin1StringView("content")).isNull());
        QCOMPARE(
            message.value(QLatin1StringView("tool_calls")).toArray().first().toObject(),
            QJsonObject(
                {{QLatin1StringView("id"), QStringLiteral("toolu_1")},
                 {QLatin1StringView("type"), QStringLiteral("function")},
                 {QLatin1StringView("function"),
                  QJsonObject({{QLatin1StringView("name"), QStringLiteral("lookup")},
                               {QLatin1StringView("arguments"), QStringLiteral("{\"q\":\"ACME\"}")}})}}));
    }

    void anthropicFailedResults_data()
    {
        QTest::addColumn<QByteArray>("line");
        QTest::addColumn<int>("status"); // 0: no response
        QTest::addColumn<QString>("code");
        QTest::newRow("errored invalid_request_error") << QByteArray(
            R"({"custom_id":"e1","result":{"type":"errored","error":{"type":"error","error":{"type":"invalid_request_error","message":"max_tokens: field required"}}}})")
                                                       << 400 << QStringLiteral("invalid_request_error");
        QTest::newRow("errored overloaded_error") << QByteArray(
            R"({"custom_id":"e2","result":{"type":"errored","error":{"type":"error","error":{"type":"overloaded_error","message":"Overloaded"}}}})")
                                                  << 500 << QStringLiteral("overloaded_error");
        QTest::newRow("canceled") << QByteArray(R"({"custom_id":"c1","result":{"type":"canceled"}})") << 0
                                  << QStringLiteral("batch_cancelled");
        QTest::newRow("expired") << QByteArray(R"({"custom_id":"x1","result":{"type":"expired"}})") << 0
                                 << QStringLiteral("batch_expired");
    }

    void anthropicFailedResults()
    {
        QFETCH(QByteArray, line);
        QFETCH(int, status);
        QFETCH(QString, code);
        const QJsonObject out = resultOf(line, WireFamily::Anthropic);
        const QJsonObject error = out.value(QLatin1StringView("error")).toObject();
        QCOMPARE(error.value(QLatin1StringView("code")).toString(), code);
        QVERIFY(!error.value(QLatin1StringView("message")).toString().isEmpty());
        if (status == 0) {
            QVERIFY(out.value(QLatin1StringView("response")).isNull());
        } else {
            const QJsonObject response = out.value(QLatin1StringView("response")).toObject();
            QCOMPARE(response.value(QLatin1StringView("status_code")).toInt(), status);
            QCOMPARE(response.value(QLatin1StringView("body"))
                         .toObject()
                         .value(QLatin1StringView("error"))
                         .toObject()
                         .value(QLatin1StringView("type"))
                         .toString(),
                     code);
        }
    }

    void invalidResultLines()
    {
        QString problem;
        QVERIFY(resultLineToOpenAI("{not json", WireFamily::Anthropic, &problem).isEmpty());
        QVERIFY(problem.startsWith(QLatin1StringView("Not valid JSON")));
        problem.clear();
        QVERIFY(resultLineToOpenAI(R"({"custom_id":"a","result":{"type":"exploded"}})", WireFamily::Anthropic,
                                   &problem)
                    .isEmpty());
        QCOMPARE(problem, QStringLiteral("The result type \"exploded\" is unknown."));
        problem.clear();
        QVERIFY(resultLineToOpenAI(R"({"response":{}})", WireFamily::Gemini, &problem).isEmpty());
        QVERIFY(!problem.isEmpty());
        problem.clear();
        QVERIFY(resultLineToOpenAI("[1,2]", WireFamily::Mistral, &problem).isEmpty());
        QVERIFY(!problem.isEmpty());
    }

    void geminiResults()
    {
        const QJsonObject ok = resultOf(
            R"({"key":"g-1","response":{"candidates":[{"content":{"role":"model","parts":[{"text":"Red, "},{"text":"blue."}]},"finishReason":"STOP"}],"usageMetadata":{"promptTokenCount":9,"candidatesTokenCount":3,"totalTokenCount":12},"modelVersion":"gemini-2.5-flash","responseId":"resp-1"}})",
            WireFamily::Gemini);
        QCOMPARE(ok.value(QLatin1StringView("custom_id")).toString(), QStringLiteral("g-1"));
        QVERIFY(ok.value(QLatin1StringView("error")).isNull());
        const QJsonObject body =
            ok.value(QLatin1StringView("response")).toObject().value(QLatin1StringView("body")).toObject();
        QCOMPARE(ok.value(QLatin1StringView("response"))
                     .toObject()
                     .value(QLatin1StringView("status_code"))
                     .toInt(),
                 200);
        const QJsonObject choice = body.value(QLatin1StringView("choices")).toArray().first().toObject();
        QCOMPARE(choice.value(QLatin1StringView("message"))
                     .toObject()
                     .value(QLatin1StringView("content"))
                     .toString(),
                 QStringLiteral("Red, blue."));
        QCOMPARE(choice.value(QLatin1StringView("finish_reason")).toString(), QStringLiteral("stop"));
        QCOMPARE(body.value(QLatin1StringView("usage")).toObject(),
                 parse(R"({"prompt_tokens":9,"completion_tokens":3,"total_tokens":12})"));
        QCOMPARE(body.value(QLatin1StringView("model")).toString(), QStringLiteral("gemini-2.5-flash"));

        const QJsonObject cut = resultOf(
            R"({"key":"g-2","response":{"candidates":[{"content":{"parts":[{"text":"Lon"}]},"finishReason":"MAX_TOKENS"}],"usageMetadata":{"promptTokenCount":"5","candidatesTokenCount":"1"}}})",
            WireFamily::Gemini);
        const QJsonObject cutBody =
            cut.value(QLatin1StringView("response")).toObject().value(QLatin1StringView("body")).toObject();
        QCOMPARE(cutBody.value(QLatin1StringView("choices"))
                     .toArray()
                     .first()
                     .toObject()
                     .value(QLatin1StringView("finish_reason"))
                     .toString(),
                 QStringLiteral("length"));
        QCOMPARE(cutBody.value(QLatin1StringView("usage")).toObject(),
                 parse(R"({"prompt_tokens":5,"completion_tokens":1,"total_tokens":6})"));
    }

    void geminiErrorResults_data()
    {
        QTest::addColumn<QByteArray>("line");
        QTest::addColumn<int>("status");
        QTest::addColumn<QString>("code");
        QTest::newRow("http code and status") << QByteArray(
            R"({"key":"e","error":{"code":400,"message":"Invalid JSON payload","status":"INVALID_ARGUMENT"}})")
                                              << 400 << QStringLiteral("INVALID_ARGUMENT");
        QTest::newRow("status only") << QByteArray(
            R"({"key":"e","error":{"message":"Quota","status":"RESOURCE_EXHAUSTED"}})")
                                     << 429 << QStringLiteral("RESOURCE_EXHAUSTED");
        QTest::newRow("grpc code") << QByteArray(
            R"({"key":"e","error":{"code":5,"message":"No such model"}})")
                                   << 404 << QStringLiteral("http_404");
    }

    void geminiErrorResults()
    {
        QFETCH(QByteArray, line);
        QFETCH(int, status);
        QFETCH(QString, code);
        const QJsonObject out = resultOf(line, WireFamily::Gemini);
        QCOMPARE(out.value(QLatin1StringView("response"))
                     .toObject()
                     .value(QLatin1StringView("status_code"))
                     .toInt(),
                 status);
        QCOMPARE(out.value(QLatin1StringView("error")).toObject().value(QLatin1StringView("code")).toString(),
                 code);
    }

    void mistralResultsAreNormalised()
    {
        const QByteArray line =
            R"({"custom_id": "m-1", "response": {"status_code": 200, "body": {"object": "chat.completion", "choices": []}}})";
        const QByteArray out = resultLineToOpenAI(line, WireFamily::Mistral);
        QCOMPARE(
            out,
            QByteArray(
                R"({"custom_id":"m-1","error":null,"id":"batch_req_m-1","response":{"body":{"choices":[],"object":"chat.completion"},"status_code":200}})"));
        const QJsonObject failed =
            resultOf(R"({"id":"r9","custom_id":"m-2","response":null,"error":"model not found"})",
                     WireFamily::Mistral);
        QCOMPARE(failed.value(QLatin1StringView("id")).toString(), QStringLiteral("r9"));
        QCOMPARE(failed.value(QLatin1StringView("error"))
                     .toObject()
                     .value(QLatin1StringView("message"))
                     .toString(),
                 QStringLiteral("model not found"));
    }

    // The converted lines are read by the results code as any OpenAI output file.
    void convertedResultsClassifyAsOpenAIOutput()
    {
        QByteArray lines = anthropicSucceeded("s1", "end_turn", R"([{"type":"text","text":"ok"}])") + '\n';
        lines +=
            R"({"custom_id":"e1","result":{"type":"errored","error":{"type":"error","error":{"type":"invalid_request_error","message":"bad"}}}})"
            "\n";
        lines += R"({"custom_id":"c1","result":{"type":"canceled"}})"
                 "\n";
        lines += R"({"custom_id":"x1","result":{"type":"expired"}})"
                 "\n";
        ResultLineConverter converter(WireFamily::Anthropic);
        const QString path =
            write(QStringLiteral("converted_results.jsonl"), converter.feed(lines) + converter.finish());
        const auto index = Batchdesk::Results::ResultIndex::build({path});
        QVERIFY(index.ok());
        const auto &ix = *index.value();
        using Batchdesk::Results::Outcome;
        const auto outcome = [&](const char *id) { return ix.entries()[std::size_t(ix.find(id))].outcome; };
        QCOMPARE(ix.malformedLines(), 0);
        QCOMPARE(outcome("s1"), Outcome::Succeeded);
        QCOMPARE(ix.entries()[std::size_t(ix.find("s1"))].inputTokens, 12);
        QCOMPARE(outcome("e1"), Outcome::Failed);
        QCOMPARE(outcome("c1"), Outcome::Cancelled);
        QCOMPARE(outcome("x1"), Outcome::Expired);
    }

    void resultLineConverterChunkSizes()
    {
        QByteArray input;
        input += anthropicSucceeded("a", "end_turn", R"([{"type":"text","text":"héllo wörld"}])") + "\r\n";
        input += "\n";
        input += "{broken\n";
        input += R"({"custom_id":"b","result":{"type":"expired"}})"
                 "\n";
        input +=
            anthropicSucceeded("c", "max_tokens", R"([{"type":"text","text":"tail"}])"); // no final newline

        QByteArray expected;
        for (const QByteArray &line :
             {anthropicSucceeded("a", "end_turn", R"([{"type":"text","text":"héllo wörld"}])"),
              QByteArray(R"({"custom_id":"b","result":{"type":"expired"}})"),
              anthropicSucceeded("c", "max_tokens", R"([{"type":"text","text":"tail"}])")})
            expected += resultLineToOpenAI(line, WireFamily::Anthropic) + '\n';

        for (const qsizetype size : {qsizetype(1), qsizetype(7), input.size()}) {
            ResultLineConverter converter(WireFamily::Anthropic);
            QByteArray out;
            for (qsizetype at = 0; at < input.size(); at += size)
                out += converter.feed(QByteArrayView(input).sliced(at, std::min(size, input.size() - at)));
            out += converter.finish();
            QCOMPARE(out, expected);
            QCOMPARE(converter.converted(), 3);
            QCOMPARE(converter.failed(), 1);
            QVERIFY2(converter.firstProblem().startsWith(QLatin1StringView("line 3: ")),
                     qPrintable(converter.firstProblem()));
        }
    }

    // ---- whole files --------------------------------------------------------------------------------------

    void anthropicFileOf10000Lines()
    {
        QByteArray content;
        for (int i = 0; i < 10'000; ++i)
            content +=
                chatLine(
                    "row-" + QByteArray::number(i), R"("max_tokens":200,"temperature":0.5)",
                    QByteArray(
                        R"([{"role":"system","content":"Classify the sentiment."},{"role":"user","content":"Review number @N: the product works as advertised."}])")
                        .replace("@N", QByteArray::number(i)))
                + '\n';
        const QString in = write(QStringLiteral("big.jsonl"), content);
        const QString out = m_dir.filePath(QStringLiteral("big.anthropic.json"));
        qint64 lastDone = -1;
        qint64 calls = 0;
        const ConvertResult r =
            convertRequestFile(in, WireFamily::Anthropic, out, [&](qint64 done, qint64 total) {
                [&] { QVERIFY(done >= lastDone && total == content.size()); }();
                lastDone = done;
                ++calls;
                return true;
            });
        QVERIFY2(r.ok,
                 qPrintable(r.error + (r.diagnostics.isEmpty() ? QString() : r.diagnostics.first().message)));
        QCOMPARE(r.lines, 10'000);
        QCOMPARE(r.model, QStringLiteral("m1"));
        QCOMPARE(r.endpoint, QStringLiteral("/v1/chat/completions"));
        QCOMPARE(r.problemCount, 0);
        QCOMPARE(lastDone, content.size());
        QVERIFY(calls >= 2);
        const QByteArray written = read(out);
        QCOMPARE(r.outputBytes, written.size());
        QJsonParseError error {};
        const QJsonDocument doc = QJsonDocument::fromJson(written, &error);
        QCOMPARE(error.error, QJsonParseError::NoError);
        QVERIFY(doc.isObject());
        QCOMPARE(doc.object().keys(), QStringList {QStringLiteral("requests")});
        const QJsonArray requests = doc.object().value(QLatin1StringView("requests")).toArray();
        QCOMPARE(requests.size(), 10'000);
        const QJsonObject last = requests.last().toObject();
        QCOMPARE(last.value(QLatin1StringView("custom_id")).toString(), QStringLiteral("row-9999"));
        QCOMPARE(
            last.value(QLatin1StringView("params")).toObject().value(QLatin1StringView("system")).toString(),
            QStringLiteral("Classify the sentiment."));

        // The same file for Gemini is JSONL, one {key, request} per line.
        const QString geminiOut = m_dir.filePath(QStringLiteral("big.gemini.jsonl"));
        const ConvertResult g = convertRequestFile(in, WireFamily::Gemini, geminiOut);
        QVERIFY(g.ok);
        QCOMPARE(g.lines, 10'000);
        const QList<QByteArray> lines = read(geminiOut).split('\n');
        QCOMPARE(lines.size(), 10'001); // the last line ends in a newline
        QCOMPARE(parse(lines.at(42)).value(QLatin1StringView("key")).toString(), QStringLiteral("row-42"));
    }

    void cancelLeavesNoOutput()
    {
        QByteArray content;
        for (int i = 0; i < 10'000; ++i)
            content +=
                chatLine(
                    "c" + QByteArray::number(i), R"("max_tokens":20)",
                    QByteArray(
                        R"([{"role":"user","content":"Some text that makes this line long enough to matter, number @N"}])")
                        .replace("@N", QByteArray::number(i)))
                + '\n';
        QVERIFY(content.size() > 2 * (1 << 20));
        const QString in = write(QStringLiteral("cancel.jsonl"), content);
        for (const WireFamily family : {WireFamily::Anthropic, WireFamily::Mistral}) {
            const QString out = m_dir.filePath(QStringLiteral("cancel.out"));
            int calls = 0;
            // Cancel on the second call: part of the output has been written by then.
            const ConvertResult r =
                convertRequestFile(in, family, out, [&](qint64, qint64) { return ++calls < 2; });
            QVERIFY(r.canceled);
            QVERIFY(!r.ok);
            QVERIFY(!QFile::exists(out));
            QCOMPARE(m_dir.path(), QFileInfo(out).absolutePath());
        }
        QVERIFY(QDir(m_dir.path())
                    .entryList({QStringLiteral("cancel.out*")}, QDir::Files | QDir::Hidden)
                    .isEmpty());
    }

    void fileDiagnosticsAreLineExact()
    {
        const QByteArray content = "\xEF\xBB\xBF" + chatLine("a", R"("max_tokens":10)") + "\n"
            + "\n" // blank: skipped, still counted
            + chatLine("b", {}) + "\n" + "{oops\n"
            + chatLine("c", R"("max_tokens":10)",
                       R"([{"role":"user","content":"Hi"},{"role":"tool","content":"x"}])")
            + "\n" + chatLine("d.1", R"("max_tokens":10)") + "\n";
        const QString in = write(QStringLiteral("problems.jsonl"), content);
        const QString out = m_dir.filePath(QStringLiteral("problems.json"));
        const ConvertResult r = convertRequestFile(in, WireFamily::Anthropic, out);
        QVERIFY(!r.ok);
        QVERIFY(r.error.isEmpty());
        QVERIFY(!QFile::exists(out));
        QCOMPARE(r.problemCount, 4);
        QCOMPARE(r.diagnostics.size(), 4);
        QCOMPARE(
            r.diagnostics.at(0),
            (ConvertDiagnostic {
                3, QStringLiteral("max_tokens is required by Anthropic; add \"max_tokens\" to the body.")}));
        QCOMPARE(r.diagnostics.at(1).line, 4);
        QVERIFY(r.diagnostics.at(1).message.startsWith(QLatin1StringView("Not valid JSON")));
        QCOMPARE(
            r.diagnostics.at(2),
            (ConvertDiagnostic {
                5,
                QStringLiteral("messages[1] has role \"tool\", which Anthropic batches cannot take here.")}));
        QCOMPARE(r.diagnostics.at(3).line, 6);
        QVERIFY(r.diagnostics.at(3).message.contains(QLatin1StringView("custom_id \"d.1\"")));

        // Gemini and Mistral run one model per batch.
        const QString mixed =
            write(QStringLiteral("mixed.jsonl"),
                  chatLine("a", {}) + "\n" + chatLine("b", {}).replace("\"m1\"", "\"m2\"") + "\n");
        const ConvertResult g = convertRequestFile(mixed, WireFamily::Gemini, out);
        QVERIFY(!g.ok);
        QCOMPARE(g.diagnostics.size(), 1);
        QCOMPARE(g.diagnostics.first(),
                 (ConvertDiagnostic {
                     2,
                     QStringLiteral(
                         "model \"m2\" differs from \"m1\" on line 1; one Gemini batch runs one model.")}));
        // Anthropic requests name their own model each.
        const ConvertResult a =
            convertRequestFile(write(QStringLiteral("mixed2.jsonl"),
                                     chatLine("a", R"("max_tokens":5)") + "\n"
                                         + chatLine("b", R"("max_tokens":5)").replace("\"m1\"", "\"m2\"")),
                               WireFamily::Anthropic, out);
        QVERIFY(a.ok);
        QVERIFY(a.model.isEmpty());
        QCOMPARE(a.lines, 2);
    }

    void diagnosticsStopAtOneThousand()
    {
        QByteArray content;
        for (int i = 0; i < 1500; ++i)
            content += chatLine("n" + QByteArray::number(i), {}) + '\n';
        const ConvertResult r =
            convertRequestFile(write(QStringLiteral("many.jsonl"), content), WireFamily::Anthropic,
                               m_dir.filePath(QStringLiteral("many.json")));
        QVERIFY(!r.ok);
        QCOMPARE(r.problemCount, 1500);
        QCOMPARE(r.diagnostics.size(), kMaxConvertDiagnostics);
        QCOMPARE(r.diagnostics.last().line, 1000);
    }

    void targetFormatFilePassesThrough()
    {
        const QByteArray mixed = chatLine("a", {}) + "\n"
            + R"({"custom_id":"b","body":{"model":"m1","messages":[{"role":"user","content":"Hi"}]}})"
              "\n";
        const QString out = m_dir.filePath(QStringLiteral("pass.jsonl"));
        const ConvertResult r =
            convertRequestFile(write(QStringLiteral("pass_in.jsonl"), mixed), WireFamily::Mistral, out);
        QVERIFY(r.ok);
        QCOMPARE(r.lines, 2);
        QCOMPARE(r.model, QStringLiteral("m1"));
        const QList<QByteArray> lines = read(out).split('\n');
        QCOMPARE(lines.at(0),
                 QByteArray(R"({"body":{"messages":[{"content":"Hi","role":"user"}]},"custom_id":"a"})"));
        QCOMPARE(
            lines.at(1),
            QByteArray(
                R"({"custom_id":"b","body":{"model":"m1","messages":[{"role":"user","content":"Hi"}]}})"));
    }

    void ioErrors()
    {
        const ConvertResult r =
            convertRequestFile(m_dir.filePath(QStringLiteral("absent.jsonl")), WireFamily::Gemini,
                               m_dir.filePath(QStringLiteral("absent.out")));
        QVERIFY(!r.ok);
        QVERIFY(r.error.startsWith(QLatin1StringView("Cannot open")));
        const ConvertResult empty =
            convertRequestFile(write(QStringLiteral("empty.jsonl"), {}), WireFamily::Gemini,
                               m_dir.filePath(QStringLiteral("empty.out")));
        QVERIFY(!empty.ok);
        QCOMPARE(empty.diagnostics.first(),
                 (ConvertDiagnostic {0, QStringLiteral("The file contains no requests.")}));
        QVERIFY(!QFile::exists(m_dir.filePath(QStringLiteral("empty.out"))));
    }

    // ---- the validator ------------------------------------------------------------------------------------

    void validatorAnthropicProfile()
    {
        ValidationOptions options;
        options.profile = LimitProfile::anthropic();
        const ValidationReport r =
            validateFile(QStringLiteral(BATCHDESK_TEST_DATA "/anthropic_profile.jsonl"), options);
        QVERIFY(r.completed());
        QStringList found;
        for (const Diagnostic &d : r.diagnostics)
            found << QStringLiteral("%1 %2 %3").arg(d.line).arg(d.codeString(), d.message);
        const QStringList expected {
            QStringLiteral(
                "2 invalid_body max_tokens is required by Anthropic; add \"max_tokens\" to the body."),
            QStringLiteral(
                "3 invalid_body messages[2] has role \"tool\", which Anthropic batches cannot take here."),
            QStringLiteral(
                "4 invalid_custom_id custom_id \"bad id!\" is not accepted by Anthropic: it must be 1 to 64 "
                "letters, digits, \"_\" or \"-\"."),
            QStringLiteral("5 invalid_body response_format {\"type\":\"json_object\"} cannot convert to "
                           "Anthropic; remove "
                           "it and ask for the format in the prompt."),
        };
        QCOMPARE(found, expected);
        QCOMPARE(r.errorCount, 4);

        // The same file is fine for OpenAI, and for Gemini only the tool message stays a problem.
        ValidationOptions openai;
        openai.profile = LimitProfile::openai();
        QCOMPARE(
            validateFile(QStringLiteral(BATCHDESK_TEST_DATA "/anthropic_profile.jsonl"), openai).errorCount,
            0);
        ValidationOptions gemini;
        gemini.profile = LimitProfile::gemini();
        const ValidationReport g =
            validateFile(QStringLiteral(BATCHDESK_TEST_DATA "/anthropic_profile.jsonl"), gemini);
        QCOMPARE(g.errorCount, 1);
        QCOMPARE(g.diagnostics.first().line, 3);
        QCOMPARE(g.diagnostics.first().message,
                 QStringLiteral("messages[2] has role \"tool\", which Gemini batches cannot take here."));
    }

    void validatorReportsOnlyTheFirstProblemOfABrokenLine()
    {
        // A line that already breaks an OpenAI rule is not also reported as unconvertible.
        ValidationOptions options;
        options.profile = LimitProfile::anthropic();
        const QByteArray data =
            R"({"custom_id":"a","method":"GET","url":"/v1/chat/completions","body":{"model":"m","messages":[{"role":"user","content":"x"}]}})"
            "\n";
        const ValidationReport r = validateData(data, options);
        QCOMPARE(r.errorCount, 1);
        QCOMPARE(r.diagnostics.first().codeString(), QStringLiteral("invalid_method"));
    }
};

QTEST_GUILESS_MAIN(TestDialectConvert)
#include "tst_dialectconvert.moc"
