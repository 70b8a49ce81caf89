#pragma once

#include "api/types.h"
#include "store/account.h"

#include <QHash>
#include <QList>
#include <QObject>
#include <QTimer>
#include <QUrl>

#include <functional>
#include <memory>
#include <optional>

class QNetworkAccessManager;

namespace Batchdesk::Api {
class ApiClient;
}
namespace Batchdesk::Store {
class BatchCache;
}

namespace Batchdesk::Workflow {

class AccountService;

/** One batch of the "All accounts" list: the batch and the account (and its provider) it belongs to. */
struct AccountBatch
{
    qint64 accountId = 0;
    QString accountName;
    QString providerName; ///< the preset's display name ("OpenAI", "DeepInfra", "Local sandbox", ...)
    Api::Batch batch;
};

/**
 * The batches of every account at once, for the "All accounts" view.
 *
 * While active: every account's cached batches are emitted at once (Store::BatchCache::load), then every
 * account is refreshed by listing its newest batches (one listBatches(100, 1) per account per round, with a
 * client of its own set up by configureClient, no retries; at most kMaxInFlight accounts at a time; a round
 * every intervalMs, 30 s by default). What an account returned is stored in the cache (upsert) and the merged
 * list is emitted with batchesChanged(). An account that cannot be listed (no key, no base URL, network,
 * 401, ...) is reported once per failure with accountProblem() and never holds the others up; its cached
 * batches stay listed. Inactive: no timer, no request; replies still on their way are dropped.
 *
 * Keys: KeySource::None sends none, Environment reads the variable, Keychain reads through
 * AccountService::readKey (once per activation). An endpoint resolver can replace the base URL and key of
 * an account (the in-process sandbox, whose port and key exist only in the running app). The service, the
 * cache and the network access manager are not owned. QtCore/QtNetwork only; one thread.
 */
class AllAccountsMonitor final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AllAccountsMonitor)

public:
    static constexpr int kMaxInFlight = 2;
    static constexpr int kDefaultIntervalMs = 30'000;
    static constexpr int kPageLimit = 100;

    struct Endpoint
    {
        QUrl baseUrl;
        QString key;
        QString error; ///< when not empty: the account cannot be reached now, and why
    };
    /** An endpoint for accounts that are not reached at their stored URL (nullopt: use the account's). */
    using EndpointResolver = std::function<std::optional<Endpoint>(const Store::Account &)>;

    AllAccountsMonitor(AccountService *accounts, Store::BatchCache *cache, QNetworkAccessManager *nam,
                       QObject *parent = nullptr);
    ~AllAccountsMonitor() override;

    void setEndpointResolver(EndpointResolver resolver);
    void setIntervalMs(int ms);
    int intervalMs() const { return m_timer.interval(); }
    /** Per request (default 20 s). */
    void setRequestTimeoutMs(int ms) { m_requestTimeoutMs = ms; }

    /** Starts (cache at once, then a round) or stops following every account. */
    void setActive(bool active);
    bool isActive() const { return m_active; }
    /** A round now (when active and none runs). */
    void refresh();
    bool isRefreshing() const { return !m_queue.isEmpty() || m_inFlight > 0; }

    /** Every account's batches, in account order, each account's newest first. */
    QList<AccountBatch> batches() const;
    /** The current problem of each account that has one (account id → message). */
    QHash<qint64, QString> problems() const;

signals:
    void batchesChanged(const QList<Batchdesk::Workflow::AccountBatch> &batches);
    /** An account could not be listed: "what happened" in one line, with the account's name. */
    void accountProblem(qint64 accountId, const QString &accountName, const QString &message);
    /** An account that had a problem was listed again. */
    void accountRecovered(qint64 accountId);
    void roundFinished();

private:
    struct State;
    void loadCache();
    void startNext();
    void listAccount(const Store::Account &account);
    void list(const Store::Account &account, const QUrl &baseUrl, const QString &key);
    void finishAccount(qint64 accountId, const QString &problem);
    void merge(qint64 accountId, const QList<Api::Batch> &batches);
    void emitBatches();

    AccountService *m_accounts;
    Store::BatchCache *m_cache;
    QNetworkAccessManager *m_nam;
    EndpointResolver m_resolver;
    QTimer m_timer;
    int m_requestTimeoutMs = 20'000;
    bool m_active = false;
    quint64 m_generation = 0; ///< bumped by every stop: replies of an earlier activation are dropped
    QList<qint64> m_queue; ///< accounts still to list in this round
    int m_inFlight = 0;
    QHash<qint64, std::shared_ptr<State>> m_states;
};

} // namespace Batchdesk::Workflow

Q_DECLARE_METATYPE(Batchdesk::Workflow::AccountBatch)
