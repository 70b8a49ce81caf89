#include "clioutput.h"
#include "common/version.h"
#include "validatecommand.h"

#include <QCoreApplication>
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
        "\n"
        "Run 'batchdesk-cli COMMAND --help' for the options of a command.\n"
        "Exit codes: 0 success, 1 invalid input or failure reported by the API, 2 usage or local error.");
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setOrganizationName(QStringLiteral("Batchdesk"));
    QCoreApplication::setApplicationName(QStringLiteral("batchdesk-cli"));
    QCoreApplication::setApplicationVersion(applicationVersion());

    QStringList args = QCoreApplication::arguments();
    if (args.size() < 2) {
        Cli::err(usage());
        return Cli::UsageError;
    }
    const QString command = args.at(1);
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
    // The sub-command parses its own options; argv[0] keeps its place for QCommandLineParser.
    QStringList rest = args.mid(2);
    rest.prepend(args.at(0));
    if (command == QLatin1StringView("validate"))
        return Cli::runValidate(rest);

    Cli::err(QCoreApplication::translate("Batchdesk::Cli", "batchdesk-cli: unknown command \"%1\".\n\n%2")
                 .arg(command, usage()));
    return Cli::UsageError;
}
