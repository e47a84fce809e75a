#include "charts/reliability_plot.h"

#include "charts/chart_helpers.h"
#include "plot/plot_palette.h"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <stdexcept>

namespace focalscope {

using namespace charts;

namespace {

// The rows of every bin of curve.edges (the curve lists only the non-empty ones).
std::vector<std::int64_t> countsPerBin(const ReliabilityCurve& curve)
{
    const std::size_t bins = curve.edges.size() > 1 ? curve.edges.size() - 1 : 0;
    std::vector<std::int64_t> counts(bins, 0);
    std::size_t b = 0;
    for (const ReliabilityBin& bin : curve.bins) {
        while (b < bins && !(curve.edges[b] == bin.lo && curve.edges[b + 1] == bin.hi))
            ++b;
        if (b < bins)
            counts[b] = bin.count;
    }
    return counts;
}

bool equalWidths(const std::vector<double>& edges)
{
    if (edges.size() < 3)
        return true;
    const double width = edges[1] - edges[0];
    for (std::size_t i = 1; i + 1 < edges.size(); ++i)
        if (std::abs((edges[i + 1] - edges[i]) - width) > 1e-9)
            return false;
    return true;
}

QString binRange(double lo, double hi)
{
    return QStringLiteral("[%1, %2]").arg(formatParameter(lo), formatParameter(hi));
}

} // namespace

PlotSpec reliabilityPlot(const ReliabilityCurve& curve, const ReliabilityPlotOptions& options)
{
    PlotSpec spec;
    const int bins = curve.edges.size() > 1 ? static_cast<int>(curve.edges.size()) - 1 : 0;
    spec.title = QStringLiteral("%1: ECE %2").arg(options.subject, formatMetric(curve.ece));
    spec.x = {options.topLabel ? QStringLiteral("Confidence") : QStringLiteral("Mean predicted"),
        0.0, 1.0, false};
    spec.y = {options.topLabel ? QStringLiteral("Accuracy") : QStringLiteral("Fraction positive"),
        0.0, 1.0, false};
    spec.squareAspect = true;

    const std::vector<std::int64_t> counts = countsPerBin(curve);
    const std::int64_t largest
        = counts.empty() ? 0 : *std::max_element(counts.begin(), counts.end());
    if (curve.samples > 0 && largest > 0) {
        spec.yRight = {QStringLiteral("Rows per bin"), 0.0,
            niceCeiling(3.0 * static_cast<double>(largest)), false};
        PlotSeries bars;
        bars.name = QStringLiteral("rows per bin");
        bars.color = QColor(0x9a, 0x9a, 0x9a);
        bars.width = 1.0;
        bars.onSecondaryAxis = true;
        bars.id = kReliabilityCountsSeriesId;
        if (equalWidths(curve.edges)) {
            bars.style = PlotSeries::Style::Bars;
            bars.barWidth = curve.edges[1] - curve.edges[0];
            for (int b = 0; b < bins; ++b) {
                const double lo = curve.edges[static_cast<std::size_t>(b)];
                const double hi = curve.edges[static_cast<std::size_t>(b) + 1];
                const auto count = counts[static_cast<std::size_t>(b)];
                bars.points.append(QPointF((lo + hi) / 2, static_cast<double>(count)));
                bars.hoverText
                    << QStringLiteral("bin %1: %2 rows").arg(binRange(lo, hi)).arg(count);
            }
        } else {
            // Bins of unequal widths: the histogram's outline, a step per bin.
            bars.style = PlotSeries::Style::Line;
            bars.pickable = false;
            bars.points.append(QPointF(curve.edges.front(), 0.0));
            for (int b = 0; b < bins; ++b) {
                const auto count = static_cast<double>(counts[static_cast<std::size_t>(b)]);
                bars.points.append(QPointF(curve.edges[static_cast<std::size_t>(b)], count));
                bars.points.append(QPointF(curve.edges[static_cast<std::size_t>(b) + 1], count));
            }
            bars.points.append(QPointF(curve.edges.back(), 0.0));
        }
        spec.series.append(bars);
    }

    PlotSeries diagonal;
    diagonal.name = QStringLiteral("ideal");
    diagonal.color = QColor(0x9a, 0x9a, 0x9a);
    diagonal.style = PlotSeries::Style::Dotted;
    diagonal.width = 1.5;
    diagonal.points = {{0.0, 0.0}, {1.0, 1.0}};
    diagonal.pickable = false;
    diagonal.id = kReliabilityDiagonalSeriesId;
    spec.series.append(diagonal);

    if (curve.samples == 0 || curve.bins.empty()) {
        spec.note = QStringLiteral("No rows to measure calibration on");
        return spec;
    }
    PlotSeries line;
    line.name = options.subject;
    line.color = options.color;
    line.width = 2.0;
    line.pickable = false;
    line.id = kReliabilityCurveSeriesId;
    PlotSeries points;
    points.color = options.color;
    points.style = PlotSeries::Style::Scatter;
    points.width = 8.0;
    points.id = kReliabilityPointsSeriesId;
    for (const ReliabilityBin& bin : curve.bins) {
        const QPointF p(bin.meanPredicted, bin.fractionPositive);
        line.points.append(p);
        points.points.append(p);
        points.hoverText << QStringLiteral("bin %1: %2 rows\nmean predicted %3\n%4 %5")
                                .arg(binRange(bin.lo, bin.hi))
                                .arg(bin.count)
                                .arg(formatMetric(bin.meanPredicted))
                                .arg(options.topLabel ? QStringLiteral("accuracy")
                                                      : QStringLiteral("fraction positive"))
                                .arg(formatMetric(bin.fractionPositive));
    }
    spec.series.append(line);
    spec.series.append(points);
    return spec;
}

PlotSpec reliabilityPlot(const CalibrationReport& report, int column,
    const QStringList& targetNames, std::optional<double> temperature)
{
    ReliabilityPlotOptions options;
    const ReliabilityCurve* curve = &report.topLabel;
    if (column == kReliabilityTopLabel) {
        options.topLabel = true;
        options.subject = QStringLiteral("top-label");
    } else {
        if (column < 0 || column >= static_cast<int>(report.perClass.size()))
            throw std::out_of_range("reliabilityPlot: no score column " + std::to_string(column));
        curve = &report.perClass[static_cast<std::size_t>(column)].curve;
        // A binary task's one column is its positive class, target 1.
        const bool binary = report.perClass.size() == 1;
        const int target = binary ? 1 : column;
        const QString name = targetNames.value(target, QString::number(target));
        options.subject = binary ? name : QStringLiteral("%1 vs rest").arg(name);
        options.color = classColor(target);
    }
    if (temperature)
        options.subject += QStringLiteral(" at T = %1").arg(formatParameter(*temperature));
    return reliabilityPlot(*curve, options);
}

} // namespace focalscope
