#pragma once

#include "joinedresults.h"
#include "store/account.h"

#include <QString>

#include <optional>

namespace Batchdesk::Results {

/**
 * The price of a model for the results' totals: real-time dollars per million tokens, and the batch discount
 * applied to them. Read from and written to the one price table (Cost::PriceTable), which the estimate before
 * submitting and the budget cap read too.
 */
struct ModelPrice
{
    double inputPerMillion = 0;
    double outputPerMillion = 0;
    double discountPercent = 20;
};

/** The batch discount a provider gives by default: 50 % at OpenAI, 20 % elsewhere (DeepInfra). */
int defaultBatchDiscount(Store::Preset preset);
/**
 * The price of model in the price table (at provider when given, else at any provider); nullopt when the
 * table has none. Prices an earlier version kept in QSettings ("Prices/<model in base64url>/…") are moved
 * into the table the first time.
 */
std::optional<ModelPrice> storedPrice(const QString &model, double defaultDiscount = 20,
                                      const QString &provider = {});
/** Sets model's price in the price table (for provider, or for any provider) and saves the table. */
void storePrice(const QString &model, const ModelPrice &price, const QString &provider = {});

/** The cost of the tokens at a price, the batch discount applied. */
double estimatedCost(const JoinTotals &totals, const ModelPrice &price);
/** The cost of the tokens at the stored price of model; nullopt without a model or a stored price. */
std::optional<double> estimatedCost(const JoinTotals &totals, const QString &model,
                                    const QString &provider = {});

/**
 * The model whose price applies to joined results: the model the batch reports (batchModel), else the model
 * of the first request; empty when there are no rows.
 */
QString costModel(const JoinedResults &results, const QString &batchModel);

} // namespace Batchdesk::Results
