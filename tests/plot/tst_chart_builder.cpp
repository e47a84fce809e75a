// The plot layer's one Qt Charts builder (plot/chart_builder.h): a PlotSpec becomes a PlotChart
// with the right series kinds, axes, legend, pens and aspect, updated in place when only the
// data change.

#include "plot/chart_builder.h"
#include "plot/plot_palette.h"
#include "plot/probit_ticks.h"
#include "roc/det_curve.h"

#include <QAreaSeries>
#include <QCategoryAxis>
#include <QGraphicsLayout>
#include <QGraphicsScene>
#include <QLegend>
#include <QLegendMarker>
#include <QLineSeries>
#include <QLogValueAxis>
#include <QScatterSeries>
#include <QValueAxis>
#include <QtTest>

#include <memory>

using namespace focalscope;

namespace {

PlotSeries makeSeries(const QString& name, PlotSeries::Style style, int n = 50)
{
    PlotSeries s;
    s.name = name;
    s.style = style;
    s.color = classColor(static_cast<int>(style) + 1);
    for (int i = 0; i < n; ++i)
        s.points.append({(i + 0.5) / n, 0.5 + 0.4 * std::sin(i * 0.3)});
    return s;
}

PlotSpec mixedSpec()
{
    PlotSpec spec;
    spec.title = QStringLiteral("Mixed");
    spec.x = {QStringLiteral("x"), 0.0, 1.0, false};
    spec.y = {QStringLiteral("y"), 0.0, 2.0, false};
    spec.yRight = {QStringLiteral("right"), 0.0, 1.0, false};
    spec.series = {makeSeries(QStringLiteral("line"), PlotSeries::Style::Line),
        makeSeries(QStringLiteral("dashed"), PlotSeries::Style::Dashed),
        makeSeries(QString(), PlotSeries::Style::Dotted),
        makeSeries(QStringLiteral("bars"), PlotSeries::Style::Bars, 10),
        makeSeries(QStringLiteral("dots"), PlotSeries::Style::Scatter)};
    spec.series[1].onSecondaryAxis = true;
    return spec;
}

// The chart laid out at `size` in a scene, as the exports do.
void layOut(QGraphicsScene& scene, PlotChart* chart, QSizeF size)
{
    if (!chart->scene())
        scene.addItem(chart);
    chart->setGeometry(QRectF(QPointF(0, 0), size));
    chart->layout()->activate();
    chart->fitPlotArea();
}

} // namespace

class TestChartBuilder : public QObject {
    Q_OBJECT
private slots:
    void seriesKindsAndAxes();
    void legend();
    void penStyles();
    void logAxes();
    void squareAspect_data();
    void squareAspect();
    void mapToPixel();
    void updateInPlace();
    void structureChangeRefused();
    void probitAxes();
    void histogramSwatchesSolid();
    void setRangesKeepsSeries();
};

void TestChartBuilder::seriesKindsAndAxes()
{
    std::unique_ptr<PlotChart> chart(buildChart(mixedSpec()));
    const auto series = chart->series();
    QCOMPARE(series.size(), 5);
    QVERIFY(qobject_cast<QLineSeries*>(chart->chartSeries(0)));
    QVERIFY(qobject_cast<QLineSeries*>(chart->chartSeries(1)));
    QVERIFY(qobject_cast<QAreaSeries*>(chart->chartSeries(3)));
    QVERIFY(qobject_cast<QScatterSeries*>(chart->chartSeries(4)));
    QCOMPARE(chart->chartSeries(5), nullptr);

    QCOMPARE(chart->axes(Qt::Horizontal).size(), 1);
    QCOMPARE(chart->axes(Qt::Vertical).size(), 2);
    auto* left
        = qobject_cast<QValueAxis*>(chart->axes(Qt::Vertical, chart->chartSeries(0)).value(0));
    auto* right
        = qobject_cast<QValueAxis*>(chart->axes(Qt::Vertical, chart->chartSeries(1)).value(0));
    QVERIFY(left && right && left != right);
    QCOMPARE(left->alignment(), Qt::AlignLeft);
    QCOMPARE(right->alignment(), Qt::AlignRight);
    QCOMPARE(left->max(), 2.0);
    QCOMPARE(right->max(), 1.0);
    QCOMPARE(right->titleText(), QStringLiteral("right"));

    // Lines hold exactly the spec's points; bars an outline of 2 points per bin plus 2.
    QCOMPARE(
        qobject_cast<QLineSeries*>(chart->chartSeries(0))->points(), mixedSpec().series[0].points);
    auto* bars = qobject_cast<QAreaSeries*>(chart->chartSeries(3));
    QCOMPARE(bars->upperSeries()->count(), 2 * 10 + 2);
    QCOMPARE(bars->upperSeries()->at(0), QPointF(0.0, 0.0)); // bins 0.1 wide from 0
    QCOMPARE(bars->upperSeries()->at(21).x(), 1.0);

    // Without a secondary series there is no right axis.
    PlotSpec plain = mixedSpec();
    plain.series[1].onSecondaryAxis = false;
    std::unique_ptr<PlotChart> plainChart(buildChart(plain));
    QCOMPARE(plainChart->axes(Qt::Vertical).size(), 1);
}

void TestChartBuilder::legend()
{
    QGraphicsScene scene;
    auto* chart = buildChart(mixedSpec());
    layOut(scene, chart, QSizeF(800, 600));
    QCOMPARE(chart->legend()->alignment(), Qt::AlignBottom);
    QStringList shown;
    for (QLegendMarker* marker : chart->legend()->markers())
        if (marker->isVisible())
            shown << marker->label();
    QCOMPARE(shown, (QStringList {"line", "dashed", "bars", "dots"})); // unnamed one hidden
    QVERIFY(chart->title().contains(QStringLiteral("Mixed")));

    PlotSpec noted = mixedSpec();
    noted.note = QStringLiteral("3 < 4 & 5");
    std::unique_ptr<PlotChart> notedChart(buildChart(noted));
    QVERIFY(notedChart->title().contains(QStringLiteral("3 &lt; 4 &amp; 5")));
}

void TestChartBuilder::penStyles()
{
    std::unique_ptr<PlotChart> chart(buildChart(mixedSpec()));
    auto penOf = [&](int i) {
        return qobject_cast<QLineSeries*>(chart->chartSeries(i))->pen();
    };
    QCOMPARE(penOf(0).style(), Qt::SolidLine);
    QCOMPARE(penOf(1).style(), Qt::DashLine);
    QCOMPARE(penOf(2).style(), Qt::DotLine);
    QCOMPARE(penOf(0).color(), mixedSpec().series[0].color);
    QCOMPARE(penOf(0).widthF(), 2.0);
}

void TestChartBuilder::logAxes()
{
    PlotSpec spec = mixedSpec();
    spec.x = {QStringLiteral("log x"), 1e-3, 1.0, true};
    std::unique_ptr<PlotChart> chart(buildChart(spec));
    auto* x = qobject_cast<QLogValueAxis*>(chart->axes(Qt::Horizontal).value(0));
    QVERIFY(x);
    QCOMPARE(x->min(), 1e-3);
    QCOMPARE(x->max(), 1.0);
    QCOMPARE(x->base(), 10.0);
    // Zoomed into less than a decade: ticks every tenth of a decade, still labelled.
    PlotSpec zoomed = spec;
    zoomed.x.min = 0.02;
    zoomed.x.max = 0.06;
    chart->setRanges(zoomed);
    QCOMPARE(x->base(), std::pow(10.0, 0.1));
    QCOMPARE(x->labelFormat(), QStringLiteral("%.2g"));
    QCOMPARE(x->min(), 0.02);
    chart->setRanges(spec);
    QCOMPARE(x->base(), 10.0);
}

void TestChartBuilder::squareAspect_data()
{
    QTest::addColumn<QSizeF>("size");
    QTest::newRow("landscape") << QSizeF(900, 600);
    QTest::newRow("portrait") << QSizeF(500, 800);
    QTest::newRow("square") << QSizeF(700, 700);
}

void TestChartBuilder::squareAspect()
{
    QFETCH(QSizeF, size);
    PlotSpec spec = mixedSpec();
    spec.squareAspect = true;
    QGraphicsScene scene;
    auto* chart = buildChart(spec);
    layOut(scene, chart, size);
    const QRectF area = chart->plotArea();
    QVERIFY2(std::abs(area.width() - area.height()) < 1.0,
        qPrintable(QStringLiteral("%1 x %2").arg(area.width()).arg(area.height())));
    QVERIFY(area.width() > size.width() / 3 || area.height() > size.height() / 3);
    QVERIFY(QRectF(QPointF(0, 0), size).contains(area));
    // It stays square after a resize.
    layOut(scene, chart, size.transposed());
    QVERIFY(std::abs(chart->plotArea().width() - chart->plotArea().height()) < 1.0);

    // Without squareAspect the plot area follows the chart's shape.
    QGraphicsScene other;
    auto* free = buildChart(mixedSpec());
    layOut(other, free, QSizeF(900, 500));
    QVERIFY(free->plotArea().width() > free->plotArea().height() + 100);
}

void TestChartBuilder::mapToPixel()
{
    QGraphicsScene scene;
    auto* chart = buildChart(mixedSpec());
    layOut(scene, chart, QSizeF(800, 600));
    const QRectF area = chart->plotArea();
    QCOMPARE(chart->mapToPixel({0.0, 0.0}, 0), area.bottomLeft());
    QCOMPARE(chart->mapToPixel({1.0, 2.0}, 0), area.topRight());
    // Series 1 is on the right axis (0..1).
    QCOMPARE(chart->mapToPixel({1.0, 1.0}, 1), area.topRight());
    // Qt Charts agrees.
    const QPointF qt = chart->mapToPosition({0.25, 0.5}, chart->chartSeries(0));
    const QPointF ours = chart->mapToPixel({0.25, 0.5}, 0);
    QVERIFY(std::abs(qt.x() - ours.x()) < 0.5 && std::abs(qt.y() - ours.y()) < 0.5);
}

void TestChartBuilder::updateInPlace()
{
    QGraphicsScene scene;
    auto* chart = buildChart(mixedSpec());
    layOut(scene, chart, QSizeF(800, 600));
    const auto before = chart->series();
    PlotSpec next = mixedSpec();
    next.title = QStringLiteral("Next");
    next.y.max = 3.0;
    next.series[0].points = {{0.1, 0.1}, {0.9, 2.9}};
    next.series[0].name = QStringLiteral("renamed");
    next.series[2].name = QStringLiteral("now named");
    next.series[3].points.removeLast();
    QVERIFY(PlotChart::sameStructure(mixedSpec(), next));
    QVERIFY(chart->updateSpec(next));
    QCOMPARE(chart->series(), before); // the same Qt series, data replaced
    QCOMPARE(qobject_cast<QLineSeries*>(chart->chartSeries(0))->points(), next.series[0].points);
    QCOMPARE(chart->chartSeries(0)->name(), QStringLiteral("renamed"));
    QCOMPARE(qobject_cast<QAreaSeries*>(chart->chartSeries(3))->upperSeries()->count(), 2 * 9 + 2);
    QCOMPARE(
        qobject_cast<QValueAxis*>(chart->axes(Qt::Vertical, chart->chartSeries(0)).value(0))->max(),
        3.0);
    QVERIFY(chart->title().contains(QStringLiteral("Next")));
    QVERIFY(chart->legend()->markers(chart->chartSeries(2)).value(0)->isVisible());
    QCOMPARE(chart->spec().title, QStringLiteral("Next"));
}

void TestChartBuilder::structureChangeRefused()
{
    std::unique_ptr<PlotChart> chart(buildChart(mixedSpec()));
    PlotSpec fewer = mixedSpec();
    fewer.series.removeLast();
    PlotSpec restyled = mixedSpec();
    restyled.series[0].style = PlotSeries::Style::Bars;
    PlotSpec logged = mixedSpec();
    logged.y = {QStringLiteral("y"), 0.01, 2.0, true};
    for (const PlotSpec& other : {fewer, restyled, logged}) {
        QVERIFY(!PlotChart::sameStructure(mixedSpec(), other));
        QVERIFY(!chart->updateSpec(other));
        QCOMPARE(chart->spec().series.size(), mixedSpec().series.size());
        QCOMPARE(chart->spec().series[0].style, PlotSeries::Style::Line);
    }
    // Dashed and solid lines share a kind: only the pen changes.
    PlotSpec dashed = mixedSpec();
    dashed.series[0].style = PlotSeries::Style::Dashed;
    QVERIFY(chart->updateSpec(dashed));
    QCOMPARE(qobject_cast<QLineSeries*>(chart->chartSeries(0))->pen().style(), Qt::DashLine);
}

// A probit axis is a category axis labelled in percent at the probit positions of the rates;
// a new range relabels it.
void TestChartBuilder::probitAxes()
{
    const double limit = -probit(0.0005);
    PlotSpec spec;
    spec.x = {QStringLiteral("False positive rate"), -limit, limit, false, true};
    spec.y = {QStringLiteral("False negative rate"), -limit, limit, false, true};
    spec.series = {makeSeries(QStringLiteral("det"), PlotSeries::Style::Line)};
    std::unique_ptr<PlotChart> chart(buildChart(spec));
    const auto axes = chart->axes(Qt::Horizontal);
    QCOMPARE(axes.size(), 1);
    auto* x = qobject_cast<QCategoryAxis*>(axes.front());
    QVERIFY(x);
    QCOMPARE(x->labelsPosition(), QCategoryAxis::AxisLabelsPositionOnValue);
    QCOMPARE(x->categoriesLabels(),
        QStringList({"0.1%", "1%", "5%", "20%", "50%", "80%", "95%", "99%", "99.9%"}));
    QCOMPARE(x->endValue(QStringLiteral("5%")), probit(0.05));
    QCOMPARE(x->min(), -limit);
    QVERIFY(qobject_cast<QCategoryAxis*>(chart->axes(Qt::Vertical).front()));

    PlotSpec zoomed = spec;
    zoomed.x.min = probit(0.1);
    zoomed.x.max = probit(0.6);
    chart->setRanges(zoomed);
    QVERIFY2(x->categoriesLabels().contains(QStringLiteral("20%")),
        qPrintable(x->categoriesLabels().join(' ')));
    QVERIFY(!x->categoriesLabels().contains(QStringLiteral("5%")));
    QCOMPARE(x->min(), probit(0.1));

    PlotSpec linear = spec;
    linear.x.probit = false;
    QVERIFY(!PlotChart::sameStructure(spec, linear));
}

// Histograms are filled faintly; their legend swatches are solid in the series' colour.
void TestChartBuilder::histogramSwatchesSolid()
{
    std::unique_ptr<PlotChart> chart(buildChart(mixedSpec()));
    const auto markers = chart->legend()->markers(chart->chartSeries(3));
    QCOMPARE(markers.size(), 1);
    const QColor colour = mixedSpec().series[3].color;
    QCOMPARE(markers.front()->brush().color(), colour);
    QCOMPARE(markers.front()->brush().color().alpha(), 255);
    auto* area = qobject_cast<QAreaSeries*>(chart->chartSeries(3));
    QVERIFY(area->brush().color().alpha() < 100); // the bars themselves stay translucent
    // Still after an update in place.
    QVERIFY(chart->updateSpec(mixedSpec()));
    QCOMPARE(chart->legend()->markers(chart->chartSeries(3)).front()->brush().color(), colour);
}

// setRanges changes what the axes show and nothing else; the right axis takes its own range.
void TestChartBuilder::setRangesKeepsSeries()
{
    std::unique_ptr<PlotChart> chart(buildChart(mixedSpec()));
    auto* line = qobject_cast<QLineSeries*>(chart->chartSeries(0));
    const auto points = line->points();
    PlotSpec shown = mixedSpec();
    shown.x.min = 0.25;
    shown.x.max = 0.5;
    shown.y.min = 1.0;
    shown.y.max = 1.5;
    shown.yRight.min = 0.5;
    shown.yRight.max = 0.75;
    chart->setRanges(shown);
    QCOMPARE(line->points(), points);
    auto* x = qobject_cast<QValueAxis*>(chart->axes(Qt::Horizontal).front());
    QCOMPARE(x->min(), 0.25);
    QCOMPARE(x->max(), 0.5);
    QCOMPARE(chart->spec().y.min, 1.0);
    QCOMPARE(chart->spec().yRight.max, 0.75);
    QCOMPARE(chart->spec().series.size(), mixedSpec().series.size());
}

QTEST_MAIN(TestChartBuilder)
#include "tst_chart_builder.moc"
