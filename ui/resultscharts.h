#pragma once

#include "common/result.h"
#include "results/joinedresults.h"
#include "results/resultsummary.h"

#include <QFutureWatcher>
#include <QWidget>

#include <atomic>
#include <memory>

class QBarSet;
class QChart;
class QChartView;
class QLabel;
class QProgressBar;
class QPushButton;
class QStackedWidget;

namespace Batchdesk::Ui {

/**
 * The summaries of joined results as charts, beside the results table: a histogram of the answered rows'
 * output tokens, and bar charts of the finish reasons and of the failures (error code, HTTP status, expired,
 * cancelled, missing).
 *
 * setResults() counts them with Results::summarize() on a worker thread (progress, cancel) once the panel
 * is shown — a hidden panel reads nothing. Clicking a bar emits filterRequested() with the rows behind it;
 * clicking the bar of the active filter (setActiveFilter()) again emits a null filter. Hovering a bar shows
 * its range or key and its count. Colours follow the palette (light and dark).
 */
class ResultsCharts final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ResultsCharts)

public:
    explicit ResultsCharts(QWidget *parent = nullptr);
    ~ResultsCharts() override;

    /** Summarizes results (now when the panel is visible, else when it is shown); null clears. */
    void setResults(std::shared_ptr<const Results::JoinedResults> results);
    bool isComputing() const { return m_watcher.isRunning(); }
    /** Whether summary() is that of the current results. */
    bool hasSummary() const { return m_hasSummary; }
    const Results::ResultSummary &summary() const { return m_summary; }

    /** Marks the bar of filter as selected (none for a null filter). */
    void setActiveFilter(const Results::SummaryFilter &filter);
    Results::SummaryFilter activeFilter() const { return m_active; }

    /** The bars of each chart (null before a summary is shown or when the chart is empty). */
    QBarSet *outputTokenBars() const { return m_tokenBars; }
    QBarSet *finishReasonBars() const { return m_finishBars; }
    QBarSet *failureBars() const { return m_failureBars; }
    QChartView *outputTokenChart() const { return m_tokenView; }
    QChartView *finishReasonChart() const { return m_finishView; }
    QChartView *failureChart() const { return m_failureView; }
    /** The rows behind bar index of set (one of the three above); null when out of range. */
    Results::SummaryFilter filterOf(const QBarSet *set, int index) const;
    /** The tooltip of bar index of set: the range or key and the number of rows. */
    QString barToolTip(const QBarSet *set, int index) const;

public slots:
    void cancel();

signals:
    /** A bar was clicked: show its rows (a null filter: show all again). */
    void filterRequested(const Results::SummaryFilter &filter);
    /** A new summary is shown. */
    void summaryReady();

protected:
    void showEvent(QShowEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    struct Computed
    {
        Result<Results::ResultSummary> summary = Error {};
    };
    void start();
    void onComputed();
    void rebuild();
    QChart *newChart(const QString &title) const;
    void styleChart(QChart *chart) const;
    void onBarClicked(QBarSet *set, int index);

    std::shared_ptr<const Results::JoinedResults> m_results;
    Results::ResultSummary m_summary;
    Results::SummaryFilter m_active;
    bool m_hasSummary = false;
    bool m_pending = false;
    QStackedWidget *m_stack;
    QLabel *m_stateLabel;
    QProgressBar *m_progress;
    QPushButton *m_stateButton;
    QChartView *m_tokenView;
    QChartView *m_finishView;
    QChartView *m_failureView;
    QBarSet *m_tokenBars = nullptr;
    QBarSet *m_finishBars = nullptr;
    QBarSet *m_failureBars = nullptr;
    /** The keys of the finish-reason and failure bars, in bar order. */
    QStringList m_finishKeys;
    QStringList m_failureKeys;
    QFutureWatcher<Computed> m_watcher;
    std::shared_ptr<std::atomic<bool>> m_cancel;
    std::shared_ptr<std::atomic<qint64>> m_permille;
    int m_generation = 0;
};

} // namespace Batchdesk::Ui
