#pragma once

#include "wirefamily.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QJsonObject>
#include <QList>
#include <QString>

#include <functional>
#include <optional>

namespace Batchdesk::Jsonl {

/**
 * Conversions between OpenAI's batch line format and Anthropic's, Mistral's and Gemini's (docs/providers.md
 * §2, §3, §4). A batch file in Batchdesk is always written in OpenAI's request-line format
 * (`{"custom_id","method":"POST","url","body"}`); for the other providers it is converted on the way out, and
 * each result line is converted back into OpenAI's output-line format
 * (`{"id","custom_id","response":{"status_code","body"},"error"}`) so that results, join and export stay the
 * same for every provider.
 */

/**
 * Converts one OpenAI request line into the target family's request:
 * - Anthropic: `{"custom_id","params":{MessageCreateParams}}` (chat completions only);
 * - Mistral: `{"custom_id","body":{…}}`, the body without `model` (chat completions, embeddings,
 * moderations);
 * - Gemini: `{"key","request":{GenerateContentRequest}}` (chat completions only).
 * For WireFamily::OpenAI the line is returned unchanged.
 *
 * When the line cannot convert, returns nullopt and sets *problem (when given) to one sentence naming the
 * field, e.g. "max_tokens is required by Anthropic; add \"max_tokens\" to the body.". The custom_id's
 * characters are not checked here (see isPortableCustomId()).
 */
std::optional<QJsonObject> convertRequestLine(const QJsonObject &openaiLine, WireFamily family,
                                              QString *problem = nullptr);

/** Whether id matches ^[a-zA-Z0-9_-]{1,64}$, the custom_id rule of Anthropic's Message Batches. */
bool isPortableCustomId(QStringView id);

/** One line that could not convert; line is 1-based. */
struct ConvertDiagnostic
{
    qint64 line = 0;
    QString message;
    friend bool operator==(const ConvertDiagnostic &, const ConvertDiagnostic &) = default;
};

/** What convertRequestFile() did: a value type. */
struct ConvertResult
{
    /** The output was written completely and every line converted. */
    bool ok = false;
    /** The progress callback returned false; nothing was written at the output path. */
    bool canceled = false;
    /** An I/O failure (translated), e.g. the input cannot be read or the output cannot be saved. */
    QString error;
    /** Requests written (lines converted or passed through). */
    qint64 lines = 0;
    /** The model of every line (Mistral and Gemini give it on the job); empty when none or (Anthropic) mixed.
     */
    QString model;
    /** The common OpenAI endpoint of the lines, e.g. "/v1/chat/completions". */
    QString endpoint;
    /** Lines that could not convert, in line order; at most kMaxConvertDiagnostics are kept. */
    QList<ConvertDiagnostic> diagnostics;
    /** Every line that could not convert, also those past the kept diagnostics. */
    qint64 problemCount = 0;
    /** Bytes written to the output. */
    qint64 outputBytes = 0;
};

inline constexpr int kMaxConvertDiagnostics = 1000;

/**
 * Converts a whole OpenAI batch file for the target family, streaming: the input is read line by line and
 * the output written as it goes (QSaveFile), so memory stays bounded by the longest line.
 *
 * Anthropic's output is not JSONL but the create body `{"requests":[{custom_id, params}, …]}`; Mistral's and
 * Gemini's are JSONL. A line that is already in the target format (no method/url; `params`, `key`+`request`
 * or `body`) passes through unchanged. Blank lines are skipped.
 *
 * The output is committed only when every line converted (ok); otherwise the diagnostics name the lines and
 * nothing is written at outPath (a file already there stays as it was). progress is called about every
 * megabyte; returning false cancels. Blocking: call from a worker thread or a CLI.
 */
ConvertResult
convertRequestFile(const QString &inPath, WireFamily family, const QString &outPath,
                   const std::function<bool(qint64 bytesDone, qint64 bytesTotal)> &progress = {});

/**
 * Converts one result line of the family back into OpenAI's output-line format, as one compact JSON line
 * without a newline:
 * - Anthropic `{"custom_id","result":{"type":"succeeded|errored|canceled|expired",…}}`;
 * - Gemini `{"key","response":{GenerateContentResponse}}` or `{"key","error":{"code","message","status"}}`;
 * - Mistral (already OpenAI's shape) and OpenAI: normalised (`id`, `custom_id`, `response`, `error` present).
 * An invalid or unknown line gives an empty array and sets *problem (when given).
 */
QByteArray resultLineToOpenAI(QByteArrayView line, WireFamily family, QString *problem = nullptr);

/**
 * resultLineToOpenAI() over a stream of bytes in chunks of any size (network reads): feed() returns the
 * converted complete lines (each ending in '\n'), finish() the last line when it had no newline. Lines that
 * cannot convert are left out and counted. A line longer than 64 MB is dropped without being buffered.
 */
class ResultLineConverter
{
public:
    explicit ResultLineConverter(WireFamily family);

    QByteArray feed(QByteArrayView chunk);
    QByteArray finish();

    /** Lines converted so far. */
    qint64 converted() const { return m_converted; }
    /** Non-blank lines that could not convert. */
    qint64 failed() const { return m_failed; }
    /** The first failure as "line N: problem"; empty when none. */
    QString firstProblem() const { return m_firstProblem; }

private:
    void convertLine(QByteArrayView line, QByteArray &out);

    WireFamily m_family;
    QByteArray m_pending;
    bool m_skipping = false;
    qint64 m_line = 0;
    qint64 m_converted = 0;
    qint64 m_failed = 0;
    QString m_firstProblem;
};

} // namespace Batchdesk::Jsonl
