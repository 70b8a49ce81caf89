#pragma once

#include <QStringList>

namespace Batchdesk::Api {
struct Batch;
}

namespace Batchdesk::Cli {

class Context;

int runAccounts(Context &ctx, const QStringList &args);
int runFiles(Context &ctx, const QStringList &args);
int runBatches(Context &ctx, const QStringList &args);
int runSubmit(Context &ctx, const QStringList &args);
int runResults(Context &ctx, const QStringList &args);

/** Downloads the output and error files of a finished batch into dir (either may be absent); appends the
 * paths written. Returns an exit code. */
int downloadResults(Context &ctx, const Api::Batch &b, const QString &dir, QStringList *written);

} // namespace Batchdesk::Cli
