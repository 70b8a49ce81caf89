#include "asyncjob.h"

#include <QTimer>

namespace Batchdesk {

AsyncJob::AsyncJob(QObject *parent)
    : QObject(parent)
{ }

AsyncJob::~AsyncJob() = default;

void AsyncJob::start()
{
    if (m_started || m_finished)
        return;
    m_started = true;
    doStart();
}

void AsyncJob::abort()
{
    if (m_finished || m_aborting)
        return;
    m_aborting = true;
    if (!m_started) {
        emitFailure(ErrorCode::Canceled, tr("Cancelled."));
        return;
    }
    if (doAbort())
        emitFailure(ErrorCode::Canceled, tr("Cancelled."));
}

void AsyncJob::setProgress(qint64 processed, qint64 total)
{
    if (processed == m_processed && total == m_total)
        return;
    m_processed = processed;
    m_total = total;
    emit progressChanged(processed, total);
}

void AsyncJob::setStatusText(const QString &text)
{
    if (text == m_statusText)
        return;
    m_statusText = text;
    emit statusTextChanged(text);
}

void AsyncJob::emitSuccess()
{
    if (m_finished)
        return;
    finish();
}

void AsyncJob::emitFailure(ErrorCode code, const QString &text)
{
    if (m_finished)
        return;
    m_code = code == ErrorCode::None ? ErrorCode::Local : code;
    m_errorText = text;
    finish();
}

void AsyncJob::finish()
{
    m_finished = true;
    emit finished(this);
    if (m_autoDelete)
        deleteLater();
}

// ---------------------------------------------------------------------------------------------------------------

CompositeJob::CompositeJob(QObject *parent)
    : AsyncJob(parent)
{ }

void CompositeJob::addSubjob(AsyncJob *job)
{
    Q_ASSERT(job && !isStarted());
    job->setParent(this);
    job->setAutoDelete(false);
    m_subjobs << job;
    connect(job, &AsyncJob::finished, this, &CompositeJob::onSubjobFinished);
}

QList<AsyncJob *> CompositeJob::subjobs() const
{
    QList<AsyncJob *> jobs;
    for (const auto &j : m_subjobs) {
        if (j)
            jobs << j.data();
    }
    return jobs;
}

QList<AsyncJob *> CompositeJob::failures() const
{
    QList<AsyncJob *> jobs;
    for (const auto &j : m_failures) {
        if (j)
            jobs << j.data();
    }
    return jobs;
}

void CompositeJob::doStart()
{
    setProgress(0, m_subjobs.size());
    if (m_subjobs.isEmpty()) {
        // Finished from the event loop, like any other job: the caller connects after start().
        QTimer::singleShot(0, this, [this] { emitSuccess(); });
        return;
    }
    for (const auto &job : std::as_const(m_subjobs)) {
        if (job)
            job->start();
    }
}

bool CompositeJob::doAbort()
{
    const auto jobs = m_subjobs;
    for (const auto &job : jobs) {
        if (job && !job->isFinished())
            job->abort();
    }
    // The subjobs report back (synchronously or later); the last one finishes the composite.
    return m_done == m_subjobs.size();
}

void CompositeJob::onSubjobFinished(AsyncJob *job)
{
    ++m_done;
    if (job->failed())
        m_failures << job;
    setProgress(m_done, m_subjobs.size());
    if (m_done < m_subjobs.size())
        return;
    if (m_failures.isEmpty()) {
        emitSuccess();
        return;
    }
    AsyncJob *first = m_failures.first();
    const bool allCanceled = std::all_of(m_failures.cbegin(), m_failures.cend(),
                                         [](const auto &f) { return f && f->wasCanceled(); });
    emitFailure(allCanceled ? ErrorCode::Canceled : first->errorCode(), first->errorText());
}

} // namespace Batchdesk
