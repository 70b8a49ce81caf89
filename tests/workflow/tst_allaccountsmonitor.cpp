// Workflow::AllAccountsMonitor against two sandboxes over loopback, as two accounts of different providers
// (OpenAI with its key in the environment, DeepInfra with its key in the keychain): the batches of both show
// with their account and provider, what was listed lands in each account's cache and shows at once on the
// next activation, and an account that cannot be listed (a dead port, an unset key variable) reports one
// problem line naming the account while the others still list.
#include "../e2e/e2e_util.h"
#include "api/apiclient.h"
#include "api/apijob.h"
#include "sandbox/sandboxserver.h"
#include "secrets/secretstore.h"
#include "store/accountstore.h"
#include "store/batchcache.h"
#include "store/database.h"
#include "workflow/accountservice.h"
#include "workflow/allaccountsmonitor.h"

#include <QHash>
#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace Batchdesk;
using Workflow::AccountBatch;
using Workflow::AllAccountsMonitor;

namespace {

class MemorySecrets final : public Secrets::SecretStore
{
public:
    QHash<QString, QString> entries;

    void read(const QString &key, std::function<void(Result<QString>)> done) override
    {
        const auto it = entries.constFind(key);
        const Result<QString> r = it == entries.cend()
            ? Result<QString>(Error {QStringLiteral("not_found"), QStringLiteral("no entry")})
            : Result<QString>(*it);
        QTimer::singleShot(0, [done, r] { done(r); });
    }
    void write(const QString &key, const QString &secret, std::function<void(Result<bool>)> done) override
    {
        entries.insert(key, secret);
        QTimer::singleShot(0, [done] { done(true); });
    }
    void remove(const QString &key, std::function<void(Result<bool>)> done) override
    {
        entries.remove(key);
        QTimer::singleShot(0, [done] { done(true); });
    }
};

const AccountBatch *findBatch(const QList<AccountBatch> &list, const QString &batchId)
{
    for (const AccountBatch &b : list) {
        if (b.batch.id == batchId)
            return &b;
    }
    return nullptr;
}

} // namespace

class TestAllAccountsMonitor : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QNetworkAccessManager m_nam;
    std::shared_ptr<Store::Database> m_db;
    std::unique_ptr<Store::AccountStore> m_accounts;
    std::unique_ptr<Store::BatchCache> m_cache;
    MemorySecrets m_secrets;
    std::unique_ptr<Workflow::AccountService> m_service;
    std::unique_ptr<Sandbox::SandboxServer> m_serverA;
    std::unique_ptr<Sandbox::SandboxServer> m_serverB;
    Store::Account m_openai;
    Store::Account m_deepinfra;
    QString m_batchA;
    QString m_batchB;

    std::unique_ptr<Sandbox::SandboxServer> startServer(const QString &name, const QString &key)
    {
        Sandbox::SandboxConfig config;
        config.apiKey = key;
        config.latencyMs = 20;
        config.dataDir = m_dir.filePath(name);
        auto server = std::make_unique<Sandbox::SandboxServer>(config);
        if (!server->start())
            return nullptr;
        return server;
    }

    // Uploads a small file and creates a batch on a server; returns its id.
    QString createBatch(const QString &baseUrl, const QString &key, const QString &description)
    {
        const QString path = m_dir.filePath(description + QStringLiteral(".jsonl"));
        if (!writeFile(path, chatFile(3)))
            return {};
        Api::ApiClient client(&m_nam);
        client.setBaseUrl(QUrl(baseUrl));
        client.setApiKey(key);
        Api::UploadFileJob *upload = client.uploadFile(path);
        upload->setAutoDelete(false);
        QSignalSpy uploaded(upload, &Api::ApiJob::finished);
        upload->start();
        if (!uploaded.wait(20000) || upload->failed()) {
            delete upload;
            return {};
        }
        Api::CreateBatchParams params;
        params.inputFileId = upload->file().id;
        params.endpoint = QStringLiteral("/v1/chat/completions");
        params.metadata.insert(QStringLiteral("description"), description);
        delete upload;
        Api::CreateBatchJob *create = client.createBatch(params);
        create->setAutoDelete(false);
        QSignalSpy created(create, &Api::ApiJob::finished);
        create->start();
        QString id;
        if (created.wait(20000) && !create->failed())
            id = create->batch().id;
        delete create;
        return id;
    }

    Store::Account addAccount(const QString &name, Store::Preset preset, const QUrl &baseUrl,
                              Store::KeySource source, const QString &variable = {})
    {
        Store::Account a;
        a.name = name;
        a.preset = preset;
        a.baseUrl = baseUrl;
        a.keySource = source;
        a.keyEnvironmentVariable = variable;
        const auto added = m_accounts->add(a);
        return added.ok() ? added.value() : Store::Account();
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        auto db = Store::Database::open(m_dir.filePath(QStringLiteral("batchdesk.sqlite")));
        QVERIFY(db.ok());
        m_db = db.value();
        m_accounts = std::make_unique<Store::AccountStore>(m_db);
        m_cache = std::make_unique<Store::BatchCache>(m_db);
        m_serverA = startServer(QStringLiteral("sandbox-a"), QStringLiteral("key-a"));
        m_serverB = startServer(QStringLiteral("sandbox-b"), QStringLiteral("key-b"));
        QVERIFY(m_serverA && m_serverB);

        qputenv("BATCHDESK_TEST_OPENAI_KEY", "key-a");
        m_openai = addAccount(QStringLiteral("Research"), Store::Preset::OpenAI, QUrl(m_serverA->baseUrl()),
                              Store::KeySource::Environment, QStringLiteral("BATCHDESK_TEST_OPENAI_KEY"));
        m_deepinfra = addAccount(QStringLiteral("Inference"), Store::Preset::DeepInfra,
                                 QUrl(m_serverB->baseUrl()), Store::KeySource::Keychain);
        QVERIFY(m_openai.id > 0 && m_deepinfra.id > 0);
        m_secrets.entries.insert(m_deepinfra.secretKey(), QStringLiteral("key-b"));
        m_service =
            std::make_unique<Workflow::AccountService>(m_accounts.get(), m_cache.get(), &m_secrets, &m_nam);
        QVERIFY(m_service->reload().ok());

        m_batchA = createBatch(m_serverA->baseUrl(), QStringLiteral("key-a"), QStringLiteral("summaries"));
        m_batchB = createBatch(m_serverB->baseUrl(), QStringLiteral("key-b"), QStringLiteral("embeddings"));
        QVERIFY(!m_batchA.isEmpty() && !m_batchB.isEmpty());
    }

    void cleanupTestCase()
    {
        m_service.reset();
        m_nam.clearConnectionCache();
        m_serverA.reset();
        m_serverB.reset();
    }

    // Both accounts' batches, each with its account and provider; both cached; at once the next time.
    void listsEveryAccount()
    {
        QVERIFY(m_cache->load(m_openai.id).value().isEmpty());
        {
            AllAccountsMonitor monitor(m_service.get(), m_cache.get(), &m_nam);
            QSignalSpy round(&monitor, &AllAccountsMonitor::roundFinished);
            QSignalSpy problems(&monitor, &AllAccountsMonitor::accountProblem);
            monitor.setActive(true);
            QVERIFY(monitor.isRefreshing());
            QVERIFY(round.wait(15000));
            QCOMPARE(problems.count(), 0);

            const QList<AccountBatch> list = monitor.batches();
            QCOMPARE(list.size(), 2);
            const AccountBatch *a = findBatch(list, m_batchA);
            const AccountBatch *b = findBatch(list, m_batchB);
            QVERIFY(a && b);
            QCOMPARE(a->accountId, m_openai.id);
            QCOMPARE(a->accountName, QStringLiteral("Research"));
            QCOMPARE(a->providerName, QStringLiteral("OpenAI"));
            QCOMPARE(a->batch.metadata.value(QStringLiteral("description")), QStringLiteral("summaries"));
            QCOMPARE(b->accountId, m_deepinfra.id);
            QCOMPARE(b->accountName, QStringLiteral("Inference"));
            QCOMPARE(b->providerName, QStringLiteral("DeepInfra"));

            // Stored per account, for the account's own view and the next start.
            QCOMPARE(m_cache->load(m_openai.id).value().size(), 1);
            QCOMPARE(m_cache->load(m_deepinfra.id).value().first().id, m_batchB);
            monitor.setActive(false);
            QVERIFY(!monitor.isRefreshing());
        }

        // From the cache, before any reply: both accounts at once.
        AllAccountsMonitor again(m_service.get(), m_cache.get(), &m_nam);
        QSignalSpy changed(&again, &AllAccountsMonitor::batchesChanged);
        again.setActive(true);
        QCOMPARE(changed.count(), 1);
        const auto cached = changed.first().first().value<QList<AccountBatch>>();
        QVERIFY(findBatch(cached, m_batchA) && findBatch(cached, m_batchB));
        QCOMPARE(findBatch(cached, m_batchB)->providerName, QStringLiteral("DeepInfra"));

        // A new batch shows with the next round.
        const QString newer =
            createBatch(m_serverB->baseUrl(), QStringLiteral("key-b"), QStringLiteral("more"));
        QVERIFY(!newer.isEmpty());
        QSignalSpy round(&again, &AllAccountsMonitor::roundFinished);
        QTRY_VERIFY_WITH_TIMEOUT(!again.isRefreshing(), 15000);
        again.refresh();
        QVERIFY(round.wait(15000));
        QCOMPARE(again.batches().size(), 3);
        QCOMPARE(findBatch(again.batches(), newer)->accountName, QStringLiteral("Inference"));
    }

    // Endpoints that accept and never answer: two accounts at a time, never more; they time out and the
    // round still ends.
    void atMostTwoAccountsInFlight()
    {
        QTcpServer silent;
        QVERIFY(silent.listen(QHostAddress::LocalHost));
        int connections = 0;
        QList<QTcpSocket *> held;
        connect(&silent, &QTcpServer::newConnection, this, [&] {
            while (QTcpSocket *s = silent.nextPendingConnection()) {
                ++connections;
                held << s;
            }
        });
        QList<qint64> ids;
        for (int i = 0; i < 3; ++i) {
            const Store::Account a =
                addAccount(QStringLiteral("Silent %1").arg(i), Store::Preset::Together,
                           QUrl(QStringLiteral("http://127.0.0.1:%1/v1").arg(silent.serverPort())),
                           Store::KeySource::None);
            QVERIFY(a.id > 0);
            ids << a.id;
        }
        QVERIFY(m_service->reload().ok());

        AllAccountsMonitor monitor(m_service.get(), m_cache.get(), &m_nam);
        monitor.setRequestTimeoutMs(1500);
        QSignalSpy round(&monitor, &AllAccountsMonitor::roundFinished);
        monitor.setActive(true);
        // The two real accounts answer at once; then two silent ones hold both slots.
        QTRY_COMPARE_WITH_TIMEOUT(connections, 2, 5000);
        QTest::qWait(500);
        QCOMPARE(connections, 2);
        QVERIFY(monitor.isRefreshing());
        // After the timeout the third one gets its turn, and the round ends with three problems.
        QVERIFY(round.wait(15000));
        QCOMPARE(connections, 3);
        QCOMPARE(monitor.problems().size(), 3);
        QVERIFY(findBatch(monitor.batches(), m_batchA) && findBatch(monitor.batches(), m_batchB));

        monitor.setActive(false);
        for (qint64 id : std::as_const(ids)) {
            bool removed = false;
            m_service->remove(id, [&](const QString &) { removed = true; });
            QTRY_VERIFY(removed);
        }
        qDeleteAll(held);
    }

    // A dead port and a missing key variable: one clear problem per account, the others still list.
    void failingAccountsDoNotBlockOthers()
    {
        QTcpServer probe;
        QVERIFY(probe.listen(QHostAddress::LocalHost));
        const quint16 deadPort = probe.serverPort();
        probe.close();
        const Store::Account dead =
            addAccount(QStringLiteral("Old endpoint"), Store::Preset::Groq,
                       QUrl(QStringLiteral("http://127.0.0.1:%1/v1").arg(deadPort)), Store::KeySource::None);
        const Store::Account noKey =
            addAccount(QStringLiteral("Unset"), Store::Preset::OpenAI, QUrl(m_serverA->baseUrl()),
                       Store::KeySource::Environment, QStringLiteral("BATCHDESK_TEST_UNSET_KEY"));
        QVERIFY(dead.id > 0 && noKey.id > 0);
        QVERIFY(m_service->reload().ok());

        AllAccountsMonitor monitor(m_service.get(), m_cache.get(), &m_nam);
        monitor.setRequestTimeoutMs(5000);
        QSignalSpy round(&monitor, &AllAccountsMonitor::roundFinished);
        QSignalSpy problems(&monitor, &AllAccountsMonitor::accountProblem);
        monitor.setActive(true);
        QVERIFY(round.wait(15000));

        QCOMPARE(problems.count(), 2);
        QHash<QString, QString> byName;
        for (const auto &args : problems)
            byName.insert(args.at(1).toString(), args.at(2).toString());
        QVERIFY2(byName.value(QStringLiteral("Old endpoint")).startsWith(QStringLiteral("Could not list")),
                 qPrintable(byName.value(QStringLiteral("Old endpoint"))));
        QVERIFY2(byName.value(QStringLiteral("Unset")).contains(QStringLiteral("BATCHDESK_TEST_UNSET_KEY")),
                 qPrintable(byName.value(QStringLiteral("Unset"))));
        QCOMPARE(monitor.problems().size(), 2);
        QVERIFY(monitor.problems().contains(dead.id));

        // The healthy accounts were listed all the same.
        const QList<AccountBatch> list = monitor.batches();
        QVERIFY(findBatch(list, m_batchA) && findBatch(list, m_batchB));
        for (const AccountBatch &b : list)
            QVERIFY(b.accountId == m_openai.id || b.accountId == m_deepinfra.id);

        // The key arrives: the next round clears that account's problem.
        qputenv("BATCHDESK_TEST_UNSET_KEY", "key-a");
        QSignalSpy recovered(&monitor, &AllAccountsMonitor::accountRecovered);
        monitor.refresh();
        QVERIFY(round.wait(15000));
        QCOMPARE(recovered.count(), 1);
        QCOMPARE(recovered.first().first().toLongLong(), noKey.id);
        QVERIFY(!monitor.problems().contains(noKey.id));
        QVERIFY(monitor.problems().contains(dead.id));
    }
};

QTEST_GUILESS_MAIN(TestAllAccountsMonitor)
#include "tst_allaccountsmonitor.moc"
