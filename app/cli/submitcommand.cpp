#include "submitcommand.h"

#include "api/types.h"
#include "clicommon.h"
#include "clioutput.h"
#include "common/paths.h"
#include "context.h"
#include "cost/estimate.h"
#include "jobscommand.h"
#include "jsonl/splitter.h"
#include "jsonl/validator.h"
#include "store/jobstore.h"

#include <QCommandLineParser>
#include <QDir>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonObject>
#include <QUuid>

namespace Batchdesk::Cli {

using namespace Batchdesk::Api;

namespace {
// A file over the limits: parts in dataDirectory()/jobs/<job>/, each validated, then submitted as one job
// (batchdesk_job / batchdesk_part metadata) by the job engine, as the app does.
int submitSplit(Context &ctx, const QString &file, const Jsonl::ValidationReport &report,
                const Jsonl::LimitProfile &profile, qint64 partLines, const CreateBatchParams &params,
                const JobRunOptions &run, int retryRounds, const QStringList &retryOutcomes,
                const RealtimeFallback &fallback, double budget,
                const std::optional<Cost::CostEstimate> &estimate)
{
    const QString jobId = Store::JobStore::newJobId();
    const QString dir = QDir(dataDirectory()).filePath(QStringLiteral("jobs/") + jobId);
    Jsonl::SplitLimits limits;
    limits.maxLines = partLines;
    const auto parts = Jsonl::splitJsonl(file, dir, QFileInfo(file).completeBaseName(), profile,
                                         report.endpoint == Jsonl::kEmbeddings, limits);
    if (!parts.ok()) {
        err(parts.errorString());
        return parts.error().code == QLatin1StringView("too_large") ? Failure : UsageError;
    }
    Jsonl::ValidationOptions vo;
    vo.profile = profile;
    vo.expectedEndpoint = report.endpoint;
    vo.buildIndex = false;
    for (const Jsonl::SplitPart &part : parts.value()) {
        const Jsonl::ValidationReport r = Jsonl::validateFile(part.path, vo);
        if (!r.isValid()) {
            err(tr("Part %1 is not valid: %2").arg(part.path, r.diagnostics.value(0).message));
            QDir(dir).removeRecursively();
            return Failure;
        }
    }
    // One job on the engine the app uses: recorded with its parts, queued under the account's limit,
    // resumable with `jobs resume` after a stop.
    Workflow::JobSpec spec;
    spec.id = jobId;
    spec.name = QFileInfo(file).fileName();
    spec.sourcePath = QFileInfo(file).absoluteFilePath();
    spec.folder = dir;
    spec.profile = profile.name;
    spec.params = params;
    spec.parts = parts.value();
    spec.retryRounds = retryRounds;
    spec.retryOutcomes = retryOutcomes;
    spec.budget = budget;
    spec.estimate = estimate;
    return runNewJob(ctx, spec, run, fallback);
}
} // namespace

int runSubmit(Context &ctx, const QStringList &args)
{
    const QString usage = QStringLiteral("batchdesk-cli submit FILE [--endpoint URL] [--metadata k=v]... "
                                         "[--description TEXT] [--output-expires S] [--completion-window W] "
                                         "[--wait] [--download DIR] [--no-split] [--max-lines N] "
                                         "[--max-in-flight N] [--retry-rounds K] [--retry-outcomes LIST] "
                                         "[--realtime-fallback NAME [--realtime-after-hours H] "
                                         "[--realtime-at-percent P]] [--budget USD]");
    QCommandLineParser p;
    const QCommandLineOption endpoint(QStringLiteral("endpoint"),
                                      tr("Batch endpoint (default: the file's url)."), tr("URL"));
    const QCommandLineOption metadata(QStringLiteral("metadata"), tr("A metadata pair (repeatable)."),
                                      tr("k=v"));
    const QCommandLineOption description(QStringLiteral("description"),
                                         tr("A description, stored in metadata."), tr("TEXT"));
    const QCommandLineOption outputExpires(QStringLiteral("output-expires"),
                                           tr("Output files expire S seconds after creation (3600-2592000)."),
                                           tr("S"));
    const QCommandLineOption profile(QStringLiteral("profile"), tr("Limit profile (default: the account's)."),
                                     tr("name"));
    const QCommandLineOption window(
        QStringLiteral("completion-window"),
        tr("Completion window, one the provider accepts (default 24h; Groq: up to 7d)."), tr("W"));
    // --wait, --download DIR, --interval S, --max-in-flight N: as for `jobs resume` (a split file is a job).
    const JobRunParser running;
    const QCommandLineOption noSplit(QStringLiteral("no-split"),
                                     tr("Refuse a file over the profile's limits instead of splitting it."));
    const QCommandLineOption maxLines(QStringLiteral("max-lines"),
                                      tr("Split into parts of at most N requests (one job)."), tr("N"));
    const QCommandLineOption retryRounds(
        QStringLiteral("retry-rounds"),
        tr("A split file: submit the requests that did not succeed again, up to K rounds (with --wait)."),
        tr("K"));
    const QCommandLineOption retryOutcomes(
        QStringLiteral("retry-outcomes"),
        tr("Which requests a retry round takes: failed,expired,cancelled,missing (default: all)."),
        tr("LIST"));
    const QCommandLineOption budget(
        QStringLiteral("budget"),
        tr("Refuse to submit when the estimated cost (input tokens, and answers up to max_tokens, at the "
           "price "
           "table's batch price) is above USD dollars; a job keeps the cap for its retry rounds."),
        tr("USD"));
    const QCommandLineOption realtimeFallback(
        QStringLiteral("realtime-fallback"),
        tr("Submit as a job whose requests left can be finished in real time on this \"Run here\" account "
           "(batchdesk-cli jobs finish-realtime), or by itself with --realtime-after-hours / "
           "--realtime-at-percent."),
        tr("NAME"));
    const QCommandLineOption realtimeAfterHours(
        QStringLiteral("realtime-after-hours"),
        tr("With --realtime-fallback: switch once the job has run H hours."), tr("H"));
    const QCommandLineOption realtimeAtPercent(
        QStringLiteral("realtime-at-percent"),
        tr("With --realtime-fallback: switch once P % of the requests have ended (1-100)."), tr("P"));
    p.addOptions({endpoint, metadata, description, outputExpires, profile, window, noSplit, maxLines,
                  retryRounds, retryOutcomes, realtimeFallback, realtimeAfterHours, realtimeAtPercent,
                  budget});
    running.add(p);
    p.addPositionalArgument(QStringLiteral("FILE"), tr("The .jsonl file to submit."));
    if (auto r = parseArgs(p, args, usage))
        return *r;
    if (p.positionalArguments().size() != 1) {
        err(tr("Usage: %1").arg(usage));
        return UsageError;
    }
    const QString file = p.positionalArguments().first();
    const auto runOptions = running.options(p);
    if (!runOptions)
        return UsageError;
    const auto md = parseMetadata(p.values(metadata));
    if (!md.ok()) {
        err(md.errorString());
        return UsageError;
    }
    // The straggler fallback: checked before anything leaves the machine.
    RealtimeFallback fallback;
    if (!p.isSet(realtimeFallback) && (p.isSet(realtimeAfterHours) || p.isSet(realtimeAtPercent))) {
        err(tr("--realtime-after-hours and --realtime-at-percent go with --realtime-fallback NAME."));
        return UsageError;
    }
    if (p.isSet(realtimeFallback)) {
        if (p.isSet(noSplit)) {
            err(tr("--realtime-fallback submits the file as a job: it cannot go with --no-split."));
            return UsageError;
        }
        if (p.isSet(realtimeAfterHours)) {
            bool ok = false;
            fallback.afterHours = p.value(realtimeAfterHours).toDouble(&ok);
            if (!ok || fallback.afterHours <= 0 || fallback.afterHours > 24 * 365) {
                err(tr("--realtime-after-hours needs a number of hours (more than 0)."));
                return UsageError;
            }
        }
        if (p.isSet(realtimeAtPercent)) {
            const auto v = intOption(p, realtimeAtPercent, 1, 100);
            if (!v)
                return UsageError;
            fallback.atPercent = *v;
        }
        const auto runHere =
            realtimeAccountFor(ctx, p.value(realtimeFallback), QStringLiteral("--realtime-fallback"));
        if (!runHere)
            return UsageError;
        fallback.accountId = runHere->id;
    }
    const auto clientResult = ctx.client();
    if (!clientResult.ok()) {
        err(clientResult.errorString());
        return UsageError;
    }

    // 1. validate: nothing leaves the machine unless the provider will accept it
    Jsonl::ValidationOptions vo;
    const QString profileName = p.isSet(profile)
        ? p.value(profile)
        : (ctx.account() ? ctx.account()->limitProfile : clientResult.value()->provider().limitProfile);
    const auto lp = Jsonl::LimitProfile::byName(profileName);
    if (!lp) {
        err(tr("Unknown profile \"%1\".").arg(profileName));
        return UsageError;
    }
    vo.profile = *lp;
    vo.expectedEndpoint = p.value(endpoint);
    vo.buildIndex = false;
    vo.maxDiagnostics = 20;
    const Jsonl::ValidationReport report = Jsonl::validateFile(file, vo);
    if (report.outcome == Jsonl::ValidationReport::Outcome::IoError) {
        err(report.ioError);
        return UsageError;
    }
    // A file valid but for its size is split into parts submitted as one job (unless --no-split).
    const auto count = [&report](Jsonl::Code c) { return report.countsByCode[std::size_t(c)]; };
    const qint64 limitErrors = count(Jsonl::Code::TooManyLines) + count(Jsonl::Code::FileTooLarge)
        + count(Jsonl::Code::TooManyEmbeddingInputs);
    const qint64 partLines = p.isSet(maxLines) ? p.value(maxLines).toLongLong() : 0;
    if (p.isSet(maxLines) && partLines <= 0) {
        err(tr("--max-lines needs a positive number."));
        return UsageError;
    }
    const bool tooLarge = report.errorCount > 0 && limitErrors == report.errorCount;
    // A job also when it has a real-time fallback (of one part when the file fits).
    const bool split = !p.isSet(noSplit)
        && (tooLarge || (partLines > 0 && report.lines > partLines)
            || (fallback.accountId > 0 && report.isValid()));
    if (!report.isValid() && !split) {
        for (const auto &d : report.diagnostics) {
            if (d.isError())
                err(QStringLiteral("%1:%2: error: %3 [%4]")
                        .arg(file)
                        .arg(d.line)
                        .arg(d.message, d.codeString()));
        }
        err(tr("%1 is not valid (%n error(s)); nothing was uploaded. See: batchdesk-cli validate %1", nullptr,
               int(report.errorCount))
                .arg(file));
        if (tooLarge)
            err(tr("Without --no-split it would be split into parts that fit, submitted as one job."));
        return Failure;
    }
    if (!ctx.options().quiet)
        err(tr("Validated %1: %2 requests, %3, %4.")
                .arg(file)
                .arg(report.lines)
                .arg(report.endpoint, report.model));

    // The budget cap: estimated before anything is uploaded; a job keeps it for its retry rounds.
    double budgetUsd = 0;
    std::optional<Cost::CostEstimate> estimate;
    if (p.isSet(budget)) {
        bool ok = false;
        budgetUsd = p.value(budget).toDouble(&ok);
        if (!ok || !(budgetUsd > 0)) {
            err(tr("--budget needs an amount of dollars (more than 0)."));
            return UsageError;
        }
        const auto cost = Cost::estimateFileCost(file, clientResult.value()->provider().id, report.model);
        if (!cost.ok()) {
            err(cost.errorString());
            return Failure;
        }
        estimate = cost.value().cost;
        QString warning;
        if (const QString refused = Cost::checkBudget(*estimate, budgetUsd, &warning); !refused.isEmpty()) {
            err(tr("%1 Nothing was uploaded.").arg(refused));
            return Failure;
        }
        if (!warning.isEmpty())
            err(warning);
        if (!ctx.options().quiet)
            err(tr("Estimated cost %1 of a budget of %2.")
                    .arg(Cost::formatDollars(estimate->total().value_or(0)), Cost::formatDollars(budgetUsd)));
    }

    // 2. upload and create: one submission, recorded so that nothing is lost or billed twice
    CreateBatchParams params;
    params.endpoint = report.endpoint;
    params.metadata = md.value();
    if (p.isSet(description))
        params.metadata.insert(QStringLiteral("description"), p.value(description));
    if (p.isSet(outputExpires))
        params.outputExpiresAfterSeconds = p.value(outputExpires).toLongLong();
    if (p.isSet(window)) {
        if (!lp->completionWindows.contains(p.value(window))) {
            err(tr("The completion window \"%1\" is not one %2 accepts: %3.")
                    .arg(p.value(window), lp->displayName, lp->completionWindows.join(QStringLiteral(", "))));
            return UsageError;
        }
        params.completionWindow = p.value(window);
    }
    // Checked before anything is uploaded (the input file id comes from the upload).
    CreateBatchParams check = params;
    check.inputFileId = QStringLiteral("file-to-upload");
    if (const QString problem = check.validate(); !problem.isEmpty()) {
        err(problem);
        return UsageError;
    }
    ctx.reconcilePendingIntents();
    if (split) {
        bool ok = false;
        const int rounds = p.isSet(retryRounds) ? p.value(retryRounds).toInt(&ok) : 0;
        if (p.isSet(retryRounds) && (!ok || rounds < 0)) {
            err(tr("--retry-rounds needs a number of rounds (0 or more)."));
            return UsageError;
        }
        const auto outcomes = Workflow::parseRetryOutcomes(p.value(retryOutcomes));
        if (!outcomes.ok()) {
            err(outcomes.errorString());
            return UsageError;
        }
        return submitSplit(ctx, file, report, *lp, partLines, params, *runOptions, rounds, outcomes.value(),
                           fallback, budgetUsd, estimate);
    }
    Batch b;
    if (const int rc = runSubmission(ctx, file, params, &b); rc != Success)
        return rc;
    if (!runOptions->wait) {
        if (ctx.json())
            printJson(b.raw);
        else
            out(b.id);
        return Success;
    }
    if (!ctx.options().quiet)
        err(tr("Created %1; waiting for it to finish.").arg(b.id));

    // 4. wait and download
    Batch final;
    const int rc = waitFor(ctx, b.id, runOptions->intervalSeconds, 0, &final);
    QStringList written;
    if (!runOptions->download.isEmpty() && final.isTerminal()) {
        const int drc = downloadResults(ctx, final, runOptions->download, &written);
        if (drc != Success)
            return drc;
    }
    if (ctx.json()) {
        QJsonObject o = final.raw;
        if (!written.isEmpty())
            o.insert(QStringLiteral("downloaded"), QJsonArray::fromStringList(written));
        printJson(o);
    } else {
        printBatch(final);
        for (const auto &w : written)
            out(tr("  downloaded:   %1").arg(w));
    }
    return rc;
}

} // namespace Batchdesk::Cli
