#include "secretstore.h"

#include <QEventLoop>

#include <optional>

namespace Batchdesk::Secrets {

namespace {
template<typename T, typename Call>
Result<T> waitFor(Call &&call)
{
    std::optional<Result<T>> result;
    QEventLoop loop;
    call([&](Result<T> r) {
        result.emplace(std::move(r));
        loop.quit();
    });
    if (!result)
        loop.exec();
    return std::move(*result);
}
} // namespace

Result<QString> SecretStore::readSync(const QString &key)
{
    return waitFor<QString>([&](auto done) { read(key, done); });
}

Result<bool> SecretStore::writeSync(const QString &key, const QString &secret)
{
    return waitFor<bool>([&](auto done) { write(key, secret, done); });
}

Result<bool> SecretStore::removeSync(const QString &key)
{
    return waitFor<bool>([&](auto done) { remove(key, done); });
}

} // namespace Batchdesk::Secrets
