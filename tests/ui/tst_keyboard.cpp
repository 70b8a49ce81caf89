// The submission flow with the keyboard only: open a file (Ctrl+O), create the batch (Ctrl+N, Tab to the
// description, type, Enter), follow it in the Batches view (Ctrl+1) and open its results (Ctrl+J). No mouse.
#include "appcontroller.h"
#include "batchespage.h"
#include "batchtablemodel.h"
#include "filedialog.h"
#include "mainwindow.h"
#include "resultsmodel.h"
#include "resultspage.h"
#include "validationpage.h"

#include <QAction>
#include <QApplication>
#include <QDialog>
#include <QFile>
#include <QLineEdit>
#include <QPointer>
#include <QSettings>
#include <QSignalSpy>
#include <QStackedWidget>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace Batchdesk;

class TestKeyboard : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<QTemporaryDir> m_data;
    std::unique_ptr<Ui::MainWindow> m_window;

    static void key(QWidget *target, Qt::Key k, Qt::KeyboardModifiers modifiers = Qt::NoModifier)
    {
        QWidget *focus = QApplication::focusWidget();
        QTest::keyClick(focus ? focus : target, k, modifiers);
    }

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(QStringLiteral("BatchdeskTests"));
        QCoreApplication::setApplicationName(QStringLiteral("tst_keyboard"));
        QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
    }

    void cleanup()
    {
        m_window.reset();
        m_data.reset();
    }

    void submissionFlowWithoutMouse()
    {
        m_data = std::make_unique<QTemporaryDir>();
        qputenv("BATCHDESK_DATA_DIR", m_data->filePath(QStringLiteral("data")).toUtf8());
        QSettings().clear();
        Ui::AppOptions o;
        o.sandbox.latencyMs = 10;
        o.monitor.fastIntervalMs = 150;
        o.monitor.slowIntervalMs = 600;
        m_window = std::make_unique<Ui::MainWindow>(o);
        m_window->resize(1300, 820);
        m_window->show();
        m_window->activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(m_window.get()));
        QTRY_VERIFY_WITH_TIMEOUT(m_window->controller()->isConnected(), 10000);

        const QString path = m_data->filePath(QStringLiteral("keys.jsonl"));
        {
            QFile f(path);
            QVERIFY(f.open(QIODevice::WriteOnly));
            for (int i = 0; i < 4; ++i)
                f.write(QStringLiteral("{\"custom_id\": \"k%1\", \"method\": \"POST\", \"url\": "
                                       "\"/v1/chat/completions\", \"body\": {\"model\": \"sandbox/echo\", "
                                       "\"messages\": [{\"role\": \"user\", \"content\": \"key %1\"}]}}\n")
                            .arg(i)
                            .toUtf8());
        }

        // Ctrl+O: the Open dialog (its seam answers) and validation.
        Ui::FileDialog::setNextFileName(path);
        key(m_window.get(), Qt::Key_O, Qt::ControlModifier);
        QCOMPARE(m_window->pages()->currentWidget(), static_cast<QWidget *>(m_window->validationPage()));
        QTRY_VERIFY_WITH_TIMEOUT(m_window->validationPage()->canSubmit(), 10000);

        // Ctrl+N: Create Batch; Tab reaches the description; Enter creates.
        key(m_window.get(), Qt::Key_N, Qt::ControlModifier);
        // The dialog opens once the file's checksum was compared with earlier submissions.
        QTRY_VERIFY(m_window->findChild<QDialog *>(QStringLiteral("createBatchDialog")));
        QPointer<QDialog> dialog = m_window->findChild<QDialog *>(QStringLiteral("createBatchDialog"));
        QTRY_VERIFY(dialog->isVisible());
        QTRY_VERIFY(QApplication::activeWindow() == dialog);
        auto *description = dialog->findChild<QLineEdit *>(QStringLiteral("createDescription"));
        QVERIFY(description);
        for (int i = 0; i < 20 && QApplication::focusWidget() != description; ++i)
            key(dialog, Qt::Key_Tab);
        QCOMPARE(QApplication::focusWidget(), static_cast<QWidget *>(description));
        QTest::keyClicks(description, QStringLiteral("typed only"));
        QSignalSpy created(m_window->controller(), &Ui::AppController::batchCreated);
        key(dialog, Qt::Key_Return);
        QVERIFY(created.wait(15000));
        const auto batch = created.first().first().value<Api::Batch>();
        QCOMPARE(batch.description(), QStringLiteral("typed only"));
        // The dialog is gone; the window manager gives the main window back its activation.
        QTRY_VERIFY(!dialog || !dialog->isVisible());
        m_window->activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(m_window.get()));

        // Ctrl+1: the Batches view with the new batch selected; Ctrl+J opens its results once finished.
        key(m_window.get(), Qt::Key_1, Qt::ControlModifier);
        QCOMPARE(m_window->pages()->currentWidget(), static_cast<QWidget *>(m_window->batchesPage()));
        auto *model = m_window->controller()->batchModel();
        QTRY_COMPARE_WITH_TIMEOUT(model->batch(model->rowOf(batch.id)).statusText,
                                  QStringLiteral("completed"), 20000);
        auto *openResults = m_window->findChild<QAction *>(QStringLiteral("openResultsAction"));
        QVERIFY(openResults->isEnabled());
        // The list has the focus, so the arrow keys work at once.
        QVERIFY(QApplication::focusWidget()
                && m_window->batchesPage()->isAncestorOf(QApplication::focusWidget()));
        key(m_window.get(), Qt::Key_J, Qt::ControlModifier);
        QCOMPARE(m_window->pages()->currentWidget(), static_cast<QWidget *>(m_window->resultsPage()));
        QTRY_VERIFY_WITH_TIMEOUT(m_window->resultsPage()->results() != nullptr, 15000);
        QCOMPARE(m_window->resultsPage()->model()->rowCount(), 4);
        // Ctrl+4 and Ctrl+3 switch views too.
        key(m_window.get(), Qt::Key_3, Qt::ControlModifier);
        QCOMPARE(m_window->pages()->currentWidget(), static_cast<QWidget *>(m_window->validationPage()));
        key(m_window.get(), Qt::Key_4, Qt::ControlModifier);
        QCOMPARE(m_window->pages()->currentWidget(), static_cast<QWidget *>(m_window->resultsPage()));
    }
};

QTEST_MAIN(TestKeyboard)
#include "tst_keyboard.moc"
