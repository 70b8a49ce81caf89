#pragma once

#include "common/result.h"
#include "database.h"

#include <QList>
#include <QSet>
#include <QString>

#include <memory>

namespace Batchdesk::Store {

/**
 * A submission intent: recorded before POST /batches is sent, so that a crash or a lost response can be
 * reconciled later (by the client id in the batch's metadata) instead of creating a second billed batch.
 */
struct Intent
{
    enum class State { Pending, Created, Abandoned };

    QString clientId;
    qint64 accountId = 0; ///< 0 for a submission through a base URL without an account (see origin)
    QString origin; ///< the base URL of an account-less submission (CLI --base-url); empty with an account
    QString inputFileId;
    QString inputPath;
    QString inputSha256;
    QString endpoint;
    QString paramsJson;
    State state = State::Pending;
    QString batchId;
    qint64 createdAt = 0;
    qint64 updatedAt = 0;
};

/** An input file uploaded for a submission. One that no batch used (the create failed or the process was
 *  killed in between) is an orphan: it costs storage at the provider until it is deleted. */
struct Upload
{
    QString fileId;
    qint64 accountId = 0; ///< 0 with origin set, as for Intent
    QString origin;
    QString inputPath;
    qint64 bytes = 0;
    qint64 uploadedAt = 0;
    QString batchId; ///< the batch created from it, once there is one
};

class IntentStore final
{
public:
    explicit IntentStore(std::shared_ptr<Database> db);

    Result<bool> record(const Intent &intent);
    /** Marks the submission created, and its uploaded input as used by the batch. */
    Result<bool> markCreated(const QString &clientId, const QString &batchId);
    Result<bool> markAbandoned(const QString &clientId);
    Result<QList<Intent>> pending(qint64 accountId) const;
    /** Pending submissions made through a base URL without an account. */
    Result<QList<Intent>> pendingAt(const QString &origin) const;

    Result<bool> recordUpload(const Upload &upload);
    Result<bool> markUploadDeleted(qint64 accountId, const QString &origin, const QString &fileId);
    /** Uploads of this account (or origin) that no batch used and no pending submission may still use. */
    Result<QList<Upload>> orphanUploads(qint64 accountId, const QString &origin = {}) const;
    Result<Intent> byClientId(const QString &clientId) const;
    /** Remembers which local file a batch was made from (for joining results later). */
    Result<bool> rememberInput(qint64 accountId, const QString &batchId, const QString &path,
                               const QString &sha256);
    /** The local input path of a batch, or empty. */
    QString inputPathOf(qint64 accountId, const QString &batchId) const;
    /** The SHA-256 (hex) recorded with the local input of a batch, or empty. */
    QString inputSha256Of(qint64 accountId, const QString &batchId) const;
    /** The batches of an account that have a local input file. */
    QSet<QString> batchesWithLocalInput(qint64 accountId) const;

private:
    std::shared_ptr<Database> m_db;
};

} // namespace Batchdesk::Store
