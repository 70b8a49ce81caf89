#pragma once

#include "jsonl/dialectconvert.h"
#include "provider.h"
#include "types.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QString>
#include <QUrlQuery>

namespace Batchdesk::Api::Wire {

/**
 * The translation between a provider's wire format and the OpenAI shape everything above the API layer uses
 * (docs/providers.md). Pure functions of the provider and the JSON: no I/O.
 *
 * The normalisers are lenient about what is already OpenAI-shaped (so one function serves every dialect of
 * the OpenAI family) and never invent data: a value of the wrong type is left as it is, for the strict
 * parsers (Batch::parse, FileObject::parse) to refuse with a precise message.
 */

/** A time as sent: Unix seconds (a number) or an RFC 3339 / ISO-8601 string. Anything else: -1. */
qint64 parseTime(const QJsonValue &v);

/** A provider's batch object (Together's {"job":…}, Anthropic's message_batch, Mistral's batch job, Gemini's
 *  Operation or GenerateContentBatch) as OpenAI's Batch. */
QJsonObject normalizeBatch(const Provider &provider, const QJsonObject &o);
/** A provider's file object (Gemini's {"file":…} with "files/abc", Mistral's size_bytes, ISO times) as
 *  OpenAI's OpenAIFile. */
QJsonObject normalizeFile(const Provider &provider, const QJsonObject &o);
QJsonObject normalizeModel(const Provider &provider, const QJsonObject &o);
/** Normalises o as the given kind (Object: unchanged). */
QJsonObject normalize(const Provider &provider, ObjectKind kind, const QJsonObject &o);

/** One page of a list, read from any provider's list shape. */
struct Page
{
    bool ok = false; ///< false: not a list of any known shape
    QJsonArray items; ///< normalised items
    bool hasMore = false;
    QString nextCursor; ///< the value of cursorParameter() for the next page
};
/** Reads a page: {data, has_more, last_id} (OpenAI, Anthropic), a bare array (Together), {data, total}
 *  (Mistral; pageIndex and pageSize say where this page was), {operations|files|models, nextPageToken}
 *  (Gemini). */
Page parsePage(const Provider &provider, ObjectKind kind, const QByteArray &body, int pageIndex,
               int pageSize);
/** The query of one page of a list: the page size and the cursor in the provider's parameter names. */
void addPageQuery(const Provider &provider, QUrlQuery *query, int pageSize, const QString &cursor);
/** The cursor of the first page ("" for cursor lists, "0" for Mistral's page numbers). */
QString firstCursor(const Provider &provider);

/** The request path (below the base URL) of a batch, a batch list, a batch cancel, a file and a file's
 *  content. The id is an id as the client knows it (without Gemini's "batches/" prefix). */
QString batchPath(const Provider &provider, const QString &batchId);
QString batchesPath(const Provider &provider);
QString cancelPath(const Provider &provider, const QString &batchId);
QString filePath(const Provider &provider, const QString &fileId);
QString filesPath(const Provider &provider);
/** Anthropic's results of a batch are downloaded as the pseudo file "<batch id>.results". */
inline constexpr QLatin1StringView kResultsSuffix(".results");

/** The batch endpoint as the provider writes it (Azure: without "/v1"). */
QString endpointFor(const Provider &provider, const QString &endpoint);
/** The body of a create for the OpenAI family and Mistral (Gemini and Anthropic are built by the job). */
QJsonObject createBody(const Provider &provider, const CreateBatchParams &params, const QString &model);

/** Azure: copies a batch file with each line's url written without "/v1" (streaming; blocking: call from a
 *  worker thread). Lines that are not JSON objects with such a url are copied unchanged. */
Jsonl::ConvertResult rewriteUrlsWithoutV1(const QString &inPath, const QString &outPath,
                                          const std::function<bool(qint64, qint64)> &progress = {});

/** Gemini keeps the client id of a submission in the batch's display name. */
QString geminiDisplayName(const QString &clientId);

} // namespace Batchdesk::Api::Wire
