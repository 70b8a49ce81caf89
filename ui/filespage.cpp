#include "filespage.h"

#include <QFileInfo>
#include <QFrame>
#include <QLocale>

#include "appcontroller.h"
#include "columnfit.h"
#include "filetablemodel.h"
#include "icons.h"
#include "limitbar.h"
#include "messagebox.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QSettings>
#include <QSortFilterProxyModel>
#include <QTreeView>
#include <QVBoxLayout>

namespace Batchdesk::Ui {

using Models::FileTableModel;

FilesPage::FilesPage(AppController *controller, QWidget *parent)
    : QWidget(parent)
    , m_controller(controller)
    , m_proxy(new QSortFilterProxyModel(this))
    , m_view(new QTreeView(this))
    , m_storage(new QLabel(this))
    , m_storageBar(new LimitBar(this))
    , m_delete(new QPushButton(Models::icon(QStringLiteral("cancel")), tr("Delete\u2026"), this))
    , m_refresh(new QPushButton(Models::icon(QStringLiteral("refresh")), tr("Refresh"), this))
    , m_orphanRow(new QFrame(this))
    , m_orphanText(new QLabel(m_orphanRow))
    , m_deleteOrphans(new QPushButton(tr("Delete Unused Uploads\u2026"), m_orphanRow))
{
    setObjectName(QStringLiteral("filesPage"));
    m_proxy->setSourceModel(controller->fileModel());
    m_proxy->setSortRole(FileTableModel::RawValueRole);

    m_view->setObjectName(QStringLiteral("filesView"));
    m_view->setModel(m_proxy);
    m_view->setRootIsDecorated(false);
    m_view->setUniformRowHeights(true);
    m_view->setAlternatingRowColors(true);
    m_view->setSortingEnabled(true);
    m_view->sortByColumn(FileTableModel::CreatedColumn, Qt::DescendingOrder);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setAllColumnsShowFocus(true);
    m_view->header()->resizeSection(FileTableModel::IdColumn, 220);
    m_view->header()->resizeSection(FileTableModel::FilenameColumn, 220);
    // Dates, sizes and states are as wide as their text (translations included), not a fixed guess.
    auto fit = [this] {
        for (int column = 0; column < m_proxy->columnCount(); ++column) {
            if (column != FileTableModel::IdColumn && column != FileTableModel::FilenameColumn)
                fitColumnToText(m_view, m_view->header(), column);
        }
    };
    fit();
    connect(m_proxy, &QAbstractItemModel::modelReset, this, fit);
    connect(m_proxy, &QAbstractItemModel::rowsInserted, this, fit);

    m_storage->setObjectName(QStringLiteral("storageLabel"));
    m_storageBar->setObjectName(QStringLiteral("storageBar"));
    m_storageBar->setMinimumWidth(160);
    m_delete->setObjectName(QStringLiteral("deleteFileButton"));
    m_refresh->setObjectName(QStringLiteral("refreshFilesButton"));

    auto *top = new QHBoxLayout;
    top->setContentsMargins(0, 0, 0, 0);
    top->addWidget(m_storage);
    top->addWidget(m_storageBar);
    top->addStretch(1);
    top->addWidget(m_refresh);
    top->addWidget(m_delete);

    // Uploads that no batch used: offered for deletion where the files are.
    m_orphanRow->setObjectName(QStringLiteral("orphanUploadsRow"));
    // Tinted like a warning banner (an alpha tint reads on light and dark palettes alike).
    m_orphanRow->setStyleSheet(
        QStringLiteral("QFrame#orphanUploadsRow { background: rgba(233, 162, 27, 40); "
                       "border: 1px solid rgba(233, 162, 27, 150); border-radius: 4px; }"));
    auto *orphanIcon = new QLabel(m_orphanRow);
    orphanIcon->setPixmap(Models::icon(QStringLiteral("warning")).pixmap(20, 20));
    m_orphanText->setObjectName(QStringLiteral("orphanUploadsLabel"));
    m_orphanText->setWordWrap(true);
    m_deleteOrphans->setObjectName(QStringLiteral("deleteOrphansButton"));
    auto *orphanLayout = new QHBoxLayout(m_orphanRow);
    orphanLayout->setContentsMargins(8, 6, 8, 6);
    orphanLayout->addWidget(orphanIcon);
    orphanLayout->addWidget(m_orphanText, 1);
    orphanLayout->addWidget(m_deleteOrphans);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(6);
    layout->addLayout(top);
    layout->addWidget(m_orphanRow);
    layout->addWidget(m_view, 1);

    connect(m_delete, &QPushButton::clicked, this, &FilesPage::deleteSelected);
    connect(m_refresh, &QPushButton::clicked, controller, &AppController::refreshFiles);
    connect(controller, &AppController::filesLoadingChanged, m_refresh,
            [this](bool loading) { m_refresh->setEnabled(!loading); });
    connect(controller->fileModel(), &FileTableModel::totalBytesChanged, this, &FilesPage::updateStorage);
    connect(controller->fileModel(), &QAbstractItemModel::modelReset, this, &FilesPage::updateStorage);
    connect(m_view->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &FilesPage::updateButtons);
    connect(m_deleteOrphans, &QPushButton::clicked, this, &FilesPage::deleteOrphans);
    connect(controller, &AppController::orphanUploadsChanged, this, &FilesPage::updateOrphans);
    updateStorage();
    updateButtons();
    updateOrphans();
}

FilesPage::~FilesPage() = default;

void FilesPage::updateOrphans()
{
    const QList<Store::Upload> orphans = m_controller->orphanUploads();
    qint64 bytes = 0;
    for (const auto &u : orphans)
        bytes += u.bytes;
    m_orphanText->setText(tr("%n uploaded input file(s) (%1) were not used by any batch: a submission failed "
                             "or was interrupted "
                             "after the upload.",
                             nullptr, int(orphans.size()))
                              .arg(QLocale().formattedDataSize(bytes, 1, QLocale::DataSizeSIFormat)));
    m_orphanRow->setVisible(!orphans.isEmpty());
}

void FilesPage::deleteOrphans()
{
    const QList<Store::Upload> orphans = m_controller->orphanUploads();
    if (orphans.isEmpty())
        return;
    QStringList names;
    for (const auto &u : orphans)
        names << (u.inputPath.isEmpty()
                      ? u.fileId
                      : QStringLiteral("%1 (%2)").arg(u.fileId, QFileInfo(u.inputPath).fileName()));
    if (MessageBox::question(
            this, tr("Delete Unused Uploads"),
            tr("Delete %n upload(s) that no batch uses from the server?\n\n%1", nullptr, int(orphans.size()))
                .arg(names.join(u'\n')),
            QMessageBox::Yes | QMessageBox::Cancel, QMessageBox::Cancel)
        != QMessageBox::Yes)
        return;
    m_controller->deleteOrphanUploads();
}

void FilesPage::updateStorage()
{
    FileTableModel *model = m_controller->fileModel();
    const int n = model->rowCount();
    m_storage->setText((n == 1 ? tr("1 file") : tr("%1 files").arg(n)) + QStringLiteral(" \u00b7 ")
                       + model->storageText());
    m_storageBar->setVisible(model->storageLimitBytes() > 0);
    m_storageBar->setValue(model->totalBytes(), model->storageLimitBytes());
    m_storageBar->setToolTip(tr("DeepInfra allows 2 GB of files per user, results included."));
}

void FilesPage::updateButtons()
{
    m_delete->setEnabled(!m_view->selectionModel()->selectedRows().isEmpty());
}

void FilesPage::deleteSelected()
{
    const QModelIndexList rows = m_view->selectionModel()->selectedRows();
    if (rows.isEmpty())
        return;
    QStringList ids;
    for (const QModelIndex &index : rows)
        ids << index.data(FileTableModel::IdRole).toString();
    const QString text = ids.size() == 1
        ? tr("Delete the file %1 from the server? Batches that use it can no longer be downloaded.")
              .arg(ids.first())
        : tr("Delete these %1 files from the server? Batches that use them can no longer be downloaded.")
              .arg(ids.size());
    if (MessageBox::confirm(this, tr("Delete Files"), text, tr("Delete"), tr("Keep"), QMessageBox::No,
                            QMessageBox::Warning)
        != QMessageBox::Yes)
        return;
    for (const QString &id : std::as_const(ids))
        m_controller->deleteFile(id);
}

void FilesPage::saveState() const
{
    QSettings().setValue(QStringLiteral("FilesPage/header"), m_view->header()->saveState());
}

void FilesPage::restoreState()
{
    m_view->header()->restoreState(QSettings().value(QStringLiteral("FilesPage/header")).toByteArray());
}

} // namespace Batchdesk::Ui
