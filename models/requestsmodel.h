#pragma once

#include "common/result.h"
#include "jsonl/lineindex.h"
#include "jsonl/requestsummary.h"

#include <QAbstractTableModel>
#include <QCache>

#include <memory>

namespace Batchdesk::Models {

/**
 * A lazy table over the lines of an indexed JSONL file: one row per line.
 *
 * Rows come from the LineIndex (row count, line sizes) at no cost; a row's custom_id, model and preview are
 * read and parsed (summarizeRequest) only when a view asks for them, and kept in a bounded LRU cache, so a
 * 50,000 or 1,000,000-line file costs its index plus the cache. Never parses every row. A row that cannot be
 * read (the file changed or vanished) shows the error text; the first such failure also emits readFailed()
 * once, queued. Shares ownership of the JsonlFile. GUI thread only.
 */
class RequestsModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RequestsModel)

public:
    enum Column { LineColumn, CustomIdColumn, ModelColumn, PreviewColumn, SizeColumn, ColumnCount };
    enum Role {
        RawValueRole = Qt::UserRole + 1, ///< sortable value of the cell
        LineRole, ///< the 1-based line number of the row
        ErrorRole, ///< the read error of the row, empty when it was read
    };

    static constexpr int kDefaultCacheCapacity = 2000;

    explicit RequestsModel(QObject *parent = nullptr);
    ~RequestsModel() override;

    /** Shows the lines of file (null clears the model). */
    void setFile(std::shared_ptr<const Jsonl::JsonlFile> file);
    void clear() { setFile(nullptr); }
    std::shared_ptr<const Jsonl::JsonlFile> file() const { return m_file; }

    /** The raw bytes of a row's line (read on demand, not cached). */
    Result<QByteArray> lineBytes(int row) const;

    int cacheCapacity() const { return int(m_cache.maxCost()); }
    void setCacheCapacity(int rows);
    /** Rows currently held in the summary cache (≤ cacheCapacity()). */
    int cachedRowCount() const { return int(m_cache.count()); }
    /** How many times a row was read and parsed since the last setFile(); for tests and diagnostics. */
    qint64 parseCount() const { return m_parseCount; }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

signals:
    /** A row could not be read, e.g. because the file changed on disk. Emitted once per file. */
    void readFailed(const QString &message);

private:
    struct Row
    {
        Jsonl::RequestSummary summary;
        QString error; ///< read error, when the line could not be read
        QString rawPreview; ///< the start of the line when it is not a JSON object
    };
    const Row *row(int r) const;

    std::shared_ptr<const Jsonl::JsonlFile> m_file;
    mutable QCache<int, Row> m_cache;
    mutable qint64 m_parseCount = 0;
    mutable bool m_failureReported = false;
};

} // namespace Batchdesk::Models
