// The Results page with an images batch and a moderations batch from the app's in-process sandbox: the
// Images, Flagged and Categories columns appear only for such batches, "Save Images…" is enabled only when
// the results hold images, and saving writes the decoded PNGs under safe names in the chosen folder.
#include "appcontroller.h"
#include "mainwindow.h"
#include "resultsmodel.h"
#include "resultspage.h"

#include <QAction>
#include <QDir>
#include <QFile>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace Batchdesk;
using Models::ResultsModel;

namespace {

Ui::AppOptions fastOptions()
{
    Ui::AppOptions o;
    o.sandbox.latencyMs = 10;
    o.sandbox.concurrency = 4;
    o.monitor.fastIntervalMs = 150;
    o.monitor.slowIntervalMs = 600;
    o.monitor.errorInitialMs = 200;
    o.monitor.errorMaxMs = 600;
    Api::RetryPolicy retry;
    retry.maxRetries = 0;
    o.retryPolicy = retry;
    o.keychainTimeoutMs = 8000;
    return o;
}

QByteArray requestLine(const QString &id, const QString &url, const QString &body)
{
    return QStringLiteral("{\"custom_id\": \"%1\", \"method\": \"POST\", \"url\": \"%2\", \"body\": %3}\n")
        .arg(id, url, body)
        .toUtf8();
}

} // namespace

class TestResultsPageImages : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<QTemporaryDir> m_data;
    std::unique_ptr<Ui::MainWindow> m_window;

    Ui::AppController *controller() const { return m_window->controller(); }
    Ui::ResultsPage *page() const { return m_window->resultsPage(); }
    QAction *saveImagesAction() const { return page()->findChild<QAction *>(QStringLiteral("saveImages")); }
    QTableView *view() const { return page()->view(); }

    // Submits through the controller, waits for the app to download the results and opens them.
    bool submitAndOpen(const QString &name, const QByteArray &content, const QString &endpoint)
    {
        const QString path = m_data->filePath(name);
        QFile f(path);
        if (!f.open(QIODevice::WriteOnly) || f.write(content) != content.size())
            return false;
        f.close();
        QSignalSpy created(controller(), &Ui::AppController::batchCreated);
        Api::CreateBatchParams params;
        params.endpoint = endpoint;
        controller()->submit(path, params);
        if (!created.wait(15000))
            return false;
        const QString id = created.first().first().value<Api::Batch>().id;
        if (!QTest::qWaitFor(
                [&] { return controller()->resultsState(id) == Ui::AppController::ResultsState::Downloaded; },
                30000))
            return false;
        page()->showBatch(id);
        return QTest::qWaitFor([&] { return page()->results() != nullptr && !page()->isLoading(); }, 15000);
    }

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(QStringLiteral("BatchdeskTests"));
        QCoreApplication::setApplicationName(QStringLiteral("tst_resultspage_images"));
        QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
    }

    void init()
    {
        m_data = std::make_unique<QTemporaryDir>();
        QVERIFY(m_data->isValid());
        qputenv("BATCHDESK_DATA_DIR", m_data->filePath(QStringLiteral("data")).toUtf8());
        QSettings().clear();
        m_window = std::make_unique<Ui::MainWindow>(fastOptions());
        m_window->resize(1300, 820);
        m_window->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
        QTRY_VERIFY_WITH_TIMEOUT(controller()->isConnected(), 10000);
    }

    void cleanup()
    {
        m_window.reset();
        m_data.reset();
    }

    void imagesAreShownAndSaved()
    {
        const QString url = QStringLiteral("/v1/images/generations");
        const QByteArray content =
            requestLine(QStringLiteral("cat"), url, QStringLiteral("{\"prompt\": \"a cat\", \"n\": 2}"))
            + requestLine(QStringLiteral("../evil"), url, QStringLiteral("{\"prompt\": \"a dog\"}"));
        QVERIFY(submitAndOpen(QStringLiteral("images.jsonl"), content, url));
        QCOMPARE(page()->model()->rowCount(), 2);
        QVERIFY(page()->resultKinds().images);
        QVERIFY(!view()->isColumnHidden(ResultsModel::ImagesColumn));
        QVERIFY(view()->isColumnHidden(ResultsModel::FlaggedColumn));
        QVERIFY(view()->isColumnHidden(ResultsModel::VideoColumn));
        QCOMPARE(page()->model()->index(0, ResultsModel::ImagesColumn).data().toInt(), 2);
        QVERIFY(saveImagesAction()->isEnabled());

        const QString dir = m_data->filePath(QStringLiteral("saved/images"));
        QSignalSpy finished(page(), &Ui::ResultsPage::exportFinished);
        page()->saveImagesTo(dir);
        QVERIFY(finished.wait(15000));
        QCOMPARE(finished.first().at(0).toString(), dir);
        QCOMPARE(finished.first().at(1).toString(), QString());
        QCOMPARE(QDir(dir).entryList(QDir::Files, QDir::Name),
                 (QStringList {QStringLiteral("_evil.png"), QStringLiteral("cat-1.png"),
                               QStringLiteral("cat-2.png")}));
        QFile png(QDir(dir).filePath(QStringLiteral("cat-1.png")));
        QVERIFY(png.open(QIODevice::ReadOnly));
        QVERIFY(png.readAll().startsWith("\x89PNG\r\n\x1a\n"));
        QVERIFY(!QFile::exists(m_data->filePath(QStringLiteral("saved/evil.png"))));
        QTRY_VERIFY(saveImagesAction()->isEnabled()); // given back when the save is over
    }

    void moderationsShowVerdictsWithoutImages()
    {
        const QString url = QStringLiteral("/v1/moderations");
        const QByteArray content =
            requestLine(QStringLiteral("ok"), url, QStringLiteral("{\"input\": \"hello\"}"))
            + requestLine(QStringLiteral("bad"), url, QStringLiteral("{\"input\": \"x [[flag:violence]]\"}"));
        QVERIFY(submitAndOpen(QStringLiteral("moderations.jsonl"), content, url));
        QVERIFY(!view()->isColumnHidden(ResultsModel::FlaggedColumn));
        QVERIFY(!view()->isColumnHidden(ResultsModel::CategoriesColumn));
        QVERIFY(view()->isColumnHidden(ResultsModel::ImagesColumn));
        QCOMPARE(page()->model()->index(0, ResultsModel::FlaggedColumn).data().toString(),
                 QStringLiteral("no"));
        QCOMPARE(page()->model()->index(1, ResultsModel::FlaggedColumn).data().toString(),
                 QStringLiteral("yes"));
        QCOMPARE(page()->model()->index(1, ResultsModel::CategoriesColumn).data().toString(),
                 QStringLiteral("violence"));
        QVERIFY(!saveImagesAction()->isEnabled());
    }
};

QTEST_MAIN(TestResultsPageImages)
#include "tst_resultspage_images.moc"
