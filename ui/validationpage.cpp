#include "validationpage.h"

#include "api/provider.h"
#include "columnfit.h"
#include "costestimateview.h"
#include "displayformat.h"
#include "icons.h"
#include "issuesfilterproxymodel.h"
#include "issuesmodel.h"
#include "jsonhighlighter.h"
#include "jsonl/lineedit.h"
#include "jsonl/requestsummary.h"
#include "limitbar.h"
#include "messagebanner.h"
#include "requestsmodel.h"

#include <QComboBox>
#include <QFileInfo>
#include <QFileSystemWatcher>
#include <QFontDatabase>
#include <QFormLayout>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QJsonDocument>
#include <QLabel>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QSettings>
#include <QSplitter>
#include <QStackedWidget>
#include <QTabWidget>
#include <QTableView>
#include <QTimer>
#include <QVBoxLayout>
#include <QtConcurrent>

namespace Batchdesk::Ui {

using Models::IssuesFilterProxyModel;
using Models::IssuesModel;
using Models::RequestsModel;
using Models::DisplayFormat::bytes;
using Models::DisplayFormat::count;

namespace {

// Beyond this, pretty-printing and highlighting a line would stall the GUI thread; show a notice instead.
constexpr qint64 kMaxViewerLineBytes = 8'000'000;
constexpr int kMaxHighlightedChars = 400'000;

QLabel *captionLabel(const QString &text, QWidget *parent)
{
    auto *label = new QLabel(text, parent);
    QPalette p = label->palette();
    p.setColor(QPalette::WindowText, p.color(QPalette::PlaceholderText));
    label->setPalette(p);
    return label;
}

QLabel *valueLabel(const QString &objectName, QWidget *parent)
{
    auto *label = new QLabel(parent);
    label->setObjectName(objectName);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    label->setTextFormat(Qt::PlainText);
    return label;
}

void setupTable(QTableView *view)
{
    view->setSelectionBehavior(QAbstractItemView::SelectRows);
    view->setSelectionMode(QAbstractItemView::SingleSelection);
    view->setAlternatingRowColors(true);
    view->setWordWrap(false);
    view->setTextElideMode(Qt::ElideRight);
    view->setShowGrid(false);
    view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    view->setHorizontalScrollMode(QAbstractItemView::ScrollPerPixel);
    view->verticalHeader()->hide();
    // Uniform, fixed row heights: the view never measures rows, so 50,000 rows scroll like 50.
    view->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    view->verticalHeader()->setDefaultSectionSize(view->fontMetrics().height() + 8);
    view->horizontalHeader()->setHighlightSections(false);
    view->horizontalHeader()->setDefaultAlignment(Qt::AlignLeft | Qt::AlignVCenter);
    view->horizontalHeader()->setSectionResizeMode(QHeaderView::Interactive);
    view->setIconSize(QSize(16, 16));
}

} // namespace

ValidationPage::ValidationPage(MessageBanner *banner, QWidget *parent)
    : QWidget(parent)
    , m_banner(banner)
    , m_issues(new IssuesModel(this))
    , m_issuesProxy(new IssuesFilterProxyModel(this))
    , m_requests(new RequestsModel(this))
    , m_fileWatcher(new QFileSystemWatcher(this))
{
    setObjectName(QStringLiteral("validationPage"));
    m_issuesProxy->setSourceModel(m_issues);

    m_stack = new QStackedWidget(this);
    m_stack->setObjectName(QStringLiteral("validationStack"));
    m_emptyState = createEmptyState();
    m_stack->addWidget(m_emptyState);

    m_content = new QWidget(m_stack);
    auto *contentLayout = new QVBoxLayout(m_content);
    contentLayout->setContentsMargins(0, 0, 0, 0);
    contentLayout->setSpacing(6);
    contentLayout->addWidget(createProgressRow());
    contentLayout->addWidget(createSummaryPanel());

    m_splitter = new QSplitter(Qt::Horizontal, m_content);
    m_splitter->setObjectName(QStringLiteral("validationSplitter"));
    m_splitter->setChildrenCollapsible(false);
    m_tabs = new QTabWidget(m_splitter);
    m_tabs->setObjectName(QStringLiteral("detailTabs"));
    m_tabs->setDocumentMode(true);
    m_tabs->addTab(createIssuesTab(), tr("Issues"));
    m_tabs->addTab(createRequestsTab(), tr("Requests"));
    m_splitter->addWidget(m_tabs);
    m_splitter->addWidget(createViewer());
    m_splitter->setStretchFactor(0, 3);
    m_splitter->setStretchFactor(1, 2);
    contentLayout->addWidget(m_splitter, 1);
    m_stack->addWidget(m_content);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_stack);

    connect(m_requests, &RequestsModel::readFailed, this, [this](const QString &message) {
        m_banner->showMessage(MessageBanner::Type::Warning, message, tr("Validate again"),
                              [this] { revalidate(); });
        m_banner->setOwner(this);
    });
    connect(m_fileWatcher, &QFileSystemWatcher::fileChanged, this, &ValidationPage::onFileChanged);
}

ValidationPage::~ValidationPage()
{
    if (m_watcher) {
        m_watcher->disconnect(this);
        m_watcher->cancel();
        m_watcher->waitForFinished();
    }
}

QWidget *ValidationPage::createEmptyState()
{
    auto *page = new QWidget(this);
    page->setObjectName(QStringLiteral("emptyState"));
    auto *icon = new QLabel(page);
    icon->setPixmap(Models::icon(QStringLiteral("drop")).pixmap(64, 64));
    icon->setAlignment(Qt::AlignCenter);
    auto *title = new QLabel(tr("No file open"), page);
    QFont titleFont = title->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.4);
    titleFont.setBold(true);
    title->setFont(titleFont);
    title->setAlignment(Qt::AlignCenter);
    auto *text = new QLabel(tr("Drop a .jsonl file here or open one with File \u2192 Open"), page);
    text->setObjectName(QStringLiteral("emptyStateText"));
    text->setAlignment(Qt::AlignCenter);
    text->setWordWrap(true);
    auto *hint =
        captionLabel(tr("Batchdesk checks every line against the provider's Batch API rules and limits "
                        "before you upload anything."),
                     page);
    hint->setAlignment(Qt::AlignCenter);
    hint->setWordWrap(true);
    auto *open = new QPushButton(Models::icon(QStringLiteral("open")), tr("Open File\u2026"), page);
    open->setObjectName(QStringLiteral("emptyOpenButton"));
    open->setDefault(true);
    connect(open, &QPushButton::clicked, this, &ValidationPage::openRequested);

    auto *column = new QVBoxLayout;
    column->setSpacing(10);
    column->addWidget(icon);
    column->addWidget(title);
    column->addWidget(text);
    column->addWidget(hint);
    column->addSpacing(6);
    column->addWidget(open, 0, Qt::AlignHCenter);
    auto *box = new QWidget(page);
    box->setLayout(column);
    // A fixed width lets the wrapped labels use all of it instead of QLabel's narrow height-for-width guess.
    box->setFixedWidth(qMax(440, text->fontMetrics().horizontalAdvance(text->text()) + 24));

    auto *layout = new QGridLayout(page);
    layout->addWidget(box, 0, 0, Qt::AlignCenter);
    return page;
}

QWidget *ValidationPage::createProgressRow()
{
    m_progressRow = new QWidget(this);
    m_progressRow->setObjectName(QStringLiteral("progressRow"));
    m_progressLabel = new QLabel(m_progressRow);
    m_progressLabel->setObjectName(QStringLiteral("progressLabel"));
    m_progress = new QProgressBar(m_progressRow);
    m_progress->setObjectName(QStringLiteral("validationProgress"));
    m_progress->setRange(0, 1000);
    m_progress->setTextVisible(false);
    m_cancel = new QPushButton(Models::icon(QStringLiteral("cancel")), tr("Cancel"), m_progressRow);
    m_cancel->setObjectName(QStringLiteral("cancelValidationButton"));
    connect(m_cancel, &QPushButton::clicked, this, &ValidationPage::cancelValidation);
    auto *layout = new QHBoxLayout(m_progressRow);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_progressLabel);
    layout->addWidget(m_progress, 1);
    layout->addWidget(m_cancel);
    m_progressRow->hide();
    return m_progressRow;
}

QWidget *ValidationPage::createSummaryPanel()
{
    auto *panel = new QFrame(this);
    m_summary = panel;
    panel->setObjectName(QStringLiteral("summaryPanel"));
    panel->setFrameShape(QFrame::StyledPanel);
    panel->setAutoFillBackground(true);
    panel->setBackgroundRole(QPalette::Base);

    m_verdictIcon = new QLabel(panel);
    m_verdictIcon->setObjectName(QStringLiteral("verdictIcon"));
    m_verdictIcon->setFixedSize(32, 32);
    m_verdict = valueLabel(QStringLiteral("verdictLabel"), panel);
    QFont verdictFont = m_verdict->font();
    verdictFont.setPointSizeF(verdictFont.pointSizeF() * 1.3);
    verdictFont.setBold(true);
    m_verdict->setFont(verdictFont);
    m_fileName = valueLabel(QStringLiteral("fileNameLabel"), panel);
    QPalette captionPalette = m_fileName->palette();
    captionPalette.setColor(QPalette::WindowText, captionPalette.color(QPalette::PlaceholderText));
    m_fileName->setPalette(captionPalette);

    auto *verdictText = new QVBoxLayout;
    verdictText->setSpacing(0);
    verdictText->addWidget(m_verdict);
    verdictText->addWidget(m_fileName);
    auto *verdictRow = new QHBoxLayout;
    verdictRow->setSpacing(10);
    verdictRow->addWidget(m_verdictIcon, 0, Qt::AlignVCenter);
    verdictRow->addLayout(verdictText, 1);

    // Submission starts here: the button is enabled only for a valid file, and the reason sits beside it.
    m_submitReason = new QLabel(panel);
    m_submitReason->setObjectName(QStringLiteral("createBatchReason"));
    m_submitReason->setWordWrap(true);
    m_submitReason->setAlignment(Qt::AlignRight | Qt::AlignVCenter);
    m_submitReason->setPalette(captionPalette);
    m_createBatch = new QPushButton(Models::icon(QStringLiteral("upload")), tr("Create Batch\u2026"), panel);
    m_createBatch->setObjectName(QStringLiteral("createBatchButton"));
    m_createBatch->setDefault(true);
    m_createBatch->setEnabled(false);
    connect(m_createBatch, &QPushButton::clicked, this, &ValidationPage::createBatchRequested);
    // A file valid but for its size goes as a job of several batches, in one click.
    m_splitSubmit = new QPushButton(Models::icon(QStringLiteral("upload")), QString(), panel);
    m_splitSubmit->setObjectName(QStringLiteral("splitAndSubmitButton"));
    m_splitSubmit->hide();
    connect(m_splitSubmit, &QPushButton::clicked, this, &ValidationPage::splitSubmitRequested);
    verdictRow->addWidget(m_submitReason, 0, Qt::AlignVCenter);
    verdictRow->addWidget(m_splitSubmit, 0, Qt::AlignVCenter);
    verdictRow->addWidget(m_createBatch, 0, Qt::AlignVCenter);

    auto makeForm = [] {
        auto *form = new QFormLayout;
        form->setLabelAlignment(Qt::AlignLeft | Qt::AlignVCenter);
        form->setFieldGrowthPolicy(QFormLayout::ExpandingFieldsGrow);
        form->setHorizontalSpacing(10);
        form->setVerticalSpacing(4);
        return form;
    };

    // Limits: caption, value, bar in aligned columns, so the bars line up whatever the values' widths.
    m_lines = valueLabel(QStringLiteral("linesLabel"), panel);
    m_linesBar = new LimitBar(panel);
    m_linesBar->setObjectName(QStringLiteral("linesBar"));
    m_size = valueLabel(QStringLiteral("sizeLabel"), panel);
    m_sizeBar = new LimitBar(panel);
    m_sizeBar->setObjectName(QStringLiteral("sizeBar"));
    m_embeddingInputs = valueLabel(QStringLiteral("embeddingInputsLabel"), panel);
    m_embeddingBar = new LimitBar(panel);
    m_embeddingBar->setObjectName(QStringLiteral("embeddingInputsBar"));
    m_embeddingCaption = captionLabel(tr("Embedding inputs:"), panel);
    auto *limits = new QGridLayout;
    limits->setHorizontalSpacing(10);
    limits->setVerticalSpacing(4);
    limits->addWidget(captionLabel(tr("Lines:"), panel), 0, 0);
    limits->addWidget(m_lines, 0, 1);
    limits->addWidget(m_linesBar, 0, 2, Qt::AlignVCenter);
    limits->addWidget(captionLabel(tr("Size:"), panel), 1, 0);
    limits->addWidget(m_size, 1, 1);
    limits->addWidget(m_sizeBar, 1, 2, Qt::AlignVCenter);
    limits->addWidget(m_embeddingCaption, 2, 0);
    limits->addWidget(m_embeddingInputs, 2, 1);
    limits->addWidget(m_embeddingBar, 2, 2, Qt::AlignVCenter);
    limits->setColumnStretch(3, 1);
    limits->setRowStretch(3, 1);

    m_endpoint = valueLabel(QStringLiteral("endpointLabel"), panel);
    m_model = valueLabel(QStringLiteral("modelLabel"), panel);
    m_profile = valueLabel(QStringLiteral("profileLabel"), panel);
    auto *requests = makeForm();
    requests->addRow(captionLabel(tr("Endpoint:"), panel), m_endpoint);
    requests->addRow(captionLabel(tr("Model:"), panel), m_model);
    requests->addRow(captionLabel(tr("Limits:"), panel), m_profile);

    m_errorCount = valueLabel(QStringLiteral("errorCountLabel"), panel);
    m_warningCount = valueLabel(QStringLiteral("warningCountLabel"), panel);
    auto *counts = makeForm();
    auto *errorsCaption = captionLabel(tr("Errors:"), panel);
    auto *warningsCaption = captionLabel(tr("Warnings:"), panel);
    counts->addRow(errorsCaption, m_errorCount);
    counts->addRow(warningsCaption, m_warningCount);

    // What the file will cost: counted after the validation, in the background.
    m_costView = new CostEstimateView(panel);

    auto *facts = new QHBoxLayout;
    facts->setSpacing(32);
    facts->addLayout(limits, 3);
    facts->addLayout(requests, 3);
    facts->addWidget(m_costView, 4, Qt::AlignTop);
    facts->addLayout(counts, 1);

    auto *layout = new QVBoxLayout(panel);
    layout->setContentsMargins(12, 10, 12, 10);
    layout->setSpacing(8);
    layout->addLayout(verdictRow);
    auto *line = new QFrame(panel);
    line->setFrameShape(QFrame::HLine);
    line->setFrameShadow(QFrame::Sunken);
    layout->addWidget(line);
    layout->addLayout(facts);
    return panel;
}

QWidget *ValidationPage::createIssuesTab()
{
    auto *tab = new QWidget(this);
    m_severityFilter = new QComboBox(tab);
    m_severityFilter->setObjectName(QStringLiteral("severityFilter"));
    m_severityFilter->addItem(tr("All issues"), int(IssuesFilterProxyModel::SeverityFilter::All));
    m_severityFilter->addItem(Models::icon(QStringLiteral("error")), tr("Errors only"),
                              int(IssuesFilterProxyModel::SeverityFilter::Errors));
    m_severityFilter->addItem(Models::icon(QStringLiteral("warning")), tr("Warnings only"),
                              int(IssuesFilterProxyModel::SeverityFilter::Warnings));
    connect(m_severityFilter, &QComboBox::currentIndexChanged, this, [this](int i) {
        m_issuesProxy->setSeverityFilter(
            IssuesFilterProxyModel::SeverityFilter(m_severityFilter->itemData(i).toInt()));
        updateIssuesNote();
    });
    m_issuesNote = captionLabel(QString(), tab);
    m_issuesNote->setObjectName(QStringLiteral("issuesNote"));
    auto *hint = captionLabel(tr("Double-click an issue to show its request."), tab);

    m_issuesView = new QTableView(tab);
    m_issuesView->setObjectName(QStringLiteral("issuesView"));
    setupTable(m_issuesView);
    m_issuesView->setModel(m_issuesProxy);
    m_issuesView->setSortingEnabled(true);
    m_issuesView->sortByColumn(IssuesModel::LineColumn, Qt::AscendingOrder);
    auto *header = m_issuesView->horizontalHeader();
    header->resizeSection(IssuesModel::SeverityColumn, 96);
    header->resizeSection(IssuesModel::LineColumn, 64);
    header->resizeSection(IssuesModel::CodeColumn, 180);
    fitColumnToText(m_issuesView, header, IssuesModel::SeverityColumn,
                    {IssuesModel::severityText(Jsonl::Severity::Error),
                     IssuesModel::severityText(Jsonl::Severity::Warning)},
                    true);
    header->setStretchLastSection(true);
    connect(m_issuesView, &QTableView::doubleClicked, this,
            [this](const QModelIndex &index) { showIssue(index, true); });
    connect(m_issuesView, &QTableView::activated, this,
            [this](const QModelIndex &index) { showIssue(index, true); });
    connect(m_issuesView->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [this](const QModelIndex &current) { showIssue(current, false); });
    // A click on the issue that is already current shows it again (the viewer may show a request since).
    connect(m_issuesView, &QTableView::clicked, this, [this](const QModelIndex &index) {
        if (index.row() == m_issuesView->currentIndex().row())
            showIssue(index, false);
    });

    auto *bar = new QHBoxLayout;
    bar->setContentsMargins(0, 0, 0, 0);
    bar->addWidget(m_severityFilter);
    bar->addWidget(m_issuesNote);
    bar->addStretch(1);
    bar->addWidget(hint);
    auto *layout = new QVBoxLayout(tab);
    layout->setContentsMargins(0, 6, 0, 0);
    layout->setSpacing(6);
    layout->addLayout(bar);
    layout->addWidget(m_issuesView, 1);
    return tab;
}

QWidget *ValidationPage::createRequestsTab()
{
    m_requestsView = new QTableView(this);
    m_requestsView->setObjectName(QStringLiteral("requestsView"));
    setupTable(m_requestsView);
    m_requestsView->setModel(m_requests);
    // No sorting: it would parse every row. Fixed widths: no resize-to-contents over 50,000 rows.
    m_requestsView->setSortingEnabled(false);
    auto *header = m_requestsView->horizontalHeader();
    header->resizeSection(RequestsModel::LineColumn, 64);
    header->resizeSection(RequestsModel::CustomIdColumn, 150);
    header->resizeSection(RequestsModel::ModelColumn, 170);
    header->resizeSection(RequestsModel::PreviewColumn, 360);
    header->resizeSection(RequestsModel::SizeColumn, 80);
    header->setSectionResizeMode(RequestsModel::PreviewColumn, QHeaderView::Stretch);
    connect(m_requestsView->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [this](const QModelIndex &current) {
                if (current.isValid())
                    showRequestRow(current.row());
            });
    return m_requestsView;
}

QWidget *ValidationPage::createViewer()
{
    auto *pane = new QWidget(this);
    pane->setObjectName(QStringLiteral("requestPane"));
    m_viewerTitle = new QLabel(pane);
    m_viewerTitle->setObjectName(QStringLiteral("requestViewerTitle"));
    m_viewerTitle->setTextFormat(Qt::PlainText);
    QFont titleFont = m_viewerTitle->font();
    titleFont.setBold(true);
    m_viewerTitle->setFont(titleFont);
    m_viewer = new QPlainTextEdit(pane);
    m_viewer->setObjectName(QStringLiteral("requestViewer"));
    m_viewer->setReadOnly(true);
    m_viewer->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_viewer->setLineWrapMode(QPlainTextEdit::WidgetWidth);
    m_viewer->setPlaceholderText(tr("Select an issue or a request to see it here."));
    m_viewer->setTabStopDistance(m_viewer->fontMetrics().horizontalAdvance(QLatin1Char(' ')) * 2);
    m_highlighter = new JsonHighlighter(m_viewer->document());
    m_editButton = new QPushButton(tr("&Edit"), pane);
    m_editButton->setObjectName(QStringLiteral("requestEditButton"));
    m_editButton->setCheckable(true);
    m_editButton->setEnabled(false);
    m_editButton->setToolTip(tr("Edit this request and save it back into the file"));
    m_saveButton = new QPushButton(tr("&Save Line"), pane);
    m_saveButton->setObjectName(QStringLiteral("requestSaveButton"));
    m_saveButton->setEnabled(false);
    m_saveButton->hide();
    m_editStatus = new QLabel(pane);
    m_editStatus->setObjectName(QStringLiteral("requestEditStatus"));
    m_editStatus->setWordWrap(true);
    connect(m_editButton, &QPushButton::toggled, this, &ValidationPage::setEditing);
    connect(m_saveButton, &QPushButton::clicked, this, &ValidationPage::saveEdit);
    connect(m_viewer, &QPlainTextEdit::textChanged, this, &ValidationPage::checkEdit);
    auto *editRow = new QHBoxLayout;
    editRow->addWidget(m_editStatus, 1);
    editRow->addWidget(m_saveButton);
    editRow->addWidget(m_editButton);
    auto *layout = new QVBoxLayout(pane);
    layout->setContentsMargins(0, 6, 0, 0);
    layout->setSpacing(6);
    layout->addWidget(m_viewerTitle);
    layout->addWidget(m_viewer, 1);
    layout->addLayout(editRow);
    m_viewerTitle->setText(tr("Request"));
    return pane;
}

void ValidationPage::openFile(const QString &path)
{
    if (m_watcher) {
        // The old run's result is no longer wanted; it stops at its next progress check.
        m_watcher->disconnect(this);
        m_watcher->cancel();
        m_watcher->deleteLater();
        m_watcher = nullptr;
    }
    m_path = QFileInfo(path).absoluteFilePath();
    m_report = {};
    m_changeNoticeShown = false;
    if (!m_fileWatcher->files().isEmpty())
        m_fileWatcher->removePaths(m_fileWatcher->files());
    // This page's messages are about the previous file; a problem of the account stays.
    if (m_banner->owner() == this || m_banner->type() != MessageBanner::Type::Error)
        m_banner->hideMessage();
    m_issues->clear();
    m_requests->clear();
    m_costView->clear(tr("The cost is estimated after the validation."));
    resetViewer();
    updateIssuesNote();

    const QFileInfo info(m_path);
    resetSummary(tr("Validating\u2026"));
    setVerdict(QStringLiteral("refresh"), tr("Validating\u2026"));
    m_fileName->setText(info.fileName());
    m_fileName->setToolTip(QDir::toNativeSeparators(m_path));
    m_progressLabel->setText(tr("Validating %1\u2026").arg(info.fileName()));
    m_progress->setValue(0);
    m_progressRow->show();
    m_cancel->setEnabled(true);
    m_stack->setCurrentWidget(m_content);

    m_watcher = new QFutureWatcher<Jsonl::ValidationReport>(this);
    connect(m_watcher, &QFutureWatcherBase::progressValueChanged, m_progress, &QProgressBar::setValue);
    connect(m_watcher, &QFutureWatcherBase::finished, this, &ValidationPage::onValidationFinished);
    m_clock.start();
    m_watcher->setFuture(Jsonl::validateFileAsync(m_path, m_options));
    emit validatingChanged(true);
    emit statusMessage(tr("Validating %1\u2026").arg(info.fileName()));
}

void ValidationPage::revalidate()
{
    if (!m_path.isEmpty())
        openFile(m_path);
}

void ValidationPage::cancelValidation()
{
    if (!m_watcher)
        return;
    m_cancel->setEnabled(false);
    m_progressLabel->setText(tr("Cancelling\u2026"));
    m_watcher->cancel();
}

void ValidationPage::onValidationFinished()
{
    auto *watcher = m_watcher;
    m_watcher = nullptr;
    watcher->deleteLater();
    m_progressRow->hide();
    emit validatingChanged(false);

    const QFuture<Jsonl::ValidationReport> future = watcher->future();
    const QString name = QFileInfo(m_path).fileName();
    if (future.isCanceled() || future.resultCount() == 0
        || future.result().outcome == Jsonl::ValidationReport::Outcome::Canceled) {
        resetSummary(tr("Validation cancelled"));
        m_costView->clear();
        setVerdict(QStringLiteral("cancel"), tr("Validation cancelled"));
        m_banner->showMessage(MessageBanner::Type::Info, tr("Validation of %1 was cancelled.").arg(name),
                              tr("Validate again"), [this] { revalidate(); });
        m_banner->setOwner(this);
        emit statusMessage(tr("Validation cancelled"));
        return;
    }
    m_report = future.result();
    if (m_report.outcome == Jsonl::ValidationReport::Outcome::IoError) {
        // Nothing useful to summarise: back to the empty state, with the reason in the banner.
        resetSummary(tr("Could not read the file"));
        m_costView->clear();
        setVerdict(QStringLiteral("error"), tr("Could not read the file"));
        m_stack->setCurrentWidget(m_emptyState);
        m_banner->showMessage(MessageBanner::Type::Error, m_report.ioError);
        m_banner->setOwner(this);
        emit statusMessage(tr("Could not read %1").arg(name));
        return;
    }
    showReport();
    if (m_report.completed() && m_report.lines > 0) {
        // Whose prices: the provider of the file's limit profile when it names one; else the model's price at
        // any provider.
        const QString provider =
            Api::Provider::byId(m_report.profile.name) ? m_report.profile.name : QString();
        m_costView->estimate({m_path}, provider);
    } else {
        m_costView->clear();
    }
    watchFile(m_path);
    emit fileOpened(m_path);
    emit statusMessage(
        m_report.lines == 1
            ? tr("Validated 1 line in %1").arg(Models::DisplayFormat::seconds(m_report.seconds))
            : tr("Validated %1 lines in %2")
                  .arg(count(m_report.lines), Models::DisplayFormat::seconds(m_report.seconds)));
}

void ValidationPage::updateSubmitState()
{
    QString reason;
    if (isValidating())
        reason = tr("Waiting for the validation to finish");
    else if (m_path.isEmpty() || !m_report.completed()
             || QFileInfo(m_report.filePath).absoluteFilePath() != QFileInfo(m_path).absoluteFilePath())
        reason = tr("The file has not been validated completely");
    else if (m_report.errorCount > 0)
        reason = m_report.errorCount == 1
            ? tr("Fix the error listed below to submit this file")
            : tr("Fix the %1 errors listed below to submit this file").arg(count(m_report.errorCount));
    else if (m_report.lines == 0)
        reason = tr("The file has no requests");
    const bool split = reason.isEmpty() ? false : canSplitSubmit();
    if (split)
        reason = tr("Too large for one batch: it can go as a job of several batches.");
    m_splitSubmit->setVisible(split);
    m_splitSubmit->setDefault(split);
    m_createBatch->setDefault(!split);
    if (split)
        m_splitSubmit->setText(tr("Split into %Ln Batches and Submit\u2026", nullptr, partsNeeded()));
    m_createBatch->setEnabled(reason.isEmpty());
    m_createBatch->setToolTip(reason.isEmpty() ? tr("Upload this file and create a batch from it") : reason);
    m_submitReason->setText(reason);
    m_submitReason->setVisible(!reason.isEmpty());
}

bool ValidationPage::canSubmit() const
{
    return m_createBatch->isEnabled();
}

bool ValidationPage::canSplitSubmit() const
{
    if (isValidating() || m_path.isEmpty() || !m_report.completed() || m_report.errorCount == 0
        || QFileInfo(m_report.filePath).absoluteFilePath() != QFileInfo(m_path).absoluteFilePath())
        return false;
    const auto count = [this](Jsonl::Code c) { return m_report.countsByCode[std::size_t(c)]; };
    return count(Jsonl::Code::TooManyLines) + count(Jsonl::Code::FileTooLarge)
        + count(Jsonl::Code::TooManyEmbeddingInputs)
        == m_report.errorCount;
}

int ValidationPage::partsNeeded() const
{
    const auto parts = [](qint64 value, qint64 limit) { return limit > 0 ? (value + limit - 1) / limit : 1; };
    const Jsonl::LimitProfile &p = m_report.profile;
    return int(qMax<qint64>(1,
                            qMax(parts(m_report.lines, p.maxLines),
                                 qMax(parts(m_report.bytes, p.maxBytes),
                                      parts(m_report.embeddingInputs, p.maxEmbeddingInputs)))));
}

void ValidationPage::resetSummary(const QString &verdict)
{
    setVerdict(QString(), verdict);
    updateSubmitState();
    const QString dash = QStringLiteral("\u2014");
    for (QLabel *label :
         {m_lines, m_size, m_embeddingInputs, m_endpoint, m_model, m_profile, m_errorCount, m_warningCount})
        label->setText(dash);
    m_linesBar->setValue(0, 0);
    m_sizeBar->setValue(0, 0);
    m_embeddingBar->setValue(0, 0);
    m_embeddingCaption->hide();
    m_embeddingInputs->hide();
    m_embeddingBar->hide();
    m_tabs->setTabText(0, tr("Issues"));
    m_tabs->setTabText(1, tr("Requests"));
}

void ValidationPage::setVerdict(const QString &iconName, const QString &text)
{
    m_verdict->setText(text);
    if (iconName.isEmpty())
        m_verdictIcon->clear();
    else
        m_verdictIcon->setPixmap(Models::icon(iconName).pixmap(32, 32));
}

void ValidationPage::showReport()
{
    const auto &r = m_report;
    const auto &p = r.profile;

    if (r.errorCount == 0 && r.warningCount == 0)
        setVerdict(QStringLiteral("ok"), tr("Ready to submit"));
    else if (r.errorCount == 0)
        setVerdict(QStringLiteral("ok"),
                   r.warningCount == 1
                       ? tr("Ready to submit, with 1 warning to review")
                       : tr("Ready to submit, with %1 warnings to review").arg(count(r.warningCount)));
    else
        setVerdict(QStringLiteral("error"),
                   r.errorCount == 1
                       ? tr("1 error must be fixed before submitting")
                       : tr("%1 errors must be fixed before submitting").arg(count(r.errorCount)));

    m_lines->setText(tr("%1 of %2").arg(count(r.lines), count(p.maxLines)));
    m_linesBar->setValue(r.lines, p.maxLines);
    m_linesBar->setToolTip(tr("%1 allows at most %2 lines per batch.").arg(p.displayName, count(p.maxLines)));
    m_size->setText(tr("%1 of %2").arg(bytes(r.bytes), bytes(p.maxBytes)));
    m_size->setToolTip(tr("%1 of %2 bytes").arg(count(r.bytes), count(p.maxBytes)));
    m_sizeBar->setValue(r.bytes, p.maxBytes);
    m_sizeBar->setToolTip(m_size->toolTip());

    const bool embeddings = r.endpoint.endsWith(QLatin1StringView("/embeddings")) || r.embeddingInputs > 0;
    m_embeddingCaption->setVisible(embeddings);
    m_embeddingInputs->setVisible(embeddings);
    m_embeddingBar->setVisible(embeddings);
    m_embeddingInputs->setText(tr("%1 of %2").arg(count(r.embeddingInputs), count(p.maxEmbeddingInputs)));
    m_embeddingBar->setValue(r.embeddingInputs, p.maxEmbeddingInputs);

    const QString none = tr("\u2014 (none found)");
    m_endpoint->setText(r.endpoint.isEmpty() ? none : r.endpoint);
    m_model->setText(r.model.isEmpty() ? none : r.model);
    m_model->setToolTip(r.model);
    m_profile->setText(p.displayName);
    m_errorCount->setText(count(r.errorCount));
    m_warningCount->setText(count(r.warningCount));

    m_issues->setDiagnostics(r.diagnostics);
    updateIssuesNote();
    updateSubmitState();
    m_tabs->setTabText(0, tr("Issues (%1)").arg(count(r.errorCount + r.warningCount)));
    m_tabs->setTabText(1, tr("Requests (%1)").arg(count(r.lines)));
    if (r.index)
        m_requests->setFile(std::make_shared<const Jsonl::JsonlFile>(r.index));
    // Issues first when there are any; otherwise the requests are what the user wants to look at. The first
    // row is selected so that the viewer shows something useful at once.
    if (r.diagnostics.isEmpty()) {
        m_tabs->setCurrentIndex(1);
        if (m_requests->rowCount() > 0)
            m_requestsView->selectionModel()->setCurrentIndex(
                m_requests->index(0, RequestsModel::PreviewColumn),
                QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    } else {
        m_tabs->setCurrentIndex(0);
        m_issuesView->selectionModel()->setCurrentIndex(m_issuesProxy->index(0, IssuesModel::MessageColumn),
                                                        QItemSelectionModel::ClearAndSelect
                                                            | QItemSelectionModel::Rows);
    }
}

void ValidationPage::updateIssuesNote()
{
    const qint64 total = m_report.errorCount + m_report.warningCount;
    if (m_report.diagnosticsTruncated)
        m_issuesNote->setText(
            tr("Showing the first %1 of %2 issues").arg(count(m_report.diagnostics.size()), count(total)));
    else
        m_issuesNote->clear();
}

void ValidationPage::showIssue(const QModelIndex &proxyIndex, bool switchToRequests)
{
    if (!proxyIndex.isValid())
        return;
    const qint64 line = proxyIndex.data(IssuesModel::LineRole).toLongLong();
    if (line <= 0) {
        // A finding about the whole file: prose, not a line that could be edited.
        resetViewer();
        m_viewerTitle->setText(tr("Whole file"));
        m_highlighter->setDocument(nullptr);
        m_viewer->setPlainText(proxyIndex.siblingAtColumn(IssuesModel::MessageColumn).data().toString());
        return;
    }
    showLine(line, switchToRequests);
}

void ValidationPage::showLine(qint64 line, bool switchToRequests)
{
    const qint64 row = line - 1;
    if (row < 0 || row >= m_requests->rowCount())
        return;
    if (switchToRequests) {
        m_tabs->setCurrentIndex(1);
        const QModelIndex index = m_requests->index(int(row), RequestsModel::PreviewColumn);
        // Selecting triggers showRequestRow() through currentRowChanged.
        m_requestsView->selectionModel()->setCurrentIndex(
            index, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
        m_requestsView->scrollTo(index, QAbstractItemView::PositionAtCenter);
        m_requestsView->setFocus();
    }
    showRequestRow(int(row));
}

void ValidationPage::showRequestRow(int row)
{
    const auto file = m_requests->file();
    if (!file || row < 0 || row >= file->lineCount())
        return;
    const QModelIndex idIndex = m_requests->index(row, RequestsModel::CustomIdColumn);
    const QString customId = idIndex.data().toString();
    m_viewerTitle->setText(customId.isEmpty() ? tr("Line %1").arg(count(row + 1))
                                              : tr("Line %1 \u00b7 %2").arg(count(row + 1), customId));
    const qint64 length = file->index().lineLength(row);
    if (length > kMaxViewerLineBytes) {
        resetViewer(m_viewerTitle->text());
        m_highlighter->setDocument(nullptr);
        m_viewer->setPlainText(tr("This line is %1, too large to show here.").arg(bytes(length)));
        return;
    }
    const Result<QByteArray> bytesResult = file->line(row);
    if (!bytesResult.ok()) {
        resetViewer(m_viewerTitle->text());
        m_highlighter->setDocument(nullptr);
        m_viewer->setPlainText(bytesResult.errorString());
        return;
    }
    const QString text = Jsonl::prettyJson(bytesResult.value());
    // Highlighting a huge document block by block would stall the GUI thread; plain text is fine there.
    resetViewer(m_viewerTitle->text());
    m_highlighter->setDocument(text.size() <= kMaxHighlightedChars ? m_viewer->document() : nullptr);
    m_shownRow = row;
    m_shownText = text;
    m_viewer->setPlainText(text);
    m_editButton->setEnabled(!m_saving);
}

void ValidationPage::resetViewer(const QString &title)
{
    // Forget the shown line first: leaving edit mode must not bring back a line of another file.
    m_shownRow = -1;
    m_shownText.clear();
    m_editButton->setChecked(false);
    m_editButton->setEnabled(false);
    m_viewer->setReadOnly(true);
    m_viewer->clear();
    m_highlighter->setDocument(m_viewer->document());
    m_viewerTitle->setText(title.isEmpty() ? tr("Request") : title);
}

bool ValidationPage::isEditing() const
{
    return m_editButton->isChecked();
}

void ValidationPage::setEditing(bool editing)
{
    if (!editing) {
        m_viewer->setReadOnly(true);
        m_saveButton->hide();
        m_editStatus->clear();
        if (m_shownRow >= 0 && m_viewer->toPlainText() != m_shownText)
            m_viewer->setPlainText(m_shownText); // changes not saved are dropped
        return;
    }
    if (m_shownRow < 0)
        return;
    m_viewer->setReadOnly(false);
    m_saveButton->show();
    m_viewer->setFocus();
    checkEdit();
}

void ValidationPage::checkEdit()
{
    if (!m_editButton || !m_editButton->isChecked())
        return;
    const QByteArray utf8 = m_viewer->toPlainText().toUtf8();
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(utf8, &error);
    QString problem;
    QString warning;
    if (error.error != QJsonParseError::NoError) {
        problem = tr("Not valid JSON at character %1: %2").arg(error.offset).arg(error.errorString());
    } else if (!doc.isObject()) {
        problem = tr("A request line must be a JSON object.");
    } else {
        // The same rules the file was validated with (provider limits, endpoint, fields), on this line alone.
        Jsonl::ValidationOptions options = m_options;
        options.buildIndex = false;
        options.threads = 1;
        options.maxDiagnostics = 20;
        // One file, one endpoint: a line edited to another url is refused like in the file.
        if (options.expectedEndpoint.isEmpty())
            options.expectedEndpoint = m_report.endpoint;
        const Jsonl::ValidationReport line = Jsonl::validateData(Jsonl::minifyJson(utf8), options);
        for (const Jsonl::Diagnostic &d : line.diagnostics) {
            if (d.isError() && problem.isEmpty())
                problem = d.message;
            else if (!d.isError() && warning.isEmpty())
                warning = d.message;
        }
    }
    const bool changed = m_viewer->toPlainText() != m_shownText;
    QString status;
    if (!problem.isEmpty())
        status = problem;
    else if (!warning.isEmpty())
        status = tr("Warning: %1").arg(warning);
    else if (changed)
        status = tr("The request is valid; Save Line writes it into the file.");
    else
        status = tr("Edit the request; it is checked as you type.");
    m_editStatus->setText(status);
    QPalette palette = m_editStatus->palette();
    palette.setColor(QPalette::WindowText,
                     problem.isEmpty() ? this->palette().color(QPalette::WindowText)
                                       : QColor(0xc6, 0x28, 0x28));
    m_editStatus->setPalette(palette);
    m_saveButton->setEnabled(problem.isEmpty() && changed && !m_saving);
}

void ValidationPage::saveEdit()
{
    const auto file = m_requests->file();
    if (!file || m_shownRow < 0 || m_saving)
        return;
    const QByteArray line = Jsonl::minifyJson(m_viewer->toPlainText().toUtf8());
    const auto index = file->sharedIndex();
    const int row = m_shownRow;
    m_saving = true;
    m_saveButton->setEnabled(false);
    m_editStatus->setText(tr("Saving line %1\u2026").arg(count(row + 1)));
    auto *watcher = new QFutureWatcher<QString>(this);
    connect(watcher, &QFutureWatcher<QString>::finished, this, [this, watcher, row] {
        watcher->deleteLater();
        const QString error = watcher->result();
        m_saving = false;
        if (!error.isEmpty()) {
            m_editStatus->setText(error);
            checkEdit();
            return;
        }
        m_shownText = m_viewer->toPlainText();
        m_editButton->setChecked(false);
        emit statusMessage(tr("Saved line %1; validating again").arg(count(row + 1)));
        // The file changed: validate again, then show the same line.
        auto connection = std::make_shared<QMetaObject::Connection>();
        *connection =
            connect(this, &ValidationPage::validatingChanged, this, [this, connection, row](bool on) {
                if (on)
                    return;
                disconnect(*connection);
                // validatingChanged(false) comes before the report is shown: show the line right after.
                QTimer::singleShot(0, this, [this, row] { showLine(row + 1); });
            });
        m_saving = true; // our own write is no surprise: onFileChanged() ignores it
        revalidate();
        m_saving = false;
    });
    watcher->setFuture(QtConcurrent::run([index, row, line]() -> QString {
        const auto result = Jsonl::replaceLine(*index, row, line);
        return result.ok() ? QString() : result.errorString();
    }));
}

void ValidationPage::watchFile(const QString &path)
{
    if (!m_fileWatcher->files().isEmpty())
        m_fileWatcher->removePaths(m_fileWatcher->files());
    m_fileWatcher->addPath(path);
}

void ValidationPage::onFileChanged()
{
    if (m_changeNoticeShown || isValidating() || m_saving)
        return;
    m_changeNoticeShown = true;
    const QFileInfo info(m_path);
    const QString text = info.exists()
        ? tr("%1 changed on disk after it was validated. The results may be out of date.")
              .arg(info.fileName())
        : tr("%1 was moved or deleted after it was validated.").arg(info.fileName());
    m_banner->showMessage(MessageBanner::Type::Warning, text,
                          info.exists() ? tr("Validate again") : QString(), [this] { revalidate(); });
    m_banner->setOwner(this);
}

void ValidationPage::saveState() const
{
    QSettings settings;
    settings.setValue(QStringLiteral("ValidationPage/splitter"), m_splitter->saveState());
    settings.setValue(QStringLiteral("ValidationPage/issuesHeader"),
                      m_issuesView->horizontalHeader()->saveState());
    settings.setValue(QStringLiteral("ValidationPage/requestsHeader"),
                      m_requestsView->horizontalHeader()->saveState());
}

void ValidationPage::restoreState()
{
    QSettings settings;
    const QByteArray splitter = settings.value(QStringLiteral("ValidationPage/splitter")).toByteArray();
    if (splitter.isEmpty() || !m_splitter->restoreState(splitter))
        m_splitter->setSizes({620, 420});
    m_issuesView->horizontalHeader()->restoreState(
        settings.value(QStringLiteral("ValidationPage/issuesHeader")).toByteArray());
    m_requestsView->horizontalHeader()->restoreState(
        settings.value(QStringLiteral("ValidationPage/requestsHeader")).toByteArray());
}

} // namespace Batchdesk::Ui
