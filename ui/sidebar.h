#pragma once

#include "store/account.h"

#include <QWidget>

class QLabel;
class QListWidget;
class QListWidgetItem;

namespace Batchdesk::Ui {

/**
 * The left pane: ACCOUNTS ("All accounts", then one row per account, the local sandbox with a badge, a dot
 * for the connection state) and VIEWS (Batches, Jobs, Results, Files, Validate, each with a count). Owns no
 * data: the window fills it and listens to its signals.
 */
class Sidebar final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(Sidebar)

public:
    enum class View { Batches, Jobs, Results, Files, Validate };
    Q_ENUM(View)
    enum class AccountState { Connecting, Connected, Problem };

    explicit Sidebar(QWidget *parent = nullptr);
    ~Sidebar() override;

    /** sandboxIds: the accounts run by the built-in sandbox (badged). */
    void setAccounts(const QList<Store::Account> &accounts, qint64 currentId,
                     const QList<qint64> &sandboxIds);
    void setCurrentAccount(qint64 accountId);
    void setAccountState(qint64 accountId, AccountState state);
    /** Marks the "All accounts" entry as the current one (true) or goes back to the current account. */
    void setAllAccountsCurrent(bool current);
    bool isAllAccountsCurrent() const;
    void setCurrentView(View view);
    View currentView() const;
    void setViewBadge(View view, const QString &badge);

    QListWidget *accountList() const { return m_accounts; }
    QListWidget *viewList() const { return m_views; }
    /** The one-row list of the "All accounts" entry, above the accounts (objectName "allAccountsEntry"). */
    QListWidget *allAccountsEntry() const { return m_all; }

signals:
    void accountSelected(qint64 accountId);
    /** The "All accounts" entry was chosen. */
    void allAccountsSelected();
    void viewSelected(Batchdesk::Ui::Sidebar::View view);
    void accountContextMenuRequested(qint64 accountId, const QPoint &globalPos);

private:
    QListWidget *m_all;
    QListWidget *m_accounts;
    QListWidget *m_views;
    bool m_filling = false;
};

} // namespace Batchdesk::Ui
