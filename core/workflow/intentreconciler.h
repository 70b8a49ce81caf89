#pragma once

#include "api/apierror.h"
#include "api/types.h"
#include "submission.h"

#include <QList>
#include <QObject>
#include <QPointer>

namespace Batchdesk::Store {
class IntentStore;
}

namespace Batchdesk::Workflow {

/**
 * Matches the pending submission intents of one account (or base URL) with the server's newest batches by the
 * client id in their metadata: a batch whose create reply was lost (a crash, a dropped connection) is found,
 * its intent and upload marked created and its local input remembered, instead of being submitted (and
 * billed) a second time. The one implementation, run by the app at each connect and by the CLI before a
 * submission.
 *
 * An AsyncJob: finished() is emitted exactly once (also, from the event loop, when nothing is pending); a
 * failed listing changes nothing (tried again next time) and fails the job. Not deleted by itself.
 */
class IntentReconciler final : public AsyncJob
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(IntentReconciler)

public:
    IntentReconciler(Api::ApiClient *client, Store::IntentStore *records, Scope scope,
                     QObject *parent = nullptr);

    /** The batches that earlier, lost submissions did create. */
    const QList<Api::Batch> &found() const { return m_found; }
    const Api::ApiError &error() const { return m_error; }
    /** The client ids still pending after a successful listing: no batch among the newest has them. */
    const QStringList &notFound() const { return m_notFound; }

protected:
    void doStart() override;

private:
    void finish();

    QPointer<Api::ApiClient> m_client;
    Store::IntentStore *m_records;
    Scope m_scope;
    QList<Api::Batch> m_found;
    Api::ApiError m_error;
    QStringList m_notFound;
};

} // namespace Batchdesk::Workflow
