#pragma once

#include "store/account.h"

#include <QDialog>

class QComboBox;
class QFormLayout;
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

private:
    void applyPreset();
    void testConnection();
    void setBusy(bool busy);
    void showResult(const QString &text, bool ok);
    static QString testedSetting(const QUrl &url, const QString &key);
    QUrl effectiveBaseUrl() const;
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
    QPushButton *m_test;
    QLabel *m_result;
    QDialogButtonBox *m_buttons;
    bool m_nameEdited = false;
    /** The base URL and key of the last test that failed, and why; saving those asks first. */
    QString m_failedTest;
    QString m_failedTestText;
};

} // namespace Batchdesk::Ui
