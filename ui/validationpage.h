#pragma once

#include "jsonl/validator.h"

#include <QElapsedTimer>
#include <QFutureWatcher>
#include <QPointer>
#include <QWidget>

class QComboBox;
class QFileSystemWatcher;
class QLabel;
class QPlainTextEdit;
class QProgressBar;
class QPushButton;
class QSplitter;
class QStackedWidget;
class QTabWidget;
class QTableView;

namespace Batchdesk::Models {
class IssuesModel;
class IssuesFilterProxyModel;
class RequestsModel;
} // namespace Batchdesk::Models

namespace Batchdesk::Ui {

class CostEstimateView;
class JsonHighlighter;
class LimitBar;
class MessageBanner;

/**
 * Validates one JSONL file and shows the verdict, the summary, the issues and the requests.
 *
 * openFile() starts validateFileAsync() and returns at once; progress and Cancel are shown in the page. A
 * newer openFile() cancels the running validation, whose result is then ignored. Background failures
 * (unreadable file, file changed on disk) go to the MessageBanner given at construction, which must outlive
 * the page. The destructor cancels and waits for a running validation (it stops within a few tens of
 * milliseconds).
 */
class ValidationPage final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ValidationPage)

public:
    explicit ValidationPage(MessageBanner *banner, QWidget *parent = nullptr);
    ~ValidationPage() override;

    /** Validates path in the background; returns at once. */
    void openFile(const QString &path);
    /** Validates the current file again. */
    void revalidate();
    /** Cancels a running validation; the page keeps showing the previous state with a notice. */
    void cancelValidation();

    bool isValidating() const { return m_watcher != nullptr; }
    QString filePath() const { return m_path; }
    /** The last finished report (empty before the first one). */
    const Jsonl::ValidationReport &report() const { return m_report; }

    Jsonl::ValidationOptions options() const { return m_options; }
    void setOptions(const Jsonl::ValidationOptions &options) { m_options = options; }

    /** Selects a 1-based line in the Requests tab and shows the request in the viewer. */
    void showLine(qint64 line, bool switchToRequests = true);
    /** Whether the request viewer is in edit mode (Edit pressed on a request line). */
    bool isEditing() const;

    void saveState() const;
    void restoreState();

    /** Whether the current file may be submitted (validated completely, no errors, not empty). */
    bool canSubmit() const;
    /** Whether the file is valid except for the limits of one batch (lines, bytes, embedding inputs). */
    bool canSplitSubmit() const;
    /** How many batches the file needs under its profile's limits (at least 1). */
    int partsNeeded() const;
    /**
     * The token and cost estimate of the validated file: counted in the background once a validation
     * finished (a newer file cancels it), at the prices of the provider of the file's limit profile.
     */
    CostEstimateView *costEstimate() const { return m_costView; }

signals:
    void validatingChanged(bool validating);
    void fileOpened(const QString &path);
    void statusMessage(const QString &text);
    /** Asks the window to show the Open dialog (the empty state's button). */
    void openRequested();
    /** The "Create batch…" button was clicked (only possible for a valid file). */
    void createBatchRequested();
    /** "Split into N Batches and Submit…" was clicked: the file is valid but for the limits of one batch. */
    void splitSubmitRequested();

private:
    QWidget *createEmptyState();
    QWidget *createProgressRow();
    QWidget *createSummaryPanel();
    QWidget *createIssuesTab();
    QWidget *createRequestsTab();
    QWidget *createViewer();

    void onValidationFinished();
    void showReport();
    void resetSummary(const QString &verdict);
    void setVerdict(const QString &iconName, const QString &text);
    void showRequestRow(int row);
    /** Empties the request viewer: no line shown, edit mode off, Edit disabled. */
    void resetViewer(const QString &title = {});
    void setEditing(bool editing);
    void checkEdit();
    void saveEdit();
    void showIssue(const QModelIndex &proxyIndex, bool switchToRequests);
    void watchFile(const QString &path);
    void onFileChanged();
    void updateIssuesNote();
    void updateSubmitState();

    MessageBanner *m_banner;
    Jsonl::ValidationOptions m_options;
    QString m_path;
    Jsonl::ValidationReport m_report;
    QFutureWatcher<Jsonl::ValidationReport> *m_watcher = nullptr;
    QElapsedTimer m_clock;

    Models::IssuesModel *m_issues;
    Models::IssuesFilterProxyModel *m_issuesProxy;
    Models::RequestsModel *m_requests;
    QFileSystemWatcher *m_fileWatcher;

    QStackedWidget *m_stack = nullptr;
    QWidget *m_emptyState = nullptr;
    QWidget *m_content = nullptr;
    QWidget *m_progressRow = nullptr;
    QLabel *m_progressLabel = nullptr;
    QProgressBar *m_progress = nullptr;
    QPushButton *m_cancel = nullptr;

    QWidget *m_summary = nullptr;
    QLabel *m_verdictIcon = nullptr;
    QLabel *m_verdict = nullptr;
    QLabel *m_fileName = nullptr;
    QLabel *m_submitReason = nullptr;
    QPushButton *m_createBatch = nullptr;
    QPushButton *m_splitSubmit = nullptr;
    QLabel *m_lines = nullptr;
    LimitBar *m_linesBar = nullptr;
    QLabel *m_size = nullptr;
    LimitBar *m_sizeBar = nullptr;
    QLabel *m_embeddingCaption = nullptr;
    QLabel *m_embeddingInputs = nullptr;
    LimitBar *m_embeddingBar = nullptr;
    QLabel *m_endpoint = nullptr;
    QLabel *m_model = nullptr;
    QLabel *m_profile = nullptr;
    QLabel *m_errorCount = nullptr;
    QLabel *m_warningCount = nullptr;
    CostEstimateView *m_costView = nullptr;

    QSplitter *m_splitter = nullptr;
    QTabWidget *m_tabs = nullptr;
    QComboBox *m_severityFilter = nullptr;
    QLabel *m_issuesNote = nullptr;
    QTableView *m_issuesView = nullptr;
    QTableView *m_requestsView = nullptr;
    QLabel *m_viewerTitle = nullptr;
    QPlainTextEdit *m_viewer = nullptr;
    JsonHighlighter *m_highlighter = nullptr;
    // Editing the shown request in place
    QPushButton *m_editButton = nullptr;
    QPushButton *m_saveButton = nullptr;
    QLabel *m_editStatus = nullptr;
    int m_shownRow = -1;
    QString m_shownText;
    bool m_saving = false;
    bool m_changeNoticeShown = false;
};

} // namespace Batchdesk::Ui
