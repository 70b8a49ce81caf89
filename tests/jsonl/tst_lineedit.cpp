// Editing one request line in place: the other bytes stay as they were (line ends, BOM, last line without a
// newline), a file that changed on disk is refused, and pretty JSON becomes one line again.
#include "jsonl/lineedit.h"
#include "jsonl/lineindex.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace Batchdesk::Jsonl;

class TestLineEdit : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;

    QString write(const QByteArray &content)
    {
        const QString path = m_dir.filePath(QStringLiteral("f.jsonl"));
        QFile f(path);
        if (!f.open(QIODevice::WriteOnly | QIODevice::Truncate))
            return {};
        f.write(content);
        return path;
    }

    static QByteArray read(const QString &path)
    {
        QFile f(path);
        return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
    }

private slots:
    void minify()
    {
        QCOMPARE(minifyJson("{\n  \"a\": [1, 2],\n\t\"s\": \"x y\\\" z\"\n}"),
                 QByteArray("{\"a\":[1,2],\"s\":\"x y\\\" z\"}"));
        QCOMPARE(minifyJson("{\"k\": \"  two  spaces \\\\\"}"), QByteArray("{\"k\":\"  two  spaces \\\\\"}"));
    }

    void replaceKeepsEverythingElse_data()
    {
        QTest::addColumn<QByteArray>("before");
        QTest::addColumn<int>("line");
        QTest::addColumn<QByteArray>("after");
        QTest::newRow("middle LF") << QByteArray("{\"a\":1}\n{\"b\":2}\n{\"c\":3}\n") << 1
                                   << QByteArray("{\"a\":1}\n{\"new\":true}\n{\"c\":3}\n");
        QTest::newRow("first CRLF") << QByteArray("{\"a\":1}\r\n{\"b\":2}\r\n") << 0
                                    << QByteArray("{\"new\":true}\r\n{\"b\":2}\r\n");
        QTest::newRow("last without newline")
            << QByteArray("{\"a\":1}\n{\"b\":2}") << 1 << QByteArray("{\"a\":1}\n{\"new\":true}");
        QTest::newRow("BOM kept") << QByteArray("\xEF\xBB\xBF{\"a\":1}\n") << 0
                                  << QByteArray("\xEF\xBB\xBF{\"new\":true}\n");
    }

    void replaceKeepsEverythingElse()
    {
        QFETCH(QByteArray, before);
        QFETCH(int, line);
        QFETCH(QByteArray, after);
        const QString path = write(before);
        auto index = LineIndex::build(path);
        QVERIFY(index.ok());
        const auto replaced = replaceLine(*index.value(), line, "{\"new\":true}");
        QVERIFY2(replaced.ok(), qPrintable(replaced.errorString()));
        QCOMPARE(read(path), after);
    }

    void refusesAChangedFileAndLineBreaks()
    {
        const QString path = write("{\"a\":1}\n{\"b\":2}\n");
        auto index = LineIndex::build(path);
        QVERIFY(index.ok());
        QCOMPARE(replaceLine(*index.value(), 0, "{\"x\":\n1}").error().code, QStringLiteral("invalid"));
        QCOMPARE(replaceLine(*index.value(), 5, "{}").error().code, QStringLiteral("invalid"));
        {
            QFile f(path);
            QVERIFY(f.open(QIODevice::Append));
            f.write("{\"c\":3}\n");
        }
        const auto refused = replaceLine(*index.value(), 0, "{}");
        QCOMPARE(refused.error().code, QStringLiteral("changed"));
        QCOMPARE(read(path), QByteArray("{\"a\":1}\n{\"b\":2}\n{\"c\":3}\n")); // untouched
    }
};

QTEST_GUILESS_MAIN(TestLineEdit)
#include "tst_lineedit.moc"
