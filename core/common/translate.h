#pragma once

#include <QCoreApplication>
#include <QString>

#include <initializer_list>

namespace Batchdesk {

/**
 * QCoreApplication::translate() over several contexts: the first context that translates text wins.
 *
 * lupdate files every tr() call under the class or namespace the call is written in, so a file-local
 * tr() helper that is called from several scopes (free functions, helper classes without Q_OBJECT) must look
 * its text up in each of those contexts. Untranslated text comes back as it is (with %n replaced).
 */
inline QString translateIn(std::initializer_list<const char *> contexts, const char *text,
                           const char *disambiguation = nullptr, int n = -1)
{
    // No translator knows the empty context: this is the untranslated text, %n already substituted.
    const QString untranslated = QCoreApplication::translate("", text, disambiguation, n);
    for (const char *context : contexts) {
        QString translated = QCoreApplication::translate(context, text, disambiguation, n);
        if (translated != untranslated)
            return translated;
    }
    return untranslated;
}

} // namespace Batchdesk
