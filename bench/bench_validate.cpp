// Validates FILE N times and prints the wall time of each run and the anonymous memory added while
// validating.
//   bench_validate FILE [--repeat N] [--threads N]
// Output (one line, key=value): lines bytes valid best_s median_s rss_anon_before_kb rss_anon_peak_kb
// added_kb
#include "jsonl/validator.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QStringList>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <thread>
#include <vector>

namespace {

// RssAnon from /proc/self/status in kB (Linux); 0 elsewhere.
qint64 rssAnonKb()
{
    QFile f(QStringLiteral("/proc/self/status"));
    if (!f.open(QIODevice::ReadOnly))
        return 0;
    const QList<QByteArray> lines = f.readAll().split('\n');
    for (const auto &l : lines) {
        if (l.startsWith("RssAnon:"))
            return l.mid(8).trimmed().split(' ').first().toLongLong();
    }
    return 0;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const QStringList args = QCoreApplication::arguments();
    if (args.size() < 2) {
        std::fputs("usage: bench_validate FILE [--repeat N] [--threads N]\n", stderr);
        return 2;
    }
    int repeat = 5;
    Batchdesk::Jsonl::ValidationOptions options;
    for (int i = 2; i + 1 < args.size(); i += 2) {
        if (args[i] == QLatin1StringView("--repeat"))
            repeat = args[i + 1].toInt();
        else if (args[i] == QLatin1StringView("--threads"))
            options.threads = args[i + 1].toInt();
    }
    const qint64 before = rssAnonKb();
    std::atomic_bool stop {false};
    std::atomic<qint64> peak {before};
    std::thread sampler([&] {
        while (!stop) {
            const qint64 now = rssAnonKb();
            if (now > peak)
                peak = now;
            std::this_thread::sleep_for(std::chrono::milliseconds(2));
        }
    });
    std::vector<double> times;
    Batchdesk::Jsonl::ValidationReport report;
    for (int i = 0; i < repeat; ++i) {
        QElapsedTimer t;
        t.start();
        report = Batchdesk::Jsonl::validateFile(args[1], options);
        times.push_back(double(t.nsecsElapsed()) / 1e9);
        report.index.reset();
    }
    stop = true;
    sampler.join();
    std::sort(times.begin(), times.end());
    std::printf(
        "lines=%lld bytes=%lld valid=%d errors=%lld best_s=%.4f median_s=%.4f rss_anon_before_kb=%lld "
        "rss_anon_peak_kb=%lld added_kb=%lld\n",
        static_cast<long long>(report.lines), static_cast<long long>(report.bytes), int(report.isValid()),
        static_cast<long long>(report.errorCount), times.front(), times[times.size() / 2],
        static_cast<long long>(before), static_cast<long long>(peak.load()),
        static_cast<long long>(peak.load() - before));
    return report.completed() ? 0 : 1;
}
