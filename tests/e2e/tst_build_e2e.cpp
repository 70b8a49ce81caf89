// The round trip of issue 6 over loopback HTTP: CSV -> batchdesk-cli build (split into parts) -> one sandbox
// batch per part -> results appended to the CSV, every row matched with its own result.
#include "e2e_util.h"
#include "jsonl/csvtable.h"
#include "sandbox/sandboxserver.h"

#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using Batchdesk::Jsonl::CsvTable;
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
} // namespace

class TestBuildE2E : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::unique_ptr<SandboxServer> m_server;

    Run cli(QStringList args)
    {
        QProcess p;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("BATCHDESK_API_KEY"), QStringLiteral("build-key"));
        env.insert(QStringLiteral("BATCHDESK_DATA_DIR"), m_dir.filePath(QStringLiteral("data")));
        p.setProcessEnvironment(env);
        p.setWorkingDirectory(m_dir.path());
        args << QStringLiteral("--base-url") << m_server->baseUrl();
        p.start(QStringLiteral(BATCHDESK_CLI), args);
        if (!p.waitForFinished(90'000)) {
            p.kill();
            p.waitForFinished();
        }
        return {p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1, p.readAllStandardOutput(),
                p.readAllStandardError()};
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        SandboxConfig c;
        c.apiKey = QStringLiteral("build-key");
        c.latencyMs = 2;
        c.dataDir = m_dir.filePath(QStringLiteral("server"));
        m_server = std::make_unique<SandboxServer>(c);
        QString error;
        QVERIFY2(m_server->start(&error), qPrintable(error));
    }

    void csvToResultsRoundTrip()
    {
        // 25 rows with quotes, delimiters, newlines and non-ASCII text; every 7th asks the sandbox to fail.
        const int rows = 25;
        QByteArray csv = "\xEF\xBB\xBFsku;question;note\r\n";
        QStringList questions;
        for (int i = 1; i <= rows; ++i) {
            QString q = QStringLiteral("Was kostet \"Artikel %1\"; bitte\nkurz, ja? ü€").arg(i);
            if (i % 7 == 0)
                q += QStringLiteral(" [[fail]]");
            questions << q;
            QByteArray quoted = q.toUtf8();
            quoted.replace("\"", "\"\"");
            csv += "SKU-" + QByteArray::number(1000 + i) + ";\"" + quoted + "\";n" + QByteArray::number(i)
                + "\r\n";
        }
        QVERIFY(writeFile(m_dir.filePath(QStringLiteral("items.csv")), csv));

        const Run built = cli(
            {QStringLiteral("build"), QStringLiteral("--csv"), QStringLiteral("items.csv"),
             QStringLiteral("--endpoint"), QStringLiteral("/v1/chat/completions"), QStringLiteral("--model"),
             QStringLiteral("sandbox/echo"), QStringLiteral("--system"), QStringLiteral("Answer briefly."),
             QStringLiteral("--user"), QStringLiteral("Q: {{question}}"), QStringLiteral("--id-column"),
             QStringLiteral("sku"), QStringLiteral("--max-lines"), QStringLiteral("10"), QStringLiteral("-o"),
             QStringLiteral("req.jsonl"), QStringLiteral("--json")});
        QVERIFY2(built.exitCode == 0, built.err.constData());
        const QJsonArray files = built.json().value(QStringLiteral("files")).toArray();
        QCOMPARE(files.size(), 3); // 10 + 10 + 5
        QCOMPARE(built.json().value(QStringLiteral("manifest")).toString(), QStringLiteral("req.build.json"));

        QStringList batchIds;
        for (const QJsonValue &f : files) {
            const QString part = f.toObject().value(QStringLiteral("path")).toString();
            const Run submitted =
                cli({QStringLiteral("submit"), part, QStringLiteral("--wait"), QStringLiteral("--interval"),
                     QStringLiteral("0.1"), QStringLiteral("--json")});
            // A batch with failed requests still completes; the CLI reports it as completed.
            QVERIFY2(submitted.exitCode == 0 || submitted.exitCode == 1, submitted.err.constData());
            QCOMPARE(submitted.json().value(QStringLiteral("status")).toString(),
                     QStringLiteral("completed"));
            batchIds << submitted.json().value(QStringLiteral("id")).toString();
        }

        const Run joined =
            cli(QStringList {QStringLiteral("results"), QStringLiteral("append-csv")} + batchIds
                + QStringList {QStringLiteral("--manifest"), QStringLiteral("req.build.json"),
                               QStringLiteral("-o"), QStringLiteral("items-results.csv"),
                               QStringLiteral("--json")});
        QVERIFY2(joined.exitCode == 0, joined.err.constData());
        const QJsonObject report = joined.json();
        QCOMPARE(report.value(QStringLiteral("rows")).toInt(), rows);
        const QJsonObject outcomes = report.value(QStringLiteral("outcomes")).toObject();
        QCOMPARE(outcomes.value(QStringLiteral("succeeded")).toInt(), rows - rows / 7);
        QCOMPARE(outcomes.value(QStringLiteral("failed")).toInt(), rows / 7);
        QCOMPARE(outcomes.value(QStringLiteral("missing")).toInt(), 0);
        QCOMPARE(report.value(QStringLiteral("unmatched_results")).toInt(), 0);

        // Row for row: the original cells, then the row's own result (the echo model answers the user
        // message).
        const auto table = CsvTable::read(m_dir.filePath(QStringLiteral("items-results.csv")));
        QVERIFY(table.ok());
        const CsvTable &t = table.value();
        QVERIFY(!t.hasErrors());
        QVERIFY(t.hadBom());
        QCOMPARE(t.delimiter(), ';');
        QCOMPARE(t.columnNames(),
                 QStringList({QStringLiteral("sku"), QStringLiteral("question"), QStringLiteral("note"),
                              QStringLiteral("custom_id"), QStringLiteral("outcome"),
                              QStringLiteral("response_text"), QStringLiteral("input_tokens"),
                              QStringLiteral("output_tokens"), QStringLiteral("error_code"),
                              QStringLiteral("error_message")}));
        QCOMPARE(t.rowCount(), rows);
        for (int r = 0; r < rows; ++r) {
            const int n = r + 1;
            QCOMPARE(t.cell(r, 0), QStringLiteral("SKU-%1").arg(1000 + n));
            QCOMPARE(t.cell(r, 1), questions.at(r));
            QCOMPARE(t.cell(r, 2), QStringLiteral("n%1").arg(n));
            QCOMPARE(t.cell(r, 3), t.cell(r, 0));
            if (n % 7 == 0) {
                QCOMPARE(t.cell(r, 4), QStringLiteral("failed"));
                QVERIFY(!t.cell(r, 9).isEmpty());
            } else {
                QCOMPARE(t.cell(r, 4), QStringLiteral("succeeded"));
                QCOMPARE(t.cell(r, 5), QStringLiteral("Q: ") + questions.at(r));
                QVERIFY(t.cell(r, 6).toInt() > 0);
                QVERIFY(t.cell(r, 7).toInt() > 0);
            }
        }
    }
};

QTEST_GUILESS_MAIN(TestBuildE2E)
#include "tst_build_e2e.moc"
