#include "store/accountstore.h"
#include "store/database.h"
#include "store/intentstore.h"
#include "store/resultsstore.h"
#include "store/samplestore.h"

#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace Batchdesk::Store;

class TestStore : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString path() const { return m_dir.filePath(QStringLiteral("sub/batchdesk.sqlite")); }

private slots:
    void init() { QFile::remove(path()); }

    void opensMigratesAndUsesWal()
    {
        auto db = Database::open(path());
        QVERIFY2(db.ok(), qPrintable(db.errorString()));
        QCOMPARE(db.value()->schemaVersion(), Database::kSchemaVersion);
        QSqlQuery q(db.value()->connection());
        QVERIFY(q.exec(QStringLiteral("PRAGMA journal_mode")) && q.next());
        QCOMPARE(q.value(0).toString(), QStringLiteral("wal"));
        // Opening again does not migrate twice.
        auto again = Database::open(path());
        QVERIFY(again.ok());
        QCOMPARE(again.value()->schemaVersion(), Database::kSchemaVersion);
    }

    void refusesNewerSchema()
    {
        {
            auto db = Database::open(path());
            QVERIFY(db.ok());
            QSqlQuery q(db.value()->connection());
            QVERIFY(q.exec(QStringLiteral("PRAGMA user_version=99")));
        }
        auto db = Database::open(path());
        QVERIFY(!db.ok());
        QVERIFY2(db.errorString().contains(QLatin1StringView("newer")), qPrintable(db.errorString()));
    }

    void progressSamples()
    {
        auto db = Database::open(path());
        QVERIFY(db.ok());
        AccountStore accounts(db.value());
        Account a;
        a.name = QStringLiteral("samples");
        a.preset = Preset::Sandbox;
        const auto added = accounts.add(a);
        QVERIFY(added.ok());
        const qint64 id = added.value().id;
        SampleStore store(db.value());
        QList<QPair<QString, StoredSample>> rows;
        for (int i = 0; i < 6; ++i)
            rows.append({QStringLiteral("batch_a"), StoredSample {1000 + i, i, 0, 10}});
        rows.append({QStringLiteral("batch_b"), StoredSample {5000, 1, 1, 2}});
        QVERIFY(store.append(id, rows, 4).ok());
        // The newest 4 of batch_a, oldest first; batch_b alone.
        const auto a1 = store.load(id, QStringLiteral("batch_a"));
        QVERIFY(a1.ok());
        QCOMPARE(a1.value().size(), 4);
        QCOMPARE(a1.value().first(), (StoredSample {1002, 2, 0, 10}));
        QCOMPARE(a1.value().last(), (StoredSample {1005, 5, 0, 10}));
        const auto all = store.loadAll(id);
        QVERIFY(all.ok());
        QCOMPARE(all.value().size(), 2);
        QCOMPARE(all.value().value(QStringLiteral("batch_b")).size(), 1);
        // Survives reopening; goes with remove() and with the account.
        {
            auto again = Database::open(path());
            QVERIFY(again.ok());
            QCOMPARE(SampleStore(again.value()).load(id, QStringLiteral("batch_a")).value().size(), 4);
        }
        QVERIFY(store.remove(id, QStringLiteral("batch_b")).ok());
        QCOMPARE(store.loadAll(id).value().size(), 1);
        QVERIFY(accounts.remove(QStringLiteral("samples")).ok());
        QVERIFY(store.loadAll(id).value().isEmpty());
    }

    void accounts()
    {
        auto db = Database::open(path());
        QVERIFY(db.ok());
        AccountStore store(db.value());
        QVERIFY(store.list().value().isEmpty());

        Account a;
        a.name = QStringLiteral("work");
        a.preset = Preset::DeepInfra;
        const auto added = store.add(a);
        QVERIFY2(added.ok(), qPrintable(added.errorString()));
        QVERIFY(added.value().id > 0);
        QCOMPARE(added.value().baseUrl, QUrl(QStringLiteral("https://api.deepinfra.com/v1/openai")));

        QVERIFY(!store.add(a).ok()); // duplicate name
        Account bad;
        bad.name = QStringLiteral("bad");
        bad.preset = Preset::Custom;
        bad.baseUrl = QUrl(QStringLiteral("ftp://example.com"));
        QVERIFY(!store.add(bad).ok());
        Account unnamed;
        QVERIFY(!store.add(unnamed).ok());

        Account env;
        env.name = QStringLiteral("ci");
        env.preset = Preset::OpenAI;
        env.keySource = KeySource::Environment;
        env.keyEnvironmentVariable = QStringLiteral("OPENAI_API_KEY");
        QVERIFY(store.add(env).ok());

        const auto list = store.list();
        QCOMPARE(list.value().size(), 2);
        QCOMPARE(list.value().at(0).name, QStringLiteral("ci"));
        QCOMPARE(list.value().at(0).keySource, KeySource::Environment);
        QCOMPARE(list.value().at(0).limitProfile,
                 QStringLiteral("deepinfra")); // struct default, not preset's
        Account work = store.byName(QStringLiteral("work")).value();
        work.defaultModel = QStringLiteral("m");
        QVERIFY(store.update(work).value());
        QCOMPARE(store.byId(work.id).value().defaultModel, QStringLiteral("m"));
        QVERIFY(store.remove(QStringLiteral("work")).ok());
        QVERIFY(!store.byName(QStringLiteral("work")).ok());
        QVERIFY(!store.remove(QStringLiteral("work")).ok());
    }

    void intents()
    {
        auto db = Database::open(path());
        QVERIFY(db.ok());
        AccountStore accounts(db.value());
        Account a;
        a.name = QStringLiteral("x");
        const qint64 id = accounts.add(a).value().id;
        IntentStore store(db.value());
        Intent i;
        i.clientId = QStringLiteral("c1");
        i.accountId = id;
        i.inputFileId = QStringLiteral("file_1");
        i.endpoint = QStringLiteral("/v1/embeddings");
        i.paramsJson = QStringLiteral("{}");
        QVERIFY(store.record(i).ok());
        QVERIFY(!store.record(i).ok()); // client ids are unique
        QCOMPARE(store.pending(id).value().size(), 1);
        QVERIFY(store.markCreated(QStringLiteral("c1"), QStringLiteral("batch_9")).value());
        QVERIFY(store.pending(id).value().isEmpty());
        QCOMPARE(store.byClientId(QStringLiteral("c1")).value().batchId, QStringLiteral("batch_9"));
        QVERIFY(store
                    .rememberInput(id, QStringLiteral("batch_9"), QStringLiteral("/data/in.jsonl"),
                                   QStringLiteral("ab"))
                    .ok());
        QCOMPARE(store.inputPathOf(id, QStringLiteral("batch_9")), QStringLiteral("/data/in.jsonl"));
        // Removing the account removes its intents (foreign keys are on).
        QVERIFY(accounts.remove(QStringLiteral("x")).ok());
        QVERIFY(!store.byClientId(QStringLiteral("c1")).ok());
    }

    void resultDownloadsAndResubmitChains()
    {
        auto db = Database::open(path());
        QVERIFY(db.ok());
        AccountStore accounts(db.value());
        Account a;
        a.name = QStringLiteral("acc");
        a.preset = Preset::Sandbox;
        const auto added = accounts.add(a);
        QVERIFY(added.ok());
        const qint64 id = added.value().id;
        ResultsStore store(db.value());

        QVERIFY(!store.download(id, QStringLiteral("b1")));
        ResultDownload d;
        d.batchId = QStringLiteral("b1");
        d.folder = QStringLiteral("/data/results/1/b1");
        d.outputPath = d.folder + QStringLiteral("/b1_output.jsonl");
        d.outputFileId = QStringLiteral("file-out");
        QVERIFY(store.recordDownload(id, d).ok());
        const auto back = store.download(id, QStringLiteral("b1"));
        QVERIFY(back);
        QCOMPARE(back->files(), QStringList {d.outputPath}); // no error file: not listed
        QVERIFY(back->downloadedAt > 0);
        QVERIFY(!back->remoteDeleted);
        QCOMPARE(store.downloadedBatchIds(id), QSet<QString> {QStringLiteral("b1")});
        QVERIFY(store.markRemoteDeleted(id, QStringLiteral("b1")).value());
        QVERIFY(store.download(id, QStringLiteral("b1"))->remoteDeleted);

        // b1 <- b2 <- b4, b1 <- b3: every member of the chain gives the same order, root first.
        QVERIFY(store.linkResubmit(id, QStringLiteral("b2"), QStringLiteral("b1")).ok());
        QTest::qWait(2);
        QVERIFY(store.linkResubmit(id, QStringLiteral("b3"), QStringLiteral("b1")).ok());
        QTest::qWait(2);
        QVERIFY(store.linkResubmit(id, QStringLiteral("b4"), QStringLiteral("b2")).ok());
        const QStringList chain {QStringLiteral("b1"), QStringLiteral("b2"), QStringLiteral("b4"),
                                 QStringLiteral("b3")};
        for (const QString &member : chain)
            QCOMPARE(store.chain(id, member), chain);
        QCOMPARE(store.parentOf(id, QStringLiteral("b4")), QStringLiteral("b2"));
        QCOMPARE(store.chain(id, QStringLiteral("lonely")), QStringList {QStringLiteral("lonely")});
        // A link that would make a cycle is refused.
        const auto cycle = store.linkResubmit(id, QStringLiteral("b1"), QStringLiteral("b4"));
        QVERIFY(!cycle.ok());
        QCOMPARE(cycle.error().code, QStringLiteral("cycle"));
        // Removing the account removes its records.
        QVERIFY(accounts.remove(QStringLiteral("acc")).ok());
        QVERIFY(!store.download(id, QStringLiteral("b1")));
        QVERIFY(store.parentOf(id, QStringLiteral("b2")).isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestStore)
#include "tst_store.moc"
