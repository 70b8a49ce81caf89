#include "joinplan.h"

#include "common/filehash.h"
#include "linescanner_p.h"
#include "resultsdownload.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSaveFile>
#include <QtConcurrent>

namespace Batchdesk::Results {

using Detail::tr;

namespace {

bool canceled(const WorkControl &control)
{
    return control.isCanceled && control.isCanceled();
}

} // namespace

JoinPlan planJoin(const JoinSource &source, const QString &batchId)
{
    using State = JoinPlan::State;
    JoinPlan plan;
    plan.batchId = batchId;
    if (batchId.isEmpty())
        return plan;

    // A job (the parts of a split workload): every part with its resubmits, the parts in part order.
    const auto opened = source.batchById(batchId);
    plan.jobId = opened ? opened->metadata.value(Api::kJobKey) : QString();
    if (!plan.jobId.isEmpty()) {
        for (const Api::Batch &member : source.jobBatches(plan.jobId)) {
            QStringList chain = source.resultsChain(member.id);
            if (chain.isEmpty())
                chain = QStringList {member.id};
            plan.roots << chain.first();
            for (const QString &id : std::as_const(chain)) {
                if (!plan.chain.contains(id))
                    plan.chain << id;
            }
        }
    }
    if (plan.chain.isEmpty()) {
        plan.chain = source.resultsChain(batchId);
        if (plan.chain.isEmpty())
            plan.chain = QStringList {batchId};
        plan.roots = QStringList {plan.chain.first()};
    }
    const QString root = plan.roots.first();
    plan.inputPath = source.inputPathOf(root);
    if (plan.roots.size() > 1) {
        for (const QString &r : std::as_const(plan.roots))
            plan.partInputs << source.inputPathOf(r);
    }

    QStringList files;
    QString notReady;
    for (const QString &id : std::as_const(plan.chain)) {
        switch (source.resultsState(id)) {
        case ResultsState::Downloaded:
            if (const auto d = source.resultDownload(id)) {
                // Trust, then verify: files that no longer match their marker (cut, changed, missing) are
                // downloaded again while the provider has them, never joined as rows "missing".
                const auto verified = verifiedResultFiles(d->folder, id);
                if (verified.ok()) {
                    files << verified.value();
                    break;
                }
                plan.subject = id;
                plan.detail = verified.errorString();
                const auto b = source.batchById(id);
                if (d->remoteDeleted || !b) {
                    plan.state = State::SavedUnusable;
                    return plan;
                }
                plan.state = State::SavedIncomplete;
                plan.fetch = *b;
                return plan;
            }
            break;
        case ResultsState::Downloading:
            plan.state = State::Downloading;
            plan.subject = id;
            return plan;
        case ResultsState::NotDownloaded:
            if (const auto b = source.batchById(id)) {
                if (b->outputFileId.isEmpty() && b->errorFileId.isEmpty())
                    break; // nothing to fetch (e.g. failed validation)
                plan.state = State::NeedsDownload;
                plan.subject = id;
                plan.fetch = *b;
                return plan;
            }
            break;
        case ResultsState::Failed:
            plan.state = State::DownloadFailed;
            plan.subject = id;
            plan.detail = source.resultsError(id);
            return plan;
        case ResultsState::NotReady:
            if (notReady.isEmpty())
                notReady = id;
            break;
        }
    }
    if (files.isEmpty()) {
        // Members that have not finished only block the view when nothing else has results.
        const auto b = source.batchById(root);
        plan.subject = root;
        if (!notReady.isEmpty()) {
            plan.state = State::NotReady;
            plan.subject = notReady;
        } else if (b && b->status() == Api::Batch::Status::Failed) {
            plan.state = State::BatchFailed;
        } else {
            plan.state = State::NoResults;
        }
        return plan;
    }
    if (plan.inputPath.isEmpty() || !QFileInfo(plan.inputPath).isFile()) {
        plan.state = plan.inputPath.isEmpty() ? State::InputUnknown : State::InputMoved;
        plan.subject = root;
        return plan;
    }
    if (!plan.partInputs.isEmpty()) {
        for (const QString &input : std::as_const(plan.partInputs)) {
            if (input.isEmpty() || !QFileInfo(input).isFile()) {
                plan.state = State::PartInputMissing;
                plan.subject = plan.jobId;
                plan.missingInput = input;
                return plan;
            }
        }
        // One input for the join: the parts in order, copied into the job's results folder.
        plan.inputPath = QDir(source.resultsFolderOf(plan.jobId)).filePath(QStringLiteral("input.jsonl"));
    } else {
        plan.expectedSha256 = source.inputSha256Of(root);
    }
    plan.resultFiles = files;
    plan.state = State::Ready;
    return plan;
}

Result<bool> concatenateInputs(const QStringList &parts, const QString &target, const WorkControl &control)
{
    QDir().mkpath(QFileInfo(target).absolutePath());
    QSaveFile out(target);
    if (!out.open(QIODevice::WriteOnly))
        return Error {QStringLiteral("io"), tr("Cannot write %1: %2").arg(target, out.errorString())};
    constexpr qint64 kChunk = qint64(4) << 20;
    QByteArray buffer;
    for (qsizetype p = 0; p < parts.size(); ++p) {
        QFile in(parts.at(p));
        if (!in.open(QIODevice::ReadOnly | QIODevice::Unbuffered))
            return Error {QStringLiteral("io"),
                          tr("Cannot open %1: %2").arg(in.fileName(), in.errorString())};
        bool first = true;
        char last = '\n';
        for (;;) {
            if (canceled(control))
                return Error {QStringLiteral("cancelled"), tr("Cancelled")};
            buffer.resize(kChunk);
            const qint64 n = in.read(buffer.data(), kChunk);
            if (n < 0)
                return Error {QStringLiteral("io"),
                              tr("Cannot read %1: %2").arg(in.fileName(), in.errorString())};
            if (n == 0)
                break;
            buffer.truncate(n);
            // A later part's BOM would sit in the middle of the joined file, in front of a line.
            if (first && p > 0 && buffer.startsWith("\xEF\xBB\xBF"))
                buffer.remove(0, 3);
            first = false;
            if (!buffer.isEmpty())
                last = buffer.back();
            if (out.write(buffer) != buffer.size())
                return Error {QStringLiteral("io"), tr("Cannot write %1: %2").arg(target, out.errorString())};
        }
        // The next part starts on a line of its own.
        if (last != '\n' && out.write("\n", 1) != 1)
            return Error {QStringLiteral("io"), tr("Cannot write %1: %2").arg(target, out.errorString())};
    }
    if (!out.commit())
        return Error {QStringLiteral("io"), tr("Cannot write %1: %2").arg(target, out.errorString())};
    return true;
}

Result<OpenedJoin> openJoin(const JoinPlan &plan, const WorkControl &control)
{
    if (!plan.isReady())
        return Error {QStringLiteral("not_ready"), tr("The results are not ready to be joined.")};
    Result<std::shared_ptr<const JoinedResults>> joined = Error {};
    if (!plan.partInputs.isEmpty()) {
        // The copy of the parts (disk-bound) runs beside the index of the result files (parsing-bound): a
        // job opens about as fast as one batch of the same size. The copy only polls for cancel; progress
        // belongs to the index and the join.
        WorkControl copyControl;
        copyControl.isCanceled = control.isCanceled;
        QFuture<Result<bool>> copy =
            QtConcurrent::run([parts = plan.partInputs, target = plan.inputPath, copyControl] {
                return concatenateInputs(parts, target, copyControl);
            });
        // Progress as JoinedResults::open() counts it: the result files, then the input (the parts' sizes).
        qint64 resultBytes = 0;
        for (const QString &f : plan.resultFiles)
            resultBytes += QFileInfo(f).size();
        qint64 total = resultBytes;
        for (const QString &part : plan.partInputs)
            total += QFileInfo(part).size();
        WorkControl indexControl;
        indexControl.isCanceled = control.isCanceled;
        if (control.progress)
            indexControl.progress = [&control, total](qint64 done, qint64) { control.progress(done, total); };
        auto index = ResultIndex::build(plan.resultFiles, indexControl);
        const Result<bool> copied = copy.result();
        if (!copied.ok())
            return copied.error();
        if (!index.ok())
            return index.error();
        joined = JoinedResults::open(plan.inputPath, index.value(), control);
    } else {
        joined = JoinedResults::open(plan.inputPath, plan.resultFiles, control);
    }
    if (!joined.ok())
        return joined.error();
    OpenedJoin opened;
    opened.results = joined.value();
    if (!plan.expectedSha256.isEmpty() && !canceled(control)) {
        const QString actual = sha256OfFile(plan.inputPath);
        opened.inputChanged = !actual.isEmpty() && actual != plan.expectedSha256;
    }
    return opened;
}

} // namespace Batchdesk::Results
