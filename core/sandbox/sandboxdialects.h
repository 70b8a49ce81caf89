#pragma once

// The wire formats of the batch providers, spoken by the sandbox from the server side (docs/providers.md).
// Written from the public API references listed there:
// - OpenAI: openai-openapi.yaml (CreateBatchRequest, Batch, OpenAIFile); DeepInfra: its batch API page;
// - Groq: console.groq.com/docs/batch, /docs/api-reference#batches;
// - Together: docs.together.ai/reference/batch-create, batch-get, batch-list, /docs/batch-inference;
// - Nebius AI Studio: docs.nebius.com/studio/inference/batch;
// - Azure OpenAI: learn.microsoft.com/azure/ai-services/openai/how-to/batch (api-version 2024-10-21);
// - Anthropic: docs.anthropic.com/en/api/creating-message-batches, retrieving-message-batches,
//   listing-message-batches, canceling-message-batches, retrieving-message-batch-results;
// - Mistral: docs.mistral.ai/capabilities/batch, docs.mistral.ai/api (/v1/batch/jobs, /v1/files);
// - Gemini: ai.google.dev/gemini-api/docs/batch-mode, ai.google.dev/api/batch-mode, ai.google.dev/api/files.

#include "sandboxengine.h"

#include <QJsonObject>
#include <QString>
#include <QStringList>

#include <functional>
#include <optional>

#include <httplib.h>

namespace Batchdesk::Sandbox {

enum class Dialect { OpenAi, DeepInfra, Groq, Together, Nebius, Azure, Anthropic, Mistral, Gemini };

/** The dialect names, as `--dialect` takes them: openai deepinfra groq together nebius azure anthropic … */
QStringList dialectNames();
std::optional<Dialect> dialectFromName(QStringView name);
QString dialectName(Dialect dialect);
/** The OpenAI Files + Batches family (one implementation with differences as data). */
bool isOpenAiFamily(Dialect dialect);
/** The path of a dialect's API under its own prefix, e.g. `/anthropic/v1`, `/gemini/v1beta`. */
QString dialectPrefixPath(Dialect dialect);

/** Which dialect serves the request being handled on this thread, and under which mount (path prefix). */
struct RequestDialect
{
    Dialect dialect = Dialect::OpenAi;
    /** The mount the path starts with, e.g. `/v1`, `/anthropic/v1`, `/gemini/upload/v1beta`. */
    QString mount;
    /** False when no mount matched (the root dialect answers, e.g. with its 404). */
    bool matched = false;
};

/**
 * The dialect layer: which path prefix belongs to which dialect, each dialect's auth and error envelope, the
 * routes of the dialects that are not OpenAI's shape (Anthropic, Mistral's jobs, Gemini) and the differences
 * of the OpenAI family (Groq, Together, Azure, Mistral's files). It translates to and from the one
 * SandboxEngine; it keeps no state of its own except converted result files (a cache under the data dir).
 *
 * Mounts: every dialect under its own prefix (`/openai/v1`, `/deepinfra/v1/openai`, `/groq/openai/v1`,
 * `/together/v1`, `/nebius/v1`, `/azure/openai`, `/anthropic/v1`, `/mistral/v1`, `/gemini/v1beta` with
 * `/gemini/upload/v1beta` and `/gemini/download/v1beta`), and the root dialect also at its native root
 * (`/v1` — for openai and deepinfra also `/v1/openai` —, Azure `/openai`, Gemini `/v1beta`, `/upload/v1beta`,
 * `/download/v1beta`). The longest matching mount wins.
 *
 * Thread-safe: the member functions only read the layer's constant data and call the engine.
 */
class DialectLayer final
{
public:
    DialectLayer(SandboxEngine *engine, Dialect root, QString dataDir);

    Dialect root() const { return m_root; }

    /** Decides the dialect of a request path and remembers it for this thread (current()). */
    RequestDialect resolve(const std::string &path) const;
    /** What resolve() decided for the request being handled on this thread. */
    static const RequestDialect &current();

    /** A regular expression (no capture groups) matching the mounts of the given dialects. */
    std::string mountPattern(const QList<Dialect> &dialects) const;

    /**
     * Checks the request's credentials (and required version parameters) for its dialect. Returns false after
     * answering 401 or 400 in the dialect's error envelope.
     */
    bool admit(const httplib::Request &req, httplib::Response &res, const QString &key) const;

    /** Answers an error in the dialect's envelope. `type` and `code` are OpenAI's (mapped for the others). */
    static void sendError(httplib::Response &res, Dialect dialect, int status, const QString &message,
                          const QString &type = QString(), const QJsonValue &code = QJsonValue());

    using Wrap = std::function<httplib::Server::Handler(httplib::Server::Handler)>;
    using WrapReader =
        std::function<httplib::Server::HandlerWithContentReader(httplib::Server::HandlerWithContentReader)>;
    /** Installs the routes of Anthropic, Mistral's batch jobs and Gemini; the wraps add the fault handling.
     */
    void installRoutes(httplib::Server &server, const Wrap &wrap, const WrapReader &wrapReader);

    // The OpenAI family (and Mistral's files, which have OpenAI's shape), used by the server's routes.

    /** Empty when `purpose` is right for an upload in the dialect, else the error message. */
    QString uploadPurposeProblem(Dialect dialect, const QString &purpose) const;
    /** The answer to a file list request of the dialect (Mistral pages by number). */
    ApiResult listFiles(Dialect dialect, const httplib::Request &req) const;
    /** A file object of the engine as the dialect shows it. */
    QJsonObject fileJson(Dialect dialect, const QJsonObject &file) const;
    ApiResult createBatch(Dialect dialect, const QJsonObject &request) const;
    /** Answers a batch list request of the dialect (Together: a bare array of all batches). */
    void listBatches(Dialect dialect, const QString &after, int limit, httplib::Response &res) const;
    /** Turns an engine answer holding one batch into the dialect's shape. */
    ApiResult batchResult(Dialect dialect, const ApiResult &result) const;

private:
    struct Mount
    {
        QString prefix;
        Dialect dialect;
    };

    QJsonObject familyBatchJson(Dialect dialect, const QJsonObject &batch) const;

    void installAnthropic(httplib::Server &s, const Wrap &wrap, const WrapReader &wrapReader);
    void installMistral(httplib::Server &s, const Wrap &wrap);
    void installGemini(httplib::Server &s, const Wrap &wrap, const WrapReader &wrapReader);

    QJsonObject anthropicBatch(const QJsonObject &batch, const httplib::Request &req) const;
    QJsonObject mistralBatch(const QJsonObject &batch) const;
    QJsonObject geminiOperation(const QJsonObject &batch) const;
    QJsonObject geminiFile(const QJsonObject &file, const httplib::Request &req) const;
    /**
     * The path of a batch's results converted into the dialect's result lines (written once the batch has
     * ended, then reused). Empty with a message in *error when they cannot be made.
     */
    QString convertedResults(Dialect dialect, const QJsonObject &batch, QString *error) const;
    /** Streams a file from disk as the answer. */
    static void sendFile(httplib::Response &res, const QString &path, const char *contentType);

    SandboxEngine *const m_engine;
    const Dialect m_root;
    const QString m_dataDir;
    QList<Mount> m_mounts; // longest first
};

} // namespace Batchdesk::Sandbox
