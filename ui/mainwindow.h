#pragma once

#include "appcontroller.h"
#include "sidebar.h"

#include <QMainWindow>
#include <QStringList>

class QAction;
class QLabel;
class QToolButton;
class QMenu;
class QSplitter;
class QStackedWidget;
class QSystemTrayIcon;

namespace Batchdesk::Ui {

class AllAccountsPage;
class BatchesPage;
class DropOverlay;
class FilesPage;
class JobsPage;
class MessageBanner;
class ResultsPage;
class UploadPanel;
class ValidationPage;

/**
 * The application window: menus, toolbar, an inline message banner, the upload strip, and three panes — the
 * sidebar (accounts, views with counts), the pages (batches with their detail pane, jobs, results, files,
 * validation) — with a status line of the monitor ("Last refresh 10:41:07 · polling every 15 s · 3 active").
 *
 * Owns an AppController (database, accounts, client, monitor, in-process sandbox). With no account
 * configured, the built-in sandbox is started and selected. .jsonl files dropped anywhere (or File → Open)
 * are validated; "Create batch…" opens the CreateBatchDialog, then the upload, the intent and the create run
 * in the background and the batch appears in the list, monitored. Background failures go to the banner.
 * Geometry, toolbar and splitter state are saved with QSettings on close; closing during an upload asks
 * first.
 */
class MainWindow final : public QMainWindow
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MainWindow)

public:
    explicit MainWindow(QWidget *parent = nullptr);
    explicit MainWindow(const AppOptions &options, QWidget *parent = nullptr);
    ~MainWindow() override;

    /** Opens and validates a file (in the background); returns at once. */
    void openFile(const QString &path);
    /** Opens the first file and queues the others (each opens after the previous one was submitted). */
    void openFiles(const QStringList &paths);

    ValidationPage *validationPage() const { return m_validationPage; }
    BatchesPage *batchesPage() const { return m_batchesPage; }
    AllAccountsPage *allAccountsPage() const { return m_allAccountsPage; }
    FilesPage *filesPage() const { return m_filesPage; }
    JobsPage *jobsPage() const { return m_jobsPage; }
    ResultsPage *resultsPage() const { return m_resultsPage; }
    MessageBanner *messageBanner() const { return m_banner; }
    QStackedWidget *pages() const { return m_pages; }
    AppController *controller() const { return m_controller; }
    Sidebar *sidebar() const { return m_sidebar; }
    /** The text of the last desktop notification (tests; also shown in the status bar). */
    QString lastNotification() const { return m_lastNotification; }

    static constexpr int kMaxRecentFiles = 8;

public slots:
    /** Shows the Open dialog (through FileDialog) and opens the chosen file. */
    void openFileDialog();
    void showAbout();
    void showView(Batchdesk::Ui::Sidebar::View view);
    /** The batches of every account in one list (the sidebar's "All accounts"). */
    void showAllAccounts();
    /** Switches to an account (when it is not the current one) and selects one of its batches. */
    void showAccountBatch(qint64 accountId, const QString &batchId);
    /** Opens the Create Batch dialog for the validated file. */
    void createBatch();
    void refresh();
    /** Asks, then cancels the selected batch. */
    void cancelSelectedBatch();
    /** Asks for a folder (FileDialog), then downloads the output and error files of the selected batch. */
    void downloadSelectedResults();
    /** Opens the CSV builder (with a CSV when given). */
    void openBuilder(const QString &csvPath = QString());
    /** Asks for the batch parameters (and the retry policy) once and submits the parts as one job. */
    void submitJob(const Batchdesk::Ui::JobDraft &draft);
    /** Splits the validated file (valid but for the limits of one batch) and submits the parts as one job. */
    void splitAndSubmit();
    /** Cancels the queued parts and every running batch of the selected batch's job. */
    void cancelSelectedJob();
    /** Shows the joined results of the selected batch in the Results view. */
    void openSelectedResults();
    void copySelectedId();
    void showSelectedInput();
    void addAccount();
    void editAccount(qint64 accountId = 0);
    void removeAccount(qint64 accountId = 0);

protected:
    void dragEnterEvent(QDragEnterEvent *event) override;
    void dragMoveEvent(QDragMoveEvent *event) override;
    void dragLeaveEvent(QDragLeaveEvent *event) override;
    void dropEvent(QDropEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;
    void closeEvent(QCloseEvent *event) override;

private:
    void setUp();
    void createActions();
    void createMenus();
    void createToolBar();
    void addRecentFile(const QString &path);
    void updateRecentMenu();
    void updateTitle();
    void setValidating(bool validating);
    void hideOverlay();
    void updateAccounts();
    void updateBatchActions();
    void updateCounts();
    void updateStatusLine();
    /** Validates against the current account's limit profile; the open file again when it changed. */
    void applyAccountLimits();
    void openCreateDialog();
    /** Opens a file in Validate and, when it is valid, the Create Batch dialog for it. */
    void openAndCreate(const QString &path);
    /** Writes the sample batch and opens it in Validate. */
    void trySample();
    void notifyFinished(const Api::Batch &batch);
    void onSubmissionFinished(Submission *submission);
    void openNextQueued();

    AppOptions m_options;
    AppController *m_controller = nullptr;
    QSplitter *m_splitter = nullptr;
    Sidebar *m_sidebar = nullptr;
    QStackedWidget *m_pages = nullptr;
    BatchesPage *m_batchesPage = nullptr;
    AllAccountsPage *m_allAccountsPage = nullptr;
    FilesPage *m_filesPage = nullptr;
    JobsPage *m_jobsPage = nullptr;
    ResultsPage *m_resultsPage = nullptr;
    ValidationPage *m_validationPage = nullptr;
    MessageBanner *m_banner = nullptr;
    UploadPanel *m_uploadPanel = nullptr;
    DropOverlay *m_overlay = nullptr;
    QLabel *m_statusLabel = nullptr;
    QLabel *m_refreshLabel = nullptr;
    QToolButton *m_retryNow = nullptr;
    bool m_checkingDuplicate = false;
    bool m_splitting = false;
    QMenu *m_recentMenu = nullptr;
    QMenu *m_viewMenu = nullptr;
    QSystemTrayIcon *m_tray = nullptr;
    QString m_lastNotification;
    QStringList m_queuedFiles;
    bool m_problemShown = false;

    QAction *m_openAction = nullptr;
    QAction *m_newBatchAction = nullptr;
    QAction *m_revalidateAction = nullptr;
    QAction *m_cancelAction = nullptr;
    QAction *m_refreshAction = nullptr;
    QAction *m_cancelBatchAction = nullptr;
    QAction *m_downloadAction = nullptr;
    QAction *m_openResultsAction = nullptr;
    QAction *m_buildAction = nullptr;
    QAction *m_cancelJobAction = nullptr;
    QAction *m_copyIdAction = nullptr;
    QAction *m_showInputAction = nullptr;
    QAction *m_findAction = nullptr;
    QAction *m_addAccountAction = nullptr;
    QAction *m_editAccountAction = nullptr;
    QAction *m_removeAccountAction = nullptr;
    QAction *m_quitAction = nullptr;
    QAction *m_aboutAction = nullptr;
    QAction *m_aboutQtAction = nullptr;
    QAction *m_clearRecentAction = nullptr;
    QList<QAction *> m_viewActions;
};

} // namespace Batchdesk::Ui
