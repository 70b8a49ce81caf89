// batchdesk-sandbox as a process: it never runs open. Its key comes from BATCHDESK_SANDBOX_KEY or
// --api-key-file (invisible in the process list), --api-key (documented as visible), or is generated for the
// run.
#include <QFile>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QProcess>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

class TestSandboxProcess : public QObject
{
    Q_OBJECT

private:
    QNetworkAccessManager m_nam;

    // Starts the sandbox; returns the lines it printed on stdout (port first).
    QStringList start(QProcess &p, const QStringList &args, const QProcessEnvironment &env)
    {
        p.setProcessEnvironment(env);
        p.start(QStringLiteral(BATCHDESK_SANDBOX),
                QStringList {QStringLiteral("--port"), QStringLiteral("0"), QStringLiteral("--print-port"),
                             QStringLiteral("--latency-ms"), QStringLiteral("1")}
                    + args);
        if (!p.waitForStarted(10000))
            return {};
        QByteArray out;
        const int wanted = args.contains(QStringLiteral("--print-key")) ? 2 : 1;
        for (int i = 0; i < 100 && out.count('\n') < wanted; ++i) {
            p.waitForReadyRead(100);
            out += p.readAllStandardOutput();
        }
        return QString::fromUtf8(out).split(u'\n', Qt::SkipEmptyParts);
    }

    int status(quint16 port, const QByteArray &key)
    {
        QNetworkRequest request(QUrl(QStringLiteral("http://127.0.0.1:%1/v1/models").arg(port)));
        if (!key.isEmpty())
            request.setRawHeader("Authorization", "Bearer " + key);
        std::unique_ptr<QNetworkReply> reply(m_nam.get(request));
        QSignalSpy done(reply.get(), &QNetworkReply::finished);
        if (!done.wait(10000))
            return -1;
        return reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    }

    static QByteArray commandLineOf(const QProcess &p)
    {
        QFile f(QStringLiteral("/proc/%1/cmdline").arg(p.processId()));
        return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
    }

    static void stop(QProcess &p)
    {
        p.terminate();
        if (!p.waitForFinished(10000))
            p.kill();
    }

private slots:
    void keyFromEnvironment()
    {
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("BATCHDESK_SANDBOX_KEY"), QStringLiteral("env-secret-1"));
        QProcess p;
        const QStringList lines = start(p, {}, env);
        QVERIFY(!lines.isEmpty());
        const quint16 port = quint16(lines.first().toUInt());
        QCOMPARE(status(port, {}), 401);
        QCOMPARE(status(port, "wrong"), 401);
        QCOMPARE(status(port, "env-secret-1"), 200);
        QVERIFY(!commandLineOf(p).contains("env-secret-1"));
        stop(p);
    }

    void keyFromFile()
    {
        QTemporaryDir dir;
        const QString keyFile = dir.filePath(QStringLiteral("key"));
        QFile f(keyFile);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("file-secret-2\n");
        f.close();
        QProcess p;
        const QStringList lines =
            start(p, {QStringLiteral("--api-key-file"), keyFile}, QProcessEnvironment::systemEnvironment());
        QVERIFY(!lines.isEmpty());
        const quint16 port = quint16(lines.first().toUInt());
        QCOMPARE(status(port, {}), 401);
        QCOMPARE(status(port, "file-secret-2"), 200);
        stop(p);
    }

    void noKeyGivenGeneratesOne()
    {
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.remove(QStringLiteral("BATCHDESK_SANDBOX_KEY"));
        QProcess p;
        const QStringList lines = start(p, {QStringLiteral("--print-key")}, env);
        QCOMPARE(lines.size(), 2);
        const quint16 port = quint16(lines.first().toUInt());
        const QByteArray key = lines.at(1).toUtf8();
        QVERIFY(key.size() >= 32);
        QCOMPARE(status(port, {}), 401);
        QCOMPARE(status(port, key), 200);
        stop(p);
    }
};

QTEST_GUILESS_MAIN(TestSandboxProcess)
#include "tst_sandbox_process.moc"
