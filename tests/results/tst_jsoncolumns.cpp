// Structured answers as columns over hand-made request and result files: the columns a request's JSON schema
// gives (in the schema's order, nested as dotted names), the columns sampled answers give, path selection,
// typed values, invalid answers with their reasons, and the typed CSV, XLSX and JSONL exports.
#include "jsoncolumns_fixtures.h"
#include "results/exporters.h"
#include "results/joinedresults.h"
#include "results/jsoncolumns.h"
#include "results_readers.h"

#include <QFile>
#include <QHash>
#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonParseError>
#include <QMap>
#include <QTemporaryDir>
#include <QTest>
#include <QXmlStreamReader>

using namespace Batchdesk::Results;
using namespace JsonFixtures;
using Type = JsonColumn::Type;
using Status = JsonRowValues::Status;

static QStringList strings(std::initializer_list<const char *> list)
{
    QStringList out;
    for (const char *s : list)
        out << QString::fromUtf8(s);
    return out;
}

class TestJsonColumns : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::shared_ptr<const JoinedResults> m_schema; // requests with a json_schema, varied answers
    std::shared_ptr<const JoinedResults> m_sampled; // requests without schema

    QString path(const QString &name) const { return m_dir.filePath(name); }

    void write(const QString &name, const QList<QByteArray> &lines)
    {
        QFile f(path(name));
        QVERIFY(f.open(QIODevice::WriteOnly));
        for (const QByteArray &l : lines)
            f.write(l + '\n');
    }

    std::shared_ptr<const JoinedResults> open(const QString &input, const QString &output)
    {
        auto joined = JoinedResults::open(path(input), {path(output)});
        if (!joined.ok())
            qFatal("join failed: %s", qPrintable(joined.errorString()));
        return joined.value();
    }

    static qint64 rowOf(const JoinedResults &j, const QByteArray &id)
    {
        for (qint64 i = 0; i < j.rowCount(); ++i) {
            if (j.customId(i) == id)
                return i;
        }
        return -1;
    }

    static QByteArray readAll(const QString &file)
    {
        QFile f(file);
        return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
    }

    // The cells of the first sheet by reference ("B2"): the cell type attribute ("" = number, "b", "s",
    // "inlineStr") and the value as written.
    struct XlsxCell
    {
        QString type;
        QString value;
    };
    static QMap<QString, XlsxCell> xlsxCells(const QString &file)
    {
        QMap<QString, XlsxCell> cells;
        QXmlStreamReader xml(unzipEntry(file, QStringLiteral("xl/worksheets/sheet1.xml")));
        QString ref;
        XlsxCell cell;
        while (!xml.atEnd()) {
            xml.readNext();
            if (xml.isStartElement() && xml.name() == QLatin1StringView("c")) {
                ref = xml.attributes().value(QLatin1StringView("r")).toString();
                cell = {xml.attributes().value(QLatin1StringView("t")).toString(), QString()};
            } else if (xml.isStartElement()
                       && (xml.name() == QLatin1StringView("v") || xml.name() == QLatin1StringView("t"))) {
                cell.value += xml.readElementText();
            } else if (xml.isEndElement() && xml.name() == QLatin1StringView("c")) {
                cells.insert(ref, cell);
            }
        }
        return cells;
    }

    static QString cellRef(int column, qint64 row)
    {
        QString letters;
        for (int c = column + 1; c > 0; c = (c - 1) / 26)
            letters.prepend(QChar(u'A' + (c - 1) % 26));
        return letters + QString::number(row + 1);
    }

    JsonRowValues extractRow(const JsonColumns &columns, const JoinedResults &j, const QByteArray &id)
    {
        return columns.extract(j.row(rowOf(j, id)));
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        // The first request carries no schema: the second one's decides.
        write(QStringLiteral("schema.jsonl"),
              {plainRequest("full"), schemaRequest("fenced"), schemaRequest("tool"), schemaRequest("invalid"),
               schemaRequest("missingkey"), schemaRequest("wrongtype"), schemaRequest("failed"),
               schemaRequest("noresult")});
        write(QStringLiteral("schema_out.jsonl"),
              {answer("full", answerFull()), answer("fenced", answerFenced()),
               toolAnswer("tool", answerTool()), answer("invalid", answerInvalid()),
               answer("missingkey", answerMissingKey()), answer("wrongtype", answerWrongType()),
               failure("failed")});
        m_schema = open(QStringLiteral("schema.jsonl"), QStringLiteral("schema_out.jsonl"));
        QCOMPARE(m_schema->rowCount(), 8);

        write(QStringLiteral("plain.jsonl"),
              {plainRequest("a"), plainRequest("b"), plainRequest("c"), plainRequest("d")});
        write(QStringLiteral("plain_out.jsonl"),
              {answer("a", sampleA()), answer("b", sampleB()), answer("c", sampleNoObject()),
               answer("d", "Sorry, I cannot answer that.")});
        m_sampled = open(QStringLiteral("plain.jsonl"), QStringLiteral("plain_out.jsonl"));
    }

    void columnsFromTheRequestSchema()
    {
        const JsonColumns columns = JsonColumns::discover(*m_schema);
        QVERIFY(columns.isFromSchema());
        QCOMPARE(columns.names(),
                 strings({"label", "confidence", "count", "urgent", "scores.positive", "scores.negative",
                          "tags", "note"}));
        QList<Type> types;
        for (const JsonColumn &c : columns.columns())
            types << c.type;
        QCOMPARE(types,
                 QList<Type>({Type::String, Type::Number, Type::Integer, Type::Boolean, Type::Number,
                              Type::Number, Type::Any, Type::String}));
        QCOMPARE(columns.columns().at(4).keys, strings({"scores", "positive"}));
    }

    void nestedObjectsBelowMaxDepthAreJsonText()
    {
        JsonColumnsOptions options;
        options.maxDepth = 1;
        const JsonColumns columns = JsonColumns::discover(*m_schema, options);
        QCOMPARE(columns.names(),
                 strings({"label", "confidence", "count", "urgent", "scores", "tags", "note"}));
        const JsonRowValues v = extractRow(columns, *m_schema, "full");
        QCOMPARE(v.values.at(4), QVariant(QStringLiteral("{\"positive\":0.1,\"negative\":0.9}")));
    }

    void typedValues()
    {
        const JsonColumns columns = JsonColumns::discover(*m_schema);
        const JsonRowValues full = extractRow(columns, *m_schema, "full");
        QCOMPARE(full.status, Status::Parsed);
        QVERIFY(full.error.isEmpty());
        QCOMPARE(full.values.size(), 8);
        QCOMPARE(full.values.at(0), QVariant(QStringLiteral("spam")));
        QCOMPARE(full.values.at(1).typeId(), QMetaType::Double);
        QCOMPARE(full.values.at(1).toDouble(), 0.93);
        QCOMPARE(full.values.at(2).typeId(), QMetaType::LongLong);
        QCOMPARE(full.values.at(2).toLongLong(), 3);
        QCOMPARE(full.values.at(3), QVariant(true));
        QCOMPARE(full.values.at(4).toDouble(), 0.1);
        QCOMPARE(full.values.at(5).toDouble(), 0.9);
        QCOMPARE(full.values.at(6), QVariant(QStringLiteral("[\"a\",\"b\"]"))); // arrays: compact JSON
        QVERIFY(!full.values.at(7).isValid()); // null

        // A ```json fence around the answer is not part of it.
        const JsonRowValues fenced = extractRow(columns, *m_schema, "fenced");
        QCOMPARE(fenced.status, Status::Parsed);
        QCOMPARE(fenced.values.at(0), QVariant(QStringLiteral("ham")));
        QCOMPARE(fenced.values.at(1).toDouble(), 1e-7);
        QCOMPARE(jsonCellText(fenced.values.at(1)), QStringLiteral("1e-07"));
        QCOMPARE(fenced.values.at(3), QVariant(false));
        QCOMPARE(fenced.values.at(6), QVariant(QStringLiteral("[]")));
        QCOMPARE(fenced.values.at(7), QVariant(QStringLiteral("checked")));

        // A tool-call-only answer: the first call's arguments.
        const ResultRow toolRow = m_schema->row(rowOf(*m_schema, "tool"));
        QCOMPARE(toolRow.toolArguments, QString::fromUtf8(answerTool()));
        QCOMPARE(JsonColumns::answerJson(toolRow), QString::fromUtf8(answerTool()));
        const JsonRowValues tool = columns.extract(toolRow);
        QCOMPARE(tool.status, Status::Parsed);
        QCOMPARE(tool.values.at(0), QVariant(QStringLiteral("via tool")));
        QCOMPARE(tool.values.at(2), QVariant(qlonglong(-4)));
        QVERIFY(!tool.values.at(4).isValid()); // no scores

        const JsonRowValues invalid = extractRow(columns, *m_schema, "invalid");
        QCOMPARE(invalid.status, Status::Invalid);
        QCOMPARE(invalid.error, QStringLiteral("not JSON: unexpected character at offset 15"));
        QCOMPARE(invalid.values.size(), 8);
        for (const QVariant &value : invalid.values)
            QVERIFY(!value.isValid());

        const JsonRowValues missing = extractRow(columns, *m_schema, "missingkey");
        QCOMPARE(missing.status, Status::Parsed);
        QCOMPARE(missing.values.at(0), QVariant(QStringLiteral("no count")));
        QVERIFY(!missing.values.at(2).isValid());
        QCOMPARE(missing.values.at(3), QVariant(false));

        // A value of the wrong type keeps its JSON type; integers beyond 2^53 stay exact.
        const JsonRowValues wrong = extractRow(columns, *m_schema, "wrongtype");
        QCOMPARE(wrong.status, Status::Parsed);
        QCOMPARE(wrong.values.at(1), QVariant(QStringLiteral("high")));
        QCOMPARE(wrong.values.at(2), QVariant(qlonglong(9007199254740993LL)));
        QCOMPARE(wrong.values.at(3), QVariant(QStringLiteral("yes")));

        QCOMPARE(extractRow(columns, *m_schema, "failed").status, Status::NoAnswer);
        QCOMPARE(extractRow(columns, *m_schema, "noresult").status, Status::NoAnswer);

        const JsonColumnsCounts counts = countJsonAnswers(*m_schema, columns);
        QCOMPARE(counts.parsed, 5);
        QCOMPARE(counts.invalid, 1);
        QCOMPARE(counts.noAnswer, 2);
    }

    void columnsFromSampledAnswers()
    {
        const JsonColumns columns = JsonColumns::discover(*m_sampled);
        QVERIFY(!columns.isFromSchema());
        QCOMPARE(columns.names(),
                 strings({"result.name", "result.n", "result.x", "result.ok", "result.mixed", "result.deep.k",
                          "meta", "result.extra", "result"}));
        QList<Type> types;
        for (const JsonColumn &c : columns.columns())
            types << c.type;
        // n: 1 and 2 (integers); x: 1.5 and 2 (numbers); mixed: 1 and "s"; deep.k: an object below maxDepth;
        // "result" is a string in the third answer.
        QCOMPARE(types,
                 QList<Type>({Type::String, Type::Integer, Type::Number, Type::Boolean, Type::Any, Type::Any,
                              Type::String, Type::String, Type::String}));
        const JsonRowValues a = extractRow(columns, *m_sampled, "a");
        QCOMPARE(a.values.at(5), QVariant(QStringLiteral("{\"z\":1}")));
        QCOMPARE(a.values.at(6), QVariant(QStringLiteral("m")));
        QVERIFY(!a.values.at(7).isValid());
        const JsonRowValues d = extractRow(columns, *m_sampled, "d");
        QCOMPARE(d.status, Status::Invalid);
        QCOMPARE(d.error, QStringLiteral("not JSON: unexpected character at offset 0"));
    }

    void pathSelectsASubObject()
    {
        for (const QString &p : {QStringLiteral("result"), QStringLiteral("$.result")}) {
            JsonColumnsOptions options;
            options.path = p;
            const JsonColumns columns = JsonColumns::discover(*m_sampled, options);
            QCOMPARE(columns.names(), strings({"name", "n", "x", "ok", "mixed", "deep.k.z", "extra"}));
            const JsonRowValues b = extractRow(columns, *m_sampled, "b");
            QCOMPARE(b.status, Status::Parsed);
            QCOMPARE(b.values.at(0), QVariant(QStringLiteral("b")));
            QCOMPARE(b.values.at(6), QVariant(QStringLiteral("e")));
            const JsonRowValues c = extractRow(columns, *m_sampled, "c");
            QCOMPARE(c.status, Status::Invalid);
            QCOMPARE(c.error, QStringLiteral("no object at \"%1\"").arg(p));
            const JsonColumnsCounts counts = countJsonAnswers(*m_sampled, columns);
            QCOMPARE(counts.parsed, 2);
            QCOMPARE(counts.invalid, 2);
        }
        // The same path through the request schema.
        JsonColumnsOptions options;
        options.path = QStringLiteral("scores");
        const JsonColumns scores = JsonColumns::discover(*m_schema, options);
        QVERIFY(scores.isFromSchema());
        QCOMPARE(scores.names(), strings({"positive", "negative"}));
        const JsonRowValues full = extractRow(scores, *m_schema, "full");
        QCOMPARE(full.values, QVariantList({0.1, 0.9}));
        QCOMPARE(extractRow(scores, *m_schema, "tool").error, QStringLiteral("no object at \"scores\""));
    }

    void schemaRefsArraysAndOrder()
    {
        const JsonColumns all = JsonColumns::fromSchemaJson(refSchema());
        QCOMPARE(all.names(), strings({"items", "total", "owner.sku", "owner.qty"}));
        QCOMPARE(all.columns().at(1).type, Type::Number); // anyOf number | null
        QCOMPARE(all.columns().at(3).type, Type::Integer); // through $ref

        JsonColumnsOptions options;
        options.path = QStringLiteral("items[0]");
        const JsonColumns item = JsonColumns::fromSchemaJson(refSchema(), options);
        QCOMPARE(item.names(), strings({"sku", "qty"}));
        ResultRow row;
        row.outcome = Outcome::Succeeded;
        row.responseText =
            QStringLiteral("{\"items\":[{\"qty\":2,\"sku\":\"A-1\"},{\"sku\":\"B\"}],\"total\":3}");
        QCOMPARE(item.extract(row).values, QVariantList({QStringLiteral("A-1"), qlonglong(2)}));
        QByteArray object;
        QCOMPARE(item.extract(row, &object).status, Status::Parsed);
        QCOMPARE(object, QByteArray("{\"qty\":2,\"sku\":\"A-1\"}")); // the answer's member order
        options.path = QStringLiteral("items[5]");
        QCOMPARE(JsonColumns::fromSchemaJson(refSchema(), options).extract(row).error,
                 QStringLiteral("no object at \"items[5]\""));

        // A QJsonObject has sorted members.
        const QJsonObject schema = QJsonDocument::fromJson(classificationSchema()).object();
        QCOMPARE(JsonColumns::fromSchema(schema).names().first(), QStringLiteral("confidence"));

        // The parameters of the first tool, in their order; anyOf integer | null is an integer.
        write(QStringLiteral("tool.jsonl"), {toolRequest("t1")});
        write(QStringLiteral("tool_out.jsonl"), {toolAnswer("t1", "{\"zeta\":\"z\",\"alpha\":7}")});
        const auto joined = open(QStringLiteral("tool.jsonl"), QStringLiteral("tool_out.jsonl"));
        const JsonColumns tool = JsonColumns::discover(*joined);
        QVERIFY(tool.isFromSchema());
        QCOMPARE(tool.names(), strings({"zeta", "alpha"}));
        QCOMPARE(tool.columns().at(1).type, Type::Integer);
        QCOMPARE(tool.extract(joined->row(0)).values, QVariantList({QStringLiteral("z"), qlonglong(7)}));

        QVERIFY(JsonColumns::pathError(QStringLiteral("$.a.b[2].c")).isEmpty());
        QVERIFY(JsonColumns::pathError(QString()).isEmpty());
        QVERIFY(JsonColumns::pathError(QStringLiteral("a..b")).contains(QStringLiteral("empty member name")));
        QVERIFY(JsonColumns::pathError(QStringLiteral("items[x]")).contains(QStringLiteral("array index")));
    }

    void hugeAnswersAreNotParsed()
    {
        const JsonColumns columns = JsonColumns::fromSchemaJson(classificationSchema());
        ResultRow row;
        row.outcome = Outcome::Succeeded;
        row.responseText = QStringLiteral("{\"label\":\"") + QString(17 << 20, u'z') + QStringLiteral("\"}");
        const JsonRowValues v = columns.extract(row);
        QCOMPARE(v.status, Status::Invalid);
        QCOMPARE(v.error, QStringLiteral("the answer is larger than 16 MiB"));
        // Just under the bound it is parsed.
        row.responseText =
            QStringLiteral("{\"label\":\"") + QString((16 << 20) - 20, u'z') + QStringLiteral("\"}");
        const JsonRowValues under = columns.extract(row);
        QCOMPARE(under.status, Status::Parsed);
        QCOMPARE(under.values.at(0).toString().size(), (16 << 20) - 20);
    }

    void csvWithJsonColumns()
    {
        ExportOptions options;
        options.jsonColumns = JsonColumns::discover(*m_schema);
        const QString out = path(QStringLiteral("answers.csv"));
        const auto report = exportCsv(*m_schema, out, options);
        QVERIFY2(report.ok(), qPrintable(report.errorString()));
        QCOMPARE(report.value().rows, 8);
        QCOMPARE(report.value().jsonInvalid, 1);
        const QByteArray bytes = readAll(out);
        const QList<QStringList> csv = parseCsv(bytes);
        QCOMPARE(csv.size(), 9);
        const QStringList header = csv.at(0);
        const qsizetype base = exportColumns().size();
        QCOMPARE(header.mid(0, base), exportColumns());
        QCOMPARE(header.mid(base),
                 strings({"answer.label", "answer.confidence", "answer.count", "answer.urgent",
                          "answer.scores.positive", "answer.scores.negative", "answer.tags", "answer.note",
                          "answer_error"}));
        QCOMPARE(report.value().columns, header.size());
        const auto cells = [&](const QByteArray &id) { return csv.at(rowOf(*m_schema, id) + 1).mid(base); };
        QCOMPARE(cells("full"),
                 strings({"spam", "0.93", "3", "true", "0.1", "0.9", "[\"a\",\"b\"]", "", ""}));
        QCOMPARE(cells("fenced"),
                 strings({"ham", "1e-07", "12", "false", "0.75", "0.25", "[]", "checked", ""}));
        QCOMPARE(cells("tool"), strings({"via tool", "1.5", "-4", "true", "", "", "", "", ""}));
        QCOMPARE(cells("invalid"),
                 strings({"", "", "", "", "", "", "", "", "not JSON: unexpected character at offset 15"}));
        QCOMPARE(cells("wrongtype"),
                 strings({"typed wrong", "high", "9007199254740993", "yes", "", "", "", "", ""}));
        QCOMPARE(cells("failed"), strings({"", "", "", "", "", "", "", "", ""}));
        // Numbers and booleans are bare (no quotes, no formula guard on -4); strings as ever.
        QVERIFY(bytes.contains(",spam,0.93,3,true,0.1,0.9,\"[\"\"a\"\",\"\"b\"\"]\",,\r\n"));
        QVERIFY(bytes.contains(",via tool,1.5,-4,true,,,,,\r\n"));
    }

    void csvNeutralizesAnswerStringsOnly()
    {
        write(QStringLiteral("formula.jsonl"), {schemaRequest("f1")});
        write(QStringLiteral("formula_out.jsonl"),
              {answer("f1", "{\"label\":\"=HYPERLINK(1)\",\"count\":-7,\"confidence\":-0.5}")});
        const auto joined = open(QStringLiteral("formula.jsonl"), QStringLiteral("formula_out.jsonl"));
        ExportOptions options;
        options.jsonColumns = JsonColumns::discover(*joined);
        const QString out = path(QStringLiteral("formula.csv"));
        QVERIFY(exportCsv(*joined, out, options).ok());
        const QByteArray bytes = readAll(out);
        QVERIFY2(bytes.endsWith(",'=HYPERLINK(1),-0.5,-7,,,,,,\r\n"), bytes.constData());
    }

    void withoutJsonColumnsNothingChanges()
    {
        ExportOptions plain;
        ExportOptions empty;
        empty.jsonColumns = JsonColumns(); // explicitly empty
        for (const auto &[name, exporter] : QList<std::pair<QString, decltype(&exportCsv)>>(
                 {{QStringLiteral("csv"), &exportCsv}, {QStringLiteral("jsonl"), &exportJsonl}})) {
            const QString a = path(QStringLiteral("plain.") + name);
            const QString b = path(QStringLiteral("empty.") + name);
            QVERIFY(exporter(*m_schema, a, plain, {}).ok());
            const auto report = exporter(*m_schema, b, empty, {});
            QVERIFY(report.ok());
            QCOMPARE(report.value().jsonInvalid, 0);
            QCOMPARE(readAll(a), readAll(b));
            QVERIFY(!readAll(a).contains("answer"));
        }
        QCOMPARE(exportColumns(plain), exportColumns());
    }

    void xlsxWithJsonColumns()
    {
        ExportOptions options;
        options.jsonColumns = JsonColumns::discover(*m_schema);
        const QString out = path(QStringLiteral("answers.xlsx"));
        const auto report = exportXlsx(*m_schema, out, options);
        QVERIFY2(report.ok(), qPrintable(report.errorString()));
        QCOMPARE(report.value().jsonInvalid, 1);
        const QList<QStringList> grid = readXlsx(out);
        const int base = int(exportColumns().size());
        QCOMPARE(grid.at(0).mid(base, 2), strings({"answer.label", "answer.confidence"}));
        QCOMPARE(grid.at(0).value(base + 8), QStringLiteral("answer_error"));
        const QMap<QString, XlsxCell> cells = xlsxCells(out);
        const qint64 full = rowOf(*m_schema, "full") + 1;
        const auto cell = [&](int column, qint64 row) { return cells.value(cellRef(base + column, row)); };
        QVERIFY(cell(0, full).type == QStringLiteral("s")
                || cell(0, full).type == QStringLiteral("inlineStr"));
        QCOMPARE(grid.at(full).at(base), QStringLiteral("spam"));
        QCOMPARE(cell(1, full).type, QString()); // a number cell
        QCOMPARE(cell(1, full).value.toDouble(), 0.93);
        QCOMPARE(cell(2, full).type, QString());
        QCOMPARE(cell(2, full).value, QStringLiteral("3"));
        QCOMPARE(cell(3, full).type, QStringLiteral("b"));
        QCOMPARE(cell(3, full).value, QStringLiteral("1"));
        QCOMPARE(cell(4, full).value.toDouble(), 0.1);
        const qint64 fenced = rowOf(*m_schema, "fenced") + 1;
        QCOMPARE(cell(3, fenced).type, QStringLiteral("b"));
        QCOMPARE(cell(3, fenced).value, QStringLiteral("0"));
        QCOMPARE(cell(1, fenced).value.toDouble(), 1e-7);
        // Beyond 2^53 an integer stays exact as text; a string stays a string.
        const qint64 wrong = rowOf(*m_schema, "wrongtype") + 1;
        QCOMPARE(grid.at(wrong).at(base + 2), QStringLiteral("9007199254740993"));
        QVERIFY(!cell(2, wrong).type.isEmpty());
        QCOMPARE(grid.at(wrong).at(base + 1), QStringLiteral("high"));
        const qint64 invalid = rowOf(*m_schema, "invalid") + 1;
        QCOMPARE(grid.at(invalid).value(base + 8),
                 QStringLiteral("not JSON: unexpected character at offset 15"));
        QVERIFY(!cells.contains(cellRef(base, invalid)));
    }

    void jsonlWithAnswer()
    {
        ExportOptions options;
        options.jsonColumns = JsonColumns::discover(*m_schema);
        const QString out = path(QStringLiteral("answers.jsonl"));
        const auto report = exportJsonl(*m_schema, out, options);
        QVERIFY2(report.ok(), qPrintable(report.errorString()));
        QCOMPARE(report.value().jsonInvalid, 1);
        const QList<QByteArray> lines = readAll(out).split('\n');
        QCOMPARE(lines.size(), 9); // 8 lines and the final newline
        QHash<QString, QJsonObject> byId;
        for (const QByteArray &l : lines) {
            if (l.isEmpty())
                continue;
            QJsonParseError error;
            const QJsonObject o = QJsonDocument::fromJson(l, &error).object();
            QCOMPARE(error.error, QJsonParseError::NoError);
            byId.insert(o.value(QStringLiteral("custom_id")).toString(), o);
        }
        const QJsonObject full = byId.value(QStringLiteral("full"));
        QCOMPARE(full.value(QStringLiteral("answer")).toObject(),
                 QJsonDocument::fromJson(answerFull()).object());
        QVERIFY(full.value(QStringLiteral("answer_error")).isNull());
        QVERIFY(full.value(QStringLiteral("result")).isObject());
        const QJsonObject fenced = byId.value(QStringLiteral("fenced"));
        QCOMPARE(fenced.value(QStringLiteral("answer")).toObject().value(QStringLiteral("label")).toString(),
                 QStringLiteral("ham"));
        const QJsonObject invalid = byId.value(QStringLiteral("invalid"));
        QVERIFY(invalid.value(QStringLiteral("answer")).isNull());
        QCOMPARE(invalid.value(QStringLiteral("answer_error")).toString(),
                 QStringLiteral("not JSON: unexpected character at offset 15"));
        const QJsonObject failed = byId.value(QStringLiteral("failed"));
        QVERIFY(failed.contains(QStringLiteral("answer")));
        QVERIFY(failed.value(QStringLiteral("answer")).isNull());
        QVERIFY(failed.value(QStringLiteral("answer_error")).isNull());

        // With a path, "answer" is the object there.
        JsonColumnsOptions scores;
        scores.path = QStringLiteral("$.scores");
        options.jsonColumns = JsonColumns::discover(*m_schema, scores);
        options.rows = {rowOf(*m_schema, "full"), rowOf(*m_schema, "tool")};
        const auto pathReport = exportJsonl(*m_schema, out, options);
        QVERIFY(pathReport.ok());
        QCOMPARE(pathReport.value().rows, 2);
        QCOMPARE(pathReport.value().jsonInvalid, 1); // the tool answer has no scores
        const QList<QByteArray> two = readAll(out).split('\n');
        QVERIFY2(two.at(0).contains(",\"answer\":{\"positive\":0.1,\"negative\":0.9},\"answer_error\":null,"),
                 two.at(0).constData());
        QVERIFY2(two.at(1).contains(",\"answer\":null,\"answer_error\":\"no object at \\\"$.scores\\\"\","),
                 two.at(1).constData());
    }

    void syntaxErrorsSayWhere()
    {
        const JsonColumns columns = JsonColumns::fromSchemaJson(classificationSchema());
        const auto errorOf = [&](const char *answer) {
            ResultRow row;
            row.outcome = Outcome::Succeeded;
            row.responseText = QString::fromUtf8(answer);
            return columns.extract(row).error;
        };
        // An answer cut by max_tokens, prose after the object, a bad escape, a single-quoted "JSON".
        QCOMPARE(errorOf("{\"label\": \"sp"), QStringLiteral("not JSON: unterminated string at offset 13"));
        QCOMPARE(errorOf("{\"label\": 1,"),
                 QStringLiteral("not JSON: the text ends at offset 12 before the JSON does"));
        QCOMPARE(errorOf("{\"label\": 1} I hope this helps"),
                 QStringLiteral("not JSON: text after the JSON at offset 13"));
        QCOMPARE(errorOf("{\"label\": \"a\\qb\"}"),
                 QStringLiteral("not JSON: invalid escape sequence at offset 12"));
        QCOMPARE(errorOf("{'label': 1}"), QStringLiteral("not JSON: unexpected character at offset 1"));
        QCOMPARE(errorOf("[1, 2]"), QStringLiteral("the answer is JSON but not an object"));
        QCOMPARE(errorOf("   "), QString()); // blank: no answer
    }

    void cellText()
    {
        QCOMPARE(jsonCellText(0.1 + 0.2), QStringLiteral("0.30000000000000004"));
        QCOMPARE(jsonCellText(3.0), QStringLiteral("3"));
        QCOMPARE(jsonCellText(-2.5), QStringLiteral("-2.5"));
        QCOMPARE(jsonCellText(1e21), QStringLiteral("1e+21"));
        QCOMPARE(jsonCellText(0.00001), QStringLiteral("0.00001"));
        QCOMPARE(jsonCellText(1e-7), QStringLiteral("1e-07"));
        QCOMPARE(jsonCellText(123456789012.5), QStringLiteral("123456789012.5"));
        QCOMPARE(jsonCellText(QVariant(qlonglong(9007199254740993LL))), QStringLiteral("9007199254740993"));
        QCOMPARE(jsonCellText(true), QStringLiteral("true"));
        QCOMPARE(jsonCellText(false), QStringLiteral("false"));
        QCOMPARE(jsonCellText(QVariant()), QString());
        QCOMPARE(jsonCellText(QStringLiteral("=1+1")), QStringLiteral("=1+1"));
    }
};

QTEST_GUILESS_MAIN(TestJsonColumns)
#include "tst_jsoncolumns.moc"
