// splitJsonl: parts within every limit, lines in order and byte for byte, nothing left behind on an error.
#include "jsonl/splitter.h"
#include "jsonl/validator.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace Batchdesk::Jsonl;

namespace {
QByteArray chat(int i)
{
    return "{\"custom_id\":\"r" + QByteArray::number(i)
        + "\",\"method\":\"POST\",\"url\":\"/v1/chat/"
          "completions\",\"body\":{\"model\":\"m\",\"messages\":[{\"role\":"
          "\"user\",\"content\":\"hello\"}]}}";
}
QByteArray embed(int i, const QByteArray &input)
{
    return "{\"custom_id\":\"e" + QByteArray::number(i)
        + "\",\"method\":\"POST\",\"url\":\"/v1/embeddings\",\"body\":{\"model\":\"m\",\"input\":" + input
        + "}}";
}
QByteArray readAll(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}
} // namespace

class TestSplitter : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;

    QString write(const QString &name, const QByteArray &content)
    {
        const QString path = m_dir.filePath(name);
        QFile f(path);
        f.open(QIODevice::WriteOnly);
        f.write(content);
        return path;
    }

private slots:
    void linesAndBytes()
    {
        QByteArray content = "\xEF\xBB\xBF";
        QByteArray expected;
        for (int i = 0; i < 10; ++i) {
            content += chat(i) + '\n';
            expected += chat(i) + '\n';
            if (i == 4)
                content += "   \n"; // blank: skipped
        }
        const QString in = write(QStringLiteral("chat.jsonl"), content);
        SplitLimits byLines;
        byLines.maxLines = 4;
        auto parts = splitJsonl(in, m_dir.filePath(QStringLiteral("a")), QStringLiteral("chat"),
                                LimitProfile::deepinfra(), false, byLines);
        QVERIFY(parts.ok());
        QCOMPARE(parts.value().size(), 3);
        QCOMPARE(parts.value().at(0).lines, 4);
        QCOMPARE(parts.value().at(2).lines, 2);
        QCOMPARE(parts.value().at(1).firstLine, 5);
        QVERIFY(parts.value().at(0).path.endsWith(QStringLiteral("chat-001.jsonl")));
        QByteArray joined;
        for (const SplitPart &p : parts.value()) {
            joined += readAll(p.path);
            QVERIFY(validateFile(p.path).isValid());
        }
        QCOMPARE(joined, expected);

        SplitLimits byBytes;
        byBytes.maxBytes = 3 * (chat(0).size() + 1) + 5;
        parts = splitJsonl(in, m_dir.filePath(QStringLiteral("b")), QStringLiteral("chat"),
                           LimitProfile::deepinfra(), false, byBytes);
        QVERIFY(parts.ok());
        for (const SplitPart &p : parts.value())
            QVERIFY(p.bytes <= byBytes.maxBytes && QFile(p.path).size() == p.bytes);
        QCOMPARE(parts.value().size(), 4);
    }

    void embeddingInputs()
    {
        // 1 (string) + 3 (strings) + 1 (one token array) + 2 (two token arrays) = 7 inputs
        const QString in = write(QStringLiteral("embed.jsonl"),
                                 embed(0, "\"a\"") + '\n' + embed(1, "[\"a\",\"b\",\"c\"]") + '\n'
                                     + embed(2, "[1,2,3]") + '\n' + embed(3, "[[1,2],[3]]") + '\n');
        SplitLimits limits;
        limits.maxEmbeddingInputs = 4;
        const auto parts = splitJsonl(in, m_dir.filePath(QStringLiteral("e")), QStringLiteral("embed"),
                                      LimitProfile::deepinfra(), true, limits);
        QVERIFY(parts.ok());
        QCOMPARE(parts.value().size(), 2);
        QCOMPARE(parts.value().at(0).embeddingInputs, 4);
        QCOMPARE(parts.value().at(1).embeddingInputs, 3);
    }

    void lineTooLargeLeavesNothing()
    {
        const QString in =
            write(QStringLiteral("big.jsonl"),
                  chat(0) + '\n' + chat(1) + '\n' + embed(2, "[\"a\",\"b\",\"c\",\"d\",\"e\"]") + '\n');
        SplitLimits limits;
        limits.maxEmbeddingInputs = 4;
        limits.maxLines = 1;
        const QString out = m_dir.filePath(QStringLiteral("t"));
        const auto parts =
            splitJsonl(in, out, QStringLiteral("big"), LimitProfile::deepinfra(), true, limits);
        QVERIFY(!parts.ok());
        QCOMPARE(parts.error().code, QStringLiteral("too_large"));
        QVERIFY(parts.errorString().contains(QStringLiteral("Line 3")));
        QVERIFY(QDir(out).entryList(QDir::Files | QDir::Hidden).isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestSplitter)
#include "tst_splitter.moc"
