// Deterministic generator of realistic batch input files: long prompts, unicode, JSON escapes.
//   batchdesk-bench-gen --bytes N [--endpoint chat|completions|embeddings] [--seed S] [--lines N]
//                       [--line-bytes N] [--id-prefix P] -o FILE
// Lines average ~4 kB so that a 200 MB file stays at the 50,000-line limit, as real large batches do;
// --line-bytes makes them shorter (the job benchmark), --id-prefix keeps custom_ids unique across parts.
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

const char *const kWords[] = {
    "the",
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
    "positive",
    "negative",
    "neutral",
    "product",
    "delivery",
    "late",
    "excellent",
    "caf\\u00e9",
    "na\\u00efve",
    "r\\u00e9sum\\u00e9",
    "\\\"quoted\\\"",
    "path\\\\to\\\\file",
    "tab\\tstop",
    "line\\nbreak",
    "M\xC3\xBCnchen",
    "\xE6\x9D\xB1\xE4\xBA\xAC",
    "\xE6\x97\xA5\xE6\x9C\xAC\xE8\xAA\x9E",
    "\xF0\x9F\x93\x88",
    "\xE2\x82\xAC",
    "\xCE\xB1\xCE\xB2\xCE\xB3",
    "data",
    "pipeline",
    "evaluate",
    "answer",
    "concisely",
    "JSON",
    "schema",
    "field",
    "value",
    "report",
    "2024-06-30",
    "42.5%",
    "<tag>",
    "&amp;",
};

void appendText(std::string &out, SplitMix &rng, std::size_t targetBytes)
{
    const std::size_t start = out.size();
    while (out.size() - start < targetBytes) {
        out += kWords[rng.below(sizeof kWords / sizeof *kWords)];
        out += rng.below(12) == 0 ? ". " : " ";
    }
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Generate a deterministic batch input JSONL file."));
    parser.addHelpOption();
    parser.addOption({QStringLiteral("bytes"), QStringLiteral("Target size in bytes (not exceeded)."),
                      QStringLiteral("n"), QStringLiteral("20000000")});
    parser.addOption({QStringLiteral("endpoint"), QStringLiteral("chat, completions or embeddings."),
                      QStringLiteral("name"), QStringLiteral("chat")});
    parser.addOption({QStringLiteral("lines"), QStringLiteral("Maximum number of lines (default 50000)."),
                      QStringLiteral("n"), QStringLiteral("50000")});
    parser.addOption(
        {QStringLiteral("seed"), QStringLiteral("Random seed."), QStringLiteral("n"), QStringLiteral("1")});
    parser.addOption({QStringLiteral("line-bytes"),
                      QStringLiteral("Average line size, at least 1200 (default 4200)."), QStringLiteral("n"),
                      QStringLiteral("4200")});
    parser.addOption({QStringLiteral("id-prefix"), QStringLiteral("custom_id prefix (default request-)."),
                      QStringLiteral("text"), QStringLiteral("request-")});
    parser.addOption({{QStringLiteral("o"), QStringLiteral("output")},
                      QStringLiteral("Output file."),
                      QStringLiteral("file")});
    parser.process(app);
    if (!parser.isSet(QStringLiteral("o"))) {
        std::fputs("batchdesk-bench-gen: -o FILE is required\n", stderr);
        return 2;
    }
    const qint64 target = parser.value(QStringLiteral("bytes")).toLongLong();
    const QString endpoint = parser.value(QStringLiteral("endpoint"));
    SplitMix rng {parser.value(QStringLiteral("seed")).toULongLong()};

    QFile out(parser.value(QStringLiteral("o")));
    if (!out.open(QIODevice::WriteOnly | QIODevice::Truncate)) {
        std::fprintf(stderr, "batchdesk-bench-gen: %s\n", qPrintable(out.errorString()));
        return 2;
    }
    // ~4 kB per line keeps 200 MB at 50,000 lines.
    const qint64 lineTarget = qMax<qint64>(1200, parser.value(QStringLiteral("line-bytes")).toLongLong());
    const std::string idPrefix = parser.value(QStringLiteral("id-prefix")).toStdString();
    const qint64 maxLines = parser.value(QStringLiteral("lines")).toLongLong();
    qint64 written = 0;
    std::string line;
    std::string buffer;
    for (qint64 i = 0;; ++i) {
        line.clear();
        line += "{\"custom_id\":\"";
        line += idPrefix;
        line += std::to_string(i);
        if (endpoint == QLatin1StringView("embeddings")) {
            line += "\",\"method\":\"POST\",\"url\":\"/v1/embeddings\",\"body\":{\"model\":\"BAAI/"
                    "bge-m3\",\"input\":\"";
            appendText(line, rng, std::size_t(lineTarget - 160 - qint64(rng.below(400))));
            line += "\",\"encoding_format\":\"float\"}}\n";
        } else if (endpoint == QLatin1StringView("completions")) {
            line += "\",\"method\":\"POST\",\"url\":\"/v1/completions\",\"body\":{\"model\":\"meta-llama/"
                    "Meta-Llama-3.1-8B-Instruct\",\"prompt\":\"";
            appendText(line, rng, std::size_t(lineTarget - 220 - qint64(rng.below(400))));
            line += "\",\"max_tokens\":256,\"temperature\":0.2}}\n";
        } else {
            line +=
                "\",\"method\":\"POST\",\"url\":\"/v1/chat/completions\",\"body\":{\"model\":\"deepseek-ai/"
                "DeepSeek-V3\",\"messages\":[{\"role\":\"system\",\"content\":\"You are a careful analyst. ";
            appendText(line, rng, 300 + rng.below(200));
            line += "\"},{\"role\":\"user\",\"content\":\"";
            appendText(line, rng, std::size_t(lineTarget - 700 - qint64(rng.below(400))));
            line +=
                "\"}],\"max_tokens\":512,\"temperature\":0.7,\"response_format\":{\"type\":\"json_object\"},"
                "\"stop\":[\"\\n\\n###\"]}}\n";
        }
        if (written + qint64(line.size()) > target || i >= maxLines)
            break;
        buffer += line;
        written += qint64(line.size());
        if (buffer.size() > (8u << 20)) {
            out.write(buffer.data(), qint64(buffer.size()));
            buffer.clear();
        }
    }
    out.write(buffer.data(), qint64(buffer.size()));
    std::printf("%lld\n", static_cast<long long>(written));
    return 0;
}
