#include "account.h"

namespace Batchdesk::Store {

const QList<PresetInfo> &presets()
{
    // Base URLs and models as in Api::Provider::all() (docs/providers.md); the order is the account dialog's.
    static const QList<PresetInfo> list {
        {Preset::DeepInfra, QStringLiteral("deepinfra"), QStringLiteral("DeepInfra"),
         QUrl(QStringLiteral("https://api.deepinfra.com/v1/openai")), QStringLiteral("deepinfra"),
         QStringLiteral("deepseek-ai/DeepSeek-V3"), QStringLiteral("deepinfra")},
        {Preset::OpenAI, QStringLiteral("openai"), QStringLiteral("OpenAI"),
         QUrl(QStringLiteral("https://api.openai.com/v1")), QStringLiteral("openai"),
         QStringLiteral("gpt-4o-mini"), QStringLiteral("openai")},
        {Preset::Anthropic, QStringLiteral("anthropic"), QStringLiteral("Anthropic"),
         QUrl(QStringLiteral("https://api.anthropic.com/v1")), QStringLiteral("anthropic"),
         QStringLiteral("claude-3-5-haiku-latest"), QStringLiteral("anthropic")},
        {Preset::Gemini, QStringLiteral("gemini"), QStringLiteral("Google Gemini"),
         QUrl(QStringLiteral("https://generativelanguage.googleapis.com/v1beta")), QStringLiteral("gemini"),
         QStringLiteral("gemini-2.0-flash"), QStringLiteral("gemini")},
        {Preset::Mistral, QStringLiteral("mistral"), QStringLiteral("Mistral"),
         QUrl(QStringLiteral("https://api.mistral.ai/v1")), QStringLiteral("mistral"),
         QStringLiteral("mistral-small-latest"), QStringLiteral("mistral")},
        {Preset::Groq, QStringLiteral("groq"), QStringLiteral("Groq"),
         QUrl(QStringLiteral("https://api.groq.com/openai/v1")), QStringLiteral("groq"),
         QStringLiteral("llama-3.1-8b-instant"), QStringLiteral("groq")},
        {Preset::Together, QStringLiteral("together"), QStringLiteral("Together AI"),
         QUrl(QStringLiteral("https://api.together.xyz/v1")), QStringLiteral("together"),
         QStringLiteral("meta-llama/Llama-3.3-70B-Instruct-Turbo"), QStringLiteral("together")},
        {Preset::Nebius, QStringLiteral("nebius"), QStringLiteral("Nebius AI Studio"),
         QUrl(QStringLiteral("https://api.studio.nebius.com/v1")), QStringLiteral("nebius"),
         QStringLiteral("meta-llama/Meta-Llama-3.1-8B-Instruct"), QStringLiteral("nebius")},
        {Preset::Azure, QStringLiteral("azure"), QStringLiteral("Azure OpenAI"), QUrl(),
         QStringLiteral("azure"), QStringLiteral("gpt-4o-mini"), QStringLiteral("azure")},
        {Preset::Realtime, QStringLiteral("realtime"), QStringLiteral("Run here (real-time endpoint)"),
         QUrl(QStringLiteral("http://localhost:8000/v1")), QStringLiteral("realtime"), QString(),
         QStringLiteral("realtime")},
        {Preset::Sandbox, QStringLiteral("sandbox"), QStringLiteral("Local sandbox"), QUrl(),
         QStringLiteral("openai"), QStringLiteral("sandbox/echo"), QStringLiteral("openai")},
        {Preset::Custom, QStringLiteral("custom"), QStringLiteral("Custom (OpenAI-compatible)"), QUrl(),
         QStringLiteral("openai"), QString(), QStringLiteral("custom")},
    };
    return list;
}

const PresetInfo &presetInfo(Preset preset)
{
    for (const auto &p : presets()) {
        if (p.preset == preset)
            return p;
    }
    return presets().last();
}

Preset presetFromId(QStringView id)
{
    return findPreset(id).value_or(Preset::Custom);
}

std::optional<Preset> findPreset(QStringView id)
{
    for (const auto &p : presets()) {
        if (p.id.compare(id, Qt::CaseInsensitive) == 0)
            return p.preset;
    }
    return std::nullopt;
}

QString Account::keySourceId(KeySource source)
{
    switch (source) {
    case KeySource::Keychain:
        return QStringLiteral("keychain");
    case KeySource::Environment:
        return QStringLiteral("env");
    case KeySource::None:
        return QStringLiteral("none");
    }
    return QStringLiteral("keychain");
}

KeySource Account::keySourceFromId(QStringView id)
{
    if (id == QLatin1StringView("env"))
        return KeySource::Environment;
    if (id == QLatin1StringView("none"))
        return KeySource::None;
    return KeySource::Keychain;
}

} // namespace Batchdesk::Store
