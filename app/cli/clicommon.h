#pragma once

// What the commands of batchdesk-cli share: option parsing, the text forms of times, sizes and batches, and
// the three steps more than one command runs (a submission, waiting for a batch, downloading its results).
// Output goes through clioutput.h; exit codes are Cli::ExitCode.

#include "realtime/localbatches.h"

#include <QCommandLineOption>
#include <QString>
#include <QStringList>

#include <optional>

class QCommandLineOption;
class QCommandLineParser;

namespace Batchdesk::Api {
struct Batch;
struct CreateBatchParams;
} // namespace Batchdesk::Api

namespace Batchdesk::Cli {

class Context;

/** The CLI's messages, in the translation context "Batchdesk::Cli". */
QString tr(const char *s, const char *disambiguation = nullptr, int n = -1);

/** Parses a command's options (args without the program name); on --help prints the usage and the options and
 *  returns Success, on an error prints it with the usage and returns UsageError; nullopt to go on. */
std::optional<int> parseArgs(QCommandLineParser &parser, const QStringList &args, const QString &usage);

/** An integer option within [min, max]; nullopt (with a message printed) when it is not one. */
std::optional<int> intOption(const QCommandLineParser &p, const QCommandLineOption &option, int min, int max);

/** The options that set a real-time run's limits and model map: --concurrency, --rpm, --tpm, --model-map
 *  (`run`, and `accounts add` / `accounts set` of a Run here account, whose help puts helpPrefix first). */
struct RunSettingsOptions
{
    explicit RunSettingsOptions(const QString &helpPrefix = {});
    QCommandLineOption concurrency;
    QCommandLineOption rpm;
    QCommandLineOption tpm;
    QCommandLineOption modelMap;

    QList<QCommandLineOption> all() const { return {concurrency, rpm, tpm, modelMap}; }
    bool anySet(const QCommandLineParser &p) const;
    /** Applies the options given to settings (an empty --model-map clears the map) and checks the limits;
     *  false after printing what is wrong. */
    bool apply(const QCommandLineParser &p, Realtime::RunSettings *settings) const;
};

/** Whether stderr is a terminal (progress lines are redrawn in place only then). */
bool stderrIsTerminal();

/** A field from the server on one line: control characters and newlines escaped. */
QString field(const QString &text);
/** A time as "yyyy-MM-dd HH:mm" (local time), "-" for 0. */
QString when(qint64 secs);
/** A size in SI units ("1.5 MB"). */
QString bytes(qint64 n);
/** "done/total" of a batch's requests, with the failed ones; "-" before the server counts them. */
QString progressText(const Api::Batch &b);
/** A batch on several lines: id and status, then one "  name:  value" line per field that is set. */
void printBatch(const Api::Batch &b);

/** Runs one submission to its end: the same Workflow::Submission the desktop app runs (upload unless path is
 *  empty and params.inputFileId is set, record, create, reconcile). Progress and retries go to stderr.
 *  Returns an exit code; *created is the batch on Success. */
int runSubmission(Context &ctx, const QString &path, const Api::CreateBatchParams &params,
                  Api::Batch *created);

/** Polls a batch until it reaches a terminal state (or timeoutSeconds > 0 pass); prints progress on stderr.
 *  Success when it completed; *final is the last state seen. */
int waitFor(Context &ctx, const QString &batchId, double intervalSeconds, double timeoutSeconds,
            Api::Batch *final);

/** Downloads the output and error files of a finished batch into dir (either may be absent); appends the
 *  paths written. Returns an exit code. */
int downloadResults(Context &ctx, const Api::Batch &b, const QString &dir, QStringList *written);

} // namespace Batchdesk::Cli
