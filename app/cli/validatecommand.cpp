#include "validatecommand.h"

#include "api/provider.h"
#include "clioutput.h"
#include "cost/estimate.h"
#include "jsonl/validator.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonObject>
#include <QLocale>

namespace Batchdesk::Cli {

namespace {
QString tr(const char *text, const char *disambiguation = nullptr, int n = -1)
{
    return QCoreApplication::translate("Batchdesk::Cli", text, disambiguation, n);
}

QJsonValue orNull(const QString &s)
{
    return s.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(s);
}

QJsonValue estimateJson(const Cost::FileCost &e)
{
    const Cost::FileTokens &t = e.tokens;
    QJsonObject o {{QStringLiteral("model"), orNull(t.model)},
                   {QStringLiteral("tokenizer"), t.tokenizer.name},
                   {QStringLiteral("exact"), t.tokenizer.exact},
                   {QStringLiteral("requests"), t.requests},
                   {QStringLiteral("input_tokens"), t.inputTokens},
                   {QStringLiteral("max_output_tokens"), t.maxOutputTokens},
                   {QStringLiteral("requests_without_max_tokens"), t.unboundedOutputRequests},
                   {QStringLiteral("images"), t.images}};
    if (!t.tokenizer.exact)
        o.insert(QStringLiteral("measured_error_percent"),
                 t.tokenizer.totalErrorPercent >= 0 ? QJsonValue(
                     QJsonObject {{QStringLiteral("total"), t.tokenizer.totalErrorPercent},
                                  {QStringLiteral("request_p95"), t.tokenizer.requestErrorPercent}})
                                                    : QJsonValue());
    const Cost::CostEstimate &c = e.cost;
    o.insert(QStringLiteral("provider"), orNull(e.provider));
    if (c.price) {
        o.insert(QStringLiteral("price"),
                 QJsonObject {{QStringLiteral("model"), c.price->model},
                              {QStringLiteral("input_per_million"), c.price->inputPerMillion},
                              {QStringLiteral("output_per_million"), c.price->outputPerMillion},
                              {QStringLiteral("batch_discount_percent"), c.price->batchDiscountPercent},
                              {QStringLiteral("as_of"), c.price->asOf.toString(Qt::ISODate)},
                              {QStringLiteral("source"),
                               c.price->edited ? QStringLiteral("edited") : QStringLiteral("snapshot")}});
        o.insert(QStringLiteral("input_cost"), *c.inputCost);
        o.insert(QStringLiteral("max_output_cost"), *c.maxOutputCost);
    } else {
        o.insert(QStringLiteral("price"), QJsonValue());
    }
    o.insert(QStringLiteral("output_bounded"), t.outputBounded());
    return o;
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
    const QCommandLineOption providerOption(
        QStringLiteral("provider"),
        tr("Whose prices the cost estimate uses: a provider id (default: the profile's provider)."),
        tr("id"));
    const QCommandLineOption noEstimateOption(QStringLiteral("no-estimate"),
                                              tr("Skip the token and cost estimate."));
    parser.addOptions(
        {profileOption, endpointOption, jsonOption, maxOption, providerOption, noEstimateOption});
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

    // The estimate: tokens by the model's tokenizer, priced with the price table (nothing leaves the
    // machine).
    std::optional<Cost::FileCost> estimate;
    if (!parser.isSet(noEstimateOption) && report.completed()) {
        QString provider = parser.value(providerOption);
        if (provider.isEmpty())
            provider = Api::Provider::byId(options.profile.name) ? options.profile.name : QString();
        auto cost = Cost::estimateFileCost(file, provider);
        if (!cost.ok()) {
            err(tr("validate: %1").arg(cost.errorString()));
            return UsageError;
        }
        estimate = cost.value();
        if (!estimate->priceError.isEmpty())
            err(tr("validate: %1").arg(estimate->priceError));
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
        printOrderedJson(
            {{QStringLiteral("file"), file},
             {QStringLiteral("valid"), report.isValid()},
             {QStringLiteral("lines"), report.lines},
             {QStringLiteral("bytes"), report.bytes},
             {QStringLiteral("endpoint"), orNull(report.endpoint)},
             {QStringLiteral("model"), orNull(report.model)},
             {QStringLiteral("embedding_inputs"), report.embeddingInputs},
             {QStringLiteral("error_count"), report.errorCount},
             {QStringLiteral("warning_count"), report.warningCount},
             {QStringLiteral("estimated_input_tokens"),
              estimate ? QJsonValue(estimate->tokens.inputTokens) : QJsonValue()},
             {QStringLiteral("estimated_cost"),
              estimate && estimate->cost.total() ? QJsonValue(*estimate->cost.total()) : QJsonValue()},
             {QStringLiteral("estimate"), estimate ? estimateJson(*estimate) : QJsonValue()},
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
    if (estimate) {
        const Cost::FileTokens &t = estimate->tokens;
        const QString how = t.tokenizer.exact ? tr("%1, exact").arg(t.tokenizer.name)
            : t.tokenizer.totalErrorPercent >= 0
            ? tr("%1, measured error %2 %")
                  .arg(t.tokenizer.name, QString::number(t.tokenizer.requestErrorPercent, 'f', 1))
            : t.tokenizer.name;
        out(tr("  input tokens:     %1 (%2)").arg(locale.toString(t.inputTokens), how));
        if (t.maxOutputTokens > 0 || !t.outputBounded())
            out(tr("  output tokens:    at most %1%2")
                    .arg(locale.toString(t.maxOutputTokens),
                         t.outputBounded() ? QString()
                                           : tr(" (+ %n request(s) without max_tokens)", nullptr,
                                                int(t.unboundedOutputRequests))));
        const Cost::CostEstimate &c = estimate->cost;
        if (c.price)
            out(tr("  estimated cost:   %1 (input %2 + output up to %3; %4, %5 batch discount, prices of "
                   "%6%7)")
                    .arg(Cost::formatDollars(*c.total()), Cost::formatDollars(*c.inputCost),
                         Cost::formatDollars(*c.maxOutputCost), c.price->model,
                         QString::number(c.price->batchDiscountPercent) + QLatin1Char('%'),
                         c.price->asOf.toString(Qt::ISODate),
                         c.price->edited ? tr(", edited") : tr(", snapshot")));
        else
            out(tr("  estimated cost:   unknown: no price for %1 in the price table")
                    .arg(t.model.isEmpty() ? tr("(no model)") : t.model));
    }
    return report.isValid() ? Success : Failure;
}

} // namespace Batchdesk::Cli
