#pragma once

#include "api/types.h"

#include <QWidget>

class QChartView;
class QFormLayout;
class QLabel;
class QLineSeries;
class QStackedWidget;
class QTabWidget;
class QToolButton;
class QTreeWidget;
class QDateTimeAxis;
class QValueAxis;

namespace Batchdesk::Ui {

class AppController;
class IdField;

/**
 * The detail pane of the batches page: status, counts, ETA and deadline on top, a progress-over-time chart
 * with the projected finish, then Timestamps, Usage, Metadata, Files and Errors tabs.
 *
 * showBatch() selects what is shown; refresh() re-reads it from the controller's model and monitor (after
 * each round). Double-clicking a validation error with a line emits openInputLine() when the local input file
 * of the batch is known. Reads only; owns no data.
 */
class BatchDetail final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(BatchDetail)

public:
    explicit BatchDetail(AppController *controller, QWidget *parent = nullptr);
    ~BatchDetail() override;

    void showBatch(const QString &batchId);
    QString batchId() const { return m_batchId; }
    void refresh();

signals:
    void openInputLine(const QString &path, qint64 line);
    void openResultsRequested(const QString &batchId);

private:
    void fill(const Api::Batch &b);
    void fillChart(const Api::Batch &b);

    AppController *m_controller;
    QString m_batchId;
    QStackedWidget *m_stack;
    QLabel *m_statusIcon;
    QLabel *m_status;
    IdField *m_id;
    QLabel *m_description;
    QLabel *m_counts;
    QLabel *m_failedEta;
    QLabel *m_deadline;
    QLabel *m_resultsNote;
    QToolButton *m_openResults;
    QChartView *m_chartView;
    QLineSeries *m_doneSeries;
    QLineSeries *m_failedSeries;
    QLineSeries *m_projection;
    QDateTimeAxis *m_timeAxis;
    QValueAxis *m_countAxis;
    QTabWidget *m_tabs;
    QFormLayout *m_times;
    QFormLayout *m_usage;
    QTreeWidget *m_metadata;
    IdField *m_inputFile;
    IdField *m_outputFile;
    IdField *m_errorFile;
    QLabel *m_inputPath;
    QTreeWidget *m_errors;
};

} // namespace Batchdesk::Ui
