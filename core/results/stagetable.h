#pragma once

#include "common/result.h"
#include "common/workcontrol.h"
#include "joinedresults.h"
#include "jsoncolumns.h"
#include "jsonl/csvtable.h"

#include <QJsonObject>
#include <QString>
#include <QStringList>

#include <optional>

namespace Batchdesk::Results {

/** Which rows of joined results become rows of a stage table. */
struct StageOptions
{
    /** Every request of the input (any outcome); default: the succeeded ones only. */
    bool allRows = false;
    /** The build manifest of the input; empty = found from the input path (RequestBuilder::manifestPath(),
     *  or that of OUT.jsonl for a part OUT-001.jsonl). */
    QString manifestPath;
};

/** What stageTable() found besides the table. */
struct StageInfo
{
    qint64 rows = 0; ///< rows of the table
    qint64 skipped = 0; ///< requests left out (not succeeded, unless allRows)
    qint64 invalidAnswers = 0; ///< rows whose answer is not JSON (their answer.* cells are empty)
    int answerColumns = 0;
    /** The original CSV whose columns were added (empty when none). */
    QString csvPath;
    /** Why the original CSV's columns are not there although the input has a build manifest (it moved, it
     *  changed since the build); empty otherwise. */
    QString csvProblem;
};

/** The first columns of every stage table, in order. */
QStringList stageBaseColumns();
/** The prefix of the JSON answer columns: "answer." */
inline constexpr QLatin1StringView kAnswerPrefix("answer.");

/**
 * The joined results of a stage as a table the request builder reads, so that the next stage's templates can
 * use {{response}}, {{answer.label}}, {{custom_id}}, ...: one row per request of the input (the succeeded
 * ones unless options.allRows; results for custom_ids not in the input are left out), in input order.
 *
 * Columns: stageBaseColumns() — custom_id, outcome, model, request (the last user message, the prompt or the
 * input, full text), response (the full answer text), finish_reason, input_tokens, output_tokens, error
 * ("code: message") — then "answer.<name>" for each of columns (jsonCellText(); empty when the answer is not
 * JSON), then, when the input has a build manifest whose CSV still exists with the same SHA-256, the CSV's
 * own columns for the row the manifest maps the custom_id to (a name already taken gets a "csv." prefix).
 *
 * Blocking (reads every row from disk): call it on a worker thread. Fails with "canceled" or "io".
 */
Result<Jsonl::CsvTable> stageTable(const JoinedResults &results, const JsonColumns &columns,
                                   const StageOptions &options = {}, const WorkControl &control = {},
                                   StageInfo *info = nullptr);

/**
 * The link between two stages, kept in the build manifest of the later stage's input as "source":
 * {"kind": "results", "stage": N, "batch_ids": [...] or "job_id": "job-…", "input": previous input path}.
 * stage is the number of the stage built (the first stage, built from a CSV or written by hand, is 1).
 */
struct StageLink
{
    int stage = 0; ///< the stage built from the results (2 or more)
    QStringList batchIds; ///< the previous stage's batches (empty for a job)
    QString jobId; ///< the previous stage's job (empty for batches)
    QString inputPath; ///< the previous stage's input file (the first part's for a job)

    QJsonObject toJson() const;
    static std::optional<StageLink> fromJson(const QJsonObject &source);
};

/** The link a build from the results of batchIds (or jobId) over inputPath records: its stage number is the
 *  input's stage + 1 (stageNumber()). */
StageLink nextStageLink(const QStringList &batchIds, const QString &jobId, const QString &inputPath);
/** The stage of an input file: its manifest's source stage, 1 when it has none. Reads a small file. */
int stageNumber(const QString &inputPath);
/** The build manifest of an input file when there is one (see StageOptions::manifestPath), else empty. */
QString manifestOf(const QString &inputPath);
/** The stage an input file was built from (its manifest's "source"), or nullopt when it was not built from
 *  results. Reads a small file. */
std::optional<StageLink> previousStage(const QString &inputPath);

/**
 * Adds the previous stage's answers to a stage table, matched by custom_id: "previous.response" and
 * "previous.answer.<name>" for each of previousColumns (empty when the previous stage has no result for the
 * custom_id). Blocking: a worker thread.
 */
Result<Jsonl::CsvTable> withPreviousStage(const Jsonl::CsvTable &table, const JoinedResults &previous,
                                          const JsonColumns &previousColumns,
                                          const WorkControl &control = {});

/** Writes a table as RFC 4180 CSV (CRLF, UTF-8; formulas in cells neutralised unless told not to).
 *  Blocking. */
Result<void> writeTableCsv(const Jsonl::CsvTable &table, const QString &path, bool neutralizeFormulas = true,
                           const WorkControl &control = {});

} // namespace Batchdesk::Results
