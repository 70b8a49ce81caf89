// Job results benchmark (issue 13): the results of a 20-part job (1,000,000 requests) opened through the path
// the app takes for a job (Results::openJoin: the 20 part inputs read in part order as one input while the 40
// result files are indexed on a second thread, then the join), beside one 1,000,000-line input with one
// output and one error file of the same requests (the baseline, same path). Then "scrolling" through the
// app's table model (Models::ResultsModel): data() of every column for a 40-row viewport at 500 random
// positions and along 1,000 page-downs. One mode per process, so the peak RSS (VmHWM) of one case does not
// hide the other's.
//   bench_jobresults job|single DATA_DIR [--parts 20]
// DATA_DIR holds part-01.jsonl .. part-20.jsonl with part-NN-output.jsonl / part-NN-errors.jsonl (job) and
// single.jsonl with single-output.jsonl / single-errors.jsonl (single): see run-jobresults-bench.sh.
// Prints a readable report and one "RESULT key=value ..." line for the script.
#include "results/joinplan.h"
#include "resultsmodel.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QGuiApplication>
#include <QRandomGenerator>

#include <algorithm>
#include <cstdio>
#include <cstring>
#include <vector>

using namespace Batchdesk;

namespace {

// Peak and current resident memory in MB (Linux /proc; -1 elsewhere).
double procMb(const char *key)
{
#ifdef Q_OS_LINUX
    QFile f(QStringLiteral("/proc/self/status"));
    if (!f.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray &line : f.readAll().split('\n')) {
        if (line.startsWith(key))
            return line.mid(qsizetype(std::strlen(key))).trimmed().split(' ').value(0).toDouble() / 1024.0;
    }
#else
    Q_UNUSED(key);
#endif
    return -1;
}

// CPU time (user + system, every thread) of the process in seconds, from /proc (Linux; USER_HZ is 100 there).
double cpuSeconds()
{
#ifdef Q_OS_LINUX
    QFile f(QStringLiteral("/proc/self/stat"));
    if (!f.open(QIODevice::ReadOnly))
        return -1;
    const QByteArray stat = f.readAll();
    // The fields after the command name (which may contain spaces) start with the state (field 3); utime and
    // stime are fields 14 and 15.
    const QList<QByteArray> fields = stat.mid(stat.lastIndexOf(')') + 2).split(' ');
    return (fields.value(11).toDouble() + fields.value(12).toDouble()) / 100.0;
#else
    return -1;
#endif
}

struct FrameStats
{
    double maxMs = 0;
    double p99Ms = 0;
    double medianMs = 0;
};

FrameStats stats(std::vector<double> frames)
{
    FrameStats s;
    if (frames.empty())
        return s;
    std::sort(frames.begin(), frames.end());
    s.maxMs = frames.back();
    s.p99Ms = frames[std::min(frames.size() - 1, std::size_t(double(frames.size()) * 0.99))];
    s.medianMs = frames[frames.size() / 2];
    return s;
}

// One "frame": what a table view asks a model for when it paints a viewport of rows.
double frame(const Models::ResultsModel &model, int top, int rows)
{
    QElapsedTimer t;
    t.start();
    const int end = std::min(model.rowCount(), top + rows);
    for (int r = top; r < end; ++r) {
        for (int c = 0; c < Models::ResultsModel::ColumnCount; ++c) {
            const QModelIndex index = model.index(r, c);
            for (const int role : {int(Qt::DisplayRole), int(Qt::DecorationRole), int(Qt::TextAlignmentRole),
                                   int(Qt::ForegroundRole), int(Qt::FontRole)})
                (void)model.data(index, role);
        }
    }
    return double(t.nsecsElapsed()) / 1e6;
}

} // namespace

int main(int argc, char *argv[])
{
    // The model hands out icons: a GUI application, without a display.
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QGuiApplication app(argc, argv);
    const QStringList args = app.arguments();
    if (args.size() < 3
        || (args.at(1) != QLatin1StringView("job") && args.at(1) != QLatin1StringView("single"))) {
        std::fprintf(stderr, "usage: bench_jobresults job|single DATA_DIR [--parts 20]\n");
        return 2;
    }
    const bool job = args.at(1) == QLatin1StringView("job");
    const QDir data(args.at(2));
    const qsizetype partsArg = args.indexOf(QStringLiteral("--parts"));
    const int parts = partsArg > 0 ? args.value(partsArg + 1).toInt() : 20;

    // The plan planJoin() makes for a ready job (or a lone batch): its inputs and files, in part order.
    Results::JoinPlan plan;
    plan.state = Results::JoinPlan::State::Ready;
    qint64 inputBytes = 0;
    qint64 resultBytes = 0;
    if (job) {
        plan.jobId = QStringLiteral("job-bench");
        for (int p = 1; p <= parts; ++p) {
            const QString base = QStringLiteral("part-%1").arg(p, 2, 10, QLatin1Char('0'));
            plan.roots << base;
            plan.chain << base;
            plan.partInputs << data.filePath(base + QStringLiteral(".jsonl"));
            plan.resultFiles << data.filePath(base + QStringLiteral("-output.jsonl"))
                             << data.filePath(base + QStringLiteral("-errors.jsonl"));
        }
        plan.inputPath = plan.partInputs.first();
        for (const QString &f : std::as_const(plan.partInputs))
            inputBytes += QFileInfo(f).size();
    } else {
        plan.roots << QStringLiteral("single");
        plan.chain << QStringLiteral("single");
        plan.inputPath = data.filePath(QStringLiteral("single.jsonl"));
        plan.resultFiles << data.filePath(QStringLiteral("single-output.jsonl"))
                         << data.filePath(QStringLiteral("single-errors.jsonl"));
        inputBytes = QFileInfo(plan.inputPath).size();
    }
    for (const QString &f : std::as_const(plan.resultFiles)) {
        if (!QFileInfo(f).isFile()) {
            std::fprintf(stderr, "missing %s: run bench/run-jobresults-bench.sh\n", qPrintable(f));
            return 2;
        }
        resultBytes += QFileInfo(f).size();
    }
    std::printf("== %s: %lld input file(s), %.0f MB input, %lld result files, %.0f MB results\n",
                job ? "job" : "single", job ? qint64(plan.partInputs.size()) : 1LL, double(inputBytes) / 1e6,
                qint64(plan.resultFiles.size()), double(resultBytes) / 1e6);
    const double startMb = procMb("VmHWM:");

    const double cpuBefore = cpuSeconds();
    QElapsedTimer t;
    t.start();
    const auto opened = Results::openJoin(plan);
    if (!opened.ok()) {
        std::fprintf(stderr, "%s\n", qPrintable(opened.errorString()));
        return 1;
    }
    const double joinS = double(t.nsecsElapsed()) / 1e9;
    const double joinCpuS = cpuSeconds() - cpuBefore;
    const double joinMb = procMb("VmHWM:");
    Models::ResultsModel model;
    t.restart();
    model.setResults(opened.value().results);
    (void)frame(model, 0, 40); // the first screen
    const double firstScreenS = double(t.nsecsElapsed()) / 1e9;
    const auto &totals = opened.value().results->totals();
    std::printf(
        "openJoin %.3f s (CPU %.2f s, peak RSS %.0f MB), table + first screen %.3f s => open %.3f s\n", joinS,
        joinCpuS, joinMb, firstScreenS, joinS + firstScreenS);
    std::printf("rows %lld: succeeded %lld, failed %lld, missing %lld, extra %lld\n",
                qint64(model.rowCount()), totals.count(Results::Outcome::Succeeded),
                totals.count(Results::Outcome::Failed), totals.count(Results::Outcome::Missing),
                totals.extraRows);

    constexpr int kViewport = 40;
    QRandomGenerator rng(7);
    std::vector<double> random;
    for (int i = 0; i < 500; ++i)
        random.push_back(
            frame(model, int(rng.bounded(std::max(1, model.rowCount() - kViewport))), kViewport));
    // Page-down from just before the middle (in the job: across the boundary of parts 10 and 11).
    std::vector<double> walk;
    const int walkStart = std::max(0, model.rowCount() / 2 - 500 * kViewport);
    for (int i = 0; i < 1000; ++i)
        walk.push_back(frame(model, walkStart + i * kViewport, kViewport));
    const FrameStats r = stats(random);
    const FrameStats w = stats(walk);
    const double peakMb = procMb("VmHWM:");
    std::printf("scroll, 500 random viewports of %d rows: median %.2f ms, p99 %.2f ms, max %.2f ms\n",
                kViewport, r.medianMs, r.p99Ms, r.maxMs);
    std::printf("scroll, 1,000 page-downs:                median %.2f ms, p99 %.2f ms, max %.2f ms\n",
                w.medianMs, w.p99Ms, w.maxMs);
    std::printf(
        "peak RSS: %.0f MB at start, %.0f MB after the join, %.0f MB after scrolling (RssAnon %.0f MB)\n",
        startMb, joinMb, peakMb, procMb("RssAnon:"));
    std::printf("RESULT mode=%s rows=%d join_s=%.3f join_cpu_s=%.2f open_s=%.3f join_hwm_mb=%.0f hwm_mb=%.0f "
                "random_p99_ms=%.2f "
                "random_max_ms=%.2f walk_p99_ms=%.2f walk_max_ms=%.2f\n",
                job ? "job" : "single", model.rowCount(), joinS, joinCpuS, joinS + firstScreenS, joinMb,
                peakMb, r.p99Ms, r.maxMs, w.p99Ms, w.maxMs);
    return 0;
}
