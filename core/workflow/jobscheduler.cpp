#include "jobscheduler.h"

#include "api/apiclient.h"
#include "api/apijob.h"
#include "common/logging.h"
#include "cost/estimate.h"
#include "intentreconciler.h"
#include "jsonl/limitprofile.h"
#include "jsonl/validator.h"
#include "results/exporters.h"
#include "results/joinedresults.h"
#include "results/resultsdownload.h"
#include "resultsfetcher.h"
#include "store/intentstore.h"

#include <QDir>
#include <QFileInfo>
#include <QJsonDocument>
#include <QUuid>
#include <QtConcurrent>

namespace Batchdesk::Workflow {

using Store::Job;
using Store::JobPart;

namespace {
QString keyOf(const QString &jobId, int round, int part)
{
    return QStringLiteral("%1/%2/%3").arg(jobId).arg(round).arg(part);
}

QString keyOf(const JobPart &p)
{
    return keyOf(p.jobId, p.round, p.part);
}

// What a round's preparation produced: the parts of the next round, or nothing more to retry, or an error.
struct RoundResult
{
    QList<Jsonl::SplitPart> parts;
    qint64 requests = 0;
    QString error;
    QString overBudget; ///< the round was not written: it would pass the job's budget
};

// The job's input (the round-0 part files, read in order as one), joined with every result file so far (later
// rounds win), written as a resubmit of the chosen outcomes and split like the job.
// A job with a budget: what its latest results cost (their usage at the table's price), plus the estimate of
// the round about to be sent, must stay within it. Returns the refusal, empty when within.
QString roundOverBudget(const Results::JoinedResults &joined, const QString &retryFile, double budget,
                        const QString &provider)
{
    const auto tokens = Cost::estimateFileTokens(retryFile);
    if (!tokens.ok())
        return tokens.errorString();
    const auto table = Cost::PriceTable::load();
    const auto price =
        (table.ok() ? table.value() : Cost::PriceTable::snapshot()).find(provider, tokens.value().model);
    const Cost::CostEstimate estimate = Cost::costEstimate(
        tokens.value().inputTokens, tokens.value().maxOutputTokens, tokens.value().outputBounded(), price);
    const double spent =
        price ? price->batchCost(joined.totals().inputTokens, joined.totals().outputTokens) : 0;
    const QString refused = spent >= budget ? JobScheduler::tr("Nothing of it is left.")
                                            : Cost::checkBudget(estimate, budget - spent);
    if (refused.isEmpty())
        return {};
    return JobScheduler::tr("The job has spent about %1 of its budget of %2; the next round: %3")
        .arg(Cost::formatDollars(spent), Cost::formatDollars(budget), refused);
}

RoundResult writeRound(const QStringList &inputs, const QStringList &resultFiles, const QString &folder,
                       int round, const QSet<Results::Outcome> &outcomes, const Jsonl::LimitProfile &profile,
                       bool embeddings, double budget, const QString &provider)
{
    RoundResult r;
    QDir().mkpath(folder);
    const auto joined = Results::JoinedResults::open(inputs, resultFiles);
    if (!joined.ok()) {
        r.error = joined.errorString();
        return r;
    }
    const QString retry = QDir(folder).filePath(QStringLiteral("retry-%1.jsonl").arg(round));
    const auto written = Results::writeResubmit(*joined.value(), retry, outcomes);
    if (!written.ok()) {
        if (written.error().code != QLatin1StringView("empty"))
            r.error = written.errorString();
        return r; // nothing left to retry
    }
    r.requests = written.value().lines;
    if (budget > 0) {
        if (const QString refused = roundOverBudget(*joined.value(), retry, budget, provider);
            !refused.isEmpty()) {
            r.overBudget = refused;
            return r;
        }
    }
    const auto parts = Jsonl::splitJsonl(retry, QDir(folder).filePath(QStringLiteral("round-%1").arg(round)),
                                         QStringLiteral("retry-%1").arg(round), profile, embeddings);
    if (!parts.ok()) {
        r.error = parts.errorString();
        return r;
    }
    r.parts = parts.value();
    return r;
}

Api::CreateBatchParams paramsOf(const Job &job)
{
    const QJsonObject o = QJsonDocument::fromJson(job.paramsJson.toUtf8()).object();
    Api::CreateBatchParams p = Api::CreateBatchParams::fromJson(o);
    p.inputFileId.clear();
    if (p.endpoint.isEmpty())
        p.endpoint = job.endpoint;
    return p;
}

QSet<Results::Outcome> outcomesOf(const QStringList &names)
{
    QSet<Results::Outcome> set;
    for (const QString &n : names) {
        if (const auto o = Results::outcomeFromName(n))
            set.insert(*o);
    }
    return set;
}
} // namespace

QStringList JobScheduler::stragglerOutcomeNames()
{
    return {QStringLiteral("expired"), QStringLiteral("cancelled"), QStringLiteral("missing")};
}

QStringList retryOutcomeNames()
{
    return {QStringLiteral("failed"), QStringLiteral("expired"), QStringLiteral("cancelled"),
            QStringLiteral("missing")};
}

Result<QStringList> parseRetryOutcomes(const QString &text)
{
    const QString t = text.trimmed();
    if (t.isEmpty() || t == QLatin1StringView("all"))
        return retryOutcomeNames();
    QStringList names;
    for (const QString &raw : t.split(u',', Qt::SkipEmptyParts)) {
        QString n = raw.trimmed().toLower();
        if (n == QLatin1StringView("canceled"))
            n = QStringLiteral("cancelled");
        if (!retryOutcomeNames().contains(n))
            return Error {
                QStringLiteral("usage"),
                JobScheduler::tr("Unknown outcome \"%1\": use failed, expired, cancelled or missing.")
                    .arg(raw.trimmed())};
        if (!names.contains(n))
            names << n;
    }
    return names;
}

JobScheduler::JobScheduler(Api::ApiClient *client, Store::JobStore *jobs, Store::IntentStore *intents,
                           ResultsFetcher *fetcher, Scope scope, SchedulerSettings settings, QObject *parent)
    : QObject(parent)
    , m_client(client)
    , m_jobs(jobs)
    , m_intents(intents)
    , m_fetcher(fetcher)
    , m_scope(std::move(scope))
    , m_settings(settings)
{
    m_settings.maxInFlight = qMax(1, m_settings.maxInFlight);
    m_settings.maxSubmitting = qMax(1, m_settings.maxSubmitting);
    if (m_settings.pollIntervalMs > 0) {
        m_pollTimer.setInterval(m_settings.pollIntervalMs);
        connect(&m_pollTimer, &QTimer::timeout, this, &JobScheduler::poll);
        m_pollTimer.start();
    }
    if (m_fetcher) {
        connect(m_fetcher, &ResultsFetcher::downloaded, this,
                [this](const QString &batchId, const QString &) {
                    if (auto part = findPart(batchId)) {
                        part->resultsFolder = m_fetcher->folderOf(batchId);
                        save(*part);
                        advance(part->jobId);
                    }
                });
        connect(m_fetcher, &ResultsFetcher::failed, this,
                [this](const QString &batchId, const Api::ApiError &error) {
                    const auto part = findPart(batchId);
                    if (!part || !m_waitingForResults.contains(part->jobId))
                        return;
                    m_waitingForResults.remove(part->jobId);
                    if (auto job = m_jobs->job(part->jobId))
                        failJob(*job,
                                describe(tr("The results of %1 could not be downloaded for the next "
                                            "round")
                                             .arg(batchId),
                                         error));
                });
    }
}

JobScheduler::~JobScheduler()
{
    // A running submission stops here; its part stays Submitting and is checked by the next resume().
    const auto running = m_running;
    for (const auto &s : running) {
        if (s) {
            s->disconnect(this);
            s->abort();
        }
    }
}

void JobScheduler::setMaxInFlight(int n)
{
    m_settings.maxInFlight = qMax(1, n);
    pump();
}

Result<void> JobScheduler::save(const JobPart &part)
{
    const auto saved = m_jobs->updatePart(part);
    if (!saved.ok())
        emit problem(
            tr("Could not record part %1 of %2: %3").arg(part.label(), part.jobId, saved.errorString()));
    return saved;
}

QList<Job> JobScheduler::activeJobs() const
{
    QList<Job> active;
    const auto all = m_jobs->jobs(m_scope.accountId, m_scope.origin);
    if (!all.ok())
        return active;
    for (const Job &j : all.value()) {
        if (j.state == Job::State::Active)
            active.prepend(j); // oldest first
    }
    return active;
}

std::optional<JobPart> JobScheduler::findPart(const QString &batchId) const
{
    return m_jobs->partOfBatch(batchId);
}

Result<Job> JobScheduler::addJob(const JobSpec &spec)
{
    const auto job = recordJob(m_jobs, m_scope, spec);
    if (!job.ok())
        return job;
    emit jobChanged(job.value().id);
    QMetaObject::invokeMethod(this, &JobScheduler::pump, Qt::QueuedConnection);
    return job;
}

Result<Job> JobScheduler::recordJob(Store::JobStore *jobs, const Scope &scope, const JobSpec &spec)
{
    if (spec.parts.isEmpty())
        return Error {QStringLiteral("usage"), tr("A job needs at least one part.")};
    if (const QString refused = Cost::checkBudget(spec.estimate, spec.budget); !refused.isEmpty())
        return Error {QStringLiteral("over_budget"), refused};
    Job job;
    job.id = spec.id.isEmpty() ? Store::JobStore::newJobId() : spec.id;
    job.accountId = scope.accountId;
    job.origin = scope.accountId > 0 ? QString() : scope.origin;
    job.name = spec.name;
    job.sourcePath = spec.sourcePath;
    job.folder = spec.folder;
    job.profile = spec.profile;
    Api::CreateBatchParams params = spec.params;
    params.inputFileId.clear();
    job.endpoint = params.endpoint;
    job.paramsJson = QString::fromUtf8(QJsonDocument(params.toJson()).toJson(QJsonDocument::Compact));
    job.retryRounds = qMax(0, spec.retryRounds);
    job.retryOutcomes = spec.retryOutcomes.isEmpty() ? retryOutcomeNames() : spec.retryOutcomes;
    job.budget = qMax(0.0, spec.budget);
    job.estimatedCost = spec.estimate && spec.estimate->total() ? *spec.estimate->total() : -1;
    QList<JobPart> parts;
    int n = 0;
    for (const Jsonl::SplitPart &sp : spec.parts) {
        JobPart p;
        p.jobId = job.id;
        p.round = 0;
        p.part = ++n;
        p.parts = int(spec.parts.size());
        p.path = QFileInfo(sp.path).absoluteFilePath();
        p.firstLine = sp.firstLine;
        p.lines = sp.lines;
        p.bytes = sp.bytes;
        parts << p;
    }
    if (auto created = jobs->create(job, parts); !created.ok())
        return created.error();
    qCInfo(lcApi) << "job" << job.id << "recorded with" << parts.size() << "parts";
    return job;
}

int JobScheduler::countActiveParts(const std::function<bool(const JobPart &)> &which) const
{
    int n = 0;
    for (const Job &job : activeJobs()) {
        const auto parts = m_jobs->parts(job.id);
        if (!parts.ok())
            continue;
        n += int(std::count_if(parts.value().cbegin(), parts.value().cend(), which));
    }
    return n;
}

int JobScheduler::inFlight() const
{
    int n = countActiveParts([](const JobPart &p) { return p.inFlight(); }) + int(m_otherRunning.size());
    // Batches of cancelled or stopped jobs that still run hold a slot too.
    for (const Api::Batch &b : m_batches) {
        if (b.isTerminal())
            continue;
        const auto part = findPart(b.id);
        if (!part)
            continue;
        const auto job = m_jobs->job(part->jobId);
        if (job && job->state != Job::State::Active)
            ++n;
    }
    return n;
}

int JobScheduler::queued() const
{
    return countActiveParts([](const JobPart &p) { return p.state == JobPart::State::Queued; });
}

bool JobScheduler::isActive(const QString &jobId) const
{
    const auto job = m_jobs->job(jobId);
    return job && job->state == Job::State::Active;
}

bool JobScheduler::isQuiet() const
{
    for (const auto &s : m_running) {
        if (s)
            return false;
    }
    return m_preparing.isEmpty() && !m_reconciler && m_cancels == 0;
}

QList<Submission *> JobScheduler::submissions() const
{
    QList<Submission *> list;
    for (const auto &s : m_running) {
        if (s)
            list << s.data();
    }
    return list;
}

void JobScheduler::emitQuietIfSo()
{
    if (isQuiet())
        emit quiet();
}

void JobScheduler::pump()
{
    if (m_pumping || !m_client || m_reconciler)
        return;
    m_pumping = true;
    int running = 0;
    for (const auto &s : std::as_const(m_running))
        running += s ? 1 : 0;
    int flying = inFlight();
    for (const Job &job : activeJobs()) {
        if (running >= m_settings.maxSubmitting || flying >= m_settings.maxInFlight)
            break;
        const auto parts = m_jobs->parts(job.id);
        if (!parts.ok())
            continue;
        for (const JobPart &p : parts.value()) {
            if (p.state != JobPart::State::Queued || p.round != job.round)
                continue;
            if (running >= m_settings.maxSubmitting || flying >= m_settings.maxInFlight)
                break;
            startPart(p, job);
            ++running;
            ++flying;
        }
    }
    m_pumping = false;
    emitQuietIfSo();
}

void JobScheduler::startPart(JobPart part, const Job &job)
{
    Api::CreateBatchParams params = paramsOf(job);
    // The client id goes on record first: after a kill, the intent (or the server's list) tells whether this
    // part created its batch.
    part.clientId = QUuid::createUuid().toString(QUuid::WithoutBraces);
    part.state = JobPart::State::Submitting;
    part.error.clear();
    if (!save(part).ok())
        return;
    params.metadata.insert(Api::kClientIdKey, part.clientId);
    params.metadata.insert(Api::kJobKey, job.id);
    params.metadata.insert(Api::kPartKey, QStringLiteral("%1/%2").arg(part.part).arg(part.parts));
    if (part.round > 0)
        params.metadata.insert(Api::kRoundKey, QString::number(part.round));
    params.runnerAccountId = part.runnerAccountId; // a straggler part runs in real time on that account
    auto *s = new Submission(m_client, m_intents, m_scope, part.path, params, this);
    m_running.insert(keyOf(part), s);
    connect(s, &Submission::finished, this, [this, s, part] { onSubmissionFinished(s, part); });
    emit jobChanged(job.id);
    emit submissionStarted(s, job.id);
    s->start();
}

void JobScheduler::onSubmissionFinished(Submission *s, JobPart part)
{
    s->deleteLater();
    m_running.remove(keyOf(part));
    const auto fresh = m_jobs->parts(part.jobId);
    if (fresh.ok()) {
        for (const JobPart &p : fresh.value()) {
            if (p.round == part.round && p.part == part.part)
                part = p;
        }
    }
    if (s->state() == Submission::State::Done) {
        const Api::Batch b = s->batch();
        part.state = b.isTerminal() ? JobPart::State::Finished : JobPart::State::Submitted;
        part.batchId = b.id;
        part.batchStatus = b.statusText;
        const Api::RequestCounts counts = b.requestCounts.value_or(Api::RequestCounts {});
        part.total = counts.total;
        part.completed = counts.completed;
        part.failed = counts.failed;
        save(part);
        m_batches.insert(b.id, b);
        qCInfo(lcApi) << "job" << part.jobId << "part" << part.label() << "->" << b.id;
        emit partSubmitted(part.jobId, b);
        emit jobChanged(part.jobId);
        const auto owner = m_jobs->job(part.jobId);
        if (owner && owner->realtimeRequested && part.runnerAccountId == 0
            && part.state == JobPart::State::Submitted && m_client) {
            // Created while the job switched to real time: cancelled like the others.
            cancelBatch(part.jobId, b.id);
        }
        if (part.state == JobPart::State::Finished)
            advance(part.jobId);
        QMetaObject::invokeMethod(this, &JobScheduler::pump, Qt::QueuedConnection);
        return;
    }
    const auto job = m_jobs->job(part.jobId);
    if (s->state() == Submission::State::Canceled) {
        // Cancelled with its job (cancelJob), or the scheduler stops: the part is dropped, unless the create
        // may have reached the server (the intent is pending and is reconciled at the next resume()).
        const auto intent =
            m_intents ? m_intents->byClientId(part.clientId) : Result<Store::Intent>(Error {});
        const bool maybeCreated = intent.ok() && intent.value().state == Store::Intent::State::Pending;
        if (!maybeCreated)
            part.state =
                job && job->state == Job::State::Active ? JobPart::State::Queued : JobPart::State::Canceled;
        save(part);
        emit jobChanged(part.jobId);
        emitQuietIfSo();
        return;
    }
    // Failed. With a pending intent the create may have reached the server: the part stays Submitting and is
    // checked by resume(). Otherwise nothing was created: the part failed, and with it the job stops (a
    // refusal would repeat for every part; the user fixes the cause and resumes).
    const auto intent = m_intents ? m_intents->byClientId(part.clientId) : Result<Store::Intent>(Error {});
    const bool maybeCreated = intent.ok() && intent.value().state == Store::Intent::State::Pending;
    part.error = s->errorText();
    if (!maybeCreated)
        part.state = JobPart::State::Failed;
    save(part);
    if (job)
        failJob(*job, tr("Job %1 stopped at part %2: %3").arg(job->id, part.label(), s->errorText()));
    emitQuietIfSo();
}

void JobScheduler::failJob(Job job, const QString &text)
{
    job.state = Job::State::Failed;
    job.error = text;
    m_jobs->updateJob(job);
    emit jobChanged(job.id);
    emit problem(text);
}

void JobScheduler::finishJob(Job job, Job::State state)
{
    job.state = state;
    m_jobs->updateJob(job);
    qCInfo(lcApi) << "job" << job.id << Job::stateName(state);
    emit jobChanged(job.id);
    emit jobFinished(job.id);
}

void JobScheduler::resume()
{
    if (!m_client)
        return;
    bool pending = false;
    for (const Job &job : activeJobs()) {
        const auto parts = m_jobs->parts(job.id);
        if (!parts.ok())
            continue;
        for (JobPart p : parts.value()) {
            if (p.state != JobPart::State::Submitting || m_running.value(keyOf(p)))
                continue;
            const auto intent = m_intents && !p.clientId.isEmpty() ? m_intents->byClientId(p.clientId)
                                                                   : Result<Store::Intent>(Error {});
            if (!intent.ok() || intent.value().state == Store::Intent::State::Abandoned) {
                // Stopped during the upload, or the create was refused: no batch exists.
                p.state = JobPart::State::Queued;
                p.clientId.clear();
                save(p);
            } else if (intent.value().state == Store::Intent::State::Created) {
                p.state = JobPart::State::Submitted;
                p.batchId = intent.value().batchId;
                save(p);
            } else {
                pending = true; // the server's list decides
            }
        }
    }
    if (pending)
        reconcile();
    else
        pump();
    if (m_settings.pollIntervalMs > 0)
        QMetaObject::invokeMethod(this, &JobScheduler::poll, Qt::QueuedConnection);
}

void JobScheduler::reconcile()
{
    if (m_reconciler || !m_client)
        return;
    m_reconciler = new IntentReconciler(m_client, m_intents, m_scope, this);
    connect(m_reconciler, &IntentReconciler::finished, this, [this, r = m_reconciler.data()] {
        r->deleteLater();
        m_reconciler = nullptr;
        if (r->failed()) {
            emit problem(describe(tr("Could not check which parts of the jobs were created"), r->error()));
            emitQuietIfSo();
            return; // tried again at the next resume()
        }
        applyReconciled(QSet<QString>(r->notFound().cbegin(), r->notFound().cend()));
    });
    m_reconciler->start();
}

void JobScheduler::applyReconciled(const QSet<QString> &notFound)
{
    for (const Job &job : activeJobs()) {
        const auto parts = m_jobs->parts(job.id);
        if (!parts.ok())
            continue;
        for (JobPart p : parts.value()) {
            if (p.state != JobPart::State::Submitting || m_running.value(keyOf(p)))
                continue;
            const auto intent = m_intents->byClientId(p.clientId);
            if (intent.ok() && intent.value().state == Store::Intent::State::Created) {
                p.state = JobPart::State::Submitted;
                p.batchId = intent.value().batchId;
                save(p);
            } else if (notFound.contains(p.clientId)) {
                // Not among the server's newest batches after a complete listing: the create never arrived.
                m_intents->markAbandoned(p.clientId);
                p.state = JobPart::State::Queued;
                p.clientId.clear();
                save(p);
            }
            emit jobChanged(job.id);
        }
    }
    pump();
}

void JobScheduler::observe(const QList<Api::Batch> &batches)
{
    for (const Api::Batch &b : batches)
        observe(b);
}

void JobScheduler::observe(const Api::Batch &batch)
{
    auto part = findPart(batch.id);
    if (!part) {
        // A batch of the account that is no job's part (a single submission, another tool's): it holds one of
        // the provider's slots all the same.
        const bool running = !batch.isTerminal() && batch.status() != Api::Batch::Status::Unknown;
        const bool was = m_otherRunning.contains(batch.id);
        if (running && !was)
            m_otherRunning.insert(batch.id);
        else if (!running && was) {
            m_otherRunning.remove(batch.id);
            QMetaObject::invokeMethod(this, &JobScheduler::pump, Qt::QueuedConnection);
        }
        return;
    }
    m_batches.insert(batch.id, batch);
    if (!batch.isTerminal())
        checkRealtimePolicy(part->jobId);
    const Api::RequestCounts counts = batch.requestCounts.value_or(Api::RequestCounts {});
    const bool changed = part->batchStatus != batch.statusText || part->completed != counts.completed
        || part->failed != counts.failed || part->total != counts.total
        || (batch.isTerminal() && part->state != JobPart::State::Finished);
    if (!changed)
        return;
    part->batchStatus = batch.statusText;
    part->completed = counts.completed;
    part->failed = counts.failed;
    part->total = counts.total;
    if (batch.isTerminal()
        && (part->state == JobPart::State::Submitted || part->state == JobPart::State::Submitting
            || part->state == JobPart::State::Canceled))
        part->state = JobPart::State::Finished;
    save(*part);
    emit jobChanged(part->jobId);
    if (batch.isTerminal()) {
        advance(part->jobId);
        pump();
    }
}

void JobScheduler::poll()
{
    if (m_polling > 0 || !m_client)
        return;
    QStringList running;
    const auto all = m_jobs->jobs(m_scope.accountId, m_scope.origin);
    if (!all.ok())
        return;
    for (const Job &job : all.value()) {
        const auto parts = m_jobs->parts(job.id);
        if (!parts.ok())
            continue;
        for (const JobPart &p : parts.value()) {
            if (p.state == JobPart::State::Submitted && !p.batchId.isEmpty())
                running << p.batchId;
        }
    }
    // A few batches per tick, round robin: a slow server is never asked more than that per interval.
    const int n = int(qMin<qsizetype>(running.size(), 8));
    for (int i = 0; i < n; ++i) {
        const QString id = running.value(m_pollCursor++ % running.size());
        Api::RequestJob *job = m_client->retrieveBatch(id);
        ++m_polling;
        connect(job, &Api::ApiJob::finished, this, [this, job] {
            --m_polling;
            if (!job->failed())
                observe(job->batch());
        });
        job->start();
    }
}

void JobScheduler::advance(const QString &jobId)
{
    auto job = m_jobs->job(jobId);
    if (!job || job->state != Job::State::Active || m_preparing.contains(jobId))
        return;
    const auto parts = m_jobs->parts(jobId);
    if (!parts.ok())
        return;
    bool roundInRealtime = false;
    for (const JobPart &p : parts.value()) {
        if (p.round == job->round && !p.isDone())
            return; // the round still runs
        if (p.round == job->round && p.runnerAccountId > 0)
            roundInRealtime = true;
    }
    // The switch to real time was decided and the round that ended ran as batches: the requests without a
    // result go next, in real time, whatever the retry policy says.
    const bool toRealtime = job->realtimeRequested && job->realtimeAccountId > 0 && !roundInRealtime;
    if (!toRealtime && (job->round >= job->retryRounds || outcomesOf(job->retryOutcomes).isEmpty())) {
        m_waitingForResults.remove(jobId);
        finishJob(*job, Job::State::Finished);
        return;
    }
    // Another round: every finished part's results must be here first.
    bool waiting = false;
    for (const JobPart &p : parts.value()) {
        if (p.state != JobPart::State::Finished || p.batchId.isEmpty() || !p.resultsFolder.isEmpty())
            continue;
        if (m_fetcher && Results::verifiedResultFiles(m_fetcher->folderOf(p.batchId), p.batchId).ok()) {
            JobPart done = p; // downloaded already (the app's automatic download, an earlier run)
            done.resultsFolder = m_fetcher->folderOf(p.batchId);
            save(done);
            continue;
        }
        const Api::Batch b = m_batches.value(p.batchId);
        if (b.id.isEmpty() || (!b.outputFileId.isEmpty() || !b.errorFileId.isEmpty())) {
            waiting = true;
            if (!m_fetcher) {
                failJob(*job, tr("Job %1 cannot retry: its results cannot be downloaded here.").arg(jobId));
                return;
            }
            if (b.id.isEmpty()) {
                // Not seen in this session: its current state first (for its file ids).
                if (!m_client)
                    return;
                Api::RequestJob *get = m_client->retrieveBatch(p.batchId);
                connect(get, &Api::ApiJob::finished, this, [this, get, jobId] {
                    if (get->failed()) {
                        emit problem(describe(tr("Could not get a batch of %1").arg(jobId), get->error()));
                        return;
                    }
                    m_batches.insert(get->batch().id, get->batch());
                    advance(jobId);
                });
                get->start();
            } else if (!m_fetcher->isBusy(b.id)) {
                m_waitingForResults.insert(jobId);
                m_fetcher->fetch(b);
            }
        }
    }
    if (waiting)
        return;
    m_waitingForResults.remove(jobId);
    prepareRound(*job, parts.value(), toRealtime ? stragglerOutcomeNames() : job->retryOutcomes,
                 job->realtimeRequested ? job->realtimeAccountId : 0);
}

void JobScheduler::prepareRound(const Job &job, const QList<JobPart> &parts, const QStringList &outcomeNames,
                                qint64 runnerAccountId)
{
    QStringList inputs;
    QStringList files;
    for (const JobPart &p : parts) {
        if (p.round == 0)
            inputs << p.path;
    }
    for (const JobPart &p : parts) {
        if (p.resultsFolder.isEmpty())
            continue;
        const auto verified = Results::verifiedResultFiles(p.resultsFolder, p.batchId);
        if (verified.ok())
            files << verified.value();
    }
    const auto profile = Jsonl::LimitProfile::byName(job.profile).value_or(Jsonl::LimitProfile::deepinfra());
    const int round = job.round + 1;
    const QString folder = job.folder.isEmpty()
        ? QDir(QFileInfo(inputs.value(0)).absolutePath()).filePath(QStringLiteral("rounds"))
        : job.folder;
    const bool embeddings = job.endpoint == Jsonl::kEmbeddings;
    const QSet<Results::Outcome> outcomes = outcomesOf(outcomeNames);
    m_preparing.insert(job.id);
    auto *watcher = new QFutureWatcher<RoundResult>(this);
    connect(watcher, &QFutureWatcher<RoundResult>::finished, this,
            [this, watcher, jobId = job.id, round, runnerAccountId] {
                watcher->deleteLater();
                m_preparing.remove(jobId);
                const RoundResult r = watcher->result();
                auto job = m_jobs->job(jobId);
                if (!job || job->state != Job::State::Active) {
                    emitQuietIfSo();
                    return;
                }
                if (!r.error.isEmpty()) {
                    failJob(
                        *job,
                        tr("Job %1 could not prepare retry round %2: %3").arg(jobId).arg(round).arg(r.error));
                    emitQuietIfSo();
                    return;
                }
                if (!r.overBudget.isEmpty()) {
                    failJob(*job,
                            tr("Job %1: retry round %2 was not submitted. %3")
                                .arg(jobId)
                                .arg(round)
                                .arg(r.overBudget));
                    emitQuietIfSo();
                    return;
                }
                if (r.parts.isEmpty()) {
                    finishJob(*job, Job::State::Finished); // every request has its result
                    emitQuietIfSo();
                    return;
                }
                QList<JobPart> next;
                int n = 0;
                for (const Jsonl::SplitPart &sp : r.parts) {
                    JobPart p;
                    p.jobId = jobId;
                    p.round = round;
                    p.part = ++n;
                    p.parts = int(r.parts.size());
                    p.path = QFileInfo(sp.path).absoluteFilePath();
                    p.firstLine = sp.firstLine;
                    p.lines = sp.lines;
                    p.bytes = sp.bytes;
                    p.runnerAccountId = runnerAccountId;
                    next << p;
                }
                if (auto added = m_jobs->addRound(jobId, round, next); !added.ok()) {
                    failJob(*job, added.errorString());
                    return;
                }
                qCInfo(lcApi) << "job" << jobId << (runnerAccountId > 0 ? "real-time round" : "retry round")
                              << round << ":" << r.requests << "requests in" << next.size() << "parts";
                emit jobChanged(jobId);
                pump();
            });
    watcher->setFuture(QtConcurrent::run(writeRound, inputs, files, folder, round, outcomes, profile,
                                         embeddings, job.budget, m_client->provider().id));
}

Result<void> JobScheduler::resumeJob(const QString &jobId)
{
    auto job = m_jobs->job(jobId);
    if (!job)
        return Error {QStringLiteral("not_found"), tr("There is no job %1.").arg(jobId)};
    if (job->state == Job::State::Finished || job->state == Job::State::Canceled) {
        advance(jobId);
        return {};
    }
    const auto parts = m_jobs->parts(jobId);
    if (!parts.ok())
        return parts.error();
    for (JobPart p : parts.value()) {
        if (p.state == JobPart::State::Failed) {
            p.state = JobPart::State::Queued;
            p.clientId.clear();
            p.error.clear();
            save(p);
        }
    }
    job->state = Job::State::Active;
    job->error.clear();
    if (auto saved = m_jobs->updateJob(*job); !saved.ok())
        return saved;
    emit jobChanged(jobId);
    resume();
    advance(jobId);
    return {};
}

Result<void> JobScheduler::cancelPart(const QString &jobId, int round, int partNo)
{
    const auto parts = m_jobs->parts(jobId);
    if (!parts.ok())
        return parts.error();
    for (JobPart p : parts.value()) {
        if (p.round != round || p.part != partNo)
            continue;
        if (p.state != JobPart::State::Queued && p.state != JobPart::State::Failed)
            return Error {
                QStringLiteral("state"),
                tr("Part %1 of %2 is no longer waiting: cancel its batch instead.").arg(p.label(), jobId)};
        p.state = JobPart::State::Canceled;
        if (auto saved = save(p); !saved.ok())
            return saved;
        emit jobChanged(jobId);
        advance(jobId);
        return {};
    }
    return Error {QStringLiteral("not_found"), tr("Job %1 has no part %2.").arg(jobId).arg(partNo)};
}

Result<void> JobScheduler::cancelJob(const QString &jobId)
{
    auto job = m_jobs->job(jobId);
    if (!job)
        return Error {QStringLiteral("not_found"), tr("There is no job %1.").arg(jobId)};
    const auto parts = m_jobs->parts(jobId);
    if (!parts.ok())
        return parts.error();
    // The job first: nothing queued may start while its parts are being cancelled.
    job->state = Job::State::Canceled;
    if (auto saved = m_jobs->updateJob(*job); !saved.ok())
        return saved;
    for (JobPart p : parts.value()) {
        switch (p.state) {
        case JobPart::State::Queued:
        case JobPart::State::Failed:
            p.state = JobPart::State::Canceled;
            save(p);
            break;
        case JobPart::State::Submitting:
            if (const auto s = m_running.value(keyOf(p)))
                s->abort();
            break;
        case JobPart::State::Submitted:
            if (m_client && !p.batchId.isEmpty()) {
                cancelBatch(jobId, p.batchId);
            }
            break;
        case JobPart::State::Finished:
        case JobPart::State::Canceled:
            break;
        }
    }
    emit jobChanged(jobId);
    emit jobFinished(jobId);
    pump();
    return {};
}

void JobScheduler::cancelBatch(const QString &jobId, const QString &batchId)
{
    Api::RequestJob *cancel = m_client->cancelBatch(batchId);
    ++m_cancels;
    connect(cancel, &Api::ApiJob::finished, this, [this, cancel, jobId] {
        --m_cancels;
        if (cancel->failed())
            emit problem(describe(tr("Could not cancel a batch of %1").arg(jobId), cancel->error()));
        else
            observe(cancel->batch());
        emitQuietIfSo();
    });
    cancel->start();
}

Result<void> JobScheduler::retryJob(const QString &jobId, const QStringList &outcomes)
{
    auto job = m_jobs->job(jobId);
    if (!job)
        return Error {QStringLiteral("not_found"), tr("There is no job %1.").arg(jobId)};
    const auto parts = m_jobs->parts(jobId);
    if (!parts.ok())
        return parts.error();
    for (const JobPart &p : parts.value()) {
        if (p.round == job->round && !p.isDone() && p.state != JobPart::State::Failed)
            return Error {
                QStringLiteral("state"),
                tr("Job %1 still has batches running or queued: retry when they have finished.").arg(jobId)};
    }
    job->retryOutcomes = outcomes.isEmpty() ? retryOutcomeNames() : outcomes;
    job->retryRounds = qMax(job->retryRounds, job->round + 1);
    job->state = Job::State::Active;
    job->error.clear();
    if (auto saved = m_jobs->updateJob(*job); !saved.ok())
        return saved;
    emit jobChanged(jobId);
    advance(jobId);
    return {};
}

Result<void> JobScheduler::finishInRealtime(const QString &jobId, qint64 realtimeAccountId)
{
    if (realtimeAccountId <= 0)
        return Error {QStringLiteral("invalid"), tr("Choose a \"Run here\" account to finish the job on.")};
    if (realtimeAccountId == m_scope.accountId && m_client && m_client->runsLocally())
        return Error {QStringLiteral("invalid"), tr("Job %1 already runs in real time.").arg(jobId)};
    auto job = m_jobs->job(jobId);
    if (!job)
        return Error {QStringLiteral("not_found"), tr("There is no job %1.").arg(jobId)};
    if (job->state == Job::State::Canceled)
        return Error {QStringLiteral("state"), tr("Job %1 was cancelled.").arg(jobId)};
    const auto parts = m_jobs->parts(jobId);
    if (!parts.ok())
        return parts.error();
    job->realtimeAccountId = realtimeAccountId;
    job->realtimeRequested = true;
    job->state = Job::State::Active;
    job->error.clear();
    if (auto saved = m_jobs->updateJob(*job); !saved.ok())
        return saved;
    qCInfo(lcApi) << "job" << jobId << "finishes in real time on account" << realtimeAccountId;
    // What waits is dropped; what runs as a batch is cancelled (its results so far are kept and joined).
    for (JobPart p : parts.value()) {
        if (p.round != job->round || p.runnerAccountId > 0)
            continue;
        if (p.state == JobPart::State::Queued || p.state == JobPart::State::Failed) {
            p.state = JobPart::State::Canceled;
            save(p);
        } else if (p.state == JobPart::State::Submitted && m_client && !p.batchId.isEmpty()) {
            cancelBatch(jobId, p.batchId);
        }
        // A part being submitted is cancelled once its batch exists (onSubmissionFinished → observe).
    }
    emit jobChanged(jobId);
    advance(jobId);
    return {};
}

Result<void> JobScheduler::setRealtimePolicy(const QString &jobId, qint64 realtimeAccountId,
                                             double afterHours, int atPercent)
{
    auto job = m_jobs->job(jobId);
    if (!job)
        return Error {QStringLiteral("not_found"), tr("There is no job %1.").arg(jobId)};
    if (afterHours < 0 || atPercent < 0 || atPercent > 100)
        return Error {QStringLiteral("invalid"),
                      tr("The hours cannot be negative and the percentage must be between 0 and 100.")};
    job->realtimeAccountId = realtimeAccountId;
    job->realtimeAfterHours = afterHours;
    job->realtimeAtPercent = atPercent;
    if (auto saved = m_jobs->updateJob(*job); !saved.ok())
        return saved;
    emit jobChanged(jobId);
    checkRealtimePolicy(jobId);
    return {};
}

void JobScheduler::checkRealtimePolicy(const QString &jobId)
{
    const auto job = m_jobs->job(jobId);
    if (!job || job->state != Job::State::Active || job->realtimeRequested || job->realtimeAccountId <= 0
        || (job->realtimeAfterHours <= 0 && job->realtimeAtPercent <= 0))
        return;
    bool due = job->realtimeAfterHours > 0
        && QDateTime::currentSecsSinceEpoch() - job->createdAt >= qint64(job->realtimeAfterHours * 3600);
    QString why = tr("it has run for %1 hours").arg(job->realtimeAfterHours);
    if (!due && job->realtimeAtPercent > 0) {
        const auto parts = m_jobs->parts(jobId);
        if (!parts.ok())
            return;
        qint64 ended = 0;
        qint64 total = 0;
        for (const JobPart &p : parts.value()) {
            if (p.round != job->round || p.state == JobPart::State::Canceled)
                continue;
            // A part not yet running counts with its lines.
            const qint64 lines = p.total > 0 ? p.total : p.lines;
            total += lines;
            ended += p.state == JobPart::State::Finished ? lines : qMin(lines, p.completed + p.failed);
        }
        due = total > 0 && ended * 100 >= qint64(job->realtimeAtPercent) * total;
        why = tr("%1 % of its requests have ended").arg(total > 0 ? ended * 100 / total : 0);
    }
    if (!due)
        return;
    qCInfo(lcApi) << "job" << jobId << "policy: finishing in real time because" << why;
    if (auto done = finishInRealtime(jobId, job->realtimeAccountId); !done.ok())
        emit problem(done.errorString());
}

} // namespace Batchdesk::Workflow
