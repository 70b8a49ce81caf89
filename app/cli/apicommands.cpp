#include "apicommands.h"

#include "api/apijob.h"
#include "clioutput.h"
#include "common/filehash.h"
#include "common/paths.h"
#include "common/terminaltext.h"
#include "context.h"
#include "jsonl/splitter.h"
#include "jsonl/validator.h"
#include "platform/platform.h"
#include "results/resultsdownload.h"
#include "resultscommands.h"
#include "secrets/secretstore.h"
#include "workflow/submission.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QCryptographicHash>
#include <QDateTime>
#include <QDir>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLocale>
#include <QTextStream>
#include <QTimer>
#include <QUuid>

#include <cstdio>
#include <memory>

namespace Batchdesk::Cli {

using namespace Batchdesk::Api;

namespace {

QString tr(const char *s, const char *disambiguation = nullptr, int n = -1)
{
    return QCoreApplication::translate("Batchdesk::Cli", s, disambiguation, n);
}

bool stderrIsTerminal()
{
    return Platform::isTerminal(Platform::Stream::Stderr);
}

// A field from the server on one line: control characters and newlines escaped.
QString field(const QString &text)
{
    return terminalSafe(text, Newlines::Escape);
}

// Parses a sub-command's options; on --help prints and returns Success, on error UsageError.
std::optional<int> parse(QCommandLineParser &parser, const QStringList &args, const QString &usage)
{
    parser.addHelpOption();
    QStringList full = args;
    full.prepend(QStringLiteral("batchdesk-cli"));
    if (!parser.parse(full)) {
        err(parser.errorText() + QStringLiteral("\n") + tr("Usage: %1").arg(usage));
        return UsageError;
    }
    if (parser.isSet(QStringLiteral("help"))) {
        out(tr("Usage: %1").arg(usage));
        out(parser.helpText().section(u'\n', 1));
        return Success;
    }
    return std::nullopt;
}

QString when(qint64 secs)
{
    if (secs <= 0)
        return QStringLiteral("-");
    return QDateTime::fromSecsSinceEpoch(secs).toString(QStringLiteral("yyyy-MM-dd HH:mm"));
}

QString bytes(qint64 n)
{
    return QLocale::system().formattedDataSize(n, 1, QLocale::DataSizeSIFormat);
}

QString progressText(const Batch &b)
{
    if (!b.requestCounts)
        return QStringLiteral("-");
    const auto &c = *b.requestCounts;
    QString t = QStringLiteral("%1/%2").arg(c.completed + c.failed).arg(c.total);
    if (c.failed > 0)
        t += tr(" (%1 failed)").arg(c.failed);
    return t;
}

void printBatch(const Batch &b)
{
    out(QStringLiteral("%1  %2").arg(b.id, field(b.statusText)));
    if (!b.description().isEmpty())
        out(tr("  description:  %1").arg(field(b.description())));
    out(tr("  endpoint:     %1").arg(field(b.endpoint)));
    if (!b.model.isEmpty())
        out(tr("  model:        %1").arg(field(b.model)));
    out(tr("  input file:   %1").arg(b.inputFileId));
    out(tr("  created:      %1").arg(when(b.createdAt)));
    out(tr("  deadline:     %1").arg(when(b.deadline())));
    out(tr("  requests:     %1").arg(progressText(b)));
    if (!b.outputFileId.isEmpty())
        out(tr("  output file:  %1").arg(b.outputFileId));
    if (!b.errorFileId.isEmpty())
        out(tr("  error file:   %1").arg(b.errorFileId));
    for (auto it = b.metadata.begin(); it != b.metadata.end(); ++it) {
        if (it.key() != QLatin1StringView("description") && it.key() != Api::kClientIdKey)
            out(tr("  metadata:     %1=%2").arg(field(it.key()), field(it.value())));
    }
    for (const auto &e : b.errors)
        out(tr("  error:        %1%2 [%3]")
                .arg(e.line ? tr("line %1: ").arg(*e.line) : QString(), field(e.message), field(e.code)));
}

void printFile(const FileObject &f)
{
    out(QStringLiteral("%1  %2  %3  %4  %5  expires %6")
            .arg(f.id, field(f.purpose), bytes(f.bytes), when(f.createdAt), field(f.filename),
                 f.expiresAt ? when(*f.expiresAt) : QStringLiteral("-")));
}

Result<QString> readKeyFromStdin()
{
    QTextStream in(stdin);
    const QString key = in.readLine().trimmed();
    if (key.isEmpty())
        return Error {QStringLiteral("usage"), tr("No key on standard input.")};
    return key;
}

// Runs one submission to its end: the same Workflow::Submission the desktop app runs (upload unless path is
// empty and params.inputFileId is set, record, create, reconcile). Progress and retries go to stderr.
int runSubmission(Context &ctx, const QString &path, const CreateBatchParams &params, Batch *created)
{
    Workflow::Submission submission(ctx.client().value(), ctx.intents(),
                                    Workflow::Scope {ctx.scopeAccountId(), ctx.scopeOrigin()}, path, params);
    const bool quiet = ctx.options().quiet;
    const bool tty = stderrIsTerminal();
    QObject::connect(&submission, &Workflow::Submission::uploadProgress, &submission,
                     [quiet, tty](qint64 done, qint64 total, double) {
                         if (!quiet && tty && total > 0)
                             std::fprintf(stderr, "\r\033[KUploading %lld%%",
                                          static_cast<long long>(done * 100 / total));
                     });
    QObject::connect(&submission, &Workflow::Submission::stateChanged, &submission,
                     [&submission, &path, quiet, tty](Workflow::Submission::State state) {
                         if (state != Workflow::Submission::State::Creating || path.isEmpty() || quiet)
                             return;
                         if (tty)
                             std::fputc('\n', stderr);
                         err(tr("Uploaded as %1.").arg(submission.params().inputFileId));
                     });
    QObject::connect(&submission, &Workflow::Submission::reconciling, &submission, [quiet] {
        if (!quiet)
            err(tr("The reply was lost; checking whether the batch was created before sending again..."));
    });
    QObject::connect(
        &submission, &Workflow::Submission::retrying, &submission,
        [quiet](int retry, int delayMs, const QString &reason) {
            if (!quiet)
                err(tr("%1 - retry %2 in %3 s").arg(reason).arg(retry).arg(delayMs / 1000.0, 0, 'f', 1));
        });
    QEventLoop loop;
    QObject::connect(&submission, &Workflow::Submission::finished, &loop, &QEventLoop::quit);
    submission.start();
    if (!submission.isFinished())
        loop.exec();
    if (submission.state() == Workflow::Submission::State::Done) {
        *created = submission.batch();
        return Success;
    }
    if (tty && !quiet && submission.state() != Workflow::Submission::State::Creating && !path.isEmpty()
        && submission.params().inputFileId.isEmpty())
        std::fputc('\n', stderr);
    err(submission.errorText());
    return submission.error().kind == ApiError::Kind::Local ? UsageError : Failure;
}

// Polls a batch until it reaches a terminal state; prints progress on stderr.
int waitFor(Context &ctx, const QString &batchId, double intervalSeconds, double timeoutSeconds, Batch *final)
{
    ApiClient *client = ctx.client().value();
    QElapsedTimer elapsed;
    elapsed.start();
    QString lastLine;
    const bool tty = stderrIsTerminal();
    while (true) {
        std::unique_ptr<RequestJob> job(client->retrieveBatch(batchId));
        if (!ctx.run(job.get()))
            return ctx.reportApiError(job.get(), tr("Cannot get batch %1").arg(batchId));
        const Batch b = job->batch();
        const QString line = QStringLiteral("%1  %2  %3").arg(b.id, field(b.statusText), progressText(b));
        if (!ctx.options().quiet && line != lastLine) {
            if (tty)
                std::fprintf(stderr, "\r\033[K%s", line.toUtf8().constData()); // line is terminalSafe
            else
                err(line);
            lastLine = line;
        }
        if (b.isTerminal()) {
            if (tty && !ctx.options().quiet)
                std::fputc('\n', stderr);
            *final = b;
            return b.status() == Batch::Status::Completed ? Success : Failure;
        }
        if (timeoutSeconds > 0 && elapsed.elapsed() > timeoutSeconds * 1000) {
            if (tty)
                std::fputc('\n', stderr);
            err(tr("Batch %1 is still %2 after %3 s.").arg(b.id, b.statusText).arg(timeoutSeconds));
            *final = b;
            return Failure;
        }
        QEventLoop loop;
        QTimer::singleShot(int(intervalSeconds * 1000), &loop, &QEventLoop::quit);
        loop.exec();
    }
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

// Downloads the output and error files of a finished batch into dir (either may be absent), each streamed to
// a temporary file and renamed when whole, then the batch's ".<id>.complete" marker with sizes and checksums:
// the same download as the app's (Results::ResultsDownload). The batch id came from the server: it is checked
// before it names anything.
int downloadResults(Context &ctx, const Batch &b, const QString &dir, QStringList *written)
{
    if (!Api::isSafeServerId(b.id)) {
        err(tr("The server sent an invalid batch id \"%1\"; nothing was written.")
                .arg(Api::printableId(b.id)));
        return Failure;
    }
    ApiClient *client = ctx.client().value();
    Results::ResultsDownload download(client, b, dir);
    download.setAutoDelete(false);
    QEventLoop loop;
    QObject::connect(&download, &Results::ResultsDownload::finished, &loop, &QEventLoop::quit);
    download.start();
    if (!download.isFinished())
        loop.exec();
    if (download.failed()) {
        err(tr("Cannot download the results of %1: %2").arg(b.id, download.error().message));
        return download.error().kind == Api::ApiError::Kind::Local ? UsageError : Failure;
    }
    *written << download.files();
    return Success;
}

// ---------------------------------------------------------------------------------------------------------------

int runAccounts(Context &ctx, const QStringList &args)
{
    const QString usage = QStringLiteral(
        "batchdesk-cli accounts list | add NAME [options] | remove NAME | test [NAME] | set-key NAME");
    const QString sub = args.value(0);
    const QStringList rest = args.mid(1);
    auto db = ctx.database();
    if (!db.ok()) {
        err(db.errorString());
        return UsageError;
    }
    Store::AccountStore *accounts = ctx.accounts();

    if (sub == QLatin1StringView("list")) {
        QCommandLineParser p;
        if (auto r = parse(p, rest, QStringLiteral("batchdesk-cli accounts list [--json]")))
            return *r;
        const auto list = accounts->list();
        if (!list.ok()) {
            err(list.errorString());
            return UsageError;
        }
        if (ctx.json()) {
            QJsonArray a;
            for (const auto &acc : list.value())
                a.append(
                    QJsonObject {{QStringLiteral("name"), acc.name},
                                 {QStringLiteral("preset"), Store::presetInfo(acc.preset).id},
                                 {QStringLiteral("base_url"), acc.baseUrl.toString()},
                                 {QStringLiteral("limit_profile"), acc.limitProfile},
                                 {QStringLiteral("default_model"), acc.defaultModel},
                                 {QStringLiteral("key_source"), Store::Account::keySourceId(acc.keySource)}});
            printJson(QJsonObject {{QStringLiteral("data"), a}});
            return Success;
        }
        if (list.value().isEmpty())
            out(tr(
                "No accounts. Add one with: batchdesk-cli accounts add NAME --preset deepinfra --key-stdin"));
        for (const auto &acc : list.value()) {
            QString key = acc.keySource == Store::KeySource::Environment
                ? tr("key from $%1").arg(acc.keyEnvironmentVariable)
                : acc.keySource == Store::KeySource::None ? tr("no key")
                                                          : tr("key in keychain");
            out(QStringLiteral("%1  %2  %3  %4  %5")
                    .arg(acc.name, Store::presetInfo(acc.preset).id, acc.baseUrl.toString(), acc.limitProfile,
                         key));
        }
        return Success;
    }

    if (sub == QLatin1StringView("add")) {
        QCommandLineParser p;
        const QCommandLineOption preset(QStringLiteral("preset"),
                                        tr("deepinfra (default), openai, sandbox or custom."), tr("preset"),
                                        QStringLiteral("deepinfra"));
        const QCommandLineOption baseUrl(QStringLiteral("url"),
                                         tr("Base URL (required for custom and sandbox)."), tr("url"));
        const QCommandLineOption profile(QStringLiteral("profile"), tr("Limit profile (deepinfra, openai)."),
                                         tr("name"));
        const QCommandLineOption model(QStringLiteral("model"), tr("Default model."), tr("model"));
        const QCommandLineOption keyStdin(QStringLiteral("key-stdin"),
                                          tr("Read the API key from standard input and "
                                             "store it in the OS keychain."));
        const QCommandLineOption keyEnv(
            QStringLiteral("key-env"),
            tr("Take the key from this environment variable at each run (nothing is "
               "stored)."),
            tr("VAR"));
        const QCommandLineOption noKey(QStringLiteral("no-key"),
                                       tr("The server needs no key (e.g. a local sandbox)."));
        p.addOptions({preset, baseUrl, profile, model, keyStdin, keyEnv, noKey});
        p.addPositionalArgument(QStringLiteral("NAME"), tr("Account name."));
        const QString addUsage = QStringLiteral(
            "batchdesk-cli accounts add NAME [--preset P] [--url URL] [--profile P] [--model M] "
            "(--key-stdin | --key-env VAR | --no-key)");
        if (auto r = parse(p, rest, addUsage))
            return *r;
        if (p.positionalArguments().size() != 1) {
            err(tr("Usage: %1").arg(addUsage));
            return UsageError;
        }
        if (int(p.isSet(keyStdin)) + int(p.isSet(keyEnv)) + int(p.isSet(noKey)) != 1) {
            err(tr("Choose exactly one of --key-stdin, --key-env VAR or --no-key."));
            return UsageError;
        }
        Store::Account a;
        a.name = p.positionalArguments().first();
        a.preset = Store::presetFromId(p.value(preset));
        const Store::PresetInfo &info = Store::presetInfo(a.preset);
        a.baseUrl = p.isSet(baseUrl) ? QUrl(p.value(baseUrl)) : info.defaultBaseUrl;
        if (a.baseUrl.isEmpty()) {
            err(tr("The %1 preset needs --url.").arg(info.id));
            return UsageError;
        }
        a.limitProfile = p.isSet(profile) ? p.value(profile) : info.limitProfile;
        if (!Jsonl::LimitProfile::byName(a.limitProfile)) {
            err(tr("Unknown profile \"%1\".").arg(a.limitProfile));
            return UsageError;
        }
        a.defaultModel = p.isSet(model) ? p.value(model) : info.defaultModel;
        a.keySource = p.isSet(keyEnv) ? Store::KeySource::Environment
            : p.isSet(noKey)          ? Store::KeySource::None
                                      : Store::KeySource::Keychain;
        a.keyEnvironmentVariable = p.value(keyEnv);
        QString key;
        if (a.keySource == Store::KeySource::Keychain) {
            const auto k = readKeyFromStdin();
            if (!k.ok()) {
                err(k.errorString());
                return UsageError;
            }
            key = k.value();
        }
        const auto added = accounts->add(a);
        if (!added.ok()) {
            err(added.errorString());
            return UsageError;
        }
        if (a.keySource == Store::KeySource::Keychain) {
            const auto stored = ctx.secrets()->writeSync(added.value().secretKey(), key);
            if (!stored.ok()) {
                // Nothing half done: without its key the account is useless, so it goes too.
                accounts->remove(a.name);
                err(tr("Cannot store the key in the keychain: %1\nThe account was not added. Use --key-env "
                       "VAR "
                       "to take the key from an environment variable instead.")
                        .arg(stored.errorString()));
                return UsageError;
            }
        }
        out(tr("Added account \"%1\" (%2, %3).").arg(a.name, info.displayName, a.baseUrl.toString()));
        return Success;
    }

    if (sub == QLatin1StringView("set-key")) {
        QCommandLineParser p;
        p.addPositionalArgument(QStringLiteral("NAME"), tr("Account name."));
        if (auto r = parse(p, rest,
                           QStringLiteral("batchdesk-cli accounts set-key NAME  (key on standard input)")))
            return *r;
        const auto acc = accounts->byName(p.positionalArguments().value(0));
        if (!acc.ok()) {
            err(acc.errorString());
            return UsageError;
        }
        const auto k = readKeyFromStdin();
        if (!k.ok()) {
            err(k.errorString());
            return UsageError;
        }
        const auto stored = ctx.secrets()->writeSync(acc.value().secretKey(), k.value());
        if (!stored.ok()) {
            err(tr("Cannot store the key in the keychain: %1").arg(stored.errorString()));
            return UsageError;
        }
        Store::Account updated = acc.value();
        updated.keySource = Store::KeySource::Keychain;
        accounts->update(updated);
        out(tr("Stored the key of \"%1\" in the keychain.").arg(updated.name));
        return Success;
    }

    if (sub == QLatin1StringView("remove")) {
        QCommandLineParser p;
        p.addPositionalArgument(QStringLiteral("NAME"), tr("Account name."));
        if (auto r = parse(p, rest, QStringLiteral("batchdesk-cli accounts remove NAME")))
            return *r;
        const auto acc = accounts->byName(p.positionalArguments().value(0));
        if (!acc.ok()) {
            err(acc.errorString());
            return UsageError;
        }
        if (acc.value().keySource == Store::KeySource::Keychain) {
            const auto removed = ctx.secrets()->removeSync(acc.value().secretKey());
            if (!removed.ok())
                err(tr("Warning: the key could not be removed from the keychain: %1")
                        .arg(removed.errorString()));
        }
        const auto r = accounts->remove(acc.value().name);
        if (!r.ok()) {
            err(r.errorString());
            return UsageError;
        }
        out(tr("Removed account \"%1\".").arg(acc.value().name));
        return Success;
    }

    if (sub == QLatin1StringView("test")) {
        QCommandLineParser p;
        p.addPositionalArgument(QStringLiteral("NAME"),
                                tr("Account name (default: --account or the only one)."));
        if (auto r = parse(p, rest, QStringLiteral("batchdesk-cli accounts test [NAME]")))
            return *r;
        Result<ApiClient *> client = Error {};
        if (!p.positionalArguments().isEmpty()) {
            const auto acc = accounts->byName(p.positionalArguments().first());
            if (!acc.ok()) {
                err(acc.errorString());
                return UsageError;
            }
            client = ctx.clientFor(acc.value());
        } else {
            client = ctx.client();
        }
        if (!client.ok()) {
            err(client.errorString());
            return UsageError;
        }
        std::unique_ptr<ListJob> models(client.value()->listModels());
        std::unique_ptr<ListJob> batches(client.value()->listBatches(1, 1));
        if (!ctx.run(batches.get()))
            return ctx.reportApiError(batches.get(), tr("Connection test failed"));
        const bool haveModels = ctx.run(models.get());
        out(tr("OK: %1 answers; batches are reachable%2.")
                .arg(client.value()->baseUrl().toString(),
                     haveModels ? tr(", %n model(s) available", nullptr, int(models->items().size()))
                                : QString()));
        return Success;
    }

    err(tr("Usage: %1").arg(usage));
    return UsageError;
}

// ---------------------------------------------------------------------------------------------------------------

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
    if (auto r = parse(p, rest, usage))
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

// ---------------------------------------------------------------------------------------------------------------

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
    if (auto r = parse(p, rest, usage))
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

// ---------------------------------------------------------------------------------------------------------------

namespace {
struct WaitOptions
{
    bool wait = false;
    double interval = 5;
    QString download;
};

// A file over the limits: parts in dataDirectory()/jobs/<job>/, each validated, then submitted one after the
// other as one job (batchdesk_job / batchdesk_part metadata, as the app does for a split CSV build).
int submitSplit(Context &ctx, const QString &file, const Jsonl::ValidationReport &report,
                const Jsonl::LimitProfile &profile, qint64 partLines, const CreateBatchParams &params,
                const WaitOptions &waiting)
{
    const QString jobId = QStringLiteral("job-") + QUuid::createUuid().toString(QUuid::WithoutBraces).left(8);
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
            return Failure;
        }
    }
    const int total = int(parts.value().size());
    if (!ctx.options().quiet)
        err(tr("Split %1 into %2 parts (job %3): %4")
                .arg(file)
                .arg(total)
                .arg(jobId, QDir::toNativeSeparators(dir)));
    QList<Batch> created;
    int n = 0;
    for (const Jsonl::SplitPart &part : parts.value()) {
        CreateBatchParams p = params;
        p.metadata.insert(Api::kJobKey, jobId);
        p.metadata.insert(Api::kPartKey, QStringLiteral("%1/%2").arg(++n).arg(total));
        Batch b;
        if (const int rc = runSubmission(ctx, part.path, p, &b); rc != Success) {
            err(tr("Job %1 stopped at part %2 of %3; the parts created keep running.")
                    .arg(jobId)
                    .arg(n)
                    .arg(total));
            return rc;
        }
        created << b;
        if (!ctx.options().quiet)
            err(tr("Part %1/%2: %3 (%4 requests from line %5)")
                    .arg(n)
                    .arg(total)
                    .arg(b.id)
                    .arg(part.lines)
                    .arg(part.firstLine));
    }
    int rc = Success;
    QStringList written;
    if (waiting.wait) {
        for (Batch &b : created) {
            Batch final;
            rc = qMax(rc, waitFor(ctx, b.id, waiting.interval, 0, &final));
            b = final;
            if (!waiting.download.isEmpty() && final.isTerminal()) {
                if (const int drc = downloadResults(ctx, final, waiting.download, &written); drc != Success)
                    return drc;
            }
        }
    }
    if (ctx.json()) {
        QJsonArray batches;
        for (const Batch &b : std::as_const(created))
            batches.append(b.raw);
        QJsonObject o {{QStringLiteral("job"), jobId}, {QStringLiteral("batches"), batches}};
        if (!written.isEmpty())
            o.insert(QStringLiteral("downloaded"), QJsonArray::fromStringList(written));
        printJson(o);
    } else {
        for (const Batch &b : std::as_const(created)) {
            if (waiting.wait)
                printBatch(b);
            else
                out(b.id);
        }
        for (const auto &w : std::as_const(written))
            out(tr("  downloaded:   %1").arg(w));
    }
    return rc;
}
} // namespace

int runSubmit(Context &ctx, const QStringList &args)
{
    const QString usage = QStringLiteral("batchdesk-cli submit FILE [--endpoint URL] [--metadata k=v]... "
                                         "[--description TEXT] [--output-expires S] "
                                         "[--wait] [--download DIR] [--no-split] [--max-lines N]");
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
    const QCommandLineOption wait(QStringLiteral("wait"), tr("Wait until the batch finishes."));
    const QCommandLineOption download(
        QStringLiteral("download"),
        tr("When finished, download the output and error files to DIR (implies --wait)."), tr("DIR"));
    const QCommandLineOption interval(QStringLiteral("interval"), tr("Seconds between polls (default 5)."),
                                      tr("S"), QStringLiteral("5"));
    const QCommandLineOption noSplit(QStringLiteral("no-split"),
                                     tr("Refuse a file over the profile's limits instead of splitting it."));
    const QCommandLineOption maxLines(QStringLiteral("max-lines"),
                                      tr("Split into parts of at most N requests (one job)."), tr("N"));
    p.addOptions({endpoint, metadata, description, outputExpires, profile, wait, download, interval, noSplit,
                  maxLines});
    p.addPositionalArgument(QStringLiteral("FILE"), tr("The .jsonl file to submit."));
    if (auto r = parse(p, args, usage))
        return *r;
    if (p.positionalArguments().size() != 1) {
        err(tr("Usage: %1").arg(usage));
        return UsageError;
    }
    const QString file = p.positionalArguments().first();
    const auto md = parseMetadata(p.values(metadata));
    if (!md.ok()) {
        err(md.errorString());
        return UsageError;
    }
    if (auto clientResult = ctx.client(); !clientResult.ok()) {
        err(clientResult.errorString());
        return UsageError;
    }

    // 1. validate: nothing leaves the machine unless the provider will accept it
    Jsonl::ValidationOptions vo;
    const QString profileName = p.isSet(profile)
        ? p.value(profile)
        : (ctx.account() ? ctx.account()->limitProfile : QStringLiteral("deepinfra"));
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
    const bool split = !p.isSet(noSplit) && (tooLarge || (partLines > 0 && report.lines > partLines));
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

    // 2. upload and create: one submission, recorded so that nothing is lost or billed twice
    CreateBatchParams params;
    params.endpoint = report.endpoint;
    params.metadata = md.value();
    if (p.isSet(description))
        params.metadata.insert(QStringLiteral("description"), p.value(description));
    if (p.isSet(outputExpires))
        params.outputExpiresAfterSeconds = p.value(outputExpires).toLongLong();
    // Checked before anything is uploaded (the input file id comes from the upload).
    CreateBatchParams check = params;
    check.inputFileId = QStringLiteral("file-to-upload");
    if (const QString problem = check.validate(); !problem.isEmpty()) {
        err(problem);
        return UsageError;
    }
    ctx.reconcilePendingIntents();
    if (split)
        return submitSplit(
            ctx, file, report, *lp, partLines, params,
            {p.isSet(wait) || p.isSet(download), p.value(interval).toDouble(), p.value(download)});
    Batch b;
    if (const int rc = runSubmission(ctx, file, params, &b); rc != Success)
        return rc;
    if (!p.isSet(wait) && !p.isSet(download)) {
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
    const int rc = waitFor(ctx, b.id, p.value(interval).toDouble(), 0, &final);
    QStringList written;
    if (p.isSet(download) && final.isTerminal()) {
        const int drc = downloadResults(ctx, final, p.value(download), &written);
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

// ---------------------------------------------------------------------------------------------------------------

int runResults(Context &ctx, const QStringList &args)
{
    const QString usage = QStringLiteral("batchdesk-cli results download BATCH_ID -o DIR | results export "
                                         "BATCH_ID --input FILE --format csv|xlsx|jsonl|npy -o OUT");
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
    if (auto r = parse(p, args.mid(1), usage))
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
    std::unique_ptr<RequestJob> job(clientResult.value()->retrieveBatch(p.positionalArguments().first()));
    if (!ctx.run(job.get()))
        return ctx.reportApiError(job.get(), tr("Cannot get batch %1").arg(p.positionalArguments().first()));
    const Batch b = job->batch();
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
