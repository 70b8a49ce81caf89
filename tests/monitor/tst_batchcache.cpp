// The batch and file cache on a real SQLite file: round trip through the raw JSON, per-account separation,
// upsert replaces, remove, and a file listing that replaces the cached one.
#include "api/apiclient.h"
#include "monitor/batchmonitor.h"
#include "store/accountstore.h"
#include "store/batchcache.h"
#include "store/samplestore.h"

#include <QJsonArray>
#include <QNetworkAccessManager>
#include <QTemporaryDir>
#include <QTest>

using namespace Batchdesk;
using Api::Batch;
using Api::FileObject;

class TestBatchCache : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::shared_ptr<Store::Database> m_db;
    qint64 m_a = 0;
    qint64 m_b = 0;

    static Batch batch(const QString &id, qint64 created, const QString &status, qint64 completed = 0)
    {
        const QJsonObject o {
            {QStringLiteral("id"), id},
            {QStringLiteral("object"), QStringLiteral("batch")},
            {QStringLiteral("endpoint"), QStringLiteral("/v1/chat/completions")},
            {QStringLiteral("input_file_id"), QStringLiteral("file-in")},
            {QStringLiteral("completion_window"), QStringLiteral("24h")},
            {QStringLiteral("status"), status},
            {QStringLiteral("created_at"), created},
            {QStringLiteral("expires_at"), QJsonValue()},
            {QStringLiteral("request_counts"),
             QJsonObject {{QStringLiteral("total"), 10},
                          {QStringLiteral("completed"), completed},
                          {QStringLiteral("failed"), 1}}},
            {QStringLiteral("metadata"),
             QJsonObject {{QStringLiteral("description"), QStringLiteral("ünï")}}},
            {QStringLiteral("x_unknown_field"), QJsonArray {1, 2}},
        };
        return Batch::fromJson(o);
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        auto db = Store::Database::open(m_dir.filePath(QStringLiteral("db.sqlite")));
        QVERIFY2(db.ok(), qPrintable(db.errorString()));
        m_db = db.value();
        Store::AccountStore accounts(m_db);
        for (const QString &name : {QStringLiteral("a"), QStringLiteral("b")}) {
            Store::Account account;
            account.name = name;
            account.baseUrl = QUrl(QStringLiteral("http://127.0.0.1:1/v1"));
            auto added = accounts.add(account);
            QVERIFY2(added.ok(), qPrintable(added.errorString()));
            (name == QLatin1StringView("a") ? m_a : m_b) = added.value().id;
        }
    }

    void batchesRoundTrip()
    {
        Store::BatchCache cache(m_db);
        QVERIFY(cache
                    .upsert(m_a,
                            {batch(QStringLiteral("batch_1"), 100, QStringLiteral("in_progress"), 3),
                             batch(QStringLiteral("batch_2"), 200, QStringLiteral("completed"), 9)})
                    .ok());
        QVERIFY(cache.upsert(m_b, {batch(QStringLiteral("batch_x"), 300, QStringLiteral("failed"))}).ok());

        auto loaded = cache.load(m_a);
        QVERIFY(loaded.ok());
        QCOMPARE(loaded.value().size(), 2);
        QCOMPARE(loaded.value().at(0).id, QStringLiteral("batch_2")); // newest first
        const Batch &b1 = loaded.value().at(1);
        QCOMPARE(b1.status(), Batch::Status::InProgress);
        QCOMPARE(b1.requestCounts->completed, 3);
        QCOMPARE(b1.description(), QStringLiteral("ünï"));
        QCOMPARE(b1.deadline(), 100 + 24 * 3600);
        QCOMPARE(b1.raw.value(QStringLiteral("x_unknown_field")).toArray().size(),
                 2); // unknown fields survive

        // Upsert replaces; remove deletes; accounts stay apart.
        QVERIFY(
            cache.upsert(m_a, {batch(QStringLiteral("batch_1"), 100, QStringLiteral("completed"), 9)}).ok());
        loaded = cache.load(m_a);
        QCOMPARE(loaded.value().size(), 2);
        QCOMPARE(loaded.value().at(1).status(), Batch::Status::Completed);
        QVERIFY(cache.remove(m_a, QStringLiteral("batch_2")).ok());
        QCOMPARE(cache.load(m_a).value().size(), 1);
        QCOMPARE(cache.load(m_b).value().size(), 1);
        QVERIFY(cache.clear(m_b).ok());
        QCOMPARE(cache.load(m_b).value().size(), 0);

        // A batch without raw JSON (not from the API) is not cached.
        Batch bare;
        bare.id = QStringLiteral("batch_bare");
        QVERIFY(cache.upsert(m_a, {bare}).ok());
        QCOMPARE(cache.load(m_a).value().size(), 1);
    }

    void filesRoundTrip()
    {
        Store::BatchCache cache(m_db);
        FileObject f1;
        f1.id = QStringLiteral("file-1");
        f1.bytes = 1234;
        f1.createdAt = 10;
        f1.filename = QStringLiteral("in.jsonl");
        f1.purpose = QStringLiteral("batch");
        FileObject f2 = f1;
        f2.id = QStringLiteral("file-2");
        f2.createdAt = 20;
        f2.expiresAt = 99;
        f2.purpose = QStringLiteral("batch_output");
        QVERIFY(cache.upsertFiles(m_a, {f1, f2}).ok());
        auto files = cache.loadFiles(m_a);
        QVERIFY(files.ok());
        QCOMPARE(files.value().size(), 2);
        QCOMPARE(files.value().at(0).id, QStringLiteral("file-2"));
        QCOMPARE(files.value().at(0).expiresAt, std::optional<qint64>(99));
        QCOMPARE(files.value().at(1).bytes, 1234);

        // A complete listing replaces the cache: file-1 was deleted elsewhere.
        QVERIFY(cache.replaceFiles(m_a, {f2}).ok());
        QCOMPARE(cache.loadFiles(m_a).value().size(), 1);
        QVERIFY(cache.removeFile(m_a, QStringLiteral("file-2")).ok());
        QCOMPARE(cache.loadFiles(m_a).value().size(), 0);
    }

    // The monitor keeps its samples in the store and a new monitor (after a restart) starts with them.
    void monitorHistorySurvivesRestart()
    {
        Store::BatchCache cache(m_db);
        Store::SampleStore samples(m_db);
        QNetworkAccessManager nam;
        Api::ApiClient client(&nam);
        client.setBaseUrl(QUrl(QStringLiteral("http://127.0.0.1:1/v1")));
        QList<Monitor::ProgressSample> seen;
        {
            Monitor::BatchMonitor monitor(&client);
            monitor.setCache(&cache, m_b);
            monitor.setSampleStore(&samples);
            qint64 now = 1'700'000'000'000;
            monitor.setClock([&now] { return now; });
            QVERIFY(
                cache
                    .upsert(m_b,
                            {batch(QStringLiteral("run"), 1'700'000'000, QStringLiteral("in_progress"), 2)})
                    .ok());
            monitor.loadFromCache();
            monitor.track(batch(QStringLiteral("run"), 1'700'000'000, QStringLiteral("in_progress"), 2));
            now += 5000;
            // A batch first seen finished is not sampled (its chart comes from its timestamps).
            monitor.track(batch(QStringLiteral("old"), 1'600'000'000, QStringLiteral("completed"), 9));
            seen = monitor.history(QStringLiteral("run"));
            QCOMPARE(seen.size(), 1);
            QVERIFY(monitor.history(QStringLiteral("old")).isEmpty());
        }
        Monitor::BatchMonitor restarted(&client);
        restarted.setCache(&cache, m_b);
        restarted.setSampleStore(&samples);
        restarted.loadFromCache();
        QCOMPARE(restarted.history(QStringLiteral("run")), seen);
        QCOMPARE(samples.load(m_b, QStringLiteral("run")).value().size(), 1);
        QVERIFY(samples.load(m_b, QStringLiteral("old")).value().isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestBatchCache)
#include "tst_batchcache.moc"
