#include "accountscommand.h"
#include "batchescommand.h"
#include "buildcommand.h"
#include "clioutput.h"
#include "common/version.h"
#include "context.h"
#include "filescommand.h"
#include "jobscommand.h"
#include "platform/platform.h"
#include "resultscommands.h"
#include "runcommand.h"
#include "submitcommand.h"
#include "validatecommand.h"

#include <QCoreApplication>
#include <QLoggingCategory>
#include <QStringList>

using namespace Batchdesk;

namespace {

QString usage()
{
    return QCoreApplication::translate(
        "Batchdesk::Cli",
        "Usage: batchdesk-cli [--version] [--help] COMMAND [OPTIONS]\n"
        "\n"
        "Prepare, check and run OpenAI-compatible Batch API jobs.\n"
        "\n"
        "Commands:\n"
        "  validate   Check a .jsonl batch input file against the provider's rules and limits\n"
        "  build      --csv FILE --endpoint URL --model M (--user TEXT | --template FILE) -o OUT.jsonl: "
        "requests from a CSV\n"
        "  submit     Validate, upload and create a batch in one step (optionally wait and download)\n"
        "  run        FILE -o DIR [--concurrency N] [--rpm N] [--tpm N]: send the lines to a real-time "
        "endpoint,\n"
        "             answers in DIR/output.jsonl and DIR/errors.jsonl; run it again to resume\n"
        "  accounts   list | add NAME [--preset realtime --url URL --concurrency N ...] | set NAME | remove "
        "NAME\n"
        "             | test [NAME] | set-key NAME\n"
        "  files      upload FILE | list | get ID | delete ID | content ID -o OUT\n"
        "  batches    create --input-file ID --endpoint URL | list | get ID | cancel ID | wait ID\n"
        "  results    download BATCH_ID -o DIR | export BATCH_ID --input FILE --format csv|xlsx|jsonl|npy -o "
        "OUT\n"
        "             | append-csv [BATCH_ID...] --manifest OUT.build.json [--results FILE]... -o OUT.csv\n"
        "  resubmit   BATCH_ID --input FILE -o OUT.jsonl [--outcomes failed,expired,cancelled,missing]\n"
        "  jobs       list | show JOB_ID | cancel JOB_ID | resume JOB_ID [--wait] | retry JOB_ID [--outcomes "
        "LIST]\n"
        "             | finish-realtime JOB_ID --on NAME [--wait]: run the requests left in real time\n"
        "\n"
        "Global options: --account NAME, or --base-url URL [--provider ID] with the key in "
        "BATCHDESK_API_KEY; "
        "--json; --quiet.\n"
        "Run 'batchdesk-cli COMMAND --help' for the options of a command.\n"
        "Exit codes: 0 success, 1 invalid input or failure reported by the API, 2 usage or local error.");
}

// The commands that work on the local store or an API, each given its arguments after the command's name.
// validate needs neither and is run before the Context is made.
struct Command
{
    QLatin1StringView name;
    int (*run)(Cli::Context &ctx, const QStringList &args);
};

constexpr Command kCommands[] = {
    {QLatin1StringView("accounts"), Cli::runAccounts}, {QLatin1StringView("files"), Cli::runFiles},
    {QLatin1StringView("batches"), Cli::runBatches},   {QLatin1StringView("submit"), Cli::runSubmit},
    {QLatin1StringView("build"), Cli::runBuild},       {QLatin1StringView("results"), Cli::runResults},
    {QLatin1StringView("resubmit"), Cli::runResubmit}, {QLatin1StringView("jobs"), Cli::runJobs},
    {QLatin1StringView("run"), Cli::runRun},
};

} // namespace

int main(int argc, char *argv[])
{
    // `run` pauses on SIGINT/SIGTERM: the signals are blocked before any thread starts, so that its waiting
    // thread alone receives them. Every other command keeps the default (the process ends).
    if (Cli::isRunCommand(argc, argv))
        Platform::prepareStopSignals();
    QCoreApplication app(argc, argv);
    QCoreApplication::setOrganizationName(QStringLiteral("Batchdesk"));
    QCoreApplication::setApplicationName(QStringLiteral("batchdesk-cli"));
    QCoreApplication::setApplicationVersion(applicationVersion());

    // Progress and results go to stdout/stderr as text; the library's info logging would only be noise.
    if (qEnvironmentVariableIsEmpty("QT_LOGGING_RULES"))
        QLoggingCategory::setFilterRules(QStringLiteral("batchdesk.*.info=false"));

    const QStringList args = QCoreApplication::arguments();
    // Global options may stand anywhere: "batchdesk-cli --account work batches list" or "... batches list
    // --json".
    QStringList rest = args.mid(1);
    auto global = Cli::takeGlobalOptions(rest);
    if (!global.ok()) {
        Cli::err(global.errorString());
        return Cli::UsageError;
    }
    if (rest.isEmpty()) {
        Cli::err(usage());
        return Cli::UsageError;
    }
    const QString command = rest.takeFirst();
    if (command == QLatin1StringView("--version") || command == QLatin1StringView("-v")) {
        Cli::out(QStringLiteral("batchdesk-cli ") + applicationVersion());
        Cli::out(userAgent());
        return Cli::Success;
    }
    if (command == QLatin1StringView("--help") || command == QLatin1StringView("-h")
        || command == QLatin1StringView("help")) {
        Cli::out(usage());
        return Cli::Success;
    }
    if (command == QLatin1StringView("validate")) {
        if (global.value().json)
            rest.prepend(QStringLiteral("--json"));
        rest.prepend(args.at(0));
        return Cli::runValidate(rest);
    }
    for (const Command &c : kCommands) {
        if (command == c.name) {
            // Batches that run on this machine ("Run here") run while a command waits for them.
            Cli::GlobalOptions options = global.value();
            options.runsLocalBatches = rest.contains(QLatin1StringView("--wait"))
                || (command == QLatin1StringView("batches") && rest.value(0) == QLatin1StringView("wait"));
            Cli::Context context(options);
            return c.run(context, rest);
        }
    }

    Cli::err(QCoreApplication::translate("Batchdesk::Cli", "batchdesk-cli: unknown command \"%1\".\n\n%2")
                 .arg(command, usage()));
    return Cli::UsageError;
}
