#include "context.h"

#include "store/jobstore.h"

#include "workflow/intentreconciler.h"

#include "api/apijob.h"
#include "api/provider.h"
#include "clioutput.h"
#include "common/paths.h"
#include "realtime/localbatches.h"
#include "secrets/keychainsecretstore.h"
#include "store/resultsstore.h"
#include "workflow/accountservice.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QEventLoop>
#include <QJsonDocument>
#include <QSqlQuery>

namespace Batchdesk::Cli {

namespace {
QString tr(const char *s)
{
    return QCoreApplication::translate("Batchdesk::Cli", s);
}
} // namespace

Result<GlobalOptions> takeGlobalOptions(QStringList &args)
{
    GlobalOptions o;
    QStringList rest;
    for (qsizetype i = 0; i < args.size(); ++i) {
        const QString &a = args.at(i);
        auto value = [&](const QString &name) -> std::optional<QString> {
            if (a.startsWith(name + u'='))
                return a.mid(name.size() + 1);
            if (a == name && i + 1 < args.size())
                return args.at(++i);
            return std::nullopt;
        };
        if (a == QLatin1StringView("--json")) {
            o.json = true;
        } else if (a == QLatin1StringView("--quiet") || a == QLatin1StringView("-q")) {
            o.quiet = true;
        } else if (a == QLatin1StringView("--account") || a.startsWith(QLatin1StringView("--account="))) {
            const auto v = value(QStringLiteral("--account"));
            if (!v)
                return Error {QStringLiteral("usage"), tr("--account needs a NAME.")};
            o.account = *v;
        } else if (a == QLatin1StringView("--base-url") || a.startsWith(QLatin1StringView("--base-url="))) {
            const auto v = value(QStringLiteral("--base-url"));
            if (!v)
                return Error {QStringLiteral("usage"), tr("--base-url needs a URL.")};
            o.baseUrl = *v;
        } else if (a == QLatin1StringView("--provider") || a.startsWith(QLatin1StringView("--provider="))) {
            const auto v = value(QStringLiteral("--provider"));
            QStringList ids;
            for (const auto &p : Api::Provider::all())
                ids << p.id;
            if (!v || !Api::Provider::byId(*v))
                return Error {QStringLiteral("usage"),
                              tr("--provider needs one of %1.").arg(ids.join(QStringLiteral(", ")))};
            o.provider = *v;
        } else if (a == QLatin1StringView("--request-timeout")
                   || a.startsWith(QLatin1StringView("--request-timeout="))) {
            const auto v = value(QStringLiteral("--request-timeout"));
            bool ok = false;
            const double seconds = v ? v->toDouble(&ok) : 0;
            if (!ok || seconds <= 0 || seconds > 86400)
                return Error {QStringLiteral("usage"),
                              tr("--request-timeout needs a number of seconds (more than 0).")};
            o.requestTimeoutSeconds = seconds;
        } else {
            rest << a;
        }
    }
    args = rest;
    if (!o.account.isEmpty() && !o.baseUrl.isEmpty())
        return Error {QStringLiteral("usage"), tr("Use either --account or --base-url, not both.")};
    if (!o.provider.isEmpty() && o.baseUrl.isEmpty())
        return Error {QStringLiteral("usage"),
                      tr("--provider goes with --base-url (an account knows its provider).")};
    return o;
}

Result<QMap<QString, QString>> parseMetadata(const QStringList &pairs)
{
    QMap<QString, QString> out;
    for (const auto &p : pairs) {
        const qsizetype eq = p.indexOf(u'=');
        if (eq <= 0)
            return Error {QStringLiteral("usage"), tr("--metadata expects key=value, got \"%1\".").arg(p)};
        out.insert(p.left(eq), p.mid(eq + 1));
    }
    return out;
}

Context::Context(GlobalOptions options)
    : m_options(std::move(options))
{ }

Context::~Context() = default;

Result<std::shared_ptr<Store::Database>> Context::database()
{
    if (!m_db) {
        auto db = Store::Database::open(databasePath());
        if (!db.ok())
            return db.error();
        m_db = db.value();
        m_accounts = std::make_unique<Store::AccountStore>(m_db);
        m_intents = std::make_unique<Store::IntentStore>(m_db);
    }
    return m_db;
}

Store::AccountStore *Context::accounts()
{
    return database().ok() ? m_accounts.get() : nullptr;
}

Store::IntentStore *Context::intents()
{
    return database().ok() ? m_intents.get() : nullptr;
}

Secrets::SecretStore *Context::secrets()
{
    if (!m_secrets) {
        bool ok = false;
        const int timeout = qEnvironmentVariableIntValue("BATCHDESK_KEYCHAIN_TIMEOUT_MS", &ok);
        m_secrets = std::make_unique<Secrets::KeychainSecretStore>(QStringLiteral("Batchdesk"),
                                                                   ok ? timeout : 10'000);
    }
    return m_secrets.get();
}

Result<QString> Context::keyFor(const Store::Account &account)
{
    QString key;
    switch (account.keySource) {
    case Store::KeySource::Environment:
        key = qEnvironmentVariable(account.keyEnvironmentVariable.toUtf8().constData());
        if (key.isEmpty())
            return Error {QStringLiteral("no_key"),
                          tr("Account \"%1\" takes its key from the environment variable %2, "
                             "which is not set.")
                              .arg(account.name, account.keyEnvironmentVariable)};
        break;
    case Store::KeySource::Keychain: {
        const auto secret = secrets()->readSync(account.secretKey());
        if (!secret.ok())
            return Error {
                secret.error().code,
                tr("Cannot get the API key of account \"%1\": %2").arg(account.name, secret.errorString())};
        key = secret.value();
        break;
    }
    case Store::KeySource::None:
        break;
    }
    return key;
}

Result<Api::ApiClient *> Context::clientFor(const Store::Account &account)
{
    const auto key = keyFor(account);
    if (!key.ok())
        return key.error();
    if (!account.baseUrl.isValid() || account.baseUrl.isEmpty())
        return Error {QStringLiteral("usage"), tr("Account \"%1\" has no base URL.").arg(account.name)};
    m_client = std::make_unique<Api::ApiClient>(&m_nam);
    Workflow::configureClient(m_client.get(), account);
    m_client->setApiKey(key.value());
    m_client->setLocalBackend(localBatches(), account.id);
    applyClientOptions(m_client.get());
    return m_client.get();
}

void Context::applyClientOptions(Api::ApiClient *client) const
{
    if (m_options.requestTimeoutSeconds > 0) {
        const int ms = int(m_options.requestTimeoutSeconds * 1000);
        client->setRequestDeadlineMs(ms);
        client->setRequestTimeoutMs(qMin(ms, client->requestTimeoutMs()));
        client->setRetryBudgetMs(qMax<qint64>(ms, client->retryBudgetMs() / 4));
    }
}

Realtime::LocalBatches *Context::localBatches()
{
    if (!m_localBatches) {
        m_localBatches =
            std::make_unique<Realtime::LocalBatches>(dataDirectory() + QStringLiteral("/realtime"));
        m_localBatches->setAutoRun(m_options.runsLocalBatches);
        m_localBatches->setResolver([this](qint64 accountId, auto done) {
            Store::AccountStore *store = accounts();
            const auto account = store
                ? store->byId(accountId)
                : Result<Store::Account>::failure(QStringLiteral("db"), tr("No database."));
            if (!account.ok())
                return done(account.error());
            const auto key = keyFor(account.value());
            if (!key.ok())
                return done(key.error());
            done(Workflow::runnerFor(account.value(), key.value()));
        });
    }
    return m_localBatches.get();
}

Result<Api::ApiClient *> Context::client()
{
    if (m_client)
        return m_client.get();
    if (!m_options.baseUrl.isEmpty()) {
        const QUrl url(m_options.baseUrl, QUrl::StrictMode);
        if (!url.isValid()
            || (url.scheme() != QLatin1StringView("http") && url.scheme() != QLatin1StringView("https")))
            return Error {QStringLiteral("usage"), tr("--base-url must be an http:// or https:// URL.")};
        m_client = std::make_unique<Api::ApiClient>(&m_nam);
        if (!m_options.provider.isEmpty())
            m_client->setProvider(*Api::Provider::byId(m_options.provider));
        m_client->setBaseUrl(url);
        m_client->setApiKey(qEnvironmentVariable("BATCHDESK_API_KEY"));
        applyClientOptions(m_client.get());
        return m_client.get();
    }
    auto account = resolveAccount();
    if (!account.ok())
        return account.error();
    return clientFor(*m_account);
}

Result<Store::Account> Context::resolveAccount()
{
    if (m_account)
        return *m_account;
    auto db = database();
    if (!db.ok())
        return db.error();
    if (!m_options.account.isEmpty()) {
        auto account = m_accounts->byName(m_options.account);
        if (!account.ok())
            return account.error();
        m_account = account.value();
    } else {
        auto all = m_accounts->list();
        if (!all.ok())
            return all.error();
        if (all.value().isEmpty())
            return Error {
                QStringLiteral("usage"),
                tr("No account is configured. Add one with \"batchdesk-cli accounts add NAME --key-stdin\", "
                   "or use --base-url URL with the key in BATCHDESK_API_KEY.")};
        if (all.value().size() > 1)
            return Error {QStringLiteral("usage"),
                          tr("Several accounts are configured; choose one with --account NAME.")};
        m_account = all.value().first();
    }
    return *m_account;
}

Result<QString> Context::resultsKey()
{
    if (!m_options.baseUrl.isEmpty()) {
        const QByteArray url = QUrl(m_options.baseUrl).adjusted(QUrl::StripTrailingSlash).toEncoded();
        return QString(
            QStringLiteral("url-")
            + QString::fromLatin1(QCryptographicHash::hash(url, QCryptographicHash::Sha1).toHex().left(12)));
    }
    auto account = resolveAccount();
    if (!account.ok())
        return account.error();
    return QString::number(account.value().id);
}

Store::ResultsStore *Context::results()
{
    if (!m_resultsStore && database().ok())
        m_resultsStore = std::make_unique<Store::ResultsStore>(m_db);
    return m_resultsStore.get();
}

Store::JobStore *Context::jobs()
{
    if (!m_jobStore && database().ok())
        m_jobStore = std::make_unique<Store::JobStore>(m_db);
    return m_jobStore.get();
}

bool Context::run(Api::ApiJob *job)
{
    job->setAutoDelete(false);
    QEventLoop loop;
    QObject::connect(job, &Api::ApiJob::finished, &loop, &QEventLoop::quit);
    if (!m_options.quiet) {
        QObject::connect(job, &Api::ApiJob::retrying, job, [](int retry, int delayMs, const QString &reason) {
            err(tr("%1 - retry %2 in %3 s").arg(reason).arg(retry).arg(delayMs / 1000.0, 0, 'f', 1));
        });
    }
    job->start();
    if (!job->isFinished())
        loop.exec();
    return !job->failed();
}

int Context::reportApiError(Api::ApiJob *job, const QString &what)
{
    const Api::ApiError &e = job->error();
    QString text = what.isEmpty() ? e.message : what + QStringLiteral(": ") + e.message;
    const QString hint = e.hint();
    if (!hint.isEmpty())
        text += u'\n' + hint;
    err(text);
    return e.kind == Api::ApiError::Kind::Local ? UsageError : Failure;
}

QString Context::scopeOrigin() const
{
    if (m_account || m_options.baseUrl.isEmpty())
        return {};
    return QUrl(m_options.baseUrl).adjusted(QUrl::StripTrailingSlash | QUrl::RemoveUserInfo).toString();
}

void Context::reconcilePendingIntents()
{
    if (!intents() || (!m_account && m_options.baseUrl.isEmpty()))
        return;
    auto client = this->client();
    if (!client.ok())
        return;
    Workflow::IntentReconciler reconciler(client.value(), m_intents.get(), {scopeAccountId(), scopeOrigin()});
    QEventLoop loop;
    QObject::connect(&reconciler, &Workflow::IntentReconciler::finished, &loop, &QEventLoop::quit);
    reconciler.start();
    if (!reconciler.isFinished())
        loop.exec();
    for (const Api::Batch &b : reconciler.found()) {
        if (!m_options.quiet)
            err(tr("Note: an earlier submission whose reply was lost did create batch %1.").arg(b.id));
    }
}

} // namespace Batchdesk::Cli
