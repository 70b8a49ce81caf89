#include "samplestore.h"

#include "common/translate.h"

#include <QSet>
#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

namespace Batchdesk::Store {

namespace {
QString tr(const char *s)
{
    return Batchdesk::translateIn({"Batchdesk::Store::SampleStore", "Batchdesk::Store"}, s);
}

Error dbError(const QString &detail)
{
    return Error {QStringLiteral("db"), tr("Cannot access the progress history: %1").arg(detail)};
}

StoredSample sampleOf(const QSqlQuery &q, int first)
{
    return StoredSample {q.value(first).toLongLong(), q.value(first + 1).toLongLong(),
                         q.value(first + 2).toLongLong(), q.value(first + 3).toLongLong()};
}
} // namespace

SampleStore::SampleStore(std::shared_ptr<Database> db)
    : m_db(std::move(db))
{ }

Result<bool> SampleStore::append(qint64 accountId, const QList<QPair<QString, StoredSample>> &samples,
                                 int keep)
{
    if (samples.isEmpty())
        return true;
    QSqlDatabase db = m_db->connection();
    if (!db.transaction())
        return dbError(db.lastError().text());
    QSqlQuery insert(db);
    insert.prepare(QStringLiteral(
        "INSERT OR REPLACE INTO batch_samples (account_id, batch_id, at_ms, completed, failed, total) "
        "VALUES (?, ?, ?, ?, ?, ?)"));
    QSet<QString> touched;
    for (const auto &[batchId, s] : samples) {
        insert.addBindValue(accountId);
        insert.addBindValue(batchId);
        insert.addBindValue(s.atMs);
        insert.addBindValue(s.completed);
        insert.addBindValue(s.failed);
        insert.addBindValue(s.total);
        if (!insert.exec()) {
            const QString error = sqlError(insert);
            db.rollback();
            return dbError(error);
        }
        touched.insert(batchId);
    }
    // Bounded like the monitor's in-memory history: a batch polled for days does not grow without end.
    QSqlQuery prune(db);
    prune.prepare(
        QStringLiteral("DELETE FROM batch_samples WHERE account_id = ? AND batch_id = ? AND at_ms NOT IN "
                       "(SELECT at_ms FROM batch_samples WHERE account_id = ? AND batch_id = ? ORDER BY "
                       "at_ms DESC LIMIT ?)"));
    for (const QString &batchId : std::as_const(touched)) {
        prune.addBindValue(accountId);
        prune.addBindValue(batchId);
        prune.addBindValue(accountId);
        prune.addBindValue(batchId);
        prune.addBindValue(qMax(2, keep));
        if (!prune.exec()) {
            const QString error = sqlError(prune);
            db.rollback();
            return dbError(error);
        }
    }
    if (!db.commit()) {
        const QString error = db.lastError().text();
        db.rollback();
        return dbError(error);
    }
    return true;
}

Result<QList<StoredSample>> SampleStore::load(qint64 accountId, const QString &batchId) const
{
    QSqlQuery q(m_db->connection());
    q.prepare(QStringLiteral("SELECT at_ms, completed, failed, total FROM batch_samples "
                             "WHERE account_id = ? AND batch_id = ? ORDER BY at_ms"));
    q.addBindValue(accountId);
    q.addBindValue(batchId);
    if (!q.exec())
        return dbError(sqlError(q));
    QList<StoredSample> out;
    while (q.next())
        out.append(sampleOf(q, 0));
    return out;
}

Result<QHash<QString, QList<StoredSample>>> SampleStore::loadAll(qint64 accountId) const
{
    QSqlQuery q(m_db->connection());
    q.prepare(QStringLiteral("SELECT batch_id, at_ms, completed, failed, total FROM batch_samples "
                             "WHERE account_id = ? ORDER BY batch_id, at_ms"));
    q.addBindValue(accountId);
    if (!q.exec())
        return dbError(sqlError(q));
    QHash<QString, QList<StoredSample>> out;
    while (q.next())
        out[q.value(0).toString()].append(sampleOf(q, 1));
    return out;
}

Result<bool> SampleStore::remove(qint64 accountId, const QString &batchId)
{
    QSqlQuery q(m_db->connection());
    q.prepare(QStringLiteral("DELETE FROM batch_samples WHERE account_id = ? AND batch_id = ?"));
    q.addBindValue(accountId);
    q.addBindValue(batchId);
    if (!q.exec())
        return dbError(sqlError(q));
    return true;
}

} // namespace Batchdesk::Store
