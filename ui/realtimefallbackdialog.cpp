#include "realtimefallbackdialog.h"

#include "accountdialog.h"
#include "appcontroller.h"
#include "displayformat.h"
#include "messagebox.h"

#include <QButtonGroup>
#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QPointer>
#include <QPushButton>
#include <QRadioButton>
#include <QSet>
#include <QSpinBox>
#include <QStyle>
#include <QVBoxLayout>

#include <limits>

namespace Batchdesk::Ui {

using Store::Job;

namespace {

void dimText(QLabel *label)
{
    QPalette dim = label->palette();
    dim.setColor(QPalette::WindowText, dim.color(QPalette::PlaceholderText));
    label->setPalette(dim);
}

int clampToInt(qint64 n)
{
    return int(qBound<qint64>(0, n, qint64(std::numeric_limits<int>::max())));
}

} // namespace

RealtimeFallbackDialog::RealtimeFallbackDialog(AppController *controller, const Models::JobEntry &job,
                                               QWidget *parent)
    : QDialog(parent)
    , m_controller(controller)
    , m_job(job)
    , m_heading(new QLabel(this))
    , m_account(new QComboBox(this))
    , m_addAccount(new QPushButton(tr("&New Account\u2026"), this))
    , m_noAccount(new QLabel(this))
    , m_now(new QRadioButton(tr("No&w"), this))
    , m_auto(new QRadioButton(tr("&Automatically, while the job runs:"), this))
    , m_nowText(new QLabel(this))
    , m_afterCheck(new QCheckBox(tr("a&fter"), this))
    , m_afterHours(new QDoubleSpinBox(this))
    , m_atCheck(new QCheckBox(tr("w&hen"), this))
    , m_atPercent(new QSpinBox(this))
    , m_error(new QLabel(this))
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this))
{
    setObjectName(QStringLiteral("realtimeFallbackDialog"));
    setAttribute(Qt::WA_DeleteOnClose);
    setWindowTitle(tr("Finish %1 in Real Time").arg(job.job.id));

    const qint64 left = requestsWithoutResult(job);
    const qint64 total = job.requests();
    m_heading->setObjectName(QStringLiteral("realtimeHeading"));
    m_heading->setWordWrap(true);
    m_heading->setTextFormat(Qt::RichText);
    m_heading->setText(
        tr("<b>%1</b> \u2014 %2 of %3 requests have no result yet. They can run on a \u201cRun here\u201d "
           "account: on this computer, against a real-time endpoint.")
            .arg((job.job.name.isEmpty() ? job.job.id : job.job.name).toHtmlEscaped(),
                 Models::DisplayFormat::count(left), Models::DisplayFormat::count(total)));

    m_account->setObjectName(QStringLiteral("realtimeAccountCombo"));
    m_account->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    m_account->setMinimumContentsLength(24);
    m_addAccount->setObjectName(QStringLiteral("realtimeAddAccountButton"));
    m_addAccount->setToolTip(tr("Add a \u201cRun here\u201d account for a real-time endpoint"));
    m_addAccount->setAutoDefault(false);
    m_noAccount->setObjectName(QStringLiteral("realtimeNoAccountLabel"));
    m_noAccount->setWordWrap(true);
    m_noAccount->setText(tr("There is no \u201cRun here\u201d account yet. Add one for the server that is to "
                            "answer the requests: vLLM, Ollama, llama.cpp, LM Studio or any "
                            "OpenAI-compatible endpoint."));

    m_now->setObjectName(QStringLiteral("realtimeNowRadio"));
    m_auto->setObjectName(QStringLiteral("realtimeAutoRadio"));
    auto *when = new QButtonGroup(this);
    when->addButton(m_now);
    when->addButton(m_auto);
    m_nowText->setObjectName(QStringLiteral("realtimeNowText"));
    m_nowText->setWordWrap(true);
    m_nowText->setText(job.job.state == Job::State::Active
                           ? tr("The running batches are cancelled; their finished answers are kept.")
                           : tr("The job has ended; its answers are kept."));
    dimText(m_nowText);

    m_afterCheck->setObjectName(QStringLiteral("realtimeAfterCheck"));
    m_afterHours->setObjectName(QStringLiteral("realtimeAfterHours"));
    m_afterHours->setRange(0.5, 24.0 * 30);
    m_afterHours->setDecimals(1);
    m_afterHours->setSingleStep(0.5);
    m_afterHours->setValue(job.job.realtimeAfterHours > 0 ? job.job.realtimeAfterHours : 12.0);
    m_afterHours->setSuffix(tr(" hours"));
    m_afterHours->setToolTip(tr("Counted from the job's creation"));
    m_atCheck->setObjectName(QStringLiteral("realtimeAtCheck"));
    m_atPercent->setObjectName(QStringLiteral("realtimeAtPercent"));
    m_atPercent->setRange(1, 100);
    m_atPercent->setValue(job.job.realtimeAtPercent > 0 ? job.job.realtimeAtPercent : 95);
    m_atPercent->setSuffix(tr(" %"));
    m_afterCheck->setChecked(job.job.realtimeAfterHours > 0);
    m_atCheck->setChecked(job.job.realtimeAtPercent > 0);

    m_error->setObjectName(QStringLiteral("realtimeError"));
    m_error->setWordWrap(true);
    {
        QPalette p = m_error->palette();
        p.setColor(QPalette::WindowText,
                   p.color(QPalette::Base).lightness() < 128 ? QColor(0xff, 0x8a, 0x80)
                                                             : QColor(0xb0, 0x20, 0x18));
        m_error->setPalette(p);
    }
    m_error->hide();
    m_buttons->setObjectName(QStringLiteral("realtimeButtons"));
    m_buttons->button(QDialogButtonBox::Ok)->setObjectName(QStringLiteral("realtimeOkButton"));

    // Layout: where (account), when (now / automatically with its two triggers).
    auto *accountRow = new QHBoxLayout;
    accountRow->addWidget(m_account, 1);
    accountRow->addWidget(m_addAccount);
    auto *form = new QFormLayout;
    auto *accountLabel = new QLabel(tr("Run &on:"), this);
    accountLabel->setBuddy(m_account);
    form->addRow(accountLabel, accountRow);
    form->addRow(QString(), m_noAccount);

    const int indent = style()->pixelMetric(QStyle::PM_ExclusiveIndicatorWidth)
        + style()->pixelMetric(QStyle::PM_RadioButtonLabelSpacing);
    auto *afterLabel = new QLabel(tr("since the job was created"), this);
    auto *atLabel = new QLabel(tr("of the requests have ended"), this);
    afterLabel->setBuddy(m_afterHours);
    atLabel->setBuddy(m_atPercent);
    auto *triggers = new QGridLayout;
    triggers->setContentsMargins(indent, 0, 0, 0);
    triggers->setHorizontalSpacing(8);
    triggers->addWidget(m_afterCheck, 0, 0);
    triggers->addWidget(m_afterHours, 0, 1);
    triggers->addWidget(afterLabel, 0, 2);
    triggers->addWidget(m_atCheck, 1, 0);
    triggers->addWidget(m_atPercent, 1, 1);
    triggers->addWidget(atLabel, 1, 2);
    triggers->setColumnStretch(3, 1);
    auto *nowTextRow = new QHBoxLayout;
    nowTextRow->setContentsMargins(indent, 0, 0, 0);
    nowTextRow->addWidget(m_nowText);
    auto *whenBox = new QVBoxLayout;
    whenBox->setSpacing(4);
    whenBox->addWidget(m_now);
    whenBox->addLayout(nowTextRow);
    whenBox->addSpacing(6);
    whenBox->addWidget(m_auto);
    whenBox->addLayout(triggers);
    form->addRow(tr("When:"), whenBox);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_heading);
    layout->addSpacing(6);
    layout->addLayout(form);
    layout->addWidget(m_error);
    layout->addStretch(1);
    layout->addWidget(m_buttons);

    connect(m_buttons, &QDialogButtonBox::accepted, this, &RealtimeFallbackDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_addAccount, &QPushButton::clicked, this, &RealtimeFallbackDialog::addAccount);
    for (QAbstractButton *b :
         std::initializer_list<QAbstractButton *> {m_now, m_auto, m_afterCheck, m_atCheck})
        connect(b, &QAbstractButton::toggled, this, &RealtimeFallbackDialog::updateState);
    connect(m_account, &QComboBox::currentIndexChanged, this, &RealtimeFallbackDialog::updateState);
    connect(controller, &AppController::accountsChanged, this, [this] { reloadAccounts(accountId()); });

    // A policy only acts while the job runs; Now is also for an ended job with requests left.
    const bool active = job.job.state == Job::State::Active;
    m_auto->setEnabled(active);
    if (!active)
        m_auto->setToolTip(tr("Only while the job runs"));
    const bool hasPolicy = job.job.realtimeAfterHours > 0 || job.job.realtimeAtPercent > 0;
    (active && hasPolicy ? m_auto : m_now)->setChecked(true);
    reloadAccounts(job.job.realtimeAccountId);
    setMinimumWidth(500);
}

RealtimeFallbackDialog::~RealtimeFallbackDialog() = default;

qint64 RealtimeFallbackDialog::requestsWithoutResult(const Models::JobEntry &job)
{
    const qint64 total = job.requests();
    const qint64 succeeded = qMin(job.succeeded(), total);
    const qint64 failed = qMin(job.failed(), total - succeeded);
    return qMax<qint64>(0, total - succeeded - failed);
}

qint64 RealtimeFallbackDialog::accountId() const
{
    return m_account->currentData().toLongLong();
}

QString RealtimeFallbackDialog::confirmText() const
{
    const QString account = m_account->currentData(Qt::UserRole + 1).toString();
    const int left = clampToInt(requestsWithoutResult(m_job));
    if (m_job.job.state == Job::State::Active)
        return tr("The running batches of this job are cancelled; their finished answers are kept; the %n "
                  "request(s) without a result run on %1.",
                  nullptr, left)
            .arg(account);
    return tr("The %n request(s) of this job without a result run on %1; the answers the job has are kept.",
              nullptr, left)
        .arg(account);
}

void RealtimeFallbackDialog::reloadAccounts(qint64 select)
{
    const QSignalBlocker blocker(m_account);
    m_account->clear();
    for (const Store::Account &a : m_controller->realtimeAccounts()) {
        const QString host = a.baseUrl.host().isEmpty() ? a.baseUrl.toString() : a.baseUrl.authority();
        m_account->addItem(host.isEmpty() ? a.name : tr("%1 \u2014 %2").arg(a.name, host), a.id);
        m_account->setItemData(m_account->count() - 1, a.name, Qt::UserRole + 1);
        m_account->setItemData(m_account->count() - 1, a.baseUrl.toString(), Qt::ToolTipRole);
    }
    const int index = m_account->findData(select);
    m_account->setCurrentIndex(index >= 0 ? index : 0);
    const bool none = m_account->count() == 0;
    m_account->setEnabled(!none);
    if (none)
        m_account->setPlaceholderText(tr("No \u201cRun here\u201d account"));
    m_noAccount->setVisible(none);
    updateState();
}

void RealtimeFallbackDialog::addAccount()
{
    Store::Account draft;
    draft.preset = Store::Preset::Realtime;
    QSet<qint64> before;
    for (const Store::Account &a : m_controller->accounts())
        before.insert(a.id);
    auto *dialog = new AccountDialog(m_controller, draft, this);
    // The job belongs to the current account: the new one must not replace it.
    dialog->setSelectsNewAccount(false);
    QPointer<RealtimeFallbackDialog> self(this);
    connect(dialog, &QDialog::accepted, this, [self, before] {
        if (!self)
            return;
        for (const Store::Account &a : self->m_controller->realtimeAccounts()) {
            if (!before.contains(a.id)) {
                self->reloadAccounts(a.id);
                break;
            }
        }
        self->m_account->setFocus();
    });
    dialog->open();
}

void RealtimeFallbackDialog::updateState()
{
    m_afterCheck->setEnabled(m_auto->isChecked());
    m_atCheck->setEnabled(m_auto->isChecked());
    m_afterHours->setEnabled(m_auto->isChecked() && m_afterCheck->isChecked());
    m_atPercent->setEnabled(m_auto->isChecked() && m_atCheck->isChecked());
    QPushButton *ok = m_buttons->button(QDialogButtonBox::Ok);
    const bool hadPolicy = m_job.job.realtimeAfterHours > 0 || m_job.job.realtimeAtPercent > 0;
    const bool triggers = m_afterCheck->isChecked() || m_atCheck->isChecked();
    if (m_now->isChecked()) {
        ok->setText(tr("Finish Now"));
        ok->setEnabled(m_account->count() > 0 && requestsWithoutResult(m_job) > 0);
    } else {
        ok->setText(triggers || !hadPolicy ? tr("Save Policy") : tr("Turn Policy Off"));
        ok->setEnabled(m_account->count() > 0 && (triggers || hadPolicy));
    }
    m_error->hide();
}

void RealtimeFallbackDialog::showError(const QString &text)
{
    m_error->setText(text);
    m_error->show();
}

void RealtimeFallbackDialog::accept()
{
    const qint64 account = accountId();
    if (account <= 0) {
        showError(tr("Choose a \u201cRun here\u201d account, or add one."));
        return;
    }
    Result<void> result;
    if (m_now->isChecked()) {
        if (MessageBox::confirm(this, tr("Finish in Real Time"), confirmText(), tr("Finish in Real Time"),
                                tr("Go Back"))
            != QMessageBox::Yes)
            return;
        result = m_controller->finishJobInRealtime(m_job.job.id, account);
    } else {
        result = m_controller->setJobRealtimePolicy(m_job.job.id, account,
                                                    m_afterCheck->isChecked() ? m_afterHours->value() : 0.0,
                                                    m_atCheck->isChecked() ? m_atPercent->value() : 0);
    }
    if (!result.ok()) {
        showError(result.errorString());
        return;
    }
    QDialog::accept();
}

} // namespace Batchdesk::Ui
