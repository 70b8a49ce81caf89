// Screenshots for the README and for looking at the app by eye, in English and German:
//   BATCHDESK_SCREENSHOT_DIR=/tmp/shots ./tests/ui/tst_screenshots
// Without the variable every case is skipped (the suite stays fast). Each case drives the real window
// against its in-process sandbox: a finished batch seen after a restart, the results after two exports, a job
// with a retry round (its dialog and the Jobs view), a bad account.
#include "appcontroller.h"
#include "batchespage.h"
#include "batchtablemodel.h"
#include "filedialog.h"
#include "jobspage.h"
#include "jobtreemodel.h"
#include "jsonl/splitter.h"
#include "languagemenu.h"
#include "mainwindow.h"
#include "messagebanner.h"
#include "realtime/localbatches.h"
#include "resultsmodel.h"
#include "resultspage.h"
#include "validationpage.h"

#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QDialog>
#include <QDir>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QPointer>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QSpinBox>
#include <QStandardPaths>
#include <QTableView>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>
#include <QTranslator>
#include <QTreeView>

#include <memory>

using namespace Batchdesk;

namespace {

Ui::AppOptions options()
{
    Ui::AppOptions o;
    o.sandbox.latencyMs = 150;
    o.sandbox.concurrency = 2;
    o.monitor.fastIntervalMs = 300;
    o.monitor.slowIntervalMs = 1000;
    Api::RetryPolicy retry;
    retry.maxRetries = 0;
    o.retryPolicy = retry;
    return o;
}

} // namespace

class TestScreenshots : public QObject
{
    Q_OBJECT

private:
    QString m_out;
    std::unique_ptr<QTemporaryDir> m_data;
    std::unique_ptr<Ui::MainWindow> m_window;

    template<typename T>
    T *find(const char *name) const
    {
        return m_window->findChild<T *>(QString::fromLatin1(name));
    }

    void start()
    {
        m_window = std::make_unique<Ui::MainWindow>(options());
        m_window->resize(1280, 760);
        m_window->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
        QTRY_VERIFY_WITH_TIMEOUT(m_window->controller()->isConnected(), 10000);
    }

    void save(QWidget *widget, const QString &language, const char *name)
    {
        QTest::qWait(300); // let the last paint and the chart's animation settle
        const QString path = QStringLiteral("%1/%2-%3.png").arg(m_out, QString::fromLatin1(name), language);
        QVERIFY2(widget->grab().save(path), qPrintable(path));
    }

    QString sampleFile()
    {
        // Twenty requests, three of them fail in the sandbox.
        const QString path = m_data->filePath(QStringLiteral("reviews.jsonl"));
        QFile f(path);
        if (!f.open(QIODevice::WriteOnly))
            return {};
        for (int i = 1; i <= 20; ++i) {
            const QString text = i % 7 == 0 ? QStringLiteral("Review %1 [[fail]]").arg(i)
                                            : QStringLiteral("Classify the sentiment of review %1.").arg(i);
            f.write(QStringLiteral("{\"custom_id\": \"review-%1\", \"method\": \"POST\", \"url\": "
                                   "\"/v1/chat/completions\", \"body\": {\"model\": \"sandbox/echo\", "
                                   "\"messages\": [{\"role\": \"user\", \"content\": \"%2\"}]}}\n")
                        .arg(i, 2, 10, QLatin1Char('0'))
                        .arg(text)
                        .toUtf8());
        }
        return path;
    }

private slots:
    void initTestCase()
    {
        m_out = qEnvironmentVariable("BATCHDESK_SCREENSHOT_DIR");
        if (m_out.isEmpty())
            QSKIP("Set BATCHDESK_SCREENSHOT_DIR to take the screenshots");
        QDir().mkpath(m_out);
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(QStringLiteral("BatchdeskTests"));
        QCoreApplication::setApplicationName(QStringLiteral("tst_screenshots"));
    }

    void screens_data()
    {
        QTest::addColumn<QString>("language");
        QTest::newRow("en") << QStringLiteral("en");
        QTest::newRow("de") << QStringLiteral("de");
    }

    void screens()
    {
        QFETCH(QString, language);
        QLocale::setDefault(
            QLocale(language == QLatin1String("de") ? QStringLiteral("de_DE") : QStringLiteral("en_US")));
        Ui::LanguageMenu::installTranslators(QCoreApplication::instance(), language);
        m_data = std::make_unique<QTemporaryDir>();
        qputenv("BATCHDESK_DATA_DIR", m_data->path().toUtf8());
        QSettings().clear();
        start();
        if (QTest::currentTestFailed())
            return;

        // A batch runs to the end, then the app starts again: the batches page shows it restored.
        QSignalSpy created(m_window->controller(), &Ui::AppController::batchCreated);
        Api::CreateBatchParams params;
        params.endpoint = QStringLiteral("/v1/chat/completions");
        params.metadata.insert(QStringLiteral("description"), QStringLiteral("review sentiment"));
        m_window->controller()->submit(sampleFile(), params);
        QVERIFY(created.wait(15000));
        const QString id = created.first().first().value<Api::Batch>().id;
        auto done = [this, id] {
            return m_window->controller()->resultsState(id) == Ui::AppController::ResultsState::Downloaded;
        };
        QTRY_VERIFY_WITH_TIMEOUT(done(), 30000);
        QTest::qWait(1200);
        m_window.reset();
        start();
        if (QTest::currentTestFailed())
            return;
        m_window->showView(Ui::Sidebar::View::Batches);
        m_window->batchesPage()->selectBatch(id);
        save(m_window.get(), language, "batches-restored");

        // The results after two exports in a row: the Export button is available again.
        m_window->batchesPage()->selectBatch(id);
        find<QAction>("openResultsAction")->trigger();
        QTRY_VERIFY_WITH_TIMEOUT(m_window->resultsPage()->results() != nullptr, 15000);
        QSignalSpy exported(m_window->resultsPage(), &Ui::ResultsPage::exportFinished);
        Ui::FileDialog::setNextFileName(m_data->filePath(QStringLiteral("reviews-results.csv")));
        find<QAction>("export_csv")->trigger();
        QVERIFY(exported.wait(10000));
        Ui::FileDialog::setNextFileName(m_data->filePath(QStringLiteral("reviews-results.xlsx")));
        find<QAction>("export_xlsx")->trigger();
        QVERIFY(exported.wait(10000));
        m_window->resultsPage()->view()->setCurrentIndex(m_window->resultsPage()->model()->index(6, 0));
        save(m_window.get(), language, "results-after-exports");

        // A job of three parts with one automatic retry round (its two [[fail]] requests fail again), as the
        // job dialog offers it, then the Jobs view with the job's parts and its round.
        Jsonl::SplitLimits limits;
        limits.maxLines = 7;
        const auto parts =
            Jsonl::splitJsonl(sampleFile(), m_data->filePath(QStringLiteral("parts")),
                              QStringLiteral("reviews"), Jsonl::LimitProfile::deepinfra(), false, limits);
        QVERIFY(parts.ok());
        Ui::JobDraft draft;
        draft.name = QStringLiteral("reviews.jsonl");
        draft.sourcePath = m_data->filePath(QStringLiteral("reviews.jsonl"));
        draft.folder = m_data->filePath(QStringLiteral("parts"));
        draft.endpoint = QStringLiteral("/v1/chat/completions");
        draft.parts = parts.value();
        m_window->submitJob(draft);
        QPointer<QDialog> jobDialog = find<QDialog>("createBatchDialog");
        QVERIFY(jobDialog);
        jobDialog->findChild<QCheckBox *>(QStringLiteral("createRetry"))->setChecked(true);
        auto *rounds = jobDialog->findChild<QComboBox *>(QStringLiteral("createRetryRounds"));
        rounds->setCurrentIndex(rounds->findData(1));
        save(jobDialog, language, "job-dialog");
        QTest::mouseClick(jobDialog->findChild<QPushButton *>(QStringLiteral("createOkButton")),
                          Qt::LeftButton);
        auto *jobs = m_window->controller()->jobModel();
        QTRY_VERIFY_WITH_TIMEOUT(jobs->jobCount() == 1
                                     && jobs->index(0, 0).data(Models::JobTreeModel::JobStateRole).toInt()
                                         == int(Store::Job::State::Finished),
                                 60000);
        m_window->showView(Ui::Sidebar::View::Jobs);
        m_window->jobsPage()->view()->expandAll();
        m_window->jobsPage()->selectJob(jobs->index(0, 0).data(Models::JobTreeModel::JobIdRole).toString());
        save(m_window.get(), language, "jobs");

        // A bad account: nothing listens at the base URL.
        quint16 port = 0;
        {
            QTcpServer probe;
            QVERIFY(probe.listen(QHostAddress::LocalHost));
            port = probe.serverPort();
        }
        find<QAction>("addAccountAction")->trigger();
        QPointer<QDialog> dialog = find<QDialog>("accountDialog");
        QVERIFY(dialog);
        auto *preset = dialog->findChild<QComboBox *>(QStringLiteral("accountPreset"));
        preset->setCurrentIndex(preset->findData(int(Store::Preset::Custom)));
        dialog->findChild<QLineEdit *>(QStringLiteral("accountName"))->setText(QStringLiteral("Staging"));
        dialog->findChild<QLineEdit *>(QStringLiteral("accountBaseUrl"))
            ->setText(QStringLiteral("http://127.0.0.1:%1/v1").arg(port));
        dialog->findChild<QLineEdit *>(QStringLiteral("accountKey"))->setText(QStringLiteral("sk-staging"));
        auto *result = dialog->findChild<QLabel *>(QStringLiteral("testConnectionResult"));
        QTest::mouseClick(dialog->findChild<QPushButton *>(QStringLiteral("testConnectionButton")),
                          Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(result->text().contains(QString::number(port)), 20000);
        save(dialog, language, "account-error");
        dialog->reject();

        m_window.reset();
        qDeleteAll(QCoreApplication::instance()->findChildren<QTranslator *>());
    }

    // "Run here" (issue 15), in English: the account dialog's Run here section, and Finish the Rest in Real
    // Time… for a job whose batches run (docs/screenshot-run-here-account.png, -finish-realtime.png).
    void runHere()
    {
        QLocale::setDefault(QLocale(QStringLiteral("en_US")));
        Ui::LanguageMenu::installTranslators(QCoreApplication::instance(), QStringLiteral("en"));
        m_data = std::make_unique<QTemporaryDir>();
        qputenv("BATCHDESK_DATA_DIR", m_data->path().toUtf8());
        QSettings().clear();
        start();
        if (QTest::currentTestFailed())
            return;
        const auto grab = [this](QWidget *widget, const char *name) {
            QTest::qWait(300);
            const QString path = QStringLiteral("%1/%2.png").arg(m_out, QString::fromLatin1(name));
            QVERIFY2(widget->grab().save(path), qPrintable(path));
        };

        find<QAction>("addAccountAction")->trigger();
        QPointer<QDialog> dialog = find<QDialog>("accountDialog");
        QVERIFY(dialog);
        auto *preset = dialog->findChild<QComboBox *>(QStringLiteral("accountPreset"));
        preset->setCurrentIndex(preset->findData(int(Store::Preset::Realtime)));
        dialog->findChild<QLineEdit *>(QStringLiteral("accountName"))->setText(QStringLiteral("Local vLLM"));
        dialog->findChild<QComboBox *>(QStringLiteral("accountDefaultModel"))
            ->setEditText(QStringLiteral("meta-llama/Llama-3.1-8B-Instruct"));
        dialog->findChild<QSpinBox *>(QStringLiteral("realtimeConcurrency"))->setValue(16);
        dialog->findChild<QSpinBox *>(QStringLiteral("realtimeTpm"))->setValue(200000);
        dialog->findChild<QLineEdit *>(QStringLiteral("realtimeModelMap"))
            ->setText(QStringLiteral("gpt-4o-mini=meta-llama/Llama-3.1-8B-Instruct"));
        dialog->adjustSize();
        grab(dialog, "run-here-account");
        dialog->reject();
        QTRY_VERIFY(dialog.isNull());

        // A Run here account, then a job of the sandbox account whose batches run.
        Store::Account runHere;
        runHere.name = QStringLiteral("Local vLLM");
        runHere.preset = Store::Preset::Realtime;
        runHere.baseUrl = QUrl(QStringLiteral("http://localhost:8000/v1"));
        runHere.keySource = Store::KeySource::None;
        runHere.runSettings = Realtime::RunSettings().toJson();
        bool saved = false;
        m_window->controller()->saveAccount(
            runHere, std::nullopt, [&](const QString &) { saved = true; }, false);
        QTRY_VERIFY(saved);
        Jsonl::SplitLimits limits;
        limits.maxLines = 7;
        const auto parts =
            Jsonl::splitJsonl(sampleFile(), m_data->filePath(QStringLiteral("parts")),
                              QStringLiteral("reviews"), Jsonl::LimitProfile::deepinfra(), false, limits);
        QVERIFY(parts.ok());
        Ui::JobDraft draft;
        draft.name = QStringLiteral("reviews.jsonl");
        draft.sourcePath = m_data->filePath(QStringLiteral("reviews.jsonl"));
        draft.folder = m_data->filePath(QStringLiteral("parts"));
        draft.endpoint = QStringLiteral("/v1/chat/completions");
        draft.parts = parts.value();
        m_window->submitJob(draft);
        QPointer<QDialog> jobDialog = find<QDialog>("createBatchDialog");
        QVERIFY(jobDialog);
        QTest::mouseClick(jobDialog->findChild<QPushButton *>(QStringLiteral("createOkButton")),
                          Qt::LeftButton);
        auto *jobs = m_window->controller()->jobModel();
        QTRY_VERIFY(jobs->jobCount() == 1);
        const QString jobId = jobs->index(0, 0).data(Models::JobTreeModel::JobIdRole).toString();
        QTRY_VERIFY_WITH_TIMEOUT(jobs->job(jobId)->succeeded() >= 3, 30000);
        m_window->showView(Ui::Sidebar::View::Jobs);
        m_window->jobsPage()->selectJob(jobId);
        find<QAction>("finishRealtimeAction")->trigger();
        QPointer<QDialog> finish = find<QDialog>("realtimeFallbackDialog");
        QVERIFY(finish);
        QTRY_VERIFY(finish->isVisible());
        finish->adjustSize();
        grab(finish, "finish-realtime");
        finish->reject();
        QVERIFY(m_window->controller()->cancelJob(jobId).ok());
        m_window.reset();
        qDeleteAll(QCoreApplication::instance()->findChildren<QTranslator *>());
    }
};

QTEST_MAIN(TestScreenshots)
#include "tst_screenshots.moc"
