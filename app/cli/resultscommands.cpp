#include "resultscommands.h"

#include "api/apijob.h"
#include "buildcommand.h"
#include "clicommon.h"
#include "clioutput.h"
#include "common/paths.h"
#include "context.h"
#include "results/exporters.h"
#include "results/imagesaver.h"
#include "results/joinedresults.h"
#include "results/jsoncolumns.h"
#include "results/resultsdownload.h"
#include "store/resultsstore.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QEventLoop>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonObject>
#include <QSaveFile>

#include <memory>
#include <optional>

namespace Batchdesk::Cli {

using namespace Batchdesk::Results;

// The result files of one batch: the local copies under dataDirectory()/results/<account>/<batch id>/ when a
// complete download is there (the desktop app keeps them in the same place), otherwise they are downloaded
// there first and recorded in the store. Returns an exit code; appends the files.
int batchResultFiles(Context &ctx, const QString &batchId, QStringList *files, bool *downloaded)
{
    if (!isSafeBatchId(batchId)) {
        err(tr("\"%1\" is not a valid batch id.").arg(Api::printableId(batchId)));
        return UsageError;
    }
    const auto key = ctx.resultsKey();
    if (!key.ok()) {
        err(key.errorString());
        return UsageError;
    }
    const QString folder = resultsFolder(key.value(), batchId);
    // Trust, then verify: a folder whose files do not match their marker (cut, changed, missing) is
    // downloaded again, never joined with rows missing.
    const auto verified = verifiedResultFiles(folder, batchId, Verify::Checksum);
    if (!verified.ok() && verified.error().code != QLatin1StringView("incomplete") && !ctx.options().quiet)
        err(tr("%1 Downloading them again.").arg(verified.errorString()));
    if (!verified.ok()) {
        auto clientResult = ctx.client();
        if (!clientResult.ok()) {
            err(clientResult.errorString());
            return UsageError;
        }
        std::unique_ptr<Api::RequestJob> job(clientResult.value()->retrieveBatch(batchId));
        if (!ctx.run(job.get()))
            return ctx.reportApiError(job.get(), tr("Cannot get batch %1").arg(batchId));
        const Api::Batch b = job->batch();
        if (!b.isTerminal()) {
            err(tr("Batch %1 is %2; results are available once it has finished.").arg(b.id, b.statusText));
            return Failure;
        }
        QStringList written;
        if (const int rc = downloadResults(ctx, b, folder, &written); rc != Success)
            return rc;
        if (const auto account = ctx.account(); account && ctx.results()) {
            Store::ResultDownload record;
            record.batchId = b.id;
            record.folder = folder;
            record.outputPath =
                b.outputFileId.isEmpty() ? QString() : QDir(folder).filePath(outputFileName(b.id));
            record.errorPath =
                b.errorFileId.isEmpty() ? QString() : QDir(folder).filePath(errorFileName(b.id));
            record.outputFileId = b.outputFileId;
            record.errorFileId = b.errorFileId;
            ctx.results()->recordDownload(account->id, record);
        }
        *downloaded = true;
    }
    const auto complete = verified.ok() ? verified : verifiedResultFiles(folder, batchId, Verify::Size);
    if (!complete.ok()) {
        err(complete.errorString());
        return Failure;
    }
    *files << complete.value();
    return Success;
}

namespace {

struct Joined
{
    std::shared_ptr<const JoinedResults> results;
    QStringList files;
    bool downloaded = false;
};

// Collects the result files of every batch (later batches win) and joins them with the input.
int join(Context &ctx, const QStringList &batchIds, const QString &input, Joined *joined)
{
    if (!QFileInfo(input).isFile()) {
        err(tr("Cannot open %1: no such file.").arg(input));
        return UsageError;
    }
    for (const QString &id : batchIds) {
        if (const int rc = batchResultFiles(ctx, id, &joined->files, &joined->downloaded); rc != Success)
            return rc;
    }
    if (joined->files.isEmpty()) {
        err(tr("The batch has no output or error file: nothing to join."));
        return Failure;
    }
    auto result = JoinedResults::open(input, joined->files);
    if (!result.ok()) {
        err(result.errorString());
        return UsageError;
    }
    joined->results = result.value();
    return Success;
}

QString countsText(const JoinTotals &t)
{
    QStringList parts;
    for (int i = 0; i < kOutcomeCount; ++i) {
        if (t.outcomes[std::size_t(i)] > 0)
            parts << QStringLiteral("%1 %2").arg(t.outcomes[std::size_t(i)]).arg(outcomeName(Outcome(i)));
    }
    if (t.extraRows > 0)
        parts << QStringLiteral("%1 not in the input").arg(t.extraRows);
    return parts.join(QStringLiteral(", "));
}

// What a join found that does not fit: results for requests not sent, a custom_id twice in one output.
void warnAboutOddResults(const JoinTotals &t)
{
    if (t.extraRows > 0)
        err(tr(
            "Warning: %n result(s) are for custom_ids that are not in the input; they are listed after the "
            "input's rows and not counted.",
            nullptr, int(t.extraRows)));
    if (t.duplicateResultLines > 0)
        err(tr("Warning: %n result line(s) repeat a custom_id that came earlier in the same file; the last "
               "one is used.",
               nullptr, int(t.duplicateResultLines)));
}

QJsonObject countsJson(const std::array<qint64, kOutcomeCount> &counts)
{
    QJsonObject o;
    for (int i = 0; i < kOutcomeCount; ++i)
        o.insert(outcomeName(Outcome(i)), counts[std::size_t(i)]);
    return o;
}

} // namespace

int runResultsExport(Context &ctx, const QStringList &args)
{
    const QString usage = QStringLiteral(
        "batchdesk-cli results export BATCH_ID [BATCH_ID...] --input FILE --format csv|xlsx|jsonl|npy -o OUT "
        "[--bom] [--json-columns] [--json-path PATH] [--with-previous-stage]");
    QCommandLineParser p;
    const QCommandLineOption input(QStringList {QStringLiteral("i"), QStringLiteral("input")},
                                   tr("The batch's input file (.jsonl)."), tr("FILE"));
    const QCommandLineOption format(QStringList {QStringLiteral("f"), QStringLiteral("format")},
                                    tr("csv, xlsx, jsonl or npy (default: from the output's extension)."),
                                    tr("FORMAT"));
    const QCommandLineOption output(QStringList {QStringLiteral("o"), QStringLiteral("output")},
                                    tr("The file to write."), tr("OUT"));
    const QCommandLineOption bom(QStringLiteral("bom"),
                                 tr("CSV: start with a UTF-8 byte order mark (Excel)."));
    const QCommandLineOption rawCsv(
        QStringLiteral("no-formula-escape"),
        tr("CSV: keep cells that start with = + - @ as they are (by default they get a leading ' so that a "
           "spreadsheet does not run model output as a formula)."));
    const QCommandLineOption withPrevious(
        QStringLiteral("with-previous-stage"),
        tr("CSV: the results as a stage table with the previous stage's answers beside them "
           "(previous.response, previous.answer.*), matched by custom_id."));
    const QCommandLineOption jsonColumns(
        QStringLiteral("json-columns"),
        tr("csv, xlsx, jsonl: split the JSON answers into columns answer.<name> (from the requests' JSON "
           "schema, else from the answers) and answer_error; jsonl: add \"answer\" and \"answer_error\"."));
    const QCommandLineOption jsonPath(
        QStringLiteral("json-path"),
        tr("The object of the answer whose members become the columns (\"result\", \"items[0]\", "
           "\"$.a.b\"); implies --json-columns."),
        tr("PATH"));
    p.addOptions({input, format, output, bom, rawCsv, jsonColumns, jsonPath, withPrevious});
    p.addPositionalArgument(
        QStringLiteral("BATCH_ID"),
        tr("The batch; several batches (a batch and its resubmits): the later result wins."));
    if (auto r = parseArgs(p, args, usage))
        return *r;
    if (p.positionalArguments().isEmpty() || !p.isSet(input) || !p.isSet(output)) {
        err(tr("Usage: %1").arg(usage));
        return UsageError;
    }
    const QString outPath = p.value(output);
    QString fmt = p.value(format).toLower();
    if (fmt.isEmpty())
        fmt = QFileInfo(outPath).suffix().toLower();
    const QStringList formats {QStringLiteral("csv"), QStringLiteral("xlsx"), QStringLiteral("jsonl"),
                               QStringLiteral("npy")};
    if (!formats.contains(fmt)) {
        err(tr("Unknown format \"%1\": use csv, xlsx, jsonl or npy.").arg(fmt));
        return UsageError;
    }
    if (p.isSet(withPrevious)) {
        if (fmt != QLatin1StringView("csv")) {
            err(tr("--with-previous-stage writes CSV only."));
            return UsageError;
        }
        return exportWithPreviousStage(ctx, p.positionalArguments(), p.value(input), outPath,
                                       !p.isSet(rawCsv));
    }
    const bool withJson = p.isSet(jsonColumns) || p.isSet(jsonPath);
    JsonColumnsOptions jsonOptions;
    if (withJson) {
        if (fmt == QLatin1StringView("npy")) {
            err(tr("--json-columns and --json-path work with csv, xlsx and jsonl, not npy."));
            return UsageError;
        }
        jsonOptions.path = p.value(jsonPath);
        if (const QString error = JsonColumns::pathError(jsonOptions.path); !error.isEmpty()) {
            err(error);
            return UsageError;
        }
    }
    Joined joined;
    if (const int rc = join(ctx, p.positionalArguments(), p.value(input), &joined); rc != Success)
        return rc;
    const JoinedResults &results = *joined.results;
    ExportOptions options;
    options.csvBom = p.isSet(bom);
    options.neutralizeFormulas = !p.isSet(rawCsv);
    if (withJson) {
        options.jsonColumns = JsonColumns::discover(results, jsonOptions);
        if (options.jsonColumns.isEmpty() && !ctx.options().quiet)
            err(jsonOptions.path.isEmpty()
                    ? tr("Warning: no request has a JSON schema and no answer is a JSON object: no JSON "
                         "columns.")
                    : tr("Warning: neither the requests' JSON schema nor the answers have an object at "
                         "\"%1\": no JSON columns.")
                          .arg(jsonOptions.path));
    }
    Result<ExportReport> report = Error {};
    if (fmt == QLatin1StringView("csv"))
        report = exportCsv(results, outPath, options);
    else if (fmt == QLatin1StringView("xlsx"))
        report = exportXlsx(results, outPath, options);
    else if (fmt == QLatin1StringView("jsonl"))
        report = exportJsonl(results, outPath, options);
    else
        report = exportNpy(results, outPath, options);
    if (!report.ok()) {
        err(report.errorString());
        return report.error().code == QLatin1StringView("empty") ? Failure : UsageError;
    }
    const ExportReport &r = report.value();
    if (!ctx.options().quiet)
        warnAboutOddResults(results.totals());
    if (ctx.json()) {
        QJsonObject summary {
            {QStringLiteral("format"), fmt},
            {QStringLiteral("files"), QJsonArray::fromStringList(r.files)},
            {QStringLiteral("rows"), r.rows},
            {QStringLiteral("skipped"), r.skipped},
            {QStringLiteral("not_in_input"), results.totals().extraRows},
            {QStringLiteral("duplicate_result_lines"), results.totals().duplicateResultLines},
            {QStringLiteral("outcomes"), countsJson(results.totals().outcomes)},
            {QStringLiteral("result_files"), QJsonArray::fromStringList(joined.files)},
            {QStringLiteral("downloaded"), joined.downloaded}};
        if (withJson) {
            summary.insert(QStringLiteral("json_columns"),
                           QJsonArray::fromStringList(options.jsonColumns.names()));
            summary.insert(QStringLiteral("json_invalid"), r.jsonInvalid);
        }
        printJson(summary);
        return Success;
    }
    if (fmt == QLatin1StringView("npy")) {
        out(tr("Wrote %1 (%2 x %3 float32) and %4; %5 rows without an embedding skipped.")
                .arg(r.files.value(0))
                .arg(r.rows)
                .arg(r.columns)
                .arg(r.files.value(1))
                .arg(r.skipped));
    } else {
        out(tr("Wrote %1: %n rows", nullptr, int(r.rows)).arg(outPath) + QStringLiteral(" (")
            + countsText(results.totals()) + QStringLiteral(")."));
    }
    if (withJson && !options.jsonColumns.isEmpty()) {
        const int columns = int(options.jsonColumns.columns().size());
        out((options.jsonColumns.isFromSchema()
                 ? tr("%n JSON column(s) from the requests' schema", nullptr, columns)
                 : tr("%n JSON column(s) from the answers", nullptr, columns))
            + QStringLiteral("; ")
            + (r.jsonInvalid > 0 ? tr("%n row(s) whose answer did not parse (see answer_error).", nullptr,
                                      int(r.jsonInvalid))
                                 : tr("every answer parsed.")));
    }
    return Success;
}

// `results images BATCH_ID -o DIR`: the images of an images batch as files, the url answers listed in
// DIR/images.csv. Needs no input file: the custom_ids are in the result lines.
int runResultsImages(Context &ctx, const QStringList &args)
{
    const QString usage = QStringLiteral("batchdesk-cli results images BATCH_ID [BATCH_ID...] -o DIR");
    QCommandLineParser p;
    const QCommandLineOption output(QStringList {QStringLiteral("o"), QStringLiteral("output")},
                                    tr("The folder to write the images to (created when missing)."),
                                    tr("DIR"));
    p.addOption(output);
    p.addPositionalArgument(
        QStringLiteral("BATCH_ID"),
        tr("The batch; several batches (a batch and its resubmits) are read one after the other."));
    if (auto r = parseArgs(p, args, usage))
        return *r;
    if (p.positionalArguments().isEmpty() || !p.isSet(output)) {
        err(tr("Usage: %1").arg(usage));
        return UsageError;
    }
    QStringList files;
    bool downloaded = false;
    for (const QString &id : p.positionalArguments()) {
        if (const int rc = batchResultFiles(ctx, id, &files, &downloaded); rc != Success)
            return rc;
    }
    const QString dir = p.value(output);
    const auto saved = saveImages(files, dir);
    if (!saved.ok()) {
        err(saved.errorString());
        return saved.error().code == QLatin1StringView("empty") ? Failure : UsageError;
    }
    const ImageSaveReport &r = saved.value();
    if (!ctx.options().quiet) {
        for (const QString &problem : r.problems)
            err(tr("Warning: %1").arg(problem));
    }
    if (ctx.json()) {
        printJson(QJsonObject {
            {QStringLiteral("folder"), QDir(dir).absolutePath()},
            {QStringLiteral("files"), QJsonArray::fromStringList(r.files)},
            {QStringLiteral("images"), r.images},
            {QStringLiteral("urls"), r.urls},
            {QStringLiteral("url_list"), r.urlList.isEmpty() ? QJsonValue() : QJsonValue(r.urlList)},
            {QStringLiteral("skipped"), r.skipped},
            {QStringLiteral("result_files"), QJsonArray::fromStringList(files)},
            {QStringLiteral("downloaded"), downloaded}});
        return Success;
    }
    if (r.images > 0)
        out(tr("Wrote %n image(s) to %1", nullptr, int(r.images)).arg(QDir::toNativeSeparators(dir))
            + (r.skipped > 0 ? tr("; %n could not be decoded", nullptr, int(r.skipped)) : QString()) + u'.');
    if (r.urls > 0)
        out(tr("Listed %n image URL(s) in %1 (not downloaded).", nullptr, int(r.urls))
                .arg(QDir::toNativeSeparators(r.urlList)));
    return Success;
}

int runResubmit(Context &ctx, const QStringList &args)
{
    const QString usage =
        QStringLiteral("batchdesk-cli resubmit BATCH_ID [BATCH_ID...] --input FILE -o OUT.jsonl "
                       "[--outcomes failed,expired,cancelled,missing]");
    QCommandLineParser p;
    const QCommandLineOption input(QStringList {QStringLiteral("i"), QStringLiteral("input")},
                                   tr("The batch's input file (.jsonl)."), tr("FILE"));
    const QCommandLineOption output(QStringList {QStringLiteral("o"), QStringLiteral("output")},
                                    tr("The new input file to write."), tr("OUT"));
    const QCommandLineOption outcomes(
        QStringLiteral("outcomes"), tr("Outcomes to send again (default failed,expired,cancelled,missing)."),
        tr("LIST"));
    p.addOptions({input, output, outcomes});
    p.addPositionalArgument(
        QStringLiteral("BATCH_ID"),
        tr("The batch; several batches (a batch and its resubmits): the later result wins."));
    if (auto r = parseArgs(p, args, usage))
        return *r;
    if (p.positionalArguments().isEmpty() || !p.isSet(input) || !p.isSet(output)) {
        err(tr("Usage: %1").arg(usage));
        return UsageError;
    }
    QSet<Outcome> chosen = defaultResubmitOutcomes();
    if (p.isSet(outcomes)) {
        chosen.clear();
        for (const QString &name : p.value(outcomes).split(u',', Qt::SkipEmptyParts)) {
            const auto o = outcomeFromName(name.trimmed());
            if (!o) {
                err(tr("Unknown outcome \"%1\": use succeeded, failed, expired, cancelled or missing.")
                        .arg(name));
                return UsageError;
            }
            chosen.insert(*o);
        }
        if (chosen.isEmpty()) {
            err(tr("Usage: %1").arg(usage));
            return UsageError;
        }
    }
    Joined joined;
    if (const int rc = join(ctx, p.positionalArguments(), p.value(input), &joined); rc != Success)
        return rc;
    const QString outPath = p.value(output);
    const auto report = writeResubmit(*joined.results, outPath, chosen);
    if (!report.ok()) {
        if (report.error().code == QLatin1StringView("empty")) {
            err(tr("Nothing to resubmit: no request has one of the chosen outcomes (%1).")
                    .arg(countsText(joined.results->totals())));
            return Failure;
        }
        err(report.errorString());
        return UsageError;
    }
    const ResubmitReport &r = report.value();
    if (ctx.json()) {
        printJson(QJsonObject {{QStringLiteral("file"), outPath},
                               {QStringLiteral("lines"), r.lines},
                               {QStringLiteral("outcomes"), countsJson(r.byOutcome)}});
        return Success;
    }
    QStringList parts;
    for (int i = 0; i < kOutcomeCount; ++i) {
        if (r.byOutcome[std::size_t(i)] > 0)
            parts << QStringLiteral("%1 %2").arg(r.byOutcome[std::size_t(i)]).arg(outcomeName(Outcome(i)));
    }
    out(tr("Wrote %1: %n request lines", nullptr, int(r.lines)).arg(outPath) + QStringLiteral(" (")
        + parts.join(QStringLiteral(", ")) + QStringLiteral(")."));
    return Success;
}

// ---------------------------------------------------------------------------------------------------------------

int runResults(Context &ctx, const QStringList &args)
{
    const QString usage = QStringLiteral("batchdesk-cli results download BATCH_ID -o DIR | results export "
                                         "BATCH_ID --input FILE --format csv|xlsx|jsonl|npy -o OUT | results "
                                         "images BATCH_ID -o DIR");
    if (args.value(0) == QLatin1StringView("images"))
        return runResultsImages(ctx, args.mid(1));
    if (args.value(0) == QLatin1StringView("append-csv"))
        return runResultsAppendCsv(ctx, args.mid(1));
    if (args.value(0) == QLatin1StringView("export"))
        return runResultsExport(ctx, args.mid(1));
    if (args.value(0) != QLatin1StringView("download")) {
        err(tr("Usage: %1").arg(usage));
        return UsageError;
    }
    QCommandLineParser p;
    const QCommandLineOption output(QStringList {QStringLiteral("o"), QStringLiteral("output")},
                                    tr("Output folder."), tr("DIR"));
    p.addOption(output);
    p.addPositionalArgument(QStringLiteral("BATCH_ID"), tr("The batch."));
    if (auto r = parseArgs(p, args.mid(1), usage))
        return *r;
    if (p.positionalArguments().size() != 1 || !p.isSet(output)) {
        err(tr("Usage: %1").arg(usage));
        return UsageError;
    }
    auto clientResult = ctx.client();
    if (!clientResult.ok()) {
        err(clientResult.errorString());
        return UsageError;
    }
    std::unique_ptr<Api::RequestJob> job(
        clientResult.value()->retrieveBatch(p.positionalArguments().first()));
    if (!ctx.run(job.get()))
        return ctx.reportApiError(job.get(), tr("Cannot get batch %1").arg(p.positionalArguments().first()));
    const Api::Batch b = job->batch();
    if (!b.isTerminal()) {
        err(tr("Batch %1 is %2; results are available once it has finished.").arg(b.id, b.statusText));
        return Failure;
    }
    QStringList written;
    if (const int rc = downloadResults(ctx, b, p.value(output), &written); rc != Success)
        return rc;
    if (ctx.json()) {
        printJson(QJsonObject {{QStringLiteral("batch"), b.id},
                               {QStringLiteral("status"), b.statusText},
                               {QStringLiteral("files"), QJsonArray::fromStringList(written)}});
    } else {
        if (written.isEmpty())
            out(tr("Batch %1 (%2) has no output or error file.").arg(b.id, b.statusText));
        for (const auto &w : written)
            out(w);
    }
    return Success;
}

} // namespace Batchdesk::Cli
