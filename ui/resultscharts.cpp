#include "resultscharts.h"

#include "displayformat.h"
#include "progressdelegate.h"

#include <QBarCategoryAxis>
#include <QBarSeries>
#include <QBarSet>
#include <QCategoryAxis>
#include <QChart>
#include <QChartView>
#include <QCursor>
#include <QEvent>
#include <QHBoxLayout>
#include <QHorizontalBarSeries>
#include <QLabel>
#include <QProgressBar>
#include <QPushButton>
#include <QStackedWidget>
#include <QTimer>
#include <QToolTip>
#include <QVBoxLayout>
#include <QValueAxis>
#include <QtConcurrent/QtConcurrentRun>

#include <cmath>

namespace Batchdesk::Ui {

using Models::DisplayFormat::count;
using Results::SummaryFilter;

namespace {

constexpr int kMaxCategories = 10; // bars of the finish-reason and failure charts

/** A count axis with whole, round ticks: 0..top in at most 5 steps of 1, 2 or 5 × 10^k. */
void setCountRange(QValueAxis *axis, qint64 max)
{
    qint64 step = 1;
    for (qint64 magnitude = 1;; magnitude *= 10) {
        bool found = false;
        for (const qint64 s : {1, 2, 5}) {
            step = s * magnitude;
            if ((max + step - 1) / step <= 5) {
                found = true;
                break;
            }
        }
        if (found)
            break;
    }
    const qint64 top = qMax<qint64>(1, (max + step - 1) / step) * step;
    axis->setRange(0, double(top));
    axis->setTickCount(int(top / step) + 1);
    axis->setLabelFormat(QStringLiteral("%d"));
}

QString tokenRange(const Results::HistogramBin &bin)
{
    return bin.high - bin.low <= 1 ? count(bin.low)
                                   : QStringLiteral("%1\u2013%2").arg(count(bin.low), count(bin.high - 1));
}

} // namespace

ResultsCharts::ResultsCharts(QWidget *parent)
    : QWidget(parent)
    , m_stack(new QStackedWidget(this))
    , m_stateLabel(new QLabel(this))
    , m_progress(new QProgressBar(this))
    , m_stateButton(new QPushButton(this))
    , m_tokenView(new QChartView(this))
    , m_finishView(new QChartView(this))
    , m_failureView(new QChartView(this))
{
    setObjectName(QStringLiteral("resultsCharts"));
    auto *statePage = new QWidget(this);
    auto *stateLayout = new QVBoxLayout(statePage);
    stateLayout->addStretch(1);
    m_stateLabel->setObjectName(QStringLiteral("resultsChartsState"));
    m_stateLabel->setAlignment(Qt::AlignCenter);
    m_stateLabel->setWordWrap(true);
    m_progress->setObjectName(QStringLiteral("resultsChartsProgress"));
    m_progress->setRange(0, 1000);
    m_progress->setTextVisible(false);
    m_progress->setMaximumWidth(280);
    m_stateButton->setObjectName(QStringLiteral("resultsChartsButton"));
    stateLayout->addWidget(m_stateLabel);
    stateLayout->addWidget(m_progress, 0, Qt::AlignHCenter);
    stateLayout->addWidget(m_stateButton, 0, Qt::AlignHCenter);
    stateLayout->addStretch(1);
    connect(m_stateButton, &QPushButton::clicked, this, [this] {
        if (isComputing())
            cancel();
        else
            start();
    });

    auto *chartsPage = new QWidget(this);
    auto *chartsLayout = new QHBoxLayout(chartsPage);
    chartsLayout->setContentsMargins(0, 0, 0, 0);
    chartsLayout->setSpacing(6);
    const QList<QPair<QChartView *, QString>> views {{m_tokenView, QStringLiteral("outputTokensChart")},
                                                     {m_finishView, QStringLiteral("finishReasonsChart")},
                                                     {m_failureView, QStringLiteral("failuresChart")}};
    for (const auto &[view, name] : views) {
        view->setObjectName(name);
        view->setRenderHint(QPainter::Antialiasing);
        view->setFrameShape(QFrame::NoFrame);
        view->setMinimumSize(220, 180);
        chartsLayout->addWidget(view, view == m_tokenView ? 4 : 3);
    }
    m_tokenView->setToolTip(tr("Click a bar to show its rows; click it again to show all"));
    m_stack->addWidget(statePage);
    m_stack->addWidget(chartsPage);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_stack);

    connect(&m_watcher, &QFutureWatcher<Computed>::finished, this, &ResultsCharts::onComputed);
    auto *timer = new QTimer(this);
    timer->setInterval(100);
    connect(timer, &QTimer::timeout, this, [this] {
        if (m_permille && isComputing())
            m_progress->setValue(int(m_permille->load()));
    });
    timer->start();
    setResults(nullptr);
}

ResultsCharts::~ResultsCharts()
{
    if (m_cancel)
        m_cancel->store(true);
    m_watcher.waitForFinished();
}

void ResultsCharts::setResults(std::shared_ptr<const Results::JoinedResults> results)
{
    if (m_cancel)
        m_cancel->store(true);
    ++m_generation;
    m_results = std::move(results);
    m_hasSummary = false;
    m_summary = {};
    m_active = {};
    rebuild();
    if (!m_results) {
        m_pending = false;
        m_stateLabel->setText(tr("Charts of the results appear here."));
        m_progress->hide();
        m_stateButton->hide();
        m_stack->setCurrentIndex(0);
        return;
    }
    m_pending = true;
    if (isVisible())
        start();
}

void ResultsCharts::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    if (m_pending)
        start();
}

void ResultsCharts::changeEvent(QEvent *event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::PaletteChange || event->type() == QEvent::StyleChange)
        rebuild();
}

void ResultsCharts::start()
{
    if (!m_results)
        return;
    m_pending = false;
    if (m_cancel)
        m_cancel->store(true);
    m_cancel = std::make_shared<std::atomic<bool>>(false);
    m_permille = std::make_shared<std::atomic<qint64>>(0);
    m_stateLabel->setText(tr("Reading the answers for the charts\u2026"));
    m_progress->setValue(0);
    m_progress->show();
    m_stateButton->setText(tr("Cancel"));
    m_stateButton->show();
    m_stack->setCurrentIndex(0);
    m_watcher.setProperty("generation", m_generation);
    m_watcher.setFuture(QtConcurrent::run(
        [results = m_results, control = pollingControl(m_cancel, m_permille)]() -> Computed {
            return Computed {Results::summarize(*results, control)};
        }));
}

void ResultsCharts::cancel()
{
    if (m_cancel)
        m_cancel->store(true);
}

void ResultsCharts::onComputed()
{
    if (m_watcher.property("generation").toInt() != m_generation)
        return;
    const Computed computed = m_watcher.result();
    if (!computed.summary.ok()) {
        m_stateLabel->setText(
            computed.summary.error().code == QLatin1StringView("cancelled")
                ? tr("The charts were not computed.")
                : tr("The charts could not be computed: %1").arg(computed.summary.errorString()));
        m_progress->hide();
        m_stateButton->setText(tr("Compute Charts"));
        m_stateButton->show();
        return;
    }
    m_summary = computed.summary.value();
    m_hasSummary = true;
    rebuild();
    m_stack->setCurrentIndex(1);
    emit summaryReady();
}

QChart *ResultsCharts::newChart(const QString &title) const
{
    auto *chart = new QChart;
    chart->setTitle(title);
    chart->legend()->hide();
    chart->setMargins(QMargins(4, 4, 4, 4));
    chart->setBackgroundRoundness(3);
    chart->setAnimationOptions(QChart::NoAnimation);
    return chart;
}

void ResultsCharts::styleChart(QChart *chart) const
{
    const QPalette pal = palette();
    const bool dark = pal.color(QPalette::Base).lightness() < 128;
    chart->setTheme(dark ? QChart::ChartThemeDark : QChart::ChartThemeLight);
    chart->setBackgroundBrush(pal.color(QPalette::Base));
    chart->setBackgroundPen(QPen(pal.color(QPalette::Mid), 1));
    chart->setTitleBrush(pal.color(QPalette::Text));
    QFont titleFont = font();
    titleFont.setBold(true);
    chart->setTitleFont(titleFont);
    QFont small = font();
    if (small.pointSizeF() > 0)
        small.setPointSizeF(small.pointSizeF() * 0.9);
    const auto axes = chart->axes();
    for (QAbstractAxis *axis : axes) {
        axis->setLabelsColor(pal.color(QPalette::Text));
        axis->setLabelsFont(small);
        QColor title = pal.color(QPalette::Text);
        title.setAlpha(170);
        axis->setTitleBrush(title);
        axis->setTitleFont(small);
        QColor grid = pal.color(QPalette::Mid);
        grid.setAlpha(80);
        axis->setGridLineColor(grid);
        axis->setLinePenColor(pal.color(QPalette::Mid));
    }
}

void ResultsCharts::rebuild()
{
    const QPalette pal = palette();
    const bool dark = pal.color(QPalette::Base).lightness() < 128;
    const auto selectedOf = [dark](const QColor &c) { return dark ? c.lighter(160) : c.darker(160); };
    const auto replaceChart = [](QChartView *view, QChart *chart) {
        QChart *old = view->chart();
        view->setChart(chart);
        delete old;
    };
    m_tokenBars = m_finishBars = m_failureBars = nullptr;
    m_finishKeys.clear();
    m_failureKeys.clear();

    // Output tokens: bars side by side over the bins, the round edges labelled below.
    {
        const auto &bins = m_summary.outputTokenBins;
        QChart *chart =
            newChart(m_summary.answeredRows > 0
                         ? tr("Output tokens of the answers (%1)").arg(count(m_summary.answeredRows))
                         : tr("Output tokens: no answer reports them"));
        if (!bins.empty()) {
            auto *series = new QBarSeries(chart);
            series->setBarWidth(0.94);
            m_tokenBars = new QBarSet(tr("Rows"), series);
            qint64 max = 0;
            for (const auto &bin : bins) {
                *m_tokenBars << double(bin.count);
                max = qMax(max, bin.count);
            }
            const QColor color = ProgressDelegate::completedColor(pal);
            m_tokenBars->setColor(color);
            m_tokenBars->setBorderColor(color.darker(115));
            m_tokenBars->setSelectedColor(selectedOf(color));
            series->append(m_tokenBars);
            chart->addSeries(series);
            auto *x = new QCategoryAxis(chart);
            x->setLabelsPosition(QCategoryAxis::AxisLabelsPositionOnValue);
            const int n = int(bins.size());
            x->setRange(-0.5, n - 0.5);
            // At most about 7 edge labels, so that they never overlap.
            const int every = qMax(1, (n + 6) / 7);
            x->setStartValue(-0.5);
            for (int k = 0; k <= n; k += every) {
                const qint64 edge = k < n ? bins[std::size_t(k)].low : bins.back().high;
                x->append(count(edge), k - 0.5);
            }
            x->setTitleText(tr("Output tokens"));
            x->setGridLineVisible(false);
            auto *y = new QValueAxis(chart);
            setCountRange(y, max);
            y->setTitleText(tr("Rows"));
            chart->addAxis(x, Qt::AlignBottom);
            chart->addAxis(y, Qt::AlignLeft);
            series->attachAxis(x);
            series->attachAxis(y);
            connect(m_tokenBars, &QBarSet::clicked, this,
                    [this, set = m_tokenBars](int index) { onBarClicked(set, index); });
            connect(m_tokenBars, &QBarSet::hovered, this, [this, set = m_tokenBars](bool on, int index) {
                if (on)
                    QToolTip::showText(QCursor::pos(), barToolTip(set, index), m_tokenView);
                else
                    QToolTip::hideText();
            });
        }
        styleChart(chart);
        if (m_tokenBars) {
            // setTheme() (in styleChart) resets the colours of the sets.
            const QColor color = ProgressDelegate::completedColor(pal);
            m_tokenBars->setColor(color);
            m_tokenBars->setBorderColor(color.darker(115));
        }
        replaceChart(m_tokenView, chart);
    }

    // Finish reasons and failures: horizontal bars, the most frequent on top, labelled with their counts.
    const auto keyChart = [&](QChartView *view, const QList<Results::KeyCount> &counts, const QString &title,
                              const QString &emptyTitle, const QColor &color, bool failures,
                              QStringList &keys, QBarSet *&set) {
        QChart *chart = newChart(
            counts.isEmpty() ? emptyTitle
                : counts.size() > kMaxCategories
                ? tr("%1 (the %2 most frequent of %3)").arg(title).arg(kMaxCategories).arg(counts.size())
                : title);
        if (!counts.isEmpty()) {
            auto *series = new QHorizontalBarSeries(chart);
            series->setBarWidth(0.7);
            set = new QBarSet(title, series);
            QStringList labels;
            qint64 max = 0;
            const int shown = int(qMin<qsizetype>(counts.size(), kMaxCategories));
            // The first category is drawn at the bottom: add the most frequent last.
            for (int k = shown - 1; k >= 0; --k) {
                const Results::KeyCount &c = counts.at(k);
                keys << c.key;
                labels << QStringLiteral("%1 (%2)").arg(failures ? Results::failureText(c.key) : c.key,
                                                        count(c.count));
                *set << double(c.count);
                max = qMax(max, c.count);
            }
            set->setSelectedColor(selectedOf(color));
            series->append(set);
            chart->addSeries(series);
            auto *y = new QBarCategoryAxis(chart);
            y->append(labels);
            y->setGridLineVisible(false);
            auto *x = new QValueAxis(chart);
            setCountRange(x, max);
            x->setTitleText(tr("Rows"));
            chart->addAxis(y, Qt::AlignLeft);
            chart->addAxis(x, Qt::AlignBottom);
            series->attachAxis(y);
            series->attachAxis(x);
            connect(set, &QBarSet::clicked, this, [this, s = set](int index) { onBarClicked(s, index); });
            connect(set, &QBarSet::hovered, this, [this, s = set, view](bool on, int index) {
                if (on)
                    QToolTip::showText(QCursor::pos(), barToolTip(s, index), view);
                else
                    QToolTip::hideText();
            });
        }
        styleChart(chart);
        if (set) {
            set->setColor(color);
            set->setBorderColor(color.darker(115));
        }
        replaceChart(view, chart);
    };
    QColor finishColor = pal.color(QPalette::Highlight);
    keyChart(m_finishView, m_summary.finishReasons, tr("Finish reasons"),
             tr("Finish reasons: no answer names one"), finishColor, false, m_finishKeys, m_finishBars);
    keyChart(m_failureView, m_summary.failures, tr("Failures"), tr("Failures: none"),
             ProgressDelegate::failedColor(pal), true, m_failureKeys, m_failureBars);
    for (QChartView *view : {m_finishView, m_failureView})
        view->setToolTip(m_tokenView->toolTip());
    setActiveFilter(m_active);
}

SummaryFilter ResultsCharts::filterOf(const QBarSet *set, int index) const
{
    if (!set || index < 0)
        return {};
    if (set == m_tokenBars) {
        if (index >= int(m_summary.outputTokenBins.size()))
            return {};
        const auto &bin = m_summary.outputTokenBins[std::size_t(index)];
        return SummaryFilter::outputTokens(bin.low, bin.high);
    }
    if (set == m_finishBars && index < m_finishKeys.size())
        return SummaryFilter::finishReason(m_finishKeys.at(index));
    if (set == m_failureBars && index < m_failureKeys.size())
        return SummaryFilter::failure(m_failureKeys.at(index));
    return {};
}

QString ResultsCharts::barToolTip(const QBarSet *set, int index) const
{
    const SummaryFilter filter = filterOf(set, index);
    if (filter.isNull())
        return {};
    const qint64 n = qint64(set->at(index));
    switch (filter.kind) {
    case SummaryFilter::Kind::OutputTokens:
        return tr("%1 output tokens \u00b7 rows: %2")
            .arg(tokenRange(m_summary.outputTokenBins[std::size_t(index)]), count(n));
    case SummaryFilter::Kind::FinishReason:
        return tr("Finish reason %1 \u00b7 rows: %2").arg(filter.key, count(n));
    case SummaryFilter::Kind::Failure:
        return tr("%1 \u00b7 rows: %2").arg(Results::failureText(filter.key), count(n));
    case SummaryFilter::Kind::None:
        break;
    }
    return {};
}

void ResultsCharts::setActiveFilter(const SummaryFilter &filter)
{
    m_active = filter;
    for (QBarSet *set : {m_tokenBars, m_finishBars, m_failureBars}) {
        if (!set)
            continue;
        for (int i = 0; i < set->count(); ++i)
            set->setBarSelected(i, !filter.isNull() && filterOf(set, i) == filter);
    }
}

void ResultsCharts::onBarClicked(QBarSet *set, int index)
{
    const SummaryFilter filter = filterOf(set, index);
    if (filter.isNull())
        return;
    emit filterRequested(filter == m_active ? SummaryFilter() : filter);
}

} // namespace Batchdesk::Ui
