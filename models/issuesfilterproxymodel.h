#pragma once

#include <QSortFilterProxyModel>

namespace Batchdesk::Models {

/**
 * Sorts an IssuesModel by its RawValueRole and filters it by severity.
 *
 * Sorting by any column keeps line order as the tie-breaker, so equal codes stay in file order. GUI thread
 * only.
 */
class IssuesFilterProxyModel final : public QSortFilterProxyModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(IssuesFilterProxyModel)

public:
    enum class SeverityFilter { All, Errors, Warnings };
    Q_ENUM(SeverityFilter)

    explicit IssuesFilterProxyModel(QObject *parent = nullptr);
    ~IssuesFilterProxyModel() override;

    SeverityFilter severityFilter() const { return m_filter; }
    void setSeverityFilter(SeverityFilter filter);

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;
    bool lessThan(const QModelIndex &left, const QModelIndex &right) const override;

private:
    SeverityFilter m_filter = SeverityFilter::All;
};

} // namespace Batchdesk::Models
