#pragma once

#include <QJsonObject>
#include <QJsonValue>
#include <QString>
#include <QStringList>

namespace Batchdesk::Sandbox {

/*
 * The built-in models of the sandbox and the endpoints they serve:
 *
 * - `sandbox/echo`: /v1/chat/completions, /v1/completions and /v1/responses. It answers with the last user
 *   message (chat), the prompt (completions) or the input (responses: the text of the input string, or of the
 *   last user input item), cut to max_tokens / max_completion_tokens / max_output_tokens words. A response
 *   is a Response object (`object:"response"`, `status:"completed"` or `"incomplete"` when cut, one
 *   `message` output item with one `output_text` part, `usage {input_tokens, output_tokens, total_tokens}`).
 *   A chat request with response_format json_schema is answered with compact JSON that conforms to the
 *   schema (every listed property; an enum's value, a number or a boolean chosen from a hash of the last user
 *   message, so different prompts get different values; strings are the message's first words), one with
 *   json_object with {"answer": first words, "words": count}; JSON answers are not cut to max_tokens. A
 *   message that is itself a JSON object, or a ```-fenced block, is the answer as it is (scripted answers).
 * - `sandbox/embed`: /v1/embeddings, deterministic unit vectors (8 dimensions unless `dimensions` says).
 * - `sandbox/moderation` (also answering as `omni-moderation-latest`, `omni-moderation-2024-09-26`,
 *   `text-moderation-latest` and `text-moderation-stable`, and the default when body.model is absent):
 *   /v1/moderations. An input containing `[[flag:CATEGORY]]` (e.g. `[[flag:violence]]`,
 *   `[[flag:self-harm/intent]]`) is flagged in that category (score 0.99); every other category is false
 *   with score 0.0001. One result per input. An unknown category is a 400 error.
 * - `sandbox/image` (the default for images when body.model is absent): /v1/images/generations and
 *   /v1/images/edits. Returns `n` images (default 1) as `data[].b64_json`, each a valid 8x8 PNG whose colour
 *   depends on the prompt, or as `data[].url` (https://sandbox.invalid/images/….png, never served) when
 *   response_format is "url".
 * - `sandbox/video` (the default for /v1/videos when body.model is absent): /v1/videos. Returns a completed
 *   video job object (`object:"video"`, `id`, `status:"completed"`, `progress:100`, `prompt`, `seconds`,
 *   `size`).
 *
 * Markers in the text a model reads (the last user message, the prompt, the input): `[[fail]]` fails with
 * status 500, `[[fail:NNN]]` with status NNN (400..599), `[[flaky]]` fails with 500 the first time this
 * process runs that exact text and succeeds afterwards; `[[badjson]]` in a chat request with a JSON
 * response_format gets an answer that is not valid JSON ("Not JSON: " and the message).
 */
inline constexpr QLatin1StringView kEchoModel("sandbox/echo");
inline constexpr QLatin1StringView kEmbedModel("sandbox/embed");
inline constexpr QLatin1StringView kModerationModel("sandbox/moderation");
inline constexpr QLatin1StringView kImageModel("sandbox/image");
inline constexpr QLatin1StringView kVideoModel("sandbox/video");

/** What one executed request line produced: an HTTP status, the response body and its token usage. */
struct ModelResult
{
    int statusCode = 200;
    QJsonObject body;
    qint64 inputTokens = 0;
    qint64 outputTokens = 0;

    bool ok() const { return statusCode >= 200 && statusCode < 300; }
};

/** The ids of the built-in models. */
QStringList builtinModels();
/** Whether the sandbox answers as this model. An empty model is the endpoint's default model (moderations,
 *  images and videos have one); modelEndpointProblem() says whether the endpoint has one. */
bool isBuiltinModel(const QString &model);
/** The model that answers when body.model is absent: sandbox/moderation, sandbox/image or sandbox/video;
 *  empty for the endpoints that need a model. */
QString defaultModel(const QString &endpoint);
/** Empty when the model serves the endpoint, else a message saying why not. */
QString modelEndpointProblem(const QString &model, const QString &endpoint);
/** The 8x8 PNG image the sandbox returns for a prompt (its colour is derived from the prompt). */
QByteArray sandboxPng(const QString &prompt);

/**
 * Executes one request body of a batch line against the built-in models. Pure and thread-safe;
 * `nowSeconds` becomes the body's `created`.
 */
ModelResult executeRequest(const QString &endpoint, const QJsonObject &body, qint64 nowSeconds);

/** `{"error":{"message","type","param","code"}}`. */
QJsonObject errorEnvelope(const QString &message, const QString &type, const QJsonValue &param = QJsonValue(),
                          const QJsonValue &code = QJsonValue());

/** `n` random lower-case hex digits. */
QString randomHex(int n);

} // namespace Batchdesk::Sandbox
