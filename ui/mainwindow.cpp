#include "mainwindow.h"

#include "common/paths.h"
#include "jsonl/splitter.h"

#include "accountdialog.h"
#include "allaccountspage.h"
#include "batchdetail.h"
#include "batchespage.h"
#include "batchtablemodel.h"
#include "builderdialog.h"
#include "common/filehash.h"
#include "common/version.h"
#include "createbatchdialog.h"
#include "displayformat.h"
#include "dropoverlay.h"
#include "filedialog.h"
#include "filespage.h"
#include "filetablemodel.h"
#include "icons.h"
#include "jobspage.h"
#include "jobtreemodel.h"
#include "languagemenu.h"
#include "messagebanner.h"
#include "messagebox.h"
#include "pricesdialog.h"
#include "resultspage.h"
#include "uploadpanel.h"
#include "validationpage.h"

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QCloseEvent>
#include <QDesktopServices>
#include <QDir>
#include <QDragEnterEvent>
#include <QFileInfo>
#include <QFutureWatcher>
#include <QGuiApplication>
#include <QLabel>
#include <QLocale>
#include <QMenuBar>
#include <QMimeData>
#include <QScreen>
#include <QSettings>
#include <QSplitter>
#include <QStackedWidget>
#include <QStatusBar>
#include <QSystemTrayIcon>
#include <QTimer>
#include <QToolBar>
#include <QToolButton>
#include <QUuid>
#include <QVBoxLayout>
#include <QtConcurrent>

namespace Batchdesk::Ui {

namespace {

const QString kRecentKey = QStringLiteral("MainWindow/recentFiles");

// The local files of a drag, in order.
QStringList draggedFiles(const QMimeData *mime)
{
    QStringList files;
    if (!mime || !mime->hasUrls())
        return files;
    for (const QUrl &url : mime->urls()) {
        if (url.isLocalFile())
            files << url.toLocalFile();
    }
    return files;
}

// The first local file of a drag, or an empty string when it carries none.
QString draggedFile(const QMimeData *mime)
{
    const QStringList files = draggedFiles(mime);
    return files.isEmpty() ? QString() : files.first();
}

} // namespace

MainWindow::MainWindow(QWidget *parent)
    : MainWindow(AppOptions(), parent)
{ }

MainWindow::MainWindow(const AppOptions &options, QWidget *parent)
    : QMainWindow(parent)
    , m_options(options)
{
    setUp();
}

void MainWindow::setUp()
{
    setObjectName(QStringLiteral("MainWindow"));
    setWindowIcon(Models::icon(QStringLiteral("batchdesk")));
    setAcceptDrops(true);

    m_controller = new AppController(m_options, this);

    auto *central = new QWidget(this);
    central->setObjectName(QStringLiteral("centralWidget"));
    m_banner = new MessageBanner(central);
    m_uploadPanel = new UploadPanel(central);
    m_splitter = new QSplitter(Qt::Horizontal, central);
    m_splitter->setObjectName(QStringLiteral("mainSplitter"));
    m_sidebar = new Sidebar(m_splitter);
    m_pages = new QStackedWidget(m_splitter);
    m_pages->setObjectName(QStringLiteral("pages"));
    m_batchesPage = new BatchesPage(m_controller, m_pages);
    m_filesPage = new FilesPage(m_controller, m_pages);
    m_jobsPage = new JobsPage(m_controller, m_pages);
    m_resultsPage = new ResultsPage(m_controller, m_pages);
    m_validationPage = new ValidationPage(m_banner, m_pages);
    m_pages->addWidget(m_batchesPage);
    m_pages->addWidget(m_jobsPage);
    m_pages->addWidget(m_resultsPage);
    m_pages->addWidget(m_filesPage);
    m_pages->addWidget(m_validationPage);
    m_allAccountsPage = new AllAccountsPage(m_controller, m_pages);
    m_pages->addWidget(m_allAccountsPage);
    m_splitter->addWidget(m_sidebar);
    m_splitter->addWidget(m_pages);
    m_splitter->setStretchFactor(0, 0);
    m_splitter->setStretchFactor(1, 1);
    m_splitter->setChildrenCollapsible(false);
    m_splitter->setSizes({195, 1100});

    auto *layout = new QVBoxLayout(central);
    layout->setContentsMargins(6, 6, 8, 4);
    layout->setSpacing(6);
    layout->addWidget(m_banner);
    layout->addWidget(m_uploadPanel);
    layout->addWidget(m_splitter, 1);
    setCentralWidget(central);

    m_statusLabel = new QLabel(this);
    m_statusLabel->setObjectName(QStringLiteral("statusLabel"));
    m_refreshLabel = new QLabel(this);
    m_refreshLabel->setObjectName(QStringLiteral("refreshStatusLabel"));
    // After a failed refresh: the next real attempt is in the line, and this starts one at once.
    m_retryNow = new QToolButton(this);
    m_retryNow->setObjectName(QStringLiteral("retryNowButton"));
    m_retryNow->setText(tr("Retry Now"));
    m_retryNow->setAutoRaise(true);
    m_retryNow->hide();
    connect(m_retryNow, &QToolButton::clicked, this, [this] { m_controller->refresh(); });
    statusBar()->addWidget(m_statusLabel, 1);
    statusBar()->addPermanentWidget(m_refreshLabel);
    statusBar()->addPermanentWidget(m_retryNow);
    statusBar()->setSizeGripEnabled(true);
    m_statusLabel->setText(tr("Ready"));

    createActions();
    createMenus();
    createToolBar();

    m_overlay = new DropOverlay(this);

    connect(m_validationPage, &ValidationPage::statusMessage, m_statusLabel, &QLabel::setText);
    connect(m_validationPage, &ValidationPage::validatingChanged, this, &MainWindow::setValidating);
    connect(m_validationPage, &ValidationPage::openRequested, this, &MainWindow::openFileDialog);
    connect(m_validationPage, &ValidationPage::fileOpened, this, &MainWindow::addRecentFile);
    connect(m_validationPage, &ValidationPage::createBatchRequested, this, &MainWindow::createBatch);
    connect(m_validationPage, &ValidationPage::splitSubmitRequested, this, &MainWindow::splitAndSubmit);
    connect(m_batchesPage, &BatchesPage::openRequested, this, &MainWindow::openFileDialog);
    connect(m_batchesPage, &BatchesPage::sampleRequested, this, &MainWindow::trySample);
    connect(m_batchesPage, &BatchesPage::currentBatchChanged, this, &MainWindow::updateBatchActions);
    connect(m_batchesPage, &BatchesPage::batchActivated, this, [this](const QString &batchId) {
        const auto b = m_controller->batchById(batchId);
        if (b && b->isTerminal()) {
            m_resultsPage->showBatch(batchId);
            showView(Sidebar::View::Results);
        }
    });
    connect(m_jobsPage, &JobsPage::openResultsRequested, this, [this](const QString &batchId) {
        m_resultsPage->showBatch(batchId);
        showView(Sidebar::View::Results);
    });
    connect(m_jobsPage, &JobsPage::showBatchRequested, this, [this](const QString &batchId) {
        showView(Sidebar::View::Batches);
        m_batchesPage->selectBatch(batchId);
    });
    connect(m_jobsPage, &JobsPage::openRequested, this, &MainWindow::openFileDialog);
    connect(m_jobsPage, &JobsPage::buildRequested, this, [this] { openBuilder(); });
    connect(m_jobsPage, &JobsPage::problem, this, [this](const QString &text) {
        m_banner->showMessage(MessageBanner::Type::Warning, text);
        m_banner->setOwner(m_jobsPage);
    });
    connect(m_batchesPage->detail(), &BatchDetail::openResultsRequested, this,
            [this](const QString &batchId) {
                m_resultsPage->showBatch(batchId);
                showView(Sidebar::View::Results);
            });
    connect(m_resultsPage, &ResultsPage::resubmitReady, this,
            [this](const QString &path, const QString &parent) {
                m_controller->setResubmitParent(path, parent);
                openFile(path);
                m_banner->showMessage(MessageBanner::Type::Info,
                                      tr("Wrote %1. Check it and choose \u201c"
                                         "Create Batch\u201d: its results will join "
                                         "the results of %2.")
                                          .arg(QDir::toNativeSeparators(path), parent));
                m_banner->setOwner(m_validationPage);
            });
    connect(m_resultsPage, &ResultsPage::builderOpened, this, [this](BuilderDialog *dialog) {
        connect(dialog, &BuilderDialog::openFileRequested, this, &MainWindow::openFile);
        connect(dialog, &BuilderDialog::submitJobRequested, this, &MainWindow::submitJob);
        connect(dialog, &BuilderDialog::submitFileRequested, this, &MainWindow::openAndCreate);
    });
    connect(m_resultsPage, &ResultsPage::resubmitFailed, this, [this](const QString &error) {
        m_banner->showMessage(MessageBanner::Type::Warning, error);
        m_banner->setOwner(m_resultsPage);
    });
    connect(m_resultsPage, &ResultsPage::exportFinished, this,
            [this](const QString &path, const QString &error) {
                if (error.isEmpty())
                    m_banner->showMessage(MessageBanner::Type::Positive,
                                          tr("Exported to %1.").arg(QDir::toNativeSeparators(path)));
                else
                    m_banner->showMessage(MessageBanner::Type::Warning, tr("Export failed: %1").arg(error));
                m_banner->setOwner(m_resultsPage);
            });
    connect(m_batchesPage->detail(), &BatchDetail::openInputLine, this,
            [this](const QString &path, qint64 line) {
                if (m_validationPage->filePath() != path) {
                    openFile(path);
                    // The line is shown once the file is validated.
                    auto connection = std::make_shared<QMetaObject::Connection>();
                    *connection = connect(m_validationPage, &ValidationPage::validatingChanged, this,
                                          [this, connection, line](bool validating) {
                                              if (validating)
                                                  return;
                                              disconnect(*connection);
                                              m_validationPage->showLine(line);
                                          });
                } else {
                    showView(Sidebar::View::Validate);
                    m_validationPage->showLine(line);
                }
            });

    connect(m_sidebar, &Sidebar::viewSelected, this, &MainWindow::showView);
    connect(m_sidebar, &Sidebar::accountSelected, this, [this](qint64 accountId) {
        // From "All accounts" back to the account already open: its session goes on as it is.
        if (m_pages->currentWidget() == m_allAccountsPage) {
            showAccountBatch(accountId, QString());
            return;
        }
        m_controller->selectAccount(accountId);
    });
    connect(m_sidebar, &Sidebar::allAccountsSelected, this, &MainWindow::showAllAccounts);
    connect(m_allAccountsPage, &AllAccountsPage::batchActivated, this, &MainWindow::showAccountBatch);
    connect(m_sidebar, &Sidebar::accountContextMenuRequested, this, [this](qint64 id, const QPoint &pos) {
        QMenu menu;
        menu.addAction(m_addAccountAction);
        if (id != 0) {
            menu.addAction(tr("&Edit\u2026"), this, [this, id] { editAccount(id); });
            menu.addAction(tr("&Remove\u2026"), this, [this, id] { removeAccount(id); });
        }
        menu.exec(pos);
    });

    connect(m_controller, &AppController::accountsChanged, this, &MainWindow::updateAccounts);
    connect(m_controller, &AppController::currentAccountChanged, this, [this] {
        m_sidebar->setCurrentAccount(m_controller->currentAccountId());
        m_sidebar->setAccountState(m_controller->currentAccountId(), Sidebar::AccountState::Connecting);
        updateTitle();
        updateBatchActions();
        applyAccountLimits();
    });
    // The current account's limits may have been edited.
    connect(m_controller, &AppController::accountsChanged, this, &MainWindow::applyAccountLimits);
    connect(m_controller, &AppController::problem, this, [this](const QString &text) {
        m_problemShown = true;
        m_sidebar->setAccountState(m_controller->currentAccountId(), Sidebar::AccountState::Problem);
        m_banner->showMessage(MessageBanner::Type::Error, text, tr("Retry Now"),
                              [this] { m_controller->refresh(); });
    });
    connect(m_controller, &AppController::problemCleared, this, [this] {
        if (m_problemShown && m_banner->type() == MessageBanner::Type::Error)
            m_banner->hideMessage();
        m_problemShown = false;
        if (m_controller->isConnected())
            m_sidebar->setAccountState(m_controller->currentAccountId(), Sidebar::AccountState::Connected);
    });
    connect(m_controller, &AppController::notice, this, [this](const QString &text, const QString &folder) {
        if (folder.isEmpty())
            m_banner->showMessage(MessageBanner::Type::Positive, text);
        else
            m_banner->showMessage(MessageBanner::Type::Positive, text, tr("Open Folder"),
                                  [folder] { QDesktopServices::openUrl(QUrl::fromLocalFile(folder)); });
    });
    connect(m_controller, &AppController::statusChanged, this, [this] {
        updateStatusLine();
        updateCounts();
        if (m_controller->isConnected() && !m_problemShown && m_controller->monitor()
            && m_controller->monitor()->lastRefresh().isValid())
            m_sidebar->setAccountState(m_controller->currentAccountId(), Sidebar::AccountState::Connected);
    });
    connect(m_controller, &AppController::batchFinished, this, &MainWindow::notifyFinished);
    connect(m_controller, &AppController::submissionStarted, m_uploadPanel, &UploadPanel::follow);
    connect(m_controller, &AppController::submissionStarted, this, [this](Submission *s) {
        connect(s, &Submission::finished, this, [this, s] { onSubmissionFinished(s); });
    });
    for (QAbstractItemModel *model : {static_cast<QAbstractItemModel *>(m_controller->batchModel()),
                                      static_cast<QAbstractItemModel *>(m_controller->fileModel()),
                                      static_cast<QAbstractItemModel *>(m_controller->jobModel())}) {
        connect(model, &QAbstractItemModel::rowsInserted, this, &MainWindow::updateCounts);
        connect(model, &QAbstractItemModel::rowsRemoved, this, &MainWindow::updateCounts);
        connect(model, &QAbstractItemModel::modelReset, this, &MainWindow::updateCounts);
    }

    if (QSystemTrayIcon::isSystemTrayAvailable()) {
        m_tray = new QSystemTrayIcon(windowIcon(), this);
        m_tray->setToolTip(tr("Batchdesk"));
        m_tray->show();
    }

    QSettings settings;
    if (!restoreGeometry(settings.value(QStringLiteral("MainWindow/geometry")).toByteArray())) {
        // First start: a comfortable size, but never larger than the screen (laptops, 1280-wide displays).
        QSize size(1360, 820);
        if (const QScreen *screen = QGuiApplication::primaryScreen())
            size = size.boundedTo(screen->availableGeometry().size() * 0.92);
        resize(size);
    }
    restoreState(settings.value(QStringLiteral("MainWindow/state")).toByteArray());
    m_splitter->restoreState(settings.value(QStringLiteral("MainWindow/splitter")).toByteArray());
    m_validationPage->restoreState();
    m_batchesPage->restoreState();
    m_filesPage->restoreState();
    m_jobsPage->restoreState();
    setValidating(false);
    updateRecentMenu();

    QString error;
    if (!m_controller->initialize(&error))
        m_banner->showMessage(MessageBanner::Type::Error, error);
    showView(Sidebar::View::Batches);
    updateTitle();
    updateBatchActions();
    updateCounts();
    updateStatusLine();
}

MainWindow::~MainWindow() = default;

void MainWindow::createActions()
{
    m_openAction = new QAction(Models::icon(QStringLiteral("open")), tr("&Open\u2026"), this);
    m_openAction->setObjectName(QStringLiteral("openAction"));
    m_openAction->setShortcut(QKeySequence::Open);
    m_openAction->setStatusTip(tr("Open a JSONL batch input file and validate it"));
    m_openAction->setIconText(tr("Open"));
    connect(m_openAction, &QAction::triggered, this, &MainWindow::openFileDialog);

    m_buildAction = new QAction(Models::icon(QStringLiteral("file")), tr("&Build from CSV\u2026"), this);
    m_buildAction->setObjectName(QStringLiteral("buildFromCsvAction"));
    m_buildAction->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_B));
    m_buildAction->setIconText(tr("From CSV"));
    m_buildAction->setStatusTip(tr("Turn a spreadsheet and a prompt template into batch files"));
    connect(m_buildAction, &QAction::triggered, this, [this] { openBuilder(); });

    m_cancelJobAction = new QAction(tr("Cancel &Job\u2026"), this);
    m_cancelJobAction->setObjectName(QStringLiteral("cancelJobAction"));
    m_cancelJobAction->setStatusTip(tr("Stop every running batch of the selected batch's job"));
    connect(m_cancelJobAction, &QAction::triggered, this, &MainWindow::cancelSelectedJob);

    m_newBatchAction = new QAction(Models::icon(QStringLiteral("file")), tr("&New Batch\u2026"), this);
    m_newBatchAction->setObjectName(QStringLiteral("newBatchAction"));
    m_newBatchAction->setShortcut(QKeySequence::New);
    m_newBatchAction->setIconText(tr("New batch"));
    m_newBatchAction->setStatusTip(tr("Choose a JSONL file, validate it and create a batch from it"));
    connect(m_newBatchAction, &QAction::triggered, this, [this] {
        if (m_pages->currentWidget() == m_validationPage && m_validationPage->canSubmit())
            createBatch();
        else
            openFileDialog();
    });

    m_revalidateAction = new QAction(Models::icon(QStringLiteral("refresh")), tr("&Validate Again"), this);
    m_revalidateAction->setObjectName(QStringLiteral("revalidateAction"));
    m_revalidateAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_R));
    m_revalidateAction->setIconText(tr("Validate again"));
    connect(m_revalidateAction, &QAction::triggered, m_validationPage, &ValidationPage::revalidate);

    m_cancelAction = new QAction(Models::icon(QStringLiteral("cancel")), tr("&Cancel Validation"), this);
    m_cancelAction->setObjectName(QStringLiteral("cancelAction"));
    m_cancelAction->setIconText(tr("Cancel"));
    m_cancelAction->setShortcut(Qt::Key_Escape);
    connect(m_cancelAction, &QAction::triggered, m_validationPage, &ValidationPage::cancelValidation);

    m_refreshAction = new QAction(Models::icon(QStringLiteral("refresh")), tr("&Refresh"), this);
    m_refreshAction->setObjectName(QStringLiteral("refreshAction"));
    m_refreshAction->setShortcut(QKeySequence::Refresh);
    m_refreshAction->setIconText(tr("Refresh"));
    m_refreshAction->setStatusTip(tr("Refresh the batches and files of the account now"));
    connect(m_refreshAction, &QAction::triggered, this, &MainWindow::refresh);

    m_cancelBatchAction =
        new QAction(Models::icon(QStringLiteral("cancel")), tr("&Cancel Batch\u2026"), this);
    m_cancelBatchAction->setObjectName(QStringLiteral("cancelBatchAction"));
    m_cancelBatchAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Period));
    m_cancelBatchAction->setIconText(tr("Cancel"));
    m_cancelBatchAction->setStatusTip(tr("Stop the selected batch; finished requests keep their results"));
    connect(m_cancelBatchAction, &QAction::triggered, this, &MainWindow::cancelSelectedBatch);

    m_downloadAction = new QAction(Models::icon(QStringLiteral("open")), tr("&Download Results\u2026"), this);
    m_downloadAction->setObjectName(QStringLiteral("downloadResultsAction"));
    m_downloadAction->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_S));
    m_downloadAction->setIconText(tr("Download results"));
    connect(m_downloadAction, &QAction::triggered, this, &MainWindow::downloadSelectedResults);

    m_openResultsAction = new QAction(Models::icon(QStringLiteral("ok")), tr("Open &Results"), this);
    m_openResultsAction->setObjectName(QStringLiteral("openResultsAction"));
    m_openResultsAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_J));
    m_openResultsAction->setIconText(tr("Results"));
    m_openResultsAction->setStatusTip(tr("Show every request of the selected batch joined to its result"));
    connect(m_openResultsAction, &QAction::triggered, this, &MainWindow::openSelectedResults);

    m_copyIdAction = new QAction(tr("Copy Batch &ID"), this);
    m_copyIdAction->setObjectName(QStringLiteral("copyIdAction"));
    m_copyIdAction->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_C));
    connect(m_copyIdAction, &QAction::triggered, this, &MainWindow::copySelectedId);

    m_showInputAction = new QAction(Models::icon(QStringLiteral("file")), tr("Show &Input File"), this);
    m_showInputAction->setObjectName(QStringLiteral("showInputAction"));
    m_showInputAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_I));
    connect(m_showInputAction, &QAction::triggered, this, &MainWindow::showSelectedInput);

    m_findAction = new QAction(tr("&Find Batches"), this);
    m_findAction->setObjectName(QStringLiteral("findAction"));
    m_findAction->setShortcut(QKeySequence::Find);
    connect(m_findAction, &QAction::triggered, this, [this] {
        showView(Sidebar::View::Batches);
        m_batchesPage->focusSearch();
    });

    m_addAccountAction = new QAction(tr("&Add Account\u2026"), this);
    m_addAccountAction->setObjectName(QStringLiteral("addAccountAction"));
    connect(m_addAccountAction, &QAction::triggered, this, &MainWindow::addAccount);
    m_editAccountAction = new QAction(tr("&Edit Account\u2026"), this);
    m_editAccountAction->setObjectName(QStringLiteral("editAccountAction"));
    connect(m_editAccountAction, &QAction::triggered, this, [this] { editAccount(); });
    m_removeAccountAction = new QAction(tr("&Remove Account\u2026"), this);
    m_removeAccountAction->setObjectName(QStringLiteral("removeAccountAction"));
    connect(m_removeAccountAction, &QAction::triggered, this, [this] { removeAccount(); });

    // Ctrl+1..3 kept their views when Results came (Ctrl+4) and Jobs (Ctrl+5).
    const QList<std::tuple<Sidebar::View, QString, int>> views {
        {Sidebar::View::Batches, tr("&Batches"), 1},
        {Sidebar::View::Jobs, tr("&Jobs"), 5},
        {Sidebar::View::Results, tr("&Results"), 4},
        {Sidebar::View::Files, tr("&Files"), 2},
        {Sidebar::View::Validate, tr("&Validate"), 3}};
    for (const auto &[view, text, key] : views) {
        auto *a = new QAction(text, this);
        a->setShortcut(QKeySequence(Qt::CTRL | (Qt::Key_0 + key)));
        const Sidebar::View v = view;
        connect(a, &QAction::triggered, this, [this, v] { showView(v); });
        m_viewActions << a;
    }

    m_quitAction = new QAction(tr("&Quit"), this);
    m_quitAction->setObjectName(QStringLiteral("quitAction"));
    m_quitAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Q));
    m_quitAction->setMenuRole(QAction::QuitRole);
    connect(m_quitAction, &QAction::triggered, this, &QWidget::close);

    m_aboutAction = new QAction(tr("&About Batchdesk"), this);
    m_aboutAction->setMenuRole(QAction::AboutRole);
    connect(m_aboutAction, &QAction::triggered, this, &MainWindow::showAbout);
    m_aboutQtAction = new QAction(tr("About &Qt"), this);
    m_aboutQtAction->setMenuRole(QAction::AboutQtRole);
    connect(m_aboutQtAction, &QAction::triggered, qApp, &QApplication::aboutQt);

    m_clearRecentAction = new QAction(tr("&Clear Recent Files"), this);
    connect(m_clearRecentAction, &QAction::triggered, this, [this] {
        QSettings().remove(kRecentKey);
        updateRecentMenu();
    });

    m_batchesPage->setContextActions({m_openResultsAction, m_copyIdAction, m_showInputAction,
                                      m_downloadAction, m_cancelBatchAction, m_refreshAction});
    // Shortcuts work wherever the focus is in the window.
    for (QAction *a :
         {m_newBatchAction, m_buildAction, m_refreshAction, m_cancelBatchAction, m_downloadAction,
          m_openResultsAction, m_copyIdAction, m_showInputAction, m_findAction})
        addAction(a);
}

void MainWindow::createMenus()
{
    QMenu *file = menuBar()->addMenu(tr("&File"));
    file->setObjectName(QStringLiteral("fileMenu"));
    file->addAction(m_newBatchAction);
    file->addAction(m_openAction);
    file->addAction(m_buildAction);
    m_recentMenu = file->addMenu(tr("Open &Recent"));
    m_recentMenu->setObjectName(QStringLiteral("recentMenu"));
    file->addSeparator();
    file->addAction(m_revalidateAction);
    file->addAction(m_cancelAction);
    file->addSeparator();
    file->addAction(m_quitAction);

    QMenu *edit = menuBar()->addMenu(tr("&Edit"));
    edit->setObjectName(QStringLiteral("editMenu"));
    edit->addAction(m_copyIdAction);
    edit->addAction(m_findAction);

    QMenu *view = menuBar()->addMenu(tr("&View"));
    view->setObjectName(QStringLiteral("viewMenu"));
    view->addActions(m_viewActions);
    view->addSeparator();
    m_viewMenu = view;
    auto *language = new LanguageMenu(this);
    language->setObjectName(QStringLiteral("languageMenu"));
    view->addMenu(language);
    view->addSeparator();

    QMenu *batch = menuBar()->addMenu(tr("&Batch"));
    batch->setObjectName(QStringLiteral("batchMenu"));
    batch->addAction(m_newBatchAction);
    batch->addAction(m_refreshAction);
    batch->addSeparator();
    batch->addAction(m_cancelBatchAction);
    batch->addAction(m_cancelJobAction);
    batch->addAction(m_openResultsAction);
    batch->addAction(m_downloadAction);
    batch->addAction(m_showInputAction);
    batch->addAction(m_copyIdAction);

    QMenu *account = menuBar()->addMenu(tr("&Account"));
    account->setObjectName(QStringLiteral("accountMenu"));
    account->addAction(m_addAccountAction);
    account->addAction(m_editAccountAction);
    account->addAction(m_removeAccountAction);

    // The one price table: the estimates before submitting, the budget cap and the results' totals use it.
    QMenu *settings = menuBar()->addMenu(tr("&Settings"));
    settings->setObjectName(QStringLiteral("settingsMenu"));
    auto *prices = settings->addAction(tr("&Prices\u2026"));
    prices->setObjectName(QStringLiteral("pricesAction"));
    prices->setStatusTip(tr("Check and edit the prices per million tokens that the cost estimates use"));
    connect(prices, &QAction::triggered, this, [this] { PricesDialog::openFor(this); });

    QMenu *help = menuBar()->addMenu(tr("&Help"));
    help->setObjectName(QStringLiteral("helpMenu"));
    help->addAction(m_aboutAction);
    help->addAction(m_aboutQtAction);
}

void MainWindow::createToolBar()
{
    QToolBar *bar = addToolBar(tr("Main Toolbar"));
    bar->setObjectName(QStringLiteral("mainToolBar"));
    bar->setMovable(false);
    bar->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    bar->setIconSize(QSize(18, 18));
    bar->addAction(m_newBatchAction);
    bar->addAction(m_openAction);
    bar->addAction(m_buildAction);
    bar->addSeparator();
    bar->addAction(m_refreshAction);
    bar->addAction(m_cancelBatchAction);
    bar->addAction(m_openResultsAction);

    QAction *toggleToolbar = bar->toggleViewAction();
    toggleToolbar->setText(tr("Show &Toolbar"));
    m_viewMenu->addAction(toggleToolbar);
    QAction *toggleStatus = new QAction(tr("Show &Status Bar"), this);
    toggleStatus->setCheckable(true);
    toggleStatus->setChecked(true);
    connect(toggleStatus, &QAction::toggled, statusBar(), &QStatusBar::setVisible);
    m_viewMenu->addAction(toggleStatus);
}

void MainWindow::openFile(const QString &path)
{
    if (path.isEmpty())
        return;
    showView(Sidebar::View::Validate);
    m_validationPage->openFile(path);
    updateTitle();
    updateCounts();
}

void MainWindow::openFiles(const QStringList &paths)
{
    if (paths.isEmpty())
        return;
    m_queuedFiles = paths.mid(1);
    openFile(paths.first());
    if (!m_queuedFiles.isEmpty()) {
        m_banner->showMessage(MessageBanner::Type::Info,
                              m_queuedFiles.size() == 1
                                  ? tr("1 more file is waiting; it opens after this one is submitted.")
                                  : tr("%1 more files are waiting; each opens after the previous one is "
                                       "submitted.")
                                        .arg(m_queuedFiles.size()),
                              tr("Next File"), [this] { openNextQueued(); });
        m_banner->setOwner(m_validationPage);
    }
}

void MainWindow::openNextQueued()
{
    if (m_queuedFiles.isEmpty())
        return;
    openFiles(m_queuedFiles);
}

void MainWindow::openFileDialog()
{
    const QString path =
        FileDialog::getOpenFileName(this, tr("Open Batch Input File"),
                                    tr("JSON Lines files (*.jsonl *.jsonl.txt *.ndjson);;All files (*)"));
    openFile(path);
}

void MainWindow::showAbout()
{
    MessageBox::about(this, tr("About Batchdesk"),
                      tr("<h3>Batchdesk %1</h3>"
                         "<p>A desktop client for OpenAI-compatible Batch APIs: validate, submit and monitor "
                         "batch jobs and work with their results.</p>"
                         "<p>Built with Qt %2. Licensed under the MIT licence.</p>")
                              .arg(applicationVersion(), QString::fromLatin1(qVersion()))
                          + QStringLiteral("<p><b>") + tr("Third-party components:")
                          + QStringLiteral("</b></p>")
                          + QStringLiteral("<table cellspacing='2'>"
                                           "<tr><td>Qt 6</td><td>LGPL-3.0-only</td></tr>"
                                           "<tr><td>QtKeychain</td><td>BSD-3-Clause</td></tr>"
                                           "<tr><td>simdjson</td><td>Apache-2.0 OR MIT</td></tr>"
                                           "<tr><td>cpp-httplib</td><td>MIT</td></tr>"
                                           "<tr><td>libxlsxwriter</td><td>BSD-2-Clause</td></tr>"
                                           "<tr><td>libcsv</td><td>LGPL-2.1-or-later</td></tr>"
                                           "<tr><td>SQLite</td><td>Public domain</td></tr>"
                                           "<tr><td>zlib</td><td>Zlib</td></tr>"
                                           "</table>"));
}

void MainWindow::addRecentFile(const QString &path)
{
    QSettings settings;
    QStringList files = settings.value(kRecentKey).toStringList();
    files.removeAll(path);
    files.prepend(path);
    while (files.size() > kMaxRecentFiles)
        files.removeLast();
    settings.setValue(kRecentKey, files);
    updateRecentMenu();
    updateTitle();
}

void MainWindow::updateRecentMenu()
{
    m_recentMenu->clear();
    const QStringList files = QSettings().value(kRecentKey).toStringList();
    int n = 0;
    for (const QString &path : files) {
        ++n;
        const QString label = n < 10 ? QStringLiteral("&%1  %2").arg(n).arg(QFileInfo(path).fileName())
                                     : QFileInfo(path).fileName();
        QAction *action = m_recentMenu->addAction(label);
        action->setToolTip(QDir::toNativeSeparators(path));
        action->setStatusTip(QDir::toNativeSeparators(path));
        connect(action, &QAction::triggered, this, [this, path] { openFile(path); });
    }
    if (!files.isEmpty())
        m_recentMenu->addSeparator();
    m_recentMenu->addAction(m_clearRecentAction);
    m_clearRecentAction->setEnabled(!files.isEmpty());
    m_recentMenu->setEnabled(!files.isEmpty());
}

void MainWindow::updateTitle()
{
    const auto account = m_controller ? m_controller->currentAccount() : std::nullopt;
    const QString page = m_pages->currentWidget() == m_allAccountsPage ? tr("All accounts")
        : m_pages->currentWidget() == m_validationPage && !m_validationPage->filePath().isEmpty()
        ? QFileInfo(m_validationPage->filePath()).fileName()
        : (account ? account->name : QString());
    setWindowTitle(page.isEmpty() ? tr("Batchdesk") : tr("%1 \u2014 Batchdesk").arg(page));
}

void MainWindow::setValidating(bool validating)
{
    m_cancelAction->setEnabled(validating);
    m_revalidateAction->setEnabled(!validating && !m_validationPage->filePath().isEmpty());
}

void MainWindow::dragEnterEvent(QDragEnterEvent *event)
{
    const QString path = draggedFile(event->mimeData());
    if (path.isEmpty()) {
        event->ignore();
        return;
    }
    const QFileInfo info(path);
    const bool folder = info.isDir();
    m_overlay->setDetail(
        folder ? tr("%1 is a folder; drop a .jsonl file").arg(info.fileName()) : info.fileName(), !folder);
    m_overlay->setGeometry(rect());
    m_overlay->raise();
    m_overlay->show();
    event->setDropAction(Qt::CopyAction);
    event->accept();
}

void MainWindow::dragMoveEvent(QDragMoveEvent *event)
{
    if (draggedFile(event->mimeData()).isEmpty()) {
        event->ignore();
        return;
    }
    event->setDropAction(Qt::CopyAction);
    event->accept();
}

void MainWindow::dragLeaveEvent(QDragLeaveEvent *event)
{
    hideOverlay();
    event->accept();
}

void MainWindow::dropEvent(QDropEvent *event)
{
    hideOverlay();
    const QString path = draggedFile(event->mimeData());
    if (path.isEmpty()) {
        event->ignore();
        return;
    }
    event->setDropAction(Qt::CopyAction);
    event->accept();
    const QString suffix = QFileInfo(path).suffix().toLower();
    if (suffix == QLatin1StringView("csv") || suffix == QLatin1StringView("tsv")) {
        openBuilder(path);
        return;
    }
    openFiles(draggedFiles(event->mimeData()));
}

void MainWindow::hideOverlay()
{
    m_overlay->hide();
}

void MainWindow::resizeEvent(QResizeEvent *event)
{
    QMainWindow::resizeEvent(event);
    if (m_overlay->isVisible())
        m_overlay->setGeometry(rect());
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    // A job's part being uploaded is submitted again at the next start; a single batch's upload is lost.
    if (m_controller->isSubmittingBatch()
        && MessageBox::confirm(this, tr("Upload Running"),
                               tr("A file is being uploaded for a new batch. Quit anyway? The upload is "
                                  "cancelled and no batch is created."),
                               tr("Quit"), tr("Keep Uploading"))
            != QMessageBox::Yes) {
        event->ignore();
        return;
    }
    QSettings settings;
    settings.setValue(QStringLiteral("MainWindow/geometry"), saveGeometry());
    settings.setValue(QStringLiteral("MainWindow/state"), QMainWindow::saveState());
    settings.setValue(QStringLiteral("MainWindow/splitter"), m_splitter->saveState());
    m_validationPage->saveState();
    m_batchesPage->saveState();
    m_filesPage->saveState();
    m_jobsPage->saveState();
    event->accept();
}

void MainWindow::showAllAccounts()
{
    m_pages->setCurrentWidget(m_allAccountsPage);
    m_sidebar->setAllAccountsCurrent(true);
    if (m_banner->isVisible() && m_banner->owner() && m_banner->owner() != m_allAccountsPage)
        m_banner->hideMessage();
    if (const QWidget *focus = QApplication::focusWidget(); !focus || !focus->isVisible())
        m_allAccountsPage->setFocus(Qt::OtherFocusReason);
    updateTitle();
}

void MainWindow::showAccountBatch(qint64 accountId, const QString &batchId)
{
    if (accountId != m_controller->currentAccountId())
        m_controller->selectAccount(accountId); // its cached batches are in the list at once
    showView(Sidebar::View::Batches);
    if (!batchId.isEmpty()) {
        m_batchesPage->selectBatch(batchId);
        m_batchesPage->setFocus(Qt::OtherFocusReason);
    }
}

void MainWindow::showView(Sidebar::View view)
{
    m_sidebar->setAllAccountsCurrent(false);
    QWidget *page = view == Sidebar::View::Batches ? static_cast<QWidget *>(m_batchesPage)
        : view == Sidebar::View::Jobs              ? static_cast<QWidget *>(m_jobsPage)
        : view == Sidebar::View::Results           ? static_cast<QWidget *>(m_resultsPage)
        : view == Sidebar::View::Files             ? static_cast<QWidget *>(m_filesPage)
                                                   : static_cast<QWidget *>(m_validationPage);
    m_pages->setCurrentWidget(page);
    m_sidebar->setCurrentView(view);
    // A message about another page does not follow the user here.
    if (m_banner->isVisible() && m_banner->owner() && m_banner->owner() != page)
        m_banner->hideMessage();
    // Keyboard users keep a focus: after a dialog closed or the page changed, the new page's list takes it.
    if (const QWidget *focus = QApplication::focusWidget(); !focus || !focus->isVisible())
        page->setFocus(Qt::OtherFocusReason);
    updateTitle();
}

void MainWindow::applyAccountLimits()
{
    const auto account = m_controller->currentAccount();
    if (!account)
        return;
    const Jsonl::LimitProfile profile =
        Jsonl::LimitProfile::byName(account->limitProfile).value_or(Jsonl::LimitProfile::deepinfra());
    Jsonl::ValidationOptions options = m_validationPage->options();
    if (options.profile.name == profile.name)
        return;
    options.profile = profile;
    m_validationPage->setOptions(options);
    // A verdict against the previous account's limits would be wrong for this one.
    if (m_validationPage->filePath().isEmpty())
        return;
    m_validationPage->revalidate();
    m_banner->showMessage(
        MessageBanner::Type::Info,
        tr("%1 is validated again against the limits of %2 (account \u201c%3\u201d).")
            .arg(QFileInfo(m_validationPage->filePath()).fileName(), profile.displayName, account->name));
    m_banner->setOwner(m_validationPage);
}

void MainWindow::updateAccounts()
{
    QList<qint64> sandboxIds;
    const QList<Store::Account> accounts = m_controller->accounts();
    for (const auto &a : accounts) {
        if (m_controller->isSandbox(a))
            sandboxIds << a.id;
    }
    m_sidebar->setAccounts(accounts, m_controller->currentAccountId(), sandboxIds);
    m_removeAccountAction->setEnabled(!accounts.isEmpty());
    m_editAccountAction->setEnabled(!accounts.isEmpty());
}

void MainWindow::updateCounts()
{
    const int batches = m_controller->batchModel()->rowCount();
    const int files = m_controller->fileModel()->rowCount();
    m_sidebar->setViewBadge(Sidebar::View::Batches, batches > 0 ? QLocale().toString(batches) : QString());
    m_sidebar->setViewBadge(Sidebar::View::Files, files > 0 ? QLocale().toString(files) : QString());
    const int jobs = m_controller->jobModel()->jobCount();
    m_sidebar->setViewBadge(Sidebar::View::Jobs, jobs > 0 ? QLocale().toString(jobs) : QString());
    m_sidebar->setViewBadge(Sidebar::View::Validate,
                            m_validationPage->filePath().isEmpty() ? QString() : QStringLiteral("1"));
}

void MainWindow::updateStatusLine()
{
    m_refreshLabel->setText(m_controller->statusText());
    m_retryNow->setVisible(m_controller->monitor() && m_controller->monitor()->consecutiveFailures() > 0);
}

void MainWindow::updateBatchActions()
{
    const auto b = m_batchesPage->currentBatch();
    const bool connected = m_controller->isConnected();
    m_cancelBatchAction->setEnabled(b && connected && !b->isTerminal()
                                    && b->status() != Api::Batch::Status::Cancelling);
    m_downloadAction->setEnabled(b && connected && (!b->outputFileId.isEmpty() || !b->errorFileId.isEmpty()));
    m_openResultsAction->setEnabled(b && b->isTerminal());
    bool jobRunning = false;
    if (b) {
        const QString job = b->metadata.value(Api::kJobKey);
        // Queued parts have no batch yet: the job's own state says whether something is left to cancel.
        jobRunning = !job.isEmpty() && m_controller->isJobActive(job);
        for (const auto &member : m_controller->jobBatches(job))
            jobRunning =
                jobRunning || (!member.isTerminal() && member.status() != Api::Batch::Status::Cancelling);
    }
    m_cancelJobAction->setEnabled(connected && jobRunning);
    m_copyIdAction->setEnabled(b.has_value());
    m_showInputAction->setEnabled(b && !m_controller->inputPathOf(b->id).isEmpty());
    m_refreshAction->setEnabled(m_controller->currentAccount().has_value());
}

void MainWindow::refresh()
{
    if (m_pages->currentWidget() == m_validationPage && !m_validationPage->filePath().isEmpty()
        && !m_validationPage->isValidating()) {
        m_validationPage->revalidate();
        return;
    }
    m_controller->refresh();
}

void MainWindow::createBatch()
{
    if (!m_validationPage->canSubmit())
        return;
    const auto account = m_controller->currentAccount();
    if (!account || !m_controller->isConnected()) {
        m_banner->showMessage(MessageBanner::Type::Warning,
                              tr("No account is connected. Select an account in the sidebar (or add one) and "
                                 "try again."),
                              tr("Add Account"), [this] { addAccount(); });
        m_banner->setOwner(m_validationPage);
        return;
    }
    if (m_checkingDuplicate)
        return;
    // The same content (SHA-256) already submitted with this account is probably a mistake: say so first.
    // Hashing a large file takes a moment, so it runs off the GUI thread.
    const QString path = m_validationPage->filePath();
    m_checkingDuplicate = true;
    m_statusLabel->setText(
        tr("Checking whether %1 was submitted before\u2026").arg(QFileInfo(path).fileName()));
    auto *watcher = new QFutureWatcher<QString>(this);
    connect(watcher, &QFutureWatcher<QString>::finished, this, [this, watcher, path] {
        watcher->deleteLater();
        m_checkingDuplicate = false;
        m_statusLabel->setText(tr("Ready"));
        if (path != m_validationPage->filePath() || !m_validationPage->canSubmit())
            return;
        const auto earlier = m_controller->batchWithInputSha256(watcher->result());
        if (earlier) {
            const QString name = QFileInfo(path).fileName();
            const QString when =
                QLocale().toString(QDateTime::fromSecsSinceEpoch(earlier->createdAt), QLocale::ShortFormat);
            if (MessageBox::confirm(
                    this, tr("Already Submitted"),
                    tr("%1 was already submitted with this account: batch %2, created %3 (%4). "
                       "Submit the same requests again as a new batch?")
                        .arg(name, earlier->id, when,
                             Models::BatchTableModel::statusText(*earlier).toLower()),
                    tr("Submit Again"), tr("Show Earlier Batch"), QMessageBox::No, QMessageBox::Warning)
                != QMessageBox::Yes) {
                showView(Sidebar::View::Batches);
                m_batchesPage->selectBatch(earlier->id);
                return;
            }
        }
        openCreateDialog();
    });
    watcher->setFuture(QtConcurrent::run([path] { return Batchdesk::sha256OfFile(path); }));
}

void MainWindow::trySample()
{
    QString error;
    const QString path = m_controller->writeSampleBatch(&error);
    if (path.isEmpty()) {
        m_banner->showMessage(MessageBanner::Type::Error, error);
        m_banner->setOwner(m_batchesPage);
        return;
    }
    openFile(path);
    const auto account = m_controller->currentAccount();
    const bool sandbox = account && m_controller->isSandbox(*account);
    m_banner->showMessage(MessageBanner::Type::Info,
                          sandbox
                              ? tr("A sample batch of 12 requests; 2 of them fail on purpose in the sandbox. "
                                   "Choose \u201c"
                                   "Create Batch\u201d to run it, then open its results.")
                              : tr("A sample batch of 12 requests. Choose \u201c"
                                   "Create Batch\u201d to run it "
                                   "with this account, then open its results."),
                          tr("Create Batch"), [this] { createBatch(); });
    m_banner->setOwner(m_validationPage);
}

void MainWindow::openAndCreate(const QString &path)
{
    openFile(path);
    // Once validated, a valid file goes on to the Create Batch dialog; an invalid one stays with its issues.
    auto connection = std::make_shared<QMetaObject::Connection>();
    *connection = connect(m_validationPage, &ValidationPage::validatingChanged, this,
                          [this, connection, path](bool validating) {
                              if (validating)
                                  return;
                              disconnect(*connection);
                              // validatingChanged(false) comes before the report is shown.
                              QTimer::singleShot(0, this, [this, path] {
                                  if (m_validationPage->filePath() == QFileInfo(path).absoluteFilePath()
                                      && m_validationPage->canSubmit())
                                      createBatch();
                              });
                          });
}

void MainWindow::openCreateDialog()
{
    const auto account = m_controller->currentAccount();
    if (!account)
        return;
    const auto &report = m_validationPage->report();
    auto *dialog = new CreateBatchDialog(m_validationPage->filePath(), report.lines, report.endpoint,
                                         account->name, this);
    dialog->setCompletionWindows(Jsonl::LimitProfile::byName(account->limitProfile)
                                     .value_or(Jsonl::LimitProfile::deepinfra())
                                     .completionWindows);
    dialog->setCostEstimate({m_validationPage->filePath()}, m_controller->providerOf(account->id));
    connect(dialog, &QDialog::accepted, this, [this, dialog] {
        QString refused;
        if (!m_controller->submit(dialog->filePath(), dialog->params(), dialog->budget(), dialog->estimate(),
                                  &refused)
            && !refused.isEmpty()) {
            m_banner->showMessage(MessageBanner::Type::Error, refused);
            m_banner->setOwner(m_validationPage);
        }
    });
    dialog->open();
}

void MainWindow::onSubmissionFinished(Submission *s)
{
    // A job's parts are followed in the Jobs view; a stopped job says why through the controller.
    if (s->params().metadata.contains(Api::kJobKey))
        return;
    const QString name = QFileInfo(s->path()).fileName();
    switch (s->state()) {
    case Submission::State::Done: {
        const QString id = s->batch().id;
        m_banner->showMessage(MessageBanner::Type::Positive,
                              tr("Batch %1 was created from %2 and is being monitored.").arg(id, name));
        // Only jump to the list when the user did not move on to another file meanwhile.
        if (m_validationPage->filePath() == s->path() || m_pages->currentWidget() != m_validationPage) {
            showView(Sidebar::View::Batches);
            m_batchesPage->selectBatch(id);
            m_banner->setOwner(m_batchesPage);
        }
        openNextQueued();
        break;
    }
    case Submission::State::Failed:
        m_banner->showMessage(MessageBanner::Type::Error, s->errorText());
        m_banner->setOwner(m_pages->currentWidget());
        break;
    case Submission::State::Canceled:
        m_banner->showMessage(MessageBanner::Type::Info, s->errorText());
        m_banner->setOwner(m_pages->currentWidget());
        break;
    default:
        break;
    }
}

void MainWindow::cancelSelectedBatch()
{
    const auto b = m_batchesPage->currentBatch();
    if (!b || b->isTerminal())
        return;
    const QString description = Models::BatchTableModel::descriptionText(*b);
    const QString what = description.isEmpty() ? b->id : tr("%1 (%2)").arg(description, b->id);
    if (MessageBox::confirm(this, tr("Cancel Batch"),
                            tr("Cancel the batch %1? Requests that already finished keep their results; the "
                               "others are not run.")
                                .arg(what),
                            tr("Cancel Batch"), tr("Keep Running"))
        != QMessageBox::Yes)
        return;
    m_controller->cancelBatch(b->id);
}

void MainWindow::downloadSelectedResults()
{
    const auto b = m_batchesPage->currentBatch();
    if (!b)
        return;
    const QString folder = FileDialog::getExistingDirectory(this, tr("Save Results To"));
    if (folder.isEmpty())
        return;
    m_controller->downloadResults(*b, folder);
}

void MainWindow::copySelectedId()
{
    if (const auto b = m_batchesPage->currentBatch()) {
        QApplication::clipboard()->setText(b->id);
        m_statusLabel->setText(tr("Copied %1").arg(b->id));
    }
}

void MainWindow::showSelectedInput()
{
    const auto b = m_batchesPage->currentBatch();
    if (!b)
        return;
    const QString path = m_controller->inputPathOf(b->id);
    if (path.isEmpty()) {
        m_banner->showMessage(
            MessageBanner::Type::Info,
            tr("The input file of %1 is not known: it was not submitted from this computer.").arg(b->id));
        m_banner->setOwner(m_batchesPage);
        return;
    }
    if (!QFileInfo::exists(path)) {
        m_banner->showMessage(MessageBanner::Type::Warning,
                              tr("The input file %1 no longer exists.").arg(QDir::toNativeSeparators(path)));
        m_banner->setOwner(m_batchesPage);
        return;
    }
    openFile(path);
}

void MainWindow::addAccount()
{
    auto *dialog = new AccountDialog(m_controller, Store::Account(), this);
    dialog->open();
}

void MainWindow::editAccount(qint64 accountId)
{
    const qint64 id = accountId ? accountId : m_controller->currentAccountId();
    for (const auto &a : m_controller->accounts()) {
        if (a.id == id) {
            auto *dialog = new AccountDialog(m_controller, a, this);
            dialog->open();
            return;
        }
    }
}

void MainWindow::removeAccount(qint64 accountId)
{
    const qint64 id = accountId ? accountId : m_controller->currentAccountId();
    std::optional<Store::Account> account;
    for (const auto &a : m_controller->accounts()) {
        if (a.id == id)
            account = a;
    }
    if (!account)
        return;
    if (MessageBox::confirm(
            this, tr("Remove Account"),
            tr("Remove the account \u201c%1\u201d? Its key is deleted from the keychain and its "
               "cached batches are forgotten; nothing is deleted on the server.")
                .arg(account->name),
            tr("Remove Account"), tr("Keep It"))
        != QMessageBox::Yes)
        return;
    m_controller->removeAccount(id, [this](const QString &error) {
        if (!error.isEmpty())
            m_banner->showMessage(MessageBanner::Type::Error, error);
    });
}

void MainWindow::notifyFinished(const Api::Batch &batch)
{
    const QString description = Models::BatchTableModel::descriptionText(batch);
    const QString title = tr("Batch %1").arg(Models::BatchTableModel::statusText(batch).toLower());
    const auto counts = batch.requestCounts.value_or(Api::RequestCounts {});
    QString text = description.isEmpty() ? batch.id : description;
    if (counts.total > 0)
        text += tr(" \u2014 %1 of %2 succeeded")
                    .arg(Models::DisplayFormat::count(counts.completed),
                         Models::DisplayFormat::count(counts.total));
    m_lastNotification = title + QStringLiteral(": ") + text;
    m_statusLabel->setText(m_lastNotification);
    if (m_tray && QSystemTrayIcon::supportsMessages())
        m_tray->showMessage(title, text,
                            batch.status() == Api::Batch::Status::Completed && counts.failed == 0
                                ? QSystemTrayIcon::Information
                                : QSystemTrayIcon::Warning);
}

void MainWindow::openSelectedResults()
{
    const auto b = m_batchesPage->currentBatch();
    if (!b || !b->isTerminal())
        return;
    m_resultsPage->showBatch(b->id);
    showView(Sidebar::View::Results);
}

void MainWindow::openBuilder(const QString &csvPath)
{
    const auto account = m_controller->currentAccount();
    const auto profile = Jsonl::LimitProfile::byName(account ? account->limitProfile : QString())
                             .value_or(Jsonl::LimitProfile::deepinfra());
    auto *dialog = new BuilderDialog(m_controller, profile, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &BuilderDialog::openFileRequested, this, &MainWindow::openFile);
    connect(dialog, &BuilderDialog::submitJobRequested, this, &MainWindow::submitJob);
    connect(dialog, &BuilderDialog::submitFileRequested, this, &MainWindow::openAndCreate);
    dialog->show();
    if (!csvPath.isEmpty())
        dialog->loadCsv(csvPath);
}

void MainWindow::splitAndSubmit()
{
    if (!m_validationPage->canSplitSubmit() || m_splitting)
        return;
    const Jsonl::ValidationReport report = m_validationPage->report();
    const QString path = m_validationPage->filePath();
    const QString dir = QDir(dataDirectory())
                            .filePath(QStringLiteral("jobs/split-")
                                      + QUuid::createUuid().toString(QUuid::WithoutBraces).left(8));
    m_splitting = true;
    m_statusLabel->setText(tr("Splitting %1 into batches\u2026").arg(QFileInfo(path).fileName()));
    // Streams the file on a worker thread: a 200 MB file never blocks the window.
    using Parts = Result<QList<Jsonl::SplitPart>>;
    auto *watcher = new QFutureWatcher<Parts>(this);
    connect(watcher, &QFutureWatcher<Parts>::finished, this, [this, watcher, report, path, dir] {
        watcher->deleteLater();
        m_splitting = false;
        m_statusLabel->setText(tr("Ready"));
        const Parts parts = watcher->result();
        if (!parts.ok()) {
            m_banner->showMessage(MessageBanner::Type::Error,
                                  tr("The file could not be split: %1").arg(parts.errorString()));
            m_banner->setOwner(m_validationPage);
            return;
        }
        JobDraft draft;
        draft.name = QFileInfo(path).fileName();
        draft.sourcePath = path;
        draft.folder = dir;
        draft.endpoint = report.endpoint;
        draft.parts = parts.value();
        submitJob(draft);
    });
    watcher->setFuture(QtConcurrent::run([path, dir, report] {
        return Jsonl::splitJsonl(path, dir, QFileInfo(path).completeBaseName(), report.profile,
                                 report.endpoint == Jsonl::kEmbeddings);
    }));
}

void MainWindow::submitJob(const JobDraft &draft)
{
    if (draft.parts.isEmpty())
        return;
    const auto account = m_controller->currentAccount();
    if (!account || !m_controller->isConnected()) {
        m_banner->showMessage(MessageBanner::Type::Warning,
                              tr("No account is connected. Select an account in the sidebar and try again."));
        m_banner->setOwner(m_pages->currentWidget());
        return;
    }
    // One dialog for the whole job: the parameters apply to every part.
    const int n = int(draft.parts.size());
    auto *dialog = new CreateBatchDialog(draft.parts.first().path, draft.requests(), draft.endpoint,
                                         account->name, this);
    dialog->setWindowTitle(tr("Create a Job of %n Batch(es)", nullptr, n));
    dialog->setJobMode(true);
    dialog->setCompletionWindows(Jsonl::LimitProfile::byName(account->limitProfile)
                                     .value_or(Jsonl::LimitProfile::deepinfra())
                                     .completionWindows);
    // The parts say which part they are; the description names the whole (the source, not its first part).
    dialog->setDescription(QFileInfo(draft.name).completeBaseName());
    QStringList names;
    for (const Jsonl::SplitPart &p : draft.parts)
        names << QFileInfo(p.path).fileName().toHtmlEscaped();
    dialog->setHeading(
        tr("<b>%1</b> \u2014 %2 requests in %n batch(es)", nullptr, n)
            .arg(names.join(QStringLiteral(", ")), Models::DisplayFormat::count(draft.requests())));
    // A job can go to any account: the parts must fit that account's limits (and take its endpoint).
    QList<CreateBatchDialog::AccountChoice> choices;
    QHash<qint64, Jsonl::LimitProfile> profiles;
    for (const Store::Account &a : m_controller->accounts()) {
        const auto profile =
            Jsonl::LimitProfile::byName(a.limitProfile).value_or(Jsonl::LimitProfile::openai());
        profiles.insert(a.id, profile);
        choices.append({a.id, a.name, profile.completionWindows, m_controller->providerOf(a.id)});
    }
    qint64 maxLines = 0;
    qint64 maxBytes = 0;
    for (const Jsonl::SplitPart &p : draft.parts) {
        maxLines = qMax(maxLines, p.lines);
        maxBytes = qMax(maxBytes, p.bytes);
    }
    const QString endpoint = draft.endpoint;
    dialog->setAccounts(choices, account->id, [profiles, maxLines, maxBytes, endpoint](qint64 id) {
        const Jsonl::LimitProfile profile = profiles.value(id);
        if (!endpoint.isEmpty() && !profile.supportsEndpoint(endpoint))
            return tr("%1 takes no %2 batches.").arg(profile.displayName, endpoint);
        if (maxLines > profile.maxLines || maxBytes > profile.maxBytes)
            return tr("The parts are too large for %1 (%2 requests, %3 bytes at most a batch); open the file "
                      "with that account selected to split it for its limits.")
                .arg(profile.displayName, Models::DisplayFormat::count(profile.maxLines),
                     Models::DisplayFormat::count(profile.maxBytes));
        return QString();
    });
    QStringList partPaths;
    for (const Jsonl::SplitPart &p : draft.parts)
        partPaths << p.path;
    dialog->setCostEstimate(partPaths, m_controller->providerOf(account->id));
    connect(dialog, &QDialog::accepted, this, [this, dialog, draft, n] {
        const qint64 target = dialog->accountId();
        const bool elsewhere = target > 0 && target != m_controller->currentAccountId();
        const auto job = m_controller->submitJob(draft, dialog->params(), dialog->retryRounds(), target,
                                                 dialog->budget(), dialog->estimate());
        if (!job.ok()) {
            m_banner->showMessage(MessageBanner::Type::Error,
                                  tr("The job could not be recorded: %1").arg(job.errorString()));
            m_banner->setOwner(m_pages->currentWidget());
            return;
        }
        const int limit = m_controller->maxInFlight();
        m_banner->showMessage(
            MessageBanner::Type::Info,
            elsewhere
                ? tr("Job %1 goes to %2: its %n part(s) are submitted as soon as the account is connected.",
                     nullptr, n)
                      .arg(job.value().id,
                           m_controller->currentAccount() ? m_controller->currentAccount()->name : QString())
                : n > limit
                ? tr("Job %1: %n part(s) are submitted as the provider allows, %2 at a time.", nullptr, n)
                      .arg(job.value().id)
                      .arg(limit)
                : tr("Job %1: %n part(s) are being submitted, one upload after the other.", nullptr, n)
                      .arg(job.value().id));
        m_banner->setOwner(m_jobsPage);
        showView(Sidebar::View::Jobs);
        m_jobsPage->selectJob(job.value().id);
    });
    dialog->open();
}

void MainWindow::cancelSelectedJob()
{
    const auto b = m_batchesPage->currentBatch();
    if (!b)
        return;
    const QString job = b->metadata.value(Api::kJobKey);
    const auto members = m_controller->jobBatches(job);
    if (members.isEmpty() && !m_controller->isJobActive(job))
        return;
    if (MessageBox::confirm(this, tr("Cancel Job"),
                            tr("Cancel every running batch of %1 (%n batch(es)) and the parts still waiting? "
                               "Finished requests keep their results.",
                               nullptr, int(members.size()))
                                .arg(job),
                            tr("Cancel Job"), tr("Keep Running"))
        != QMessageBox::Yes)
        return;
    if (const auto cancelled = m_controller->cancelJob(job); !cancelled.ok()) {
        m_banner->showMessage(MessageBanner::Type::Warning, cancelled.errorString());
        m_banner->setOwner(m_batchesPage);
    }
}

} // namespace Batchdesk::Ui
