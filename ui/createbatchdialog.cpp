#include "createbatchdialog.h"

#include "costestimateview.h"
#include "displayformat.h"
#include "icons.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDoubleValidator>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QScrollArea>
#include <QSet>
#include <QTimer>
#include <QToolButton>
#include <QVBoxLayout>

namespace Batchdesk::Ui {

namespace {
constexpr qint64 kHour = 3600;
constexpr qint64 kDay = 24 * kHour;
} // namespace

CreateBatchDialog::CreateBatchDialog(const QString &filePath, qint64 lines, const QString &endpoint,
                                     const QString &accountName, QWidget *parent)
    : QDialog(parent)
    , m_path(filePath)
    , m_endpoint(new QComboBox(this))
    , m_window(new QComboBox(this))
    , m_description(new QLineEdit(this))
    , m_expiry(new QComboBox(this))
    , m_rowsLayout(new QVBoxLayout)
    , m_add(new QToolButton(this))
    , m_pairsLabel(new QLabel(this))
    , m_problems(new QLabel(this))
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this))
    , m_retryRow(new QWidget(this))
    , m_retry(new QCheckBox(tr("Retry failed requests automatically:"), m_retryRow))
    , m_retryRounds(new QComboBox(m_retryRow))
    , m_costView(new CostEstimateView(this))
    , m_budgetRow(new QWidget(this))
    , m_budget(new QLineEdit(m_budgetRow))
    , m_budgetWarning(new QLabel(this))
{
    setObjectName(QStringLiteral("createBatchDialog"));
    setAttribute(Qt::WA_DeleteOnClose);
    setWindowTitle(tr("Create Batch"));
    setMinimumWidth(560);

    auto *heading =
        new QLabel((lines == 1 ? tr("<b>%1</b> \u2014 1 request, sent to <b>%2</b>")
                               : tr("<b>%1</b> \u2014 %3 requests, sent to <b>%2</b>")
                                     .arg(QStringLiteral("%1"), QStringLiteral("%2"),
                                          Models::DisplayFormat::count(lines)))
                       .arg(QFileInfo(filePath).fileName().toHtmlEscaped(), accountName.toHtmlEscaped()),
                   this);
    heading->setObjectName(QStringLiteral("createHeading"));
    heading->setWordWrap(true);

    m_endpoint->setObjectName(QStringLiteral("createEndpoint"));
    m_endpoint->addItem(endpoint.isEmpty() ? QStringLiteral("/v1/chat/completions") : endpoint);
    m_endpoint->setEnabled(false);
    m_endpoint->setToolTip(tr("Every request of the file uses this endpoint."));
    m_window->setObjectName(QStringLiteral("createCompletionWindow"));
    m_window->addItem(tr("24 hours"), QStringLiteral("24h"));
    m_description->setObjectName(QStringLiteral("createDescription"));
    m_description->setPlaceholderText(tr("e.g. nightly eval, labels v2"));
    m_description->setMaxLength(Api::kMaxMetadataValueLength + 50); // the check below explains the limit
    m_description->setText(QFileInfo(filePath).completeBaseName());
    m_expiry->setObjectName(QStringLiteral("outputExpiry"));
    const QList<QPair<QString, qint64>> expiries {
        {tr("1 hour"), kHour},    {tr("6 hours"), 6 * kHour}, {tr("1 day"), kDay},
        {tr("7 days"), 7 * kDay}, {tr("14 days"), 14 * kDay}, {tr("30 days"), 30 * kDay},
    };
    for (const auto &[text, seconds] : expiries)
        m_expiry->addItem(text, seconds);
    m_expiry->setCurrentIndex(m_expiry->count() - 1);
    m_expiry->setToolTip(tr("How long the provider keeps the output and error files."));

    m_add->setObjectName(QStringLiteral("metadataAdd"));
    m_add->setText(tr("Add Pair"));
    m_add->setToolButtonStyle(Qt::ToolButtonTextOnly);
    m_pairsLabel->setObjectName(QStringLiteral("metadataPairsLabel"));
    QPalette dim = m_pairsLabel->palette();
    dim.setColor(QPalette::WindowText, dim.color(QPalette::PlaceholderText));
    m_pairsLabel->setPalette(dim);
    m_problems->setObjectName(QStringLiteral("metadataProblems"));
    m_problems->setWordWrap(true);
    QPalette bad = m_problems->palette();
    bad.setColor(QPalette::WindowText,
                 bad.color(QPalette::Base).lightness() < 128 ? QColor(0xff, 0x8a, 0x80)
                                                             : QColor(0xb0, 0x20, 0x18));
    m_problems->setPalette(bad);
    m_buttons->setObjectName(QStringLiteral("createButtons"));
    m_buttons->button(QDialogButtonBox::Ok)->setText(tr("Upload and Create"));
    m_buttons->button(QDialogButtonBox::Ok)->setObjectName(QStringLiteral("createOkButton"));

    auto *rowsHost = new QWidget;
    auto *rowsOuter = new QVBoxLayout(rowsHost);
    rowsOuter->setContentsMargins(0, 0, 0, 0);
    m_rowsLayout->setSpacing(4);
    rowsOuter->addLayout(m_rowsLayout);
    rowsOuter->addStretch(1);
    auto *scroll = new QScrollArea(this);
    scroll->setObjectName(QStringLiteral("metadataEditor"));
    scroll->setWidget(rowsHost);
    scroll->setWidgetResizable(true);
    scroll->setMinimumHeight(110);
    auto *addRow = new QHBoxLayout;
    addRow->addWidget(m_add);
    addRow->addWidget(m_pairsLabel, 1);

    // A job only: failed, expired, cancelled and missing requests go again as a new round of batches.
    m_retry->setObjectName(QStringLiteral("createRetry"));
    m_retry->setToolTip(tr("When every batch of the job has finished, the requests that did not succeed "
                           "(failed, expired, cancelled or missing) are submitted again, as often as chosen. "
                           "The results table shows the latest result of each request."));
    m_retryRounds->setObjectName(QStringLiteral("createRetryRounds"));
    for (int rounds = 1; rounds <= 5; ++rounds)
        m_retryRounds->addItem(tr("up to %n round(s)", nullptr, rounds), rounds);
    m_retryRounds->setCurrentIndex(1);
    m_retryRounds->setEnabled(false);
    connect(m_retry, &QCheckBox::toggled, m_retryRounds, &QWidget::setEnabled);
    auto *retryLayout = new QHBoxLayout(m_retryRow);
    retryLayout->setContentsMargins(0, 0, 0, 0);
    retryLayout->addWidget(m_retry);
    retryLayout->addWidget(m_retryRounds);
    retryLayout->addStretch(1);

    // What it will cost, and a cap: nothing is uploaded when the estimate is above it.
    m_budget->setObjectName(QStringLiteral("createBudget"));
    m_budget->setPlaceholderText(tr("none"));
    m_budget->setClearButtonEnabled(true);
    m_budget->setMaximumWidth(m_budget->fontMetrics().horizontalAdvance(QStringLiteral("0000000.00")) + 40);
    auto *budgetValidator = new QDoubleValidator(0, 1e9, 6, m_budget);
    budgetValidator->setNotation(QDoubleValidator::StandardNotation);
    m_budget->setValidator(budgetValidator);
    m_budget->setToolTip(
        tr("The most this may cost, in US dollars: Batchdesk refuses to submit when the "
           "estimate (input, and answers up to max_tokens) is above it. A job keeps it for its "
           "retry rounds."));
    auto *budgetHint = new QLabel(tr("US dollars, optional: refused above it"), m_budgetRow);
    budgetHint->setPalette(dim);
    auto *budgetLayout = new QHBoxLayout(m_budgetRow);
    budgetLayout->setContentsMargins(0, 0, 0, 0);
    budgetLayout->addWidget(new QLabel(QStringLiteral("$"), m_budgetRow));
    budgetLayout->addWidget(m_budget);
    budgetLayout->addWidget(budgetHint, 1);
    m_budgetWarning->setObjectName(QStringLiteral("createBudgetWarning"));
    m_budgetWarning->setWordWrap(true);
    QPalette warn = m_budgetWarning->palette();
    warn.setColor(QPalette::WindowText,
                  warn.color(QPalette::Base).lightness() < 128 ? QColor(0xff, 0xc1, 0x07)
                                                               : QColor(0x8a, 0x5a, 0x00));
    m_budgetWarning->setPalette(warn);
    m_budgetWarning->hide();
    connect(m_budget, &QLineEdit::textChanged, this, &CreateBatchDialog::validateInput);
    connect(m_costView, &CostEstimateView::estimateChanged, this, &CreateBatchDialog::validateInput);

    auto *form = new QFormLayout;
    m_form = form;
    form->addRow(tr("Endpoint:"), m_endpoint);
    form->addRow(tr("Completion &window:"), m_window);
    form->addRow(tr("&Description:"), m_description);
    form->addRow(tr("Output &expiry:"), m_expiry);
    form->addRow(tr("Retries:"), m_retryRow);
    form->setRowVisible(m_retryRow, false);
    form->addRow(tr("Metadata:"), scroll);
    form->addRow(QString(), addRow);
    form->addRow(tr("Cost:"), m_costView);
    form->addRow(tr("&Budget:"), m_budgetRow);
    form->setRowVisible(m_costView, false);
    form->setRowVisible(m_budgetRow, false);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(heading);
    layout->addSpacing(4);
    layout->addLayout(form, 1);
    layout->addWidget(m_budgetWarning);
    layout->addWidget(m_problems);
    layout->addWidget(m_buttons);

    connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_add, &QToolButton::clicked, this, [this] {
        addMetadataRow();
        m_rows.last().key->setFocus();
    });
    connect(m_description, &QLineEdit::textChanged, this, &CreateBatchDialog::validateInput);
    // The first field to type in: the suggested description, selected so that typing replaces it.
    m_description->setFocus(Qt::OtherFocusReason);
    m_description->selectAll();
    addMetadataRow();
    validateInput();
}

CreateBatchDialog::~CreateBatchDialog() = default;

void CreateBatchDialog::setCompletionWindows(const QStringList &windows)
{
    if (windows.isEmpty())
        return;
    m_window->clear();
    for (const QString &w : windows) {
        // "24h", "48h", "7d": shown in words, sent as given.
        const qsizetype n = w.chopped(1).toInt();
        const QString text = w.endsWith(u'd') ? tr("%n day(s)", nullptr, int(n))
            : w.endsWith(u'h')                ? tr("%n hour(s)", nullptr, int(n))
                                              : w;
        m_window->addItem(text, w);
    }
    m_window->setEnabled(windows.size() > 1);
}

void CreateBatchDialog::addMetadataRow(const QString &key, const QString &value)
{
    const int n = int(m_rows.size());
    auto *w = new QWidget;
    auto *k = new QLineEdit(key, w);
    auto *v = new QLineEdit(value, w);
    auto *remove = new QToolButton(w);
    k->setObjectName(QStringLiteral("metadataKey%1").arg(n));
    v->setObjectName(QStringLiteral("metadataValue%1").arg(n));
    k->setPlaceholderText(tr("key"));
    v->setPlaceholderText(tr("value"));
    remove->setIcon(Models::icon(QStringLiteral("close")));
    remove->setAutoRaise(true);
    remove->setToolTip(tr("Remove this pair"));
    auto *h = new QHBoxLayout(w);
    h->setContentsMargins(0, 0, 0, 0);
    h->addWidget(k, 2);
    h->addWidget(v, 3);
    h->addWidget(remove);
    m_rowsLayout->addWidget(w);
    m_rows.append({w, k, v});
    connect(k, &QLineEdit::textChanged, this, &CreateBatchDialog::validateInput);
    connect(v, &QLineEdit::textChanged, this, &CreateBatchDialog::validateInput);
    connect(remove, &QToolButton::clicked, this, [this, w] {
        for (qsizetype i = 0; i < m_rows.size(); ++i) {
            if (m_rows.at(i).widget == w) {
                m_rows.removeAt(i);
                break;
            }
        }
        w->deleteLater();
        validateInput();
    });
    validateInput();
}

void CreateBatchDialog::setAccounts(const QList<AccountChoice> &accounts, qint64 current,
                                    std::function<QString(qint64)> check)
{
    m_accounts = accounts;
    m_accountCheck = std::move(check);
    QFormLayout *form = m_form;
    if (!m_account && form) {
        m_account = new QComboBox(this);
        m_account->setObjectName(QStringLiteral("createAccount"));
        m_account->setToolTip(tr("The account the batches go to. Another account takes the job over when "
                                 "Batchdesk switches to it."));
        form->insertRow(0, tr("&Account:"), m_account);
        connect(m_account, &QComboBox::currentIndexChanged, this, [this](int i) {
            if (i >= 0 && i < m_accounts.size()) {
                setCompletionWindows(m_accounts.at(i).completionWindows);
                if (m_costShown)
                    m_costView->setProvider(m_accounts.at(i).provider);
            }
            validateInput();
        });
    }
    if (!m_account)
        return;
    const QSignalBlocker block(m_account);
    m_account->clear();
    for (const AccountChoice &a : accounts)
        m_account->addItem(a.name, a.id);
    m_account->setCurrentIndex(qMax(0, m_account->findData(current)));
    if (m_account->currentIndex() >= 0 && m_account->currentIndex() < m_accounts.size())
        setCompletionWindows(m_accounts.at(m_account->currentIndex()).completionWindows);
    validateInput();
}

qint64 CreateBatchDialog::accountId() const
{
    return m_account ? m_account->currentData().toLongLong() : 0;
}

void CreateBatchDialog::fitHeight()
{
    if (!layout())
        return;
    layout()->activate();
    const int needed = layout()->hasHeightForWidth() ? layout()->totalHeightForWidth(width())
                                                     : layout()->totalMinimumSize().height();
    if (height() < needed)
        resize(width(), needed);
}

void CreateBatchDialog::setCostEstimate(const QStringList &paths, const QString &provider,
                                        const QString &model)
{
    m_costShown = true;
    if (auto *form = m_form) {
        form->setRowVisible(m_costView, true);
        form->setRowVisible(m_budgetRow, true);
    }
    QString chosen = provider;
    if (m_account && m_account->currentIndex() >= 0 && m_account->currentIndex() < m_accounts.size()
        && !m_accounts.at(m_account->currentIndex()).provider.isEmpty())
        chosen = m_accounts.at(m_account->currentIndex()).provider;
    m_costView->estimate(paths, chosen, model);
    fitHeight();
}

double CreateBatchDialog::budget() const
{
    QString text = m_budget->text().trimmed();
    if (text.startsWith(u'$'))
        text = text.mid(1).trimmed();
    if (text.isEmpty())
        return 0;
    bool ok = false;
    double value = QLocale().toDouble(text, &ok);
    if (!ok)
        value = QLocale::c().toDouble(text, &ok);
    return ok && qIsFinite(value) && value > 0 ? value : 0;
}

std::optional<Cost::CostEstimate> CreateBatchDialog::estimate() const
{
    const auto result = m_costView->result();
    return result ? std::optional<Cost::CostEstimate>(result->cost) : std::nullopt;
}

QStringList CreateBatchDialog::problems() const
{
    QStringList out;
    if (!m_budget->text().trimmed().isEmpty() && budget() <= 0)
        out << tr("The budget \u201c%1\u201d is not an amount of dollars above 0.")
                   .arg(m_budget->text().trimmed());
    if (const double cap = budget(); cap > 0) {
        if (!m_costShown)
            out << tr("There is no cost estimate to check the budget against.");
        else if (m_costView->isEstimating())
            out << tr("Waiting for the cost estimate to check the budget of %1\u2026")
                       .arg(Cost::formatDollars(cap));
        else if (const auto e = estimate(); !e)
            out << (m_costView->errorString().isEmpty()
                        ? tr("There is no cost estimate to check the budget against.")
                        : m_costView->errorString());
        else if (const QString refused = Cost::checkBudget(*e, cap); !refused.isEmpty())
            out << refused;
    }
    if (m_account && m_accountCheck) {
        if (const QString problem = m_accountCheck(accountId()); !problem.isEmpty())
            out << problem;
    }
    int pairs = m_description->text().trimmed().isEmpty() ? 0 : 1;
    if (m_description->text().size() > Api::kMaxMetadataValueLength)
        out << tr("The description has %1 characters; at most %2 are allowed.")
                   .arg(m_description->text().size())
                   .arg(Api::kMaxMetadataValueLength);
    QSet<QString> keys;
    for (const Row &r : m_rows) {
        const QString key = r.key->text().trimmed();
        const QString value = r.value->text();
        if (key.isEmpty() && value.isEmpty())
            continue;
        ++pairs;
        if (key.isEmpty())
            out << tr("A value has no key.");
        else if (key.size() > Api::kMaxMetadataKeyLength)
            out << tr("The key \u201c%1\u2026\u201d has %2 characters; at most %3 are allowed.")
                       .arg(key.left(20))
                       .arg(key.size())
                       .arg(Api::kMaxMetadataKeyLength);
        if (value.size() > Api::kMaxMetadataValueLength)
            out << tr("The value of \u201c%1\u201d has %2 characters; at most %3 are allowed.")
                       .arg(key.left(20))
                       .arg(value.size())
                       .arg(Api::kMaxMetadataValueLength);
        if (key == QLatin1StringView("description") && !m_description->text().trimmed().isEmpty())
            out << tr("\u201c"
                      "description\u201d is set by the Description field.");
        else if (key == Api::kClientIdKey
                 || (m_job && (key == Api::kJobKey || key == Api::kPartKey || key == Api::kRoundKey)))
            out << tr("\u201c%1\u201d is reserved for Batchdesk.").arg(key);
        else if (!key.isEmpty() && keys.contains(key))
            out << tr("The key \u201c%1\u201d is used twice.").arg(key);
        keys.insert(key);
    }
    if (pairs > userPairs())
        out << (m_job ? tr(
                    "%1 metadata pairs; at most %2 are allowed (Batchdesk adds 4 to each part of a job).")
                      : tr("%1 metadata pairs; at most %2 are allowed (the 16th identifies the submission)."))
                   .arg(pairs)
                   .arg(userPairs());
    return out;
}

void CreateBatchDialog::validateInput()
{
    const QStringList list = problems();
    QString warning;
    if (const auto e = estimate(); e && budget() > 0)
        Cost::checkBudget(*e, budget(), &warning);
    else if (e && !e->outputBounded)
        warning = tr("Some requests set no max_tokens: their answers are not in the estimate.");
    m_budgetWarning->setText(warning);
    m_budgetWarning->setVisible(!warning.isEmpty());
    m_problems->setText(list.join(u'\n'));
    // Wrapped lines (the estimate, the problems) come and go: grow to the height they need at this width (a
    // wrapped label's height is not in the layout's minimum size).
    QTimer::singleShot(0, this, &CreateBatchDialog::fitHeight);
    m_problems->setVisible(!list.isEmpty());
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(list.isEmpty());
    int pairs = m_description->text().trimmed().isEmpty() ? 0 : 1;
    for (const Row &r : std::as_const(m_rows))
        pairs += (r.key->text().trimmed().isEmpty() && r.value->text().isEmpty()) ? 0 : 1;
    m_pairsLabel->setText(
        tr("%1 of %2 pairs used (the description counts as one)").arg(pairs).arg(userPairs()));
    m_add->setEnabled(m_rows.size() < userPairs());
    // Mark the offending fields too, not only the text below.
    for (const Row &r : std::as_const(m_rows)) {
        const bool keyBad = r.key->text().trimmed().size() > Api::kMaxMetadataKeyLength
            || (r.key->text().trimmed().isEmpty() && !r.value->text().isEmpty());
        const bool valueBad = r.value->text().size() > Api::kMaxMetadataValueLength;
        for (auto [edit, isBad] : {std::pair {r.key, keyBad}, std::pair {r.value, valueBad}}) {
            QPalette p = edit->palette();
            p.setColor(QPalette::Base,
                       isBad ? QColor(0xd0, 0x3b, 0x2f, 60) : palette().color(QPalette::Base));
            edit->setPalette(p);
        }
    }
}

Api::CreateBatchParams CreateBatchDialog::params() const
{
    Api::CreateBatchParams p;
    p.endpoint = m_endpoint->currentText();
    p.completionWindow = m_window->currentData().toString();
    const QString description = m_description->text().trimmed();
    if (!description.isEmpty())
        p.metadata.insert(QStringLiteral("description"), description);
    for (const Row &r : m_rows) {
        const QString key = r.key->text().trimmed();
        if (!key.isEmpty())
            p.metadata.insert(key, r.value->text());
    }
    p.outputExpiresAfterSeconds = m_expiry->currentData().toLongLong();
    return p;
}

void CreateBatchDialog::setJobMode(bool job)
{
    m_job = job;
    if (auto *form = m_form)
        form->setRowVisible(m_retryRow, job);
    if (job)
        setMinimumWidth(qMax(minimumWidth(), 640)); // the retry row is long in German
    validateInput();
}

int CreateBatchDialog::retryRounds() const
{
    return m_job && m_retry->isChecked() ? m_retryRounds->currentData().toInt() : 0;
}

void CreateBatchDialog::setDescription(const QString &text)
{
    m_description->setText(text);
}

void CreateBatchDialog::setHeading(const QString &html)
{
    if (auto *heading = findChild<QLabel *>(QStringLiteral("createHeading")))
        heading->setText(html);
}

} // namespace Batchdesk::Ui
