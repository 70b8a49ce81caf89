#pragma once

#include "results/joinedresults.h"
#include "results/jsoncolumns.h"
#include "results/resultsummary.h"

#include <QAbstractTableModel>
#include <QCache>
#include <QFutureWatcher>
#include <QHash>
#include <QSet>

#include <atomic>
#include <memory>
#include <vector>

namespace Batchdesk::Models {

/**
 * The joined results of the stage a chained batch was built from, looked up by custom_id: what the
 * "Previous response" column of ResultsModel shows. Made by previousStageOf() on a worker thread.
 */
struct PreviousStage
{
    std::shared_ptr<const Results::JoinedResults> results;
    /** custom_id -> row of `results` that has a result (the first such row for a repeated custom_id). */
    QHash<QByteArray, qint64> rows;
};

/**
 * Indexes the rows of a previous stage's joined results by custom_id (rows without a result are left out).
 * Reads only the in-memory index (no disk I/O), but walks every row: call it on a worker thread for large
 * results. Returns nullptr when *cancel becomes true.
 */
std::shared_ptr<const PreviousStage> previousStageOf(std::shared_ptr<const Results::JoinedResults> results,
                                                     const std::atomic<bool> *cancel = nullptr);

/**
 * The joined results of a batch (and its resubmits) as a table: one row per request, in the order of the
 * current view — filtered by outcome and by a search text, sorted by any column.
 *
 * The model shows a *view* (a vector of row numbers of the JoinedResults). Filtering by outcome and sorting
 * by a column the index already knows (custom_id, outcome, HTTP status, tokens, input line) is done at once
 * on the GUI thread (no I/O: a few milliseconds for 50,000 rows). Searching text and sorting by a text column
 * need every row's request and response, read from disk and parsed: that runs with QtConcurrent, the current
 * view stays on screen meanwhile (busy() is true), and the new view replaces it in one reset when it is
 * ready; a newer request cancels an older one. Cells are parsed on demand for visible rows only and kept in a
 * bounded cache. GUI thread only.
 */
class ResultsModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ResultsModel)

public:
    enum Column {
        CustomIdColumn,
        OutcomeColumn,
        StatusColumn,
        RequestColumn,
        ResponseColumn,
        FinishReasonColumn,
        InputTokensColumn,
        OutputTokensColumn,
        ErrorColumn,
        FlaggedColumn, ///< moderations: "yes" / "no"
        CategoriesColumn, ///< moderations: the flagged categories
        ImagesColumn, ///< images: how many the answer holds
        VideoColumn, ///< videos: the video id and its status
        ColumnCount
    };
    enum Role {
        OutcomeRole = Qt::UserRole + 1, ///< int(Results::Outcome)
        SourceRowRole, ///< row number in the JoinedResults
        /** JSON columns: the typed value (double, qlonglong, bool, QString; invalid when absent). */
        JsonValueRole,
    };

    explicit ResultsModel(QObject *parent = nullptr);
    ~ResultsModel() override;

    void setResults(std::shared_ptr<const Results::JoinedResults> results);
    void clear() { setResults(nullptr); }
    std::shared_ptr<const Results::JoinedResults> results() const { return m_results; }

    /** Rows with one of these outcomes are shown; an empty set shows all. */
    void setOutcomeFilter(const QSet<Results::Outcome> &outcomes);
    QSet<Results::Outcome> outcomeFilter() const { return m_outcomes; }
    /** Case-insensitive search in custom_id, request, response and error text; empty shows all. */
    void setSearchText(const QString &text);
    QString searchText() const { return m_search; }
    /**
     * Shows only the rows behind one bar of the summaries (Results::SummaryFilter); a null filter shows all.
     * A token range is applied at once (the index knows the tokens); a finish reason or an error code needs
     * the parsed rows and is computed in the background like a search.
     */
    void setSummaryFilter(const Results::SummaryFilter &filter);
    Results::SummaryFilter summaryFilter() const { return m_summaryFilter; }

    /**
     * Appends one column per JSON column after ColumnCount (header "answer.<name>"; numbers right-aligned and
     * sorted as numbers, booleans as true/false). Empty columns remove them. The values are split from each
     * visible row's answer on demand (cached); sorting by them runs in the background.
     */
    void setJsonColumns(const Results::JsonColumns &columns);
    const Results::JsonColumns &jsonColumns() const { return *m_json; }
    bool hasJsonColumns() const { return !m_json->isEmpty(); }
    /** The JSON column of a model column, or -1 for the fixed columns. */
    int jsonColumnOf(int column) const;
    /** Shows only the rows whose answer is not JSON (JsonRowValues::Status::Invalid); computed in the
     *  background. Needs JSON columns. */
    void setInvalidJsonFilter(bool on);
    bool invalidJsonFilter() const { return m_invalidJsonOnly; }
    /**
     * Shows the previous stage's response text for each row's custom_id in one more column, "Previous
     * response", after the JSON columns (empty when the previous stage has no result for the custom_id; the
     * text is read on demand for visible rows and cached). nullptr removes the column. Not searchable;
     * sorting by it keeps the input order.
     */
    void setPreviousStage(std::shared_ptr<const PreviousStage> previous);
    bool hasPreviousColumn() const { return m_previous != nullptr; }
    /** The model column of "Previous response", or -1 when it is not shown. */
    int previousColumn() const;
    /** The previous stage's full response text for a view row (empty when none or not shown). */
    QString previousResponse(int row) const;
    /** What the JSON columns made of a row's answer (cached). */
    Results::JsonRowValues jsonValues(int row) const;
    void sort(int column, Qt::SortOrder order = Qt::AscendingOrder) override;
    int sortColumn() const { return m_sortColumn; }
    Qt::SortOrder sortOrder() const { return m_sortOrder; }

    /** Whether a new view is being computed in the background. */
    bool isBusy() const { return m_watcher.isRunning(); }
    /** Row numbers of the JoinedResults in view order (e.g. for "export the rows shown"). */
    QList<qint64> visibleRows() const;
    qint64 sourceRow(int row) const { return m_view[std::size_t(row)]; }
    /** The view row of a source row, or -1 when it is filtered out. */
    int viewRow(qint64 sourceRow) const;
    /** The parsed row (cached). */
    Results::ResultRow resultRow(int row) const;
    /** Tab-separated text of a row (all columns) for the clipboard. */
    QString rowText(int row) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

signals:
    void busyChanged(bool busy);
    /** The view was replaced (filter, search or sort applied). */
    void viewChanged();

private:
    void updateView();
    void applyView(std::vector<qint64> view);
    const Results::ResultRow *cachedRow(qint64 sourceRow) const;
    const Results::JsonRowValues *cachedJson(qint64 sourceRow) const;
    QVariant jsonData(qint64 source, int json, int role) const;
    const QString *cachedPrevious(qint64 sourceRow) const;

    std::shared_ptr<const Results::JoinedResults> m_results;
    std::vector<qint64> m_view;
    QSet<Results::Outcome> m_outcomes;
    QString m_search;
    Results::SummaryFilter m_summaryFilter;
    std::shared_ptr<const Results::JsonColumns> m_json;
    bool m_invalidJsonOnly = false;
    int m_sortColumn = -1;
    Qt::SortOrder m_sortOrder = Qt::AscendingOrder;
    QFutureWatcher<std::vector<qint64>> m_watcher;
    std::shared_ptr<std::atomic<bool>> m_cancel;
    int m_generation = 0;
    mutable QCache<qint64, Results::ResultRow> m_cache;
    mutable QCache<qint64, Results::JsonRowValues> m_jsonCache;
    std::shared_ptr<const PreviousStage> m_previous;
    mutable QCache<qint64, QString> m_previousCache; ///< by source row of m_results
};

} // namespace Batchdesk::Models
