#include "resultsstore.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QSqlQuery>
#include <QVariant>

namespace Batchdesk::Store {

QStringList ResultDownload::files() const
{
    QStringList list;
    if (!outputPath.isEmpty())
        list << outputPath;
    if (!errorPath.isEmpty())
        list << errorPath;
    return list;
}

ResultsStore::ResultsStore(std::shared_ptr<Database> db)
    : m_db(std::move(db))
{ }

Result<bool> ResultsStore::recordDownload(qint64 accountId, const ResultDownload &d)
{
    QSqlQuery q(m_db->connection());
    q.prepare(QStringLiteral(
        "INSERT OR REPLACE INTO result_downloads (account_id, batch_id, folder, output_path, error_path, "
        "output_file_id, error_file_id, downloaded_at, remote_deleted) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"));
    q.addBindValue(accountId);
    q.addBindValue(d.batchId);
    q.addBindValue(d.folder);
    q.addBindValue(d.outputPath);
    q.addBindValue(d.errorPath);
    q.addBindValue(d.outputFileId);
    q.addBindValue(d.errorFileId);
    q.addBindValue(d.downloadedAt > 0 ? d.downloadedAt : QDateTime::currentSecsSinceEpoch());
    q.addBindValue(d.remoteDeleted ? 1 : 0);
    if (!q.exec())
        return Error {QStringLiteral("db"), sqlError(q)};
    return true;
}

std::optional<ResultDownload> ResultsStore::download(qint64 accountId, const QString &batchId) const
{
    QSqlQuery q(m_db->connection());
    q.prepare(QStringLiteral("SELECT folder, output_path, error_path, output_file_id, error_file_id, "
                             "downloaded_at, remote_deleted FROM result_downloads "
                             "WHERE account_id = ? AND batch_id = ?"));
    q.addBindValue(accountId);
    q.addBindValue(batchId);
    if (!q.exec() || !q.next())
        return std::nullopt;
    ResultDownload d;
    d.batchId = batchId;
    d.folder = q.value(0).toString();
    d.outputPath = q.value(1).toString();
    d.errorPath = q.value(2).toString();
    d.outputFileId = q.value(3).toString();
    d.errorFileId = q.value(4).toString();
    d.downloadedAt = q.value(5).toLongLong();
    d.remoteDeleted = q.value(6).toInt() != 0;
    return d;
}

QSet<QString> ResultsStore::downloadedBatchIds(qint64 accountId) const
{
    QSet<QString> ids;
    QSqlQuery q(m_db->connection());
    q.prepare(QStringLiteral("SELECT batch_id FROM result_downloads WHERE account_id = ?"));
    q.addBindValue(accountId);
    if (q.exec()) {
        while (q.next())
            ids.insert(q.value(0).toString());
    }
    return ids;
}

Result<bool> ResultsStore::markRemoteDeleted(qint64 accountId, const QString &batchId)
{
    QSqlQuery q(m_db->connection());
    q.prepare(QStringLiteral(
        "UPDATE result_downloads SET remote_deleted = 1 WHERE account_id = ? AND batch_id = ?"));
    q.addBindValue(accountId);
    q.addBindValue(batchId);
    if (!q.exec())
        return Error {QStringLiteral("db"), sqlError(q)};
    return q.numRowsAffected() > 0;
}

Result<bool> ResultsStore::forgetDownload(qint64 accountId, const QString &batchId)
{
    QSqlQuery q(m_db->connection());
    q.prepare(QStringLiteral("DELETE FROM result_downloads WHERE account_id = ? AND batch_id = ?"));
    q.addBindValue(accountId);
    q.addBindValue(batchId);
    if (!q.exec())
        return Error {QStringLiteral("db"), sqlError(q)};
    return true;
}

Result<bool> ResultsStore::linkResubmit(qint64 accountId, const QString &batchId,
                                        const QString &parentBatchId)
{
    if (batchId == parentBatchId || chain(accountId, parentBatchId).contains(batchId))
        return Error {
            QStringLiteral("cycle"),
            QCoreApplication::translate("Batchdesk::Store", "%1 cannot resubmit %2: that would be a cycle.")
                .arg(batchId, parentBatchId)};
    QSqlQuery q(m_db->connection());
    q.prepare(QStringLiteral("INSERT OR REPLACE INTO batch_links (account_id, batch_id, parent_batch_id, "
                             "linked_at) VALUES (?, ?, ?, ?)"));
    q.addBindValue(accountId);
    q.addBindValue(batchId);
    q.addBindValue(parentBatchId);
    q.addBindValue(QDateTime::currentMSecsSinceEpoch());
    if (!q.exec())
        return Error {QStringLiteral("db"), sqlError(q)};
    return true;
}

QString ResultsStore::parentOf(qint64 accountId, const QString &batchId) const
{
    QSqlQuery q(m_db->connection());
    q.prepare(
        QStringLiteral("SELECT parent_batch_id FROM batch_links WHERE account_id = ? AND batch_id = ?"));
    q.addBindValue(accountId);
    q.addBindValue(batchId);
    if (q.exec() && q.next())
        return q.value(0).toString();
    return {};
}

QStringList ResultsStore::childrenOf(qint64 accountId, const QString &batchId) const
{
    QStringList children;
    QSqlQuery q(m_db->connection());
    q.prepare(QStringLiteral("SELECT batch_id FROM batch_links WHERE account_id = ? AND parent_batch_id = ? "
                             "ORDER BY linked_at, batch_id"));
    q.addBindValue(accountId);
    q.addBindValue(batchId);
    if (q.exec()) {
        while (q.next())
            children << q.value(0).toString();
    }
    return children;
}

QStringList ResultsStore::chain(qint64 accountId, const QString &batchId) const
{
    // Up to the root (bounded, in case the table was edited by hand into a cycle)...
    QString root = batchId;
    QSet<QString> seen {root};
    for (QString parent = parentOf(accountId, root); !parent.isEmpty() && !seen.contains(parent);
         parent = parentOf(accountId, root)) {
        seen.insert(parent);
        root = parent;
    }
    // ...then down, depth first, oldest resubmit first.
    QStringList result;
    QSet<QString> visited;
    QStringList stack {root};
    while (!stack.isEmpty()) {
        const QString id = stack.takeLast();
        if (visited.contains(id))
            continue;
        visited.insert(id);
        result << id;
        const QStringList children = childrenOf(accountId, id);
        for (auto it = children.crbegin(); it != children.crend(); ++it)
            stack << *it;
    }
    return result;
}

} // namespace Batchdesk::Store
