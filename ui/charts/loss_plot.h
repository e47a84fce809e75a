#pragma once

#include "plot/plot_spec.h"

namespace focalscope {

// PlotSeries::id values of the loss-vs-p_t chart.
inline constexpr int kCurrentLossSeriesId = 0;
inline constexpr int kGradientSeriesId = 1;
inline constexpr int kReferenceGammaSeriesId = 10; // + index into kReferenceGammas

// Figure 1 of Lin et al. 2017: the loss l(p_t) = -alpha (1 - p_t)^gamma log p_t for the
// current (alpha, gamma) (thick, named "current: α = 0.25, γ = 2") and, thin, the reference
// gammas 0, 0.5, 1, 2, 5 with the same alpha (named "γ = 0", ...), on x = p_t 0..1 (core's
// ptSamples, log-spaced near 0) and y = loss from 0 to 5 alpha rounded up to 1, 2, 2.5 or 5
// times a power of ten (Figure 1's 0..5 for alpha = 1; the curves leave the top, -log p_t ->
// inf at 0). With showGradient, |dl/dx_t| of the current curve on the right axis.
PlotSpec lossPlot(double alpha, double gamma, bool showGradient = false);

} // namespace focalscope
