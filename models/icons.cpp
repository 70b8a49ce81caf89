#include "icons.h"

#include <QHash>

namespace Batchdesk::Models {

QIcon icon(const QString &name)
{
    static QHash<QString, QIcon> cache;
    auto it = cache.constFind(name);
    if (it != cache.constEnd())
        return *it;
    const QIcon result(QStringLiteral(":/icons/") + name + QStringLiteral(".svg"));
    cache.insert(name, result);
    return result;
}

} // namespace Batchdesk::Models
