#pragma once

#include "account.h"
#include "common/result.h"
#include "database.h"

#include <memory>

namespace Batchdesk::Store {

/** Accounts in the local database. Same thread as its Database. */
class AccountStore final
{
public:
    explicit AccountStore(std::shared_ptr<Database> db);

    Result<QList<Account>> list() const;
    Result<Account> byName(const QString &name) const;
    Result<Account> byId(qint64 id) const;
    /** Adds a new account; the name must be unique and non-empty. Returns it with its id. */
    Result<Account> add(Account account);
    Result<bool> update(const Account &account);
    Result<bool> remove(const QString &name);

private:
    std::shared_ptr<Database> m_db;
};

} // namespace Batchdesk::Store
