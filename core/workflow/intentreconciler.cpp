#include "intentreconciler.h"

#include "api/apiclient.h"
#include "api/apijob.h"
#include "common/logging.h"
#include "store/intentstore.h"

namespace Batchdesk::Workflow {

IntentReconciler::IntentReconciler(Api::ApiClient *client, Store::IntentStore *records, Scope scope,
                                   QObject *parent)
    : AsyncJob(parent)
    , m_client(client)
    , m_records(records)
    , m_scope(std::move(scope))
{ }

void IntentReconciler::doStart()
{
    const auto pending = !m_records ? Result<QList<Store::Intent>>(QList<Store::Intent>())
        : m_scope.accountId > 0     ? m_records->pending(m_scope.accountId)
                                    : m_records->pendingAt(m_scope.origin);
    if (!m_client || !pending.ok() || pending.value().isEmpty()) {
        QMetaObject::invokeMethod(this, &IntentReconciler::finish, Qt::QueuedConnection);
        return;
    }
    Api::ListJob *job = Api::CreateBatchJob::findByClientId(m_client);
    const QList<Store::Intent> intents = pending.value();
    connect(job, &Api::ApiJob::finished, this, [this, job, intents] {
        if (job->failed()) {
            m_error = job->error(); // nothing changes: tried again next time, nothing is lost
            finish();
            return;
        }
        const QList<Api::Batch> batches = job->batches();
        for (const Store::Intent &intent : intents) {
            const auto found = Api::CreateBatchJob::matchClientId(batches, intent.clientId);
            if (!found) {
                // Absent means "never created" only where batches carry the client id; elsewhere (Anthropic,
                // Together) the intent stays pending for the user to decide: a guess could bill twice.
                if (m_client->canFindByClientId())
                    m_notFound << intent.clientId;
                continue;
            }
            qCInfo(lcApi) << "a lost submission did create" << found->id;
            m_records->markCreated(intent.clientId, found->id);
            if (!intent.inputPath.isEmpty() && m_scope.accountId > 0)
                m_records->rememberInput(m_scope.accountId, found->id, intent.inputPath, intent.inputSha256);
            m_found.append(*found);
        }
        finish();
    });
    job->start();
}

void IntentReconciler::finish()
{
    if (m_error.isError())
        emitFailure(m_error.code(), m_error.message);
    else
        emitSuccess();
}

} // namespace Batchdesk::Workflow
