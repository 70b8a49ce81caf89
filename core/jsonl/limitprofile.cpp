#include "limitprofile.h"

namespace Batchdesk::Jsonl {

// Sources of every number: docs/providers.md (and the references it cites).

bool LimitProfile::supportsEndpoint(QStringView url) const
{
    if (endpoints.contains(url))
        return true;
    // Azure writes "/chat/completions" where OpenAI writes "/v1/chat/completions".
    if (!acceptsUrlWithoutV1 || url.startsWith(u"/v1/"))
        return false;
    QString withV1 = QStringLiteral("/v1");
    withV1 += url;
    return endpoints.contains(withV1);
}

LimitProfile LimitProfile::deepinfra()
{
    LimitProfile p;
    p.name = QStringLiteral("deepinfra");
    p.displayName = QStringLiteral("DeepInfra");
    p.endpoints = {kChatCompletions, kCompletions, kEmbeddings};
    p.maxInFlight = 100; // "Concurrent batches per user: 100" (deepinfra-batch-api.md)
    return p;
}

LimitProfile LimitProfile::openai()
{
    // OpenAI documents the same three numbers for batch input files (see api-contract.md §5), and eight
    // endpoints (CreateBatchRequest.endpoint in openai-openapi.yaml).
    LimitProfile p;
    p.name = QStringLiteral("openai");
    p.displayName = QStringLiteral("OpenAI");
    p.endpoints = {kResponses,   kChatCompletions,  kEmbeddings, kCompletions,
                   kModerations, kImageGenerations, kImageEdits, kVideos};
    // OpenAI documents no concurrency limit, only 2,000 batches created per hour (api-contract.md): 100 keeps
    // a job polite and its parts visible.
    p.maxInFlight = 100;
    return p;
}

LimitProfile LimitProfile::groq()
{
    LimitProfile p;
    p.name = QStringLiteral("groq");
    p.displayName = QStringLiteral("Groq");
    p.endpoints = {kChatCompletions, kCompletions, kEmbeddings};
    p.completionWindows = {QStringLiteral("24h"), QStringLiteral("48h"), QStringLiteral("72h"),
                           QStringLiteral("4d"),  QStringLiteral("5d"),  QStringLiteral("6d"),
                           QStringLiteral("7d")};
    return p;
}

LimitProfile LimitProfile::together()
{
    LimitProfile p;
    p.name = QStringLiteral("together");
    p.displayName = QStringLiteral("Together AI");
    p.endpoints = {kChatCompletions, kCompletions};
    p.maxBytes = 100'000'000;
    return p;
}

LimitProfile LimitProfile::nebius()
{
    // Nebius documents an OpenAI-compatible batch API; its own limits were not verified: OpenAI's are used.
    LimitProfile p = openai();
    p.name = QStringLiteral("nebius");
    p.displayName = QStringLiteral("Nebius AI Studio");
    p.endpoints = {kChatCompletions, kCompletions, kEmbeddings};
    return p;
}

LimitProfile LimitProfile::azure()
{
    LimitProfile p;
    p.name = QStringLiteral("azure");
    p.displayName = QStringLiteral("Azure OpenAI");
    p.endpoints = {kChatCompletions, kCompletions, kEmbeddings, kResponses};
    p.acceptsUrlWithoutV1 = true;
    p.maxLines = 100'000;
    return p;
}

LimitProfile LimitProfile::anthropic()
{
    LimitProfile p;
    p.name = QStringLiteral("anthropic");
    p.displayName = QStringLiteral("Anthropic");
    p.family = WireFamily::Anthropic;
    p.endpoints = {kChatCompletions};
    p.maxLines = 100'000;
    p.maxBytes = 256'000'000;
    p.strictCustomId = true;
    return p;
}

LimitProfile LimitProfile::mistral()
{
    LimitProfile p;
    p.name = QStringLiteral("mistral");
    p.displayName = QStringLiteral("Mistral");
    p.family = WireFamily::Mistral;
    p.endpoints = {kChatCompletions, kEmbeddings, kModerations};
    p.maxLines = 1'000'000;
    p.maxEmbeddingInputs = 1'000'000;
    return p;
}

LimitProfile LimitProfile::gemini()
{
    LimitProfile p;
    p.name = QStringLiteral("gemini");
    p.displayName = QStringLiteral("Google Gemini");
    p.family = WireFamily::Gemini;
    p.endpoints = {kChatCompletions};
    p.maxLines = 1'000'000;
    p.maxBytes = 2'000'000'000;
    return p;
}

LimitProfile LimitProfile::realtime()
{
    LimitProfile p;
    p.name = QStringLiteral("realtime");
    p.displayName = QStringLiteral("Run here (real-time endpoint)");
    p.endpoints = {kChatCompletions, kCompletions, kEmbeddings};
    p.maxLines = 1'000'000;
    p.maxBytes = 4'000'000'000;
    p.maxEmbeddingInputs = 10'000'000;
    p.maxInFlight = 1; // one batch at a time: the account's concurrency is the endpoint's
    p.completionWindows = {QStringLiteral("24h"), QStringLiteral("1h"), QStringLiteral("6h"),
                           QStringLiteral("72h"), QStringLiteral("7d")};
    return p;
}

QList<LimitProfile> LimitProfile::all()
{
    return {deepinfra(), openai(),    groq(),    together(), nebius(),
            azure(),     anthropic(), mistral(), gemini(),   realtime()};
}

QStringList LimitProfile::names()
{
    QStringList out;
    for (const auto &p : all())
        out << p.name;
    return out;
}

std::optional<LimitProfile> LimitProfile::byName(QStringView name)
{
    for (const auto &p : all()) {
        if (p.name.compare(name, Qt::CaseInsensitive) == 0)
            return p;
    }
    return std::nullopt;
}

} // namespace Batchdesk::Jsonl
