#include "languagemenu.h"

#include "messagebox.h"

#include <QActionGroup>
#include <QCoreApplication>
#include <QLibraryInfo>
#include <QLocale>
#include <QSettings>
#include <QTranslator>

namespace Batchdesk::Ui {

LanguageMenu::LanguageMenu(QWidget *parent)
    : QMenu(tr("&Language"), parent)
    , m_group(new QActionGroup(this))
{
    setObjectName(QStringLiteral("languageMenu"));
    m_group->setExclusive(true);
    const QString current = storedLanguage();
    // Each language is named in itself, so a user who cannot read the current one still finds theirs.
    const struct
    {
        QString code;
        QString label;
    } entries[] = {
        {QString(), tr("&System Default")},
        {QStringLiteral("en"), QStringLiteral("English")},
        {QStringLiteral("de"), QStringLiteral("Deutsch")},
        {QStringLiteral("ja"), QStringLiteral("日本語")},
    };
    for (const auto &entry : entries) {
        QAction *action = addAction(entry.label);
        action->setCheckable(true);
        action->setChecked(entry.code == current);
        action->setData(entry.code);
        m_group->addAction(action);
        if (entry.code.isEmpty())
            addSeparator();
        const QString code = entry.code;
        connect(action, &QAction::triggered, this, [this, code] { choose(code); });
    }
}

QString LanguageMenu::settingsKey()
{
    return QStringLiteral("Language");
}

QStringList LanguageMenu::shippedLanguages()
{
    return {QStringLiteral("en"), QStringLiteral("de"), QStringLiteral("ja")};
}

QString LanguageMenu::storedLanguage()
{
    const QString value = QSettings().value(settingsKey()).toString();
    return shippedLanguages().contains(value) ? value : QString();
}

QString LanguageMenu::resolveLanguage(const QString &choice)
{
    if (shippedLanguages().contains(choice))
        return choice;
    // uiLanguages() is in order of preference ("de-AT", "de", "en-US", …): the first shipped one wins.
    const QStringList preferred = QLocale::system().uiLanguages();
    for (const QString &name : preferred) {
        const QString language = QLocale(name).name().section(u'_', 0, 0);
        if (shippedLanguages().contains(language))
            return language;
    }
    return QStringLiteral("en");
}

QString LanguageMenu::installTranslators(QCoreApplication *app, const QString &choice)
{
    const QString language = resolveLanguage(choice);
    if (!choice.isEmpty()) {
        // Numbers and dates follow the chosen language; the system's territory stays when it matches.
        const QLocale system = QLocale::system();
        const QLocale chosen(language);
        QLocale::setDefault(system.language() == chosen.language() ? system : chosen);
    }
    // English too has a catalogue: only the plural (%n) messages, so "%n request(s)" reads "1 request". Qt's
    // own strings are English already.
    auto *own = new QTranslator(app);
    if (own->load(QStringLiteral(":/i18n/batchdesk_") + language + QStringLiteral(".qm")))
        QCoreApplication::installTranslator(own);
    else
        delete own;
    if (language == QLatin1StringView("en"))
        return language;
    // Qt's own strings: the buttons of standard dialogs, context menus of line edits.
    auto *qt = new QTranslator(app);
    if (qt->load(QStringLiteral("qtbase_") + language, QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QCoreApplication::installTranslator(qt);
    else
        delete qt;
    return language;
}

void LanguageMenu::choose(const QString &language)
{
    if (language == storedLanguage())
        return;
    QSettings().setValue(settingsKey(), language);
    Q_EMIT languageChosen(language);
    MessageBox::information(parentWidget(), tr("Language"),
                            tr("The new language takes effect after you restart Batchdesk."));
}

} // namespace Batchdesk::Ui
