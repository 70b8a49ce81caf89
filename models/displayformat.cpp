#include "displayformat.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QLocale>
#include <QRegularExpression>

#include <array>

namespace Batchdesk::Models::DisplayFormat {

namespace {
QString tr(const char *text)
{
    return QCoreApplication::translate("Batchdesk::Models::DisplayFormat", text);
}

// One decimal, dropped when it is zero: "200 MB" reads better than "200.0 MB".
QString oneDecimal(double value)
{
    const QLocale locale;
    const double rounded = qRound64(value * 10) / 10.0;
    if (rounded == double(qint64(rounded)))
        return locale.toString(qint64(rounded));
    return locale.toString(rounded, 'f', 1);
}
} // namespace

QString count(qint64 value)
{
    return QLocale().toString(value);
}

QString bytes(qint64 value)
{
    if (value < 1000)
        return tr("%1 B").arg(QLocale().toString(value));
    if (value < 1'000'000)
        return tr("%1 kB").arg(oneDecimal(double(value) / 1e3));
    if (value < 1'000'000'000)
        return tr("%1 MB").arg(oneDecimal(double(value) / 1e6));
    return tr("%1 GB").arg(oneDecimal(double(value) / 1e9));
}

QString seconds(double value)
{
    const QLocale locale;
    if (value < 0.01)
        return tr("< %1 s").arg(locale.toString(0.01, 'f', 2));
    if (value < 10)
        return tr("%1 s").arg(locale.toString(value, 'f', 2));
    return tr("%1 s").arg(locale.toString(qRound64(value)));
}

TimeAxis timeAxis(qint64 fromMs, qint64 toMs, int maxTicks)
{
    constexpr qint64 s = 1000, m = 60 * s, h = 60 * m, d = 24 * h;
    constexpr std::array<qint64, 24> steps {1 * s,  2 * s,  5 * s,  10 * s, 15 * s, 30 * s, 1 * m,  2 * m,
                                            5 * m,  10 * m, 15 * m, 30 * m, 1 * h,  2 * h,  3 * h,  6 * h,
                                            12 * h, 1 * d,  2 * d,  7 * d,  14 * d, 30 * d, 90 * d, 365 * d};
    maxTicks = qMax(2, maxTicks);
    if (toMs <= fromMs)
        toMs = fromMs + 1;
    // Round steps are counted in local time: hours start at :00 and days at midnight where the user lives.
    const qint64 offset = qint64(QDateTime::fromMSecsSinceEpoch(fromMs).offsetFromUtc()) * 1000;
    auto floorTo = [offset](qint64 t, qint64 step) {
        const qint64 local = t + offset;
        return local - ((local % step) + step) % step - offset;
    };
    TimeAxis axis;
    for (const qint64 step : steps) {
        const qint64 first = floorTo(fromMs, step);
        qint64 last = floorTo(toMs, step);
        if (last < toMs)
            last += step;
        const qint64 ticks = (last - first) / step + 1;
        axis = {first, last, step, int(ticks), {}};
        if (ticks <= maxTicks)
            break;
    }

    const QLocale locale;
    QString time = locale.timeFormat(QLocale::ShortFormat);
    if (axis.stepMs < m && !time.contains(QLatin1String("ss"))) {
        const qsizetype mm = time.indexOf(QLatin1String("mm"));
        time.insert(mm >= 0 ? mm + 2 : time.size(), QLatin1String(":ss"));
    }
    if (axis.stepMs >= d) {
        // The short date without its year: "M/d", "dd.MM", "MM/dd".
        QString date = locale.dateFormat(QLocale::ShortFormat);
        date.remove(QRegularExpression(QStringLiteral("[^A-Za-z]*y+[^A-Za-z]*$")));
        date.remove(QRegularExpression(QStringLiteral("^y+[^A-Za-z]*")));
        axis.format = date;
    } else if (QDateTime::fromMSecsSinceEpoch(axis.minMs).date()
               != QDateTime::fromMSecsSinceEpoch(axis.maxMs).date()) {
        // Across midnight the same time of day comes back: the weekday tells them apart.
        axis.format = QStringLiteral("ddd ") + time;
    } else {
        axis.format = time;
    }
    return axis;
}

} // namespace Batchdesk::Models::DisplayFormat
