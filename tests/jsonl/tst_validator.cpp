#include "jsonl/validator.h"

#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace Batchdesk::Jsonl;

namespace {

QByteArray chat(const QByteArray &id, const QByteArray &model = "m1", const QByteArray &extra = {})
{
    return "{\"custom_id\":\"" + id
        + "\",\"method\":\"POST\",\"url\":\"/v1/chat/completions\",\"body\":{\"model\":\"" + model
        + "\",\"messages\":[{\"role\":\"user\",\"content\":\"Hi " + id + "\"}]" + extra + "}}";
}

// JSON written with single quotes (moc cannot read raw string literals here).
QByteArray J(const char *text)
{
    return QByteArray(text).replace('\'', '"');
}

QByteArray request(const QByteArray &id, const QByteArray &url, const QByteArray &body)
{
    return "{\"custom_id\":\"" + id + "\",\"method\":\"POST\",\"url\":\"" + url + "\",\"body\":" + body + "}";
}

QByteArray lines(std::initializer_list<QByteArray> list)
{
    QByteArray out;
    for (const auto &l : list)
        out += l + '\n';
    return out;
}

struct Expect
{
    qint64 line;
    QString code;
};

QString describe(const ValidationReport &r)
{
    QStringList out;
    for (const auto &d : r.diagnostics)
        out << QStringLiteral("%1:%2 %3").arg(d.line).arg(d.codeString(), d.message);
    return out.join(u'\n');
}

bool has(const ValidationReport &r, qint64 line, const QString &code)
{
    for (const auto &d : r.diagnostics) {
        if (d.line == line && d.codeString() == code)
            return true;
    }
    return false;
}

} // namespace

class TestValidator : public QObject
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

private slots:
    void initTestCase() { QVERIFY(m_dir.isValid()); }

    void rules_data()
    {
        QTest::addColumn<QByteArray>("content");
        QTest::addColumn<qint64>("line");
        QTest::addColumn<QString>("code");
        QTest::addColumn<bool>("valid");

        const QByteArray ok1 = chat("a");
        const QByteArray ok2 = chat("b");

        QTest::newRow("valid file") << lines({ok1, ok2}) << qint64(-1) << QString() << true;
        QTest::newRow("no final newline gets nothing")
            << (ok1 + '\n' + ok2) << qint64(-1) << QString() << true;
        QTest::newRow("empty_file") << QByteArray() << qint64(0) << "empty_file" << false;
        QTest::newRow("empty_file: only newlines")
            << QByteArray("\n\n") << qint64(0) << "empty_file" << false;
        QTest::newRow("invalid_utf8")
            << lines({ok1, "{\"custom_id\":\"\xC3\x28\"}"}) << qint64(2) << "invalid_utf8" << false;
        QTest::newRow("invalid_utf8: overlong")
            << lines({"{\"custom_id\":\"\xC0\xAF\"}", ok2}) << qint64(1) << "invalid_utf8" << false;
        QTest::newRow("invalid_json: truncated")
            << lines({ok1, "{\"custom_id\":\"b\","}) << qint64(2) << "invalid_json" << false;
        QTest::newRow("invalid_json: deep inside an unread field")
            << lines({chat("a", "m1", ",\"logit_bias\":{\"1\":[1,2,]}")}) << qint64(1) << "invalid_json"
            << false;
        QTest::newRow("invalid_json: misspelt literal")
            << lines({chat("a", "m1", ",\"x\":tru")}) << qint64(1) << "invalid_json" << false;
        QTest::newRow("invalid_json: two objects on a line")
            << lines({ok1 + ' ' + ok2}) << qint64(1) << "invalid_json" << false;
        QTest::newRow("invalid_json: bad escape")
            << lines({"{\"custom_id\":\"a\\q\"}"}) << qint64(1) << "invalid_json" << false;
        QTest::newRow("invalid_json: bad \\u escape in an unread string")
            << lines({chat("a", "m1", ",\"user\":\"x\\u12G4\"")}) << qint64(1) << "invalid_json" << false;
        QTest::newRow("invalid_json: lone low surrogate")
            << lines({chat("a", "m1", ",\"user\":\"\\uDC00\"")}) << qint64(1) << "invalid_json" << false;
        QTest::newRow("invalid_json: high surrogate without its pair")
            << lines({chat("a", "m1", ",\"user\":\"\\uD83Dx\"")}) << qint64(1) << "invalid_json" << false;
        QTest::newRow("invalid_json: raw control character in a string")
            << lines({chat("a", "m1", ",\"user\":\"a\tb\"")}) << qint64(1) << "invalid_json" << false;
        QTest::newRow("escapes and surrogate pairs are fine")
            << lines({chat("a", "m1", ",\"user\":\"\\uD83D\\uDE00 \\\" \\\\ \\/ \\b\\f\\n\\r\\t \\u00e9\"")})
            << qint64(-1) << QString() << true;
        QTest::newRow("blank_line") << lines({ok1, "   ", ok2}) << qint64(2) << "blank_line" << false;
        QTest::newRow("blank_line: empty") << lines({ok1, "", ok2}) << qint64(2) << "blank_line" << false;
        QTest::newRow("not_an_object: array")
            << lines({ok1, "[1,2]"}) << qint64(2) << "not_an_object" << false;
        QTest::newRow("not_an_object: string")
            << lines({"\"text\""}) << qint64(1) << "not_an_object" << false;
        QTest::newRow("not_an_object: number") << lines({"42"}) << qint64(1) << "not_an_object" << false;
        QTest::newRow("missing_custom_id")
            << lines({ok1,
                      "{\"method\":\"POST\",\"url\":\"/v1/chat/completions\",\"body\":{\"model\":\"m1\","
                      "\"messages\":[{\"role\":\"user\",\"content\":\"x\"}]}}"})
            << qint64(2) << "missing_custom_id" << false;
        QTest::newRow("missing_custom_id: null") << lines(
            {"{\"custom_id\":null,\"method\":\"POST\",\"url\":\"/v1/completions\",\"body\":{\"model\":\"m\","
             "\"prompt\":\"x\"}}"}) << qint64(1) << "missing_custom_id"
                                                 << false;
        QTest::newRow("invalid_custom_id: number") << lines(
            {"{\"custom_id\":7,\"method\":\"POST\",\"url\":\"/v1/completions\",\"body\":{\"model\":\"m\","
             "\"prompt\":\"x\"}}"}) << qint64(1) << "invalid_custom_id"
                                                   << false;
        QTest::newRow("invalid_custom_id: empty")
            << lines({chat("")}) << qint64(1) << "invalid_custom_id" << false;
        QTest::newRow("duplicate_custom_id")
            << lines({ok1, ok2, chat("a")}) << qint64(3) << "duplicate_custom_id" << false;
        QTest::newRow("invalid_method: GET") << lines(
            {"{\"custom_id\":\"a\",\"method\":\"GET\",\"url\":\"/v1/completions\",\"body\":{\"model\":\"m\","
             "\"prompt\":\"x\"}}"}) << qint64(1)
                                             << "invalid_method" << false;
        QTest::newRow("invalid_method: missing") << lines(
            {"{\"custom_id\":\"a\",\"url\":\"/v1/completions\",\"body\":{\"model\":\"m\",\"prompt\":\"x\"}}"})
                                                 << qint64(1) << "invalid_method" << false;
        QTest::newRow("invalid_method: lower case") << lines(
            {"{\"custom_id\":\"a\",\"method\":\"post\",\"url\":\"/v1/completions\",\"body\":{\"model\":\"m\","
             "\"prompt\":\"x\"}}"}) << qint64(1) << "invalid_method"
                                                    << false;
        QTest::newRow("missing_url") << lines(
            {"{\"custom_id\":\"a\",\"method\":\"POST\",\"body\":{\"model\":\"m\",\"prompt\":\"x\"}}"})
                                     << qint64(1) << "missing_url" << false;
        QTest::newRow("unsupported_url") << lines(
            {"{\"custom_id\":\"a\",\"method\":\"POST\",\"url\":\"/v1/responses\",\"body\":{\"model\":\"m\","
             "\"input\":\"x\"}}"}) << qint64(1)
                                         << "unsupported_url" << false;
        QTest::newRow("url_mismatch") << lines(
            {ok1,
             "{\"custom_id\":\"b\",\"method\":\"POST\",\"url\":\"/v1/completions\",\"body\":{\"model\":"
             "\"m1\",\"prompt\":\"x\"}}"})
                                      << qint64(2) << "url_mismatch" << false;
        QTest::newRow("missing_body")
            << lines({"{\"custom_id\":\"a\",\"method\":\"POST\",\"url\":\"/v1/chat/completions\"}"})
            << qint64(1) << "missing_body" << false;
        QTest::newRow("invalid_body: not an object") << lines(
            {"{\"custom_id\":\"a\",\"method\":\"POST\",\"url\":\"/v1/chat/completions\",\"body\":[1]}"})
                                                     << qint64(1) << "invalid_body" << false;
        QTest::newRow("invalid_body: chat without messages") << lines(
            {"{\"custom_id\":\"a\",\"method\":\"POST\",\"url\":\"/v1/chat/completions\",\"body\":{\"model\":"
             "\"m\"}}"}) << qint64(1) << "invalid_body" << false;
        QTest::newRow("invalid_body: chat with empty messages") << lines(
            {"{\"custom_id\":\"a\",\"method\":\"POST\",\"url\":\"/v1/chat/completions\",\"body\":{\"model\":"
             "\"m\",\"messages\":[]}}"}) << qint64(1) << "invalid_body"
                                                                << false;
        QTest::newRow("invalid_body: message without role") << lines(
            {"{\"custom_id\":\"a\",\"method\":\"POST\",\"url\":\"/v1/chat/completions\",\"body\":{\"model\":"
             "\"m\",\"messages\":[{\"content\":\"x\"}]}}"}) << qint64(1)
                                                            << "invalid_body" << false;
        QTest::newRow("invalid_body: message not an object") << lines(
            {"{\"custom_id\":\"a\",\"method\":\"POST\",\"url\":\"/v1/chat/completions\",\"body\":{\"model\":"
             "\"m\",\"messages\":[\"hi\"]}}"}) << qint64(1) << "invalid_body"
                                                             << false;
        QTest::newRow("invalid_body: completions without prompt") << lines(
            {"{\"custom_id\":\"a\",\"method\":\"POST\",\"url\":\"/v1/completions\",\"body\":{\"model\":"
             "\"m\"}}"}) << qint64(1) << "invalid_body" << false;
        QTest::newRow("invalid_body: embeddings without input") << lines(
            {"{\"custom_id\":\"a\",\"method\":\"POST\",\"url\":\"/v1/embeddings\",\"body\":{\"model\":"
             "\"m\"}}"}) << qint64(1) << "invalid_body" << false;
        QTest::newRow("invalid_body: embeddings input object") << lines(
            {"{\"custom_id\":\"a\",\"method\":\"POST\",\"url\":\"/v1/embeddings\",\"body\":{\"model\":"
             "\"m\",\"input\":{}}}"}) << qint64(1) << "invalid_body"
                                                               << false;
        QTest::newRow("missing_model") << lines(
            {"{\"custom_id\":\"a\",\"method\":\"POST\",\"url\":\"/v1/completions\",\"body\":{\"prompt\":"
             "\"x\"}}"}) << qint64(1) << "missing_model"
                                       << false;
        QTest::newRow("missing_model: empty")
            << lines({chat("a", "")}) << qint64(1) << "missing_model" << false;
        QTest::newRow("model_mismatch")
            << lines({ok1, chat("b", "m2")}) << qint64(2) << "model_mismatch" << false;
        QTest::newRow("stream_not_supported")
            << lines({chat("a", "m1", ",\"stream\":true")}) << qint64(1) << "stream_not_supported" << true;
        QTest::newRow("stream false is fine")
            << lines({chat("a", "m1", ",\"stream\":false")}) << qint64(-1) << QString() << true;
        QTest::newRow("long_custom_id")
            << lines({chat(QByteArray(65, 'x'))}) << qint64(1) << "long_custom_id" << true;
        QTest::newRow("64-character custom_id is fine")
            << lines({chat(QByteArray(64, 'x'))}) << qint64(-1) << QString() << true;
        QTest::newRow("64 non-ASCII characters are fine")
            << lines({chat(QString(64, QChar(0x00E9)).toUtf8())}) << qint64(-1) << QString() << true;
        QTest::newRow("bom") << ("\xEF\xBB\xBF" + lines({ok1, ok2})) << qint64(1) << "bom" << true;
        QTest::newRow("crlf") << (ok1 + "\r\n" + ok2 + "\r\n") << qint64(1) << "crlf" << true;
    }

    void rules()
    {
        QFETCH(QByteArray, content);
        QFETCH(qint64, line);
        QFETCH(QString, code);
        QFETCH(bool, valid);

        // The same rules through memory and through a file (one worker and two).
        const QString path = write(QStringLiteral("rules.jsonl"), content);
        ValidationOptions two;
        two.threads = 2;
        const QList<ValidationReport> reports {validateData(content), validateFile(path),
                                               validateFile(path, two)};
        for (const auto &r : reports) {
            QVERIFY(r.completed());
            QCOMPARE(r.isValid(), valid);
            if (code.isEmpty()) {
                QVERIFY2(r.diagnostics.isEmpty(), qPrintable(describe(r)));
            } else {
                QVERIFY2(has(r, line, code), qPrintable(describe(r)));
                const Code c = codeFromName(code);
                QVERIFY(c != Code::CodeCount);
                QVERIFY(r.count(c) >= 1);
                const auto d = std::find_if(r.diagnostics.cbegin(), r.diagnostics.cend(),
                                            [&](const Diagnostic &x) { return x.codeString() == code; });
                QVERIFY(!d->message.isEmpty());
                QCOMPARE(d->severity, severityOf(c));
            }
            QCOMPARE(r.bytes, qint64(content.size()));
        }
    }

    void duplicateNamesFirstLine()
    {
        const ValidationReport r = validateData(lines({chat("a"), chat("b"), chat("c"), chat("b")}));
        QCOMPARE(r.count(Code::DuplicateCustomId), 1);
        const Diagnostic d = r.diagnostics.value(0);
        QCOMPARE(d.line, 4);
        QVERIFY2(d.message.contains(QLatin1StringView("line 2")), qPrintable(d.message));
    }

    void summaryFields()
    {
        const ValidationReport r =
            validateData(lines({chat("a", "deepseek-ai/DeepSeek-V3"), chat("b", "deepseek-ai/DeepSeek-V3")}));
        QVERIFY(r.isValid());
        QCOMPARE(r.lines, 2);
        QCOMPARE(r.endpoint, QStringLiteral("/v1/chat/completions"));
        QCOMPARE(r.model, QStringLiteral("deepseek-ai/DeepSeek-V3"));
        QCOMPARE(r.errorCount, 0);
        QCOMPARE(r.warningCount, 0);
    }

    void expectedEndpoint()
    {
        ValidationOptions options;
        options.expectedEndpoint = QStringLiteral("/v1/embeddings");
        const ValidationReport r = validateData(lines({chat("a"), chat("b")}), options);
        QCOMPARE(r.count(Code::UrlMismatch), 2);
        QVERIFY(has(r, 1, QStringLiteral("url_mismatch")));
        QCOMPARE(r.endpoint, QStringLiteral("/v1/embeddings"));
    }

    void embeddingInputsAreCounted()
    {
        const QByteArray head =
            "{\"method\":\"POST\",\"url\":\"/v1/embeddings\",\"body\":{\"model\":\"e\",\"input\":";
        const ValidationReport r = validateData(lines({
            "{\"custom_id\":\"1\"," + head.mid(1) + "\"one\"}}",
            "{\"custom_id\":\"2\"," + head.mid(1) + "[\"a\",\"b\",\"c\"]}}",
            "{\"custom_id\":\"3\"," + head.mid(1) + "[1,2,3,4]}}", // one tokenised input
            "{\"custom_id\":\"4\"," + head.mid(1) + "[[1,2],[3]]}}",
        }));
        QVERIFY2(r.isValid(), qPrintable(describe(r)));
        QCOMPARE(r.embeddingInputs, 1 + 3 + 1 + 2);
    }

    void limitLines_data()
    {
        QTest::addColumn<int>("count");
        QTest::addColumn<bool>("valid");
        QTest::newRow("exactly 50,000 lines pass") << 50'000 << true;
        QTest::newRow("50,001 lines fail") << 50'001 << false;
    }

    void limitLines()
    {
        QFETCH(int, count);
        QFETCH(bool, valid);
        QByteArray content;
        content.reserve(count * 130);
        for (int i = 0; i < count; ++i)
            content += chat("r" + QByteArray::number(i)) + '\n';
        const QString path = write(QStringLiteral("lines.jsonl"), content);
        const ValidationReport r = validateFile(path);
        QCOMPARE(r.lines, count);
        QCOMPARE(r.isValid(), valid);
        QCOMPARE(r.count(Code::TooManyLines), valid ? 0 : 1);
        if (!valid) {
            QCOMPARE(r.errorCount, 1);
            QVERIFY(has(r, 0, QStringLiteral("too_many_lines")));
        }
        QVERIFY(r.index);
        QCOMPARE(r.index->lineCount(), count);
    }

    void limitBytes_data()
    {
        QTest::addColumn<qint64>("extra");
        QTest::addColumn<bool>("valid");
        QTest::newRow("exactly 200,000,000 bytes pass") << qint64(0) << true;
        QTest::newRow("one byte more fails") << qint64(1) << false;
    }

    void limitBytes()
    {
        QFETCH(qint64, extra);
        QFETCH(bool, valid);
        // 50,000 embedding lines of exactly 4,000 bytes: at the line, byte and embedding-input limits at
        // once.
        constexpr int kLines = 50'000;
        constexpr int kLineBytes = 4'000;
        const QString path = m_dir.filePath(QStringLiteral("bytes.jsonl"));
        {
            QFile f(path);
            QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
            QByteArray block;
            for (int i = 0; i < kLines; ++i) {
                QByteArray l = "{\"custom_id\":\"" + QByteArray::number(i)
                    + "\",\"method\":\"POST\",\"url\":\"/v1/"
                      "embeddings\",\"body\":{\"model\":\"e\",\"input\":\"";
                const QByteArray tail = "\"}}";
                l += QByteArray(kLineBytes - 1 - l.size() - tail.size(), 'a') + tail;
                if (i == kLines - 1 && extra > 0)
                    l += QByteArray(extra, ' '); // whitespace keeps the JSON valid
                l += '\n';
                block += l;
                if (block.size() > (8 << 20)) {
                    f.write(block);
                    block.clear();
                }
            }
            f.write(block);
        }
        QCOMPARE(QFileInfo(path).size(), 200'000'000 + extra);
        const ValidationReport r = validateFile(path);
        QVERIFY(r.completed());
        QCOMPARE(r.lines, kLines);
        QCOMPARE(r.embeddingInputs, kLines);
        QCOMPARE(r.isValid(), valid);
        QCOMPARE(r.count(Code::FileTooLarge), valid ? 0 : 1);
        QCOMPARE(r.errorCount, valid ? 0 : 1);
        QFile::remove(path);
    }

    void limitEmbeddingInputs_data()
    {
        QTest::addColumn<int>("count");
        QTest::addColumn<bool>("valid");
        QTest::newRow("exactly 50,000 inputs pass") << 50'000 << true;
        QTest::newRow("50,001 inputs fail") << 50'001 << false;
    }

    void limitEmbeddingInputs()
    {
        QFETCH(int, count);
        QFETCH(bool, valid);
        // Two lines whose arrays together hold `count` inputs.
        auto line = [](const QByteArray &id, int n) -> QByteArray {
            QByteArray l = "{\"custom_id\":\"" + id
                + "\",\"method\":\"POST\",\"url\":\"/v1/embeddings\",\"body\":{\"model\":\"e\",\"input\":[";
            for (int i = 0; i < n; ++i)
                l += i ? ",\"w\"" : "\"w\"";
            return l + "]}}\n";
        };
        const QByteArray content = line("a", 30'000) + line("b", count - 30'000);
        const ValidationReport r = validateData(content);
        QCOMPARE(r.embeddingInputs, count);
        QCOMPARE(r.isValid(), valid);
        QCOMPARE(r.count(Code::TooManyEmbeddingInputs), valid ? 0 : 1);
    }

    void openaiProfile()
    {
        ValidationOptions options;
        options.profile = *LimitProfile::byName(u"openai");
        QCOMPARE(options.profile.maxLines, 50'000);
        QCOMPARE(options.profile.maxBytes, 200'000'000);
        const ValidationReport r = validateData(lines({chat("a")}), options);
        QVERIFY(r.isValid());
        QCOMPARE(r.profile.name, QStringLiteral("openai"));
    }

    // The body shapes of OpenAI's other batch endpoints. Each case is a file of three lines: two valid ones
    // around the line under test (line 2), which gives exactly the expected finding or none.
    void openaiEndpoints_data()
    {
        QTest::addColumn<QByteArray>("url");
        QTest::addColumn<QByteArray>("validBody");
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<QString>("code"); // empty: the line is valid
        QTest::addColumn<QString>("message");

        const QByteArray resp = "/v1/responses";
        const QByteArray respOk = J("{'model':'m','input':'Hello'}");
        QTest::newRow("responses string input")
            << resp << respOk << J("{'model':'m','input':'Hi'}") << QString() << QString();
        QTest::newRow("responses input items")
            << resp << respOk
            << QByteArray(J("{'model':'m','input':[{'role':'user','content':'Hi'},{'type':'message','role':'"
                            "user','content':[{'type':'input_text','text':'x'}]}],'max_output_tokens':20}"))
            << QString() << QString();
        QTest::newRow("responses no model")
            << resp << respOk << J("{'input':'Hi'}") << QStringLiteral("missing_model")
            << QStringLiteral("body.model is missing.");
        QTest::newRow("responses no input")
            << resp << respOk << J("{'model':'m'}") << QStringLiteral("invalid_body")
            << QStringLiteral(
                   "body.input is missing; a responses request needs the input text or input items.");
        QTest::newRow("responses input number")
            << resp << respOk << J("{'model':'m','input':5}") << QStringLiteral("invalid_body")
            << QStringLiteral("body.input is a number; it must be a string or an array of input items.");
        QTest::newRow("responses empty items")
            << resp << respOk << J("{'model':'m','input':[]}") << QStringLiteral("invalid_body")
            << QStringLiteral("body.input is an empty array; it needs at least one input item.");
        QTest::newRow("responses item not object")
            << resp << respOk << J("{'model':'m','input':[{'role':'user','content':'a'},'b']}")
            << QStringLiteral("invalid_body")
            << QStringLiteral("body.input[1] is a string; input items are objects such as {\"role\": "
                              "\"user\", \"content\": \"…\"}.");
        QTest::newRow("responses item without role or type")
            << resp << respOk << J("{'model':'m','input':[{'content':'a'}]}")
            << QStringLiteral("invalid_body")
            << QStringLiteral("body.input[0] has neither a role nor a type.");
        QTest::newRow("responses max_output_tokens zero")
            << resp << respOk << J("{'model':'m','input':'a','max_output_tokens':0}")
            << QStringLiteral("invalid_body")
            << QStringLiteral("body.max_output_tokens must be a positive integer.");
        QTest::newRow("responses max_output_tokens fraction")
            << resp << respOk << J("{'model':'m','input':'a','max_output_tokens':1.5}")
            << QStringLiteral("invalid_body")
            << QStringLiteral("body.max_output_tokens must be a positive integer.");
        QTest::newRow("responses stream")
            << resp << respOk << J("{'model':'m','input':'a','stream':true}")
            << QStringLiteral("invalid_body")
            << QStringLiteral("body.stream is true; a response in a batch cannot stream. Remove stream or "
                              "set it to false.");

        const QByteArray mod = "/v1/moderations";
        const QByteArray modOk = J("{'model':'omni-moderation-latest','input':'a'}");
        QTest::newRow("moderations string, no model")
            << mod << J("{'input':'a'}") << J("{'input':'x'}") << QString() << QString();
        QTest::newRow("moderations strings")
            << mod << modOk << J("{'model':'omni-moderation-latest','input':['a','b']}") << QString()
            << QString();
        QTest::newRow("moderations multimodal")
            << mod << modOk
            << QByteArray(J("{'model':'omni-moderation-latest','input':[{'type':'text','text':'a'},{'type':'"
                            "image_url','image_url':{'url':'https://x/y.png'}}]}"))
            << QString() << QString();
        QTest::newRow("moderations no input")
            << mod << modOk << J("{'model':'omni-moderation-latest'}") << QStringLiteral("invalid_body")
            << QStringLiteral(
                   "body.input is missing; a moderations request needs the text or images to classify.");
        QTest::newRow("moderations input object")
            << mod << modOk << J("{'model':'omni-moderation-latest','input':{'text':'a'}}")
            << QStringLiteral("invalid_body")
            << QStringLiteral("body.input is an object; it must be a string, an array of strings or an array "
                              "of text and image_url objects.");
        QTest::newRow("moderations mixed")
            << mod << modOk << J("{'model':'omni-moderation-latest','input':['a',3]}")
            << QStringLiteral("invalid_body")
            << QStringLiteral("body.input[1] is a number; an array of strings must hold only strings.");
        QTest::newRow("moderations bad type")
            << mod << modOk << J("{'model':'omni-moderation-latest','input':[{'type':'audio','text':'a'}]}")
            << QStringLiteral("invalid_body")
            << QStringLiteral("body.input[0] has type \"audio\"; it must be \"text\" or \"image_url\".");
        QTest::newRow("moderations image without url")
            << mod << modOk
            << QByteArray(
                   J("{'model':'omni-moderation-latest','input':[{'type':'image_url','image_url':{}}]}"))
            << QStringLiteral("invalid_body")
            << QStringLiteral("body.input[0] is an image_url input without image_url.url.");

        const QByteArray gen = "/v1/images/generations";
        const QByteArray genOk = J("{'prompt':'a cat'}");
        QTest::newRow("images all options")
            << gen << genOk
            << QByteArray(J("{'model':'dall-e-3','prompt':'a "
                            "dog','n':10,'size':'1024x1024','quality':'hd','response_format':'url'}"))
            << QString() << QString();
        QTest::newRow("images no model")
            << gen << genOk << J("{'prompt':'a dog','n':null}") << QString() << QString();
        QTest::newRow("images no prompt")
            << gen << genOk << J("{'model':'dall-e-3'}") << QStringLiteral("invalid_body")
            << QStringLiteral("body.prompt is missing; an image generation request needs it.");
        QTest::newRow("images prompt number")
            << gen << genOk << J("{'prompt':7}") << QStringLiteral("invalid_body")
            << QStringLiteral("body.prompt is a number; it must be a string.");
        QTest::newRow("images n 11") << gen << genOk << J("{'prompt':'a','n':11}")
                                     << QStringLiteral("invalid_body")
                                     << QStringLiteral("body.n must be an integer from 1 to 10.");
        QTest::newRow("images n 0") << gen << genOk << J("{'prompt':'a','n':0}")
                                    << QStringLiteral("invalid_body")
                                    << QStringLiteral("body.n must be an integer from 1 to 10.");
        QTest::newRow("images size number")
            << gen << genOk << J("{'prompt':'a','size':1024}") << QStringLiteral("invalid_body")
            << QStringLiteral("body.size is a number; it must be a string.");
        QTest::newRow("images quality bool")
            << gen << genOk << J("{'prompt':'a','quality':true}") << QStringLiteral("invalid_body")
            << QStringLiteral("body.quality is a boolean; it must be a string.");
        QTest::newRow("images response_format png")
            << gen << genOk << J("{'prompt':'a','response_format':'png'}") << QStringLiteral("invalid_body")
            << QStringLiteral("body.response_format is \"png\"; it must be \"url\" or \"b64_json\".");

        const QByteArray edit = "/v1/images/edits";
        const QByteArray editOk = J("{'prompt':'p','images':[{'file_id':'file-1'}]}");
        QTest::newRow("edits images array")
            << edit << editOk
            << QByteArray(J("{'prompt':'p','images':[{'image_url':'https://x/"
                            "a.png'},{'file_id':'file-2'}],'mask':{'file_id':'file-3'},'n':2}"))
            << QString() << QString();
        QTest::newRow("edits image object")
            << edit << editOk << J("{'prompt':'p','image':{'file_id':'file-2'}}") << QString() << QString();
        QTest::newRow("edits no prompt")
            << edit << editOk << J("{'images':[{'file_id':'f'}]}") << QStringLiteral("invalid_body")
            << QStringLiteral("body.prompt is missing; an image edit request needs it.");
        QTest::newRow("edits no image")
            << edit << editOk << J("{'prompt':'p'}") << QStringLiteral("invalid_body")
            << QStringLiteral(
                   "body.image is missing; an image edit request needs the images to edit, as "
                   "{\"image_url\": …} or {\"file_id\": …} objects (a batch line cannot upload files).");
        QTest::newRow("edits image string")
            << edit << editOk << J("{'prompt':'p','image':'cat.png'}") << QStringLiteral("invalid_body")
            << QStringLiteral("body.image is a string; a batch line is JSON and cannot upload image bytes: "
                              "reference the image as {\"image_url\": \"https://… or "
                              "data:image/png;base64,…\"} or {\"file_id\": \"file-…\"}.");
        QTest::newRow("edits both refs")
            << edit << editOk << J("{'prompt':'p','images':[{'file_id':'f','image_url':'u'}]}")
            << QStringLiteral("invalid_body")
            << QStringLiteral("body.images[0] must have exactly one of image_url and file_id.");
        QTest::newRow("edits empty images")
            << edit << editOk << J("{'prompt':'p','images':[]}") << QStringLiteral("invalid_body")
            << QStringLiteral("body.images holds 0 images; it must hold 1 to 16.");
        QTest::newRow("edits images object")
            << edit << editOk << J("{'prompt':'p','images':{'file_id':'f'}}")
            << QStringLiteral("invalid_body")
            << QStringLiteral("body.images is an object; it must be an array of {\"image_url\": …} or "
                              "{\"file_id\": …} objects.");
        QTest::newRow("edits bad n") << edit << editOk << J("{'prompt':'p','image':{'file_id':'f'},'n':'2'}")
                                     << QStringLiteral("invalid_body")
                                     << QStringLiteral("body.n must be an integer from 1 to 10.");

        const QByteArray vid = "/v1/videos";
        const QByteArray vidOk = J("{'prompt':'waves'}");
        QTest::newRow("videos full")
            << vid << vidOk << J("{'model':'sora-2-pro','prompt':'a','seconds':'8','size':'1280x720'}")
            << QString() << QString();
        QTest::newRow("videos no prompt")
            << vid << vidOk << J("{'model':'sora-2'}") << QStringLiteral("invalid_body")
            << QStringLiteral("body.prompt is missing; a video request needs it.");
        QTest::newRow("videos empty prompt")
            << vid << vidOk << J("{'prompt':''}") << QStringLiteral("invalid_body")
            << QStringLiteral("body.prompt is an empty string.");
        QTest::newRow("videos seconds number")
            << vid << vidOk << J("{'prompt':'a','seconds':8}") << QStringLiteral("invalid_body")
            << QStringLiteral("body.seconds is a number; it must be a string.");
        QTest::newRow("videos model number")
            << vid << vidOk << J("{'prompt':'a','model':2}") << QStringLiteral("missing_model")
            << QStringLiteral("body.model must be a string.");
    }

    void openaiEndpoints()
    {
        QFETCH(QByteArray, url);
        QFETCH(QByteArray, validBody);
        QFETCH(QByteArray, body);
        QFETCH(QString, code);
        QFETCH(QString, message);
        ValidationOptions options;
        options.profile = LimitProfile::openai();
        const QByteArray content =
            lines({request("a", url, validBody), request("b", url, body), request("c", url, validBody)});
        const ValidationReport r = validateData(content, options);
        if (code.isEmpty()) {
            QVERIFY2(r.isValid(), qPrintable(describe(r)));
            QCOMPARE(r.warningCount, 0);
            return;
        }
        QCOMPARE(r.errorCount, 1);
        QCOMPARE(r.diagnostics.size(), 1);
        QCOMPARE(r.diagnostics.at(0).line, 2);
        QCOMPARE(r.diagnostics.at(0).codeString(), code);
        QCOMPARE(r.diagnostics.at(0).message, message);
    }

    // The same endpoints are unsupported urls for a provider that does not list them.
    void otherEndpointsNeedTheProfile()
    {
        const QByteArray content = lines({request("a", "/v1/moderations", J("{'input':'a'}"))});
        const ValidationReport r = validateData(content); // DeepInfra
        QCOMPARE(r.count(Code::UnsupportedUrl), 1);
        QVERIFY(has(r, 1, QStringLiteral("unsupported_url")));
    }

    // Azure writes urls without "/v1": their bodies are checked as the /v1 endpoint's.
    void urlWithoutV1IsCheckedAsItsEndpoint()
    {
        ValidationOptions options;
        options.profile = LimitProfile::azure();
        const QByteArray content = lines({
            request("a", "/responses", J("{'model':'gpt-4.1','input':'a'}")),
            request("b", "/responses", J("{'model':'gpt-4.1','input':'a','stream':true}")),
            request("c", "/responses", J("{'model':'gpt-4.1'}")),
        });
        const ValidationReport r = validateData(content, options);
        QCOMPARE(r.errorCount, 2);
        QCOMPARE(r.warningCount, 0);
        QVERIFY2(has(r, 2, QStringLiteral("invalid_body")), qPrintable(describe(r)));
        QVERIFY2(has(r, 3, QStringLiteral("invalid_body")), qPrintable(describe(r)));
        const ValidationReport chat = validateData(
            lines({request("a", "/chat/completions", J("{'model':'m','messages':[]}"))}), options);
        QCOMPARE(chat.diagnostics.value(0).message, QStringLiteral("body.messages is empty."));
        // OpenAI itself does not accept urls without /v1.
        options.profile = LimitProfile::openai();
        QCOMPARE(validateData(lines({request("a", "/responses", J("{'model':'m','input':'a'}"))}), options)
                     .count(Code::UnsupportedUrl),
                 1);
    }

    void parallelMatchesSerial()
    {
        // A multi-megabyte file with findings spread over both halves: two workers must report exactly what
        // one worker reports, with the same line numbers, duplicates and mismatches across the split point.
        QByteArray content;
        const int n = 60'000;
        for (int i = 0; i < n; ++i) {
            if (i % 997 == 0)
                content += "{broken\n";
            else if (i % 1501 == 0)
                content += chat("r" + QByteArray::number(i / 2), "other") + '\n';
            else if (i == n - 5)
                content += chat("r1") + '\n'; // duplicate of line 2, far across the split point
            else
                content += chat("r" + QByteArray::number(i)) + '\n';
        }
        const QString path = write(QStringLiteral("parallel.jsonl"), content);
        ValidationOptions one;
        one.threads = 1;
        ValidationOptions two;
        two.threads = 2;
        const ValidationReport a = validateFile(path, one);
        const ValidationReport b = validateFile(path, two);
        QVERIFY(a.completed() && b.completed());
        QCOMPARE(b.lines, a.lines);
        QCOMPARE(b.errorCount, a.errorCount);
        QCOMPARE(b.countsByCode, a.countsByCode);
        QCOMPARE(b.diagnostics, a.diagnostics);
        QVERIFY(has(b, n - 4, QStringLiteral("duplicate_custom_id")));
        QCOMPARE(b.index->lineCount(), a.index->lineCount());
        for (qint64 i = 0; i < a.index->lineCount(); i += 977)
            QCOMPARE(b.index->lineStart(i), a.index->lineStart(i));
    }

    void manyBadLinesStayBounded()
    {
        // 1,000,000 broken lines: every one is counted, only the first maxDiagnostics are kept in detail.
        QByteArray content;
        content.reserve(2'000'000);
        for (int i = 0; i < 1'000'000; ++i)
            content += "x\n";
        const QString path = write(QStringLiteral("bad.jsonl"), content);
        const ValidationReport r = validateFile(path);
        QVERIFY(r.completed());
        QCOMPARE(r.lines, 1'000'000);
        QCOMPARE(r.count(Code::InvalidJson), 1'000'000);
        QCOMPARE(r.count(Code::TooManyLines), 1);
        QCOMPARE(r.errorCount, 1'000'001);
        QCOMPARE(r.diagnostics.size(), 10'000);
        QVERIFY(r.diagnosticsTruncated);
        QCOMPARE(r.diagnostics.first().line, 0); // the file-level finding sorts first
        QCOMPARE(r.diagnostics.at(1).line, 1);
    }

    void longLineLargerThanBuffer()
    {
        // One request of 3 MB: larger than the read buffer, it must still be seen whole.
        const QByteArray big = chat("big", "m1", ",\"pad\":\"" + QByteArray(3 << 20, 'z') + "\"");
        const QString path = write(QStringLiteral("long.jsonl"), lines({chat("a"), big, chat("c")}));
        const ValidationReport r = validateFile(path);
        QVERIFY2(r.isValid(), qPrintable(describe(r)));
        QCOMPARE(r.lines, 3);
    }

    void oversizedLineIsSkippedNotBuffered()
    {
        // 70 MB on one line between two good lines: reported on its own line, not parsed, and the lines after
        // it keep their numbers.
        const QString path = m_dir.filePath(QStringLiteral("huge-line.jsonl"));
        {
            QFile f(path);
            QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
            f.write(chat("a") + '\n');
            const QByteArray block(1 << 20, 'x');
            for (int i = 0; i < 70; ++i)
                f.write(block);
            f.write("\n" + chat("c") + '\n' + chat("a") + '\n');
        }
        const ValidationReport r = validateFile(path);
        QVERIFY(r.completed());
        QCOMPARE(r.lines, 4);
        QVERIFY2(has(r, 2, QStringLiteral("invalid_json")), qPrintable(describe(r)));
        QVERIFY(r.diagnostics.first().message.contains(QLatin1StringView("MB")));
        QVERIFY(has(r, 4, QStringLiteral("duplicate_custom_id")));
        QCOMPARE(r.errorCount, 2);
        QCOMPARE(r.index->lineCount(), 4);
        QFile::remove(path);
    }

    void ioErrors()
    {
        const ValidationReport missing = validateFile(m_dir.filePath(QStringLiteral("nope.jsonl")));
        QCOMPARE(missing.outcome, ValidationReport::Outcome::IoError);
        QVERIFY(missing.ioError.contains(QLatin1StringView("nope.jsonl")));
        const ValidationReport folder = validateFile(m_dir.path());
        QCOMPARE(folder.outcome, ValidationReport::Outcome::IoError);
        QVERIFY(!folder.isValid());
    }

    // Objects and arrays nested deeper than kMaxNestingDepth: nesting_too_deep (not a parse failure, not a
    // crash of the recursive walk), exactly at the limit still fine.
    void nestingDepthLimit()
    {
        const auto nested = [](int levels) {
            // The line's object is level 1, body level 2; the arrays in body.extra make up the rest.
            const int arrays = levels - 2;
            return chat("deep", "m1",
                        ",\"extra\":" + QByteArray(arrays, '[') + "1" + QByteArray(arrays, ']'));
        };
        const ValidationReport atLimit = validateData(lines({nested(kMaxNestingDepth), chat("b")}));
        QVERIFY2(atLimit.isValid(),
                 atLimit.diagnostics.isEmpty() ? "" : qPrintable(atLimit.diagnostics.first().message));
        const ValidationReport over = validateData(lines({chat("a"), nested(kMaxNestingDepth + 1)}));
        QVERIFY(!over.isValid());
        QCOMPARE(over.errorCount, 1);
        QCOMPARE(over.diagnostics.first().code, Code::NestingTooDeep);
        QCOMPARE(over.diagnostics.first().line, 2);
        QCOMPARE(QString::fromLatin1(codeName(Code::NestingTooDeep)), QStringLiteral("nesting_too_deep"));
        // Far deeper than any stack would like: still one diagnostic, no crash.
        const ValidationReport abyss = validateData(lines({nested(200'000)}));
        QCOMPARE(abyss.diagnostics.first().code, Code::NestingTooDeep);
    }

    void binaryGarbage()
    {
        QByteArray junk;
        for (int i = 0; i < 100'000; ++i)
            junk += char((i * 7919) % 256);
        const ValidationReport r = validateData(junk);
        QVERIFY(r.completed());
        QVERIFY(!r.isValid());
        QVERIFY(r.count(Code::InvalidUtf8) + r.count(Code::InvalidJson) > 0);
    }

    void nonTextFiles_data()
    {
        QTest::addColumn<QByteArray>("content");
        QTest::addColumn<QString>("kind"); // empty: treated as text
        QByteArray noise;
        for (int i = 0; i < 20'000; ++i)
            noise += char((i * 7919 + i / 3) % 256);
        const QByteArray line =
            "{\"custom_id\":\"a\",\"method\":\"POST\",\"url\":\"/v1/chat/"
            "completions\",\"body\":{\"model\":\"m\","
            "\"messages\":[{\"role\":\"user\",\"content\":\"\xe6\x9d\xb1\xe4\xba\xac \xc3\xbc\"}]}}\n";
        QTest::newRow("png") << QByteArray("\x89PNG\r\n\x1a\n\0\0\0\rIHDR", 16) + noise << "a PNG image";
        QTest::newRow("zip") << QByteArray("PK\x03\x04\x14\0\0\0", 8) + "data.csv" + noise << "a ZIP archive";
        QTest::newRow("xlsx") << QByteArray("PK\x03\x04\x14\0\0\0", 8) + "xl/workbook.xml" + noise
                              << "an Excel workbook (XLSX)";
        QTest::newRow("gzip") << QByteArray("\x1f\x8b\x08\0", 4) + noise << "a gzip archive";
        QTest::newRow("pdf") << QByteArray("%PDF-1.7\n") + noise << "a PDF document";
        QTest::newRow("utf-16 with BOM") << QByteArray("\xff\xfe{\0\"\0", 6) << "UTF-16 text";
        QByteArray utf16;
        for (const char c : line)
            utf16 += QByteArray(1, c) + QByteArray(1, '\0');
        QTest::newRow("utf-16 without BOM") << utf16 << "UTF-16 text";
        QTest::newRow("random bytes") << noise << "binary data";
        QTest::newRow("jsonl") << line + line << QString();
        QTest::newRow("jsonl with one broken byte")
            << line + QByteArray("{\"custom_id\":\"\xC3\x28\"}\n") + line << QString();
        QTest::newRow("empty") << QByteArray() << QString();
        QTest::newRow("csv") << QByteArray("id,text\n1,hello\n") << QString();
    }

    void nonTextFiles()
    {
        QFETCH(QByteArray, content);
        QFETCH(QString, kind);
        QCOMPARE(nonTextKind(content), kind);
        const ValidationReport r = validateFile(write(QStringLiteral("maybe.jsonl"), content));
        QVERIFY(r.completed());
        if (kind.isEmpty()) {
            QCOMPARE(r.count(Code::NotText), 0);
            return;
        }
        // One finding about the whole file, and nothing else: the scan stopped.
        QCOMPARE(r.errorCount, 1);
        QCOMPARE(r.diagnostics.size(), 1);
        QCOMPARE(r.diagnostics.first().code, Code::NotText);
        QCOMPARE(r.diagnostics.first().line, 0);
        QVERIFY2(r.diagnostics.first().message.contains(kind == QLatin1String("UTF-16 text")
                                                            ? QStringLiteral("save it again as UTF-8")
                                                            : QStringLiteral("looks like ") + kind),
                 qPrintable(r.diagnostics.first().message));
        QCOMPARE(r.lines, 0);
        QVERIFY(!r.isValid());
    }

    void cancel()
    {
        QByteArray content;
        for (int i = 0; i < 200'000; ++i)
            content += chat("r" + QByteArray::number(i)) + '\n';
        const QString path = write(QStringLiteral("cancel.jsonl"), content);
        ValidationControl control;
        control.isCanceled = [] { return true; };
        const ValidationReport r = validateFile(path, {}, control);
        QCOMPARE(r.outcome, ValidationReport::Outcome::Canceled);
        QVERIFY(!r.isValid());
    }

    void asyncReportsProgressAndResult()
    {
        QByteArray content;
        for (int i = 0; i < 40'000; ++i)
            content += chat("r" + QByteArray::number(i)) + '\n';
        const QString path = write(QStringLiteral("async.jsonl"), content);
        QFuture<ValidationReport> future = validateFileAsync(path);
        future.waitForFinished();
        QCOMPARE(future.resultCount(), 1);
        const ValidationReport r = future.result();
        QVERIFY(r.isValid());
        QCOMPARE(r.lines, 40'000);
        QCOMPARE(future.progressValue(), 1000);
    }
};

QTEST_GUILESS_MAIN(TestValidator)
#include "tst_validator.moc"
