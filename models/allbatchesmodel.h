#pragma once

#include "batchtablemodel.h"
#include "workflow/allaccountsmonitor.h"

#include <QAbstractTableModel>
#include <QList>

namespace Batchdesk::Models {

/**
 * The batches of every account as one read-only table (the "All accounts" view), fed by
 * Workflow::AllAccountsMonitor::batchesChanged().
 *
 * Columns: Account, Provider, Status, Progress, Created, Description, Id. A row is keyed by (account id,
 * batch id). The model sorts itself (sort(); Created, newest first, by default) and keeps that order on every
 * update: known rows change in place (dataChanged), new rows are inserted (rowsInserted) and then moved into
 * place with a layout change, so selection and scroll position survive a refresh; only rows that vanished
 * (an account removed) cost a reset. Status and description texts are those of BatchTableModel; the progress
 * cell carries BatchTableModel's CompletedRole / FailedRole / TotalRole for its delegate, RawValueRole a
 * sortable value. GUI thread only; no QtWidgets.
 */
class AllBatchesModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AllBatchesModel)

public:
    enum Column {
        AccountColumn,
        ProviderColumn,
        StatusColumn,
        ProgressColumn,
        CreatedColumn,
        DescriptionColumn,
        IdColumn,
        ColumnCount
    };
    enum Role {
        RawValueRole = BatchTableModel::RawValueRole,
        BatchRole = BatchTableModel::BatchRole,
        IdRole = BatchTableModel::IdRole,
        CompletedRole = BatchTableModel::CompletedRole,
        FailedRole = BatchTableModel::FailedRole,
        TotalRole = BatchTableModel::TotalRole,
        AccountIdRole = Qt::UserRole + 40, ///< the row's account id, in every column
    };

    explicit AllBatchesModel(QObject *parent = nullptr);
    ~AllBatchesModel() override;

    /** Upserts the whole list (see the class comment); rows not in it are dropped. */
    void setBatches(const QList<Workflow::AccountBatch> &batches);
    const Workflow::AccountBatch &entry(int row) const { return m_rows.at(row); }
    /** The row of a batch of an account, or -1. */
    int rowOf(qint64 accountId, const QString &batchId) const;
    /** The distinct accounts with rows. */
    int accountCount() const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    void sort(int column, Qt::SortOrder order = Qt::AscendingOrder) override;
    int sortColumn() const { return m_sortColumn; }
    Qt::SortOrder sortOrder() const { return m_sortOrder; }

private:
    QVariant raw(const Workflow::AccountBatch &row, int column) const;
    bool lessThan(const Workflow::AccountBatch &a, const Workflow::AccountBatch &b) const;
    /** Sorts m_rows with a layout change that keeps persistent indexes on their rows. */
    void resort();

    QList<Workflow::AccountBatch> m_rows;
    int m_sortColumn = CreatedColumn;
    Qt::SortOrder m_sortOrder = Qt::DescendingOrder;
};

} // namespace Batchdesk::Models
