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
    qint64 accountId = 0;
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

class IntentStore final
{
public:
    explicit IntentStore(std::shared_ptr<Database> db);

    Result<bool> record(const Intent &intent);
    Result<bool> markCreated(const QString &clientId, const QString &batchId);
    Result<bool> markAbandoned(const QString &clientId);
    Result<QList<Intent>> pending(qint64 accountId) const;
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
