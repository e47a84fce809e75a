#include "charts/pr_plot.h"

#include "charts/chart_helpers.h"
#include "plot/decimation.h"
#include "plot/plot_palette.h"

#include <cmath>

namespace focalscope {

using namespace charts;

namespace {

// Precision P_i holds over [R_{i+1}, R_i] (recall decreasing, scikit-learn's order): from
// (R_i, P_i) go to (R_{i+1}, P_i), then to (R_{i+1}, P_{i+1}). The corner carries index i.
void appendSteps(const PrCurve& pr, PlotSeries& series)
{
    const std::size_t n = std::min(pr.precision.size(), pr.recall.size());
    series.points.reserve(static_cast<qsizetype>(2 * n));
    series.sourceIndex.reserve(static_cast<qsizetype>(2 * n));
    for (std::size_t i = 0; i < n; ++i) {
        series.points.append(QPointF(pr.recall[i], pr.precision[i]));
        series.sourceIndex.append(static_cast<qsizetype>(i));
        if (i + 1 < n && pr.recall[i + 1] != pr.recall[i]) {
            series.points.append(QPointF(pr.recall[i + 1], pr.precision[i]));
            series.sourceIndex.append(static_cast<qsizetype>(i));
        }
    }
}

} // namespace

PlotSpec prPlot(const RocReport& report, const std::vector<bool>& visible,
    const std::vector<double>& prevalences)
{
    PlotSpec spec;
    spec.title = report.binary ? QStringLiteral("Precision-recall curve")
                               : QStringLiteral("Precision-recall curves (one-vs-rest)");
    spec.x = {QStringLiteral("Recall"), 0.0, 1.0, false};
    spec.y = {QStringLiteral("Precision"), 0.0, 1.0, false};

    QList<PlotSeries> baselines;
    QStringList undefined;
    for (std::size_t c = 0; c < report.classes.size(); ++c) {
        const ClassRoc& roc = report.classes[c];
        if (std::isnan(roc.averagePrecision) || roc.pr.precision.empty()) {
            undefined << QString::fromStdString(roc.name);
            continue;
        }
        if (!isVisible(visible, c))
            continue;
        const QColor colour = classColor(report.binary ? 1 : static_cast<int>(c));
        PlotSeries series;
        series.name
            = QStringLiteral("%1 (AP %2)")
                  .arg(QString::fromStdString(roc.name), formatMetric(roc.averagePrecision));
        series.color = colour;
        series.id = static_cast<int>(c);
        appendSteps(roc.pr, series);
        decimateSeries(series);
        spec.series.append(series);

        const std::int64_t rows = roc.positives + roc.negatives;
        const double prevalence = c < prevalences.size() ? prevalences[c]
            : rows > 0                                   ? static_cast<double>(roc.positives) / rows
                                                         : std::nan("");
        if (std::isfinite(prevalence)) {
            PlotSeries baseline;
            baseline.color = colour;
            baseline.style = PlotSeries::Style::Dotted;
            baseline.width = 1.5;
            baseline.points = {{0.0, prevalence}, {1.0, prevalence}};
            baseline.pickable = false;
            baseline.id = static_cast<int>(c);
            baselines.append(baseline);
        }
    }
    spec.series.append(baselines);
    if (!undefined.isEmpty())
        spec.note = QStringLiteral("No precision-recall curve (no positives): %1")
                        .arg(undefined.join(QStringLiteral(", ")));
    else if (!baselines.isEmpty())
        spec.note = QStringLiteral(
            "Dotted lines: each class's prevalence (a random classifier's precision)");
    return spec;
}

} // namespace focalscope
