#include "pricetable.h"

#include "common/paths.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>

#include <cmath>

namespace Batchdesk::Cost {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("Batchdesk::Cost", text);
}

struct Snapshot
{
    QDate date;
    QString note;
    QList<PriceEntry> entries;
};

PriceEntry entryFrom(const QJsonObject &o)
{
    PriceEntry e;
    e.provider = o.value(QLatin1StringView("provider")).toString();
    e.model = o.value(QLatin1StringView("model")).toString();
    e.inputPerMillion = o.value(QLatin1StringView("input")).toDouble();
    e.outputPerMillion = o.value(QLatin1StringView("output")).toDouble();
    e.batchDiscountPercent =
        qBound(0.0, o.value(QLatin1StringView("batch_discount_percent")).toDouble(), 100.0);
    e.asOf = QDate::fromString(o.value(QLatin1StringView("as_of")).toString(), Qt::ISODate);
    e.note = o.value(QLatin1StringView("note")).toString();
    return e;
}

const Snapshot &seeded()
{
    static const Snapshot snapshot = [] {
        Snapshot s;
        QFile f(QStringLiteral(":/prices/prices-snapshot.json"));
        if (!f.open(QIODevice::ReadOnly))
            return s;
        const QJsonObject root = QJsonDocument::fromJson(f.readAll()).object();
        s.date = QDate::fromString(root.value(QLatin1StringView("snapshot")).toString(), Qt::ISODate);
        s.note = root.value(QLatin1StringView("note")).toString();
        for (const QJsonValue &v : root.value(QLatin1StringView("prices")).toArray()) {
            PriceEntry e = entryFrom(v.toObject());
            e.asOf = s.date;
            if (!e.model.isEmpty())
                s.entries << e;
        }
        return s;
    }();
    return snapshot;
}

bool same(const PriceEntry &e, const QString &provider, const QString &model)
{
    return e.provider.compare(provider, Qt::CaseInsensitive) == 0
        && e.model.compare(model, Qt::CaseInsensitive) == 0;
}

bool finiteNonNegative(double v)
{
    return qIsFinite(v) && v >= 0;
}

} // namespace

PriceTable PriceTable::snapshot()
{
    PriceTable t;
    t.m_entries = seeded().entries;
    return t;
}

QDate PriceTable::snapshotDate()
{
    return seeded().date;
}

QString PriceTable::snapshotNote()
{
    return seeded().note;
}

QString PriceTable::defaultPath()
{
    return QDir(dataDirectory()).filePath(QStringLiteral("prices.json"));
}

Result<PriceTable> PriceTable::load(const QString &path)
{
    PriceTable table = snapshot();
    QFile f(path);
    if (!f.exists())
        return table;
    if (!f.open(QIODevice::ReadOnly))
        return Result<PriceTable>::failure(
            QStringLiteral("io"), tr("Cannot read the price table %1: %2").arg(path, f.errorString()));
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(f.read(4 * 1024 * 1024), &error);
    if (error.error != QJsonParseError::NoError || !doc.isObject())
        return Result<PriceTable>::failure(
            QStringLiteral("invalid"),
            tr("The price table %1 is not valid JSON (%2); the snapshot's prices are used.")
                .arg(path, error.errorString()));
    const QJsonObject root = doc.object();
    for (const QJsonValue &v : root.value(QLatin1StringView("removed")).toArray()) {
        const QJsonObject o = v.toObject();
        table.remove(o.value(QLatin1StringView("provider")).toString(),
                     o.value(QLatin1StringView("model")).toString());
    }
    for (const QJsonValue &v : root.value(QLatin1StringView("prices")).toArray()) {
        PriceEntry e = entryFrom(v.toObject());
        if (e.model.isEmpty() || !finiteNonNegative(e.inputPerMillion)
            || !finiteNonNegative(e.outputPerMillion))
            continue;
        e.edited = true;
        if (!e.asOf.isValid())
            e.asOf = QFileInfo(path).lastModified().date();
        const qsizetype i = table.indexOf(e.provider, e.model);
        if (i >= 0)
            table.m_entries[i] = e;
        else
            table.m_entries << e;
    }
    return table;
}

Result<void> PriceTable::save(const QString &path) const
{
    QJsonArray prices;
    for (const PriceEntry &e : m_entries) {
        if (!e.edited)
            continue;
        QJsonObject o {{QStringLiteral("provider"), e.provider},
                       {QStringLiteral("model"), e.model},
                       {QStringLiteral("input"), e.inputPerMillion},
                       {QStringLiteral("output"), e.outputPerMillion},
                       {QStringLiteral("batch_discount_percent"), e.batchDiscountPercent},
                       {QStringLiteral("as_of"), e.asOf.toString(Qt::ISODate)}};
        if (!e.note.isEmpty())
            o.insert(QStringLiteral("note"), e.note);
        prices.append(o);
    }
    QJsonArray removed;
    for (const auto &[provider, model] : m_removed)
        removed.append(
            QJsonObject {{QStringLiteral("provider"), provider}, {QStringLiteral("model"), model}});
    QDir().mkpath(QFileInfo(path).absolutePath());
    QSaveFile f(path);
    if (!f.open(QIODevice::WriteOnly))
        return Result<void>::failure(QStringLiteral("io"),
                                     tr("Cannot write the price table %1: %2").arg(path, f.errorString()));
    f.write(
        QJsonDocument(QJsonObject {{QStringLiteral("prices"), prices}, {QStringLiteral("removed"), removed}})
            .toJson(QJsonDocument::Indented));
    if (!f.commit())
        return Result<void>::failure(QStringLiteral("io"),
                                     tr("Cannot write the price table %1: %2").arg(path, f.errorString()));
    return {};
}

qsizetype PriceTable::indexOf(const QString &provider, const QString &model) const
{
    for (qsizetype i = 0; i < m_entries.size(); ++i) {
        if (same(m_entries[i], provider, model))
            return i;
    }
    return -1;
}

std::optional<PriceEntry> PriceTable::find(const QString &provider, const QString &model) const
{
    if (model.isEmpty())
        return std::nullopt;
    qsizetype i = indexOf(provider, model);
    if (i < 0)
        i = indexOf(QString(), model);
    if (i < 0 && provider.isEmpty()) { // no provider given: the model's entry at whichever provider
        for (i = 0; i < m_entries.size() && m_entries[i].model.compare(model, Qt::CaseInsensitive) != 0;
             ++i) { }
        if (i == m_entries.size())
            i = -1;
    }
    if (i < 0)
        return std::nullopt;
    return m_entries[i];
}

void PriceTable::set(PriceEntry entry)
{
    entry.edited = true;
    if (!entry.asOf.isValid())
        entry.asOf = QDate::currentDate();
    for (qsizetype i = 0; i < m_removed.size(); ++i) {
        if (m_removed[i].first.compare(entry.provider, Qt::CaseInsensitive) == 0
            && m_removed[i].second.compare(entry.model, Qt::CaseInsensitive) == 0)
            m_removed.removeAt(i--);
    }
    const qsizetype i = indexOf(entry.provider, entry.model);
    if (i >= 0)
        m_entries[i] = entry;
    else
        m_entries << entry;
}

bool PriceTable::remove(const QString &provider, const QString &model)
{
    const qsizetype i = indexOf(provider, model);
    if (i < 0)
        return false;
    m_entries.removeAt(i);
    for (const PriceEntry &e : seeded().entries) {
        if (same(e, provider, model)) {
            m_removed.append({e.provider, e.model});
            break;
        }
    }
    return true;
}

void PriceTable::reset(const QString &provider, const QString &model)
{
    const qsizetype i = indexOf(provider, model);
    if (i >= 0)
        m_entries.removeAt(i);
    for (qsizetype r = 0; r < m_removed.size(); ++r) {
        if (m_removed[r].first.compare(provider, Qt::CaseInsensitive) == 0
            && m_removed[r].second.compare(model, Qt::CaseInsensitive) == 0)
            m_removed.removeAt(r--);
    }
    for (const PriceEntry &e : seeded().entries) {
        if (same(e, provider, model)) {
            m_entries << e;
            break;
        }
    }
}

CostEstimate costEstimate(qint64 inputTokens, qint64 maxOutputTokens, bool outputBounded,
                          const std::optional<PriceEntry> &price)
{
    CostEstimate e;
    e.inputTokens = inputTokens;
    e.maxOutputTokens = maxOutputTokens;
    e.outputBounded = outputBounded;
    e.price = price;
    if (price) {
        e.inputCost = price->batchCost(inputTokens, 0);
        e.maxOutputCost = price->batchCost(0, maxOutputTokens);
    }
    return e;
}

QString checkBudget(const CostEstimate &estimate, double budget, QString *warning)
{
    if (budget <= 0)
        return {};
    if (!estimate.price)
        return tr("No price is known for this model, so the budget of %1 cannot be checked. Add the model's "
                  "price to the price table, or submit without a budget.")
            .arg(formatDollars(budget));
    const double total = estimate.total().value_or(0);
    if (total > budget)
        return estimate.outputBounded
            ? tr("The estimated cost of %1 (input %2, output up to %3) is above the budget of %4.")
                  .arg(formatDollars(total), formatDollars(estimate.inputCost.value_or(0)),
                       formatDollars(estimate.maxOutputCost.value_or(0)), formatDollars(budget))
            : tr("The estimated cost of %1 without the answers of the requests that set no max_tokens is "
                 "already above the budget of %2.")
                  .arg(formatDollars(total), formatDollars(budget));
    if (!estimate.outputBounded && warning)
        *warning = tr("Some requests set no max_tokens: their answers are not in the estimate of %1, so the "
                      "budget of %2 does not bound them. Set max_tokens for a hard limit.")
                       .arg(formatDollars(total), formatDollars(budget));
    return {};
}

QString checkBudget(const std::optional<CostEstimate> &estimate, double budget, QString *warning)
{
    if (budget > 0 && !estimate)
        return tr("There is no cost estimate to check the budget of %1 against.").arg(formatDollars(budget));
    return estimate ? checkBudget(*estimate, budget, warning) : QString();
}

QString formatDollars(double dollars)
{
    if (dollars != 0 && qAbs(dollars) < 0.01) {
        // Two significant digits below a cent: $0.0042, $0.00031.
        const int decimals = qBound(3, int(std::ceil(-std::log10(qAbs(dollars)))) + 1, 8);
        return QStringLiteral("$") + QString::number(dollars, 'f', decimals);
    }
    return QStringLiteral("$") + QString::number(dollars, 'f', 2);
}

} // namespace Batchdesk::Cost
