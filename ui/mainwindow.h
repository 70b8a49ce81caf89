#pragma once

#include <QMainWindow>

class QAction;
class QLabel;
class QMenu;
class QStackedWidget;

namespace Batchdesk::Ui {

class DropOverlay;
class MessageBanner;
class ValidationPage;

/**
 * The application window: menus, toolbar, an inline message banner, a stack of pages and the status bar.
 *
 * The central QStackedWidget holds the pages (for now the ValidationPage); later pages (batches, results) and
 * an accounts sidebar are added beside it. A .jsonl file dropped anywhere on the window is opened; while
 * dragging, a DropOverlay covers the window. Geometry, toolbar and splitter state are saved with QSettings on
 * close.
 */
class MainWindow final : public QMainWindow
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MainWindow)

public:
    explicit MainWindow(QWidget *parent = nullptr);
    ~MainWindow() override;

    /** Opens and validates a file (in the background); returns at once. */
    void openFile(const QString &path);

    ValidationPage *validationPage() const { return m_validationPage; }
    MessageBanner *messageBanner() const { return m_banner; }
    QStackedWidget *pages() const { return m_pages; }

    static constexpr int kMaxRecentFiles = 8;

public slots:
    /** Shows the Open dialog (through FileDialog) and opens the chosen file. */
    void openFileDialog();
    void showAbout();

protected:
    void dragEnterEvent(QDragEnterEvent *event) override;
    void dragMoveEvent(QDragMoveEvent *event) override;
    void dragLeaveEvent(QDragLeaveEvent *event) override;
    void dropEvent(QDropEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;
    void closeEvent(QCloseEvent *event) override;

private:
    void createActions();
    void createMenus();
    void createToolBar();
    void addRecentFile(const QString &path);
    void updateRecentMenu();
    void updateTitle();
    void setValidating(bool validating);
    void hideOverlay();

    QStackedWidget *m_pages = nullptr;
    ValidationPage *m_validationPage = nullptr;
    MessageBanner *m_banner = nullptr;
    DropOverlay *m_overlay = nullptr;
    QLabel *m_statusLabel = nullptr;
    QMenu *m_recentMenu = nullptr;
    QMenu *m_viewMenu = nullptr;

    QAction *m_openAction = nullptr;
    QAction *m_revalidateAction = nullptr;
    QAction *m_cancelAction = nullptr;
    QAction *m_quitAction = nullptr;
    QAction *m_aboutAction = nullptr;
    QAction *m_aboutQtAction = nullptr;
    QAction *m_clearRecentAction = nullptr;
};

} // namespace Batchdesk::Ui
