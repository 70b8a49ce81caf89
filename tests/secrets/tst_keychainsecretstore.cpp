// The keychain for real: gnome-keyring over the session bus (tools/run-tests.sh starts one with
// dbus-run-session), and the two ways it fails on Linux: no Secret Service at all, and a bus that never
// answers.
#include "secrets/keychainsecretstore.h"

#include <QDir>
#include <QDirIterator>
#include <QElapsedTimer>
#include <QLocalServer>
#include <QLocalSocket>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>
#include <QUuid>

using Batchdesk::Secrets::KeychainSecretStore;

namespace {

bool haveSessionBus()
{
    return !qEnvironmentVariableIsEmpty("DBUS_SESSION_BUS_ADDRESS");
}

struct Run
{
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
    qint64 ms = 0;
};

Run cli(const QStringList &args, const QProcessEnvironment &env, const QByteArray &stdinData = {})
{
    QProcess p;
    p.setProcessEnvironment(env);
    QElapsedTimer t;
    t.start();
    p.start(QStringLiteral(BATCHDESK_CLI), args);
    p.write(stdinData);
    p.closeWriteChannel();
    if (!p.waitForFinished(60'000)) {
        p.kill();
        p.waitForFinished();
    }
    return {p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1, p.readAllStandardOutput(),
            p.readAllStandardError(), t.elapsed()};
}

} // namespace

class TestKeychainSecretStore : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;

    QProcessEnvironment env(const QString &dataDir) const
    {
        QProcessEnvironment e = QProcessEnvironment::systemEnvironment();
        e.insert(QStringLiteral("BATCHDESK_DATA_DIR"), dataDir);
        return e;
    }

private slots:
    void initTestCase()
    {
        if (!haveSessionBus()) {
            if (qEnvironmentVariableIsSet("BATCHDESK_REQUIRE_KEYCHAIN"))
                QFAIL("BATCHDESK_REQUIRE_KEYCHAIN is set but there is no D-Bus session bus");
        }
    }

    void roundTrip()
    {
        if (!haveSessionBus())
            QSKIP("needs a session bus with an unlocked gnome-keyring: run tools/run-tests.sh");
        KeychainSecretStore store(QStringLiteral("Batchdesk-test"), 15'000);
        const QString key =
            QStringLiteral("account/test-") + QUuid::createUuid().toString(QUuid::WithoutBraces);
        const QString secret =
            QStringLiteral("sk-test-") + QUuid::createUuid().toString(QUuid::WithoutBraces);
        const auto written = store.writeSync(key, secret);
        QVERIFY2(written.ok(), qPrintable(written.errorString()));
        const auto read = store.readSync(key);
        QVERIFY2(read.ok(), qPrintable(read.errorString()));
        QCOMPARE(read.value(), secret);
        QVERIFY(store.removeSync(key).ok());
        const auto gone = store.readSync(key);
        QVERIFY(!gone.ok());
        QCOMPARE(gone.error().code, QStringLiteral("not_found"));
        QVERIFY(!gone.errorString().contains(secret));
        QVERIFY(store.removeSync(key).ok()); // removing twice is fine
    }

    void cliKeepsTheKeyOutOfTheDatabase()
    {
        if (!haveSessionBus())
            QSKIP("needs a session bus with an unlocked gnome-keyring: run tools/run-tests.sh");
        const QString dataDir = m_dir.filePath(QStringLiteral("real"));
        const QByteArray secret = "sk-live-" + QUuid::createUuid().toByteArray(QUuid::WithoutBraces);
        const Run add =
            cli({QStringLiteral("accounts"), QStringLiteral("add"), QStringLiteral("work"),
                 QStringLiteral("--preset"), QStringLiteral("deepinfra"), QStringLiteral("--key-stdin")},
                env(dataDir), secret + '\n');
        QVERIFY2(add.exitCode == 0, add.err.constData());
        const Run list = cli({QStringLiteral("accounts"), QStringLiteral("list")}, env(dataDir));
        QCOMPARE(list.exitCode, 0);
        QVERIFY(list.out.contains("work"));
        QVERIFY(list.out.contains("key in keychain"));
        QVERIFY(!list.out.contains(secret));
        // Not in any file Batchdesk wrote (database, WAL, journal).
        QDirIterator it(dataDir, QDir::Files, QDirIterator::Subdirectories);
        int files = 0;
        while (it.hasNext()) {
            QFile f(it.next());
            QVERIFY(f.open(QIODevice::ReadOnly));
            QVERIFY2(!f.readAll().contains(secret), qPrintable(f.fileName()));
            ++files;
        }
        QVERIFY(files > 0);
        // The key is in the keychain under the account's entry.
        KeychainSecretStore store(QStringLiteral("Batchdesk"), 15'000);
        QCOMPARE(store.readSync(QStringLiteral("account/work")).value(), QString::fromLatin1(secret));
        const Run remove =
            cli({QStringLiteral("accounts"), QStringLiteral("remove"), QStringLiteral("work")}, env(dataDir));
        QCOMPARE(remove.exitCode, 0);
        QVERIFY(!store.readSync(QStringLiteral("account/work")).ok());
    }

    void noSecretService()
    {
        // A session bus address where nothing listens: a clear error at once, and no account half added.
        const QString dataDir = m_dir.filePath(QStringLiteral("nobus"));
        QProcessEnvironment e = env(dataDir);
        e.insert(QStringLiteral("DBUS_SESSION_BUS_ADDRESS"),
                 QStringLiteral("unix:path=") + m_dir.filePath(QStringLiteral("no-such-bus")));
        e.insert(QStringLiteral("BATCHDESK_KEYCHAIN_TIMEOUT_MS"), QStringLiteral("5000"));
        const Run add = cli({QStringLiteral("accounts"), QStringLiteral("add"), QStringLiteral("w"),
                             QStringLiteral("--key-stdin")},
                            e, "sk-nobus\n");
        QCOMPARE(add.exitCode, 2);
        QVERIFY2(add.err.contains("keychain"), add.err.constData());
        QVERIFY(add.err.contains("--key-env"));
        QVERIFY(!add.err.contains("sk-nobus"));
        const Run list = cli({QStringLiteral("accounts"), QStringLiteral("list")}, e);
        QVERIFY(!list.out.contains("w "));
    }

    void hangingKeychainTimesOut()
    {
        // A "bus" that accepts connections and never says a word: QtKeychain would wait forever.
        QLocalServer server;
        const QString socket = m_dir.filePath(QStringLiteral("silent-bus"));
        QVERIFY(server.listen(socket));
        QList<QLocalSocket *> held;
        connect(&server, &QLocalServer::newConnection, this, [&] {
            while (QLocalSocket *s = server.nextPendingConnection())
                held << s;
        });
        const QString dataDir = m_dir.filePath(QStringLiteral("hang"));
        QProcessEnvironment e = env(dataDir);
        e.insert(QStringLiteral("DBUS_SESSION_BUS_ADDRESS"), QStringLiteral("unix:path=") + socket);
        e.insert(QStringLiteral("BATCHDESK_KEYCHAIN_TIMEOUT_MS"), QStringLiteral("1500"));
        QProcess p;
        p.setProcessEnvironment(e);
        QElapsedTimer t;
        t.start();
        p.start(QStringLiteral(BATCHDESK_CLI),
                {QStringLiteral("accounts"), QStringLiteral("add"), QStringLiteral("h"),
                 QStringLiteral("--key-stdin")});
        p.write("sk-hang\n");
        p.closeWriteChannel();
        // Serve the event loop so the silent server accepts, while waiting for the CLI to give up.
        QTRY_VERIFY_WITH_TIMEOUT(p.state() == QProcess::NotRunning, 30'000);
        const QByteArray err = p.readAllStandardError();
        QCOMPARE(p.exitCode(), 2);
        QVERIFY2(err.contains("did not answer") || err.contains("keychain"), err.constData());
        QVERIFY2(t.elapsed() < 25'000, "the CLI waited far longer than its keychain timeout");
        qDeleteAll(held);
    }
};

QTEST_GUILESS_MAIN(TestKeychainSecretStore)
#include "tst_keychainsecretstore.moc"
