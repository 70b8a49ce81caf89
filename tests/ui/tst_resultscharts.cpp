// The charts of the results view on real widgets (offscreen) over joined results written by the test: the
// histogram's bars are the output-token counts, the finish-reason and failure charts count their rows, a
// click on a bar (a real mouse click at the bar's position) asks for exactly the rows behind it, which the
// ResultsModel then shows, and a second click asks for all rows again.
#include "resultscharts.h"
#include "resultsmodel.h"

#include <QBarCategoryAxis>
#include <QBarSet>
#include <QChart>
#include <QChartView>
#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QVBoxLayout>

// After the Qt headers: it includes only <QByteArray>.
#include "results/results_fixtures.h"

using namespace Batchdesk;
using Results::SummaryFilter;

Q_DECLARE_METATYPE(Batchdesk::Results::SummaryFilter)

namespace {

// The centre of bar index of the chart's only bar series, in the view's viewport coordinates.
QPoint barCentre(QChartView *view, QBarSet *set, int index, bool horizontal)
{
    QChart *chart = view->chart();
    QAbstractSeries *series = chart->series().constFirst();
    const QPointF value =
        horizontal ? QPointF(set->at(index) / 2, index) : QPointF(index, set->at(index) / 2);
    const QPointF inChart = chart->mapToPosition(value, series);
    return view->mapFromScene(chart->mapToScene(inChart));
}

} // namespace

class TestResultsCharts : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    std::shared_ptr<const Results::JoinedResults> m_results;

    QString write(const QString &name, const QList<QByteArray> &lines)
    {
        const QString path = m_dir.filePath(name);
        QFile f(path);
        if (!f.open(QIODevice::WriteOnly))
            return {};
        for (const QByteArray &line : lines)
            f.write(line + '\n');
        return path;
    }

    static QStringList ids(const Models::ResultsModel &model)
    {
        QStringList list;
        for (int r = 0; r < model.rowCount(); ++r)
            list << model.index(r, Models::ResultsModel::CustomIdColumn).data().toString();
        return list;
    }

private slots:
    void initTestCase()
    {
        qRegisterMetaType<SummaryFilter>();
        QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
        // 30 answers with 10, 20, … 300 output tokens; every 5th cut by length; 3 rate-limited, 2 HTTP 500,
        // 1 expired, 2 missing.
        QList<QByteArray> input;
        QList<QByteArray> output;
        QList<QByteArray> errors;
        for (int i = 1; i <= 30; ++i) {
            const QByteArray id = "ok" + QByteArray::number(i);
            input << Fixtures::request(id, "q");
            output << Fixtures::success(id, "answer", 5, i * 10, i % 5 == 0 ? "length" : "stop");
        }
        for (int i = 0; i < 3; ++i) {
            input << Fixtures::request("rl" + QByteArray::number(i), "q");
            output << Fixtures::httpFailure("rl" + QByteArray::number(i), 429, "rate_limit_exceeded", "slow");
        }
        for (int i = 0; i < 2; ++i) {
            input << Fixtures::request("se" + QByteArray::number(i), "q");
            output << Fixtures::httpFailure("se" + QByteArray::number(i), 500, "server_boom", "boom");
        }
        input << Fixtures::request("exp", "q") << Fixtures::request("gone1", "q")
              << Fixtures::request("gone2", "q");
        errors << Fixtures::notRun("exp", "batch_expired", "expired");
        auto joined = Results::JoinedResults::open(
            write(QStringLiteral("in.jsonl"), input),
            {write(QStringLiteral("out.jsonl"), output), write(QStringLiteral("err.jsonl"), errors)});
        QVERIFY2(joined.ok(), qPrintable(joined.errorString()));
        m_results = joined.value();
    }

    void chartsCountAndBarsFilter()
    {
        QWidget window;
        window.resize(1100, 320);
        auto *layout = new QVBoxLayout(&window);
        auto *charts = new Ui::ResultsCharts(&window);
        layout->addWidget(charts);
        Models::ResultsModel model;
        model.setResults(m_results);
        // As the results page does: a bar filters the model and becomes the active filter.
        connect(charts, &Ui::ResultsCharts::filterRequested, &model, [&](const SummaryFilter &f) {
            model.setSummaryFilter(f);
            charts->setActiveFilter(f);
        });

        // Hidden: nothing is read until the panel is shown.
        charts->setResults(m_results);
        QVERIFY(!charts->isComputing());
        QVERIFY(!charts->hasSummary());
        QSignalSpy ready(charts, &Ui::ResultsCharts::summaryReady);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QVERIFY(ready.size() > 0 || ready.wait(10000)); // it may come while the window is exposed
        QVERIFY(charts->hasSummary());

        // Histogram: 10..300 in bins of 20 (0-19, 20-39, … 300-319): one answer in the first, two in each
        // of the others.
        QBarSet *tokens = charts->outputTokenBars();
        QVERIFY(tokens);
        const auto &bins = charts->summary().outputTokenBins;
        QCOMPARE(tokens->count(), int(bins.size()));
        QCOMPARE(bins.size(), std::size_t(16));
        QCOMPARE(bins.front().low, 0);
        QCOMPARE(bins.front().high, 20);
        qint64 sum = 0;
        for (int i = 0; i < tokens->count(); ++i) {
            qint64 expected = 0;
            for (int k = 1; k <= 30; ++k)
                expected += k * 10 >= bins[std::size_t(i)].low && k * 10 < bins[std::size_t(i)].high;
            QCOMPARE(qint64(tokens->at(i)), expected);
            sum += qint64(tokens->at(i));
        }
        QCOMPARE(sum, 30);
        QCOMPARE(charts->barToolTip(tokens, 5), QStringLiteral("100\u2013119 output tokens \u00b7 rows: 2"));
        QCOMPARE(charts->outputTokenChart()->chart()->title(),
                 QStringLiteral("Output tokens of the answers (30)"));

        // Finish reasons: stop 24, length 6 (most frequent on top, i.e. the last bar).
        QBarSet *finish = charts->finishReasonBars();
        QVERIFY(finish);
        QCOMPARE(finish->count(), 2);
        QCOMPARE(finish->at(1), 24.0);
        QCOMPARE(finish->at(0), 6.0);
        QCOMPARE(charts->filterOf(finish, 0), SummaryFilter::finishReason(QStringLiteral("length")));
        auto *finishAxis = qobject_cast<QBarCategoryAxis *>(
            charts->finishReasonChart()->chart()->axes(Qt::Vertical).constFirst());
        QVERIFY(finishAxis);
        QCOMPARE(finishAxis->categories(),
                 (QStringList {QStringLiteral("length (6)"), QStringLiteral("stop (24)")}));

        // Failures: rate_limit_exceeded 3, server_boom 2, missing 2, expired 1.
        QBarSet *failures = charts->failureBars();
        QVERIFY(failures);
        QHash<QString, qint64> byKey;
        for (int i = 0; i < failures->count(); ++i)
            byKey.insert(charts->filterOf(failures, i).key, qint64(failures->at(i)));
        QCOMPARE(byKey.value(QStringLiteral("rate_limit_exceeded")), 3);
        QCOMPARE(byKey.value(QStringLiteral("server_boom")), 2);
        QCOMPARE(byKey.value(QStringLiteral("missing")), 2);
        QCOMPARE(byKey.value(QStringLiteral("expired")), 1);
        QCOMPARE(byKey.size(), 4);

        // A real click on the 100-119 bar: the model shows exactly those two rows.
        QSignalSpy requested(charts, &Ui::ResultsCharts::filterRequested);
        QTest::mouseClick(charts->outputTokenChart()->viewport(), Qt::LeftButton, {},
                          barCentre(charts->outputTokenChart(), tokens, 5, false));
        QCOMPARE(requested.size(), 1);
        QCOMPARE(requested.first().first().value<SummaryFilter>(), SummaryFilter::outputTokens(100, 120));
        QCOMPARE(ids(model), (QStringList {QStringLiteral("ok10"), QStringLiteral("ok11")}));
        QVERIFY(tokens->isBarSelected(5));
        QVERIFY(!tokens->isBarSelected(4));
        // Clicking it again shows every row.
        QTest::mouseClick(charts->outputTokenChart()->viewport(), Qt::LeftButton, {},
                          barCentre(charts->outputTokenChart(), tokens, 5, false));
        QCOMPARE(requested.size(), 2);
        QVERIFY(requested.last().first().value<SummaryFilter>().isNull());
        QCOMPARE(model.rowCount(), int(m_results->rowCount()));
        QVERIFY(!tokens->isBarSelected(5));

        // The "length" bar: parsed rows, computed in the background.
        QSignalSpy viewChanged(&model, &Models::ResultsModel::viewChanged);
        QTest::mouseClick(charts->finishReasonChart()->viewport(), Qt::LeftButton, {},
                          barCentre(charts->finishReasonChart(), finish, 0, true));
        QCOMPARE(requested.last().first().value<SummaryFilter>(),
                 SummaryFilter::finishReason(QStringLiteral("length")));
        QVERIFY(viewChanged.wait(10000));
        QCOMPARE(ids(model),
                 (QStringList {QStringLiteral("ok5"), QStringLiteral("ok10"), QStringLiteral("ok15"),
                               QStringLiteral("ok20"), QStringLiteral("ok25"), QStringLiteral("ok30")}));
        QVERIFY(finish->isBarSelected(0));

        // Each failure bar: its rows, as many as it counts.
        // (Every filter ends in one viewChanged, at once or from the background.)
        const auto click = [&](QBarSet *set, int index) {
            QSignalSpy changed(&model, &Models::ResultsModel::viewChanged);
            emit set->clicked(index);
            return changed.size() > 0 || changed.wait(10000);
        };
        for (int i = 0; i < failures->count(); ++i) {
            QVERIFY(click(failures, i));
            QCOMPARE(model.rowCount(), int(failures->at(i)));
            QCOMPARE(model.summaryFilter(), charts->filterOf(failures, i));
            for (int r = 0; r < model.rowCount(); ++r)
                QVERIFY(model.resultRow(r).outcome != Results::Outcome::Succeeded);
        }
        for (int i = 0; i < failures->count(); ++i) {
            if (charts->filterOf(failures, i).key == QLatin1StringView("missing")) {
                QVERIFY(click(failures, i));
                QCOMPARE(ids(model), (QStringList {QStringLiteral("gone1"), QStringLiteral("gone2")}));
            }
            if (charts->filterOf(failures, i).key == QLatin1StringView("server_boom")) {
                QVERIFY(click(failures, i));
                QCOMPARE(ids(model), (QStringList {QStringLiteral("se0"), QStringLiteral("se1")}));
            }
        }

        // New results: the old summary is dropped and the new one is counted.
        charts->setResults(nullptr);
        QVERIFY(!charts->hasSummary());
        QVERIFY(!charts->outputTokenBars());
    }

    void paletteAware()
    {
        Ui::ResultsCharts charts;
        QPalette dark = charts.palette();
        dark.setColor(QPalette::Base, QColor(30, 30, 30));
        dark.setColor(QPalette::Text, QColor(230, 230, 230));
        charts.setPalette(dark);
        QSignalSpy ready(&charts, &Ui::ResultsCharts::summaryReady);
        charts.resize(900, 260);
        charts.show();
        charts.setResults(m_results);
        QVERIFY(ready.size() > 0 || ready.wait(10000)); // it may come while the window is exposed
        QCOMPARE(charts.outputTokenChart()->chart()->backgroundBrush().color(), QColor(30, 30, 30));
        QCOMPARE(charts.outputTokenChart()->chart()->titleBrush().color(), QColor(230, 230, 230));
        if (const QString dir = qEnvironmentVariable("BATCHDESK_GRAB_DIR"); !dir.isEmpty())
            charts.grab().save(dir + QStringLiteral("/results-charts-dark.png"));
    }
};

QTEST_MAIN(TestResultsCharts)
#include "tst_resultscharts.moc"
