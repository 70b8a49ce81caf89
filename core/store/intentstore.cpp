#include "intentstore.h"

#include "sqlutil_p.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QSqlQuery>
#include <QVariant>

namespace Batchdesk::Store {

namespace {
QString stateId(Intent::State s)
{
    switch (s) {
    case Intent::State::Pending:
        return QStringLiteral("pending");
    case Intent::State::Created:
        return QStringLiteral("created");
    case Intent::State::Abandoned:
        return QStringLiteral("abandoned");
    }
    return QStringLiteral("pending");
}

Intent::State stateFromId(const QString &s)
{
    if (s == QLatin1StringView("created"))
        return Intent::State::Created;
    if (s == QLatin1StringView("abandoned"))
        return Intent::State::Abandoned;
    return Intent::State::Pending;
}

const char kColumns[] =
    "client_id, account_id, input_file_id, input_path, input_sha256, endpoint, params_json, state, "
    "batch_id, created_at, updated_at, origin";

Intent fromQuery(const QSqlQuery &q)
{
    Intent i;
    i.clientId = q.value(0).toString();
    i.accountId = q.value(1).toLongLong();
    i.inputFileId = q.value(2).toString();
    i.inputPath = q.value(3).toString();
    i.inputSha256 = q.value(4).toString();
    i.endpoint = q.value(5).toString();
    i.paramsJson = q.value(6).toString();
    i.state = stateFromId(q.value(7).toString());
    i.batchId = q.value(8).toString();
    i.createdAt = q.value(9).toLongLong();
    i.updatedAt = q.value(10).toLongLong();
    i.origin = q.value(11).toString();
    return i;
}
} // namespace

IntentStore::IntentStore(std::shared_ptr<Database> db)
    : m_db(std::move(db))
{ }

Result<bool> IntentStore::record(const Intent &intent)
{
    QSqlQuery q(m_db->connection());
    q.prepare(QStringLiteral("INSERT INTO intents (%1) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                  .arg(QLatin1StringView(kColumns)));
    const qint64 now = QDateTime::currentSecsSinceEpoch();
    q.addBindValue(notNull(intent.clientId));
    q.addBindValue(accountValue(intent.accountId));
    q.addBindValue(notNull(intent.inputFileId));
    q.addBindValue(notNull(intent.inputPath));
    q.addBindValue(notNull(intent.inputSha256));
    q.addBindValue(notNull(intent.endpoint));
    q.addBindValue(notNull(intent.paramsJson));
    q.addBindValue(stateId(intent.state));
    q.addBindValue(notNull(intent.batchId));
    q.addBindValue(intent.createdAt ? intent.createdAt : now);
    q.addBindValue(now);
    q.addBindValue(intent.accountId > 0 ? QString(QStringLiteral("")) : notNull(intent.origin));
    if (!q.exec())
        return Error {QStringLiteral("db"), sqlError(q)};
    return true;
}

Result<bool> IntentStore::markCreated(const QString &clientId, const QString &batchId)
{
    QSqlQuery q(m_db->connection());
    q.prepare(QStringLiteral(
        "UPDATE intents SET state = 'created', batch_id = ?, updated_at = ? WHERE client_id = ?"));
    q.addBindValue(batchId);
    q.addBindValue(QDateTime::currentSecsSinceEpoch());
    q.addBindValue(clientId);
    if (!q.exec())
        return Error {QStringLiteral("db"), sqlError(q)};
    const bool changed = q.numRowsAffected() > 0;
    QSqlQuery u(m_db->connection());
    u.prepare(QStringLiteral("UPDATE uploads SET batch_id = ? WHERE batch_id = '' AND EXISTS (SELECT 1 FROM "
                             "intents i WHERE i.client_id = ? AND i.input_file_id = uploads.file_id AND "
                             "i.origin = uploads.origin AND i.account_id IS uploads.account_id)"));
    u.addBindValue(batchId);
    u.addBindValue(clientId);
    if (!u.exec())
        return Error {QStringLiteral("db"), sqlError(u)};
    return changed;
}

Result<bool> IntentStore::markAbandoned(const QString &clientId)
{
    QSqlQuery q(m_db->connection());
    q.prepare(QStringLiteral("UPDATE intents SET state = 'abandoned', updated_at = ? WHERE client_id = ?"));
    q.addBindValue(QDateTime::currentSecsSinceEpoch());
    q.addBindValue(clientId);
    if (!q.exec())
        return Error {QStringLiteral("db"), sqlError(q)};
    return q.numRowsAffected() > 0;
}

Result<QList<Intent>> IntentStore::pending(qint64 accountId) const
{
    QSqlQuery q(m_db->connection());
    q.prepare(QStringLiteral(
                  "SELECT %1 FROM intents WHERE account_id = ? AND state = 'pending' ORDER BY created_at")
                  .arg(QLatin1StringView(kColumns)));
    q.addBindValue(accountId);
    if (!q.exec())
        return Error {QStringLiteral("db"), sqlError(q)};
    QList<Intent> out;
    while (q.next())
        out.append(fromQuery(q));
    return out;
}

Result<QList<Intent>> IntentStore::pendingAt(const QString &origin) const
{
    QSqlQuery q(m_db->connection());
    q.prepare(QStringLiteral("SELECT %1 FROM intents WHERE account_id IS NULL AND origin = ? AND state = "
                             "'pending' ORDER BY created_at")
                  .arg(QLatin1StringView(kColumns)));
    q.addBindValue(notNull(origin));
    if (!q.exec())
        return Error {QStringLiteral("db"), sqlError(q)};
    QList<Intent> out;
    while (q.next())
        out.append(fromQuery(q));
    return out;
}

Result<bool> IntentStore::recordUpload(const Upload &upload)
{
    QSqlQuery q(m_db->connection());
    q.prepare(
        QStringLiteral("INSERT OR REPLACE INTO uploads (file_id, account_id, origin, input_path, bytes, "
                       "uploaded_at, batch_id) VALUES (?, ?, ?, ?, ?, ?, ?)"));
    q.addBindValue(notNull(upload.fileId));
    q.addBindValue(accountValue(upload.accountId));
    q.addBindValue(upload.accountId > 0 ? QString(QStringLiteral("")) : notNull(upload.origin));
    q.addBindValue(notNull(upload.inputPath));
    q.addBindValue(upload.bytes);
    q.addBindValue(upload.uploadedAt ? upload.uploadedAt : QDateTime::currentSecsSinceEpoch());
    q.addBindValue(notNull(upload.batchId));
    if (!q.exec())
        return Error {QStringLiteral("db"), sqlError(q)};
    return true;
}

Result<bool> IntentStore::markUploadDeleted(qint64 accountId, const QString &origin, const QString &fileId)
{
    QSqlQuery q(m_db->connection());
    q.prepare(QStringLiteral("UPDATE uploads SET deleted = 1 WHERE file_id = ? AND %1")
                  .arg(QLatin1StringView(kScopeCondition)));
    q.addBindValue(fileId);
    bindScope(q, accountId, origin);
    if (!q.exec())
        return Error {QStringLiteral("db"), sqlError(q)};
    return q.numRowsAffected() > 0;
}

Result<QList<Upload>> IntentStore::orphanUploads(qint64 accountId, const QString &origin) const
{
    QSqlQuery q(m_db->connection());
    q.prepare(
        QStringLiteral("SELECT file_id, account_id, origin, input_path, bytes, uploaded_at FROM uploads "
                       "WHERE batch_id = '' AND deleted = 0 AND %1 AND NOT EXISTS (SELECT 1 FROM intents "
                       "i WHERE i.input_file_id = uploads.file_id AND i.state IN ('pending', 'created') "
                       "AND i.origin = uploads.origin AND i.account_id IS uploads.account_id) "
                       "ORDER BY uploaded_at")
            .arg(QLatin1StringView(kScopeCondition)));
    bindScope(q, accountId, origin);
    if (!q.exec())
        return Error {QStringLiteral("db"), sqlError(q)};
    QList<Upload> out;
    while (q.next()) {
        Upload u;
        u.fileId = q.value(0).toString();
        u.accountId = q.value(1).toLongLong();
        u.origin = q.value(2).toString();
        u.inputPath = q.value(3).toString();
        u.bytes = q.value(4).toLongLong();
        u.uploadedAt = q.value(5).toLongLong();
        out.append(u);
    }
    return out;
}

Result<Intent> IntentStore::byClientId(const QString &clientId) const
{
    QSqlQuery q(m_db->connection());
    q.prepare(QStringLiteral("SELECT %1 FROM intents WHERE client_id = ?").arg(QLatin1StringView(kColumns)));
    q.addBindValue(clientId);
    if (!q.exec())
        return Error {QStringLiteral("db"), sqlError(q)};
    if (!q.next())
        return Error {QStringLiteral("not_found"),
                      QCoreApplication::translate("Batchdesk::Store", "No such submission.")};
    return fromQuery(q);
}

Result<bool> IntentStore::rememberInput(qint64 accountId, const QString &batchId, const QString &path,
                                        const QString &sha256)
{
    QSqlQuery q(m_db->connection());
    q.prepare(
        QStringLiteral("INSERT OR REPLACE INTO local_inputs (account_id, batch_id, input_path, input_sha256) "
                       "VALUES (?, ?, ?, ?)"));
    q.addBindValue(accountId);
    q.addBindValue(batchId);
    q.addBindValue(path);
    q.addBindValue(sha256);
    if (!q.exec())
        return Error {QStringLiteral("db"), sqlError(q)};
    return true;
}

QString IntentStore::inputPathOf(qint64 accountId, const QString &batchId) const
{
    QSqlQuery q(m_db->connection());
    q.prepare(QStringLiteral("SELECT input_path FROM local_inputs WHERE account_id = ? AND batch_id = ?"));
    q.addBindValue(accountId);
    q.addBindValue(batchId);
    if (q.exec() && q.next())
        return q.value(0).toString();
    return {};
}

QString IntentStore::inputSha256Of(qint64 accountId, const QString &batchId) const
{
    QSqlQuery q(m_db->connection());
    q.prepare(QStringLiteral("SELECT input_sha256 FROM local_inputs WHERE account_id = ? AND batch_id = ?"));
    q.addBindValue(accountId);
    q.addBindValue(batchId);
    if (q.exec() && q.next())
        return q.value(0).toString();
    return {};
}

QSet<QString> IntentStore::batchesWithLocalInput(qint64 accountId) const
{
    QSet<QString> ids;
    QSqlQuery q(m_db->connection());
    q.prepare(QStringLiteral("SELECT batch_id FROM local_inputs WHERE account_id = ?"));
    q.addBindValue(accountId);
    if (q.exec()) {
        while (q.next())
            ids.insert(q.value(0).toString());
    }
    return ids;
}

} // namespace Batchdesk::Store
