// RequestBuilder: exact request lines, template errors, id uniqueness, parameters, and splitting exactly at
// each limit of a profile (lines, bytes, embedding inputs).
#include "jsonl/csvtable.h"
#include "jsonl/requestbuilder.h"
#include "jsonl/validator.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

using namespace Batchdesk::Jsonl;

namespace {

CsvTable table(const QByteArray &data)
{
    return CsvTable::fromData(data);
}

BuildSpec chatSpec(const QString &user)
{
    BuildSpec s;
    s.model = QStringLiteral("m1");
    s.userTemplate = user;
    return s;
}

QStringList codes(const BuildCheck &c)
{
    QStringList out;
    for (const BuildDiagnostic &d : c.diagnostics)
        out << d.code;
    return out;
}

QByteArray readAll(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

// n rows of fixed width so that every request line has the same length.
QByteArray fixedRows(int n)
{
    QByteArray csv = "id,a,b\n";
    for (int i = 0; i < n; ++i) {
        const QByteArray num = QByteArray::number(i).rightJustified(6, '0');
        csv += "id" + num + ",text" + num + ",more" + num + "\n";
    }
    return csv;
}

} // namespace

class TestRequestBuilder : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;

private slots:
    void chatLineIsExact()
    {
        const CsvTable t = table("id,name,q\nx1,Ann,What is 2+2?\n");
        BuildSpec s = chatSpec(QStringLiteral("Q: {{ q }}"));
        s.systemTemplate = QStringLiteral("You help {{name}}.");
        s.temperature = 0.2;
        s.maxTokens = 100;
        s.topP = 1;
        s.stop = {QStringLiteral("END")};
        const RequestBuilder b(t, s);
        QVERIFY(b.specDiagnostics().isEmpty());
        QCOMPARE(
            b.requestFor(0),
            QByteArray("{\"custom_id\":\"row-1\",\"method\":\"POST\",\"url\":\"/v1/chat/completions\","
                       "\"body\":{\"model\":\"m1\",\"messages\":[{\"role\":\"system\",\"content\":\"You help "
                       "Ann.\"},{\"role\":\"user\",\"content\":\"Q: What is 2+2?\"}],\"temperature\":0.2,"
                       "\"top_p\":1,\"max_tokens\":100,\"stop\":\"END\"}}"));
        QCOMPARE(b.customId(0), QByteArray("row-1"));
    }

    void completionsAndEmbeddings()
    {
        const CsvTable t = table("id,a,b\nk1,hello,world\n");
        BuildSpec c = chatSpec(QStringLiteral("{{a}} {{b}}"));
        c.endpoint = QString(kCompletions);
        c.idColumn = QStringLiteral("id");
        QCOMPARE(RequestBuilder(t, c).requestFor(0),
                 QByteArray("{\"custom_id\":\"k1\",\"method\":\"POST\",\"url\":\"/v1/completions\",\"body\":{"
                            "\"model\":\"m1\",\"prompt\":\"hello world\"}}"));
        BuildSpec e;
        e.endpoint = QString(kEmbeddings);
        e.model = QStringLiteral("emb");
        e.inputColumns = {QStringLiteral("a")};
        e.dimensions = 256;
        const RequestBuilder one(t, e);
        QCOMPARE(one.embeddingInputs(), 1);
        QCOMPARE(
            one.requestFor(0),
            QByteArray("{\"custom_id\":\"row-1\",\"method\":\"POST\",\"url\":\"/v1/embeddings\",\"body\":{"
                       "\"model\":\"emb\",\"input\":\"hello\",\"dimensions\":256}}"));
        e.inputColumns << QStringLiteral("b");
        const RequestBuilder two(t, e);
        QCOMPARE(two.embeddingInputs(), 2);
        QVERIFY(two.requestFor(0).contains("\"input\":[\"hello\",\"world\"]"));
        e.inputColumns.clear();
        e.userTemplate = QStringLiteral("{{a}}/{{b}}");
        QVERIFY(RequestBuilder(t, e).requestFor(0).contains("\"input\":\"hello/world\""));
    }

    void cellsAreEscaped()
    {
        const QByteArray csv = "t\n\"quote \"\" back\\slash\nnew line\ttab \xC3\xA9\"\n";
        const CsvTable t = table(csv);
        const RequestBuilder b(t, chatSpec(QStringLiteral("<{{t}}>")));
        const QByteArray line = b.requestFor(0);
        QVERIFY(!line.contains('\n'));
        const QJsonObject o = QJsonDocument::fromJson(line).object();
        const QString content = o.value(QStringLiteral("body"))
                                    .toObject()
                                    .value(QStringLiteral("messages"))
                                    .toArray()
                                    .at(0)
                                    .toObject()
                                    .value(QStringLiteral("content"))
                                    .toString();
        QCOMPARE(content, QStringLiteral("<quote \" back\\slash\nnew line\ttab é>"));
        QVERIFY(validateData(QByteArray(line + '\n')).isValid());
    }

    void templateSyntax_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QStringList>("placeholders");
        QTest::addColumn<int>("errors");
        QTest::newRow("plain") << QStringLiteral("hello") << QStringList() << 0;
        QTest::newRow("spaces") << QStringLiteral("{{  a  }} and {{b}}")
                                << QStringList({QStringLiteral("a"), QStringLiteral("b")}) << 0;
        QTest::newRow("escape") << QStringLiteral("{{{{a}} {{b}}") << QStringList({QStringLiteral("b")}) << 0;
        QTest::newRow("unclosed") << QStringLiteral("x {{a") << QStringList() << 1;
        QTest::newRow("empty") << QStringLiteral("x {{ }} y") << QStringList() << 1;
    }
    void templateSyntax()
    {
        QFETCH(QString, text);
        QFETCH(QStringList, placeholders);
        QFETCH(int, errors);
        const Template t = Template::parse(text);
        QCOMPARE(t.placeholders(), placeholders);
        QCOMPARE(t.syntaxErrors().size(), errors);
    }

    void literalBracesRender()
    {
        const CsvTable t = table("a\nv\n");
        const RequestBuilder b(t, chatSpec(QStringLiteral("{{{{a}} = {{a}}")));
        QVERIFY(b.requestFor(0).contains("\"content\":\"{{a}} = v\""));
    }

    void unknownPlaceholderSuggestsColumns()
    {
        const CsvTable t = table("name,question\nAnn,Hi\n");
        BuildSpec s = chatSpec(QStringLiteral("{{nmae}} asks {{question}} {{zzz}}"));
        s.systemTemplate = QStringLiteral("{{ unclosed");
        const BuildCheck c = RequestBuilder(t, s).check();
        QCOMPARE(c.errorCount, 3);
        QCOMPARE(codes(c),
                 QStringList({QStringLiteral("template_syntax"), QStringLiteral("unknown_placeholder"),
                              QStringLiteral("unknown_placeholder")}));
        QVERIFY2(c.diagnostics[1].message.contains(
                     QStringLiteral("{{nmae}} is not a column; did you mean \"name\"?")),
                 qPrintable(c.diagnostics[1].message));
        QVERIFY2(c.diagnostics[2].message.contains(QStringLiteral("the columns are: name, question")),
                 qPrintable(c.diagnostics[2].message));
    }

    void emptyCellsAreErrorsOrWarnings()
    {
        const CsvTable t = table("a,b,unused\nx,,\n\"multi\nline\",y,\n,z,1\n");
        BuildSpec s = chatSpec(QStringLiteral("{{a}} {{b}}"));
        BuildCheck c = RequestBuilder(t, s).check();
        QCOMPARE(c.errorCount, 2);
        QCOMPARE(codes(c), QStringList({QStringLiteral("empty_cell"), QStringLiteral("empty_cell")}));
        QCOMPARE(c.diagnostics[0].row, 1);
        QCOMPARE(c.diagnostics[0].line, 2);
        QCOMPARE(c.diagnostics[0].column, 1);
        QVERIFY(c.diagnostics[0].message.contains(QStringLiteral("Row 1 (line 2): column \"b\" is empty")));
        QCOMPARE(c.diagnostics[1].row, 3);
        QCOMPARE(c.diagnostics[1].line, 5);
        s.allowEmptyCells = true;
        c = RequestBuilder(t, s).check();
        QCOMPARE(c.errorCount, 0);
        QCOMPARE(c.warningCount, 2);
    }

    void idsMustBeUniqueAndNonEmpty()
    {
        const CsvTable t = table("id,q\na,1\nb,2\na,3\n,4\nb,5\n");
        BuildSpec s = chatSpec(QStringLiteral("{{q}}"));
        s.idColumn = QStringLiteral("id");
        const BuildCheck c = RequestBuilder(t, s).check();
        QCOMPARE(c.errorCount, 3);
        QCOMPARE(codes(c),
                 QStringList({QStringLiteral("duplicate_id"), QStringLiteral("empty_id"),
                              QStringLiteral("duplicate_id")}));
        QVERIFY2(c.diagnostics[0].message.contains(
                     QStringLiteral("Row 3 (line 4): custom_id \"a\" is already used by row 1 (line 2)")),
                 qPrintable(c.diagnostics[0].message));
        QCOMPARE(c.diagnostics[1].row, 4);
        QVERIFY(c.diagnostics[2].message.contains(QStringLiteral("row 2 (line 3)")));
        s.idColumn = QStringLiteral("ident");
        QCOMPARE(codes(RequestBuilder(t, s).check()).first(), QStringLiteral("unknown_column"));
        // Generated ids are always unique.
        s.idColumn.clear();
        QVERIFY(RequestBuilder(t, s).check().ok());
    }

    void parametersAndConflicts()
    {
        const CsvTable t = table("q\nhi\n");
        BuildSpec s = chatSpec(QStringLiteral("{{q}}"));
        QVERIFY(!s.setParameter(QStringLiteral("stop"), QStringLiteral("A")));
        QVERIFY(!s.setParameter(QStringLiteral("stop"), QStringLiteral("B")));
        QVERIFY(!s.setParameter(QStringLiteral("seed"), QStringLiteral("42")));
        QVERIFY(!s.setParameter(QStringLiteral("user"), QStringLiteral("not json")));
        QVERIFY(!s.setParameter(QStringLiteral("json_schema"), QStringLiteral("{\"type\":\"object\"}")));
        QVERIFY(s.setParameter(QStringLiteral("temperature"), QStringLiteral("warm")).has_value());
        QVERIFY(s.setParameter(QStringLiteral("max_tokens"), QStringLiteral("-1")).has_value());
        QVERIFY(s.setParameter(QStringLiteral("response_format"), QStringLiteral("yaml")).has_value());
        const RequestBuilder b(t, s);
        QVERIFY2(b.specDiagnostics().isEmpty(), qPrintable(b.specDiagnostics().value(0).message));
        const QByteArray line = b.requestFor(0);
        QVERIFY2(line.endsWith(
                     "\"stop\":[\"A\",\"B\"],\"response_format\":{\"json_schema\":{\"name\":\"response\","
                     "\"schema\":{\"type\":\"object\"}},\"type\":\"json_schema\"},\"seed\":42,\"user\":\"not "
                     "json\"}}"),
                 line.constData());

        BuildSpec conflict = chatSpec(QStringLiteral("{{q}}"));
        conflict.temperature = 0.5;
        conflict.extraJson = "{\"temperature\":1,\"model\":\"other\",\"n\":2}";
        BuildCheck c = RequestBuilder(t, conflict).check();
        QCOMPARE(codes(c),
                 QStringList({QStringLiteral("parameter_conflict"), QStringLiteral("parameter_conflict")}));
        conflict.extraJson = "[1]";
        QCOMPARE(codes(RequestBuilder(t, conflict).check()),
                 QStringList({QStringLiteral("invalid_extra_json")}));

        BuildSpec wrong = chatSpec(QStringLiteral("{{q}}"));
        wrong.dimensions = 8;
        QCOMPARE(codes(RequestBuilder(t, wrong).check()), QStringList({QStringLiteral("not_applicable")}));
        wrong.dimensions.reset();
        wrong.model.clear();
        QCOMPARE(codes(RequestBuilder(t, wrong).check()), QStringList({QStringLiteral("missing_model")}));
    }

    void splitsAtLineLimit_data()
    {
        QTest::addColumn<int>("rows");
        QTest::addColumn<QList<qint64>>("parts");
        QTest::newRow("50,000 lines: one part") << 50'000 << QList<qint64> {50'000};
        QTest::newRow("50,001 lines: two parts") << 50'001 << QList<qint64> {50'000, 1};
    }
    void splitsAtLineLimit()
    {
        QFETCH(int, rows);
        QFETCH(QList<qint64>, parts);
        QByteArray csv = "q\n";
        for (int i = 0; i < rows; ++i)
            csv += "q" + QByteArray::number(i) + "\n";
        const CsvTable t = table(csv);
        const RequestBuilder b(t, chatSpec(QStringLiteral("{{q}}")));
        const QString out = m_dir.filePath(QStringLiteral("lines%1.jsonl").arg(rows));
        const auto r = b.write(out, LimitProfile::deepinfra());
        QVERIFY2(r.ok(), qPrintable(r.errorString()));
        QCOMPARE(r.value().parts.size(), parts.size());
        QCOMPARE(r.value().parts.first().path,
                 parts.size() == 1 ? out : m_dir.filePath(QStringLiteral("lines%1-001.jsonl").arg(rows)));
        for (qsizetype i = 0; i < parts.size(); ++i) {
            QCOMPARE(r.value().parts[i].lines, parts[i]);
            QVERIFY(r.value().parts[i].valid);
        }
        QVERIFY(r.value().valid());
        if (parts.size() == 2) {
            QCOMPARE(r.value().parts[1].firstRow, 50'001);
            QCOMPARE(readAll(r.value().parts[1].path), b.requestFor(50'000) + '\n');
        }
    }

    void splitsAtByteLimitExactly()
    {
        const CsvTable t = table(fixedRows(7));
        BuildSpec s = chatSpec(QStringLiteral("{{a}} {{b}}"));
        s.idColumn = QStringLiteral("id");
        const RequestBuilder b(t, s);
        const qint64 lineBytes = b.requestFor(0).size() + 1;
        for (int i = 1; i < 7; ++i)
            QCOMPARE(b.requestFor(i).size() + 1, lineBytes);
        LimitProfile p = LimitProfile::deepinfra();

        p.maxBytes = 3 * lineBytes; // exactly three lines fit
        auto r = b.write(m_dir.filePath(QStringLiteral("bytes.jsonl")), p);
        QVERIFY2(r.ok(), qPrintable(r.errorString()));
        QCOMPARE(r.value().parts.size(), 3);
        QCOMPARE(r.value().parts[0].lines, 3);
        QCOMPARE(r.value().parts[0].bytes, 3 * lineBytes);
        QCOMPARE(r.value().parts[1].lines, 3);
        QCOMPARE(r.value().parts[2].lines, 1);
        QCOMPARE(r.value().parts[2].firstRow, 7);
        QCOMPARE(QFile(r.value().parts[0].path).size(), 3 * lineBytes);
        QVERIFY(r.value().valid());

        p.maxBytes = 3 * lineBytes - 1; // one byte short: two lines a part
        r = b.write(m_dir.filePath(QStringLiteral("bytes-short.jsonl")), p);
        QVERIFY(r.ok());
        QCOMPARE(r.value().parts.size(), 4);
        QCOMPARE(r.value().parts[0].lines, 2);
        QCOMPARE(r.value().parts[3].lines, 1);

        p.maxBytes = 7 * lineBytes; // everything fits: a single OUT.jsonl
        r = b.write(m_dir.filePath(QStringLiteral("bytes-all.jsonl")), p);
        QCOMPARE(r.value().parts.size(), 1);
        QCOMPARE(r.value().parts[0].path, m_dir.filePath(QStringLiteral("bytes-all.jsonl")));

        p.maxBytes = lineBytes - 1; // no line fits at all
        r = b.write(m_dir.filePath(QStringLiteral("bytes-none.jsonl")), p);
        QCOMPARE(r.error().code, QStringLiteral("too_large"));
        QVERIFY(!QFile::exists(m_dir.filePath(QStringLiteral("bytes-none.jsonl"))));
    }

    void splitsAtEmbeddingInputLimitExactly()
    {
        const CsvTable t = table(fixedRows(7));
        BuildSpec s;
        s.endpoint = QString(kEmbeddings);
        s.model = QStringLiteral("emb");
        s.inputColumns = {QStringLiteral("a"), QStringLiteral("b")}; // two inputs per line
        const RequestBuilder b(t, s);
        LimitProfile p = LimitProfile::deepinfra();
        p.maxEmbeddingInputs = 6;
        auto r = b.write(m_dir.filePath(QStringLiteral("emb.jsonl")), p);
        QVERIFY2(r.ok(), qPrintable(r.errorString()));
        QCOMPARE(r.value().parts.size(), 3);
        QCOMPARE(r.value().parts[0].lines, 3);
        QCOMPARE(r.value().parts[0].embeddingInputs, 6);
        QCOMPARE(r.value().parts[2].embeddingInputs, 2);
        QVERIFY(r.value().valid()); // the validator counted the same inputs against the same profile

        p.maxEmbeddingInputs = 5;
        r = b.write(m_dir.filePath(QStringLiteral("emb5.jsonl")), p);
        QCOMPARE(r.value().parts.size(), 4);
        QCOMPARE(r.value().parts[0].embeddingInputs, 4);

        p.maxEmbeddingInputs = 1;
        QCOMPARE(b.write(m_dir.filePath(QStringLiteral("emb1.jsonl")), p).error().code,
                 QStringLiteral("too_large"));
    }

    void manifestMapsIdsToRows()
    {
        QTemporaryDir dir;
        const QString csvPath = dir.filePath(QStringLiteral("in.csv"));
        QFile f(csvPath);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(fixedRows(5));
        f.close();
        const auto t = CsvTable::read(csvPath);
        QVERIFY(t.ok());
        BuildSpec s = chatSpec(QStringLiteral("{{a}}"));
        s.idColumn = QStringLiteral("id");
        LimitProfile p = LimitProfile::deepinfra();
        p.maxLines = 2;
        const auto r = RequestBuilder(t.value(), s).write(dir.filePath(QStringLiteral("out.jsonl")), p);
        QVERIFY(r.ok());
        QCOMPARE(r.value().manifestPath, dir.filePath(QStringLiteral("out.build.json")));
        const QJsonObject m = QJsonDocument::fromJson(readAll(r.value().manifestPath)).object();
        QCOMPARE(m.value(QStringLiteral("format")).toString(), QStringLiteral("batchdesk-build/1"));
        const QJsonObject csv = m.value(QStringLiteral("csv")).toObject();
        QCOMPARE(csv.value(QStringLiteral("sha256")).toString(), t.value().sha256());
        QCOMPARE(csv.value(QStringLiteral("delimiter")).toString(), QStringLiteral(","));
        QCOMPARE(csv.value(QStringLiteral("rows")).toInt(), 5);
        QCOMPARE(m.value(QStringLiteral("custom_id")).toObject().value(QStringLiteral("column")).toString(),
                 QStringLiteral("id"));
        const QJsonArray parts = m.value(QStringLiteral("parts")).toArray();
        QCOMPARE(parts.size(), 3);
        QCOMPARE(parts[1].toObject().value(QStringLiteral("file")).toString(),
                 QStringLiteral("out-002.jsonl"));
        QCOMPARE(parts[1].toObject().value(QStringLiteral("first_row")).toInt(), 3);
        QCOMPARE(parts[1].toObject().value(QStringLiteral("last_row")).toInt(), 4);
        QVERIFY(
            readAll(dir.filePath(QStringLiteral("out-002.jsonl"))).startsWith("{\"custom_id\":\"id000002\""));
    }

    void writeRefusesInvalidInput()
    {
        const CsvTable t = table("a,b\n1\n");
        const auto r = RequestBuilder(t, chatSpec(QStringLiteral("{{a}}")))
                           .write(m_dir.filePath(QStringLiteral("bad.jsonl")));
        QCOMPARE(r.error().code, QStringLiteral("invalid_input"));
        QVERIFY(!QFile::exists(m_dir.filePath(QStringLiteral("bad.jsonl"))));
    }
};

QTEST_GUILESS_MAIN(TestRequestBuilder)
#include "tst_requestbuilder.moc"
