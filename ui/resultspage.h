#pragma once

#include "results/exporters.h"
#include "results/joinedresults.h"
#include "results/joinplan.h"
#include "results/jsoncolumns.h"
#include "results/resultsummary.h"
#include "results/stagetable.h"

#include <QFutureWatcher>
#include <QWidget>

#include <atomic>
#include <memory>

class QAction;
class QCheckBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QProgressBar;
class QPushButton;
class QSplitter;
class QStackedWidget;
class QTableView;
class QTabWidget;
class QTextBrowser;
class QToolButton;

namespace Batchdesk::Models {
class ResultsModel;
struct PreviousStage;
} // namespace Batchdesk::Models

namespace Batchdesk::Ui {

class AppController;
class ResultsCharts;
class BuilderDialog;

/**
 * The results of a batch joined to its requests: one row per request of the input file (and one per result
 * whose custom_id is not in the input), with the latest result of the batch and its resubmits.
 *
 * showBatch() asks core what to join (Results::planJoin over the controller: the batch, or every part of its
 * job, with their resubmits; whether each one's output and error files are saved locally), shows that state,
 * starts a download when the plan says so (AppController::fetchResults), and once the plan is ready joins the
 * files with the recorded input on a worker thread (Results::openJoin; progress, cancel) — the window stays
 * responsive. On top:
 * outcome chips with counts (toggle to filter), a search over request and response text, a sortable table;
 * beside it the selected request and response pretty-printed, the response text rendered as Markdown. Below:
 * totals (outcomes, tokens, cost from the per-model price the user enters). Export (CSV, XLSX, JSONL, .npy;
 * all rows or the rows shown) and "Resubmit…" (writes the request lines of the chosen outcomes to a new JSONL
 * and hands it to the submission flow, linked to this batch) run in the background with progress and cancel.
 */
class ResultsPage final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ResultsPage)

public:
    enum class Format { Csv, Xlsx, Jsonl, Npy };
    Q_ENUM(Format)

    explicit ResultsPage(AppController *controller, QWidget *parent = nullptr);
    ~ResultsPage() override;

    /** Shows the joined results of batchId (and its resubmits); empty clears the page. */
    void showBatch(const QString &batchId);
    QString batchId() const { return m_batchId; }
    /** Whether the join is running. */
    bool isLoading() const { return m_joinWatcher.isRunning(); }
    std::shared_ptr<const Results::JoinedResults> results() const;
    Models::ResultsModel *model() const { return m_model; }
    QTableView *view() const { return m_view; }
    /** The text of the state shown instead of the table (empty while the table is shown). */
    QString stateText() const;

    /** Exports to path in the background; exportFinished() follows. */
    void exportTo(const QString &path, Format format, bool onlyShownRows, bool csvBom = false);
    bool isExporting() const { return m_exportWatcher.isRunning(); }
    void cancelExport();
    /** The build manifest of the input (a CSV build), or empty. */
    QString manifestPath() const;
    /** Writes the original CSV of the build with the result columns appended, in the background;
     *  exportFinished() follows. */
    void appendToCsv(const QString &path);
    /** Saves the images of an images batch into dir (Results::saveImages) in the background;
     *  exportFinished(dir, error) follows. */
    void saveImagesTo(const QString &dir);
    /** What kinds of answers the joined results hold (from their first results). */
    Results::ResultKinds resultKinds() const { return m_kinds; }
    /** Writes the request lines of the chosen outcomes to path in the background; resubmitReady() follows. */
    void writeResubmit(const QString &path, const QSet<Results::Outcome> &outcomes);
    /** Estimated cost of the tokens used, from the stored per-model prices; nullopt without a price. */
    std::optional<double> estimatedCost() const;
    /** The charts panel below the table (output tokens, finish reasons, failures). */
    ResultsCharts *charts() const { return m_charts; }
    /** Shows only the rows behind one bar of the charts (a null filter shows all); the chip says which. */
    void setSummaryFilter(const Results::SummaryFilter &filter);
    /** Splits the answers' JSON into columns (discovered on a worker thread), or removes the columns. */
    void setSplitJson(bool on);
    /** Whether the JSON columns are being discovered and counted. */
    bool isSplittingJson() const { return m_jsonWatcher.isRunning(); }
    /**
     * "Show Previous Stage": for a batch built from the results of earlier batches (its input's build
     * manifest has a stage link, Results::previousStage()), opens the joined results of the link's first
     * batch (with its resubmits; Results::planJoin / openJoin) and indexes them by custom_id on a worker
     * thread, then shows their response text in the model's "Previous response" column. Off removes the
     * column. The switch is shown only when that batch's results are saved and can be joined (not for a job
     * link); an error is shown beside it (previousStageStatus()) and the switch turns off.
     */
    void setShowPreviousStage(bool on);
    /** Whether the previous stage's results are being opened. */
    bool isOpeningPreviousStage() const { return m_previousWatcher.isRunning(); }
    /** The text beside the switch: what is being done, what is shown, or why it failed. */
    QString previousStageStatus() const;

public slots:
    /** Asks for a file (format from the chosen filter) and exports. */
    void exportDialog(bool onlyShownRows = false);
    /** Asks which outcomes to send again and where to write them. */
    void resubmitDialog();
    /** Asks for a folder and saves the images of the results there. */
    void saveImagesDialog();
    void pricesDialog();
    void deleteRemoteFiles();
    void chooseInputFile();
    void copySelection();
    /** "Build Next Stage from These Results…": opens the builder over the stage table of these results. */
    void buildNextStage();

signals:
    /** The join finished (the table shows the rows) or failed (stateText() says why). */
    void loaded();
    void exportFinished(const QString &path, const QString &error);
    /** A resubmit file was written; the window opens it in the submission flow. */
    void resubmitReady(const QString &path, const QString &parentBatchId);
    void resubmitFailed(const QString &error);
    /** buildNextStage() opened a builder (shown, deleted on close); the window connects its requests. */
    void builderOpened(Batchdesk::Ui::BuilderDialog *dialog);

private:
    void reload();
    void showState(const QString &text, bool showSpinner = false, const QString &buttonText = {});
    void startJoin();
    void onJoined();
    void updateChips();
    void updateTotals();
    void updateDetail();
    void updateActions();
    void setBusy(QProgressBar *bar, bool busy);
    QWidget *setUpCharts(QWidget *table);
    QLayout *setUpJsonColumns();
    void startJsonSplit();
    void onJsonSplit();
    void setUpPreviousStage(QLayout *row);
    void updatePreviousStage();
    void resetPreviousStage();
    void onPreviousStageOpened();
    QString modelName() const;

    AppController *m_controller;
    QString m_batchId;
    /** What is shown: the chain of batches, the input(s), the result files (Results::planJoin). */
    Results::JoinPlan m_plan;
    QAction *m_appendCsvAction = nullptr;
    QAction *m_nextStageAction = nullptr;
    QString m_warning;
    Models::ResultsModel *m_model;
    QLabel *m_title;
    QLabel *m_subtitle;
    QToolButton *m_exportButton;
    QToolButton *m_resubmitButton;
    QToolButton *m_deleteRemoteButton;
    QStackedWidget *m_stack;
    QLabel *m_stateLabel;
    QProgressBar *m_stateProgress;
    QPushButton *m_stateButton;
    QList<QToolButton *> m_chips;
    QLineEdit *m_search;
    QLabel *m_shownLabel;
    QTableView *m_view;
    QSplitter *m_splitter;
    QLabel *m_detailHeader;
    QTabWidget *m_detailTabs;
    QTextBrowser *m_responseView;
    QPlainTextEdit *m_requestView;
    QPlainTextEdit *m_resultView;
    QLabel *m_totals;
    ResultsCharts *m_charts = nullptr;
    QToolButton *m_chartsButton = nullptr;
    QToolButton *m_summaryChip = nullptr;
    QCheckBox *m_splitJson = nullptr;
    QLineEdit *m_jsonPath = nullptr;
    QLabel *m_jsonStatus = nullptr;
    QToolButton *m_invalidJsonChip = nullptr;
    struct JsonSplit
    {
        Results::JsonColumns columns;
        Results::JsonColumnsCounts counts;
        bool cancelled = false;
    };
    QFutureWatcher<JsonSplit> m_jsonWatcher;
    std::shared_ptr<std::atomic<bool>> m_cancelJson;
    int m_jsonGeneration = 0;
    /** The stage link of the input shown (Results::previousStage), read when the join finishes. */
    std::optional<Results::StageLink> m_stageLink;
    /** What opening the link's first batch would join (Results::planJoin); Ready when the switch shows. */
    Results::JoinPlan m_previousPlan;
    QCheckBox *m_showPrevious = nullptr;
    QLabel *m_previousStatus = nullptr;
    struct PreviousOpened
    {
        Result<std::shared_ptr<const Models::PreviousStage>> previous = Error {};
        qint64 matched = 0; ///< rows of the results shown that have a previous result
        bool cancelled = false;
    };
    QFutureWatcher<PreviousOpened> m_previousWatcher;
    std::shared_ptr<std::atomic<bool>> m_cancelPrevious;
    int m_previousGeneration = 0;
    QWidget *m_exportStrip;
    QLabel *m_exportLabel;
    QProgressBar *m_exportProgress;

    struct Joined
    {
        Result<Results::OpenedJoin> opened = Error {};
        Results::ResultKinds kinds;
    };
    Results::ResultKinds m_kinds;
    QAction *m_saveImagesAction = nullptr;
    QFutureWatcher<Joined> m_joinWatcher;
    QFutureWatcher<QString> m_exportWatcher;
    std::shared_ptr<std::atomic<bool>> m_cancelJoin;
    std::shared_ptr<std::atomic<bool>> m_cancelExport;
    std::shared_ptr<std::atomic<qint64>> m_exportDone;
    int m_joinGeneration = 0;
    bool m_writingResubmit = false;
};

} // namespace Batchdesk::Ui
