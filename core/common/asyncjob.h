#pragma once

#include <QList>
#include <QObject>
#include <QPointer>
#include <QString>

namespace Batchdesk {

/** Why an asynchronous operation did not succeed. One spelling of each: a cancelled job is Canceled. */
enum class ErrorCode {
    None,
    Canceled, ///< abort() was called (or a part of the work was cancelled by the user)
    Network, ///< no connection, timeout, TLS
    Server, ///< the server refused or answered something unusable
    Local, ///< the local side: a file, the database, a precondition
    Invalid, ///< the input is not acceptable (validation)
};

/**
 * The contract of every long operation of the core, after KDE's KJob: start(), progress, a result or an
 * error, finished() emitted exactly once, abort(), and composites for fan-out (CompositeJob).
 *
 * Subclasses implement doStart() and, when they can stop, doAbort(); they report with setProgress(),
 * setStatusText() and end with emitSuccess() or emitFailure() (later calls are ignored, so a late callback
 * can never finish a job twice). abort() of a running job ends it with ErrorCode::Canceled unless the
 * subclass finishes it itself first. A job deletes itself after finished() when autoDelete is set (off by
 * default: most owners keep the job to read its result). Lives in the thread that created it.
 */
class AsyncJob : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AsyncJob)

public:
    ~AsyncJob() override;

    /** Starts the work; a second call does nothing. */
    void start();
    /** Stops the work: finished() follows (with ErrorCode::Canceled unless it had just succeeded). */
    void abort();

    bool isStarted() const { return m_started; }
    bool isFinished() const { return m_finished; }
    bool failed() const { return m_code != ErrorCode::None; }
    bool wasCanceled() const { return m_code == ErrorCode::Canceled; }
    ErrorCode errorCode() const { return m_code; }
    /** A sentence for a person: what failed and, when known, what to do. */
    QString errorText() const { return m_errorText; }
    qint64 processed() const { return m_processed; }
    qint64 total() const { return m_total; }
    QString statusText() const { return m_statusText; }
    void setAutoDelete(bool autoDelete) { m_autoDelete = autoDelete; }

signals:
    void progressChanged(qint64 processed, qint64 total);
    void statusTextChanged(const QString &text);
    /** Exactly once, after success, failure or abort. */
    void finished(Batchdesk::AsyncJob *job);

protected:
    explicit AsyncJob(QObject *parent = nullptr);

    virtual void doStart() = 0;
    /** Stops the work. Return true when the job is stopped now (the base then finishes it as Canceled);
     *  false when the subclass finishes it itself later (e.g. after an aborted reply reports back). */
    virtual bool doAbort() { return true; }

    void setProgress(qint64 processed, qint64 total);
    void setStatusText(const QString &text);
    void emitSuccess();
    void emitFailure(ErrorCode code, const QString &text);
    bool isAborting() const { return m_aborting; }

private:
    void finish();

    ErrorCode m_code = ErrorCode::None;
    QString m_errorText;
    QString m_statusText;
    qint64 m_processed = 0;
    qint64 m_total = 0;
    bool m_started = false;
    bool m_finished = false;
    bool m_aborting = false;
    bool m_autoDelete = false;
};

/**
 * A job made of subjobs that run at the same time (fan-out): it finishes when the last subjob has finished,
 * successful when all were, otherwise with the first error (the others still run to their end; see
 * failures()). abort() aborts every subjob. Progress is the number of finished subjobs. The composite owns
 * its subjobs (they are its children).
 */
class CompositeJob : public AsyncJob
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CompositeJob)

public:
    explicit CompositeJob(QObject *parent = nullptr);

    /** Adds a subjob before start(); it is started by start(). */
    void addSubjob(AsyncJob *job);
    QList<AsyncJob *> subjobs() const;
    /** The subjobs that failed, in the order they finished. */
    QList<AsyncJob *> failures() const;

protected:
    void doStart() override;
    bool doAbort() override;

private:
    void onSubjobFinished(AsyncJob *job);

    QList<QPointer<AsyncJob>> m_subjobs;
    QList<QPointer<AsyncJob>> m_failures;
    int m_done = 0;
};

} // namespace Batchdesk
