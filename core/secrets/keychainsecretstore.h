#pragma once

#include "secretstore.h"

namespace Batchdesk::Secrets {

/**
 * SecretStore over QtKeychain (Secret Service on Linux, Keychain on macOS, Credential Manager on Windows).
 *
 * Every job has a timeout (default 10 s): on Linux a keychain job hangs forever when no Secret Service
 * answers on the session bus, and a locked or absent keyring reports errors that look like "not found"; both
 * become a message that tells the user what to do. Must be used from a thread with an event loop.
 */
class KeychainSecretStore final : public SecretStore
{
public:
    explicit KeychainSecretStore(QString service = QStringLiteral("Batchdesk"), int timeoutMs = 10'000);

    void read(const QString &key, std::function<void(Result<QString>)> done) override;
    void write(const QString &key, const QString &secret, std::function<void(Result<bool>)> done) override;
    void remove(const QString &key, std::function<void(Result<bool>)> done) override;

    int timeoutMs() const { return m_timeoutMs; }

private:
    QString m_service;
    int m_timeoutMs;
};

} // namespace Batchdesk::Secrets
