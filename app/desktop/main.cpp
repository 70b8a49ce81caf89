#include "common/version.h"
#include "icons.h"
#include "languagemenu.h"
#include "mainwindow.h"
#include "singleinstance.h"
#include "theme.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QTextStream>

int main(int argc, char *argv[])
{
    // --version must work without a display, so it is answered before QApplication connects to one.
    for (int i = 1; i < argc; ++i) {
        const QByteArrayView arg(argv[i]);
        if (arg == "--version" || arg == "-v") {
            QTextStream(stdout) << QStringLiteral("Batchdesk ") << Batchdesk::applicationVersion()
                                << QStringLiteral(" (Qt ") << QString::fromLatin1(qVersion()) << u')'
                                << Qt::endl;
            return 0;
        }
    }

    QApplication app(argc, argv);
    QApplication::setOrganizationName(QStringLiteral("Batchdesk"));
    QApplication::setOrganizationDomain(QStringLiteral("batchdesk.github.io"));
    QApplication::setApplicationName(QStringLiteral("Batchdesk"));
    QApplication::setApplicationDisplayName(QStringLiteral("Batchdesk"));
    QApplication::setApplicationVersion(Batchdesk::applicationVersion());
    QApplication::setDesktopFileName(QStringLiteral("io.github.batchdesk.Batchdesk"));
    QApplication::setWindowIcon(Batchdesk::Models::icon(QStringLiteral("batchdesk")));

    // --lang de|ja|en overrides the "Language" setting (screenshots, tests). It is read before the parser
    // because the parser's own texts are translated.
    QString language = Batchdesk::Ui::LanguageMenu::storedLanguage();
    const QStringList arguments = QCoreApplication::arguments();
    for (qsizetype i = 1; i < arguments.size(); ++i) {
        if (arguments.at(i) == QLatin1StringView("--lang") && i + 1 < arguments.size())
            language = arguments.at(i + 1);
        else if (arguments.at(i).startsWith(QLatin1StringView("--lang=")))
            language = arguments.at(i).mid(7);
    }
    Batchdesk::Ui::LanguageMenu::installTranslators(&app, language);

    QCommandLineParser parser;
    parser.setApplicationDescription(
        QCoreApplication::translate("main", "Desktop client for OpenAI-compatible Batch APIs."));
    parser.addHelpOption();
    const QCommandLineOption versionOption(
        {QStringLiteral("v"), QStringLiteral("version")},
        QCoreApplication::translate("main", "Display version information."));
    parser.addOption(versionOption);
    const QCommandLineOption darkOption(
        QStringLiteral("dark"),
        QCoreApplication::translate("main", "Use a dark palette (also BATCHDESK_THEME=dark)."));
    parser.addOption(darkOption);
    const QCommandLineOption langOption(
        QStringLiteral("lang"),
        QCoreApplication::translate("main",
                                    "Use this interface language instead of the setting: en, de or ja."),
        QStringLiteral("language"));
    parser.addOption(langOption);
    parser.addPositionalArgument(QStringLiteral("files"),
                                 QCoreApplication::translate("main", "JSONL files to open and validate."),
                                 QStringLiteral("[files...]"));
    parser.process(app);
    if (parser.isSet(darkOption) || qEnvironmentVariable("BATCHDESK_THEME") == QLatin1StringView("dark"))
        Batchdesk::Ui::applyDarkTheme(app);

    // One app per user and data folder: a later start (e.g. opening a .jsonl from the file manager) hands its
    // files to the running window and ends. BATCHDESK_MULTI_INSTANCE=1 turns this off.
    const QStringList files = parser.positionalArguments();
    Batchdesk::Ui::SingleInstance instance;
    const bool single = qEnvironmentVariable("BATCHDESK_MULTI_INSTANCE") != QLatin1StringView("1");
    if (single && instance.forwardToRunning(files))
        return 0;

    Batchdesk::Ui::MainWindow window;
    window.show();
    if (single) {
        instance.listen();
        QObject::connect(&instance, &Batchdesk::Ui::SingleInstance::filesReceived, &window,
                         [&window](const QStringList &received) {
                             window.showNormal();
                             window.raise();
                             window.activateWindow();
                             window.openFiles(received);
                         });
    }
    // One page validates one file at a time: the others are queued and open after each submission.
    window.openFiles(files);
    return app.exec();
}
