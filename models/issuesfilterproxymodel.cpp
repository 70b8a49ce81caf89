#include "issuesfilterproxymodel.h"

#include "issuesmodel.h"
#include "jsonl/diagnostic.h"

namespace Batchdesk::Models {

IssuesFilterProxyModel::IssuesFilterProxyModel(QObject *parent)
    : QSortFilterProxyModel(parent)
{
    setSortRole(IssuesModel::RawValueRole);
    setSortLocaleAware(true);
}

IssuesFilterProxyModel::~IssuesFilterProxyModel() = default;

void IssuesFilterProxyModel::setSeverityFilter(SeverityFilter filter)
{
    if (filter == m_filter)
        return;
#if QT_VERSION >= QT_VERSION_CHECK(6, 9, 0)
    beginFilterChange();
    m_filter = filter;
    endFilterChange(Direction::Rows);
#else
    m_filter = filter;
    invalidateFilter();
#endif
}

bool IssuesFilterProxyModel::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    if (m_filter == SeverityFilter::All)
        return true;
    const QModelIndex index = sourceModel()->index(sourceRow, 0, sourceParent);
    const auto severity = Jsonl::Severity(index.data(IssuesModel::SeverityRole).toInt());
    return m_filter == SeverityFilter::Errors ? severity == Jsonl::Severity::Error
                                              : severity == Jsonl::Severity::Warning;
}

bool IssuesFilterProxyModel::lessThan(const QModelIndex &left, const QModelIndex &right) const
{
    const QVariant l = left.data(IssuesModel::RawValueRole);
    const QVariant r = right.data(IssuesModel::RawValueRole);
    const auto order = QVariant::compare(l, r);
    if (order == QPartialOrdering::Less)
        return true;
    if (order == QPartialOrdering::Greater)
        return false;
    return left.data(IssuesModel::LineRole).toLongLong() < right.data(IssuesModel::LineRole).toLongLong()
        || (left.data(IssuesModel::LineRole) == right.data(IssuesModel::LineRole)
            && left.row() < right.row());
}

} // namespace Batchdesk::Models
