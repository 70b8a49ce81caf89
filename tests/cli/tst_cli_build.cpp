// `batchdesk-cli build`: the command line of issue 6 is a contract (options, "Wrote ..." lines, --json, exit
// codes 0 / 1 / 2).
#include <QDir>
#include <QFile>
#include <QFileInfo>
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
    QJsonObject json() const { return QJsonDocument::fromJson(out).object(); }
};

Run cli(const QStringList &args, const QString &dir)
{
    QProcess p;
    p.setWorkingDirectory(dir);
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("BATCHDESK_DATA_DIR"), dir + QStringLiteral("/data"));
    p.setProcessEnvironment(env);
    p.start(QStringLiteral(BATCHDESK_CLI), args);
    if (!p.waitForFinished(120'000))
        qFatal("batchdesk-cli did not finish");
    return {p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1, p.readAllStandardOutput(),
            p.readAllStandardError()};
}

QStringList build(const QString &csv, const QStringList &more)
{
    return QStringList {QStringLiteral("build"), QStringLiteral("--csv"), csv, QStringLiteral("--model"),
                        QStringLiteral("m1")}
    + more;
}

} // namespace

class TestCliBuild : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;

    QString write(const QString &name, const QByteArray &content)
    {
        const QString path = m_dir.filePath(name);
        QFile f(path);
        if (!f.open(QIODevice::WriteOnly))
            qFatal("cannot write");
        f.write(content);
        return path;
    }
    QList<QByteArray> lines(const QString &name)
    {
        QFile f(m_dir.filePath(name));
        if (!f.open(QIODevice::ReadOnly))
            return {};
        QList<QByteArray> out = f.readAll().split('\n');
        if (!out.isEmpty() && out.last().isEmpty())
            out.removeLast();
        return out;
    }

private slots:
    void initTestCase() { QVERIFY(m_dir.isValid()); }

    void writesOneFileAndSaysSo()
    {
        write(QStringLiteral("q.csv"),
              "\xEF\xBB\xBFid;name;question\r\nA1;Ann;\"2+2; \"\"quick\"\"\"\r\nB2;Bob;\"two\nlines\"\r\n");
        const Run r = cli(
            build(QStringLiteral("q.csv"),
                  {QStringLiteral("--endpoint"), QStringLiteral("/v1/chat/completions"),
                   QStringLiteral("--system"), QStringLiteral("You help {{name}}."), QStringLiteral("--user"),
                   QStringLiteral("Q: {{question}}"), QStringLiteral("--id-column"), QStringLiteral("id"),
                   QStringLiteral("--param"), QStringLiteral("temperature=0.5"), QStringLiteral("--param"),
                   QStringLiteral("max_tokens=64"), QStringLiteral("-o"), QStringLiteral("out.jsonl")}),
            m_dir.path());
        QVERIFY2(r.exitCode == 0, r.err.constData());
        const qint64 size = QFileInfo(m_dir.filePath(QStringLiteral("out.jsonl"))).size();
        QVERIFY2(r.out.startsWith(
                     QByteArray("Wrote out.jsonl (2 requests, " + QByteArray::number(size) + " bytes)\n")),
                 r.out.constData());
        QVERIFY(r.out.contains("Wrote out.build.json"));
        const QList<QByteArray> l = lines(QStringLiteral("out.jsonl"));
        QCOMPARE(l.size(), 2);
        const QJsonObject first = QJsonDocument::fromJson(l[0]).object();
        QCOMPARE(first.value(QStringLiteral("custom_id")).toString(), QStringLiteral("A1"));
        const QJsonObject body = first.value(QStringLiteral("body")).toObject();
        QCOMPARE(body.value(QStringLiteral("temperature")).toDouble(), 0.5);
        QCOMPARE(body.value(QStringLiteral("max_tokens")).toInt(), 64);
        const QJsonArray messages = body.value(QStringLiteral("messages")).toArray();
        QCOMPARE(messages[0].toObject().value(QStringLiteral("content")).toString(),
                 QStringLiteral("You help Ann."));
        QCOMPARE(messages[1].toObject().value(QStringLiteral("content")).toString(),
                 QStringLiteral("Q: 2+2; \"quick\""));
        QCOMPARE(QJsonDocument::fromJson(l[1])
                     .object()
                     .value(QStringLiteral("body"))
                     .toObject()
                     .value(QStringLiteral("messages"))
                     .toArray()[1]
                     .toObject()
                     .value(QStringLiteral("content"))
                     .toString(),
                 QStringLiteral("Q: two\nlines"));
        // The output passes the validator of the same CLI.
        QCOMPARE(cli({QStringLiteral("validate"), QStringLiteral("out.jsonl")}, m_dir.path()).exitCode, 0);
    }

    void splitsWhenOverTheLineLimit()
    {
        QByteArray csv = "text\n";
        for (int i = 0; i < 50'001; ++i)
            csv += "t" + QByteArray::number(i) + "\n";
        write(QStringLiteral("big.csv"), csv);
        write(QStringLiteral("prompt.txt"), "Say {{ text }}\n");
        const Run r =
            cli(build(QStringLiteral("big.csv"),
                      {QStringLiteral("--endpoint"), QStringLiteral("/v1/completions"),
                       QStringLiteral("--template"), QStringLiteral("prompt.txt"), QStringLiteral("-o"),
                       QStringLiteral("big.jsonl"), QStringLiteral("--json")}),
                m_dir.path());
        QVERIFY2(r.exitCode == 0, r.err.constData());
        const QJsonObject o = r.json();
        QCOMPARE(o.value(QStringLiteral("rows")).toInt(), 50'001);
        const QJsonArray files = o.value(QStringLiteral("files")).toArray();
        QCOMPARE(files.size(), 2);
        QCOMPARE(files[0].toObject().value(QStringLiteral("path")).toString(),
                 QStringLiteral("big-001.jsonl"));
        QCOMPARE(files[0].toObject().value(QStringLiteral("lines")).toInt(), 50'000);
        QCOMPARE(files[1].toObject().value(QStringLiteral("path")).toString(),
                 QStringLiteral("big-002.jsonl"));
        QCOMPARE(files[1].toObject().value(QStringLiteral("lines")).toInt(), 1);
        QCOMPARE(files[1].toObject().value(QStringLiteral("bytes")).toInteger(),
                 QFileInfo(m_dir.filePath(QStringLiteral("big-002.jsonl"))).size());
        QVERIFY(o.value(QStringLiteral("warnings")).toArray().isEmpty());
        QVERIFY(!QFile::exists(m_dir.filePath(QStringLiteral("big.jsonl"))));
        const QList<QByteArray> last = lines(QStringLiteral("big-002.jsonl"));
        QCOMPARE(last.size(), 1);
        QVERIFY2(last[0].contains("\"custom_id\":\"row-50001\"")
                     && last[0].contains("\"prompt\":\"Say t50000\""),
                 last[0].constData());
    }

    void embeddingsFromAnInputColumn()
    {
        write(QStringLiteral("e.tsv"), "id\tdoc\n1\tfirst doc\n2\tsecond\n");
        const Run r = cli(build(QStringLiteral("e.tsv"),
                                {QStringLiteral("--endpoint"), QStringLiteral("/v1/embeddings"),
                                 QStringLiteral("--input-column"), QStringLiteral("doc"),
                                 QStringLiteral("--param"), QStringLiteral("dimensions=8"),
                                 QStringLiteral("-o"), QStringLiteral("e.jsonl"), QStringLiteral("--json")}),
                          m_dir.path());
        QVERIFY2(r.exitCode == 0, r.err.constData());
        QCOMPARE(r.json()
                     .value(QStringLiteral("files"))
                     .toArray()[0]
                     .toObject()
                     .value(QStringLiteral("embedding_inputs"))
                     .toInt(),
                 2);
        const QJsonObject body = QJsonDocument::fromJson(lines(QStringLiteral("e.jsonl"))[0])
                                     .object()
                                     .value(QStringLiteral("body"))
                                     .toObject();
        QCOMPARE(body.value(QStringLiteral("input")).toString(), QStringLiteral("first doc"));
        QCOMPARE(body.value(QStringLiteral("dimensions")).toInt(), 8);
    }

    void invalidInputExitsOne_data()
    {
        QTest::addColumn<QByteArray>("csv");
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QByteArray>("message");
        const QStringList chat {QStringLiteral("--endpoint"), QStringLiteral("/v1/chat/completions")};
        QTest::newRow("unknown placeholder")
            << QByteArray("name,q\na,b\n")
            << chat + QStringList {QStringLiteral("--user"), QStringLiteral("{{qq}}")}
            << QByteArray("{{qq}} is not a column; did you mean \"q\"? [unknown_placeholder]");
        QTest::newRow("unclosed placeholder")
            << QByteArray("name,q\na,b\n")
            << chat + QStringList {QStringLiteral("--user"), QStringLiteral("{{q")}
            << QByteArray("[template_syntax]");
        QTest::newRow("duplicate id") << QByteArray("id,q\nx,1\ny,2\nx,3\n")
                                      << chat
                + QStringList {QStringLiteral("--user"), QStringLiteral("{{q}}"),
                               QStringLiteral("--id-column"), QStringLiteral("id")}
                                      << QByteArray("bad.csv:4: error: Row 3 (line 4): custom_id \"x\" is "
                                                    "already used by row 1 (line 2). [duplicate_id]");
        QTest::newRow("ragged row")
            << QByteArray("a,b\n1,2\n3\n")
            << chat + QStringList {QStringLiteral("--user"), QStringLiteral("{{a}}")}
            << QByteArray(
                   "bad.csv:3: error: Row 2 (record 3, line 3) has 1 cells; the header has 2. [ragged_row]");
        QTest::newRow("empty cell")
            << QByteArray("a,b\n1,\n")
            << chat + QStringList {QStringLiteral("--user"), QStringLiteral("{{a}}{{b}}")}
            << QByteArray("bad.csv:2: error: Row 1 (line 2): column \"b\" is empty. [empty_cell]");
        QTest::newRow("parameter on the wrong endpoint") << QByteArray("a\n1\n")
                                                         << chat
                + QStringList {QStringLiteral("--user"), QStringLiteral("{{a}}"), QStringLiteral("--param"),
                               QStringLiteral("dimensions=3")}
                                                         << QByteArray("[not_applicable]");
        QTest::newRow("bad parameter value") << QByteArray("a\n1\n")
                                             << chat
                + QStringList {QStringLiteral("--user"), QStringLiteral("{{a}}"), QStringLiteral("--param"),
                               QStringLiteral("temperature=hot")}
                                             << QByteArray("temperature needs a number");
    }
    void invalidInputExitsOne()
    {
        QFETCH(QByteArray, csv);
        QFETCH(QStringList, args);
        QFETCH(QByteArray, message);
        write(QStringLiteral("bad.csv"), csv);
        QFile::remove(m_dir.filePath(QStringLiteral("bad.jsonl")));
        const Run r = cli(build(QStringLiteral("bad.csv"),
                                args + QStringList {QStringLiteral("-o"), QStringLiteral("bad.jsonl")}),
                          m_dir.path());
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains(message), r.err.constData());
        QVERIFY(r.out.isEmpty());
        QVERIFY(!QFile::exists(m_dir.filePath(QStringLiteral("bad.jsonl"))));
    }

    void emptyCellsAllowedAsWarnings()
    {
        write(QStringLiteral("gaps.csv"), "a,b\n1,\n2,x\n");
        const Run r = cli(
            build(QStringLiteral("gaps.csv"),
                  {QStringLiteral("--endpoint"), QStringLiteral("/v1/chat/completions"),
                   QStringLiteral("--user"), QStringLiteral("{{a}}{{b}}"), QStringLiteral("--allow-empty"),
                   QStringLiteral("-o"), QStringLiteral("gaps.jsonl"), QStringLiteral("--json")}),
            m_dir.path());
        QVERIFY2(r.exitCode == 0, r.err.constData());
        const QJsonArray warnings = r.json().value(QStringLiteral("warnings")).toArray();
        QCOMPARE(warnings.size(), 1);
        QCOMPARE(warnings[0].toObject().value(QStringLiteral("code")).toString(),
                 QStringLiteral("empty_cell"));
        QCOMPARE(warnings[0].toObject().value(QStringLiteral("row")).toInt(), 1);
    }

    void usageErrorsExitTwo_data()
    {
        QTest::addColumn<QStringList>("args");
        const QString csv = QStringLiteral("usage.csv");
        QTest::newRow("no csv") << QStringList {
            QStringLiteral("build"),   QStringLiteral("--endpoint"), QStringLiteral("chat"),
            QStringLiteral("--model"), QStringLiteral("m"),          QStringLiteral("--user"),
            QStringLiteral("x"),       QStringLiteral("-o"),         QStringLiteral("u.jsonl")};
        QTest::newRow("no template") << build(csv,
                                              {QStringLiteral("--endpoint"), QStringLiteral("chat"),
                                               QStringLiteral("-o"), QStringLiteral("u.jsonl")});
        QTest::newRow("missing file")
            << build(QStringLiteral("nope.csv"),
                     {QStringLiteral("--endpoint"), QStringLiteral("chat"), QStringLiteral("--user"),
                      QStringLiteral("x"), QStringLiteral("-o"), QStringLiteral("u.jsonl")});
        QTest::newRow("bad profile") << build(csv,
                                              {QStringLiteral("--endpoint"), QStringLiteral("chat"),
                                               QStringLiteral("--user"), QStringLiteral("x"),
                                               QStringLiteral("--profile"), QStringLiteral("nope"),
                                               QStringLiteral("-o"), QStringLiteral("u.jsonl")});
        QTest::newRow("bad endpoint")
            << build(csv,
                     {QStringLiteral("--endpoint"), QStringLiteral("/v1/images"), QStringLiteral("--user"),
                      QStringLiteral("x"), QStringLiteral("-o"), QStringLiteral("u.jsonl")});
        QTest::newRow("missing template file")
            << build(csv,
                     {QStringLiteral("--endpoint"), QStringLiteral("chat"), QStringLiteral("--template"),
                      QStringLiteral("none.txt"), QStringLiteral("-o"), QStringLiteral("u.jsonl")});
    }
    void usageErrorsExitTwo()
    {
        QFETCH(QStringList, args);
        write(QStringLiteral("usage.csv"), "a\n1\n");
        const Run r = cli(args, m_dir.path());
        QCOMPARE(r.exitCode, 2);
        QVERIFY(!r.err.isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestCliBuild)
#include "tst_cli_build.moc"
