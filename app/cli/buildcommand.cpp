#include "buildcommand.h"

#include "api/apiclient.h"
#include "api/apijob.h"
#include "clicommon.h"
#include "clioutput.h"
#include "context.h"
#include "jsonl/csvtable.h"
#include "jsonl/requestbuilder.h"
#include "results/csvappend.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonObject>
#include <QTemporaryDir>

#include <memory>
#include <optional>
#include <utility>

namespace Batchdesk::Cli {

using namespace Batchdesk::Jsonl;

namespace {

// "@FILE" reads the file's text; anything else is the text itself.
std::optional<QString> textOrFile(const QString &value, QString *error)
{
    if (!value.startsWith(u'@'))
        return value;
    QFile f(value.mid(1));
    if (!f.open(QIODevice::ReadOnly)) {
        *error = tr("Cannot open %1: %2").arg(f.fileName(), f.errorString());
        return std::nullopt;
    }
    return QString::fromUtf8(f.readAll());
}

QString endpointFromArg(const QString &value)
{
    const QString v = value.trimmed();
    if (v == QLatin1StringView("chat"))
        return QString(kChatCompletions);
    if (v == QLatin1StringView("completions"))
        return QString(kCompletions);
    if (v == QLatin1StringView("embeddings"))
        return QString(kEmbeddings);
    return v;
}

std::optional<char> delimiterFromArg(const QString &value)
{
    const QString v = value.toLower();
    if (v == QLatin1StringView("comma") || v == QLatin1StringView(","))
        return ',';
    if (v == QLatin1StringView("semicolon") || v == QLatin1StringView(";"))
        return ';';
    if (v == QLatin1StringView("tab") || v == QLatin1StringView("\\t") || v == QLatin1StringView("\t"))
        return '\t';
    if (v == QLatin1StringView("pipe") || v == QLatin1StringView("|"))
        return '|';
    if (v == QLatin1StringView("auto"))
        return char(0);
    return std::nullopt;
}

QJsonObject diagnosticJson(const BuildDiagnostic &d)
{
    return QJsonObject {{QStringLiteral("severity"), QString::fromLatin1(severityName(d.severity))},
                        {QStringLiteral("code"), d.code},
                        {QStringLiteral("row"), d.row},
                        {QStringLiteral("line"), d.line},
                        {QStringLiteral("column"), d.column},
                        {QStringLiteral("message"), d.message}};
}

// Like compilers: "FILE:LINE: severity: message [code]" for findings about a line, "build: ..." otherwise.
void printDiagnostic(const QString &csv, const BuildDiagnostic &d)
{
    const QString where = d.line > 0 ? QStringLiteral("%1:%2").arg(csv).arg(d.line) : QStringLiteral("build");
    err(QStringLiteral("%1: %2: %3 [%4]")
            .arg(where, QString::fromLatin1(severityName(d.severity)), d.message, d.code));
}

} // namespace

int runBuild(Context &ctx, const QStringList &args)
{
    const QString usage = QStringLiteral(
        "batchdesk-cli build --csv FILE --endpoint URL --model M [--system TEXT] (--user TEXT | --template "
        "FILE) "
        "[--input-column COL]... [--id-column COL] [--param key=value]... [--profile NAME] -o OUT.jsonl");
    QCommandLineParser p;
    const QCommandLineOption csvOpt(QStringLiteral("csv"), tr("The CSV or TSV file (UTF-8, header row)."),
                                    tr("FILE"));
    const QCommandLineOption endpointOpt(
        QStringLiteral("endpoint"),
        tr("/v1/chat/completions, /v1/completions or /v1/embeddings (or chat, "
           "completions, embeddings)."),
        tr("URL"));
    const QCommandLineOption modelOpt(QStringLiteral("model"), tr("The model of every request."), tr("M"));
    const QCommandLineOption systemOpt(QStringLiteral("system"),
                                       tr("Chat: the system message template ({{column}} placeholders)."),
                                       tr("TEXT"));
    const QCommandLineOption userOpt(QStringList {QStringLiteral("user"), QStringLiteral("prompt")},
                                     tr("The user message (chat), prompt (completions) or input (embeddings) "
                                        "template, with {{column}} placeholders; {{{{ is a literal {{."),
                                     tr("TEXT"));
    const QCommandLineOption templateOpt(QStringLiteral("template"),
                                         tr("A file holding the user/prompt template text."), tr("FILE"));
    const QCommandLineOption inputOpt(
        QStringLiteral("input-column"),
        tr("Embeddings: the input is this column's value (repeat for an array)."), tr("COL"));
    const QCommandLineOption idOpt(QStringLiteral("id-column"),
                                   tr("custom_id from this column (must be unique and non-empty); default "
                                      "row-<n>, n the 1-based data row."),
                                   tr("COL"));
    const QCommandLineOption paramOpt(
        QStringLiteral("param"),
        tr("A body parameter: temperature, top_p, max_tokens, stop, response_format=json_object|json_schema, "
           "json_schema=TEXT, dimensions; any other key is added to the body (value as JSON when it parses). "
           "A value @FILE reads the file."),
        tr("key=value"));
    const QCommandLineOption extraOpt(QStringLiteral("extra"),
                                      tr("A JSON object merged into every body (@FILE reads a file)."),
                                      tr("JSON"));
    const QCommandLineOption profileOpt(
        QStringLiteral("profile"),
        tr("Limit profile: %1 (default: deepinfra).").arg(LimitProfile::names().join(QStringLiteral(", "))),
        tr("NAME"), QStringLiteral("deepinfra"));
    const QCommandLineOption outOpt(QStringList {QStringLiteral("o"), QStringLiteral("output")},
                                    tr("OUT.jsonl; OUT-001.jsonl, OUT-002.jsonl, ... when it must split."),
                                    tr("OUT"));
    const QCommandLineOption allowEmptyOpt(QStringLiteral("allow-empty"),
                                           tr("Empty cells used by a template are warnings, not errors."));
    const QCommandLineOption delimiterOpt(QStringLiteral("delimiter"),
                                          tr("comma, semicolon, tab, pipe or auto (default: detected)."),
                                          tr("D"), QStringLiteral("auto"));
    const QCommandLineOption noHeaderOpt(QStringLiteral("no-header"),
                                         tr("The first row is data; columns are column_1, column_2, ..."));
    const QCommandLineOption dryRunOpt(QStringLiteral("dry-run"),
                                       tr("Check, print the first request line and write nothing."));
    const QCommandLineOption maxLinesOpt(
        QStringLiteral("max-lines"),
        tr("Lines per file at most (below the profile's limit: smaller batches)."), tr("N"));
    const QCommandLineOption maxBytesOpt(QStringLiteral("max-bytes"),
                                         tr("Bytes per file at most (below the profile's limit)."), tr("N"));
    p.addOptions({csvOpt, endpointOpt, modelOpt, systemOpt, userOpt, templateOpt, inputOpt, idOpt, paramOpt,
                  extraOpt, profileOpt, outOpt, allowEmptyOpt, delimiterOpt, noHeaderOpt, dryRunOpt,
                  maxLinesOpt, maxBytesOpt});
    if (auto r = parseArgs(p, args, usage))
        return *r;
    if (!p.isSet(csvOpt) || !p.isSet(endpointOpt) || !p.isSet(modelOpt)
        || (!p.isSet(outOpt) && !p.isSet(dryRunOpt)) || !p.positionalArguments().isEmpty()) {
        err(tr("Usage: %1").arg(usage));
        return UsageError;
    }
    if (!p.isSet(userOpt) && !p.isSet(templateOpt) && !p.isSet(inputOpt)) {
        err(tr("build: give the template: --user TEXT (or --prompt) or --template FILE (embeddings: or "
               "--input-column COL).\n")
            + tr("Usage: %1").arg(usage));
        return UsageError;
    }
    if (p.isSet(userOpt) && p.isSet(templateOpt)) {
        err(tr("build: give --user (or --prompt) or --template, not both."));
        return UsageError;
    }
    auto profile = LimitProfile::byName(p.value(profileOpt));
    if (!profile) {
        err(tr("build: unknown profile \"%1\"; use one of %2.")
                .arg(p.value(profileOpt), LimitProfile::names().join(QStringLiteral(", "))));
        return UsageError;
    }
    for (const auto &[option, limit] :
         {std::pair {&maxLinesOpt, &profile->maxLines}, std::pair {&maxBytesOpt, &profile->maxBytes}}) {
        if (!p.isSet(*option))
            continue;
        bool ok = false;
        const qint64 n = p.value(*option).toLongLong(&ok);
        if (!ok || n <= 0) {
            err(tr("build: --%1 needs a positive number.").arg(option->names().first()));
            return UsageError;
        }
        *limit = qMin(*limit, n);
    }
    const auto delimiter = delimiterFromArg(p.value(delimiterOpt));
    if (!delimiter) {
        err(tr("build: --delimiter must be comma, semicolon, tab, pipe or auto."));
        return UsageError;
    }

    BuildSpec spec;
    spec.endpoint = endpointFromArg(p.value(endpointOpt));
    if (!profile->supportsEndpoint(spec.endpoint)) {
        err(tr("build: --endpoint must be one of %1.").arg(profile->endpoints.join(QStringLiteral(", "))));
        return UsageError;
    }
    spec.model = p.value(modelOpt);
    spec.systemTemplate = p.value(systemOpt);
    spec.userTemplate = p.value(userOpt);
    if (p.isSet(templateOpt)) {
        QString error;
        const auto text = textOrFile(QLatin1Char('@') + p.value(templateOpt), &error);
        if (!text) {
            err(tr("build: %1").arg(error));
            return UsageError;
        }
        spec.userTemplate = *text;
        if (spec.userTemplate.endsWith(u'\n')) // an editor's final newline is not part of the message
            spec.userTemplate.chop(spec.userTemplate.endsWith(QLatin1StringView("\r\n")) ? 2 : 1);
    }
    spec.inputColumns = p.values(inputOpt);
    spec.idColumn = p.value(idOpt);
    spec.allowEmptyCells = p.isSet(allowEmptyOpt);
    if (p.isSet(extraOpt)) {
        QString error;
        const auto text = textOrFile(p.value(extraOpt), &error);
        if (!text) {
            err(tr("build: %1").arg(error));
            return UsageError;
        }
        spec.extraJson = text->toUtf8();
    }
    for (const QString &pair : p.values(paramOpt)) {
        const qsizetype eq = pair.indexOf(u'=');
        if (eq <= 0) {
            err(tr("build: --param \"%1\" is not key=value.").arg(pair));
            return UsageError;
        }
        QString error;
        const auto value = textOrFile(pair.mid(eq + 1), &error);
        if (!value) {
            err(tr("build: %1").arg(error));
            return UsageError;
        }
        if (const auto problem = spec.setParameter(pair.left(eq), *value)) {
            err(tr("build: %1").arg(*problem));
            return Failure;
        }
    }

    const QString csvPath = p.value(csvOpt);
    CsvOptions csvOptions;
    csvOptions.delimiter = *delimiter;
    csvOptions.hasHeader = !p.isSet(noHeaderOpt);
    auto table = CsvTable::read(csvPath, csvOptions);
    if (!table.ok()) {
        err(tr("build: %1").arg(table.errorString()));
        return UsageError;
    }
    const RequestBuilder builder(table.value(), spec);
    const BuildCheck check = builder.check();

    QJsonArray warnings;
    QJsonArray errors;
    for (const BuildDiagnostic &d : check.diagnostics)
        (d.isError() ? errors : warnings).append(diagnosticJson(d));
    if (!ctx.json()) {
        for (const BuildDiagnostic &d : check.diagnostics)
            printDiagnostic(csvPath, d);
        if (check.truncated)
            err(tr("build: ... more findings not shown."));
    }
    if (!check.ok()) {
        if (ctx.json()) {
            printOrderedJson({{QStringLiteral("files"), QJsonArray()},
                              {QStringLiteral("rows"), table.value().rowCount()},
                              {QStringLiteral("error_count"), check.errorCount},
                              {QStringLiteral("errors"), errors},
                              {QStringLiteral("warnings"), warnings}});
        } else {
            err(tr("build: %1 error(s), %2 warning(s); nothing was written.")
                    .arg(check.errorCount)
                    .arg(check.warningCount));
        }
        return Failure;
    }
    if (p.isSet(dryRunOpt)) {
        const CsvTable &t = table.value();
        if (!ctx.json()) {
            err(tr("build: %1: %2 rows, %3 columns (%4), delimiter %5%6")
                    .arg(csvPath)
                    .arg(t.rowCount())
                    .arg(t.columnCount())
                    .arg(t.columnNames().join(QStringLiteral(", ")), delimiterName(t.delimiter()),
                         t.hadBom() ? tr(", UTF-8 BOM") : QString()));
        }
        out(QString::fromUtf8(builder.requestFor(0)));
        if (!ctx.json())
            err(tr("build: %n row(s) checked; nothing was written (--dry-run).", nullptr,
                   int(table.value().rowCount())));
        return Success;
    }

    const auto written = builder.write(p.value(outOpt), *profile);
    if (!written.ok()) {
        err(tr("build: %1").arg(written.errorString()));
        return written.error().code == QLatin1StringView("io") ? UsageError : Failure;
    }
    const BuildReport &report = written.value();
    QJsonArray files;
    for (const BuildPart &part : report.parts) {
        files.append(QJsonObject {{QStringLiteral("path"), part.path},
                                  {QStringLiteral("lines"), part.lines},
                                  {QStringLiteral("bytes"), part.bytes},
                                  {QStringLiteral("embedding_inputs"), part.embeddingInputs},
                                  {QStringLiteral("first_row"), part.firstRow},
                                  {QStringLiteral("last_row"), part.lastRow},
                                  {QStringLiteral("valid"), part.valid}});
        for (const Diagnostic &d : part.validation) {
            if (ctx.json()) {
                warnings.append(
                    QJsonObject {{QStringLiteral("severity"), QString::fromLatin1(severityName(d.severity))},
                                 {QStringLiteral("code"), d.codeString()},
                                 {QStringLiteral("file"), part.path},
                                 {QStringLiteral("line"), d.line},
                                 {QStringLiteral("message"), d.message}});
            } else {
                err(QStringLiteral("%1:%2: %3: %4 [%5]")
                        .arg(part.path)
                        .arg(d.line)
                        .arg(QString::fromLatin1(severityName(d.severity)), d.message, d.codeString()));
            }
        }
    }
    if (ctx.json()) {
        printOrderedJson({{QStringLiteral("files"), files},
                          {QStringLiteral("rows"), report.rows},
                          {QStringLiteral("manifest"), report.manifestPath},
                          {QStringLiteral("valid"), report.valid()},
                          {QStringLiteral("warnings"), warnings}});
    } else {
        for (const BuildPart &part : report.parts) {
            out(tr("Wrote %1 (%2 requests, %3 bytes)").arg(part.path).arg(part.lines).arg(part.bytes));
        }
        out(tr("Wrote %1 (maps each custom_id to its CSV row)").arg(report.manifestPath));
    }
    if (!report.valid()) {
        if (!ctx.json())
            err(tr("build: a written file did not pass validation (see above)."));
        return Failure;
    }
    return Success;
}

int runResultsAppendCsv(Context &ctx, const QStringList &args)
{
    const QString usage = QStringLiteral(
        "batchdesk-cli results append-csv [BATCH_ID...] --manifest OUT.build.json [--results FILE]... "
        "-o OUT.csv [--csv FILE] [--bom] [--neutralize-all] [--allow-changed-csv]");
    QCommandLineParser p;
    const QCommandLineOption manifestOpt(
        QStringLiteral("manifest"), tr("The build manifest written by batchdesk-cli build."), tr("FILE"));
    const QCommandLineOption resultsOpt(QStringLiteral("results"),
                                        tr("A local output or error file (repeatable; later files win)."),
                                        tr("FILE"));
    const QCommandLineOption csvOpt(QStringLiteral("csv"), tr("The CSV, when it moved since the build."),
                                    tr("FILE"));
    const QCommandLineOption outOpt(QStringList {QStringLiteral("o"), QStringLiteral("output")},
                                    tr("The CSV to write."), tr("OUT"));
    const QCommandLineOption bomOpt(QStringLiteral("bom"), tr("Start with a UTF-8 byte order mark (Excel)."));
    const QCommandLineOption neutralizeOpt(
        QStringLiteral("neutralize-all"),
        tr("Also prefix original cells starting with = + - @ with a quote (result cells always are)."));
    const QCommandLineOption changedOpt(QStringLiteral("allow-changed-csv"),
                                        tr("Do not refuse a CSV whose SHA-256 differs from the manifest's."));
    p.addOptions({manifestOpt, resultsOpt, csvOpt, outOpt, bomOpt, neutralizeOpt, changedOpt});
    p.addPositionalArgument(QStringLiteral("BATCH_ID"),
                            tr("The batches of the parts (their result files are downloaded)."));
    if (auto r = parseArgs(p, args, usage))
        return *r;
    if (!p.isSet(manifestOpt) || !p.isSet(outOpt)
        || (p.positionalArguments().isEmpty() && !p.isSet(resultsOpt))) {
        err(tr("Usage: %1").arg(usage));
        return UsageError;
    }
    QStringList files = p.values(resultsOpt);
    for (const QString &f : files) {
        if (!QFileInfo(f).isFile()) {
            err(tr("Cannot open %1: no such file.").arg(f));
            return UsageError;
        }
    }
    QTemporaryDir downloads;
    if (!p.positionalArguments().isEmpty()) {
        auto client = ctx.client();
        if (!client.ok()) {
            err(client.errorString());
            return UsageError;
        }
        for (const QString &id : p.positionalArguments()) {
            std::unique_ptr<Api::RequestJob> job(client.value()->retrieveBatch(id));
            if (!ctx.run(job.get()))
                return ctx.reportApiError(job.get(), tr("Cannot get batch %1").arg(id));
            const Api::Batch b = job->batch();
            if (!b.isTerminal()) {
                err(tr("Batch %1 is %2; results are available once it has finished.")
                        .arg(b.id, b.statusText));
                return Failure;
            }
            QStringList written;
            if (const int rc = downloadResults(ctx, b, downloads.filePath(id), &written); rc != Success)
                return rc;
            files << written;
        }
    }
    Results::CsvAppendOptions options;
    if (p.isSet(bomOpt))
        options.bom = true;
    options.neutralizeOriginal = p.isSet(neutralizeOpt);
    options.requireSameCsv = !p.isSet(changedOpt);
    const QString outPath = p.value(outOpt);
    const auto result =
        Results::appendResultsToCsv(p.value(manifestOpt), files, outPath, options, {}, p.value(csvOpt));
    if (!result.ok()) {
        err(tr("results append-csv: %1").arg(result.errorString()));
        return result.error().code == QLatin1StringView("csv_changed") ? Failure : UsageError;
    }
    const Results::CsvAppendReport &r = result.value();
    QJsonObject outcomes;
    QStringList parts;
    for (int i = 0; i < Results::kOutcomeCount; ++i) {
        const qint64 n = r.outcomes[std::size_t(i)];
        outcomes.insert(Results::outcomeName(Results::Outcome(i)), n);
        if (n > 0)
            parts << QStringLiteral("%1 %2").arg(n).arg(Results::outcomeName(Results::Outcome(i)));
    }
    if (ctx.json()) {
        printOrderedJson({{QStringLiteral("file"), outPath},
                          {QStringLiteral("csv"), r.csvPath},
                          {QStringLiteral("rows"), r.rows},
                          {QStringLiteral("outcomes"), outcomes},
                          {QStringLiteral("unmatched_results"), r.unmatchedResults},
                          {QStringLiteral("result_files"), QJsonArray::fromStringList(files)}});
    } else {
        out(tr("Wrote %1 (%2 rows: %3)").arg(outPath).arg(r.rows).arg(parts.join(QStringLiteral(", "))));
        if (r.unmatchedResults > 0)
            err(tr("%1 result(s) have a custom_id that is not a row of the CSV.").arg(r.unmatchedResults));
    }
    return Success;
}

} // namespace Batchdesk::Cli
