#include "accountstore.h"

#include "sqlutil_p.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QSqlQuery>
#include <QVariant>

namespace Batchdesk::Store {

namespace {

QString tr(const char *s)
{
    return QCoreApplication::translate("Batchdesk::Store::AccountStore", s);
}

const char kColumns[] = "id, name, preset, base_url, limit_profile, default_model, key_source, key_env, "
                        "created_at, organization, "
                        "project, run_settings";

Account fromQuery(const QSqlQuery &q)
{
    Account a;
    a.id = q.value(0).toLongLong();
    a.name = q.value(1).toString();
    a.preset = presetFromId(q.value(2).toString());
    a.baseUrl = QUrl(q.value(3).toString());
    a.limitProfile = q.value(4).toString();
    a.defaultModel = q.value(5).toString();
    a.keySource = Account::keySourceFromId(q.value(6).toString());
    a.keyEnvironmentVariable = q.value(7).toString();
    a.createdAt = q.value(8).toLongLong();
    a.organization = q.value(9).toString();
    a.project = q.value(10).toString();
    a.runSettings = q.value(11).toString();
    return a;
}

QString presetId(Preset p)
{
    return presetInfo(p).id;
}

// Binds the editable columns in the order name, preset, base_url, limit_profile, default_model, key_source,
// key_env, organization, project, run_settings.
void bindFields(QSqlQuery &q, const Account &account)
{
    q.addBindValue(notNull(account.name));
    q.addBindValue(presetId(account.preset));
    q.addBindValue(notNull(account.baseUrl.toString()));
    q.addBindValue(notNull(account.limitProfile));
    q.addBindValue(notNull(account.defaultModel));
    q.addBindValue(Account::keySourceId(account.keySource));
    q.addBindValue(notNull(account.keyEnvironmentVariable));
    q.addBindValue(notNull(account.organization));
    q.addBindValue(notNull(account.project));
    q.addBindValue(notNull(account.runSettings));
}
} // namespace

AccountStore::AccountStore(std::shared_ptr<Database> db)
    : m_db(std::move(db))
{ }

Result<QList<Account>> AccountStore::list() const
{
    QSqlQuery q(m_db->connection());
    if (!q.exec(QStringLiteral("SELECT %1 FROM accounts ORDER BY name COLLATE NOCASE")
                    .arg(QLatin1StringView(kColumns))))
        return Error {QStringLiteral("db"), sqlError(q)};
    QList<Account> out;
    while (q.next())
        out.append(fromQuery(q));
    return out;
}

Result<Account> AccountStore::byName(const QString &name) const
{
    QSqlQuery q(m_db->connection());
    q.prepare(QStringLiteral("SELECT %1 FROM accounts WHERE name = ?").arg(QLatin1StringView(kColumns)));
    q.addBindValue(name);
    if (!q.exec())
        return Error {QStringLiteral("db"), sqlError(q)};
    if (!q.next())
        return Error {QStringLiteral("not_found"), tr("There is no account named \"%1\".").arg(name)};
    return fromQuery(q);
}

Result<Account> AccountStore::byId(qint64 id) const
{
    QSqlQuery q(m_db->connection());
    q.prepare(QStringLiteral("SELECT %1 FROM accounts WHERE id = ?").arg(QLatin1StringView(kColumns)));
    q.addBindValue(id);
    if (!q.exec())
        return Error {QStringLiteral("db"), sqlError(q)};
    if (!q.next())
        return Error {QStringLiteral("not_found"), tr("The account no longer exists.")};
    return fromQuery(q);
}

Result<Account> AccountStore::add(Account account)
{
    account.name = account.name.trimmed();
    if (account.name.isEmpty())
        return Error {QStringLiteral("invalid"), tr("An account needs a name.")};
    if (byName(account.name).ok())
        return Error {QStringLiteral("exists"),
                      tr("An account named \"%1\" already exists.").arg(account.name)};
    if (account.baseUrl.isEmpty())
        account.baseUrl = presetInfo(account.preset).defaultBaseUrl;
    if (account.preset != Preset::Sandbox
        && (!account.baseUrl.isValid()
            || !(account.baseUrl.scheme() == QLatin1StringView("https")
                 || account.baseUrl.scheme() == QLatin1StringView("http"))))
        return Error {QStringLiteral("invalid"), tr("The base URL must start with https:// or http://.")};
    account.createdAt = QDateTime::currentSecsSinceEpoch();
    QSqlQuery q(m_db->connection());
    q.prepare(QStringLiteral(
        "INSERT INTO accounts (name, preset, base_url, limit_profile, default_model, key_source, "
        "key_env, organization, project, run_settings, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, "
        "?)"));
    bindFields(q, account);
    q.addBindValue(account.createdAt);
    if (!q.exec())
        return Error {QStringLiteral("db"), sqlError(q)};
    account.id = q.lastInsertId().toLongLong();
    return account;
}

Result<bool> AccountStore::update(const Account &account)
{
    QSqlQuery q(m_db->connection());
    q.prepare(QStringLiteral("UPDATE accounts SET name = ?, preset = ?, base_url = ?, limit_profile = ?, "
                             "default_model = ?, key_source = ?, key_env = ?, organization = ?, project = ?, "
                             "run_settings = ? WHERE id = ?"));
    bindFields(q, account);
    q.addBindValue(account.id);
    if (!q.exec())
        return Error {QStringLiteral("db"), sqlError(q)};
    return q.numRowsAffected() > 0;
}

Result<bool> AccountStore::remove(const QString &name)
{
    QSqlQuery q(m_db->connection());
    q.prepare(QStringLiteral("DELETE FROM accounts WHERE name = ?"));
    q.addBindValue(name);
    if (!q.exec())
        return Error {QStringLiteral("db"), sqlError(q)};
    if (q.numRowsAffected() == 0)
        return Error {QStringLiteral("not_found"), tr("There is no account named \"%1\".").arg(name)};
    return true;
}

} // namespace Batchdesk::Store
