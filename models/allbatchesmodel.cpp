#include "allbatchesmodel.h"

#include "displayformat.h"
#include "icons.h"

#include <QDateTime>
#include <QHash>
#include <QLocale>
#include <QSet>

#include <algorithm>

namespace Batchdesk::Models {

namespace {

using Key = QPair<qint64, QString>;

Key keyOf(const Workflow::AccountBatch &row)
{
    return {row.accountId, row.batch.id};
}

int progressPercent(const Api::Batch &b)
{
    if (!b.requestCounts || b.requestCounts->total <= 0)
        return -1;
    return int((b.requestCounts->completed + b.requestCounts->failed) * 100 / b.requestCounts->total);
}

} // namespace

AllBatchesModel::AllBatchesModel(QObject *parent)
    : QAbstractTableModel(parent)
{ }

AllBatchesModel::~AllBatchesModel() = default;

void AllBatchesModel::setBatches(const QList<Workflow::AccountBatch> &batches)
{
    QHash<Key, qsizetype> incoming;
    incoming.reserve(batches.size());
    for (qsizetype i = 0; i < batches.size(); ++i)
        incoming.insert(keyOf(batches.at(i)), i);

    bool vanished = false;
    for (const auto &row : std::as_const(m_rows)) {
        if (!incoming.contains(keyOf(row))) {
            vanished = true;
            break;
        }
    }
    if (vanished || m_rows.isEmpty()) {
        beginResetModel();
        m_rows = batches;
        std::stable_sort(m_rows.begin(), m_rows.end(),
                         [this](const auto &a, const auto &b) { return lessThan(a, b); });
        endResetModel();
        return;
    }

    QSet<Key> known;
    known.reserve(m_rows.size());
    for (auto &row : m_rows) {
        const Key key = keyOf(row);
        known.insert(key);
        row = batches.at(incoming.value(key));
    }
    if (!m_rows.isEmpty())
        emit dataChanged(index(0, 0), index(int(m_rows.size()) - 1, ColumnCount - 1));

    QList<Workflow::AccountBatch> added;
    for (const auto &b : batches) {
        if (!known.contains(keyOf(b)))
            added.append(b);
    }
    if (!added.isEmpty()) {
        const int first = int(m_rows.size());
        beginInsertRows({}, first, first + int(added.size()) - 1);
        m_rows.append(added);
        endInsertRows();
    }
    resort();
}

void AllBatchesModel::resort()
{
    const bool sorted = std::is_sorted(m_rows.cbegin(), m_rows.cend(),
                                       [this](const auto &a, const auto &b) { return lessThan(a, b); });
    if (sorted)
        return;
    emit layoutAboutToBeChanged({}, QAbstractItemModel::VerticalSortHint);
    const QModelIndexList before = persistentIndexList();
    QList<Key> keys;
    keys.reserve(before.size());
    for (const QModelIndex &i : before)
        keys.append(keyOf(m_rows.at(i.row())));
    std::stable_sort(m_rows.begin(), m_rows.end(),
                     [this](const auto &a, const auto &b) { return lessThan(a, b); });
    QHash<Key, int> rowByKey;
    for (int r = 0; r < m_rows.size(); ++r)
        rowByKey.insert(keyOf(m_rows.at(r)), r);
    QModelIndexList after;
    after.reserve(before.size());
    for (qsizetype i = 0; i < before.size(); ++i)
        after.append(index(rowByKey.value(keys.at(i)), before.at(i).column()));
    changePersistentIndexList(before, after);
    emit layoutChanged({}, QAbstractItemModel::VerticalSortHint);
}

bool AllBatchesModel::lessThan(const Workflow::AccountBatch &a, const Workflow::AccountBatch &b) const
{
    const QVariant x = raw(a, m_sortColumn);
    const QVariant y = raw(b, m_sortColumn);
    const QPartialOrdering c = QVariant::compare(x, y);
    if (c == QPartialOrdering::Less || c == QPartialOrdering::Greater) {
        const bool less = c == QPartialOrdering::Less;
        return m_sortOrder == Qt::AscendingOrder ? less : !less;
    }
    // Ties: newest first, then a stable key, so the order never flickers between refreshes.
    if (a.batch.createdAt != b.batch.createdAt)
        return a.batch.createdAt > b.batch.createdAt;
    return keyOf(a) < keyOf(b);
}

void AllBatchesModel::sort(int column, Qt::SortOrder order)
{
    if (column < 0 || column >= ColumnCount)
        return;
    m_sortColumn = column;
    m_sortOrder = order;
    resort();
}

int AllBatchesModel::rowOf(qint64 accountId, const QString &batchId) const
{
    for (int r = 0; r < m_rows.size(); ++r) {
        if (m_rows.at(r).accountId == accountId && m_rows.at(r).batch.id == batchId)
            return r;
    }
    return -1;
}

int AllBatchesModel::accountCount() const
{
    QSet<qint64> ids;
    for (const auto &row : m_rows)
        ids.insert(row.accountId);
    return int(ids.size());
}

int AllBatchesModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int AllBatchesModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant AllBatchesModel::raw(const Workflow::AccountBatch &row, int column) const
{
    const Api::Batch &b = row.batch;
    switch (column) {
    case AccountColumn:
        return row.accountName.toLower();
    case ProviderColumn:
        return row.providerName.toLower();
    case StatusColumn:
        return int(BatchTableModel::statusGroup(b)) * 100 + int(b.status());
    case ProgressColumn:
        if (!b.requestCounts || b.requestCounts->total <= 0)
            return -1.0;
        return double(b.requestCounts->completed + b.requestCounts->failed) / double(b.requestCounts->total);
    case CreatedColumn:
        return b.createdAt;
    case DescriptionColumn:
        return BatchTableModel::descriptionText(b).toLower();
    case IdColumn:
        return b.id;
    }
    return {};
}

QVariant AllBatchesModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Workflow::AccountBatch &row = m_rows.at(index.row());
    const Api::Batch &b = row.batch;
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case AccountColumn:
            return row.accountName;
        case ProviderColumn:
            return row.providerName;
        case StatusColumn:
            return BatchTableModel::statusText(b);
        case ProgressColumn: {
            const int percent = progressPercent(b);
            return percent < 0 ? QString() : tr("%1%").arg(percent);
        }
        case CreatedColumn:
            return b.createdAt > 0
                ? QLocale().toString(QDateTime::fromSecsSinceEpoch(b.createdAt), QLocale::ShortFormat)
                : QString();
        case DescriptionColumn:
            return BatchTableModel::descriptionText(b);
        case IdColumn:
            return b.id;
        }
        break;
    case RawValueRole:
        return raw(row, index.column());
    case BatchRole:
        return QVariant::fromValue(b);
    case IdRole:
        return b.id;
    case AccountIdRole:
        return row.accountId;
    case CompletedRole:
        return b.requestCounts ? b.requestCounts->completed : qint64(-1);
    case FailedRole:
        return b.requestCounts ? b.requestCounts->failed : qint64(-1);
    case TotalRole:
        return b.requestCounts ? b.requestCounts->total : qint64(-1);
    case Qt::DecorationRole:
        if (index.column() == StatusColumn)
            return icon(BatchTableModel::statusIconName(b));
        break;
    case Qt::ToolTipRole:
        if (index.column() == ProgressColumn && b.requestCounts)
            return tr("%1 succeeded, %2 failed, %3 pending of %4")
                .arg(DisplayFormat::count(b.requestCounts->completed),
                     DisplayFormat::count(b.requestCounts->failed),
                     DisplayFormat::count(b.requestCounts->pending()),
                     DisplayFormat::count(b.requestCounts->total));
        if (index.column() == AccountColumn)
            return tr("Double-click to open this batch in its account.");
        break;
    case Qt::TextAlignmentRole:
        if (index.column() == ProgressColumn)
            return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
        break;
    default:
        break;
    }
    return {};
}

QVariant AllBatchesModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case AccountColumn:
        return tr("Account");
    case ProviderColumn:
        return tr("Provider");
    case StatusColumn:
        return tr("Status");
    case ProgressColumn:
        return tr("Progress");
    case CreatedColumn:
        return tr("Created");
    case DescriptionColumn:
        return tr("Description");
    case IdColumn:
        return tr("Id");
    }
    return {};
}

} // namespace Batchdesk::Models
