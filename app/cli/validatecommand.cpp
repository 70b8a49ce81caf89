#include "validatecommand.h"

#include "clioutput.h"
#include "jsonl/validator.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonObject>
#include <QLocale>

namespace Batchdesk::Cli {

namespace {
QString tr(const char *text)
{
    return QCoreApplication::translate("Batchdesk::Cli", text);
}

QJsonValue orNull(const QString &s)
{
    return s.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(s);
}
} // namespace

int runValidate(const QStringList &arguments)
{
    using namespace Batchdesk::Jsonl;
    QCommandLineParser parser;
    parser.setApplicationDescription(tr("Check a batch input file against the provider's rules and limits."));
    parser.addHelpOption();
    const QCommandLineOption profileOption(
        QStringLiteral("profile"),
        tr("Limit profile: %1 (default: deepinfra).").arg(LimitProfile::names().join(QStringLiteral(", "))),
        tr("name"), QStringLiteral("deepinfra"));
    const QCommandLineOption endpointOption(QStringLiteral("endpoint"),
                                            tr("The batch endpoint every line's url must equal."), tr("url"));
    const QCommandLineOption jsonOption(QStringLiteral("json"), tr("Print one JSON object instead of text."));
    const QCommandLineOption maxOption(QStringLiteral("max-diagnostics"),
                                       tr("Detailed diagnostics to print at most (default 10000)."), tr("n"),
                                       QStringLiteral("10000"));
    parser.addOptions({profileOption, endpointOption, jsonOption, maxOption});
    parser.addPositionalArgument(QStringLiteral("FILE"), tr("The .jsonl file to validate."));
    if (!parser.parse(arguments)) {
        err(parser.errorText());
        return UsageError;
    }
    if (parser.isSet(QStringLiteral("help"))) {
        out(parser.helpText().replace(QCoreApplication::applicationFilePath(),
                                      QStringLiteral("batchdesk-cli")));
        return Success;
    }
    const QStringList files = parser.positionalArguments();
    if (files.size() != 1) {
        err(tr("validate: expected exactly one FILE (see batchdesk-cli validate --help)."));
        return UsageError;
    }
    ValidationOptions options;
    const auto profile = LimitProfile::byName(parser.value(profileOption));
    if (!profile) {
        err(tr("validate: unknown profile \"%1\"; use one of %2.")
                .arg(parser.value(profileOption), LimitProfile::names().join(QStringLiteral(", "))));
        return UsageError;
    }
    options.profile = *profile;
    if (parser.isSet(endpointOption)) {
        options.expectedEndpoint = parser.value(endpointOption);
        if (!options.profile.supportsEndpoint(options.expectedEndpoint)) {
            err(tr("validate: --endpoint must be one of %1.")
                    .arg(options.profile.endpoints.join(QStringLiteral(", "))));
            return UsageError;
        }
    }
    bool ok = false;
    options.maxDiagnostics = parser.value(maxOption).toInt(&ok);
    if (!ok || options.maxDiagnostics < 0) {
        err(tr("validate: --max-diagnostics needs a number."));
        return UsageError;
    }
    options.buildIndex = false;

    const QString file = files.first();
    const ValidationReport report = validateFile(file, options);
    if (report.outcome == ValidationReport::Outcome::IoError) {
        err(tr("validate: %1").arg(report.ioError));
        return UsageError;
    }

    if (parser.isSet(jsonOption)) {
        QJsonArray diagnostics;
        for (const auto &d : report.diagnostics) {
            diagnostics.append(
                QJsonObject {{QStringLiteral("severity"), QString::fromLatin1(severityName(d.severity))},
                             {QStringLiteral("line"), d.line},
                             {QStringLiteral("code"), d.codeString()},
                             {QStringLiteral("message"), d.message}});
        }
        printOrderedJson({{QStringLiteral("file"), file},
                          {QStringLiteral("valid"), report.isValid()},
                          {QStringLiteral("lines"), report.lines},
                          {QStringLiteral("bytes"), report.bytes},
                          {QStringLiteral("endpoint"), orNull(report.endpoint)},
                          {QStringLiteral("model"), orNull(report.model)},
                          {QStringLiteral("embedding_inputs"), report.embeddingInputs},
                          {QStringLiteral("error_count"), report.errorCount},
                          {QStringLiteral("warning_count"), report.warningCount},
                          {QStringLiteral("diagnostics"), diagnostics}});
        return report.isValid() ? Success : Failure;
    }

    // Human output: one "FILE:LINE: severity: message [code]" per finding, as compilers print them, so that
    // editors can jump to the line; then a summary.
    for (const auto &d : report.diagnostics) {
        out(QStringLiteral("%1:%2: %3: %4 [%5]")
                .arg(file)
                .arg(d.line)
                .arg(QString::fromLatin1(severityName(d.severity)), d.message, d.codeString()));
    }
    if (report.diagnosticsTruncated)
        out(tr("... %1 more findings not shown (see --max-diagnostics).")
                .arg(report.errorCount + report.warningCount - report.diagnostics.size()));
    const QLocale locale;
    out(QString());
    out(tr("%1: %2").arg(file, report.isValid() ? tr("valid") : tr("INVALID")));
    out(tr("  lines:            %1 of %2")
            .arg(locale.toString(report.lines), locale.toString(report.profile.maxLines)));
    out(tr("  size:             %1 of %2 bytes")
            .arg(locale.toString(report.bytes), locale.toString(report.profile.maxBytes)));
    out(tr("  endpoint:         %1").arg(report.endpoint.isEmpty() ? tr("(none)") : report.endpoint));
    out(tr("  model:            %1").arg(report.model.isEmpty() ? tr("(none)") : report.model));
    if (report.endpoint == QLatin1StringView(kEmbeddings) || report.embeddingInputs > 0)
        out(tr("  embedding inputs: %1 of %2")
                .arg(locale.toString(report.embeddingInputs),
                     locale.toString(report.profile.maxEmbeddingInputs)));
    out(tr("  errors:           %1").arg(locale.toString(report.errorCount)));
    out(tr("  warnings:         %1").arg(locale.toString(report.warningCount)));
    out(tr("  profile:          %1").arg(report.profile.name));
    return report.isValid() ? Success : Failure;
}

} // namespace Batchdesk::Cli
