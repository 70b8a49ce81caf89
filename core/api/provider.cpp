#include "provider.h"

namespace Batchdesk::Api {

namespace {
Provider make(const char *id, const char *name, Jsonl::WireFamily family, AuthStyle auth, const char *baseUrl,
              const char *model, const char *reference)
{
    Provider p;
    p.id = QString::fromLatin1(id);
    p.displayName = QString::fromUtf8(name);
    p.family = family;
    p.auth = auth;
    p.defaultBaseUrl = QUrl(QString::fromLatin1(baseUrl));
    p.defaultModel = QString::fromLatin1(model);
    p.limitProfile = p.id;
    p.reference = QString::fromLatin1(reference);
    return p;
}
} // namespace

const QList<Provider> &Provider::all()
{
    using F = Jsonl::WireFamily;
    static const QList<Provider> list = [] {
        QList<Provider> l;
        Provider openai = make("openai", "OpenAI", F::OpenAI, AuthStyle::Bearer, "https://api.openai.com/v1",
                               "gpt-4o-mini", "https://platform.openai.com/docs/api-reference/batch");
        l << openai;

        Provider deepinfra = make("deepinfra", "DeepInfra", F::OpenAI, AuthStyle::Bearer,
                                  "https://api.deepinfra.com/v1/openai", "deepseek-ai/DeepSeek-V3",
                                  "https://docs.deepinfra.com/batch/introduction");
        deepinfra.storageBytes = 2'000'000'000;
        deepinfra.batchDiscountPercent = 20;
        l << deepinfra;

        l << make("anthropic", "Anthropic", F::Anthropic, AuthStyle::AnthropicKey,
                  "https://api.anthropic.com/v1", "claude-3-5-haiku-latest",
                  "https://docs.anthropic.com/en/api/creating-message-batches");
        l.last().apiVersion = QStringLiteral("2023-06-01");
        l.last().hasMetadata = false;

        l << make("gemini", "Google Gemini", F::Gemini, AuthStyle::GoogleKey,
                  "https://generativelanguage.googleapis.com/v1beta", "gemini-2.0-flash",
                  "https://ai.google.dev/gemini-api/docs/batch-mode");
        // Only a display name: it carries the client id of the submission (Wire::geminiDisplayName).
        l.last().hasMetadata = false;

        l << make("mistral", "Mistral", F::Mistral, AuthStyle::Bearer, "https://api.mistral.ai/v1",
                  "mistral-small-latest", "https://docs.mistral.ai/capabilities/batch/");

        l << make("groq", "Groq", F::OpenAI, AuthStyle::Bearer, "https://api.groq.com/openai/v1",
                  "llama-3.1-8b-instant", "https://console.groq.com/docs/batch");

        Provider together =
            make("together", "Together AI", F::OpenAI, AuthStyle::Bearer, "https://api.together.xyz/v1",
                 "meta-llama/Llama-3.3-70B-Instruct-Turbo", "https://docs.together.ai/docs/batch-inference");
        together.uploadPurpose = QStringLiteral("batch-api");
        together.hasMetadata = false;
        l << together;

        l << make("nebius", "Nebius AI Studio", F::OpenAI, AuthStyle::Bearer,
                  "https://api.studio.nebius.com/v1", "meta-llama/Meta-Llama-3.1-8B-Instruct",
                  "https://docs.nebius.com/studio/inference/batch");

        Provider azure = make("azure", "Azure OpenAI", F::OpenAI, AuthStyle::AzureApiKey, "", "gpt-4o-mini",
                              "https://learn.microsoft.com/azure/ai-services/openai/how-to/batch");
        azure.apiVersion = QStringLiteral("2024-10-21");
        azure.endpointWithoutV1 = true;
        l << azure;

        // Any OpenAI-compatible real-time API (vLLM, Ollama, llama.cpp, LM Studio, a provider's own), with
        // the batch run on this machine (docs/realtime.md).
        Provider realtime = make("realtime", "Run here (real-time endpoint)", F::OpenAI, AuthStyle::Bearer,
                                 "http://localhost:8000/v1", "", "docs/realtime.md");
        realtime.batchDiscountPercent = 0;
        realtime.runsLocally = true;
        l << realtime;
        return l;
    }();
    return list;
}

std::optional<Provider> Provider::byId(QStringView id)
{
    for (const auto &p : all()) {
        if (p.id.compare(id, Qt::CaseInsensitive) == 0)
            return p;
    }
    return std::nullopt;
}

Provider Provider::openAiCompatible()
{
    Provider p = *byId(u"openai");
    p.id = QStringLiteral("custom");
    p.displayName = QStringLiteral("OpenAI-compatible");
    p.defaultBaseUrl = QUrl();
    p.defaultModel.clear();
    p.batchDiscountPercent = 0;
    return p;
}

} // namespace Batchdesk::Api
