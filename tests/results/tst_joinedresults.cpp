// The results join over hand-made files: every outcome kind, extra and missing custom_ids, non-ASCII and huge
// responses, latest-result-wins merges; the exporters re-read cell by cell; the resubmit builder; cancel.
#include "e2e/e2e_util.h"
#include "results/exporters.h"
#include "results/imagesaver.h"
#include "results/joinedresults.h"
#include "results_fixtures.h"
#include "results_readers.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>
#include <cstring>

using namespace Batchdesk::Results;
using namespace Fixtures;

class TestJoinedResults : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_input, m_output, m_errors;
    QByteArray m_huge;

    QString path(const QString &name) const { return m_dir.filePath(name); }

    std::shared_ptr<const JoinedResults> openMain()
    {
        auto joined = JoinedResults::open(m_input, {m_output, m_errors});
        if (!joined.ok())
            qFatal("join failed: %s", qPrintable(joined.errorString()));
        return joined.value();
    }

    static qint64 rowOf(const JoinedResults &j, const QByteArray &id)
    {
        for (qint64 i = 0; i < j.rowCount(); ++i) {
            if (j.customId(i) == id)
                return i;
        }
        return -1;
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_huge = QByteArray(5 << 20, 'z');
        for (int i = 0; i < m_huge.size(); i += 100)
            m_huge[i] = ' ';
        // Input: seven requests and a blank line; "s2" gets a 5 MB answer, "m1" never gets a result.
        const QByteArray input = request("s1", "Grüße, 你好? \\\"quoted\\\"") + "\n"
            + request("f1", "please fail") + "\n" + request("f2", "bad request") + "\n\n"
            + request("e1", "too late") + "\n" + request("c1", "cancelled one") + "\n" + request("m1", "lost")
            + "\r\n" + request("s2", "long one");
        m_input = path(QStringLiteral("input.jsonl"));
        QVERIFY(writeFile(m_input, input)); // no final newline, one CRLF line
        // Output in another order than the input, with a result for a custom_id the input does not have.
        m_output = path(QStringLiteral("output.jsonl"));
        QVERIFY(writeFile(m_output,
                          success("s2", m_huge, 3, 5'000'000, "length") + "\n" + success("x1", "stray", 1, 1)
                              + "\n" + success("s1", "Hallo, Welt! 🌍 – \\\"ok\\\"\\nline2", 12, 7) + "\n"));
        m_errors = path(QStringLiteral("errors.jsonl"));
        QVERIFY(
            writeFile(m_errors,
                      httpFailure("f1", 500, "", "Internal error [[fail]]") + "\n"
                          + httpFailure("f2", 400, "invalid_request", "Bad: ✗") + "\n"
                          + notRun("e1", "batch_expired",
                                   "This request could not be executed before the completion window expired.")
                          + "\n" + notRun("c1", "batch_cancelled", "The batch was cancelled.") + "\n"));
    }

    void everyOutcome()
    {
        const auto j = openMain();
        QCOMPARE(j->rowCount(), 8); // 7 requests + 1 extra
        const JoinTotals &t = j->totals();
        // x1 answers no request of the input: shown (last row), counted apart, not as a success.
        QCOMPARE(t.count(Outcome::Succeeded), 2); // s1, s2
        QCOMPARE(t.extraRows, 1);
        QVERIFY(j->isExtra(7) && !j->isExtra(0));
        QCOMPARE(t.duplicateResultLines, 0);
        QCOMPARE(t.count(Outcome::Failed), 2);
        QCOMPARE(t.count(Outcome::Expired), 1);
        QCOMPARE(t.count(Outcome::Cancelled), 1);
        QCOMPARE(t.count(Outcome::Missing), 1);
        QCOMPARE(t.extraRows, 1);
        QCOMPARE(t.inputTokens, 12 + 3 + 1);
        QCOMPARE(t.outputTokens, 7 + 5'000'000 + 1);
        QCOMPARE(t.malformedResultLines, 0);

        // Rows are the input lines in order (the blank line skipped), then the extra row.
        const QList<QByteArray> order {"s1", "f1", "f2", "e1", "c1", "m1", "s2", "x1"};
        for (qsizetype i = 0; i < order.size(); ++i)
            QCOMPARE(j->customId(i), order.at(i));
        QCOMPARE(j->inputLine(3), 4); // after the blank line
        QCOMPARE(j->inputLine(7), -1);

        const ResultRow s1 = j->row(0);
        QCOMPARE(s1.outcome, Outcome::Succeeded);
        QCOMPARE(s1.httpStatus, 200);
        QCOMPARE(s1.model, QStringLiteral("m-1"));
        QCOMPARE(s1.requestPreview, QStringLiteral("Grüße, 你好? \"quoted\""));
        QCOMPARE(s1.responseText, QStringLiteral("Hallo, Welt! 🌍 – \"ok\"\nline2"));
        QCOMPARE(s1.finishReason, QStringLiteral("stop"));
        QCOMPARE(s1.inputTokens, 12);
        QCOMPARE(s1.outputTokens, 7);
        QVERIFY(s1.errorCode.isEmpty() && s1.errorMessage.isEmpty());

        const ResultRow f1 = j->row(1);
        QCOMPARE(f1.outcome, Outcome::Failed);
        QCOMPARE(f1.httpStatus, 500);
        QCOMPARE(f1.errorCode, QStringLiteral("server_error")); // code null: the type
        QCOMPARE(f1.errorMessage, QStringLiteral("Internal error [[fail]]"));
        const ResultRow f2 = j->row(2);
        QCOMPARE(f2.httpStatus, 400);
        QCOMPARE(f2.errorCode, QStringLiteral("invalid_request"));
        QCOMPARE(f2.errorMessage, QStringLiteral("Bad: ✗"));

        const ResultRow e1 = j->row(3);
        QCOMPARE(e1.outcome, Outcome::Expired);
        QCOMPARE(e1.httpStatus, 0);
        QCOMPARE(e1.errorCode, QStringLiteral("batch_expired"));
        QVERIFY(e1.errorMessage.contains(QStringLiteral("completion window")));
        QCOMPARE(j->row(4).outcome, Outcome::Cancelled);
        QCOMPARE(j->row(4).errorCode, QStringLiteral("batch_cancelled"));

        const ResultRow m1 = j->row(5);
        QCOMPARE(m1.outcome, Outcome::Missing);
        QCOMPARE(m1.requestPreview, QStringLiteral("lost")); // the CRLF line reads without its \r
        QVERIFY(m1.responseText.isEmpty());
        QCOMPARE(m1.inputTokens, -1);

        const ResultRow s2 = j->row(6);
        QCOMPARE(s2.responseText.size(), m_huge.size());
        QCOMPARE(s2.finishReason, QStringLiteral("length"));

        const ResultRow x1 = j->row(7);
        QVERIFY(!x1.inInput());
        QCOMPARE(x1.outcome, Outcome::Succeeded);
        QCOMPARE(x1.responseText, QStringLiteral("stray"));
        QVERIFY(x1.requestPreview.isEmpty());

        // Raw lines are exact.
        QCOMPARE(j->requestLine(5).value(), request("m1", "lost"));
        QCOMPARE(j->requestLine(6).value(), request("s2", "long one"));
        QCOMPARE(j->resultLine(3).value(),
                 notRun("e1", "batch_expired",
                        "This request could not be executed before the completion window expired."));
        QVERIFY(j->resultLine(5).value().isEmpty());
        QCOMPARE(j->inputIndex()->lineCount(), 8);
    }

    void toolCallOnlyAnswer()
    {
        ResultRow row;
        parseResultLine(Fixtures::toolCallOnly("t1"), row);
        QCOMPARE(row.outcome, Outcome::Succeeded);
        QCOMPARE(row.finishReason, QStringLiteral("tool_calls"));
        QCOMPARE(row.responseText,
                 QStringLiteral("\u2192 get_weather({\"city\":\"Oslo\"})\n\u2192 get_time({})"));
        QCOMPARE(row.outputTokens, 4);
    }

    // The answers of OpenAI's other endpoints, as written by hand after the API reference.
    void otherEndpointAnswers()
    {
        auto wrap = [](const QByteArray &body) -> QByteArray {
            return "{\"id\":\"batch_req_1\",\"custom_id\":\"x\",\"response\":{\"status_code\":200,"
                   "\"body\":"
                + body + "},\"error\":null}";
        };
        ResultRow responses;
        parseResultLine(wrap("{\"object\":\"response\",\"status\":\"completed\",\"output\":[{\"type\":"
                             "\"reasoning\",\"summary\":[]},{\"type\":\"message\",\"role\":\"assistant\","
                             "\"content\":[{\"type\":\"output_text\",\"text\":\"Hello\"},{\"type\":"
                             "\"output_text\",\"text\":\"there\"}]}],\"usage\":{\"input_tokens\":3,"
                             "\"output_tokens\":2,\"total_tokens\":5}}"),
                        responses);
        QCOMPARE(responses.responseText, QStringLiteral("Hello\nthere"));
        QCOMPARE(responses.inputTokens, 3);
        QCOMPARE(responses.outputTokens, 2);
        QCOMPARE(responses.flagged, -1);

        ResultRow moderation;
        parseResultLine(
            wrap("{\"id\":\"modr-1\",\"model\":\"omni-moderation-latest\",\"results\":[{"
                 "\"flagged\":false,\"categories\":{\"hate\":false}},{\"flagged\":true,"
                 "\"categories\":{\"hate\":false,\"violence\":true,\"self-harm/intent\":true}}]}"),
            moderation);
        QCOMPARE(moderation.flagged, 1);
        QCOMPARE(moderation.flaggedCategories,
                 (QStringList {QStringLiteral("violence"), QStringLiteral("self-harm/intent")}));
        QCOMPARE(moderation.responseText, QStringLiteral("flagged: violence, self-harm/intent"));

        ResultRow images;
        parseResultLine(wrap("{\"created\":1,\"data\":[{\"b64_json\":\"iVBORw0KGgo=\"},{\"url\":"
                             "\"https://example.com/a.png\",\"revised_prompt\":\"p\"}]}"),
                        images);
        QCOMPARE(images.imageCount, 2);
        QCOMPARE(images.embeddingCount, 0);
        QCOMPARE(images.imageUrls, QStringList {QStringLiteral("https://example.com/a.png")});
        QCOMPARE(images.responseText, QStringLiteral("2 images\nhttps://example.com/a.png"));

        ResultRow video;
        parseResultLine(wrap("{\"id\":\"video_123\",\"object\":\"video\",\"status\":\"failed\","
                             "\"prompt\":\"p\"}"),
                        video);
        QCOMPARE(video.videoId, QStringLiteral("video_123"));
        QCOMPARE(video.videoStatus, QStringLiteral("failed"));
        QCOMPARE(video.responseText, QStringLiteral("video video_123: failed"));
    }

    void safeFileStems_data()
    {
        QTest::addColumn<QString>("customId");
        QTest::addColumn<QString>("stem");
        QTest::newRow("plain") << QStringLiteral("req-1_a.b") << QStringLiteral("req-1_a.b");
        QTest::newRow("traversal") << QStringLiteral("../../x") << QStringLiteral("_.._x");
        QTest::newRow("absolute") << QStringLiteral("/etc/passwd") << QStringLiteral("_etc_passwd");
        QTest::newRow("windows") << QStringLiteral("..\\..\\C:\\x") << QStringLiteral("_.._C__x");
        QTest::newRow("dots only") << QStringLiteral("..") << QStringLiteral("request");
        QTest::newRow("empty") << QString() << QStringLiteral("request");
        QTest::newRow("device") << QStringLiteral("con.txt") << QStringLiteral("_con.txt");
        QTest::newRow("com port") << QStringLiteral("COM1") << QStringLiteral("_COM1");
        QTest::newRow("unicode") << QStringLiteral("f\u00fc\u00dfe") << QStringLiteral("f__e");
        QTest::newRow("long") << QString(300, u'a') << QString(100, u'a');
    }

    void safeFileStems()
    {
        QFETCH(QString, customId);
        QFETCH(QString, stem);
        QCOMPARE(safeFileStem(customId), stem);
    }

    void allFailedAndMissingOutput()
    {
        const QString errors = path(QStringLiteral("all-failed-errors.jsonl"));
        QByteArray input;
        QByteArray lines;
        for (int i = 0; i < 4; ++i) {
            input += request("r" + QByteArray::number(i), "[[fail]]") + "\n";
            if (i != 2)
                lines += httpFailure("r" + QByteArray::number(i), 500, "", "boom") + "\n";
        }
        const QString in = path(QStringLiteral("all-failed.jsonl"));
        QVERIFY(writeFile(in, input));
        QVERIFY(writeFile(errors, lines));
        const auto j = JoinedResults::open(in, {errors});
        QVERIFY(j.ok());
        QCOMPARE(j.value()->rowCount(), 4);
        QCOMPARE(j.value()->totals().count(Outcome::Failed), 3);
        QCOMPARE(j.value()->totals().count(Outcome::Missing), 1);
        QCOMPARE(j.value()->outcome(2), Outcome::Missing);
        QCOMPARE(j.value()->totals().inputTokens, 0);
    }

    void latestResultWins()
    {
        // First batch: f1 failed, e1 expired. Resubmit: f1 succeeded, e1 failed again.
        const QString resubmitOut = path(QStringLiteral("resubmit-out.jsonl"));
        const QString resubmitErr = path(QStringLiteral("resubmit-err.jsonl"));
        QVERIFY(writeFile(resubmitOut, success("f1", "fixed", 2, 3) + "\n"));
        QVERIFY(writeFile(resubmitErr, httpFailure("e1", 429, "rate_limit", "slow down") + "\n"));
        const auto j = JoinedResults::open(m_input, {m_output, m_errors, resubmitOut, resubmitErr});
        QVERIFY(j.ok());
        const auto &r = *j.value();
        QCOMPARE(r.rowCount(), 8);
        QCOMPARE(r.row(rowOf(r, "f1")).outcome, Outcome::Succeeded);
        QCOMPARE(r.row(rowOf(r, "f1")).responseText, QStringLiteral("fixed"));
        QCOMPARE(r.row(rowOf(r, "e1")).httpStatus, 429);
        QCOMPARE(r.row(rowOf(r, "e1")).errorCode, QStringLiteral("rate_limit"));
        QCOMPARE(r.totals().count(Outcome::Succeeded), 3);
        QCOMPARE(r.totals().count(Outcome::Failed), 2);
        QCOMPARE(r.totals().count(Outcome::Expired), 0);
        QCOMPARE(r.resultIndex()->supersededLines(), 2);
        QCOMPARE(r.totals().duplicateResultLines, 0); // replaced by a later file: a resubmit, not a duplicate
    }

    // One output file answering the same custom_id twice: the last line is used and the repeat is counted.
    void duplicateLinesInOneFileAreCounted()
    {
        const QString dup = path(QStringLiteral("dup-out.jsonl"));
        QVERIFY(writeFile(dup, success("s1", "first", 1, 1) + "\n" + success("s1", "second", 1, 1) + "\n"));
        const auto j = JoinedResults::open(m_input, {dup});
        QVERIFY(j.ok());
        QCOMPARE(j.value()->totals().duplicateResultLines, 1);
        QCOMPARE(j.value()->row(rowOf(*j.value(), "s1")).responseText, QStringLiteral("second"));
        QCOMPARE(j.value()->totals().count(Outcome::Succeeded), 1);
    }

    void malformedLines()
    {
        const QString out = path(QStringLiteral("malformed-out.jsonl"));
        QVERIFY(writeFile(out, "not json\n" + success("s1", "ok", 1, 1) + "\n{\"no_id\":1}\n   \n"));
        const QString in = path(QStringLiteral("malformed-in.jsonl"));
        QVERIFY(writeFile(in, "\xEF\xBB\xBF" + request("s1", "hi") + "\n{broken\n"));
        const auto j = JoinedResults::open(in, {out});
        QVERIFY(j.ok());
        QCOMPARE(j.value()->rowCount(), 2);
        QCOMPARE(j.value()->outcome(0), Outcome::Succeeded); // found despite the BOM
        QCOMPARE(j.value()->outcome(1), Outcome::Missing);
        QCOMPARE(j.value()->totals().malformedInputLines, 1);
        QCOMPARE(j.value()->totals().malformedResultLines, 2);
    }

    void missingFileIsAnError()
    {
        const auto j = JoinedResults::open(m_input, {path(QStringLiteral("nope.jsonl"))});
        QVERIFY(!j.ok());
        QCOMPARE(j.error().code, QStringLiteral("io"));
    }

    void csvRoundTrip()
    {
        const auto j = openMain();
        const QString out = path(QStringLiteral("export.csv"));
        ExportOptions options;
        options.csvBom = true;
        qint64 lastDone = -1;
        ResultsControl control;
        control.progress = [&lastDone](qint64 done, qint64) { lastDone = done; };
        const auto report = exportCsv(*j, out, options, control);
        QVERIFY2(report.ok(), qPrintable(report.errorString()));
        QCOMPARE(report.value().rows, j->rowCount());
        QCOMPARE(lastDone, j->rowCount());
        QFile f(out);
        QVERIFY(f.open(QIODevice::ReadOnly));
        QByteArray bytes = f.readAll();
        QVERIFY(bytes.startsWith("\xEF\xBB\xBF"));
        bytes.remove(0, 3);
        QVERIFY(bytes.endsWith("\r\n"));
        const QList<QStringList> rows = parseCsv(bytes);
        QCOMPARE(rows.size(), j->rowCount() + 1);
        QCOMPARE(rows.at(0), exportColumns());
        for (qint64 i = 0; i < j->rowCount(); ++i) {
            const ResultRow r = j->row(i, options.previewChars);
            const QStringList &cells = rows.at(i + 1);
            QCOMPARE(cells.size(), exportColumns().size());
            QCOMPARE(cells.at(0), r.customId);
            QCOMPARE(cells.at(1), outcomeName(r.outcome));
            QCOMPARE(cells.at(2), r.httpStatus ? QString::number(r.httpStatus) : QString());
            QCOMPARE(cells.at(3), r.model);
            QCOMPARE(cells.at(4), r.requestPreview);
            QCOMPARE(cells.at(5), r.responseText);
            QCOMPARE(cells.at(6), r.finishReason);
            QCOMPARE(cells.at(7), r.inputTokens >= 0 ? QString::number(r.inputTokens) : QString());
            QCOMPARE(cells.at(8), r.outputTokens >= 0 ? QString::number(r.outputTokens) : QString());
            QCOMPARE(cells.at(9), r.errorCode);
            QCOMPARE(cells.at(10), r.errorMessage);
            QCOMPARE(cells.at(11), r.inInput() ? QString::number(r.inputLine + 1) : QString());
        }
        QCOMPARE(rows.at(1).at(5), QStringLiteral("Hallo, Welt! 🌍 – \"ok\"\nline2"));
        QCOMPARE(rows.at(7).at(5).size(), m_huge.size());

        // A subset (e.g. the current filter), in the given order, without BOM.
        ExportOptions subset;
        subset.rows = {4, 0};
        QVERIFY(exportCsv(*j, out, subset).ok());
        QFile g(out);
        QVERIFY(g.open(QIODevice::ReadOnly));
        const QList<QStringList> sub = parseCsv(g.readAll());
        QCOMPARE(sub.size(), 3);
        QCOMPARE(sub.at(1).at(0), QStringLiteral("c1"));
        QCOMPARE(sub.at(2).at(0), QStringLiteral("s1"));
    }

    void jsonlExport()
    {
        const auto j = openMain();
        const QString out = path(QStringLiteral("export.jsonl"));
        QVERIFY(exportJsonl(*j, out).ok());
        const QList<QByteArray> lines = readLines(out);
        QCOMPARE(lines.size(), j->rowCount());
        for (qint64 i = 0; i < j->rowCount(); ++i) {
            QJsonParseError error;
            const QJsonObject o = QJsonDocument::fromJson(lines.at(i), &error).object();
            QVERIFY2(error.error == QJsonParseError::NoError, qPrintable(error.errorString()));
            QCOMPARE(o.value(QStringLiteral("custom_id")).toString(), QString::fromUtf8(j->customId(i)));
            QCOMPARE(o.value(QStringLiteral("outcome")).toString(), outcomeName(j->outcome(i)));
            if (j->inputLine(i) >= 0) {
                QVERIFY(lines.at(i).contains(
                    QByteArray(",\"request\":" + j->requestLine(i).value() + ",\"result\":")));
                QCOMPARE(o.value(QStringLiteral("input_line")).toInteger(), j->inputLine(i) + 1);
            } else {
                QVERIFY(o.value(QStringLiteral("request")).isNull());
            }
            if (j->hasResult(i))
                QVERIFY(lines.at(i).endsWith(QByteArray(",\"result\":" + j->resultLine(i).value() + "}")));
            else
                QVERIFY(o.value(QStringLiteral("result")).isNull());
        }
    }

    void resubmit()
    {
        const auto j = openMain();
        const QString out = path(QStringLiteral("resubmit.jsonl"));
        const auto report = writeResubmit(*j, out);
        QVERIFY2(report.ok(), qPrintable(report.errorString()));
        QCOMPARE(report.value().lines, 5);
        QCOMPARE(report.value().byOutcome[std::size_t(Outcome::Failed)], 2);
        QFile f(out);
        QVERIFY(f.open(QIODevice::ReadOnly));
        QCOMPARE(f.readAll(),
                 request("f1", "please fail") + "\n" + request("f2", "bad request") + "\n"
                     + request("e1", "too late") + "\n" + request("c1", "cancelled one") + "\n"
                     + request("m1", "lost") + "\n");

        const QString expiredOnly = path(QStringLiteral("resubmit-expired.jsonl"));
        QCOMPARE(writeResubmit(*j, expiredOnly, {Outcome::Expired}).value().lines, 1);
        QCOMPARE(readLines(expiredOnly), QList<QByteArray> {request("e1", "too late")});

        // Nothing matches: an error, and no file.
        const QString none = path(QStringLiteral("resubmit-none.jsonl"));
        QVERIFY(writeResubmit(*j, none, {Outcome::Succeeded, Outcome::Missing}).ok());
        QFile::remove(none);
        const auto allFailedJoin = JoinedResults::open(m_input, {m_output});
        QVERIFY(allFailedJoin.ok());
        const auto nothing = writeResubmit(*allFailedJoin.value(), none, {Outcome::Expired});
        QVERIFY(!nothing.ok());
        QCOMPARE(nothing.error().code, QStringLiteral("empty"));
        QVERIFY(!QFile::exists(none));
    }

    void xlsxExport()
    {
        if (QStandardPaths::findExecutable(QStringLiteral("unzip")).isEmpty())
            QSKIP("unzip is not installed");
        const auto j = openMain();
        const QString out = path(QStringLiteral("export.xlsx"));
        const auto report = exportXlsx(*j, out);
        QVERIFY2(report.ok(), qPrintable(report.errorString()));
        const QList<QStringList> grid = readXlsx(out);
        QCOMPARE(grid.size(), j->rowCount() + 1);
        QCOMPARE(grid.at(0), exportColumns());
        for (qint64 i = 0; i < j->rowCount(); ++i) {
            const ResultRow r = j->row(i, 32'767);
            QStringList cells = grid.at(i + 1);
            while (cells.size() < exportColumns().size())
                cells << QString();
            QCOMPARE(cells.at(0), r.customId);
            QCOMPARE(cells.at(1), outcomeName(r.outcome));
            QCOMPARE(cells.at(2), r.httpStatus ? QString::number(r.httpStatus) : QString());
            QCOMPARE(cells.at(4), r.requestPreview);
            if (r.responseText.size() <= 32'767)
                QCOMPARE(cells.at(5), r.responseText);
            else
                QCOMPARE(cells.at(5), r.responseText.left(32'766) + QChar(0x2026)); // Excel's cell limit
            QCOMPARE(cells.at(7), r.inputTokens >= 0 ? QString::number(r.inputTokens) : QString());
            QCOMPARE(cells.at(8), r.outputTokens >= 0 ? QString::number(r.outputTokens) : QString());
            QCOMPARE(cells.at(9), r.errorCode);
            QCOMPARE(cells.at(10), r.errorMessage);
        }
        // No temporary file is left beside the export.
        QCOMPARE(QDir(m_dir.path()).entryList({QStringLiteral("*.part")}, QDir::Files).size(), 0);
    }

    void npyExport()
    {
        QByteArray input;
        QByteArray output;
        QList<QList<double>> vectors;
        for (int i = 0; i < 5; ++i) {
            const QByteArray id = "e" + QByteArray::number(i);
            input += embeddingRequest(id, "text " + QByteArray::number(i)) + "\n";
            QList<double> v;
            for (int d = 0; d < 4; ++d)
                v << (i * 10 + d) / 7.0 - 1.5;
            vectors << v;
        }
        // Shuffled output; e2 failed.
        for (int i : {4, 0, 3, 1})
            output += embedding("e" + QByteArray::number(i), vectors.at(i)) + "\n";
        output += httpFailure("e2", 500, "", "x") + "\n";
        const QString in = path(QStringLiteral("emb.jsonl"));
        const QString out = path(QStringLiteral("emb-out.jsonl"));
        QVERIFY(writeFile(in, input));
        QVERIFY(writeFile(out, output));
        const auto j = JoinedResults::open(in, {out});
        QVERIFY(j.ok());
        QCOMPARE(j.value()->row(0).responseText, QStringLiteral("embedding, 4 dims"));
        const QString npy = path(QStringLiteral("emb.npy"));
        const auto report = exportNpy(*j.value(), npy);
        QVERIFY2(report.ok(), qPrintable(report.errorString()));
        QCOMPARE(report.value().rows, 4);
        QCOMPARE(report.value().columns, 4);
        QCOMPARE(report.value().skipped, 1);
        QFile f(npy);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QByteArray bytes = f.readAll();
        QVERIFY(bytes.startsWith(QByteArray("\x93NUMPY\x01\x00", 8)));
        const int headerLength = quint8(bytes.at(8)) | (quint8(bytes.at(9)) << 8);
        QCOMPARE((10 + headerLength) % 64, 0);
        const QByteArray header = bytes.mid(10, headerLength);
        QVERIFY(header.startsWith("{'descr': '<f4', 'fortran_order': False, 'shape': (4, 4), }"));
        QVERIFY(header.endsWith('\n'));
        QCOMPARE(bytes.size(), 10 + headerLength + 4 * 4 * 4);
        const QList<int> expectedInputs {0, 1, 3, 4};
        for (int r = 0; r < 4; ++r) {
            for (int d = 0; d < 4; ++d) {
                float value = 0;
                std::memcpy(&value, bytes.constData() + 10 + headerLength + (r * 4 + d) * 4, 4);
                QCOMPARE(value, float(vectors.at(expectedInputs.at(r)).at(d)));
            }
        }
        QFile ids(path(QStringLiteral("emb.ids.csv")));
        QVERIFY(ids.open(QIODevice::ReadOnly));
        const QList<QStringList> idRows = parseCsv(ids.readAll());
        QCOMPARE(idRows.size(), 5);
        QCOMPARE(idRows.at(0),
                 (QStringList {QStringLiteral("custom_id"), QStringLiteral("input_line"),
                               QStringLiteral("embedding_index")}));
        QCOMPARE(idRows.at(3),
                 (QStringList {QStringLiteral("e3"), QStringLiteral("4"), QStringLiteral("0")}));

        // A chat batch has no embeddings: an error, and no file.
        const QString none = path(QStringLiteral("chat.npy"));
        const auto chat = exportNpy(*openMain(), none);
        QVERIFY(!chat.ok());
        QVERIFY(!QFile::exists(none));
    }

    void cancelKeepsEarlierFile()
    {
        const auto j = openMain();
        const QString out = path(QStringLiteral("cancel.csv"));
        QVERIFY(writeFile(out, "earlier"));
        ResultsControl control;
        control.isCanceled = [] { return true; };
        for (const auto &result : {exportCsv(*j, out, {}, control), exportJsonl(*j, out, {}, control),
                                   exportXlsx(*j, out, {}, control)}) {
            QVERIFY(!result.ok());
            QCOMPARE(result.error().code, QStringLiteral("cancelled"));
        }
        QCOMPARE(readLines(out), QList<QByteArray> {"earlier"});
        const auto join = JoinedResults::open(m_input, {m_output}, control);
        QVERIFY(!join.ok());
        QCOMPARE(join.error().code, QStringLiteral("cancelled"));
    }

    void bigFileProgress()
    {
        // 20,000 requests over several read chunks, shuffled results; progress is monotonic and reaches the
        // end.
        QByteArray input;
        QList<QByteArray> outLines;
        for (int i = 0; i < 20'000; ++i) {
            const QByteArray id = "id-" + QByteArray::number(i);
            input += request(id, "question " + QByteArray::number(i) + QByteArray(100, 'q')) + "\n";
            if (i % 7)
                outLines << success(id, "answer " + QByteArray::number(i), 1, 2);
        }
        std::reverse(outLines.begin(), outLines.end());
        const QString in = path(QStringLiteral("big.jsonl"));
        const QString out = path(QStringLiteral("big-out.jsonl"));
        QVERIFY(writeFile(in, input));
        QVERIFY(writeFile(out, outLines.join('\n') + "\n"));
        qint64 last = -1;
        bool monotonic = true;
        ResultsControl control;
        control.progress = [&](qint64 done, qint64 total) {
            monotonic = monotonic && done >= last && done <= total;
            last = done;
        };
        const auto j = JoinedResults::open(in, {out}, control);
        QVERIFY(j.ok());
        QVERIFY(monotonic);
        QCOMPARE(last, QFileInfo(in).size() + QFileInfo(out).size());
        QCOMPARE(j.value()->rowCount(), 20'000);
        QCOMPARE(j.value()->totals().count(Outcome::Missing), 20'000 / 7 + 1);
        QCOMPARE(j.value()->row(12'345).responseText, QStringLiteral("answer 12345"));
        QCOMPARE(j.value()->totals().outputTokens, 2 * (20'000 - (20'000 / 7 + 1)));
    }
};

QTEST_GUILESS_MAIN(TestJoinedResults)
#include "tst_joinedresults.moc"
