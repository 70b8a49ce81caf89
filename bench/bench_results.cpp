// Results benchmark: index + join of an input with its (shuffled) result files, first rows, every row parsed,
// and each export, with the process's peak RSS after each step.
//   bench_results --input IN.jsonl --results OUT.jsonl[,ERR.jsonl] --out DIR [--formats csv,jsonl,xlsx,npy]
#include "results/exporters.h"
#include "results/joinedresults.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QStringList>

#include <cstdio>
#include <cstring>

using namespace Batchdesk::Results;

namespace {
// Peak and current resident memory in MB from /proc (Linux).
double procMb(const char *key)
{
    QFile f(QStringLiteral("/proc/self/status"));
    if (!f.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray &line : f.readAll().split('\n')) {
        if (line.startsWith(key))
            return line.mid(qsizetype(std::strlen(key))).trimmed().split(' ').value(0).toDouble() / 1024.0;
    }
    return -1;
}

void report(const char *step, double seconds)
{
    std::printf("%-28s %8.3f s   peak RSS %7.1f MB   RssAnon %7.1f MB\n", step, seconds, procMb("VmHWM:"),
                procMb("RssAnon:"));
    std::fflush(stdout);
}
} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    const auto value = [&args](const char *name) -> QString {
        const qsizetype i = args.indexOf(QString::fromLatin1(name));
        return i >= 0 ? args.value(i + 1) : QString();
    };
    const QString input = value("--input");
    const QStringList results = value("--results").split(u',', Qt::SkipEmptyParts);
    const QString outDir = value("--out");
    const QStringList formats = value("--formats").isEmpty()
        ? QStringList {QStringLiteral("csv"), QStringLiteral("jsonl"), QStringLiteral("xlsx")}
        : value("--formats").split(u',');
    QDir().mkpath(outDir);
    report("start", 0);
    QElapsedTimer t;
    t.start();
    auto joined = JoinedResults::open(input, results);
    if (!joined.ok()) {
        std::fprintf(stderr, "%s\n", qPrintable(joined.errorString()));
        return 2;
    }
    const JoinedResults &j = *joined.value();
    const double joinSeconds = t.nsecsElapsed() / 1e9;
    report("index + join", joinSeconds);
    t.restart();
    for (qint64 i = 0; i < std::min<qint64>(50, j.rowCount()); ++i)
        (void)j.row(i);
    const double firstRows = t.nsecsElapsed() / 1e9;
    report("first 50 rows parsed", firstRows);
    std::printf("%-28s %8.3f s\n", "=> time to first rows", joinSeconds + firstRows);
    t.restart();
    qint64 chars = 0;
    for (qint64 i = 0; i < j.rowCount(); ++i)
        chars += j.row(i).responseText.size();
    report("every row parsed", t.nsecsElapsed() / 1e9);
    const JoinTotals &totals = j.totals();
    std::printf(
        "rows %lld: succeeded %lld, failed %lld, missing %lld; tokens in %lld out %lld (%lld chars)\n",
        qint64(j.rowCount()), totals.count(Outcome::Succeeded), totals.count(Outcome::Failed),
        totals.count(Outcome::Missing), totals.inputTokens, totals.outputTokens, chars);
    for (const QString &format : formats) {
        const QString path = QDir(outDir).filePath(QStringLiteral("export.") + format);
        t.restart();
        Batchdesk::Result<ExportReport> r = Batchdesk::Error {};
        if (format == QLatin1StringView("csv"))
            r = exportCsv(j, path);
        else if (format == QLatin1StringView("jsonl"))
            r = exportJsonl(j, path);
        else if (format == QLatin1StringView("xlsx"))
            r = exportXlsx(j, path);
        else
            r = exportNpy(j, path);
        if (!r.ok()) {
            std::fprintf(stderr, "%s: %s\n", qPrintable(format), qPrintable(r.errorString()));
            return 1;
        }
        const QByteArray step = "export " + format.toUtf8() + " ("
            + QByteArray::number(QFileInfo(path).size() / 1e6, 'f', 0) + " MB)";
        report(step.constData(), t.nsecsElapsed() / 1e9);
    }
    return 0;
}
