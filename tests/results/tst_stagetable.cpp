// Results::stageTable and the stage link: the joined results of a stage as a table the request builder
// reads ({{response}}, {{answer.label}}, the original CSV's columns), and the manifest link to the stage
// before.
#include "jsonl/csvtable.h"
#include "jsonl/requestbuilder.h"
#include "results/joinedresults.h"
#include "results/jsoncolumns.h"
#include "results/stagetable.h"
#include "stagetable_fixtures.h"

#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

using namespace Batchdesk;
using namespace Batchdesk::Results;

namespace {

bool writeFile(const QString &path, const QByteArray &content)
{
    QFile f(path);
    return f.open(QIODevice::WriteOnly | QIODevice::Truncate) && f.write(content) == content.size();
}

QByteArray readFile(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

QString cell(const Jsonl::CsvTable &t, qint64 row, const QString &column)
{
    const int c = t.columnIndex(column);
    return c < 0 ? QStringLiteral("<no column %1>").arg(column) : t.cell(row, c);
}

} // namespace

class TestStageTable : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_csv;
    QString m_input;
    QString m_output;

    std::shared_ptr<const JoinedResults> join(const QString &input, const QString &output)
    {
        auto r = JoinedResults::open(input, {output});
        if (!r.ok())
            qWarning() << r.errorString();
        return r.ok() ? r.value() : nullptr;
    }

    JsonColumns columns() const
    {
        return JsonColumns::fromSchema(QJsonDocument::fromJson(StageFixtures::schema()).object());
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_csv = m_dir.filePath(QStringLiteral("reviews.csv"));
        m_input = m_dir.filePath(QStringLiteral("stage1.jsonl"));
        m_output = m_dir.filePath(QStringLiteral("stage1-output.jsonl"));
        QVERIFY(writeFile(m_csv, StageFixtures::csv()));
        auto table = Jsonl::CsvTable::read(m_csv);
        QVERIFY(table.ok());
        Jsonl::BuildSpec spec;
        spec.model = QStringLiteral("m-1");
        spec.userTemplate = QStringLiteral("Classify: {{text}}");
        QVERIFY(
            !spec.setParameter(QStringLiteral("json_schema"), QString::fromUtf8(StageFixtures::schema())));
        const Jsonl::RequestBuilder builder(table.value(), spec);
        const auto written = builder.write(m_input);
        QVERIFY2(written.ok(), qPrintable(written.errorString()));
        // row-1 answers JSON, row-2 answers text that is not JSON, row-3 failed.
        QVERIFY(writeFile(m_output,
                          StageFixtures::failed("row-3") + '\n'
                              + StageFixtures::jsonAnswer("row-1", "positive", "0.25") + '\n'
                              + StageFixtures::textAnswer("row-2", "not json at all") + '\n'));
    }

    void succeededRowsWithAnswersAndCsvColumns()
    {
        const auto results = join(m_input, m_output);
        QVERIFY(results);
        StageInfo info;
        const auto staged = stageTable(*results, columns(), {}, {}, &info);
        QVERIFY2(staged.ok(), qPrintable(staged.errorString()));
        const Jsonl::CsvTable &t = staged.value();
        const QStringList names = t.columnNames();
        QCOMPARE(names.mid(0, 9), stageBaseColumns());
        QVERIFY(names.contains(QStringLiteral("answer.label")));
        QVERIFY(names.contains(QStringLiteral("answer.score")));
        // The CSV's own columns, "response" renamed because the stage table has one.
        QVERIFY(names.contains(QStringLiteral("text")));
        QVERIFY(names.contains(QStringLiteral("topic")));
        QVERIFY(names.contains(QStringLiteral("csv.response")));
        QCOMPARE(t.rowCount(), 2);
        QCOMPARE(info.rows, 2);
        QCOMPARE(info.skipped, 1);
        QCOMPARE(info.invalidAnswers, 1);
        QCOMPARE(info.csvPath, m_csv);
        QVERIFY(info.csvProblem.isEmpty());

        QCOMPARE(cell(t, 0, QStringLiteral("custom_id")), QStringLiteral("row-1"));
        QCOMPARE(cell(t, 0, QStringLiteral("outcome")), QStringLiteral("succeeded"));
        QCOMPARE(cell(t, 0, QStringLiteral("model")), QStringLiteral("m-1"));
        QCOMPARE(cell(t, 0, QStringLiteral("request")), QStringLiteral("Classify: I love it, really"));
        QCOMPARE(cell(t, 0, QStringLiteral("response")),
                 QStringLiteral("{\"label\":\"positive\",\"score\":0.25}"));
        QCOMPARE(cell(t, 0, QStringLiteral("finish_reason")), QStringLiteral("stop"));
        QCOMPARE(cell(t, 0, QStringLiteral("input_tokens")), QStringLiteral("7"));
        QCOMPARE(cell(t, 0, QStringLiteral("output_tokens")), QStringLiteral("5"));
        QCOMPARE(cell(t, 0, QStringLiteral("answer.label")), QStringLiteral("positive"));
        QCOMPARE(cell(t, 0, QStringLiteral("answer.score")), QStringLiteral("0.25"));
        QCOMPARE(cell(t, 0, QStringLiteral("text")), QStringLiteral("I love it, really"));
        QCOMPARE(cell(t, 0, QStringLiteral("csv.response")), QStringLiteral("orig-1"));
        QCOMPARE(cell(t, 0, QStringLiteral("topic")), QStringLiteral("shoes"));
        // The answer that is not JSON: its text is there, its answer cells are empty.
        QCOMPARE(cell(t, 1, QStringLiteral("custom_id")), QStringLiteral("row-2"));
        QCOMPARE(cell(t, 1, QStringLiteral("response")), QStringLiteral("not json at all"));
        QCOMPARE(cell(t, 1, QStringLiteral("answer.label")), QString());
        QCOMPARE(cell(t, 1, QStringLiteral("topic")), QStringLiteral("phones"));
    }

    void allRows()
    {
        const auto results = join(m_input, m_output);
        QVERIFY(results);
        StageOptions options;
        options.allRows = true;
        const auto staged = stageTable(*results, columns(), options);
        QVERIFY(staged.ok());
        const Jsonl::CsvTable &t = staged.value();
        QCOMPARE(t.rowCount(), 3);
        QCOMPARE(cell(t, 2, QStringLiteral("custom_id")), QStringLiteral("row-3"));
        QCOMPARE(cell(t, 2, QStringLiteral("outcome")), QStringLiteral("failed"));
        QVERIFY(cell(t, 2, QStringLiteral("error")).contains(QStringLiteral("boom")));
        QCOMPARE(cell(t, 2, QStringLiteral("text")), QStringLiteral("=cmd fails"));
    }

    void cancel()
    {
        const auto results = join(m_input, m_output);
        QVERIFY(results);
        WorkControl control;
        control.isCanceled = [] { return true; };
        const auto staged = stageTable(*results, columns(), {}, control);
        QVERIFY(!staged.ok());
        QCOMPARE(staged.error().code, QStringLiteral("canceled"));
    }

    void changedCsvLeavesItsColumnsOut()
    {
        const QString csv = m_dir.filePath(QStringLiteral("changed.csv"));
        const QString input = m_dir.filePath(QStringLiteral("changed.jsonl"));
        QVERIFY(writeFile(csv, StageFixtures::csv()));
        auto table = Jsonl::CsvTable::read(csv);
        Jsonl::BuildSpec spec;
        spec.model = QStringLiteral("m-1");
        spec.userTemplate = QStringLiteral("{{text}}");
        QVERIFY(Jsonl::RequestBuilder(table.value(), spec).write(input).ok());
        QVERIFY(writeFile(csv, StageFixtures::csv() + "one more,x,y\r\n"));
        const auto results = join(input, m_output);
        QVERIFY(results);
        StageInfo info;
        const auto staged = stageTable(*results, JsonColumns(), {}, {}, &info);
        QVERIFY(staged.ok());
        QCOMPARE(staged.value().columnNames(), stageBaseColumns());
        QVERIFY(info.csvProblem.contains(QStringLiteral("changed")));
        QVERIFY(info.csvPath.isEmpty());
    }

    void nextStageIsLinkedAndJoinsByCustomId()
    {
        const auto results = join(m_input, m_output);
        QVERIFY(results);
        const auto staged = stageTable(*results, columns());
        QVERIFY(staged.ok());
        QCOMPARE(stageNumber(m_input), 1);
        QVERIFY(!previousStage(m_input));

        Jsonl::BuildSpec spec;
        spec.model = QStringLiteral("m-1");
        spec.userTemplate = QStringLiteral("Why is it {{answer.label}}? {{response}} ({{topic}})");
        spec.idColumn = QStringLiteral("custom_id");
        spec.source = nextStageLink({QStringLiteral("batch_abc")}, {}, m_input).toJson();
        // row-2's answer is not JSON: its answer.label is empty, an error unless empty cells are allowed.
        QVERIFY(!Jsonl::RequestBuilder(staged.value(), spec).check().ok());
        spec.allowEmptyCells = true;
        const Jsonl::RequestBuilder builder(staged.value(), spec);
        QVERIFY(builder.check().ok());
        const QString stage2 = m_dir.filePath(QStringLiteral("stage2.jsonl"));
        const auto written = builder.write(stage2);
        QVERIFY2(written.ok(), qPrintable(written.errorString()));
        const QByteArray first = readFile(stage2).split('\n').first();
        const QJsonObject line = QJsonDocument::fromJson(first).object();
        QCOMPARE(line.value(QLatin1String("custom_id")).toString(), QStringLiteral("row-1"));
        QVERIFY(first.contains("Why is it positive? {\\\"label\\\""));
        QVERIFY(first.contains("(shoes)"));

        const auto link = previousStage(stage2);
        QVERIFY(link);
        QCOMPARE(link->stage, 2);
        QCOMPARE(link->batchIds, QStringList {QStringLiteral("batch_abc")});
        QCOMPARE(link->inputPath, QFileInfo(m_input).absoluteFilePath());
        QCOMPARE(stageNumber(stage2), 2);
        QCOMPARE(nextStageLink({}, QStringLiteral("job-0000abcd"), stage2).stage, 3);
        QCOMPARE(
            nextStageLink({}, QStringLiteral("job-0000abcd"), stage2).toJson().value(QLatin1String("job_id")),
            QJsonValue(QStringLiteral("job-0000abcd")));

        // Stage 2's results beside stage 1's, by custom_id.
        const QString output2 = m_dir.filePath(QStringLiteral("stage2-output.jsonl"));
        QVERIFY(writeFile(output2,
                          StageFixtures::textAnswer("row-2", "because") + '\n'
                              + StageFixtures::textAnswer("row-1", "it is great") + '\n'));
        const auto results2 = join(stage2, output2);
        QVERIFY(results2);
        const auto table2 = stageTable(*results2, JsonColumns());
        QVERIFY(table2.ok());
        const auto both = withPreviousStage(table2.value(), *results, columns());
        QVERIFY2(both.ok(), qPrintable(both.errorString()));
        const Jsonl::CsvTable &t = both.value();
        QCOMPARE(t.rowCount(), 2);
        QCOMPARE(cell(t, 0, QStringLiteral("custom_id")), QStringLiteral("row-1"));
        QCOMPARE(cell(t, 0, QStringLiteral("response")), QStringLiteral("it is great"));
        QCOMPARE(cell(t, 0, QStringLiteral("previous.answer.label")), QStringLiteral("positive"));
        QCOMPARE(cell(t, 1, QStringLiteral("previous.response")), QStringLiteral("not json at all"));
        QCOMPARE(cell(t, 1, QStringLiteral("previous.answer.label")), QString());

        const QString csvOut = m_dir.filePath(QStringLiteral("both.csv"));
        QVERIFY(writeTableCsv(t, csvOut).ok());
        const auto reread = Jsonl::CsvTable::read(csvOut);
        QVERIFY(reread.ok());
        QCOMPARE(reread.value().columnNames(), t.columnNames());
        QCOMPARE(reread.value().rowCount(), 2);
        QCOMPARE(reread.value().cell(0, t.columnIndex(u"previous.response")),
                 cell(t, 0, QStringLiteral("previous.response")));
    }
};

QTEST_GUILESS_MAIN(TestStageTable)
#include "tst_stagetable.moc"
