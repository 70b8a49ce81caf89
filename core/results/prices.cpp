#include "prices.h"

#include "api/provider.h"
#include "common/logging.h"
#include "cost/pricetable.h"

#include <QSettings>

namespace Batchdesk::Results {

namespace {

// Prices of earlier versions lived in QSettings, one group per model; they move into the table once.
void migrateSettings(Cost::PriceTable &table)
{
    QSettings settings;
    settings.beginGroup(QStringLiteral("Prices"));
    const QStringList groups = settings.childGroups();
    if (groups.isEmpty())
        return;
    for (const QString &key : groups) {
        const auto model = QByteArray::fromBase64Encoding(key.toLatin1(), QByteArray::Base64UrlEncoding);
        if (!model)
            continue;
        Cost::PriceEntry e;
        e.model = QString::fromUtf8(*model);
        e.inputPerMillion = settings.value(key + QStringLiteral("/input")).toDouble();
        e.outputPerMillion = settings.value(key + QStringLiteral("/output")).toDouble();
        e.batchDiscountPercent = settings.value(key + QStringLiteral("/discount"), 20).toDouble();
        if (!table.find(QString(), e.model) || !table.find(QString(), e.model)->edited)
            table.set(e);
    }
    if (const auto saved = table.save(); !saved.ok()) {
        qCWarning(lcStore) << saved.errorString();
        return;
    }
    settings.endGroup();
    settings.remove(QStringLiteral("Prices"));
}

Cost::PriceTable loadTable()
{
    auto loaded = Cost::PriceTable::load();
    if (!loaded.ok())
        qCWarning(lcStore) << loaded.errorString();
    Cost::PriceTable table = loaded.ok() ? loaded.value() : Cost::PriceTable::snapshot();
    if (loaded.ok())
        migrateSettings(table);
    return table;
}

} // namespace

int defaultBatchDiscount(Store::Preset preset)
{
    // The provider's batch discount (Api::Provider, docs/providers.md); 20 % where none is known.
    const auto provider = Api::Provider::byId(Store::presetInfo(preset).provider);
    return provider && provider->batchDiscountPercent > 0 ? provider->batchDiscountPercent : 20;
}

std::optional<ModelPrice> storedPrice(const QString &model, double defaultDiscount, const QString &provider)
{
    Q_UNUSED(defaultDiscount) // every entry of the table has its discount
    if (model.isEmpty())
        return std::nullopt;
    const auto entry = loadTable().find(provider, model);
    if (!entry)
        return std::nullopt;
    return ModelPrice {entry->inputPerMillion, entry->outputPerMillion, entry->batchDiscountPercent};
}

void storePrice(const QString &model, const ModelPrice &price, const QString &provider)
{
    if (model.isEmpty())
        return;
    Cost::PriceTable table = loadTable();
    Cost::PriceEntry e;
    // Keep the provider of the entry the user sees, so that editing it replaces it.
    const auto existing = table.find(provider, model);
    e.provider = existing ? existing->provider : provider;
    e.model = existing ? existing->model : model;
    e.inputPerMillion = price.inputPerMillion;
    e.outputPerMillion = price.outputPerMillion;
    e.batchDiscountPercent = price.discountPercent;
    table.set(e);
    if (const auto saved = table.save(); !saved.ok())
        qCWarning(lcStore) << saved.errorString();
}

double estimatedCost(const JoinTotals &totals, const ModelPrice &price)
{
    return (double(totals.inputTokens) * price.inputPerMillion
            + double(totals.outputTokens) * price.outputPerMillion)
        / 1e6 * (1.0 - price.discountPercent / 100.0);
}

std::optional<double> estimatedCost(const JoinTotals &totals, const QString &model, const QString &provider)
{
    const auto price = storedPrice(model, 20, provider);
    if (!price)
        return std::nullopt;
    return estimatedCost(totals, *price);
}

QString costModel(const JoinedResults &results, const QString &batchModel)
{
    if (results.rowCount() == 0)
        return {};
    if (!batchModel.isEmpty())
        return batchModel;
    return results.row(0).model;
}

} // namespace Batchdesk::Results
