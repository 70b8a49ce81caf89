#include "jsonl/lineindex.h"
#include "jsonl/validator.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace Batchdesk::Jsonl;

class TestLineIndex : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;

    QString write(const QString &name, const QByteArray &content)
    {
        const QString path = m_dir.filePath(name);
        QFile f(path);
        if (!f.open(QIODevice::WriteOnly | QIODevice::Truncate))
            qFatal("cannot write");
        f.write(content);
        return path;
    }

private slots:
    void lines_data()
    {
        QTest::addColumn<QByteArray>("content");
        QTest::addColumn<QList<QByteArray>>("expected");
        QTest::newRow("final newline") << QByteArray("a\nbb\nccc\n") << QList<QByteArray> {"a", "bb", "ccc"};
        QTest::newRow("no final newline") << QByteArray("a\nbb\nccc") << QList<QByteArray> {"a", "bb", "ccc"};
        QTest::newRow("crlf") << QByteArray("a\r\nbb\r\n") << QList<QByteArray> {"a", "bb"};
        QTest::newRow("bom") << QByteArray("\xEF\xBB\xBF{}\n[]\n") << QList<QByteArray> {"{}", "[]"};
        QTest::newRow("blank lines") << QByteArray("a\n\nb\n") << QList<QByteArray> {"a", "", "b"};
        QTest::newRow("empty") << QByteArray() << QList<QByteArray> {};
    }

    void lines()
    {
        QFETCH(QByteArray, content);
        QFETCH(QList<QByteArray>, expected);
        const QString path = write(QStringLiteral("l.jsonl"), content);
        // The standalone builder and the validator's side product must agree.
        const auto built = LineIndex::build(path);
        QVERIFY(built.ok());
        const ValidationReport report = validateFile(path);
        QVERIFY(report.index);
        for (const auto &index : {built.value(), report.index}) {
            QCOMPARE(index->lineCount(), expected.size());
            JsonlFile file(index);
            for (qsizetype i = 0; i < expected.size(); ++i) {
                const auto line = file.line(i);
                QVERIFY2(line.ok(), qPrintable(line.errorString()));
                QCOMPARE(line.value(), expected.at(i));
            }
            QVERIFY(!file.line(expected.size()).ok());
        }
    }

    void changedOnDisk()
    {
        const QString path = write(QStringLiteral("c.jsonl"), "one\ntwo\n");
        const auto index = LineIndex::build(path);
        QVERIFY(index.ok());
        JsonlFile file(index.value());
        QCOMPARE(file.line(1).value(), QByteArray("two"));
        write(QStringLiteral("c.jsonl"), "one\ntwo\nthree\n");
        const auto after = file.line(1);
        QVERIFY(!after.ok());
        QVERIFY2(after.errorString().contains(QLatin1StringView("changed on disk")),
                 qPrintable(after.errorString()));
    }

    void vanished()
    {
        const QString path = write(QStringLiteral("v.jsonl"), "one\n");
        const auto index = LineIndex::build(path);
        QVERIFY(index.ok());
        QFile::remove(path);
        JsonlFile file(index.value());
        const auto line = file.line(0);
        QVERIFY(!line.ok());
        QVERIFY(!line.errorString().isEmpty());
        QVERIFY(!LineIndex::build(path).ok());
    }
};

QTEST_GUILESS_MAIN(TestLineIndex)
#include "tst_lineindex.moc"
