#include "account.h"

namespace Batchdesk::Store {

const QList<PresetInfo> &presets()
{
    static const QList<PresetInfo> list {
        {Preset::DeepInfra, QStringLiteral("deepinfra"), QStringLiteral("DeepInfra"),
         QUrl(QStringLiteral("https://api.deepinfra.com/v1/openai")), QStringLiteral("deepinfra"),
         QStringLiteral("deepseek-ai/DeepSeek-V3")},
        {Preset::OpenAI, QStringLiteral("openai"), QStringLiteral("OpenAI"),
         QUrl(QStringLiteral("https://api.openai.com/v1")), QStringLiteral("openai"),
         QStringLiteral("gpt-4o-mini")},
        {Preset::Sandbox, QStringLiteral("sandbox"), QStringLiteral("Local sandbox"), QUrl(),
         QStringLiteral("deepinfra"), QStringLiteral("sandbox/echo")},
        {Preset::Custom, QStringLiteral("custom"), QStringLiteral("Custom (OpenAI-compatible)"), QUrl(),
         QStringLiteral("openai"), QString()},
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
    for (const auto &p : presets()) {
        if (p.id.compare(id, Qt::CaseInsensitive) == 0)
            return p.preset;
    }
    return Preset::Custom;
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
