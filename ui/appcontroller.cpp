#include "appcontroller.h"

#include "common/filehash.h"

#include <QCoreApplication>

#include "api/apiclient.h"
#include "api/apijob.h"
#include "batchtablemodel.h"
#include "common/paths.h"
#include "filetablemodel.h"
#include "results/resultsdownload.h"
#include "secrets/keychainsecretstore.h"
#include "store/accountstore.h"
#include "store/batchcache.h"
#include "store/database.h"
#include "store/intentstore.h"
#include "store/resultsstore.h"
#include "store/samplestore.h"
#include "workflow/intentreconciler.h"

#include <QCryptographicHash>
#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QFutureWatcher>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>
#include <QNetworkAccessManager>
#include <QSaveFile>
#include <QSettings>
#include <QTimer>
#include <QUuid>
#include <QtConcurrent>

namespace Batchdesk::Ui {

namespace {

const QString kLastAccountKey = QStringLiteral("Accounts/current");

using Workflow::withHint;

} // namespace

// ----------------------------------------------------------------------------------------------
// AppController

AppController::AppController(AppOptions options, QObject *parent)
    : QObject(parent)
    , m_options(std::move(options))
    , m_nam(new QNetworkAccessManager(this))
    , m_batchModel(new Models::BatchTableModel(this))
    , m_fileModel(new Models::FileTableModel(this))
{
    m_secrets = std::make_unique<Secrets::KeychainSecretStore>(QStringLiteral("Batchdesk"),
                                                               m_options.keychainTimeoutMs);
    connect(m_fileModel, &QAbstractItemModel::rowsInserted, this, &AppController::statusChanged);
    connect(m_fileModel, &QAbstractItemModel::rowsRemoved, this, &AppController::statusChanged);
    connect(m_fileModel, &QAbstractItemModel::modelReset, this, &AppController::statusChanged);
}

AppController::~AppController()
{
    for (const auto &s : std::as_const(m_submissions)) {
        if (s)
            s->cancel();
    }
    m_batchModel->setMonitor(nullptr);
    m_monitor.reset();
    m_client.reset();
    // Close our kept-alive connections first: the in-process server would otherwise wait for them to time out
    // before it can stop (about 2 s at every quit).
    m_nam->clearConnectionCache();
    if (m_sandbox)
        m_sandbox->stop();
}

bool AppController::initialize(QString *error)
{
    QDir().mkpath(dataDirectory());
    auto db = Store::Database::open(databasePath());
    if (!db.ok()) {
        if (error)
            *error = tr("Could not open the local database %1: %2")
                         .arg(QDir::toNativeSeparators(databasePath()), db.errorString());
        return false;
    }
    m_db = db.value();
    m_accountStore = std::make_unique<Store::AccountStore>(m_db);
    m_intents = std::make_unique<Store::IntentStore>(m_db);
    m_cache = std::make_unique<Store::BatchCache>(m_db);
    m_samples = std::make_unique<Store::SampleStore>(m_db);
    m_results = std::make_unique<Store::ResultsStore>(m_db);

    reloadAccounts();
    if (m_accounts.isEmpty()) {
        // A newcomer gets a working account at once: the built-in sandbox, run in this process.
        Store::Account sandbox;
        sandbox.name = tr("Local sandbox");
        sandbox.preset = Store::Preset::Sandbox;
        sandbox.limitProfile = Store::presetInfo(Store::Preset::Sandbox).limitProfile;
        sandbox.defaultModel = Store::presetInfo(Store::Preset::Sandbox).defaultModel;
        sandbox.keySource = Store::KeySource::None;
        const auto added = m_accountStore->add(sandbox);
        if (!added.ok()) {
            if (error)
                *error = added.errorString();
            return false;
        }
        reloadAccounts();
    }
    const qint64 last = QSettings().value(kLastAccountKey).toLongLong();
    qint64 pick = m_accounts.first().id;
    for (const auto &a : std::as_const(m_accounts)) {
        if (a.id == last)
            pick = a.id;
    }
    emit accountsChanged();
    selectAccount(pick);
    return true;
}

void AppController::reloadAccounts()
{
    const auto list = m_accountStore->list();
    m_accounts = list.ok() ? list.value() : QList<Store::Account>();
    if (!list.ok())
        emit problem(tr("Could not read the accounts: %1").arg(list.errorString()));
}

std::optional<Store::Account> AppController::currentAccount() const
{
    for (const auto &a : m_accounts) {
        if (a.id == m_currentId)
            return a;
    }
    return std::nullopt;
}

bool AppController::isSandbox(const Store::Account &account) const
{
    return account.preset == Store::Preset::Sandbox && account.baseUrl.isEmpty();
}

void AppController::selectAccount(qint64 accountId)
{
    std::optional<Store::Account> account;
    for (const auto &a : std::as_const(m_accounts)) {
        if (a.id == accountId)
            account = a;
    }
    if (!account)
        return;
    ++m_generation;
    m_filesLoading = false;
    m_filesReloadPending = false;
    m_currentId = accountId;
    if (!m_orphans.isEmpty()) {
        m_orphans.clear();
        emit orphanUploadsChanged();
    }
    m_ready = false;
    QSettings().setValue(kLastAccountKey, accountId);

    m_batchModel->setMonitor(nullptr);
    m_monitor.reset();
    m_client.reset();
    m_batchModel->clear();
    m_fileModel->setFiles({});
    for (const auto &d : std::as_const(m_downloads)) {
        if (d)
            d->abort();
    }
    m_downloads.clear();
    m_downloadQueue.clear();
    m_downloadErrors.clear();
    m_withLocalInput = m_intents->batchesWithLocalInput(accountId);
    updateDownloadedBatches();
    emit problemCleared();

    // The cache first, so the list shows at once, before any network round.
    const auto cached = m_cache->load(accountId);
    if (cached.ok())
        m_batchModel->setBatches(cached.value());
    const auto cachedFiles = m_cache->loadFiles(accountId);
    if (cachedFiles.ok()) {
        m_fileModel->setFiles(cachedFiles.value());
        m_batchModel->setOutputFiles(cachedFiles.value());
    }
    m_fileModel->setStorageLimitBytes(account->preset == Store::Preset::DeepInfra
                                              || account->preset == Store::Preset::Sandbox
                                          ? Models::FileTableModel::kDeepInfraStorageLimit
                                          : 0);
    emit currentAccountChanged();
    emit statusChanged();
    connectAccount(*account);
}

void AppController::connectAccount(const Store::Account &account)
{
    if (isSandbox(account)) {
        QString error;
        if (!ensureSandbox(&error)) {
            emit problem(tr("The local sandbox could not start: %1").arg(error));
            return;
        }
        startMonitoring(account, QUrl(m_sandbox->baseUrl()), m_sandboxKey);
        return;
    }
    if (!account.baseUrl.isValid() || account.baseUrl.isEmpty()) {
        emit problem(
            tr("Account \u201c%1\u201d has no base URL. Edit the account to set one.").arg(account.name));
        return;
    }
    switch (account.keySource) {
    case Store::KeySource::None:
        startMonitoring(account, account.baseUrl, QString());
        break;
    case Store::KeySource::Environment: {
        const QString key = qEnvironmentVariable(account.keyEnvironmentVariable.toUtf8().constData());
        if (key.isEmpty())
            emit problem(
                tr("Account \u201c%1\u201d takes its key from the environment variable %2, which is not "
                   "set. Set it and restart, or store the key in the keychain.")
                    .arg(account.name, account.keyEnvironmentVariable));
        else
            startMonitoring(account, account.baseUrl, key);
        break;
    }
    case Store::KeySource::Keychain: {
        const int generation = m_generation;
        m_secrets->read(account.secretKey(), [this, account, generation](Result<QString> key) {
            if (generation != m_generation)
                return; // the user switched accounts meanwhile
            if (!key.ok()) {
                emit problem(
                    tr("Cannot read the API key of \u201c%1\u201d from the keychain: %2 Edit the account "
                       "to store the key again.")
                        .arg(account.name, key.errorString()));
                return;
            }
            startMonitoring(account, account.baseUrl, key.value());
        });
        break;
    }
    }
}

bool AppController::ensureSandbox(QString *error)
{
    if (m_sandbox && m_sandbox->isRunning())
        return true;
    Sandbox::SandboxConfig config = m_options.sandbox;
    if (config.dataDir.isEmpty())
        config.dataDir = dataDirectory() + QStringLiteral("/sandbox");
    QDir().mkpath(config.dataDir);
    // Other users of this computer can reach the loopback port: a random key for this run, held in memory
    // only, keeps them out of this user's files.
    if (config.apiKey.isEmpty())
        config.apiKey = Sandbox::SandboxServer::generateKey();
    m_sandboxKey = config.apiKey;
    m_sandbox = std::make_unique<Sandbox::SandboxServer>(config);
    if (!m_sandbox->start(error)) {
        m_sandbox.reset();
        return false;
    }
    return true;
}

void AppController::startMonitoring(const Store::Account &account, const QUrl &baseUrl, const QString &key)
{
    m_client = std::make_unique<Api::ApiClient>(m_nam);
    m_client->setBaseUrl(baseUrl);
    m_client->setApiKey(key);
    if (m_options.retryPolicy)
        m_client->setRetryPolicy(*m_options.retryPolicy);

    m_monitor = std::make_unique<Monitor::BatchMonitor>(m_client.get());
    m_monitor->setSettings(m_options.monitor);
    m_monitor->setCache(m_cache.get(), account.id);
    m_monitor->setSampleStore(m_samples.get());
    const QList<Api::Batch> cached = m_monitor->loadFromCache();
    if (m_batchModel->rowCount() == 0 && !cached.isEmpty())
        m_batchModel->setBatches(cached);
    m_batchModel->setMonitor(m_monitor.get());

    connect(m_monitor.get(), &Monitor::BatchMonitor::roundFailed, this, [this](const Api::ApiError &e) {
        emit problem(withHint(tr("Could not refresh the batches: %1").arg(e.message), e));
    });
    connect(m_monitor.get(), &Monitor::BatchMonitor::recovered, this, [this] {
        emit problemCleared();
        refreshFiles();
    });
    connect(m_monitor.get(), &Monitor::BatchMonitor::batchFinished, this, [this](const Api::Batch &b) {
        emit batchFinished(b);
        refreshFiles(); // results are new files
        autoFetchResults();
    });
    connect(m_monitor.get(), &Monitor::BatchMonitor::roundFinished, this, &AppController::autoFetchResults);
    connect(m_monitor.get(), &Monitor::BatchMonitor::stateChanged, this, &AppController::statusChanged);
    connect(m_monitor.get(), &Monitor::BatchMonitor::roundFinished, this, &AppController::statusChanged);

    m_ready = true;
    m_monitor->start();
    m_monitor->reloadAll();
    refreshFiles();
    reconcilePendingIntents();
    autoFetchResults(); // downloads interrupted by a quit or a crash start again
    emit statusChanged();
}

void AppController::reconcilePendingIntents()
{
    const auto account = currentAccount();
    if (!account || !m_client)
        return;
    // Parented to the client: an account switch ends it with the client.
    auto *reconciler =
        new Workflow::IntentReconciler(m_client.get(), m_intents.get(), {account->id, {}}, m_client.get());
    connect(reconciler, &Workflow::IntentReconciler::finished, this, [this, r = reconciler] {
        r->deleteLater();
        for (const Api::Batch &b : r->found()) {
            m_withLocalInput.insert(b.id);
            if (m_monitor)
                m_monitor->track(b);
            m_batchModel->updateBatches({b});
            emit notice(tr("An earlier submission whose reply was lost did create batch %1.").arg(b.id));
        }
    });
    reconciler->start();
}

void AppController::refresh()
{
    if (!m_monitor) {
        if (const auto account = currentAccount())
            connectAccount(*account);
        return;
    }
    m_monitor->refreshNow();
    refreshFiles();
}

void AppController::refreshFiles()
{
    if (!m_client)
        return;
    if (m_filesLoading) {
        // A listing started before (e.g. while the server was down) must not have the last word.
        m_filesReloadPending = true;
        return;
    }
    m_filesLoading = true;
    emit filesLoadingChanged(true);
    Api::ListJob *job = m_client->listFiles();
    const int generation = m_generation;
    const qint64 accountId = m_currentId;
    connect(job, &Api::ApiJob::finished, this, [this, job, generation, accountId] {
        if (generation != m_generation)
            return;
        m_filesLoading = false;
        emit filesLoadingChanged(false);
        if (m_filesReloadPending) {
            m_filesReloadPending = false;
            refreshFiles();
            return;
        }
        if (job->failed()) {
            if (job->error().kind != Api::ApiError::Kind::Canceled)
                reportJobError(tr("Could not list the files"), job->error());
            return;
        }
        if (m_monitor && m_monitor->consecutiveFailures() == 0)
            emit problemCleared();
        const QList<Api::FileObject> files = job->files();
        m_fileModel->setFiles(files);
        m_batchModel->setOutputFiles(files);
        m_cache->replaceFiles(accountId, files);
        if (!job->truncated())
            updateOrphans(files);
        emit statusChanged();
    });
    job->start();
}

void AppController::cancelBatch(const QString &batchId)
{
    if (!m_client)
        return;
    Api::RequestJob *job = m_client->cancelBatch(batchId);
    const int generation = m_generation;
    connect(job, &Api::ApiJob::finished, this, [this, job, generation, batchId] {
        if (generation != m_generation)
            return;
        if (job->failed()) {
            reportJobError(tr("Could not cancel %1").arg(batchId), job->error());
            return;
        }
        const Api::Batch b = job->batch();
        m_batchModel->updateBatches({b});
        m_monitor->track(b);
        m_monitor->refreshNow();
    });
    job->start();
}

void AppController::downloadResults(const Api::Batch &batch, const QString &folder)
{
    if (!m_client)
        return;
    if (batch.outputFileId.isEmpty() && batch.errorFileId.isEmpty()) {
        emit problem(tr("Batch %1 has no result files yet.").arg(batch.id));
        return;
    }
    // The same download as the automatic one and the CLI's: whole files or none, and a verified marker.
    // Parented to the client, so that an account switch stops it.
    auto *download = new Results::ResultsDownload(m_client.get(), batch, folder, m_client.get());
    connect(download, &Results::ResultsDownload::finished, this, [this, folder, d = download] {
        if (d->failed()) {
            if (d->error().kind != Api::ApiError::Kind::Canceled)
                emit problem(withHint(
                    tr("Downloading the results of %1 failed: %2").arg(d->batch().id, d->error().message),
                    d->error()));
            return;
        }
        emit notice(tr("Results of %1 saved in %2.").arg(d->batch().id, QDir::toNativeSeparators(folder)),
                    folder);
    });
    download->start();
}

void AppController::deleteFile(const QString &fileId)
{
    if (!m_client)
        return;
    Api::RequestJob *job = m_client->deleteFile(fileId);
    const int generation = m_generation;
    const qint64 accountId = m_currentId;
    connect(job, &Api::ApiJob::finished, this, [this, job, generation, fileId, accountId] {
        if (generation != m_generation)
            return;
        if (job->failed()) {
            reportJobError(tr("Could not delete %1").arg(fileId), job->error());
            return;
        }
        m_fileModel->removeFile(fileId);
        m_cache->removeFile(accountId, fileId);
        if (m_intents)
            m_intents->markUploadDeleted(accountId, {}, fileId);
        if (m_orphans.removeIf([&](const Store::Upload &u) { return u.fileId == fileId; }) > 0)
            emit orphanUploadsChanged();
        emit statusChanged();
    });
    job->start();
}

void AppController::updateOrphans(const QList<Api::FileObject> &files)
{
    QList<Store::Upload> orphans;
    const auto recorded = m_intents ? m_intents->orphanUploads(m_currentId)
                                    : Result<QList<Store::Upload>>(QList<Store::Upload>());
    if (recorded.ok()) {
        QSet<QString> present;
        for (const Api::FileObject &f : files)
            present.insert(f.id);
        for (const Store::Upload &u : recorded.value()) {
            if (present.contains(u.fileId))
                orphans.append(u);
            else
                m_intents->markUploadDeleted(m_currentId, {}, u.fileId); // gone (deleted or expired)
        }
    }
    // Not while a submission runs: its upload is not an orphan yet.
    if (isSubmitting())
        orphans.clear();
    const auto ids = [](const QList<Store::Upload> &list) {
        QStringList out;
        for (const auto &u : list)
            out << u.fileId;
        return out;
    };
    if (ids(orphans) != ids(m_orphans)) {
        m_orphans = orphans;
        emit orphanUploadsChanged();
    }
}

void AppController::deleteOrphanUploads()
{
    const QList<Store::Upload> orphans = m_orphans;
    for (const Store::Upload &u : orphans)
        deleteFile(u.fileId);
}

Submission *AppController::submit(const QString &path, const Api::CreateBatchParams &params)
{
    const auto account = currentAccount();
    auto *s = new Submission(m_client.get(), m_intents.get(), Workflow::Scope {account ? account->id : 0, {}},
                             path, params, this);
    m_submissions.append(s);
    connect(s, &Submission::finished, this, [this, s] { onSubmissionFinished(s); });
    emit submissionStarted(s);
    s->start();
    return s;
}

bool AppController::isSubmitting() const
{
    for (const auto &s : m_submissions) {
        if (s && (s->state() == Submission::State::Uploading || s->state() == Submission::State::Creating))
            return true;
    }
    return false;
}

void AppController::onSubmissionFinished(Submission *s)
{
    m_submissions.removeAll(s);
    s->deleteLater();
    if (s->state() != Submission::State::Done)
        return;
    const Api::Batch b = s->batch();
    const auto account = currentAccount();
    if (account) {
        // The intent, the upload and the local input were recorded by the submission itself.
        m_withLocalInput.insert(b.id);
        const QString path = QFileInfo(s->path()).absoluteFilePath();
        if (const QString parent = m_resubmitParents.take(path); !parent.isEmpty())
            m_results->linkResubmit(account->id, b.id, parent);
        m_cache->upsert(account->id, {b});
    }
    m_batchModel->updateBatches({b});
    if (m_monitor)
        m_monitor->track(b);
    emit batchCreated(b);
    emit statusChanged();
}

QString AppController::inputPathOf(const QString &batchId) const
{
    return m_intents ? m_intents->inputPathOf(m_currentId, batchId) : QString();
}

void AppController::saveAccount(Store::Account account, const std::optional<QString> &key,
                                std::function<void(const QString &)> done)
{
    auto store = [this, account, done]() mutable {
        std::optional<Store::Account> old;
        for (const auto &a : std::as_const(m_accounts)) {
            if (a.id == account.id)
                old = a;
        }
        QString error;
        qint64 id = account.id;
        if (account.id == 0) {
            const auto added = m_accountStore->add(account);
            if (!added.ok())
                error = added.errorString();
            else
                id = added.value().id;
        } else {
            const auto updated = m_accountStore->update(account);
            if (!updated.ok())
                error = updated.errorString();
        }
        if (!error.isEmpty()) {
            done(error);
            return;
        }
        // A renamed account keeps its key: the entry name follows the account name.
        if (old && old->name != account.name && account.keySource == Store::KeySource::Keychain) {
            m_secrets->read(old->secretKey(), [this, old, account](Result<QString> k) {
                if (k.ok())
                    m_secrets->write(account.secretKey(), k.value(), [this, old](Result<bool>) {
                        m_secrets->remove(old->secretKey(), [](Result<bool>) {});
                    });
            });
        }
        reloadAccounts();
        emit accountsChanged();
        if (account.id == 0 || account.id == m_currentId)
            selectAccount(id);
        done(QString());
    };
    if (key && account.keySource == Store::KeySource::Keychain) {
        m_secrets->write(account.secretKey(), *key, [store, done](Result<bool> written) mutable {
            if (!written.ok()) {
                done(tr("The key could not be stored in the keychain: %1").arg(written.errorString()));
                return;
            }
            store();
        });
    } else {
        store();
    }
}

void AppController::removeAccount(qint64 accountId, std::function<void(const QString &)> done)
{
    std::optional<Store::Account> account;
    for (const auto &a : std::as_const(m_accounts)) {
        if (a.id == accountId)
            account = a;
    }
    if (!account) {
        done(tr("The account does not exist."));
        return;
    }
    m_cache->clear(accountId);
    const auto removed = m_accountStore->remove(account->name);
    if (!removed.ok()) {
        done(removed.errorString());
        return;
    }
    reloadAccounts();
    emit accountsChanged();
    if (accountId == m_currentId && !m_accounts.isEmpty())
        selectAccount(m_accounts.first().id);
    else if (m_accounts.isEmpty())
        initialize(); // back to the sandbox, so there is always something to look at
    if (account->keySource == Store::KeySource::Keychain) {
        m_secrets->remove(account->secretKey(), [done](Result<bool> r) {
            // A key that was never stored is not a failure of the removal.
            done(r.ok() || r.error().code == QStringLiteral("not_found")
                     ? QString()
                     : tr("The account was removed, but its "
                          "key could not be deleted from "
                          "the keychain: %1")
                           .arg(r.errorString()));
        });
    } else {
        done(QString());
    }
}

void AppController::readKey(const Store::Account &account,
                            std::function<void(const QString &, const QString &)> done)
{
    if (account.keySource != Store::KeySource::Keychain) {
        done(QString(), QString());
        return;
    }
    m_secrets->read(account.secretKey(), [done](Result<QString> key) {
        done(key.ok() ? key.value() : QString(), key.ok() ? QString() : key.errorString());
    });
}

void AppController::testConnection(const QUrl &baseUrl, const QString &key,
                                   std::function<void(const QString &, bool)> done)
{
    // A client of its own: testing must not disturb the current account. Jobs are its children, so it is
    // deleted (later) only when the last job has finished.
    auto *client = new Api::ApiClient(m_nam, this);
    client->setBaseUrl(baseUrl);
    client->setApiKey(key);
    Api::RetryPolicy policy;
    policy.maxRetries = 0;
    client->setRetryPolicy(policy);
    client->setRequestTimeoutMs(15'000);
    Api::ListJob *models = client->listModels();
    connect(models, &Api::ApiJob::finished, this, [this, client, models, done] {
        const bool modelsOk = !models->failed();
        const qsizetype modelCount = modelsOk ? models->models().size() : 0;
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
            const QString text = tr("Connected: %1, %2.").arg(models, recent);
            done(text, true);
        });
        batches->start();
    });
    models->start();
}

void AppController::reportJobError(const QString &what, const Api::ApiError &error)
{
    emit problem(withHint(what + QStringLiteral(": ") + error.message, error));
}

QString AppController::statusText() const
{
    if (!m_monitor)
        return m_ready ? QString() : tr("Connecting\u2026");
    QStringList parts;
    const QDateTime last = m_monitor->lastRefresh();
    const auto clock = [](const QDateTime &t) {
        return QLocale().toString(t.toLocalTime().time(), QStringLiteral("HH:mm:ss"));
    };
    const bool failing = m_monitor->consecutiveFailures() > 0;
    if (failing && last.isValid())
        parts << tr("Refresh failed at %1").arg(clock(last));
    else if (last.isValid())
        parts << tr("Last refresh %1").arg(clock(last));
    else
        parts << tr("Loading\u2026");
    const int active = m_monitor->activeCount();
    if (failing) {
        // Only a poll that is really scheduled is announced; nothing is retried while nothing runs.
        const int next = m_monitor->nextPollInMs();
        if (next >= 0)
            parts << tr("next attempt at %1")
                         .arg(clock(QDateTime::currentDateTime().addMSecs(qMax(0, next) + 999)));
        else
            parts << tr("no automatic retry");
    } else if (active > 0)
        parts << tr("polling every %1 s").arg(qMax(1, (m_monitor->currentIntervalMs() + 500) / 1000));
    else
        parts << tr("idle (nothing running)");
    parts << tr("%1 active").arg(active);
    return parts.join(QStringLiteral(" \u00b7 "));
}

// ---------------------------------------------------------------------------------------------------------------
// Results kept by the app

QString AppController::inputSha256Of(const QString &batchId) const
{
    return m_intents ? m_intents->inputSha256Of(m_currentId, batchId) : QString();
}

QString AppController::writeSampleBatch(QString *error) const
{
    const auto account = currentAccount();
    QString model = account ? account->defaultModel : QString();
    if (model.isEmpty())
        model = Store::presetInfo(Store::Preset::Sandbox).defaultModel;
    // Everyday analyst tasks. In the sandbox two lines carry a [[fail]] marker, so the results page has
    // failures to show and Resubmit has work; a real provider gets two ordinary questions instead.
    const bool sandbox = account && isSandbox(*account);
    const QStringList prompts {
        QStringLiteral("Classify the sentiment of this review as positive, negative or neutral: "
                       "\"The delivery was late again, but the support team was lovely.\""),
        QStringLiteral(
            "Summarise in one sentence: the quarterly report shows revenue up 12% and costs flat."),
        QStringLiteral("Translate to German: Good morning, the meeting moved to 3 pm."),
        QStringLiteral("Extract the city from: \"Shipping address: 4 Rue de Rivoli, 75004 Paris\"."),
        QStringLiteral("Suggest a short title for a blog post about batching LLM requests."),
        sandbox ? QStringLiteral("This request fails on purpose in the sandbox [[fail]]")
                : QStringLiteral("Name the capital of Australia."),
        QStringLiteral("Is this a question or a statement? \"Can you send me the invoice\""),
        QStringLiteral("Give three keywords for: solar panels on apartment balconies."),
        QStringLiteral("Rewrite politely: \"Send the file now.\""),
        sandbox ? QStringLiteral("This one is refused on purpose in the sandbox [[fail:400]]")
                : QStringLiteral("Convert 3 miles to kilometres."),
        QStringLiteral("Answer yes or no: is 2027 a leap year?"),
        QStringLiteral("Write a haiku about spreadsheets."),
    };
    QByteArray content;
    for (int i = 0; i < prompts.size(); ++i) {
        const QJsonObject body {
            {QStringLiteral("model"), model},
            {QStringLiteral("messages"),
             QJsonArray {QJsonObject {{QStringLiteral("role"), QStringLiteral("system")},
                                      {QStringLiteral("content"), QStringLiteral("You are concise.")}},
                         QJsonObject {{QStringLiteral("role"), QStringLiteral("user")},
                                      {QStringLiteral("content"), prompts.at(i)}}}},
            {QStringLiteral("max_tokens"), 120},
        };
        const QJsonObject line {
            {QStringLiteral("custom_id"), QStringLiteral("sample-%1").arg(i + 1, 2, 10, QLatin1Char('0'))},
            {QStringLiteral("method"), QStringLiteral("POST")},
            {QStringLiteral("url"), QStringLiteral("/v1/chat/completions")},
            {QStringLiteral("body"), body},
        };
        content += QJsonDocument(line).toJson(QJsonDocument::Compact) + '\n';
    }
    const QString folder = QDir(dataDirectory()).filePath(QStringLiteral("samples"));
    const QString path = QDir(folder).filePath(QStringLiteral("sample-batch.jsonl"));
    QSaveFile file(path);
    if (!QDir().mkpath(folder) || !file.open(QIODevice::WriteOnly) || file.write(content) != content.size()
        || !file.commit()) {
        if (error)
            *error = tr("Could not write the sample batch %1: %2")
                         .arg(QDir::toNativeSeparators(path), file.errorString());
        return {};
    }
    return path;
}

std::optional<Api::Batch> AppController::batchWithInputSha256(const QString &sha256) const
{
    if (sha256.isEmpty())
        return std::nullopt;
    std::optional<Api::Batch> newest;
    for (int row = 0; row < m_batchModel->rowCount(); ++row) {
        const Api::Batch b = m_batchModel->batch(row);
        if ((!newest || b.createdAt > newest->createdAt) && m_withLocalInput.contains(b.id)
            && inputSha256Of(b.id) == sha256)
            newest = b;
    }
    return newest;
}

void AppController::setInputPath(const QString &batchId, const QString &path)
{
    if (!m_intents || m_currentId == 0)
        return;
    rememberLocalInput(m_currentId, batchId, QFileInfo(path).absoluteFilePath());
    emit resultsChanged(batchId);
}

void AppController::rememberLocalInput(qint64 accountId, const QString &batchId, const QString &path)
{
    m_intents->rememberInput(accountId, batchId, path, QString());
    if (accountId == m_currentId)
        m_withLocalInput.insert(batchId);
    // The checksum is for joining results later; it is computed off the GUI thread.
    auto *watcher = new QFutureWatcher<QString>(this);
    connect(watcher, &QFutureWatcher<QString>::finished, this, [this, watcher, accountId, batchId, path] {
        watcher->deleteLater();
        if (m_intents)
            m_intents->rememberInput(accountId, batchId, path, watcher->result());
    });
    watcher->setFuture(QtConcurrent::run(sha256OfFile, path));
}

QString AppController::resultsFolderOf(const QString &batchId) const
{
    return Results::resultsFolder(QString::number(m_currentId), batchId);
}

std::optional<Store::ResultDownload> AppController::resultDownload(const QString &batchId) const
{
    if (!m_results)
        return std::nullopt;
    return m_results->download(m_currentId, batchId);
}

std::optional<Api::Batch> AppController::batchById(const QString &batchId) const
{
    const int row = m_batchModel->rowOf(batchId);
    if (row < 0)
        return std::nullopt;
    return m_batchModel->batch(row);
}

AppController::ResultsState AppController::resultsState(const QString &batchId) const
{
    if (m_downloads.value(batchId))
        return ResultsState::Downloading;
    for (const auto &queued : m_downloadQueue) {
        if (queued.id == batchId)
            return ResultsState::Downloading;
    }
    if (m_downloaded.contains(batchId))
        return ResultsState::Downloaded;
    if (m_downloadErrors.contains(batchId))
        return ResultsState::Failed;
    const auto b = batchById(batchId);
    if (!b || !b->isTerminal())
        return ResultsState::NotReady;
    return ResultsState::NotDownloaded;
}

QStringList AppController::resultsChain(const QString &batchId) const
{
    return m_results ? m_results->chain(m_currentId, batchId) : QStringList {batchId};
}

void AppController::updateDownloadedBatches()
{
    m_downloaded = m_results ? m_results->downloadedBatchIds(m_currentId) : QSet<QString>();
    m_batchModel->setDownloadedBatches(m_downloaded);
}

void AppController::fetchResults(const Api::Batch &batch)
{
    if (!m_client || !batch.isTerminal() || resultsState(batch.id) == ResultsState::Downloading)
        return;
    m_downloadErrors.remove(batch.id);
    m_downloadQueue.append(batch);
    emit resultsChanged(batch.id);
    startNextDownload();
}

// Batches submitted from this app (their input is known) get their results as soon as they finish, and again
// after a quit or crash in the middle of a download (no .complete marker, no record).
void AppController::autoFetchResults()
{
    if (!m_client || !m_ready)
        return;
    for (const Api::Batch &b : m_batchModel->batches()) {
        if (!b.isTerminal() || (b.outputFileId.isEmpty() && b.errorFileId.isEmpty()))
            continue;
        if (!m_withLocalInput.contains(b.id) || m_downloaded.contains(b.id)
            || m_downloadErrors.contains(b.id))
            continue;
        const auto d = m_results->download(m_currentId, b.id);
        if (d && d->remoteDeleted)
            continue;
        if (resultsState(b.id) == ResultsState::Downloading)
            continue;
        m_downloadQueue.append(b);
        emit resultsChanged(b.id);
    }
    startNextDownload();
}

void AppController::startNextDownload()
{
    constexpr int kParallelDownloads = 2;
    while (!m_downloadQueue.isEmpty() && m_client) {
        int running = 0;
        for (const auto &d : std::as_const(m_downloads))
            running += d ? 1 : 0;
        if (running >= kParallelDownloads)
            return;
        const Api::Batch batch = m_downloadQueue.takeFirst();
        const QString folder = resultsFolderOf(batch.id);
        auto *download = new Results::ResultsDownload(m_client.get(), batch, folder, this);
        m_downloads.insert(batch.id, download);
        const int generation = m_generation;
        const qint64 accountId = m_currentId;
        connect(download, &Results::ResultsDownload::progress, this,
                [this, id = batch.id](qint64 bytes, qint64) { emit resultsProgress(id, bytes); });
        connect(
            download, &Results::ResultsDownload::finished, this, [this, generation, accountId, d = download] {
                if (generation != m_generation)
                    return;
                const Api::Batch &b = d->batch();
                m_downloads.remove(b.id);
                if (d->failed()) {
                    if (d->error().kind != Api::ApiError::Kind::Canceled) {
                        m_downloadErrors.insert(b.id, d->error().message);
                        reportJobError(tr("Could not download the results of %1").arg(b.id), d->error());
                    }
                } else {
                    Store::ResultDownload record;
                    record.batchId = b.id;
                    record.folder = d->folder();
                    record.outputPath = d->outputPath();
                    record.errorPath = d->errorPath();
                    record.outputFileId = b.outputFileId;
                    record.errorFileId = b.errorFileId;
                    const auto recorded = m_results->recordDownload(accountId, record);
                    if (!recorded.ok())
                        emit problem(
                            tr("Could not record the results of %1: %2").arg(b.id, recorded.errorString()));
                    updateDownloadedBatches();
                }
                emit resultsChanged(b.id);
                startNextDownload();
            });
        download->start();
    }
}

void AppController::deleteRemoteFiles(const QString &batchId, std::function<void(const QString &)> done)
{
    const auto record = resultDownload(batchId);
    if (!m_client || !record) {
        done(tr("The results of %1 are not saved on this computer yet.").arg(batchId));
        return;
    }
    QStringList ids;
    for (const QString &id : {record->outputFileId, record->errorFileId}) {
        if (!id.isEmpty())
            ids << id;
    }
    if (ids.isEmpty()) {
        done(QString());
        return;
    }
    auto remaining = std::make_shared<int>(int(ids.size()));
    auto failures = std::make_shared<QStringList>();
    const int generation = m_generation;
    const qint64 accountId = m_currentId;
    for (const QString &fileId : std::as_const(ids)) {
        Api::RequestJob *job = m_client->deleteFile(fileId);
        connect(job, &Api::ApiJob::finished, this, [=, this] {
            if (generation != m_generation)
                return;
            // A file the provider already deleted is as good as deleted.
            if (job->failed() && job->error().httpStatus != 404)
                failures->append(withHint(job->error().message, job->error()));
            else
                m_fileModel->removeFile(fileId);
            if (--*remaining > 0)
                return;
            if (failures->isEmpty())
                m_results->markRemoteDeleted(accountId, batchId);
            emit resultsChanged(batchId);
            emit statusChanged();
            done(failures->join(u' '));
        });
        job->start();
    }
}

void AppController::setResubmitParent(const QString &path, const QString &parentBatchId)
{
    m_resubmitParents.insert(QFileInfo(path).absoluteFilePath(), parentBatchId);
}

// ---------------------------------------------------------------------------------------------------------------
// Models and jobs

void AppController::fetchModels(std::function<void(const QStringList &, const QString &)> done)
{
    if (!m_client) {
        done({}, tr("No account is connected."));
        return;
    }
    Api::ListJob *job = m_client->listModels();
    const int generation = m_generation;
    connect(job, &Api::ApiJob::finished, this, [this, job, generation, done] {
        if (generation != m_generation)
            return;
        if (job->failed()) {
            done({}, job->error().message);
            return;
        }
        QStringList ids;
        for (const Api::ModelInfo &m : job->models())
            ids << m.id;
        ids.sort(Qt::CaseInsensitive);
        done(ids, QString());
    });
    job->start();
}

// A job being submitted: its parts still to upload, one after the other.
struct AppController::JobRun
{
    QString id;
    QStringList queue;
    int started = 0;
    int total = 0;
    Api::CreateBatchParams params;
    int generation = 0;
};

QString AppController::submitJob(const QStringList &parts, const Api::CreateBatchParams &params)
{
    auto job = std::make_shared<JobRun>();
    job->id = QStringLiteral("job-") + QUuid::createUuid().toString(QUuid::WithoutBraces).left(8);
    job->queue = parts;
    job->total = int(parts.size());
    job->params = params;
    job->generation = m_generation;
    submitNextPart(job);
    return job->id;
}

// One upload at a time: parts are large, and the provider's storage quota is shared.
void AppController::submitNextPart(const std::shared_ptr<JobRun> &job)
{
    if (job->queue.isEmpty() || job->generation != m_generation)
        return;
    const QString path = job->queue.takeFirst();
    Api::CreateBatchParams p = job->params;
    p.metadata.insert(Api::kJobKey, job->id);
    p.metadata.insert(Api::kPartKey, QStringLiteral("%1/%2").arg(++job->started).arg(job->total));
    Submission *s = submit(path, p);
    connect(s, &Submission::finished, this, [this, job, done = s] {
        if (done->state() == Submission::State::Done) {
            QTimer::singleShot(0, this, [this, job] { submitNextPart(job); });
            return;
        }
        emit problem(tr("Job %1 stopped at %2: %3. The parts already created keep running; submit the "
                        "remaining %n part(s) again from the Validate view.",
                        nullptr, int(job->queue.size() + 1))
                         .arg(job->id, QFileInfo(done->path()).fileName(), done->errorText()));
    });
}

QList<Api::Batch> AppController::jobBatches(const QString &jobId) const
{
    QList<Api::Batch> batches;
    if (jobId.isEmpty())
        return batches;
    for (const Api::Batch &b : m_batchModel->batches()) {
        if (b.metadata.value(Api::kJobKey) == jobId)
            batches << b;
    }
    std::sort(batches.begin(), batches.end(), [](const Api::Batch &a, const Api::Batch &b) {
        const int pa = a.metadata.value(Api::kPartKey).section(u'/', 0, 0).toInt();
        const int pb = b.metadata.value(Api::kPartKey).section(u'/', 0, 0).toInt();
        return pa != pb ? pa < pb : a.createdAt < b.createdAt;
    });
    return batches;
}

void AppController::cancelJob(const QString &jobId)
{
    for (const Api::Batch &b : jobBatches(jobId)) {
        if (!b.isTerminal() && b.status() != Api::Batch::Status::Cancelling)
            cancelBatch(b.id);
    }
}

} // namespace Batchdesk::Ui
