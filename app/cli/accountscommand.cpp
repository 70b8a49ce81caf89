#include "accountscommand.h"

#include "api/apijob.h"
#include "api/provider.h"
#include "clicommon.h"
#include "clioutput.h"
#include "context.h"
#include "jsonl/limitprofile.h"
#include "realtime/localbatches.h"
#include "secrets/secretstore.h"
#include "workflow/accountservice.h"

#include <QCommandLineParser>
#include <QJsonArray>
#include <QJsonObject>
#include <QTextStream>

#include <cstdio>
#include <memory>

namespace Batchdesk::Cli {

using namespace Batchdesk::Api;

namespace {

Result<QString> readKeyFromStdin()
{
    QTextStream in(stdin);
    const QString key = in.readLine().trimmed();
    if (key.isEmpty())
        return Error {QStringLiteral("usage"), tr("No key on standard input.")};
    return key;
}

bool isRunHere(const Store::Account &account)
{
    return account.preset == Store::Preset::Realtime;
}

// "concurrency 4, 600 rpm, no tpm limit, models a=b"
QString runSettingsText(const Realtime::RunSettings &s)
{
    QStringList parts;
    parts << tr("concurrency %1").arg(s.limits.concurrency);
    parts << (s.limits.requestsPerMinute > 0 ? tr("%1 rpm").arg(s.limits.requestsPerMinute)
                                             : tr("no rpm limit"));
    parts << (s.limits.tokensPerMinute > 0 ? tr("%1 tpm").arg(s.limits.tokensPerMinute) : tr("no tpm limit"));
    if (!s.modelMap.isEmpty())
        parts << tr("models %1").arg(Realtime::Target::modelMapText(s.modelMap));
    return parts.join(QStringLiteral(", "));
}

QJsonObject runSettingsJson(const Realtime::RunSettings &s)
{
    QJsonObject map;
    for (auto it = s.modelMap.cbegin(); it != s.modelMap.cend(); ++it)
        map.insert(it.key(), it.value());
    return QJsonObject {{QStringLiteral("concurrency"), s.limits.concurrency},
                        {QStringLiteral("rpm"), s.limits.requestsPerMinute},
                        {QStringLiteral("tpm"), s.limits.tokensPerMinute},
                        {QStringLiteral("model_map"), map}};
}

// An http(s) URL with a host, or nullopt after saying so.
std::optional<QUrl> urlOption(const QString &text)
{
    const QUrl url(text, QUrl::StrictMode);
    if (!url.isValid() || url.host().isEmpty()
        || (url.scheme() != QLatin1StringView("http") && url.scheme() != QLatin1StringView("https"))) {
        err(tr("--url must be an http:// or https:// URL, e.g. http://localhost:8000/v1."));
        return std::nullopt;
    }
    return url;
}

} // namespace

int runAccounts(Context &ctx, const QStringList &args)
{
    const QString usage = QStringLiteral(
        "batchdesk-cli accounts list | add NAME [options] | set NAME [options] | remove NAME | test [NAME] "
        "| set-key NAME");
    const QString sub = args.value(0);
    const QStringList rest = args.mid(1);
    auto db = ctx.database();
    if (!db.ok()) {
        err(db.errorString());
        return UsageError;
    }
    Store::AccountStore *accounts = ctx.accounts();

    if (sub == QLatin1StringView("list")) {
        QCommandLineParser p;
        if (auto r = parseArgs(p, rest, QStringLiteral("batchdesk-cli accounts list [--json]")))
            return *r;
        const auto list = accounts->list();
        if (!list.ok()) {
            err(list.errorString());
            return UsageError;
        }
        if (ctx.json()) {
            QJsonArray a;
            for (const auto &acc : list.value()) {
                QJsonObject o {{QStringLiteral("name"), acc.name},
                               {QStringLiteral("preset"), Store::presetInfo(acc.preset).id},
                               {QStringLiteral("provider"), Workflow::providerFor(acc).id},
                               {QStringLiteral("base_url"), acc.baseUrl.toString()},
                               {QStringLiteral("limit_profile"), acc.limitProfile},
                               {QStringLiteral("default_model"), acc.defaultModel},
                               {QStringLiteral("key_source"), Store::Account::keySourceId(acc.keySource)}};
                if (isRunHere(acc))
                    o.insert(QStringLiteral("run_settings"),
                             runSettingsJson(Realtime::RunSettings::fromJson(acc.runSettings)));
                a.append(o);
            }
            printJson(QJsonObject {{QStringLiteral("data"), a}});
            return Success;
        }
        if (list.value().isEmpty())
            out(tr(
                "No accounts. Add one with: batchdesk-cli accounts add NAME --preset deepinfra --key-stdin"));
        for (const auto &acc : list.value()) {
            QString key = acc.keySource == Store::KeySource::Environment
                ? tr("key from $%1").arg(acc.keyEnvironmentVariable)
                : acc.keySource == Store::KeySource::None ? tr("no key")
                                                          : tr("key in keychain");
            out(QStringLiteral("%1  %2  %3  %4  %5")
                    .arg(acc.name, Store::presetInfo(acc.preset).id, acc.baseUrl.toString(), acc.limitProfile,
                         key));
            if (isRunHere(acc))
                out(tr("    runs here: %1")
                        .arg(runSettingsText(Realtime::RunSettings::fromJson(acc.runSettings))));
        }
        return Success;
    }

    if (sub == QLatin1StringView("add")) {
        QCommandLineParser p;
        QStringList presetIds;
        for (const auto &info : Store::presets())
            presetIds << info.id;
        const QCommandLineOption preset(
            QStringLiteral("preset"),
            tr("The provider: %1 (default: deepinfra).").arg(presetIds.join(QStringLiteral(", "))),
            tr("preset"), QStringLiteral("deepinfra"));
        const QCommandLineOption organization(QStringLiteral("organization"),
                                              tr("OpenAI-Organization header sent with every request."),
                                              tr("id"));
        const QCommandLineOption project(QStringLiteral("project"),
                                         tr("OpenAI-Project header sent with every request."), tr("id"));
        const QCommandLineOption baseUrl(QStringLiteral("url"),
                                         tr("Base URL (required for azure, custom and sandbox)."), tr("url"));
        const QCommandLineOption profile(QStringLiteral("profile"),
                                         tr("Limit profile: %1 (default: the preset's).")
                                             .arg(Jsonl::LimitProfile::names().join(QStringLiteral(", "))),
                                         tr("name"));
        const QCommandLineOption model(QStringLiteral("model"), tr("Default model."), tr("model"));
        const QCommandLineOption keyStdin(QStringLiteral("key-stdin"),
                                          tr("Read the API key from standard input and "
                                             "store it in the OS keychain."));
        const QCommandLineOption keyEnv(
            QStringLiteral("key-env"),
            tr("Take the key from this environment variable at each run (nothing is "
               "stored)."),
            tr("VAR"));
        const QCommandLineOption noKey(QStringLiteral("no-key"),
                                       tr("The server needs no key (e.g. a local sandbox)."));
        const RunSettingsOptions running(QStringLiteral("Run here: "));
        p.addOptions({preset, baseUrl, profile, model, keyStdin, keyEnv, noKey, organization, project});
        p.addOptions(running.all());
        p.addPositionalArgument(QStringLiteral("NAME"), tr("Account name."));
        const QString addUsage = QStringLiteral(
            "batchdesk-cli accounts add NAME [--preset P] [--url URL] [--profile P] [--model M] "
            "[--organization ID] [--project ID] [--concurrency N] [--rpm N] [--tpm N] [--model-map "
            "FROM=TO,...] "
            "(--key-stdin | --key-env VAR | --no-key)");
        if (auto r = parseArgs(p, rest, addUsage))
            return *r;
        if (p.positionalArguments().size() != 1) {
            err(tr("Usage: %1").arg(addUsage));
            return UsageError;
        }
        if (int(p.isSet(keyStdin)) + int(p.isSet(keyEnv)) + int(p.isSet(noKey)) != 1) {
            err(tr("Choose exactly one of --key-stdin, --key-env VAR or --no-key."));
            return UsageError;
        }
        Store::Account a;
        a.name = p.positionalArguments().first();
        const auto chosen = Store::findPreset(p.value(preset));
        if (!chosen) {
            err(tr("Unknown preset \"%1\"; use one of %2.")
                    .arg(p.value(preset), presetIds.join(QStringLiteral(", "))));
            return UsageError;
        }
        a.preset = *chosen;
        a.organization = p.value(organization);
        a.project = p.value(project);
        const Store::PresetInfo &info = Store::presetInfo(a.preset);
        a.baseUrl = info.defaultBaseUrl;
        if (p.isSet(baseUrl)) {
            const auto url = urlOption(p.value(baseUrl));
            if (!url)
                return UsageError;
            a.baseUrl = *url;
        }
        if (a.baseUrl.isEmpty()) {
            err(tr("The %1 preset needs --url.").arg(info.id));
            return UsageError;
        }
        if (isRunHere(a)) {
            // The limits and model map of its runs, kept with the account.
            Realtime::RunSettings settings;
            if (!running.apply(p, &settings))
                return UsageError;
            a.runSettings = settings.toJson();
        } else if (running.anySet(p)) {
            err(tr("--concurrency, --rpm, --tpm and --model-map are for \"Run here\" accounts "
                   "(--preset realtime)."));
            return UsageError;
        }
        a.limitProfile = p.isSet(profile) ? p.value(profile) : info.limitProfile;
        if (!Jsonl::LimitProfile::byName(a.limitProfile)) {
            err(tr("Unknown profile \"%1\".").arg(a.limitProfile));
            return UsageError;
        }
        a.defaultModel = p.isSet(model) ? p.value(model) : info.defaultModel;
        a.keySource = p.isSet(keyEnv) ? Store::KeySource::Environment
            : p.isSet(noKey)          ? Store::KeySource::None
                                      : Store::KeySource::Keychain;
        a.keyEnvironmentVariable = p.value(keyEnv);
        QString key;
        if (a.keySource == Store::KeySource::Keychain) {
            const auto k = readKeyFromStdin();
            if (!k.ok()) {
                err(k.errorString());
                return UsageError;
            }
            key = k.value();
        }
        const auto added = accounts->add(a);
        if (!added.ok()) {
            err(added.errorString());
            return UsageError;
        }
        if (a.keySource == Store::KeySource::Keychain) {
            const auto stored = ctx.secrets()->writeSync(added.value().secretKey(), key);
            if (!stored.ok()) {
                // Nothing half done: without its key the account is useless, so it goes too.
                accounts->remove(a.name);
                err(tr("Cannot store the key in the keychain: %1\nThe account was not added. Use --key-env "
                       "VAR "
                       "to take the key from an environment variable instead.")
                        .arg(stored.errorString()));
                return UsageError;
            }
        }
        out(tr("Added account \"%1\" (%2, %3).").arg(a.name, info.displayName, a.baseUrl.toString()));
        if (isRunHere(a) && !ctx.options().quiet)
            out(tr("  runs here: %1").arg(runSettingsText(Realtime::RunSettings::fromJson(a.runSettings))));
        return Success;
    }

    if (sub == QLatin1StringView("set")) {
        QCommandLineParser p;
        const QCommandLineOption baseUrl(QStringLiteral("url"), tr("Base URL."), tr("url"));
        const QCommandLineOption model(QStringLiteral("model"), tr("Default model."), tr("model"));
        const RunSettingsOptions running(QStringLiteral("Run here: "));
        p.addOptions({baseUrl, model});
        p.addOptions(running.all());
        p.addPositionalArgument(QStringLiteral("NAME"), tr("Account name."));
        const QString setUsage = QStringLiteral(
            "batchdesk-cli accounts set NAME [--url URL] [--model M] [--concurrency N] [--rpm N] "
            "[--tpm N] [--model-map FROM=TO,...]");
        if (auto r = parseArgs(p, rest, setUsage))
            return *r;
        if (p.positionalArguments().size() != 1) {
            err(tr("Usage: %1").arg(setUsage));
            return UsageError;
        }
        const auto acc = accounts->byName(p.positionalArguments().first());
        if (!acc.ok()) {
            err(acc.errorString());
            return UsageError;
        }
        Store::Account a = acc.value();
        if (!p.isSet(baseUrl) && !p.isSet(model) && !running.anySet(p)) {
            err(tr("Nothing to change.\nUsage: %1").arg(setUsage));
            return UsageError;
        }
        if (p.isSet(baseUrl)) {
            const auto url = urlOption(p.value(baseUrl));
            if (!url)
                return UsageError;
            a.baseUrl = *url;
        }
        if (p.isSet(model))
            a.defaultModel = p.value(model);
        if (running.anySet(p)) {
            if (!isRunHere(a)) {
                err(tr("Account \"%1\" is not a \"Run here\" account: --concurrency, --rpm, --tpm and "
                       "--model-map are for those (--preset realtime).")
                        .arg(a.name));
                return UsageError;
            }
            Realtime::RunSettings settings = Realtime::RunSettings::fromJson(a.runSettings);
            if (!running.apply(p, &settings))
                return UsageError;
            a.runSettings = settings.toJson();
        }
        const auto updated = accounts->update(a);
        if (!updated.ok()) {
            err(updated.errorString());
            return UsageError;
        }
        out(tr("Updated account \"%1\" (%2).").arg(a.name, a.baseUrl.toString()));
        if (isRunHere(a) && !ctx.options().quiet)
            out(tr("  runs here: %1").arg(runSettingsText(Realtime::RunSettings::fromJson(a.runSettings))));
        return Success;
    }

    if (sub == QLatin1StringView("set-key")) {
        QCommandLineParser p;
        p.addPositionalArgument(QStringLiteral("NAME"), tr("Account name."));
        if (auto r = parseArgs(
                p, rest, QStringLiteral("batchdesk-cli accounts set-key NAME  (key on standard input)")))
            return *r;
        const auto acc = accounts->byName(p.positionalArguments().value(0));
        if (!acc.ok()) {
            err(acc.errorString());
            return UsageError;
        }
        const auto k = readKeyFromStdin();
        if (!k.ok()) {
            err(k.errorString());
            return UsageError;
        }
        const auto stored = ctx.secrets()->writeSync(acc.value().secretKey(), k.value());
        if (!stored.ok()) {
            err(tr("Cannot store the key in the keychain: %1").arg(stored.errorString()));
            return UsageError;
        }
        Store::Account updated = acc.value();
        updated.keySource = Store::KeySource::Keychain;
        accounts->update(updated);
        out(tr("Stored the key of \"%1\" in the keychain.").arg(updated.name));
        return Success;
    }

    if (sub == QLatin1StringView("remove")) {
        QCommandLineParser p;
        p.addPositionalArgument(QStringLiteral("NAME"), tr("Account name."));
        if (auto r = parseArgs(p, rest, QStringLiteral("batchdesk-cli accounts remove NAME")))
            return *r;
        const auto acc = accounts->byName(p.positionalArguments().value(0));
        if (!acc.ok()) {
            err(acc.errorString());
            return UsageError;
        }
        if (acc.value().keySource == Store::KeySource::Keychain) {
            const auto removed = ctx.secrets()->removeSync(acc.value().secretKey());
            if (!removed.ok())
                err(tr("Warning: the key could not be removed from the keychain: %1")
                        .arg(removed.errorString()));
        }
        const auto r = accounts->remove(acc.value().name);
        if (!r.ok()) {
            err(r.errorString());
            return UsageError;
        }
        out(tr("Removed account \"%1\".").arg(acc.value().name));
        return Success;
    }

    if (sub == QLatin1StringView("test")) {
        QCommandLineParser p;
        p.addPositionalArgument(QStringLiteral("NAME"),
                                tr("Account name (default: --account or the only one)."));
        if (auto r = parseArgs(p, rest, QStringLiteral("batchdesk-cli accounts test [NAME]")))
            return *r;
        Result<ApiClient *> client = Error {};
        if (!p.positionalArguments().isEmpty()) {
            const auto acc = accounts->byName(p.positionalArguments().first());
            if (!acc.ok()) {
                err(acc.errorString());
                return UsageError;
            }
            client = ctx.clientFor(acc.value());
        } else {
            client = ctx.client();
        }
        if (!client.ok()) {
            err(client.errorString());
            return UsageError;
        }
        std::unique_ptr<ListJob> models(client.value()->listModels());
        if (client.value()->runsLocally()) {
            // "Run here": its batches are on this computer; what can fail is the real-time endpoint.
            if (!ctx.run(models.get()))
                return ctx.reportApiError(models.get(), tr("Connection test failed"));
            out(tr("OK: %1 answers, %n model(s) available; its batches run on this computer.", nullptr,
                   int(models->items().size()))
                    .arg(client.value()->baseUrl().toString()));
            return Success;
        }
        std::unique_ptr<ListJob> batches(client.value()->listBatches(1, 1));
        if (!ctx.run(batches.get()))
            return ctx.reportApiError(batches.get(), tr("Connection test failed"));
        const bool haveModels = ctx.run(models.get());
        out(tr("OK: %1 answers; batches are reachable%2.")
                .arg(client.value()->baseUrl().toString(),
                     haveModels ? tr(", %n model(s) available", nullptr, int(models->items().size()))
                                : QString()));
        return Success;
    }

    err(tr("Usage: %1").arg(usage));
    return UsageError;
}

} // namespace Batchdesk::Cli
