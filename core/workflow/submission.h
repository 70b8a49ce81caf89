#pragma once

#include "api/apierror.h"
#include "api/types.h"
#include "common/asyncjob.h"

#include <QElapsedTimer>
#include <QFutureWatcher>
#include <QObject>
#include <QPointer>
#include <QString>

namespace Batchdesk::Api {
class ApiClient;
class UploadFileJob;
class CreateBatchJob;
} // namespace Batchdesk::Api
namespace Batchdesk::Store {
class IntentStore;
}

namespace Batchdesk::Workflow {

/** Where submissions are recorded: an account (its id), or a base URL used without one (origin). */
struct Scope
{
    qint64 accountId = 0;
    QString origin;
};

/**
 * One submission of a batch input, the only implementation of it (the desktop app and the CLI both run this):
 *
 *   upload (streamed, with progress; skipped when params.inputFileId is set and there is no path)
 *   → the upload is recorded (an orphan until a batch uses it)
 *   → the intent is recorded BEFORE the create is sent (client id in metadata)
 *   → POST /batches (never resent blindly: CreateBatchJob reconciles an ambiguous failure by the client id)
 *   → created: the intent and the upload are marked with the batch, the local input and its SHA-256 (computed
 *     on a worker thread while the upload runs) are remembered for joining results later
 *   → refused (a definite 4xx): the intent is abandoned, so nothing reconciles it later.
 *
 * An AsyncJob: finished() is emitted exactly once, after Done, Failed or Canceled (abort()); the object is
 * not deleted unless autoDelete is set. Without an IntentStore nothing is recorded. If the client goes away
 * (account switched), the submission fails with a message instead of waiting for ever. A client id set in
 * params.metadata (Api::kClientIdKey) is used for the intent, so a caller that recorded it first (a job's
 * part) can tell after a crash whether this submission created a batch. Lives in the thread of the client.
 */
class Submission final : public AsyncJob
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(Submission)

public:
    enum class State { Uploading, Creating, Done, Failed, Canceled };
    Q_ENUM(State)

    Submission(Api::ApiClient *client, Store::IntentStore *records, Scope scope, QString path,
               Api::CreateBatchParams params, QObject *parent = nullptr);
    ~Submission() override;

    /** abort(): stops the upload, or the create (which stays pending and is reconciled later, since the POST
     *  may have reached the server). */
    void cancel() { abort(); }

    State state() const { return m_state; }
    QString path() const { return m_path; }
    const Api::CreateBatchParams &params() const { return m_params; }
    /** The batch created (state Done). */
    const Api::Batch &batch() const { return m_batch; }
    /** The error of the step that failed (kind Canceled after cancel()). */
    const Api::ApiError &error() const { return m_error; }
    /** The error as a sentence for a person, with what to do when there is a hint. */
    QString errorText() const { return m_errorText; }
    QString clientId() const { return m_clientId; }
    /** Whether the batch was found by its client id after a lost reply instead of being created by the reply.
     */
    bool reconciled() const { return m_reconciled; }
    /** The SHA-256 (hex) of the input file, once known (empty without a path). */
    QString inputSha256() const { return m_sha256; }

signals:
    void uploadProgress(qint64 sent, qint64 total, double bytesPerSecond);
    void stateChanged(Batchdesk::Workflow::Submission::State state);
    /** The reply of the create was lost; the batch list is searched for the client id before any resend. */
    void reconciling();
    void retrying(int retry, int delayMs, const QString &reason);

protected:
    void doStart() override;
    bool doAbort() override;

private:
    void onUploaded();
    void create();
    void onCreated();
    void onChecksum();
    void maybeFinishDone();
    void fail(State state, const Api::ApiError &error, const QString &text);

    QPointer<Api::ApiClient> m_client;
    Store::IntentStore *m_records;
    Scope m_scope;
    QString m_path;
    Api::CreateBatchParams m_params;
    State m_state = State::Uploading;
    QPointer<Api::UploadFileJob> m_upload;
    QPointer<Api::CreateBatchJob> m_create;
    QFutureWatcher<QString> m_checksum;
    QElapsedTimer m_clock;
    Api::Batch m_batch;
    Api::ApiError m_error;
    QString m_errorText;
    QString m_clientId;
    QString m_sha256;
    bool m_checksumDone = true;
    bool m_created = false;
    bool m_reconciled = false;
};

/** "what: message" as a sentence, followed by the error's hint when it has one. */
QString describe(const QString &what, const Api::ApiError &error);
/** text as a sentence, followed by the error's hint when it has one. */
QString withHint(const QString &text, const Api::ApiError &error);

} // namespace Batchdesk::Workflow
