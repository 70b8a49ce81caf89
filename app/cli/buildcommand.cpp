#include "buildcommand.h"

#include "api/apiclient.h"
#include "api/apijob.h"
#include "clicommon.h"
#include "clioutput.h"
#include "context.h"
#include "jsonl/csvtable.h"
#include "jsonl/requestbuilder.h"
#include "results/csvappend.h"
#include "results/joinedresults.h"
#include "results/jsoncolumns.h"
#include "results/stagetable.h"
#include "resultscommands.h"
#include "store/jobstore.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>

#include <algorithm>
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

// The joined results of a stage: batches (a batch and its resubmits, later ones win) over their input file,
// or a job's parts (round 0's inputs in part order, every round's results). input overrides the job's part
// files. Returns an exit code (the error printed).
struct StageResults
{
    std::shared_ptr<const Results::JoinedResults> results;
    QStringList inputs;
    QStringList batchIds;
    QString jobId;
    QString manifest; ///< the build manifest of the inputs, when any
};

int openStage(Context &ctx, const QStringList &ids, const QString &input, StageResults *stage,
              const QString &command)
{
    QStringList files;
    bool downloaded = false;
    if (ids.size() == 1 && ids.first().startsWith(QLatin1StringView("job-"))) {
        stage->jobId = ids.first();
        const auto job = ctx.jobs() ? ctx.jobs()->job(stage->jobId) : std::nullopt;
        const auto parts =
            ctx.jobs() ? ctx.jobs()->parts(stage->jobId) : Result<QList<Store::JobPart>>(Error {});
        if (!job || !parts.ok()) {
            err(tr("%1: no job %2 on this computer (see batchdesk-cli jobs list).")
                    .arg(command, stage->jobId));
            return UsageError;
        }
        QList<Store::JobPart> sorted = parts.value();
        std::stable_sort(sorted.begin(), sorted.end(), [](const Store::JobPart &a, const Store::JobPart &b) {
            return a.round != b.round ? a.round < b.round : a.part < b.part;
        });
        for (const Store::JobPart &part : std::as_const(sorted)) {
            if (part.round == 0)
                stage->inputs << part.path;
            if (part.batchId.isEmpty())
                continue;
            if (!part.isDone()) {
                err(tr("%1: part %2 of %3 has not finished (%4); build from the job once it has.")
                        .arg(command, part.label(), stage->jobId, Store::JobPart::stateName(part.state)));
                return Failure;
            }
            stage->batchIds << part.batchId;
            if (const int rc = batchResultFiles(ctx, part.batchId, &files, &downloaded); rc != Success)
                return rc;
        }
        if (!input.isEmpty())
            stage->inputs = {input};
        stage->manifest = Results::manifestOf(stage->inputs.value(0));
        if (stage->manifest.isEmpty() && job->sourcePath.endsWith(QLatin1StringView(".jsonl")))
            stage->manifest = Results::manifestOf(job->sourcePath);
    } else {
        if (input.isEmpty()) {
            err(tr("%1: --input FILE is needed with a batch: the batch's input file.").arg(command));
            return UsageError;
        }
        for (const QString &id : ids) {
            if (id.startsWith(QLatin1StringView("job-"))) {
                err(tr("%1: give one job, or batches, not both.").arg(command));
                return UsageError;
            }
            if (const int rc = batchResultFiles(ctx, id, &files, &downloaded); rc != Success)
                return rc;
        }
        stage->batchIds = ids;
        stage->inputs = {input};
        stage->manifest = Results::manifestOf(input);
    }
    for (const QString &path : std::as_const(stage->inputs)) {
        if (!QFileInfo(path).isFile()) {
            err(tr("Cannot open %1: no such file.").arg(path));
            return UsageError;
        }
    }
    if (stage->inputs.isEmpty() || files.isEmpty()) {
        err(tr("%1: the results have no output or error file: nothing to build from.").arg(command));
        return Failure;
    }
    auto joined = Results::JoinedResults::open(stage->inputs, files);
    if (!joined.ok()) {
        err(tr("%1: %2").arg(command, joined.errorString()));
        return UsageError;
    }
    stage->results = joined.value();
    return Success;
}

Results::JsonColumns discoverColumns(const Results::JoinedResults &results, const QString &jsonPath)
{
    Results::JsonColumnsOptions options;
    options.path = jsonPath;
    return Results::JsonColumns::discover(results, options);
}

} // namespace

int runBuild(Context &ctx, const QStringList &args)
{
    const QString usage = QStringLiteral(
        "batchdesk-cli build (--csv FILE | --results BATCH_OR_JOB [--input FILE] [--json-path PATH] "
        "[--all-rows]) --endpoint URL --model M [--system TEXT] (--user TEXT | --template FILE) "
        "[--input-column COL]... [--id-column COL] [--param key=value]... [--profile NAME] -o OUT.jsonl");
    QCommandLineParser p;
    const QCommandLineOption csvOpt(QStringLiteral("csv"), tr("The CSV or TSV file (UTF-8, header row)."),
                                    tr("FILE"));
    const QCommandLineOption resultsOpt(
        QStringLiteral("results"),
        tr("Build the next stage from the results of a batch (repeat for its resubmits; later ones win) or "
           "of a job (job-…): columns custom_id, outcome, model, request, response, finish_reason, "
           "input_tokens, output_tokens, error, answer.<name> for the JSON answers, and the original CSV's "
           "columns."),
        tr("BATCH_OR_JOB"));
    const QCommandLineOption stageInputOpt(
        QStringLiteral("input"), tr("With --results: the batch's input file (a job's parts are known)."),
        tr("FILE"));
    const QCommandLineOption jsonPathOpt(
        QStringLiteral("json-path"),
        tr("With --results: the object of the JSON answers whose members become answer.* columns (e.g. "
           "result or items[0]; default: the whole answer)."),
        tr("PATH"));
    const QCommandLineOption allRowsOpt(QStringLiteral("all-rows"),
                                        tr("With --results: every request, not only the succeeded ones."));
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
    const QCommandLineOption dryRunOpt(
        QStringLiteral("dry-run"),
        tr("Check, print the first request line and write nothing (with --results: print the table's "
           "columns; the template is then optional)."));
    const QCommandLineOption maxLinesOpt(
        QStringLiteral("max-lines"),
        tr("Lines per file at most (below the profile's limit: smaller batches)."), tr("N"));
    const QCommandLineOption maxBytesOpt(QStringLiteral("max-bytes"),
                                         tr("Bytes per file at most (below the profile's limit)."), tr("N"));
    p.addOptions({csvOpt,      resultsOpt, stageInputOpt, jsonPathOpt, allRowsOpt,    endpointOpt,
                  modelOpt,    systemOpt,  userOpt,       templateOpt, inputOpt,      idOpt,
                  paramOpt,    extraOpt,   profileOpt,    outOpt,      allowEmptyOpt, delimiterOpt,
                  noHeaderOpt, dryRunOpt,  maxLinesOpt,   maxBytesOpt});
    if (auto r = parseArgs(p, args, usage))
        return *r;
    const bool fromResults = p.isSet(resultsOpt);
    if (p.isSet(csvOpt) == fromResults || !p.isSet(endpointOpt) || !p.isSet(modelOpt)
        || (!p.isSet(outOpt) && !p.isSet(dryRunOpt)) || !p.positionalArguments().isEmpty()) {
        err(tr("Usage: %1").arg(usage));
        return UsageError;
    }
    if (!fromResults && (p.isSet(stageInputOpt) || p.isSet(jsonPathOpt) || p.isSet(allRowsOpt))) {
        err(tr("build: --input, --json-path and --all-rows go with --results."));
        return UsageError;
    }
    const bool templateOptional = fromResults && p.isSet(dryRunOpt);
    if (!p.isSet(userOpt) && !p.isSet(templateOpt) && !p.isSet(inputOpt) && !templateOptional) {
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

    QString csvPath = p.value(csvOpt);
    Result<CsvTable> table = Error {};
    Results::StageInfo stageInfo;
    if (fromResults) {
        StageResults stage;
        if (const int rc =
                openStage(ctx, p.values(resultsOpt), p.value(stageInputOpt), &stage, QStringLiteral("build"));
            rc != Success)
            return rc;
        const Results::JsonColumns columns = discoverColumns(*stage.results, p.value(jsonPathOpt));
        Results::StageOptions stageOptions;
        stageOptions.allRows = p.isSet(allRowsOpt);
        stageOptions.manifestPath = stage.manifest;
        table = Results::stageTable(*stage.results, columns, stageOptions, {}, &stageInfo);
        if (!table.ok()) {
            err(tr("build: %1").arg(table.errorString()));
            return UsageError;
        }
        csvPath = stage.jobId.isEmpty() ? tr("results of %1").arg(stage.batchIds.join(QStringLiteral(", ")))
                                        : tr("results of %1").arg(stage.jobId);
        if (!ctx.options().quiet) {
            if (!stageInfo.csvProblem.isEmpty())
                err(tr("build: warning: %1").arg(stageInfo.csvProblem));
            if (stageInfo.invalidAnswers > 0)
                err(tr(
                    "build: warning: %n answer(s) are not JSON; their answer.* cells are empty (a template "
                    "using them needs --allow-empty).",
                    nullptr, int(stageInfo.invalidAnswers)));
        }
        if (spec.idColumn.isEmpty())
            spec.idColumn = QStringLiteral("custom_id"); // stage 2's results join stage 1's by custom_id
        spec.source = Results::nextStageLink(stage.batchIds, stage.jobId, stage.inputs.value(0)).toJson();
        if (p.isSet(dryRunOpt)) {
            const CsvTable &t = table.value();
            if (ctx.json()) {
                QJsonObject o {{QStringLiteral("columns"), QJsonArray::fromStringList(t.columnNames())},
                               {QStringLiteral("rows"), t.rowCount()},
                               {QStringLiteral("skipped"), stageInfo.skipped},
                               {QStringLiteral("invalid_json"), stageInfo.invalidAnswers},
                               {QStringLiteral("csv"), stageInfo.csvPath},
                               {QStringLiteral("stage"), spec.source.value(QLatin1StringView("stage"))}};
                if (!spec.userTemplate.isEmpty() || !spec.inputColumns.isEmpty())
                    o.insert(QStringLiteral("request"),
                             QJsonDocument::fromJson(RequestBuilder(t, spec).requestFor(0)).object());
                printJson(o);
                return Success;
            }
            for (const QString &name : t.columnNames())
                out(name);
            err(tr("build: %1: %2 rows (%3 left out), %4 columns; stage %5")
                    .arg(csvPath)
                    .arg(t.rowCount())
                    .arg(stageInfo.skipped)
                    .arg(t.columnCount())
                    .arg(spec.source.value(QLatin1StringView("stage")).toInt()));
            if (spec.userTemplate.isEmpty() && spec.inputColumns.isEmpty())
                return Success;
        }
    } else {
        CsvOptions csvOptions;
        csvOptions.delimiter = *delimiter;
        csvOptions.hasHeader = !p.isSet(noHeaderOpt);
        table = CsvTable::read(csvPath, csvOptions);
        if (!table.ok()) {
            err(tr("build: %1").arg(table.errorString()));
            return UsageError;
        }
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
        if (!ctx.json() && !fromResults) {
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

int exportWithPreviousStage(Context &ctx, const QStringList &ids, const QString &input,
                            const QString &outPath, bool neutralizeFormulas)
{
    const QString command = QStringLiteral("results export");
    StageResults stage;
    if (const int rc = openStage(ctx, ids, input, &stage, command); rc != Success)
        return rc;
    const auto link = Results::previousStage(stage.inputs.value(0));
    if (!link) {
        err(tr("%1: %2 was not built from the results of an earlier stage (its build manifest has no "
               "stage link).")
                .arg(command, stage.inputs.value(0)));
        return Failure;
    }
    StageResults previous;
    if (const int rc = openStage(ctx, link->jobId.isEmpty() ? link->batchIds : QStringList {link->jobId},
                                 link->jobId.isEmpty() ? link->inputPath : QString(), &previous, command);
        rc != Success)
        return rc;
    Results::StageOptions options;
    options.allRows = true;
    options.manifestPath = stage.manifest;
    const auto table = Results::stageTable(*stage.results, discoverColumns(*stage.results, {}), options);
    if (!table.ok()) {
        err(tr("%1: %2").arg(command, table.errorString()));
        return UsageError;
    }
    const auto both =
        Results::withPreviousStage(table.value(), *previous.results, discoverColumns(*previous.results, {}));
    if (!both.ok()) {
        err(tr("%1: %2").arg(command, both.errorString()));
        return UsageError;
    }
    const auto written = Results::writeTableCsv(both.value(), outPath, neutralizeFormulas);
    if (!written.ok()) {
        err(tr("%1: %2").arg(command, written.errorString()));
        return UsageError;
    }
    if (ctx.json()) {
        printOrderedJson(
            {{QStringLiteral("file"), outPath},
             {QStringLiteral("rows"), both.value().rowCount()},
             {QStringLiteral("columns"), QJsonArray::fromStringList(both.value().columnNames())},
             {QStringLiteral("stage"), link->stage},
             {QStringLiteral("previous_batch_ids"), QJsonArray::fromStringList(previous.batchIds)},
             {QStringLiteral("previous_job_id"), link->jobId}});
    } else {
        out(tr("Wrote %1: %n rows of stage %2 beside stage %3's answers", nullptr,
               int(both.value().rowCount()))
                .arg(outPath)
                .arg(link->stage)
                .arg(link->stage - 1));
    }
    return Success;
}

} // namespace Batchdesk::Cli
