#include "batchcache.h"

#include "common/logging.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QJsonDocument>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

#include <algorithm>

namespace Batchdesk::Store {

using Api::Batch;
using Api::FileObject;

namespace {
QString tr(const char *s)
{
    return QCoreApplication::translate("Batchdesk::Store", s);
}

Error writeError(const QString &detail)
{
    return Error {QStringLiteral("db"), tr("Cannot write the batch cache: %1").arg(detail)};
}

Error readError(const QString &detail)
{
    return Error {QStringLiteral("db"), tr("Cannot read the batch cache: %1").arg(detail)};
}

QString compactJson(const QJsonObject &o)
{
    return QString::fromUtf8(QJsonDocument(o).toJson(QJsonDocument::Compact));
}

QJsonObject parseJson(const QString &s)
{
    return QJsonDocument::fromJson(s.toUtf8()).object();
}

// Runs `body` in one transaction: a list of hundreds of rows is one fsync, not hundreds.
template<typename Body>
Result<bool> inTransaction(QSqlDatabase db, Body body)
{
    if (!db.transaction())
        return writeError(db.lastError().text());
    QString error;
    if (!body(db, &error)) {
        db.rollback();
        return writeError(error);
    }
    if (!db.commit()) {
        const QString text = db.lastError().text();
        db.rollback();
        return writeError(text);
    }
    return true;
}
} // namespace

BatchCache::BatchCache(std::shared_ptr<Database> db)
    : m_db(std::move(db))
{ }

Result<bool> BatchCache::upsert(qint64 accountId, const QList<Batch> &batches)
{
    if (batches.isEmpty())
        return true;
    return inTransaction(m_db->connection(), [&](QSqlDatabase db, QString *error) {
        QSqlQuery q(db);
        q.prepare(QStringLiteral(
            "INSERT OR REPLACE INTO batches (account_id, id, created_at, status, json, updated_at)"
            " VALUES (?, ?, ?, ?, ?, ?)"));
        const qint64 now = QDateTime::currentSecsSinceEpoch();
        for (const Batch &b : batches) {
            if (b.id.isEmpty() || b.raw.isEmpty())
                continue;
            q.addBindValue(accountId);
            q.addBindValue(b.id);
            q.addBindValue(b.createdAt);
            q.addBindValue(b.statusText.isNull() ? QStringLiteral("") : b.statusText);
            q.addBindValue(compactJson(b.raw));
            q.addBindValue(now);
            if (!q.exec()) {
                *error = sqlError(q);
                return false;
            }
        }
        return true;
    });
}

Result<QList<Batch>> BatchCache::load(qint64 accountId) const
{
    QSqlQuery q(m_db->connection());
    q.prepare(
        QStringLiteral("SELECT json FROM batches WHERE account_id = ? ORDER BY created_at DESC, id DESC"));
    q.addBindValue(accountId);
    if (!q.exec())
        return readError(sqlError(q));
    QList<Batch> out;
    while (q.next()) {
        const QJsonObject o = parseJson(q.value(0).toString());
        if (o.isEmpty()) {
            qCWarning(lcStore) << "skipping an unreadable cached batch of account" << accountId;
            continue;
        }
        out.append(Batch::fromJson(o));
    }
    return out;
}

Result<bool> BatchCache::remove(qint64 accountId, const QString &batchId)
{
    QSqlQuery q(m_db->connection());
    q.prepare(QStringLiteral("DELETE FROM batches WHERE account_id = ? AND id = ?"));
    q.addBindValue(accountId);
    q.addBindValue(batchId);
    if (!q.exec())
        return writeError(sqlError(q));
    return true;
}

Result<bool> BatchCache::clear(qint64 accountId)
{
    QSqlQuery q(m_db->connection());
    q.prepare(QStringLiteral("DELETE FROM batches WHERE account_id = ?"));
    q.addBindValue(accountId);
    if (!q.exec())
        return writeError(sqlError(q));
    return true;
}

namespace {
bool writeFiles(QSqlDatabase db, qint64 accountId, const QList<FileObject> &files, QString *error)
{
    QSqlQuery q(db);
    q.prepare(QStringLiteral(
        "INSERT OR REPLACE INTO files (account_id, id, json, updated_at) VALUES (?, ?, ?, ?)"));
    const qint64 now = QDateTime::currentSecsSinceEpoch();
    for (const FileObject &f : files) {
        if (f.id.isEmpty())
            continue;
        q.addBindValue(accountId);
        q.addBindValue(f.id);
        q.addBindValue(compactJson(f.toJson()));
        q.addBindValue(now);
        if (!q.exec()) {
            *error = sqlError(q);
            return false;
        }
    }
    return true;
}
} // namespace

Result<bool> BatchCache::upsertFiles(qint64 accountId, const QList<FileObject> &files)
{
    return inTransaction(m_db->connection(), [&](QSqlDatabase db, QString *error) {
        return writeFiles(db, accountId, files, error);
    });
}

Result<bool> BatchCache::replaceFiles(qint64 accountId, const QList<FileObject> &files)
{
    return inTransaction(m_db->connection(), [&](QSqlDatabase db, QString *error) {
        QSqlQuery q(db);
        q.prepare(QStringLiteral("DELETE FROM files WHERE account_id = ?"));
        q.addBindValue(accountId);
        if (!q.exec()) {
            *error = sqlError(q);
            return false;
        }
        return writeFiles(db, accountId, files, error);
    });
}

Result<QList<FileObject>> BatchCache::loadFiles(qint64 accountId) const
{
    QSqlQuery q(m_db->connection());
    q.prepare(QStringLiteral("SELECT json FROM files WHERE account_id = ?"));
    q.addBindValue(accountId);
    if (!q.exec())
        return readError(sqlError(q));
    QList<FileObject> out;
    while (q.next()) {
        const QJsonObject o = parseJson(q.value(0).toString());
        if (!o.isEmpty())
            out.append(FileObject::fromJson(o));
    }
    // The table has no created_at column (schema v1): sort after parsing.
    std::stable_sort(out.begin(), out.end(), [](const FileObject &a, const FileObject &b) {
        return a.createdAt != b.createdAt ? a.createdAt > b.createdAt : a.id > b.id;
    });
    return out;
}

Result<bool> BatchCache::removeFile(qint64 accountId, const QString &fileId)
{
    QSqlQuery q(m_db->connection());
    q.prepare(QStringLiteral("DELETE FROM files WHERE account_id = ? AND id = ?"));
    q.addBindValue(accountId);
    q.addBindValue(fileId);
    if (!q.exec())
        return writeError(sqlError(q));
    return true;
}

} // namespace Batchdesk::Store
