#include "accountsession.h"

#include "accountservice.h"
#include "api/apiclient.h"
#include "api/apijob.h"
#include "common/asyncjob.h"
#include "intentreconciler.h"
#include "jobscheduler.h"
#include "jsonl/limitprofile.h"
#include "results/resultsdownload.h"
#include "resultsfetcher.h"
#include "secrets/secretstore.h"
#include "store/batchcache.h"
#include "store/resultsstore.h"
#include "store/samplestore.h"

#include <QDir>
#include <QFileInfo>

namespace Batchdesk::Workflow {

AccountSession::AccountSession(Store::Account account, SessionStores stores, Secrets::SecretStore *secrets,
                               QNetworkAccessManager *nam, SessionSettings settings, QObject *parent)
    : QObject(parent)
    , m_account(std::move(account))
    , m_stores(stores)
    , m_secrets(secrets)
    , m_nam(nam)
    , m_settings(std::move(settings))
{
    if (m_stores.intents)
        m_withLocalInput = m_stores.intents->batchesWithLocalInput(m_account.id);
    if (m_stores.results)
        m_downloaded = m_stores.results->downloadedBatchIds(m_account.id);
}

AccountSession::~AccountSession()
{
    // Its own submissions end as Canceled (their observers hear it); the scheduler stops its part's
    // submission quietly, to be resumed by the next session of the account.
    const auto submissions = m_submissions;
    for (const auto &s : submissions) {
        if (s) {
            s->disconnect(this);
            s->cancel();
        }
    }
    m_scheduler.reset();
    m_fetcher.reset();
    m_monitor.reset();
    m_client.reset();
}

int AccountSession::maxInFlight() const
{
    if (m_settings.maxInFlight > 0)
        return m_settings.maxInFlight;
    return Jsonl::LimitProfile::byName(m_account.limitProfile)
        .value_or(Jsonl::LimitProfile::deepinfra())
        .maxInFlight;
}

void AccountSession::start()
{
    const Store::Account &a = m_account;
    if (!a.baseUrl.isValid() || a.baseUrl.isEmpty()) {
        emit problem(tr("Account \u201c%1\u201d has no base URL. Edit the account to set one.").arg(a.name));
        return;
    }
    // A "Run here" account's batches are on this machine: they are shown without the key (its runs wait for
    // it, each saying why).
    const bool local = providerFor(a).runsLocally;
    switch (a.keySource) {
    case Store::KeySource::None:
        start(a.baseUrl, QString());
        break;
    case Store::KeySource::Environment: {
        const QString key = qEnvironmentVariable(a.keyEnvironmentVariable.toUtf8().constData());
        if (key.isEmpty()) {
            emit problem(
                tr("Account \u201c%1\u201d takes its key from the environment variable %2, which is not "
                   "set. Set it and restart, or store the key in the keychain.")
                    .arg(a.name, a.keyEnvironmentVariable));
            if (local)
                start(a.baseUrl, QString());
        } else {
            start(a.baseUrl, key);
        }
        break;
    }
    case Store::KeySource::Keychain: {
        // The answer may come after the user switched accounts: it must not reach a session that is gone.
        QPointer<AccountSession> self(this);
        m_secrets->read(a.secretKey(), [self, local](Result<QString> key) {
            if (!self)
                return;
            if (!key.ok()) {
                emit self->problem(
                    tr("Cannot read the API key of \u201c%1\u201d from the keychain: %2 Edit the account to "
                       "store the key again.")
                        .arg(self->m_account.name, key.errorString()));
                if (local)
                    self->start(self->m_account.baseUrl, QString());
                return;
            }
            self->start(self->m_account.baseUrl, key.value());
        });
        break;
    }
    }
}

void AccountSession::start(const QUrl &baseUrl, const QString &key)
{
    if (m_client)
        return;
    m_client = std::make_unique<Api::ApiClient>(m_nam);
    configureClient(m_client.get(), m_account, baseUrl);
    m_client->setApiKey(key);
    if (m_stores.local)
        m_client->setLocalBackend(m_stores.local, m_account.id);
    if (m_settings.retryPolicy)
        m_client->setRetryPolicy(*m_settings.retryPolicy);

    m_monitor = std::make_unique<Monitor::BatchMonitor>(m_client.get());
    m_monitor->setSettings(m_settings.monitor);
    m_monitor->setCache(m_stores.cache, m_account.id);
    m_monitor->setSampleStore(m_stores.samples);
    m_monitor->loadFromCache();

    m_fetcher = std::make_unique<ResultsFetcher>(m_client.get(), m_stores.results, m_account.id,
                                                 QString::number(m_account.id));
    SchedulerSettings scheduling;
    scheduling.maxInFlight = maxInFlight();
    m_scheduler = std::make_unique<JobScheduler>(m_client.get(), m_stores.jobs, m_stores.intents,
                                                 m_fetcher.get(), Scope {m_account.id, {}}, scheduling);

    Monitor::BatchMonitor *monitor = m_monitor.get();
    connect(monitor, &Monitor::BatchMonitor::roundFailed, this, [this](const Api::ApiError &e) {
        emit problem(withHint(tr("Could not refresh the batches: %1").arg(e.message), e));
    });
    connect(monitor, &Monitor::BatchMonitor::recovered, this, [this] {
        emit problemCleared();
        refreshFiles();
    });
    // The scheduler learns from every round: slots free up, rounds end, parts' counts move.
    connect(monitor, &Monitor::BatchMonitor::batchesUpdated, m_scheduler.get(),
            qOverload<const QList<Api::Batch> &>(&JobScheduler::observe));
    connect(monitor, &Monitor::BatchMonitor::batchFinished, this, [this](const Api::Batch &b) {
        emit batchFinished(b);
        refreshFiles(); // results are new files
        autoFetchResults();
    });
    connect(monitor, &Monitor::BatchMonitor::roundFinished, this, &AccountSession::autoFetchResults);
    connect(monitor, &Monitor::BatchMonitor::stateChanged, this, &AccountSession::statusChanged);
    connect(monitor, &Monitor::BatchMonitor::roundFinished, this, &AccountSession::statusChanged);

    ResultsFetcher *fetcher = m_fetcher.get();
    connect(fetcher, &ResultsFetcher::changed, this, [this](const QString &batchId) {
        // A finished download is recorded before changed() is emitted: read it now, so that observers of
        // resultsChanged() see it saved (and do not queue it again).
        if (!m_fetcher->isBusy(batchId) && !m_fetcher->hasFailed(batchId) && !m_downloaded.contains(batchId)
            && m_stores.results && m_stores.results->download(m_account.id, batchId)) {
            m_downloaded.insert(batchId);
            emit downloadedChanged();
        }
        emit resultsChanged(batchId);
    });
    connect(fetcher, &ResultsFetcher::progress, this, &AccountSession::resultsProgress);
    connect(fetcher, &ResultsFetcher::failed, this, [this](const QString &batchId, const Api::ApiError &e) {
        if (e.kind != Api::ApiError::Kind::Canceled)
            reportError(tr("Could not download the results of %1").arg(batchId), e);
    });
    connect(fetcher, &ResultsFetcher::recordFailed, this,
            [this](const QString &batchId, const QString &text) {
                emit problem(tr("Could not record the results of %1: %2").arg(batchId, text));
            });

    JobScheduler *scheduler = m_scheduler.get();
    connect(scheduler, &JobScheduler::jobChanged, this, &AccountSession::jobChanged);
    connect(scheduler, &JobScheduler::problem, this, &AccountSession::problem);
    connect(scheduler, &JobScheduler::partSubmitted, this, &AccountSession::onPartSubmitted);
    connect(scheduler, &JobScheduler::submissionStarted, this,
            [this](Submission *s, const QString &) { emit submissionStarted(s); });

    emit connected();
    m_monitor->start();
    m_monitor->reloadAll();
    refreshFiles();
    reconcilePendingIntents();
    autoFetchResults(); // downloads interrupted by a quit or a crash start again
    emit statusChanged();
}

void AccountSession::reconcilePendingIntents()
{
    // Parented to the client: it ends with the session.
    auto *reconciler =
        new IntentReconciler(m_client.get(), m_stores.intents, {m_account.id, {}}, m_client.get());
    connect(reconciler, &IntentReconciler::finished, this, [this, r = reconciler] {
        r->deleteLater();
        QList<Api::Batch> found;
        for (const Api::Batch &b : r->found()) {
            m_withLocalInput.insert(b.id);
            m_monitor->track(b);
            found << b;
            emit notice(tr("An earlier submission whose reply was lost did create batch %1.").arg(b.id));
        }
        if (!found.isEmpty())
            emit batchesChanged(found);
        // Then the jobs take up where they stopped: parts being submitted at the quit are checked against
        // the intents just reconciled, queued parts go as slots free up.
        m_scheduler->resume();
        m_scheduler->observe(m_monitor->batches());
    });
    reconciler->start();
}

void AccountSession::refresh()
{
    if (!m_monitor)
        return;
    m_monitor->refreshNow();
    refreshFiles();
}

void AccountSession::refreshFiles()
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
    connect(job, &Api::ApiJob::finished, this, [this, job] {
        m_filesLoading = false;
        emit filesLoadingChanged(false);
        if (m_filesReloadPending) {
            m_filesReloadPending = false;
            refreshFiles();
            return;
        }
        if (job->failed()) {
            if (job->error().kind != Api::ApiError::Kind::Canceled)
                reportError(tr("Could not list the files"), job->error());
            return;
        }
        if (m_monitor && m_monitor->consecutiveFailures() == 0)
            emit problemCleared();
        const QList<Api::FileObject> files = job->files();
        if (m_stores.cache)
            m_stores.cache->replaceFiles(m_account.id, files);
        emit filesChanged(files);
        if (!job->truncated())
            updateOrphans(files);
        emit statusChanged();
    });
    job->start();
}

void AccountSession::cancelBatch(const QString &batchId)
{
    if (!m_client)
        return;
    Api::RequestJob *job = m_client->cancelBatch(batchId);
    connect(job, &Api::ApiJob::finished, this, [this, job, batchId] {
        if (job->failed()) {
            reportError(tr("Could not cancel %1").arg(batchId), job->error());
            return;
        }
        const Api::Batch b = job->batch();
        emit batchesChanged({b});
        m_scheduler->observe(b);
        m_monitor->track(b);
        m_monitor->refreshNow();
    });
    job->start();
}

void AccountSession::downloadResults(const Api::Batch &batch, const QString &folder)
{
    if (!m_client)
        return;
    if (batch.outputFileId.isEmpty() && batch.errorFileId.isEmpty()) {
        emit problem(tr("Batch %1 has no result files yet.").arg(batch.id));
        return;
    }
    // The same download as the automatic one and the CLI's, into the user's folder: whole files or none,
    // and a verified marker. Parented to the client, so that an account switch stops it.
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

void AccountSession::deleteFile(const QString &fileId)
{
    if (!m_client)
        return;
    Api::RequestJob *job = m_client->deleteFile(fileId);
    connect(job, &Api::ApiJob::finished, this, [this, job, fileId] {
        if (job->failed()) {
            reportError(tr("Could not delete %1").arg(fileId), job->error());
            return;
        }
        emit fileRemoved(fileId);
        if (m_stores.cache)
            m_stores.cache->removeFile(m_account.id, fileId);
        if (m_stores.intents)
            m_stores.intents->markUploadDeleted(m_account.id, {}, fileId);
        if (m_orphans.removeIf([&](const Store::Upload &u) { return u.fileId == fileId; }) > 0)
            emit orphanUploadsChanged();
        emit statusChanged();
    });
    job->start();
}

void AccountSession::updateOrphans(const QList<Api::FileObject> &files)
{
    QList<Store::Upload> orphans;
    const auto recorded = m_stores.intents ? m_stores.intents->orphanUploads(m_account.id)
                                           : Result<QList<Store::Upload>>(QList<Store::Upload>());
    if (recorded.ok()) {
        QSet<QString> present;
        for (const Api::FileObject &f : files)
            present.insert(f.id);
        for (const Store::Upload &u : recorded.value()) {
            if (present.contains(u.fileId))
                orphans.append(u);
            else
                m_stores.intents->markUploadDeleted(m_account.id, {}, u.fileId); // gone (deleted or expired)
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

void AccountSession::deleteOrphanUploads()
{
    const QList<Store::Upload> orphans = m_orphans;
    for (const Store::Upload &u : orphans)
        deleteFile(u.fileId);
}

Submission *AccountSession::submit(const QString &path, const Api::CreateBatchParams &params)
{
    auto *s = new Submission(m_client.get(), m_stores.intents, Scope {m_account.id, {}}, path, params, this);
    m_submissions.append(s);
    connect(s, &Submission::finished, this, [this, s] { onSubmissionFinished(s); });
    emit submissionStarted(s);
    s->start();
    return s;
}

bool AccountSession::isSubmittingBatch() const
{
    for (const auto &s : m_submissions) {
        if (s && (s->state() == Submission::State::Uploading || s->state() == Submission::State::Creating))
            return true;
    }
    return false;
}

bool AccountSession::isSubmitting() const
{
    return isSubmittingBatch() || (m_scheduler && !m_scheduler->submissions().isEmpty());
}

void AccountSession::onSubmissionFinished(Submission *s)
{
    m_submissions.removeAll(s);
    s->deleteLater();
    if (s->state() != Submission::State::Done)
        return;
    const Api::Batch b = s->batch();
    // The intent, the upload and the local input were recorded by the submission itself.
    m_withLocalInput.insert(b.id);
    const QString path = QFileInfo(s->path()).absoluteFilePath();
    if (const QString parent = m_resubmitParents.take(path); !parent.isEmpty() && m_stores.results)
        m_stores.results->linkResubmit(m_account.id, b.id, parent);
    if (m_stores.cache)
        m_stores.cache->upsert(m_account.id, {b});
    emit batchesChanged({b});
    if (m_monitor)
        m_monitor->track(b);
    emit batchCreated(b);
    emit statusChanged();
}

void AccountSession::onPartSubmitted(const QString &, const Api::Batch &b)
{
    m_withLocalInput.insert(b.id);
    if (m_stores.cache)
        m_stores.cache->upsert(m_account.id, {b});
    emit batchesChanged({b});
    m_monitor->track(b);
    emit batchCreated(b);
    emit statusChanged();
}

void AccountSession::setResubmitParent(const QString &path, const QString &parentBatchId)
{
    m_resubmitParents.insert(QFileInfo(path).absoluteFilePath(), parentBatchId);
}

void AccountSession::fetchModels(std::function<void(const QStringList &, const QString &)> done)
{
    if (!m_client) {
        done({}, tr("No account is connected."));
        return;
    }
    Api::ListJob *job = m_client->listModels();
    connect(job, &Api::ApiJob::finished, this, [job, done] {
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

void AccountSession::fetchResults(const Api::Batch &batch)
{
    if (m_fetcher && batch.isTerminal())
        m_fetcher->fetch(batch);
}

// Batches submitted from this app (their input is known) get their results as soon as they finish, and again
// after a quit or crash in the middle of a download (no .complete marker, no record).
void AccountSession::autoFetchResults()
{
    if (!m_fetcher)
        return;
    for (const Api::Batch &b : m_monitor->batches()) {
        if (!b.isTerminal() || (b.outputFileId.isEmpty() && b.errorFileId.isEmpty()))
            continue;
        if (!m_withLocalInput.contains(b.id) || m_downloaded.contains(b.id) || m_fetcher->hasFailed(b.id)
            || m_fetcher->isBusy(b.id))
            continue;
        if (m_stores.results) {
            const auto d = m_stores.results->download(m_account.id, b.id);
            if (d && d->remoteDeleted)
                continue;
        }
        m_fetcher->fetch(b);
    }
}

void AccountSession::deleteRemoteFiles(const QString &batchId, std::function<void(const QString &)> done)
{
    const auto record = m_stores.results ? m_stores.results->download(m_account.id, batchId)
                                         : std::optional<Store::ResultDownload>();
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
    // One composite job over the deletions (fan-out): it finishes when the last one has.
    auto *all = new CompositeJob(this);
    all->setAutoDelete(true);
    for (const QString &fileId : std::as_const(ids)) {
        Api::RequestJob *job = m_client->deleteFile(fileId);
        job->setProperty("batchdesk_file_id", fileId);
        all->addSubjob(job);
    }
    connect(all, &AsyncJob::finished, this, [this, all, batchId, done] {
        QStringList failures;
        for (AsyncJob *sub : all->subjobs()) {
            auto *job = static_cast<Api::ApiJob *>(sub);
            // A file the provider already deleted is as good as deleted.
            if (job->failed() && job->error().httpStatus != 404)
                failures << withHint(job->error().message, job->error());
            else
                emit fileRemoved(job->property("batchdesk_file_id").toString());
        }
        if (failures.isEmpty())
            m_stores.results->markRemoteDeleted(m_account.id, batchId);
        emit resultsChanged(batchId);
        emit statusChanged();
        done(failures.join(u' '));
    });
    all->start();
}

Result<Store::Job> AccountSession::addJob(const JobSpec &spec)
{
    if (!m_scheduler)
        return Error {QStringLiteral("not_connected"), tr("No account is connected.")};
    return m_scheduler->addJob(spec);
}

void AccountSession::reportError(const QString &what, const Api::ApiError &error)
{
    emit problem(withHint(what + QStringLiteral(": ") + error.message, error));
}

} // namespace Batchdesk::Workflow
