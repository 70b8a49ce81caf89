#pragma once

#include "store/account.h"
#include "workflow/jobscheduler.h"

#include <QCommandLineOption>
#include <QCommandLineParser>
#include <QStringList>

#include <optional>

namespace Batchdesk::Cli {

class Context;

/** How a command runs a job on the engine (submit of a split file, jobs resume, jobs retry). */
struct JobRunOptions
{
    bool wait = false; ///< until the job has finished (all rounds), not only until its parts are submitted
    double intervalSeconds = 5;
    QString download; ///< with wait: the results of every batch of the job go here
    int maxInFlight = 0; ///< 0: the limit profile's
};

/** The options of a command that runs a job: --wait, --download DIR, --interval S, --max-in-flight N. */
struct JobRunParser
{
    JobRunParser();
    void add(QCommandLineParser &parser) const;
    /** The options given, or nullopt after printing what is wrong. */
    std::optional<JobRunOptions> options(const QCommandLineParser &parser) const;

    QCommandLineOption wait;
    QCommandLineOption download;
    QCommandLineOption interval;
    QCommandLineOption maxInFlight;
};

/** A job's straggler fallback: the "Run here" account that finishes it in real time, and the policy that
 *  switches to it by itself (after hours / at a percentage done; both 0: only by hand). */
struct RealtimeFallback
{
    qint64 accountId = 0; ///< 0: none
    double afterHours = 0;
    int atPercent = 0;
};

/** The "Run here" account NAME that can finish jobs of the current account (--account, a Batch API account)
 *  in real time; nullopt after printing why not (a usage error). option names the flag in the messages. */
std::optional<Store::Account> realtimeAccountFor(Context &ctx, const QString &name, const QString &option);

/**
 * Records a job of already split parts (spec) and runs it with the Workflow::JobScheduler (the app's engine):
 * prints each part's batch as it is created, then the job's batches as submit does (one id per line, or
 * `{"job", "batches", "downloaded"}` with --json). Parts beyond the in-flight limit wait in the queue;
 * without wait the command ends when nothing more can be submitted now and says how to go on (`jobs resume`).
 */
int runNewJob(Context &ctx, const Workflow::JobSpec &spec, const JobRunOptions &options,
              const RealtimeFallback &fallback = {});

/** `jobs list | show ID | cancel ID | resume ID | retry ID [--outcomes LIST] | finish-realtime ID --on NAME`
 *  (args after "jobs"). */
int runJobs(Context &ctx, const QStringList &args);

} // namespace Batchdesk::Cli
