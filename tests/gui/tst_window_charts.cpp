// The window's chart tabs, headless: a hidden tab catching up when shown, hidden classes
// leaving the charts, the p_t grouping, hover texts.

#include "charts/loss_plot.h"
#include "charts/pt_distribution_plot.h"
#include "docks/classes_dock.h"
#include "docks/parameters_dock.h"
#include "main_window_test.h"
#include "model/dataset_session.h"
#include "model/parameter_model.h"
#include "plot/plot_view.h"
#include "views/chart_tabs.h"
#include "views/metrics_view.h"
#include "views/number_format.h"

#include <QAction>
#include <QCheckBox>
#include <QComboBox>
#include <QScreen>
#include <QSlider>
#include <QTableWidget>
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
    void lossCurveSaysWhoseAlphaAndKeepsThePaperAxis();
    void classColourIsEditableAndKept();
    void classesDockRoundsAsTheMetricsTable();
    void binaryScoreColumnIsThePositiveClass();
    void windowFitsTheScreen();
    void detTabPicksTheSamePoint();
    void logFprFollowsTheViewMenu();
    void exportsDrawTheZoomedRangeAndNewDataResetsIt();
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
    // Class 0 and the rest, named by the file (class 0 is "cat", not a background).
    QVERIFY2(grouped[0].startsWith(QStringLiteral("cat (%1 rows)").arg(background)),
        qPrintable(grouped[0]));
    QVERIFY2(grouped[1].startsWith(QStringLiteral("other classes (%1 rows)").arg(60 - background)),
        qPrintable(grouped[1]));
    // So does the concentration chart.
    const PlotSpec& concentration = m_window->chartTabs()->spec(ChartTabs::ConcentrationChart);
    QVERIFY2(concentration.series[0].name.startsWith(QStringLiteral("cat (")),
        qPrintable(concentration.series[0].name));
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

// The curve is drawn with one class's weight: the legend names it, the user picks it, and the
// y axis stays on the paper's 0..5 unless asked to follow alpha.
void TestWindowCharts::lossCurveSaysWhoseAlphaAndKeepsThePaperAxis()
{
    openAndWait(fixture("three_class.csv")); // softmax, the seed's scalar alpha 0.25
    auto current = [this] {
        for (const PlotSeries& s : m_window->chartTabs()->spec(ChartTabs::LossChart).series)
            if (s.id == kCurrentLossSeriesId)
                return s.name;
        return QString();
    };
    const PlotSpec& spec = m_window->chartTabs()->spec(ChartTabs::LossChart);
    QCOMPARE(m_window->parameters().focalParams().alpha.scalar, 0.25);
    QVERIFY2(current().contains(QStringLiteral("α = 0.75 (class dog)")), qPrintable(current()));
    QCOMPARE(spec.y.max, 5.0);

    auto* box = m_window->findChild<QComboBox*>(QStringLiteral("lossCurveClass"));
    QVERIFY(box);
    QCOMPARE(box->count(), 3);
    box->setCurrentIndex(0);
    waitUntilComputed();
    QVERIFY2(current().contains(QStringLiteral("α = 0.25 (class cat)")), qPrintable(current()));
    QCOMPARE(m_window->chartTabs()->spec(ChartTabs::LossChart).y.max, 5.0);

    auto* scale = m_window->findChild<QCheckBox*>(QStringLiteral("lossCurveScale"));
    QVERIFY(scale);
    scale->setChecked(true);
    waitUntilComputed();
    QCOMPARE(m_window->chartTabs()->spec(ChartTabs::LossChart).y.max, 2.0); // 5 x 0.25 -> 2
}

// The swatch opens a colour dialog; the colour reaches every per-class chart and is kept per
// class name for the next time.
void TestWindowCharts::classColourIsEditableAndKept()
{
    openAndWait(fixture("three_class.csv"));
    const QColor chosen(0x12, 0x34, 0x56);
    QString asked;
    m_window->classesDock()->setColorPicker([&](const QColor&, const QString& title) {
        asked = title;
        return chosen;
    });
    QTableWidget* table = m_window->classesDock()->table();
    emit table->cellClicked(1, ClassesDock::ColorColumn);
    QCOMPARE(asked, QStringLiteral("Colour of dog"));
    QCOMPARE(m_window->classesDock()->classColors().value(1), chosen);
    auto colourOf = [this](ChartTabs::Chart chart, int id) {
        for (const PlotSeries& s : m_window->chartTabs()->spec(chart).series)
            if (s.id == id && s.pickable)
                return s.color;
        return QColor();
    };
    QCOMPARE(colourOf(ChartTabs::RocChart, 1), chosen);
    QCOMPARE(colourOf(ChartTabs::PrChart, 1), chosen);
    QCOMPARE(colourOf(ChartTabs::PtDistributionChart, 1), chosen);
    QVERIFY(colourOf(ChartTabs::RocChart, 0) != chosen);

    // Opening the file again (or another with a class "dog") keeps it.
    openAndWait(fixture("three_class.csv"));
    QCOMPARE(m_window->classesDock()->classColors().value(1), chosen);
    QCOMPARE(colourOf(ChartTabs::RocChart, 1), chosen);
}

void TestWindowCharts::classesDockRoundsAsTheMetricsTable()
{
    openAndWait(fixture("three_class.csv"));
    QTableWidget* dock = m_window->classesDock()->table();
    QTableWidget* metrics = m_window->metricsView()->table();
    for (int c = 0; c < 3; ++c) {
        const QString inTable = metrics->item(c, MetricsView::AurocColumn)->text();
        QVERIFY2(dock->item(c, ClassesDock::AurocColumn)->text().startsWith(inTable + u' '),
            qPrintable(dock->item(c, ClassesDock::AurocColumn)->text() + " vs " + inTable));
    }
}

// A binary CSV's score column headed "score" is the positive class, not a class "score".
void TestWindowCharts::binaryScoreColumnIsThePositiveClass()
{
    openAndWait(fixture("binary.csv"));
    QCOMPARE(m_window->session().targetNames(),
        (QStringList {QStringLiteral("negative"), QStringLiteral("positive")}));
    QCOMPARE(m_window->classesDock()->table()->item(1, ClassesDock::NameColumn)->text(),
        QStringLiteral("positive"));
}

// The first window fits the screen's available area (at any scale factor).
void TestWindowCharts::windowFitsTheScreen()
{
    const QRect available = m_window->screen()->availableGeometry();
    QVERIFY2(m_window->width() <= available.width() && m_window->height() <= available.height(),
        qPrintable(QStringLiteral("%1x%2 on %3x%4")
                       .arg(m_window->width())
                       .arg(m_window->height())
                       .arg(available.width())
                       .arg(available.height())));
    // On a narrow screen the docks share one tabbed column, so the parameters keep their width.
    QTest::qWait(50);
    if (m_window->width() < MainWindow::kNarrowWindow) {
        QVERIFY(m_window->tabifiedDockWidgets(m_window->parametersDock())
                    .contains(m_window->classesDock()));
        QVERIFY(m_window->parametersDock()->width()
            >= m_window->parametersDock()->widget()->minimumSizeHint().width());
    }
}

// The DET tab: probit axes, one curve per class; a click there is the one operating point.
void TestWindowCharts::detTabPicksTheSamePoint()
{
    openAndWait(fixture("three_class.csv"));
    ChartTabs* tabs = m_window->chartTabs();
    tabs->setCurrentIndex(ChartTabs::DetChart);
    const PlotSpec& spec = tabs->spec(ChartTabs::DetChart);
    QVERIFY(spec.x.probit);
    QVERIFY(spec.y.probit);
    PlotView* det = tabs->view(ChartTabs::DetChart);
    int series = -1;
    for (int s = 0; s < det->spec().series.size(); ++s)
        if (det->spec().series[s].id == 1 && det->spec().series[s].pickable)
            series = s;
    QVERIFY(series >= 0);
    const PlotSeries& dog = det->spec().series[series];
    QVERIFY(dog.points.size() > 2);
    const qsizetype source = dog.sourceIndexAt(dog.points.size() / 2);
    emit det->pointClicked(series, source, dog.points[dog.points.size() / 2]);
    const RocCurve& curve = m_window->session().roc()->classes[1].roc;
    QVERIFY(tabs->pickedPoint().has_value());
    QCOMPARE(tabs->pickedPoint()->threshold, curve.thresholds[std::size_t(source)]);
    QVERIFY(det->hasMarker());
    QVERIFY(tabs->view(ChartTabs::RocChart)->hasMarker());
    // Hovering names the false negative rate.
    emit det->pointHovered(series, source, dog.points[dog.points.size() / 2]);
    QVERIFY2(det->hoverText().contains(QStringLiteral("FNR")), qPrintable(det->hoverText()));
}

void TestWindowCharts::logFprFollowsTheViewMenu()
{
    openAndWait(fixture("three_class.csv"));
    auto* action = m_window->findChild<QAction*>(QStringLiteral("rocLogFpr"));
    QVERIFY(action);
    QVERIFY(!m_window->chartTabs()->spec(ChartTabs::RocChart).x.logarithmic);
    action->setChecked(true);
    QVERIFY(m_window->chartTabs()->spec(ChartTabs::RocChart).x.logarithmic);
    QVERIFY(m_window->chartTabs()->spec(ChartTabs::RocChart).x.min > 0.0);
    action->setChecked(false);
    QVERIFY(!m_window->chartTabs()->spec(ChartTabs::RocChart).x.logarithmic);
}

void TestWindowCharts::exportsDrawTheZoomedRangeAndNewDataResetsIt()
{
    openAndWait(fixture("three_class.csv"));
    ChartTabs* tabs = m_window->chartTabs();
    tabs->setCurrentIndex(ChartTabs::RocChart);
    PlotView* roc = tabs->view(ChartTabs::RocChart);
    roc->zoomTo(0.0, 0.25, 0.5, 0.75);
    QVERIFY(roc->isZoomed());
    const PlotSpec shown = tabs->shownSpec(ChartTabs::RocChart);
    QCOMPARE(shown.x.min, 0.0);
    QCOMPARE(shown.x.max, 0.25);
    QCOMPARE(shown.y.min, 0.5);
    QCOMPARE(shown.y.max, 0.75);
    QCOMPARE(tabs->spec(ChartTabs::RocChart).x.max, 1.0); // the full chart is kept
    openAndWait(fixture("binary.csv"));
    QVERIFY(!roc->isZoomed());
    QCOMPARE(tabs->shownSpec(ChartTabs::RocChart).x.max, 1.0);
}

QTEST_MAIN(TestWindowCharts)
#include "tst_window_charts.moc"
