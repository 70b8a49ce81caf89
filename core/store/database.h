#pragma once

#include "common/result.h"

#include <QSqlDatabase>
#include <QString>

#include <memory>

namespace Batchdesk::Store {

/**
 * The local SQLite database (Qt SQL, WAL): accounts (never secrets), the batch and file cache, submission
 * intents, local paths of inputs and results, the progress samples of batches.
 *
 * The schema is versioned with PRAGMA user_version and migrated forward on open. One Database owns one named
 * connection and must be used from the thread that opened it.
 */
class Database final
{
public:
    static constexpr int kSchemaVersion = 8;

    static Result<std::shared_ptr<Database>> open(const QString &path);
    ~Database();
    Q_DISABLE_COPY_MOVE(Database)

    QSqlDatabase connection() const { return QSqlDatabase::database(m_name); }
    QString path() const { return m_path; }
    int schemaVersion() const;

private:
    Database(QString name, QString path);
    Result<bool> migrate();

    QString m_name;
    QString m_path;
};

/** The last error of a query as text for messages. */
QString sqlError(const class QSqlQuery &query);

} // namespace Batchdesk::Store
