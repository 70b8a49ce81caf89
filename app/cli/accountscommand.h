#pragma once

#include <QStringList>

namespace Batchdesk::Cli {

class Context;

/** `accounts list | add NAME [options] | remove NAME | test [NAME] | set-key NAME` (args after "accounts").
 */
int runAccounts(Context &ctx, const QStringList &args);

} // namespace Batchdesk::Cli
