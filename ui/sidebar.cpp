#include "sidebar.h"

#include "icons.h"

#include <QLabel>
#include <QListWidget>
#include <QPainter>
#include <QStyledItemDelegate>
#include <QVBoxLayout>

namespace Batchdesk::Ui {

namespace {

constexpr int BadgeRole = Qt::UserRole + 10;
constexpr int BadgeAccentRole = Qt::UserRole + 11; ///< bool: a coloured pill (sandbox) instead of a count
constexpr int IdRole = Qt::UserRole + 12;
constexpr int StateRole = Qt::UserRole + 13;

// Rows of the sidebar: an optional state dot, the text, and a right-aligned badge (a count or a pill).
class SidebarDelegate final : public QStyledItemDelegate
{
public:
    using QStyledItemDelegate::QStyledItemDelegate;

    void paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const override
    {
        QStyleOptionViewItem opt = option;
        initStyleOption(&opt, index);
        const QString badge = index.data(BadgeRole).toString();
        const bool accent = index.data(BadgeAccentRole).toBool();
        const QVariant state = index.data(StateRole);
        QFontMetrics fm(opt.font);
        QFont badgeFont = opt.font;
        if (accent) {
            badgeFont.setPointSizeF(badgeFont.pointSizeF() * 0.8);
            badgeFont.setBold(true);
        }
        const QFontMetrics bfm(badgeFont);
        const int badgeWidth = badge.isEmpty() ? 0 : bfm.horizontalAdvance(badge) + (accent ? 12 : 4);
        const int dotSpace = state.isValid() ? 16 : 0;

        const QString text = opt.text;
        opt.text.clear();
        const QWidget *w = option.widget;
        w->style()->drawControl(QStyle::CE_ItemViewItem, &opt, painter, w);

        painter->save();
        painter->setRenderHint(QPainter::Antialiasing);
        const bool selected = opt.state & QStyle::State_Selected;
        const QColor fg = opt.palette.color(selected ? QPalette::HighlightedText : QPalette::Text);
        QRect r = opt.rect.adjusted(10, 0, -8, 0);
        if (state.isValid()) {
            const QRectF dot(r.left(), r.center().y() - 4, 8, 8);
            QColor c;
            switch (state.toInt()) {
            case 1:
                c = QColor(0x2e, 0x9e, 0x55);
                break;
            case 2:
                c = QColor(0xd0, 0x3b, 0x2f);
                break;
            default:
                c = opt.palette.color(QPalette::PlaceholderText);
            }
            if (index.data(Qt::UserRole + 14).toBool()) { // current account: filled
                painter->setPen(Qt::NoPen);
                painter->setBrush(c);
            } else {
                painter->setPen(QPen(opt.palette.color(QPalette::PlaceholderText), 1.2));
                painter->setBrush(Qt::NoBrush);
            }
            painter->drawEllipse(dot);
            r.setLeft(r.left() + dotSpace);
        }
        painter->setPen(fg);
        painter->setFont(opt.font);
        const QRect textRect = r.adjusted(0, 0, -(badgeWidth + 6), 0);
        painter->drawText(textRect, Qt::AlignVCenter | Qt::AlignLeft,
                          fm.elidedText(text, Qt::ElideRight, textRect.width()));
        if (!badge.isEmpty()) {
            const QRectF b(r.right() - badgeWidth, r.center().y() - bfm.height() / 2.0 - 1, badgeWidth,
                           bfm.height() + 2);
            painter->setFont(badgeFont);
            if (accent) {
                QColor pill(0xc2, 0x7c, 0x0e);
                painter->setPen(Qt::NoPen);
                painter->setBrush(pill);
                painter->drawRoundedRect(b, b.height() / 2, b.height() / 2);
                painter->setPen(Qt::white);
            } else {
                painter->setPen(selected ? fg : opt.palette.color(QPalette::PlaceholderText));
            }
            painter->drawText(b, Qt::AlignCenter, badge);
        }
        painter->restore();
    }

    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override
    {
        QSize s = QStyledItemDelegate::sizeHint(option, index);
        s.setHeight(qMax(s.height(), option.fontMetrics.height() + 10));
        return s;
    }
};

QLabel *sectionLabel(const QString &text, QWidget *parent)
{
    auto *label = new QLabel(text, parent);
    QFont f = label->font();
    f.setPointSizeF(f.pointSizeF() * 0.85);
    f.setBold(true);
    f.setLetterSpacing(QFont::PercentageSpacing, 108);
    label->setFont(f);
    QPalette p = label->palette();
    p.setColor(QPalette::WindowText, p.color(QPalette::PlaceholderText));
    label->setPalette(p);
    label->setContentsMargins(10, 8, 0, 2);
    return label;
}

QListWidget *makeList(const QString &name, QWidget *parent)
{
    auto *list = new QListWidget(parent);
    list->setObjectName(name);
    list->setFrameShape(QFrame::NoFrame);
    list->setItemDelegate(new SidebarDelegate(list));
    list->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    list->setSizeAdjustPolicy(QAbstractScrollArea::AdjustToContents);
    // The sidebar reads as part of the window, not as a white table.
    list->viewport()->setAutoFillBackground(false);
    list->setAutoFillBackground(false);
    return list;
}

} // namespace

Sidebar::Sidebar(QWidget *parent)
    : QWidget(parent)
    , m_all(makeList(QStringLiteral("allAccountsEntry"), this))
    , m_accounts(makeList(QStringLiteral("accountList"), this))
    , m_views(makeList(QStringLiteral("viewList"), this))
{
    setObjectName(QStringLiteral("sidebar"));
    m_accounts->setContextMenuPolicy(Qt::CustomContextMenu);

    // "All accounts" reads as the first row of the account list; a list of its own keeps it addressable and
    // apart from the account ids.
    auto *all = new QListWidgetItem(tr("All accounts"), m_all);
    all->setToolTip(tr("The batches of every account in one list"));
    m_all->setFixedHeight(m_all->sizeHintForRow(0) + 2);
    // Not in the tab chain: a window that gets the focus must not land here and switch the view.
    m_all->setFocusPolicy(Qt::ClickFocus);

    // clang-format off
    const QList<QPair<View, QString>> views {
        {View::Batches, tr("Batches")},
        {View::Jobs, tr("Jobs")},
        {View::Results, tr("Results")},
        {View::Files, tr("Files")},
        {View::Validate, tr("Validate")},
    };
    // clang-format on
    for (const auto &[view, text] : views) {
        auto *item = new QListWidgetItem(text, m_views);
        item->setData(IdRole, int(view));
    }
    m_views->setFixedHeight(m_views->sizeHintForRow(0) * int(views.size()) + 4);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(sectionLabel(tr("ACCOUNTS"), this));
    layout->addWidget(m_all);
    layout->addWidget(m_accounts);
    layout->addSpacing(6);
    layout->addWidget(sectionLabel(tr("VIEWS"), this));
    layout->addWidget(m_views);
    layout->addStretch(1);
    setMinimumWidth(150);

    connect(m_accounts, &QListWidget::currentItemChanged, this, [this](QListWidgetItem *item) {
        if (!item || m_filling)
            return;
        m_all->clearSelection();
        m_all->setCurrentItem(nullptr);
        emit accountSelected(item->data(IdRole).toLongLong());
    });
    connect(m_all, &QListWidget::currentItemChanged, this, [this](QListWidgetItem *item) {
        if (!item || m_filling)
            return;
        m_filling = true;
        m_accounts->clearSelection();
        m_accounts->setCurrentItem(nullptr);
        m_views->clearSelection();
        m_views->setCurrentItem(nullptr);
        m_filling = false;
        emit allAccountsSelected();
    });
    connect(m_views, &QListWidget::currentItemChanged, this, [this](QListWidgetItem *item) {
        if (item && !m_filling)
            emit viewSelected(View(item->data(IdRole).toInt()));
    });
    connect(m_accounts, &QWidget::customContextMenuRequested, this, [this](const QPoint &pos) {
        QListWidgetItem *item = m_accounts->itemAt(pos);
        emit accountContextMenuRequested(item ? item->data(IdRole).toLongLong() : 0,
                                         m_accounts->viewport()->mapToGlobal(pos));
    });
}

Sidebar::~Sidebar() = default;

void Sidebar::setAccounts(const QList<Store::Account> &accounts, qint64 currentId,
                          const QList<qint64> &sandboxIds)
{
    m_filling = true;
    m_accounts->clear();
    for (const auto &a : accounts) {
        auto *item = new QListWidgetItem(a.name, m_accounts);
        item->setData(IdRole, a.id);
        item->setData(StateRole, int(AccountState::Connecting));
        item->setToolTip(sandboxIds.contains(a.id) ? tr(
                             "The built-in sandbox: a local server that runs batches with echo models, for "
                             "trying Batchdesk without a provider account.")
                                                   : a.baseUrl.toString());
        if (sandboxIds.contains(a.id)) {
            item->setData(BadgeRole, tr("LOCAL"));
            item->setData(BadgeAccentRole, true);
        }
    }
    const int rows = qMax(1, int(accounts.size()));
    m_accounts->setFixedHeight(m_accounts->sizeHintForRow(0) * rows + 4);
    m_filling = false;
    setCurrentAccount(currentId);
}

void Sidebar::setCurrentAccount(qint64 accountId)
{
    m_filling = true;
    for (int i = 0; i < m_accounts->count(); ++i) {
        QListWidgetItem *item = m_accounts->item(i);
        const bool current = item->data(IdRole).toLongLong() == accountId;
        item->setData(Qt::UserRole + 14, current);
        if (current && !isAllAccountsCurrent())
            m_accounts->setCurrentItem(item);
    }
    m_filling = false;
}

void Sidebar::setAccountState(qint64 accountId, AccountState state)
{
    for (int i = 0; i < m_accounts->count(); ++i) {
        QListWidgetItem *item = m_accounts->item(i);
        if (item->data(IdRole).toLongLong() == accountId)
            item->setData(StateRole, int(state));
    }
}

void Sidebar::setAllAccountsCurrent(bool current)
{
    if (current == isAllAccountsCurrent())
        return;
    if (current) {
        m_all->setCurrentRow(0); // the list's signal clears the others and tells the window
        return;
    }
    m_filling = true;
    m_all->clearSelection();
    m_all->setCurrentItem(nullptr);
    for (int i = 0; i < m_accounts->count(); ++i) {
        if (m_accounts->item(i)->data(Qt::UserRole + 14).toBool())
            m_accounts->setCurrentRow(i);
    }
    m_filling = false;
}

bool Sidebar::isAllAccountsCurrent() const
{
    return m_all->currentItem() != nullptr;
}

void Sidebar::setCurrentView(View view)
{
    for (int i = 0; i < m_views->count(); ++i) {
        if (View(m_views->item(i)->data(IdRole).toInt()) == view && m_views->currentRow() != i)
            m_views->setCurrentRow(i);
    }
}

Sidebar::View Sidebar::currentView() const
{
    QListWidgetItem *item = m_views->currentItem();
    return item ? View(item->data(IdRole).toInt()) : View::Batches;
}

void Sidebar::setViewBadge(View view, const QString &badge)
{
    for (int i = 0; i < m_views->count(); ++i) {
        if (View(m_views->item(i)->data(IdRole).toInt()) == view)
            m_views->item(i)->setData(BadgeRole, badge);
    }
}

} // namespace Batchdesk::Ui
