// What the results view joins (Results::planJoin) over real files in a temporary folder and a fake source of
// batches: a lone batch, a resubmit chain, a job of three parts with resubmits, and every state that stops
// short of a join (download needed, running, failed, saved files cut, input unknown or moved, a part input
// gone, a failed batch without files). Then Results::openJoin on real files: a job's parts read in order as
// one input and joined, the later result of a chain winning, a changed input noticed, cancel. And the price
// arithmetic.
#include "cost/pricetable.h"
#include "results/joinplan.h"
#include "results/prices.h"
#include "results/resultsdownload.h"
#include "results_fixtures.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QMap>
#include <QSettings>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>

using namespace Batchdesk;
using namespace Batchdesk::Results;
using namespace Fixtures;
using State = JoinPlan::State;

namespace {

// The batches, chains, inputs and saved results a controller would know, held in maps.
class FakeSource final : public JoinSource
{
public:
    QMap<QString, Api::Batch> batches;
    QList<QStringList> chains;
    QMap<QString, QString> inputs;
    QMap<QString, QString> shas;
    QMap<QString, ResultsState> states;
    QMap<QString, QString> errors;
    QMap<QString, Store::ResultDownload> downloads;
    QString folderRoot;

    std::optional<Api::Batch> batchById(const QString &batchId) const override
    {
        if (!batches.contains(batchId))
            return std::nullopt;
        return batches.value(batchId);
    }
    QList<Api::Batch> jobBatches(const QString &jobId) const override
    {
        QList<Api::Batch> members;
        for (const Api::Batch &b : batches) {
            if (b.metadata.value(Api::kJobKey) == jobId)
                members << b;
        }
        std::sort(members.begin(), members.end(), [](const Api::Batch &a, const Api::Batch &b) {
            return a.metadata.value(Api::kPartKey).section(u'/', 0, 0).toInt()
                < b.metadata.value(Api::kPartKey).section(u'/', 0, 0).toInt();
        });
        return members;
    }
    QStringList resultsChain(const QString &batchId) const override
    {
        for (const QStringList &chain : chains) {
            if (chain.contains(batchId))
                return chain;
        }
        return {batchId};
    }
    QString inputPathOf(const QString &batchId) const override { return inputs.value(batchId); }
    QString inputSha256Of(const QString &batchId) const override { return shas.value(batchId); }
    ResultsState resultsState(const QString &batchId) const override
    {
        return states.value(batchId, ResultsState::NotReady);
    }
    QString resultsError(const QString &batchId) const override { return errors.value(batchId); }
    std::optional<Store::ResultDownload> resultDownload(const QString &batchId) const override
    {
        if (!downloads.contains(batchId))
            return std::nullopt;
        return downloads.value(batchId);
    }
    QString resultsFolderOf(const QString &batchOrJobId) const
    {
        return QDir(folderRoot).filePath(batchOrJobId);
    }
};

QByteArray sha256(const QByteArray &bytes)
{
    return QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex();
}

} // namespace

class TestJoinPlan : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    FakeSource m_source;

    QString path(const QString &name) const { return m_dir->filePath(name); }

    QString writeFile(const QString &name, const QByteArray &content)
    {
        QDir().mkpath(QFileInfo(path(name)).absolutePath());
        QFile f(path(name));
        if (!f.open(QIODevice::WriteOnly) || f.write(content) != content.size())
            qFatal("cannot write %s", qPrintable(name));
        return path(name);
    }

    // A finished batch, optionally a part of a job, with output and error file ids.
    void addBatch(const QString &id, const QString &status = QStringLiteral("completed"), bool files = true,
                  const QString &job = {}, const QString &part = {})
    {
        Api::Batch b;
        b.id = id;
        b.statusText = status;
        b.model = QStringLiteral("m-1");
        if (files) {
            b.outputFileId = QStringLiteral("file-out-") + id;
            b.errorFileId = QStringLiteral("file-err-") + id;
        }
        if (!job.isEmpty()) {
            b.metadata.insert(QString(Api::kJobKey), job);
            b.metadata.insert(QString(Api::kPartKey), part);
        }
        m_source.batches.insert(id, b);
        m_source.states.insert(id, ResultsState::NotDownloaded);
    }

    // Input lines of requests ids, recorded as the batch's input with its SHA-256.
    QString addInput(const QString &batchId, const QList<QByteArray> &ids, bool finalNewline = true)
    {
        QByteArray content;
        for (const QByteArray &id : ids)
            content += request(id, "question " + id) + '\n';
        if (!finalNewline)
            content.chop(1);
        const QString file = writeFile(QStringLiteral("inputs/%1.jsonl").arg(batchId), content);
        m_source.inputs.insert(batchId, file);
        m_source.shas.insert(batchId, QString::fromLatin1(sha256(content)));
        return file;
    }

    // Saves output and error files of a batch as the downloader does (files + .complete marker) and records
    // the download. Returns the files, output first.
    QStringList saveResults(const QString &batchId, const QByteArray &output, const QByteArray &errors)
    {
        const QString folder = m_source.resultsFolderOf(batchId);
        QList<MarkedFile> marked;
        QStringList files;
        Store::ResultDownload d;
        d.batchId = batchId;
        d.folder = folder;
        if (!output.isEmpty()) {
            d.outputPath = writeFile(
                QDir(m_dir->path()).relativeFilePath(QDir(folder).filePath(outputFileName(batchId))), output);
            marked << MarkedFile {outputFileName(batchId), QStringLiteral("file-out-") + batchId,
                                  qint64(output.size()), QString::fromLatin1(sha256(output))};
            files << d.outputPath;
        }
        if (!errors.isEmpty()) {
            d.errorPath = writeFile(
                QDir(m_dir->path()).relativeFilePath(QDir(folder).filePath(errorFileName(batchId))), errors);
            marked << MarkedFile {errorFileName(batchId), QStringLiteral("file-err-") + batchId,
                                  qint64(errors.size()), QString::fromLatin1(sha256(errors))};
            files << d.errorPath;
        }
        if (!writeCompleteMarker(folder, batchId, marked).ok())
            qFatal("cannot write the marker of %s", qPrintable(batchId));
        m_source.downloads.insert(batchId, d);
        m_source.states.insert(batchId, ResultsState::Downloaded);
        return files;
    }

    static QByteArray lines(const QList<QByteArray> &list)
    {
        QByteArray out;
        for (const QByteArray &l : list)
            out += l + '\n';
        return out;
    }

    // A job of three parts (inserted out of order), part 2 with a resubmit r2 that fixes its failure.
    void makeJob()
    {
        addBatch(QStringLiteral("p3"), QStringLiteral("completed"), true, QStringLiteral("job-1"),
                 QStringLiteral("3/3"));
        addBatch(QStringLiteral("p1"), QStringLiteral("completed"), true, QStringLiteral("job-1"),
                 QStringLiteral("1/3"));
        addBatch(QStringLiteral("p2"), QStringLiteral("completed"), true, QStringLiteral("job-1"),
                 QStringLiteral("2/3"));
        addBatch(QStringLiteral("r2"));
        m_source.chains << QStringList {QStringLiteral("p2"), QStringLiteral("r2")};
        addInput(QStringLiteral("p1"), {"a1", "a2"});
        addInput(QStringLiteral("p2"), {"b1", "b2"}, false); // no final newline
        addInput(QStringLiteral("p3"), {"c1", "c2"});
        // Each output in its own order (shuffled), failures in the error files.
        saveResults(QStringLiteral("p1"), lines({success("a2", "A2", 10, 2), success("a1", "A1", 10, 1)}),
                    {});
        saveResults(QStringLiteral("p2"), lines({success("b2", "B2", 10, 2)}),
                    lines({httpFailure("b1", 500, "server_error", "boom")}));
        saveResults(QStringLiteral("r2"), lines({success("b1", "B1 again", 10, 3)}), {});
        saveResults(QStringLiteral("p3"), lines({success("c2", "C2", 10, 2)}),
                    lines({httpFailure("c1", 429, "rate_limit", "slow down")}));
    }

private slots:
    void initTestCase()
    {
        QCoreApplication::setOrganizationName(QStringLiteral("batchdesk-test"));
        QCoreApplication::setApplicationName(QStringLiteral("tst_joinplan"));
    }

    void init()
    {
        m_dir = std::make_unique<QTemporaryDir>();
        QVERIFY(m_dir->isValid());
        m_source = FakeSource();
        m_source.folderRoot = path(QStringLiteral("results"));
    }

    void noBatch()
    {
        const JoinPlan plan = planJoin(m_source, QString());
        QCOMPARE(plan.state, State::NoBatch);
        QVERIFY(plan.chain.isEmpty());
    }

    void singleBatchReady()
    {
        addBatch(QStringLiteral("b1"));
        const QString input = addInput(QStringLiteral("b1"), {"x1", "x2", "x3"});
        const QStringList files = saveResults(
            QStringLiteral("b1"), lines({success("x3", "three", 5, 3), success("x1", "one", 5, 1)}),
            lines({httpFailure("x2", 500, "server_error", "boom")}));
        QCOMPARE(files.size(), 2);

        const JoinPlan plan = planJoin(m_source, QStringLiteral("b1"));
        QCOMPARE(plan.state, State::Ready);
        QVERIFY(plan.jobId.isEmpty());
        QCOMPARE(plan.chain, QStringList {QStringLiteral("b1")});
        QCOMPARE(plan.roots, QStringList {QStringLiteral("b1")});
        QCOMPARE(plan.inputPath, input);
        QVERIFY(plan.partInputs.isEmpty());
        QCOMPARE(plan.resultFiles, files);
        QCOMPARE(plan.expectedSha256, m_source.shas.value(QStringLiteral("b1")));
        QVERIFY(!plan.needsFetch());

        const auto opened = openJoin(plan);
        QVERIFY2(opened.ok(), qPrintable(opened.errorString()));
        const JoinedResults &j = *opened.value().results;
        QVERIFY(!opened.value().inputChanged);
        QCOMPARE(j.rowCount(), 3);
        QCOMPARE(j.customId(0), QByteArray("x1"));
        QCOMPARE(j.outcome(0), Outcome::Succeeded);
        QCOMPARE(j.outcome(1), Outcome::Failed);
        QCOMPARE(j.row(2).responseText, QStringLiteral("three"));

        // The input edited after submission: joined, and said so.
        QFile f(input);
        QVERIFY(f.open(QIODevice::Append));
        f.write(request("x4", "late addition") + '\n');
        f.close();
        const auto changed = openJoin(planJoin(m_source, QStringLiteral("b1")));
        QVERIFY(changed.ok());
        QVERIFY(changed.value().inputChanged);
        QCOMPARE(changed.value().results->rowCount(), 4);
        QCOMPARE(changed.value().results->outcome(3), Outcome::Missing);
    }

    // A batch and its resubmit: one chain whichever is opened; the resubmit's files come later and win.
    void resubmitChain()
    {
        addBatch(QStringLiteral("b1"));
        addBatch(QStringLiteral("b2"));
        m_source.chains << QStringList {QStringLiteral("b1"), QStringLiteral("b2")};
        const QString input = addInput(QStringLiteral("b1"), {"x1", "x2"});
        const QStringList first = saveResults(QStringLiteral("b1"), lines({success("x1", "one", 5, 1)}),
                                              lines({httpFailure("x2", 500, "server_error", "boom")}));
        const QStringList second = saveResults(QStringLiteral("b2"), lines({success("x2", "two", 5, 2)}), {});

        for (const QString &opened : {QStringLiteral("b1"), QStringLiteral("b2")}) {
            const JoinPlan plan = planJoin(m_source, opened);
            QCOMPARE(plan.state, State::Ready);
            QCOMPARE(plan.chain, (QStringList {QStringLiteral("b1"), QStringLiteral("b2")}));
            QCOMPARE(plan.root(), QStringLiteral("b1"));
            QCOMPARE(plan.inputPath, input);
            QCOMPARE(plan.resultFiles, first + second);
        }
        const auto joined = openJoin(planJoin(m_source, QStringLiteral("b2")));
        QVERIFY2(joined.ok(), qPrintable(joined.errorString()));
        const JoinedResults &j = *joined.value().results;
        QCOMPARE(j.rowCount(), 2);
        QCOMPARE(j.outcome(1), Outcome::Succeeded);
        QCOMPARE(j.row(1).responseText, QStringLiteral("two"));
        QCOMPARE(j.totals().count(Outcome::Failed), 0);
    }

    // A job of three parts: parts in part order, each with its resubmits; the parts' inputs in that order.
    void jobOfThreePartsInPartOrder()
    {
        makeJob();
        const JoinPlan plan = planJoin(m_source, QStringLiteral("p2"));
        QCOMPARE(plan.state, State::Ready);
        QCOMPARE(plan.jobId, QStringLiteral("job-1"));
        QCOMPARE(plan.roots,
                 (QStringList {QStringLiteral("p1"), QStringLiteral("p2"), QStringLiteral("p3")}));
        QCOMPARE(plan.chain,
                 (QStringList {QStringLiteral("p1"), QStringLiteral("p2"), QStringLiteral("r2"),
                               QStringLiteral("p3")}));
        QCOMPARE(plan.partInputs,
                 (QStringList {m_source.inputs.value(QStringLiteral("p1")),
                               m_source.inputs.value(QStringLiteral("p2")),
                               m_source.inputs.value(QStringLiteral("p3"))}));
        QCOMPARE(plan.inputPath, m_source.inputs.value(QStringLiteral("p1")));
        QCOMPARE(plan.inputs(), plan.partInputs);
        QVERIFY(plan.expectedSha256.isEmpty());
        QStringList files;
        for (const QString &id : plan.chain)
            files << m_source.downloads.value(id).files();
        QCOMPARE(plan.resultFiles, files);
        // Any member opens the same job.
        QCOMPARE(planJoin(m_source, QStringLiteral("p3")).chain, plan.chain);
    }

    // A retry round of the job engine (batchdesk_round metadata): its batches are no inputs of their own;
    // their results come after every part's, round by round, so the latest result per request wins.
    void retryRoundsJoinLast()
    {
        makeJob();
        addBatch(QStringLiteral("round2"), QStringLiteral("completed"), true, QStringLiteral("job-1"),
                 QStringLiteral("1/1"));
        m_source.batches[QStringLiteral("round2")].metadata.insert(QString(Api::kRoundKey),
                                                                   QStringLiteral("2"));
        addBatch(QStringLiteral("round1"), QStringLiteral("completed"), true, QStringLiteral("job-1"),
                 QStringLiteral("1/1"));
        m_source.batches[QStringLiteral("round1")].metadata.insert(QString(Api::kRoundKey),
                                                                   QStringLiteral("1"));
        saveResults(QStringLiteral("round1"), {}, lines({httpFailure("c1", 500, "server_error", "again")}));
        saveResults(QStringLiteral("round2"), lines({success("c1", "C1 at last", 10, 3)}), {});
        const JoinPlan plan = planJoin(m_source, QStringLiteral("round2"));
        QCOMPARE(plan.state, State::Ready);
        QCOMPARE(plan.roots,
                 (QStringList {QStringLiteral("p1"), QStringLiteral("p2"), QStringLiteral("p3")}));
        QCOMPARE(plan.chain.mid(4), (QStringList {QStringLiteral("round1"), QStringLiteral("round2")}));
        const auto opened = openJoin(plan);
        QVERIFY2(opened.ok(), qPrintable(opened.errorString()));
        const auto &joined = *opened.value().results;
        QCOMPARE(joined.rowCount(), 6);
        QCOMPARE(joined.totals().extraRows, 0);
        QCOMPARE(joined.row(4).customId, QStringLiteral("c1"));
        QCOMPARE(joined.row(4).responseText, QStringLiteral("C1 at last"));
        QCOMPARE(joined.totals().count(Outcome::Succeeded), 6);
    }

    // openJoin reads the parts one after the other as one input (a part without a final newline, a BOM at
    // the start of a later part) and joins every request, in input order, with its latest result; nothing is
    // copied.
    void openJoinReadsPartsInOrder()
    {
        makeJob();
        const QString p3 = m_source.inputs.value(QStringLiteral("p3"));
        QFile f(p3);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QByteArray p3Content = f.readAll();
        f.close();
        writeFile(QDir(m_dir->path()).relativeFilePath(p3), "\xEF\xBB\xBF" + p3Content);

        const JoinPlan plan = planJoin(m_source, QStringLiteral("p1"));
        QCOMPARE(plan.state, State::Ready);
        QCOMPARE(plan.inputs(), plan.partInputs);
        int progressCalls = 0;
        qint64 last = 0;
        bool monotonic = true;
        WorkControl control;
        control.progress = [&](qint64 done, qint64 total) {
            monotonic = monotonic && done >= last && done <= total;
            last = done;
            ++progressCalls;
        };
        const auto opened = openJoin(plan, control);
        QVERIFY2(opened.ok(), qPrintable(opened.errorString()));
        QVERIFY(progressCalls > 0);
        QVERIFY(monotonic);
        QVERIFY(!opened.value().inputChanged);
        QVERIFY(!QFileInfo::exists(m_source.resultsFolderOf(QStringLiteral("job-1"))));

        const JoinedResults &j = *opened.value().results;
        QCOMPARE(j.rowCount(), 6);
        const QList<QByteArray> ids {"a1", "a2", "b1", "b2", "c1", "c2"};
        for (int i = 0; i < ids.size(); ++i) {
            QCOMPARE(j.customId(i), ids.at(i));
            QCOMPARE(j.inputLine(i), qint64(i));
            QCOMPARE(j.requestLine(i).value(), request(ids.at(i), "question " + ids.at(i)));
            QCOMPARE(j.row(i).requestPreview, QString::fromUtf8("question " + ids.at(i)));
        }
        QCOMPARE(j.row(2).responseText, QStringLiteral("B1 again")); // r2 after p2
        QCOMPARE(j.outcome(4), Outcome::Failed);
        QCOMPARE(j.totals().count(Outcome::Succeeded), 5);
        QCOMPARE(j.totals().extraRows, 0);
        QCOMPARE(j.totals().malformedInputLines, 0);
        QCOMPARE(j.totals().duplicateInputIds, 0);
        QCOMPARE(j.totals().inputTokens, 50);
    }

    // A custom_id in two parts counts as repeated, whether it has a result or not; a result for an id in no
    // part is an extra row.
    void repeatedIdsAcrossParts()
    {
        const QString a =
            writeFile(QStringLiteral("a.jsonl"), lines({request("x1", "q"), request("x2", "q")}));
        const QString b =
            writeFile(QStringLiteral("b.jsonl"),
                      lines({request("x1", "again"), request("x2", "again"), request("x3", "q")}));
        const QString out = writeFile(QStringLiteral("out.jsonl"),
                                      lines({success("x1", "one", 1, 1), success("zz", "stray", 1, 1)}));
        const auto joined = JoinedResults::open(QStringList {a, b}, {out});
        QVERIFY2(joined.ok(), qPrintable(joined.errorString()));
        const JoinedResults &j = *joined.value();
        QCOMPARE(j.rowCount(), 6);
        QCOMPARE(j.totals().duplicateInputIds, 2);
        QCOMPARE(j.totals().count(Outcome::Succeeded), 2);
        QCOMPARE(j.totals().count(Outcome::Missing), 3);
        QCOMPARE(j.totals().extraRows, 1);
        QVERIFY(j.isExtra(5));
        QCOMPARE(j.customId(5), QByteArray("zz"));
        QCOMPARE(j.requestLine(3).value(), request("x2", "again"));
        QCOMPARE(j.inputLine(4), qint64(4));
    }

    // Cancelled at once: an error, and the helper thread that indexes the result files stops with it.
    void cancelStopsTheJoin()
    {
        makeJob();
        WorkControl control;
        control.isCanceled = [] { return true; };
        const auto opened = openJoin(planJoin(m_source, QStringLiteral("p1")), control);
        QVERIFY(!opened.ok());
        QCOMPARE(opened.error().code, QStringLiteral("cancelled"));
    }

    // A part whose results are not saved yet: download that one (and nothing is joined).
    void partNotDownloadedIsFetched()
    {
        makeJob();
        m_source.downloads.remove(QStringLiteral("p3"));
        m_source.states.insert(QStringLiteral("p3"), ResultsState::NotDownloaded);
        const JoinPlan plan = planJoin(m_source, QStringLiteral("p1"));
        QCOMPARE(plan.state, State::NeedsDownload);
        QCOMPARE(plan.subject, QStringLiteral("p3"));
        QVERIFY(plan.needsFetch());
        QCOMPARE(plan.fetch->id, QStringLiteral("p3"));
        QVERIFY(plan.resultFiles.isEmpty());
        QVERIFY(!openJoin(plan).ok());

        // While it downloads.
        m_source.states.insert(QStringLiteral("p3"), ResultsState::Downloading);
        const JoinPlan running = planJoin(m_source, QStringLiteral("p1"));
        QCOMPARE(running.state, State::Downloading);
        QCOMPARE(running.subject, QStringLiteral("p3"));
        QVERIFY(!running.needsFetch());

        // A member without any file to fetch is passed over.
        addBatch(QStringLiteral("p3"), QStringLiteral("completed"), false, QStringLiteral("job-1"),
                 QStringLiteral("3/3"));
        QCOMPARE(planJoin(m_source, QStringLiteral("p1")).state, State::Ready);
    }

    void failedDownloadShowsItsText()
    {
        makeJob();
        m_source.downloads.remove(QStringLiteral("r2"));
        m_source.states.insert(QStringLiteral("r2"), ResultsState::Failed);
        m_source.errors.insert(QStringLiteral("r2"), QStringLiteral("HTTP 503: try later"));
        const JoinPlan plan = planJoin(m_source, QStringLiteral("p1"));
        QCOMPARE(plan.state, State::DownloadFailed);
        QCOMPARE(plan.subject, QStringLiteral("r2"));
        QCOMPARE(plan.detail, QStringLiteral("HTTP 503: try later"));
        QVERIFY(!plan.needsFetch());
    }

    // Saved files cut short: downloaded again while the provider has them, otherwise unusable.
    void savedFilesCutShort()
    {
        addBatch(QStringLiteral("b1"));
        addInput(QStringLiteral("b1"), {"x1"});
        const QStringList files = saveResults(QStringLiteral("b1"), lines({success("x1", "one", 5, 1)}), {});
        QFile out(files.first());
        QVERIFY(out.resize(out.size() / 2));
        JoinPlan plan = planJoin(m_source, QStringLiteral("b1"));
        QCOMPARE(plan.state, State::SavedIncomplete);
        QVERIFY(plan.needsFetch());
        QCOMPARE(plan.fetch->id, QStringLiteral("b1"));
        QVERIFY2(plan.detail.contains(QStringLiteral("cut or changed")), qPrintable(plan.detail));

        m_source.downloads[QStringLiteral("b1")].remoteDeleted = true;
        plan = planJoin(m_source, QStringLiteral("b1"));
        QCOMPARE(plan.state, State::SavedUnusable);
        QVERIFY(!plan.needsFetch());
        QVERIFY(!plan.detail.isEmpty());
    }

    void inputUnknownOrMoved()
    {
        addBatch(QStringLiteral("b1"));
        saveResults(QStringLiteral("b1"), lines({success("x1", "one", 5, 1)}), {});
        JoinPlan plan = planJoin(m_source, QStringLiteral("b1"));
        QCOMPARE(plan.state, State::InputUnknown);
        QCOMPARE(plan.subject, QStringLiteral("b1"));
        QVERIFY(plan.inputPath.isEmpty());

        m_source.inputs.insert(QStringLiteral("b1"), path(QStringLiteral("gone/input.jsonl")));
        plan = planJoin(m_source, QStringLiteral("b1"));
        QCOMPARE(plan.state, State::InputMoved);
        QCOMPARE(plan.inputPath, path(QStringLiteral("gone/input.jsonl")));
    }

    void partInputMissing()
    {
        makeJob();
        const QString p3 = m_source.inputs.value(QStringLiteral("p3"));
        QVERIFY(QFile::remove(p3));
        const JoinPlan plan = planJoin(m_source, QStringLiteral("p2"));
        QCOMPARE(plan.state, State::PartInputMissing);
        QCOMPARE(plan.subject, QStringLiteral("job-1"));
        QCOMPARE(plan.missingInput, p3);
        QVERIFY(plan.resultFiles.isEmpty());
    }

    // Nothing to join: a batch that failed validation has no files; a finished one may have none; a running
    // one has none yet.
    void failedBatchWithoutFiles()
    {
        addBatch(QStringLiteral("b1"), QStringLiteral("failed"), false);
        addInput(QStringLiteral("b1"), {"x1"});
        JoinPlan plan = planJoin(m_source, QStringLiteral("b1"));
        QCOMPARE(plan.state, State::BatchFailed);
        QCOMPARE(plan.subject, QStringLiteral("b1"));
        QVERIFY(!plan.needsFetch());

        addBatch(QStringLiteral("b2"), QStringLiteral("completed"), false);
        QCOMPARE(planJoin(m_source, QStringLiteral("b2")).state, State::NoResults);

        addBatch(QStringLiteral("b3"), QStringLiteral("in_progress"));
        m_source.states.insert(QStringLiteral("b3"), ResultsState::NotReady);
        plan = planJoin(m_source, QStringLiteral("b3"));
        QCOMPARE(plan.state, State::NotReady);
        QCOMPARE(plan.subject, QStringLiteral("b3"));
    }

    // A resubmit still running does not hide the results its parent has.
    void runningResubmitDoesNotBlock()
    {
        addBatch(QStringLiteral("b1"));
        addBatch(QStringLiteral("b2"), QStringLiteral("in_progress"));
        m_source.states.insert(QStringLiteral("b2"), ResultsState::NotReady);
        m_source.chains << QStringList {QStringLiteral("b1"), QStringLiteral("b2")};
        addInput(QStringLiteral("b1"), {"x1"});
        const QStringList files = saveResults(QStringLiteral("b1"), lines({success("x1", "one", 5, 1)}), {});
        const JoinPlan plan = planJoin(m_source, QStringLiteral("b2"));
        QCOMPARE(plan.state, State::Ready);
        QCOMPARE(plan.resultFiles, files);
    }

    void prices()
    {
        QTemporaryDir settingsDir;
        QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, settingsDir.path());
        qputenv("BATCHDESK_DATA_DIR", settingsDir.filePath(QStringLiteral("data")).toUtf8());
        const QString model = QStringLiteral("org/model: ünïcode");
        QVERIFY(!storedPrice(model));
        JoinTotals totals;
        totals.inputTokens = 2'000'000;
        totals.outputTokens = 500'000;
        QVERIFY(!estimatedCost(totals, model));
        QVERIFY(!estimatedCost(totals, QString()));

        storePrice(model, {0.5, 2.0, 20});
        const auto price = storedPrice(model, 50);
        QVERIFY(price);
        QCOMPARE(price->inputPerMillion, 0.5);
        QCOMPARE(price->outputPerMillion, 2.0);
        QCOMPARE(price->discountPercent, 20.0);
        // (2 * 0.5 + 0.5 * 2.0) * 0.8
        QCOMPARE(*estimatedCost(totals, model), 1.6);
        QCOMPARE(estimatedCost(totals, ModelPrice {1, 1, 50}), 1.25);
        QCOMPARE(defaultBatchDiscount(Store::Preset::OpenAI), 50);
        QCOMPARE(defaultBatchDiscount(Store::Preset::DeepInfra), 20);
        // It is in the one price table, which the estimate before submitting reads too.
        const auto entry = Cost::PriceTable::load().value().find(QString(), model);
        QVERIFY(entry);
        QVERIFY(entry->edited);
        QCOMPARE(entry->inputPerMillion, 0.5);
        // The snapshot's prices count for the results too.
        QCOMPARE(storedPrice(QStringLiteral("gpt-4o-mini"), 20, QStringLiteral("openai"))->discountPercent,
                 50.0);

        // A price an earlier version kept in QSettings moves into the table.
        const QString old = QStringLiteral("old/model");
        const QString key = QStringLiteral("Prices/")
            + QString::fromLatin1(old.toUtf8().toBase64(QByteArray::Base64UrlEncoding));
        QSettings().setValue(key + QStringLiteral("/input"), 3.0);
        QSettings().setValue(key + QStringLiteral("/output"), 4.0);
        QSettings().setValue(key + QStringLiteral("/discount"), 10.0);
        QCOMPARE(storedPrice(old)->outputPerMillion, 4.0);
        QVERIFY(!QSettings().contains(key + QStringLiteral("/input")));
        QCOMPARE(Cost::PriceTable::load().value().find(QString(), old)->batchDiscountPercent, 10.0);
        QCOMPARE(storedPrice(model)->inputPerMillion, 0.5);
        qunsetenv("BATCHDESK_DATA_DIR");

        // The model of the cost: the batch's, else the first request's.
        addBatch(QStringLiteral("b1"));
        addInput(QStringLiteral("b1"), {"x1"});
        saveResults(QStringLiteral("b1"), lines({success("x1", "one", 5, 1)}), {});
        const auto opened = openJoin(planJoin(m_source, QStringLiteral("b1")));
        QVERIFY(opened.ok());
        QCOMPARE(costModel(*opened.value().results, QStringLiteral("batch-model")),
                 QStringLiteral("batch-model"));
        QCOMPARE(costModel(*opened.value().results, QString()), QStringLiteral("m-1"));
    }
};

QTEST_GUILESS_MAIN(TestJoinPlan)
#include "tst_joinplan.moc"
