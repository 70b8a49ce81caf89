#pragma once

#include <QStringList>

namespace Batchdesk::Cli {

class Context;

int runAccounts(Context &ctx, const QStringList &args);
int runFiles(Context &ctx, const QStringList &args);
int runBatches(Context &ctx, const QStringList &args);
int runSubmit(Context &ctx, const QStringList &args);
int runResults(Context &ctx, const QStringList &args);

} // namespace Batchdesk::Cli
