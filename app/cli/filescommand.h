#pragma once

#include <QStringList>

namespace Batchdesk::Cli {

class Context;

/** `files upload FILE | list [--purpose P] [--orphans] | get ID | delete ID | content ID -o OUT` (args after
 *  "files"). */
int runFiles(Context &ctx, const QStringList &args);

} // namespace Batchdesk::Cli
