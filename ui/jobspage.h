#pragma once

#include "jobtreemodel.h"

#include <QDialog>
#include <QWidget>

#include <optional>

class QAction;
class QCheckBox;
class QLabel;
class QStackedWidget;
class QTreeView;

namespace Batchdesk::Ui {

class AppController;

/**
 * The jobs of the current account (a file too large for one batch, a CSV build in several parts): one row
 * per job with its parts as children, queued parts included (they have no batch yet, so the batch list cannot
 * show them). A tool row and the context menu act on the selection: Cancel Job, Cancel Part (a queued one),
 * Resume (a stopped job), Retry Failed… (a finished one: which outcomes go again), Finish the Rest in Real
 * Time… (a job of a Batch API account: its requests without a result run on a "Run here" account, now or by
 * a policy; RealtimeFallbackDialog), Open Results (the job's joined table) and Show Batch (the part's batch
 * in the batch list). Parts run in real time say so, with the account's name.
 *
 * The tree observes the controller's JobTreeModel; the actions go to the controller, which forwards them to
 * the account's JobScheduler. Failures of an action are reported with problem(); the window shows them.
 */
class JobsPage final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(JobsPage)

public:
    explicit JobsPage(AppController *controller, QWidget *parent = nullptr);
    ~JobsPage() override;

    QTreeView *view() const { return m_view; }
    /** The job of the selected row (a part row gives its job). */
    std::optional<Models::JobEntry> currentJob() const;
    /** The part of the selected row, if a part is selected. */
    std::optional<Store::JobPart> currentPart() const;
    void selectJob(const QString &jobId);
    void selectPart(const QString &jobId, int round, int part);
    /** "2 jobs · 1 part running · 3 waiting for a free slot · at most 100 batches at once". */
    QString summaryText() const;

    void saveState() const;
    void restoreState();

signals:
    void openResultsRequested(const QString &batchId);
    void showBatchRequested(const QString &batchId);
    /** The empty state's buttons. */
    void openRequested();
    void buildRequested();
    /** An action could not be done: what and why. */
    void problem(const QString &text);

private:
    void updateActions();
    void updateSummary();
    void updateEmptyState();
    void cancelJob();
    void cancelPart();
    void resumeJob();
    void retryJob();
    void finishInRealtime();
    void updateAccountNames();
    void openResults();
    void showBatch();
    /** The batch the Results view opens for the selection: the part's, else the job's first. */
    QString resultsBatch() const;
    void report(const Result<void> &result);

    AppController *m_controller;
    Models::JobTreeModel *m_model;
    QStackedWidget *m_stack;
    QTreeView *m_view;
    QLabel *m_summary;
    QAction *m_cancelJobAction;
    QAction *m_cancelPartAction;
    QAction *m_resumeAction;
    QAction *m_retryAction;
    QAction *m_finishRealtimeAction;
    QAction *m_openResultsAction;
    QAction *m_showBatchAction;
};

/**
 * Which requests of a finished job go again as a retry round: failed, expired, cancelled, missing (each a
 * checkbox, all checked at first). OK is enabled while at least one is chosen. Non-blocking (open()); deletes
 * itself on close.
 */
class RetryJobDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RetryJobDialog)

public:
    RetryJobDialog(const Models::JobEntry &job, QWidget *parent = nullptr);
    ~RetryJobDialog() override;

    /** The chosen outcomes as the scheduler spells them ("failed", "expired", "cancelled", "missing"). */
    QStringList outcomes() const;
    QString jobId() const { return m_jobId; }

private:
    QString m_jobId;
    QList<QPair<QString, QCheckBox *>> m_boxes;
};

} // namespace Batchdesk::Ui
