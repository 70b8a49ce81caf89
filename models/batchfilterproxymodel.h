#pragma once

#include <QSortFilterProxyModel>

namespace Batchdesk::Models {

/**
 * Sorts a BatchTableModel on its RawValueRole (ties: newest first, then id) and filters it by status group
 * and free text.
 *
 * The search is case-insensitive; every whitespace-separated word must occur in the batch id or in one of the
 * metadata values (BatchTableModel::SearchTextRole). Dynamic sort and filter stay on, so a row whose status
 * changes moves between groups as the monitor updates it. GUI thread only.
 */
class BatchFilterProxyModel final : public QSortFilterProxyModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(BatchFilterProxyModel)

public:
    enum class StatusFilter { All, Active, Completed, FailedOrExpired, Cancelled };
    Q_ENUM(StatusFilter)

    explicit BatchFilterProxyModel(QObject *parent = nullptr);
    ~BatchFilterProxyModel() override;

    StatusFilter statusFilter() const { return m_statusFilter; }
    void setStatusFilter(StatusFilter filter);
    QString searchText() const { return m_search; }
    void setSearchText(const QString &text);

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;
    bool lessThan(const QModelIndex &left, const QModelIndex &right) const override;

private:
    StatusFilter m_statusFilter = StatusFilter::All;
    QString m_search;
    QStringList m_words;
};

} // namespace Batchdesk::Models
