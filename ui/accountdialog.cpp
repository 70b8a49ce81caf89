#include "accountdialog.h"

#include "appcontroller.h"
#include "icons.h"
#include "jsonl/limitprofile.h"
#include "messagebox.h"
#include "realtime/localbatches.h"

#include <QComboBox>
#include <QCryptographicHash>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPointer>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>

namespace Batchdesk::Ui {

namespace {

void dimText(QLabel *label)
{
    QPalette dim = label->palette();
    dim.setColor(QPalette::WindowText, dim.color(QPalette::PlaceholderText));
    label->setPalette(dim);
}

QColor errorColor(const QPalette &p)
{
    return p.color(QPalette::Base).lightness() < 128 ? QColor(0xff, 0x8a, 0x80) : QColor(0xb0, 0x20, 0x18);
}

} // namespace

AccountDialog::AccountDialog(AppController *controller, const Store::Account &account, QWidget *parent)
    : QDialog(parent)
    , m_controller(controller)
    , m_account(account)
    , m_preset(new QComboBox(this))
    , m_name(new QLineEdit(this))
    , m_baseUrl(new QLineEdit(this))
    , m_key(new QLineEdit(this))
    , m_profile(new QComboBox(this))
    , m_model(new QComboBox(this))
    , m_organization(new QLineEdit(this))
    , m_project(new QLineEdit(this))
    , m_realtimeHint(new QLabel(this))
    , m_concurrency(new QSpinBox(this))
    , m_rpm(new QSpinBox(this))
    , m_tpm(new QSpinBox(this))
    , m_modelMap(new QLineEdit(this))
    , m_modelMapError(new QLabel(this))
    , m_test(new QPushButton(tr("Test Connection"), this))
    , m_result(new QLabel(this))
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this))
{
    setObjectName(QStringLiteral("accountDialog"));
    setAttribute(Qt::WA_DeleteOnClose);
    setWindowTitle(account.id == 0 ? tr("Add Account") : tr("Edit Account"));
    setMinimumWidth(520);

    m_preset->setObjectName(QStringLiteral("accountPreset"));
    for (const auto &p : Store::presets())
        m_preset->addItem(p.displayName, int(p.preset));
    m_name->setObjectName(QStringLiteral("accountName"));
    m_baseUrl->setObjectName(QStringLiteral("accountBaseUrl"));
    m_baseUrl->setPlaceholderText(QStringLiteral("https://api.example.com/v1"));
    m_key->setObjectName(QStringLiteral("accountKey"));
    m_key->setEchoMode(QLineEdit::Password);
    m_profile->setObjectName(QStringLiteral("accountLimitProfile"));
    for (const auto &p : Jsonl::LimitProfile::all())
        m_profile->addItem(p.displayName, p.name);
    m_model->setObjectName(QStringLiteral("accountDefaultModel"));
    m_model->setEditable(true);
    m_organization->setObjectName(QStringLiteral("accountOrganization"));
    m_organization->setPlaceholderText(tr("Optional: org-\u2026"));
    m_organization->setText(account.organization);
    m_project->setObjectName(QStringLiteral("accountProject"));
    m_project->setPlaceholderText(tr("Optional: proj_\u2026"));
    m_project->setText(account.project);
    m_test->setObjectName(QStringLiteral("testConnectionButton"));
    m_result->setObjectName(QStringLiteral("testConnectionResult"));
    m_result->setWordWrap(true);
    m_result->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_buttons->setObjectName(QStringLiteral("accountButtons"));

    auto *note =
        new QLabel(tr("The key is stored in the system keychain, never in Batchdesk's database."), this);
    dimText(note);
    note->setWordWrap(true);

    // "Run here": how this computer runs the batches of the account against its real-time endpoint.
    m_realtimeHint->setObjectName(QStringLiteral("realtimeHint"));
    m_realtimeHint->setText(tr("Runs the requests of each batch on this computer against any "
                               "OpenAI-compatible server: vLLM, Ollama, llama.cpp, LM Studio."));
    m_realtimeHint->setWordWrap(true);
    dimText(m_realtimeHint);
    const Realtime::Limits defaults;
    m_concurrency->setObjectName(QStringLiteral("realtimeConcurrency"));
    m_concurrency->setRange(1, Realtime::Limits::kMaxConcurrency);
    m_concurrency->setValue(defaults.concurrency);
    m_concurrency->setToolTip(tr("Requests sent at the same time. A local server serves a few at once; a "
                                 "vLLM deployment many more."));
    m_rpm->setObjectName(QStringLiteral("realtimeRpm"));
    m_rpm->setRange(0, 1'000'000);
    m_rpm->setSpecialValueText(tr("No limit"));
    m_rpm->setGroupSeparatorShown(true);
    m_rpm->setToolTip(tr("At most this many requests are sent per minute (0: no limit)."));
    m_tpm->setObjectName(QStringLiteral("realtimeTpm"));
    m_tpm->setRange(0, 1'000'000'000);
    m_tpm->setSingleStep(1000);
    m_tpm->setSpecialValueText(tr("No limit"));
    m_tpm->setGroupSeparatorShown(true);
    m_tpm->setToolTip(tr("At most this many tokens per minute, estimated before sending and corrected "
                         "from the answers (0: no limit)."));
    // Numbers, not text: as wide as the widest value (whatever the language of "No limit"), all alike.
    int spinWidth = 0;
    for (QSpinBox *spin : {m_concurrency, m_rpm, m_tpm})
        spinWidth = qMax(spinWidth, spin->sizeHint().width());
    for (QSpinBox *spin : {m_concurrency, m_rpm, m_tpm}) {
        spin->setMinimumWidth(spinWidth);
        spin->setSizePolicy(QSizePolicy::Fixed, spin->sizePolicy().verticalPolicy());
    }
    m_modelMap->setObjectName(QStringLiteral("realtimeModelMap"));
    m_modelMap->setPlaceholderText(tr("batch-model=served-model, \u2026"));
    m_modelMap->setToolTip(tr("The model a batch line names \u2192 the model the server serves, e.g. "
                              "gpt-4o-mini=llama3.1:8b. Models not listed are sent as they are."));
    m_modelMap->setClearButtonEnabled(true);
    m_modelMapError->setObjectName(QStringLiteral("realtimeModelMapError"));
    m_modelMapError->setWordWrap(true);
    {
        QPalette p = m_modelMapError->palette();
        p.setColor(QPalette::WindowText, errorColor(p));
        m_modelMapError->setPalette(p);
    }

    auto *form = new QFormLayout;
    form->addRow(tr("&Provider:"), m_preset);
    form->addRow(QString(), m_realtimeHint);
    form->addRow(tr("&Name:"), m_name);
    form->addRow(tr("&Base URL:"), m_baseUrl);
    form->addRow(tr("API &key:"), m_key);
    form->addRow(QString(), note);
    form->addRow(tr("&Limits:"), m_profile);
    form->addRow(tr("Default &model:"), m_model);
    form->addRow(tr("&Concurrency:"), m_concurrency);
    form->addRow(tr("&Requests per minute:"), m_rpm);
    form->addRow(tr("&Tokens per minute:"), m_tpm);
    form->addRow(tr("Model m&apping:"), m_modelMap);
    form->addRow(QString(), m_modelMapError);
    m_realtimeFields = {m_realtimeHint, m_concurrency, m_rpm, m_tpm, m_modelMap};
    form->addRow(tr("&Organization:"), m_organization);
    form->addRow(tr("Pro&ject:"), m_project);
    m_form = form;
    auto *testRow = new QHBoxLayout;
    testRow->addWidget(m_test, 0, Qt::AlignTop);
    testRow->addWidget(m_result, 1);
    form->addRow(QString(), testRow);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addStretch(1);
    layout->addWidget(m_buttons);

    connect(m_buttons, &QDialogButtonBox::accepted, this, &AccountDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &AccountDialog::reject);
    connect(m_test, &QPushButton::clicked, this, &AccountDialog::testConnection);
    connect(m_name, &QLineEdit::textEdited, this, [this] { m_nameEdited = true; });
    connect(m_modelMap, &QLineEdit::textChanged, this, [this] { checkModelMap(); });

    if (account.id != 0) {
        m_preset->setCurrentIndex(m_preset->findData(int(account.preset)));
        m_name->setText(account.name);
        m_nameEdited = true;
        m_baseUrl->setText(account.baseUrl.toString());
        m_profile->setCurrentIndex(qMax(0, m_profile->findData(account.limitProfile)));
        m_model->setEditText(account.defaultModel);
        updatePresetRows();
    } else {
        // A new account may come with its preset chosen (a "Run here" account added from a job).
        m_preset->setCurrentIndex(qMax(0, m_preset->findData(int(account.preset))));
        applyPreset();
    }
    if (account.preset == Store::Preset::Realtime) {
        const Realtime::RunSettings settings = Realtime::RunSettings::fromJson(account.runSettings);
        m_concurrency->setValue(settings.limits.concurrency);
        m_rpm->setValue(settings.limits.requestsPerMinute);
        m_tpm->setValue(settings.limits.tokensPerMinute);
        m_modelMap->setText(Realtime::Target::modelMapText(settings.modelMap));
    }
    checkModelMap();
    connect(m_preset, &QComboBox::currentIndexChanged, this, &AccountDialog::applyPreset);
}

AccountDialog::~AccountDialog() = default;

void AccountDialog::applyPreset()
{
    const auto &info = Store::presetInfo(Store::Preset(m_preset->currentData().toInt()));
    if (!m_nameEdited)
        m_name->setText(info.preset == Store::Preset::Custom ? QString() : info.displayName);
    m_baseUrl->setText(info.defaultBaseUrl.toString());
    m_baseUrl->setPlaceholderText(info.preset == Store::Preset::Sandbox
                                      ? tr("Empty: the built-in sandbox, run inside Batchdesk")
                                      : QStringLiteral("https://api.example.com/v1"));
    m_profile->setCurrentIndex(qMax(0, m_profile->findData(info.limitProfile)));
    m_model->setEditText(info.defaultModel);
    updatePresetRows();
}

void AccountDialog::updatePresetRows()
{
    const Store::Preset preset = Store::Preset(m_preset->currentData().toInt());
    m_key->setEnabled(preset != Store::Preset::Sandbox);
    if (preset == Store::Preset::Realtime)
        m_key->setPlaceholderText(m_account.id != 0 && m_account.keySource == Store::KeySource::Keychain
                                      ? tr("Stored in the keychain; type to replace")
                                      : tr("Optional: leave empty for a server without a key"));
    else
        m_key->setPlaceholderText(m_account.id == 0 ? tr("Paste the API key")
                                                    : tr("Stored in the keychain; type to replace"));
    // OpenAI's organization and project headers: only OpenAI and custom OpenAI-compatible servers take them.
    const bool openAiHeaders = preset == Store::Preset::OpenAI || preset == Store::Preset::Custom;
    m_form->setRowVisible(m_organization, openAiHeaders);
    m_form->setRowVisible(m_project, openAiHeaders);
    const bool realtime = preset == Store::Preset::Realtime;
    for (QWidget *w : std::as_const(m_realtimeFields))
        m_form->setRowVisible(w, realtime);
    m_form->setRowVisible(m_modelMapError, realtime && !m_modelMapError->text().isEmpty());
}

bool AccountDialog::isRealtime() const
{
    return Store::Preset(m_preset->currentData().toInt()) == Store::Preset::Realtime;
}

bool AccountDialog::checkModelMap(QString *error)
{
    QString why;
    const bool ok = Realtime::Target::parseModelMap(m_modelMap->text(), &why).has_value();
    const QString text = ok ? QString() : tr("The model mapping is not valid: %1").arg(why);
    if (error)
        *error = text;
    m_modelMapError->setText(text);
    m_form->setRowVisible(m_modelMapError, isRealtime() && !ok);
    return ok;
}

QUrl AccountDialog::effectiveBaseUrl() const
{
    const QString text = m_baseUrl->text().trimmed();
    if (text.isEmpty() && Store::Preset(m_preset->currentData().toInt()) == Store::Preset::Sandbox
        && m_controller->sandbox())
        return QUrl(m_controller->sandbox()->baseUrl());
    return QUrl(text, QUrl::StrictMode);
}

Store::Account AccountDialog::collect() const
{
    Store::Account a = m_account;
    a.name = m_name->text().trimmed();
    a.preset = Store::Preset(m_preset->currentData().toInt());
    a.baseUrl = QUrl(m_baseUrl->text().trimmed(), QUrl::StrictMode);
    a.limitProfile = m_profile->currentData().toString();
    a.defaultModel = m_model->currentText().trimmed();
    a.organization = m_organization->text().trimmed();
    a.project = m_project->text().trimmed();
    a.runSettings.clear();
    if (a.preset == Store::Preset::Realtime) {
        Realtime::RunSettings settings;
        settings.limits.concurrency = m_concurrency->value();
        settings.limits.requestsPerMinute = m_rpm->value();
        settings.limits.tokensPerMinute = m_tpm->value();
        settings.modelMap =
            Realtime::Target::parseModelMap(m_modelMap->text(), nullptr).value_or(QHash<QString, QString>());
        a.runSettings = settings.toJson();
    }
    if (a.preset == Store::Preset::Sandbox && a.baseUrl.isEmpty())
        a.keySource = Store::KeySource::None;
    else if (a.preset == Store::Preset::Realtime && m_key->text().isEmpty())
        // A local server without a key: none is stored; an edited account keeps the key it has.
        a.keySource = m_account.id != 0 && m_account.keySource != Store::KeySource::None
            ? m_account.keySource
            : Store::KeySource::None;
    else if (a.keySource == Store::KeySource::None || m_account.id == 0)
        a.keySource = Store::KeySource::Keychain;
    return a;
}

QString AccountDialog::testedSetting(const QUrl &url, const QString &key)
{
    // Only compared for equality within this dialog; the key itself is not kept in clear.
    return url.toString() + u'\n'
        + QString::fromLatin1(QCryptographicHash::hash(key.toUtf8(), QCryptographicHash::Sha256).toHex());
}

void AccountDialog::setBusy(bool busy)
{
    m_test->setEnabled(!busy);
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(!busy);
}

void AccountDialog::showResult(const QString &text, bool ok)
{
    m_result->setText(text);
    QPalette p = palette();
    if (!ok)
        p.setColor(QPalette::WindowText, errorColor(p));
    m_result->setPalette(p);
    // A long error wraps over several lines: the dialog grows with it instead of clipping it.
    if (QLayout *l = layout()) {
        l->activate();
        const int needed = l->hasHeightForWidth() ? l->totalHeightForWidth(width()) : sizeHint().height();
        if (needed > height())
            resize(width(), needed);
    }
}

void AccountDialog::testConnection()
{
    const QUrl url = effectiveBaseUrl();
    if (!url.isValid() || url.isEmpty()
        || (url.scheme() != QLatin1StringView("http") && url.scheme() != QLatin1StringView("https"))) {
        showResult(tr("Enter an http:// or https:// base URL first."), false);
        return;
    }
    setBusy(true);
    showResult(tr("Testing\u2026"), true);
    QPointer<AccountDialog> self(this);
    const Store::Account account = collect();
    auto run = [self, url, account](const QString &key) {
        if (!self)
            return;
        self->m_controller->testConnection(account, url, key, [self, url, key](const QString &text, bool ok) {
            if (!self)
                return;
            self->setBusy(false);
            self->showResult(text, ok);
            self->m_failedTest = ok ? QString() : self->testedSetting(url, key);
            self->m_failedTestText = ok ? QString() : text;
        });
    };
    if (!m_key->text().isEmpty() || m_account.id == 0 || !m_key->isEnabled()) {
        run(m_key->isEnabled() ? m_key->text() : QString());
        return;
    }
    m_controller->readKey(m_account, [self, run](const QString &key, const QString &error) {
        if (!self)
            return;
        if (!error.isEmpty()) {
            self->setBusy(false);
            self->showResult(error, false);
            return;
        }
        run(key);
    });
}

void AccountDialog::accept()
{
    const Store::Account a = collect();
    if (a.name.isEmpty()) {
        showResult(tr("Give the account a name."), false);
        m_name->setFocus();
        return;
    }
    const bool sandbox = a.preset == Store::Preset::Sandbox && a.baseUrl.isEmpty();
    if (!sandbox && (!a.baseUrl.isValid() || a.baseUrl.isEmpty())) {
        showResult(tr("Enter the base URL of the API, e.g. %1.")
                       .arg(Store::presetInfo(Store::Preset::OpenAI).defaultBaseUrl.toString()),
                   false);
        m_baseUrl->setFocus();
        return;
    }
    if (a.preset == Store::Preset::Realtime) {
        QString error;
        if (!checkModelMap(&error)) {
            showResult(error, false);
            m_modelMap->setFocus();
            return;
        }
    }
    if (!sandbox && a.preset != Store::Preset::Realtime && m_account.id == 0 && m_key->text().isEmpty()) {
        showResult(tr("Enter the API key."), false);
        m_key->setFocus();
        return;
    }
    // The last test of exactly these settings failed: saving them is allowed, but not by accident.
    if (!m_failedTest.isEmpty()
        && m_failedTest == testedSetting(effectiveBaseUrl(), m_key->isEnabled() ? m_key->text() : QString())
        && MessageBox::confirm(this, tr("Save Account"),
                               tr("The connection test of these settings failed:\n\n%1\n\nSave the account "
                                  "anyway?")
                                   .arg(m_failedTestText),
                               tr("Save Anyway"), tr("Go Back"), QMessageBox::No, QMessageBox::Warning)
            != QMessageBox::Yes)
        return;
    std::optional<QString> key;
    if (!sandbox && !m_key->text().isEmpty())
        key = m_key->text();
    if (a.preset == Store::Preset::Realtime) {
        const QString problem = Realtime::RunSettings::fromJson(a.runSettings).limits.validate();
        if (!problem.isEmpty()) {
            showResult(problem, false);
            return;
        }
    }
    setBusy(true);
    showResult(tr("Saving\u2026"), true);
    QPointer<AccountDialog> self(this);
    m_controller->saveAccount(
        a, key,
        [self](const QString &error) {
            if (!self)
                return;
            self->setBusy(false);
            if (!error.isEmpty()) {
                self->showResult(error, false);
                return;
            }
            self->QDialog::accept();
        },
        m_selectNew);
}

} // namespace Batchdesk::Ui
