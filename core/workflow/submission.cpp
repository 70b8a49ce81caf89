#include "submission.h"

#include "api/apiclient.h"
#include "api/apijob.h"
#include "common/filehash.h"
#include "common/logging.h"
#include "store/intentstore.h"

#include <QFileInfo>
#include <QJsonDocument>
#include <QtConcurrent>

namespace Batchdesk::Workflow {

namespace {
// A message ends like a sentence, so that a hint after it reads as the next one.
QString asSentence(QString text)
{
    text = text.trimmed();
    if (!text.isEmpty() && !text.endsWith(u'.') && !text.endsWith(u'!') && !text.endsWith(u'?')
        && !text.endsWith(u'\u2026') && !text.endsWith(u'\u3002'))
        text += u'.';
    return text;
}
} // namespace

QString withHint(const QString &text, const Api::ApiError &error)
{
    const QString hint = error.hint();
    return hint.isEmpty() ? asSentence(text) : asSentence(text) + u' ' + hint;
}

QString describe(const QString &what, const Api::ApiError &error)
{
    return withHint(what.isEmpty() ? error.message : what + QStringLiteral(": ") + error.message, error);
}

Submission::Submission(Api::ApiClient *client, Store::IntentStore *records, Scope scope, QString path,
                       Api::CreateBatchParams params, QObject *parent)
    : AsyncJob(parent)
    , m_client(client)
    , m_records(records)
    , m_scope(std::move(scope))
    , m_path(std::move(path))
    , m_params(std::move(params))
{
    connect(&m_checksum, &QFutureWatcher<QString>::finished, this, &Submission::onChecksum);
}

Submission::~Submission()
{
    if (m_upload)
        m_upload->abort();
    m_checksum.waitForFinished();
}

void Submission::doStart()
{
    if (!m_client) {
        fail(State::Failed, Api::ApiError::local(tr("No account is connected.")), {});
        return;
    }
    // The client going away (the account was switched) ends the submission instead of leaving it hanging.
    connect(m_client, &QObject::destroyed, this, [this] {
        if (!isFinished())
            fail(State::Failed,
                 Api::ApiError::local(tr("The account was disconnected during the submission.")), {});
    });
    if (m_path.isEmpty()) {
        // A file uploaded before (batches create --input-file): straight to the create.
        create();
        return;
    }
    // The checksum (for joining results later) is read on a worker thread while the upload streams.
    m_checksumDone = false;
    m_checksum.setFuture(QtConcurrent::run(sha256OfFile, m_path));
    // A part that runs in real time on a "Run here" account keeps its input here.
    m_upload =
        m_client->uploadFile(m_path, std::nullopt, QStringLiteral("batch"), m_params.runnerAccountId > 0);
    m_clock.start();
    connect(m_upload, &Api::ApiJob::progress, this, [this](qint64 sent, qint64 total) {
        const double seconds = qMax<qint64>(1, m_clock.elapsed()) / 1000.0;
        emit uploadProgress(sent, total, sent / seconds);
    });
    connect(m_upload, &Api::ApiJob::retrying, this, &Submission::retrying);
    connect(m_upload, &Api::ApiJob::finished, this, &Submission::onUploaded);
    m_state = State::Uploading;
    emit stateChanged(m_state);
    m_upload->start();
}

bool Submission::doAbort()
{
    if (m_state == State::Uploading && m_upload) {
        m_upload->abort(); // onUploaded() finishes as Canceled
        return false;
    }
    if (m_state == State::Creating && m_create && !m_created) {
        m_create->abort(); // the intent stays pending: the POST may have been received
        return false;
    }
    if (m_created)
        return false; // the batch exists: finishes as Done once the checksum is known
    fail(State::Canceled, Api::ApiError::make(Api::ApiError::Kind::Canceled, tr("Cancelled.")), {});
    return false;
}

void Submission::onUploaded()
{
    Api::UploadFileJob *job = m_upload;
    if (!job || isFinished())
        return;
    if (job->failed()) {
        if (job->error().kind == Api::ApiError::Kind::Canceled)
            fail(State::Canceled, job->error(), tr("Upload cancelled."));
        else
            fail(State::Failed, job->error(),
                 describe(tr("Upload of %1 failed").arg(QFileInfo(m_path).fileName()), job->error()));
        return;
    }
    const Api::FileObject file = job->file();
    m_params.inputFileId = file.id;
    if (m_params.model.isEmpty())
        m_params.model = job->model(); // Mistral and Gemini name the model on the batch
    if (m_records) {
        // Until a batch uses it, the upload is an orphan (listed and offered for deletion) should we stop
        // now.
        Store::Upload upload;
        upload.fileId = file.id;
        upload.accountId = m_scope.accountId;
        upload.origin = m_scope.origin;
        upload.inputPath = QFileInfo(m_path).absoluteFilePath();
        upload.bytes = file.bytes;
        m_records->recordUpload(upload);
    }
    create();
}

void Submission::create()
{
    if (!m_client) {
        fail(State::Failed, Api::ApiError::local(tr("The account was disconnected during the submission.")),
             {});
        return;
    }
    m_create = m_client->createBatch(m_params);
    m_clientId = m_create->clientId();
    if (m_records) {
        // Recorded BEFORE the create is sent: a lost reply is reconciled by its client id later.
        Store::Intent intent;
        intent.clientId = m_clientId;
        intent.accountId = m_scope.accountId;
        intent.origin = m_scope.origin;
        intent.inputFileId = m_params.inputFileId;
        intent.inputPath = m_path.isEmpty() ? QString() : QFileInfo(m_path).absoluteFilePath();
        intent.inputSha256 = m_checksumDone ? m_sha256 : QString();
        intent.endpoint = m_params.endpoint;
        intent.paramsJson =
            QString::fromUtf8(QJsonDocument(m_params.toJson()).toJson(QJsonDocument::Compact));
        const auto recorded = m_records->record(intent);
        if (!recorded.ok()) {
            m_create->deleteLater();
            fail(State::Failed, Api::ApiError::local(recorded.errorString()),
                 tr("Could not record the submission locally: %1").arg(recorded.errorString()));
            return;
        }
    }
    m_state = State::Creating;
    emit stateChanged(m_state);
    connect(m_create, &Api::CreateBatchJob::reconciling, this, &Submission::reconciling);
    connect(m_create, &Api::ApiJob::retrying, this, &Submission::retrying);
    connect(m_create, &Api::ApiJob::finished, this, &Submission::onCreated);
    m_create->start();
}

void Submission::onCreated()
{
    Api::CreateBatchJob *job = m_create;
    if (!job || isFinished())
        return;
    if (job->failed()) {
        if (job->error().kind == Api::ApiError::Kind::Canceled) {
            fail(
                State::Canceled, job->error(),
                tr("Creation cancelled; if the server received it, the batch appears after the next start."));
            return;
        }
        // A clear refusal created nothing: the intent is closed, not reconciled at every later start.
        if (m_records && job->error().isDefiniteRefusal())
            m_records->markAbandoned(m_clientId);
        fail(State::Failed, job->error(), describe(tr("Creating the batch failed"), job->error()));
        return;
    }
    m_batch = job->batch();
    m_reconciled = job->reconciled();
    m_created = true;
    if (m_records)
        m_records->markCreated(m_clientId, m_batch.id);
    maybeFinishDone();
}

void Submission::onChecksum()
{
    m_sha256 = m_checksum.result();
    m_checksumDone = true;
    maybeFinishDone();
}

void Submission::maybeFinishDone()
{
    if (!m_created || !m_checksumDone || isFinished())
        return;
    // The local input of the batch, for joining its results (an account's; a base URL has no result store).
    if (m_records && !m_path.isEmpty() && m_scope.accountId > 0)
        m_records->rememberInput(m_scope.accountId, m_batch.id, QFileInfo(m_path).absoluteFilePath(),
                                 m_sha256);
    qCInfo(lcApi) << "submission created" << m_batch.id << (m_reconciled ? "(reconciled)" : "");
    m_state = State::Done;
    emit stateChanged(m_state);
    emitSuccess();
}

void Submission::fail(State state, const Api::ApiError &error, const QString &text)
{
    if (isFinished())
        return;
    m_state = state;
    m_error = error;
    m_errorText = text.isEmpty() ? describe({}, error) : text;
    if (m_upload)
        m_upload->disconnect(this);
    emit stateChanged(m_state);
    emitFailure(state == State::Canceled ? ErrorCode::Canceled : error.code(), m_errorText);
}

} // namespace Batchdesk::Workflow
