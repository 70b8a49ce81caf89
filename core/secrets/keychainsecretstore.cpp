#include "keychainsecretstore.h"

#include "common/logging.h"

#include <QCoreApplication>
#include <QTimer>

#include <qt6keychain/keychain.h>

#include <memory>

namespace Batchdesk::Secrets {

namespace {
QString tr(const char *s)
{
    return QCoreApplication::translate("Batchdesk::Secrets", s);
}

QString platformHint()
{
#if defined(Q_OS_LINUX) || defined(Q_OS_FREEBSD)
    return tr(
        "On Linux a Secret Service (GNOME Keyring or KWallet) must be running in your session and unlocked.");
#elif defined(Q_OS_MACOS)
    return tr("Check that the login keychain is unlocked.");
#else
    return tr("Check that the Windows Credential Manager is available.");
#endif
}

Error keychainError(QKeychain::Error code, const QString &detail, const QString &key)
{
    // The keychain's own text can be vague; say what it means and what to do. It never contains the secret.
    switch (code) {
    case QKeychain::EntryNotFound:
        return Error {QStringLiteral("not_found"),
                      tr("No API key is stored in the keychain for %1. If you stored one, the keyring may be "
                         "locked: unlock it and try again.")
                          .arg(key)};
    case QKeychain::NoBackendAvailable:
        return Error {QStringLiteral("no_keychain"),
                      tr("No keychain is available (%1). %2").arg(detail, platformHint())};
    case QKeychain::AccessDenied:
    case QKeychain::AccessDeniedByUser:
        return Error {QStringLiteral("denied"), tr("Access to the keychain was denied (%1).").arg(detail)};
    default:
        return Error {QStringLiteral("keychain"),
                      tr("The keychain reported an error: %1. %2").arg(detail, platformHint())};
    }
}

Error timeoutError(int ms)
{
    return Error {
        QStringLiteral("timeout"),
        tr("The system keychain did not answer within %1 s. %2").arg(ms / 1000.0).arg(platformHint())};
}

// Runs a QtKeychain job with a timeout; exactly one of the two paths calls `finish`.
template<typename Job, typename OnDone>
void runWithTimeout(Job *job, int timeoutMs, OnDone onDone)
{
    auto done = std::make_shared<bool>(false);
    auto *timer = new QTimer;
    timer->setSingleShot(true);
    QObject::connect(timer, &QTimer::timeout, timer, [done, timer, timeoutMs, onDone, job]() mutable {
        timer->deleteLater();
        if (*done)
            return;
        *done = true;
        qCWarning(lcSecrets) << "keychain job timed out";
        // A hung job is left to itself (it may never finish); it must not call back any more.
        QObject::disconnect(job, nullptr, nullptr, nullptr);
        onDone(job, std::optional<Error>(timeoutError(timeoutMs)));
    });
    QObject::connect(job, &QKeychain::Job::finished, timer, [done, timer, onDone, job]() mutable {
        timer->stop();
        timer->deleteLater();
        if (*done)
            return;
        *done = true;
        onDone(job, std::optional<Error>());
    });
    timer->start(timeoutMs);
    job->start();
}
} // namespace

KeychainSecretStore::KeychainSecretStore(QString service, int timeoutMs)
    : m_service(std::move(service))
    , m_timeoutMs(timeoutMs)
{ }

void KeychainSecretStore::read(const QString &key, std::function<void(Result<QString>)> done)
{
    auto *job = new QKeychain::ReadPasswordJob(m_service);
    job->setAutoDelete(true);
    job->setKey(key);
    runWithTimeout(job, m_timeoutMs,
                   [done, key](QKeychain::ReadPasswordJob *j, std::optional<Error> timeout) {
                       if (timeout)
                           return done(*timeout);
                       if (j->error() != QKeychain::NoError)
                           return done(keychainError(j->error(), j->errorString(), key));
                       done(j->textData());
                   });
}

void KeychainSecretStore::write(const QString &key, const QString &secret,
                                std::function<void(Result<bool>)> done)
{
    auto *job = new QKeychain::WritePasswordJob(m_service);
    job->setAutoDelete(true);
    job->setKey(key);
    job->setTextData(secret);
    runWithTimeout(job, m_timeoutMs,
                   [done, key](QKeychain::WritePasswordJob *j, std::optional<Error> timeout) {
                       if (timeout)
                           return done(*timeout);
                       if (j->error() != QKeychain::NoError)
                           return done(keychainError(j->error(), j->errorString(), key));
                       done(true);
                   });
}

void KeychainSecretStore::remove(const QString &key, std::function<void(Result<bool>)> done)
{
    auto *job = new QKeychain::DeletePasswordJob(m_service);
    job->setAutoDelete(true);
    job->setKey(key);
    runWithTimeout(job, m_timeoutMs,
                   [done, key](QKeychain::DeletePasswordJob *j, std::optional<Error> timeout) {
                       if (timeout)
                           return done(*timeout);
                       // Deleting what is not there is fine.
                       if (j->error() != QKeychain::NoError && j->error() != QKeychain::EntryNotFound)
                           return done(keychainError(j->error(), j->errorString(), key));
                       done(true);
                   });
}

} // namespace Batchdesk::Secrets
