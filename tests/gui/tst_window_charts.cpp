// The window's chart tabs, headless: a hidden tab catching up when shown, hidden classes
// leaving the charts, the p_t grouping, hover texts.

#include "charts/loss_plot.h"
#include "charts/pt_distribution_plot.h"
#include "docks/classes_dock.h"
#include "docks/parameters_dock.h"
#include "main_window_test.h"
#include "model/dataset_session.h"
#include "plot/plot_view.h"
#include "views/chart_tabs.h"
#include "views/number_format.h"

#include <QAction>
#include <QSlider>
#include <QTest>

#include <cmath>

using namespace focalscope;
using namespace focalscope::testing;

class TestWindowCharts : public MainWindowTest {
    Q_OBJECT

private slots:
    void hiddenTabCatchesUpWhenShown();
    void hiddenClassLeavesCharts();
    void ptDistributionByBackgroundAndForeground();
    void hoveringRocShowsThresholdAndRates();
    void gradientCurveFollowsTheViewMenu();
};

void TestWindowCharts::hiddenTabCatchesUpWhenShown()
{
    openAndWait(fixture("three_class.csv"));
    ChartTabs* tabs = m_window->chartTabs();
    tabs->setCurrentIndex(ChartTabs::LossChart);
    m_window->parametersDock()->gammaSlider()->setValue(50);
    QTRY_VERIFY_WITH_TIMEOUT(m_window->session().loss()->analysis.params.gamma == 0.5, 10000);
    waitUntilComputed();
    // The focal weight overlay (1 - p_t)^gamma of the p_t tab follows gamma once shown.
    auto overlay = [](const PlotSpec& spec) {
        for (const PlotSeries& s : spec.series) {
            if (s.id == kFocalWeightSeriesId)
                return s.points;
        }
        return QList<QPointF>();
    };
    const QList<QPointF> latest = overlay(tabs->spec(ChartTabs::PtDistributionChart));
    QVERIFY(!latest.isEmpty());
    for (const QPointF& p : latest)
        QVERIFY(close(p.y(), std::pow(1.0 - p.x(), 0.5), 1e-9));
    tabs->setCurrentIndex(ChartTabs::PtDistributionChart);
    QCOMPARE(overlay(tabs->view(ChartTabs::PtDistributionChart)->spec()), latest);
}

void TestWindowCharts::hiddenClassLeavesCharts()
{
    openAndWait(fixture("three_class.csv"));
    m_window->classesDock()->setClassVisible(1, false);
    for (ChartTabs::Chart chart :
        {ChartTabs::RocChart, ChartTabs::PrChart, ChartTabs::PtDistributionChart}) {
        const PlotSpec& spec = m_window->chartTabs()->spec(chart);
        bool hasZero = false;
        for (const PlotSeries& s : spec.series) {
            QVERIFY2(s.id != 1, qPrintable(s.name));
            hasZero = hasZero || s.id == 0;
        }
        QVERIFY(hasZero);
    }
    m_window->classesDock()->setClassVisible(1, true);
    const PlotSpec& roc = m_window->chartTabs()->spec(ChartTabs::RocChart);
    QVERIFY(std::any_of(
        roc.series.begin(), roc.series.end(), [](const PlotSeries& s) { return s.id == 1; }));
}

void TestWindowCharts::ptDistributionByBackgroundAndForeground()
{
    openAndWait(fixture("three_class.csv"));
    const Predictions predictions = corePredictions(fixture("three_class.csv"));
    const auto background = (predictions.labels.array() == 0).count();
    auto histograms = [this] {
        QStringList names;
        for (const PlotSeries& s :
            m_window->chartTabs()->spec(ChartTabs::PtDistributionChart).series) {
            if (s.id >= 0)
                names << s.name;
        }
        return names;
    };
    QCOMPARE(histograms().size(), 3);
    m_window->session().setPtGrouping(PtGrouping::BackgroundForeground);
    waitUntilComputed();
    const QStringList grouped = histograms();
    QCOMPARE(grouped.size(), 2);
    QVERIFY2(grouped[0].startsWith(QStringLiteral("background (%1 rows)").arg(background)),
        qPrintable(grouped[0]));
    QVERIFY2(grouped[1].startsWith(QStringLiteral("foreground (%1 rows)").arg(60 - background)),
        qPrintable(grouped[1]));
    m_window->session().setPtGrouping(PtGrouping::PerClass);
    waitUntilComputed();
    QCOMPARE(histograms().size(), 3);
}

void TestWindowCharts::hoveringRocShowsThresholdAndRates()
{
    openAndWait(fixture("three_class.csv"));
    m_window->chartTabs()->setCurrentIndex(ChartTabs::RocChart);
    PlotView* view = m_window->chartTabs()->view(ChartTabs::RocChart);
    const PlotSpec& spec = view->spec();
    int series = -1;
    for (int s = 0; s < spec.series.size(); ++s) {
        if (spec.series[s].id == 2)
            series = s;
    }
    QVERIFY(series >= 0);
    const RocCurve& curve = m_window->session().roc()->classes[2].roc;
    const qsizetype index = qsizetype(curve.thresholds.size() / 2);
    emit view->pointHovered(
        series, index, QPointF(curve.fpr[std::size_t(index)], curve.tpr[std::size_t(index)]));
    const QString text = view->hoverText();
    QVERIFY2(
        text.contains(formatNumber(curve.thresholds[std::size_t(index)], 6)), qPrintable(text));
    QVERIFY2(
        text.contains(QStringLiteral("FPR %1").arg(formatNumber(curve.fpr[std::size_t(index)]))),
        qPrintable(text));
    QVERIFY2(
        text.contains(QStringLiteral("TPR %1").arg(formatNumber(curve.tpr[std::size_t(index)]))),
        qPrintable(text));

    // Precision-recall: precision and recall of the hovered point.
    m_window->chartTabs()->setCurrentIndex(ChartTabs::PrChart);
    PlotView* pr = m_window->chartTabs()->view(ChartTabs::PrChart);
    int prSeries = -1;
    for (int s = 0; s < pr->spec().series.size(); ++s) {
        if (pr->spec().series[s].id == 0 && pr->spec().series[s].pickable)
            prSeries = s;
    }
    QVERIFY(prSeries >= 0);
    const PrCurve& prCurve = m_window->session().roc()->classes[0].pr;
    emit pr->pointHovered(prSeries, 1, QPointF(prCurve.recall[1], prCurve.precision[1]));
    QVERIFY2(pr->hoverText().contains(
                 QStringLiteral("precision %1").arg(formatNumber(prCurve.precision[1]))),
        qPrintable(pr->hoverText()));
}

void TestWindowCharts::gradientCurveFollowsTheViewMenu()
{
    auto hasGradient = [this] {
        const PlotSpec& spec = m_window->chartTabs()->spec(ChartTabs::LossChart);
        return std::any_of(spec.series.begin(), spec.series.end(),
            [](const PlotSeries& s) { return s.id == kGradientSeriesId; });
    };
    openAndWait(fixture("three_class.csv"));
    QVERIFY(!hasGradient());
    QAction* toggle = nullptr;
    for (QAction* action : m_window->findChildren<QAction*>()) {
        if (action->text() == QStringLiteral("Show &Gradient Curve"))
            toggle = action;
    }
    QVERIFY(toggle);
    toggle->setChecked(true);
    QVERIFY(m_window->session().showGradient());
    waitUntilComputed();
    QVERIFY(hasGradient());
    toggle->setChecked(false);
    waitUntilComputed();
    QVERIFY(!hasGradient());
}

QTEST_MAIN(TestWindowCharts)
#include "tst_window_charts.moc"
