#pragma once

#include <QStringList>

namespace Batchdesk::Cli {

class Context;

/** `submit FILE [--endpoint URL] [--metadata k=v]... [--wait] [--download DIR] [--no-split] [--max-lines N]
 * ...` (args after "submit"): validate, upload and create, split into parts of one job when over the limits.
 */
int runSubmit(Context &ctx, const QStringList &args);

} // namespace Batchdesk::Cli
