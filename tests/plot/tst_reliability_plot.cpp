// reliabilityPlot (ui/charts/reliability_plot) on core's reliabilityCurve of hand-made
// predictions: the counts as bars on the right axis, the diagonal, the curve through the bins;
// and the bootstrap bands of rocPlot / appendRocBands.

#include "charts/reliability_plot.h"
#include "charts/roc_plot.h"
#include "plot/chart_builder.h"
#include "plot/plot_palette.h"

#include <QtTest>

#include <cstdint>
#include <vector>

using namespace focalscope;

namespace {

const PlotSeries* seriesWithId(const PlotSpec& spec, int id)
{
    for (const PlotSeries& s : spec.series)
        if (s.id == id)
            return &s;
    return nullptr;
}

// Ten predictions; in bins of 0.25: 3, 3, 0 and 4 rows.
ReliabilityCurve handCurve(BinStrategy strategy, int bins)
{
    const std::vector<double> predicted {0.1, 0.2, 0.2, 0.3, 0.4, 0.45, 0.8, 0.9, 0.95, 0.99};
    const std::vector<std::uint8_t> outcome {0, 0, 1, 0, 1, 0, 1, 1, 1, 0};
    return reliabilityCurve(predicted, outcome, bins, strategy);
}

RocReport twoClassReport()
{
    RocReport report;
    report.binary = false;
    for (const char* name : {"a", "b"}) {
        ClassRoc c;
        c.name = name;
        c.positives = 2;
        c.negatives = 3;
        c.auroc = 0.75;
        c.roc.fpr = {0, 0, 1};
        c.roc.tpr = {0, 1, 1};
        c.roc.thresholds = {1, 0.5, 0};
        report.classes.push_back(c);
    }
    report.macro = 0.75;
    return report;
}

RocBands twoClassBands()
{
    RocBands bands;
    bands.label = QStringLiteral("95% band (stratified percentile bootstrap, B = 2000)");
    RocBand a;
    a.fpr = {0.0, 0.5, 1.0};
    a.tpr = {0.2, 0.8, 1.0};
    a.tprLower = {0.0, 0.6, 1.0};
    a.tprUpper = {0.5, 0.9, 1.0};
    bands.classes = {a, RocBand {}}; // class b without a band
    return bands;
}

} // namespace

class TestReliabilityPlot : public QObject {
    Q_OBJECT

private slots:
    void uniformBinsAreBarsOnTheRightAxis();
    void curvePointsAreTheBins();
    void diagonalAndTitle();
    void quantileBinsDrawTheOutline();
    void noRowsDrawsTheDiagonalOnly();
    void builds();
    void rocBandsArePerClassDashedLines();
    void rocBandsFollowVisibilityAndLogAxis();
};

void TestReliabilityPlot::uniformBinsAreBarsOnTheRightAxis()
{
    const ReliabilityCurve curve = handCurve(BinStrategy::Uniform, 4);
    const PlotSpec spec = reliabilityPlot(curve, {QStringLiteral("x")});
    const PlotSeries* bars = seriesWithId(spec, kReliabilityCountsSeriesId);
    QVERIFY(bars);
    QCOMPARE(bars->style, PlotSeries::Style::Bars);
    QVERIFY(bars->onSecondaryAxis);
    QVERIFY(spec.hasSecondaryAxis());
    QCOMPARE(spec.yRight.title, QStringLiteral("Rows per bin"));
    // Every bin, the empty one at 0, at the bin centres; 0.25 wide.
    const QList<QPointF> expected {{0.125, 3}, {0.375, 3}, {0.625, 0}, {0.875, 4}};
    QCOMPARE(bars->points, expected);
    QCOMPARE(bars->barWidth, 0.25);
    QCOMPARE(bars->hoverText.size(), 4);
    // The right axis leaves the bars in the lower part: 3 x the largest count, rounded up.
    QCOMPARE(spec.yRight.min, 0.0);
    QCOMPARE(spec.yRight.max, 20.0);
    // Drawn first, under the curve.
    QCOMPARE(spec.series.front().id, kReliabilityCountsSeriesId);
}

void TestReliabilityPlot::curvePointsAreTheBins()
{
    const ReliabilityCurve curve = handCurve(BinStrategy::Uniform, 4);
    QCOMPARE(curve.bins.size(), std::size_t(3));
    const PlotSpec spec = reliabilityPlot(curve, {QStringLiteral("x")});
    const PlotSeries* line = seriesWithId(spec, kReliabilityCurveSeriesId);
    const PlotSeries* points = seriesWithId(spec, kReliabilityPointsSeriesId);
    QVERIFY(line && points);
    QCOMPARE(line->style, PlotSeries::Style::Line);
    QCOMPARE(points->style, PlotSeries::Style::Scatter);
    QCOMPARE(points->points.size(), qsizetype(3));
    QCOMPARE(points->hoverText.size(), qsizetype(3));
    for (std::size_t b = 0; b < curve.bins.size(); ++b) {
        const QPointF expected(curve.bins[b].meanPredicted, curve.bins[b].fractionPositive);
        QCOMPARE(line->points[qsizetype(b)], expected);
        QCOMPARE(points->points[qsizetype(b)], expected);
    }
    // Bin [0, 0.25]: 0.1, 0.2, 0.2, one positive; the empty bin [0.5, 0.75] has no point.
    QCOMPARE(points->points[0], QPointF(0.5 / 3, 1.0 / 3));
    QCOMPARE(points->points[2], QPointF((0.8 + 0.9 + 0.95 + 0.99) / 4, 0.75));
    QVERIFY(!line->pickable);
    QVERIFY(points->pickable);
}

void TestReliabilityPlot::diagonalAndTitle()
{
    const ReliabilityCurve curve = handCurve(BinStrategy::Uniform, 4);
    ReliabilityPlotOptions options;
    options.subject = QStringLiteral("top-label");
    options.topLabel = true;
    const PlotSpec spec = reliabilityPlot(curve, options);
    const PlotSeries* diagonal = seriesWithId(spec, kReliabilityDiagonalSeriesId);
    QVERIFY(diagonal);
    QCOMPARE(diagonal->points, (QList<QPointF> {{0, 0}, {1, 1}}));
    QVERIFY(!diagonal->pickable);
    QVERIFY(!diagonal->onSecondaryAxis);
    QVERIFY2(spec.title.contains(QStringLiteral("ECE %1").arg(QString::number(curve.ece, 'f', 3))),
        qPrintable(spec.title));
    QCOMPARE(
        spec.title, QStringLiteral("top-label: ECE %1").arg(QString::number(curve.ece, 'f', 3)));
    QCOMPARE(spec.y.title, QStringLiteral("Accuracy"));
    QVERIFY(spec.squareAspect);
    QCOMPARE(spec.x.min, 0.0);
    QCOMPARE(spec.x.max, 1.0);
}

void TestReliabilityPlot::quantileBinsDrawTheOutline()
{
    const ReliabilityCurve curve = handCurve(BinStrategy::Quantile, 2);
    const PlotSpec spec = reliabilityPlot(curve, {QStringLiteral("x")});
    const PlotSeries* counts = seriesWithId(spec, kReliabilityCountsSeriesId);
    QVERIFY(counts);
    QVERIFY(counts->onSecondaryAxis);
    QCOMPARE(counts->style, PlotSeries::Style::Line);
    // Edges at the 0th, 50th and 100th percentiles: 0.1, 0.425, 0.99; five rows each.
    const QList<QPointF> expected {
        {0.1, 0}, {0.1, 5}, {0.425, 5}, {0.425, 5}, {0.99, 5}, {0.99, 0}};
    QCOMPARE(counts->points, expected);
}

void TestReliabilityPlot::noRowsDrawsTheDiagonalOnly()
{
    const ReliabilityCurve curve = reliabilityCurve({}, {}, 15, BinStrategy::Uniform);
    const PlotSpec spec = reliabilityPlot(curve, {QStringLiteral("x")});
    QCOMPARE(spec.series.size(), qsizetype(1));
    QCOMPARE(spec.series.front().id, kReliabilityDiagonalSeriesId);
    QVERIFY(!spec.note.isEmpty());
}

void TestReliabilityPlot::builds()
{
    // The spec goes through the one render path with its right axis.
    const PlotSpec spec
        = reliabilityPlot(handCurve(BinStrategy::Uniform, 4), {QStringLiteral("x")});
    PlotChart chart(spec);
    QCOMPARE(chart.series().size(), spec.series.size());
    QCOMPARE(chart.axes(Qt::Vertical).size(), qsizetype(2));
}

void TestReliabilityPlot::rocBandsArePerClassDashedLines()
{
    const RocReport report = twoClassReport();
    RocPlotOptions options;
    options.bands = std::make_shared<const RocBands>(twoClassBands());
    const PlotSpec spec = rocPlot(report, {}, options);
    QList<const PlotSeries*> bandLines;
    const PlotSeries* key = nullptr;
    for (const PlotSeries& s : spec.series) {
        if (s.name == options.bands->label)
            key = &s;
        else if (s.style == PlotSeries::Style::Dashed && !s.pickable && s.id >= 0)
            bandLines << &s;
    }
    QVERIFY(key);
    QVERIFY(key->points.isEmpty());
    QCOMPARE(key->id, kReferenceSeriesId);
    QCOMPARE(bandLines.size(), qsizetype(2)); // class a's lower and upper; class b has none
    QCOMPARE(bandLines[0]->points, (QList<QPointF> {{0, 0}, {0.5, 0.6}, {1, 1}}));
    QCOMPARE(bandLines[1]->points, (QList<QPointF> {{0, 0.5}, {0.5, 0.9}, {1, 1}}));
    QCOMPARE(bandLines[0]->id, 0);
    QCOMPARE(bandLines[0]->color, classColor(0));
    QVERIFY(bandLines[0]->name.isEmpty());

    // Without bands: none of it; appendRocBands adds the same to a chart built before.
    PlotSpec plain = rocPlot(report, {});
    QCOMPARE(plain.series.size(), spec.series.size() - 3);
    appendRocBands(plain, *options.bands);
    QCOMPARE(plain.series.size(), spec.series.size());
}

void TestReliabilityPlot::rocBandsFollowVisibilityAndLogAxis()
{
    const RocReport report = twoClassReport();
    RocPlotOptions options;
    options.bands = std::make_shared<const RocBands>(twoClassBands());
    // Class a hidden: no band at all, and no legend entry for it.
    const PlotSpec hidden = rocPlot(report, {false, true}, options);
    for (const PlotSeries& s : hidden.series)
        QVERIFY2(s.name != options.bands->label && s.id != 0, qPrintable(s.name));
    // Log FPR: the band's point at FPR 0 is left out.
    options.logFpr = true;
    const PlotSpec log = rocPlot(report, {}, options);
    int lines = 0;
    for (const PlotSeries& s : log.series) {
        if (s.id == 0 && !s.pickable) {
            ++lines;
            QCOMPARE(s.points.size(), qsizetype(2));
            QCOMPARE(s.points.front().x(), 0.5);
        }
    }
    QCOMPARE(lines, 2);
}

QTEST_MAIN(TestReliabilityPlot)
#include "tst_reliability_plot.moc"
