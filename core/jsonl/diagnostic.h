#pragma once

#include <QList>
#include <QMetaType>
#include <QString>

#include <array>

namespace Batchdesk::Jsonl {

enum class Severity : quint8 { Error, Warning };

/** Stable diagnostic codes. Their names (codeName()) are a contract: scripts read them from the CLI's JSON.
 */
enum class Code : quint8 {
    // errors
    EmptyFile,
    NotText,
    InvalidUtf8,
    InvalidJson,
    BlankLine,
    NotAnObject,
    MissingCustomId,
    InvalidCustomId,
    DuplicateCustomId,
    InvalidMethod,
    MissingUrl,
    UnsupportedUrl,
    UrlMismatch,
    MissingBody,
    InvalidBody,
    MissingModel,
    ModelMismatch,
    TooManyLines,
    FileTooLarge,
    TooManyEmbeddingInputs,
    NestingTooDeep,
    // warnings
    StreamNotSupported,
    LongCustomId,
    Bom,
    Crlf,

    CodeCount
};

inline constexpr int CodeCount = int(Code::CodeCount);
/** Objects and arrays nested deeper than this in one line are `nesting_too_deep` (the validator, the sandbox
 *  and the JSON readers of the results agree on it; Qt's own JSON parser stops at 1024). */
inline constexpr int kMaxNestingDepth = 1000;

/** The stable snake_case name of a code, e.g. "duplicate_custom_id". */
const char *codeName(Code code);
/** The code for a name, or CodeCount when unknown. */
Code codeFromName(QStringView name);
/** The severity a code always has. */
Severity severityOf(Code code);
/** "error" or "warning". */
const char *severityName(Severity severity);

/**
 * One finding of the validator: a value type.
 *
 * line is 1-based; 0 means the finding is about the file as a whole.
 */
struct Diagnostic
{
    Severity severity = Severity::Error;
    qint64 line = 0;
    Code code = Code::InvalidJson;
    QString message;

    QString codeString() const { return QString::fromLatin1(codeName(code)); }
    bool isError() const { return severity == Severity::Error; }
    friend bool operator==(const Diagnostic &, const Diagnostic &) = default;
};

using CodeCounts = std::array<qint64, CodeCount>;

} // namespace Batchdesk::Jsonl

Q_DECLARE_METATYPE(Batchdesk::Jsonl::Diagnostic)
