#include "jobstore.h"

#include "sqlutil_p.h"

#include "common/translate.h"

#include <QDateTime>
#include <QRandomGenerator>
#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

#include <array>

namespace Batchdesk::Store {

namespace {
qint64 now()
{
    return QDateTime::currentSecsSinceEpoch();
}

constexpr std::array<const char *, 6> kPartStates {"queued",   "submitting", "submitted",
                                                   "finished", "failed",     "canceled"};
constexpr std::array<const char *, 4> kJobStates {"active", "finished", "canceled", "failed"};

const char kJobColumns[] =
    "id, account_id, origin, name, source_path, folder, endpoint, params_json, profile, "
    "state, round, retry_rounds, retry_outcomes, error, created_at, updated_at, realtime_account_id, "
    "realtime_after_hours, realtime_at_percent, realtime_requested, budget, estimated_cost";
const char kPartColumns[] =
    "job_id, round, part, parts, path, first_line, lines, bytes, state, client_id, batch_id, batch_status, "
    "completed, failed, total, results_folder, error, updated_at, runner_account_id";

Job jobFrom(const QSqlQuery &q)
{
    Job j;
    j.id = q.value(0).toString();
    j.accountId = q.value(1).toLongLong();
    j.origin = q.value(2).toString();
    j.name = q.value(3).toString();
    j.sourcePath = q.value(4).toString();
    j.folder = q.value(5).toString();
    j.endpoint = q.value(6).toString();
    j.paramsJson = q.value(7).toString();
    j.profile = q.value(8).toString();
    j.state = Job::stateFromName(q.value(9).toString()).value_or(Job::State::Failed);
    j.round = q.value(10).toInt();
    j.retryRounds = q.value(11).toInt();
    j.retryOutcomes = q.value(12).toString().split(u',', Qt::SkipEmptyParts);
    j.error = q.value(13).toString();
    j.createdAt = q.value(14).toLongLong();
    j.updatedAt = q.value(15).toLongLong();
    j.realtimeAccountId = q.value(16).toLongLong();
    j.realtimeAfterHours = q.value(17).toDouble();
    j.realtimeAtPercent = q.value(18).toInt();
    j.realtimeRequested = q.value(19).toInt() != 0;
    j.budget = q.value(20).toDouble();
    j.estimatedCost = q.value(21).toDouble();
    return j;
}

JobPart partFrom(const QSqlQuery &q)
{
    JobPart p;
    p.jobId = q.value(0).toString();
    p.round = q.value(1).toInt();
    p.part = q.value(2).toInt();
    p.parts = q.value(3).toInt();
    p.path = q.value(4).toString();
    p.firstLine = q.value(5).toLongLong();
    p.lines = q.value(6).toLongLong();
    p.bytes = q.value(7).toLongLong();
    p.state = JobPart::stateFromName(q.value(8).toString()).value_or(JobPart::State::Failed);
    p.clientId = q.value(9).toString();
    p.batchId = q.value(10).toString();
    p.batchStatus = q.value(11).toString();
    p.completed = q.value(12).toLongLong();
    p.failed = q.value(13).toLongLong();
    p.total = q.value(14).toLongLong();
    p.resultsFolder = q.value(15).toString();
    p.error = q.value(16).toString();
    p.updatedAt = q.value(17).toLongLong();
    p.runnerAccountId = q.value(18).toLongLong();
    return p;
}

void bindPart(QSqlQuery &q, const JobPart &p)
{
    q.addBindValue(p.jobId);
    q.addBindValue(p.round);
    q.addBindValue(p.part);
    q.addBindValue(p.parts);
    q.addBindValue(notNull(p.path));
    q.addBindValue(p.firstLine);
    q.addBindValue(p.lines);
    q.addBindValue(p.bytes);
    q.addBindValue(JobPart::stateName(p.state));
    q.addBindValue(notNull(p.clientId));
    q.addBindValue(notNull(p.batchId));
    q.addBindValue(notNull(p.batchStatus));
    q.addBindValue(p.completed);
    q.addBindValue(p.failed);
    q.addBindValue(p.total);
    q.addBindValue(notNull(p.resultsFolder));
    q.addBindValue(notNull(p.error));
    q.addBindValue(now());
    q.addBindValue(p.runnerAccountId);
}

Error dbError(const QSqlQuery &q)
{
    return Error {QStringLiteral("db"), q.lastError().text()};
}

Result<void> insertParts(QSqlDatabase &db, const QList<JobPart> &parts)
{
    for (const JobPart &p : parts) {
        QSqlQuery q(db);
        q.prepare(QStringLiteral("INSERT INTO job_parts (%1) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)")
                      .arg(QLatin1StringView(kPartColumns)));
        bindPart(q, p);
        if (!q.exec())
            return dbError(q);
    }
    return {};
}
} // namespace

QString JobPart::label() const
{
    const QString base = QStringLiteral("%1/%2").arg(part).arg(parts);
    return round > 0 ? QStringLiteral("r%1 %2").arg(round).arg(base) : base;
}

QString JobPart::stateName(State state)
{
    return QString::fromLatin1(kPartStates[std::size_t(state)]);
}

std::optional<JobPart::State> JobPart::stateFromName(QStringView name)
{
    for (std::size_t i = 0; i < kPartStates.size(); ++i) {
        if (name == QLatin1StringView(kPartStates[i]))
            return State(i);
    }
    return std::nullopt;
}

QString Job::stateName(State state)
{
    return QString::fromLatin1(kJobStates[std::size_t(state)]);
}

std::optional<Job::State> Job::stateFromName(QStringView name)
{
    for (std::size_t i = 0; i < kJobStates.size(); ++i) {
        if (name == QLatin1StringView(kJobStates[i]))
            return State(i);
    }
    return std::nullopt;
}

JobStore::JobStore(std::shared_ptr<Database> db)
    : m_db(std::move(db))
{ }

QString JobStore::newJobId()
{
    return QStringLiteral("job-%1").arg(QRandomGenerator::system()->generate(), 8, 16, QLatin1Char('0'));
}

Result<void> JobStore::create(const Job &job, const QList<JobPart> &parts)
{
    QSqlDatabase db = m_db->connection();
    if (!db.transaction())
        return Error {QStringLiteral("db"), db.lastError().text()};
    QSqlQuery q(db);
    q.prepare(QStringLiteral("INSERT INTO jobs (%1) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)")
                  .arg(QLatin1StringView(kJobColumns)));
    const qint64 t = now();
    q.addBindValue(job.id);
    q.addBindValue(accountValue(job.accountId));
    q.addBindValue(job.accountId > 0 ? QStringLiteral("") : notNull(job.origin));
    q.addBindValue(notNull(job.name));
    q.addBindValue(notNull(job.sourcePath));
    q.addBindValue(notNull(job.folder));
    q.addBindValue(notNull(job.endpoint));
    q.addBindValue(notNull(job.paramsJson));
    q.addBindValue(notNull(job.profile));
    q.addBindValue(Job::stateName(job.state));
    q.addBindValue(job.round);
    q.addBindValue(job.retryRounds);
    q.addBindValue(job.retryOutcomes.join(u','));
    q.addBindValue(notNull(job.error));
    q.addBindValue(job.createdAt > 0 ? job.createdAt : t);
    q.addBindValue(t);
    q.addBindValue(job.realtimeAccountId);
    q.addBindValue(job.realtimeAfterHours);
    q.addBindValue(job.realtimeAtPercent);
    q.addBindValue(job.realtimeRequested ? 1 : 0);
    q.addBindValue(job.budget);
    q.addBindValue(job.estimatedCost);
    if (!q.exec()) {
        const Error e = dbError(q);
        db.rollback();
        return e;
    }
    if (auto inserted = insertParts(db, parts); !inserted.ok()) {
        db.rollback();
        return inserted.error();
    }
    if (!db.commit())
        return Error {QStringLiteral("db"), db.lastError().text()};
    return {};
}

Result<void> JobStore::addRound(const QString &jobId, int round, const QList<JobPart> &parts)
{
    QSqlDatabase db = m_db->connection();
    if (!db.transaction())
        return Error {QStringLiteral("db"), db.lastError().text()};
    if (auto inserted = insertParts(db, parts); !inserted.ok()) {
        db.rollback();
        return inserted.error();
    }
    QSqlQuery q(db);
    q.prepare(QStringLiteral("UPDATE jobs SET round = ?, state = 'active', error = '', updated_at = ? "
                             "WHERE id = ?"));
    q.addBindValue(round);
    q.addBindValue(now());
    q.addBindValue(jobId);
    if (!q.exec()) {
        const Error e = dbError(q);
        db.rollback();
        return e;
    }
    if (!db.commit())
        return Error {QStringLiteral("db"), db.lastError().text()};
    return {};
}

Result<void> JobStore::updateJob(const Job &job)
{
    QSqlQuery q(m_db->connection());
    q.prepare(QStringLiteral("UPDATE jobs SET state = ?, round = ?, retry_rounds = ?, retry_outcomes = ?, "
                             "error = ?, updated_at = ?, realtime_account_id = ?, realtime_after_hours = ?, "
                             "realtime_at_percent = ?, realtime_requested = ?, budget = ? WHERE id = ?"));
    q.addBindValue(Job::stateName(job.state));
    q.addBindValue(job.round);
    q.addBindValue(job.retryRounds);
    q.addBindValue(job.retryOutcomes.join(u','));
    q.addBindValue(notNull(job.error));
    q.addBindValue(now());
    q.addBindValue(job.realtimeAccountId);
    q.addBindValue(job.realtimeAfterHours);
    q.addBindValue(job.realtimeAtPercent);
    q.addBindValue(job.realtimeRequested ? 1 : 0);
    q.addBindValue(job.budget);
    q.addBindValue(job.id);
    if (!q.exec())
        return dbError(q);
    return {};
}

Result<void> JobStore::updatePart(const JobPart &p)
{
    QSqlQuery q(m_db->connection());
    q.prepare(QStringLiteral("UPDATE job_parts SET path = ?, state = ?, client_id = ?, batch_id = ?, "
                             "batch_status = ?, completed = ?, failed = ?, total = ?, results_folder = ?, "
                             "error = ?, updated_at = ? WHERE job_id = ? AND round = ? AND part = ?"));
    q.addBindValue(notNull(p.path));
    q.addBindValue(JobPart::stateName(p.state));
    q.addBindValue(notNull(p.clientId));
    q.addBindValue(notNull(p.batchId));
    q.addBindValue(notNull(p.batchStatus));
    q.addBindValue(p.completed);
    q.addBindValue(p.failed);
    q.addBindValue(p.total);
    q.addBindValue(notNull(p.resultsFolder));
    q.addBindValue(notNull(p.error));
    q.addBindValue(now());
    q.addBindValue(p.jobId);
    q.addBindValue(p.round);
    q.addBindValue(p.part);
    if (!q.exec())
        return dbError(q);
    if (q.numRowsAffected() != 1)
        return Error {QStringLiteral("db"),
                      translateIn({"Batchdesk::Store::JobStore"}, "Part %1 of job %2 is not recorded.")
                          .arg(p.label(), p.jobId)};
    return {};
}

Result<void> JobStore::remove(const QString &jobId)
{
    QSqlQuery q(m_db->connection());
    q.prepare(QStringLiteral("DELETE FROM jobs WHERE id = ?"));
    q.addBindValue(jobId);
    if (!q.exec())
        return dbError(q);
    return {};
}

std::optional<Job> JobStore::job(const QString &jobId) const
{
    QSqlQuery q(m_db->connection());
    q.prepare(QStringLiteral("SELECT %1 FROM jobs WHERE id = ?").arg(QLatin1StringView(kJobColumns)));
    q.addBindValue(jobId);
    if (!q.exec() || !q.next())
        return std::nullopt;
    return jobFrom(q);
}

Result<QList<Job>> JobStore::jobs(qint64 accountId, const QString &origin) const
{
    QSqlQuery q(m_db->connection());
    q.prepare(QStringLiteral("SELECT %1 FROM jobs WHERE %2 ORDER BY created_at DESC, rowid DESC")
                  .arg(QLatin1StringView(kJobColumns), QLatin1StringView(kScopeCondition)));
    bindScope(q, accountId, origin);
    if (!q.exec())
        return dbError(q);
    QList<Job> list;
    while (q.next())
        list << jobFrom(q);
    return list;
}

Result<QList<JobPart>> JobStore::parts(const QString &jobId) const
{
    QSqlQuery q(m_db->connection());
    q.prepare(QStringLiteral("SELECT %1 FROM job_parts WHERE job_id = ? ORDER BY round, part")
                  .arg(QLatin1StringView(kPartColumns)));
    q.addBindValue(jobId);
    if (!q.exec())
        return dbError(q);
    QList<JobPart> list;
    while (q.next())
        list << partFrom(q);
    return list;
}

std::optional<JobPart> JobStore::partOfBatch(const QString &batchId) const
{
    if (batchId.isEmpty())
        return std::nullopt;
    QSqlQuery q(m_db->connection());
    q.prepare(
        QStringLiteral("SELECT %1 FROM job_parts WHERE batch_id = ?").arg(QLatin1StringView(kPartColumns)));
    q.addBindValue(batchId);
    if (!q.exec() || !q.next())
        return std::nullopt;
    return partFrom(q);
}

} // namespace Batchdesk::Store
