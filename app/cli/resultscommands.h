#pragma once

#include <QStringList>

namespace Batchdesk::Cli {

class Context;

/** `results download BATCH_ID -o DIR | export ... | append-csv ...` (args after "results"); export and
 *  append-csv go on to runResultsExport and runResultsAppendCsv (buildcommand.h). */
int runResults(Context &ctx, const QStringList &args);

/** `results export BATCH_ID... --input FILE --format csv|xlsx|jsonl|npy -o OUT` (args after "export"). */
int runResultsExport(Context &ctx, const QStringList &args);
/**
 * The result files of one finished batch (output, then error file): the local copies under the account's
 * results folder when a complete download is there, otherwise downloaded there first and recorded. Returns
 * an exit code (an error already printed); appends the files and sets *downloaded when it downloaded.
 */
int batchResultFiles(Context &ctx, const QString &batchId, QStringList *files, bool *downloaded);

/** `resubmit BATCH_ID... --input FILE -o OUT.jsonl [--outcomes failed,expired,cancelled,missing]`. */
int runResubmit(Context &ctx, const QStringList &args);

} // namespace Batchdesk::Cli
