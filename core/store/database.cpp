#include "database.h"

#include "common/logging.h"
#include "common/translate.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QSqlError>
#include <QSqlQuery>
#include <QUuid>

#include <iterator>

namespace Batchdesk::Store {

namespace {
// lupdate files these strings under Database, the class every call is written in.
QString tr(const char *s)
{
    return Batchdesk::translateIn({"Batchdesk::Store::Database", "Batchdesk::Store"}, s);
}

// Each entry migrates from version i to i + 1. Never edit a shipped entry; append.
const char *const kMigrations[] = {
    // 0 -> 1
    "CREATE TABLE accounts ("
    " id INTEGER PRIMARY KEY AUTOINCREMENT,"
    " name TEXT NOT NULL UNIQUE,"
    " preset TEXT NOT NULL,"
    " base_url TEXT NOT NULL,"
    " limit_profile TEXT NOT NULL DEFAULT 'deepinfra',"
    " default_model TEXT NOT NULL DEFAULT '',"
    " key_source TEXT NOT NULL DEFAULT 'keychain',"
    " key_env TEXT NOT NULL DEFAULT '',"
    " created_at INTEGER NOT NULL);"
    "CREATE TABLE batches ("
    " account_id INTEGER NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,"
    " id TEXT NOT NULL,"
    " created_at INTEGER NOT NULL,"
    " status TEXT NOT NULL,"
    " json TEXT NOT NULL,"
    " updated_at INTEGER NOT NULL,"
    " PRIMARY KEY (account_id, id));"
    "CREATE TABLE files ("
    " account_id INTEGER NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,"
    " id TEXT NOT NULL,"
    " json TEXT NOT NULL,"
    " updated_at INTEGER NOT NULL,"
    " PRIMARY KEY (account_id, id));"
    "CREATE TABLE intents ("
    " client_id TEXT PRIMARY KEY,"
    " account_id INTEGER NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,"
    " input_file_id TEXT NOT NULL,"
    " input_path TEXT NOT NULL DEFAULT '',"
    " input_sha256 TEXT NOT NULL DEFAULT '',"
    " endpoint TEXT NOT NULL,"
    " params_json TEXT NOT NULL,"
    " state TEXT NOT NULL,"
    " batch_id TEXT NOT NULL DEFAULT '',"
    " created_at INTEGER NOT NULL,"
    " updated_at INTEGER NOT NULL);"
    "CREATE TABLE local_inputs ("
    " account_id INTEGER NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,"
    " batch_id TEXT NOT NULL,"
    " input_path TEXT NOT NULL,"
    " input_sha256 TEXT NOT NULL DEFAULT '',"
    " PRIMARY KEY (account_id, batch_id));",
    // 1 -> 2: downloaded results and resubmit links
    "CREATE TABLE result_downloads ("
    " account_id INTEGER NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,"
    " batch_id TEXT NOT NULL,"
    " folder TEXT NOT NULL,"
    " output_path TEXT NOT NULL DEFAULT '',"
    " error_path TEXT NOT NULL DEFAULT '',"
    " output_file_id TEXT NOT NULL DEFAULT '',"
    " error_file_id TEXT NOT NULL DEFAULT '',"
    " downloaded_at INTEGER NOT NULL,"
    " remote_deleted INTEGER NOT NULL DEFAULT 0,"
    " PRIMARY KEY (account_id, batch_id));"
    "CREATE TABLE batch_links ("
    " account_id INTEGER NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,"
    " batch_id TEXT NOT NULL,"
    " parent_batch_id TEXT NOT NULL,"
    " linked_at INTEGER NOT NULL,"
    " PRIMARY KEY (account_id, batch_id));"
    "CREATE INDEX batch_links_parent ON batch_links (account_id, parent_batch_id);",
    // 2 -> 3: submissions through --base-url are recorded too (account_id NULL, origin = the base URL), and
    // every input uploaded for a submission, so that one no batch used can be found and deleted.
    "CREATE TABLE intents_v3 ("
    " client_id TEXT PRIMARY KEY,"
    " account_id INTEGER REFERENCES accounts(id) ON DELETE CASCADE,"
    " origin TEXT NOT NULL DEFAULT '',"
    " input_file_id TEXT NOT NULL,"
    " input_path TEXT NOT NULL DEFAULT '',"
    " input_sha256 TEXT NOT NULL DEFAULT '',"
    " endpoint TEXT NOT NULL,"
    " params_json TEXT NOT NULL,"
    " state TEXT NOT NULL,"
    " batch_id TEXT NOT NULL DEFAULT '',"
    " created_at INTEGER NOT NULL,"
    " updated_at INTEGER NOT NULL);"
    "INSERT INTO intents_v3 (client_id, account_id, input_file_id, input_path, input_sha256, endpoint,"
    " params_json, state, batch_id, created_at, updated_at)"
    " SELECT client_id, account_id, input_file_id, input_path, input_sha256, endpoint, params_json, state,"
    " batch_id, created_at, updated_at FROM intents;"
    "DROP TABLE intents;"
    "ALTER TABLE intents_v3 RENAME TO intents;"
    "CREATE INDEX intents_scope ON intents (account_id, origin, state);"
    "CREATE TABLE uploads ("
    " file_id TEXT NOT NULL,"
    " account_id INTEGER REFERENCES accounts(id) ON DELETE CASCADE,"
    " origin TEXT NOT NULL DEFAULT '',"
    " input_path TEXT NOT NULL DEFAULT '',"
    " bytes INTEGER NOT NULL DEFAULT 0,"
    " uploaded_at INTEGER NOT NULL,"
    " batch_id TEXT NOT NULL DEFAULT '',"
    " deleted INTEGER NOT NULL DEFAULT 0,"
    " PRIMARY KEY (file_id, origin));"
    "CREATE INDEX uploads_scope ON uploads (account_id, origin);",
    // 3 -> 4: samples, the progress the monitor saw, for the chart after a restart (SampleStore)
    "CREATE TABLE batch_samples ("
    " account_id INTEGER NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,"
    " batch_id TEXT NOT NULL,"
    " at_ms INTEGER NOT NULL,"
    " completed INTEGER NOT NULL,"
    " failed INTEGER NOT NULL,"
    " total INTEGER NOT NULL,"
    " PRIMARY KEY (account_id, batch_id, at_ms));",
    // 4 -> 5: jobs (JobStore): a workload of several parts, submitted under the provider's limits, with retry
    // rounds; every part with its state, so a killed app or CLI resumes without submitting a part twice.
    "CREATE TABLE jobs ("
    " id TEXT PRIMARY KEY,"
    " account_id INTEGER REFERENCES accounts(id) ON DELETE CASCADE,"
    " origin TEXT NOT NULL DEFAULT '',"
    " name TEXT NOT NULL DEFAULT '',"
    " source_path TEXT NOT NULL DEFAULT '',"
    " folder TEXT NOT NULL DEFAULT '',"
    " endpoint TEXT NOT NULL,"
    " params_json TEXT NOT NULL,"
    " profile TEXT NOT NULL DEFAULT '',"
    " state TEXT NOT NULL,"
    " round INTEGER NOT NULL DEFAULT 0,"
    " retry_rounds INTEGER NOT NULL DEFAULT 0,"
    " retry_outcomes TEXT NOT NULL DEFAULT '',"
    " error TEXT NOT NULL DEFAULT '',"
    " created_at INTEGER NOT NULL,"
    " updated_at INTEGER NOT NULL);"
    "CREATE INDEX jobs_scope ON jobs (account_id, origin, state);"
    "CREATE TABLE job_parts ("
    " job_id TEXT NOT NULL REFERENCES jobs(id) ON DELETE CASCADE,"
    " round INTEGER NOT NULL,"
    " part INTEGER NOT NULL,"
    " parts INTEGER NOT NULL,"
    " path TEXT NOT NULL,"
    " first_line INTEGER NOT NULL DEFAULT 1,"
    " lines INTEGER NOT NULL DEFAULT 0,"
    " bytes INTEGER NOT NULL DEFAULT 0,"
    " state TEXT NOT NULL,"
    " client_id TEXT NOT NULL DEFAULT '',"
    " batch_id TEXT NOT NULL DEFAULT '',"
    " batch_status TEXT NOT NULL DEFAULT '',"
    " completed INTEGER NOT NULL DEFAULT 0,"
    " failed INTEGER NOT NULL DEFAULT 0,"
    " total INTEGER NOT NULL DEFAULT 0,"
    " results_folder TEXT NOT NULL DEFAULT '',"
    " error TEXT NOT NULL DEFAULT '',"
    " updated_at INTEGER NOT NULL,"
    " PRIMARY KEY (job_id, round, part));"
    "CREATE INDEX job_parts_batch ON job_parts (batch_id);",
    // 5 -> 6: an account's optional OpenAI-Organization / OpenAI-Project headers (issue 14).
    ("ALTER TABLE accounts ADD COLUMN organization TEXT NOT NULL DEFAULT '';"
     "ALTER TABLE accounts ADD COLUMN project TEXT NOT NULL DEFAULT '';"),
    // 6 -> 7: real-time runs (issue 15): a "Run here" account's limits and model map; a job's switch to a
    // real-time account for its stragglers (by hand or by policy); the account a part runs on.
    ("ALTER TABLE accounts ADD COLUMN run_settings TEXT NOT NULL DEFAULT '';"
     "ALTER TABLE jobs ADD COLUMN realtime_account_id INTEGER NOT NULL DEFAULT 0;"
     "ALTER TABLE jobs ADD COLUMN realtime_after_hours REAL NOT NULL DEFAULT 0;"
     "ALTER TABLE jobs ADD COLUMN realtime_at_percent INTEGER NOT NULL DEFAULT 0;"
     "ALTER TABLE jobs ADD COLUMN realtime_requested INTEGER NOT NULL DEFAULT 0;"
     "ALTER TABLE job_parts ADD COLUMN runner_account_id INTEGER NOT NULL DEFAULT 0;"),
    // 7 -> 8: a job's budget cap in dollars (0: none) and the cost estimated when it was submitted (-1: none)
    // (issue 16).
    ("ALTER TABLE jobs ADD COLUMN budget REAL NOT NULL DEFAULT 0;"
     "ALTER TABLE jobs ADD COLUMN estimated_cost REAL NOT NULL DEFAULT -1;"),
};
static_assert(std::size(kMigrations) == Database::kSchemaVersion, "one migration per schema version");

bool exec(QSqlDatabase &db, const QString &sql, QString *error)
{
    QSqlQuery q(db);
    if (!q.exec(sql)) {
        *error = q.lastError().text();
        return false;
    }
    return true;
}
} // namespace

QString sqlError(const QSqlQuery &query)
{
    return query.lastError().text();
}

Database::Database(QString name, QString path)
    : m_name(std::move(name))
    , m_path(std::move(path))
{ }

Database::~Database()
{
    {
        QSqlDatabase db = QSqlDatabase::database(m_name, false);
        if (db.isOpen())
            db.close();
    }
    QSqlDatabase::removeDatabase(m_name);
}

Result<std::shared_ptr<Database>> Database::open(const QString &path)
{
    if (!QDir().mkpath(QFileInfo(path).absolutePath()))
        return Error {QStringLiteral("io"), tr("Cannot create the folder of %1.").arg(path)};
    const QString name = QStringLiteral("batchdesk-") + QUuid::createUuid().toString(QUuid::WithoutBraces);
    std::shared_ptr<Database> database(new Database(name, path));
    QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
    db.setDatabaseName(path);
    db.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=5000"));
    if (!db.open())
        return Error {QStringLiteral("db"),
                      tr("Cannot open the database %1: %2").arg(path, db.lastError().text())};
    QString error;
    if (!exec(db, QStringLiteral("PRAGMA journal_mode=WAL"), &error)
        || !exec(db, QStringLiteral("PRAGMA foreign_keys=ON"), &error)
        || !exec(db, QStringLiteral("PRAGMA synchronous=NORMAL"), &error))
        return Error {QStringLiteral("db"), tr("Cannot configure the database %1: %2").arg(path, error)};
    const auto migrated = database->migrate();
    if (!migrated.ok())
        return migrated.error();
    return database;
}

int Database::schemaVersion() const
{
    QSqlQuery q(connection());
    if (q.exec(QStringLiteral("PRAGMA user_version")) && q.next())
        return q.value(0).toInt();
    return -1;
}

Result<bool> Database::migrate()
{
    QSqlDatabase db = connection();
    int version = schemaVersion();
    if (version > kSchemaVersion)
        return Error {
            QStringLiteral("db"),
            tr("The database %1 was written by a newer Batchdesk (schema %2, this version knows %3).")
                .arg(m_path)
                .arg(version)
                .arg(kSchemaVersion)};
    while (version < kSchemaVersion) {
        if (!db.transaction())
            return Error {QStringLiteral("db"), db.lastError().text()};
        const QStringList statements =
            QString::fromLatin1(kMigrations[version]).split(u';', Qt::SkipEmptyParts);
        QString error;
        for (const auto &statement : statements) {
            if (statement.trimmed().isEmpty())
                continue;
            if (!exec(db, statement, &error)) {
                db.rollback();
                return Error {QStringLiteral("db"),
                              tr("Cannot upgrade the database %1 to schema %2: %3")
                                  .arg(m_path)
                                  .arg(version + 1)
                                  .arg(error)};
            }
        }
        if (!exec(db, QStringLiteral("PRAGMA user_version=%1").arg(version + 1), &error)) {
            db.rollback();
            return Error {QStringLiteral("db"), error};
        }
        if (!db.commit())
            return Error {QStringLiteral("db"), db.lastError().text()};
        ++version;
        qCInfo(lcStore) << "database migrated to schema" << version;
    }
    return true;
}

} // namespace Batchdesk::Store
