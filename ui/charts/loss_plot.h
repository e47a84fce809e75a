#pragma once

#include "loss/focal_loss.h"
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

// The alpha_t the loss-vs-p_t curve is drawn with, the same in the window and the CLI: the
// weight of a foreground row (class 1; label 1 of a binary task), the rows focal loss is
// tuned for — with the seed's scalar alpha a that is 1 - a, with torchvision's sigmoid a.
// 1 when alpha is none; class 0's weight for a one-class softmax.
double lossCurveAlpha(const FocalParams& params, Index classes);

} // namespace focalscope
