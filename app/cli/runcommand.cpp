#include "runcommand.h"

#include "clicommon.h"
#include "clioutput.h"
#include "context.h"
#include "jsonl/validator.h"
#include "platform/platform.h"
#include "realtime/realtimerunner.h"
#include "workflow/accountservice.h"

#include <QCommandLineParser>
#include <QCryptographicHash>
#include <QDateTime>
#include <QDir>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QSaveFile>
#include <QTimer>

#include <atomic>
#include <cstdio>
#include <thread>

namespace Batchdesk::Cli {

using Realtime::RealtimeRunner;
using Realtime::RunProgress;

namespace {

constexpr int kRunFileIntervalMs = 3000; // run.json is rewritten this often while the run goes on
constexpr int kPlainProgressIntervalMs = 5000; // a progress line this often when stderr is not a terminal
constexpr int kStopPollMs = 100;

// Set by the thread that waits for SIGINT/SIGTERM; read by a timer of the main thread, which then pauses the
// runner. A flag, not a queued call: the waiting thread never touches an object that may be gone.
std::atomic<bool> g_stopRequested {false};

void startStopWatcher()
{
    static std::atomic<bool> started {false};
    if (started.exchange(true))
        return;
    // Detached: it is blocked waiting for a signal until the process ends.
    std::thread([] {
        Platform::waitForStopSignal();
        g_stopRequested = true;
    }).detach();
}

/** "24h", "30m", "7d", "3600s" or plain seconds → seconds; 0 when not a positive duration. */
qint64 parseWindow(const QString &text)
{
    static const QRegularExpression re(QStringLiteral("^\\s*(\\d{1,9})\\s*([smhd]?)\\s*$"));
    const auto m = re.match(text);
    if (!m.hasMatch())
        return 0;
    const qint64 n = m.captured(1).toLongLong();
    const QString unit = m.captured(2);
    const qint64 factor = unit == QLatin1StringView("m") ? 60
        : unit == QLatin1StringView("h")                 ? 3600
        : unit == QLatin1StringView("d")                 ? 86400
                                                         : 1;
    return n * factor;
}

Result<QByteArray> sha256Of(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return Error {QStringLiteral("io"), tr("Cannot read %1: %2").arg(path, f.errorString())};
    QCryptographicHash hash(QCryptographicHash::Sha256);
    if (!hash.addData(&f))
        return Error {QStringLiteral("io"), tr("Cannot read %1: %2").arg(path, f.errorString())};
    return hash.result().toHex();
}

/** What DIR/run.json says about a run, and what is written back. */
struct RunRecord
{
    QString input;
    QString inputSha256;
    QString baseUrl;
    QString endpoint;
    QString model;
    QJsonObject limits;
    QString status = QStringLiteral("in_progress");
    RunProgress counts;
    qint64 createdAt = 0;
    qint64 finishedAt = 0;
    qint64 expiresAt = 0;
    QString completionWindow;

    QJsonObject toJson() const
    {
        QJsonObject o {
            {QStringLiteral("input"), input},
            {QStringLiteral("input_sha256"), inputSha256},
            {QStringLiteral("base_url"), baseUrl},
            {QStringLiteral("endpoint"), endpoint},
            {QStringLiteral("model"), model},
            {QStringLiteral("limits"), limits},
            {QStringLiteral("status"), status},
            {QStringLiteral("request_counts"),
             QJsonObject {{QStringLiteral("total"), counts.total},
                          {QStringLiteral("completed"), counts.completed},
                          {QStringLiteral("failed"), counts.failed}}},
            {QStringLiteral("created_at"), createdAt},
            {QStringLiteral("finished_at"), finishedAt > 0 ? QJsonValue(finishedAt) : QJsonValue()},
        };
        if (expiresAt > 0) {
            o.insert(QStringLiteral("completion_window"), completionWindow);
            o.insert(QStringLiteral("expires_at"), expiresAt);
        }
        return o;
    }

    static RunRecord fromJson(const QJsonObject &o)
    {
        RunRecord r;
        r.input = o.value(QLatin1StringView("input")).toString();
        r.inputSha256 = o.value(QLatin1StringView("input_sha256")).toString();
        r.baseUrl = o.value(QLatin1StringView("base_url")).toString();
        r.endpoint = o.value(QLatin1StringView("endpoint")).toString();
        r.model = o.value(QLatin1StringView("model")).toString();
        r.limits = o.value(QLatin1StringView("limits")).toObject();
        r.status = o.value(QLatin1StringView("status")).toString();
        const QJsonObject c = o.value(QLatin1StringView("request_counts")).toObject();
        r.counts.total = c.value(QLatin1StringView("total")).toInteger();
        r.counts.completed = c.value(QLatin1StringView("completed")).toInteger();
        r.counts.failed = c.value(QLatin1StringView("failed")).toInteger();
        r.createdAt = o.value(QLatin1StringView("created_at")).toInteger();
        r.finishedAt = o.value(QLatin1StringView("finished_at")).toInteger();
        r.expiresAt = o.value(QLatin1StringView("expires_at")).toInteger();
        r.completionWindow = o.value(QLatin1StringView("completion_window")).toString();
        return r;
    }
};

Result<void> writeRecord(const QString &path, const RunRecord &record)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return Result<void>::failure(QStringLiteral("io"),
                                     tr("Cannot write %1: %2").arg(path, file.errorString()));
    file.write(QJsonDocument(record.toJson()).toJson(QJsonDocument::Indented));
    if (!file.commit())
        return Result<void>::failure(QStringLiteral("io"),
                                     tr("Cannot write %1: %2").arg(path, file.errorString()));
    return {};
}

/** The URL without user name, password, query or fragment: what run.json may show. */
QString displayUrl(const QUrl &url)
{
    return url.adjusted(QUrl::RemoveUserInfo | QUrl::RemoveQuery | QUrl::RemoveFragment).toString();
}

QString progressLine(const RunProgress &p, double elapsedSeconds)
{
    const qint64 answeredNow = p.completed + p.failed - p.resumed;
    const double rate = elapsedSeconds > 0.5 ? answeredNow / elapsedSeconds : 0.0;
    return tr("%1/%2 answered, %3 failed, %4 in flight, %5 req/s")
        .arg(p.completed + p.failed)
        .arg(p.total)
        .arg(p.failed)
        .arg(p.inFlight)
        .arg(rate, 0, 'f', 1);
}

struct Summary
{
    QString status;
    RunProgress counts;
    double elapsedSeconds = 0;
    QString output;
    QString errors;
};

void printSummary(const Context &ctx, const Summary &s)
{
    const qint64 answeredNow = s.counts.completed + s.counts.failed - s.counts.resumed;
    const double rate = s.elapsedSeconds > 0 ? answeredNow / s.elapsedSeconds : 0.0;
    if (ctx.json()) {
        printOrderedJson({{QStringLiteral("status"), s.status},
                          {QStringLiteral("total"), s.counts.total},
                          {QStringLiteral("completed"), s.counts.completed},
                          {QStringLiteral("failed"), s.counts.failed},
                          {QStringLiteral("retries"), s.counts.retries},
                          {QStringLiteral("sent"), s.counts.sent},
                          {QStringLiteral("resumed"), s.counts.resumed},
                          {QStringLiteral("output"), s.output},
                          {QStringLiteral("errors"), s.errors},
                          {QStringLiteral("elapsed_seconds"), qRound(s.elapsedSeconds * 1000) / 1000.0},
                          {QStringLiteral("requests_per_second"), qRound(rate * 100) / 100.0}});
        return;
    }
    out(tr("Run %1: %2 of %3 requests answered, %4 failed.")
            .arg(s.status)
            .arg(s.counts.completed + s.counts.failed)
            .arg(s.counts.total)
            .arg(s.counts.failed));
    if (s.counts.resumed > 0)
        out(tr("  resumed:      %1 answered by an earlier run").arg(s.counts.resumed));
    if (s.counts.sent > 0)
        out(tr("  sent:         %1 requests (%2 retries) in %3 s, %4 req/s")
                .arg(s.counts.sent)
                .arg(s.counts.retries)
                .arg(s.elapsedSeconds, 0, 'f', 1)
                .arg(rate, 0, 'f', 1));
    out(tr("  output:       %1").arg(s.output));
    out(tr("  errors:       %1").arg(s.errors));
}

} // namespace

bool isRunCommand(int argc, char *argv[])
{
    // The first argument that is neither a global option nor its value names the command.
    for (int i = 1; i < argc; ++i) {
        const QByteArray a(argv[i]);
        if (a == "--account" || a == "--base-url" || a == "--provider" || a == "--request-timeout") {
            ++i;
            continue;
        }
        if (a.startsWith('-'))
            continue;
        return a == "run";
    }
    return false;
}

int runRun(Context &ctx, const QStringList &args)
{
    const QString usage = QStringLiteral(
        "batchdesk-cli run FILE (--base-url URL | --account NAME) -o DIR [--concurrency N] [--rpm N] "
        "[--tpm N] [--max-attempts N] [--model-map FROM=TO[,FROM=TO...]] [--completion-window W]");
    QCommandLineParser p;
    const QCommandLineOption output({QStringLiteral("o"), QStringLiteral("output")},
                                    tr("Folder for output.jsonl, errors.jsonl and run.json (required)."),
                                    tr("DIR"));
    const RunSettingsOptions running;
    const QCommandLineOption maxAttempts(
        QStringLiteral("max-attempts"),
        tr("Attempts per request on 429, 5xx and network errors, 1-100 (default 6)."), tr("N"));
    const QCommandLineOption window(
        QStringLiteral("completion-window"),
        tr("The run expires this long after it was first started, e.g. 24h (default: never)."), tr("W"));
    p.addOptions({output, maxAttempts, window});
    p.addOptions(running.all());
    p.addPositionalArgument(QStringLiteral("FILE"), tr("The .jsonl batch file to run."));
    if (auto r = parseArgs(p, args, usage))
        return *r;
    if (p.positionalArguments().size() != 1) {
        err(tr("Usage: %1").arg(usage));
        return UsageError;
    }
    if (!p.isSet(output) || p.value(output).isEmpty()) {
        err(tr("run needs -o DIR: the folder for the answers.\nUsage: %1").arg(usage));
        return UsageError;
    }
    const QString file = QFileInfo(p.positionalArguments().first()).absoluteFilePath();
    const QString dir = QFileInfo(p.value(output)).absoluteFilePath();

    // Where the requests go, and how hard they may push.
    Realtime::RunTask task;
    Realtime::Target &target = task.target;
    Realtime::Limits &limits = task.limits;
    if (!ctx.options().baseUrl.isEmpty()) {
        const QUrl url(ctx.options().baseUrl, QUrl::StrictMode);
        if (!url.isValid() || url.host().isEmpty()
            || (url.scheme() != QLatin1StringView("http") && url.scheme() != QLatin1StringView("https"))) {
            err(tr("--base-url must be an http:// or https:// URL, e.g. http://localhost:8000/v1."));
            return UsageError;
        }
        target.baseUrl = url;
        // Local servers (Ollama, vLLM without --api-key) need no key: then no auth header is sent.
        target.apiKey = qEnvironmentVariable("BATCHDESK_API_KEY");
        if (!ctx.options().provider.isEmpty())
            target.provider = *Api::Provider::byId(ctx.options().provider);
    } else {
        const auto account = ctx.resolveAccount();
        if (!account.ok()) {
            err(account.errorString());
            return UsageError;
        }
        const Store::Account &a = account.value();
        if (!a.baseUrl.isValid() || a.baseUrl.isEmpty()) {
            err(tr("Account \"%1\" has no base URL.").arg(a.name));
            return UsageError;
        }
        const auto key = ctx.keyFor(a);
        if (!key.ok()) {
            err(key.errorString());
            return UsageError;
        }
        // The account's endpoint, auth and headers, and a "Run here" account's stored limits and model map;
        // the options on the command line below override them.
        const Realtime::LocalBatches::Runner runner = Workflow::runnerFor(a, key.value());
        target = runner.target;
        limits = runner.limits;
    }
    if (p.isSet(maxAttempts)) {
        const auto v = intOption(p, maxAttempts, 1, 100);
        if (!v)
            return UsageError;
        limits.maxAttempts = *v;
    }
    // The options override the account's stored settings; the limits are checked together.
    Realtime::RunSettings settings {limits, target.modelMap};
    if (!running.apply(p, &settings))
        return UsageError;
    limits = settings.limits;
    target.modelMap = settings.modelMap;
    qint64 windowSeconds = 0;
    if (p.isSet(window)) {
        windowSeconds = parseWindow(p.value(window));
        if (windowSeconds <= 0) {
            err(tr("--completion-window needs a duration such as 30m, 24h or 7d."));
            return UsageError;
        }
    }

    // 1. validate: nothing is sent unless every line is a request the endpoint can take
    Jsonl::ValidationOptions vo;
    vo.profile = Jsonl::LimitProfile::openai();
    vo.buildIndex = false;
    vo.maxDiagnostics = 20;
    const Jsonl::ValidationReport report = Jsonl::validateFile(file, vo);
    if (report.outcome == Jsonl::ValidationReport::Outcome::IoError) {
        err(report.ioError);
        return UsageError;
    }
    // A batch's size limits do not apply to a real-time run: a file only too large for one batch is fine.
    const qint64 sizeErrors = report.count(Jsonl::Code::TooManyLines)
        + report.count(Jsonl::Code::FileTooLarge) + report.count(Jsonl::Code::TooManyEmbeddingInputs);
    if (report.errorCount > sizeErrors) {
        const QString shown = p.positionalArguments().first();
        for (const auto &d : report.diagnostics) {
            if (d.isError() && d.code != Jsonl::Code::TooManyLines && d.code != Jsonl::Code::FileTooLarge
                && d.code != Jsonl::Code::TooManyEmbeddingInputs)
                err(QStringLiteral("%1:%2: error: %3 [%4]")
                        .arg(shown)
                        .arg(d.line)
                        .arg(d.message, d.codeString()));
        }
        err(tr("%1 is not valid (%n error(s)); nothing was sent. See: batchdesk-cli validate %1", nullptr,
               int(report.errorCount - sizeErrors))
                .arg(shown));
        return Failure;
    }
    const auto sha = sha256Of(file);
    if (!sha.ok()) {
        err(sha.errorString());
        return UsageError;
    }

    // 2. the folder: a new run, or the resume of the run of this same file
    if (!QDir().mkpath(dir)) {
        err(tr("Cannot create the folder %1.").arg(dir));
        return UsageError;
    }
    const QDir folder(dir);
    const QString runPath = folder.filePath(QStringLiteral("run.json"));
    task.inputPath = file;
    task.outputPath = folder.filePath(QStringLiteral("output.jsonl"));
    task.errorPath = folder.filePath(QStringLiteral("errors.jsonl"));
    RunRecord record;
    if (QFile::exists(runPath)) {
        QFile f(runPath);
        if (!f.open(QIODevice::ReadOnly)) {
            err(tr("Cannot read %1: %2").arg(runPath, f.errorString()));
            return UsageError;
        }
        const QJsonDocument doc = QJsonDocument::fromJson(f.read(1 << 20));
        if (!doc.isObject()) {
            err(tr("%1 is not the record of a run; choose another folder.").arg(runPath));
            return UsageError;
        }
        record = RunRecord::fromJson(doc.object());
        if (record.inputSha256 != QString::fromLatin1(sha.value())) {
            err(tr("%1 holds the run of another input (%2); run this file into another folder.")
                    .arg(dir, record.input));
            return UsageError;
        }
        const bool over = record.status == QLatin1StringView("completed")
            || record.status == QLatin1StringView("expired")
            || record.status == QLatin1StringView("cancelled");
        if (over) {
            if (!ctx.json() && !ctx.options().quiet)
                err(tr("This run is already %1; nothing was sent.").arg(record.status));
            Summary s {record.status, record.counts, 0, task.outputPath, task.errorPath};
            s.counts.resumed = record.counts.completed + record.counts.failed;
            printSummary(ctx, s);
            return record.status == QLatin1StringView("completed") ? Success : Failure;
        }
    } else {
        // Files of something else would be taken for answers: a run starts in an empty place.
        for (const QString &path : {task.outputPath, task.errorPath}) {
            if (QFileInfo(path).size() > 0) {
                err(tr("%1 already exists without a run.json; choose an empty folder.").arg(path));
                return UsageError;
            }
        }
        record.createdAt = QDateTime::currentSecsSinceEpoch();
    }
    record.input = file;
    record.inputSha256 = QString::fromLatin1(sha.value());
    record.baseUrl = displayUrl(target.baseUrl);
    record.endpoint = report.endpoint;
    record.model = report.model;
    record.limits = limits.toJson();
    record.status = QStringLiteral("in_progress");
    record.finishedAt = 0;
    if (windowSeconds > 0) {
        record.completionWindow = p.value(window).trimmed();
        record.expiresAt = record.createdAt + windowSeconds;
    }
    task.expiresAtMs = record.expiresAt * 1000;
    if (auto written = writeRecord(runPath, record); !written) {
        err(written.errorString());
        return UsageError;
    }

    // 3. run, with progress on stderr, run.json rewritten every few seconds, a stop signal pausing it
    startStopWatcher();
    RealtimeRunner runner(task);
    RunProgress progress;
    QElapsedTimer elapsed;
    elapsed.start();
    const bool quiet = ctx.options().quiet;
    const bool tty = stderrIsTerminal();
    bool progressShown = false;
    auto showProgress = [&] {
        if (quiet)
            return;
        const QString line = progressLine(progress, elapsed.elapsed() / 1000.0);
        if (tty) {
            std::fprintf(stderr, "\r\033[K%s", line.toUtf8().constData());
            std::fflush(stderr);
            progressShown = true;
        } else {
            err(line);
        }
    };
    QObject::connect(&runner, &RealtimeRunner::progressChanged, &runner, [&](const RunProgress &now) {
        progress = now;
        if (tty)
            showProgress();
    });
    QObject::connect(&runner, &RealtimeRunner::stopping, &runner, [&] {
        if (quiet)
            return;
        if (progressShown)
            std::fputc('\n', stderr);
        progressShown = false;
        err(tr("The run expired; waiting for the requests in flight."));
    });
    QTimer plainProgress;
    QObject::connect(&plainProgress, &QTimer::timeout, &runner, showProgress);
    if (!tty)
        plainProgress.start(kPlainProgressIntervalMs);
    QTimer recordTimer;
    QObject::connect(&recordTimer, &QTimer::timeout, &runner, [&] {
        record.counts = progress;
        if (auto written = writeRecord(runPath, record); !written)
            err(written.errorString());
    });
    recordTimer.start(kRunFileIntervalMs);
    bool stopRequested = false;
    QTimer stopPoll;
    QObject::connect(&stopPoll, &QTimer::timeout, &runner, [&] {
        if (g_stopRequested && !stopRequested) {
            stopRequested = true;
            runner.pause();
        }
    });
    stopPoll.start(kStopPollMs);

    QEventLoop loop;
    QObject::connect(&runner, &RealtimeRunner::finished, &loop, &QEventLoop::quit);
    if (!quiet)
        err(tr("Running %1: %2 requests to %3 (%4 at once).")
                .arg(p.positionalArguments().first())
                .arg(report.lines)
                .arg(target.urlFor(report.endpoint).toDisplayString(QUrl::RemoveUserInfo))
                .arg(limits.concurrency));
    runner.start();
    if (runner.outcome() == RealtimeRunner::Outcome::Running)
        loop.exec();
    plainProgress.stop();
    recordTimer.stop();
    stopPoll.stop();
    if (progressShown)
        std::fputc('\n', stderr);

    // 4. the end: run.json, the summary, the exit code
    const RealtimeRunner::Outcome outcome = runner.outcome();
    progress = runner.progress();
    record.counts = progress;
    record.status = RealtimeRunner::statusName(outcome);
    if (outcome != RealtimeRunner::Outcome::Paused)
        record.finishedAt = QDateTime::currentSecsSinceEpoch();
    if (auto written = writeRecord(runPath, record); !written) {
        err(written.errorString());
        return UsageError;
    }
    if (outcome == RealtimeRunner::Outcome::Failed)
        err(tr("The run failed: %1").arg(runner.errorText()));
    if (outcome == RealtimeRunner::Outcome::Paused)
        err(tr("Stopped: %1 of %2 requests answered. Run the same command to continue.")
                .arg(progress.completed + progress.failed)
                .arg(progress.total));
    printSummary(ctx, {record.status, progress, elapsed.elapsed() / 1000.0, task.outputPath, task.errorPath});
    return outcome == RealtimeRunner::Outcome::Completed ? Success : Failure;
}

} // namespace Batchdesk::Cli
