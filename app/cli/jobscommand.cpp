#include "jobscommand.h"

#include "api/apiclient.h"
#include "api/apijob.h"
#include "clicommon.h"
#include "clioutput.h"
#include "context.h"
#include "jsonl/limitprofile.h"
#include "results/resultsdownload.h"
#include "store/jobstore.h"
#include "workflow/jobhistory.h"
#include "workflow/resultsfetcher.h"

#include <QCommandLineParser>
#include <QDateTime>
#include <QDir>
#include <QEventLoop>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonObject>
#include <QTimer>

#include <cstdio>
#include <memory>

namespace Batchdesk::Cli {

using Store::Job;
using Store::JobPart;

namespace {

// The engine of one account for one command: the app's scheduler and download queue, polling by itself.
struct Engine
{
    std::unique_ptr<Workflow::ResultsFetcher> fetcher;
    std::unique_ptr<Workflow::JobScheduler> scheduler;
    int maxInFlight = 0;
};

Result<std::unique_ptr<Engine>> makeEngine(Context &ctx, const JobRunOptions &options)
{
    auto client = ctx.client();
    if (!client.ok())
        return client.error();
    if (!ctx.jobs() || !ctx.intents())
        return Error {QStringLiteral("db"), ctx.database().errorString()};
    const auto key = ctx.resultsKey();
    if (!key.ok())
        return key.error();
    const QString profileName = ctx.account() ? ctx.account()->limitProfile : QStringLiteral("deepinfra");
    const auto profile = Jsonl::LimitProfile::byName(profileName).value_or(Jsonl::LimitProfile::deepinfra());
    auto engine = std::make_unique<Engine>();
    Workflow::SchedulerSettings settings;
    settings.maxInFlight = options.maxInFlight > 0 ? options.maxInFlight : profile.maxInFlight;
    settings.pollIntervalMs = qMax(100, int(options.intervalSeconds * 1000));
    engine->maxInFlight = settings.maxInFlight;
    engine->fetcher = std::make_unique<Workflow::ResultsFetcher>(client.value(), ctx.results(),
                                                                 ctx.scopeAccountId(), key.value());
    engine->scheduler = std::make_unique<Workflow::JobScheduler>(
        client.value(), ctx.jobs(), ctx.intents(), engine->fetcher.get(),
        Workflow::Scope {ctx.scopeAccountId(), ctx.scopeOrigin()}, settings);
    return engine;
}

QList<JobPart> partsOf(Context &ctx, const QString &jobId)
{
    const auto parts = ctx.jobs()->parts(jobId);
    return parts.ok() ? parts.value() : QList<JobPart>();
}

int countParts(const QList<JobPart> &parts, int round, JobPart::State state)
{
    return int(std::count_if(parts.cbegin(), parts.cend(), [&](const JobPart &p) {
        return (round < 0 || p.round == round) && p.state == state;
    }));
}

// "round 1 · 2/3 parts done · 1 queued · 1,234/1,500 requests, 3 failed"
QString summary(const Job &job, const QList<JobPart> &parts)
{
    int done = 0;
    int inRound = 0;
    qint64 completed = 0, failed = 0, total = 0;
    for (const JobPart &p : parts) {
        if (p.round != job.round)
            continue;
        ++inRound;
        done += p.isDone() ? 1 : 0;
        completed += p.completed;
        failed += p.failed;
        total += p.total;
    }
    QString text = tr("%1  %2  parts %3/%4").arg(job.id, Job::stateName(job.state)).arg(done).arg(inRound);
    if (job.round > 0)
        text += tr("  round %1").arg(job.round);
    if (const int queued = countParts(parts, job.round, JobPart::State::Queued))
        text += tr("  %1 queued").arg(queued);
    if (total > 0)
        text += tr("  requests %1/%2, %3 failed").arg(completed).arg(total).arg(failed);
    return text;
}

// The name of an account (a job's "Run here" account), or "#id" when it is gone.
QString accountName(Context &ctx, qint64 accountId)
{
    const auto account = ctx.accounts() ? ctx.accounts()->byId(accountId)
                                        : Result<Store::Account>::failure(QStringLiteral("db"), QString());
    return account.ok() ? account.value().name : QStringLiteral("#%1").arg(accountId);
}

QJsonValue accountJson(Context &ctx, qint64 accountId)
{
    return accountId > 0 ? QJsonValue(accountName(ctx, accountId)) : QJsonValue(QJsonValue::Null);
}

QJsonObject partJson(Context &ctx, const JobPart &p)
{
    QJsonObject o {{QStringLiteral("round"), p.round},
                   {QStringLiteral("part"), p.part},
                   {QStringLiteral("parts"), p.parts},
                   {QStringLiteral("state"), JobPart::stateName(p.state)},
                   {QStringLiteral("path"), QDir::toNativeSeparators(p.path)},
                   {QStringLiteral("first_line"), p.firstLine},
                   {QStringLiteral("lines"), p.lines},
                   {QStringLiteral("batch_id"), p.batchId},
                   {QStringLiteral("batch_status"), p.batchStatus},
                   {QStringLiteral("request_counts"),
                    QJsonObject {{QStringLiteral("total"), p.total},
                                 {QStringLiteral("completed"), p.completed},
                                 {QStringLiteral("failed"), p.failed}}}};
    // The "Run here" account that ran the part in real time (a job's stragglers), null for a batch.
    o.insert(QStringLiteral("runner_account"), accountJson(ctx, p.runnerAccountId));
    if (!p.error.isEmpty())
        o.insert(QStringLiteral("error"), p.error);
    return o;
}

QJsonObject jobJson(Context &ctx, const Job &job, const QList<JobPart> &parts, bool withParts)
{
    QJsonObject o {{QStringLiteral("id"), job.id},
                   {QStringLiteral("name"), job.name},
                   {QStringLiteral("state"), Job::stateName(job.state)},
                   {QStringLiteral("endpoint"), job.endpoint},
                   {QStringLiteral("round"), job.round},
                   {QStringLiteral("retry_rounds"), job.retryRounds},
                   {QStringLiteral("retry_outcomes"), QJsonArray::fromStringList(job.retryOutcomes)},
                   {QStringLiteral("source"), QDir::toNativeSeparators(job.sourcePath)},
                   {QStringLiteral("folder"), QDir::toNativeSeparators(job.folder)},
                   {QStringLiteral("created_at"), job.createdAt}};
    if (!job.error.isEmpty())
        o.insert(QStringLiteral("error"), job.error);
    // The straggler fallback: where the requests without a result run in real time, the policy that
    // switches by itself (0: off), and whether the switch happened.
    o.insert(QStringLiteral("realtime_account"), accountJson(ctx, job.realtimeAccountId));
    o.insert(QStringLiteral("realtime_after_hours"), job.realtimeAfterHours);
    o.insert(QStringLiteral("realtime_at_percent"), job.realtimeAtPercent);
    o.insert(QStringLiteral("realtime_requested"), job.realtimeRequested);
    // The budget cap (null: none) and the cost estimated when the job was submitted (null: not estimated).
    o.insert(QStringLiteral("budget"), job.budget > 0 ? QJsonValue(job.budget) : QJsonValue());
    o.insert(QStringLiteral("estimated_cost"),
             job.estimatedCost >= 0 ? QJsonValue(job.estimatedCost) : QJsonValue());
    int queued = 0, done = 0;
    for (const JobPart &p : parts) {
        queued += p.state == JobPart::State::Queued ? 1 : 0;
        done += p.isDone() ? 1 : 0;
    }
    o.insert(QStringLiteral("parts_total"), int(parts.size()));
    o.insert(QStringLiteral("parts_done"), done);
    o.insert(QStringLiteral("parts_queued"), queued);
    if (withParts) {
        QJsonArray list;
        for (const JobPart &p : parts)
            list.append(partJson(ctx, p));
        o.insert(QStringLiteral("parts"), list);
    }
    return o;
}

// Runs the engine until the job is finished (wait) or until nothing more can be submitted now. Batches
// created on the way are appended to *created. Returns an exit code.
int drive(Context &ctx, Engine &engine, const QString &jobId, const JobRunOptions &options,
          QList<Api::Batch> *created)
{
    Workflow::JobScheduler *scheduler = engine.scheduler.get();
    const bool quiet = ctx.options().quiet;
    const bool tty = stderrIsTerminal();
    QEventLoop loop;
    QString lastLine;
    QObject::connect(scheduler, &Workflow::JobScheduler::partSubmitted, &loop,
                     [&](const QString &job, const Api::Batch &b) {
                         if (job != jobId)
                             return;
                         created->append(b);
                         if (quiet)
                             return;
                         if (tty && !lastLine.isEmpty())
                             std::fputs("\r\033[K", stderr);
                         lastLine.clear();
                         const auto part = ctx.jobs()->partOfBatch(b.id);
                         if (!part)
                             return;
                         if (part->runnerAccountId > 0)
                             err(tr("Round %1 in real time on \"%2\", part %3/%4: %5 (%6 requests)")
                                     .arg(part->round)
                                     .arg(accountName(ctx, part->runnerAccountId))
                                     .arg(part->part)
                                     .arg(part->parts)
                                     .arg(b.id)
                                     .arg(part->lines));
                         else if (part->round == 0)
                             err(tr("Part %1/%2: %3 (%4 requests from line %5)")
                                     .arg(part->part)
                                     .arg(part->parts)
                                     .arg(b.id)
                                     .arg(part->lines)
                                     .arg(part->firstLine));
                         else
                             err(tr("Retry round %1, part %2/%3: %4 (%5 requests)")
                                     .arg(part->round)
                                     .arg(part->part)
                                     .arg(part->parts)
                                     .arg(b.id)
                                     .arg(part->lines));
                     });
    QObject::connect(scheduler, &Workflow::JobScheduler::problem, &loop, [&](const QString &text) {
        if (tty && !lastLine.isEmpty())
            std::fputs("\r\033[K", stderr);
        lastLine.clear();
        err(text);
    });
    const auto settled = [&]() -> bool {
        const auto job = ctx.jobs()->job(jobId);
        if (!job)
            return true;
        if (job->state != Job::State::Active)
            return scheduler->isQuiet();
        if (options.wait || !scheduler->isQuiet())
            return false;
        // Not waiting: done when the current round has nothing left that could be submitted now.
        const auto parts = partsOf(ctx, jobId);
        const int queued = countParts(parts, job->round, JobPart::State::Queued);
        const bool roundDone = std::all_of(parts.cbegin(), parts.cend(), [&](const JobPart &p) {
            return p.round != job->round || p.isDone() || p.state == JobPart::State::Failed;
        });
        // A finished round of a job with retries left prepares the next one: keep going until it is queued.
        if (roundDone && job->round < job->retryRounds)
            return false;
        return queued == 0 || scheduler->inFlight() >= engine.maxInFlight;
    };
    QTimer tick;
    tick.setInterval(100);
    int quietTicks = 0;
    QObject::connect(&tick, &QTimer::timeout, &loop, [&] {
        // A check that failed (the server was away) leaves parts "submitting": while waiting, the engine
        // looks again every few seconds instead of waiting for ever.
        quietTicks = scheduler->isQuiet() ? quietTicks + 1 : 0;
        if (options.wait && quietTicks > 0 && quietTicks % 50 == 0)
            scheduler->resume();
        if (options.wait && !quiet) {
            const auto job = ctx.jobs()->job(jobId);
            if (job) {
                const QString line = summary(*job, partsOf(ctx, jobId));
                if (line != lastLine) {
                    if (tty)
                        std::fprintf(stderr, "\r\033[K%s", line.toUtf8().constData());
                    else
                        err(line);
                    lastLine = line;
                }
            }
        }
        if (settled())
            loop.quit();
    });
    tick.start();
    loop.exec();
    if (tty && !lastLine.isEmpty())
        std::fputc('\n', stderr);
    const auto job = ctx.jobs()->job(jobId);
    if (!job)
        return Failure;
    if (job->state == Job::State::Failed || job->state == Job::State::Canceled)
        return Failure;
    if (!options.wait)
        return Success;
    for (const JobPart &p : partsOf(ctx, jobId)) {
        if (p.state == JobPart::State::Canceled || p.batchStatus == QLatin1StringView("completed"))
            continue;
        // A batch stopped by the switch to real time: its requests without a result ran in a later round.
        if (job->realtimeRequested && p.runnerAccountId == 0 && p.round < job->round
            && p.state == JobPart::State::Finished)
            continue;
        return Failure;
    }
    return Success;
}

// The final state of every batch of the job, in round and part order (with wait), and their results in dir.
int collect(Context &ctx, const QString &jobId, const QString &dir, QList<Api::Batch> *batches,
            QStringList *written)
{
    Api::ApiClient *client = ctx.client().value();
    for (const JobPart &p : partsOf(ctx, jobId)) {
        if (p.batchId.isEmpty())
            continue;
        std::unique_ptr<Api::RequestJob> get(client->retrieveBatch(p.batchId));
        if (!ctx.run(get.get()))
            return ctx.reportApiError(get.get(), tr("Cannot get batch %1").arg(p.batchId));
        const Api::Batch b = get->batch();
        batches->append(b);
        if (!dir.isEmpty() && b.isTerminal()) {
            if (const int rc = downloadResults(ctx, b, dir, written); rc != Success)
                return rc;
        }
    }
    return Success;
}

// What a job command prints at the end: the batches (ids, or in full after waiting) or JSON.
int report(Context &ctx, const QString &jobId, const JobRunOptions &options, QList<Api::Batch> created,
           int rc, int maxInFlight)
{
    QStringList written;
    if (options.wait) {
        QList<Api::Batch> all;
        if (const int crc = collect(ctx, jobId, options.download, &all, &written); crc != Success)
            return crc;
        created = all;
    }
    const auto job = ctx.jobs()->job(jobId);
    const auto parts = partsOf(ctx, jobId);
    const int queued = job ? countParts(parts, job->round, JobPart::State::Queued) : 0;
    if (ctx.json()) {
        QJsonArray batches;
        for (const Api::Batch &b : std::as_const(created))
            batches.append(b.raw);
        QJsonObject o {{QStringLiteral("job"), jobId}, {QStringLiteral("batches"), batches}};
        if (job)
            o.insert(QStringLiteral("state"), Job::stateName(job->state));
        o.insert(QStringLiteral("queued"), queued);
        if (!written.isEmpty())
            o.insert(QStringLiteral("downloaded"), QJsonArray::fromStringList(written));
        printJson(o);
    } else {
        for (const Api::Batch &b : std::as_const(created)) {
            if (options.wait)
                printBatch(b);
            else
                out(b.id);
        }
        for (const auto &w : std::as_const(written))
            out(tr("  downloaded:   %1").arg(w));
    }
    if (queued > 0 && job && job->state == Job::State::Active && !ctx.options().quiet)
        err(tr("%n part(s) of %1 wait for a free slot (at most %2 batches at a time). They are submitted by: "
               "batchdesk-cli jobs resume %1",
               nullptr, queued)
                .arg(jobId)
                .arg(maxInFlight));
    return rc;
}

// Parses "COMMAND JOB_ID" (no other options); nullopt with the exit code in *rc.
std::optional<QString> parseJobId(const QStringList &args, const QString &usage, int *rc)
{
    QCommandLineParser p;
    p.addPositionalArgument(QStringLiteral("JOB_ID"), tr("The job."));
    if (auto r = parseArgs(p, args, usage)) {
        *rc = *r;
        return std::nullopt;
    }
    if (p.positionalArguments().size() != 1) {
        err(tr("Usage: %1").arg(usage));
        *rc = UsageError;
        return std::nullopt;
    }
    return p.positionalArguments().first();
}

// The scope of the jobs a command lists: the account (no key needed) or the base URL.
bool resolveScope(Context &ctx)
{
    if (!ctx.options().baseUrl.isEmpty())
        return true;
    const auto account = ctx.resolveAccount();
    if (!account.ok()) {
        err(account.errorString());
        return false;
    }
    return true;
}

std::optional<Job> jobOrError(Context &ctx, const QString &jobId)
{
    if (!ctx.jobs()) {
        err(ctx.database().errorString());
        return std::nullopt;
    }
    auto job = ctx.jobs()->job(jobId);
    if (!job || job->accountId != ctx.scopeAccountId()
        || (job->accountId == 0 && job->origin != ctx.scopeOrigin())) {
        err(tr("There is no job %1 for this account. See: batchdesk-cli jobs list").arg(field(jobId)));
        return std::nullopt;
    }
    return job;
}

int listJobs(Context &ctx, const QStringList &args)
{
    const QString usage = QStringLiteral("batchdesk-cli jobs list [--json]");
    QCommandLineParser p;
    if (auto r = parseArgs(p, args, usage))
        return *r;
    if (!resolveScope(ctx))
        return UsageError;
    if (!ctx.jobs()) {
        err(ctx.database().errorString());
        return Failure;
    }
    const auto jobs = ctx.jobs()->jobs(ctx.scopeAccountId(), ctx.scopeOrigin());
    if (!jobs.ok()) {
        err(jobs.errorString());
        return Failure;
    }
    if (ctx.json()) {
        QJsonArray list;
        for (const Job &j : jobs.value())
            list.append(jobJson(ctx, j, partsOf(ctx, j.id), false));
        printJson(QJsonObject {{QStringLiteral("jobs"), list}});
        return Success;
    }
    if (jobs.value().isEmpty()) {
        if (!ctx.options().quiet)
            err(tr("No jobs yet. A file over the limits becomes one: batchdesk-cli submit FILE"));
        return Success;
    }
    out(QStringLiteral("%1  %2  %3  %4  %5  %6")
            .arg(tr("JOB"), -13)
            .arg(tr("STATE"), -9)
            .arg(tr("PARTS"), -11)
            .arg(tr("REQUESTS"), -22)
            .arg(tr("CREATED"), -16)
            .arg(tr("NAME")));
    for (const Job &j : jobs.value()) {
        const auto parts = partsOf(ctx, j.id);
        int done = 0, inRound = 0;
        qint64 completed = 0, failed = 0, total = 0;
        for (const JobPart &p : parts) {
            if (p.round == 0) {
                completed += p.completed;
                failed += p.failed;
                total += p.total;
            }
            if (p.round != j.round)
                continue;
            ++inRound;
            done += p.isDone() ? 1 : 0;
        }
        const QString partsText = j.round > 0 ? tr("%1/%2 r%3").arg(done).arg(inRound).arg(j.round)
                                              : tr("%1/%2").arg(done).arg(inRound);
        out(QStringLiteral("%1  %2  %3  %4  %5  %6")
                .arg(j.id, -13)
                .arg(Job::stateName(j.state), -9)
                .arg(partsText, -11)
                .arg(total > 0 ? tr("%1/%2, %3 failed").arg(completed).arg(total).arg(failed)
                               : QStringLiteral("-"),
                     -22)
                .arg(when(j.createdAt), -16)
                .arg(field(j.name)));
    }
    return Success;
}

// The attempt history of one request of a job: every batch that had it, round by round, and its outcome.
// Results not on this computer yet are downloaded into the account's results folder first.
int showRequest(Context &ctx, const Job &job, const QString &customId)
{
    const auto key = ctx.resultsKey();
    if (!key.ok()) {
        err(key.errorString());
        return UsageError;
    }
    const auto folderOf = [&key](const QString &batchId) {
        return Results::resultsFolder(key.value(), batchId);
    };
    const auto parts = partsOf(ctx, job.id);
    for (const JobPart &p : parts) {
        if (p.batchId.isEmpty() || Results::verifiedResultFiles(folderOf(p.batchId), p.batchId).ok())
            continue;
        auto client = ctx.client();
        if (!client.ok())
            break; // shown as "not saved"
        std::unique_ptr<Api::RequestJob> get(client.value()->retrieveBatch(p.batchId));
        if (!ctx.run(get.get()) || !get->batch().isTerminal())
            continue;
        QStringList written;
        downloadResults(ctx, get->batch(), folderOf(p.batchId), &written);
    }
    const auto attempts = Workflow::requestAttempts(parts, customId, folderOf);
    if (!attempts.ok()) {
        err(attempts.errorString());
        return Failure;
    }
    if (ctx.json()) {
        QJsonArray list;
        for (const Workflow::RequestAttempt &a : attempts.value()) {
            QJsonObject o {{QStringLiteral("round"), a.round},
                           {QStringLiteral("part"), a.part},
                           {QStringLiteral("batch_id"), a.batchId}};
            if (a.resultsSaved) {
                o.insert(QStringLiteral("outcome"), Results::outcomeName(a.outcome));
                if (a.httpStatus > 0)
                    o.insert(QStringLiteral("status_code"), a.httpStatus);
                if (!a.error.isEmpty())
                    o.insert(QStringLiteral("error"), a.error);
            }
            list.append(o);
        }
        printJson(QJsonObject {{QStringLiteral("job"), job.id},
                               {QStringLiteral("custom_id"), customId},
                               {QStringLiteral("attempts"), list}});
        return Success;
    }
    out(tr("%1 in %2: %n attempt(s)", nullptr, int(attempts.value().size())).arg(field(customId), job.id));
    out(QStringLiteral("  %1  %2  %3  %4  %5")
            .arg(tr("ROUND"), -5)
            .arg(tr("PART"), -5)
            .arg(tr("BATCH"), -33)
            .arg(tr("OUTCOME"), -10)
            .arg(tr("ERROR")));
    for (const Workflow::RequestAttempt &a : attempts.value()) {
        out(QStringLiteral("  %1  %2  %3  %4  %5")
                .arg(a.round, -5)
                .arg(a.part, -5)
                .arg(a.batchId.isEmpty() ? QStringLiteral("-") : a.batchId, -33)
                .arg(a.resultsSaved ? Results::outcomeName(a.outcome) : tr("unknown"), -10)
                .arg(field(a.error)));
    }
    return Success;
}

int showJob(Context &ctx, const QStringList &args)
{
    const QString usage = QStringLiteral("batchdesk-cli jobs show JOB_ID [--request CUSTOM_ID] [--json]");
    QCommandLineParser p;
    const QCommandLineOption request(QStringLiteral("request"),
                                     tr("The attempt history of one request: every batch that had it."),
                                     tr("CUSTOM_ID"));
    p.addOption(request);
    p.addPositionalArgument(QStringLiteral("JOB_ID"), tr("The job."));
    if (auto r = parseArgs(p, args, usage))
        return *r;
    if (p.positionalArguments().size() != 1) {
        err(tr("Usage: %1").arg(usage));
        return UsageError;
    }
    if (!resolveScope(ctx))
        return UsageError;
    const auto job = jobOrError(ctx, p.positionalArguments().first());
    if (!job)
        return Failure;
    if (p.isSet(request))
        return showRequest(ctx, *job, p.value(request));
    const auto parts = partsOf(ctx, job->id);
    if (ctx.json()) {
        printJson(jobJson(ctx, *job, parts, true));
        return Success;
    }
    out(tr("%1  %2").arg(job->id, Job::stateName(job->state)));
    out(tr("  name:         %1").arg(field(job->name)));
    out(tr("  source:       %1").arg(field(QDir::toNativeSeparators(job->sourcePath))));
    out(tr("  endpoint:     %1").arg(job->endpoint));
    out(tr("  created:      %1").arg(when(job->createdAt)));
    out(tr("  retries:      %1")
            .arg(job->retryRounds > 0
                     ? tr("up to %1 round(s) of %2").arg(job->retryRounds).arg(job->retryOutcomes.join(u','))
                     : tr("off")));
    if (job->realtimeAccountId > 0) {
        QStringList when;
        if (job->realtimeAfterHours > 0)
            when << tr("after %1 hours").arg(job->realtimeAfterHours);
        if (job->realtimeAtPercent > 0)
            when << tr("at %1 % done").arg(job->realtimeAtPercent);
        const QString name = accountName(ctx, job->realtimeAccountId);
        out(tr("  real time:    %1")
                .arg(job->realtimeRequested
                         ? tr("switched: the requests without a result run on \"%1\"").arg(name)
                         : when.isEmpty() ? tr("on \"%1\" when asked (batchdesk-cli jobs finish-realtime %2)")
                                                .arg(name, job->id)
                                          : tr("on \"%1\" %2 (not yet)").arg(name, when.join(tr(" or ")))));
    } else if (job->realtimeRequested) {
        out(tr("  real time:    switched"));
    }
    if (job->round > 0)
        out(tr("  round:        %1").arg(job->round));
    if (!job->error.isEmpty())
        out(tr("  error:        %1").arg(field(job->error)));
    out(QString());
    out(QStringLiteral("  %1  %2  %3  %4  %5  %6")
            .arg(tr("PART"), -8)
            .arg(tr("STATE"), -10)
            .arg(tr("LINES"), -13)
            .arg(tr("BATCH"), -33)
            .arg(tr("STATUS"), -11)
            .arg(tr("REQUESTS")));
    for (const JobPart &part : parts) {
        const QString lines = part.round == 0
            ? tr("%1-%2").arg(part.firstLine).arg(part.firstLine + part.lines - 1)
            : part.runnerAccountId > 0 ? tr("%1 real time").arg(part.lines)
                                       : tr("%1 retried").arg(part.lines);
        out(QStringLiteral("  %1  %2  %3  %4  %5  %6")
                .arg(part.label(), -8)
                .arg(JobPart::stateName(part.state), -10)
                .arg(lines, -13)
                .arg(part.batchId.isEmpty() ? QStringLiteral("-") : part.batchId, -33)
                .arg(part.batchStatus.isEmpty() ? QStringLiteral("-") : field(part.batchStatus), -11)
                .arg(part.total > 0
                         ? tr("%1/%2, %3 failed").arg(part.completed).arg(part.total).arg(part.failed)
                         : QStringLiteral("-")));
        if (part.runnerAccountId > 0)
            out(tr("           ran in real time on \"%1\"").arg(accountName(ctx, part.runnerAccountId)));
        if (!part.error.isEmpty())
            out(tr("           %1").arg(field(part.error)));
    }
    return Success;
}

int resumeOrRetry(Context &ctx, const QStringList &args, bool retry)
{
    const QString usage = retry
        ? QStringLiteral(
            "batchdesk-cli jobs retry JOB_ID [--outcomes failed,expired,cancelled,missing] [--wait] "
            "[--download DIR] [--max-in-flight N]")
        : QStringLiteral("batchdesk-cli jobs resume JOB_ID [--wait] [--download DIR] [--max-in-flight N]");
    QCommandLineParser p;
    JobRunParser run;
    run.add(p);
    const QCommandLineOption outcomes(QStringLiteral("outcomes"),
                                      tr("Which requests to submit again (default: all four)."), tr("LIST"));
    if (retry)
        p.addOption(outcomes);
    p.addPositionalArgument(QStringLiteral("JOB_ID"), tr("The job."));
    if (auto r = parseArgs(p, args, usage))
        return *r;
    if (p.positionalArguments().size() != 1) {
        err(tr("Usage: %1").arg(usage));
        return UsageError;
    }
    const auto options = run.options(p);
    if (!options)
        return UsageError;
    const auto chosen = Workflow::parseRetryOutcomes(retry ? p.value(outcomes) : QString());
    if (!chosen.ok()) {
        err(chosen.errorString());
        return UsageError;
    }
    auto engine = makeEngine(ctx, *options);
    if (!engine.ok()) {
        err(engine.errorString());
        return UsageError;
    }
    const auto job = jobOrError(ctx, p.positionalArguments().first());
    if (!job)
        return Failure;
    ctx.reconcilePendingIntents();
    Workflow::JobScheduler *scheduler = engine.value()->scheduler.get();
    const auto started = retry ? scheduler->retryJob(job->id, chosen.value()) : scheduler->resumeJob(job->id);
    if (!started.ok()) {
        err(started.errorString());
        return Failure;
    }
    // Every other unfinished job of the account goes on too: they share the slots.
    scheduler->resume();
    QList<Api::Batch> created;
    const int rc = drive(ctx, *engine.value(), job->id, *options, &created);
    return report(ctx, job->id, *options, created, rc, engine.value()->maxInFlight);
}

// jobs finish-realtime JOB_ID [--on NAME] [--wait] [--download DIR]: the straggler fallback by hand.
int finishRealtime(Context &ctx, const QStringList &args)
{
    const QString usage = QStringLiteral(
        "batchdesk-cli jobs finish-realtime JOB_ID --on NAME [--wait] [--download DIR] [--max-in-flight N]");
    QCommandLineParser p;
    JobRunParser run;
    run.add(p);
    const QCommandLineOption on(
        QStringLiteral("on"),
        tr("The \"Run here\" account that runs the requests without a result (default: the job's policy's)."),
        tr("NAME"));
    p.addOption(on);
    p.addPositionalArgument(QStringLiteral("JOB_ID"), tr("The job."));
    if (auto r = parseArgs(p, args, usage))
        return *r;
    if (p.positionalArguments().size() != 1) {
        err(tr("Usage: %1").arg(usage));
        return UsageError;
    }
    const auto options = run.options(p);
    if (!options)
        return UsageError;
    std::optional<Store::Account> runHere;
    if (p.isSet(on)) {
        runHere = realtimeAccountFor(ctx, p.value(on), QStringLiteral("--on"));
        if (!runHere)
            return UsageError;
    }
    auto engine = makeEngine(ctx, *options);
    if (!engine.ok()) {
        err(engine.errorString());
        return UsageError;
    }
    const auto job = jobOrError(ctx, p.positionalArguments().first());
    if (!job)
        return Failure;
    if (!runHere) {
        // The account of the job's policy (submit --realtime-fallback NAME).
        if (job->realtimeAccountId <= 0) {
            err(tr("Job %1 has no \"Run here\" account: name one with --on NAME.\nUsage: %2")
                    .arg(job->id, usage));
            return UsageError;
        }
        runHere = realtimeAccountFor(ctx, accountName(ctx, job->realtimeAccountId), QStringLiteral("--on"));
        if (!runHere)
            return UsageError;
    }
    ctx.reconcilePendingIntents();
    Workflow::JobScheduler *scheduler = engine.value()->scheduler.get();
    if (const auto started = scheduler->finishInRealtime(job->id, runHere->id); !started.ok()) {
        err(started.errorString());
        return Failure;
    }
    if (!ctx.options().quiet)
        err(tr("%1: its running batches are being cancelled; the requests without a result then run in real "
               "time on \"%2\".")
                .arg(job->id, runHere->name));
    scheduler->resume();
    QList<Api::Batch> created;
    const int rc = drive(ctx, *engine.value(), job->id, *options, &created);
    if (!options->wait && rc == Success && !ctx.options().quiet) {
        const auto now = ctx.jobs()->job(job->id);
        if (now && now->state == Job::State::Active)
            err(tr("They run on this computer while the app is open or while a command waits for them: "
                   "batchdesk-cli jobs resume %1 --wait")
                    .arg(job->id));
    }
    return report(ctx, job->id, *options, created, rc, engine.value()->maxInFlight);
}

int cancelJob(Context &ctx, const QStringList &args)
{
    int rc = Success;
    const auto id = parseJobId(args, QStringLiteral("batchdesk-cli jobs cancel JOB_ID"), &rc);
    if (!id)
        return rc;
    auto engine = makeEngine(ctx, {});
    if (!engine.ok()) {
        err(engine.errorString());
        return UsageError;
    }
    const auto job = jobOrError(ctx, *id);
    if (!job)
        return Failure;
    Workflow::JobScheduler *scheduler = engine.value()->scheduler.get();
    int problems = 0;
    QObject::connect(scheduler, &Workflow::JobScheduler::problem, scheduler,
                     [&problems](const QString &text) {
                         err(text);
                         ++problems;
                     });
    const auto before = partsOf(ctx, job->id);
    if (const auto cancelled = scheduler->cancelJob(job->id); !cancelled.ok()) {
        err(cancelled.errorString());
        return Failure;
    }
    QEventLoop loop;
    QTimer tick;
    QObject::connect(&tick, &QTimer::timeout, &loop, [&] {
        if (scheduler->isQuiet())
            loop.quit();
    });
    tick.start(50);
    loop.exec();
    const int dropped =
        countParts(before, -1, JobPart::State::Queued) + countParts(before, -1, JobPart::State::Failed);
    const int running = countParts(before, -1, JobPart::State::Submitted);
    if (ctx.json()) {
        printJson(jobJson(ctx, *ctx.jobs()->job(job->id), partsOf(ctx, job->id), true));
    } else if (!ctx.options().quiet) {
        err(tr("Cancelled %1: %2 queued part(s) dropped, %3 running batch(es) asked to stop.")
                .arg(job->id)
                .arg(dropped)
                .arg(running));
    }
    return problems > 0 ? Failure : Success;
}

} // namespace

JobRunParser::JobRunParser()
    : wait(QStringLiteral("wait"), tr("Wait until the job has finished."))
    , download(QStringLiteral("download"),
               tr("When finished, download the results of every batch to DIR (implies --wait)."), tr("DIR"))
    , interval(QStringLiteral("interval"), tr("Seconds between polls (default 5)."), tr("S"),
               QStringLiteral("5"))
    , maxInFlight(
          QStringLiteral("max-in-flight"),
          tr("Batches of the account running at once; the other parts wait (default: the profile's)."),
          tr("N"))
{ }

void JobRunParser::add(QCommandLineParser &p) const
{
    p.addOptions({wait, download, interval, maxInFlight});
}

std::optional<JobRunOptions> JobRunParser::options(const QCommandLineParser &p) const
{
    JobRunOptions o;
    o.wait = p.isSet(wait) || p.isSet(download);
    o.download = p.value(download);
    bool ok = false;
    o.intervalSeconds = p.value(interval).toDouble(&ok);
    if (!ok || o.intervalSeconds <= 0) {
        err(tr("--interval needs a positive number of seconds."));
        return std::nullopt;
    }
    if (p.isSet(maxInFlight)) {
        o.maxInFlight = p.value(maxInFlight).toInt(&ok);
        if (!ok || o.maxInFlight <= 0) {
            err(tr("--max-in-flight needs a positive number."));
            return std::nullopt;
        }
    }
    return o;
}

std::optional<Store::Account> realtimeAccountFor(Context &ctx, const QString &name, const QString &option)
{
    if (!ctx.options().baseUrl.isEmpty()) {
        err(tr("%1 needs the job's account (--account NAME), not --base-url.").arg(option));
        return std::nullopt;
    }
    const auto own = ctx.resolveAccount();
    if (!own.ok()) {
        err(own.errorString());
        return std::nullopt;
    }
    if (own.value().preset == Store::Preset::Realtime) {
        err(tr("Account \"%1\" already runs its batches in real time: %2 is for jobs on a Batch API account.")
                .arg(own.value().name, option));
        return std::nullopt;
    }
    const auto account = ctx.accounts()->byName(name);
    if (!account.ok()) {
        err(tr("%1: %2").arg(option, account.errorString()));
        return std::nullopt;
    }
    if (account.value().preset != Store::Preset::Realtime) {
        err(tr("%1: account \"%2\" is not a \"Run here\" account. Add one with: batchdesk-cli accounts add "
               "NAME --preset realtime --url URL")
                .arg(option, account.value().name));
        return std::nullopt;
    }
    return account.value();
}

int runNewJob(Context &ctx, const Workflow::JobSpec &spec, const JobRunOptions &options,
              const RealtimeFallback &fallback)
{
    auto engine = makeEngine(ctx, options);
    if (!engine.ok()) {
        err(engine.errorString());
        return UsageError;
    }
    const auto job = engine.value()->scheduler->addJob(spec);
    if (!job.ok()) {
        err(tr("Could not record the job: %1").arg(job.errorString()));
        return Failure;
    }
    if (fallback.accountId > 0) {
        const auto set = engine.value()->scheduler->setRealtimePolicy(
            job.value().id, fallback.accountId, fallback.afterHours, fallback.atPercent);
        if (!set.ok())
            err(tr("Warning: the real-time fallback of %1 was not recorded: %2")
                    .arg(job.value().id, set.errorString()));
    }
    if (!ctx.options().quiet)
        err(tr("Split %1 into %2 parts (job %3): %4")
                .arg(spec.sourcePath)
                .arg(spec.parts.size())
                .arg(job.value().id, QDir::toNativeSeparators(spec.folder)));
    QList<Api::Batch> created;
    const int rc = drive(ctx, *engine.value(), job.value().id, options, &created);
    return report(ctx, job.value().id, options, created, rc, engine.value()->maxInFlight);
}

int runJobs(Context &ctx, const QStringList &args)
{
    const QString usage = QStringLiteral(
        "batchdesk-cli jobs list | show JOB_ID | cancel JOB_ID | resume JOB_ID [--wait] | retry JOB_ID "
        "[--outcomes LIST] [--wait] | finish-realtime JOB_ID --on NAME [--wait]");
    const QString sub = args.value(0);
    if (sub == QLatin1StringView("list"))
        return listJobs(ctx, args.mid(1));
    if (sub == QLatin1StringView("show"))
        return showJob(ctx, args.mid(1));
    if (sub == QLatin1StringView("cancel"))
        return cancelJob(ctx, args.mid(1));
    if (sub == QLatin1StringView("resume"))
        return resumeOrRetry(ctx, args.mid(1), false);
    if (sub == QLatin1StringView("retry"))
        return resumeOrRetry(ctx, args.mid(1), true);
    if (sub == QLatin1StringView("finish-realtime"))
        return finishRealtime(ctx, args.mid(1));
    err(tr("Usage: %1").arg(usage));
    return UsageError;
}

} // namespace Batchdesk::Cli
