#pragma once

#include "api/types.h"

#include <QAbstractTableModel>
#include <QHash>
#include <QList>
#include <QPointer>
#include <QSet>

#include <functional>

namespace Batchdesk::Monitor {
class BatchMonitor;
}

namespace Batchdesk::Models {

/**
 * The batches of one account as a table, fed by BatchMonitor's batched updates (or by hand).
 *
 * Rows are keyed by batch id. setBatches() is the only reset (first fill, e.g. from the cache); after it,
 * updateBatches() changes rows in place with one dataChanged() per changed row and appends unknown batches
 * with one beginInsertRows()/endInsertRows(); removeBatches() removes rows. Row order is arrival order: sort
 * with BatchFilterProxyModel on RawValueRole.
 *
 * Display text is localized; RawValueRole carries a sortable value per column (timestamps in seconds since
 * the epoch, progress as a fraction, status as a rank). `finalizing` reads "Assembling results", a
 * `completed` batch with failed requests reads "Completed with failures" with a warning icon (never the
 * all-green "ok"). The progress cell exposes CompletedRole / FailedRole / TotalRole for a delegate that draws
 * a bar.
 *
 * ETA: from the attached monitor's sample history (setMonitor) or, without one, from the rate since
 * `in_progress_at`. Time-relative cells (ETA) are refreshed after each monitor round; call refreshTimes() to
 * do it by hand. The monitor is not owned. GUI thread only.
 */
class BatchTableModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(BatchTableModel)

public:
    enum Column {
        StatusColumn,
        DescriptionColumn,
        IdColumn,
        CreatedColumn,
        EndpointColumn,
        ModelColumn,
        ProgressColumn,
        EtaColumn,
        DeadlineColumn,
        OutputExpiryColumn,
        ColumnCount
    };
    enum Role {
        RawValueRole = Qt::UserRole + 1, ///< sortable value of the cell
        BatchRole, ///< the Api::Batch of the row, in every column
        IdRole, ///< the batch id, in every column
        StatusGroupRole, ///< int(StatusGroup), in every column
        HasFailuresRole, ///< bool: request_counts.failed > 0 or status failed/expired
        CompletedRole, ///< request_counts.completed (succeeded), or -1 without counts
        FailedRole, ///< request_counts.failed, or -1 without counts
        TotalRole, ///< request_counts.total, or -1 without counts
        SearchTextRole, ///< id, description and metadata values, lower case (for the free-text filter)
    };
    /** The coarse groups the status filter offers. */
    enum class StatusGroup { Active, Completed, FailedOrExpired, Cancelled };
    Q_ENUM(StatusGroup)

    using Clock = std::function<qint64()>; ///< ms since the epoch

    explicit BatchTableModel(QObject *parent = nullptr);
    ~BatchTableModel() override;

    /** Warn about results expiring within this many seconds that are not downloaded (default 3 days). */
    static constexpr qint64 kExpiryWarningSeconds = 3 * 24 * 3600;

    /** Replaces every row (one model reset). For the first fill. */
    void setBatches(QList<Api::Batch> batches);
    /** Upserts by id: dataChanged() per changed row, one insert for the new ones; never a reset. */
    void updateBatches(const QList<Api::Batch> &batches);
    void removeBatches(const QStringList &batchIds);
    void clear();

    /** Follows a monitor: its batchesUpdated() feeds updateBatches(), its history feeds the ETA. nullptr
     *  detaches. The monitor must outlive the connection or be detached first (held by QPointer). */
    void setMonitor(const Monitor::BatchMonitor *monitor);
    /** Clock for the ETA and the relative times (tests). */
    void setClock(Clock clock);
    /** Output files of the account: their expires_at is the Output expiry column (else estimated). */
    void setOutputFiles(const QList<Api::FileObject> &files);
    /** dataChanged() on the time-relative column (ETA) of the active rows. */
    void refreshTimes();

    int rowOf(const QString &batchId) const { return m_rowById.value(batchId, -1); }
    /** Batches whose results are saved locally (the expiry cell says so and never warns). */
    void setDownloadedBatches(const QSet<QString> &batchIds);
    bool isDownloaded(const QString &batchId) const { return m_downloaded.contains(batchId); }
    /** When the output file of b expires (from the files list, else estimated from output_expires_after). */
    std::optional<qint64> outputExpiryOf(const Api::Batch &b) const { return outputExpiry(b); }
    /** Whether b's results are not saved locally and expire within kExpiryWarningSeconds (or did). */
    bool resultsExpireSoon(const Api::Batch &b) const;
    /** The batch of a row; row must be valid. */
    const Api::Batch &batch(int row) const { return m_batches.at(row); }
    const QList<Api::Batch> &batches() const { return m_batches; }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    /** "In progress", "Assembling results", "Completed with failures", ... (the raw text when unknown). */
    static QString statusText(const Api::Batch &batch);
    static StatusGroup statusGroup(const Api::Batch &batch);
    /** Icon name of the set in resources/icons for the status cell. */
    static QString statusIconName(const Api::Batch &batch);
    /** The description column: metadata "description", else the other metadata pairs. */
    static QString descriptionText(const Api::Batch &batch);
    /** A duration for the ETA column, e.g. "~45 s", "~12 min", "~3 h 5 min". */
    static QString remainingText(qint64 ms);

private:
    QVariant display(const Api::Batch &b, int column) const;
    QVariant raw(const Api::Batch &b, int column) const;
    std::optional<qint64> outputExpiry(const Api::Batch &b) const;
    QSet<QString> m_downloaded;
    void reindex();

    QList<Api::Batch> m_batches;
    QHash<QString, int> m_rowById;
    QHash<QString, qint64> m_fileExpiry;
    QPointer<const Monitor::BatchMonitor> m_monitor;
    QList<QMetaObject::Connection> m_monitorConnections;
    Clock m_clock;
};

} // namespace Batchdesk::Models
