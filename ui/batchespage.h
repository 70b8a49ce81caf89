#pragma once

#include "api/types.h"

#include <QWidget>

class QAction;
class QComboBox;
class QLineEdit;
class QSplitter;
class QStackedWidget;
class QTreeView;

namespace Batchdesk::Models {
class BatchFilterProxyModel;
}

namespace Batchdesk::Ui {

class AppController;
class BatchDetail;

/**
 * Every batch of the current account: a status filter and a search box over a sortable table (with a progress
 * bar per row) and the detail pane of the selected batch, in a splitter whose sizes are remembered.
 *
 * The table observes the controller's BatchTableModel through a BatchFilterProxyModel; the page only selects
 * and shows. Context-menu actions are given by the window (setContextActions).
 */
class BatchesPage final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(BatchesPage)

public:
    explicit BatchesPage(AppController *controller, QWidget *parent = nullptr);
    ~BatchesPage() override;

    void setContextActions(const QList<QAction *> &actions);
    /** The selected batch, if any. */
    std::optional<Api::Batch> currentBatch() const;
    void selectBatch(const QString &batchId);
    BatchDetail *detail() const { return m_detail; }
    QTreeView *view() const { return m_view; }
    /** Focuses the search box (Ctrl+F). */
    void focusSearch();

    void saveState() const;
    void restoreState();

signals:
    void currentBatchChanged();
    void openRequested();
    /** "Try a Sample Batch" in the empty state. */
    void sampleRequested();
    /** A batch was double-clicked or Enter was pressed on it. */
    void batchActivated(const QString &batchId);

private:
    void updateEmptyState();

    AppController *m_controller;
    Models::BatchFilterProxyModel *m_proxy;
    QComboBox *m_statusFilter;
    QLineEdit *m_search;
    QStackedWidget *m_stack;
    QTreeView *m_view;
    BatchDetail *m_detail;
    QSplitter *m_splitter;
    QList<QAction *> m_contextActions;
};

} // namespace Batchdesk::Ui
