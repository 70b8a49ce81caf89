#include "requestsmodel.h"

#include "jsonl/lineindex.h"

#include <QAbstractItemModelTester>
#include <QFile>
#include <QLocale>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace Batchdesk;
using Models::RequestsModel;

namespace {

QByteArray requestLine(int i)
{
    const QByteArray id = QByteArray::number(i).rightJustified(5, '0');
    return QByteArrayLiteral("{\"custom_id\": \"req-") + id
        + QByteArrayLiteral(
               "\", \"method\": \"POST\", \"url\": \"/v1/chat/completions\", \"body\": {\"model\": "
               "\"deepseek-ai/DeepSeek-V3\", \"messages\": [{\"role\": \"system\", \"content\": \"Be "
               "brief.\"}, {\"role\": \"user\", \"content\": \"Question number ")
        + QByteArray::number(i) + QByteArrayLiteral(": what is \\u00e9 in \\\"UTF-8\\\"?\"}]}}\n");
}

std::shared_ptr<const Jsonl::JsonlFile> indexFile(const QString &path)
{
    auto index = Jsonl::LineIndex::build(path);
    if (!index.ok())
        return {};
    return std::make_shared<const Jsonl::JsonlFile>(index.value());
}

} // namespace

class TestRequestsModel : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_bigFile;
    static constexpr int kLines = 50'000;

private slots:
    void initTestCase()
    {
        QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
        QVERIFY(m_dir.isValid());
        m_bigFile = m_dir.filePath(QStringLiteral("big.jsonl"));
        QFile file(m_bigFile);
        QVERIFY(file.open(QIODevice::WriteOnly));
        QByteArray chunk;
        for (int i = 1; i <= kLines; ++i) {
            chunk += requestLine(i);
            if (chunk.size() > (1 << 20)) {
                file.write(chunk);
                chunk.clear();
            }
        }
        file.write(chunk);
    }

    void emptyModel()
    {
        RequestsModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QCOMPARE(model.rowCount(), 0);
        QCOMPARE(model.columnCount(), int(RequestsModel::ColumnCount));
        QVERIFY(!model.lineBytes(0).ok());
    }

    void lazyOverFiftyThousandRows()
    {
        RequestsModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        auto file = indexFile(m_bigFile);
        QVERIFY(file);
        model.setFile(file);
        QCOMPARE(model.rowCount(), kLines);
        const qint64 parsedByTester = model.parseCount();
        QVERIFY2(parsedByTester <= 10, qPrintable(QString::number(parsedByTester)));

        const auto cell = [&model](int row, int column, int role = Qt::DisplayRole) {
            return model.data(model.index(row, column), role);
        };
        // Line and Size come from the index and never parse.
        const qint64 before = model.parseCount();
        QCOMPARE(cell(kLines - 1, RequestsModel::LineColumn).toString(), QStringLiteral("50,000"));
        QCOMPARE(cell(kLines - 1, RequestsModel::LineColumn, RequestsModel::RawValueRole).toLongLong(),
                 kLines);
        const qint64 lastSize = requestLine(kLines).size() - 1;
        QCOMPARE(cell(kLines - 1, RequestsModel::SizeColumn, RequestsModel::RawValueRole).toLongLong(),
                 lastSize);
        QCOMPARE(cell(kLines - 1, RequestsModel::SizeColumn).toString(),
                 QStringLiteral("%1 B").arg(lastSize));
        QCOMPARE(model.parseCount(), before);

        QCOMPARE(cell(0, RequestsModel::CustomIdColumn).toString(), QStringLiteral("req-00001"));
        QCOMPARE(cell(0, RequestsModel::ModelColumn).toString(), QStringLiteral("deepseek-ai/DeepSeek-V3"));
        QCOMPARE(cell(0, RequestsModel::PreviewColumn).toString(),
                 QStringLiteral("Question number 1: what is \u00e9 in \"UTF-8\"?"));
        QCOMPARE(cell(24'999, RequestsModel::CustomIdColumn).toString(), QStringLiteral("req-25000"));
        QCOMPARE(cell(kLines - 1, RequestsModel::CustomIdColumn).toString(), QStringLiteral("req-50000"));
        QCOMPARE(cell(kLines - 1, RequestsModel::PreviewColumn).toString(),
                 QStringLiteral("Question number 50000: what is \u00e9 in \"UTF-8\"?"));
        QCOMPARE(cell(kLines - 1, RequestsModel::CustomIdColumn, RequestsModel::ErrorRole).toString(),
                 QString());
        QVERIFY(model.parseCount() <= before + 3);

        // Cached rows are not parsed again, whichever column asks.
        const qint64 afterThree = model.parseCount();
        QCOMPARE(cell(0, RequestsModel::PreviewColumn, Qt::ToolTipRole).toString(),
                 cell(0, RequestsModel::PreviewColumn).toString());
        QCOMPARE(cell(24'999, RequestsModel::ModelColumn).toString(),
                 QStringLiteral("deepseek-ai/DeepSeek-V3"));
        QCOMPARE(model.parseCount(), afterThree);

        const Result<QByteArray> raw = model.lineBytes(41);
        QVERIFY(raw.ok());
        QCOMPARE(raw.value(), requestLine(42).chopped(1));
    }

    void cacheIsBounded()
    {
        RequestsModel model;
        model.setCacheCapacity(500);
        model.setFile(indexFile(m_bigFile));
        // Scroll through 5,000 rows, as a view painting page after page would.
        for (int r = 0; r < 5000; ++r)
            QVERIFY(!model.data(model.index(r, RequestsModel::CustomIdColumn)).toString().isEmpty());
        QCOMPARE(model.parseCount(), 5000);
        QVERIFY(model.cachedRowCount() <= 500);
        QVERIFY(model.cachedRowCount() > 0);
        // The most recent rows are still cached, the first ones were evicted.
        model.data(model.index(4999, RequestsModel::ModelColumn));
        QCOMPARE(model.parseCount(), 5000);
        model.data(model.index(0, RequestsModel::ModelColumn));
        QCOMPARE(model.parseCount(), 5001);
        QCOMPARE(model.cacheCapacity(), 500);
    }

    void invalidLineShowsRawText()
    {
        const QString path = m_dir.filePath(QStringLiteral("mixed.jsonl"));
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(requestLine(1));
        file.write("{\"custom_id\": \"broken\", \"method\n");
        file.write("[1, 2, 3]\n");
        file.close();

        RequestsModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setFile(indexFile(path));
        QCOMPARE(model.rowCount(), 3);
        QCOMPARE(model.index(1, RequestsModel::PreviewColumn).data().toString(),
                 QStringLiteral("{\"custom_id\": \"broken\", \"method"));
        QCOMPARE(model.index(1, RequestsModel::CustomIdColumn).data().toString(), QString());
        QCOMPARE(model.index(2, RequestsModel::PreviewColumn).data().toString(), QStringLiteral("[1, 2, 3]"));
        QVERIFY(model.index(2, RequestsModel::PreviewColumn).data(Qt::DecorationRole).isValid());
        QVERIFY(!model.index(0, RequestsModel::PreviewColumn).data(Qt::DecorationRole).isValid());
    }

    void hugeLineIsNotRead()
    {
        const QString path = m_dir.filePath(QStringLiteral("huge-line.jsonl"));
        {
            QFile file(path);
            QVERIFY(file.open(QIODevice::WriteOnly));
            file.write(requestLine(1));
            file.write("{\"custom_id\": \"huge\", \"pad\": \"");
            file.write(QByteArray(17'000'000, 'a'));
            file.write("\"}\n");
        }
        RequestsModel model;
        model.setFile(indexFile(path));
        QCOMPARE(model.rowCount(), 2);
        const QString text = model.index(1, RequestsModel::PreviewColumn).data().toString();
        QVERIFY2(text.contains(QStringLiteral("too large")), qPrintable(text));
        QCOMPARE(model.index(1, RequestsModel::SizeColumn).data().toString(), QStringLiteral("17 MB"));
        QCOMPARE(model.index(0, RequestsModel::CustomIdColumn).data().toString(),
                 QStringLiteral("req-00001"));
    }

    void fileChangedOnDisk()
    {
        const QString path = m_dir.filePath(QStringLiteral("changing.jsonl"));
        {
            QFile file(path);
            QVERIFY(file.open(QIODevice::WriteOnly));
            for (int i = 1; i <= 100; ++i)
                file.write(requestLine(i));
        }
        RequestsModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QSignalSpy failures(&model, &RequestsModel::readFailed);
        model.setFile(indexFile(path));
        QCOMPARE(model.index(0, RequestsModel::CustomIdColumn).data().toString(),
                 QStringLiteral("req-00001"));

        {
            QFile file(path);
            QVERIFY(file.open(QIODevice::Append));
            file.write(requestLine(101));
        }
        // A row read before the change stays as it was; a new read reports the change instead of wrong bytes.
        QCOMPARE(model.index(0, RequestsModel::CustomIdColumn).data().toString(),
                 QStringLiteral("req-00001"));
        const QString error = model.index(50, RequestsModel::PreviewColumn).data().toString();
        QVERIFY2(error.contains(QStringLiteral("changed on disk")), qPrintable(error));
        QCOMPARE(model.index(50, RequestsModel::CustomIdColumn).data().toString(), QString());
        QCOMPARE(model.index(50, 0).data(RequestsModel::ErrorRole).toString(), error);
        QVERIFY(model.index(51, RequestsModel::PreviewColumn)
                    .data()
                    .toString()
                    .contains(QStringLiteral("changed")));
        QTRY_COMPARE(failures.count(), 1);
        QCOMPARE(failures.at(0).at(0).toString(), error);
        QTest::qWait(20);
        QCOMPARE(failures.count(), 1); // once per file

        // Opening it again (a new index) clears the state.
        model.setFile(indexFile(path));
        QCOMPARE(model.rowCount(), 101);
        QCOMPARE(model.index(100, RequestsModel::CustomIdColumn).data().toString(),
                 QStringLiteral("req-00101"));
    }

    void fileVanished()
    {
        const QString path = m_dir.filePath(QStringLiteral("vanishing.jsonl"));
        {
            QFile file(path);
            QVERIFY(file.open(QIODevice::WriteOnly));
            file.write(requestLine(1));
            file.write(requestLine(2));
        }
        RequestsModel model;
        QSignalSpy failures(&model, &RequestsModel::readFailed);
        model.setFile(indexFile(path));
        QVERIFY(QFile::remove(path));
        const QString error = model.index(1, RequestsModel::PreviewColumn).data().toString();
        QVERIFY(!error.isEmpty());
        QVERIFY(!error.startsWith(QStringLiteral("Question")));
        QTRY_COMPARE(failures.count(), 1);
    }
};

QTEST_MAIN(TestRequestsModel)
#include "tst_requestsmodel.moc"
