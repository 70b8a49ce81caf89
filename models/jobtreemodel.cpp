#include "jobtreemodel.h"

#include "batchtablemodel.h"
#include "cost/pricetable.h"
#include "displayformat.h"
#include "icons.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QDir>
#include <QFont>
#include <QFontDatabase>
#include <QLocale>

#include <algorithm>
#include <limits>

namespace Batchdesk::Models {

using Store::Job;
using Store::JobPart;

// The progress delegate of the batch list reads these roles.
static_assert(int(JobTreeModel::RawValueRole) == int(BatchTableModel::RawValueRole));
static_assert(int(JobTreeModel::CompletedRole) == int(BatchTableModel::CompletedRole));
static_assert(int(JobTreeModel::FailedRole) == int(BatchTableModel::FailedRole));
static_assert(int(JobTreeModel::TotalRole) == int(BatchTableModel::TotalRole));

namespace {

QString dateText(qint64 secs)
{
    return QLocale().toString(QDateTime::fromSecsSinceEpoch(secs), QLocale::ShortFormat);
}

// The part's batch as far as the part knows it: enough for the batch list's status words.
Api::Batch batchOf(const JobPart &p)
{
    Api::Batch b;
    b.id = p.batchId;
    b.statusText = p.batchStatus;
    if (p.total > 0 || p.completed > 0 || p.failed > 0) {
        Api::RequestCounts counts;
        counts.total = p.total;
        counts.completed = p.completed;
        counts.failed = p.failed;
        b.requestCounts = counts;
    }
    return b;
}

bool hasBatchStatus(const JobPart &p)
{
    return !p.batchId.isEmpty() && !p.batchStatus.isEmpty();
}

} // namespace

// ---------------------------------------------------------------------------------------------------------------
// JobEntry

qint64 JobEntry::requests() const
{
    qint64 n = 0;
    for (const JobPart &p : parts)
        n += p.round == 0 ? p.lines : 0;
    return n;
}

qint64 JobEntry::succeeded() const
{
    qint64 n = 0;
    for (const JobPart &p : parts)
        n += p.completed;
    return n;
}

qint64 JobEntry::failed() const
{
    int newest = -1;
    for (const JobPart &p : parts) {
        if (p.total > 0)
            newest = qMax(newest, p.round);
    }
    qint64 n = 0;
    for (const JobPart &p : parts)
        n += p.round == newest ? p.failed : 0;
    return n;
}

namespace {
// A part dropped before it was submitted is neither done nor still to do.
bool droppedUnsubmitted(const JobPart &p)
{
    return p.state == JobPart::State::Canceled && p.batchId.isEmpty();
}

// The job's budget cap and the estimate it was submitted with, for its tooltip; empty when it has neither.
QString costText(const Job &j)
{
    const QString estimate = j.estimatedCost >= 0
        ? Cost::formatDollars(j.estimatedCost)
        : QCoreApplication::translate("Batchdesk::Models::JobTreeModel", "not estimated");
    if (j.budget > 0)
        return QCoreApplication::translate("Batchdesk::Models::JobTreeModel",
                                           "Budget %1 (retry rounds keep to it); estimated %2 when submitted")
            .arg(Cost::formatDollars(j.budget), estimate);
    if (j.estimatedCost >= 0)
        return QCoreApplication::translate("Batchdesk::Models::JobTreeModel",
                                           "Estimated cost %1 when submitted")
            .arg(estimate);
    return {};
}
} // namespace

int JobEntry::partsDone() const
{
    return int(std::count_if(parts.cbegin(), parts.cend(),
                             [](const JobPart &p) { return p.isDone() && !droppedUnsubmitted(p); }));
}

int JobEntry::partsTotal() const
{
    return int(
        std::count_if(parts.cbegin(), parts.cend(), [](const JobPart &p) { return !droppedUnsubmitted(p); }));
}

int JobEntry::inFlight() const
{
    return int(std::count_if(parts.cbegin(), parts.cend(), [](const JobPart &p) { return p.inFlight(); }));
}

int JobEntry::queued() const
{
    return int(std::count_if(parts.cbegin(), parts.cend(),
                             [](const JobPart &p) { return p.state == JobPart::State::Queued; }));
}

// ---------------------------------------------------------------------------------------------------------------
// JobTreeModel

JobTreeModel::JobTreeModel(QObject *parent)
    : QAbstractItemModel(parent)
{ }

JobTreeModel::~JobTreeModel() = default;

void JobTreeModel::setJobs(QList<JobEntry> jobs)
{
    std::stable_sort(jobs.begin(), jobs.end(),
                     [](const JobEntry &a, const JobEntry &b) { return a.job.createdAt > b.job.createdAt; });
    beginResetModel();
    m_nodes.clear();
    for (JobEntry &e : jobs)
        m_nodes.push_back(std::make_unique<Node>(Node {std::move(e)}));
    endResetModel();
}

void JobTreeModel::clear()
{
    setJobs({});
}

int JobTreeModel::rowOfNode(const Node *node) const
{
    for (std::size_t i = 0; i < m_nodes.size(); ++i) {
        if (m_nodes[i].get() == node)
            return int(i);
    }
    return -1;
}

int JobTreeModel::rowOfJob(const QString &jobId) const
{
    for (std::size_t i = 0; i < m_nodes.size(); ++i) {
        if (m_nodes[i]->entry.job.id == jobId)
            return int(i);
    }
    return -1;
}

void JobTreeModel::updateJob(const JobEntry &entry)
{
    const int row = rowOfJob(entry.job.id);
    if (row < 0) {
        // A new job is the newest: it goes on top.
        beginInsertRows({}, 0, 0);
        m_nodes.insert(m_nodes.begin(), std::make_unique<Node>(Node {entry}));
        endInsertRows();
        return;
    }
    Node *node = m_nodes[std::size_t(row)].get();
    const QModelIndex parent = index(row, 0);
    const QList<JobPart> &old = node->entry.parts;
    const auto sameKey = [](const JobPart &a, const JobPart &b) {
        return a.round == b.round && a.part == b.part;
    };
    const qsizetype common = std::min(old.size(), entry.parts.size());
    bool prefix = true;
    for (qsizetype i = 0; i < common && prefix; ++i)
        prefix = sameKey(old.at(i), entry.parts.at(i));
    if (!prefix || entry.parts.size() < old.size()) {
        // Parts were replaced (not expected from the scheduler): their rows go and come again.
        if (!old.isEmpty()) {
            beginRemoveRows(parent, 0, int(old.size()) - 1);
            node->entry.parts.clear();
            endRemoveRows();
        }
        if (!entry.parts.isEmpty()) {
            beginInsertRows(parent, 0, int(entry.parts.size()) - 1);
            node->entry.parts = entry.parts;
            endInsertRows();
        }
        node->entry.job = entry.job;
    } else {
        // The parts of a new round are appended; the others change in place.
        if (entry.parts.size() > old.size()) {
            beginInsertRows(parent, int(old.size()), int(entry.parts.size()) - 1);
            node->entry.parts.append(entry.parts.mid(old.size()));
            endInsertRows();
        }
        QList<int> changed;
        for (qsizetype i = 0; i < common; ++i) {
            const JobPart &a = node->entry.parts.at(i);
            const JobPart &b = entry.parts.at(i);
            if (a.state != b.state || a.batchId != b.batchId || a.batchStatus != b.batchStatus
                || a.completed != b.completed || a.failed != b.failed || a.total != b.total
                || a.error != b.error || a.updatedAt != b.updatedAt || a.resultsFolder != b.resultsFolder)
                changed << int(i);
        }
        node->entry = entry;
        if (!changed.isEmpty())
            emit dataChanged(index(changed.first(), 0, parent),
                             index(changed.last(), ColumnCount - 1, parent));
    }
    emit dataChanged(index(row, 0), index(row, ColumnCount - 1));
}

void JobTreeModel::removeJob(const QString &jobId)
{
    const int row = rowOfJob(jobId);
    if (row < 0)
        return;
    beginRemoveRows({}, row, row);
    m_nodes.erase(m_nodes.begin() + row);
    endRemoveRows();
}

std::optional<JobEntry> JobTreeModel::job(const QString &jobId) const
{
    const int row = rowOfJob(jobId);
    if (row < 0)
        return std::nullopt;
    return m_nodes[std::size_t(row)]->entry;
}

std::optional<JobEntry> JobTreeModel::jobAt(const QModelIndex &index) const
{
    if (!index.isValid() || index.model() != this)
        return std::nullopt;
    if (const auto *node = static_cast<const Node *>(index.internalPointer()))
        return node->entry;
    if (index.row() < 0 || std::size_t(index.row()) >= m_nodes.size())
        return std::nullopt;
    return m_nodes[std::size_t(index.row())]->entry;
}

std::optional<JobPart> JobTreeModel::partAt(const QModelIndex &index) const
{
    if (!index.isValid() || index.model() != this)
        return std::nullopt;
    const auto *node = static_cast<const Node *>(index.internalPointer());
    if (!node || index.row() < 0 || index.row() >= node->entry.parts.size())
        return std::nullopt;
    return node->entry.parts.at(index.row());
}

QModelIndex JobTreeModel::indexOfJob(const QString &jobId, int column) const
{
    const int row = rowOfJob(jobId);
    return row < 0 ? QModelIndex() : index(row, column);
}

QModelIndex JobTreeModel::indexOfPart(const QString &jobId, int round, int part, int column) const
{
    const int row = rowOfJob(jobId);
    if (row < 0)
        return {};
    const QList<JobPart> &parts = m_nodes[std::size_t(row)]->entry.parts;
    for (qsizetype i = 0; i < parts.size(); ++i) {
        if (parts.at(i).round == round && parts.at(i).part == part)
            return index(int(i), column, index(row, 0));
    }
    return {};
}

int JobTreeModel::activeCount() const
{
    return int(std::count_if(m_nodes.cbegin(), m_nodes.cend(),
                             [](const auto &n) { return n->entry.job.state == Job::State::Active; }));
}

QModelIndex JobTreeModel::index(int row, int column, const QModelIndex &parent) const
{
    if (column < 0 || column >= ColumnCount || row < 0)
        return {};
    if (!parent.isValid())
        return std::size_t(row) < m_nodes.size() ? createIndex(row, column, nullptr) : QModelIndex();
    if (parent.internalPointer() || std::size_t(parent.row()) >= m_nodes.size())
        return {}; // parts have no children
    Node *node = m_nodes[std::size_t(parent.row())].get();
    return row < node->entry.parts.size() ? createIndex(row, column, node) : QModelIndex();
}

QModelIndex JobTreeModel::parent(const QModelIndex &child) const
{
    if (!child.isValid())
        return {};
    const auto *node = static_cast<const Node *>(child.internalPointer());
    if (!node)
        return {};
    const int row = rowOfNode(node);
    return row < 0 ? QModelIndex() : createIndex(row, 0, nullptr);
}

int JobTreeModel::rowCount(const QModelIndex &parent) const
{
    if (!parent.isValid())
        return int(m_nodes.size());
    if (parent.column() != 0 || parent.internalPointer() || std::size_t(parent.row()) >= m_nodes.size())
        return 0;
    return int(m_nodes[std::size_t(parent.row())]->entry.parts.size());
}

int JobTreeModel::columnCount(const QModelIndex &) const
{
    return ColumnCount;
}

QVariant JobTreeModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.model() != this)
        return {};
    if (const auto *node = static_cast<const Node *>(index.internalPointer())) {
        if (index.row() >= node->entry.parts.size())
            return {};
        return partData(node->entry.parts.at(index.row()), node->entry, index.column(), role);
    }
    if (std::size_t(index.row()) >= m_nodes.size())
        return {};
    return jobData(m_nodes[std::size_t(index.row())]->entry, index.column(), role);
}

QString JobTreeModel::jobStateText(const JobEntry &e)
{
    switch (e.job.state) {
    case Job::State::Active:
        if (e.inFlight() > 0)
            return tr("Running");
        if (e.queued() > 0)
            return tr("Queued");
        return tr("Preparing the next round");
    case Job::State::Finished:
        return e.failed() > 0 ? tr("Finished with failures") : tr("Finished");
    case Job::State::Canceled:
        return tr("Cancelled");
    case Job::State::Failed:
        return tr("Stopped");
    }
    return {};
}

QString JobTreeModel::jobStateIconName(const JobEntry &e)
{
    switch (e.job.state) {
    case Job::State::Active:
        return e.inFlight() > 0 ? QStringLiteral("refresh") : QStringLiteral("upload");
    case Job::State::Finished:
        return e.failed() > 0 ? QStringLiteral("warning") : QStringLiteral("ok");
    case Job::State::Canceled:
        return QStringLiteral("cancel");
    case Job::State::Failed:
        return QStringLiteral("error");
    }
    return {};
}

QString JobTreeModel::partStateText(const JobPart &p)
{
    switch (p.state) {
    case JobPart::State::Queued:
        return tr("Queued");
    case JobPart::State::Submitting:
        return tr("Submitting");
    case JobPart::State::Failed:
        return tr("Not submitted");
    case JobPart::State::Canceled:
        if (!hasBatchStatus(p))
            return tr("Cancelled");
        break;
    case JobPart::State::Submitted:
        if (!hasBatchStatus(p))
            return tr("Submitted");
        break;
    case JobPart::State::Finished:
        if (!hasBatchStatus(p))
            return tr("Finished");
        break;
    }
    return BatchTableModel::statusText(batchOf(p));
}

QString JobTreeModel::partStateIconName(const JobPart &p)
{
    switch (p.state) {
    case JobPart::State::Queued:
        return QStringLiteral("file");
    case JobPart::State::Submitting:
        return QStringLiteral("upload");
    case JobPart::State::Failed:
        return QStringLiteral("error");
    case JobPart::State::Canceled:
        if (!hasBatchStatus(p))
            return QStringLiteral("cancel");
        break;
    case JobPart::State::Submitted:
        if (!hasBatchStatus(p))
            return QStringLiteral("refresh");
        break;
    case JobPart::State::Finished:
        if (!hasBatchStatus(p))
            return QStringLiteral("ok");
        break;
    }
    return BatchTableModel::statusIconName(batchOf(p));
}

QString JobTreeModel::partName(const JobPart &p)
{
    const QString part = QStringLiteral("%1/%2").arg(p.part).arg(p.parts);
    return p.round > 0 ? tr("Retry %1, part %2").arg(p.round).arg(part) : tr("Part %1").arg(part);
}

void JobTreeModel::setAccountNames(const QHash<qint64, QString> &names)
{
    if (names == m_accountNames)
        return;
    m_accountNames = names;
    if (!m_nodes.empty()) {
        for (int r = 0; r < int(m_nodes.size()); ++r) {
            const QModelIndex job = index(r, 0);
            const int parts = rowCount(job);
            if (parts > 0)
                emit dataChanged(index(0, 0, job), index(parts - 1, ColumnCount - 1, job));
        }
        emit dataChanged(index(0, 0), index(int(m_nodes.size()) - 1, ColumnCount - 1));
    }
}

QString JobTreeModel::accountName(qint64 accountId) const
{
    const QString name = m_accountNames.value(accountId);
    return name.isEmpty() ? tr("account %1").arg(accountId) : name;
}

QString JobTreeModel::realtimeText(const Job &j) const
{
    if (j.realtimeAccountId <= 0)
        return {};
    const QString account = accountName(j.realtimeAccountId);
    if (j.realtimeRequested)
        return j.state == Job::State::Active ? tr("Finishing in real time on %1").arg(account)
                                             : tr("Finished in real time on %1").arg(account);
    QStringList when;
    if (j.realtimeAfterHours > 0)
        when << tr("after %1 hours").arg(QLocale().toString(j.realtimeAfterHours, 'g', 4));
    if (j.realtimeAtPercent > 0)
        when << tr("at %1 % done").arg(j.realtimeAtPercent);
    if (when.isEmpty())
        return {};
    return tr("Finishes in real time on %1 %2").arg(account, when.join(tr(" or ")));
}

QVariant JobTreeModel::jobData(const JobEntry &e, int column, int role) const
{
    const Job &j = e.job;
    const qint64 total = e.requests();
    const qint64 succeeded = qMin(e.succeeded(), total);
    const qint64 failed = qMin(e.failed(), total - succeeded);
    switch (role) {
    case JobIdRole:
        return j.id;
    case IsPartRole:
        return false;
    case JobStateRole:
        return int(j.state);
    case CompletedRole:
        return column == ProgressColumn ? QVariant(total > 0 ? succeeded : -1) : QVariant();
    case FailedRole:
        return column == ProgressColumn ? QVariant(total > 0 ? failed : -1) : QVariant();
    case TotalRole:
        return column == ProgressColumn ? QVariant(total > 0 ? total : -1) : QVariant();
    case Qt::DisplayRole:
        switch (column) {
        case NameColumn:
            return j.name.isEmpty() ? j.id : j.name;
        case StateColumn:
            return jobStateText(e);
        case ProgressColumn:
            return total > 0 ? tr("%1%").arg((succeeded + failed) * 100 / total) : QString();
        case PartsColumn:
            return tr("%1 of %2").arg(e.partsDone()).arg(e.partsTotal());
        case RoundColumn:
            if (j.retryRounds == 0 && j.round == 0)
                return QString();
            return tr("%1 of %2").arg(j.round).arg(qMax(j.retryRounds, j.round));
        case BatchColumn:
            return QString();
        case CreatedColumn:
            return j.createdAt > 0 ? dateText(j.createdAt) : QString();
        case NoteColumn:
            return j.error;
        }
        break;
    case RawValueRole:
        switch (column) {
        case NameColumn:
            return j.name;
        case StateColumn:
            return int(j.state);
        case ProgressColumn:
            return total > 0 ? double(succeeded + failed) / double(total) : -1.0;
        case PartsColumn:
            return e.partsDone();
        case RoundColumn:
            return j.round;
        case CreatedColumn:
            return j.createdAt;
        default:
            return jobData(e, column, Qt::DisplayRole);
        }
    case Qt::DecorationRole:
        if (column == StateColumn)
            return icon(jobStateIconName(e));
        break;
    case Qt::ToolTipRole:
        switch (column) {
        case NameColumn: {
            QString text = tr("%1 \u2014 %2").arg(j.id, j.sourcePath.isEmpty() ? j.name : j.sourcePath);
            if (const QString cost = costText(j); !cost.isEmpty())
                text += u'\n' + cost;
            const QString realtime = realtimeText(j);
            return realtime.isEmpty() ? text : QString(text + u'\n' + realtime);
        }
        case ProgressColumn:
            return tr("%1 succeeded, %2 failed of %3 requests")
                .arg(DisplayFormat::count(succeeded), DisplayFormat::count(failed),
                     DisplayFormat::count(total));
        case StateColumn: {
            const QString realtime = realtimeText(j);
            if (j.state == Job::State::Active) {
                const QString text =
                    tr("%n part(s) running, %1 waiting for a free slot", nullptr, e.inFlight())
                        .arg(e.queued());
                return realtime.isEmpty() ? text : QString(text + u'\n' + realtime);
            }
            if (!realtime.isEmpty())
                return realtime;
            break;
        }
        case RoundColumn:
            if (j.retryRounds > 0)
                return tr("Requests that did not succeed are retried up to %n time(s)", nullptr,
                          j.retryRounds);
            break;
        case NoteColumn:
            return j.error.isEmpty() ? QVariant() : QVariant(j.error);
        default:
            break;
        }
        break;
    case Qt::TextAlignmentRole:
        if (column == PartsColumn || column == RoundColumn)
            return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
        break;
    case Qt::FontRole:
        if (column == NameColumn) {
            QFont f;
            f.setBold(true);
            return f;
        }
        break;
    default:
        break;
    }
    return {};
}

QVariant JobTreeModel::partData(const JobPart &p, const JobEntry &e, int column, int role) const
{
    const bool counted = p.total > 0;
    switch (role) {
    case JobIdRole:
        return p.jobId;
    case IsPartRole:
        return true;
    case JobStateRole:
        return int(e.job.state);
    case RoundRole:
        return p.round;
    case PartRole:
        return p.part;
    case BatchIdRole:
        return p.batchId;
    case PartStateRole:
        return int(p.state);
    case CompletedRole:
        return column == ProgressColumn ? QVariant(counted ? p.completed : -1) : QVariant();
    case FailedRole:
        return column == ProgressColumn ? QVariant(counted ? p.failed : -1) : QVariant();
    case TotalRole:
        return column == ProgressColumn ? QVariant(counted ? p.total : -1) : QVariant();
    case Qt::DisplayRole:
        switch (column) {
        case NameColumn:
            return p.runnerAccountId > 0
                ? tr("%1 \u00b7 real time: %2").arg(partName(p), accountName(p.runnerAccountId))
                : partName(p);
        case StateColumn:
            return partStateText(p);
        case ProgressColumn:
            // Before its batch counts: how many requests the part carries.
            return counted
                ? tr("%1%").arg((p.completed + p.failed) * 100 / p.total)
                : tr("%n request(s)", nullptr, int(qMin<qint64>(p.lines, std::numeric_limits<int>::max())));
        case BatchColumn:
            return p.batchId;
        case NoteColumn:
            return p.error;
        default:
            return QString();
        }
    case RawValueRole:
        switch (column) {
        case NameColumn:
            return p.round * 100000 + p.part;
        case StateColumn:
            return int(p.state);
        case ProgressColumn:
            return counted ? double(p.completed + p.failed) / double(p.total) : -1.0;
        default:
            return partData(p, e, column, Qt::DisplayRole);
        }
    case Qt::DecorationRole:
        if (column == StateColumn)
            return icon(partStateIconName(p));
        break;
    case Qt::ToolTipRole:
        switch (column) {
        case NameColumn: {
            const QString text = tr("%1 \u2014 lines %2 to %3 of the input")
                                     .arg(QDir::toNativeSeparators(p.path), DisplayFormat::count(p.firstLine),
                                          DisplayFormat::count(p.firstLine + qMax<qint64>(p.lines, 1) - 1));
            if (p.runnerAccountId <= 0)
                return text;
            return QString(text + u'\n'
                           + tr("Runs on this computer against the real-time endpoint of %1")
                                 .arg(accountName(p.runnerAccountId)));
        }
        case StateColumn:
            if (p.state == JobPart::State::Queued)
                return tr("Waiting for a free slot: the provider runs a limited number of batches at once.");
            if (!p.batchStatus.isEmpty())
                return tr("Batch status: %1").arg(p.batchStatus);
            break;
        case ProgressColumn:
            if (counted)
                return tr("%1 succeeded, %2 failed of %3 requests")
                    .arg(DisplayFormat::count(p.completed), DisplayFormat::count(p.failed),
                         DisplayFormat::count(p.total));
            break;
        case BatchColumn:
            return p.batchId.isEmpty() ? tr("No batch yet") : QVariant(p.batchId);
        case CreatedColumn:
            return p.updatedAt > 0 ? tr("Changed %1").arg(dateText(p.updatedAt)) : QVariant();
        case NoteColumn:
            return p.error.isEmpty() ? QVariant() : QVariant(p.error);
        default:
            break;
        }
        break;
    case Qt::FontRole:
        if (column == BatchColumn)
            return QFontDatabase::systemFont(QFontDatabase::FixedFont);
        break;
    default:
        break;
    }
    return {};
}

QVariant JobTreeModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case NameColumn:
        return tr("Job");
    case StateColumn:
        return tr("State");
    case ProgressColumn:
        return tr("Progress");
    case PartsColumn:
        return tr("Parts done");
    case RoundColumn:
        return tr("Round");
    case BatchColumn:
        return tr("Batch");
    case CreatedColumn:
        return tr("Created");
    case NoteColumn:
        return tr("Problem");
    }
    return {};
}

} // namespace Batchdesk::Models
