// Two stages that chain, over loopback HTTP (issue 16): a CSV -> stage 1 with a json_schema (label enum) ->
// the sandbox answers JSON -> batchdesk-cli build --results -> stage 2 uses {{answer.label}} -> its results
// beside stage 1's by custom_id. One row's answer is not JSON ([[badjson]]).
#include "e2e_util.h"
#include "jsonl/csvtable.h"
#include "sandbox/sandboxserver.h"

#include <QDir>
#include <QHash>
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

const int kRows = 12;
const int kBadRow = 5; // 1-based: its text carries [[badjson]]

QString userContent(const QJsonObject &line)
{
    const QJsonArray messages =
        line.value(QLatin1String("body")).toObject().value(QLatin1String("messages")).toArray();
    return messages.last().toObject().value(QLatin1String("content")).toString();
}
} // namespace

class TestChainE2E : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::unique_ptr<SandboxServer> m_server;
    QHash<QString, QString> m_labelOf; // stage 1's label by custom_id (twoStages)

    Run cli(QStringList args)
    {
        QProcess p;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("BATCHDESK_API_KEY"), QStringLiteral("chain-key"));
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

    QString submit(const QString &file)
    {
        const Run submitted =
            cli({QStringLiteral("submit"), file, QStringLiteral("--wait"), QStringLiteral("--interval"),
                 QStringLiteral("0.1"), QStringLiteral("--json")});
        if (submitted.exitCode != 0)
            qWarning() << submitted.err;
        if (submitted.json().value(QStringLiteral("status")).toString() != QLatin1String("completed"))
            return {};
        return submitted.json().value(QStringLiteral("id")).toString();
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        SandboxConfig c;
        c.apiKey = QStringLiteral("chain-key");
        c.latencyMs = 2;
        c.dataDir = m_dir.filePath(QStringLiteral("server"));
        m_server = std::make_unique<SandboxServer>(c);
        QString error;
        QVERIFY2(m_server->start(&error), qPrintable(error));
    }

    void twoStages()
    {
        QByteArray csv = "text,topic\n";
        for (int i = 1; i <= kRows; ++i) {
            csv += "\"Review " + QByteArray::number(i) + ": the product was "
                + (i == kBadRow ? QByteArray("odd [[badjson]]") : QByteArray("fine, mostly")) + "\",topic-"
                + QByteArray::number(i) + "\n";
        }
        QVERIFY(writeFile(m_dir.filePath(QStringLiteral("reviews.csv")), csv));
        QVERIFY(
            writeFile(m_dir.filePath(QStringLiteral("schema.json")),
                      "{\"name\":\"sentiment\",\"strict\":true,\"schema\":{\"type\":\"object\","
                      "\"properties\":{\"label\":{\"type\":\"string\",\"enum\":[\"positive\",\"negative\","
                      "\"neutral\"]}},\"required\":[\"label\"],\"additionalProperties\":false}}"));

        // Stage 1: from the CSV, JSON answers.
        const Run built1 = cli(
            {QStringLiteral("build"), QStringLiteral("--csv"), QStringLiteral("reviews.csv"),
             QStringLiteral("--endpoint"), QStringLiteral("chat"), QStringLiteral("--model"),
             QStringLiteral("sandbox/echo"), QStringLiteral("--user"), QStringLiteral("Classify: {{text}}"),
             QStringLiteral("--param"), QStringLiteral("json_schema=@schema.json"), QStringLiteral("-o"),
             QStringLiteral("stage1.jsonl")});
        QVERIFY2(built1.exitCode == 0, built1.err.constData());
        const QString batch1 = submit(QStringLiteral("stage1.jsonl"));
        QVERIFY(!batch1.isEmpty());

        // What stage 1 answered, by custom_id (from the downloaded output file).
        const Run downloaded = cli({QStringLiteral("results"), QStringLiteral("download"), batch1,
                                    QStringLiteral("-o"), QStringLiteral("s1"), QStringLiteral("--json")});
        QVERIFY2(downloaded.exitCode == 0, downloaded.err.constData());
        QHash<QString, QString> labelOf;
        for (const QJsonValue &f : downloaded.json().value(QStringLiteral("files")).toArray()) {
            for (const QByteArray &line : readLines(QDir(m_dir.path()).filePath(f.toString()))) {
                const QJsonObject o = QJsonDocument::fromJson(line).object();
                const QString content = o.value(QLatin1String("response"))
                                            .toObject()
                                            .value(QLatin1String("body"))
                                            .toObject()
                                            .value(QLatin1String("choices"))
                                            .toArray()
                                            .at(0)
                                            .toObject()
                                            .value(QLatin1String("message"))
                                            .toObject()
                                            .value(QLatin1String("content"))
                                            .toString();
                const QJsonObject answer = QJsonDocument::fromJson(content.toUtf8()).object();
                labelOf.insert(o.value(QLatin1String("custom_id")).toString(),
                               answer.value(QLatin1String("label")).toString());
            }
        }
        QCOMPARE(labelOf.size(), kRows);
        QSet<QString> distinct;
        for (int i = 1; i <= kRows; ++i) {
            const QString label = labelOf.value(QStringLiteral("row-%1").arg(i));
            if (i == kBadRow) {
                QVERIFY(label.isEmpty()); // not JSON
            } else {
                QVERIFY2(QStringList({QStringLiteral("positive"), QStringLiteral("negative"),
                                      QStringLiteral("neutral")})
                             .contains(label),
                         qPrintable(label));
                distinct.insert(label);
            }
        }
        QVERIFY(distinct.size() >= 2); // different prompts, different labels
        m_labelOf = labelOf;

        // The stage table's columns, and the [[badjson]] row counted.
        const Run dry =
            cli({QStringLiteral("build"), QStringLiteral("--results"), batch1, QStringLiteral("--input"),
                 QStringLiteral("stage1.jsonl"), QStringLiteral("--endpoint"), QStringLiteral("chat"),
                 QStringLiteral("--model"), QStringLiteral("sandbox/echo"), QStringLiteral("--dry-run"),
                 QStringLiteral("--json")});
        QVERIFY2(dry.exitCode == 0, dry.err.constData());
        const QStringList columns = dry.json().value(QStringLiteral("columns")).toVariant().toStringList();
        for (const char *name :
             {"custom_id", "outcome", "request", "response", "answer.label", "text", "topic"})
            QVERIFY2(columns.contains(QLatin1String(name)), name);
        QCOMPARE(dry.json().value(QStringLiteral("rows")).toInt(), kRows);
        QCOMPARE(dry.json().value(QStringLiteral("invalid_json")).toInt(), 1);
        QCOMPARE(dry.json().value(QStringLiteral("stage")).toInt(), 2);

        // Stage 2 uses {{answer.label}}: the row whose answer was not JSON has it empty, which the builder
        // refuses unless empty cells are allowed.
        const QStringList build2 {
            QStringLiteral("build"),
            QStringLiteral("--results"),
            batch1,
            QStringLiteral("--input"),
            QStringLiteral("stage1.jsonl"),
            QStringLiteral("--endpoint"),
            QStringLiteral("chat"),
            QStringLiteral("--model"),
            QStringLiteral("sandbox/echo"),
            QStringLiteral("--user"),
            QStringLiteral("Explain why it is {{answer.label}} ({{topic}}): {{response}}"),
            QStringLiteral("-o"),
            QStringLiteral("stage2.jsonl")};
        const Run refused = cli(build2);
        QCOMPARE(refused.exitCode, 1);
        QVERIFY2(refused.err.contains("1 answer(s) are not JSON"), refused.err.constData());
        QVERIFY2(refused.err.contains("Row 5 (line 6): column \"answer.label\" is empty"),
                 refused.err.constData());
        QVERIFY(!QFile::exists(m_dir.filePath(QStringLiteral("stage2.jsonl"))));
        const Run built2 = cli(build2 + QStringList {QStringLiteral("--allow-empty")});
        QVERIFY2(built2.exitCode == 0, built2.err.constData());

        // Each stage-2 request carries the label stage 1 gave the same custom_id.
        const QList<QByteArray> lines = readLines(m_dir.filePath(QStringLiteral("stage2.jsonl")));
        QCOMPARE(lines.size(), kRows);
        for (const QByteArray &l : lines) {
            const QJsonObject line = QJsonDocument::fromJson(l).object();
            const QString id = line.value(QLatin1String("custom_id")).toString();
            QVERIFY2(labelOf.contains(id), qPrintable(id));
            const QString n = id.mid(4);
            QVERIFY2(userContent(line).startsWith(
                         QStringLiteral("Explain why it is %1 (topic-%2): ").arg(labelOf.value(id), n)),
                     qPrintable(userContent(line)));
        }
        // The manifest keeps the stage link.
        QFile manifestFile(m_dir.filePath(QStringLiteral("stage2.build.json")));
        QVERIFY(manifestFile.open(QIODevice::ReadOnly));
        const QJsonObject source = QJsonDocument::fromJson(manifestFile.readAll())
                                       .object()
                                       .value(QLatin1String("source"))
                                       .toObject();
        QCOMPARE(source.value(QLatin1String("kind")).toString(), QStringLiteral("results"));
        QCOMPARE(source.value(QLatin1String("stage")).toInt(), 2);
        QCOMPARE(source.value(QLatin1String("batch_ids")).toArray(), QJsonArray {batch1});
        QCOMPARE(source.value(QLatin1String("input")).toString(),
                 QFileInfo(m_dir.filePath(QStringLiteral("stage1.jsonl"))).absoluteFilePath());

        // Stage 2 runs and its results sit beside stage 1's, by custom_id.
        const QString batch2 = submit(QStringLiteral("stage2.jsonl"));
        QVERIFY(!batch2.isEmpty());
        const Run both =
            cli({QStringLiteral("results"), QStringLiteral("export"), batch2, QStringLiteral("--input"),
                 QStringLiteral("stage2.jsonl"), QStringLiteral("--with-previous-stage"),
                 QStringLiteral("-o"), QStringLiteral("both.csv"), QStringLiteral("--json")});
        QVERIFY2(both.exitCode == 0, both.err.constData());
        QCOMPARE(both.json().value(QStringLiteral("stage")).toInt(), 2);
        const auto table = CsvTable::read(m_dir.filePath(QStringLiteral("both.csv")));
        QVERIFY(table.ok());
        const CsvTable &t = table.value();
        QCOMPARE(t.rowCount(), kRows);
        const int id = t.columnIndex(u"custom_id");
        const int outcome = t.columnIndex(u"outcome");
        const int response = t.columnIndex(u"response");
        const int previousResponse = t.columnIndex(u"previous.response");
        const int previousLabel = t.columnIndex(u"previous.answer.label");
        QVERIFY(id >= 0 && outcome >= 0 && response >= 0 && previousResponse >= 0 && previousLabel >= 0);
        for (qint64 r = 0; r < t.rowCount(); ++r) {
            const QString customId = t.cell(r, id);
            QCOMPARE(t.cell(r, outcome), QStringLiteral("succeeded"));
            QCOMPARE(t.cell(r, previousLabel), labelOf.value(customId));
            QVERIFY(t.cell(r, response)
                        .startsWith(QStringLiteral("Explain why it is %1 ").arg(labelOf.value(customId))));
            QVERIFY(!t.cell(r, previousResponse).isEmpty());
        }

        // Stage 3 would be linked to stage 2.
        const Run dry3 =
            cli({QStringLiteral("build"), QStringLiteral("--results"), batch2, QStringLiteral("--input"),
                 QStringLiteral("stage2.jsonl"), QStringLiteral("--endpoint"), QStringLiteral("chat"),
                 QStringLiteral("--model"), QStringLiteral("sandbox/echo"), QStringLiteral("--dry-run"),
                 QStringLiteral("--json")});
        QVERIFY2(dry3.exitCode == 0, dry3.err.constData());
        QCOMPARE(dry3.json().value(QStringLiteral("stage")).toInt(), 3);
    }

    // Stage 1 submitted as a job of three parts: build --results job-… needs no --input (the job store knows
    // the parts), and the original CSV's columns come through the job's source file's manifest.
    void fromAJob()
    {
        QVERIFY(!m_labelOf.isEmpty());
        const Run built1 = cli(
            {QStringLiteral("build"), QStringLiteral("--csv"), QStringLiteral("reviews.csv"),
             QStringLiteral("--endpoint"), QStringLiteral("chat"), QStringLiteral("--model"),
             QStringLiteral("sandbox/echo"), QStringLiteral("--user"), QStringLiteral("Classify: {{text}}"),
             QStringLiteral("--param"), QStringLiteral("json_schema=@schema.json"), QStringLiteral("-o"),
             QStringLiteral("job1.jsonl")});
        QVERIFY2(built1.exitCode == 0, built1.err.constData());
        const Run submitted =
            cli({QStringLiteral("submit"), QStringLiteral("job1.jsonl"), QStringLiteral("--max-lines"),
                 QStringLiteral("5"), QStringLiteral("--wait"), QStringLiteral("--interval"),
                 QStringLiteral("0.1"), QStringLiteral("--json")});
        QVERIFY2(submitted.exitCode == 0, submitted.err.constData());
        const QString job = submitted.json().value(QStringLiteral("job")).toString();
        QVERIFY(job.startsWith(QStringLiteral("job-")));
        QCOMPARE(submitted.json().value(QStringLiteral("batches")).toArray().size(), 3);

        const Run built2 =
            cli({QStringLiteral("build"), QStringLiteral("--results"), job, QStringLiteral("--endpoint"),
                 QStringLiteral("chat"), QStringLiteral("--model"), QStringLiteral("sandbox/echo"),
                 QStringLiteral("--user"), QStringLiteral("{{answer.label}} / {{topic}}"),
                 QStringLiteral("--allow-empty"), QStringLiteral("-o"), QStringLiteral("job2.jsonl"),
                 QStringLiteral("--json")});
        QVERIFY2(built2.exitCode == 0, built2.err.constData());
        const QList<QByteArray> lines = readLines(m_dir.filePath(QStringLiteral("job2.jsonl")));
        QCOMPARE(lines.size(), kRows);
        for (const QByteArray &l : lines) {
            const QJsonObject line = QJsonDocument::fromJson(l).object();
            const QString id = line.value(QLatin1String("custom_id")).toString();
            // The same prompts as in twoStages: the sandbox gives the same labels.
            QCOMPARE(userContent(line), QStringLiteral("%1 / topic-%2").arg(m_labelOf.value(id), id.mid(4)));
        }
        QFile manifestFile(m_dir.filePath(QStringLiteral("job2.build.json")));
        QVERIFY(manifestFile.open(QIODevice::ReadOnly));
        const QJsonObject source = QJsonDocument::fromJson(manifestFile.readAll())
                                       .object()
                                       .value(QLatin1String("source"))
                                       .toObject();
        QCOMPARE(source.value(QLatin1String("job_id")).toString(), job);
        QCOMPARE(source.value(QLatin1String("stage")).toInt(), 2);
    }
};

QTEST_GUILESS_MAIN(TestChainE2E)
#include "tst_chain_e2e.moc"
