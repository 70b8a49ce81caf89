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
#include <QPushButton>
#include <QTimer>
#include <QVBoxLayout>
#include <QtConcurrent>

namespace Batchdesk::Ui {

namespace {

using Models::DisplayFormat::count;

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
    , m_progressLabel(new QLabel(m_progressRow))
    , m_progress(new QProgressBar(m_progressRow))
    , m_cancelButton(new QPushButton(tr("Cancel"), m_progressRow))
    , m_values(new QWidget(this))
    , m_input(value(QStringLiteral("costInputTokens"), m_values))
    , m_output(value(QStringLiteral("costOutputTokens"), m_values))
    , m_cost(value(QStringLiteral("costEstimate"), m_values))
    , m_costDetail(value(QStringLiteral("costDetail"), m_values))
    , m_message(value(QStringLiteral("costMessage"), this))
{
    setObjectName(QStringLiteral("costEstimateView"));
    m_progressLabel->setObjectName(QStringLiteral("costProgressLabel"));
    m_progressLabel->setText(tr("Counting tokens\u2026"));
    m_progress->setObjectName(QStringLiteral("costProgress"));
    m_progress->setRange(0, 1000);
    m_progress->setTextVisible(false);
    m_progress->setMaximumHeight(m_progressLabel->sizeHint().height());
    m_cancelButton->setObjectName(QStringLiteral("costCancelButton"));
    m_cancelButton->setToolTip(tr("Stop counting the tokens of the file"));
    m_cancelButton->setFlat(true);
    connect(m_cancelButton, &QPushButton::clicked, this, &CostEstimateView::cancel);
    auto *progressLayout = new QHBoxLayout(m_progressRow);
    progressLayout->setContentsMargins(0, 0, 0, 0);
    progressLayout->addWidget(m_progressLabel);
    progressLayout->addWidget(m_progress, 1);
    progressLayout->addWidget(m_cancelButton);
    m_progressRow->hide();

    QFont bold = m_cost->font();
    bold.setBold(true);
    m_cost->setFont(bold);
    QPalette dim = m_costDetail->palette();
    dim.setColor(QPalette::WindowText, dim.color(QPalette::PlaceholderText));
    m_costDetail->setPalette(dim);
    m_costDetail->setWordWrap(true);
    m_message->setWordWrap(true);
    m_message->setPalette(dim);
    m_message->hide();

    auto *priceButton = new QPushButton(tr("Set Price\u2026"), m_values);
    priceButton->setObjectName(QStringLiteral("costPriceButton"));
    priceButton->setFlat(true);
    priceButton->setCursor(Qt::PointingHandCursor);
    connect(priceButton, &QPushButton::clicked, this, &CostEstimateView::openPrices);
    auto *costRow = new QHBoxLayout;
    costRow->setContentsMargins(0, 0, 0, 0);
    costRow->addWidget(m_cost);
    costRow->addWidget(priceButton);
    costRow->addStretch(1);

    auto *form = new QFormLayout(m_values);
    form->setContentsMargins(0, 0, 0, 0);
    form->setHorizontalSpacing(12);
    form->setVerticalSpacing(4);
    form->setLabelAlignment(Qt::AlignLeft);
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    form->addRow(caption(tr("Input tokens:"), m_values), m_input);
    form->addRow(caption(tr("Output tokens:"), m_values), m_output);
    form->addRow(caption(tr("Estimated cost:"), m_values), costRow);
    form->addRow(QString(), m_costDetail);
    m_values->hide();

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(4);
    layout->addWidget(m_progressRow);
    layout->addWidget(m_values);
    layout->addWidget(m_message);

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
    m_progressLabel->setText(tr("Counting the tokens of %1\u2026")
                                 .arg(paths.size() == 1 ? QFileInfo(paths.first()).fileName()
                                                        : tr("%n file(s)", nullptr, int(paths.size()))));
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
    m_result.reset();
    m_error.clear();
    m_values->hide();
    showMessage(text);
    if (wasRunning)
        emit estimatingChanged(false);
    emit estimateChanged();
}

void CostEstimateView::cancel()
{
    if (!m_watcher)
        return;
    m_cancelButton->setEnabled(false);
    m_progressLabel->setText(tr("Cancelling\u2026"));
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
    const auto result = watcher->future().resultCount() > 0
        ? watcher->result()
        : Result<Cost::FileCost>::failure(QStringLiteral("canceled"), QString());
    if (!result.ok()) {
        m_error = result.error().code == QLatin1StringView("canceled")
            ? tr("The cost estimate was cancelled.")
            : tr("The cost could not be estimated: %1").arg(result.errorString());
        showMessage(m_error);
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

void CostEstimateView::showMessage(const QString &text)
{
    m_message->setText(text);
    m_message->setVisible(!text.isEmpty());
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
            + tr("Includes %n image(s) at %1 tokens each (a 1024\u00d71024 image at high detail).", nullptr,
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
    auto *button = m_values->findChild<QPushButton *>(QStringLiteral("costPriceButton"));
    if (c.price) {
        const Cost::PriceEntry &p = *c.price;
        m_cost->setText(t.outputBounded()
                            ? tr("%1 at most").arg(Cost::formatDollars(*c.total()))
                            : tr("%1 + the unbounded answers").arg(Cost::formatDollars(*c.total())));
        const QString source = p.edited ? tr("edited %1").arg(p.asOf.toString(Qt::ISODate))
                                        : tr("snapshot of %1").arg(p.asOf.toString(Qt::ISODate));
        m_costDetail->setText(
            tr("input %1 + output up to %2 \u00b7 %3 batch price $%4 / $%5 per M tokens (%6 % off) \u00b7 %7")
                .arg(Cost::formatDollars(*c.inputCost), Cost::formatDollars(*c.maxOutputCost), p.model,
                     QString::number(p.batchInputPerMillion(), 'g', 4),
                     QString::number(p.batchOutputPerMillion(), 'g', 4),
                     QString::number(p.batchDiscountPercent, 'g', 3), source));
        m_costDetail->setToolTip(
            p.edited ? tr("You entered this price on %1.").arg(p.asOf.toString(Qt::ISODate))
                     : tr("The seeded snapshot of %1, typed in by hand, not fetched: check the provider's "
                          "pricing page.")
                           .arg(p.asOf.toString(Qt::ISODate)));
        button->setText(tr("Prices\u2026"));
        button->setToolTip(tr("Check or change the price of %1").arg(p.model));
    } else {
        m_cost->setText(t.model.isEmpty() ? tr("No model in the file to price")
                                          : tr("No price for %1").arg(t.model));
        m_costDetail->setText(tr("Add the model's price to the price table to see the cost and to use a "
                                 "budget."));
        m_costDetail->setToolTip(QString());
        button->setText(tr("Set Price\u2026"));
        button->setToolTip(tr("Open the price table on %1").arg(t.model));
    }
    button->setVisible(!t.model.isEmpty() || c.price);
    if (!m_result->priceError.isEmpty())
        m_costDetail->setText(m_costDetail->text() + u'\n' + m_result->priceError);
    m_values->show();
    showMessage(QString());
}

void CostEstimateView::openPrices()
{
    const QString model = m_result ? m_result->tokens.model : m_model;
    PricesDialog::openFor(window(), m_provider, model);
}

} // namespace Batchdesk::Ui
