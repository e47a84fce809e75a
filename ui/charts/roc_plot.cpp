#include "charts/roc_plot.h"

#include "charts/chart_helpers.h"
#include "plot/decimation.h"
#include "plot/plot_palette.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace focalscope {

using namespace charts;

namespace {

bool hasCurve(const ClassRoc& c)
{
    return !std::isnan(c.auroc) && !c.roc.fpr.empty() && c.roc.fpr.size() == c.roc.tpr.size();
}

// TPR = FPR: two points on linear axes; on a log FPR axis from `floor` a curve, sampled evenly
// in log10(FPR).
PlotSeries chanceDiagonal(double floor)
{
    PlotSeries chance;
    chance.name = QStringLiteral("chance");
    chance.color = QColor(0x9a, 0x9a, 0x9a);
    chance.style = PlotSeries::Style::Dotted;
    chance.width = 1.5;
    if (floor > 0.0) {
        constexpr int samples = 97;
        const double decades = -std::log10(floor);
        for (int i = 0; i < samples; ++i) {
            const double fpr
                = std::pow(10.0, -decades * (1.0 - static_cast<double>(i) / (samples - 1)));
            chance.points.append({fpr, fpr});
        }
    } else {
        chance.points = {{0.0, 0.0}, {1.0, 1.0}};
    }
    chance.pickable = false;
    chance.id = kReferenceSeriesId;
    return chance;
}

// The points of `series` a log x axis can draw (x > 0), sourceIndex kept pointing at the
// full curve.
void keepPositiveX(PlotSeries& series)
{
    QList<QPointF> points;
    QList<qsizetype> sourceIndex;
    for (qsizetype i = 0; i < series.points.size(); ++i) {
        if (!(series.points[i].x() > 0.0))
            continue;
        points.append(series.points[i]);
        sourceIndex.append(series.sourceIndexAt(i));
    }
    series.points = std::move(points);
    series.sourceIndex = std::move(sourceIndex);
}

// Decimated for the axis it is drawn on.
void prepare(PlotSeries& series, bool logFpr)
{
    if (logFpr)
        keepPositiveX(series);
    decimateSeries(series, kMaxPointsPerSeries, logFpr, false);
}

double smallestPositive(const std::vector<double>& values, double smallest)
{
    for (const double v : values)
        if (v > 0.0 && v < smallest)
            smallest = v;
    return smallest;
}

} // namespace

void appendRocBands(PlotSpec& spec, const RocBands& bands, const std::vector<bool>& visible)
{
    const bool binary = bands.classes.size() == 1;
    bool any = false;
    for (std::size_t c = 0; c < bands.classes.size(); ++c) {
        const RocBand& band = bands.classes[c];
        if (band.fpr.empty() || !isVisible(visible, c))
            continue;
        for (const std::vector<double>* tpr : {&band.tprLower, &band.tprUpper}) {
            PlotSeries line;
            line.color = classColor(binary ? 1 : static_cast<int>(c));
            line.style = PlotSeries::Style::Dashed;
            line.width = 1.0;
            line.points = toPoints(band.fpr, *tpr);
            if (spec.x.logarithmic)
                keepPositiveX(line);
            line.pickable = false;
            line.id = static_cast<int>(c);
            spec.series.append(line);
        }
        any = true;
    }
    if (!any)
        return;
    PlotSeries key; // a legend entry only
    key.name = bands.label;
    key.color = QColor(0x55, 0x55, 0x55);
    key.style = PlotSeries::Style::Dashed;
    key.width = 1.0;
    key.pickable = false;
    key.id = kReferenceSeriesId;
    spec.series.append(key);
}

QList<QPointF> macroAverageRoc(const RocReport& report)
{
    std::vector<const RocCurve*> curves;
    std::vector<double> grid;
    for (const ClassRoc& c : report.classes) {
        if (!hasCurve(c))
            continue;
        curves.push_back(&c.roc);
        grid.insert(grid.end(), c.roc.fpr.begin(), c.roc.fpr.end());
    }
    QList<QPointF> points;
    if (curves.empty())
        return points;
    std::sort(grid.begin(), grid.end());
    grid.erase(std::unique(grid.begin(), grid.end()), grid.end());

    // TPR just left and just right of each grid FPR, summed over the curves.
    std::vector<double> left(grid.size(), 0.0);
    std::vector<double> right(grid.size(), 0.0);
    for (const RocCurve* curve : curves) {
        const std::vector<double>& fpr = curve->fpr;
        const std::vector<double>& tpr = curve->tpr;
        const std::size_t n = fpr.size();
        std::size_t j = 0;
        for (std::size_t g = 0; g < grid.size(); ++g) {
            const double x = grid[g];
            while (j < n && fpr[j] < x)
                ++j;
            if (j < n && fpr[j] == x) {
                std::size_t k = j;
                while (k + 1 < n && fpr[k + 1] == x)
                    ++k;
                left[g] += tpr[j];
                right[g] += tpr[k];
            } else if (j == 0 || j == n) {
                const double edge = j == 0 ? tpr.front() : tpr.back();
                left[g] += edge;
                right[g] += edge;
            } else {
                const double t = (x - fpr[j - 1]) / (fpr[j] - fpr[j - 1]);
                const double y = tpr[j - 1] + t * (tpr[j] - tpr[j - 1]);
                left[g] += y;
                right[g] += y;
            }
        }
    }
    const double count = static_cast<double>(curves.size());
    points.reserve(static_cast<qsizetype>(2 * grid.size()));
    for (std::size_t g = 0; g < grid.size(); ++g) {
        points.append(QPointF(grid[g], left[g] / count));
        if (right[g] != left[g])
            points.append(QPointF(grid[g], right[g] / count));
    }
    return points;
}

RocBands bootstrapBands(const BootstrapReport& report, const QString& run)
{
    RocBands bands;
    bands.label = QStringLiteral("%1% band (%2 bootstrap, B = %3)")
                      .arg(report.options.level * 100.0, 0, 'g', 4)
                      .arg(QLatin1String(report.method))
                      .arg(report.options.replicates);
    if (!run.isEmpty())
        bands.label = run + QStringLiteral(": ") + bands.label;
    for (const BootstrapResult& c : report.classes)
        bands.classes.push_back(c.band);
    return bands;
}

double rocLogFprFloor(const RocReport& report)
{
    double smallest = std::numeric_limits<double>::infinity();
    for (const ClassRoc& c : report.classes)
        if (hasCurve(c))
            smallest = smallestPositive(c.roc.fpr, smallest);
    smallest = smallestPositive(report.microRoc.fpr, smallest);
    if (!std::isfinite(smallest))
        return 1e-3;
    return std::min(0.1, std::pow(10.0, std::floor(std::log10(smallest) + 1e-12)));
}

PlotSpec rocPlot(
    const RocReport& report, const std::vector<bool>& visible, const RocPlotOptions& options)
{
    PlotSpec spec;
    spec.title
        = report.binary ? QStringLiteral("ROC curve") : QStringLiteral("ROC curves (one-vs-rest)");
    const double floor = options.logFpr ? rocLogFprFloor(report) : 0.0;
    spec.x = options.logFpr
        ? PlotAxis {QStringLiteral("False positive rate (log scale)"), floor, 1.0, true}
        : PlotAxis {QStringLiteral("False positive rate"), 0.0, 1.0, false};
    spec.y = {QStringLiteral("True positive rate"), 0.0, 1.0, false};
    spec.squareAspect = true;

    QStringList undefined;
    for (std::size_t c = 0; c < report.classes.size(); ++c) {
        const ClassRoc& roc = report.classes[c];
        if (!hasCurve(roc)) {
            undefined << QString::fromStdString(roc.name);
            continue;
        }
        if (!isVisible(visible, c))
            continue;
        PlotSeries series;
        series.name = QStringLiteral("%1 (AUROC %2)")
                          .arg(QString::fromStdString(roc.name), formatMetric(roc.auroc));
        series.color = classColor(report.binary ? 1 : static_cast<int>(c));
        series.width = 2.0;
        series.id = static_cast<int>(c);
        series.points = toPoints(roc.roc.fpr, roc.roc.tpr);
        prepare(series, options.logFpr);
        spec.series.append(series);
    }

    if (!report.binary && options.microAverage && !report.microRoc.fpr.empty()
        && !std::isnan(report.micro)) {
        PlotSeries micro;
        micro.name = QStringLiteral("micro average (AUROC %1)").arg(formatMetric(report.micro));
        micro.color = QColor(0x22, 0x22, 0x22);
        micro.style = PlotSeries::Style::Dashed;
        micro.width = 2.0;
        micro.id = kMicroAverageSeriesId;
        micro.points = toPoints(report.microRoc.fpr, report.microRoc.tpr);
        prepare(micro, options.logFpr);
        spec.series.append(micro);
    }
    if (!report.binary && options.macroAverage) {
        PlotSeries macro;
        macro.points = macroAverageRoc(report);
        if (!macro.points.isEmpty()) {
            macro.name = QStringLiteral("macro average (AUROC %1)").arg(formatMetric(report.macro));
            macro.color = QColor(0x8e, 0x01, 0x52);
            macro.style = PlotSeries::Style::Dashed;
            macro.width = 2.0;
            macro.id = kMacroAverageSeriesId;
            prepare(macro, options.logFpr);
            macro.sourceIndex.fill(-1); // no core curve behind it
            spec.series.append(macro);
        }
    }
    if (options.bands)
        appendRocBands(spec, *options.bands, visible);
    spec.series.append(chanceDiagonal(floor));
    if (report.binary && options.maxFpr > floor && options.maxFpr < 1.0) {
        PlotSeries limit;
        limit.name = QStringLiteral("max FPR %1").arg(formatParameter(options.maxFpr));
        limit.color = QColor(0x55, 0x55, 0x55);
        limit.style = PlotSeries::Style::Dotted;
        limit.width = 1.5;
        limit.points = {{options.maxFpr, 0.0}, {options.maxFpr, 1.0}};
        limit.pickable = false;
        limit.id = kReferenceSeriesId;
        spec.series.append(limit);
    }
    if (!undefined.isEmpty())
        spec.note = QStringLiteral("AUROC undefined (no positives or no negatives): %1")
                        .arg(undefined.join(QStringLiteral(", ")));
    return spec;
}

} // namespace focalscope
