// Polling cost of BatchMonitor beside a naive poller (one retrieve per batch per interval), in the same run,
// against 100 active batches on the in-process sandbox; and the longest event-loop stall while the updates
// flow into a real BatchTableModel (+ sorted BatchFilterProxyModel, read like a view repainting the rows).
//   bench_monitor [--seconds N (per poller, default 120)] [--batches N (100)] [--interval MS (3000)]
// The pollers run one after the other, each for N seconds, each with its own request-counting NAM.
#include "api/apiclient.h"
#include "api/apijob.h"
#include "batchfilterproxymodel.h"
#include "batchtablemodel.h"
#include "monitor/batchmonitor.h"
#include "sandbox/sandboxserver.h"

#include <QCommandLineParser>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QGuiApplication>
#include <QNetworkAccessManager>
#include <QTemporaryDir>
#include <QTimer>

#include <cstdio>
#include <memory>

using namespace Batchdesk;
using Api::ApiClient;
using Api::ApiJob;
using Api::Batch;

namespace {

class CountingNam final : public QNetworkAccessManager
{
public:
    int requests = 0;

protected:
    QNetworkReply *createRequest(Operation op, const QNetworkRequest &request, QIODevice *data) override
    {
        ++requests;
        return QNetworkAccessManager::createRequest(op, request, data);
    }
};

// Runs a job to its end (setup only).
template<typename Job>
std::unique_ptr<Job> run(Job *raw)
{
    std::unique_ptr<Job> job(raw);
    job->setAutoDelete(false);
    QEventLoop loop;
    QObject::connect(job.get(), &ApiJob::finished, &loop, &QEventLoop::quit);
    job->start();
    if (!job->isFinished())
        loop.exec();
    if (job->failed())
        qFatal("setup call failed: %s", qPrintable(job->errorString()));
    return job;
}

// Records the longest gap between 5 ms ticks: how long the event loop was blocked.
class StallMeter
{
public:
    StallMeter()
    {
        m_timer.setTimerType(Qt::PreciseTimer);
        m_timer.setInterval(5);
        QObject::connect(&m_timer, &QTimer::timeout, [this] {
            const qint64 now = m_clock.nsecsElapsed();
            m_maxGapNs = qMax(m_maxGapNs, now - m_last);
            m_last = now;
        });
    }
    void start()
    {
        m_clock.start();
        m_last = 0;
        m_maxGapNs = 0;
        m_timer.start();
    }
    double stop()
    {
        m_timer.stop();
        return double(m_maxGapNs) / 1e6;
    }

private:
    QTimer m_timer;
    QElapsedTimer m_clock;
    qint64 m_last = 0;
    qint64 m_maxGapNs = 0;
};

// The model stack a batches page would show, with a "view" that reads every changed cell as a repaint would.
struct ModelStack
{
    Models::BatchTableModel model;
    Models::BatchFilterProxyModel proxy;
    qint64 cellsRead = 0;
    qint64 maxUpdateNs = 0;

    ModelStack()
    {
        proxy.setSourceModel(&model);
        proxy.sort(Models::BatchTableModel::ProgressColumn, Qt::DescendingOrder);
        QObject::connect(&proxy, &QAbstractItemModel::dataChanged,
                         [this](const QModelIndex &tl, const QModelIndex &br) {
                             for (int r = tl.row(); r <= br.row(); ++r) {
                                 for (int c = tl.column(); c <= br.column(); ++c) {
                                     proxy.index(r, c).data(Qt::DisplayRole);
                                     ++cellsRead;
                                 }
                             }
                         });
    }
    void update(const QList<Batch> &batches)
    {
        QElapsedTimer t;
        t.start();
        model.updateBatches(batches);
        maxUpdateNs = qMax(maxUpdateNs, t.nsecsElapsed());
    }
};

struct Figures
{
    QString name;
    int requests = 0;
    int rounds = 0;
    double seconds = 0;
    double maxStallMs = 0;
    double maxUpdateMs = 0;
    qint64 updates = 0;
    double perMinute() const { return seconds > 0 ? requests * 60.0 / seconds : 0; }
};

void waitFor(int ms)
{
    QEventLoop loop;
    QTimer::singleShot(ms, &loop, &QEventLoop::quit);
    loop.exec();
}

} // namespace

int main(int argc, char *argv[])
{
    qputenv("QT_QPA_PLATFORM", QByteArrayLiteral("offscreen"));
    QGuiApplication app(argc, argv);
    QCommandLineParser parser;
    parser.addHelpOption();
    const QCommandLineOption secondsOption(QStringLiteral("seconds"), QStringLiteral("Seconds per poller."),
                                           QStringLiteral("N"), QStringLiteral("120"));
    const QCommandLineOption batchesOption(QStringLiteral("batches"), QStringLiteral("Active batches."),
                                           QStringLiteral("N"), QStringLiteral("100"));
    const QCommandLineOption intervalOption(
        QStringLiteral("interval"), QStringLiteral("Naive poller interval and monitor fast interval."),
        QStringLiteral("MS"), QStringLiteral("3000"));
    parser.addOptions({secondsOption, batchesOption, intervalOption});
    parser.process(app);
    const int seconds = qMax(1, parser.value(secondsOption).toInt());
    const int batchCount = qMax(1, parser.value(batchesOption).toInt());
    const int intervalMs = qMax(100, parser.value(intervalOption).toInt());

    // Slow enough to stay active through both phases: one line per second per batch.
    QTemporaryDir dir;
    Sandbox::SandboxConfig config;
    config.latencyMs = 1000;
    config.concurrency = 1;
    config.dataDir = dir.filePath(QStringLiteral("sandbox"));
    Sandbox::SandboxServer server(config);
    QString error;
    if (!server.start(&error))
        qFatal("sandbox: %s", qPrintable(error));

    QNetworkAccessManager setupNam;
    ApiClient setup(&setupNam);
    setup.setBaseUrl(QUrl(server.baseUrl()));
    const int lines = 2 * seconds + 120;
    QByteArray input;
    for (int i = 0; i < lines; ++i)
        input += "{\"custom_id\":\"r" + QByteArray::number(i)
            + "\",\"method\":\"POST\",\"url\":\"/v1/chat/completions\",\"body\":{\"model\":\"sandbox/echo\","
              "\"messages\":[{\"role\":\"user\",\"content\":\"hello\"}]}}\n";
    const QString path = dir.filePath(QStringLiteral("in.jsonl"));
    {
        QFile f(path);
        if (!f.open(QIODevice::WriteOnly) || f.write(input) != input.size())
            qFatal("cannot write %s", qPrintable(path));
    }
    const QString fileId = run(setup.uploadFile(path))->file().id;
    QList<Batch> created;
    for (int i = 0; i < batchCount; ++i) {
        Api::CreateBatchParams p;
        p.inputFileId = fileId;
        p.endpoint = QStringLiteral("/v1/chat/completions");
        p.metadata.insert(QStringLiteral("description"), QStringLiteral("bench %1").arg(i));
        created.append(run(setup.createBatch(p))->batch());
    }
    std::fprintf(stderr, "%d batches of %d lines created; %d s per poller\n", batchCount, lines, seconds);

    StallMeter stall;
    QList<Figures> results;

    // Phase 1: BatchMonitor.
    {
        CountingNam nam;
        ApiClient client(&nam);
        client.setBaseUrl(QUrl(server.baseUrl()));
        Monitor::BatchMonitor monitor(&client);
        Monitor::MonitorSettings s;
        s.fastIntervalMs = intervalMs;
        monitor.setSettings(s);
        ModelStack stack;
        QObject::connect(&monitor, &Monitor::BatchMonitor::batchesUpdated, [&](const QList<Batch> &changed) {
            stack.update(changed);
            stack.model.refreshTimes();
        });
        stack.model.setBatches(created);
        for (const Batch &b : std::as_const(created))
            monitor.track(b);
        QElapsedTimer t;
        stall.start();
        t.start();
        monitor.start();
        waitFor(seconds * 1000);
        monitor.stop();
        Figures f;
        f.name = QStringLiteral("BatchMonitor");
        f.seconds = double(t.elapsed()) / 1000.0;
        f.maxStallMs = stall.stop();
        f.requests = nam.requests;
        f.rounds = monitor.stats().rounds;
        f.maxUpdateMs = double(stack.maxUpdateNs) / 1e6;
        f.updates = stack.cellsRead;
        results.append(f);
        std::fprintf(stderr, "monitor: %d list calls, %d retrieves, %d active at the end\n",
                     monitor.stats().listCalls, monitor.stats().retrieveCalls, monitor.activeCount());
    }

    // Phase 2: the naive poller: every interval, one retrieve per batch, each result into the model at once.
    {
        CountingNam nam;
        ApiClient client(&nam);
        client.setBaseUrl(QUrl(server.baseUrl()));
        ModelStack stack;
        stack.model.setBatches(created);
        int rounds = 0;
        QTimer timer;
        timer.setInterval(intervalMs);
        const auto poll = [&] {
            ++rounds;
            for (const Batch &b : std::as_const(created)) {
                auto *job = client.retrieveBatch(b.id);
                QObject::connect(job, &ApiJob::finished, [&stack, job] {
                    if (!job->failed())
                        stack.update({static_cast<Api::RequestJob *>(job)->batch()});
                });
                job->start();
            }
        };
        QObject::connect(&timer, &QTimer::timeout, poll);
        QElapsedTimer t;
        stall.start();
        t.start();
        timer.start();
        poll(); // first round at once, as the monitor does
        waitFor(seconds * 1000);
        timer.stop();
        Figures f;
        f.name = QStringLiteral("naive poller");
        f.seconds = double(t.elapsed()) / 1000.0;
        f.maxStallMs = stall.stop();
        f.requests = nam.requests;
        f.rounds = rounds;
        f.maxUpdateMs = double(stack.maxUpdateNs) / 1e6;
        f.updates = stack.cellsRead;
        results.append(f);
        waitFor(500); // let the last replies land before the client goes away
    }

    std::printf("%d active batches, %d s per poller, interval %d ms\n\n", batchCount, seconds, intervalMs);
    std::printf("%-14s %7s %9s %9s %13s %15s %12s\n", "poller", "rounds", "requests", "req/min",
                "max stall ms", "max update ms", "cells read");
    for (const Figures &f : std::as_const(results))
        std::printf("%-14s %7d %9d %9.1f %13.1f %15.2f %12lld\n", qPrintable(f.name), f.rounds, f.requests,
                    f.perMinute(), f.maxStallMs, f.maxUpdateMs, f.updates);
    const Figures &m = results.at(0);
    const Figures &n = results.at(1);
    std::printf("\nratio naive / monitor: requests per minute %.1fx, max stall %.2fx\n",
                m.perMinute() > 0 ? n.perMinute() / m.perMinute() : 0.0,
                m.maxStallMs > 0 ? n.maxStallMs / m.maxStallMs : 0.0);
    return 0;
}
