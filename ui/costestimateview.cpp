#include "costestimateview.h"

#include "common/workcontrol.h"
#include "displayformat.h"
#include "icons.h"
#include "pricesdialog.h"

#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QProgressBar>
#include <QTimer>
#include <QToolButton>
#include <QVBoxLayout>
#include <QtConcurrent>

namespace Batchdesk::Ui {

namespace {

using Models::DisplayFormat::count;

/** "$0.15", "$0.017", "$2.50": at least two decimals, at most four. */
QString dollars(double value)
{
    QString s = QString::number(value, 'f', 4);
    while (s.endsWith(u'0') && s.indexOf(u'.') < s.size() - 3)
        s.chop(1);
    return QStringLiteral("$") + s;
}

/** The files' estimates summed: one price (the first file's model) for all of them. */
Result<Cost::FileCost> estimateFiles(const QStringList &paths, const QString &provider, const QString &model,
                                     const WorkControl &control)
{
    Cost::FileCost total;
    const qint64 n = paths.size();
    for (qint64 i = 0; i < n; ++i) {
        WorkControl part;
        part.isCanceled = control.isCanceled;
        if (control.progress)
            part.progress = [&control, i, n](qint64 done, qint64 size) {
                control.progress(i * 1000 + (size > 0 ? done * 1000 / size : 0), n * 1000);
            };
        auto cost = Cost::estimateFileCost(paths.at(int(i)), provider, model, part);
        if (!cost.ok())
            return cost.error();
        const Cost::FileCost &c = cost.value();
        if (i == 0) {
            total = c;
            continue;
        }
        Cost::FileTokens &t = total.tokens;
        t.requests += c.tokens.requests;
        t.inputTokens += c.tokens.inputTokens;
        t.maxOutputTokens += c.tokens.maxOutputTokens;
        t.unboundedOutputRequests += c.tokens.unboundedOutputRequests;
        t.images += c.tokens.images;
        t.unreadableLines += c.tokens.unreadableLines;
    }
    total.cost = Cost::costEstimate(total.tokens.inputTokens, total.tokens.maxOutputTokens,
                                    total.tokens.outputBounded(), total.cost.price);
    return total;
}

QLabel *caption(const QString &text, QWidget *parent)
{
    auto *label = new QLabel(text, parent);
    QPalette p = label->palette();
    p.setColor(QPalette::WindowText, p.color(QPalette::PlaceholderText));
    label->setPalette(p);
    return label;
}

QLabel *value(const QString &objectName, QWidget *parent)
{
    auto *label = new QLabel(parent);
    label->setObjectName(objectName);
    label->setTextFormat(Qt::PlainText);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    return label;
}

} // namespace

CostEstimateView::CostEstimateView(QWidget *parent)
    : QWidget(parent)
    , m_progressTimer(new QTimer(this))
    , m_progressRow(new QWidget(this))
    , m_progress(new QProgressBar(m_progressRow))
    , m_cancelButton(new QToolButton(m_progressRow))
    , m_input(value(QStringLiteral("costInputTokens"), this))
    , m_output(value(QStringLiteral("costOutputTokens"), this))
    , m_cost(value(QStringLiteral("costEstimate"), this))
    , m_costDetail(value(QStringLiteral("costDetail"), this))
    , m_priceButton(new QToolButton(this))
{
    setObjectName(QStringLiteral("costEstimateView"));
    // While counting, the input row shows the progress and Cancel; the rows keep their place.
    m_progress->setObjectName(QStringLiteral("costProgress"));
    m_progress->setRange(0, 1000);
    m_progress->setTextVisible(false);
    m_progress->setFixedHeight(qMax(8, m_input->fontMetrics().height() / 2));
    m_progress->setMinimumWidth(80);
    m_cancelButton->setObjectName(QStringLiteral("costCancelButton"));
    m_cancelButton->setText(tr("Cancel"));
    m_cancelButton->setToolTip(tr("Stop counting the tokens"));
    m_cancelButton->setAutoRaise(true);
    connect(m_cancelButton, &QToolButton::clicked, this, &CostEstimateView::cancel);
    auto *progressLayout = new QHBoxLayout(m_progressRow);
    progressLayout->setContentsMargins(0, 0, 0, 0);
    progressLayout->addWidget(m_progress, 1, Qt::AlignVCenter);
    progressLayout->addWidget(m_cancelButton);
    m_progressRow->hide();
    auto *inputRow = new QHBoxLayout;
    inputRow->setContentsMargins(0, 0, 0, 0);
    inputRow->addWidget(m_input);
    inputRow->addWidget(m_progressRow, 1);

    QFont bold = m_cost->font();
    bold.setBold(true);
    m_cost->setFont(bold);
    QPalette dim = m_costDetail->palette();
    dim.setColor(QPalette::WindowText, dim.color(QPalette::PlaceholderText));
    m_costDetail->setPalette(dim);
    m_costDetail->setWordWrap(true);

    m_priceButton->setObjectName(QStringLiteral("costPriceButton"));
    m_priceButton->setText(tr("Prices\u2026"));
    m_priceButton->setAutoRaise(true);
    m_priceButton->setCursor(Qt::PointingHandCursor);
    QPalette link = m_priceButton->palette();
    link.setColor(QPalette::ButtonText, link.color(QPalette::Link));
    m_priceButton->setPalette(link);
    m_priceButton->hide();
    connect(m_priceButton, &QToolButton::clicked, this, &CostEstimateView::openPrices);
    auto *costRow = new QHBoxLayout;
    costRow->setContentsMargins(0, 0, 0, 0);
    costRow->setSpacing(8);
    costRow->addWidget(m_cost);
    costRow->addWidget(m_priceButton);
    costRow->addStretch(1);

    auto *form = new QFormLayout(this);
    form->setContentsMargins(0, 0, 0, 0);
    form->setHorizontalSpacing(12);
    form->setVerticalSpacing(4);
    form->setLabelAlignment(Qt::AlignLeft);
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    form->addRow(caption(tr("Input tokens:"), this), inputRow);
    form->addRow(caption(tr("Output tokens:"), this), m_output);
    form->addRow(caption(tr("Estimated cost:"), this), costRow);
    form->addRow(m_costDetail); // across both columns: the widest line of the block
    showPlaceholder(QString());

    m_progressTimer->setInterval(100);
    connect(m_progressTimer, &QTimer::timeout, this, [this] {
        if (m_permille)
            m_progress->setValue(int(m_permille->load(std::memory_order_relaxed)));
    });
    connect(PriceEvents::instance(), &PriceEvents::changed, this, &CostEstimateView::reprice);
}

CostEstimateView::~CostEstimateView()
{
    if (m_watcher) {
        m_watcher->disconnect(this);
        m_cancel->store(true);
        m_watcher->waitForFinished();
    }
}

void CostEstimateView::estimate(const QStringList &paths, const QString &provider, const QString &model)
{
    clear();
    m_paths = paths;
    m_provider = provider;
    m_model = model;
    if (paths.isEmpty())
        return;
    m_cancel = std::make_shared<std::atomic<bool>>(false);
    m_permille = std::make_shared<std::atomic<qint64>>(0);
    m_progress->setValue(0);
    showPlaceholder(tr("Counting the tokens of %1\u2026")
                        .arg(paths.size() == 1 ? QFileInfo(paths.first()).fileName()
                                               : tr("%n file(s)", nullptr, int(paths.size()))));
    m_input->hide();
    m_progressRow->show();
    m_cancelButton->setEnabled(true);
    m_running = true;
    m_watcher = new QFutureWatcher<Result<Cost::FileCost>>(this);
    connect(m_watcher, &QFutureWatcherBase::finished, this, &CostEstimateView::onFinished);
    m_watcher->setFuture(
        QtConcurrent::run([paths, provider, model, control = pollingControl(m_cancel, m_permille)] {
            return estimateFiles(paths, provider, model, control);
        }));
    m_progressTimer->start();
    emit estimatingChanged(true);
    emit estimateChanged();
}

void CostEstimateView::clear(const QString &text)
{
    const bool wasRunning = m_running;
    if (m_watcher) {
        // The old count's result is no longer wanted; it stops at its next check.
        m_watcher->disconnect(this);
        m_cancel->store(true);
        m_watcher->deleteLater();
        m_watcher = nullptr;
    }
    m_running = false;
    m_progressTimer->stop();
    m_progressRow->hide();
    m_input->show();
    m_result.reset();
    m_error.clear();
    showPlaceholder(text);
    if (wasRunning)
        emit estimatingChanged(false);
    emit estimateChanged();
}

void CostEstimateView::cancel()
{
    if (!m_watcher)
        return;
    m_cancelButton->setEnabled(false);
    m_costDetail->setText(tr("Cancelling\u2026"));
    m_cancel->store(true);
}

void CostEstimateView::onFinished()
{
    auto *watcher = m_watcher;
    m_watcher = nullptr;
    watcher->deleteLater();
    m_running = false;
    m_progressTimer->stop();
    m_progressRow->hide();
    m_input->show();
    const auto result = watcher->future().resultCount() > 0
        ? watcher->result()
        : Result<Cost::FileCost>::failure(QStringLiteral("canceled"), QString());
    if (!result.ok()) {
        m_error = result.error().code == QLatin1StringView("canceled")
            ? tr("The cost estimate was cancelled.")
            : tr("The cost could not be estimated: %1").arg(result.errorString());
        showPlaceholder(m_error);
    } else {
        m_result = result.value();
        showResult();
    }
    emit estimatingChanged(false);
    emit estimateChanged();
}

void CostEstimateView::reprice()
{
    if (!m_result)
        return;
    const auto table = Cost::PriceTable::load();
    m_result->priceError = table.ok() ? QString() : table.errorString();
    const auto price =
        (table.ok() ? table.value() : Cost::PriceTable::snapshot()).find(m_provider, m_result->tokens.model);
    const Cost::FileTokens &t = m_result->tokens;
    m_result->cost = Cost::costEstimate(t.inputTokens, t.maxOutputTokens, t.outputBounded(), price);
    showResult();
    emit estimateChanged();
}

void CostEstimateView::setProvider(const QString &provider)
{
    if (provider == m_provider)
        return;
    m_provider = provider;
    if (m_running) {
        estimate(m_paths, provider, m_model); // the worker prices with the provider it was given
        return;
    }
    reprice();
}

void CostEstimateView::showPlaceholder(const QString &text)
{
    const QString dash = QStringLiteral("\u2014");
    for (QLabel *label : {m_input, m_output, m_cost})
        label->setText(dash);
    for (QLabel *label : {m_input, m_output, m_cost, m_costDetail})
        label->setToolTip(QString());
    m_costDetail->setText(text);
    m_priceButton->hide();
}

void CostEstimateView::showResult()
{
    const Cost::FileTokens &t = m_result->tokens;
    const Cost::TokenizerChoice &k = t.tokenizer;
    const QString how = k.exact ? tr("%1, exact").arg(k.name)
        : k.requestErrorPercent >= 0
        ? tr("%1, \u00b1%2 %").arg(k.name, QString::number(k.requestErrorPercent, 'g', 2))
        : k.name;
    m_input->setText(tr("%1 \u00b7 %2").arg(count(t.inputTokens), how));
    QString inputTip = k.exact
        ? tr("Counted with %1, the tokenizer of %2, with the chat format's tokens per message.")
              .arg(k.name, t.model)
        : k.requestErrorPercent >= 0
        ? tr("%1 has no published tokenizer here: counted with %2. Measured on a sample, the total was off "
             "by "
             "%3 % and single requests by up to %4 % (95th percentile).")
              .arg(t.model, k.name, QString::number(k.totalErrorPercent, 'g', 2),
                   QString::number(k.requestErrorPercent, 'g', 2))
        : tr("Counted with %1; its error is not measured for %2.").arg(k.name, t.model);
    if (t.images > 0)
        inputTip += u'\n'
            + tr("Includes %n image(s) at %1 tokens each (a 1024×1024 image at high detail).", nullptr,
                 int(qMin<qint64>(t.images, INT_MAX)))
                  .arg(Cost::kImageTokens);
    m_input->setToolTip(inputTip);

    if (t.outputBounded())
        m_output->setText(tr("at most %1").arg(count(t.maxOutputTokens)));
    else if (t.maxOutputTokens == 0)
        m_output->setText(tr("not bounded: %n request(s) set no max_tokens", nullptr,
                             int(qMin<qint64>(t.unboundedOutputRequests, INT_MAX))));
    else
        m_output->setText(tr("at most %1, + %n request(s) without max_tokens", nullptr,
                             int(qMin<qint64>(t.unboundedOutputRequests, INT_MAX)))
                              .arg(count(t.maxOutputTokens)));
    m_output->setToolTip(tr("The answers can be at most as long as each request's max_tokens; a request "
                            "without it can answer up to the model's limit."));

    const Cost::CostEstimate &c = m_result->cost;
    if (c.price) {
        const Cost::PriceEntry &p = *c.price;
        m_cost->setText(t.outputBounded()
                            ? tr("%1 at most").arg(Cost::formatDollars(*c.total()))
                            : tr("%1 + the unbounded answers").arg(Cost::formatDollars(*c.total())));
        const QString split =
            tr("input %1 + output up to %2")
                .arg(Cost::formatDollars(*c.inputCost), Cost::formatDollars(*c.maxOutputCost));
        const QString date = p.asOf.toString(Qt::ISODate);
        m_costDetail->setText(
            tr("%1 \u00b7 batch price %2 / %3 per M tokens (%4 % off) \u00b7 %5")
                .arg(split, dollars(p.batchInputPerMillion()), dollars(p.batchOutputPerMillion()),
                     QString::number(p.batchDiscountPercent, 'g', 3),
                     p.edited ? tr("edited %1").arg(date) : tr("snapshot of %1").arg(date)));
        m_costDetail->setToolTip(
            (p.edited ? tr("The price of %1 you entered on %2.").arg(p.model, date)
                      : tr("The price of %1 in the snapshot of %2, typed in by hand, not fetched: check the "
                           "provider's pricing page.")
                            .arg(p.model, date))
            + u'\n'
            + tr("Real-time %1 input / %2 output per million tokens, less the batch discount of %3 %.")
                  .arg(dollars(p.inputPerMillion), dollars(p.outputPerMillion),
                       QString::number(p.batchDiscountPercent, 'g', 3)));
        m_cost->setToolTip(
            t.outputBounded()
                ? tr("The input at the batch price, plus every answer as long as its max_tokens: "
                     "the most the batch can cost.")
                : tr("Requests without max_tokens can answer at length: their answers are not "
                     "in this sum."));
        m_priceButton->setText(tr("Prices\u2026"));
        m_priceButton->setToolTip(tr("Check or change the price of %1").arg(p.model));
        m_priceButton->show();
    } else {
        m_cost->setText(t.model.isEmpty() ? tr("No model in the file to price")
                                          : tr("No price for %1").arg(t.model));
        m_cost->setToolTip(QString());
        m_costDetail->setText(t.model.isEmpty() ? QString()
                                                : tr("Add its price to see the cost and to set a budget."));
        m_costDetail->setToolTip(QString());
        m_priceButton->setText(tr("Set Price\u2026"));
        m_priceButton->setToolTip(tr("Open the price table on %1").arg(t.model));
        m_priceButton->setVisible(!t.model.isEmpty());
    }
    if (!m_result->priceError.isEmpty()) {
        m_costDetail->setText(m_costDetail->text() + u'\n' + m_result->priceError);
        m_costDetail->setToolTip(m_result->priceError);
    }
}

void CostEstimateView::openPrices()
{
    const QString model = m_result ? m_result->tokens.model : m_model;
    PricesDialog::openFor(window(), m_provider, model);
}

} // namespace Batchdesk::Ui
