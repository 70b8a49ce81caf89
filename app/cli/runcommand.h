#pragma once

#include <QStringList>

namespace Batchdesk::Cli {

class Context;

/** Whether the command line (argv as main() got it) runs `batchdesk-cli run`: global options may come first.
 *  Decided before QCoreApplication exists, so that the stop signals can be blocked before any thread starts.
 */
bool isRunCommand(int argc, char *argv[]);

/**
 * `batchdesk-cli run FILE (--base-url URL | --account NAME) -o DIR [--concurrency N] [--rpm N] [--tpm N]
 * [--max-attempts N] [--model-map FROM=TO,...] [--completion-window W]`: sends the lines of a batch file to
 * an OpenAI-compatible real-time endpoint (Realtime::RealtimeRunner) and writes DIR/output.jsonl,
 * DIR/errors.jsonl (the Batch API's output format) and DIR/run.json. Running it again over the same DIR
 * resumes. SIGINT/SIGTERM pause the run (exit 1) when main() called Platform::prepareStopSignals() first.
 * Exit codes: 0 the run completed, 1 invalid input or the run did not complete, 2 usage or local error.
 */
int runRun(Context &ctx, const QStringList &args);

} // namespace Batchdesk::Cli
