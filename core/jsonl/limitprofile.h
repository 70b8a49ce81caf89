#pragma once

#include <QString>
#include <QStringList>

#include "wirefamily.h"

#include <optional>

namespace Batchdesk::Jsonl {

/**
 * The file-level limits of a provider's Batch API.
 *
 * Sizes are counted in bytes; "200 MB" is read as 200,000,000 bytes, the stricter reading, so that no file
 * the app passes is refused upstream.
 */
struct LimitProfile
{
    QString name; ///< stable id: "deepinfra", "openai"
    QString displayName;
    qint64 maxLines = 50'000;
    qint64 maxBytes = 200'000'000;
    qint64 maxEmbeddingInputs = 50'000;
    int recommendedCustomIdLength = 64;
    /** Batches one account may run at once; a job queues its other parts (DeepInfra: 100 per user). */
    int maxInFlight = 100;
    QStringList endpoints;
    /** How the provider's batch API is shaped; a file for another family than OpenAI is converted on upload.
     */
    WireFamily family = WireFamily::OpenAI;
    /** Azure: a line's url (and the batch endpoint) may be written without "/v1" ("/chat/completions"). */
    bool acceptsUrlWithoutV1 = false;
    /** Batch completion windows the provider accepts ("24h" for most; Groq "24h" .. "7d"). */
    QStringList completionWindows {QStringLiteral("24h")};
    /** Whether a line's custom_id must match ^[a-zA-Z0-9_-]{1,64}$ (Anthropic). */
    bool strictCustomId = false;

    bool supportsEndpoint(QStringView url) const;

    static LimitProfile deepinfra();
    static LimitProfile openai();
    static LimitProfile groq();
    static LimitProfile together();
    static LimitProfile nebius();
    static LimitProfile azure();
    static LimitProfile anthropic();
    static LimitProfile mistral();
    static LimitProfile gemini();
    /** "Run here": the lines run on this machine against a real-time endpoint; no batch API limits, only what
     *  the runner keeps in memory (an offset per line), and any completion window. */
    static LimitProfile realtime();
    /** All known profiles; the first is the default. */
    static QList<LimitProfile> all();
    static QStringList names();
    static std::optional<LimitProfile> byName(QStringView name);
};

inline constexpr QLatin1StringView kChatCompletions("/v1/chat/completions");
inline constexpr QLatin1StringView kCompletions("/v1/completions");
inline constexpr QLatin1StringView kEmbeddings("/v1/embeddings");
inline constexpr QLatin1StringView kResponses("/v1/responses");
inline constexpr QLatin1StringView kModerations("/v1/moderations");
inline constexpr QLatin1StringView kImageGenerations("/v1/images/generations");
inline constexpr QLatin1StringView kImageEdits("/v1/images/edits");
inline constexpr QLatin1StringView kVideos("/v1/videos");

} // namespace Batchdesk::Jsonl
