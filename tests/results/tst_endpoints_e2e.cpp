// OpenAI's other batch endpoints end to end against the real sandbox over loopback: one batch each for
// /v1/responses, /v1/moderations, /v1/images/generations, /v1/images/edits and /v1/videos, submitted with the
// real CLI (validated locally with the OpenAI profile, run by the sandbox's built-in models), downloaded,
// joined, exported (CSV and JSONL columns) and, for images, saved as files by Results::saveImages and by
// `batchdesk-cli results images` — a hostile custom_id stays inside the chosen folder.
#include "e2e/e2e_util.h"
#include "results/exporters.h"
#include "results/imagesaver.h"
#include "results/joinedresults.h"
#include "results_readers.h"
#include "sandbox/sandboxserver.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>
#include <QtEndian>

#include <memory>

using namespace Batchdesk::Results;
using Batchdesk::Sandbox::SandboxConfig;
using Batchdesk::Sandbox::SandboxServer;

namespace {

struct Run
{
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
    QJsonObject json() const { return QJsonDocument::fromJson(out).object(); }
};

QByteArray line(const QByteArray &id, const QByteArray &url, const QJsonObject &body)
{
    const QJsonObject o {{QStringLiteral("custom_id"), QString::fromUtf8(id)},
                         {QStringLiteral("method"), QStringLiteral("POST")},
                         {QStringLiteral("url"), QString::fromUtf8(url)},
                         {QStringLiteral("body"), body}};
    return QJsonDocument(o).toJson(QJsonDocument::Compact) + '\n';
}

// Width and height from a PNG's IHDR; {-1, -1} when the bytes are not a PNG.
QPair<int, int> pngSize(const QByteArray &png)
{
    if (!png.startsWith("\x89PNG\r\n\x1a\n") || png.size() < 33 || png.mid(12, 4) != "IHDR")
        return {-1, -1};
    return {int(qFromBigEndian<quint32>(png.constData() + 16)),
            int(qFromBigEndian<quint32>(png.constData() + 20))};
}

QByteArray readAll(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

} // namespace

class TestEndpointsE2E : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::unique_ptr<SandboxServer> m_server;

    QString dataDir() const { return m_dir.filePath(QStringLiteral("data")); }
    QString path(const QString &name) const { return m_dir.filePath(name); }

    Run cli(QStringList args)
    {
        QProcess p;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("BATCHDESK_API_KEY"), QStringLiteral("k"));
        env.insert(QStringLiteral("BATCHDESK_DATA_DIR"), dataDir());
        p.setProcessEnvironment(env);
        args << QStringLiteral("--base-url") << m_server->baseUrl();
        p.start(QStringLiteral(BATCHDESK_CLI), args);
        if (!p.waitForFinished(90'000)) {
            p.kill();
            p.waitForFinished();
        }
        return {p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1, p.readAllStandardOutput(),
                p.readAllStandardError()};
    }

    // Submits the lines with the OpenAI profile, waits for the batch, returns its id (empty on failure).
    QString runBatch(const QString &name, const QByteArray &content)
    {
        const QString input = path(name + QStringLiteral(".jsonl"));
        if (!writeFile(input, content))
            return {};
        const Run r = cli({QStringLiteral("submit"), input, QStringLiteral("--profile"),
                           QStringLiteral("openai"), QStringLiteral("--json"), QStringLiteral("--wait"),
                           QStringLiteral("--interval"), QStringLiteral("0.1")});
        if (r.exitCode != 0)
            qWarning("submit failed: %s %s", r.out.constData(), r.err.constData());
        return r.json().value(QStringLiteral("id")).toString();
    }

    // `results export` as CSV (it also downloads the results into the data folder).
    QList<QStringList> exportCsv(const QString &id, const QString &name)
    {
        const QString out = path(name + QStringLiteral(".csv"));
        const Run r = cli({QStringLiteral("results"), QStringLiteral("export"), id, QStringLiteral("--input"),
                           path(name + QStringLiteral(".jsonl")), QStringLiteral("-o"), out});
        if (r.exitCode != 0)
            qWarning("export failed: %s", r.err.constData());
        return parseCsv(readAll(out));
    }

    QStringList resultFiles(const QString &id) const
    {
        QStringList files;
        QDirIterator it(dataDir(),
                        {id + QStringLiteral("_output.jsonl"), id + QStringLiteral("_errors.jsonl")},
                        QDir::Files, QDirIterator::Subdirectories);
        while (it.hasNext())
            files << it.next();
        return files;
    }

    std::shared_ptr<const JoinedResults> join(const QString &id, const QString &name)
    {
        auto joined = JoinedResults::open(path(name + QStringLiteral(".jsonl")), resultFiles(id));
        return joined.ok() ? joined.value() : nullptr;
    }

    // The row of a CSV export for a custom_id, as column name -> cell.
    static QMap<QString, QString> csvRow(const QList<QStringList> &csv, const QString &customId)
    {
        QMap<QString, QString> row;
        for (qsizetype i = 1; i < csv.size(); ++i) {
            if (csv.at(i).value(0) != customId)
                continue;
            for (qsizetype c = 0; c < csv.first().size(); ++c)
                row.insert(csv.first().at(c), csv.at(i).value(c));
        }
        return row;
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        SandboxConfig c;
        c.apiKey = QStringLiteral("k");
        c.latencyMs = 2;
        m_server = std::make_unique<SandboxServer>(c);
        QString error;
        QVERIFY2(m_server->start(&error), qPrintable(error));
    }

    void responses()
    {
        const QByteArray url = "/v1/responses";
        const QJsonObject model {{QStringLiteral("model"), QStringLiteral("sandbox/echo")}};
        auto body = [&](const QJsonValue &input) {
            QJsonObject b = model;
            b.insert(QStringLiteral("input"), input);
            return b;
        };
        const QJsonArray items {
            QJsonObject {{QStringLiteral("role"), QStringLiteral("system")},
                         {QStringLiteral("content"), QStringLiteral("be brief")}},
            QJsonObject {{QStringLiteral("role"), QStringLiteral("user")},
                         {QStringLiteral("content"),
                          QJsonArray {QJsonObject {{QStringLiteral("type"), QStringLiteral("input_text")},
                                                   {QStringLiteral("text"), QStringLiteral("Say hi")}}}}}};
        QJsonObject cut = body(QStringLiteral("one two three four"));
        cut.insert(QStringLiteral("max_output_tokens"), 2);
        const QString id =
            runBatch(QStringLiteral("responses"),
                     line("r1", url, body(QStringLiteral("Hello world"))) + line("r2", url, body(items))
                         + line("r3", url, body(QStringLiteral("[[fail:400]] no"))) + line("r4", url, cut));
        QVERIFY(!id.isEmpty());
        const auto csv = exportCsv(id, QStringLiteral("responses"));
        QCOMPARE(csv.size(), 5);
        QCOMPARE(csvRow(csv, QStringLiteral("r1")).value(QStringLiteral("response")),
                 QStringLiteral("Hello world"));
        QCOMPARE(csvRow(csv, QStringLiteral("r1")).value(QStringLiteral("output_tokens")),
                 QStringLiteral("2"));
        QCOMPARE(csvRow(csv, QStringLiteral("r2")).value(QStringLiteral("response")),
                 QStringLiteral("Say hi"));
        QCOMPARE(csvRow(csv, QStringLiteral("r3")).value(QStringLiteral("outcome")),
                 QStringLiteral("failed"));
        QCOMPARE(csvRow(csv, QStringLiteral("r3")).value(QStringLiteral("http_status")),
                 QStringLiteral("400"));
        QCOMPARE(csvRow(csv, QStringLiteral("r4")).value(QStringLiteral("response")),
                 QStringLiteral("one two"));
        QCOMPARE(csvRow(csv, QStringLiteral("r1")).value(QStringLiteral("flagged")), QString());

        const auto joined = join(id, QStringLiteral("responses"));
        QVERIFY(joined);
        const ResultRow r1 = joined->row(0);
        QCOMPARE(r1.responseText, QStringLiteral("Hello world"));
        QCOMPARE(r1.inputTokens, 2);
        QCOMPARE(r1.outputTokens, 2);
        QCOMPARE(r1.flagged, -1);
        QCOMPARE(r1.imageCount, 0);
        const ResultKinds kinds = resultKinds(*joined);
        QVERIFY(!kinds.images && !kinds.moderations && !kinds.videos);
    }

    void moderations()
    {
        const QByteArray url = "/v1/moderations";
        auto body = [](const QJsonValue &input) { return QJsonObject {{QStringLiteral("input"), input}}; };
        const QString id = runBatch(
            QStringLiteral("moderations"),
            line("m1", url, body(QStringLiteral("a kind sentence")))
                + line("m2", url, body(QStringLiteral("bad [[flag:violence]]")))
                + line(
                    "m3", url,
                    body(QJsonArray {QStringLiteral("fine"),
                                     QStringLiteral("[[flag:hate]] and [[flag:harassment/threatening]]")})));
        QVERIFY(!id.isEmpty());
        const auto csv = exportCsv(id, QStringLiteral("moderations"));
        QCOMPARE(csv.size(), 4);
        QVERIFY(csv.first().contains(QStringLiteral("flagged")));
        QVERIFY(csv.first().contains(QStringLiteral("categories")));
        const auto m1 = csvRow(csv, QStringLiteral("m1"));
        QCOMPARE(m1.value(QStringLiteral("outcome")), QStringLiteral("succeeded"));
        QCOMPARE(m1.value(QStringLiteral("flagged")), QStringLiteral("false"));
        QCOMPARE(m1.value(QStringLiteral("categories")), QString());
        QCOMPARE(csvRow(csv, QStringLiteral("m2")).value(QStringLiteral("flagged")), QStringLiteral("true"));
        QCOMPARE(csvRow(csv, QStringLiteral("m2")).value(QStringLiteral("categories")),
                 QStringLiteral("violence"));
        QCOMPARE(csvRow(csv, QStringLiteral("m3")).value(QStringLiteral("categories")),
                 QStringLiteral("harassment/threatening;hate"));
        QCOMPARE(csvRow(csv, QStringLiteral("m2")).value(QStringLiteral("response")),
                 QStringLiteral("flagged: violence"));

        const auto joined = join(id, QStringLiteral("moderations"));
        QVERIFY(joined);
        QCOMPARE(joined->row(1).flagged, 1);
        QCOMPARE(joined->row(1).flaggedCategories, QStringList {QStringLiteral("violence")});
        QVERIFY(resultKinds(*joined).moderations);
        // The JSONL export carries the verdict next to the lines.
        const QString jsonl = path(QStringLiteral("moderations-joined.jsonl"));
        QVERIFY(exportJsonl(*joined, jsonl).ok());
        const QList<QByteArray> lines = readLines(jsonl);
        QCOMPARE(lines.size(), 3);
        const QJsonObject second = QJsonDocument::fromJson(lines.at(1)).object();
        QCOMPARE(second.value(QStringLiteral("flagged")).toBool(), true);
        QCOMPARE(second.value(QStringLiteral("categories")).toArray(),
                 QJsonArray {QStringLiteral("violence")});
        QCOMPARE(QJsonDocument::fromJson(lines.at(0)).object().value(QStringLiteral("flagged")).toBool(true),
                 false);
    }

    void imageGenerationsAndSaving()
    {
        const QByteArray url = "/v1/images/generations";
        auto body = [](const QString &prompt, int n = 1, const QString &format = {}) {
            QJsonObject b {{QStringLiteral("model"), QStringLiteral("sandbox/image")},
                           {QStringLiteral("prompt"), prompt},
                           {QStringLiteral("n"), n}};
            if (!format.isEmpty())
                b.insert(QStringLiteral("response_format"), format);
            return b;
        };
        const QString id =
            runBatch(QStringLiteral("images"),
                     line("i1", url, body(QStringLiteral("a red fox"), 2))
                         + line("../../x", url, body(QStringLiteral("a hostile name")))
                         + line("i3", url, body(QStringLiteral("by url"), 1, QStringLiteral("url")))
                         + line("i4", url, body(QStringLiteral("[[fail:500]]"))));
        QVERIFY(!id.isEmpty());
        const auto csv = exportCsv(id, QStringLiteral("images"));
        QCOMPARE(csv.size(), 5);
        QCOMPARE(csvRow(csv, QStringLiteral("i1")).value(QStringLiteral("images")), QStringLiteral("2"));
        QCOMPARE(csvRow(csv, QStringLiteral("../../x")).value(QStringLiteral("images")), QStringLiteral("1"));
        QCOMPARE(csvRow(csv, QStringLiteral("i4")).value(QStringLiteral("outcome")),
                 QStringLiteral("failed"));

        const auto joined = join(id, QStringLiteral("images"));
        QVERIFY(joined);
        QCOMPARE(joined->row(0).imageCount, 2);
        QCOMPARE(joined->row(2).imageCount, 1);
        QCOMPARE(joined->row(2).imageUrls.size(), 1);
        QVERIFY(
            joined->row(2).imageUrls.first().startsWith(QStringLiteral("https://sandbox.invalid/images/")));
        QVERIFY(resultKinds(*joined).images);

        // Saved from the joined results into a folder two levels deep: "../../x" must land inside it.
        const QString dir = path(QStringLiteral("out/a/images"));
        const auto saved = saveImages(*joined, dir);
        QVERIFY2(saved.ok(), qPrintable(saved.errorString()));
        QCOMPARE(saved.value().images, 3);
        QCOMPARE(saved.value().urls, 1);
        QCOMPARE(saved.value().rows, 3);
        const QStringList files = QDir(dir).entryList(QDir::Files, QDir::Name);
        QCOMPARE(files,
                 (QStringList {QStringLiteral("_.._x.png"), QStringLiteral("i1-1.png"),
                               QStringLiteral("i1-2.png"), QStringLiteral("images.csv")}));
        for (const QString &f : files) {
            QVERIFY(QFileInfo(QDir(dir).filePath(f)).canonicalPath() == QDir(dir).canonicalPath());
            if (f.endsWith(QLatin1String(".png")))
                QCOMPARE(pngSize(readAll(QDir(dir).filePath(f))), (QPair<int, int>(8, 8)));
        }
        QVERIFY(!QFile::exists(path(QStringLiteral("out/x.png"))));
        QVERIFY(!QFile::exists(path(QStringLiteral("x.png"))));
        // Different prompts give different images.
        QVERIFY(readAll(QDir(dir).filePath(QStringLiteral("i1-1.png")))
                != readAll(QDir(dir).filePath(QStringLiteral("_.._x.png"))));
        const auto urlList = parseCsv(readAll(QDir(dir).filePath(QStringLiteral("images.csv"))));
        QCOMPARE(urlList.size(), 2);
        QCOMPARE(urlList.at(0),
                 (QStringList {QStringLiteral("custom_id"), QStringLiteral("image_index"),
                               QStringLiteral("url")}));
        QCOMPARE(urlList.at(1).value(0), QStringLiteral("i3"));
        QCOMPARE(urlList.at(1).value(2), joined->row(2).imageUrls.first());

        // The CLI does the same from the batch id alone.
        const QString cliDir = path(QStringLiteral("cli-images"));
        const Run r = cli({QStringLiteral("results"), QStringLiteral("images"), id, QStringLiteral("-o"),
                           cliDir, QStringLiteral("--json")});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        QCOMPARE(r.json().value(QStringLiteral("images")).toInt(), 3);
        QCOMPARE(r.json().value(QStringLiteral("urls")).toInt(), 1);
        QCOMPARE(QDir(cliDir).entryList(QDir::Files, QDir::Name), files);
        QCOMPARE(readAll(QDir(cliDir).filePath(QStringLiteral("i1-2.png"))),
                 readAll(QDir(dir).filePath(QStringLiteral("i1-2.png"))));
    }

    void imageEdits()
    {
        const QByteArray url = "/v1/images/edits";
        const QJsonObject body {
            {QStringLiteral("model"), QStringLiteral("sandbox/image")},
            {QStringLiteral("prompt"), QStringLiteral("add a hat")},
            {QStringLiteral("images"),
             QJsonArray {QJsonObject {{QStringLiteral("file_id"), QStringLiteral("file-abc")}}}}};
        const QString id = runBatch(QStringLiteral("edits"),
                                    line("e1", url, body) + line("e2", url, body) + line("e/3", url, body)
                                        + line("E?3", url, body));
        QVERIFY(!id.isEmpty());
        const auto csv = exportCsv(id, QStringLiteral("edits"));
        QCOMPARE(csv.size(), 5);
        QCOMPARE(csvRow(csv, QStringLiteral("e2")).value(QStringLiteral("images")), QStringLiteral("1"));
        const auto joined = join(id, QStringLiteral("edits"));
        QVERIFY(joined);
        const auto saved = saveImages(resultFiles(id), path(QStringLiteral("edits-out")));
        QVERIFY2(saved.ok(), qPrintable(saved.errorString()));
        QCOMPARE(saved.value().images, 4);
        // Two custom_ids that give the same name (also when only the case differs) keep both images.
        QCOMPARE(QDir(path(QStringLiteral("edits-out"))).entryList(QDir::Files, QDir::Name),
                 (QStringList {QStringLiteral("E_3_2.png"), QStringLiteral("e1.png"),
                               QStringLiteral("e2.png"), QStringLiteral("e_3.png")}));
        QCOMPARE(pngSize(readAll(path(QStringLiteral("edits-out/e1.png")))), (QPair<int, int>(8, 8)));
    }

    void videos()
    {
        const QByteArray url = "/v1/videos";
        const QString id =
            runBatch(QStringLiteral("videos"),
                     line("v1", url,
                          QJsonObject {{QStringLiteral("prompt"), QStringLiteral("waves at dusk")},
                                       {QStringLiteral("seconds"), QStringLiteral("8")}}));
        QVERIFY(!id.isEmpty());
        const auto csv = exportCsv(id, QStringLiteral("videos"));
        QCOMPARE(csv.size(), 2);
        const auto v1 = csvRow(csv, QStringLiteral("v1"));
        QVERIFY2(v1.value(QStringLiteral("video_id")).startsWith(QStringLiteral("video_")),
                 qPrintable(v1.value(QStringLiteral("video_id"))));
        QCOMPARE(v1.value(QStringLiteral("video_status")), QStringLiteral("completed"));
        const auto joined = join(id, QStringLiteral("videos"));
        QVERIFY(joined);
        QCOMPARE(joined->row(0).videoStatus, QStringLiteral("completed"));
        QVERIFY(resultKinds(*joined).videos);

        // A batch without images: `results images` says so and exits 1; nothing is written.
        const Run r = cli({QStringLiteral("results"), QStringLiteral("images"), id, QStringLiteral("-o"),
                           path(QStringLiteral("no-images"))});
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains("The results hold no images."), r.err.constData());
        QVERIFY(!QFileInfo::exists(path(QStringLiteral("no-images"))));
    }
};

QTEST_GUILESS_MAIN(TestEndpointsE2E)
#include "tst_endpoints_e2e.moc"
