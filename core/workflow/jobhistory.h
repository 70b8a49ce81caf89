#pragma once

#include "common/result.h"
#include "common/workcontrol.h"
#include "results/resultindex.h"
#include "store/jobstore.h"

#include <QList>
#include <QString>

namespace Batchdesk::Workflow {

/** One attempt of a request of a job: the batch of a round that had it, and what came back. */
struct RequestAttempt
{
    int round = 0;
    QString part; ///< "2/5"
    QString batchId;
    Results::Outcome outcome = Results::Outcome::Missing;
    int httpStatus = 0;
    QString error; ///< the error code and message of a failure, when any
    bool resultsSaved = true; ///< false: the batch's results are not on this computer (outcome unknown)
};

/**
 * The attempt history of one request of a job: every batch (round by round, part by part) whose input holds
 * the custom_id, with the outcome its saved result files give (streamed; the lines are parsed only where the
 * id occurs). resultsFolderOf gives where a batch's results are kept (ResultsFetcher::folderOf). Blocking:
 * call it off the GUI thread for large jobs. Fails with "not_found" when no part of the job has the request.
 */
Result<QList<RequestAttempt>> requestAttempts(const QList<Store::JobPart> &parts, const QString &customId,
                                              const std::function<QString(const QString &)> &resultsFolderOf,
                                              const WorkControl &control = {});

} // namespace Batchdesk::Workflow
