#include "issuesfilterproxymodel.h"
#include "issuesmodel.h"

#include <QAbstractItemModelTester>
#include <QFile>
#include <QIcon>
#include <QLocale>
#include <QTest>

using namespace Batchdesk;
using Jsonl::Code;
using Jsonl::Diagnostic;
using Jsonl::Severity;
using Models::IssuesFilterProxyModel;
using Models::IssuesModel;

class TestIssuesModel : public QObject
{
    Q_OBJECT

private:
    static QList<Diagnostic> sample()
    {
        return {
            {Severity::Error, 0, Code::TooManyLines, QStringLiteral("The file has too many lines.")},
            {Severity::Warning, 1, Code::Bom, QStringLiteral("Byte order mark.")},
            {Severity::Error, 2, Code::InvalidJson, QStringLiteral("Not valid JSON.")},
            {Severity::Error, 12345, Code::DuplicateCustomId,
             QStringLiteral("custom_id is already used on line 1.")},
            {Severity::Warning, 40, Code::StreamNotSupported, QStringLiteral("stream is true.")},
        };
    }

private slots:
    void initTestCase() { QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates)); }

    void emptyModel()
    {
        IssuesModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QCOMPARE(model.rowCount(), 0);
        QCOMPARE(model.columnCount(), int(IssuesModel::ColumnCount));
        QCOMPARE(model.headerData(IssuesModel::CodeColumn, Qt::Horizontal).toString(),
                 QStringLiteral("Code"));
    }

    void displayAndRawValues()
    {
        IssuesModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setDiagnostics(sample());
        QCOMPARE(model.rowCount(), 5);

        const auto cell = [&model](int row, int column, int role = Qt::DisplayRole) {
            return model.data(model.index(row, column), role);
        };
        QCOMPARE(cell(0, IssuesModel::SeverityColumn).toString(), QStringLiteral("Error"));
        QCOMPARE(cell(1, IssuesModel::SeverityColumn).toString(), QStringLiteral("Warning"));
        QCOMPARE(cell(0, IssuesModel::LineColumn).toString(), QStringLiteral("file"));
        QCOMPARE(cell(0, IssuesModel::LineColumn, IssuesModel::RawValueRole).toLongLong(), 0);
        QCOMPARE(cell(3, IssuesModel::LineColumn).toString(), QStringLiteral("12,345"));
        QCOMPARE(cell(3, IssuesModel::LineColumn, IssuesModel::RawValueRole).toLongLong(), 12345);
        QCOMPARE(cell(3, IssuesModel::CodeColumn).toString(), QStringLiteral("duplicate_custom_id"));
        QCOMPARE(cell(2, IssuesModel::MessageColumn).toString(), QStringLiteral("Not valid JSON."));
        QCOMPARE(cell(2, IssuesModel::MessageColumn, Qt::ToolTipRole).toString(),
                 QStringLiteral("Not valid JSON."));
        QCOMPARE(cell(4, IssuesModel::CodeColumn, IssuesModel::LineRole).toLongLong(), 40);
        QCOMPARE(cell(4, IssuesModel::MessageColumn, IssuesModel::SeverityRole).toInt(),
                 int(Severity::Warning));
        QCOMPARE(cell(0, IssuesModel::SeverityColumn, IssuesModel::RawValueRole).toInt(),
                 int(Severity::Error));

        const QVariant decoration = cell(2, IssuesModel::SeverityColumn, Qt::DecorationRole);
        QVERIFY(decoration.canConvert<QIcon>());
        // The icon set is compiled in; drawing it needs Qt's SVG icon engine (libqt6svg6) at run time.
        QVERIFY(QFile::exists(QStringLiteral(":/icons/error.svg")));
        QVERIFY(QFile::exists(QStringLiteral(":/icons/warning.svg")));
        QVERIFY(!cell(2, IssuesModel::MessageColumn, Qt::DecorationRole).isValid());
        QCOMPARE(model.diagnostic(3).code, Code::DuplicateCustomId);

        model.clear();
        QCOMPARE(model.rowCount(), 0);
    }

    void filterBySeverity_data()
    {
        QTest::addColumn<IssuesFilterProxyModel::SeverityFilter>("filter");
        QTest::addColumn<int>("rows");
        QTest::newRow("all") << IssuesFilterProxyModel::SeverityFilter::All << 5;
        QTest::newRow("errors") << IssuesFilterProxyModel::SeverityFilter::Errors << 3;
        QTest::newRow("warnings") << IssuesFilterProxyModel::SeverityFilter::Warnings << 2;
    }

    void filterBySeverity()
    {
        QFETCH(IssuesFilterProxyModel::SeverityFilter, filter);
        QFETCH(int, rows);
        IssuesModel model;
        IssuesFilterProxyModel proxy;
        proxy.setSourceModel(&model);
        QAbstractItemModelTester tester(&proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setDiagnostics(sample());
        proxy.setSeverityFilter(filter);
        QCOMPARE(proxy.rowCount(), rows);
        for (int r = 0; r < proxy.rowCount(); ++r) {
            const auto severity = Severity(proxy.index(r, 0).data(IssuesModel::SeverityRole).toInt());
            if (filter == IssuesFilterProxyModel::SeverityFilter::Errors)
                QCOMPARE(severity, Severity::Error);
            else if (filter == IssuesFilterProxyModel::SeverityFilter::Warnings)
                QCOMPARE(severity, Severity::Warning);
        }
    }

    void sortsByRawValue()
    {
        IssuesModel model;
        IssuesFilterProxyModel proxy;
        proxy.setSourceModel(&model);
        QAbstractItemModelTester tester(&proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setDiagnostics(sample());

        // Numeric, not lexical: line 12,345 sorts after line 40.
        proxy.sort(IssuesModel::LineColumn, Qt::AscendingOrder);
        QList<qint64> lines;
        for (int r = 0; r < proxy.rowCount(); ++r)
            lines << proxy.index(r, 0).data(IssuesModel::LineRole).toLongLong();
        QCOMPARE(lines, (QList<qint64> {0, 1, 2, 40, 12345}));

        proxy.sort(IssuesModel::CodeColumn, Qt::AscendingOrder);
        QCOMPARE(proxy.index(0, IssuesModel::CodeColumn).data().toString(), QStringLiteral("bom"));
        QCOMPARE(proxy.index(4, IssuesModel::CodeColumn).data().toString(), QStringLiteral("too_many_lines"));

        // Severity sorts errors first, then by line.
        proxy.sort(IssuesModel::SeverityColumn, Qt::AscendingOrder);
        QCOMPARE(proxy.index(0, 0).data(IssuesModel::LineRole).toLongLong(), 0);
        QCOMPARE(proxy.index(2, 0).data(IssuesModel::LineRole).toLongLong(), 12345);
        QCOMPARE(proxy.index(3, 0).data(IssuesModel::LineRole).toLongLong(), 1);
    }
};

QTEST_MAIN(TestIssuesModel)
#include "tst_issuesmodel.moc"
