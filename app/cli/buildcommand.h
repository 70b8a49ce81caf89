#pragma once

#include <QStringList>

namespace Batchdesk::Cli {

class Context;

/** `build --csv FILE --endpoint URL --model M [--system TEXT] (--user TEXT | --template FILE) ... -o
 * OUT.jsonl` (args after "build"). */
int runBuild(Context &ctx, const QStringList &args);
/** `results append-csv [BATCH_ID...] --manifest OUT.build.json [--results FILE]... -o OUT.csv` (args after
 * "append-csv"). */
int runResultsAppendCsv(Context &ctx, const QStringList &args);

} // namespace Batchdesk::Cli
