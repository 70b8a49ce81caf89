#include "allaccountspage.h"

#include "allbatchesmodel.h"
#include "appcontroller.h"
#include "columnfit.h"
#include "icons.h"
#include "progressdelegate.h"
#include "workflow/accountservice.h"
#include "workflow/allaccountsmonitor.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QNetworkAccessManager>
#include <QStackedWidget>
#include <QTime>
#include <QToolButton>
#include <QTreeView>
#include <QVBoxLayout>

namespace Batchdesk::Ui {

using Models::AllBatchesModel;
using Workflow::AllAccountsMonitor;

AllAccountsPage::AllAccountsPage(AppController *controller, QWidget *parent)
    : QWidget(parent)
    , m_controller(controller)
    , m_nam(new QNetworkAccessManager(this))
    , m_model(new AllBatchesModel(this))
    , m_status(new QLabel(this))
    , m_problems(new QLabel(this))
    , m_refresh(new QToolButton(this))
    , m_stack(new QStackedWidget(this))
    , m_view(new QTreeView(this))
    , m_empty(new QLabel(this))
{
    setObjectName(QStringLiteral("allAccountsPage"));
    setFocusProxy(m_view);

    auto *title = new QLabel(tr("All accounts"), this);
    title->setObjectName(QStringLiteral("allAccountsTitle"));
    QFont f = title->font();
    f.setPointSizeF(f.pointSizeF() * 1.25);
    f.setBold(true);
    title->setFont(f);
    m_status->setObjectName(QStringLiteral("allAccountsStatus"));
    QPalette muted = m_status->palette();
    muted.setColor(QPalette::WindowText, muted.color(QPalette::PlaceholderText));
    m_status->setPalette(muted);
    m_refresh->setObjectName(QStringLiteral("allAccountsRefresh"));
    m_refresh->setIcon(Models::icon(QStringLiteral("refresh")));
    m_refresh->setText(tr("Refresh"));
    m_refresh->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    m_refresh->setAutoRaise(true);
    m_refresh->setToolTip(tr("List the newest batches of every account now"));
    connect(m_refresh, &QToolButton::clicked, this, [this] {
        if (m_monitor)
            m_monitor->refresh();
        updateStatus();
    });

    auto *header = new QHBoxLayout;
    header->setContentsMargins(2, 0, 0, 0);
    header->addWidget(title);
    header->addSpacing(12);
    header->addWidget(m_status, 1);
    header->addWidget(m_refresh);

    m_problems->setObjectName(QStringLiteral("allAccountsProblems"));
    m_problems->setWordWrap(true);
    m_problems->setTextFormat(Qt::RichText);
    m_problems->setContentsMargins(10, 6, 10, 6);
    m_problems->setAutoFillBackground(true);
    QPalette warn = m_problems->palette();
    warn.setColor(QPalette::Window, QColor(0xfd, 0xf1, 0xdc));
    warn.setColor(QPalette::WindowText, QColor(0x5c, 0x3b, 0x00));
    m_problems->setPalette(warn);
    m_problems->hide();

    m_view->setObjectName(QStringLiteral("allAccountsView"));
    m_view->setModel(m_model);
    m_view->setRootIsDecorated(false);
    m_view->setUniformRowHeights(true);
    m_view->setAlternatingRowColors(true);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setAllColumnsShowFocus(true);
    m_view->header()->setSortIndicator(AllBatchesModel::CreatedColumn, Qt::DescendingOrder);
    m_view->setSortingEnabled(true);
    m_view->setItemDelegateForColumn(AllBatchesModel::ProgressColumn, new ProgressDelegate(m_view));
    QHeaderView *h = m_view->header();
    h->setStretchLastSection(true); // the id takes the rest, never a horizontal scroll bar
    h->resizeSection(AllBatchesModel::AccountColumn, 130);
    h->resizeSection(AllBatchesModel::ProviderColumn, 110);
    h->resizeSection(AllBatchesModel::StatusColumn, 175);
    h->resizeSection(AllBatchesModel::ProgressColumn, 130);
    h->resizeSection(AllBatchesModel::CreatedColumn, 150);
    h->resizeSection(AllBatchesModel::DescriptionColumn, 190);
    auto fit = [this] {
        for (const int column : {int(AllBatchesModel::AccountColumn), int(AllBatchesModel::ProviderColumn),
                                 int(AllBatchesModel::StatusColumn), int(AllBatchesModel::CreatedColumn)})
            fitColumnToText(m_view, m_view->header(), column);
    };
    connect(m_model, &QAbstractItemModel::modelReset, this, fit);
    connect(m_model, &QAbstractItemModel::rowsInserted, this, fit);
    connect(m_view, &QAbstractItemView::activated, this, [this](const QModelIndex &index) {
        emit batchActivated(index.data(AllBatchesModel::AccountIdRole).toLongLong(),
                            index.data(AllBatchesModel::IdRole).toString());
    });

    m_empty->setObjectName(QStringLiteral("allAccountsEmpty"));
    m_empty->setAlignment(Qt::AlignCenter);
    m_empty->setWordWrap(true);
    m_empty->setText(tr("No batches in any account yet."));
    m_empty->setPalette(muted);
    m_stack->addWidget(m_view);
    m_stack->addWidget(m_empty);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(6);
    layout->addLayout(header);
    layout->addWidget(m_problems);
    layout->addWidget(m_stack, 1);

    m_stack->setCurrentWidget(m_empty);
    updateStatus();
}

AllAccountsPage::~AllAccountsPage() = default;

bool AllAccountsPage::ensureMonitor()
{
    if (m_monitor)
        return true;
    // The accounts and the cache exist once the controller is initialized (the database is open).
    if (!m_controller->accountService() || !m_controller->batchCache())
        return false;
    m_monitor =
        new AllAccountsMonitor(m_controller->accountService(), m_controller->batchCache(), m_nam, this);
    AppController *controller = m_controller;
    // The built-in sandbox has no stored URL or key: those of this run, started when needed.
    m_monitor->setEndpointResolver(
        [controller](const Store::Account &a) -> std::optional<AllAccountsMonitor::Endpoint> {
            if (!controller->isSandbox(a))
                return std::nullopt;
            AllAccountsMonitor::Endpoint endpoint;
            QString error;
            if (!controller->sandboxEndpoint(&endpoint.baseUrl, &endpoint.key, &error))
                endpoint.error = tr("The local sandbox could not start: %1").arg(error);
            return endpoint;
        });

    connect(m_monitor, &AllAccountsMonitor::batchesChanged, this,
            [this](const QList<Workflow::AccountBatch> &batches) {
                m_model->setBatches(batches);
                m_stack->setCurrentWidget(m_model->rowCount() > 0 ? static_cast<QWidget *>(m_view) : m_empty);
                if (!m_view->currentIndex().isValid() && m_model->rowCount() > 0)
                    m_view->setCurrentIndex(m_model->index(0, 0));
                updateStatus();
            });
    connect(m_monitor, &AllAccountsMonitor::accountProblem, this, &AllAccountsPage::updateProblems);
    connect(m_monitor, &AllAccountsMonitor::accountRecovered, this, &AllAccountsPage::updateProblems);
    connect(m_monitor, &AllAccountsMonitor::roundFinished, this, [this] {
        m_lastUpdate = QLocale().toString(QTime::currentTime(), QLocale::ShortFormat);
        updateProblems();
        updateStatus();
    });
    return true;
}

void AllAccountsPage::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    if (ensureMonitor())
        m_monitor->setActive(true);
    updateStatus();
}

void AllAccountsPage::hideEvent(QHideEvent *event)
{
    QWidget::hideEvent(event);
    if (m_monitor)
        m_monitor->setActive(false);
}

void AllAccountsPage::updateProblems()
{
    if (!m_monitor)
        return;
    const QHash<qint64, QString> problems = m_monitor->problems();
    QStringList lines;
    for (const Store::Account &a : m_controller->accounts()) {
        if (const auto it = problems.constFind(a.id); it != problems.cend())
            lines << tr("<b>%1</b>: %2").arg(a.name.toHtmlEscaped(), it->toHtmlEscaped());
    }
    m_problems->setText(lines.join(QStringLiteral("<br>")));
    m_problems->setVisible(!lines.isEmpty());
}

void AllAccountsPage::updateStatus()
{
    const int accounts = int(m_controller->accounts().size());
    const QString count = accounts == 1 ? tr("1 account") : tr("%1 accounts").arg(accounts);
    QString text;
    if (m_monitor && m_monitor->isRefreshing())
        text = tr("%1 \u00b7 refreshing\u2026").arg(count);
    else if (!m_lastUpdate.isEmpty())
        text = tr("%1 \u00b7 updated %2 \u00b7 every %3 s")
                   .arg(count, m_lastUpdate)
                   .arg(m_monitor ? m_monitor->intervalMs() / 1000 : 0);
    else
        text = count;
    m_status->setText(text);
}

} // namespace Batchdesk::Ui
