// Runs side by side in the window, headless (DESIGN.md, Runs and comparison): added runs are
// drawn over run A, recomputed with the sliders, compared per class with DeLong's test (pROC's
// aSAH figures), and averaged when marked as folds.

#include "compare/bootstrap_delta.h"
#include "docks/runs_dock.h"
#include "main_window_test.h"
#include "model/comparison_model.h"
#include "model/dataset_session.h"
#include "model/parameter_model.h"
#include "model/run_set.h"
#include "plot/plot_export.h"
#include "plot/plot_grid_view.h"
#include "plot/plot_view.h"
#include "roc/delong.h"
#include "summary/summary_file.h"
#include "summary/summary_writer.h"
#include "views/chart_tabs.h"
#include "views/comparison_panel.h"
#include "views/metrics_view.h"
#include "views/run_metrics_view.h"

#include <QCheckBox>
#include <QComboBox>
#include <QLabel>
#include <QSpinBox>
#include <QTableWidget>
#include <QTest>

#include <array>
#include <cmath>

using namespace focalscope;
using namespace focalscope::testing;

class TestWindowRuns : public MainWindowTest {
    Q_OBJECT

private slots:
    void addedRunIsDrawnOverRunA();
    void crowdedChartsBecomeSmallMultiples();
    void pairedComparisonGivesProcFigures();
    void unpairedComparisonGivesProcD();
    void bootstrapOfPairedDeltas();
    void runsOnOtherRowsAreComparedUnpaired();
    void runWithOtherClassesIsRefused();
    void summaryRunIsComparedUnpaired();
    void foldsAreAveragedOnRoc();
    void slidersRecomputeEveryRun();
    void hiddenAndRenamedRuns();
    void openingAnotherFileRemovesTheRuns();

private:
    // Adds files as runs and waits until each is read, every run computed and compared.
    void addRunsAndWait(const QStringList& files);
    void waitUntilCompared();
};

void TestWindowRuns::addRunsAndWait(const QStringList& files)
{
    RunSet& runs = m_window->runs();
    const int before = runs.count();
    QVERIFY(m_window->addRuns(files));
    QTRY_VERIFY_WITH_TIMEOUT(!runs.isLoading(), 30000);
    QCOMPARE(runs.count(), before + static_cast<int>(files.size()));
    waitUntilCompared();
}

void TestWindowRuns::waitUntilCompared()
{
    RunSet& runs = m_window->runs();
    for (int r = 0; r < runs.count(); ++r) {
        DatasetSession& session = runs.session(r);
        QTRY_VERIFY_WITH_TIMEOUT(
            !session.isBusy() && session.loss() && session.lossCharts() && session.roc(), 30000);
    }
    QTRY_VERIFY_WITH_TIMEOUT(
        !m_window->comparison().isBusy() && m_window->comparison().result(), 30000);
}

namespace {

int countSeries(const PlotSpec& spec, const QString& namePrefix)
{
    int n = 0;
    for (const PlotSeries& s : spec.series)
        n += s.name.startsWith(namePrefix) ? 1 : 0;
    return n;
}

const RunComparison* findComparison(
    const ComparisonResult& result, const RunSet& runs, const QString& a, const QString& b)
{
    for (const RunComparison& c : result.comparisons)
        if (runs.run(result.modelRuns[c.a]).name == a && runs.run(result.modelRuns[c.b]).name == b)
            return &c;
    return nullptr;
}

} // namespace

void TestWindowRuns::addedRunIsDrawnOverRunA()
{
    openAndWait(fixture("three_class.csv"));
    addRunsAndWait({fixture("three_class_b.csv")});
    ChartTabs* charts = m_window->chartTabs();
    for (ChartTabs::Chart chart : {ChartTabs::RocChart, ChartTabs::PrChart, ChartTabs::DetChart}) {
        const PlotSpec& spec = charts->spec(chart);
        QCOMPARE(countSeries(spec, QStringLiteral("three_class · ")), 3);
        QCOMPARE(countSeries(spec, QStringLiteral("three_class_b · ")), 3);
        for (const PlotSeries& s : spec.series) {
            if (s.name.startsWith(QStringLiteral("three_class_b · "))) {
                QVERIFY(!s.pickable); // points are picked on run A's curves
                QCOMPARE(s.style, PlotSeries::Style::Dashed);
            }
        }
    }
    // Run B's curve of class dog is its own ROC, in dog's colour.
    const auto rocB = m_window->runs().session(1).rocResults();
    const PlotSpec& roc = charts->spec(ChartTabs::RocChart);
    const PlotSeries* dogA = nullptr;
    const PlotSeries* dogB = nullptr;
    for (const PlotSeries& s : roc.series) {
        if (s.id == 1 && s.name.startsWith(QStringLiteral("three_class · ")))
            dogA = &s;
        if (s.id == 1 && s.name.startsWith(QStringLiteral("three_class_b · ")))
            dogB = &s;
    }
    QVERIFY(dogA && dogB);
    QCOMPARE(dogA->color, dogB->color);
    QVERIFY(dogB->name.contains(QString::number(rocB->report.classes[1].auroc, 'f', 3)));
    // The concentration and p_t distribution show run B too.
    QVERIFY(
        countSeries(charts->spec(ChartTabs::ConcentrationChart), QStringLiteral("three_class_b · "))
        > 0);
    QVERIFY(countSeries(
                charts->spec(ChartTabs::PtDistributionChart), QStringLiteral("three_class_b · "))
        > 0);
    // The runs dock lists both with their numbers.
    QTableWidget* table = m_window->runsDock()->table();
    QCOMPARE(table->rowCount(), 2);
    QCOMPARE(table->item(1, RunsDock::RowsColumn)->text(), QStringLiteral("60"));
    // So does the metrics table, behind a run picker.
    auto* metrics = m_window->findChild<RunMetricsView*>();
    QVERIFY(metrics);
    QVERIFY(metrics->runBox()->isVisibleTo(m_window.get()));
    metrics->runBox()->setCurrentIndex(1);
    QCOMPARE(metrics->shownView(), metrics->view(1));
    const QTableWidgetItem* dogAuroc = metrics->view(1)->table()->item(1, MetricsView::AurocColumn);
    QCOMPARE(dogAuroc->data(MetricsView::kValueRole).toDouble(), rocB->report.classes[1].auroc);
}

void TestWindowRuns::crowdedChartsBecomeSmallMultiples()
{
    // 3 runs x 3 classes: more than kCrowdedCurves curves.
    openAndWait(fixture("three_class.csv"));
    addRunsAndWait({fixture("three_class_b.csv"), fixture("three_class_b.csv")});
    QCOMPARE(m_window->runs().run(2).name, QStringLiteral("three_class_b (2)"));
    ChartTabs* charts = m_window->chartTabs();
    for (ChartTabs::Chart chart : {ChartTabs::RocChart, ChartTabs::PrChart, ChartTabs::DetChart}) {
        const PlotSpec& spec = charts->spec(chart);
        QCOMPARE(spec.panels.size(), std::size_t {3});
        QVERIFY(spec.panels[1].title.startsWith(QStringLiteral("dog — ")));
        // Each panel: the class's curve of every run, coloured by run, named by run.
        const PlotSpec& dog = spec.panels[1];
        const QString metric = QStringLiteral(" 0.");
        QCOMPARE(countSeries(dog, QStringLiteral("three_class") + metric), 1);
        QCOMPARE(countSeries(dog, QStringLiteral("three_class_b") + metric), 1);
        QCOMPARE(countSeries(dog, QStringLiteral("three_class_b (2)") + metric), 1);
        for (const PlotSeries& s : dog.series)
            if (s.name.startsWith(QStringLiteral("three_class_b (2) 0.")))
                QCOMPARE(s.color, m_window->runs().run(2).color);
    }
    // On screen, the grid; exported, the same panels in one picture.
    charts->setCurrentIndex(ChartTabs::RocChart);
    QTRY_COMPARE(charts->gridView(ChartTabs::RocChart)->views().size(), 3);
    QVERIFY(charts->gridView(ChartTabs::RocChart)->isVisible());
    const QImage image = renderPlot(charts->shownSpec(ChartTabs::RocChart));
    QVERIFY(!image.isNull());
    // Two visible runs are drawn in one chart again.
    m_window->runs().setVisible(2, false);
    QVERIFY(charts->spec(ChartTabs::RocChart).panels.empty());
}

void TestWindowRuns::pairedComparisonGivesProcFigures()
{
    openAndWait(fixture("asah_wfns.csv"));
    addRunsAndWait({fixture("asah_s100b.csv"), fixture("asah_ndka.csv")});
    const auto result = m_window->comparison().result();
    QVERIFY(result->error.isEmpty());
    QCOMPARE(result->comparisons.size(), std::size_t {3});
    const RunSet& runs = m_window->runs();
    // pROC 1.18 roc.test(..., paired = TRUE) on aSAH (DESIGN.md).
    const RunComparison* ws = findComparison(*result, runs, "asah_wfns", "asah_s100b");
    const RunComparison* wn = findComparison(*result, runs, "asah_wfns", "asah_ndka");
    const RunComparison* sn = findComparison(*result, runs, "asah_s100b", "asah_ndka");
    QVERIFY(ws && wn && sn);
    QVERIFY(ws->paired && wn->paired && sn->paired);
    QVERIFY(close(ws->z, 2.20898359144091, 1e-10));
    QVERIFY(close(ws->p, 0.0271757822291882, 1e-10));
    QVERIFY(close(ws->ciLower, 0.0104061769564846, 1e-10));
    QVERIFY(close(ws->ciUpper, 0.174214419249478, 1e-10));
    QVERIFY(close(wn->z, 2.79777591868904, 1e-10));
    QVERIFY(close(sn->z, 1.39077002573558, 1e-10)); // pROC's ndka vs s100b is -1.39...
    // Holm over the three: the smallest p times 3, then the next times 2 (kept monotone).
    std::vector<double> p {ws->p, wn->p, sn->p};
    std::vector<double> sorted = p;
    std::sort(sorted.begin(), sorted.end());
    const double h0 = std::min(1.0, 3 * sorted[0]);
    const double h1 = std::max(h0, std::min(1.0, 2 * sorted[1]));
    const double h2 = std::max(h1, std::min(1.0, sorted[2]));
    const auto holmOf = [&](double pv) {
        return pv == sorted[0] ? h0 : pv == sorted[1] ? h1 : h2;
    };
    QVERIFY(close(ws->pHolm, holmOf(ws->p)));
    QVERIFY(close(wn->pHolm, holmOf(wn->p)));
    QVERIFY(close(sn->pHolm, holmOf(sn->p)));

    ComparisonPanel* panel = m_window->comparisonPanel();
    QCOMPARE(panel->table()->rowCount(), 3);
    const std::size_t wsIndex = static_cast<std::size_t>(ws - result->comparisons.data());
    panel->table()->selectRow(static_cast<int>(wsIndex));
    const QString sentence = panel->sentence()->text();
    QVERIFY2(
        sentence.startsWith(QStringLiteral("positive: asah_wfns is higher than asah_s100b by ")),
        qPrintable(sentence));
    QVERIFY2(
        sentence.contains(QStringLiteral("[0.0104, 0.174], p = 0.0272")), qPrintable(sentence));
    QVERIFY(sentence.contains(QStringLiteral("paired DeLong")));
}

void TestWindowRuns::unpairedComparisonGivesProcD()
{
    openAndWait(fixture("asah_wfns.csv"));
    addRunsAndWait({fixture("asah_s100b.csv")});
    QVERIFY(m_window->comparison().result()->comparisons.front().paired);
    m_window->comparisonPanel()->unpairedBox()->setChecked(true);
    waitUntilCompared();
    QTRY_VERIFY(!m_window->comparison().result()->comparisons.front().paired);
    const RunComparison& c = m_window->comparison().result()->comparisons.front();
    // pROC roc.test(..., paired = FALSE): D = 1.43490640926908.
    QVERIFY(close(c.z, 1.43490640926908, 1e-10));
    QVERIFY(m_window->comparisonPanel()->sentence()->text().contains(
        QStringLiteral("unpaired DeLong")));
}

void TestWindowRuns::bootstrapOfPairedDeltas()
{
    openAndWait(fixture("asah_wfns.csv"));
    addRunsAndWait({fixture("asah_s100b.csv")});
    ComparisonPanel* panel = m_window->comparisonPanel();
    panel->replicatesSpin()->setValue(300);
    panel->seedSpin()->setValue(5);
    panel->bootstrapBox()->setChecked(true);
    QTRY_VERIFY_WITH_TIMEOUT(
        m_window->comparison().result()->comparisons.front().bootstrapReplicates == 300, 30000);
    const RunComparison shown = m_window->comparison().result()->comparisons.front();
    // The same interval as core's for the same seed.
    RunSet& runs = m_window->runs();
    const std::array<const Predictions*, 2> both {
        runs.session(0).predictions(), runs.session(1).predictions()};
    std::vector<RunComparison> expected = compareRuns(both, {});
    BootstrapOptions options;
    options.replicates = 300;
    options.seed = 5;
    addBootstrapDeltas(expected, both, options);
    QCOMPARE(shown.bootstrapLower, expected.front().bootstrapLower);
    QCOMPARE(shown.bootstrapUpper, expected.front().bootstrapUpper);
    QVERIFY(shown.bootstrapLower < shown.delta && shown.delta < shown.bootstrapUpper);
    QVERIFY(panel->sentence()->text().contains(QStringLiteral("B = 300")));
    QVERIFY(panel->table()->item(0, ComparisonPanel::BootstrapColumn)->text().startsWith(u'['));
    panel->bootstrapBox()->setChecked(false);
    QTRY_VERIFY_WITH_TIMEOUT(
        m_window->comparison().result()->comparisons.front().bootstrapReplicates == 0, 30000);
}

void TestWindowRuns::runsOnOtherRowsAreComparedUnpaired()
{
    openAndWait(fixture("asah_wfns.csv"));
    addRunsAndWait({fixture("binary.csv")});
    const auto result = m_window->comparison().result();
    QCOMPARE(result->comparisons.size(), std::size_t {1});
    const RunComparison& c = result->comparisons.front();
    QVERIFY(!c.paired);
    QVERIFY2(QString::fromStdString(c.reason).contains(QStringLiteral("113")), c.reason.c_str());
    QVERIFY(m_window->comparisonPanel()
                ->table()
                ->item(0, ComparisonPanel::PairedColumn)
                ->toolTip()
                .contains(QStringLiteral("rows")));
}

void TestWindowRuns::runWithOtherClassesIsRefused()
{
    openAndWait(fixture("three_class.csv"));
    RunSet& runs = m_window->runs();
    QVERIFY(m_window->addRuns({fixture("binary.csv")}));
    QTRY_VERIFY_WITH_TIMEOUT(!runs.isLoading(), 30000);
    QCOMPARE(runs.count(), 1);
    QVERIFY(!m_presenter->errors.isEmpty());
    QVERIFY2(m_presenter->errors.back().contains(QStringLiteral("binary.csv")),
        qPrintable(m_presenter->errors.back()));
    // A file that cannot be read is named with its row.
    QVERIFY(m_window->addRuns({fixture("bad.csv")}));
    QTRY_VERIFY_WITH_TIMEOUT(!runs.isLoading(), 30000);
    QCOMPARE(runs.count(), 1);
    QVERIFY2(m_presenter->errors.back().contains(QStringLiteral("bad.csv")),
        qPrintable(m_presenter->errors.back()));
}

void TestWindowRuns::summaryRunIsComparedUnpaired()
{
    // A model evaluated elsewhere, known by its summary (issue 14: runs may be summaries).
    const QString summaryPath = m_dir->filePath(QStringLiteral("three_class_b.npz"));
    writeSummary(summarizeFile(fixture("three_class_b.csv").toStdString(), {}, ReadOptions {}),
        summaryPath.toStdString());
    openAndWait(fixture("three_class.csv"));
    addRunsAndWait({summaryPath});
    RunSet& runs = m_window->runs();
    QVERIFY(runs.session(1).isSummary());
    const auto result = m_window->comparison().result();
    QCOMPARE(result->comparisons.size(), std::size_t {3});
    const RocReport& a = *runs.session(0).roc();
    const RocReport& b = *runs.session(1).roc();
    for (const RunComparison& c : result->comparisons) {
        QVERIFY(!c.paired);
        QVERIFY(QString::fromStdString(c.reason).contains(QStringLiteral("binned summary")));
        const auto e = static_cast<std::size_t>(c.targetClass);
        const ClassRoc& ca = a.classes[e];
        const ClassRoc& cb = b.classes[e];
        const DelongTest expected = unpairedDelongTest(
            ca.ci, ca.positives + ca.negatives, cb.ci, cb.positives + cb.negatives);
        QCOMPARE(c.z, expected.z);
        QCOMPARE(c.p, expected.p);
        QCOMPARE(c.aucB, b.classes[e].auroc);
    }
    // Its curves are drawn with the others.
    QCOMPARE(countSeries(m_window->chartTabs()->spec(ChartTabs::RocChart),
                 QStringLiteral("three_class_b · ")),
        3);
}

void TestWindowRuns::foldsAreAveragedOnRoc()
{
    openAndWait(fixture("fold1.csv"));
    addRunsAndWait({fixture("fold2.csv"), fixture("fold3.csv")});
    RunSet& runs = m_window->runs();
    runs.setAllFolds(true);
    QTRY_VERIFY_WITH_TIMEOUT(
        m_window->comparison().result() && !m_window->comparison().result()->folds.empty(), 30000);
    const auto result = m_window->comparison().result();
    QVERIFY(result->comparisons.empty());
    const FoldClassSummary& folds = result->folds.front();
    QCOMPARE(folds.aurocs.size(), std::size_t {3});
    double mean = 0.0;
    for (int r = 0; r < 3; ++r)
        mean += runs.session(r).roc()->classes.front().auroc / 3.0;
    QVERIFY(close(folds.aurocMean, mean));
    QTableWidget* table = m_window->comparisonPanel()->foldTable();
    QCOMPARE(table->rowCount(), 1);
    QCOMPARE(table->item(0, ComparisonPanel::FoldCountColumn)->text(), QStringLiteral("3"));
    const PlotSpec& roc = m_window->chartTabs()->spec(ChartTabs::RocChart);
    QCOMPARE(countSeries(roc, QStringLiteral("positive: mean of 3 folds")), 1);
    QCOMPARE(countSeries(roc, QStringLiteral("band: ± 1 sd")), 1);
    m_window->comparisonPanel()->foldBandBox()->setCurrentIndex(1);
    QCOMPARE(countSeries(m_window->chartTabs()->spec(ChartTabs::RocChart),
                 QStringLiteral("band: 2.5–97.5%")),
        1);
}

void TestWindowRuns::slidersRecomputeEveryRun()
{
    openAndWait(fixture("three_class.csv"));
    addRunsAndWait({fixture("three_class_b.csv")});
    // The overlaid ROC chart as drawn: a slider move changes every run's loss, not its ROC, so
    // the chart is not rebuilt (its series keep their storage), while the loss concentration is.
    ChartTabs* charts = m_window->chartTabs();
    const PlotSeries* rocBefore = charts->spec(ChartTabs::RocChart).series.constData();
    const PlotSeries* concentrationBefore
        = charts->spec(ChartTabs::ConcentrationChart).series.constData();
    m_window->parameters().setGamma(0.5);
    waitUntilCompared();
    RunSet& runs = m_window->runs();
    QTRY_VERIFY_WITH_TIMEOUT(runs.session(1).loss()->analysis.params.gamma == 0.5, 30000);
    QTRY_VERIFY_WITH_TIMEOUT(!runs.session(1).isBusy() && !runs.session(0).isBusy(), 30000);
    QCOMPARE(charts->spec(ChartTabs::RocChart).series.constData(), rocBefore);
    QVERIFY(charts->spec(ChartTabs::ConcentrationChart).series.constData() != concentrationBefore);
    const Analysis expected = coreAnalysis(fixture("three_class_b.csv"));
    QVERIFY(close(runs.session(1).loss()->analysis.loss.value, expected.loss.loss.value));
    QCOMPARE(m_window->runsDock()->table()->item(1, RunsDock::LossColumn)->text(),
        QString::number(expected.loss.loss.value, 'g', 4));
}

void TestWindowRuns::hiddenAndRenamedRuns()
{
    openAndWait(fixture("asah_wfns.csv"));
    addRunsAndWait({fixture("asah_s100b.csv")});
    QTableWidget* table = m_window->runsDock()->table();
    table->item(1, RunsDock::NameColumn)->setText(QStringLiteral("S100B"));
    QCOMPARE(m_window->runs().run(1).name, QStringLiteral("S100B"));
    const PlotSpec& roc = m_window->chartTabs()->spec(ChartTabs::RocChart);
    QCOMPARE(countSeries(roc, QStringLiteral("S100B · ")), 1);
    QVERIFY(m_window->comparisonPanel()->sentence()->text().contains(QStringLiteral("S100B")));
    table->item(1, RunsDock::NameColumn)->setCheckState(Qt::Unchecked);
    QVERIFY(!m_window->runs().run(1).visible);
    QCOMPARE(
        countSeries(m_window->chartTabs()->spec(ChartTabs::RocChart), QStringLiteral("S100B · ")),
        0);
    // One visible run: run A alone, its names as before.
    QCOMPARE(countSeries(
                 m_window->chartTabs()->spec(ChartTabs::RocChart), QStringLiteral("asah_wfns · ")),
        0);
}

void TestWindowRuns::openingAnotherFileRemovesTheRuns()
{
    openAndWait(fixture("asah_wfns.csv"));
    addRunsAndWait({fixture("asah_s100b.csv")});
    openAndWait(fixture("three_class.csv"));
    QCOMPARE(m_window->runs().count(), 1);
    QCOMPARE(m_window->runsDock()->table()->rowCount(), 1);
    QCOMPARE(
        countSeries(m_window->chartTabs()->spec(ChartTabs::RocChart), QStringLiteral("asah_s100b")),
        0);
}

QTEST_MAIN(TestWindowRuns)
#include "tst_window_runs.moc"
