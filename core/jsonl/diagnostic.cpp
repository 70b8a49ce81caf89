#include "diagnostic.h"

namespace Batchdesk::Jsonl {

namespace {
constexpr std::array<const char *, CodeCount> kNames = {
    "empty_file",
    "not_text",
    "invalid_utf8",
    "invalid_json",
    "blank_line",
    "not_an_object",
    "missing_custom_id",
    "invalid_custom_id",
    "duplicate_custom_id",
    "invalid_method",
    "missing_url",
    "unsupported_url",
    "url_mismatch",
    "missing_body",
    "invalid_body",
    "missing_model",
    "model_mismatch",
    "too_many_lines",
    "file_too_large",
    "too_many_embedding_inputs",
    "nesting_too_deep",
    "stream_not_supported",
    "long_custom_id",
    "bom",
    "crlf",
};
} // namespace

const char *codeName(Code code)
{
    const int i = int(code);
    return i >= 0 && i < CodeCount ? kNames[std::size_t(i)] : "unknown";
}

Code codeFromName(QStringView name)
{
    for (int i = 0; i < CodeCount; ++i) {
        if (name == QLatin1StringView(kNames[std::size_t(i)]))
            return Code(i);
    }
    return Code::CodeCount;
}

Severity severityOf(Code code)
{
    return int(code) >= int(Code::StreamNotSupported) ? Severity::Warning : Severity::Error;
}

const char *severityName(Severity severity)
{
    return severity == Severity::Error ? "error" : "warning";
}

} // namespace Batchdesk::Jsonl
