// FileTableModel: keyed replacement without resets after the first fill, total bytes against the 2 GB quota,
// expiring-soon flag, raw values for sorting.
#include "filetablemodel.h"

#include <QAbstractItemModelTester>
#include <QLocale>
#include <QSignalSpy>
#include <QTest>

using namespace Batchdesk;
using Api::FileObject;
using Models::FileTableModel;

namespace {
constexpr qint64 kNow = 1'700'000'000;

FileObject file(const QString &id, qint64 bytes, std::optional<qint64> expiresAt = std::nullopt)
{
    FileObject f;
    f.id = id;
    f.bytes = bytes;
    f.createdAt = kNow - 100;
    f.expiresAt = expiresAt;
    f.filename = id + QStringLiteral(".jsonl");
    f.purpose = QStringLiteral("batch");
    return f;
}
} // namespace

class TestFileTableModel : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates)); }

    void filesAndStorage()
    {
        FileTableModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setClock([] { return kNow * 1000; });
        QSignalSpy total(&model, &FileTableModel::totalBytesChanged);
        model.setFiles({file(QStringLiteral("file-a"), 1'500'000'000),
                        file(QStringLiteral("file-b"), 200'000'000, kNow + 3600),
                        file(QStringLiteral("file-c"), 48'200'000, kNow + 30 * 86400)});
        QCOMPARE(model.rowCount(), 3);
        QCOMPARE(model.columnCount(), int(FileTableModel::ColumnCount));
        QCOMPARE(model.totalBytes(), 1'748'200'000);
        QCOMPARE(total.size(), 1);
        QCOMPARE(model.storageLimitBytes(), FileTableModel::kDeepInfraStorageLimit);
        QCOMPARE(model.usedFraction(), 0.8741);
        QVERIFY(model.storageText().contains(u"of"));

        const auto cell = [&model](int row, int column, int role = Qt::DisplayRole) {
            return model.data(model.index(row, column), role);
        };
        const int b = model.rowOf(QStringLiteral("file-b"));
        QCOMPARE(cell(b, FileTableModel::SizeColumn).toString(), QStringLiteral("200 MB"));
        QCOMPARE(cell(b, FileTableModel::SizeColumn, FileTableModel::RawValueRole).toLongLong(), 200'000'000);
        QCOMPARE(cell(b, FileTableModel::ExpiresColumn, FileTableModel::RawValueRole).toLongLong(),
                 kNow + 3600);
        QVERIFY(cell(b, 0, FileTableModel::ExpiringSoonRole).toBool());
        QVERIFY(!cell(model.rowOf(QStringLiteral("file-c")), 0, FileTableModel::ExpiringSoonRole).toBool());
        QCOMPARE(cell(model.rowOf(QStringLiteral("file-a")), FileTableModel::ExpiresColumn).toString(),
                 QStringLiteral("never"));
        QCOMPARE(cell(b, FileTableModel::PurposeColumn).toString(), QStringLiteral("batch"));
        QCOMPARE(cell(b, FileTableModel::IdColumn, FileTableModel::FileRole).value<FileObject>().id,
                 QStringLiteral("file-b"));

        // A later listing: no reset; file-a deleted elsewhere, file-b unchanged, file-c grew, file-d new.
        QSignalSpy resets(&model, &QAbstractItemModel::modelReset);
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);
        QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
        model.setFiles({file(QStringLiteral("file-b"), 200'000'000, kNow + 3600),
                        file(QStringLiteral("file-c"), 50'000'000, kNow + 30 * 86400),
                        file(QStringLiteral("file-d"), 10)});
        QCOMPARE(resets.size(), 0);
        QCOMPARE(removed.size(), 1);
        QCOMPARE(inserted.size(), 1);
        QCOMPARE(changed.size(), 1);
        QCOMPARE(model.rowCount(), 3);
        QCOMPARE(model.totalBytes(), 250'000'010);

        model.removeFile(QStringLiteral("file-c"));
        QCOMPARE(model.rowCount(), 2);
        QCOMPARE(model.totalBytes(), 200'000'010);
        QCOMPARE(model.rowOf(QStringLiteral("file-d")), 1);

        model.setStorageLimitBytes(0);
        QCOMPARE(model.usedFraction(), 0.0);
        QVERIFY(!model.storageText().contains(u"of"));
    }
};

QTEST_MAIN(TestFileTableModel)
#include "tst_filetablemodel.moc"
