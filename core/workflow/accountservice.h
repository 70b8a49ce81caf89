#pragma once

#include "common/result.h"
#include "realtime/localbatches.h"
#include "store/account.h"

#include <QList>
#include <QObject>
#include <QUrl>

#include <functional>
#include <optional>

class QNetworkAccessManager;

namespace Batchdesk::Api {
class ApiClient;
struct Provider;
} // namespace Batchdesk::Api

namespace Batchdesk::Store {
class AccountStore;
class BatchCache;
} // namespace Batchdesk::Store
namespace Batchdesk::Secrets {
class SecretStore;
}

namespace Batchdesk::Workflow {

/**
 * The accounts of the desktop app and their keys: add, edit and remove an account (the database row, the
 * keychain entry, the cached batches), read a stored key, and test an endpoint with a key before saving it.
 *
 * Keys are read and written with the asynchronous SecretStore API, so nothing blocks the calling thread;
 * every call ends with exactly one callback (done), on this object's thread, unless this service was
 * destroyed first (the callbacks are then dropped). accounts() is the list as last read from the database;
 * accountsChanged() follows every change made through this service. The stores, the secret store and the
 * network access manager are not owned and must outlive the service. QtCore/QtNetwork only: tested without a
 * GUI.
 */
/** The provider an account speaks (its preset's; OpenAI's shape for the sandbox and custom accounts). */
Api::Provider providerFor(const Store::Account &account);
/** Sets a client up for an account: provider, base URL (baseUrl when given, else the account's) and the
 *  OpenAI-Organization / OpenAI-Project headers. The key is set by the caller. */
void configureClient(Api::ApiClient *client, const Store::Account &account, const QUrl &baseUrl = {});
/** What a real-time run on this account needs: its endpoint (baseUrl when given), the key, its auth style and
 *  headers, and its stored limits and model map ("Run here"; defaults for other accounts). */
Realtime::LocalBatches::Runner runnerFor(const Store::Account &account, const QString &key,
                                         const QUrl &baseUrl = {});

class AccountService final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AccountService)

public:
    AccountService(Store::AccountStore *accounts, Store::BatchCache *cache, Secrets::SecretStore *secrets,
                   QNetworkAccessManager *nam, QObject *parent = nullptr);
    ~AccountService() override;

    /** Reads the accounts from the database again; an error leaves the list empty and is returned. */
    Result<bool> reload();
    const QList<Store::Account> &accounts() const { return m_accounts; }
    std::optional<Store::Account> account(qint64 accountId) const;

    /**
     * Adds (id == 0) or updates an account. A key, when given and the account keeps its key in the keychain,
     * is written first; a renamed account's key moves to the entry of its new name. done(id) with the
     * account's id, or an error.
     */
    void save(Store::Account account, const std::optional<QString> &key,
              std::function<void(Result<qint64>)> done);
    /** Removes an account, its cached batches and its keychain entry; done(error text or empty). The account
     *  is gone from accounts() before done() when only the keychain entry could not be deleted. */
    void remove(qint64 accountId, std::function<void(const QString &error)> done);
    /** Reads the stored key of an account (empty without a keychain entry); done(key, error). */
    void readKey(const Store::Account &account,
                 std::function<void(const QString &key, const QString &error)> done);
    /** Lists the models and the newest batches of an endpoint with a key of its own client (no retries, 15 s
     *  per call); done(one-line summary, ok). */
    void testConnection(const QUrl &baseUrl, const QString &key,
                        std::function<void(const QString &text, bool ok)> done);
    /** The same in the account's provider's wire format (auth header, paths, headers). */
    void testConnection(const Store::Account &account, const QUrl &baseUrl, const QString &key,
                        std::function<void(const QString &text, bool ok)> done);

signals:
    void accountsChanged();

private:
    Store::AccountStore *m_store;
    Store::BatchCache *m_cache;
    Secrets::SecretStore *m_secrets;
    QNetworkAccessManager *m_nam;
    QList<Store::Account> m_accounts;
};

} // namespace Batchdesk::Workflow
