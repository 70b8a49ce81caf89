#include "appcontroller.h"

#include "api/apiclient.h"
#include "batchtablemodel.h"
#include "common/filehash.h"
#include "common/paths.h"
#include "filetablemodel.h"
#include "jobtreemodel.h"
#include "results/resultsdownload.h"
#include "secrets/keychainsecretstore.h"
#include "store/accountstore.h"
#include "store/batchcache.h"
#include "store/database.h"
#include "store/intentstore.h"
#include "store/resultsstore.h"
#include "store/samplestore.h"
#include "workflow/accountservice.h"
#include "workflow/accountsession.h"
#include "workflow/jobscheduler.h"
#include "workflow/resultsfetcher.h"

#include <QDateTime>
#include <QDir>
#include <QFileInfo>
#include <QFutureWatcher>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>
#include <QNetworkAccessManager>
#include <QSaveFile>
#include <QSettings>
#include <QtConcurrent>

namespace Batchdesk::Ui {

namespace {
const QString kLastAccountKey = QStringLiteral("Accounts/current");
} // namespace

qint64 JobDraft::requests() const
{
    qint64 n = 0;
    for (const Jsonl::SplitPart &p : parts)
        n += p.lines;
    return n;
}

// ---------------------------------------------------------------------------------------------------------------
// AppController

AppController::AppController(AppOptions options, QObject *parent)
    : QObject(parent)
    , m_options(std::move(options))
    , m_nam(new QNetworkAccessManager(this))
    , m_batchModel(new Models::BatchTableModel(this))
    , m_fileModel(new Models::FileTableModel(this))
    , m_jobModel(new Models::JobTreeModel(this))
{
    m_secrets = std::make_unique<Secrets::KeychainSecretStore>(QStringLiteral("Batchdesk"),
                                                               m_options.keychainTimeoutMs);
    connect(m_fileModel, &QAbstractItemModel::rowsInserted, this, &AppController::statusChanged);
    connect(m_fileModel, &QAbstractItemModel::rowsRemoved, this, &AppController::statusChanged);
    connect(m_fileModel, &QAbstractItemModel::modelReset, this, &AppController::statusChanged);
    // Many parts change at once after a monitor round: the job model is updated once per event loop pass.
    m_jobTimer.setSingleShot(true);
    m_jobTimer.setInterval(0);
    connect(&m_jobTimer, &QTimer::timeout, this, &AppController::updateDirtyJobs);
}

AppController::~AppController()
{
    m_batchModel->setMonitor(nullptr);
    m_session.reset();
    // Close our kept-alive connections first: the in-process server would otherwise wait for them to time out
    // before it can stop (about 2 s at every quit).
    m_nam->clearConnectionCache();
    if (m_sandbox)
        m_sandbox->stop();
}

bool AppController::initialize(QString *error)
{
    if (!m_db) {
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
        m_jobs = std::make_unique<Store::JobStore>(m_db);
        m_accountService = std::make_unique<Workflow::AccountService>(m_accountStore.get(), m_cache.get(),
                                                                      m_secrets.get(), m_nam);
        connect(m_accountService.get(), &Workflow::AccountService::accountsChanged, this,
                &AppController::accountsChanged);
        m_localBatches =
            std::make_unique<Realtime::LocalBatches>(dataDirectory() + QStringLiteral("/realtime"));
        m_localBatches->setResolver([this](qint64 accountId, auto done) {
            const auto account = m_accountService->account(accountId);
            if (!account)
                return done(Error {QStringLiteral("not_found"),
                                   tr("The account that runs this batch in real time no longer exists.")});
            // A key from the environment (as the session reads it): readKey() answers only for the keychain.
            if (account->keySource == Store::KeySource::Environment)
                return done(Workflow::runnerFor(
                    *account, qEnvironmentVariable(account->keyEnvironmentVariable.toUtf8().constData())));
            m_accountService->readKey(*account,
                                      [a = *account, done](const QString &key, const QString &error) {
                                          if (!error.isEmpty())
                                              return done(Error {QStringLiteral("key"), error});
                                          done(Workflow::runnerFor(a, key));
                                      });
        });
    }

    if (const auto read = m_accountService->reload(); !read.ok())
        emit problem(tr("Could not read the accounts: %1").arg(read.errorString()));
    if (m_accountService->accounts().isEmpty()) {
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
        m_accountService->reload();
    }
    const QList<Store::Account> list = accounts();
    const qint64 last = QSettings().value(kLastAccountKey).toLongLong();
    qint64 pick = list.first().id;
    for (const auto &a : list) {
        if (a.id == last)
            pick = a.id;
    }
    emit accountsChanged();
    selectAccount(pick);
    return true;
}

QList<Store::Account> AppController::accounts() const
{
    return m_accountService ? m_accountService->accounts() : QList<Store::Account>();
}

std::optional<Store::Account> AppController::currentAccount() const
{
    return m_accountService ? m_accountService->account(m_currentId) : std::nullopt;
}

bool AppController::isSandbox(const Store::Account &account) const
{
    return account.preset == Store::Preset::Sandbox && account.baseUrl.isEmpty();
}

Api::ApiClient *AppController::client() const
{
    return m_session ? m_session->client() : nullptr;
}

Monitor::BatchMonitor *AppController::monitor() const
{
    return m_session ? m_session->monitor() : nullptr;
}

bool AppController::isConnected() const
{
    return m_session && m_session->isConnected();
}

void AppController::selectAccount(qint64 accountId)
{
    const auto account = m_accountService ? m_accountService->account(accountId) : std::nullopt;
    if (!account)
        return;
    // Everything of the previous account ends here: its client, monitor, downloads, scheduler and every
    // reply still on its way.
    m_batchModel->setMonitor(nullptr);
    const bool hadOrphans = m_session && !m_session->orphanUploads().isEmpty();
    m_session.reset();
    m_currentId = accountId;
    QSettings().setValue(kLastAccountKey, accountId);
    if (hadOrphans)
        emit orphanUploadsChanged();
    emit filesLoadingChanged(false);

    m_batchModel->clear();
    m_fileModel->setFiles({});
    emit problemCleared();

    Workflow::SessionStores stores;
    stores.intents = m_intents.get();
    stores.cache = m_cache.get();
    stores.samples = m_samples.get();
    stores.results = m_results.get();
    stores.jobs = m_jobs.get();
    stores.local = m_localBatches.get();
    Workflow::SessionSettings settings;
    settings.monitor = m_options.monitor;
    settings.retryPolicy = m_options.retryPolicy;
    settings.maxInFlight = m_options.maxInFlight;
    m_session =
        std::make_unique<Workflow::AccountSession>(*account, stores, m_secrets.get(), m_nam, settings);
    connectSession();
    m_batchModel->setDownloadedBatches(m_session->downloadedBatches());

    // The cache first, so the list shows at once, before any network round.
    const auto cached = m_cache->load(accountId);
    if (cached.ok())
        m_batchModel->setBatches(cached.value());
    const auto cachedFiles = m_cache->loadFiles(accountId);
    if (cachedFiles.ok()) {
        m_fileModel->setFiles(cachedFiles.value());
        m_batchModel->setOutputFiles(cachedFiles.value());
    }
    m_fileModel->setStorageLimitBytes(account->preset == Store::Preset::Sandbox
                                          ? Models::FileTableModel::kDeepInfraStorageLimit
                                          : Workflow::providerFor(*account).storageBytes);
    loadJobs();
    emit currentAccountChanged();
    emit statusChanged();

    if (isSandbox(*account)) {
        QString error;
        if (!ensureSandbox(&error)) {
            emit problem(tr("The local sandbox could not start: %1").arg(error));
            return;
        }
        m_session->start(QUrl(m_sandbox->baseUrl()), m_sandboxKey);
    } else {
        m_session->start();
    }
}

// The session's signals are this controller's; they end with the session.
void AppController::connectSession()
{
    Workflow::AccountSession *s = m_session.get();
    connect(s, &Workflow::AccountSession::connected, this, [this, s] {
        const QList<Api::Batch> cached = s->monitor()->batches();
        if (m_batchModel->rowCount() == 0 && !cached.isEmpty())
            m_batchModel->setBatches(cached);
        m_batchModel->setMonitor(s->monitor());
    });
    connect(s, &Workflow::AccountSession::problem, this, &AppController::problem);
    connect(s, &Workflow::AccountSession::problemCleared, this, &AppController::problemCleared);
    connect(s, &Workflow::AccountSession::notice, this, &AppController::notice);
    connect(s, &Workflow::AccountSession::statusChanged, this, &AppController::statusChanged);
    connect(s, &Workflow::AccountSession::batchFinished, this, &AppController::batchFinished);
    connect(s, &Workflow::AccountSession::batchCreated, this, &AppController::batchCreated);
    connect(s, &Workflow::AccountSession::submissionStarted, this, &AppController::submissionStarted);
    connect(s, &Workflow::AccountSession::batchesChanged, m_batchModel,
            &Models::BatchTableModel::updateBatches);
    connect(s, &Workflow::AccountSession::filesLoadingChanged, this, &AppController::filesLoadingChanged);
    connect(s, &Workflow::AccountSession::filesChanged, this, [this](const QList<Api::FileObject> &files) {
        m_fileModel->setFiles(files);
        m_batchModel->setOutputFiles(files);
    });
    connect(s, &Workflow::AccountSession::fileRemoved, m_fileModel, &Models::FileTableModel::removeFile);
    connect(s, &Workflow::AccountSession::orphanUploadsChanged, this, &AppController::orphanUploadsChanged);
    connect(s, &Workflow::AccountSession::resultsChanged, this, &AppController::resultsChanged);
    connect(s, &Workflow::AccountSession::resultsProgress, this, &AppController::resultsProgress);
    connect(s, &Workflow::AccountSession::downloadedChanged, this,
            [this, s] { m_batchModel->setDownloadedBatches(s->downloadedBatches()); });
    connect(s, &Workflow::AccountSession::jobChanged, this, [this](const QString &jobId) {
        m_dirtyJobs.insert(jobId);
        m_jobTimer.start();
    });
}

bool AppController::sandboxEndpoint(QUrl *baseUrl, QString *key, QString *error)
{
    if (!ensureSandbox(error))
        return false;
    *baseUrl = QUrl(m_sandbox->baseUrl());
    *key = m_sandboxKey;
    return true;
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

// ---------------------------------------------------------------------------------------------------------------
// Accounts

void AppController::saveAccount(Store::Account account, const std::optional<QString> &key,
                                std::function<void(const QString &)> done, bool selectNew)
{
    const bool isNew = account.id == 0;
    m_accountService->save(account, key, [this, isNew, selectNew, done](Result<qint64> id) {
        if (!id.ok()) {
            done(id.errorString());
            return;
        }
        // A new account is selected; an edited current one is connected again with its new settings.
        if ((isNew && selectNew) || id.value() == m_currentId)
            selectAccount(id.value());
        done(QString());
    });
}

QList<Store::Account> AppController::realtimeAccounts() const
{
    QList<Store::Account> out;
    for (const Store::Account &a : accounts()) {
        if (a.preset == Store::Preset::Realtime)
            out << a;
    }
    return out;
}

void AppController::removeAccount(qint64 accountId, std::function<void(const QString &)> done)
{
    const bool current = accountId == m_currentId;
    m_accountService->remove(accountId, std::move(done));
    if (accounts().isEmpty())
        initialize(); // back to the sandbox, so there is always something to look at
    else if (current && !currentAccount())
        selectAccount(accounts().first().id);
}

void AppController::readKey(const Store::Account &account,
                            std::function<void(const QString &, const QString &)> done)
{
    m_accountService->readKey(account, std::move(done));
}

void AppController::testConnection(const Store::Account &account, const QUrl &baseUrl, const QString &key,
                                   std::function<void(const QString &, bool)> done)
{
    m_accountService->testConnection(account, baseUrl, key, std::move(done));
}

// ---------------------------------------------------------------------------------------------------------------
// Batches and files: the session's

void AppController::refresh()
{
    if (!m_session)
        return;
    if (!m_session->isConnected()) {
        selectAccount(m_currentId); // connect again (e.g. after the key was stored)
        return;
    }
    m_session->refresh();
}

void AppController::refreshFiles()
{
    if (m_session)
        m_session->refreshFiles();
}

void AppController::cancelBatch(const QString &batchId)
{
    if (m_session)
        m_session->cancelBatch(batchId);
}

void AppController::downloadResults(const Api::Batch &batch, const QString &folder)
{
    if (m_session)
        m_session->downloadResults(batch, folder);
}

void AppController::deleteFile(const QString &fileId)
{
    if (m_session)
        m_session->deleteFile(fileId);
}

QList<Store::Upload> AppController::orphanUploads() const
{
    return m_session ? m_session->orphanUploads() : QList<Store::Upload>();
}

void AppController::deleteOrphanUploads()
{
    if (m_session)
        m_session->deleteOrphanUploads();
}

Submission *AppController::submit(const QString &path, const Api::CreateBatchParams &params)
{
    return m_session ? m_session->submit(path, params) : nullptr;
}

Submission *AppController::submit(const QString &path, const Api::CreateBatchParams &params, double budget,
                                  const std::optional<Cost::CostEstimate> &estimate, QString *refused)
{
    if (const QString reason = Cost::checkBudget(estimate, budget); !reason.isEmpty()) {
        if (refused)
            *refused = tr("%1 Nothing was uploaded.").arg(reason);
        return nullptr;
    }
    return submit(path, params);
}

QString AppController::providerOf(qint64 accountId) const
{
    const auto account = m_accountStore->byId(accountId);
    return account.ok() ? Workflow::providerFor(account.value()).id : QString();
}

bool AppController::isSubmitting() const
{
    return m_session && m_session->isSubmitting();
}

bool AppController::isSubmittingBatch() const
{
    return m_session && m_session->isSubmittingBatch();
}

QString AppController::inputPathOf(const QString &batchId) const
{
    return m_intents ? m_intents->inputPathOf(m_currentId, batchId) : QString();
}

QString AppController::inputSha256Of(const QString &batchId) const
{
    return m_intents ? m_intents->inputSha256Of(m_currentId, batchId) : QString();
}

std::optional<Api::Batch> AppController::batchWithInputSha256(const QString &sha256) const
{
    if (sha256.isEmpty() || !m_session)
        return std::nullopt;
    std::optional<Api::Batch> newest;
    for (int row = 0; row < m_batchModel->rowCount(); ++row) {
        const Api::Batch b = m_batchModel->batch(row);
        if ((!newest || b.createdAt > newest->createdAt) && m_session->hasLocalInput(b.id)
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
    if (m_session && accountId == m_session->accountId())
        m_session->markLocalInput(batchId);
    // The checksum is for joining results later; it is computed off the GUI thread. The record is the
    // account's, whichever account is selected when it is done.
    auto *watcher = new QFutureWatcher<QString>(this);
    connect(watcher, &QFutureWatcher<QString>::finished, this, [this, watcher, accountId, batchId, path] {
        watcher->deleteLater();
        m_intents->rememberInput(accountId, batchId, path, watcher->result());
    });
    watcher->setFuture(QtConcurrent::run(sha256OfFile, path));
}

std::optional<Api::Batch> AppController::batchById(const QString &batchId) const
{
    const int row = m_batchModel->rowOf(batchId);
    if (row < 0)
        return std::nullopt;
    return m_batchModel->batch(row);
}

void AppController::fetchModels(std::function<void(const QStringList &, const QString &)> done)
{
    if (!m_session) {
        done({}, tr("No account is connected."));
        return;
    }
    m_session->fetchModels(std::move(done));
}

QString AppController::statusText() const
{
    const Monitor::BatchMonitor *monitor = this->monitor();
    if (!monitor)
        return isConnected() ? QString() : tr("Connecting\u2026");
    QStringList parts;
    const QDateTime last = monitor->lastRefresh();
    const auto clock = [](const QDateTime &t) {
        return QLocale().toString(t.toLocalTime().time(), QStringLiteral("HH:mm:ss"));
    };
    const bool failing = monitor->consecutiveFailures() > 0;
    if (failing && last.isValid())
        parts << tr("Refresh failed at %1").arg(clock(last));
    else if (last.isValid())
        parts << tr("Last refresh %1").arg(clock(last));
    else
        parts << tr("Loading\u2026");
    const int active = monitor->activeCount();
    if (failing) {
        // Only a poll that is really scheduled is announced; nothing is retried while nothing runs.
        const int next = monitor->nextPollInMs();
        if (next >= 0)
            parts << tr("next attempt at %1")
                         .arg(clock(QDateTime::currentDateTime().addMSecs(qMax(0, next) + 999)));
        else
            parts << tr("no automatic retry");
    } else if (active > 0)
        parts << tr("polling every %1 s").arg(qMax(1, (monitor->currentIntervalMs() + 500) / 1000));
    else
        parts << tr("idle (nothing running)");
    parts << tr("%1 active").arg(active);
    return parts.join(QStringLiteral(" \u00b7 "));
}

// ---------------------------------------------------------------------------------------------------------------
// Results kept by the app

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

AppController::ResultsState AppController::resultsState(const QString &batchId) const
{
    const Workflow::ResultsFetcher *fetcher = m_session ? m_session->fetcher() : nullptr;
    if (fetcher && fetcher->isBusy(batchId))
        return ResultsState::Downloading;
    if (m_session && m_session->downloadedBatches().contains(batchId))
        return ResultsState::Downloaded;
    if (fetcher && fetcher->hasFailed(batchId))
        return ResultsState::Failed;
    const auto b = batchById(batchId);
    if (!b || !b->isTerminal())
        return ResultsState::NotReady;
    return ResultsState::NotDownloaded;
}

QString AppController::resultsError(const QString &batchId) const
{
    const Workflow::ResultsFetcher *fetcher = m_session ? m_session->fetcher() : nullptr;
    return fetcher ? fetcher->errorOf(batchId) : QString();
}

QStringList AppController::resultsChain(const QString &batchId) const
{
    return m_results ? m_results->chain(m_currentId, batchId) : QStringList {batchId};
}

void AppController::fetchResults(const Api::Batch &batch)
{
    if (m_session)
        m_session->fetchResults(batch);
}

void AppController::deleteRemoteFiles(const QString &batchId, std::function<void(const QString &)> done)
{
    if (!m_session) {
        done(tr("No account is connected."));
        return;
    }
    m_session->deleteRemoteFiles(batchId, std::move(done));
}

void AppController::setResubmitParent(const QString &path, const QString &parentBatchId)
{
    if (m_session)
        m_session->setResubmitParent(path, parentBatchId);
}

// ---------------------------------------------------------------------------------------------------------------
// Jobs: the session's scheduler

Result<Store::Job> AppController::submitJob(const JobDraft &draft, const Api::CreateBatchParams &params,
                                            int retryRounds, qint64 accountId, double budget,
                                            const std::optional<Cost::CostEstimate> &estimate)
{
    const bool elsewhere = accountId > 0 && accountId != currentAccountId();
    if (!m_session && !elsewhere)
        return Error {QStringLiteral("not_connected"), tr("No account is connected.")};
    std::optional<Store::Account> account = currentAccount();
    if (elsewhere) {
        const auto other = m_accountStore->byId(accountId);
        if (!other.ok())
            return other.error();
        account = other.value();
    }
    Workflow::JobSpec spec;
    spec.name = draft.name;
    spec.sourcePath = draft.sourcePath;
    spec.folder = draft.folder;
    spec.profile = account ? account->limitProfile : QString();
    spec.params = params;
    if (spec.params.endpoint.isEmpty())
        spec.params.endpoint = draft.endpoint;
    spec.parts = draft.parts;
    spec.retryRounds = qMax(0, retryRounds);
    spec.budget = qMax(0.0, budget);
    spec.estimate = estimate;
    if (elsewhere) {
        // Recorded, all parts queued, for that account: its session resumes the job as it starts.
        const auto job =
            Workflow::JobScheduler::recordJob(m_jobs.get(), Workflow::Scope {accountId, {}}, spec);
        if (job.ok())
            selectAccount(accountId);
        return job;
    }
    const auto job = m_session->addJob(spec);
    if (job.ok()) {
        // In the model at once, so that the caller can select it.
        m_dirtyJobs.insert(job.value().id);
        updateDirtyJobs();
    }
    return job;
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
        const int ra = a.metadata.value(Api::kRoundKey).toInt();
        const int rb = b.metadata.value(Api::kRoundKey).toInt();
        const int pa = a.metadata.value(Api::kPartKey).section(u'/', 0, 0).toInt();
        const int pb = b.metadata.value(Api::kPartKey).section(u'/', 0, 0).toInt();
        if (ra != rb)
            return ra < rb;
        return pa != pb ? pa < pb : a.createdAt < b.createdAt;
    });
    return batches;
}

Result<void> AppController::withScheduler(const std::function<Result<void>()> &call) const
{
    if (!m_session || !m_session->scheduler())
        return Error {QStringLiteral("not_connected"), tr("No account is connected.")};
    return call();
}

Result<void> AppController::cancelJob(const QString &jobId)
{
    if (m_jobs && m_jobs->job(jobId))
        return withScheduler([&] { return m_session->scheduler()->cancelJob(jobId); });
    // A job submitted before jobs were recorded: its batches are all there is.
    for (const Api::Batch &b : jobBatches(jobId)) {
        if (!b.isTerminal() && b.status() != Api::Batch::Status::Cancelling)
            cancelBatch(b.id);
    }
    return {};
}

Result<void> AppController::cancelJobPart(const QString &jobId, int round, int part)
{
    return withScheduler([&] { return m_session->scheduler()->cancelPart(jobId, round, part); });
}

Result<void> AppController::resumeJob(const QString &jobId)
{
    return withScheduler([&] { return m_session->scheduler()->resumeJob(jobId); });
}

Result<void> AppController::retryJob(const QString &jobId, const QStringList &outcomes)
{
    return withScheduler([&] { return m_session->scheduler()->retryJob(jobId, outcomes); });
}

Result<void> AppController::finishJobInRealtime(const QString &jobId, qint64 accountId)
{
    return withScheduler([&] { return m_session->scheduler()->finishInRealtime(jobId, accountId); });
}

Result<void> AppController::setJobRealtimePolicy(const QString &jobId, qint64 accountId, double hours,
                                                 int percent)
{
    return withScheduler(
        [&] { return m_session->scheduler()->setRealtimePolicy(jobId, accountId, hours, percent); });
}

bool AppController::isJobActive(const QString &jobId) const
{
    const auto job = m_jobs ? m_jobs->job(jobId) : std::nullopt;
    return job && job->state == Store::Job::State::Active;
}

int AppController::maxInFlight() const
{
    return m_session ? m_session->maxInFlight() : 0;
}

void AppController::loadJobs()
{
    m_dirtyJobs.clear();
    QList<Models::JobEntry> entries;
    const auto jobs = m_jobs->jobs(m_currentId);
    if (!jobs.ok()) {
        emit problem(tr("Could not read the jobs: %1").arg(jobs.errorString()));
    } else {
        for (const Store::Job &j : jobs.value()) {
            const auto parts = m_jobs->parts(j.id);
            entries << Models::JobEntry {j, parts.ok() ? parts.value() : QList<Store::JobPart>()};
        }
    }
    m_jobModel->setJobs(entries);
}

void AppController::updateDirtyJobs()
{
    const QSet<QString> dirty = std::exchange(m_dirtyJobs, {});
    for (const QString &id : dirty) {
        const auto job = m_jobs->job(id);
        if (!job || job->accountId != m_currentId) {
            m_jobModel->removeJob(id);
            continue;
        }
        const auto parts = m_jobs->parts(id);
        m_jobModel->updateJob({*job, parts.ok() ? parts.value() : QList<Store::JobPart>()});
    }
}

// ---------------------------------------------------------------------------------------------------------------
// The sample batch

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

} // namespace Batchdesk::Ui
