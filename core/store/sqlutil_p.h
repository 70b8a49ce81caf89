#pragma once

// Helpers the stores share for binding values (private to core/store).

#include <QSqlQuery>
#include <QString>
#include <QVariant>

namespace Batchdesk::Store {

// Qt binds a null QString as SQL NULL; the text columns are NOT NULL.
inline QString notNull(const QString &s)
{
    return s.isNull() ? QStringLiteral("") : s;
}

// An account's id, or NULL for a base URL without an account (the foreign key allows no 0).
inline QVariant accountValue(qint64 accountId)
{
    return accountId > 0 ? QVariant(accountId) : QVariant(QMetaType::fromType<qint64>());
}

// "WHERE" part selecting one account or one origin; binds come from bindScope().
inline constexpr char kScopeCondition[] =
    "((account_id = ? AND origin = '') OR (account_id IS NULL AND origin = ?))";

inline void bindScope(QSqlQuery &q, qint64 accountId, const QString &origin)
{
    q.addBindValue(accountId > 0 ? accountId : qint64(-1));
    q.addBindValue(accountId > 0 ? QStringLiteral("\x01") : notNull(origin));
}

} // namespace Batchdesk::Store
