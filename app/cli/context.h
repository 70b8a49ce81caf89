#pragma once

#include "api/apiclient.h"
#include "common/result.h"
#include "store/accountstore.h"
#include "store/intentstore.h"

#include <QNetworkAccessManager>
#include <QStringList>

#include <memory>
#include <optional>

namespace Batchdesk::Api {
class ApiJob;
}
namespace Batchdesk::Secrets {
class SecretStore;
}
namespace Batchdesk::Realtime {
class LocalBatches;
}
namespace Batchdesk::Store {
class ResultsStore;
class JobStore;
} // namespace Batchdesk::Store

namespace Batchdesk::Cli {

/** Options that every command accepts, anywhere on the command line. */
struct GlobalOptions
{
    QString account;
    QString baseUrl;
    /** --provider ID with --base-url: the wire format of that server (default: OpenAI's shape). */
    QString provider;
    bool json = false;
    bool quiet = false;
    /** --request-timeout S: the total time one API call may take (0 = the client's default, 120 s). */
    double requestTimeoutSeconds = 0;
    /** The command waits for batches (--wait, batches wait): batches of "Run here" accounts run in this
     *  process meanwhile. */
    bool runsLocalBatches = false;
};

/** Splits the global options (--account NAME, --base-url URL, --json, --quiet) out of the arguments. */
Result<GlobalOptions> takeGlobalOptions(QStringList &args);

/**
 * What a command needs: the local store, the keychain, and an API client for the chosen account (or for
 * --base-url with the key from BATCHDESK_API_KEY). Opened lazily, so that `validate` needs none of it.
 */
class Context
{
public:
    explicit Context(GlobalOptions options);
    ~Context();

    const GlobalOptions &options() const { return m_options; }
    bool json() const { return m_options.json; }

    Result<std::shared_ptr<Store::Database>> database();
    Store::AccountStore *accounts();
    Store::IntentStore *intents();
    Secrets::SecretStore *secrets();
    /** The account the command works on (--account, or the only / first account); empty with --base-url. */
    std::optional<Store::Account> account() const { return m_account; }
    /** Where submissions are recorded: the account's id, or 0 with the base URL as origin (--base-url). */
    qint64 scopeAccountId() const { return m_account ? m_account->id : 0; }
    QString scopeOrigin() const;
    /** An API client ready to use, or an error that says how to choose an account or provide a key. */
    Result<Api::ApiClient *> client();
    /** The account chosen by --account (or the only one), without reading its key. */
    Result<Store::Account> resolveAccount();
    /** The folder key of the results of this account under dataDirectory()/results: the account's id, or
     *  "url-" and a hash of --base-url. */
    Result<QString> resultsKey();
    /** Downloaded results and resubmit links; null when the database cannot be opened. */
    Store::ResultsStore *results();
    /** Jobs and their parts; null when the database cannot be opened. */
    Store::JobStore *jobs();
    /** Creates a client for an explicit account (accounts test). */
    Result<Api::ApiClient *> clientFor(const Store::Account &account);
    /** The API key of an account: from its environment variable or the keychain; empty when it has none. */
    Result<QString> keyFor(const Store::Account &account);

    /** The batches run on this machine ("Run here" accounts, a job's stragglers): dataDirectory()/realtime.
     */
    Realtime::LocalBatches *localBatches();
    /** Runs a job to its end in a local event loop; prints retries on stderr unless --quiet. */
    bool run(Api::ApiJob *job);
    /** Prints an API error on stderr with its hint; returns the exit code for it (1). */
    int reportApiError(Api::ApiJob *job, const QString &what);

    /** Matches pending submissions of the account with the server's batches (after a crash or a lost reply).
     */
    void reconcilePendingIntents();

private:
    void applyClientOptions(Api::ApiClient *client) const;

    GlobalOptions m_options;
    std::shared_ptr<Store::Database> m_db;
    std::unique_ptr<Store::AccountStore> m_accounts;
    std::unique_ptr<Store::IntentStore> m_intents;
    std::unique_ptr<Secrets::SecretStore> m_secrets;
    std::unique_ptr<Store::ResultsStore> m_resultsStore;
    std::unique_ptr<Store::JobStore> m_jobStore;
    QNetworkAccessManager m_nam;
    std::unique_ptr<Realtime::LocalBatches> m_localBatches;
    std::unique_ptr<Api::ApiClient> m_client;
    std::optional<Store::Account> m_account;
};

/** Parses "k=v" pairs; an error text when one is malformed. */
Result<QMap<QString, QString>> parseMetadata(const QStringList &pairs);

} // namespace Batchdesk::Cli
