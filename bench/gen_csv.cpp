// Deterministic generator of a large CSV for the build benchmark (issue 6): quoted cells with commas, doubled
// quotes and embedded newlines, non-ASCII text, a UTF-8 BOM.
//   batchdesk-bench-gen-csv [--rows 50000] [--bytes 100000000] [--seed S] -o FILE
// Columns: id, title, body, lang, score. The body cell takes whatever is left of bytes / rows.
#include <QCommandLineParser>
#include <QCoreApplication>
#include <QFile>

#include <cstdint>
#include <cstdio>
#include <string>

namespace {

struct SplitMix
{
    std::uint64_t state;
    std::uint64_t next()
    {
        std::uint64_t z = (state += 0x9E3779B97F4A7C15ull);
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
        return z ^ (z >> 31);
    }
    std::size_t below(std::size_t n) { return std::size_t(next() % n); }
};

// Words as they appear inside a quoted CSV cell (quotes already doubled).
const char *const kWords[] = {"the",
                              "batch",
                              "request",
                              "model",
                              "summarise",
                              "classify",
                              "customer",
                              "review",
                              "invoice",
                              "quarterly",
                              "revenue",
                              "analysis",
                              "sentiment",
                              "positive,",
                              "negative;",
                              "neutral",
                              "product",
                              "delivery",
                              "late",
                              "excellent",
                              "caf\xC3\xA9",
                              "na\xC3\xAFve",
                              "r\xC3\xA9sum\xC3\xA9",
                              "\"\"quoted\"\"",
                              "path\\to\\file",
                              "tab\tstop",
                              "M\xC3\xBCnchen",
                              "\xE6\x9D\xB1\xE4\xBA\xAC",
                              "\xE6\x97\xA5\xE6\x9C\xAC\xE8\xAA\x9E",
                              "\xF0\x9F\x93\x88",
                              "\xE2\x82\xAC",
                              "\xCE\xB1\xCE\xB2\xCE\xB3",
                              "=formula",
                              "a,b,c",
                              "50%"};
constexpr std::size_t kWordCount = sizeof(kWords) / sizeof(kWords[0]);
const char *const kLangs[] = {"en", "de", "fr", "ja", "es"};

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.addHelpOption();
    const QCommandLineOption rowsOpt(QStringLiteral("rows"), QStringLiteral("Data rows."),
                                     QStringLiteral("N"), QStringLiteral("50000"));
    const QCommandLineOption bytesOpt(QStringLiteral("bytes"), QStringLiteral("Approximate file size."),
                                      QStringLiteral("N"), QStringLiteral("100000000"));
    const QCommandLineOption seedOpt(QStringLiteral("seed"), QStringLiteral("PRNG seed."),
                                     QStringLiteral("S"), QStringLiteral("11"));
    const QCommandLineOption outOpt(QStringList {QStringLiteral("o"), QStringLiteral("output")},
                                    QStringLiteral("The CSV to write."), QStringLiteral("FILE"));
    parser.addOptions({rowsOpt, bytesOpt, seedOpt, outOpt});
    parser.process(app);
    if (!parser.isSet(outOpt)) {
        std::fputs("usage: batchdesk-bench-gen-csv [--rows N] [--bytes N] [--seed S] -o FILE\n", stderr);
        return 2;
    }
    const long long rows = parser.value(rowsOpt).toLongLong();
    const long long bytes = parser.value(bytesOpt).toLongLong();
    SplitMix rng {parser.value(seedOpt).toULongLong()};
    QFile file(parser.value(outOpt));
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate)) {
        std::fprintf(stderr, "cannot write %s\n", qPrintable(file.fileName()));
        return 2;
    }
    std::string out = "\xEF\xBB\xBFid,title,body,lang,score\r\n";
    const std::size_t perRow = std::size_t(bytes / (rows > 0 ? rows : 1));
    long long written = 0;
    for (long long r = 1; r <= rows; ++r) {
        const std::size_t start = out.size();
        out += "doc-" + std::to_string(r) + ",\"Title " + std::to_string(r) + ", "
            + kWords[rng.below(kWordCount)] + "\",\"";
        const std::size_t bodyStart = out.size();
        while (out.size() - start + 16 < perRow) {
            out += kWords[rng.below(kWordCount)];
            const std::size_t gap = rng.below(40);
            out += gap == 0 ? "\r\n" : gap == 1 ? "\n\n" : " ";
        }
        if (out.size() == bodyStart)
            out += "empty";
        out += "\",";
        out += kLangs[rng.below(5)];
        out += ',';
        out += std::to_string(rng.below(1000) / 10.0).substr(0, 4);
        out += "\r\n";
        if (out.size() > (1u << 20)) {
            written += file.write(out.data(), qint64(out.size()));
            out.clear();
        }
    }
    written += file.write(out.data(), qint64(out.size()));
    std::printf("%s: %lld rows, %lld bytes\n", qPrintable(file.fileName()), rows, written);
    return 0;
}
