#pragma once

#include "common/result.h"

#include <QDate>
#include <QList>
#include <QString>

#include <optional>

namespace Batchdesk::Cost {

/** The price of a model at a provider: real-time US dollars per million tokens and the batch discount. */
struct PriceEntry
{
    QString provider; ///< Api::Provider id ("openai", "deepinfra"…); empty = any provider
    QString model;
    double inputPerMillion = 0;
    double outputPerMillion = 0;
    double batchDiscountPercent = 0; ///< off the real-time prices, for batch requests
    /** When the price was taken: the snapshot's date, or the day the user edited it. */
    QDate asOf;
    bool edited = false; ///< the user entered or changed it (otherwise it is the seeded snapshot's)
    QString note;

    double batchInputPerMillion() const { return inputPerMillion * (1.0 - batchDiscountPercent / 100.0); }
    double batchOutputPerMillion() const { return outputPerMillion * (1.0 - batchDiscountPercent / 100.0); }
    /** Dollars for the tokens at batch prices. */
    double batchCost(qint64 inputTokens, qint64 outputTokens) const
    {
        return (double(inputTokens) * batchInputPerMillion() + double(outputTokens) * batchOutputPerMillion())
            / 1e6;
    }
};

/**
 * The one price table: seeded with a dated snapshot compiled into the app (resources/prices), overlaid with
 * what the user edited, kept in dataDirectory()/prices.json. The estimate before submitting, the budget cap
 * and the results' cost all read it.
 *
 * A value type. load()/save() do small file I/O (a few KB): fine on the GUI thread at start and on an edit.
 */
class PriceTable final
{
public:
    /** The seeded snapshot alone. */
    static PriceTable snapshot();
    /** The snapshot's date ("2025-06-01") and its note. */
    static QDate snapshotDate();
    static QString snapshotNote();
    /** dataDirectory()/prices.json. */
    static QString defaultPath();
    /**
     * The snapshot overlaid with the user's file (its entries replace the snapshot's of the same provider and
     * model; entries it marks removed are left out). A missing file is no error; an unreadable one is, and
     * the snapshot alone is returned in *table when it is given.
     */
    static Result<PriceTable> load(const QString &path = defaultPath());
    /** Writes the user's entries and removals atomically (QSaveFile). */
    Result<void> save(const QString &path = defaultPath()) const;

    QList<PriceEntry> entries() const { return m_entries; }
    /**
     * The price of a model at a provider: that provider's entry, else an entry for any provider; model ids
     * compare case-insensitively. An empty provider finds the model's entry at any provider.
     */
    std::optional<PriceEntry> find(const QString &provider, const QString &model) const;
    /** Adds or replaces (same provider and model) an entry, marked edited with today's date unless asOf is
     * set. */
    void set(PriceEntry entry);
    /** Removes an entry; a snapshot entry stays removed after save(). */
    bool remove(const QString &provider, const QString &model);
    /** Back to the snapshot's entry (or none) for this provider and model. */
    void reset(const QString &provider, const QString &model);

private:
    qsizetype indexOf(const QString &provider, const QString &model) const;
    QList<PriceEntry> m_entries;
    QList<QPair<QString, QString>> m_removed; // snapshot entries the user removed
};

/** What a batch file is estimated to cost. */
struct CostEstimate
{
    qint64 inputTokens = 0;
    qint64 maxOutputTokens = 0;
    bool outputBounded = true; ///< every request sets max_tokens
    std::optional<PriceEntry> price;
    /** Input at batch price; nullopt without a price. */
    std::optional<double> inputCost;
    /** Output at max_tokens at batch price (the most the answers can cost); nullopt without a price. */
    std::optional<double> maxOutputCost;
    /** inputCost + maxOutputCost: the most the batch can cost when the output is bounded. */
    std::optional<double> total() const
    {
        if (!inputCost)
            return std::nullopt;
        return *inputCost + maxOutputCost.value_or(0);
    }
};

CostEstimate costEstimate(qint64 inputTokens, qint64 maxOutputTokens, bool outputBounded,
                          const std::optional<PriceEntry> &price);

/**
 * Whether an estimate is within a budget (dollars; <= 0 = no budget). Refuses when the estimate's total is
 * above the budget, and when there is no price to judge by; a total whose output is unbounded passes only
 * with a warning in *warning. Returns the refusal's text (translated), empty when within.
 */
QString checkBudget(const CostEstimate &estimate, double budget, QString *warning = nullptr);
/** The same where the estimate may be missing: a budget without an estimate to judge by is refused. */
QString checkBudget(const std::optional<CostEstimate> &estimate, double budget, QString *warning = nullptr);

/** "$1.23", "$0.0042" (more digits below a cent), in the C locale's digits. */
QString formatDollars(double dollars);

} // namespace Batchdesk::Cost
