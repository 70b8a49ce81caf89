// Cost before submitting, in the desktop app: the Validate page's estimate, the Create dialog's budget, the
// Prices dialog, and a refused submission against the in-process sandbox. Real widgets, offscreen, driven by
// objectName; the price table is this test's (BATCHDESK_DATA_DIR is a temporary folder).
#include "appcontroller.h"
#include "cost/estimate.h"
#include "costestimateview.h"
#include "createbatchdialog.h"
#include "displayformat.h"
#include "jobtreemodel.h"
#include "mainwindow.h"
#include "messagebanner.h"
#include "pricesdialog.h"
#include "validationpage.h"

#include <QAbstractItemModel>
#include <QAction>
#include <QApplication>
#include <QDialogButtonBox>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QToolButton>

#include <memory>

using namespace Batchdesk;

namespace {

QString fixture(const char *name)
{
    return QStringLiteral(BATCHDESK_TEST_DATA) + u'/' + QString::fromLatin1(name);
}

Ui::AppOptions fastOptions()
{
    Ui::AppOptions o;
    o.sandbox.latencyMs = 15;
    o.sandbox.concurrency = 4;
    o.monitor.fastIntervalMs = 150;
    o.monitor.slowIntervalMs = 600;
    Api::RetryPolicy retry;
    retry.maxRetries = 0;
    o.retryPolicy = retry;
    o.keychainTimeoutMs = 8000;
    return o;
}

Jsonl::ValidationOptions openAiOptions()
{
    Jsonl::ValidationOptions options;
    options.profile = Jsonl::LimitProfile::openai();
    return options;
}

// The row of model in the Prices dialog's (sorted, filtered) table, or -1.
int rowOf(QTableView *view, const QString &model)
{
    for (int r = 0; r < view->model()->rowCount(); ++r) {
        if (view->model()->index(r, 1).data(Qt::EditRole).toString() == model)
            return r;
    }
    return -1;
}

} // namespace

class TestCostUi : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<QTemporaryDir> m_data;

    QString writeFile(const QString &name, const QByteArray &content)
    {
        const QString path = m_data->filePath(name);
        QFile f(path);
        if (!f.open(QIODevice::WriteOnly))
            return {};
        f.write(content);
        return path;
    }

    // A validated page showing path's estimate (waits for both).
    void validate(Ui::ValidationPage *page, const QString &path)
    {
        page->openFile(path);
        QTRY_VERIFY_WITH_TIMEOUT(!page->isValidating(), 20000);
        QTRY_VERIFY_WITH_TIMEOUT(page->costEstimate()->result().has_value(), 20000);
    }

    static QString text(QWidget *root, const char *name)
    {
        auto *label = root->findChild<QLabel *>(QString::fromLatin1(name));
        return label ? label->text() : QStringLiteral("<no %1>").arg(QString::fromLatin1(name));
    }

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(QStringLiteral("BatchdeskTests"));
        QCoreApplication::setApplicationName(QStringLiteral("tst_costui"));
        QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
    }

    void init()
    {
        m_data = std::make_unique<QTemporaryDir>();
        QVERIFY(m_data->isValid());
        qputenv("BATCHDESK_DATA_DIR", m_data->path().toUtf8());
        QVERIFY(!QFile::exists(Cost::PriceTable::defaultPath()));
    }

    void cleanup()
    {
        const auto dialogs = QApplication::topLevelWidgets();
        for (QWidget *w : dialogs) {
            if (qobject_cast<QDialog *>(w))
                delete w;
        }
        m_data.reset();
    }

    // The Validate page shows what Cost::estimateFileCost() says for the file, with the tokenizer, the output
    // bound, and the price's date and source.
    void validatePageShowsTheEstimate()
    {
        Ui::MessageBanner banner;
        Ui::ValidationPage page(&banner);
        page.setOptions(openAiOptions());
        page.resize(1200, 700);
        page.show();
        const QString path = fixture("token_sample.jsonl");
        validate(&page, path);

        const auto expected = Cost::estimateFileCost(path, QStringLiteral("openai"));
        QVERIFY(expected.ok());
        const Cost::FileCost &e = expected.value();
        const Cost::FileCost shown = *page.costEstimate()->result();
        QCOMPARE(shown.tokens.inputTokens, e.tokens.inputTokens);
        QCOMPARE(shown.tokens.maxOutputTokens, e.tokens.maxOutputTokens);
        QCOMPARE(shown.tokens.unboundedOutputRequests, e.tokens.unboundedOutputRequests);
        QVERIFY(e.cost.total().has_value());
        QCOMPARE(*shown.cost.total(), *e.cost.total());

        QWidget *view = page.costEstimate();
        const QString count = Models::DisplayFormat::count(e.tokens.inputTokens);
        QCOMPARE(text(view, "costInputTokens"), QStringLiteral("%1 \u00b7 o200k_base, exact").arg(count));
        QVERIFY2(
            text(view, "costOutputTokens").contains(Models::DisplayFormat::count(e.tokens.maxOutputTokens)),
            qPrintable(text(view, "costOutputTokens")));
        QVERIFY2(text(view, "costEstimate").startsWith(Cost::formatDollars(*e.cost.total())),
                 qPrintable(text(view, "costEstimate")));
        const QString detail = text(view, "costDetail");
        QVERIFY(view->findChild<QLabel *>(QStringLiteral("costDetail"))
                    ->toolTip()
                    .contains(QStringLiteral("gpt-4o-mini")));
        QVERIFY2(detail.contains(QStringLiteral("$0.075 / $0.30 per M"))
                     && detail.contains(QStringLiteral("50 % off"))
                     && detail.contains(QStringLiteral("snapshot of 2025-06-01")),
                 qPrintable(detail));
        QVERIFY(view->isVisible());
        QCOMPARE(view->findChild<QToolButton *>(QStringLiteral("costPriceButton"))->text(),
                 QStringLiteral("Prices\u2026"));
    }

    // A model the table has no price for says so and offers Set Price…, which opens the Prices dialog on a
    // new row for it; typing the prices and saving updates the estimate at once.
    void setPriceFromTheEstimate()
    {
        Ui::MessageBanner banner;
        Ui::ValidationPage page(&banner);
        page.setOptions(openAiOptions());
        page.show();
        QByteArray lines;
        for (int i = 0; i < 10; ++i)
            lines += QStringLiteral(
                         "{\"custom_id\":\"r%1\",\"method\":\"POST\",\"url\":\"/v1/chat/completions\","
                         "\"body\":{\"model\":\"acme-large\",\"max_tokens\":100,\"messages\":[{\"role\":"
                         "\"user\",\"content\":\"Hello there number %1\"}]}}\n")
                         .arg(i)
                         .toUtf8();
        const QString path = writeFile(QStringLiteral("acme.jsonl"), lines);
        validate(&page, path);
        QWidget *view = page.costEstimate();
        QCOMPARE(text(view, "costEstimate"), QStringLiteral("No price for acme-large"));
        QVERIFY(!page.costEstimate()->result()->cost.price);
        auto *setPrice = view->findChild<QToolButton *>(QStringLiteral("costPriceButton"));
        QCOMPARE(setPrice->text(), QStringLiteral("Set Price\u2026"));
        QTest::mouseClick(setPrice, Qt::LeftButton);

        auto *dialog = page.findChild<Ui::PricesDialog *>(QStringLiteral("pricesTableDialog"));
        QVERIFY(dialog);
        QTRY_VERIFY(dialog->isVisible());
        auto *table = dialog->findChild<QTableView *>(QStringLiteral("pricesTable"));
        const QModelIndex current = table->selectionModel()->currentIndex();
        QVERIFY(current.isValid());
        QCOMPARE(current.siblingAtColumn(1).data(Qt::EditRole).toString(), QStringLiteral("acme-large"));
        QCOMPARE(current.siblingAtColumn(0).data(Qt::EditRole).toString(), QStringLiteral("openai"));
        // Saving a new row without a price is refused with the reason.
        QTest::mouseClick(dialog->findChild<QPushButton *>(QStringLiteral("pricesSave")), Qt::LeftButton);
        QVERIFY(dialog->isVisible());
        QVERIFY(text(dialog, "pricesStatus").contains(QStringLiteral("no price yet")));

        QAbstractItemModel *model = table->model();
        QVERIFY(model->setData(current.siblingAtColumn(2), QStringLiteral("2"), Qt::EditRole));
        QVERIFY(model->setData(current.siblingAtColumn(3), QStringLiteral("8.00"), Qt::EditRole));
        QVERIFY(model->setData(current.siblingAtColumn(4), QStringLiteral("40"), Qt::EditRole));
        QSignalSpy repriced(page.costEstimate(), &Ui::CostEstimateView::estimateChanged);
        QTest::mouseClick(dialog->findChild<QPushButton *>(QStringLiteral("pricesSave")), Qt::LeftButton);
        QTRY_VERIFY(!dialog->isVisible());
        QVERIFY(QFile::exists(Cost::PriceTable::defaultPath()));
        QVERIFY(repriced.count() >= 1);

        const Cost::FileCost shown = *page.costEstimate()->result();
        QVERIFY(shown.cost.price);
        QCOMPARE(shown.cost.price->inputPerMillion, 2.0);
        QVERIFY(shown.cost.price->edited);
        const auto expected = Cost::estimateFileCost(path, QStringLiteral("openai"));
        QVERIFY(expected.ok() && expected.value().cost.total());
        QCOMPARE(*shown.cost.total(), *expected.value().cost.total());
        // 10 requests × 100 max_tokens at $8/M less 40 %: the output part alone is $0.0048.
        QCOMPARE(*shown.cost.maxOutputCost, 1000 * 8.0 * 0.6 / 1e6);
        QVERIFY(text(view, "costEstimate").startsWith(Cost::formatDollars(*expected.value().cost.total())));
        QVERIFY2(text(view, "costDetail").contains(QStringLiteral("edited ")),
                 qPrintable(text(view, "costDetail")));
    }

    // The table: every entry, the dated snapshot said clearly, numbers checked, edits saved, Reset and
    // Remove; the estimate follows a changed price.
    void pricesDialogEditsAndSaves()
    {
        Ui::MessageBanner banner;
        Ui::ValidationPage page(&banner);
        page.setOptions(openAiOptions());
        page.show();
        const QString path = fixture("token_sample.jsonl");
        validate(&page, path);
        const double before = *page.costEstimate()->result()->cost.total();

        auto *dialog = Ui::PricesDialog::openFor(nullptr);
        QVERIFY(QTest::qWaitForWindowExposed(dialog));
        const QString header = text(dialog, "pricesHeader");
        QVERIFY2(header.contains(QStringLiteral("typed in by hand"))
                     && header.contains(QStringLiteral("2025"))
                     && header.contains(QStringLiteral("never fetches")),
                 qPrintable(header));
        auto *table = dialog->findChild<QTableView *>(QStringLiteral("pricesTable"));
        QCOMPARE(table->model()->rowCount(), int(Cost::PriceTable::snapshot().entries().size()));

        // The filter narrows the table.
        auto *filter = dialog->findChild<QLineEdit *>(QStringLiteral("pricesFilter"));
        QTest::keyClicks(filter, QStringLiteral("gpt-4o-mini"));
        QCOMPARE(table->model()->rowCount(), 1);
        const int row = rowOf(table, QStringLiteral("gpt-4o-mini"));
        QCOMPARE(row, 0);
        const QModelIndex input = table->model()->index(row, 2);
        QCOMPARE(table->model()->index(row, 8).data().toString(), QStringLiteral("Snapshot 2025-06-01"));

        // Not a number, negative, a discount above 100 %: refused with the reason, the price unchanged.
        QVERIFY(!table->model()->setData(input, QStringLiteral("cheap"), Qt::EditRole));
        QVERIFY(text(dialog, "pricesStatus").contains(QStringLiteral("not a price")));
        QVERIFY(!table->model()->setData(input, QStringLiteral("-1"), Qt::EditRole));
        QVERIFY(!table->model()->setData(table->model()->index(row, 4), QStringLiteral("150"), Qt::EditRole));
        QVERIFY(text(dialog, "pricesStatus").contains(QStringLiteral("between 0 and 100")));
        QCOMPARE(input.data(Qt::EditRole).toDouble(), 0.15);

        // Typed in place, through the real editor.
        table->setCurrentIndex(input);
        table->edit(input);
        auto *editor = table->findChild<QLineEdit *>(QStringLiteral("priceNumberEditor"));
        QVERIFY(editor);
        editor->selectAll();
        QTest::keyClicks(editor, QStringLiteral("0.3"));
        QCOMPARE(editor->text(), QStringLiteral("0.3"));
        QTest::keyClick(editor, Qt::Key_Return);
        QTRY_COMPARE(input.data(Qt::EditRole).toDouble(), 0.3); // committed when the editor closes
        QCOMPARE(table->model()->index(row, 5).data().toString(), QStringLiteral("$0.15")); // batch input
        QCOMPARE(table->model()->index(row, 8).data().toString(), QStringLiteral("Edited"));
        QCOMPARE(table->model()->index(row, 7).data().toString(), QDate::currentDate().toString(Qt::ISODate));

        QTest::mouseClick(dialog->findChild<QPushButton *>(QStringLiteral("pricesSave")), Qt::LeftButton);
        QTRY_VERIFY(!dialog->isVisible());
        const auto saved = Cost::PriceTable::load();
        QVERIFY(saved.ok());
        QCOMPARE(saved.value().find(QStringLiteral("openai"), QStringLiteral("gpt-4o-mini"))->inputPerMillion,
                 0.3);

        // The estimate follows: input at twice the price.
        const Cost::FileCost after = *page.costEstimate()->result();
        QVERIFY(*after.cost.total() > before);
        QCOMPARE(*after.cost.inputCost, after.tokens.inputTokens * 0.15 / 1e6);
        QVERIFY(
            text(page.costEstimate(), "costEstimate").startsWith(Cost::formatDollars(*after.cost.total())));

        // Reset to Snapshot and Remove, saved: the estimate is back to the snapshot's, then has no price.
        dialog = Ui::PricesDialog::openFor(nullptr, QStringLiteral("openai"), QStringLiteral("gpt-4o-mini"));
        table = dialog->findChild<QTableView *>(QStringLiteral("pricesTable"));
        auto *reset = dialog->findChild<QPushButton *>(QStringLiteral("pricesReset"));
        QVERIFY(reset->isEnabled());
        QTest::mouseClick(reset, Qt::LeftButton);
        int r = rowOf(table, QStringLiteral("gpt-4o-mini"));
        QCOMPARE(table->model()->index(r, 2).data(Qt::EditRole).toDouble(), 0.15);
        QVERIFY(!reset->isEnabled());
        QVERIFY(dialog->save());
        QCOMPARE(*page.costEstimate()->result()->cost.total(), before);
        QTest::mouseClick(dialog->findChild<QPushButton *>(QStringLiteral("pricesRemove")), Qt::LeftButton);
        QCOMPARE(rowOf(table, QStringLiteral("gpt-4o-mini")), -1);
        QVERIFY(dialog->save());
        QVERIFY(!page.costEstimate()->result()->cost.price);
        QCOMPARE(text(page.costEstimate(), "costEstimate"), QStringLiteral("No price for gpt-4o-mini"));
        dialog->close();
    }

    // Add: a row to type a model and its prices into; not saved without them; one row per provider and model.
    void pricesDialogAddsARow()
    {
        auto *dialog = Ui::PricesDialog::openFor(nullptr);
        auto *table = dialog->findChild<QTableView *>(QStringLiteral("pricesTable"));
        const int before = table->model()->rowCount();
        QTest::mouseClick(dialog->findChild<QPushButton *>(QStringLiteral("pricesAdd")), Qt::LeftButton);
        QCOMPARE(table->model()->rowCount(), before + 1);
        const QModelIndex current = table->selectionModel()->currentIndex();
        QCOMPARE(current.siblingAtColumn(1).data(Qt::EditRole).toString(), QString());
        QVERIFY(!dialog->save());
        QVERIFY(text(dialog, "pricesStatus").contains(QStringLiteral("no model id")));
        QAbstractItemModel *model = table->model();
        // A model the table has at that provider already is refused.
        QVERIFY(!model->setData(current.siblingAtColumn(1), QStringLiteral("sandbox/echo"), Qt::EditRole));
        QVERIFY(text(dialog, "pricesStatus").contains(QStringLiteral("already has a price")));
        QVERIFY(!model->setData(current.siblingAtColumn(0), QStringLiteral("nosuchprovider"), Qt::EditRole));
        QVERIFY(model->setData(current.siblingAtColumn(0), QStringLiteral("groq"), Qt::EditRole));
        int row = rowOf(table, QString());
        QVERIFY(row >= 0);
        QVERIFY(model->setData(model->index(row, 1), QStringLiteral("acme-small"), Qt::EditRole));
        row = rowOf(table, QStringLiteral("acme-small"));
        QVERIFY(model->setData(model->index(row, 2), QStringLiteral("0.5"), Qt::EditRole));
        QVERIFY(dialog->save());
        const auto saved = Cost::PriceTable::load();
        QVERIFY(saved.ok());
        const auto price = saved.value().find(QStringLiteral("groq"), QStringLiteral("acme-small"));
        QVERIFY(price);
        QCOMPARE(price->inputPerMillion, 0.5);
        QCOMPARE(price->batchDiscountPercent, 50.0);
        dialog->close();
    }

    // A table that cannot be written: the error is shown, the dialog stays open with the edit.
    void pricesSaveErrorIsShown()
    {
        QDir(m_data->path()).mkpath(QStringLiteral("prices-folder.json"));
        auto *dialog = new Ui::PricesDialog(nullptr, m_data->filePath(QStringLiteral("prices-folder.json")));
        dialog->open();
        auto *table = dialog->findChild<QTableView *>(QStringLiteral("pricesTable"));
        QVERIFY(table->model()->setData(table->model()->index(0, 2), QStringLiteral("9"), Qt::EditRole));
        QSignalSpy saved(dialog, &Ui::PricesDialog::saved);
        QTest::mouseClick(dialog->findChild<QPushButton *>(QStringLiteral("pricesSave")), Qt::LeftButton);
        QVERIFY(dialog->isVisible());
        QCOMPARE(saved.count(), 0);
        QVERIFY2(text(dialog, "pricesStatus").startsWith(QStringLiteral("The prices were not saved")),
                 qPrintable(text(dialog, "pricesStatus")));
        QCOMPARE(table->model()->index(0, 2).data(Qt::EditRole).toDouble(), 9.0);
        dialog->close();
    }

    // A newer file cancels the running count; Cancel stops a count.
    void estimateIsCancellable()
    {
        // About 24 MB: counting takes long enough to cancel.
        QByteArray big;
        const QByteArray line =
            "{\"custom_id\":\"x\",\"method\":\"POST\",\"url\":\"/v1/chat/completions\",\"body\":{\"model\":"
            "\"gpt-4o-mini\",\"max_tokens\":10,\"messages\":[{\"role\":\"user\",\"content\":\""
            + QByteArray("the quick brown fox jumps over the lazy dog ").repeated(40) + "\"}]}}\n";
        big.reserve(line.size() * 13000);
        for (int i = 0; i < 13000; ++i)
            big += line;
        const QString bigPath = writeFile(QStringLiteral("big.jsonl"), big);

        Ui::CostEstimateView view;
        view.show();
        QSignalSpy running(&view, &Ui::CostEstimateView::estimatingChanged);
        view.estimate({bigPath}, QStringLiteral("openai"));
        QVERIFY(view.isEstimating());
        QVERIFY(view.findChild<QWidget *>(QStringLiteral("costProgress"))->isVisible());
        QTest::mouseClick(view.findChild<QToolButton *>(QStringLiteral("costCancelButton")), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(!view.isEstimating(), 10000);
        QVERIFY(!view.result());
        QCOMPARE(text(&view, "costDetail"), QStringLiteral("The cost estimate was cancelled."));

        // A newer estimate replaces a running one: only the small file's result is shown.
        view.estimate({bigPath}, QStringLiteral("openai"));
        const QString small = fixture("token_sample.jsonl");
        view.estimate({small}, QStringLiteral("openai"));
        QTRY_VERIFY_WITH_TIMEOUT(view.result().has_value(), 20000);
        QCOMPARE(view.result()->tokens.inputTokens,
                 Cost::estimateFileCost(small, QStringLiteral("openai")).value().tokens.inputTokens);
        QTest::qWait(300);
        QCOMPARE(view.result()->tokens.requests, qint64(240));
    }

    // The Create dialog: above the budget (or without a price) OK is disabled with the reason; within it, OK
    // is enabled; requests without max_tokens are warned about.
    void createDialogBudget()
    {
        const QString path = fixture("token_sample.jsonl");
        auto *dialog = new Ui::CreateBatchDialog(path, 240, QStringLiteral("/v1/chat/completions"),
                                                 QStringLiteral("OpenAI"));
        dialog->setCostEstimate({path}, QStringLiteral("openai"));
        dialog->open();
        auto *ok = dialog->findChild<QPushButton *>(QStringLiteral("createOkButton"));
        auto *budget = dialog->findChild<QLineEdit *>(QStringLiteral("createBudget"));
        QVERIFY(ok && budget);
        QTRY_VERIFY_WITH_TIMEOUT(dialog->estimate().has_value(), 20000);
        QVERIFY(ok->isEnabled()); // no budget
        const double total = *dialog->estimate()->total();
        QVERIFY(total > 0);
        QCOMPARE(total, *Cost::estimateFileCost(path, QStringLiteral("openai")).value().cost.total());
        QVERIFY(dialog->costView()->isVisible());

        const QString below = QString::number(total / 2, 'f', 6);
        QTest::keyClicks(budget, below.left(8));
        QVERIFY(dialog->budget() > 0 && dialog->budget() < total);
        QVERIFY(!ok->isEnabled());
        const QString problems = text(dialog, "metadataProblems");
        QCOMPARE(problems, Cost::checkBudget(*dialog->estimate(), dialog->budget()));
        QVERIFY(problems.contains(QStringLiteral("above the budget")));

        budget->setText(QString::number(total * 2 + 0.01, 'f', 2));
        QVERIFY(ok->isEnabled());
        QCOMPARE(dialog->budget(), QString::number(total * 2 + 0.01, 'f', 2).toDouble());
        budget->clear();
        QVERIFY(ok->isEnabled());
        QCOMPARE(dialog->budget(), 0.0);
        dialog->close();

        // No max_tokens and a model without price.
        QByteArray lines;
        for (int i = 0; i < 3; ++i)
            lines +=
                QStringLiteral("{\"custom_id\":\"u%1\",\"method\":\"POST\",\"url\":\"/v1/chat/completions\","
                               "\"body\":{\"model\":\"gpt-4o-mini\",\"messages\":[{\"role\":\"user\","
                               "\"content\":\"Tell me a long story\"}]}}\n")
                    .arg(i)
                    .toUtf8();
        const QString unbounded = writeFile(QStringLiteral("unbounded.jsonl"), lines);
        dialog = new Ui::CreateBatchDialog(unbounded, 3, QStringLiteral("/v1/chat/completions"),
                                           QStringLiteral("OpenAI"));
        dialog->setCostEstimate({unbounded}, QStringLiteral("openai"));
        dialog->open();
        ok = dialog->findChild<QPushButton *>(QStringLiteral("createOkButton"));
        budget = dialog->findChild<QLineEdit *>(QStringLiteral("createBudget"));
        QTRY_VERIFY_WITH_TIMEOUT(dialog->estimate().has_value(), 20000);
        QVERIFY(!dialog->estimate()->outputBounded);
        auto *warning = dialog->findChild<QLabel *>(QStringLiteral("createBudgetWarning"));
        QVERIFY(warning->isVisible());
        QVERIFY(warning->text().contains(QStringLiteral("max_tokens")));
        budget->setText(QStringLiteral("5"));
        QVERIFY(ok->isEnabled()); // passes, with the warning of checkBudget()
        QString expectedWarning;
        Cost::checkBudget(*dialog->estimate(), 5, &expectedWarning);
        QCOMPARE(warning->text(), expectedWarning);
        QVERIFY2(text(dialog, "costOutputTokens").contains(QStringLiteral("not bounded: 3 request")),
                 qPrintable(text(dialog, "costOutputTokens")));
        dialog->close();

        const QString noPrice = writeFile(QStringLiteral("noprice.jsonl"),
                                          QByteArray(lines).replace("gpt-4o-mini", "acme-unknown"));
        dialog = new Ui::CreateBatchDialog(noPrice, 3, QStringLiteral("/v1/chat/completions"),
                                           QStringLiteral("OpenAI"));
        dialog->setCostEstimate({noPrice}, QStringLiteral("openai"));
        dialog->open();
        ok = dialog->findChild<QPushButton *>(QStringLiteral("createOkButton"));
        QTRY_VERIFY_WITH_TIMEOUT(dialog->estimate().has_value(), 20000);
        QVERIFY(ok->isEnabled());
        dialog->findChild<QLineEdit *>(QStringLiteral("createBudget"))->setText(QStringLiteral("100"));
        QVERIFY(!ok->isEnabled());
        QVERIFY(text(dialog, "metadataProblems").startsWith(QStringLiteral("No price is known")));
        dialog->close();
    }

    // In the app against the sandbox: the dialog refuses a budget below the estimate, the controller refuses
    // a submission or a job over its budget before anything is uploaded, and a job keeps its budget.
    void refusedSubmitUploadsNothing()
    {
        QSettings().clear();
        Ui::MainWindow window(fastOptions());
        window.resize(1300, 820);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QTRY_VERIFY_WITH_TIMEOUT(window.controller()->isConnected(), 10000);
        Ui::AppController *controller = window.controller();
        QCOMPARE(controller->providerOf(controller->currentAccountId()), QStringLiteral("openai"));

        // Settings > Prices… opens the table.
        auto *pricesAction = window.findChild<QAction *>(QStringLiteral("pricesAction"));
        QVERIFY(pricesAction);
        pricesAction->trigger();
        auto *pricesDialog = window.findChild<Ui::PricesDialog *>(QStringLiteral("pricesTableDialog"));
        QVERIFY(pricesDialog);
        QTRY_VERIFY(pricesDialog->isVisible());
        pricesDialog->reject();

        const QString path = m_data->filePath(QStringLiteral("sample.jsonl"));
        QVERIFY(QFile::copy(fixture("token_sample.jsonl"), path));
        window.openFile(path);
        auto *create = window.findChild<QPushButton *>(QStringLiteral("createBatchButton"));
        QTRY_VERIFY_WITH_TIMEOUT(create->isEnabled(), 20000);
        QTest::mouseClick(create, Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(
            window.findChild<Ui::CreateBatchDialog *>(QStringLiteral("createBatchDialog")), 10000);
        auto *dialog = window.findChild<Ui::CreateBatchDialog *>(QStringLiteral("createBatchDialog"));
        QTRY_VERIFY_WITH_TIMEOUT(dialog->estimate().has_value(), 20000);
        auto *ok = dialog->findChild<QPushButton *>(QStringLiteral("createOkButton"));
        const auto estimate = *dialog->estimate();
        QSignalSpy started(controller, &Ui::AppController::submissionStarted);
        dialog->findChild<QLineEdit *>(QStringLiteral("createBudget"))->setText(QStringLiteral("0.0001"));
        QVERIFY(!ok->isEnabled());
        QTest::mouseClick(ok, Qt::LeftButton);
        QVERIFY(dialog->isVisible());
        dialog->reject();

        // The controller refuses too (a caller that skips the dialog's check).
        QString refused;
        Api::CreateBatchParams params;
        params.endpoint = QStringLiteral("/v1/chat/completions");
        params.completionWindow = QStringLiteral("24h");
        QVERIFY(!controller->submit(path, params, 0.0001, estimate, &refused));
        QVERIFY2(refused.contains(QStringLiteral("above the budget"))
                     && refused.endsWith(QStringLiteral("Nothing was uploaded.")),
                 qPrintable(refused));
        QVERIFY(!controller->submit(path, params, 5, std::nullopt, &refused));
        QVERIFY(refused.contains(QStringLiteral("no cost estimate")));

        // A job over its budget is not recorded.
        Ui::JobDraft draft;
        draft.name = QStringLiteral("sample.jsonl");
        draft.sourcePath = path;
        draft.folder = m_data->path();
        draft.endpoint = params.endpoint;
        Jsonl::SplitPart part;
        part.path = path;
        part.firstLine = 1;
        part.lines = 240;
        part.bytes = QFileInfo(path).size();
        draft.parts << part;
        const auto job = controller->submitJob(draft, params, 2, 0, 0.0001, estimate);
        QVERIFY(!job.ok());
        QCOMPARE(job.error().code, QStringLiteral("over_budget"));
        QCOMPARE(controller->jobStore()->jobs(controller->currentAccountId()).value().size(), 0);

        QTest::qWait(300);
        QCOMPARE(started.count(), 0);
        QVERIFY(!controller->isSubmitting());
        // The sandbox has no file: nothing was uploaded.
        QUrl base;
        QString key;
        QString error;
        QVERIFY(controller->sandboxEndpoint(&base, &key, &error));
        QNetworkAccessManager nam;
        QNetworkRequest request(QUrl(base.toString() + QStringLiteral("/files")));
        request.setRawHeader("Authorization", "Bearer " + key.toUtf8());
        std::unique_ptr<QNetworkReply> reply(nam.get(request));
        QSignalSpy done(reply.get(), &QNetworkReply::finished);
        QVERIFY(done.wait(10000));
        const QJsonArray files = QJsonDocument::fromJson(reply->readAll()).object().value(u"data").toArray();
        QCOMPARE(files.size(), 0);

        // Within the budget: the job is recorded with its cap and estimate, for its retry rounds.
        const auto kept = controller->submitJob(draft, params, 2, 0, 5.0, estimate);
        QVERIFY2(kept.ok(), qPrintable(kept.errorString()));
        QCOMPARE(kept.value().budget, 5.0);
        QCOMPARE(kept.value().estimatedCost, *estimate.total());
        const auto stored = controller->jobStore()->job(kept.value().id);
        QVERIFY(stored);
        QCOMPARE(stored->budget, 5.0);
        // The Jobs view says so in the job's tooltip.
        QTRY_VERIFY(controller->jobModel()->indexOfJob(kept.value().id).isValid());
        const QString tip =
            controller->jobModel()->indexOfJob(kept.value().id).data(Qt::ToolTipRole).toString();
        QVERIFY2(tip.contains(QStringLiteral("Budget $5.00"))
                     && tip.contains(Cost::formatDollars(*estimate.total())),
                 qPrintable(tip));
        controller->cancelJob(kept.value().id);
    }

    // The screenshots of docs/: BATCHDESK_SCREENSHOT_DIR=/tmp/shots ./tests/ui/tst_costui screenshots
    void screenshots()
    {
        const QString out = qEnvironmentVariable("BATCHDESK_SCREENSHOT_DIR");
        if (out.isEmpty())
            QSKIP("Set BATCHDESK_SCREENSHOT_DIR to take the screenshots");
        QDir().mkpath(out);
        QSettings().clear();
        Ui::MainWindow window(fastOptions());
        window.resize(1280, 760);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QTRY_VERIFY_WITH_TIMEOUT(window.controller()->isConnected(), 10000);
        const QString path = m_data->filePath(QStringLiteral("support-tickets.jsonl"));
        QVERIFY(QFile::copy(fixture("token_sample.jsonl"), path));
        window.openFile(path);
        auto *page = window.findChild<Ui::ValidationPage *>();
        QTRY_VERIFY_WITH_TIMEOUT(page->costEstimate()->result().has_value(), 20000);
        QTest::qWait(300);
        QVERIFY(window.grab().save(out + QStringLiteral("/cost-estimate.png")));

        // While counting (a large file): progress and Cancel in the input row.
        QByteArray big;
        const QByteArray line = QByteArray("{\"custom_id\":\"x\",\"method\":\"POST\",\"url\":\"/v1/chat/"
                                           "completions\",\"body\":{\"model\":\"gpt-4o-mini\",\"messages\":"
                                           "[{\"role\":\"user\",\"content\":\"")
            + QByteArray("lorem ipsum dolor sit amet ").repeated(200) + "\"}]}}\n";
        for (int i = 0; i < 8000; ++i)
            big += line;
        const QString bigPath = writeFile(QStringLiteral("big.jsonl"), big);
        page->costEstimate()->estimate({bigPath}, QStringLiteral("openai"));
        QTest::qWait(150);
        QVERIFY(page->findChild<QWidget *>(QStringLiteral("summaryPanel"))
                    ->grab()
                    .save(out + QStringLiteral("/counting.png")));
        page->costEstimate()->cancel();
        QTRY_VERIFY_WITH_TIMEOUT(!page->costEstimate()->isEstimating(), 10000);
        page->costEstimate()->estimate({path}, QStringLiteral("openai"));
        QTRY_VERIFY_WITH_TIMEOUT(page->costEstimate()->result().has_value(), 20000);

        auto *create = window.findChild<QPushButton *>(QStringLiteral("createBatchButton"));
        QTRY_VERIFY_WITH_TIMEOUT(create->isEnabled(), 20000);
        QTest::mouseClick(create, Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(
            window.findChild<Ui::CreateBatchDialog *>(QStringLiteral("createBatchDialog")), 10000);
        auto *dialog = window.findChild<Ui::CreateBatchDialog *>(QStringLiteral("createBatchDialog"));
        QTRY_VERIFY_WITH_TIMEOUT(dialog->estimate().has_value(), 20000);
        dialog->findChild<QLineEdit *>(QStringLiteral("createBudget"))->setText(QStringLiteral("0.005"));
        QTest::qWait(300);
        QVERIFY(dialog->grab().save(out + QStringLiteral("/create-budget.png")));
        dialog->reject();

        auto *prices =
            Ui::PricesDialog::openFor(&window, QStringLiteral("openai"), QStringLiteral("gpt-4o-mini"));
        auto *table = prices->findChild<QTableView *>(QStringLiteral("pricesTable"));
        const QModelIndex current = table->selectionModel()->currentIndex();
        QVERIFY(table->model()->setData(current.siblingAtColumn(2), QStringLiteral("0.15"), Qt::EditRole));
        QVERIFY(table->model()->setData(current.siblingAtColumn(3), QStringLiteral("0.6"), Qt::EditRole));
        table->setCurrentIndex(current);
        QTest::qWait(300);
        QVERIFY(prices->grab().save(out + QStringLiteral("/prices.png")));
        prices->reject();
    }
};

QTEST_MAIN(TestCostUi)
#include "tst_costui.moc"
