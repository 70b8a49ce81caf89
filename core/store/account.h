#pragma once

#include <QList>
#include <QString>
#include <QUrl>

namespace Batchdesk::Store {

/** Provider presets: each fills in a base URL and a limit profile. */
enum class Preset { DeepInfra, OpenAI, Sandbox, Custom };

struct PresetInfo
{
    Preset preset;
    QString id; ///< stable: "deepinfra", "openai", "sandbox", "custom"
    QString displayName;
    QUrl defaultBaseUrl; ///< empty for Custom and Sandbox (the sandbox picks its port)
    QString limitProfile;
    QString defaultModel;
};

const QList<PresetInfo> &presets();
const PresetInfo &presetInfo(Preset preset);
/** The preset with this id, or Custom when unknown. */
Preset presetFromId(QStringView id);

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
    qint64 createdAt = 0;

    /** The keychain entry name of this account's key. */
    QString secretKey() const { return QStringLiteral("account/") + name; }
    static QString keySourceId(KeySource source);
    static KeySource keySourceFromId(QStringView id);
};

} // namespace Batchdesk::Store
