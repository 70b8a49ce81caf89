#pragma once

#include "api/types.h"
#include "common/result.h"
#include "database.h"

#include <QList>
#include <QString>

#include <memory>

namespace Batchdesk::Store {

/**
 * The per-account cache of batches and files (tables `batches` and `files` of schema v1), so the lists show
 * at once at start and then refresh from the API.
 *
 * Each object is stored as the JSON the API returned (Batch::raw, FileObject::toJson()) and parsed again with
 * the same lenient parsers on load, so fields this version does not know survive a round trip. Writes of a
 * list are one transaction. The account must exist (foreign key). A value-like handle; same thread as its
 * Database.
 */
class BatchCache final
{
public:
    explicit BatchCache(std::shared_ptr<Database> db);

    /** Inserts or replaces these batches of the account. Batches without raw JSON are skipped. */
    Result<bool> upsert(qint64 accountId, const QList<Api::Batch> &batches);
    /** Every cached batch of the account, newest first (created_at, then id). */
    Result<QList<Api::Batch>> load(qint64 accountId) const;
    Result<bool> remove(qint64 accountId, const QString &batchId);
    /** Forgets every cached batch of the account. */
    Result<bool> clear(qint64 accountId);

    /** Inserts or replaces these files of the account. */
    Result<bool> upsertFiles(qint64 accountId, const QList<Api::FileObject> &files);
    /** Makes the file cache equal to a complete listing (files deleted elsewhere disappear). */
    Result<bool> replaceFiles(qint64 accountId, const QList<Api::FileObject> &files);
    /** Every cached file of the account, newest first. */
    Result<QList<Api::FileObject>> loadFiles(qint64 accountId) const;
    Result<bool> removeFile(qint64 accountId, const QString &fileId);

private:
    std::shared_ptr<Database> m_db;
};

} // namespace Batchdesk::Store
