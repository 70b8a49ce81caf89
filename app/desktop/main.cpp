#include "common/version.h"
#include "icons.h"
#include "mainwindow.h"
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
    parser.addPositionalArgument(QStringLiteral("files"),
                                 QCoreApplication::translate("main", "JSONL files to open and validate."),
                                 QStringLiteral("[files...]"));
    parser.process(app);
    if (parser.isSet(darkOption) || qEnvironmentVariable("BATCHDESK_THEME") == QLatin1StringView("dark"))
        Batchdesk::Ui::applyDarkTheme(app);

    Batchdesk::Ui::MainWindow window;
    window.show();
    // One page validates one file at a time: the others are queued and open after each submission.
    const QStringList files = parser.positionalArguments();
    window.openFiles(files);
    return app.exec();
}
