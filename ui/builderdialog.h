#pragma once

#include "jsonl/csvtable.h"
#include "jsonl/limitprofile.h"
#include "jsonl/requestbuilder.h"
#include "results/joinedresults.h"
#include "results/stagetable.h"

#include "appcontroller.h"

#include <QDialog>
#include <QFutureWatcher>

#include <atomic>
#include <memory>

class QCheckBox;
class QComboBox;
class QDoubleSpinBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QPlainTextEdit;
class QProgressBar;
class QPushButton;
class QSpinBox;
class QStackedWidget;
class QTableWidget;

namespace Batchdesk::Ui {

class JsonHighlighter;

class AppController;

/**
 * "Build from CSV": a CSV or TSV file and a prompt template become validated batch files.
 *
 * The CSV is read on a worker thread (progress, cancel) with the delimiter detected or chosen; its first rows
 * are previewed. The analyst picks the endpoint and the model (from the account's GET /models, free text
 * allowed), writes the templates with {{column}} placeholders (a menu inserts column names), chooses how
 * custom_id is made and sets the common parameters. The request JSON of the selected row is previewed live
 * and problems of the spec (unknown placeholders, bad parameters) are listed as you type; the full check
 * (empty cells, duplicate ids) and the write run in the background. Output is split over the account's limit
 * profile. Afterwards: one part opens in the Validate view; several parts can be submitted as one job.
 *
 * Instead of a CSV the dialog can start from a ready table (setTable()) or from the joined results of a
 * stage (loadResults(): Results::stageTable() on a worker thread, with the answer.* columns of the JSON
 * answers): the next stage of a chain. Then the spreadsheet row shows the table's title ("Results of
 * batch_…") instead of a file, custom_id is taken from the table's custom_id column by default, and the
 * build manifest records the stage link.
 */
class BuilderDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(BuilderDialog)

public:
    BuilderDialog(AppController *controller, const Jsonl::LimitProfile &profile, QWidget *parent = nullptr);
    ~BuilderDialog() override;

    /** Reads a CSV (in the background); csvLoaded() follows. */
    void loadCsv(const QString &path);
    /**
     * Builds from a table made elsewhere (no file): title names it in the spreadsheet row, source is written
     * to the build manifest as "source" (the stage link), idColumn (when a column of the table) is the
     * default custom_id. csvLoaded() follows at once.
     */
    void setTable(std::shared_ptr<const Jsonl::CsvTable> table, const QString &title,
                  const QJsonObject &source = {}, const QString &idColumn = {});
    /**
     * The next stage of a chain: makes the stage table of results (the JSON answers' columns discovered, the
     * succeeded rows, the original CSV's columns when its build manifest still matches) and the stage link
     * (Results::nextStageLink() over batchIds or jobId and the results' input) in the background, then shows
     * the table as setTable() does with the link as source and the custom_id column; csvLoaded() follows.
     */
    void loadResults(std::shared_ptr<const Results::JoinedResults> results, const QString &title,
                     const QStringList &batchIds, const QString &jobId);
    /** What the stage table held (loadResults()). */
    const Results::StageInfo &stageInfo() const { return *m_stageInfo; }
    bool isBusy() const { return m_readWatcher.isRunning() || m_writeWatcher.isRunning(); }
    const Jsonl::CsvTable *table() const { return m_table.get(); }
    /** The spec as the form describes it. */
    Jsonl::BuildSpec spec() const;
    /** The live preview of the current row's request (empty when the spec has errors). */
    QString previewText() const;
    /** Findings shown in the list (spec findings live, the full check after Build). */
    QStringList problems() const;
    QString outputPath() const;
    void setOutputPath(const QString &path);
    /** Runs the check and writes the parts (in the background); built() or buildFailed() follows. */
    void build();
    const Jsonl::BuildReport &report() const { return m_report; }

signals:
    void csvLoaded();
    void built(const Jsonl::BuildReport &report);
    void buildFailed(const QString &error);
    /** The user chose to open one written file in the Validate view. */
    void openFileRequested(const QString &path);
    /** The user chose to submit the written parts as one job. */
    void submitJobRequested(const Batchdesk::Ui::JobDraft &draft);
    /** Build & Submit wrote one valid file: validate it and create a batch from it. */
    void submitFileRequested(const QString &path);

private:
    void browseCsv();
    void onCsvRead();
    void showTable();
    void setSourceEditable(bool editable);
    void updateEndpointFields();
    void updatePreview();
    void setPreview(const QString &text, bool json);
    void fillColumns();
    void insertPlaceholder(QPlainTextEdit *edit);
    void showProblems(const QList<Jsonl::BuildDiagnostic> &diagnostics, bool truncated = false);
    void onBuilt();

    AppController *m_controller;
    Jsonl::LimitProfile m_profile;
    std::shared_ptr<const Jsonl::CsvTable> m_table;
    std::unique_ptr<Jsonl::RequestBuilder> m_builder;
    Jsonl::BuildReport m_report;

    QLineEdit *m_csvPath;
    QPushButton *m_browse;
    QLabel *m_delimiterLabel;
    /** Built from a table, not a CSV: the manifest's "source", the default id column, the job's source. */
    QJsonObject m_source;
    QString m_defaultIdColumn;
    QString m_sourcePath;
    QString m_title;
    std::shared_ptr<Results::StageInfo> m_stageInfo = std::make_shared<Results::StageInfo>();
    /** The link loadResults() computes on its worker thread (taken by showTable()). */
    std::shared_ptr<Results::StageLink> m_pendingLink;
    QComboBox *m_delimiter;
    QCheckBox *m_header;
    QLabel *m_csvInfo;
    QTableWidget *m_preview;
    QComboBox *m_endpoint;
    QComboBox *m_model;
    QLabel *m_systemLabel;
    QPlainTextEdit *m_system;
    QLabel *m_userLabel;
    QPlainTextEdit *m_user;
    QComboBox *m_inputColumn;
    QComboBox *m_idColumn;
    QCheckBox *m_useTemperature;
    QDoubleSpinBox *m_temperature;
    QCheckBox *m_useMaxTokens;
    QSpinBox *m_maxTokens;
    QCheckBox *m_useTopP;
    QDoubleSpinBox *m_topP;
    QLineEdit *m_stop;
    QComboBox *m_responseFormat;
    QPlainTextEdit *m_schema;
    QCheckBox *m_useDimensions;
    QSpinBox *m_dimensions;
    QLineEdit *m_extra;
    QCheckBox *m_allowEmpty;
    QSpinBox *m_previewRow;
    QPlainTextEdit *m_previewJson;
    JsonHighlighter *m_previewHighlighter = nullptr;
    QListWidget *m_problems;
    QLineEdit *m_output;
    QProgressBar *m_progress;
    QLabel *m_status;
    QPushButton *m_buildButton;
    QPushButton *m_openButton;
    QPushButton *m_submitJobButton;
    QPushButton *m_buildSubmitButton;
    bool m_submitAfterBuild = false;

    QFutureWatcher<Result<Jsonl::CsvTable>> m_readWatcher;
    QFutureWatcher<Result<Jsonl::BuildReport>> m_writeWatcher;
    std::shared_ptr<std::atomic<bool>> m_cancel;
    std::shared_ptr<std::atomic<qint64>> m_done;
};

} // namespace Batchdesk::Ui
