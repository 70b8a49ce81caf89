// Result files for the results benchmark: for every request of an input file, an output line (chat answer or
// a 1,024-float embedding) in shuffled order, with every 50th request failing into an error file.
//   batchdesk-bench-gen-results --input IN.jsonl --kind chat|embeddings --output OUT.jsonl --errors ERR.jsonl
//   batchdesk-bench-gen-results --make-embeddings-input N -o IN.jsonl
#include <QByteArray>
#include <QCoreApplication>
#include <QFile>
#include <QRandomGenerator>
#include <QStringList>

#include <algorithm>
#include <cstdio>
#include <vector>

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    const auto value = [&args](const char *name) -> QString {
        const qsizetype i = args.indexOf(QString::fromLatin1(name));
        return i >= 0 ? args.value(i + 1) : QString();
    };
    QRandomGenerator rng(42);
    if (!value("--make-embeddings-input").isEmpty()) {
        QFile out(value("-o"));
        if (!out.open(QIODevice::WriteOnly))
            return 2;
        const int n = value("--make-embeddings-input").toInt();
        for (int i = 0; i < n; ++i)
            out.write("{\"custom_id\":\"emb-" + QByteArray::number(i)
                      + "\",\"method\":\"POST\",\"url\":\"/v1/"
                        "embeddings\",\"body\":{\"model\":\"e-1\",\"input\":\"Text "
                        "number "
                      + QByteArray::number(i) + " für die Einbettung\"}}\n");
        return 0;
    }
    QFile in(value("--input"));
    if (!in.open(QIODevice::ReadOnly))
        return 2;
    const bool embeddings = value("--kind") == QLatin1StringView("embeddings");
    std::vector<QByteArray> ids;
    while (!in.atEnd()) {
        const QByteArray line = in.readLine();
        const qsizetype k = line.indexOf("\"custom_id\":\"");
        if (k < 0)
            continue;
        const qsizetype s = k + 13;
        ids.push_back(line.mid(s, line.indexOf('"', s) - s));
    }
    std::vector<qsizetype> order(ids.size());
    for (std::size_t i = 0; i < order.size(); ++i)
        order[i] = qsizetype(i);
    std::shuffle(order.begin(), order.end(), rng);
    QFile out(value("--output"));
    QFile err(value("--errors"));
    if (!out.open(QIODevice::WriteOnly) || !err.open(QIODevice::WriteOnly))
        return 2;
    QByteArray buffer;
    for (const qsizetype i : order) {
        const QByteArray &id = ids[std::size_t(i)];
        if (i % 50 == 7) {
            err.write("{\"id\":\"batch_req_" + QByteArray::number(i) + "\",\"custom_id\":\"" + id
                      + "\",\"response\":{\"status_code\":500,\"body\":{\"error\":{\"message\":\"Internal "
                        "error\",\"type\":\"server_error\"}}},\"error\":null}\n");
            continue;
        }
        buffer = "{\"id\":\"batch_req_" + QByteArray::number(i) + "\",\"custom_id\":\"" + id
            + "\",\"response\":{\"status_code\":200,\"request_id\":\"r" + QByteArray::number(i)
            + "\",\"body\":{";
        if (embeddings) {
            buffer += "\"object\":\"list\",\"data\":[{\"object\":\"embedding\",\"index\":0,\"embedding\":[";
            for (int d = 0; d < 1024; ++d) {
                if (d)
                    buffer += ',';
                buffer += QByteArray::number(rng.generateDouble() * 0.2 - 0.1, 'g', 8);
            }
            buffer += "]}],\"model\":\"e-1\",\"usage\":{\"prompt_tokens\":8,\"total_tokens\":8}";
        } else {
            buffer += "\"id\":\"chatcmpl-" + QByteArray::number(i)
                + "\",\"object\":\"chat.completion\",\"choices\":[{\"index\":0,\"message\":{\"role\":"
                  "\"assistant\","
                  "\"content\":\"Antwort "
                + QByteArray::number(i) + ": " + QByteArray(400 + int(i % 300), 'a').replace(17, 1, "\\n")
                + " – "
                  "ok\"},\"finish_reason\":\"stop\"}],\"usage\":{\"prompt_tokens\":900,\"completion_tokens\":"
                + QByteArray::number(120 + i % 50) + ",\"total_tokens\":1000}";
        }
        buffer += "}},\"error\":null}\n";
        out.write(buffer);
    }
    std::printf("%zu requests\n", ids.size());
    return 0;
}
