#include "batchespage.h"

#include "appcontroller.h"
#include "batchdetail.h"
#include "batchfilterproxymodel.h"
#include "batchtablemodel.h"
#include "columnfit.h"
#include "icons.h"
#include "monitor/batchmonitor.h"
#include "progressdelegate.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QPushButton>
#include <QSettings>
#include <QSplitter>
#include <QStackedWidget>
#include <QTreeView>
#include <QVBoxLayout>

namespace Batchdesk::Ui {

using Models::BatchFilterProxyModel;
using Models::BatchTableModel;

BatchesPage::BatchesPage(AppController *controller, QWidget *parent)
    : QWidget(parent)
    , m_controller(controller)
    , m_proxy(new BatchFilterProxyModel(this))
    , m_statusFilter(new QComboBox(this))
    , m_search(new QLineEdit(this))
    , m_stack(new QStackedWidget(this))
    , m_view(new QTreeView(this))
    , m_detail(new BatchDetail(controller, this))
    , m_splitter(new QSplitter(Qt::Horizontal, this))
{
    setObjectName(QStringLiteral("batchesPage"));
    setFocusProxy(m_view); // a keyboard user switching here lands in the list
    m_proxy->setSourceModel(controller->batchModel());

    m_statusFilter->setObjectName(QStringLiteral("statusFilter"));
    m_statusFilter->addItem(tr("All statuses"), int(BatchFilterProxyModel::StatusFilter::All));
    m_statusFilter->addItem(Models::icon(QStringLiteral("refresh")), tr("Active"),
                            int(BatchFilterProxyModel::StatusFilter::Active));
    m_statusFilter->addItem(Models::icon(QStringLiteral("ok")), tr("Completed"),
                            int(BatchFilterProxyModel::StatusFilter::Completed));
    m_statusFilter->addItem(Models::icon(QStringLiteral("error")), tr("Failed or expired"),
                            int(BatchFilterProxyModel::StatusFilter::FailedOrExpired));
    m_statusFilter->addItem(Models::icon(QStringLiteral("cancel")), tr("Cancelled"),
                            int(BatchFilterProxyModel::StatusFilter::Cancelled));
    connect(m_statusFilter, &QComboBox::currentIndexChanged, this, [this] {
        m_proxy->setStatusFilter(BatchFilterProxyModel::StatusFilter(m_statusFilter->currentData().toInt()));
    });
    m_search->setObjectName(QStringLiteral("batchSearch"));
    m_search->setPlaceholderText(tr("Search id, description, metadata\u2026"));
    m_search->setClearButtonEnabled(true);
    m_search->setMaximumWidth(360);
    connect(m_search, &QLineEdit::textChanged, m_proxy, &BatchFilterProxyModel::setSearchText);

    auto *filterRow = new QHBoxLayout;
    filterRow->setContentsMargins(0, 0, 0, 0);
    filterRow->addWidget(m_statusFilter);
    filterRow->addWidget(m_search, 1);
    filterRow->addStretch(0);

    m_view->setObjectName(QStringLiteral("batchesView"));
    m_view->setModel(m_proxy);
    m_view->setRootIsDecorated(false);
    m_view->setUniformRowHeights(true);
    m_view->setAlternatingRowColors(true);
    m_view->setSortingEnabled(true);
    m_view->sortByColumn(BatchTableModel::CreatedColumn, Qt::DescendingOrder);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    connect(m_view, &QAbstractItemView::activated, this, [this](const QModelIndex &index) {
        emit batchActivated(index.data(BatchTableModel::IdRole).toString());
    });
    m_view->setItemDelegateForColumn(BatchTableModel::ProgressColumn, new ProgressDelegate(m_view));
    m_view->setContextMenuPolicy(Qt::CustomContextMenu);
    m_view->setAllColumnsShowFocus(true);
    QHeaderView *header = m_view->header();
    header->setStretchLastSection(false);
    header->setSectionsMovable(true);
    header->resizeSection(BatchTableModel::StatusColumn, 175);
    header->resizeSection(BatchTableModel::DescriptionColumn, 130);
    header->resizeSection(BatchTableModel::IdColumn, 150);
    header->resizeSection(BatchTableModel::CreatedColumn, 150);
    header->resizeSection(BatchTableModel::EndpointColumn, 150);
    header->resizeSection(BatchTableModel::ModelColumn, 110);
    header->resizeSection(BatchTableModel::ProgressColumn, 150);
    header->resizeSection(BatchTableModel::EtaColumn, 75);
    header->resizeSection(BatchTableModel::DeadlineColumn, 120);
    header->resizeSection(BatchTableModel::OutputExpiryColumn, 120);
    // Status words, dates and deadlines are as wide as their text in the language shown.
    auto fit = [this] {
        for (const int column : {int(BatchTableModel::StatusColumn), int(BatchTableModel::CreatedColumn),
                                 int(BatchTableModel::EtaColumn), int(BatchTableModel::DeadlineColumn),
                                 int(BatchTableModel::OutputExpiryColumn)})
            fitColumnToText(m_view, m_view->header(), column);
    };
    connect(m_view->model(), &QAbstractItemModel::modelReset, this, fit);
    connect(m_view->model(), &QAbstractItemModel::rowsInserted, this, fit);
    // The less important columns start hidden; the header's context menu shows them.
    header->hideSection(BatchTableModel::IdColumn);
    header->hideSection(BatchTableModel::EndpointColumn);
    header->hideSection(BatchTableModel::OutputExpiryColumn);
    header->hideSection(BatchTableModel::DeadlineColumn);
    header->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(header, &QHeaderView::customContextMenuRequested, this, [this, header](const QPoint &pos) {
        QMenu menu;
        for (int c = 0; c < BatchTableModel::ColumnCount; ++c) {
            QAction *a = menu.addAction(m_proxy->headerData(c, Qt::Horizontal).toString());
            a->setCheckable(true);
            a->setChecked(!header->isSectionHidden(c));
            connect(a, &QAction::toggled, header, [header, c](bool on) { header->setSectionHidden(c, !on); });
        }
        menu.exec(header->mapToGlobal(pos));
    });
    connect(m_view, &QWidget::customContextMenuRequested, this, [this](const QPoint &pos) {
        if (m_contextActions.isEmpty())
            return;
        QMenu menu;
        menu.addActions(m_contextActions);
        menu.exec(m_view->viewport()->mapToGlobal(pos));
    });
    connect(m_view->selectionModel(), &QItemSelectionModel::currentRowChanged, this, [this] {
        const auto b = currentBatch();
        m_detail->showBatch(b ? b->id : QString());
        emit currentBatchChanged();
    });
    // The detail follows the monitor's updates of the shown batch.
    connect(controller->batchModel(), &QAbstractItemModel::dataChanged, this,
            [this](const QModelIndex &from, const QModelIndex &to) {
                const int row = m_controller->batchModel()->rowOf(m_detail->batchId());
                if (row >= from.row() && row <= to.row()) {
                    m_detail->refresh();
                    emit currentBatchChanged();
                }
            });
    connect(controller->batchModel(), &QAbstractItemModel::modelReset, this, [this] {
        m_detail->showBatch(QString());
        updateEmptyState();
        emit currentBatchChanged();
    });
    connect(controller->batchModel(), &QAbstractItemModel::rowsInserted, this,
            &BatchesPage::updateEmptyState);
    connect(controller->batchModel(), &QAbstractItemModel::rowsRemoved, this, &BatchesPage::updateEmptyState);

    // Empty state: say what to do next.
    auto *empty = new QWidget(m_stack);
    empty->setObjectName(QStringLiteral("batchesEmptyState"));
    auto *emptyIcon = new QLabel(empty);
    emptyIcon->setPixmap(Models::icon(QStringLiteral("drop")).pixmap(56, 56));
    emptyIcon->setAlignment(Qt::AlignCenter);
    auto *emptyTitle = new QLabel(tr("No batches yet"), empty);
    QFont titleFont = emptyTitle->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.3);
    titleFont.setBold(true);
    emptyTitle->setFont(titleFont);
    emptyTitle->setAlignment(Qt::AlignCenter);
    auto *emptyText = new QLabel(tr("Drop a .jsonl file here to validate it and create a batch."), empty);
    emptyText->setAlignment(Qt::AlignCenter);
    emptyText->setWordWrap(true);
    auto *emptyOpen = new QPushButton(Models::icon(QStringLiteral("open")), tr("Open a File\u2026"), empty);
    emptyOpen->setObjectName(QStringLiteral("batchesEmptyOpen"));
    connect(emptyOpen, &QPushButton::clicked, this, &BatchesPage::openRequested);
    // A newcomer sees the whole loop in a minute: a ready-made file, validated, one click from a batch.
    auto *emptySample =
        new QPushButton(Models::icon(QStringLiteral("file")), tr("Try a Sample Batch"), empty);
    emptySample->setObjectName(QStringLiteral("batchesEmptySample"));
    emptySample->setToolTip(
        tr("Write a small example file (12 requests, 2 of them fail on purpose in the sandbox) and open it"));
    connect(emptySample, &QPushButton::clicked, this, &BatchesPage::sampleRequested);
    auto *emptyButtons = new QHBoxLayout;
    emptyButtons->addStretch(1);
    emptyButtons->addWidget(emptyOpen);
    emptyButtons->addWidget(emptySample);
    emptyButtons->addStretch(1);
    auto *emptyLayout = new QVBoxLayout(empty);
    emptyLayout->addStretch(1);
    emptyLayout->addWidget(emptyIcon);
    emptyLayout->addWidget(emptyTitle);
    emptyLayout->addWidget(emptyText);
    emptyLayout->addSpacing(8);
    emptyLayout->addLayout(emptyButtons);
    emptyLayout->addStretch(2);
    m_stack->addWidget(empty);
    m_stack->addWidget(m_view);

    auto *left = new QWidget(this);
    auto *leftLayout = new QVBoxLayout(left);
    leftLayout->setContentsMargins(0, 0, 0, 0);
    leftLayout->setSpacing(6);
    leftLayout->addLayout(filterRow);
    leftLayout->addWidget(m_stack, 1);

    m_splitter->setObjectName(QStringLiteral("batchesSplitter"));
    m_splitter->addWidget(left);
    m_splitter->addWidget(m_detail);
    m_splitter->setStretchFactor(0, 3);
    m_splitter->setStretchFactor(1, 1);
    m_splitter->setChildrenCollapsible(false);
    // The detail pane is wide enough for its tabs and chart legend in German too.
    m_splitter->setSizes({740, 410});

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_splitter);
    updateEmptyState();
}

BatchesPage::~BatchesPage() = default;

void BatchesPage::updateEmptyState()
{
    const bool empty = m_controller->batchModel()->rowCount() == 0;
    m_stack->setCurrentIndex(empty ? 0 : 1);
    if (!empty && !m_view->selectionModel()->currentIndex().isValid() && m_proxy->rowCount() > 0)
        m_view->setCurrentIndex(m_proxy->index(0, BatchTableModel::StatusColumn));
}

void BatchesPage::setContextActions(const QList<QAction *> &actions)
{
    m_contextActions = actions;
}

std::optional<Api::Batch> BatchesPage::currentBatch() const
{
    const QModelIndex index = m_view->selectionModel()->currentIndex();
    if (!index.isValid())
        return std::nullopt;
    const QModelIndex source = m_proxy->mapToSource(index);
    if (!source.isValid() || source.row() >= m_controller->batchModel()->rowCount())
        return std::nullopt;
    return m_controller->batchModel()->batch(source.row());
}

void BatchesPage::selectBatch(const QString &batchId)
{
    const int row = m_controller->batchModel()->rowOf(batchId);
    if (row < 0)
        return;
    const QModelIndex index = m_proxy->mapFromSource(m_controller->batchModel()->index(row, 0));
    if (!index.isValid())
        return;
    m_view->setCurrentIndex(index);
    m_view->scrollTo(index);
}

void BatchesPage::focusSearch()
{
    m_search->setFocus(Qt::ShortcutFocusReason);
    m_search->selectAll();
}

void BatchesPage::saveState() const
{
    QSettings settings;
    settings.setValue(QStringLiteral("BatchesPage/splitter"), m_splitter->saveState());
    settings.setValue(QStringLiteral("BatchesPage/header"), m_view->header()->saveState());
}

void BatchesPage::restoreState()
{
    QSettings settings;
    m_splitter->restoreState(settings.value(QStringLiteral("BatchesPage/splitter")).toByteArray());
    m_view->header()->restoreState(settings.value(QStringLiteral("BatchesPage/header")).toByteArray());
}

} // namespace Batchdesk::Ui
