#pragma once

#include <QString>
#include <QStringList>

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
    /** Batches of one account running at once, as the provider allows (a job's parts beyond it wait). */
    int maxInFlight = 100;
    QStringList endpoints;

    bool supportsEndpoint(QStringView url) const;

    static LimitProfile deepinfra();
    static LimitProfile openai();
    /** All known profiles; the first is the default. */
    static QList<LimitProfile> all();
    static QStringList names();
    static std::optional<LimitProfile> byName(QStringView name);
};

inline constexpr QLatin1StringView kChatCompletions("/v1/chat/completions");
inline constexpr QLatin1StringView kCompletions("/v1/completions");
inline constexpr QLatin1StringView kEmbeddings("/v1/embeddings");

} // namespace Batchdesk::Jsonl
