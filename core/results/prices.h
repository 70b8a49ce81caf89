#pragma once

#include "joinedresults.h"
#include "store/account.h"

#include <QString>

#include <optional>

namespace Batchdesk::Results {

/**
 * The price of a model as the user entered it: real-time dollars per million tokens, and the batch discount
 * applied to them. Kept in QSettings under "Prices/<model id in base64url>/{input,output,discount}".
 */
struct ModelPrice
{
    double inputPerMillion = 0;
    double outputPerMillion = 0;
    double discountPercent = 20;
};

/** The batch discount a provider gives by default: 50 % at OpenAI, 20 % elsewhere (DeepInfra). */
int defaultBatchDiscount(Store::Preset preset);
/** The stored price of model; nullopt when none was entered. A missing discount reads as defaultDiscount. */
std::optional<ModelPrice> storedPrice(const QString &model, double defaultDiscount = 20);
void storePrice(const QString &model, const ModelPrice &price);

/** The cost of the tokens at a price, the batch discount applied. */
double estimatedCost(const JoinTotals &totals, const ModelPrice &price);
/** The cost of the tokens at the stored price of model; nullopt without a model or a stored price. */
std::optional<double> estimatedCost(const JoinTotals &totals, const QString &model);

/**
 * The model whose price applies to joined results: the model the batch reports (batchModel), else the model
 * of the first request; empty when there are no rows.
 */
QString costModel(const JoinedResults &results, const QString &batchModel);

} // namespace Batchdesk::Results
