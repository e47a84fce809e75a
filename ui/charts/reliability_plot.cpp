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

// A curve's line through its non-empty bins, named `name`, and on the same points markers with a
// hover text per bin (prefixed with `run` when several runs share the diagram).
void appendCurve(PlotSpec& spec, const ReliabilityCurve& curve, const QString& name,
    const QColor& color, PlotSeries::Style style, bool topLabel, const QString& run)
{
    PlotSeries line;
    line.name = name;
    line.color = color;
    line.style = style;
    line.width = 2.0;
    line.pickable = false;
    line.id = kReliabilityCurveSeriesId;
    PlotSeries points;
    points.color = color;
    points.style = PlotSeries::Style::Scatter;
    points.width = 8.0;
    points.id = kReliabilityPointsSeriesId;
    const QString prefix = run.isEmpty() ? QString() : run + QStringLiteral(": ");
    for (const ReliabilityBin& bin : curve.bins) {
        const QPointF p(bin.meanPredicted, bin.fractionPositive);
        line.points.append(p);
        points.points.append(p);
        points.hoverText << QStringLiteral("%1bin %2: %3 rows\nmean predicted %4\n%5 %6")
                                .arg(prefix, binRange(bin.lo, bin.hi))
                                .arg(bin.count)
                                .arg(formatMetric(bin.meanPredicted))
                                .arg(topLabel ? QStringLiteral("accuracy")
                                              : QStringLiteral("fraction positive"))
                                .arg(formatMetric(bin.fractionPositive));
    }
    spec.series.append(line);
    spec.series.append(points);
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
    appendCurve(spec, curve, options.subject, options.color, PlotSeries::Style::Line,
        options.topLabel, QString());
    return spec;
}

namespace {

// The curve and the options of one diagram of a report (reliabilityPlot's).
std::pair<const ReliabilityCurve*, ReliabilityPlotOptions> reportDiagram(
    const CalibrationReport& report, int column, const QStringList& targetNames,
    std::optional<double> temperature)
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
    return {curve, options};
}

} // namespace

PlotSpec reliabilityPlot(const CalibrationReport& report, int column,
    const QStringList& targetNames, std::optional<double> temperature)
{
    const auto [curve, options] = reportDiagram(report, column, targetNames, temperature);
    return reliabilityPlot(*curve, options);
}

PlotSpec reliabilityRunsPlot(
    const std::vector<ReliabilityRun>& runs, int column, const QStringList& targetNames)
{
    if (runs.empty())
        return {};
    const ReliabilityRun& first = runs.front();
    if (runs.size() == 1)
        return reliabilityPlot(*first.report, column, targetNames, first.temperature);

    auto [curve, options] = reportDiagram(*first.report, column, targetNames, std::nullopt);
    PlotSpec spec = reliabilityPlot(*curve, options);
    spec.title = options.subject + QStringLiteral(": ECE by run");
    // The first run's curve (the diagram's own) restyled as a run; then the others over it.
    spec.series.removeIf([](const PlotSeries& s) {
        return s.id == kReliabilityCurveSeriesId || s.id == kReliabilityPointsSeriesId;
    });
    for (PlotSeries& s : spec.series)
        if (s.id == kReliabilityCountsSeriesId)
            s.name += QStringLiteral(" (%1)").arg(first.style.name);
    for (const ReliabilityRun& run : runs) {
        const ReliabilityCurve& runCurve
            = *reportDiagram(*run.report, column, targetNames, std::nullopt).first;
        QString name = QStringLiteral("%1: ECE %2").arg(run.style.name, formatMetric(runCurve.ece));
        if (run.temperature)
            name += QStringLiteral(" (T = %1)").arg(formatParameter(*run.temperature));
        appendCurve(spec, runCurve, name, run.style.color, run.style.line, options.topLabel,
            run.style.name);
    }
    return spec;
}

} // namespace focalscope
