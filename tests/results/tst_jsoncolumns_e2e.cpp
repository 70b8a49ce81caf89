// `batchdesk-cli results export --json-columns / --json-path` end to end: a batch run by the real sandbox
// (over loopback) whose echo model answers with JSON, exported to CSV and JSONL with typed answer columns,
// the text and --json summaries, and the usage errors.
#include "e2e/e2e_util.h"
#include "jsoncolumns_fixtures.h"
#include "results/exporters.h"
#include "results_readers.h"
#include "sandbox/sandboxserver.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace Batchdesk::Results;
using namespace JsonFixtures;
using Batchdesk::Sandbox::SandboxConfig;
using Batchdesk::Sandbox::SandboxServer;

namespace {
struct Run
{
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
    QJsonObject json() const { return QJsonDocument::fromJson(out).object(); }
};

QStringList strings(std::initializer_list<const char *> list)
{
    QStringList out;
    for (const char *s : list)
        out << QString::fromUtf8(s);
    return out;
}
} // namespace

class TestJsonColumnsE2E : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::unique_ptr<SandboxServer> m_server;
    QString m_input;
    QString m_batch;

    QString path(const QString &name) const { return m_dir.filePath(name); }

    Run cli(QStringList args)
    {
        QProcess p;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("BATCHDESK_API_KEY"), QStringLiteral("k"));
        env.insert(QStringLiteral("BATCHDESK_DATA_DIR"), path(QStringLiteral("data")));
        p.setProcessEnvironment(env);
        args << QStringLiteral("--base-url") << m_server->baseUrl();
        p.start(QStringLiteral(BATCHDESK_CLI), args);
        if (!p.waitForFinished(90'000)) {
            p.kill();
            p.waitForFinished();
        }
        return {p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1, p.readAllStandardOutput(),
                p.readAllStandardError()};
    }

    Run exportTo(const QString &out, const QStringList &extra)
    {
        return cli(QStringList {QStringLiteral("results"), QStringLiteral("export"), m_batch,
                                QStringLiteral("--input"), m_input, QStringLiteral("-o"), out}
                   + extra);
    }

    static QByteArray readAll(const QString &file)
    {
        QFile f(file);
        return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        SandboxConfig c;
        c.apiKey = QStringLiteral("k");
        c.latencyMs = 2;
        m_server = std::make_unique<SandboxServer>(c);
        QString error;
        QVERIFY2(m_server->start(&error), qPrintable(error));
        // The echo model answers with the user message: JSON, fenced JSON, prose, and a failing request.
        m_input = path(QStringLiteral("verdicts.jsonl"));
        QVERIFY(writeFile(m_input,
                          echoRequest("j1", echoAnswerFull()) + echoRequest("j2", echoAnswerFenced())
                              + echoRequest("j3", "I think it is spam [[badjson]]")
                              + echoRequest("j4", "please [[fail]] here")));
        const Run r = cli({QStringLiteral("submit"), m_input, QStringLiteral("--json"),
                           QStringLiteral("--wait"), QStringLiteral("--interval"), QStringLiteral("0.1")});
        m_batch = r.json().value(QStringLiteral("id")).toString();
        QVERIFY2(!m_batch.isEmpty(), r.err.constData());
    }

    void csvWithJsonColumns()
    {
        const QString out = path(QStringLiteral("verdicts.csv"));
        const Run r = exportTo(out, {QStringLiteral("--json-columns")});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        QVERIFY2(r.out.contains("4 rows (3 succeeded, 1 failed)"), r.out.constData());
        // (English plurals come from the translation; without it the source text "(s)" shows.)
        QVERIFY2(r.out.contains("5 JSON column"), r.out.constData());
        QVERIFY2(r.out.contains(" from the requests' schema; 1 row"), r.out.constData());
        QVERIFY2(r.out.contains(" whose answer did not parse (see answer_error)."), r.out.constData());
        const QByteArray bytes = readAll(out);
        const QList<QStringList> csv = parseCsv(bytes);
        QCOMPARE(csv.size(), 5);
        const qsizetype base = exportColumns().size();
        QCOMPARE(csv.at(0).mid(base),
                 strings({"answer.label", "answer.score", "answer.n", "answer.ok", "answer.meta.source",
                          "answer_error"}));
        QCOMPARE(csv.at(1).mid(base), strings({"spam", "0.5", "2", "true", "web", ""}));
        // The string is guarded against formulas, the negative number is not (it is a number).
        QCOMPARE(csv.at(2).mid(base), strings({"'=ham", "1.25", "-3", "false", "", ""}));
        QCOMPARE(csv.at(3).mid(base),
                 strings({"", "", "", "", "", "not JSON: unexpected character at offset 0"}));
        QCOMPARE(csv.at(4).mid(base), strings({"", "", "", "", "", ""}));
        QVERIFY(bytes.contains(",spam,0.5,2,true,web,\r\n"));
        QVERIFY(bytes.contains(",'=ham,1.25,-3,false,,\r\n"));
    }

    void jsonlWithPathAndJsonSummary()
    {
        const QString out = path(QStringLiteral("verdicts.jsonl"));
        const Run r = exportTo(
            out, {QStringLiteral("--json-path"), QStringLiteral("$.meta"), QStringLiteral("--json")});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        const QJsonObject summary = r.json();
        QCOMPARE(summary.value(QStringLiteral("rows")).toInt(), 4);
        QCOMPARE(summary.value(QStringLiteral("json_columns")).toArray(),
                 QJsonArray({QStringLiteral("source")}));
        QCOMPARE(summary.value(QStringLiteral("json_invalid")).toInt(), 2); // j2 has no meta, j3 is prose
        const QList<QByteArray> lines = readAll(out).split('\n');
        QCOMPARE(lines.size(), 5);
        const QJsonObject j1 = QJsonDocument::fromJson(lines.at(0)).object();
        QCOMPARE(j1.value(QStringLiteral("answer")).toObject(),
                 QJsonObject({{QStringLiteral("source"), QStringLiteral("web")}}));
        QVERIFY(j1.value(QStringLiteral("answer_error")).isNull());
        const QJsonObject j2 = QJsonDocument::fromJson(lines.at(1)).object();
        QVERIFY(j2.value(QStringLiteral("answer")).isNull());
        QCOMPARE(j2.value(QStringLiteral("answer_error")).toString(),
                 QStringLiteral("no object at \"$.meta\""));
    }

    void withoutTheOptionNothingChanges()
    {
        const QString out = path(QStringLiteral("plain.csv"));
        const Run r = exportTo(out, {QStringLiteral("--json")});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        QVERIFY(!r.json().contains(QStringLiteral("json_columns")));
        QVERIFY(!r.json().contains(QStringLiteral("json_invalid")));
        QCOMPARE(parseCsv(readAll(out)).at(0), exportColumns());
        const Run text = exportTo(out, {});
        QVERIFY(!text.out.contains("JSON"));
    }

    void usageErrors()
    {
        const Run badPath =
            exportTo(path(QStringLiteral("x.csv")), {QStringLiteral("--json-path"), QStringLiteral("a..b")});
        QCOMPARE(badPath.exitCode, 2);
        QVERIFY2(badPath.err.contains("The JSON path \"a..b\" is not usable: an empty member name"),
                 badPath.err.constData());
        const Run npy = exportTo(path(QStringLiteral("x.npy")), {QStringLiteral("--json-columns")});
        QCOMPARE(npy.exitCode, 2);
        QVERIFY(npy.err.contains("not npy"));
        QVERIFY(!QFile::exists(path(QStringLiteral("x.csv"))));
    }
};

QTEST_GUILESS_MAIN(TestJsonColumnsE2E)
#include "tst_jsoncolumns_e2e.moc"
