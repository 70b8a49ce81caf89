#pragma once

#include "store/account.h"

#include <QDialog>

class QComboBox;
class QFormLayout;
class QSpinBox;
class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QPushButton;

namespace Batchdesk::Ui {

class AppController;

/**
 * Adds or edits an account: preset, name, base URL, key (masked; stored in the keychain, never in the
 * database), limit profile and default model, with "Test connection" showing its result inline.
 *
 * For the "Run here (real-time endpoint)" preset a section takes how the batches run on this machine
 * (Realtime::RunSettings: concurrency, requests and tokens per minute, the model mapping), kept in
 * Account::runSettings; the key is optional there (local servers often take none: KeySource::None).
 *
 * Non-blocking: open() it; OK saves through AppController::saveAccount() (the keychain write is asynchronous)
 * and the dialog closes only when that succeeded, otherwise the error stays in the dialog. Deletes itself on
 * close.
 */
class AccountDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AccountDialog)

public:
    /** account.id == 0 adds a new account. */
    AccountDialog(AppController *controller, const Store::Account &account, QWidget *parent = nullptr);
    ~AccountDialog() override;

    void accept() override;
    /** Whether a new account becomes the current one when saved (default true). */
    void setSelectsNewAccount(bool select) { m_selectNew = select; }

private:
    void applyPreset();
    /** Shows the rows the chosen preset has (organization and project; the "Run here" section). */
    void updatePresetRows();
    void testConnection();
    void setBusy(bool busy);
    void showResult(const QString &text, bool ok);
    static QString testedSetting(const QUrl &url, const QString &key);
    QUrl effectiveBaseUrl() const;
    bool isRealtime() const;
    /** Checks the model mapping as typed; shows what is wrong under it. */
    bool checkModelMap(QString *error = nullptr);
    Store::Account collect() const;

    AppController *m_controller;
    Store::Account m_account;
    QComboBox *m_preset;
    QLineEdit *m_name;
    QLineEdit *m_baseUrl;
    QLineEdit *m_key;
    QComboBox *m_profile;
    QComboBox *m_model;
    QLineEdit *m_organization;
    QLineEdit *m_project;
    QFormLayout *m_form = nullptr;
    QLabel *m_realtimeHint;
    QSpinBox *m_concurrency;
    QSpinBox *m_rpm;
    QSpinBox *m_tpm;
    QLineEdit *m_modelMap;
    QLabel *m_modelMapError;
    QList<QWidget *> m_realtimeFields; ///< the rows shown for the "Run here" preset only
    QPushButton *m_test;
    QLabel *m_result;
    QDialogButtonBox *m_buttons;
    bool m_nameEdited = false;
    bool m_selectNew = true;
    /** The base URL and key of the last test that failed, and why; saving those asks first. */
    QString m_failedTest;
    QString m_failedTestText;
};

} // namespace Batchdesk::Ui
