#pragma once

#include "diagnostic.h"
#include "limitprofile.h"
#include "lineindex.h"

#include <QByteArrayView>
#include <QFuture>
#include <QString>

#include <functional>
#include <memory>

namespace Batchdesk::Jsonl {

struct ValidationOptions
{
    LimitProfile profile = LimitProfile::deepinfra();
    /** When set, every line's url must equal it (e.g. the endpoint chosen for the batch). */
    QString expectedEndpoint;
    /** Detailed diagnostics kept (the earliest lines); counts are always complete. */
    int maxDiagnostics = 10'000;
    /** Worker threads; 0 = one per core. Small files always use one. */
    int threads = 0;
    /** Also build the LineIndex in the same pass. */
    bool buildIndex = true;
};

/** Callbacks called on the thread that runs validateFile(), never on a worker. Both may be empty. */
struct ValidationControl
{
    std::function<bool()> isCanceled;
    std::function<void(qint64 bytesDone, qint64 bytesTotal)> progress;
};

/** Everything the validator learned about one file: a value type. */
struct ValidationReport
{
    enum class Outcome { Completed, Canceled, IoError };

    QString filePath;
    Outcome outcome = Outcome::Completed;
    QString ioError; ///< translated, when outcome == IoError
    qint64 lines = 0;
    qint64 bytes = 0;
    QString endpoint; ///< the common url, empty when none was found
    QString model; ///< the common body.model, empty when none was found
    qint64 embeddingInputs = 0;
    qint64 errorCount = 0;
    qint64 warningCount = 0;
    CodeCounts countsByCode {};
    QList<Diagnostic> diagnostics; ///< sorted by line; at most ValidationOptions::maxDiagnostics
    bool diagnosticsTruncated = false;
    LimitProfile profile;
    std::shared_ptr<const LineIndex> index; ///< set when requested and the file was read completely
    double seconds = 0;

    bool completed() const { return outcome == Outcome::Completed; }
    bool isValid() const { return completed() && errorCount == 0; }
    qint64 count(Code code) const { return countsByCode[std::size_t(code)]; }
};

/**
 * Validates a batch input file against every rule of the provider's Batch API page and of the OpenAPI
 * BatchRequestInput schema, in one streaming pass split across the cores.
 *
 * Blocking: call it from a worker thread (validateFileAsync() does) or a CLI. Memory stays bounded by the
 * read buffers, the per-line custom_id/model/url records needed for the file-wide rules, and at most
 * maxDiagnostics detailed diagnostics.
 */
ValidationReport validateFile(const QString &path, const ValidationOptions &options = {},
                              const ValidationControl &control = {});

/** The same rules over bytes in memory (used by the fuzzer and the builder); no index is built. */
ValidationReport validateData(QByteArrayView data, const ValidationOptions &options = {});

/**
 * What a file that is not text looks like, from its first bytes: "a PNG image", "a ZIP archive", "UTF-16
 * text", "binary data"…; empty when it may be text (UTF-8 with at most a few broken bytes). validateFile()
 * checks the first 64 KiB with it and stops with one `not_text` error instead of hundreds of `invalid_utf8`.
 */
QString nonTextKind(QByteArrayView head);

/**
 * Runs validateFile() on the global thread pool. The future reports progress in permille (0..1000) and
 * honours cancel().
 */
QFuture<ValidationReport> validateFileAsync(const QString &path, const ValidationOptions &options = {});

} // namespace Batchdesk::Jsonl

Q_DECLARE_METATYPE(Batchdesk::Jsonl::ValidationReport)
