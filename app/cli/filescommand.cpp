#include "filescommand.h"

#include "api/apijob.h"
#include "clicommon.h"
#include "clioutput.h"
#include "context.h"

#include <QCommandLineParser>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonObject>
#include <QSet>

#include <cstdio>
#include <memory>
#include <optional>

namespace Batchdesk::Cli {

using namespace Batchdesk::Api;

namespace {

void printFile(const FileObject &f)
{
    out(QStringLiteral("%1  %2  %3  %4  %5  expires %6")
            .arg(f.id, field(f.purpose), bytes(f.bytes), when(f.createdAt), field(f.filename),
                 f.expiresAt ? when(*f.expiresAt) : QStringLiteral("-")));
}

// files list --orphans: the uploads recorded by submit that no batch used, as far as the server still has
// them.
int listOrphans(Context &ctx, ApiClient *client)
{
    if (!ctx.intents()) {
        err(tr("The local records cannot be opened: %1").arg(ctx.database().errorString()));
        return UsageError;
    }
    const auto recorded = ctx.intents()->orphanUploads(ctx.scopeAccountId(), ctx.scopeOrigin());
    if (!recorded.ok()) {
        err(recorded.errorString());
        return UsageError;
    }
    QList<Store::Upload> orphans = recorded.value();
    if (!orphans.isEmpty()) {
        // Only what the server still has: the others were deleted (or expired) meanwhile.
        std::unique_ptr<ListJob> job(client->listFiles());
        if (!ctx.run(job.get()))
            return ctx.reportApiError(job.get(), tr("Cannot list files"));
        QSet<QString> present;
        for (const FileObject &f : job->files())
            present.insert(f.id);
        if (!job->truncated()) {
            for (auto it = orphans.begin(); it != orphans.end();) {
                if (present.contains(it->fileId)) {
                    ++it;
                    continue;
                }
                ctx.intents()->markUploadDeleted(ctx.scopeAccountId(), ctx.scopeOrigin(), it->fileId);
                it = orphans.erase(it);
            }
        }
    }
    if (ctx.json()) {
        QJsonArray data;
        for (const Store::Upload &u : std::as_const(orphans))
            data.append(QJsonObject {{QStringLiteral("id"), u.fileId},
                                     {QStringLiteral("bytes"), u.bytes},
                                     {QStringLiteral("uploaded_at"), u.uploadedAt},
                                     {QStringLiteral("input_path"), u.inputPath}});
        printJson(QJsonObject {{QStringLiteral("data"), data}});
        return Success;
    }
    qint64 total = 0;
    for (const Store::Upload &u : std::as_const(orphans)) {
        out(QStringLiteral("%1  %2  %3  %4").arg(u.fileId, bytes(u.bytes), when(u.uploadedAt), u.inputPath));
        total += u.bytes;
    }
    if (orphans.isEmpty())
        out(tr("No uploaded input file is left without a batch."));
    else
        out(tr("%n uploaded file(s) (%1) used by no batch; delete with: batchdesk-cli files delete ID",
               nullptr, int(orphans.size()))
                .arg(bytes(total)));
    return Success;
}

} // namespace

int runFiles(Context &ctx, const QStringList &args)
{
    const QString usage =
        QStringLiteral("batchdesk-cli files upload FILE [--expires SECONDS] | list "
                       "[--purpose P] [--orphans] | get ID | delete ID | content ID -o OUT");
    const QString sub = args.value(0);
    const QStringList rest = args.mid(1);
    if (!QStringList {QStringLiteral("upload"), QStringLiteral("list"), QStringLiteral("get"),
                      QStringLiteral("delete"), QStringLiteral("content")}
             .contains(sub)) {
        err(tr("Usage: %1").arg(usage));
        return UsageError;
    }
    QCommandLineParser p;
    const QCommandLineOption expires(QStringLiteral("expires"),
                                     tr("Delete the file after SECONDS (3600-2592000)."), tr("SECONDS"));
    const QCommandLineOption purpose(QStringLiteral("purpose"), tr("Only files with this purpose."), tr("P"));
    const QCommandLineOption output(QStringList {QStringLiteral("o"), QStringLiteral("output")},
                                    tr("Output file."), tr("OUT"));
    const QCommandLineOption orphans(
        QStringLiteral("orphans"),
        tr("Only input files uploaded for a submission that created no batch (it "
           "failed or was interrupted): they can be deleted."));
    p.addOptions({expires, purpose, output, orphans});
    p.addPositionalArgument(QStringLiteral("ARG"), QString());
    if (auto r = parseArgs(p, rest, usage))
        return *r;
    const QStringList pos = p.positionalArguments();
    const bool needsArg = sub != QLatin1StringView("list");
    if (needsArg != (pos.size() == 1) || (sub == QLatin1StringView("content") && !p.isSet(output))) {
        err(tr("Usage: %1").arg(usage));
        return UsageError;
    }
    auto clientResult = ctx.client();
    if (!clientResult.ok()) {
        err(clientResult.errorString());
        return UsageError;
    }
    ApiClient *client = clientResult.value();

    if (sub == QLatin1StringView("upload")) {
        if (!QFileInfo(pos.first()).isFile()) {
            err(tr("Cannot read %1: no such file.").arg(pos.first()));
            return UsageError;
        }
        std::optional<qint64> exp;
        if (p.isSet(expires))
            exp = p.value(expires).toLongLong();
        std::unique_ptr<UploadFileJob> job(client->uploadFile(pos.first(), exp));
        if (!ctx.options().quiet && stderrIsTerminal()) {
            QObject::connect(job.get(), &ApiJob::progress, job.get(), [](qint64 done, qint64 total) {
                if (total > 0)
                    std::fprintf(stderr, "\r\033[KUploading %lld%%",
                                 static_cast<long long>(done * 100 / total));
            });
        }
        const bool ok = ctx.run(job.get());
        if (!ctx.options().quiet && stderrIsTerminal())
            std::fputc('\n', stderr);
        if (!ok)
            return ctx.reportApiError(job.get(), tr("Cannot upload %1").arg(pos.first()));
        if (ctx.json())
            printJson(job->result());
        else
            printFile(job->file());
        return Success;
    }
    if (sub == QLatin1StringView("list") && p.isSet(orphans))
        return listOrphans(ctx, client);
    if (sub == QLatin1StringView("list")) {
        std::unique_ptr<ListJob> job(client->listFiles(p.value(purpose)));
        if (!ctx.run(job.get()))
            return ctx.reportApiError(job.get(), tr("Cannot list files"));
        if (job->truncated() && !ctx.options().quiet)
            err(tr("Warning: %1").arg(job->warning()));
        if (ctx.json()) {
            printJson(QJsonObject {{QStringLiteral("data"), job->items()}});
        } else {
            qint64 total = 0;
            for (const auto &f : job->files()) {
                printFile(f);
                total += f.bytes;
            }
            out(tr("%n file(s), %1 in all", nullptr, int(job->items().size())).arg(bytes(total)));
        }
        return Success;
    }
    if (sub == QLatin1StringView("get") || sub == QLatin1StringView("delete")) {
        const bool del = sub == QLatin1StringView("delete");
        std::unique_ptr<RequestJob> job(del ? client->deleteFile(pos.first())
                                            : client->retrieveFile(pos.first()));
        if (!ctx.run(job.get()))
            return ctx.reportApiError(job.get(),
                                      del ? tr("Cannot delete %1").arg(pos.first())
                                          : tr("Cannot get %1").arg(pos.first()));
        if (del && ctx.intents())
            ctx.intents()->markUploadDeleted(ctx.scopeAccountId(), ctx.scopeOrigin(), pos.first());
        if (ctx.json())
            printJson(job->result());
        else if (del)
            out(tr("Deleted %1.").arg(pos.first()));
        else
            printFile(job->file());
        return Success;
    }
    // content
    std::unique_ptr<FileContentJob> job(client->downloadFileContent(pos.first(), p.value(output)));
    if (!ctx.run(job.get()))
        return ctx.reportApiError(job.get(), tr("Cannot download %1").arg(pos.first()));
    if (!ctx.options().quiet)
        err(tr("Wrote %1 (%2).").arg(p.value(output), bytes(job->bytesWritten())));
    return Success;
}

} // namespace Batchdesk::Cli
