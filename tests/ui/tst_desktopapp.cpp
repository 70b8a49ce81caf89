// End-to-end GUI tests of the desktop app against its in-process sandbox: the real MainWindow, the real
// client, monitor, database and (for accounts) the real keychain, driven by objectName.
#include "api/apiclient.h"
#include "api/apijob.h"
#include "api/types.h"
#include "appcontroller.h"
#include "batchdetail.h"
#include "batchespage.h"
#include "batchtablemodel.h"
#include "createbatchdialog.h"
#include "filedialog.h"
#include "filetablemodel.h"
#include "mainwindow.h"
#include "messagebanner.h"
#include "messagebox.h"
#include "results/resultsdownload.h"
#include "sandbox/sandboxserver.h"
#include "secrets/keychainsecretstore.h"
#include "sidebar.h"
#include "validationpage.h"

#include <QAction>
#include <QApplication>
#include <QChart>
#include <QChartView>
#include <QComboBox>
#include <QDateTimeAxis>
#include <QDialog>
#include <QDialogButtonBox>
#include <QDropEvent>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QLineSeries>
#include <QListWidget>
#include <QMimeData>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QPointer>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QStackedWidget>
#include <QStandardPaths>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>
#include <QToolButton>
#include <QTreeView>
#include <QUuid>

#include <memory>

using namespace Batchdesk;
using Models::BatchTableModel;
using Ui::MainWindow;

namespace {

QString fixture(const char *name)
{
    return QStringLiteral(BATCHDESK_TEST_DATA) + u'/' + QString::fromLatin1(name);
}

Ui::AppOptions fastOptions()
{
    Ui::AppOptions o;
    o.sandbox.latencyMs = 15;
    o.sandbox.concurrency = 4;
    o.monitor.fastIntervalMs = 150;
    o.monitor.slowIntervalMs = 600;
    o.monitor.errorInitialMs = 200;
    o.monitor.errorMaxMs = 600;
    Api::RetryPolicy retry;
    retry.maxRetries = 0;
    o.retryPolicy = retry;
    o.keychainTimeoutMs = 8000;
    return o;
}

} // namespace

class TestDesktopApp : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<QTemporaryDir> m_data;
    std::unique_ptr<MainWindow> m_window;

    template<typename T>
    T *find(const char *name) const
    {
        return m_window->findChild<T *>(QString::fromLatin1(name));
    }

    void startWindow(const Ui::AppOptions &options)
    {
        m_window.reset();
        m_data = std::make_unique<QTemporaryDir>();
        QVERIFY(m_data->isValid());
        qputenv("BATCHDESK_DATA_DIR", m_data->path().toUtf8());
        QSettings().clear();
        m_window = std::make_unique<MainWindow>(options);
        m_window->resize(1300, 820);
        m_window->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
        QTRY_VERIFY_WITH_TIMEOUT(m_window->controller()->isConnected(), 10000);
    }

    // The same data folder again: what a user sees after quitting and starting the app.
    void restartWindow(const Ui::AppOptions &options)
    {
        m_window.reset();
        m_window = std::make_unique<MainWindow>(options);
        m_window->resize(1300, 820);
        m_window->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
        QTRY_VERIFY_WITH_TIMEOUT(m_window->controller()->isConnected(), 10000);
    }

    QChart *progressChart() const
    {
        auto *view = find<QWidget>("batchDetail")->findChild<QChartView *>(QStringLiteral("progressChart"));
        return view ? view->chart() : nullptr;
    }

    // The "Done" line of the detail pane's chart.
    QList<QPointF> donePoints() const
    {
        QChart *chart = progressChart();
        if (!chart || chart->series().isEmpty())
            return {};
        return static_cast<QLineSeries *>(chart->series().first())->points();
    }

    QString writeLines(const QString &name, int lines, const QString &content = QStringLiteral("hello"))
    {
        const QString path = m_data->filePath(name);
        QFile f(path);
        if (!f.open(QIODevice::WriteOnly))
            return {};
        for (int i = 0; i < lines; ++i) {
            const QString line =
                QStringLiteral("{\"custom_id\": \"r%1\", \"method\": \"POST\", \"url\": "
                               "\"/v1/chat/completions\", \"body\": {\"model\": \"sandbox/echo\", "
                               "\"messages\": [{\"role\": \"user\", \"content\": \"%2 %1\"}]}}\n")
                    .arg(i)
                    .arg(content);
            f.write(line.toUtf8());
        }
        return path;
    }

    void dropFile(const QString &path)
    {
        QMimeData mime;
        mime.setUrls({QUrl::fromLocalFile(path)});
        const QPoint pos = m_window->rect().center();
        QDragEnterEvent enter(pos, Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
        QApplication::sendEvent(m_window.get(), &enter);
        QVERIFY(enter.isAccepted());
        QDropEvent drop(QPointF(pos), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
        QApplication::sendEvent(m_window.get(), &drop);
        QVERIFY(drop.isAccepted());
    }

    // Drop → validate → Create batch… → dialog → upload → create. Returns the new batch id in *id.
    void submitThroughUi(const QString &path, const QString &description, QString *id)
    {
        dropFile(path);
        QCOMPARE(m_window->pages()->currentWidget(), static_cast<QWidget *>(m_window->validationPage()));
        auto *create = find<QPushButton>("createBatchButton");
        QVERIFY(create);
        QTRY_VERIFY_WITH_TIMEOUT(create->isEnabled(), 10000);
        QTest::mouseClick(create, Qt::LeftButton);
        // The dialog opens once the file's checksum was compared with earlier submissions.
        QTRY_VERIFY(find<QDialog>("createBatchDialog"));
        QPointer<QDialog> dialog = find<QDialog>("createBatchDialog");
        QTRY_VERIFY(dialog->isVisible());
        auto *ok = dialog->findChild<QPushButton *>(QStringLiteral("createOkButton"));
        QVERIFY(ok && ok->isEnabled());
        dialog->findChild<QLineEdit *>(QStringLiteral("createDescription"))->setText(description);

        // Metadata is checked as you type: a 65-character key disables OK and says why.
        auto *key = dialog->findChild<QLineEdit *>(QStringLiteral("metadataKey0"));
        auto *value = dialog->findChild<QLineEdit *>(QStringLiteral("metadataValue0"));
        QVERIFY(key && value);
        QTest::keyClicks(key, QString(65, u'k'));
        QVERIFY(!ok->isEnabled());
        QVERIFY(dialog->findChild<QLabel *>(QStringLiteral("metadataProblems"))
                    ->text()
                    .contains(QStringLiteral("at most 64")));
        key->setText(QStringLiteral("project"));
        value->setText(QStringLiteral("gui-test"));
        QVERIFY(ok->isEnabled());
        QCOMPARE(dialog->findChild<QComboBox *>(QStringLiteral("outputExpiry"))->currentData().toLongLong(),
                 qint64(30 * 86400));

        QSignalSpy created(m_window->controller(), &Ui::AppController::batchCreated);
        QTest::mouseClick(ok, Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(created.count() == 1, 15000);
        const auto batch = created.first().first().value<Api::Batch>();
        QCOMPARE(batch.metadata.value(QStringLiteral("description")), description);
        QCOMPARE(batch.metadata.value(QStringLiteral("project")), QStringLiteral("gui-test"));
        *id = batch.id;
        // The list shows it, selected, and the intent was recorded with the input path.
        QCOMPARE(m_window->pages()->currentWidget(), static_cast<QWidget *>(m_window->batchesPage()));
        QVERIFY(m_window->controller()->batchModel()->rowOf(*id) >= 0);
        QCOMPARE(m_window->controller()->inputPathOf(*id), QFileInfo(path).absoluteFilePath());
    }

    QString statusOf(const QString &id) const
    {
        auto *model = m_window->controller()->batchModel();
        const int row = model->rowOf(id);
        return row < 0 ? QString() : model->batch(row).statusText;
    }

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(QStringLiteral("BatchdeskTests"));
        QCoreApplication::setApplicationName(QStringLiteral("tst_desktopapp"));
        QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
    }

    void cleanup()
    {
        m_window.reset();
        m_data.reset();
    }

    void firstStartSelectsSandbox()
    {
        startWindow(fastOptions());
        auto *accounts = find<QListWidget>("accountList");
        QVERIFY(accounts);
        QCOMPARE(accounts->count(), 1);
        QCOMPARE(accounts->currentItem()->text(), QStringLiteral("Local sandbox"));
        const auto account = m_window->controller()->currentAccount();
        QVERIFY(account);
        QVERIFY(m_window->controller()->isSandbox(*account));
        QVERIFY(m_window->controller()->sandbox() && m_window->controller()->sandbox()->isRunning());
        QVERIFY(m_window->controller()->sandbox()->dataDir().startsWith(m_data->path()));
        QCOMPARE(m_window->pages()->currentWidget(), static_cast<QWidget *>(m_window->batchesPage()));
        QVERIFY(find<QWidget>("batchesEmptyState")->isVisible());
        QTRY_VERIFY(find<QLabel>("refreshStatusLabel")->text().startsWith(QStringLiteral("Last refresh ")));
        QVERIFY(!find<QWidget>("messageBanner")->isVisible());

        // Another local user can reach the loopback port, but not without this run's key (the app has it).
        QNetworkAccessManager nam;
        for (const QByteArray &auth : {QByteArray(), QByteArray("Bearer guess")}) {
            QNetworkRequest request(
                QUrl(m_window->controller()->sandbox()->baseUrl() + QStringLiteral("/files")));
            if (!auth.isEmpty())
                request.setRawHeader("Authorization", auth);
            QNetworkReply *reply = nam.get(request);
            QSignalSpy done(reply, &QNetworkReply::finished);
            QVERIFY(done.wait(10000));
            QCOMPARE(reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 401);
            delete reply;
        }
    }

    void dropCreateAndWatchCompletion()
    {
        startWindow(fastOptions());
        QString id;
        submitThroughUi(fixture("sandbox_chat.jsonl"), QStringLiteral("gui demo"), &id);
        if (QTest::currentTestFailed())
            return;
        QTRY_COMPARE_WITH_TIMEOUT(statusOf(id), QStringLiteral("completed"), 20000);
        auto *model = m_window->controller()->batchModel();
        const QModelIndex progress = model->index(model->rowOf(id), BatchTableModel::ProgressColumn);
        // The fixture has one "[[fail]]" line: the bar is not all green, and the model says so.
        QCOMPARE(progress.data(BatchTableModel::TotalRole).toLongLong(), 6);
        QCOMPARE(progress.data(BatchTableModel::CompletedRole).toLongLong(), 5);
        QCOMPARE(progress.data(BatchTableModel::FailedRole).toLongLong(), 1);
        QVERIFY(progress.data(BatchTableModel::HasFailuresRole).toBool());
        // The detail pane shows it, with its output file and a notification was raised.
        QTRY_COMPARE(
            find<QWidget>("batchDetail")->findChild<QLabel *>(QStringLiteral("detailStatus"))->text(),
            BatchTableModel::statusText(model->batch(model->rowOf(id))));
        QTRY_VERIFY(!m_window->lastNotification().isEmpty());
        QVERIFY(find<QAction>("downloadResultsAction")->isEnabled());
        QVERIFY(!find<QAction>("cancelBatchAction")->isEnabled());

        // Download results into a folder chosen through the dialog seam.
        QTemporaryDir out;
        Ui::FileDialog::setNextFileName(out.path());
        find<QAction>("downloadResultsAction")->trigger();
        QTRY_VERIFY_WITH_TIMEOUT(QFileInfo::exists(out.filePath(id + QStringLiteral("_output.jsonl"))),
                                 10000);
        QTRY_COMPARE(m_window->messageBanner()->type(), Ui::MessageBanner::Type::Positive);
        // The same verified download as everywhere: whole files with a marker that vouches for them.
        QTRY_VERIFY_WITH_TIMEOUT(Results::verifiedResultFiles(out.path(), id, Results::Verify::Checksum).ok(),
                                 10000);

        // The files page lists the input, output and error files against the 2 GB quota; delete asks first.
        m_window->showView(Ui::Sidebar::View::Files);
        auto *files = find<QTreeView>("filesView");
        QVERIFY(files && files->isVisible());
        QTRY_COMPARE_WITH_TIMEOUT(files->model()->rowCount(), 3, 10000);
        QVERIFY2(find<QLabel>("storageLabel")->text().contains(QStringLiteral("of 2 GB")),
                 qPrintable(find<QLabel>("storageLabel")->text()));
        if (const QString dir = qEnvironmentVariable("BATCHDESK_GRAB_DIR"); !dir.isEmpty())
            m_window->grab().save(dir + QStringLiteral("/files-page.png"));
        files->setCurrentIndex(files->model()->index(0, 0));
        auto *remove = find<QPushButton>("deleteFileButton");
        QVERIFY(remove->isEnabled());
        Ui::MessageBox::setNextAnswer(QMessageBox::Cancel);
        QTest::mouseClick(remove, Qt::LeftButton);
        QTest::qWait(100);
        QCOMPARE(files->model()->rowCount(), 3);
        Ui::MessageBox::setNextAnswer(QMessageBox::Yes);
        QTest::mouseClick(remove, Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(files->model()->rowCount(), 2, 10000);
    }

    void cancelRunningBatch()
    {
        Ui::AppOptions slow = fastOptions();
        slow.sandbox.latencyMs = 300;
        slow.sandbox.concurrency = 1;
        startWindow(slow);
        QString id;
        submitThroughUi(writeLines(QStringLiteral("long.jsonl"), 60), QStringLiteral("long run"), &id);
        if (QTest::currentTestFailed())
            return;
        QTRY_COMPARE_WITH_TIMEOUT(statusOf(id), QStringLiteral("in_progress"), 15000);
        m_window->batchesPage()->selectBatch(id);
        QTRY_VERIFY(find<QAction>("cancelBatchAction")->isEnabled());

        QStringList seen;
        auto *model = m_window->controller()->batchModel();
        connect(model, &QAbstractItemModel::dataChanged, this, [&] {
            const QString s = statusOf(id);
            if (seen.isEmpty() || seen.last() != s)
                seen << s;
        });
        // "Keep Running" changes nothing; "Cancel Batch" cancels. The buttons say what they do.
        Ui::MessageBox::setNextAnswer(QMessageBox::No);
        find<QAction>("cancelBatchAction")->trigger();
        QTest::qWait(100);
        QCOMPARE(statusOf(id), QStringLiteral("in_progress"));
        QCOMPARE(Ui::MessageBox::lastButtons().size(), 2);
        QVERIFY(Ui::MessageBox::lastButtons().contains(QStringLiteral("Cancel Batch")));
        QVERIFY(Ui::MessageBox::lastButtons().contains(QStringLiteral("Keep Running")));
        Ui::MessageBox::setNextAnswer(QMessageBox::Yes);
        find<QAction>("cancelBatchAction")->trigger();
        QTRY_COMPARE_WITH_TIMEOUT(statusOf(id), QStringLiteral("cancelled"), 15000);
        QVERIFY2(seen.contains(QStringLiteral("cancelling")), qPrintable(seen.join(u',')));
        const auto counts = model->batch(model->rowOf(id)).requestCounts.value_or(Api::RequestCounts {});
        QVERIFY(counts.completed < 60);
    }

    void serverFailureShowsBannerAndRecovers()
    {
        startWindow(fastOptions());
        auto *banner = m_window->messageBanner();
        QVERIFY(!banner->isVisible());
        Sandbox::SandboxFaults faults;
        faults.rate500 = 1.0;
        m_window->controller()->sandbox()->setFaults(faults);
        find<QAction>("refreshAction")->trigger();
        QTRY_VERIFY_WITH_TIMEOUT(banner->isVisible(), 10000);
        QCOMPARE(banner->type(), Ui::MessageBanner::Type::Error);
        // It says what happened and what to do.
        QVERIFY2(banner->text().contains(QStringLiteral("try again")), qPrintable(banner->text()));
        QVERIFY(m_window->isEnabled());

        m_window->controller()->sandbox()->setFaults({});
        find<QAction>("refreshAction")->trigger();
        QTRY_VERIFY2_WITH_TIMEOUT(!banner->isVisible(), qPrintable(banner->text()), 10000);
    }

    void accountAddTestRemoveWithKeychain()
    {
        if (qEnvironmentVariableIsEmpty("DBUS_SESSION_BUS_ADDRESS")) {
            if (!qEnvironmentVariableIsEmpty("BATCHDESK_REQUIRE_KEYCHAIN"))
                QFAIL("BATCHDESK_REQUIRE_KEYCHAIN is set but there is no D-Bus session");
            QSKIP("No D-Bus session: the keychain is not reachable");
        }
        const QString name =
            QStringLiteral("GUI test ") + QUuid::createUuid().toString(QUuid::WithoutBraces).left(8);
        const QString key =
            QStringLiteral("sk-gui-test-") + QUuid::createUuid().toString(QUuid::WithoutBraces);
        // The custom account talks to the in-process sandbox, which takes only its own key.
        Ui::AppOptions options = fastOptions();
        options.sandbox.apiKey = key;
        startWindow(options);

        find<QAction>("addAccountAction")->trigger();
        QPointer<QDialog> dialog = find<QDialog>("accountDialog");
        QVERIFY(dialog);
        auto *preset = dialog->findChild<QComboBox *>(QStringLiteral("accountPreset"));
        preset->setCurrentIndex(preset->findData(int(Store::Preset::Custom)));
        dialog->findChild<QLineEdit *>(QStringLiteral("accountName"))->setText(name);
        dialog->findChild<QLineEdit *>(QStringLiteral("accountBaseUrl"))
            ->setText(m_window->controller()->sandbox()->baseUrl());
        auto *keyEdit = dialog->findChild<QLineEdit *>(QStringLiteral("accountKey"));
        QCOMPARE(keyEdit->echoMode(), QLineEdit::Password);
        keyEdit->setText(key);
        QTest::mouseClick(dialog->findChild<QPushButton *>(QStringLiteral("testConnectionButton")),
                          Qt::LeftButton);
        auto *result = dialog->findChild<QLabel *>(QStringLiteral("testConnectionResult"));
        QTRY_VERIFY_WITH_TIMEOUT(result->text().startsWith(QStringLiteral("Connected")), 10000);
        // Every built-in model of the sandbox is listed.
        QVERIFY2(result->text().contains(
                     QStringLiteral("%1 models").arg(Sandbox::SandboxServer::modelIds().size())),
                 qPrintable(result->text()));

        QTest::mouseClick(dialog->findChild<QDialogButtonBox *>(QStringLiteral("accountButtons"))
                              ->button(QDialogButtonBox::Ok),
                          Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(dialog.isNull() || !dialog->isVisible(), 10000);
        auto *accounts = find<QListWidget>("accountList");
        QCOMPARE(accounts->count(), 2);
        QCOMPARE(accounts->currentItem()->text(), name);
        QTRY_VERIFY_WITH_TIMEOUT(m_window->controller()->isConnected(), 10000);

        Secrets::KeychainSecretStore keychain;
        const auto stored = keychain.readSync(QStringLiteral("account/") + name);
        QVERIFY2(stored.ok(), qPrintable(stored.errorString()));
        QCOMPARE(stored.value(), key);

        Ui::MessageBox::setNextAnswer(QMessageBox::Yes);
        find<QAction>("removeAccountAction")->trigger();
        QTRY_COMPARE(accounts->count(), 1);
        QCOMPARE(accounts->currentItem()->text(), QStringLiteral("Local sandbox"));
        QTRY_VERIFY_WITH_TIMEOUT(!keychain.readSync(QStringLiteral("account/") + name).ok(), 10000);
    }

    // The chart shows what the monitor saw, also after a restart: the same points, ending at completed_at
    // (not "now"), with time labels that are all different.
    void chartPointsSurviveRestart()
    {
        Ui::AppOptions slow = fastOptions();
        slow.sandbox.latencyMs = 120;
        slow.sandbox.concurrency = 1;
        startWindow(slow);
        QString id;
        submitThroughUi(writeLines(QStringLiteral("chart.jsonl"), 12), QStringLiteral("chart"), &id);
        if (QTest::currentTestFailed())
            return;
        QTRY_COMPARE_WITH_TIMEOUT(statusOf(id), QStringLiteral("completed"), 30000);
        m_window->batchesPage()->selectBatch(id);
        auto *model = m_window->controller()->batchModel();
        const Api::Batch done = model->batch(model->rowOf(id));
        QVERIFY(done.completedAt);
        const double endMs = double(*done.completedAt) * 1000.0;
        QTRY_COMPARE(donePoints().isEmpty() ? -1.0 : donePoints().last().x(), endMs);
        const QList<QPointF> before = donePoints();
        // Zero when it started running, at least one sample in between, all 12 at completed_at.
        QVERIFY2(before.size() >= 3, qPrintable(QString::number(before.size())));
        QCOMPARE(before.first().y(), 0.0);
        QCOMPARE(before.last().y(), 12.0);
        for (int i = 1; i < before.size(); ++i)
            QVERIFY(before.at(i).x() > before.at(i - 1).x() && before.at(i).y() >= before.at(i - 1).y());

        QTest::qWait(1500); // "now" moves on; a line drawn to now would end later after the restart
        restartWindow(slow);
        if (QTest::currentTestFailed())
            return;
        m_window->batchesPage()->selectBatch(id);
        QTRY_COMPARE(donePoints(), before);

        // Ticks fit the span of a few seconds: every label differs, the axis ends within one step of the end.
        auto *axis = qobject_cast<QDateTimeAxis *>(progressChart()->axes(Qt::Horizontal).value(0));
        QVERIFY(axis);
        QStringList labels;
        const qint64 minMs = axis->min().toMSecsSinceEpoch();
        const qint64 maxMs = axis->max().toMSecsSinceEpoch();
        const qint64 step = (maxMs - minMs) / qMax(1, axis->tickCount() - 1);
        for (int i = 0; i < axis->tickCount(); ++i)
            labels << QDateTime::fromMSecsSinceEpoch(minMs + i * step).toString(axis->format());
        QCOMPARE(QSet<QString>(labels.cbegin(), labels.cend()).size(), labels.size());
        QVERIFY2(maxMs - endMs < step, qPrintable(labels.join(u' ')));
        QVERIFY(minMs <= before.first().x());
        if (const QString dir = qEnvironmentVariable("BATCHDESK_GRAB_DIR"); !dir.isEmpty())
            m_window->grab().save(dir + QStringLiteral("/batches-restored.png"));
    }

    // A base URL where nothing listens: the test names host:port in whole sentences, the text is not cut,
    // and saving these settings asks first.
    void badAccountIsExplainedAndSavingAsks()
    {
        startWindow(fastOptions());
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
        dialog->findChild<QLineEdit *>(QStringLiteral("accountName"))->setText(QStringLiteral("Nowhere"));
        dialog->findChild<QLineEdit *>(QStringLiteral("accountBaseUrl"))
            ->setText(QStringLiteral("http://127.0.0.1:%1/v1").arg(port));
        dialog->findChild<QLineEdit *>(QStringLiteral("accountKey"))->setText(QStringLiteral("sk-nothing"));
        QTest::mouseClick(dialog->findChild<QPushButton *>(QStringLiteral("testConnectionButton")),
                          Qt::LeftButton);
        auto *result = dialog->findChild<QLabel *>(QStringLiteral("testConnectionResult"));
        QTRY_VERIFY_WITH_TIMEOUT(result->text().startsWith(QStringLiteral("The test failed.")), 20000);
        const QString text = result->text();
        QVERIFY2(text.contains(QStringLiteral("127.0.0.1:%1").arg(port)), qPrintable(text));
        QVERIFY2(text.contains(QStringLiteral("). Check the network")), qPrintable(text));
        QVERIFY2(text.endsWith(u'.'), qPrintable(text));
        QTRY_VERIFY2(result->height() >= result->heightForWidth(result->width()),
                     qPrintable(QStringLiteral("%1 < %2")
                                    .arg(result->height())
                                    .arg(result->heightForWidth(result->width()))));
        if (const QString dir = qEnvironmentVariable("BATCHDESK_GRAB_DIR"); !dir.isEmpty())
            dialog->grab().save(dir + QStringLiteral("/account-error.png"));

        // OK after the failed test asks; "Go Back" keeps the dialog open and saves nothing.
        const int before = Ui::MessageBox::shownCount();
        Ui::MessageBox::setNextAnswer(QMessageBox::No);
        QTest::mouseClick(dialog->findChild<QDialogButtonBox *>(QStringLiteral("accountButtons"))
                              ->button(QDialogButtonBox::Ok),
                          Qt::LeftButton);
        QCOMPARE(Ui::MessageBox::shownCount(), before + 1);
        QVERIFY(Ui::MessageBox::lastButtons().contains(QStringLiteral("Save Anyway")));
        QVERIFY(Ui::MessageBox::lastText().contains(QStringLiteral("127.0.0.1:%1").arg(port)));
        QVERIFY(dialog && dialog->isVisible());
        QCOMPARE(m_window->controller()->accounts().size(), 1);
        dialog->reject();
    }

    // After a failed refresh with nothing running, nothing retries by itself: the status line says so
    // (not "retrying in 1 s" forever) and Retry Now refreshes at once.
    void failedRefreshShowsRealNextAttempt()
    {
        startWindow(fastOptions());
        Sandbox::SandboxFaults faults;
        faults.rate500 = 1.0;
        m_window->controller()->sandbox()->setFaults(faults);
        find<QAction>("refreshAction")->trigger();
        auto *banner = m_window->messageBanner();
        QTRY_VERIFY_WITH_TIMEOUT(banner->isVisible() && banner->type() == Ui::MessageBanner::Type::Error,
                                 10000);
        QCOMPARE(banner->actionText(), QStringLiteral("Retry Now"));
        auto *status = find<QLabel>("refreshStatusLabel");
        QTRY_VERIFY(status->text().startsWith(QStringLiteral("Refresh failed at ")));
        QTest::qWait(1500);
        QVERIFY2(status->text().contains(QStringLiteral("no automatic retry")), qPrintable(status->text()));
        QVERIFY(!status->text().contains(QStringLiteral("retrying in")));
        auto *retry = find<QToolButton>("retryNowButton");
        QVERIFY(retry && retry->isVisible());

        m_window->controller()->sandbox()->setFaults({});
        QTest::mouseClick(retry, Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(status->text().startsWith(QStringLiteral("Last refresh ")), 10000);
        QVERIFY(!retry->isVisible());
        QTRY_VERIFY(!banner->isVisible());
    }

    // Switching to an account with other limits validates the open file again; the message about it belongs
    // to the Validate page and plain notices expire.
    void accountSwitchRevalidatesAndBannersDoNotLinger()
    {
        startWindow(fastOptions());
        auto *page = m_window->validationPage();
        auto *banner = m_window->messageBanner();
        m_window->openFile(writeLines(QStringLiteral("limits.jsonl"), 3));
        QTRY_VERIFY_WITH_TIMEOUT(!page->isValidating() && page->report().lines == 3, 10000);
        QCOMPARE(page->report().profile.name, QStringLiteral("openai"));

        Store::Account other;
        other.name = QStringLiteral("Sandbox with DeepInfra limits");
        other.preset = Store::Preset::Sandbox;
        other.limitProfile = QStringLiteral("deepinfra");
        other.keySource = Store::KeySource::None;
        QString saveError = QStringLiteral("pending");
        m_window->controller()->saveAccount(other, std::nullopt,
                                            [&saveError](const QString &e) { saveError = e; });
        QTRY_COMPARE(saveError, QString());
        QTRY_COMPARE_WITH_TIMEOUT(page->report().profile.name, QStringLiteral("deepinfra"), 10000);
        QTRY_COMPARE(find<QLabel>("profileLabel")->text(), QStringLiteral("DeepInfra"));
        QVERIFY2(banner->isVisible() && banner->text().contains(QStringLiteral("validated again")),
                 qPrintable(banner->text()));
        QCOMPARE(banner->owner(), static_cast<QWidget *>(page));
        // It is about the Validate page: it does not follow to the batches.
        m_window->showView(Ui::Sidebar::View::Batches);
        QVERIFY(!banner->isVisible());

        // Back to the first account: validated again, and the notice goes away by itself.
        banner->setAutoHideMs(300);
        m_window->showView(Ui::Sidebar::View::Validate);
        auto *accounts = find<QListWidget>("accountList");
        accounts->setCurrentRow(0);
        QTRY_COMPARE_WITH_TIMEOUT(page->report().profile.name, QStringLiteral("openai"), 10000);
        QTRY_VERIFY(banner->isVisible() || page->report().profile.name == QStringLiteral("openai"));
        QTRY_VERIFY_WITH_TIMEOUT(!banner->isVisible(), 5000);
    }

    // "Batch … is being monitored" belongs to the batches page and expires.
    void createdBannerBelongsToBatchesPage()
    {
        startWindow(fastOptions());
        QString id;
        submitThroughUi(fixture("sandbox_chat.jsonl"), QStringLiteral("banner"), &id);
        if (QTest::currentTestFailed())
            return;
        auto *banner = m_window->messageBanner();
        QVERIFY(banner->isVisible());
        QVERIFY(banner->text().contains(QStringLiteral("is being monitored")));
        QCOMPARE(banner->owner(), static_cast<QWidget *>(m_window->batchesPage()));
        m_window->showView(Ui::Sidebar::View::Files);
        QVERIFY(!banner->isVisible());
    }

    // The same file again with the same account: a warning that links to the earlier batch.
    void resubmittingTheSameFileWarns()
    {
        startWindow(fastOptions());
        QString id;
        const QString path = writeLines(QStringLiteral("twice.jsonl"), 3);
        submitThroughUi(path, QStringLiteral("first"), &id);
        if (QTest::currentTestFailed())
            return;
        QTRY_VERIFY_WITH_TIMEOUT(!m_window->controller()->inputSha256Of(id).isEmpty(), 10000);
        m_window->showView(Ui::Sidebar::View::Batches);
        m_window->batchesPage()->selectBatch(QString());
        dropFile(path);
        auto *create = find<QPushButton>("createBatchButton");
        QTRY_VERIFY_WITH_TIMEOUT(create->isEnabled(), 10000);
        const int before = Ui::MessageBox::shownCount();
        Ui::MessageBox::setNextAnswer(QMessageBox::No); // "Show Earlier Batch"
        QTest::mouseClick(create, Qt::LeftButton);
        QTRY_COMPARE(Ui::MessageBox::shownCount(), before + 1);
        QVERIFY2(Ui::MessageBox::lastText().contains(id), qPrintable(Ui::MessageBox::lastText()));
        QVERIFY(Ui::MessageBox::lastButtons().contains(QStringLiteral("Show Earlier Batch")));
        QCOMPARE(m_window->pages()->currentWidget(), static_cast<QWidget *>(m_window->batchesPage()));
        QCOMPARE(m_window->batchesPage()->currentBatch()->id, id);
        QVERIFY(!find<QDialog>("createBatchDialog"));

        // A different file is not a duplicate: straight to the dialog.
        dropFile(writeLines(QStringLiteral("other.jsonl"), 4));
        QTRY_VERIFY_WITH_TIMEOUT(create->isEnabled(), 10000);
        QTest::mouseClick(create, Qt::LeftButton);
        QTRY_VERIFY(find<QDialog>("createBatchDialog"));
        QCOMPARE(Ui::MessageBox::shownCount(), before + 1);
        find<QDialog>("createBatchDialog")->reject();
    }

    // First start: "Try a Sample Batch" writes a small file and opens it; run in the sandbox, two of its
    // requests fail on purpose, so the whole loop shows in a minute.
    void sampleBatchRunsTheWholeLoop()
    {
        startWindow(fastOptions());
        auto *sample = find<QPushButton>("batchesEmptySample");
        QVERIFY(sample && sample->isVisible());
        QTest::mouseClick(sample, Qt::LeftButton);
        auto *page = m_window->validationPage();
        QCOMPARE(m_window->pages()->currentWidget(), static_cast<QWidget *>(page));
        QTRY_VERIFY_WITH_TIMEOUT(page->canSubmit(), 10000);
        QCOMPARE(page->report().lines, 12);
        QCOMPARE(page->report().model, QStringLiteral("sandbox/echo"));
        QVERIFY(m_window->messageBanner()->text().contains(QStringLiteral("sample batch")));
        QSignalSpy created(m_window->controller(), &Ui::AppController::batchCreated);
        QTest::mouseClick(find<QPushButton>("createBatchButton"), Qt::LeftButton);
        QTRY_VERIFY(find<QDialog>("createBatchDialog"));
        QTest::mouseClick(
            find<QDialog>("createBatchDialog")->findChild<QPushButton *>(QStringLiteral("createOkButton")),
            Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(created.count() == 1, 15000);
        const QString id = created.first().first().value<Api::Batch>().id;
        QTRY_COMPARE_WITH_TIMEOUT(statusOf(id), QStringLiteral("completed"), 20000);
        auto *model = m_window->controller()->batchModel();
        const auto counts = model->batch(model->rowOf(id)).requestCounts.value_or(Api::RequestCounts {});
        QCOMPARE(counts.total, 12);
        QCOMPARE(counts.failed, 2);
    }

    void closingDuringUploadAsks()
    {
        Ui::AppOptions slow = fastOptions();
        slow.sandbox.faults.slowMs = 1500; // the upload's reply takes a while
        startWindow(slow);
        const QString path = writeLines(QStringLiteral("upload.jsonl"), 20);
        m_window->openFile(path);
        QTRY_VERIFY_WITH_TIMEOUT(m_window->validationPage()->canSubmit(), 10000);
        Api::CreateBatchParams params;
        params.endpoint = QStringLiteral("/v1/chat/completions");
        m_window->controller()->submit(path, params);
        QVERIFY(m_window->controller()->isSubmitting());
        QVERIFY(find<QWidget>("uploadPanel")->isVisible());
        const int before = Ui::MessageBox::shownCount();
        Ui::MessageBox::setNextAnswer(QMessageBox::No);
        QVERIFY(!m_window->close());
        QCOMPARE(Ui::MessageBox::shownCount(), before + 1);
        QVERIFY(m_window->isVisible());
        QTest::mouseClick(find<QPushButton>("uploadCancel"), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(!m_window->controller()->isSubmitting(), 10000);
        QVERIFY(m_window->close());
    }

    // An input uploaded for a submission that created no batch is found after the next file listing and
    // offered for deletion on the Files page; deleting it removes it from the server and the offer goes.
    void orphanUploadsAreOfferedForDeletion()
    {
        startWindow(fastOptions());
        QTRY_VERIFY_WITH_TIMEOUT(m_window->controller()->isConnected(), 10000);
        Api::ApiClient *client = m_window->controller()->client();
        QVERIFY(client);
        std::unique_ptr<Api::UploadFileJob> upload(client->uploadFile(fixture("sandbox_chat.jsonl")));
        upload->setAutoDelete(false);
        QSignalSpy uploaded(upload.get(), &Api::ApiJob::finished);
        upload->start();
        QVERIFY(uploaded.wait(10000));
        QVERIFY2(!upload->failed(), qPrintable(upload->errorString()));
        Store::Upload record;
        record.fileId = upload->file().id;
        record.accountId = m_window->controller()->currentAccountId();
        record.inputPath = fixture("sandbox_chat.jsonl");
        record.bytes = upload->file().bytes;
        QVERIFY(m_window->controller()->intents()->recordUpload(record).ok());

        m_window->controller()->refreshFiles();
        m_window->showView(Ui::Sidebar::View::Files);
        auto *label = find<QLabel>("orphanUploadsLabel");
        QTRY_VERIFY_WITH_TIMEOUT(label->isVisible(), 10000);
        QVERIFY2(label->text().startsWith(QStringLiteral("1 uploaded input file")),
                 qPrintable(label->text()));
        if (const QString dir = qEnvironmentVariable("BATCHDESK_GRAB_DIR"); !dir.isEmpty())
            m_window->grab().save(dir + QStringLiteral("/files-orphans.png"));

        Ui::MessageBox::setNextAnswer(QMessageBox::Yes);
        QTest::mouseClick(find<QPushButton>("deleteOrphansButton"), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(!label->isVisible(), 10000);
        QVERIFY(m_window->controller()->orphanUploads().isEmpty());
        QVERIFY(m_window->controller()->fileModel()->rowOf(record.fileId) < 0);
    }

    // A file valid but for the limits of one batch (50,001 lines for the sandbox's 50,000) is offered as a
    // job in one click: split on a worker thread, one dialog, two batches of one job.
    void oversizedFileIsSplitIntoAJob()
    {
        startWindow(fastOptions());
        QTRY_VERIFY_WITH_TIMEOUT(m_window->controller()->isConnected(), 10000);
        dropFile(writeLines(QStringLiteral("big.jsonl"), 50'001));
        auto *split = find<QPushButton>("splitAndSubmitButton");
        QTRY_VERIFY_WITH_TIMEOUT(split->isVisible(), 30000);
        QVERIFY(!find<QPushButton>("createBatchButton")->isEnabled());
        QVERIFY2(split->text().contains(QStringLiteral("2 Batches")), qPrintable(split->text()));
        if (const QString dir = qEnvironmentVariable("BATCHDESK_GRAB_DIR"); !dir.isEmpty())
            m_window->grab().save(dir + QStringLiteral("/split-offer.png"));
        QTest::mouseClick(split, Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(find<QDialog>("createBatchDialog"), 30000);
        QPointer<QDialog> dialog = find<QDialog>("createBatchDialog");
        QTRY_VERIFY(dialog->isVisible());
        QTest::mouseClick(dialog->findChild<QPushButton *>(QStringLiteral("createOkButton")), Qt::LeftButton);
        const auto jobParts = [this] {
            QStringList parts;
            for (const Api::Batch &b : m_window->controller()->batchModel()->batches()) {
                if (!b.metadata.value(Api::kJobKey).isEmpty())
                    parts << b.metadata.value(Api::kPartKey);
            }
            parts.sort();
            return parts;
        };
        QTRY_COMPARE_WITH_TIMEOUT(jobParts(), (QStringList {QStringLiteral("1/2"), QStringLiteral("2/2")}),
                                  60000);
    }
};

QTEST_MAIN(TestDesktopApp)
#include "tst_desktopapp.moc"
