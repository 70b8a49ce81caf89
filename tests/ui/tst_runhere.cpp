// "Run here" in the desktop app (issue 15), driving the real widgets against the in-process sandbox:
// - the account dialog's Run here section (concurrency, limits, model mapping; no key needed) is saved into
//   Account::runSettings and shown again when editing; a bad mapping says why and is not saved;
// - "Finish the Rest in Real Time…" on a job whose batches crawl: the dialog lists the Run here accounts,
//   Now cancels the batches and runs the requests without a result on the sandbox's real-time endpoint as a
//   new round, and the job ends with every request succeeded, none sent twice; Automatically keeps a policy.
#include "accountdialog.h"
#include "appcontroller.h"
#include "jobspage.h"
#include "jobtreemodel.h"
#include "jsonl/splitter.h"
#include "languagemenu.h"
#include "mainwindow.h"
#include "messagebox.h"
#include "realtime/localbatches.h"
#include "realtimefallbackdialog.h"
#include "sandbox/sandboxserver.h"
#include "sidebar.h"
#include "store/jobstore.h"

#include <QAction>
#include <QCheckBox>
#include <QComboBox>
#include <QDialog>
#include <QDialogButtonBox>
#include <QDoubleSpinBox>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPointer>
#include <QPushButton>
#include <QRadioButton>
#include <QSettings>
#include <QSignalSpy>
#include <QSpinBox>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeView>

#include <memory>

using namespace Batchdesk;
using Models::JobTreeModel;
using Store::Job;
using Store::JobPart;

namespace {

constexpr const char *kKeyVariable = "BATCHDESK_TST_RUNHERE_KEY";

Ui::AppOptions options(int latencyMs)
{
    Ui::AppOptions o;
    o.sandbox.latencyMs = latencyMs;
    o.sandbox.concurrency = 1;
    o.monitor.fastIntervalMs = 150;
    o.monitor.slowIntervalMs = 400;
    o.monitor.errorInitialMs = 200;
    o.monitor.errorMaxMs = 600;
    Api::RetryPolicy retry;
    retry.maxRetries = 0;
    o.retryPolicy = retry;
    o.keychainTimeoutMs = 8000;
    o.maxInFlight = 2;
    return o;
}

} // namespace

class TestRunHere : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<QTemporaryDir> m_data;
    std::unique_ptr<Ui::MainWindow> m_window;

    template<typename T>
    T *find(const char *name) const
    {
        return m_window->findChild<T *>(QString::fromLatin1(name));
    }
    template<typename T>
    static T *child(QObject *parent, const char *name)
    {
        return parent->findChild<T *>(QString::fromLatin1(name));
    }

    Ui::AppController *controller() const { return m_window->controller(); }
    JobTreeModel *model() const { return controller()->jobModel(); }

    void startWindow(const Ui::AppOptions &o)
    {
        m_window = std::make_unique<Ui::MainWindow>(o);
        m_window->resize(1300, 820);
        m_window->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
        QTRY_VERIFY_WITH_TIMEOUT(controller()->isConnected(), 10000);
    }

    QString writeLines(const QString &name, int lines)
    {
        const QString path = m_data->filePath(name);
        QFile f(path);
        if (!f.open(QIODevice::WriteOnly))
            return {};
        for (int i = 0; i < lines; ++i)
            f.write(QStringLiteral("{\"custom_id\": \"r%1\", \"method\": \"POST\", \"url\": "
                                   "\"/v1/chat/completions\", \"body\": {\"model\": \"sandbox/echo\", "
                                   "\"messages\": [{\"role\": \"user\", \"content\": \"line %1\"}]}}\n")
                        .arg(i)
                        .toUtf8());
        return path;
    }

    // A job of the current (sandbox) account, through the window's job dialog; returns its id.
    QString submitJob(const QString &path, qint64 maxLines)
    {
        const QString folder = m_data->filePath(QStringLiteral("parts"));
        Jsonl::SplitLimits limits;
        limits.maxLines = maxLines;
        const auto parts = Jsonl::splitJsonl(path, folder, QStringLiteral("slow"),
                                             Jsonl::LimitProfile::deepinfra(), false, limits);
        if (!parts.ok())
            return {};
        Ui::JobDraft draft;
        draft.name = QFileInfo(path).fileName();
        draft.sourcePath = path;
        draft.folder = folder;
        draft.endpoint = QStringLiteral("/v1/chat/completions");
        draft.parts = parts.value();
        m_window->submitJob(draft);
        auto *dialog = find<QDialog>("createBatchDialog");
        if (!dialog)
            return {};
        const int before = model()->jobCount();
        QTest::mouseClick(child<QPushButton>(dialog, "createOkButton"), Qt::LeftButton);
        if (model()->jobCount() != before + 1)
            return {};
        return model()->index(0, 0).data(JobTreeModel::JobIdRole).toString();
    }

    // A Run here account on the sandbox's real-time endpoint, its key from the environment (no keychain in
    // the test machine); the current account stays the current one.
    qint64 addRunHereAccount(const QString &name)
    {
        QUrl url;
        QString key, error;
        if (!controller()->sandboxEndpoint(&url, &key, &error)) {
            qWarning() << error;
            return 0;
        }
        qputenv(kKeyVariable, key.toUtf8());
        Store::Account a;
        a.name = name;
        a.preset = Store::Preset::Realtime;
        a.baseUrl = url;
        a.limitProfile = Store::presetInfo(Store::Preset::Realtime).limitProfile;
        a.keySource = Store::KeySource::Environment;
        a.keyEnvironmentVariable = QString::fromLatin1(kKeyVariable);
        Realtime::RunSettings settings;
        settings.limits.concurrency = 4;
        a.runSettings = settings.toJson();
        QString saveError = QStringLiteral("pending");
        controller()->saveAccount(
            a, std::nullopt, [&](const QString &e) { saveError = e; }, false);
        if (!QTest::qWaitFor([&] { return saveError != QStringLiteral("pending"); }, 10000)
            || !saveError.isEmpty()) {
            qWarning() << "saving the account failed:" << saveError;
            return 0;
        }
        for (const Store::Account &r : controller()->realtimeAccounts()) {
            if (r.name == name)
                return r.id;
        }
        return 0;
    }

    std::optional<Models::JobEntry> job(const QString &id) const { return model()->job(id); }

    QPointer<QDialog> openFallbackDialog(const QString &jobId)
    {
        m_window->showView(Ui::Sidebar::View::Jobs);
        m_window->jobsPage()->selectJob(jobId);
        auto *action = find<QAction>("finishRealtimeAction");
        if (!action || !action->isEnabled()) {
            qWarning() << "Finish the Rest in Real Time is not enabled";
            return nullptr;
        }
        action->trigger();
        QPointer<QDialog> dialog = find<QDialog>("realtimeFallbackDialog");
        if (dialog && !QTest::qWaitFor([&] { return dialog->isVisible(); }, 5000))
            return nullptr;
        return dialog;
    }

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(QStringLiteral("BatchdeskTests"));
        QCoreApplication::setApplicationName(QStringLiteral("tst_runhere"));
        QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
        Ui::LanguageMenu::installTranslators(QCoreApplication::instance(), QStringLiteral("en"));
    }

    void init()
    {
        m_data = std::make_unique<QTemporaryDir>();
        QVERIFY(m_data->isValid());
        qputenv("BATCHDESK_DATA_DIR", m_data->filePath(QStringLiteral("data")).toUtf8());
        QSettings().clear();
    }

    void cleanup()
    {
        m_window.reset();
        m_data.reset();
    }

    // The Run here section: shown for that preset only; a bad mapping says why and nothing is saved; the
    // saved account carries concurrency and mapping (no key needed) and editing shows them again.
    void accountDialogKeepsRunSettings()
    {
        startWindow(options(50));
        find<QAction>("addAccountAction")->trigger();
        QPointer<QDialog> dialog = find<QDialog>("accountDialog");
        QVERIFY(dialog);
        QTRY_VERIFY(dialog->isVisible());
        auto *preset = child<QComboBox>(dialog, "accountPreset");
        auto *concurrency = child<QSpinBox>(dialog, "realtimeConcurrency");
        auto *rpm = child<QSpinBox>(dialog, "realtimeRpm");
        auto *tpm = child<QSpinBox>(dialog, "realtimeTpm");
        auto *mapping = child<QLineEdit>(dialog, "realtimeModelMap");
        auto *mapError = child<QLabel>(dialog, "realtimeModelMapError");
        auto *hint = child<QLabel>(dialog, "realtimeHint");
        QVERIFY(concurrency && rpm && tpm && mapping && mapError && hint);
        QVERIFY(!concurrency->isVisible());
        QVERIFY(!hint->isVisible());

        preset->setCurrentIndex(preset->findData(int(Store::Preset::Realtime)));
        QVERIFY(concurrency->isVisible() && rpm->isVisible() && tpm->isVisible() && mapping->isVisible());
        QVERIFY(hint->isVisible());
        QVERIFY(hint->text().contains(QStringLiteral("Ollama")));
        QCOMPARE(concurrency->value(), 4);
        QCOMPARE(rpm->text(), QStringLiteral("No limit"));
        QCOMPARE(tpm->text(), QStringLiteral("No limit"));
        QCOMPARE(child<QLineEdit>(dialog, "accountBaseUrl")->text(),
                 QStringLiteral("http://localhost:8000/v1"));
        // Back to a Batch API preset: the section goes away.
        preset->setCurrentIndex(preset->findData(int(Store::Preset::OpenAI)));
        QVERIFY(!concurrency->isVisible());
        preset->setCurrentIndex(preset->findData(int(Store::Preset::Realtime)));

        QUrl sandboxUrl;
        QString sandboxKey, error;
        QVERIFY(controller()->sandboxEndpoint(&sandboxUrl, &sandboxKey, &error));
        child<QLineEdit>(dialog, "accountName")->setText(QStringLiteral("Local vLLM"));
        child<QLineEdit>(dialog, "accountBaseUrl")->setText(sandboxUrl.toString());
        // Test Connection lists the endpoint's models (batches of such an account are kept here).
        auto *key = child<QLineEdit>(dialog, "accountKey");
        key->setText(sandboxKey);
        QTest::mouseClick(child<QPushButton>(dialog, "testConnectionButton"), Qt::LeftButton);
        auto *result = child<QLabel>(dialog, "testConnectionResult");
        QTRY_VERIFY_WITH_TIMEOUT(result->text().startsWith(QStringLiteral("Connected")), 10000);
        QVERIFY2(result->text().contains(
                     QStringLiteral("%1 models").arg(Sandbox::SandboxServer::modelIds().size())),
                 qPrintable(result->text()));
        key->clear(); // a server without a key: nothing goes to the keychain

        concurrency->setFocus();
        concurrency->selectAll();
        QTest::keyClicks(concurrency, QStringLiteral("7"));
        QCOMPARE(concurrency->value(), 7);
        rpm->setValue(600);
        // A mapping without "=": said at once, under the field, and OK refuses.
        mapping->setFocus();
        QTest::keyClicks(mapping, QStringLiteral("gpt-4o-mini"));
        QVERIFY(mapError->isVisible());
        QVERIFY2(mapError->text().startsWith(QStringLiteral("The model mapping is not valid")),
                 qPrintable(mapError->text()));
        const int accountsBefore = controller()->accounts().size();
        QTest::mouseClick(child<QDialogButtonBox>(dialog, "accountButtons")->button(QDialogButtonBox::Ok),
                          Qt::LeftButton);
        QTest::qWait(200);
        QVERIFY(dialog && dialog->isVisible());
        QCOMPARE(controller()->accounts().size(), accountsBefore);
        QVERIFY(result->text().contains(QStringLiteral("model mapping")));
        QCOMPARE(dialog->focusWidget(), static_cast<QWidget *>(mapping));

        mapping->clear();
        QVERIFY(!mapError->isVisible());
        QTest::keyClicks(mapping, QStringLiteral("gpt-4o-mini=sandbox/echo, big = sandbox/echo-large"));
        QTest::mouseClick(child<QDialogButtonBox>(dialog, "accountButtons")->button(QDialogButtonBox::Ok),
                          Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(dialog.isNull(), 10000); // closed, and deleted

        const QList<Store::Account> runHere = controller()->realtimeAccounts();
        QCOMPARE(runHere.size(), 1);
        const Store::Account saved = runHere.first();
        QCOMPARE(saved.name, QStringLiteral("Local vLLM"));
        QCOMPARE(saved.keySource, Store::KeySource::None);
        const Realtime::RunSettings settings = Realtime::RunSettings::fromJson(saved.runSettings);
        QCOMPARE(settings.limits.concurrency, 7);
        QCOMPARE(settings.limits.requestsPerMinute, 600);
        QCOMPARE(settings.limits.tokensPerMinute, 0);
        QCOMPARE(settings.modelMap.size(), 2);
        QCOMPARE(settings.modelMap.value(QStringLiteral("gpt-4o-mini")), QStringLiteral("sandbox/echo"));
        QCOMPARE(settings.modelMap.value(QStringLiteral("big")), QStringLiteral("sandbox/echo-large"));

        // Editing shows them again.
        m_window->editAccount(saved.id);
        QPointer<QDialog> edit = find<QDialog>("accountDialog");
        QVERIFY(edit);
        QTRY_VERIFY(edit->isVisible());
        QVERIFY(child<QSpinBox>(edit, "realtimeConcurrency")->isVisible());
        QCOMPARE(child<QSpinBox>(edit, "realtimeConcurrency")->value(), 7);
        QCOMPARE(child<QSpinBox>(edit, "realtimeRpm")->value(), 600);
        QCOMPARE(child<QSpinBox>(edit, "realtimeTpm")->text(), QStringLiteral("No limit"));
        const auto reparsed =
            Realtime::Target::parseModelMap(child<QLineEdit>(edit, "realtimeModelMap")->text(), nullptr);
        QVERIFY(reparsed);
        QCOMPARE(*reparsed, settings.modelMap);
        // Saving unchanged keeps the account keyless and its settings.
        QTest::mouseClick(child<QDialogButtonBox>(edit, "accountButtons")->button(QDialogButtonBox::Ok),
                          Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(edit.isNull() || !edit->isVisible(), 10000);
        const Store::Account again = controller()->realtimeAccounts().first();
        QCOMPARE(again.keySource, Store::KeySource::None);
        QCOMPARE(Realtime::RunSettings::fromJson(again.runSettings).limits.concurrency, 7);
    }

    // Without a Run here account the dialog says so and adds one through the account dialog (the job's
    // account stays the current one); Automatically keeps the job's policy and the dialog shows it again.
    void fallbackDialogAddsAccountAndKeepsPolicy()
    {
        startWindow(options(400));
        const qint64 sandboxAccount = controller()->currentAccountId();
        const QString id = submitJob(writeLines(QStringLiteral("policy.jsonl"), 16), 8);
        QVERIFY(!id.isEmpty());
        QPointer<QDialog> dialog = openFallbackDialog(id);
        QVERIFY(dialog);
        auto *combo = child<QComboBox>(dialog, "realtimeAccountCombo");
        auto *none = child<QLabel>(dialog, "realtimeNoAccountLabel");
        auto *ok = child<QPushButton>(dialog, "realtimeOkButton");
        QCOMPARE(combo->count(), 0);
        QVERIFY(none->isVisible());
        QVERIFY(!ok->isEnabled());

        QTest::mouseClick(child<QPushButton>(dialog, "realtimeAddAccountButton"), Qt::LeftButton);
        QPointer<QDialog> add = dialog->findChild<QDialog *>(QStringLiteral("accountDialog"));
        QVERIFY(add);
        QTRY_VERIFY(add->isVisible());
        auto *preset = child<QComboBox>(add, "accountPreset");
        QCOMPARE(preset->currentData().toInt(), int(Store::Preset::Realtime));
        QVERIFY(child<QSpinBox>(add, "realtimeConcurrency")->isVisible());
        child<QLineEdit>(add, "accountName")->setText(QStringLiteral("GPU box"));
        QTest::mouseClick(child<QDialogButtonBox>(add, "accountButtons")->button(QDialogButtonBox::Ok),
                          Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(add.isNull() || !add->isVisible(), 10000);
        QCOMPARE(controller()->currentAccountId(), sandboxAccount);
        QCOMPARE(combo->count(), 1);
        QCOMPARE(combo->currentData(Qt::UserRole + 1).toString(), QStringLiteral("GPU box"));
        QVERIFY(!none->isVisible());
        QVERIFY(ok->isEnabled());

        // Automatically: both triggers.
        child<QRadioButton>(dialog, "realtimeAutoRadio")->click();
        QCOMPARE(ok->text(), QStringLiteral("Save Policy"));
        auto *after = child<QCheckBox>(dialog, "realtimeAfterCheck");
        auto *at = child<QCheckBox>(dialog, "realtimeAtCheck");
        QVERIFY(!child<QDoubleSpinBox>(dialog, "realtimeAfterHours")->isEnabled());
        after->click();
        at->click();
        child<QDoubleSpinBox>(dialog, "realtimeAfterHours")->setValue(6);
        child<QSpinBox>(dialog, "realtimeAtPercent")->setValue(90);
        QTest::mouseClick(ok, Qt::LeftButton);
        QTRY_VERIFY(dialog.isNull() || !dialog->isVisible());
        const qint64 gpu = controller()->realtimeAccounts().first().id;
        const auto stored = controller()->jobStore()->job(id);
        QVERIFY(stored);
        QCOMPARE(stored->realtimeAccountId, gpu);
        QCOMPARE(stored->realtimeAfterHours, 6.0);
        QCOMPARE(stored->realtimeAtPercent, 90);
        QVERIFY(!stored->realtimeRequested);
        // The job's tooltip says what will happen.
        QTRY_VERIFY(
            model()
                ->indexOfJob(id)
                .data(Qt::ToolTipRole)
                .toString()
                .contains(QStringLiteral("Finishes in real time on GPU box after 6 hours or at 90 % done")));

        // Opened again: pre-filled from the policy.
        dialog = openFallbackDialog(id);
        QVERIFY(dialog);
        QVERIFY(child<QRadioButton>(dialog, "realtimeAutoRadio")->isChecked());
        QVERIFY(child<QCheckBox>(dialog, "realtimeAfterCheck")->isChecked());
        QCOMPARE(child<QDoubleSpinBox>(dialog, "realtimeAfterHours")->value(), 6.0);
        QCOMPARE(child<QSpinBox>(dialog, "realtimeAtPercent")->value(), 90);
        QCOMPARE(child<QComboBox>(dialog, "realtimeAccountCombo")->currentData().toLongLong(), gpu);
        dialog->reject();
        QVERIFY(controller()->cancelJob(id).ok());
    }

    // A job whose batches crawl (one line at a time, 400 ms each) is finished in real time: the batches are
    // cancelled, their answers kept, and the requests without a result run on the Run here account as a new
    // round; the job ends with every request succeeded, and no request answered by a batch ran again.
    void finishNowRunsTheRestInRealTime()
    {
        startWindow(options(400));
        const qint64 sandboxAccount = controller()->currentAccountId();
        const QString id = submitJob(writeLines(QStringLiteral("slow.jsonl"), 24), 12);
        QVERIFY(!id.isEmpty());
        const qint64 runHere = addRunHereAccount(QStringLiteral("Sandbox real time"));
        QVERIFY(runHere > 0);
        QCOMPARE(controller()->currentAccountId(), sandboxAccount);
        // Let the batches answer a few requests first.
        QTRY_VERIFY_WITH_TIMEOUT(job(id) && job(id)->succeeded() >= 2, 30000);
        controller()->sandbox()->resetRealtimeStats();

        QPointer<QDialog> dialog = openFallbackDialog(id);
        QVERIFY(dialog);
        auto *combo = child<QComboBox>(dialog, "realtimeAccountCombo");
        QCOMPARE(combo->count(), 1);
        QCOMPARE(combo->currentData().toLongLong(), runHere);
        QVERIFY(child<QRadioButton>(dialog, "realtimeNowRadio")->isChecked());
        auto *ok = child<QPushButton>(dialog, "realtimeOkButton");
        QCOMPARE(ok->text(), QStringLiteral("Finish Now"));
        const int asked = Ui::MessageBox::shownCount();
        Ui::MessageBox::setNextAnswer(QMessageBox::Yes);
        QTest::mouseClick(ok, Qt::LeftButton);
        QCOMPARE(Ui::MessageBox::shownCount(), asked + 1);
        const QString confirm = Ui::MessageBox::lastText();
        QVERIFY2(confirm.startsWith(QStringLiteral("The running batches of this job are cancelled; their "
                                                   "finished answers are kept; the ")),
                 qPrintable(confirm));
        QVERIFY2(confirm.endsWith(QStringLiteral("without a result run on Sandbox real time.")),
                 qPrintable(confirm));
        QTRY_VERIFY(dialog.isNull() || !dialog->isVisible());
        QVERIFY(controller()->jobStore()->job(id)->realtimeRequested);
        // Asked once: the action is off while the switch runs.
        QTRY_VERIFY(!find<QAction>("finishRealtimeAction")->isEnabled());

        QTRY_COMPARE_WITH_TIMEOUT(job(id)->job.state, Job::State::Finished, 60000);
        const Models::JobEntry done = *job(id);
        QCOMPARE(done.requests(), 24);
        QCOMPARE(done.succeeded(), 24);
        qint64 byBatches = 0, inRealtime = 0;
        int realtimeParts = 0;
        for (const JobPart &p : done.parts) {
            if (p.round == 0) {
                QCOMPARE(p.runnerAccountId, 0);
                byBatches += p.completed;
            } else {
                QCOMPARE(p.runnerAccountId, runHere);
                inRealtime += p.completed;
                ++realtimeParts;
                // The tree says where the part ran.
                QVERIFY2(model()
                             ->indexOfPart(id, p.round, p.part)
                             .data()
                             .toString()
                             .endsWith(QStringLiteral(" \u00b7 real time: Sandbox real time")),
                         qPrintable(model()->indexOfPart(id, p.round, p.part).data().toString()));
            }
        }
        QVERIFY(realtimeParts >= 1);
        QVERIFY(byBatches >= 2);
        QVERIFY(byBatches < 24);
        QCOMPARE(byBatches + inRealtime, 24);
        // Exactly the requests without a result went to the real-time endpoint, each once.
        const Sandbox::RealtimeStats stats = controller()->sandbox()->realtimeStats();
        QCOMPARE(stats.requests, inRealtime);
        QSet<QString> texts;
        for (const Sandbox::RealtimeHit &h : stats.hits)
            texts.insert(h.text);
        QCOMPARE(texts.size(), stats.hits.size());
        QVERIFY(model()
                    ->indexOfJob(id)
                    .data(Qt::ToolTipRole)
                    .toString()
                    .contains(QStringLiteral("Finished in real time on Sandbox real time")));
        if (const QString dir = qEnvironmentVariable("BATCHDESK_GRAB_DIR"); !dir.isEmpty()) {
            m_window->jobsPage()->view()->expandAll();
            m_window->grab().save(dir + QStringLiteral("/jobs-realtime.png"));
        }
    }
};

QTEST_MAIN(TestRunHere)
#include "tst_runhere.moc"
