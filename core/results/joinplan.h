#pragma once

#include "api/types.h"
#include "common/result.h"
#include "common/workcontrol.h"
#include "joinedresults.h"
#include "store/resultsstore.h"

#include <QList>
#include <QString>
#include <QStringList>

#include <memory>
#include <optional>

namespace Batchdesk::Results {

/** Where the results of one batch stand on this computer. */
enum class ResultsState {
    NotReady, ///< the batch is unknown or has not finished
    NotDownloaded, ///< finished, nothing saved yet
    Downloading, ///< a download runs or is queued
    Downloaded, ///< a complete download is recorded
    Failed, ///< the last download failed (resultsError() says why)
};

/**
 * What planJoin() needs to know about batches, their inputs and their saved results. The desktop app's
 * controller implements it over its batch list, intents and results store; tests use a plain fake.
 *
 * Called on the thread that calls planJoin() (the GUI thread in the app); every call is a look-up, none
 * blocks on I/O.
 */
class JoinSource
{
public:
    virtual ~JoinSource() = default;

    /** The batch as the list knows it, or nullopt. */
    virtual std::optional<Api::Batch> batchById(const QString &batchId) const = 0;
    /** The batches of a job (metadata batchdesk_job), in part order. */
    virtual QList<Api::Batch> jobBatches(const QString &jobId) const = 0;
    /** The batch's resubmit chain: its root first, later resubmits after it (at least the batch itself). */
    virtual QStringList resultsChain(const QString &batchId) const = 0;
    /** The local input file recorded for a batch, or empty. */
    virtual QString inputPathOf(const QString &batchId) const = 0;
    /** The SHA-256 of the input recorded when the batch was submitted, or empty. */
    virtual QString inputSha256Of(const QString &batchId) const = 0;
    virtual ResultsState resultsState(const QString &batchId) const = 0;
    /** The text of the last failed download of the batch. */
    virtual QString resultsError(const QString &batchId) const = 0;
    /** The recorded (complete) download of a batch. */
    virtual std::optional<Store::ResultDownload> resultDownload(const QString &batchId) const = 0;
};

/**
 * The decision of what the joined view of a batch (or of the job it belongs to) can show now, and from which
 * files: made by planJoin(), carried out by openJoin(). A value type without text: the view words each state.
 */
struct JoinPlan
{
    enum class State {
        NoBatch, ///< no batch was asked for
        Downloading, ///< the results of `subject` are being downloaded
        NeedsDownload, ///< the results of `subject` are not saved yet: download `fetch`
        SavedIncomplete, ///< the saved files of `subject` fail their check (`detail`): download `fetch` again
        SavedUnusable, ///< the saved files of `subject` fail their check (`detail`) and cannot be downloaded
                       ///< again (the provider deleted them, or the batch is no longer listed)
        DownloadFailed, ///< downloading the results of `subject` failed with `detail`
        NotReady, ///< nothing to show yet: `subject` has not finished
        BatchFailed, ///< the root batch failed before it ran any request: no files
        NoResults, ///< no output or error file at all
        InputUnknown, ///< the root's input file is not recorded (the batch was created elsewhere)
        InputMoved, ///< the root's input file is no longer at `inputPath`
        PartInputMissing, ///< the input of a part of the job is no longer at `missingInput`
        Ready, ///< join inputs() with `resultFiles`
    };

    State state = State::NoBatch;
    QString batchId; ///< the batch asked for
    QString jobId; ///< its job (metadata batchdesk_job), empty for a lone batch
    /** The first batch of each part's resubmit chain, in part order; one for a lone batch. */
    QStringList roots;
    /** Every batch whose results are joined: each part's chain (root first), parts in order, no repeats. */
    QStringList chain;
    /** The batch the state is about (download states, NotReady); the root for the input states and
     *  BatchFailed / NoResults. */
    QString subject;
    /** Why: the failed check of saved files, or the text of a failed download. */
    QString detail;
    /** NeedsDownload and SavedIncomplete: the batch whose results to download. */
    std::optional<Api::Batch> fetch;
    /** The recorded input of the root (for a job: of its first part). */
    QString inputPath;
    /** A job of several parts: the part inputs in part order. Empty for a lone batch (or a one-part job). */
    QStringList partInputs;
    /** PartInputMissing: the recorded path of the missing part input (may be empty). */
    QString missingInput;
    /** Ready: the saved output and error files in chain order (a later file wins for a custom_id). */
    QStringList resultFiles;
    /** Ready, lone batch: the SHA-256 the input had when submitted (empty when unknown). */
    QString expectedSha256;

    QString root() const { return roots.value(0); }
    /** The input files to join, in order: the parts of a job, or the one input. */
    QStringList inputs() const { return partInputs.isEmpty() ? QStringList {inputPath} : partInputs; }
    bool isReady() const { return state == State::Ready; }
    /** Whether the results of `fetch` should be downloaded now. */
    bool needsFetch() const
    {
        return fetch.has_value() && (state == State::NeedsDownload || state == State::SavedIncomplete);
    }
};

/**
 * Decides what to join for batchId: the batch, or every part of its job, each with its resubmits; the state
 * of each chain member's saved results (files are checked against their marker by size); the input file(s).
 * Pure apart from the size checks of saved files: it starts no download (the caller does when
 * needsFetch()). Members are looked at in chain order and the first one that blocks decides the state.
 */
JoinPlan planJoin(const JoinSource &source, const QString &batchId);

/** The joined results of a plan. */
struct OpenedJoin
{
    std::shared_ptr<const JoinedResults> results;
    /** The input's SHA-256 differs from the one recorded at submission (lone batch only). */
    bool inputChanged = false;
};

/**
 * Carries out a Ready plan: JoinedResults::open() over plan.inputs() (a job's part inputs are read one after
 * the other as one input, in part order; nothing is copied) and plan.resultFiles. For a lone batch with a
 * recorded SHA-256 the input is hashed to tell whether it changed since it was submitted.
 *
 * Blocking: call it on a worker thread. Honours the control's cancel and progress.
 */
Result<OpenedJoin> openJoin(const JoinPlan &plan, const WorkControl &control = {});

} // namespace Batchdesk::Results
