// The chart builders of ui/charts (rocPlot, detPlot, prPlot, lossPlot, concentrationPlot,
// ptDistributionPlot) on hand-written results: the PlotSpecs they make (series, names, colours,
// axes, notes, decimation) and a gallery of them exported.

#include "charts/concentration_plot.h"
#include "charts/det_plot.h"
#include "charts/loss_plot.h"
#include "charts/pr_plot.h"
#include "charts/pt_distribution_plot.h"
#include "charts/roc_plot.h"
#include "plot/chart_builder.h"
#include "plot/decimation.h"
#include "plot/plot_export.h"
#include "plot/plot_palette.h"
#include "plot/plot_zoom.h"
#include "roc/det_curve.h"
#include "synthetic_predictions.h"

#include <QImage>
#include <QSet>
#include <QTemporaryDir>
#include <QtTest>

#include <cmath>

using namespace focalscope;
using namespace focalscope::testing;

namespace {

// The seed's 3-class example, curves written out (scikit-learn, drop_intermediate).
RocReport seedReport()
{
    RocReport report;
    report.binary = false;
    auto make = [](const char* name, std::int64_t positives, std::int64_t negatives, double auroc,
                    double ap, std::vector<double> fpr, std::vector<double> tpr) {
        ClassRoc c;
        c.name = name;
        c.positives = positives;
        c.negatives = negatives;
        c.auroc = auroc;
        c.averagePrecision = ap;
        c.roc.fpr = std::move(fpr);
        c.roc.tpr = std::move(tpr);
        c.roc.thresholds.assign(c.roc.fpr.size(), 0.5);
        c.pr.recall = {1.0, 1.0, 0.0};
        c.pr.precision = {positives / double(positives + negatives), 1.0, 1.0};
        c.pr.thresholds = {0.05, 0.9};
        return c;
    };
    report.classes = {make("a", 1, 4, 1.0, 1.0, {0, 0, 1}, {0, 1, 1}),
        make("b", 2, 3, 2.0 / 3, 0.75, {0, 0, 1.0 / 3, 1}, {0, 0.5, 0.5, 1}),
        make("c", 2, 3, 2.0 / 3, 0.8, {0, 1.0 / 3, 1.0 / 3, 1}, {0, 0, 1, 1})};
    report.macro = 7.0 / 9;
    report.micro = 0.74;
    report.microRoc.fpr = {0, 0.1, 0.3, 1};
    report.microRoc.tpr = {0, 0.6, 0.8, 1};
    return report;
}

QStringList namesOf(const PlotSpec& spec)
{
    QStringList names;
    for (const PlotSeries& s : spec.series)
        names << s.name;
    return names;
}

double trapezoid(const QList<QPointF>& points)
{
    double area = 0;
    for (qsizetype k = 1; k < points.size(); ++k)
        area += (points[k].x() - points[k - 1].x()) * (points[k].y() + points[k - 1].y()) / 2;
    return area;
}

// FOCALSCOPE_PLOT_GALLERY=dir writes the gallery's PNGs there, to look at them.
QString galleryPath(const QTemporaryDir& fallback, const QString& name)
{
    const QString dir = qEnvironmentVariable("FOCALSCOPE_PLOT_GALLERY");
    return dir.isEmpty() ? fallback.filePath(name) : QDir(dir).filePath(name);
}

int distinctColours(const QImage& image)
{
    QSet<QRgb> colours;
    for (int y = 0; y < image.height(); y += 2)
        for (int x = 0; x < image.width(); x += 2)
            colours.insert(image.pixel(x, y));
    return static_cast<int>(colours.size());
}

} // namespace

class TestChartSpecs : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void rocMulticlass_data();
    void rocMulticlass();
    void rocBinary();
    void rocUndefinedClass();
    void rocMaxFprLine();
    void macroAverageArea();
    void rocDecimatedKeepsExactPoints();
    void rocLogFpr();
    void rocLogFprSmallCurve();
    void detCurves();
    void detBinaryAndPerfect();
    void ptHoverTexts();
    void prCurves();
    void prStepsAreaIsAp();
    void concentration();
    void concentrationMissingGroup();
    void ptHistogramCounts();
    void ptDistribution_data();
    void ptDistribution();
    void lossCurveAlphaIsTheForegroundWeight_data();
    void lossCurveAlphaIsTheForegroundWeight();
    void gallery_data();
    void gallery();

private:
    SyntheticData m_data;
    RocReport m_report;
    FocalLossResult m_loss;
};

void TestChartSpecs::initTestCase()
{
    m_data = syntheticData();
    m_report = rocReportOf(m_data);
    m_loss = focalLossOf(m_data, 0.25, 2.0);
}

void TestChartSpecs::rocMulticlass_data()
{
    QTest::addColumn<std::vector<bool>>("visible");
    QTest::addColumn<QStringList>("names");
    QTest::newRow("all") << std::vector<bool> {}
                         << QStringList {"a (AUROC 1.000)", "b (AUROC 0.667)", "c (AUROC 0.667)",
                                "micro average (AUROC 0.740)", "macro average (AUROC 0.778)",
                                "chance"};
    QTest::newRow("b hidden") << std::vector<bool> {true, false, true}
                              << QStringList {"a (AUROC 1.000)", "c (AUROC 0.667)",
                                     "micro average (AUROC 0.740)", "macro average (AUROC 0.778)",
                                     "chance"};
    QTest::newRow("all hidden") << std::vector<bool> {false, false, false}
                                << QStringList {"micro average (AUROC 0.740)",
                                       "macro average (AUROC 0.778)", "chance"};
}

void TestChartSpecs::rocMulticlass()
{
    QFETCH(std::vector<bool>, visible);
    QFETCH(QStringList, names);
    const PlotSpec spec = rocPlot(seedReport(), visible);
    QCOMPARE(namesOf(spec), names);
    QCOMPARE(spec.x.title, QStringLiteral("False positive rate"));
    QCOMPARE(spec.y.title, QStringLiteral("True positive rate"));
    QCOMPARE(spec.x.min, 0.0);
    QCOMPARE(spec.x.max, 1.0);
    QCOMPARE(spec.y.min, 0.0);
    QCOMPARE(spec.y.max, 1.0);
    QVERIFY(spec.squareAspect);
    QVERIFY(spec.note.isEmpty());
    for (const PlotSeries& s : spec.series) {
        if (s.id >= 0) {
            QCOMPARE(s.color, classColor(s.id));
            QCOMPARE(s.style, PlotSeries::Style::Line);
            QVERIFY(s.pickable);
            QCOMPARE(s.points.size(), qsizetype(seedReport().classes[s.id].roc.fpr.size()));
        }
    }
    const PlotSeries& micro = spec.series[spec.series.size() - 3];
    QCOMPARE(micro.id, kMicroAverageSeriesId);
    QCOMPARE(micro.style, PlotSeries::Style::Dashed);
    QCOMPARE(micro.points.size(), qsizetype(4));
    const PlotSeries& chance = spec.series.back();
    QCOMPARE(chance.style, PlotSeries::Style::Dotted);
    QVERIFY(!chance.pickable);
    QCOMPARE(chance.points, (QList<QPointF> {{0, 0}, {1, 1}}));
    QCOMPARE(chance.color.red(), chance.color.green()); // grey
    QCOMPARE(chance.color.green(), chance.color.blue());

    RocPlotOptions noAverages;
    noAverages.microAverage = false;
    noAverages.macroAverage = false;
    QCOMPARE(rocPlot(seedReport(), visible, noAverages).series.size(), names.size() - 2);
}

void TestChartSpecs::rocBinary()
{
    RocReport report;
    report.binary = true;
    ClassRoc positive;
    positive.name = "1";
    positive.auroc = 0.5;
    positive.roc.fpr = {0, 0, .5, .5, 1, 1};
    positive.roc.tpr = {0, 1.0 / 3, 1.0 / 3, 2.0 / 3, 2.0 / 3, 1};
    report.classes = {positive};
    report.micro = std::nan("");
    const PlotSpec spec = rocPlot(report, {});
    QCOMPARE(namesOf(spec), (QStringList {"1 (AUROC 0.500)", "chance"}));
    QCOMPARE(spec.title, QStringLiteral("ROC curve"));
    QCOMPARE(spec.series[0].color, classColor(1));
    QCOMPARE(spec.series[0].points.size(), qsizetype(6));
    QCOMPARE(spec.series[0].sourceIndexAt(3), qsizetype(3));
    QCOMPARE(spec.series[0].points[3], QPointF(0.5, 2.0 / 3));
}

void TestChartSpecs::rocUndefinedClass()
{
    RocReport report = seedReport();
    report.classes[1].auroc = std::nan("");
    report.classes[1].roc.tpr.assign(report.classes[1].roc.tpr.size(), std::nan(""));
    const PlotSpec spec = rocPlot(report, {});
    QVERIFY(!namesOf(spec).join(' ').contains(QStringLiteral("b (")));
    QVERIFY2(spec.note.contains(QStringLiteral(": b")), qPrintable(spec.note));
    // The macro curve averages the defined classes only.
    QCOMPARE(trapezoid(macroAverageRoc(report)), (1.0 + 2.0 / 3) / 2);
}

// Max FPR is a binary task's: its line is drawn there and never on a multiclass plot.
void TestChartSpecs::rocMaxFprLine()
{
    RocPlotOptions options;
    options.maxFpr = 0.25;
    RocReport binary;
    binary.binary = true;
    ClassRoc positive;
    positive.name = "1";
    positive.auroc = 0.5;
    positive.roc.fpr = {0, 0.5, 1};
    positive.roc.tpr = {0, 0.5, 1};
    binary.classes = {positive};
    const PlotSpec spec = rocPlot(binary, {}, options);
    const PlotSeries& limit = spec.series.back();
    QCOMPARE(limit.name, QStringLiteral("max FPR 0.25"));
    QCOMPARE(limit.points, (QList<QPointF> {{0.25, 0}, {0.25, 1}}));
    QVERIFY(!limit.pickable);
    QVERIFY(!namesOf(rocPlot(seedReport(), {}, options)).join('|').contains("max FPR"));
}

void TestChartSpecs::macroAverageArea()
{
    // The macro curve's area is the mean of the per-class areas (the macro AUROC).
    const QList<QPointF> seedMacro = macroAverageRoc(seedReport());
    QCOMPARE(seedMacro.front(), QPointF(0, 0));
    QCOMPARE(seedMacro.back(), QPointF(1, 1));
    QVERIFY(std::abs(trapezoid(seedMacro) - 7.0 / 9) < 1e-12);
    for (qsizetype k = 1; k < seedMacro.size(); ++k) {
        QVERIFY(seedMacro[k].x() >= seedMacro[k - 1].x());
        QVERIFY(seedMacro[k].y() >= seedMacro[k - 1].y());
    }
    const QList<QPointF> macro = macroAverageRoc(m_report);
    QVERIFY(std::abs(trapezoid(macro) - m_report.macro) < 1e-9);
}

void TestChartSpecs::rocDecimatedKeepsExactPoints()
{
    const PlotSpec spec = rocPlot(m_report, {});
    for (const PlotSeries& s : spec.series) {
        QVERIFY(s.points.size() <= kMaxPointsPerSeries);
        if (s.id < 0 && s.id != kMicroAverageSeriesId)
            continue;
        const RocCurve& full = s.id >= 0 ? m_report.classes[s.id].roc : m_report.microRoc;
        QVERIFY(full.fpr.size() > 2000); // so decimation did something
        QCOMPARE(s.sourceIndex.size(), s.points.size());
        QCOMPARE(s.sourceIndex.front(), qsizetype(0));
        QCOMPARE(s.sourceIndex.back(), qsizetype(full.fpr.size() - 1));
        for (qsizetype k = 0; k < s.points.size(); ++k) {
            const auto i = static_cast<std::size_t>(s.sourceIndex[k]);
            QCOMPARE(s.points[k], QPointF(full.fpr[i], full.tpr[i]));
        }
    }
}

// The log FPR axis runs from a power of ten at or below the smallest positive FPR to 1; FPR-0
// points are left out and every drawn point still names its exact point of the full curve.
void TestChartSpecs::rocLogFpr()
{
    RocPlotOptions options;
    options.logFpr = true;
    const PlotSpec spec = rocPlot(m_report, {}, options);
    QVERIFY(spec.x.logarithmic);
    QVERIFY(!spec.y.logarithmic);
    QVERIFY(spec.x.title.contains(QStringLiteral("log")));
    QCOMPARE(spec.x.max, 1.0);
    // 80% of 20000 rows are background: the micro average has 80000 negatives.
    QCOMPARE(spec.x.min, 1e-5);
    QCOMPARE(rocLogFprFloor(m_report), 1e-5);
    QVERIFY(!PlotChart::sameStructure(spec, rocPlot(m_report, {})));
    for (const PlotSeries& s : spec.series) {
        for (const QPointF& p : s.points)
            QVERIFY(p.x() >= spec.x.min && p.x() <= 1.0);
        if (s.id < 0 && s.id != kMicroAverageSeriesId)
            continue;
        const RocCurve& full = s.id >= 0 ? m_report.classes[s.id].roc : m_report.microRoc;
        QVERIFY(s.points.size() <= kMaxPointsPerSeries);
        QCOMPARE(s.sourceIndex.size(), s.points.size());
        // The curve starts at the first positive FPR.
        std::size_t first = 0;
        while (full.fpr[first] == 0.0)
            ++first;
        QCOMPARE(s.sourceIndex.front(), qsizetype(first));
        QCOMPARE(s.sourceIndex.back(), qsizetype(full.fpr.size() - 1));
        for (qsizetype k = 0; k < s.points.size(); ++k) {
            const auto i = static_cast<std::size_t>(s.sourceIndex[k]);
            QCOMPARE(s.points[k], QPointF(full.fpr[i], full.tpr[i]));
        }
    }
    // Chance, TPR = FPR, is a sampled curve from the floor to 1.
    const PlotSeries& chance = spec.series.back();
    QCOMPARE(chance.id, kReferenceSeriesId);
    QVERIFY(chance.points.size() > 20);
    QCOMPARE(chance.points.front().x(), 1e-5);
    QCOMPARE(chance.points.back(), QPointF(1.0, 1.0));
    for (const QPointF& p : chance.points)
        QCOMPARE(p.y(), p.x());
}

// The seed example: FPR steps of 1/3 and 1/10 put the floor at 0.1; class a's only positive
// FPR is 1; the macro average keeps no core index.
void TestChartSpecs::rocLogFprSmallCurve()
{
    RocPlotOptions options;
    options.logFpr = true;
    const PlotSpec spec = rocPlot(seedReport(), {}, options);
    QCOMPARE(spec.x.min, 0.1);
    const PlotSeries& a = spec.series[0];
    QCOMPARE(a.points, (QList<QPointF> {{1.0, 1.0}}));
    QCOMPARE(a.sourceIndex, (QList<qsizetype> {2}));
    const PlotSeries& c = spec.series[2];
    QCOMPARE(c.points.front(), QPointF(1.0 / 3, 0.0));
    QCOMPARE(c.sourceIndex.front(), qsizetype(1));
    for (const PlotSeries& s : spec.series)
        if (s.id == kMacroAverageSeriesId)
            for (qsizetype k = 0; k < s.points.size(); ++k)
                QCOMPARE(s.sourceIndexAt(k), qsizetype(-1));
    // A binary max FPR line below the floor is not drawn; above it, it is.
    RocReport binary;
    binary.binary = true;
    binary.classes = {seedReport().classes[2]};
    options.maxFpr = 0.05;
    QVERIFY(!namesOf(rocPlot(binary, {}, options)).join('|').contains("max FPR"));
    options.maxFpr = 0.5;
    QVERIFY(namesOf(rocPlot(binary, {}, options)).join('|').contains("max FPR"));
}

// DET: per class (and the micro average) (probit(FPR), probit(FNR)) of the report's ROC points,
// sourceIndex into the ROC curve, on probit axes of one symmetric range.
void TestChartSpecs::detCurves()
{
    const PlotSpec spec = detPlot(m_report, {true, true, false, true, true});
    QCOMPARE(spec.title, QStringLiteral("DET curves (one-vs-rest)"));
    QVERIFY(spec.x.probit && spec.y.probit);
    QVERIFY(!spec.x.logarithmic);
    QCOMPARE(spec.x.min, -spec.x.max);
    QCOMPARE(spec.y.min, spec.x.min);
    QCOMPARE(spec.y.max, spec.x.max);
    QVERIFY(spec.squareAspect);
    QCOMPARE(namesOf(spec).size(), 6); // 4 visible classes, micro, chance
    QVERIFY(namesOf(spec).join('|').startsWith(QStringLiteral("background (AUROC")));
    QVERIFY(!namesOf(spec).join('|').contains(QStringLiteral("car")));
    double lowest = 0.0;
    for (const PlotSeries& s : spec.series) {
        if (s.id == kReferenceSeriesId) {
            QVERIFY(!s.pickable);
            QCOMPARE(
                s.points, (QList<QPointF> {{spec.x.min, spec.x.max}, {spec.x.max, spec.x.min}}));
            continue;
        }
        const RocCurve& roc = s.id >= 0 ? m_report.classes[s.id].roc : m_report.microRoc;
        if (s.id >= 0)
            QCOMPARE(s.color, classColor(s.id));
        else
            QCOMPARE(s.id, kMicroAverageSeriesId);
        QVERIFY(!s.points.isEmpty() && s.points.size() <= kMaxPointsPerSeries);
        QCOMPARE(s.sourceIndex.size(), s.points.size());
        const DetCurve det = detCurve(roc);
        for (qsizetype k = 0; k < s.points.size(); ++k) {
            const auto i = static_cast<std::size_t>(s.sourceIndex[k]);
            QVERIFY(i > 0 && i < roc.fpr.size());
            const double fnr = static_cast<double>(roc.positives - roc.tps[i])
                / static_cast<double>(roc.positives);
            QCOMPARE(s.points[k], QPointF(probit(roc.fpr[i]), probit(fnr)));
            QVERIFY(std::isfinite(s.points[k].x()) && std::isfinite(s.points[k].y()));
            QVERIFY(s.points[k].x() >= spec.x.min && s.points[k].y() >= spec.y.min);
            lowest = std::min({lowest, s.points[k].x(), s.points[k].y()});
        }
        // Its ends are the DET curve's, less any point at 0% error.
        QCOMPARE(static_cast<std::size_t>(s.sourceIndex.front()),
            det.fnr.front() > 0.0 ? det.rocIndex.front() : det.rocIndex[1]);
        QVERIFY(s.points.size() > 100);
    }
    // The range reaches past the lowest rate drawn (half of it), at least 0.05% .. 99.95%.
    QVERIFY(spec.x.min < lowest);
    QVERIFY(spec.x.min <= probit(0.0005));
    QVERIFY(spec.note.isEmpty());
    QVERIFY(std::abs(detPosition(0.1, 0.8).x() - probit(0.1)) < 1e-15);
    QVERIFY(std::abs(detPosition(0.1, 0.8).y() - probit(0.2)) < 1e-15);
    QVERIFY(!std::isfinite(detPosition(0.0, 0.5).x()));
}

// A binary task's one curve; a perfectly separated class has no point off 0% error and is
// named in the note, as is a class without negatives.
void TestChartSpecs::detBinaryAndPerfect()
{
    RocReport binary;
    binary.binary = true;
    binary.classes = {m_report.classes[1]};
    const PlotSpec one = detPlot(binary, {});
    QCOMPARE(one.title, QStringLiteral("DET curve"));
    QCOMPARE(one.series.size(), 2);
    QCOMPARE(one.series[0].color, classColor(1));
    QCOMPARE(one.series[0].id, 0);

    RocReport report;
    ClassRoc perfect;
    perfect.name = "perfect";
    perfect.auroc = 1.0;
    const std::vector<double> scores {0.9, 0.8, 0.2, 0.1};
    perfect.roc = rocCurve(scores, std::vector<std::uint8_t> {1, 1, 0, 0});
    ClassRoc lonely;
    lonely.name = "lonely";
    lonely.auroc = std::nan("");
    report.classes = {perfect, lonely, m_report.classes[2]};
    report.micro = std::nan("");
    const PlotSpec spec = detPlot(report, {});
    QCOMPARE(spec.series.size(), 2); // car, chance
    QVERIFY2(spec.note.contains(QStringLiteral("not drawn: perfect")), qPrintable(spec.note));
    QVERIFY2(spec.note.contains(QStringLiteral("no negatives): lonely")), qPrintable(spec.note));
}

// Every p_t bin says its range, its rows and their share of the group.
void TestChartSpecs::ptHoverTexts()
{
    const LabelVector labels = labelVectorOf(m_data);
    const PlotSpec spec
        = ptDistributionPlot(m_loss, labels, -100, 5, 2.0, PtGrouping::PerClass, m_data.names);
    const std::vector<PtHistogram> histograms
        = ptHistograms(m_loss, labels, -100, 5, PtGrouping::PerClass);
    for (const PlotSeries& s : spec.series) {
        if (s.id < 0) {
            QVERIFY(s.hoverText.isEmpty());
            continue;
        }
        QCOMPARE(s.hoverText.size(), s.points.size());
        const PtHistogram& h = histograms[static_cast<std::size_t>(s.id)];
        QVERIFY2(s.hoverText[0].contains(QStringLiteral("[0, 0.02)")), qPrintable(s.hoverText[0]));
        QVERIFY2(
            s.hoverText[49].contains(QStringLiteral("[0.98, 1]")), qPrintable(s.hoverText[49]));
        QVERIFY2(
            s.hoverText[20].contains(QStringLiteral("[0.4, 0.42)")), qPrintable(s.hoverText[20]));
        for (int b : {0, 20, 49})
            QVERIFY2(s.hoverText[b].contains(
                         QStringLiteral("\n%1 of %2 rows (").arg(h.counts[b]).arg(h.rows)),
                qPrintable(s.hoverText[b]));
        QVERIFY(s.hoverText[0].startsWith(QString::fromStdString(m_data.names[s.id])));
    }
}

void TestChartSpecs::prCurves()
{
    const RocReport report = seedReport();
    const PlotSpec spec = prPlot(report, {true, false, true});
    QCOMPARE(namesOf(spec), (QStringList {"a (AP 1.000)", "c (AP 0.800)", "", ""}));
    QCOMPARE(spec.x.title, QStringLiteral("Recall"));
    QCOMPARE(spec.y.title, QStringLiteral("Precision"));
    QCOMPARE(spec.y.max, 1.0);
    // Baselines at each visible class's prevalence, dotted in its colour.
    QCOMPARE(spec.series[2].points, (QList<QPointF> {{0, 0.2}, {1, 0.2}}));
    QCOMPARE(spec.series[3].points, (QList<QPointF> {{0, 0.4}, {1, 0.4}}));
    QCOMPARE(spec.series[3].color, classColor(2));
    QCOMPARE(spec.series[3].style, PlotSeries::Style::Dotted);
    QVERIFY(!spec.series[3].pickable);
    // Given prevalences win.
    const PlotSpec given = prPlot(report, {}, {0.5, 0.25, 0.125});
    QCOMPARE(given.series[4].points.front().y(), 0.25);
    // Steps: (1, .2) -> (1, .2) is no corner; (1, 1) -> (0, 1) corner at recall 0 carries index 1.
    const PlotSeries& a = spec.series[0];
    QCOMPARE(a.points, (QList<QPointF> {{1, 0.2}, {1, 1}, {0, 1}, {0, 1}}));
    QCOMPARE(a.sourceIndex, (QList<qsizetype> {0, 1, 1, 2}));
}

void TestChartSpecs::prStepsAreaIsAp()
{
    // The area under the drawn steps is the AP (checked before decimation on a mid-size case).
    SyntheticData small = syntheticData(1500, 11);
    const RocReport report = rocReportOf(small);
    const PlotSpec spec = prPlot(report, {});
    int curves = 0;
    for (const PlotSeries& s : spec.series) {
        if (s.name.isEmpty())
            continue;
        ++curves;
        if (s.points.size() >= kMaxPointsPerSeries)
            continue;
        const double area = -trapezoid(s.points); // recall runs from 1 down to 0
        QVERIFY2(std::abs(area - report.classes[s.id].averagePrecision) < 1e-9,
            qPrintable(
                QStringLiteral("%1 vs %2").arg(area).arg(report.classes[s.id].averagePrecision)));
        for (qsizetype k = 0; k < s.points.size(); ++k) {
            const auto i = static_cast<std::size_t>(s.sourceIndex[k]);
            QCOMPARE(s.points[k].y(), report.classes[s.id].pr.precision[i]);
        }
    }
    QCOMPARE(curves, 5);
}

void TestChartSpecs::concentration()
{
    const LossConcentration concentration = concentrationOf(m_data, m_loss);
    // The groups are named by the data: class 0's name and the rest.
    const PlotSpec spec = concentrationPlot(concentration, 0.123, {"zero", "one", "two"});
    QCOMPARE(spec.series.size(), 3);
    QCOMPARE(
        spec.series[0].name, QStringLiteral("zero (%1 rows)").arg(concentration.background.rows));
    QCOMPARE(spec.series[1].name,
        QStringLiteral("other classes (%1 rows)").arg(concentration.foreground.rows));
    // "background" only where class 0 is named so; a binary task's two classes by name.
    QCOMPARE(concentrationPlot(concentration, 0.1, {"background", "car", "dog"}).series[1].name,
        QStringLiteral("foreground (%1 rows)").arg(concentration.foreground.rows));
    QCOMPARE(concentrationPlot(concentration, 0.1, {"negative", "positive"}).series[1].name,
        QStringLiteral("positive (%1 rows)").arg(concentration.foreground.rows));
    QCOMPARE(spec.series[0].color, classColor(0));
    QCOMPARE(spec.series[0].id, kBackgroundSeriesId);
    QCOMPARE(spec.series[1].id, kForegroundSeriesId);
    QCOMPARE(spec.series[2].points, (QList<QPointF> {{0, 0}, {1, 1}}));
    QVERIFY(spec.squareAspect);
    QVERIFY(spec.note.contains(QStringLiteral("12.3%")));
    for (int g = 0; g < 2; ++g) {
        const PlotSeries& s = spec.series[g];
        const ConcentrationCurve& curve
            = g == 0 ? concentration.background : concentration.foreground;
        QVERIFY(s.points.size() <= kMaxPointsPerSeries);
        QCOMPARE(s.points.front(), QPointF(0, 0));
        QCOMPARE(s.points.back(), QPointF(1, 1));
        const auto i = static_cast<std::size_t>(s.sourceIndex[s.points.size() / 2]);
        QCOMPARE(s.points[s.points.size() / 2], QPointF(curve.fraction[i], curve.cumulative[i]));
    }
}

void TestChartSpecs::concentrationMissingGroup()
{
    LossConcentration concentration;
    concentration.background = concentrationOf(std::vector<double> {0.1, 0.2, 0.7});
    const PlotSpec spec = concentrationPlot(concentration);
    QCOMPARE(namesOf(spec), (QStringList {"label 0 (3 rows)", "equal loss per row"}));
    QCOMPARE(spec.note, QStringLiteral("No rows of other labels"));
    QCOMPARE(spec.series[0].points.size(), qsizetype(4));
}

void TestChartSpecs::ptHistogramCounts()
{
    FocalLossResult loss;
    loss.pt.resize(7);
    loss.pt << 0.0, 0.05, 0.5, 0.999, 1.0, 0.3, std::nan("");
    LabelVector labels(7);
    labels << 0, 1, 2, 0, 2, -100, 1;
    const auto perClass = ptHistograms(loss, labels, -100, 3, PtGrouping::PerClass, 10);
    QCOMPARE(perClass.size(), std::size_t(3));
    QCOMPARE(perClass[0].rows, std::int64_t(2));
    QCOMPARE(perClass[0].counts[0], std::int64_t(1));
    QCOMPARE(perClass[0].counts[9], std::int64_t(1));
    QCOMPARE(perClass[1].rows, std::int64_t(1)); // the NaN row is left out
    QCOMPARE(perClass[1].counts[0], std::int64_t(1));
    QCOMPARE(perClass[2].counts[5], std::int64_t(1));
    QCOMPARE(perClass[2].counts[9], std::int64_t(1)); // p_t = 1 in the last bin
    const auto split = ptHistograms(loss, labels, -100, 3, PtGrouping::BackgroundForeground, 10);
    QCOMPARE(split.size(), std::size_t(2));
    QCOMPARE(split[0].rows, std::int64_t(2));
    QCOMPARE(split[1].rows, std::int64_t(3));
}

void TestChartSpecs::ptDistribution_data()
{
    QTest::addColumn<int>("grouping");
    QTest::addColumn<double>("gamma");
    QTest::addColumn<std::vector<bool>>("visible");
    QTest::addColumn<QStringList>("groups");
    QTest::newRow("per class") << int(PtGrouping::PerClass) << 2.0 << std::vector<bool> {}
                               << QStringList {"background", "person", "car", "bicycle", "dog"};
    QTest::newRow("per class, car hidden, gamma 0")
        << int(PtGrouping::PerClass) << 0.0 << std::vector<bool> {true, true, false}
        << QStringList {"background", "person", "bicycle", "dog"};
    QTest::newRow("background / foreground")
        << int(PtGrouping::BackgroundForeground) << 0.5 << std::vector<bool> {}
        << QStringList {"background", "foreground"};
}

void TestChartSpecs::ptDistribution()
{
    QFETCH(int, grouping);
    QFETCH(double, gamma);
    QFETCH(std::vector<bool>, visible);
    QFETCH(QStringList, groups);
    const LabelVector labels = labelVectorOf(m_data);
    const PlotSpec spec = ptDistributionPlot(
        m_loss, labels, -100, 5, gamma, PtGrouping(grouping), m_data.names, visible);
    QCOMPARE(spec.series.size(), groups.size() + 1);
    for (qsizetype g = 0; g < groups.size(); ++g) {
        const PlotSeries& s = spec.series[g];
        QVERIFY2(s.name.startsWith(groups[g] + QStringLiteral(" (")), qPrintable(s.name));
        QCOMPARE(s.style, PlotSeries::Style::Bars);
        QCOMPARE(s.points.size(), qsizetype(50));
        QCOMPARE(s.barWidth, 0.02);
        QCOMPARE(s.color, classColor(s.id));
        double total = 0;
        for (const QPointF& p : s.points) {
            total += p.y();
            QVERIFY(p.y() <= spec.y.max);
        }
        QVERIFY(std::abs(total - 1.0) < 1e-9); // fractions of the group's rows
        QVERIFY(!s.onSecondaryAxis);
    }
    const PlotSeries& weight = spec.series.back();
    QCOMPARE(weight.id, kFocalWeightSeriesId);
    QVERIFY(weight.onSecondaryAxis);
    QCOMPARE(spec.yRight.min, 0.0);
    QCOMPARE(spec.yRight.max, 1.0);
    QCOMPARE(weight.points.front(), QPointF(0.0, 1.0));
    QCOMPARE(weight.points.back().y(), gamma == 0.0 ? 1.0 : 0.0); // 0^0 = 1
    QCOMPARE(weight.points[100].y(), std::pow(0.5, gamma));
    QVERIFY(weight.name.contains(QStringLiteral("γ = %1").arg(gamma)));
    QVERIFY(spec.note.contains(QStringLiteral("20000 rows")));
    QCOMPARE(spec.x.max, 1.0);
}

void TestChartSpecs::gallery_data()
{
    QTest::addColumn<QString>("file");
    QTest::newRow("roc") << "roc.png";
    QTest::newRow("roc, partial") << "roc_partial.png";
    QTest::newRow("roc, log FPR") << "roc_log_fpr.png";
    QTest::newRow("det") << "det.png";
    QTest::newRow("det, zoomed") << "det_zoomed.png";
    QTest::newRow("roc, log FPR, zoomed") << "roc_log_fpr_zoomed.png";
    QTest::newRow("pr") << "pr.png";
    QTest::newRow("concentration") << "concentration.png";
    QTest::newRow("pt per class") << "pt_per_class.png";
    QTest::newRow("pt background/foreground") << "pt_bg_fg.png";
}

// Each chart kind drawn from realistic data: the PNG is complete and not blank. With
// FOCALSCOPE_PLOT_GALLERY set, the files stay there for a person to look at.
void TestChartSpecs::gallery()
{
    QFETCH(QString, file);
    PlotSpec spec;
    const LabelVector labels = labelVectorOf(m_data);
    if (file == QLatin1String("roc.png")) {
        spec = rocPlot(m_report, {});
    } else if (file == QLatin1String("roc_partial.png")) {
        RocPlotOptions options;
        options.maxFpr = 0.2;
        options.macroAverage = false;
        spec = rocPlot(m_report, {true, true, false, true, true}, options);
    } else if (file == QLatin1String("roc_log_fpr.png")) {
        RocPlotOptions options;
        options.logFpr = true;
        spec = rocPlot(m_report, {}, options);
    } else if (file == QLatin1String("det.png")) {
        spec = detPlot(m_report, {});
    } else if (file == QLatin1String("det_zoomed.png")) {
        // What PlotView::shownSpec() gives after a zoom: FPR 1% .. 30%, FNR 2% .. 40%.
        spec = withRange(
            detPlot(m_report, {}), {probit(0.01), probit(0.3), probit(0.02), probit(0.4)});
    } else if (file == QLatin1String("roc_log_fpr_zoomed.png")) {
        RocPlotOptions options;
        options.logFpr = true;
        spec = withRange(rocPlot(m_report, {}, options), {0.02, 0.3, 0.4, 0.9});
    } else if (file == QLatin1String("pr.png")) {
        spec = prPlot(m_report, {});
    } else if (file == QLatin1String("concentration.png")) {
        spec = concentrationPlot(concentrationOf(m_data, m_loss), 0.08);
    } else if (file == QLatin1String("pt_per_class.png")) {
        spec = ptDistributionPlot(m_loss, labels, -100, 5, 2.0, PtGrouping::PerClass, m_data.names);
    } else {
        spec = ptDistributionPlot(
            m_loss, labels, -100, 5, 2.0, PtGrouping::BackgroundForeground, m_data.names);
    }
    QTemporaryDir dir;
    const QString path = galleryPath(dir, file);
    QString error;
    QVERIFY2(exportPlot(spec, path, {}, &error), qPrintable(error));
    const QImage image(path);
    QCOMPARE(image.size(), QSize(1200, 900));
    QVERIFY(distinctColours(image) > 50);
}

void TestChartSpecs::lossCurveAlphaIsTheForegroundWeight_data()
{
    QTest::addColumn<int>("mode");
    QTest::addColumn<int>("alphaMode");
    QTest::addColumn<int>("classes");
    QTest::addColumn<double>("expected");
    const int softmax = int(LossMode::Softmax);
    const int sigmoid = int(LossMode::Sigmoid);
    QTest::newRow("seed scalar: foreground gets 1 - a")
        << softmax << int(Alpha::Mode::Scalar) << 5 << 0.75;
    QTest::newRow("torchvision scalar: positives get a")
        << sigmoid << int(Alpha::Mode::Scalar) << 1 << 0.25;
    QTest::newRow("per class: class 1") << softmax << int(Alpha::Mode::PerClass) << 3 << 2.0;
    QTest::newRow("none") << softmax << int(Alpha::Mode::None) << 4 << 1.0;
    QTest::newRow("list of the wrong length") << softmax << int(Alpha::Mode::PerClass) << 7 << 1.0;
}

void TestChartSpecs::lossCurveAlphaIsTheForegroundWeight()
{
    QFETCH(int, mode);
    QFETCH(int, alphaMode);
    QFETCH(int, classes);
    QFETCH(double, expected);
    FocalParams params;
    params.mode = LossMode(mode);
    params.alpha = Alpha::Mode(alphaMode) == Alpha::Mode::Scalar ? Alpha::fromScalar(0.25)
        : Alpha::Mode(alphaMode) == Alpha::Mode::PerClass        ? Alpha::fromList({1.0, 2.0, 3.0})
                                                                 : Alpha::none();
    QCOMPARE(lossCurveAlpha(params, classes), expected);
}

QTEST_MAIN(TestChartSpecs)
#include "tst_chart_specs.moc"
