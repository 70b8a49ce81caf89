// Structured answers as columns over hand-made request and result files: the columns a request's JSON schema
// gives (in the schema's order, nested as dotted names), the columns sampled answers give, path selection,
// typed values, invalid answers with their reasons, and the typed CSV, XLSX and JSONL exports.
#include "jsoncolumns_fixtures.h"
#include "results/exporters.h"
#include "results/joinedresults.h"
#include "results/jsoncolumns.h"
#include "results_readers.h"

#include <QElapsedTimer>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

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
        QElapsedTimer timer;
        timer.start();
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
