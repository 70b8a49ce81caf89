// Workflow::Submission, the one submission the app and the CLI run: against the real sandbox over loopback,
// and against the hostile test server for a refused create and a lost reply that is reconciled.
#include "../common/hostileserver.h"
#include "../e2e/e2e_util.h"
#include "api/apiclient.h"
#include "api/apijob.h"
#include "common/filehash.h"
#include "sandbox/sandboxserver.h"
#include "store/accountstore.h"
#include "store/database.h"
#include "store/intentstore.h"
#include "workflow/intentreconciler.h"
#include "workflow/submission.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <atomic>
#include <memory>

using namespace Batchdesk;
using Workflow::Submission;

class TestSubmission : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QNetworkAccessManager m_nam;
    std::shared_ptr<Store::Database> m_db;
    std::unique_ptr<Store::IntentStore> m_records;
    qint64 m_accountId = 0;

    QString input(const QString &name, int lines)
    {
        const QString path = m_dir.filePath(name);
        writeFile(path, chatFile(lines));
        return path;
    }

    static Api::CreateBatchParams chatParams()
    {
        Api::CreateBatchParams p;
        p.endpoint = QStringLiteral("/v1/chat/completions");
        return p;
    }

    static bool runToEnd(Submission &s)
    {
        QSignalSpy finished(&s, &Submission::finished);
        s.start();
        return finished.count() == 1 || (finished.wait(20000) && finished.count() == 1);
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        auto db = Store::Database::open(m_dir.filePath(QStringLiteral("batchdesk.sqlite")));
        QVERIFY(db.ok());
        m_db = db.value();
        m_records = std::make_unique<Store::IntentStore>(m_db);
        Store::AccountStore accounts(m_db);
        Store::Account a;
        a.name = QStringLiteral("sandbox");
        a.preset = Store::Preset::Sandbox;
        a.baseUrl = QUrl(QStringLiteral("http://127.0.0.1:1/v1"));
        a.keySource = Store::KeySource::None;
        const auto added = accounts.add(a);
        QVERIFY(added.ok());
        m_accountId = added.value().id;
    }

    // Upload, record, create: the batch exists, the intent is created, the upload is no orphan, and the local
    // input is remembered with its SHA-256 (read while the upload ran).
    void submitsAndRecordsEverything()
    {
        Sandbox::SandboxConfig config;
        config.apiKey = QStringLiteral("k");
        config.latencyMs = 1;
        Sandbox::SandboxServer server(config);
        QVERIFY(server.start());
        Api::ApiClient client(&m_nam);
        client.setBaseUrl(QUrl(server.baseUrl()));
        client.setApiKey(QStringLiteral("k"));
        const QString path = input(QStringLiteral("ok.jsonl"), 20);

        Submission s(&client, m_records.get(), {m_accountId, {}}, path, chatParams());
        QSignalSpy progress(&s, &Submission::uploadProgress);
        QVERIFY(runToEnd(s));
        QCOMPARE(s.state(), Submission::State::Done);
        QVERIFY(!s.batch().id.isEmpty());
        QVERIFY(progress.count() > 0);
        QCOMPARE(s.batch().metadata.value(Api::kClientIdKey), s.clientId());
        QCOMPARE(m_records->byClientId(s.clientId()).value().state, Store::Intent::State::Created);
        QCOMPARE(m_records->byClientId(s.clientId()).value().batchId, s.batch().id);
        QVERIFY(m_records->orphanUploads(m_accountId).value().isEmpty());
        QCOMPARE(m_records->inputPathOf(m_accountId, s.batch().id), QFileInfo(path).absoluteFilePath());
        QCOMPARE(m_records->inputSha256Of(m_accountId, s.batch().id), sha256OfFile(path));
    }

    // A definite refusal: Failed with the server's message, the intent abandoned (never reconciled), the
    // upload left as an orphan to delete.
    void refusedCreateAbandonsTheIntent()
    {
        HostileServer server([](const HostileRequest &r) {
            if (r.method == "POST" && r.path == "/v1/files")
                return HostileResponse::json("{\"id\":\"file-refused\",\"object\":\"file\",\"bytes\":10,"
                                             "\"created_at\":1,\"filename\":\"x\",\"purpose\":\"batch\"}");
            return HostileResponse::json("{\"error\":{\"message\":\"Model not available for batch.\"}}", 400);
        });
        Api::ApiClient client(&m_nam);
        client.setBaseUrl(QUrl(server.baseUrl()));
        Submission s(&client, m_records.get(), {0, server.baseUrl()},
                     input(QStringLiteral("refused.jsonl"), 2), chatParams());
        QVERIFY(runToEnd(s));
        QCOMPARE(s.state(), Submission::State::Failed);
        QCOMPARE(s.error().httpStatus, 400);
        QVERIFY2(s.errorText().contains(QStringLiteral("Model not available")), qPrintable(s.errorText()));
        QCOMPARE(m_records->byClientId(s.clientId()).value().state, Store::Intent::State::Abandoned);
        QVERIFY(m_records->pendingAt(server.baseUrl()).value().isEmpty());
        const auto orphans = m_records->orphanUploads(0, server.baseUrl()).value();
        QCOMPARE(orphans.size(), 1);
        QCOMPARE(orphans.first().fileId, QStringLiteral("file-refused"));
    }

    // The create's reply is lost (a 500 after the server made the batch): the submission finds the batch by
    // its client id instead of sending again, so exactly one batch exists.
    void lostReplyIsReconciledNotResent()
    {
        std::atomic<int> creates {0};
        auto clientId = std::make_shared<QByteArray>();
        QMutex mutex;
        HostileServer server([&](const HostileRequest &r) {
            if (r.method == "POST" && r.path == "/v1/files")
                return HostileResponse::json("{\"id\":\"file-lost\",\"object\":\"file\",\"bytes\":10,"
                                             "\"created_at\":1,\"filename\":\"x\",\"purpose\":\"batch\"}");
            if (r.method == "POST" && r.path == "/v1/batches") {
                ++creates;
                QMutexLocker lock(&mutex);
                *clientId = QJsonDocument::fromJson(r.body)
                                .object()
                                .value(QStringLiteral("metadata"))
                                .toObject()
                                .value(QStringLiteral("batchdesk_client_id"))
                                .toString()
                                .toUtf8();
                return HostileResponse::json("{\"error\":{\"message\":\"upstream timeout\"}}", 502);
            }
            QMutexLocker lock(&mutex);
            return HostileResponse::json(
                "{\"object\":\"list\",\"has_more\":false,\"data\":["
                + hostileBatch("batch_made", "\"validating\"",
                               ",\"metadata\":{\"batchdesk_client_id\":\"" + *clientId + "\"}")
                + "]}");
        });
        Api::ApiClient client(&m_nam);
        client.setBaseUrl(QUrl(server.baseUrl()));
        Api::RetryPolicy fast;
        fast.initialDelayMs = 10;
        client.setRetryPolicy(fast);
        Submission s(&client, m_records.get(), {m_accountId, {}}, input(QStringLiteral("lost.jsonl"), 2),
                     chatParams());
        QSignalSpy reconciling(&s, &Submission::reconciling);
        QVERIFY(runToEnd(s));
        QCOMPARE(s.state(), Submission::State::Done);
        QVERIFY(s.reconciled());
        QCOMPARE(reconciling.count(), 1);
        QCOMPARE(creates.load(), 1);
        QCOMPARE(s.batch().id, QStringLiteral("batch_made"));
        QCOMPARE(m_records->byClientId(s.clientId()).value().batchId, QStringLiteral("batch_made"));
    }

    // A run killed after the create was sent left its intent pending: the next run finds the batch by the
    // client id (and records its input); an intent the server knows nothing of stays pending.
    void pendingIntentsAreReconciled()
    {
        Store::Intent lost;
        lost.clientId = QStringLiteral("client-lost-1");
        lost.accountId = m_accountId;
        lost.inputFileId = QStringLiteral("file-1");
        lost.inputPath = m_dir.filePath(QStringLiteral("killed.jsonl"));
        lost.inputSha256 = QStringLiteral("abc");
        lost.endpoint = QStringLiteral("/v1/chat/completions");
        lost.paramsJson = QStringLiteral("{}");
        QVERIFY(m_records->record(lost).ok());
        Store::Intent unknown = lost;
        unknown.clientId = QStringLiteral("client-never-arrived");
        QVERIFY(m_records->record(unknown).ok());
        HostileServer server([](const HostileRequest &) {
            return HostileResponse::json(
                "{\"object\":\"list\",\"has_more\":false,\"data\":["
                + hostileBatch("batch_found", "\"in_progress\"",
                               ",\"metadata\":{\"batchdesk_client_id\":\"client-lost-1\"}")
                + "]}");
        });
        Api::ApiClient client(&m_nam);
        client.setBaseUrl(QUrl(server.baseUrl()));
        Workflow::IntentReconciler reconciler(&client, m_records.get(), {m_accountId, {}});
        QSignalSpy finished(&reconciler, &Workflow::IntentReconciler::finished);
        reconciler.start();
        QVERIFY(finished.wait(10000));
        QCOMPARE(reconciler.found().size(), 1);
        QCOMPARE(reconciler.found().first().id, QStringLiteral("batch_found"));
        QCOMPARE(m_records->byClientId(QStringLiteral("client-lost-1")).value().state,
                 Store::Intent::State::Created);
        QCOMPARE(m_records->inputPathOf(m_accountId, QStringLiteral("batch_found")), lost.inputPath);
        QCOMPARE(m_records->byClientId(QStringLiteral("client-never-arrived")).value().state,
                 Store::Intent::State::Pending);
        QVERIFY(m_records->markAbandoned(QStringLiteral("client-never-arrived")).ok());

        // Nothing pending: finished all the same, without a request.
        const int before = server.requestCount();
        Workflow::IntentReconciler idle(&client, m_records.get(), {m_accountId, {}});
        QSignalSpy idleDone(&idle, &Workflow::IntentReconciler::finished);
        idle.start();
        QVERIFY(idleDone.wait(5000));
        QCOMPARE(server.requestCount(), before);
    }

    // Cancel during the upload: Canceled, nothing created; the client going away: Failed, not hanging.
    void cancelAndDisconnect()
    {
        HostileServer slow([](const HostileRequest &) {
            HostileResponse r = HostileResponse::json("{\"id\":\"file-x\",\"object\":\"file\"}");
            r.trickleMs = 200;
            return r;
        });
        {
            Api::ApiClient client(&m_nam);
            client.setBaseUrl(QUrl(slow.baseUrl()));
            Submission s(&client, m_records.get(), {m_accountId, {}}, input(QStringLiteral("c.jsonl"), 2),
                         chatParams());
            QSignalSpy finished(&s, &Submission::finished);
            s.start();
            QTest::qWait(100);
            s.cancel();
            QCOMPARE(finished.count(), 1);
            QCOMPARE(s.state(), Submission::State::Canceled);
            QVERIFY(s.batch().id.isEmpty());
        }
        auto client = std::make_unique<Api::ApiClient>(&m_nam);
        client->setBaseUrl(QUrl(slow.baseUrl()));
        Submission s(client.get(), m_records.get(), {m_accountId, {}}, input(QStringLiteral("d.jsonl"), 2),
                     chatParams());
        QSignalSpy finished(&s, &Submission::finished);
        s.start();
        QTest::qWait(100);
        client.reset(); // the account was switched
        QTRY_COMPARE(finished.count(), 1);
        QCOMPARE(s.state(), Submission::State::Failed);
        QVERIFY2(s.errorText().contains(QStringLiteral("disconnected")), qPrintable(s.errorText()));
    }
};

QTEST_GUILESS_MAIN(TestSubmission)
#include "tst_submission.moc"
