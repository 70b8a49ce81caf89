#include "batchfilterproxymodel.h"

#include "batchtablemodel.h"

#include <QRegularExpression>

namespace Batchdesk::Models {

BatchFilterProxyModel::BatchFilterProxyModel(QObject *parent)
    : QSortFilterProxyModel(parent)
{
    setSortRole(BatchTableModel::RawValueRole);
    setDynamicSortFilter(true);
}

BatchFilterProxyModel::~BatchFilterProxyModel() = default;

void BatchFilterProxyModel::setStatusFilter(StatusFilter filter)
{
    if (filter == m_statusFilter)
        return;
    m_statusFilter = filter;
    invalidateFilter();
}

void BatchFilterProxyModel::setSearchText(const QString &text)
{
    if (text == m_search)
        return;
    m_search = text;
    m_words = text.toLower().split(QRegularExpression(QStringLiteral("\\s+")), Qt::SkipEmptyParts);
    invalidateFilter();
}

bool BatchFilterProxyModel::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    const QModelIndex index = sourceModel()->index(sourceRow, 0, sourceParent);
    if (m_statusFilter != StatusFilter::All) {
        using Group = BatchTableModel::StatusGroup;
        const auto group = Group(index.data(BatchTableModel::StatusGroupRole).toInt());
        bool accepted = false;
        switch (m_statusFilter) {
        case StatusFilter::All:
            accepted = true;
            break;
        case StatusFilter::Active:
            accepted = group == Group::Active;
            break;
        case StatusFilter::Completed:
            accepted = group == Group::Completed;
            break;
        case StatusFilter::FailedOrExpired:
            accepted = group == Group::FailedOrExpired;
            break;
        case StatusFilter::Cancelled:
            accepted = group == Group::Cancelled;
            break;
        }
        if (!accepted)
            return false;
    }
    if (m_words.isEmpty())
        return true;
    const QString haystack = index.data(BatchTableModel::SearchTextRole).toString();
    for (const QString &word : m_words) {
        if (!haystack.contains(word))
            return false;
    }
    return true;
}

bool BatchFilterProxyModel::lessThan(const QModelIndex &left, const QModelIndex &right) const
{
    const QVariant l = left.data(sortRole());
    const QVariant r = right.data(sortRole());
    const QPartialOrdering order = QVariant::compare(l, r);
    if (order == QPartialOrdering::Less)
        return true;
    if (order == QPartialOrdering::Greater)
        return false;
    // Ties (same status, same endpoint, ...): newest first, then by id, for a stable order.
    const QAbstractItemModel *model = left.model();
    const qint64 lc = model->index(left.row(), BatchTableModel::CreatedColumn)
                          .data(BatchTableModel::RawValueRole)
                          .toLongLong();
    const qint64 rc = model->index(right.row(), BatchTableModel::CreatedColumn)
                          .data(BatchTableModel::RawValueRole)
                          .toLongLong();
    if (lc != rc)
        return lc > rc;
    return left.data(BatchTableModel::IdRole).toString() < right.data(BatchTableModel::IdRole).toString();
}

} // namespace Batchdesk::Models
