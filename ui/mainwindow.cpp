#include "mainwindow.h"

#include "common/version.h"
#include "dropoverlay.h"
#include "filedialog.h"
#include "icons.h"
#include "messagebanner.h"
#include "messagebox.h"
#include "validationpage.h"

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QDir>
#include <QDragEnterEvent>
#include <QFileInfo>
#include <QLabel>
#include <QMenuBar>
#include <QMimeData>
#include <QSettings>
#include <QStackedWidget>
#include <QStatusBar>
#include <QToolBar>
#include <QVBoxLayout>

namespace Batchdesk::Ui {

namespace {

const QString kRecentKey = QStringLiteral("MainWindow/recentFiles");

// The first local file of a drag, or an empty string when it carries none.
QString draggedFile(const QMimeData *mime)
{
    if (!mime || !mime->hasUrls())
        return {};
    for (const QUrl &url : mime->urls()) {
        if (url.isLocalFile())
            return url.toLocalFile();
    }
    return {};
}

} // namespace

MainWindow::MainWindow(QWidget *parent)
    : QMainWindow(parent)
{
    setObjectName(QStringLiteral("MainWindow"));
    setWindowIcon(Models::icon(QStringLiteral("batchdesk")));
    setAcceptDrops(true);

    auto *central = new QWidget(this);
    central->setObjectName(QStringLiteral("centralWidget"));
    m_banner = new MessageBanner(central);
    m_pages = new QStackedWidget(central);
    m_pages->setObjectName(QStringLiteral("pages"));
    m_validationPage = new ValidationPage(m_banner, m_pages);
    m_pages->addWidget(m_validationPage);

    auto *layout = new QVBoxLayout(central);
    layout->setContentsMargins(8, 8, 8, 4);
    layout->setSpacing(6);
    layout->addWidget(m_banner);
    layout->addWidget(m_pages, 1);
    setCentralWidget(central);

    m_statusLabel = new QLabel(this);
    m_statusLabel->setObjectName(QStringLiteral("statusLabel"));
    statusBar()->addWidget(m_statusLabel, 1);
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

    QSettings settings;
    if (!restoreGeometry(settings.value(QStringLiteral("MainWindow/geometry")).toByteArray()))
        resize(1180, 760);
    restoreState(settings.value(QStringLiteral("MainWindow/state")).toByteArray());
    m_validationPage->restoreState();
    setValidating(false);
    updateRecentMenu();
    updateTitle();
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

    m_revalidateAction = new QAction(Models::icon(QStringLiteral("refresh")), tr("&Validate Again"), this);
    m_revalidateAction->setObjectName(QStringLiteral("revalidateAction"));
    m_revalidateAction->setShortcut(QKeySequence::Refresh);
    m_revalidateAction->setIconText(tr("Validate again"));
    connect(m_revalidateAction, &QAction::triggered, m_validationPage, &ValidationPage::revalidate);

    m_cancelAction = new QAction(Models::icon(QStringLiteral("cancel")), tr("&Cancel Validation"), this);
    m_cancelAction->setObjectName(QStringLiteral("cancelAction"));
    m_cancelAction->setIconText(tr("Cancel"));
    m_cancelAction->setShortcut(Qt::Key_Escape);
    connect(m_cancelAction, &QAction::triggered, m_validationPage, &ValidationPage::cancelValidation);

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
}

void MainWindow::createMenus()
{
    QMenu *file = menuBar()->addMenu(tr("&File"));
    file->setObjectName(QStringLiteral("fileMenu"));
    file->addAction(m_openAction);
    m_recentMenu = file->addMenu(tr("Open &Recent"));
    m_recentMenu->setObjectName(QStringLiteral("recentMenu"));
    file->addSeparator();
    file->addAction(m_revalidateAction);
    file->addAction(m_cancelAction);
    file->addSeparator();
    file->addAction(m_quitAction);

    QMenu *view = menuBar()->addMenu(tr("&View"));
    view->setObjectName(QStringLiteral("viewMenu"));
    m_viewMenu = view;

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
    bar->addAction(m_openAction);
    bar->addSeparator();
    bar->addAction(m_revalidateAction);
    bar->addAction(m_cancelAction);

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
    m_pages->setCurrentWidget(m_validationPage);
    m_validationPage->openFile(path);
    updateTitle();
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
                          .arg(applicationVersion(), QString::fromLatin1(qVersion())));
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
    const QString path = m_validationPage->filePath();
    setWindowTitle(path.isEmpty() ? tr("Batchdesk")
                                  : tr("%1 \u2014 Batchdesk").arg(QFileInfo(path).fileName()));
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
    openFile(path);
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
    QSettings settings;
    settings.setValue(QStringLiteral("MainWindow/geometry"), saveGeometry());
    settings.setValue(QStringLiteral("MainWindow/state"), QMainWindow::saveState());
    m_validationPage->saveState();
    event->accept();
}

} // namespace Batchdesk::Ui
