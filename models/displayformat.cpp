#include "displayformat.h"

#include <QCoreApplication>
#include <QLocale>

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

} // namespace Batchdesk::Models::DisplayFormat
