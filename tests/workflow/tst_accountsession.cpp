// Workflow::AccountSession and AccountService without a GUI, against the sandbox over loopback with a real
// SQLite database: a session connects, submits and downloads the results of its batch by itself; a session
// destroyed with replies on their way hears nothing more; a job queued under the limit survives the session
// and the next session of the account resumes it without a second batch for any part; accounts are added,
// renamed and removed through the service.
#include "../e2e/e2e_util.h"
#include "api/apiclient.h"
#include "api/apijob.h"
#include "jsonl/splitter.h"
#include "sandbox/sandboxserver.h"
#include "secrets/secretstore.h"
#include "store/accountstore.h"
#include "store/batchcache.h"
#include "store/database.h"
#include "store/intentstore.h"
#include "store/jobstore.h"
#include "store/resultsstore.h"
#include "store/samplestore.h"
#include "workflow/accountservice.h"
#include "workflow/accountsession.h"
#include "workflow/jobscheduler.h"
#include "workflow/resultsfetcher.h"

#include <QHash>
#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace Batchdesk;
using Store::Job;
using Store::JobPart;
using Workflow::AccountSession;

namespace {

// A keychain in memory, answering from the event loop as the real one does.
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
        const bool had = entries.remove(key) > 0;
        QTimer::singleShot(0, [done, had] {
            done(had ? Result<bool>(true) : Result<bool>(Error {QStringLiteral("not_found"), QString()}));
        });
    }
};

} // namespace

class TestAccountSession : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QNetworkAccessManager m_nam;
    std::shared_ptr<Store::Database> m_db;
    std::unique_ptr<Store::AccountStore> m_accounts;
    std::unique_ptr<Store::IntentStore> m_intents;
    std::unique_ptr<Store::BatchCache> m_cache;
    std::unique_ptr<Store::SampleStore> m_samples;
    std::unique_ptr<Store::ResultsStore> m_results;
    std::unique_ptr<Store::JobStore> m_jobs;
    std::unique_ptr<Sandbox::SandboxServer> m_server;
    MemorySecrets m_secrets;
    Store::Account m_account;

    Workflow::SessionStores stores() const
    {
        return {m_intents.get(), m_cache.get(), m_samples.get(), m_results.get(), m_jobs.get()};
    }

    std::unique_ptr<AccountSession> session(int maxInFlight = 0)
    {
        Workflow::SessionSettings settings;
        settings.monitor.fastIntervalMs = 100;
        settings.monitor.slowIntervalMs = 300;
        settings.maxInFlight = maxInFlight;
        auto s = std::make_unique<AccountSession>(m_account, stores(), &m_secrets, &m_nam, settings);
        return s;
    }

    // The account's batches on the server, by listing them.
    QList<Api::Batch> serverBatches()
    {
        Api::ApiClient client(&m_nam);
        client.setBaseUrl(QUrl(m_server->baseUrl()));
        client.setApiKey(QStringLiteral("k"));
        Api::ListJob *list = client.listBatches(100);
        list->setAutoDelete(false);
        QSignalSpy done(list, &Api::ApiJob::finished);
        list->start();
        QList<Api::Batch> out;
        if (done.wait(20000))
            out = list->batches();
        delete list;
        return out;
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        qputenv("BATCHDESK_DATA_DIR", m_dir.filePath(QStringLiteral("data")).toUtf8());
        auto db = Store::Database::open(m_dir.filePath(QStringLiteral("batchdesk.sqlite")));
        QVERIFY(db.ok());
        m_db = db.value();
        m_accounts = std::make_unique<Store::AccountStore>(m_db);
        m_intents = std::make_unique<Store::IntentStore>(m_db);
        m_cache = std::make_unique<Store::BatchCache>(m_db);
        m_samples = std::make_unique<Store::SampleStore>(m_db);
        m_results = std::make_unique<Store::ResultsStore>(m_db);
        m_jobs = std::make_unique<Store::JobStore>(m_db);
        Sandbox::SandboxConfig config;
        config.apiKey = QStringLiteral("k");
        config.latencyMs = 40;
        config.concurrency = 1;
        config.dataDir = m_dir.filePath(QStringLiteral("sandbox"));
        m_server = std::make_unique<Sandbox::SandboxServer>(config);
        QVERIFY(m_server->start());
        // The account reads its key from the keychain, as most do.
        Store::Account a;
        a.name = QStringLiteral("sandbox account");
        a.preset = Store::Preset::Custom;
        a.baseUrl = QUrl(m_server->baseUrl());
        a.keySource = Store::KeySource::Keychain;
        const auto added = m_accounts->add(a);
        QVERIFY(added.ok());
        m_account = added.value();
        m_secrets.entries.insert(m_account.secretKey(), QStringLiteral("k"));
    }

    void cleanupTestCase()
    {
        m_nam.clearConnectionCache();
        m_server.reset();
    }

    // The key comes from the keychain; the session connects, its batch is monitored and its results are
    // downloaded by themselves into the account's results folder.
    void connectsSubmitsAndDownloads()
    {
        auto s = session();
        QSignalSpy connected(s.get(), &AccountSession::connected);
        s->start();
        QVERIFY(!s->isConnected()); // the keychain answers later
        QVERIFY(connected.wait(5000));
        QVERIFY(s->client() && s->monitor() && s->fetcher() && s->scheduler());
        QCOMPARE(s->maxInFlight(), 100); // the deepinfra profile's limit

        const QString path = m_dir.filePath(QStringLiteral("one.jsonl"));
        QVERIFY(writeFile(path, chatFile(4)));
        Api::CreateBatchParams params;
        params.endpoint = QStringLiteral("/v1/chat/completions");
        QSignalSpy created(s.get(), &AccountSession::batchCreated);
        s->submit(path, params);
        QVERIFY(created.wait(10000));
        const QString id = created.first().first().value<Api::Batch>().id;
        QVERIFY(s->hasLocalInput(id));
        QTRY_VERIFY_WITH_TIMEOUT(s->downloadedBatches().contains(id), 20000);
        QVERIFY(m_results->download(m_account.id, id).has_value());
        QVERIFY(!s->fetcher()->isBusy(id));
    }

    // A session destroyed with its keychain read and its file listing on their way: nothing reaches anyone.
    void lateRepliesDieWithTheSession()
    {
        auto first = session();
        QSignalSpy connected(first.get(), &AccountSession::connected);
        first->start();
        first.reset(); // before the keychain answered
        QTest::qWait(100);
        QCOMPARE(connected.count(), 0);

        auto second = session();
        QSignalSpy connected2(second.get(), &AccountSession::connected);
        second->start();
        QVERIFY(connected2.wait(5000));
        QSignalSpy files(second.get(), &AccountSession::filesChanged);
        second->refreshFiles(); // coalesced with the listing of the start
        second.reset();
        QTest::qWait(300);
        QCOMPARE(files.count(), 0);
    }

    // A Run here account whose key cannot be found still shows its batches (they are on this machine); the
    // problem says what is missing. A batch API account in the same state does not connect.
    void runHereAccountConnectsWithoutItsKey()
    {
        Store::Account account = m_account;
        account.preset = Store::Preset::Realtime;
        account.keySource = Store::KeySource::Environment;
        account.keyEnvironmentVariable = QStringLiteral("BATCHDESK_TEST_UNSET_KEY_VARIABLE");
        Workflow::SessionSettings settings;
        AccountSession local(account, stores(), &m_secrets, &m_nam, settings);
        QSignalSpy problem(&local, &AccountSession::problem);
        QSignalSpy connected(&local, &AccountSession::connected);
        local.start();
        QVERIFY(connected.count() == 1 || connected.wait(5000));
        QCOMPARE(problem.count(), 1);
        QVERIFY(problem.first().first().toString().contains(
            QLatin1StringView("BATCHDESK_TEST_UNSET_KEY_VARIABLE")));
        QVERIFY(local.client()->runsLocally());

        account.preset = Store::Preset::Custom;
        AccountSession remote(account, stores(), &m_secrets, &m_nam, settings);
        QSignalSpy remoteConnected(&remote, &AccountSession::connected);
        remote.start();
        QTest::qWait(100);
        QCOMPARE(remoteConnected.count(), 0);
        QVERIFY(!remote.isConnected());
    }

    // One batch at a time: the job's parts wait; the session goes (a quit); the next session of the account
    // resumes the job after reconciling, and every part has exactly one batch on the server.
    void jobSurvivesTheSession()
    {
        const QString path = m_dir.filePath(QStringLiteral("job.jsonl"));
        QVERIFY(writeFile(path, chatFile(9)));
        Workflow::JobSpec spec;
        spec.name = QStringLiteral("job.jsonl");
        spec.sourcePath = path;
        spec.folder = m_dir.filePath(QStringLiteral("parts"));
        spec.profile = QStringLiteral("deepinfra");
        spec.params.endpoint = QStringLiteral("/v1/chat/completions");
        Jsonl::SplitLimits limits;
        limits.maxLines = 3;
        const auto parts = Jsonl::splitJsonl(path, spec.folder, QStringLiteral("job"),
                                             Jsonl::LimitProfile::deepinfra(), false, limits);
        QVERIFY(parts.ok());
        spec.parts = parts.value();

        auto s = session(1);
        QSignalSpy connected(s.get(), &AccountSession::connected);
        s->start();
        QVERIFY(connected.wait(5000));
        QCOMPARE(s->maxInFlight(), 1);
        const auto job = s->addJob(spec);
        QVERIFY2(job.ok(), qPrintable(job.errorString()));
        const QString id = job.value().id;
        QTRY_VERIFY_WITH_TIMEOUT(!m_jobs->parts(id).value().first().batchId.isEmpty(), 10000);
        const auto waiting = m_jobs->parts(id).value();
        QCOMPARE(waiting.at(1).state, JobPart::State::Queued);
        QCOMPARE(waiting.at(2).state, JobPart::State::Queued);
        s.reset();

        auto next = session(1);
        next->start();
        QTRY_COMPARE_WITH_TIMEOUT(m_jobs->job(id)->state, Job::State::Finished, 60000);
        QStringList labels;
        for (const Api::Batch &b : serverBatches()) {
            if (b.metadata.value(Api::kJobKey) == id)
                labels << b.metadata.value(Api::kPartKey);
        }
        labels.sort();
        QCOMPARE(labels, (QStringList {QStringLiteral("1/3"), QStringLiteral("2/3"), QStringLiteral("3/3")}));
        // The parts' batches were submitted from local files: their results come by themselves too.
        const QList<JobPart> done = m_jobs->parts(id).value();
        for (const JobPart &p : done)
            QTRY_VERIFY_WITH_TIMEOUT(next->downloadedBatches().contains(p.batchId), 20000);
    }

    // Add, rename (the key moves with the name) and remove (the key and the cache go) through the service.
    void accountServiceKeepsKeysWithAccounts()
    {
        Workflow::AccountService service(m_accounts.get(), m_cache.get(), &m_secrets, &m_nam);
        QVERIFY(service.reload().ok());
        const int before = int(service.accounts().size());
        QSignalSpy changed(&service, &Workflow::AccountService::accountsChanged);

        Store::Account a;
        a.name = QStringLiteral("service test");
        a.preset = Store::Preset::Custom;
        a.baseUrl = QUrl(m_server->baseUrl());
        a.keySource = Store::KeySource::Keychain;
        std::optional<Result<qint64>> saved;
        service.save(a, QStringLiteral("k"), [&](Result<qint64> id) { saved = id; });
        QTRY_VERIFY(saved.has_value());
        QVERIFY(saved->ok());
        QCOMPARE(service.accounts().size(), before + 1);
        QCOMPARE(m_secrets.entries.value(QStringLiteral("account/service test")), QStringLiteral("k"));
        QVERIFY(changed.count() >= 1);

        auto renamed = *service.account(saved->value());
        renamed.name = QStringLiteral("service test renamed");
        saved.reset();
        service.save(renamed, std::nullopt, [&](Result<qint64> id) { saved = id; });
        QTRY_VERIFY(saved.has_value());
        QTRY_COMPARE(m_secrets.entries.value(QStringLiteral("account/service test renamed")),
                     QStringLiteral("k"));
        QTRY_VERIFY(!m_secrets.entries.contains(QStringLiteral("account/service test")));

        std::optional<QString> key;
        service.readKey(renamed, [&](const QString &k, const QString &) { key = k; });
        QTRY_COMPARE(key.value_or(QString()), QStringLiteral("k"));

        std::optional<QString> testText;
        service.testConnection(QUrl(m_server->baseUrl()), QStringLiteral("k"),
                               [&](const QString &text, bool ok) { testText = ok ? text : QString(); });
        QTRY_VERIFY_WITH_TIMEOUT(testText.has_value(), 10000);
        QVERIFY2(testText->startsWith(QStringLiteral("Connected")), qPrintable(*testText));

        // A Run here account's batches are local: only its endpoint's model list can say it is there.
        Store::Account runHere;
        runHere.preset = Store::Preset::Realtime;
        std::optional<std::pair<QString, bool>> rt;
        service.testConnection(runHere, QUrl(m_server->baseUrl()), QStringLiteral("k"),
                               [&](const QString &text, bool ok) {
                                   rt = {text, ok};
                               });
        QTRY_VERIFY_WITH_TIMEOUT(rt.has_value(), 10000);
        QVERIFY2(rt->second, qPrintable(rt->first));
        rt.reset();
        QTcpServer closed; // a port nobody answers on once it is closed
        QVERIFY(closed.listen(QHostAddress::LocalHost));
        const quint16 deadPort = closed.serverPort();
        closed.close();
        service.testConnection(runHere, QUrl(QStringLiteral("http://127.0.0.1:%1/v1").arg(deadPort)),
                               QString(), [&](const QString &text, bool ok) {
                                   rt = {text, ok};
                               });
        QTRY_VERIFY_WITH_TIMEOUT(rt.has_value(), 20000);
        QVERIFY2(!rt->second, qPrintable(rt->first));
        QVERIFY2(rt->first.contains(QLatin1StringView("did not answer")), qPrintable(rt->first));

        std::optional<QString> removed;
        service.remove(renamed.id, [&](const QString &error) { removed = error; });
        QTRY_VERIFY(removed.has_value());
        QCOMPARE(*removed, QString());
        QCOMPARE(service.accounts().size(), before);
        QVERIFY(!m_secrets.entries.contains(QStringLiteral("account/service test renamed")));
    }
};

QTEST_GUILESS_MAIN(TestAccountSession)
#include "tst_accountsession.moc"
