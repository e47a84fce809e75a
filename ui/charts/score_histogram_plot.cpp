#include "charts/score_histogram_plot.h"

#include "charts/chart_helpers.h"

#include <algorithm>
#include <cmath>

namespace focalscope {

using namespace charts;

namespace {

// Grey for the rest, unless the class itself is grey (class 0's palette colour): then a blue.
QColor negativesColor(const QColor& classColor)
{
    return classColor.hsvSaturation() < 40 ? QColor(0x3b, 0x5b, 0x92) : QColor(0x9a, 0x9a, 0x9a);
}

} // namespace

PlotSpec scoreHistogramPlot(const ScoreHistogram& histogram, double threshold,
    const QString& className, const QColor& classColor, bool logCounts,
    const QList<QPointF>& expectedCost)
{
    PlotSpec spec;
    spec.title = QStringLiteral("Scores of %1 against the rest").arg(className);
    const std::size_t bins = histogram.positives.size();
    if (bins == 0 || histogram.edges.size() != bins + 1)
        return spec;
    const double lo = histogram.edges.front();
    const double hi = histogram.edges.back();
    spec.x = {QStringLiteral("Score (ranked by the ROC: the probability of %1)").arg(className), lo,
        hi, false};
    std::int64_t top = 1;
    for (std::size_t b = 0; b < bins; ++b)
        top = std::max({top, histogram.positives[b], histogram.negatives[b]});
    spec.y = logCounts ? PlotAxis {QStringLiteral("Rows (log scale)"), 0.5,
                 std::pow(10.0, std::ceil(std::log10(static_cast<double>(top)) + 0.05)), true}
                       : PlotAxis {QStringLiteral("Rows"), 0.0,
                           niceCeiling(static_cast<double>(top) * 1.05), false};
    const double width = (hi - lo) / static_cast<double>(bins);

    const struct {
        const std::vector<std::int64_t>& counts;
        QString name;
        QColor colour;
        int id;
    } groups[] = {{histogram.negatives, QStringLiteral("negatives (rest)"),
                      negativesColor(classColor), kNegativeScoresSeriesId},
        {histogram.positives, QStringLiteral("positives (%1)").arg(className), classColor,
            kPositiveScoresSeriesId}};
    for (const auto& group : groups) {
        std::int64_t rows = 0;
        PlotSeries series;
        series.style = PlotSeries::Style::Bars;
        series.color = group.colour;
        series.width = 1.5;
        series.barWidth = width;
        series.id = group.id;
        for (std::size_t b = 0; b < bins; ++b) {
            const std::int64_t count = group.counts[b];
            rows += count;
            // A log axis cannot show 0: empty bins sit on its floor.
            const double height = logCounts && count == 0 ? 0.5 : static_cast<double>(count);
            series.points.append(
                QPointF((histogram.edges[b] + histogram.edges[b + 1]) / 2.0, height));
            series.hoverText.append(
                QStringLiteral("%1\nscore %2 to %3: %4 rows")
                    .arg(group.name, QString::number(histogram.edges[b], 'g', 4),
                        QString::number(histogram.edges[b + 1], 'g', 4))
                    .arg(count));
        }
        series.name = QStringLiteral("%1, %2 rows").arg(group.name).arg(rows);
        spec.series.append(series);
    }

    if (!expectedCost.isEmpty()) {
        double most = 0.0;
        for (const QPointF& p : expectedCost)
            most = std::max(most, p.y());
        PlotSeries cost;
        cost.name = QStringLiteral("expected cost");
        cost.color = QColor(0xb3, 0x3d, 0x26);
        cost.width = 2.0;
        cost.points = expectedCost;
        cost.onSecondaryAxis = true;
        cost.pickable = false;
        cost.id = kExpectedCostSeriesId;
        spec.series.append(cost);
        spec.yRight = {QStringLiteral("Expected cost"), 0.0, niceCeiling(most * 1.05), false};
    }

    if (std::isfinite(threshold) && threshold >= lo && threshold <= hi) {
        PlotSeries line;
        line.name = QStringLiteral("threshold %1").arg(QString::number(threshold, 'g', 6));
        line.color = QColor(0x20, 0x20, 0x20);
        line.style = PlotSeries::Style::Dashed;
        line.width = 2.0;
        line.points = {{threshold, spec.y.min}, {threshold, spec.y.max}};
        line.pickable = false;
        line.id = kThresholdLineSeriesId;
        spec.series.append(line);
        spec.note = QStringLiteral("Rows at or right of the line are predicted %1").arg(className);
    } else if (std::isnan(threshold)) {
        spec.note = QStringLiteral("Pick a threshold to draw it here");
    } else {
        spec.note = threshold > hi ? QStringLiteral("Threshold above every score: nothing is "
                                                    "predicted %1")
                                         .arg(className)
                                   : QStringLiteral("Threshold below every score: every row is "
                                                    "predicted %1")
                                         .arg(className);
    }
    return spec;
}

} // namespace focalscope
