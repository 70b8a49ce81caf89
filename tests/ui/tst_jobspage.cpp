// Jobs in the desktop app, against its in-process sandbox: a file split into parts is one job whose parts
// wait under the account's limit (forced to one batch at a time), the Jobs view shows them queued, a queued
// part is cancelled with the real action, a restart over the same data resumes the job without submitting any
// part twice, and the retry policy of the job dialog (and Retry Failed… afterwards) runs rounds of the
// requests that did not succeed.
#include "api/apiclient.h"
#include "api/apijob.h"
#include "appcontroller.h"
#include "batchespage.h"
#include "jobspage.h"
#include "jobtreemodel.h"
#include "jsonl/splitter.h"
#include "languagemenu.h"
#include "mainwindow.h"
#include "messagebox.h"
#include "resultspage.h"
#include "sandbox/sandboxserver.h"
#include "sidebar.h"

#include <QAction>
#include <QCheckBox>
#include <QComboBox>
#include <QDialog>
#include <QFile>
#include <QLabel>
#include <QListWidget>
#include <QPointer>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QStackedWidget>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QToolButton>
#include <QTreeView>
#include <QUuid>

#include <memory>

using namespace Batchdesk;
using Models::JobTreeModel;
using Store::Job;
using Store::JobPart;

namespace {

Ui::AppOptions options(int latencyMs, int maxInFlight)
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
    o.maxInFlight = maxInFlight;
    return o;
}

} // namespace

class TestJobsPage : public QObject
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

    void startWindow(const Ui::AppOptions &o)
    {
        m_window = std::make_unique<Ui::MainWindow>(o);
        m_window->resize(1300, 820);
        m_window->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
        QTRY_VERIFY_WITH_TIMEOUT(m_window->controller()->isConnected(), 10000);
    }

    JobTreeModel *model() const { return m_window->controller()->jobModel(); }

    // Lines for the echo model; a marker makes a line fail (always, or only the first time).
    QString writeLines(const QString &name, int lines, const QMap<int, QString> &markers = {})
    {
        const QString path = m_data->filePath(name);
        QFile f(path);
        if (!f.open(QIODevice::WriteOnly))
            return {};
        for (int i = 0; i < lines; ++i) {
            const QString line =
                QStringLiteral("{\"custom_id\": \"r%1\", \"method\": \"POST\", \"url\": "
                               "\"/v1/chat/completions\", \"body\": {\"model\": \"sandbox/echo\", "
                               "\"messages\": [{\"role\": \"user\", \"content\": \"line %1 %2\"}]}}\n")
                    .arg(i)
                    .arg(markers.value(i));
            f.write(line.toUtf8());
        }
        return path;
    }

    // As the Validate view does it: split on the core splitter (here into parts of maxLines), then the job
    // dialog of the window. Returns the new job's id.
    QString submitJob(const QString &path, qint64 maxLines, int retryRounds)
    {
        const QString folder =
            m_data->filePath(QStringLiteral("parts-") + QFileInfo(path).completeBaseName());
        Jsonl::SplitLimits limits;
        limits.maxLines = maxLines;
        const auto parts = Jsonl::splitJsonl(path, folder, QFileInfo(path).completeBaseName(),
                                             Jsonl::LimitProfile::deepinfra(), false, limits);
        if (!parts.ok()) {
            qWarning() << "split failed" << parts.errorString();
            return {};
        }
        Ui::JobDraft draft;
        draft.name = QFileInfo(path).fileName();
        draft.sourcePath = path;
        draft.folder = folder;
        draft.endpoint = QStringLiteral("/v1/chat/completions");
        draft.parts = parts.value();
        m_window->submitJob(draft);
        auto *dialog = find<QDialog>("createBatchDialog");
        if (!dialog) {
            qWarning() << "no job dialog";
            return {};
        }
        // The policy is offered, off by default.
        auto *retry = dialog->findChild<QCheckBox *>(QStringLiteral("createRetry"));
        auto *rounds = dialog->findChild<QComboBox *>(QStringLiteral("createRetryRounds"));
        if (!retry || !retry->isVisibleTo(dialog) || retry->isChecked() || rounds->isEnabled()) {
            qWarning() << "retry policy not offered as expected";
            return {};
        }
        if (retryRounds > 0) {
            retry->setChecked(true);
            rounds->setCurrentIndex(rounds->findData(retryRounds));
        }
        const int before = model()->jobCount();
        QTest::mouseClick(dialog->findChild<QPushButton *>(QStringLiteral("createOkButton")), Qt::LeftButton);
        if (model()->jobCount() != before + 1) {
            qWarning() << "no job recorded";
            return {};
        }
        return model()->index(0, 0).data(JobTreeModel::JobIdRole).toString();
    }

    std::optional<Models::JobEntry> job(const QString &id) const { return model()->job(id); }

    JobPart part(const QString &jobId, int round, int n) const
    {
        const auto j = job(jobId);
        if (j) {
            for (const JobPart &p : j->parts) {
                if (p.round == round && p.part == n)
                    return p;
            }
        }
        return {};
    }

    QString cell(const QString &jobId, int round, int n, int column) const
    {
        return model()->indexOfPart(jobId, round, n, column).data().toString();
    }

    // The batches of a job on the server, by listing them (not what the app believes).
    QList<Api::Batch> serverBatchesOf(const QString &jobId)
    {
        Api::ListJob *list = m_window->controller()->client()->listBatches(100);
        list->setAutoDelete(false);
        QSignalSpy done(list, &Api::ApiJob::finished);
        list->start();
        QList<Api::Batch> out;
        if (done.wait(20000)) {
            for (const Api::Batch &b : list->batches()) {
                if (b.metadata.value(Api::kJobKey) == jobId)
                    out << b;
            }
        }
        delete list;
        return out;
    }

    QToolButton *buttonOf(QAction *action) const
    {
        for (auto *button : m_window->jobsPage()->findChildren<QToolButton *>()) {
            if (button->defaultAction() == action)
                return button;
        }
        return nullptr;
    }

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(QStringLiteral("BatchdeskTests"));
        QCoreApplication::setApplicationName(QStringLiteral("tst_jobspage"));
        QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
        // As the app starts: the English catalogue gives the plural forms ("1 job", "2 parts").
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

    // One batch at a time: the parts wait in the Jobs view, a queued one is dropped, and after a restart the
    // job goes on where it stopped, with no part submitted twice.
    void queuedPartsCancelAndResumeAfterRestart()
    {
        const Ui::AppOptions o = options(350, 1);
        startWindow(o);
        // Empty at first, with what to do.
        m_window->showView(Ui::Sidebar::View::Jobs);
        QVERIFY(find<QWidget>("jobsEmptyState")->isVisible());

        const QString id = submitJob(writeLines(QStringLiteral("queue.jsonl"), 12), 4, 0);
        QVERIFY(!id.isEmpty());
        auto *page = m_window->jobsPage();
        QCOMPARE(m_window->pages()->currentWidget(), static_cast<QWidget *>(page));
        auto *view = find<QTreeView>("jobsView");
        QVERIFY(view->isVisible());
        const QModelIndex jobRow = model()->indexOfJob(id);
        QCOMPARE(model()->rowCount(jobRow), 3);
        QVERIFY(view->isExpanded(jobRow));
        // The sidebar lists the view with its count.
        auto *views = find<QListWidget>("viewList");
        QVERIFY(!views->findItems(QStringLiteral("Jobs"), Qt::MatchExactly).isEmpty());

        // Part 1 gets the only slot; parts 2 and 3 wait, without a batch, and say so.
        QTRY_VERIFY_WITH_TIMEOUT(!part(id, 0, 1).batchId.isEmpty(), 15000);
        int mostInFlight = 0;
        const auto watchInFlight = [&] {
            connect(model(), &QAbstractItemModel::dataChanged, this, [&] {
                if (const auto j = job(id))
                    mostInFlight = qMax(mostInFlight, j->inFlight());
            });
        };
        watchInFlight();
        for (int n : {2, 3}) {
            QCOMPARE(part(id, 0, n).state, JobPart::State::Queued);
            QCOMPARE(cell(id, 0, n, JobTreeModel::StateColumn), QStringLiteral("Queued"));
            QCOMPARE(cell(id, 0, n, JobTreeModel::BatchColumn), QString());
            QCOMPARE(cell(id, 0, n, JobTreeModel::NameColumn), QStringLiteral("Part %1/3").arg(n));
        }
        QCOMPARE(job(id)->inFlight(), 1);
        QCOMPARE(
            find<QLabel>("jobsSummary")->text(),
            QStringLiteral("1 job \u00b7 1 part running \u00b7 2 waiting for a free slot \u00b7 at most 1 "
                           "batch at once"));
        QCOMPARE(cell(id, 0, 2, JobTreeModel::ProgressColumn), QStringLiteral("4 requests"));

        // Cancel Part on the running part: not possible; on a queued one: asked, then dropped.
        page->selectPart(id, 0, 1);
        auto *cancelPart = find<QAction>("jobsCancelPartAction");
        QVERIFY(!cancelPart->isEnabled());
        QVERIFY(find<QAction>("jobsShowBatchAction")->isEnabled());
        page->selectPart(id, 0, 3);
        QVERIFY(cancelPart->isEnabled());
        QVERIFY(!find<QAction>("jobsShowBatchAction")->isEnabled());
        QToolButton *cancelButton = buttonOf(cancelPart);
        QVERIFY(cancelButton && cancelButton->isVisible());
        const int asked = Ui::MessageBox::shownCount();
        Ui::MessageBox::setNextAnswer(QMessageBox::Yes);
        QTest::mouseClick(cancelButton, Qt::LeftButton);
        QCOMPARE(Ui::MessageBox::shownCount(), asked + 1);
        QVERIFY(Ui::MessageBox::lastButtons().contains(QStringLiteral("Cancel Part")));
        QTRY_COMPARE(part(id, 0, 3).state, JobPart::State::Canceled);
        QCOMPARE(cell(id, 0, 3, JobTreeModel::StateColumn), QStringLiteral("Cancelled"));
        QCOMPARE(part(id, 0, 3).batchId, QString());
        QVERIFY(!cancelPart->isEnabled());
        if (const QString dir = qEnvironmentVariable("BATCHDESK_GRAB_DIR"); !dir.isEmpty())
            m_window->grab().save(dir + QStringLiteral("/jobs-page.png"));

        // Quit while part 1 runs and part 2 waits: nothing of the job is lost.
        QCOMPARE(part(id, 0, 2).state, JobPart::State::Queued);
        const QString firstBatch = part(id, 0, 1).batchId;
        m_window.reset();
        startWindow(o);
        watchInFlight();
        m_window->showView(Ui::Sidebar::View::Jobs);
        QVERIFY(job(id));
        QCOMPARE(part(id, 0, 3).state, JobPart::State::Canceled);
        QTRY_COMPARE_WITH_TIMEOUT(job(id)->job.state, Job::State::Finished, 60000);
        QCOMPARE(mostInFlight, 1);
        QCOMPARE(part(id, 0, 1).batchId, firstBatch);
        QCOMPARE(part(id, 0, 2).state, JobPart::State::Finished);
        QCOMPARE(part(id, 0, 3).batchId, QString());
        QCOMPARE(model()->indexOfJob(id, JobTreeModel::StateColumn).data().toString(),
                 QStringLiteral("Finished"));
        // The part dropped before it was submitted counts neither as done nor as to do.
        QCOMPARE(model()->indexOfJob(id, JobTreeModel::PartsColumn).data().toString(),
                 QStringLiteral("2 of 2"));

        // The server has exactly one batch per submitted part: 1/3 and 2/3, never 3/3.
        QStringList labels;
        for (const Api::Batch &b : serverBatchesOf(id))
            labels << b.metadata.value(Api::kPartKey);
        labels.sort();
        QCOMPARE(labels, (QStringList {QStringLiteral("1/3"), QStringLiteral("2/3")}));

        // Show Batch selects the part's batch in the batch list; their results were downloaded by themselves.
        m_window->jobsPage()->selectPart(id, 0, 2);
        find<QAction>("jobsShowBatchAction")->trigger();
        QCOMPARE(m_window->pages()->currentWidget(), static_cast<QWidget *>(m_window->batchesPage()));
        QCOMPARE(m_window->batchesPage()->currentBatch()->id, part(id, 0, 2).batchId);
        for (int n : {1, 2})
            QTRY_COMPARE_WITH_TIMEOUT(m_window->controller()->resultsState(part(id, 0, n).batchId),
                                      Ui::AppController::ResultsState::Downloaded, 15000);
    }

    // Retry policy from the job dialog: a request that fails once succeeds in round 1, one that always fails
    // is tried again; Retry Failed… adds a round by hand for the chosen outcomes only.
    // A job can go to another account than the current one: chosen in the job dialog, recorded for that
    // account with its parts queued, and submitted there once the app has switched to it.
    void jobToAnotherAccount()
    {
        Sandbox::SandboxConfig config;
        config.latencyMs = 5;
        Sandbox::SandboxServer second(config);
        QString error;
        QVERIFY2(second.start(&error), qPrintable(error));
        startWindow(options(50, 4));
        Store::Account other;
        other.name = QStringLiteral("Second");
        other.preset = Store::Preset::Custom;
        other.baseUrl = QUrl(second.baseUrl());
        other.limitProfile = QStringLiteral("openai");
        other.keySource = Store::KeySource::None;
        QString saveError = QStringLiteral("pending");
        m_window->controller()->saveAccount(other, std::nullopt, [&](const QString &e) { saveError = e; });
        QTRY_COMPARE(saveError, QString());
        qint64 otherId = 0;
        qint64 first = 0;
        for (const auto &a : m_window->controller()->accounts()) {
            otherId = a.name == other.name ? a.id : otherId;
            first = a.preset == Store::Preset::Sandbox ? a.id : first;
        }
        QVERIFY(otherId > 0 && first > 0);
        // Back on the built-in sandbox (a new account becomes the current one).
        m_window->controller()->selectAccount(first);
        QTRY_VERIFY_WITH_TIMEOUT(m_window->controller()->isConnected(), 10000);

        const QString path = writeLines(QStringLiteral("elsewhere.jsonl"), 6);
        const QString folder = m_data->filePath(QStringLiteral("parts-elsewhere"));
        Jsonl::SplitLimits limits;
        limits.maxLines = 3;
        const auto parts = Jsonl::splitJsonl(path, folder, QStringLiteral("elsewhere"),
                                             Jsonl::LimitProfile::deepinfra(), false, limits);
        QVERIFY(parts.ok());
        Ui::JobDraft draft;
        draft.name = QStringLiteral("elsewhere.jsonl");
        draft.sourcePath = path;
        draft.folder = folder;
        draft.endpoint = QStringLiteral("/v1/chat/completions");
        draft.parts = parts.value();
        m_window->submitJob(draft);
        auto *dialog = find<QDialog>("createBatchDialog");
        QVERIFY(dialog);
        auto *account = dialog->findChild<QComboBox *>(QStringLiteral("createAccount"));
        QVERIFY(account && account->isVisibleTo(dialog));
        QCOMPARE(account->currentData().toLongLong(), first);
        account->setCurrentIndex(account->findData(otherId));
        QTest::mouseClick(dialog->findChild<QPushButton *>(QStringLiteral("createOkButton")), Qt::LeftButton);

        // The app switches to that account, whose session submits both parts to its server.
        QTRY_COMPARE(m_window->controller()->currentAccountId(), otherId);
        QTRY_VERIFY_WITH_TIMEOUT(m_window->controller()->isConnected(), 10000);
        QTRY_VERIFY_WITH_TIMEOUT(model()->jobCount() == 1, 10000);
        const QString jobId = model()->index(0, 0).data(JobTreeModel::JobIdRole).toString();
        QTRY_COMPARE_WITH_TIMEOUT(serverBatchesOf(jobId).size(), 2, 20000);
    }

    void retryRoundsFromDialogAndByHand()
    {
        startWindow(options(15, 0));
        const QString flaky =
            QStringLiteral("[[flaky]] ") + QUuid::createUuid().toString(QUuid::WithoutBraces);
        const QString path =
            writeLines(QStringLiteral("retry.jsonl"), 6, {{1, flaky}, {4, QStringLiteral("[[fail]]")}});
        const QString id = submitJob(path, 3, 1);
        QVERIFY(!id.isEmpty());
        QTRY_COMPARE_WITH_TIMEOUT(job(id)->job.state, Job::State::Finished, 60000);
        const auto done = *job(id);
        QCOMPARE(done.job.round, 1);
        QCOMPARE(done.parts.size(), 3); // two parts, then one retry part of the two failures
        QCOMPARE(done.parts.last().round, 1);
        QCOMPARE(done.parts.last().lines, 2);
        QCOMPARE(done.succeeded(), 5);
        QCOMPARE(done.failed(), 1);
        QCOMPARE(model()->indexOfJob(id, JobTreeModel::StateColumn).data().toString(),
                 QStringLiteral("Finished with failures"));
        QCOMPARE(model()->indexOfJob(id, JobTreeModel::RoundColumn).data().toString(),
                 QStringLiteral("1 of 1"));
        QCOMPARE(cell(id, 1, 1, JobTreeModel::NameColumn), QStringLiteral("Retry 1, part 1/1"));

        // Retry Failed…: only "failed" this time; one more round of the one request.
        auto *page = m_window->jobsPage();
        m_window->showView(Ui::Sidebar::View::Jobs);
        page->selectJob(id);
        auto *retry = find<QAction>("jobsRetryAction");
        QVERIFY(retry->isEnabled());
        QVERIFY(!find<QAction>("jobsCancelJobAction")->isEnabled());
        retry->trigger();
        QPointer<QDialog> dialog = find<QDialog>("retryJobDialog");
        QVERIFY(dialog);
        QTRY_VERIFY(dialog->isVisible());
        auto *ok = dialog->findChild<QPushButton *>(QStringLiteral("retryOkButton"));
        for (const char *name : {"retryOutcome_failed", "retryOutcome_expired", "retryOutcome_cancelled",
                                 "retryOutcome_missing"})
            dialog->findChild<QCheckBox *>(QString::fromLatin1(name))->setChecked(false);
        QVERIFY(!ok->isEnabled());
        dialog->findChild<QCheckBox *>(QStringLiteral("retryOutcome_failed"))->setChecked(true);
        QVERIFY(ok->isEnabled());
        QTest::mouseClick(ok, Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(job(id)->job.round, 2, 30000);
        QTRY_COMPARE_WITH_TIMEOUT(job(id)->job.state, Job::State::Finished, 60000);
        QCOMPARE(job(id)->parts.size(), 4);
        QCOMPARE(job(id)->failed(), 1);

        // Open Results shows the job's joined table.
        page->selectJob(id);
        QVERIFY(find<QAction>("jobsOpenResultsAction")->isEnabled());
        find<QAction>("jobsOpenResultsAction")->trigger();
        QCOMPARE(m_window->pages()->currentWidget(), static_cast<QWidget *>(m_window->resultsPage()));
    }
};

QTEST_MAIN(TestJobsPage)
#include "tst_jobspage.moc"
