#include "resultspage.h"

#include "appcontroller.h"
#include "builderdialog.h"
#include "columnfit.h"
#include "common/workcontrol.h"
#include "displayformat.h"
#include "filedialog.h"
#include "icons.h"
#include "jsonhighlighter.h"
#include "jsonl/requestsummary.h"
#include "messagebox.h"
#include "results/csvappend.h"
#include "results/imagesaver.h"
#include "results/prices.h"
#include "results/stagetable.h"
#include "resultscharts.h"
#include "resultsmodel.h"
#include "store/account.h"

#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QClipboard>
#include <QDialog>
#include <QDialogButtonBox>
#include <QDir>
#include <QDoubleSpinBox>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QRegularExpression>
#include <QSettings>
#include <QSignalBlocker>
#include <QSpinBox>
#include <QSplitter>
#include <QStackedWidget>
#include <QTabWidget>
#include <QTableView>
#include <QTextBrowser>
#include <QTimer>
#include <QToolButton>
#include <QUrl>
#include <QVBoxLayout>
#include <QtConcurrent>

namespace Batchdesk::Ui {

using Models::ResultsModel;
using Models::DisplayFormat::count;
using Results::Outcome;

namespace {

QString formatFilter(ResultsPage::Format f)
{
    switch (f) {
    case ResultsPage::Format::Csv:
        return QCoreApplication::translate("Batchdesk::Ui::ResultsPage", "CSV (*.csv)");
    case ResultsPage::Format::Xlsx:
        return QCoreApplication::translate("Batchdesk::Ui::ResultsPage", "Excel workbook (*.xlsx)");
    case ResultsPage::Format::Jsonl:
        return QCoreApplication::translate("Batchdesk::Ui::ResultsPage", "Joined JSONL (*.jsonl)");
    case ResultsPage::Format::Npy:
        return QCoreApplication::translate("Batchdesk::Ui::ResultsPage", "NumPy embeddings (*.npy)");
    }
    return {};
}

QString suffixOf(ResultsPage::Format f)
{
    switch (f) {
    case ResultsPage::Format::Csv:
        return QStringLiteral("csv");
    case ResultsPage::Format::Xlsx:
        return QStringLiteral("xlsx");
    case ResultsPage::Format::Jsonl:
        return QStringLiteral("jsonl");
    case ResultsPage::Format::Npy:
        return QStringLiteral("npy");
    }
    return {};
}

QToolButton *toolButton(const QString &objectName, const QString &text, const QString &iconName,
                        QWidget *parent)
{
    auto *b = new QToolButton(parent);
    b->setObjectName(objectName);
    b->setText(text);
    if (!iconName.isEmpty())
        b->setIcon(Models::icon(iconName));
    b->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    b->setAutoRaise(false);
    return b;
}

} // namespace

ResultsPage::ResultsPage(AppController *controller, QWidget *parent)
    : QWidget(parent)
    , m_controller(controller)
    , m_model(new ResultsModel(this))
    , m_title(new QLabel(this))
    , m_subtitle(new QLabel(this))
    , m_exportButton(toolButton(QStringLiteral("exportResults"), tr("Export"), QStringLiteral("file"), this))
    , m_resubmitButton(toolButton(QStringLiteral("resubmitResults"), tr("Resubmit\u2026"),
                                  QStringLiteral("refresh"), this))
    , m_deleteRemoteButton(toolButton(QStringLiteral("deleteRemoteFiles"), tr("Delete remote files\u2026"),
                                      QStringLiteral("close"), this))
    , m_stack(new QStackedWidget(this))
    , m_stateLabel(new QLabel(this))
    , m_stateProgress(new QProgressBar(this))
    , m_stateButton(new QPushButton(this))
    , m_search(new QLineEdit(this))
    , m_shownLabel(new QLabel(this))
    , m_view(new QTableView(this))
    , m_splitter(new QSplitter(Qt::Horizontal, this))
    , m_detailHeader(new QLabel(this))
    , m_detailTabs(new QTabWidget(this))
    , m_responseView(new QTextBrowser(this))
    , m_requestView(new QPlainTextEdit(this))
    , m_resultView(new QPlainTextEdit(this))
    , m_totals(new QLabel(this))
    , m_exportStrip(new QWidget(this))
    , m_exportLabel(new QLabel(this))
    , m_exportProgress(new QProgressBar(this))
{
    setObjectName(QStringLiteral("resultsPage"));
    setFocusProxy(m_view);

    // Header: title, where the data comes from, actions.
    QFont titleFont = m_title->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.25);
    titleFont.setBold(true);
    m_title->setFont(titleFont);
    m_title->setObjectName(QStringLiteral("resultsTitle"));
    m_title->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_subtitle->setObjectName(QStringLiteral("resultsSubtitle"));
    m_subtitle->setWordWrap(true);
    m_subtitle->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::LinksAccessibleByMouse
                                        | Qt::LinksAccessibleByKeyboard);
    // A later stage links to the batch it was built from ("batch:<id>").
    connect(m_subtitle, &QLabel::linkActivated, this, [this](const QString &link) {
        if (link.startsWith(QLatin1StringView("batch:")))
            showBatch(QUrl::fromPercentEncoding(link.mid(6).toUtf8()));
    });
    auto *exportMenu = new QMenu(m_exportButton);
    const QList<Format> formats {Format::Csv, Format::Xlsx, Format::Jsonl, Format::Npy};
    for (const Format f : formats) {
        QAction *all = exportMenu->addAction(formatFilter(f).section(QStringLiteral(" ("), 0, 0) + u'\u2026');
        all->setObjectName(QStringLiteral("export_") + suffixOf(f));
        connect(all, &QAction::triggered, this, [this, f] {
            QSettings().setValue(QStringLiteral("Results/exportFormat"), int(f));
            exportDialog(false);
        });
    }
    exportMenu->addSeparator();
    m_appendCsvAction = exportMenu->addAction(tr("Append to the original CSV\u2026"));
    m_appendCsvAction->setObjectName(QStringLiteral("exportAppendCsv"));
    m_appendCsvAction->setToolTip(
        tr("The spreadsheet this batch was built from, with the result columns added"));
    connect(m_appendCsvAction, &QAction::triggered, this, [this] {
        const QString manifest = manifestPath();
        if (manifest.isEmpty())
            return;
        const QFileInfo info(manifest);
        const QString base = info.fileName().chopped(int(QStringLiteral(".build.json").size()));
        const QString path = FileDialog::getSaveFileName(
            this, tr("Append results to the CSV"),
            info.absoluteDir().filePath(base + QStringLiteral("-results.csv")), tr("CSV (*.csv)"));
        if (!path.isEmpty())
            appendToCsv(path);
    });
    exportMenu->addSeparator();
    m_saveImagesAction = exportMenu->addAction(tr("Save Images\u2026"));
    m_saveImagesAction->setObjectName(QStringLiteral("saveImages"));
    m_saveImagesAction->setToolTip(
        tr("Save the generated images as files in a folder (URL answers are listed in images.csv)"));
    connect(m_saveImagesAction, &QAction::triggered, this, &ResultsPage::saveImagesDialog);
    exportMenu->addSeparator();
    QAction *shown = exportMenu->addAction(tr("Export only the rows shown\u2026"));
    shown->setObjectName(QStringLiteral("exportShown"));
    connect(shown, &QAction::triggered, this, [this] { exportDialog(true); });
    m_exportButton->setMenu(exportMenu);
    m_exportButton->setPopupMode(QToolButton::InstantPopup);
    m_exportButton->setToolTip(tr("Save the joined table as CSV, Excel, JSONL or NumPy"));
    m_resubmitButton->setToolTip(
        tr("Write the requests that did not succeed to a new JSONL file and submit it as a new batch"));
    m_deleteRemoteButton->setToolTip(
        tr("Delete the output and error files from the provider; the copies on this computer stay"));
    connect(m_resubmitButton, &QToolButton::clicked, this, &ResultsPage::resubmitDialog);
    connect(m_deleteRemoteButton, &QToolButton::clicked, this, &ResultsPage::deleteRemoteFiles);

    m_nextStageAction = new QAction(tr("Build Next Stage from These Results\u2026"), this);
    m_nextStageAction->setObjectName(QStringLiteral("buildNextStage"));
    m_nextStageAction->setIconText(tr("Next stage\u2026"));
    m_nextStageAction->setToolTip(
        tr("Build a new batch from these results: {{response}}, {{answer.label}} and "
           "the original columns in the templates"));
    connect(m_nextStageAction, &QAction::triggered, this, &ResultsPage::buildNextStage);
    auto *nextStageButton = new QToolButton(this);
    nextStageButton->setObjectName(QStringLiteral("buildNextStageButton"));
    nextStageButton->setDefaultAction(m_nextStageAction);
    nextStageButton->setToolButtonStyle(Qt::ToolButtonTextOnly);

    auto *header = new QHBoxLayout;
    auto *titles = new QVBoxLayout;
    titles->setSpacing(2);
    titles->addWidget(m_title);
    titles->addWidget(m_subtitle);
    header->addLayout(titles, 1);
    m_chartsButton = toolButton(QStringLiteral("showResultsCharts"), tr("Charts"), QString(), this);
    m_chartsButton->setCheckable(true);
    m_chartsButton->setToolTip(tr("Show or hide the charts of output tokens, finish reasons and failures"));
    header->addWidget(m_chartsButton, 0, Qt::AlignTop);
    header->addWidget(m_exportButton, 0, Qt::AlignTop);
    header->addWidget(m_resubmitButton, 0, Qt::AlignTop);
    header->addWidget(nextStageButton, 0, Qt::AlignTop);
    header->addWidget(m_deleteRemoteButton, 0, Qt::AlignTop);

    // State page: empty, downloading, joining, input unknown, failure.
    auto *statePage = new QWidget(this);
    auto *stateLayout = new QVBoxLayout(statePage);
    stateLayout->addStretch(1);
    m_stateLabel->setObjectName(QStringLiteral("resultsState"));
    m_stateLabel->setAlignment(Qt::AlignCenter);
    m_stateLabel->setWordWrap(true);
    m_stateLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_stateProgress->setObjectName(QStringLiteral("resultsStateProgress"));
    m_stateProgress->setMaximumWidth(360);
    m_stateProgress->setTextVisible(false);
    m_stateButton->setObjectName(QStringLiteral("resultsStateButton"));
    stateLayout->addWidget(m_stateLabel);
    stateLayout->addWidget(m_stateProgress, 0, Qt::AlignHCenter);
    stateLayout->addWidget(m_stateButton, 0, Qt::AlignHCenter);
    stateLayout->addStretch(2);
    connect(m_stateButton, &QPushButton::clicked, this, [this] {
        if (m_joinWatcher.isRunning()) {
            m_cancelJoin->store(true);
            return;
        }
        if (m_stateButton->property("action").toString() == QLatin1StringView("chooseInput"))
            chooseInputFile();
        else
            reload();
    });

    // Table page: chips, search, table | detail, totals.
    auto *tablePage = new QWidget(this);
    auto *chipRow = new QHBoxLayout;
    chipRow->setSpacing(6);
    for (int i = -1; i < Results::kOutcomeCount; ++i) {
        auto *chip = new QToolButton(this);
        chip->setObjectName(i < 0 ? QStringLiteral("chip_all")
                                  : QStringLiteral("chip_") + outcomeName(Outcome(i)));
        chip->setCheckable(true);
        chip->setChecked(i < 0);
        chip->setProperty("outcome", i);
        chip->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
        chip->setAutoRaise(false);
        static const char *const tips[] = {
            QT_TR_NOOP("Show the requests that succeeded (toggle; several chips can be on)"),
            QT_TR_NOOP("Show the requests that failed (toggle; several chips can be on)"),
            QT_TR_NOOP("Show the requests that expired before they ran (toggle; several chips can be on)"),
            QT_TR_NOOP("Show the requests cancelled before they ran (toggle; several chips can be on)"),
            QT_TR_NOOP("Show the requests without any result line (toggle; several chips can be on)"),
        };
        chip->setToolTip(i < 0 ? tr("Show every request") : tr(tips[i]));
        connect(chip, &QToolButton::clicked, this, [this, i] {
            // "All" clears the filter; an outcome chip toggles (its state has already changed).
            QSet<Outcome> outcomes;
            for (auto *c : std::as_const(m_chips)) {
                const int o = c->property("outcome").toInt();
                if (i >= 0 && o >= 0 && c->isChecked())
                    outcomes.insert(Outcome(o));
            }
            for (auto *c : std::as_const(m_chips)) {
                const int o = c->property("outcome").toInt();
                c->setChecked(o < 0 ? outcomes.isEmpty() : outcomes.contains(Outcome(o)));
            }
            m_model->setOutcomeFilter(outcomes);
        });
        m_chips << chip;
        chipRow->addWidget(chip);
    }
    // The bar of a chart that filters the table, as a chip that removes the filter when clicked.
    m_summaryChip = new QToolButton(this);
    m_summaryChip->setObjectName(QStringLiteral("summaryFilterChip"));
    m_summaryChip->setCheckable(true);
    m_summaryChip->setChecked(true);
    m_summaryChip->setIcon(Models::icon(QStringLiteral("close")));
    m_summaryChip->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    m_summaryChip->setLayoutDirection(Qt::RightToLeft);
    m_summaryChip->setToolTip(tr("Rows of the chart bar you clicked; click to show all rows again"));
    m_summaryChip->hide();
    connect(m_summaryChip, &QToolButton::clicked, this, [this] { setSummaryFilter({}); });
    chipRow->addWidget(m_summaryChip);
    chipRow->addSpacing(12);
    m_search->setObjectName(QStringLiteral("resultsSearch"));
    m_search->setPlaceholderText(tr("Search requests, responses and errors\u2026"));
    m_search->setClearButtonEnabled(true);
    m_search->setMinimumWidth(220);
    auto *searchTimer = new QTimer(this);
    searchTimer->setSingleShot(true);
    searchTimer->setInterval(200);
    connect(m_search, &QLineEdit::textChanged, searchTimer, qOverload<>(&QTimer::start));
    connect(searchTimer, &QTimer::timeout, this, [this] { m_model->setSearchText(m_search->text()); });
    connect(m_search, &QLineEdit::returnPressed, this, [this, searchTimer] {
        searchTimer->stop();
        m_model->setSearchText(m_search->text());
    });
    chipRow->addWidget(m_search, 1);
    m_shownLabel->setObjectName(QStringLiteral("resultsShown"));
    chipRow->addWidget(m_shownLabel);

    m_view->setObjectName(QStringLiteral("resultsView"));
    m_view->setModel(m_model);
    m_view->setSortingEnabled(true);
    m_view->horizontalHeader()->setSortIndicatorShown(true);
    m_view->horizontalHeader()->setSortIndicator(-1, Qt::AscendingOrder);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setAlternatingRowColors(true);
    m_view->setWordWrap(false);
    m_view->setTextElideMode(Qt::ElideRight);
    m_view->verticalHeader()->setVisible(false);
    m_view->verticalHeader()->setDefaultSectionSize(m_view->fontMetrics().height() + 8);
    m_view->horizontalHeader()->setStretchLastSection(true);
    m_view->horizontalHeader()->setSectionsMovable(true);
    m_view->setContextMenuPolicy(Qt::CustomContextMenu);
    m_view->setAccessibleName(tr("Joined results"));
    const QList<QPair<int, int>> widths {
        {ResultsModel::CustomIdColumn, 12},   {ResultsModel::OutcomeColumn, 11},
        {ResultsModel::StatusColumn, 5},      {ResultsModel::RequestColumn, 28},
        {ResultsModel::ResponseColumn, 34},   {ResultsModel::FinishReasonColumn, 7},
        {ResultsModel::InputTokensColumn, 8}, {ResultsModel::OutputTokensColumn, 8}};
    const int em = m_view->fontMetrics().horizontalAdvance(u'M');
    for (const auto &[column, chars] : widths)
        m_view->setColumnWidth(column, chars * em * 2 / 3);
    // Headers read like the other tables (left), and short columns are as wide as their text in every
    // language.
    m_view->horizontalHeader()->setDefaultAlignment(Qt::AlignLeft | Qt::AlignVCenter);
    auto fitShortColumns = [this] {
        QStringList outcomes;
        for (int i = 0; i < Results::kOutcomeCount; ++i)
            outcomes << Results::outcomeText(Outcome(i));
        fitColumnToText(m_view, m_view->horizontalHeader(), ResultsModel::OutcomeColumn, outcomes, true);
        for (const int column : {int(ResultsModel::StatusColumn), int(ResultsModel::FinishReasonColumn),
                                 int(ResultsModel::InputTokensColumn), int(ResultsModel::OutputTokensColumn)})
            fitColumnToText(m_view, m_view->horizontalHeader(), column);
    };
    connect(m_model, &QAbstractItemModel::modelReset, this, fitShortColumns);
    auto *copy = new QAction(tr("Copy"), m_view);
    copy->setShortcut(QKeySequence::Copy);
    copy->setShortcutContext(Qt::WidgetShortcut);
    connect(copy, &QAction::triggered, this, &ResultsPage::copySelection);
    m_view->addAction(copy);
    connect(m_view, &QWidget::customContextMenuRequested, this, [this, copy](const QPoint &pos) {
        const QModelIndex index = m_view->indexAt(pos);
        if (!index.isValid())
            return;
        QMenu menu;
        menu.addAction(tr("Copy cell"), this, [this, index] {
            QApplication::clipboard()->setText(m_model->data(index).toString());
        });
        menu.addAction(copy);
        menu.addAction(tr("Copy custom_id"), this, [this, index] {
            QApplication::clipboard()->setText(m_model->resultRow(index.row()).customId);
        });
        menu.addAction(tr("Copy response text"), this, [this, index] {
            QApplication::clipboard()->setText(m_model->resultRow(index.row()).responseText);
        });
        menu.exec(m_view->viewport()->mapToGlobal(pos));
    });

    m_detailHeader->setObjectName(QStringLiteral("resultDetailHeader"));
    m_detailHeader->setWordWrap(true);
    m_detailHeader->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_detailHeader->setTextFormat(Qt::RichText);
    m_responseView->setObjectName(QStringLiteral("responseView"));
    m_responseView->setOpenExternalLinks(true);
    m_requestView->setObjectName(QStringLiteral("requestJsonView"));
    m_resultView->setObjectName(QStringLiteral("resultJsonView"));
    for (QPlainTextEdit *edit : {m_requestView, m_resultView}) {
        edit->setReadOnly(true);
        edit->setLineWrapMode(QPlainTextEdit::NoWrap);
        edit->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
        new JsonHighlighter(edit->document());
    }
    m_detailTabs->setObjectName(QStringLiteral("resultDetailTabs"));
    m_detailTabs->addTab(m_responseView, tr("Response"));
    m_detailTabs->addTab(m_requestView, tr("Request JSON"));
    m_detailTabs->addTab(m_resultView, tr("Result JSON"));
    auto *detail = new QWidget(this);
    auto *detailLayout = new QVBoxLayout(detail);
    detailLayout->setContentsMargins(0, 0, 0, 0);
    detailLayout->addWidget(m_detailHeader);
    detailLayout->addWidget(m_detailTabs, 1);
    m_splitter->setObjectName(QStringLiteral("resultsSplitter"));
    m_splitter->addWidget(m_view);
    m_splitter->addWidget(detail);
    m_splitter->setStretchFactor(0, 3);
    m_splitter->setStretchFactor(1, 2);
    m_splitter->setChildrenCollapsible(false);

    m_totals->setObjectName(QStringLiteral("resultsTotals"));
    m_totals->setTextInteractionFlags(Qt::TextSelectableByMouse);
    auto *prices = new QPushButton(tr("Prices\u2026"), this);
    prices->setObjectName(QStringLiteral("resultsPrices"));
    prices->setToolTip(tr("Enter the price per million tokens of this model to see the cost"));
    connect(prices, &QPushButton::clicked, this, &ResultsPage::pricesDialog);
    auto *footer = new QHBoxLayout;
    footer->addWidget(m_totals, 1);
    footer->addWidget(prices);

    auto *tableLayout = new QVBoxLayout(tablePage);
    tableLayout->setContentsMargins(0, 0, 0, 0);
    tableLayout->addLayout(chipRow);
    QLayout *jsonRow = setUpJsonColumns();
    setUpPreviousStage(jsonRow);
    tableLayout->addLayout(jsonRow);
    tableLayout->addWidget(setUpCharts(m_splitter), 1);
    tableLayout->addLayout(footer);

    m_stack->addWidget(statePage);
    m_stack->addWidget(tablePage);

    // Export strip: progress and cancel of a running export.
    m_exportStrip->setObjectName(QStringLiteral("exportStrip"));
    auto *stripLayout = new QHBoxLayout(m_exportStrip);
    stripLayout->setContentsMargins(0, 0, 0, 0);
    auto *cancelExportButton = new QPushButton(tr("Cancel"), m_exportStrip);
    cancelExportButton->setObjectName(QStringLiteral("cancelExport"));
    connect(cancelExportButton, &QPushButton::clicked, this, &ResultsPage::cancelExport);
    m_exportProgress->setRange(0, 1000);
    stripLayout->addWidget(m_exportLabel);
    stripLayout->addWidget(m_exportProgress, 1);
    stripLayout->addWidget(cancelExportButton);
    m_exportStrip->hide();

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(header);
    layout->addWidget(m_stack, 1);
    layout->addWidget(m_exportStrip);

    connect(m_view->horizontalHeader(), &QHeaderView::sortIndicatorChanged, m_model,
            [this](int column, Qt::SortOrder order) { m_model->sort(column, order); });
    connect(m_model, &ResultsModel::viewChanged, this, [this] {
        m_shownLabel->setText(tr("%1 of %2 shown")
                                  .arg(count(m_model->rowCount()),
                                       count(m_model->results() ? m_model->results()->rowCount() : 0)));
        if (m_model->rowCount() > 0 && !m_view->currentIndex().isValid())
            m_view->setCurrentIndex(m_model->index(0, 0));
        updateDetail();
    });
    connect(m_model, &ResultsModel::busyChanged, this, [this](bool busy) {
        if (busy)
            m_shownLabel->setText(tr("Searching\u2026"));
    });
    connect(m_view->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &ResultsPage::updateDetail);
    connect(&m_joinWatcher, &QFutureWatcher<Joined>::finished, this, &ResultsPage::onJoined);
    connect(&m_jsonWatcher, &QFutureWatcher<JsonSplit>::finished, this, &ResultsPage::onJsonSplit);
    connect(&m_previousWatcher, &QFutureWatcher<PreviousOpened>::finished, this,
            &ResultsPage::onPreviousStageOpened);
    connect(&m_exportWatcher, &QFutureWatcher<QString>::finished, this, [this] {
        m_exportStrip->hide();
        const QString error = m_exportWatcher.result();
        const QString path = m_exportWatcher.property("path").toString();
        // The end of every long operation gives the actions back (isExporting() is false by now).
        updateActions();
        emit exportFinished(path, error);
    });
    auto *exportTimer = new QTimer(this);
    exportTimer->setInterval(100);
    connect(exportTimer, &QTimer::timeout, this, [this] {
        if (m_exportDone)
            m_exportProgress->setValue(int(m_exportDone->load()));
    });
    exportTimer->start();
    connect(controller, &AppController::resultsChanged, this, [this](const QString &batchId) {
        if (m_plan.chain.contains(batchId) || batchId == m_batchId) {
            const bool waiting = m_stack->currentIndex() == 0 && !m_joinWatcher.isRunning();
            if (waiting)
                reload();
            updateActions();
        }
        // The results of the stage this one was built from may have become joinable (or stopped being).
        if (m_stageLink && m_stack->currentIndex() == 1)
            updatePreviousStage();
    });
    connect(controller, &AppController::resultsProgress, this, [this](const QString &batchId, qint64 bytes) {
        if (m_plan.chain.contains(batchId) && m_stack->currentIndex() == 0 && !m_joinWatcher.isRunning())
            m_stateLabel->setText(tr("Downloading the results of %1\u2026 %2")
                                      .arg(batchId, Models::DisplayFormat::bytes(bytes)));
    });
    connect(controller, &AppController::currentAccountChanged, this, [this] { showBatch(QString()); });

    // Column order, widths and hidden columns are kept between sessions.
    const QByteArray headerState = QSettings().value(QStringLiteral("Results/header")).toByteArray();
    if (!headerState.isEmpty())
        m_view->horizontalHeader()->restoreState(headerState);
    // After the restore: widths saved in another language may be too narrow for this one.
    fitShortColumns();
    const auto saveHeader = [this] {
        // The JSON columns come and go with the data: the widths kept are those of the fixed columns.
        if (m_model->hasJsonColumns() || m_model->hasPreviousColumn())
            return;
        QSettings().setValue(QStringLiteral("Results/header"), m_view->horizontalHeader()->saveState());
    };
    connect(m_view->horizontalHeader(), &QHeaderView::sectionMoved, this, saveHeader);
    connect(m_view->horizontalHeader(), &QHeaderView::sectionResized, this, [this, saveHeader] {
        if (m_stack->currentIndex() == 1 && isVisible())
            saveHeader();
    });
    const QByteArray state = QSettings().value(QStringLiteral("Results/splitter")).toByteArray();
    if (!state.isEmpty())
        m_splitter->restoreState(state);
    connect(m_splitter, &QSplitter::splitterMoved, this,
            [this] { QSettings().setValue(QStringLiteral("Results/splitter"), m_splitter->saveState()); });
    showBatch(QString());
}

QWidget *ResultsPage::setUpCharts(QWidget *table)
{
    // The charts below the table, in a splitter whose sizes and visibility are kept between sessions.
    m_charts = new ResultsCharts(this);
    auto *splitter = new QSplitter(Qt::Vertical, this);
    splitter->setObjectName(QStringLiteral("resultsChartsSplitter"));
    splitter->addWidget(table);
    splitter->addWidget(m_charts);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 1);
    splitter->setChildrenCollapsible(false);
    const QByteArray state = QSettings().value(QStringLiteral("Results/chartsSplitter")).toByteArray();
    if (!state.isEmpty())
        splitter->restoreState(state);
    connect(splitter, &QSplitter::splitterMoved, this, [splitter] {
        QSettings().setValue(QStringLiteral("Results/chartsSplitter"), splitter->saveState());
    });
    const bool shown = QSettings().value(QStringLiteral("Results/charts"), true).toBool();
    m_chartsButton->setChecked(shown);
    m_charts->setVisible(shown);
    connect(m_chartsButton, &QToolButton::toggled, this, [this](bool on) {
        QSettings().setValue(QStringLiteral("Results/charts"), on);
        m_charts->setVisible(on);
    });
    connect(m_charts, &ResultsCharts::filterRequested, this, &ResultsPage::setSummaryFilter);
    return splitter;
}

void ResultsPage::setSummaryFilter(const Results::SummaryFilter &filter)
{
    m_model->setSummaryFilter(filter);
    m_charts->setActiveFilter(filter);
    m_summaryChip->setText(filter.text());
    m_summaryChip->setChecked(true);
    m_summaryChip->setVisible(!filter.isNull());
}

QLayout *ResultsPage::setUpJsonColumns()
{
    // Structured answers as columns: a switch, the JSON path of the object to split, and how many answers
    // did not parse (a chip that shows those rows).
    m_splitJson = new QCheckBox(tr("Split JSON Answers into Columns"), this);
    m_splitJson->setObjectName(QStringLiteral("splitJsonColumns"));
    m_splitJson->setToolTip(tr("Show the members of JSON answers (structured outputs, tool calls) as columns "
                               "named answer.<member>; exports then include them"));
    m_jsonPath = new QLineEdit(this);
    m_jsonPath->setObjectName(QStringLiteral("jsonColumnsPath"));
    m_jsonPath->setPlaceholderText(tr("JSON path (optional), e.g. result"));
    m_jsonPath->setToolTip(
        tr("The object whose members become the columns: member names with dots and [n] indexes; empty for "
           "the whole answer"));
    m_jsonPath->setClearButtonEnabled(true);
    m_jsonPath->setMaximumWidth(260);
    m_jsonPath->setEnabled(false);
    m_jsonStatus = new QLabel(this);
    m_jsonStatus->setObjectName(QStringLiteral("jsonColumnsStatus"));
    m_invalidJsonChip = new QToolButton(this);
    m_invalidJsonChip->setObjectName(QStringLiteral("invalidJsonChip"));
    m_invalidJsonChip->setCheckable(true);
    m_invalidJsonChip->setIcon(Models::icon(QStringLiteral("warning")));
    m_invalidJsonChip->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    m_invalidJsonChip->setToolTip(tr("Show only the rows whose answer is not JSON (toggle)"));
    m_invalidJsonChip->hide();
    connect(m_invalidJsonChip, &QToolButton::toggled, m_model, &ResultsModel::setInvalidJsonFilter);
    connect(m_splitJson, &QCheckBox::toggled, this, &ResultsPage::setSplitJson);
    connect(m_jsonPath, &QLineEdit::editingFinished, this, [this] {
        if (m_splitJson->isChecked() && m_model->results()
            && m_jsonPath->text().trimmed() != m_model->jsonColumns().options().path)
            startJsonSplit();
    });
    auto *row = new QHBoxLayout;
    row->setSpacing(6);
    row->addWidget(m_splitJson);
    row->addWidget(m_jsonPath, 1);
    row->addWidget(m_jsonStatus);
    row->addWidget(m_invalidJsonChip);
    row->addStretch(1);
    return row;
}

void ResultsPage::setSplitJson(bool on)
{
    if (m_splitJson->isChecked() != on) {
        m_splitJson->setChecked(on); // comes back here through toggled()
        return;
    }
    m_jsonPath->setEnabled(on);
    if (on) {
        startJsonSplit();
        return;
    }
    if (m_cancelJson)
        m_cancelJson->store(true);
    ++m_jsonGeneration;
    m_invalidJsonChip->setChecked(false);
    m_invalidJsonChip->hide();
    m_jsonStatus->clear();
    m_model->setJsonColumns({});
}

void ResultsPage::startJsonSplit()
{
    const auto r = m_model->results();
    if (!r)
        return;
    if (m_cancelJson)
        m_cancelJson->store(true);
    m_cancelJson = std::make_shared<std::atomic<bool>>(false);
    const int generation = ++m_jsonGeneration;
    Results::JsonColumnsOptions options;
    options.path = m_jsonPath->text().trimmed();
    m_jsonStatus->setText(tr("Finding the columns of the JSON answers…"));
    m_invalidJsonChip->setChecked(false);
    m_invalidJsonChip->hide();
    m_jsonWatcher.setProperty("generation", generation);
    m_jsonWatcher.setFuture(
        QtConcurrent::run([r, options, cancel = m_cancelJson, control = pollingControl(m_cancelJson)] {
            JsonSplit split;
            split.columns = Results::JsonColumns::discover(*r, options, control);
            if (!cancel->load())
                split.counts = Results::countJsonAnswers(*r, split.columns, control);
            split.cancelled = cancel->load();
            return split;
        }));
}

void ResultsPage::onJsonSplit()
{
    if (m_jsonWatcher.property("generation").toInt() != m_jsonGeneration || !m_splitJson->isChecked())
        return;
    const JsonSplit split = m_jsonWatcher.result();
    if (split.cancelled) {
        m_jsonStatus->clear();
        return;
    }
    m_model->setJsonColumns(split.columns);
    const int em = m_view->fontMetrics().horizontalAdvance(u'M');
    // As wide as the header and the values on screen (with room for the sort arrow), within bounds.
    for (int c = ResultsModel::ColumnCount; c < m_model->columnCount(); ++c) {
        m_view->resizeColumnToContents(c);
        m_view->setColumnWidth(c, qBound(6 * em, m_view->columnWidth(c) + em, 22 * em));
    }
    if (split.columns.isEmpty())
        m_jsonStatus->setText(split.counts.invalid > 0 ? tr("No answer is a JSON object.")
                                                       : tr("No JSON answers to split."));
    else
        m_jsonStatus->setText(
            split.columns.isFromSchema()
                ? tr("%Ln column(s) from the request's schema", nullptr, int(split.columns.columns().size()))
                : tr("%Ln column(s) from the answers", nullptr, int(split.columns.columns().size())));
    m_invalidJsonChip->setText(
        tr("%Ln row(s)' JSON did not parse", nullptr, int(qMin<qint64>(split.counts.invalid, INT_MAX))));
    m_invalidJsonChip->setVisible(split.counts.invalid > 0);
}

void ResultsPage::setUpPreviousStage(QLayout *row)
{
    // Stage 2 beside stage 1: the response the previous stage gave for the same custom_id.
    m_previousStatus = new QLabel(this);
    m_previousStatus->setObjectName(QStringLiteral("previousStageStatus"));
    m_previousStatus->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_showPrevious = new QCheckBox(tr("Show Previous Stage"), this);
    m_showPrevious->setObjectName(QStringLiteral("showPreviousStage"));
    m_showPrevious->hide();
    connect(m_showPrevious, &QCheckBox::toggled, this, &ResultsPage::setShowPreviousStage);
    row->addWidget(m_previousStatus);
    row->addWidget(m_showPrevious);
}

QString ResultsPage::previousStageStatus() const
{
    return m_previousStatus->text();
}

void ResultsPage::resetPreviousStage()
{
    if (m_cancelPrevious)
        m_cancelPrevious->store(true);
    ++m_previousGeneration;
    m_stageLink.reset();
    m_previousPlan = {};
    {
        const QSignalBlocker blocker(m_showPrevious);
        m_showPrevious->setChecked(false);
    }
    m_showPrevious->hide();
    m_previousStatus->clear();
    m_model->setPreviousStage(nullptr);
}

void ResultsPage::updatePreviousStage()
{
    // Only a link to batches can be opened here (a job link is shown in the subtitle only); planJoin() looks
    // up the saved files without reading them, and nothing is downloaded for it.
    const bool linked = m_stageLink && !m_stageLink->batchIds.isEmpty();
    m_previousPlan =
        linked ? Results::planJoin(*m_controller, m_stageLink->batchIds.first()) : Results::JoinPlan {};
    const bool ready = m_previousPlan.isReady();
    m_showPrevious->setVisible(ready || m_showPrevious->isChecked());
    if (linked)
        m_showPrevious->setToolTip(tr("Show the response of stage %1 (%2) for the same custom_id in a column "
                                      "\u201cPrevious response\u201d")
                                       .arg(m_stageLink->stage - 1)
                                       .arg(m_stageLink->batchIds.first()));
}

void ResultsPage::setShowPreviousStage(bool on)
{
    if (m_showPrevious->isChecked() != on) {
        m_showPrevious->setChecked(on); // comes back here through toggled()
        return;
    }
    if (m_cancelPrevious)
        m_cancelPrevious->store(true);
    const int generation = ++m_previousGeneration;
    if (!on) {
        m_model->setPreviousStage(nullptr);
        m_previousStatus->clear();
        updatePreviousStage();
        return;
    }
    const auto current = m_model->results();
    if (!current || !m_stageLink || !m_previousPlan.isReady()) {
        m_previousStatus->setText(
            m_stageLink ? tr("The results of the previous stage are not saved on this computer.")
                        : tr("These requests were not built from the results of a previous stage."));
        const QSignalBlocker blocker(m_showPrevious);
        m_showPrevious->setChecked(false);
        return;
    }
    m_cancelPrevious = std::make_shared<std::atomic<bool>>(false);
    m_previousStatus->setText(tr("Opening the results of stage %1\u2026").arg(m_stageLink->stage - 1));
    m_previousWatcher.setProperty("generation", generation);
    m_previousWatcher.setFuture(
        QtConcurrent::run([plan = m_previousPlan, current, cancel = m_cancelPrevious,
                           control = pollingControl(m_cancelPrevious)]() -> PreviousOpened {
            PreviousOpened out;
            const auto opened = Results::openJoin(plan, control);
            if (!opened.ok()) {
                out.previous = opened.error();
                out.cancelled = cancel->load();
                return out;
            }
            auto previous = Models::previousStageOf(opened.value().results, cancel.get());
            if (!previous) {
                out.cancelled = true;
                return out;
            }
            for (qint64 i = 0; i < current->rowCount(); ++i) {
                if ((i & 1023) == 0 && cancel->load(std::memory_order_relaxed)) {
                    out.cancelled = true;
                    return out;
                }
                if (previous->rows.contains(current->customId(i)))
                    ++out.matched;
            }
            out.previous = std::move(previous);
            return out;
        }));
}

void ResultsPage::onPreviousStageOpened()
{
    if (m_previousWatcher.property("generation").toInt() != m_previousGeneration || !m_stageLink
        || !m_showPrevious->isChecked())
        return;
    const PreviousOpened out = m_previousWatcher.result();
    if (out.cancelled) {
        m_previousStatus->clear();
        return;
    }
    const int stage = m_stageLink->stage - 1;
    if (!out.previous.ok()) {
        m_previousStatus->setText(tr("The results of stage %1 (%2) could not be opened: %3")
                                      .arg(stage)
                                      .arg(m_stageLink->batchIds.value(0), out.previous.errorString()));
        {
            const QSignalBlocker blocker(m_showPrevious);
            m_showPrevious->setChecked(false);
        }
        updatePreviousStage();
        return;
    }
    m_model->setPreviousStage(out.previous.value());
    const int column = m_model->previousColumn();
    m_view->setColumnHidden(column, false);
    m_view->setColumnWidth(column, m_view->columnWidth(ResultsModel::ResponseColumn));
    m_previousStatus->setText(tr("Stage %1: %Ln request(s) with a previous response", nullptr,
                                 int(qMin<qint64>(out.matched, INT_MAX)))
                                  .arg(stage));
}

ResultsPage::~ResultsPage()
{
    if (m_cancelPrevious)
        m_cancelPrevious->store(true);
    m_previousWatcher.waitForFinished();
    if (m_cancelJoin)
        m_cancelJoin->store(true);
    if (m_cancelJson)
        m_cancelJson->store(true);
    m_jsonWatcher.waitForFinished();
    if (m_cancelExport)
        m_cancelExport->store(true);
    m_joinWatcher.waitForFinished();
    m_exportWatcher.waitForFinished();
}

std::shared_ptr<const Results::JoinedResults> ResultsPage::results() const
{
    return m_model->results();
}

QString ResultsPage::stateText() const
{
    return m_stack->currentIndex() == 0 ? m_stateLabel->text() : QString();
}

void ResultsPage::showBatch(const QString &batchId)
{
    m_batchId = batchId;
    reload();
}

void ResultsPage::showState(const QString &text, bool showSpinner, const QString &buttonText)
{
    m_stack->setCurrentIndex(0);
    m_stateLabel->setText(text);
    m_stateProgress->setVisible(showSpinner);
    if (showSpinner)
        m_stateProgress->setRange(0, 0);
    m_stateButton->setVisible(!buttonText.isEmpty());
    m_stateButton->setText(buttonText);
}

void ResultsPage::reload()
{
    using State = Results::JoinPlan::State;
    if (m_cancelJoin)
        m_cancelJoin->store(true);
    ++m_joinGeneration;
    m_model->clear();
    setSummaryFilter({});
    m_charts->setResults(nullptr);
    if (m_cancelJson)
        m_cancelJson->store(true);
    ++m_jsonGeneration;
    m_model->setJsonColumns({});
    m_jsonStatus->clear();
    m_invalidJsonChip->hide();
    resetPreviousStage();
    m_warning.clear();
    m_stateButton->setProperty("action", QString());
    // A copy: fetchResults() below may come back into reload() (resultsChanged), which replaces m_plan.
    const Results::JoinPlan plan = Results::planJoin(*m_controller, m_batchId);
    m_plan = plan;
    if (plan.state == State::NoBatch) {
        m_title->setText(tr("Results"));
        m_subtitle->setText(tr("Joined to their requests by custom_id."));
        showState(
            tr("Select a finished batch and choose \u201cOpen results\u201d (Ctrl+R), or double-click it."));
        updateActions();
        return;
    }
    const QString root = plan.root();
    m_title->setText(
        plan.jobId.isEmpty()
            ? tr("Results of %1").arg(root)
            : tr("Results of %1 (%n batch(es))", nullptr, int(plan.roots.size())).arg(plan.jobId));
    switch (plan.state) {
    case State::NoBatch:
    case State::Ready:
        break;
    case State::SavedUnusable:
        showState(tr("The saved results of %1 cannot be used: %2\nThe provider no longer keeps "
                     "them, so they cannot be downloaded again.")
                      .arg(plan.subject, plan.detail));
        break;
    case State::SavedIncomplete:
        showState(tr("The saved results of %1 are not complete (%2). Downloading them again\u2026")
                      .arg(plan.subject, plan.detail),
                  true);
        updateActions();
        // Last: this may come back into reload() (resultsChanged).
        m_controller->fetchResults(*plan.fetch);
        return;
    case State::Downloading:
        showState(tr("Downloading the results of %1\u2026").arg(plan.subject), true);
        break;
    case State::NeedsDownload:
        m_controller->fetchResults(*plan.fetch);
        showState(tr("Downloading the results of %1\u2026").arg(plan.subject), true);
        break;
    case State::DownloadFailed:
        showState(tr("The results of %1 could not be downloaded:\n%2").arg(plan.subject, plan.detail), false,
                  tr("Try again"));
        break;
    case State::NotReady:
        showState(tr("%1 has not finished yet. Its results appear here when it has.").arg(plan.subject));
        break;
    case State::BatchFailed:
        showState(tr("%1 failed before it ran any request (see its errors in the Batches view): there are no "
                     "results.")
                      .arg(root));
        break;
    case State::NoResults:
        showState(tr("%1 has no output or error file: there are no results to show.").arg(root));
        break;
    case State::InputUnknown:
    case State::InputMoved: {
        const QString text = plan.state == State::InputUnknown
            ? tr("The input file of %1 is not known on this computer (the batch was created elsewhere).\n"
                 "Choose the .jsonl it was made from to join each result to its request.")
                  .arg(root)
            : tr("The input file of %1 is no longer at %2.\nChoose where it is now to join the results to "
                 "their requests.")
                  .arg(root, QDir::toNativeSeparators(plan.inputPath));
        showState(text, false, tr("Choose input file\u2026"));
        m_stateButton->setProperty("action", QStringLiteral("chooseInput"));
        break;
    }
    case State::PartInputMissing:
        showState(tr("A part of %1 is no longer at %2: its results cannot be joined.")
                      .arg(plan.jobId, QDir::toNativeSeparators(plan.missingInput)));
        break;
    }
    if (plan.state != State::Ready) {
        updateActions();
        return;
    }
    startJoin();
}

void ResultsPage::startJoin()
{
    showState(tr("Joining the results with %1\u2026").arg(QFileInfo(m_plan.inputPath).fileName()), true,
              tr("Cancel"));
    m_stateProgress->setRange(0, 1000);
    m_stateProgress->setValue(0);
    m_cancelJoin = std::make_shared<std::atomic<bool>>(false);
    m_kinds = {};
    resetPreviousStage();
    auto done = std::make_shared<std::atomic<qint64>>(0);
    auto *timer = new QTimer(this);
    timer->setInterval(50);
    connect(timer, &QTimer::timeout, this, [this, timer, done] {
        if (!m_joinWatcher.isRunning()) {
            timer->deleteLater();
            return;
        }
        m_stateProgress->setValue(int(done->load()));
    });
    timer->start();
    m_joinWatcher.setProperty("generation", m_joinGeneration);
    m_joinWatcher.setFuture(
        QtConcurrent::run([plan = m_plan, control = pollingControl(m_cancelJoin, done)]() -> Joined {
            Joined joined {Results::openJoin(plan, control), {}};
            if (joined.opened.ok())
                joined.kinds = Results::resultKinds(*joined.opened.value().results);
            return joined;
        }));
    updateActions();
}

void ResultsPage::onJoined()
{
    if (m_joinWatcher.property("generation").toInt() != m_joinGeneration)
        return;
    const Joined joined = m_joinWatcher.result();
    if (!joined.opened.ok()) {
        if (m_cancelJoin && m_cancelJoin->load())
            showState(tr("Joining was cancelled."), false, tr("Join again"));
        else
            showState(tr("The results could not be joined: %1").arg(joined.opened.errorString()), false,
                      tr("Try again"));
        updateActions();
        emit loaded();
        return;
    }
    const Results::OpenedJoin &opened = joined.opened.value();
    m_model->setResults(opened.results);
    m_charts->setResults(opened.results);
    if (m_splitJson->isChecked())
        startJsonSplit();
    // The columns of moderations, images and videos are shown only for such batches.
    m_kinds = joined.kinds;
    m_view->setColumnHidden(Models::ResultsModel::FlaggedColumn, !m_kinds.moderations);
    m_view->setColumnHidden(Models::ResultsModel::CategoriesColumn, !m_kinds.moderations);
    m_view->setColumnHidden(Models::ResultsModel::ImagesColumn, !m_kinds.images);
    m_view->setColumnHidden(Models::ResultsModel::VideoColumn, !m_kinds.videos);
    const auto &totals = opened.results->totals();
    QStringList notes;
    if (m_plan.partInputs.size() > 1)
        notes << tr("Input %1 and %n more part(s)", nullptr, int(m_plan.partInputs.size() - 1))
                     .arg(QDir::toNativeSeparators(m_plan.partInputs.first()));
    else
        notes << tr("Input %1").arg(QDir::toNativeSeparators(m_plan.inputPath));
    // The stage link of a chained build (its manifest's "source"): where this stage's requests came from.
    const auto stage =
        Results::previousStage(m_plan.partInputs.isEmpty() ? m_plan.inputPath : m_plan.partInputs.first());
    m_stageLink = stage;
    if (stage) {
        QString from;
        if (!stage->jobId.isEmpty())
            from = tr("job %1").arg(stage->jobId).toHtmlEscaped();
        else {
            QStringList links;
            for (const QString &id : stage->batchIds)
                links << QStringLiteral("<a href=\"batch:%1\">%2</a>")
                             .arg(QString::fromLatin1(QUrl::toPercentEncoding(id)), id.toHtmlEscaped());
            from = links.join(QStringLiteral(", "));
        }
        notes << QStringLiteral("<!--stage-->")
                + tr("Stage %1, built from the results of %2").arg(stage->stage).toHtmlEscaped().arg(from);
    }
    if (m_plan.chain.size() > 1)
        notes << tr("%n resubmit(s) joined; each request shows its latest result", nullptr,
                    int(m_plan.chain.size() - 1));
    if (totals.extraRows > 0)
        notes << QStringLiteral("<b>")
                + tr("%Ln result(s) for requests not in this input, listed last and not counted", nullptr,
                     int(totals.extraRows))
                      .toHtmlEscaped()
                + QStringLiteral("</b>");
    if (totals.duplicateResultLines > 0)
        notes << QStringLiteral("<b>")
                + tr("%Ln result line(s) repeat a custom_id of the same file; the last one is shown", nullptr,
                     int(totals.duplicateResultLines))
                      .toHtmlEscaped()
                + QStringLiteral("</b>");
    if (opened.inputChanged) {
        m_warning = tr("The input file changed since the batch was submitted: results may not match these "
                       "requests.");
        notes << QStringLiteral("<b>") + m_warning.toHtmlEscaped() + QStringLiteral("</b>");
    }
    QStringList escaped;
    for (const QString &n : std::as_const(notes))
        escaped << (n.startsWith(QLatin1StringView("<b>"))                ? n
                        : n.startsWith(QLatin1StringView("<!--stage-->")) ? n.mid(12)
                                                                          : n.toHtmlEscaped());
    m_subtitle->setText(escaped.join(QStringLiteral(" \u00b7 ")));
    m_stack->setCurrentIndex(1);
    updateChips();
    updateTotals();
    updateActions();
    // Narrow columns fit their contents (only the rows on screen are measured); text columns keep their
    // width.
    // Narrow columns fit their contents once; after that the user's widths are kept (Results/header).
    const int maxId = m_view->fontMetrics().horizontalAdvance(QString(28, u'm'));
    const bool userWidths = QSettings().contains(QStringLiteral("Results/header"));
    for (const int column : {int(ResultsModel::CustomIdColumn), int(ResultsModel::OutcomeColumn),
                             int(ResultsModel::StatusColumn), int(ResultsModel::FinishReasonColumn),
                             int(ResultsModel::InputTokensColumn), int(ResultsModel::OutputTokensColumn)}) {
        if (userWidths)
            break;
        m_view->resizeColumnToContents(column);
        m_view->setColumnWidth(column, qMin(maxId, m_view->columnWidth(column) + 8));
    }
    updatePreviousStage();
    m_view->setFocus();
    emit loaded();
}

void ResultsPage::updateChips()
{
    const auto r = m_model->results();
    for (auto *chip : std::as_const(m_chips)) {
        const int o = chip->property("outcome").toInt();
        if (o < 0) {
            chip->setText(tr("All %1").arg(count(r ? r->rowCount() : 0)));
            continue;
        }
        const qint64 n = r ? r->totals().count(Outcome(o)) : 0;
        chip->setText(QStringLiteral("%1 %2").arg(outcomeText(Outcome(o)), count(n)));
        chip->setIcon(Models::icon(o == int(Outcome::Succeeded)       ? QStringLiteral("ok")
                                       : o == int(Outcome::Failed)    ? QStringLiteral("error")
                                       : o == int(Outcome::Cancelled) ? QStringLiteral("cancel")
                                       : o == int(Outcome::Expired)   ? QStringLiteral("warning")
                                                                      : QStringLiteral("info")));
        chip->setVisible(n > 0 || o <= int(Outcome::Failed));
    }
}

QString ResultsPage::modelName() const
{
    const auto r = m_model->results();
    if (!r)
        return {};
    const auto b = m_controller->batchById(m_plan.chain.value(0));
    return Results::costModel(*r, b ? b->model : QString());
}

std::optional<double> ResultsPage::estimatedCost() const
{
    const auto r = m_model->results();
    if (!r)
        return std::nullopt;
    return Results::estimatedCost(r->totals(), modelName());
}

void ResultsPage::updateTotals()
{
    const auto r = m_model->results();
    if (!r) {
        m_totals->clear();
        return;
    }
    const auto &t = r->totals();
    QStringList parts;
    parts << tr("%Ln request(s)", nullptr, int(qMin<qint64>(t.rows, INT_MAX)));
    parts << tr("%1 input tokens, %2 output tokens").arg(count(t.inputTokens), count(t.outputTokens));
    if (const auto cost = estimatedCost())
        parts << tr("cost \u2248 %1")
                     .arg(QLocale().toCurrencyString(*cost, QStringLiteral("$"), *cost < 1 ? 4 : 2));
    else
        parts << (modelName().isEmpty() ? tr("no price entered for this model")
                                        : tr("no price entered for %1").arg(modelName()));
    m_totals->setText(parts.join(QStringLiteral(" \u00b7 ")));
}

void ResultsPage::updateActions()
{
    const bool haveRows = m_model->results() != nullptr;
    const bool busy = isExporting() || m_writingResubmit;
    m_exportButton->setEnabled(haveRows && !busy);
    m_appendCsvAction->setEnabled(haveRows && !busy && !manifestPath().isEmpty());
    m_saveImagesAction->setEnabled(haveRows && !busy && m_kinds.images);
    m_resubmitButton->setEnabled(haveRows && !busy && m_model->results()->rowCount() > 0);
    m_nextStageAction->setEnabled(haveRows && !busy && m_model->results()->rowCount() > 0);
    bool canDelete = false;
    for (const QString &id : std::as_const(m_plan.chain)) {
        const auto d = m_controller->resultDownload(id);
        if (d && !d->remoteDeleted && (!d->outputFileId.isEmpty() || !d->errorFileId.isEmpty()))
            canDelete = true;
    }
    m_deleteRemoteButton->setEnabled(canDelete);
    m_deleteRemoteButton->setVisible(!m_plan.chain.isEmpty());
}

void ResultsPage::updateDetail()
{
    const QModelIndex current = m_view->currentIndex();
    if (!current.isValid() || !m_model->results()) {
        m_detailHeader->setText(tr("Select a row to see its request and response."));
        m_responseView->clear();
        m_requestView->clear();
        m_resultView->clear();
        return;
    }
    const auto r = m_model->results();
    const qint64 source = m_model->sourceRow(current.row());
    const Results::ResultRow row = m_model->resultRow(current.row());
    QStringList facts;
    facts << QStringLiteral("<b>%1</b>").arg(row.customId.toHtmlEscaped());
    facts << outcomeText(row.outcome).toHtmlEscaped();
    if (row.httpStatus > 0)
        facts << tr("HTTP %1").arg(row.httpStatus);
    if (row.inInput())
        facts << tr("line %1").arg(count(row.inputLine + 1));
    else
        facts << tr("not in the input file");
    if (!row.finishReason.isEmpty())
        facts << tr("finish: %1").arg(row.finishReason.toHtmlEscaped());
    if (row.inputTokens >= 0 || row.outputTokens >= 0)
        facts << tr("%1 in / %2 out tokens")
                     .arg(count(qMax<qint64>(0, row.inputTokens)), count(qMax<qint64>(0, row.outputTokens)));
    QString header = facts.join(QStringLiteral(" \u00b7 "));
    if (!row.errorCode.isEmpty() || !row.errorMessage.isEmpty())
        header += QStringLiteral("<br><span style='color:#c62828'>%1</span>")
                      .arg((row.errorCode.isEmpty() ? row.errorMessage
                                                    : row.errorCode + QStringLiteral(": ") + row.errorMessage)
                               .toHtmlEscaped());
    m_detailHeader->setText(header);
    if (row.responseText.isEmpty())
        m_responseView->setPlainText(row.outcome == Outcome::Succeeded ? tr("(empty response)")
                                                                       : tr("(no response)"));
    else if (row.embeddingCount > 0)
        m_responseView->setPlainText(row.responseText);
    else
        m_responseView->setMarkdown(row.responseText);
    const auto request = r->requestLine(source);
    m_requestView->setPlainText(request.ok() && !request.value().isEmpty()
                                    ? Jsonl::prettyJson(request.value())
                                    : tr("(not in the input file)"));
    const auto result = r->resultLine(source);
    m_resultView->setPlainText(result.ok() && !result.value().isEmpty() ? Jsonl::prettyJson(result.value())
                                                                        : tr("(no result line)"));
}

void ResultsPage::copySelection()
{
    const QModelIndexList rows = m_view->selectionModel()->selectedRows();
    QStringList lines;
    for (const QModelIndex &index : rows)
        lines << m_model->rowText(index.row());
    if (lines.isEmpty() && m_view->currentIndex().isValid())
        lines << m_model->data(m_view->currentIndex()).toString();
    if (!lines.isEmpty())
        QApplication::clipboard()->setText(lines.join(u'\n'));
}

void ResultsPage::exportDialog(bool onlyShownRows)
{
    if (!m_model->results())
        return;
    const Format preferred = Format(QSettings().value(QStringLiteral("Results/exportFormat"), 0).toInt());
    QStringList filters;
    for (const Format f : {Format::Csv, Format::Xlsx, Format::Jsonl, Format::Npy})
        filters << formatFilter(f);
    QString selected = formatFilter(preferred);
    const QString base =
        QFileInfo(m_plan.inputPath).completeBaseName() + QStringLiteral("-results.") + suffixOf(preferred);
    const QString suggested = QFileInfo(m_plan.inputPath).absoluteDir().filePath(base);
    QString path =
        FileDialog::getSaveFileName(this, onlyShownRows ? tr("Export the rows shown") : tr("Export results"),
                                    suggested, filters.join(QStringLiteral(";;")), &selected);
    if (path.isEmpty())
        return;
    Format format = preferred;
    const QString suffix = QFileInfo(path).suffix().toLower();
    bool bySuffix = false;
    for (const Format f : {Format::Csv, Format::Xlsx, Format::Jsonl, Format::Npy}) {
        if (suffix == suffixOf(f)) {
            format = f;
            bySuffix = true;
        }
    }
    if (!bySuffix) {
        for (const Format f : {Format::Csv, Format::Xlsx, Format::Jsonl, Format::Npy}) {
            if (selected == formatFilter(f))
                format = f;
        }
        path += u'.' + suffixOf(format);
    }
    exportTo(path, format, onlyShownRows, format == Format::Csv);
}

void ResultsPage::exportTo(const QString &path, Format format, bool onlyShownRows, bool csvBom)
{
    const auto r = m_model->results();
    if (!r || isExporting())
        return;
    Results::ExportOptions options;
    options.csvBom = csvBom;
    // The columns the table shows are the columns the file gets.
    if (m_splitJson->isChecked())
        options.jsonColumns = m_model->jsonColumns();
    if (onlyShownRows) {
        options.rows = m_model->visibleRows();
        if (options.rows.isEmpty()) {
            emit exportFinished(path, tr("No rows are shown: nothing to export."));
            return;
        }
    }
    m_cancelExport = std::make_shared<std::atomic<bool>>(false);
    m_exportDone = std::make_shared<std::atomic<qint64>>(0);
    m_exportLabel->setText(tr("Exporting to %1\u2026").arg(QFileInfo(path).fileName()));
    m_exportProgress->setValue(0);
    m_exportStrip->show();
    m_exportWatcher.setProperty("path", path);
    m_exportWatcher.setFuture(QtConcurrent::run(
        [r, path, format, options, control = pollingControl(m_cancelExport, m_exportDone)]() -> QString {
            Result<Results::ExportReport> report = Error {};
            switch (format) {
            case Format::Csv:
                report = Results::exportCsv(*r, path, options, control);
                break;
            case Format::Xlsx:
                report = Results::exportXlsx(*r, path, options, control);
                break;
            case Format::Jsonl:
                report = Results::exportJsonl(*r, path, options, control);
                break;
            case Format::Npy:
                report = Results::exportNpy(*r, path, options, control);
                break;
            }
            return report.ok() ? QString() : report.errorString();
        }));
    updateActions();
}

void ResultsPage::saveImagesDialog()
{
    if (!m_model->results() || !m_kinds.images)
        return;
    const QString dir = FileDialog::getExistingDirectory(this, tr("Save the images to"));
    if (!dir.isEmpty())
        saveImagesTo(dir);
}

void ResultsPage::saveImagesTo(const QString &dir)
{
    const auto r = m_model->results();
    if (!r || isExporting())
        return;
    m_cancelExport = std::make_shared<std::atomic<bool>>(false);
    m_exportDone = std::make_shared<std::atomic<qint64>>(0);
    m_exportLabel->setText(tr("Saving images to %1\u2026").arg(QDir::toNativeSeparators(dir)));
    m_exportProgress->setValue(0);
    m_exportStrip->show();
    m_exportWatcher.setProperty("path", dir);
    m_exportWatcher.setFuture(
        QtConcurrent::run([r, dir, control = pollingControl(m_cancelExport, m_exportDone)]() -> QString {
            const auto report = Results::saveImages(*r, dir, control);
            return report.ok() ? QString() : report.errorString();
        }));
    updateActions();
}

QString ResultsPage::manifestPath() const
{
    const QString input = m_plan.partInputs.isEmpty() ? m_plan.inputPath : m_plan.partInputs.first();
    if (input.isEmpty())
        return {};
    QString base = input;
    if (base.endsWith(QLatin1StringView(".jsonl")))
        base.chop(6);
    // A part of a split build: <base>-001.jsonl.
    static const QRegularExpression part(QStringLiteral("-\\d{3}$"));
    for (const QString &candidate : {base, QString(base).remove(part)}) {
        const QString manifest = candidate + QStringLiteral(".build.json");
        if (QFileInfo::exists(manifest))
            return manifest;
    }
    return {};
}

void ResultsPage::appendToCsv(const QString &path)
{
    const QString manifest = manifestPath();
    if (manifest.isEmpty() || isExporting())
        return;
    m_cancelExport = std::make_shared<std::atomic<bool>>(false);
    m_exportDone = std::make_shared<std::atomic<qint64>>(0);
    m_exportLabel->setText(tr("Writing %1\u2026").arg(QFileInfo(path).fileName()));
    m_exportProgress->setValue(0);
    m_exportStrip->show();
    m_exportWatcher.setProperty("path", path);
    m_exportWatcher.setFuture(
        QtConcurrent::run([manifest, files = m_plan.resultFiles, path,
                           control = pollingControl(m_cancelExport, m_exportDone)]() -> QString {
            const auto report = Results::appendResultsToCsv(manifest, files, path, {}, control);
            return report.ok() ? QString() : report.errorString();
        }));
    updateActions();
}

void ResultsPage::cancelExport()
{
    if (m_cancelExport)
        m_cancelExport->store(true);
}

void ResultsPage::writeResubmit(const QString &path, const QSet<Outcome> &outcomes)
{
    const auto r = m_model->results();
    if (!r)
        return;
    const QString parent = m_plan.chain.isEmpty() ? m_batchId : m_plan.chain.last();
    auto *watcher = new QFutureWatcher<QString>(this);
    m_writingResubmit = true;
    updateActions();
    connect(watcher, &QFutureWatcher<QString>::finished, this, [this, watcher, path, parent] {
        watcher->deleteLater();
        m_writingResubmit = false;
        updateActions();
        const QString error = watcher->result();
        if (error.isEmpty())
            emit resubmitReady(path, parent);
        else
            emit resubmitFailed(error);
    });
    watcher->setFuture(QtConcurrent::run([r, path, outcomes]() -> QString {
        const auto report = Results::writeResubmit(*r, path, outcomes);
        if (report.ok())
            return {};
        if (report.error().code == QLatin1StringView("empty"))
            return QCoreApplication::translate(
                "Batchdesk::Ui::ResultsPage",
                "No request has one of the chosen outcomes: nothing to resubmit.");
        return report.errorString();
    }));
}

void ResultsPage::resubmitDialog()
{
    const auto r = m_model->results();
    if (!r)
        return;
    QDialog dialog(this);
    dialog.setObjectName(QStringLiteral("resubmitDialog"));
    dialog.setWindowTitle(tr("Resubmit requests"));
    fitWidthToTitle(&dialog, 440);
    auto *layout = new QVBoxLayout(&dialog);
    auto *intro =
        new QLabel(tr("Write the original request lines of these outcomes to a new JSONL file and open "
                      "it for submission. Its results join back onto this table."),
                   &dialog);
    intro->setWordWrap(true);
    layout->addWidget(intro);
    QList<QCheckBox *> boxes;
    const QSet<Outcome> defaults = Results::defaultResubmitOutcomes();
    for (int i = 0; i < Results::kOutcomeCount; ++i) {
        const qint64 n = r->totals().count(Outcome(i));
        auto *box = new QCheckBox(QStringLiteral("%1 (%2)").arg(outcomeText(Outcome(i)), count(n)), &dialog);
        box->setObjectName(QStringLiteral("resubmit_") + outcomeName(Outcome(i)));
        box->setChecked(defaults.contains(Outcome(i)) && n > 0);
        box->setEnabled(n > 0);
        box->setProperty("outcome", i);
        boxes << box;
        layout->addWidget(box);
    }
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, &dialog);
    buttons->button(QDialogButtonBox::Ok)->setText(tr("Write file\u2026"));
    connect(buttons, &QDialogButtonBox::accepted, &dialog, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, &dialog, &QDialog::reject);
    layout->addWidget(buttons);
    if (dialog.exec() != QDialog::Accepted)
        return;
    QSet<Outcome> outcomes;
    for (auto *box : std::as_const(boxes)) {
        if (box->isChecked())
            outcomes.insert(Outcome(box->property("outcome").toInt()));
    }
    if (outcomes.isEmpty())
        return;
    const QFileInfo input(m_plan.inputPath);
    QString suggested;
    for (int n = 1; n < 1000; ++n) {
        suggested = input.absoluteDir().filePath(
            QStringLiteral("%1-resubmit-%2.jsonl").arg(input.completeBaseName()).arg(n));
        if (!QFileInfo::exists(suggested))
            break;
    }
    const QString path = FileDialog::getSaveFileName(this, tr("Write the resubmit file"), suggested,
                                                     tr("JSON Lines (*.jsonl)"));
    if (!path.isEmpty())
        writeResubmit(path, outcomes);
}

void ResultsPage::pricesDialog()
{
    const QString model = modelName();
    if (model.isEmpty())
        return;
    const auto account = m_controller->currentAccount();
    const int defaultDiscount =
        Results::defaultBatchDiscount(account ? account->preset : Store::Preset::DeepInfra);
    const Results::ModelPrice stored = Results::storedPrice(model, defaultDiscount)
                                           .value_or(Results::ModelPrice {0, 0, double(defaultDiscount)});
    QDialog dialog(this);
    dialog.setObjectName(QStringLiteral("pricesDialog"));
    dialog.setWindowTitle(tr("Prices of %1").arg(model));
    fitWidthToTitle(&dialog);
    auto *form = new QFormLayout(&dialog);
    auto priceBox = [&dialog](double value) {
        auto *box = new QDoubleSpinBox(&dialog);
        box->setDecimals(4);
        box->setRange(0, 1000);
        box->setPrefix(QStringLiteral("$ "));
        box->setValue(value);
        return box;
    };
    auto *in = priceBox(stored.inputPerMillion);
    in->setObjectName(QStringLiteral("priceInput"));
    auto *out = priceBox(stored.outputPerMillion);
    out->setObjectName(QStringLiteral("priceOutput"));
    auto *discount = new QSpinBox(&dialog);
    discount->setObjectName(QStringLiteral("priceDiscount"));
    discount->setRange(0, 100);
    discount->setSuffix(QStringLiteral(" %"));
    discount->setValue(int(stored.discountPercent));
    form->addRow(new QLabel(tr("Real-time prices per million tokens; the batch discount is applied to them."),
                            &dialog));
    form->addRow(tr("&Input tokens:"), in);
    form->addRow(tr("&Output tokens:"), out);
    form->addRow(tr("&Batch discount:"), discount);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, &dialog);
    connect(buttons, &QDialogButtonBox::accepted, &dialog, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, &dialog, &QDialog::reject);
    form->addRow(buttons);
    if (dialog.exec() != QDialog::Accepted)
        return;
    Results::storePrice(model, {in->value(), out->value(), double(discount->value())});
    updateTotals();
}

void ResultsPage::deleteRemoteFiles()
{
    QStringList ids;
    for (const QString &id : std::as_const(m_plan.chain)) {
        const auto d = m_controller->resultDownload(id);
        if (d && !d->remoteDeleted)
            ids << id;
    }
    if (ids.isEmpty())
        return;
    const auto answer = MessageBox::confirm(
        this, tr("Delete remote files"),
        tr("Delete the output and error files of %1 from the provider?\n\nThe copies on this computer stay, "
           "so this table keeps working. The provider's storage is freed.")
            .arg(ids.join(QStringLiteral(", "))),
        tr("Delete"), tr("Keep"), QMessageBox::No, QMessageBox::Warning);
    if (answer != QMessageBox::Yes)
        return;
    for (const QString &id : std::as_const(ids)) {
        m_controller->deleteRemoteFiles(id, [this](const QString &error) {
            if (!error.isEmpty())
                MessageBox::warning(this, tr("Delete remote files"), error);
            updateActions();
        });
    }
}

void ResultsPage::chooseInputFile()
{
    const QString path =
        FileDialog::getOpenFileName(this, tr("Choose the input file of %1").arg(m_plan.chain.value(0)),
                                    tr("JSON Lines (*.jsonl *.json);;All files (*)"));
    if (path.isEmpty())
        return;
    m_controller->setInputPath(m_plan.chain.value(0), path);
    reload();
}

void ResultsPage::buildNextStage()
{
    const auto joined = results();
    if (!joined)
        return;
    const auto account = m_controller->currentAccount();
    const auto profile = Jsonl::LimitProfile::byName(account ? account->limitProfile : QString())
                             .value_or(Jsonl::LimitProfile::deepinfra());
    auto *dialog = new BuilderDialog(m_controller, profile, window());
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    const bool job = !m_plan.jobId.isEmpty();
    dialog->loadResults(joined,
                        job ? tr("Results of job %1").arg(m_plan.jobId) : tr("Results of %1").arg(m_batchId),
                        job ? QStringList() : m_plan.chain, m_plan.jobId);
    emit builderOpened(dialog);
    dialog->show();
}

} // namespace Batchdesk::Ui
