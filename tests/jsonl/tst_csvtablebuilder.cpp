// CsvTable::Builder: a table made in memory reads like a parsed one, and RequestBuilder works over it.
#include "jsonl/csvtable.h"
#include "jsonl/requestbuilder.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace Batchdesk::Jsonl;

class TestCsvTableBuilder : public QObject
{
    Q_OBJECT

private slots:
    void cellsAndRowsAsAdded()
    {
        CsvTable::Builder b({QStringLiteral("id"), QStringLiteral("text"), QStringLiteral("answer.label")});
        b.addCell(QStringLiteral("a1"));
        b.addCell(QStringLiteral("line one\nline two, \"quoted\""));
        b.addCell(QStringLiteral("positive"));
        b.endRow();
        b.addCell(QStringLiteral("a2"));
        b.endRow(); // short: padded
        b.addCell(QStringLiteral("ä3"));
        b.addCell(QString());
        b.addCell(QStringLiteral("négatif"));
        const CsvTable t = b.finish(); // closes the open row
        QCOMPARE(t.columnNames(),
                 QStringList({QStringLiteral("id"), QStringLiteral("text"), QStringLiteral("answer.label")}));
        QCOMPARE(t.rowCount(), 3);
        QCOMPARE(t.cell(0, 1), QStringLiteral("line one\nline two, \"quoted\""));
        QCOMPARE(t.cell(0, 2), QStringLiteral("positive"));
        QCOMPARE(t.cellCount(1), 3);
        QCOMPARE(t.cell(1, 0), QStringLiteral("a2"));
        QVERIFY(t.cellBytes(1, 2).isEmpty());
        QCOMPARE(t.cell(2, 0), QStringLiteral("ä3"));
        QCOMPARE(t.cell(2, 2), QStringLiteral("négatif"));
        QCOMPARE(t.columnIndex(u"answer.label"), 2);
        QCOMPARE(t.sourceLine(0), 2);
        QCOMPARE(t.sourceLine(2), 4);
        QVERIFY(!t.hasErrors());
        QVERIFY(t.path().isEmpty());
        QCOMPARE(t.preview(5).size(), 3);
    }

    void namesMadeUniqueAndProblemsReported()
    {
        CsvTable::Builder b({QStringLiteral("x"), QStringLiteral("x"), QString()});
        QCOMPARE(b.columnNames(),
                 QStringList({QStringLiteral("x"), QStringLiteral("x_2"), QStringLiteral("column_3")}));
        b.addCell(QByteArrayView("ok"));
        b.addCell(QByteArrayView("\xff\xfe"));
        b.addCell(QByteArrayView("c"));
        b.addCell(QByteArrayView("too many"));
        b.endRow();
        const CsvTable t = b.finish();
        QCOMPARE(t.rowCount(), 1);
        QCOMPARE(t.cellCount(0), 3); // the extra cell is dropped
        QCOMPARE(t.errorCount(), 2);
        QCOMPARE(t.warningCount(), 1);
        QStringList codes;
        for (const BuildDiagnostic &d : t.diagnostics())
            codes << d.code;
        QVERIFY(codes.contains(QStringLiteral("ragged_row")));
        QVERIFY(codes.contains(QStringLiteral("invalid_utf8")));
        QVERIFY(codes.contains(QStringLiteral("duplicate_header")));
    }

    void builderFinishTwice()
    {
        CsvTable::Builder b({QStringLiteral("a")});
        b.addCell(QStringLiteral("1"));
        const CsvTable first = b.finish();
        QCOMPARE(first.rowCount(), 1);
        const CsvTable second = b.finish();
        QCOMPARE(second.rowCount(), 0);
        QCOMPARE(second.columnCount(), 0);
    }

    void requestBuilderOverBuiltTable()
    {
        CsvTable::Builder b(
            {QStringLiteral("custom_id"), QStringLiteral("response"), QStringLiteral("answer.label")});
        for (int i = 1; i <= 3; ++i) {
            b.addCell(QStringLiteral("row-%1").arg(i));
            b.addCell(QStringLiteral("answer %1").arg(i));
            b.addCell(i == 2 ? QStringLiteral("negative") : QStringLiteral("positive"));
            b.endRow();
        }
        const CsvTable t = b.finish();
        BuildSpec spec;
        spec.model = QStringLiteral("m");
        spec.userTemplate = QStringLiteral("Label {{answer.label}}: {{response}}");
        spec.idColumn = QStringLiteral("custom_id");
        const RequestBuilder builder(t, spec);
        QVERIFY(builder.specDiagnostics().isEmpty());
        QVERIFY(builder.check().ok());
        QCOMPARE(builder.customId(1), QByteArray("row-2"));
        const QJsonObject line = QJsonDocument::fromJson(builder.requestFor(1)).object();
        QCOMPARE(line.value(QLatin1String("custom_id")).toString(), QStringLiteral("row-2"));
        QCOMPARE(QJsonDocument(line.value(QLatin1String("body")).toObject()).toJson(QJsonDocument::Compact),
                 QByteArray("{\"messages\":[{\"content\":\"Label negative: answer 2\",\"role\":\"user\"}],"
                            "\"model\":\"m\"}"));
    }
};

QTEST_GUILESS_MAIN(TestCsvTableBuilder)
#include "tst_csvtablebuilder.moc"
