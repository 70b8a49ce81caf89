#pragma once

#include <QStringList>

namespace Batchdesk::Cli {

class Context;

/** `batches create --input-file ID --endpoint URL [...] | list | get ID | cancel ID | wait ID` (args after
 *  "batches"). */
int runBatches(Context &ctx, const QStringList &args);

} // namespace Batchdesk::Cli
