#include "prices.h"

#include "api/provider.h"

#include <QSettings>

namespace Batchdesk::Results {

namespace {

QString priceKey(const QString &model)
{
    return QStringLiteral("Prices/")
        + QString::fromLatin1(model.toUtf8().toBase64(QByteArray::Base64UrlEncoding));
}

} // namespace

int defaultBatchDiscount(Store::Preset preset)
{
    // The provider's batch discount (Api::Provider, docs/providers.md); 20 % where none is known.
    const auto provider = Api::Provider::byId(Store::presetInfo(preset).provider);
    return provider && provider->batchDiscountPercent > 0 ? provider->batchDiscountPercent : 20;
}

std::optional<ModelPrice> storedPrice(const QString &model, double defaultDiscount)
{
    if (model.isEmpty())
        return std::nullopt;
    const QSettings settings;
    const QString key = priceKey(model);
    if (!settings.contains(key + QStringLiteral("/input")))
        return std::nullopt;
    ModelPrice price;
    price.inputPerMillion = settings.value(key + QStringLiteral("/input")).toDouble();
    price.outputPerMillion = settings.value(key + QStringLiteral("/output")).toDouble();
    price.discountPercent = settings.value(key + QStringLiteral("/discount"), defaultDiscount).toDouble();
    return price;
}

void storePrice(const QString &model, const ModelPrice &price)
{
    if (model.isEmpty())
        return;
    QSettings settings;
    const QString key = priceKey(model);
    settings.setValue(key + QStringLiteral("/input"), price.inputPerMillion);
    settings.setValue(key + QStringLiteral("/output"), price.outputPerMillion);
    settings.setValue(key + QStringLiteral("/discount"), price.discountPercent);
}

double estimatedCost(const JoinTotals &totals, const ModelPrice &price)
{
    return (double(totals.inputTokens) * price.inputPerMillion
            + double(totals.outputTokens) * price.outputPerMillion)
        / 1e6 * (1.0 - price.discountPercent / 100.0);
}

std::optional<double> estimatedCost(const JoinTotals &totals, const QString &model)
{
    const auto price = storedPrice(model);
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
