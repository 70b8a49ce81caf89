#include "filehash.h"

#include <QCryptographicHash>
#include <QFile>

namespace Batchdesk {

QString sha256OfFile(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    QCryptographicHash hash(QCryptographicHash::Sha256);
    if (!hash.addData(&f))
        return {};
    return QString::fromLatin1(hash.result().toHex());
}

} // namespace Batchdesk
