#include "joinplan.h"

#include "common/filehash.h"
#include "linescanner_p.h"
#include "resultsdownload.h"

#include <QFileInfo>

namespace Batchdesk::Results {

using Detail::tr;

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
        // The first submission's parts are the input (in part order); the batches of retry rounds hold only
        // requests of those parts again, so their results come last (the latest result per request wins).
        QList<Api::Batch> retries;
        for (const Api::Batch &member : source.jobBatches(plan.jobId)) {
            if (!member.metadata.value(Api::kRoundKey).isEmpty()) {
                retries << member;
                continue;
            }
            QStringList chain = source.resultsChain(member.id);
            if (chain.isEmpty())
                chain = QStringList {member.id};
            plan.roots << chain.first();
            for (const QString &id : std::as_const(chain)) {
                if (!plan.chain.contains(id))
                    plan.chain << id;
            }
        }
        const auto roundAndPart = [](const Api::Batch &b) {
            return std::pair(b.metadata.value(Api::kRoundKey).toInt(),
                             b.metadata.value(Api::kPartKey).section(u'/', 0, 0).toInt());
        };
        std::stable_sort(retries.begin(), retries.end(), [&](const Api::Batch &a, const Api::Batch &b) {
            return roundAndPart(a) < roundAndPart(b);
        });
        for (const Api::Batch &r : std::as_const(retries)) {
            if (!plan.chain.contains(r.id))
                plan.chain << r.id;
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
    } else {
        plan.expectedSha256 = source.inputSha256Of(root);
    }
    plan.resultFiles = files;
    plan.state = State::Ready;
    return plan;
}

Result<OpenedJoin> openJoin(const JoinPlan &plan, const WorkControl &control)
{
    if (!plan.isReady())
        return Error {QStringLiteral("not_ready"), tr("The results are not ready to be joined.")};
    const auto joined = JoinedResults::open(plan.inputs(), plan.resultFiles, control);
    if (!joined.ok())
        return joined.error();
    OpenedJoin opened;
    opened.results = joined.value();
    if (!plan.expectedSha256.isEmpty() && !(control.isCanceled && control.isCanceled())) {
        const QString actual = sha256OfFile(plan.inputPath);
        opened.inputChanged = !actual.isEmpty() && actual != plan.expectedSha256;
    }
    return opened;
}

} // namespace Batchdesk::Results
