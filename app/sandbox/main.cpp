// batchdesk-sandbox: the local Files + Batches server as a process (tests, demos, offline use).

#include "common/version.h"
#include "platform/platform.h"
#include "sandbox/sandboxserver.h"

#include <QCommandLineParser>
#include <QCoreApplication>

#include <QFile>
#include <QRandomGenerator>

#include <cstdio>

using namespace Batchdesk;

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("Batchdesk::SandboxMain", text);
}

bool parseRate(const QCommandLineParser &parser, const QString &name, double *out, QString *error)
{
    if (!parser.isSet(name))
        return true;
    bool ok = false;
    const double v = parser.value(name).toDouble(&ok);
    if (!ok || v < 0 || v > 1) {
        *error = tr("--%1 must be a number between 0 and 1.").arg(name);
        return false;
    }
    *out = v;
    return true;
}

bool parseInt(const QCommandLineParser &parser, const QString &name, int min, int max, int *out,
              QString *error)
{
    if (!parser.isSet(name))
        return true;
    bool ok = false;
    const int v = parser.value(name).toInt(&ok);
    if (!ok || v < min || v > max) {
        *error = tr("--%1 must be an integer between %2 and %3.").arg(name).arg(min).arg(max);
        return false;
    }
    *out = v;
    return true;
}

} // namespace

int main(int argc, char *argv[])
{
    // Before any thread starts: the main thread alone receives the stop signals.
    Platform::prepareStopSignals();
    QCoreApplication app(argc, argv);
    QCoreApplication::setOrganizationName(QStringLiteral("Batchdesk"));
    QCoreApplication::setApplicationName(QStringLiteral("batchdesk-sandbox"));
    QCoreApplication::setApplicationVersion(applicationVersion());

    QCommandLineParser parser;
    parser.setApplicationDescription(tr(
        "A local server speaking the batch APIs of OpenAI, DeepInfra, Groq, Together, Nebius, Azure OpenAI,\n"
        "Anthropic, Mistral and Gemini: the --dialect one at the root (/v1; Azure /openai, Gemini /v1beta),\n"
        "each of them also under its own prefix (/anthropic/v1, /gemini/v1beta, /azure/openai, ...).\n"
        "Models: sandbox/echo (chat, completions), sandbox/embed (embeddings).\n"
        "Real-time: POST /v1/chat/completions, /v1/embeddings, /v1/completions (also under the\n"
        "OpenAI-family prefixes) take a batch line's body; GET /sandbox/realtime/stats tells what\n"
        "they served.\n"
        "A line containing [[fail]] fails with HTTP 500, [[fail:NNN]] with status NNN; a real-time request\n"
        "containing [[429]] is answered 429 with Retry-After the first time, then normally.\n"
        "Runs until SIGINT or SIGTERM."));
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addOptions({
        {QStringLiteral("host"), tr("Address to listen on (default 127.0.0.1)."), QStringLiteral("HOST"),
         QStringLiteral("127.0.0.1")},
        {QStringLiteral("port"), tr("Port to listen on; 0 takes a free port (default 0)."),
         QStringLiteral("N"), QStringLiteral("0")},
        {QStringLiteral("print-port"), tr("Print the port number as the first line on stdout.")},
        {QStringLiteral("data-dir"),
         tr("Directory for the state and files (default: a temporary directory)."), QStringLiteral("DIR")},
        {QStringLiteral("api-key"),
         tr("Require 'Authorization: Bearer KEY' on every request. Visible to other users in the process "
            "list: prefer BATCHDESK_SANDBOX_KEY or --api-key-file."),
         QStringLiteral("KEY")},
        {QStringLiteral("api-key-file"), tr("Read the key from the first line of FILE."),
         QStringLiteral("FILE")},
        {QStringLiteral("print-key"),
         tr("Print the key on stdout (after the port with --print-port); useful with a generated key.")},
        {QStringLiteral("latency-ms"), tr("Time each request line takes to execute (default 50)."),
         QStringLiteral("N")},
        {QStringLiteral("concurrency"), tr("Lines of a batch executed at the same time (default 4)."),
         QStringLiteral("N")},
        {QStringLiteral("realtime-latency-ms"), tr("Time each real-time request takes (default 0)."),
         QStringLiteral("N")},
        {QStringLiteral("window-seconds"), tr("Completion window in seconds (default 86400)."),
         QStringLiteral("N")},
        {QStringLiteral("fail-rate-429"), tr("Share (0..1) of requests answered 429 with Retry-After."),
         QStringLiteral("F")},
        {QStringLiteral("retry-after"), tr("Retry-After seconds on injected 429s (default 1)."),
         QStringLiteral("S")},
        {QStringLiteral("fail-rate-500"), tr("Share (0..1) of requests answered 500."), QStringLiteral("F")},
        {QStringLiteral("drop-rate"),
         tr("Share (0..1) of requests whose connection is closed without a response, after the request was "
            "applied."),
         QStringLiteral("F")},
        {QStringLiteral("slow-ms"), tr("Delay added before every response."), QStringLiteral("N")},
        {QStringLiteral("dialect"),
         tr("The API served at the root: %1 (default openai).")
             .arg(Sandbox::SandboxServer::dialects().join(QStringLiteral(", "))),
         QStringLiteral("NAME"), QStringLiteral("openai")},
    });
    parser.process(app);

    if (!parser.positionalArguments().isEmpty()) {
        std::fprintf(stderr, "%s\n",
                     qPrintable(tr("batchdesk-sandbox: unexpected argument '%1'.\n\n%2")
                                    .arg(parser.positionalArguments().first(), parser.helpText())));
        return 2;
    }

    Sandbox::SandboxConfig config;
    config.host = parser.value(QStringLiteral("host"));
    config.dataDir = parser.value(QStringLiteral("data-dir"));
    // The key: --api-key, --api-key-file, $BATCHDESK_SANDBOX_KEY, or a random one for this run. The server
    // never runs open: any local user could otherwise read and delete this user's files.
    if (parser.isSet(QStringLiteral("api-key"))) {
        config.apiKey = parser.value(QStringLiteral("api-key"));
    } else if (parser.isSet(QStringLiteral("api-key-file"))) {
        QFile file(parser.value(QStringLiteral("api-key-file")));
        if (!file.open(QIODevice::ReadOnly)) {
            std::fprintf(stderr, "batchdesk-sandbox: cannot read %s: %s\n", qPrintable(file.fileName()),
                         qPrintable(file.errorString()));
            return 2;
        }
        config.apiKey = QString::fromUtf8(file.readLine(4096)).trimmed();
    } else {
        config.apiKey = qEnvironmentVariable("BATCHDESK_SANDBOX_KEY").trimmed();
    }
    bool generatedKey = false;
    if (config.apiKey.isEmpty()) {
        if (parser.isSet(QStringLiteral("api-key")) || parser.isSet(QStringLiteral("api-key-file"))) {
            std::fprintf(stderr, "batchdesk-sandbox: the API key is empty.\n");
            return 2;
        }
        config.apiKey = Sandbox::SandboxServer::generateKey();
        generatedKey = true;
    }
    QString error;
    int port = 0;
    const bool valid = parseInt(parser, QStringLiteral("port"), 0, 65535, &port, &error)
        && parseInt(parser, QStringLiteral("latency-ms"), 0, 3600000, &config.latencyMs, &error)
        && parseInt(parser, QStringLiteral("concurrency"), 1, 1000, &config.concurrency, &error)
        && parseInt(parser, QStringLiteral("realtime-latency-ms"), 0, 600000, &config.realtimeLatencyMs,
                    &error)
        && parseInt(parser, QStringLiteral("window-seconds"), 1, 365 * 86400, &config.windowSeconds, &error)
        && parseRate(parser, QStringLiteral("fail-rate-429"), &config.faults.rate429, &error)
        && parseInt(parser, QStringLiteral("retry-after"), 0, 86400, &config.faults.retryAfterSeconds, &error)
        && parseRate(parser, QStringLiteral("fail-rate-500"), &config.faults.rate500, &error)
        && parseRate(parser, QStringLiteral("drop-rate"), &config.faults.dropRate, &error)
        && parseInt(parser, QStringLiteral("slow-ms"), 0, 600000, &config.faults.slowMs, &error);
    if (!valid) {
        std::fprintf(stderr, "batchdesk-sandbox: %s\n", qPrintable(error));
        return 2;
    }
    config.port = quint16(port);
    config.dialect = parser.value(QStringLiteral("dialect")).trimmed().toLower();
    if (!Sandbox::SandboxServer::dialects().contains(config.dialect)) {
        std::fprintf(stderr, "batchdesk-sandbox: %s\n",
                     qPrintable(tr("unknown dialect '%1'. Known dialects: %2.")
                                    .arg(parser.value(QStringLiteral("dialect")),
                                         Sandbox::SandboxServer::dialects().join(QStringLiteral(", ")))));
        return 2;
    }

    Sandbox::SandboxServer server(config);
    if (!server.start(&error)) {
        std::fprintf(stderr, "batchdesk-sandbox: %s\n", qPrintable(error));
        return 1;
    }
    if (parser.isSet(QStringLiteral("print-port")))
        std::printf("%u\n", unsigned(server.port()));
    if (parser.isSet(QStringLiteral("print-key")))
        std::printf("%s\n", qPrintable(config.apiKey));
    std::fflush(stdout);
    if (generatedKey && !parser.isSet(QStringLiteral("print-key")))
        std::fprintf(stderr, "batchdesk-sandbox: no key given; this run's key is %s\n",
                     qPrintable(config.apiKey));
    // The root base URL of the dialect: /v1, Azure /openai, Gemini /v1beta.
    QString rootUrl = server.baseUrl();
    if (config.dialect == QLatin1String("azure"))
        rootUrl = rootUrl.chopped(3) + QStringLiteral("/openai");
    else if (config.dialect == QLatin1String("gemini"))
        rootUrl += QStringLiteral("beta");
    std::fprintf(stderr, "batchdesk-sandbox %s listening on %s (dialect %s, also at %s; data: %s)\n",
                 qPrintable(applicationVersion()), qPrintable(rootUrl), qPrintable(config.dialect),
                 qPrintable(server.baseUrlFor(config.dialect)), qPrintable(server.dataDir()));
    std::fflush(stderr);

    Platform::waitForStopSignal();
    std::fprintf(stderr, "batchdesk-sandbox: stopping\n");
    server.stop();
    return 0;
}
