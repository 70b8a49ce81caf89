#include "terminaltext.h"

namespace Batchdesk {

QString terminalSafe(QStringView text, Newlines newlines)
{
    QString out;
    out.reserve(text.size());
    for (const QChar c : text) {
        const char16_t u = c.unicode();
        const bool control = u < 0x20 || u == 0x7f || (u >= 0x80 && u < 0xa0);
        const bool bidi = (u >= 0x202a && u <= 0x202e) || (u >= 0x2066 && u <= 0x2069);
        if (u == u'\t' || (u == u'\n' && newlines == Newlines::Keep) || (!control && !bidi)) {
            out += c;
        } else if (u == u'\n') {
            out += QLatin1StringView("\\n");
        } else if (u == u'\r') {
            out += QLatin1StringView("\\r");
        } else if (bidi) {
            out += QStringLiteral("\\u%1").arg(int(u), 4, 16, QLatin1Char('0'));
        } else {
            out += QStringLiteral("\\x%1").arg(int(u), 2, 16, QLatin1Char('0'));
        }
    }
    return out;
}

} // namespace Batchdesk
