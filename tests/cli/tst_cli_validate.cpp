// Drives the real batchdesk-cli binary: its exit codes and its --json output are contracts scripts rely on.
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

namespace {

struct Run
{
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
};

Run cli(const QStringList &args)
{
    QProcess p;
    p.start(QStringLiteral(BATCHDESK_CLI), args);
    if (!p.waitForFinished(60'000))
        qFatal("batchdesk-cli did not finish");
    return {p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1, p.readAllStandardOutput(),
            p.readAllStandardError()};
}

QByteArray chat(const QByteArray &id, const QByteArray &model = "m1")
{
    return "{\"custom_id\":\"" + id
        + "\",\"method\":\"POST\",\"url\":\"/v1/chat/completions\",\"body\":{\"model\":\"" + model
        + "\",\"messages\":[{\"role\":\"user\",\"content\":\"Hi\"}]}}\n";
}

} // namespace

class TestCliValidate : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_valid;
    QString m_invalid;

    QString write(const QString &name, const QByteArray &content)
    {
        const QString path = m_dir.filePath(name);
        QFile f(path);
        if (!f.open(QIODevice::WriteOnly))
            qFatal("cannot write");
        f.write(content);
        return path;
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        // The price table is the snapshot's, whatever this machine's user edited.
        qputenv("BATCHDESK_DATA_DIR", m_dir.filePath(QStringLiteral("data")).toUtf8());
        m_valid = write(QStringLiteral("valid.jsonl"), chat("a") + chat("b"));
        m_invalid = write(QStringLiteral("invalid.jsonl"), chat("a") + "{oops\n" + chat("a", "m2"));
    }

    void validFileExitsZero()
    {
        const Run r = cli({QStringLiteral("validate"), m_valid});
        QCOMPARE(r.exitCode, 0);
        QVERIFY(r.out.contains("valid"));
    }

    void invalidFileExitsOneWithLineExactFindings()
    {
        const Run r = cli({QStringLiteral("validate"), m_invalid});
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.out.contains("invalid.jsonl:2: error:"), r.out.constData());
        QVERIFY(r.out.contains("[invalid_json]"));
        QVERIFY(r.out.contains("invalid.jsonl:3: error:"));
        QVERIFY(r.out.contains("[duplicate_custom_id]"));
        QVERIFY(r.out.contains("[model_mismatch]"));
    }

    void jsonOutputIsExactlyOneObject()
    {
        const Run r = cli({QStringLiteral("validate"), QStringLiteral("--json"), m_invalid});
        QCOMPARE(r.exitCode, 1);
        QJsonParseError error {};
        const QJsonDocument doc = QJsonDocument::fromJson(r.out, &error);
        QCOMPARE(error.error, QJsonParseError::NoError);
        QVERIFY(doc.isObject());
        const QJsonObject o = doc.object();
        const QStringList keys {QStringLiteral("file"),
                                QStringLiteral("valid"),
                                QStringLiteral("lines"),
                                QStringLiteral("bytes"),
                                QStringLiteral("endpoint"),
                                QStringLiteral("model"),
                                QStringLiteral("embedding_inputs"),
                                QStringLiteral("error_count"),
                                QStringLiteral("warning_count"),
                                QStringLiteral("estimated_input_tokens"),
                                QStringLiteral("estimated_cost"),
                                QStringLiteral("estimate"),
                                QStringLiteral("diagnostics")};
        QCOMPARE(o.keys().size(), keys.size());
        for (const auto &k : keys)
            QVERIFY2(o.contains(k), qPrintable(k));
        QCOMPARE(o.value(QStringLiteral("file")).toString(), m_invalid);
        QCOMPARE(o.value(QStringLiteral("valid")).toBool(true), false);
        QCOMPARE(o.value(QStringLiteral("lines")).toInt(), 3);
        QCOMPARE(o.value(QStringLiteral("bytes")).toInteger(), QFileInfo(m_invalid).size());
        QCOMPARE(o.value(QStringLiteral("endpoint")).toString(), QStringLiteral("/v1/chat/completions"));
        QCOMPARE(o.value(QStringLiteral("model")).toString(), QStringLiteral("m1"));
        QCOMPARE(o.value(QStringLiteral("embedding_inputs")).toInt(-1), 0);
        QCOMPARE(o.value(QStringLiteral("error_count")).toInt(), 3);
        QCOMPARE(o.value(QStringLiteral("warning_count")).toInt(-1), 0);
        const QJsonArray diagnostics = o.value(QStringLiteral("diagnostics")).toArray();
        QCOMPARE(diagnostics.size(), 3);
        const QJsonObject first = diagnostics.at(0).toObject();
        QCOMPARE(first.keys(),
                 (QStringList {QStringLiteral("code"), QStringLiteral("line"), QStringLiteral("message"),
                               QStringLiteral("severity")}));
        QCOMPARE(first.value(QStringLiteral("severity")).toString(), QStringLiteral("error"));
        QCOMPARE(first.value(QStringLiteral("line")).toInt(), 2);
        QCOMPARE(first.value(QStringLiteral("code")).toString(), QStringLiteral("invalid_json"));
        QCOMPARE(diagnostics.at(1).toObject().value(QStringLiteral("code")).toString(),
                 QStringLiteral("duplicate_custom_id"));
        QVERIFY(diagnostics.at(1)
                    .toObject()
                    .value(QStringLiteral("message"))
                    .toString()
                    .contains(QLatin1StringView("line 1")));
    }

    void jsonNullsWhenNothingFound()
    {
        const QString empty = write(QStringLiteral("empty.jsonl"), {});
        const Run r = cli({QStringLiteral("validate"), QStringLiteral("--json"), empty});
        QCOMPARE(r.exitCode, 1);
        const QJsonObject o = QJsonDocument::fromJson(r.out).object();
        QVERIFY(o.value(QStringLiteral("endpoint")).isNull());
        QVERIFY(o.value(QStringLiteral("model")).isNull());
        QCOMPARE(
            o.value(QStringLiteral("diagnostics")).toArray().at(0).toObject().value(QStringLiteral("code")),
            QJsonValue(QStringLiteral("empty_file")));
        QCOMPARE(
            o.value(QStringLiteral("diagnostics")).toArray().at(0).toObject().value(QStringLiteral("line")),
            QJsonValue(0));
    }

    // The estimate of a fixture whose true token counts tiktoken gave (tests/data/token_sample.counts.jsonl):
    // for an OpenAI model the count is exact, so the estimate is the texts' tokens plus the chat format's (3
    // a message, 1 for its role, 3 for the reply), priced at the snapshot's gpt-4o-mini price, half off.
    void costEstimate()
    {
        const QString sample = QStringLiteral(BATCHDESK_TEST_DATA "/token_sample.jsonl");
        QFile counts(QStringLiteral(BATCHDESK_TEST_DATA "/token_sample.counts.jsonl"));
        QVERIFY(counts.open(QIODevice::ReadOnly));
        qint64 expected = 0;
        for (const QByteArray &line : counts.readAll().split('\n')) {
            const QJsonObject o = QJsonDocument::fromJson(line).object();
            if (!o.isEmpty())
                expected += o.value(QStringLiteral("o200k")).toInteger()
                    + 4 * o.value(QStringLiteral("messages")).toInteger() + 3;
        }
        const Run r = cli({QStringLiteral("validate"), QStringLiteral("--json"), QStringLiteral("--profile"),
                           QStringLiteral("openai"), sample});
        QCOMPARE(r.exitCode, 0);
        const QJsonObject o = QJsonDocument::fromJson(r.out).object();
        QCOMPARE(o.value(QStringLiteral("estimated_input_tokens")).toInteger(), expected);
        const double cost = (double(expected) * 0.15 + 240 * 64 * 0.60) / 1e6 * 0.5;
        QVERIFY(qAbs(o.value(QStringLiteral("estimated_cost")).toDouble() - cost) < 1e-9);
        const QJsonObject e = o.value(QStringLiteral("estimate")).toObject();
        QCOMPARE(e.value(QStringLiteral("tokenizer")).toString(), QStringLiteral("o200k_base"));
        QVERIFY(e.value(QStringLiteral("exact")).toBool());
        QCOMPARE(e.value(QStringLiteral("price")).toObject().value(QStringLiteral("source")).toString(),
                 QStringLiteral("snapshot"));
        QCOMPARE(e.value(QStringLiteral("max_output_tokens")).toInteger(), 240 * 64);

        // The text form says the same; a model without a price says so; --no-estimate leaves the fields null.
        const Run text =
            cli({QStringLiteral("validate"), QStringLiteral("--profile"), QStringLiteral("openai"), sample});
        QVERIFY(text.out.contains("o200k_base, exact"));
        QVERIFY(text.out.contains("estimated cost:   $"));
        const Run unknown = cli({QStringLiteral("validate"), m_valid});
        QVERIFY(unknown.out.contains("no price for"));
        const Run skipped = cli(
            {QStringLiteral("validate"), QStringLiteral("--json"), QStringLiteral("--no-estimate"), sample});
        QVERIFY(
            QJsonDocument::fromJson(skipped.out).object().value(QStringLiteral("estimated_cost")).isNull());
    }

    void endpointOption()
    {
        const Run mismatch = cli({QStringLiteral("validate"), QStringLiteral("--endpoint"),
                                  QStringLiteral("/v1/embeddings"), QStringLiteral("--json"), m_valid});
        QCOMPARE(mismatch.exitCode, 1);
        QVERIFY(mismatch.out.contains("url_mismatch"));
        const Run match = cli({QStringLiteral("validate"), QStringLiteral("--endpoint"),
                               QStringLiteral("/v1/chat/completions"), m_valid});
        QCOMPARE(match.exitCode, 0);
    }

    void usageErrorsExitTwo_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::newRow("no command") << QStringList {};
        QTest::newRow("unknown command") << QStringList {QStringLiteral("frobnicate")};
        QTest::newRow("no file") << QStringList {QStringLiteral("validate")};
        QTest::newRow("two files") << QStringList {QStringLiteral("validate"), QStringLiteral("a"),
                                                   QStringLiteral("b")};
        QTest::newRow("unknown profile")
            << QStringList {QStringLiteral("validate"), QStringLiteral("--profile"), QStringLiteral("acme"),
                            QStringLiteral("x.jsonl")};
        QTest::newRow("unsupported endpoint")
            << QStringList {QStringLiteral("validate"), QStringLiteral("--endpoint"),
                            QStringLiteral("/v1/images"), QStringLiteral("x.jsonl")};
        QTest::newRow("unknown option")
            << QStringList {QStringLiteral("validate"), QStringLiteral("--bogus"), QStringLiteral("x.jsonl")};
        QTest::newRow("missing file")
            << QStringList {QStringLiteral("validate"), QStringLiteral("/nonexistent/x.jsonl")};
    }

    void usageErrorsExitTwo()
    {
        QFETCH(QStringList, args);
        const Run r = cli(args);
        QCOMPARE(r.exitCode, 2);
        QVERIFY(!r.err.isEmpty());
    }

    void profileOpenai()
    {
        const Run r =
            cli({QStringLiteral("validate"), QStringLiteral("--profile"), QStringLiteral("openai"), m_valid});
        QCOMPARE(r.exitCode, 0);
        QVERIFY(r.out.contains("openai"));
    }

    void profileAnthropicNamesTheLineWithoutMaxTokens()
    {
        const QByteArray withMax =
            "{\"custom_id\":\"a\",\"method\":\"POST\",\"url\":\"/v1/chat/completions\","
            "\"body\":{\"model\":\"claude-sonnet-4-5\",\"max_tokens\":64,"
            "\"messages\":[{\"role\":\"user\",\"content\":\"Hi\"}]}}\n";
        QByteArray withoutMax = withMax;
        withoutMax.replace("\"max_tokens\":64,", "").replace("\"a\"", "\"b\"");
        const QString path = write(QStringLiteral("anthropic.jsonl"),
                                   withMax + withoutMax + QByteArray(withMax).replace("\"a\"", "\"c\""));
        const Run r = cli({QStringLiteral("validate"), path, QStringLiteral("--profile"),
                           QStringLiteral("anthropic"), QStringLiteral("--json")});
        QCOMPARE(r.exitCode, 1);
        const QJsonObject o = QJsonDocument::fromJson(r.out).object();
        QCOMPARE(o.value(QStringLiteral("error_count")).toInt(), 1);
        const QJsonObject d = o.value(QStringLiteral("diagnostics")).toArray().at(0).toObject();
        QCOMPARE(d.value(QStringLiteral("line")).toInt(), 2);
        QCOMPARE(d.value(QStringLiteral("severity")).toString(), QStringLiteral("error"));
        QCOMPARE(d.value(QStringLiteral("message")).toString(),
                 QStringLiteral("max_tokens is required by Anthropic; add \"max_tokens\" to the body."));
        // The same file is valid for OpenAI, which has no such rule.
        QCOMPARE(
            cli({QStringLiteral("validate"), path, QStringLiteral("--profile"), QStringLiteral("openai")})
                .exitCode,
            0);
    }

    void versionAndHelp()
    {
        const Run v = cli({QStringLiteral("--version")});
        QCOMPARE(v.exitCode, 0);
        QVERIFY(v.out.startsWith("batchdesk-cli "));
        const Run h = cli({QStringLiteral("--help")});
        QCOMPARE(h.exitCode, 0);
        QVERIFY(h.out.contains("validate"));
        const Run vh = cli({QStringLiteral("validate"), QStringLiteral("--help")});
        QCOMPARE(vh.exitCode, 0);
        QVERIFY(vh.out.contains("--profile"));
        QVERIFY(vh.out.contains("--endpoint"));
    }
};

QTEST_GUILESS_MAIN(TestCliValidate)
#include "tst_cli_validate.moc"
