// CsvTable: RFC 4180 edge cases through libcsv, delimiter detection, header repair and findings with their
// row, record and line numbers.
#include "jsonl/csvtable.h"

#include <QCryptographicHash>
#include <QFile>
#include <QFileInfo>
#include <QTemporaryDir>
#include <QTest>

using namespace Batchdesk::Jsonl;

namespace {

CsvTable parse(const QByteArray &data, char delimiter = 0, bool header = true)
{
    CsvOptions o;
    o.delimiter = delimiter;
    o.hasHeader = header;
    return CsvTable::fromData(data, o);
}

QStringList codes(const CsvTable &t)
{
    QStringList out;
    for (const BuildDiagnostic &d : t.diagnostics())
        out << d.code;
    return out;
}

} // namespace

class TestCsvTable : public QObject
{
    Q_OBJECT

private slots:
    void quotesAndDoubledQuotes()
    {
        const CsvTable t = parse("name,text\nA,\"He said \"\"hi\"\", ok\"\nB,\"\"\n");
        QVERIFY2(!t.hasErrors(), qPrintable(codes(t).join(u',')));
        QCOMPARE(t.columnNames(), QStringList({QStringLiteral("name"), QStringLiteral("text")}));
        QCOMPARE(t.rowCount(), 2);
        QCOMPARE(t.cell(0, 1), QStringLiteral("He said \"hi\", ok"));
        QCOMPARE(t.cell(1, 1), QString());
        QCOMPARE(t.cellCount(1), 2);
    }

    void newlinesInCellsKeepLineNumbers()
    {
        const CsvTable t = parse("id,text\n1,\"line1\nline2\nline3\"\n2,x\n3,\"a\r\nb\"\n4,y\n");
        QVERIFY(!t.hasErrors());
        QCOMPARE(t.rowCount(), 4);
        QCOMPARE(t.cell(0, 1), QStringLiteral("line1\nline2\nline3"));
        QCOMPARE(t.cell(2, 1), QStringLiteral("a\r\nb"));
        QCOMPARE(t.sourceLine(0), 2);
        QCOMPARE(t.sourceLine(1), 5);
        QCOMPARE(t.sourceLine(2), 6);
        QCOMPARE(t.sourceLine(3), 8);
        QCOMPARE(t.sourceRecord(3), 5);
    }

    void crlfRecords()
    {
        const CsvTable t = parse("a,b\r\n1,2\r\n3,\"x\r\ny\"\r\n5,6");
        QVERIFY(!t.hasErrors());
        QCOMPARE(t.rowCount(), 3);
        QCOMPARE(t.cell(0, 1), QStringLiteral("2"));
        QCOMPARE(t.cell(1, 1), QStringLiteral("x\r\ny"));
        QCOMPARE(t.cell(2, 0), QStringLiteral("5"));
        QCOMPARE(t.sourceLine(2), 5);
    }

    void bomIsStripped()
    {
        const CsvTable t = parse("\xEF\xBB\xBFname,v\n\xC3\xA9t\xC3\xA9,\xE2\x82\xAC\n");
        QVERIFY(t.hadBom());
        QCOMPARE(t.columnNames().first(), QStringLiteral("name"));
        QCOMPARE(t.columnIndex(u"name"), 0);
        QCOMPARE(t.cell(0, 0), QStringLiteral("été"));
        QCOMPARE(t.cell(0, 1), QStringLiteral("€"));
        const CsvTable plain = parse("name,v\n1,2\n");
        QVERIFY(!plain.hadBom());
        QCOMPARE(plain.sha256(),
                 QString::fromLatin1(
                     QCryptographicHash::hash("name,v\n1,2\n", QCryptographicHash::Sha256).toHex()));
    }

    void detectsDelimiter_data()
    {
        QTest::addColumn<QByteArray>("data");
        QTest::addColumn<char>("expected");
        QTest::newRow("comma") << QByteArray("a,b,c\n1,2,3\n") << ',';
        QTest::newRow("semicolon with decimal commas")
            << QByteArray("name;price\nfoo;1,5\nbar;2,25\n") << ';';
        QTest::newRow("tab") << QByteArray("a\tb\n1,5\t2\n") << '\t';
        QTest::newRow("pipe") << QByteArray("a|b\n1|2\n") << '|';
        QTest::newRow("quoted semicolons") << QByteArray("\"a;b\",c\n\"x;y;z\",w\n") << ',';
        QTest::newRow("quoted newline") << QByteArray("a;b\n\"x\ny,z\";1\n2;3\n") << ';';
        QTest::newRow("single column") << QByteArray("text\nhello\n") << ',';
    }
    void detectsDelimiter()
    {
        QFETCH(QByteArray, data);
        QFETCH(char, expected);
        QCOMPARE(CsvTable::detectDelimiter(data), expected);
        const CsvTable t = parse(data);
        QCOMPARE(t.delimiter(), expected);
        QVERIFY(!t.hasErrors());
    }

    void semicolonCells()
    {
        const CsvTable t = parse("name;price\nfoo;1,5\nbar;\"2;25\"\n");
        QCOMPARE(t.delimiter(), ';');
        QCOMPARE(t.cell(0, 1), QStringLiteral("1,5"));
        QCOMPARE(t.cell(1, 1), QStringLiteral("2;25"));
    }

    void cellsAreNotTrimmed()
    {
        const CsvTable t = parse("a\tb\tc\n x \t\t 2 \n", '\t');
        QVERIFY(!t.hasErrors());
        QCOMPARE(t.cell(0, 0), QStringLiteral(" x "));
        QCOMPARE(t.cell(0, 1), QString());
        QCOMPARE(t.cell(0, 2), QStringLiteral(" 2 "));
    }

    void raggedRowsReportedWithRowRecordAndLine()
    {
        const CsvTable t = parse("a,b,c\n1,2,3\n4,5\n\"x\ny\",8,9\n6,7,8,9\n");
        QCOMPARE(t.rowCount(), 4);
        QCOMPARE(t.errorCount(), 2);
        const auto &d = t.diagnostics();
        QCOMPARE(d.size(), 2);
        QCOMPARE(d[0].code, QStringLiteral("ragged_row"));
        QCOMPARE(d[0].row, 2);
        QCOMPARE(d[0].record, 3);
        QCOMPARE(d[0].line, 3);
        QVERIFY2(
            d[0].message.contains(QStringLiteral("Row 2 (record 3, line 3) has 2 cells; the header has 3")),
            qPrintable(d[0].message));
        QCOMPARE(d[1].row, 4);
        QCOMPARE(d[1].record, 5);
        QCOMPARE(d[1].line, 6); // the quoted cell of row 3 spans lines 4 and 5
        QVERIFY(d[1].message.contains(QStringLiteral("has 4 cells")));
        // Missing cells read as empty, extra cells are kept but not addressable beyond the header.
        QCOMPARE(t.cell(1, 2), QString());
        QCOMPARE(t.preview(4).at(1), QStringList({QStringLiteral("4"), QStringLiteral("5"), QString()}));
    }

    // A quote that is never closed would make the rest of a huge file one cell in memory: the read stops at
    // the record size cap with a message that says why, without reading on.
    void unclosedQuoteStopsTheRead()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("unclosed.csv"));
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("id,text\n1,fine\n2,\"never closed\n");
        const QByteArray block(64 * 1024, 'x');
        for (int i = 0; i < 8 * 16; ++i) // 8 MB
            f.write(block + '\n');
        f.close();
        CsvOptions o;
        o.maxRecordBytes = 2 * 1024 * 1024;
        const auto table = CsvTable::read(path, o);
        QVERIFY(table.ok());
        QVERIFY(table.value().errorCount() >= 1);
        QCOMPARE(codes(table.value()).last(), QStringLiteral("record_too_long"));
        QVERIFY2(table.value().diagnostics().last().message.contains(QStringLiteral("not closed")),
                 qPrintable(table.value().diagnostics().last().message));
        QCOMPARE(table.value().diagnostics().last().line, 3);
        QVERIFY(table.value().sourceBytes() < QFileInfo(path).size() / 2);
    }

    void invalidUtf8Reported()
    {
        const CsvTable t = parse("a,b\nok,fine\nx,\xff\xfe\n");
        QCOMPARE(t.errorCount(), 1);
        const BuildDiagnostic d = t.diagnostics().first();
        QCOMPARE(d.code, QStringLiteral("invalid_utf8"));
        QCOMPARE(d.row, 2);
        QCOMPARE(d.line, 3);
        QCOMPARE(d.column, 1);
    }

    void headerNamesMadeUnique()
    {
        const CsvTable t = parse("name,,name, name \n1,2,3,4\n");
        QCOMPARE(t.columnNames(),
                 QStringList({QStringLiteral("name"), QStringLiteral("column_2"), QStringLiteral("name_2"),
                              QStringLiteral("name_3")}));
        QCOMPARE(t.errorCount(), 0);
        QCOMPARE(t.warningCount(), 3);
        QCOMPARE(codes(t),
                 QStringList({QStringLiteral("empty_header"), QStringLiteral("duplicate_header"),
                              QStringLiteral("duplicate_header")}));
    }

    void strictQuoteErrorStopsWithLine()
    {
        const CsvTable t = parse("a,b\n1,2\n3,x\"y\n4,5\n");
        QCOMPARE(t.errorCount(), 1);
        const BuildDiagnostic d = t.diagnostics().first();
        QCOMPARE(d.code, QStringLiteral("csv_parse_error"));
        QCOMPARE(d.line, 3);
        QCOMPARE(t.rowCount(), 1); // the rows before the error are kept

        CsvOptions lenient;
        lenient.strict = false;
        const CsvTable l = CsvTable::fromData("a,b\n1,2\n3,x\"y\n4,5\n", lenient);
        QCOMPARE(l.errorCount(), 0);
        QCOMPARE(l.cell(1, 1), QStringLiteral("x\"y"));
        QCOMPARE(l.rowCount(), 3);
    }

    void unterminatedQuoteReported()
    {
        const CsvTable t = parse("a\n1\n\"abc\ndef\n");
        QCOMPARE(t.errorCount(), 1);
        QCOMPARE(t.diagnostics().first().code, QStringLiteral("csv_parse_error"));
        QCOMPARE(t.diagnostics().first().line, 3);
        QVERIFY(t.diagnostics().first().message.contains(QStringLiteral("not closed")));
    }

    void blankLinesAndMissingFinalNewline()
    {
        const CsvTable t = parse("a,b\n1,2\n\n\n3,4");
        QVERIFY(!t.hasErrors());
        QCOMPARE(t.rowCount(), 2);
        QCOMPARE(t.sourceLine(1), 5);
        QCOMPARE(t.cell(1, 1), QStringLiteral("4"));
    }

    void withoutHeader()
    {
        const CsvTable t = parse("1,2\n3,4\n", ',', false);
        QCOMPARE(t.columnNames(), QStringList({QStringLiteral("column_1"), QStringLiteral("column_2")}));
        QCOMPARE(t.rowCount(), 2);
        QCOMPARE(t.sourceRecord(0), 1);
        QCOMPARE(t.cell(1, 0), QStringLiteral("3"));
    }

    void previewStopsEarly()
    {
        CsvOptions o;
        o.maxRows = 2;
        const CsvTable t = CsvTable::fromData("a,b\n1,2\n\"x\ny\",4\n5,6\n7\n", o);
        QVERIFY(t.truncated());
        QCOMPARE(t.rowCount(), 2);
        QCOMPARE(t.cell(1, 0), QStringLiteral("x\ny"));
        QVERIFY(!t.hasErrors()); // the ragged row 4 was never read
        QCOMPARE(t.preview(10).size(), 2);
        QVERIFY(!parse("a\n1\n").truncated());
    }

    void emptyInput()
    {
        const CsvTable t = parse("");
        QCOMPARE(t.rowCount(), 0);
        QCOMPARE(t.columnCount(), 0);
        QCOMPARE(codes(t), QStringList({QStringLiteral("no_rows")}));
    }

    void readsFilesInChunksWithProgress()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("big.csv"));
        QByteArray data = "\xEF\xBB\xBFid;text\r\n";
        for (int i = 0; i < 40'000; ++i) // ~2.5 MiB: several read chunks; quoted cells cross chunk borders
            data += QByteArray::number(i) + ";\"a \"\"quoted\"\" value; with\nnewline "
                + QByteArray::number(i) + "\"\r\n";
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(data);
        f.close();
        qint64 lastDone = 0;
        int calls = 0;
        WorkControl control;
        control.progress = [&](qint64 done, qint64 total) {
            QCOMPARE(total, data.size());
            QVERIFY(done >= lastDone);
            lastDone = done;
            ++calls;
        };
        const auto r = CsvTable::read(path, {}, control);
        QVERIFY2(r.ok(), qPrintable(r.errorString()));
        const CsvTable &t = r.value();
        QVERIFY2(!t.hasErrors(), qPrintable(codes(t).join(u',')));
        QCOMPARE(t.delimiter(), ';');
        QCOMPARE(t.rowCount(), 40'000);
        QCOMPARE(t.cell(39'999, 1), QStringLiteral("a \"quoted\" value; with\nnewline 39999"));
        QCOMPARE(t.sourceLine(39'999), 2 + 39'999 * 2);
        QCOMPARE(lastDone, data.size());
        QVERIFY(calls >= 2);
        QCOMPARE(t.sha256(),
                 QString::fromLatin1(QCryptographicHash::hash(data, QCryptographicHash::Sha256).toHex()));

        WorkControl cancel;
        cancel.isCanceled = [] { return true; };
        QCOMPARE(CsvTable::read(path, {}, cancel).error().code, QStringLiteral("canceled"));
        QCOMPARE(CsvTable::read(dir.filePath(QStringLiteral("none.csv"))).error().code, QStringLiteral("io"));
    }
};

QTEST_GUILESS_MAIN(TestCsvTable)
#include "tst_csvtable.moc"
