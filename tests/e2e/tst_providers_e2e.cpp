// Every provider end to end: the app's own engine (Workflow::Submission, ApiClient with the account's
// provider, the results join and export) against the sandbox speaking that provider's dialect over real
// HTTP. The client side (core/api/wire.*, core/jsonl/dialectconvert.*) and the server side
// (core/sandbox/sandboxdialects.*) were written separately from the providers' references
// (docs/providers.md): each checks the other's reading.
#include "api/apiclient.h"
#include "api/apijob.h"
#include "e2e_util.h"
#include "results/exporters.h"
#include "results/joinedresults.h"
#include "sandbox/sandboxserver.h"
#include "store/account.h"
#include "workflow/accountservice.h"
#include "workflow/submission.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace Batchdesk;
using namespace Batchdesk::Api;

namespace {
// A chat line every provider can take: Anthropic needs max_tokens, its custom_id rules hold for all.
QByteArray line(const QByteArray &id, const QByteArray &text)
{
    return "{\"custom_id\":\"" + id
        + "\",\"method\":\"POST\",\"url\":\"/v1/chat/completions\",\"body\":{\"model\":\"sandbox/echo\","
          "\"max_tokens\":64,\"messages\":[{\"role\":\"system\",\"content\":\"Be brief.\"},"
          "{\"role\":\"user\",\"content\":\""
        + text + "\"}]}}\n";
}

QByteArray file(int lines, int failAt = -1)
{
    QByteArray out;
    for (int i = 0; i < lines; ++i)
        out +=
            line("r-" + QByteArray::number(i),
                 i == failAt ? QByteArray("this one [[fail]] please") : "question " + QByteArray::number(i));
    return out;
}

// The sandbox dialect that serves a provider.
QString dialectOf(const QString &providerId)
{
    return providerId;
}
} // namespace

class TestProvidersE2E : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::unique_ptr<Sandbox::SandboxServer> m_server;
    QNetworkAccessManager m_nam;
    const QString m_key = QStringLiteral("provider-test-key");

    std::unique_ptr<ApiClient> clientFor(const QString &presetId)
    {
        Store::Account account;
        account.name = presetId;
        account.preset = Store::presetFromId(presetId);
        auto client = std::make_unique<ApiClient>(&m_nam);
        Workflow::configureClient(client.get(), account, QUrl(m_server->baseUrlFor(dialectOf(presetId))));
        client->setApiKey(m_key);
        client->setRandom([] { return 0.0; });
        return client;
    }

    template<typename Job>
    std::unique_ptr<Job> run(Job *raw)
    {
        std::unique_ptr<Job> job(raw);
        job->setAutoDelete(false);
        QSignalSpy done(job.get(), &AsyncJob::finished);
        job->start();
        if (!job->isFinished() && !done.wait(60'000))
            qFatal("job did not finish");
        return job;
    }

    // Uploads and creates through the engine's one submission path.
    Batch submit(ApiClient &client, const QString &path, const QString &description)
    {
        CreateBatchParams params;
        params.endpoint = QStringLiteral("/v1/chat/completions");
        params.metadata.insert(QStringLiteral("description"), description);
        Workflow::Submission submission(&client, nullptr, Workflow::Scope {}, path, params);
        QSignalSpy done(&submission, &AsyncJob::finished);
        submission.start();
        if (!submission.isFinished() && !done.wait(60'000))
            qFatal("submission did not finish");
        if (submission.state() != Workflow::Submission::State::Done)
            qWarning() << "submission failed:" << submission.errorText();
        return submission.batch();
    }

    Batch waitTerminal(ApiClient &client, const QString &id)
    {
        Batch b;
        for (int i = 0; i < 600; ++i) {
            auto job = run(client.retrieveBatch(id));
            if (job->failed()) {
                qWarning() << "retrieve failed:" << job->errorString();
                return {};
            }
            b = job->batch();
            if (b.isTerminal())
                return b;
            QTest::qWait(50);
        }
        return b;
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        Sandbox::SandboxConfig config;
        config.apiKey = m_key;
        config.latencyMs = 5;
        config.concurrency = 4;
        m_server = std::make_unique<Sandbox::SandboxServer>(config);
        QString error;
        QVERIFY2(m_server->start(&error), qPrintable(error));
    }

    void lifecycle_data()
    {
        QTest::addColumn<QString>("preset");
        for (const char *p :
             {"openai", "deepinfra", "groq", "together", "nebius", "azure", "anthropic", "mistral", "gemini"})
            QTest::newRow(p) << QString::fromLatin1(p);
    }

    // Create, monitor, results download, join by custom_id and export, in the provider's own wire format.
    void lifecycle()
    {
        QFETCH(QString, preset);
        auto client = clientFor(preset);
        const QString input = m_dir.filePath(preset + QStringLiteral("-in.jsonl"));
        QVERIFY(writeFile(input, file(6, 3)));

        const Batch created = submit(*client, input, QStringLiteral("lifecycle ") + preset);
        QVERIFY2(!created.id.isEmpty(), "no batch was created");
        QVERIFY(isSafeServerId(created.id));
        const Batch done = waitTerminal(*client, created.id);
        QCOMPARE(done.status(), Batch::Status::Completed);
        if (preset != QLatin1StringView("together")) { // Together reports a percentage only
            QVERIFY(done.requestCounts);
            QCOMPARE(done.requestCounts->total, 6);
            QCOMPARE(done.requestCounts->completed, 5);
            QCOMPARE(done.requestCounts->failed, 1);
        }
        if (client->provider().hasMetadata)
            QCOMPARE(done.description(), QStringLiteral("lifecycle ") + preset);

        // The monitor's view: the batch is in the provider's list.
        auto list = run(client->listBatches(100, 2));
        QVERIFY2(!list->failed(), qPrintable(list->errorString()));
        bool listed = false;
        for (const Batch &b : list->batches())
            listed = listed || b.id == created.id;
        QVERIFY(listed);

        // Results: whatever the provider's result format, OpenAI output lines on disk.
        QStringList files;
        for (const QString &fileId : {done.outputFileId, done.errorFileId}) {
            if (fileId.isEmpty())
                continue;
            const QString path = m_dir.filePath(preset + u'-' + fileId + QStringLiteral(".jsonl"));
            auto download = run(client->downloadFileContent(fileId, path));
            QVERIFY2(!download->failed(), qPrintable(download->errorString()));
            files << path;
        }
        QVERIFY(!files.isEmpty());
        const auto joined = Results::JoinedResults::open(input, files);
        QVERIFY2(joined.ok(), qPrintable(joined.errorString()));
        const auto &results = *joined.value();
        QCOMPARE(results.rowCount(), 6);
        QCOMPARE(results.totals().count(Results::Outcome::Succeeded), 5);
        QCOMPARE(results.totals().count(Results::Outcome::Failed), 1);
        QCOMPARE(results.row(3).customId, QStringLiteral("r-3"));
        QCOMPARE(results.row(3).outcome, Results::Outcome::Failed);
        for (int i : {0, 5}) {
            const Results::ResultRow row = results.row(i);
            QCOMPARE(row.outcome, Results::Outcome::Succeeded);
            QVERIFY2(row.responseText.contains(QStringLiteral("question %1").arg(i)),
                     qPrintable(row.responseText));
        }
        const QString csv = m_dir.filePath(preset + QStringLiteral(".csv"));
        const auto exported = Results::exportCsv(results, csv);
        QVERIFY2(exported.ok(), qPrintable(exported.errorString()));
        const QList<QByteArray> rows = readLines(csv);
        QCOMPARE(rows.size(), 7); // header + 6
        QVERIFY(rows.at(1).contains("question 0"));
    }

    void cancel_data() { lifecycle_data(); }

    // Cancel while it runs: the batch ends cancelled, in the common shape.
    void cancel()
    {
        QFETCH(QString, preset);
        auto client = clientFor(preset);
        const QString input = m_dir.filePath(preset + QStringLiteral("-cancel.jsonl"));
        QVERIFY(writeFile(input, file(400)));
        const Batch created = submit(*client, input, QStringLiteral("cancel ") + preset);
        QVERIFY(!created.id.isEmpty());
        auto cancel = run(client->cancelBatch(created.id));
        QVERIFY2(!cancel->failed(), qPrintable(cancel->errorString()));
        const Batch after = cancel->batch();
        QCOMPARE(after.id, created.id);
        QVERIFY2(after.status() == Batch::Status::Cancelling
                     || after.status() == Batch::Status::Cancelled
                     // Together and Gemini have no "cancelling" state: still running until it has stopped.
                     || ((preset == QLatin1StringView("together") || preset == QLatin1StringView("gemini"))
                         && after.status() == Batch::Status::InProgress),
                 qPrintable(after.statusText));
        const Batch done = waitTerminal(*client, created.id);
        QCOMPARE(done.status(), Batch::Status::Cancelled);
    }

    void pagination_data() { lifecycle_data(); }

    // The list pages on in each provider's way (after / after_id / page / pageToken) until every batch is
    // seen.
    void pagination()
    {
        QFETCH(QString, preset);
        if (preset == QLatin1StringView("together"))
            QSKIP("Together's list is one bare array: there are no pages.");
        auto client = clientFor(preset);
        auto all = run(client->listBatches(100, 5));
        QVERIFY2(!all->failed(), qPrintable(all->errorString()));
        QVERIFY(all->batches().size() >= 3);
        auto paged = run(client->listBatches(1, 50));
        QVERIFY2(!paged->failed(), qPrintable(paged->errorString()));
        QVERIFY(paged->pages() >= 3);
        QCOMPARE(paged->batches().size(), all->batches().size());
    }

    void lostCreateAnswer_data()
    {
        QTest::addColumn<QString>("preset");
        QTest::addColumn<bool>("reconcilable");
        QTest::newRow("gemini (display name)") << QStringLiteral("gemini") << true;
        QTest::newRow("mistral (metadata)") << QStringLiteral("mistral") << true;
        QTest::newRow("openai (metadata)") << QStringLiteral("openai") << true;
        QTest::newRow("anthropic (nothing to find it by)") << QStringLiteral("anthropic") << false;
        QTest::newRow("together (nothing to find it by)") << QStringLiteral("together") << false;
    }

    // The create reached the server but its answer was lost: never a second billed batch. Where the provider
    // keeps the client id the batch is found again; elsewhere the job stops and says so, without resending.
    void lostCreateAnswer()
    {
        QFETCH(QString, preset);
        QFETCH(bool, reconcilable);
        auto client = clientFor(preset);
        const QString input = m_dir.filePath(preset + QStringLiteral("-lost.jsonl"));
        QVERIFY(writeFile(input, file(3)));
        auto upload = run(client->uploadFile(input));
        QVERIFY2(!upload->failed(), qPrintable(upload->errorString()));
        const auto countBatches = [&] {
            auto list = run(client->listBatches(100, 5));
            return list->failed() ? -1 : int(list->batches().size());
        };
        const int before = countBatches();

        CreateBatchParams params;
        params.inputFileId = upload->file().id;
        params.endpoint = QStringLiteral("/v1/chat/completions");
        params.model = upload->model();
        Sandbox::SandboxFaults drop;
        drop.dropRate = 1.0;
        m_server->setFaults(drop);
        std::unique_ptr<CreateBatchJob> create(client->createBatch(params));
        create->setAutoDelete(false);
        QSignalSpy done(create.get(), &AsyncJob::finished);
        // The answer is lost; the list that looks for the batch gets through.
        connect(create.get(), &CreateBatchJob::reconciling, this, [this] { m_server->setFaults({}); });
        create->start();
        QVERIFY(done.wait(60'000));
        m_server->setFaults({});
        if (reconcilable) {
            QVERIFY2(!create->failed(), qPrintable(create->errorString()));
            QVERIFY(create->reconciled());
        } else {
            QVERIFY(create->failed());
            QVERIFY2(create->errorString().contains(QStringLiteral("may have been created")),
                     qPrintable(create->errorString()));
        }
        QCOMPARE(countBatches(), before + 1);
    }

    void wrongKeyIsRefusedInEveryDialect_data() { lifecycle_data(); }

    void wrongKeyIsRefusedInEveryDialect()
    {
        QFETCH(QString, preset);
        auto client = clientFor(preset);
        client->setApiKey(QStringLiteral("not-the-key"));
        auto list = run(client->listBatches(10, 1));
        QVERIFY(list->failed());
        QCOMPARE(list->error().httpStatus, 401);
        QVERIFY(!list->errorString().contains(QStringLiteral("not-the-key")));
    }

    // An Anthropic line that cannot convert stops the upload with the line and the reason; nothing is sent.
    void unconvertibleLineIsRefusedLocally()
    {
        auto client = clientFor(QStringLiteral("anthropic"));
        const QString input = m_dir.filePath(QStringLiteral("no-max-tokens.jsonl"));
        QVERIFY(writeFile(input, line("ok-1", "fine") + chatLine("bad-2", "no max_tokens here")));
        auto upload = run(client->uploadFile(input));
        QVERIFY(upload->failed());
        QVERIFY2(upload->errorString().contains(QStringLiteral("Line 2")), qPrintable(upload->errorString()));
        QVERIFY2(upload->errorString().contains(QStringLiteral("max_tokens")),
                 qPrintable(upload->errorString()));
    }

    // Azure: the api-version goes with every request, the key in api-key; a line's url loses its /v1.
    void azureQuirks()
    {
        auto client = clientFor(QStringLiteral("azure"));
        const QNetworkRequest request = client->makeRequest(QStringLiteral("/batches"));
        QCOMPARE(QUrlQuery(request.url()).queryItemValue(QStringLiteral("api-version")),
                 QStringLiteral("2024-10-21"));
        QCOMPARE(request.rawHeader("api-key"), m_key.toUtf8());
        QVERIFY(!request.hasRawHeader("Authorization"));
        client->setBaseUrl(QUrl(m_server->baseUrlFor(u"azure") + QStringLiteral("?api-version=2025-01-01")));
        QCOMPARE(QUrlQuery(client->makeRequest(QStringLiteral("/files")).url())
                     .queryItemValue(QStringLiteral("api-version")),
                 QStringLiteral("2025-01-01"));
    }

    // OpenAI's optional organization and project headers go with every request of that account.
    void openAiOrganizationAndProject()
    {
        Store::Account account;
        account.preset = Store::Preset::OpenAI;
        account.baseUrl = QUrl(QStringLiteral("https://api.openai.com/v1"));
        account.organization = QStringLiteral("org-abc");
        account.project = QStringLiteral("proj_1");
        ApiClient client(&m_nam);
        Workflow::configureClient(&client, account);
        const QNetworkRequest r = client.makeRequest(QStringLiteral("/batches"));
        QCOMPARE(r.rawHeader("OpenAI-Organization"), QByteArray("org-abc"));
        QCOMPARE(r.rawHeader("OpenAI-Project"), QByteArray("proj_1"));
    }
};

QTEST_GUILESS_MAIN(TestProvidersE2E)
#include "tst_providers_e2e.moc"
