#pragma once

#include "jsonl/wirefamily.h"

#include <QList>
#include <QString>
#include <QUrl>

#include <optional>

namespace Batchdesk::Api {

/** How a provider wants the API key (docs/providers.md). */
enum class AuthStyle {
    Bearer, ///< Authorization: Bearer KEY (OpenAI, DeepInfra, Groq, Together, Nebius, Mistral, custom)
    AzureApiKey, ///< api-key: KEY, and ?api-version= on every request (Azure OpenAI)
    AnthropicKey, ///< x-api-key: KEY and anthropic-version (Anthropic)
    GoogleKey, ///< x-goog-api-key: KEY (Gemini)
};

/**
 * One batch provider as data: its wire family, auth, default base URL and model, quirks and hints. An account
 * is a provider + base URL + key; the ApiClient speaks the provider's wire format (core/api/wire.*) and hands
 * everything above it OpenAI's Batch / OpenAIFile / output-line shapes. The list and its sources are in
 * docs/providers.md.
 */
struct Provider
{
    QString id; ///< stable: "openai", "deepinfra", "groq", "together", "nebius", "azure", "anthropic", ...
    QString displayName;
    Jsonl::WireFamily family = Jsonl::WireFamily::OpenAI;
    AuthStyle auth = AuthStyle::Bearer;
    QUrl defaultBaseUrl; ///< empty when the user must give one (Azure resource, custom)
    QString defaultModel;
    QString limitProfile; ///< Jsonl::LimitProfile name
    QString uploadPurpose = QStringLiteral("batch"); ///< Together: "batch-api"
    /** Azure: the api-version query (overridable by the base URL's own ?api-version=); Anthropic: the
     *  anthropic-version header. */
    QString apiVersion;
    /** Azure: a line's url and the batch endpoint are written without "/v1". */
    bool endpointWithoutV1 = false;
    /** File storage per account in bytes (DeepInfra: 2 GB), 0 when not documented. */
    qint64 storageBytes = 0;
    /** Batch discount on the real-time price, in percent (a hint for the cost estimate). */
    int batchDiscountPercent = 50;
    /** Whether batches carry metadata (description, job keys, the client id of a submission). */
    bool hasMetadata = true;
    /** "Run here": the base URL is a real-time endpoint; files and batches are kept and run by this machine
     *  (Realtime::LocalBatches), so the account behaves like a batch provider to everything above. */
    bool runsLocally = false;
    QString reference; ///< the public API reference the wire format follows

    static const QList<Provider> &all();
    /** The provider with this id (case-insensitive), or nothing. */
    static std::optional<Provider> byId(QStringView id);
    /** OpenAI's shape with a Bearer key: what a custom or sandbox account speaks. */
    static Provider openAiCompatible();
};

} // namespace Batchdesk::Api
