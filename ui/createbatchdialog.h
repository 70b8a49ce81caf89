#pragma once

#include "api/types.h"
#include "cost/pricetable.h"

#include <QDialog>

#include <functional>
#include <optional>

class QCheckBox;
class QComboBox;
class QDialogButtonBox;
class QFormLayout;
class QLabel;
class QLineEdit;
class QToolButton;
class QVBoxLayout;

namespace Batchdesk::Ui {

class CostEstimateView;

/**
 * The parameters of a new batch: endpoint (from the validated file), completion window, description, metadata
 * pairs (checked as you type against the API's limits: 16 pairs, one of which Batchdesk uses for its client
 * id, keys up to 64 and values up to 512 characters) and output expiry (1 hour to 30 days, default 30 days).
 *
 * With setCostEstimate(), the dialog also shows what the file(s) will cost (counted in the background) and
 * offers a Budget (dollars, optional): above it, or without a price to judge by, OK is disabled with
 * Cost::checkBudget()'s reason; requests without max_tokens are warned about.
 *
 * OK is enabled only while everything is within the limits; problems are listed under the editor. The dialog
 * starts nothing itself: the caller reads params(), budget() and estimate() after accepted(). Non-blocking
 * (open()); deletes itself on close.
 */
class CreateBatchDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CreateBatchDialog)

public:
    CreateBatchDialog(const QString &filePath, qint64 lines, const QString &endpoint,
                      const QString &accountName, QWidget *parent = nullptr);
    ~CreateBatchDialog() override;

    /** The parameters without the input file id (known after the upload). */
    Api::CreateBatchParams params() const;
    QString filePath() const { return m_path; }
    /** Replaces the heading (rich text), e.g. for a job of several files. */
    void setHeading(const QString &html);
    /** The completion windows the provider accepts ("24h" .. "7d" on Groq); the first is chosen. */
    void setCompletionWindows(const QStringList &windows);
    /** Replaces the suggested description (the file's name without its suffix). */
    void setDescription(const QString &text);
    /** Adds a metadata row (also the "Add" button). */
    void addMetadataRow(const QString &key = {}, const QString &value = {});
    /** The list of current problems, empty when the parameters can be sent. */
    QStringList problems() const;
    /**
     * Makes this the dialog of a job: the metadata pairs Batchdesk adds to every part (job, part, round) are
     * reserved, and "Retry failed requests automatically: up to K rounds" is offered (off by default).
     */
    void setJobMode(bool job);
    /** The retry rounds chosen (0: off, or not a job). */
    int retryRounds() const;
    /**
     * Offers a choice of account (a job can go to any account): a combo box of the accounts given, the
     * current one chosen. check(accountId) returns what keeps the job from that account (its parts over the
     * account's limits) or an empty string; the completion windows follow the account's profile. Hidden when
     * not called.
     */
    struct AccountChoice
    {
        qint64 id = 0;
        QString name;
        QStringList completionWindows;
        QString provider; ///< Api::Provider id: whose prices the estimate uses
    };
    void setAccounts(const QList<AccountChoice> &accounts, qint64 current,
                     std::function<QString(qint64 accountId)> check = {});
    /** The account chosen (0 when setAccounts() was not called). */
    qint64 accountId() const;

    /**
     * Shows the cost estimate of paths (the file, or a job's parts, together) at provider's prices (the
     * chosen account's when setAccounts() gives providers), and the Budget field. Counts in the background.
     */
    void setCostEstimate(const QStringList &paths, const QString &provider, const QString &model = {});
    /** The budget typed in, in dollars; 0: none (or not a number, which problems() names). */
    double budget() const;
    /** The finished estimate (nullopt while counting, without setCostEstimate(), or when it failed). */
    std::optional<Cost::CostEstimate> estimate() const;
    CostEstimateView *costView() const { return m_costView; }

    /** Pairs the user may set on a single batch: 16 minus the one Batchdesk needs for its client id. */
    static constexpr int kUserPairs = Api::kMaxMetadataPairs - 1;
    /** On a job's parts: minus the job, part and round pairs too. */
    static constexpr int kJobUserPairs = kUserPairs - 3;

private:
    void validateInput();
    void fitHeight();
    int userPairs() const { return m_job ? kJobUserPairs : kUserPairs; }

    struct Row
    {
        QWidget *widget;
        QLineEdit *key;
        QLineEdit *value;
    };

    QString m_path;
    QComboBox *m_account = nullptr;
    QList<AccountChoice> m_accounts;
    std::function<QString(qint64)> m_accountCheck;
    QComboBox *m_endpoint;
    QComboBox *m_window;
    QLineEdit *m_description;
    QComboBox *m_expiry;
    QVBoxLayout *m_rowsLayout;
    QList<Row> m_rows;
    QToolButton *m_add;
    QLabel *m_pairsLabel;
    QLabel *m_problems;
    QDialogButtonBox *m_buttons;
    QWidget *m_retryRow;
    QCheckBox *m_retry;
    QComboBox *m_retryRounds;
    QFormLayout *m_form = nullptr;
    CostEstimateView *m_costView;
    QWidget *m_budgetRow;
    QLineEdit *m_budget;
    QLabel *m_budgetWarning;
    bool m_job = false;
    bool m_costShown = false; ///< setCostEstimate() was called
};

} // namespace Batchdesk::Ui
