#pragma once

#include "common/result.h"

#include <QString>

#include <functional>

namespace Batchdesk::Secrets {

/**
 * Where API keys live: the OS keychain, never settings, the database, logs or error text.
 *
 * Asynchronous: every call ends with exactly one callback, on the caller's thread, also when the keychain
 * does not answer (after a timeout, with a message that says what to do). The *Sync helpers spin a local
 * event loop for command-line use. There is no insecure fallback.
 */
class SecretStore
{
public:
    virtual ~SecretStore() = default;

    virtual void read(const QString &key, std::function<void(Result<QString>)> done) = 0;
    virtual void write(const QString &key, const QString &secret, std::function<void(Result<bool>)> done) = 0;
    virtual void remove(const QString &key, std::function<void(Result<bool>)> done) = 0;

    Result<QString> readSync(const QString &key);
    Result<bool> writeSync(const QString &key, const QString &secret);
    Result<bool> removeSync(const QString &key);
};

} // namespace Batchdesk::Secrets
