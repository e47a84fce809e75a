// The operating point picked in the window, headless: a click on a ROC or a precision-recall
// curve shows the point's threshold and a confusion matrix counted directly from the file.

#include "main_window_test.h"
#include "model/dataset_session.h"
#include "plot/plot_view.h"
#include "views/chart_tabs.h"
#include "views/operating_point_panel.h"

#include <QTableWidget>
#include <QTest>

#include <cmath>

using namespace focalscope;
using namespace focalscope::testing;

class TestWindowOperatingPoint : public MainWindowTest {
    Q_OBJECT

private slots:
    void operatingPointConfusionMatrix_data();
    void operatingPointConfusionMatrix();
    void precisionRecallClickPicksOperatingPoint();
    void onePointMarkedOnRocAndPr_data();
    void onePointMarkedOnRocAndPr();
    void anotherFileClearsTheMarkers();
};

namespace {

// The pickable series of target class `targetClass` in a view, or -1.
int seriesOf(PlotView* view, int targetClass)
{
    for (int s = 0; s < view->spec().series.size(); ++s) {
        if (view->spec().series[s].id == targetClass && view->spec().series[s].pickable)
            return s;
    }
    return -1;
}

} // namespace

void TestWindowOperatingPoint::operatingPointConfusionMatrix_data()
{
    QTest::addColumn<int>("targetClass");
    QTest::addColumn<double>("curvePosition"); // fraction along the stored curve
    QTest::newRow("cat, first point (+inf)") << 0 << 0.0;
    QTest::newRow("dog, middle") << 1 << 0.5;
    QTest::newRow("bird, a quarter") << 2 << 0.25;
    QTest::newRow("bird, last point") << 2 << 1.0;
}

void TestWindowOperatingPoint::operatingPointConfusionMatrix()
{
    QFETCH(int, targetClass);
    QFETCH(double, curvePosition);
    openAndWait(fixture("three_class.csv"));
    const RocCurve& curve = m_window->session().roc()->classes[std::size_t(targetClass)].roc;
    const auto index
        = static_cast<qsizetype>(std::lround(curvePosition * double(curve.thresholds.size() - 1)));

    // Click the curve: the view reports the class's series and the point's index in the curve.
    m_window->chartTabs()->setCurrentIndex(ChartTabs::RocChart);
    PlotView* view = m_window->chartTabs()->view(ChartTabs::RocChart);
    const PlotSpec& spec = view->spec();
    int series = -1;
    for (int s = 0; s < spec.series.size(); ++s) {
        if (spec.series[s].id == targetClass && spec.series[s].pickable)
            series = s;
    }
    QVERIFY(series >= 0);
    emit view->pointClicked(
        series, index, QPointF(curve.fpr[std::size_t(index)], curve.tpr[std::size_t(index)]));

    OperatingPointPanel* panel = m_window->operatingPointPanel();
    QVERIFY(panel->point().has_value());
    const double threshold = panel->point()->threshold;
    QCOMPARE(threshold, curve.thresholds[std::size_t(index)]);

    // The confusion matrix counted directly from the file: positive when score >= threshold.
    const Predictions predictions = corePredictions(fixture("three_class.csv"));
    qint64 tp = 0, fp = 0, fn = 0, tn = 0;
    for (Index i = 0; i < predictions.rows(); ++i) {
        const bool positive = predictions.labels[i] == targetClass;
        const bool predicted = double(predictions.scores(i, targetClass)) >= threshold;
        tp += positive && predicted;
        fn += positive && !predicted;
        fp += !positive && predicted;
        tn += !positive && !predicted;
    }
    QTableWidget* matrix = panel->confusionTable();
    QCOMPARE(matrix->item(0, 0)->text(), QString::number(tp));
    QCOMPARE(matrix->item(0, 1)->text(), QString::number(fn));
    QCOMPARE(matrix->item(1, 0)->text(), QString::number(fp));
    QCOMPARE(matrix->item(1, 1)->text(), QString::number(tn));
    QCOMPARE(panel->point()->precision == panel->point()->precision, tp + fp > 0);
    if (tp + fp > 0)
        QCOMPARE(panel->point()->precision, double(tp) / double(tp + fp));
    QCOMPARE(panel->className(), QStringLiteral("cat,dog,bird").split(u',')[targetClass]);
}

void TestWindowOperatingPoint::precisionRecallClickPicksOperatingPoint()
{
    openAndWait(fixture("three_class.csv"));
    const int targetClass = 1;
    const PrCurve& curve = m_window->session().roc()->classes[std::size_t(targetClass)].pr;
    m_window->chartTabs()->setCurrentIndex(ChartTabs::PrChart);
    PlotView* view = m_window->chartTabs()->view(ChartTabs::PrChart);
    int series = -1;
    for (int s = 0; s < view->spec().series.size(); ++s) {
        if (view->spec().series[s].id == targetClass && view->spec().series[s].pickable)
            series = s;
    }
    QVERIFY(series >= 0);
    const Predictions predictions = corePredictions(fixture("three_class.csv"));
    for (std::size_t index :
        {std::size_t(0), curve.thresholds.size() / 3, curve.thresholds.size() - 1}) {
        emit view->pointClicked(
            series, qsizetype(index), QPointF(curve.recall[index], curve.precision[index]));
        OperatingPointPanel* panel = m_window->operatingPointPanel();
        QVERIFY(panel->point().has_value());
        const double threshold = curve.thresholds[index];
        QCOMPARE(panel->point()->threshold, threshold);
        qint64 tp = 0, fp = 0;
        for (Index i = 0; i < predictions.rows(); ++i) {
            if (double(predictions.scores(i, targetClass)) >= threshold)
                (predictions.labels[i] == targetClass ? tp : fp) += 1;
        }
        QCOMPARE(panel->point()->tp, tp);
        QCOMPARE(panel->point()->fp, fp);
        QCOMPARE(panel->confusionTable()->item(0, 0)->text(), QString::number(tp));
        QCOMPARE(panel->confusionTable()->item(1, 0)->text(), QString::number(fp));
        QVERIFY(view->hasMarker());
    }
}

void TestWindowOperatingPoint::onePointMarkedOnRocAndPr_data()
{
    QTest::addColumn<int>("clicked");
    QTest::newRow("click on PR") << int(ChartTabs::PrChart);
    QTest::newRow("click on ROC") << int(ChartTabs::RocChart);
}

// A point picked on either curve is the one operating point: marked on both charts.
void TestWindowOperatingPoint::onePointMarkedOnRocAndPr()
{
    QFETCH(int, clicked);
    openAndWait(fixture("three_class.csv"));
    const int targetClass = 2;
    const ClassRoc& entry = m_window->session().roc()->classes[std::size_t(targetClass)];
    ChartTabs* tabs = m_window->chartTabs();
    const auto chart = static_cast<ChartTabs::Chart>(clicked);
    tabs->setCurrentIndex(chart);
    PlotView* view = tabs->view(chart);
    const int series = seriesOf(view, targetClass);
    QVERIFY(series >= 0);
    const std::size_t index
        = (chart == ChartTabs::PrChart ? entry.pr.thresholds.size() : entry.roc.thresholds.size())
        / 2;
    emit view->pointClicked(series, qsizetype(index), QPointF());

    const std::optional<OperatingPoint> picked = tabs->pickedPoint();
    QVERIFY(picked.has_value());
    QCOMPARE(tabs->pickedClass(), targetClass);
    QCOMPARE(picked->threshold,
        chart == ChartTabs::PrChart ? entry.pr.thresholds[index] : entry.roc.thresholds[index]);
    QVERIFY(tabs->view(ChartTabs::RocChart)->hasMarker());
    QVERIFY(tabs->view(ChartTabs::PrChart)->hasMarker());
    QCOMPARE(m_window->operatingPointPanel()->point()->threshold, picked->threshold);
    // The hover text a click would leave is hidden.
    QVERIFY(view->hoverText().isEmpty());
}

// After a pick, opening another file leaves no marker on either chart.
void TestWindowOperatingPoint::anotherFileClearsTheMarkers()
{
    openAndWait(fixture("three_class.csv"));
    ChartTabs* tabs = m_window->chartTabs();
    tabs->setCurrentIndex(ChartTabs::PrChart);
    PlotView* pr = tabs->view(ChartTabs::PrChart);
    emit pr->pointClicked(seriesOf(pr, 1), 3, QPointF());
    QVERIFY(pr->hasMarker());
    QVERIFY(tabs->view(ChartTabs::RocChart)->hasMarker());

    openAndWait(fixture("binary.csv"));
    QVERIFY(!tabs->pickedPoint().has_value());
    QVERIFY(!pr->hasMarker());
    QVERIFY(!tabs->view(ChartTabs::RocChart)->hasMarker());
    QVERIFY(!m_window->operatingPointPanel()->point().has_value());
}

QTEST_MAIN(TestWindowOperatingPoint)
#include "tst_window_operating_point.moc"
