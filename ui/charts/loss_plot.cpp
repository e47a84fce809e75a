#include "charts/loss_plot.h"

#include "charts/chart_helpers.h"
#include "loss/focal_views.h"
#include "plot/plot_palette.h"

#include <algorithm>
#include <stdexcept>

namespace focalscope {

using namespace charts;

PlotSpec lossPlot(double alpha, double gamma, const LossPlotOptions& options)
{
    PlotSpec spec;
    spec.title = QStringLiteral("Focal loss vs pₜ");
    spec.x = {QStringLiteral("pₜ (probability of the true class)"), 0.0, 1.0, false};
    // Figure 1's 0..5, or scaled by alpha (to a round number) so that the curves fill the plot.
    const double top = options.scaleToAlpha ? niceCeiling(5.0 * (alpha > 0.0 ? alpha : 1.0)) : 5.0;
    spec.y = {QStringLiteral("Loss"), 0.0, top, false};

    const int references = static_cast<int>(kReferenceGammas.size());
    for (int k = 0; k < references; ++k) {
        const Curve curve = lossVsPt(alpha, kReferenceGammas[k]);
        PlotSeries series;
        series.name = QStringLiteral("γ = %1").arg(formatParameter(kReferenceGammas[k]));
        series.color = sequenceColor(k, references);
        series.width = 1.5;
        series.points = toPoints(curve.x, curve.y);
        series.id = kReferenceGammaSeriesId + k;
        spec.series.append(series);
    }

    const Curve current = lossVsPt(alpha, gamma);
    PlotSeries currentSeries;
    currentSeries.name = options.className.isEmpty()
        ? QStringLiteral("current: α = %1, γ = %2")
              .arg(formatParameter(alpha), formatParameter(gamma))
        : QStringLiteral("current: α = %1 (class %2), γ = %3")
              .arg(formatParameter(alpha), options.className, formatParameter(gamma));
    currentSeries.color = QColor(0xd6, 0x27, 0x28);
    currentSeries.width = 3.5;
    currentSeries.points = toPoints(current.x, current.y);
    currentSeries.id = kCurrentLossSeriesId;
    spec.series.append(currentSeries);

    if (options.showGradient) {
        const Curve gradient = gradientVsPt(alpha, gamma);
        const double top
            = gradient.y.empty() ? 1.0 : *std::max_element(gradient.y.begin(), gradient.y.end());
        PlotSeries series;
        series.name = QStringLiteral("|dl/dxₜ| (current)");
        series.color = currentSeries.color;
        series.style = PlotSeries::Style::Dashed;
        series.width = 2.0;
        series.points = toPoints(gradient.x, gradient.y);
        series.onSecondaryAxis = true;
        series.id = kGradientSeriesId;
        spec.series.append(series);
        spec.yRight = {QStringLiteral("|dl/dxₜ|"), 0.0, niceCeiling(top * 1.05), false};
    }
    if (alpha != 1.0)
        spec.note
            = QStringLiteral("Reference curves use the same α = %1").arg(formatParameter(alpha));
    return spec;
}

double lossCurveAlpha(const FocalParams& params, Index classes, Index target)
{
    try {
        const Eigen::VectorXd weights
            = effectiveAlpha(params.alpha, params.mode, std::max<Index>(classes, 1));
        return weights[std::clamp<Index>(target, 0, weights.size() - 1)];
    } catch (const std::invalid_argument&) {
        return 1.0; // a weight list that does not fit the classes (yet): draw unweighted
    }
}

} // namespace focalscope
