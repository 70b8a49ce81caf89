#pragma once

#include <QMenu>
#include <QString>
#include <QStringList>

class QActionGroup;
class QCoreApplication;

namespace Batchdesk::Ui {

/**
 * The "Language" menu: System default, English, Deutsch, 日本語 as checkable actions.
 *
 * Choosing one stores it under the QSettings key "Language" ("" = follow the system locale, "en", "de",
 * "ja"), emits languageChosen() and tells the user (ui/messagebox.h) that it takes effect after a restart:
 * windows are not re-translated while they are open.
 *
 * The static helpers are what app/desktop/main.cpp uses at start-up to install the translators.
 */
class LanguageMenu final : public QMenu
{
    Q_OBJECT
public:
    explicit LanguageMenu(QWidget *parent = nullptr);

    /** The QSettings key, "Language". */
    static QString settingsKey();
    /** The stored choice: "", "en", "de" or "ja" (anything else reads as ""). */
    static QString storedLanguage();
    /** The languages Batchdesk ships, English first: "en", "de", "ja". */
    static QStringList shippedLanguages();
    /** The language to use for a choice: the choice itself, or for "" the first shipped language among the
     *  system's UI languages (English when none is shipped). */
    static QString resolveLanguage(const QString &choice);
    /**
     * Installs Batchdesk's translator (:/i18n/batchdesk_<lang>.qm; for English only the plural forms of the
     * %n messages) and Qt's own (qtbase_<lang>.qm from the Qt translations folder, when present; not for
     * English) on app, and for an explicit choice makes QLocale's default follow it. Returns the language in
     * use. Call once, before any window is created.
     */
    static QString installTranslators(QCoreApplication *app, const QString &choice);

Q_SIGNALS:
    /** The user chose language (maybe "" for the system default); it applies after a restart. */
    void languageChosen(const QString &language);

private:
    void choose(const QString &language);

    QActionGroup *m_group = nullptr;
};

} // namespace Batchdesk::Ui
