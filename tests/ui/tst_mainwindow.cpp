#include "filedialog.h"
#include "issuesmodel.h"
#include "jsonl/lineedit.h"
#include "jsonl/requestsummary.h"
#include "mainwindow.h"
#include "messagebanner.h"
#include "messagebox.h"
#include "requestsmodel.h"
#include "validationpage.h"

#include <QAction>
#include <QApplication>
#include <QComboBox>
#include <QDir>
#include <QDragEnterEvent>
#include <QFile>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QMimeData>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QStackedWidget>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace Batchdesk;
using Models::IssuesModel;
using Models::RequestsModel;
using Ui::MainWindow;
using Ui::MessageBanner;

namespace {

QString fixture(const char *name)
{
    return QStringLiteral(BATCHDESK_TEST_DATA) + u'/' + QString::fromLatin1(name);
}

QByteArray chatLine(int i)
{
    return QByteArrayLiteral("{\"custom_id\": \"r") + QByteArray::number(i)
        + QByteArrayLiteral(
               "\", \"method\": \"POST\", \"url\": \"/v1/chat/completions\", \"body\": {\"model\": "
               "\"m\", \"messages\": [{\"role\": \"user\", \"content\": \"")
        + QByteArray(400, 'x') + QByteArrayLiteral("\"}]}}\n");
}

} // namespace

class TestMainWindow : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<MainWindow> m_window;
    QTemporaryDir m_dir;

    template<typename T>
    T *find(const char *name) const
    {
        return m_window->findChild<T *>(QString::fromLatin1(name));
    }
    QString text(const char *labelName) const
    {
        auto *label = find<QLabel>(labelName);
        return label ? label->text() : QStringLiteral("<no %1>").arg(QString::fromLatin1(labelName));
    }

    void dropFile(const QString &path)
    {
        QMimeData mime;
        mime.setUrls({QUrl::fromLocalFile(path)});
        const QPoint pos = m_window->rect().center();
        QDragEnterEvent enter(pos, Qt::CopyAction | Qt::MoveAction, &mime, Qt::LeftButton, Qt::NoModifier);
        QApplication::sendEvent(m_window.get(), &enter);
        QVERIFY(enter.isAccepted());
        auto *overlay = find<QWidget>("dropOverlay");
        QVERIFY(overlay);
        QVERIFY(overlay->isVisible());
        // For looking at the overlay by eye: BATCHDESK_GRAB_DIR=/tmp ctest -R tst_mainwindow
        if (const QString dir = qEnvironmentVariable("BATCHDESK_GRAB_DIR"); !dir.isEmpty())
            m_window->grab().save(dir + QStringLiteral("/drop-overlay.png"));
        QDragMoveEvent move(pos + QPoint(5, 5), Qt::CopyAction | Qt::MoveAction, &mime, Qt::LeftButton,
                            Qt::NoModifier);
        QApplication::sendEvent(m_window.get(), &move);
        QVERIFY(move.isAccepted());
        QDropEvent drop(QPointF(pos), Qt::CopyAction | Qt::MoveAction, &mime, Qt::LeftButton, Qt::NoModifier);
        QApplication::sendEvent(m_window.get(), &drop);
        QVERIFY(drop.isAccepted());
        QVERIFY(!overlay->isVisible());
    }

    void waitForResult() { QTRY_VERIFY_WITH_TIMEOUT(!m_window->validationPage()->isValidating(), 20000); }

    QList<QPair<qint64, QString>> shownIssues() const
    {
        QList<QPair<qint64, QString>> rows;
        auto *view = find<QTableView>("issuesView");
        const QAbstractItemModel *model = view->model();
        for (int r = 0; r < model->rowCount(); ++r)
            rows.append(
                {model->index(r, IssuesModel::LineColumn).data(IssuesModel::RawValueRole).toLongLong(),
                 model->index(r, IssuesModel::CodeColumn).data().toString()});
        return rows;
    }

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(QStringLiteral("BatchdeskTests"));
        QCoreApplication::setApplicationName(QStringLiteral("tst_mainwindow"));
        QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
        QSettings().clear();
        QVERIFY(m_dir.isValid());
        // The window opens the database and starts the built-in sandbox: keep them out of the user's data.
        qputenv("BATCHDESK_DATA_DIR", m_dir.filePath(QStringLiteral("data")).toUtf8());
    }

    void init()
    {
        m_window = std::make_unique<MainWindow>();
        m_window->resize(1200, 800);
        m_window->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    }

    void cleanup() { m_window.reset(); }

    void startsWithEmptyState()
    {
        // The Open dialog starts in a folder that exists (Documents only when there is one).
        QVERIFY2(QFileInfo(Batchdesk::Ui::FileDialog::lastDirectory()).isDir(),
                 qPrintable(Batchdesk::Ui::FileDialog::lastDirectory()));
        QCOMPARE(m_window->objectName(), QStringLiteral("MainWindow"));
        // The window starts on the batches; the validation page is one click away in the sidebar.
        QCOMPARE(m_window->pages()->currentWidget()->objectName(), QStringLiteral("batchesPage"));
        m_window->showView(Ui::Sidebar::View::Validate);
        auto *empty = find<QWidget>("emptyState");
        QVERIFY(empty && empty->isVisible());
        QCOMPARE(text("emptyStateText"),
                 QStringLiteral("Drop a .jsonl file here or open one with File \u2192 Open"));
        QVERIFY(find<QPushButton>("emptyOpenButton")->isVisible());
        QVERIFY(!find<QWidget>("summaryPanel")->isVisible());
        QVERIFY(!find<QWidget>("messageBanner")->isVisible());
        QVERIFY(!find<QAction>("cancelAction")->isEnabled());
        // Nothing to submit yet, and the button says why.
        QVERIFY(!find<QPushButton>("createBatchButton")->isEnabled());
    }

    void dropFileWithErrors()
    {
        dropFile(fixture("invalid_mixed.jsonl"));
        waitForResult();
        QTRY_VERIFY(find<QWidget>("summaryPanel")->isVisible());
        QCOMPARE(text("verdictLabel"), QStringLiteral("4 errors must be fixed before submitting"));
        QVERIFY(!find<QPushButton>("createBatchButton")->isEnabled());
        QCOMPARE(text("createBatchReason"),
                 QStringLiteral("Fix the 4 errors listed below to submit this file"));
        QCOMPARE(text("fileNameLabel"), QStringLiteral("invalid_mixed.jsonl"));
        QCOMPARE(text("errorCountLabel"), QStringLiteral("4"));
        QCOMPARE(text("warningCountLabel"), QStringLiteral("1"));
        QCOMPARE(text("linesLabel"), QStringLiteral("6 of 50,000"));
        QCOMPARE(text("sizeLabel"), QStringLiteral("1 kB of 200 MB"));
        QCOMPARE(text("endpointLabel"), QStringLiteral("/v1/chat/completions"));
        QCOMPARE(text("modelLabel"), QStringLiteral("meta-llama/Llama-3-70b"));
        QVERIFY(!find<QLabel>("embeddingInputsLabel")->isVisible());
        QVERIFY(!find<QWidget>("validationProgress")->isVisible());
        QVERIFY(!find<QWidget>("dropOverlay")->isVisible());

        const QList<QPair<qint64, QString>> expected {{2, QStringLiteral("invalid_json")},
                                                      {3, QStringLiteral("duplicate_custom_id")},
                                                      {4, QStringLiteral("invalid_method")},
                                                      {5, QStringLiteral("stream_not_supported")},
                                                      {6, QStringLiteral("missing_model")}};
        QCOMPARE(shownIssues(), expected);
        auto *tabs = find<QTabWidget>("detailTabs");
        QCOMPARE(tabs->currentIndex(), 0);
        QCOMPARE(tabs->tabText(0), QStringLiteral("Issues (5)"));
        QCOMPARE(find<QTableView>("requestsView")->model()->rowCount(), 6);
        QVERIFY(text("statusLabel").startsWith(QStringLiteral("Validated 6 lines in ")));
        QVERIFY(m_window->windowTitle().startsWith(QStringLiteral("invalid_mixed.jsonl")));

        // The severity filter narrows the list.
        auto *filter = find<QComboBox>("severityFilter");
        filter->setCurrentIndex(2);
        QCOMPARE(shownIssues(),
                 (QList<QPair<qint64, QString>> {{5, QStringLiteral("stream_not_supported")}}));
        filter->setCurrentIndex(1);
        QCOMPARE(shownIssues().size(), 4);
        filter->setCurrentIndex(0);
    }

    void dropValidFile()
    {
        dropFile(fixture("valid_chat.jsonl"));
        waitForResult();
        QCOMPARE(text("verdictLabel"), QStringLiteral("Ready to submit"));
        QVERIFY(find<QPushButton>("createBatchButton")->isEnabled());
        QCOMPARE(text("errorCountLabel"), QStringLiteral("0"));
        QCOMPARE(text("warningCountLabel"), QStringLiteral("0"));
        QCOMPARE(text("linesLabel"), QStringLiteral("5 of 50,000"));
        QCOMPARE(text("modelLabel"), QStringLiteral("deepseek-ai/DeepSeek-V3"));
        QCOMPARE(find<QTableView>("issuesView")->model()->rowCount(), 0);
        auto *requests = find<QTableView>("requestsView");
        QCOMPARE(requests->model()->rowCount(), 5);
        QCOMPARE(requests->model()->index(2, RequestsModel::PreviewColumn).data().toString(),
                 QStringLiteral("\u00c9cris un ha\u00efku sur la mer. \U0001F30A"));
        // With nothing to fix, the requests are shown.
        QCOMPARE(find<QTabWidget>("detailTabs")->currentIndex(), 1);
        QVERIFY(!find<QWidget>("messageBanner")->isVisible());
    }

    void embeddingsShowInputs()
    {
        m_window->openFile(fixture("embeddings.jsonl"));
        waitForResult();
        QCOMPARE(text("verdictLabel"), QStringLiteral("Ready to submit"));
        QVERIFY(find<QLabel>("embeddingInputsLabel")->isVisible());
        QCOMPARE(text("embeddingInputsLabel"), QStringLiteral("5 of 50,000"));
        QCOMPARE(text("endpointLabel"), QStringLiteral("/v1/embeddings"));
    }

    void doubleClickIssueShowsRequest()
    {
        m_window->openFile(fixture("invalid_mixed.jsonl"));
        waitForResult();
        auto *issues = find<QTableView>("issuesView");
        int row = -1;
        for (int r = 0; r < issues->model()->rowCount(); ++r) {
            if (issues->model()->index(r, IssuesModel::CodeColumn).data().toString()
                == QLatin1StringView("duplicate_custom_id"))
                row = r;
        }
        QVERIFY(row >= 0);
        const QModelIndex index = issues->model()->index(row, IssuesModel::MessageColumn);
        const QRect rect = issues->visualRect(index);
        QVERIFY(rect.isValid());
        QSignalSpy doubleClicked(issues, &QAbstractItemView::doubleClicked);
        // A real double-click is press, release, then a double-click event; QTest::mouseDClick sends only the
        // last.
        QTest::mouseClick(issues->viewport(), Qt::LeftButton, Qt::NoModifier, rect.center());
        QTest::mouseDClick(issues->viewport(), Qt::LeftButton, Qt::NoModifier, rect.center());
        QCOMPARE(doubleClicked.count(), 1);

        auto *tabs = find<QTabWidget>("detailTabs");
        QTRY_COMPARE(tabs->currentIndex(), 1);
        auto *requests = find<QTableView>("requestsView");
        QCOMPARE(requests->currentIndex().row(), 2);
        auto *viewer = find<QPlainTextEdit>("requestViewer");
        QVERIFY(viewer->isReadOnly());
        const QString shown = viewer->toPlainText();
        QVERIFY2(shown.startsWith(QStringLiteral("{\n  \"custom_id\": \"q-1\",")), qPrintable(shown));
        QVERIFY(shown.contains(QStringLiteral("Same id again")));
        QVERIFY(text("requestViewerTitle").contains(QStringLiteral("Line 3")));

        // Selecting another request shows it too.
        const QRect other = requests->visualRect(requests->model()->index(4, RequestsModel::CustomIdColumn));
        QTest::mouseClick(requests->viewport(), Qt::LeftButton, Qt::NoModifier, other.center());
        QTRY_VERIFY(viewer->toPlainText().contains(QStringLiteral("\"custom_id\": \"q-5\"")));
        QVERIFY(viewer->toPlainText().contains(QStringLiteral("\"stream\": true")));

        // A line that is not JSON is shown as it is.
        m_window->validationPage()->showLine(2);
        QVERIFY(viewer->toPlainText().startsWith(QStringLiteral("{\"custom_id\": \"q-2\"")));
    }

    void missingFileShowsBanner()
    {
        const QString missing = m_dir.filePath(QStringLiteral("does-not-exist.jsonl"));
        m_window->openFile(missing);
        waitForResult();
        auto *banner = find<MessageBanner>("messageBanner");
        QTRY_VERIFY(banner->isVisible());
        QCOMPARE(banner->type(), MessageBanner::Type::Error);
        QVERIFY2(banner->text().contains(QStringLiteral("does-not-exist.jsonl")), qPrintable(banner->text()));
        QVERIFY(find<QWidget>("emptyState")->isVisible());

        // The window stays usable: the next file validates and the banner goes away.
        m_window->openFile(fixture("valid_chat.jsonl"));
        waitForResult();
        QCOMPARE(text("verdictLabel"), QStringLiteral("Ready to submit"));
        QVERIFY(!banner->isVisible());
    }

    void folderShowsBanner()
    {
        dropFile(m_dir.path());
        waitForResult();
        auto *banner = find<MessageBanner>("messageBanner");
        QTRY_VERIFY(banner->isVisible());
        QCOMPARE(banner->type(), MessageBanner::Type::Error);
        QVERIFY2(banner->text().contains(QStringLiteral("folder")), qPrintable(banner->text()));
        find<QWidget>("messageBannerClose")->setFocus();
        QTest::mouseClick(find<QWidget>("messageBannerClose"), Qt::LeftButton);
        QVERIFY(!banner->isVisible());
    }

    void badContent_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<QString>("code");
        QTest::addColumn<QString>("errors");
        QTest::newRow("invalid utf-8")
            << fixture("invalid_utf8.jsonl") << QStringLiteral("invalid_utf8") << QStringLiteral("1");
        QTest::newRow("binary") << fixture("binary_garbage.jsonl") << QStringLiteral("not_text")
                                << QStringLiteral("1");
    }

    void badContent()
    {
        QFETCH(QString, file);
        QFETCH(QString, code);
        QFETCH(QString, errors);
        m_window->openFile(file);
        waitForResult();
        QCOMPARE(text("errorCountLabel"), errors);
        QVERIFY(text("verdictLabel").contains(QStringLiteral("must be fixed before submitting")));
        const auto issues = shownIssues();
        QVERIFY(!issues.isEmpty());
        QCOMPARE(issues.first().second, code);
        // Every request row can be painted and shown without trouble.
        auto *requests = find<QTableView>("requestsView");
        find<QTabWidget>("detailTabs")->setCurrentIndex(1);
        for (int r = 0; r < requests->model()->rowCount(); ++r)
            m_window->validationPage()->showLine(r + 1, true);
        QVERIFY(!find<QPlainTextEdit>("requestViewer")->toPlainText().isEmpty());
        QVERIFY(!find<QWidget>("messageBanner")->isVisible());
    }

    // A picture saved as .jsonl: one finding that says what it is, no screen of broken lines, no requests.
    void binaryFileStopsUpFront()
    {
        const QString path = m_dir.filePath(QStringLiteral("photo.jsonl"));
        {
            QFile f(path);
            QVERIFY(f.open(QIODevice::WriteOnly));
            QByteArray png("\x89PNG\r\n\x1a\n\0\0\0\rIHDR", 16);
            for (int i = 0; i < 30'000; ++i)
                png += char((i * 31 + i / 7) % 256);
            f.write(png);
        }
        dropFile(path);
        waitForResult();
        QCOMPARE(text("errorCountLabel"), QStringLiteral("1"));
        QCOMPARE(shownIssues(), (QList<QPair<qint64, QString>> {{0, QStringLiteral("not_text")}}));
        auto *viewer = find<QPlainTextEdit>("requestViewer");
        QVERIFY2(
            viewer->toPlainText().contains(QStringLiteral("not a text file (it looks like a PNG image)")),
            qPrintable(viewer->toPlainText()));
        QCOMPARE(find<QTableView>("requestsView")->model()->rowCount(), 0);
        QVERIFY(!find<QPushButton>("requestEditButton")->isEnabled());
        QVERIFY(!m_window->validationPage()->canSubmit());
    }

    // Edit belongs to one line of one file: a file-level issue is not editable, and another file resets the
    // viewer (leaving edit mode must not bring back a line of the previous file). Edits are checked by the
    // validator's rules, not only as JSON.
    void requestViewerResetsAndEditUsesValidator()
    {
        auto line = [](const char *id) {
            return QStringLiteral(
                       "{\"custom_id\": \"%1\", \"method\": \"POST\", \"url\": \"/v1/chat/completions\", "
                       "\"body\": {\"model\": \"m\", \"messages\": [{\"role\": \"user\", \"content\": "
                       "\"x\"}]}}\n")
                .arg(QLatin1String(id))
                .toUtf8();
        };
        const QString first = m_dir.filePath(QStringLiteral("four.jsonl"));
        const QString second = m_dir.filePath(QStringLiteral("two.jsonl"));
        {
            QFile f(first);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write(line("a-1") + line("a-2") + line("a-3") + line("a-4"));
            QFile g(second);
            QVERIFY(g.open(QIODevice::WriteOnly));
            g.write(line("b-1") + line("b-2"));
        }
        auto *page = m_window->validationPage();
        const Batchdesk::Jsonl::ValidationOptions original = page->options();
        Batchdesk::Jsonl::ValidationOptions three = original;
        three.profile.maxLines = 3; // the first file breaks a file-level limit (line 0)
        page->setOptions(three);
        m_window->openFile(first);
        waitForResult();
        QCOMPARE(shownIssues().first(), qMakePair(qint64(0), QStringLiteral("too_many_lines")));
        auto *viewer = find<QPlainTextEdit>("requestViewer");
        auto *edit = find<QPushButton>("requestEditButton");
        // The first issue is shown: prose about the whole file, not editable.
        QCOMPARE(text("requestViewerTitle"), QStringLiteral("Whole file"));
        QVERIFY(!edit->isEnabled());
        page->showLine(4);
        QVERIFY(edit->isEnabled());
        QTest::mouseClick(edit, Qt::LeftButton);
        QVERIFY(!viewer->isReadOnly());
        // Back to the file-level issue: edit mode ends, Edit is off.
        auto *issues = find<QTableView>("issuesView");
        find<QTabWidget>("detailTabs")->setCurrentIndex(0);
        QTest::mouseClick(issues->viewport(), Qt::LeftButton, {},
                          issues->visualRect(issues->model()->index(0, 2)).center());
        QVERIFY(!edit->isChecked());
        QVERIFY(!edit->isEnabled());
        QVERIFY(viewer->isReadOnly());
        QVERIFY(viewer->toPlainText().contains(QStringLiteral("lines")));

        // Line 4 in edit mode, then another file: nothing of the first file comes back.
        page->showLine(4);
        QTest::mouseClick(edit, Qt::LeftButton);
        QVERIFY(edit->isChecked());
        page->setOptions(original);
        m_window->openFile(second);
        QVERIFY(!edit->isChecked());
        QVERIFY(!viewer->toPlainText().contains(QStringLiteral("a-4")));
        waitForResult();
        QTRY_VERIFY(viewer->toPlainText().contains(QStringLiteral("b-1")));
        QTest::mouseClick(edit, Qt::LeftButton);
        QTest::mouseClick(edit, Qt::LeftButton);
        QVERIFY(!viewer->toPlainText().contains(QStringLiteral("a-4")));
        QVERIFY(viewer->toPlainText().contains(QStringLiteral("b-1")));

        // As you type, the validator's rules: valid JSON with method GET cannot be saved.
        QTest::mouseClick(edit, Qt::LeftButton);
        auto *save = find<QPushButton>("requestSaveButton");
        QString changed = viewer->toPlainText();
        changed.replace(QStringLiteral("\"POST\""), QStringLiteral("\"GET\""));
        viewer->setPlainText(changed);
        QVERIFY2(text("requestEditStatus").contains(QStringLiteral("must be \"POST\"")),
                 qPrintable(text("requestEditStatus")));
        QVERIFY(!save->isEnabled());
        // Another endpoint than the rest of the file: refused too.
        QString otherUrl = changed;
        otherUrl.replace(QStringLiteral("\"GET\""), QStringLiteral("\"POST\""));
        otherUrl.replace(QStringLiteral("/v1/chat/completions"), QStringLiteral("/v1/embeddings"));
        viewer->setPlainText(otherUrl);
        QVERIFY(!save->isEnabled());
        changed.replace(QStringLiteral("\"GET\""), QStringLiteral("\"POST\""));
        changed.replace(QStringLiteral("\"x\""), QStringLiteral("\"y\""));
        viewer->setPlainText(changed);
        QVERIFY(save->isEnabled());
        QVERIFY(text("requestEditStatus").contains(QStringLiteral("valid")));
    }

    void cancelKeepsWindowUsable()
    {
        const QString big = m_dir.filePath(QStringLiteral("big.jsonl"));
        {
            QFile file(big);
            QVERIFY(file.open(QIODevice::WriteOnly));
            QByteArray chunk;
            for (int i = 0; i < 40'000; ++i)
                chunk += chatLine(i);
            for (int i = 0; i < 3; ++i)
                file.write(
                    chunk); // ~57 MB, too many lines on purpose: it must still validate or cancel cleanly
        }
        m_window->openFile(big);
        QVERIFY(m_window->validationPage()->isValidating());
        auto *cancel = find<QPushButton>("cancelValidationButton");
        QVERIFY(cancel->isVisible());
        QVERIFY(find<QProgressBar>("validationProgress")->isVisible());
        QTest::mouseClick(cancel, Qt::LeftButton);
        waitForResult();
        QCOMPARE(text("verdictLabel"), QStringLiteral("Validation cancelled"));
        QVERIFY(!find<QWidget>("validationProgress")->isVisible());
        auto *banner = find<MessageBanner>("messageBanner");
        QVERIFY(banner->isVisible());
        QCOMPARE(banner->type(), MessageBanner::Type::Info);
        QCOMPARE(text("statusLabel"), QStringLiteral("Validation cancelled"));

        // Validate again through the banner's action: it runs to the end this time.
        QTest::mouseClick(find<QPushButton>("messageBannerAction"), Qt::LeftButton);
        QVERIFY(m_window->validationPage()->isValidating());
        waitForResult();
        QCOMPARE(text("linesLabel"), QStringLiteral("120,000 of 50,000"));
        QVERIFY(text("verdictLabel").contains(QStringLiteral("must be fixed")));
        QCOMPARE(shownIssues().first(), (QPair<qint64, QString> {0, QStringLiteral("too_many_lines")}));
        auto *requestsView = find<QTableView>("requestsView");
        QCOMPARE(requestsView->model()->rowCount(), 120'000);

        // Scrolling through the lazy table parses only what is painted, never all rows.
        find<QTabWidget>("detailTabs")->setCurrentIndex(1);
        auto *requests = qobject_cast<RequestsModel *>(requestsView->model());
        QVERIFY(requests);
        requestsView->scrollToBottom();
        QTest::qWait(50);
        requestsView->scrollTo(requests->index(60'000, 0), QAbstractItemView::PositionAtCenter);
        QTest::qWait(50);
        QVERIFY2(requests->parseCount() < 300, qPrintable(QString::number(requests->parseCount())));
        QVERIFY(requests->parseCount() > 0);
        const int rowHeight = requestsView->rowHeight(0);
        QCOMPARE(requestsView->rowHeight(119'999), rowHeight);

        m_window->openFile(fixture("valid_chat.jsonl"));
        waitForResult();
        QCOMPARE(text("verdictLabel"), QStringLiteral("Ready to submit"));
    }

    void openAnotherFileWhileValidating()
    {
        const QString big = m_dir.filePath(QStringLiteral("big.jsonl"));
        QVERIFY(QFile::exists(big));
        m_window->openFile(big);
        m_window->openFile(fixture("invalid_mixed.jsonl"));
        waitForResult();
        QCOMPARE(text("linesLabel"), QStringLiteral("6 of 50,000"));
        QCOMPARE(text("fileNameLabel"), QStringLiteral("invalid_mixed.jsonl"));
    }

    void fileChangedOnDisk()
    {
        const QString copy = m_dir.filePath(QStringLiteral("changing.jsonl"));
        QFile::remove(copy);
        QVERIFY(QFile::copy(fixture("valid_chat.jsonl"), copy));
        QFile::setPermissions(copy, QFile::ReadOwner | QFile::WriteOwner);
        m_window->openFile(copy);
        waitForResult();
        QCOMPARE(text("verdictLabel"), QStringLiteral("Ready to submit"));
        {
            QFile file(copy);
            QVERIFY(file.open(QIODevice::Append));
            file.write("not json\n");
        }
        auto *banner = find<MessageBanner>("messageBanner");
        QTRY_VERIFY(banner->isVisible());
        QCOMPARE(banner->type(), MessageBanner::Type::Warning);
        QVERIFY2(banner->text().contains(QStringLiteral("changed on disk")), qPrintable(banner->text()));
        // Reading a row now reports the change instead of showing stale bytes.
        m_window->validationPage()->showLine(4);
        QVERIFY(
            find<QPlainTextEdit>("requestViewer")->toPlainText().contains(QStringLiteral("changed on disk")));

        QTest::mouseClick(find<QPushButton>("messageBannerAction"), Qt::LeftButton);
        waitForResult();
        QCOMPARE(text("linesLabel"), QStringLiteral("6 of 50,000"));
        QCOMPARE(text("errorCountLabel"), QStringLiteral("1"));
    }

    void openThroughDialogSeam()
    {
        Ui::FileDialog::setNextFileName(fixture("valid_chat.jsonl"));
        find<QAction>("openAction")->trigger();
        waitForResult();
        QCOMPARE(text("verdictLabel"), QStringLiteral("Ready to submit"));
        // A cancelled dialog changes nothing.
        Ui::FileDialog::setNextFileName(QString());
        find<QAction>("openAction")->trigger();
        QVERIFY(!m_window->validationPage()->isValidating());
        QCOMPARE(text("verdictLabel"), QStringLiteral("Ready to submit"));
        QVERIFY(QSettings()
                    .value(QStringLiteral("MainWindow/recentFiles"))
                    .toStringList()
                    .contains(QFileInfo(fixture("valid_chat.jsonl")).absoluteFilePath()));
    }

    void aboutUsesMessageBoxSeam()
    {
        const int before = Ui::MessageBox::shownCount();
        Ui::MessageBox::setNextAnswer(QMessageBox::Ok);
        m_window->showAbout();
        QCOMPARE(Ui::MessageBox::shownCount(), before + 1);
    }

    void stateIsSaved()
    {
        m_window->close();
        QSettings settings;
        QVERIFY(!settings.value(QStringLiteral("MainWindow/geometry")).toByteArray().isEmpty());
        QVERIFY(!settings.value(QStringLiteral("ValidationPage/splitter")).toByteArray().isEmpty());
    }

    void editRequestInPlace()
    {
        const QString path = m_dir.filePath(QStringLiteral("edit.jsonl"));
        const QByteArray first =
            "{\"custom_id\": \"e-1\", \"method\": \"POST\", \"url\": \"/v1/chat/completions\", "
            "\"body\": {\"model\": \"m\", \"messages\": [{\"role\": \"user\", \"content\": \"a\"}]}}";
        QByteArray dup = first;
        dup.replace("\"a\"", "\"b\"");
        {
            QFile f(path);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write(first + "\r\n" + dup + "\r\n");
        }
        dropFile(path);
        waitForResult();
        QVERIFY(!m_window->validationPage()->canSubmit());
        QVERIFY(shownIssues().contains(qMakePair(qint64(2), QStringLiteral("duplicate_custom_id"))));

        m_window->validationPage()->showLine(2);
        auto *viewer = find<QPlainTextEdit>("requestViewer");
        auto *edit = find<QPushButton>("requestEditButton");
        auto *save = find<QPushButton>("requestSaveButton");
        QVERIFY(edit->isEnabled() && viewer->isReadOnly());
        QTest::mouseClick(edit, Qt::LeftButton);
        QVERIFY(!viewer->isReadOnly());
        // Checked as you type: broken JSON cannot be saved.
        viewer->setPlainText(QStringLiteral("{\"custom_id\": \"e-2\","));
        QVERIFY(text("requestEditStatus").contains(QStringLiteral("Not valid JSON")));
        QVERIFY(!save->isEnabled());
        QString fixed = QString::fromUtf8(Batchdesk::Jsonl::prettyJson(dup).toUtf8());
        fixed.replace(QStringLiteral("\"e-1\""), QStringLiteral("\"e-2\""));
        viewer->setPlainText(fixed);
        QVERIFY(save->isEnabled());
        QTest::mouseClick(save, Qt::LeftButton);
        // Saved, validated again, the same line shown; the file is valid now.
        QTRY_VERIFY_WITH_TIMEOUT(m_window->validationPage()->canSubmit(), 10000);
        QTRY_VERIFY(viewer->toPlainText().contains(QStringLiteral("\"e-2\"")));
        QVERIFY(viewer->isReadOnly());
        QFile f(path);
        QVERIFY(f.open(QIODevice::ReadOnly));
        QByteArray expected = dup;
        expected.replace("\"e-1\"", "\"e-2\"");
        QCOMPARE(f.readAll(), first + "\r\n" + Batchdesk::Jsonl::minifyJson(expected) + "\r\n");
    }
};

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
