// The "All accounts" view of the desktop app: with the built-in sandbox, a DeepInfra account on a second
// sandbox over loopback and an account whose endpoint is gone, the sidebar's "All accounts" entry shows the
// batches of both working accounts in one list with their account and provider, a problem line names the
// broken account, and double-clicking (or Enter on) a row opens that account with the batch selected.
#include "allaccountspage.h"
#include "allbatchesmodel.h"
#include "api/apiclient.h"
#include "api/apijob.h"
#include "appcontroller.h"
#include "batchespage.h"
#include "languagemenu.h"
#include "mainwindow.h"
#include "sandbox/sandboxserver.h"
#include "sidebar.h"
#include "workflow/allaccountsmonitor.h"

#include <QFile>
#include <QLabel>
#include <QListWidget>
#include <QNetworkAccessManager>
#include <QSettings>
#include <QSignalSpy>
#include <QStackedWidget>
#include <QStandardPaths>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeView>

#include <memory>

using namespace Batchdesk;
using Models::AllBatchesModel;

class TestAllAccounts : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<QTemporaryDir> m_data;
    std::unique_ptr<Sandbox::SandboxServer> m_other;
    std::unique_ptr<Ui::MainWindow> m_window;
    QNetworkAccessManager m_nam;

    // Uploads a small file and creates a batch with a description; returns its id.
    QString createBatch(const QString &baseUrl, const QString &key, const QString &description)
    {
        const QString path = m_data->filePath(description + QStringLiteral(".jsonl"));
        QFile f(path);
        if (!f.open(QIODevice::WriteOnly))
            return {};
        for (int i = 0; i < 2; ++i)
            f.write(QStringLiteral("{\"custom_id\": \"r%1\", \"method\": \"POST\", \"url\": "
                                   "\"/v1/chat/completions\", \"body\": {\"model\": \"sandbox/echo\", "
                                   "\"messages\": [{\"role\": \"user\", \"content\": \"hi %1\"}]}}\n")
                        .arg(i)
                        .toUtf8());
        f.close();
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

    qint64 addAccount(const Store::Account &account)
    {
        QString error = QStringLiteral("no answer");
        bool done = false;
        m_window->controller()->saveAccount(account, std::nullopt, [&](const QString &e) {
            error = e;
            done = true;
        });
        if (!QTest::qWaitFor([&] { return done; }, 10000) || !error.isEmpty()) {
            qWarning() << "saving the account failed:" << error;
            return 0;
        }
        for (const auto &a : m_window->controller()->accounts()) {
            if (a.name == account.name)
                return a.id;
        }
        return 0;
    }

    void clickAllAccounts()
    {
        QListWidget *entry = m_window->sidebar()->allAccountsEntry();
        QCOMPARE(entry->objectName(), QStringLiteral("allAccountsEntry"));
        QCOMPARE(entry->item(0)->text(), QStringLiteral("All accounts"));
        QTest::mouseClick(entry->viewport(), Qt::LeftButton, {},
                          entry->visualItemRect(entry->item(0)).center());
        QCOMPARE(m_window->pages()->currentWidget(), m_window->allAccountsPage());
        QVERIFY(m_window->sidebar()->isAllAccountsCurrent());
    }

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(QStringLiteral("BatchdeskTests"));
        QCoreApplication::setApplicationName(QStringLiteral("tst_allaccounts"));
        QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
        Ui::LanguageMenu::installTranslators(QCoreApplication::instance(), QStringLiteral("en"));
        m_data = std::make_unique<QTemporaryDir>();
        QVERIFY(m_data->isValid());
        qputenv("BATCHDESK_DATA_DIR", m_data->filePath(QStringLiteral("data")).toUtf8());
        QSettings().clear();

        Sandbox::SandboxConfig config;
        config.apiKey = QStringLiteral("other-key");
        config.latencyMs = 20;
        config.dataDir = m_data->filePath(QStringLiteral("other-sandbox"));
        m_other = std::make_unique<Sandbox::SandboxServer>(config);
        QVERIFY(m_other->start());
        qputenv("BATCHDESK_TEST_DEEPINFRA_KEY", "other-key");
    }

    void cleanupTestCase()
    {
        m_window.reset();
        m_nam.clearConnectionCache();
        m_other.reset();
        m_data.reset();
    }

    void showsEveryAccountAndOpensABatch()
    {
        Ui::AppOptions o;
        o.sandbox.apiKey = QStringLiteral("local-key");
        o.sandbox.latencyMs = 20;
        o.monitor.fastIntervalMs = 200;
        o.monitor.slowIntervalMs = 500;
        Api::RetryPolicy retry;
        retry.maxRetries = 0;
        o.retryPolicy = retry;
        m_window = std::make_unique<Ui::MainWindow>(o);
        m_window->resize(1300, 760);
        m_window->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
        Ui::AppController *controller = m_window->controller();
        QTRY_VERIFY_WITH_TIMEOUT(controller->isConnected(), 10000);
        const qint64 sandboxId = controller->currentAccountId();
        QVERIFY(controller->isSandbox(*controller->currentAccount()));

        const QString local = createBatch(controller->sandbox()->baseUrl(), QStringLiteral("local-key"),
                                          QStringLiteral("Trial run"));
        const QString remote = createBatch(m_other->baseUrl(), QStringLiteral("other-key"),
                                           QStringLiteral("Nightly embeddings"));
        QVERIFY(!local.isEmpty() && !remote.isEmpty());

        QTcpServer probe;
        QVERIFY(probe.listen(QHostAddress::LocalHost));
        const quint16 deadPort = probe.serverPort();
        probe.close();
        Store::Account archive;
        archive.name = QStringLiteral("Archive");
        archive.preset = Store::Preset::Groq;
        archive.baseUrl = QUrl(QStringLiteral("http://127.0.0.1:%1/v1").arg(deadPort));
        archive.limitProfile = Store::presetInfo(Store::Preset::Groq).limitProfile;
        archive.keySource = Store::KeySource::None;
        QVERIFY(addAccount(archive) > 0);
        Store::Account inference;
        inference.name = QStringLiteral("Inference");
        inference.preset = Store::Preset::DeepInfra;
        inference.baseUrl = QUrl(m_other->baseUrl());
        inference.keySource = Store::KeySource::Environment;
        inference.keyEnvironmentVariable = QStringLiteral("BATCHDESK_TEST_DEEPINFRA_KEY");
        const qint64 inferenceId = addAccount(inference);
        QVERIFY(inferenceId > 0);
        controller->selectAccount(sandboxId);
        QTRY_VERIFY_WITH_TIMEOUT(controller->isConnected(), 10000);

        // One list of both accounts' batches, each with its account and provider.
        clickAllAccounts();
        Ui::AllAccountsPage *page = m_window->allAccountsPage();
        AllBatchesModel *model = page->model();
        QTRY_VERIFY_WITH_TIMEOUT(
            model->rowOf(inferenceId, remote) >= 0 && model->rowOf(sandboxId, local) >= 0, 10000);
        QCOMPARE(model->rowCount(), 2);
        QCOMPARE(model->headerData(AllBatchesModel::AccountColumn, Qt::Horizontal).toString(),
                 QStringLiteral("Account"));
        QCOMPARE(model->headerData(AllBatchesModel::ProviderColumn, Qt::Horizontal).toString(),
                 QStringLiteral("Provider"));
        const int remoteRow = model->rowOf(inferenceId, remote);
        const int localRow = model->rowOf(sandboxId, local);
        QCOMPARE(model->index(remoteRow, AllBatchesModel::AccountColumn).data().toString(),
                 QStringLiteral("Inference"));
        QCOMPARE(model->index(remoteRow, AllBatchesModel::ProviderColumn).data().toString(),
                 QStringLiteral("DeepInfra"));
        QCOMPARE(model->index(remoteRow, AllBatchesModel::DescriptionColumn).data().toString(),
                 QStringLiteral("Nightly embeddings"));
        QCOMPARE(model->index(localRow, AllBatchesModel::ProviderColumn).data().toString(),
                 QStringLiteral("Local sandbox"));
        // Newest first: the remote batch was created last (or in the same second, then by key).
        QVERIFY(model->entry(0).batch.createdAt >= model->entry(1).batch.createdAt);

        // The broken account is one line, by name; it holds nothing up.
        auto *problems = page->findChild<QLabel *>(QStringLiteral("allAccountsProblems"));
        QVERIFY(problems);
        QTRY_VERIFY_WITH_TIMEOUT(problems->isVisible(), 10000);
        QVERIFY2(problems->text().contains(QStringLiteral("<b>Archive</b>")), qPrintable(problems->text()));
        QCOMPARE(problems->text().count(QStringLiteral("<br>")), 0);
        QTRY_VERIFY_WITH_TIMEOUT(!page->monitor()->isRefreshing(), 10000);
        QTest::qWait(200);

        if (const QString dir = qEnvironmentVariable("BATCHDESK_GRAB_DIR"); !dir.isEmpty())
            m_window->grab().save(dir + QStringLiteral("/all-accounts.png"));

        // Double-click the other account's batch: that account opens with the batch selected.
        QTreeView *view = page->view();
        QCOMPARE(view->objectName(), QStringLiteral("allAccountsView"));
        const QRect rect = view->visualRect(model->index(model->rowOf(inferenceId, remote), 0));
        // As a real double-click arrives: press and release, then the double-click.
        QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, rect.center());
        QCOMPARE(controller->currentAccountId(), sandboxId); // one click only selects the row
        QTest::mouseDClick(view->viewport(), Qt::LeftButton, {}, rect.center());
        QTRY_COMPARE_WITH_TIMEOUT(controller->currentAccountId(), inferenceId, 5000);
        QCOMPARE(m_window->pages()->currentWidget(), m_window->batchesPage());
        QVERIFY(!m_window->sidebar()->isAllAccountsCurrent());
        QCOMPARE(m_window->sidebar()->accountList()->currentItem()->text(), QStringLiteral("Inference"));
        QVERIFY(m_window->batchesPage()->currentBatch());
        QCOMPARE(m_window->batchesPage()->currentBatch()->id, remote);
        QVERIFY(!page->monitor()->isActive()); // hidden: no more rounds

        // Back, and Enter on the sandbox's batch: the sandbox opens with it selected.
        clickAllAccounts();
        QTRY_VERIFY_WITH_TIMEOUT(model->rowOf(sandboxId, local) >= 0, 5000);
        view->setFocus();
        view->setCurrentIndex(model->index(model->rowOf(sandboxId, local), 0));
        QTest::keyClick(view, Qt::Key_Return);
        QTRY_COMPARE_WITH_TIMEOUT(controller->currentAccountId(), sandboxId, 5000);
        QCOMPARE(m_window->pages()->currentWidget(), m_window->batchesPage());
        QVERIFY(m_window->batchesPage()->currentBatch());
        QCOMPARE(m_window->batchesPage()->currentBatch()->id, local);
        QTRY_VERIFY_WITH_TIMEOUT(controller->isConnected(), 10000);
    }
};

QTEST_MAIN(TestAllAccounts)
#include "tst_allaccounts.moc"
