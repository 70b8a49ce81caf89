#pragma once

#include <QWidget>

class QLabel;
class QNetworkAccessManager;
class QStackedWidget;
class QToolButton;
class QTreeView;

namespace Batchdesk::Models {
class AllBatchesModel;
}
namespace Batchdesk::Workflow {
class AllAccountsMonitor;
}

namespace Batchdesk::Ui {

class AppController;

/**
 * The "All accounts" view: one read-only table of the batches of every account (Account, Provider, Status,
 * Progress, Created, Description, Id; newest first), a line per account that could not be listed, and when
 * the list was last updated. Owns a Workflow::AllAccountsMonitor that runs only while this page is visible
 * (created at the first show, once the controller is initialized; shown: the cache at once, then a round
 * every 30 s; hidden: nothing). The in-process sandbox account is reached through the controller (started
 * when needed). Double-click or Enter on a row asks to open that batch in its account (batchActivated()).
 */
class AllAccountsPage final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AllAccountsPage)

public:
    explicit AllAccountsPage(AppController *controller, QWidget *parent = nullptr);
    ~AllAccountsPage() override;

    /** Created when the page is first shown (nullptr before). */
    Workflow::AllAccountsMonitor *monitor() const { return m_monitor; }
    Models::AllBatchesModel *model() const { return m_model; }
    QTreeView *view() const { return m_view; }

signals:
    void batchActivated(qint64 accountId, const QString &batchId);

protected:
    void showEvent(QShowEvent *event) override;
    void hideEvent(QHideEvent *event) override;

private:
    bool ensureMonitor();
    void updateProblems();
    void updateStatus();

    AppController *m_controller;
    QNetworkAccessManager *m_nam;
    Workflow::AllAccountsMonitor *m_monitor = nullptr;
    Models::AllBatchesModel *m_model;
    QLabel *m_status;
    QLabel *m_problems;
    QToolButton *m_refresh;
    QStackedWidget *m_stack;
    QTreeView *m_view;
    QLabel *m_empty;
    QString m_lastUpdate;
};

} // namespace Batchdesk::Ui
