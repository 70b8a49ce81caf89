// libFuzzer target: any bytes must give a completed report with consistent counts, never a crash or a leak.
#include "jsonl/requestsummary.h"
#include "jsonl/validator.h"

#include <cstdint>
#include <cstdlib>

using namespace Batchdesk::Jsonl;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArrayView bytes(reinterpret_cast<const char *>(data), qsizetype(size));
    ValidationOptions options;
    options.maxDiagnostics = 64;
    const ValidationReport report = validateData(bytes, options);
    qint64 total = 0;
    for (qint64 c : report.countsByCode)
        total += c;
    if (!report.completed() || total != report.errorCount + report.warningCount
        || report.diagnostics.size() > options.maxDiagnostics || report.bytes != qint64(size))
        std::abort();
    for (const auto &d : report.diagnostics) {
        if (d.line < 0 || d.line > report.lines || d.message.isEmpty())
            std::abort();
    }
    // The viewer's helpers see the same bytes when a user clicks a broken line.
    (void)summarizeRequest(bytes);
    (void)prettyJson(bytes);
    return 0;
}
