#pragma once

#include "common/result.h"
#include "common/workcontrol.h"
#include "limitprofile.h"

#include <QList>
#include <QString>

namespace Batchdesk::Jsonl {

/** One part written by splitJsonl(). */
struct SplitPart
{
    QString path;
    qint64 firstLine = 0; ///< 1-based line of the input where the part starts
    qint64 lines = 0;
    qint64 bytes = 0;
    qint64 embeddingInputs = 0;
};

/** Limits of one part: the profile's, or smaller (e.g. --max-lines). 0 = the profile's. */
struct SplitLimits
{
    qint64 maxLines = 0;
    qint64 maxBytes = 0;
    qint64 maxEmbeddingInputs = 0;
};

/**
 * Splits a batch input that is valid except for its size into parts that each stay within the limits: lines,
 * bytes (every line's "\n" counted) and, for /v1/embeddings, embedding inputs (a string is one, an array of
 * strings or token arrays one per element, a flat token array one). Lines keep their order and bytes (a BOM
 * is dropped, blank lines are skipped). Parts go to outDir as <stem>-001.jsonl, <stem>-002.jsonl, ..., each
 * through QSaveFile; nothing is left behind on an error. Streams the input: memory stays at one part's
 * buffer.
 *
 * Fails with "too_large" when one line alone exceeds the limits, "io" or "canceled".
 */
Result<QList<SplitPart>> splitJsonl(const QString &path, const QString &outDir, const QString &stem,
                                    const LimitProfile &profile, bool countEmbeddingInputs,
                                    const SplitLimits &limits = {}, const WorkControl &control = {});

} // namespace Batchdesk::Jsonl
