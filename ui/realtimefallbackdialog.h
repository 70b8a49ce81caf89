#pragma once

#include "jobtreemodel.h"

#include <QDialog>

class QCheckBox;
class QComboBox;
class QDialogButtonBox;
class QDoubleSpinBox;
class QLabel;
class QPushButton;
class QRadioButton;
class QSpinBox;

namespace Batchdesk::Ui {

class AppController;

/**
 * "Finish the Rest in Real Time…" for a job of a Batch API account: which "Run here" account runs the
 * requests that have no result, and when: Now (AppController::finishJobInRealtime: the job's running batches
 * are cancelled, their finished answers kept, the rest runs in real time as a new round) or Automatically
 * (AppController::setJobRealtimePolicy: after T hours and/or when X % of the requests have ended).
 *
 * Pre-filled from the job's policy. Without a "Run here" account it says so and offers to add one (the
 * account dialog with that preset; the new account does not become the current one). OK confirms Now
 * with a sentence saying what happens, then calls the controller; an error stays in the dialog. Non-blocking
 * (open()); deletes itself on close.
 */
class RealtimeFallbackDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RealtimeFallbackDialog)

public:
    RealtimeFallbackDialog(AppController *controller, const Models::JobEntry &job, QWidget *parent = nullptr);
    ~RealtimeFallbackDialog() override;

    void accept() override;

    /** Requests of the job with no result now (neither succeeded nor failed): what a switch would run. */
    static qint64 requestsWithoutResult(const Models::JobEntry &job);
    /** The sentence the confirmation of Now shows. */
    QString confirmText() const;
    qint64 accountId() const;

private:
    void reloadAccounts(qint64 select = 0);
    void addAccount();
    void updateState();
    void showError(const QString &text);

    AppController *m_controller;
    Models::JobEntry m_job;
    QLabel *m_heading;
    QComboBox *m_account;
    QPushButton *m_addAccount;
    QLabel *m_noAccount;
    QRadioButton *m_now;
    QRadioButton *m_auto;
    QLabel *m_nowText;
    QCheckBox *m_afterCheck;
    QDoubleSpinBox *m_afterHours;
    QCheckBox *m_atCheck;
    QSpinBox *m_atPercent;
    QLabel *m_error;
    QDialogButtonBox *m_buttons;
};

} // namespace Batchdesk::Ui
