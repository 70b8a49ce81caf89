#include "clicommon.h"

#include "api/apiclient.h"
#include "api/apijob.h"
#include "clioutput.h"
#include "common/terminaltext.h"
#include "context.h"
#include "platform/platform.h"
#include "realtime/localbatches.h"
#include "results/resultsdownload.h"
#include "workflow/submission.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDateTime>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QLocale>
#include <QTimer>

#include <cstdio>
#include <memory>

namespace Batchdesk::Cli {

using namespace Batchdesk::Api;

QString tr(const char *s, const char *disambiguation, int n)
{
    return QCoreApplication::translate("Batchdesk::Cli", s, disambiguation, n);
}

std::optional<int> parseArgs(QCommandLineParser &parser, const QStringList &args, const QString &usage)
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

std::optional<int> intOption(const QCommandLineParser &p, const QCommandLineOption &option, int min, int max)
{
    bool ok = false;
    const int v = p.value(option).toInt(&ok);
    if (!ok || v < min || v > max) {
        err(tr("--%1 needs a whole number from %2 to %3.")
                .arg(option.names().constFirst())
                .arg(min)
                .arg(max));
        return std::nullopt;
    }
    return v;
}

RunSettingsOptions::RunSettingsOptions(const QString &helpPrefix)
    : concurrency(QStringLiteral("concurrency"),
                  helpPrefix + tr("Requests in flight at once, 1-256 (default 4)."), tr("N"))
    , rpm(QStringLiteral("rpm"), helpPrefix + tr("Requests per minute at most (0: no limit)."), tr("N"))
    , tpm(QStringLiteral("tpm"), helpPrefix + tr("Tokens per minute at most, estimated (0: no limit)."),
          tr("N"))
    , modelMap(
          QStringLiteral("model-map"),
          helpPrefix
              + tr(
                  "Send the file's model FROM as TO (comma-separated pairs; an empty value clears the map)."),
          tr("FROM=TO"))
{ }

bool RunSettingsOptions::anySet(const QCommandLineParser &p) const
{
    return p.isSet(concurrency) || p.isSet(rpm) || p.isSet(tpm) || p.isSet(modelMap);
}

bool RunSettingsOptions::apply(const QCommandLineParser &p, Realtime::RunSettings *settings) const
{
    Realtime::Limits &limits = settings->limits;
    if (p.isSet(concurrency)) {
        const auto v = intOption(p, concurrency, 1, Realtime::Limits::kMaxConcurrency);
        if (!v)
            return false;
        limits.concurrency = *v;
    }
    if (p.isSet(rpm)) {
        const auto v = intOption(p, rpm, 0, 100'000'000);
        if (!v)
            return false;
        limits.requestsPerMinute = *v;
    }
    if (p.isSet(tpm)) {
        const auto v = intOption(p, tpm, 0, 2'000'000'000);
        if (!v)
            return false;
        limits.tokensPerMinute = *v;
    }
    if (const QString problem = limits.validate(); !problem.isEmpty()) {
        err(problem);
        return false;
    }
    if (p.isSet(modelMap)) {
        const QString text = p.values(modelMap).join(u',');
        if (text.trimmed().isEmpty()) {
            settings->modelMap.clear();
        } else {
            QString problem;
            const auto map = Realtime::Target::parseModelMap(text, &problem);
            if (!map) {
                err(tr("--model-map: %1").arg(problem));
                return false;
            }
            settings->modelMap = *map;
        }
    }
    return true;
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
    // A batch run on this computer is read from a file: looked at every second at least.
    if (Realtime::LocalBatches::isLocalId(batchId))
        intervalSeconds = qMin(intervalSeconds, 1.0);
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

} // namespace Batchdesk::Cli
