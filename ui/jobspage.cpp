#include "jobspage.h"

#include "appcontroller.h"
#include "batchtablemodel.h"
#include "columnfit.h"
#include "displayformat.h"
#include "icons.h"
#include "messagebox.h"
#include "progressdelegate.h"
#include "realtimefallbackdialog.h"
#include "workflow/jobscheduler.h"

#include <QAction>
#include <QCheckBox>
#include <QDialogButtonBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QMenu>
#include <QPushButton>
#include <QSettings>
#include <QStackedWidget>
#include <QToolButton>
#include <QTreeView>
#include <QVBoxLayout>

namespace Batchdesk::Ui {

using Models::JobEntry;
using Models::JobTreeModel;
using Store::Job;
using Store::JobPart;

namespace {

QToolButton *toolButton(QAction *action, QWidget *parent)
{
    auto *button = new QToolButton(parent);
    button->setDefaultAction(action);
    button->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    button->setAutoRaise(true);
    return button;
}

QString firstBatchOf(const JobEntry &job)
{
    for (const JobPart &p : job.parts) {
        if (!p.batchId.isEmpty())
            return p.batchId;
    }
    return {};
}

} // namespace

JobsPage::JobsPage(AppController *controller, QWidget *parent)
    : QWidget(parent)
    , m_controller(controller)
    , m_model(controller->jobModel())
    , m_stack(new QStackedWidget(this))
    , m_view(new QTreeView(this))
    , m_summary(new QLabel(this))
    , m_cancelJobAction(new QAction(Models::icon(QStringLiteral("cancel")), tr("Cancel &Job\u2026"), this))
    , m_cancelPartAction(new QAction(Models::icon(QStringLiteral("close")), tr("Cancel &Part\u2026"), this))
    , m_resumeAction(new QAction(Models::icon(QStringLiteral("upload")), tr("Res&ume"), this))
    , m_retryAction(new QAction(Models::icon(QStringLiteral("refresh")), tr("Retry &Failed\u2026"), this))
    , m_finishRealtimeAction(new QAction(Models::icon(QStringLiteral("upload")),
                                         tr("Finish the Rest in Real &Time\u2026"), this))
    , m_openResultsAction(new QAction(Models::icon(QStringLiteral("ok")), tr("Open &Results"), this))
    , m_showBatchAction(new QAction(Models::icon(QStringLiteral("file")), tr("Show &Batch"), this))
{
    setObjectName(QStringLiteral("jobsPage"));
    setFocusProxy(m_view);

    m_cancelJobAction->setObjectName(QStringLiteral("jobsCancelJobAction"));
    m_cancelJobAction->setIconText(tr("Cancel job"));
    m_cancelJobAction->setStatusTip(tr("Drop the queued parts and cancel the running batches of the job"));
    m_cancelPartAction->setObjectName(QStringLiteral("jobsCancelPartAction"));
    m_cancelPartAction->setIconText(tr("Cancel part"));
    m_cancelPartAction->setStatusTip(tr("Drop a part that is still waiting: it is not submitted"));
    m_resumeAction->setObjectName(QStringLiteral("jobsResumeAction"));
    m_resumeAction->setIconText(tr("Resume"));
    m_resumeAction->setStatusTip(tr("Submit the parts of a stopped job again"));
    m_retryAction->setObjectName(QStringLiteral("jobsRetryAction"));
    m_retryAction->setIconText(tr("Retry failed"));
    m_retryAction->setStatusTip(tr("Submit the requests of the job that did not succeed again"));
    m_finishRealtimeAction->setObjectName(QStringLiteral("finishRealtimeAction"));
    m_finishRealtimeAction->setIconText(tr("Finish in real time"));
    m_finishRealtimeAction->setStatusTip(
        tr("Run the requests of the job without a result on a \u201cRun here\u201d account, now or by a "
           "policy"));
    m_openResultsAction->setObjectName(QStringLiteral("jobsOpenResultsAction"));
    m_openResultsAction->setIconText(tr("Results"));
    m_openResultsAction->setStatusTip(tr("Show every request of the job joined to its result"));
    m_showBatchAction->setObjectName(QStringLiteral("jobsShowBatchAction"));
    m_showBatchAction->setIconText(tr("Show batch"));
    m_showBatchAction->setStatusTip(tr("Select the part's batch in the batch list"));
    connect(m_cancelJobAction, &QAction::triggered, this, &JobsPage::cancelJob);
    connect(m_cancelPartAction, &QAction::triggered, this, &JobsPage::cancelPart);
    connect(m_resumeAction, &QAction::triggered, this, &JobsPage::resumeJob);
    connect(m_retryAction, &QAction::triggered, this, &JobsPage::retryJob);
    connect(m_finishRealtimeAction, &QAction::triggered, this, &JobsPage::finishInRealtime);
    connect(m_openResultsAction, &QAction::triggered, this, &JobsPage::openResults);
    connect(m_showBatchAction, &QAction::triggered, this, &JobsPage::showBatch);

    // The tool row: what can be done with the selection.
    auto *tools = new QHBoxLayout;
    tools->setContentsMargins(0, 0, 0, 0);
    tools->setSpacing(2);
    for (QAction *a :
         {m_cancelJobAction, m_cancelPartAction, m_resumeAction, m_retryAction, m_finishRealtimeAction})
        tools->addWidget(toolButton(a, this));
    auto *separator = new QFrame(this);
    separator->setFrameShape(QFrame::VLine);
    separator->setFrameShadow(QFrame::Sunken);
    tools->addSpacing(4);
    tools->addWidget(separator);
    tools->addSpacing(4);
    for (QAction *a : {m_openResultsAction, m_showBatchAction})
        tools->addWidget(toolButton(a, this));
    tools->addStretch(1);
    m_summary->setObjectName(QStringLiteral("jobsSummary"));
    QPalette dim = m_summary->palette();
    dim.setColor(QPalette::WindowText, dim.color(QPalette::PlaceholderText));
    m_summary->setPalette(dim);
    // Under the list, wrapped: a long line in German must not widen the window.
    m_summary->setWordWrap(true);

    m_view->setObjectName(QStringLiteral("jobsView"));
    m_view->setModel(m_model);
    m_view->setUniformRowHeights(true);
    m_view->setAlternatingRowColors(true);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setAllColumnsShowFocus(true);
    m_view->setContextMenuPolicy(Qt::CustomContextMenu);
    m_view->setItemDelegateForColumn(JobTreeModel::ProgressColumn, new ProgressDelegate(m_view));
    QHeaderView *header = m_view->header();
    header->setStretchLastSection(true);
    header->setSectionsMovable(true);
    header->resizeSection(JobTreeModel::NameColumn, 205);
    header->resizeSection(JobTreeModel::StateColumn, 150);
    header->resizeSection(JobTreeModel::ProgressColumn, 120);
    header->resizeSection(JobTreeModel::PartsColumn, 75);
    header->resizeSection(JobTreeModel::RoundColumn, 60);
    header->resizeSection(JobTreeModel::BatchColumn, 120);
    header->resizeSection(JobTreeModel::CreatedColumn, 100);
    header->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(header, &QHeaderView::customContextMenuRequested, this, [this, header](const QPoint &pos) {
        QMenu menu;
        for (int c = 0; c < JobTreeModel::ColumnCount; ++c) {
            QAction *a = menu.addAction(m_model->headerData(c, Qt::Horizontal).toString());
            a->setCheckable(true);
            a->setChecked(!header->isSectionHidden(c));
            a->setEnabled(c != JobTreeModel::NameColumn);
            connect(a, &QAction::toggled, header, [header, c](bool on) { header->setSectionHidden(c, !on); });
        }
        menu.exec(header->mapToGlobal(pos));
    });
    // Words are as wide as they are in the language shown: the longest a job or a part can say.
    auto fit = [this] {
        fitColumnToText(m_view, m_view->header(), JobTreeModel::StateColumn,
                        {JobTreeModel::tr("Preparing the next round"), JobTreeModel::tr("Not submitted"),
                         JobTreeModel::tr("Finished with failures"),
                         Models::BatchTableModel::tr("Completed, all failed"),
                         Models::BatchTableModel::tr("Completed with failures"),
                         Models::BatchTableModel::tr("Assembling results")},
                        true);
        fitColumnToText(m_view, m_view->header(), JobTreeModel::CreatedColumn);
        // A part run in real time names its account ("Retry 1, part 1/1 · real time: Local vLLM"): the name
        // column grows for it, up to a bound, past the indentation of a child row.
        int needed = 0;
        const QFontMetrics metrics(m_view->font());
        for (int r = 0; r < m_model->rowCount(); ++r) {
            const QModelIndex job = m_model->index(r, 0);
            for (int c = 0; c < m_model->rowCount(job); ++c) {
                const QModelIndex part = m_model->index(c, JobTreeModel::NameColumn, job);
                if (m_model->partAt(part).value_or(Store::JobPart()).runnerAccountId > 0)
                    needed = qMax(needed, metrics.horizontalAdvance(part.data().toString()));
            }
        }
        if (needed > 0) {
            const int width = qMin(needed + 2 * m_view->indentation() + 16, 420);
            if (m_view->header()->sectionSize(JobTreeModel::NameColumn) < width)
                m_view->header()->resizeSection(JobTreeModel::NameColumn, width);
        }
    };
    connect(m_model, &QAbstractItemModel::modelReset, this, fit);
    connect(m_model, &QAbstractItemModel::rowsInserted, this, fit);

    connect(m_view, &QWidget::customContextMenuRequested, this, [this](const QPoint &pos) {
        QMenu menu;
        menu.addAction(m_openResultsAction);
        menu.addAction(m_showBatchAction);
        menu.addSeparator();
        menu.addAction(m_resumeAction);
        menu.addAction(m_retryAction);
        menu.addAction(m_finishRealtimeAction);
        menu.addSeparator();
        menu.addAction(m_cancelPartAction);
        menu.addAction(m_cancelJobAction);
        menu.exec(m_view->viewport()->mapToGlobal(pos));
    });
    // A part with a batch opens it in the list; a job row expands as usual.
    connect(m_view, &QAbstractItemView::activated, this, [this](const QModelIndex &index) {
        if (index.data(JobTreeModel::IsPartRole).toBool()
            && !index.data(JobTreeModel::BatchIdRole).toString().isEmpty())
            showBatch();
    });
    connect(m_view->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &JobsPage::updateActions);
    connect(m_model, &QAbstractItemModel::dataChanged, this, [this] {
        updateActions();
        updateSummary();
    });
    // Running jobs show their parts; finished ones fold away, so that the list stays short.
    connect(m_model, &QAbstractItemModel::modelReset, this, [this] {
        for (int r = 0; r < m_model->rowCount(); ++r) {
            const QModelIndex index = m_model->index(r, 0);
            m_view->setExpanded(index,
                                index.data(JobTreeModel::JobStateRole).toInt() == int(Job::State::Active));
        }
        if (m_model->rowCount() > 0)
            m_view->setCurrentIndex(m_model->index(0, 0));
        updateEmptyState();
        updateActions();
        updateSummary();
    });
    connect(m_model, &QAbstractItemModel::rowsInserted, this,
            [this](const QModelIndex &parent, int first, int last) {
                if (!parent.isValid()) {
                    for (int r = first; r <= last; ++r)
                        m_view->expand(m_model->index(r, 0));
                    m_view->setCurrentIndex(m_model->index(first, 0));
                }
                updateEmptyState();
                updateActions();
                updateSummary();
            });
    connect(m_model, &QAbstractItemModel::rowsRemoved, this, [this] {
        updateEmptyState();
        updateActions();
        updateSummary();
    });

    // Empty state: what a job is and how one starts.
    auto *empty = new QWidget(m_stack);
    empty->setObjectName(QStringLiteral("jobsEmptyState"));
    auto *emptyIcon = new QLabel(empty);
    emptyIcon->setPixmap(Models::icon(QStringLiteral("upload")).pixmap(56, 56));
    emptyIcon->setAlignment(Qt::AlignCenter);
    auto *emptyTitle = new QLabel(tr("No jobs yet"), empty);
    QFont titleFont = emptyTitle->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.3);
    titleFont.setBold(true);
    emptyTitle->setFont(titleFont);
    emptyTitle->setAlignment(Qt::AlignCenter);
    auto *emptyText =
        new QLabel(tr("A file too large for one batch, or a CSV built into several files, is submitted as a "
                      "job: its parts wait here until the provider has room for them, and go on after a "
                      "restart."),
                   empty);
    emptyText->setAlignment(Qt::AlignCenter);
    emptyText->setWordWrap(true);
    emptyText->setMaximumWidth(520);
    auto *emptyOpen = new QPushButton(Models::icon(QStringLiteral("open")), tr("Open a File\u2026"), empty);
    emptyOpen->setObjectName(QStringLiteral("jobsEmptyOpen"));
    connect(emptyOpen, &QPushButton::clicked, this, &JobsPage::openRequested);
    auto *emptyBuild =
        new QPushButton(Models::icon(QStringLiteral("file")), tr("Build from CSV\u2026"), empty);
    emptyBuild->setObjectName(QStringLiteral("jobsEmptyBuild"));
    connect(emptyBuild, &QPushButton::clicked, this, &JobsPage::buildRequested);
    auto *emptyButtons = new QHBoxLayout;
    emptyButtons->addStretch(1);
    emptyButtons->addWidget(emptyOpen);
    emptyButtons->addWidget(emptyBuild);
    emptyButtons->addStretch(1);
    auto *emptyLayout = new QVBoxLayout(empty);
    emptyLayout->addStretch(1);
    emptyLayout->addWidget(emptyIcon);
    emptyLayout->addWidget(emptyTitle);
    emptyLayout->addWidget(emptyText, 0, Qt::AlignHCenter);
    emptyLayout->addSpacing(8);
    emptyLayout->addLayout(emptyButtons);
    emptyLayout->addStretch(2);
    m_stack->addWidget(empty);
    m_stack->addWidget(m_view);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(6);
    layout->addLayout(tools);
    layout->addWidget(m_stack, 1);
    layout->addWidget(m_summary);
    // Connecting, the account's limit: both change what can be done and what the summary says.
    connect(controller, &AppController::statusChanged, this, [this] {
        updateActions();
        updateSummary();
    });
    // Parts run in real time name their "Run here" account.
    connect(controller, &AppController::accountsChanged, this, &JobsPage::updateAccountNames);
    updateAccountNames();
    updateEmptyState();
    updateActions();
    updateSummary();
}

JobsPage::~JobsPage() = default;

void JobsPage::updateAccountNames()
{
    QHash<qint64, QString> names;
    for (const Store::Account &a : m_controller->accounts())
        names.insert(a.id, a.name);
    m_model->setAccountNames(names);
}

std::optional<JobEntry> JobsPage::currentJob() const
{
    return m_model->jobAt(m_view->selectionModel()->currentIndex());
}

std::optional<JobPart> JobsPage::currentPart() const
{
    return m_model->partAt(m_view->selectionModel()->currentIndex());
}

void JobsPage::selectJob(const QString &jobId)
{
    const QModelIndex index = m_model->indexOfJob(jobId);
    if (index.isValid()) {
        m_view->setCurrentIndex(index);
        m_view->scrollTo(index);
    }
}

void JobsPage::selectPart(const QString &jobId, int round, int part)
{
    const QModelIndex index = m_model->indexOfPart(jobId, round, part);
    if (index.isValid()) {
        m_view->expand(index.parent());
        m_view->setCurrentIndex(index);
        m_view->scrollTo(index);
    }
}

void JobsPage::updateEmptyState()
{
    m_stack->setCurrentIndex(m_model->rowCount() == 0 ? 0 : 1);
}

void JobsPage::updateActions()
{
    const auto job = currentJob();
    const auto part = currentPart();
    const bool connected = m_controller->isConnected();
    const Job::State state = job ? job->job.state : Job::State::Finished;
    m_cancelJobAction->setEnabled(connected && job && state == Job::State::Active);
    m_cancelPartAction->setEnabled(
        connected && part && job && state != Job::State::Canceled
        && (part->state == JobPart::State::Queued || part->state == JobPart::State::Failed));
    m_resumeAction->setEnabled(connected && job && state == Job::State::Failed);
    m_retryAction->setEnabled(connected && job && state != Job::State::Active
                              && !firstBatchOf(*job).isEmpty());
    // Straggler fallback: for a job of a Batch API account with requests left, unless already switching.
    const auto account = m_controller->currentAccount();
    const bool batchApi = account && account->preset != Store::Preset::Realtime;
    m_finishRealtimeAction->setEnabled(
        connected && job && batchApi && state != Job::State::Canceled
        && !(state == Job::State::Active && job->job.realtimeRequested)
        && (state == Job::State::Active || RealtimeFallbackDialog::requestsWithoutResult(*job) > 0));
    m_openResultsAction->setEnabled(!resultsBatch().isEmpty());
    m_showBatchAction->setEnabled(part && !part->batchId.isEmpty());
}

QString JobsPage::summaryText() const
{
    const int jobs = m_model->jobCount();
    if (jobs == 0)
        return {};
    int running = 0, waiting = 0, inFlight = 0;
    for (int r = 0; r < jobs; ++r) {
        const auto job = m_model->jobAt(m_model->index(r, 0));
        if (!job || job->job.state != Job::State::Active)
            continue;
        ++running;
        waiting += job->queued();
        inFlight += job->inFlight();
    }
    QStringList parts {tr("%n job(s)", nullptr, jobs)};
    if (running > 0) {
        parts << tr("%n part(s) running", nullptr, inFlight);
        if (waiting > 0)
            parts << tr("%n waiting for a free slot", nullptr, waiting);
    }
    if (const int limit = m_controller->maxInFlight(); limit > 0)
        parts << tr("at most %n batch(es) at once", nullptr, limit);
    return parts.join(QStringLiteral(" \u00b7 "));
}

void JobsPage::updateSummary()
{
    const QString text = summaryText();
    m_summary->setText(text);
    m_summary->setVisible(!text.isEmpty());
}

QString JobsPage::resultsBatch() const
{
    const auto part = currentPart();
    if (part && !part->batchId.isEmpty())
        return part->batchId;
    const auto job = currentJob();
    return job ? firstBatchOf(*job) : QString();
}

void JobsPage::report(const Result<void> &result)
{
    if (!result.ok())
        emit problem(result.errorString());
    updateActions();
}

void JobsPage::cancelJob()
{
    const auto job = currentJob();
    if (!job || job->job.state != Job::State::Active)
        return;
    const int queued = job->queued();
    const int running = job->inFlight();
    const QString text = tr("Cancel job %1 (%2)?").arg(job->job.id, job->job.name) + u' '
        + (queued > 0 ? tr("%n waiting part(s) will not be submitted.", nullptr, queued) + u' ' : QString())
        + (running > 0 ? tr("%n running batch(es) will be cancelled; finished requests keep their results.",
                            nullptr, running)
                       : QString());
    if (MessageBox::confirm(this, tr("Cancel Job"), text.trimmed(), tr("Cancel Job"), tr("Keep Running"))
        != QMessageBox::Yes)
        return;
    report(m_controller->cancelJob(job->job.id));
}

void JobsPage::cancelPart()
{
    const auto job = currentJob();
    const auto part = currentPart();
    if (!job || !part)
        return;
    if (MessageBox::confirm(
            this, tr("Cancel Part"),
            tr("Cancel part %1 of job %2? It is not submitted: its %n request(s) get no results.", nullptr,
               int(qMin<qint64>(part->lines, std::numeric_limits<int>::max())))
                .arg(part->label(), job->job.id),
            tr("Cancel Part"), tr("Keep It"))
        != QMessageBox::Yes)
        return;
    report(m_controller->cancelJobPart(part->jobId, part->round, part->part));
}

void JobsPage::resumeJob()
{
    const auto job = currentJob();
    if (job)
        report(m_controller->resumeJob(job->job.id));
}

void JobsPage::retryJob()
{
    const auto job = currentJob();
    if (!job)
        return;
    auto *dialog = new RetryJobDialog(*job, this);
    connect(dialog, &QDialog::accepted, this,
            [this, dialog] { report(m_controller->retryJob(dialog->jobId(), dialog->outcomes())); });
    dialog->open();
}

void JobsPage::finishInRealtime()
{
    const auto job = currentJob();
    if (!job || !m_finishRealtimeAction->isEnabled())
        return;
    auto *dialog = new RealtimeFallbackDialog(m_controller, *job, this);
    connect(dialog, &QDialog::accepted, this, &JobsPage::updateActions);
    dialog->open();
}

void JobsPage::openResults()
{
    if (const QString id = resultsBatch(); !id.isEmpty())
        emit openResultsRequested(id);
}

void JobsPage::showBatch()
{
    if (const auto part = currentPart(); part && !part->batchId.isEmpty())
        emit showBatchRequested(part->batchId);
}

void JobsPage::saveState() const
{
    QSettings().setValue(QStringLiteral("JobsPage/header"), m_view->header()->saveState());
}

void JobsPage::restoreState()
{
    m_view->header()->restoreState(QSettings().value(QStringLiteral("JobsPage/header")).toByteArray());
}

// ---------------------------------------------------------------------------------------------------------------
// RetryJobDialog

RetryJobDialog::RetryJobDialog(const JobEntry &job, QWidget *parent)
    : QDialog(parent)
    , m_jobId(job.job.id)
{
    setObjectName(QStringLiteral("retryJobDialog"));
    setAttribute(Qt::WA_DeleteOnClose);
    setWindowTitle(tr("Retry Requests of %1").arg(job.job.id));
    auto *heading =
        new QLabel(tr("<b>%1</b> \u2014 which requests go again, as a new round of batches? Their "
                      "new results replace the old ones in the job's results table.")
                       .arg(job.job.name.toHtmlEscaped()),
                   this);
    heading->setWordWrap(true);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(heading);
    const QList<std::tuple<QString, QString, QString>> choices {
        {QStringLiteral("failed"), tr("&Failed"), tr("The provider answered with an error.")},
        {QStringLiteral("expired"), tr("&Expired"), tr("The batch ran out of time before the request ran.")},
        {QStringLiteral("cancelled"), tr("&Cancelled"),
         tr("The batch was cancelled before the request ran.")},
        {QStringLiteral("missing"), tr("&Missing"), tr("The results have no line for the request.")},
    };
    for (const auto &[name, text, tip] : choices) {
        auto *box = new QCheckBox(text, this);
        box->setObjectName(QStringLiteral("retryOutcome_") + name);
        box->setChecked(true);
        box->setToolTip(tip);
        layout->addWidget(box);
        m_boxes.append({name, box});
    }
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    buttons->setObjectName(QStringLiteral("retryButtons"));
    QPushButton *ok = buttons->button(QDialogButtonBox::Ok);
    ok->setText(tr("Retry"));
    ok->setObjectName(QStringLiteral("retryOkButton"));
    layout->addSpacing(4);
    layout->addWidget(buttons);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    for (const auto &[name, box] : std::as_const(m_boxes))
        connect(box, &QCheckBox::toggled, ok, [this, ok] { ok->setEnabled(!outcomes().isEmpty()); });
    setMinimumWidth(420);
}

RetryJobDialog::~RetryJobDialog() = default;

QStringList RetryJobDialog::outcomes() const
{
    QStringList out;
    for (const auto &[name, box] : m_boxes) {
        if (box->isChecked())
            out << name;
    }
    return out;
}

} // namespace Batchdesk::Ui
