// "Build from CSV" on the real widgets against the in-process sandbox: a CSV with the usual spreadsheet
// quirks becomes requests (live preview, problems as you type), is split over a (small) limit profile, the
// parts are submitted as one job through the Create Batch dialog, and the job's results open as one table.
#include "appcontroller.h"
#include "batchtablemodel.h"
#include "builderdialog.h"
#include "createbatchdialog.h"
#include "mainwindow.h"
#include "resultsmodel.h"
#include "resultspage.h"
#include "validationpage.h"

#include <QCheckBox>
#include <QComboBox>
#include <QFile>
#include <QFontDatabase>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QPointer>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QSpinBox>
#include <QStackedWidget>
#include <QStandardPaths>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace Batchdesk;

class TestBuilderDialog : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<QTemporaryDir> m_data;
    std::unique_ptr<Ui::MainWindow> m_window;

    template<typename T>
    static T *child(QWidget *w, const char *name)
    {
        return w->findChild<T *>(QString::fromLatin1(name));
    }

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(QStringLiteral("BatchdeskTests"));
        QCoreApplication::setApplicationName(QStringLiteral("tst_builderdialog"));
        QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
    }

    void init()
    {
        m_data = std::make_unique<QTemporaryDir>();
        QVERIFY(m_data->isValid());
        qputenv("BATCHDESK_DATA_DIR", m_data->filePath(QStringLiteral("data")).toUtf8());
        QSettings().clear();
        Ui::AppOptions o;
        o.sandbox.latencyMs = 10;
        o.sandbox.concurrency = 4;
        o.monitor.fastIntervalMs = 150;
        o.monitor.slowIntervalMs = 600;
        Api::RetryPolicy retry;
        retry.maxRetries = 0;
        o.retryPolicy = retry;
        m_window = std::make_unique<Ui::MainWindow>(o);
        m_window->resize(1300, 820);
        m_window->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
        QTRY_VERIFY_WITH_TIMEOUT(m_window->controller()->isConnected(), 10000);
    }

    void cleanup()
    {
        m_window.reset();
        m_data.reset();
    }

    void csvToJobToJoinedResults()
    {
        // Semicolons, a BOM, a quoted cell with a newline and a doubled quote, non-ASCII text.
        const QString csv = m_data->filePath(QStringLiteral("reviews.csv"));
        {
            QFile f(csv);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write("\xEF\xBB\xBFid;review;stars\r\n"
                    "a1;Great product;5\r\n"
                    "a2;\"Broke after a day;\nwould not \"\"recommend\"\"\";1\r\n"
                    "a3;Très bien, 東京 delivery;4\r\n"
                    "a4;Okay;3\r\n"
                    "a5;Meh;2\r\n");
        }
        Jsonl::LimitProfile small = Jsonl::LimitProfile::deepinfra();
        small.maxLines = 2; // five rows: three parts
        Ui::BuilderDialog dialog(m_window->controller(), small, m_window.get());
        connect(&dialog, &Ui::BuilderDialog::submitJobRequested, m_window.get(), &Ui::MainWindow::submitJob);
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        QSignalSpy loaded(&dialog, &Ui::BuilderDialog::csvLoaded);
        dialog.loadCsv(csv);
        QVERIFY(loaded.wait(10000));
        QVERIFY(dialog.table());
        QCOMPARE(dialog.table()->rowCount(), 5);
        // Tab goes through the form in reading order.
        QCOMPARE(child<QWidget>(&dialog, "builderCsvPath")->nextInFocusChain(),
                 child<QWidget>(&dialog, "builderBrowseCsv"));
        auto *temperature =
            qobject_cast<QCheckBox *>(child<QWidget>(&dialog, "builderIdColumn")->nextInFocusChain());
        QVERIFY(temperature);
        QCOMPARE(temperature->text(),
                 QStringLiteral("Temperature")); // the parameters follow the custom_id choice
        auto *preview = child<QTableWidget>(&dialog, "builderPreview");
        QCOMPARE(preview->columnCount(), 3);
        QCOMPARE(preview->horizontalHeaderItem(1)->text(), QStringLiteral("review"));
        QVERIFY(child<QLabel>(&dialog, "builderCsvInfo")->text().contains(QStringLiteral("semicolon")));

        // Templates with an unknown placeholder: reported at once, nothing previewed.
        child<QComboBox>(&dialog, "builderModel")->setEditText(QStringLiteral("sandbox/echo"));
        child<QPlainTextEdit>(&dialog, "builderSystem")->setPlainText(QStringLiteral("Rate in one word."));
        auto *user = child<QPlainTextEdit>(&dialog, "builderUser");
        user->setPlainText(QStringLiteral("Review ({{stars}} stars): {{revew}}"));
        QTRY_VERIFY(dialog.problems().join(u'\n').contains(QStringLiteral("revew")));
        QVERIFY(!dialog.previewText().contains(QStringLiteral("\"model\"")));
        user->setPlainText(QStringLiteral("Review ({{stars}} stars): {{review}}"));
        auto *idColumn = child<QComboBox>(&dialog, "builderIdColumn");
        idColumn->setCurrentIndex(idColumn->findData(QStringLiteral("id")));
        // The live preview of row 2 is its exact request, the cell's newline and quotes escaped.
        child<QSpinBox>(&dialog, "builderPreviewRow")->setValue(2);
        QTRY_VERIFY2(dialog.previewText().contains(QStringLiteral("\"custom_id\": \"a2\"")),
                     qPrintable(dialog.previewText()));
        QVERIFY(dialog.previewText().contains(
            QStringLiteral("Review (1 stars): Broke after a day;\\nwould not \\\"recommend\\\"")));
        QVERIFY(dialog.problems().join(u'\n').contains(QStringLiteral("No problems")));

        if (const QString dir = qEnvironmentVariable("BATCHDESK_GRAB_DIR"); !dir.isEmpty())
            dialog.grab().save(dir + QStringLiteral("/builder.png"));
        // Build: three parts within the profile, each validated.
        dialog.setOutputPath(m_data->filePath(QStringLiteral("reviews.jsonl")));
        QSignalSpy built(&dialog, &Ui::BuilderDialog::built);
        QTest::mouseClick(child<QPushButton>(&dialog, "builderBuild"), Qt::LeftButton);
        QVERIFY(built.wait(10000));
        QCOMPARE(dialog.report().parts.size(), 3);
        QCOMPARE(dialog.report().parts.at(0).path, m_data->filePath(QStringLiteral("reviews-001.jsonl")));
        QCOMPARE(dialog.report().parts.at(2).lines, 1);
        QVERIFY(dialog.report().valid());
        auto *submit = child<QPushButton>(&dialog, "builderSubmitJob");
        QVERIFY(submit->isVisible());
        QVERIFY(submit->text().contains(QStringLiteral("Submit 3 batch")));

        // Submit as one job: one Create Batch dialog for all parts.
        QTest::mouseClick(submit, Qt::LeftButton);
        QPointer<QDialog> create = m_window->findChild<QDialog *>(QStringLiteral("createBatchDialog"));
        QVERIFY(create);
        QTRY_VERIFY(create->isVisible());
        QVERIFY(
            child<QLabel>(create, "createHeading")->text().contains(QStringLiteral("5 requests in 3 batch")));
        QTest::mouseClick(child<QPushButton>(create, "createOkButton"), Qt::LeftButton);

        auto *controller = m_window->controller();
        QString job;
        QTRY_VERIFY_WITH_TIMEOUT(
            [&] {
                for (const auto &b : controller->batchModel()->batches())
                    job = b.metadata.value(QStringLiteral("batchdesk_job"));
                return !job.isEmpty() && controller->jobBatches(job).size() == 3;
            }(),
            30000);
        const auto members = controller->jobBatches(job);
        QCOMPARE(members.at(0).metadata.value(QStringLiteral("batchdesk_part")), QStringLiteral("1/3"));
        QCOMPARE(members.at(2).metadata.value(QStringLiteral("batchdesk_part")), QStringLiteral("3/3"));
        QVERIFY(Models::BatchTableModel::descriptionText(members.at(1))
                    .contains(job + QStringLiteral(", part 2/3")));
        // Each part is downloaded by itself when it finishes.
        QTRY_VERIFY_WITH_TIMEOUT(
            [&] {
                for (const auto &b : controller->jobBatches(job)) {
                    if (controller->resultsState(b.id) != Ui::AppController::ResultsState::Downloaded)
                        return false;
                }
                return true;
            }(),
            30000);

        // The job's results are one table in CSV order, each row joined to its own answer.
        auto *page = m_window->resultsPage();
        m_window->showView(Ui::Sidebar::View::Results);
        page->showBatch(members.at(1).id);
        QTRY_VERIFY_WITH_TIMEOUT(page->results() != nullptr, 15000);
        QCOMPARE(page->model()->rowCount(), 5);
        const QStringList ids {QStringLiteral("a1"), QStringLiteral("a2"), QStringLiteral("a3"),
                               QStringLiteral("a4"), QStringLiteral("a5")};
        for (int r = 0; r < 5; ++r) {
            const auto row = page->model()->resultRow(r);
            QCOMPARE(row.customId, ids.at(r));
            QCOMPARE(row.outcome, Results::Outcome::Succeeded);
        }
        QVERIFY(page->model()->resultRow(2).responseText.contains(QStringLiteral("Très bien, 東京")));
        QVERIFY(child<QLabel>(page, "resultsTitle")->text().contains(job));

        // The results appended to the original spreadsheet, row for row, in its own delimiter.
        QVERIFY(!page->manifestPath().isEmpty());
        QSignalSpy exported(page, &Ui::ResultsPage::exportFinished);
        const QString out = m_data->filePath(QStringLiteral("reviews-results.csv"));
        page->appendToCsv(out);
        QVERIFY(exported.wait(10000));
        QCOMPARE(exported.first().at(1).toString(), QString());
        QFile f(out);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QByteArray text = f.readAll();
        QVERIFY2(text.contains("id;review;stars;custom_id;outcome;response_text"), text.constData());
        QVERIFY(text.contains("a4;Okay;3;a4;succeeded;"));
        QVERIFY(text.contains("\"Broke after a day;\nwould not \"\"recommend\"\"\";1;a2;succeeded;"));
    }

    // Build & Submit: from the CSV straight to the Create Batch dialog of the written (and validated) file;
    // the hint in an empty preview is not shown as code.
    void buildAndSubmitGoesToCreate()
    {
        const QString csv = m_data->filePath(QStringLiteral("short.csv"));
        {
            QFile f(csv);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write("id,text\nx1,hello\nx2,world\nx3,again\n");
        }
        m_window->openBuilder();
        QPointer<Ui::BuilderDialog> dialog = m_window->findChild<Ui::BuilderDialog *>();
        QVERIFY(dialog);
        auto *preview = child<QPlainTextEdit>(dialog, "builderPreviewJson");
        QVERIFY(preview->toPlainText().contains(QStringLiteral("Open a CSV file")));
        QVERIFY(!preview->font().fixedPitch() || preview->font() == dialog->font());
        QSignalSpy loaded(dialog.data(), &Ui::BuilderDialog::csvLoaded);
        dialog->loadCsv(csv);
        QVERIFY(loaded.wait(10000));
        child<QComboBox>(dialog, "builderModel")->setEditText(QStringLiteral("sandbox/echo"));
        child<QPlainTextEdit>(dialog, "builderUser")->setPlainText(QStringLiteral("Say {{text}}"));
        auto *idColumn = child<QComboBox>(dialog, "builderIdColumn");
        idColumn->setCurrentIndex(idColumn->findData(QStringLiteral("id")));
        QTRY_VERIFY(preview->toPlainText().contains(QStringLiteral("\"custom_id\": \"x1\"")));
        QCOMPARE(preview->font().family(), QFontDatabase::systemFont(QFontDatabase::FixedFont).family());
        dialog->setOutputPath(m_data->filePath(QStringLiteral("short.jsonl")));
        QTest::mouseClick(child<QPushButton>(dialog, "builderBuildSubmit"), Qt::LeftButton);
        // Written, opened in Validate, found valid: the Create Batch dialog asks for the parameters.
        QTRY_VERIFY_WITH_TIMEOUT(m_window->findChild<QDialog *>(QStringLiteral("createBatchDialog")), 15000);
        auto *create = m_window->findChild<QDialog *>(QStringLiteral("createBatchDialog"));
        QVERIFY(child<QLabel>(create, "createHeading")->text().contains(QStringLiteral("3 requests")));
        QCOMPARE(m_window->validationPage()->filePath(), m_data->filePath(QStringLiteral("short.jsonl")));
        QVERIFY(dialog.isNull() || !dialog->isVisible());
        create->reject();
    }
};

QTEST_MAIN(TestBuilderDialog)
#include "tst_builderdialog.moc"
