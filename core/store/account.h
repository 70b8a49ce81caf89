#pragma once

#include <QList>
#include <QString>
#include <QUrl>

#include <optional>

namespace Batchdesk::Store {

/** Provider presets: each fills in a provider (its wire format, Api::Provider), a base URL and a limit
 *  profile. Stored by id, so the order of the values means nothing. */
enum class Preset {
    DeepInfra,
    OpenAI,
    Sandbox,
    Custom,
    Anthropic,
    Gemini,
    Mistral,
    Groq,
    Together,
    Nebius,
    Azure,
    Realtime ///< "Run here": a real-time endpoint that runs batch files locally (core/realtime)
};

struct PresetInfo
{
    Preset preset;
    QString id; ///< stable: "deepinfra", "openai", "sandbox", "custom"
    QString displayName;
    QUrl defaultBaseUrl; ///< empty for Custom and Sandbox (the sandbox picks its port)
    QString limitProfile;
    QString defaultModel;
    QString provider; ///< Api::Provider id ("openai" for the sandbox and custom: OpenAI's shape, Bearer key)
};

const QList<PresetInfo> &presets();
const PresetInfo &presetInfo(Preset preset);
/** The preset with this id, or Custom when unknown. */
Preset presetFromId(QStringView id);
/** The preset with this id, or nothing (for a user's typo: "--preset antropic" is an error, not Custom). */
std::optional<Preset> findPreset(QStringView id);

/** Where an account's API key comes from. Keys are never stored in the database. */
enum class KeySource { Keychain, Environment, None };

/** An account: a provider endpoint and how to authenticate. A value type; the key itself is not here. */
struct Account
{
    qint64 id = 0;
    QString name;
    Preset preset = Preset::DeepInfra;
    QUrl baseUrl;
    QString limitProfile = QStringLiteral("deepinfra");
    QString defaultModel;
    KeySource keySource = KeySource::Keychain;
    QString keyEnvironmentVariable; ///< when keySource == Environment
    QString organization; ///< OpenAI-Organization header, when set (OpenAI)
    QString project; ///< OpenAI-Project header, when set (OpenAI)
    /** A "Run here" account's limits and model map as JSON (Realtime::RunSettings), else empty. */
    QString runSettings;
    qint64 createdAt = 0;

    /** The keychain entry name of this account's key. */
    QString secretKey() const { return QStringLiteral("account/") + name; }
    static QString keySourceId(KeySource source);
    static KeySource keySourceFromId(QStringView id);
};

} // namespace Batchdesk::Store
