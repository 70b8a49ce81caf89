// The real-time runner's benchmark (issue 15): N chat requests run by one Realtime::RealtimeRunner against a
// batchdesk-sandbox started as a separate process with a fixed real-time latency, so that this process's CPU
// time and peak memory are the client's alone. Prints requests/s against the ideal (concurrency / latency),
// the client's CPU time (per 1,000 requests and as a share of one core), its peak RSS and the growth over the
// baseline taken before the run, the sandbox's own observed max_in_flight, and (on Linux) the sandbox's CPU
// time during the run.
//
//   bench_realtime [--requests N] [--concurrency N] [--latency-ms N] [--sandbox PATH] [--keep]
//   bench_realtime --sweep [--requests N] [--latency-ms N] [--sandbox PATH]   (concurrency 1, 8, 32, 64; each
//   point
//       runs min(N, 300 × concurrency) requests)
//
// Each sweep point runs in its own child process (this program again), so that every point's CPU time and
// peak memory are its own. Exit status 1 when the output file does not hold one answer per request.
#include "platform/platform.h"
#include "realtime/realtimerunner.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QProcess>
#include <QRandomGenerator>
#include <QSet>
#include <QTemporaryDir>
#include <QTimer>

#include <cstdio>
#include <cstdlib>
#include <optional>

using namespace Batchdesk;

namespace {

struct Options
{
    int requests = 10'000;
    int concurrency = 32;
    int latencyMs = 20;
    QString sandbox;
    bool keep = false;
    bool json = false; ///< one JSON line on stdout (the sweep's children)
    QByteArray acceptEncoding; ///< sent as Accept-Encoding (an experiment: "identity" turns off compression)
};

[[noreturn]] void die(const QString &message)
{
    std::fprintf(stderr, "bench_realtime: %s\n", qPrintable(message));
    std::exit(1);
}

QString defaultSandboxPath()
{
    // build/<preset>/bench/bench_realtime → build/<preset>/app/sandbox/batchdesk-sandbox
    const QDir dir(QCoreApplication::applicationDirPath());
    return QDir::cleanPath(dir.filePath(QStringLiteral("../app/sandbox/batchdesk-sandbox")));
}

/** Short chat requests with unique custom_ids, the way a user's batch file looks (one line each). */
void writeInput(const QString &path, int requests)
{
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate))
        die(QStringLiteral("cannot write %1: %2").arg(path, file.errorString()));
    QByteArray buffer;
    for (int i = 0; i < requests; ++i) {
        const QJsonObject body {
            {QStringLiteral("model"), QStringLiteral("sandbox/echo")},
            {QStringLiteral("messages"),
             QJsonArray {QJsonObject {{QStringLiteral("role"), QStringLiteral("user")},
                                      {QStringLiteral("content"),
                                       QStringLiteral("Classify the sentiment of review %1: "
                                                      "\"Arrived on time, works as described.\"")
                                           .arg(i)}}}},
            {QStringLiteral("max_tokens"), 16}};
        const QJsonObject line {
            {QStringLiteral("custom_id"), QStringLiteral("req-%1").arg(i, 6, 10, QLatin1Char('0'))},
            {QStringLiteral("method"), QStringLiteral("POST")},
            {QStringLiteral("url"), QStringLiteral("/v1/chat/completions")},
            {QStringLiteral("body"), body}};
        buffer += QJsonDocument(line).toJson(QJsonDocument::Compact);
        buffer += '\n';
        if (buffer.size() > (1 << 20)) {
            file.write(buffer);
            buffer.clear();
        }
    }
    file.write(buffer);
    if (!file.flush() || file.error() != QFileDevice::NoError)
        die(QStringLiteral("cannot write %1: %2").arg(path, file.errorString()));
}

/** The sandbox's CPU seconds (user + system) from /proc on Linux; nullopt elsewhere. Assumes USER_HZ 100. */
std::optional<double> childCpuSeconds(qint64 pid)
{
    QFile stat(QStringLiteral("/proc/%1/stat").arg(pid));
    if (!stat.open(QIODevice::ReadOnly))
        return std::nullopt;
    const QByteArray text = stat.readAll();
    const qsizetype close = text.lastIndexOf(')'); // the command name may contain spaces
    if (close < 0)
        return std::nullopt;
    const QList<QByteArray> fields = text.mid(close + 2).split(' ');
    // After "pid (comm) ": state is field 3, utime field 14, stime field 15 → indexes 11 and 12 here.
    if (fields.size() < 13)
        return std::nullopt;
    return (fields[11].toDouble() + fields[12].toDouble()) / 100.0;
}

/** The sandbox's peak RSS (VmHWM) from /proc on Linux, in bytes; 0 elsewhere. */
qint64 childPeakRss(qint64 pid)
{
    QFile status(QStringLiteral("/proc/%1/status").arg(pid));
    if (!status.open(QIODevice::ReadOnly))
        return 0;
    for (const QByteArray &line : status.readAll().split('\n')) {
        if (line.startsWith("VmHWM:"))
            return line.mid(6).trimmed().split(' ').value(0).toLongLong() * 1024;
    }
    return 0;
}

class Sandbox
{
public:
    Sandbox(const QString &program, const QString &dataDir, int latencyMs)
    {
        m_key = QStringLiteral("bench-%1")
                    .arg(QRandomGenerator::system()->generate64(), 16, 16, QLatin1Char('0'));
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("BATCHDESK_SANDBOX_KEY"), m_key);
        m_process.setProcessEnvironment(env);
        m_process.setStandardErrorFile(QDir(dataDir).filePath(QStringLiteral("sandbox.log")));
        m_process.start(program,
                        {QStringLiteral("--realtime-latency-ms"), QString::number(latencyMs),
                         QStringLiteral("--print-port"), QStringLiteral("--data-dir"),
                         QDir(dataDir).filePath(QStringLiteral("sandbox-data"))});
        if (!m_process.waitForStarted(10'000))
            die(QStringLiteral("cannot start %1: %2").arg(program, m_process.errorString()));
        QElapsedTimer waited;
        waited.start();
        while (!m_process.canReadLine() && waited.elapsed() < 15'000) {
            if (!m_process.waitForReadyRead(500) && m_process.state() != QProcess::Running)
                break;
        }
        bool ok = false;
        m_port = m_process.readLine().trimmed().toInt(&ok);
        if (!ok || m_port <= 0)
            die(QStringLiteral("%1 did not print its port (see %2; does it know --realtime-latency-ms?)")
                    .arg(program, QDir(dataDir).filePath(QStringLiteral("sandbox.log"))));
    }
    ~Sandbox()
    {
        m_process.terminate();
        if (!m_process.waitForFinished(5'000))
            m_process.kill();
        m_process.waitForFinished(2'000);
    }
    QUrl baseUrl() const { return QUrl(QStringLiteral("http://127.0.0.1:%1/v1").arg(m_port)); }
    QString key() const { return m_key; }
    qint64 pid() const { return m_process.processId(); }

    /** GET or POST one of the sandbox's /sandbox/realtime/stats URLs (outside the measured run). */
    QJsonObject stats(bool reset)
    {
        QNetworkAccessManager nam;
        QNetworkRequest request(QUrl(QStringLiteral("http://127.0.0.1:%1/sandbox/realtime/stats%2")
                                         .arg(m_port)
                                         .arg(reset ? QLatin1StringView("/reset") : QLatin1StringView())));
        request.setRawHeader("Authorization", "Bearer " + m_key.toUtf8());
        request.setTransferTimeout(30'000);
        QNetworkReply *reply = reset ? nam.post(request, QByteArray()) : nam.get(request);
        QEventLoop loop;
        QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
        loop.exec();
        const QJsonObject o = QJsonDocument::fromJson(reply->readAll()).object();
        if (reply->error() != QNetworkReply::NoError || o.isEmpty())
            die(QStringLiteral("the sandbox's stats failed: %1").arg(reply->errorString()));
        reply->deleteLater();
        return o;
    }

private:
    QProcess m_process;
    QString m_key;
    int m_port = 0;
};

qint64 countLines(const QString &path, QSet<QString> *ids)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return 0;
    qint64 lines = 0;
    while (!file.atEnd()) {
        const QByteArray line = file.readLine();
        if (line.trimmed().isEmpty())
            continue;
        ++lines;
        if (ids)
            ids->insert(
                QJsonDocument::fromJson(line).object().value(QLatin1StringView("custom_id")).toString());
    }
    return lines;
}

QJsonObject runOnce(const Options &options)
{
    QTemporaryDir temp;
    if (!temp.isValid())
        die(QStringLiteral("cannot create a temporary directory"));
    temp.setAutoRemove(!options.keep);
    const QString input = temp.filePath(QStringLiteral("input.jsonl"));
    writeInput(input, options.requests);
    Sandbox sandbox(options.sandbox, temp.path(), options.latencyMs);
    sandbox.stats(true);

    Realtime::RunTask task;
    task.inputPath = input;
    task.outputPath = temp.filePath(QStringLiteral("output.jsonl"));
    task.errorPath = temp.filePath(QStringLiteral("errors.jsonl"));
    task.target.baseUrl = sandbox.baseUrl();
    task.target.apiKey = sandbox.key();
    task.limits.concurrency = options.concurrency;
    if (!options.acceptEncoding.isEmpty())
        task.target.headers.append({QByteArrayLiteral("Accept-Encoding"), options.acceptEncoding});

    const qint64 rssBefore = Platform::peakResidentBytes();
    const double cpuBefore = Platform::processCpuSeconds();
    const std::optional<double> sandboxCpuBefore = childCpuSeconds(sandbox.pid());
    QElapsedTimer wall;
    Realtime::RealtimeRunner runner(task);
    QEventLoop loop;
    QObject::connect(&runner, &Realtime::RealtimeRunner::finished, &loop, &QEventLoop::quit);
    wall.start();
    QTimer::singleShot(0, &runner, &Realtime::RealtimeRunner::start);
    loop.exec();
    const double seconds = double(wall.nsecsElapsed()) / 1e9;
    const double cpu = Platform::processCpuSeconds() - cpuBefore;
    const qint64 rssPeak = Platform::peakResidentBytes();
    const std::optional<double> sandboxCpuAfter = childCpuSeconds(sandbox.pid());
    const qint64 sandboxRss = childPeakRss(sandbox.pid());

    if (runner.outcome() != Realtime::RealtimeRunner::Outcome::Completed)
        die(QStringLiteral("the run ended %1: %2")
                .arg(Realtime::RealtimeRunner::statusName(runner.outcome()), runner.errorText()));
    QSet<QString> ids;
    const qint64 answered = countLines(task.outputPath, &ids);
    const qint64 failed = countLines(task.errorPath, nullptr);
    if (answered != options.requests || ids.size() != options.requests || failed != 0)
        die(QStringLiteral("output.jsonl has %1 lines (%2 distinct custom_ids) and errors.jsonl %3 for %4 "
                           "requests (kept in %5)")
                .arg(answered)
                .arg(ids.size())
                .arg(failed)
                .arg(options.requests)
                .arg((temp.setAutoRemove(false), temp.path())));
    const QJsonObject stats = sandbox.stats(false);
    const Realtime::RunProgress progress = runner.progress();
    // Time each request spent inside the sandbox (arrival to answer ready), from its hits.
    const QJsonArray hits = stats.value(QLatin1StringView("hits")).toArray();
    double inside = 0;
    for (const QJsonValue &hit : hits) {
        const QJsonObject h = hit.toObject();
        inside += h.value(QLatin1StringView("finished_at_ms")).toDouble()
            - h.value(QLatin1StringView("at_ms")).toDouble();
    }

    const double ideal = options.concurrency * 1000.0 / options.latencyMs;
    const double rate = options.requests / seconds;
    QJsonObject result {
        {QStringLiteral("requests"), options.requests},
        {QStringLiteral("concurrency"), options.concurrency},
        {QStringLiteral("latency_ms"), options.latencyMs},
        {QStringLiteral("wall_s"), seconds},
        {QStringLiteral("req_per_s"), rate},
        {QStringLiteral("ideal_req_per_s"), ideal},
        {QStringLiteral("ratio"), rate / ideal},
        {QStringLiteral("client_cpu_s"), cpu},
        {QStringLiteral("client_cpu_ms_per_1000"), cpu * 1e6 / options.requests},
        {QStringLiteral("client_cpu_util"), cpu / seconds},
        {QStringLiteral("client_peak_rss_mib"), double(rssPeak) / (1 << 20)},
        {QStringLiteral("client_rss_growth_mib"), double(rssPeak - rssBefore) / (1 << 20)},
        {QStringLiteral("sent"), progress.sent},
        {QStringLiteral("retries"), progress.retries},
        {QStringLiteral("server_requests"), stats.value(QLatin1StringView("requests"))},
        {QStringLiteral("server_max_in_flight"), stats.value(QLatin1StringView("max_in_flight"))},
        {QStringLiteral("server_peak_rss_mib"), double(sandboxRss) / (1 << 20)},
        {QStringLiteral("server_mean_inside_ms"), hits.isEmpty() ? 0.0 : inside / double(hits.size())},
        {QStringLiteral("mean_round_trip_ms"), seconds * 1000 * options.concurrency / options.requests}};
    if (sandboxCpuBefore && sandboxCpuAfter)
        result.insert(QStringLiteral("server_cpu_s"), *sandboxCpuAfter - *sandboxCpuBefore);
    if (options.keep)
        result.insert(QStringLiteral("kept"), temp.path());
    return result;
}

void printResult(const QJsonObject &r)
{
    auto d = [&](const char *key) { return r.value(QLatin1StringView(key)).toDouble(); };
    std::printf("requests                      %d\n", int(d("requests")));
    std::printf("concurrency                   %d\n", int(d("concurrency")));
    std::printf("latency (sandbox)             %d ms\n", int(d("latency_ms")));
    std::printf("wall                          %.3f s\n", d("wall_s"));
    std::printf("requests/s                    %.1f\n", d("req_per_s"));
    std::printf("ideal (concurrency/latency)   %.1f\n", d("ideal_req_per_s"));
    std::printf("ratio to ideal                %.3f\n", d("ratio"));
    std::printf("client CPU                    %.3f s\n", d("client_cpu_s"));
    std::printf("client CPU per 1,000 requests %.1f ms\n", d("client_cpu_ms_per_1000"));
    std::printf("client CPU utilisation        %.1f %% of one core\n", 100 * d("client_cpu_util"));
    std::printf("client peak RSS               %.1f MiB\n", d("client_peak_rss_mib"));
    std::printf("client RSS growth in the run  %.1f MiB\n", d("client_rss_growth_mib"));
    std::printf("requests sent (retries)       %d (%d)\n", int(d("sent")), int(d("retries")));
    std::printf("sandbox: requests seen        %d\n", int(d("server_requests")));
    std::printf("sandbox: max in flight        %d\n", int(d("server_max_in_flight")));
    std::printf(
        "sandbox: mean time inside     %.1f ms (arrival to answer; the client's mean slot time is %.1f ms)\n",
        d("server_mean_inside_ms"), d("mean_round_trip_ms"));
    if (r.contains(QLatin1StringView("server_cpu_s")))
        std::printf("sandbox: CPU during the run   %.3f s (%.1f %% of one core)\n", d("server_cpu_s"),
                    100 * d("server_cpu_s") / d("wall_s"));
    std::printf("sandbox: peak RSS             %.1f MiB\n", d("server_peak_rss_mib"));
    if (r.contains(QLatin1StringView("kept")))
        std::printf("files kept in                 %s\n",
                    qPrintable(r.value(QLatin1StringView("kept")).toString()));
}

int sweep(const Options &options)
{
    std::printf("%8s %6s %8s %9s %9s %7s %10s %9s %9s %9s %8s %9s\n", "requests", "conc", "wall s", "req/s",
                "ideal", "ratio", "CPU ms/1k", "CPU %", "RSS MiB", "growth", "srv max", "srv CPU%");
    for (const int concurrency : {1, 8, 32, 64}) {
        QProcess child;
        child.setProcessChannelMode(QProcess::ForwardedErrorChannel);
        child.start(QCoreApplication::applicationFilePath(),
                    {QStringLiteral("--json"), QStringLiteral("--requests"),
                     QString::number(qMin(options.requests, 300 * concurrency)),
                     QStringLiteral("--concurrency"), QString::number(concurrency),
                     QStringLiteral("--latency-ms"), QString::number(options.latencyMs),
                     QStringLiteral("--sandbox"), options.sandbox, QStringLiteral("--accept-encoding"),
                     QString::fromLatin1(options.acceptEncoding)});
        if (!child.waitForFinished(-1) || child.exitStatus() != QProcess::NormalExit || child.exitCode() != 0)
            die(QStringLiteral("the run at concurrency %1 failed").arg(concurrency));
        const QJsonObject r = QJsonDocument::fromJson(child.readAllStandardOutput().trimmed()).object();
        auto d = [&](const char *key) { return r.value(QLatin1StringView(key)).toDouble(); };
        std::printf("%8d %6d %8.2f %9.1f %9.1f %7.3f %10.1f %9.1f %9.1f %9.1f %8d %9.1f\n",
                    int(d("requests")), concurrency, d("wall_s"), d("req_per_s"), d("ideal_req_per_s"),
                    d("ratio"), d("client_cpu_ms_per_1000"), 100 * d("client_cpu_util"),
                    d("client_peak_rss_mib"), d("client_rss_growth_mib"), int(d("server_max_in_flight")),
                    100 * d("server_cpu_s") / d("wall_s"));
        std::fflush(stdout);
    }
    return 0;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Runs N chat requests with a RealtimeRunner against a "
                                                    "batchdesk-sandbox process with a fixed latency."));
    parser.addHelpOption();
    parser.addOptions({
        {QStringLiteral("requests"), QStringLiteral("Requests (default 10000)."), QStringLiteral("N"),
         QStringLiteral("10000")},
        {QStringLiteral("concurrency"), QStringLiteral("Runner concurrency (default 32)."),
         QStringLiteral("N"), QStringLiteral("32")},
        {QStringLiteral("latency-ms"), QStringLiteral("Sandbox real-time latency (default 20)."),
         QStringLiteral("N"), QStringLiteral("20")},
        {QStringLiteral("sandbox"), QStringLiteral("The batchdesk-sandbox program."), QStringLiteral("PATH")},
        {QStringLiteral("sweep"), QStringLiteral("Concurrency 1, 8, 32 and 64, each in its own process.")},
        {QStringLiteral("keep"), QStringLiteral("Keep the input, output and sandbox log.")},
        {QStringLiteral("json"), QStringLiteral("Print the result as one JSON line.")},
        {QStringLiteral("accept-encoding"),
         QStringLiteral("Send this Accept-Encoding instead of Qt's (\"identity\": answers uncompressed)."),
         QStringLiteral("VALUE")},
    });
    parser.process(app);

    Options options;
    bool ok1 = false, ok2 = false, ok3 = false;
    options.requests = parser.value(QStringLiteral("requests")).toInt(&ok1);
    options.concurrency = parser.value(QStringLiteral("concurrency")).toInt(&ok2);
    options.latencyMs = parser.value(QStringLiteral("latency-ms")).toInt(&ok3);
    if (!ok1 || !ok2 || !ok3 || options.requests < 1 || options.concurrency < 1
        || options.concurrency > Realtime::Limits::kMaxConcurrency || options.latencyMs < 1)
        die(QStringLiteral("--requests, --concurrency (1..%1) and --latency-ms take positive numbers")
                .arg(Realtime::Limits::kMaxConcurrency));
    options.sandbox = parser.isSet(QStringLiteral("sandbox")) ? parser.value(QStringLiteral("sandbox"))
                                                              : defaultSandboxPath();
    options.keep = parser.isSet(QStringLiteral("keep"));
    options.json = parser.isSet(QStringLiteral("json"));
    options.acceptEncoding = parser.value(QStringLiteral("accept-encoding")).toLatin1();
    if (!QFile::exists(options.sandbox))
        die(QStringLiteral("no sandbox at %1 (build batchdesk-sandbox or pass --sandbox)")
                .arg(options.sandbox));

    if (parser.isSet(QStringLiteral("sweep")))
        return sweep(options);
    const QJsonObject result = runOnce(options);
    if (options.json)
        std::printf("%s\n", QJsonDocument(result).toJson(QJsonDocument::Compact).constData());
    else
        printResult(result);
    return 0;
}
