// Uploads FILE to BASE_URL with Batchdesk's own client (UploadFileJob: multipart streamed from disk) and
// prints the wall time and this process's peak resident memory.
//   bench_upload BASE_URL FILE
// Output: seconds=S bytes=N peak_rss_kb=K file_id=ID
#include "api/apiclient.h"
#include "api/apijob.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QNetworkAccessManager>

#include <cstdio>

#ifdef Q_OS_UNIX
#include <sys/resource.h>
#endif

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const QStringList args = QCoreApplication::arguments();
    if (args.size() != 3) {
        std::fputs("usage: bench_upload BASE_URL FILE\n", stderr);
        return 2;
    }
    QNetworkAccessManager nam;
    Batchdesk::Api::ApiClient client(&nam);
    client.setBaseUrl(QUrl(args[1]));
    client.setApiKey(qEnvironmentVariable("BATCHDESK_API_KEY"));
    auto *job = client.uploadFile(args[2]);
    job->setAutoDelete(false);
    QElapsedTimer t;
    QObject::connect(job, &Batchdesk::Api::ApiJob::finished, &app, &QCoreApplication::quit);
    t.start();
    job->start();
    if (!job->isFinished())
        app.exec();
    const double seconds = double(t.nsecsElapsed()) / 1e9;
    if (job->failed()) {
        std::fprintf(stderr, "upload failed: %s\n", qPrintable(job->errorString()));
        return 1;
    }
    long peakKb = 0;
#ifdef Q_OS_UNIX
    rusage usage {};
    getrusage(RUSAGE_SELF, &usage);
    peakKb = usage.ru_maxrss;
#endif
    std::printf("seconds=%.3f bytes=%lld peak_rss_kb=%ld file_id=%s\n", seconds,
                static_cast<long long>(job->file().bytes), peakKb, qPrintable(job->file().id));
    delete job;
    return 0;
}
