// Models::AllBatchesModel: the Account and Provider columns, newest first by default, a refresh that changes
// a row and adds a newer one keeps the selected row's persistent index on that batch (no reset), sorting by
// another column, and the checks of QAbstractItemModelTester throughout.
#include "allbatchesmodel.h"

#include <QAbstractItemModelTester>
#include <QJsonObject>
#include <QPersistentModelIndex>
#include <QSignalSpy>
#include <QTest>

using namespace Batchdesk;
using Models::AllBatchesModel;
using Workflow::AccountBatch;

namespace {

AccountBatch entry(qint64 accountId, const QString &account, const QString &provider, const QString &id,
                   qint64 created, const QString &status = QStringLiteral("in_progress"), int done = 1)
{
    const QJsonObject json {{QStringLiteral("id"), id},
                            {QStringLiteral("object"), QStringLiteral("batch")},
                            {QStringLiteral("endpoint"), QStringLiteral("/v1/chat/completions")},
                            {QStringLiteral("status"), status},
                            {QStringLiteral("created_at"), created},
                            {QStringLiteral("metadata"), QJsonObject {{QStringLiteral("description"), id}}},
                            {QStringLiteral("request_counts"),
                             QJsonObject {{QStringLiteral("total"), 4},
                                          {QStringLiteral("completed"), done},
                                          {QStringLiteral("failed"), 0}}}};
    return {accountId, account, provider, Api::Batch::fromJson(json)};
}

} // namespace

class TestAllBatchesModel : public QObject
{
    Q_OBJECT

private slots:
    void columnsOrderAndRefresh()
    {
        AllBatchesModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setBatches(
            {entry(1, QStringLiteral("Research"), QStringLiteral("OpenAI"), QStringLiteral("a1"), 100),
             entry(2, QStringLiteral("Inference"), QStringLiteral("DeepInfra"), QStringLiteral("b1"), 300),
             entry(1, QStringLiteral("Research"), QStringLiteral("OpenAI"), QStringLiteral("a2"), 200)});
        QCOMPARE(model.rowCount(), 3);
        QCOMPARE(model.accountCount(), 2);
        // Newest first across accounts.
        QCOMPARE(model.index(0, AllBatchesModel::IdColumn).data().toString(), QStringLiteral("b1"));
        QCOMPARE(model.index(1, AllBatchesModel::IdColumn).data().toString(), QStringLiteral("a2"));
        QCOMPARE(model.index(2, AllBatchesModel::IdColumn).data().toString(), QStringLiteral("a1"));
        QCOMPARE(model.index(0, AllBatchesModel::AccountColumn).data().toString(),
                 QStringLiteral("Inference"));
        QCOMPARE(model.index(0, AllBatchesModel::ProviderColumn).data().toString(),
                 QStringLiteral("DeepInfra"));
        QCOMPARE(model.index(0, AllBatchesModel::ProgressColumn).data().toString(), QStringLiteral("25%"));
        QCOMPARE(model.index(0, 0).data(AllBatchesModel::AccountIdRole).toLongLong(), 2);
        QCOMPARE(model.index(2, 0).data(AllBatchesModel::IdRole).toString(), QStringLiteral("a1"));

        // A refresh: a2 progressed, a newer c1 arrived. The row the user had stays theirs, without a reset.
        QPersistentModelIndex selected = model.index(model.rowOf(1, QStringLiteral("a2")), 0);
        QSignalSpy resets(&model, &QAbstractItemModel::modelReset);
        QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
        model.setBatches(
            {entry(1, QStringLiteral("Research"), QStringLiteral("OpenAI"), QStringLiteral("a1"), 100),
             entry(2, QStringLiteral("Inference"), QStringLiteral("DeepInfra"), QStringLiteral("b1"), 300),
             entry(1, QStringLiteral("Research"), QStringLiteral("OpenAI"), QStringLiteral("a2"), 200,
                   QStringLiteral("completed"), 4),
             entry(3, QStringLiteral("Sandbox"), QStringLiteral("Local sandbox"), QStringLiteral("c1"),
                   400)});
        QCOMPARE(resets.count(), 0);
        QCOMPARE(inserted.count(), 1);
        QCOMPARE(model.rowCount(), 4);
        QCOMPARE(model.index(0, AllBatchesModel::IdColumn).data().toString(), QStringLiteral("c1"));
        QVERIFY(selected.isValid());
        QCOMPARE(selected.row(), model.rowOf(1, QStringLiteral("a2")));
        QCOMPARE(selected.data(AllBatchesModel::IdRole).toString(), QStringLiteral("a2"));
        QCOMPARE(model.index(selected.row(), AllBatchesModel::ProgressColumn).data().toString(),
                 QStringLiteral("100%"));

        // By account name, ascending; the same account's batches stay newest first.
        model.sort(AllBatchesModel::AccountColumn, Qt::AscendingOrder);
        QCOMPARE(model.index(0, AllBatchesModel::AccountColumn).data().toString(),
                 QStringLiteral("Inference"));
        QCOMPARE(model.index(1, AllBatchesModel::IdColumn).data().toString(), QStringLiteral("a2"));
        QCOMPARE(model.index(2, AllBatchesModel::IdColumn).data().toString(), QStringLiteral("a1"));
        QCOMPARE(model.index(3, AllBatchesModel::AccountColumn).data().toString(), QStringLiteral("Sandbox"));
        QCOMPARE(selected.data(AllBatchesModel::IdRole).toString(), QStringLiteral("a2"));

        // An account removed: its rows go.
        model.setBatches(
            {entry(2, QStringLiteral("Inference"), QStringLiteral("DeepInfra"), QStringLiteral("b1"), 300)});
        QCOMPARE(model.rowCount(), 1);
        QCOMPARE(model.rowOf(1, QStringLiteral("a1")), -1);
    }
};

QTEST_MAIN(TestAllBatchesModel)
#include "tst_allbatchesmodel.moc"
