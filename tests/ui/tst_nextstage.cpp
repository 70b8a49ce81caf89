// "Build Next Stage from These Results…" on the Results page, against the app's in-process sandbox: a batch
// with json_schema answers finishes, the action opens the builder over its stage table with the answer.*
// columns, the live preview renders {{answer.label}}, and the written file's manifest links stage 1; stage
// 2's results show stage 1's response for each custom_id beside their own ("Show Previous Stage").
#include "appcontroller.h"
#include "batchespage.h"
#include "batchtablemodel.h"
#include "builderdialog.h"
#include "mainwindow.h"
#include "resultsmodel.h"
#include "resultspage.h"

#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QDir>
#include <QFile>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace Batchdesk;

namespace {

Ui::AppOptions fastOptions()
{
    Ui::AppOptions o;
    o.sandbox.latencyMs = 10;
    o.sandbox.concurrency = 4;
    o.monitor.fastIntervalMs = 150;
    o.monitor.slowIntervalMs = 600;
    Api::RetryPolicy retry;
    retry.maxRetries = 0;
    o.retryPolicy = retry;
    o.keychainTimeoutMs = 8000;
    return o;
}

QByteArray schemaLine(const QString &id, const QString &text)
{
    const QJsonObject schema {
        {QStringLiteral("type"), QStringLiteral("object")},
        {QStringLiteral("properties"),
         QJsonObject {{QStringLiteral("label"),
                       QJsonObject {{QStringLiteral("type"), QStringLiteral("string")},
                                    {QStringLiteral("enum"),
                                     QJsonArray {QStringLiteral("spam"), QStringLiteral("ham")}}}}}},
        {QStringLiteral("required"), QJsonArray {QStringLiteral("label")}}};
    const QJsonObject body {{QStringLiteral("model"), QStringLiteral("sandbox/echo")},
                            {QStringLiteral("messages"),
                             QJsonArray {QJsonObject {{QStringLiteral("role"), QStringLiteral("user")},
                                                      {QStringLiteral("content"), text}}}},
                            {QStringLiteral("response_format"),
                             QJsonObject {{QStringLiteral("type"), QStringLiteral("json_schema")},
                                          {QStringLiteral("json_schema"),
                                           QJsonObject {{QStringLiteral("name"), QStringLiteral("mail")},
                                                        {QStringLiteral("schema"), schema}}}}}};
    const QJsonObject line {{QStringLiteral("custom_id"), id},
                            {QStringLiteral("method"), QStringLiteral("POST")},
                            {QStringLiteral("url"), QStringLiteral("/v1/chat/completions")},
                            {QStringLiteral("body"), body}};
    return QJsonDocument(line).toJson(QJsonDocument::Compact) + '\n';
}

} // namespace

class TestNextStage : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<QTemporaryDir> m_data;
    std::unique_ptr<Ui::MainWindow> m_window;
    QString m_stage1;
    QString m_stage2;

    Ui::AppController *controller() const { return m_window->controller(); }
    Ui::ResultsPage *page() const { return m_window->resultsPage(); }

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(QStringLiteral("BatchdeskTests"));
        QCoreApplication::setApplicationName(QStringLiteral("tst_nextstage"));
        QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
        m_data = std::make_unique<QTemporaryDir>();
        QVERIFY(m_data->isValid());
        qputenv("BATCHDESK_DATA_DIR", m_data->filePath(QStringLiteral("data")).toUtf8());
        QSettings().clear();
        m_window = std::make_unique<Ui::MainWindow>(fastOptions());
        m_window->resize(1300, 820);
        m_window->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
        QTRY_VERIFY_WITH_TIMEOUT(controller()->isConnected(), 10000);
    }

    void cleanupTestCase()
    {
        m_window.reset();
        m_data.reset();
    }

    void actionOpensBuilderWithAnswerColumns()
    {
        QByteArray content;
        for (int i = 1; i <= 6; ++i)
            content +=
                schemaLine(QStringLiteral("mail-%1").arg(i), QStringLiteral("Is mail %1 spam?").arg(i));
        const QString input = m_data->filePath(QStringLiteral("mails.jsonl"));
        {
            QFile f(input);
            QVERIFY(f.open(QIODevice::WriteOnly));
            QCOMPARE(f.write(content), content.size());
        }
        QSignalSpy created(controller(), &Ui::AppController::batchCreated);
        Api::CreateBatchParams params;
        params.endpoint = QStringLiteral("/v1/chat/completions");
        controller()->submit(input, params);
        QVERIFY(created.wait(15000));
        const QString id = created.first().first().value<Api::Batch>().id;
        QTRY_VERIFY_WITH_TIMEOUT(
            controller()->resultsState(id) == Ui::AppController::ResultsState::Downloaded, 30000);
        page()->showBatch(id);
        m_window->showView(Ui::Sidebar::View::Results);
        QTRY_VERIFY_WITH_TIMEOUT(page()->results() != nullptr, 15000);

        auto *action = page()->findChild<QAction *>(QStringLiteral("buildNextStage"));
        QVERIFY(action);
        QTRY_VERIFY(action->isEnabled());
        QSignalSpy opened(page(), &Ui::ResultsPage::builderOpened);
        action->trigger();
        QCOMPARE(opened.size(), 1);
        auto *dialog = opened.first().first().value<Ui::BuilderDialog *>();
        QVERIFY(dialog);
        QTRY_VERIFY_WITH_TIMEOUT(dialog->table() != nullptr && !dialog->isBusy(), 15000);

        const QStringList columns = dialog->table()->columnNames();
        QVERIFY2(columns.contains(QStringLiteral("answer.label")), qPrintable(columns.join(u',')));
        QVERIFY(columns.contains(QStringLiteral("response")));
        QCOMPARE(dialog->table()->rowCount(), 6);
        auto *source = dialog->findChild<QLineEdit *>(QStringLiteral("builderCsvPath"));
        QCOMPARE(source->text(), QStringLiteral("Results of %1").arg(id));
        // The column list offers the answer columns; custom_id comes from the results by default.
        auto *idColumn = dialog->findChild<QComboBox *>(QStringLiteral("builderIdColumn"));
        QCOMPARE(idColumn->currentData().toString(), QStringLiteral("custom_id"));
        QVERIFY(idColumn->findData(QStringLiteral("answer.label")) >= 0);

        // The live preview renders the answer of the selected row.
        auto *user = dialog->findChild<QPlainTextEdit *>(QStringLiteral("builderUser"));
        QVERIFY(user);
        dialog->findChild<QComboBox *>(QStringLiteral("builderModel"))
            ->setEditText(QStringLiteral("sandbox/echo"));
        user->setPlainText(QStringLiteral("Label was {{answer.label}}."));
        const QString label = dialog->table()->cell(0, dialog->table()->columnIndex(u"answer.label"));
        QVERIFY(label == QLatin1String("spam") || label == QLatin1String("ham"));
        QTRY_VERIFY(dialog->previewText().contains(QStringLiteral("Label was %1.").arg(label)));
        QVERIFY(dialog->previewText().contains(QStringLiteral("\"custom_id\": \"mail-1\"")));

        // Writing works as for a CSV, and the manifest keeps the stage link.
        QVERIFY(dialog->outputPath().endsWith(QStringLiteral("mails-stage2.jsonl")));
        QSignalSpy built(dialog, &Ui::BuilderDialog::built);
        dialog->build();
        QVERIFY(built.wait(15000));
        QFile manifest(m_data->filePath(QStringLiteral("mails-stage2.build.json")));
        QVERIFY(manifest.open(QIODevice::ReadOnly));
        const QJsonObject link =
            QJsonDocument::fromJson(manifest.readAll()).object().value(QLatin1String("source")).toObject();
        QCOMPARE(link.value(QLatin1String("stage")).toInt(), 2);
        QCOMPARE(link.value(QLatin1String("batch_ids")).toArray().at(0).toString(), id);
        dialog->close();

        // Stage 2's results say where they came from, and the link opens stage 1's results.
        created.clear();
        controller()->submit(m_data->filePath(QStringLiteral("mails-stage2.jsonl")), params);
        QVERIFY(created.wait(15000));
        const QString stage2 = created.first().first().value<Api::Batch>().id;
        m_stage1 = id;
        m_stage2 = stage2;
        QTRY_VERIFY_WITH_TIMEOUT(
            controller()->resultsState(stage2) == Ui::AppController::ResultsState::Downloaded, 30000);
        page()->showBatch(stage2);
        QTRY_VERIFY_WITH_TIMEOUT(page()->results() != nullptr && page()->batchId() == stage2, 15000);
        auto *subtitle = page()->findChild<QLabel *>(QStringLiteral("resultsSubtitle"));
        QTRY_VERIFY(subtitle->text().contains(QStringLiteral("Stage 2, built from the results of")));
        QVERIFY(subtitle->text().contains(QStringLiteral("href=\"batch:%1\"").arg(id)));
        emit subtitle->linkActivated(QStringLiteral("batch:%1").arg(id));
        QTRY_COMPARE(page()->batchId(), id);
        QTRY_VERIFY_WITH_TIMEOUT(page()->results() != nullptr, 15000);
        QVERIFY(!subtitle->text().contains(QStringLiteral("Stage 2")));
    }

    void previousStageColumn()
    {
        QVERIFY2(!m_stage2.isEmpty(), "needs the two stages of the test before");
        using Models::ResultsModel;
        auto *box = page()->findChild<QCheckBox *>(QStringLiteral("showPreviousStage"));
        QVERIFY(box);
        ResultsModel *model = page()->model();

        // Stage 1's answers, by custom_id; stage 1 itself has no previous stage to show.
        page()->showBatch(m_stage1);
        QTRY_VERIFY_WITH_TIMEOUT(page()->results() != nullptr && page()->batchId() == m_stage1, 15000);
        QVERIFY(box->isHidden());
        QHash<QString, QString> stage1;
        for (int r = 0; r < model->rowCount(); ++r) {
            const Results::ResultRow row = model->resultRow(r);
            stage1.insert(row.customId, row.responseText);
        }
        QCOMPARE(stage1.size(), 6);
        QVERIFY(!stage1.value(QStringLiteral("mail-1")).isEmpty());

        page()->showBatch(m_stage2);
        QTRY_VERIFY_WITH_TIMEOUT(page()->results() != nullptr && page()->batchId() == m_stage2, 15000);
        QTRY_VERIFY(!box->isHidden());
        QVERIFY(!box->isChecked());
        const int columns = model->columnCount();
        QCOMPARE(model->previousColumn(), -1);

        // On: one more column whose cell is stage 1's response for the same custom_id.
        box->click();
        QTRY_COMPARE_WITH_TIMEOUT(model->columnCount(), columns + 1, 15000);
        const int previous = model->previousColumn();
        QCOMPARE(previous, columns);
        QCOMPARE(model->headerData(previous, Qt::Horizontal).toString(), QStringLiteral("Previous response"));
        QCOMPARE(model->rowCount(), 6);
        for (int r = 0; r < model->rowCount(); ++r) {
            const QString id = model->data(model->index(r, ResultsModel::CustomIdColumn)).toString();
            QVERIFY2(stage1.contains(id), qPrintable(id));
            QCOMPARE(model->data(model->index(r, previous)).toString(), stage1.value(id));
            // Stage 2's own answer is another text (it echoes the prompt built from stage 1's label).
            QVERIFY(model->data(model->index(r, ResultsModel::ResponseColumn)).toString()
                    != stage1.value(id));
        }
        QVERIFY2(page()->previousStageStatus().contains(QStringLiteral("6 request")),
                 qPrintable(page()->previousStageStatus()));
        QVERIFY(!page()->view()->isColumnHidden(previous));

        // Off: the column goes.
        box->click();
        QCOMPARE(model->columnCount(), columns);
        QCOMPARE(model->previousColumn(), -1);
        QVERIFY(!box->isHidden());

        // Stage 1's input is gone since the page was shown: the error is shown and the switch turns off.
        QDir dir(m_data->path());
        QVERIFY(dir.rename(QStringLiteral("mails.jsonl"), QStringLiteral("mails.moved")));
        box->click();
        QTRY_VERIFY_WITH_TIMEOUT(!page()->isOpeningPreviousStage() && !box->isChecked(), 15000);
        QVERIFY2(page()->previousStageStatus().contains(QStringLiteral("could not be opened")),
                 qPrintable(page()->previousStageStatus()));
        QCOMPARE(model->columnCount(), columns);
        QVERIFY(dir.rename(QStringLiteral("mails.moved"), QStringLiteral("mails.jsonl")));
    }
};

QTEST_MAIN(TestNextStage)
#include "tst_nextstage.moc"
