#include "batchtablemodel.h"

#include "displayformat.h"
#include "icons.h"
#include "monitor/batchmonitor.h"
#include "monitor/eta.h"

#include <QDateTime>
#include <QLocale>

#include <limits>

namespace Batchdesk::Models {

using Api::Batch;
using Api::FileObject;
using Monitor::Eta;

namespace {
constexpr qint64 kNoValue = std::numeric_limits<qint64>::max(); // sorts after every real timestamp

bool hasFailedRequests(const Batch &b)
{
    return b.requestCounts && b.requestCounts->failed > 0;
}

QString dateText(qint64 secs)
{
    return QLocale().toString(QDateTime::fromSecsSinceEpoch(secs), QLocale::ShortFormat);
}

// Sort rank of the status column: running first, then the outcomes from best to worst.
int statusRank(const Batch &b)
{
    switch (b.status()) {
    case Batch::Status::Validating:
        return 0;
    case Batch::Status::InProgress:
        return 1;
    case Batch::Status::Finalizing:
        return 2;
    case Batch::Status::Cancelling:
        return 3;
    case Batch::Status::Completed:
        return hasFailedRequests(b) ? 5 : 4;
    case Batch::Status::Expired:
        return 6;
    case Batch::Status::Failed:
        return 7;
    case Batch::Status::Cancelled:
        return 8;
    case Batch::Status::Unknown:
        break;
    }
    return 9;
}
} // namespace

BatchTableModel::BatchTableModel(QObject *parent)
    : QAbstractTableModel(parent)
    , m_clock([] { return QDateTime::currentMSecsSinceEpoch(); })
{ }

BatchTableModel::~BatchTableModel() = default;

void BatchTableModel::reindex()
{
    m_rowById.clear();
    m_rowById.reserve(m_batches.size());
    for (int i = 0; i < m_batches.size(); ++i)
        m_rowById.insert(m_batches.at(i).id, i);
}

void BatchTableModel::setBatches(QList<Batch> batches)
{
    beginResetModel();
    m_batches.clear();
    m_batches.reserve(batches.size());
    QHash<QString, int> seen;
    for (Batch &b : batches) {
        const auto it = seen.constFind(b.id);
        if (it != seen.cend()) {
            m_batches[*it] = std::move(b); // duplicate id: the later one wins
            continue;
        }
        seen.insert(b.id, int(m_batches.size()));
        m_batches.append(std::move(b));
    }
    reindex();
    endResetModel();
}

void BatchTableModel::updateBatches(const QList<Batch> &batches)
{
    QList<Batch> added;
    QHash<QString, int> addedIndex;
    for (const Batch &b : batches) {
        if (b.id.isEmpty())
            continue;
        const int row = m_rowById.value(b.id, -1);
        if (row >= 0) {
            m_batches[row] = b;
            emit dataChanged(index(row, 0), index(row, ColumnCount - 1));
        } else if (const auto it = addedIndex.constFind(b.id); it != addedIndex.cend()) {
            added[*it] = b;
        } else {
            addedIndex.insert(b.id, int(added.size()));
            added.append(b);
        }
    }
    if (added.isEmpty())
        return;
    const int first = int(m_batches.size());
    beginInsertRows({}, first, first + int(added.size()) - 1);
    for (const Batch &b : std::as_const(added)) {
        m_rowById.insert(b.id, int(m_batches.size()));
        m_batches.append(b);
    }
    endInsertRows();
}

void BatchTableModel::removeBatches(const QStringList &batchIds)
{
    QList<int> rows;
    for (const QString &id : batchIds) {
        const int row = m_rowById.value(id, -1);
        if (row >= 0)
            rows.append(row);
    }
    if (rows.isEmpty())
        return;
    std::sort(rows.begin(), rows.end());
    rows.erase(std::unique(rows.begin(), rows.end()), rows.end());
    // Remove contiguous runs from the bottom so the row numbers above stay valid.
    int end = int(rows.size()) - 1;
    while (end >= 0) {
        int start = end;
        while (start > 0 && rows.at(start - 1) == rows.at(start) - 1)
            --start;
        beginRemoveRows({}, rows.at(start), rows.at(end));
        m_batches.remove(rows.at(start), rows.at(end) - rows.at(start) + 1);
        endRemoveRows();
        end = start - 1;
    }
    reindex();
}

void BatchTableModel::clear()
{
    setBatches({});
}

void BatchTableModel::setMonitor(const Monitor::BatchMonitor *monitor)
{
    for (const auto &c : std::as_const(m_monitorConnections))
        disconnect(c);
    m_monitorConnections.clear();
    m_monitor = monitor;
    if (!monitor)
        return;
    m_monitorConnections << connect(monitor, &Monitor::BatchMonitor::batchesUpdated, this,
                                    &BatchTableModel::updateBatches);
    m_monitorConnections << connect(monitor, &Monitor::BatchMonitor::roundFinished, this,
                                    &BatchTableModel::refreshTimes);
}

void BatchTableModel::setClock(Clock clock)
{
    m_clock = clock ? std::move(clock) : Clock([] { return QDateTime::currentMSecsSinceEpoch(); });
}

void BatchTableModel::setOutputFiles(const QList<FileObject> &files)
{
    m_fileExpiry.clear();
    for (const FileObject &f : files) {
        if (f.expiresAt)
            m_fileExpiry.insert(f.id, *f.expiresAt);
    }
    if (!m_batches.isEmpty())
        emit dataChanged(index(0, OutputExpiryColumn), index(rowCount() - 1, OutputExpiryColumn));
}

void BatchTableModel::refreshTimes()
{
    // One range over the active rows: the ETA of a finished batch does not change.
    int first = -1, last = -1;
    for (int row = 0; row < m_batches.size(); ++row) {
        if (!m_batches.at(row).isTerminal()) {
            if (first < 0)
                first = row;
            last = row;
        }
    }
    if (first >= 0)
        emit dataChanged(index(first, EtaColumn), index(last, EtaColumn));
}

int BatchTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_batches.size());
}

int BatchTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString BatchTableModel::statusText(const Batch &b)
{
    switch (b.status()) {
    case Batch::Status::Validating:
        return tr("Validating");
    case Batch::Status::InProgress:
        return tr("In progress");
    case Batch::Status::Finalizing:
        return tr("Assembling results");
    case Batch::Status::Completed:
        if (b.requestCounts && b.requestCounts->total > 0
            && b.requestCounts->failed >= b.requestCounts->total)
            return tr("Completed, all failed");
        return hasFailedRequests(b) ? tr("Completed with failures") : tr("Completed");
    case Batch::Status::Failed:
        return tr("Failed");
    case Batch::Status::Expired:
        return tr("Expired");
    case Batch::Status::Cancelling:
        return tr("Cancelling");
    case Batch::Status::Cancelled:
        return tr("Cancelled");
    case Batch::Status::Unknown:
        break;
    }
    return b.statusText.isEmpty() ? tr("Unknown") : b.statusText;
}

BatchTableModel::StatusGroup BatchTableModel::statusGroup(const Batch &b)
{
    switch (b.status()) {
    case Batch::Status::Completed:
        return StatusGroup::Completed;
    case Batch::Status::Failed:
    case Batch::Status::Expired:
        return StatusGroup::FailedOrExpired;
    case Batch::Status::Cancelled:
        return StatusGroup::Cancelled;
    default:
        return StatusGroup::Active;
    }
}

QString BatchTableModel::statusIconName(const Batch &b)
{
    switch (b.status()) {
    case Batch::Status::Completed:
        return hasFailedRequests(b) ? QStringLiteral("warning") : QStringLiteral("ok");
    case Batch::Status::Failed:
        return QStringLiteral("error");
    case Batch::Status::Expired:
        return QStringLiteral("warning");
    case Batch::Status::Cancelling:
    case Batch::Status::Cancelled:
        return QStringLiteral("cancel");
    case Batch::Status::Validating:
    case Batch::Status::InProgress:
    case Batch::Status::Finalizing:
        return QStringLiteral("refresh");
    case Batch::Status::Unknown:
        break;
    }
    return QStringLiteral("info");
}

QString BatchTableModel::descriptionText(const Batch &b)
{
    // The parts of a split build say which job they belong to ("job-1a2b3c4d, part 2/3").
    // A retry round's part says its round ("job-1a2b3c4d, retry 1, part 1/1").
    const QString job = b.metadata.value(Api::kJobKey);
    const QString round = b.metadata.value(Api::kRoundKey);
    const QString jobText = job.isEmpty() ? QString()
        : round.isEmpty()                 ? tr("%1, part %2").arg(job, b.metadata.value(Api::kPartKey))
                          : tr("%1, retry %2, part %3").arg(job, round, b.metadata.value(Api::kPartKey));
    QString description = b.description();
    if (description.isEmpty()) {
        QStringList pairs;
        for (auto it = b.metadata.cbegin(); it != b.metadata.cend(); ++it) {
            if (it.key() != Api::kClientIdKey && !it.key().startsWith(QLatin1StringView("batchdesk_")))
                pairs.append(it.key() + u'=' + it.value());
        }
        description = pairs.join(QStringLiteral(", "));
    }
    if (jobText.isEmpty())
        return description;
    return description.isEmpty() ? jobText : description + QStringLiteral(" \u00b7 ") + jobText;
}

QString BatchTableModel::remainingText(qint64 ms)
{
    const qint64 secs = qMax<qint64>(0, (ms + 999) / 1000);
    if (secs < 60)
        return tr("~%1 s").arg(secs);
    const qint64 minutes = (secs + 30) / 60;
    if (minutes < 60)
        return tr("~%1 min").arg(minutes);
    return tr("~%1 h %2 min").arg(minutes / 60).arg(minutes % 60);
}

void BatchTableModel::setDownloadedBatches(const QSet<QString> &batchIds)
{
    if (batchIds == m_downloaded)
        return;
    m_downloaded = batchIds;
    if (rowCount() > 0)
        emit dataChanged(index(0, OutputExpiryColumn), index(rowCount() - 1, OutputExpiryColumn));
}

bool BatchTableModel::resultsExpireSoon(const Batch &b) const
{
    if (m_downloaded.contains(b.id) || !b.isTerminal())
        return false;
    const auto expiry = outputExpiry(b);
    return expiry && *expiry - m_clock() / 1000 < kExpiryWarningSeconds;
}

std::optional<qint64> BatchTableModel::outputExpiry(const Batch &b) const
{
    if (b.outputFileId.isEmpty())
        return std::nullopt;
    const auto it = m_fileExpiry.constFind(b.outputFileId);
    if (it != m_fileExpiry.cend())
        return *it;
    // Estimate: the anchor is the output file's creation, i.e. about when the batch completed.
    const QJsonObject after = b.raw.value(QLatin1StringView("output_expires_after")).toObject();
    const qint64 seconds = after.value(QLatin1StringView("seconds")).toInteger();
    const std::optional<qint64> anchor = b.completedAt ? b.completedAt
        : b.cancelledAt                                ? b.cancelledAt
                                                       : b.expiredAt;
    if (seconds > 0 && anchor)
        return *anchor + seconds;
    return std::nullopt;
}

QVariant BatchTableModel::display(const Batch &b, int column) const
{
    switch (column) {
    case StatusColumn:
        return statusText(b);
    case DescriptionColumn:
        return descriptionText(b);
    case IdColumn:
        return b.id;
    case CreatedColumn:
        return b.createdAt > 0 ? dateText(b.createdAt) : QString();
    case EndpointColumn:
        return b.endpoint;
    case ModelColumn:
        return b.model;
    case ProgressColumn:
        if (!b.requestCounts || b.requestCounts->total <= 0)
            return QString();
        return tr("%1%").arg((b.requestCounts->completed + b.requestCounts->failed) * 100
                             / b.requestCounts->total);
    case EtaColumn: {
        const Eta eta = m_monitor ? m_monitor->eta(b.id) : Monitor::estimateEta(b, {}, m_clock());
        switch (eta.state) {
        case Eta::State::Running:
            return remainingText(eta.finishAtMs - m_clock());
        case Eta::State::Assembling:
            return tr("assembling results");
        default:
            return QString();
        }
    }
    case DeadlineColumn:
        return b.createdAt > 0 || b.expiresAt ? dateText(b.deadline()) : QString();
    case OutputExpiryColumn: {
        if (m_downloaded.contains(b.id))
            return tr("Saved locally");
        const auto expiry = outputExpiry(b);
        return expiry ? dateText(*expiry) : QString();
    }
    }
    return {};
}

QVariant BatchTableModel::raw(const Batch &b, int column) const
{
    switch (column) {
    case StatusColumn:
        return statusRank(b);
    case DescriptionColumn:
        return descriptionText(b);
    case IdColumn:
        return b.id;
    case CreatedColumn:
        return b.createdAt;
    case EndpointColumn:
        return b.endpoint;
    case ModelColumn:
        return b.model;
    case ProgressColumn:
        if (!b.requestCounts || b.requestCounts->total <= 0)
            return -1.0;
        return double(b.requestCounts->completed + b.requestCounts->failed) / double(b.requestCounts->total);
    case EtaColumn: {
        const Eta eta = m_monitor ? m_monitor->eta(b.id) : Monitor::estimateEta(b, {}, m_clock());
        if (eta.state == Eta::State::Running)
            return eta.finishAtMs / 1000;
        return eta.state == Eta::State::Assembling ? qint64(0) : kNoValue;
    }
    case DeadlineColumn:
        return b.deadline();
    case OutputExpiryColumn:
        return outputExpiry(b).value_or(kNoValue);
    }
    return {};
}

QVariant BatchTableModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Batch &b = m_batches.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        return display(b, index.column());
    case RawValueRole:
        return raw(b, index.column());
    case BatchRole:
        return QVariant::fromValue(b);
    case IdRole:
        return b.id;
    case StatusGroupRole:
        return int(statusGroup(b));
    case HasFailuresRole:
        return hasFailedRequests(b) || b.status() == Batch::Status::Failed
            || b.status() == Batch::Status::Expired;
    case CompletedRole:
        return b.requestCounts ? b.requestCounts->completed : qint64(-1);
    case FailedRole:
        return b.requestCounts ? b.requestCounts->failed : qint64(-1);
    case TotalRole:
        return b.requestCounts ? b.requestCounts->total : qint64(-1);
    case SearchTextRole: {
        QString text = b.id;
        for (auto it = b.metadata.cbegin(); it != b.metadata.cend(); ++it)
            text += u'\n' + it.value();
        return text.toLower();
    }
    case Qt::DecorationRole:
        if (index.column() == StatusColumn)
            return icon(statusIconName(b));
        if (index.column() == OutputExpiryColumn && resultsExpireSoon(b))
            return icon(QStringLiteral("warning"));
        if (index.column() == OutputExpiryColumn && m_downloaded.contains(b.id))
            return icon(QStringLiteral("ok"));
        break;
    case Qt::ToolTipRole:
        switch (index.column()) {
        case StatusColumn:
            if (b.status() == Batch::Status::Finalizing)
                return tr("Every request ran; the provider is assembling the result files.");
            if (hasFailedRequests(b))
                return tr("%1 of %2 requests failed: see the error file.")
                    .arg(DisplayFormat::count(b.requestCounts->failed),
                         DisplayFormat::count(b.requestCounts->total));
            return b.statusText;
        case ProgressColumn:
            if (b.requestCounts)
                return tr("%1 succeeded, %2 failed, %3 pending of %4")
                    .arg(DisplayFormat::count(b.requestCounts->completed),
                         DisplayFormat::count(b.requestCounts->failed),
                         DisplayFormat::count(b.requestCounts->pending()),
                         DisplayFormat::count(b.requestCounts->total));
            break;
        case OutputExpiryColumn:
            if (resultsExpireSoon(b))
                return tr("The results expire %1 and are not downloaded yet.")
                    .arg(dateText(*outputExpiry(b)));
            if (m_downloaded.contains(b.id))
                return tr("The results are saved on this computer.");
            break;
        case DeadlineColumn:
            if (!b.expiresAt)
                return tr("The provider gave no deadline: created + 24 h.");
            break;
        default:
            break;
        }
        break;
    case Qt::TextAlignmentRole:
        if (index.column() == ProgressColumn || index.column() == EtaColumn)
            return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
        break;
    default:
        break;
    }
    return {};
}

QVariant BatchTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case StatusColumn:
        return tr("Status");
    case DescriptionColumn:
        return tr("Description");
    case IdColumn:
        return tr("Id");
    case CreatedColumn:
        return tr("Created");
    case EndpointColumn:
        return tr("Endpoint");
    case ModelColumn:
        return tr("Model");
    case ProgressColumn:
        return tr("Progress");
    case EtaColumn:
        return tr("ETA");
    case DeadlineColumn:
        return tr("Deadline");
    case OutputExpiryColumn:
        return tr("Output expiry");
    }
    return {};
}

} // namespace Batchdesk::Models
