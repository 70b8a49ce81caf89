// Results from the real sandbox: a batch with failing lines (500 and 400), a cancelled and an expired batch,
// embeddings; the CLI's `results export` and `resubmit` end to end (download into the data folder, offline
// reuse, latest result wins across a resubmit, exit codes), and the join over the downloaded files.
#include "api/apiclient.h"
#include "api/apijob.h"
#include "e2e/e2e_util.h"
#include "results/joinedresults.h"
#include "results/resultsdownload.h"
#include "results_readers.h"
#include "sandbox/sandboxserver.h"

#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QProcess>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <cstring>
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

QByteArray embedLine(const QByteArray &id, const QByteArray &text)
{
    return "{\"custom_id\":\"" + id
        + "\",\"method\":\"POST\",\"url\":\"/v1/embeddings\",\"body\":{\"model\":\"sandbox/"
          "embed\",\"input\":\""
        + text + "\",\"dimensions\":16}}\n";
}
} // namespace

class TestResultsE2E : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::unique_ptr<SandboxServer> m_server;

    Run cli(const SandboxServer &server, QStringList args) { return cli(server.baseUrl(), std::move(args)); }
    Run cli(const QString &baseUrl, QStringList args, const QString &key = QStringLiteral("k"))
    {
        QProcess p;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("BATCHDESK_API_KEY"), key);
        env.insert(QStringLiteral("BATCHDESK_DATA_DIR"), dataDir());
        p.setProcessEnvironment(env);
        args << QStringLiteral("--base-url") << baseUrl;
        p.start(QStringLiteral(BATCHDESK_CLI), args);
        if (!p.waitForFinished(90'000)) {
            p.kill();
            p.waitForFinished();
        }
        return {p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1, p.readAllStandardOutput(),
                p.readAllStandardError()};
    }
    Run cli(QStringList args) { return cli(*m_server, std::move(args)); }

    QString dataDir() const { return m_dir.filePath(QStringLiteral("data")); }
    QString path(const QString &name) const { return m_dir.filePath(name); }

    QString submit(const SandboxServer &server, const QString &file, bool wait = true)
    {
        QStringList args {QStringLiteral("submit"), file, QStringLiteral("--json")};
        if (wait)
            args << QStringLiteral("--wait") << QStringLiteral("--interval") << QStringLiteral("0.1");
        const Run r = cli(server, args);
        const QString id = r.json().value(QStringLiteral("id")).toString();
        if (id.isEmpty())
            qFatal("submit failed: %s %s", r.out.constData(), r.err.constData());
        return id;
    }

    static QMap<QString, qint64> outcomeCounts(const QList<QStringList> &csv)
    {
        QMap<QString, qint64> counts;
        for (qsizetype i = 1; i < csv.size(); ++i)
            ++counts[csv.at(i).value(1)];
        return counts;
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

    void exportAndResubmitCompletedWithFailures()
    {
        // 12 lines: 0, 4, 8 fail with 500; one more with 400; one non-ASCII.
        QByteArray content =
            chatFile(12, 4) + chatLine("bad", "[[fail:400]] nope") + chatLine("uni", "Grüße 你好 🌍");
        const QString input = path(QStringLiteral("mixed.jsonl"));
        QVERIFY(writeFile(input, content));
        const QString id = submit(*m_server, input);

        const QString csv = path(QStringLiteral("mixed.csv"));
        const Run r =
            cli({QStringLiteral("results"), QStringLiteral("export"), id, QStringLiteral("--input"), input,
                 QStringLiteral("--format"), QStringLiteral("csv"), QStringLiteral("-o"), csv});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        QVERIFY2(r.out.contains("14 rows"), r.out.constData());
        QVERIFY(r.out.contains("10 succeeded, 4 failed"));
        // The CLI keeps them where the app does: results/<account key>/<batch>; with --base-url the key is
        // "url-" and a hash of the URL.
        const QStringList keys = QDir(QDir(dataDir()).filePath(QStringLiteral("results")))
                                     .entryList(QDir::Dirs | QDir::NoDotAndDotDot);
        QCOMPARE(keys.size(), 1);
        QVERIFY(keys.first().startsWith(QStringLiteral("url-")));
        const QDir folder(QDir(dataDir()).filePath(QStringLiteral("results/") + keys.first() + u'/' + id));
        QVERIFY(folder.exists(completeMarkerName(id)));
        QVERIFY(folder.exists(id + QStringLiteral("_output.jsonl")));
        QVERIFY(folder.exists(id + QStringLiteral("_errors.jsonl")));
        {
            // A results file cut short after the download is found by its recorded size and fetched again:
            // the export still has every row, none "missing".
            QFile cut(folder.filePath(id + QStringLiteral("_output.jsonl")));
            QVERIFY(cut.resize(cut.size() / 3));
            const Run again =
                cli({QStringLiteral("results"), QStringLiteral("export"), id, QStringLiteral("--input"),
                     input, QStringLiteral("--format"), QStringLiteral("csv"), QStringLiteral("-o"), csv});
            QVERIFY2(again.exitCode == 0, again.err.constData());
            QVERIFY2(again.err.contains("was cut or changed") && again.err.contains("Downloading them again"),
                     again.err.constData());
            QVERIFY2(again.out.contains("10 succeeded, 4 failed"), again.out.constData());
            QVERIFY(!again.out.contains("missing"));
        }

        QFile f(csv);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QList<QStringList> rows = parseCsv(f.readAll());
        QCOMPARE(rows.size(), 15);
        QCOMPARE(outcomeCounts(rows).value(QStringLiteral("succeeded")), 10);
        QCOMPARE(outcomeCounts(rows).value(QStringLiteral("failed")), 4);
        QCOMPARE(rows.at(1).at(0), QStringLiteral("req-0")); // input order
        QCOMPARE(rows.at(1).at(2), QStringLiteral("500"));
        QCOMPARE(rows.at(2).at(1), QStringLiteral("succeeded"));
        QCOMPARE(rows.at(2).at(4), QStringLiteral("hello 1"));
        QVERIFY2(rows.at(2).at(5).contains(QStringLiteral("hello 1")), qPrintable(rows.at(2).at(5)));
        QCOMPARE(rows.at(13).at(2), QStringLiteral("400"));
        QVERIFY(!rows.at(13).at(10).isEmpty()); // the error message of the 400 body
        QCOMPARE(rows.at(14).at(4), QStringLiteral("Grüße 你好 🌍"));
        QVERIFY(rows.at(14).at(5).contains(QStringLiteral("Grüße 你好 🌍")));

        // The same join in-process over the downloaded files.
        const auto joined = JoinedResults::open(input,
                                                {folder.filePath(id + QStringLiteral("_output.jsonl")),
                                                 folder.filePath(id + QStringLiteral("_errors.jsonl"))});
        QVERIFY(joined.ok());
        QCOMPARE(joined.value()->totals().count(Outcome::Failed), 4);
        QVERIFY(joined.value()->totals().outputTokens > 0);
        QCOMPARE(joined.value()->row(1).finishReason, QStringLiteral("stop"));

        // The local files are used: no request is made (a wrong key would get a 401).
        {
            const QString xlsx = path(QStringLiteral("mixed.xlsx"));
            const Run x = cli(m_server->baseUrl(),
                              {QStringLiteral("results"), QStringLiteral("export"), id,
                               QStringLiteral("--input"), input, QStringLiteral("-o"), xlsx},
                              QStringLiteral("wrong-key"));
            QVERIFY2(x.exitCode == 0, x.err.constData());
            if (!QStandardPaths::findExecutable(QStringLiteral("unzip")).isEmpty()) {
                const QList<QStringList> grid = readXlsx(xlsx);
                QCOMPARE(grid.size(), 15);
                QCOMPARE(grid.at(14).at(4), QStringLiteral("Grüße 你好 🌍"));
                QCOMPARE(grid.at(13).at(2), QStringLiteral("400"));
            }
        }

        // Resubmit the failures, byte for byte.
        const QString again = path(QStringLiteral("again.jsonl"));
        const Run rs = cli(
            {QStringLiteral("resubmit"), id, QStringLiteral("--input"), input, QStringLiteral("-o"), again});
        QVERIFY2(rs.exitCode == 0, rs.err.constData());
        QVERIFY2(rs.out.contains("4 request lines"), rs.out.constData());
        const QList<QByteArray> lines = readLines(again);
        QCOMPARE(lines.size(), 4);
        QCOMPARE(lines.at(0) + '\n', chatLine("req-0", "please [[fail]] here"));
        QCOMPARE(lines.at(3) + '\n', chatLine("bad", "[[fail:400]] nope"));

        // The fixed resubmit succeeds; exporting both batches gives each request its latest result.
        QByteArray fixed = readLines(again).join('\n') + '\n';
        fixed.replace("[[fail]]", "ok").replace("[[fail:400]]", "ok");
        const QString fixedPath = path(QStringLiteral("fixed.jsonl"));
        QVERIFY(writeFile(fixedPath, fixed));
        const QString second = submit(*m_server, fixedPath);
        const QString merged = path(QStringLiteral("merged.jsonl"));
        const Run m = cli({QStringLiteral("results"), QStringLiteral("export"), id, second,
                           QStringLiteral("--input"), input, QStringLiteral("--format"),
                           QStringLiteral("jsonl"), QStringLiteral("-o"), merged, QStringLiteral("--json")});
        QVERIFY2(m.exitCode == 0, m.err.constData());
        QCOMPARE(
            m.json().value(QStringLiteral("outcomes")).toObject().value(QStringLiteral("succeeded")).toInt(),
            14);
        QCOMPARE(readLines(merged).size(), 14);

        // Nothing left to resubmit: exit 1, no file.
        const QString none = path(QStringLiteral("none.jsonl"));
        const Run n = cli({QStringLiteral("resubmit"), id, second, QStringLiteral("--input"), input,
                           QStringLiteral("-o"), none});
        QCOMPARE(n.exitCode, 1);
        QVERIFY(!QFile::exists(none));
    }

    void csvNeutralizesFormulas()
    {
        // The sandbox echoes the prompt: a "response" that a spreadsheet would run as a formula.
        const QString input = path(QStringLiteral("formula.jsonl"));
        QVERIFY(writeFile(input,
                          chatLine("f1", "=HYPERLINK(\\\"http://x\\\")") + chatLine("f2", "@SUM(A1)")
                              + chatLine("f3", "plain")));
        const QString id = submit(*m_server, input);
        const QString csv = path(QStringLiteral("formula.csv"));
        const Run r = cli({QStringLiteral("results"), QStringLiteral("export"), id, QStringLiteral("--input"),
                           input, QStringLiteral("-o"), csv});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        QFile f(csv);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QList<QStringList> rows = parseCsv(f.readAll());
        QCOMPARE(rows.size(), 4);
        QCOMPARE(rows.at(1).at(4), QStringLiteral("'=HYPERLINK(\"http://x\")"));
        QCOMPARE(rows.at(2).at(4), QStringLiteral("'@SUM(A1)"));
        QCOMPARE(rows.at(3).at(4), QStringLiteral("plain"));
        // On request, byte for byte.
        const QString raw = path(QStringLiteral("formula-raw.csv"));
        const Run r2 =
            cli({QStringLiteral("results"), QStringLiteral("export"), id, QStringLiteral("--input"), input,
                 QStringLiteral("-o"), raw, QStringLiteral("--no-formula-escape")});
        QVERIFY2(r2.exitCode == 0, r2.err.constData());
        QFile f2(raw);
        QVERIFY(f2.open(QIODevice::ReadOnly));
        QCOMPARE(parseCsv(f2.readAll()).at(2).at(4), QStringLiteral("@SUM(A1)"));
    }

    // What the app does when a batch finishes: both files into the results folder, renamed into place, then
    // the marker. A stopped (or killed) download leaves no file under a final name and no marker; the next
    // attempt removes the leftovers and completes.
    void resultsDownloadIsAllOrNothing()
    {
        const QString input = path(QStringLiteral("dl.jsonl"));
        QVERIFY(writeFile(input, chatFile(300, 50)));
        const QString id = submit(*m_server, input);
        QNetworkAccessManager nam;
        Batchdesk::Api::ApiClient client(&nam);
        client.setBaseUrl(QUrl(m_server->baseUrl()));
        client.setApiKey(QStringLiteral("k"));
        auto *get = client.retrieveBatch(id);
        get->setAutoDelete(false);
        QSignalSpy got(get, &Batchdesk::Api::ApiJob::finished);
        get->start();
        QVERIFY(got.wait(10000));
        const Batchdesk::Api::Batch batch = get->batch();
        delete get;
        QVERIFY(!batch.outputFileId.isEmpty() && !batch.errorFileId.isEmpty());

        const QDir folder(path(QStringLiteral("dl-results")));
        Batchdesk::Sandbox::SandboxFaults slow;
        slow.slowMs = 400;
        m_server->setFaults(slow);
        {
            ResultsDownload stopped(&client, batch, folder.path());
            stopped.setAutoDelete(false);
            stopped.start();
            QTest::qWait(100);
            stopped.abort();
            QVERIFY(stopped.isFinished() && stopped.failed());
            QCOMPARE(stopped.error().kind, Batchdesk::Api::ApiError::Kind::Canceled);
        }
        m_server->setFaults({});
        QVERIFY(!folder.exists(completeMarkerName(id)));
        QVERIFY(!folder.exists(outputFileName(id)));
        QVERIFY(completeResultFiles(folder.path(), id).isEmpty());
        // What a killed process leaves: a temporary file named after the final one.
        QVERIFY(writeFile(folder.filePath(outputFileName(id) + QStringLiteral(".Ab12Cd")), "partial"));

        ResultsDownload again(&client, batch, folder.path());
        again.setAutoDelete(false);
        QSignalSpy finished(&again, &ResultsDownload::finished);
        again.start();
        QVERIFY(finished.wait(20000));
        QVERIFY2(!again.failed(), qPrintable(again.error().message));
        QVERIFY(folder.exists(completeMarkerName(id)));
        QCOMPARE(folder.entryList(QDir::Files | QDir::Hidden).size(), 3); // output, errors, marker
        QCOMPARE(completeResultFiles(folder.path(), id),
                 (QStringList {folder.filePath(outputFileName(id)), folder.filePath(errorFileName(id))}));
        const auto joined = JoinedResults::open(input, completeResultFiles(folder.path(), id));
        QVERIFY(joined.ok());
        QCOMPARE(joined.value()->totals().count(Outcome::Succeeded), 294);
        QCOMPARE(joined.value()->totals().count(Outcome::Failed), 6);

        // Trust, then verify: the marker records sizes and checksums. A file cut short (a full disk, a
        // copy that stopped) is no longer a complete folder, so it is never joined as rows "missing".
        const QString output = folder.filePath(outputFileName(id));
        QFile file(output);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray whole = file.readAll();
        file.close();
        QVERIFY(file.resize(whole.size() / 2));
        QVERIFY(completeResultFiles(folder.path(), id).isEmpty());
        auto verified = verifiedResultFiles(folder.path(), id);
        QVERIFY(!verified.ok());
        QCOMPARE(verified.error().code, QStringLiteral("truncated"));
        QVERIFY2(verified.errorString().contains(outputFileName(id)), qPrintable(verified.errorString()));
        // The same size with other bytes passes the quick check, not the checksum.
        QByteArray changed = whole;
        changed[changed.size() / 3] = changed[changed.size() / 3] == 'a' ? 'b' : 'a';
        QVERIFY(writeFile(output, changed));
        QVERIFY(verifiedResultFiles(folder.path(), id, Verify::Size).ok());
        verified = verifiedResultFiles(folder.path(), id, Verify::Checksum);
        QVERIFY(!verified.ok());
        QCOMPARE(verified.error().code, QStringLiteral("checksum"));
        QVERIFY(writeFile(output, whole));
        QVERIFY(verifiedResultFiles(folder.path(), id, Verify::Checksum).ok());
        // A missing file, and a marker of an older version (no sizes), are not complete either.
        QVERIFY(QFile::remove(folder.filePath(errorFileName(id))));
        QCOMPARE(verifiedResultFiles(folder.path(), id).error().code, QStringLiteral("missing"));
        QVERIFY(writeFile(folder.filePath(completeMarkerName(id)), id.toUtf8() + '\n'));
        QCOMPARE(verifiedResultFiles(folder.path(), id).error().code, QStringLiteral("unverified"));
    }

    void cancelledAndExpired()
    {
        SandboxConfig slow;
        slow.apiKey = QStringLiteral("k");
        slow.latencyMs = 60;
        slow.concurrency = 1;
        SandboxServer server(slow);
        QVERIFY(server.start());
        const QString input = path(QStringLiteral("slow.jsonl"));
        QVERIFY(writeFile(input, chatFile(60)));
        const QString id = submit(server, input, false);
        QTest::qWait(500);
        QCOMPARE(cli(server, {QStringLiteral("batches"), QStringLiteral("cancel"), id}).exitCode, 0);
        cli(server,
            {QStringLiteral("batches"), QStringLiteral("wait"), id, QStringLiteral("--interval"),
             QStringLiteral("0.1")});
        const QString out = path(QStringLiteral("cancelled.jsonl"));
        const Run r =
            cli(server,
                {QStringLiteral("resubmit"), id, QStringLiteral("--input"), input, QStringLiteral("-o"), out,
                 QStringLiteral("--outcomes"), QStringLiteral("cancelled"), QStringLiteral("--json")});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        const qint64 cancelled = r.json().value(QStringLiteral("lines")).toInteger();
        QVERIFY(cancelled > 0 && cancelled < 60);
        QCOMPARE(readLines(out).size(), cancelled);

        SandboxConfig shortWindow = slow;
        shortWindow.windowSeconds = 1;
        SandboxServer expiring(shortWindow);
        QVERIFY(expiring.start());
        const QString expiredId = submit(expiring, input);
        const QString csv = path(QStringLiteral("expired.csv"));
        const Run e = cli(expiring,
                          {QStringLiteral("results"), QStringLiteral("export"), expiredId,
                           QStringLiteral("--input"), input, QStringLiteral("-o"), csv});
        QVERIFY2(e.exitCode == 0, e.err.constData());
        QFile f(csv);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QList<QStringList> rows = parseCsv(f.readAll());
        QCOMPARE(rows.size(), 61);
        const auto counts = outcomeCounts(rows);
        QVERIFY(counts.value(QStringLiteral("expired")) > 0);
        QCOMPARE(counts.value(QStringLiteral("expired")) + counts.value(QStringLiteral("succeeded")), 60);
        QCOMPARE(rows.at(60).at(9), QStringLiteral("batch_expired"));
    }

    void embeddingsToNpy()
    {
        QByteArray content;
        for (int i = 0; i < 6; ++i)
            content +=
                embedLine("emb-" + QByteArray::number(i),
                          i == 3 ? QByteArray("[[fail]]") : QByteArray("text " + QByteArray::number(i)));
        const QString input = path(QStringLiteral("emb.jsonl"));
        QVERIFY(writeFile(input, content));
        const QString id = submit(*m_server, input);
        const QString npy = path(QStringLiteral("emb.npy"));
        const Run r =
            cli({QStringLiteral("results"), QStringLiteral("export"), id, QStringLiteral("--input"), input,
                 QStringLiteral("--format"), QStringLiteral("npy"), QStringLiteral("-o"), npy});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        QVERIFY(r.out.contains("(5 x 16 float32)"));
        QFile f(npy);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QByteArray bytes = f.readAll();
        QCOMPARE(bytes.size(), 128 + 5 * 16 * 4);
        QVERIFY(
            bytes.mid(10, 118).startsWith("{'descr': '<f4', 'fortran_order': False, 'shape': (5, 16), }"));
        // Unit vectors, as the sandbox's embedding model makes them.
        for (int row = 0; row < 5; ++row) {
            double norm = 0;
            for (int d = 0; d < 16; ++d) {
                float v = 0;
                std::memcpy(&v, bytes.constData() + 128 + (row * 16 + d) * 4, 4);
                norm += double(v) * v;
            }
            QVERIFY(qAbs(norm - 1.0) < 1e-4);
        }
        QFile ids(path(QStringLiteral("emb.ids.csv")));
        QVERIFY(ids.open(QIODevice::ReadOnly));
        const QList<QStringList> idRows = parseCsv(ids.readAll());
        QCOMPARE(idRows.size(), 6);
        QCOMPARE(idRows.at(4).at(0), QStringLiteral("emb-4"));
    }

    void usageAndApiErrors()
    {
        const QString input = path(QStringLiteral("mixed.jsonl"));
        QCOMPARE(cli({QStringLiteral("results"), QStringLiteral("export"), QStringLiteral("batch_x"),
                      QStringLiteral("-o"), path(QStringLiteral("x.csv"))})
                     .exitCode,
                 2); // no --input
        QCOMPARE(cli({QStringLiteral("results"), QStringLiteral("export"), QStringLiteral("batch_x"),
                      QStringLiteral("--input"), input, QStringLiteral("-o"), path(QStringLiteral("x.pdf"))})
                     .exitCode,
                 2); // unknown format
        QCOMPARE(
            cli({QStringLiteral("resubmit"), QStringLiteral("batch_x"), QStringLiteral("--input"),
                 path(QStringLiteral("nope.jsonl")), QStringLiteral("-o"), path(QStringLiteral("y.jsonl"))})
                .exitCode,
            2); // input missing
        QCOMPARE(cli({QStringLiteral("resubmit"), QStringLiteral("batch_x"), QStringLiteral("--input"), input,
                      QStringLiteral("-o"), path(QStringLiteral("y.jsonl")), QStringLiteral("--outcomes"),
                      QStringLiteral("weird")})
                     .exitCode,
                 2);
        const Run unknown =
            cli({QStringLiteral("resubmit"), QStringLiteral("batch_doesnotexist"), QStringLiteral("--input"),
                 input, QStringLiteral("-o"), path(QStringLiteral("y.jsonl"))});
        QCOMPARE(unknown.exitCode, 1); // 404 from the API
        QVERIFY(!QFile::exists(path(QStringLiteral("y.jsonl"))));
    }
};

QTEST_GUILESS_MAIN(TestResultsE2E)
#include "tst_results_e2e.moc"
