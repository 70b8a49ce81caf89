#pragma once

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

/**
 * Records a job of already split parts (spec) and runs it with the Workflow::JobScheduler (the app's engine):
 * prints each part's batch as it is created, then the job's batches as submit does (one id per line, or
 * `{"job", "batches", "downloaded"}` with --json). Parts beyond the in-flight limit wait in the queue;
 * without wait the command ends when nothing more can be submitted now and says how to go on (`jobs resume`).
 */
int runNewJob(Context &ctx, const Workflow::JobSpec &spec, const JobRunOptions &options);

/** `jobs list | show ID | cancel ID | resume ID | retry ID [--outcomes LIST]` (args after "jobs"). */
int runJobs(Context &ctx, const QStringList &args);

} // namespace Batchdesk::Cli
