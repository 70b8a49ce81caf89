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
 * finished() is emitted exactly once (also, from the event loop, when nothing is pending); a failed listing
 * changes nothing (tried again next time). Not deleted by itself.
 */
class IntentReconciler final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(IntentReconciler)

public:
    IntentReconciler(Api::ApiClient *client, Store::IntentStore *records, Scope scope,
                     QObject *parent = nullptr);

    void start();
    bool isFinished() const { return m_finished; }
    /** The batches that earlier, lost submissions did create. */
    const QList<Api::Batch> &found() const { return m_found; }
    bool failed() const { return m_error.isError(); }
    const Api::ApiError &error() const { return m_error; }

signals:
    void finished(Batchdesk::Workflow::IntentReconciler *reconciler);

private:
    void finish();

    QPointer<Api::ApiClient> m_client;
    Store::IntentStore *m_records;
    Scope m_scope;
    QList<Api::Batch> m_found;
    Api::ApiError m_error;
    bool m_finished = false;
};

} // namespace Batchdesk::Workflow
