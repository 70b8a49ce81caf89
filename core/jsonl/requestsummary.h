#pragma once

#include <QByteArrayView>
#include <QString>

namespace Batchdesk::Jsonl {

/** What a requests table shows for one line, extracted without building a QJsonDocument. */
struct RequestSummary
{
    bool valid = false; ///< the line is a JSON object
    QString customId;
    QString method;
    QString url;
    QString model;
    /** The last user message (chat), the prompt (completions) or the input (embeddings), single-line,
     * shortened. */
    QString preview;
    qint64 embeddingInputs = 0;
};

/** Summarises one request line; previewChars bounds the preview. Thread-safe. */
RequestSummary summarizeRequest(QByteArrayView line, int previewChars = 200);

/** The line pretty-printed with two-space indentation, or the raw text when it is not valid JSON. */
QString prettyJson(QByteArrayView line);

} // namespace Batchdesk::Jsonl
