#pragma once

#include "common/result.h"
#include "database.h"

#include <QList>
#include <QString>
#include <QStringList>

#include <memory>
#include <optional>

namespace Batchdesk::Store {

/**
 * One batch of a job: a part of the workload (round 0) or of a retry round (round >= 1, the requests of the
 * round before that did not succeed).
 *
 * States: Queued (waiting for a free slot) → Submitting (a submission runs; client_id is recorded BEFORE it
 * starts, so a restart finds out from the intent whether it created a batch) → Submitted (the batch exists
 * and runs) → Finished (the batch ended: batchStatus says how). Failed: the submission was refused (resume
 * queues it again). Canceled: dropped before it was submitted, or its batch was cancelled by the user.
 */
struct JobPart
{
    enum class State { Queued, Submitting, Submitted, Finished, Failed, Canceled };

    QString jobId;
    int round = 0;
    int part = 1; ///< 1-based within the round
    int parts = 1; ///< parts in the round
    QString path; ///< the part's input file
    qint64 firstLine = 1; ///< 1-based line of the job's input where the part starts (round 0)
    qint64 lines = 0;
    qint64 bytes = 0;
    State state = State::Queued;
    QString clientId;
    QString batchId;
    QString batchStatus; ///< the batch's status as the server spells it
    qint64 completed = 0;
    qint64 failed = 0;
    qint64 total = 0;
    QString resultsFolder; ///< where its result files were downloaded (complete), or empty
    /** > 0: the part runs in real time on this "Run here" account (the job's stragglers), not as a batch of
     *  the job's account. */
    qint64 runnerAccountId = 0;
    QString error;
    qint64 updatedAt = 0;

    /** Whether the part holds a slot: a submission runs or its batch is not finished. */
    bool inFlight() const { return state == State::Submitting || state == State::Submitted; }
    bool isDone() const { return state == State::Finished || state == State::Canceled; }
    /** "2/5", or "r1 2/5" for a retry round. */
    QString label() const;
    static QString stateName(State state);
    static std::optional<State> stateFromName(QStringView name);
};

/** A workload submitted as several batches: the parts of a split file, with an optional retry policy. */
struct Job
{
    enum class State { Active, Finished, Canceled, Failed };

    QString id; ///< "job-" + 8 hex digits
    qint64 accountId = 0; ///< 0 with origin set (a base URL without an account)
    QString origin;
    QString name; ///< what the user recognises: the source file's name
    QString sourcePath; ///< the imported file or CSV the job was made from
    QString folder; ///< where its part files live (dataDirectory()/jobs/<id>)
    QString endpoint;
    QString paramsJson; ///< CreateBatchParams of every part (metadata, expiry), without input file id
    QString profile; ///< the limit profile its parts were split for
    State state = State::Active;
    int round = 0; ///< the current retry round (0: the first submission)
    int retryRounds = 0; ///< K: how many retry rounds the policy allows (0: off)
    QStringList retryOutcomes; ///< which outcomes are retried: failed, expired, cancelled, missing
    QString error; ///< why it stopped (state Failed), for a person
    /** Straggler fallback: the real-time account that finishes the requests without a result (0: none),
     *  and the policy that switches to it by itself (after this many hours, or at this % done; 0: off). */
    qint64 realtimeAccountId = 0;
    double realtimeAfterHours = 0;
    int realtimeAtPercent = 0;
    /** The switch was decided (by hand or by the policy): running batches are cancelled and the next round
     *  runs on realtimeAccountId. */
    bool realtimeRequested = false;
    /** The budget cap in dollars (0: none): nothing is submitted whose estimate would pass it, retry rounds
     *  included. */
    double budget = 0;
    /** The cost estimated for the first round when the job was submitted, in dollars (-1: not estimated). */
    double estimatedCost = -1;
    qint64 createdAt = 0; ///< seconds since the epoch
    qint64 updatedAt = 0;

    static QString stateName(State state);
    static std::optional<State> stateFromName(QStringView name);
};

/**
 * Jobs and their parts in the local database (tables jobs and job_parts). Writes are single statements or
 * transactions, so a job is recorded with all its parts or not at all; a part's state change is one UPDATE
 * committed before the step it announces (a submission, a cancel) is taken.
 */
class JobStore final
{
public:
    explicit JobStore(std::shared_ptr<Database> db);

    /** A fresh job id ("job-1a2b3c4d"). */
    static QString newJobId();

    /** Records a job with its round-0 parts (one transaction). */
    Result<void> create(const Job &job, const QList<JobPart> &parts);
    /** Adds the parts of a retry round and sets the job's round (one transaction). */
    Result<void> addRound(const QString &jobId, int round, const QList<JobPart> &parts);
    Result<void> updateJob(const Job &job);
    Result<void> updatePart(const JobPart &part);
    Result<void> remove(const QString &jobId);

    std::optional<Job> job(const QString &jobId) const;
    /** The jobs of an account (accountId > 0) or of a base URL, newest first. */
    Result<QList<Job>> jobs(qint64 accountId, const QString &origin = {}) const;
    /** Every part of a job, by round then part. */
    Result<QList<JobPart>> parts(const QString &jobId) const;
    /** The part that created (or is creating) a batch, if any. */
    std::optional<JobPart> partOfBatch(const QString &batchId) const;

private:
    std::shared_ptr<Database> m_db;
};

} // namespace Batchdesk::Store
