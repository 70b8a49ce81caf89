#pragma once

#include "api/types.h"

#include <QAbstractTableModel>
#include <QHash>
#include <QList>

#include <functional>

namespace Batchdesk::Models {

/**
 * The files of one account as a table: id, filename, purpose, size, created, expires; plus the storage they
 * use against the provider's quota (DeepInfra: 2 GB per user, results included).
 *
 * Rows are keyed by file id. setFiles() replaces the content without a reset once rows exist: changed rows
 * get dataChanged(), new ones are inserted, vanished ones removed. removeFile() takes one row out (after a
 * delete). totalBytesChanged() follows every change of the sum. RawValueRole carries sortable values (bytes,
 * seconds since the epoch). GUI thread only.
 */
class FileTableModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(FileTableModel)

public:
    enum Column {
        IdColumn,
        FilenameColumn,
        PurposeColumn,
        SizeColumn,
        CreatedColumn,
        ExpiresColumn,
        ColumnCount
    };
    enum Role {
        RawValueRole = Qt::UserRole + 1, ///< sortable value of the cell
        FileRole, ///< the Api::FileObject of the row
        IdRole, ///< the file id
        ExpiringSoonRole, ///< bool: expires within expiringSoonSeconds()
    };

    /** DeepInfra's documented storage per user: 2 GB (decimal, as the providers count). */
    static constexpr qint64 kDeepInfraStorageLimit = 2'000'000'000;

    using Clock = std::function<qint64()>; ///< ms since the epoch

    explicit FileTableModel(QObject *parent = nullptr);
    ~FileTableModel() override;

    /** Makes the rows equal to a complete listing, by id (the first fill is a reset, later ones are not). */
    void setFiles(const QList<Api::FileObject> &files);
    /** Inserts or updates one file (after an upload). */
    void upsertFile(const Api::FileObject &file);
    void removeFile(const QString &fileId);

    int rowOf(const QString &fileId) const { return m_rowById.value(fileId, -1); }
    const Api::FileObject &file(int row) const { return m_files.at(row); }

    /** Sum of the sizes of all files. */
    qint64 totalBytes() const { return m_totalBytes; }
    /** The quota to show the total against (0: unknown, none shown). Default kDeepInfraStorageLimit. */
    qint64 storageLimitBytes() const { return m_limit; }
    void setStorageLimitBytes(qint64 bytes);
    /** totalBytes() / storageLimitBytes(), or 0 without a limit. */
    double usedFraction() const;
    /** "1.2 GB of 2 GB used" (or "1.2 GB used" without a limit). */
    QString storageText() const;

    void setExpiringSoonSeconds(qint64 seconds) { m_soonSeconds = seconds; }
    qint64 expiringSoonSeconds() const { return m_soonSeconds; }
    void setClock(Clock clock);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

signals:
    void totalBytesChanged(qint64 bytes);

private:
    void reindex();
    void updateTotal();

    QList<Api::FileObject> m_files;
    QHash<QString, int> m_rowById;
    qint64 m_totalBytes = 0;
    qint64 m_limit = kDeepInfraStorageLimit;
    qint64 m_soonSeconds = 24 * 3600;
    Clock m_clock;
};

} // namespace Batchdesk::Models
