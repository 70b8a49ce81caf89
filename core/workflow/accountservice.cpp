#include "accountservice.h"

#include "api/apiclient.h"
#include "api/apijob.h"
#include "secrets/secretstore.h"
#include "store/accountstore.h"
#include "store/batchcache.h"
#include "submission.h"

#include <QPointer>

namespace Batchdesk::Workflow {

AccountService::AccountService(Store::AccountStore *accounts, Store::BatchCache *cache,
                               Secrets::SecretStore *secrets, QNetworkAccessManager *nam, QObject *parent)
    : QObject(parent)
    , m_store(accounts)
    , m_cache(cache)
    , m_secrets(secrets)
    , m_nam(nam)
{ }

AccountService::~AccountService() = default;

Result<bool> AccountService::reload()
{
    const auto list = m_store->list();
    m_accounts = list.ok() ? list.value() : QList<Store::Account>();
    if (!list.ok())
        return list.error();
    return true;
}

std::optional<Store::Account> AccountService::account(qint64 accountId) const
{
    for (const auto &a : m_accounts) {
        if (a.id == accountId)
            return a;
    }
    return std::nullopt;
}

void AccountService::save(Store::Account account, const std::optional<QString> &key,
                          std::function<void(Result<qint64>)> done)
{
    // Keychain callbacks are plain functions: they must not reach a service that is gone.
    QPointer<AccountService> self(this);
    auto store = [self, account, done]() mutable {
        if (!self)
            return;
        const std::optional<Store::Account> old = self->account(account.id);
        qint64 id = account.id;
        if (account.id == 0) {
            const auto added = self->m_store->add(account);
            if (!added.ok()) {
                done(added.error());
                return;
            }
            id = added.value().id;
        } else if (const auto updated = self->m_store->update(account); !updated.ok()) {
            done(updated.error());
            return;
        }
        // A renamed account keeps its key: the entry name follows the account name.
        if (old && old->name != account.name && account.keySource == Store::KeySource::Keychain) {
            Secrets::SecretStore *secrets = self->m_secrets;
            secrets->read(old->secretKey(), [secrets, self, old, account](Result<QString> k) {
                if (!self || !k.ok())
                    return;
                secrets->write(account.secretKey(), k.value(), [secrets, self, old](Result<bool>) {
                    if (self)
                        secrets->remove(old->secretKey(), [](Result<bool>) {});
                });
            });
        }
        self->reload();
        emit self->accountsChanged();
        done(id);
    };
    if (key && account.keySource == Store::KeySource::Keychain) {
        m_secrets->write(account.secretKey(), *key, [self, store, done](Result<bool> written) mutable {
            if (!self)
                return;
            if (!written.ok()) {
                done(
                    Error {QStringLiteral("keychain"),
                           tr("The key could not be stored in the keychain: %1").arg(written.errorString())});
                return;
            }
            store();
        });
    } else {
        store();
    }
}

void AccountService::remove(qint64 accountId, std::function<void(const QString &)> done)
{
    const auto account = this->account(accountId);
    if (!account) {
        done(tr("The account does not exist."));
        return;
    }
    m_cache->clear(accountId);
    if (const auto removed = m_store->remove(account->name); !removed.ok()) {
        done(removed.errorString());
        return;
    }
    reload();
    emit accountsChanged();
    if (account->keySource != Store::KeySource::Keychain) {
        done(QString());
        return;
    }
    QPointer<AccountService> self(this);
    m_secrets->remove(account->secretKey(), [self, done](Result<bool> r) {
        if (!self)
            return;
        // A key that was never stored is not a failure of the removal.
        done(r.ok() || r.error().code == QStringLiteral("not_found")
                 ? QString()
                 : tr("The account was removed, but its key could not be deleted from the keychain: %1")
                       .arg(r.errorString()));
    });
}

void AccountService::readKey(const Store::Account &account,
                             std::function<void(const QString &, const QString &)> done)
{
    if (account.keySource != Store::KeySource::Keychain) {
        done(QString(), QString());
        return;
    }
    QPointer<AccountService> self(this);
    m_secrets->read(account.secretKey(), [self, done](Result<QString> key) {
        if (self)
            done(key.ok() ? key.value() : QString(), key.ok() ? QString() : key.errorString());
    });
}

Api::Provider providerFor(const Store::Account &account)
{
    return Api::Provider::byId(Store::presetInfo(account.preset).provider)
        .value_or(Api::Provider::openAiCompatible());
}

namespace {
QList<std::pair<QByteArray, QByteArray>> extraHeaders(const Store::Account &account)
{
    QList<std::pair<QByteArray, QByteArray>> headers;
    if (!account.organization.trimmed().isEmpty())
        headers.append({QByteArrayLiteral("OpenAI-Organization"), account.organization.trimmed().toUtf8()});
    if (!account.project.trimmed().isEmpty())
        headers.append({QByteArrayLiteral("OpenAI-Project"), account.project.trimmed().toUtf8()});
    return headers;
}
} // namespace

void configureClient(Api::ApiClient *client, const Store::Account &account, const QUrl &baseUrl)
{
    client->setProvider(providerFor(account));
    client->setBaseUrl(baseUrl.isEmpty() ? account.baseUrl : baseUrl);
    client->setExtraHeaders(extraHeaders(account));
}

Realtime::LocalBatches::Runner runnerFor(const Store::Account &account, const QString &key,
                                         const QUrl &baseUrl)
{
    Realtime::LocalBatches::Runner runner;
    runner.target.baseUrl = baseUrl.isEmpty() ? account.baseUrl : baseUrl;
    runner.target.apiKey = key;
    runner.target.provider = providerFor(account);
    runner.target.headers = extraHeaders(account);
    // A "Run here" account keeps its limits and model map; any other account runs with the defaults.
    const Realtime::RunSettings settings = Realtime::RunSettings::fromJson(account.runSettings);
    runner.limits = settings.limits;
    runner.target.modelMap = settings.modelMap;
    return runner;
}

void AccountService::testConnection(const QUrl &baseUrl, const QString &key,
                                    std::function<void(const QString &, bool)> done)
{
    Store::Account account;
    account.preset = Store::Preset::Custom;
    testConnection(account, baseUrl, key, std::move(done));
}

void AccountService::testConnection(const Store::Account &account, const QUrl &baseUrl, const QString &key,
                                    std::function<void(const QString &, bool)> done)
{
    // A client of its own: testing must not disturb the current account. Jobs are its children, so it is
    // deleted (later) only when the last job has finished.
    auto *client = new Api::ApiClient(m_nam, this);
    configureClient(client, account, baseUrl);
    client->setApiKey(key);
    Api::RetryPolicy policy;
    policy.maxRetries = 0;
    client->setRetryPolicy(policy);
    client->setRequestTimeoutMs(15'000);
    Api::ListJob *models = client->listModels();
    connect(models, &Api::ApiJob::finished, this, [this, client, models, done] {
        const bool modelsOk = !models->failed();
        const qsizetype modelCount = modelsOk ? models->models().size() : 0;
        if (!modelsOk && client->runsLocally()) {
            // A "Run here" account's batches are local: the model list is the only word from its endpoint.
            client->deleteLater();
            done(withHint(tr("The real-time endpoint did not answer. %1").arg(models->error().message),
                          models->error()),
                 false);
            return;
        }
        Api::ListJob *batches = client->listBatches(20, 1);
        connect(batches, &Api::ApiJob::finished, this, [client, batches, done, modelCount, modelsOk] {
            client->deleteLater();
            if (batches->failed()) {
                done(withHint(tr("The test failed. %1").arg(batches->error().message), batches->error()),
                     false);
                return;
            }
            const qsizetype n = batches->batches().size();
            const QString models = !modelsOk ? tr("the model list is not available")
                : modelCount == 1            ? tr("1 model")
                                             : tr("%1 models").arg(modelCount);
            const QString recent = n == 1 ? tr("1 recent batch") : tr("%1 recent batches").arg(n);
            done(tr("Connected: %1, %2.").arg(models, recent), true);
        });
        batches->start();
    });
    models->start();
}

} // namespace Batchdesk::Workflow
