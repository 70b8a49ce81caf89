#pragma once

#include "common/result.h"
#include "types.h"

#include <QList>
#include <QString>

#include <functional>
#include <optional>

class QObject;

namespace Batchdesk::Api {

/**
 * Files and batches that live on this machine instead of a provider's server: the real-time runs of
 * "Run here" accounts and of a job's stragglers (Realtime::LocalBatches implements it). ApiClient hands every
 * call for a local id here, and every call of an account whose provider runsLocally, so that nothing above
 * the client knows where a batch runs. Ids are the backend's own and are recognised by isLocalId(). Owners
 * are account ids: the account whose lists show the file or batch. Same thread as the client.
 */
class LocalBackend
{
public:
    virtual ~LocalBackend() = default;

    virtual bool isLocal(QStringView id) const = 0;
    /** Copies a batch input in (without blocking the caller); done once, unless context is gone first. */
    virtual void importFile(const QString &path, qint64 ownerAccountId, QObject *context,
                            std::function<void(Result<FileObject>)> done) = 0;
    virtual std::optional<FileObject> localFile(const QString &id) const = 0;
    virtual QList<FileObject> localFiles(qint64 ownerAccountId) const = 0;
    virtual Result<void> removeLocalFile(const QString &id) = 0;
    /** Where a file's bytes are, or empty. */
    virtual QString localPath(const QString &fileId) const = 0;
    /** Records and starts a batch over a local input, run in real time on runnerAccountId's endpoint. */
    virtual Result<Batch> createLocal(const CreateBatchParams &params, qint64 ownerAccountId,
                                      qint64 runnerAccountId) = 0;
    virtual std::optional<Batch> localBatch(const QString &id) = 0;
    virtual QList<Batch> localBatches(qint64 ownerAccountId) = 0;
    virtual Result<Batch> cancelLocal(const QString &id) = 0;
};

} // namespace Batchdesk::Api
