#pragma once

#include "store/jobstore.h"

#include <QAbstractItemModel>
#include <QHash>
#include <QList>

#include <memory>
#include <optional>
#include <vector>

namespace Batchdesk::Models {

/** A job with all its parts (every round), as the JobStore has them. */
struct JobEntry
{
    Store::Job job;
    QList<Store::JobPart> parts;

    /** Requests of the job: the lines of its first round. */
    qint64 requests() const;
    /** Succeeded requests over every round (a retried request counts once, when it succeeds). */
    qint64 succeeded() const;
    /** Failed requests of the newest round that has counts (those of earlier rounds were retried). */
    qint64 failed() const;
    int partsDone() const; ///< parts (of every round) that ended: finished or cancelled
    int partsTotal() const; ///< parts of every round
    int inFlight() const;
    int queued() const;
};

/**
 * The jobs of one account as a tree: one top-level row per job (newest first), its parts (every round) as
 * children in round and part order. Queued parts are rows too: they have no batch yet, which is why the
 * batch list cannot show them.
 *
 * Fed with values (setJobs() resets; updateJob() changes a job's rows in place, appends the parts of a new
 * round, or inserts a new job at the top), so it is tested without a database. Columns are an enum ending in
 * ColumnCount; DisplayRole is localized text, RawValueRole a sortable value, and the progress column carries
 * CompletedRole / FailedRole / TotalRole with the values of BatchTableModel's roles, so the batch list's
 * progress delegate draws it. GUI thread only.
 */
class JobTreeModel final : public QAbstractItemModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(JobTreeModel)

public:
    enum Column {
        NameColumn, ///< job: its source's name; part: "Part 2/5" / "Retry 1, part 2/5"
        StateColumn, ///< job state; part: queued / submitting / the batch's status
        ProgressColumn, ///< requests done of total, a bar
        PartsColumn, ///< job: parts that ended of all its parts (every round)
        RoundColumn, ///< job: retry round of the policy's rounds
        BatchColumn, ///< part: its batch id
        CreatedColumn, ///< job: created
        NoteColumn, ///< why a job stopped or a part failed
        ColumnCount
    };
    enum Role {
        RawValueRole = Qt::UserRole + 1, ///< as BatchTableModel::RawValueRole
        CompletedRole = Qt::UserRole + 6, ///< as BatchTableModel::CompletedRole (-1 without counts)
        FailedRole = Qt::UserRole + 7,
        TotalRole = Qt::UserRole + 8,
        JobIdRole = Qt::UserRole + 20, ///< in every row and column
        IsPartRole, ///< bool
        RoundRole, ///< part rows: the round
        PartRole, ///< part rows: the 1-based part
        BatchIdRole, ///< part rows: the batch id, or empty
        PartStateRole, ///< part rows: int(Store::JobPart::State)
        JobStateRole, ///< int(Store::Job::State), in every row
    };

    explicit JobTreeModel(QObject *parent = nullptr);
    ~JobTreeModel() override;

    /** Replaces every row (one reset): the jobs of a newly selected account. */
    void setJobs(QList<JobEntry> jobs);
    /** Changes a job's rows in place (dataChanged), appends new parts, or inserts a new job at the top. */
    void updateJob(const JobEntry &entry);
    void removeJob(const QString &jobId);
    void clear();
    /** Names of the accounts, for the parts that run in real time on a "Run here" account and the jobs'
     *  fallback policy ("Part 1/1 · real time: Local vLLM"). */
    void setAccountNames(const QHash<qint64, QString> &names);
    QString accountName(qint64 accountId) const;

    int jobCount() const { return int(m_nodes.size()); }
    std::optional<JobEntry> job(const QString &jobId) const;
    /** The job of a row (a part row gives its job). */
    std::optional<JobEntry> jobAt(const QModelIndex &index) const;
    /** The part of a part row. */
    std::optional<Store::JobPart> partAt(const QModelIndex &index) const;
    QModelIndex indexOfJob(const QString &jobId, int column = 0) const;
    QModelIndex indexOfPart(const QString &jobId, int round, int part, int column = 0) const;
    /** Jobs that still have work (state Active). */
    int activeCount() const;

    QModelIndex index(int row, int column, const QModelIndex &parent = {}) const override;
    QModelIndex parent(const QModelIndex &child) const override;
    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    /** "Running", "Queued", "Finished with failures", "Stopped", ... */
    static QString jobStateText(const JobEntry &entry);
    static QString jobStateIconName(const JobEntry &entry);
    /** "Queued", "Submitting", "Not submitted", or the batch's status as the batch list says it. */
    static QString partStateText(const Store::JobPart &part);
    static QString partStateIconName(const Store::JobPart &part);
    /** "Part 2/5", or "Retry 1, part 2/5". */
    static QString partName(const Store::JobPart &part);
    /** What the job's straggler fallback does ("Finishing in real time on Local vLLM", "Finishes in real
     *  time on Local vLLM after 12 hours or at 95 % done"), or empty without one. */
    QString realtimeText(const Store::Job &job) const;

private:
    struct Node
    {
        JobEntry entry;
    };
    int rowOfNode(const Node *node) const;
    int rowOfJob(const QString &jobId) const;
    QVariant jobData(const JobEntry &e, int column, int role) const;
    QVariant partData(const Store::JobPart &p, const JobEntry &e, int column, int role) const;

    std::vector<std::unique_ptr<Node>> m_nodes;
    QHash<qint64, QString> m_accountNames;
};

} // namespace Batchdesk::Models
