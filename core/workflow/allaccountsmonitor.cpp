#include "allaccountsmonitor.h"

#include "accountservice.h"
#include "api/apiclient.h"
#include "api/apijob.h"
#include "api/retrypolicy.h"
#include "store/batchcache.h"
#include "submission.h"

#include <QPointer>

namespace Batchdesk::Workflow {

struct AllAccountsMonitor::State
{
    Store::Account account;
    QList<Api::Batch> batches; ///< newest first
    QString problem;
    std::optional<QString> key; ///< read once per activation
    std::unique_ptr<Api::ApiClient> client;
};

AllAccountsMonitor::AllAccountsMonitor(AccountService *accounts, Store::BatchCache *cache,
                                       QNetworkAccessManager *nam, QObject *parent)
    : QObject(parent)
    , m_accounts(accounts)
    , m_cache(cache)
    , m_nam(nam)
{
    m_timer.setInterval(kDefaultIntervalMs);
    connect(&m_timer, &QTimer::timeout, this, &AllAccountsMonitor::refresh);
    connect(m_accounts, &AccountService::accountsChanged, this, [this] {
        if (!m_active)
            return;
        // Added, edited or removed accounts: start again from the cache, with keys read again.
        setActive(false);
        setActive(true);
    });
}

AllAccountsMonitor::~AllAccountsMonitor() = default;

void AllAccountsMonitor::setEndpointResolver(EndpointResolver resolver)
{
    m_resolver = std::move(resolver);
}

void AllAccountsMonitor::setIntervalMs(int ms)
{
    m_timer.setInterval(qMax(100, ms));
}

void AllAccountsMonitor::setActive(bool active)
{
    if (active == m_active)
        return;
    m_active = active;
    if (!active) {
        m_timer.stop();
        ++m_generation;
        m_queue.clear();
        m_inFlight = 0;
        m_states.clear(); // the clients go, and with them every reply on its way
        return;
    }
    loadCache();
    m_timer.start();
    refresh();
}

void AllAccountsMonitor::loadCache()
{
    m_states.clear();
    for (const Store::Account &a : m_accounts->accounts()) {
        auto state = std::make_shared<State>();
        state->account = a;
        if (const auto cached = m_cache->load(a.id); cached.ok())
            state->batches = cached.value();
        m_states.insert(a.id, state);
    }
    emitBatches();
}

void AllAccountsMonitor::refresh()
{
    if (!m_active || isRefreshing())
        return;
    for (const Store::Account &a : m_accounts->accounts()) {
        if (m_states.contains(a.id))
            m_queue.append(a.id);
    }
    if (m_queue.isEmpty()) {
        emit roundFinished();
        return;
    }
    startNext();
}

void AllAccountsMonitor::startNext()
{
    while (m_inFlight < kMaxInFlight && !m_queue.isEmpty()) {
        const auto state = m_states.value(m_queue.takeFirst());
        if (!state)
            continue;
        ++m_inFlight;
        listAccount(state->account);
    }
}

void AllAccountsMonitor::listAccount(const Store::Account &a)
{
    if (m_resolver) {
        if (const auto endpoint = m_resolver(a)) {
            if (!endpoint->error.isEmpty())
                finishAccount(a.id, endpoint->error);
            else
                list(a, endpoint->baseUrl, endpoint->key);
            return;
        }
    }
    if (!a.baseUrl.isValid() || a.baseUrl.isEmpty()) {
        finishAccount(a.id, tr("The account has no base URL. Edit the account to set one."));
        return;
    }
    const auto state = m_states.value(a.id);
    if (state && state->key) {
        list(a, a.baseUrl, *state->key);
        return;
    }
    switch (a.keySource) {
    case Store::KeySource::None:
        list(a, a.baseUrl, QString());
        return;
    case Store::KeySource::Environment: {
        const QString key = qEnvironmentVariable(a.keyEnvironmentVariable.toUtf8().constData());
        if (key.isEmpty())
            finishAccount(a.id,
                          tr("The environment variable %1, which holds the key, is not set.")
                              .arg(a.keyEnvironmentVariable));
        else
            list(a, a.baseUrl, key);
        return;
    }
    case Store::KeySource::Keychain: {
        const quint64 generation = m_generation;
        QPointer<AllAccountsMonitor> self(this);
        m_accounts->readKey(a, [self, generation, a](const QString &key, const QString &error) {
            if (!self || generation != self->m_generation)
                return;
            if (!error.isEmpty() || key.isEmpty()) {
                self->finishAccount(a.id,
                                    error.isEmpty()
                                        ? tr("No key is stored in the keychain. Edit the account to "
                                             "store one.")
                                        : tr("Cannot read the key from the keychain: %1").arg(error));
                return;
            }
            if (const auto state = self->m_states.value(a.id))
                state->key = key;
            self->list(a, a.baseUrl, key);
        });
        return;
    }
    }
}

void AllAccountsMonitor::list(const Store::Account &a, const QUrl &baseUrl, const QString &key)
{
    const auto state = m_states.value(a.id);
    if (!state) {
        finishAccount(a.id, QString());
        return;
    }
    if (!state->client) {
        state->client = std::make_unique<Api::ApiClient>(m_nam);
        Api::RetryPolicy once;
        once.maxRetries = 0; // the next round is the retry
        state->client->setRetryPolicy(once);
    }
    configureClient(state->client.get(), a, baseUrl);
    state->client->setApiKey(key);
    state->client->setRequestTimeoutMs(m_requestTimeoutMs);
    Api::ListJob *job = state->client->listBatches(kPageLimit, 1);
    const qint64 id = a.id;
    const quint64 generation = m_generation;
    connect(job, &Api::ApiJob::finished, this, [this, job, id, generation] {
        if (generation != m_generation)
            return;
        if (job->failed()) {
            const Api::ApiError e = job->error();
            finishAccount(id, withHint(tr("Could not list the batches: %1").arg(e.message), e));
            return;
        }
        const QList<Api::Batch> listed = job->batches();
        m_cache->upsert(id, listed); // a failed write loses nothing shown: the next round lists again
        merge(id, listed);
        finishAccount(id, QString());
        emitBatches();
    });
    job->start();
}

void AllAccountsMonitor::finishAccount(qint64 accountId, const QString &problem)
{
    if (const auto state = m_states.value(accountId)) {
        const QString before = state->problem;
        state->problem = problem;
        if (!problem.isEmpty())
            emit accountProblem(accountId, state->account.name, problem);
        else if (!before.isEmpty())
            emit accountRecovered(accountId);
    }
    m_inFlight = qMax(0, m_inFlight - 1);
    if (m_queue.isEmpty() && m_inFlight == 0) {
        emit roundFinished();
        return;
    }
    // Queued: a resolver or a key answered synchronously must not recurse through every account.
    QMetaObject::invokeMethod(this, &AllAccountsMonitor::startNext, Qt::QueuedConnection);
}

void AllAccountsMonitor::merge(qint64 accountId, const QList<Api::Batch> &listed)
{
    const auto state = m_states.value(accountId);
    if (!state)
        return;
    QHash<QString, qsizetype> index;
    for (qsizetype i = 0; i < state->batches.size(); ++i)
        index.insert(state->batches.at(i).id, i);
    for (const Api::Batch &b : listed) {
        if (const auto it = index.constFind(b.id); it != index.cend())
            state->batches[*it] = b;
        else
            state->batches.append(b);
    }
    std::stable_sort(state->batches.begin(), state->batches.end(),
                     [](const Api::Batch &x, const Api::Batch &y) {
                         return x.createdAt != y.createdAt ? x.createdAt > y.createdAt : x.id > y.id;
                     });
}

QList<AccountBatch> AllAccountsMonitor::batches() const
{
    QList<AccountBatch> out;
    for (const Store::Account &a : m_accounts->accounts()) {
        const auto state = m_states.value(a.id);
        if (!state)
            continue;
        const QString provider = Store::presetInfo(state->account.preset).displayName;
        for (const Api::Batch &b : state->batches)
            out.append({a.id, state->account.name, provider, b});
    }
    return out;
}

QHash<qint64, QString> AllAccountsMonitor::problems() const
{
    QHash<qint64, QString> out;
    for (auto it = m_states.cbegin(); it != m_states.cend(); ++it) {
        if (!(*it)->problem.isEmpty())
            out.insert(it.key(), (*it)->problem);
    }
    return out;
}

void AllAccountsMonitor::emitBatches()
{
    emit batchesChanged(batches());
}

} // namespace Batchdesk::Workflow
