#pragma once

#include <QString>
#include <QStringView>

namespace Batchdesk {

/**
 * Text from a server or a file made safe for a terminal: C0 and C1 control characters (ESC, CR, BEL, ...),
 * DEL and the Unicode bidirectional overrides are written as visible escapes (\x1b, \r, \u202e), so that no
 * sequence can move the cursor, retitle the window, rewrite a line or reverse what the user reads. Tabs stay;
 * newlines stay only with KeepNewlines (a field printed on one line escapes them too).
 */
enum class Newlines { Escape, Keep };
QString terminalSafe(QStringView text, Newlines newlines = Newlines::Escape);

} // namespace Batchdesk
