// The shipped translations are complete and sound:
//  - lupdate over the desktop sources (core/, models/, ui/, app/desktop/) into a copy of each shipped .ts
//    finds no new or unfinished message, and every plural message has the language's number of forms;
//  - the embedded .qm files load and translate (menus, %n plurals, core messages looked up through
//    common/translate.h);
//  - every translation keeps its source's placeholders (%1..%9, %n) and accelerator;
//  - the English catalogue (batchdesk_en.ts, lupdate -pluralonly) has every %n message of the sources with
//  its
//    two English forms, and LanguageMenu::installTranslators() installs it for English.
#include "common/translate.h"
#include "languagemenu.h"
#include "mainwindow.h"
#include "results/resultindex.h"
#include "resultsmodel.h"
#include "resultspage.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QHeaderView>
#include <QLibraryInfo>
#include <QLocale>
#include <QProcess>
#include <QRegularExpression>
#include <QSet>
#include <QSettings>
#include <QStandardPaths>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTranslator>
#include <QXmlStreamReader>

#include <algorithm>
#include <memory>

namespace {

struct Message
{
    QString context;
    QString source;
    bool numerus = false;
    bool unfinished = false;
    QStringList forms; // the translation, or its numerus forms
};

QString sourceRoot()
{
    return QDir::cleanPath(QStringLiteral(BATCHDESK_TEST_DATA "/../.."));
}

// The full translations, and English, whose catalogue holds only the plural (%n) messages.
const QStringList kLanguages {QStringLiteral("de"), QStringLiteral("ja")};
const QStringList kCatalogues {QStringLiteral("en"), QStringLiteral("de"), QStringLiteral("ja")};

bool pluralOnly(const QString &language)
{
    return language == QLatin1StringView("en");
}

int pluralForms(const QString &language)
{
    return language == QLatin1StringView("ja") ? 1 : 2;
}

QList<Message> readTs(const QString &path, QString *error)
{
    QList<Message> messages;
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = file.errorString();
        return messages;
    }
    QXmlStreamReader xml(&file);
    QString context;
    Message current;
    while (!xml.atEnd()) {
        xml.readNext();
        if (!xml.isStartElement())
            continue;
        const auto name = xml.name();
        if (name == QLatin1StringView("name")) {
            context = xml.readElementText();
        } else if (name == QLatin1StringView("message")) {
            current = Message {};
            current.context = context;
            current.numerus =
                xml.attributes().value(QLatin1StringView("numerus")) == QLatin1StringView("yes");
        } else if (name == QLatin1StringView("source")) {
            current.source = xml.readElementText();
        } else if (name == QLatin1StringView("translation")) {
            const auto type = xml.attributes().value(QLatin1StringView("type"));
            current.unfinished = type == QLatin1StringView("unfinished")
                || type == QLatin1StringView("vanished") || type == QLatin1StringView("obsolete");
            if (current.numerus) {
                while (xml.readNextStartElement()) {
                    if (xml.name() == QLatin1StringView("numerusform"))
                        current.forms << xml.readElementText();
                    else
                        xml.skipCurrentElement();
                }
            } else {
                current.forms << xml.readElementText(QXmlStreamReader::IncludeChildElements);
            }
            messages << current;
        }
    }
    if (xml.hasError())
        *error = xml.errorString();
    return messages;
}

QString findLupdate()
{
    const QStringList candidates {
        QLibraryInfo::path(QLibraryInfo::BinariesPath) + QStringLiteral("/lupdate"),
        QLibraryInfo::path(QLibraryInfo::LibraryExecutablesPath) + QStringLiteral("/lupdate"),
        QStringLiteral("/usr/lib/qt6/bin/lupdate"),
    };
    for (const QString &candidate : candidates) {
        if (QFileInfo(candidate).isExecutable())
            return candidate;
    }
    return {};
}

QSet<QString> placeholders(const QString &text)
{
    static const QRegularExpression re(QStringLiteral("%L?([1-9]|n)"));
    QSet<QString> found;
    for (auto it = re.globalMatch(text); it.hasNext();)
        found.insert(it.next().captured(1));
    return found;
}

bool hasAccelerator(const QString &text)
{
    static const QRegularExpression re(QStringLiteral("&[^&\\s]"));
    return re.match(QString(text).remove(QStringLiteral("&&"))).hasMatch();
}

QString describe(const Message &m)
{
    return QStringLiteral("  [%1] \"%2\"").arg(m.context, m.source);
}

} // namespace

class TestTranslations : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void everySourceStringIsTranslated_data();
    void everySourceStringIsTranslated();
    void embeddedCatalogsTranslate();
    void placeholdersAreKept_data();
    void placeholdersAreKept();
    void languageResolution();
    void englishCatalogueIsInstalled();
    void germanTextIsNotCut();
};

void TestTranslations::everySourceStringIsTranslated_data()
{
    QTest::addColumn<QString>("language");
    for (const QString &language : kCatalogues)
        QTest::newRow(qPrintable(language)) << language;
}

void TestTranslations::everySourceStringIsTranslated()
{
    QFETCH(QString, language);
    const QString lupdate = findLupdate();
    if (lupdate.isEmpty())
        QSKIP("lupdate not found (Debian: apt-get install qt6-l10n-tools, which tools/install-deps-debian.sh "
              "installs): cannot check that every source string is translated");
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString shipped =
        sourceRoot() + QStringLiteral("/translations/batchdesk_") + language + QStringLiteral(".ts");
    const QString copy = dir.filePath(QFileInfo(shipped).fileName());
    QVERIFY2(QFile::copy(shipped, copy), qPrintable(shipped));

    // The same command as tools/update-translations.sh, into the copy.
    QProcess process;
    process.setWorkingDirectory(sourceRoot());
    process.setProcessChannelMode(QProcess::MergedChannels);
    QStringList arguments {QStringLiteral("-silent"), QStringLiteral("-no-obsolete")};
    if (pluralOnly(language))
        arguments << QStringLiteral("-pluralonly") << QStringLiteral("-source-language") << language;
    arguments << QStringLiteral("-locations") << QStringLiteral("none") << QStringLiteral("-target-language")
              << language << QStringLiteral("core") << QStringLiteral("models") << QStringLiteral("ui")
              << QStringLiteral("app/desktop") << QStringLiteral("-ts") << copy;
    process.start(lupdate, arguments);
    QVERIFY2(process.waitForFinished(120'000), "lupdate did not finish within 2 minutes");
    QVERIFY2(process.exitStatus() == QProcess::NormalExit && process.exitCode() == 0,
             process.readAll().constData());

    QString error;
    const QList<Message> messages = readTs(copy, &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QStringList problems;
    if (pluralOnly(language)) {
        // Exactly the %n messages: as many as the full catalogues have (lupdate added any new one above).
        QVERIFY(messages.size() >= 10);
        QList<Message> german =
            readTs(sourceRoot() + QStringLiteral("/translations/batchdesk_de.ts"), &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        const auto numerusCount =
            std::count_if(german.cbegin(), german.cend(), [](const Message &m) { return m.numerus; });
        QCOMPARE(messages.size(), numerusCount);
        for (const Message &m : messages) {
            if (!m.numerus)
                problems << describe(m) + QStringLiteral(" is not a plural message");
        }
    } else {
        QVERIFY(messages.size() > 100);
    }
    for (const Message &m : messages) {
        if (m.unfinished)
            problems << describe(m) + QStringLiteral(" has no finished translation");
        else if (m.numerus && m.forms.size() != pluralForms(language))
            problems << describe(m)
                    + QStringLiteral(" has %1 plural forms; %2 needs %3")
                          .arg(m.forms.size())
                          .arg(language)
                          .arg(pluralForms(language));
        else if (std::any_of(m.forms.cbegin(), m.forms.cend(), [](const QString &f) { return f.isEmpty(); }))
            problems << describe(m) + QStringLiteral(" has an empty translation");
    }
    QVERIFY2(problems.isEmpty(),
             qPrintable(QStringLiteral("%1 message(s) of batchdesk_%2.ts need translating "
                                       "(run tools/update-translations.sh and translate them):\n")
                            .arg(problems.size())
                            .arg(language)
                        + problems.join(u'\n')));
}

void TestTranslations::embeddedCatalogsTranslate()
{
    struct Expectation
    {
        const char *context;
        const char *source;
        int n;
        QString de;
        QString ja;
    };
    const Expectation expectations[] = {
        {"Batchdesk::Ui::MainWindow", "&File", -1, QStringLiteral("&Datei"), QStringLiteral("ファイル(&F)")},
        {"Batchdesk::Ui::MainWindow", "&Help", -1, QStringLiteral("&Hilfe"), QStringLiteral("ヘルプ(&H)")},
        {"Batchdesk::Models::RequestsModel", "%Ln byte(s)", 1, QStringLiteral("1 Byte"),
         QStringLiteral("1 バイト")},
        {"Batchdesk::Models::RequestsModel", "%Ln byte(s)", 3, QStringLiteral("3 Bytes"),
         QStringLiteral("3 バイト")},
        {"Batchdesk::Ui::LanguageMenu", "&Language", -1, QStringLiteral("&Sprache"),
         QStringLiteral("言語(&L)")},
    };
    for (const QString &language : kLanguages) {
        QTranslator translator;
        const QString qm = QStringLiteral(":/i18n/batchdesk_") + language + QStringLiteral(".qm");
        QVERIFY2(QFile::exists(qm), qPrintable(qm + QStringLiteral(" is not embedded")));
        QVERIFY2(translator.load(qm), qPrintable(qm));
        QCoreApplication::installTranslator(&translator);
        for (const Expectation &e : expectations) {
            const QString expected = language == QLatin1StringView("de") ? e.de : e.ja;
            QCOMPARE(QCoreApplication::translate(e.context, e.source, nullptr, e.n), expected);
        }
        // A core message whose lupdate context (the calling class) differs from its helper's first context.
        const QString modelMissing = Batchdesk::translateIn(
            {"Batchdesk::Jsonl::Validator", "Batchdesk::Jsonl::ChunkValidator", "Batchdesk::Jsonl"},
            "body.model is missing.");
        QVERIFY2(modelMissing != QLatin1StringView("body.model is missing.")
                     && modelMissing.startsWith(QLatin1StringView("body.model")),
                 qPrintable(modelMissing));
        QCoreApplication::removeTranslator(&translator);
    }
    // English: only the plural forms.
    {
        QTranslator translator;
        QVERIFY2(translator.load(QStringLiteral(":/i18n/batchdesk_en.qm")),
                 "batchdesk_en.qm is not embedded");
        QCoreApplication::installTranslator(&translator);
        const char *results = "Batchdesk::Ui::ResultsPage";
        QCOMPARE(QCoreApplication::translate(results, "%Ln request(s)", nullptr, 1),
                 QStringLiteral("1 request"));
        QCOMPARE(QCoreApplication::translate(results, "%Ln request(s)", nullptr, 3),
                 QStringLiteral("3 requests"));
        const char *builder = "Batchdesk::Ui::BuilderDialog";
        QCOMPARE(QCoreApplication::translate(builder, "Submit %n batches as a &job", nullptr, 1),
                 QStringLiteral("Submit 1 batch as a &job"));
        QCOMPARE(QCoreApplication::translate(builder, "Submit %n batches as a &job", nullptr, 2),
                 QStringLiteral("Submit 2 batches as a &job"));
        // Other messages are not in the catalogue: the source text stays.
        QCOMPARE(QCoreApplication::translate("Batchdesk::Ui::MainWindow", "&File"), QStringLiteral("&File"));
        QCoreApplication::removeTranslator(&translator);
    }
    // Without a translator the helper gives the source text back, %n replaced.
    QCOMPARE(Batchdesk::translateIn({"Batchdesk::Models::RequestsModel"}, "%Ln byte(s)", nullptr, 2),
             QStringLiteral("2 byte(s)"));
}

void TestTranslations::placeholdersAreKept_data()
{
    QTest::addColumn<QString>("language");
    for (const QString &language : kCatalogues)
        QTest::newRow(qPrintable(language)) << language;
}

void TestTranslations::placeholdersAreKept()
{
    QFETCH(QString, language);
    QString error;
    const QList<Message> messages = readTs(
        sourceRoot() + QStringLiteral("/translations/batchdesk_") + language + QStringLiteral(".ts"), &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QStringList problems;
    for (const Message &m : messages) {
        const QSet<QString> expected = placeholders(m.source);
        for (const QString &form : m.forms) {
            if (form.isEmpty())
                continue; // reported by everySourceStringIsTranslated
            if (placeholders(form) != expected)
                problems << describe(m) + QStringLiteral(" -> \"%1\": placeholders differ").arg(form);
            if (hasAccelerator(m.source) && !hasAccelerator(form))
                problems << describe(m) + QStringLiteral(" -> \"%1\": the accelerator (&) is lost").arg(form);
        }
    }
    QVERIFY2(problems.isEmpty(), qPrintable(problems.join(u'\n')));
}

void TestTranslations::languageResolution()
{
    using Batchdesk::Ui::LanguageMenu;
    QCOMPARE(LanguageMenu::resolveLanguage(QStringLiteral("de")), QStringLiteral("de"));
    QCOMPARE(LanguageMenu::resolveLanguage(QStringLiteral("ja")), QStringLiteral("ja"));
    QCOMPARE(LanguageMenu::resolveLanguage(QStringLiteral("en")), QStringLiteral("en"));
    QVERIFY(LanguageMenu::shippedLanguages().contains(LanguageMenu::resolveLanguage(QString())));
    QCOMPARE(LanguageMenu::settingsKey(), QStringLiteral("Language"));
}

void TestTranslations::englishCatalogueIsInstalled()
{
    // What app/desktop/main.cpp does for English ("en", or the system default resolving to English).
    using Batchdesk::Ui::LanguageMenu;
    const QLocale before;
    QCOMPARE(LanguageMenu::installTranslators(QCoreApplication::instance(), QStringLiteral("en")),
             QStringLiteral("en"));
    const QList<QTranslator *> installed = QCoreApplication::instance()->findChildren<QTranslator *>();
    QCOMPARE(QCoreApplication::translate("Batchdesk::Ui::ResultsPage", "%Ln request(s)", nullptr, 1),
             QStringLiteral("1 request"));
    QCOMPARE(QCoreApplication::translate("Batchdesk::Ui::ResultsPage", "%Ln request(s)", nullptr, 3),
             QStringLiteral("3 requests"));
    qDeleteAll(installed); // a QTranslator removes itself from the application when it is deleted
    QLocale::setDefault(before);
    QCOMPARE(QCoreApplication::translate("Batchdesk::Ui::ResultsPage", "%Ln request(s)", nullptr, 1),
             QStringLiteral("1 request(s)"));
}

QTEST_MAIN(TestTranslations)
void TestTranslations::germanTextIsNotCut()
{
    // Widths follow the text: in German the Results outcome column fits "Fehlgeschlagen", also after a header
    // state saved in English (narrower) is restored.
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("BatchdeskTests"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_translations"));
    QTemporaryDir data;
    QVERIFY(data.isValid());
    qputenv("BATCHDESK_DATA_DIR", data.path().toUtf8());
    const QLocale before;
    const QList<QTranslator *> old = QCoreApplication::instance()->findChildren<QTranslator *>();
    qDeleteAll(old);
    using Batchdesk::Models::ResultsModel;
    {
        QSettings settings;
        settings.clear();
        auto english = std::make_unique<Batchdesk::Ui::MainWindow>();
        english->resultsPage()->view()->setColumnWidth(ResultsModel::OutcomeColumn, 60);
        settings.setValue(QStringLiteral("Results/header"),
                          english->resultsPage()->view()->horizontalHeader()->saveState());
    }
    Batchdesk::Ui::LanguageMenu::installTranslators(QCoreApplication::instance(), QStringLiteral("de"));
    {
        auto window = std::make_unique<Batchdesk::Ui::MainWindow>();
        window->show();
        QTableView *view = window->resultsPage()->view();
        const QString failed = Batchdesk::Results::outcomeText(Batchdesk::Results::Outcome::Failed);
        QCOMPARE(failed, QStringLiteral("Fehlgeschlagen"));
        QVERIFY2(view->columnWidth(ResultsModel::OutcomeColumn)
                     >= view->fontMetrics().horizontalAdvance(failed) + view->iconSize().width() + 12,
                 qPrintable(QString::number(view->columnWidth(ResultsModel::OutcomeColumn))));
        QCOMPARE(view->horizontalHeader()->defaultAlignment(), Qt::AlignLeft | Qt::AlignVCenter);
    }
    qDeleteAll(QCoreApplication::instance()->findChildren<QTranslator *>());
    QLocale::setDefault(before);
    QSettings().clear();
}

#include "tst_translations.moc"
