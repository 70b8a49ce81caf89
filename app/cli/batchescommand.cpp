#include "batchescommand.h"

#include "api/apijob.h"
#include "clicommon.h"
#include "clioutput.h"
#include "context.h"
#include "realtime/localbatches.h"

#include <QCommandLineParser>
#include <QJsonArray>
#include <QJsonObject>

#include <memory>

namespace Batchdesk::Cli {

using namespace Batchdesk::Api;

int runBatches(Context &ctx, const QStringList &args)
{
    const QString usage = QStringLiteral("batchdesk-cli batches create --input-file ID --endpoint URL "
                                         "[--metadata k=v]... [--output-expires SECONDS] "
                                         "| list | get ID | cancel ID | wait ID");
    const QString sub = args.value(0);
    const QStringList rest = args.mid(1);
    if (!QStringList {QStringLiteral("create"), QStringLiteral("list"), QStringLiteral("get"),
                      QStringLiteral("cancel"), QStringLiteral("wait")}
             .contains(sub)) {
        err(tr("Usage: %1").arg(usage));
        return UsageError;
    }
    QCommandLineParser p;
    const QCommandLineOption inputFile(QStringLiteral("input-file"), tr("Id of the uploaded input file."),
                                       tr("ID"));
    const QCommandLineOption endpoint(QStringLiteral("endpoint"),
                                      tr("Batch endpoint, e.g. /v1/chat/completions."), tr("URL"));
    const QCommandLineOption metadata(QStringLiteral("metadata"), tr("A metadata pair (repeatable)."),
                                      tr("k=v"));
    const QCommandLineOption description(QStringLiteral("description"),
                                         tr("Shortcut for --metadata description=TEXT."), tr("TEXT"));
    const QCommandLineOption outputExpires(QStringLiteral("output-expires"),
                                           tr("Output files expire SECONDS after creation (3600-2592000)."),
                                           tr("SECONDS"));
    const QCommandLineOption interval(QStringLiteral("interval"),
                                      tr("Seconds between polls (wait; default 5)."), tr("S"),
                                      QStringLiteral("5"));
    const QCommandLineOption timeout(QStringLiteral("timeout"),
                                     tr("Give up waiting after S seconds (0 = never)."), tr("S"),
                                     QStringLiteral("0"));
    const QCommandLineOption limit(QStringLiteral("limit"), tr("Show at most N batches (list)."), tr("N"),
                                   QStringLiteral("0"));
    p.addOptions({inputFile, endpoint, metadata, description, outputExpires, interval, timeout, limit});
    p.addPositionalArgument(QStringLiteral("ID"), QString());
    if (auto r = parseArgs(p, rest, usage))
        return *r;
    const QStringList pos = p.positionalArguments();
    const bool needsId = sub == QLatin1StringView("get") || sub == QLatin1StringView("cancel")
        || sub == QLatin1StringView("wait");
    if (needsId != (pos.size() == 1)) {
        err(tr("Usage: %1").arg(usage));
        return UsageError;
    }
    auto clientResult = ctx.client();
    if (!clientResult.ok()) {
        err(clientResult.errorString());
        return UsageError;
    }
    ApiClient *client = clientResult.value();

    if (sub == QLatin1StringView("create")) {
        if (!p.isSet(inputFile) || !p.isSet(endpoint)) {
            err(tr("batches create needs --input-file ID and --endpoint URL."));
            return UsageError;
        }
        const auto md = parseMetadata(p.values(metadata));
        if (!md.ok()) {
            err(md.errorString());
            return UsageError;
        }
        CreateBatchParams params;
        params.inputFileId = p.value(inputFile);
        params.endpoint = p.value(endpoint);
        params.metadata = md.value();
        if (p.isSet(description))
            params.metadata.insert(QStringLiteral("description"), p.value(description));
        if (p.isSet(outputExpires))
            params.outputExpiresAfterSeconds = p.value(outputExpires).toLongLong();
        if (const QString problem = params.validate(); !problem.isEmpty()) {
            err(problem);
            return UsageError;
        }
        ctx.reconcilePendingIntents();
        Batch b;
        if (const int rc = runSubmission(ctx, {}, params, &b); rc != Success)
            return rc;
        if (ctx.json())
            printJson(b.raw);
        else
            printBatch(b);
        return Success;
    }
    if (sub == QLatin1StringView("list")) {
        // --limit bounds the fetch itself, not only what is printed.
        const int max = qMax(0, p.value(limit).toInt());
        std::unique_ptr<ListJob> job(client->listBatches(max > 0 ? qMin(max, 100) : 100, 0, max));
        if (!ctx.run(job.get()))
            return ctx.reportApiError(job.get(), tr("Cannot list batches"));
        const QJsonArray items = job->items();
        if (job->truncated() && !ctx.options().quiet)
            err(tr("Warning: %1").arg(job->warning()));
        if (ctx.json()) {
            printJson(QJsonObject {{QStringLiteral("data"), items}});
        } else {
            for (const auto &v : items) {
                const Batch b = Batch::fromJson(v.toObject());
                out(QStringLiteral("%1  %2  %3  %4  %5  %6")
                        .arg(b.id, field(b.statusText).leftJustified(11), when(b.createdAt),
                             field(b.endpoint), progressText(b), field(b.description())));
            }
            out(tr("%n batch(es)", nullptr, int(items.size())));
        }
        return Success;
    }
    if (sub == QLatin1StringView("get") || sub == QLatin1StringView("cancel")) {
        const bool cancel = sub == QLatin1StringView("cancel");
        std::unique_ptr<RequestJob> job(cancel ? client->cancelBatch(pos.first())
                                               : client->retrieveBatch(pos.first()));
        if (!ctx.run(job.get()))
            return ctx.reportApiError(job.get(),
                                      cancel ? tr("Cannot cancel %1").arg(pos.first())
                                             : tr("Cannot get %1").arg(pos.first()));
        if (ctx.json())
            printJson(job->result());
        else
            printBatch(job->batch());
        if (cancel && Realtime::LocalBatches::isLocalId(job->batch().id)
            && job->batch().statusText == QLatin1StringView("cancelling") && !ctx.options().quiet)
            err(tr("It runs on this computer: it ends as cancelled (keeping what finished) once the app or a "
                   "waiting command runs it, e.g. batchdesk-cli batches wait %1")
                    .arg(job->batch().id));
        return Success;
    }
    // wait
    Batch b;
    const int rc = waitFor(ctx, pos.first(), p.value(interval).toDouble(), p.value(timeout).toDouble(), &b);
    if (ctx.json() && !b.id.isEmpty())
        printJson(b.raw);
    else if (!b.id.isEmpty())
        printBatch(b);
    return rc;
}

} // namespace Batchdesk::Cli
