#include "batchdetail.h"

#include "appcontroller.h"
#include "batchtablemodel.h"
#include "displayformat.h"
#include "icons.h"
#include "idfield.h"
#include "monitor/batchmonitor.h"
#include "monitor/progresscurve.h"
#include "progressdelegate.h"

#include <QChart>
#include <QChartView>
#include <QDateTime>
#include <QDateTimeAxis>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineSeries>
#include <QLocale>
#include <QStackedWidget>
#include <QTabWidget>
#include <QToolButton>
#include <QTreeWidget>
#include <QVBoxLayout>
#include <QValueAxis>

namespace Batchdesk::Ui {

using Models::BatchTableModel;
using Models::DisplayFormat::count;

namespace {

QString timeText(std::optional<qint64> seconds)
{
    if (!seconds || *seconds <= 0)
        return QStringLiteral("\u2014");
    return QLocale().toString(QDateTime::fromSecsSinceEpoch(*seconds), QLocale::ShortFormat);
}

QLabel *dimLabel(const QString &text, QWidget *parent)
{
    auto *label = new QLabel(text, parent);
    QPalette p = label->palette();
    p.setColor(QPalette::WindowText, p.color(QPalette::PlaceholderText));
    label->setPalette(p);
    return label;
}

void clearForm(QFormLayout *form)
{
    while (form->rowCount() > 0)
        form->removeRow(0);
}

QLabel *valueLabel(const QString &text)
{
    auto *label = new QLabel(text);
    label->setAlignment(Qt::AlignRight | Qt::AlignVCenter);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    return label;
}

} // namespace

BatchDetail::BatchDetail(AppController *controller, QWidget *parent)
    : QWidget(parent)
    , m_controller(controller)
    , m_stack(new QStackedWidget(this))
{
    setObjectName(QStringLiteral("batchDetail"));

    auto *empty =
        new QLabel(tr("Select a batch to see its progress, timestamps, files and errors."), m_stack);
    empty->setObjectName(QStringLiteral("batchDetailEmpty"));
    empty->setAlignment(Qt::AlignCenter);
    empty->setWordWrap(true);
    empty->setMargin(24);
    QPalette dim = empty->palette();
    dim.setColor(QPalette::WindowText, dim.color(QPalette::PlaceholderText));
    empty->setPalette(dim);
    m_stack->addWidget(empty);

    auto *content = new QWidget(m_stack);
    m_statusIcon = new QLabel(content);
    m_statusIcon->setFixedSize(18, 18);
    m_status = new QLabel(content);
    m_status->setObjectName(QStringLiteral("detailStatus"));
    QFont bold = m_status->font();
    bold.setBold(true);
    m_status->setFont(bold);
    m_id = new IdField(QStringLiteral("detailBatchId"), content);
    m_description = new QLabel(content);
    m_description->setObjectName(QStringLiteral("detailDescription"));
    m_description->setWordWrap(true);
    QFont big = m_description->font();
    big.setPointSizeF(big.pointSizeF() * 1.2);
    m_description->setFont(big);
    m_counts = new QLabel(content);
    m_counts->setObjectName(QStringLiteral("detailCounts"));
    m_failedEta = new QLabel(content);
    m_failedEta->setObjectName(QStringLiteral("detailEta"));
    m_deadline = dimLabel(QString(), content);
    m_deadline->setObjectName(QStringLiteral("detailDeadline"));
    // The pane is narrow: long lines ("Endpoint … · model …") wrap instead of being cut.
    for (QLabel *label : {m_counts, m_failedEta, m_deadline})
        label->setWordWrap(true);
    m_resultsNote = new QLabel(content);
    m_resultsNote->setObjectName(QStringLiteral("detailResultsNote"));
    m_resultsNote->setWordWrap(true);
    m_resultsNote->setTextFormat(Qt::RichText);
    m_openResults = new QToolButton(content);
    m_openResults->setObjectName(QStringLiteral("detailOpenResults"));
    m_openResults->setText(tr("Open results"));
    m_openResults->setIcon(Models::icon(QStringLiteral("ok")));
    m_openResults->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    connect(m_openResults, &QToolButton::clicked, this, [this] { emit openResultsRequested(m_batchId); });
    connect(controller, &AppController::resultsChanged, this, [this](const QString &batchId) {
        if (batchId == m_batchId)
            refresh();
    });

    auto *statusRow = new QHBoxLayout;
    statusRow->setSpacing(6);
    statusRow->addWidget(m_statusIcon);
    statusRow->addWidget(m_status);
    statusRow->addStretch(1);

    // Progress over time: requests done (and failed) per sample, and a dashed line to the projected finish.
    auto *chart = new QChart;
    chart->legend()->setVisible(true);
    chart->legend()->setAlignment(Qt::AlignBottom);
    chart->setMargins(QMargins(2, 2, 2, 2));
    chart->setBackgroundRoundness(3);
    chart->setTitle(tr("Progress over time"));
    m_doneSeries = new QLineSeries(chart);
    m_doneSeries->setName(tr("Done"));
    m_failedSeries = new QLineSeries(chart);
    m_failedSeries->setName(tr("Failed"));
    m_projection = new QLineSeries(chart);
    m_projection->setName(tr("Projected"));
    chart->addSeries(m_doneSeries);
    chart->addSeries(m_failedSeries);
    chart->addSeries(m_projection);
    m_timeAxis = new QDateTimeAxis(chart);
    m_timeAxis->setFormat(QStringLiteral("HH:mm"));
    m_timeAxis->setTickCount(4);
    m_countAxis = new QValueAxis(chart);
    m_countAxis->setLabelFormat(QStringLiteral("%d"));
    m_countAxis->setTickCount(3);
    chart->addAxis(m_timeAxis, Qt::AlignBottom);
    chart->addAxis(m_countAxis, Qt::AlignLeft);
    for (QLineSeries *s : {m_doneSeries, m_failedSeries, m_projection}) {
        s->attachAxis(m_timeAxis);
        s->attachAxis(m_countAxis);
    }
    m_chartView = new QChartView(chart, content);
    m_chartView->setObjectName(QStringLiteral("progressChart"));
    m_chartView->setRenderHint(QPainter::Antialiasing);
    m_chartView->setMinimumHeight(170);
    m_chartView->setFrameShape(QFrame::NoFrame);

    m_tabs = new QTabWidget(content);
    m_tabs->setObjectName(QStringLiteral("batchDetailTabs"));
    m_tabs->setDocumentMode(true);
    // Every tab stays readable: the pane is at least as wide as the tab names (no scroll arrows hiding
    // "Errors").
    m_tabs->setUsesScrollButtons(false);
    m_tabs->setElideMode(Qt::ElideNone);
    auto *timesPage = new QWidget;
    m_times = new QFormLayout(timesPage);
    m_tabs->addTab(timesPage, tr("Times"));
    auto *usagePage = new QWidget;
    m_usage = new QFormLayout(usagePage);
    m_tabs->addTab(usagePage, tr("Usage"));
    m_metadata = new QTreeWidget;
    m_metadata->setObjectName(QStringLiteral("detailMetadata"));
    m_metadata->setHeaderLabels({tr("Key"), tr("Value")});
    m_metadata->setRootIsDecorated(false);
    m_metadata->setFrameShape(QFrame::NoFrame);
    m_tabs->addTab(m_metadata, tr("Metadata"));
    auto *filesPage = new QWidget;
    auto *files = new QFormLayout(filesPage);
    m_inputFile = new IdField(QStringLiteral("detailInputFile"), filesPage);
    m_outputFile = new IdField(QStringLiteral("detailOutputFile"), filesPage);
    m_errorFile = new IdField(QStringLiteral("detailErrorFile"), filesPage);
    m_inputPath = new QLabel(filesPage);
    m_inputPath->setObjectName(QStringLiteral("detailInputPath"));
    m_inputPath->setWordWrap(true);
    m_inputPath->setTextInteractionFlags(Qt::TextSelectableByMouse);
    files->addRow(tr("Input:"), m_inputFile);
    files->addRow(tr("Output:"), m_outputFile);
    files->addRow(tr("Errors:"), m_errorFile);
    files->addRow(tr("Local input:"), m_inputPath);
    m_tabs->addTab(filesPage, tr("Files"));
    m_errors = new QTreeWidget;
    m_errors->setObjectName(QStringLiteral("detailErrors"));
    m_errors->setHeaderLabels({tr("Line"), tr("Code"), tr("Message")});
    m_errors->setRootIsDecorated(false);
    m_errors->setFrameShape(QFrame::NoFrame);
    m_errors->setToolTip(tr("Double-click an error to open its line in the local input file"));
    m_tabs->addTab(m_errors, tr("Errors"));
    connect(m_errors, &QTreeWidget::itemActivated, this, [this](QTreeWidgetItem *item) {
        const qint64 line = item->data(0, Qt::UserRole).toLongLong();
        const QString path = m_controller->inputPathOf(m_batchId);
        if (line > 0 && !path.isEmpty())
            emit openInputLine(path, line);
    });

    auto *layout = new QVBoxLayout(content);
    layout->setContentsMargins(8, 6, 10, 6);
    layout->setSpacing(4);
    layout->addLayout(statusRow);
    layout->addWidget(m_id);
    layout->addWidget(m_description);
    layout->addSpacing(4);
    layout->addWidget(m_counts);
    layout->addWidget(m_failedEta);
    layout->addWidget(m_deadline);
    auto *resultsRow = new QHBoxLayout;
    resultsRow->addWidget(m_resultsNote, 1);
    resultsRow->addWidget(m_openResults);
    layout->addLayout(resultsRow);
    layout->addWidget(m_chartView, 2);
    layout->addWidget(m_tabs, 3);
    m_stack->addWidget(content);

    auto *outer = new QVBoxLayout(this);
    outer->setContentsMargins(0, 0, 0, 0);
    outer->addWidget(m_stack);
    setMinimumWidth(300);
}

BatchDetail::~BatchDetail() = default;

void BatchDetail::showBatch(const QString &batchId)
{
    const bool changed = batchId != m_batchId;
    m_batchId = batchId;
    refresh();
    if (changed && !batchId.isEmpty()) {
        // Errors first for a failed batch: that is what the user wants to read.
        const int row = m_controller->batchModel()->rowOf(batchId);
        if (row >= 0 && !m_controller->batchModel()->batch(row).errors.isEmpty())
            m_tabs->setCurrentWidget(m_errors);
    }
}

void BatchDetail::refresh()
{
    const int row = m_batchId.isEmpty() ? -1 : m_controller->batchModel()->rowOf(m_batchId);
    if (row < 0) {
        m_stack->setCurrentIndex(0);
        return;
    }
    m_stack->setCurrentIndex(1);
    fill(m_controller->batchModel()->batch(row));
}

void BatchDetail::fill(const Api::Batch &b)
{
    m_statusIcon->setPixmap(Models::icon(BatchTableModel::statusIconName(b)).pixmap(18, 18));
    m_status->setText(BatchTableModel::statusText(b));
    m_id->setValue(b.id);
    const QString description = BatchTableModel::descriptionText(b);
    m_description->setText(description.isEmpty() ? tr("(no description)") : description);

    const auto counts = b.requestCounts.value_or(Api::RequestCounts {});
    if (counts.total > 0)
        m_counts->setText(
            tr("%1 of %2 requests done (%3 succeeded)")
                .arg(count(counts.completed + counts.failed), count(counts.total), count(counts.completed)));
    else
        m_counts->setText(tr("No request counts yet"));

    QStringList etaParts;
    if (counts.failed > 0)
        etaParts << tr("<span style='color:%1'>%2 failed</span>")
                        .arg(ProgressDelegate::failedColor(palette()).name(), count(counts.failed));
    if (m_controller->monitor()) {
        const Monitor::Eta eta = m_controller->monitor()->eta(b.id);
        if (eta.state == Monitor::Eta::State::Running) {
            const qint64 left = eta.finishAtMs - QDateTime::currentMSecsSinceEpoch();
            etaParts << tr("ETA %1").arg(BatchTableModel::remainingText(qMax<qint64>(0, left)));
        } else if (eta.state == Monitor::Eta::State::Assembling) {
            etaParts << tr("assembling results");
        }
    }
    m_failedEta->setTextFormat(Qt::RichText);
    m_failedEta->setText(etaParts.join(QStringLiteral(" \u00b7 ")));
    m_failedEta->setVisible(!etaParts.isEmpty());
    if (b.isTerminal()) {
        m_deadline->setText(tr("Endpoint %1 \u00b7 model %2")
                                .arg(b.endpoint, b.model.isEmpty() ? QStringLiteral("\u2014") : b.model));
    } else {
        const qint64 left = b.deadline() - QDateTime::currentSecsSinceEpoch();
        m_deadline->setText(left > 0 ? tr("Deadline in %1 (%2)")
                                           .arg(BatchTableModel::remainingText(left * 1000).remove(u'~'),
                                                timeText(b.deadline()))
                                     : tr("Deadline passed (%1)").arg(timeText(b.deadline())));
    }

    // Results kept by the app, with a warning when they expire before being saved.
    QString note;
    switch (m_controller->resultsState(b.id)) {
    case AppController::ResultsState::Downloaded:
        note = tr("Results saved on this computer.");
        break;
    case AppController::ResultsState::Downloading:
        note = tr("Downloading the results…");
        break;
    case AppController::ResultsState::Failed:
        note = tr("<span style='color:%1'>The results could not be downloaded: %2</span>")
                   .arg(ProgressDelegate::failedColor(palette()).name(),
                        m_controller->resultsError(b.id).toHtmlEscaped());
        break;
    case AppController::ResultsState::NotDownloaded:
        note = tr("Results not downloaded yet.");
        break;
    case AppController::ResultsState::NotReady:
        break;
    }
    if (m_controller->batchModel()->resultsExpireSoon(b)) {
        const auto expiry = m_controller->batchModel()->outputExpiryOf(b);
        note = tr("<b>Warning:</b> the results expire %1 and are not saved on this computer. Open them to "
                  "download them now.")
                   .arg(expiry ? timeText(*expiry) : QString());
    }
    // A part of a job: the job's progress as a whole.
    if (const QString job = b.metadata.value(Api::kJobKey); !job.isEmpty()) {
        qint64 done = 0, failed = 0, total = 0;
        int finished = 0;
        const QList<Api::Batch> members = m_controller->jobBatches(job);
        for (const Api::Batch &m : members) {
            if (m.requestCounts) {
                done += m.requestCounts->completed + m.requestCounts->failed;
                failed += m.requestCounts->failed;
                total += m.requestCounts->total;
            }
            finished += m.isTerminal() ? 1 : 0;
        }
        const QString jobLine = tr("<b>%1</b>: %2 of %3 batches finished, %4 of %5 requests done (%6 failed)")
                                    .arg(job.toHtmlEscaped())
                                    .arg(finished)
                                    .arg(members.size())
                                    .arg(count(done), count(total), count(failed));
        note = note.isEmpty() ? jobLine : jobLine + QStringLiteral("<br>") + note;
    }
    m_resultsNote->setText(note);
    m_resultsNote->setVisible(!note.isEmpty());
    m_openResults->setVisible(b.isTerminal());

    clearForm(m_times);
    const QList<QPair<QString, std::optional<qint64>>> times {
        {tr("Created:"), b.createdAt},
        {tr("In progress:"), b.inProgressAt},
        {tr("Finalizing:"), b.finalizingAt},
        {tr("Completed:"), b.completedAt},
        {tr("Failed:"), b.failedAt},
        {tr("Expired:"), b.expiredAt},
        {tr("Cancelling:"), b.cancellingAt},
        {tr("Cancelled:"), b.cancelledAt},
        {tr("Expires (deadline):"), b.deadline()},
    };
    for (const auto &[label, value] : times) {
        if (value && *value > 0)
            m_times->addRow(label, valueLabel(timeText(value)));
    }
    m_times->addRow(tr("Completion window:"), valueLabel(b.completionWindow));

    clearForm(m_usage);
    if (b.usage) {
        m_usage->addRow(tr("Input tokens:"), valueLabel(count(b.usage->inputTokens)));
        m_usage->addRow(tr("Cached input tokens:"), valueLabel(count(b.usage->cachedTokens)));
        m_usage->addRow(tr("Output tokens:"), valueLabel(count(b.usage->outputTokens)));
        m_usage->addRow(tr("Reasoning tokens:"), valueLabel(count(b.usage->reasoningTokens)));
        m_usage->addRow(tr("Total tokens:"), valueLabel(count(b.usage->totalTokens)));
    } else {
        m_usage->addRow(dimLabel(tr("The provider reports no usage for this batch (yet)."), nullptr));
    }

    m_metadata->clear();
    for (auto it = b.metadata.cbegin(); it != b.metadata.cend(); ++it)
        m_metadata->addTopLevelItem(new QTreeWidgetItem({it.key(), it.value()}));
    m_metadata->resizeColumnToContents(0);

    m_inputFile->setValue(b.inputFileId);
    m_outputFile->setValue(b.outputFileId);
    m_errorFile->setValue(b.errorFileId);
    const QString path = m_controller->inputPathOf(b.id);
    m_inputPath->setText(path.isEmpty() ? tr("unknown (not submitted from this computer)")
                                        : QFileInfo(path).fileName());
    m_inputPath->setToolTip(path);

    m_errors->clear();
    for (const auto &e : b.errors) {
        auto *item =
            new QTreeWidgetItem({e.line ? count(*e.line) : QStringLiteral("\u2014"), e.code, e.message});
        item->setData(0, Qt::UserRole, e.line.value_or(0));
        item->setTextAlignment(0, Qt::AlignRight | Qt::AlignVCenter);
        item->setToolTip(2, e.message);
        m_errors->addTopLevelItem(item);
    }
    m_tabs->setTabText(m_tabs->indexOf(m_errors),
                       b.errors.isEmpty() ? tr("Errors") : tr("Errors (%1)").arg(b.errors.size()));
    m_errors->resizeColumnToContents(0);
    m_errors->resizeColumnToContents(1);

    fillChart(b);
}

void BatchDetail::fillChart(const Api::Batch &b)
{
    QList<Monitor::ProgressSample> history;
    const qint64 now =
        m_controller->monitor() ? m_controller->monitor()->nowMs() : QDateTime::currentMSecsSinceEpoch();
    if (m_controller->monitor())
        history = m_controller->monitor()->history(b.id);
    const auto counts = b.requestCounts.value_or(Api::RequestCounts {});
    // Only what was observed: the stored samples, the start and, for a finished batch, its terminal time.
    const Monitor::ProgressCurve curve = Monitor::progressCurve(b, history, now);

    QList<QPointF> done, failed, projected;
    qint64 total = counts.total;
    for (const auto &s : curve.points) {
        done.append(QPointF(double(s.atMs), double(s.done())));
        failed.append(QPointF(double(s.atMs), double(s.failed)));
        total = qMax(total, s.total);
    }
    qint64 minX = curve.startMs;
    qint64 maxX = curve.endMs;
    if (m_controller->monitor() && !done.isEmpty() && !curve.finished) {
        const Monitor::Eta eta = m_controller->monitor()->eta(b.id);
        if (eta.state == Monitor::Eta::State::Running && eta.finishAtMs > maxX) {
            projected << done.last() << QPointF(double(eta.finishAtMs), double(total));
            maxX = eta.finishAtMs;
        }
    }
    m_doneSeries->replace(done);
    m_failedSeries->replace(failed);
    m_projection->replace(projected);
    const QPalette pal = palette();
    QPen donePen(ProgressDelegate::completedColor(pal), 2);
    m_doneSeries->setPen(donePen);
    QPen failPen(ProgressDelegate::failedColor(pal), 1.5);
    m_failedSeries->setPen(failPen);
    QPen projPen(pal.color(QPalette::PlaceholderText), 1.5, Qt::DashLine);
    m_projection->setPen(projPen);
    m_failedSeries->setVisible(counts.failed > 0);
    // The legend names only lines that are drawn: no "Projected" for a finished batch.
    m_projection->setVisible(!projected.isEmpty());
    // Round ticks that fit the span (seconds for a 25 s run, days for a long one), none repeated.
    const Models::DisplayFormat::TimeAxis axis = Models::DisplayFormat::timeAxis(minX, maxX, 4);
    m_timeAxis->setRange(QDateTime::fromMSecsSinceEpoch(axis.minMs),
                         QDateTime::fromMSecsSinceEpoch(axis.maxMs));
    m_timeAxis->setTickCount(axis.tickCount);
    m_timeAxis->setFormat(axis.format);
    m_countAxis->setRange(0, double(qMax<qint64>(1, total)));

    QChart *chart = m_chartView->chart();
    const bool dark = pal.color(QPalette::Base).lightness() < 128;
    const QChart::ChartTheme theme = dark ? QChart::ChartThemeDark : QChart::ChartThemeLight;
    if (chart->theme() != theme)
        chart->setTheme(theme);
    chart->setBackgroundBrush(pal.color(QPalette::Base));
    chart->setTitleBrush(pal.color(QPalette::Text));
    chart->legend()->setLabelColor(pal.color(QPalette::Text));
    for (QAbstractAxis *axis :
         {static_cast<QAbstractAxis *>(m_timeAxis), static_cast<QAbstractAxis *>(m_countAxis)}) {
        axis->setLabelsColor(pal.color(QPalette::Text));
        QColor grid = pal.color(QPalette::Mid);
        grid.setAlpha(80);
        axis->setGridLineColor(grid);
    }
    // setTheme resets the pens; apply them again.
    m_doneSeries->setPen(donePen);
    m_failedSeries->setPen(failPen);
    m_projection->setPen(projPen);
}

} // namespace Batchdesk::Ui
