#pragma once

#include <QStringList>

namespace Batchdesk::Cli {

class Context;

/** `build (--csv FILE | --results BATCH_OR_JOB [--input FILE]) --endpoint URL --model M [--system TEXT]
 * (--user TEXT | --template FILE) ... -o OUT.jsonl` (args after "build"). */
int runBuild(Context &ctx, const QStringList &args);
/** `results append-csv [BATCH_ID...] --manifest OUT.build.json [--results FILE]... -o OUT.csv` (args after
 * "append-csv"). */
int runResultsAppendCsv(Context &ctx, const QStringList &args);
/**
 * `results export BATCH_OR_JOB... --input FILE --with-previous-stage -o OUT.csv`: the stage table of the
 * results (every request) with the previous stage's answers beside it (previous.response,
 * previous.answer.*), matched by custom_id; the previous stage is the one the input's build manifest links.
 */
int exportWithPreviousStage(Context &ctx, const QStringList &ids, const QString &input,
                            const QString &outPath, bool neutralizeFormulas);

} // namespace Batchdesk::Cli
