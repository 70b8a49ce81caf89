// The token and cost estimate over a batch file, against the validator over the same file (the pass that runs
// just before it in Validate and in `batchdesk-cli validate`): bench/run-estimate-bench.sh.
//
//   bench_estimate [FILE] [--repeat N]
// Without FILE, tests/data/token_sample.jsonl (240 requests of English, German, Japanese and C++ text) is
// repeated N times (default 200: 48,000 requests, ~33 MB) into a temporary file.
#include "cost/estimate.h"
#include "jsonl/validator.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QTemporaryDir>
#include <QTextStream>

#include <algorithm>

using namespace Batchdesk;

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QStringList args = app.arguments().mid(1);
    int repeat = 200;
    if (const qsizetype i = args.indexOf(QStringLiteral("--repeat")); i >= 0 && i + 1 < args.size()) {
        repeat = args.at(i + 1).toInt();
        args.remove(i, 2);
    }
    QTextStream out(stdout);
    QTemporaryDir dir;
    QString path = args.value(0);
    if (path.isEmpty()) {
        QFile sample(QStringLiteral(BATCHDESK_SOURCE_DIR "/tests/data/token_sample.jsonl"));
        if (!sample.open(QIODevice::ReadOnly))
            return 2;
        const QList<QByteArray> lines = sample.readAll().split('\n');
        path = dir.filePath(QStringLiteral("estimate.jsonl"));
        QFile f(path);
        if (!f.open(QIODevice::WriteOnly))
            return 2;
        for (int r = 0; r < repeat; ++r) {
            for (const QByteArray &line : lines) {
                if (line.isEmpty())
                    continue;
                QByteArray copy = line;
                copy.replace(QByteArray("\"custom_id\":\"tok-"),
                             QByteArray("\"custom_id\":\"r" + QByteArray::number(r) + "-"));
                f.write(copy + '\n');
            }
        }
    }
    const double mb = double(QFile(path).size()) / 1e6;
    auto best = [](const std::function<void()> &run) {
        double fastest = 1e9;
        for (int i = 0; i < 3; ++i) {
            QElapsedTimer t;
            t.start();
            run();
            fastest = std::min(fastest, t.nsecsElapsed() / 1e9);
        }
        return fastest;
    };
    Jsonl::ValidationOptions vo;
    vo.profile =
        Jsonl::LimitProfile::byName(QStringLiteral("openai")).value_or(Jsonl::LimitProfile::deepinfra());
    vo.profile.maxLines = 1'000'000'000;
    vo.profile.maxBytes = qint64(1) << 40;
    qint64 lines = 0;
    const double validate = best([&] { lines = Jsonl::validateFile(path, vo).lines; });
    qint64 tokens = 0;
    const double estimate = best([&] { tokens = Cost::estimateFileTokens(path).value().inputTokens; });
    qint64 llamaTokens = 0;
    const double llama = best([&] {
        llamaTokens = Cost::estimateFileTokens(path, QStringLiteral("meta-llama/Meta-Llama-3.1-8B-Instruct"))
                          .value()
                          .inputTokens;
    });
    out << QStringLiteral("file: %1 MB, %2 requests\n").arg(mb, 0, 'f', 1).arg(lines);
    out << QStringLiteral("validate:            %1 s  (%2 MB/s)\n")
               .arg(validate, 0, 'f', 3)
               .arg(mb / validate, 0, 'f', 1);
    out << QStringLiteral("estimate o200k:      %1 s  (%2 MB/s, %3 tokens)  = %4 x validate\n")
               .arg(estimate, 0, 'f', 3)
               .arg(mb / estimate, 0, 'f', 1)
               .arg(tokens)
               .arg(estimate / validate, 0, 'f', 2);
    out << QStringLiteral("estimate llama3 ≈:   %1 s  (%2 MB/s, %3 tokens)  = %4 x validate\n")
               .arg(llama, 0, 'f', 3)
               .arg(mb / llama, 0, 'f', 1)
               .arg(llamaTokens)
               .arg(llama / validate, 0, 'f', 2);
    return 0;
}
