#pragma once

#include <QWidget>

class QFrame;
class QLabel;
class QPushButton;
class QSortFilterProxyModel;
class QTreeView;

namespace Batchdesk::Ui {

class AppController;
class LimitBar;

/**
 * The files of the current account (purpose, size, created, expires) with the storage they use against the
 * provider's quota, and delete with confirmation (through MessageBox). Observes the controller's
 * FileTableModel.
 */
class FilesPage final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(FilesPage)

public:
    explicit FilesPage(AppController *controller, QWidget *parent = nullptr);
    ~FilesPage() override;

    /** Asks for confirmation, then deletes the selected file. */
    void deleteSelected();
    /** Asks for confirmation, then deletes the uploads no batch used (AppController::orphanUploads()). */
    void deleteOrphans();
    QTreeView *view() const { return m_view; }

    void saveState() const;
    void restoreState();

private:
    void updateStorage();
    void updateButtons();
    void updateOrphans();

    AppController *m_controller;
    QSortFilterProxyModel *m_proxy;
    QTreeView *m_view;
    QLabel *m_storage;
    LimitBar *m_storageBar;
    QPushButton *m_delete;
    QPushButton *m_refresh;
    QFrame *m_orphanRow;
    QLabel *m_orphanText;
    QPushButton *m_deleteOrphans;
};

} // namespace Batchdesk::Ui
