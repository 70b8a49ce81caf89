// BatchTableModel and BatchFilterProxyModel: keyed updates as dataChanged (never a reset after the first
// fill), inserts and removals, display text and raw values, the distinguishable completed-with-failures row,
// status-group filter and free-text search; and the model fed by a real BatchMonitor over the sandbox.
#include "../e2e/e2e_util.h"
#include "api/apiclient.h"
#include "api/apijob.h"
#include "batchfilterproxymodel.h"
#include "batchtablemodel.h"
#include "displayformat.h"
#include "monitor/batchmonitor.h"
#include "sandbox/sandboxserver.h"

#include <QAbstractItemModelTester>
#include <QDateTime>
#include <QIcon>
#include <QJsonObject>
#include <QLocale>
#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace Batchdesk;
using Api::Batch;
using Models::BatchFilterProxyModel;
using Models::BatchTableModel;

namespace {
constexpr qint64 kNow = 1'700'000'000;

Batch makeBatch(const QString &id, const QString &status, qint64 completed, qint64 failed, qint64 total,
                const QString &description = {}, qint64 createdAt = kNow - 600)
{
    QJsonObject o {
        {QStringLiteral("id"), id},
        {QStringLiteral("object"), QStringLiteral("batch")},
        {QStringLiteral("endpoint"), QStringLiteral("/v1/chat/completions")},
        {QStringLiteral("model"), QStringLiteral("sandbox/echo")},
        {QStringLiteral("input_file_id"), QStringLiteral("file-in")},
        {QStringLiteral("completion_window"), QStringLiteral("24h")},
        {QStringLiteral("status"), status},
        {QStringLiteral("created_at"), createdAt},
        {QStringLiteral("in_progress_at"), createdAt + 100},
        {QStringLiteral("request_counts"),
         QJsonObject {{QStringLiteral("total"), total},
                      {QStringLiteral("completed"), completed},
                      {QStringLiteral("failed"), failed}}},
    };
    if (!description.isEmpty())
        o.insert(QStringLiteral("metadata"),
                 QJsonObject {{QStringLiteral("description"), description},
                              {QStringLiteral("team"), QStringLiteral("nlp")}});
    if (status == QLatin1StringView("completed")) {
        o.insert(QStringLiteral("completed_at"), createdAt + 500);
        o.insert(QStringLiteral("output_file_id"), QString(QStringLiteral("file-out-") + id));
    }
    return Batch::fromJson(o);
}

QList<Batch> sample()
{
    return {
        makeBatch(QStringLiteral("batch_run"), QStringLiteral("in_progress"), 600, 110, 1000,
                  QStringLiteral("Nightly eval")),
        makeBatch(QStringLiteral("batch_ok"), QStringLiteral("completed"), 50, 0, 50,
                  QStringLiteral("Embeddings")),
        makeBatch(QStringLiteral("batch_partial"), QStringLiteral("completed"), 40, 10, 50,
                  QStringLiteral("Summaries")),
        makeBatch(QStringLiteral("batch_fin"), QStringLiteral("finalizing"), 50, 0, 50),
        makeBatch(QStringLiteral("batch_bad"), QStringLiteral("failed"), 0, 0, 0,
                  QStringLiteral("Broken input")),
        makeBatch(QStringLiteral("batch_exp"), QStringLiteral("expired"), 10, 0, 50),
        makeBatch(QStringLiteral("batch_cxl"), QStringLiteral("cancelled"), 5, 0, 50, QStringLiteral("Oops")),
    };
}
} // namespace

class TestBatchTableModel : public QObject
{
    Q_OBJECT

private:
    static QVariant cell(const QAbstractItemModel &m, int row, int column, int role = Qt::DisplayRole)
    {
        return m.data(m.index(row, column), role);
    }

private slots:
    void initTestCase() { QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates)); }

    // The chart's time axis: round steps that fit the span, and labels that are never repeated
    // ("22:38 22:38 22:38" for a 25-second batch).
    void timeAxisTicks_data()
    {
        QTest::addColumn<qint64>("spanMs");
        QTest::addColumn<QString>("locale");
        for (const char *locale : {"en_US", "de_DE", "ja_JP"}) {
            for (const qint64 span : {qint64(3'000), qint64(25'000), qint64(95'000), qint64(8 * 60'000),
                                      qint64(47 * 60'000), qint64(5 * 3'600'000), qint64(30 * 3'600'000),
                                      qint64(5) * 86'400'000, qint64(40) * 86'400'000})
                QTest::addRow("%s %lld s", locale, span / 1000) << span << QString::fromLatin1(locale);
        }
    }

    void timeAxisTicks()
    {
        QFETCH(qint64, spanMs);
        QFETCH(QString, locale);
        QLocale::setDefault(QLocale(locale));
        const qint64 from = QDateTime(QDate(2026, 3, 14), QTime(22, 38, 17)).toMSecsSinceEpoch();
        const auto axis = Models::DisplayFormat::timeAxis(from, from + spanMs, 5);
        QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
        QVERIFY(axis.minMs <= from && axis.maxMs >= from + spanMs);
        QVERIFY2(axis.tickCount >= 2 && axis.tickCount <= 5, qPrintable(QString::number(axis.tickCount)));
        QCOMPARE(axis.maxMs - axis.minMs, axis.stepMs * (axis.tickCount - 1));
        QStringList labels;
        for (int i = 0; i < axis.tickCount; ++i)
            labels << QDateTime::fromMSecsSinceEpoch(axis.minMs + i * axis.stepMs).toString(axis.format);
        QCOMPARE(QSet<QString>(labels.cbegin(), labels.cend()).size(), labels.size());
        // Not much empty space: the data covers more than a third of the axis.
        QVERIFY2(spanMs * 3 > axis.maxMs - axis.minMs, qPrintable(labels.join(QStringLiteral(" | "))));
    }

    void displayAndRawValues()
    {
        BatchTableModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setClock([] { return (kNow)*1000; });
        model.setBatches(sample());
        QCOMPARE(model.rowCount(), 7);
        QCOMPARE(model.columnCount(), int(BatchTableModel::ColumnCount));
        QCOMPARE(model.headerData(BatchTableModel::OutputExpiryColumn, Qt::Horizontal).toString(),
                 QStringLiteral("Output expiry"));

        const int run = model.rowOf(QStringLiteral("batch_run"));
        QCOMPARE(cell(model, run, BatchTableModel::StatusColumn).toString(), QStringLiteral("In progress"));
        QCOMPARE(cell(model, run, BatchTableModel::ProgressColumn).toString(), QStringLiteral("71%"));
        QCOMPARE(cell(model, run, BatchTableModel::ProgressColumn, BatchTableModel::RawValueRole).toDouble(),
                 0.71);
        QCOMPARE(
            cell(model, run, BatchTableModel::ProgressColumn, BatchTableModel::CompletedRole).toLongLong(),
            600);
        QCOMPARE(cell(model, run, BatchTableModel::ProgressColumn, BatchTableModel::FailedRole).toLongLong(),
                 110);
        QCOMPARE(cell(model, run, BatchTableModel::ProgressColumn, BatchTableModel::TotalRole).toLongLong(),
                 1000);
        QCOMPARE(cell(model, run, BatchTableModel::DescriptionColumn).toString(),
                 QStringLiteral("Nightly eval"));
        QCOMPARE(cell(model, run, BatchTableModel::ModelColumn).toString(), QStringLiteral("sandbox/echo"));
        QCOMPARE(cell(model, run, BatchTableModel::EndpointColumn).toString(),
                 QStringLiteral("/v1/chat/completions"));
        // 710 done in 500 s since in_progress_at: 1.42/s, 290 left: about 204 s.
        QCOMPARE(cell(model, run, BatchTableModel::EtaColumn).toString(), QStringLiteral("~3 min"));
        QCOMPARE(
            cell(model, run, BatchTableModel::DeadlineColumn, BatchTableModel::RawValueRole).toLongLong(),
            kNow - 600 + 24 * 3600); // no expires_at: created + 24 h
        QCOMPARE(cell(model, run, BatchTableModel::CreatedColumn, BatchTableModel::RawValueRole).toLongLong(),
                 kNow - 600);
        QVERIFY(!cell(model, run, BatchTableModel::CreatedColumn).toString().isEmpty());
        QCOMPARE(cell(model, run, BatchTableModel::IdColumn, BatchTableModel::BatchRole).value<Batch>().id,
                 QStringLiteral("batch_run"));

        // finalizing reads as assembling results, not stuck.
        const int fin = model.rowOf(QStringLiteral("batch_fin"));
        QCOMPARE(cell(model, fin, BatchTableModel::StatusColumn).toString(),
                 QStringLiteral("Assembling results"));
        QCOMPARE(cell(model, fin, BatchTableModel::EtaColumn).toString(),
                 QStringLiteral("assembling results"));

        // Completed with failures is visibly not the all-green completed.
        const int ok = model.rowOf(QStringLiteral("batch_ok"));
        const int partial = model.rowOf(QStringLiteral("batch_partial"));
        QCOMPARE(cell(model, ok, BatchTableModel::StatusColumn).toString(), QStringLiteral("Completed"));
        QCOMPARE(cell(model, partial, BatchTableModel::StatusColumn).toString(),
                 QStringLiteral("Completed with failures"));
        QCOMPARE(BatchTableModel::statusIconName(model.batch(ok)), QStringLiteral("ok"));
        QCOMPARE(BatchTableModel::statusIconName(model.batch(partial)), QStringLiteral("warning"));
        QVERIFY(!cell(model, ok, 0, BatchTableModel::HasFailuresRole).toBool());
        QVERIFY(cell(model, partial, 0, BatchTableModel::HasFailuresRole).toBool());
        QVERIFY(cell(model, partial, BatchTableModel::StatusColumn, Qt::ToolTipRole)
                    .toString()
                    .contains(u"10 of 50"));
        QVERIFY(cell(model, partial, BatchTableModel::StatusColumn, BatchTableModel::RawValueRole).toInt()
                > cell(model, ok, BatchTableModel::StatusColumn, BatchTableModel::RawValueRole).toInt());
        QVERIFY(cell(model, partial, BatchTableModel::StatusColumn, Qt::DecorationRole).canConvert<QIcon>());
        QCOMPARE(cell(model, partial, 0, BatchTableModel::StatusGroupRole).toInt(),
                 int(BatchTableModel::StatusGroup::Completed));

        // Output expiry: the output file's expires_at when known.
        QVERIFY(cell(model, ok, BatchTableModel::OutputExpiryColumn).toString().isEmpty());
        Api::FileObject out;
        out.id = QStringLiteral("file-out-batch_ok");
        out.expiresAt = kNow + 3600;
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        model.setOutputFiles({out});
        QCOMPARE(changed.size(), 1);
        QCOMPARE(
            cell(model, ok, BatchTableModel::OutputExpiryColumn, BatchTableModel::RawValueRole).toLongLong(),
            kNow + 3600);
        QCOMPARE(cell(model, fin, BatchTableModel::ProgressColumn).toString(), QStringLiteral("100%"));
        QCOMPARE(
            cell(model, model.rowOf(QStringLiteral("batch_bad")), BatchTableModel::ProgressColumn).toString(),
            QString());
    }

    void updatesAreDataChangedNotResets()
    {
        BatchTableModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setBatches(sample());
        QSignalSpy resets(&model, &QAbstractItemModel::modelReset);
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
        QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);

        const int run = model.rowOf(QStringLiteral("batch_run"));
        model.updateBatches(
            {makeBatch(QStringLiteral("batch_run"), QStringLiteral("in_progress"), 800, 110, 1000),
             makeBatch(QStringLiteral("batch_new1"), QStringLiteral("validating"), 0, 0, 0),
             makeBatch(QStringLiteral("batch_new2"), QStringLiteral("validating"), 0, 0, 0)});
        QCOMPARE(resets.size(), 0);
        QCOMPARE(changed.size(), 1);
        QCOMPARE(changed.at(0).at(0).toModelIndex().row(), run);
        QCOMPARE(changed.at(0).at(0).toModelIndex().column(), 0);
        QCOMPARE(changed.at(0).at(1).toModelIndex().column(), BatchTableModel::ColumnCount - 1);
        QCOMPARE(inserted.size(), 1); // one insert for both new batches
        QCOMPARE(inserted.at(0).at(1).toInt(), 7);
        QCOMPARE(inserted.at(0).at(2).toInt(), 8);
        QCOMPARE(model.rowCount(), 9);
        QCOMPARE(cell(model, run, BatchTableModel::ProgressColumn).toString(), QStringLiteral("91%"));

        model.removeBatches(
            {QStringLiteral("batch_ok"), QStringLiteral("batch_new1"), QStringLiteral("nope")});
        QCOMPARE(removed.size(), 2);
        QCOMPARE(model.rowCount(), 7);
        QCOMPARE(model.rowOf(QStringLiteral("batch_ok")), -1);
        QCOMPARE(model.batch(model.rowOf(QStringLiteral("batch_new2"))).id, QStringLiteral("batch_new2"));
        QCOMPARE(resets.size(), 0);

        // Into an empty model, the first update inserts rows (no reset either).
        BatchTableModel empty;
        QAbstractItemModelTester emptyTester(&empty, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QSignalSpy emptyResets(&empty, &QAbstractItemModel::modelReset);
        empty.updateBatches(sample());
        QCOMPARE(empty.rowCount(), 7);
        QCOMPARE(emptyResets.size(), 0);
    }

    void filterAndSearch()
    {
        BatchTableModel model;
        model.setBatches(sample());
        BatchFilterProxyModel proxy;
        QAbstractItemModelTester tester(&proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);
        proxy.setSourceModel(&model);
        QCOMPARE(proxy.rowCount(), 7);

        using F = BatchFilterProxyModel::StatusFilter;
        proxy.setStatusFilter(F::Active);
        QCOMPARE(proxy.rowCount(), 2); // in_progress, finalizing
        proxy.setStatusFilter(F::Completed);
        QCOMPARE(proxy.rowCount(), 2); // with and without failures
        proxy.setStatusFilter(F::FailedOrExpired);
        QCOMPARE(proxy.rowCount(), 2);
        proxy.setStatusFilter(F::Cancelled);
        QCOMPARE(proxy.rowCount(), 1);
        proxy.setStatusFilter(F::All);

        proxy.setSearchText(QStringLiteral("  SUMM "));
        QCOMPARE(proxy.rowCount(), 1);
        QCOMPARE(proxy.index(0, BatchTableModel::IdColumn).data().toString(),
                 QStringLiteral("batch_partial"));
        proxy.setSearchText(QStringLiteral("batch_e"));
        QCOMPARE(proxy.rowCount(), 1); // batch_exp, by id
        proxy.setSearchText(QStringLiteral("nlp eval")); // every word, across metadata values
        QCOMPARE(proxy.rowCount(), 1);
        proxy.setSearchText(QStringLiteral("nlp"));
        proxy.setStatusFilter(F::Completed);
        QCOMPARE(proxy.rowCount(), 2);
        proxy.setSearchText({});
        proxy.setStatusFilter(F::All);

        // A status change moves a row between groups (dynamic filter).
        proxy.setStatusFilter(F::Active);
        model.updateBatches({makeBatch(QStringLiteral("batch_fin"), QStringLiteral("completed"), 50, 0, 50)});
        QCOMPARE(proxy.rowCount(), 1);
        proxy.setStatusFilter(F::All);

        // Sorting on raw values: progress as a number, not as text ("100%" < "71%" as strings).
        proxy.sort(BatchTableModel::ProgressColumn, Qt::DescendingOrder);
        QCOMPARE(proxy.index(0, BatchTableModel::ProgressColumn).data().toString(), QStringLiteral("100%"));
        proxy.sort(BatchTableModel::StatusColumn, Qt::AscendingOrder);
        QCOMPARE(proxy.index(0, BatchTableModel::IdColumn).data().toString(), QStringLiteral("batch_run"));
    }

    // The model follows a real monitor over the sandbox: rows arrive by insert, then only dataChanged.
    void fedByMonitor()
    {
        QTemporaryDir dir;
        Sandbox::SandboxConfig config;
        config.latencyMs = 10;
        config.concurrency = 2;
        config.dataDir = dir.filePath(QStringLiteral("server"));
        Sandbox::SandboxServer server(config);
        QVERIFY(server.start());
        QNetworkAccessManager nam;
        Api::ApiClient client(&nam);
        client.setBaseUrl(QUrl(server.baseUrl()));
        const QString path = dir.filePath(QStringLiteral("in.jsonl"));
        QVERIFY(writeFile(path, chatFile(20, 7)));
        auto *upload = client.uploadFile(path);
        upload->setAutoDelete(false);
        QSignalSpy uploaded(upload, &Api::ApiJob::finished);
        upload->start();
        QVERIFY(uploaded.wait(10'000));
        QVERIFY(!upload->failed());
        Api::CreateBatchParams params;
        params.inputFileId = upload->file().id;
        params.endpoint = QStringLiteral("/v1/chat/completions");
        delete upload;
        QList<Batch> created;
        for (int i = 0; i < 2; ++i) {
            auto *create = client.createBatch(params);
            create->setAutoDelete(false);
            QSignalSpy done(create, &Api::ApiJob::finished);
            create->start();
            QVERIFY(done.wait(10'000));
            QVERIFY(!create->failed());
            created.append(create->batch());
            delete create;
        }

        Monitor::BatchMonitor monitor(&client);
        Monitor::MonitorSettings s;
        s.fastIntervalMs = 30;
        s.slowIntervalMs = 100;
        monitor.setSettings(s);
        BatchTableModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setMonitor(&monitor);
        QSignalSpy resets(&model, &QAbstractItemModel::modelReset);
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
        for (const Batch &b : created)
            monitor.track(b);
        model.updateBatches(monitor.batches());
        QCOMPARE(model.rowCount(), 2);
        monitor.start();
        QTRY_VERIFY_WITH_TIMEOUT(monitor.activeCount() == 0 && !monitor.isRoundRunning(), 15'000);
        QCOMPARE(resets.size(), 0);
        QCOMPARE(inserted.size(), 1);
        QVERIFY(changed.size() >= 2);
        for (int row = 0; row < 2; ++row) {
            QCOMPARE(cell(model, row, BatchTableModel::StatusColumn).toString(),
                     QStringLiteral("Completed with failures")); // lines 0, 7, 14 fail
            QCOMPARE(
                cell(model, row, BatchTableModel::ProgressColumn, BatchTableModel::FailedRole).toLongLong(),
                3);
        }
    }
};

QTEST_MAIN(TestBatchTableModel)
#include "tst_batchtablemodel.moc"
