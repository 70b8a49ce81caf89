// The results flow of the desktop app against its in-process sandbox: a batch submitted from the app is
// downloaded by itself when it finishes, its results open joined to the requests, filter / search / sort /
// export work on the real widgets, a resubmit of the failures joins back onto the same table, and the remote
// files can be deleted while the table keeps working from the local copies.
#include "appcontroller.h"
#include "batchespage.h"
#include "batchtablemodel.h"
#include "filedialog.h"
#include "mainwindow.h"
#include "messagebanner.h"
#include "messagebox.h"
#include "results/resultsdownload.h"
#include "resultscharts.h"
#include "resultsmodel.h"
#include "resultspage.h"
#include "store/resultsstore.h"
#include "validationpage.h"

#include <QAction>
#include <QApplication>
#include <QBarSet>
#include <QChart>
#include <QChartView>
#include <QCheckBox>
#include <QClipboard>
#include <QDir>
#include <QFile>
#include <QHeaderView>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QStackedWidget>
#include <QStandardPaths>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTextBrowser>
#include <QToolButton>
#include <QTreeView>

#include <memory>

using namespace Batchdesk;
using Models::ResultsModel;
using Results::Outcome;

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

QByteArray chatLine(const QString &id, const QString &text)
{
    return QStringLiteral("{\"custom_id\": \"%1\", \"method\": \"POST\", \"url\": \"/v1/chat/completions\", "
                          "\"body\": {\"model\": \"sandbox/echo\", \"messages\": [{\"role\": \"user\", "
                          "\"content\": \"%2\"}]}}\n")
        .arg(id, text)
        .toUtf8();
}

// A chat request whose answer (the sandbox echoes the user's text) is that text; maxTokens >= 0 cuts it.
QByteArray echoLine(const QString &id, const QString &text, int maxTokens = -1)
{
    QJsonObject body {{QStringLiteral("model"), QStringLiteral("sandbox/echo")},
                      {QStringLiteral("messages"),
                       QJsonArray {QJsonObject {{QStringLiteral("role"), QStringLiteral("user")},
                                                {QStringLiteral("content"), text}}}}};
    if (maxTokens >= 0)
        body.insert(QStringLiteral("max_tokens"), maxTokens);
    const QJsonObject line {{QStringLiteral("custom_id"), id},
                            {QStringLiteral("method"), QStringLiteral("POST")},
                            {QStringLiteral("url"), QStringLiteral("/v1/chat/completions")},
                            {QStringLiteral("body"), body}};
    return QJsonDocument(line).toJson(QJsonDocument::Compact) + '\n';
}

} // namespace

class TestResultsPage : public QObject
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

    Ui::AppController *controller() const { return m_window->controller(); }
    Ui::ResultsPage *page() const { return m_window->resultsPage(); }
    ResultsModel *model() const { return page()->model(); }

    QString writeFile(const QString &name, const QByteArray &content)
    {
        const QString path = m_data->filePath(name);
        QFile f(path);
        if (!f.open(QIODevice::WriteOnly) || f.write(content) != content.size())
            return {};
        return path;
    }

    // Uploads and creates a batch through the controller (the dialog flow is covered by tst_desktopapp) and
    // waits until the app has downloaded its results by itself.
    QString submitAndWaitForResults(const QString &path)
    {
        QSignalSpy created(controller(), &Ui::AppController::batchCreated);
        Api::CreateBatchParams params;
        params.endpoint = QStringLiteral("/v1/chat/completions");
        controller()->submit(path, params);
        if (!created.wait(15000))
            return {};
        const QString id = created.first().first().value<Api::Batch>().id;
        // No click: a batch submitted from the app is downloaded as soon as it finishes.
        const bool downloaded = QTest::qWaitFor(
            [&] { return controller()->resultsState(id) == Ui::AppController::ResultsState::Downloaded; },
            30000);
        return downloaded ? id : QString();
    }

    void openResults(const QString &id)
    {
        auto *view = m_window->batchesPage()->findChild<QTreeView *>(QStringLiteral("batchesView"));
        QVERIFY(view);
        m_window->showView(Ui::Sidebar::View::Batches);
        // Select the batch's row and use the action (Ctrl+J) as a user would.
        const int sourceRow = controller()->batchModel()->rowOf(id);
        QVERIFY(sourceRow >= 0);
        QModelIndex index;
        for (int r = 0; r < view->model()->rowCount(); ++r) {
            if (view->model()->index(r, 0).data(Models::BatchTableModel::IdRole).toString() == id)
                index = view->model()->index(r, 0);
        }
        QVERIFY(index.isValid());
        view->setCurrentIndex(index);
        QTRY_VERIFY(find<QAction>("openResultsAction")->isEnabled());
        find<QAction>("openResultsAction")->trigger();
        QCOMPARE(m_window->pages()->currentWidget(), static_cast<QWidget *>(page()));
        QTRY_VERIFY_WITH_TIMEOUT(page()->results() != nullptr, 15000);
    }

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(QStringLiteral("BatchdeskTests"));
        QCoreApplication::setApplicationName(QStringLiteral("tst_resultspage"));
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

    void downloadedJoinedFilteredExported()
    {
        QByteArray content;
        for (int i = 0; i < 10; ++i)
            content +=
                chatLine(QStringLiteral("q%1").arg(i),
                         i == 3 ? QStringLiteral("broken [[fail]]") : QStringLiteral("question %1").arg(i));
        content += chatLine(QStringLiteral("jp"), QStringLiteral("東京の天気 über"));
        content += chatLine(QStringLiteral("bad"), QStringLiteral("[[fail:400]] refused"));
        const QString input = writeFile(QStringLiteral("input.jsonl"), content);
        const QString id = submitAndWaitForResults(input);
        QVERIFY(!id.isEmpty());

        // Saved in the app's folder per account and batch, whole (marker), and recorded.
        const auto record = controller()->resultDownload(id);
        QVERIFY(record);
        QCOMPARE(record->folder, controller()->resultsFolderOf(id));
        QVERIFY(record->folder.contains(
            QStringLiteral("/results/%1/%2").arg(controller()->currentAccountId()).arg(id)));
        QVERIFY(QFileInfo::exists(record->folder + QStringLiteral("/.%1.complete").arg(id)));
        QVERIFY(QFileInfo::exists(record->outputPath));
        QVERIFY(QFileInfo::exists(record->errorPath));
        // The list says so instead of an expiry date.
        auto *batches = controller()->batchModel();
        QCOMPARE(
            batches->index(batches->rowOf(id), Models::BatchTableModel::OutputExpiryColumn).data().toString(),
            QStringLiteral("Saved locally"));

        openResults(id);
        QCOMPARE(model()->rowCount(), 12);
        QCOMPARE(page()->results()->totals().count(Outcome::Succeeded), 10);
        QCOMPARE(page()->results()->totals().count(Outcome::Failed), 2);
        // Rows are in input order, each joined to its own result (output order is not input order).
        for (int r = 0; r < model()->rowCount(); ++r) {
            const auto row = model()->resultRow(r);
            if (row.outcome == Outcome::Succeeded)
                QVERIFY2(row.responseText.contains(row.requestPreview), qPrintable(row.customId));
        }
        QCOMPARE(model()->index(10, ResultsModel::CustomIdColumn).data().toString(), QStringLiteral("jp"));
        QVERIFY(model()
                    ->index(10, ResultsModel::ResponseColumn)
                    .data()
                    .toString()
                    .contains(QStringLiteral("東京の天気")));

        if (const QString dir = qEnvironmentVariable("BATCHDESK_GRAB_DIR"); !dir.isEmpty()) {
            find<QTableView>("resultsView")->setCurrentIndex(model()->index(10, 0));
            QTest::qWait(100);
            m_window->grab().save(dir + QStringLiteral("/results-page.png"));
        }
        // Outcome chips show counts; "Failed" filters to the two failures.
        auto *failedChip = find<QToolButton>("chip_failed");
        QVERIFY(failedChip && failedChip->isVisible());
        QCOMPARE(failedChip->text(), QStringLiteral("Failed 2"));
        QTest::mouseClick(failedChip, Qt::LeftButton);
        QCOMPARE(model()->rowCount(), 2);
        QVERIFY(!find<QToolButton>("chip_all")->isChecked());
        QCOMPARE(model()->index(1, ResultsModel::StatusColumn).data().toInt(), 400);
        // The detail pane shows the selected row with its error and both JSON documents.
        auto *view = find<QTableView>("resultsView");
        view->setCurrentIndex(model()->index(1, 0));
        QVERIFY(find<QLabel>("resultDetailHeader")->text().contains(QStringLiteral("bad")));
        QVERIFY(find<QPlainTextEdit>("requestJsonView")
                    ->toPlainText()
                    .contains(QStringLiteral("\"custom_id\": \"bad\"")));
        QVERIFY(find<QPlainTextEdit>("resultJsonView")
                    ->toPlainText()
                    .contains(QStringLiteral("\"status_code\": 400")));

        // Export only the rows shown: two data rows.
        QSignalSpy exported(page(), &Ui::ResultsPage::exportFinished);
        const QString shownCsv = m_data->filePath(QStringLiteral("failed.csv"));
        page()->exportTo(shownCsv, Ui::ResultsPage::Format::Csv, true);
        QVERIFY(exported.wait(10000));
        QCOMPARE(exported.first().at(1).toString(), QString());
        QFile shown(shownCsv);
        QVERIFY(shown.open(QIODevice::ReadOnly));
        const QList<QByteArray> shownLines = shown.readAll().trimmed().split('\n');
        QCOMPARE(shownLines.size(), 3);
        QVERIFY(shownLines.at(1).startsWith("q3,failed"));
        QVERIFY(shownLines.at(2).startsWith("bad,failed,400"));

        // Back to all; search finds the non-ASCII request (searching runs in the background).
        QTest::mouseClick(find<QToolButton>("chip_all"), Qt::LeftButton);
        QCOMPARE(model()->rowCount(), 12);
        auto *search = find<QLineEdit>("resultsSearch");
        search->setText(QStringLiteral("天気"));
        QTRY_COMPARE_WITH_TIMEOUT(model()->rowCount(), 1, 5000);
        QCOMPARE(model()->resultRow(0).customId, QStringLiteral("jp"));
        // Copy puts the row on the clipboard.
        view->selectRow(0);
        page()->copySelection();
        QVERIFY(QApplication::clipboard()->text().startsWith(QStringLiteral("jp\tSucceeded\t200")));
        search->clear();
        QTRY_COMPARE_WITH_TIMEOUT(model()->rowCount(), 12, 5000);

        // Sorting by the HTTP column puts the two failures last (descending: first).
        view->horizontalHeader()->setSortIndicator(ResultsModel::StatusColumn, Qt::DescendingOrder);
        QTRY_COMPARE(model()->index(0, ResultsModel::StatusColumn).data().toInt(), 500);
        QCOMPARE(model()->index(1, ResultsModel::StatusColumn).data().toInt(), 400);
        // Sorting by response text (a text column) runs in the background and is case-insensitive.
        view->horizontalHeader()->setSortIndicator(ResultsModel::CustomIdColumn, Qt::AscendingOrder);
        QTRY_COMPARE(model()->index(0, ResultsModel::CustomIdColumn).data().toString(),
                     QStringLiteral("bad"));

        // A full XLSX export in the background.
        exported.clear();
        const QString xlsx = m_data->filePath(QStringLiteral("all.xlsx"));
        page()->exportTo(xlsx, Ui::ResultsPage::Format::Xlsx, false);
        QVERIFY(exported.wait(10000));
        QCOMPARE(exported.first().at(1).toString(), QString());
        QVERIFY(QFileInfo(xlsx).size() > 1000);
        QTRY_COMPARE(m_window->messageBanner()->type(), Ui::MessageBanner::Type::Positive);

        // Totals: tokens, and their cost at the price table's price (its snapshot has made-up prices for the
        // sandbox's models: $0.10 / $0.40 a million, half off).
        const auto &totals = model()->results()->totals();
        QVERIFY(totals.inputTokens > 0 && totals.outputTokens > 0);
        const auto cost = page()->estimatedCost();
        QVERIFY(cost);
        QVERIFY(qAbs(*cost - (totals.inputTokens * 0.10 + totals.outputTokens * 0.40) / 1e6 * 0.5) < 1e-12);
        QVERIFY2(find<QLabel>("resultsTotals")->text().contains(QStringLiteral("$")),
                 qPrintable(find<QLabel>("resultsTotals")->text()));
    }

    // The charts below the table count the joined results; a click on a bar filters the table to exactly its
    // rows, the chip says which and takes the filter away. JSON answers split into typed columns, with the
    // rows whose JSON did not parse one click away, and the export gets the same columns.
    void chartsFilterAndJsonColumns()
    {
        QByteArray content;
        for (int i = 0; i < 6; ++i) // six answers of 6 tokens each: {"label": "pos", "score": 3, "ok": true}
            content += echoLine(QStringLiteral("j%1").arg(i),
                                QStringLiteral("{\"label\": \"%1\", \"score\": %2, \"ok\": %3}")
                                    .arg(i % 2 ? QStringLiteral("neg") : QStringLiteral("pos"))
                                    .arg(i * 7 % 10)
                                    .arg(i % 3 ? QStringLiteral("true") : QStringLiteral("false")));
        content += echoLine(QStringLiteral("t0"), QStringLiteral("plain words here"));
        content += echoLine(QStringLiteral("t1"), QString(QStringLiteral("word ")).repeated(40).trimmed());
        content += echoLine(QStringLiteral("cut"), QStringLiteral("{\"label\": \"pos\", \"score\": 1}"), 2);
        content += echoLine(QStringLiteral("fail"), QStringLiteral("[[fail]] no"));
        const QString id = submitAndWaitForResults(writeFile(QStringLiteral("charts.jsonl"), content));
        QVERIFY(!id.isEmpty());
        openResults(id);
        QCOMPARE(model()->rowCount(), 10);

        // The charts are shown by default and count every answer.
        auto *charts = find<Ui::ResultsCharts>("resultsCharts");
        QVERIFY(charts && charts->isVisible());
        QVERIFY(find<QToolButton>("showResultsCharts")->isChecked());
        QTRY_VERIFY_WITH_TIMEOUT(charts->hasSummary(), 10000);
        QBarSet *tokens = charts->outputTokenBars();
        QVERIFY(tokens);
        QHash<qint64, qint64> byTokens; // output tokens -> rows, from the table
        for (int r = 0; r < model()->rowCount(); ++r) {
            const QString text = model()->index(r, ResultsModel::OutputTokensColumn).data().toString();
            if (!text.isEmpty())
                ++byTokens[text.toLongLong()];
        }
        QCOMPARE(byTokens.value(6), 6);
        int sixBar = -1;
        qint64 total = 0;
        for (int i = 0; i < tokens->count(); ++i) {
            const auto &bin = charts->summary().outputTokenBins[std::size_t(i)];
            qint64 expected = 0;
            for (auto it = byTokens.cbegin(); it != byTokens.cend(); ++it)
                expected += it.key() >= bin.low && it.key() < bin.high ? it.value() : 0;
            QCOMPARE(qint64(tokens->at(i)), expected);
            total += expected;
            if (6 >= bin.low && 6 < bin.high)
                sixBar = i;
        }
        QCOMPARE(total, 9); // every row but the failure
        QVERIFY(sixBar >= 0);

        // Click the bar with the six JSON answers (at its position on screen).
        QChartView *tokenView = charts->outputTokenChart();
        QChart *chart = tokenView->chart();
        const QPointF centre =
            chart->mapToPosition(QPointF(sixBar, tokens->at(sixBar) / 2), chart->series().constFirst());
        QTest::mouseClick(tokenView->viewport(), Qt::LeftButton, {},
                          tokenView->mapFromScene(chart->mapToScene(centre)));
        const auto bin = charts->summary().outputTokenBins[std::size_t(sixBar)];
        QCOMPARE(model()->rowCount(), int(tokens->at(sixBar)));
        for (int r = 0; r < model()->rowCount(); ++r) {
            const qint64 n = model()->index(r, ResultsModel::OutputTokensColumn).data().toLongLong();
            QVERIFY(n >= bin.low && n < bin.high);
        }
        auto *chip = find<QToolButton>("summaryFilterChip");
        QVERIFY(chip->isVisible());
        QVERIFY(chip->text().startsWith(QStringLiteral("Output tokens: ")));
        QVERIFY(tokens->isBarSelected(sixBar));
        QVERIFY(find<QLabel>("resultsShown")->text().startsWith(QString::number(model()->rowCount())));
        // The chip takes the filter away.
        QTest::mouseClick(chip, Qt::LeftButton);
        QCOMPARE(model()->rowCount(), 10);
        QVERIFY(!chip->isVisible());
        QVERIFY(!tokens->isBarSelected(sixBar));

        // Finish reasons: one answer cut by max_tokens; its bar shows exactly that row.
        QBarSet *finish = charts->finishReasonBars();
        QVERIFY(finish);
        int lengthBar = -1;
        for (int i = 0; i < finish->count(); ++i) {
            if (charts->filterOf(finish, i).key == QLatin1StringView("length"))
                lengthBar = i;
        }
        QVERIFY(lengthBar >= 0);
        QCOMPARE(finish->at(lengthBar), 1.0);
        emit finish->clicked(lengthBar);
        QTRY_COMPARE_WITH_TIMEOUT(model()->rowCount(), 1, 5000);
        QCOMPARE(model()->resultRow(0).customId, QStringLiteral("cut"));
        QCOMPARE(chip->text(), QStringLiteral("Finish reason: length"));
        // Failures: the one [[fail]] row.
        QBarSet *failures = charts->failureBars();
        QVERIFY(failures);
        QCOMPARE(failures->count(), 1);
        QCOMPARE(failures->at(0), 1.0);
        emit failures->clicked(0);
        QTRY_COMPARE_WITH_TIMEOUT(model()->resultRow(0).customId, QStringLiteral("fail"), 5000);
        QCOMPARE(model()->rowCount(), 1);
        emit failures->clicked(0); // the same bar again: all rows
        QTRY_COMPARE_WITH_TIMEOUT(model()->rowCount(), 10, 5000);
        QVERIFY(!chip->isVisible());

        // JSON answers as columns: answer.label, answer.score, answer.ok, typed.
        auto *split = find<QCheckBox>("splitJsonColumns");
        QVERIFY(split && split->isVisible());
        split->click();
        QTRY_VERIFY_WITH_TIMEOUT(!page()->isSplittingJson() && model()->hasJsonColumns(), 10000);
        QStringList headers;
        for (int c = ResultsModel::ColumnCount; c < model()->columnCount(); ++c)
            headers << model()->headerData(c, Qt::Horizontal).toString();
        QCOMPARE(headers,
                 (QStringList {QStringLiteral("answer.label"), QStringLiteral("answer.score"),
                               QStringLiteral("answer.ok")}));
        const int labelColumn = ResultsModel::ColumnCount;
        const int scoreColumn = ResultsModel::ColumnCount + 1;
        const int okColumn = ResultsModel::ColumnCount + 2;
        QCOMPARE(model()->resultRow(1).customId, QStringLiteral("j1"));
        QCOMPARE(model()->index(1, labelColumn).data().toString(), QStringLiteral("neg"));
        QCOMPARE(model()->index(1, scoreColumn).data().toString(), QStringLiteral("7"));
        QCOMPARE(model()->index(1, scoreColumn).data(ResultsModel::JsonValueRole).typeId(),
                 int(QMetaType::LongLong));
        QCOMPARE(model()->index(1, scoreColumn).data(Qt::TextAlignmentRole).toInt(),
                 int(Qt::AlignRight | Qt::AlignVCenter));
        QCOMPARE(model()->index(1, okColumn).data().toString(), QStringLiteral("true"));
        QCOMPARE(model()->index(0, okColumn).data(ResultsModel::JsonValueRole), QVariant(false));
        // Sorted by the score as numbers, descending: 8 (j4), 7 (j1), 5 (j5), 4 (j2), 1 (j3), 0 (j0).
        auto *view = find<QTableView>("resultsView");
        view->horizontalHeader()->setSortIndicator(scoreColumn, Qt::DescendingOrder);
        QTRY_COMPARE_WITH_TIMEOUT(model()->resultRow(0).customId, QStringLiteral("j4"), 5000);
        QStringList order;
        for (int r = 0; r < 6; ++r)
            order << model()->index(r, scoreColumn).data().toString();
        QCOMPARE(order,
                 (QStringList {QStringLiteral("8"), QStringLiteral("7"), QStringLiteral("5"),
                               QStringLiteral("4"), QStringLiteral("1"), QStringLiteral("0")}));
        if (const QString dir = qEnvironmentVariable("BATCHDESK_GRAB_DIR"); !dir.isEmpty()) {
            emit tokens->clicked(sixBar);
            QTRY_COMPARE(model()->rowCount(), 6);
            for (const int c : {int(ResultsModel::RequestColumn), int(ResultsModel::InputTokensColumn)})
                view->setColumnHidden(c, true);
            view->scrollTo(model()->index(0, okColumn));
            QTest::qWait(200);
            m_window->grab().save(dir + QStringLiteral("/results-charts.png"));
            for (const int c : {int(ResultsModel::RequestColumn), int(ResultsModel::InputTokensColumn)})
                view->setColumnHidden(c, false);
            QTest::mouseClick(chip, Qt::LeftButton);
            QTRY_COMPARE(model()->rowCount(), 10);
        }
        // Three answers are not JSON (two plain texts, one cut short); the chip shows them.
        auto *invalid = find<QToolButton>("invalidJsonChip");
        QVERIFY(invalid->isVisible());
        QVERIFY2(invalid->text().startsWith(QStringLiteral("3 row")), qPrintable(invalid->text()));
        QTest::mouseClick(invalid, Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(model()->rowCount(), 3, 5000);
        QStringList invalidIds;
        for (int r = 0; r < 3; ++r)
            invalidIds << model()->resultRow(r).customId;
        invalidIds.sort();
        QCOMPARE(invalidIds,
                 (QStringList {QStringLiteral("cut"), QStringLiteral("t0"), QStringLiteral("t1")}));
        QVERIFY(!model()->index(0, scoreColumn).data(Qt::ToolTipRole).toString().isEmpty());
        QTest::mouseClick(invalid, Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(model()->rowCount(), 10, 5000);

        // The export gets the columns the table shows.
        QSignalSpy exported(page(), &Ui::ResultsPage::exportFinished);
        const QString csv = m_data->filePath(QStringLiteral("json.csv"));
        page()->exportTo(csv, Ui::ResultsPage::Format::Csv, false);
        QVERIFY(exported.wait(10000));
        QCOMPARE(exported.first().at(1).toString(), QString());
        QFile file(csv);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray header = file.readLine();
        QVERIFY2(header.contains("answer.label") && header.contains("answer.score"), header.constData());

        // Off again: the columns go.
        split->click();
        QCOMPARE(model()->columnCount(), int(ResultsModel::ColumnCount));
        QVERIFY(!invalid->isVisible());
    }

    // Trust, then verify: a saved output file cut short is noticed by its recorded size when the results are
    // opened, downloaded again, and joined whole (no request shown as "missing").
    void truncatedResultsAreDownloadedAgain()
    {
        QByteArray content;
        for (int i = 0; i < 8; ++i)
            content += chatLine(QStringLiteral("t%1").arg(i), QStringLiteral("text %1").arg(i));
        const QString input = writeFile(QStringLiteral("trunc.jsonl"), content);
        const QString id = submitAndWaitForResults(input);
        QVERIFY(!id.isEmpty());
        const auto record = controller()->resultDownload(id);
        QVERIFY(record);
        QFile output(record->outputPath);
        const qint64 whole = output.size();
        QVERIFY(whole > 0);
        QVERIFY(output.resize(whole / 2));

        openResults(id);
        QCOMPARE(model()->rowCount(), 8);
        QCOMPARE(page()->results()->totals().count(Outcome::Succeeded), 8);
        QCOMPARE(page()->results()->totals().count(Outcome::Missing), 0);
        QCOMPARE(QFileInfo(record->outputPath).size(), whole);
    }

    // Every export gives the actions back: CSV, XLSX, and CSV again, each through the Export menu; the files
    // it writes all follow the umask (the XLSX was written 0600, the CSV 0644).
    void exportTwiceInARowKeepsActionsAndPermissions()
    {
        QByteArray content;
        for (int i = 0; i < 4; ++i)
            content += chatLine(QStringLiteral("e%1").arg(i), QStringLiteral("export %1").arg(i));
        const QString id = submitAndWaitForResults(writeFile(QStringLiteral("export.jsonl"), content));
        QVERIFY(!id.isEmpty());
        openResults(id);
        if (QTest::currentTestFailed())
            return;
        auto *button = find<QToolButton>("exportResults");
        QVERIFY(button);
        QSignalSpy exported(page(), &Ui::ResultsPage::exportFinished);
        const QStringList names {QStringLiteral("first.csv"), QStringLiteral("second.xlsx"),
                                 QStringLiteral("third.csv")};
        for (const QString &name : names) {
            QVERIFY2(button->isEnabled(), qPrintable(name));
            QVERIFY2(find<QAction>("export_csv")->isEnabled(), qPrintable(name));
            exported.clear();
            Ui::FileDialog::setNextFileName(m_data->filePath(name));
            find<QAction>(name.endsWith(QStringLiteral(".xlsx")) ? "export_xlsx" : "export_csv")->trigger();
            QVERIFY(exported.wait(10000));
            QCOMPARE(exported.first().at(1).toString(), QString());
            QVERIFY(QFileInfo(m_data->filePath(name)).size() > 0);
            QVERIFY2(button->isEnabled(), qPrintable(name + QStringLiteral(": the export button stays off")));
            QVERIFY(find<QToolButton>("resubmitResults")->isEnabled());
        }
        const auto csvPermissions = QFileInfo(m_data->filePath(names.at(0))).permissions();
        QCOMPARE(QFileInfo(m_data->filePath(names.at(1))).permissions(), csvPermissions);
        QVERIFY(csvPermissions.testFlag(QFile::ReadOwner) && csvPermissions.testFlag(QFile::WriteOwner));
        // No temporary file is left beside the exports.
        const QStringList left = QDir(m_data->path()).entryList({QStringLiteral("*.part")}, QDir::Files);
        QVERIFY2(left.isEmpty(), qPrintable(left.join(u',')));

        // The permissions do not depend on the format: with a umask that lets the group read, both say so.
        QFile probe(m_data->filePath(QStringLiteral("probe.txt")));
        QVERIFY(probe.open(QIODevice::WriteOnly));
        probe.close();
        QCOMPARE(csvPermissions, QFileInfo(probe).permissions());
    }

    void resubmitJoinsBackAndRemoteFilesCanGo()
    {
        QByteArray content;
        for (int i = 0; i < 6; ++i)
            content += chatLine(QStringLiteral("r%1").arg(i),
                                i % 3 == 1 ? QStringLiteral("flaky [[fail]] %1").arg(i)
                                           : QStringLiteral("fine %1").arg(i));
        const QString input = writeFile(QStringLiteral("flaky.jsonl"), content);
        const QString first = submitAndWaitForResults(input);
        QVERIFY(!first.isEmpty());
        openResults(first);
        QCOMPARE(page()->results()->totals().count(Outcome::Failed), 2);

        // Resubmit the failures: a new JSONL with exactly those request lines, opened for submission.
        QSignalSpy ready(page(), &Ui::ResultsPage::resubmitReady);
        const QString again = m_data->filePath(QStringLiteral("flaky-resubmit-1.jsonl"));
        page()->writeResubmit(again, {Outcome::Failed});
        QVERIFY(ready.wait(10000));
        QCOMPARE(ready.first().at(0).toString(), again);
        QCOMPARE(ready.first().at(1).toString(), first);
        QTRY_COMPARE(m_window->pages()->currentWidget(), static_cast<QWidget *>(m_window->validationPage()));
        QFile f(again);
        QVERIFY(f.open(QIODevice::ReadOnly));
        QByteArray lines = f.readAll();
        f.close();
        QCOMPARE(lines,
                 chatLine(QStringLiteral("r1"), QStringLiteral("flaky [[fail]] 1"))
                     + chatLine(QStringLiteral("r4"), QStringLiteral("flaky [[fail]] 4")));
        // The analyst fixes the requests, then submits: the new batch is linked to the first.
        lines.replace("[[fail]]", "fixed");
        QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
        f.write(lines);
        f.close();
        const QString second = submitAndWaitForResults(again);
        QVERIFY(!second.isEmpty());
        QCOMPARE(controller()->resultsChain(first), (QStringList {first, second}));
        QCOMPARE(controller()->resultsChain(second), (QStringList {first, second}));

        // One table over the original input, each request with its latest result.
        openResults(second);
        QCOMPARE(model()->rowCount(), 6);
        QCOMPARE(page()->results()->totals().count(Outcome::Succeeded), 6);
        QVERIFY(model()->resultRow(1).responseText.contains(QStringLiteral("flaky fixed 1")));
        QVERIFY(find<QLabel>("resultsSubtitle")->text().contains(QStringLiteral("1 resubmit")));

        // Delete the remote files: asked first; the table then still opens from the local copies.
        auto *remove = find<QToolButton>("deleteRemoteFiles");
        QVERIFY(remove->isEnabled());
        Ui::MessageBox::setNextAnswer(QMessageBox::Yes);
        QTest::mouseClick(remove, Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(controller()->resultDownload(first)->remoteDeleted
                                     && controller()->resultDownload(second)->remoteDeleted,
                                 10000);
        QTRY_VERIFY(!remove->isEnabled());
        page()->showBatch(first);
        QTRY_VERIFY_WITH_TIMEOUT(page()->results() != nullptr, 10000);
        QCOMPARE(page()->results()->totals().count(Outcome::Succeeded), 6);
    }

    void unknownInputAsksForIt()
    {
        const QString input = writeFile(QStringLiteral("moved.jsonl"),
                                        chatLine(QStringLiteral("a"), QStringLiteral("x"))
                                            + chatLine(QStringLiteral("b"), QStringLiteral("y")));
        const QString id = submitAndWaitForResults(input);
        QVERIFY(!id.isEmpty());
        // The analyst moved the file away.
        const QString moved = m_data->filePath(QStringLiteral("elsewhere.jsonl"));
        QVERIFY(QFile::rename(input, moved));
        m_window->showView(Ui::Sidebar::View::Results);
        page()->showBatch(id);
        QVERIFY2(page()->stateText().contains(QStringLiteral("no longer at")),
                 qPrintable(page()->stateText()));
        auto *choose = find<QPushButton>("resultsStateButton");
        QVERIFY(choose->isVisible());
        Ui::FileDialog::setNextFileName(moved);
        QTest::mouseClick(choose, Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(page()->results() != nullptr, 10000);
        QCOMPARE(model()->rowCount(), 2);
        QCOMPARE(controller()->inputPathOf(id), moved);
    }
};

QTEST_MAIN(TestResultsPage)
#include "tst_resultspage.moc"
