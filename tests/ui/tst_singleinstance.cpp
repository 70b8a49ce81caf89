// A second start hands its files to the running app (over a real local socket) and gets "ok" back; with
// nobody running, the start goes on by itself; a socket left by a crashed process does not block the next.
#include "singleinstance.h"

#include <QDir>
#include <QFile>
#include <QLocalServer>
#include <QSignalSpy>
#include <QTest>
#include <QUuid>
#include <QtConcurrent>

using Batchdesk::Ui::SingleInstance;

class TestSingleInstance : public QObject
{
    Q_OBJECT

    static QString uniqueKey()
    {
        return QStringLiteral("batchdesk-test-") + QUuid::createUuid().toString(QUuid::Id128).left(12);
    }

private slots:
    void secondStartHandsOverItsFiles()
    {
        const QString key = uniqueKey();
        SingleInstance running(key);
        QVERIFY(running.listen());
        QSignalSpy received(&running, &SingleInstance::filesReceived);
        // The second start blocks on its socket, as a separate process would; the first answers from its
        // event loop.
        auto forwarded = QtConcurrent::run([key] {
            SingleInstance second(key);
            return second.forwardToRunning(
                {QStringLiteral("relative.jsonl"), QStringLiteral("/data/b.jsonl")});
        });
        QTRY_COMPARE_WITH_TIMEOUT(received.count(), 1, 5000);
        QTRY_VERIFY(forwarded.isFinished());
        QVERIFY(forwarded.result());
        const QStringList files = received.first().first().toStringList();
        QCOMPARE(files.size(), 2);
        QCOMPARE(files.at(0), QDir::current().absoluteFilePath(QStringLiteral("relative.jsonl")));
        QCOMPARE(files.at(1), QStringLiteral("/data/b.jsonl"));
    }

    void nobodyRunning()
    {
        SingleInstance alone(uniqueKey());
        QVERIFY(!alone.forwardToRunning({QStringLiteral("a.jsonl")}, 300));
        QVERIFY(alone.listen());
        QVERIFY(alone.isListening());
    }

    void staleSocketIsReplaced()
    {
#ifdef Q_OS_UNIX
        // What a crashed process leaves: the socket's file, with nobody listening.
        const QString key = uniqueKey();
        QFile stale(QDir::temp().filePath(key));
        QVERIFY(stale.open(QIODevice::WriteOnly));
        stale.close();
        SingleInstance next(key);
        QVERIFY(!next.forwardToRunning({}, 300));
        QVERIFY(next.listen());
        QVERIFY(next.isListening());
#else
        QSKIP("Named pipes leave nothing behind");
#endif
    }

    void differentDataFoldersDoNotMeet()
    {
        qputenv("BATCHDESK_DATA_DIR", "/tmp/batchdesk-one");
        const QString one = SingleInstance().key();
        qputenv("BATCHDESK_DATA_DIR", "/tmp/batchdesk-two");
        const QString two = SingleInstance().key();
        QVERIFY(one != two);
        QVERIFY(one.startsWith(QStringLiteral("batchdesk-")));
    }
};

QTEST_MAIN(TestSingleInstance)
#include "tst_singleinstance.moc"
