// appendResultsToCsv: the original CSV row for row with the result columns appended; the shared CSV cell
// writer with formula neutralisation.
#include "jsonl/csvtable.h"
#include "jsonl/requestbuilder.h"
#include "results/csvappend.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace Batchdesk;
using namespace Batchdesk::Jsonl;

namespace {

bool writeFile(const QString &path, const QByteArray &data)
{
    QFile f(path);
    return f.open(QIODevice::WriteOnly) && f.write(data) == data.size();
}

QByteArray okLine(const QByteArray &id, const QByteArray &text)
{
    return "{\"id\":\"r-" + id + "\",\"custom_id\":\"" + id
        + "\",\"response\":{\"status_code\":200,\"request_id\":\"q\",\"body\":{\"choices\":[{\"index\":0,"
          "\"message\":{\"role\":\"assistant\",\"content\":\""
        + text
        + "\"},\"finish_reason\":\"stop\"}],\"usage\":{\"prompt_tokens\":7,\"completion_tokens\":3,"
          "\"total_tokens\":10}}},\"error\":null}\n";
}

QByteArray failedLine(const QByteArray &id)
{
    return "{\"id\":\"r-" + id + "\",\"custom_id\":\"" + id
        + "\",\"response\":{\"status_code\":400,\"request_id\":\"q\",\"body\":{\"error\":{\"message\":\"Bad "
          "request\",\"type\":\"invalid_request_error\",\"code\":\"bad_input\"}}},\"error\":null}\n";
}

} // namespace

class TestCsvAppend : public QObject
{
    Q_OBJECT

private slots:
    void cellWriter_data()
    {
        QTest::addColumn<QByteArray>("cell");
        QTest::addColumn<bool>("neutralize");
        QTest::addColumn<QByteArray>("expected");
        QTest::newRow("plain") << QByteArray("abc") << true << QByteArray("abc");
        QTest::newRow("comma") << QByteArray("a,b") << true << QByteArray("\"a,b\"");
        QTest::newRow("quote") << QByteArray("say \"hi\"") << true << QByteArray("\"say \"\"hi\"\"\"");
        QTest::newRow("newline") << QByteArray("a\nb") << true << QByteArray("\"a\nb\"");
        QTest::newRow("formula") << QByteArray("=SUM(A1)") << true << QByteArray("'=SUM(A1)");
        QTest::newRow("plus") << QByteArray("+1") << true << QByteArray("'+1");
        QTest::newRow("minus quoted") << QByteArray("-1,2") << true << QByteArray("\"'-1,2\"");
        QTest::newRow("at") << QByteArray("@x") << true << QByteArray("'@x");
        QTest::newRow("kept") << QByteArray("=1") << false << QByteArray("=1");
        QTest::newRow("empty") << QByteArray() << true << QByteArray();
    }
    void cellWriter()
    {
        QFETCH(QByteArray, cell);
        QFETCH(bool, neutralize);
        QFETCH(QByteArray, expected);
        QByteArray out;
        Results::appendCsvCell(out, cell, ',', neutralize);
        QCOMPARE(out, expected);
    }

    void appendsEveryRowInCsvOrder()
    {
        QTemporaryDir dir;
        const QString csvPath = dir.filePath(QStringLiteral("in.csv"));
        QVERIFY(writeFile(csvPath, "name;question\r\nAnn;\"two\nlines\"\r\nBob;-5\r\nCy;q3\r\nDee;q4\r\n"));
        const auto table = CsvTable::read(csvPath);
        QVERIFY(table.ok());
        BuildSpec spec;
        spec.model = QStringLiteral("m");
        spec.userTemplate = QStringLiteral("{{question}}");
        LimitProfile profile = LimitProfile::deepinfra();
        profile.maxLines = 2;
        const auto built =
            RequestBuilder(table.value(), spec).write(dir.filePath(QStringLiteral("out.jsonl")), profile);
        QVERIFY2(built.ok(), qPrintable(built.errorString()));
        QCOMPARE(built.value().parts.size(), 2);

        // Results of both parts in any order; row-3 has none.
        const QString output = dir.filePath(QStringLiteral("o.jsonl"));
        const QString errors = dir.filePath(QStringLiteral("e.jsonl"));
        QVERIFY(
            writeFile(output, okLine("row-4", "four") + okLine("row-1", "=cmd()") + okLine("other", "x")));
        QVERIFY(writeFile(errors, failedLine("row-2")));
        const QString outCsv = dir.filePath(QStringLiteral("joined.csv"));
        const auto r = Results::appendResultsToCsv(built.value().manifestPath, {output, errors}, outCsv);
        QVERIFY2(r.ok(), qPrintable(r.errorString()));
        QCOMPARE(r.value().rows, 4);
        QCOMPARE(r.value().count(Results::Outcome::Succeeded), 2);
        QCOMPARE(r.value().count(Results::Outcome::Failed), 1);
        QCOMPARE(r.value().count(Results::Outcome::Missing), 1);
        QCOMPARE(r.value().unmatchedResults, 1);

        const CsvTable joined = CsvTable::fromData([&] {
            QFile f(outCsv);
            return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
        }());
        QVERIFY(!joined.hasErrors());
        QCOMPARE(joined.delimiter(), ';');
        QCOMPARE(joined.columnNames(),
                 QStringList({QStringLiteral("name"), QStringLiteral("question")})
                     + Results::appendedColumns());
        QCOMPARE(joined.rowCount(), 4);
        QCOMPARE(joined.cell(0, 1), QStringLiteral("two\nlines"));
        QCOMPARE(joined.cell(0, 2), QStringLiteral("row-1"));
        QCOMPARE(joined.cell(0, 3), QStringLiteral("succeeded"));
        QCOMPARE(joined.cell(0, 4), QStringLiteral("'=cmd()")); // model output never runs as a formula
        QCOMPARE(joined.cell(0, 5), QStringLiteral("7"));
        QCOMPARE(joined.cell(0, 6), QStringLiteral("3"));
        QCOMPARE(joined.cell(1, 1), QStringLiteral("-5")); // the user's own cells are copied as they were
        QCOMPARE(joined.cell(1, 3), QStringLiteral("failed"));
        QCOMPARE(joined.cell(1, 7), QStringLiteral("bad_input"));
        QVERIFY(joined.cell(1, 8).contains(QStringLiteral("Bad request")));
        QCOMPARE(joined.cell(2, 0), QStringLiteral("Cy"));
        QCOMPARE(joined.cell(2, 3), QStringLiteral("missing"));
        QCOMPARE(joined.cell(2, 4), QString());
        QCOMPARE(joined.cell(3, 4), QStringLiteral("four"));

        // A CSV edited after the build is refused.
        QVERIFY(writeFile(csvPath, "name;question\r\nAnn;changed\r\nBob;-5\r\nCy;q3\r\nDee;q4\r\n"));
        QCOMPARE(Results::appendResultsToCsv(built.value().manifestPath, {output}, outCsv).error().code,
                 QStringLiteral("csv_changed"));
    }
};

QTEST_GUILESS_MAIN(TestCsvAppend)
#include "tst_csvappend.moc"
